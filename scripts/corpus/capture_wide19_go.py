"""Round 19, Go: a ledger module (capture_wide19_go_src.py) with real bugs put in, and the runs an agent makes on it
(go test -v ./... and go test ./... with a panic and a table-test failure, go test -json, go vet, gofmt -d, go build
errors). Every kind's rule is an earlier round's. Run through capture_wide19.py."""

from __future__ import annotations

from pathlib import Path

from capture_more import n_go_test_json, n_go_vet, n_gofmt, write_tree
from capture_wide2 import n_go_sub
from capture_wide4 import n_go_panic
from capture_wide15_langs import n_go_build
from capture_wide19 import cap, tabs
from capture_wide19_go_src import (GO_MAIN, GO_MONEY, GO_MONEY_TEST, GO_PARSE, GO_PARSE_TEST, GO_STORE,
                                   GO_STORE_TEST)

# go vet findings: Printf verb mismatches, a copied lock, unreachable code, a self-assignment
GO_REPORT = """package store

import (
    "fmt"
    "strings"
)

// Report renders the totals; it is vetted, not tested.
func Report(s Store, cats []string) string {
    var b strings.Builder
    for i, c := range cats {
        fmt.Fprintf(&b, "%d. %s %d\\n", i+1, c, s.totals[c])
    }
    fmt.Fprintf(&b, "%s categories\\n", len(cats))
    return b.String()
}

func Snapshot(s *Store) Store {
    s.mu.Lock()
    defer s.mu.Unlock()
    copy := *s
    return copy
}

func Clamp(v, lo, hi float64) float64 {
    if v < lo {
        return lo
    }
    if v > hi {
        return hi
    }
    return v
    fmt.Println("unreachable")
    return 0
}

func Label(c string) string {
    c = c
    return strings.ToUpper(c[:1]) + c[1:]
}
"""

# gofmt -d: a file written by hand without gofmt (spaces, spacing, brace style)
GO_BADFMT = """package money

import ("fmt"; "sort")

type Rate struct{
  From string
  To string
  Value float64
}

func Convert(c Cents,r Rate)Cents{
  return Cents(float64(c)*r.Value)
}

func Table(rates []Rate) string{
    sort.Slice(rates,func(i,j int)bool{return rates[i].From<rates[j].From})
    out:=""
    for _,r:=range rates{
      out+=fmt.Sprintf("%s->%s %.4f\\n",r.From,r.To,r.Value)
    }
    return out
}

func Invert(r Rate) Rate { return Rate{From:r.To,To:r.From,Value:1/r.Value} }

func   Sum(cs ...Cents)Cents{
	var t Cents
	for _,c:=range cs { t+=c }
	return t
}
"""

# go build errors: a renamed field, a wrong return count, an unused import and variable, a type mismatch
GO_BROKEN = """package store

import (
    "errors"
    "os"
    "sort"
)

var ErrEmpty = errors.New("store: empty")

func (s *Store) Bottom(n int) ([]string, error) {
    if len(s.total) == 0 {
        return ErrEmpty
    }
    cats := s.Top(len(s.totals))
    sort.Strings(cats)
    count := 0
    var limit int = "n"
    return cats[len(cats)-n:], nil
}

func (s *Store) Mean() float64 {
    sum := 0
    for _, v := range s.totals {
        sum += v
    }
    return sum / len(s.totals)
}
"""


GO_BUDGET = """package budget

import "fmt"

// Limits maps a category to its monthly limit in cents; Spent to what was spent.
type Budget struct {
    Limits map[string]int64
    Spent  map[string]int64
}

// Left is what remains of a category's limit; an unknown category has none left.
func (b Budget) Left(cat string) int64 {
    return b.Limits[cat] - b.Spent[cat]
}

// Over lists the categories over their limit, as "cat (+amount)".
func (b Budget) Over() []string {
    var out []string
    for c, lim := range b.Limits {
        if b.Spent[c] >= lim {
            out = append(out, fmt.Sprintf("%s (+%d)", c, b.Spent[c]-lim))
        }
    }
    return out
}

// Share is the percentage of the total limit a category takes, rounded to the nearest whole percent.
func (b Budget) Share(cat string) int {
    var total int64
    for _, l := range b.Limits {
        total += l
    }
    return int(b.Limits[cat] * 100 / total)
}
"""

GO_BUDGET_TEST = """package budget

import (
    "fmt"
    "testing"
)

func sample() Budget {
    return Budget{
        Limits: map[string]int64{"rent": 120000, "food": 40000, "fun": 15000, "travel": 25000},
        Spent:  map[string]int64{"rent": 120000, "food": 43120, "fun": 9000},
    }
}

func TestLeft(t *testing.T) {
    b := sample()
    for cat, want := range map[string]int64{"rent": 0, "food": -3120, "fun": 6000, "travel": 25000, "pets": 0} {
        t.Run(cat, func(t *testing.T) {
            if got := b.Left(cat); got != want {
                t.Errorf("Left(%q) = %d, want %d", cat, got, want)
            }
        })
    }
}

func TestOver(t *testing.T) {
    got := sample().Over()
    t.Logf("over: %v", got)
    if len(got) != 1 || got[0] != "food (+3120)" {
        t.Errorf("Over() = %v, want [food (+3120)]", got)
    }
}

func TestShare(t *testing.T) {
    b := sample()
    cases := []struct {
        cat  string
        want int
    }{{"rent", 60}, {"food", 20}, {"fun", 8}, {"travel", 13}}
    for i, tc := range cases {
        t.Run(fmt.Sprintf("case_%d_%s", i, tc.cat), func(t *testing.T) {
            if got := b.Share(tc.cat); got != tc.want {
                t.Errorf("Share(%q) = %d, want %d", tc.cat, got, tc.want)
            }
        })
    }
}
""" + "".join(f"""
func TestLimitSet{i}(t *testing.T) {{
    b := sample()
    b.Limits["extra{i}"] = {i * 1000}
    if b.Left("extra{i}") != {i * 1000} {{
        t.Fatal("limit not set")
    }}
}}
""" for i in range(10))

GO_VET_MAIN = """package main

import (
    "context"
    "fmt"
    "time"
)

type Flags struct {
    File   string `json:file`
    Top    int    `json:"top,omitempty" yaml:top`
    Format string `json:"format"`
}

func describe(f Flags) string {
    fmt.Sprintf("%s/%d", f.File, f.Top)
    return fmt.Sprintf("file=%s top=%s format=%d", f.File, f.Top, f.Format)
}

func deadline() context.Context {
    ctx, _ := context.WithTimeout(context.Background(), 5*time.Second)
    return ctx
}

func tag(i int) string {
    return string(i)
}

func warn(msg string, args ...interface{}) {
    fmt.Printf("warn: "+msg+"\\n", args)
}
"""

GO_BROKEN_PARSE = """package parse

import (
    "fmt"
    "time"
)

// Month groups entries by the month of their date.
func Month(es []Entry) map[string][]Entry {
    out := map[string][]Entry{}
    for _, e := range es {
        t, err := time.Parse("2006-01-02", e.Date)
        key := t.Format("2006-01")
        out[key] = append(out[key], e.Amount)
    }
    return out
}

func Sum(es []Entry) float64 {
    total := 0
    for _, e := range es {
        total += e.Amount
    }
    return total
}

func Describe(e Entry) string {
    return fmt.Sprintf("%s %s", e.Date, e.Categroy)
}
"""

GO_VET_BUDGET = """package budget

import (
    "fmt"
    "sync"
)

type Tracker struct {
    mu sync.Mutex
    b  Budget
}

func (t Tracker) Spend(cat string, amt int64) {
    t.mu.Lock()
    defer t.mu.Unlock()
    t.b.Spent[cat] += amt
}

func (t *Tracker) Warn() {
    for _, c := range t.b.Over() {
        fmt.Printf("over budget: %d\\n", c)
    }
    fmt.Println("checked %d categories", len(t.b.Limits))
}

func (t *Tracker) Check(amt int64) bool {
    return amt > 0 || amt > 0
}
"""

GO_BROKEN_MONEY = """package money

func Average(cs []Cents) Cents {
    var sum int64
    for _, c := range cs {
        sum += c
    }
    return sum / len(cs)
}

func Max(cs []Cents) Cents {
    best := cs[0]
    for i := 1; i < len(cs); i++ {
        if cs[i] > best {
            best = cs[i]
        }
    }
}

func Parse(s string) (Cents, error) {
    v, err := strconv.ParseFloat(s, 64)
    return Round(v), err
}
"""


def go_project(d: Path) -> None:
    write_tree(d, {
        "go.mod": "module example.com/ledger\n\ngo 1.19\n",
        "money/money.go": tabs(GO_MONEY), "money/money_test.go": tabs(GO_MONEY_TEST),
        "parse/parse.go": tabs(GO_PARSE), "parse/parse_test.go": tabs(GO_PARSE_TEST),
        "store/store.go": tabs(GO_STORE), "store/store_test.go": tabs(GO_STORE_TEST),
        "cmd/ledger/main.go": tabs(GO_MAIN),
        "budget/budget.go": tabs(GO_BUDGET), "budget/budget_test.go": tabs(GO_BUDGET_TEST),
        "README.md": "# ledger\n\nTotals a ledger file per category.\n",
    })


def cap_go(tmp: Path) -> None:
    d = tmp / "ledger"
    go_project(d)
    env = {"GOCACHE": str(tmp / "gocache"), "GOPATH": str(tmp / "gopath")}
    cap("go-test-v-ledger", "go test -v ./...", d, n_go_sub, env=env)
    cap("go-test-ledger", "go test ./...", d, n_go_panic, env=env)
    cap("go-test-json-money", "go test -json ./money/", d, n_go_test_json, env=env)
    (d / "store/report.go").write_text(tabs(GO_REPORT))
    (d / "cmd/ledger/flags.go").write_text(tabs(GO_VET_MAIN))
    (d / "budget/tracker.go").write_text(tabs(GO_VET_BUDGET))
    cap("go-vet-ledger", "go vet ./...", d, n_go_vet, env=env)
    (d / "money/rates.go").write_text(GO_BADFMT)
    (d / "parse/parse.go").write_text(GO_PARSE.replace("\n    ", "\n  "))  # a second file indented by an editor
    cap("gofmt-d-ledger", "gofmt -d .", d, n_gofmt, env=env)
    for f in ("store/report.go", "cmd/ledger/flags.go", "budget/tracker.go"):
        (d / f).unlink()
    (d / "store/bottom.go").write_text(tabs(GO_BROKEN))
    (d / "money/stats.go").write_text(tabs(GO_BROKEN_MONEY))
    (d / "parse/month.go").write_text(tabs(GO_BROKEN_PARSE))
    cap("go-build-ledger", "go build ./...", d, n_go_build, env=env)


STEPS = [cap_go]
