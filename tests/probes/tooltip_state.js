// The content tooltip that tooltips.js shows (null when none): its text, role, whether it
// is shown (faded in), where its box is on screen, and the state of the word it belongs to.
() => {
  const tip = document.getElementById("guide-tooltip");
  if (!tip) return null;
  const box = tip.querySelector(".md-tooltip2__inner").getBoundingClientRect();
  const host = document.querySelector('[aria-describedby="guide-tooltip"]');
  return {
    text: tip.textContent,
    role: tip.getAttribute("role"),
    active: tip.classList.contains("md-tooltip2--active"),
    left: box.left, right: box.right, top: box.top, bottom: box.bottom,
    hostTitle: host ? host.getAttribute("title") : "(no word is described by it)",
    describedBy: host ? host.getAttribute("aria-describedby") : null,
  };
}
