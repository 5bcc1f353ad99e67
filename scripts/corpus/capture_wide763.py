#!/usr/bin/env python3
"""Corpus round 763: CI report and annotation formats of linters (oxlint, biome, htmlhint, csslint, jshint, yamllint,
sqlfluff) on an indigo dye works' generated repository with faults put in: Checkstyle XML, JUnit XML, SARIF, GitLab
code-quality JSON, rdjson, GitHub workflow commands and one-line-a-finding text formats.

Needle rules: NEEDLES.md's "Round 763" section; the rules and extractors of earlier rounds are imported below.
Run with the project's .venv/bin/python; never runs the compressor.
"""
from __future__ import annotations

import os
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import capture_more as cm  # noqa: E402
from capture_more import groups, kind, named  # noqa: E402
from capture_wide752 import n_redocly_checkstyle, _junit_inline, n_sarif, n_gh_annotations  # noqa: E402
from capture_wide47_ci import n_ruff_gitlab, n_ruff_rdjson  # noqa: E402
from capture_wide604 import drop_and_check  # noqa: E402

ID_PREFIX = "wide763-"
DEFAULT_OUT = HERE / "data" / "wide763.json"
TOOLS = Path("/dev/shm/hm-corpus-wide763")
TMP = Path("/dev/shm/hm-corpus-wide763-run")
SEED = 76310
PY_TOOLS = ["yamllint==1.38.0", "sqlfluff==4.5.0"]
NPM_PKGS = ["oxlint@1.96.0", "@biomejs/biome@2.6.9", "htmlhint@1.9.2", "csslint@1.0.4", "jshint@2.13.6",
            "textlint@15.8.0", "textlint-rule-no-todo@2.0.1", "textlint-rule-max-comma@4.0.0",
            "textlint-rule-sentence-length@5.2.1",
            "textlint-rule-no-exclamation-question-mark@1.1.0"]
_SIZED = cm.Sized(400, 120_000)
add, cap = _SIZED.add, _SIZED.cap

# ------------------------------------------------------------------ kinds: earlier rules, new kind names

_CS, _JU, _SA = n_redocly_checkstyle, _junit_inline, n_sarif
n_bi_cs = named("biome-checkstyle", "lint", _CS.__doc__, _CS)
n_hh_cs = named("htmlhint-checkstyle", "lint", _CS.__doc__, _CS)
n_jh_cs = named("jshint-checkstyle", "lint", _CS.__doc__, _CS)
n_ox_ju = named("oxlint-junit", "test", _JU.__doc__, _JU)
n_bi_ju = named("biome-junit", "test", _JU.__doc__, _JU)
n_hh_ju = named("htmlhint-junit", "test", _JU.__doc__, _JU)
n_ox_sa = named("oxlint-sarif", "lint", _SA.__doc__, _SA)
n_bi_sa = named("biome-sarif", "lint", _SA.__doc__, _SA)
n_hh_sa = named("htmlhint-sarif", "lint", _SA.__doc__, _SA)
n_ox_gl = named("oxlint-gitlab", "lint", n_ruff_gitlab.__doc__, n_ruff_gitlab)
n_bi_gl = named("biome-gitlab", "lint", n_ruff_gitlab.__doc__, n_ruff_gitlab)
n_bi_rd = named("biome-rdjson", "lint", n_ruff_rdjson.__doc__, n_ruff_rdjson)
n_tl_ju = named("textlint-junit", "test", _JU.__doc__, _JU)
n_yl_gh = named("yamllint-github", "lint", n_gh_annotations.__doc__, n_gh_annotations)
n_sf_gh = named("sqlfluff-github-native", "lint", n_gh_annotations.__doc__, n_gh_annotations)

# ------------------------------------------------------------------ the new rule: one-line-a-finding text formats

_FINDING = re.compile(r':\d+:\d+\b|\bline \d+|line="\d+"|^\s+\d+:\d+\s+\S')
_LEVEL = re.compile(r'\[(error|warning|warn|info)/|, (error|warning|info) - |^\s*\d+:\d+\s+(error|warning|warn|info)\s'
                    r'|^\d+: (error|warning) at line', re.I)
_COUNT = re.compile(r'^\s*(✖\s*)?\d+ (problems?|errors?)\b|^\s*Found \d+ |There (are|is) \d+ problems?', re.I)


def _shape(msg: str) -> str:
    return re.sub(r"\d+", "N", re.sub(r"'[^']*'|\"[^\"]*\"|`[^`]*`", "Q", msg))


def _rule(ln: str):
    for pat in (r"\[\w+/([\w-]+)\]", r"\(([\w./()-]+)\)\s*$", r"\s(\S+\(\S+\))\s*$"):
        m = re.search(pat, ln)
        if m:
            return m.group(1)
    return None


def _line_findings(lines, text_kind: bool):
    out, pairs, header, hdr_line = [], [], None, None
    pending = None  # csslint text: the finding line whose message is on the next line
    for ln in lines:
        s = ln.strip()
        if _COUNT.search(ln):
            out.append(ln)
            m = re.search(r"problems? in (.+?)\.?$", ln)
            if m:
                header, hdr_line = m.group(1), ln
            continue
        m = re.search(r'<file name="([^"]*)"', ln)
        if m:
            header, hdr_line = m.group(1), ln
            continue
        if pending is not None:
            key, fl = pending
            pending = None
            if s and not _FINDING.search(ln):
                pairs.append(((_shape(s), key[1]), fl))
                pairs.append(((_shape(s), key[1]), ln))
                continue
            pairs.append((key, fl))
        if not _FINDING.search(ln):
            if s and not ln[:1].isspace() and not s.startswith("<"):
                header, hdr_line = s, ln  # a stylish / text file header candidate
            continue
        if hdr_line is not None:
            out.append(hdr_line)
        lv = _LEVEL.search(ln)
        if lv and "error" in lv.group(0).lower():
            out.append(ln)
            continue
        fm = re.match(r"^([^\s:]+?):\d+", ln) or re.match(r"^([^\s:]+?): line \d+", ln)
        f = fm.group(1) if fm else header
        r = _rule(ln)
        if text_kind and re.match(r"^\d+: \w+ at line", s):
            pending = ((None, f), ln)
            continue
        if r is None:
            msg = re.sub(r"^\S+?:\d+:\d+:?\s*", "", s)
            m2 = re.search(r'reason="([^"]*)"', ln)
            r = _shape(m2.group(1) if m2 else msg)
        pairs.append(((r, f), ln))
    if pending is not None:
        pairs.append(pending)
    return list(dict.fromkeys(out)) + groups(pairs)


def _lf(name):
    text_kind = name == "csslint"

    def f(lines):
        return _line_findings(lines, text_kind)
    f.__doc__ = ("finding lines (naming a line number): every one whose level is error; others one any per (rule or "
                 "message shape, file); file headers holding findings; closing count lines")
    return named(name, "lint", f.__doc__, f)


n_hh_unix, n_hh_compact, n_cl_compact = _lf("htmlhint-unix"), _lf("htmlhint-compact"), _lf("csslint-compact")
n_jh_unix, n_jh_jslint, n_ox_stylish, n_cl_text = _lf("jshint-unix"), _lf("jshint-jslint"), _lf("oxlint-stylish"), \
    _lf("csslint")
n_tl_unix = _lf("textlint-unix")

# ------------------------------------------------------------------ material: an indigo dye works

WORDS = ["vat", "woad", "mordant", "skein", "dyer", "madder", "indigo", "alum", "bath", "reel", "kettle", "cloth",
         "weld", "urine", "lime", "copperas", "steep", "rinse", "drying", "loft", "batch", "shade", "fastness", "tint"]


def _names(rng: random.Random, n: int) -> list[str]:
    out = []
    while len(out) < n:
        w = f"{rng.choice(WORDS)}-{rng.choice(WORDS)}"
        if w not in out:
            out.append(w)
    return out


def js_file(rng: random.Random, stem: str) -> str:
    camel = "".join(p.title() for p in stem.split("-"))
    out = [f"// {stem}: the dye works' {stem.replace('-', ' ')} module", "'use strict';", ""]
    for i in range(rng.randint(5, 14)):
        fn = f"{rng.choice(['measure', 'steep', 'rinse', 'weigh', 'mix', 'heat', 'reel'])}{camel}{i}"
        body = [f"function {fn}(vat, skein) {{", "  var depth = vat.depth * 2;"]
        faults = rng.sample(range(12), rng.randint(2, 5))
        for f in faults:
            body += {
                0: ["  var unusedShade = 'blue';"],
                1: ["  if (vat.shade == null) { return 0; }"],
                2: ["  debugger;"],
                3: ["  total = depth + skein.weight;"],
                4: ["  if (skein.wet) {}"],
                5: ["  return depth;", "  depth = 0;"],
                6: ["  var cfg = { mordant: 'alum', mordant: 'iron' };", "  skein.cfg = cfg;"],
                7: ["  eval('vat.level = ' + depth);"],
                8: ["  var x = depth", "  skein.x = x"],
                9: ["  for (var k in vat) { skein[k] = vat[k]; }"],
                10: ["  if (depth = 3) { skein.ok = true; }"],
                11: ["  var self = this;", "  skein.owner = self;"],
            }[f]
        body += ["  return depth + skein.weight;", "}", ""]
        out += body
    out.append(f"module.exports = {{ name: '{stem}' }};")
    return "\n".join(out) + "\n"


CSS_FAULTS = ["  color: red !important;", "  colr: blue;", "  margin: 0px;", "  float: left;\n  float: right;",
              "  width: 100px;\n  padding: 10px;", "  font-size: 12px;\n  font-size: 14px;", "  background: #FFF;",
              "  -webkit-border-radius: 4px;", "  display: inline;\n  float: left;", "  text-indent: -9999px;"]


def css_file(rng: random.Random, stem: str) -> str:
    out = [f"/* {stem} */"]
    for i in range(rng.randint(6, 18)):
        sel = rng.choice([f"#{stem}-{i}", f".{stem}-{i}", f"#{stem} .skein-{i}", f".vat-{i} > .reel", f"h{i % 6 + 1}"])
        if rng.random() < 0.12:
            out.append(f"{sel} {{}}")
            continue
        props = rng.sample(CSS_FAULTS, rng.randint(1, 3)) + ["  line-height: 1.4;"]
        out.append(f"{sel} {{\n" + "\n".join(props) + "\n}")
    return "\n".join(out) + "\n"


def html_file(rng: random.Random, stem: str) -> str:
    head = [] if rng.random() < 0.3 else ["<!DOCTYPE html>"]
    head += ["<html>", "<head>", '<meta charset="utf-8">']
    if rng.random() < 0.6:
        head.append(f"<title>{stem}</title>")
    head += ["</head>", "<body>"]
    body = []
    for i in range(rng.randint(6, 20)):
        body += rng.choice([
            [f'<div id="{stem}">vat {i}</div>'],
            [f'<img src="skein-{i}.png">'],
            [f"<p class=shade-{i}>madder batch {i}</p>"],
            [f'<DIV CLASS="reel">reel {i}</DIV>'],
            [f"<span>woad {i}</div>"],
            [f'<a href="#" onclick="dye({i})">dye</a>'],
            [f'<input type="text" name="vat{i}" id="vat{i}" id="v{i}">'],
            [f"<p>rinse {i}"],
            [f'<ul><li>alum {i}</li></ul>'],
            [f'<style>.vat-{i} {{ color: blue }}</style>'],
        ])
    return "\n".join(head + body + ["</body>", "</html>"]) + "\n"


def yaml_file(rng: random.Random, stem: str) -> str:
    out = ["---", f"# {stem}", f"works: indigoworks", f"section: {stem}", "vats:"]
    for i in range(rng.randint(5, 15)):
        ind = "  " if rng.random() < 0.8 else "   "
        out.append(f"{ind}- name: {stem}-{i}")
        out.append(f"{ind}  depth: {rng.randint(1, 9)}  ")
        if rng.random() < 0.3:
            out.append(f"{ind}  heated: yes")
        if rng.random() < 0.2:
            out.append(f"{ind}  depth: {rng.randint(1, 9)}")
        if rng.random() < 0.25:
            out.append(f"{ind}  notes: " + " ".join(rng.choice(WORDS) for _ in range(25)))
        if rng.random() < 0.15:
            out.append(f"{ind}  shade: {{ hue: blue,tone: deep }}")
    if rng.random() < 0.3:
        out.append("")
        out.append("")
    return "\n".join(out) + ("\n" if rng.random() < 0.8 else "")


def sql_file(rng: random.Random, stem: str) -> str:
    t = stem.replace("-", "_")
    out = []
    for i in range(rng.randint(3, 8)):
        out.append(rng.choice([
            f"select vat_id,depth , SHADE from {t} where shade = NULL;",
            f"SELECT a.vat_id, b.skein FROM {t} a JOIN skeins b ON a.vat_id=b.vat_id",
            f"select count(*) from {t}  group by dyer order by 1",
            f"SELECT  dyer,\n  sum(weight) total\nFROM {t}\n   WHERE batch > {i}\n GROUP BY dyer;",
            f"insert into {t} (vat_id, depth) values ({i},{i * 3});",
            f"select * from {t} t1, madder t2 where t1.id = t2.id",
        ]))
    return "\n\n".join(out) + "\n"


def md_file(rng: random.Random, stem: str) -> str:
    out = [f"# {stem.replace('-', ' ').title()}", ""]
    for i in range(rng.randint(4, 10)):
        out += [f"## Step {i + 1}", ""]
        para = []
        for _ in range(rng.randint(2, 5)):
            k = rng.random()
            if k < 0.2:
                para.append(f"TODO: check the {rng.choice(WORDS)} before the {rng.choice(WORDS)} goes in.")
            elif k < 0.4:
                para.append("The dyer lifts the " + ", the ".join(rng.choice(WORDS) for _ in range(rng.randint(4, 7)))
                            + " and the cloth.")
            elif k < 0.55:
                para.append(f"Never let the {rng.choice(WORDS)} boil!")
            elif k < 0.7:
                para.append("When the " + " and the ".join(rng.choice(WORDS) for _ in range(rng.randint(14, 24)))
                            + " are ready the vat is stirred.")
            else:
                para.append(f"The {rng.choice(WORDS)} rests in the {rng.choice(WORDS)} for {rng.randint(2, 9)} hours.")
        out += [" ".join(para), ""]
        if rng.random() < 0.3:
            out += [f"- [ ] TODO {rng.choice(WORDS)} {rng.choice(WORDS)}", ""]
    return "\n".join(out)


def make_repo(root: Path, seed: int) -> dict:
    rng = random.Random(seed)
    names: dict = {}
    for sub, ext, fn, n in [("src", "js", js_file, 30), ("styles", "css", css_file, 24), ("pages", "html", html_file, 24),
                            ("conf", "yaml", yaml_file, 24), ("sql", "sql", sql_file, 20), ("notes", "md", md_file, 20)]:
        (root / sub).mkdir(parents=True, exist_ok=True)
        files = []
        for i, stem in enumerate(_names(rng, n)):
            p = f"{sub}/{i:02d}-{stem}.{ext}"
            (root / p).write_text(fn(rng, stem))
            files.append(p)
        names[sub] = files
    (root / "biome.json").write_text('{"linter": {"enabled": true, "rules": {"recommended": true}},'
                                     ' "formatter": {"enabled": false}}\n')
    (root / ".textlintrc.json").write_text('{"rules": {"no-todo": true, "max-comma": {"max": 3}, '
                                           '"sentence-length": {"max": 100}, "no-exclamation-question-mark": true}}\n')
    (root / ".jshintrc").write_text('{"undef": true, "unused": true, "eqeqeq": true, "node": true}\n')
    return names


ENV = {"HOME": str(TMP), "NO_COLOR": "1", "FORCE_COLOR": "0"}


def ensure_tools() -> None:
    cm.install_venv(TOOLS / "venv", "yamllint", PY_TOOLS)
    cm.install_npm(TOOLS / "node", ".bin/oxlint", NPM_PKGS)
    cm.PATH_PREFIX[:0] = [str(TOOLS / "venv" / "bin"), str(TOOLS / "node" / "node_modules" / ".bin")]


def repo(tmp: Path) -> tuple[Path, dict]:
    root = tmp / "indigoworks"
    if not hasattr(repo, "names"):
        repo.names = make_repo(root, SEED)
    return root, repo.names


def _c(item, cmd, root, ext, timeout=600):
    cap(item, cmd, root, ext, timeout=timeout, env=ENV)


def _j(files):
    return " ".join(files)


def oxlint(tmp: Path) -> None:
    root, n = repo(tmp)
    s = n["src"]
    ox = "oxlint -A all -W correctness -W suspicious -D no-debugger -D no-unused-vars"
    # -f checkstyle prints the whole report on one line: the rule gives it one needle, so it is not captured
    _c("oxlint-junit-six", f"{ox} -f junit {_j(s[4:10])}", root, n_ox_ju)
    _c("oxlint-junit-one", f"{ox} -f junit {s[29]}", root, n_ox_ju)
    _c("oxlint-sarif-two", f"{ox} -f sarif {_j(s[10:12])} | python3 -m json.tool", root, n_ox_sa)
    _c("oxlint-sarif-one", f"{ox} -f sarif {s[12]} | python3 -m json.tool", root, n_ox_sa)
    _c("oxlint-gitlab-three", f"{ox} -f gitlab {_j(s[20:23])} | python3 -m json.tool", root, n_ox_gl)
    _c("oxlint-gitlab-one", f"{ox} -f gitlab {s[24]} | python3 -m json.tool", root, n_ox_gl)
    _c("oxlint-stylish-five", f"{ox} -f stylish {_j(s[23:28])} 2>&1", root, n_ox_stylish)
    _c("oxlint-stylish-all", f"{ox} -f stylish src 2>&1", root, n_ox_stylish)


def biome(tmp: Path) -> None:
    root, n = repo(tmp)
    s = n["src"]
    bl = "biome lint --max-diagnostics=none"
    _c("biome-checkstyle-twelve", f"{bl} --reporter=checkstyle {_j(s[3:15])} 2>&1", root, n_bi_cs)
    _c("biome-junit-two", f"{bl} --reporter=junit {_j(s[19:21])} 2>&1", root, n_bi_ju)
    _c("biome-junit-css", f"{bl} --reporter=junit {_j(n['styles'][6:10])} 2>&1", root, n_bi_ju)
    _c("biome-sarif-two", f"{bl} --reporter=sarif {_j(s[5:7])} 2>/dev/null | python3 -m json.tool", root, n_bi_sa)
    _c("biome-sarif-css", f"{bl} --reporter=sarif {_j(n['styles'][:6])} 2>/dev/null | python3 -m json.tool", root,
       n_bi_sa)
    _c("biome-gitlab-three", f"{bl} --reporter=gitlab {_j(s[7:10])} 2>/dev/null | python3 -m json.tool", root, n_bi_gl)
    _c("biome-gitlab-eight", f"{bl} --reporter=gitlab {_j(s[20:28])} 2>/dev/null | python3 -m json.tool", root,
       n_bi_gl)
    _c("biome-rdjson-one", f"{bl} --reporter=rdjson {s[10]} 2>/dev/null | python3 -m json.tool", root, n_bi_rd)
    _c("biome-rdjson-css", f"{bl} --reporter=rdjson {_j(n['styles'][10:13])} 2>/dev/null | python3 -m json.tool",
       root, n_bi_rd)


def htmlhint(tmp: Path) -> None:
    root, n = repo(tmp)
    p = n["pages"]
    _c("htmlhint-checkstyle-four", f"htmlhint -f checkstyle {_j(p[:4])}", root, n_hh_cs)
    _c("htmlhint-checkstyle-all", "htmlhint -f checkstyle pages", root, n_hh_cs)
    _c("htmlhint-junit-all", "htmlhint -f junit pages", root, n_hh_ju)
    _c("htmlhint-sarif-one", f"htmlhint -f sarif {p[21]} | python3 -m json.tool", root, n_hh_sa)
    _c("htmlhint-unix-one", f"htmlhint -f unix {p[22]}", root, n_hh_unix)
    _c("htmlhint-sarif-three", f"htmlhint -f sarif {_j(p[10:13])} | python3 -m json.tool", root, n_hh_sa)
    _c("htmlhint-unix-eight", f"htmlhint -f unix {_j(p[13:21])}", root, n_hh_unix)
    _c("htmlhint-compact-all", "htmlhint -f compact pages", root, n_hh_compact)


def csslint(tmp: Path) -> None:
    root, n = repo(tmp)
    c = n["styles"]
    _c("csslint-text-six", f"csslint {_j(c[2:8])}", root, n_cl_text)
    # --format=checkstyle-xml and junit-xml print a file's report on one line: one needle a file, so not captured
    _c("csslint-text-one", f"csslint {c[23]}", root, n_cl_text)
    _c("csslint-compact-six", f"csslint --format=compact {_j(c[8:14])}", root, n_cl_compact)
    _c("csslint-compact-one", f"csslint --format=compact {c[14]}", root, n_cl_compact)


def jshint(tmp: Path) -> None:
    root, n = repo(tmp)
    s = n["src"]
    _c("jshint-checkstyle-five", f"jshint --reporter=checkstyle {_j(s[:5])}", root, n_jh_cs)
    _c("jshint-unix-eight", f"jshint --verbose --reporter=unix {_j(s[5:13])}", root, n_jh_unix)
    _c("jshint-jslint-six", f"jshint --reporter=jslint {_j(s[13:19])}", root, n_jh_jslint)
    _c("jshint-checkstyle-one", f"jshint --reporter=checkstyle {s[19]}", root, n_jh_cs)
    _c("jshint-unix-one", f"jshint --reporter=unix {s[20]}", root, n_jh_unix)


def yamllint(tmp: Path) -> None:
    root, n = repo(tmp)
    y = n["conf"]
    _c("yamllint-github-three", f"yamllint -f github {_j(y[:3])}", root, n_yl_gh)
    _c("yamllint-github-all", "yamllint -f github conf", root, n_yl_gh)
    _c("yamllint-github-one", f"yamllint -f github {y[5]}", root, n_yl_gh)


def sqlfluff(tmp: Path) -> None:
    root, n = repo(tmp)
    q = n["sql"]
    sf = "sqlfluff lint --dialect ansi --format github-annotation-native"
    _c("sqlfluff-gh-native-eight", f"{sf} {_j(q[2:10])}", root, n_sf_gh)
    _c("sqlfluff-gh-native-one", f"{sf} {q[10]}", root, n_sf_gh)


def textlint(tmp: Path) -> None:
    root, n = repo(tmp)
    m = n["notes"]
    # -f checkstyle writes a file's rows on one line (broken only where a message holds a newline): the rule's
    # needles would be the first 200 characters of such lines, so it is not captured (as oxlint's and csslint's)
    _c("textlint-junit-four", f"textlint -f junit {_j(m[3:7])}", root, n_tl_ju)
    _c("textlint-junit-one", f"textlint -f junit {m[7]}", root, n_tl_ju)
    _c("textlint-unix-six", f"textlint -f unix {_j(m[8:14])}", root, n_tl_unix)
    _c("textlint-unix-one", f"textlint -f unix {m[14]}", root, n_tl_unix)


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, lambda: [oxlint, biome, htmlhint, csslint, jshint, yamllint, sqlfluff,
                                                          textlint],
                     ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))
    out = Path(sys.argv[sys.argv.index("--out") + 1]) if "--out" in sys.argv else DEFAULT_OUT
    drop_and_check(out)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide763", sys.modules["__main__"])
    main()
