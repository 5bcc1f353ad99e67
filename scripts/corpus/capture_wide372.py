#!/usr/bin/env python3
"""Capture round 372 of the compression corpus: front-end web-app build and check tools from npm, twelve kinds new to
the corpus (lightningcss, stylus, cleancss -d, quick-lint-js, dpdm, tsd, sherif, lit-analyzer, Eleventy's build,
source-map-explorer --tsv, rsbuild build, browserslist), run offline on `stringhall`, a marionette theatre's small web
app written here with real faults put in. The needle rules are NEEDLES.md's "Round 372", fixed before capture and
applied by the extractors below. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide372.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide372.json  as {"version": 2, "items": [...]}, ids prefixed "wide372-".
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide372-"
DEFAULT_OUT = HERE / "data" / "wide372.json"
TMP = Path(os.environ.get("HM_WIDE372_TMP", "/dev/shm/hm-corpus-wide372-run"))
TOOLS = Path(os.environ.get("HM_WIDE372_TOOLS", "/dev/shm/hm-corpus-wide372/tools"))
NPM_PACKAGES = ["lightningcss-cli@1.33.0", "stylus@0.64.0", "clean-css-cli@5.6.3", "quick-lint-js@3.2.0",
                "dpdm@4.3.0", "tsd@0.33.0", "sherif@1.13.0", "lit-analyzer@2.0.3", "lit@3.3.3", "typescript@6.0.3",
                "source-map-explorer@2.5.3", "esbuild@0.28.2", "browserslist@4.29.6", "@11ty/eleventy@3.1.8",
                "@rsbuild/core@2.3.2"]

_SIZED = cm.Sized(400, 120_000)
add, cap = _SIZED.add, _SIZED.cap

# ------------------------------------------------------------------ the common rule (rules 1+3)

ERR = re.compile(r"(?i)\b(error|errors|fatal|failed|failure|exception|panic)\b|[✖✗×⨯]")
WARN = re.compile(r"(?i)\bwarn(ing)?s?\b|⚠")
LOC = re.compile(r"[\w./@~-]+\.[A-Za-z]{1,6}:\d+(?::\d+)?|\(\d+:\d+\)|(?i:\bline \d+)")
PATH = re.compile(r"(?:\.{0,2}/)?[\w@~-][\w./@~-]*\.[A-Za-z]{1,6}\b")
BARE = re.compile(r"^\s*(?:\.{0,2}/)?[\w@~.-]+(?:/[\w@~.-]+)*\.[A-Za-z]{1,6}(?::\d+(?::\d+)?)?\s*$")
SUMMARY = re.compile(r"(?i)\b(done|built|build|compiled|found|problems?|issues?|errors?|warnings?|total|success|wrote"
                     r"|complete)\b")
QUOTED = re.compile(r"\"[^\"]*\"|'[^']*'|`[^`]*`|‘[^’]*’|“[^”]*”")


def shape(line: str) -> str:
    """A line with locations, quoted strings and free-standing numbers blanked (codes like E0057 are kept)."""
    s = LOC.sub("L", line)
    s = QUOTED.sub("Q", s)
    s = re.sub(r"(?<![\w.])\d+(?:\.\d+)?(?![\w.])", "N", s)
    return " ".join(s.split())


def common(lines: list[str]) -> list:
    """Error lines (+ the next location within six), warning lines one any per (shape, file), the summary."""
    out: list = []
    groups: dict[tuple[str, str], list[str]] = {}
    last_file = ""
    for i, ln in enumerate(lines):
        if BARE.match(ln):
            last_file = ln.strip()
        if ERR.search(ln):
            out.append(ln)
            if not LOC.search(ln):
                for k in range(i + 1, min(len(lines), i + 7)):
                    if LOC.search(lines[k]):
                        out.append(lines[k])
                        break
        elif WARN.search(ln):
            m = PATH.search(ln)
            groups.setdefault((shape(ln), m.group(0) if m else last_file), []).append(ln)
    out += [{"any": g} for g in groups.values()]
    tail = [ln for ln in lines if ln.strip()][-15:]
    summ = [ln for ln in tail if SUMMARY.search(ln)]
    if summ:
        out.append(summ[-1])
    return out


# ------------------------------------------------------------------ the kinds' own values


@cm.kind("lightningcss", "build")
def n_lightningcss(lines):
    """The common rule; every line opening an at-rule block (starts with `@`, ends `{`)."""
    return common(lines) + [ln for ln in lines if ln.lstrip().startswith("@") and ln.rstrip().endswith("{")]


@cm.kind("stylus", "build")
def n_stylus(lines):
    """The common rule; every `.styl:L:C` location line, its context's marked line and the message after the context."""
    out = common(lines)
    for i, ln in enumerate(lines):
        if not re.search(r"\.styl:\d+:\d+\s*$", ln):
            continue
        out.append(ln)
        for j in range(i + 1, min(len(lines), i + 30)):
            s = lines[j]
            if re.match(r"\s*-+\^", s):
                if j > i + 1:
                    out.append(lines[j - 1])
                continue
            if re.match(r"\s*>?\s*\d+\|", s):
                if re.match(r"\s*>", s):
                    out.append(s)
                continue
            if not s.strip():
                continue
            out.append(s)
            break
    return out


@cm.kind("cleancss", "build")
def n_cleancss(lines):
    """The common rule; every `Original:`, `Minified:`, `Efficiency:` and `Time spent:` line."""
    return common(lines) + [ln for ln in lines if re.search(r"\b(Original|Minified|Efficiency|Time spent):", ln)]


@cm.kind("quick-lint-js", "lint")
def n_quick_lint(lines):
    """The common rule: every `error:` line; `warning:` lines one any per (shape with its [E0NNN] code, file)."""
    return common(lines)


@cm.kind("dpdm", "lint")
def n_dpdm(lines):
    """The common rule; every `•` section header, every numbered circular chain, Warnings-section lines one any per shape."""
    out = common(lines)
    section = ""
    groups: dict[str, list[str]] = {}
    for ln in lines:
        s = ln.strip()
        if s.startswith("•"):
            out.append(ln)
            section = s
            continue
        if re.match(r"\d+\)\s.*->", s):
            out.append(ln)
        elif "Warning" in section and re.match(r"\d+\)", s):
            groups.setdefault(shape(PATH.sub("P", s)), []).append(ln)
    return out + [{"any": g} for g in groups.values()]


@cm.kind("tsd", "test")
def n_tsd(lines):
    """The common rule (every `✖` line, the `N errors` line); every bare file path line above a group of `✖` lines."""
    out = common(lines)
    for i, ln in enumerate(lines):
        if BARE.match(ln):
            nxt = [s for s in lines[i + 1:i + 4] if s.strip()]
            if nxt and "✖" in nxt[0]:
                out.append(ln)
    return out


SHERIF_RULES = ("empty-dependencies", "multiple-dependency-versions", "non-existant-packages",
                "packages-without-package-json", "root-package-dependencies", "root-package-manager-field",
                "root-package-private-field", "types-in-dependencies", "unordered-dependencies",
                "unsync-similar-dependencies")


@cm.kind("sherif", "lint")
def n_sherif(lines):
    """The common rule; every line holding one of sherif's rule names."""
    return common(lines) + [ln for ln in lines if any(r in ln for r in SHERIF_RULES)]


@cm.kind("lit-analyzer", "lint")
def n_lit_analyzer(lines):
    """The common rule; finding lines under each file line one any per (shape, file); the closing problems line."""
    out = common(lines)
    groups: dict[tuple[str, str], list[str]] = {}
    cur = ""
    for ln in lines:
        s = ln.strip()
        if re.match(r"[✖✔]", s):
            cur = ""
            if re.search(r"\d+ problems?", s):
                out.append(ln)
            continue
        if BARE.match(ln):
            cur = s
            continue
        if not cur or not s or re.match(r"\d+:", s) or re.fullmatch(r"[~^\s]+", s):
            continue
        groups.setdefault((shape(s), cur), []).append(ln)
    return out + [{"any": g} for g in groups.values()]


@cm.kind("eleventy-build", "build")
def n_eleventy(lines):
    """The common rule; the `Wrote`/`Copied` lines; rule 4 on `Writing X from Y (engine)` rows (rare engines, first, last)."""
    out = common(lines) + [ln for ln in lines if re.search(r"\[11ty\] (Wrote|Copied) ", ln)]
    rows = []
    for ln in lines:
        m = re.search(r"\[11ty\] Writing \S+ from \S+(?: \(([^)]*)\))?", ln)
        if m:
            rows.append((ln, m.group(1) or ""))
    if rows:
        out += [rows[0][0], rows[-1][0]]
        counts = Counter(e for _, e in rows)
        if counts.most_common(1)[0][1] * 2 >= len(rows):
            out += [ln for ln, e in rows if counts[e] <= 2]
    return out


@cm.kind("source-map-explorer-tsv", "table")
def n_sme_tsv(lines):
    """The common rule; the `Source Size` header, the rows of the largest and smallest size, every `[…]` pseudo-source row."""
    out = common(lines)
    rows = []
    for ln in lines:
        if re.match(r"Source\tSize", ln):
            out.append(ln)
            continue
        m = re.match(r"(.*)\t(\d+)$", ln)
        if m:
            rows.append((int(m.group(2)), ln))
            if m.group(1).startswith("["):
                out.append(ln)
    if rows:
        out += [max(rows)[1], min(rows)[1]]
    return out


UNITS = {"B": 1, "kB": 1000, "KB": 1000, "KiB": 1024, "MB": 1000_000, "MiB": 1 << 20}


@cm.kind("rsbuild-build", "build")
def n_rsbuild(lines):
    """The common rule; the size table's header, its `Total:` line, the rows of the largest and smallest Size."""
    out = common(lines)
    rows = []
    for ln in lines:
        if re.search(r"File \(.*\)\s+Size", ln) or re.search(r"\bTotal:", ln):
            out.append(ln)
            continue
        m = re.match(r"\s*(\S+\.\w+)\s+([\d.]+) (B|kB|KB|KiB|MB|MiB)\b", ln)
        if m:
            rows.append((float(m.group(2)) * UNITS[m.group(3)], ln))
    if rows:
        out += [max(rows)[1], min(rows)[1]]
    return out


@cm.kind("browserslist", "listing")
def n_browserslist(lines):
    """The common rule; every coverage line (`These browsers account for`, `%` lines); each browser name's first line."""
    out = common(lines) + [ln for ln in lines if "These browsers account for" in ln or "%" in ln]
    seen = set()
    for ln in lines:
        m = re.match(r"([a-z_]+) [\w.\-]+$", ln.strip())
        if m and m.group(1) not in seen:
            seen.add(m.group(1))
            out.append(ln)
    return out


# ------------------------------------------------------------------ material: stringhall, a marionette theatre's app

SHOWS = ["Pinocchio", "The Tempest", "Punch and Judy", "Sleeping Beauty", "The Nutcracker", "Don Giovanni",
         "Faust", "The Snow Queen", "Hansel and Gretel", "Peer Gynt", "The Magic Flute", "Petrushka"]
PUPPETS = ["jester", "harlequin", "columbine", "pierrot", "witch", "king", "dragon", "mermaid", "sailor", "owl",
           "fox", "giant"]


def slug(i: int) -> str:
    return f"{PUPPETS[i % len(PUPPETS)]}-{i:02d}"


def tool_env() -> dict:
    return {"PATH": f"{TOOLS / 'node_modules' / '.bin'}:{os.environ.get('PATH', '')}", "NODE_OPTIONS": None}


def app_dir(tmp: Path, name: str) -> Path:
    d = tmp / name
    d.mkdir(parents=True, exist_ok=True)
    nm = d / "node_modules"
    if not nm.exists():
        nm.symlink_to(TOOLS / "node_modules")
    return d


def run_cap(item_id: str, command: str, cwd: Path, extractor, timeout: int = 300) -> None:
    cap(item_id, command, cwd, extractor, timeout=timeout, env=tool_env())


# --- CSS for lightningcss and clean-css

def gen_css(n: int, faults: bool, start: int = 0) -> str:
    out = [":root {\n  --curtain: oklch(45% 0.18 25);\n  --stage-floor: #3b2a1a;\n}\n"]
    for i in range(start, start + n):
        s = slug(i)
        out.append(f".puppet-{s} {{\n  display: flex;\n  user-select: none;\n  backdrop-filter: blur({i % 5 + 1}px);\n"
                   f"  color: lab(52% {i % 40} -{i % 30});\n  & .strings {{\n    inset-inline: {i % 7}px;\n"
                   f"    transition: transform {100 + i * 10}ms ease;\n  }}\n}}\n")
        if i % 3 == 0:
            out.append(f"@media (width >= {480 + i * 16}px) {{\n  .stage-{s} {{\n    grid-template-columns: "
                       f"repeat({i % 6 + 2}, 1fr);\n    mask-image: linear-gradient(black, transparent);\n  }}\n}}\n")
        if i % 4 == 1:
            out.append(f"@supports (display: grid) {{\n  .seat-row-{i} {{\n    display: grid;\n"
                       f"    text-size-adjust: none;\n  }}\n}}\n")
        if i % 5 == 2:
            out.append(f"@keyframes sway-{s} {{\n  from {{ transform: rotate(-{i % 9}deg); }}\n"
                       f"  to {{ transform: rotate({i % 9}deg); }}\n}}\n")
        if faults and i % 7 == 3:
            out.append(f".curtain-{s} {{\n  width: calc(100% - );\n  color: #zz{i:02d};\n  margin: 4px !importnt;\n}}\n")
        if faults and i % 11 == 5:
            out.append(f"@media screen and ( {{\n  .box-{i} {{ color: red; }}\n}}\n")
        if faults and i % 13 == 8:
            out.append(f".lobby-{i} {{ background: url(lobby.png) no-repeat;; }} }}\n")
    return "".join(out)


def cap_lightningcss(tmp: Path) -> None:
    d = app_dir(tmp, "lightning")
    (d / "theatre.css").write_text(gen_css(40, False))
    (d / "booking.css").write_text(gen_css(25, True, 40))
    (d / "foyer.css").write_text(gen_css(90, True, 100))
    (d / "auditorium.css").write_text(gen_css(190, True, 300))
    (d / "repertoire.css").write_text(gen_css(200, False, 500))
    (d / "main.css").write_text('@import "theatre.css";\n@import "seating/plan.css";\n@import "booking.css";\n'
                                + gen_css(6, False, 200))
    run_cap("lightningcss-targets-theatre", "lightningcss --targets '>= 0.25%' theatre.css", d, n_lightningcss)
    run_cap("lightningcss-recovery-booking", "lightningcss --error-recovery --targets 'defaults' booking.css", d,
            n_lightningcss)
    run_cap("lightningcss-booking", "lightningcss --targets 'defaults' booking.css", d, n_lightningcss)
    run_cap("lightningcss-recovery-foyer", "lightningcss --error-recovery --targets 'safari 12, chrome 80' foyer.css",
            d, n_lightningcss)
    run_cap("lightningcss-recovery-auditorium", "lightningcss --error-recovery --targets 'ie 11, safari 10' "
            "auditorium.css", d, n_lightningcss)
    run_cap("lightningcss-targets-repertoire", "lightningcss --targets 'chrome 70, firefox 68, safari 12' "
            "repertoire.css", d, n_lightningcss)
    run_cap("lightningcss-bundle-main", "lightningcss --bundle --error-recovery --targets 'defaults' main.css", d,
            n_lightningcss)


def cap_cleancss(tmp: Path) -> None:
    d = app_dir(tmp, "cleancss")
    (d / "css").mkdir(exist_ok=True)
    (d / "css" / "stage.css").write_text(gen_css(30, True).replace("& .strings", ".strings"))
    (d / "css" / "seats.css").write_text('@import url(fonts/marionette.css);\n' + gen_css(60, True, 30)
                                         .replace("& .strings", ".strings") + "\n.foyer { color: red;\n")
    (d / "css" / "lobby.css").write_text(gen_css(8, True, 100).replace("& .strings", ".strings?"))
    run_cap("cleancss-debug-stage", "cleancss -d -O2 --format beautify css/stage.css", d, n_cleancss)
    run_cap("cleancss-debug-seats", "cleancss -d -O1 --format beautify css/seats.css", d, n_cleancss)
    run_cap("cleancss-debug-all", "cleancss -d -O2 -o dist/all.min.css css/lobby.css css/stage.css css/seats.css && "
            "wc -c dist/all.min.css", d, n_cleancss)


# --- Stylus

def gen_styl(n: int, fault: str) -> str:
    out = ["curtain = #8b1e2d\nfloor = #3b2a1a\n\nstrings(len)\n  if len > 12\n"
           "    warn('marionette strings longer than 12 units: ' + len)\n  height unit(len * 8, 'px')\n"
           "  border-top 1px dashed floor\n\n"]
    if fault == "error":
        out.append("tension(t)\n  if t > 5\n    error('string tension ' + t + ' would snap the control bar')\n"
                   "  stroke-width t\n\n")
    for i in range(n):
        s = slug(i)
        out.append(f".puppet-{s}\n  color darken(curtain, {i % 30}%)\n  strings({i % 16})\n"
                   f"  transition transform {100 + i * 10}ms\n")
        if fault == "error" and i == n - 3:
            out.append(f"  tension({i % 4 + 6})\n")
        out.append(f"  .hands\n    margin {i % 5}px auto\n\n")
        if fault == "paren" and i == n // 2:
            out.append(f".stage-{s}\n  width calc(100% - {i}px\n  padding (2px 4px\n\n")
    return "".join(out)


def cap_stylus(tmp: Path) -> None:
    d = app_dir(tmp, "stylus")
    (d / "hall.styl").write_text(gen_styl(30, ""))
    (d / "broken.styl").write_text(gen_styl(20, "paren"))
    (d / "tension.styl").write_text(gen_styl(45, "error"))
    sd = d / "styles"
    sd.mkdir(exist_ok=True)
    for k in range(14):
        body = gen_styl(6 + k, "")
        if k == 9:
            body = '@import "partials/lighting-rig"\n' + body
        (sd / f"act-{k:02d}.styl").write_text(body)
    run_cap("stylus-print-hall", "stylus --print hall.styl", d, n_stylus)
    run_cap("stylus-print-broken", "stylus --print broken.styl", d, n_stylus)
    run_cap("stylus-print-tension", "stylus --print tension.styl", d, n_stylus)
    run_cap("stylus-out-dir", "stylus -o out styles", d, n_stylus)


# --- quick-lint-js

QLJS_BODY = """
const TICKET_PRICE_%(i)d = %(p)d;
let seatsLeft%(i)d = %(s)d;

export function book%(i)d(show, seats) {
  if (seats > seatsLeft%(i)d) {
    return { ok: false, reason: "sold out" };
  }
  seatsLeft%(i)d -= seats;
  %(fault)s
  return { ok: true, total: seats * TICKET_PRICE_%(i)d };
}

export function listPuppets%(i)d(show) {
  return show.puppets.map((p) => p.name + " (" + p.strings + " strings)");
}
"""

QLJS_FAULTS = ["TICKET_PRICE_%(i)d = 0;", "console.log(bookedBy);", "let seats = 1;", "await notifyBoxOffice(show);",
               "if (show.title = 'Faust') { seatsLeft%(i)d++ }", "const x = {a: 1 b: 2};", "",
               "return;\n  seatsLeft%(i)d += 0;", "delete seats;", "for (const p in show.puppets) p = null;"]


def gen_js(i: int, nfuncs: int) -> str:
    parts = []
    for k in range(nfuncs):
        j = i * 100 + k
        fault = QLJS_FAULTS[(i + k) % len(QLJS_FAULTS)] % {"i": j}
        parts.append(QLJS_BODY % {"i": j, "p": 8 + j % 20, "s": 40 + j % 90, "fault": fault})
    return "".join(parts)


def cap_quick_lint(tmp: Path) -> None:
    d = app_dir(tmp, "qljs")
    (d / "src").mkdir(exist_ok=True)
    for i in range(30):
        (d / "src" / f"{PUPPETS[i % 12]}-{i:02d}.js").write_text(gen_js(i, 3 + i % 4))
    run_cap("quick-lint-js-one", "quick-lint-js src/jester-00.js src/harlequin-01.js", d, n_quick_lint)
    run_cap("quick-lint-js-ten", "quick-lint-js src/*-0*.js", d, n_quick_lint)
    run_cap("quick-lint-js-all", "quick-lint-js src/*.js", d, n_quick_lint)


# --- dpdm: a TypeScript tree with circular imports

def gen_ts_tree(root: Path, n: int, missing: bool) -> None:
    src = root / "src"
    (src / "shows").mkdir(parents=True, exist_ok=True)
    (src / "booking").mkdir(parents=True, exist_ok=True)
    mods = [f"shows/{slug(i)}" if i % 2 else f"booking/{slug(i)}" for i in range(n)]
    main = [f"import {{ run{i} }} from './{m}';" for i, m in enumerate(mods[: max(3, n // 3)])]
    main.append("export const ready = [" + ", ".join(f"run{i}" for i in range(max(3, n // 3))) + "];")
    (src / "main.ts").write_text("\n".join(main) + "\n")
    (src / "types.ts").write_text("import type { Stage } from './stage';\nexport interface Seat { row: number; "
                                  "col: number }\nexport type Layout = Stage[];\n")
    (src / "stage.ts").write_text("import { Seat } from './types';\nexport interface Stage { seats: Seat[] }\n"
                                  "export const EMPTY: Stage = { seats: [] };\n")
    for i, m in enumerate(mods):
        depth = m.count("/")
        up = "../" * depth
        imps = [f"import {{ EMPTY }} from '{up}stage';", f"import type {{ Seat }} from '{up}types';"]
        used = []
        for dj in (1, 3):
            if i + dj < n:
                imps.append(f"import {{ run{i + dj} }} from '{up}{mods[i + dj]}';")
                used.append(f"run{i + dj}")
        if i % 5 == 4:
            imps.append(f"import {{ run{i - 4} }} from '{up}{mods[i - 4]}';")
            used.append(f"run{i - 4}")
        if missing and i % 6 == 2:
            imps.append(f"import {{ legacyTill }} from '{up}legacy/ticketing-{i}';")
        if i % 4 == 0:
            imps.append("import { html } from 'lit';")
        body = (f"export function run{i}(s: Seat): number {{ return EMPTY.seats.length + s.row + {i}; }}\n"
                f"export const next{i} = [{', '.join(used)}];\n")
        (src / f"{m}.ts").write_text("\n".join(imps) + "\n" + body)


def cap_dpdm(tmp: Path) -> None:
    small, mid, big = app_dir(tmp, "dpdm-small"), app_dir(tmp, "dpdm-mid"), app_dir(tmp, "dpdm-big")
    gen_ts_tree(small, 10, True)
    gen_ts_tree(mid, 36, True)
    gen_ts_tree(big, 90, True)
    run_cap("dpdm-circular-small", "dpdm --no-tree --circular --warning src/main.ts", small, n_dpdm)
    run_cap("dpdm-full-mid", "dpdm src/main.ts", mid, n_dpdm)
    run_cap("dpdm-transform-mid", "dpdm -T --no-tree --circular --warning src/main.ts", mid, n_dpdm)
    run_cap("dpdm-glob-big", "dpdm --no-tree --circular --warning 'src/**/*.ts'", big, n_dpdm)


# --- tsd

TSD_DTS = """
export interface Marionette { name: string; strings: number; controlBar: 'paddle' | 'airplane' | 'vertical' }
export interface Performance { show: string; date: Date; seatsSold: number }
export declare function stringCount(m: Marionette): number;
export declare function schedule(show: string, date: Date): Performance;
export declare function seatsLeft(p: Performance, capacity?: number): number;
export declare function bySeats<T extends Performance>(items: T[]): T[];
export declare function findPuppet(name: string): Marionette | undefined;
"""


def gen_tsd_test(n: int) -> str:
    out = ["import { expectType, expectError, expectAssignable, expectNotType } from 'tsd';",
           "import { stringCount, schedule, seatsLeft, bySeats, findPuppet, Marionette, Performance } from '.';", ""]
    for i in range(n):
        p, s = PUPPETS[i % 12], SHOWS[i % 12]
        kind = i % 8
        if kind == 0:
            out.append(f"expectType<number>(stringCount({{ name: '{p}', strings: {i % 12}, controlBar: 'paddle' }}));")
        elif kind == 1:
            out.append(f"expectType<string>(stringCount({{ name: '{p}', strings: {i}, controlBar: 'paddle' }}));")
        elif kind == 2:
            out.append(f"expectType<Performance>(schedule('{s}', new Date({2026}, {i % 12}, 1)));")
        elif kind == 3:
            out.append(f"expectError(seatsLeft(schedule('{s}', new Date()), {40 + i}));")
        elif kind == 4:
            out.append(f"expectType<Marionette>(findPuppet('{p}'));")
        elif kind == 5:
            out.append(f"expectAssignable<Marionette>({{ name: '{p}', strings: '{i}', controlBar: 'rod' }});")
        elif kind == 6:
            out.append(f"expectNotType<number>(seatsLeft(schedule('{s}', new Date())));")
        else:
            out.append(f"expectType<Performance[]>(bySeats([schedule('{s}', new Date())]));")
    return "\n".join(out) + "\n"


def cap_tsd(tmp: Path) -> None:
    for n in (12, 60, 200, 560):
        d = app_dir(tmp, f"tsd-{n}")
        (d / "package.json").write_text(json.dumps({"name": f"stringhall-types-{n}", "version": "0.3.0",
                                                    "types": "index.d.ts"}, indent=2) + "\n")
        (d / "index.d.ts").write_text(TSD_DTS.lstrip())
        (d / "index.test-d.ts").write_text(gen_tsd_test(n))
        run_cap(f"tsd-{n}", "tsd", d, n_tsd)


# --- sherif: a workspace with drifting dependencies

def gen_workspace(root: Path, n: int) -> None:
    root.mkdir(parents=True, exist_ok=True)
    (root / "package.json").write_text(json.dumps({
        "name": "stringhall", "version": "1.0.0", "workspaces": ["packages/*"],
        "dependencies": {"lit": "^3.1.0"}, "devDependencies": {"typescript": "5.4.5"}}, indent=2) + "\n")
    vers = {"lit": ["^3.1.0", "^3.2.1", "^2.8.0"], "typescript": ["5.4.5", "^5.6.0", "~5.3.3"],
            "@lit/reactive-element": ["^2.0.4", "^1.6.3"], "date-fns": ["^3.6.0", "^2.30.0"],
            "@types/node": ["^20.11.0", "^22.1.0"]}
    for i in range(n):
        name = f"@stringhall/{slug(i)}"
        deps = {}
        for j, (dep, vs) in enumerate(vers.items()):
            if (i + j) % 3 != 2:
                deps[dep] = vs[(i * (j + 1)) % len(vs)]
        pkg = {"name": name, "version": f"0.{i}.0", "private": True, "dependencies": deps}
        if i % 4 == 1:
            pkg["dependencies"] = dict(sorted(deps.items(), reverse=True))
        if i % 5 == 3:
            pkg["devDependencies"] = {}
        if i % 6 == 0:
            pkg["dependencies"]["@stringhall/does-not-exist"] = "workspace:*"
        pd = root / "packages" / slug(i)
        pd.mkdir(parents=True, exist_ok=True)
        (pd / "package.json").write_text(json.dumps(pkg, indent=2) + "\n")
    (root / "packages" / "scenery-notes").mkdir(parents=True, exist_ok=True)
    (root / "packages" / "scenery-notes" / "README.md").write_text("# scenery notes\n")


def cap_sherif(tmp: Path) -> None:
    for n in (4, 14, 40):
        d = tmp / f"sherif-{n}"
        gen_workspace(d, n)
        run_cap(f"sherif-{n}", "sherif", d, n_sherif)


# --- lit-analyzer

LIT_ELEMENT = """
import { LitElement, html, css } from 'lit';
import { customElement, property } from 'lit/decorators.js';

@customElement('%(tag)s')
export class %(cls)s extends LitElement {
  static styles = css`:host { display: block; colr: red; }`;
  @property({ type: Number }) seats = 0;
  @property({ type: Boolean }) soldOut = false;
  @property({ attribute: false }) puppet: { name: string; strings: number } = { name: '%(p)s', strings: 9 };

  render() {
    return html`
      <section class="show">
        <h2>${this.puppet.name}</h2>
        %(body)s
      </section>
    `;
  }
}
"""

LIT_FAULTS = ["<seat-mapp .rows=${this.seats}></seat-mapp>", "<input type=\"number\" value=${this.puppet}>",
              "<show-card ?sold-out=\"${this.soldOut}\" seats=\"many\"></show-card>",
              "<button @click=${this.seats}>Book</button>", "<img src=${this.puppet.name}>",
              "<show-card .seats=${'twelve'}></show-card>", "<p>${this.puppet.strings}</p>",
              "<curtain-rail .open=${this.seats}></curtain-rail>", "<div class=${{ taken: this.soldOut }}></div>",
              "<marionette-stage puppet=${this.puppet}></marionette-stage>"]


def cap_lit(tmp: Path) -> None:
    for n, cmd in ((4, "lit-analyzer src"), (14, "lit-analyzer --format list src"), (30, "lit-analyzer --strict src")):
        d = app_dir(tmp, f"lit-{n}")
        (d / "tsconfig.json").write_text(json.dumps({"compilerOptions": {
            "target": "ES2021", "module": "ESNext", "moduleResolution": "bundler", "experimentalDecorators": True,
            "useDefineForClassFields": False, "strict": True, "lib": ["ES2021", "DOM"]}, "include": ["src"]},
            indent=2) + "\n")
        (d / "src").mkdir(exist_ok=True)
        for i in range(n):
            tag = "show-card" if i == 0 else f"puppet-{slug(i)}"
            cls = "ShowCard" if i == 0 else "Puppet" + "".join(w.title() for w in slug(i).split("-"))
            body = "\n        ".join(LIT_FAULTS[(i + k) % len(LIT_FAULTS)] for k in range(2 + i % 3))
            (d / "src" / f"{tag}.ts").write_text(LIT_ELEMENT.lstrip() % {"tag": tag, "cls": cls,
                                                                          "p": PUPPETS[i % 12], "body": body})
        run_cap(f"lit-analyzer-{n}", cmd, d, n_lit_analyzer)


# --- Eleventy

def gen_site(root: Path, n: int, fault: str) -> None:
    (root / "_includes").mkdir(parents=True, exist_ok=True)
    (root / "_includes" / "base.njk").write_text("<!doctype html><title>{{ title }}</title><main>{{ content | safe }}"
                                                 "</main>\n")
    (root / "shows").mkdir(exist_ok=True)
    for i in range(n):
        s = SHOWS[i % 12]
        (root / "shows" / f"{slug(i)}.md").write_text(
            f"---\nlayout: base.njk\ntitle: {s} ({i})\npuppets: {i % 9 + 2}\n---\n# {s}\n\n"
            f"Performed with {{{{ puppets }}}} marionettes, {i % 4 + 1} puppeteers on the bridge.\n")
    (root / "index.njk").write_text("---\nlayout: base.njk\ntitle: Stringhall\n---\n<ul>{% for p in collections.all %}"
                                    "<li>{{ p.url }}</li>{% endfor %}</ul>\n")
    (root / "seating.liquid").write_text("---\ntitle: Seating\n---\n{% for r in (1..12) %}<p>Row {{ r }}</p>{% endfor %}\n")
    (root / "feed.11ty.js").write_text("export default class { data() { return { permalink: '/feed.json' }; } "
                                       "render(d) { return JSON.stringify(d.collections.all.map(p => p.url)); } }\n")
    if fault == "filter":
        (root / "box-office.njk").write_text("---\nlayout: base.njk\ntitle: Box office\n---\n"
                                             "<p>{{ 'Faust' | seatcount }} seats left</p>\n")
    if fault == "liquid":
        (root / "programme.liquid").write_text("---\ntitle: Programme\n---\n{% for s in shows %}<p>{{ s.title }}</p>\n")


def cap_eleventy(tmp: Path) -> None:
    for n, fault in ((24, ""), (140, ""), (30, "filter"), (60, "liquid"), (600, "")):
        d = app_dir(tmp, f"site-{n}-{fault or 'ok'}")
        gen_site(d, n, fault)
        run_cap(f"eleventy-{n}-{fault or 'ok'}", "eleventy", d, n_eleventy)


# --- esbuild bundles for source-map-explorer

def gen_bundle_src(root: Path, n: int, vendor_kb: int) -> None:
    src = root / "src"
    (src / "vendor").mkdir(parents=True, exist_ok=True)
    rows = ",\n".join(f'  ["{chr(65 + r % 26)}{r // 26}", {r % 30}, {r % 7}]' for r in range(vendor_kb * 40))
    (src / "vendor" / "seatplan-data.js").write_text(f"export const SEATS = [\n{rows}\n];\n")
    imps = []
    for i in range(n):
        (src / f"{slug(i)}.js").write_text(
            f"import {{ SEATS }} from './vendor/seatplan-data.js';\nexport function show{i}() {{\n"
            f"  const free = SEATS.filter(s => s[2] === {i % 7});\n  return '{SHOWS[i % 12]}: ' + free.length;\n}}\n"
            + "".join(f"export const line{i}_{k} = '{PUPPETS[k % 12]} pulls string {k}';\n" for k in range(i % 9 * 3)))
        imps.append(f"import {{ show{i} }} from './{slug(i)}.js';")
    (src / "main.js").write_text("\n".join(imps) + "\nconsole.log([" + ",".join(f"show{i}()" for i in range(n))
                                 + "].join('\\n'));\n")


def cap_sme(tmp: Path) -> None:
    d = app_dir(tmp, "sme")
    gen_bundle_src(d, 40, 12)
    big = app_dir(tmp, "sme-big")
    gen_bundle_src(big, 160, 60)
    cm.run("esbuild src/main.js --bundle --sourcemap --outfile=dist/app.js", cwd=big, env=tool_env(), timeout=300)
    run_cap("sme-tsv-big", "source-map-explorer dist/app.js --tsv --no-border-checks", big, n_sme_tsv)
    cm.run("esbuild src/main.js --bundle --sourcemap --outfile=dist/app.js && "
           "esbuild src/main.js --bundle --minify --sourcemap --outfile=dist/app.min.js && "
           "esbuild src/main.js --bundle --sourcemap --outfile=dist/stale.js && "
           "esbuild src/jester-00.js --bundle --minify --sourcemap --outfile=dist/jester.js", cwd=d, env=tool_env(),
           timeout=300)
    stale = d / "dist" / "stale.js"
    stale.write_text("/* hot patch: intermission banner */\nwindow.__banner = 'Interval: 15 minutes';\n"
                     + stale.read_text())
    run_cap("sme-tsv-app", "source-map-explorer dist/app.js --tsv --no-border-checks", d, n_sme_tsv)
    run_cap("sme-tsv-min-only-mapped", "source-map-explorer dist/app.min.js --tsv --only-mapped --no-border-checks", d, n_sme_tsv)
    run_cap("sme-tsv-stale", "source-map-explorer dist/stale.js --tsv --no-border-checks", d, n_sme_tsv)
    run_cap("sme-tsv-all", "source-map-explorer 'dist/*.js' --tsv --no-border-checks", d, n_sme_tsv)


# --- rsbuild

def gen_rsbuild_app(root: Path, n: int, fault: str) -> None:
    src = root / "src"
    (src / "acts").mkdir(parents=True, exist_ok=True)
    (root / "package.json").write_text(json.dumps({"name": "stringhall-web", "private": True, "type": "module"}) + "\n")
    imps = []
    for i in range(n):
        extra = ""
        if fault == "import" and i % 9 == 4:
            extra = f"import {{ rig }} from '../lighting/rig-{i}';\nexport const lit{i} = rig;\n"
        if fault == "syntax" and i == n - 2:
            extra = "export const broken = (a, b => a + ;\n"
        (src / "acts" / f"{slug(i)}.ts").write_text(
            extra + f"export function act{i}(seats: number): string {{\n  return '{SHOWS[i % 12]} act {i}: ' + "
            f"seats.toString();\n}}\n" + "".join(f"export const cue{i}_{k} = '{PUPPETS[k % 12]} enters';\n"
                                                 for k in range(i * 3)))
        if i % 2:
            imps.append(f"import {{ act{i} }} from './acts/{slug(i)}';")
        else:
            imps.append(f"const act{i} = (n: number) => import('./acts/{slug(i)}').then((m) => m.act{i}(n));")
    (src / "index.css").write_text(gen_css(20, False).replace("& .strings", ".strings")
                                   + (".lobby { color: red;\n" if fault == "css" else ""))
    (src / "index.ts").write_text("import './index.css';\n" + "\n".join(imps) + "\ndocument.body.textContent = ["
                                  + ", ".join(f"act{i}(40)" for i in range(n)) + "].join(' | ');\n")
    (src / "lazy.ts").write_text("export const lazy = 1;\n")


def cap_rsbuild(tmp: Path) -> None:
    for n, fault in ((20, ""), (60, ""), (30, "import"), (24, "syntax")):
        d = app_dir(tmp, f"rsbuild-{n}-{fault or 'ok'}")
        gen_rsbuild_app(d, n, fault)
        run_cap(f"rsbuild-{n}-{fault or 'ok'}", "rsbuild build", d, n_rsbuild, timeout=400)


# --- browserslist

def cap_browserslist(tmp: Path) -> None:
    d = TOOLS
    run_cap("browserslist-broad", "browserslist '> 0.2%, last 2 versions, not dead'", d, n_browserslist)
    run_cap("browserslist-coverage", "browserslist --coverage 'defaults, not ie 11, not op_mini all' && "
            "browserslist 'defaults, not ie 11, not op_mini all'", d,
            n_browserslist)
    run_cap("browserslist-coverage-regions", "browserslist --coverage=US,DE,GB,JP,IN,BR,NG,FR,CN,RU,ID,MX,KR,TR,EG 'last 1 version, > 1%'", d,
            n_browserslist)
    run_cap("browserslist-all-versions", "browserslist 'last 6 versions, Firefox ESR, not op_mini all, > 0.05%'", d,
            n_browserslist)


STEPS = [cap_lightningcss, cap_cleancss, cap_stylus, cap_quick_lint, cap_dpdm, cap_tsd, cap_sherif, cap_lit,
         cap_eleventy, cap_sme, cap_rsbuild, cap_browserslist]


def ensure_tools() -> None:
    cm.install_npm(TOOLS, "@rsbuild", NPM_PACKAGES)
    cm.have("node", "node")


def steps() -> list:
    return STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide372", sys.modules["__main__"])
    main()
