// tests/test_fonts.py: every @font-face rule and every font the page has loaded.
() => {
  const rules = [];
  for (const sheet of document.styleSheets) {
    let list;
    try { list = sheet.cssRules; } catch (e) { rules.push('unreadable sheet ' + sheet.href); continue; }
    for (const rule of list) if (rule instanceof CSSFontFaceRule) rules.push((sheet.href || 'inline') + ': ' + rule.cssText.slice(0, 120));
  }
  return {rules, faces: document.fonts.size};
}
