#!/usr/bin/env python3
"""Round 525: issue #11's kinds with hostile features on real a-p packages (ansi-styles, lilconfig, isexe,
concat-map, monotonic, pprintpp), round 434's material renamed to a lighthouse lamp room's prisms, wicks and
keepers (seed 52510) through round 489's module and round 472's helpers (imported, given this round's words),
round 368's Rust crate, round 273's Go module and a jest suite in the same words; no new rules.

Needles are read on round 368's lossless clean-up (`capture_wide368.clean368`) by the extractors earlier
rounds used, imported. See NEEDLES.md, round 525.
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

ROOT = Path("/dev/shm/hm-corpus-wide525-tools")
TMP = Path("/dev/shm/hm-corpus-wide525")
OUT = Path(__file__).resolve().parent / "data" / "wide525.json"
VENV = ROOT / "venv"
JS = ROOT / "js"
NM = JS / "node_modules"
SEED = 52510
w368.VENV = VENV
cm.clean_lines = w368.clean368
cap = w368.cap

# A lighthouse lamp room's prisms, wicks and keepers for round 434's gasworks ("box" first, so that "lensbox" stays whole; "bench" next, so that "wickbench" does).
LAMPROOM = (
    ("box", "wickbox"), ("bench", "plinth"),
    ("Una Stoker", "Esme Wickham"), ("una@gasworks", "esme@prismhouse"), ("gasworks", "prismhouse"),
    ("retortbed", "wickbench"), ("stoke_retorts", "trim_wicks"), ("charge_retort", "light_burner"),
    ("draw_retort", "douse_burner"), ("purge_holder", "vent_cistern"), ("PurgeError", "VentError"),
    ("gasholder_svc", "keeperlog_svc"), ("Gasholder", "OilCistern"), ("gasholder", "oilcistern"),
    ("purifier", "prismlens"), ("Purifier", "Prismlens"), ("exhauster", "astragal"), ("scrubber", "lensbox"),
    ("scrub", "burnish"), ("Retort", "Burner"), ("retort", "burner"), ("holder", "cistern"),
    ("oxide", "rouge"), ("coal_kg", "oil_l"), ("gas_make_m3", "flashes_n"), ("coke_kg", "wick_mm"),
    ("Charge", "Kindle"), ("charge", "kindle"), ("stoke", "trim"), ("H2S", "GLARE"),
    ("coal", "paraffin"), ("coke", "snuff"), ("gas", "vapour"), ("lift", "pedestal"),
    ("43412", "52512"),
)
w472.LIGHT = LAMPROOM
w472.SEED = SEED
w489.SEED = SEED  # step_rust: gen_rust draws SEED + 2 = 52512
lr = w472.light

LAMP_UTF16 = "".join(f"{h:02d}:15\tprism {1 + h % 4} turned\tvapour {52 + h % 9} psi\twick {'trimmed' if h % 5 == 0 else 'burning'}\r\n"
                     for h in range(26))
KEEPERS = [("Íde Ní Mhaoláin", "principal keeper", 31), ("Aurélien Lefèvre", "assistant keeper", 8),
           ("Dónal Ó Súilleabháin", "wick trimmer", 4), ("Jürgen Weiß", "principal keeper", 27),
           ("Maëlys Thévenin", "principal keeper", 21), ("Inès Ibáñez", "principal keeper", 15),
           ("Ragnhild Østby", "prism cleaner", 2), ("Benoît Mérel", "principal keeper", 49),
           ("Ólafur Þórsson", "principal keeper", 33), ("Gwenaëlle Le Dû", "principal keeper", 11),
           ("Søs Kragh", "assistant keeper", 6), ("Tórshavn Jákup", "principal keeper", 37)]


def step_python(tmp: Path) -> None:
    d = w472.LightPath(tmp / lr("retortbed"))
    d.mkdir()
    w472.with_light(w434.history, d)
    (d / "purifier.min.js").write_text(lr(w472.with_light(w434.minified)))
    d = Path(d)
    (d / "data/lamp_utf16.log").write_bytes(LAMP_UTF16.encode("utf-16"))
    (d / "data/prismkeepers.txt").write_bytes("".join(f"{n}\t{p}\t{y}\n" for n, p, y in KEEPERS).encode("latin-1", "replace"))
    c = lambda i, cmd, ext, **k: cap(i, lr(cmd), d, ext, **k)  # noqa: E731  commands written in 434's words
    c("pytest-v", "python -m pytest -v", n_pytest)
    c("pytest-long-recursion", "python -m pytest --tb=long tests/test_charge.py", n_pytest)
    c("pytest-tty", "python -m pytest -rA --tb=short", n_pytest, tty=True)
    c("pytest-chain-cat", "cat data/box3.dat; python -m pytest -q tests/test_purifier.py tests/test_holder.py", n_pytest)
    c("ruff", "ruff check --no-cache .", n_ruff)
    c("ruff-tty", "ruff check --no-cache --output-format=full src tests", n_ruff, tty=True)
    c("mypy", "mypy --strict --no-incremental src stoke_retorts.py", n_mypy)
    cap("mypy-chain", f"cd {d} && " + lr("mypy --no-incremental --strict --pretty src tests 2>&1 | tail -n 40"), d, n_mypy)
    c("recursion-traceback", "python stoke_retorts.py 5", n_chained)
    c("chained-traceback-cat", "cat data/box3.dat && python purge_holder.py", n_chained)
    cap("grep-rna-utf16", "cat data/lamp_utf16.log data/prismkeepers.txt; grep -rna 'wick' src data prismlens.min.js", d, n_grep_rn)
    c("git-status", "git status", n_status)
    c("git-diff-text", "git diff --text", n_diff)
    c("git-log-p", "git log -p", n_log_p)
    c("git-show-text", "git show --text HEAD~2", n_show)
    cap("pytest-x-tail", f"cd {d} && " + lr("python -m pytest -q -x 2>&1 | tail -n 30"), d, n_pytest)  # the path is already renamed
    c("ruff-concise-head", "ruff check --no-cache --output-format=concise . | head -n 20", n_ruff)


def step_svc(tmp: Path) -> None:
    d = tmp / "svc"
    d.mkdir()
    svc = lr(w434.SVC)
    for name, nb, big, na in (("keeperlog_a.py", 75, 560, 65), ("keeperlog_b.py", 50, 690, 120)):
        (d / name).write_text(svc.replace("N_BEFORE", str(nb)).replace("BIG", str(big)).replace("N_AFTER", str(na)))
    cap("json-log-a", "python keeperlog_a.py", d, n_json_log)
    cap("json-log-b-grep", "python keeperlog_b.py 2>&1 | grep -v '\"wickbox cycle\"' | tail -n 150", d, n_json_log)


def step_tables(tmp: Path) -> None:
    d = tmp / "tables"
    d.mkdir()
    cap("ps-aux", "ps aux", d, n_ps_aux)
    cm.run("dpkg-query -W -f='${Package},${Installed-Size},${Section},${Priority},${Version}\\r\\n' | sort -t, -k4,4 -k1,1 > pkgs.csv", cwd=d)
    (d / "hdr.csv").write_bytes(b"package,installed_kb,section,priority,version\r\n")
    cap("csv-crlf-head", "cat hdr.csv pkgs.csv | head -n 120", d, n_csv)
    rnd = random.Random(SEED + 7)
    rows = ["keeper,post,watches,vapour_psi,station"]
    for i in range(70):
        n, p, _ = KEEPERS[i % len(KEEPERS)]
        rows.append(f"{n},{p},{rnd.randint(3, 910)},{rnd.randint(400, 720) / 10},{'Skerryvore' if i % 29 else 'Fanad'}")
    (d / "prismkeepers.csv").write_bytes(("\n".join(rows) + "\n").encode("latin-1"))
    cap("csv-latin1", "cat prismkeepers.csv", d, n_csv)


def deep_pkg(depth: int) -> str:
    rnd = random.Random(SEED + 5)
    cfg: dict = {"wick_mm": rnd.randint(18, 40)}
    for i in range(depth, 0, -1):
        cfg = {"prism": i, "vapour_psi": rnd.randint(400, 720) / 10, "lens": cfg}
    return json.dumps({"name": "lampbook-ledger", "version": "0.4.7", "private": True,
                       "dependencies": {"concat-map": "*", "isexe": "*", "lilconfig": "*"},
                       "devDependencies": {"jest": "*", "eslint": "*"}, "prismhouse": {"prisms": cfg}})


DEPTH = 220


def step_pkg(tmp: Path) -> None:
    d = tmp / "lampbook-ledger"
    d.mkdir()
    (d / "package.json").write_text(deep_pkg(DEPTH))
    cap("json-deep-tool", "python -m json.tool --indent 1 package.json", d, n_json_file)
    cap("npm-view-ansi-styles", "npm view ansi-styles --json", d, n_npm_view, timeout=120)
    cap("npm-view-lilconfig", "npm view lilconfig --json", d, n_npm_view, timeout=120)
    cap("npm-view-isexe", "npm view isexe --json", d, n_npm_view, timeout=120)
    n = tmp / "npmtty"
    n.mkdir()
    cm.run("npm init -y >/dev/null", cwd=n)
    cap("npm-install-tty", "env -u CI npm install --no-audit --no-fund --loglevel=http concat-map isexe lilconfig", n, n_npm_install, tty=True, timeout=300)
    cap("package-lock", "cat package-lock.json", n, n_lock)
    cap("grep-rn-lilconfig", "grep -rn 'config' node_modules/lilconfig --include=*.js", n, n_grep_rn)
    cap("grep-rn-cat-isexe", "cat node_modules/isexe/package.json; grep -rn 'stat' node_modules/isexe node_modules/concat-map --include=*.js | head -n 40", n, n_grep_rn)
    p = tmp / "pipv"
    cm.run(f"python3 -m venv {p}", timeout=300)
    cap("pip-install-tty", f"env -u PIP_FIND_LINKS PIP_CONFIG_FILE=/dev/null {p}/bin/pip install --no-cache-dir --progress-bar on monotonic pprintpp brotlicffi", tmp,
        n_pip_install, tty=True, timeout=300)


# A jest suite written here: a lamp room's paraffin, wick and prism arithmetic, with bugs put in (fixed before the run).
LEDGER_JS = r'''const concatMap = require(@@CONCATMAP@@);

// Paraffin: hours of light from a charge of oil (bug: litres taken as decilitres).
function burnHours(litres, mlPerHour) {
  return (litres * 100) / mlPerHour;
}

// The lens turns once per period; flashes per minute for a group of panels (bug: integer division of the wrong way).
function flashesPerMinute(periodS, panels) {
  return Math.floor(60 / periodS) * panels - 1;
}

// The keepers' watch rota: each keeper's watches expanded in turn (bug: drops the last keeper).
function rota(keepers) {
  return concatMap(keepers.slice(0, -1), (k) => Array(k.watches).fill(k.name));
}

// Wick trimming: millimetres left after n trims of 0.5 mm (bug: adds instead of subtracts).
function wickLeft(mm, trims) {
  return mm + trims * 0.5;
}

function prisms(depth, leaf) {
  let o = { wick_mm: leaf };
  for (let i = depth; i > 0; i--) o = { prism: i, lens: o };
  return o;
}

module.exports = { burnHours, flashesPerMinute, rota, wickLeft, prisms };
'''

LEDGER_TEST = r'''const { burnHours, flashesPerMinute, rota, wickLeft, prisms } = require("../ledger");

describe("prismhouse lampbook ledger", () => {
  test("a 5 litre paraffin charge at 40 ml an hour burns 125 hours", () => {
    expect(burnHours(5, 40)).toBe(125);
  });

  test.each([[30, 4, 8], [20, 2, 6], [15, 1, 4]])("period %i s with %i panels gives %i flashes", (p, n, f) => {
    expect(flashesPerMinute(p, n)).toBe(f);
  });

  test("the watch rota keeps every keeper", () => {
    expect(rota([{ name: "Esme", watches: 2 }, { name: "Ide", watches: 1 }, { name: "Olafur", watches: 1 }]))
      .toEqual(["Esme", "Esme", "Ide", "Olafur"]);
  });

  test("a 30 mm wick after 8 trims leaves 26 mm", () => {
    expect(wickLeft(30, 8)).toBeCloseTo(26);
  });

  test("an empty rota stays empty", () => {
    expect(rota([])).toEqual([]);
  });

  test("the prism survey matches the expected nesting", () => {
    expect(prisms(34, 22)).toEqual(prisms(34, 23));
  });

  test("the wickbox holds the spare chimneys", () => {
    expect({ wickbox: { wicks: 24, chimneys: 3 } }).toStrictEqual({ wickbox: { wicks: 24, chimneys: 3, mantles: 5 } });
  });
});
'''


def step_js(tmp: Path) -> None:
    d = tmp / "lampbook-jest"
    (d / "test").mkdir(parents=True)
    (d / "ledger.js").write_text(LEDGER_JS.replace("@@CONCATMAP@@", json.dumps(str(NM / "concat-map"))))
    (d / "test/ledger.test.js").write_text(LEDGER_TEST)
    (d / "package.json").write_text(json.dumps({"name": "lampbook-ledger", "version": "0.4.7", "private": True}))
    jest = f"{NM}/.bin/jest"
    cap("jest", f"{jest} --ci --rootDir .", d, n_jest, timeout=300)
    cap("jest-tty", f"{jest} --rootDir . --colors", d, n_jest, tty=True, timeout=300)
    cap("jest-chain-tail", f"cd {d} && {jest} --ci --rootDir . -t 'wick' 2>&1 | tail -n 60", d, n_jest, timeout=300)
    lint = tmp / "lint"
    (lint / "vendor").mkdir(parents=True)
    (lint / "ledger.js").write_text((d / "ledger.js").read_text() + "\nfunction unusedSnuff(w) { if (w == 0) {} return w }\n")
    (lint / "ledger.test.js").write_text(LEDGER_TEST)
    (lint / "vendor/prismlens.min.js").write_text(lr(w472.with_light(w434.minified)))
    (lint / "eslint.config.js").write_text(w472.ESLINT_CONFIG)
    eslint = f"{NM}/.bin/eslint"
    cap("eslint-tail", f"cd {lint} && {eslint} --color . 2>&1 | tail -n 70", lint, n_eslint, timeout=300)


w489.RUST_RENAMES = (
    ("yarnwinder", "prismwinder"),
    ("Yarn winding: bobbins, turns and the length on a winder.", "Prism winding: drums, turns and the clockweight on a lamp room's lens."),
    ("hawser_name", "lens_name"), ('"cable-laid"', '"catadioptric"'), ('"hawser"', '"drum-lens"'), ('"shroud"', '"dioptric"'),
    ('"cable"', '"prismlens"'), ("9 is cable-laid", "9 is a catadioptric"), ("Bobbin", "Prism"), ("winder_speed", "lens_speed"),
    ("spool", "wick_fill"), ("winding {", "turning {"),
)

GO_NAMES = ["First Order Lens", "Second Order Lens", "Upper Prism Ring", "Lower Prism Ring", "Drum Lens", "Vapour Burner",
            "Principal Keeper", "Assistant Keeper", "Wick Trimmer", "Paraffin Cistern", "Clockwork Drive", "Chimney Rack"]
GO_RENAMES = (
    ("kegtally", "prismtally"), ("casebook", "lenscrane"), ("ledger host", "lamp room host"),
    ("litres left, days", "paraffin left, nights"), ("nothing left to pour", "nothing left to burn"),
    ("pour order", "trim order"), ("pour grade", "glare grade"), ("Keg", "Lens"), ("keg", "lens"),
    ("Beer", "Keeper"), ("beer", "keeper"), ("Cellar", "Lensroom"), ("cellar", "lensroom"), ("Pints", "Flashes"), ("pints", "flashes"),
)
GO_STEP = make_steps(w472.go_cap, "prismtally", "lenscrane", SEED + 3, GO_NAMES, GO_RENAMES)[0]


def ensure_tools() -> None:
    cm.install_venv(VENV, "mypy", ["ruff", "mypy", "pytest"])
    cm.install_npm(JS, "jest", ["jest", "eslint", "concat-map"])


def steps():
    return [step_python, step_svc, w489.step_c, step_tables, step_pkg, step_js, w489.step_rust, GO_STEP]


if __name__ == "__main__":
    import capture_wide9b as w9b
    w9b.TMP = TMP
    w9b.clean_lines = w368.clean368
    cm.clean_lines = w368.clean368
    cm.capture_round(__doc__, ensure_tools, steps, "wide525-", OUT, TMP)
