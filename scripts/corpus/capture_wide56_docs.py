"""Round 56's doc set: `velodock`'s manual (a bike-share dock network's rebalancing library), written here with
problems put in and widened by seeded generators, run through round 54's kinds. Every extractor is round 54's,
imported (NEEDLES.md "Round 56": no new rules). Run through capture_wide56.py."""

from __future__ import annotations

import random
import time
from pathlib import Path

import capture_more as cm
from capture_wide54 import (n_doxygen, n_jsdoc, n_mkdocs_strict, n_rst_lint, n_sphinx_doctest, n_sphinx_linkcheck,
                            n_sphinx_n, n_sphinx_w, n_textlint)
from capture_wide56 import TOOLS54, cap

AREAS = ["docks", "rebalancing", "trucks", "pricing", "batteries", "ebikes", "repairs", "zones", "forecasts",
         "riders", "telemetry", "billing", "maintenance", "stations"]


def page(rnd: random.Random, name: str, i: int, port: int) -> str:
    t = f"The {name} guide"
    parts = [t, "*" * len(t), "", f".. _guide-{name}:", "", f"How velodock handles {name.rstrip('0123456789')}.", ""]
    for s in range(rnd.randint(2, 7)):
        h = f"{rnd.choice(AREAS).capitalize()} in zone {rnd.randint(10, 99)}"
        parts += [h, "=" * (len(h) if rnd.random() < 0.8 else len(h) - 4), ""]
        parts += [f"Call :py:func:`velodock.{name}.plan_{s}` or :py:class:`velodock.Dock{s}` first.", ""]
        r = rnd.random()
        if r < 0.12:
            parts += [f"Read :doc:`{rnd.choice(AREAS)}-old` and :ref:`zone-{s}-missing`.", ""]
        elif r < 0.22:
            parts += [".. warnin:: trucks skip docks above 90% fill", ""]
        elif r < 0.30:
            parts += [f"Old notes: `archive <http://127.0.0.1:{port}/archive/{name}-{i}.html>`_.", ""]
        elif r < 0.38:
            parts += [f"Feeds: `gbfs <http://127.0.0.1:{port}/gbfs>`_, `status <http://127.0.0.1:{port}/status.json>`_.", ""]
        elif r < 0.44:
            parts += ["Fares use |peakfare| at rush hour.", ""]
        elif r < 0.50:
            parts += ["- a list item", "continued without indent", ""]
        bikes = rnd.randint(3, 40)
        want = bikes * 2 if rnd.random() < 0.78 else bikes * 2 + 1
        parts += [".. doctest::", "", f"   >>> {bikes} * 2", f"   {want}", ""]
        if rnd.random() < 0.12:
            parts += [".. doctest::", "", f"   >>> {{'dock': {s}}}['bikes']", "   0", ""]
    return "\n".join(parts) + "\n"


CONF = '''project = "velodock"
extensions = ["sphinx.ext.doctest"]
exclude_patterns = ["_build"]
linkcheck_timeout = 3
linkcheck_retries = 1
'''


def serve(tmp: Path) -> int:
    site = tmp / "srv"
    (site / "gbfs").mkdir(parents=True)
    (site / "gbfs" / "index.html").write_text("<html><body>gbfs</body></html>")
    (site / "status.json").write_text('{"docks": 12}')
    port = cm.free_port()
    cm.start(f"python3 -m http.server {port} --bind 127.0.0.1", cwd=site)
    time.sleep(1.0)
    return port


def manual(tmp: Path, port: int) -> Path:
    root = tmp / "manual"
    rnd = random.Random(5601)
    root.mkdir(parents=True)
    (root / "conf.py").write_text(CONF)
    names = []
    for i in range(16):
        name = f"{rnd.choice(AREAS)}{i}"
        names.append(name)
        (root / f"{name}.rst").write_text(page(rnd, name, i, port))
    (root / "index.rst").write_text("velodock\n########\n\n.. toctree::\n   :maxdepth: 2\n\n"
                                    + "".join(f"   {n}\n" for n in names[:-3]) + "   changelog\n   api/index\n\n"
                                    ".. doctest::\n\n   >>> int('twelve')\n   12\n")
    return root


def sphinx(tmp: Path) -> None:
    port = serve(tmp)
    root = manual(tmp, port)
    cap("sphinx-W-keep-going-echo", "sphinx-build -W --keep-going -q -b html . _build/html; echo EXIT=$?", root,
        n_sphinx_w)
    cap("sphinx-W-tail-60", "sphinx-build -W --keep-going -E -b html . _build/html 2>&1 | tail -n 60", root, n_sphinx_w)
    cap("sphinx-nitpicky", "sphinx-build -n -E -b html . _build/nit", root, n_sphinx_n)
    cap("sphinx-nitpicky-grep-head-80", "sphinx-build -n -E -b html . _build/nit2 2>&1 | grep -i warning | head -n 80",
        root, n_sphinx_n)
    cap("sphinx-doctest-echo", "sphinx-build -E -b doctest . _build/doctest; echo EXIT=$?", root, n_sphinx_doctest)
    cap("sphinx-doctest-tail-60", "sphinx-build -E -b doctest . _build/doctest2 2>&1 | tail -n 60", root,
        n_sphinx_doctest)
    cap("sphinx-linkcheck", "sphinx-build -b linkcheck . _build/linkcheck", root, n_sphinx_linkcheck, timeout=300)
    cap("sphinx-linkcheck-tail-40", "sphinx-build -b linkcheck -E . _build/lc2 2>&1 | tail -n 40", root,
        n_sphinx_linkcheck, timeout=300)
    cap("rst-lint-pages", "rst-lint *.rst", root, n_rst_lint)
    cap("rst-lint-grep-head-80-echo", "rst-lint *.rst 2>&1 | grep -v 'text role' | head -n 80; echo EXIT=$?", root,
        n_rst_lint)


def md_page(rnd: random.Random, name: str, names: list[str]) -> str:
    parts = [f"# {name.replace('-', ' ').title()}", "", "Notes of the velodock operations team.", ""]
    for s in range(rnd.randint(2, 5)):
        parts += [f"## {rnd.choice(AREAS).title()} shift {s}", "", f"Truck {rnd.randint(1, 9)} moves bikes at night.", ""]
        r = rnd.random()
        if r < 0.18:
            parts += [f"Runbook: [shift {s}](runbooks/shift-{s}.md).", ""]
        elif r < 0.30:
            parts += [f"Back to [{names[1]}]({names[1]}.md#missing-heading-{s}).", ""]
        elif r < 0.40:
            parts += [f"![map](maps/zone-{s}.svg)", ""]
        else:
            parts += [f"Related: [{(o := rnd.choice(names))}]({o}.md).", ""]
        if rnd.random() < 0.4:
            parts += ["TODO: confirm the dock counts, truck routes, battery swaps, fares, zones, riders, and repairs.", ""]
    return "\n".join(parts) + "\n"


def mkdocs(tmp: Path) -> None:
    root = tmp / "ops"
    rnd = random.Random(5602)
    names = [f"{rnd.choice(AREAS)}-{i}" for i in range(18)]
    docs = root / "docs"
    docs.mkdir(parents=True)
    for n in names:
        (docs / f"{n}.md").write_text(md_page(rnd, n, names))
    (docs / "index.md").write_text("# velodock ops\n\nStart with [onboarding](onboarding.md).\n")
    nav = "".join(f"  - {n}: {n}.md\n" for n in names[:-3]) + "  - Onboarding: onboarding.md\n"
    (root / "mkdocs.yml").write_text("site_name: velodock ops\nvalidation:\n  anchors: warn\nnav:\n  - Home: index.md\n"
                                     + nav)
    cap("mkdocs-strict-echo", "mkdocs build --strict; echo EXIT=$?", root, n_mkdocs_strict)
    cap("mkdocs-strict-grep-head-12", "mkdocs build --strict -d /tmp/hm-corpus-wide56/ops-site2 2>&1 | "
        "grep -E 'WARNING|ERROR|Aborted' | head -n 12; echo EXIT=${PIPESTATUS[0]}", root, n_mkdocs_strict)
    (docs / ".textlintrc.json").write_text('{"rules": {"no-todo": true, "max-comma": {"max": 5}, "terminology": true}}')
    for k, p in enumerate(sorted(docs.glob("*.md"))):
        if k % 3 == 0:
            p.write_text(p.read_text() + "\nRiders use the Javascript app and the Github issue tracker.\n")
    exe = TOOLS54 / "js" / "node_modules" / ".bin" / "textlint"
    cap("textlint-ops-docs", f"{exe} *.md", docs, n_textlint, typed="npx textlint *.md")
    cap("textlint-ops-head-80", f"{exe} {' '.join(n + '.md' for n in names[:10])} 2>&1 | head -n 80", docs, n_textlint,
        typed=f"npx textlint {' '.join(n + '.md' for n in names[:10])} 2>&1 | head -n 80")


def header(seed: int, name: str) -> str:
    rnd = random.Random(seed)
    out = [f"/**\n * @file {name}.h\n * @brief Dock {name} interface.\n */\n#include <stdint.h>\n\n"]
    for i in range(rnd.randint(18, 34)):
        fn = f"vd_{name}_{rnd.choice(AREAS)}_{i}"
        r = rnd.random()
        if r < 0.25:
            out.append(f"int32_t {fn}(uint16_t dock, int32_t bikes);\n\n")
        elif r < 0.45:
            out.append(f"/**\n * @brief Move bikes for {fn}.\n * @param docks the dock id\n * @param bike count\n */\n"
                       f"int32_t {fn}(uint16_t dock, int32_t bikes);\n\n")
        elif r < 0.55:
            out.append(f"/**\n * @brief See @ref vd_gone_{i} and \\unknowncmd here.\n * @return the level\n */\n"
                       f"void {fn}(void);\n\n")
        else:
            out.append(f"/**\n * @brief Move bikes for {fn}.\n * @param dock the dock id\n * @param bikes count\n"
                       f" * @return moved bikes\n */\nint32_t {fn}(uint16_t dock, int32_t bikes);\n\n")
    return "".join(out)


def doxygen(tmp: Path) -> None:
    d = tmp / "fw"
    (d / "include").mkdir(parents=True)
    for k, name in enumerate(["dock", "lock", "truck", "charger", "beacon"]):
        (d / "include" / f"{name}.h").write_text(header(5610 + k, name))
    (d / "Doxyfile").write_text("PROJECT_NAME = velodock-fw\nINPUT = include\nGENERATE_LATEX = NO\n"
                                "WARN_IF_UNDOCUMENTED = YES\nWARN_NO_PARAMDOC = YES\nQUIET = YES\nOUTPUT_DIRECTORY = out\n")
    cap("doxygen-fw-echo", "doxygen Doxyfile; echo EXIT=$?", d, n_doxygen)
    cap("doxygen-fw-tail-60", "doxygen Doxyfile 2>&1 | tail -n 60", d, n_doxygen)


def js_source(seed: int, name: str) -> str:
    rnd = random.Random(seed)
    out = [f"/**\n * Dock {name} helpers.\n * @module {name}\n */\n"]
    for i in range(rnd.randint(14, 26)):
        fn = f"{name}{rnd.choice(AREAS).capitalize()}{i}"
        r = rnd.random()
        if r < 0.18:
            out.append("/**\n * Plan a move.\n * @parma {number} dock\n * @retruns {number} bikes\n */\n")
        elif r < 0.3:
            out.append("/**\n * Plan a move.\n * @param {Object<string, number} docks the fill levels\n */\n")
        elif r < 0.38:
            out.append(f"/**\n * Plan a move.\n * @see {{@link gone{i}}}\n * @since\n */\n")
        else:
            out.append("/**\n * Plan a move.\n * @param {number} dock the dock id\n * @returns {number} bikes\n */\n")
        out.append(f"export function {fn}(dock) {{\n  return dock * {i};\n}}\n\n")
    return "".join(out)


def jsdoc(tmp: Path) -> None:
    d = tmp / "app"
    (d / "src").mkdir(parents=True)
    for k, name in enumerate(["dock", "truck", "fare", "zone", "rider", "battery"]):
        (d / "src" / f"{name}.js").write_text(js_source(5620 + k, name))
    (d / "src" / "map.js").write_text("/** @param {string} id */\nexport function pin(id) {\n  return id +* 2;\n}\n")
    exe = TOOLS54 / "js" / "node_modules" / ".bin" / "jsdoc"
    cap("jsdoc-app-pedantic-echo", f"{exe} -r src -d out --pedantic; echo EXIT=$?", d, n_jsdoc,
        typed="npx jsdoc -r src -d out --pedantic; echo EXIT=$?")
    cap("jsdoc-app-tail-25", f"{exe} -r src -d out2 2>&1 | tail -n 25", d, n_jsdoc,
        typed="npx jsdoc -r src -d out2 2>&1 | tail -n 25")
    cap("jsdoc-app-three", f"{exe} src/dock.js src/fare.js src/zone.js -d out3", d, n_jsdoc,
        typed="npx jsdoc src/dock.js src/fare.js src/zone.js -d out3")


STEPS = [sphinx, mkdocs, doxygen, jsdoc]
