"""Round 360, the material and a few direct items: u-msgpack-python's sdist with bugs put in (its own tests with
pytest, ruff, and its code run wrongly into a chained traceback), the hoppocket project (strftime under a generated
node --test suite whose expectations come from the unbroken package), a git history built by committing
u-msgpack-python's sources in steps, the files of /usr/share/gputils as a CSV and a sqlite table, an application log,
npm view --json, and xmlstarlet's installed user guide served on loopback and fetched with curl. The trees stay under
the round's scratch dir for OpenCode's run. Each kind's extractor is the earlier rounds', imported (NEEDLES.md's
"Round 360: no new rules"); rounds 341's and 356's steps are the pattern, their generators (capture_material.history,
app_log, put_bugs) imported. Run through capture_wide360.py."""

from __future__ import annotations

import csv
import json
import os
import signal
import time
from pathlib import Path

import capture_more as cm
from capture_material import app_log, history, put_bugs
from capture_more import n_app_log, run, write_tree
from capture_wide import n_chained
from capture_wide9b import Part, chain, n_status_echo
from capture_wide11_files import n_html
from capture_wide15_data import n_npm_view
from capture_wide15_diag import n_pytest, n_ruff
from capture_wide15_js import n_node_test
from capture_wide15_oc import n_log_p
from capture_wide291_mat import ESLINT_CONFIG, TSCONFIG  # round 291's eslint rules and tsconfig, as they are
from capture_wide360 import JS, SRC, cap

SV = "u-msgpack-python-2.8.0"
CORE = "umsgpack/__init__.py"
GIT_ENV = {"GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"}
PEOPLE = [("Tamsin Whitbread", "tamsin@example.org"), ("Ned Goldings-Fuggle", "ned@example.org"),
          ("Tamsin Whitbread", "tamsin@example.org"), ("Hal Oastler", "hal@example.org")]
PYENV = {"PYTHONPATH": "."}

# The bugs put in: 128 packed as a positive fixint (0x80, a fixmap's marker); an array of 16 packed as a fixarray
# (0x90 | 16 = 0xa0, a fixstr's marker); a list map key turned into a tuple only at its top level.
BUGS = [(CORE, "        if obj < 128:\n", "        if obj <= 128:\n"),
        (CORE, "    if obj_len < 16:\n        fp.write(struct.pack(\"B\", 0x90 | obj_len))\n",
         "    if obj_len <= 16:\n        fp.write(struct.pack(\"B\", 0x90 | obj_len))\n"),
        (CORE, "        return tuple([_deep_list_to_tuple(e) for e in obj])\n", "        return tuple(obj)\n")]

SCRIPT = r"""
import umsgpack


class KilnLedgerError(Exception):
    pass


DRIED = [
    {"kiln": "Roundel 1", "variety": "Fuggle", "pockets": 14, "moisture": 9.5, "pickers": ["Whitbread", "Oastler"]},
    {"kiln": "Roundel 2", "variety": "Goldings", "pockets": 11, "moisture": 10.2, "pickers": ["Goldings-Fuggle"]},
    {"kiln": "Square kiln", "variety": "Bramling Cross", "pockets": 9, "moisture": 8.8,
     "pickers": {"Hal Oastler", "Tamsin Whitbread"}},
]


def pack_entry(entry):
    try:
        return umsgpack.packb(entry)
    except umsgpack.PackException as exc:
        raise KilnLedgerError(
            f"kiln ledger: {entry['kiln']} ({entry['variety']}, {entry['pockets']} pockets) cannot be packed"
        ) from exc


for entry in DRIED:
    blob = pack_entry(entry)
    print(entry["kiln"], len(blob), "bytes", blob[:24].hex())
"""


def python(tmp: Path) -> None:
    cp = tmp / SV
    put_bugs(cp, BUGS)
    cap("pytest-umsgpack-v-tbshort",
        "python -m pytest -v --tb=short --color=no -p no:cacheprovider test_umsgpack.py 2>&1 | grep -v PASSED", cp,
        n_pytest, env=PYENV, timeout=900)
    chain("chain-umsgpack-pytest-q-exit", "chain-test-exit", "test",
          [Part("python -m pytest -q --color=no -p no:cacheprovider --tb=long test_umsgpack.py", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], cp, env=PYENV, timeout=900)
    cap("ruff-concise-umsgpack-all",
        "ruff check --no-cache --isolated --select ALL --output-format=concise umsgpack test_umsgpack.py setup.py "
        "| head -n 900", cp, n_ruff)
    d = tmp / "oast"
    d.mkdir()
    (d / "kiln_ledger.py").write_text(SCRIPT)
    cap("python-chained-traceback-kiln-ledger", "python3 kiln_ledger.py", d, n_chained, env={"PYTHONPATH": str(cp)})


def git_history(tmp: Path) -> None:
    repo = history(tmp, SRC, "umsgpack", SV, [CORE, "test_umsgpack.py", "setup.py", "README.md"],
                   PEOPLE, 36010, 40, BUGS)
    (repo / "NOTES.local").write_text("128 now fixint; 16-array fixarray; list keys tupled one level only\n")
    cap("git-log-p-umsgpack-head-1500", "git log -p | head -n 1500", repo, n_log_p, env=GIT_ENV)


# The round's own generator of hoppocket's suite (seed 36011): expectations from the unbroken strftime (UTC).
FIXTURES = r"""
import fs from 'node:fs';
import {createRequire} from 'node:module';
const sf = createRequire(import.meta.url)('./node_modules/strftime/strftime.js').timezone(0);
let seed = 36011;
const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
const pick = a => a[Math.floor(rnd() * a.length)];
function when() {
  const y = pick([1999, 2000, 2012, 2024, 2026, 2031]);
  const mo = Math.floor(rnd() * 12), d = 1 + Math.floor(rnd() * 28), h = pick([0, 0, 1, 9, 10, 11, 12, 12, 13, 22, 23]);
  const mi = pick([0, 5, 9, 10, 30, 59]), s = pick([0, 9, 10, 45]), ms = pick([0, 9, 10, 99, 100, 999]);
  return Date.UTC(y, mo, d, h, mi, s, ms);
}
const FORMATS = ['%Y-%m-%d', '%H:%M:%S', '%I:%M %p', '%l:%M %P', '%j', '%L', '%e %b %Y', '%A %d %B', '%U/%W',
  '%D %T', '%F %R', '%k h', '%-m/%-d', '%_H', '%C%y', '%s', '%u %w', '%c', '%x %X', 'kiln %d/%m at %I%p'];
const LOCS = ['en_US', 'en_US', 'de_DE', 'fr_FR', 'nl_NL'];
let out = "import {test} from 'node:test';\nimport assert from 'node:assert/strict';\nimport {createRequire} from 'node:module';\n";
out += "const sf = createRequire(import.meta.url)('../lib/strftime.cjs').timezone(0);\n\n";
for (let i = 0; i < 300; i++) {
  const id = String(i).padStart(3, '0');
  const t = when(), f = pick(FORMATS), loc = pick(LOCS);
  const call = loc === 'en_US' ? `sf(${JSON.stringify(f)}, new Date(${t}))`
    : `sf.localizeByIdentifier(${JSON.stringify(loc)})(${JSON.stringify(f)}, new Date(${t}))`;
  const want = loc === 'en_US' ? sf(f, new Date(t)) : sf.localizeByIdentifier(loc)(f, new Date(t));
  out += `test(${JSON.stringify('pocket ' + id + ' formats ' + f + ' in ' + loc)}, () => {\n`;
  out += `  assert.equal(${call}, ${JSON.stringify(want)});\n});\n\n`;
}
fs.writeFileSync('spec/strftime.test.mjs', out);
"""

APP = """import {createRequire} from 'node:module';
const sf = createRequire(import.meta.url)('./strftime.cjs');

export function kilnCard(kiln) {
  var loaded = new Date(kiln.loadedAt), label = kiln.name, hours = kiln.hours
  if (isNaN(loaded)) return {ok: false, reason: 'loaded ' + kiln.loadedAt + ' not understood'}
  var drawn = new Date(loaded.getTime() + hours * 3600e3);
  return {ok: true, label: label, loaded: sf('%a %e %b %l:%M%P', loaded), drawn: sf('%F %T', drawn)};
}
"""

# The bugs put in: padTill2 padding 10 ("010"); hours12 turning noon into 0; padTill3 padding 100 ("0100").
JS_BUGS = [("strftime.cjs", "        if (paddingChar === '' || numberToPad > 9) {\n",
            "        if (paddingChar === '' || numberToPad > 10) {\n"),
           ("strftime.cjs", "        else if (hour > 12) {\n", "        else if (hour >= 12) {\n"),
           ("strftime.cjs", "        if (numberToPad > 99) {\n", "        if (numberToPad > 100) {\n")]


def js_project(tmp: Path) -> None:
    root = tmp / "hoppocket"
    nm = JS / "node_modules"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {nm} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "hoppocket", "version": "0.4.2", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "fixtures.mjs": FIXTURES, "eslint.config.js": ESLINT_CONFIG, "lib/kiln-card.js": APP,
                      "tsconfig.json": TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    (root / "lib" / "strftime.cjs").write_text((nm / "strftime" / "strftime.js").read_text())
    put_bugs(root / "lib", JS_BUGS)
    chain("chain-node-test-hoppocket-exit", "chain-test-exit", "test",
          [Part("node --test spec/ 2>&1 | tail -n 650", n_node_test), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)
    cap("npm-view-strftime-json", "npm view strftime --json", tmp, n_npm_view, timeout=300)


LOG_MSGS = {
    "INFO": lambda r: f"bine row {r.randint(1, 40)} picked {r.randint(6, 30)} bushels by {r.randint(6, 9)}:"
                      f"{r.randint(0, 59):02d}, garden {r.choice(['Long Acre', 'Bell Field', 'Oast Meadow'])} "
                      f"at {r.randint(60, 100)}% of its wirework",
    "DEBUG": lambda r: f"kiln {r.randint(1, 4)} drying {r.choice(['Fuggle', 'Goldings', 'Bramling Cross', 'Challenger'])} "
                       f"at {r.randint(55, 70)} C, moisture {r.randint(80, 140) / 10}%",
    "WARNING": lambda r: f"pocket press {r.choice(['north', 'south', 'hand'])} pocket {r.randint(1, 90)} at "
                         f"{r.randint(70, 90)} kg, {r.choice(['+', '-'])}{r.randint(1, 12)} kg off the weight",
    "ERROR": lambda r: f"kiln fan {r.randint(1, 3)} stalled on floor {r.randint(1, 2)}, drier "
                       f"{r.choice(['Whitbread', 'Oastler', 'Goldings-Fuggle', 'Baxter'])} drew the hops after "
                       f"{r.randint(2, 40)} min",
}


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    rows = []
    base = Path("/usr/share/gputils")
    for p in sorted(base.rglob("*")):
        if p.is_file() and not p.is_symlink():
            st = p.stat()
            rel = p.relative_to(base)
            area = p.suffix.lstrip(".") or "-"
            rows.append([str(rel), area, p.name, st.st_size, st.st_nlink,
                         time.strftime("%Y-%m-%d", time.gmtime(st.st_mtime))])
    with open(d / "gpfiles.csv", "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["path", "kind", "name", "bytes", "links", "modified"])
        w.writerows(rows)
    run("sqlite3 gpfiles.db '.mode csv' '.import gpfiles.csv gpfiles'", cwd=d)
    app_log(d / "hopgarden.log", 36014, 1800, ["garden.bines", "garden.pickers", "garden.kiln", "garden.press"],
            LOG_MSGS, 7360, "2026-12-02")
    cap("app-log-hopgarden-tail-750", "tail -n 750 hopgarden.log", d, n_app_log)
    srv = cm.start("cd /usr/share/doc/xmlstarlet && exec python3 -m http.server 18360 --bind 127.0.0.1")
    try:
        time.sleep(1.5)
        cap("curl-html-xmlstarlet-ug", "curl -s http://127.0.0.1:18360/xmlstarlet-ug.html", d, n_html)
    finally:
        os.killpg(srv.pid, signal.SIGTERM)


STEPS = [python, git_history, js_project, data]
