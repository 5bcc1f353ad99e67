"""Round 585, Go: a wheelwright module written here (`wheelwright/spoke`, `wheelwright/felloe`, `wheelwright/nave`, the
`wheelwright` command; seed 58510) whose modes leak (a rim pool that is never drained), churn felloe offcuts, panic on
a write to a nil map, fan wheel-truing out to goroutines that block on an unbuffered channel, deadlock on two mutexes
taken in opposite order, or panic in an init on a bad config (WHEEL_BAD_INIT=1); run with GODEBUG=gctrace=1,
schedtrace=N and inittrace=1, and built with `-gcflags=-d=ssa/check_bce/debug=1` (with `-tags broken`, a file that
does not compile). The extractors are round 575's, imported. Run through capture_wide585.py."""

from __future__ import annotations

from pathlib import Path

from capture_more import run, write_tree
from capture_wide575 import n_go_bce_check, n_go_gctrace, n_go_inittrace, n_go_schedtrace
from capture_wide585 import SEED, cap

GO_ENV = {"GOFLAGS": "-mod=mod", "GOPROXY": "off", "GOTOOLCHAIN": "local", "GOMAXPROCS": "2", "CGO_ENABLED": "0"}

FILES = {
    "go.mod": "module wheelwright\n\ngo 1.19\n",
    "spoke/spoke.go": """
package spoke

import (
	"math/rand"
	"sort"
)

// Table holds the tension of every spoke pattern, built at init.
var Table [][]int

func init() {
	r := rand.New(rand.NewSource(%SEED%))
	Table = make([][]int, 3000)
	for i := range Table {
		row := make([]int, 36)
		for j := range row {
			row[j] = 80 + r.Intn(60)
		}
		sort.Ints(row)
		Table[i] = row
	}
}

// Tension sums the spokes of pattern p at stride s.
func Tension(p, s int) int {
	row := Table[p%len(Table)]
	t := 0
	for i := 0; i < len(row); i += s {
		t += row[i] * row[(i*7)%len(row)]
	}
	return t
}

// Lace crosses two spoke rows.
func Lace(a, b []int, cross int) int {
	n := 0
	for i := cross; i < len(a); i++ {
		n += a[i] - b[i-cross]
	}
	return n
}
""",
    "felloe/felloe.go": """
package felloe

// Rim is one wooden rim built of felloes.
type Rim struct {
	Felloes [][]byte
	Owner   string
}

var pool []*Rim // rims kept "for later" and never handed back

// Build makes a rim of k felloes and keeps it in the pool.
func Build(owner string, k int) *Rim {
	r := &Rim{Owner: owner}
	for i := 0; i < k; i++ {
		r.Felloes = append(r.Felloes, make([]byte, 2048))
	}
	pool = append(pool, r)
	return r
}

// Pooled reports how many rims the pool holds.
func Pooled() int { return len(pool) }

// Bend folds a felloe's grain into a checksum.
func Bend(f []byte, w int) uint32 {
	h := uint32(2166136261)
	for i := 0; i+3 < len(f); i += w {
		h ^= uint32(f[i]) | uint32(f[i+1])<<8 | uint32(f[i+3])<<24
		h *= 16777619
	}
	return h
}

// Joints records where felloes meet, by wheel.
var Joints map[string][]int

// Join records a joint (Joints is never made: the nil-map write).
func Join(wheel string, at int) {
	Joints[wheel] = append(Joints[wheel], at)
}
""",
    "nave/nave.go": """
package nave

import (
	"fmt"
	"os"
	"strconv"
	"strings"
)

// Bores maps a wheel size to its nave bore in mm.
var Bores = map[int]int{}

func init() {
	for i := 20; i < 1500; i++ {
		Bores[i] = 30 + i%17
	}
	if os.Getenv("WHEEL_BAD_INIT") == "1" {
		cfg := "bore=42;spokes=thirty-six;hub=oak"
		for _, kv := range strings.Split(cfg, ";") {
			p := strings.SplitN(kv, "=", 2)
			if p[0] == "spokes" {
				if _, err := strconv.Atoi(p[1]); err != nil {
					panic(fmt.Sprintf("nave: bad wheel config %q: %v", kv, err))
				}
			}
		}
	}
}

// Ream widens the bore by a schedule of cuts.
func Ream(bore []int, cuts []int) int {
	w := 0
	for i := range cuts {
		w += bore[cuts[i]]
	}
	return w
}
""",
    "nave/broken.go": """
//go:build broken

package nave

// Fit was moved from the hub package and never finished.
func Fit(bore int) string {
	var mm int = "42"
	return hub.Size(bore) + mm
}
""",
    "main.go": """
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"runtime"
	"strconv"
	"sync"
	"time"

	"wheelwright/felloe"
	"wheelwright/nave"
	"wheelwright/spoke"
)

func pool(n int, force bool) {
	for i := 0; i < n; i++ {
		if i%4 == 0 {
			felloe.Build("cartwright", 6+i%4)
		}
		_ = make([]byte, 24<<10) // shavings, garbage at once
		if force && i%(n/6) == 0 {
			runtime.GC()
		}
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Printf("wheelwright: %d rims built, pool holds %d, heap %d MB, %d GC cycles\\n", n/4, felloe.Pooled(), ms.HeapAlloc>>20, ms.NumGC)
}

var offcut []byte

func churn(n int) {
	var sum uint32
	for i := 0; i < n; i++ {
		offcut = make([]byte, 48<<10)
		offcut[i%len(offcut)] = byte(i)
		sum += felloe.Bend(offcut[:256], 4)
	}
	fmt.Printf("wheelwright: planed %d felloes, grain sum %d\\n", n, sum)
}

func fanout(wheels int, d time.Duration) {
	truing := make(chan int)
	done := make(chan int)
	go func() {
		for w := range truing {
			done <- spoke.Tension(w, 1)
		}
	}()
	for i := 0; i < wheels; i++ {
		go func(i int) { // each wheel waits its turn on the one truing stand
			truing <- i
		}(i)
	}
	go func() {
		for range done {
			for k := 0; k < 200; k++ {
				_ = spoke.Tension(k, 2)
			}
		}
	}()
	time.Sleep(d)
	fmt.Printf("wheelwright: %d wheels waiting at 1 truing stand, %d goroutines alive\\n", wheels, runtime.NumGoroutine())
	os.Exit(0)
}

func deadlock() {
	var hubMu, rimMu sync.Mutex
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		hubMu.Lock()
		time.Sleep(30 * time.Millisecond)
		rimMu.Lock()
	}()
	go func() {
		defer wg.Done()
		rimMu.Lock()
		time.Sleep(30 * time.Millisecond)
		hubMu.Lock()
	}()
	fmt.Println("wheelwright: fitting hub and rim together")
	wg.Wait()
}

func main() {
	mode := "pool"
	if len(os.Args) > 1 {
		mode = os.Args[1]
	}
	n := 20000
	if len(os.Args) > 2 {
		n, _ = strconv.Atoi(os.Args[2])
	}
	switch mode {
	case "pool":
		pool(n, false)
	case "forced":
		pool(n, true)
	case "churn":
		churn(n)
	case "joints":
		pool(n, false)
		for i := 0; i < 8; i++ {
			felloe.Join("wagon-wheel", i*45)
		}
	case "fanout":
		fanout(n, 700*time.Millisecond)
	case "deadlock":
		time.Sleep(150 * time.Millisecond)
		deadlock()
	case "report":
		b, _ := json.Marshal(map[string]any{"bores": len(nave.Bores), "tension": spoke.Tension(n, 3)})
		fmt.Println(string(b))
	}
}
""",
}


def _module(tmp: Path) -> Path:
    go = tmp / "go"
    if not (go / "wheelwright").exists():
        write_tree(go, {k: v.replace("%SEED%", str(SEED)) for k, v in FILES.items()})
        run("nice go build -p 1 -o wheelwright .", cwd=go, env=GO_ENV, timeout=300)
    return go


def cap_gctrace(tmp: Path) -> None:
    go = _module(tmp)
    e = dict(GO_ENV, GODEBUG="gctrace=1")
    cap("gctrace-pool", "GODEBUG=gctrace=1 ./wheelwright pool 24000; echo EXIT=$?", go, n_go_gctrace, env=e,
        timeout=120)
    cap("gctrace-forced", "GODEBUG=gctrace=1 ./wheelwright forced 15000", go, n_go_gctrace, env=e, timeout=120)
    cap("gctrace-joints", "GODEBUG=gctrace=1 ./wheelwright joints 10000; echo EXIT=$?", go, n_go_gctrace, env=e,
        timeout=120)
    cap("gctrace-gogc20", "GOGC=20 GODEBUG=gctrace=1 ./wheelwright pool 70000; echo EXIT=$?", go, n_go_gctrace,
        env=dict(e, GOGC="20"), timeout=200)
    cap("gctrace-churn", "GODEBUG=gctrace=1 ./wheelwright churn 40000; echo EXIT=$?", go, n_go_gctrace, env=e,
        timeout=200)


def cap_schedtrace(tmp: Path) -> None:
    go = _module(tmp)
    cap("schedtrace-fanout", "GODEBUG=schedtrace=10 ./wheelwright fanout 4000; echo EXIT=$?", go, n_go_schedtrace,
        env=dict(GO_ENV, GODEBUG="schedtrace=10"), timeout=120)
    cap("schedtrace-deadlock", "GODEBUG=schedtrace=25 ./wheelwright deadlock; echo EXIT=$?", go, n_go_schedtrace,
        env=dict(GO_ENV, GODEBUG="schedtrace=25"), timeout=120)
    cap("schedtrace-fanout-1ms", "GODEBUG=schedtrace=1 ./wheelwright fanout 30000 2>&1 | head -700", go,
        n_go_schedtrace, env=dict(GO_ENV, GODEBUG="schedtrace=1"), timeout=120)
    cap("schedtrace-scheddetail", "GODEBUG=schedtrace=200,scheddetail=1 ./wheelwright deadlock 2>&1 | head -300; "
        "echo EXIT=$?", go, n_go_schedtrace, env=dict(GO_ENV, GODEBUG="schedtrace=200,scheddetail=1"), timeout=120)


def cap_inittrace(tmp: Path) -> None:
    go = _module(tmp)
    e = dict(GO_ENV, GODEBUG="inittrace=1")
    cap("inittrace-report", "GODEBUG=inittrace=1 ./wheelwright report 500", go, n_go_inittrace, env=e, timeout=120)
    cap("inittrace-bad-init", "WHEEL_BAD_INIT=1 GODEBUG=inittrace=1 ./wheelwright report; echo EXIT=$?", go,
        n_go_inittrace, env=dict(e, WHEEL_BAD_INIT="1"), timeout=120)
    cap("inittrace-go-run", "GODEBUG=inittrace=1 go run . report 7 2>&1 | grep -v '^init runtime'; echo EXIT=$?",
        go, n_go_inittrace, env=e, timeout=200)


def cap_bce(tmp: Path) -> None:
    go = _module(tmp)
    g = "go build -p 1 -gcflags=-d=ssa/check_bce/debug=1"
    cap("bce-all", f"{g} ./...; echo EXIT=$?", go, n_go_bce_check, env=GO_ENV, timeout=300)
    cap("bce-all-std", "go build -p 1 -gcflags=all=-d=ssa/check_bce/debug=1 ./... 2>&1 | head -1400", go,
        n_go_bce_check, env=GO_ENV, timeout=500)
    cap("bce-broken", f"{g} -tags broken ./...; echo EXIT=$?", go, n_go_bce_check, env=GO_ENV, timeout=300)


STEPS = [cap_gctrace, cap_schedtrace, cap_inittrace, cap_bce]
