"""Every page marker, `<!-- guide:NAME ... -->`, expanded in one place
(scripts/guide/markers.py): an unknown marker, a wrong argument or a comment that looks
like a marker fails the build with the file, line and the names that exist.

| marker                     | becomes                                   | made by
| help-box, sign-list,       | warning boxes and lists                   | guide/warning_signs.py
|   sign-section             |                                           |
| references                 | the references page's full list           | guide/references.py
| glossary                   | the glossary page's list                  | guide/glossary.py
| clinicians-pages           | every page's address and QR code, and     | guide/handouts.py
|                            | links to its summary and card to print    |
| advice-changes             | the dated record of advice changes        | guide/advice_changes.py
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.utils import get_relative_url

from _mkdocs import advice_changes, front_matter, glossary, handouts, markers, problems, raw, references, warning_signs, where

cited: set[str] = set()
in_menu: list[handouts.Handout] = []


def on_files(files, config):
    cited.clear()
    cited.update(references.cited_keys([f.content_string for f in files.documentation_pages()], warning_signs.cached()))
    return files


def on_nav(nav, config, files):
    """Every page in menu order, then the pages reached only by links (mkdocs.yml,
    not_in_nav), with their front matter title and description."""
    in_menu.clear()
    listed = {page.file.src_uri for page in nav.pages}
    others = [f for f in files.documentation_pages() if f.src_uri not in listed and f.generated_by is None]
    for file, url in [(p.file, p.url) for p in nav.pages] + [(f, f.url) for f in others]:
        meta = front_matter.read(file.content_string, f"docs/{file.src_uri}")[0] or {}
        in_menu.append(handouts.Handout(url, str(meta.get("title") or file.name), str(meta.get("description") or ""),
                                        prints=prints_of(file, files)))
    return nav


def prints_of(file, files) -> tuple[tuple[str, str], ...]:
    """What the build made to print from this page (handouts.py): its summary, its card."""
    made = [(label, files.get_file_from_path(source)) for label, source in handouts.printables(file.src_uri)]
    return tuple((label, f.url) for label, f in made if f is not None and f.generated_by is not None)


def on_page_markdown(markdown, page, config, files):
    signs = warning_signs.cached()

    def sign_marker(name):
        return lambda marker: warning_signs.marker_output(name, marker.args, signs)

    def without_arguments(make):
        return lambda marker: (make(), [] if not marker.args else
                               [(f"`guide:{marker.name}` takes no arguments.", f"write `<!-- guide:{marker.name} -->`.")])

    handlers = {name: sign_marker(name) for name in warning_signs.SIGN_MARKERS}
    handlers.update({
        "references": without_arguments(lambda: references.reference_list(cited, references.load()[0])),
        "glossary": without_arguments(lambda: glossary.html(glossary.load()[0])),
        "clinicians-pages": without_arguments(lambda: handouts.clinicians_list(
            in_menu, config.site_url, lambda url: get_relative_url(url or "./", page.url or "./"))),
        "advice-changes": without_arguments(lambda: advice_changes.markdown(
            advice_changes.load(docs=Path(config.docs_dir))[0], page.file.src_uri, Path(config.docs_dir))),
    })
    markdown, found = markers.expand(markdown, raw(page), where(page), handlers)
    problems.report(found)
    return markdown
