"""Round 354's language-server steps: `millrace`, a windmill's code written here (Go, Python, TypeScript, Bash,
YAML, JSON, CSS; seeds 35450+) with faults put in, then gopls's CLI and -rpc.trace log and the node/Python servers
driven by round 343's client (capture_wide343_lsp.session), extractors imported unchanged. Run through
capture_wide354.py."""

from __future__ import annotations

import json
import random
from pathlib import Path

import capture_more as cm
from capture_wide343_lsp import (N_GOPLS_CALLS, N_GOPLS_CHECK, N_GOPLS_DEF, N_GOPLS_REFS, N_GOPLS_SYMBOLS, TRACE,
                                 session)
from capture_wide354 import ROOT, add, cap

STEPS: list = []
GOENV = {"GOFLAGS": "-mod=mod", "GOPROXY": "off", "GOTOOLCHAIN": "local", "GOWORK": "off"}
PARTS = ["Sail", "Stone", "Hopper", "Tail", "Hoist", "Governor", "Shoe", "Damsel", "Brake", "Fantail", "Cap", "Meal"]

# ------------------------------------------------------------------ material

GO_SAILS = '''package millrace

import (
	"errors"
	"fmt"
	"strconv"
)

// Sail is one sweep of the mill.
type Sail struct {
	Name    string
	Shutters int
	Reefed  bool
}

// Mill holds the sails, stones and hoppers.
type Mill struct {
	Sails   []Sail
	Hoppers map[string]int
	turns   int
}

// Turn advances the cap by one revolution and returns the sacks ground.
func (m *Mill) Turn(wind float64) (int, error) {
	if wind < 3 {
		return 0, errors.New("becalmed")
	}
	m.turns++
	return int(wind / 4), nil
}

// Fill loads grain into a named hopper.
func (m *Mill) Fill(name string, sacks int) {
	var spare map[string]int
	spare[name] = sacks
	m.Hoppers[name] += sacks
}

// Reef reefs every sail whose shutters exceed n.
func (m *Mill) Reef(n int) error {
	var err error
	for i := range m.Sails {
		if m.Sails[i].Shutters > n {
			n, err := strconv.Atoi(m.Sails[i].Name)
			if err != nil {
				return err
			}
			_ = n
			m.Sails[i].Reefed = true
		}
	}
	return err
	panic("reefed")
}

// Report prints the mill's state.
func (m *Mill) Report() string {
	fmt.Sprintf("%d turns", m.turns)
	return fmt.Sprintf("%s sails, %d hoppers", len(m.Sails), len(m.Hoppers))
}
'''

GO_WORKS = '''package millrace

// Day runs a day's grinding.
func Day(m *Mill, winds []float64) int {
	total := 0
	for _, w := range winds {
		s, err := m.Turn(w)
		if err != nil {
			continue
		}
		total += s
	}
	m.Fill("wheat", total)
	m.Reef(12)
	_ = m.Report()
	return total
}

// Week runs seven days.
func Week(m *Mill) int {
	sum := 0
	for d := 0; d < 7; d++ {
		sum += Day(m, []float64{2, 5, 9, float64(d)})
	}
	return sum
}
'''


def go_gen(rnd: random.Random, n: int) -> str:
    out = ["package millrace", "", 'import "fmt"', ""]
    for i in range(n):
        p = rnd.choice(PARTS)
        out += [f"// {p}{i} is a {p.lower()} record.", f"type {p}{i} struct {{", "\tID   int", "\tWear float64",
                "\tNote string", "}", "",
                f"// Check{p}{i} inspects a {p.lower()}.", f"func Check{p}{i}(x {p}{i}, m *Mill) string {{"]
        k = i % 9
        if k == 2:
            out.append('\treturn fmt.Sprintf("%d worn", x.Note)')
        elif k == 5:
            out += ["\tif x.Wear > 0.5 {", "\t\treturn \"worn\"", "\t}", "\tm.Turn(x.Wear)", '\treturn "ok"']
        elif k == 7:
            out += ["\tvar gone map[int]bool", "\tgone[x.ID] = true", '\treturn "ok"']
        else:
            out += [f"\tif x.Wear > 0.{rnd.randrange(1, 9)} {{", f'\t\treturn fmt.Sprintf("%s %d", "{p.lower()}", x.ID)',
                    "\t}", "\treturn x.Note"]
        out += ["}", ""]
    return "\n".join(out) + "\n"


PY_MILL = '''"""The mill's stones and hoppers."""
import os
import json
from dataclasses import dataclass


@dataclass
class Stone:
    name: str
    dressed_days: int
    gap_mm: float

    def wear(self, sacks: int) -> float:
        return self.gap_mm - sacks * 0.001


class Hopper:
    def __init__(self, capacity):
        self.capacity = capacity
        self.grain = 0

    def fill(self, sacks):
        if self.grain + sacks > self.capacity:
            raise ValueError("hopper overflows")
        self.grain += sacks
        return self.grian


def grind(stone: Stone, hopper: Hopper, hours):
    sacks = hopper.fill(hours * 3, True)
    stone.wear(sacks).round(2)
    if hours > 8:
        tired = True
    return tired


def dress(stones):
    for s in stones:
        s.dressed_days = 0
    return undressed
'''


def py_gen(rnd: random.Random, n: int) -> str:
    out = ['"""Generated mill tables."""', "from millrace.stones import Stone, Hopper", "import sys", ""]
    for i in range(n):
        p = rnd.choice(PARTS).lower()
        out += ["", f"def {p}_{i}(stone: Stone, hopper: Hopper) -> float:"]
        k = i % 8
        if k == 3:
            out += ["    return stone.weight * 2"]
        elif k == 6:
            out += ["    x = hopper.fill(1)", "    return stone.wear()"]
        else:
            out += [f"    return stone.wear({rnd.randrange(1, 40)}) + hopper.capacity*{rnd.randrange(9)}"]
    return "\n".join(out) + "\n"


TS_MILL = '''export interface Sail { name: string; shutters: number; reefed?: boolean }

export class Cap {
  private bearing = 0;
  constructor(public sails: Sail[]) {}

  wind(degrees: number): number {
    this.bearing = (this.bearing + degrees) % 360;
    return this.bearing;
  }

  reef(n: string): Sail[] {
    return this.sails.filter((s) => s.shutters > n);
  }
}

export function fantail(cap: Cap, gusts: number[]): number {
  let total: number;
  for (const g of gusts) total += cap.wind(g);
  const unused = 3;
  return cap.wind("north") + cap.bearing;
}
'''


def ts_gen(rnd: random.Random, n: int) -> str:
    out = ['import { Cap, Sail } from "./cap";', ""]
    for i in range(n):
        p = rnd.choice(PARTS).lower()
        k = i % 7
        out.append(f"export function {p}{i}(cap: Cap, s: Sail): number {{")
        if k == 2:
            out.append(f"  return s.shutters + s.name.lenght;")
        elif k == 4:
            out.append(f"  return cap.wind(s);")
        else:
            out.append(f"  return cap.wind(s.shutters * {rnd.randrange(1, 20)});")
        out += ["}", ""]
    return "\n".join(out) + "\n"


SH_MILL = '''#!/bin/bash
# Sack hoist: move flour sacks from the meal floor to the bin floor.
FLOOR=$1
cd /var/mill/$FLOOR
for sack in $(ls *.sack); do
  mv $sack ../bin/
done
count=`ls ../bin | wc -l`
if [ $count -gt 40 ]; then
  echo "bin floor full: $count"
fi
rm -rf /var/mill/$EMPTY/*
echo "hoisted to $FLOOR" >> $LOG
'''


def sh_gen(rnd: random.Random, n: int) -> str:
    out = ["#!/bin/bash", "# generated checks of the mill", "set -u"]
    for i in range(n):
        p = rnd.choice(PARTS).lower()
        k = i % 6
        out.append(f"check_{p}_{i}() {{")
        if k == 1:
            out.append(f"  cd /mill/{p}")
        elif k == 3:
            out.append(f"  for f in $(ls /mill/{p}/*.log); do grep -c worn $f; done")
        elif k == 5:
            out.append(f"  [ $1 == {p} ] && echo yes")
        else:
            out.append(f'  printf "%s\\n" "{p} {i} ok"')
        out.append("}")
    return "\n".join(out) + "\n"


SCHEMA = {"$schema": "http://json-schema.org/draft-07/schema#", "type": "object", "additionalProperties": False,
          "required": ["mill", "sails"],
          "properties": {"$schema": {"type": "string"}, "mill": {"type": "string"},
                         "sails": {"type": "array", "items": {"type": "object", "required": ["name", "shutters"],
                                                              "properties": {"name": {"type": "string"},
                                                                             "shutters": {"type": "integer",
                                                                                          "maximum": 40},
                                                                             "cloth": {"enum": ["canvas", "shutter",
                                                                                                "spring"]}}}},
                         "stones": {"type": "array", "items": {"type": "object",
                                                               "properties": {"gap_mm": {"type": "number"},
                                                                              "kind": {"enum": ["burr", "peak",
                                                                                                "cullin"]}}}}}}

YAML_BAD = '''mill: Hoppers Green
sails:
  - name: north
    shutters: 24
    cloth: canvas
  - name: east
    shutters: fifty
    cloth: linen
  - name: south
    shutters: 44
sails:
  - name: west
stones:
  - gap_mm: 0.4
    kind: granite
'''


def yaml_gen(rnd: random.Random, n: int) -> str:
    out = ["mill: Great Stones", "sails:"]
    for i in range(n):
        out += [f"  - name: sail{i}", f"    shutters: {rnd.randrange(10, 50) if i % 5 == 0 else rnd.randrange(10, 40)}",
                f"    cloth: {rnd.choice(['canvas', 'shutter', 'spring', 'sacking'] if i % 7 == 0 else ['canvas', 'shutter'])}"]
    out.append("stones:")
    for i in range(n // 2):
        out += [f"  - gap_mm: {rnd.random():.2f}", f"    kind: {'marble' if i % 9 == 4 else 'burr'}"]
    return "\n".join(out) + "\n"


JSON_BAD = '''{
  "mill": "Hoppers Green",
  "sails": [
    {"name": "north", "shutters": 24,},
    {"name": "east", "shutters": "12"}
  ],
  "stones": [ {"gap_mm": 0.3, "kind": "burr"} ]
  "governor": true
}
'''


def json_gen(rnd: random.Random, n: int, schema_uri: str) -> str:
    sails = []
    for i in range(n):
        s = {"name": f"sail{i}", "shutters": rnd.randrange(10, 40)}
        if i % 6 == 2:
            s["shutters"] = str(s["shutters"])
        if i % 9 == 4:
            s["cloth"] = "sacking"
        if i % 11 == 7:
            del s["name"]
        sails.append(s)
    return json.dumps({"$schema": schema_uri, "mill": "Great Stones", "sails": sails,
                       "stones": [{"gap_mm": rnd.random(), "kind": "burr"} for _ in range(n // 3)]}, indent=2) + "\n"


CSS_MILL = '''.cap-frame {
  colour: #8b4513;
  color: #8b45;
  width: 0px;
  display: inline;
  float: left;
}
.sail { }
.stone-floor { background: rgb(300, 20, 20, 5); margin: 0 0 0 0; -webkit-transform: rotate(3deg); }
.hopper { padding: 4px; padding: 6px; font-weight: heavy !important; }
@import url("mill.css");
'''


def css_gen(rnd: random.Random, n: int) -> str:
    out = []
    for i in range(n):
        p = rnd.choice(PARTS).lower()
        k = i % 8
        if k == 1:
            body = f"  colr: #{rnd.randrange(4096):03x};"
        elif k == 3:
            body = "  margin: 0px;\n  margin: 1px;"
        elif k == 5:
            body = ""
        else:
            body = f"  color: #{rnd.randrange(4096):03x};\n  padding: {rnd.randrange(12)}px;"
        out.append(f".{p}-{i} {{\n{body}\n}}\n")
    return "\n".join(out)


def write_mill(root: Path, seed: int, n: int) -> None:
    rnd = random.Random(seed)
    files = {
        "go/go.mod": "module example.com/millrace\n\ngo 1.19\n",
        "go/sails.go": GO_SAILS, "go/works.go": GO_WORKS, "go/parts.go": go_gen(rnd, n),
        "py/millrace/__init__.py": '"""Millrace."""\n', "py/millrace/stones.py": PY_MILL,
        "py/millrace/tables.py": py_gen(rnd, n),
        "ts/src/cap.ts": TS_MILL, "ts/src/parts.ts": ts_gen(rnd, n),
        "ts/tsconfig.json": json.dumps({"compilerOptions": {"strict": True, "target": "es2020", "module": "commonjs",
                                                            "noUnusedLocals": True}, "include": ["src"]}, indent=2),
        "sh/hoist.sh": SH_MILL, "sh/checks.sh": sh_gen(rnd, n),
        "conf/schema.json": json.dumps(SCHEMA, indent=2) + "\n", "conf/bad.yaml": YAML_BAD,
        "conf/mill.yaml": yaml_gen(rnd, n), "conf/bad.json": JSON_BAD,
        "css/cap.css": CSS_MILL, "css/parts.css": css_gen(rnd, n),
    }
    cm.write_tree(root, files)
    (root / "conf/mill.json").write_text(json_gen(rnd, n, (root / "conf/schema.json").resolve().as_uri()))


TREES = {"post": (35450, 14), "tower": (35451, 70), "smock": (35452, 160)}


def trees(tmp: Path) -> None:
    for name, (seed, n) in TREES.items():
        write_mill(tmp / name, seed, n)


STEPS.append(trees)

# ------------------------------------------------------------------ gopls


def pos(d: Path, rel: str, text: str, word: str | None = None) -> str:
    lines = (d / rel).read_text().splitlines()
    for i, ln in enumerate(lines):
        if text in ln:
            w = word or text.split()[-1]
            return f"{rel}:{i + 1}:{ln.index(w, ln.index(text)) + 1}"
    raise AssertionError(f"{text!r} not in {rel}")


def gocap(item: str, command: str, d: Path, ext, timeout: int = 300) -> None:
    cap(item, f"{command}; echo EXIT=$?", d, ext, timeout=timeout, env=GOENV)


def cap_gopls(tmp: Path) -> None:
    p, t, s = (tmp / n / "go" for n in ("post", "tower", "smock"))
    gocap("gopls-check-sails-post", "gopls check sails.go works.go", p, N_GOPLS_CHECK)
    gocap("gopls-check-parts-tower", "gopls check *.go", t, N_GOPLS_CHECK)
    gocap("gopls-check-smock", "gopls check parts.go sails.go", s, N_GOPLS_CHECK)
    gocap("gopls-references-turn", f"gopls references -d {pos(t, 'sails.go', 'func (m *Mill) Turn', 'Turn')}", t,
          N_GOPLS_REFS)
    gocap("gopls-references-mill-smock", f"gopls references {pos(s, 'sails.go', 'type Mill')}", s, N_GOPLS_REFS)
    gocap("gopls-symbols-parts-tower", "gopls symbols parts.go; gopls symbols sails.go", t, N_GOPLS_SYMBOLS)
    gocap("gopls-workspace-symbol-smock", "gopls workspace_symbol Check", s, N_GOPLS_SYMBOLS)
    gocap("gopls-call-hierarchy-turn", f"gopls call_hierarchy {pos(t, 'sails.go', 'func (m *Mill) Turn', 'Turn')}",
          t, N_GOPLS_CALLS)
    gocap("gopls-rename-sail", f"gopls definition {pos(p, 'works.go', 'm.Fill(', 'Fill')}; "
          f"gopls rename -d {pos(p, 'sails.go', 'type Sail')} Sweep", p, N_GOPLS_DEF)


def cap_gopls_trace(tmp: Path) -> None:
    d = tmp / "tower" / "go"
    log = d.parent / "gopls-trace.log"
    session(["gopls", "-rpc.trace", "-logfile", str(log), "serve"], d, [("sails.go", "go"), ("works.go", "go")],
            asks=[("works.go", 6, 10)], wait=60, env=GOENV)
    add("gopls-rpc-trace-tower", "cat ../gopls-trace.log  # an editor's session with: gopls -rpc.trace -logfile "
        "../gopls-trace.log serve, opening sails.go works.go", log.read_text(), TRACE["gopls-rpc-trace"])


STEPS += [cap_gopls, cap_gopls_trace]

# ------------------------------------------------------------------ node and Python servers


def lsp(item: str, kind: str, server: list[str], tree: Path, files: list[tuple[str, str]], **kw) -> None:
    shown = " ".join(rel for rel, _ in files)
    text = session(server, tree, files, **kw)
    add(item, f"lsp-client --trace verbose -- {' '.join(server)}  # open {shown}", text, TRACE[kind])


def cap_servers(tmp: Path) -> None:
    pyset = {"pylsp": {"plugins": {"pycodestyle": {"enabled": True, "maxLineLength": 100},
                                   "pyflakes": {"enabled": True}}}}
    lsp("pylsp-post", "lsp-trace-pylsp", ["pylsp"], tmp / "post" / "py",
        [("millrace/stones.py", "python"), ("millrace/tables.py", "python")], asks=[("millrace/stones.py", 30, 12)],
        settings=pyset)
    lsp("pylsp-tower", "lsp-trace-pylsp", ["pylsp"], tmp / "tower" / "py", [("millrace/tables.py", "python")],
        settings=pyset, symbols=0)
    ts5 = str(ROOT / "ts5" / "node_modules" / "typescript" / "lib" / "tsserver.js")
    lsp("tsls-post", "lsp-trace-typescript-language-server", ["typescript-language-server", "--stdio"],
        tmp / "post" / "ts", [("src/cap.ts", "typescript"), ("src/parts.ts", "typescript")],
        init_options={"tsserver": {"path": ts5}}, asks=[("src/cap.ts", 19, 16)], wait=60)
    lsp("tsls-tower", "lsp-trace-typescript-language-server", ["typescript-language-server", "--stdio"],
        tmp / "tower" / "ts", [("src/parts.ts", "typescript")], init_options={"tsserver": {"path": ts5}}, symbols=0,
        wait=60)
    for tree, files in (("post", ["hoist.sh", "checks.sh"]), ("smock", ["checks.sh"])):
        lsp(f"bashls-{tree}", "lsp-trace-bash-language-server", ["bash-language-server", "start"], tmp / tree / "sh",
            [(f, "shellscript") for f in files], settings={"bashIde": {"shellcheckPath": "shellcheck"}}, wait=40,
            stagger=True, symbols=1 if tree == "post" else 0)
    for tree, files in (("post", ["bad.yaml", "mill.yaml"]), ("tower", ["mill.yaml"])):
        d = tmp / tree / "conf"
        schema = (d / "schema.json").resolve().as_uri()
        settings = {"yaml": {"validate": True, "hover": True, "schemas": {schema: ["*.yaml"]},
                             "schemaStore": {"enable": False}}}
        lsp(f"yamlls-{tree}", "lsp-trace-yaml-language-server", ["yaml-language-server", "--stdio"], d,
            [(f, "yaml") for f in files], symbols=1 if tree == "post" else 0, settings=settings, wait=30)
    for tree, files in (("post", ["bad.json", "mill.json"]), ("tower", ["mill.json"])):
        d = tmp / tree / "conf"
        schema = (d / "schema.json").resolve().as_uri()
        settings = {"json": {"validate": {"enable": True}, "schemas": [{"fileMatch": ["*.json"], "url": schema}]}}
        lsp(f"jsonls-{tree}", "lsp-trace-vscode-json-language-server", ["vscode-json-language-server", "--stdio"], d,
            [(f, "json") for f in files], symbols=1 if tree == "post" else 0, settings=settings,
            init_options={"provideFormatter": True}, wait=30)
    lint = {"duplicateProperties": "warning", "emptyRules": "warning", "zeroUnits": "warning",
            "propertyIgnoredDueToDisplay": "warning", "unknownProperties": "error", "importStatement": "warning",
            "vendorPrefix": "warning", "important": "warning", "float": "warning"}
    for tree, files in (("post", ["cap.css", "parts.css"]), ("tower", ["parts.css"])):
        lsp(f"cssls-{tree}", "lsp-trace-vscode-css-language-server", ["vscode-css-language-server", "--stdio"],
            tmp / tree / "css", [(f, "css") for f in files], symbols=1 if tree == "post" else 0,
            settings={"css": {"validate": True, "lint": lint}}, init_options={"provideFormatter": True}, wait=30)


STEPS.append(cap_servers)
