"""Round 234, ngspice in batch mode (`ngspice -b`) on netlists of the round's own: RC and RLC ladders (seeded
generators for size), a zener-referenced linear regulator, a non-inverting op-amp stage and a Sallen-Key low-pass
built on a behavioural op-amp subcircuit, a diode clamp; operating points, transient/AC/DC print tables, `meas`
results, and runs that fail (a voltage-source loop, a floating node, an unknown model or subcircuit, a vector that
does not exist, a syntax fault, a timestep too small in a loop of sources). The extractors are this round's (NEEDLES.md, "Round 234").
Run through capture_wide234.py."""

from __future__ import annotations

import random
import re
from pathlib import Path

import capture_more as cm
from capture_more import kind, run
from capture_wide224 import exit_lines, pick, shaped
from capture_wide234 import add

# ------------------------------------------------------------------ the extractors (NEEDLES.md, "Round 234")

ERR = r"Error|error|ERROR|singular|too small|[Uu]nknown|not found|could not|[Ff]ailed|abort"


def spice_diag(lines) -> list:
    """Rule 1: error lines one by one (warning shapes past 3 as one {"any"}), warnings one {"any"} per shape."""
    err = pick(lines, ERR)
    warn = [ln for ln in pick(lines, r"[Ww]arning") if ln not in err]
    return shaped(err) + cm.groups((cm.mask(ln), ln) for ln in warn)


def titles(lines) -> list:
    return pick(lines, r"^Circuit: ")


def _num(tok: str):
    try:
        return float(tok.rstrip(","))
    except ValueError:
        return None


def print_tables(lines) -> list:
    """Each print table's title lines and header row, its first and last data rows, each column's min/max rows."""
    out: list = []
    tables: dict[str, list[str]] = {}
    order: list[str] = []
    cur = None
    for i, ln in enumerate(lines):
        if re.match(r"^Index\s+\S+", ln):
            cur = ln
            if cur not in tables:
                tables[cur] = []
                order.append(cur)
                out.append(ln)
                for back in (2, 3):  # the analysis name (with its date) and the circuit title above the rule
                    if i - back >= 0 and lines[i - back].strip() and not lines[i - back].startswith("---"):
                        out.append(lines[i - back])
            continue
        if cur is not None and re.match(r"^\d+\t", ln):
            tables[cur].append(ln)
        elif cur is not None and ln.strip() and not ln.startswith("---") and not re.match(r"^\s", ln):
            cur = None
    for h in order:
        rows = tables[h]
        if not rows:
            continue
        out += [rows[0], rows[-1]]
        cols: dict[int, list] = {}
        for r in rows:
            for j, tok in enumerate(r.split("\t")[1:]):
                v = _num(tok.strip())
                if v is not None:
                    cols.setdefault(j, []).append((v, r))
        for vals in cols.values():
            out += [min(vals, key=lambda t: t[0])[1], max(vals, key=lambda t: t[0])[1]]
    return out


@kind("ngspice-op", "table")
def n_ngspice_op(lines):
    """Rule 5+1: every row of the Node/Voltage and Source/Current tables, every print-all `name = value` line, every error line (warnings one {"any"} per shape), the Circuit: title, EXIT=."""
    out: list = []
    for i, ln in enumerate(lines):
        if re.match(r"^\s*(Node|Source)\s+(Voltage|Current)\s*$", ln):
            out.append(ln)
            rows = 0
            for nx in lines[i + 1:]:
                if not nx.strip():
                    if rows:
                        break
                    continue
                if re.match(r"^\s*-+\s+-+\s*$", nx):
                    continue
                out.append(nx)
                rows += 1
    out += pick(lines, r"^\s*\S+\s+=\s+[-+]?\d[\d.e+-]*\s*$")
    return titles(lines) + out + spice_diag(lines) + exit_lines(lines)


def _tables(name: str):
    def ext(lines):
        return titles(lines) + print_tables(lines) + spice_diag(lines) + exit_lines(lines)
    ext.__doc__ = ("Rule 4+5: each print table's title lines and header row, its first and last data rows, the rows "
                   "holding each numeric column's min and max, every error line (warnings one {\"any\"} per shape), EXIT=.")
    return kind(name, "table")(ext)


n_ngspice_tran = _tables("ngspice-tran")
n_ngspice_ac = _tables("ngspice-ac")
n_ngspice_dc = _tables("ngspice-dc")


@kind("ngspice-meas", "log")
def n_ngspice_meas(lines):
    """Rule 5+1: every measurement result line (name = value [at=/targ=/trig=]), every failed-measurement line, the Circuit: title, EXIT=."""
    res = pick(lines, r"^\s*[A-Za-z_]\w*\s+=\s+[-+]?\d[\d.e+-]*(\s|$)")
    bad = pick(lines, r"failed|out of interval|Error|not found")
    return titles(lines) + res + bad + spice_diag(lines) + exit_lines(lines)


@kind("ngspice-error", "build")
def n_ngspice_error(lines):
    """Rule 1+3: every error/singular/too small/unknown/not found/could not/failed/abort line with the netlist line quoted within six, warnings one {"any"} per shape, the Circuit: title, EXIT=."""
    out: list = []
    for i, ln in enumerate(lines):
        if re.search(ERR, ln):
            out.append(ln)
            q = cm.next_match(lines, i, r"^\s*(line\s+\d+|[A-Za-z]\w*\s+\S+\s+\S+)", ahead=2)
            if q and re.search(r"^\s*line\s+\d+|^\s*[RCLVIQDXEBMJ]\w*\s", q, re.I) and not re.search(ERR, q):
                out.append(q)
    out = shaped(out)
    warn = [ln for ln in pick(lines, r"[Ww]arning") if not re.search(ERR, ln)]
    return titles(lines) + out + cm.groups((cm.mask(ln), ln) for ln in warn) + exit_lines(lines)


# ------------------------------------------------------------------ circuits

OPAMP = """.subckt opamp inp inn out
Rin inp inn 10Meg
Eg a 0 inp inn 2e5
Rp a b 1k
Cp b 0 15.9u
Eb c 0 b 0 1
Ro c out 75
.ends opamp
"""

MODELS = """.model DCLAMP D(IS=2.5n RS=0.5 N=1.8 CJO=4p BV=100)
.model DZ56 D(IS=1n RS=2 BV=5.6 IBV=5m)
.model QPASS NPN(IS=1e-14 BF=120 VAF=80 RB=10 CJE=20p CJC=8p TF=0.4n)
"""


def ladder(n: int, seed: int, src: str, title: str) -> str:
    rnd = random.Random(seed)
    body = [f"* {title}: {n}-section RC ladder", f"V1 n0 0 {src}"]
    for i in range(1, n + 1):
        body.append(f"R{i} n{i - 1} n{i} {rnd.choice([470, 680, 1000, 1500, 2200])}")
        body.append(f"C{i} n{i} 0 {rnd.choice(['100p', '220p', '470p', '1n'])}")
    body.append(f"RL n{n} 0 100k")
    return title + "\n" + "\n".join(body) + "\n"


def rlc(n: int, seed: int) -> str:
    rnd = random.Random(seed)
    body = ["RLC ladder (matching network)", "V1 in 0 DC 0 AC 1 PULSE(0 1 0 2n 2n 200n 400n)", "Rs in a0 50"]
    for i in range(1, n + 1):
        body.append(f"L{i} a{i - 1} a{i} {rnd.choice(['1u', '2.2u', '4.7u'])}")
        body.append(f"C{i} a{i} 0 {rnd.choice(['100p', '220p', '330p'])}")
    body.append(f"RL a{n} 0 50")
    return "\n".join(body) + "\n"


REGULATOR = """Zener-referenced linear regulator (5 V rail for the sensor board)
VIN vin 0 DC 12 PULSE(0 12 0 50u 1u 2m 4m)
RB vin base 680
DZ1 0 base DZ56
Q1 vin base vout QPASS
CO vout 0 10u
RLOAD vout 0 {rload}
RBLEED vout 0 10k
""" + MODELS

STAGE = """Non-inverting op-amp stage (gain 11) with input RC
VS src 0 DC 0.1 AC 1 SIN(0 0.1 1k)
RI src inp 1k
CI inp 0 1n
X1 inp fb out opamp
RF out fb 100k
RG fb 0 10k
RL out 0 2k
""" + OPAMP

SALLEN = """Sallen-Key low-pass, fc about 1 kHz
VS in 0 DC 0 AC 1 PULSE(0 1 0 1u 1u 5m 10m)
R1 in a 11.3k
R2 a b 11.3k
C1 a out 22n
C2 b 0 10n
X1 b out out opamp
RL out 0 10k
""" + OPAMP

CLAMP = """Diode clamp on the ADC input
VS in 0 DC 0 SIN(0 8 1k)
RS in adc 1k
D1 adc rail DCLAMP
D2 0 adc DCLAMP
VR rail 0 DC 3.3
CA adc 0 100p
RADC adc 0 100k
""" + MODELS


def deck(body: str, control: str) -> str:
    return body.rstrip("\n") + "\n.control\n" + control.strip("\n") + "\n.endc\n.end\n"


def netlists(d: Path) -> None:
    files = {
        "regulator_op.cir": deck(REGULATOR.format(rload=100), "op\nprint all\nprint i(vin)"),
        "ladder40_op.cir": deck(ladder(40, 2341, "DC 5 AC 1", "Sensor bias ladder"), "op\nprint all"),
        "stage_op.cir": STAGE + ".op\n.end\n",
        "ladder8_tran.cir": deck(ladder(8, 2342, "DC 0 AC 1 PULSE(0 5 0 1n 1n 2u 4u)", "Clock line RC model"),
                                 "tran 20n 8u\nprint v(n1) v(n4) v(n8)"),
        "rlc_tran.cir": deck(rlc(5, 2343), "tran 2n 1u\nprint v(a1) v(a3) v(a5)"),
        "regulator_tran.cir": deck(REGULATOR.format(rload=50), "tran 10u 4m\nprint v(vin) v(base) v(vout)"),
        "stage_tran.cir": deck(STAGE, "tran 10u 3m\nprint v(src) v(out)"),
        "clamp_tran.cir": deck(CLAMP, "tran 5u 2m\nprint v(in) v(adc) i(vr)"),
        "ladder12_ac.cir": deck(ladder(12, 2344, "DC 0 AC 1", "Anti-alias RC ladder"),
                                "ac dec 20 10 100Meg\nprint vdb(n12) vp(n12)"),
        "rlc_ac.cir": deck(rlc(7, 2345), "ac lin 300 100k 30Meg\nprint vdb(a7) vp(a7)"),
        "stage_ac.cir": deck(STAGE, "ac dec 25 1 10Meg\nprint vdb(out) vp(out)"),
        "sallen_ac.cir": deck(SALLEN, "ac dec 30 10 1Meg\nprint vdb(out)"),
        "clamp_dc.cir": deck(CLAMP, "dc VS -8 8 0.05\nprint v(adc) i(vr)"),
        "regulator_dc.cir": deck(REGULATOR.format(rload=100), "dc VIN 0 15 0.1\nprint v(base) v(vout) i(vin)"),
        "stage_dc.cir": deck(STAGE, "dc VS -1.5 1.5 0.02\nprint v(out) v(fb)"),
        "rlc_meas.cir": deck(rlc(3, 2346), "tran 1n 400n\n"
                             "meas tran vpeak MAX v(a3)\nmeas tran tpeak WHEN v(a3)=0.5 RISE=1\n"
                             "meas tran trise TRIG v(a3) VAL=0.05 RISE=1 TARG v(a3) VAL=0.45 RISE=1\n"
                             "meas tran vmin MIN v(a3) FROM=200n TO=400n\nmeas tran settle WHEN v(a3)=0.9 FALL=3\n"
                             "meas tran vavg AVG v(a3) FROM=50n TO=200n\nmeas tran vrms RMS v(a1)"),
        "sallen_meas.cir": deck(SALLEN, "ac dec 50 10 1Meg\nlet g=vdb(out)\n"
                                "meas ac gdc FIND vdb(out) AT=10\nmeas ac f3db WHEN vdb(out)=-3\n"
                                "meas ac f40 WHEN vdb(out)=-40\nmeas ac f80 WHEN vdb(out)=-80\n"
                                "meas ac gmax MAX vdb(out)\nmeas ac ph1k FIND vp(out) AT=1k"),
        "regulator_meas.cir": deck(REGULATOR.format(rload=50), "tran 10u 4m\n"
                                   "meas tran vout_max MAX v(vout)\nmeas tran vout_end FIND v(vout) AT=1.9m\n"
                                   "meas tran tstart TRIG v(vin) VAL=1 RISE=1 TARG v(vout) VAL=4.5 RISE=1\n"
                                   "meas tran drop FIND v(vin) AT=1m\nmeas tran ibase AVG i(vin) FROM=1m TO=2m\n"
                                   "meas tran over WHEN v(vout)=6 RISE=1\nmeas tran vbase_pp PP v(base)"),
        "stage_meas.cir": deck(STAGE, "tran 5u 5m\nmeas tran vpk MAX v(out)\nmeas tran vtr MIN v(out)\n"
                               "meas tran gain param='vpk/0.1'\nmeas tran tz WHEN v(out)=0 CROSS=2\n"
                               "meas tran clip WHEN v(out)=15 RISE=1\nmeas tran vrms RMS v(out) FROM=1m TO=5m"),
        # faults
        "loop_err.cir": "Two supplies fighting (a loop of voltage sources)\nV1 rail 0 DC 5\nV2 rail 0 DC 3.3\n"
                        "R1 rail out 1k\nR2 out 0 2k\n.op\n.end\n",
        "float_err.cir": deck(ladder(6, 2347, "DC 5", "Ladder with a floating tap").replace("R4 ", "* R4 removed\nRX4 ")
                              .replace("n3 n4", "nfl1 nfl2").replace("C3 n3 0", "C3 n3 nfl1"), "op\nprint all"),
        "model_err.cir": REGULATOR.format(rload=100).replace("Q1 vin base vout QPASS", "Q1 vin base vout Q2N3055")
                         .replace("DZ1 0 base DZ56", "DZ1 0 base BZX84C5V6") + ".tran 10u 1m\n.print tran v(vout)\n.end\n",
        "subckt_err.cir": SALLEN.replace("X1 b out out opamp", "X1 b out out tl072") + ".ac dec 10 10 1Meg\n"
                          ".print ac vdb(out)\n.end\n",
        "vector_err.cir": deck(CLAMP, "tran 5u 1m\nprint v(adc) v(vref) i(vclamp)\nprint v(adc_buf)\nplot v(adc)"),
        "syntax_err.cir": STAGE.replace("RF out fb 100k", "RF out fb").replace("CI inp 0 1n", "CI inp 0 1nF 2")
                          + ".tran 10u 1m bogus\n.print tran v(out)\n.end\n",
        "ladder30_ac.cir": deck(ladder(30, 2340, "DC 0 AC 1", "Long sensor cable RC model"),
                                "ac dec 40 100 1G\nprint vdb(n5) vdb(n10) vdb(n20) vdb(n30) vp(n30)"),
        "ladder180_op.cir": ladder(180, 2348, "DC 5", "Resistive divider string of the bias generator") + ".op\n.end\n",
        "ladder24_tran.cir": deck(ladder(24, 2349, "DC 0 AC 1 PULSE(0 3.3 0 5n 5n 1u 2u)", "Backplane trace RC model"),
                                  "tran 5n 4u\nprint v(n1) v(n6) v(n12) v(n18) v(n24)"),
    }
    cm.write_tree(d, files)


def spice(tmp: Path) -> None:
    d = tmp / "spice"
    netlists(d)

    def go(item, cmd, ext, typed=None):
        add(item, typed or cmd, run(cmd, cwd=d, timeout=180), ext)

    go("ngspice-op-regulator", "ngspice -b regulator_op.cir", n_ngspice_op)
    go("ngspice-op-ladder40", "ngspice -b ladder40_op.cir 2>&1; echo EXIT=$?", n_ngspice_op)
    go("ngspice-op-stage", "ngspice -b stage_op.cir", n_ngspice_op)
    go("ngspice-tran-ladder8", "ngspice -b ladder8_tran.cir 2>&1 | head -n 100", n_ngspice_tran)
    go("ngspice-tran-rlc", "ngspice -b rlc_tran.cir", n_ngspice_tran)
    go("ngspice-tran-regulator", "ngspice -b regulator_tran.cir 2>&1 | tail -n 80", n_ngspice_tran)
    go("ngspice-tran-stage", "ngspice -b stage_tran.cir", n_ngspice_tran)
    go("ngspice-tran-clamp", "ngspice -b clamp_tran.cir; echo EXIT=$?", n_ngspice_tran)
    go("ngspice-ac-ladder12", "ngspice -b ladder12_ac.cir", n_ngspice_ac)
    go("ngspice-ac-rlc", "ngspice -b rlc_ac.cir 2>&1 | head -n 150", n_ngspice_ac)
    go("ngspice-ac-stage", "ngspice -b stage_ac.cir", n_ngspice_ac)
    go("ngspice-ac-sallen", "ngspice -b sallen_ac.cir; echo EXIT=$?", n_ngspice_ac)
    go("ngspice-dc-clamp", "ngspice -b clamp_dc.cir", n_ngspice_dc)
    go("ngspice-dc-regulator", "ngspice -b regulator_dc.cir 2>&1 | tail -n 120", n_ngspice_dc)
    go("ngspice-dc-stage", "ngspice -b stage_dc.cir", n_ngspice_dc)
    go("ngspice-meas-rlc", "ngspice -b rlc_meas.cir", n_ngspice_meas)
    go("ngspice-meas-sallen", "ngspice -b sallen_meas.cir 2>&1; echo EXIT=$?", n_ngspice_meas)
    go("ngspice-meas-regulator", "ngspice -b regulator_meas.cir", n_ngspice_meas)
    go("ngspice-meas-stage", "ngspice -b stage_meas.cir 2>&1 | grep -vE '^(Total|DRAM|Maximum|Current|Shared|Text|Stack|Library)'",
       n_ngspice_meas)
    go("ngspice-error-loop", "ngspice -b loop_err.cir; echo EXIT=$?", n_ngspice_error)
    go("ngspice-error-floating", "ngspice -b float_err.cir", n_ngspice_error)
    go("ngspice-error-vector", "ngspice -b vector_err.cir 2>&1 | tail -n 60", n_ngspice_error)
    go("ngspice-error-syntax", "for f in syntax_err.cir vector_err.cir model_err.cir; do echo \"== $f\"; ngspice -b $f 2>&1; "
       "echo EXIT=$?; done | grep -iE '^==|error|warning|EXIT'", n_ngspice_error)
    go("ngspice-ac-ladder30", "ngspice -b ladder30_ac.cir", n_ngspice_ac)
    go("ngspice-dc-regulator-full", "ngspice -b regulator_dc.cir; echo EXIT=$?", n_ngspice_dc)
    go("ngspice-op-ladder180", "ngspice -b ladder180_op.cir", n_ngspice_op)
    go("ngspice-tran-ladder24", "ngspice -b ladder24_tran.cir > run.log 2>&1; echo EXIT=$?; cat run.log",
       n_ngspice_tran)


STEPS = [spice]
