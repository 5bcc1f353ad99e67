#!/usr/bin/env python3
"""Corpus round 775: configuration and schema validators and formatters' check modes in formats the corpus lacks
(ajv-cli's text and js errors, v8r text and JSON, eclint check, pre-commit-hooks' check-json / check-xml /
pretty-format-json, commitlint over a git history) beside kinds it has (check-jsonschema text and JSON, taplo check
and fmt --check, check-toml, check-yaml, dotenv-linter), on a glassworks' generated repository with faults put in.

Tools: from npm ajv-cli 5.0.0 (ajv 8.20.0), v8r 5.1.0, eclint 2.8.1, @taplo/cli 0.7.0, @commitlint/cli 20.5.3 with
@commitlint/config-conventional 20.5.3; from PyPI check-jsonschema, pre-commit-hooks, dotenv-linter (versions in
NEEDLES.md's notes). Node v20, Python 3.11.

Usage: .venv/bin/python scripts/corpus/capture_wide775.py [--out PATH]
Needle rules: NEEDLES.md's "Round 775" section. Never runs the compressor.
Writes: scripts/corpus/data/wide775.json, ids prefixed "wide775-"
"""
from __future__ import annotations

import json
import os
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import capture_more as cm  # noqa: E402
from capture_more import groups, kind  # noqa: E402
from capture_wide13_pkgs import n_check_jsonschema  # noqa: E402,F401
from capture_wide416 import n_cjs_json, n_check_toml, n_dotenv  # noqa: E402,F401
from capture_wide38_py import N_TAPLO_CHECK, N_TAPLO_FMT, N_CHECK_YAML  # noqa: E402,F401
from capture_wide604 import drop_and_check  # noqa: E402

ID_PREFIX = "wide775-"
DEFAULT_OUT = HERE / "data" / "wide775.json"
TOOLS = Path("/dev/shm/hm-corpus-wide775")
TMP = Path("/dev/shm/hm-corpus-wide775-run")
SEED = 77510
PY_TOOLS = ["check-jsonschema", "pre-commit-hooks", "dotenv-linter"]
NPM_PKGS = ["ajv-cli@5.0.0", "v8r@5.1.0", "eclint@2.8.1", "@taplo/cli@0.7.0", "@commitlint/cli@20.5.3",
            "@commitlint/config-conventional@20.5.3"]
_SIZED = cm.Sized(400, 120_000)
add, cap = _SIZED.add, _SIZED.cap


def _shape(s: str) -> str:
    return re.sub(r"\d+", "N", re.sub(r"'[^']*'|\"[^\"]*\"|`[^`]*`", "Q", s))


# ------------------------------------------------------------------ new kinds

@kind("ajv-validate-text", "lint")
def n_ajv_text(lines):
    """rules 1+3: every `<file> invalid` line and the error line under it; every `error:` line"""
    out = []
    for i, ln in enumerate(lines):
        if re.match(r"^\S+ invalid$", ln):
            out.append(ln)
            nxt = next((x for x in lines[i + 1:i + 3] if x.strip()), None)
            if nxt is not None and not re.match(r"^\S+ (in)?valid$", nxt):
                out.append(nxt)
        elif re.match(r"^\s*error:", ln):
            out.append(ln)
    return out


@kind("ajv-validate-js", "lint")
def n_ajv_js(lines):
    """rules 1+3: every `<file> invalid` line; per error object its instancePath: and message: lines; every error: line"""
    return [ln for ln in lines if re.match(r"^\S+ invalid$", ln) or re.match(r"^\s*(instancePath|message): ", ln)
            or re.match(r"^\s*error:", ln)]


@kind("v8r", "lint")
def n_v8r(lines):
    """rules 1+3: every ✖ line and every `<file>#<path> <message>` error line; ⚠ lines one any per (shape, file)"""
    out, pairs = [], []
    for ln in lines:
        s = ln.strip()
        if s.startswith("✖") or re.match(r"^\S+#\S* ", ln):
            out.append(ln)
        elif s.startswith("⚠"):
            m = re.search(r"(\S+\.(json|ya?ml|toml|json5))", s)
            pairs.append(((_shape(s), m.group(1) if m else None), ln))
    return out + groups(pairs)


@kind("v8r-json", "json")
def n_v8r_json(lines):
    """rules 1+3: per result not valid its "fileLocation" and "code" lines; per error its "instancePath" and "message" lines"""
    out, block = [], []
    for ln in lines:
        s = ln.strip()
        if s.startswith('"fileLocation"'):
            block = [ln]
        elif s.startswith('"valid"'):
            if not s.startswith('"valid": true'):
                out += block
                block = ["BAD"]
            else:
                block = []
        elif s.startswith('"code"') and block == ["BAD"]:
            out.append(ln)
            block = []
        elif s.startswith('"instancePath"') or (s.startswith('"message"')):
            out.append(ln)
    return out


@kind("eclint-check", "lint")
def n_eclint(lines):
    """rule 1: file header lines holding findings; finding rows one any per (message shape, file); error lines"""
    out, pairs, header = [], [], None
    for ln in lines:
        if re.match(r"^\s+\d+:\d+\s", ln):
            if header is not None:
                out.append(header)
            msg = re.sub(r"^\s+\d+:\d+\s+\S+\s*", "", ln)
            pairs.append(((_shape(msg), header), ln))
        elif re.search(r"\bError\b|ENOENT|EACCES", ln):
            out.append(ln)
        elif ln and not ln[0].isspace():
            header = ln
    return list(dict.fromkeys(out)) + groups(pairs)


def _hook_fail(name):
    def f(lines):
        return [ln for ln in lines if re.match(r"^\S+: Failed to \w+ (decode|parse)", ln)]
    f.__doc__ = "rule 1: every `<file>: Failed to … decode/parse (…)` line"
    return cm.named(name, "lint", f.__doc__, f)


n_check_json, n_check_xml = _hook_fail("check-json"), _hook_fail("check-xml")


@kind("pretty-format-json", "lint")
def n_pretty_json(lines):
    """formatter diff: every `--- file` header and `@@` hunk header; lines saying a file is not valid JSON"""
    return [ln for ln in lines if re.match(r"^--- \S", ln) or re.match(r"^@@ .* @@", ln)
            or re.search(r"is not a valid JSON|Failed to", ln)]


@kind("commitlint-range", "lint")
def n_commitlint_range(lines):
    """rules 1+3: ⧗ input lines of blocks holding ✖ problems, every ✖ line, ⚠ one any per (rule, commit), found-N lines"""
    out, pairs, inp, block_bad = [], [], None, False
    for ln in lines:
        s = ln.strip()
        if s.startswith("⧗"):
            inp, block_bad = ln, False
        elif s.startswith("✖"):
            if inp is not None and not block_bad:
                out.append(inp)
                block_bad = True
            out.append(ln)
        elif s.startswith("⚠"):
            m = re.search(r"\[([\w-]+)\]\s*$", s)
            pairs.append(((m.group(1) if m else _shape(s), inp), ln))
    return out + groups(pairs)


# ------------------------------------------------------------------ material: a glassworks

WORDS = ["furnace", "gather", "punty", "annealer", "lehr", "blowpipe", "marver", "glory", "crucible", "cullet",
         "batch", "pontil", "jack", "block", "crown", "siege", "flue", "kiln", "frit", "cane", "murrine", "gaffer"]
FUELS, KINDS, CROWNS = ["gas", "wood", "coal", "oil"], ["pot", "tank", "day-tank"], ["silica", "alumina", "zircon"]

FURNACE_SCHEMA = {
    "$schema": "http://json-schema.org/draft-07/schema#", "title": "furnace", "type": "object",
    "required": ["name", "kind", "temperature_c", "fuel", "pots"], "additionalProperties": False,
    "properties": {
        "name": {"type": "string", "pattern": "^[a-z][a-z0-9-]+$"},
        "kind": {"enum": KINDS}, "temperature_c": {"type": "integer", "minimum": 900, "maximum": 1600},
        "fuel": {"enum": FUELS[:3]}, "pots": {"type": "integer", "minimum": 1, "maximum": 12},
        "crown": {"type": "object", "required": ["material"], "additionalProperties": False,
                  "properties": {"material": {"enum": CROWNS}, "thickness_mm": {"type": "number", "exclusiveMinimum": 0}}},
        "tags": {"type": "array", "items": {"type": "string"}, "uniqueItems": True},
        "gathers": {"type": "array", "items": {"type": "object", "required": ["gaffer", "weight_g"],
                                               "properties": {"gaffer": {"type": "string"},
                                                              "weight_g": {"type": "number", "maximum": 5000}}}},
    },
}
ANNEALER_SCHEMA = {
    "$schema": "http://json-schema.org/draft-07/schema#", "title": "annealer", "type": "object",
    "required": ["lehr", "soak_c", "ramp"], "additionalProperties": False,
    "properties": {
        "lehr": {"type": "string"}, "soak_c": {"type": "integer", "minimum": 400, "maximum": 560},
        "belt_speed": {"type": "number"}, "ramp": {"type": "array", "minItems": 2, "items": {
            "type": "object", "required": ["hours", "to_c"], "additionalProperties": False,
            "properties": {"hours": {"type": "number", "minimum": 0}, "to_c": {"type": "integer"}}}},
    },
}


def _names(rng, n):
    out = []
    while len(out) < n:
        w = f"{rng.choice(WORDS)}-{rng.choice(WORDS)}"
        if w not in out:
            out.append(w)
    return out


def furnace(rng, stem, i):
    d = {"name": stem, "kind": rng.choice(KINDS), "temperature_c": rng.randint(1050, 1450),
         "fuel": rng.choice(FUELS[:3]), "pots": rng.randint(1, 8),
         "crown": {"material": rng.choice(CROWNS), "thickness_mm": rng.randint(80, 300)},
         "tags": rng.sample(WORDS, 3),
         "gathers": [{"gaffer": rng.choice(WORDS), "weight_g": rng.randint(200, 4000)} for _ in range(rng.randint(1, 4))]}
    for f in rng.sample(range(12), rng.randint(0, 4)) if i % 5 else []:
        if f == 0: d["temperature_c"] = str(d["temperature_c"])
        if f == 1: d["temperature_c"] = rng.randint(1601, 1900)
        if f == 2: d["fuel"] = "oil"
        if f == 3: d["chimney"] = "tall"
        if f == 4: d.pop("pots", None)
        if f == 5: d["tags"] = d["tags"] + [d["tags"][0]]
        if f == 6: d["crown"]["colour"] = "white"
        if f == 7: d["gathers"][0]["weight_g"] = 9000
        if f == 8: d["gathers"].append({"gaffer": "nobody"})
        if f == 9: d["name"] = stem.upper()
        if f == 10: d["pots"] = 0
        if f == 11: d["kind"] = "crucible"
    text = json.dumps(d, indent=2) + "\n"
    if i in (28, 32):  # syntax errors kept to the last files: ajv-cli stops at the first file it cannot parse
        text = text.replace('"pots"', '"pots",', 1) if '"pots"' in text else text.replace("}\n", "},\n}\n", 1)
    if i == 30:
        text = text.replace('",\n', '"\n', 1)
    return text


def annealer(rng, stem, i):
    ramp = [(rng.randint(1, 6), rng.choice([520, 480, 420, 300, 120])) for _ in range(rng.randint(1, 4))]
    out = [f"lehr: {stem}", f"soak_c: {rng.choice([480, 510, 530, 610, 380, 'hot']) if i % 3 == 0 else 500}"]
    if rng.random() < 0.5:
        out.append(f"belt_speed: {rng.choice(['0.4', 'slow', '1.2'])}")
    if rng.random() < 0.2:
        out.append("cooling_fan: true")
    out.append("ramp:")
    for h, t in ramp:
        out += [f"  - hours: {h}", f"    to_c: {t}"]
        if rng.random() < 0.15:
            out.append(f"    fan: on")
    if i % 8 == 5:
        out.insert(2, "   badly: indented")
    if i % 10 == 3:
        out.append("ramp: [unclosed")
    return "\n".join(out) + "\n"


def gather_toml(rng, stem, i):
    out = [f'name = "{stem}"', f"weight_g = {rng.randint(100, 3000)}"]
    if i % 2:
        out = [f'name="{stem}"', f"weight_g =  {rng.randint(100, 3000)}"]
    out += ["", "[punty]", f'maker = "{rng.choice(WORDS)}"', f"length_mm = {rng.randint(900, 1500)}"]
    if i % 3 == 0:
        out.append('colours = [ "amber","cobalt" ,  "ruby" ]')
    if i % 7 == 2:
        out.append(f"length_mm = {rng.randint(900, 1500)}")
    if i % 9 == 5:
        out.append('broken = "unterminated')
    out += ["", "[marver]", f"  steel = {'true' if rng.random() < 0.5 else 'yes'}"]
    return "\n".join(out) + "\n"


def kiln_xml(rng, stem, i):
    steps = "".join(f'\n  <step hours="{rng.randint(1, 9)}" to="{rng.randint(100, 560)}"/>' for _ in range(rng.randint(2, 6)))
    x = f'<?xml version="1.0"?>\n<kiln name="{stem}">{steps}\n</kiln>\n'
    if i % 3 == 1:
        x = x.replace("</kiln>", "</klin>")
    elif i % 3 == 2:
        x = x.replace('/>', '>', 1)
    return x


def env_file(rng, i):
    out = []
    for j in range(rng.randint(6, 16)):
        k = rng.choice(WORDS).upper() + "_" + rng.choice(["HOST", "PORT", "TEMP", "USER", "PATH"])
        v = str(rng.randint(1, 9999))
        r = rng.random()
        if r < 0.1:
            out.append(f"{k.lower()}={v}")
        elif r < 0.2:
            out.append(f"{k} = {v}")
        elif r < 0.3:
            out.append(f"{k}='{v}'")
        elif r < 0.35:
            out.append(f"export {k}={v}")
        else:
            out.append(f"{k}={v}")
        if rng.random() < 0.1:
            out.append(out[-1])
    return "\n".join(out) + "\n"


COMMITS = ["feat(furnace): add the day-tank crown profile", "fix: lehr ramp rounding", "Fixed the punty lengths",
           "feat(gather) weigh gathers before the marver", "chore: bump taplo", "WIP", "FEAT: Glory hole burners",
           "docs: describe the annealing schedule.", "refactor(lehr): split the belt controller",
           "fix(blowpipe): ", "update stuff", "feat: " + "very long subject about the crucible " * 4,
           "test(cullet): cover the batch mixer", "fix(Furnace): Restart the siege fans", "perf: cache the frit table",
           "merge branch 'gaffer'", "feat!: drop coal firing", "style: reformat the kiln profiles",
           "build(deps): bump ajv", "Revert \"feat: drop coal firing\""]


def make_repo(root: Path, seed: int) -> dict:
    rng = random.Random(seed)
    names: dict = {}
    for sub, ext, fn, n in [("furnaces", "json", furnace, 34), ("annealers", "yaml", annealer, 30),
                            ("gathers", "toml", gather_toml, 28), ("kilns", "xml", kiln_xml, 24)]:
        (root / sub).mkdir(parents=True, exist_ok=True)
        files = []
        for i, stem in enumerate(_names(rng, n)):
            p = f"{sub}/{i:02d}-{stem}.{ext}"
            (root / p).write_text(fn(rng, stem, i))
            files.append(p)
        names[sub] = files
    (root / "punties").mkdir(exist_ok=True)
    names["punties"] = []
    for i, stem in enumerate(_names(rng, 20)):
        d = {"punty": stem, "maker": rng.choice(WORDS), "lengths_mm": [rng.randint(900, 1500) for _ in range(3)],
             "bits": {"iron": rng.random() < 0.5, "gauge": rng.randint(8, 14)}}
        p = f"punties/{i:02d}-{stem}.json"
        txt = json.dumps(d, indent=rng.choice([None, 2, 4]), sort_keys=i % 4 == 0)
        (root / p).write_text(txt + "\n" if i % 6 else txt[:-1] + "\n")
        names["punties"].append(p)
    (root / "env").mkdir(exist_ok=True)
    names["env"] = []
    for i in range(10):
        p = f"env/{rng.choice(WORDS)}-{i}.env"
        (root / p).write_text(env_file(rng, i))
        names["env"].append(p)
    (root / "schemas").mkdir(exist_ok=True)
    (root / "schemas/furnace.schema.json").write_text(json.dumps(FURNACE_SCHEMA, indent=2) + "\n")
    (root / "schemas/annealer.schema.json").write_text(json.dumps(ANNEALER_SCHEMA, indent=2) + "\n")
    (root / "schemas/gather.schema.json").write_text(json.dumps({
        "type": "object", "required": ["name", "weight_g"], "additionalProperties": False,
        "properties": {"name": {"type": "string"}, "weight_g": {"type": "integer", "maximum": 2500},
                       "punty": {"type": "object", "properties": {"length_mm": {"type": "integer", "maximum": 1400},
                                                                   "colours": {"type": "array", "maxItems": 2}}},
                       "marver": {"type": "object", "properties": {"steel": {"type": "boolean"}}}}}, indent=2) + "\n")
    (root / ".editorconfig").write_text("root = true\n\n[*]\nindent_style = space\nindent_size = 2\n"
                                        "trim_trailing_whitespace = true\ninsert_final_newline = true\n"
                                        "max_line_length = 100\n\n[*.xml]\nindent_size = 4\n")
    (root / "ops").mkdir(exist_ok=True)
    names["ops"] = []
    for i, stem in enumerate(_names(rng, 14)):
        lines = [f"# {stem} shift notes"]
        for j in range(rng.randint(8, 30)):
            ind = rng.choice(["  ", "  ", "\t", "   ", "    ", ""])
            tail = rng.choice(["", "", "", "  ", "\t"])
            lines.append(f"{ind}{rng.choice(WORDS)}: {rng.randint(1, 900)}{tail}")
            if rng.random() < 0.05:
                lines.append("note: " + " ".join(rng.choice(WORDS) for _ in range(25)))
        p = f"ops/{i:02d}-{stem}.yaml"
        (root / p).write_text("\n".join(lines) + ("\n" if i % 3 else ""))
        names["ops"].append(p)
    (root / "commitlint.config.js").write_text("module.exports = { extends: ['@commitlint/config-conventional'] };\n")
    return names


ENV = {"HOME": str(TMP), "NO_COLOR": "1", "FORCE_COLOR": "0", "GIT_AUTHOR_NAME": "Gaffer",
       "GIT_AUTHOR_EMAIL": "gaffer@glassworks.test", "GIT_COMMITTER_NAME": "Gaffer",
       "GIT_COMMITTER_EMAIL": "gaffer@glassworks.test", "GIT_AUTHOR_DATE": "2026-03-02T08:00:00Z",
       "GIT_COMMITTER_DATE": "2026-03-02T08:00:00Z"}


def ensure_tools() -> None:
    cm.install_venv(TOOLS / "venv", "check-jsonschema", PY_TOOLS)
    cm.install_npm(TOOLS / "js", ".bin/ajv", NPM_PKGS)
    cm.PATH_PREFIX[:0] = [str(TOOLS / "venv" / "bin"), str(TOOLS / "js" / "node_modules" / ".bin")]


def repo(tmp: Path):
    root = tmp / "glassworks"
    if not hasattr(repo, "names"):
        repo.names = make_repo(root, SEED)
    return root, repo.names


def _c(item, cmd, root, ext, timeout=300):
    cap(item, cmd, root, ext, timeout=timeout, env=ENV)


def _j(files):
    return " ".join(files)


AJV = "ajv validate --all-errors --spec=draft7"


def ajv(tmp):
    root, n = repo(tmp)
    f, a = n["furnaces"], n["annealers"]
    _c("ajv-text-furnaces", f"{AJV} -s schemas/furnace.schema.json -d 'furnaces/*.json' --errors=text 2>&1", root, n_ajv_text)
    _c("ajv-text-annealers", f"{AJV} -s schemas/annealer.schema.json -d 'annealers/[12]*.yaml' --errors=text 2>&1",
       root, n_ajv_text)
    _c("ajv-text-four", f"{AJV} -s schemas/furnace.schema.json -d '{{{','.join(f[10:14])}}}' --errors=text 2>&1", root,
       n_ajv_text)
    _c("ajv-js-eight", f"{AJV} -s schemas/furnace.schema.json -d 'furnaces/0[1-8]-*.json' 2>&1", root, n_ajv_js)
    _c("ajv-js-furnaces-late", f"{AJV} -s schemas/furnace.schema.json -d 'furnaces/2*.json' 2>&1", root, n_ajv_js)
    _c("ajv-js-annealers", f"{AJV} -s schemas/annealer.schema.json -d 'annealers/1*.yaml' 2>&1", root, n_ajv_js)
    _c("ajv-js-one", f"{AJV} -s schemas/furnace.schema.json -d {f[3]} 2>&1", root, n_ajv_js)
    _c("ajv-text-broken", f"{AJV} -s schemas/furnace.schema.json -d 'furnaces/2*.json' -d 'furnaces/3*.json' "
       "--errors=text 2>&1", root, n_ajv_text)
    _c("ajv-js-annealers-early", f"{AJV} -s schemas/annealer.schema.json -d 'annealers/0*.yaml' 2>&1", root, n_ajv_js)


def v8r(tmp):
    root, n = repo(tmp)
    f, a = n["furnaces"], n["annealers"]
    _c("v8r-furnaces-text", "v8r -s schemas/furnace.schema.json 'furnaces/*.json' 2>&1", root, n_v8r)
    _c("v8r-annealers-text", "v8r -s schemas/annealer.schema.json 'annealers/0*.yaml' 2>&1", root, n_v8r)
    _c("v8r-three-text", f"v8r -s schemas/furnace.schema.json {_j(f[29:32])} 2>&1", root, n_v8r)
    _c("v8r-gathers-text", "v8r -s schemas/gather.schema.json 'gathers/*.toml' 2>&1", root, n_v8r)
    _c("v8r-furnaces-json", "v8r -s schemas/furnace.schema.json 'furnaces/1*.json' --output-format json 2>/dev/null"
       " | python3 -m json.tool", root, n_v8r_json)
    _c("v8r-annealers-json", "v8r -s schemas/annealer.schema.json 'annealers/*.yaml' --output-format json 2>/dev/null"
       " | python3 -m json.tool", root, n_v8r_json)
    _c("v8r-gathers-json", "v8r -s schemas/gather.schema.json 'gathers/0*.toml' --output-format json 2>/dev/null"
       " | python3 -m json.tool", root, n_v8r_json)


def eclint(tmp):
    root, n = repo(tmp)
    o = n["ops"]
    _c("eclint-ops", "eclint check ops/*.yaml 2>&1", root, n_eclint)
    _c("eclint-four", f"eclint check {_j(o[2:6])} 2>&1", root, n_eclint)
    _c("eclint-seven", f"eclint check {_j(o[7:14])} 2>&1", root, n_eclint)


def hooks(tmp):
    root, n = repo(tmp)
    _c("check-json-furnaces", "check-json furnaces/*.json punties/*.json; echo EXIT=$?", root, n_check_json)
    _c("check-xml-kilns", "check-xml kilns/*.xml; echo EXIT=$?", root, n_check_xml)
    _c("pretty-json-punties", "pretty-format-json --no-sort-keys punties/*.json; echo EXIT=$?", root, n_pretty_json)
    _c("pretty-json-sorted", f"pretty-format-json --indent 4 {_j(n['punties'][:6])}; echo EXIT=$?", root,
       n_pretty_json)
    _c("pretty-json-furnaces", f"pretty-format-json {_j(n['furnaces'][20:26])}; echo EXIT=$?", root, n_pretty_json)
    _c("check-yaml-annealers", "check-yaml annealers/*.yaml ops/*.yaml; echo EXIT=$?", root, N_CHECK_YAML)
    _c("check-toml-gathers", "check-toml gathers/*.toml; echo EXIT=$?", root, n_check_toml)
    _c("dotenv-linter-env", "dotenv-linter env/*.env; echo EXIT=$?", root, n_dotenv)
    _c("dotenv-linter-three", f"dotenv-linter {_j(n['env'][:3])}; echo EXIT=$?", root, n_dotenv)


def cjs(tmp):
    root, n = repo(tmp)
    _c("check-jsonschema-furnaces", "check-jsonschema --schemafile schemas/furnace.schema.json furnaces/*.json 2>&1",
       root, n_check_jsonschema)
    _c("check-jsonschema-annealers-json", "check-jsonschema --schemafile schemas/annealer.schema.json "
       "--output-format json annealers/*.yaml | python3 -m json.tool", root, n_cjs_json)
    _c("check-jsonschema-furnaces-json", "check-jsonschema --schemafile schemas/furnace.schema.json "
       "--output-format json furnaces/0*.json | python3 -m json.tool", root, n_cjs_json)
    _c("check-jsonschema-annealers", "check-jsonschema --schemafile schemas/annealer.schema.json annealers/*.yaml 2>&1",
       root, n_check_jsonschema)
    _c("check-jsonschema-gathers", "check-jsonschema --schemafile schemas/gather.schema.json gathers/*.toml 2>&1",
       root, n_check_jsonschema)


def taplo(tmp):
    root, n = repo(tmp)
    _c("taplo-check-gathers", "taplo check gathers/*.toml 2>&1", root, N_TAPLO_CHECK)
    _c("taplo-fmt-check-gathers", "taplo fmt --check gathers/*.toml 2>&1; echo EXIT=$?", root, N_TAPLO_FMT)


def commitlint(tmp):
    root, n = repo(tmp)
    rng = random.Random(SEED + 1)
    if not (root / ".git").exists():
        (root / "node_modules").symlink_to(TOOLS / "js" / "node_modules")  # the project's own install, as an agent has it
        (root / ".gitignore").write_text("node_modules\n")
        cm.run("git init -q -b main && git add .gitignore schemas commitlint.config.js .editorconfig && "
               "git commit -q -m 'chore: start the glassworks'", cwd=root, env=ENV)
        files = n["furnaces"] + n["annealers"] + n["gathers"] + n["kilns"] + n["punties"]
        for i, msg in enumerate(COMMITS * 2):
            chunk = files[i * 3 % len(files):i * 3 % len(files) + 3]
            body = "" if rng.random() < 0.6 else " -m 'Body line about the " + rng.choice(WORDS) + ".'"
            cm.run(f"git add {_j(chunk)} && git commit -q --allow-empty -m {json.dumps(msg)}{body}", cwd=root, env=ENV)
    _c("commitlint-range-all", "commitlint --from $(git rev-list --max-parents=0 HEAD) --to HEAD 2>&1; echo EXIT=$?",
       root, n_commitlint_range)
    _c("commitlint-range-last12", "commitlint --from HEAD~12 --to HEAD 2>&1; echo EXIT=$?", root, n_commitlint_range)
    _c("commitlint-range-early", "commitlint --from HEAD~38 --to HEAD~26 2>&1; echo EXIT=$?", root, n_commitlint_range)
    _c("commitlint-range-verbose", "commitlint --from HEAD~25 --to HEAD~15 --verbose 2>&1; echo EXIT=$?", root,
       n_commitlint_range)


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, lambda: [ajv, v8r, eclint, hooks, cjs, taplo, commitlint],
                     ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))
    out = Path(sys.argv[sys.argv.index("--out") + 1]) if "--out" in sys.argv else DEFAULT_OUT
    drop_and_check(out)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide775", sys.modules["__main__"])
    main()
