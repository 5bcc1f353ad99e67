"""Capture round 797 of the compression corpus: front-end language compilers and checkers in outputs the corpus
lacked (dart-sass deprecation warnings, `lessc --lint`, CoffeeScript's compiler, coffeelint's default and CSV
reporters, `flow check` human and `--json --pretty`, html-validate's json and codeframe formatters, pug's compiler)
beside kinds it has (sass errors, lessc, stylus, postcss-cli), on a glover's shop front end written here (`glovers`:
tranks, fourchettes, quirks, gussets, glovers; seed 79710) with faults put in.
Needle rules: NEEDLES.md's "Round 797" section; new kinds' extractors below, the others imported.

Usage:   .venv/bin/python scripts/corpus/capture_wide797.py
Writes:  scripts/corpus/data/wide797.json, ids prefixed "wide797-".
Tools:   npm packages installed under /dev/shm/hm-corpus-wide797 (npm install sass less stylus coffeescript
         @coffeelint/cli flow-bin html-validate pug-cli@1.0.0-alpha6 postcss postcss-cli): sass 1.108.2 (dart2js),
         less 4.9.1, stylus 0.64.0, coffeescript 2.7.1, @coffeelint/cli 5.2.11, flow-bin 0.336.0 (its Linux binary
         ships in the package; runs offline), html-validate 10.17.0, pug-cli 1.0.0-alpha6 (pug 2.0.4), postcss-cli
         11.0.1 with postcss 8.5.34; jq 1.6 for the pretty JSON."""

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
from capture_more import groups, kind, mask  # noqa: E402
from capture_wide604 import drop_and_check  # noqa: E402
from capture_wide13_js import n_sass, n_lessc  # noqa: E402
from capture_wide372 import n_stylus  # noqa: E402
from capture_wide68_js import n_postcss  # noqa: E402

ID_PREFIX = "wide797-"
DEFAULT_OUT = HERE / "data" / "wide797.json"
TOOLS = Path("/dev/shm/hm-corpus-wide797")
TMP = Path("/dev/shm/hm-corpus-wide797-run")
SEED = 79710
_SIZED = cm.Sized(400, 120_000)
add, cap = _SIZED.add, _SIZED.cap

# ------------------------------------------------------------------ extractors of the new kinds (fixed before capture)

SASS_LOC = r"^\s+\S+\.s[ac]ss \d+:\d+"


@kind("sass-deprecation", "build")
def n_sass_dep(lines):
    """Deprecation warnings one {any} per (code, file) (the warning line with its location line); WARNING: lines one {any} per (shape, file); 'N repetitive deprecation warnings omitted' lines; Error: lines with their location."""
    out, pairs = [], []
    for i, ln in enumerate(lines):
        m = re.match(r"^(Deprecation Warning|DEPRECATION WARNING)( \[([\w-]+)\])?", ln)
        if m:
            loc = cm.next_match(lines, i, SASS_LOC, 14)
            f = loc.split()[0] if loc else None
            pairs.append(((m.group(3), f), ln))
            if loc:
                pairs.append(((m.group(3), f), loc))
            continue
        if re.search(r"\d+ repetitive deprecation warnings? omitted", ln):
            out.append(ln)
        elif re.match(r"^WARNING: ", ln):
            loc = cm.next_match(lines, i, SASS_LOC, 6)
            f = loc.split()[0] if loc else None
            pairs.append((("warn", mask(ln), f), ln))
        elif re.match(r"^Error\b", ln):
            out.append(ln)
            loc = cm.next_match(lines, i, SASS_LOC, 12)
            if loc:
                out.append(loc)
    return out + groups(pairs)


@kind("lessc-lint", "lint")
def n_lessc_lint(lines):
    """Every XError line with the numbered context line of its failing line (within six below) and the '== file' header above it."""
    out, header = [], None
    for i, ln in enumerate(lines):
        if ln.startswith("== "):
            header = ln
            continue
        m = re.search(r"^\w*Error: .*? on line (\d+)|^\w*Error:", ln)
        if not m:
            continue
        out.append(ln)
        if header:
            out.append(header)
        if m.group(1):
            ctx = cm.next_match(lines, i, rf"^\s*{m.group(1)} ", 6)
            if ctx:
                out.append(ctx)
    return out


@kind("coffee-compile", "build")
def n_coffee(lines):
    """Every 'file.coffee:L:C: error:' line and the source line under it; a runtime Error line with its innermost 'at … (file:L:C)' line."""
    out = []
    for i, ln in enumerate(lines):
        if re.search(r"\.(lit)?coffee:\d+:\d+: error: ", ln):
            out.append(ln)
            if i + 1 < len(lines) and lines[i + 1].strip():
                out.append(lines[i + 1])
        elif re.match(r"^\s*(\w*Error|Error)\b.*:", ln) and not re.search(r":\d+:\d+: error:", ln):
            out.append(ln)
            at = cm.next_match(lines, i, r"^\s+at .*:\d+:\d+", 6)
            if at:
                out.append(at)
    return out


@kind("coffeelint", "lint")
def n_coffeelint(lines):
    """Every '✗ #L:' error line with its file header; '⚡ #L:' warnings one {any} per (shape, file); the closing Lint!/Ok! line."""
    out, pairs, header = [], [], None
    for ln in lines:
        if re.match(r"^\s{0,3}[✗⚡✓] \S+\.(lit)?coffee\s*$", ln):
            header = ln
        elif re.match(r"^\s+✗ #\d+", ln):
            out += [ln, header] if header else [ln]
        elif re.match(r"^\s+⚡ #\d+", ln):
            pairs.append(((mask(ln.split(":", 1)[-1]), header), ln))
        elif re.match(r"^\s*[✗✓] (Lint!|Ok!)", ln):
            out.append(ln)
    return [x for x in out if x] + groups(pairs)


@kind("coffeelint-csv", "lint")
def n_coffeelint_csv(lines):
    """The header row; every row whose level is error; warn rows one {any} per (message shape, path)."""
    out, pairs = [], []
    for ln in lines:
        if ln.startswith("path,lineNumber"):
            out.append(ln)
            continue
        parts = ln.split(",", 4)
        if len(parts) == 5 and parts[1].isdigit():
            if parts[3] == "error":
                out.append(ln)
            elif parts[3] == "warn":
                pairs.append(((mask(parts[4]), parts[0]), ln))
    return out + groups(pairs)


FLOW_HDR = re.compile(r"^(Error|Warning) -+ (\S+?):\d+:\d+\s*$")


@kind("flow-check", "lint")
def n_flow(lines):
    """Every 'Error --- file:L:C' header and the first message line after it; Warning headers one {any} per (code or shape, file); the Found N errors / No errors! line."""
    out, pairs = [], []
    for i, ln in enumerate(lines):
        m = FLOW_HDR.match(ln)
        if m:
            msg = next((lines[k] for k in range(i + 1, min(len(lines), i + 8)) if lines[k].strip()), None)
            if m.group(1) == "Error":
                out.append(ln)
                if msg:
                    out.append(msg)
            else:
                code = re.search(r"\[([\w-]+)\]\s*$", msg or "")
                pairs.append(((code.group(1) if code else mask(msg or ""), m.group(2)), ln))
        elif re.match(r"^(Found \d+ errors?|No errors!)", ln):
            out.append(ln)
    return out + groups(pairs)


@kind("flow-check-json", "json")
def n_flow_json(lines):
    """Each error record's first message "descr" line and the "path" line within twelve after it; warnings' first descr one {any} per shape; the "passed" and "flowVersion" lines."""
    out, pairs = [], []
    level, first = None, False
    for i, ln in enumerate(lines):
        s = ln.strip()
        if re.match(r'^"level":\s*"(error|warning)"', s):
            level, first = s.split('"')[3], True
        elif first and re.match(r'^"descr":', s):
            first = False
            if level == "error":
                out.append(ln)
                p = cm.next_match(lines, i, r'^\s*"path":', 12)
                if p:
                    out.append(p)
            else:
                pairs.append(((mask(s),), ln))
        elif re.match(r'^"(passed|flowVersion)":', s):
            out.append(ln)
    return out + groups(pairs)


@kind("html-validate-json", "lint")
def n_hv_json(lines):
    """filePath lines of files with errors; every severity-2 message line; severity-1 messages one {any} per (ruleId, file); nonzero errorCount lines."""
    out, pairs = [], []
    path_ln, path = None, None
    for i, ln in enumerate(lines):
        s = ln.strip()
        if s.startswith('"filePath": '):
            path_ln, path = ln, s
        elif s.startswith('"errorCount": ') and not s.startswith('"errorCount": 0'):
            out.append(ln)
            if path_ln:
                out.append(path_ln)
        elif s.startswith('"message": '):
            rec = lines[max(0, i - 12):i + 12]
            sev = next((r.strip() for r in reversed(lines[max(0, i - 12):i]) if r.strip().startswith('"severity"')), None)
            if sev is None:
                sev = next((r.strip() for r in lines[i:i + 12] if r.strip().startswith('"severity"')), "")
            rule = next((r.strip() for r in rec if r.strip().startswith('"ruleId"')), "")
            if sev.startswith('"severity": 2'):
                out.append(ln)
            else:
                pairs.append(((rule, path), ln))
    return out + groups(pairs)


@kind("html-validate-codeframe", "lint")
def n_hv_codeframe(lines):
    """Every 'error: … at file:L:C:' line and the '>'-marked line of its frame; warning: lines one {any} per (rule, file); the closing count line."""
    out, pairs = [], []
    for i, ln in enumerate(lines):
        m = re.match(r"^(error|warning): .*\(([\w-]+)\) at (\S+?):\d+:\d+:?\s*$", ln)
        if m:
            if m.group(1) == "error":
                out.append(ln)
                mk = cm.next_match(lines, i, r"^>\s*\d+ \|", 8)
                if mk:
                    out.append(mk)
            else:
                pairs.append(((m.group(2), m.group(3)), ln))
        elif re.search(r"\d+ (errors?|warnings?)\b", ln) and not m:
            out.append(ln)
    return out + groups(pairs)


@kind("pug-compile", "build")
def n_pug(lines):
    """Every line naming the failing template's place (file.pug:L:C), the '>'-marked frame line and the first message line after the frame (its numbered lines and caret line); any other Error: line."""
    out = []
    for i, ln in enumerate(lines):
        if re.search(r"\.pug:\d+(:\d+)?\s*$", ln):
            out.append(ln)
            j = i + 1
            while j < len(lines) and (re.match(r"^\s*>?\s*\d+\|", lines[j]) or re.match(r"^-*\^\s*$", lines[j])):
                if re.match(r"^\s*>", lines[j]):
                    out.append(lines[j])
                j += 1
            while j < len(lines) and not lines[j].strip():
                j += 1
            if j < len(lines):
                out.append(lines[j])
        elif re.match(r"^\s*\w*Error: ", ln):
            out.append(ln)
    return out


# ------------------------------------------------------------------ material

def write(p: Path, text: str) -> None:
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(text)


PARTS = ["tranks", "fourchettes", "quirks", "gussets", "thumbs", "cuffs", "points", "welts", "bindings", "linings"]
LEATHERS = ["kid", "cabretta", "peccary", "deerskin", "cape", "suede", "nappa", "chamois", "pigskin", "doeskin"]
GLOVERS = ["ada", "bram", "cleo", "dov", "elsie", "fenn", "gwen", "hal", "ines", "jory", "kit", "lorna"]


def scss_dep(rng: random.Random, n: int, imports: bool) -> str:
    out = ["// the shop's gusset and trank styles\n"]
    if imports:
        out.append("@import 'partials/quirks';\n@import 'partials/palette';\n")
    out.append("$base: 16px;\n$leathers: (" + ", ".join(f"{l}: #{rng.randrange(0x333333, 0xeeeeee):06x}"
                                                       for l in LEATHERS) + ");\n")
    for i in range(n):
        p, l = PARTS[i % len(PARTS)], LEATHERS[rng.randrange(len(LEATHERS))]
        out.append(f".{p}-{i} {{\n  width: $base * {rng.randint(2, 9)};\n  margin: $base/{rng.randint(2, 5)};\n"
                   f"  color: darken(map-get($leathers, {l}), {rng.randint(5, 30)}%);\n")
        if i % 3 == 0:
            out.append(f"  border-color: lighten(map-get($leathers, {l}), 10%);\n")
        if i % 4 == 1:
            out.append(f"  padding: percentage({rng.randint(1, 9)}/10);\n")
        out.append("}\n")
    if n > 10:
        out.append("@if $base > 12px { @warn 'gusset base #{$base} is larger than a glover cuts'; }\n")
        out.append("@warn 'fourchette widths are estimates';\n")
    return "".join(out)


SCSS_PARTIALS = {
    "partials/_quirks.scss": "$quirk: 4px;\n.quirk { margin: $quirk/2; color: transparentize(#a0522d, 0.3); }\n",
    "partials/_palette.scss": "$tan: #d2b48c;\n.palette { background: adjust-hue($tan, 20deg); "
                              "width: unit(12px) + 1; }\n",
}

SCSS_ERRS = {
    "bad/thumbs.scss": ".thumb {\n  width: $thumb-width;\n}\n",
    "bad/cuffs.scss": "@use 'sass:math';\n.cuff {\n  @include ribbed-cuff(3);\n  width: math.div(10px, 3);\n}\n",
    "bad/points.scss": ".point {\n  color: red;\n  .stitch { margin: 2px\n}\n",
    "bad/welts.scss": "$w: 3px;\n.welt { width: $w + 2em; }\n",
}


def less_files(rng: random.Random, n: int) -> dict:
    ok = ["@gusset: 6px;\n@tan: #d2b48c;\n.mixin-stitch(@w) { border: @w solid @tan; }\n"]
    for i in range(n):
        ok.append(f".{PARTS[i % len(PARTS)]}-{i} {{ .mixin-stitch({rng.randint(1, 4)}px); "
                  f"margin: (@gusset * {rng.randint(1, 5)}); color: darken(@tan, {rng.randint(5, 40)}%); }}\n")
    return {
        "gussets.less": "".join(ok),
        "tranks.less": "@trank: 40px;\n.trank {\n  width: @trank;\n  height: @trank-height;\n}\n",
        "fourchettes.less": ".fourchette {\n  width: 8px;\n  .border-stitch(2px);\n}\n",
        "quirks.less": ".quirk {\n  margin: 2px;\n  .inner { padding: 1px;\n}\n",
        "thumbs.less": "@t: 12px;\n.thumb { width: @t / 0; color: fade(#fff); }\n",
        "cuffs.less": "@import 'missing-cuff-theme.less';\n.cuff { width: 10px; }\n",
        "welts.less": ".welt {\n  width: ~'calc(100% - 4px)';\n  color: #zzzzzz;\n  @media (min-width: 30em { height: 2px; }\n}\n",
    }


def coffee_files(rng: random.Random) -> dict:
    return {
        "cutting/tranks.coffee": "class Trank\n  constructor: (@size, @leather) ->\n  area: ->\n    @size * 2\n"
                                 "   stretch: (n) ->\n    @size += n\nmodule.exports = Trank\n",
        "cutting/fourchettes.coffee": "widths = [3, 4, 5\nfourchette = (i) -> widths[i] * 2\n",
        "cutting/quirks.coffee": "quirk = (a, b) ->\n  if a > b\n    return a - b\n  else\n    return b - a\n"
                                 "  return ->\n    yield a\nquirk 1, 2\nx = ->\n  a = 1\n  a = (b for b in [1..3] when b is 2 or)\n",
        "cutting/gussets.coffee": "gusset = {size: 3, size: 4}\nlabel = 'gusset #{gusset.size}'\n"
                                  "obj =\n  'a': 1\n   'b': 2\n",
        "cutting/points.coffee": "points = (n) ->\n  for i in [0...n]\n    console.log \"point #{i\n",
        "cutting/welts.coffee": "welt = (x) -> x +\n",
        "cutting/run.coffee": "Glovers = require './glovers'\nshop = new Glovers ['ada', 'bram']\n"
                              "console.log shop.cut 'cabretta', 8\nconsole.log shop.sizes().join ', '\n",
        "cutting/glovers.coffee": "class Glovers\n  constructor: (@names) ->\n  cut: (leather, size) ->\n"
                                  "    \"#{leather} #{size}\"\n  sizes: -> @sizesFor(@names)\nmodule.exports = Glovers\n",
    }


COFFEE_FAULTS = ["  total = (x for x in [1..n] when x >)\n", "  label = \"trank #{n\n", "  sizes = [n, n + 1\n",
                 "  return if n is 0 else n\n", "    over = n * 2\n", "  f = (a, a) -> a\n", "  @x = ->\n  yield 3\n",
                 "  break\n", "  obj = {a: 1, a: 2\n", "  x = 3 +\n", "  'a' = n\n", "  class 3x\n"]


def coffee_ledgers(rng: random.Random, n: int) -> dict:
    files = {}
    for i in range(n):
        g = GLOVERS[i % len(GLOVERS)]
        body = [f"# ledger of {g}\n"]
        for k in range(rng.randint(4, 20)):
            body.append(f"{PARTS[k % len(PARTS)]}_{k} = (n) ->\n  n * {rng.randint(2, 9)}\n\n")
        body.append(f"fault_{i} = (n) ->\n" + COFFEE_FAULTS[i % len(COFFEE_FAULTS)])
        files[f"ledgers/{g}.coffee"] = "".join(body)
    return files


def coffee_lint_file(rng: random.Random, n: int) -> str:
    out = ["# glover cutting table helpers\n"]
    for i in range(n):
        g = GLOVERS[i % len(GLOVERS)]
        l = LEATHERS[rng.randrange(len(LEATHERS))]
        out.append(f"cut_{g}_{i} = (size, leather = '{l}') =>\n")
        out.append(f"  width = size * {rng.randint(2, 9)} + quirkAllowance(size, leather, 'fourchette', "
                   f"'gusset', 'trank', {rng.randint(1, 99)})  \n" if i % 3 == 0 else
                   f"  width = size * {rng.randint(2, 9)}\n")
        if i % 5 == 2:
            out.append("  debugger\n")
        if i % 7 == 3:
            out.append("  throw 'bad trank size' if width < 0\n")
        if i % 6 == 4:
            out.append("  `var raw = width`\n")
        out.append("  width\n\n")
    out.append("class glove_pattern\n  constructor: -> @pieces = {trank: 1, trank: 2}\n")
    return "".join(out)


FLOWCONFIG = "[ignore]\n\n[include]\n\n[libs]\n\n[options]\nall=false\n\n[lints]\nunclear-type=warn\n" \
             "unnecessary-optional-chain=warn\nsketchy-null-number=warn\n"


def flow_src(rng: random.Random, n: int) -> dict:
    files = {}
    files["src/types.js"] = ("// @flow\nexport type Leather = 'kid' | 'cabretta' | 'peccary' | 'deerskin';\n"
                             "export type Piece = {| name: string, width: number, leather: Leather |};\n"
                             "export type Glover = { name: string, pieces: Array<Piece>, apprentice?: ?Glover };\n")
    for i in range(n):
        p = PARTS[i % len(PARTS)]
        body = ["// @flow", "import type { Piece, Glover, Leather } from './types';", ""]
        body.append(f"export function cut{i}(g: Glover, w: number): Piece {{")
        body.append(f"  return {{ name: '{p}', width: w, leather: '{LEATHERS[i % 3]}' }};\n}}")
        kind_ = i % 6
        if kind_ == 0:
            body.append(f"export const bad{i}: number = cut{i}({{ name: 'x', pieces: [] }}, '{rng.randint(3, 9)}').width;")
        elif kind_ == 1:
            body.append(f"export function apprentice{i}(g: Glover): string {{ return g.apprentice.name; }}")
        elif kind_ == 2:
            body.append(f"export function leather{i}(p: Piece): Leather {{ return p.colour; }}")
        elif kind_ == 3:
            body.append(f"export function count{i}(n: ?number): number {{ if (n) {{ return n; }} return 0; }}")
            body.append(f"export function any{i}(x: any): Object {{ return x; }}")
        elif kind_ == 4:
            body.append(f"export const piece{i}: Piece = {{ name: '{p}', width: 3, leather: 'suede' }};")
        else:
            body.append(f"export function total{i}(ps: Array<Piece>): number {{ return ps.reduce((a, p) => a + p.width, ''); }}")
        files[f"src/{p}{i}.js"] = "\n".join(body) + "\n"
    return files


def html_page(rng: random.Random, n: int, title: str) -> str:
    out = [f"<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{title}</title>\n</head>\n<body>\n"]
    for i in range(n):
        p = PARTS[i % len(PARTS)]
        k = i % 7
        if k == 0:
            out.append(f"<section id=\"{p}\"><h2>{p.title()}</h2><img src=\"{p}.jpg\"></section>\n")
        elif k == 1:
            out.append(f"<div id=\"{p}\" style=\"color: red\"><p>Cut from {LEATHERS[i % 10]}<div>note</div></p></div>\n")
        elif k == 2:
            out.append(f"<ul><li>{p}</li><span>{rng.randint(3, 9)} mm</span></ul>\n")
        elif k == 3:
            out.append(f"<button onclick=\"cut('{p}')\">Cut</button><a href=\"#\"><b>{p}</a></b>\n")
        elif k == 4:
            out.append(f"<table><tr><th>glover</th></tr><tr><td>{GLOVERS[i % 12]}</td></tr></table>\n")
        elif k == 5:
            out.append(f"<input type=\"text\" name=\"{p}-width\"><label>Width</label>\n")
        else:
            out.append(f"<p>Plain {p} stitched by {GLOVERS[i % 12]}.</p>\n")
    out.append("</body>\n</html>\n")
    return "".join(out)


HVRC = json.dumps({"extends": ["html-validate:recommended"],
                   "rules": {"no-inline-style": "warn", "prefer-button": "warn", "no-implicit-button-type": "warn",
                             "heading-level": "warn", "element-permitted-content": "error"}}, indent=2)

PUG = {
    "views/tranks.pug": "doctype html\nhtml\n  head\n    title Tranks\n  body\n    h1 Tranks\n      p cut from kid\n"
                        "     p misaligned\n",
    "views/fourchettes.pug": "ul\n  each f in fourchettes\n    li(class=f.size data-x=)= f.name\n",
    "views/quirks.pug": "div\n  p= quirk.width.toFixed(2)\n",
    "views/gussets.pug": "extends missing-layout\nblock content\n  p gussets\n",
    "views/glovers.pug": "- var glovers = ['ada', 'bram']\nul\n  for g in glovers\n    li= g\n  +roster(glovers)\n",
    "views/ok.pug": "p The glover's ledger\nul\n  li tranks\n  li quirks\n",
}

STYLUS = {
    "themes/tranks.styl": "trank-width = 40px\n.trank\n  width trank-width\n  height trank-width * 1.5\n"
                          "  color darken(#d2b48c, 10%)\n",
    "themes/broken.styl": ".gusset\n  width 4px\n  color lighten(#333 10%\n.quirk\n  margin 2px\n",
    "themes/mixins.styl": "stitch(w)\n  border w solid #000\n.welt\n  stitch(2px)\n  width undefined-var + 3px\n"
                          ".cuff\n  margin -(foo)\n  add-glove-sizes(3, 4)\n",
}

POSTCSS_PLUGIN = """module.exports = () => ({
  postcssPlugin: 'postcss-glove-sizes',
  Declaration(decl, { result }) {
    if (decl.prop === 'glove-size') {
      const v = parseFloat(decl.value);
      if (Number.isNaN(v)) throw decl.error('Unknown glove size "' + decl.value + '"', { word: decl.value });
      if (v > 11) decl.warn(result, 'Glove size ' + v + ' is larger than the shop cuts');
      decl.prop = 'width'; decl.value = (v * 2.54) + 'cm';
    }
    if (decl.value.includes('fourchette(')) decl.warn(result, 'fourchette() is not a CSS function');
  },
});
module.exports.postcss = true;
"""


def css_file(rng: random.Random, n: int, bad: bool) -> str:
    out = []
    for i in range(n):
        out.append(f".{PARTS[i % len(PARTS)]}-{i} {{ glove-size: {rng.choice([7, 8, 9, 12, 13])}; "
                   f"margin: {'fourchette(2px)' if i % 4 == 1 else '2px'}; }}\n")
    if bad:
        out.append(".gusset-odd { glove-size: large; }\n")
    return "".join(out)


def material(tmp: Path) -> Path:
    rng = random.Random(SEED)
    root = tmp / "glovers"
    for rel, body in SCSS_PARTIALS.items():
        write(root / "scss" / rel, body)
    write(root / "scss" / "gussets.scss", scss_dep(rng, 4, False))
    write(root / "scss" / "tranks.scss", scss_dep(rng, 14, True))
    write(root / "scss" / "shop.scss", scss_dep(rng, 60, True))
    for rel, body in SCSS_ERRS.items():
        write(root / "scss" / rel, body)
    for rel, body in less_files(rng, 12).items():
        write(root / "less" / rel, body)
    for rel, body in coffee_files(rng).items():
        write(root / "coffee" / rel, body)
    for i, (rel, body) in enumerate(coffee_ledgers(rng, 12).items()):
        write(root / "coffee" / rel, body)
    write(root / "coffee" / "lint" / "table.coffee", coffee_lint_file(rng, 9))
    write(root / "coffee" / "lint" / "cutting.coffee", coffee_lint_file(rng, 40))
    write(root / "coffee" / "lint" / "ledger.coffee", coffee_lint_file(rng, 120))
    for name, n in (("flow-small", 4), ("flow-mid", 14), ("flow-big", 60)):
        write(root / name / ".flowconfig", FLOWCONFIG)
        for rel, body in flow_src(rng, n).items():
            write(root / name / rel, body)
    write(root / "flow-clean" / ".flowconfig", FLOWCONFIG)
    write(root / "flow-clean" / "src" / "types.js", flow_src(rng, 1)["src/types.js"])
    write(root / "flow-clean" / "src" / "fixme.js", "// @flow\n// $FlowFixMe[incompatible-type]\n"
          "export const n: number = 3;\nexport function w(x: Object): mixed { return x?.width; }\n")
    write(root / "html" / ".htmlvalidate.json", HVRC)
    write(root / "html" / "pages" / "index.html", html_page(rng, 6, "Glovers"))
    write(root / "html" / "pages" / "pieces.html", html_page(rng, 30, "Pieces"))
    write(root / "html" / "pages" / "ledger.html", html_page(rng, 120, "Ledger"))
    write(root / "html" / "pages" / "about.html", html_page(rng, 3, "About the glovers"))
    for rel, body in PUG.items():
        write(root / "pug" / rel, body)
    for rel, body in STYLUS.items():
        write(root / "stylus" / rel, body)
    write(root / "postcss" / "postcss-glove-sizes.js", POSTCSS_PLUGIN)
    write(root / "postcss" / "postcss.config.js", "module.exports = { plugins: [require('./postcss-glove-sizes')()] };\n")
    write(root / "postcss" / "css" / "tranks.css", css_file(rng, 8, False))
    write(root / "postcss" / "css" / "gussets.css", css_file(rng, 30, True))
    write(root / "postcss" / "css" / "linings.css", css_file(rng, 45, False))
    return root


# ------------------------------------------------------------------ steps

def ensure_tools() -> None:
    cm.install_npm(TOOLS, ".bin/pug", ["sass", "less", "stylus", "coffeescript", "@coffeelint/cli", "flow-bin",
                                       "html-validate", "pug-cli@1.0.0-alpha6", "postcss", "postcss-cli"])
    cm.PATH_PREFIX[:0] = [str(TOOLS / "node_modules" / ".bin")]


def steps() -> list:
    return [sass_step, less_step, coffee_step, flow_step, html_step, pug_stylus_postcss_step]


def sass_step(tmp: Path) -> None:
    root = material(tmp)
    s = root / "scss"
    cap("sass-dep-gussets", "sass gussets.scss out/gussets.css 2>&1", s, n_sass_dep, typed="npx sass gussets.scss out/gussets.css")
    cap("sass-dep-tranks", "sass tranks.scss out/tranks.css 2>&1", s, n_sass_dep, typed="npx sass tranks.scss out/tranks.css")
    cap("sass-dep-tranks-verbose", "sass --verbose tranks.scss out/tranks.css 2>&1", s, n_sass_dep,
        typed="npx sass --verbose tranks.scss out/tranks.css")
    cap("sass-dep-shop", "sass --no-source-map shop.scss out/shop.css 2>&1", s, n_sass_dep,
        typed="npx sass --no-source-map shop.scss out/shop.css")
    cap("sass-dep-shop-verbose", "sass --verbose --no-source-map shop.scss out/shop.css 2>&1 | tail -n 1800", s,
        n_sass_dep, typed="npx sass --verbose --no-source-map shop.scss out/shop.css 2>&1 | tail -n 1800")
    cap("sass-errors-bad", "for f in bad/*.scss; do sass --no-source-map $f out/$(basename $f .scss).css; done 2>&1", s,
        n_sass, typed="for f in bad/*.scss; do npx sass --no-source-map $f out/$(basename $f .scss).css; done")
    cap("sass-error-bad-many", "sass --no-unicode --verbose bad/thumbs.scss:out/t.css bad/cuffs.scss:out/c.css "
        "bad/points.scss:out/p.css bad/welts.scss:out/w.css gussets.scss:out/g.css 2>&1; echo EXIT=$?", s, n_sass,
        typed="npx sass --no-unicode --verbose bad/thumbs.scss:out/t.css bad/cuffs.scss:out/c.css "
              "bad/points.scss:out/p.css bad/welts.scss:out/w.css gussets.scss:out/g.css; echo EXIT=$?")


def less_step(tmp: Path) -> None:
    d = tmp / "glovers" / "less"
    cap("lessc-lint-all", 'for f in *.less; do echo "== $f"; lessc --lint --no-color "$f"; done 2>&1', d, n_lessc_lint,
        typed='for f in *.less; do echo "== $f"; npx lessc --lint --no-color "$f"; done')
    cap("lessc-lint-tranks-quirks", 'for f in tranks.less quirks.less welts.less; do echo "== $f"; lessc --lint --no-color "$f"; done 2>&1',
        d, n_lessc_lint, typed='for f in tranks.less quirks.less welts.less; do echo "== $f"; npx lessc --lint --no-color "$f"; done')
    cap("lessc-lint-fourchettes-cuffs", 'for f in fourchettes.less cuffs.less thumbs.less; do echo "== $f"; lessc --lint "$f"; done 2>&1',
        d, n_lessc_lint, typed='for f in fourchettes.less cuffs.less thumbs.less; do echo "== $f"; npx lessc --lint "$f"; done')
    cap("lessc-compile-all", 'for f in *.less; do echo "== $f"; lessc --no-color "$f" > /dev/null; done 2>&1', d, n_lessc,
        typed='for f in *.less; do echo "== $f"; npx lessc --no-color "$f" > /dev/null; done')


def coffee_step(tmp: Path) -> None:
    d = tmp / "glovers" / "coffee"
    cap("coffee-c-cutting", "for f in cutting/*.coffee; do coffee -c -o build $f; done 2>&1", d, n_coffee,
        typed="for f in cutting/*.coffee; do npx coffee -c -o build $f; done")
    cap("coffee-p-tranks-quirks", "coffee -p cutting/tranks.coffee cutting/glovers.coffee 2>&1; "
        "coffee -p cutting/quirks.coffee 2>&1", d, n_coffee,
        typed="npx coffee -p cutting/tranks.coffee cutting/glovers.coffee; npx coffee -p cutting/quirks.coffee")
    cap("coffee-c-ledgers", "for f in ledgers/*.coffee; do coffee -c -o build $f; done 2>&1", d, n_coffee,
        typed="for f in ledgers/*.coffee; do npx coffee -c -o build $f; done")
    cap("coffee-p-ledgers-points-welts", "coffee -p ledgers/ada.coffee ledgers/cleo.coffee ledgers/elsie.coffee 2>&1; "
        "coffee -c -o build ledgers 2>&1; echo EXIT=$?; coffee -c -o build cutting/points.coffee 2>&1; "
        "coffee -c -o build cutting/welts.coffee 2>&1; echo EXIT=$?", d, n_coffee,
        typed="npx coffee -p ledgers/ada.coffee ledgers/cleo.coffee ledgers/elsie.coffee; "
              "npx coffee -c -o build ledgers; echo EXIT=$?; npx coffee -c -o build cutting/points.coffee; "
              "npx coffee -c -o build cutting/welts.coffee; echo EXIT=$?")
    cap("coffee-run-glovers", "coffee cutting/run.coffee 2>&1; echo EXIT=$?", d, n_coffee,
        typed="npx coffee cutting/run.coffee; echo EXIT=$?")
    cap("coffeelint-table", "coffeelint lint/table.coffee 2>&1", d, n_coffeelint, typed="npx coffeelint lint/table.coffee")
    cap("coffeelint-cutting", "coffeelint lint/cutting.coffee 2>&1", d, n_coffeelint,
        typed="npx coffeelint lint/cutting.coffee")
    cap("coffeelint-all", "coffeelint lint cutting 2>&1", d, n_coffeelint, typed="npx coffeelint lint cutting")
    cap("coffeelint-ledger", "coffeelint lint/ledger.coffee ledgers/ada.coffee 2>&1", d, n_coffeelint,
        typed="npx coffeelint lint/ledger.coffee ledgers/ada.coffee")
    cap("coffeelint-csv-cutting", "coffeelint --reporter csv lint/cutting.coffee cutting/glovers.coffee 2>&1", d,
        n_coffeelint_csv, typed="npx coffeelint --reporter csv lint/cutting.coffee cutting/glovers.coffee")
    cap("coffeelint-csv-ledger", "coffeelint --reporter csv lint/ledger.coffee 2>&1", d, n_coffeelint_csv,
        typed="npx coffeelint --reporter csv lint/ledger.coffee")
    cap("coffeelint-csv-table-tranks", "coffeelint --reporter csv lint/table.coffee cutting/tranks.coffee 2>&1", d,
        n_coffeelint_csv, typed="npx coffeelint --reporter csv lint/table.coffee cutting/tranks.coffee")


def flow_step(tmp: Path) -> None:
    """flow 0.336's `check` asks a server (starting one if none runs over the root); the first item starts it cold
    (its launch lines are part of the output), the others find it running; every server is stopped after."""
    g = tmp / "glovers"

    def warm(name: str) -> None:
        cm.run("flow start --wait >/dev/null 2>&1", cwd=g / name, timeout=300)

    def stop(name: str) -> None:
        cm.run("flow stop >/dev/null 2>&1", cwd=g / name, timeout=120)

    cap("flow-check-small-cold", "flow check 2>&1", g / "flow-small", n_flow, timeout=300, typed="npx flow check")
    cap("flow-json-small", "flow check --json --pretty 2>&1", g / "flow-small", n_flow_json, timeout=300,
        typed="npx flow check --json --pretty")
    stop("flow-small")
    warm("flow-mid")
    cap("flow-check-mid", "flow check 2>&1", g / "flow-mid", n_flow, timeout=300, typed="npx flow check")
    cap("flow-check-mid-warnings", "flow check --include-warnings --show-all-errors 2>&1", g / "flow-mid", n_flow,
        timeout=300, typed="npx flow check --include-warnings --show-all-errors")
    cap("flow-json-mid", "flow check --json --pretty --include-warnings 2>&1", g / "flow-mid", n_flow_json,
        timeout=300, typed="npx flow check --json --pretty --include-warnings")
    stop("flow-mid")
    warm("flow-big")
    cap("flow-check-big", "flow check 2>&1 | tail -n 400", g / "flow-big", n_flow, timeout=300,
        typed="npx flow check 2>&1 | tail -n 400")
    cap("flow-check-big-warnings-head", "flow check --include-warnings 2>&1 | head -n 500", g / "flow-big", n_flow,
        timeout=300, typed="npx flow check --include-warnings 2>&1 | head -n 500")
    stop("flow-big")
    warm("flow-clean")
    cap("flow-check-clean-lints", "flow check --include-warnings; echo EXIT=$?", g / "flow-clean", n_flow,
        timeout=300, typed="npx flow check --include-warnings; echo EXIT=$?")
    cap("flow-json-clean", "flow check --json --pretty --include-warnings 2>&1", g / "flow-clean", n_flow_json,
        timeout=300, typed="npx flow check --json --pretty --include-warnings")
    stop("flow-clean")


def html_step(tmp: Path) -> None:
    h = tmp / "glovers" / "html"
    cap("hv-json-index", "html-validate -f json pages/index.html | jq .", h, n_hv_json,
        typed="npx html-validate -f json pages/index.html | jq .")
    cap("hv-json-pieces-about", "html-validate -f json pages/pieces.html pages/about.html | jq .", h, n_hv_json,
        typed="npx html-validate -f json pages/pieces.html pages/about.html | jq .")
    cap("hv-json-ledger", "html-validate -f json=report.json pages/ledger.html; jq . report.json", h, n_hv_json,
        typed="npx html-validate -f json=report.json pages/ledger.html; jq . report.json")
    cap("hv-codeframe-index", "html-validate -f codeframe pages/index.html pages/about.html 2>&1", h, n_hv_codeframe,
        typed="npx html-validate -f codeframe pages/index.html pages/about.html")
    cap("hv-codeframe-pieces", "html-validate -f codeframe pages/pieces.html 2>&1", h, n_hv_codeframe,
        typed="npx html-validate -f codeframe pages/pieces.html")
    cap("hv-codeframe-ledger", "html-validate -f codeframe pages/ledger.html 2>&1 | tail -n 600", h, n_hv_codeframe,
        typed="npx html-validate -f codeframe pages/ledger.html 2>&1 | tail -n 600")


def pug_stylus_postcss_step(tmp: Path) -> None:
    g = tmp / "glovers"
    p = g / "pug"
    cap("pug-views-each", "for f in views/*.pug; do pug -o out $f; done 2>&1", p, n_pug,
        typed="for f in views/*.pug; do npx pug -o out $f; done")
    cap("pug-tranks-fourchettes", "pug -P -o out views/tranks.pug 2>&1; pug -P -o out views/fourchettes.pug 2>&1", p,
        n_pug, typed="npx pug -P -o out views/tranks.pug; npx pug -P -o out views/fourchettes.pug")
    cap("pug-quirks-glovers", "pug -o out -O '{}' views/quirks.pug 2>&1; pug -o out views/glovers.pug 2>&1; "
        "pug -o out views/gussets.pug 2>&1", p, n_pug,
        typed="npx pug -o out -O '{}' views/quirks.pug; npx pug -o out views/glovers.pug; npx pug -o out views/gussets.pug")
    s = g / "stylus"
    cap("stylus-print-broken-mixins", "stylus --print themes/broken.styl 2>&1; stylus --print themes/mixins.styl 2>&1",
        s, n_stylus, typed="npx stylus --print themes/broken.styl; npx stylus --print themes/mixins.styl")
    cap("stylus-out-themes", "stylus -o out themes 2>&1", s, n_stylus, typed="npx stylus -o out themes")
    c = g / "postcss"
    cap("postcss-glove-sizes", "postcss css/tranks.css -o out/tranks.css 2>&1; postcss css/gussets.css -o "
        "out/gussets.css 2>&1; echo EXIT=$?", c, n_postcss,
        typed="npx postcss css/tranks.css -o out/tranks.css; npx postcss css/gussets.css -o out/gussets.css; echo EXIT=$?")
    cap("postcss-glove-sizes-linings", "postcss css/linings.css -o out/linings.css 2>&1; postcss css/gussets.css "
        "css/tranks.css -d out 2>&1; echo EXIT=$?", c, n_postcss,
        typed="npx postcss css/linings.css -o out/linings.css; npx postcss css/gussets.css css/tranks.css -d out; "
              "echo EXIT=$?")


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))
    out = Path(sys.argv[sys.argv.index("--out") + 1]) if "--out" in sys.argv else DEFAULT_OUT
    drop_and_check(out)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide797", sys.modules["__main__"])
    main()
