#!/usr/bin/env python3
"""Round 526: workflow, nginx, TOML, docstring, doc-code-block, PO-file and SQL-prettifier tools new to the corpus
(action-validator, gixy, tombi lint / format --check, numpydoc lint, pydocstringformatter, blacken-docs, msgcheck,
pgpp, mypy | mypy-baseline filter, rstfmt --check) on a signal box's tooling (`signalbox`, seed 52610: levers,
block bells, signalmen) with faults put in. See NEEDLES.md, round 526.

Usage:   .venv/bin/python scripts/corpus/capture_wide526.py
Writes:  scripts/corpus/data/wide526.json, ids prefixed "wide526-".
Tools:   gixy-ng, tombi, numpydoc, pydocstringformatter, blacken-docs, msgcheck (needs Debian's libenchant-2-2),
         pglast, mypy, mypy-baseline, rstfmt in /dev/shm/hm-corpus-wide526/venv; @action-validator/cli in
         /dev/shm/hm-corpus-wide526/js (made once).
"""
from __future__ import annotations

import random
import textwrap
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_data import any_of, python_exceptions, shape  # noqa: E402

ROOT = Path("/dev/shm/hm-corpus-wide526")
TMP = Path("/dev/shm/hm-corpus-wide526-run")
VENV = ROOT / "venv"
JS = ROOT / "js"
OUT = HERE / "data" / "wide526.json"
SEED = 52610
PKG = "signalbox"
S = cm.Sized(400, 120_000)
kind = cm.kind
PY_TOOLS = ["gixy-ng", "blacken-docs", "pydocstringformatter", "tombi", "numpydoc", "pglast", "msgcheck",
            "mypy-baseline", "mypy", "rstfmt"]
NPM = ["@action-validator/cli", "@action-validator/core"]

# ================================================================== extractors (fixed before capture)

ERR = re.compile(r"Error|error:|error\[|ERROR")


def errors(lines):
    return python_exceptions(lines) + [ln for ln in lines if ERR.search(ln)]


AL = re.compile(r"^\S+:\d+:\d+: .+\[[\w-]+\]$")


@kind("actionlint", "lint")
def n_actionlint(lines):
    """every path:line:col: message [rule] line (actionlint's findings are errors); errors"""
    return [ln for ln in lines if AL.match(ln)] + errors(lines)


AV_ERR = re.compile(r"error|fail", re.I)
AV_DET = re.compile(r'"title"|"detail"|\btitle:|\bdetail:')


@kind("action-validator", "lint")
def n_action_validator(lines):
    """every line naming an error or failure (error, fail, any case); every line holding an error's title or detail ("title", "detail", title:, detail:)"""
    return [ln for ln in lines if AV_ERR.search(ln) or AV_DET.search(ln)]


GX_SUM = re.compile(r"^\s*(Unspecified|Low|Medium|High):\s*\d+")


@kind("gixy", "lint")
def n_gixy(lines):
    """every line holding Problem:; the closing summary (Total issues and the Unspecified/Low/Medium/High count lines after it); errors"""
    out = [ln for ln in lines if "Problem:" in ln]
    for i, ln in enumerate(lines):
        if "Total issues" in ln:
            out.append(ln)
            out += [x for x in lines[i + 1:i + 8] if GX_SUM.match(x)]
    return out + errors(lines)


LOC = re.compile(r"\.toml:\d+:\d+|-->")
NFILE = re.compile(r"\d+\s+files?\b", re.I)


@kind("tombi-lint", "lint")
def n_tombi_lint(lines):
    """every line naming an error (any case) and the first location line (.toml:N:N or -->) within the next six; warnings one any per (message shape, file); every line with a number followed by file(s)"""
    out = []
    for i, ln in enumerate(lines):
        if re.search(r"error", ln, re.I):
            out.append(ln)
            out.append(cm.next_match(lines, i, LOC.pattern))
    pairs = []
    for i, ln in enumerate(lines):
        if re.search(r"warning", ln, re.I):
            loc = cm.next_match(lines, i, LOC.pattern) or ""
            f = re.search(r"(\S+\.toml)", loc or ln)
            pairs.append(((shape(ln), f.group(1) if f else ""), ln))
    out += cm.groups(pairs)
    return out + [ln for ln in lines if NFILE.search(ln)]


@kind("tombi-format-check", "lint")
def n_tombi_format(lines):
    """every line naming a .toml file; errors; every line with a number followed by file(s)"""
    return [ln for ln in lines if ".toml" in ln] + errors(lines) + [ln for ln in lines if NFILE.search(ln)]


NPD = re.compile(r"\b(GL|SS|ES|PR|RT|YD|SA|EX)\d\d\b")


@kind("numpydoc-lint", "lint")
def n_numpydoc(lines):
    """one any per (numpydoc code XX00, file) over the finding lines holding a code; errors"""
    pairs = []
    for ln in lines:
        m = NPD.search(ln)
        if m:
            f = re.search(r"(\S+\.py)", ln)
            pairs.append(((m.group(0), f.group(1) if f else ""), ln))
    return cm.groups(pairs) + errors(lines)


@kind("pydocstringformatter-diff", "lint")
def n_pydocstringformatter(lines):
    """diff_u_needles: the ---/+++ path lines, hunk headers, +/- lines of hunks < 10 changed lines; errors"""
    return cm.diff_u_needles(lines) + errors(lines)


@kind("blacken-docs", "lint")
def n_blacken_docs(lines):
    """every line holding parse error or error; every Rewriting line; python_exceptions"""
    return [ln for ln in lines if "parse error" in ln or "error" in ln or "Rewriting" in ln] + python_exceptions(lines)


MC_FIND = re.compile(r"^\S+\.po:\d+: \[")
MC_RES = re.compile(r"error|almost good|\bOK\b", re.I)


@kind("msgcheck", "lint")
def n_msgcheck(lines):
    """every finding line (path:line: [check] ...); every per-file result line naming a .po file (error, almost good, OK) and lines starting TOTAL/Total; python_exceptions"""
    out = [ln for ln in lines if MC_FIND.match(ln)]
    out += [ln for ln in lines if ".po" in ln and MC_RES.search(ln) and not MC_FIND.match(ln)]
    out += [ln for ln in lines if ln.lstrip().startswith(("TOTAL", "Total"))]
    return out + python_exceptions(lines)


@kind("pgpp", "code")
def n_pgpp(lines):
    """the first line of every definition (lines starting CREATE, ALTER, COMMENT ON); every line naming an error (any case); python_exceptions"""
    out = [ln for ln in lines if ln.lstrip().startswith(("CREATE", "ALTER", "COMMENT ON"))]
    return out + [ln for ln in lines if re.search(r"error", ln, re.I)] + python_exceptions(lines)


MB_TAB = re.compile(r"^\s*[a-z][\w-]*\s+\d+\s*$")


@kind("mypy-baseline-filter", "lint")
def n_mypy_baseline(lines):
    """every ': error:' line; ': note:' lines one any per file; lines holding fixed, new, total (any case) and per-code table lines (a code word and a number); python_exceptions"""
    out = [ln for ln in lines if ": error:" in ln]
    out += cm.groups((ln.split(":", 1)[0], ln) for ln in lines if ": note:" in ln)
    out += [ln for ln in lines if re.search(r"fixed|new|total", ln, re.I) and ": error:" not in ln
            and ": note:" not in ln]
    out += [ln for ln in lines if MB_TAB.match(ln)]
    return out + python_exceptions(lines)


@kind("rstfmt-check", "lint")
def n_rstfmt(lines):
    """every line naming a .rst file; errors; warnings one any per message shape"""
    out = [ln for ln in lines if ".rst" in ln] + errors(lines)
    out += cm.groups((shape(ln), ln) for ln in lines if re.search(r"warning", ln, re.I))
    return out


# ================================================================== material (seed 52610)

BOXES = ["Hexthorpe Junction", "Millbrook North", "Castle Gate", "Ravens Cutting", "Otterford", "Wexley Sidings",
         "Long Drove", "Kingsmoor", "Bramble Lane", "Heron Bridge", "Tanners Curve", "Saltcote East"]
LEVER_USES = ["home signal", "distant signal", "starter", "points", "facing point lock", "ground disc",
              "detonator placer", "gate lock", "spare"]
BELLS = [("call attention", "1"), ("is line clear for express", "4"), ("train entering section", "2"),
         ("train out of section", "2-1"), ("obstruction danger", "6"), ("cancelling", "3-5"),
         ("is line clear for light engine", "2-3"), ("testing bells", "16")]
SIGNALMEN = ["A. Pike", "B. Thorne", "C. Marsh", "D. Holloway", "E. Fenwick", "F. Garside", "G. Lumb",
             "H. Ackroyd", "I. Prest", "J. Sugden"]


def slug(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")


# ---- workflows (action-validator)

def workflow(rng: random.Random, box: str, n_jobs: int, faults: bool) -> str:
    s = slug(box)
    on = "pushh" if faults and rng.random() < 0.3 else "push"
    lines = [f"name: {box} interlocking checks", "on:", f"  {on}:", "    branches: [main]", "  pull_request:",
             "    paths: ['levers/**', 'bells/**']", "", "jobs:"]
    for j in range(n_jobs):
        job = f"{rng.choice(['levers', 'bells', 'register', 'circuits', 'locking'])}-{j}"
        lines.append(f"  {job}:")
        fault = faults and rng.random() < 0.35
        which = rng.randrange(6) if fault else -1
        if which == 0:
            lines.append("    run-on: ubuntu-latest")
        else:
            lines.append("    runs-on: ubuntu-latest")
        if which == 1:
            lines.append("    timeout-minutes: ten")
        else:
            lines.append(f"    timeout-minutes: {rng.randint(5, 40)}")
        if j and rng.random() < 0.4:
            lines.append(f"    needs: [{'ghost-job' if which == 2 else lines[8].strip().rstrip(':')}]")
        if which == 3:
            lines.append("    strategy:\n      matrix: 3.11")
        else:
            lines.append(f"    strategy:\n      matrix:\n        python: ['3.10', '3.11', '3.12']")
        lines.append("    steps:")
        lines.append("      - uses: actions/checkout@v4")
        for k in range(rng.randint(2, 5)):
            lever = rng.randint(1, 64)
            if which == 4 and k == 0:
                lines.append(f"      - name: test lever {lever}\n        uses: actions/setup-python@v5\n"
                             f"        run: python -m signalbox.levers --check {lever}")
            elif which == 5 and k == 0:
                lines.append(f"      - name: ring bells\n        shell: 42\n        run: ./bells.sh {lever}")
            else:
                lines.append(f"      - name: check lever {lever} ({rng.choice(LEVER_USES)})\n"
                             f"        run: python -m signalbox.levers --box {s} --check {lever}")
    return "\n".join(lines) + "\n"


# ---- nginx (gixy)

def nginx_conf(rng: random.Random, n_servers: int) -> str:
    out = ["worker_processes 2;", "events { worker_connections 512; }", "http {",
           "    add_header X-Frame-Options DENY;", "    add_header X-Content-Type-Options nosniff;"]
    for i in range(n_servers):
        box = BOXES[i % len(BOXES)]
        s = slug(box) + (f"-{i // len(BOXES)}" if i >= len(BOXES) else "")
        out += ["    server {", f"        listen 127.0.0.1:{18526 + (i % 3) * 10000};",
                f"        server_name {s}.register.local;", f"        root /srv/register/{s};"]
        faults = rng.sample(range(8), rng.randint(1, 3))
        for f in faults:
            if f == 0:
                out += ["        location /api/ {", "            proxy_pass http://127.0.0.1:28526;",
                        "            proxy_set_header Host $http_host;", "        }"]
            elif f == 1:
                out += [f"        location /diagrams {{", f"            alias /srv/diagrams/{s}/;", "        }"]
            elif f == 2:
                out += ["        location /bells/ {", "            add_header Cache-Control no-store;",
                        "            try_files $uri =404;", "        }"]
            elif f == 3:
                out += ["        location ~ /fetch/(?<target>.*) {", "            proxy_pass http://$target;", "        }"]
            elif f == 4:
                out += ["        if ($http_origin ~* ^https?://.*\\.signalbox\\.local) {",
                        "            add_header Access-Control-Allow-Origin $http_origin;", "        }"]
            elif f == 5:
                out += ["        location ~ /levers/(.*)$ {", "            return 302 /frame?lever=$1;", "        }"]
            elif f == 6:
                out += ["        location /register {", "            valid_referers none server_names;",
                        "            if ($invalid_referer) { return 403; }", "        }"]
            else:
                out += ["        location / {", "            try_files $uri $uri/ /index.html;", "        }"]
        out += ["    }"]
    out += ["}"]
    return "\n".join(out) + "\n"


# ---- TOML (tombi)

def toml_frame(rng: random.Random, box: str, n_levers: int, faults: bool) -> str:
    out = [f'# Lever frame of {box}', "[box]", f'name = "{box}"', f"opened = {rng.randint(1870, 1960)}",
           f'signalmen = [{", ".join(repr(x).replace(chr(39), chr(34)) for x in rng.sample(SIGNALMEN, 3))}]', ""]
    if faults:
        out.insert(3, f'name = "{box} (renamed)"')
    for n in range(1, n_levers + 1):
        use = rng.choice(LEVER_USES)
        out += [f"[levers.{n}]", f'use = "{use}"', f'colour = "{rng.choice(["red", "yellow", "black", "blue", "white"])}"',
                f"normal = {rng.choice(['true', 'false'])}"]
        if faults and rng.random() < 0.12:
            out.append(f"locks = [{rng.randint(1, n_levers)}, {rng.randint(1, n_levers)},]  ")
            out.append(f"pull  =   {rng.randint(10, 40)}")
        if faults and rng.random() < 0.06:
            out.append(f"released = 19{rng.randint(10, 99)}-13-45")
        if faults and rng.random() < 0.05:
            out.append(f'use = "{rng.choice(LEVER_USES)}"')
        if faults and rng.random() < 0.04:
            out.append("interlock = ")
        out.append("")
    out += ["[bells]"] + [f'"{name}" = "{code}"' for name, code in BELLS]
    return "\n".join(out) + "\n"


PYPROJECT = '''[project]
name = "signalbox"
version = "0.{v}.0"
requires-python = ">=3.9"
description = 1852
authors = [{{ name = "B. Thorne", mail = "thorne@box.local" }}]
dependencies = ["pyyaml>=6", "click"]
license = {{ file = "LICENSE" , text = "MIT"}}

[project.scripts]
levers = "signalbox.levers:main"

[tool.setuptools]
packages = ["signalbox"]
'''


# ---- Python package (numpydoc, pydocstringformatter, mypy)

DOC_FAULTS = [
    '    """Pull lever {n} and return the new state."""',
    '    """pull lever {n}"""',
    '    """\n    Ring the bell code on the block instrument\n\n    Parameters\n    ----------\n    code : str\n        The bell code.\n    """',
    '    """Lock lever {n} against its conflicts.\n\n    Parameters\n    ----------\n    levers: list\n        levers to lock\n    force : bool\n\n    Returns\n    -------\n    bool\n    """',
    '    """   Book a train in the register.   \n\n    Returns\n    -------\n    int\n        The register line.\n    """',
    "    '''Return the signalman on duty at the given hour'''",
    '    """Clear the section.\n\n    Raises\n    ------\n    ValueError\n    """',
    '',
]


def py_module(rng: random.Random, name: str, i: int, n_funcs: int) -> str:
    out = [f'"""Signal box tooling: {name.replace("_", " ")}."""' if i % 4 else f'"""{name} module"""',
           "from __future__ import annotations", "", "from typing import Optional", "", ""]
    cls = f"{name.title().replace('_', '')}Frame"
    out += [f"class {cls}:", '    """A frame of levers.\n\n    Parameters\n    ----------\n    size : int\n        Number of levers.\n    """', "",
            "    def __init__(self, size: int) -> None:", "        self.size = size",
            "        self.pulled: dict[int, bool] = {}", ""]
    for k in range(n_funcs):
        n = rng.randint(1, 64)
        fn = f"{rng.choice(['pull', 'lock', 'ring', 'book', 'clear', 'release', 'test'])}_{k}"
        out += [f"    def {fn}(self, lever: int, code: str = '{rng.choice(BELLS)[1]}') -> bool:"]
        d = rng.choice(DOC_FAULTS).format(n=n)
        if d:
            out += textwrap.indent(d, "    ").split("\n")  # a method's docstring: one level deeper
        t = rng.randrange(5)
        if t == 0:
            out += ["        total: int = code + lever", "        return total > 0"]
        elif t == 1:
            out += ["        state: Optional[bool] = self.pulled.get(lever)", "        return state"]
        elif t == 2:
            out += ["        self.pulled[str(lever)] = True", "        return True"]
        elif t == 3:
            out += ["        return self.size.bit_length(code) > lever"]
        else:
            out += ["        self.pulled[lever] = not self.pulled.get(lever, False)", "        return self.pulled[lever]"]
        out.append("")
    out += ["", f"def {name}_main(argv: list[str]) -> int:", rng.choice(DOC_FAULTS).format(n=0) or "    pass",
            f"    frame = {cls}(len(argv))", "    return frame.pull_0(1, 2)" if n_funcs else "    return 0", ""]
    return "\n".join(out) + "\n"


def make_pkg(root: Path, n_modules: int, n_funcs: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    names = []
    themes = ["levers", "bells", "register", "circuits", "locking", "signalmen", "detonators", "gates", "frames",
              "instruments", "diagrams", "rosters"]
    files = {f"{PKG}/__init__.py": '"""The signal box\'s tooling."""\n'}
    for i in range(n_modules):
        nm = themes[i % len(themes)] + (f"_{i // len(themes)}" if i >= len(themes) else "")
        names.append(nm)
        files[f"{PKG}/{nm}.py"] = py_module(rng, nm, i, n_funcs)
    cm.write_tree(root, files)
    return names


# ---- docs (blacken-docs, rstfmt)

CODE_OK = ["levers = {1:'home',2 : 'distant'}\nprint( levers[1] )",
           "def ring(code):\n  return '-'.join( code )",
           "frame=Frame(size = 32)\nframe.pull_0(3)",
           "register.book(train='1A23',time = '10:42')"]
CODE_BAD = ["def ring(code)\n    return code", "frame.pull(3", "print 'train out of section'",
            "for lever in levers:\nlock(lever)", "x = {1: 'home',, 2: 'distant'}"]


def md_doc(rng: random.Random, title: str, n_sections: int) -> str:
    out = [f"# {title}", ""]
    for k in range(n_sections):
        out += [f"## {rng.choice(LEVER_USES).title()} {k}", "",
                f"The signalman at {rng.choice(BOXES)} pulls lever {rng.randint(1, 64)} after the bell code "
                f"{rng.choice(BELLS)[1]} is acknowledged.", "", "```python",
                rng.choice(CODE_BAD) if rng.random() < 0.25 else rng.choice(CODE_OK), "```", ""]
    return "\n".join(out) + "\n"


def rst_doc(rng: random.Random, title: str, n_sections: int, faults: bool) -> str:
    out = [title, "=" * len(title), ""]
    for k in range(n_sections):
        h = f"{rng.choice(LEVER_USES).title()} {k}"
        under = "-" * (len(h) - (3 if faults and rng.random() < 0.2 else 0))
        out += [h, under, "", f"The   signalman at *{rng.choice(BOXES)}* pulls lever   {rng.randint(1, 64)}   "
                f"once ``{rng.choice(BELLS)[0]}`` is rung,  and books it in the register.", "",
                ".. code-block:: python", "", "   " + rng.choice(CODE_OK + CODE_BAD).replace("\n", "\n   "), ""]
        if rng.random() < 0.3:
            out += ["* lever one", "* lever two", "  * nested lever", ""]
        if faults and rng.random() < 0.15:
            out += [f".. unknown-directive:: {k}", ""]
        if faults and rng.random() < 0.15:
            out += ["`unclosed interpreted text", ""]
    return "\n".join(out) + "\n"


# ---- PO files (msgcheck)

MSGS = ["Lever %d pulled", "Lever %d locked by %s", "Bell code %s received from %s", "Train %s entering section",
        "Train out of section", "Obstruction danger!", "Is line clear for %s?", "Signalman on duty: %s",
        "Register line %d booked at %s", "Track circuit %s occupied", "Cancelling: %s", "Testing bells.",
        "Gate %d released", "Detonators placed on line %s", "Block instrument at %s shows %s",
        "Line clear", "Line blocked", "Train on line", "Distant signal %d cleared", "Points %d reversed"]
TR = {"de": ["Hebel", "Glocke", "Zug", "Stellwerk", "Strecke", "frei", "belegt", "Wärter"],
      "fr": ["levier", "cloche", "train", "poste", "canton", "libre", "occupé", "aiguilleur"],
      "nl": ["hendel", "bel", "trein", "seinhuis", "blok", "vrij", "bezet", "seinwachter"]}


def po_file(rng: random.Random, lang: str, n_rep: int, faults: float) -> str:
    out = ['msgid ""', 'msgstr ""', '"Project-Id-Version: signalbox 0.7\\n"', f'"Language: {lang}\\n"',
           '"MIME-Version: 1.0\\n"', '"Content-Type: text/plain; charset=UTF-8\\n"',
           '"Content-Transfer-Encoding: 8bit\\n"', '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"', ""]
    words = TR[lang]
    for r in range(n_rep):
        for m, msg in enumerate(MSGS):
            mid = msg if r == 0 else f"[{BOXES[r % len(BOXES)]} {r}] {msg}"
            tr = " ".join(rng.sample(words, 3)) + " " + " ".join(re.findall(r"%[ds]", msg))
            tr = tr.strip()
            end = re.search(r"[.!?:]$", msg)
            if end:
                tr += end.group(0)
            f = rng.random() < faults
            if f:
                k = rng.randrange(5)
                if k == 0:
                    tr = tr.replace("%d", "%s", 1) if "%d" in tr else tr + " %d"
                elif k == 1:
                    tr = tr.rstrip(".!?:")
                    if not end:
                        tr += "."
                elif k == 2:
                    tr = " " + tr + " "
                elif k == 3:
                    out.append("#, fuzzy")
                else:
                    tr = tr.replace(" ", "\\n", 1)
            out += [f"#: signalbox/{rng.choice(['levers', 'bells', 'register'])}.py:{rng.randint(10, 400)}",
                    f'msgid "{mid}"', f'msgstr "{tr}"', ""]
    return "\n".join(out) + "\n"


# ---- SQL (pgpp)

def sql_schema(rng: random.Random, n_tables: int, broken: bool) -> str:
    out = ["create table boxes (id serial primary key, name text not null unique, opened int, "
           "frame_size int check (frame_size > 0));"]
    for t in range(n_tables):
        nm = f"{rng.choice(['levers', 'bells', 'register', 'circuits', 'rosters', 'detonators'])}_{t}"
        cols = ", ".join(f"{c} {rng.choice(['int', 'text', 'timestamptz', 'boolean default false', 'numeric(6,2)'])}"
                         for c in rng.sample(["lever_no", "code", "train", "signalman", "pulled_at", "locked",
                                              "line", "section", "remarks", "occupied"], rng.randint(3, 7)))
        out.append(f"create table {nm} (id bigserial primary key, box_id int references boxes(id) on delete "
                   f"cascade, {cols});")
        out.append(f"create index {nm}_box_idx on {nm} (box_id);")
        if rng.random() < 0.4:
            out.append(f"comment on table {nm} is 'Signal box {nm.split('_')[0]} of the line';")
        if rng.random() < 0.3:
            out.append(f"alter table {nm} add column checked_by text default '{rng.choice(SIGNALMEN)}';")
        if rng.random() < 0.3:
            out.append(f"create view {nm}_recent as select * from {nm} where id > (select max(id) - 100 from {nm}) "
                       f"order by id desc;")
        if rng.random() < 0.2:
            out.append(f"insert into {nm} (box_id) select id from boxes where name like 'K%' or name in "
                       f"('{rng.choice(BOXES)}', '{rng.choice(BOXES)}');")
    out.append("create function lever_pulls(b int) returns bigint language sql as $$ select count(*) from "
               "boxes where id = b $$;")
    if broken:
        k = len(out) * 2 // 3
        out.insert(k, "create table signalmen (id serial primary key, name text not null,, shift int);")
    return "\n".join(out) + "\n"


# ================================================================== steps

def step_workflows(tmp: Path) -> None:
    rng = random.Random(SEED)
    d = tmp / "workflows" / ".github" / "workflows"
    d.mkdir(parents=True, exist_ok=True)
    files = []
    for i, (box, jobs, faults) in enumerate([("Hexthorpe Junction", 3, True), ("Millbrook North", 8, True),
                                              ("Castle Gate", 20, True), ("Ravens Cutting", 60, True),
                                              ("Otterford", 4, False), ("Wexley Sidings", 12, True)]):
        f = d / f"{slug(box)}.yml"
        f.write_text(workflow(rng, box, jobs, faults))
        files.append(f.name)
    base = tmp / "workflows"
    for f in files[:4]:
        S.cap(f"action-validator-{f[:-4]}", f"action-validator .github/workflows/{f}", base, n_action_validator,
              timeout=120)
    S.cap("action-validator-loop", "for f in .github/workflows/*.yml; do echo \"==> $f\"; action-validator \"$f\" "
          "&& echo ok; done", base, n_action_validator, timeout=300)


def step_gixy(tmp: Path) -> None:
    rng = random.Random(SEED + 1)
    d = tmp / "nginx"
    d.mkdir(parents=True, exist_ok=True)
    for label, n in [("s", 2), ("m", 8), ("l", 30), ("xl", 90)]:
        (d / f"register-{label}.conf").write_text(nginx_conf(rng, n))
        S.cap(f"gixy-{label}", f"gixy register-{label}.conf", d, n_gixy, timeout=180)
    S.cap("gixy-severity-m", "gixy -ll register-l.conf", d, n_gixy, timeout=180)


def step_tombi(tmp: Path) -> None:
    rng = random.Random(SEED + 2)
    d = tmp / "toml"
    frames = {}
    for box, n, faults in [("Hexthorpe Junction", 12, True), ("Millbrook North", 40, True), ("Castle Gate", 120, True),
                           ("Otterford", 8, False), ("Kingsmoor", 300, True)]:
        frames[f"frames/{slug(box)}.toml"] = toml_frame(rng, box, n, faults)
    frames["pyproject.toml"] = PYPROJECT.format(v=7)
    cm.write_tree(d, frames)
    off = "--offline"
    S.cap("tombi-lint-small", f"tombi lint {off} frames/hexthorpe-junction.toml", d, n_tombi_lint, timeout=120)
    S.cap("tombi-lint-frames", f"tombi lint {off} frames", d, n_tombi_lint, timeout=180)
    S.cap("tombi-lint-pyproject", f"tombi lint {off} pyproject.toml", d, n_tombi_lint, timeout=120)
    S.cap("tombi-lint-kingsmoor", f"tombi lint {off} frames/kingsmoor.toml", d, n_tombi_lint, timeout=120)
    S.cap("tombi-format-check", f"tombi format {off} --check", d, n_tombi_format, timeout=120)
    S.cap("tombi-format-check-frames", f"tombi format {off} --check frames/otterford.toml frames/millbrook-north.toml",
          d, n_tombi_format, timeout=120)


def step_python(tmp: Path) -> None:
    sizes = {"s": (3, 4), "m": (8, 6), "l": (24, 8)}
    roots = {}
    for label, (nm, nf) in sizes.items():
        root = tmp / f"box-{label}"
        names = make_pkg(root, nm, nf, SEED + nm)
        roots[label] = (root, names)
    for label, (root, names) in roots.items():
        S.cap(f"numpydoc-lint-{label}", f"numpydoc lint {PKG}/*.py", root, n_numpydoc, timeout=240)
        S.cap(f"pydocstringformatter-{label}", f"pydocstringformatter {PKG}", root, n_pydocstringformatter,
              timeout=240)
    root, names = roots["m"]
    S.cap("numpydoc-lint-ignore-m", f"numpydoc lint --ignore ES01 --ignore SA01,EX01 {PKG}/*.py", root, n_numpydoc,
          timeout=240)
    # mypy-baseline: a baseline synced on the small package's first state, then new faults filtered
    for label in ("s", "m", "l"):
        root, names = roots[label]
        cm.run("mypy --no-error-summary signalbox | mypy-baseline sync", cwd=root, timeout=300)
        rng = random.Random(SEED + 7)
        for nm in rng.sample(names, max(2, len(names) // 3)):
            p = root / PKG / f"{nm}.py"
            p.write_text(p.read_text() + "\n\ndef late_addition(x: int) -> str:\n    return x + 1\n\n\n"
                         "def later(y: str) -> int:\n    return len(y) + y\n")
        rm = rng.choice(names)
        (root / PKG / f"{rm}.py").write_text('"""Cleaned up."""\n')
        S.cap(f"mypy-baseline-filter-{label}", "mypy signalbox | mypy-baseline filter --no-colors", root,
              n_mypy_baseline, timeout=300)


def step_docs(tmp: Path) -> None:
    rng = random.Random(SEED + 3)
    d = tmp / "docs"
    files = {}
    for k, (title, n) in enumerate([("Working the frame", 14), ("Block bells", 20), ("The train register", 60),
                                    ("Track circuits", 150)]):
        files[f"docs/{slug(title)}.md"] = md_doc(rng, title, n)
    for k, (title, n, faults) in enumerate([("Levers", 5, True), ("Bell codes", 25, True), ("Signalmen", 80, True),
                                            ("Detonators", 10, False)]):
        files[f"rst/{slug(title)}.rst"] = rst_doc(rng, title, n, faults)
    cm.write_tree(d, files)
    S.cap("blacken-docs-small", "blacken-docs docs/working-the-frame.md", d, n_blacken_docs, timeout=120)
    S.cap("blacken-docs-all", "blacken-docs docs/*.md rst/*.rst", d, n_blacken_docs, timeout=240)
    S.cap("blacken-docs-check-large", "blacken-docs --check docs/track-circuits.md docs/the-train-register.md", d,
          n_blacken_docs, timeout=240)
    S.cap("rstfmt-check-all", "rstfmt --check rst", d, n_rstfmt, timeout=240)
    S.cap("rstfmt-diff-levers", "rstfmt --diff rst/levers.rst", d, n_rstfmt, timeout=120)
    S.cap("rstfmt-diff-detonators", "rstfmt --diff rst/detonators.rst", d, n_rstfmt, timeout=120)
    S.cap("rstfmt-check-detonators", "rstfmt --check -w 72 rst/detonators.rst", d, n_rstfmt, timeout=120)
    S.cap("rstfmt-check-signalmen", "rstfmt --check -w 100 rst/signalmen.rst rst/detonators.rst", d, n_rstfmt,
          timeout=120)


def step_po(tmp: Path) -> None:
    rng = random.Random(SEED + 4)
    d = tmp / "po"
    files = {}
    for lang, rep, faults in [("de", 1, 0.3), ("fr", 4, 0.15), ("nl", 20, 0.08)]:
        files[f"locale/{lang}/LC_MESSAGES/signalbox.po"] = po_file(rng, lang, rep, faults)
    files["locale/en_GB/LC_MESSAGES/signalbox.po"] = po_file(rng, "de", 1, 0.0)
    cm.write_tree(d, files)
    S.cap("msgcheck-de", "msgcheck locale/de/LC_MESSAGES/signalbox.po", d, n_msgcheck, timeout=120)
    S.cap("msgcheck-all-fuzzy", "msgcheck -f locale", d, n_msgcheck, timeout=240)
    S.cap("msgcheck-oneline-nl", "msgcheck -o oneline locale/nl/LC_MESSAGES/signalbox.po", d, n_msgcheck, timeout=120)
    S.cap("msgcheck-fr-nowhitespace", "msgcheck -w -W -f locale/fr/LC_MESSAGES/signalbox.po "
          "locale/en_GB/LC_MESSAGES/signalbox.po", d, n_msgcheck, timeout=120)


def step_sql(tmp: Path) -> None:
    rng = random.Random(SEED + 5)
    d = tmp / "sql"
    d.mkdir(parents=True, exist_ok=True)
    for label, n, broken in [("s", 4, False), ("m", 15, False), ("l", 60, False), ("xl", 160, False),
                             ("broken", 30, True), ("xxl", 240, False)]:
        (d / f"schema-{label}.sql").write_text(sql_schema(rng, n, broken))
    S.cap("pgpp-s", "pgpp schema-s.sql", d, n_pgpp, timeout=120)
    S.cap("pgpp-m-compact", "pgpp -m 60 schema-m.sql", d, n_pgpp, timeout=120)
    S.cap("pgpp-l", "pgpp schema-l.sql", d, n_pgpp, timeout=120)
    S.cap("pgpp-xl", "pgpp schema-xl.sql", d, n_pgpp, timeout=120)
    S.cap("pgpp-xxl", "pgpp schema-xxl.sql", d, n_pgpp, timeout=180)
    S.cap("pgpp-broken", "pgpp schema-broken.sql", d, n_pgpp, timeout=120)


def ensure_tools() -> None:
    cm.install_venv(VENV, "rstfmt", PY_TOOLS)
    cm.install_npm(JS, "@action-validator/cli", NPM)
    cm.ensure_apt("/usr/lib/x86_64-linux-gnu/libenchant-2.so.2", "libenchant-2-2")
    cm.PATH_PREFIX[:0] = [str(VENV / "bin"), str(JS / "node_modules" / ".bin")]


def steps():
    return [step_workflows, step_gixy, step_tombi, step_python, step_docs, step_po, step_sql]


if __name__ == "__main__":
    cm.capture_round(__doc__, ensure_tools, steps, "wide526-", OUT, TMP, bands=(4_000, 20_000))
