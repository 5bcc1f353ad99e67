#!/usr/bin/env python3
"""Round 645: issue #11's kinds with hostile features on real packages no earlier round used (unique-names-generator,
string-template, human-id, randomname, humanhash3, names: small templating and random-name packages), round 434's
material renamed to an umbrella works: ribs, runners, covers and umbrella makers (seed 64510) through round 640's
module and through it rounds 633's, 626's and 619's (their constants, and those of the modules they set, replaced by
this round's), round 566's rename tables (left sides), round 555's depth_fitting, round 489's steps and round 472's
helpers, round 368's Rust crate, round 273's Go module and a jest suite in the same words; no new rules.

Needles are read on round 368's lossless clean-up (`capture_wide368.clean368`) by the extractors earlier
rounds used, imported. See NEEDLES.md, round 645.
"""
from __future__ import annotations

import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import capture_wide640 as w640  # noqa: E402  (its constants, and those of the modules it sets, replaced below)
import capture_wide633 as w633  # noqa: E402
from capture_wide633 import cm, w368, w434, w472, w489, w555, w566, w619, w626  # noqa: E402
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

ROOT = Path("/dev/shm/hm-corpus-wide645-tools")
TMP = Path("/dev/shm/hm-corpus-wide645")
OUT = Path(__file__).resolve().parent / "data" / "wide645.json"
VENV = ROOT / "venv"
JS = ROOT / "js"
NM = JS / "node_modules"
SEED = 64510
NPM_PKGS = ("unique-names-generator@4.7.1", "string-template@1.0.0", "human-id@4.2.2")
PIP_PKGS = ("randomname==0.2.1", "humanhash3==0.0.6", "names==0.3.0")
w368.VENV = VENV
cm.clean_lines = w368.clean368
cap = w368.cap

# An umbrella works for round 434's gasworks, paired in order with the old words of round 566's table.
WORKS_WORDS = (
    "canebin", "tipsill",
    "Tabitha Brolley", "tabitha@brollyworks", "brollyworks",
    "ribframe", "bend_ribs", "fit_runner",
    "stitch_cover", "furl_stock", "FurlError",
    "brollywatch_svc", "Ribnotch", "ribnotch",
    "parasolfan", "Parasolfan", "runnerpress", "silkrack",
    "waterproof", "Stretchbar", "stretchbar", "handlestock",
    "lacquer", "silk_m", "rib_make_n", "cane_kg",
    "Furling", "furling", "tension", "DAMPSPOT",
    "silk", "cane", "rib", "furl",
    "64512",
)
OLD = [o for o, _ in w566.LOFT]
assert len(OLD) == len(WORKS_WORDS)
WORKS = tuple(zip(OLD, WORKS_WORDS))
assert not [(o, n) for _, n in WORKS for o in OLD if o in n], "a new word holds an old one"
w472.LIGHT = WORKS
w472.SEED = SEED
w489.SEED = SEED  # step_rust: gen_rust draws SEED + 2 = 64512
for m in (w640, w633, w626, w619, w619.w536, w555, w566, w619.w583, w619.w601, w619.w608):
    m.SEED = SEED
w640.SHOP = w633.MILL = w626.WORKS = w619.MILL = w619.w583.HEARTH = w619.w601.TARHOUSE = w619.w608.BOILERY = WORKS
db = w472.light

FRAMING_UTF16 = "".join(f"{h:02d}:15\tframe {1 + h % 4} ribbed\tcovers {180 + h % 7 * 20} stitched\tcane {'new' if h % 5 == 0 else 'seasoned'}\r\n"
                        for h in range(200))
MAKERS = [("Héloïse Parapluie", "coverer", 31), ("Anaïs Ombrelle", "ribber", 14), ("Jürgen Schirmmacher", "framer", 8),
          ("Åke Paraplymakare", "coverer", 27), ("Thérèse Baleine", "tipper", 19), ("Françoise Canne", "girl", 2),
          ("Käthe Schirmer", "framer", 11), ("Raphaël Manchier", "turner", 38), ("Zoë Coulisse", "coverer", 6),
          ("Bjørn Paraplymager", "stitcher", 3), ("Mélanie Ressort", "framer", 44), ("Grégoire Poignée", "coverer", 22)]
w640.BEATERS = w633.PINMAKERS = w626.SMITHS = w619.MILLERS = w619.w583.COLLIERS = w619.w601.TARRERS = w619.w608.SOAPBOILERS = MAKERS
(w640.BEATING_UTF16, w633.POINTING_UTF16, w626.TEMPER_UTF16, w619.EDGESTONE_UTF16, w619.w583.COLLIER_UTF16,
 w619.w601.TARRER_UTF16, w619.w608.BOILER_UTF16) = (FRAMING_UTF16,) * 7


def step_python(tmp: Path) -> None:
    d = w472.LightPath(tmp / db("retortbed"))
    d.mkdir()
    w472.with_light(w434.history, d)
    d = Path(d)
    (d / db("purifier.min.js")).write_text(db(w472.with_light(w434.minified)))  # renamed once (a plain Path)
    (d / "data/framing_utf16.log").write_bytes(FRAMING_UTF16.encode("utf-16"))
    (d / "data/brollymakers.txt").write_bytes("".join(f"{n}\t{p}\t{y}\n" for n, p, y in MAKERS).encode("latin-1", "replace"))
    c = lambda i, cmd, ext, **k: cap(i, db(cmd), d, ext, **k)  # noqa: E731  commands written in 434's words
    c("pytest-v", "python -m pytest -v", n_pytest)
    c("pytest-long-recursion", "python -m pytest --tb=long tests/test_charge.py", n_pytest)
    c("pytest-tty", "python -m pytest -rA --tb=short tests", n_pytest, tty=True)
    c("pytest-chain-cat", "cat data/box3.dat; python -m pytest -q tests/test_holder.py tests/test_charge.py", n_pytest)
    c("ruff", "ruff check --no-cache .", n_ruff)
    c("ruff-tty", "ruff check --no-cache --output-format=full .", n_ruff, tty=True)
    c("mypy", "mypy --strict --no-incremental src purge_holder.py stoke_retorts.py", n_mypy)
    cap("mypy-chain", f"cd {d} && " + db("mypy --no-incremental --strict --pretty src tests 2>&1 | tail -n 60"), d, n_mypy)
    c("recursion-traceback", "python stoke_retorts.py 7", n_chained)
    c("chained-traceback-cat", "cat data/box3.dat && python purge_holder.py", n_chained)
    cap("grep-rna-utf16", "cat data/framing_utf16.log data/brollymakers.txt; grep -rna 'canebin\\|ribnotch' src data " + db("purifier.min.js"), d, n_grep_rn)
    c("git-status", "git status", n_status)
    c("git-diff-text", "git diff --text", n_diff)
    c("git-log-p", "git log -p", n_log_p)
    c("git-show-text", "git show --text HEAD~1", n_show)
    cap("pytest-x-tail", f"cd {d} && " + db("python -m pytest -q -x 2>&1 | tail -n 40"), d, n_pytest)
    c("ruff-concise-head", "ruff check --no-cache --output-format=concise . | head -n 30", n_ruff)


def step_svc(tmp: Path) -> None:
    d = tmp / "svc"
    d.mkdir()
    svc = db(w434.SVC)
    for name, nb, big, na in (("brollywatch_a.py", 50, 820, 80), ("brollywatch_b.py", 45, 940, 110)):
        (d / name).write_text(svc.replace("N_BEFORE", str(nb)).replace("BIG", str(big)).replace("N_AFTER", str(na)))
    cap("json-log-a", "python brollywatch_a.py", d, n_json_log)
    cap("json-log-b-grep", "python brollywatch_b.py 2>&1 | grep -v '\"canebin cycle\"' | tail -n 150", d, n_json_log)


def step_tables(tmp: Path) -> None:
    d = tmp / "tables"
    d.mkdir()
    cap("ps-aux", "ps aux", d, n_ps_aux)
    cm.run("dpkg-query -W -f='${Package},${Installed-Size},${Section},${Priority},${Version}\\r\\n' | sort -t, -k3,3 -k2,2nr > pkgs.csv", cwd=d)
    (d / "hdr.csv").write_bytes(b"package,installed_kb,section,priority,version\r\n")
    cap("csv-crlf-head", "cat hdr.csv pkgs.csv | head -n 380", d, n_csv)
    rnd = random.Random(SEED + 7)
    rows = ["umbrella_maker,post,covers,silk_m,shop"]
    for i in range(480):
        n, p, _ = MAKERS[i % len(MAKERS)]
        rows.append(f"{n},{p},{rnd.randint(4, 300)},{rnd.randint(10, 480) / 10},{'Jermyn Street' if i % 211 else 'Burlington Arcade'}")
    (d / "brollymakers.csv").write_bytes(("\n".join(rows) + "\n").encode("latin-1"))
    cap("csv-latin1", "cat brollymakers.csv", d, n_csv)


def deep_pkg(depth: int) -> str:
    rnd = random.Random(SEED + 5)
    cfg: dict = {"silk_m": rnd.randint(2, 9)}
    for i in range(depth, 0, -1):
        cfg = {"rib": i, "cane_mm": rnd.randint(1, 99) / 10, "cover": cfg}
    return json.dumps({"name": "ribbook", "version": "0.6.1", "private": True,
                       "dependencies": {"unique-names-generator": "4.7.1", "string-template": "1.0.0", "human-id": "4.2.2"},
                       "devDependencies": {"jest": "*", "eslint": "*"}, "brollyworks": {"frames": cfg}})


w640.deep_pkg = w555.deep_pkg = w633.deep_pkg = w626.deep_pkg = w619.deep_pkg = w619.w583.deep_pkg = w619.w601.deep_pkg = w619.w608.deep_pkg = deep_pkg
w555.DEPTH = 230


def step_pkg(tmp: Path) -> None:
    d = tmp / "ribbook"
    d.mkdir()
    depth = w555.depth_fitting()
    cm.note(f"deep package.json: {depth} levels")
    (d / "package.json").write_text(deep_pkg(depth))
    cap("json-deep-tool", "python -m json.tool --indent 1 package.json", d, n_json_file)
    for pkg in ("unique-names-generator", "string-template", "human-id"):
        cap(f"npm-view-{pkg}", f"npm view {pkg} --json", d, n_npm_view, timeout=120)
    n = tmp / "npmtty"
    n.mkdir()
    cm.run("npm init -y >/dev/null", cwd=n)
    cap("npm-install-tty", "env -u CI npm install --no-audit --no-fund --loglevel=http " + " ".join(NPM_PKGS), n, n_npm_install, tty=True, timeout=300)
    cap("package-lock", "cat package-lock.json", n, n_lock)
    cap("grep-rn-names", "grep -rn 'function\\|return\\|throw' node_modules/unique-names-generator/dist node_modules/string-template --include=*.js | head -n 400", n, n_grep_rn)
    cap("grep-rn-cat-humanid", "cat node_modules/human-id/package.json; grep -rn 'export\\|return' node_modules/human-id --include=*.js --include=*.json | head -n 200", n, n_grep_rn)
    p = tmp / "pipv"
    cm.run(f"python3 -m venv {p}", timeout=300)
    cap("pip-install-tty", f"env -u PIP_FIND_LINKS PIP_CONFIG_FILE=/dev/null {p}/bin/pip install --no-cache-dir --progress-bar on " + " ".join(PIP_PKGS), tmp,
        n_pip_install, tty=True, timeout=400)


# A jest suite written here: an umbrella works' ribs, covers and silk, with bugs put in (fixed before the run).
WORKS_JS = r'''const { uniqueNamesGenerator, adjectives, animals } = require(@@UNG@@);
const format = require(@@TPL@@);

// Ribs cut from a cane: its length over one rib's length, rounded down (bug: rounded up).
function ribsPerCane(caneMm, ribMm) {
  return Math.ceil(caneMm / ribMm);
}

// Ribs for a batch of umbrellas: eight ribs to a frame (bug: seven).
function ribsForFrames(frames) {
  return frames * 7;
}

// Silk left on the roll: what was bought less what the covers took (bug: the take added).
function silkLeft(boughtM, takenM) {
  return Math.round((boughtM + takenM) * 100) / 100;
}

// The ticket tied to a finished umbrella (bug: the template's arguments swapped).
function ticket(model, ribs) {
  return format("{0} / {1} ribs", [ribs, model]);
}

// A maker's workbench alias, drawn from a fixed seed (bug: joined by a dash, not an underscore).
function benchAlias(seed) {
  return uniqueNamesGenerator({ dictionaries: [adjectives, animals], separator: "-", seed });
}

// An umbrella maker's name read from the latin-1 roll (bug: read as UTF-8).
function rollName(bytes) {
  return Buffer.from(bytes).toString("utf8");
}

function frames(depth, silk) {
  let o = { silk_m: silk };
  for (let i = depth; i > 0; i--) o = { rib: i, cover: o };
  return o;
}

module.exports = { ribsPerCane, ribsForFrames, silkLeft, ticket, benchAlias, rollName, frames };
'''

WORKS_TEST = r'''const { ribsPerCane, ribsForFrames, silkLeft, ticket, benchAlias, rollName, frames } = require("../parasolfan");

describe("brollyworks ribbook", () => {
  test("a 9,000 mm cane at 620 mm a rib yields 14 ribs", () => {
    expect(ribsPerCane(9000, 620)).toBe(14);
  });

  test.each([[3, 24], [1, 8], [0, 0]])("%i frames take %i ribs", (f, n) => {
    expect(ribsForFrames(f)).toBe(n);
  });

  test("212 m bought less 37.4 taken leaves 174.6", () => {
    expect(silkLeft(212, 37.4)).toBeCloseTo(174.6);
  });

  test("the Tartan Cane's ticket names it first", () => {
    expect(ticket("Tartan Cane", 8)).toBe("Tartan Cane / 8 ribs");
  });

  test("a bench alias is two words joined by an underscore", () => {
    expect(benchAlias(64511)).toMatch(/^[a-z]+_[a-z]+$/);
  });

  test("the umbrella makers' roll keeps a name as written", () => {
    expect(rollName(Buffer.from("Héloïse Parapluie", "latin1"))).toBe("Héloïse Parapluie");
  });

  test("the works' frame survey matches the expected nesting", () => {
    expect(frames(29, 4)).toEqual(frames(29, 6));
  });

  test("the canebin holds the spare runners", () => {
    expect({ canebin: { runners: 4, tips: 8 } }).toStrictEqual({ canebin: { runners: 4, tips: 8, ferrules: 2 } });
  });
});
'''


def step_js(tmp: Path) -> None:
    d = tmp / "ribbook-jest"
    (d / "test").mkdir(parents=True)
    (d / "parasolfan.js").write_text(WORKS_JS.replace("@@UNG@@", json.dumps(str(NM / "unique-names-generator")))
                                     .replace("@@TPL@@", json.dumps(str(NM / "string-template"))))
    (d / "test/parasolfan.test.js").write_text(WORKS_TEST)
    (d / "package.json").write_text(json.dumps({"name": "ribbook", "version": "0.6.1", "private": True}))
    jest = f"{NM}/.bin/jest"
    cap("jest", f"{jest} --ci --rootDir .", d, n_jest, timeout=300)
    cap("jest-tty", f"{jest} --rootDir . --colors", d, n_jest, tty=True, timeout=300)
    cap("jest-chain-tail", f"cd {d} && {jest} --ci --rootDir . -t 'roll|ticket|survey|cane' 2>&1 | tail -n 200", d, n_jest, timeout=300)
    lint = tmp / "lint"
    (lint / "vendor").mkdir(parents=True)
    (lint / "parasolfan.js").write_text((d / "parasolfan.js").read_text() + "\nfunction unusedTension(s) { if (s == 0) {} return s }\n")
    (lint / "parasolfan.test.js").write_text(WORKS_TEST)
    (lint / "vendor/runnerpress.min.js").write_text(db(w472.with_light(w434.minified)))
    (lint / "eslint.config.js").write_text(w472.ESLINT_CONFIG)
    eslint = f"{NM}/.bin/eslint"
    cap("eslint-tail", f"cd {lint} && {eslint} --color . 2>&1 | tail -n 300", lint, n_eslint, timeout=300)


# Round 368's crate in an umbrella works' words, paired in order with the old words of round 566's table.
RUST_WORDS = (
    "brollyframer", "Umbrella framing: ribs, stretchers and the cover a frame of ribs holds open.",
    "rib_name", '"cane"', '"steel"', '"whalebone"', '"fluted"', "9 is a cane", "Runnerpack", "framer_speed",
    "rib_fit", "framing {",
)
assert len(w489.RUST_RENAMES) == len(RUST_WORDS)
w489.RUST_RENAMES = tuple((o, n) for (o, _), n in zip(w489.RUST_RENAMES, RUST_WORDS))

GO_NAMES = ["Black Silk", "Tartan Cane", "Navy Stick", "Bamboo Crook", "Malacca Stick", "Ivory Crook",
            "Walking Length", "Sunshade Ecru", "Carriage Parasol", "Pagoda Parasol", "Folding Twill", "Storm Cotton"]
GO_WORDS = ("ribtally", "brollyledger", "framing host", "ribs left, days", "nothing left to frame", "framing order",
            "rib grade", "Frame", "frame", "Cover", "cover", "Stock", "stock", "Ribs", "ribs")
assert len(w566.GO_RENAMES) == len(GO_WORDS)
GO_RENAMES = tuple((o, n) for (o, _), n in zip(w566.GO_RENAMES, GO_WORDS))
GO_STEP = make_steps(w472.go_cap, "ribtally", "brollyledger", SEED + 3, GO_NAMES, GO_RENAMES)[0]


def ensure_tools() -> None:
    cm.install_venv(VENV, "mypy", ["ruff==0.17.6", "mypy==2.4.1", "pytest==9.2.0"])
    cm.install_npm(JS, "jest", ["jest@30.5.2", "eslint@10.16.0", "unique-names-generator@4.7.1", "string-template@1.0.0"])


def steps():
    return [step_python, step_svc, w489.step_c, step_tables, step_pkg, step_js, w489.step_rust, GO_STEP]


if __name__ == "__main__":
    import capture_wide9b as w9b
    w9b.TMP = TMP
    w9b.clean_lines = w368.clean368
    cm.clean_lines = w368.clean368
    cm.capture_round(__doc__, ensure_tools, steps, "wide645-", OUT, TMP)
