// tests/test_privacy.py: a request to another host, a console error and a failed request, for the guards.
() => {
    const img = document.createElement('img');
    img.src = 'https://tracker.example.org/pixel.png';
    document.body.append(img);
    console.error('guard: a console error');
    return fetch('this-file-does-not-exist.json').then(() => true, () => true);
}
