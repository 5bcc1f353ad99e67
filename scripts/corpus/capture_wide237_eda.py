"""Round 237, round 234's kinds on new material: ngspice in batch mode on circuits of this round's own (a buck
converter's LC output filter, a transistor LED driver, a twin-T notch, an NTC divider string, a ladder of LC
sections; seeded generators for size) with other faults (a current source into an open node, an unknown diode model,
a bad `.include`, a missing vector, a zero-valued inductor loop); gerbv's `--export` on a four-layer board
(`kelpboard`) with other faults (undefined apertures, unknown codes, a step-and-repeat left open, a drill file with
undefined tools and no end); Lepton EDA on a chain of comparator stages (missing values, floating inputs, duplicate
refdes) and symbols with other faults. Every extractor is round 234's, imported (NEEDLES.md, "Round 237"). Run
through capture_wide237.py."""

from __future__ import annotations

import random
from pathlib import Path

import capture_more as cm
from capture_more import run
from capture_wide234_eda import SYM, comp, n_drc2, n_geda_net, n_gerbv, n_spice_net, n_symcheck
from capture_wide234_spice import (n_ngspice_ac, n_ngspice_dc, n_ngspice_error, n_ngspice_meas, n_ngspice_op,
                                   n_ngspice_tran)
from capture_wide237 import add

# ------------------------------------------------------------------ circuits

MODELS = """.model DSCH D(IS=30n RS=0.05 N=1.05 CJO=150p BV=40)
.model DLED D(IS=1e-18 RS=3 N=2.2 CJO=20p)
.model QSW NPN(IS=5e-14 BF=200 VAF=60 RB=5 CJE=12p CJC=5p TF=0.3n)
"""

BUCK = """Buck converter output stage (ideal switch, LC filter, 3.3 V rail)
VIN vin 0 DC 12
VSW gate 0 PULSE(0 1 0 10n 10n 1.2u 4u)
S1 vin sw gate 0 SWMOD
D1 0 sw DSCH
L1 sw out 22u
C1 out 0 47u
RESR out 0 {rload}
.model SWMOD SW(VT=0.5 RON=0.05 ROFF=1Meg)
""" + MODELS

LED = """Transistor LED driver, 20 mA string of three LEDs
VCC vcc 0 DC 12
VCTL ctl 0 DC 3.3 PULSE(0 3.3 0 1u 1u 0.5m 1m)
RB ctl b 4.7k
Q1 c b e QSW
RE e 0 82
D1 vcc a1 DLED
D2 a1 a2 DLED
D3 a2 c DLED
"""+ MODELS

TWINT = """Twin-T notch at 50 Hz with buffer
VS in 0 DC 0 AC 1 SIN(0 1 50)
R1 in a 31.8k
R2 a out 31.8k
C3 a 0 200n
C1 in b 100n
C2 b out 100n
R3 b 0 15.9k
RL out 0 1Meg
"""


def ntc_string(n: int, seed: int) -> str:
    rnd = random.Random(seed)
    body = ["NTC thermistor divider string of the cold-store probes", "VREF ref 0 DC 2.5"]
    for i in range(1, n + 1):
        body.append(f"RTOP{i} ref t{i} {rnd.choice(['10k', '12k', '15k'])}")
        body.append(f"RNTC{i} t{i} 0 {rnd.randrange(3000, 33000)}")
        body.append(f"CF{i} t{i} 0 100n")
    return "\n".join(body) + "\n"


def lc_ladder(n: int, seed: int, title: str) -> str:
    rnd = random.Random(seed)
    body = [title, "V1 in 0 DC 0 AC 1 PULSE(0 2 0 1n 1n 50n 100n)", "RS in m0 75"]
    for i in range(1, n + 1):
        body.append(f"L{i} m{i - 1} m{i} {rnd.choice(['47n', '68n', '100n', '150n'])}")
        body.append(f"C{i} m{i} 0 {rnd.choice(['15p', '22p', '33p', '47p'])}")
    body.append(f"RT m{n} 0 75")
    return "\n".join(body) + "\n"


def deck(body: str, control: str) -> str:
    return body.rstrip("\n") + "\n.control\n" + control.strip("\n") + "\n.endc\n.end\n"


def netlists(d: Path) -> None:
    cm.write_tree(d, {
        "buck_op.cir": deck(BUCK.format(rload=3.3), "op\nprint all"),
        "ntc60_op.cir": ntc_string(60, 2371) + ".op\n.end\n",
        "led_op.cir": deck(LED, "op\nprint all\nprint i(vcc) i(vctl)"),
        "led_tran.cir": deck(LED, "tran 2u 2m\nprint v(b) v(c) i(vcc)"),
        "lc16_tran.cir": deck(lc_ladder(16, 2372, "Coax run LC model"), "tran 0.5n 200n\n"
                              "print v(m1) v(m4) v(m8) v(m12) v(m16)"),
        "twint_ac.cir": deck(TWINT, "ac dec 40 1 100k\nprint vdb(out) vp(out)"),
        "lc16_ac.cir": deck(lc_ladder(16, 2373, "Coax run LC model, sweep"), "ac lin 400 1Meg 400Meg\n"
                            "print vdb(m8) vdb(m16)"),
        "led_dc.cir": deck(LED, "dc VCTL 0 5 0.02\nprint v(b) v(e) i(vcc)"),
        "ntc_dc.cir": deck(ntc_string(4, 2374), "dc VREF 0 5 0.05\nprint v(t1) v(t2) v(t3) v(t4)"),
        "buck_meas.cir": deck(BUCK.format(rload=3.3), "tran 50n 300u\n"
                              "meas tran vout_pk MAX v(out)\nmeas tran vout_avg AVG v(out) FROM=200u TO=300u\n"
                              "meas tran ripple PP v(out) FROM=250u TO=300u\nmeas tran t90 WHEN v(out)=2.97 RISE=1\n"
                              "meas tran iin_avg AVG i(vin) FROM=200u TO=300u\nmeas tran vneg MIN v(sw)\n"
                              "meas tran tover WHEN v(out)=9 RISE=1"),
        "twint_meas.cir": deck(TWINT, "ac dec 100 1 100k\nmeas ac notch MIN vdb(out)\n"
                               "meas ac fnotch WHEN vdb(out)=-40 FALL=1\nmeas ac g10 FIND vdb(out) AT=10\n"
                               "meas ac g1k FIND vdb(out) AT=1k\nmeas ac fup WHEN vdb(out)=-3 RISE=1\n"
                               "meas ac ph50 FIND vp(out) AT=50\nmeas ac fbogus WHEN vdb(out)=20"),
        "open_err.cir": "Current source into an open node\nI1 0 x DC 1m\nC1 x 0 1n\nR1 y 0 1k\nV1 y 0 DC 1\n"
                        ".op\n.end\n",
        "model_err.cir": LED.replace("DLED\nD3", "LED_RED\nD3").replace(".model DLED", "* .model DLED")
                         + ".include /opt/models/kelp_leds.lib\n.tran 2u 1m\n.print tran v(c)\n.end\n",
        "vector_err.cir": deck(TWINT, "ac dec 10 1 10k\nprint vdb(notch) vdb(out)\nmeas ac x FIND vdb(nowhere) AT=50\n"
                           "let y = v(out) + v(missing)"),
        "lloop_err.cir": "Two inductors in a loop with a source (zero-ohm loop)\nV1 a 0 DC 1 PULSE(0 1 0 1n 1n 1u 2u)\n"
                         "L1 a b 1u\nL2 b 0 0\nL3 b 0 1u\nR1 a 0 1k\n.tran 1n 10u\n.print tran v(b)\n.end\n",
        "lc60_ac.cir": deck(lc_ladder(60, 2375, "Delay line of 60 LC sections"),
                            "ac dec 30 100k 2G\nprint vdb(m10) vdb(m30) vdb(m60) vp(m60)"),
    })


def spice(tmp: Path) -> None:
    d = tmp / "spice"
    netlists(d)

    def go(item, cmd, ext):
        add(item, cmd, run(cmd, cwd=d, timeout=240), ext)

    go("ngspice-op-ntc60", "ngspice -b ntc60_op.cir 2>&1 | head -n 140", n_ngspice_op)
    go("ngspice-op-led-buck", "ngspice -b led_op.cir; ngspice -b buck_op.cir; echo EXIT=$?", n_ngspice_op)
    go("ngspice-tran-led", "ngspice -b led_tran.cir; echo EXIT=$?", n_ngspice_tran)
    go("ngspice-tran-lc16", "ngspice -b lc16_tran.cir", n_ngspice_tran)
    go("ngspice-ac-twint", "ngspice -b twint_ac.cir", n_ngspice_ac)
    go("ngspice-ac-lc60", "ngspice -b lc60_ac.cir 2>&1 | head -n 400; echo EXIT=$?", n_ngspice_ac)
    go("ngspice-dc-led", "ngspice -b led_dc.cir", n_ngspice_dc)
    go("ngspice-dc-ntc", "ngspice -b ntc_dc.cir 2>&1 | tail -n 90; echo EXIT=$?", n_ngspice_dc)
    go("ngspice-meas-buck", "ngspice -b buck_meas.cir 2>&1 | grep -vE '^(Total|DRAM|Maximum|Current|Shared|Text|Stack|"
       "Library)'", n_ngspice_meas)
    go("ngspice-meas-twint", "ngspice -b twint_meas.cir; echo EXIT=$?", n_ngspice_meas)
    go("ngspice-error-open", "ngspice -b open_err.cir; echo EXIT=$?; ngspice -b lloop_err.cir 2>&1 | tail -n 40",
       n_ngspice_error)
    go("ngspice-error-model", "for f in model_err.cir vector_err.cir; do echo \"== $f\"; ngspice -b $f 2>&1; "
       "echo EXIT=$?; done", n_ngspice_error)


# ------------------------------------------------------------------ Gerber and Excellon files of `kelpboard`


def gerber(seed: int, n: int, faults: dict[int, str], eof: bool = True) -> str:
    rnd = random.Random(seed)
    out = ["G04 kelpboard 4-layer rev A*", "%FSLAX46Y46*%", "%MOMM*%", "%LPD*%", "%ADD10C,0.150000*%",
           "%ADD11C,0.250000*%", "%ADD12R,1.200000X0.900000*%", "%ADD13C,0.600000*%", "%ADD14O,1.700000X1.000000*%",
           "G01*"]
    for i in range(n):
        if i in faults:
            out.append(faults[i])
            continue
        ap = rnd.choice([10, 11, 11, 12, 13, 14])
        out.append(f"D{ap}*")
        x, y = rnd.randrange(0, 80_000_000, 10_000), rnd.randrange(0, 60_000_000, 10_000)
        if ap in (10, 11):
            out += [f"X{x}Y{y}D02*", f"X{x + rnd.randrange(-5_000_000, 5_000_000, 10_000)}Y{y}D01*"]
        else:
            out.append(f"X{x}Y{y}D03*")
    if eof:
        out.append("M02*")
    return "\n".join(out) + "\n"


def drill(seed: int, n: int, faults: dict[int, str], end: bool = True) -> str:
    rnd = random.Random(seed)
    out = ["M48", "METRIC,TZ", "T1C0.300", "T2C0.800", "T3C1.000", "T4C3.200", "%", "G90", "G05"]
    for i in range(n):
        if i in faults:
            out.append(faults[i])
            continue
        if i % 20 == 0:
            out.append(f"T{rnd.choice([1, 2, 3, 4])}")
        out.append(f"X{rnd.uniform(1, 79):.3f}Y{rnd.uniform(1, 59):.3f}")
    if end:
        out.append("M30")
    return "\n".join(out) + "\n"


def gerbv(tmp: Path) -> None:
    d = tmp / "gerber"
    rnd = random.Random(2376)
    in1 = {i: rnd.choice(["D33*", "D47*", "M03*", "%FOO*%", "G91*"]) for i in rnd.sample(range(2200), 70)}
    in2 = {i: rnd.choice(["D33*", "%SRX3Y2I5.0J4.0*%", "G70*", "%TF.Bogus*%"]) for i in rnd.sample(range(600), 25)}
    cm.write_tree(d, {
        "kelpboard-In1_Cu.g2": gerber(2377, 2200, in1),
        "kelpboard-In2_Cu.g3": gerber(2378, 600, in2, eof=False),
        "kelpboard-F_Paste.gtp": gerber(2379, 150, {}),
        "kelpboard-PTH.drl": drill(2380, 300, {9: "T9", 10: "X10.000Y10.000", 70: "T12", 71: "X20.0Y5.0",
                                                150: "G85X1Y1", 200: "M72"}, end=False),
    })
    (d / "out").mkdir(exist_ok=True)

    def go(item, cmd):
        add(item, cmd, run(cmd, cwd=d, timeout=240), n_gerbv)

    go("gerbv-export-inner-rs274x", "gerbv --export=rs274x -o out/in1.gbr kelpboard-In1_Cu.g2 2>&1 | head -n 120; "
       "echo EXIT=$?")
    go("gerbv-export-stack-png", "gerbv --export=png --dpi=200 -o out/stack.png kelpboard-*.g* kelpboard-PTH.drl "
       "kelpboard-B_Paste.gbp; echo EXIT=$?")


# ------------------------------------------------------------------ Lepton EDA: a chain of comparator stages


def chain(seed: int, stages: int, faults: set[str]) -> str:
    """Level detectors for the kelp-farm buoy: each stage a divider (two resistors) and an LM393 half."""
    rnd = random.Random(seed)
    parts = ["v 20201216 2"]
    x = 40000
    for s in range(1, stages + 1):
        th = f"THRESH{s}" if s % 2 else f"vth{s}"
        r1 = {"refdes": f"R{2 * s - 1}", "value": rnd.choice(["10k", "22k", "33k"]), "footprint": "0805",
              "net": ["VREF:1", f"{th}:2"]}
        r2 = {"refdes": f"R{2 * s}", "value": rnd.choice(["4.7k", "6.8k"]), "footprint": "0805",
              "net": [f"{th}:1", "GND:2"]}
        u = (s - 1) // 2 + 1
        pins = (3, 2, 1) if s % 2 else (5, 6, 7)
        g = {"refdes": f"U{u}", "slot": str(1 if s % 2 else 2), "footprint": "SO8",
             "net": [f"LEVEL:{pins[0]}", f"{th}:{pins[1]}", f"ALARM{s}:{pins[2]}"]}
        if "floating" in faults and s % 5 == 3:
            g["net"] = [f"{th}:{pins[1]}", f"ALARM{s}:{pins[2]}"]
            r2["net"] = [f"{th}:1"]
        if "dup-refdes" in faults and s % 7 == 4:
            r1["refdes"] = "R1"
        if "no-value" in faults and s % 3 == 0:
            del r2["value"]
        if "shared-alarm" in faults and s % 6 == 5:
            g["net"][-1] = f"ALARM{s - 1}:{pins[2]}"
        parts += [comp(x, "resistor-1.sym", r1), comp(x + 1000, "resistor-1.sym", r2), comp(x + 2000, "lm393-1.sym", g)]
        x += 4000
    return "\n".join(parts) + "\n"


def symbols() -> dict[str, str]:
    def pin(x: int, y: int, num: str | None, seq: str | None, label: str | None, ptype: str | None) -> str:
        lines = [f"P {x} {y} {x + 300} {y} 1 0 0", "{"]
        for k, v in (("pinnumber", num), ("pinseq", seq), ("pinlabel", label), ("pintype", ptype)):
            if v is not None:
                lines += [f"T {x} {y} 5 8 0 1 0 0 1", f"{k}={v}"]
        return "\n".join(lines + ["}"])

    def sym(attrs: list[str], pins: list[str]) -> str:
        out = ["v 20201216 2", "B 300 0 1400 2000 3 0 0 0 -1 -1 0 -1 -1 -1 -1 -1"]
        for a in attrs:
            out += ["T 400 2100 8 10 0 0 0 0 1", a]
        return "\n".join(out + pins) + "\n"

    return {
        "kelp-buoy-1.sym": sym(["device=BUOY_MCU", "refdes=U?", "footprint=QFN32"],
                               [pin(0, 100 * i, str(i), str(i), f"PA{i}", "io") for i in range(1, 13)]),
        "kelp-probe-1.sym": sym(["device=PROBE", "refdes=J?"],
                                [pin(0, 200 * i + (25 if i == 2 else 0), str(i % 3), str(i), f"S{i}",
                                     "clk" if i % 2 else "pwr_in") for i in range(1, 7)]),
        "kelp-relay-1.sym": sym(["device=RELAY", "refdes=K?", "footprint=RELAY_SPDT", "numslots=3", "slotdef=1:1,2",
                                 "slotdef=2:3,4", "pins=5"],
                                [pin(0, 200 * i, str(i) if i != 4 else None, str(i) if i != 1 else None, None,
                                     None if i == 3 else "pas") for i in range(1, 6)]),
        "kelp-sensor-1.sym": sym(["device=SENSOR", "refdes=", "footprint=SOT23", "value=", "graphical=0"],
                                 [pin(0, 200 * i, str(i), str(i), f"Q{i}", "oc") for i in range(1, 4)]),
    }


def lepton(tmp: Path) -> None:
    d = tmp / "lepton"
    d.mkdir(parents=True, exist_ok=True)
    cm.write_tree(d, {
        "buoy-levels.sch": chain(2381, 10, {"floating", "dup-refdes", "no-value", "shared-alarm"}),
        "buoy-array.sch": chain(2382, 90, {"floating", "no-value", "shared-alarm"}),
        "buoy-clean.sch": chain(2383, 14, set()),
        **symbols(),
    })
    cm.write_tree(d, {"gafrc": f'(component-library "{SYM}/analog")\n(component-library "{SYM}/linear")\n'
                              f'(component-library "{d}")\n'})

    def go(item, cmd, ext):
        add(item, cmd, run(cmd, cwd=d, timeout=300), ext)

    go("lepton-netlist-drc2-array", "lepton-netlist -g drc2 -o - buoy-array.sch 2>&1 | tail -n 120; echo EXIT=$?",
       n_drc2)
    go("lepton-netlist-drc2-levels", "lepton-netlist -g drc2 -o - buoy-levels.sch buoy-clean.sch", n_drc2)
    go("lepton-netlist-geda-array", "lepton-netlist -g geda -o - buoy-array.sch 2>&1 | tail -n 200", n_geda_net)
    go("lepton-netlist-geda-levels", "lepton-netlist -g geda -o - buoy-levels.sch; echo EXIT=$?", n_geda_net)
    go("lepton-netlist-spice-array", "lepton-netlist -g spice-sdb -o - buoy-array.sch 2>&1 | head -n 150", n_spice_net)
    go("lepton-symcheck-kelp", "lepton-symcheck -vv kelp-*.sym 2>&1; echo EXIT=$?", n_symcheck)
    go("lepton-symcheck-linear", f"lepton-symcheck -vv {SYM}/linear/*.sym 2>&1 | grep -vE '^$' | tail -n 150",
       n_symcheck)


STEPS = [spice, gerbv, lepton]
