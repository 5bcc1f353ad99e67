"""Round 343's material: `lanternworks`, a made-up lighthouse-keeping codebase (lamps, keepers, logbooks, fog signals)
written here in Python, TypeScript, Go, Bash, YAML, JSON and CSS, clean files among files with faults put in on purpose;
bigger files from seeded generators (seeds 34300 and up). Run through capture_wide343.py."""

from __future__ import annotations

import json
import random
from pathlib import Path

from capture_more import write_tree

WORDS = ["lamp", "lens", "wick", "fog", "horn", "tide", "gale", "beam", "mantle", "prism", "keeper", "gallery",
         "watch", "signal", "reef", "buoy", "shoal", "lantern", "oil", "clock"]

# ------------------------------------------------------------------ Python

PY_CLEAN = '''
"""Lamps and their fuel."""
from dataclasses import dataclass


@dataclass
class Lamp:
    """One lamp in a lantern room."""

    name: str
    wick_mm: float
    oil_litres: float

    def burn(self, hours: float) -> float:
        """Oil left after burning for `hours`."""
        return max(0.0, self.oil_litres - 0.35 * hours)


def brightest(lamps: list[Lamp]) -> Lamp:
    """The lamp with the widest wick."""
    return max(lamps, key=lambda lamp: lamp.wick_mm)
'''

PY_BROKEN = '''
"""Keepers and their watches."""
import os
import sys
import json
from collections import OrderedDict, defaultdict
from lanternworks.lamp import Lamp, brightest


class Keeper:
    def __init__(self, name, station):
        self.name = name
        self.station = station
        self.watches = []

    def take_watch(self, start, hours):
        unused_total = 0
        self.watches.append((start, hours))
        return total_hours(self.watches)

    def log_line(self):
        return "%s at %s" % (self.name, stationn)


def rota(keepers, nights):
    plan = defaultdict(list)
    for night in range(nights):
        k = keepers[night % len(keepers)]
        plan[night].append(k.name)
    return plann


def fuel_report(lamps):
    best = brightest(lamps)
    report = {l.name: l.burn(12) for l in lamps}
    if best == None:
        return {}
    return reportt
'''


def py_generated(rnd: random.Random, n: int, faults: float) -> str:
    lines = ['"""Generated watch tables."""', "import math", "import re", "import itertools", ""]
    for i in range(n):
        a, b = rnd.sample(WORDS, 2)
        name = f"{a}_{b}_{i}"
        r = rnd.random()
        if r < faults / 3:
            body = f"    return {a}_level * {b}_rate + missing_{i}"
        elif r < 2 * faults / 3:
            body = f"    x{i} = {i}\n    return {a}_level+{b}_rate"
        elif r < faults:
            body = f"    if {a}_level == None:\n        return 0\n    return {a}_level * {b}_rate"
        else:
            body = f"    return {a}_level * {b}_rate + {i}"
        lines.append(f"def {name}({a}_level, {b}_rate):\n    \"\"\"{a.title()} against {b}.\"\"\"\n{body}\n\n")
    return "\n".join(lines)


# ------------------------------------------------------------------ TypeScript

TS_CLEAN = '''
export interface Lamp {
  name: string;
  wickMm: number;
  oilLitres: number;
}

export function burn(lamp: Lamp, hours: number): number {
  return Math.max(0, lamp.oilLitres - 0.35 * hours);
}

export function brightest(lamps: Lamp[]): Lamp | undefined {
  return lamps.reduce<Lamp | undefined>((best, l) => (!best || l.wickMm > best.wickMm ? l : best), undefined);
}
'''

TS_BROKEN = '''
import { Lamp, burn, brightest, dim } from "./lamp";
import * as fs from "fs";

export class Keeper {
  watches: Array<[number, number]> = [];
  constructor(public name: string, private station: string) {}

  takeWatch(start: number, hours: string): number {
    this.watches.push([start, hours]);
    return this.watches.reduce((t, w) => t + w[1], 0);
  }

  logLine(): string {
    return `${this.name} at ${this.statoin}`;
  }
}

export function fuelReport(lamps: Lamp[]): Record<string, number> {
  const best: Lamp = brightest(lamps);
  const report: Record<string, number> = {};
  for (const l of lamps) {
    report[l.name] = burn(l, "12");
  }
  const unusedTotal = 0;
  return reportt;
}
'''


def ts_generated(rnd: random.Random, n: int, faults: float) -> str:
    out = ['import { Lamp } from "./lamp";', ""]
    for i in range(n):
        a, b = rnd.sample(WORDS, 2)
        r = rnd.random()
        if r < faults / 2:
            body = f"  const v: number = `{a}-${{{b}}}`;\n  return v;"
        elif r < faults:
            body = f"  return {a} * {b} + lamp.wickMn;"
        else:
            body = f"  return {a} * {b} + lamp.wickMm;"
        out.append(f"export function {a}{b.title()}{i}(lamp: Lamp, {a}: number, {b}: number): number {{\n{body}\n}}\n")
    return "\n".join(out)


# ------------------------------------------------------------------ Go

GO_LAMP = '''
package lanternworks

import "math"

// Lamp is one lamp in a lantern room.
type Lamp struct {
	Name      string
	WickMm    float64
	OilLitres float64
}

// Burn returns the oil left after burning for hours.
func (l Lamp) Burn(hours float64) float64 {
	return math.Max(0, l.OilLitres-0.35*hours)
}

// Brightest returns the lamp with the widest wick.
func Brightest(lamps []Lamp) Lamp {
	best := lamps[0]
	for _, l := range lamps[1:] {
		if l.WickMm > best.WickMm {
			best = l
		}
	}
	return best
}
'''

GO_KEEPER = '''
package lanternworks

import (
	"fmt"
	"os"
	"strings"
)

// Keeper keeps a station's watches.
type Keeper struct {
	Name    string
	Station string
	Watches []Watch
}

// Watch is one stretch on duty.
type Watch struct {
	Start, Hours int
}

// TakeWatch records a watch and returns the hours kept so far.
func (k *Keeper) TakeWatch(start int, hours string) int {
	unused := 0
	k.Watches = append(k.Watches, Watch{start, hours})
	return totalHours(k.Watches)
}

// LogLine is the keeper's line in the logbook.
func (k *Keeper) LogLine() string {
	return fmt.Sprintf("%s at %d", k.Name, k.Station)
}

// FuelReport burns every lamp for twelve hours.
func FuelReport(lamps []Lamp) map[string]float64 {
	best := Brightest(lamps)
	report := map[string]float64{}
	for _, l := range lamps {
		report[l.Name] = l.Burn("12")
	}
	fmt.Printf("%s\\n", best)
	return reportt
}

func Rota(keepers []Keeper, nights int) [][]string {
	plan := make([][]string, nights)
	for n := 0; n < nights; n++ {
		plan[n] = append(plan[n], keepers[n%len(keepers)].Name)
	}
	return plan
}
'''

GO_CALLS = '''
package lanternworks

// Night runs one night's rota.
func Night(keepers []Keeper, lamps []Lamp) int {
	total := 0
	for i := range keepers {
		total += keepers[i].TakeWatch(i, 4)
	}
	_ = FuelReport(lamps)
	_ = Brightest(lamps)
	return total
}

// Season runs many nights.
func Season(keepers []Keeper, lamps []Lamp, nights int) int {
	t := 0
	for n := 0; n < nights; n++ {
		t += Night(keepers, lamps)
		_ = Rota(keepers, n)
	}
	return t
}

func totalHours(ws []Watch) int {
	t := 0
	for _, w := range ws {
		t += w.Hours
	}
	return t
}
'''


def go_generated(rnd: random.Random, n: int, faults: float) -> str:
    out = ["package lanternworks", "", 'import "fmt"', ""]
    for i in range(n):
        a, b = rnd.sample(WORDS, 2)
        name = f"{a.title()}{b.title()}{i}"
        r = rnd.random()
        if r < faults / 3:
            body = f"\treturn {a} * {b} + missing{i}"
        elif r < 2 * faults / 3:
            body = f'\tvar s string = {a}\n\treturn len(s) + {b}'
        elif r < faults:
            body = f'\tfmt.Printf("%d\\n", "{a}")\n\treturn {a} + {b}'
        else:
            body = f"\treturn {a}*{b} + {i}"
        out.append(f"// {name} weighs {a} against {b}.\nfunc {name}({a}, {b} int) int {{\n{body}\n}}\n")
    out.append("var _ = fmt.Sprint\n")
    return "\n".join(out)


# ------------------------------------------------------------------ Bash

SH_CLEAN = '''#!/bin/bash
set -euo pipefail
# Trim every lamp's wick listed in the inventory.
inventory="${1:-inventory.txt}"
while IFS= read -r lamp; do
  printf 'trimming %s\\n' "$lamp"
done < "$inventory"
'''

SH_BROKEN = '''#!/bin/bash
# Rotate the logbook and mail the night's watch.
LOGDIR=/var/log/lanternworks
for f in $(ls $LOGDIR/*.log); do
  mv $f $f.old
done
cd $LOGDIR/archive
keeper=`whoami`
if [ $keeper == "root" ]; then
  echo "rotated by $keeper"
fi
rm -rf $ARCHIVE_ROOT/*
count=$(wc -l < $LOGDIR/night.log)
if [ $count -gt 100 ]; then
  echo too many
fi
read line
echo $undefined_var
'''


SH_SYNTAX = '''#!/bin/bash
# Light the lamps at dusk.
for lamp in main spare; do
  echo "lighting $lamp
done
'''


def sh_generated(rnd: random.Random, n: int, faults: float) -> str:
    out = ["#!/bin/bash", "# Generated fog-signal checks."]
    for i in range(n):
        a, b = rnd.sample(WORDS, 2)
        r = rnd.random()
        if r < faults / 3:
            body = f"  for x in $(ls /srv/{a}); do cat $x; done"
        elif r < 2 * faults / 3:
            body = f"  local v=`cat /srv/{a}/{b}`\n  echo $v"
        elif r < faults:
            body = f"  [ $1 == {a} ] && echo {b}"
        else:
            body = f'  printf "%s\\n" "${{1:-{a}}}"'
        out.append(f"check_{a}_{b}_{i}() {{\n{body}\n}}\n")
    return "\n".join(out)


# ------------------------------------------------------------------ YAML, JSON, CSS

SCHEMA = {
    "$schema": "http://json-schema.org/draft-07/schema#",
    "title": "lanternworks station",
    "type": "object",
    "required": ["station", "lamps", "keepers"],
    "additionalProperties": False,
    "properties": {
        "station": {"type": "string", "description": "Station name"},
        "height_m": {"type": "number", "minimum": 0, "maximum": 200},
        "fog_signal": {"type": "string", "enum": ["horn", "bell", "gun", "none"]},
        "lamps": {"type": "array", "items": {
            "type": "object", "required": ["name", "wick_mm"], "additionalProperties": False,
            "properties": {"name": {"type": "string"}, "wick_mm": {"type": "number", "minimum": 1},
                           "oil": {"type": "string", "enum": ["colza", "paraffin", "whale"]}}}},
        "keepers": {"type": "array", "items": {
            "type": "object", "required": ["name"],
            "properties": {"name": {"type": "string"}, "watch": {"type": "integer", "minimum": 1, "maximum": 12}}}},
    },
}

YAML_GOOD = '''station: Skerry Point
height_m: 38
fog_signal: horn
lamps:
  - name: main
    wick_mm: 40
    oil: colza
keepers:
  - name: Ada
    watch: 4
'''

YAML_BAD = '''station: Skerry Point
height_m: "tall"
fog_signal: siren
lamps:
  - name: main
    wick_mm: 0
    oil: kerosene
    colour: red
  - wick_mm: 30
keepers:
  - name: Ada
    watch: 14
  - name: Ada
    name: Bea
relief_boat: true
'''

YAML_SYNTAX = '''station: Rockhaven
lamps:
  - name: main
     wick_mm: 40
  - name: spare
    wick_mm: [30
keepers: {name: Ada, watch: 4
'''


def yaml_generated(rnd: random.Random, n: int, faults: float) -> str:
    out = ["station: Generated Reef", "height_m: 52", "fog_signal: bell", "lamps:"]
    for i in range(n):
        a = rnd.choice(WORDS)
        r = rnd.random()
        if r < faults / 3:
            out.append(f"  - name: {a}-{i}\n    wick_mm: -{i}\n    oil: paraffin")
        elif r < 2 * faults / 3:
            out.append(f"  - name: {a}-{i}\n    wick_mm: {10 + i}\n    oil: tallow")
        elif r < faults:
            out.append(f"  - name: {a}-{i}\n    wick_mm: {10 + i}\n    lit: true")
        else:
            out.append(f"  - name: {a}-{i}\n    wick_mm: {10 + i}\n    oil: colza")
    out.append("keepers:\n  - name: Ada\n    watch: 4\n")
    return "\n".join(out)


def json_generated(rnd: random.Random, n: int, faults: float, schema_uri: str) -> str:
    lamps = []
    for i in range(n):
        a = rnd.choice(WORDS)
        r = rnd.random()
        lamp = {"name": f"{a}-{i}", "wick_mm": 10 + i, "oil": "colza"}
        if r < faults / 3:
            lamp["wick_mm"] = "wide"
        elif r < 2 * faults / 3:
            lamp["oil"] = "tallow"
        elif r < faults:
            lamp["lit"] = True
        lamps.append(lamp)
    doc = {"$schema": schema_uri, "station": "Generated Reef", "height_m": 52, "fog_signal": "bell",
           "lamps": lamps, "keepers": [{"name": "Ada", "watch": 4}]}
    return json.dumps(doc, indent=2) + "\n"


JSON_SYNTAX = '''{
  // the old station file, hand edited
  "station": "Rockhaven",
  "lamps": [
    {"name": "main", "wick_mm": 40,},
    {"name": "spare" "wick_mm": 30}
  ],
  "keepers": [{"name": 'Ada'}],
}
'''

CSS_BAD = '''.lantern-room {
  colour: #ffcc00;
  width: 120px;
  width: 140px;
  padding: 0px;
  -webkit-border-radius: 4px;
}
.gallery { }
#beacon .lens {
  float: left;
  display: inline-block;
  font-size: 12pt
  margin: 0 auto;
}
@import url("extra.css");
.fog-horn {
  animation: blink 1s infinite;
  !important;
  transform: rotate(45deg;
}
'''


def css_generated(rnd: random.Random, n: int, faults: float) -> str:
    out = []
    for i in range(n):
        a, b = rnd.sample(WORDS, 2)
        r = rnd.random()
        if r < faults / 3:
            body = f"  colr: #{i % 999:03d};\n  margin: 0px;"
        elif r < 2 * faults / 3:
            body = "  display: inline;\n  float: right;\n  width: 10px;"
        elif r < faults:
            body = ""
        else:
            body = f"  color: #{i % 999:03d};\n  margin: {i % 7}px;"
        out.append(f".{a}-{b}-{i} {{\n{body}\n}}\n")
    return "\n".join(out)


def write_project(root: Path, seed: int, n_py: int, n_ts: int, n_go: int, n_sh: int, faults: float) -> None:
    rnd = random.Random(seed)
    files = {
        "py/lanternworks/__init__.py": '"""Lanternworks."""\n',
        "py/lanternworks/lamp.py": PY_CLEAN,
        "py/lanternworks/keeper.py": PY_BROKEN,
        "py/lanternworks/tables.py": py_generated(rnd, n_py, faults),
        "ts/src/lamp.ts": TS_CLEAN,
        "ts/src/keeper.ts": TS_BROKEN,
        "ts/src/tables.ts": ts_generated(rnd, n_ts, faults),
        "ts/tsconfig.json": json.dumps({"compilerOptions": {"strict": True, "target": "es2020", "module": "commonjs",
                                                            "noUnusedLocals": True, "outDir": "dist"},
                                        "include": ["src"]}, indent=2) + "\n",
        "go/go.mod": "module example.com/lanternworks\n\ngo 1.19\n",
        "go/lamp.go": GO_LAMP,
        "go/keeper.go": GO_KEEPER,
        "go/calls.go": GO_CALLS,
        "go/tables.go": go_generated(rnd, n_go, faults),
        "sh/trim.sh": SH_CLEAN,
        "sh/rotate.sh": SH_BROKEN,
        "sh/dusk.sh": SH_SYNTAX,
        "sh/checks.sh": sh_generated(rnd, n_sh, faults),
        "conf/schema.json": json.dumps(SCHEMA, indent=2) + "\n",
        "conf/good.yaml": YAML_GOOD,
        "conf/bad.yaml": YAML_BAD,
        "conf/syntax.yaml": YAML_SYNTAX,
        "conf/fleet.yaml": yaml_generated(rnd, n_py, faults),
        "conf/syntax.json": JSON_SYNTAX,
        "css/lantern.css": CSS_BAD,
        "css/tables.css": css_generated(rnd, n_ts, faults),
    }
    write_tree(root, files)
    schema_uri = (root / "conf/schema.json").resolve().as_uri()
    (root / "conf/fleet.json").write_text(json_generated(rnd, n_py, faults, schema_uri))
    (root / "conf/good.json").write_text(json.dumps({"$schema": schema_uri, "station": "Skerry Point",
                                                     "lamps": [{"name": "main", "wick_mm": 40}],
                                                     "keepers": [{"name": "Ada"}]}, indent=2) + "\n")
