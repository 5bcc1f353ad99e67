"""Round 575, Go: a smithy module written here (`smithy/forge`, `smithy/anvil`, `smithy/farrier`, the `smithy`
command; seed 57510) whose modes leak (a horseshoe cache that is never pruned), pile up goroutines, deadlock, panic on
a bad index, or panic in an init (SMITHY_BAD_INIT=1); run with GODEBUG=gctrace=1, schedtrace=N and inittrace=1, and
built with `-gcflags=-d=ssa/check_bce/debug=1` (with `-tags broken`, a file that does not compile). The extractors are
this round's (NEEDLES.md, "Round 575"). Run through capture_wide575.py."""

from __future__ import annotations

from pathlib import Path

from capture_more import run, write_tree
from capture_wide575 import SEED, cap, n_go_bce_check, n_go_gctrace, n_go_inittrace, n_go_schedtrace

GO_ENV = {"GOFLAGS": "-mod=mod", "GOPROXY": "off", "GOTOOLCHAIN": "local", "GOMAXPROCS": "2", "CGO_ENABLED": "0"}

FILES = {
    "go.mod": "module smithy\n\ngo 1.19\n",
    "forge/forge.go": """
package forge

import (
	"math"
	"math/rand"
)

// Temps is the heat table every forge reads; built at init.
var Temps []float64

func init() {
	r := rand.New(rand.NewSource(%SEED%))
	Temps = make([]float64, 4096)
	for i := range Temps {
		Temps[i] = 800 + r.Float64()*600
	}
}

// Heat returns the summed heat of n strokes of the bellows.
func Heat(n int) float64 {
	t := 0.0
	for i := 0; i < n; i++ {
		t += math.Mod(math.Sqrt(float64(i)*1.7), 13) + Temps[i%len(Temps)]
	}
	return t
}

// Blend mixes two ingots; the index arithmetic keeps bounds checks in.
func Blend(a, b []float64, k int) float64 {
	s := 0.0
	for i := 0; i < k; i++ {
		s += a[i] * b[k-i-1]
	}
	return s
}

// Window sums a sliding window of heats.
func Window(xs []float64, w int) []float64 {
	out := make([]float64, 0, len(xs))
	for i := range xs {
		if i+w > len(xs) {
			break
		}
		s := 0.0
		for _, v := range xs[i : i+w] {
			s += v
		}
		out = append(out, s)
	}
	return out
}
""",
    "anvil/anvil.go": """
package anvil

import "os"

// Weights of the anvils in the shop, by number.
var Weights = map[int]int{}

func init() {
	for i := 0; i < 2000; i++ {
		Weights[i] = 50 + i%150
	}
	if os.Getenv("SMITHY_BAD_INIT") == "1" {
		row := []int{1, 2, 3}
		idx := len(Weights) / 500
		_ = row[idx]
	}
}

// Strike hammers a bar on an anvil and returns the dents.
func Strike(bar []byte, force int) int {
	d := 0
	for i := 1; i < len(bar); i++ {
		d += int(bar[i]^bar[i-1]) * force
	}
	return d + int(bar[0])
}

// Checksum folds a bar into a 32-bit sum.
func Checksum(bar []byte) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(bar); i += 4 {
		h ^= uint32(bar[i]) | uint32(bar[i+1])<<8 | uint32(bar[i+2])<<16 | uint32(bar[i+3])<<24
		h *= 16777619
	}
	return h
}
""",
    "farrier/farrier.go": """
package farrier

import (
	"fmt"
	"sync"
)

// Shoe is a horseshoe fitted to one hoof.
type Shoe struct {
	Horse string
	Size  int
	Nails []byte
}

var (
	mu    sync.Mutex
	cache = map[string]*Shoe{}
)

// Fit makes a shoe and keeps it in the cache forever (the leak).
func Fit(horse string, size int) *Shoe {
	s := &Shoe{Horse: horse, Size: size, Nails: make([]byte, 4096+size*64)}
	mu.Lock()
	cache[fmt.Sprintf("%s-%d", horse, len(cache))] = s
	mu.Unlock()
	return s
}

// Cached reports how many shoes are held.
func Cached() int {
	mu.Lock()
	defer mu.Unlock()
	return len(cache)
}

// Sizes picks the hoof size for each horse by index.
func Sizes(horses []string, sizes []int) map[string]int {
	out := map[string]int{}
	for i, h := range horses {
		out[h] = sizes[i]
	}
	return out
}
""",
    "farrier/broken.go": """
//go:build broken

package farrier

// Refit was half renamed: it still calls the old helper.
func Refit(s *Shoe) int {
	var n string = s.Size
	return fitOld(s) + n
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

	"smithy/anvil"
	"smithy/farrier"
	"smithy/forge"
)

var _ = http.StatusOK

func leak(n int, force bool) {
	var keep []*farrier.Shoe
	for i := 0; i < n; i++ {
		s := farrier.Fit("mare", i%12)
		if i%3 == 0 {
			keep = append(keep, s)
		}
		_ = make([]byte, 16<<10) // scrap iron, garbage at once
		if force && i%(n/8) == 0 {
			runtime.GC()
		}
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Printf("smithy: fitted %d shoes, cache holds %d, heap %d MB, %d GC cycles\\n", n, farrier.Cached(), ms.HeapAlloc>>20, ms.NumGC)
	_ = keep
}

var sink []byte

func churn(n int) {
	kept := 0
	for i := 0; i < n; i++ {
		sink = make([]byte, 32<<10) // hot iron cut into scrap at once
		sink[i%len(sink)] = byte(i)
		if i%400 == 0 {
			farrier.Fit("gelding", i%9)
			kept++
		}
	}
	fmt.Printf("smithy: cut %d bars, kept %d shoes, cache holds %d\\n", n, kept, farrier.Cached())
}

func pile(workers int, d time.Duration) {
	var wg sync.WaitGroup
	jobs := make(chan int)
	for w := 0; w < 2; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				_ = forge.Heat(20000 + j%5000)
			}
		}()
	}
	stop := time.After(d)
	sent := 0
	for i := 0; i < workers; i++ {
		go func(i int) { // each apprentice waits for the forge
			jobs <- i
		}(i)
		sent++
	}
	<-stop
	fmt.Printf("smithy: %d apprentices queued at 2 forges, %d goroutines alive\\n", sent, runtime.NumGoroutine())
	os.Exit(0)
}

func deadlock() {
	tongs := make(chan int)
	var mu sync.Mutex
	mu.Lock()
	go func() { mu.Lock(); tongs <- 1 }()
	fmt.Println("smithy: waiting for the tongs")
	<-tongs
}

func main() {
	mode := "leak"
	if len(os.Args) > 1 {
		mode = os.Args[1]
	}
	n := 20000
	if len(os.Args) > 2 {
		n, _ = strconv.Atoi(os.Args[2])
	}
	switch mode {
	case "leak":
		leak(n, false)
	case "forced":
		leak(n, true)
	case "churn":
		churn(n)
	case "crash":
		leak(n, false)
		horses := []string{"mare", "gelding", "colt", "filly"}
		sz := farrier.Sizes(horses, []int{9, 10, 8})
		fmt.Println(sz)
	case "pile":
		pile(n, 800*time.Millisecond)
	case "deadlock":
		go func() { time.Sleep(50 * time.Millisecond) }()
		time.Sleep(200 * time.Millisecond)
		deadlock()
	case "report":
		b, _ := json.Marshal(map[string]any{"anvils": len(anvil.Weights), "heat": forge.Heat(n)})
		fmt.Println(string(b))
	}
}
""",
}


def _module(tmp: Path) -> Path:
    go = tmp / "go"
    write_tree(go, {k: v.replace("%SEED%", str(SEED)) for k, v in FILES.items()})
    run("go build -o smithy .", cwd=go, env=GO_ENV, timeout=300)
    return go


def cap_gctrace(tmp: Path) -> None:
    go = _module(tmp)
    e = dict(GO_ENV, GODEBUG="gctrace=1")
    cap("gctrace-leak", "GODEBUG=gctrace=1 ./smithy leak 20000; echo EXIT=$?", go, n_go_gctrace, env=e, timeout=120)
    cap("gctrace-forced", "GODEBUG=gctrace=1 ./smithy forced 12000", go, n_go_gctrace, env=e, timeout=120)
    cap("gctrace-crash", "GODEBUG=gctrace=1 ./smithy crash 8000; echo EXIT=$?", go, n_go_gctrace, env=e, timeout=120)
    cap("gctrace-gogc10", "GOGC=10 GODEBUG=gctrace=1 ./smithy leak 60000; echo EXIT=$?", go, n_go_gctrace,
        env=dict(e, GOGC="10"), timeout=200)
    cap("gctrace-churn", "GODEBUG=gctrace=1 ./smithy churn 90000; echo EXIT=$?", go, n_go_gctrace, env=e, timeout=200)
    cap("gctrace-run", "GODEBUG=gctrace=1 go run . leak 5000 2>&1 | tail -40", go, n_go_gctrace, env=e, timeout=200)


def cap_schedtrace(tmp: Path) -> None:
    go = _module(tmp)
    cap("schedtrace-pile", "GODEBUG=schedtrace=10 ./smithy pile 3000; echo EXIT=$?", go, n_go_schedtrace,
        env=dict(GO_ENV, GODEBUG="schedtrace=10"), timeout=120)
    cap("schedtrace-deadlock", "GODEBUG=schedtrace=20 ./smithy deadlock; echo EXIT=$?", go, n_go_schedtrace,
        env=dict(GO_ENV, GODEBUG="schedtrace=20"), timeout=120)
    cap("schedtrace-pile-1ms", "GODEBUG=schedtrace=1 ./smithy pile 20000 2>&1 | head -400", go, n_go_schedtrace,
        env=dict(GO_ENV, GODEBUG="schedtrace=1"), timeout=120)


def cap_inittrace(tmp: Path) -> None:
    go = _module(tmp)
    e = dict(GO_ENV, GODEBUG="inittrace=1")
    cap("inittrace-report", "GODEBUG=inittrace=1 ./smithy report 1000", go, n_go_inittrace, env=e, timeout=120)
    cap("inittrace-bad-init", "SMITHY_BAD_INIT=1 GODEBUG=inittrace=1 ./smithy report; echo EXIT=$?", go,
        n_go_inittrace, env=dict(e, SMITHY_BAD_INIT="1"), timeout=120)
    cap("inittrace-go-run", "GODEBUG=inittrace=1 go run . report 10 2>&1 | grep -v '^init internal'; echo EXIT=$?", go,
        n_go_inittrace, env=e, timeout=200)


def cap_bce(tmp: Path) -> None:
    go = _module(tmp)
    g = "go build -gcflags=-d=ssa/check_bce/debug=1"
    cap("bce-all", f"{g} ./...; echo EXIT=$?", go, n_go_bce_check, env=GO_ENV, timeout=300)
    cap("bce-all-std", f"go build -gcflags=all=-d=ssa/check_bce/debug=1 ./... 2>&1 | head -700", go, n_go_bce_check,
        env=GO_ENV, timeout=400)
    cap("bce-broken", f"{g} -tags broken ./...; echo EXIT=$?", go, n_go_bce_check, env=GO_ENV, timeout=300)


STEPS = [cap_gctrace, cap_schedtrace, cap_inittrace, cap_bce]
