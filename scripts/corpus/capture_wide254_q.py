"""Round 254's circuits and runs: Qiskit (print(qc), the transpiler's DEBUG log, simulator counts, qasm2/qasm3 loads
with faults), Cirq (diagrams, simulator results, cirq.testing failures), PennyLane (qml.draw, a gradient run on a
two-qubit H2 Hamiltonian), Stim (circuit text, detector error models, errors) and PyZX (stats around full_reduce),
with faults put in on purpose and sizes widened by seeded generators. The extractors apply NEEDLES.md's "Round 254"
rules. Run through capture_wide254.py."""

from __future__ import annotations

import random
import re
from pathlib import Path

import capture_more as cm
from capture_more import groups, mask, write_tree
from capture_wide254 import cap

EXIT = re.compile(r"^EXIT=\d+$")
EXC = re.compile(r"^\s*[A-Za-z_][\w.]*(Error|Exception|Failure|Exit)\b(: |:$|$)")
RESULT = re.compile(r"^[A-Za-z_][\w\[\]().,-]* = \S")


def _exit(lines):
    return [ln for ln in lines if EXIT.match(ln)]


def _common(lines):
    """Rule 1 shared by every kind: exception lines with the innermost File line above each, Warning lines one
    {"any"} per shape; rule 5: the script's `name = value` result lines; the EXIT=N line."""
    out = []
    for i, ln in enumerate(lines):
        if EXC.match(ln):
            out.append(ln)
            for k in range(i - 1, max(-1, i - 40), -1):
                if re.match(r'^\s*File ".*", line \d+', lines[k]):
                    out.append(lines[k])
                    break
    out += groups((mask(ln), ln) for ln in lines if re.search(r"\w*Warning\b", ln) and not EXC.match(ln))
    out += [ln for ln in lines if RESULT.match(ln)]
    return out + _exit(lines)


def _num(s):
    try:
        return float(s)
    except ValueError:
        return None


# ---------------------------------------------------------------------------------------------- extractors

@cm.kind("qiskit-draw", "code")
def n_qiskit_draw(lines):
    """Rule 5 on Qiskit's text drawings: every wire's label row (q_0: , c: 3/ , with a fold's « prefix), the script's name = value lines, exception and Warning lines (rule 1), an EXIT=N line."""
    out = [ln for ln in lines if re.match(r"^\s*«?\s*[A-Za-z]\w*(_\d+)?: (\d+/)?", ln) and not RESULT.match(ln)
           and not EXC.match(ln) and re.search(r"[─═┤├┼■]", ln)]
    return out + _common(lines)


@cm.kind("qiskit-transpile-log", "log")
def n_qiskit_transpile_log(lines):
    """Rules 4+5 on Qiskit's transpiler DEBUG log: the first and last Pass: line, the slowest pass's line, the lines of passes seen at most twice when one pass covers half, the script's name = value lines, rule-1 lines, an EXIT=N line."""
    rows = []
    for ln in lines:
        m = re.search(r"Pass: (\w+) - ([\d.]+) \(ms\)", ln)
        if m:
            rows.append((ln, m.group(1), float(m.group(2))))
    out = []
    if rows:
        out += [rows[0][0], rows[-1][0], max(rows, key=lambda r: r[2])[0]]
        names = [r[1] for r in rows]
        top = max(set(names), key=names.count)
        if names.count(top) * 2 >= len(names):
            out += [r[0] for r in rows if names.count(r[1]) <= 2]
    return out + _common(lines)


@cm.kind("qiskit-counts", "table")
def n_qiskit_counts(lines):
    """Rules 4+5 on simulator counts: every counts-dict line, in bitstring/count tables the header and the most and least frequent rows, the script's name = value lines, rule-1 lines, an EXIT=N line."""
    out = [ln for ln in lines if re.search(r"\{'[01 ]+': \d+", ln)]
    rows = [(ln, int(m.group(2))) for ln in lines for m in [re.match(r"^\s*([01 ]{2,})\s+(\d+)\b", ln)] if m]
    if rows:
        out += [ln for ln in lines if re.match(r"^\s*(bitstring|outcome|state)\b", ln, re.I)][:1]
        out += [max(rows, key=lambda r: r[1])[0], min(rows, key=lambda r: r[1])[0]]
    return out + _common(lines)


@cm.kind("qasm-error", "build")
def n_qasm_error(lines):
    """Rule 1 on OpenQASM loads with faults: every exception line and a source-position line within six after it, every == file line the script prints, rule-1 lines, an EXIT=N line."""
    out = [ln for ln in lines if ln.startswith("== ")]
    for i, ln in enumerate(lines):
        if EXC.match(ln):
            pos = cm.next_match(lines, i, r"<input>:\d+,\d+|\bline \d+|\b\d+:\d+\b")
            if pos and not re.match(r'^\s*File "', pos):
                out.append(pos)
    return out + _common(lines)


@cm.kind("cirq-diagram", "code")
def n_cirq_diagram(lines):
    """Rule 5 on Cirq's text diagrams: every qubit's wire row (0: , q(2): , (1, 0): ), the script's name = value lines, rule-1 lines, an EXIT=N line."""
    out = [ln for ln in lines if re.match(r"^\s*(\d+|q\(\d+\)|\(\d+, \d+\)|[a-z]\w*): +[─│@XHM]", ln)]
    return out + _common(lines)


@cm.kind("cirq-simulate", "log")
def n_cirq_simulate(lines):
    """Rule 5 on Cirq's simulator output: the measurement key rows of a printed result (first and last past 6), every Counter line, the output vector line and the line under it, the script's name = value lines, rule-1 lines, an EXIT=N line."""
    keys = [ln for ln in lines if re.match(r"^\s*[\w()]+=[01]+", ln) or ln.startswith("measurements:")]
    out = keys if len(keys) <= 6 else keys[:1] + keys[-1:]
    out += [ln for ln in lines if "Counter({" in ln]
    for i, ln in enumerate(lines):
        if re.match(r"^\s*output vector:", ln):
            out.append(ln)
            if i + 1 < len(lines) and lines[i + 1].strip():
                out.append(lines[i + 1])
    return out + _common(lines)


@cm.kind("cirq-assert", "test")
def n_cirq_assert(lines):
    """Rule 1 on cirq.testing failures: the AssertionError line and the first non-blank line under it, the innermost File line, every Expected/Actual line, rule-1 lines, an EXIT=N line."""
    out = []
    for i, ln in enumerate(lines):
        if re.match(r"^\s*AssertionError\b", ln):
            nxt = [x for x in lines[i + 1:i + 4] if x.strip()]
            out += nxt[:1]
    out += [ln for ln in lines if re.match(r"^\s*(Expected|Actual|expected|actual)\b", ln)]
    return out + _common(lines)


@cm.kind("pennylane-draw", "code")
def n_pennylane_draw(lines):
    """Rule 5 on PennyLane drawings: every wire row (0: , a: ), the script's name = value lines, rule-1 lines, an EXIT=N line."""
    out = [ln for ln in lines if re.match(r"^\s*\w+: ─", ln)]
    return out + _common(lines)


@cm.kind("pennylane-opt", "log")
def n_pennylane_opt(lines):
    """Rules 4+5 on a PennyLane gradient run: the first and last step lines, the lowest and highest cost step lines, the final name = value lines, rule-1 lines, an EXIT=N line."""
    rows = [(ln, float(m.group(1))) for ln in lines for m in [re.match(r"^Step +\d+.*?(?:cost|energy) += *(-?[\d.]+(?:e-?\d+)?)", ln, re.I)] if m]
    out = []
    if rows:
        out += [rows[0][0], rows[-1][0], min(rows, key=lambda r: r[1])[0], max(rows, key=lambda r: r[1])[0]]
    return out + _common(lines)


@cm.kind("stim-circuit", "code")
def n_stim_circuit(lines):
    """Rule 5 on Stim circuit text: every REPEAT line, every OBSERVABLE_INCLUDE line, the first and last DETECTOR line, the first instruction line, the script's name = value lines, rule-1 lines, an EXIT=N line."""
    out = [ln for ln in lines if re.match(r"^\s*REPEAT \d+ \{", ln) or re.match(r"^\s*OBSERVABLE_INCLUDE", ln)]
    det = [ln for ln in lines if re.match(r"^\s*DETECTOR\b", ln)]
    out += det[:1] + det[-1:]
    ins = [ln for ln in lines if re.match(r"^[A-Z][A-Z_0-9]*(\(|\s|$)", ln)]
    return out + ins[:1] + _common(lines)


@cm.kind("stim-dem", "table")
def n_stim_dem(lines):
    """Rules 4+5 on Stim detector error models: error lines naming a logical observable (first 10), the lowest and highest probability error lines, every repeat line, detector/logical_observable declarations outside repeats (first and last past 6), the script's name = value lines, rule-1 lines, an EXIT=N line."""
    errs = [(ln, float(m.group(1))) for ln in lines for m in [re.match(r"^\s*error\(([\d.e-]+)\)", ln)] if m]
    out = [ln for ln, _ in errs if re.search(r"\bL\d+\b", ln)][:10]
    if errs:
        out += [min(errs, key=lambda r: r[1])[0], max(errs, key=lambda r: r[1])[0]]
    out += [ln for ln in lines if re.match(r"^\s*repeat \d+ \{", ln)]
    decl = [ln for ln in lines if re.match(r"^(detector|logical_observable)\b", ln)]
    out += decl if len(decl) <= 6 else decl[:1] + decl[-1:]
    return out + _common(lines)


@cm.kind("stim-error", "build")
def n_stim_error(lines):
    """Rule 1 on Stim errors: every exception line and up to 8 message lines under it to the next blank or traceback line, rule-1 lines, an EXIT=N line."""
    out = []
    for i, ln in enumerate(lines):
        if EXC.match(ln):
            for x in lines[i + 1:i + 9]:
                if not x.strip() or x.startswith(("Traceback", "== ")) or EXC.match(x) or EXIT.match(x):
                    break
                out.append(x)
    return out + _common(lines)


@cm.kind("pyzx-stats", "log")
def n_pyzx_stats(lines):
    """Rule 5 on PyZX reports: every Circuit … on N qubits with M gates line and the T-count/CNOT/Clifford lines under it, every Graph(N vertices, M edges) line, the script's name = value lines, rule-1 lines, an EXIT=N line."""
    out = [ln for ln in lines if re.search(r"[Cc]ircuit .*on \d+ qubits with \d+ gates|T-count|CNOT|Clifford|Graph\(\d+ vertices, \d+ edges\)", ln)]
    return out + _common(lines)


# ---------------------------------------------------------------------------------------------- Qiskit

QK_COMMON = '''import sys
from qiskit import QuantumCircuit, QuantumRegister, ClassicalRegister, transpile


def bell():
    qc = QuantumCircuit(2, 2, name="bell")
    qc.h(0); qc.cx(0, 1); qc.measure([0, 1], [0, 1])
    return qc


def ghz(n):
    qc = QuantumCircuit(n, n, name=f"ghz{n}")
    qc.h(0)
    for i in range(n - 1):
        qc.cx(i, i + 1)
    qc.barrier()
    qc.measure(range(n), range(n))
    return qc


def grover(n, marked):
    """Grover on n qubits marking one bitstring, the textbook number of iterations."""
    import math
    qc = QuantumCircuit(n, n, name=f"grover{n}")
    qc.h(range(n))
    for _ in range(max(1, int(math.pi / 4 * math.sqrt(2 ** n)))):
        for i, b in enumerate(reversed(marked)):
            if b == "0":
                qc.x(i)
        qc.h(n - 1); qc.mcx(list(range(n - 1)), n - 1); qc.h(n - 1)
        for i, b in enumerate(reversed(marked)):
            if b == "0":
                qc.x(i)
        qc.h(range(n)); qc.x(range(n))
        qc.h(n - 1); qc.mcx(list(range(n - 1)), n - 1); qc.h(n - 1)
        qc.x(range(n)); qc.h(range(n))
    qc.measure(range(n), range(n))
    return qc


def qft(n, swaps=True):
    import math
    qc = QuantumCircuit(n, name=f"qft{n}")
    for j in reversed(range(n)):
        qc.h(j)
        for k in reversed(range(j)):
            qc.cp(math.pi / 2 ** (j - k), k, j)
    if swaps:
        for i in range(n // 2):
            qc.swap(i, n - 1 - i)
    return qc


def teleport(wrong=False):
    """Teleport Ry(1.1)|0>; the wrong version applies the Z correction on the X bit's condition."""
    q = QuantumRegister(3, "q"); m0 = ClassicalRegister(1, "m0"); m1 = ClassicalRegister(1, "m1"); out = ClassicalRegister(1, "out")
    qc = QuantumCircuit(q, m0, m1, out, name="teleport")
    qc.ry(1.1, 0)
    qc.h(1); qc.cx(1, 2)
    qc.barrier()
    qc.cx(0, 1); qc.h(0)
    qc.measure(0, m0); qc.measure(1, m1)
    with qc.if_test((m1, 1)):
        qc.z(2) if wrong else qc.x(2)
    with qc.if_test((m0, 1)):
        qc.x(2) if wrong else qc.z(2)
    qc.ry(-1.1, 2)
    qc.measure(2, out)
    return qc


def randomish(n, depth, seed):
    import random
    rnd = random.Random(seed)
    qc = QuantumCircuit(n, n, name=f"rand{n}x{depth}")
    for _ in range(depth):
        k = rnd.random()
        a = rnd.randrange(n)
        if k < 0.3:
            qc.h(a)
        elif k < 0.45:
            qc.rz(round(rnd.uniform(-3.1, 3.1), 3), a)
        elif k < 0.55:
            qc.t(a)
        elif k < 0.6:
            qc.sdg(a)
        else:
            b = rnd.choice([x for x in range(n) if x != a])
            qc.cx(a, b) if k < 0.9 else qc.cz(a, b)
    qc.measure(range(n), range(n))
    return qc
'''

QK_DRAW = '''from circuits import *
which = sys.argv[1:]
for w in which:
    qc = {"bell": bell, "ghz5": lambda: ghz(5), "grover3": lambda: grover(3, "101"), "grover4": lambda: grover(4, "1011"),
          "qft5": lambda: qft(5), "teleport": teleport, "rand": lambda: randomish(8, 260, 2541),
          "rand6": lambda: randomish(6, 90, 2542)}[w]()
    print(f"# {qc.name}")
    print(qc.draw("text", fold=int(__import__("os").environ.get("FOLD", "120"))))
    print(f"depth = {qc.depth()}")
    print(f"size = {qc.size()}")
    print(f"count_ops = {dict(qc.count_ops())}")
'''

QK_TRANSPILE = '''import logging, os
from circuits import *
from qiskit.transpiler import CouplingMap
logging.basicConfig(level=logging.DEBUG, format="%(levelname)s:%(name)s:%(message)s")
for noisy in ("stevedore", "qiskit.passmanager.flow_controllers"):
    logging.getLogger(noisy).setLevel(logging.WARNING)
level = int(sys.argv[1]); which = sys.argv[2]
qc = {"grover4": lambda: grover(4, "1011"), "qft5": lambda: qft(5), "rand": lambda: randomish(6, 120, 2543),
      "grover5": lambda: grover(5, "10110")}[which]()
cmap = CouplingMap.from_line(qc.num_qubits)
out = transpile(qc, coupling_map=cmap, basis_gates=["rz", "sx", "x", "cx"], optimization_level=level, seed_transpiler=254)
print(f"optimization_level = {level}")
print(f"depth = {qc.depth()} -> {out.depth()}")
print(f"size = {qc.size()} -> {out.size()}")
print(f"count_ops = {dict(out.count_ops())}")
'''

QK_COUNTS = '''from circuits import *
from qiskit_aer import AerSimulator
sim = AerSimulator(seed_simulator=254)
which = sys.argv[1]; shots = int(sys.argv[2]) if len(sys.argv) > 2 else 1024
if which == "all":
    for name, qc in [("bell", bell()), ("ghz5", ghz(5)), ("grover3", grover(3, "101")), ("grover4", grover(4, "1011"))]:
        counts = sim.run(transpile(qc, sim), shots=shots).result().get_counts()
        print(f"{name}: {counts}")
        best = max(counts, key=counts.get)
        print(f"{name}.top = {best} ({counts[best]}/{shots})")
elif which == "teleport":
    for wrong in (False, True):
        qc = teleport(wrong)
        counts = sim.run(transpile(qc, sim), shots=shots).result().get_counts()
        print(f"teleport wrong={wrong}: {counts}")
        ones = sum(v for k, v in counts.items() if k.split()[0] == "1")
        print(f"teleport.p_out1 = {ones / shots:.4f}  (0 expected)")
else:
    qc = {"rand": lambda: randomish(10, 200, 2544), "grover5": lambda: grover(5, "10110")}[which]()
    counts = sim.run(transpile(qc, sim), shots=shots).result().get_counts()
    print(f"{'bitstring':>12}  {'count':>6}  {'prob':>7}")
    for k, v in sorted(counts.items(), key=lambda kv: -kv[1]):
        print(f"{k:>12}  {v:>6}  {v / shots:7.4f}")
    print(f"outcomes = {len(counts)}")
    print(f"shots = {shots}")
'''

QASM_FILES = {
    "good.qasm": 'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[3];\ncreg c[3];\nh q[0];\ncx q[0],q[1];\ncx q[1],q[2];\nmeasure q -> c;\n',
    "undefined_gate.qasm": 'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[3];\ncreg c[3];\nh q[0];\ncx q[0],q[1];\ntoffoli q[0],q[1],q[2];\nmeasure q -> c;\n',
    "index_range.qasm": 'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[3];\ncreg c[3];\nh q[0];\ncx q[2],q[3];\nmeasure q -> c;\n',
    "missing_creg.qasm": 'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[2];\ncreg c[2];\nh q[0];\ncx q[0],q[1];\nmeasure q[1] -> d[1];\n',
    "syntax.qasm": 'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[2];\ncreg c[2]\nh q[0];\ncx q[0] q[1];\nmeasure q -> c;\n',
    "bad_param.qasm": 'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[1];\nu3(pi/2, 0) q[0];\nrz(theta) q[0];\n',
    "missing_include.qasm": 'OPENQASM 2.0;\ninclude "qelib2.inc";\nqreg q[1];\nh q[0];\n',
    "v3_good.qasm": 'OPENQASM 3.0;\ninclude "stdgates.inc";\nqubit[3] q;\nbit[3] c;\nh q[0];\ncx q[0], q[1];\ncx q[1], q[2];\nc = measure q;\n',
    "v3_syntax.qasm": 'OPENQASM 3.0;\ninclude "stdgates.inc";\nqubit[2] q;\nbit[2] c;\nh q[0]\ncx q[0], q[1];\nc = measure q;\n',
    "v3_for.qasm": 'OPENQASM 3.0;\ninclude "stdgates.inc";\nqubit[4] q;\nfor int i in [0:3] {\n  cx q[i], q[i+1];\n}\nif (c[0] == 1) { x q[0]; }\nbit[4] c = measure q\n',
    "v3_keyword.qasm": 'OPENQASM 3.0;\nqubit[2] q;\ngate bell a, b { h a; cx a, b; }\nbell q[0], q[1];\ndef measure_all(qubit[2] r) -> bit[2] { return measure r; }\nbit[2] = measure_all(q);\n',
}

QASM2_LOAD = '''import sys, traceback
import qiskit.qasm2
for path in sys.argv[1:]:
    print(f"== {path}")
    try:
        qc = qiskit.qasm2.load(path, include_path=("."), custom_instructions=qiskit.qasm2.LEGACY_CUSTOM_INSTRUCTIONS)
        print(f"num_qubits = {qc.num_qubits}")
        print(f"size = {qc.size()}")
    except qiskit.qasm2.QASM2ParseError as e:
        traceback.print_exc(limit=1, file=sys.stdout)
'''

QASM2_ONE = '''import sys
import qiskit.qasm2
qc = qiskit.qasm2.load(sys.argv[1], custom_instructions=qiskit.qasm2.LEGACY_CUSTOM_INSTRUCTIONS)
print(qc)
'''

QASM3_PARSE = '''import sys, traceback
import openqasm3
for path in sys.argv[1:]:
    print(f"== {path}")
    try:
        prog = openqasm3.parse(open(path).read())
        print(f"statements = {len(prog.statements)}")
        for st in prog.statements:
            print(f"  {type(st).__name__} at line {st.span.start_line}")
    except Exception:
        traceback.print_exc(limit=2, file=sys.stdout)
'''


def qiskit_steps(tmp: Path) -> None:
    d = tmp / "qk"
    write_tree(d, {"circuits.py": QK_COMMON, "draw.py": QK_DRAW, "transpile_log.py": QK_TRANSPILE, "counts.py": QK_COUNTS,
                   "qasm2_load.py": QASM2_LOAD, "qasm2_one.py": QASM2_ONE, "qasm3_parse.py": QASM3_PARSE, **QASM_FILES})
    cap("qiskit-draw-bell-ghz-teleport", "python draw.py bell ghz5 teleport grover3", d, n_qiskit_draw, timeout=120)
    cap("qiskit-draw-grover4", "python draw.py grover3 grover4", d, n_qiskit_draw, timeout=120)
    cap("qiskit-draw-qft5-rand6-fold80", "FOLD=80 python draw.py qft5 rand6", d, n_qiskit_draw, timeout=120)
    cap("qiskit-draw-random-head", "python draw.py rand | head -n 100", d, n_qiskit_draw, timeout=120)
    cap("qiskit-transpile-log-grover4-l1", "python transpile_log.py 1 grover4 2>&1", d, n_qiskit_transpile_log, timeout=180)
    cap("qiskit-transpile-log-qft5-l3-tail", "python transpile_log.py 3 qft5 2>&1 | tail -n 80", d, n_qiskit_transpile_log, timeout=180)
    cap("qiskit-transpile-log-rand-l2", "python transpile_log.py 2 rand 2>&1", d, n_qiskit_transpile_log, timeout=180)
    cap("qiskit-transpile-log-grover5-l3-grep", "python transpile_log.py 3 grover5 2>&1 | grep -iE 'pass|error|warn|level|depth|size'",
        d, n_qiskit_transpile_log, timeout=180)
    cap("qiskit-counts-all", "python counts.py all 2048", d, n_qiskit_counts, timeout=180)
    cap("qiskit-counts-teleport-wrong", "python counts.py teleport 4000; python counts.py all 1000; echo EXIT=$?", d, n_qiskit_counts, timeout=180)
    cap("qiskit-counts-random10-table", "python counts.py rand 8192", d, n_qiskit_counts, timeout=180)
    cap("qasm-error-qasm2-all", "python qasm2_load.py good.qasm undefined_gate.qasm index_range.qasm missing_creg.qasm "
        "syntax.qasm bad_param.qasm missing_include.qasm", d, n_qasm_error, timeout=120)
    cap("qasm-error-qasm2-undefined-echo", "python qasm2_one.py undefined_gate.qasm; echo EXIT=$?", d, n_qasm_error, timeout=120)
    cap("qasm-error-qasm2-range-grep", "python qasm2_one.py index_range.qasm 2>&1 | grep -iE 'error|warn|fail|line'; echo EXIT=$?",
        d, n_qasm_error, timeout=120)
    cap("qasm-error-openqasm3-parse", "python qasm3_parse.py v3_good.qasm v3_syntax.qasm v3_for.qasm v3_keyword.qasm",
        d, n_qasm_error, timeout=120)


# ---------------------------------------------------------------------------------------------- Cirq

CQ_COMMON = '''import random, sys
import cirq


def ghz_grid(rows, cols):
    qs = [cirq.GridQubit(r, c) for r in range(rows) for c in range(cols)]
    ops = [cirq.H(qs[0])] + [cirq.CNOT(a, b) for a, b in zip(qs, qs[1:])]
    return cirq.Circuit(ops + [cirq.measure(*qs, key="m")])


def qft(n):
    qs = cirq.LineQubit.range(n)
    c = cirq.Circuit()
    for j in range(n):
        c.append(cirq.H(qs[j]))
        for k in range(j + 1, n):
            c.append(cirq.CZ(qs[k], qs[j]) ** (1 / 2 ** (k - j)))
    c.append(cirq.SWAP(qs[i], qs[n - 1 - i]) for i in range(n // 2))
    return c


def grover(n, marked):
    import math
    qs = cirq.LineQubit.range(n)
    c = cirq.Circuit(cirq.H.on_each(*qs))
    flips = [q for q, b in zip(qs, marked) if b == "0"]
    for _ in range(max(1, int(math.pi / 4 * math.sqrt(2 ** n)))):
        c.append(cirq.X.on_each(*flips))
        c.append(cirq.Z(qs[-1]).controlled_by(*qs[:-1]))
        c.append(cirq.X.on_each(*flips))
        c.append(cirq.H.on_each(*qs)); c.append(cirq.X.on_each(*qs))
        c.append(cirq.Z(qs[-1]).controlled_by(*qs[:-1]))
        c.append(cirq.X.on_each(*qs)); c.append(cirq.H.on_each(*qs))
    c.append(cirq.measure(*qs, key="result"))
    return c


def randomish(n, depth, seed):
    rnd = random.Random(seed)
    qs = cirq.LineQubit.range(n)
    c = cirq.Circuit()
    for _ in range(depth):
        a = rnd.randrange(n); k = rnd.random()
        if k < 0.3:
            c.append(cirq.H(qs[a]))
        elif k < 0.5:
            c.append(cirq.rz(round(rnd.uniform(-3, 3), 3))(qs[a]))
        elif k < 0.6:
            c.append(cirq.T(qs[a]))
        else:
            b = rnd.choice([x for x in range(n) if x != a])
            c.append(cirq.CNOT(qs[a], qs[b]) if k < 0.85 else cirq.CZ(qs[a], qs[b]))
    return c
'''

CQ_DRAW = '''from circuits import *
for w in sys.argv[1:]:
    c = {"ghz": lambda: ghz_grid(2, 3), "qft5": lambda: qft(5), "grover3": lambda: grover(3, "101"),
         "rand": lambda: randomish(7, 220, 2545), "rand5": lambda: randomish(5, 70, 2546)}[w]()
    print(f"# {w}")
    print(c)
    print(f"moments = {len(c)}")
    print(f"operations = {len(list(c.all_operations()))}")
'''

CQ_SIM = '''from circuits import *
w = sys.argv[1]; reps = int(sys.argv[2]) if len(sys.argv) > 2 else 20
sim = cirq.Simulator(seed=254)
if w == "state":
    for name, c in [("qft3", qft(3)), ("qft5", qft(5)), ("ghz", cirq.Circuit(cirq.H(cirq.LineQubit(0)), cirq.CNOT(*cirq.LineQubit.range(2)), cirq.CNOT(*cirq.LineQubit.range(1, 3))))]:
        print(f"# {name}")
        print(sim.simulate(c))
else:
    c = {"ghz": lambda: ghz_grid(2, 2), "grover3": lambda: grover(3, "101"), "grover4": lambda: grover(4, "0110")}[w]()
    res = sim.run(c, repetitions=reps)
    print(res)
    key = "m" if w == "ghz" else "result"
    print(res.histogram(key=key))
    top = res.histogram(key=key).most_common(1)[0]
    print(f"top = {top[0]:0{len(c.all_qubits())}b} ({top[1]}/{reps})")
'''

CQ_ASSERT = '''from circuits import *
import cirq.testing
a, b, c = cirq.LineQubit.range(3)
case = sys.argv[1]
if case == "equiv":
    # the swap written as three CNOTs, one of them the wrong way round
    ref = cirq.Circuit(cirq.SWAP(a, b), cirq.measure(a, b, key="m"))
    mine = cirq.Circuit(cirq.CNOT(a, b), cirq.CNOT(a, b), cirq.CNOT(a, b), cirq.measure(a, b, key="m"))
    print(f"checking = swap decomposition")
    cirq.testing.assert_circuits_with_terminal_measurements_are_equivalent(mine, ref, atol=1e-8)
elif case == "same":
    expected = qft(4)
    actual = qft(4)
    actual.insert(3, cirq.T(cirq.LineQubit(2)))
    cirq.testing.assert_same_circuits(actual, expected)
elif case == "unitary":
    import numpy as np
    u = cirq.unitary(cirq.Circuit(cirq.H(a), cirq.CNOT(a, b)))
    v = cirq.unitary(cirq.Circuit(cirq.H(a), cirq.CZ(a, b)))
    cirq.testing.assert_allclose_up_to_global_phase(u, v, atol=1e-8)
elif case == "bad_qubit":
    circ = cirq.Circuit(cirq.H(a), cirq.CNOT(a, a))
'''


def cirq_steps(tmp: Path) -> None:
    d = tmp / "cq"
    write_tree(d, {"circuits.py": CQ_COMMON, "draw.py": CQ_DRAW, "sim.py": CQ_SIM, "check.py": CQ_ASSERT})
    cap("cirq-diagram-ghz-qft-grover-rand5", "python draw.py ghz qft5 grover3 rand5", d, n_cirq_diagram, timeout=120)
    cap("cirq-diagram-random7", "python draw.py rand", d, n_cirq_diagram, timeout=120)
    cap("cirq-diagram-random5-tail", "python draw.py rand5 | tail -n 30", d, n_cirq_diagram, timeout=120)
    cap("cirq-simulate-ghz-grover3-run", "python sim.py ghz 200; python sim.py grover3 300; python sim.py state", d, n_cirq_simulate, timeout=120)
    cap("cirq-simulate-grover4-run-1500", "python sim.py grover4 1500", d, n_cirq_simulate, timeout=120)
    cap("cirq-simulate-grover3-3000", "python sim.py grover3 3000; echo EXIT=$?", d, n_cirq_simulate, timeout=120)
    cap("cirq-assert-equiv-echo", "python check.py equiv; echo EXIT=$?", d, n_cirq_assert, timeout=120)
    cap("cirq-assert-same-unitary", "for c in same unitary bad_qubit; do python check.py $c; echo EXIT=$?; done", d, n_cirq_assert, timeout=120)


# ---------------------------------------------------------------------------------------------- PennyLane

PL_DRAW = '''import sys
import pennylane as qml
from pennylane import numpy as np

w = sys.argv[1]
if w == "vqe":
    dev = qml.device("default.qubit", wires=2)

    @qml.qnode(dev)
    def circuit(p):
        qml.BasisState(np.array([1, 0]), wires=[0, 1])
        qml.RY(p[0], wires=0); qml.RY(p[1], wires=1)
        qml.CNOT(wires=[0, 1]); qml.RY(p[2], wires=0)
        return qml.expval(qml.PauliZ(0) @ qml.PauliZ(1))
    print(qml.draw(circuit)(np.array([0.1, 0.2, 0.3])))
    print(qml.draw(circuit, decimals=None)(np.array([0.1, 0.2, 0.3])))
elif w == "qft":
    dev = qml.device("default.qubit", wires=5)

    @qml.qnode(dev)
    def circuit(x):
        qml.BasisEmbedding(x, wires=range(5))
        qml.QFT(wires=range(5))
        return qml.probs(wires=range(5))
    print(qml.draw(circuit, level="device")(5))
    print(qml.draw(circuit)(5))
elif w == "layers":
    import numpy.random as npr
    npr.seed(254)
    n, layers = 6, int(sys.argv[2])
    dev = qml.device("default.qubit", wires=n)
    shape = qml.StronglyEntanglingLayers.shape(n_layers=layers, n_wires=n)
    weights = npr.uniform(0, 3.14, size=shape)

    @qml.qnode(dev)
    def circuit(w):
        qml.StronglyEntanglingLayers(w, wires=range(n))
        return [qml.expval(qml.PauliZ(i)) for i in range(n)]
    print(qml.draw(circuit, level="device", max_length=int(sys.argv[3]))(weights))
    print(f"layers = {layers}")
    print(f"expvals = {[round(float(v), 4) for v in circuit(weights)]}")
elif w == "bad_wire":
    dev = qml.device("default.qubit", wires=2)

    @qml.qnode(dev)
    def circuit():
        qml.Hadamard(0); qml.CNOT(wires=[0, 2])
        return qml.expval(qml.PauliZ(0))
    print(qml.draw(circuit)())
    print(circuit())
'''

PL_VQE = '''import sys
import pennylane as qml
from pennylane import numpy as np

# H2 at 0.7414 A in a two-qubit (parity-reduced) form
coeffs = [-0.4804, 0.3435, -0.4347, 0.5716, 0.0910, 0.0910]
obs = [qml.Identity(0), qml.PauliZ(0), qml.PauliZ(1), qml.PauliZ(0) @ qml.PauliZ(1), qml.PauliX(0) @ qml.PauliX(1), qml.PauliY(0) @ qml.PauliY(1)]
H = qml.Hamiltonian(coeffs, obs)
dev = qml.device("default.qubit", wires=2)


@qml.qnode(dev)
def cost(p):
    qml.PauliX(0)
    qml.RY(p[0], wires=1)
    qml.CNOT(wires=[1, 0])
    qml.RY(p[1], wires=0)
    return qml.expval(H)


steps = int(sys.argv[1]); lr = float(sys.argv[2]); opt_name = sys.argv[3] if len(sys.argv) > 3 else "gd"
opt = {"gd": qml.GradientDescentOptimizer, "adam": qml.AdamOptimizer, "mom": qml.MomentumOptimizer}[opt_name](stepsize=lr)
np.random.seed(254)
p = np.array(np.random.uniform(-1, 1, 2), requires_grad=True)
for i in range(steps):
    p, prev = opt.step_and_cost(cost, p)
    g = qml.grad(cost)(p)
    print(f"Step {i:4d}: cost = {float(prev):.8f} Ha  params = [{float(p[0]):+.6f}, {float(p[1]):+.6f}]  |grad| = {float(np.linalg.norm(g)):.3e}")
e = float(cost(p))
print(f"final_energy = {e:.8f} Ha")
print(f"final_params = [{float(p[0]):+.6f}, {float(p[1]):+.6f}]")
print(f"error_vs_fci = {e - (-1.85727503):+.6f} Ha  (electronic, nuclear repulsion left out)")
'''


def pennylane_steps(tmp: Path) -> None:
    d = tmp / "pl"
    write_tree(d, {"draw.py": PL_DRAW, "vqe.py": PL_VQE})
    cap("pennylane-draw-vqe-qft", "python draw.py vqe; python draw.py qft; python draw.py layers 4 100", d, n_pennylane_draw, timeout=180)
    cap("pennylane-draw-layers-big", "python draw.py layers 30 200", d, n_pennylane_draw, timeout=180)
    cap("pennylane-draw-bad-wire-echo", "python draw.py bad_wire; echo EXIT=$?", d, n_pennylane_draw, timeout=180)
    cap("pennylane-opt-gd-60", "python vqe.py 60 0.2 gd", d, n_pennylane_opt, timeout=300)
    cap("pennylane-opt-adam-tail", "python vqe.py 150 0.05 adam | tail -n 40", d, n_pennylane_opt, timeout=300)
    cap("pennylane-opt-gd-diverge-echo", "python vqe.py 40 2.9 gd; echo EXIT=$?", d, n_pennylane_opt, timeout=300)
    cap("pennylane-opt-mom-400", "python vqe.py 400 0.04 mom", d, n_pennylane_opt, timeout=300)


# ---------------------------------------------------------------------------------------------- Stim

ST_GEN = '''import sys
import stim
task, d, r = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
c = stim.Circuit.generated(task, distance=d, rounds=r, after_clifford_depolarization=0.001,
                           before_measure_flip_probability=0.002, after_reset_flip_probability=0.0015,
                           before_round_data_depolarization=0.0005)
what = sys.argv[4] if len(sys.argv) > 4 else "circuit"
if what == "circuit":
    print(c)
    print(f"num_qubits = {c.num_qubits}")
    print(f"num_detectors = {c.num_detectors}")
    print(f"num_observables = {c.num_observables}")
elif what == "dem":
    dem = c.detector_error_model(decompose_errors=True)
    print(dem)
    print(f"num_detectors = {dem.num_detectors}")
    print(f"num_observables = {dem.num_observables}")
    print(f"num_errors = {dem.num_errors}")
elif what == "flat":
    dem = c.detector_error_model(decompose_errors=False, flatten_loops=True)
    print(dem)
    print(f"num_errors = {dem.num_errors}")
    print(f"shortest_graphlike_error = {len(c.shortest_graphlike_error())}")
'''

ST_FILES = {
    "rep_good.stim": "R 0 1 2 3 4\nREPEAT 3 {\n    CX 0 1 2 3\n    CX 2 1 4 3\n    X_ERROR(0.01) 0 2 4\n    MR 1 3\n    DETECTOR rec[-2] rec[-4]\n    DETECTOR rec[-1] rec[-3]\n}\nM 0 2 4\nOBSERVABLE_INCLUDE(0) rec[-1]\n",
    "odd_targets.stim": "R 0 1 2\nH 0\nCX 0 1 2\nM 0 1 2\nDETECTOR rec[-1] rec[-2]\n",
    "bad_gate.stim": "R 0 1\nH 0\nCNOTT 0 1\nM 0 1\nDETECTOR rec[-1] rec[-2]\n",
    "bad_rec.stim": "R 0 1\nH 0\nCX 0 1\nM 0 1\nDETECTOR rec[-3]\n",
    "nondet.stim": "R 0 1\nH 0\nCX 0 1\nDEPOLARIZE1(0.01) 0\nM 0 1\nDETECTOR rec[-1]\nOBSERVABLE_INCLUDE(0) rec[-2]\n",
    "bad_prob.stim": "R 0\nX_ERROR(1.5) 0\nM 0\n",
    "unclosed.stim": "R 0 1\nREPEAT 2 {\n    CX 0 1\n    M 1\n",
}

ST_LOAD = '''import sys, traceback
import stim
for path in sys.argv[1:]:
    print(f"== {path}")
    try:
        c = stim.Circuit.from_file(path)
        dem = c.detector_error_model(decompose_errors=True)
        print(f"num_detectors = {dem.num_detectors}")
        print(f"num_errors = {dem.num_errors}")
    except Exception:
        traceback.print_exc(limit=1, file=sys.stdout)
'''

ST_COLOR = '''import stim
c = stim.Circuit.generated("color_code:memory_xyz", distance=5, rounds=3, after_clifford_depolarization=0.001)
print(f"num_detectors = {c.num_detectors}")
dem = c.detector_error_model(decompose_errors=True)
print(dem)
'''


def stim_steps(tmp: Path) -> None:
    d = tmp / "st"
    write_tree(d, {"gen.py": ST_GEN, "load.py": ST_LOAD, "color.py": ST_COLOR, **ST_FILES})
    cap("stim-circuit-rep-d15", "python gen.py repetition_code:memory 15 4", d, n_stim_circuit, timeout=120)
    cap("stim-circuit-color-d5", "python gen.py color_code:memory_xyz 5 3", d, n_stim_circuit, timeout=120)
    cap("stim-circuit-surface-d5-head", "python gen.py surface_code:rotated_memory_x 5 10 | head -n 100", d, n_stim_circuit, timeout=120)
    cap("stim-dem-rep-d5", "python gen.py repetition_code:memory 5 4 dem", d, n_stim_dem, timeout=120)
    cap("stim-dem-surface-d3", "python gen.py surface_code:rotated_memory_z 3 3 dem", d, n_stim_dem, timeout=120)
    cap("stim-dem-surface-d5-flat-tail", "python gen.py surface_code:rotated_memory_z 5 5 flat | tail -n 300", d, n_stim_dem, timeout=120)
    cap("stim-dem-unrotated-d3-flat", "python gen.py surface_code:unrotated_memory_z 3 4 flat", d, n_stim_dem, timeout=120)
    cap("stim-error-files", "python load.py rep_good.stim odd_targets.stim bad_gate.stim bad_rec.stim nondet.stim bad_prob.stim "
        "unclosed.stim", d, n_stim_error, timeout=120)
    cap("stim-error-color-decompose-echo", "python color.py; echo EXIT=$?", d, n_stim_error, timeout=120)
    cap("stim-error-nondet-echo", "python -c \"import stim; stim.Circuit.from_file('nondet.stim').detector_error_model()\"; "
        "echo EXIT=$?", d, n_stim_error, timeout=120)


# ---------------------------------------------------------------------------------------------- PyZX

ZX = '''import sys, random
import pyzx as zx
q, depth, mode = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
runs = int(sys.argv[4]) if len(sys.argv) > 4 else 1
for k in range(runs):
    random.seed(254 + k)
    print(f"== run {k} (seed {254 + k})")
    c = zx.generate.CNOT_HAD_PHASE_circuit(qubits=q, depth=depth, clifford=(mode == "clifford"))
    print("before:")
    print(c.stats())
    g = c.to_graph()
    print(g)
    zx.full_reduce(g, quiet=(mode != "verbose"))
    print("after full_reduce:")
    print(g)
    c2 = zx.extract_circuit(g.copy()).to_basic_gates()
    c3 = zx.optimize.basic_optimization(c2.split_phase_gates())
    print("extracted:")
    print(c3.stats())
    if q <= 8:
        print(f"compare_tensors = {zx.compare_tensors(c, c3, preserve_scalar=False)}")
    print(f"tcount = {c.tcount()} -> {c3.tcount()}")
if mode == "broken":
    bad = c3.copy()
    bad.add_gate("T", 1)
    print(f"compare_tensors_after_extra_T = {zx.compare_tensors(c, bad, preserve_scalar=False)}")
    bad.add_gate("CNOT", 0, q)
    print(bad.stats())
    print(f"compare_tensors_after_bad_cnot = {zx.compare_tensors(c, bad, preserve_scalar=False)}")
'''


def pyzx_steps(tmp: Path) -> None:
    d = tmp / "zx"
    write_tree(d, {"zx_run.py": ZX})
    cap("pyzx-stats-6q-clifford-t", "python zx_run.py 6 120 t 8", d, n_pyzx_stats, timeout=180)
    cap("pyzx-stats-5q-clifford", "python zx_run.py 5 80 clifford 6 | head -n 100", d, n_pyzx_stats, timeout=180)
    cap("pyzx-stats-8q-verbose", "python zx_run.py 8 300 verbose 5", d, n_pyzx_stats, timeout=180)
    cap("pyzx-stats-broken-echo", "python zx_run.py 4 60 broken 3; echo EXIT=$?", d, n_pyzx_stats, timeout=180)


STEPS = [qiskit_steps, cirq_steps, pennylane_steps, stim_steps, pyzx_steps]
