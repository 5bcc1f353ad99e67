"""Round 226, diagram-as-code tools: the greenhouse's control system (`glasshouse`) drawn in PlantUML (sequence,
class, activity, state and component diagrams, some with faults put in) through check runs, `-syntax` and text
rendering; its bench layout, message flows and networks in blockdiag, seqdiag, nwdiag and actdiag; its sensor graph in
Graph::Easy's own syntax and in DOT. The extractors are this round's (NEEDLES.md, "Round 226"). Run through
capture_wide226.py."""

from __future__ import annotations

import random
import re
from pathlib import Path

import capture_more as cm
from capture_more import write_tree
from capture_wide226 import cap, exit_lines, loop_lines, tracebacks, warn_groups

# ------------------------------------------------------------------ the extractors (NEEDLES.md, "Round 226")

JAVA_EXC_RE = re.compile(r"^(\w+\.)+\w*(Exception|Error)\b")


@cm.kind("plantuml-check", "build")
def n_plantuml_check(lines):
    """Rule 1 on PlantUML check runs: every Error line N in file: line, the Some diagram description contains errors verdict, with -v the Found N files line and the Working on line of every file with an error, every Java exception line; EXIT=N."""
    out, bad = [], []
    for ln in lines:
        m = re.search(r"Error line \d+ in file: (\S+)", ln)
        if m:
            out.append(ln)
            bad.append(m.group(1).rsplit("/", 1)[-1])
        elif "Some diagram description contains errors" in ln or re.search(r"Found \d+ files?", ln) \
                or JAVA_EXC_RE.match(ln.strip()):
            out.append(ln)
    for name in bad:
        out.append(next((ln for ln in lines if re.search(r"Working on \S*" + re.escape(name) + r"$", ln)), None))
    return out + exit_lines(lines)


def _utxt_errors(lines):
    out = []
    for i, ln in enumerate(lines):
        if ln.strip().startswith("[From "):
            out.append(ln)
        elif re.match(r"^\s*\^+\s*$", ln):
            if i > 0 and lines[i - 1].strip():
                out.append(lines[i - 1])
            if i + 1 < len(lines) and lines[i + 1].strip():
                out.append(lines[i + 1])
    return out


def _first_with(lines, names):
    return [next((ln for ln in lines if name in ln), None) for name in names]


def utxt_extractor(names: list[str]):
    """The plantuml-utxt rule with the diagram's own names (a rendered diagram's participants, classes, nodes)."""
    return cm.named("plantuml-utxt", "doc",
                    "Rule 5 on PlantUML text rendering: on an error the [From ... (line N) ] line, the source line above the ^^^^ marker and the message under it; on a rendered diagram the first line holding each participant's, class's or node's name; EXIT=N.",
                    lambda lines: _utxt_errors(lines) + _first_with(lines, names) + exit_lines(lines))


@cm.kind("plantuml-syntax", "build")
def n_plantuml_syntax(lines):
    """Rule 5 on PlantUML -syntax in a loop: every result block's first line (the diagram type or ERROR), an ERROR block's line number and message lines, every loop line naming a file; EXIT=N."""
    out = []
    for i, ln in enumerate(lines):
        if ln.startswith("== ") and i + 1 < len(lines):
            out.append(lines[i + 1])
            if lines[i + 1].strip() == "ERROR":
                k = i + 2
                while k < len(lines) and lines[k].strip() and not lines[k].startswith("== "):
                    out.append(lines[k])
                    k += 1
    return out + loop_lines(lines) + exit_lines(lines)


def _diag_lines(lines):
    return [ln for ln in lines if ln.startswith("ERROR:")] + warn_groups(
        [ln for ln in lines if ln.startswith("WARNING:")], r"^WARNING:")


@cm.kind("blockdiag-batch", "build")
def n_blockdiag_batch(lines):
    """Rule 1 on blockdiag / seqdiag / nwdiag / actdiag in a loop: every ERROR: line, WARNING: lines one {"any"} per message shape, the loop's == file lines and exit=N lines when N is not 0; EXIT=N."""
    return _diag_lines(lines) + loop_lines(lines) + exit_lines(lines)


@cm.kind("blockdiag-debug", "log")
def n_blockdiag_debug(lines):
    """Rule 1 on a blockdiag-family --debug run: each traceback's exception line with its innermost File line, every ERROR: line, WARNING: lines one {"any"} per message shape; EXIT=N."""
    return tracebacks(lines) + _diag_lines(lines) + loop_lines(lines) + exit_lines(lines)


@cm.kind("graph-easy-error", "build")
def n_graph_easy_error(lines):
    """Rule 1 on graph-easy in a loop: every Error line, the loop's == file lines and exit=N lines when N is not 0; EXIT=N."""
    return [ln for ln in lines if re.search(r"\bError\b", ln)] + loop_lines(lines) + exit_lines(lines)


def render_extractor(names: list[str]):
    """The graph-easy-render rule with the input's own node names and edge labels."""
    def ext(lines):
        drawn = [ln for ln in lines if ln.strip()]
        ends = [drawn[0], drawn[-1]] if drawn else []
        errs = [ln for ln in lines if re.search(r"\bError\b", ln)]
        return ends + _first_with(lines, names) + errs + exit_lines(lines)
    return cm.named("graph-easy-render", "doc",
                    "Rule 5 on Graph::Easy renderings: the first line holding each node name or edge label of the input, the first and last non-blank line of the drawing, every error line; EXIT=N.",
                    ext)


# ------------------------------------------------------------------ PlantUML: the control system

SEQ = """@startuml
title {title}
participant "Bench Controller" as BC
participant "Sensor Hub" as SH
database "Readings DB" as DB
actor Grower
{body}
@enduml
"""


def seq_body(rnd: random.Random, n: int, bad: str = "") -> str:
    msgs = ["read temperature", "read humidity", "read CO2", "open vent", "close vent", "start misting",
            "stop misting", "store reading", "raise alarm"]
    out = []
    for i in range(n):
        a, b = rnd.sample(["BC", "SH", "DB", "Grower"], 2)
        out.append(f"{a} -> {b} : {rnd.choice(msgs)} #{i}")
        if i % 7 == 3:
            out.append(f"{b} --> {a} : ack #{i}")
        if i == n // 2 and bad:
            out.append(bad)
    return "\n".join(out)


CLASS = """@startuml
class Bench {
  +id : str
  +area_m2 : float
  +read() : Reading
}
class Sensor {
  +kind : str
  +calibrate(offset: float)
}
class Reading {
  +at : datetime
  +value : float
}
class Vent
class Mister
Bench "1" *-- "many" Sensor
Sensor --> Reading
Bench o-- Vent
Bench o-- Mister
{extra}
@enduml
"""

ACTIVITY = """@startuml
start
:read sensors;
if (temp > 28?) then (yes)
  :open vents;
elseif (humidity < 50?) then (yes)
  :start misting;
else (no)
  :idle;
endif
{extra}
stop
@enduml
"""

STATE = """@startuml
[*] --> Idle
Idle --> Venting : temp high
Venting --> Idle : temp ok
Idle --> Misting : humidity low
Misting --> Idle : humidity ok
{extra}
@enduml
"""

COMPONENT = """@startuml
package "Glasshouse" {
  [Bench Controller] as BC
  [Sensor Hub] as SH
  [Alarm Service] as AS
}
database "Readings DB" as DB
BC --> SH
SH --> DB
AS ..> DB : polls
{extra}
@enduml
"""


def puml_files(rnd: random.Random) -> dict[str, str]:
    f = {}
    for i, bad in enumerate(["", "", "BC -> : missing target", "", "SH ->> DB ; oops", "", "particpant Vent", ""]):
        f[f"diagrams/seq_{i:02d}.puml"] = SEQ.format(title=f"Cycle {i}", body=seq_body(rnd, 18 + 4 * i, bad))
    f["diagrams/classes.puml"] = CLASS.replace("{extra}", "Vent --> Bench : reports")
    f["diagrams/classes_bad.puml"] = CLASS.replace("{extra}", "class Alarm {\n  +level : int\n")
    f["diagrams/activity.puml"] = ACTIVITY.replace("{extra}", ":log decision;")
    f["diagrams/activity_bad.puml"] = ACTIVITY.replace("{extra}", "if (co2 > 1000?) then (yes)\n  :dose less;")
    f["diagrams/states.puml"] = STATE.replace("{extra}", "Venting --> [*]")
    f["diagrams/states_bad.puml"] = STATE.replace("{extra}", "Misting -> -> Idle")
    f["diagrams/components.puml"] = COMPONENT.replace("{extra}", "AS --> Grower : notify")
    f["diagrams/components_bad.puml"] = COMPONENT.replace("{extra}", "[Pump] -->> {BC}")
    return f


SEQ_NAMES = ["Bench Controller", "Sensor Hub", "Readings DB", "Grower"]
CLASS_NAMES = ["Bench", "Sensor", "Reading", "Vent", "Mister"]


def step_plantuml(tmp: Path) -> None:
    if not cm.have("plantuml", "plantuml-check"):
        return
    root = tmp / "glasshouse-puml"
    rnd = random.Random(2265)
    write_tree(root, puml_files(rnd))
    cap("plantuml-tsvg-all", "plantuml -tsvg diagrams/*.puml; echo EXIT=$?", root, n_plantuml_check, timeout=300)
    cap("plantuml-checkonly-v", "plantuml -checkonly -v diagrams/*.puml", root, n_plantuml_check, timeout=300)
    cap("plantuml-v-grep", "plantuml -v -tsvg diagrams/*.puml 2>&1 | grep -iE 'error|working on|found'",
        root, n_plantuml_check, timeout=300)
    syn = 'for f in diagrams/*.puml; do echo "== $f"; plantuml -syntax < "$f"; echo; done'
    cap("plantuml-syntax-loop", syn, root, n_plantuml_syntax, timeout=300)
    cap("plantuml-syntax-bad", 'for f in diagrams/*_bad.puml diagrams/seq_0[24].puml; do echo "== $f"; '
        'plantuml -syntax < "$f"; echo; done', root, n_plantuml_syntax, timeout=300)
    cap("plantuml-utxt-seq", "plantuml -tutxt -pipe < diagrams/seq_07.puml", root, utxt_extractor(SEQ_NAMES))
    cap("plantuml-utxt-classes", "plantuml -tutxt diagrams/classes.puml && cat diagrams/classes.utxt", root,
        utxt_extractor(CLASS_NAMES))
    cap("plantuml-utxt-bad-head", "plantuml -tutxt -pipe < diagrams/seq_04.puml | head -n 100", root,
        utxt_extractor(SEQ_NAMES))


# ------------------------------------------------------------------ blockdiag's family

BLOCK = "blockdiag {{\n  orientation = portrait;\n{body}\n}}\n"
SEQD = "seqdiag {{\n{body}\n}}\n"
NWD = "nwdiag {{\n{body}\n}}\n"
ACTD = "actdiag {{\n{body}\n}}\n"


def diag_files(rnd: random.Random) -> dict[str, str]:
    f = {}
    for i in range(12):
        edges = [f"  bench{j} -> valve{j % 3} -> pump;" for j in range(4 + i)]
        if i == 1:
            edges.append("  pump -> tank [colour = red];")
        if i == 3:
            edges.append("  tank [shape = hexagonal];")
        if i == 5:
            edges.append("  bench0 -> ;")
        body = "\n".join(edges)
        f[f"blockdiag/flow_{i}.diag"] = BLOCK.format(body=body) if i != 4 else BLOCK.format(body=body)[:-3] + "\n"
    for i in range(10):
        msgs = [f"  controller -> sensor{j} [label = \"poll {j}\"];\n  controller <-- sensor{j};" for j in range(3 + i)]
        if i == 2:
            msgs.append("  controller -> db [labell = \"store\"];")
        if i == 4:
            msgs.append("  controller => db [label = \"store\", return = \"ok\"")
        f[f"seqdiag/poll_{i}.diag"] = SEQD.format(body="\n".join(msgs))
    for i in range(8):
        nets = [f"  network lan{i} {{\n    address = \"10.0.{i}.0/24\";\n"
                + "".join(f"    node{j} [address = \"10.0.{i}.{j + 10}\"];\n" for j in range(4)) + "  }"]
        if i == 1:
            nets.append("  network lan1 { node9; }")
        if i == 2:
            nets.append("  group { color = \"#77FF77\"; node0; gateway; }")
        if i == 3:
            nets.append("  network wan { address = 300.1.1.1/24 }")
        f[f"nwdiag/net_{i}.diag"] = NWD.format(body="\n".join(nets))
    for i in range(6):
        lanes = ["  sense -> decide -> act -> log;", "  lane sensors { sense; }", "  lane logic { decide; act; }"]
        if i == 1:
            lanes.append("  lane store { log; sense; }")
        if i == 2:
            lanes.append("  act [shape = roundedbox, colr = blue];")
        f[f"actdiag/cycle_{i}.diag"] = ACTD.format(body="\n".join(lanes))
    return f


def step_blockdiag(tmp: Path) -> None:
    if not cm.have("blockdiag", "blockdiag-batch"):
        return
    root = tmp / "glasshouse-diag"
    write_tree(root, diag_files(random.Random(2266)))
    (root / "out").mkdir(exist_ok=True)
    loop = ('for t in blockdiag seqdiag nwdiag actdiag; do for f in $t/*.diag; do echo "== $f"; '
            '$t -Tsvg -o "out/$(basename "$f" .diag).svg" "$f"; echo "exit=$?"; done; done')
    cap("blockdiag-family-loop", loop, root, n_blockdiag_batch, timeout=300)
    cap("blockdiag-family-loop-exit", loop.replace("actdiag; do", "actdiag; do", 1) + " 2>&1 | grep -v '^exit=0$'; "
        "echo EXIT=$?", root, n_blockdiag_batch, timeout=300)
    cap("blockdiag-debug-flow", "blockdiag --debug -Tsvg -o out/f1.svg blockdiag/flow_1.diag", root,
        n_blockdiag_debug)
    cap("nwdiag-debug-loop", 'for f in nwdiag/net_[123].diag; do echo "== $f"; nwdiag --debug -Tsvg -o out/n.svg "$f";'
        ' echo "exit=$?"; done', root, n_blockdiag_debug, timeout=300)


# ------------------------------------------------------------------ Graph::Easy

def ge_graph(rnd: random.Random, n: int, bad: int = 0) -> tuple[str, list[str]]:
    names = [f"Bench {chr(65 + i)}" for i in range(n)] + ["Hub", "Gateway", "Cloud"]
    lines = ["graph { flow: east; }"]
    labels = []
    for i in range(n):
        lab = f"rs485 port {i}"
        labels.append(lab)
        lines.append(f"[ Bench {chr(65 + i)} ] -- {lab} --> [ Hub ]")
    lines += ["[ Hub ] == uplink ==> [ Gateway ]", "[ Gateway ] ..> [ Cloud ] { color: blue; }"]
    labels.append("uplink")
    for k in range(bad):
        j = rnd.randrange(n)
        lines.append(rnd.choice([f"[ Bench {chr(65 + j)} ] {{ colour: red; }}", f"[ Hub ] -> [ Bench {chr(65 + j)}",
                                 f"[ Cloud ] {{ shape: hexagon; }}", f"[ Hub ] --> [ Gateway ] {{ wieght: {k}; }}"]))
    return "\n".join(lines) + "\n", names + labels


DOT = """digraph control {{
  rankdir=LR;
{body}
}}
"""


def step_graph_easy(tmp: Path) -> None:
    if not cm.have("graph-easy", "graph-easy-error"):
        return
    root = tmp / "glasshouse-ge"
    rnd = random.Random(2267)
    files, names = {}, {}
    for i in range(9):
        text, nm = ge_graph(rnd, 3 + i, bad=(i % 3 != 0) * (1 + i % 2))
        files[f"graphs/net_{i}.txt"] = text
        names[i] = nm
    big, big_names = ge_graph(rnd, 20)
    files["graphs/full.txt"] = big
    dot_edges = [f'  "{a}" -> "{b}";' for a, b in [("sense", "filter"), ("filter", "decide"), ("decide", "vent"),
                                                    ("decide", "mist"), ("decide", "alarm"), ("vent", "log"),
                                                    ("mist", "log"), ("alarm", "log"), ("log", "sense")]]
    dot_edges += [f'  "bench{k}" -> "sense" [label="bus {k % 3}"];' for k in range(12)]
    files["graphs/control.dot"] = DOT.format(body="\n".join(dot_edges))
    write_tree(root, files)
    cap("graph-easy-loop", 'for f in graphs/net_*.txt; do echo "== $f"; graph-easy "$f" >/dev/null; echo "exit=$?"; '
        'done', root, n_graph_easy_error)
    cap("graph-easy-loop-ascii", 'for f in graphs/net_[0-8].txt; do echo "== $f"; graph-easy --as=ascii "$f"; '
        'echo "exit=$?"; done', root, n_graph_easy_error)
    cap("graph-easy-boxart-full", "graph-easy --as=boxart graphs/full.txt", root, render_extractor(big_names))
    cap("graph-easy-dot-ascii", "graph-easy --from=dot --as=ascii graphs/control.dot", root,
        render_extractor(["sense", "filter", "decide", "vent", "mist", "alarm", "log"]
                         + [f"bench{k}" for k in range(12)] + ["bus 0", "bus 1", "bus 2"]))
    cap("graph-easy-boxart-head", "graph-easy --as=boxart graphs/net_6.txt | head -n 100; echo EXIT=$?", root,
        render_extractor(names[6]))


STEPS = [step_plantuml, step_blockdiag, step_graph_easy]
