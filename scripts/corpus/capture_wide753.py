"""Capture round 753 of the compression corpus: Markdown and prose checkers and a site builder in the formats the
corpus lacks (markdownlint-cli2 default, JSON and SARIF formatters; textlint stylish, JSON and compact; remark's JSON
report; proselint plain and JSON; typos long, JSON and brief; rumdl text, JSON and SARIF; write-good plain and
--parse; mkdocs build --verbose) on a sealing-wax works' documentation written here (`waxworks`: shellac, vermilion,
turpentine, sticks, wafers, seals; seed 75310) with faults put in. Needle rules: NEEDLES.md's "Round 753" section;
the kinds earlier rounds have keep their extractors, imported below.

Usage:   .venv/bin/python scripts/corpus/capture_wide753.py
Writes:  scripts/corpus/data/wide753.json, ids prefixed "wide753-".
Tools:   /dev/shm/hm-corpus-wide753/venv (proselint, typos, rumdl, mkdocs from PyPI) and
         /dev/shm/hm-corpus-wide753/js (markdownlint-cli2 and its formatters, textlint and rules, remark-cli and the
         lint presets, vfile-reporter-json, write-good from npm)."""

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
from capture_more import groups, kind, mask, run  # noqa: E402
from capture_wide580 import n_mdl2  # noqa: E402  (round 580's markdownlint-cli2)
from capture_wide51_js import n_eslint_sarif  # noqa: E402  (round 51's SARIF rule)
from capture_wide54 import n_textlint, n_mkdocs_strict  # noqa: E402  (round 54's)
from capture_wide24_py import N_TYPOS  # noqa: E402  (round 24's)
from capture_wide34_py import N_PROSELINT  # noqa: E402  (round 34's)
from capture_wide38_py import N_WRITE_GOOD  # noqa: E402  (round 38's)
from capture_wide604 import drop_and_check  # noqa: E402

ID_PREFIX = "wide753-"
DEFAULT_OUT = HERE / "data" / "wide753.json"
TOOLS = Path("/dev/shm/hm-corpus-wide753")
VENV = TOOLS / "venv"
JS = TOOLS / "js"
TMP = Path("/dev/shm/hm-corpus-wide753-run")
SEED = 75310
PY_TOOLS = ["proselint==0.16.0", "typos==1.52.0", "rumdl==0.3.0", "mkdocs==1.6.1"]
NPM_TOOLS = ["markdownlint-cli2@0.24.1", "markdownlint-cli2-formatter-json@0.0.9",
             "markdownlint-cli2-formatter-sarif@0.0.4", "textlint@15.8.0", "@textlint/textlint-plugin-markdown@15.8.0",
             "textlint-rule-no-todo@2.0.1", "textlint-rule-sentence-length@5.2.1", "textlint-rule-max-comma@4.0.0",
             "textlint-rule-common-misspellings@1.0.1", "textlint-rule-doubled-spaces@1.0.2",
             "textlint-rule-terminology@5.2.16", "remark-cli@12.0.1", "remark-preset-lint-recommended@7.0.1",
             "remark-preset-lint-consistent@6.0.1", "vfile-reporter-json@4.0.0", "write-good@1.0.8"]
_SIZED = cm.Sized(400, 120_000)
add, cap = _SIZED.add, _SIZED.cap

# ------------------------------------------------------------------ extractors of the new kinds (fixed before capture)


def _val(ln: str) -> str:
    m = re.match(r'^\s*"\w+":\s*"(.*)",?$', ln)
    return m.group(1) if m else ""


def _records(lines, opener=r"^    \{$"):
    """the records of an indented JSON array of objects: each a dict key -> list of its lines (nested keys too)"""
    recs, cur = [], None
    for ln in lines:
        if re.match(opener, ln):
            cur = {}
            recs.append(cur)
        if cur is None:
            continue
        m = re.match(r'^\s*"(\w+)":', ln)
        if m:
            cur.setdefault(m.group(1), []).append(ln)
    return recs


@kind("markdownlint-cli2-json", "lint")
def n_mdl2_json(lines):
    """every distinct "fileName" and "ruleDescription" line; one any per (first rule name, file) over the group's non-null "errorDetail"/"errorContext" lines (else its "lineNumber" lines)"""
    out = [ln for ln in lines if ln.strip().startswith(('"fileName":', '"ruleDescription":'))]
    pairs, cur_file, want_rule, rule, detail, num = [], "", False, "", [], []
    for ln in lines:
        s = ln.strip()
        if re.match(r"^  \{$", ln):
            cur_file, rule, detail, num = "", "", [], []
        if s.startswith('"fileName":'):
            cur_file = _val(ln)
        elif s.startswith('"lineNumber":'):
            num = [ln]
        elif s.startswith('"ruleNames":'):
            want_rule = True
            continue
        elif want_rule:
            rule, want_rule = s.strip('",'), False
        elif (s.startswith('"errorDetail":') or s.startswith('"errorContext":')) and not s.endswith("null,") \
                and not s.endswith("null"):
            detail.append(ln)
        if re.match(r"^  \}", ln):
            for d in (detail or num):
                pairs.append(((rule, cur_file), d))
    return list(dict.fromkeys(out)) + groups(pairs)


@kind("textlint-json", "lint")
def n_textlint_json(lines):
    """every distinct "filePath" line; one any per ("ruleId", file) over the group's "message" lines"""
    out, recs, cur = [], [], {}
    for ln in lines:
        s = ln.strip()
        if s.startswith('"filePath":'):  # textlint prints a file's path after its messages
            out.append(ln)
            for r in recs:
                r["file"] = r.get("file") or _val(ln)
        elif s.startswith('"message":') or s.startswith('"ruleId":'):
            cur[s.split('"')[1]] = ln
            if "message" in cur and "ruleId" in cur:  # one finding's two keys, in either order
                recs.append(cur)
                cur = {}
    return list(dict.fromkeys(out)) + groups([((_val(r["ruleId"]), r.get("file", "")), r["message"]) for r in recs])


TLC = re.compile(r"^(\S.*?): line \d+, col \d+, \w+ - (.*)$")
RULE_END = re.compile(r"\(([\w@/-]+)\)$")


@kind("textlint-compact", "lint")
def n_textlint_compact(lines):
    """one any per (rule id, file) over the finding lines; the 'N problems' line"""
    out, pairs = [], []
    for i, ln in enumerate(lines):
        m = TLC.match(ln)
        if m:  # a message holding a newline puts the rule id at the end of the next line
            r = RULE_END.search(ln) or (RULE_END.search(lines[i + 1]) if i + 1 < len(lines) else None)
            pairs.append(((r.group(1) if r else "", m.group(1)), ln))
        elif re.match(r"^\d+ problems?", ln):
            out.append(ln)
    return out + groups(pairs)


@kind("remark-json", "lint")
def n_remark_json(lines):
    """a fatal message's "reason" line; other messages one any per ("ruleId", file) over their "reason" lines; every distinct "path" line of a file with messages"""
    out, pairs, cur_path, path_line = [], [], "", None
    msg: dict = {}
    depth_msg = False
    for ln in lines:
        s = ln.strip()
        if s.startswith('"path":'):
            cur_path, path_line = _val(ln), ln
        if s.startswith('"messages": ['):
            depth_msg = True
            continue
        if not depth_msg:
            continue
        if re.match(r"^\s*\{$", ln) and not msg.get("open"):
            msg = {"open": True}
        for key in ("reason", "ruleId", "fatal"):
            if s.startswith(f'"{key}":') and key not in msg:
                msg[key] = ln
        if s.startswith('"ruleId":') or s.startswith('"fatal":'):
            pass
        if msg.get("open") and "reason" in msg and "ruleId" in msg and "fatal" in msg:
            if path_line:
                out.append(path_line)
            if msg["fatal"].strip().rstrip(",").endswith("true"):
                out.append(msg["reason"])
            else:
                pairs.append(((_val(msg["ruleId"]), cur_path), msg["reason"]))
            msg = {}
    return list(dict.fromkeys(out)) + groups(pairs)


@kind("proselint-json", "lint")
def n_proselint_json(lines):
    """one any per (check name, file) over the group's "message" lines; every line naming an error or exception of the tool"""
    out, pairs, cur, check = [], [], "", None
    for ln in lines:
        s = ln.strip()
        m = re.match(r'^"(file://[^"]+)": \{$', s)
        if m:
            cur = m.group(1)
        if s.startswith('"check_path":') or s.startswith('"check":'):
            check = _val(ln)
        elif s.startswith('"message":') and check is not None:
            pairs.append(((check, cur), ln))
            check = None
        if re.search(r"Traceback|Exception|\bError:", ln) and not s.startswith('"message":'):
            out.append(ln)
    return out + groups(pairs)


@kind("typos-json", "lint")
def n_typos_json(lines):
    """every line holding "type":"typo" (its first 200 characters)"""
    return [ln[:200] for ln in lines if '"type":"typo"' in ln]


@kind("typos-brief", "lint")
def n_typos_brief(lines):
    """every typo line (path:line:col: …)"""
    return [ln[:200] for ln in lines if re.match(r"^\S+:\d+:\d+: ", ln)]


RUMDL = re.compile(r"^(\S+?):\d+:\d+: \[(\w+)\] ")


@kind("rumdl", "lint")
def n_rumdl(lines):
    """one any per (rule code, file) over the finding lines; error-level / tool-error lines; the 'Issues: Found' / 'Success' line"""
    out, pairs = [], []
    for ln in lines:
        m = RUMDL.match(ln)
        if m:
            pairs.append(((m.group(2), m.group(1)), ln))
        elif re.search(r"\berror\b|\bError\b", ln) or re.match(r"^(Issues: Found|Success)", ln):
            out.append(ln)
    return out + groups(pairs)


@kind("rumdl-json", "lint")
def n_rumdl_json(lines):
    """every distinct "file" line; an error-severity finding's "message" line; others one any per ("rule", file) over their "message" lines"""
    out, pairs = [], []
    for r in _records(lines, r"^  \{$"):
        f = r.get("file", [""])[0]
        if f:
            out.append(f)
        msg = r.get("message", [])[:1]
        if not msg:
            continue
        if _val(r.get("severity", [""])[0]) == "error":
            out += msg
        else:
            pairs.append(((_val(r.get("rule", [""])[0]), _val(f)), msg[0]))
    return list(dict.fromkeys(out)) + groups(pairs)


WGP = re.compile(r"^([^:\s]+):\d+:\d+:(.*)$")


@kind("write-good-parse", "lint")
def n_write_good_parse(lines):
    """one any per (message shape with quoted words masked, file) over the suggestion lines"""
    pairs = []
    for ln in lines:
        m = WGP.match(ln)
        if m:
            shape = re.sub(r'"[^"]*"', '"…"', m.group(2))
            pairs.append(((mask(shape), m.group(1)), ln))
    return groups(pairs)


def _typos_located(lines):
    """round 24's typos rule as written: its extractor, plus each error's location line, which typos 1.52 marks
    `╭▸ path:line:col` where round 24's typos printed `--> path:line:col` (the extractor's pattern)"""
    out = N_TYPOS(lines)
    for i, ln in enumerate(lines):
        if ln.startswith("error: "):
            loc = cm.next_match(lines, i, r"^\s+(-->|╭▸) ")
            if loc:
                out.append(loc)
    return out


TYPOS = cm.named("typos", "lint", N_TYPOS.__doc__, _typos_located)
MKDOCS_VERBOSE = cm.named("mkdocs-build-verbose", "build", n_mkdocs_strict.__doc__, n_mkdocs_strict)
MDL2_SARIF = cm.named("markdownlint-cli2-sarif", "lint", n_eslint_sarif.__doc__, n_eslint_sarif)
RUMDL_SARIF = cm.named("rumdl-sarif", "lint", n_eslint_sarif.__doc__, n_eslint_sarif)

# ------------------------------------------------------------------ material: a sealing-wax works' documentation

WORDS = ["shellac", "vermilion", "turpentine", "chalk", "rosin", "stick", "wafer", "seal", "mould", "pot", "ladle",
         "batch", "colour", "wick", "signet", "cake", "gum", "lac", "cinnabar", "press"]
TOPICS = ["Melting the shellac", "Grinding vermilion", "Tempering turpentine", "Casting sticks", "Stamping wafers",
          "Cooling moulds", "Colour batches", "Signet care", "Wick wax", "Packing cakes", "Storeroom", "Safety"]
MISSPELT = ["teh", "recieve", "seperate", "occured", "definately", "untill", "acheive", "begining", "enviroment",
            "wich", "neccessary", "accomodate", "existance", "sucessful", "independant"]
PROSE_BAD = ["It was very unique.", "Irregardless of the heat, the pot is stirred.", "I could care less about the chalk.",
             "We utilize shellac (c) 2x a day...", "The wax is melted by the foreman.", "There are many various colours.",
             "So the sticks are extremely hard.", "The moulds were cleaned and the ladles were stored.",
             "At the end of the day, the batch is basically done.", "In order to cast, the pot is really hot!!"]
TODO = ["TODO: weigh the rosin again", "FIXME: the press sticks", "TODO check the cinnabar supplier"]


def sentence(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.25:
        return rng.choice(PROSE_BAD)
    w = rng.sample(WORDS, 5)
    s = f"The {w[0]} goes into the {w[1]} before the {w[2]} and the {w[3]} are ready for the {w[4]}."
    if rng.random() < 0.2:
        s = s.replace("the ", f"the {rng.choice(MISSPELT)} ", 1)
    if rng.random() < 0.1:
        s = s.replace(" the ", " the the ", 1)
    if rng.random() < 0.1:
        s = s.replace(" goes ", "  goes ")
    if rng.random() < 0.12:
        s = s[:-1] + ", " + ", ".join(rng.sample(WORDS, 5)) + ", and then the " + rng.choice(WORDS) + \
            " is weighed, checked, stamped, wrapped and stored in the dry cupboard beside the " + rng.choice(WORDS) + "."
    return s


def page(i: int, rng: random.Random, names: list[str]) -> str:
    title = TOPICS[i % len(TOPICS)] + (f" {i}" if i >= len(TOPICS) else "")
    out = [f"# {title}" if rng.random() < 0.9 else f"#{title}", ""]
    for k in range(rng.randint(3, 6)):
        lvl = "###" if rng.random() < 0.15 else "##"
        head = rng.choice(["Steps", "Notes", "Materials", "Checks", "Overview", f"The {rng.choice(WORDS)}"])
        if rng.random() < 0.15:
            head += ":"
        out += [f"{lvl} {head}", ""] if rng.random() < 0.85 else [f"{lvl} {head}"]
        para = " ".join(sentence(rng) for _ in range(rng.randint(2, 5)))
        out += [para + ("   " if rng.random() < 0.15 else ""), ""]
        r = rng.random()
        if r < 0.3:
            mark = rng.choice(["-", "*"])
            for j in range(rng.randint(2, 5)):
                m = mark if rng.random() < 0.8 else ("+" if mark != "+" else "-")
                out.append(f"{m} {rng.choice(WORDS)} {rng.choice(MISSPELT) if rng.random() < 0.15 else 'ready'}")
            out.append("")
        elif r < 0.45:
            out += ["```" if rng.random() < 0.6 else "```sh", f"melt --pot {rng.randint(1, 9)} --temp {rng.randint(60, 140)}",
                    "```", ""]
        elif r < 0.55:
            out += [f"1. {rng.choice(WORDS)}", f"3. {rng.choice(WORDS)}", f"2. {rng.choice(WORDS)}", ""]
        elif r < 0.65:
            out += ["| batch | colour | weight |", "|---|---|", f"| {rng.randint(1, 90)} | {rng.choice(WORDS)} | 3 |", ""]
        if rng.random() < 0.25:
            out += [rng.choice(TODO), ""]
        if rng.random() < 0.2:
            out += [f"See http://waxworks.invalid/{rng.choice(WORDS)} for the supplier list.", ""]
        if rng.random() < 0.3:
            target = rng.choice(names + ["missing-page.md", "old/retired.md"])
            anchor = rng.choice(["", "#steps", "#no-such-heading"])
            out += [f"Read [the {rng.choice(WORDS)} page]({target}{anchor}) and [the ref][{rng.choice(WORDS)}].", ""]
        if rng.random() < 0.1:
            out += ["\tindented with a tab", ""]
        if rng.random() < 0.1:
            out += ["", ""]
        if rng.random() < 0.1:
            out += ["*Important note*", ""]
    if rng.random() < 0.2:
        out += [f"[{rng.choice(WORDS)}]: http://waxworks.invalid/unused", ""]
    body = "\n".join(out)
    return body if rng.random() < 0.1 else body + "\n"


def make_docs(root: Path, n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    names = [f"{i:02d}-{TOPICS[i % len(TOPICS)].lower().replace(' ', '-')}.md" for i in range(n)]
    files = {f"docs/{nm}": page(i, rng, names) for i, nm in enumerate(names)}
    files["docs/index.md"] = "# Waxworks\n\nThe sealing-wax works' handbook.\n"
    nav = ["  - Home: index.md"] + [f"  - {TOPICS[i % len(TOPICS)]}: {nm}" for i, nm in enumerate(names[: n // 2])]
    nav += ["  - Retired: old/retired.md", "  - Kilns: kilns.md"]
    files["mkdocs.yml"] = ("site_name: Waxworks handbook\nsite_dir: ../site\ntheme:\n  name: mkdocs\n"
                           "validation:\n  omitted_files: warn\n  absolute_links: warn\n  unrecognized_links: warn\n"
                           "  anchors: warn\nnav:\n" + "\n".join(nav) + "\n")
    files[".textlintrc.json"] = json.dumps({"rules": {
        "no-todo": True, "sentence-length": {"max": 140}, "max-comma": {"max": 4}, "common-misspellings": True,
        "doubled-spaces": True, "terminology": True}}, indent=1)
    files[".remarkrc.json"] = json.dumps({"plugins": ["remark-preset-lint-recommended",
                                                      "remark-preset-lint-consistent"]})
    fm = JS / "node_modules"
    files["json.markdownlint-cli2.jsonc"] = json.dumps(
        {"outputFormatters": [[str(fm / "markdownlint-cli2-formatter-json")]]})
    files["sarif.markdownlint-cli2.jsonc"] = json.dumps(
        {"outputFormatters": [[str(fm / "markdownlint-cli2-formatter-sarif")]]})
    cm.write_tree(root, files)
    return [f"docs/{nm}" for nm in names]


def ensure_tools() -> None:
    cm.install_venv(VENV, "rumdl", PY_TOOLS)
    cm.install_npm(JS, "write-good", NPM_TOOLS)
    cm.PATH_PREFIX[:0] = [str(VENV / "bin"), str(JS / "node_modules" / ".bin")]


def docs(tmp: Path) -> tuple[Path, list[str]]:
    root = tmp / "waxworks"
    if not root.exists():
        (tmp / "node_modules").symlink_to(JS / "node_modules")
        docs.names = make_docs(root, 48, SEED)
    return root, docs.names


def sel(names):
    return " ".join(names)


# ------------------------------------------------------------------ steps

def markdownlint(tmp: Path) -> None:
    root, d = docs(tmp)
    for tag, s in [("three", d[:3]), ("twelve", d[3:15]), ("all", d)]:
        cap(f"markdownlint-cli2-{tag}", "markdownlint-cli2 " + sel(s), root, n_mdl2, timeout=300)
    for tag, s in [("one", d[15:16]), ("two", d[16:18]), ("four", d[18:22]), ("eight", d[22:30])]:
        cap(f"markdownlint-cli2-json-{tag}", "markdownlint-cli2 --config json.markdownlint-cli2.jsonc " + sel(s)
            + " >/dev/null 2>&1; cat markdownlint-cli2-results.json", root, n_mdl2_json, timeout=300)
    for tag, s in [("two", d[30:32]), ("eight", d[36:44])]:
        cap(f"markdownlint-cli2-sarif-{tag}", "markdownlint-cli2 --config sarif.markdownlint-cli2.jsonc " + sel(s)
            + " >/dev/null 2>&1; cat markdownlint-cli2-sarif.sarif", root, MDL2_SARIF, timeout=300)


def textlint(tmp: Path) -> None:
    root, d = docs(tmp)
    for tag, s in [("two", d[:2]), ("ten", d[2:12]), ("all", d)]:
        cap(f"textlint-{tag}", "textlint " + sel(s), root, n_textlint, timeout=300)
    for tag, s in [("one", d[12:13]), ("six", d[16:22]), ("twelve", d[22:34])]:
        cap(f"textlint-json-{tag}", "textlint -f json " + sel(s) + " | python3 -m json.tool", root, n_textlint_json,
            timeout=300)
    for tag, s in [("four", d[34:38]), ("ten", d[38:48])]:
        cap(f"textlint-compact-{tag}", "textlint -f compact " + sel(s), root, n_textlint_compact, timeout=300)


def remark(tmp: Path) -> None:
    root, d = docs(tmp)
    # remark's JSON report carries each message's ancestors (the whole tree above it): one file of this set runs to
    # 18,000-54,000 characters at indent 1, so the items name few, chosen by size
    f = {int(p.split("/")[1][:2]): p for p in d}
    for tag, s in [("packing", [f[9]]), ("two", [f[9], f[5]]),
                   ("three", [f[6], f[10], f[15]]), ("four", [f[4], f[12], f[9], f[10]])]:
        cap(f"remark-json-{tag}", "remark --no-stdout --report json " + sel(s) + " 2>&1 | python3 -m json.tool --indent 1",
            root, n_remark_json, timeout=300)


def proselint(tmp: Path) -> None:
    root, d = docs(tmp)
    for tag, s in [("four", d[:4]), ("all", d)]:
        cap(f"proselint-{tag}", "proselint check " + sel(s), root, N_PROSELINT, timeout=300)
    for tag, s in [("one", d[4:5]), ("three", d[5:8]), ("eight", d[8:16])]:
        cap(f"proselint-json-{tag}", "proselint check --output-format json " + sel(s), root, n_proselint_json,
            timeout=300)


def typos(tmp: Path) -> None:
    root, d = docs(tmp)
    for tag, s in [("all", "docs")]:
        cap(f"typos-{tag}", "typos " + (s if isinstance(s, str) else sel(s)), root, TYPOS, timeout=300)
    for tag, s in [("four", d[10:14]), ("twelve", d[14:26]), ("all", "docs")]:
        cap(f"typos-json-{tag}", "typos --format json " + (s if isinstance(s, str) else sel(s)), root, n_typos_json,
            timeout=300)
    for tag, s in [("six", d[26:32]), ("all", "docs")]:
        cap(f"typos-brief-{tag}", "typos --format brief " + (s if isinstance(s, str) else sel(s)), root,
            n_typos_brief, timeout=300)


def rumdl(tmp: Path) -> None:
    root, d = docs(tmp)
    for tag, s in [("two", d[:2]), ("twelve", d[2:14]), ("all", "docs")]:
        cap(f"rumdl-{tag}", "rumdl check --no-cache " + (s if isinstance(s, str) else sel(s)), root, n_rumdl,
            timeout=300)
    for tag, s in [("one", d[14:15]), ("six", d[18:24])]:
        cap(f"rumdl-json-{tag}", "rumdl check --no-cache --output-format json " + sel(s) + " 2>/dev/null", root,
            n_rumdl_json, timeout=300)
    for tag, s in [("two", d[24:26]), ("five", d[26:31])]:
        cap(f"rumdl-sarif-{tag}", "rumdl check --no-cache --output-format sarif " + sel(s) + " 2>/dev/null", root,
            RUMDL_SARIF, timeout=300)


def writegood(tmp: Path) -> None:
    root, d = docs(tmp)
    for tag, s in [("twelve", d[3:15])]:
        cap(f"write-good-{tag}", "write-good " + sel(s), root, N_WRITE_GOOD, timeout=300)
    for tag, s in [("two", d[15:17]), ("eight", d[17:25]), ("twenty", d[25:45])]:
        cap(f"write-good-parse-{tag}", "write-good --parse " + sel(s), root, n_write_good_parse, timeout=300)


def mkdocs(tmp: Path) -> None:
    root, d = docs(tmp)
    cap("mkdocs-build-verbose-strict", "mkdocs build --strict --verbose", root, MKDOCS_VERBOSE, timeout=300)
    cap("mkdocs-build-verbose", "mkdocs build --verbose", root, MKDOCS_VERBOSE, timeout=300)


def main() -> None:
    cm.capture_round(__doc__, ensure_tools,
                     lambda: [markdownlint, textlint, remark, proselint, typos, rumdl, writegood, mkdocs],
                     ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))
    out = Path(sys.argv[sys.argv.index("--out") + 1]) if "--out" in sys.argv else DEFAULT_OUT
    drop_and_check(out)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide753", sys.modules["__main__"])
    main()
