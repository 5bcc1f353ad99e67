"""Round 65, Python / data / docs side: `tidewatch`'s Python package (docstrings out of place, Sphinx docstrings that
disagree with their signatures), its YAML station register with a kwalify schema, its Markdown runbooks, a git history
of badly written commit messages and a pdm application, widened by seeded generators, through check-docstring-first,
darglint, pykwalify, mdformat --check, write-good, gitlint and pdm list. Every extractor is round 38's or round 31's,
imported (NEEDLES.md "Round 65": no new rules). Run through capture_wide65.py."""

from __future__ import annotations

import random
from pathlib import Path

from capture_more import run, write_tree
from capture_wide31_py import N_DARGLINT, N_PDM_LIST
from capture_wide38_py import N_DOCSTRING_FIRST, N_GITLINT, N_MDFORMAT, N_PYKWALIFY, N_WRITE_GOOD
from capture_wide65 import cap

STATIONS = ["dover", "whitby", "tenby", "oban", "lerwick", "newlyn", "harwich", "ilfracombe", "portrush", "holyhead",
            "wick", "sheerness", "fishguard", "lowestoft"]
NOCOLOR = {"NO_COLOR": "1", "TERM": "dumb"}

DOC_FIRST_BAD = [
    'from datetime import datetime\n"""Gauge clock drift, placed after an import."""\n\nEPOCH = datetime(2000, 1, 1)\n',
    '"""Harbour datum table."""\n"""Kept from an older version of the module."""\n\nDATUM = {}\n',
    '#!/usr/bin/env python3\nimport sys\n\n"""Surge alert thresholds."""\n\nWATCH_M = 4.5\n',
    '"""Wave buoys."""\n\nBUOYS = []\n',
    'import math\nimport json\n"""Tidal constituents (M2, S2, K1, O1)."""\nM2_HOURS = 12.42\n',
]


def sphinx_module(k: int, rng: random.Random) -> str:
    """A module whose Sphinx docstrings disagree with their signatures in a few seeded ways (darglint's DAR codes)."""
    st = STATIONS[k % len(STATIONS)]
    out = [f'"""Readings of the {st} gauge."""', ""]
    if k % 7 == 3:  # an import pushed above the module docstring
        out.insert(0, "import statistics")
    for j in range(rng.randint(3, 7)):
        r = rng.random()
        args = ["readings", "gain"] + (["datum"] if r < 0.3 else [])
        out.append(f"def smooth_{st}_{j}({', '.join(args)}):")
        out.append(f'    """Smooth the {st} series, pass {j}.')
        out.append("")
        out.append("    :param readings: the raw levels in metres")
        if r > 0.5:
            out.append("    :param gain: the sensor gain")
        if 0.6 < r < 0.75:
            out.append("    :param window: the window length")
        if r < 0.8:
            out.append("    :return: the smoothed levels")
        if 0.15 < r < 0.45:
            out.append("    :raises KeyError: when a reading is missing")
        out.append('    """')
        if 0.8 <= r < 0.9:
            out.append("    if not readings:\n        raise ValueError('no readings')")
        if r < 0.9:
            out.append(f"    return [x * gain for x in readings]")
        else:
            out.append("    print(readings, gain)")
        out.append("")
    return "\n".join(out) + "\n"


def package(root: Path, seed: int = 6541) -> Path:
    rng = random.Random(seed)
    files = {}
    for k, body in enumerate(DOC_FIRST_BAD * 6):
        files[f"src/tidewatch/ref_{k:02d}.py"] = body.replace("= {}", f"= {{'v': {k}}}").replace("= []", f"= [{k}]")
    for k in range(40):
        files[f"src/tidewatch/gauges/g_{k:02d}.py"] = sphinx_module(k, rng)
    write_tree(root, files)
    return root


def registry(root: Path, seed: int = 6542) -> None:
    rng = random.Random(seed)
    lines = ["stations:"]
    for k in range(90):
        st = STATIONS[k % len(STATIONS)]
        lines.append(f"  - code: {'TW' if k % 19 != 6 else 'tw'}{k:04d}")
        if k % 15 != 9:
            lines.append(f"    name: {st}")
        lat = round(rng.uniform(49.9, 60.9), 4) if k % 12 != 7 else 91.5
        lines.append(f"    lat: {lat}")
        lines.append(f"    lon: {round(rng.uniform(-8.0, 1.8), 4)}")
        sensor = rng.choice(["radar", "bubbler", "float", "pressure"]) if k % 10 != 3 else "laser"
        lines.append(f"    sensor: {sensor}")
        lines.append(f"    interval_min: {rng.choice([1, 5, 10, 15]) if k % 14 != 11 else 'ten'}")
        lines.append(f"    active: {rng.choice(['true', 'false'])}")
        if k % 21 == 4:
            lines.append("    owner: harbour board")
    schema = """type: map
mapping:
  stations:
    type: seq
    required: true
    sequence:
      - type: map
        mapping:
          code: {type: str, required: true, pattern: "^TW[0-9]{4}$"}
          name: {type: str, required: true}
          lat: {type: float, range: {min: 49.0, max: 61.0}}
          lon: {type: float, range: {min: -9.0, max: 2.0}}
          sensor: {type: str, enum: [radar, bubbler, float, pressure, acoustic]}
          interval_min: {type: int, range: {min: 1, max: 60}}
          active: {type: bool}
"""
    write_tree(root, {"data/stations.yaml": "\n".join(lines) + "\n", "data/stations.schema.yaml": schema,
                      "data/east.yaml": "\n".join(lines[:120]) + "\n"})


PROSE = [
    "The gauge was recalibrated by the engineer and it was found that the datum was basically wrong.",
    "It is very important that the stilling well is obviously cleared of silt every single month.",
    "Readings are transmitted every ten minutes so that the surge model is not starved, which is easily done.",
    "There are many stations that only report when the tide is really high.",
    "The warning was issued by the duty officer and it was noted that the surge was extremely large.",
    "In order to replace a radar sensor, the old unit is removed and a new one is fitted and levelled.",
    "Battery voltage is checked remotely and it is generally considered that this is fairly reliable.",
    "So the buoy was recovered by the crew, and it was clearly damaged by the storm.",
]


def runbooks(root: Path, seed: int = 6543) -> None:
    rng = random.Random(seed)
    files = {}
    for k in range(30):
        st = f"{STATIONS[k % len(STATIONS)]}_{k:02d}"
        parts = [f"{st.title()} gauge\n=======\n", f"* sensor: {rng.choice(['radar', 'bubbler'])}\n+ owner: port {k}\n"]
        for j in range(rng.randint(3, 8)):
            parts.append(f"Step {j}\n----\n" + " ".join(rng.sample(PROSE, 3)) + "\n")
            parts.append("1) check the datum\n2) clear the well\n")
        files[f"rb/{st}.md"] = "\n".join(parts)
    files["rb/README.md"] = "# Runbooks\n\nOne per gauge.\n"
    write_tree(root, files)


MESSAGES = [
    "fix datum", "WIP", "Recalibrated the Whitby radar gauge after the January storm moved the stilling well by "
    "eleven millimetres", "feat: surge alerts", "more fixes.", "Merge branch 'buoys'", "stuff",
    "Fix: alert threshold\nsecond line with no blank before it", "lint", "typo", "  leading spaces here",
    "DO NOT MERGE", "refactor gauge readers\n\nThe readers now share one parser for every sensor type, which keeps "
    "the datum offsets in one table instead of fourteen copies spread over the station modules of the network.",
    "Revert \"surge alerts\"", "tmp ", "wip: oban",
]


def history(root: Path, n: int = 90, seed: int = 6544) -> Path:
    rng = random.Random(seed)
    root.mkdir(parents=True, exist_ok=True)
    run("git init -q -b main && git config user.name 'Tom Tide' && git config user.email tom@tidewatch.example",
        cwd=root)
    for k in range(n):
        (root / f"gauge_{k % 9}.txt").write_text(f"reading {k} {rng.random()}\n" * (k % 4 + 1))
        msg = MESSAGES[k % len(MESSAGES)] if k % 3 else rng.choice(MESSAGES)
        (root / ".msg").write_text(msg + "\n")
        stamp = f"2026-{1 + k % 11:02d}-1{k % 9}T07:15:00"
        run(f"git add gauge_{k % 9}.txt && git commit -q -F .msg --cleanup=verbatim --date '{stamp}'",
            cwd=root, env={"GIT_COMMITTER_DATE": stamp})
    (root / ".msg").unlink()
    return root


def py_step(tmp: Path) -> None:
    root = package(tmp / "tg")
    cap("check-docstring-first-ref", "check-docstring-first src/tidewatch/ref_*.py; echo EXIT=$?", root,
        N_DOCSTRING_FIRST)
    cap("check-docstring-first-all-head-80", "check-docstring-first src/tidewatch/gauges/*.py src/tidewatch/*.py "
        "2>&1 | head -n 80", root, N_DOCSTRING_FIRST)
    cap("darglint-gauges-0-19", "darglint -s sphinx src/tidewatch/gauges/g_0*.py src/tidewatch/gauges/g_1*.py 2>&1",
        root, N_DARGLINT, timeout=300)
    cap("darglint-gauges-head-80", "darglint -s sphinx src/tidewatch/gauges/*.py 2>&1 | head -n 80", root,
        N_DARGLINT, timeout=300)


def data_step(tmp: Path) -> None:
    root = tmp / "tg"
    registry(root)
    cap("pykwalify-stations", "pykwalify -d data/stations.yaml -s data/stations.schema.yaml", root, N_PYKWALIFY)
    cap("pykwalify-east-exit", "pykwalify -d data/east.yaml -s data/stations.schema.yaml; echo EXIT=$?", root,
        N_PYKWALIFY)


def prose_step(tmp: Path) -> None:
    root = tmp / "tg"
    runbooks(root)
    cap("mdformat-check-rb", "mdformat --check rb; echo EXIT=$?", root, N_MDFORMAT)
    cap("mdformat-check-rb-head-80", "mdformat --check rb/*.md 2>&1 | head -n 80", root, N_MDFORMAT)
    cap("write-good-rb-four", "write-good rb/dover_00.md rb/oban_03.md rb/wick_10.md rb/tenby_16.md", root,
        N_WRITE_GOOD)
    cap("write-good-rb-head-80", "write-good rb/*.md | head -n 80", root, N_WRITE_GOOD)


def git_step(tmp: Path) -> None:
    hist = history(tmp / "hist")
    cap("gitlint-commits-80", "gitlint --commits HEAD~80..HEAD 2>&1; echo EXIT=$?", hist, N_GITLINT)
    cap("gitlint-commits-40-head-80", "gitlint --commits HEAD~40..HEAD 2>&1 | head -n 80", hist, N_GITLINT)


def pdm_step(tmp: Path) -> None:
    p = tmp / "tw-pdm"
    write_tree(p, {"pyproject.toml": '[project]\nname = "tidewatch-ingest"\nversion = "1.2.0"\n'
                   'requires-python = ">=3.10"\ndependencies = ["paho-mqtt", "numpy", "python-dateutil", "pyyaml", '
                   '"tenacity", "structlog", "orjson", "certifi", "requests", "rich", "attrs"]\n\n[tool.pdm]\ndistribution = false\n'})
    # an in-project venv of the system python, so pdm never picks up a venv found on PATH (as round 55 did)
    run("/usr/bin/python3 -m venv .venv && pdm use -f .venv/bin/python && pdm install -q 2>&1", cwd=p, env=NOCOLOR,
        timeout=500)
    cap("pdm-list-ingest-licenses", "pdm list --fields name,version,licenses --sort name 2>&1", p, N_PDM_LIST,
        env=NOCOLOR)
    cap("pdm-list-ingest", "pdm list 2>&1; echo EXIT=$?", p, N_PDM_LIST, env=NOCOLOR)


STEPS = [py_step, data_step, prose_step, git_step, pdm_step]
