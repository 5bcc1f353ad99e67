#!/usr/bin/env python3
"""Capture round 304 of the compression corpus: second samples of round 295's Go testing kinds on new material, run
on Debian's go 1.19 offline (GOPROXY=off GOFLAGS=-mod=mod GOTOOLCHAIN=local). A stdlib-only module of the round's own
(`brickworks`, a brickworks' kiln firing and drying-yard controller), widened by seeded generators, with faults put
in: data races under `go test -race` (an unguarded counter, a field written by a ticker goroutine, a package-level
slice appended from goroutines), failing table subtests under t.Parallel, panics (nil map write, divide by zero, a
failed type assertion), tests that hang (an unbuffered send nobody reads, a mutex left locked) killed by `-timeout`,
fuzz targets with crashers (a slice-bounds panic, a rune round trip losing invalid UTF-8), benchmarks, coverage,
`go test -json`, and in side modules vet findings (`go vet`, `go vet -json`), unformatted files (`gofmt -l -d`), type
errors (`go build`) and `go list -deps -json`. About a third of the command lines are typed as agents type them.

No new rules: every kind takes round 295's extractor, imported from capture_wide295 (NEEDLES.md, "Round 304"),
written down before capture. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide304.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide304.json  as {"version": 2, "items": [...]}, ids prefixed "wide304-".
"""

from __future__ import annotations

import os
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_more import write_tree  # noqa: E402
# round 295's extractors, its own and those it imports from the earlier rounds
from capture_wide295 import (n_go_bench, n_go_build, n_go_cover, n_go_cover_func, n_go_coverprofile,  # noqa: E402
                             n_go_fuzz, n_go_list_json, n_go_panic, n_go_race, n_go_sub, n_go_test,
                             n_go_test_json, n_go_timeout, n_go_vet, n_go_vet_json, n_gofmt)

ID_PREFIX = "wide304-"
DEFAULT_OUT = HERE / "data" / "wide304.json"
SCRATCH = Path("/dev/shm/hm-corpus-wide304")
TMP = SCRATCH / "run"
GOCACHE = SCRATCH / "gocache"  # kept between runs (the race-built stdlib)
GOENV = {"GOPATH": str(SCRATCH / "gopath"), "GOCACHE": str(GOCACHE), "GOPROXY": "off",
         "GOFLAGS": "-mod=mod", "GOTOOLCHAIN": "local", "GO111MODULE": "on", "CGO_ENABLED": "1"}

MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)


def cap(item_id, command, cwd, extractor, timeout=240):
    _SIZED.cap(item_id, command, cwd, extractor, timeout=timeout, env=GOENV)


# ------------------------------------------------------------------ the module

MOD = "module example.com/brickworks\n\ngo 1.19\n"

KILN = '''package kiln

import (
	"sync"
	"time"
)

// Zone is one firing zone of a tunnel kiln.
type Zone struct {
	Name string
	Temp float64
}

// Kiln guards its zones with mu, but not firings or peak (bugs put in).
type Kiln struct {
	mu      sync.Mutex
	zones   map[string]*Zone
	firings int
	peak    float64
}

func New(names ...string) *Kiln {
	k := &Kiln{zones: map[string]*Zone{}}
	for _, n := range names {
		k.zones[n] = &Zone{Name: n, Temp: 20}
	}
	return k
}

func (k *Kiln) Fire(zone string, delta float64) {
	k.mu.Lock()
	z := k.zones[zone]
	k.mu.Unlock()
	z.Temp += delta
	k.firings++
	if z.Temp > k.peak {
		k.peak = z.Temp
	}
}

func (k *Kiln) Firings() int { return k.firings }

func (k *Kiln) Peak() float64 { return k.peak }

// Thermo is a thermocouple sampled by a ticker goroutine while tests read it.
type Thermo struct {
	reading float64
	samples int
}

func (t *Thermo) Run(stop <-chan struct{}) {
	tk := time.NewTicker(time.Millisecond)
	defer tk.Stop()
	for {
		select {
		case <-stop:
			return
		case <-tk.C:
			t.reading += 1.5
			t.samples++
		}
	}
}

func (t *Thermo) Reading() float64 { return t.reading }

// alarms is appended to from any goroutine, without a lock.
var alarms []string

func Raise(s string) { alarms = append(alarms, s) }

func Alarms() int { return len(alarms) }
'''

KILN_TEST = '''package kiln

import (
	"fmt"
	"sync"
	"testing"
	"time"
)

func TestFireConcurrent(t *testing.T) {
	k := New("preheat", "fire", "cool")
	var wg sync.WaitGroup
	for i := 0; i < 9; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			k.Fire([]string{"preheat", "fire", "cool"}[i%3], float64(10*i))
		}(i)
	}
	wg.Wait()
	if k.Firings() != 9 {
		t.Errorf("firings = %d, want 9", k.Firings())
	}
}

func TestThermoSampling(t *testing.T) {
	th := &Thermo{}
	stop := make(chan struct{})
	go th.Run(stop)
	var last float64
	for i := 0; i < 5; i++ {
		time.Sleep(2 * time.Millisecond)
		last = th.Reading()
	}
	close(stop)
	if last == 0 {
		t.Fatalf("no reading after 10ms")
	}
}

func TestRaiseAlarms(t *testing.T) {
	var wg sync.WaitGroup
	for i := 0; i < 6; i++ {
		wg.Add(1)
		go func(i int) { defer wg.Done(); Raise(fmt.Sprintf("zone-%d over 1100C", i)) }(i)
	}
	wg.Wait()
	if Alarms() != 6 {
		t.Errorf("alarms = %d, want 6", Alarms())
	}
}

func TestFireSerial(t *testing.T) {
	k := New("fire")
	k.Fire("fire", 900)
	if k.Peak() != 920 {
		t.Fatalf("peak = %v, want 920", k.Peak())
	}
}
'''

PRESS = '''package press

// Mould counts bricks pressed per cavity; a zero Mould has a nil map (bug put in).
type Mould struct {
	Cavities map[string]int
}

func (m *Mould) Load(name string, n int) { m.Cavities[name] += n }

// PerPallet is how many bricks go on each pallet.
func PerPallet(bricks, pallets int) int { return bricks / pallets }

// Weight of a green brick in kg from its volume in litres; the volume must be a float64.
func Weight(v interface{}) float64 { return v.(float64) * 2.1 }
'''

PRESS_TEST = '''package press

import "testing"

func TestLoad(t *testing.T) {
	m := &Mould{Cavities: map[string]int{}}
	m.Load("stretcher", 12)
	if m.Cavities["stretcher"] != 12 {
		t.Fatal("load")
	}
}

func TestPerPallet(t *testing.T) {
	if PerPallet(500, 4) != 125 {
		t.Errorf("PerPallet(500, 4) = %d", PerPallet(500, 4))
	}
}

func TestEmptyMould(t *testing.T) {
	var m Mould
	t.Logf("loading an empty mould")
	m.Load("header", 3)
}

func TestPalletsZero(t *testing.T) {
	if PerPallet(300, 0) != 0 {
		t.Error("no pallets")
	}
}

func TestWeightInt(t *testing.T) {
	if w := Weight(3); w != 6.3 {
		t.Errorf("Weight(3) = %v", w)
	}
}

func TestWeightFloat(t *testing.T) {
	if w := Weight(2.0); w != 4.2 {
		t.Errorf("Weight(2.0) = %v", w)
	}
}
'''

YARD = '''package yard

import "sync"

// Yard stacks green bricks on drying racks.
type Yard struct {
	mu    sync.Mutex
	racks []int
	ready chan int
}

func NewYard() *Yard { return &Yard{ready: make(chan int)} }

// Stack puts n bricks on a new rack; a rack over 100 returns with the lock held (bug put in).
func (y *Yard) Stack(n int) {
	y.mu.Lock()
	y.racks = append(y.racks, n)
	if n > 100 {
		return
	}
	y.mu.Unlock()
}

func (y *Yard) Count() int {
	y.mu.Lock()
	defer y.mu.Unlock()
	return len(y.racks)
}

// Dry hands n dried racks to the kiln loader over an unbuffered channel nobody reads.
func (y *Yard) Dry(n int) {
	for i := 0; i < n; i++ {
		y.ready <- i
	}
}
'''

YARD_TEST = '''package yard

import (
	"testing"
	"time"
)

func TestStackSmall(t *testing.T) {
	y := NewYard()
	y.Stack(40)
	if y.Count() != 1 {
		t.Fatal("count")
	}
}

func TestDryOne(t *testing.T) {
	y := NewYard()
	go func() { <-y.ready }()
	y.Dry(1)
}

func TestStackLarge(t *testing.T) {
	y := NewYard()
	for i := 0; i < %d; i++ {
		go y.Count()
	}
	y.Stack(150)
	time.Sleep(5 * time.Millisecond)
	if y.Count() != 1 {
		t.Fatalf("count = %%d", y.Count())
	}
}

func TestDryAll(t *testing.T) {
	y := NewYard()
	y.Dry(3)
}

func TestAfterYard(t *testing.T) {
	t.Log("never reached")
}
'''

STAMP = '''package stamp

import (
	"errors"
	"strconv"
	"strings"
)

var ErrLot = errors.New("stamp: bad lot code")

// ParseLot reads "LOT-<digits>/<check>", where check is the two-digit sum of the digits mod 97.
func ParseLot(s string) (int, error) {
	if !strings.HasPrefix(s, "LOT-") {
		return 0, ErrLot
	}
	body := s[4:]
	slash := strings.IndexByte(body, '/')
	if slash < 0 {
		return 0, ErrLot
	}
	check := body[slash+1 : slash+3] // bug: a check shorter than two digits slices past the end
	n, err := strconv.Atoi(body[:slash])
	if err != nil {
		return 0, ErrLot
	}
	c, err := strconv.Atoi(check)
	if err != nil || c != n%97 {
		return 0, ErrLot
	}
	return n, nil
}

// Mirror reverses a stamp's text for the press die (bytes that are not UTF-8 are lost: bug put in).
func Mirror(s string) string {
	r := []rune(s)
	for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
		r[i], r[j] = r[j], r[i]
	}
	return string(r)
}

// Pad right-aligns a stamp in a field of width w.
func Pad(s string, w int) string {
	if len(s) >= w {
		return s
	}
	return strings.Repeat(" ", w-len(s)) + s
}
'''

STAMP_TEST = '''package stamp

import "testing"

func TestParseLot(t *testing.T) {
	n, err := ParseLot("LOT-1234/70")
	if err != nil || n != 1234 {
		t.Fatalf("got %v %v", n, err)
	}
}

func FuzzParseLot(f *testing.F) {
	for _, s := range []string{"LOT-1234/70", "LOT-97/00", "LOT-5/05", "LOT-x/12"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := ParseLot(s)
		if err == nil && n < 0 {
			t.Errorf("negative lot %d from %q", n, s)
		}
	})
}

func FuzzMirrorTwice(f *testing.F) {
	for _, s := range []string{"ENGINEERING B", "kiln 4", "ß-clay"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got := Mirror(Mirror(s)); got != s {
			t.Errorf("Mirror(Mirror(%q)) = %q", s, got)
		}
	})
}

func FuzzPadWidth(f *testing.F) {
	f.Add("B2")
	f.Add("facing red")
	f.Fuzz(func(t *testing.T, s string) {
		if len(Pad(s, 12)) < 12 {
			t.Errorf("Pad(%q, 12) too short", s)
		}
	})
}
'''


def gen_batch(rng: random.Random, n: int) -> tuple[str, str]:
    src = '''package batch

// Grade names a fired brick's class by compressive strength (N/mm2) and water absorption (%).
func Grade(strength, absorption float64) string {
	switch {
	case strength >= 50 && absorption <= 7:
		return "A"
	case strength > 35 && absorption <= 12: // bug: exactly 35 N/mm2 is class B
		return "B"
	case strength >= 10:
		return "common"
	default:
		return "reject"
	}
}
'''
    cases = []
    for i in range(n):
        strength = round(rng.choice([rng.uniform(4, 80), 35.0, 50.0]), 1)
        absorb = round(rng.uniform(3, 18), 1)
        want = ("A" if strength >= 50 and absorb <= 7 else "B" if strength >= 35 and absorb <= 12
                else "common" if strength >= 10 else "reject")
        if i % 41 == 17:
            want = "reject" if want != "reject" else "common"  # a few expectations wrong on purpose
        group = rng.choice(["facing", "facing", "facing", "facing", "engineering", "paver"])
        cases.append(f'\t\t{{"{group}/lot{i:03d}", {strength}, {absorb}, "{want}"}},\n')
    test = ('package batch\n\nimport "testing"\n\nfunc TestGrade(t *testing.T) {\n\tcases := []struct {\n'
            '\t\tname               string\n\t\tstrength, absorption float64\n\t\twant               string\n\t}{\n'
            + "".join(cases) +
            '\t}\n\tfor _, c := range cases {\n\t\tc := c\n\t\tt.Run(c.name, func(t *testing.T) {\n'
            '\t\t\tt.Parallel()\n\t\t\tif got := Grade(c.strength, c.absorption); got != c.want {\n'
            '\t\t\t\tt.Errorf("Grade(%v, %v) = %q, want %q", c.strength, c.absorption, got, c.want)\n'
            '\t\t\t}\n\t\t})\n\t}\n}\n\n'
            'func TestGradeBounds(t *testing.T) {\n\tt.Run("weak", func(t *testing.T) {\n'
            '\t\tif Grade(2, 20) != "reject" {\n\t\t\tt.Fatal("weak")\n\t\t}\n\t})\n'
            '\tt.Run("strength-35", func(t *testing.T) {\n\t\tif got := Grade(35, 10); got != "B" {\n'
            '\t\t\tt.Fatalf("Grade(35, 10) = %q, want \\"B\\"", got)\n\t\t}\n\t})\n}\n')
    return src, test


def gen_bench(rng: random.Random, n: int) -> tuple[str, str]:
    src = ['package bench\n\nimport (\n\t"bytes"\n\t"strconv"\n)\n\nvar _ = bytes.MinRead\n\n']
    tests = ['package bench\n\nimport "testing"\n\n']
    for i in range(n):
        style = rng.choice(["map", "append", "prealloc", "strconv", "buffer", "loop", "loop"])
        size = rng.choice([8, 16, 32, 64, 128])
        if i == 5:
            style, size = "map", 3000  # the slow, allocating outlier
        name = f"Stack{i:02d}" if i % 2 else f"Fire{i:02d}"
        if style == "map":
            body = f'\tm := map[int]int{{}}\n\tfor i := 0; i < {size}; i++ {{\n\t\tm[i] = i * 3\n\t}}\n\treturn len(m)\n'
        elif style == "append":
            body = f'\tvar xs []int\n\tfor i := 0; i < {size}; i++ {{\n\t\txs = append(xs, i)\n\t}}\n\treturn len(xs)\n'
        elif style == "prealloc":
            body = f'\txs := make([]int, 0, {size})\n\tfor i := 0; i < {size}; i++ {{\n\t\txs = append(xs, i)\n\t}}\n\treturn len(xs)\n'
        elif style == "strconv":
            body = f'\tn := 0\n\tfor i := 0; i < {size // 4 + 1}; i++ {{\n\t\tn += len(strconv.Itoa(i * 1009))\n\t}}\n\treturn n\n'
        elif style == "buffer":
            body = f'\tvar b bytes.Buffer\n\tfor i := 0; i < {size}; i++ {{\n\t\tb.WriteString("brk")\n\t}}\n\treturn b.Len()\n'
        else:
            body = f'\tn := 1\n\tfor i := 0; i < {size}; i++ {{\n\t\tn ^= i << 1\n\t}}\n\treturn n\n'
        src.append(f"func {name}() int {{\n{body}}}\n\n")
        tests.append(f"func Benchmark{name}(b *testing.B) {{\n\tfor i := 0; i < b.N; i++ {{\n\t\t_ = {name}()\n\t}}\n}}\n\n")
    return "".join(src), "".join(tests)


def gen_cover(rng: random.Random, nfiles: int) -> dict[str, str]:
    files = {}
    tests = ['package dryness\n\nimport "testing"\n\n']
    for f in range(nfiles):
        body = ["package dryness\n\n"]
        for j in range(rng.randint(2, 6)):
            name = f"Moisture{f}r{j}"
            arms = rng.randint(1, 5)
            cases = "".join(f"\tcase h < {(k + 1) * 12}:\n\t\treturn {k}\n" for k in range(arms))
            body.append(f"func {name}(h int) int {{\n\tswitch {{\n{cases}\tdefault:\n\t\treturn -1\n\t}}\n}}\n\n")
            if rng.random() < 0.55 and f != 5:
                calls = "".join(f"\t_ = {name}({rng.randint(0, 70)})\n" for _ in range(rng.randint(1, 3)))
                tests.append(f"func Test{name}(t *testing.T) {{\n{calls}}}\n\n")
        files[f"dryness/rack{f:02d}.go"] = "".join(body)
    files["dryness/dryness_test.go"] = "".join(tests)
    return files


def gen_vet(rng: random.Random, nfiles: int) -> dict[str, str]:
    files = {"go.mod": "module example.com/brickvet\n\ngo 1.19\n"}
    snippets = [
        (('"fmt"',), 'func Label{i}(kiln string) string {{\n\treturn fmt.Sprintf("kiln %d", kiln)\n}}\n'),
        (('"fmt"',), 'func Drop{i}(n int) {{\n\tfmt.Sprintf("%d bricks", n)\n}}\n'),
        ((), 'func Spawn{i}(zones []string) {{\n\tfor _, z := range zones {{\n\t\tgo func() {{\n\t\t\tprintln(z)\n\t\t}}()\n\t}}\n}}\n'),
        ((), 'type Reader{i} struct{{}}\n\nfunc (Reader{i}) ReadByte() byte {{ return 0 }}\n'),
        ((), 'type Pallet{i} struct {{\n\tID  int `json:"id"`\n\tRef int `json:"id"`\n}}\n'),
        (('"errors"', '"os"'), 'func As{i}(err error) bool {{\n\tvar pe os.PathError\n\treturn errors.As(err, pe)\n}}\n'),
        (('"encoding/json"',), 'func Decode{i}(b []byte) int {{\n\tvar n int\n\t_ = json.Unmarshal(b, n)\n\treturn n\n}}\n'),
        ((), 'func Code{i}(n int) string {{\n\treturn string(n)\n}}\n'),
        (('"sync"',), 'type Gauge{i} struct {{\n\tmu sync.Mutex\n\tv  int\n}}\n\nfunc (g Gauge{i}) Value() int {{ return g.v }}\n'),
        ((), 'func Mask{i}(v uint16) uint16 {{\n\treturn v >> 17\n}}\n'),
        (('"os"', '"os/signal"'), 'func Wait{i}() {{\n\tc := make(chan os.Signal)\n\tsignal.Notify(c, os.Interrupt)\n}}\n'),
        ((), 'func Swap{i}(a, b int) (int, int) {{\n\ta, b = a, b\n\treturn a, b\n}}\n'),
        ((), 'func Total{i}(a, b int) int {{\n\treturn a * b\n}}\n'),
    ]
    for pkg in ["firing", "drying", "chamber"]:
        for f in range(nfiles):
            picks = rng.sample(snippets, k=rng.randint(2, 4))
            imps = sorted({imp for imps_, _ in picks for imp in imps_})
            head = f"package {pkg}\n\n" + (("import (\n" + "".join(f"\t{x}\n" for x in imps) + ")\n\n") if imps else "")
            body = "\n".join(code.format(i=f"{f}_{k}") for k, (_, code) in enumerate(picks))
            files[f"{pkg}/{pkg}{f:02d}.go"] = head + body
    # a type error in one package: vet reports it instead of that package's findings
    files["chamber/broken.go"] = 'package chamber\n\nfunc Seal() int {\n\treturn "sealed"\n}\n'
    return files


def gen_fmt(rng: random.Random, n: int) -> dict[str, str]:
    files = {"go.mod": "module example.com/brickfmt\n\ngo 1.19\n"}
    for i in range(n):
        if i % 5 == 2:  # a formatted file among the rest
            body = (f"package untidy\n\nimport \"strings\"\n\n// Tag{i} labels a pallet.\n"
                    f"func Tag{i}(lot string, n int) string {{\n\treturn strings.Repeat(lot, n)\n}}\n")
        else:
            body = (f"package untidy\n\nimport \"strings\"\n\n// Tag{i} labels a pallet.\n"
                    f"func Tag{i}( lot string,n int ) string{{\n")
            for k in range(rng.randint(2, 9)):
                r = rng.random()
                if r < 0.25:
                    body += f"\tif(n>{k*3}){{ n-- }}\n"
                elif r < 0.5:
                    body += f"        lot=lot+\"-{k}\"\n"
                elif r < 0.75:
                    body += f"\tvar  x{k}   =   []int{{1,2 ,{k}}}\n\t_ =x{k}\n"
                else:
                    body += f"\tlot = strings.TrimSpace( lot )   // step {k}\n"
            body += "  return strings.Repeat(lot,n)\n}\n"
        files[f"untidy/tag{i:02d}.go"] = body
    return files


def gen_broken(rng: random.Random) -> dict[str, str]:
    files = {"go.mod": "module example.com/brickbroken\n\ngo 1.19\n"}
    errs = [
        "\tvar c int = 3.7\n\t_ = c\n",
        "\tq := missingKiln(2)\n\t_ = q\n",
        "\tvar b []int = \"clay\"\n\t_ = b\n",
        "\tfor i := range 10 {\n\t\t_ = i\n\t}\n",
        "\tvar t struct{ N int }\n\tt.M = 4\n",
        "\tw := 2\n",
        "\tvar p *int\n\tp.Inc()\n",
        "\t_ = strconv.Itoa(1)\n",
        "\tvar s string = 'x' + \"y\"\n\t_ = s\n",
    ]
    for p in ["clamp", "conveyor", "sorter", "dispatch"]:
        for f in range(3):
            funcs = []
            for k in range(rng.randint(3, 7)):
                e = rng.choice(errs) if rng.random() < 0.7 else "\t_ = 3\n"
                funcs.append(f"func {p.title()}{f}n{k}() int {{\n{e}\treturn 0\n}}\n")
            files[f"{p}/{p}{f}.go"] = f"package {p}\n\n" + "\n".join(funcs)
    files["dispatch/route.go"] = ('package dispatch\n\nimport (\n\t"fmt"\n\t"strings"\n\t"example.com/brickbroken/sorter"\n)\n\n'
                                  'func Route() { fmt.Println(sorter.Sorter0n0()) }\n')
    files["cmd/works/main.go"] = ('package main\n\nimport (\n\t"example.com/brickbroken/clamp"\n\t"example.com/brickbroken/conveyor"\n'
                                 '\t"example.com/absent/ledger"\n)\n\nfunc main() { _ = clamp.Clamp0n0(); _ = conveyor.Conveyor0n0(); ledger.Post() }\n')
    return files


# ------------------------------------------------------------------ steps

def step_tests(tmp: Path) -> None:
    rng = random.Random(304)
    root = tmp / "brickworks"
    files = {"go.mod": MOD, "kiln/kiln.go": KILN, "kiln/kiln_test.go": KILN_TEST, "press/press.go": PRESS,
             "press/press_test.go": PRESS_TEST, "yard/yard.go": YARD, "yard/yard_test.go": YARD_TEST % 30,
             "stamp/stamp.go": STAMP, "stamp/stamp_test.go": STAMP_TEST}
    files["batch/batch.go"], files["batch/batch_test.go"] = gen_batch(rng, 360)
    files["bench/bench.go"], files["bench/bench_test.go"] = gen_bench(rng, 24)
    files.update(gen_cover(rng, 34))
    write_tree(root, files)
    cm.run("go vet ./... >/dev/null 2>&1; go test -count=1 -run XXX ./... >/dev/null 2>&1; "
           "go test -race -count=1 -run XXX ./kiln/ >/dev/null 2>&1", cwd=root, env=GOENV, timeout=900)

    # races
    cap("go-test-race-kiln", "go test -race -count=1 ./kiln/", root, n_go_race, timeout=400)
    cap("go-test-race-thermo-tail", "go test -race -count=1 -run 'TestThermo|TestFire' ./... 2>&1 | tail -n 70", root,
        n_go_race, timeout=400)
    cap("go-test-race-v-head", "cd brickworks && go test -race -v -count=1 ./kiln/ 2>&1 | head -n 120", tmp, n_go_race,
        timeout=400)
    cap("go-test-race-alarms-echo", "go test -race -count=1 -run TestRaiseAlarms ./kiln/; echo EXIT=$?", root,
        n_go_race, timeout=400)
    # subtests under t.Parallel
    cap("go-test-v-batch-subtests", "go test -v -count=1 ./batch/", root, n_go_sub)
    cap("go-test-v-batch-paver", "go test -v -count=1 -run 'TestGrade/paver' ./batch/", root, n_go_sub)
    cap("go-test-v-batch-nopass", "go test -v -count=1 -parallel 2 ./batch/ 2>&1 | grep -v -e '^=== ' -e '--- PASS'",
        root, n_go_sub)
    cap("go-test-v-batch-bounds", "go test -v -count=1 -run 'TestGradeBounds' ./batch/", root, n_go_sub)
    cap("go-test-batch-tail", "go test -count=1 ./batch/ 2>&1 | tail -n 45", root, n_go_test)
    cap("go-test-several-head", "go test -count=1 ./kiln/ ./batch/ ./press/ ./stamp/ ./dryness/ 2>&1 | head -n 100",
        root, n_go_test, timeout=300)
    # panics
    cap("go-test-panic-press-v", "go test -v -count=1 ./press/", root, n_go_panic)
    cap("go-test-panic-press-echo", "cd brickworks && go test -count=1 ./press/ ; echo EXIT=$?", tmp, n_go_panic)
    cap("go-test-panic-weight", "go test -count=1 -run 'TestWeight|TestPallets' -v ./press/ 2>&1", root, n_go_panic)
    # timeouts
    cap("go-test-timeout-yard", "go test -count=1 -timeout 4s ./yard/", root, n_go_timeout, timeout=120)
    cap("go-test-timeout-dry-v", "go test -count=1 -v -timeout 4s -run 'TestDry' ./yard/ ; echo EXIT=$?", root,
        n_go_timeout, timeout=120)
    # json
    cap("go-test-json-batch-tail", "go test -count=1 -json ./batch/ | tail -n 45", root, n_go_test_json)
    cap("go-test-json-press-kiln-tail", "go test -count=1 -json ./press/ ./kiln/ 2>&1 | tail -n 110", root,
        n_go_test_json)
    cap("go-test-json-press-dryness", "go test -count=1 -json ./press/ ./dryness/", root, n_go_test_json)
    # benchmarks
    cap("go-test-bench-mem", "go test -run '^$' -bench . -benchmem ./bench/", root, n_go_bench, timeout=400)
    cap("go-test-bench-count4", "go test -run '^$' -bench . -benchmem -benchtime 3000x -count 4 ./bench/", root,
        n_go_bench, timeout=400)
    cap("go-test-bench-stack-tail", "go test -run xxx -bench 'Stack' -benchmem -benchtime 500x ./bench/ | tail -n 25",
        root, n_go_bench, timeout=300)
    # coverage
    cap("go-test-cover-several", "go test -count=1 -cover ./batch/ ./dryness/ ./bench/ ./press/ ./stamp/ ./kiln/ 2>&1",
        root, n_go_cover, timeout=400)
    cap("go-cover-func-chain", "go test -count=1 -coverprofile=dry.out ./dryness/ && go tool cover -func=dry.out",
        root, n_go_cover_func)
    cap("go-cover-func-sorted", "go tool cover -func=dry.out | sort -k3 -n | head -n 50", root, n_go_cover_func)
    cm.run("go test -count=1 -coverprofile=all.out ./batch/ ./dryness/ ./stamp/ >/dev/null 2>&1", cwd=root, env=GOENV,
           timeout=300)
    cap("go-cover-func-all", "go tool cover -func=all.out", root, n_go_cover_func)
    cap("go-coverprofile-head", "head -n 60 dry.out", root, n_go_coverprofile)
    cap("go-coverprofile-cat", "cat all.out", root, n_go_coverprofile)
    cap("go-coverprofile-zero", "grep ' 0$' dry.out | head -n 80", root, n_go_coverprofile)
    # fuzzing: each crasher written to testdata fails every later run's seed pass, so it is removed in between
    cap("go-test-fuzz-mirror", "go test -run=xxx -fuzz=FuzzMirrorTwice -fuzztime 8s ./stamp/ ; echo EXIT=$?", root,
        n_go_fuzz, timeout=120)
    cm.run("rm -rf stamp/testdata", cwd=root)
    cap("go-test-fuzz-pad-pass", "go test -run '^$' -fuzz '^FuzzPadWidth$' -fuzztime 8s ./stamp/ 2>&1; echo EXIT=$?",
        root, n_go_fuzz, timeout=120)
    cap("go-test-fuzz-lot", "go test -fuzz=FuzzParseLot -fuzztime 8s ./stamp/", root, n_go_fuzz, timeout=120)
    cap("go-test-fuzz-rerun", "go test -count=1 -v ./stamp/ 2>&1", root, n_go_test)


def step_side(tmp: Path) -> None:
    rng = random.Random(3040)
    vet = tmp / "brickvet"
    write_tree(vet, gen_vet(rng, 18))
    cap("go-vet-all", "go vet ./...", vet, n_go_vet)
    cap("go-vet-firing-head", "cd brickvet && go vet ./firing/ 2>&1 | head -n 45", tmp, n_go_vet)
    cap("go-vet-unmarshal-loopclosure", "go vet -unmarshal -loopclosure -stdmethods ./firing/ ./drying/", vet, n_go_vet)
    cap("go-vet-json-all", "go vet -json ./... 2>&1", vet, n_go_vet_json)
    cap("go-vet-json-drying", "go vet -json ./drying/", vet, n_go_vet_json)
    cap("go-vet-json-firing-printf", "go vet -json -printf -unusedresult -copylocks ./firing/ 2>&1", vet, n_go_vet_json)
    fmt_ = tmp / "brickfmt"
    write_tree(fmt_, gen_fmt(rng, 44))
    cap("gofmt-l", "gofmt -l .", fmt_, n_gofmt)
    cap("gofmt-d-head", "gofmt -d untidy/ | head -n 160", fmt_, n_gofmt)
    cap("gofmt-l-d", "gofmt -l -d untidy", fmt_, n_gofmt)
    br = tmp / "brickbroken"
    write_tree(br, gen_broken(rng))
    cap("go-build-errors", "go build ./clamp/ ./conveyor/ ./sorter/ ./dispatch/ 2>&1; echo EXIT=$?", br, n_go_build)
    cap("go-build-all-errors", "cd brickbroken && go build -gcflags=-e ./clamp/ ./conveyor/ ./sorter/ 2>&1 | head -n 130", tmp,
        n_go_build)
    cap("go-list-deps-json-broken", "go list -e -deps -json ./cmd/works/ 2>&1", br, n_go_list_json)
    cap("go-list-deps-json-head", "cd brickworks && go list -deps -json ./kiln/ | head -n 600", tmp, n_go_list_json)


def steps() -> list:
    return [step_tests, step_side]


def main() -> None:
    GOCACHE.mkdir(parents=True, exist_ok=True)
    cm.capture_round(__doc__, lambda: None, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    main()
