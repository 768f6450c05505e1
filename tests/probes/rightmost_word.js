// The index (among `article abbr`) of the glossary word nearest the right edge of the
// screen, away from its top and bottom: the hardest word for a tooltip to fit beside.
() => {
  let best = 0;
  let right = -1;
  document.querySelectorAll("article abbr").forEach((word, index) => {
    const box = word.getBoundingClientRect();
    if (box.top > 150 && box.bottom < innerHeight - 100 && box.right > right) {
      right = box.right;
      best = index;
    }
  });
  return best;
}
