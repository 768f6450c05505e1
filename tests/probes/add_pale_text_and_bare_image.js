// tests/test_accessibility.py: adds pale text and an image without alt text (a guard test's bad examples).
() => {
    const p = document.createElement('p');
    p.textContent = 'Pale text';
    p.style.cssText = 'color: #cccccc; background: #ffffff';
    document.querySelector('.md-content__inner').append(p);
    const img = document.createElement('img');
    img.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
    document.querySelector('.md-content__inner').append(img);
}
