#!/usr/bin/env python3
"""Capture round 461 of the compression corpus: second samples of round 451's Go developer-tooling kinds and round
452's Rust developer-tooling kinds, on new material written here about a canal boat lift (caissons, hydraulic rams,
lock keepers; seeds 46110+): a Go module `example.com/shiplift` and dependency-free Rust crates `rambook`.

No new rules: every extractor is IMPORTED from capture_wide451 / capture_wide452 (NEEDLES.md, "Round 461"). Offline,
standard library only. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide461.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide461.json  as {"version": 2, "items": [...]}, ids prefixed "wide461-".
"""
from __future__ import annotations

import os
import random
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide451 as g1  # noqa: E402  (round 451's Go extractors, reader and comparer)
import capture_wide452 as r2  # noqa: E402  (round 452's Rust extractors)
from capture_more import write_tree  # noqa: E402

ID_PREFIX = "wide461-"
OUT = HERE / "data" / "wide461.json"
TMP = Path(os.environ.get("HM461_TMP", "/dev/shm/hm-corpus-wide461"))
EMPTY = Path("/dev/shm/hm-corpus-wide461-empty")
SEED = 46110
S = cm.Sized(400, 120_000)
GOENV = {"GOPROXY": "off", "GOFLAGS": "-mod=mod -p=1", "GOWORK": None, "GOTOOLCHAIN": "local", "CGO_ENABLED": "0",
         "GOMODCACHE": str(TMP / "gomod"), "GOCACHE": str(TMP / "gocache"), "GOMAXPROCS": "2", "TERM": "dumb"}
OFF = {"CARGO_NET_OFFLINE": "true", "CARGO_TERM_COLOR": "never", "CARGO_TARGET_DIR": None, "CARGO_BUILD_JOBS": "1"}


def run(cmd, cwd=None, env=None, timeout=300):
    """cm.run with stdin from an empty file, retried when cargo's rustc probe failed (round 452's quirk)."""
    for _ in range(6):
        EMPTY.write_text("")
        out = cm.run(f"nice {cmd} < {EMPTY}", cwd=cwd, env=env, timeout=timeout)
        if r2.PROBE not in out:
            break
        time.sleep(1.5)
    return out


def go(cmd, cwd, item, ext, typed=None, env=None, timeout=300, tool="bash"):
    e = dict(GOENV)
    e.update(env or {})
    S.add(item, typed or cmd, run(f"timeout {timeout - 20} {cmd}", cwd=cwd, env=e, timeout=timeout), ext, tool=tool)


def cap(item, cmd, cwd, ext, env=None, timeout=500, typed=None):
    S.add(item, typed or cmd, run(f"timeout {timeout - 20} {cmd}", cwd=cwd, env=env, timeout=timeout), ext)


# ================================================================ Go: the boat lift module
def lift_src(rng: random.Random, n_caissons: int, n_extra: int = 0) -> dict[str, str]:
    cais = ", ".join(f'{{Name: "caisson-{c}", Water: {rng.randint(2400, 3100)}, Rams: {rng.randint(2, 8)}}}'
                     for c in "abcdefgh"[:n_caissons])
    extra = "".join(
        f'''
// Stroke{i} reports hydraulic ram {i}'s stroke for a lift of h millimetres.
func Stroke{i}(rams []Ram, h int) []int {{
	out := make([]int, 0, len(rams))
	for _, r := range rams {{
		out = append(out, h*{rng.randint(2, 9)}/(r.Bore+{i + 1}))
	}}
	keep := func(x int) int {{ return x + {i} }}
	out = append(out, keep(h))
	return out
}}

// Keeper{i} logs lock keeper {i}'s shift into an interface value.
func Keeper{i}(name string, hours int) fmt.Stringer {{
	s := &Shift{{Keeper: name, Hours: hours + {i}}}
	return s
}}
''' for i in range(n_extra))
    return {
        "go.mod": "module example.com/shiplift\n\ngo 1.19\n",
        "lift/lift.go": f'''package lift

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
)

// Caisson is one of the lift's water-filled troughs.
type Caisson struct {{
	Name  string
	Water int // tonnes
	Rams  int
}}

// Ram is one hydraulic ram under a caisson.
type Ram struct {{
	Bore   int
	Stroke int
}}

// Shift is a lock keeper's shift.
type Shift struct {{
	Keeper string
	Hours  int
}}

func (s *Shift) String() string {{ return fmt.Sprintf("%s (%dh)", s.Keeper, s.Hours) }}

var Caissons = []Caisson{{{cais}}}

// rota caches each keeper's next caisson; the fault put in: tests share it across runs.
var rota = map[string]int{{}}

var ErrNoRams = errors.New("caisson has no rams")

// Assign gives a keeper the next caisson in the rota.
func Assign(keeper string) Caisson {{
	i := rota[keeper]
	rota[keeper] = i + 1
	return Caissons[i%len(Caissons)]
}}

// Pressure is the ram pressure a caisson needs (per ram); divides by the ram count.
func Pressure(c Caisson) int {{
	return c.Water * 1000 / c.Rams
}}

// ParseRecord reads "name|water|rams|from-to" (the fuzz target): slices with the from/to bounds.
func ParseRecord(s string) (Caisson, string, error) {{
	f := strings.Split(s, "|")
	if len(f) != 4 {{
		return Caisson{{}}, "", fmt.Errorf("caisson record %q: want 4 fields", s)
	}}
	w, err := strconv.Atoi(f[1])
	if err != nil {{
		return Caisson{{}}, "", err
	}}
	r, err := strconv.Atoi(f[2])
	if err != nil {{
		return Caisson{{}}, "", err
	}}
	var from, to int
	fmt.Sscanf(f[3], "%d-%d", &from, &to)
	c := Caisson{{Name: f[0], Water: w, Rams: r}}
	_ = Pressure(c)
	return c, f[0][from:to], nil
}}

// Signal waits for both keepers; the deadlock put in: one keeper never signals.
func Signal(keepers []string) int {{
	var wg sync.WaitGroup
	done := make(chan string)
	for _, k := range keepers {{
		wg.Add(1)
		go func(k string) {{
			defer wg.Done()
			if k != "" {{
				done <- k
			}}
		}}(k)
	}}
	n := 0
	for range keepers {{
		<-done
		n++
	}}
	wg.Wait()
	return n
}}

// Ledger records water levels per caisson; nil until Open is called.
type Ledger struct {{ levels map[string]int }}

func (l *Ledger) Record(name string, level int) {{ l.levels[name] = level }}

// Trim spins through the ram pressures: CPU for the profiles.
func Trim(n int) int {{
	s := 0
	for i := 1; i < n; i++ {{
		s += (i * 7919) % (i%13 + 1)
		s ^= s << 3
	}}
	return s
}}

// Logbook allocates a keeper's log: heap for the profiles.
func Logbook(n int) []string {{
	var log []string
	for i := 0; i < n; i++ {{
		log = append(log, fmt.Sprintf("lift %d: caisson-%c raised %d mm by keeper %d", i, 'a'+i%2, i*13%3000, i%5))
	}}
	return log
}}
{extra}''',
        "lift/lift_test.go": '''package lift

import "testing"

func TestAssignStartsAtFirstCaisson(t *testing.T) {
	if c := Assign("greta"); c.Name != Caissons[0].Name {
		t.Errorf("first assignment for greta = %s, want %s (rota %v)", c.Name, Caissons[0].Name, rota)
	}
}

func TestAssignRotates(t *testing.T) {
	a, b := Assign("greta"), Assign("greta")
	if a.Name == b.Name && len(Caissons) > 1 {
		t.Fatalf("greta got %s twice", a.Name)
	}
}

func TestRotaEmptyBeforeShift(t *testing.T) {
	if len(rota) != 0 {
		t.Errorf("rota holds %d keepers before the shift began", len(rota))
	}
}

func TestPressurePositive(t *testing.T) {
	for _, c := range Caissons {
		if Pressure(c) <= 0 {
			t.Errorf("%s: pressure %d", c.Name, Pressure(c))
		}
	}
}

func TestLedgerRecord(t *testing.T) {
	var l Ledger
	l.Record("caisson-a", 2810)
}

func TestParseRecord(t *testing.T) {
	c, tag, err := ParseRecord("caisson-a|2800|4|0-3")
	if err != nil || c.Rams != 4 || tag != "cai" {
		t.Fatalf("ParseRecord = %+v %q %v", c, tag, err)
	}
}

func FuzzParseRecord(f *testing.F) {
	f.Add("caisson-a|2800|4|0-3")
	f.Fuzz(func(t *testing.T, s string) {
		c, _, err := ParseRecord(s)
		if err == nil && c.Name == "" {
			t.Errorf("record %q parsed to an unnamed caisson", s)
		}
	})
}

func BenchmarkTrim(b *testing.B) {
	for i := 0; i < b.N; i++ {
		Trim(30000)
	}
}

func BenchmarkLogbook(b *testing.B) {
	for i := 0; i < b.N; i++ {
		Logbook(500)
	}
}

func BenchmarkAssign(b *testing.B) {
	for i := 0; i < b.N; i++ {
		Assign("hans")
	}
}
''',
    }


SIGNAL_TEST = '''package lift

import "testing"

func TestSignalBothKeepers(t *testing.T) {
	if n := Signal([]string{"greta", ""}); n != 2 {
		t.Errorf("signals = %d", n)
	}
}
'''


def keeper_pkg(rng: random.Random, n: int) -> dict[str, str]:
    """A `keeper` package with n table tests of the lock keepers' shift hours; about one in six expects wrongly."""
    names = ["greta", "hans", "ilse", "jonas", "karl", "lena", "otto", "paula"]
    body = ["package keeper\n\n// Hours is a keeper's shift length for a lift count.\n"
            "func Hours(lifts, gates int) int { return lifts*gates/4 + 2 }\n"]
    tests = ["package keeper\n\nimport \"testing\"\n"]
    for j in range(n):
        lifts, gates = rng.randint(1, 40), rng.randint(1, 4)
        want = lifts * gates // 4 + 2 + (rng.choice([1, -2, 3]) if rng.random() < 0.17 else 0)
        who = rng.choice(names)
        tests.append(f"\nfunc TestShift{who.title()}{j}(t *testing.T) {{\n\tt.Logf(\"keeper {who}: {lifts} lifts, {gates} gates\")\n"
                     f"\tif got := Hours({lifts}, {gates}); got != {want} {{\n"
                     f"\t\tt.Errorf(\"Hours({lifts}, {gates}) for {who} = %d, want {want}\", got)\n\t}}\n}}\n")
    return {"keeper/keeper.go": "".join(body), "keeper/keeper_test.go": "".join(tests)}


def g_shuffle(tmp: Path) -> None:
    for i in range(3):
        d = tmp / f"shuf{i}"
        files = lift_src(random.Random(SEED + i), 2 + i)
        if i == 2:
            files["lift/signal_test.go"] = SIGNAL_TEST
        if i == 1:
            files.update(keeper_pkg(random.Random(SEED + 5), 45))
        write_tree(d, files)
        seed = SEED + 11 * i
        flags = ["-v", "-v -count=2", "-v -timeout=20s"][i]
        go(f"go test -shuffle={seed} {flags} ./...", d, f"go-shuffle-{i}", g1.n_shuffle,
           typed=f"go test -shuffle=on {flags} ./...")


def g_fuzz(tmp: Path) -> None:
    inputs = ["caisson-b|2900|0|0-2", "ram|10|2|3-1", "keeper-hut|2500|3|0-40"]
    for i, val in enumerate(inputs):
        rng = random.Random(SEED + 10 + i)
        d = tmp / f"fuzz{i}"
        write_tree(d, lift_src(rng, 2))
        h = f"{rng.getrandbits(64):016x}{rng.getrandbits(64):016x}"
        cf = d / "lift" / "testdata" / "fuzz" / "FuzzParseRecord" / h
        cf.parent.mkdir(parents=True, exist_ok=True)
        cf.write_text(f'go test fuzz v1\nstring("{val}")\n')
        go(f"go test -run=FuzzParseRecord/{h} -count=1 -v ./lift", d, f"go-fuzz-replay-{i}", g1.n_fuzz_replay)


def g_escape(tmp: Path) -> None:
    for i, n in enumerate((15, 52)):
        d = tmp / f"esc{i}"
        write_tree(d, lift_src(random.Random(SEED + 30 + i), 3, n))
        go(f"go build -gcflags='-m=2' ./lift", d, f"go-gcflags-m2-{n}", g1.n_gcflags_m2)


def g_list(tmp: Path) -> None:
    for i in range(2):
        d = tmp / f"list{i}"
        files = lift_src(random.Random(SEED + 40 + i), 2)
        files["keeper/keeper.go"] = ('package keeper\n\nimport "example.com/shiplift/ram"\n\n'
                                     'func On() int { return ram.Bore }\n')
        files["ram/ram.go"] = 'package ram\n\nimport "example.com/shiplift/keeper"\n\nvar Bore = 3\n\nfunc K() int { return keeper.On() }\n'
        if i == 1:
            files["ram/hydraulic.go"] = "package hydraulics\n\nconst Bar = 210\n"
            files["ram/valve.go"] = 'package ram\n\nimport "example.com/shiplift/sluice/gate"\n\nvar V = gate.Open\n'
        files["cmd/hebewerk/main.go"] = ('package main\n\nimport (\n\t"fmt"\n\t"example.com/shiplift/lift"\n'
                                         '\t"example.com/shiplift/keeper"\n)\n\nfunc main() { fmt.Println(lift.Caissons, keeper.On()) }\n')
        write_tree(d, files)
        go(f"go list -deps -json -e ./cmd/hebewerk", d, f"go-list-deps-{i}", g1.n_list_deps)


def g_work(tmp: Path) -> None:
    for i in range(2):
        d = tmp / f"work{i}"
        files = {f"shiplift/{k}": v for k, v in lift_src(random.Random(SEED + 50 + i), 2).items()}
        files["rams/go.mod"] = ("module example.com/rams\n\ngo 1.19\n\nrequire (\n\texample.com/shiplift v0.2.0\n"
                                "\texample.com/keepers v1.0.0\n)\n")
        files["rams/rams.go"] = ("package rams\n\nimport (\n\t\"example.com/keepers/rota\"\n\t\"example.com/shiplift/lift\"\n)"
                                 "\n\nvar C = lift.Caissons\n\nvar K = rota.Keepers\n")
        files["gatehouse/gate.go"] = "package gatehouse\n\nconst Gates = 2\n"
        files["go.work"] = ("go 1.19\n\nuse (\n\t./shiplift\n\t./rams\n" + ("\t./gatehouse\n" if i == 0 else "") + ")\n"
                            "\nreplace example.com/keepers v1.0.0 => ./keepers\n")
        write_tree(d, files)
        env = {"GOWORK": str(d / "go.work"), "GOFLAGS": "-p=1"}
        cmd = ["go work sync; go build ./rams/... ./shiplift/...; go list -m all; go vet ./shiplift/...; go work edit -json",
               "go work sync; go build ./rams/...; go test ./shiplift/...; go list -m -json all; go mod graph; go work edit -json"][i]
        go(f"sh -c '{cmd}'", d, f"go-work-{i}", g1.n_work, typed=cmd, env=env)


def g_verify(tmp: Path) -> None:
    for i in range(2):
        d = tmp / f"ver{i}"
        files = lift_src(random.Random(SEED + 60 + i), 2)
        files["go.mod"] = ("module example.com/shiplift\n\ngo 1.19\n\nrequire (\n\texample.com/rams v0.4.1\n"
                           + ("\tgithub.com/keeper/rota v1.2\n" if i == 1 else "\tgithub.com/keeper/rota v1.2.0\n")
                           + ")\n\nreplace example.com/rams => ../rams-missing\n")
        write_tree(d, files)
        cmd = ["go mod verify; go build ./...; go list -m all; go mod why example.com/rams; go list -m -json all",
               "go mod tidy -v; go mod verify; go test ./...; go mod graph; go list -m -json all; go vet ./..."][i]
        go(f"sh -c '{cmd}'", d, f"go-mod-verify-{i}", g1.n_verify, typed=cmd, env={"GOFLAGS": "-p=1"})


def g_json(tmp: Path) -> None:
    write_tree(tmp / "jr", {"go.mod": "module example.com/jr\n\ngo 1.19\n", "main.go": g1.JSONREADER})
    run("timeout 280 go build -o gojr .", cwd=tmp / "jr", env=GOENV)
    for i, n in enumerate((0, 40, 160)):
        d = tmp / f"json{i}"
        files = lift_src(random.Random(SEED + 70 + i), 3 + i)
        if i == 1:
            files["lift/signal_test.go"] = SIGNAL_TEST
        if n:
            files.update(keeper_pkg(random.Random(SEED + 75 + i), n))
        write_tree(d, files)
        go(f"sh -c 'go test -json -count={1 + i} -timeout=20s -shuffle={SEED + i} ./... | {tmp}/jr/gojr'", d,
           f"go-test-json-{i}", g1.n_json_summary, typed=f"go test -json -count={1 + i} -shuffle=on ./... | gojr")


def g_cover(tmp: Path) -> None:
    for i in range(2):
        d = tmp / f"cov{i}"
        files = lift_src(random.Random(SEED + 80 + i), 2, 6 + 10 * i)
        files["keeper/keeper.go"] = ("package keeper\n\n// Duty picks the lock keeper's task for the water level.\n"
                                     "func Duty(level, limit int, night bool) string {\n\tif level > limit {\n"
                                     "\t\treturn \"drain\"\n\t}\n\tif night {\n\t\treturn \"lamps\"\n\t}\n"
                                     "\treturn \"gates\"\n}\n")
        files["keeper/keeper_test.go"] = ("package keeper\n\nimport \"testing\"\n\nfunc TestDuty(t *testing.T) {\n"
                                          "\tif Duty(1, 5, true) != \"lamps\" {\n\t\tt.Fatal(\"night duty\")\n\t}\n}\n")
        write_tree(d, files)
        run(f"timeout 280 go test -count=1 -coverprofile=c.out -run='{['Duty|Pressure', 'Duty|Parse'][i]}' ./...",
            cwd=d, env=GOENV)
        run("timeout 60 go tool cover -html=c.out -o cover.html", cwd=d, env=GOENV)
        S.add(f"go-cover-html-{i}", "go tool cover -html=c.out -o cover.html && cat cover.html",
              (d / "cover.html").read_text() if (d / "cover.html").exists() else "", g1.n_cover_html, tool="read")


def g_prof(tmp: Path) -> None:
    d = tmp / "prof"
    write_tree(d, lift_src(random.Random(SEED + 20), 2))
    run("timeout 280 go test -run='^$' -bench=. -benchtime=300ms -cpuprofile cpu.out -memprofile mem.out .",
        cwd=d / "lift", env=GOENV)
    for n, (idx, prof, rx) in enumerate([("", "cpu.out", "Trim"), ("-sample_index=alloc_space", "mem.out", "Logbook|Assign")]):
        go(f"go tool pprof {idx} -list='{rx}' lift.test {prof}", d / "lift", f"go-pprof-list-{n}", g1.n_pprof_list)
        go(f"go tool pprof {idx} -peek='{rx}' lift.test {prof}", d / "lift", f"go-pprof-peek-{n}", g1.n_pprof_peek)
    go("go tool pprof -sample_index=alloc_space -traces lift.test mem.out", d / "lift", "go-pprof-traces-mem",
       g1.n_pprof_traces)
    go("go tool pprof -traces lift.test cpu.out", d / "lift", "go-pprof-traces-cpu", g1.n_pprof_traces)
    write_tree(tmp / "cmp", {"go.mod": "module example.com/benchcmp\n\ngo 1.19\n", "main.go": g1.BENCHCMP})
    run("timeout 280 go build -o benchcmp .", cwd=tmp / "cmp", env=GOENV)
    run(f"timeout 300 go test -run='^$' -bench=. -benchtime=100ms -count=5 ./lift > {tmp}/old.txt", cwd=d, env=GOENV,
        timeout=320)
    src = d / "lift" / "lift.go"
    src.write_text(src.read_text().replace("s ^= s << 3", "s ^= s << 3\n\t\ts += len(strconv.Itoa(s))"))
    run(f"timeout 300 go test -run='^$' -bench=. -benchtime=100ms -count=5 ./lift > {tmp}/new.txt", cwd=d, env=GOENV,
        timeout=320)
    S.add("go-bench-compare", "go test -bench=. -count=5 ./lift > new.txt && benchcmp old.txt new.txt",
          run(f"{tmp}/cmp/benchcmp {tmp}/old.txt {tmp}/new.txt", cwd=d, env=GOENV), g1.n_bench_compare)


# ================================================================ Rust: the rambook crates
WORDS = ["caisson", "ram", "keeper", "trough", "gate", "counterweight", "valve", "aqueduct", "reach", "pump"]


def manifest(name="rambook", extra="", meta=True):
    m = '\ndescription = "boat lift ram ledgers"\nlicense = "MIT"' if meta else ""
    return f'[package]\nname = "{name}"\nversion = "1.3.0"\nedition = "2021"{m}\n{extra}\n[dependencies]\n'


def lib_src(seed: int, n: int, faults: set[str]) -> str:
    rng = random.Random(seed)
    out = ["//! Boat lift ledgers: caissons, hydraulic rams and lock keepers.\n", "#![allow(dead_code)]\n\n",
           "/// An old ram gauge.\n#[deprecated(note = \"use the new ram gauge\")]\npub fn old_gauge(x: u32) -> u32 { x }\n\n"]
    for i in range(n):
        w = rng.choice(WORDS)
        x = rng.randint(1, 250)
        if "docs" in faults and rng.random() < 0.35:
            pass
        else:
            link = f" Feeds [`{w.title()}Log{i}`] and [`crate::{w}_sum_{i}`]." if "links" in faults and rng.random() < 0.3 else ""
            out.append(f"/// Logs {w} reading {i}.{link}\n")
            if "doctest" in faults and rng.random() < 0.3:
                kind = rng.choice(["compile_fail", "should_panic", "plain"])
                if kind == "compile_fail":
                    out.append(f"///\n/// ```compile_fail\n/// let mut v = Vec::new();\n/// rambook::{w}_{i}(&mut v, 1);\n/// ```\n")
                elif kind == "should_panic":
                    out.append(f"///\n/// ```should_panic\n/// let mut v = Vec::new();\n/// rambook::{w}_{i}(&mut v, 2);\n/// ```\n")
                else:
                    out.append(f"///\n/// ```\n/// let mut v = Vec::new();\n/// let n: u8 = rambook::{w}_{i}(&mut v, 3);\n/// ```\n")
        out.append(f"pub fn {w}_{i}(v: &mut Vec<u8>, k: u8) -> usize {{\n    v.push(k.wrapping_add({x}));\n    v.len()\n}}\n\n")
        if "warn" in faults and rng.random() < 0.45:
            out.append(f"/// Reads gauge {i}.\npub fn Gauge{i}(v: &mut Vec<u8>) -> u32 {{\n    let mut Level{i} = {x};\n"
                       f"    #[allow(deprecated)]\n    let _ = 0;\n    {w}_{i}(v, 1);\n    old_gauge(Level{i})\n}}\n\n")
        if "error" in faults and rng.random() < 0.07:
            out.append(f"/// Broken keeper {i}.\npub fn keeper_shift_{i}() -> usize {{\n    let mut rota = vec![{x}u8];\n"
                       f"    let first = &rota[0];\n    rota.push(*first);\n    let moved = rota;\n    println!(\"{{}}\", first);\n"
                       f"    rota.len() + moved.len()\n}}\n\n")
        if "tests" in faults and rng.random() < 0.5:
            bad = rng.choice(["ok", "ok", "overflow", "none", "nopanic"])
            body = {"ok": f"assert_eq!(super::{w}_{i}(&mut v, 0), 1);",
                    "overflow": f"let level: u8 = {200 + x % 50}; let lift = level + std::hint::black_box({60 + x % 40}u8); assert!(lift > 0);",
                    "none": f"let ram = v.iter().find(|r| **r == {x}); assert_eq!(*ram.unwrap(), {x});",
                    "nopanic": f"assert_eq!(super::{w}_{i}(&mut v, 0), 1);"}[bad]
            sp = "    #[should_panic(expected = \"ram jammed\")]\n" if bad == "nopanic" else ""
            out.append(f"#[cfg(test)]\nmod t{i} {{\n    #[test]\n{sp}    fn {w}_{i}_stroke() {{\n"
                       f"        println!(\"keeper logs {w} {i}: stroke {x} mm\");\n        let mut v: Vec<u8> = Vec::new();\n"
                       f"        {body}\n    }}\n}}\n\n")
    return "".join(out)


def crate(d: Path, seed: int, n: int, faults: set[str], extra="", more: dict | None = None, meta=True) -> None:
    run(f"rm -rf {d}")
    write_tree(d, {"Cargo.toml": manifest(extra=extra, meta=meta), "src/lib.rs": lib_src(seed, n, faults), **(more or {})})


LOGGER = r'''
use std::env;
struct Rng(u64);
impl Rng { fn next(&mut self) -> u64 { self.0 ^= self.0 << 13; self.0 ^= self.0 >> 7; self.0 ^= self.0 << 17; self.0 } }
fn main() {
    let traced = env::var("RUST_LOG").map(|v| v == "trace").unwrap_or(false);
    let a: Vec<String> = env::args().collect();
    let n: u64 = a[1].parse().unwrap();
    let mut r = Rng(a[2].parse().unwrap());
    let targets = ["rambook::caisson", "rambook::ram", "rambook::keeper", "rambook::gate", "rambook::aqueduct", "rambook::pump"];
    let mut ms = 8_000u64;
    for i in 0..n {
        ms += 1 + r.next() % 40;
        let roll = r.next() % 1000;
        let v = r.next() % 100_000;
        let tg = targets[(r.next() % 6) as usize];
        let (lvl, msg) = if roll < 5 {
            ("ERROR", format!("ram {} lost pressure at {} bar during lift {}; caisson {} held by brakes", v % 8, 150 + v % 90, i, ["east", "west"][(v % 2) as usize]))
        } else if roll < 30 {
            ("WARN", if v % 3 == 0 { format!("caisson trough level off by {} mm", v % 60) } else if v % 3 == 1 { format!("keeper {} signalled late by {} s", v % 7, v % 90) } else { format!("gate seal {} leaking {} l/min", v % 4, v % 25) })
        } else if roll < 200 {
            ("INFO", format!("lift {} done: {} t of water, {} boats", i, 2400 + v % 700, 1 + v % 4))
        } else if roll < 500 {
            ("DEBUG", format!("ram {} stroke {} mm, valve {}%", v % 8, v % 30000, v % 100))
        } else {
            ("TRACE", format!("sample pressure sensor {} raw=0x{:05x}", v % 24, v))
        };
        if lvl == "TRACE" && !traced { continue; }
        println!("{:>8}.{:03}s {:<5} {}: {}", ms / 1000, ms % 1000, lvl, tg, msg);
    }
}
'''

PANICS = r'''
use std::cell::RefCell;
use std::sync::{Arc, Mutex};
use std::thread;
fn ram_pressure(bars: &[u16], i: usize) -> u16 { bars[i].checked_mul(400).expect("ram pressure overflow") }
fn main() {
    let n: usize = std::env::args().nth(1).unwrap().parse().unwrap();
    let book = Arc::new(Mutex::new(vec![0u32; 4]));
    let mut hs = Vec::new();
    for k in 0..n {
        let book = Arc::clone(&book);
        hs.push(thread::Builder::new().name(format!("ram-{}", k)).spawn(move || {
            let bars = [120u16, 190, 210];
            match k % 5 {
                1 => { let g = book.lock().unwrap(); let _ = ram_pressure(&bars, 2); drop(g); }
                2 => { let c = RefCell::new(vec![k]); let _a = c.borrow_mut(); let _b = c.borrow_mut(); }
                3 => { let g = book.lock().expect("caisson ledger poisoned"); println!("ram {} logged {}", k, g.len()); }
                _ => println!("ram {} stroke complete", k),
            }
        }).unwrap());
        if k % 5 == 1 { thread::sleep(std::time::Duration::from_millis(30)); }
    }
    for h in hs { let _ = h.join(); }
    let keeper: Option<&str> = None;
    println!("lift closed by {}", keeper.expect("no lock keeper on shift"));
}
'''


def r_log(tmp: Path) -> None:
    d = tmp / "rlog"
    write_tree(d, {"Cargo.toml": manifest("liftlog"), "src/main.rs": LOGGER})
    run("timeout 400 cargo build -q --release", cwd=d, env=OFF, timeout=420)
    for n, seed in ((400, 46110), (900, 46111), (1500, 46112)):
        cap(f"rust-log-trace-{n}", f"./target/release/liftlog {n} {seed}", d, r2.N_LOG, env={"RUST_LOG": "trace"},
            typed=f"RUST_LOG=trace cargo run -q --release -- {n} {seed}")


def r_panic(tmp: Path) -> None:
    d = tmp / "rpanic"
    write_tree(d, {"Cargo.toml": manifest("liftpanic"), "src/main.rs": PANICS})
    run("timeout 400 cargo build -q", cwd=d, env=OFF, timeout=420)
    for n in (4, 8):
        cap(f"rust-panic-threads-{n}", f"cargo run -q -- {n}", d, r2.N_PANIC, env={**OFF, "RUST_BACKTRACE": "full"},
            typed=f"RUST_BACKTRACE=full cargo run -q -- {n}")


def r_test_show(tmp: Path) -> None:
    for k, (seed, n) in enumerate(((46120, 30), (46121, 110))):
        d = tmp / f"rtest{k}"
        crate(d, seed, n, {"tests"})
        cap(f"cargo-test-show-{n}", "cargo test -q -- --show-output --test-threads=1", d, r2.N_TEST_SHOW, env=OFF)


def r_rustc_warn(tmp: Path) -> None:
    for k, (seed, n, f) in enumerate(((46130, 40, {"warn", "docs"}), (46131, 150, {"warn", "docs", "error"}),
                                      (46132, 260, {"warn", "docs"}))):
        d = tmp / f"rwarn{k}"
        crate(d, seed, n, f)
        cap(f"rustc-warn-{n}", "rustc --edition 2021 --crate-type lib --crate-name rambook -W missing-docs "
            "-W unused-mut -W non-snake-case -W deprecated -o librambook.rlib src/lib.rs", d, r2.N_RUSTC_WARN)


def r_rustdoc_lints(tmp: Path) -> None:
    for k, (seed, n) in enumerate(((46140, 40), (46141, 180))):
        d = tmp / f"rdl{k}"
        crate(d, seed, n, {"links", "docs"})
        cap(f"rustdoc-lints-{n}", "rustdoc --edition 2021 --crate-name rambook -W missing-docs "
            "-W rustdoc::broken-intra-doc-links -W rustdoc::missing-crate-level-docs -o doc src/lib.rs", d,
            r2.N_RUSTDOC_LINTS)


def r_rustdoc_test(tmp: Path) -> None:
    for k, (seed, n) in enumerate(((46150, 25), (46151, 60))):
        d = tmp / f"rdt{k}"
        crate(d, seed, n, {"doctest"})
        run("rustc --edition 2021 --crate-type lib --crate-name rambook -o librambook.rlib src/lib.rs", cwd=d)
        cap(f"rustdoc-test-{n}", "rustdoc --edition 2021 --test --crate-name rambook -L . src/lib.rs", d,
            r2.N_RUSTDOC_TEST, timeout=600)


def r_fix(tmp: Path) -> None:
    for k, (seed, n, f) in enumerate(((46160, 40, {"warn"}), (46161, 120, {"warn", "error"}))):
        d = tmp / f"rfix{k}"
        crate(d, seed, n, f)
        cap(f"cargo-fix-{n}", "cargo fix --allow-dirty --allow-no-vcs --broken-code --lib", d, r2.N_FIX, env=OFF)


def r_package(tmp: Path) -> None:
    for k, (seed, n) in enumerate(((46170, 20), (46171, 50))):
        d = tmp / f"rpkg{k}"
        gauges = {f"gauges/ram-{j:02}.toml": f"bore = {j + 40}\n" for j in range(14 + 12 * k)}
        crate(d, seed, n, {"warn"}, meta=bool(k),
              extra='include = ["src/lib.rs", "gauges/*.toml", "Cargo.toml", "NOTICE"]\n',
              more={"src/rams.rs": "pub const RAMS: usize = 4;\n", "NOTICE": "boat lift\n", **gauges})
        lib = d / "src" / "lib.rs"
        lib.write_text(lib.read_text().replace("#![allow(dead_code)]\n", "#![allow(dead_code)]\npub mod rams;\n", 1))
        run("cargo generate-lockfile", cwd=d, env=OFF)
        cap(f"cargo-package-list-{k}", "cargo package --list --allow-dirty", d, r2.N_PKG_LIST, env=OFF)
        cap(f"cargo-package-verify-{k}", "cargo package --allow-dirty", d, r2.N_PKG_VERIFY, env=OFF)


def r_timings(tmp: Path) -> None:
    for k, (seed, n, f) in enumerate(((46180, 60, {"warn"}), (46181, 200, {"warn", "error"}))):
        d = tmp / f"rtim{k}"
        crate(d, seed, n, f)
        cap(f"cargo-build-timings-{n}", "cargo build --timings", d, r2.N_TIMINGS, env=OFF)


def r_metadata(tmp: Path) -> None:
    cases = {
        "cycle": ('[workspace]\nmembers = ["caisson", "rams"]\n',
                  {"caisson/Cargo.toml": manifest("caisson") + 'rams = { path = "../rams" }\n',
                   "caisson/src/lib.rs": "//! caisson\n",
                   "rams/Cargo.toml": manifest("rams") + 'caisson = { path = "../caisson" }\n',
                   "rams/src/lib.rs": "//! rams\n"}),
        "bad-member": ('[workspace]\nmembers = ["caisson", "keepers/*"]\n',
                       {"caisson/Cargo.toml": manifest("caisson"), "caisson/src/lib.rs": "//! caisson\n",
                        "keepers/rota/Cargo.toml": '[package]\nname = "rota"\nversion = "1.0"\nedition = 2021\n',
                        "keepers/rota/src/lib.rs": "\n"}),
    }
    for name, (top, files) in cases.items():
        d = tmp / f"rmeta-{name}"
        run(f"rm -rf {d}")
        write_tree(d, {"Cargo.toml": top, **files})
        cmd = "cargo metadata --format-version 1" + ("; cargo build" if name == "bad-member" else "")
        cap(f"cargo-metadata-{name}", f"sh -c '{cmd}'", d, r2.N_META, env=OFF, typed=cmd)


STEPS = [g_shuffle, g_fuzz, g_escape, g_list, g_work, g_verify, g_json, g_cover, g_prof,
         r_log, r_panic, r_test_show, r_rustc_warn, r_rustdoc_lints, r_rustdoc_test, r_fix, r_package, r_timings,
         r_metadata]


def main() -> None:
    cm.capture_round(__doc__, lambda: None, lambda: STEPS, ID_PREFIX, OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    main()
