#!/usr/bin/env python3
"""Round 587: second samples of round 580's formatter and fast-linter kinds on a maltings (`floormalt`, seeds
58710+: steeps, germination floors, kilns, maltsters) with other lint faults and formatting drift than round 580's:
biome lint / format / ci (github reporter) / lint --reporter=json, oxlint -f unix / json / github, prettier
--list-different, cargo fmt --check, gofmt -l, ruff format --diff / --check, markdownlint-cli2, sqlfluff lint
--format json / github-annotation-native. No new rules: NEEDLES.md's round 587 section, written before the capture;
every extractor is round 580's, imported from capture_wide580.

Usage:   .venv/bin/python scripts/corpus/capture_wide587.py
Writes:  scripts/corpus/data/wide587.json, ids prefixed "wide587-".
Tools:   npm @biomejs/biome, oxlint, prettier, markdownlint-cli2 in /dev/shm/hm-corpus-wide587/js; PyPI ruff and
         sqlfluff in /dev/shm/hm-corpus-wide587/venv (made once); the machine's cargo (rustfmt), gofmt and jq.
"""
from __future__ import annotations

import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide580 as w580  # noqa: E402  (round 580's extractors, registered under its kind names)

ROOT = Path("/dev/shm/hm-corpus-wide587")
TMP = Path("/dev/shm/hm-corpus-wide587-run")
JS = ROOT / "js"
VENV = ROOT / "venv"
OUT = HERE / "data" / "wide587.json"
SEED = 58710
S = cm.Sized(400, 120_000)

# ================================================================== material: a maltings

STEEPS = ["steep", "floor", "kiln", "screen", "cistern", "couch", "withering", "curing", "dresser", "hopper"]
BARLEY = ["maris_otter", "golden_promise", "plumage", "chevalier", "propino", "concerto", "laureate", "bere",
          "optic", "halcyon"]
MALTSTERS = ["maltster", "turner", "kilnman", "screenman", "foreman", "sackman", "steepman", "loader"]
WORDS = ["rake", "plough", "shovel", "sack", "bushel", "rootlet", "acrospire", "chit", "moisture", "colour"]


def ident(rng, parts):
    a = rng.choice(parts)
    a = "".join(p.title() for p in a.split("_"))
    return a + rng.choice(["Steep", "Floor", "Kiln", "Batch", "Lot", "Piece", "Bin"]) + str(rng.randint(1, 99))


def js_module(rng, i, broken=False, crlf=False):
    name = ident(rng, STEEPS + BARLEY)
    lines = []
    if rng.random() < 0.5:
        lines.append(f"import {{ moisture{rng.randint(1, 9)}, colour }} from './lab.js'")
    lines.append(f"export const KILN_{i} = {rng.randint(60, 110)}")
    lines.append(f"const LOTS_{i} = [{rng.randint(1, 9)}, , {rng.randint(10, 99)}]")
    for f in range(rng.randint(3, 7)):
        fn = f"{rng.choice(['steep', 'couch', 'turn', 'wither', 'cure', 'screen', 'bag', 'dress'])}{name}_{f}"
        body = []
        faults = rng.sample(["fordir", "constassign", "selfassign", "negzero", "nan", "typeof", "asyncexec",
                             "uselesscatch", "label", "bang", "curly", "fallthrough", "tabs", "chain", "arrow",
                             "trailing"], rng.randint(2, 5))
        if "fordir" in faults:
            body.append("  for (let turn = 0; turn < hours; turn--) { piece.turns += 1; }")
        if "constassign" in faults:
            body.append("  const moisture = piece.moisture;\n  moisture = moisture * 0.5;")
        if "selfassign" in faults:
            body.append("  piece.kiln = piece.kiln;")
        if "negzero" in faults:
            body.append("  if (piece.loss === -0) { return 0; }")
        if "nan" in faults:
            body.append("  if (piece.colour == NaN) { piece.colour = 3; }")
        if "typeof" in faults:
            body.append("  if (typeof piece.lot === \"strnig\") { piece.lot = Number(piece.lot); }")
        if "asyncexec" in faults:
            body.append("  const ready = new Promise(async (resolve) => { resolve(await piece.wait()); });")
        if "uselesscatch" in faults:
            body.append("  try { piece.rake(); } catch (err) { throw err; }")
        if "label" in faults:
            body.append("  floors: for (const f of piece.floors) { f.turn(); }")
        if "bang" in faults:
            body.append("  if (!!piece.chitted) { piece.stage = 'couch'; }")
        if "curly" in faults:
            body.append("  const tag = \"lot ${piece.lot} on the %s\";" % rng.choice(STEEPS))
        if "fallthrough" in faults:
            body.append("  switch (piece.stage) {\n    case 'steep': piece.hours += 8;\n"
                        "    case 'floor': piece.hours += 96; break;\n    default: break;\n  }")
        if "tabs" in faults:
            body.append("\tconst rakes = piece.rakes || [];\n\t\tpiece.rakes = rakes;")
        if "chain" in faults:
            body.append("  const sacks = piece.lots.filter(l => l.moisture < 5).map(l => l.weight).reduce((a, b) => a + b, 0).toFixed(2).toString();")
        if "arrow" in faults:
            body.append("  const hot = piece.temps.some(t=>t>%d);" % rng.randint(70, 100))
        if "trailing" in faults:
            body.append("  const sheet = {\n    lot: piece.lot,\n    variety: '%s',\n    maltster: '%s'\n  };"
                        % (rng.choice(BARLEY), rng.choice(MALTSTERS)))
        body.append(f"  return piece.weight * hours / KILN_{i}")
        lines.append(f"export function {fn}(piece, hours) {{\n" + "\n".join(body) + "\n}")
    if rng.random() < 0.5:
        lines.append(f"export class {name}Sheet {{\n  weigh() {{ return 1; }}\n  weigh() {{ return 2; }}\n}}")
    if broken:
        lines.append(f"export function broken{name}(piece) {{\n  const lot = piece.lot +;\n  return lot\n")
    text = "\n".join(lines) + "\n"
    return text.replace("\n", "\r\n") if crlf else text


def js_tree(root: Path, n: int, seed: int, broken: int = 0) -> None:
    rng = random.Random(seed)
    files = {"package.json": '{"name": "floormalt", "version": "0.3.0", "type": "module"}\n',
             "src/lab.js": "export const colour = 3\nexport function moisture1(p) { return p.moisture }\n"}
    for i in range(n):
        sub = rng.choice(["steeps", "floors", "kilns", "screens"])
        files[f"src/{sub}/{rng.choice(STEEPS + BARLEY)}_{i:03d}.js"] = js_module(
            rng, i, broken=i < broken, crlf=(i == n - 1 and n > 3))
    cm.write_tree(root, files)


def py_module(rng, i, broken=None):
    out = [f"import json ; import re\nKILN_{i} = {rng.randint(60, 110)};\n"]
    for f in range(rng.randint(2, 6)):
        name = f"{rng.choice(['steep', 'turn', 'kiln', 'screen'])}_{rng.choice(BARLEY)}_{f}"
        style = rng.randint(0, 3)
        if style == 0:
            out.append(f"def {name}(piece, hours, moisture_target={rng.randint(40, 46)}, kiln_temperature={rng.randint(60, 110)}, maltster=None, floor_depth={rng.randint(8, 20)}):\n"
                       f"    total = piece.weight + \\\n        hours * 2\n    return total\n")
        elif style == 1:
            out.append(f"def {name}(piece): return {{\"lot\": piece.lot, 'variety':\"{rng.choice(BARLEY)}\", "
                       f"'maltster' : '{rng.choice(MALTSTERS)}'}}\n")
        elif style == 2:
            out.append(f"class {name.title().replace('_', '')}Floor(object):\n\n\n\n    depth = {rng.randint(8, 20)};\n"
                       f"    def turn(self, hours): x = hours * 2; return x\n")
        else:
            out.append(f"def {name}(piece, hours):\n    if piece.moisture > 45: return 'steep'\n"
                       f"    return [l for l in piece.lots if l.colour<{rng.randint(2, 9)}]\n")
    if broken == "bracket":
        out.append("def broken(piece):\n    return [piece.lot,\n")
    elif broken == "print":
        out.append("def report(piece):\n    print \"lot\", piece.lot\n")
    return "\n".join(out)


def py_tree(root: Path, n: int, seed: int, clean: int = 0, broken: int = 1) -> None:
    rng = random.Random(seed)
    files = {}
    for i in range(n):
        sub = rng.choice(["steeps", "floors", "kilns"])
        body = py_module(rng, i, broken=(["bracket", "print"][i % 2] if i < broken else None))
        if i >= n - clean:
            body = f'"""A clean module {i}."""\n\nKILN = {i}\n'
        files[f"floormalt/{sub}/{rng.choice(STEEPS)}_{i:03d}.py"] = body
    cm.write_tree(root, files)


def rs_tree(root: Path, n: int, seed: int) -> None:
    rng = random.Random(seed)
    mods = [f"{rng.choice(STEEPS)}_{i:02d}" for i in range(n)]
    files = {"Cargo.toml": '[package]\nname = "floormalt"\nversion = "0.3.0"\nedition = "2021"\n\n[dependencies]\n',
             "src/lib.rs": "".join(f"pub mod {m};\n" for m in mods)}
    for m in mods:
        ty = "".join(p.title() for p in m.split("_"))
        parts = [f"use std::fmt::{{Display,Debug}};\nuse std::collections::{{HashMap ,BTreeMap}};\n",
                 f"#[derive(Debug)]\npub struct {ty} {{ pub lot:u32, pub variety : String, pub moisture:f32 }}\n",
                 f"impl {ty}{{\n    pub fn new(lot:u32)->Self{{ {ty}{{lot,variety:String::from(\"{rng.choice(BARLEY)}\"),moisture:{rng.randint(40, 46)}.0}} }}\n}}\n"]
        for f in range(rng.randint(2, 5)):
            parts.append(f"pub fn stage_{f}(hours:u32)->&'static str{{\n  match hours {{ 0..=48=>\"steep\", 49..={rng.randint(100, 150)} => \"floor\",\n"
                         f"  _=>{{\"kiln\"}} }}\n}}\n")
            parts.append(f"pub fn show_{f}<T>(x:T)->String where T:Display+Debug{{ format!(\"{{}} {rng.choice(MALTSTERS)} {{:?}}\",x,x) }}\n")
        parts.append("#[allow(dead_code)]\nfn maps() -> (HashMap<u8,u8>,BTreeMap<u8,u8>) { (HashMap::new(),BTreeMap::new()) }\n")
        files[f"src/{m}.rs"] = "\n".join(parts)
    cm.write_tree(root, files)


def go_tree(root: Path, n: int, seed: int, broken: int) -> None:
    rng = random.Random(seed)
    files = {"go.mod": "module example.com/floormalt\n\ngo 1.19\n"}
    for i in range(n):
        sub = rng.choice(["steeps", "floors", "kilns", "screens"])
        body = f"package {sub}\n\n"
        if rng.random() < 0.7:
            body += (f"type Piece{i} struct {{\n\tLot int\n\tVariety string\n\tMoistureTarget float64\n}}\n\n"
                     f"var Lots{i} = []Piece{i}{{ {{Lot: {rng.randint(1, 99)}, Variety: \"{rng.choice(BARLEY)}\"}},{{Lot:2}} }}\n")
        else:
            body += (f"type Piece{i} struct {{\n\tLot            int\n\tVariety        string\n}}\n\n"
                     f"func Stage{i}(hours int) string {{\n\tif hours < 48 {{\n\t\treturn \"steep\"\n\t}}\n\treturn \"kiln\"\n}}\n")
        if i < broken:
            body += f"\nfunc Kiln{i}(temp int) int {{\n\treturn temp +\n"
        files[f"internal/{sub}/{rng.choice(STEEPS)}_{rng.choice(BARLEY)}_{i:03d}.go"] = body
    cm.write_tree(root, files)


def md_doc(rng, i):
    t = [f"Notes for the {rng.choice(STEEPS)} floor, lot {i}\n", f"# {rng.choice(BARLEY).title()} malting sheet {i}\n"]
    t.append(f"## Steeping schedule:\nSteep {rng.randint(2, 3)} times to {rng.randint(42, 46)}% moisture.\n")
    t.append("1. first steep\n3. air rest\n2. second steep\n")
    t.append("```\nkiln --cure 85\n```\nThe kilnman reads the hygrometer.\n")
    if rng.random() < 0.6:
        t.append(f"![](images/{rng.choice(STEEPS)}_{i}.png)\n")
    t.append(f"Turn the piece with the *rake* and the _plough_, then __sack__ it and **weigh** it.\n")
    if rng.random() < 0.6:
        t.append(f"Lab sheet: https://maltings.example/lots/{i}\n")
    t.append(f"# {rng.choice(MALTSTERS).title()} duties!\n" + " ".join(rng.choice(WORDS + MALTSTERS) for _ in range(30)))
    return "\n".join(t)


def md_tree(root: Path, n: int, seed: int) -> None:
    rng = random.Random(seed)
    cm.write_tree(root, {f"docs/{rng.choice(MALTSTERS)}_{i:03d}.md": md_doc(rng, i) for i in range(n)})


def sql_model(rng, i):
    steep, barley = rng.choice(STEEPS), rng.choice(BARLEY)
    v = rng.randint(0, 3)
    if v == 0:
        return (f"SELECT l.lot, count(1) pieces, ifnull(k.temp, 0) kiln_temp\nFROM {barley}_lots l, kilns k\n"
                f"WHERE l.kiln_id = k.id AND l.stage != '{steep}'\nGROUP BY l.lot, k.temp\n")
    if v == 1:
        return (f"select lot, variety from {barley}_lots\nunion\nselect lot, variety from {steep}_lots\n")
    if v == 2:
        return (f"select lot, maltster, moisture from {steep}_pieces p join maltsters m on p.maltster_id = m.id "
                f"where moisture > {rng.randint(40, 46)} and variety = '{barley}' and colour < {rng.randint(2, 9)}\n")
    return (f"Select P.lot As lot_no, sum(P.weight) Total\nfrom {barley}_pieces P\nWhere P.colour<>{rng.randint(1, 9)}"
            f"\ngroup by P.lot\n")


def sql_tree(root: Path, n: int, seed: int) -> None:
    rng = random.Random(seed)
    files = {".sqlfluff": "[sqlfluff]\ndialect = ansi\n"}
    for i in range(n):
        files[f"models/{rng.choice(STEEPS)}_{rng.choice(BARLEY)}_{i:03d}.sql"] = sql_model(rng, i)
    cm.write_tree(root, files)


# ================================================================== steps

def ensure_tools():
    cm.install_npm(JS, "@biomejs/biome", ["@biomejs/biome", "oxlint", "prettier", "markdownlint-cli2"])
    cm.install_venv(VENV, "sqlfluff", ["ruff", "sqlfluff"])
    cm.PATH_PREFIX[:0] = [str(VENV / "bin"), str(JS / "node_modules" / ".bin")]


def js_step(tmp: Path):
    # (the github and json reporters print every diagnostic whatever --max-diagnostics says: the larger trees'
    # runs name fewer directories to stay under the size ceiling)
    for tag, n, seed, md, broken, jmd, gmd, oxj, gpath in (
            ("s", 3, SEED, 30, 0, 15, 30, "src", "src"),
            ("m", 10, SEED + 1, 50, 1, 20, 50, "src/steeps src/kilns", "src"),
            ("l", 25, SEED + 2, 80, 2, 16, 65, "src/steeps", "src/steeps src/kilns")):
        d = tmp / f"js-{tag}"
        js_tree(d, n, seed, broken=broken)
        S.cap(f"biome-lint-{tag}", f"biome lint --max-diagnostics={md} src", d, w580.n_biome_lint)
        S.cap(f"biome-format-{tag}", f"biome format --max-diagnostics={md // 5} src", d, w580.n_biome_format)
        S.cap(f"biome-github-{tag}", f"biome ci --reporter=github --max-diagnostics={gmd} {gpath}", d, w580.n_biome_github)
        S.cap(f"biome-json-{tag}", f"biome lint --reporter=json --max-diagnostics={jmd} {oxj} 2>/dev/null | jq .",
              d, w580.n_biome_json)
        S.cap(f"oxlint-unix-{tag}", "oxlint -f unix -W suspicious src", d, w580.n_oxlint_unix)
        S.cap(f"oxlint-json-{tag}", f"oxlint -f json {oxj} 2>/dev/null | jq .", d, w580.n_oxlint_json)
        S.cap(f"oxlint-github-{tag}", "oxlint -f github -W pedantic src", d, w580.n_oxlint_github)
        S.cap(f"prettier-ld-{tag}", "prettier --list-different .", d, w580.n_prettier_ld)
    d = tmp / "js-x"
    js_tree(d, 70, SEED + 3, broken=2)
    S.cap("prettier-ld-x", "prettier --list-different .", d, w580.n_prettier_ld)
    S.cap("oxlint-unix-x", "oxlint -f unix src/steeps src/kilns", d, w580.n_oxlint_unix)


def py_step(tmp: Path):
    for tag, n, seed, clean, broken in (("s", 10, SEED + 10, 3, 1), ("m", 35, SEED + 11, 6, 2),
                                        ("l", 90, SEED + 12, 20, 2)):
        d = tmp / f"py-{tag}"
        py_tree(d, n, seed, clean=clean, broken=broken)
        if tag != "l":
            S.cap(f"ruff-format-diff-{tag}", "ruff format --diff --no-cache .", d, w580.n_ruff_diff)
        S.cap(f"ruff-format-check-{tag}", "ruff format --check --no-cache .", d, w580.n_ruff_check)
    d = tmp / "py-c"
    py_tree(d, 140, SEED + 13, clean=30, broken=3)
    S.cap("ruff-format-check-concise", "ruff format --check --no-cache --output-format=concise .", d,
          w580.n_ruff_check)
    d = tmp / "py-d"
    py_tree(d, 60, SEED + 14, clean=5, broken=2)
    S.cap("ruff-format-diff-l", "ruff format --diff --no-cache floormalt/steeps floormalt/kilns", d, w580.n_ruff_diff)


def rs_step(tmp: Path):
    for tag, n, seed in (("s", 3, SEED + 20), ("m", 15, SEED + 21)):
        d = tmp / f"rs-{tag}"
        rs_tree(d, n, seed)
        S.cap(f"cargo-fmt-check-{tag}", "cargo fmt --check", d, w580.n_cargo_fmt)


def go_step(tmp: Path):
    for tag, n, seed, broken in (("s", 40, SEED + 30, 0), ("m", 80, SEED + 31, 1), ("l", 200, SEED + 32, 2)):
        d = tmp / f"go-{tag}"
        go_tree(d, n, seed, broken)
        S.cap(f"gofmt-l-{tag}", "gofmt -l .", d, w580.n_gofmt_l)


def md_step(tmp: Path):
    for tag, n, seed in (("s", 3, SEED + 40), ("m", 20, SEED + 41), ("l", 40, SEED + 42)):
        d = tmp / f"md-{tag}"
        md_tree(d, n, seed)
        S.cap(f"markdownlint-cli2-{tag}", 'markdownlint-cli2 "docs/**/*.md"', d, w580.n_mdl2)


def sql_step(tmp: Path):
    for tag, n, seed in (("s", 3, SEED + 50), ("t", 7, SEED + 52), ("m", 12, SEED + 51)):
        d = tmp / f"sql-{tag}"
        sql_tree(d, n, seed)
        if tag != "m":
            S.cap(f"sqlfluff-json-{tag}", "sqlfluff lint --format json --nofail models | jq .", d,
                  w580.n_sqlfluff_json, timeout=400)
        if tag == "t":
            continue
        S.cap(f"sqlfluff-github-{tag}", "sqlfluff lint --format github-annotation-native models", d,
              w580.n_sqlfluff_github, timeout=400)


if __name__ == "__main__":
    cm.capture_round(__doc__, ensure_tools, lambda: [js_step, py_step, rs_step, go_step, md_step, sql_step],
                     "wide587-", OUT, TMP, bands=(10_000, 40_000, 80_000))
