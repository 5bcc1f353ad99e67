#!/usr/bin/env python3
"""Capture round 329 of the compression corpus: third samples of round 295's Go testing kinds on new material, run
on Debian's go 1.19 offline (GOPROXY=off GOFLAGS=-mod=mod GOTOOLCHAIN=local). A stdlib-only module of the round's own
(`ebbwheel`, a tide mill's controller: sluice gates, the undershot wheel, the penstock, tide tables, millstone grading,
the millpond's reports, flume and leat), widened by seeded generators, with faults put in: data races under `go test
-race` (an unguarded gate counter, atomic writes read plainly, a field written by a time.AfterFunc callback, a
package-level map written from goroutines), panics (nil pointer, index out of range, close of a closed channel, a
panic(error)), tests that hang (a WaitGroup never done, a Cond never signalled, a receive from a nil channel) killed by
`-timeout`, fuzz targets with crashers and a hand-written seed corpus under testdata/fuzz, failing table subtests under
t.Parallel, golden files under testdata, Example functions with wrong `// Output:`, runs selected with -run, -count,
-shuffle and -failfast, benchmarks with -benchmem, coverage and `go test -json`. About a third of the command lines are
typed as agents type them.

No new rules: every kind takes round 295's extractor, imported from capture_wide295 (NEEDLES.md, "Round 329"),
written down before capture. The benchmark and coverage generators are round 304's, imported and given this round's
words through capture_wide273_go.renamed. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide329.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide329.json  as {"version": 2, "items": [...]}, ids prefixed "wide329-".
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
from capture_wide295 import (n_go_bench, n_go_cover, n_go_cover_func, n_go_coverprofile, n_go_fuzz,  # noqa: E402
                             n_go_panic, n_go_race, n_go_sub, n_go_test, n_go_test_json, n_go_timeout)
import capture_wide304 as w304  # noqa: E402  (its benchmark and coverage generators)
from capture_wide273_go import renamed  # noqa: E402

ID_PREFIX = "wide329-"
DEFAULT_OUT = HERE / "data" / "wide329.json"
SCRATCH = Path("/dev/shm/hm-corpus-wide329")
TMP = SCRATCH / "run"
GOCACHE = SCRATCH / "gocache"  # kept between runs (the race-built stdlib)
GOENV = {"GOPATH": str(SCRATCH / "gopath"), "GOCACHE": str(GOCACHE), "GOPROXY": "off",
         "GOFLAGS": "-mod=mod", "GOTOOLCHAIN": "local", "GO111MODULE": "on", "CGO_ENABLED": "1"}

MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)


def cap(item_id, command, cwd, extractor, timeout=240):
    _SIZED.cap(item_id, command, cwd, extractor, timeout=timeout, env=GOENV)


# ------------------------------------------------------------------ the module

MOD = "module example.com/ebbwheel\n\ngo 1.19\n"

SLUICE = '''package sluice

import (
	"sync"
	"sync/atomic"
	"time"
)

// Gate is the sluice between the millpond and the estuary; mu guards its leaves, not cycles (bug put in).
type Gate struct {
	mu      sync.Mutex
	leaves  map[string]bool
	cycles  int
	strokes int64
}

func NewGate(names ...string) *Gate {
	g := &Gate{leaves: map[string]bool{}}
	for _, n := range names {
		g.leaves[n] = false
	}
	return g
}

// Cycle swings one leaf of the gate.
func (g *Gate) Cycle(leaf string) {
	g.mu.Lock()
	g.leaves[leaf] = !g.leaves[leaf]
	g.mu.Unlock()
	g.cycles++
}

func (g *Gate) Cycles() int { return g.cycles }

// Stroke counts strokes of the gate's ram atomically; Strokes reads them plainly (bug put in).
func (g *Gate) Stroke() { atomic.AddInt64(&g.strokes, 1) }

func (g *Gate) Strokes() int64 { return g.strokes }

// Pond is the millpond; a timer callback sets its head while the miller reads it.
type Pond struct {
	head float64
}

func (p *Pond) FillAfter(d time.Duration, h float64) {
	time.AfterFunc(d, func() { p.head = h })
}

func (p *Pond) Head() float64 { return p.head }

// levels holds the head at each tide, written from any goroutine without a lock.
var levels = map[string]float64{}

func Record(tide string, h float64) { levels[tide] = h }

func Recorded() int { return len(levels) }
'''

SLUICE_TEST = '''package sluice

import (
	"fmt"
	"sync"
	"testing"
	"time"
)

func TestGateCycles(t *testing.T) {
	g := NewGate("north", "south")
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			g.Cycle([]string{"north", "south"}[i%2])
		}(i)
	}
	wg.Wait()
	if g.Cycles() != 8 {
		t.Errorf("cycles = %d, want 8", g.Cycles())
	}
}

func TestRamStrokes(t *testing.T) {
	g := NewGate("north")
	done := make(chan struct{})
	go func() {
		for i := 0; i < 50; i++ {
			g.Stroke()
		}
		close(done)
	}()
	var seen int64
	for i := 0; i < 20; i++ {
		seen = g.Strokes()
	}
	<-done
	if seen < 0 {
		t.Fatal("negative strokes")
	}
}

func TestPondFill(t *testing.T) {
	p := &Pond{}
	p.FillAfter(time.Millisecond, 2.4)
	var h float64
	for i := 0; i < 5; i++ {
		time.Sleep(time.Millisecond)
		h = p.Head()
	}
	if h != 2.4 {
		t.Errorf("head = %v after 5ms, want 2.4", h)
	}
}

func TestRecordTides(t *testing.T) {
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func(i int) { defer wg.Done(); Record(fmt.Sprintf("spring-%d", i), float64(i)*0.7) }(i)
	}
	wg.Wait()
	if Recorded() != 4 {
		t.Errorf("recorded = %d, want 4", Recorded())
	}
}

func TestGateSerial(t *testing.T) {
	g := NewGate("north")
	g.Cycle("north")
	if g.Cycles() != 1 {
		t.Fatalf("cycles = %d", g.Cycles())
	}
}
'''

WHEEL = '''package wheel

import "fmt"

// Bearing carries the wheel's shaft.
type Bearing struct{ Wear float64 }

// Wheel is the undershot wheel; a wheel hung without a bearing has a nil Bearing (bug put in).
type Wheel struct {
	Paddles []int
	Bearing *Bearing
	done    chan struct{}
}

func New(n int) *Wheel { return &Wheel{Paddles: make([]int, n), done: make(chan struct{})} }

func (w *Wheel) Worn() bool { return w.Bearing.Wear > 0.3 }

// Paddle returns the paddle numbered i from 1 (bug: read as an index from 0, unchecked).
func (w *Wheel) Paddle(i int) int { return w.Paddles[i] }

// Stop lets the wheel run down; stopping it twice closes done twice.
func (w *Wheel) Stop() { close(w.done) }

// Ratio of the wheel's pit gear to the stone nut; a nut with no teeth is raised as a panic.
func Ratio(pit, nut int) float64 {
	if nut == 0 {
		panic(fmt.Errorf("wheel: pit wheel of %d teeth drives a stone nut with none", pit))
	}
	return float64(pit) / float64(nut)
}
'''

WHEEL_TEST = '''package wheel

import "testing"

func TestWornFitted(t *testing.T) {
	w := New(24)
	w.Bearing = &Bearing{Wear: 0.1}
	if w.Worn() {
		t.Fatal("new bearing worn")
	}
}

func TestRatio(t *testing.T) {
	if r := Ratio(96, 24); r != 4 {
		t.Errorf("Ratio(96, 24) = %v", r)
	}
}

func TestWornBare(t *testing.T) {
	w := New(24)
	t.Logf("checking a wheel hung without a bearing")
	if w.Worn() {
		t.Error("bare wheel worn")
	}
}

func TestLastPaddle(t *testing.T) {
	w := New(24)
	if p := w.Paddle(24); p != 0 {
		t.Errorf("paddle 24 = %d", p)
	}
}

func TestStopTwice(t *testing.T) {
	w := New(12)
	w.Stop()
	w.Stop()
}

func TestRatioNoNut(t *testing.T) {
	if r := Ratio(96, 0); r != 0 {
		t.Errorf("Ratio(96, 0) = %v", r)
	}
}
'''

PENSTOCK = '''package penstock

import "sync"

// Penstock feeds the wheel from the millpond.
type Penstock struct {
	wg    sync.WaitGroup
	mu    sync.Mutex
	cond  *sync.Cond
	full  bool
	spill chan int // never made (bug put in)
}

func New() *Penstock {
	p := &Penstock{}
	p.cond = sync.NewCond(&p.mu)
	return p
}

// Charge opens n filling valves and waits for them; the last valve never reports (bug put in).
func (p *Penstock) Charge(n int) {
	p.wg.Add(n)
	for i := 0; i < n; i++ {
		go func(i int) {
			if i < n-1 {
				p.wg.Done()
			}
		}(i)
	}
	p.wg.Wait()
}

// WaitFull blocks until the penstock is full.
func (p *Penstock) WaitFull() {
	p.mu.Lock()
	for !p.full {
		p.cond.Wait()
	}
	p.mu.Unlock()
}

// MarkFull sets full but forgets to Broadcast (bug put in).
func (p *Penstock) MarkFull() {
	p.mu.Lock()
	p.full = true
	p.mu.Unlock()
}

// Spill reads the overflow gauge from a channel nobody made.
func (p *Penstock) Spill() int { return <-p.spill }
'''

PENSTOCK_TEST = '''package penstock

import (
	"sync"
	"testing"
	"time"
)

func TestMarkFull(t *testing.T) {
	p := New()
	p.MarkFull()
	p.WaitFull()
}

func TestChargeThree(t *testing.T) {
	p := New()
	p.Charge(3)
}

func TestWaitFull(t *testing.T) {
	p := New()
	var wg sync.WaitGroup
	for i := 0; i < %d; i++ {
		wg.Add(1)
		go func() { defer wg.Done(); p.WaitFull() }()
	}
	time.Sleep(5 * time.Millisecond)
	p.MarkFull()
	wg.Wait()
}

func TestSpill(t *testing.T) {
	p := New()
	if p.Spill() != 0 {
		t.Fatal("spill")
	}
}

func TestAfterPenstock(t *testing.T) {
	t.Log("never reached")
}
'''

TIDETABLE = '''package tidetable

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

var ErrLine = errors.New("tidetable: bad line")

// ParseLine reads "HW 04:37 5.62" (high or low water, time of day, height in metres).
func ParseLine(s string) (kind string, minutes int, height float64, err error) {
	f := strings.Fields(s)
	if len(f) != 3 || (f[0] != "HW" && f[0] != "LW") {
		return "", 0, 0, ErrLine
	}
	t := f[1]
	if !strings.Contains(t, ":") {
		return "", 0, 0, ErrLine
	}
	// bug: the time is read as HH:MM without checking its length, and the hours are not checked
	hh := int(t[0]-'0')*10 + int(t[1]-'0')
	mm := int(t[3]-'0')*10 + int(t[4]-'0')
	if mm > 59 || mm < 0 || hh < 0 {
		return "", 0, 0, ErrLine
	}
	h, err := strconv.ParseFloat(f[2], 64)
	if err != nil {
		return "", 0, 0, ErrLine
	}
	return f[0], hh*60 + mm, h, nil
}

// FormatHeight prints a height in centimetres as metres (bug: a height between -1 m and 0 loses its sign).
func FormatHeight(cm int) string {
	frac := cm %% 100
	if frac < 0 {
		frac = -frac
	}
	return fmt.Sprintf("%%d.%%02d", cm/100, frac)
}

// ParseHeight reads metres back into centimetres.
func ParseHeight(s string) (int, error) {
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	whole, frac, ok := strings.Cut(s, ".")
	if !ok {
		return 0, ErrLine
	}
	w, err := strconv.Atoi(whole)
	if err != nil {
		return 0, err
	}
	f, err := strconv.Atoi(frac)
	if err != nil {
		return 0, err
	}
	cm := w*100 + f
	if neg {
		cm = -cm
	}
	return cm, nil
}
'''.replace("%%", "%")

TIDETABLE_TEST = '''package tidetable

import "testing"

func TestParseLine(t *testing.T) {
	k, m, h, err := ParseLine("HW 04:37 5.62")
	if err != nil || k != "HW" || m != 277 || h != 5.62 {
		t.Fatalf("got %v %v %v %v", k, m, h, err)
	}
}

func FuzzHeightRoundTrip(f *testing.F) {
	for _, cm := range []int{562, -120, 7, 1000} {
		f.Add(cm)
	}
	f.Fuzz(func(t *testing.T, cm int) {
		got, err := ParseHeight(FormatHeight(cm))
		if err != nil || got != cm {
			t.Errorf("ParseHeight(FormatHeight(%d)) = %d, %v (printed %q)", cm, got, err, FormatHeight(cm))
		}
	})
}

func FuzzParseLine(f *testing.F) {
	for _, s := range []string{"HW 04:37 5.62", "LW 10:51 -0.3", "HW 17:02 6.01", "LW 23:40 0.85"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k, _, _, err := ParseLine(s)
		if err == nil && k == "" {
			t.Errorf("ParseLine(%q) accepted an empty kind", s)
		}
	})
}

func FuzzTideBounds(f *testing.F) {
	f.Add("HW 06:12 4.80")
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) < 9 || len(s) > 20 {
			return
		}
		_, m, h, err := ParseLine(s)
		if err == nil && (m >= 24*60 || h < -3 || h > 12) {
			t.Errorf("ParseLine(%q) accepted %d minutes, %.2f m", s, m, h)
		}
	})
}
'''


def gen_tide_corpus(rng: random.Random, n: int) -> dict[str, str]:
    """A hand-kept seed corpus for FuzzTideBounds: named tide lines, a few out of bounds (the hours are not checked)."""
    files = {}
    for i in range(n):
        kind = rng.choice(["HW", "LW"])
        hh, mm = rng.randint(0, 23), rng.randint(0, 59)
        h = round(rng.uniform(3.5, 7.2) if kind == "HW" else rng.uniform(-0.8, 1.6), 2)
        if i % 9 == 4:
            hh = rng.choice([24, 25, 27, 31])  # out of bounds: an hour past midnight the parser takes
        if i % 13 == 8:
            h = round(rng.uniform(12.5, 15.0), 2)  # out of bounds: a height no tide here reaches
        name = f"{rng.choice(['spring', 'spring', 'neap', 'equinox'])}-{i:02d}"
        line = f"{kind} {hh:02d}:{mm:02d} {h:.2f}"
        files[f"tidetable/testdata/fuzz/FuzzTideBounds/{name}"] = f'go test fuzz v1\nstring("{line}")\n'
    return files


GRIND = '''package grind

// Grade names a meal by the size of its grist (microns) and its moisture (%%).
func Grade(grist int, moisture float64) string {
	switch {
	case moisture > 15.5:
		return "damp"
	case grist < 180: // bug: a grist of exactly 180 microns is fine
		return "fine"
	case grist <= 500:
		return "middling"
	case grist <= 1200:
		return "coarse"
	default:
		return "kibbled"
	}
}
'''.replace("%%", "%")


def grade(grist: int, moisture: float) -> str:
    if moisture > 15.5:
        return "damp"
    if grist <= 180:
        return "fine"
    if grist <= 500:
        return "middling"
    if grist <= 1200:
        return "coarse"
    return "kibbled"


def gen_grind(rng: random.Random, n: int, nex: int) -> tuple[str, str, str]:
    cases = []
    for i in range(n):
        grist = rng.choice([rng.randint(60, 1600), 180, 180, 500, 1200])
        moist = round(rng.uniform(9, 17), 1)
        want = grade(grist, moist)
        if i % 47 == 23:
            want = "kibbled" if want != "kibbled" else "fine"  # a few expectations wrong on purpose
        crop = rng.choice(["wheat", "wheat", "wheat", "wheat", "barley", "oats", "maize"])
        cases.append(f'\t\t{{"{crop}/sack{i:03d}", {grist}, {moist}, "{want}"}},\n')
    test = ('package grind\n\nimport "testing"\n\nfunc TestGrade(t *testing.T) {\n\tcases := []struct {\n'
            '\t\tname     string\n\t\tgrist    int\n\t\tmoisture float64\n\t\twant     string\n\t}{\n'
            + "".join(cases) +
            '\t}\n\tfor _, c := range cases {\n\t\tc := c\n\t\tt.Run(c.name, func(t *testing.T) {\n'
            '\t\t\tt.Parallel()\n\t\t\tif got := Grade(c.grist, c.moisture); got != c.want {\n'
            '\t\t\t\tt.Errorf("Grade(%d, %v) = %q, want %q", c.grist, c.moisture, got, c.want)\n'
            '\t\t\t}\n\t\t})\n\t}\n}\n\n'
            'func TestGradeEdges(t *testing.T) {\n\tfor _, g := range []int{179, 180, 181, 500, 501} {\n'
            '\t\tg := g\n\t\tt.Run("", func(t *testing.T) {\n\t\t\tif Grade(g, 12) == "damp" {\n'
            '\t\t\t\tt.Fatalf("grist %d damp at 12%%", g)\n\t\t\t}\n\t\t\tif g == 180 && Grade(g, 12) != "fine" {\n'
            '\t\t\t\tt.Fatalf("Grade(180, 12) = %q, want \\"fine\\"", Grade(g, 12))\n\t\t\t}\n\t\t})\n\t}\n}\n')
    ex = ['package grind_test\n\nimport (\n\t"fmt"\n\n\t"example.com/ebbwheel/grind"\n)\n\n']
    for i in range(nex):
        grist = rng.choice([rng.randint(60, 1600), 180])
        moist = round(rng.uniform(9, 17), 1)
        out = grade(grist, moist)
        if i % 6 == 3:
            out = rng.choice(["fine", "middling", "coarse"])  # a wrong // Output: put in (may agree by chance)
        ex.append(f'func ExampleGrade_sack{i:02d}() {{\n\tfmt.Println(grind.Grade({grist}, {moist}))\n'
                  f'\t// Output: {out}\n}}\n\n')
    return GRIND, test, "".join(ex)


MILLPOND = '''package millpond

import (
	"fmt"
	"strings"
)

// Report renders a tide's millpond heads, one reading every step minutes from start (minutes after midnight).
func Report(name string, start, step int, heads []float64) string {
	var b strings.Builder
	fmt.Fprintf(&b, "millpond %s (%d readings)\\n", name, len(heads))
	peak, at, sum := heads[0], start, 0.0
	for i, h := range heads {
		m := start + i*step
		// bug: the clock is not wrapped at midnight
		fmt.Fprintf(&b, "  %02d:%02d %6.2f m %s\\n", m/60, m%60, h, strings.Repeat("#", int(h*4+0.5)))
		if h > peak {
			peak, at = h, m
		}
		sum += h
	}
	fmt.Fprintf(&b, "peak %.2f m at %02d:%02d\\n", peak, at/60, at%60)
	fmt.Fprintf(&b, "mean %.2f m\\n", sum/float64(len(heads)))
	return b.String()
}
'''


def report(name: str, start: int, step: int, heads: list[float]) -> str:
    """The correct rendering (the clock wraps at midnight): what the golden files hold."""
    out = [f"millpond {name} ({len(heads)} readings)"]
    peak, at, total = heads[0], start, 0.0
    for i, h in enumerate(heads):
        m = (start + i * step) % 1440
        out.append(f"  {m // 60:02d}:{m % 60:02d} {h:6.2f} m {'#' * int(h * 4 + 0.5)}")
        if h > peak:
            peak, at = h, m
        total += h
    out.append(f"peak {peak:.2f} m at {at // 60:02d}:{at % 60:02d}")
    out.append(f"mean {total / len(heads):.2f} m")
    return "\n".join(out) + "\n"


def gen_millpond(rng: random.Random, n: int) -> dict[str, str]:
    files = {"millpond/millpond.go": MILLPOND}
    rows = []
    for i in range(n):
        name = f"{rng.choice(['spring', 'spring', 'neap', 'equinox', 'storm'])}-{i:02d}"
        start = rng.randint(0, 1439) if i % 3 else rng.randint(1200, 1439)
        step = rng.choice([15, 30, 30, 60])
        heads = [round(rng.uniform(0.3, 3.1), 2) for _ in range(rng.randint(6, 16))]
        files[f"millpond/testdata/{name}.golden"] = report(name, start, step, heads)
        rows.append(f'\t\t{{"{name}", {start}, {step}, []float64{{{", ".join(repr(h) for h in heads)}}}}},\n')
    files["millpond/millpond_test.go"] = (
        'package millpond\n\nimport (\n\t"flag"\n\t"os"\n\t"path/filepath"\n\t"strings"\n\t"testing"\n)\n\n'
        'var update = flag.Bool("update", false, "rewrite the golden files")\n\n'
        'func TestReport(t *testing.T) {\n\tcases := []struct {\n\t\tname        string\n\t\tstart, step int\n'
        '\t\theads       []float64\n\t}{\n' + "".join(rows) +
        '\t}\n\tfor _, c := range cases {\n\t\tc := c\n\t\tt.Run(c.name, func(t *testing.T) {\n\t\t\tt.Parallel()\n'
        '\t\t\tgot := Report(c.name, c.start, c.step, c.heads)\n'
        '\t\t\tgolden := filepath.Join("testdata", c.name+".golden")\n\t\t\tif *update {\n'
        '\t\t\t\tif err := os.WriteFile(golden, []byte(got), 0o644); err != nil {\n\t\t\t\t\tt.Fatal(err)\n\t\t\t\t}\n'
        '\t\t\t}\n\t\t\twant, err := os.ReadFile(golden)\n\t\t\tif err != nil {\n\t\t\t\tt.Fatal(err)\n\t\t\t}\n'
        '\t\t\tif got != string(want) {\n\t\t\t\tg, w := strings.Split(got, "\\n"), strings.Split(string(want), "\\n")\n'
        '\t\t\t\tfor len(g) < len(w) {\n\t\t\t\t\tg = append(g, "")\n\t\t\t\t}\n'
        '\t\t\t\tfor i := range w {\n\t\t\t\t\tif g[i] != w[i] {\n'
        '\t\t\t\t\t\tt.Errorf("%s differs at line %d\\n got: %q\\nwant: %q", golden, i+1, g[i], w[i])\n'
        '\t\t\t\t\t\tbreak\n\t\t\t\t\t}\n\t\t\t\t}\n\t\t\t}\n\t\t})\n\t}\n}\n\n'
        'func TestReportMissingGolden(t *testing.T) {\n\tif _, err := os.ReadFile("testdata/slack-99.golden"); err != nil {\n'
        '\t\tt.Fatalf("golden: %v", err)\n\t}\n}\n')
    files["millpond/example_test.go"] = (
        'package millpond_test\n\nimport (\n\t"fmt"\n\n\t"example.com/ebbwheel/millpond"\n)\n\n'
        'func ExampleReport() {\n\tfmt.Print(millpond.Report("neap-x", 600, 60, []float64{1.2, 1.9, 2.25}))\n'
        '\t// Output:\n\t// millpond neap-x (3 readings)\n\t//   10:00   1.20 m #####\n\t//   11:00   1.90 m ########\n'
        '\t//   12:00   2.25 m #########\n\t// peak 2.25 m at 12:00\n\t// mean 1.78 m\n}\n\n'
        'func ExampleReport_midnight() {\n\tfmt.Print(millpond.Report("spring-x", 1410, 30, []float64{2.8, 3.05}))\n'
        '\t// Output:\n\t// millpond spring-x (2 readings)\n\t//   23:30   2.80 m ###########\n'
        '\t//   00:00   3.05 m ############\n\t// peak 3.05 m at 00:00\n\t// mean 2.92 m\n}\n\n'
        'func ExampleReport_mean() {\n\tfmt.Print(millpond.Report("storm-x", 60, 15, []float64{0.5, 0.75, 1.0}))\n'
        '\t// Output:\n\t// millpond storm-x (3 readings)\n\t//   01:00   0.50 m ##\n\t//   01:15   0.75 m ###\n'
        '\t//   01:30   1.00 m ####\n\t// peak 1.00 m at 01:30\n\t// mean 0.80 m\n}\n')
    return files


W304_WORDS = (("Stack", "Sluice"), ("Fire", "Grist"), ('"brk"', '"ebb"'), ("package bench", "package flume"),
              ("package dryness", "package leat"), ("Moisture", "Flow"), ("dryness/rack", "leat/reach"),
              ("dryness/dryness_test", "leat/leat_test"))


def gen_flume(rng: random.Random, n: int) -> dict[str, str]:
    src, test = w304.gen_bench(rng, n)
    return {"flume/flume.go": renamed(src, W304_WORDS), "flume/flume_test.go": renamed(test, W304_WORDS)}


def gen_leat(rng: random.Random, nfiles: int) -> dict[str, str]:
    return {renamed(k, W304_WORDS): renamed(v, W304_WORDS) for k, v in w304.gen_cover(rng, nfiles).items()}


# ------------------------------------------------------------------ steps

def step_tests(tmp: Path) -> None:
    rng = random.Random(32910)
    root = tmp / "ebbwheel"
    files = {"go.mod": MOD, "sluice/sluice.go": SLUICE, "sluice/sluice_test.go": SLUICE_TEST,
             "wheel/wheel.go": WHEEL, "wheel/wheel_test.go": WHEEL_TEST, "penstock/penstock.go": PENSTOCK,
             "penstock/penstock_test.go": PENSTOCK_TEST % 24, "tidetable/tidetable.go": TIDETABLE,
             "tidetable/tidetable_test.go": TIDETABLE_TEST}
    files.update(gen_tide_corpus(rng, 40))
    files["grind/grind.go"], files["grind/grind_test.go"], files["grind/example_test.go"] = gen_grind(rng, 340, 30)
    files.update(gen_millpond(rng, 36))
    files.update(gen_flume(random.Random(32911), 26))
    files.update(gen_leat(random.Random(32911), 36))
    write_tree(root, files)
    cm.run("go vet ./... >/dev/null 2>&1; go test -count=1 -run XXX ./... >/dev/null 2>&1; "
           "go test -race -count=1 -run XXX ./sluice/ >/dev/null 2>&1", cwd=root, env=GOENV, timeout=900)

    # races
    cap("go-test-race-sluice", "go test -race -count=1 ./sluice/", root, n_go_race, timeout=400)
    cap("go-test-race-pond-tail", "go test -race -count=1 -run 'TestPond|TestRam' ./... 2>&1 | tail -n 60", root,
        n_go_race, timeout=400)
    cap("go-test-race-v-head", "cd ebbwheel && go test -race -v -count=1 ./sluice/ 2>&1 | head -n 110", tmp, n_go_race,
        timeout=400)
    cap("go-test-race-record-echo", "go test -race -count=1 -run TestRecordTides ./sluice/; echo EXIT=$?", root,
        n_go_race, timeout=400)
    # subtests under t.Parallel, golden files, fuzz seed corpus entries
    cap("go-test-v-grind-subtests", "go test -v -count=1 -run TestGrade ./grind/", root, n_go_sub)
    cap("go-test-v-grind-barley", "go test -v -count=1 -run 'TestGrade/barley' ./grind/", root, n_go_sub)
    cap("go-test-v-grind-nopass", "go test -v -count=1 -parallel 3 -run 'TestGrade' ./grind/ 2>&1 | "
        "grep -v -e '^=== ' -e '--- PASS'", root, n_go_sub)
    cap("go-test-v-millpond-golden", "go test -v -count=1 -run TestReport ./millpond/", root, n_go_sub)
    cap("go-test-v-millpond-spring", "go test -v -count=1 -run 'TestReport/spring' ./millpond/ 2>&1", root, n_go_sub)
    cap("go-test-v-tide-corpus", "go test -v -count=1 -run FuzzTideBounds ./tidetable/", root, n_go_sub)
    cap("go-test-v-tide-corpus-fails", "go test -v -count=1 -run 'FuzzTideBounds' ./tidetable/ 2>&1 | "
        "grep -v -e '^=== RUN' -e '--- PASS'", root, n_go_sub)
    # go-test: golden without -v, examples, selections
    cap("go-test-millpond-golden", "go test -count=1 ./millpond/", root, n_go_test)
    cap("go-test-examples-grind", "go test -count=1 -run Example ./grind/", root, n_go_test)
    cap("go-test-examples-v", "go test -v -count=1 -run 'Example' ./grind/ ./millpond/ 2>&1; echo EXIT=$?", root,
        n_go_test)
    cap("go-test-count3-run", "go test -count=3 -run 'TestGrade/(oats|maize)' ./grind/", root, n_go_test)
    cap("go-test-shuffle-v", "go test -v -count=1 -shuffle=32910 -run 'TestGradeEdges|TestReport$|Example' "
        "./grind/ ./millpond/ 2>&1 | tail -n 120", root, n_go_test)
    cap("go-test-failfast", "go test -count=1 -failfast -run 'TestGrade$|TestReport$' ./grind/ ./millpond/", root,
        n_go_test)
    cap("go-test-several-head", "go test -count=1 ./grind/ ./millpond/ ./wheel/ ./leat/ 2>&1 | head -n 100",
        root, n_go_test, timeout=300)
    # panics
    cap("go-test-panic-wheel-v", "go test -v -count=1 ./wheel/", root, n_go_panic)
    cap("go-test-panic-paddle-echo", "cd ebbwheel && go test -count=1 -run 'TestLastPaddle|TestRatio' ./wheel/ ; "
        "echo EXIT=$?", tmp, n_go_panic)
    cap("go-test-panic-stop", "go test -count=1 -run 'TestStop|TestRatioNoNut' -v ./wheel/ 2>&1", root, n_go_panic)
    # timeouts
    cap("go-test-timeout-penstock", "go test -count=1 -timeout 4s ./penstock/", root, n_go_timeout, timeout=120)
    cap("go-test-timeout-wait-v", "go test -count=1 -v -timeout 4s -run 'TestWait|TestSpill' ./penstock/ ; "
        "echo EXIT=$?", root, n_go_timeout, timeout=120)
    # json
    cap("go-test-json-grind-tail", "go test -count=1 -json -run TestGrade ./grind/ | tail -n 50", root,
        n_go_test_json)
    cap("go-test-json-wheel-millpond", "go test -count=1 -json ./wheel/ ./millpond/ 2>&1 | tail -n 120", root,
        n_go_test_json)
    cap("go-test-json-sluice-leat", "go test -count=1 -json ./sluice/ ./leat/", root, n_go_test_json)
    cap("go-test-json-tide-corpus", "go test -count=1 -json -run FuzzTideBounds ./tidetable/", root, n_go_test_json)
    # benchmarks
    cap("go-test-bench-mem", "go test -run '^$' -bench . -benchmem ./flume/", root, n_go_bench, timeout=400)
    cap("go-test-bench-count3", "go test -run '^$' -bench . -benchmem -benchtime 2000x -count 3 ./flume/", root,
        n_go_bench, timeout=400)
    cap("go-test-bench-grist-tail", "go test -run xxx -bench 'Grist' -benchmem -benchtime 400x ./flume/ | tail -n 20",
        root, n_go_bench, timeout=300)
    # coverage
    cap("go-test-cover-several", "go test -count=1 -cover ./grind/ ./leat/ ./flume/ ./millpond/ ./tidetable/ "
        "./sluice/ 2>&1", root, n_go_cover, timeout=400)
    cap("go-cover-func-chain", "go test -count=1 -coverprofile=leat.out ./leat/ && go tool cover -func=leat.out",
        root, n_go_cover_func)
    cap("go-cover-func-sorted", "go tool cover -func=leat.out | sort -k3 -n | head -n 45", root, n_go_cover_func)
    cm.run("go test -count=1 -coverprofile=all.out ./grind/ ./leat/ ./flume/ >/dev/null 2>&1", cwd=root, env=GOENV,
           timeout=300)
    cap("go-cover-func-all", "go tool cover -func=all.out", root, n_go_cover_func)
    cap("go-coverprofile-head", "head -n 70 leat.out", root, n_go_coverprofile)
    cap("go-coverprofile-cat", "cat all.out", root, n_go_coverprofile)
    cap("go-coverprofile-zero", "grep ' 0$' leat.out | head -n 90", root, n_go_coverprofile)
    # fuzzing: each crasher written to testdata fails every later run's seed pass, so it is removed in between
    cap("go-test-fuzz-height", "go test -run=xxx -fuzz=FuzzHeightRoundTrip -fuzztime 8s ./tidetable/ ; echo EXIT=$?",
        root, n_go_fuzz, timeout=120)
    cap("go-test-fuzz-height-rerun", "go test -count=1 -v -run 'FuzzHeightRoundTrip' ./tidetable/ 2>&1", root,
        n_go_test)
    cm.run("rm -rf tidetable/testdata/fuzz/FuzzHeightRoundTrip", cwd=root)
    cap("go-test-fuzz-bounds-corpus", "go test -run '^$' -fuzz '^FuzzTideBounds$' -fuzztime 8s ./tidetable/ 2>&1; "
        "echo EXIT=$?", root, n_go_fuzz, timeout=120)
    # without -run, the package's other fuzz targets' seed corpus runs first and fails before any fuzzing
    cap("go-test-fuzz-parseline-all", "go test -fuzz=FuzzParseLine -fuzztime 8s ./tidetable/", root, n_go_fuzz,
        timeout=120)
    cap("go-test-fuzz-parseline", "go test -run=FuzzParseLine -fuzz=FuzzParseLine -fuzztime 8s ./tidetable/", root,
        n_go_fuzz, timeout=120)
    cap("go-test-fuzz-rerun", "go test -count=1 -v -run 'TestParseLine|FuzzParseLine' ./tidetable/ 2>&1", root,
        n_go_test)


def steps() -> list:
    return [step_tests]


def main() -> None:
    GOCACHE.mkdir(parents=True, exist_ok=True)
    cm.capture_round(__doc__, lambda: None, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    main()
