"""Round 613, Go: a fletchery module written here (`fletchery/stave`, `fletchery/shaft`, `fletchery/nock`, the
`fletchery` command; seed 61310) whose modes leak (a quiver of shafts that is never emptied), churn shaft offcuts,
panic on a write to a nil map, fan fletching out to goroutines that block on an unbuffered channel, deadlock on two
mutexes taken in opposite order, or panic in an init on a bad config (BOW_BAD_INIT=1); the command imports net/http
for its order report, so inittrace runs long; run with GODEBUG=gctrace=1 (with GOGC and GOMEMLIMIT variations),
schedtrace=N (whole, and cut by `tail`; the scheddetail=1 runs were dropped: their SCHED lines carry no local run
queues `[a b]`, so round 575's extractor places none of the rule's SCHED needles on them) and inittrace=1, and built
with `-gcflags=-d=ssa/check_bce/debug=1` (with `-tags broken`, a file that does not compile; with `all=`, the standard
library's report too). The extractors are round 575's, imported. Run through capture_wide613.py."""

from __future__ import annotations

from pathlib import Path

from capture_more import run, write_tree
from capture_wide575 import n_go_bce_check, n_go_gctrace, n_go_inittrace, n_go_schedtrace
from capture_wide613 import SEED, cap

GO_ENV = {"GOFLAGS": "-mod=mod", "GOPROXY": "off", "GOTOOLCHAIN": "local", "GOMAXPROCS": "2", "CGO_ENABLED": "0"}

FILES = {
    "go.mod": "module fletchery\n\ngo 1.19\n",
    "stave/stave.go": """
package stave

import "math/rand"

// Yew holds the draw curve of every stave, built at init.
var Yew [][]float64

func init() {
	r := rand.New(rand.NewSource(%SEED%))
	Yew = make([][]float64, 5000)
	for i := range Yew {
		c := make([]float64, 28)
		for j := range c {
			c[j] = float64(j)*2.4 + r.Float64()*3
		}
		Yew[i] = c
	}
}

// Draw reads stave p's weight at draw length d (inches).
func Draw(p, d int) float64 {
	c := Yew[p%len(Yew)]
	return c[d]
}

// Tiller compares the two limbs of a stave, a sample at a time.
func Tiller(upper, lower []float64, step int) float64 {
	var diff float64
	for i := 0; i < len(upper); i += step {
		diff += upper[i] - lower[i]
	}
	return diff
}

// Smooth averages each draw sample with its neighbours.
func Smooth(c []float64) []float64 {
	out := make([]float64, len(c))
	for i := 1; i < len(c)-1; i++ {
		out[i] = (c[i-1] + c[i] + c[i+1]) / 3
	}
	return out
}

// Splice joins two stave halves at a fishtail of width w.
func Splice(a, b []float64, w int) []float64 {
	j := append([]float64{}, a[:len(a)-w]...)
	return append(j, b[w:]...)
}
""",
    "shaft/shaft.go": """
package shaft

// Shaft is one arrow shaft with its fletchings.
type Shaft struct {
	Grain     []byte
	Fletching [3][]byte
	Maker     string
}

var quiver []*Shaft // shafts set aside "for the muster", never taken out

// Cut makes a shaft and puts it in the quiver.
func Cut(maker string, feathers int) *Shaft {
	s := &Shaft{Maker: maker, Grain: make([]byte, 4096)}
	for i := range s.Fletching {
		s.Fletching[i] = make([]byte, 512*feathers)
	}
	quiver = append(quiver, s)
	return s
}

// Quivered reports how many shafts the quiver holds.
func Quivered() int { return len(quiver) }

// Spine folds a shaft's grain into a stiffness figure.
func Spine(g []byte, stride int) uint64 {
	var h uint64 = 14695981039346656037
	for i := 0; i+7 < len(g); i += stride {
		h ^= uint64(g[i]) | uint64(g[i+2])<<16 | uint64(g[i+7])<<56
		h *= 1099511628211
	}
	return h
}

// Crests records the painted crest of each archer's arrows.
var Crests map[string][]string

// Paint records a crest (Crests is never made: the nil-map write).
func Paint(archer, crest string) {
	Crests[archer] = append(Crests[archer], crest)
}
""",
    "nock/nock.go": """
package nock

import (
	"fmt"
	"os"
	"strconv"
	"strings"
)

// Depths maps an arrow length (mm) to its nock depth.
var Depths = map[int]int{}

func init() {
	for l := 500; l < 4500; l++ {
		Depths[l] = 4 + l%5
	}
	if os.Getenv("BOW_BAD_INIT") == "1" {
		cfg := "depth=6;horn=true;weight=fifty-two"
		for _, kv := range strings.Split(cfg, ";") {
			p := strings.SplitN(kv, "=", 2)
			if p[0] == "weight" {
				if _, err := strconv.Atoi(p[1]); err != nil {
					panic(fmt.Sprintf("nock: bad bow config %q: %v", kv, err))
				}
			}
		}
	}
}

// Seat cuts the nock slots listed in at, each w wide.
func Seat(slot []byte, at []int, w int) int {
	n := 0
	for _, a := range at {
		n += int(slot[a]) + int(slot[a+w])
	}
	return n
}
""",
    "nock/broken.go": """
//go:build broken

package nock

// Horn was copied from the crossbow package and never finished.
func Horn(depth int) string {
	var insert float64 = "horn"
	return bolt.Insert(depth) + insert
}
""",
    "main.go": """
package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"runtime"
	"strconv"
	"sync"
	"time"

	"fletchery/nock"
	"fletchery/shaft"
	"fletchery/stave"
)

func muster(n int, force bool) {
	for i := 0; i < n; i++ {
		if i%5 == 0 {
			shaft.Cut("fletcher", 1+i%3)
		}
		_ = make([]byte, 16<<10) // shavings, garbage at once
		if force && i%(n/10) == 0 {
			runtime.GC()
		}
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Printf("fletchery: %d shafts cut, quiver holds %d, heap %d MB, %d GC cycles\\n", n/5, shaft.Quivered(), ms.HeapAlloc>>20, ms.NumGC)
}

var offcut []byte

func churn(n int) {
	var sum uint64
	for i := 0; i < n; i++ {
		offcut = make([]byte, 64<<10)
		offcut[i%len(offcut)] = byte(i)
		sum += shaft.Spine(offcut[:512], 8)
	}
	fmt.Printf("fletchery: planed %d shafts, spine sum %d\\n", n, sum)
}

func fanout(archers int, d time.Duration) {
	bench := make(chan int)
	done := make(chan float64)
	go func() {
		for a := range bench {
			done <- stave.Draw(a, 27)
		}
	}()
	for i := 0; i < archers; i++ {
		go func(i int) { // each archer waits for the one fletching bench
			bench <- i
		}(i)
	}
	go func() {
		for range done {
			for k := 0; k < 300; k++ {
				_ = stave.Draw(k, k%28)
			}
		}
	}()
	time.Sleep(d)
	fmt.Printf("fletchery: %d archers waiting at 1 fletching bench, %d goroutines alive\\n", archers, runtime.NumGoroutine())
	os.Exit(0)
}

func deadlock() {
	var glueMu, featherMu sync.Mutex
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		glueMu.Lock()
		time.Sleep(40 * time.Millisecond)
		featherMu.Lock()
	}()
	go func() {
		defer wg.Done()
		featherMu.Lock()
		time.Sleep(40 * time.Millisecond)
		glueMu.Lock()
	}()
	fmt.Println("fletchery: gluing feathers to the shaft")
	wg.Wait()
}

func main() {
	mode := "muster"
	if len(os.Args) > 1 {
		mode = os.Args[1]
	}
	n := 20000
	if len(os.Args) > 2 {
		n, _ = strconv.Atoi(os.Args[2])
	}
	switch mode {
	case "muster":
		muster(n, false)
	case "forced":
		muster(n, true)
	case "churn":
		churn(n)
	case "crests":
		muster(n, false)
		for i := 0; i < 6; i++ {
			shaft.Paint("archer-"+strconv.Itoa(i), "red chevron")
		}
	case "fanout":
		fanout(n, 900*time.Millisecond)
	case "deadlock":
		time.Sleep(120 * time.Millisecond)
		deadlock()
	case "report":
		b, _ := json.Marshal(map[string]any{"depths": len(nock.Depths), "draw": stave.Draw(n, 27), "status": http.StatusText(http.StatusTeapot)})
		fmt.Println(string(b))
	}
}
""",
}


def _module(tmp: Path) -> Path:
    go = tmp / "go"
    if not (go / "fletchery").exists():
        write_tree(go, {k: v.replace("%SEED%", str(SEED)) for k, v in FILES.items()})
        run("nice go build -p 1 -o fletchery .", cwd=go, env=GO_ENV, timeout=400)
    return go


def cap_gctrace(tmp: Path) -> None:
    go = _module(tmp)
    e = dict(GO_ENV, GODEBUG="gctrace=1")
    cap("gctrace-forced", "GODEBUG=gctrace=1 ./fletchery forced 40000", go, n_go_gctrace, env=e, timeout=120)
    cap("gctrace-crests", "GODEBUG=gctrace=1 ./fletchery crests 12000; echo EXIT=$?", go, n_go_gctrace, env=e,
        timeout=120)
    cap("gctrace-gogc10", "GOGC=10 GODEBUG=gctrace=1 ./fletchery muster 150000; echo EXIT=$?", go, n_go_gctrace,
        env=dict(e, GOGC="10"), timeout=200)
    cap("gctrace-churn", "GODEBUG=gctrace=1 ./fletchery churn 9000; echo EXIT=$?", go, n_go_gctrace, env=e,
        timeout=200)
    cap("gctrace-churn-long", "GODEBUG=gctrace=1 ./fletchery churn 26000", go, n_go_gctrace, env=e, timeout=200)
    cap("gctrace-memlimit", "GOMEMLIMIT=16MiB GOGC=off GODEBUG=gctrace=1 ./fletchery churn 12000; echo EXIT=$?", go,
        n_go_gctrace, env=dict(e, GOMEMLIMIT="16MiB", GOGC="off"), timeout=200)


def cap_schedtrace(tmp: Path) -> None:
    go = _module(tmp)
    cap("schedtrace-deadlock", "GODEBUG=schedtrace=20 ./fletchery deadlock; echo EXIT=$?", go, n_go_schedtrace,
        env=dict(GO_ENV, GODEBUG="schedtrace=20"), timeout=120)
    cap("schedtrace-fanout", "GODEBUG=schedtrace=3 ./fletchery fanout 20000; echo EXIT=$?", go, n_go_schedtrace,
        env=dict(GO_ENV, GODEBUG="schedtrace=3"), timeout=120)
    cap("schedtrace-fanout-1ms", "GODEBUG=schedtrace=1 ./fletchery fanout 60000; echo EXIT=$?", go,
        n_go_schedtrace, env=dict(GO_ENV, GODEBUG="schedtrace=1"), timeout=120)
    cap("schedtrace-fanout-tail", "GODEBUG=schedtrace=2 ./fletchery fanout 100000 2>&1 | tail -260", go,
        n_go_schedtrace, env=dict(GO_ENV, GODEBUG="schedtrace=2"), timeout=120)


def cap_inittrace(tmp: Path) -> None:
    go = _module(tmp)
    e = dict(GO_ENV, GODEBUG="inittrace=1")
    cap("inittrace-report", "GODEBUG=inittrace=1 ./fletchery report 41", go, n_go_inittrace, env=e, timeout=120)
    cap("inittrace-bad-init", "BOW_BAD_INIT=1 GODEBUG=inittrace=1 ./fletchery report; echo EXIT=$?", go,
        n_go_inittrace, env=dict(e, BOW_BAD_INIT="1"), timeout=120)
    cap("inittrace-go-run", "GODEBUG=inittrace=1 go run . report 9 2>&1 | grep -v '^init runtime'; echo EXIT=$?",
        go, n_go_inittrace, env=e, timeout=300)


def cap_bce(tmp: Path) -> None:
    go = _module(tmp)
    g = "go build -p 1 -gcflags=-d=ssa/check_bce/debug=1"
    cap("bce-own", f"{g} ./...; echo EXIT=$?", go, n_go_bce_check, env=GO_ENV, timeout=300)
    cap("bce-broken", f"{g} -tags broken ./...; echo EXIT=$?", go, n_go_bce_check, env=GO_ENV, timeout=300)
    cap("bce-all-head", "go build -p 1 -gcflags=all=-d=ssa/check_bce/debug=1 ./... 2>&1 | head -450", go,
        n_go_bce_check, env=GO_ENV, timeout=600)
    cap("bce-all-grep", "go build -p 1 -gcflags=all=-d=ssa/check_bce/debug=1 ./... 2>&1 | grep -E '^(# |[a-z]+/[a-z]+\\.go:|/usr/lib/go[^/]*/src/"
        "(net|crypto)/)' | head -600", go, n_go_bce_check, env=GO_ENV, timeout=600)


STEPS = [cap_gctrace, cap_schedtrace, cap_inittrace, cap_bce]
