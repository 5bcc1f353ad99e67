"""Round 81, Go: a harbour tide-gauge service (`tidewatch`, stdlib only, written here with bugs put in and widened by
seeded generators) run with Debian's Go 1.19 and gccgo 12: programs that die of a runtime fatal error (a deadlocked
pipeline, concurrent map writes, a stack overflow), a test killed by its timeout, module commands with GOPROXY=off,
`go tool pprof -top`, `go version -m`, and gccgo's type errors. The extractors are this round's (NEEDLES.md,
"Round 81"), except gccgo's, which is gcc's rule by its own name. Run through capture_wide81.py."""

from __future__ import annotations

import random
import re
from pathlib import Path

import capture_diagnostics as dg
from capture_more import groups, kind, named, next_match, run, write_tree
from capture_wide81 import cap

GOROOT = "/usr/lib/go-1.19/"
GO_HEADER = re.compile(r"^goroutine \d+ \[([^\]]*)\]:")
GO_LOC = re.compile(r"^\s+(/\S+\.go):\d+")


def _status(lines):
    """Rule 3: the exit line the run printed (`exit status N`, or the agent's own `EXIT=N`)."""
    return [ln for ln in lines if re.match(r"^(exit status \d+|EXIT=\d+)$", ln.strip())]


def _blocks(lines):
    """The goroutine blocks of a Go traceback: (index of the header, state, [(function line, location line)])."""
    out = []
    for i, ln in enumerate(lines):
        m = GO_HEADER.match(ln)
        if not m:
            continue
        frames, k = [], i + 1
        while k + 1 < len(lines) and lines[k].strip() and not GO_HEADER.match(lines[k]):
            if GO_LOC.match(lines[k + 1]):
                frames.append((lines[k], lines[k + 1]))
                k += 2
            else:
                k += 1
        out.append((i, re.sub(r", \d+ minutes?", "", m.group(1)), frames))
    return out


def _own(frames):
    """The frames outside GOROOT (the project's own code)."""
    return [(f, loc) for f, loc in frames if GOROOT not in loc and "/usr/lib/go" not in loc]


@kind("go-runtime-fatal", "log")
def n_go_fatal(lines):
    """Rules 1+3 (round 81): every 'fatal error:' line and the 'runtime:' lines before the first goroutine header; the first goroutine's header and its first location outside GOROOT; the other goroutine headers one {"any"} per (state, first own function); the exit status line."""
    out = []
    blocks = _blocks(lines)
    first = blocks[0][0] if blocks else len(lines)
    for i, ln in enumerate(lines):
        if ln.startswith("fatal error:") or (i < first and ln.startswith("runtime:")):
            out.append(ln)
    if blocks:
        i, _, frames = blocks[0]
        out.append(lines[i])
        own = _own(frames)
        if own:
            out.append(own[0][1])
        pairs = []
        for i, state, frames in blocks[1:]:
            own = _own(frames)
            fn = re.sub(r"\(.*$", "", own[0][0].strip()) if own else ""
            pairs.append(((state, fn), lines[i]))
        out += groups(pairs)
    return out + _status(lines)


@kind("go-test-timeout", "test")
def n_go_timeout(lines):
    """Rules 1+2 (round 81): the 'panic: test timed out after' line; every '=== RUN' test with no '--- ' result line; the header of every goroutine whose frames hold a _test.go location, with that location; the FAIL summary lines."""
    out = [ln for ln in lines if ln.startswith("panic: test timed out after")]
    done = {m.group(1) for ln in lines if (m := re.match(r"^\s*--- (?:PASS|FAIL|SKIP): (\S+)", ln))}
    for ln in lines:
        m = re.match(r"^=== RUN\s+(\S+)", ln)
        if m and m.group(1) not in done:
            out.append(ln)
    for i, _, frames in _blocks(lines):
        tests = [loc for _, loc in frames if "_test.go:" in loc]
        if tests:
            out += [lines[i], tests[0]]
    out += [ln for ln in lines if re.match(r"^FAIL(\s|$)", ln)]
    return out + _status(lines)


MOD_ERR = re.compile(r"error|cannot find|disabled by GOPROXY=off|missing go\.sum entry|no required module|"
                     r"not a known dependency|^go: [\w.-]+\.[\w.-]+/\S*: ")


@kind("go-mod-offline", "pkg")
def n_go_mod(lines):
    """Rules 1+3 (round 81): every line holding error / cannot find / disabled by GOPROXY=off / missing go.sum entry / no required module / not a known dependency, or 'go: <module path>: ' (the module and why it failed); the exit line."""
    return [ln for ln in lines if MOD_ERR.search(ln)] + _status(lines)


PPROF_ROW = re.compile(r"^\s*[\d.]+\w*\s+([\d.]+)%\s+[\d.]+%\s+[\d.]+\w*\s+([\d.]+)%\s+\S")


@kind("go-pprof-top", "table")
def n_pprof_top(lines):
    """Rule 5 (round 81, round 24's profiles): the File/Type/Time/Duration/Showing nodes header lines, the column header, every row whose flat% or cum% is at least 10%."""
    out = []
    for ln in lines:
        if re.match(r"^(File|Type|Time|Duration|Showing nodes|Build ID):", ln) or re.match(r"^\s*flat\s+flat%", ln):
            out.append(ln)
        m = PPROF_ROW.match(ln)
        if m and max(float(m.group(1)), float(m.group(2))) >= 10:
            out.append(ln)
    return out + _status(lines)


@kind("go-version-m", "build")
def n_version_m(lines):
    """Rule 5 (round 81): the binary's 'path: go version' line, the path and mod lines, every dep and => line, and the build lines for GOOS, GOARCH, CGO_ENABLED, -compiler and vcs*."""
    out = []
    for ln in lines:
        s = ln.strip()
        if re.match(r"^\S+: go\d", ln) or re.match(r"^(path|mod|dep|=>)\s", s) \
                or re.match(r"^build\s+(GOOS|GOARCH|CGO_ENABLED|-compiler|vcs)", s):
            out.append(ln)
    return out


n_gccgo = named("gccgo", "build", "Rules 1+3 as gcc (round 81): every 'file:L:C: error:' line, warnings one {\"any\"} per "
                "(flag or message shape, file), every 'make: ***' line.", dg.needles_gcc)


# ------------------------------------------------------------------ the project

GO_MOD = "module example.com/tidewatch\n\ngo 1.19\n"

GAUGE = """package gauge

import (
	"fmt"
	"math"
	"time"
)

// Reading is one water-level sample of a tide gauge.
type Reading struct {
	Station string
	At      time.Time
	LevelMM int
	TempC   float64
}

// Smooth returns the running mean over a window of n readings.
func Smooth(rs []Reading, n int) []float64 {
	out := make([]float64, 0, len(rs))
	sum := 0
	for i, r := range rs {
		sum += r.LevelMM
		if i >= n {
			sum -= rs[i-n].LevelMM
		}
		out = append(out, float64(sum)/float64(n))
	}
	return out
}

// HighWater finds the index of the highest reading after smoothing.
func HighWater(rs []Reading) (int, error) {
	if len(rs) == 0 {
		return 0, fmt.Errorf("no readings")
	}
	best, at := math.Inf(-1), 0
	for i, v := range Smooth(rs, 5) {
		if v > best {
			best, at = v, i
		}
	}
	return at, nil
}

// Surge is the harmonic-corrected residual, recursing on the tidal constituent index.
func Surge(level float64, k int) float64 {
	if k == 0 {
		return level
	}
	return Surge(level-math.Sin(float64(k)), k+1) // BUG: k grows, never reaches 0
}
"""

DEADLOCK_MAIN = """package main

import (
	"fmt"
	"sync"
	"time"

	"example.com/tidewatch/gauge"
)

var ledger sync.Mutex

func ingest(id int, in <-chan gauge.Reading, out chan<- gauge.Reading, wg *sync.WaitGroup) {
	defer wg.Done()
	for r := range in {
		r.LevelMM += id %% 3
		out <- r // nobody reads out until every worker is done: blocks forever
	}
}

func audit(id int, wg *sync.WaitGroup) {
	defer wg.Done()
	ledger.Lock() // the flusher holds the ledger while it waits for a signal nobody sends
	defer ledger.Unlock()
	_ = id
}

func flusher(signal <-chan struct{}) {
	ledger.Lock()
	<-signal
	ledger.Unlock()
}

func watch(id int, alarms <-chan string, stop <-chan bool) {
	select {
	case a := <-alarms:
		fmt.Println(id, a)
	case <-stop:
	}
}

func main() {
	in := make(chan gauge.Reading)
	out := make(chan gauge.Reading)
	var wg sync.WaitGroup
	go flusher(make(chan struct{}))
	time.Sleep(10 * time.Millisecond)
	for i := 0; i < %(workers)d; i++ {
		wg.Add(1)
		go ingest(i, in, out, &wg)
	}
	for i := 0; i < %(auditors)d; i++ {
		wg.Add(1)
		go audit(i, &wg)
	}
	alarms, stop := make(chan string), make(chan bool)
	for i := 0; i < %(watchers)d; i++ {
		go watch(i, alarms, stop)
	}
	go func() {
		for i := 0; i < %(workers)d; i++ {
			in <- gauge.Reading{Station: fmt.Sprintf("NO-%%03d", i), LevelMM: 1200 + i}
		}
		close(in)
	}()
	wg.Wait()
	close(out)
	for r := range out {
		fmt.Println(r.Station, r.LevelMM)
	}
}
"""

MAPWRITE_MAIN = """package main

import (
	"fmt"
	"sync"
)

type cache struct {
	levels map[string]int // BUG: shared by every goroutine, no lock
}

func (c *cache) record(station string, mm int) {
	c.levels[station] = mm
}

func main() {
	c := &cache{levels: map[string]int{}}
	var wg sync.WaitGroup
	for g := 0; g < %(n)d; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 200000; i++ {
				c.record(fmt.Sprintf("st-%%d-%%d", g, i%%64), i)
			}
		}(g)
	}
	wg.Wait()
	fmt.Println(len(c.levels))
}
"""

OVERFLOW_MAIN = """package main

import (
	"fmt"

	"example.com/tidewatch/gauge"
)

func main() {
	fmt.Println("surge:", gauge.Surge(1234.5, 1))
}
"""

STORE = """package store

import "sync"

// Store keeps the latest level of each station; Wait blocks until n stations have reported.
type Store struct {
	mu     sync.Mutex
	levels map[string]int
	ready  chan struct{}
	want   int
}

func New(want int) *Store {
	return &Store{levels: map[string]int{}, ready: make(chan struct{}), want: want}
}

func (s *Store) Put(station string, mm int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.levels[station] = mm
	if len(s.levels) == s.want+1 { // BUG: off by one, ready is never closed at exactly want
		close(s.ready)
	}
}

func (s *Store) Wait() map[string]int {
	<-s.ready
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.levels
}
"""

STORE_TEST = """package store

import (
	"fmt"
	"testing"
)

func TestPutGet(t *testing.T) {
	s := New(2)
	s.Put("a", 1)
	s.Put("b", 2)
	s.Put("c", 3)
	if got := s.Wait()["a"]; got != 1 {
		t.Fatalf("a = %%d", got)
	}
}
%(more)s
"""


def gen_store_tests(rng: random.Random, n: int) -> str:
    out = []
    for k in range(n):
        want = rng.randint(2, 9)
        puts = want if k % 3 == 0 else want + 1  # a third wait for a ready that never comes
        par = "\n\tt.Parallel()" if k % 2 == 0 else ""  # the parallel ones wait, paused, for the serial ones
        out.append(f"""
func TestHarbour{k:02d}(t *testing.T) {{{par}
	s := New({want})
	for i := 0; i < {puts}; i++ {{
		s.Put(fmt.Sprintf("st%d", i), {1000 + k}+i)
	}}
	if len(s.Wait()) < {want} {{
		t.Error("short")
	}}
}}
""")
    return "".join(out)


def gen_bench_pkg(rng: random.Random) -> dict[str, str]:
    """A harmonic-analysis package whose benchmark spends its time in a few hot functions."""
    fns = []
    for k in range(12):
        reps = rng.choice([1, 2, 4, 8, 40, 120])
        fns.append(f"""
func constituent{k:02d}(t float64) float64 {{
	v := 0.0
	for i := 0; i < {reps}; i++ {{
		v += math.Sin(t*{rng.uniform(0.1, 2):.3f}+float64(i)) * math.Cos(t/{rng.uniform(1, 9):.2f})
	}}
	return v
}}
""")
    calls = " + ".join(f"constituent{k:02d}(t)" for k in range(12))
    body = ("package harmonic\n\nimport (\n\t\"math\"\n\t\"sort\"\n\t\"strconv\"\n)\n" + "".join(fns) +
            f"""
// Predict sums the constituents at time t.
func Predict(t float64) float64 {{ return {calls} }}

// Table renders predictions as text and sorts them (allocates on purpose).
func Table(n int) []string {{
	out := make([]string, 0)
	for i := 0; i < n; i++ {{
		out = append(out, strconv.FormatFloat(Predict(float64(i)), 'f', 3, 64))
	}}
	sort.Strings(out)
	return out
}}
""")
    test = """package harmonic

import "testing"

func BenchmarkPredict(b *testing.B) {
	for i := 0; i < b.N; i++ {
		Predict(float64(i))
	}
}

func BenchmarkTable(b *testing.B) {
	for i := 0; i < b.N; i++ {
		Table(200)
	}
}
"""
    return {"harmonic/harmonic.go": body, "harmonic/harmonic_test.go": test}


def project(tmp: Path, workers: int = 24) -> Path:
    rng = random.Random(81)
    root = tmp / "tidewatch"
    write_tree(root, {
        "go.mod": GO_MOD,
        "gauge/gauge.go": GAUGE,
        "cmd/pipeline/main.go": DEADLOCK_MAIN % {"workers": workers, "auditors": 9, "watchers": 7},
        "cmd/mapwrite/main.go": MAPWRITE_MAIN % {"n": 8},
        "cmd/surge/main.go": OVERFLOW_MAIN,
        "store/store.go": STORE,
        "store/store_test.go": STORE_TEST % {"more": gen_store_tests(rng, 30)},
        **gen_bench_pkg(rng),
    })
    return root


def fatal(tmp: Path) -> None:
    root = project(tmp)
    cap("go-run-pipeline-deadlock", "go run ./cmd/pipeline", root, n_go_fatal)
    cap("go-run-pipeline-deadlock-tail-80", "go run ./cmd/pipeline 2>&1 | tail -n 80", root, n_go_fatal)
    cap("go-run-mapwrite", "go run ./cmd/mapwrite; echo EXIT=$?", root, n_go_fatal)
    cap("go-run-surge-overflow", "go run ./cmd/surge 2>&1 | head -n 120", root, n_go_fatal)
    big = project(tmp / "big", workers=140)
    cap("gotraceback-all-pipeline-deadlock", "GOTRACEBACK=all go run ./cmd/pipeline; echo EXIT=$?", big, n_go_fatal)


def timeout(tmp: Path) -> None:
    root = project(tmp / "t")
    cap("go-test-timeout-store", "go test -timeout 5s ./store", root, n_go_timeout)
    cap("go-test-v-timeout-store-tail-80", "go test -v -timeout 5s ./store 2>&1 | tail -n 80", root, n_go_timeout)
    cap("go-test-timeout-all-echo", "go test -timeout 5s ./... ; echo EXIT=$?", root, n_go_timeout)


def gen_imports(rng: random.Random, n: int) -> list[str]:
    hosts = ["github.com/harbourlabs", "github.com/tideio", "gitlab.com/nautic", "go.example.org/marine",
             "github.com/sealevel-dev"]
    names = ["nmea", "tidecalc", "buoyproto", "wavespec", "gaugefmt", "metocean", "sondes", "portcall", "ais",
             "harmonics", "datum", "chartkit", "surgeml", "qcflags", "influxlite"]
    return sorted({f"{rng.choice(hosts)}/{rng.choice(names)}" for _ in range(n)})


def modules(tmp: Path) -> None:
    rng = random.Random(8181)
    root = tmp / "harbourd"
    imps = gen_imports(rng, 40)
    files = {"go.mod": "module example.com/harbourd\n\ngo 1.19\n"}
    for k in range(0, len(imps), 3):
        group = imps[k:k + 3]
        files[f"feed{k:02d}/feed.go"] = ("package feed\n\nimport (\n" + "".join(f'\t_ "{p}"\n' for p in group) +
                                         ")\n")
    write_tree(root, files)
    cap("go-mod-tidy-offline", "go mod tidy", root, n_go_mod)
    cap("go-build-all-missing-modules", "go build ./... ; echo EXIT=$?", root, n_go_mod, env={"GOFLAGS": "-mod=readonly"})
    req = tmp / "gaugeapi"
    reqs = "".join(f"\t{p} v1.{rng.randint(0, 9)}.{rng.randint(0, 20)}\n" for p in imps[:18])
    write_tree(req, {"go.mod": f"module example.com/gaugeapi\n\ngo 1.19\n\nrequire (\n{reqs})\n",
                     "main.go": "package main\n\nfunc main() {}\n"})
    cap("go-list-m-all-offline", "go list -m all", req, n_go_mod)
    cap("go-mod-download-json-all", "go mod download -json all; echo EXIT=$?", req, n_go_mod)


def pprof(tmp: Path) -> None:
    root = project(tmp / "p")
    run("go test -run XXX -bench . -benchtime 2s -cpuprofile cpu.out -memprofile mem.out ./harmonic", cwd=root,
        timeout=300)
    cap("go-tool-pprof-top-cpu", "go tool pprof -top harmonic.test cpu.out", root, n_pprof_top)
    cap("go-tool-pprof-top-cum-head-40", "go tool pprof -top -cum harmonic.test cpu.out | head -n 40", root,
        n_pprof_top)
    cap("go-tool-pprof-top-alloc-space", "go tool pprof -sample_index=alloc_space -top harmonic.test mem.out", root,
        n_pprof_top)


def version_m(tmp: Path) -> None:
    root = project(tmp / "v")
    run("git init -q && git add -A && git -c user.name=harbour -c user.email=h@example.com commit -qm init", cwd=root)
    run("mkdir -p bin && go build -o bin/ ./cmd/... ", cwd=root, timeout=300)
    cap("go-version-m-bin", "go version -m bin/", root, n_version_m)
    run("CGO_ENABLED=0 go build -trimpath -ldflags='-s -w' -o bin/surge-static ./cmd/surge", cwd=root, timeout=300)
    cap("go-version-m-surge-static", "go version -m bin/surge-static bin/pipeline", root, n_version_m)


def gen_broken_go(rng: random.Random, k: int) -> str:
    """A station-decoder file with type mistakes put in, one per function."""
    mistakes = [
        'var n int = "{s}"',
        "var f float64 = r.LevelMM",
        "r.Missing = 3",
        "return {k}, nil",
        "x := undefinedHelper{k}(r)\n\t_ = x",
        "var s string = r.At",
        'r.LevelMM = r.Station + "mm"',
        "for _, v := range r.LevelMM {{\n\t\t_ = v\n\t}}",
    ]
    body = []
    for j in range(rng.randint(4, 9)):
        m = rng.choice(mistakes).format(s=f"st{j}", k=j)
        body.append(f"""
func decode{k:02d}x{j}(r gauge.Reading) string {{
	{m}
	return r.Station
}}
""")
    return f'package decode\n\nimport "example.com/tidewatch/gauge"\n' + "".join(body)


def gccgo(tmp: Path) -> None:
    root = project(tmp / "g")
    rng = random.Random(810)
    files = {f"decode/d{k:02d}.go": gen_broken_go(rng, k) for k in range(40)}
    write_tree(root, files)
    run("mkdir -p obj/example.com/tidewatch && gccgo -fgo-pkgpath=example.com/tidewatch/gauge -c "
        "-o obj/example.com/tidewatch/gauge.o gauge/gauge.go", cwd=root)
    cap("gccgo-c-decode", "gccgo -c -I obj -o obj/decode.o decode/*.go", root, n_gccgo)
    cap("gccgo-c-decode-tail-80", "gccgo -c -I obj -o obj/decode.o decode/*.go 2>&1 | tail -n 80", root, n_gccgo)
    few = tmp / "g2"
    write_tree(few, {"decode/d.go": gen_broken_go(random.Random(3), 1).replace('import "example.com/tidewatch/gauge"',
                                                                             'import "gauge"')})
    run("mkdir -p obj && gccgo -c -o obj/gauge.o " + str(root / "gauge/gauge.go"), cwd=few)
    cap("gccgo-wall-decode-echo", "gccgo -Wall -c -I obj decode/d.go -o /dev/null; echo EXIT=$?", few, n_gccgo)


STEPS = [fatal, timeout, modules, pprof, version_m, gccgo]
