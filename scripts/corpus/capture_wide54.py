#!/usr/bin/env python3
"""Capture round 54 of the compression corpus: documentation builds, doc linters and doc generators new to the
corpus. A tide-gauge library's manual (`tidewell`) is written here with real problems put in (broken references, bad
directives, failing doctests, dead links served on loopback, troff requests that do not exist) and widened by a
seeded generator of pages, then run through sphinx-build (-W --keep-going, -n, -b linkcheck, -b doctest), mkdocs
build --strict, restructuredtext-lint, linkchecker, groff -ww, man -l and pandoc, some typed as agents type them
(pipes that cut, `; echo EXIT=$?`, `2>&1 | tail -n 60`). Needles by NEEDLES.md's "Round 54" rules; nothing captured
here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide54.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide54.json  as {"version": 2, "items": [...]}, ids prefixed "wide54-".
"""

from __future__ import annotations

import os
import random
import re
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_more import any_of, groups, kind, mask, write_tree  # noqa: E402

ID_PREFIX = "wide54-"
DEFAULT_OUT = HERE / "data" / "wide54.json"
TMP = Path("/tmp/hm-corpus-wide54")
TOOLS = Path("/tmp/hm-corpus-wide54-tools")
VENV = TOOLS / "venv"
MIN_CHARS, MAX_CHARS = 400, 120_000

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def ensure_tools() -> None:
    cm.install_venv(VENV, "sphinx-build", ["sphinx", "mkdocs", "restructuredtext-lint", "linkchecker"])
    cm.ensure_apt("pandoc", "pandoc")
    cm.PATH_PREFIX[:0] = [str(VENV / "bin")]


def _exit_lines(lines):
    return [ln for ln in lines if re.match(r"^EXIT=\d+$", ln.strip())]


# ------------------------------------------------------------------ extractors (NEEDLES.md, round 54)

def _sphinx_common(lines):
    out, pairs = [], []
    for ln in lines:
        if re.search(r"\b(ERROR|SEVERE|CRITICAL)\b", ln) or ln.startswith("Warning, treated as error"):
            out.append(ln)
        elif "WARNING:" in ln:
            m = re.match(r"^(\S+?)(?::\d+)?(?::\s|\s)", ln)
            src = m.group(1) if m else ""
            pairs.append(((mask(ln.split("WARNING:", 1)[1]), src), ln))
        if re.match(r"^build (succeeded|finished with problems)", ln):
            out.append(ln)
    return out + groups(pairs) + _exit_lines(lines)


@kind("sphinx-build-W", "build")
def n_sphinx_w(lines):
    """Rules 1+3: every ERROR/SEVERE/CRITICAL line; WARNING lines one {any} per (message shape, source file); the closing build line."""
    return _sphinx_common(lines)


@kind("sphinx-build-nitpicky", "build")
def n_sphinx_n(lines):
    """Rules 1+3: every ERROR/SEVERE/CRITICAL line; WARNING lines (nitpicky references) one {any} per (message shape, source file); the closing build line."""
    return _sphinx_common(lines)


@kind("sphinx-linkcheck", "build")
def n_sphinx_linkcheck(lines):
    """Rule 5: every line reporting a broken link; redirect lines one {any} per file; the closing build line."""
    out, pairs = [], []
    for ln in lines:
        if re.search(r"\bbroken\b", ln):
            out.append(ln)
        elif re.search(r"\bredirect", ln):
            m = re.match(r"^\(?\s*(\S+?)[:)]", ln)
            pairs.append((m.group(1) if m else "", ln))
    return out + groups(pairs) + _sphinx_common(lines)


@kind("sphinx-doctest", "test")
def n_sphinx_doctest(lines):
    """Rules 1+2: each failure's File line, the first line after Expected: and Got:, exception lines, and the summary lines."""
    out = []
    for i, ln in enumerate(lines):
        if re.match(r'^File ".*", line \d+', ln):
            out.append(ln)
        elif ln.strip() in ("Expected:", "Got:") and i + 1 < len(lines) and lines[i + 1].strip():
            out.append(lines[i + 1])
        elif re.match(r"^\s*\w+(Error|Exception):", ln):
            out.append(ln)
        elif re.search(r"\d+ failures? in (tests|setup|cleanup)|^\s*\d+ tests?\b|Doctest summary", ln) or \
                re.match(r"^build (succeeded|finished with problems)", ln):
            out.append(ln)
    return out + _sphinx_common(lines)


@kind("mkdocs-build-strict", "build")
def n_mkdocs_strict(lines):
    """Rules 1+3: every ERROR line; WARNING lines one {any} per (message shape, page named); the 'Aborted with N warnings' line."""
    out, pairs = [], []
    for ln in lines:
        if re.match(r"^\s*ERROR\b", ln) or "Aborted with" in ln:
            out.append(ln)
        elif re.match(r"^\s*WARNING\b", ln):
            m = re.search(r"'([^']+\.md)'", ln)
            pairs.append(((mask(ln), m.group(1) if m else ""), ln))
    return out + groups(pairs) + _exit_lines(lines)


@kind("rst-lint", "lint")
def n_rst_lint(lines):
    """Rule 1: every ERROR/SEVERE line; WARNING/INFO lines one {any} per (message shape, file)."""
    out, pairs = [], []
    for ln in lines:
        m = re.match(r"^(ERROR|SEVERE|WARNING|INFO)\s+(\S+?):\d+", ln)
        if not m:
            continue
        if m.group(1) in ("ERROR", "SEVERE"):
            out.append(ln)
        else:
            pairs.append(((mask(ln[m.end():]), m.group(2)), ln))
    return out + groups(pairs) + _exit_lines(lines)


@kind("linkchecker", "build")
def n_linkchecker(lines):
    """Rules 1+3: every 'Result Error' line with its block's URL and Parent URL lines; warnings one {any} per shape; the closing 'That's it' and counts lines."""
    out, pairs = [], []
    for i, ln in enumerate(lines):
        if re.match(r"^Result\s+Error", ln):
            out.append(ln)
            for k in range(max(0, i - 8), i):
                if re.match(r"^(URL|Parent URL)\s", lines[k]):
                    out.append(lines[k])
        elif re.match(r"^Warning\s", ln):
            pairs.append((mask(ln), ln))
        elif ln.startswith("That's it.") or re.search(r"\d+ (warnings?|errors?) found", ln):
            out.append(ln)
    return out + groups(pairs) + _exit_lines(lines)


def _troff(lines, headings: bool):
    out, pairs = [], []
    for ln in lines:
        if re.search(r"\berror:", ln):
            out.append(ln)
        elif re.search(r"\bwarning:", ln):
            m = re.match(r"^[\w.-]+:(?:<standard input>|[^:]+):", ln)
            f = m.group(0) if m else ""
            pairs.append(((mask(ln.split("warning:", 1)[1]), f), ln))
        elif headings and re.match(r"^[A-Z][A-Z ]{2,}$", ln.rstrip()):
            out.append(ln)
    return out + groups(pairs) + _exit_lines(lines)


@kind("groff-ww", "doc")
def n_groff_ww(lines):
    """Rule 1: every troff error line; warning lines one {any} per (message shape, file)."""
    return _troff(lines, False)


@kind("man-l-warnings", "doc")
def n_man_l(lines):
    """Rules 1+5: every troff error line; warnings one {any} per (message shape, file); every section heading of the rendered page."""
    return _troff(lines, True)


@kind("pandoc-warnings", "doc")
def n_pandoc(lines):
    """Rule 1: [WARNING] lines one {any} per message shape; every error line and the lines it points at within six."""
    out, pairs = [], []
    for i, ln in enumerate(lines):
        if ln.startswith("[WARNING]"):
            pairs.append((mask(ln), ln))
        elif re.match(r"^(pandoc:|Error|\[ERROR\])", ln) or re.search(r"\b(parse )?exception\b", ln, re.I):
            out.append(ln)
            for k in range(i + 1, min(len(lines), i + 7)):
                if re.search(r"line \d+|\d+:\d+", lines[k]):
                    out.append(lines[k])
                    break
    return out + groups(pairs) + _exit_lines(lines)


# ------------------------------------------------------------------ the doc set

TOPICS = ["harmonics", "datums", "gauges", "surge", "filters", "calibration", "exports", "alerts", "stations",
          "spectra", "residuals", "leveling"]


def page_rst(rnd: random.Random, name: str, i: int, port: int) -> str:
    t = f"{name.capitalize()} {i}"
    parts = [t, "=" * len(t), "", f".. _{name}-{i}:", "", f"The {name} module reads tide records.", ""]
    for s in range(rnd.randint(3, 6)):
        h = f"Section {s}: {rnd.choice(TOPICS)} of gauge {rnd.randint(100, 999)}"
        under = "-" * (len(h) if rnd.random() < 0.85 else len(h) - 6)  # bug: underline too short
        parts += [h, under, "", f"See :func:`tidewell.{name}.load_{s}` and :class:`tidewell.Gauge{s}`.", ""]
        r = rnd.random()
        if r < 0.15:
            parts += [f"Compare :ref:`{rnd.choice(TOPICS)}-missing-{s}` for details.", ""]
        elif r < 0.25:
            parts += [".. cautionn:: the datum shifts after 2019", ""]  # bug: unknown directive
        elif r < 0.32:
            parts += [f"A dead link: `report <http://127.0.0.1:{port}/reports/{name}{i}.html>`_.", ""]
        elif r < 0.40:
            parts += [f"Mirror: `docs <http://127.0.0.1:{port}/docs>`_ and `ok <http://127.0.0.1:{port}/ok.html>`_.", ""]
        elif r < 0.48:
            parts += ["Term |undefsub| here.", ""]
        parts += [".. doctest::", "", f"   >>> round(1.5 + {s}, 1)", f"   {1.5 + s if rnd.random() < 0.8 else 9.9}", ""]
    return "\n".join(parts) + "\n"


CONF = '''project = "tidewell"
extensions = ["sphinx.ext.doctest"]
exclude_patterns = ["_build"]
linkcheck_timeout = 3
linkcheck_retries = 1
'''


def sphinx_project(tmp: Path, port: int) -> Path:
    root = tmp / "docs"
    rnd = random.Random(5401)
    files = {"conf.py": CONF}
    names = []
    for i in range(22):
        name = f"{rnd.choice(TOPICS)}{i}"
        names.append(name)
        files[f"{name}.rst"] = page_rst(rnd, name, i, port)
    files["index.rst"] = ("tidewell\n========\n\n.. toctree::\n   :maxdepth: 1\n\n" +
                          "".join(f"   {n}\n" for n in names[:-2]) + "   api-missing\n\n"
                          ".. include:: fragments/notes.rst\n\n.. doctest::\n\n   >>> 1 / 0\n   0\n")
    root.mkdir(parents=True)
    for k, v in files.items():
        (root / k).write_text(v)
    return root


def serve(tmp: Path) -> int:
    site = tmp / "site-srv"
    (site / "docs").mkdir(parents=True)
    (site / "ok.html").write_text("<html><body>ok</body></html>")
    (site / "docs" / "index.html").write_text("<html><body>docs</body></html>")
    port = cm.free_port()
    cm.start(f"python3 -m http.server {port} --bind 127.0.0.1", cwd=site)
    time.sleep(1.0)
    return port


def sphinx(tmp: Path) -> None:
    port = serve(tmp)
    root = sphinx_project(tmp, port)
    cap("sphinx-W-keep-going", "sphinx-build -W --keep-going -b html . _build/html", root, n_sphinx_w)
    cap("sphinx-W-tail-60", "sphinx-build -W --keep-going -E -b html . _build/html 2>&1 | tail -n 60", root, n_sphinx_w)
    cap("sphinx-n-nitpicky", "sphinx-build -n -E -b html . _build/html2", root, n_sphinx_n)
    cap("sphinx-n-q-echo", "sphinx-build -n -q -E -b html . _build/html3; echo EXIT=$?", root, n_sphinx_n)
    cap("sphinx-linkcheck", "sphinx-build -b linkcheck . _build/linkcheck", root, n_sphinx_linkcheck, timeout=300)
    cap("sphinx-linkcheck-grep", "sphinx-build -q -b linkcheck . _build/lc2 2>&1 | grep -v ' ok '; echo EXIT=$?",
        root, n_sphinx_linkcheck, timeout=300)
    cap("sphinx-doctest", "sphinx-build -b doctest . _build/doctest", root, n_sphinx_doctest)
    cap("sphinx-doctest-tail", "sphinx-build -E -b doctest . _build/doctest2 2>&1 | tail -n 80", root, n_sphinx_doctest)
    cap("rst-lint-all", "rst-lint *.rst", root, n_rst_lint)
    cap("rst-lint-grep-head-echo", "rst-lint *.rst 2>&1 | grep -v '^INFO' | head -n 80; echo EXIT=$?", root, n_rst_lint)


def page_md(rnd: random.Random, name: str, names: list[str]) -> str:
    parts = [f"# {name}", "", f"The {name} page of the tidewell manual.", ""]
    for s in range(rnd.randint(3, 6)):
        parts += [f"## {rnd.choice(TOPICS).capitalize()} {s}", "", f"Gauge {rnd.randint(100, 999)} reports hourly.", ""]
        r = rnd.random()
        if r < 0.2:
            parts += [f"See [the {s} notes](missing-{s}.md).", ""]
        elif r < 0.35:
            parts += [f"See [{names[0]}]({names[0]}.md#no-such-anchor-{s}).", ""]
        elif r < 0.45:
            parts += [f"![plot](img/plot{s}.png)", ""]
        else:
            parts += [f"See [{(o := rnd.choice(names))}]({o}.md).", ""]
    return "\n".join(parts) + "\n"


def mkdocs(tmp: Path) -> None:
    root = tmp / "mk"
    rnd = random.Random(5402)
    names = [f"{rnd.choice(TOPICS)}-{i}" for i in range(26)]
    docs = root / "docs"
    docs.mkdir(parents=True)
    for n in names:
        (docs / f"{n}.md").write_text(page_md(rnd, n, names))
    (docs / "index.md").write_text("# tidewell\n\nSee [install](install.md) and [api](api/index.md).\n")
    nav = "".join(f"  - {n}: {n}.md\n" for n in names[:-4]) + "  - Install: install.md\n  - Changelog: changelog.md\n"
    (root / "mkdocs.yml").write_text("site_name: tidewell\nvalidation:\n  anchors: warn\nnav:\n  - Home: index.md\n" + nav)
    cap("mkdocs-strict", "mkdocs build --strict", root, n_mkdocs_strict)
    cap("mkdocs-strict-echo", "mkdocs build --strict -d /tmp/hm-corpus-wide54/mk-site2 2>&1 | tail -n 40; "
        "echo EXIT=${PIPESTATUS[0]}", root, n_mkdocs_strict)
    cm.run("mkdocs build -d site", cwd=root)
    port = cm.free_port()
    cm.start(f"python3 -m http.server {port} --bind 127.0.0.1", cwd=root / "site")
    time.sleep(1.0)
    globals()["SITE_PORT"] = port
    cap("linkchecker-site", f"linkchecker --no-status http://127.0.0.1:{port}/", root, n_linkchecker, timeout=300)
    cap("linkchecker-site-tail", f"linkchecker --no-status --check-extern http://127.0.0.1:{port}/ 2>&1 | tail -n 80",
        root, n_linkchecker, timeout=300)
    md = root / "docs"
    cap("pandoc-self-contained", "pandoc -s --self-contained --verbose -o /tmp/hm-corpus-wide54/manual.html "
        + " ".join(f"{n}.md" for n in names[:14]), md, n_pandoc)
    (md / "bad-meta.md").write_text("---\ntitle: tidewell\nauthors: [a, b\nversion: 2.1\n---\n\n# Body\n")
    cap("pandoc-bad-yaml-echo", "pandoc -s --verbose index.md bad-meta.md -o out.html; echo EXIT=$?", md, n_pandoc)
    cap("pandoc-docx-warnings", "pandoc -s --verbose -t docx -o /tmp/hm-corpus-wide54/manual.docx "
        + " ".join(f"{n}.md" for n in names[10:22]) + " 2>&1 | tail -n 60", md, n_pandoc)
    mlc(md, port)


MAN = r'''.TH TIDEWELL 1 "2026-03-01" "tidewell 2.1" "User Commands"
.SH NAME
tidewell \- read and reduce tide-gauge records
.SH SYNOPSIS
.B tidewell
[\fB\-\-station\fR \fIID\fR]
.SH DESCRIPTION
'''


def man_page(seed: int) -> str:
    rnd = random.Random(seed)
    out = [MAN]
    for i in range(40):
        out.append(f".SS {rnd.choice(TOPICS)} {i}\n")
        out.append(f"The {rnd.choice(TOPICS)} step reads gauge {rnd.randint(100, 999)} hourly.\n")
        r = rnd.random()
        if r < 0.15:
            out.append(".XX this request does not exist\n")
        elif r < 0.28:
            out.append("Bold \\fQword\\fR here.\n")  # unknown font
        elif r < 0.38:
            out.append(".TP bogus\n.IP\n")
        elif r < 0.46:
            out.append("A \\*[undefined-string] here.\n")
        elif r < 0.54:
            out.append(".sp -x\n")
        out.append(".PP\n")
    out.append(".SH OPTIONS\n.TP\n.B \\-\\-station\nGauge id.\n.SH EXIT STATUS\nZero on success.\n.SH SEE ALSO\n"
               ".BR tidewell.conf (5)\n")
    return "".join(out)


def troff(tmp: Path) -> None:
    d = tmp / "man"
    d.mkdir()
    (d / "tidewell.1").write_text(man_page(5403))
    (d / "tidewell-export.1").write_text(man_page(5404).replace("TIDEWELL 1", "TIDEWELL-EXPORT 1"))
    cap("groff-ww", "groff -ww -man -Tutf8 tidewell.1 > /dev/null", d, n_groff_ww)
    cap("groff-ww-two", "groff -ww -man -Tutf8 tidewell.1 tidewell-export.1 2>&1 >/dev/null | head -n 80", d, n_groff_ww)
    cap("man-l-warnings", "MANWIDTH=80 man --warnings=w -l tidewell.1 2>&1", d, n_man_l)
    cap("man-l-export-head", "MANWIDTH=80 man --warnings=all -l tidewell-export.1 2>&1 | head -n 120", d, n_man_l)


@kind("markdown-link-check", "build")
def n_mlc(lines):
    """Rules 1+3: every dead-link line with the FILE line heading its file, and the dead-links / links-checked lines."""
    out, cur, had = [], None, False
    for ln in lines:
        if ln.startswith("FILE:"):
            cur, had = ln, False
        elif "[✖]" in ln:
            out.append(ln)
            if cur and not had:
                out.append(cur)
                had = True
        elif re.search(r"\d+ dead links? found|\d+ links? checked", ln):
            out.append(ln)
    return out + _exit_lines(lines)


def mlc(md: Path, port: int) -> None:
    js = TOOLS / "js"
    exe = js / "node_modules" / ".bin" / "markdown-link-check"
    if not exe.exists():
        cm.note("skip markdown-link-check: not installed")
        return
    pages = sorted(md.glob("*.md"))[:12]
    for p in pages:  # absolute links to the served site, as a README would hold them
        p.write_text(re.sub(r"\]\(([\w-]+\.md)", lambda m: f"](http://127.0.0.1:{port}/{m.group(1)[:-3]}/", p.read_text()))
    cap("markdown-link-check-many", f"for f in {' '.join(p.name for p in pages)}; do {exe} \"$f\"; done", md, n_mlc,
        typed=f"for f in {' '.join(p.name for p in pages)}; do npx markdown-link-check \"$f\"; done")
    cap("markdown-link-check-quiet", f"{exe} -q {pages[0].name}; {exe} -q {pages[3].name}; echo EXIT=$?", md, n_mlc,
        typed=f"npx markdown-link-check -q {pages[0].name}; npx markdown-link-check -q {pages[3].name}; echo EXIT=$?")


@kind("doxygen-warnings", "build")
def n_doxygen(lines):
    """Rule 1: every error: line; warning: lines one {any} per (message shape, file)."""
    out, pairs = [], []
    for ln in lines:
        if re.search(r"\berror:", ln):
            out.append(ln)
        elif re.search(r"\bwarning:", ln):
            m = re.match(r"^([^:]+):\d+", ln)
            pairs.append(((mask(ln.split("warning:", 1)[1]), m.group(1) if m else ""), ln))
    return out + groups(pairs) + _exit_lines(lines)


def c_source(seed: int, name: str) -> str:
    rnd = random.Random(seed)
    out = [f"/** @file {name}.h\n * @brief Tide-gauge {name} routines.\n */\n#include <stddef.h>\n"]
    for i in range(30):
        fn = f"tw_{name}_{rnd.choice(TOPICS)}_{i}"
        r = rnd.random()
        if r < 0.3:
            out.append(f"int {fn}(const double *samples, size_t n);\n")  # undocumented
        elif r < 0.5:
            out.append(f"/**\n * @brief Reduce {fn}.\n * @param sample the record\n * @return zero on success\n */\n"
                       f"int {fn}(const double *samples, size_t n);\n")  # wrong parameter name
        elif r < 0.6:
            out.append(f"/**\n * @brief See @ref tw_missing_{i} and \\bogus{i} here.\n */\nvoid {fn}(void);\n")
        else:
            out.append(f"/**\n * @brief Reduce {fn}.\n * @param samples the record\n * @param n its length\n"
                       f" * @return zero on success\n */\nint {fn}(const double *samples, size_t n);\n")
    return "".join(out)


def doxygen(tmp: Path) -> None:
    if not cm.have("doxygen", "bin"):
        cm.note("skip doxygen: not installed")
        return
    d = tmp / "cdoc"
    (d / "include").mkdir(parents=True)
    for k, name in enumerate(["gauge", "harmonic", "datum", "surge"]):
        (d / "include" / f"{name}.h").write_text(c_source(5410 + k, name))
    (d / "Doxyfile").write_text("PROJECT_NAME = tidewell\nINPUT = include\nGENERATE_LATEX = NO\nWARN_IF_UNDOCUMENTED = YES\n"
                                "WARN_NO_PARAMDOC = YES\nEXTRACT_ALL = NO\nQUIET = YES\nOUTPUT_DIRECTORY = out\n")
    cap("doxygen-quiet", "doxygen Doxyfile", d, n_doxygen)
    cap("doxygen-grep-warning", "doxygen Doxyfile 2>&1 | grep -i warning | head -n 50; echo EXIT=$?", d, n_doxygen)


@kind("jsdoc-warnings", "build")
def n_jsdoc(lines):
    """Rule 1: every ERROR line; WARNING lines one {any} per (message shape, file)."""
    out, pairs = [], []
    for ln in lines:
        if re.match(r"^\s*ERROR\b", ln):
            out.append(ln)
        elif re.match(r"^\s*WARNING\b", ln):
            m = re.search(r"File: (\S+?),", ln)
            pairs.append(((mask(ln.split("File:")[0]), m.group(1) if m else ""), ln))
    return out + groups(pairs) + _exit_lines(lines)


@kind("textlint", "lint")
def n_textlint(lines):
    """Rules 1+3: findings one {any} per (rule id, file) with the file's header line; the closing problems line."""
    out, g, cur = [], {}, None
    for i, ln in enumerate(lines):
        m = re.match(r"^\s+\d+:\d+\s+(?:✓\s*)?(error|warning)\s", ln)
        if m:  # the rule id closes the finding: after two or more blanks, on its line or the message's next line
            r = re.search(r"\s{2,}([\w@/-]+)$", ln) or (re.search(r"\s{2,}([\w@/-]+)$", lines[i + 1])
                                                        if i + 1 < len(lines) else None)
            g.setdefault((r.group(1) if r else "", cur), [cur] if cur else []).append(ln)
        elif ln.startswith("/") or re.match(r"^\S+\.(md|txt)$", ln):
            cur = ln
        if re.search(r"✖ \d+ problems?", ln):
            out.append(ln)
    return out + [any_of(v) for v in g.values()] + _exit_lines(lines)


@kind("asciidoctor-warnings", "doc")
def n_asciidoctor(lines):
    """Rule 1: every ERROR line; WARNING lines one {any} per (message shape, file)."""
    out, pairs = [], []
    for ln in lines:
        if re.search(r"\bERROR:", ln):
            out.append(ln)
        elif re.search(r"\bWARNING:", ln):
            m = re.search(r"WARNING: ([^:]+):", ln)
            pairs.append(((mask(ln), m.group(1) if m else ""), ln))
    return out + groups(pairs) + _exit_lines(lines)


def js_source(seed: int, name: str) -> str:
    rnd = random.Random(seed)
    out = [f"/**\n * @module {name}\n */\n"]
    for i in range(25):
        fn = f"{name}{rnd.choice(TOPICS).capitalize()}{i}"
        r = rnd.random()
        if r < 0.2:
            out.append(f"/**\n * Reduce records.\n * @retrun {{number}} the level\n * @paramm {{Array}} rows\n */\n")
        elif r < 0.3:
            out.append(f"/**\n * Reduce records.\n * @param {{Array<number}} rows the records\n */\n")
        elif r < 0.4:
            out.append(f"/**\n * Reduce records.\n * @since\n * @see {{@link missing{i}}}\n */\n")
        else:
            out.append(f"/**\n * Reduce records.\n * @param {{Array<number>}} rows the records\n * @returns {{number}} level\n */\n")
        out.append(f"export function {fn}(rows) {{\n  return rows.length + {i};\n}}\n\n")
    return "".join(out)


def adoc(seed: int) -> str:
    rnd = random.Random(seed)
    out = ["= tidewell guide\n:toc:\n\n"]
    for i in range(40):
        lvl = "==" if rnd.random() < 0.85 else "===="  # out of sequence
        out.append(f"{lvl} {rnd.choice(TOPICS).capitalize()} {i}\n\nGauge {rnd.randint(100, 999)} reports hourly.\n\n")
        r = rnd.random()
        if r < 0.15:
            out.append(f"include::parts/{rnd.choice(TOPICS)}-{i}.adoc[]\n\n")
        elif r < 0.3:
            out.append(f"See <<{rnd.choice(TOPICS)}-missing-{i}>>.\n\n")
        elif r < 0.4:
            out.append("[source,python]\n----\nprint('x')\n\n")  # unterminated block for the last one
        elif r < 0.5:
            out.append(f"Value {{undefined-attr-{i}}} here.\n\n")
    return "".join(out)


def docs_js(tmp: Path) -> None:
    js = TOOLS / "js" / "node_modules" / ".bin"
    d = tmp / "jsdoc"
    (d / "src").mkdir(parents=True)
    for k, name in enumerate(["gauge", "harmonic", "datum", "surge", "alert"]):
        (d / "src" / f"{name}.js").write_text(js_source(5420 + k, name))
    (d / "src" / "broken.js").write_text("/** @param {number} x */\nexport function f(x) {\n  return x +;\n}\n")
    if (js / "jsdoc").exists():
        cap("jsdoc-src", f"{js}/jsdoc -r src -d out --pedantic", d, n_jsdoc, typed="npx jsdoc -r src -d out --pedantic")
        cap("jsdoc-src-echo", f"{js}/jsdoc -r src -d out2 2>&1 | head -n 40; echo EXIT=${{PIPESTATUS[0]}}", d, n_jsdoc,
            typed="npx jsdoc -r src -d out2 2>&1 | head -n 40; echo EXIT=${PIPESTATUS[0]}")
    else:
        cm.note("skip jsdoc: not installed")
    md = tmp / "mk" / "docs"
    if (js / "textlint").exists() and md.exists():
        rnd = random.Random(5430)
        for p in sorted(md.glob("*.md"))[:16]:
            p.write_text(p.read_text() + "\nTODO: check the datum, gauges, tides, surges, filters, exports, alerts, "
                         "stations, and levels, again.\n" + ("Use javascript and Github here.\n" if rnd.random() < 0.5 else ""))
        (md / ".textlintrc.json").write_text('{"rules": {"no-todo": true, "max-comma": {"max": 4}, "terminology": true}}')
        cap("textlint-docs", f"{js}/textlint *.md", md, n_textlint, typed="npx textlint *.md")
        cap("textlint-docs-tail", f"{js}/textlint *.md 2>&1 | tail -n 50; echo EXIT=${{PIPESTATUS[0]}}", md, n_textlint,
            typed="npx textlint *.md 2>&1 | tail -n 50; echo EXIT=${PIPESTATUS[0]}")
    else:
        cm.note("skip textlint: not installed")
    if cm.have("asciidoctor", "asciidoctor-warnings"):
        a = tmp / "adoc"
        a.mkdir()
        (a / "guide.adoc").write_text(adoc(5440))
        (a / "ops.adoc").write_text(adoc(5441).replace("tidewell guide", "tidewell operations"))
        cap("asciidoctor-verbose", "asciidoctor -v guide.adoc ops.adoc", a, n_asciidoctor)
        cap("asciidoctor-failure-level", "asciidoctor --failure-level WARN -v -o /dev/null guide.adoc; echo EXIT=$?", a,
            n_asciidoctor)


@kind("mandoc-lint", "lint")
def n_mandoc(lines):
    """Rule 1: every ERROR/UNSUPP line; WARNING/STYLE lines one {any} per (message shape, file)."""
    out, pairs = [], []
    for ln in lines:
        m = re.match(r"^mandoc: ([^:]+):[\d:]+ (ERROR|UNSUPP|WARNING|STYLE): (.*)$", ln)
        if not m:
            continue
        if m.group(2) in ("ERROR", "UNSUPP"):
            out.append(ln)
        else:
            pairs.append(((m.group(2), mask(m.group(3)), m.group(1)), ln))
    return out + groups(pairs) + _exit_lines(lines)


@kind("documentation-lint", "lint")
def n_documentation(lines):
    """Rules 1+3: findings one {any} per (message shape, file) with the file's header line; the closing warnings line."""
    out, g, cur = [], {}, None
    for ln in lines:
        if re.match(r"^\s+\d+:\d+\s+(warning|error)\s", ln):
            g.setdefault((mask(ln.split(None, 2)[-1]), cur), [cur] if cur else []).append(ln)
        elif re.match(r"^\S+\.js$", ln.strip()) and not ln.startswith(" "):
            cur = ln
        if re.search(r"⚠ \d+ warnings?|\d+ warnings?$", ln):
            out.append(ln)
    return out + [any_of(v) for v in g.values()] + _exit_lines(lines)


@kind("rst2man", "doc")
def n_rst2man(lines):
    """Rules 1+3: every (ERROR/3) or (SEVERE/4) line; (WARNING/2)/(INFO/1) lines one {any} per (message shape, file); 'Exiting due to level-N'."""
    out, pairs = [], []
    for ln in lines:
        m = re.match(r"^([^:]+):\d+: \((\w+)/(\d)\) (.*)$", ln)
        if m and int(m.group(3)) >= 3:
            out.append(ln)
        elif m:
            pairs.append(((mask(m.group(4)), m.group(1)), ln))
        elif ln.startswith("Exiting due to"):
            out.append(ln)
    return out + groups(pairs) + _exit_lines(lines)


def more_docs(tmp: Path) -> None:
    d = tmp / "man"
    if cm.have("mandoc", "mandoc-lint"):
        cap("mandoc-lint", "mandoc -T lint tidewell.1 tidewell-export.1", d, n_mandoc)
        cap("mandoc-lint-W-warning-echo", "mandoc -T lint -W warning tidewell.1; echo EXIT=$?", d, n_mandoc)
    exe = TOOLS / "js" / "node_modules" / ".bin" / "documentation"
    if exe.exists():
        cap("documentation-lint", f"{exe} lint src/*.js", tmp / "jsdoc", n_documentation, typed="npx documentation lint src/*.js")
        cap("documentation-lint-echo", f"{exe} lint src/gauge.js src/surge.js 2>&1 | head -n 60; echo EXIT=${{PIPESTATUS[0]}}",
            tmp / "jsdoc", n_documentation, typed="npx documentation lint src/gauge.js src/surge.js 2>&1 | head -n 60; "
            "echo EXIT=${PIPESTATUS[0]}")
    else:
        cm.note("skip documentation lint: not installed")
    r = tmp / "docs"
    (r / "tidewell.rst").write_text(r.joinpath("index.rst").read_text().replace("tidewell\n========",
                                    "tidewell\n========\n\n:Manual section: 1\n") + "".join(
                                    p.read_text() for p in sorted(r.glob("*.rst"))[:6]))
    cap("rst2man-page", "rst2man tidewell.rst tidewell.1 2>&1", r, n_rst2man)
    (r / "tidewell-ref.rst").write_text("tidewell-ref\n============\n\n:Manual section: 3\n\n" + "".join(
        p.read_text() for p in sorted(r.glob("*.rst"))[6:16] if p.name not in ("index.rst", "tidewell.rst")))
    cap("rst2man-ref-pages", "rst2man tidewell-ref.rst tidewell-ref.3", r, n_rst2man)
    cap("rst2man-strict-echo", "rst2man --strict tidewell.rst /tmp/hm-corpus-wide54/t.1; echo EXIT=$?", r, n_rst2man)


STEPS = [sphinx, mkdocs, troff, doxygen, docs_js, more_docs]


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, lambda: STEPS, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide54", sys.modules["__main__"])
    main()
