"""Round 234, the board side: gerbv's `--export` (rs274x, png, drill) on the Gerber and Excellon files of a two-layer
sensor board (`tidepcb`, seeded generators for size) with faults put in (undefined apertures, unknown M/G codes and
RS-274X extensions, a tool used before it is defined, a missing end of file, a file that is not there), and Lepton EDA
on gEDA schematics of the round's own (components connected through `net=` attributes) with faults put in (a
duplicate refdes, a net with one pin, unconnected pins, two outputs on one net, a missing value or footprint, a
duplicated slot): `lepton-netlist -g drc2|geda|spice-sdb` and `lepton-symcheck -vv` on symbols with faults put in. The
extractors are this round's (NEEDLES.md, "Round 234"). Run through capture_wide234.py."""

from __future__ import annotations

import random
import re
from collections import Counter
from pathlib import Path

import capture_more as cm
from capture_more import kind, run
from capture_wide224 import exit_lines, pick, shaped
from capture_wide234 import add

# ------------------------------------------------------------------ the extractors (NEEDLES.md, "Round 234")


@kind("gerbv-export", "build")
def n_gerbv(lines):
    """Rule 1+3: every CRITICAL/Error/Unknown/Unsupported/undefined/missing/failed line (one {"any"} per shape past 3), Warning lines the same way, every could-not-open line, EXIT=."""
    err = pick(lines, r"CRITICAL|[Ee]rror|[Uu]nknown|[Uu]nsupported|[Uu]ndefined|[Mm]issing|[Ff]ailed|No such file"
                      r"|[Cc]ould not|[Cc]an't open|[Uu]nable")
    warn = [ln for ln in pick(lines, r"WARNING|[Ww]arning") if ln not in err]
    strip = lambda ln: re.sub(r"^\*\* \(\S+\): (CRITICAL|WARNING) \*\*: [\d:.]+: ", "", ln)  # noqa: E731
    out: list = []
    for group in (err, warn):
        g: dict[str, list[str]] = {}
        for ln in group:
            g.setdefault(cm.mask(strip(ln)), []).append(ln)
        for v in g.values():
            out += [cm.any_of(v)] if len(v) > 3 else v
    return out + exit_lines(lines)


@kind("lepton-netlist-drc2", "lint")
def n_drc2(lines):
    """Rule 1+3: every ERROR line, WARNING lines (one {"any"} per shape past 3), every Checking heading followed by a finding, the Found N errors/warnings lines, stderr error lines, EXIT=."""
    err = pick(lines, r"ERROR|\bError\b|[Ff]ailed|not found")
    warn = [ln for ln in pick(lines, r"WARNING|[Ww]arning") if ln not in err]
    heads = []
    for i, ln in enumerate(lines):
        if ln.startswith("Checking ") and i + 1 < len(lines) and re.search(r"ERROR|WARNING", lines[i + 1]):
            heads.append(ln)
    counts = pick(lines, r"^Found \d+ (errors|warnings)|DRC (errors|warnings) found|^\d+ (errors|warnings)")
    return heads + err + shaped(warn) + counts + exit_lines(lines)


@kind("lepton-netlist-geda", "table")
def n_geda_net(lines):
    """Rule 4+5: the START/END section headings, every net line with at most one connection, every named (not unnamed_net) net line, the nets with the most and the fewest pins, stderr errors, EXIT=."""
    out: list = pick(lines, r"^(START|END) \S+")
    nets = []
    for ln in lines:  # a net line wherever it stands (a piped tail may cut the START nets heading)
        if re.match(r"^\S+ : \S+ \S+", ln):
            nets.append((len([p for p in ln.split(" : ", 1)[1].split(",") if p.strip()]), ln))
    for n, ln in nets:
        if n <= 1 or not ln.startswith("unnamed_net"):
            out.append(ln)
    if nets:
        out += [min(nets, key=lambda t: t[0])[1], max(nets, key=lambda t: t[0])[1]]
    out += pick(lines, r"ERROR|WARNING|not found|Could not")
    return out + exit_lines(lines)


@kind("lepton-netlist-spice", "code")
def n_spice_net(lines):
    """Rule 5+1: the title/comment header line, every .MODEL/.SUBCKT/.INCLUDE/.END line, every element line on a named net, every element line with a missing or unknown value, stderr errors, EXIT=."""
    out: list = []
    first = next((ln for ln in lines if ln.strip()), None)
    if first:
        out.append(first)
    out += pick(lines, r"^\.(MODEL|model|SUBCKT|subckt|INCLUDE|include|END|end)\b")
    for ln in lines:
        if re.match(r"^[A-Za-z]\S*\s", ln) and not ln.startswith("*") and not ln.startswith("."):
            toks = ln.split()
            nodes = toks[1:-1] if len(toks) > 2 else toks[1:]
            if any(not t.startswith("unnamed_net") and t != "0" and not re.match(r"^[\d.]", t) for t in nodes[:4]):
                out.append(ln)
            if re.search(r"unknown|<No valid value attribute found>|\?", ln, re.I) or len(toks) < 4:
                out.append(ln)
    out += pick(lines, r"ERROR|WARNING|not found|Could not")
    return out + exit_lines(lines)


@kind("lepton-symcheck", "lint")
def n_symcheck(lines):
    """Rule 1+3: every ERROR line, Warning lines (one {"any"} per shape past 3), every Checking: line followed by a finding, each file's closing count line, EXIT=."""
    err = pick(lines, r"ERROR|\bError\b")
    warn = [ln for ln in pick(lines, r"WARNING|[Ww]arning") if ln not in err and not re.search(r"\d+ warnings? found", ln)]
    heads = []
    for i, ln in enumerate(lines):
        nxt = next((x for x in lines[i + 1:] if x.strip()), "")
        if ln.startswith("Checking: ") and re.search(r"ERROR|Warning|WARNING", nxt):
            heads.append(ln)
    counts = pick(lines, r"\d+ (warnings?|ERRORS?) found|No errors found")
    return heads + err + shaped(warn) + counts + exit_lines(lines)


# ------------------------------------------------------------------ Gerber and Excellon files of `tidepcb`


def gerber(seed: int, n: int, faults: dict[int, str], eof: bool = True) -> str:
    rnd = random.Random(seed)
    out = ["G04 tidepcb rev C*", "%FSLAX24Y24*%", "%MOIN*%", "%LPD*%", "%ADD10C,0.0100*%", "%ADD11R,0.0600X0.0600*%",
           "%ADD12C,0.0550*%", "%ADD13O,0.0800X0.0500*%", "G01*"]
    for i in range(n):
        if i in faults:
            out.append(faults[i])
            continue
        ap = rnd.choice([10, 10, 11, 12, 13])
        out.append(f"D{ap}*")
        x, y = rnd.randrange(0, 40000, 50), rnd.randrange(0, 30000, 50)
        if ap == 10:
            out += [f"X{x}Y{y}D02*", f"X{x + rnd.randrange(-3000, 3000, 50)}Y{y}D01*",
                    f"X{x + rnd.randrange(-3000, 3000, 50)}Y{y + rnd.randrange(-3000, 3000, 50)}D01*"]
        else:
            out.append(f"X{x}Y{y}D03*")
    if eof:
        out.append("M02*")
    return "\n".join(out) + "\n"


def drill(seed: int, n: int, faults: dict[int, str]) -> str:
    rnd = random.Random(seed)
    out = ["M48", "INCH,TZ", "T1C0.0280", "T2C0.0350", "T3C0.0400", "%"]
    for i in range(n):
        if i in faults:
            out.append(faults[i])
            continue
        if i % 15 == 0:
            out.append(f"T{rnd.choice([1, 2, 3])}")
        out.append(f"X{rnd.randrange(1000, 39000, 50):06d}Y{rnd.randrange(1000, 29000, 50):06d}")
    out.append("M30")
    return "\n".join(out) + "\n"


def gerbers(d: Path) -> None:
    rnd = random.Random(2350)
    top_faults = {i: rnd.choice(["D19*", "M05*", "%XYZ1*%", "G55*", "D27*"]) for i in rnd.sample(range(400), 45)}
    bot_faults = {i: rnd.choice(["D19*", "D21*", "M07*", "%IPNEG*%", "G74*", "X*Y12A0D01*"])
                  for i in rnd.sample(range(1500), 60)}
    silk_faults = {40: "G36*", 41: "X1000Y1000D02*", 42: "X2000Y1000D01*", 90: "%AMBADMACRO*9,1,2*%", 91: "%ADD40BADMACRO*%",
                   92: "D40*", 93: "X5000Y5000D03*"}
    drl_faults = {7: "T5", 8: "X010000Y010000", 30: "G99", 55: "T7", 56: "X020000Y020000", 80: "M99"}
    cm.write_tree(d, {
        "tidepcb-F_Cu.gtl": gerber(2351, 400, top_faults),
        "tidepcb-B_Cu.gbl": gerber(2352, 1500, bot_faults),
        "tidepcb-F_Silk.gto": gerber(2353, 120, silk_faults, eof=False),
        "tidepcb-Edge.gm1": gerber(2354, 20, {}),
        "tidepcb.drl": drill(2355, 200, drl_faults),
    })
    (d / "out").mkdir(exist_ok=True)


def gerbv(tmp: Path) -> None:
    d = tmp / "gerber"
    gerbers(d)

    def go(item, cmd):
        add(item, cmd, run(cmd, cwd=d, timeout=180), n_gerbv)

    go("gerbv-export-top-rs274x", "gerbv --export=rs274x -o out/top.gbr tidepcb-F_Cu.gtl; echo EXIT=$?")
    go("gerbv-export-bottom-rs274x", "gerbv --export=rs274x -o out/bottom.gbr tidepcb-B_Cu.gbl")
    go("gerbv-export-png-all", "gerbv --export=png --dpi=150 -o out/board.png tidepcb-*.g* tidepcb.drl 2>&1 | tail -n 80")
    go("gerbv-export-drill", "gerbv --export=drill -o out/board.drl tidepcb.drl; echo EXIT=$?")
    go("gerbv-export-silk-missing", "gerbv --export=rs274x -o out/silk.gbr tidepcb-F_Silk.gto tidepcb-F_Mask.gts "
                                    "tidepcb-B_Silk.gbo; echo EXIT=$?")


# ------------------------------------------------------------------ Lepton EDA schematics and symbols

SYM = "/usr/share/lepton-eda/sym"


def comp(x: int, sym: str, attrs: dict) -> str:
    body = [f"C {x} 40000 1 0 0 {sym}", "{"]
    for k, v in attrs.items():
        for vv in (v if isinstance(v, list) else [v]):
            body += [f"T {x} 40400 5 10 {1 if k == 'refdes' else 0} 1 0 0 1", f"{k}={vv}"]
    return "\n".join(body + ["}"])


def schematic(seed: int, stages: int, faults: set[str]) -> str:
    """A chain of RC-filtered NAND-gate buffers (tide-sensor pulse shaper), each stage R, C, a 7400 slot."""
    rnd = random.Random(seed)
    parts = ["v 20201216 2"]
    x = 40000
    prev = "PULSE_IN"
    for s in range(1, stages + 1):
        node = f"RC{s}" if s % 3 else f"unn{s}"
        out = f"SHAPED{s}"
        r = {"refdes": f"R{s}", "value": rnd.choice(["1k", "2.2k", "4.7k"]), "footprint": "0603",
             "net": [f"{prev}:1", f"{node}:2"]}
        c = {"refdes": f"C{s}", "value": rnd.choice(["100n", "10n"]), "footprint": "0603", "net": [f"{node}:1", "GND:2"]}
        u = (s - 1) // 4 + 1
        slot = (s - 1) % 4 + 1
        pins = {1: (1, 2, 3), 2: (4, 5, 6), 3: (9, 10, 8), 4: (12, 13, 11)}[slot]
        g = {"refdes": f"U{u}", "slot": str(slot), "footprint": "DIP14",
             "net": [f"{node}:{pins[0]}", f"{node}:{pins[1]}", f"{out}:{pins[2]}", "VCC:14", "GND:7"]}
        if "dup-refdes" in faults and (s == 3 or s % 23 == 0):
            r["refdes"] = "R2"
        if "one-pin" in faults and (s == 4 or s % 13 == 0):
            r["net"] = [f"{prev}:1", f"TP_ORPHAN{s}:2"]
        if "unconnected" in faults and (s in (2, 5) or s % 9 == 0):
            c["net"] = [f"{node}:1"]
        if "two-outputs" in faults and (s == 6 or s % 17 == 0):
            g["net"][2] = f"SHAPED{s - 1}:{pins[2]}"
        if "no-value" in faults and s % 4 == 2:
            del r["value"]
        if "no-footprint" in faults and s % 5 == 1:
            del c["footprint"]
        if "dup-slot" in faults and s == 7:
            g["slot"] = "2"
        parts += [comp(x, "resistor-1.sym", r), comp(x + 1000, "capacitor-1.sym", c), comp(x + 2000, "7400-1.sym", g)]
        x += 4000
        prev = out
    return "\n".join(parts) + "\n"


def symbols() -> dict[str, str]:
    def pin(n: int, x: int, y: int, extra: str = "", num: str | None = None, seq: str | None = None,
            ptype: str = "pas") -> str:
        lines = [f"P {x} {y} {x + 300} {y} 1 0 0", "{"]
        if num is not None:
            lines += [f"T {x} {y} 5 8 1 1 0 0 1", f"pinnumber={num}"]
        if seq is not None:
            lines += [f"T {x} {y} 5 8 0 1 0 0 1", f"pinseq={seq}"]
        lines += [f"T {x} {y} 5 8 0 1 0 0 1", f"pinlabel=P{n}", f"T {x} {y} 5 8 0 1 0 0 1", f"pintype={ptype}"]
        return "\n".join(lines + ([extra] if extra else []) + ["}"])

    def sym(attrs: list[str], pins: list[str]) -> str:
        out = ["v 20201216 2", "B 300 0 1200 1800 3 0 0 0 -1 -1 0 -1 -1 -1 -1 -1"]
        for a in attrs:
            out += ["T 400 1900 8 10 0 0 0 0 1", a]
        return "\n".join(out + pins) + "\n"

    ok_pins = [pin(i, 0, 200 * i, num=str(i), seq=str(i)) for i in range(1, 9)]
    return {
        "tide-adc-1.sym": sym(["device=TIDE_ADC", "refdes=U?", "footprint=SOIC8", "description=tide gauge ADC"], ok_pins),
        "tide-bridge-1.sym": sym(["device=BRIDGE", "footprint=SO16"],
                                 [pin(i, 0, 200 * i + (33 if i == 3 else 0), num=str(i if i != 5 else 4), seq=str(i),
                                      ptype="io" if i % 2 else "bogus") for i in range(1, 9)]),
        "tide-level-1.sym": sym(["device=LEVEL_SHIFT", "refdes=U?", "numslots=2", "slotdef=1:1,2", "slotdef=2:3",
                                 "net=VCC:9", "net=GND", "pinnumber=7"],
                                [pin(i, 0, 200 * i, num=str(i) if i != 6 else None, seq=str(i) if i != 2 else None)
                                 for i in range(1, 9)]),
        "tide-mux-1.sym": sym(["device=MUX8", "refdes=U?", "footprint=", "uref=U?", "label=MUX", "name=mux",
                               "type=ic", "email=nobody@example.invalid"],
                              [pin(i, 0, 200 * i, num=str(i), seq=str(i), ptype="out") for i in range(1, 17)]),
    }


def lepton(tmp: Path) -> None:
    d = tmp / "lepton"
    d.mkdir(parents=True, exist_ok=True)
    cm.write_tree(d, {
        "pulse-shaper.sch": schematic(2360, 8, {"dup-refdes", "one-pin", "unconnected", "two-outputs", "dup-slot"}),
        "shaper-bank.sch": schematic(2361, 36, {"one-pin", "unconnected", "no-value", "no-footprint"}),
        "shaper-clean.sch": schematic(2362, 12, set()),
        "shaper-big.sch": schematic(2363, 120, {"dup-refdes", "unconnected", "two-outputs"}),
        **symbols(),
    })
    cm.write_tree(d, {"gafrc": f'(component-library "{SYM}/analog")\n(component-library "{SYM}/74")\n'
                              f'(component-library "{d}")\n'})

    def go(item, cmd, ext):
        add(item, cmd, run(cmd, cwd=d, timeout=240), ext)

    go("lepton-netlist-drc2-bank", "lepton-netlist -g drc2 -o - shaper-bank.sch", n_drc2)
    go("lepton-netlist-drc2-big", "lepton-netlist -g drc2 -o - shaper-big.sch 2>&1 | head -n 100", n_drc2)
    go("lepton-netlist-drc2-clean", "lepton-netlist -g drc2 -o - shaper-clean.sch pulse-shaper.sch 2>&1 "
                                    "| grep -E 'ERROR|WARNING|Found'; echo EXIT=$?", n_drc2)
    go("lepton-netlist-geda-shaper", "lepton-netlist -g geda -o - pulse-shaper.sch", n_geda_net)
    go("lepton-netlist-geda-bank", "lepton-netlist -g geda -o - shaper-bank.sch; echo EXIT=$?", n_geda_net)
    go("lepton-netlist-geda-big", "lepton-netlist -g geda -o - shaper-big.sch 2>&1 | tail -n 150", n_geda_net)
    go("lepton-netlist-spice-shaper", "lepton-netlist -g spice-sdb -o - pulse-shaper.sch", n_spice_net)
    go("lepton-netlist-spice-bank", "lepton-netlist -g spice-sdb -o shaper-bank.cir shaper-bank.sch; echo EXIT=$?; "
                                    "cat shaper-bank.cir", n_spice_net)
    go("lepton-symcheck-bridge", "lepton-symcheck -vv tide-bridge-1.sym; echo EXIT=$?", n_symcheck)
    go("lepton-symcheck-all", "lepton-symcheck -vv tide-*.sym 2>&1", n_symcheck)
    go("lepton-symcheck-stock", f"lepton-symcheck -vv {SYM}/74/74*.sym 2>&1 | tail -n 120", n_symcheck)


STEPS = [gerbv, lepton]
