"""Round 11, a project's own runs: Jupyter notebooks executed by nbclient on a real kernel over the round's
inventory (the second stops on errors), a real pytest run's JUnit XML (with failures) and its coverage HTML pages,
and tsc --init's tsconfig. Run through capture_wide11.py."""

from __future__ import annotations

import json
from pathlib import Path

import capture_wide11 as w
from capture_more import add_or_skip as add, n_junit_xml, run, write_tree
from capture_wide11_files import NM
from capture_wide11_gen import VENV


# ================================================================== notebooks, a test report, coverage HTML, tsconfig

def code(src: str) -> dict:
    import textwrap
    return {"cell_type": "code", "source": textwrap.dedent(src).strip("\n")}


def md(src: str) -> dict:
    return {"cell_type": "markdown", "source": src}


NB_EXPLORE = [
    md("# Installed npm packages\n\nWhat the tool installs pulled in: licenses, sizes, module types."),
    code("""
        import csv, json, statistics
        from collections import Counter
        with open("packages.csv") as f:
            rows = list(csv.DictReader(f))
        len(rows), rows[0]
    """),
    md("## Licenses"),
    code("""
        lic = Counter(r["license"] for r in rows)
        for name, n in lic.most_common():
            print(f"{name:30} {n:4}")
    """),
    code("""
        sizes = sorted(((float(r["unpacked_kb"]), r["name"]) for r in rows), reverse=True)
        print("median kB:", statistics.median(s for s, _ in sizes))
        sizes[:15]
    """),
    md("## Module types\n\nESM versus CommonJS."),
    code("""
        Counter(r["module_type"] for r in rows)
    """),
    code("""
        deps = {r["name"]: int(r["dependencies"]) for r in rows}
        json.dumps(dict(sorted(deps.items(), key=lambda kv: -kv[1])[:12]), indent=1)
    """),
]

NB_ERROR = [
    md("# Per-extension totals\n\nBytes and lines per file extension of the inventory."),
    code("""
        import csv
        from collections import defaultdict
        totals = defaultdict(lambda: [0, 0, 0])
        with open("files.csv") as f:
            for r in csv.DictReader(f):
                t = totals[r["ext"]]
                t[0] += 1; t[1] += int(r["bytes"]); t[2] += int(r["lines"])
        len(totals)
    """),
    code("""
        for ext, (n, b, l) in sorted(totals.items(), key=lambda kv: -kv[1][1])[:20]:
            print(f"{ext:10} {n:6} files {b/1024:10.1f} kB {l:8} lines")
    """),
    md("## Average line length per extension"),
    code("""
        avg = {ext: b / l for ext, (n, b, l) in totals.items()}
        sorted(avg.items(), key=lambda kv: -kv[1])[:10]
    """),
    code("""
        share = {ext: n / sum(t[0] for t in totals.values()) for ext, (n, b, l) in totals.items()}
        round(share[".js"] * 100, 1), round(share[".ts"] * 100, 1)
    """),
]

RUN_NB = '''import json, sys
import nbclient, nbformat
cells = json.load(open(sys.argv[1]))
nb = nbformat.v4.new_notebook()
nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
nb.cells = [nbformat.v4.new_code_cell(c["source"]) if c["cell_type"] == "code" else nbformat.v4.new_markdown_cell(c["source"]) for c in cells]
nbclient.NotebookClient(nb, timeout=120, allow_errors=True, kernel_name="python3").execute()
nbformat.write(nb, sys.argv[2])
'''


def cap_notebooks(tmp: Path) -> None:
    """Two notebooks executed by nbclient on a real kernel (the second stops on errors), printed with cat."""
    d = tmp / "inventory"
    if not (d / "packages.csv").exists():
        return
    (d / "run_nb.py").write_text(RUN_NB)
    for name, cells in (("explore_packages", NB_EXPLORE), ("extension_totals", NB_ERROR)):
        (d / f"{name}.cells.json").write_text(json.dumps(cells))
        run(f"{VENV}/bin/python run_nb.py {name}.cells.json {name}.ipynb", cwd=d, timeout=300)
        if (d / f"{name}.ipynb").exists():
            add(f"cat-ipynb-{name.replace('_', '-')}", f"cat {name}.ipynb", run(f"cat {name}.ipynb", cwd=d), w.n_ipynb)


INVENTORY_PY = '''"""Summaries of a package inventory."""


def human(n):
    for unit in ("B", "kB", "MB", "GB"):
        if n < 1024:
            return f"{n:.1f} {unit}"
        n /= 1024
    return f"{n:.1f} TB"


def by_license(rows):
    out = {}
    for r in rows:
        out.setdefault(r["license"], []).append(r["name"])
    return out


def heaviest(rows, n=3):
    return sorted(rows, key=lambda r: r["unpacked_kb"])[:n]


def parse_spec(spec):
    name, _, version = spec.rpartition("@")
    return name, version
'''

INVENTORY_TESTS = '''import json
import pathlib

import pytest

from inventory import by_license, heaviest, human, parse_spec

ROWS = json.loads((pathlib.Path(__file__).parent / "pkgs.json").read_text())


@pytest.mark.parametrize("n,want", [(0, "0.0 B"), (1023, "1023.0 B"), (1024, "1.0 kB"), (5 * 1024 ** 2, "5.0 MB"), (3 * 1024 ** 4, "3.0 TB")])
def test_human(n, want):
    assert human(n) == want


def test_by_license_covers_all():
    assert sum(len(v) for v in by_license(ROWS).values()) == len(ROWS)


def test_heaviest_is_largest():
    top = heaviest(ROWS)
    assert top[0]["unpacked_kb"] == max(r["unpacked_kb"] for r in ROWS)


@pytest.mark.parametrize("spec,want", [("ms@2.1.3", ("ms", "2.1.3")), ("@types/node@20.1.0", ("@types/node", "20.1.0")), ("left-pad", ("left-pad", ""))])
def test_parse_spec(spec, want):
    assert parse_spec(spec) == want
'''


def cap_reports(tmp: Path) -> None:
    """A real pytest run under coverage: its JUnit XML (with failures) and the coverage HTML pages; tsc --init's tsconfig."""
    d = tmp / "inventory-tests"
    if not (tmp / "pkgs.json").exists():
        return
    write_tree(d, {"inventory.py": INVENTORY_PY, "test_inventory.py": INVENTORY_TESTS})
    (d / "pkgs.json").write_text((tmp / "pkgs.json").read_text())
    run(f"{VENV}/bin/python -m coverage run -m pytest -q -p no:cacheprovider --junitxml=report.xml", cwd=d, timeout=300)
    if (d / "report.xml").exists():
        run(f"{VENV}/bin/python -c \"import xml.dom.minidom,sys; open('report.pretty.xml','w').write("
            "xml.dom.minidom.parse('report.xml').toprettyxml(indent='  '))\"", cwd=d)
        add("cat-junit-xml-pytest-failures", "cat report.xml", run("cat report.pretty.xml", cwd=d), n_junit_xml)
    run(f"{VENV}/bin/python -m coverage html -q", cwd=d, timeout=120)
    if (d / "htmlcov" / "index.html").exists():
        from capture_wide11_files import n_html
        add("cat-coverage-html-index", "cat htmlcov/index.html", run("cat htmlcov/index.html", cwd=d), n_html)
        page = next((p for p in sorted((d / "htmlcov").glob("*inventory_py.html")) if "test_" not in p.name), None)
        if page:
            add("cat-coverage-html-inventory-py", f"cat htmlcov/{page.name}", run(f"cat htmlcov/{page.name}", cwd=d), n_html)
    ts = tmp / "web-app"
    ts.mkdir()
    run(f"node {NM}/typescript/bin/tsc --init", cwd=ts, timeout=120)
    if (ts / "tsconfig.json").exists():
        add("cat-tsconfig-tsc-init", "cat tsconfig.json", run("cat tsconfig.json", cwd=ts), w.n_tsconfig)


STEPS = [cap_notebooks, cap_reports]
