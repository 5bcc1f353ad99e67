#!/usr/bin/env python3
"""Capture round 295 of the compression corpus: Go testing beyond the basics, on Debian's go 1.19 run offline
(GOPROXY=off GOFLAGS=-mod=mod GOTOOLCHAIN=local). A stdlib-only module of the round's own (`reedbed`, a reed-bed water
treatment plant's sampler), widened by seeded generators, with faults put in: data races under `go test -race`,
failing table subtests under t.Parallel, a panicking test, a hanging test killed by `-timeout 5s`, fuzz targets with
crashers (`-fuzz … -fuzztime 10s`), benchmarks (`-benchmem`, `-count 5`), coverage (`-cover`, `-coverprofile`, `go tool
cover -func`, the raw profile), `go test -json`, and in side modules vet findings of several analyzers (`go vet`, `go vet
-json`), unformatted files (`gofmt -l -d`), type errors in several packages (`go build`) and `go list -deps -json`.
About a third of the command lines are typed as agents type them.

Kinds that exist already take the earlier rounds' extractors, imported; the new kinds (go-test-fuzz, go-vet-json,
go-coverprofile) are this round's (NEEDLES.md, "Round 295"), written before capture. Nothing captured here was
compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide295.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide295.json  as {"version": 2, "items": [...]}, ids prefixed "wide295-".
"""

from __future__ import annotations

import os
import random
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_more import kind, write_tree  # noqa: E402
from capture_wide import n_go_race  # noqa: E402
from capture_wide4 import n_go_bench, n_go_cover, n_go_panic  # noqa: E402
from capture_wide6_new2 import n_go_cover_func  # noqa: E402
from capture_wide2 import n_go_sub  # noqa: E402
from capture_wide9a_more import n_go_list_json  # noqa: E402
from capture_wide15_langs import n_go_build, n_go_test  # noqa: E402
from capture_wide81_go import n_go_timeout  # noqa: E402
from capture_more import n_go_test_json, n_go_vet, n_gofmt  # noqa: E402

ID_PREFIX = "wide295-"
DEFAULT_OUT = HERE / "data" / "wide295.json"
TMP = Path("/dev/shm/hm-corpus-wide295/run")
GOCACHE = Path("/dev/shm/hm-corpus-wide295/gocache")  # kept between runs (the race-built stdlib)
GOENV = {"GOPATH": "/dev/shm/hm-corpus-wide295/gopath", "GOCACHE": str(GOCACHE), "GOPROXY": "off",
         "GOFLAGS": "-mod=mod", "GOTOOLCHAIN": "local", "GO111MODULE": "on", "CGO_ENABLED": "1"}

MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add = _SIZED.add


def cap(item_id, command, cwd, extractor, timeout=240, typed=None):
    _SIZED.cap(item_id, command, cwd, extractor, timeout=timeout, env=GOENV, typed=typed)


# ------------------------------------------------------------------ the new extractors (NEEDLES.md, "Round 295")

GOLOC = re.compile(r"^\s+/\S+\.go:\d+")


def _status(lines):
    return [ln for ln in lines if re.match(r"^(exit status \d+|EXIT=\d+)$", ln.strip())]


@kind("go-test-fuzz", "test")
def n_go_fuzz(lines):
    """Rules 1+2+3 (round 295): every '--- FAIL:' line and the first '_test.go:N:' / 'panic:' line within six after it; every 'panic:' line and the first stack location outside GOROOT within thirty; the 'Failing input written to' line; 'To re-run:' and the 'go test -run=' line; the last 'fuzz: elapsed:' line; FAIL/ok lines; the exit line."""
    out = []
    last = None
    for i, ln in enumerate(lines):
        s = ln.strip()
        if s.startswith("--- FAIL:"):
            out.append(ln)
            m = cm.next_match(lines, i, r"_test\.go:\d+:|panic:", 6)
            if m:
                out.append(m)
        if "panic:" in ln:
            out.append(ln)
            for k in range(i + 1, min(len(lines), i + 31)):
                if GOLOC.match(lines[k]) and "/usr/lib/go" not in lines[k]:
                    out.append(lines[k])
                    break
        if "Failing input written to" in ln:
            out.append(ln)
        if s.startswith("To re-run:"):
            out.append(ln)
            m = cm.next_match(lines, i, r"go test -run=", 2)
            if m:
                out.append(m)
        if s.startswith("fuzz: elapsed:"):
            last = ln
        if re.match(r"^(FAIL|ok)\s+\S+", ln) or s == "FAIL":
            out.append(ln)
    if last:
        out.append(last)
    return out + _status(lines)


@kind("go-vet-json", "lint")
def n_go_vet_json(lines):
    """Rule 1 (round 295): one {"any"} of the "message" lines and one of the "posn" lines per (analyzer, file of the posn); every line holding 'error' or starting 'vet: '."""
    out, msgs, posns = [], [], []
    analyzer = None
    for i, ln in enumerate(lines):
        m = re.match(r'^\t\t"([\w-]+)": \[', ln)
        if m:
            analyzer = m.group(1)
        m = re.match(r'^\s+"posn": "(.*?):\d+:\d+"', ln)
        if m:
            key = (analyzer, m.group(1))
            posns.append((key, ln))
            msg = cm.next_match(lines, i, r'^\s+"message": ', 2)
            if msg:
                msgs.append((key, msg))
        elif ln.startswith("vet: ") or re.search(r"\berror\b", ln):
            out.append(ln)
    return out + cm.groups(msgs) + cm.groups(posns)


@kind("go-coverprofile", "table")
def n_go_coverprofile(lines):
    """Rule 4 (round 295): the 'mode:' line; the first row of the min and of the max NUMSTMT and COUNT; with the file as the categorical column, every row of a file holding at most 2 rows while the most common file holds at least half."""
    out = [ln for ln in lines if ln.startswith("mode: ")]
    rows = []
    for ln in lines:
        m = re.match(r"^(\S+\.go):\d+\.\d+,\d+\.\d+ (\d+) (\d+)$", ln.strip())
        if m:
            rows.append((ln, m.group(1), int(m.group(2)), int(m.group(3))))
    if rows:
        for col in (2, 3):
            vals = [r[col] for r in rows]
            for v in (min(vals), max(vals)):
                out.append(next(r[0] for r in rows if r[col] == v))
        cnt = Counter(r[1] for r in rows)
        if cnt.most_common(1)[0][1] * 2 >= len(rows):
            out += [r[0] for r in rows if cnt[r[1]] <= 2]
    return out


# ------------------------------------------------------------------ the module

MOD = "module example.com/reedbed\n\ngo 1.19\n"

HUB = '''package hub

import (
	"sync"
	"time"
)

// Ledger counts samples per bed. The mutex guards beds, but not total or last (bugs put in).
type Ledger struct {
	mu    sync.Mutex
	beds  map[string]int
	total int
	last  string
	log   []string
}

func NewLedger() *Ledger { return &Ledger{beds: map[string]int{}} }

func (l *Ledger) Record(bed string, n int) {
	l.mu.Lock()
	l.beds[bed] += n
	l.mu.Unlock()
	l.total += n
	l.last = bed
}

func (l *Ledger) Note(s string) { l.log = append(l.log, s) }

func (l *Ledger) Total() int { return l.total }

// Flow is a flow meter read by a poller while a pump writes it.
type Flow struct {
	litres float64
	stamp  time.Time
}

func (f *Flow) Pump(n int) {
	for i := 0; i < n; i++ {
		f.litres += 0.5
		f.stamp = time.Now()
	}
}

func (f *Flow) Read() float64 { return f.litres }

// Cache of turbidity readings: written without a lock.
var cache = map[int]float64{}

func Store(k int, v float64) { cache[k] = v }

func Load(k int) float64 { return cache[k] }
'''

HUB_TEST = '''package hub

import (
	"fmt"
	"sync"
	"testing"
)

func TestLedgerConcurrent(t *testing.T) {
	l := NewLedger()
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			l.Record(fmt.Sprintf("bed-%d", i%3), i)
		}(i)
	}
	wg.Wait()
	if l.Total() != 28 {
		t.Errorf("total = %d, want 28", l.Total())
	}
}

func TestLedgerNotes(t *testing.T) {
	l := NewLedger()
	done := make(chan bool)
	for i := 0; i < 4; i++ {
		go func(i int) { l.Note(fmt.Sprint("n", i)); done <- true }(i)
	}
	for i := 0; i < 4; i++ {
		<-done
	}
}

func TestFlowPoll(t *testing.T) {
	f := &Flow{}
	done := make(chan bool)
	go func() { f.Pump(100); done <- true }()
	_ = f.Read()
	<-done
	if f.Read() != 50 {
		t.Fatalf("litres = %v, want 50", f.Read())
	}
}

func TestCacheStore(t *testing.T) {
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func(i int) { defer wg.Done(); Store(i, float64(i)*1.5) }(i)
	}
	wg.Wait()
	if Load(3) != 4.5 {
		t.Errorf("Load(3) = %v", Load(3))
	}
}

func TestLedgerSerial(t *testing.T) {
	l := NewLedger()
	l.Record("bed-1", 4)
	if l.Total() != 4 {
		t.Fatal("serial total")
	}
}
'''

MIXER = '''package mixer

// Dose returns the coagulant dose (ml) for each bed from its turbidity readings.
func Dose(readings []float64, beds int) []float64 {
	out := make([]float64, beds)
	for i := 0; i <= beds; i++ { // bug: one past the end
		out[i] = readings[i] * 0.8
	}
	return out
}

type Valve struct{ Open bool }

func Toggle(v *Valve) bool { v.Open = !v.Open; return v.Open }

func Ratio(a, b int) int { return a / b }
'''

MIXER_TEST = '''package mixer

import "testing"

func TestToggle(t *testing.T) {
	v := &Valve{}
	if !Toggle(v) {
		t.Fatal("toggle should open")
	}
}

func TestRatio(t *testing.T) {
	if Ratio(9, 3) != 3 {
		t.Errorf("Ratio(9, 3) = %d", Ratio(9, 3))
	}
}

func TestDose(t *testing.T) {
	got := Dose([]float64{1, 2, 3, 4}, 3)
	if len(got) != 3 {
		t.Fatalf("len = %d", len(got))
	}
}

func TestValveNil(t *testing.T) {
	var v *Valve
	t.Logf("toggling a nil valve")
	Toggle(v)
}

func TestRatioAfter(t *testing.T) {
	if Ratio(8, 2) != 4 {
		t.Error("ratio")
	}
}
'''

SLOW = '''package slow

import "sync"

// Pool starts n workers that wait for jobs on a channel nobody closes (bug put in).
type Pool struct {
	jobs chan int
	wg   sync.WaitGroup
	mu   sync.Mutex
	done []int
}

func Start(n int) *Pool {
	p := &Pool{jobs: make(chan int)}
	for i := 0; i < n; i++ {
		p.wg.Add(1)
		go p.worker(i)
	}
	return p
}

func (p *Pool) worker(id int) {
	defer p.wg.Done()
	for j := range p.jobs {
		p.mu.Lock()
		p.done = append(p.done, j*id)
		p.mu.Unlock()
	}
}

func (p *Pool) Submit(j int) { p.jobs <- j }

// Drain waits for the workers; the jobs channel is never closed, so it waits forever.
func (p *Pool) Drain() []int {
	p.wg.Wait()
	return p.done
}

// Gate blocks readers until a level is reached.
type Gate struct {
	mu    sync.Mutex
	cond  *sync.Cond
	level int
}

func NewGate() *Gate { g := &Gate{}; g.cond = sync.NewCond(&g.mu); return g }

func (g *Gate) WaitFor(level int) {
	g.mu.Lock()
	for g.level < level {
		g.cond.Wait()
	}
	g.mu.Unlock()
}
'''

SLOW_TEST = '''package slow

import (
	"testing"
	"time"
)

func TestSubmitOne(t *testing.T) {
	p := Start(2)
	p.Submit(3)
	close(p.jobs)
	p.Drain()
}

func TestGateQuick(t *testing.T) {
	g := NewGate()
	go func() { time.Sleep(10 * time.Millisecond); g.mu.Lock(); g.level = 5; g.cond.Broadcast(); g.mu.Unlock() }()
	g.WaitFor(5)
}

func TestGateWaiters(t *testing.T) {
	g := NewGate()
	for i := 0; i < 6; i++ {
		go g.WaitFor(100 + i)
	}
	time.Sleep(20 * time.Millisecond)
}

func TestDrain(t *testing.T) {
	p := Start(%d)
	for i := 0; i < 5; i++ {
		p.Submit(i)
	}
	got := p.Drain()
	if len(got) != 5 {
		t.Fatalf("drained %%d jobs", len(got))
	}
}

func TestAfterDrain(t *testing.T) {
	t.Log("never reached")
}
'''

PARSE = '''package parse

import (
	"errors"
	"strconv"
	"strings"
)

// Record is one "bed:litres" sample.
type Record struct {
	Bed    string
	Litres int
}

var ErrFormat = errors.New("parse: bad record")

// ParseRecord reads "bed:litres[;note]".
func ParseRecord(s string) (Record, error) {
	i := strings.IndexByte(s, ':')
	if i < 0 {
		return Record{}, ErrFormat
	}
	rest := s[i+1:]
	if j := strings.IndexByte(rest, ';'); j >= 0 {
		rest = rest[:j]
	}
	if rest[0] == '+' { // bug: an empty count indexes past the end
		rest = rest[1:]
	}
	n, err := strconv.Atoi(rest)
	if err != nil {
		return Record{}, ErrFormat
	}
	return Record{Bed: s[:i], Litres: n}, nil
}

// Encode escapes a label for the plant's wire format.
func Encode(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '%' || c < 0x20 {
			b.WriteString("%")
			b.WriteString(strconv.FormatInt(int64(c), 16))
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// Decode undoes Encode.
func Decode(s string) (string, error) {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '%' {
			b.WriteByte(s[i])
			continue
		}
		if i+2 >= len(s)+1 {
			return "", ErrFormat
		}
		v, err := strconv.ParseUint(s[i+1:i+3], 16, 8) // bug: one-digit escapes from Encode
		if err != nil {
			return "", err
		}
		b.WriteByte(byte(v))
		i += 2
	}
	return b.String(), nil
}
'''

PARSE_TEST = '''package parse

import "testing"

func TestParseRecord(t *testing.T) {
	r, err := ParseRecord("north:12")
	if err != nil || r.Litres != 12 {
		t.Fatalf("got %v %v", r, err)
	}
}

func FuzzParseRecord(f *testing.F) {
	for _, s := range []string{"north:12", "south:+7;rain", "east:300", "west:4;x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r, err := ParseRecord(s)
		if err == nil && r.Litres < 0 && len(r.Bed) > 100 {
			t.Skip()
		}
	})
}

func FuzzEncodeGrows(f *testing.F) {
	f.Add("reed bed 4")
	f.Add("50%")
	f.Fuzz(func(t *testing.T, s string) {
		if len(Encode(s)) < len(s) {
			t.Errorf("Encode(%q) shrank", s)
		}
	})
}

func FuzzRoundTrip(f *testing.F) {
	for _, s := range []string{"reed bed 4", "100%", "sedge/ph"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := Decode(Encode(s))
		if err != nil {
			t.Fatalf("Decode(Encode(%q)): %v", s, err)
		}
		if got != s {
			t.Errorf("round trip of %q gave %q", s, got)
		}
	})
}
'''


def gen_grade(rng: random.Random, n: int) -> tuple[str, str]:
    src = '''package grade

// Class names the effluent class of a sample by BOD (mg/l) and ammonia (mg/l).
func Class(bod, nh4 float64) string {
	switch {
	case bod < 10 && nh4 < 1:
		return "A"
	case bod < 20 && nh4 <= 3: // bug: 3.0 ammonia is class C
		return "B"
	case bod < 40:
		return "C"
	default:
		return "D"
	}
}
'''
    cases = []
    for i in range(n):
        bod = round(rng.uniform(2, 60), 1)
        nh4 = round(rng.choice([rng.uniform(0, 6), 3.0]), 1)
        want = "A" if bod < 10 and nh4 < 1 else "B" if bod < 20 and nh4 < 3 else "C" if bod < 40 else "D"
        if i % 37 == 11:
            want = "A" if want != "A" else "B"  # a few expectations wrong on purpose
        group = rng.choice(["light", "light", "light", "heavy", "storm"])
        cases.append(f'\t\t{{"{group}/bed{i:03d}", {bod}, {nh4}, "{want}"}},\n')
    test = ('package grade\n\nimport "testing"\n\nfunc TestClass(t *testing.T) {\n\tcases := []struct {\n'
            '\t\tname     string\n\t\tbod, nh4 float64\n\t\twant     string\n\t}{\n' + "".join(cases) +
            '\t}\n\tfor _, c := range cases {\n\t\tc := c\n\t\tt.Run(c.name, func(t *testing.T) {\n'
            '\t\t\tt.Parallel()\n\t\t\tif got := Class(c.bod, c.nh4); got != c.want {\n'
            '\t\t\t\tt.Errorf("Class(%v, %v) = %q, want %q", c.bod, c.nh4, got, c.want)\n\t\t\t}\n\t\t})\n\t}\n}\n\n'
            'func TestClassEdges(t *testing.T) {\n\tt.Run("zero", func(t *testing.T) {\n\t\tif Class(0, 0) != "A" {\n'
            '\t\t\tt.Fatal("zero")\n\t\t}\n\t})\n\tt.Run("ammonia-3", func(t *testing.T) {\n'
            '\t\tif got := Class(15, 3); got != "C" {\n\t\t\tt.Fatalf("Class(15, 3) = %q, want \\"C\\"", got)\n\t\t}\n\t})\n}\n')
    return src, test


def gen_bench(rng: random.Random, n: int) -> tuple[str, str]:
    src = ['package bench\n\nimport (\n\t"fmt"\n\t"sort"\n\t"strings"\n)\n\nvar _ = sort.Ints\n']
    tests = ['package bench\n\nimport "testing"\n\n']
    for i in range(n):
        style = rng.choice(["concat", "builder", "sort", "sprintf", "plain", "plain"])
        size = rng.choice([4, 8, 16, 32, 64])
        if i == 7:
            style, size = "concat", 400  # the slow, allocating outlier
        name = f"Encode{i:02d}" if i % 2 else f"Sum{i:02d}"
        if style == "concat":
            body = f'\ts := ""\n\tfor i := 0; i < {size}; i++ {{\n\t\ts += "x"\n\t}}\n\treturn len(s)\n'
        elif style == "builder":
            body = f'\tvar b strings.Builder\n\tfor i := 0; i < {size}; i++ {{\n\t\tb.WriteByte(\'x\')\n\t}}\n\treturn b.Len()\n'
        elif style == "sort":
            body = f'\txs := make([]int, {size})\n\tfor i := range xs {{\n\t\txs[i] = (i * 7919) % {size}\n\t}}\n\tsort.Ints(xs)\n\treturn xs[0]\n'
        elif style == "sprintf":
            body = f'\tn := 0\n\tfor i := 0; i < {size // 4 + 1}; i++ {{\n\t\tn += len(fmt.Sprintf("%d-%s", i, "bed"))\n\t}}\n\treturn n\n'
        else:
            body = f'\tn := 0\n\tfor i := 0; i < {size}; i++ {{\n\t\tn += i\n\t}}\n\treturn n\n'
        src.append(f"func {name}() int {{\n{body}}}\n\n")
        tests.append(f"func Benchmark{name}(b *testing.B) {{\n\tfor i := 0; i < b.N; i++ {{\n\t\t_ = {name}()\n\t}}\n}}\n\n")
    return "".join(src), "".join(tests)


def gen_cover(rng: random.Random, nfiles: int) -> dict[str, str]:
    files = {}
    tests = ['package cover\n\nimport "testing"\n\n']
    for f in range(nfiles):
        body = ["package cover\n\n"]
        for j in range(rng.randint(3, 7)):
            name = f"Level{f}x{j}"
            branches = rng.randint(1, 4)
            b = "".join(f"\tif v > {k * 10} {{\n\t\tv -= {k + 1}\n\t}}\n" for k in range(branches))
            body.append(f"func {name}(v int) int {{\n{b}\tif v < 0 {{\n\t\treturn 0\n\t}}\n\treturn v\n}}\n\n")
            if rng.random() < 0.6 and not (f == 3):
                calls = "".join(f"\t_ = {name}({rng.randint(-5, 60)})\n" for _ in range(rng.randint(1, 3)))
                tests.append(f"func Test{name}(t *testing.T) {{\n{calls}}}\n\n")
        files[f"cover/level{f}.go"] = "".join(body)
    files["cover/cover_test.go"] = "".join(tests)
    return files


def gen_vet(rng: random.Random, nfiles: int) -> dict[str, str]:
    files = {"go.mod": "module example.com/reedvet\n\ngo 1.19\n"}
    snippets = [
        ('"fmt"', 'func P{i}(n int) {{\n\tfmt.Printf("bed %s has %d litres\\n", n)\n}}\n'),
        ('"fmt"', 'func Q{i}(s string) {{\n\tfmt.Println("sample %d", s)\n}}\n'),
        ('"sync"', 'type Lk{i} struct {{\n\tmu sync.Mutex\n\tn  int\n}}\n\nfunc CopyLk{i}(l Lk{i}) int {{ return l.n }}\n'),
        ('', 'func Self{i}(x int) int {{\n\tx = x\n\treturn x\n}}\n'),
        ('', 'func Unreach{i}() int {{\n\treturn 1\n\tpanic("never")\n}}\n'),
        ('', 'type Tag{i} struct {{\n\tBed string `json:"bed" xml:bed`\n}}\n'),
        ('"context"', 'func Ctx{i}() {{\n\tctx, cancel := context.WithCancel(context.Background())\n\t_ = ctx\n\t_ = cancel\n\tctx, _ = context.WithTimeout(ctx, 5)\n\t_ = ctx\n}}\n'),
        ('', 'func Shift{i}(v int8) int8 {{\n\treturn v << 9\n}}\n'),
        ('', 'func Bools{i}(a int) bool {{\n\treturn a == 1 || a == 1\n}}\n'),
        ('"strings"', 'func Unused{i}(s string) {{\n\tstrings.ToUpper(s)\n}}\n'),
        ('', 'func Nilf{i}() bool {{\n\treturn Nilf{i} == nil\n}}\n'),
        ('"fmt"', 'func Err{i}() error {{\n\treturn fmt.Errorf("bed %d: %w", "x", nil)\n}}\n'),
        ('', 'func Plain{i}(a, b int) int {{\n\treturn a + b\n}}\n'),
    ]
    for p in range(3):
        pkg = ["intake", "outfall", "dosing"][p]
        for f in range(nfiles):
            picks = rng.sample(snippets, k=rng.randint(2, 4))
            if p == 2 and f == 0:
                picks.append(snippets[-1])
            imps = sorted({imp for imp, _ in picks if imp})
            head = f"package {pkg}\n\n" + (("import (\n" + "".join(f"\t{x}\n" for x in imps) + ")\n\n") if imps else "")
            body = "\n".join(code.format(i=f"{f}_{k}") for k, (_, code) in enumerate(picks))
            files[f"{pkg}/{pkg}{f}.go"] = head + body
    return files


def gen_fmt(rng: random.Random, n: int) -> dict[str, str]:
    files = {"go.mod": "module example.com/reedfmt\n\ngo 1.19\n"}
    for i in range(n):
        body = f"package sloppy\n\nimport \"fmt\"\n\n// Report{i} prints a bed report.\nfunc Report{i}(bed string,litres int)string{{\n"
        for k in range(rng.randint(3, 10)):
            r = rng.random()
            if r < 0.3:
                body += f"    if litres>{k*10} {{ litres=litres-{k+1} }}\n"
            elif r < 0.6:
                body += f"\tlitres = litres + {k}\n"
            else:
                body += f"  fmt.Println( \"bed\",bed , {k})\n"
        body += "\treturn fmt.Sprint(bed,litres)\n}\n"
        if i % 4 == 0:
            body = body.replace("\treturn fmt.Sprint", "\treturn fmt.Sprint", 1)  # a formatted file among the rest
            body = f"package sloppy\n\nimport \"fmt\"\n\n// Report{i} prints a bed report.\nfunc Report{i}(bed string, litres int) string {{\n\treturn fmt.Sprint(bed, litres)\n}}\n"
        files[f"sloppy/report{i:02d}.go"] = body
    return files


def gen_broken(rng: random.Random) -> dict[str, str]:
    files = {"go.mod": "module example.com/reedbroken\n\ngo 1.19\n"}
    errs = [
        "\tvar n int = \"litres\"\n\t_ = n\n",
        "\tx := undefinedPump(3)\n\t_ = x\n",
        "\tvar s []string\n\ts = append(s, 4)\n",
        "\treturn\n",
        "\tvar f float64 = 2\n\tvar i int = f\n\t_ = i\n",
        "\ty := 1\n",
        "\tfmt.Println(\"unused import\")\n",
        "\tvar m map[string]int\n\tm.Add(\"x\")\n",
        "\tz := len(4)\n\t_ = z\n",
    ]
    for p in ["sensor", "pump", "alarm", "report"]:
        for f in range(3):
            body = f"package {p}\n\n"
            funcs = []
            for k in range(rng.randint(2, 5)):
                e = rng.choice(errs) if rng.random() < 0.7 else "\t_ = 1\n"
                if "fmt." in e:
                    e = "\t_ = 2\n"
                ret = "\treturn 0\n" if "return\n" != e else ""
                funcs.append(f"func {p.title()}{f}x{k}() int {{\n{e}{ret}}}\n")
            files[f"{p}/{p}{f}.go"] = body + "\n".join(funcs)
    files["report/imports.go"] = 'package report\n\nimport (\n\t"fmt"\n\t"os"\n\t"example.com/reedbroken/pump"\n)\n\nfunc Show() { fmt.Println(pump.Pump0x0()) }\n'
    files["cmd/plant/main.go"] = ('package main\n\nimport (\n\t"example.com/reedbroken/alarm"\n\t"example.com/reedbroken/sensor"\n'
                                 '\t"example.com/missing/telemetry"\n)\n\nfunc main() { _ = alarm.Alarm0x0(); _ = sensor.Sensor0x0(); telemetry.Send() }\n')
    return files


# ------------------------------------------------------------------ steps

def step_tests(tmp: Path) -> None:
    rng = random.Random(295)
    root = tmp / "reedbed"
    files = {"go.mod": MOD, "hub/hub.go": HUB, "hub/hub_test.go": HUB_TEST, "mixer/mixer.go": MIXER,
             "mixer/mixer_test.go": MIXER_TEST, "slow/slow.go": SLOW, "slow/slow_test.go": SLOW_TEST % 40,
             "parse/parse.go": PARSE, "parse/parse_test.go": PARSE_TEST}
    files["grade/grade.go"], files["grade/grade_test.go"] = gen_grade(rng, 400)
    files["bench/bench.go"], files["bench/bench_test.go"] = gen_bench(rng, 26)
    files.update(gen_cover(rng, 40))
    write_tree(root, files)
    cm.run("go vet ./... >/dev/null 2>&1; go test -count=1 -run XXX ./... >/dev/null 2>&1", cwd=root, env=GOENV, timeout=400)

    # races
    cap("go-test-race-hub", "go test -race -count=1 ./hub/", root, n_go_race, timeout=400)
    cap("go-test-race-ledger-tail", "go test -race -count=1 -run TestLedger ./... 2>&1 | tail -n 80", root, n_go_race,
        timeout=400)
    cap("go-test-race-v-head", "go test -race -v -count=1 ./hub/ 2>&1 | head -n 150", root, n_go_race, timeout=400)
    cap("go-test-race-flow-echo", "go test -race -count=1 -run 'TestFlow|TestCache' ./hub/; echo EXIT=$?", root,
        n_go_race, timeout=400)
    # subtests under t.Parallel
    cap("go-test-v-grade-subtests", "go test -v -count=1 ./grade/", root, n_go_sub)
    cap("go-test-v-grade-heavy", "go test -v -count=1 -run 'TestClass/heavy' ./grade/", root, n_go_sub)
    cap("go-test-v-grade-nopause", "go test -v -count=1 -parallel 4 ./grade/ 2>&1 | grep -v -e '^=== ' -e '--- PASS'",
        root, n_go_sub)
    cap("go-test-grade-tail", "go test -count=1 ./grade/ 2>&1 | tail -n 40", root, n_go_test)
    cap("go-test-all-short", "go test -count=1 ./hub/ ./grade/ ./mixer/ ./parse/ 2>&1 | head -n 90", root, n_go_test,
        timeout=300)
    # panic
    cap("go-test-panic-mixer-v", "go test -v -count=1 ./mixer/", root, n_go_panic)
    cap("go-test-panic-mixer-echo", "go test -count=1 ./mixer/ ; echo EXIT=$?", root, n_go_panic)
    cap("go-test-panic-dose", "go test -count=1 -run TestDose -v ./mixer/ 2>&1", root, n_go_panic)
    # timeout
    cap("go-test-timeout-slow", "go test -count=1 -timeout 5s ./slow/", root, n_go_timeout, timeout=120)
    cap("go-test-timeout-drain-v", "go test -count=1 -v -timeout 5s -run 'TestDrain|TestGate' ./slow/ ; echo EXIT=$?",
        root, n_go_timeout, timeout=120)
    # json
    cap("go-test-json-grade-tail", "go test -count=1 -json ./grade/ | tail -n 40", root, n_go_test_json)
    cap("go-test-json-mixer-tail", "go test -count=1 -json ./mixer/ ./hub/ 2>&1 | tail -n 120", root, n_go_test_json)
    cap("go-test-json-mixer-cover", "go test -count=1 -json ./mixer/ ./cover/", root, n_go_test_json)
    # benchmarks
    cap("go-test-bench-mem", "go test -run '^$' -bench . -benchmem ./bench/", root, n_go_bench, timeout=400)
    cap("go-test-bench-count5", "go test -run '^$' -bench . -benchmem -benchtime 2000x -count 5 ./bench/", root,
        n_go_bench, timeout=400)
    cap("go-test-bench-encode-tail", "go test -run xxx -bench 'Encode' -benchmem -benchtime 300x ./bench/ | tail -n 30",
        root, n_go_bench, timeout=300)
    # coverage
    cap("go-test-cover-all", "go test -count=1 -cover ./grade/ ./cover/ ./bench/ ./mixer/ ./parse/ ./hub/ 2>&1", root,
        n_go_cover, timeout=400)
    cap("go-cover-func-chain", "go test -count=1 -coverprofile=cover.out ./cover/ && go tool cover -func=cover.out",
        root, n_go_cover_func)
    cap("go-cover-func-sorted", "go tool cover -func=cover.out | sort -k3 -n | head -n 60", root, n_go_cover_func)
    cm.run("go test -count=1 -coverprofile=all.out ./grade/ ./cover/ ./bench/ >/dev/null 2>&1", cwd=root, env=GOENV,
           timeout=300)
    cap("go-cover-func-all", "go tool cover -func=all.out", root, n_go_cover_func)
    cap("go-coverprofile-head", "head -n 50 cover.out", root, n_go_coverprofile)
    cap("go-coverprofile-cat", "cat all.out", root, n_go_coverprofile)
    cap("go-coverprofile-zero", "grep -v ' 1$' cover.out | head -n 70", root, n_go_coverprofile)
    # fuzzing: the round-trip target first (the parse target's crasher would fail every later run's seed pass)
    cap("go-test-fuzz-roundtrip", "go test -run=xxx -fuzz=FuzzRoundTrip -fuzztime 10s ./parse/ ; echo EXIT=$?", root,
        n_go_fuzz, timeout=120)
    cm.run("rm -rf parse/testdata", cwd=root)
    cap("go-test-fuzz-encode-pass", "go test -run '^$' -fuzz '^FuzzEncodeGrows$' -fuzztime 10s ./parse/ 2>&1; echo EXIT=$?",
        root, n_go_fuzz, timeout=120)
    cap("go-test-fuzz-parse", "go test -fuzz=FuzzParseRecord -fuzztime 10s ./parse/", root, n_go_fuzz, timeout=120)
    cap("go-test-fuzz-rerun", "go test -count=1 -v ./parse/ 2>&1", root, n_go_test)


def step_side(tmp: Path) -> None:
    rng = random.Random(2950)
    vet = tmp / "reedvet"
    write_tree(vet, gen_vet(rng, 20))
    cap("go-vet-all", "go vet ./...", vet, n_go_vet)
    cap("go-vet-head", "cd reedvet && go vet ./... 2>&1 | head -n 40", tmp, n_go_vet)
    cap("go-vet-printf-copylocks", "go vet -printf -copylocks ./intake/ ./outfall/", vet, n_go_vet)
    cap("go-vet-json-all", "go vet -json ./... 2>&1", vet, n_go_vet_json)
    cap("go-vet-json-dosing", "go vet -json ./dosing/", vet, n_go_vet_json)
    fmt_ = tmp / "reedfmt"
    write_tree(fmt_, gen_fmt(rng, 48))
    cap("gofmt-l", "gofmt -l .", fmt_, n_gofmt)
    cap("gofmt-d-head", "gofmt -d sloppy/ | head -n 150", fmt_, n_gofmt)
    cap("gofmt-l-d", "gofmt -l -d sloppy", fmt_, n_gofmt)
    br = tmp / "reedbroken"
    write_tree(br, gen_broken(rng))
    cap("go-build-errors", "go build ./sensor/ ./pump/ ./alarm/ ./report/ 2>&1; echo EXIT=$?", br, n_go_build)
    cap("go-build-all-errors", "go build -gcflags=-e ./sensor/ ./pump/ ./alarm/ ./report/ 2>&1 | head -n 120", br,
        n_go_build)
    cap("go-list-deps-json-broken", "go list -e -deps -json ./cmd/plant/ 2>&1", br, n_go_list_json)
    cap("go-list-deps-json-head", "cd reedbed && go list -deps -json ./hub/ | head -n 700", tmp, n_go_list_json)


def steps() -> list:
    return [step_tests, step_side]


def main() -> None:
    GOCACHE.mkdir(parents=True, exist_ok=True)
    cm.capture_round(__doc__, lambda: None, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    main()
