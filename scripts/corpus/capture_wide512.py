#!/usr/bin/env python3
"""Round 512: issue #11's kinds with hostile features on real q-z packages (strip-ansi, supports-color,
shebang-regex, wrappy, ratelimit, varname), round 434's material renamed to a lightship's foghorns, lanterns and
mates (seed 51210) through round 489's module and round 472's helpers (imported, given this round's words), round
368's Rust crate, round 273's Go module and a jest suite in the same words; no new rules.

Needles are read on round 368's lossless clean-up (`capture_wide368.clean368`) by the extractors earlier
rounds used, imported. See NEEDLES.md, round 512.
"""
from __future__ import annotations

import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import capture_more as cm  # noqa: E402
import capture_wide368 as w368  # noqa: E402
import capture_wide434 as w434  # noqa: E402
import capture_wide472 as w472  # noqa: E402  (LightPath, with_light, light, go_cap, ESLINT_CONFIG)
import capture_wide489 as w489  # noqa: E402  (step_c, step_rust: given this round's words below)
from capture_wide273_go import make_steps  # noqa: E402
from capture_wide import n_chained  # noqa: E402
from capture_wide15_data import (n_json_file, n_lock, n_npm_install, n_npm_view,  # noqa: E402
                                 n_pip_install)
from capture_wide15_diag import n_mypy, n_pytest, n_ruff  # noqa: E402
from capture_wide15_js import n_eslint, n_jest  # noqa: E402
from capture_wide15_oc import n_diff, n_log_p, n_show, n_status  # noqa: E402
from capture_wide2 import n_json_log  # noqa: E402
from capture_wide6_fresh import n_csv, n_ps_aux  # noqa: E402
from capture_wide9b_reads import n_grep_rn  # noqa: E402

ROOT = Path("/dev/shm/hm-corpus-wide512-tools")
TMP = Path("/dev/shm/hm-corpus-wide512")
OUT = Path(__file__).resolve().parent / "data" / "wide512.json"
VENV = ROOT / "venv"
JS = ROOT / "js"
NM = JS / "node_modules"
SEED = 51210
w368.VENV = VENV
cm.clean_lines = w368.clean368
cap = w368.cap

# A lightship's foghorns, lanterns and mates for round 434's gasworks ("box" first, so that "hornbox" stays whole).
LIGHTVESSEL = (
    ("box", "kist"),
    ("Una Stoker", "Wyn Mateley"), ("una@gasworks", "wyn@lightvessel"), ("gasworks", "lightvessel"),
    ("retortbed", "hornlocker"), ("stoke_retorts", "sound_horns"), ("charge_retort", "prime_horn"),
    ("draw_retort", "stow_horn"), ("purge_holder", "open_seacock"), ("PurgeError", "SeacockError"),
    ("gasholder_svc", "matewatch_svc"), ("Gasholder", "AirFlask"), ("gasholder", "airflask"),
    ("purifier", "lanthorn"), ("Purifier", "Lanthorn"), ("exhauster", "foghorn"), ("scrubber", "hornbox"),
    ("scrub", "swab"), ("Retort", "Horn"), ("retort", "horn"), ("holder", "flask"),
    ("oxide", "colza"), ("coal_kg", "air_psi"), ("gas_make_m3", "blasts_n"), ("coke_kg", "mantle_mm"),
    ("Charge", "Muster"), ("charge", "muster"), ("stoke", "sound"), ("H2S", "HAZE"),
    ("coal", "kerosene"), ("coke", "soot"), ("gas", "mist"), ("lift", "gantline"), ("bench", "thwart"),
    ("43412", "51212"),
)
w472.LIGHT = LIGHTVESSEL
w472.SEED = SEED
w489.SEED = SEED  # step_rust: gen_rust draws SEED + 2 = 51212
lv = w472.light

HORN_UTF16 = "".join(f"{h:02d}:30\tfoghorn {1 + h % 2} sounded\tair {40 + h % 7} psi\tlantern {'trimmed' if h % 6 == 0 else 'burning'}\r\n"
                     for h in range(28))
MATES = [("Ástríður Jónsdóttir", "first mate", 33), ("Rémi Château", "lamp trimmer", 9), ("Siobhán Ní Bhriain", "foghorn", 5),
         ("Dörte Schäfer", "first mate", 26), ("Noémie Barré", "first mate", 24), ("Martín Ordóñez", "first mate", 17),
         ("Zoé Hübner", "lantern", 1), ("Léon Dupré", "first mate", 52), ("Tørris Vågen", "first mate", 29),
         ("Lúcia Assunção", "first mate", 13), ("Anaël Kerné", "lamp trimmer", 7), ("Örjan Bäckström", "first mate", 38)]


def step_python(tmp: Path) -> None:
    d = w472.LightPath(tmp / lv("retortbed"))
    d.mkdir()
    w472.with_light(w434.history, d)
    (d / "purifier.min.js").write_text(lv(w472.with_light(w434.minified)))
    d = Path(d)
    (d / "data/foghorn_utf16.log").write_bytes(HORN_UTF16.encode("utf-16"))
    (d / "data/mates.txt").write_bytes("".join(f"{n}\t{p}\t{y}\n" for n, p, y in MATES).encode("latin-1", "replace"))
    c = lambda i, cmd, ext, **k: cap(i, lv(cmd), d, ext, **k)  # noqa: E731  commands written in 434's words
    c("pytest-v", "python -m pytest -v", n_pytest)
    c("pytest-long-recursion", "python -m pytest --tb=long tests/test_charge.py", n_pytest)
    c("pytest-tty", "python -m pytest -rA --tb=short", n_pytest, tty=True)
    c("pytest-chain-cat", "cat data/box3.dat; python -m pytest -q tests/test_purifier.py tests/test_holder.py", n_pytest)
    c("ruff", "ruff check --no-cache .", n_ruff)
    c("ruff-tty", "ruff check --no-cache --output-format=full src tests", n_ruff, tty=True)
    c("mypy", "mypy --strict --no-incremental src stoke_retorts.py", n_mypy)
    c("mypy-chain", f"cd {d} && mypy --no-incremental --strict --pretty src tests 2>&1 | tail -n 40", n_mypy)
    c("recursion-traceback", "python stoke_retorts.py 5", n_chained)
    c("chained-traceback-cat", "cat data/box3.dat && python purge_holder.py", n_chained)
    cap("grep-rna-utf16", "cat data/foghorn_utf16.log data/mates.txt; grep -rna 'horn' src data lanthorn.min.js", d, n_grep_rn)
    c("git-status", "git status", n_status)
    c("git-diff-text", "git diff --text", n_diff)
    c("git-log-p", "git log -p", n_log_p)
    c("git-show-text", "git show --text HEAD~2", n_show)
    c("pytest-x-tail", f"cd {d} && python -m pytest -q -x 2>&1 | tail -n 30", n_pytest)
    c("ruff-concise-head", "ruff check --no-cache --output-format=concise . | head -n 20", n_ruff)


def step_svc(tmp: Path) -> None:
    d = tmp / "svc"
    d.mkdir()
    svc = lv(w434.SVC)
    for name, nb, big, na in (("matewatch_a.py", 80, 520, 70), ("matewatch_b.py", 55, 650, 115)):
        (d / name).write_text(svc.replace("N_BEFORE", str(nb)).replace("BIG", str(big)).replace("N_AFTER", str(na)))
    cap("json-log-a", "python matewatch_a.py", d, n_json_log)
    cap("json-log-b-grep", "python matewatch_b.py 2>&1 | grep -v '\"kist cycle\"' | tail -n 145", d, n_json_log)


def step_tables(tmp: Path) -> None:
    d = tmp / "tables"
    d.mkdir()
    cap("ps-aux", "ps aux", d, n_ps_aux)
    cm.run("dpkg-query -W -f='${Package},${Installed-Size},${Section},${Priority},${Version}\\r\\n' | sort -t, -k3,3 -k2,2n > pkgs.csv", cwd=d)
    (d / "hdr.csv").write_bytes(b"package,installed_kb,section,priority,version\r\n")
    cap("csv-crlf-head", "cat hdr.csv pkgs.csv | head -n 115", d, n_csv)
    rnd = random.Random(SEED + 7)
    rows = ["mate,post,watches,air_psi,station"]
    for i in range(66):
        n, p, _ = MATES[i % len(MATES)]
        rows.append(f"{n},{p},{rnd.randint(2, 880)},{rnd.randint(300, 650) / 10},{'Haisborough' if i % 31 else 'Nab Tower'}")
    (d / "mates.csv").write_bytes(("\n".join(rows) + "\n").encode("latin-1"))
    cap("csv-latin1", "cat mates.csv", d, n_csv)


def deep_pkg(depth: int) -> str:
    rnd = random.Random(SEED + 5)
    cfg: dict = {"mantle_mm": rnd.randint(20, 34)}
    for i in range(depth, 0, -1):
        cfg = {"horn": i, "air_psi": rnd.randint(300, 650) / 10, "lanthorn": cfg}
    return json.dumps({"name": "lanthorn-ledger", "version": "0.6.2", "private": True,
                       "dependencies": {"strip-ansi": "*", "supports-color": "*", "wrappy": "*"},
                       "devDependencies": {"jest": "*", "eslint": "*"}, "lightvessel": {"horns": cfg}})


def step_pkg(tmp: Path) -> None:
    d = tmp / "lanthorn-ledger"
    d.mkdir()
    (d / "package.json").write_text(deep_pkg(225))
    cap("json-deep-tool", "python -m json.tool --indent 1 package.json", d, n_json_file)
    cap("npm-view-strip-ansi", "npm view strip-ansi --json", d, n_npm_view, timeout=120)
    cap("npm-view-supports-color", "npm view supports-color --json", d, n_npm_view, timeout=120)
    cap("npm-view-shebang-regex", "npm view shebang-regex --json", d, n_npm_view, timeout=120)
    n = tmp / "npmtty"
    n.mkdir()
    cm.run("npm init -y >/dev/null", cwd=n)
    cap("npm-install-tty", "env -u CI npm install --no-audit --no-fund --loglevel=http strip-ansi supports-color wrappy", n, n_npm_install, tty=True, timeout=300)
    cap("package-lock", "cat package-lock.json", n, n_lock)
    cap("grep-rn-supports-color", "grep -rn 'env' node_modules/supports-color --include=*.js", n, n_grep_rn)
    cap("grep-rn-cat-strip-ansi", "cat node_modules/strip-ansi/package.json; grep -rn 'string' node_modules/strip-ansi node_modules/ansi-regex --include=*.js | head -n 40", n, n_grep_rn)
    p = tmp / "pipv"
    cm.run(f"python3 -m venv {p}", timeout=300)
    cap("pip-install-tty", f"env -u PIP_FIND_LINKS PIP_CONFIG_FILE=/dev/null {p}/bin/pip install --no-cache-dir --progress-bar on ratelimit varname", tmp,
        n_pip_install, tty=True, timeout=300)


# A jest suite written here: a lightvessel's lantern and foghorn arithmetic, with bugs put in (fixed before the run).
LEDGER_JS = r'''const wrappy = require(@@WRAPPY@@);

// Lantern oil: hours of light from a kerosene charge (bug: divides by the wrong rate).
function burnHours(litres, mlPerHour) {
  return (litres * 100) / mlPerHour;
}

// Foghorn cycle: blasts per hour for a given period in seconds (bug: off by one).
function blastsPerHour(periodS) {
  return Math.floor(3600 / periodS) + 1;
}

// The mates' watch roster: each name once, in order (bug: sorts in place and drops the last).
function roster(names) {
  return names.sort().slice(0, -1);
}

const once = wrappy(function once(fn) {
  let done = false;
  return function () { if (done) return undefined; done = true; return fn.apply(this, arguments); };
});

function nest(depth, leaf) {
  let o = { mantle_mm: leaf };
  for (let i = depth; i > 0; i--) o = { horn: i, lanthorn: o };
  return o;
}

module.exports = { burnHours, blastsPerHour, roster, once, nest };
'''

LEDGER_TEST = r'''const { burnHours, blastsPerHour, roster, once, nest } = require("../ledger");

describe("lightvessel lanthorn ledger", () => {
  test("a 4 litre charge at 25 ml an hour burns 160 hours", () => {
    expect(burnHours(4, 25)).toBe(160);
  });

  test("a 30 second foghorn period gives 120 blasts an hour", () => {
    expect(blastsPerHour(30)).toBe(120);
  });

  test.each([[60, 60], [20, 180], [90, 40]])("period %i s gives %i blasts", (p, n) => {
    expect(blastsPerHour(p)).toBe(n);
  });

  test("the watch roster keeps every mate", () => {
    expect(roster(["Wyn", "Astrid", "Remi", "Doerte"])).toEqual(["Astrid", "Doerte", "Remi", "Wyn"]);
  });

  test("the foghorn is primed once", () => {
    let n = 0;
    const prime = once(() => ++n);
    prime(); prime();
    expect(n).toBe(1);
  });

  test("the lanthorn survey matches the expected nesting", () => {
    expect(nest(36, 24)).toEqual(nest(36, 26));
  });

  test("the kist holds the spare mantles", () => {
    expect({ kist: { mantles: 6, wicks: 12 } }).toStrictEqual({ kist: { mantles: 6, wicks: 12, chimneys: 2 } });
  });
});
'''


def step_js(tmp: Path) -> None:
    d = tmp / "lanthorn-jest"
    (d / "test").mkdir(parents=True)
    (d / "ledger.js").write_text(LEDGER_JS.replace("@@WRAPPY@@", json.dumps(str(NM / "wrappy"))))
    (d / "test/ledger.test.js").write_text(LEDGER_TEST)
    (d / "package.json").write_text(json.dumps({"name": "lanthorn-ledger", "version": "0.6.2", "private": True}))
    jest = f"{NM}/.bin/jest"
    cap("jest", f"{jest} --ci --rootDir .", d, n_jest, timeout=300)
    cap("jest-tty", f"{jest} --rootDir . --colors", d, n_jest, tty=True, timeout=300)
    cap("jest-chain-tail", f"cd {d} && {jest} --ci --rootDir . -t 'foghorn' 2>&1 | tail -n 60", d, n_jest, timeout=300)
    lint = tmp / "lint"
    (lint / "vendor").mkdir(parents=True)
    (lint / "ledger.js").write_text((d / "ledger.js").read_text() + "\nfunction unusedTrim(w) { if (w == 0) {} return w }\n")
    (lint / "ledger.test.js").write_text(LEDGER_TEST)
    (lint / "vendor/lanthorn.min.js").write_text(lv(w472.with_light(w434.minified)))
    (lint / "eslint.config.js").write_text(w472.ESLINT_CONFIG)
    eslint = f"{NM}/.bin/eslint"
    cap("eslint-tail", f"cd {lint} && {eslint} --color . 2>&1 | tail -n 70", lint, n_eslint, timeout=300)


w489.RUST_RENAMES = (
    ("yarnwinder", "foghornwinder"),
    ("Yarn winding: bobbins, turns and the length on a winder.", "Foghorn winding: drums, turns and the gantline on a lightvessel's horn."),
    ("hawser_name", "horn_name"), ('"cable-laid"', '"diaphragm-horn"'), ('"hawser"', '"reed-horn"'), ('"shroud"', '"hand-horn"'),
    ('"cable"', '"lanthorn"'), ("9 is cable-laid", "9 is a diaphragm-horn"), ("Bobbin", "Drum"), ("winder_speed", "horn_speed"),
    ("spool", "drum_fill"), ("winding {", "sounding {"),
)

GO_NAMES = ["Fore Lantern", "Aft Lantern", "Riding Lanthorn", "Reed Foghorn", "Hand Foghorn", "Storm Lantern",
            "First Mate", "Second Mate", "Lamp Trimmer", "Air Flask", "Colza Drum", "Mantle Kist"]
GO_RENAMES = (
    ("kegtally", "mustertally"), ("casebook", "materoom"), ("ledger host", "lightvessel host"),
    ("litres left, days", "blasts left, watches"), ("nothing left to pour", "nothing left to sound"),
    ("pour order", "muster order"), ("pour grade", "haze grade"), ("Keg", "Horn"), ("keg", "horn"),
    ("Beer", "Mate"), ("beer", "mate"), ("Cellar", "Lantern"), ("cellar", "lantern"), ("Pints", "Blasts"), ("pints", "blasts"),
)
GO_STEP = make_steps(w472.go_cap, "mustertally", "materoom", SEED + 3, GO_NAMES, GO_RENAMES)[0]


def ensure_tools() -> None:
    cm.install_venv(VENV, "mypy", ["ruff", "mypy", "pytest"])
    cm.install_npm(JS, "jest", ["jest", "eslint", "wrappy"])


def steps():
    return [step_python, step_svc, w489.step_c, step_tables, step_pkg, step_js, w489.step_rust, GO_STEP]


if __name__ == "__main__":
    import capture_wide9b as w9b
    w9b.TMP = TMP
    w9b.clean_lines = w368.clean368
    cm.clean_lines = w368.clean368
    cm.capture_round(__doc__, ensure_tools, steps, "wide512-", OUT, TMP)
