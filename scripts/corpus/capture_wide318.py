#!/usr/bin/env python3
"""Capture round 318 of the compression corpus: engineering and creative tools run in batch mode from the shell
(Debian 12's Pure Data, Magic VLSI, GIMP's script-fu batch mode, admesh, gnucap, fig2dev, xschem, pcb-rnd; ezdxf's
`ezdxf audit` from PyPI in the round's venv) on inputs written here with faults put in (objects that do not exist,
layouts that break design rules, procedures called wrongly, broken meshes, faulty netlists, damaged drawings).
Every kind is new to the corpus; the extractors below apply NEEDLES.md's "Round 318" rules, fixed before capture.
Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide318.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide318.json  as {"version": 2, "items": [...]}, ids prefixed "wide318-".
"""

from __future__ import annotations

import math
import os
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_more import kind, run  # noqa: E402
from capture_wide224 import exit_lines, pick, shaped  # noqa: E402

ID_PREFIX = "wide318-"
DEFAULT_OUT = HERE / "data" / "wide318.json"
TMP = Path(os.environ.get("HM_WIDE318_TMP", "/dev/shm/hm-corpus-wide318"))
VENV = Path(os.environ.get("HM_WIDE318_VENV", "/dev/shm/hm-corpus-wide318-venv"))

MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap

# ------------------------------------------------------------------ the extractors (NEEDLES.md, "Round 318")

DIAG_RE = (r"error|Error|ERROR|fail|Fail|FAIL|fatal|couldn't|can't|cannot|Can't|Cannot|not found|No such|no such|"
           r"unknown|Unknown|invalid|Invalid|bad |Bad |overflow|CRITICAL|Traceback|Exception")
WARN_RE = r"warning|Warning|WARNING"


def diag(lines, quoted=None) -> list:
    """DIAG: error lines one by one (a shape on more than 3 lines as one {"any"}), warnings one {"any"} per shape,
    EXIT=. `quoted(lines, i)` may return a location line to add after an error line."""
    err, extra = [], []
    for i, ln in enumerate(lines):
        if re.search(DIAG_RE, ln):
            err.append(ln)
            if quoted:
                q = quoted(lines, i)
                if q:
                    extra.append(q)
    warn = [ln for ln in pick(lines, WARN_RE) if ln not in err]
    return shaped(err) + extra + cm.groups((cm.mask(ln), ln) for ln in warn) + exit_lines(lines)


@kind("pd-nogui-load", "log")
def n_pd_load(lines):
    """Rule 1 (DIAG): every error/couldn't/fail/unknown/bad/overflow line (a shape on >3 lines one {"any"}), warnings one {"any"} per shape, EXIT=."""
    return diag(lines)


@kind("pd-batch-print", "log")
def n_pd_print(lines):
    """Rule 1+5: DIAG, and per [print] label its first and last printed line."""
    first: dict[str, str] = {}
    last: dict[str, str] = {}
    for ln in lines:
        m = re.match(r"^([^:\s][^:]*):\s", ln)
        if m and not re.search(DIAG_RE + "|" + WARN_RE, m.group(1)) and not ln.startswith(("verbose(", "EXIT=")):
            first.setdefault(m.group(1), ln)
            last[m.group(1)] = ln
    out = []
    for k in first:
        out += [first[k], last[k]]
    return diag(lines) + out


@kind("magic-drc", "lint")
def n_magic_drc(lines):
    """Rule 1+3: DIAG, every `why` line naming a rule violated, every line holding DRC and a count."""
    why = [ln for ln in lines if re.search(r"\bmust\b|rule #|MOSIS rule", ln) and not ln.startswith("---")
           and not re.match(r"^\s*[-\d.]+\s+[-\d.]+\s+[-\d.]+\s+[-\d.]+\s*$", ln)]
    counts = [ln for ln in lines if "DRC" in ln and re.search(r"\d", ln)]
    return diag(lines) + why + counts


@kind("magic-extract", "build")
def n_magic_extract(lines):
    """Rule 1+3+5: DIAG, every line naming a .ext/.spice/.sim file, every line counting devices, nets, nodes or feedback."""
    files = [ln for ln in lines if re.search(r"\.(ext|spice|sim)\b", ln)]
    counts = [ln for ln in lines if re.search(r"\d+\s+(devices?|nets?|nodes?|feedback)|feedback", ln, re.I)]
    return diag(lines) + files + counts


def _listing(lines) -> list:
    """Rule 4 on a cat'ed bom/xy listing: header, rare categorical values, numeric extremes."""
    idx = [i for i, ln in enumerate(lines) if ln.count(",") >= 2 and not ln.startswith("#")]
    if len(idx) < 4:
        return []
    # the header: the last commented line with commas above the first row (pcb-rnd writes `# RefDes, …`)
    heads = [ln for ln in lines[:idx[0]] if ln.startswith("#") and ln.count(",") >= 2]
    body = [lines[i] for i in idx]
    hdr = heads[-1] if heads else body.pop(0)
    cells = [r.split(",") for r in body]
    out = [hdr]
    width = min(len(c) for c in cells)
    for j in range(width):
        vals = [c[j].strip() for c in cells]
        nums = []
        for v, r in zip(vals, body):
            try:
                nums.append((float(v.rstrip("m").rstrip("mil")), r))
            except ValueError:
                pass
        if len(nums) == len(vals):
            out += [min(nums)[1], max(nums)[1]]
            continue
        from collections import Counter
        c = Counter(vals)
        if c.most_common(1)[0][1] * 2 >= len(vals):
            out += [r for v, r in zip(vals, body) if c[v] <= 2]
    return out


@kind("pcb-rnd-export", "build")
def n_pcb_rnd(lines):
    """Rule 1+3+4: DIAG, every written/exported/saved line, rule 4 on a cat'ed bom/xy listing."""
    summ = pick(lines, r"written|exported|saved|Written|Exported|Saved")
    return diag(lines) + summ + _listing(lines)


@kind("xschem-netlist", "build")
def n_xschem(lines):
    """Rule 1+3: DIAG, every unconnected/short/duplicate/floating/open net or pin line, the line naming the netlist written."""
    nets = pick(lines, r"unconnected|[Ss]hort|[Dd]uplicate|floating|\bopen\b")
    written = pick(lines, r"netlist|Netlist")
    return diag(lines) + nets + [ln for ln in written if re.search(r"\.(spice|spi|cir|net|v|vhdl|tdx)\b|writ", ln)]


@kind("gimp-batch", "log")
def n_gimp(lines):
    """Rule 1+3+5: DIAG (GIMP-Error, batch execution errors, failed procedures), warnings one {"any"} per shape, every `batch command executed successfully` line and every script-fu message line, EXIT=."""
    ok = pick(lines, r"batch command executed successfully")
    msg = [ln for ln in pick(lines, r"^script-fu(-Warning)?:") if not re.search(DIAG_RE, ln)]
    return diag(lines) + ok + msg


ADMESH_STATS = (r"Number of facets|Number of parts|Volume|Degenerate facets|Edges fixed|Facets removed|Facets added|"
                r"Facets reversed|Backwards edges|Normals fixed|Min X|Max X|Min Y|Max Y|Min Z|Max Z|Size|Input file|"
                r"File type")


@kind("admesh-check", "table")
def n_admesh(lines):
    """Rule 1+5: DIAG, every statistics line (facets, parts, volume, degenerate, edges fixed, facets removed/added/reversed, backwards edges, normals fixed, min/max X Y Z, size, input file, file type)."""
    return diag(lines) + pick(lines, ADMESH_STATS)


def _gnucap_quoted(lines, i):
    for k in range(i + 1, min(len(lines), i + 3)):
        if lines[k].strip() and not re.search(DIAG_RE, lines[k]):
            if re.match(r"^\s*[A-Za-z.][\w.]*\s", lines[k]) or "^" in lines[k]:
                return lines[k]
    return None


@kind("gnucap-batch", "table")
def n_gnucap(lines):
    """Rule 1+4: DIAG with the netlist line quoted within 2, each `#` print table's header, first and last rows, each numeric column's min and max rows."""
    out: list = []
    i = 0
    while i < len(lines):
        if re.match(r"^#\w", lines[i]):
            hdr = lines[i]
            rows = []
            i += 1
            while i < len(lines) and re.match(r"^\s*[-+]?\d", lines[i]):
                rows.append(lines[i])
                i += 1
            out.append(hdr)
            if rows:
                out += [rows[0], rows[-1]]
                cols: dict[int, list] = {}
                for r in rows:
                    for j, tok in enumerate(r.split()[1:]):
                        v = _num(tok)
                        if v is not None:
                            cols.setdefault(j, []).append((v, r))
                for vals in cols.values():
                    out += [min(vals, key=lambda t: t[0])[1], max(vals, key=lambda t: t[0])[1]]
            continue
        i += 1
    return diag(lines, _gnucap_quoted) + out


SUFFIX = {"f": 1e-15, "p": 1e-12, "n": 1e-9, "u": 1e-6, "m": 1e-3, "K": 1e3, "Meg": 1e6, "G": 1e9}


def _num(tok: str):
    m = re.match(r"^([-+]?\d*\.?\d+(?:[eE][-+]?\d+)?)(f|p|n|u|m|K|Meg|G)?$", tok)
    if not m:
        return None
    return float(m.group(1)) * SUFFIX.get(m.group(2) or "", 1.0)


@kind("ezdxf-audit", "lint")
def n_ezdxf(lines):
    """Rule 1+3: DIAG, fix lines one {"any"} per shape, every count-of-errors/fixes or `No errors` line."""
    fixes = [ln for ln in pick(lines, r"fix|Fix") if not re.search(DIAG_RE, ln)]
    counts = pick(lines, r"\d+\s+(errors?|fixes|fixed)|No errors|no errors")
    return diag(lines) + cm.groups((cm.mask(ln), ln) for ln in fixes) + counts


@kind("fig2dev-convert", "build")
def n_fig2dev(lines):
    """Rule 1: DIAG, every line holding `line` and a number."""
    return diag(lines) + pick(lines, r"\bline\b.*\d")


# ------------------------------------------------------------------ Pure Data

class Patch:
    """A Pd patch built object by object (its index is the order of #X obj/msg/floatatom lines)."""

    def __init__(self) -> None:
        self.lines = ["#N canvas 0 0 800 600 12;"]
        self.n = 0
        self.y = 10

    def obj(self, text: str, box: str = "obj") -> int:
        self.lines.append(f"#X {box} {10 + (self.n % 7) * 110} {self.y + (self.n // 7) * 30} {text};")
        self.n += 1
        return self.n - 1

    def msg(self, text: str) -> int:
        return self.obj(text.replace(";", "\\;"), "msg")

    def con(self, a: int, b: int, outlet: int = 0, inlet: int = 0) -> None:
        self.lines.append(f"#X connect {a} {outlet} {b} {inlet};")

    def write(self, p: Path) -> None:
        p.write_text("\n".join(self.lines) + "\n")


def pd_counter(p: Patch, n: int, label: str, expr: str) -> tuple[int, int]:
    """[n( -> [until] -> [f]x[+ 1] -> [expr …] -> [print label]; returns (the trigger inlet, the print)."""
    m = p.msg(str(n))
    u = p.obj("until")
    f = p.obj("f")
    inc = p.obj("+ 1")
    e = p.obj(f"expr {expr}")
    pr = p.obj(f"print {label}")
    p.con(m, u)
    p.con(u, f)
    p.con(f, inc)
    p.con(inc, f, 0, 1)
    p.con(f, e)
    p.con(e, pr)
    return m, pr


def pd_load_patch(path: Path, seed: int, n: int, bad: list[str]) -> None:
    rnd = random.Random(seed)
    good = ["osc~ 440", "*~ 0.2", "lop~ 800", "hip~ 5", "line~", "metro 250", "random 12", "mtof", "+ 60",
            "moses 64", "spigot", "pack f f", "unpack f f f", "route note ctl", "select 0 1 2", "delay 100",
            "tabread wave", "vline~", "noise~", "bp~ 1000 5", "vcf~ 2", "clip~ -1 1", "snapshot~", "env~ 1024"]
    p = Patch()
    lb = p.obj("loadbang")
    for i in range(n):
        t = rnd.choice(bad) if bad and rnd.random() < 0.18 else rnd.choice(good)
        o = p.obj(t)
        if i and rnd.random() < 0.4:
            p.con(lb, o)
    p.write(path)


def pd_print_patch(path: Path, seed: int, counters: list[tuple[int, str, str]], faults: list[str]) -> None:
    p = Patch()
    lb = p.obj("loadbang")
    tr = p.obj("t b b b b b b b b b")
    p.con(lb, tr)
    quit_ = p.msg("; pd quit")
    p.con(tr, quit_, 0)
    for k, (n, label, expr) in enumerate(counters):
        m, _ = pd_counter(p, n, label, expr)
        p.con(tr, m, min(8, k + 1))
    for k, f in enumerate(faults):
        if f == "overflow":
            a = p.msg("1")
            b = p.obj("f")
            c = p.obj("+ 1")
            p.con(tr, a, 8)
            p.con(a, b)
            p.con(b, c)
            p.con(c, b)
        elif f.startswith("send "):
            a = p.msg("; " + f.split(" ", 1)[1])
            p.con(tr, a, 8)
        elif f.startswith("obj "):
            a = p.obj(f.split(" ", 1)[1])
            p.con(tr, a, 8)
        elif f.startswith("msg "):
            a = p.msg(f.split(" ", 2)[1])
            b = p.obj(f.split(" ", 2)[2])
            p.con(tr, a, 8)
            p.con(a, b)
    p.write(path)


def cap_pd(tmp: Path) -> None:
    d = tmp / "pd"
    d.mkdir()
    bad = ["nosuchthing 3", "freeverb~ 0.5", "abs_synth voice1", "mrpeach/udpsend", "expr $f1 +", "osc~ foo bar",
           "zexy/limiter~", "cyclone/counter 0 9", "tabread4~", "sig~ 1 2 3 4 5", "delwrite~"]
    pd_load_patch(d / "drone.pd", 31801, 60, bad)
    cap("pd-load-drone", "pd -nogui -stderr -open drone.pd -send 'pd quit' 2>&1; echo EXIT=$?", d, n_pd_load,
        timeout=60)
    pd_load_patch(d / "sequencer.pd", 31802, 400, bad)
    cap("pd-load-sequencer-verbose", "pd -nogui -stderr -verbose -open sequencer.pd -send 'pd quit' 2>&1 | tail -n 600",
        d, n_pd_load, timeout=60)
    pd_load_patch(d / "rack.pd", 31803, 900, bad[:4])
    cap("pd-load-rack", "pd -nogui -stderr -open rack.pd -send 'pd quit' 2>&1; echo EXIT=$?", d, n_pd_load, timeout=60)
    pd_load_patch(d / "clean.pd", 31804, 120, ["abs_synth voice2"])
    cap("pd-load-clean-verbose", "pd -nogui -stderr -verbose -open clean.pd -send 'pd quit' 2>&1", d, n_pd_load,
        timeout=60)
    pd_print_patch(d / "scale.pd", 31805, [(24, "midi", "$f1+48"), (24, "freq", "440*pow(2, ($f1-9)/12)")],
                   ["send tempo 120", "obj nosuch~"])
    cap("pd-batch-scale", "pd -nogui -batch -open scale.pd 2>&1; echo EXIT=$?", d, n_pd_print, timeout=60)
    pd_print_patch(d / "tables.pd", 31806, [(400, "sq", "$f1*$f1"), (300, "sine", "sin($f1*0.05)"),
                                            (200, "saw", "fmod($f1, 17)/17")], ["overflow", "msg foo route bar"])
    cap("pd-batch-tables", "pd -nogui -batch -open tables.pd 2>&1; echo EXIT=$?", d, n_pd_print, timeout=60)
    pd_print_patch(d / "envelope.pd", 31807, [(1500, "env", "exp(-$f1/300.)"), (900, "lfo", "0.5+0.5*cos($f1/40.)")],
                   ["send nowhere 1 2", "send synth-gate 0", "obj expr $f1 / "])
    cap("pd-batch-envelope", "pd -nogui -batch -open envelope.pd 2>&1 | tail -n 1500", d, n_pd_print, timeout=60)
    pd_print_patch(d / "bank.pd", 31808, [(80, "bank", "$f1*128"), (80, "prog", "$f1%128")],
                   ["overflow", "send fx-send 3", "obj list-drip"])
    cap("pd-batch-bank", "pd -nogui -batch -open bank.pd 2>&1; echo EXIT=$?", d, n_pd_print, timeout=60)


# ------------------------------------------------------------------ Magic VLSI

LAYERS = ["m1", "m2", "poly", "ndiff", "pdiff", "m1", "poly", "m2"]


def magic_script(cell: str, seed: int, n: int, extra: list[str], tail: list[str]) -> str:
    rnd = random.Random(seed)
    out = [f"load {cell}"]
    for _ in range(n):
        x, y = rnd.randrange(0, 400), rnd.randrange(0, 400)
        w, h = rnd.choice([1, 2, 3, 4, 6, 10]), rnd.choice([1, 2, 3, 6, 12, 30])
        out += [f"box {x} {y} {x + w} {y + h}", f"paint {rnd.choice(LAYERS)}"]
    out += extra
    out += ["select top cell"] + tail + [f"save {cell}", "quit -noprompt"]
    return "\n".join(out) + "\n"


DRC_TAIL = ["drc check", "drc catchup", "drc count total", "drc listall why", "drc why", "drc count"]
EXT_TAIL = ["extract all", "ext2spice lvs", "ext2spice"]


def cap_magic(tmp: Path) -> None:
    d = tmp / "magic"
    d.mkdir()
    runs = [("drc-inverter", "inv_chain", 31811, 40, ["box 0 0 1 5", "paint metal9"], DRC_TAIL, n_magic_drc, ""),
            ("drc-sram", "sram_col", 31812, 260, [], DRC_TAIL, n_magic_drc, " | tail -n 400"),
            ("drc-pads", "padring", 31813, 120, ["box 10 10 20 20", "paint glass", "paint nosuchlayer"],
             DRC_TAIL + ["drc find", "drc find"], n_magic_drc, ""),
            ("extract-adder", "adder4", 31814, 80, [], EXT_TAIL, n_magic_extract, "; cat adder4.spice"),
            ("extract-mux", "mux8", 31815, 200, ["label VDD n m1", "label VDD s m2"], EXT_TAIL, n_magic_extract,
             "; echo EXIT=$?"),
            ("drc-bandgap", "bandgap", 31816, 500, ["box 0 0 2 2", "paint m3"], DRC_TAIL, n_magic_drc,
             " | grep -v -e '^microns' -e '^lambda' -e 'width x height' -e '^Root cell box'"),
            ("drc-clean", "ringosc", 31817, 6, [], DRC_TAIL, n_magic_drc, "; echo EXIT=$?"),
            ("extract-latch", "latch", 31818, 140, ["label CLK c poly", "label D c m1", "label Q c m1", "port Q"],
             EXT_TAIL, n_magic_extract, " | tail -n 60; head -n 40 latch.spice")]
    for item, cell, seed, n, extra, tail, ext, pipe in runs:
        (d / f"{cell}.tcl").write_text(magic_script(cell, seed, n, extra, tail))
        cap(f"magic-{item}", f"magic -dnull -noconsole -T scmos {cell}.tcl 2>&1{pipe}", d, ext, timeout=120)


# ------------------------------------------------------------------ GIMP script-fu

def cap_gimp(tmp: Path) -> None:
    d = tmp / "gimp"
    d.mkdir()
    (d / "in").mkdir()
    g = "gimp -i -b '{}' -b '(gimp-quit 0)' 2>&1; echo EXIT=$?"

    def batch(item: str, script: str, timeout: int = 120) -> None:
        cap(f"gimp-{item}", g.format(script), d, n_gimp, timeout=timeout)

    batch("thumbs", """(let loop ((i 0)) (if (< i 12) (begin
  (let* ((img (car (gimp-image-new (+ 64 (* i 32)) 64 RGB)))
         (layer (car (gimp-layer-new img (+ 64 (* i 32)) 64 RGB-IMAGE "bg" 100 LAYER-MODE-NORMAL))))
    (gimp-image-insert-layer img layer 0 0)
    (gimp-message (string-append "thumb " (number->string i) " width " (number->string (car (gimp-image-width img)))))
    (gimp-file-save RUN-NONINTERACTIVE img layer (string-append "out/thumb" (number->string i) ".png") "t.png"))
  (loop (+ i 1)))))""")
    (d / "out").mkdir()
    batch("thumbs-ok", """(let loop ((i 0)) (if (< i 20) (begin
  (let* ((img (car (gimp-image-new (+ 64 (* i 16)) 48 RGB)))
         (layer (car (gimp-layer-new img (+ 64 (* i 16)) 48 RGB-IMAGE "bg" 100 LAYER-MODE-NORMAL))))
    (gimp-image-insert-layer img layer 0 0)
    (gimp-drawable-fill layer FILL-WHITE)
    (if (= i 13) (gimp-image-scale img 0 -5))
    (gimp-message (string-append "thumb " (number->string i) " width " (number->string (car (gimp-image-width img)))))
    (gimp-file-save RUN-NONINTERACTIVE img layer (string-append "out/t" (number->string i) ".png") "t.png"))
  (loop (+ i 1)))))""")
    batch("load-missing", """(let* ((img (car (gimp-file-load RUN-NONINTERACTIVE "in/poster-final.xcf" "poster-final.xcf"))))
  (gimp-message (number->string (car (gimp-image-height img)))))""")
    batch("unbound", """(begin (let loop ((i 0)) (if (< i 18) (begin (gimp-message (string-append "banner "
  (number->string i) " queued at 800x200")) (loop (+ i 1)))))
  (gimp-message "resizing banners") (define (resize f) (gimp-image-scale-full f 800 200 INTERPOLATION-CUBIC))
  (resize (car (gimp-image-new 100 100 RGB))) (gimp-message "done"))""")
    batch("filters", """(let* ((img (car (gimp-image-new 256 256 RGB)))
       (layer (car (gimp-layer-new img 256 256 RGB-IMAGE "bg" 100 LAYER-MODE-NORMAL))))
  (gimp-image-insert-layer img layer 0 0)
  (let loop ((r 1)) (if (< r 12) (begin (plug-in-gauss RUN-NONINTERACTIVE img layer r r 0)
    (gimp-message (string-append "gauss radius " (number->string r) " mean "
      (number->string (car (gimp-drawable-histogram layer HISTOGRAM-VALUE 0.0 1.0))))) (loop (+ r 1)))))
  (plug-in-gauss RUN-NONINTERACTIVE img layer 5 5 0)
  (gimp-message "blurred")
  (plug-in-unsharp-mask RUN-NONINTERACTIVE img layer 3 0.5 0)
  (gimp-message "sharpened")
  (plug-in-does-not-exist RUN-NONINTERACTIVE img layer)
  (gimp-message "never"))""")


# ------------------------------------------------------------------ admesh

def stl(path: Path, seed: int, nu: int, nv: int, holes: float, flips: float, degen: int, dup: int) -> None:
    """An ASCII STL torus of nu x nv quads, with facets removed, flipped, degenerate and duplicated."""
    rnd = random.Random(seed)

    def pt(i, j):
        u, v = 2 * math.pi * (i % nu) / nu, 2 * math.pi * (j % nv) / nv
        return ((20 + 6 * math.cos(v)) * math.cos(u), (20 + 6 * math.cos(v)) * math.sin(u), 6 * math.sin(v))

    facets = []
    for i in range(nu):
        for j in range(nv):
            a, b, c, e = pt(i, j), pt(i + 1, j), pt(i + 1, j + 1), pt(i, j + 1)
            facets += [(a, b, c), (a, c, e)]
    facets = [f for f in facets if rnd.random() >= holes]
    facets = [(f[0], f[2], f[1]) if rnd.random() < flips else f for f in facets]
    for _ in range(degen):
        p = rnd.choice(facets)[0]
        facets.append((p, p, (p[0] + 1, p[1], p[2])))
    facets += rnd.sample(facets, dup)
    out = ["solid part"]
    for f in facets:
        out += ["  facet normal 0 0 0", "    outer loop"] + [f"      vertex {x:.5f} {y:.5f} {z:.5f}" for x, y, z in f] \
            + ["    endloop", "  endfacet"]
    path.write_text("\n".join(out + ["endsolid part"]) + "\n")


def cap_admesh(tmp: Path) -> None:
    d = tmp / "stl"
    d.mkdir()
    stl(d / "bracket.stl", 31821, 40, 16, 0.01, 0.05, 6, 4)
    cap("admesh-bracket", "admesh bracket.stl 2>&1; echo EXIT=$?", d, n_admesh, timeout=120)
    stl(d / "gear.stl", 31822, 120, 24, 0.0, 0.2, 0, 0)
    cap("admesh-gear-fix", "admesh -f -d -n -u -v --write-binary-stl=gear-fixed.stl gear.stl 2>&1", d, n_admesh,
        timeout=120)
    stl(d / "hull.stl", 31823, 200, 30, 0.03, 0.0, 30, 50)
    cap("admesh-hull", "admesh --exact --nearby --tolerance=0.01 --fill-holes --write-ascii-stl=hull-fixed.stl hull.stl"
        " 2>&1; echo EXIT=$?", d, n_admesh, timeout=180)
    (d / "broken.stl").write_text("solid broken\n  facet normal 0 0 1\n    outer loop\n      vertex 0 0 0\n"
                                  "      vertex 1 0\n    endloop\n  endfacet\nendsolid\n" * 3)
    cap("admesh-broken", "for f in broken.stl missing.stl bracket.stl; do admesh $f; echo EXIT=$?; done 2>&1", d,
        n_admesh, timeout=60)


# ------------------------------------------------------------------ gnucap

def ladder(n: int, seed: int) -> str:
    rnd = random.Random(seed)
    out = ["* rc ladder", "V1 n0 0 pulse (0 5 0 1u 1u 50u 100u) ac 1"]
    for i in range(n):
        out += [f"R{i} n{i} n{i + 1} {rnd.choice([100, 220, 470, 1000])}",
                f"C{i} n{i + 1} 0 {rnd.choice(['1n', '2.2n', '4.7n', '10n'])}"]
    return "\n".join(out) + "\n"


def cap_gnucap(tmp: Path) -> None:
    d = tmp / "gnucap"
    d.mkdir()
    (d / "ladder.ckt").write_text(ladder(8, 31831) + ".print tran v(n1) v(n4) v(n8)\n.tran 0 200u 1u\n.end\n")
    cap("gnucap-ladder-tran", "gnucap -b ladder.ckt 2>&1; echo EXIT=$?", d, n_gnucap, timeout=120)
    (d / "filter.ckt").write_text(ladder(5, 31832) + ".print ac vm(n5) vp(n5) vdb(n5)\n.ac dec 40 10 100Meg\n.end\n")
    cap("gnucap-filter-ac", "gnucap -b filter.ckt 2>&1", d, n_gnucap, timeout=120)
    (d / "bias.ckt").write_text("* divider with faults\nV1 vcc 0 12\nR1 vcc mid 10k\nR2 mid 0 4.7k\n"
                                "Q1 col mid emit 0 npnmodel\nR3 vcc col 2k\nR4 emit 0 500\nX1 col out opamp_missing\n"
                                "R5 out 0 10x\nC1 out floatnode 1u\n.print op v(mid) v(col) v(emit) v(out)\n.op\n"
                                ".print dc v(mid) v(col)\n.dc V1 0 15 0.25\n.end\n")
    cap("gnucap-bias-errors", "gnucap -b bias.ckt 2>&1; echo EXIT=$?", d, n_gnucap, timeout=120)
    (d / "tank.ckt").write_text("* lc tank\nV1 in 0 sin (0 1 159k) ac 1\nR1 in a 50\nL1 a 0 100u\nC1 a 0 10n\n"
                                "L2 a 0 0\nE1 b 0 a\n.print tran v(a) i(L1)\n.tran 0 60u 0.05u\n.end\n")
    cap("gnucap-tank-tran", "gnucap -b tank.ckt 2>&1 | head -n 900", d, n_gnucap, timeout=120)


# ------------------------------------------------------------------ ezdxf audit

EZDXF_MAKE = """
import random, sys, ezdxf
rnd = random.Random(int(sys.argv[2]))
doc = ezdxf.new("R2010")
msp = doc.modelspace()
for name in ["WALLS", "DOORS", "DIMS", "FURNITURE"]:
    doc.layers.add(name)
b = doc.blocks.new("DOOR")
b.add_arc((0, 0), 0.9, 0, 90)
b.add_line((0, 0), (0.9, 0))
for i in range(int(sys.argv[3])):
    x, y = rnd.uniform(0, 100), rnd.uniform(0, 60)
    k = rnd.random()
    if k < 0.5:
        msp.add_line((x, y), (x + rnd.uniform(1, 10), y), dxfattribs={"layer": "WALLS"})
    elif k < 0.7:
        msp.add_blockref("DOOR", (x, y), dxfattribs={"layer": "DOORS"})
    elif k < 0.9:
        msp.add_circle((x, y), rnd.uniform(0.2, 2), dxfattribs={"layer": "FURNITURE"})
    else:
        msp.add_text("room %d" % i, dxfattribs={"layer": "DIMS", "height": 0.3}).set_placement((x, y))
doc.saveas(sys.argv[1])
"""


def damage_dxf(path: Path, seed: int, faults: dict[str, int]) -> None:
    """Text edits on the DXF's group-code pairs: layers renamed to ones not in the table, blocks renamed,
    linetypes and text styles that do not exist, colours out of range."""
    rnd = random.Random(seed)
    lines = path.read_text().split("\n")
    for i in range(0, len(lines) - 1, 2):
        code, val = lines[i].strip(), lines[i + 1].strip()
        if code == "8" and val in ("WALLS", "FURNITURE") and rnd.random() < faults.get("layer", 0) / 100:
            lines[i + 1] = rnd.choice(["WALL", "Furniture-old", "A-WALL"])
        elif code == "2" and val == "DOOR" and i > 0 and rnd.random() < faults.get("block", 0) / 100 \
                and "INSERT" in lines[max(0, i - 20):i]:
            lines[i + 1] = "DOOR-RIGHT"
        elif code == "62" and rnd.random() < faults.get("color", 0) / 100:
            lines[i + 1] = "999"
        elif code == "7" and rnd.random() < faults.get("style", 0) / 100:
            lines[i + 1] = "ARCHITECT"
    path.write_text("\n".join(lines))


def cap_ezdxf(tmp: Path) -> None:
    d = tmp / "dxf"
    d.mkdir()
    (d / "make.py").write_text(EZDXF_MAKE)
    py, ez = VENV / "bin" / "python", VENV / "bin" / "ezdxf"
    for item, seed, n, faults in [("floorplan", 31841, 300, {"layer": 10, "block": 30, "style": 50}),
                                  ("site", 31842, 1500, {"layer": 3, "block": 10}),
                                  ("detail", 31843, 80, {"layer": 50, "style": 100, "block": 100})]:
        f = d / f"{item}.dxf"
        run(f"{py} make.py {f.name} {seed} {n}", cwd=d, timeout=120)
        if f.exists():
            damage_dxf(f, seed, faults)
        cap(f"ezdxf-audit-{item}", f"{ez} audit {f.name} 2>&1; echo EXIT=$?", d, n_ezdxf, timeout=180,
            env={"PATH": f"{VENV}/bin:{os.environ['PATH']}"}, typed=f"ezdxf audit {f.name} 2>&1; echo EXIT=$?")
    # a drawing cut short in its ENTITIES section, and one whose header pairs were shuffled
    txt = (d / "site.dxf").read_text().split("\n")
    (d / "site-cut.dxf").write_text("\n".join(txt[: len(txt) * 2 // 3 // 2 * 2]))
    cap("ezdxf-audit-truncated", f"{ez} audit site-cut.dxf floorplan.dxf 2>&1; echo EXIT=$?", d, n_ezdxf,
        timeout=180, env={"PATH": f"{VENV}/bin:{os.environ['PATH']}"},
        typed="ezdxf audit site-cut.dxf floorplan.dxf 2>&1; echo EXIT=$?")


# ------------------------------------------------------------------ fig2dev

FIG_HEAD = "#FIG 3.2  Produced by xfig version 3.2.8\nLandscape\nCenter\nInches\nLetter\n100.00\nSingle\n-2\n1200 2\n"


def fig(seed: int, n: int, faults: int) -> str:
    rnd = random.Random(seed)
    out = [FIG_HEAD]
    for i in range(n):
        x, y = rnd.randrange(0, 9000), rnd.randrange(0, 7000)
        k = rnd.random()
        if i in range(faults) and rnd.random() < 0.5:
            out.append(rnd.choice([f"2 1 0 1 0 7 50 -1 -1 0.000 0 0 -1 0 0 3\n\t {x} {y} {x + 300} {y}\n",
                                   f"1 3 0 1 0 7 50 -1 -1 0.000 1 0.0000 {x} {y} 300\n",
                                   f"4 0 0 50 -1 0 12 0.0000 4 135 450 {x} {y} unterminated\n",
                                   f"7 1 0 1 0 7 50 -1\n", f"2 2 0 1 0 7 50 -1 -1 0.000 0 0 -1 0 0 5\n\t {x} {y}\n"]))
        elif k < 0.5:
            out.append(f"2 1 0 1 0 7 50 -1 -1 0.000 0 0 -1 0 0 2\n\t {x} {y} {x + rnd.randrange(100, 900)} {y}\n")
        elif k < 0.8:
            out.append(f"1 3 0 1 0 7 50 -1 -1 0.000 1 0.0000 {x} {y} 200 200 {x} {y} {x + 200} {y}\n")
        else:
            out.append(f"4 0 0 50 -1 0 12 0.0000 4 135 450 {x} {y} label{i}\\001\n")
    return "".join(out)


def cap_fig2dev(tmp: Path) -> None:
    d = tmp / "fig"
    d.mkdir()
    for k in range(40):
        (d / f"sheet{k:02d}.fig").write_text(fig(31851 + k, 20 + 7 * k, 5 if k % 3 == 0 else 0))
    cap("fig2dev-sheets-pdf", "for f in sheet*.fig; do echo \"== $f\"; fig2dev -L pdf $f ${f%.fig}.pdf; "
        "echo \"exit $?\"; done 2>&1", d, n_fig2dev, timeout=300)
    cap("fig2dev-sheets-svg", "for f in sheet1*.fig sheet2*.fig; do fig2dev -L svg $f ${f%.fig}.svg || echo \"FAILED $f\"; "
        "done 2>&1; echo EXIT=$?", d, n_fig2dev, timeout=300)
    cap("fig2dev-eps-magnify", "for f in sheet0*.fig; do echo \"== $f\"; fig2dev -L eps -m 2.5 -F $f ${f%.fig}.eps; "
        "done 2>&1; ls -la *.eps", d, n_fig2dev, timeout=300)


# ------------------------------------------------------------------ pcb-rnd

FOOTPRINTS = [("0603", "RES"), ("0805", "CAP"), ("1206", "RES"), ("SOT23", "BC847"), ("SO8", "LM358"),
              ("0603", "CAP"), ("0805", "RES")]


def pcb_board(seed: int, n: int, dup: int = 0, bogus_at: int = -1, font: bool = False) -> str:
    """A gEDA/PCB board of `n` parts on a grid; `dup` parts reuse a refdes; a bogus statement after part `bogus_at`."""
    rnd = random.Random(seed)
    out = ['PCB["sensor-node" 600000 500000]', "Grid[1000.0 0 0 1]", "DRC[1200 900 1000 700 1500 1000]",
           'Flags("nameonpcb,clearnew,snappin")', 'Groups("1,c:2,s")', 'Styles["Signal,1000,7874,3150,2000"]']
    refs = []
    for i in range(n):
        fp, kindv = rnd.choice(FOOTPRINTS)
        pre = {"RES": "R", "CAP": "C", "BC847": "Q", "LM358": "U"}[kindv]
        ref = f"{pre}{i + 1}" if not (dup and i % max(1, n // dup) == 1) else refs[0] if refs else f"{pre}1"
        refs.append(ref)
        val = {"RES": rnd.choice(["10k", "4k7", "100R", "1M"]), "CAP": rnd.choice(["100n", "1u", "10p"])}.get(kindv, kindv)
        x, y = 20000 + (i % 20) * 27000, 20000 + (i // 20) * 24000
        out += [f'Element["" "{fp}" "{ref}" "{val}" {x} {y} 0 0 0 100 ""]', "(",
                '\tPad[-5000 0 5000 0 6000 2000 7000 "1" "1" "square"]',
                '\tPad[15000 0 25000 0 6000 2000 7000 "2" "2" "square"]', ")"]
        if i == bogus_at:
            out += ["Keepout[1 2 3 4]"]
    out += ['Layer(1 "top")', "(", '\tLine[20000 20000 300000 20000 1000 2000 "clearline"]', ")",
            'Layer(2 "bottom")', "(", ")"]
    return "\n".join(out) + "\n"


def cap_pcb(tmp: Path) -> None:
    d = tmp / "pcb"
    d.mkdir()
    (d / "sensor.pcb").write_text(pcb_board(31861, 60, dup=3))
    cap("pcb-rnd-bom", "pcb-rnd -x bom sensor.pcb 2>&1; echo EXIT=$?; cat sensor.bom", d, n_pcb_rnd, timeout=60)
    (d / "logger.pcb").write_text(pcb_board(31862, 240, dup=6))
    cap("pcb-rnd-xy", "pcb-rnd -x XY logger.pcb 2>&1; cat logger.xy", d, n_pcb_rnd, timeout=60)
    (d / "motor.pcb").write_text(pcb_board(31863, 120, bogus_at=70))
    (d / "hub.pcb").write_text(pcb_board(31864, 40))
    cap("pcb-rnd-gerber-parse", "for b in motor hub; do pcb-rnd -x gerber $b.pcb; echo EXIT=$?; done 2>&1; ls -la *.gbr",
        d, n_pcb_rnd, timeout=60)
    cap("pcb-rnd-exporters", "for x in gerber excellon drc stat svg; do echo \"== $x\"; pcb-rnd -x $x hub.pcb; done 2>&1; "
        "ls", d, n_pcb_rnd, timeout=120)


# ------------------------------------------------------------------ main

STEPS = [cap_pd, cap_magic, cap_gimp, cap_admesh, cap_gnucap, cap_ezdxf, cap_fig2dev, cap_pcb]


def ensure_tools() -> None:
    for tool, pkg in [("pd", "puredata-core"), ("magic", "magic"), ("gimp", "gimp"), ("admesh", "admesh"),
                      ("gnucap", "gnucap"), ("fig2dev", "fig2dev"), ("pcb-rnd", "pcb-rnd")]:
        cm.ensure_apt(tool, pkg)
    cm.ensure_apt("/usr/lib/x86_64-linux-gnu/gnucap0/gnucap-default-plugins.so", "gnucap-default-plugins0")
    cm.install_venv(VENV, "ezdxf", ["ezdxf"])


def steps() -> list:
    return STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide318", sys.modules["__main__"])
    main()
