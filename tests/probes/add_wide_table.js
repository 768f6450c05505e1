// tests/test_reflow.py: adds a table too wide for a phone, in Material's scrolling wrapper.
() => {
    const row = '<tr>' + '<td>Supercalifragilistic</td>'.repeat(6) + '</tr>';
    const t = document.createElement('table'); t.className = 'data-table';  // as the build leaves a table
    t.innerHTML = '<thead><tr>' + '<th>Heading</th>'.repeat(6) + '</tr></thead><tbody>' + row + '</tbody>';
    const wrap = document.createElement('div'); wrap.className = 'md-typeset__scrollwrap';
    const inner = document.createElement('div'); inner.className = 'md-typeset__table';
    inner.append(t); wrap.append(inner);
    document.querySelector('.md-content__inner').append(wrap);
}
