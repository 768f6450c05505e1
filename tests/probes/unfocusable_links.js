// tests/test_keyboard.py: two links a reader could not see focus on (no ring; off screen), for the guard.
() => {
    const style = document.createElement('style');
    style.textContent = '#bare:focus, #bare:focus-visible { outline: none !important; box-shadow: none !important; }';
    document.head.append(style);
    const inner = document.querySelector('.md-content__inner');
    inner.insertAdjacentHTML('afterbegin', '<a id="bare" href="#x">bare</a><a id="away" href="#y" style="position:absolute; left:-9999px">away</a>');
}
