#!/usr/bin/env python3
"""Round 489: issue #11's kinds with hostile features on real a-g packages (arrify, emoji-regex, flatted,
asciitree), round 434's material renamed to a fog-signal station's words (seed 48910) through round 472's
renaming helpers, round 368's Rust crate and round 273's Go module in the same words; no new rules.

Needles are read on round 368's lossless clean-up (`capture_wide368.clean368`) by the extractors earlier
rounds used, imported. See NEEDLES.md, round 489.
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
import capture_wide472 as w472  # noqa: E402  (with_light, LightPath, light, go_cap: given this round's words)
from capture_wide273_go import make_steps, renamed  # noqa: E402
from capture_wide import n_chained  # noqa: E402
from capture_wide15_data import (n_json_file, n_lock, n_ls_lR, n_npm_install, n_npm_view,  # noqa: E402
                                 n_pip_install)
from capture_wide15_diag import n_mypy, n_pytest, n_ruff  # noqa: E402
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_gcc, n_make  # noqa: E402
from capture_wide15_oc import n_diff, n_log_p, n_show, n_status  # noqa: E402
from capture_wide2 import n_json_log  # noqa: E402
from capture_wide6_fresh import n_csv, n_ps_aux  # noqa: E402
from capture_wide9b_reads import n_grep_rn  # noqa: E402

ROOT = Path("/dev/shm/hm-corpus-wide489-tools")
TMP = Path("/dev/shm/hm-corpus-wide489")
OUT = Path(__file__).resolve().parent / "data" / "wide489.json"
VENV = ROOT / "venv"
SEED = 48910
w368.VENV = VENV
cm.clean_lines = w368.clean368
cap = w368.cap

# A fog-signal station's words for round 434's gasworks ("box" first, so that "tyfonbox" stays whole).
FOG = (
    ("box", "reed"),
    ("Una Stoker", "Ida Hornby"), ("una@gasworks", "ida@fogstation"), ("gasworks", "fogstation"),
    ("retortbed", "sirenhouse"), ("stoke_retorts", "wind_sirens"), ("charge_retort", "sound_siren"),
    ("draw_retort", "stop_siren"), ("purge_holder", "bleed_airtank"), ("PurgeError", "BleedError"),
    ("gasholder_svc", "blastwatch_svc"), ("Gasholder", "AirTank"), ("gasholder", "airtank"),
    ("purifier", "reedhorn"), ("Purifier", "Reedhorn"), ("exhauster", "tyfon"), ("scrubber", "tyfonbox"),
    ("scrub", "tune"), ("Retort", "Siren"), ("retort", "siren"), ("holder", "tank"),
    ("oxide", "grease"), ("coal_kg", "air_bar"), ("gas_make_m3", "blast_s"), ("coke_kg", "reed_mm"),
    ("Charge", "Blast"), ("charge", "blast"), ("stoke", "wind"), ("H2S", "FOG"),
    ("coal", "diesel"), ("coke", "soot"), ("gas", "air"), ("lift", "valve"), ("bench", "bay"),
    ("43412", "48912"),
)
w472.LIGHT = FOG
w472.SEED = SEED
fog = w472.light  # round 472's renamer, now with this round's table

BLAST_UTF16 = "".join(f"{h:02d}:00\tsiren {1 + h % 3} sounded\tair {6 + h % 4} bar\tcompressor {'running' if h % 4 == 0 else 'idle'}\r\n"
                      for h in range(24))
KEEPERS = [("Bjørn Sæther", "siren house", 41), ("Hélène Crémieux", "compressor", 12), ("Seán Ó Dálaigh", "tyfon", 7),
           ("Günter Köhler", "siren house", 30), ("Anaïs Gérard", "siren house", 22), ("Iñigo Núñez", "siren house", 19),
           ("Chloë Brückner", "diaphone reed", 3), ("Mathéo Bézier", "siren house", 55), ("Ståle Ødegård", "siren house", 28),
           ("João Simões", "siren house", 16), ("Loïc Guégan", "compressor", 9), ("Åke Lindén", "siren house", 34)]


def step_python(tmp: Path) -> None:
    d = w472.LightPath(tmp / fog("retortbed"))
    d.mkdir()
    w472.with_light(w434.history, d)
    (d / "purifier.min.js").write_text(fog(w472.with_light(w434.minified)))
    d = Path(d)
    (d / "data/blast_utf16.log").write_bytes(BLAST_UTF16.encode("utf-16"))
    (d / "data/keepers.txt").write_bytes("".join(f"{n}\t{p}\t{y}\n" for n, p, y in KEEPERS).encode("latin-1", "replace"))
    c = lambda i, cmd, ext, **k: cap(i, fog(cmd), d, ext, **k)  # noqa: E731  commands written in 434's words
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
    cap("grep-rna-utf16", "cat data/blast_utf16.log data/keepers.txt; grep -rna 'reed' src data purifier.min.js", d, n_grep_rn)
    c("git-status", "git status", n_status)
    c("git-diff-text", "git diff --text", n_diff)
    c("git-log-p", "git log -p", n_log_p)
    c("git-show-text", "git show --text HEAD~2", n_show)
    c("pytest-x-tail", f"cd {d} && python -m pytest -q -x 2>&1 | tail -n 30", n_pytest)
    c("ruff-concise-head", "ruff check --no-cache --output-format=concise . | head -n 20", n_ruff)


def step_svc(tmp: Path) -> None:
    d = tmp / "svc"
    d.mkdir()
    svc = fog(w434.SVC)
    for name, nb, big, na in (("blastwatch_a.py", 90, 380, 60), ("blastwatch_b.py", 60, 600, 110)):
        (d / name).write_text(svc.replace("N_BEFORE", str(nb)).replace("BIG", str(big)).replace("N_AFTER", str(na)))
    cap("json-log-a", "python blastwatch_a.py", d, n_json_log)
    cap("json-log-b-grep", "python blastwatch_b.py 2>&1 | grep -v '\"reed cycle\"' | tail -n 140", d, n_json_log)


def step_c(tmp: Path) -> None:
    d = w472.LightPath(tmp / fog("scrubber"))
    w472.with_light(w434.gen_c, d)
    d = Path(d)
    cap("make-k", "make -k", d, n_make)
    cap("make-tty", "make -k -B", d, n_make, tty=True)
    cap("gcc-tty-urls", fog("gcc -Wall -Wextra -fdiagnostics-urls=always -c exhauster_03.c exhauster_10.c"), d, n_gcc, tty=True)
    cap("ls-lR-links", fog("ls -lR --hyperlink=always --color=always retortbed scrubber"), tmp, n_ls_lR)


def step_tables(tmp: Path) -> None:
    d = tmp / "tables"
    d.mkdir()
    cap("ps-aux", "ps aux", d, n_ps_aux)
    cm.run("dpkg-query -W -f='${Package},${Installed-Size},${Section},${Priority},${Version}\\r\\n' | sort -t, -k2 -nr > pkgs.csv", cwd=d)
    (d / "hdr.csv").write_bytes(b"package,installed_kb,section,priority,version\r\n")
    cap("csv-crlf-head", "cat hdr.csv pkgs.csv | head -n 110", d, n_csv)
    rnd = random.Random(SEED + 7)
    rows = ["keeper,post,blasts,air_bar,station"]
    for i in range(64):
        n, p, _ = KEEPERS[i % len(KEEPERS)]
        rows.append(f"{n},{p},{rnd.randint(4, 900)},{rnd.randint(30, 90) / 10},{'Bass Point' if i % 23 else 'Girdle Ness'}")
    (d / "keepers.csv").write_bytes(("\n".join(rows) + "\n").encode("latin-1"))
    cap("csv-latin1", "cat keepers.csv", d, n_csv)


def deep_pkg(depth: int) -> str:
    rnd = random.Random(SEED + 5)
    cfg: dict = {"reed_mm": rnd.randint(30, 45)}
    for i in range(depth, 0, -1):
        cfg = {"stage": i, "air_bar": rnd.randint(100, 999), "siren": cfg}
    return json.dumps({"name": "fog-signal-blast-book", "version": "0.2.9", "private": True,
                       "dependencies": {"arrify": "*", "flatted": "*", "emoji-regex": "*"}, "fogstation": {"sirens": cfg}})


def step_pkg(tmp: Path) -> None:
    d = tmp / "blastbook"
    d.mkdir()
    (d / "package.json").write_text(deep_pkg(210))
    cap("json-deep-tool", "python -m json.tool --indent 1 package.json", d, n_json_file)
    cap("npm-view-arrify", "npm view arrify --json", d, n_npm_view, timeout=120)
    cap("npm-view-emoji-regex", "npm view emoji-regex --json", d, n_npm_view, timeout=120)
    cap("npm-view-flatted", "npm view flatted --json", d, n_npm_view, timeout=120)
    n = tmp / "npmtty"
    n.mkdir()
    cm.run("npm init -y >/dev/null", cwd=n)
    cap("npm-install-tty", "env -u CI npm install --no-audit --no-fund --loglevel=http arrify flatted emoji-regex", n, n_npm_install, tty=True, timeout=300)
    cap("package-lock", "cat package-lock.json", n, n_lock)
    cap("grep-rn-emoji-regex-line", "grep -rn 'return' node_modules/emoji-regex/index.js", n, n_grep_rn)
    cap("grep-rn-cat-flatted", "cat node_modules/flatted/package.json; grep -rn 'stringify' node_modules/flatted --include=*.js | head -n 40", n, n_grep_rn)
    p = tmp / "pipv"
    cm.run(f"python3 -m venv {p}", timeout=300)
    cap("pip-install-tty", f"env -u PIP_FIND_LINKS PIP_CONFIG_FILE=/dev/null {p}/bin/pip install --no-cache-dir --progress-bar on asciitree brotli", tmp,
        n_pip_install, tty=True, timeout=300)


RUST_RENAMES = (
    ("yarnwinder", "reedwinder"),
    ("Yarn winding: bobbins, turns and the length on a winder.", "Reed winding: coils, turns and the reed on a siren's drum."),
    ("hawser_name", "siren_name"), ('"cable-laid"', '"diaphone"'), ('"hawser"', '"tyfon"'), ('"shroud"', '"nautophone"'),
    ('"cable"', '"reedhorn"'), ("9 is cable-laid", "9 is a diaphone"), ("Bobbin", "Coil"), ("winder_speed", "siren_speed"),
    ("spool", "coil_fill"), ("winding {", "reed {"),
)


def step_rust(tmp: Path) -> None:
    d = tmp / "reedwinder"
    w368.SEED = SEED  # gen_rust draws SEED + 2: 48912
    w368.gen_rust(d)
    for f in (d / "Cargo.toml", d / "src" / "lib.rs"):
        f.write_text(renamed(f.read_text(), RUST_RENAMES))
    env = "env CARGO_TARGET_DIR=" + str(tmp / "cargo-target")
    cap("cargo-build", f"{env} cargo build --offline", d, n_cargo_build)
    lib = d / "src" / "lib.rs"
    broken = renamed(w368.BROKEN, RUST_RENAMES)
    t = lib.read_text()
    assert broken in t
    lib.write_text(t.replace(broken, "\n"))
    cap("cargo-test-tty", f"{env} cargo test --offline -- --test-threads=1", d, n_cargo_test, tty=True)


GO_NAMES = ["Bass Siren", "Twin Tyfon", "Diaphone Reed", "Nautophone", "Reed Horn", "Air Siren",
            "Chime Horn", "Compressor Two", "Receiver Tank", "Blast Valve", "Trumpet Horn", "Gun Signal"]
GO_RENAMES = (
    ("kegtally", "blasttally"), ("casebook", "hornroom"), ("ledger host", "siren host"),
    ("litres left, days", "air left, hours"), ("nothing left to pour", "nothing left to blow"),
    ("pour order", "blast order"), ("pour grade", "tone grade"), ("Keg", "Siren"), ("keg", "siren"),
    ("Beer", "Fog"), ("beer", "fog"), ("Cellar", "Engine"), ("cellar", "engine"), ("Pints", "Blasts"), ("pints", "blasts"),
)
GO_STEP = make_steps(w472.go_cap, "blasttally", "hornroom", SEED + 3, GO_NAMES, GO_RENAMES)[0]


def ensure_tools() -> None:
    cm.install_venv(VENV, "mypy", ["ruff", "mypy", "pytest"])


def steps():
    return [step_python, step_svc, step_c, step_tables, step_pkg, step_rust, GO_STEP]


if __name__ == "__main__":
    import capture_wide9b as w9b
    w9b.TMP = TMP
    w9b.clean_lines = w368.clean368
    cm.clean_lines = w368.clean368
    cm.capture_round(__doc__, ensure_tools, steps, "wide489-", OUT, TMP)
