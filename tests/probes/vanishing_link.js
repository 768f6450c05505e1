// tests/test_keyboard.py: for the guard of the Tab walk, first in the content, a link that
// cannot be seen when it takes focus and disappears a moment later, so that focus goes
// back to the page (as Material's hidden "Back to top" button did before extra.css).
() => {
    const inner = document.querySelector('.md-content__inner');
    inner.insertAdjacentHTML('afterbegin', '<a id="before" href="#x">before</a><a id="vanishing" href="#y" style="opacity: 0">vanishing</a>');
    document.getElementById('vanishing').addEventListener('focus', event => {
        setTimeout(() => { event.target.style.display = 'none'; }, 0);
    });
}
