// tests/searchkit.py: each search result's address, title, section titles and text.
() => [...document.querySelectorAll('.md-search-result__item')].map(item => {
        const links = [...item.querySelectorAll('a.md-search-result__link')];
        const head = links[0];
        return {
          href: head ? head.href : '',
          title: head ? (head.querySelector('h1, h2') || head).textContent.trim() : '',
          sections: links.slice(1).map(a => (a.querySelector('h2') || a).textContent.trim()),
          text: item.innerText,
        };
    })
