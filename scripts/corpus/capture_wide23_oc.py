"""Round 23, OpenCode's webfetch on large pages: docutils' reference documentation (rendered to HTML by docutils
itself from the sdist's docs/) fetched as markdown, as OpenCode converts it (and cuts it at its 50 KB limit), from a
loopback server. (OpenCode's grep and glob stop at 100 matches, under this round's 20 KB floor: the round's searches
are bash's, in capture_wide23_sys.py.) The real OpenCode (.tools/bin/opencode) runs headless against the project's
model stub (capture_opencode.run_opencode). Extractors are the first rounds' (capture_opencode.py). Run through
capture_wide23.py; runs after the sdists are unpacked."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import capture_opencode as oc
from capture_more import add_or_skip, note, run
from capture_opencode import Spec
from capture_wide15_oc import oc_ext
from capture_wide23 import BIN, MAX_CHARS, MIN_CHARS

PAGES = {"directives": "ref/rst/directives", "restructuredtext": "ref/rst/restructuredtext", "config": "user/config",
         "latex": "user/latex"}


def specs() -> list[Spec]:
    return [Spec(f"oc-webfetch-md-docutils-{name}", "oc-webfetch-markdown", "doc", "webfetch",
                 {"url": f"{{BASE}}/docutils/{page}.html", "format": "markdown"}, source=f"docutils/{page}.html")
            for name, page in PAGES.items()]


def render_docs(tmp: Path) -> Path:
    """docutils' own reference pages as HTML, rendered by the docutils in the round's venv."""
    site = tmp / "site" / "docutils"
    for page in PAGES.values():
        (site / page).parent.mkdir(parents=True, exist_ok=True)
        run(f"{BIN}/docutils --report=4 docs/{page}.txt {site / page}.html", cwd=tmp / "docutils-0.21.2", timeout=300)
    return site.parent


def opencode(tmp: Path) -> None:
    """One OpenCode run over every spec; a tool error skips its item, a failed run skips them all (loudly)."""
    serve = render_docs(tmp)
    chosen = specs()
    oc.DOC_SERVE_DIR = str(serve)  # the text extractor reads the served page's headings
    docs = oc.start_doc_server(str(serve))
    base = f"http://127.0.0.1:{docs.server_address[1]}"
    try:
        with tempfile.TemporaryDirectory(prefix="oc-w23-", dir=tmp) as oc_tmp:
            captured = oc.run_opencode(Path(oc_tmp), chosen, base)
    except Exception as e:  # the OpenCode items are skipped, loudly, if the run fails
        note(f"skip OpenCode items: {type(e).__name__}: {e}")
        return
    finally:
        docs.shutdown()
        docs.server_close()
    for spec, sent, text, is_error in captured:
        if is_error or text.lstrip().startswith(("Error", "<error>")):
            note(f"skip {spec.id}: tool error: {text[:200]}")
            continue
        if not MIN_CHARS <= len(text) <= MAX_CHARS:
            note(f"skip {spec.id}: {len(text):,} chars, outside {MIN_CHARS:,}..{MAX_CHARS:,}")
            continue
        command = dict(sent)
        if "url" in command:  # the port changes per run: the URL's path only
            command["url"] = command["url"].replace(base, "http://127.0.0.1:PORT")
        add_or_skip(spec.id, json.dumps(command, sort_keys=True), text, oc_ext(spec.kind, spec.family, spec),
                    tool=spec.tool)


STEPS = [opencode]
