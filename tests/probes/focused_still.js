// tests/test_keyboard.py: true once the focused element has stopped moving (Material slides the skip link in).
() => {
  const el = document.activeElement;
  return !document.getAnimations().some(a => a.playState === 'running' && a.effect && a.effect.target
    && (a.effect.target.contains(el) || (el.nextElementSibling && a.effect.target === el.nextElementSibling)));
}
