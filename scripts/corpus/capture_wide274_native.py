"""Round 274, native code: a rope walk's strand tension and lay log in C (`ropeyard`, written here with bugs put in and
widened by a seeded generator to a few thousand lines) built with gcc -Wall -Wextra and make -j2 -k; shellcheck over
ropeyard's own shell scripts; a river weir's gate openings and flow counter crate in Rust (`weirgate`, no crates.io
dependencies, widened by a seeded generator) through cargo build with errors and warnings, cargo test with failing
tests, clippy and cargo metadata; a weather vane's wind readings module in Go (`vanewatch`, standard library only)
through go test -v with failing tests and go vet. Each kind's extractor is the earlier rounds', imported; a chain's from
each part's own (round 9b). Run through capture_wide274.py."""

from __future__ import annotations

import random
from pathlib import Path

from capture_more import have, n_go_vet, run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_cargo_meta
from capture_wide15_diag import n_shellcheck
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_clippy, n_gcc, n_go_test, n_make
from capture_wide274 import cap

ROPE_H = """#ifndef ROPEYARD_H
#define ROPEYARD_H
#include <stdint.h>
#include <stddef.h>

typedef struct {
    uint16_t walk;
    uint8_t strands;
    int8_t lay_deg;
    int32_t tension[16];
    char fibre[8];
} rope_t;

int rope_read(const char *line, rope_t *out);
long rope_mean(const rope_t *r);
double rope_slack(const rope_t *r, double target);
#endif
"""

CORE_C = r"""#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include "ropeyard.h"

int rope_read(const char *line, rope_t *out) {
    unsigned walkno, strands;
    int lay;
    size_t len = strlen(line);
    if (sscanf(line, "%u %u %d", &walkno, &strands, &lay) != 3) return -1;
    out->walk = walkno;
    out->strands = strands;
    out->lay_deg = lay;
    for (int i = 0; i < len; i++)
        if (line[i] == ':') out->strands--;
    strncpy(out->fibre, line + len - 8, sizeof out->hemp);
    return 0;
}

long rope_mean(const rope_t *r) {
    long sum;
    for (unsigned s = 0; s <= r->strands; s++)
        sum += r->tension[s];
    return sum / r->strands;
}

double rope_slack(const rope_t *r, double target) {
    char label[6];
    sprintf(label, "rw%u", r->walk);
    return fabs(rope_mean(r) - target);
}
"""

WORDS = ["strand", "yarn", "hawser", "tar", "manila", "sisal", "hemp", "whip", "splice", "thimble", "serving"]


def gen_c(k: int) -> str:
    rnd = random.Random(27430 + k)
    fns = []
    for j in range(rnd.randint(13, 17)):
        name = f"{rnd.choice(WORDS)}_{k}_{j}"
        variant = rnd.randrange(10)
        body = [f"static int {name}_scale(int v) {{ return v / {rnd.randint(2, 9)}; }}" if variant == 8 else "",
                f"int {name}(rope_t *r, const int32_t *tension, size_t n, int spare_{j}) {{",
                "    int taut = 0;",
                f"    int taut_n = {rnd.randint(900, 1300)};",
                "    for (int i = 0; i < n; i++) {",
                "        if (tension[i] > taut_n) taut++;",
                "    }"]
        if variant == 0:
            body += ["    char tag[4];", f'    sprintf(tag, "{name[:2]}%u", r->walk);', "    puts(tag);"]
        elif variant == 1:
            body += ["    int taut = r->strands;", "    if (taut > r->lay_deg) return -1;"]
        elif variant == 2:
            body += ["    switch (r->lay_deg) {", "    case -1: taut -= 2;", "    case 0: taut += 1; break;",
                     "    default: break;", "    }"]
        elif variant == 3:
            body += ["    int32_t *copy = malloc(n * sizeof *copy);", "    if (copy == NULL) return -1;"]
        elif variant == 4:
            body += ["    int twist;", "    if (r->lay_deg > 0) twist = r->lay_deg * 3;", "    taut += twist;"]
        elif variant == 5:
            body += ["    uint8_t strands = r->strands;", "    if (strands < 0) taut--;"]
        elif variant == 6:
            body += ["    if (r->fibre == NULL) return -1;", "    if (taut = r->strands) taut++;"]
        elif variant == 7:
            body += ["    const char *fmt = \"%d\";", "    printf(fmt, r->tension[0], taut);"]
        body += ["    return taut;", "}", ""]
        fns.append("\n".join(b for b in body if b))
    if k == 3:
        fns.append("int unset_3(rope_t *r) {\n    return r->plies + r->lay_deg;\n}\n")
    if k == 5:
        fns.append("int unset_5(rope_t *r) {\n    return rope_coil(r, 40);\n}\n")
    if k == 9:  # the third compile error, in the last generated file
        fns.append("int unset_9(rope_t *r) {\n    char *b = r->walk;\n    return b[0]\n}\n")
    return '#include <stdio.h>\n#include <stdlib.h>\n#include <stdint.h>\n#include "ropeyard.h"\n\n' + "\n".join(fns)


MAKEFILE = """CC = gcc
CFLAGS = -Wall -Wextra -Wformat=2 -O2 -Isrc
SRCS = $(wildcard src/*.c)
OBJS = $(SRCS:src/%.c=build/%.o)

libropeyard.a: $(OBJS)
\tar rcs $@ $^

build/%.o: src/%.c src/ropeyard.h
\t@mkdir -p build
\t$(CC) $(CFLAGS) -c $< -o $@

clean:
\trm -rf build libropeyard.a
"""

RELEASE_SH = r"""#!/bin/sh
# ropeyard release: build, tag and copy the library to the share
VERSION=$1
DEST=/srv/share/ropeyard/$VERSION
cd build
for f in $(ls *.o); do
  echo packing $f
done
if [ $VERSION == "" ]; then
  echo "usage: release.sh VERSION"; exit 1
fi
make -j2 -k
tar czf ropeyard-$VERSION.tar.gz libropeyard.a src/*.h
rm -rf $DEST/
mkdir -p $DEST && cp ropeyard-$VERSION.tar.gz $DEST
echo "released $VERSION to $DEST" | mail -s "ropeyard $VERSION" $MAILTO
"""

COIL_SH = r"""#!/bin/bash
# coil the day's walk logs: one gzip per walk, keep 14 days
LOGDIR=${LOGDIR:-/var/log/ropeyard}
days=14
walks=`ls $LOGDIR | grep walk- | cut -d- -f2 | sort -u`
for w in $walks
do
    files=$(find $LOGDIR -name "walk-$w-*.log" -mtime +$days)
    [ -z $files ] && continue
    gzip $files
    let count=count+1
done
read -p "purge archives older than $days days? " ans
if [[ $ans = y* ]]; then
    find $LOGDIR -name '*.gz' -mtime +$((days * 2)) -exec rm {} \;
fi
echo "coiled $count walks" >&2
cd $LOGDIR/archive; rm *.tmp
trap "rm -f $LOGDIR/.lock" EXIT
echo $UID > $LOGDIR/.lock
"""


def gen_sh(k: int) -> str:
    """A seeded tally script per walk, each with a few of the shapes shellcheck flags."""
    rnd = random.Random(27450 + k)
    out = ["#!/bin/sh", f"# tally walk {k}: strand counts per shift"]
    for j in range(rnd.randint(10, 16)):
        v = rnd.randrange(8)
        var = f"{rnd.choice(WORDS)}_{j}"
        if v == 0:
            out.append(f"{var}=$(cat /var/lib/ropeyard/walk{k}/{var}.count | wc -l)")
        elif v == 1:
            out.append(f"echo \"{var}: \"$({var})")
        elif v == 2:
            out.append(f"if [ $1 -gt {rnd.randint(2, 90)} ]; then echo {var} over; fi")
        elif v == 3:
            out.append(f"for line in `cat walk{k}.txt`; do echo $line; done")
        elif v == 4:
            out.append(f"{var}=\"$(date +%s)\"; echo ${{{var}[0]}}")
        elif v == 5:
            out.append(f"[ -f walk{k}.lock ] && rm walk{k}.lock || echo no lock for {var}")
        elif v == 6:
            out.append(f"local {var}=3")
        else:
            out.append(f"echo $(( {rnd.randint(1, 9)} + ${var} ))")
    return "\n".join(out) + "\n"


def c_build(tmp: Path) -> None:
    root = tmp / "ropeyard"
    files = {"Makefile": MAKEFILE, "src/ropeyard.h": ROPE_H, "src/rope.c": CORE_C,
             "scripts/release.sh": RELEASE_SH, "scripts/coil.sh": COIL_SH}
    for k in range(10):  # eleven files with rope.c under make -j2 -k
        files[f"src/lay_{k:02}.c"] = gen_c(k)
    for k in range(12):
        files[f"scripts/tally_{k:02}.sh"] = gen_sh(k)
    write_tree(root, files)
    cap("make-j2-k-ropeyard", "make -j2 -k", root, n_make)
    run("make clean", cwd=root)
    chain("chain-make-tail-60-exit", "chain-build-exit", "build",
          [Part("make -j2 -k 2>&1 | tail -60", n_make), Part("echo EXIT=$?", n_status_echo, ";")], root)
    cap("gcc-wall-wextra-rope-lays-0x", "gcc -Wall -Wextra -fsyntax-only -Isrc src/rope.c src/lay_0[0-7].c", root,
        n_gcc)
    if have("shellcheck", "shellcheck"):
        cap("shellcheck-release-coil", "shellcheck scripts/release.sh scripts/coil.sh 2>&1", root, n_shellcheck)
        cap("shellcheck-tally-all", "shellcheck scripts/tally_*.sh 2>&1", root, n_shellcheck)
        chain("chain-shellcheck-head-exit", "chain-lint-exit", "lint",
              [Part("shellcheck -f gcc scripts/*.sh 2>&1 | head -n 80", n_shellcheck),
               Part("echo EXIT=$?", n_status_echo, ";")], root)


LIB_RS = r"""//! Weirgate: gate openings, flow classes and head losses.
pub mod sluices;

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Flow { Low, Normal, High, Flood }

pub fn gate_gap(openings: u32, closed: u32) -> u32 {
    let unused_spare = 50;
    openings - closed
}

pub fn flow_per_gate(cumecs: f64, gates: f64) -> f64 {
    let scale = 1.0;
    let v = cumecs / gates * scale;
    return (v * 10.0).round() / 10.0;
}

pub fn flow_of(level_cm: u32) -> Flow {
    match level_cm {
        0..=39 => Flow::Low,
        40..=119 => Flow::Normal,
        120..=179 => Flow::High,
        180..=219 => Flow::High, // bug: the flood class starts at 180 cm
        _ => Flow::Flood,
    }
}

pub fn weekly_peaks(readings: &[u32]) -> Vec<u32> {
    let mut out = Vec::new();
    for d in (6..readings.len() - 1).step_by(7) {  // bug: a closing full week is dropped
        out.push(readings[d]);
    }
    out
}
"""

SLUICES_RS = r"""pub fn sluice_code(river: &str) -> Option<u16> {
    let Rivers = ["Otter Reach", "Saltmarsh Cut", "Tanner's Weir", "Upper Nene"];
    for i in 0..Rivers.len() {
        if Rivers[i] == river { return Some(730 + i as u16); }
    }
    None
}
"""


def gen_tests(seed: int, n: int) -> str:
    rnd = random.Random(seed)
    out = ["use weirgate::*;", ""]
    for i in range(n):
        gates = float(rnd.choice([2, 3, 4, 6]))
        cumecs = float(rnd.randint(20, 900))
        want = round(cumecs / gates * 1.0, 1)
        if i % 17 == 5:
            want = round(cumecs / (gates - 1.0), 1)  # a case written against one gate shut for repair
        out += ["#[test]", f"fn flow_rate_{i:03}() {{",
                f"    assert_eq!(flow_per_gate({cumecs:.1f}, {gates:.1f}), {want!r});", "}", ""]
    out += ["#[test]", "fn two_metres_is_flood() {", "    assert_eq!(flow_of(200), Flow::Flood);", "}",
            "", "#[test]", "fn two_full_weeks_peaked() {", "    let t: Vec<u32> = (1..=14).collect();",
            "    assert_eq!(weekly_peaks(&t), vec![7, 14]);", "}", "",
            "#[test]", "fn gate_gap_counts_closed() {", "    assert_eq!(gate_gap(12, 5), 5);", "}", "",
            "#[test]", "fn unknown_sluice() {",
            "    assert_eq!(weirgate::sluices::sluice_code(\"Wey Navigation\"), Some(734));", "}"]
    return "\n".join(out) + "\n"


def gen_mod(k: int) -> str:
    rnd = random.Random(27440 + k)
    body = [f"//! Weir {k}.", "use std::collections::HashMap;", ""]
    for j in range(rnd.randint(6, 10)):
        body += [f"pub fn paddle_{k}_{j}(gate_no: u32, head_mm: i32) -> u32 {{",
                 "    let mut seen = HashMap::new();", f"    let Keeper = {rnd.randint(1, 9)};",
                 "    let idle = head_mm - 2;", f"    seen.insert({j}, gate_no);",
                 f"    if gate_no == 0 {{ return 0; }} else {{ return gate_no - {rnd.randint(1, 40)}; }}", "}", ""]
    if k == 3:
        body += ["pub fn weir_hours(g: &[u32]) -> u64 {", "    let total: u32 = g.iter().sum();",
                 "    total", "}", ""]
    if k == 9:
        body += ["pub fn gate_state(silt: i8) -> &str {", "    if silt < 12 { \"open\" } else { \"silted\" }",
                 "}", ""]
    return "\n".join(body) + "\n"


def rust(tmp: Path) -> None:
    if not have("cargo", "cargo-*"):
        return
    root = tmp / "weirgate"
    mods = "".join(f"pub mod weir{k};\n" for k in range(15))
    files = {"Cargo.toml": '[package]\nname = "weirgate"\nversion = "0.5.1"\nedition = "2021"\n\n[dependencies]\n',
             "src/lib.rs": LIB_RS.replace("pub mod sluices;", "pub mod sluices;\n" + mods),
             "src/sluices.rs": SLUICES_RS, "tests/flow.rs": gen_tests(27441, 200)}
    for k in range(15):
        files[f"src/weir{k}.rs"] = gen_mod(k)
    write_tree(root, files)
    env = {"CARGO_TERM_COLOR": "never", "CARGO_TARGET_DIR": str(tmp / "cargo-target")}
    cap("cargo-build-errors-weirgate", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=900)
    # the two errors fixed, the warnings left: the crate builds and its tests run
    for name, old, new in [("weir3.rs", "    total\n", "    u64::from(total)\n"),
                           ("weir9.rs", "-> &str {", "-> &'static str {")]:
        f = root / "src" / name
        f.write_text(f.read_text().replace(old, new))
    cap("cargo-build-warnings", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=900)
    cap("cargo-test-failures", "cargo test 2>&1", root, n_cargo_test, env=env, timeout=900)
    chain("chain-cargo-test-tail-exit", "chain-test-exit", "test",
          [Part("cargo test 2>&1 | tail -80", n_cargo_test), Part("echo EXIT=$?", n_status_echo, ";")], root, env=env,
          timeout=900)
    run("touch src/lib.rs", cwd=root)
    cap("cargo-clippy-tail-1500", "cargo clippy 2>&1 | tail -n 1500", root, n_clippy, env=env, timeout=900)
    cap("cargo-metadata", "cargo metadata --format-version 1", root, n_cargo_meta, env=env)


GO_MOD = "module example.org/vanewatch\n\ngo 1.19\n"

VANE_GO = """package vanewatch

import (
	"fmt"
	"math"
	"strings"
	"sync"
)

// Reading is one vane reading: the bearing it points to and the wind speed in knots.
type Reading struct {
	Station string
	Bearing int
	Knots   float64
}

var points = []string{"N", "NE", "E", "SE", "S", "SW", "W", "NW"}

// Point names the compass point of a bearing.
func Point(bearing int) string {
	b := ((bearing % 360) + 360) % 360
	return points[(b+22)/45%8]
}

// Beaufort is the force of a wind speed in knots.
func Beaufort(knots float64) int {
	limits := []float64{1, 4, 7, 11, 17, 22, 28, 34, 41, 48, 56, 64}
	for i, l := range limits {
		if knots < l {
			return i
		}
	}
	return 12
}

// MeanBearing is the circular mean of the readings' bearings.
func MeanBearing(rs []Reading) int {
	var x, y float64
	for _, r := range rs {
		x += math.Cos(float64(r.Bearing) * math.Pi / 180)
		y += math.Sin(float64(r.Bearing) * math.Pi / 180)
	}
	deg := math.Atan2(y, x) * 180 / math.Pi
	return int(math.Round(deg)) // bug: a westerly mean comes out negative
}

// Gusts counts readings at least 10 knots above the mean.
func Gusts(rs []Reading) int {
	var sum float64
	for _, r := range rs {
		sum += r.Knots
	}
	mean := sum / float64(len(rs))
	n := 0
	for _, r := range rs {
		if r.Knots > mean+10 { // bug: exactly 10 above is a gust too
			n++
		}
	}
	return n
}

// Label prints a reading for the board.
func Label(r Reading) string {
	return fmt.Sprintf("%s %s %.0f", strings.ToUpper(r.Station), Point(r.Bearing), r.Knots)
}

// Log is a station's reading log, guarded by its lock.
type Log struct {
	mu sync.Mutex
	rs []Reading
}

// Snapshot counts a log's readings.
func Snapshot(l Log) int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.rs)
}

// Clamp keeps a bearing within 0..359.
func Clamp(b int) int {
	b = b
	return ((b % 360) + 360) % 360
}

// Board is the label shown for the last reading.
func Board(rs []Reading) string {
	return Label(rs[len(rs)-1])
	return ""
}

// Copy hands back a copy of the station log's lock for the writer.
func Summary(rs []Reading) string {
	s := fmt.Sprintf("%d readings", len(rs))
	fmt.Sprintf("mean %d", MeanBearing(rs))
	return s
}
"""


def go_tests() -> str:
    rnd = random.Random(27460)
    out = ["package vanewatch", "", "import \"testing\"", ""]
    for i in range(90):
        b = rnd.randrange(0, 720) - 180
        want = ["N", "NE", "E", "SE", "S", "SW", "W", "NW"][((((b % 360) + 360) % 360) + 22) // 45 % 8]
        if i % 13 == 4:
            want = ["N", "NE", "E", "SE", "S", "SW", "W", "NW"][(((b % 360) + 360) % 360) // 45 % 8]
        out += [f"func TestPoint{i:03}(t *testing.T) {{", f"\tif got := Point({b}); got != \"{want}\" {{",
                f"\t\tt.Errorf(\"Point({b}) = %q, want %q\", got, \"{want}\")", "\t}", "}", ""]
    for i in range(40):
        k = round(rnd.uniform(0, 70), 1)
        limits = [1, 4, 7, 11, 17, 22, 28, 34, 41, 48, 56, 64]
        want = next((j for j, lim in enumerate(limits) if k < lim), 12)
        out += [f"func TestBeaufort{i:03}(t *testing.T) {{", f"\tif got := Beaufort({k}); got != {want} {{",
                f"\t\tt.Fatalf(\"Beaufort({k}) = %d, want {want}\", got)", "\t}", "}", ""]
    out += ["func TestMeanBearingWesterly(t *testing.T) {",
            "\trs := []Reading{{\"Otterby\", 250, 12}, {\"Otterby\", 290, 14}}",
            "\tif got := MeanBearing(rs); got != 270 {", "\t\tt.Errorf(\"MeanBearing = %d, want 270\", got)", "\t}",
            "}", "", "func TestGustsAtTen(t *testing.T) {",
            "\trs := []Reading{{\"Rookham\", 0, 10}, {\"Rookham\", 0, 10}, {\"Rookham\", 0, 25}, {\"Rookham\", 0, 15}}",
            "\tif got := Gusts(rs); got != 1 {", "\t\tt.Errorf(\"Gusts = %d, want 1\", got)", "\t}", "}", "",
            "func TestGustsEmpty(t *testing.T) {", "\tvar rs []Reading", "\tpoints[len(rs)-1] = \"X\"",
            "\t_ = Gusts(rs)", "}", ""]
    return "\n".join(out)


def gen_board(k: int) -> str:
    """A seeded board file of the module's `board` package (no tests of its own, so only go vet reads it)."""
    rnd = random.Random(27470 + k)
    out = ["package board", "", "import (", "\t\"fmt\"", "\t\"sync\"", ")", "",
           f"// Panel{k} is one board panel's lock and lines.", f"type Panel{k} struct {{", "\tmu    sync.Mutex",
           "\tlines []string", "}", ""]
    for j in range(rnd.randint(7, 11)):
        v = rnd.randrange(6)
        name = f"{rnd.choice(['Veer', 'Back', 'Gust', 'Lull', 'Squall', 'Calm'])}{k}{j}"
        out.append(f"// {name} formats one line of panel {k}.")
        if v == 0:
            out += [f"func {name}(knots float64, station string) string {{",
                    f"\treturn fmt.Sprintf(\"%s %d kn\", station, knots)", "}"]
        elif v == 1:
            out += [f"func {name}(p Panel{k}) int {{", "\treturn len(p.lines)", "}"]
        elif v == 2:
            out += [f"func {name}(bearing int) int {{", "\tbearing = bearing", f"\treturn bearing + {j}", "}"]
        elif v == 3:
            out += [f"func {name}(station string) string {{", "\treturn station", "\tfmt.Println(station)", "\treturn \"\"", "}"]
        elif v == 4:
            out += [f"func {name}(knots int) {{", f"\tfmt.Println(\"gust %d kn\", knots)", "}"]
        else:
            out += [f"func {name}(rs []string) string {{", "\tfmt.Sprint(len(rs))", "\treturn rs[0]", "}"]
        out.append("")
    return "\n".join(out)


def golang(tmp: Path) -> None:
    if not have("go", "go-test"):
        return
    genv = {"GOPATH": str(tmp / "gopath"), "GOCACHE": str(tmp / "gocache"), "GOFLAGS": None, "GOPROXY": "off",
            "GOTOOLCHAIN": "local"}
    g = tmp / "vanewatch"
    write_tree(g, {"go.mod": GO_MOD, "vane.go": VANE_GO, "vane_test.go": go_tests(),
                   **{f"board/panel{k}.go": gen_board(k) for k in range(6)}})
    cap("go-test-v-vanewatch", "go test -v ./... 2>&1", g, n_go_test, env=genv, timeout=600)
    chain("chain-go-test-run-tail-exit", "chain-test-exit", "test",
          [Part("go test -count=1 -run 'Mean|Gust|Point00' . 2>&1 | tail -n 60", n_go_test),
           Part("echo EXIT=$?", n_status_echo, ";")], g, env=genv, timeout=600)
    cap("go-vet-vanewatch", "go vet ./... 2>&1", g, n_go_vet, env=genv, timeout=300)


STEPS = [c_build, rust, golang]
