#!/usr/bin/env python3
"""Round 608: issue #11's kinds with hostile features on real packages no earlier round used (jschardet, spark-md5,
adler-32, ebcdic, crccheck, leb128), round 434's material renamed to a soap boilery: soap coppers, lye and
soapboilers (seed 60810) through round 566's module (the left sides of its rename tables), round 601's (its
constants replaced), round 555's (depth_fitting), round 489's steps and round 472's helpers (imported, given this
round's words), round 368's Rust crate, round 273's Go module and a jest suite in the same words; no new rules.

Needles are read on round 368's lossless clean-up (`capture_wide368.clean368`) by the extractors earlier
rounds used, imported. See NEEDLES.md, round 608.
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
import capture_wide536 as w536  # noqa: E402
import capture_wide555 as w555  # noqa: E402  (depth_fitting; its constants replaced below)
import capture_wide566 as w566  # noqa: E402  (the left sides of its rename tables)
import capture_wide583 as w583  # noqa: E402  (its constants replaced below)
import capture_wide601 as w601  # noqa: E402  (its constants replaced below)
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

ROOT = Path("/dev/shm/hm-corpus-wide608-tools")
TMP = Path("/dev/shm/hm-corpus-wide608")
OUT = Path(__file__).resolve().parent / "data" / "wide608.json"
VENV = ROOT / "venv"
JS = ROOT / "js"
NM = JS / "node_modules"
SEED = 60810
w368.VENV = VENV
cm.clean_lines = w368.clean368
cap = w368.cap

# A soap boilery for round 434's gasworks, paired in order with the old words of round 566's table.
SOAP_WORDS = (
    "curdtub", "pansill",
    "Jabez Sudbury", "jabez@lathershed", "lathershed",
    "soapcopper", "boil_coppers", "fill_copper",
    "ladle_copper", "grain_frames", "NigreError",
    "sudswatch_svc", "Soapframe", "soapframe",
    "ashleach", "Ashleach", "curdrake", "nigresieve",
    "sieve", "Copper", "copper", "soappan",
    "potash", "tallow_kg", "lye_take_l", "nigre_kg",
    "Boiling", "boiling", "stir", "SAPONIFY",
    "tallow", "nigre", "lather", "ladle",
    "60812",
)
OLD = [o for o, _ in w566.LOFT]
assert len(OLD) == len(SOAP_WORDS)
BOILERY = tuple(zip(OLD, SOAP_WORDS))
assert not [(o, n) for _, n in BOILERY for o in OLD if o in n], "a new word holds an old one"
w472.LIGHT = BOILERY
w472.SEED = SEED
w489.SEED = SEED  # step_rust: gen_rust draws SEED + 2 = 60812
for m in (w536, w555, w566, w583, w601):
    m.SEED = SEED
w583.HEARTH = BOILERY
w601.TARHOUSE = BOILERY
db = w472.light

BOILER_UTF16 = "".join(f"{h:02d}:20\tcopper {1 + h % 4} boil\tframes {20 + h % 9} filled\tlye {'sharp' if h % 6 == 0 else 'mild'}\r\n"
                       for h in range(200))
SOAPBOILERS = [("Hélène Savonnier", "soapboiler", 29), ("Jérôme Lessiveur", "soapboiler", 17), ("Zoë Potassière", "cutter", 6),
               ("Mårten Såpkokare", "soapboiler", 36), ("Günther Seifert", "soapboiler", 21), ("Françoise Tallois", "boy", 1),
               ("Aurélien Cendrier", "soapboiler", 13), ("Jürgen Laugenbach", "soapboiler", 40), ("Élodie Suifière", "soapboiler", 9),
               ("Øystein Såpeby", "stirrer", 4), ("Renée Marseillais", "soapboiler", 47), ("Agnès Lavandière", "soapboiler", 25)]
w583.COLLIERS = w601.TARRERS = SOAPBOILERS
w583.COLLIER_UTF16 = w601.TARRER_UTF16 = BOILER_UTF16


def step_python(tmp: Path) -> None:
    d = w472.LightPath(tmp / db("retortbed"))
    d.mkdir()
    w472.with_light(w434.history, d)
    d = Path(d)
    (d / db("purifier.min.js")).write_text(db(w472.with_light(w434.minified)))  # renamed once (a plain Path)
    (d / "data/boiler_utf16.log").write_bytes(BOILER_UTF16.encode("utf-16"))
    (d / "data/soapboilers.txt").write_bytes("".join(f"{n}\t{p}\t{y}\n" for n, p, y in SOAPBOILERS).encode("latin-1", "replace"))
    c = lambda i, cmd, ext, **k: cap(i, db(cmd), d, ext, **k)  # noqa: E731  commands written in 434's words
    c("pytest-v", "python -m pytest -v", n_pytest)
    c("pytest-long-recursion", "python -m pytest --tb=long tests/test_charge.py", n_pytest)
    c("pytest-tty", "python -m pytest -rA --tb=short tests", n_pytest, tty=True)
    c("pytest-chain-cat", "cat data/box3.dat; python -m pytest -q tests/test_holder.py tests/test_charge.py", n_pytest)
    c("ruff", "ruff check --no-cache .", n_ruff)
    c("ruff-tty", "ruff check --no-cache --output-format=full .", n_ruff, tty=True)
    c("mypy", "mypy --strict --no-incremental src purge_holder.py stoke_retorts.py", n_mypy)
    cap("mypy-chain", f"cd {d} && " + db("mypy --no-incremental --strict --pretty src tests 2>&1 | tail -n 45"), d, n_mypy)
    c("recursion-traceback", "python stoke_retorts.py 7", n_chained)
    c("chained-traceback-cat", "cat data/box3.dat && python purge_holder.py", n_chained)
    cap("grep-rna-utf16", "cat data/boiler_utf16.log data/soapboilers.txt; grep -rna 'curdtub\\|copper' src data " + db("purifier.min.js"), d, n_grep_rn)
    c("git-status", "git status", n_status)
    c("git-diff-text", "git diff --text", n_diff)
    c("git-log-p", "git log -p", n_log_p)
    c("git-show-text", "git show --text HEAD~1", n_show)
    cap("pytest-x-tail", f"cd {d} && " + db("python -m pytest -q -x 2>&1 | tail -n 35"), d, n_pytest)
    c("ruff-concise-head", "ruff check --no-cache --output-format=concise . | head -n 25", n_ruff)


def step_svc(tmp: Path) -> None:
    d = tmp / "svc"
    d.mkdir()
    svc = db(w434.SVC)
    for name, nb, big, na in (("sudswatch_a.py", 52, 760, 80), ("sudswatch_b.py", 47, 980, 105)):
        (d / name).write_text(svc.replace("N_BEFORE", str(nb)).replace("BIG", str(big)).replace("N_AFTER", str(na)))
    cap("json-log-a", "python sudswatch_a.py", d, n_json_log)
    cap("json-log-b-grep", "python sudswatch_b.py 2>&1 | grep -v '\"curdtub cycle\"' | tail -n 140", d, n_json_log)


def step_tables(tmp: Path) -> None:
    d = tmp / "tables"
    d.mkdir()
    cap("ps-aux", "ps aux", d, n_ps_aux)
    cm.run("dpkg-query -W -f='${Package},${Installed-Size},${Section},${Priority},${Version}\\r\\n' | sort -t, -k3,3 -k2,2nr > pkgs.csv", cwd=d)
    (d / "hdr.csv").write_bytes(b"package,installed_kb,section,priority,version\r\n")
    cap("csv-crlf-head", "cat hdr.csv pkgs.csv | head -n 700", d, n_csv)
    rnd = random.Random(SEED + 7)
    rows = ["soapboiler,post,frames,lye_l,soapery"]
    for i in range(520):
        n, p, _ = SOAPBOILERS[i % len(SOAPBOILERS)]
        rows.append(f"{n},{p},{rnd.randint(20, 760)},{rnd.randint(12, 340) / 10},{'Runcorn' if i % 263 else 'Warrington'}")
    (d / "soapboilers.csv").write_bytes(("\n".join(rows) + "\n").encode("latin-1"))
    cap("csv-latin1", "cat soapboilers.csv", d, n_csv)


def deep_pkg(depth: int) -> str:
    rnd = random.Random(SEED + 5)
    cfg: dict = {"tallow_kg": rnd.randint(2, 9)}
    for i in range(depth, 0, -1):
        cfg = {"boil": i, "lye_l": rnd.randint(12, 340) / 10, "frame": cfg}
    return json.dumps({"name": "sudsbook", "version": "0.5.1", "private": True,
                       "dependencies": {"jschardet": "*", "spark-md5": "*", "adler-32": "*"},
                       "devDependencies": {"jest": "*", "eslint": "*"}, "lathershed": {"coppers": cfg}})


w555.deep_pkg = w583.deep_pkg = w601.deep_pkg = deep_pkg  # round 555's depth_fitting measures this round's JSON
w555.DEPTH = 230


def step_pkg(tmp: Path) -> None:
    d = tmp / "sudsbook"
    d.mkdir()
    depth = w555.depth_fitting()
    cm.note(f"deep package.json: {depth} levels")
    (d / "package.json").write_text(deep_pkg(depth))
    cap("json-deep-tool", "python -m json.tool --indent 1 package.json", d, n_json_file)
    cap("npm-view-jschardet", "npm view jschardet --json", d, n_npm_view, timeout=120)
    cap("npm-view-spark-md5", "npm view spark-md5 --json", d, n_npm_view, timeout=120)
    cap("npm-view-adler-32", "npm view adler-32 --json", d, n_npm_view, timeout=120)
    n = tmp / "npmtty"
    n.mkdir()
    cm.run("npm init -y >/dev/null", cwd=n)
    cap("npm-install-tty", "env -u CI npm install --no-audit --no-fund --loglevel=http jschardet spark-md5 adler-32", n, n_npm_install, tty=True, timeout=300)
    cap("package-lock", "cat package-lock.json", n, n_lock)
    cap("grep-rn-jschardet", "grep -rn 'throw\\|confidence' node_modules/jschardet/build --include=*.js", n, n_grep_rn)
    cap("grep-rn-cat-adler-32", "cat node_modules/adler-32/package.json; grep -rn 'adler\\|function' node_modules/adler-32 node_modules/spark-md5 --include=*.js | head -n 45", n, n_grep_rn)
    p = tmp / "pipv"
    cm.run(f"python3 -m venv {p}", timeout=300)
    cap("pip-install-tty", f"env -u PIP_FIND_LINKS PIP_CONFIG_FILE=/dev/null {p}/bin/pip install --no-cache-dir --progress-bar on ebcdic crccheck leb128", tmp,
        n_pip_install, tty=True, timeout=400)


# A jest suite written here: a soap copper's boils, frames and lye arithmetic, with bugs put in (fixed before the run).
SOAP_JS = r'''const SparkMD5 = require(@@SPARK@@);
const ADLER32 = require(@@ADLER@@);

// Frames a copper fills in a boil: its soap over one frame's hold, rounded up (bug: rounded down).
function framesPerBoil(soapKg, frameKg) {
  return Math.floor(soapKg / frameKg);
}

// Bars cut from a frame: twelve to a slab (bug: ten to a slab).
function barsCut(slabs) {
  return slabs * 10;
}

// Lye left in a vat: what was leached less what the copper took (bug: the take added).
function lyeLeft(leachedL, takenL) {
  return Math.round((leachedL + takenL) * 100) / 100;
}

// A boil's tally hashed for the book (bug: the frames alone hashed, the copper left out).
function tallyHash(tally) {
  return SparkMD5.hash(String(tally.frames));
}

// A soapboiler's key in the book (bug: the name checksummed without the post).
function boilerKey(name, post) {
  return ADLER32.str(name);
}

// A soapboiler's name read from the latin-1 roll (bug: read as UTF-8).
function rollName(bytes) {
  return Buffer.from(bytes).toString("utf8");
}

function frames(depth, leaf) {
  let o = { tallow_kg: leaf };
  for (let i = depth; i > 0; i--) o = { boil: i, frame: o };
  return o;
}

module.exports = { framesPerBoil, barsCut, lyeLeft, tallyHash, boilerKey, rollName, frames };
'''

SOAP_TEST = r'''const { framesPerBoil, barsCut, lyeLeft, tallyHash, boilerKey, rollName, frames } = require("../copper");

describe("lathershed sudsbook", () => {
  test("a 950 kg copper at 42 kg a frame fills 23 frames a boil", () => {
    expect(framesPerBoil(950, 42)).toBe(23);
  });

  test.each([[3, 36], [1, 12], [0, 0]])("%i slabs cut %i bars", (s, n) => {
    expect(barsCut(s)).toBe(n);
  });

  test("420 litres leached less 135.5 taken leaves 284.5", () => {
    expect(lyeLeft(420, 135.5)).toBeCloseTo(284.5);
  });

  test("two boils in different coppers hash apart", () => {
    expect(tallyHash({ frames: 23, copper: 1 })).not.toBe(tallyHash({ frames: 23, copper: 2 }));
  });

  test("a soapboiler and a cutter of one name have different keys", () => {
    expect(boilerKey("Zoë Potassière", "soapboiler")).not.toBe(boilerKey("Zoë Potassière", "cutter"));
  });

  test("the soapboiler roll keeps a name as written", () => {
    expect(rollName(Buffer.from("Hélène Savonnier", "latin1"))).toBe("Hélène Savonnier");
  });

  test("the copper's frame survey matches the expected nesting", () => {
    expect(frames(31, 5)).toEqual(frames(31, 6));
  });

  test("the curdtub holds the spare paddles", () => {
    expect({ curdtub: { paddles: 3, skimmers: 2 } }).toStrictEqual({ curdtub: { paddles: 3, skimmers: 2, wires: 1 } });
  });
});
'''


def step_js(tmp: Path) -> None:
    d = tmp / "sudsbook-jest"
    (d / "test").mkdir(parents=True)
    (d / "copper.js").write_text(SOAP_JS.replace("@@SPARK@@", json.dumps(str(NM / "spark-md5")))
                                 .replace("@@ADLER@@", json.dumps(str(NM / "adler-32"))))
    (d / "test/copper.test.js").write_text(SOAP_TEST)
    (d / "package.json").write_text(json.dumps({"name": "sudsbook", "version": "0.5.1", "private": True}))
    jest = f"{NM}/.bin/jest"
    cap("jest", f"{jest} --ci --rootDir .", d, n_jest, timeout=300)
    cap("jest-tty", f"{jest} --rootDir . --colors", d, n_jest, tty=True, timeout=300)
    cap("jest-chain-tail", f"cd {d} && {jest} --ci --rootDir . -t 'roll|hash|frame|keys' 2>&1 | tail -n 200", d, n_jest, timeout=300)
    lint = tmp / "lint"
    (lint / "vendor").mkdir(parents=True)
    (lint / "copper.js").write_text((d / "copper.js").read_text() + "\nfunction unusedPaddle(s) { if (s == 0) {} return s }\n")
    (lint / "copper.test.js").write_text(SOAP_TEST)
    (lint / "vendor/curdrake.min.js").write_text(db(w472.with_light(w434.minified)))
    (lint / "eslint.config.js").write_text(w472.ESLINT_CONFIG)
    eslint = f"{NM}/.bin/eslint"
    cap("eslint-tail", f"cd {lint} && {eslint} --color . 2>&1 | tail -n 320", lint, n_eslint, timeout=300)


# Round 368's crate in a soap boilery's words, paired in order with the old words of round 566's table.
RUST_WORDS = (
    "barcutter", "Bar cutting: slabs, wires and the bars a frame of soap yields to the cutter.",
    "bar_name", '"mottled"', '"wire"', '"block"', '"slab"', "9 is a mottled", "Cake", "cutter_speed",
    "slab_fill", "cutting {",
)
assert len(w566.w489.RUST_RENAMES) == len(RUST_WORDS)
w489.RUST_RENAMES = tuple((o, n) for (o, _), n in zip(w566.w489.RUST_RENAMES, RUST_WORDS))

GO_NAMES = ["Castile Soap", "Marseille Soap", "Curd Soap", "Carbolic Bar", "Mottled Soap", "Windsor Brown",
            "Pale Primrose", "Sand Soap", "Soft Soap", "Shaving Stick", "Yellow Bar", "Toilet Tablet"]
GO_WORDS = ("soaptally", "lyebook", "boil host", "boils left, days", "nothing left to boil", "boil order",
            "soap grade", "Copper", "copper", "Soap", "soap", "Soapery", "soapery", "Boils", "boils")
assert len(w566.GO_RENAMES) == len(GO_WORDS)
GO_RENAMES = tuple((o, n) for (o, _), n in zip(w566.GO_RENAMES, GO_WORDS))
GO_STEP = make_steps(w472.go_cap, "soaptally", "lyebook", SEED + 3, GO_NAMES, GO_RENAMES)[0]


def ensure_tools() -> None:
    cm.install_venv(VENV, "mypy", ["ruff", "mypy", "pytest"])
    cm.install_npm(JS, "jest", ["jest", "eslint", "spark-md5", "adler-32"])


def steps():
    return [step_python, step_svc, w489.step_c, step_tables, step_pkg, step_js, w489.step_rust, GO_STEP]


if __name__ == "__main__":
    import capture_wide9b as w9b
    w9b.TMP = TMP
    w9b.clean_lines = w368.clean368
    cm.clean_lines = w368.clean368
    cm.capture_round(__doc__, ensure_tools, steps, "wide608-", OUT, TMP)
