// tests/test_reflow.py: adds a line too wide for a phone (a guard test's bad example).
() => document.querySelector('.md-content__inner')
    .insertAdjacentHTML('beforeend', '<p style="width: 600px">A line that will not wrap</p>')
