"""The Go sources round 805 writes (a ship's chandler's modules: cordage, tallow, oakum, blocks, chandlers), with
faults put in. Imported by capture_wide805.py; nothing here runs a tool."""

GO_MOD = """module example.com/chandlers

go 1.18

require (
\texample.com/fathoms v0.0.0
\texample.com/ledger v0.0.0
)

replace example.com/ledger => ../ledger

replace example.com/fathoms => ../fathoms
"""

LEDGER = {
    "ledger/go.mod": "module example.com/ledger\n\ngo 1.18\n",
    "ledger/ledger.go": """package ledger

import "fmt"

// Entry is one line of a chandler's day book.
type Entry struct {
\tItem  string
\tQty   int
\tPence int
}

// Total sums an entry list in pence.
func Total(es []Entry) int {
\tt := 0
\tfor _, e := range es {
\t\tt += e.Qty * e.Pence
\t}
\treturn t
}

// Line renders an entry.
func Line(e Entry) string { return fmt.Sprintf("%-12s %4d @ %5dd", e.Item, e.Qty, e.Pence) }
""",
    "fathoms/go.mod": "module example.com/fathoms\n\ngo 1.18\n\nrequire example.com/ledger v0.0.0\n\nreplace example.com/ledger => ../ledger\n",
    "fathoms/fathoms.go": """package fathoms

import "example.com/ledger"

// ToFeet converts fathoms of cordage to feet.
func ToFeet(f float64) float64 { return f * 6 }

// Coil prices a coil.
func Coil(fathoms int, pence int) ledger.Entry { return ledger.Entry{Item: "coil", Qty: fathoms, Pence: pence} }
""",
}

CORDAGE = """package cordage

import (
\t"errors"
\t"strings"
)

// Rope is a length of cordage in stock.
type Rope struct {
\tName    string
\tFathoms []int
\tStrands int
}

var ErrFrayed = errors.New("cordage: frayed")

// Splice joins two lengths, reading past the end when b is short (a fault kept on purpose).
func Splice(a, b []int, at int) []int {
\tout := make([]int, 0, len(a)+len(b))
\tout = append(out, a[:at]...)
\tfor i := 0; i < at+2; i++ {
\t\tout = append(out, b[i])
\t}
\treturn out
}

// Lay sums every third strand's fathoms.
func Lay(r Rope) int {
\tt := 0
\tfor i := 0; i < len(r.Fathoms); i += 3 {
\t\tt += r.Fathoms[i] * r.Strands
\t}
\treturn t
}

// Grade names a rope by its circumference.
func Grade(name string) (string, error) {
\tswitch {
\tcase strings.HasPrefix(name, "manila"):
\t\treturn "A", nil
\tcase strings.HasPrefix(name, "hemp"):
\t\treturn "B", nil
\tcase strings.HasSuffix(name, "-old"):
\t\treturn "", ErrFrayed
\t}
\treturn "C", nil
}

// Whip binds the end of a rope, dividing its fathoms among n whippings.
func Whip(r Rope, n int) []int {
\tout := make([]int, n)
\tfor i, f := range r.Fathoms {
\t\tout[i%n] += f / n
\t}
\treturn out
}
"""

CORDAGE_TEST = """package cordage

import "testing"

func TestGrade(t *testing.T) {
\tfor name, want := range map[string]string{"manila-3in": "A", "hemp-2in": "B", "coir-1in": "C", "sisal": "B"} {
\t\tif got, _ := Grade(name); got != want {
\t\t\tt.Errorf("Grade(%q) = %q, want %q", name, got, want)
\t\t}
\t}
}

func TestLay(t *testing.T) {
\tif got := Lay(Rope{Fathoms: []int{1, 2, 3, 4, 5, 6}, Strands: 3}); got != 21 {
\t\tt.Fatalf("Lay = %d, want 21", got)
\t}
}

func TestSplice(t *testing.T) { _ = Splice([]int{1, 2}, []int{3}, 1) }

func TestWhip(t *testing.T) {
\tt.Run("two", func(t *testing.T) { _ = Whip(Rope{Fathoms: []int{4, 4}}, 2) })
\tt.Run("none", func(t *testing.T) { _ = Whip(Rope{Fathoms: []int{4}}, 0) })
}

func BenchmarkLay(b *testing.B) {
\tr := Rope{Fathoms: make([]int, 300), Strands: 3}
\tfor i := 0; i < b.N; i++ {
\t\tLay(r)
\t}
}

func FuzzGrade(f *testing.F) {
\tf.Add("manila")
\tf.Fuzz(func(t *testing.T, s string) { Grade(s) })
}
"""

TALLOW = """package tallow

import (
\t"fmt"
\t"sort"
\t"strconv"
\t"strings"
)

// Candle is a dip of tallow.
type Candle struct {
\tWeight float64
\tWick   string
}

// Render melts a batch: a CPU-heavy loop for the profiles.
func Render(n int) float64 {
\ts := 0.0
\tfor i := 1; i < n; i++ {
\t\ts += float64(i%7) / float64(i)
\t}
\treturn s
}

// Dip makes candles, allocating a string per dip.
func Dip(n int) []string {
\tout := make([]string, 0, 4)
\tfor i := 0; i < n; i++ {
\t\tout = append(out, "dip-"+strconv.Itoa(i)+strings.Repeat("~", i%5))
\t}
\tsort.Strings(out)
\treturn out
}

// Tally counts wicks by kind.
func Tally(cs []Candle) map[string]int {
\tm := map[string]int{}
\tfor _, c := range cs {
\t\tm[c.Wick]++
\t}
\treturn m
}

// Label prints a candle's label.
func Label(c Candle) string { return fmt.Sprintf("%s %.1foz", c.Wick, c.Weight) }
"""

TALLOW_TEST = """package tallow

import (
\t"fmt"
\t"testing"
)

func TestRender(t *testing.T) {
\tif Render(10) <= 0 {
\t\tt.Fatal("render gave nothing")
\t}
}

func TestTally(t *testing.T) {
\tm := Tally([]Candle{{1, "cotton"}, {2, "cotton"}, {3, "rush"}})
\tif m["cotton"] != 2 || m["rush"] != 2 {
\t\tt.Errorf("Tally = %v", m)
\t}
}

func TestLabel(t *testing.T) {
\tif got := Label(Candle{2.5, "rush"}); got != "rush 2.5oz" {
\t\tt.Errorf("Label = %q", got)
\t}
}

func BenchmarkRender(b *testing.B) {
\tfor i := 0; i < b.N; i++ {
\t\tRender(20000)
\t}
}

func BenchmarkDip(b *testing.B) {
\tfor i := 0; i < b.N; i++ {
\t\tDip(400)
\t}
}

func BenchmarkTally(b *testing.B) {
\tcs := make([]Candle, 500)
\tfor i := range cs {
\t\tcs[i].Wick = fmt.Sprint(i % 9)
\t}
\tfor i := 0; i < b.N; i++ {
\t\tTally(cs)
\t}
}

func FuzzLabel(f *testing.F) {
\tf.Add(1.0, "cotton")
\tf.Fuzz(func(t *testing.T, w float64, s string) { Label(Candle{w, s}) })
}

func ExampleLabel() {
\tfmt.Println(Label(Candle{3, "cotton"}))
\t// Output: cotton 3.0oz
}
"""

OAKUM = """package oakum

import (
\t"example.com/fathoms"
\t"example.com/ledger"
)

// Pick is a bale of picked oakum.
type Pick struct{ Pounds int }

// Caulk prices caulking a seam of n fathoms.
func Caulk(n int) ledger.Entry {
\te := fathoms.Coil(n, 3)
\te.Item = "oakum"
\treturn e
}

// Bales splits pounds into bales of 56.
func Bales(pounds int) []Pick {
\tvar out []Pick
\tfor pounds > 0 {
\t\tp := 56
\t\tif pounds < p {
\t\t\tp = pounds
\t\t}
\t\tout = append(out, Pick{p})
\t\tpounds -= p
\t}
\treturn out
}
"""

OAKUM_TEST = """package oakum

import "testing"

func TestCaulk(t *testing.T) {
\tif e := Caulk(4); e.Item != "oakum" || e.Qty != 4 {
\t\tt.Errorf("Caulk = %+v", e)
\t}
}

func TestBales(t *testing.T) {
\tif got := len(Bales(120)); got != 2 {
\t\tt.Errorf("Bales(120) gave %d bales, want 2", got)
\t}
}

func ExampleBales() {
\t_ = Bales(10)
}
"""

BLOCKS_BROKEN = """package blocks

import "example.com/ledger"

// Block is a pulley block.
type Block struct {
\tSheaves int
\tShell   string
}

// Purchase is the mechanical advantage of a tackle.
func Purchase(a, b Block) int {
\treturn a.Sheaves + b.Sheave
}

// Price prices a block.
func Price(b Block) ledger.Entry {
\treturn ledger.Entry{Item: b.Shell, Qty: 1, Pence: "twelve"}
}
"""

BLOCKS_TEST = """package blocks

import "testing"

func TestPurchase(t *testing.T) {
\tif Purchase(Block{Sheaves: 2}, Block{Sheaves: 1}) != 3 {
\t\tt.Fatal("purchase")
\t}
}

func BenchmarkPurchase(b *testing.B) {}
"""

MAIN = """package main

import (
\t"fmt"
\t"os"
\t"runtime"
\t"runtime/pprof"
\t"strconv"
\t"sync"
\t"time"

\t"example.com/chandlers/cordage"
\t"example.com/chandlers/oakum"
\t"example.com/chandlers/tallow"
\t"example.com/ledger"
)

var (
\tmu    sync.Mutex
\twg    sync.WaitGroup
\tbell  = make(chan int)
\tstock = map[string][]byte{}
)

func clerk(i int) {
\tmu.Lock() // never unlocked by the first clerk
\tfmt.Println("clerk", i, "at the counter")
}

func porter(i int) { <-bell }

func cooper(i int) { wg.Wait() }

func lamp(i int) {
\tfor {
\t\tselect {
\t\tcase v := <-bell:
\t\t\t_ = v
\t\tcase <-time.After(time.Hour):
\t\t}
\t}
}

func hang(n int) {
\twg.Add(1)
\tfor i := 0; i < n; i++ {
\t\tswitch i % 4 {
\t\tcase 0:
\t\t\tgo clerk(i)
\t\tcase 1:
\t\t\tgo porter(i)
\t\tcase 2:
\t\t\tgo cooper(i)
\t\tdefault:
\t\t\tgo lamp(i)
\t\t}
\t}
\tfmt.Fprintln(os.Stderr, "error: chandlery waiting on the tide, no bell rung")
\tvar ch chan struct{}
\t<-ch
}

func churn(n int) {
\tvar keep [][]byte
\tfor i := 0; i < n; i++ {
\t\tb := make([]byte, 1024*(1+i%64))
\t\tstock[strconv.Itoa(i%500)] = b
\t\tif i%97 == 0 {
\t\t\tkeep = append(keep, b)
\t\t}
\t}
\tvar ms runtime.MemStats
\truntime.ReadMemStats(&ms)
\tfmt.Printf("churned %d dips, kept %d, heap %d KiB, %d GCs\\n", n, len(keep), ms.HeapAlloc/1024, ms.NumGC)
}

func main() {
\tif len(os.Args) < 3 {
\t\tfmt.Fprintln(os.Stderr, "usage: chandlers hang|churn|profile N")
\t\tos.Exit(2)
\t}
\tn, _ := strconv.Atoi(os.Args[2])
\tswitch os.Args[1] {
\tcase "hang":
\t\thang(n)
\tcase "churn":
\t\tchurn(n)
\tcase "profile":
\t\tf, _ := os.Create("cpu.out")
\t\tpprof.StartCPUProfile(f)
\t\ts := 0.0
\t\tfor i := 0; i < n; i++ {
\t\t\ts += tallow.Render(20000)
\t\t\t_ = tallow.Dip(50)
\t\t\t_ = cordage.Lay(cordage.Rope{Fathoms: make([]int, 900), Strands: 2})
\t\t}
\t\tpprof.StopCPUProfile()
\t\tfmt.Println("rendered", s, ledger.Total([]ledger.Entry{oakum.Caulk(n)}))
\tdefault:
\t\tfmt.Println(cordage.Splice([]int{1, 2, 3}, []int{4}, 2))
\t}
}
"""

STORES = """package main

import (
\t"fmt"
\t"os"

\t"example.com/chandlers/cordage"
\t"example.com/fathoms"
)

func main() {
\tfor _, a := range os.Args[1:] {
\t\tg, err := cordage.Grade(a)
\t\tfmt.Println(a, g, err, fathoms.ToFeet(2))
\t}
}
"""

LEGACY = {
    "legacy/go.mod": "module example.com/legacy\n\ngo 1.18\n",
    "legacy/old_windows.go": "// +build windows\n\npackage legacy\n\nconst Sep = `\\\\`\n",
    "legacy/both_linux.go": "//go:build linux\n// +build linux\n\npackage legacy\n\nconst Sep = \"/\"\n",
    "legacy/tags.go": "//go:build (linux || darwin) && !purego\n// +build linux darwin\n// +build !purego\n\npackage legacy\n\nfunc Fast() bool { return true }\n",
    "legacy/ctx.go": "package legacy\n\nimport (\n\t\"fmt\"\n\n\t\"golang.org/x/net/context\"\n)\n\n// Wait waits for the tide.\nfunc Wait(ctx context.Context) error {\n\t<-ctx.Done()\n\treturn fmt.Errorf(\"tide: %w\", ctx.Err())\n}\n",
    "legacy/broken.go": "//go:build ignore\n// +build ignore\n\npackage legacy\n\nfunc Broken( {\n",
    "legacy/purego.go": "//go:build purego\n// +build purego\n\npackage legacy\n\nfunc Fast() bool { return false }\n",
}


def tree(blocks_broken: bool = True) -> dict[str, str]:
    files = {
        "chandlers/go.mod": GO_MOD,
        "chandlers/cordage/cordage.go": CORDAGE,
        "chandlers/cordage/cordage_test.go": CORDAGE_TEST,
        "chandlers/tallow/tallow.go": TALLOW,
        "chandlers/tallow/tallow_test.go": TALLOW_TEST,
        "chandlers/oakum/oakum.go": OAKUM,
        "chandlers/oakum/oakum_test.go": OAKUM_TEST,
        "chandlers/cmd/chandlers/main.go": MAIN,
        "chandlers/cmd/stores/main.go": STORES,
    }
    if blocks_broken:
        files["chandlers/blocks/blocks.go"] = BLOCKS_BROKEN
        files["chandlers/blocks/blocks_test.go"] = BLOCKS_TEST
    files.update(LEDGER)
    files.update(LEGACY)
    return files


STORE_MODS = ["marlin", "pitch", "lanterns", "canvas", "tar", "hawsers", "thimbles", "shackles", "bunting", "biscuit",
              "lampoil", "brooms", "sounding", "compass"]


def stores_tree(mods: list[str], bad_path: str | None = None) -> dict[str, str]:
    """A chandler's stores module requiring `mods` (local modules under replace, each with two packages); the module
    `bad_path` declares a path other than the one required (a fault)."""
    files = {}
    req = "".join(f"\texample.com/{m} v0.0.0\n" for m in mods)
    rep = "".join(f"replace example.com/{m} => ../mods/{m}\n" for m in mods)
    files["stores/go.mod"] = (f"module example.com/stores\n\ngo 1.18\n\nrequire (\n{req}\texample.com/ledger v0.0.0\n)\n\n"
                              f"{rep}replace example.com/ledger => ../ledger\n")
    imports = "".join(f'\t"example.com/{m}"\n\t"example.com/{m}/grade"\n' for m in mods)
    uses = "".join(f"\tfmt.Println({m}.Name, grade.Of{m.title()}(3))\n" for m in mods)
    imports_g = "".join(f'\t{m}grade "example.com/{m}/grade"\n' for m in mods)
    uses = "".join(f"\tfmt.Println({m}.Name, {m}grade.Of(3))\n" for m in mods)
    files["stores/main.go"] = ("package main\n\nimport (\n\t\"fmt\"\n\n\t\"example.com/ledger\"\n"
                               + "".join(f'\t"example.com/{m}"\n' for m in mods) + imports_g + ")\n\nfunc main() {\n"
                               + uses + "\tfmt.Println(ledger.Total(nil))\n}\n")
    for m in mods:
        path = f"example.com/{m}" if m != bad_path else f"example.com/{m}-and-sons"
        files[f"mods/{m}/go.mod"] = f"module {path}\n\ngo 1.18\n"
        files[f"mods/{m}/{m}.go"] = f"package {m}\n\n// Name is the store's name.\nconst Name = \"{m}\"\n"
        files[f"mods/{m}/grade/grade.go"] = "package grade\n\n// Of grades a lot.\nfunc Of(n int) int { return n * 2 }\n"
    return files
