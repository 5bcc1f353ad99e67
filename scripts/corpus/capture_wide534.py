#!/usr/bin/env python3
"""Round 534: second samples of round 526's kinds (action-validator, gixy, tombi lint / format --check, numpydoc
lint, pydocstringformatter, blacken-docs, msgcheck, pgpp, mypy | mypy-baseline filter, rstfmt --check) on a water
mill's leat tooling (`headrace`, seeds 53410+: weirs, hatches, millwards) with faults other than round 526's.
No new rule: every extractor is round 526's, imported. See NEEDLES.md, round 534.

Usage:   .venv/bin/python scripts/corpus/capture_wide534.py
Writes:  scripts/corpus/data/wide534.json, ids prefixed "wide534-".
Tools:   gixy-ng, tombi, numpydoc, pydocstringformatter, blacken-docs, msgcheck (needs Debian's libenchant-2-2),
         pglast, mypy, mypy-baseline, rstfmt in /dev/shm/hm-corpus-wide534/venv; @action-validator/cli in
         /dev/shm/hm-corpus-wide534/js (made once).
"""
from __future__ import annotations

import random
import re
import sys
import textwrap
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide526 as w526  # noqa: E402  (round 526's extractors, imported, unchanged)

ROOT = Path("/dev/shm/hm-corpus-wide534")
TMP = Path("/dev/shm/hm-corpus-wide534-run")
VENV = ROOT / "venv"
JS = ROOT / "js"
OUT = HERE / "data" / "wide534.json"
SEED = 53410
PKG = "headrace"
S = cm.Sized(400, 120_000)

n_action_validator = w526.n_action_validator
n_gixy = w526.n_gixy
n_tombi_lint = w526.n_tombi_lint
n_tombi_format = w526.n_tombi_format
n_numpydoc = w526.n_numpydoc
n_pydocstringformatter = w526.n_pydocstringformatter
n_blacken_docs = w526.n_blacken_docs
n_msgcheck = w526.n_msgcheck
n_pgpp = w526.n_pgpp
n_mypy_baseline = w526.n_mypy_baseline
n_rstfmt = w526.n_rstfmt

# ================================================================== material (seeds 53410+)

MILLS = ["Abbots Leat", "Coldharbour Mill", "Fenny Weir", "Grindle Hatch", "Hollins Wheel", "Ivybridge Race",
         "Juniper Tail Bay", "Kestle Launder", "Lower Sawmill", "Marley Pound", "Nethercott Sluicefoot",
         "Otterhead Fulling"]
PARTS = ["weir crest", "head hatch", "bypass hatch", "tail bay", "trash rack", "wheel pit", "overflow",
         "eel trap", "launder", "gauge board"]
MILLWARDS = ["R. Cobbledick", "S. Yeo", "T. Pengelly", "U. Hext", "V. Northcott", "W. Trebilcock", "X. Ackland",
             "Y. Blamey", "Z. Nankivell", "A. Quance"]


def slug(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")


# ---- workflows (action-validator): faults unlike round 526's

def workflow(rng: random.Random, mill: str, n_jobs: int, faults: bool) -> str:
    s = slug(mill)
    lines = [f"name: {mill} leat checks", "on:", "  push:", "    branches: [main]", "  workflow_dispatch:",
             "    inputs:", "      weir:", "        description: which weir to gauge"]
    lines.append("        type: gauge" if faults and rng.random() < 0.5 else "        type: string")
    if faults and rng.random() < 0.5:
        lines.append("permissions: writeall")
    else:
        lines.append("permissions:\n  contents: read")
    if faults and rng.random() < 0.4:
        lines.append("env:\n  - LEAT=headrace\n  - TAILBAY=1")
    else:
        lines.append("env:\n  LEAT: headrace")
    lines += ["", "jobs:"]
    for j in range(n_jobs):
        job = f"{rng.choice(['weirs', 'hatches', 'launder', 'tailbay', 'gauges'])}-{j}"
        lines.append(f"  {job}:")
        which = rng.randrange(6) if faults and rng.random() < 0.4 else -1
        lines.append("    runs-on: ubuntu-latest")
        if which == 0:
            lines.append("    continue-on-error: maybe")
        if which == 1:
            lines.append("    if: ${{ github.event_name == 'push' }")
        elif rng.random() < 0.3:
            lines.append("    if: ${{ github.ref == 'refs/heads/main' }}")
        lines.append("    steps:")
        lines.append("      - uses: actions/checkout@v4")
        for k in range(rng.randint(2, 5)):
            hatch = rng.randint(1, 40)
            if which == 2 and k == 0:
                lines.append(f"      - name: gauge hatch {hatch}\n        shell: bash")
            elif which == 3 and k == 0:
                lines.append(f"      - uses: actions/setup-python@v5\n        with: python-version=3.12")
            elif which == 4 and k == 0:
                lines.append(f"      - name: draw hatch {hatch}\n        run: python -m {PKG}.hatches {hatch}\n"
                             f"        timeout-minutes: 1.5.0")
            elif which == 5 and k == 0:
                lines.append(f"      - name: open hatch {hatch}\n        run: ./open.sh {hatch}\n"
                             f"        env: HATCH={hatch}")
            else:
                lines.append(f"      - name: gauge {rng.choice(PARTS)} {hatch}\n"
                             f"        run: python -m {PKG}.gauges --mill {s} --hatch {hatch}")
    return "\n".join(lines) + "\n"


# ---- nginx (gixy): faults unlike round 526's

def nginx_conf(rng: random.Random, n_servers: int) -> str:
    out = ["worker_processes 1;", "events { worker_connections 256; }", "http {",
           "    add_header Referrer-Policy same-origin;"]
    for i in range(n_servers):
        mill = MILLS[i % len(MILLS)]
        s = slug(mill) + (f"-{i // len(MILLS)}" if i >= len(MILLS) else "")
        port = [18534, 28534, 38534][i % 3]
        dflt = " default_server" if i % 5 == 0 else ""
        out += ["    server {", f"        listen 127.0.0.1:{port}{dflt};",
                f"        server_name {s}.leatbook.local;", f"        root /srv/leatbook/{s};"]
        for f in rng.sample(range(8), rng.randint(1, 3)):
            if f == 0:
                out += ["        location /weirs/ {", "            add_header X-Weir-Path $uri;", "        }"]
            elif f == 1:
                out += ["        location /hatches/ {", '            add_header Content-Security-Policy "',
                        "                default-src 'self';", "                img-src 'self';\";", "        }"]
            elif f == 2:
                out += ["        location /gauge {", "            proxy_pass http://$arg_gauge;", "        }"]
            elif f == 3:
                out += ["        if ($http_referer !~ leatbook.local) {", "            return 403;", "        }"]
            elif f == 4:
                out += ["        location /millwards {", "            allow 127.0.0.1;", "        }"]
            elif f == 5:
                out += ["        location /tailbay {", "            if ($arg_flush) {",
                        "                add_header X-Flush yes;", "            }",
                        "            add_header X-Tail-Bay open;", "        }"]
            elif f == 6:
                out += ["        location ~ /launder/(\\d+) {",
                        "            proxy_pass http://127.0.0.1:28534/launder/$1;", "        }"]
            else:
                out += ["        location /rota/ {", "            proxy_pass http://127.0.0.1:38534;",
                        "            proxy_set_header X-Original-URI $request_uri;",
                        "            add_header X-Rota $document_uri;", "        }"]
        out += ["    }"]
    out += ["}"]
    return "\n".join(out) + "\n"


# ---- TOML (tombi): faults unlike round 526's

def toml_mill(rng: random.Random, mill: str, n_weirs: int, faults: bool) -> str:
    out = [f"# Leat book of {mill}", "[mill]", f'name = "{mill}"', f"head_m = {rng.randint(2, 9)}.{rng.randint(0, 9)}",
           f'millwards = [{", ".join(chr(34) + x + chr(34) for x in rng.sample(MILLWARDS, 3))}]',
           "owner = { name = \"the manor\" }", ""]
    if faults:
        out += ["[mill.owner]", 'since = 1790', ""]
    for n in range(1, n_weirs + 1):
        out += [f"[weirs.{n}]", f'part = "{rng.choice(PARTS)}"', f"crest_m = {rng.randint(0, 3)}.{rng.randint(0, 99)}",
                f"open = {rng.choice(['true', 'false'])}"]
        if faults and rng.random() < 0.06:
            out.append(f"flow = .{rng.randint(1, 9)}")
        if faults and rng.random() < 0.05:
            out.append(f'note = "gauge \\q{rng.randint(1, 9)}"')
        if faults and rng.random() < 0.05:
            out.append(f"hatch width = {rng.randint(1, 4)}")
        if faults and rng.random() < 0.08:
            out.append(f"eels   =    [ {rng.randint(0, 9)},{rng.randint(0, 9)} ]")
        out.append("")
        if faults and rng.random() < 0.03:
            out += [f"[weirs.{n}]", f'part = "{rng.choice(PARTS)}"', ""]
    out += ["[rota]"] + [f'"{m}" = {rng.randint(1, 7)}' for m in rng.sample(MILLWARDS, 5)]
    if faults and rng.random() < 0.5:
        out += ['motto = "water finds its level']
    return "\n".join(out) + "\n"


PYPROJECT = '''[project]
name = "headrace"
version = "1.{v}"
requires-python = 3.10
readme = ["README.md"]
dependencies = "numpy"
keywords = ["leat", "weir", "leat"]

[project.optional-dependencies]
gauge = ["pyserial>=3", 4]

[tool.mypy]
strict = "yes"
'''


# ---- Python package (numpydoc, pydocstringformatter, mypy): faults unlike round 526's

DOC_FAULTS = [
    '"""Draw hatch {n}.\n\nParameters\n----------\nwidth : int\n    The hatch width.\n\nReturns\n-------\nbool\n    Whether it moved.\n"""',
    '"""Gauge the weir crest\n\nReturns\n--------\nfloat\n"""',
    '"""Open the bypass hatch.\n\nReturns\n-------\nbool\n\nParameters\n----------\nmill : str\n    The mill.\n"""',
    '"""\nFlush the tail bay of hatch {n} after a spate, clearing the trash rack and logging the level in the leat book so the millward on the next shift can read it.\n"""',
    '"""Lower the sluice.\n\n    Parameters\n    ----------\n    hatch : int\n    """',
    '"""Book a millward on the rota.\n\nParameters\n----------\nhatch, level : int\n    Unused names.\n\nSee Also\n--------\nnothing_here\n"""',
    "'''clear the trash rack'''",
    '"""Read the gauge board.\n\nExamples\n--------\n>>> read(3)\n3\n"""',
]


def py_module(rng: random.Random, name: str, i: int, n_funcs: int) -> str:
    out = [f'"""Leat tooling: {name.replace("_", " ")}."""' if i % 3 else f'"""{name}"""',
           "from __future__ import annotations", "", "from typing import Optional", "", ""]
    cls = f"{name.title().replace('_', '')}Leat"
    out += [f"class {cls}:", f'    """The {name.replace("_", " ")} of one leat."""', "",
            "    def __init__(self, hatches: int) -> None:", "        self.hatches = hatches",
            "        self.levels: list[float] = []", ""]
    for k in range(n_funcs):
        fn = f"{rng.choice(['draw', 'gauge', 'flush', 'lower', 'book', 'clear', 'read'])}_{k}"
        out.append(f"    def {fn}(self, hatch: int, level: float = {rng.randint(1, 9)}.0) -> float:")
        out += textwrap.indent(rng.choice(DOC_FAULTS).format(n=rng.randint(1, 40)), "        ").split("\n")
        t = rng.randrange(5)
        if t == 0:
            out += ["        found: Optional[float] = None", "        for x in self.levels:",
                    "            if x > level:", "                found = x", "        return found"]
        elif t == 1:
            out += ["        self.levels.append(str(level))", "        return level"]
        elif t == 2:
            out += ["        return self.spate_level + hatch"]
        elif t == 3:
            out += ["        return max(self.levels, level, hatch, key=abs, default=0)"]
        else:
            out += ["        self.levels.append(level * hatch)", "        return sum(self.levels)"]
        out.append("")
    out += ["", f"def {name}_main(argv: list[str]) -> float:",
            textwrap.indent(rng.choice(DOC_FAULTS).format(n=0), "    "),
            f"    leat = {cls}(len(argv), argv)", "    return leat.draw_0()" if n_funcs else "    return 0.0", ""]
    return "\n".join(out) + "\n"


def make_pkg(root: Path, n_modules: int, n_funcs: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    names = []
    themes = ["weirs", "hatches", "gauges", "launder", "tailbay", "millwards", "rota", "eeltrap", "wheelpit",
              "overflow", "leatbook", "spates"]
    files = {f"{PKG}/__init__.py": '"""The leat\'s tooling."""\n'}
    for i in range(n_modules):
        nm = themes[i % len(themes)] + (f"_{i // len(themes)}" if i >= len(themes) else "")
        names.append(nm)
        files[f"{PKG}/{nm}.py"] = py_module(rng, nm, i, n_funcs)
    cm.write_tree(root, files)
    return names


# ---- docs (blacken-docs, rstfmt): faults unlike round 526's

CODE_OK = ["weirs = [ 1,2,3 ]\nprint( weirs )", "def gauge(level):\n  return level*2",
           "leat = Leat(hatches = 4)\nleat.draw_0(2)", "book.add(millward='S. Yeo',shift = 3)"]
CODE_BAD = ["motto = 'water finds its level", "gauge(levels[3]", "  leat = Leat(4)\nleat.draw_0(1)",
            "else:\n    flush()", "def f(:\n    pass"]
PYCON_OK = [">>> leat = Leat( 4 )\n>>> leat.hatches\n4", ">>> gauge( 2 )\n4"]
PYCON_BAD = [">>> print('tail bay\n'tail bay", ">>> leat = Leat(4\n... )\n>>> leat.draw_0(]"]


def md_doc(rng: random.Random, title: str, n_sections: int) -> str:
    out = [f"# {title}", ""]
    for k in range(n_sections):
        bad = rng.random() < 0.25
        lang = "pycon" if rng.random() < 0.3 else "python"
        body = rng.choice((PYCON_BAD if bad else PYCON_OK) if lang == "pycon" else (CODE_BAD if bad else CODE_OK))
        out += [f"## {rng.choice(PARTS).title()} {k}", "",
                f"The millward at {rng.choice(MILLS)} draws hatch {rng.randint(1, 40)} when the gauge board reads "
                f"{rng.randint(1, 30) / 10} m.", "", f"```{lang}", body, "```", ""]
    return "\n".join(out) + "\n"


def rst_doc(rng: random.Random, title: str, n_sections: int, faults: bool) -> str:
    over = "=" * (len(title) + (4 if faults and title == "Weirs" else 0))
    out = [over, title, "=" * len(title), ""]
    for k in range(n_sections):
        h = f"{rng.choice(PARTS).title()} {k}"
        ch = "~" if faults and rng.random() < 0.15 else "-"
        out += [h, ch * len(h), "", f"The  millward at **{rng.choice(MILLS)}** draws hatch   {rng.randint(1, 40)}  "
                f"when the gauge reads ``{rng.randint(1, 30) / 10}``,   and books the level.", ""]
        if faults and rng.random() < 0.15:
            out += [f"See :hatch:`{rng.randint(1, 40)}` and the rota [#rota{k}]_.", ""]
        out += [".. code-block:: python", "", "   " + rng.choice(CODE_OK + CODE_BAD).replace("\n", "\n   "), ""]
        if rng.random() < 0.3:
            out += ["=====  ======", "Hatch  Level", "=====  ======", f"{rng.randint(1, 40)}      "
                    f"{rng.randint(1, 30) / 10}", f"{rng.randint(1, 40)}      {rng.randint(1, 30) / 10}  extra"
                    if faults else f"{rng.randint(1, 40)}      {rng.randint(1, 30) / 10}", "=====  ======", ""]
    return "\n".join(out) + "\n"


# ---- PO files (msgcheck): faults unlike round 526's

MSGS = ["Hatch %d drawn", "Weir crest at %s m", "Millward %s on duty", "Tail bay flushed", "Spate warning for %s",
        "Gauge board reads %s", "Eel trap emptied at %s", "Launder leaking at joint %d", "Overflow running",
        "Rota saved.", "Wheel pit dry", "Trash rack cleared by %s", "Leat book closed", "Head hatch %d stuck",
        "Bypass open: %s", "Level %s below the crest"]
TR = {"de": ["Schütz", "Wehr", "Müller", "Graben", "Pegel", "offen", "trocken", "Rechen"],
      "cy": ["llifddor", "cored", "melinydd", "ffrwd", "mesurydd", "agored", "sych", "rhwyd"],
      "sv": ["lucka", "damm", "mjölnare", "ränna", "pegel", "öppen", "torr", "galler"]}


def po_file(rng: random.Random, lang: str, n_rep: int, faults: float) -> str:
    out = ['msgid ""', 'msgstr ""', '"Project-Id-Version: headrace 1.3\\n"', f'"Language: {lang}\\n"',
           '"MIME-Version: 1.0\\n"', '"Content-Type: text/plain; charset=UTF-8\\n"',
           '"Content-Transfer-Encoding: 8bit\\n"', '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"', ""]
    words = TR[lang]
    for r in range(n_rep):
        for m, msg in enumerate(MSGS):
            mid = msg if r == 0 else f"{msg} ({MILLS[r % len(MILLS)]}, {r})"
            tr = " ".join(rng.sample(words, 3)) + " " + " ".join(re.findall(r"%[ds]", msg))
            tr = tr.strip()
            if msg.endswith("."):
                tr += "."
            ref = f"#: {PKG}/{rng.choice(['weirs', 'hatches', 'rota'])}.py:{rng.randint(10, 400)}"
            flags = "#, c-format" if "%" in msg and lang == "de" else None  # msgfmt's format check is fatal
            k = rng.randrange(6) if rng.random() < faults else -1
            if k == 0 and "%" in tr:
                tr = re.sub(r"\s*%[ds]", "", tr, count=1)
            elif k == 1:
                tr += "!"
            elif k == 2:
                out += [ref, f'msgid ""', f'"{mid}\\n"', '"second line"', 'msgstr ""', f'"{tr} "', ""]
                continue
            elif k == 3:
                tr = ""
            elif k == 4:
                out += [ref, f'msgid ""', f'"{mid} \\n"', '"(leat)"', 'msgstr ""', f'"{tr} \\n"', '"(ffrwd) "', ""]
                continue
            elif k == 5:
                plural = [f'msgstr[0] "{tr}"'] + ([] if lang == "de" else [f'msgstr[1] "{tr} {words[0]}"'])
                out += [ref] + ([flags] if flags else []) + [f'msgid "{mid}"', f'msgid_plural "{mid} (all)"',
                                                             *plural, ""]
                continue
            out += [ref] + ([flags] if flags else []) + [f'msgid "{mid}"', f'msgstr "{tr}"', ""]
    return "\n".join(out) + "\n"


# ---- SQL (pgpp): statements unlike round 526's

def sql_schema(rng: random.Random, n_tables: int, broken: bool) -> str:
    out = ["create type hatch_state as enum ('shut', 'drawn', 'half', 'stuck');",
           "create table mills (id serial primary key, name text not null unique, head_m numeric(4,2));"]
    for t in range(n_tables):
        nm = f"{rng.choice(['weirs', 'hatches', 'gauges', 'rota', 'spates', 'eels'])}_{t}"
        cols = ", ".join(f"{c} {rng.choice(['int', 'text', 'timestamptz', 'hatch_state', 'numeric(5,2)', 'jsonb'])}"
                         for c in rng.sample(["hatch_no", "level_m", "millward", "read_at", "state", "crest",
                                              "notes", "flow", "shift"], rng.randint(3, 6)))
        part = rng.random() < 0.2
        out.append(f"create table {nm} (id bigint generated always as identity, mill_id int not null references "
                   f"mills(id), {cols})" + (" partition by range (mill_id);" if part else ";"))
        if part:
            out.append(f"create table {nm}_low partition of {nm} for values from (1) to (100);")
        if rng.random() < 0.3:
            out.append(f"create trigger {nm}_touch before update on {nm} for each row execute function touch();")
        if rng.random() < 0.3:
            out.append(f"grant select, insert on {nm} to millwards;")
        if rng.random() < 0.25:
            out.append(f"create unique index {nm}_uq on {nm} (mill_id, id) where mill_id is not null;")
        if rng.random() < 0.2:
            out.append(f"with recent as (select * from {nm} order by id desc limit 10) select count(*) from recent;")
    out.append("create function touch() returns trigger language plpgsql as $$ begin new.id := old.id; "
               "return new; end $$;")
    if broken:
        out.insert(len(out) // 2, "create table millwards (id serial primary key, name text, shift int;")
    return "\n".join(out) + "\n"


# ================================================================== steps

def step_workflows(tmp: Path) -> None:
    rng = random.Random(SEED)
    base = tmp / "workflows"
    d = base / ".github" / "workflows"
    d.mkdir(parents=True, exist_ok=True)
    files = []
    for mill, jobs, faults in [("Abbots Leat", 3, True), ("Coldharbour Mill", 10, True), ("Fenny Weir", 25, True),
                               ("Grindle Hatch", 70, True), ("Hollins Wheel", 5, False), ("Ivybridge Race", 14, True),
                               ("Kestle Launder", 40, True)]:
        f = d / f"{slug(mill)}.yml"
        f.write_text(workflow(rng, mill, jobs, faults))
        files.append(f.name)
    for f in files[:4]:
        S.cap(f"action-validator-{f[:-4]}", f"action-validator .github/workflows/{f}", base, n_action_validator,
              timeout=120)
    S.cap("action-validator-xargs", "ls .github/workflows/*.yml | xargs -n1 action-validator", base,
          n_action_validator, timeout=300)


def step_gixy(tmp: Path) -> None:
    rng = random.Random(SEED + 1)
    d = tmp / "nginx"
    d.mkdir(parents=True, exist_ok=True)
    for label, n in [("s", 3), ("m", 10), ("l", 35), ("xl", 100)]:
        (d / f"leatbook-{label}.conf").write_text(nginx_conf(rng, n))
        S.cap(f"gixy-{label}", f"gixy leatbook-{label}.conf", d, n_gixy, timeout=180)
    S.cap("gixy-high-xl", "gixy -lll leatbook-xl.conf", d, n_gixy, timeout=180)


def step_tombi(tmp: Path) -> None:
    rng = random.Random(SEED + 2)
    d = tmp / "toml"
    files = {}
    for mill, n, faults in [("Abbots Leat", 10, True), ("Coldharbour Mill", 50, True), ("Fenny Weir", 150, True),
                            ("Hollins Wheel", 8, False), ("Grindle Hatch", 400, True)]:
        files[f"mills/{slug(mill)}.toml"] = toml_mill(rng, mill, n, faults)
    files["pyproject.toml"] = PYPROJECT.format(v=3)
    cm.write_tree(d, files)
    off = "--offline"
    S.cap("tombi-lint-abbots", f"tombi lint {off} mills/abbots-leat.toml", d, n_tombi_lint, timeout=120)
    S.cap("tombi-lint-mills", f"tombi lint {off} mills", d, n_tombi_lint, timeout=180)
    S.cap("tombi-lint-pyproject", f"tombi lint {off} pyproject.toml", d, n_tombi_lint, timeout=120)
    S.cap("tombi-lint-grindle", f"tombi lint {off} mills/grindle-hatch.toml", d, n_tombi_lint, timeout=120)
    S.cap("tombi-format-check", f"tombi format {off} --check", d, n_tombi_format, timeout=120)
    S.cap("tombi-format-check-mills", f"tombi format {off} --check mills/hollins-wheel.toml "
          "mills/coldharbour-mill.toml mills/fenny-weir.toml", d, n_tombi_format, timeout=120)


def step_python(tmp: Path) -> None:
    sizes = {"s": (3, 5), "m": (9, 6), "l": (30, 8)}
    roots = {}
    for label, (nm, nf) in sizes.items():
        root = tmp / f"leat-{label}"
        roots[label] = (root, make_pkg(root, nm, nf, SEED + 10 + nm))
    for label, (root, names) in roots.items():
        S.cap(f"numpydoc-lint-{label}", f"numpydoc lint {PKG}/*.py", root, n_numpydoc, timeout=240)
        S.cap(f"pydocstringformatter-{label}", f"pydocstringformatter {PKG}", root, n_pydocstringformatter,
              timeout=240)
    root, names = roots["m"]
    S.cap("numpydoc-lint-ignore-m", f"numpydoc lint --ignore GL08 --ignore RT03,PR02 {PKG}/*.py", root, n_numpydoc,
          timeout=240)
    for label in ("s", "m", "l"):
        root, names = roots[label]
        cm.run(f"mypy --no-error-summary {PKG} | mypy-baseline sync", cwd=root, timeout=300)
        rng = random.Random(SEED + 7)
        for nm in rng.sample(names, max(2, len(names) // 4)):
            p = root / PKG / f"{nm}.py"
            p.write_text(p.read_text() + "\n\ndef spate(levels: list[float]) -> Optional[int]:\n"
                         "    return levels.count(None) + levels\n\n\n"
                         "def rota_for(name: str) -> dict[str, int]:\n    return {name: name.upper()}\n")
        for nm in rng.sample(names, max(1, len(names) // 5)):
            p = root / PKG / f"{nm}.py"
            p.write_text(p.read_text().replace("self.levels.append(str(level))", "self.levels.append(level)"))
        S.cap(f"mypy-baseline-filter-{label}", f"mypy {PKG} | mypy-baseline filter --no-colors", root,
              n_mypy_baseline, timeout=300)


def step_docs(tmp: Path) -> None:
    rng = random.Random(SEED + 3)
    d = tmp / "docs"
    files = {}
    for title, n in [("Drawing the hatches", 40), ("The tail bay", 24), ("Spates and floods", 70),
                     ("The leat book", 170)]:
        files[f"docs/{slug(title)}.md"] = md_doc(rng, title, n)
    for title, n, faults in [("Weirs", 6, True), ("Millwards rota", 30, True), ("Gauge boards", 90, True),
                             ("Eel traps", 12, False)]:
        files[f"rst/{slug(title)}.rst"] = rst_doc(rng, title, n, faults)
    cm.write_tree(d, files)
    S.cap("blacken-docs-hatches", "blacken-docs docs/drawing-the-hatches.md", d, n_blacken_docs, timeout=120)
    S.cap("blacken-docs-all", "blacken-docs docs/*.md rst/*.rst", d, n_blacken_docs, timeout=240)
    S.cap("blacken-docs-check-leatbook", "blacken-docs --check -l 72 docs/the-leat-book.md docs/spates-and-floods.md",
          d, n_blacken_docs, timeout=240)
    S.cap("rstfmt-check-all", "rstfmt --check rst", d, n_rstfmt, timeout=240)
    S.cap("rstfmt-diff-weirs", "rstfmt --diff rst/weirs.rst", d, n_rstfmt, timeout=120)
    S.cap("rstfmt-diff-eel-traps", "rstfmt --diff -w 60 rst/eel-traps.rst", d, n_rstfmt, timeout=120)
    S.cap("rstfmt-check-eel-traps", "rstfmt --check rst/eel-traps.rst rst/millwards-rota.rst", d, n_rstfmt,
          timeout=120)


def step_po(tmp: Path) -> None:
    rng = random.Random(SEED + 4)
    d = tmp / "po"
    files = {}
    for lang, rep, faults in [("de", 1, 0.35), ("cy", 5, 0.18), ("sv", 24, 0.07)]:
        files[f"locale/{lang}/LC_MESSAGES/{PKG}.po"] = po_file(rng, lang, rep, faults)
    cm.write_tree(d, files)
    S.cap("msgcheck-de", f"msgcheck locale/de/LC_MESSAGES/{PKG}.po", d, n_msgcheck, timeout=120)
    S.cap("msgcheck-all", "msgcheck locale", d, n_msgcheck, timeout=240)
    S.cap("msgcheck-oneline-sv", f"msgcheck -o oneline locale/sv/LC_MESSAGES/{PKG}.po", d, n_msgcheck, timeout=120)
    S.cap("msgcheck-cy-nocompile", f"msgcheck -c -p locale/cy/LC_MESSAGES/{PKG}.po", d, n_msgcheck, timeout=120)


def step_sql(tmp: Path) -> None:
    rng = random.Random(SEED + 5)
    d = tmp / "sql"
    d.mkdir(parents=True, exist_ok=True)
    for label, n, broken in [("s", 5, False), ("m", 18, False), ("l", 70, False), ("xl", 180, False),
                             ("broken", 40, True), ("xxl", 300, False)]:
        (d / f"leat-{label}.sql").write_text(sql_schema(rng, n, broken))
    S.cap("pgpp-s", "pgpp leat-s.sql", d, n_pgpp, timeout=120)
    S.cap("pgpp-m-compact", "pgpp -m 80 leat-m.sql", d, n_pgpp, timeout=120)
    S.cap("pgpp-l", "pgpp leat-l.sql", d, n_pgpp, timeout=120)
    S.cap("pgpp-xl", "pgpp leat-xl.sql", d, n_pgpp, timeout=120)
    S.cap("pgpp-xxl-comma", "pgpp -c -e leat-xxl.sql", d, n_pgpp, timeout=180)
    S.cap("pgpp-broken", "pgpp leat-broken.sql", d, n_pgpp, timeout=120)


def ensure_tools() -> None:
    cm.install_venv(VENV, "rstfmt", w526.PY_TOOLS)
    cm.install_npm(JS, "@action-validator/cli", w526.NPM)
    cm.ensure_apt("/usr/lib/x86_64-linux-gnu/libenchant-2.so.2", "libenchant-2-2")
    cm.PATH_PREFIX[:0] = [str(VENV / "bin"), str(JS / "node_modules" / ".bin")]


def steps():
    return [step_workflows, step_gixy, step_tombi, step_python, step_docs, step_po, step_sql]


if __name__ == "__main__":
    cm.capture_round(__doc__, ensure_tools, steps, "wide534-", OUT, TMP, bands=(4_000, 20_000))
