"""Round 309's Go material, extractors and steps (run through capture_wide309.py). The Go code is the round's own:
a warehouse/billing module (`example.com/depot`, stdlib only) with faults put in, seeded generated `gen/zoneNN`
packages that scale it up, an untidy copy for goimports, and Ginkgo 1 suites in GOPATH mode on Debian's
golang-github-onsi-ginkgo-dev / golang-gomega-dev. Every extractor's docstring's first line is its NEEDLES.md rule
("Round 309")."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import capture_more as cm
from capture_data import any_of
from capture_more import groups, kind, mask

_SIZED = cm.Sized(400, 120_000)
add, cap = _SIZED.add, _SIZED.cap

EXIT = re.compile(r"^EXIT=([1-9]\d*)$")
LOC = re.compile(r"^(\S+?\.go):(\d+):(\d+): (.*)$")


def exits(lines: list[str]) -> list:
    """The common part: every `EXIT=N` line with N not zero."""
    return [ln for ln in lines if EXIT.match(ln)]


# ------------------------------------------------------------------ extractors

SC_CODE = re.compile(r"\(([A-Z]+\d+|compile)\)\s*$")


@kind("staticcheck", "lint")
def n_staticcheck(lines):
    """one {"any"} per (check code, file) of finding lines; `(compile)` lines, `-:` lines and `file:L:C:` lines without a code each a needle"""
    out, pairs = exits(lines), []
    for ln in lines:
        m = LOC.match(ln)
        c = SC_CODE.search(ln)
        if ln.startswith("-:"):
            out.append(ln)
        elif m and c and c.group(1) != "compile":
            pairs.append(((c.group(1), m.group(1)), ln))
        elif m:
            out.append(ln)
    return out + groups(pairs)


STY_ROW = re.compile(r"^\s+\(\d+, \d+\)\s+(\S+)\s+(.*)$")


@kind("staticcheck-stylish", "lint")
def n_staticcheck_stylish(lines):
    """one {"any"} per (code, file) of the rows; the file line of every file with rows; every `compile` row; the `✖ N problems` line"""
    out, pairs = exits(lines), []
    cur = None
    for ln in lines:
        m = STY_ROW.match(ln)
        if m:
            if cur is not None and cur not in out:
                out.append(cur)
            if m.group(1) == "compile":
                out.append(ln)
            else:
                pairs.append(((m.group(1), cur), ln))
        elif ln.strip().startswith("✖"):
            out.append(ln)
        elif ln.strip() and not ln.startswith(" "):
            cur = ln
    return out + groups(pairs)


@kind("staticcheck-json", "lint")
def n_staticcheck_json(lines):
    """one {"any"} per (code, location.file) of the JSON lines; every line whose code is `compile` (first 200 characters)"""
    out, pairs = exits(lines), []
    for ln in lines:
        try:
            ev = json.loads(ln)
        except ValueError:
            continue
        if not isinstance(ev, dict):
            continue
        code = ev.get("code")
        f = (ev.get("location") or {}).get("file")
        if code == "compile":
            out.append(ln)
        else:
            pairs.append(((code, f), ln))
    return out + groups(pairs)


UNUSED = re.compile(r"^(\S+?\.go):\d+:\d+: (\w+) .* is unused \(U1000\)\s*$")


@kind("staticcheck-unused", "lint")
def n_unused(lines):
    """one {"any"} per (object kind, file); every line without the `(U1000)` code is a needle of its own"""
    out, pairs = exits(lines), []
    for ln in lines:
        m = UNUSED.match(ln)
        if m:
            pairs.append(((m.group(2), m.group(1)), ln))
        elif ln.strip():
            out.append(ln)
    return out + groups(pairs)


def _gotestsum(lines, fmt: str) -> list:
    out = exits(lines)
    i = 0
    in_errors = False
    while i < len(lines):
        ln = lines[i]
        if ln.startswith("=== "):
            in_errors = ln.startswith("=== Errors")
        if ln.startswith("DONE"):
            in_errors = False
            out.append(ln)
        elif ln.startswith("=== FAIL:"):
            out.append(ln)
            for k in range(i + 1, len(lines)):
                nxt = lines[k]
                if nxt.startswith(("=== ", "DONE")):
                    break
                if re.search(r"_test\.go:\d+:", nxt) or nxt.startswith("panic:"):
                    out.append(nxt)
                    break
        elif in_errors and ln.strip() and not ln.startswith("=== Errors"):
            out.append(ln)
        if fmt == "pkgname" and ln.startswith("✖"):
            out.append(ln)
        elif fmt == "testname" and ln.startswith("FAIL "):
            out.append(ln)
        elif fmt == "dots" and "✖" in ln:
            out.append(ln)
        i += 1
    return out


@kind("gotestsum-pkgname", "test")
def n_gts_pkg(lines):
    """`=== FAIL:` lines + first `_test.go:N:`/`panic:` line after each; the `=== Errors` lines; `DONE`; lines starting `✖`"""
    return _gotestsum(lines, "pkgname")


@kind("gotestsum-testname", "test")
def n_gts_test(lines):
    """`=== FAIL:` lines + first `_test.go:N:`/`panic:` line after each; the `=== Errors` lines; `DONE`; lines starting `FAIL `"""
    return _gotestsum(lines, "testname")


@kind("gotestsum-dots", "test")
def n_gts_dots(lines):
    """`=== FAIL:` lines + first `_test.go:N:`/`panic:` line after each; the `=== Errors` lines; `DONE`; lines holding `✖`"""
    return _gotestsum(lines, "dots")


def _attr(ln: str, name: str) -> str | None:
    m = re.search(r'\b' + name + r'="([^"]*)"', ln)
    return m.group(1) if m else None


@kind("gotestsum-junit-xml", "test")
def n_junit(lines):
    """`<testsuites` line; `<testsuite ` lines with failures/errors not 0; `<testcase ` lines holding or followed within 2 lines by `<failure`/`<error`; each `<failure`/`<error` line"""
    out = exits(lines)
    for i, ln in enumerate(lines):
        s = ln.strip()
        if s.startswith("<testsuites"):
            out.append(ln)
        elif s.startswith("<testsuite "):
            if (_attr(s, "failures") or "0") != "0" or (_attr(s, "errors") or "0") != "0":
                out.append(ln)
        elif s.startswith("<testcase "):
            if any(("<failure" in x or "<error" in x) for x in lines[i:i + 3]):
                out.append(ln)
        if "<failure" in ln or "<error" in ln:
            out.append(ln)
    return out


DUR = re.compile(r"^(\S+) (\S+) (\d+(?:\.\d+)?)(ns|µs|us|ms|s|m)\s*$")
_UNIT = {"ns": 1e-9, "µs": 1e-6, "us": 1e-6, "ms": 1e-3, "s": 1.0, "m": 60.0}


def _dur(s: str) -> float | None:
    """A Go duration string (1m2.5s, 120ms, 1.2s) in seconds."""
    tot, pos = 0.0, 0
    for m in re.finditer(r"(\d+(?:\.\d+)?)(ns|µs|us|ms|s|m|h)", s):
        if m.start() != pos:
            return None
        tot += float(m.group(1)) * (_UNIT.get(m.group(2)) or 3600.0)
        pos = m.end()
    return tot if pos == len(s) and pos else None


@kind("gotestsum-slowest", "table")
def n_slowest(lines):
    """the rows holding the three largest durations and the row holding the smallest ({"any"} on ties)"""
    out = exits(lines)
    rows = []
    for ln in lines:
        parts = ln.split()
        if len(parts) == 3 and (d := _dur(parts[2])) is not None:
            rows.append((ln, d))
    if rows:
        vals = sorted({d for _, d in rows}, reverse=True)
        for v in vals[:3]:
            out.append(any_of([ln for ln, d in rows if d == v]))
        lo = vals[-1]
        out.append(any_of([ln for ln, d in rows if d == lo]))
    return out


def _ginkgo(lines):
    out = exits(lines)
    i = 0
    summarizing = False
    while i < len(lines):
        ln = lines[i]
        s = ln.strip()
        if s.startswith(("• Failure", "• Panic")):
            out.append(ln)
            blank = False
            got = 0
            for k in range(i + 1, len(lines)):
                nxt = lines[k]
                if nxt.startswith("------"):
                    break
                if not nxt.strip():
                    blank = True
                    continue
                if blank:
                    out.append(nxt)
                    got += 1
                    if got == 2:
                        break
        if s.startswith("Summarizing"):
            summarizing = True
        if summarizing and s.startswith(("[Fail]", "[Panic!]")):
            out.append(ln)
            if i + 1 < len(lines) and lines[i + 1].strip():
                out.append(lines[i + 1])
        if s.startswith(("Ran ", "FAIL!", "SUCCESS!", "--- FAIL:", "Ginkgo ran", "Test Suite", "Failed to compile")):
            out.append(ln)
        if LOC.match(s):
            out.append(ln)
        i += 1
    return out


@kind("ginkgo", "test")
def n_ginkgo(lines):
    """`• Failure`/`• Panic` lines + first two non-blank lines after each block's first blank; `[Fail]`/`[Panic!]` summary lines + location; `Ran`, `FAIL!`, `SUCCESS!`, `--- FAIL:`, `Ginkgo ran`, `Test Suite`, `Failed to compile`, `file.go:L:C:` lines"""
    return _ginkgo(lines)


@kind("ginkgo-v", "test")
def n_ginkgo_v(lines):
    """`• Failure`/`• Panic` lines + first two non-blank lines after each block's first blank; `[Fail]`/`[Panic!]` summary lines + location; `Ran`, `FAIL!`, `SUCCESS!`, `--- FAIL:`, `Ginkgo ran`, `Test Suite`, `Failed to compile`, `file.go:L:C:` lines"""
    return _ginkgo(lines)


FA_SIZE = re.compile(r"struct of size (\d+) could be (\d+)")
FA_PTR = re.compile(r"struct with (\d+) pointer bytes could be (\d+)")


@kind("golang-fieldalignment", "lint")
def n_fieldalign(lines):
    """one {"any"} per (message shape, file); the line(s) with the largest A - B; every line not of the two shapes"""
    out, pairs, saves = exits(lines), [], []
    for ln in lines:
        m = LOC.match(ln)
        fm = m and (FA_SIZE.search(m.group(4)) or FA_PTR.search(m.group(4)))
        if fm:
            shape = "size" if fm.re is FA_SIZE else "ptr"
            pairs.append(((shape, m.group(1)), ln))
            saves.append((ln, int(fm.group(1)) - int(fm.group(2))))
        elif ln.strip() and not EXIT.match(ln) and not ln.startswith("EXIT="):
            out.append(ln)
    if saves:
        best = max(v for _, v in saves)
        out.append(any_of([ln for ln, v in saves if v == best]))
    return out + groups(pairs)


@kind("golang-x-analyzers", "lint")
def n_xanalyzers(lines):
    """one {"any"} per (message shape, file); every non-blank line not of the `file:L:C: message` shape"""
    out, pairs = exits(lines), []
    for ln in lines:
        m = LOC.match(ln)
        if m:
            pairs.append(((mask(m.group(4)), m.group(1)), ln))
        elif ln.strip() and not ln.startswith("EXIT="):
            out.append(ln)
    return out + groups(pairs)


@kind("gotype", "lint")
def n_gotype(lines):
    """every non-blank line"""
    return [ln for ln in lines if ln.strip() and not ln.startswith("EXIT=")] + exits(lines)


IMPORT_PM = re.compile(r'^[+-](\s*import\b|\s*(\w+\s+|\.\s+|_\s+)?"[^"]+"\s*$)')


@kind("goimports-d", "lint")
def n_goimports(lines):
    """`diff` headers, `@@` hunk headers, +/- import lines, `file:L:C:` lines; with -l every non-blank line"""
    out = exits(lines)
    if not any(ln.startswith(("diff ", "@@")) for ln in lines):
        return out + [ln for ln in lines if ln.strip() and not ln.startswith("EXIT=")]
    for ln in lines:
        if ln.startswith(("diff ", "@@")) or IMPORT_PM.match(ln) or LOC.match(ln):
            out.append(ln)
    return out


BC_ROW = re.compile(r"^(Benchmark\S*)\s+.*?\s([-+]?\d+(?:\.\d+)?)%\s*$")


@kind("benchcmp", "table")
def n_benchcmp(lines):
    """section header lines; rows with |delta| >= 10%; per section the largest and smallest delta rows"""
    out = exits(lines)
    sections: list[list[tuple[str, float]]] = []
    for ln in lines:
        if ln.startswith("benchmark") and "delta" in ln:
            out.append(ln)
            sections.append([])
        elif sections and (m := BC_ROW.match(ln)):
            v = float(m.group(2))
            sections[-1].append((ln, v))
            if abs(v) >= 10:
                out.append(ln)
    for rows in sections:
        if rows:
            hi = max(v for _, v in rows)
            lo = min(v for _, v in rows)
            out.append(any_of([ln for ln, v in rows if v == hi]))
            out.append(any_of([ln for ln, v in rows if v == lo]))
    return out


# ------------------------------------------------------------------ the depot module

GO_MOD = "module example.com/depot\n\ngo 1.19\n"

DEPOT = {
    "go.mod": GO_MOD,
    "inventory/stock.go": '''package inventory

import (
	"errors"
	"fmt"
	"io/ioutil"
	"sort"
	"strings"
	"sync"
)

// Item is one stock-keeping unit.
type Item struct {
	Active   bool
	SKU      string
	Reserved bool
	Qty      int64
	Fragile  bool
	Price    float64
	Hazmat   bool
	Tags     []string
}

// Bin holds items at one shelf position.
type Bin struct {
	open  bool
	mu    sync.Mutex
	Code  string
	full  bool
	items map[string]*Item
}

var ErrNotFound = errors.New("Item not found.")

func NewBin(code string) *Bin { return &Bin{Code: code, items: map[string]*Item{}} }

func (b *Bin) Put(it *Item) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if it == nil {
		fmt.Println("refusing nil item in bin", b.Code)
	}
	b.items[it.SKU] = it
}

func (b *Bin) Take(sku string, n int64) (int64, error) {
	b.mu.Lock()
	defer b.mu.Lock()
	it, ok := b.items[sku]
	if !ok {
		return 0, ErrNotFound
	}
	left := it.Qty - n
	left = it.Qty
	it.Qty = left
	return left, nil
}

func LoadSKUs(path string) ([]string, error) {
	data, err := ioutil.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, ln := range strings.Split(strings.TrimSpace(string(data)), "\\n") {
		out = append(out, strings.Title(ln))
	}
	sort.Strings(out)
	return out, nil
}

func (b *Bin) Count() int {
	n := 0
	for _ = range b.items {
		n++
	}
	return n
}

func (b *Bin) IsEmpty() bool {
	if b.Count() == 0 {
		return true
	}
	return false
}

func normalize(sku string) string {
	return strings.ToUpper(strings.TrimSpace(sku))
}

func (b *Bin) Has(sku string) bool {
	strings.ToUpper(sku)
	_, ok := b.items[sku]
	return ok == true
}

// TagCount counts the tags of every item, counting hazmat items twice.
func (b *Bin) TagCount() int {
	n := 0
	for _, it := range b.items {
		n += len(it.Tags)
		if it.Hazmat {
			n += len(it.Tags) + 1
		}
	}
	return n
}

func SameSKU(a, b string) bool {
	return strings.ToLower(a) == strings.ToLower(b)
}
''',
    "inventory/stock_test.go": '''package inventory

import (
	"os"
	"path/filepath"
	"testing"
)

func TestLoadSKUs(t *testing.T) {
	p := filepath.Join(t.TempDir(), "skus.txt")
	if err := os.WriteFile(p, []byte("bolt-m8\\nwasher-m8\\nnut-m8\\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := LoadSKUs(p)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 || got[0] != "bolt-m8" {
		t.Errorf("LoadSKUs = %q, want [bolt-m8 nut-m8 washer-m8]", got)
	}
}

func TestIsEmpty(t *testing.T) {
	b := NewBin("A-01")
	if !b.IsEmpty() {
		t.Error("new bin not empty")
	}
	b.Put(&Item{SKU: "x", Qty: 1})
	if b.IsEmpty() {
		t.Error("bin with one item is empty")
	}
}

func TestTagCount(t *testing.T) {
	b := NewBin("H-09")
	b.Put(&Item{SKU: "acid", Tags: []string{"corrosive", "liquid"}, Hazmat: true})
	b.Put(&Item{SKU: "rag", Tags: []string{"textile"}})
	if got, want := b.TagCount(), 5; got != want {
		t.Errorf("TagCount() = %d, want %d", got, want)
	}
}

func TestSameSKU(t *testing.T) {
	cases := []struct{ a, b string; want bool }{
		{"BOLT", "bolt", true}, {"bolt ", "bolt", true}, {"nut", "bolt", false},
	}
	for _, c := range cases {
		t.Run(c.a+"/"+c.b, func(t *testing.T) {
			if got := SameSKU(c.a, c.b); got != c.want {
				t.Errorf("SameSKU(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
			}
		})
	}
}
''',
    "billing/invoice.go": '''package billing

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"
)

type Line struct {
	Taxable  bool
	Amount   float64
	Discount bool
	Qty      int32
	SKU      string
	Void     bool
}

type Invoice struct {
	Paid     bool
	ID       string
	Lines    []Line
	Rush     bool
	Total    float64
	Currency string
	Due      time.Time
	Flag     byte
}

// Total sums the invoice's lines; a discount takes 10% off.
func Total(inv *Invoice) float64 {
	var t float64
	for _, l := range inv.Lines {
		if l.Void {
		}
		amt := l.Amount * float64(l.Qty)
		if l.Discount {
			amt = amt * 0.9
		}
		t += amt
	}
	return t
}

func Parse(data []byte) (Invoice, error) {
	var inv Invoice
	err := json.Unmarshal(data, inv)
	return inv, err
}

var store = map[string]*Invoice{}

func lookup(ctx context.Context, id string) (*Invoice, error) {
	select {
	case <-ctx.Done():
		return nil, ctx.Err()
	default:
	}
	if inv, ok := store[id]; ok {
		return inv, nil
	}
	return nil, fmt.Errorf("invoice %s: not found", id)
}

func Fetch(ctx context.Context, id string) (*Invoice, error) {
	ctx, _ = context.WithTimeout(ctx, time.Second)
	if id == "" {
		return nil, errors.New("empty id")
	}
	inv, err := lookup(ctx, id)
	if err != nil {
		return nil, err
	} else if err == nil {
		return inv, nil
	}
	return nil, nil
}

func charge(id string, amount float64) error {
	if amount > 10000 {
		return fmt.Errorf("charge %s: amount %.2f over limit", id, amount)
	}
	return nil
}

func Settle(inv *Invoice) error {
	if inv == nil {
		return fmt.Errorf("settle: nil invoice %s", inv.ID)
	}
	amount, err := strconv.ParseFloat(fmt.Sprint(inv.Total), 64)
	if err != nil {
		return err
	}
	if amount > 0 {
		err := charge(inv.ID, amount)
		if err != nil {
			return fmt.Errorf("settle %s: %w", inv.ID, err)
		}
	}
	inv.Paid = err == nil
	return err
}

func Due(inv *Invoice, now time.Time) time.Duration {
	return inv.Due.Sub(now)
}
''',
    "billing/invoice_test.go": '''package billing

import (
	"math"
	"testing"
	"time"
)

func TestTotal(t *testing.T) {
	cases := []struct {
		name  string
		lines []Line
		want  float64
	}{
		{"empty", nil, 0},
		{"two plain lines", []Line{{Amount: 2.5, Qty: 4}, {Amount: 1, Qty: 3}}, 13},
		{"discount", []Line{{Amount: 10, Qty: 1, Discount: true}}, 9},
		{"void line ignored", []Line{{Amount: 10, Qty: 1}, {Amount: 99, Qty: 2, Void: true}}, 10},
		{"all void", []Line{{Amount: 5, Qty: 5, Void: true}}, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := Total(&Invoice{Lines: c.lines})
			if math.Abs(got-c.want) > 1e-9 {
				t.Errorf("Total() = %v, want %v", got, c.want)
			}
		})
	}
}

func TestParse(t *testing.T) {
	inv, err := Parse([]byte(`{"ID": "INV-7", "Total": 12.5}`))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	if inv.ID != "INV-7" {
		t.Errorf("ID = %q", inv.ID)
	}
}

func TestSettle(t *testing.T) {
	inv := &Invoice{ID: "INV-9", Total: 250}
	if err := Settle(inv); err != nil {
		t.Fatal(err)
	}
	if !inv.Paid {
		t.Error("invoice not marked paid")
	}
	big := &Invoice{ID: "INV-10", Total: 25000}
	if err := Settle(big); err == nil {
		t.Error("Settle over the limit: want an error")
	}
}

func TestDue(t *testing.T) {
	now := time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)
	inv := &Invoice{Due: now.Add(72 * time.Hour)}
	if got := Due(inv, now); got != 3*24*time.Hour {
		t.Errorf("Due = %v", got)
	}
}
''',
    "shipping/route.go": '''package shipping

import "time"

type Leg struct {
	From, To string
	Km       float64
}

type Route struct {
	Legs []Leg
}

func (r Route) Km() float64 {
	var s float64
	for i := 0; i <= len(r.Legs); i++ {
		s += r.Legs[i].Km
	}
	return s
}

func (r Route) Last() Leg { return r.Legs[len(r.Legs)-1] }

// ETA assumes 60 km/h and a 15 minute stop per leg.
func (r Route) ETA() time.Duration {
	var d time.Duration
	for _, l := range r.Legs {
		d += time.Duration(l.Km/60*float64(time.Hour)) + 15*time.Minute
	}
	return d
}
''',
    "shipping/route_test.go": '''package shipping

import (
	"testing"
	"time"
)

var sample = Route{Legs: []Leg{{"DEP", "HUB", 120}, {"HUB", "STORE-4", 30}}}

func TestLast(t *testing.T) {
	time.Sleep(40 * time.Millisecond)
	if sample.Last().To != "STORE-4" {
		t.Errorf("Last() = %v", sample.Last())
	}
}

func TestETA(t *testing.T) {
	time.Sleep(120 * time.Millisecond)
	if got, want := sample.ETA(), 3*time.Hour; got != want {
		t.Errorf("ETA() = %v, want %v", got, want)
	}
}

func TestKm(t *testing.T) {
	time.Sleep(15 * time.Millisecond)
	if got := sample.Km(); got != 150 {
		t.Errorf("Km() = %v, want 150", got)
	}
}

func TestEmptyRoute(t *testing.T) {
	var r Route
	if r.ETA() != 0 {
		t.Error("empty route has an ETA")
	}
}
''',
    "ledger/ledger.go": '''package ledger

import (
	"fmt"
	"sort"
)

type Entry struct {
	Account string
	Cents   int64
}

type Book struct {
	entries []Entry
}

func (b *Book) Post(e Entry) {
	b.entries = append(b.entries, e)
	b.balance += e.Cents
}

func (b *Book) Balance(account string) int64 {
	var total int64 = "0"
	for _, e := range b.entries {
		if e.Account == account {
			total += e.Cents
		}
	}
	return total
}

func (b *Book) Accounts() []string {
	seen := map[string]bool{}
	for _, e := range b.entries {
		seen[e.Account] = true
	}
	out := make([]string, 0, len(seen))
	for a := range seen {
		out = append(out, a)
	}
	sort.Strings(out)
	return out, nil
}

func (b *Book) Report() string {
	return fmt.Sprintf("%d entries, %d accounts", len(b.entries), len(b.Accounts()), undefinedTotal)
}
''',
    "ledger/ledger_test.go": '''package ledger

import "testing"

func TestBalance(t *testing.T) {
	var b Book
	b.Post(Entry{"cash", 500})
	if b.Balance("cash") != 500 {
		t.Fail()
	}
}
''',
    "legacy/legacy.go": '''package legacy

import (
	"context"
	"encoding/json"
	"io"
	"time"
)

type Header struct {
	Gzip    bool
	Length  int64
	Chunked bool
	Name    string
	Retry   int8
	Sent    time.Time
	Closed  bool
}

type Frame struct {
	Last    bool
	Payload []byte
	Seq     uint16
	Meta    map[string]string
	Kind    byte
	Next    *Frame
}

func Label(n int) string {
	return "FRAME-" + string(n)
}

func Code(b byte, r rune) string {
	return string(r) + string(int32(b))
}

func Decode(raw []byte) Header {
	var h Header
	_ = json.Unmarshal(raw, h)
	return h
}

func Closer(r io.Reader) bool {
	_, ok := r.(interface{ Read() int })
	return ok
}

func Poll(ctx context.Context) error {
	ctx, cancel := context.WithCancel(ctx)
	if ctx.Err() != nil {
		return ctx.Err()
	}
	_ = cancel
	return nil
}

func Tail(f *Frame) *Frame {
	for f != nil {
		if f.Next == nil {
			break
		}
		f = f.Next
	}
	if f == nil {
		return f.Next
	}
	return f
}
''',
    "report/report.go": '''package report

import (
	"sort"
	"fmt"
	"os"
	"example.com/depot/inventory"
)

func Summary(b *inventory.Bin) string {
	return fmt.Sprintf("%s: %d items", strings.ToUpper(b.Code), b.Count())
}

func Codes(bins []*inventory.Bin) []string {
	var out []string
	for _, b := range bins {
		out = append(out, b.Code)
	}
	sort.Strings(out)
	return out
}

func Stamp() string {
	return time.Now().Format(time.RFC3339)
}
''',
    "bench/bench.go": '''package bench

import (
	"os"
	"sort"
	"strconv"
	"strings"
)

var slow = os.Getenv("DEPOT_SLOW") != ""

// Encode joins the numbers with commas.
func Encode(xs []int) string {
	if slow {
		s := ""
		for i, x := range xs {
			if i > 0 {
				s += ","
			}
			s += strconv.Itoa(x)
		}
		return s
	}
	var b strings.Builder
	for i, x := range xs {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(strconv.Itoa(x))
	}
	return b.String()
}

// TopK returns the k largest numbers.
func TopK(xs []int, k int) []int {
	c := append([]int(nil), xs...)
	if slow {
		for i := 0; i < len(c); i++ {
			for j := i + 1; j < len(c); j++ {
				if c[j] > c[i] {
					c[i], c[j] = c[j], c[i]
				}
			}
		}
	} else {
		sort.Sort(sort.Reverse(sort.IntSlice(c)))
	}
	if k > len(c) {
		k = len(c)
	}
	return c[:k]
}

// Dedup drops repeated strings, keeping the first.
func Dedup(xs []string) []string {
	seen := make(map[string]struct{}, len(xs))
	out := xs[:0:0]
	for _, x := range xs {
		if _, ok := seen[x]; ok {
			continue
		}
		seen[x] = struct{}{}
		out = append(out, x)
	}
	return out
}
''',
    "bench/bench_test.go": '''package bench

import (
	"fmt"
	"strconv"
	"testing"
)

func nums(n int) []int {
	xs := make([]int, n)
	for i := range xs {
		xs[i] = (i * 7919) % 1009
	}
	return xs
}

func BenchmarkEncode(b *testing.B) {
	for _, n := range []int{10, 100, 1000} {
		xs := nums(n)
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				_ = Encode(xs)
			}
		})
	}
}

func BenchmarkTopK(b *testing.B) {
	for _, n := range []int{16, 128, 512} {
		xs := nums(n)
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				_ = TopK(xs, 5)
			}
		})
	}
}

func BenchmarkDedup(b *testing.B) {
	for _, n := range []int{50, 500, 5000} {
		xs := make([]string, n)
		for i := range xs {
			xs[i] = "sku-" + strconv.Itoa(i%97)
		}
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				_ = Dedup(xs)
			}
		})
	}
}
''',
}

# ------------------------------------------------------------------ generated zones

# (name, imports, body with {i}); each template puts one or more faults in
TEMPLATES = [
    ("dead", [], '''func Dead{i}(a []int) int {
	s := 0
	s = len(a)
	for _, v := range a {
		s += v
	}
	return s
}
'''),
    ("flag", [], '''func Flag{i}(b bool) bool {
	if b == true {
		return true
	}
	return false
}
'''),
    ("count", [], '''func Count{i}(m map[string]int) int {
	n := 0
	for _ = range m {
		n++
	}
	return n
}
'''),
    ("read", ["io/ioutil"], '''func Read{i}(p string) ([]byte, error) {
	return ioutil.ReadFile(p)
}
'''),
    ("title", ["strings"], '''func Title{i}(s string) string {
	strings.TrimSpace(s)
	return strings.Title(s)
}
'''),
    ("helper", [], '''func helper{i}(x int) int {
	return x * {i}
}
'''),
    ("pallet", ["fmt"], '''type Pallet{i} struct {
	Sealed  bool
	Weight  float64
	Stacked bool
	Label   string
	Tier    int8
	Count   int64
	Next    *Pallet{i}
}

func Name{i}(p *Pallet{i}) string {
	if p == nil {
		fmt.Println("nil pallet")
	}
	return p.Label
}

func Weight{i}(p *Pallet{i}) float64 {
	if p != nil {
		return p.Weight
	}
	return p.Weight * 2
}
'''),
    ("save", ["os"], '''func Save{i}(path string, data []byte) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if len(data) > 0 {
		_, err := f.Write(data)
		if err != nil {
			return err
		}
	}
	err = f.Close()
	return err
}
'''),
    ("wait", ["context", "time"], '''func Wait{i}(ctx context.Context) error {
	ctx, _ = context.WithTimeout(ctx, {i}*time.Millisecond)
	<-ctx.Done()
	return ctx.Err()
}
'''),
    ("full", ["errors"], '''var errFull{i} = errors.New("Zone {i} is full.")

func Check{i}(n int) error {
	if n > {i}*10 {
		return errFull{i}
	}
	return nil
}
'''),
    ("copy", [], '''func Copy{i}(src []string) []string {
	var dst []string
	for i := range src {
		dst = append(dst, src[i])
	}
	return dst
}
'''),
    ("same", ["strings"], '''func Same{i}(a, b string) bool {
	return strings.ToLower(a) == strings.ToLower(b)
}
'''),
    ("sprintf", ["fmt"], '''func Zone{i}() string {
	return fmt.Sprintf("zone-{i}")
}
'''),
    ("slot", [], '''type slot{i} struct {
	used  bool
	id    int64
	dirty bool
	name  string
	pin   bool
}

func newSlot{i}() *slot{i} { return &slot{i}{} }
'''),
]


def zone_files(n: int, seed: int) -> dict[str, str]:
    """n generated packages gen/zoneNN, each a seeded choice of the fault templates, with tests (some failing,
    some slow, one panicking)."""
    rnd = random.Random(seed)
    files = {}
    panic_zone = rnd.randrange(n) if n > 2 else -1
    for z in range(n):
        pkg = f"zone{z + 1:02d}"
        chosen = rnd.sample(TEMPLATES, rnd.randint(6, len(TEMPLATES)))
        names = [c[0] for c in chosen]
        for half, part in enumerate((chosen[: len(chosen) // 2], chosen[len(chosen) // 2:])):
            imps = sorted({i for c in part for i in c[1]})
            head = f"package {pkg}\n\n"
            if imps:
                head += "import (\n" + "".join(f'\t"{i}"\n' for i in imps) + ")\n\n"
            body = "\n".join(c[2].replace("{i}", str(z * 2 + half + 1)) for c in part)
            files[f"gen/{pkg}/{'ab'[half]}.go"] = head + body
        idx = {c[0]: (z * 2 + (1 if k < len(chosen) // 2 else 2)) for k, c in enumerate(chosen)}
        tests = []
        if "dead" in names:
            i = idx["dead"]
            tests.append(f'''func TestDead{i}(t *testing.T) {{
	time.Sleep({rnd.choice([2, 5, 30, 60])} * time.Millisecond)
	if got := Dead{i}([]int{{1, 2}}); got != 3 {{
		t.Errorf("Dead{i}([1 2]) = %d, want 3", got)
	}}
}}
''')
        if "flag" in names:
            i = idx["flag"]
            tests.append(f'''func TestFlag{i}(t *testing.T) {{
	for _, b := range []bool{{true, false}} {{
		if Flag{i}(b) != b {{
			t.Errorf("Flag{i}(%v) != %v", b, b)
		}}
	}}
}}
''')
        if "copy" in names:
            i = idx["copy"]
            on_nil = (f't.Errorf("Copy{i}(empty) = nil, want an empty slice")' if rnd.random() < 0.5 else "return")
            tests.append(f'''func TestCopy{i}(t *testing.T) {{
	for _, n := range []int{{0, 1, 3, 8}} {{
		t.Run(fmt.Sprintf("len=%d", n), func(t *testing.T) {{
			src := make([]string, n)
			got := Copy{i}(src)
			if n == 0 && got == nil {{
				{on_nil}
			}}
			if len(got) != n {{
				t.Fatalf("len = %d, want %d", len(got), n)
			}}
		}})
	}}
}}
''')
        if "full" in names:
            i = idx["full"]
            lim = i * 10 + rnd.choice([0, 5])
            tests.append(f'''func TestCheck{i}(t *testing.T) {{
	time.Sleep({rnd.choice([1, 3, 25, 80])} * time.Millisecond)
	if err := Check{i}({lim}); err != nil {{
		t.Errorf("Check{i}({lim}) = %v, want nil", err)
	}}
}}
''')
        if "same" in names:
            i = idx["same"]
            tests.append(f'''func TestSame{i}(t *testing.T) {{
	cases := [][2]string{{{{"A", "a"}}, {{"Bolt", "bOLT"}}, {{"x ", "x"}}}}
	for _, c := range cases {{
		t.Run(c[0]+"_"+c[1], func(t *testing.T) {{
			if !Same{i}(c[0], c[1]) {{
				t.Errorf("Same{i}(%q, %q) = false", c[0], c[1])
			}}
		}})
	}}
}}
''')
        if z == panic_zone and "pallet" in names:
            i = idx["pallet"]
            tests.append(f'''func TestName{i}(t *testing.T) {{
	var p *Pallet{i}
	if Name{i}(p) != "" {{
		t.Error("nil pallet has a name")
	}}
}}
''')
        tests.append(f'''func TestZone{z + 1:02d}Ready(t *testing.T) {{
	time.Sleep({rnd.choice([1, 4, 10, 45])} * time.Millisecond)
}}
''')
        need_fmt = any("fmt." in t for t in tests)
        imps = ['"testing"', '"time"'] + (['"fmt"'] if need_fmt else [])
        files[f"gen/{pkg}/zone_test.go"] = (f"package {pkg}\n\nimport (\n" + "".join(f"\t{x}\n" for x in sorted(imps))
                                            + ")\n\n" + "\n".join(tests))
    return files


def untidy(files: dict[str, str], seed: int) -> dict[str, str]:
    """Copies of generated files with their import blocks shuffled, one import dropped and a stray one added (for
    goimports; kept outside the module)."""
    rnd = random.Random(seed)
    out = {}
    for path, body in files.items():
        if path.endswith("_test.go") or "import (" not in body:
            continue
        head, rest = body.split("import (\n", 1)
        block, tail = rest.split(")\n", 1)
        imps = [ln for ln in block.splitlines() if ln.strip()]
        rnd.shuffle(imps)
        if len(imps) > 1 and rnd.random() < 0.5:
            imps.pop(rnd.randrange(len(imps)))
        if rnd.random() < 0.4:
            imps.insert(rnd.randrange(len(imps) + 1), rnd.choice(['\t"bytes"', '\t"sync"', '\t"net/http"']))
        out[path.replace("gen/", "")] = head + "import (\n" + "\n".join(imps) + "\n)\n" + tail
    return out


# ------------------------------------------------------------------ Ginkgo suites (GOPATH mode)

def ginkgo_tree(n_bundles: int, seed: int) -> dict[str, str]:
    rnd = random.Random(seed)
    bad = set(rnd.sample(range(n_bundles), max(2, n_bundles // 9)))
    files = {
        "cart/cart.go": '''package cart

import "errors"

type Item struct {
	SKU   string
	Cents int
	Qty   int
}

type Cart struct {
	items []Item
	coupon string
}

var ErrEmptySKU = errors.New("empty sku")

func (c *Cart) Add(it Item) error {
	if it.SKU == "" {
		return ErrEmptySKU
	}
	for i := range c.items {
		if c.items[i].SKU == it.SKU {
			c.items[i].Qty += it.Qty
			return nil
		}
	}
	c.items = append(c.items, it)
	return nil
}

func (c *Cart) Apply(coupon string) { c.coupon = coupon }

func (c *Cart) Total() int {
	t := 0
	for _, it := range c.items {
		t += it.Cents * it.Qty
	}
	if c.coupon == "TENOFF" {
		t -= t / 10
	}
	if c.coupon == "FREESHIP" {
		t -= 499
	}
	return t
}

func (c *Cart) Lines() int { return len(c.items) }

func (c *Cart) First() Item { return c.items[0] }

// Bundle prices n units: every third unit is free.
func Bundle(n, cents int) int {
	return (n - n/3) * cents
}
''',
        "cart/cart_suite_test.go": '''package cart_test

import (
	"testing"

	. "github.com/onsi/ginkgo"
	. "github.com/onsi/gomega"
)

func TestCart(t *testing.T) {
	RegisterFailHandler(Fail)
	RunSpecs(t, "Cart Suite")
}
''',
    }
    its = []
    for k in range(n_bundles):
        want = (k - k // 3) * 250 + (1 if k in bad else 0)
        its.append(f'''		It("prices a bundle of {k} units", func() {{
			Expect(cart.Bundle({k}, 250)).To(Equal({want}))
		}})
''')
    files["cart/cart_test.go"] = '''package cart_test

import (
	. "github.com/onsi/ginkgo"
	. "github.com/onsi/gomega"

	"example.com/shop/cart"
)

var _ = Describe("Cart", func() {
	var c *cart.Cart

	BeforeEach(func() {
		c = &cart.Cart{}
		Expect(c.Add(cart.Item{SKU: "bolt", Cents: 120, Qty: 5})).To(Succeed())
	})

	Describe("adding items", func() {
		It("merges the same SKU", func() {
			Expect(c.Add(cart.Item{SKU: "bolt", Cents: 120, Qty: 2})).To(Succeed())
			Expect(c.Lines()).To(Equal(1))
		})
		It("rejects an empty SKU", func() {
			Expect(c.Add(cart.Item{Cents: 1, Qty: 1})).To(MatchError(cart.ErrEmptySKU))
		})
		It("keeps the first item first", func() {
			Expect(c.First().SKU).To(Equal("bolt"))
		})
	})

	Context("with coupons", func() {
		It("takes ten percent off with TENOFF", func() {
			c.Apply("TENOFF")
			Expect(c.Total()).To(Equal(540))
		})
		It("never goes below zero with FREESHIP", func() {
			c = &cart.Cart{}
			Expect(c.Add(cart.Item{SKU: "pin", Cents: 10, Qty: 1})).To(Succeed())
			c.Apply("FREESHIP")
			Expect(c.Total()).To(BeNumerically(">=", 0))
		})
		It("ignores unknown coupons", func() {
			c.Apply("BOGUS")
			Expect(c.Total()).To(Equal(600))
		})
	})

	Context("an empty cart", func() {
		It("has no first item", func() {
			empty := &cart.Cart{}
			Expect(empty.First().SKU).To(BeEmpty())
		})
		It("totals zero", func() {
			Expect((&cart.Cart{}).Total()).To(BeZero())
		})
	})

	Describe("bundles", func() {
''' + "".join(its) + '''	})
})
'''
    files["catalog/catalog.go"] = '''package catalog

import (
	"fmt"
	"strings"
)

type Product struct {
	SKU   string
	Name  string
	Cents int
	Tags  []string
}

type Catalog struct {
	bySKU map[string]Product
}

func New(ps ...Product) *Catalog {
	c := &Catalog{bySKU: map[string]Product{}}
	for _, p := range ps {
		c.bySKU[strings.ToLower(p.SKU)] = p
	}
	return c
}

func (c *Catalog) Get(sku string) (Product, error) {
	p, ok := c.bySKU[sku]
	if !ok {
		return Product{}, fmt.Errorf("sku %q not in catalog", sku)
	}
	return p, nil
}

func (c *Catalog) Tagged(tag string) []string {
	var out []string
	for sku, p := range c.bySKU {
		for _, t := range p.Tags {
			if t == tag {
				out = append(out, sku)
			}
		}
	}
	return out
}
'''
    files["catalog/catalog_suite_test.go"] = files["cart/cart_suite_test.go"].replace("cart_test", "catalog_test") \
        .replace("TestCart", "TestCatalog").replace("Cart Suite", "Catalog Suite")
    files["catalog/catalog_test.go"] = '''package catalog_test

import (
	. "github.com/onsi/ginkgo"
	. "github.com/onsi/gomega"

	"example.com/shop/catalog"
)

var _ = Describe("Catalog", func() {
	var c *catalog.Catalog

	BeforeEach(func() {
		c = catalog.New(
			catalog.Product{SKU: "BOLT-M8", Name: "Bolt M8", Cents: 12, Tags: []string{"metal", "m8"}},
			catalog.Product{SKU: "nut-m8", Name: "Nut M8", Cents: 4, Tags: []string{"metal", "m8"}},
			catalog.Product{SKU: "glue", Name: "Glue", Cents: 399},
		)
	})

	It("finds a product by its lower-case SKU", func() {
		p, err := c.Get("nut-m8")
		Expect(err).NotTo(HaveOccurred())
		Expect(p.Cents).To(Equal(4))
	})

	It("finds a product by the SKU as written", func() {
		p, err := c.Get("BOLT-M8")
		Expect(err).NotTo(HaveOccurred())
		Expect(p.Name).To(Equal("Bolt M8"))
	})

	It("lists tagged products in order", func() {
		Expect(c.Tagged("m8")).To(Equal([]string{"bolt-m8", "nut-m8"}))
	})

	Context("without a catalog", func() {
		var none *catalog.Catalog
		It("reports missing SKUs", func() {
			_, err := none.Get("glue")
			Expect(err).To(HaveOccurred())
		})
	})

	Describe("prices", func() {
		DescribeTable := func(sku string, cents int) {
			It("prices "+sku, func() {
				p, err := c.Get(sku)
				Expect(err).NotTo(HaveOccurred())
				Expect(p.Cents).To(Equal(cents))
			})
		}
		DescribeTable("glue", 399)
		DescribeTable("nut-m8", 4)
		DescribeTable("bolt-m8", 12)
		DescribeTable("washer-m8", 2)
	})
})
'''
    files["checkout/checkout.go"] = '''package checkout

import "fmt"

type Order struct {
	ID    string
	Cents int
	Paid  bool
}

func Pay(o *Order, balance int) (int, error) {
	if o.Cents > balance {
		return balance, fmt.Errorf("order %s: insufficient funds (%d > %d)", o.ID, o.Cents, balance)
	}
	o.Paid = true
	return balance - o.Cents, nil
}

func Receipt(o Order) string {
	return fmt.Sprintf("%s %d.%02d", o.ID, o.Cents/100, o.Cents%100, o.Paid)
}
'''
    files["checkout/checkout_suite_test.go"] = files["cart/cart_suite_test.go"].replace("cart_test", "checkout_test") \
        .replace("TestCart", "TestCheckout").replace("Cart Suite", "Checkout Suite")
    files["checkout/checkout_test.go"] = '''package checkout_test

import (
	. "github.com/onsi/ginkgo"
	. "github.com/onsi/gomega"

	"example.com/shop/checkout"
)

var _ = Describe("Checkout", func() {
	It("pays an order", func() {
		o := &checkout.Order{ID: "A1", Cents: 500}
		left, err := checkout.Pay(o, 800)
		Expect(err).NotTo(HaveOccurred())
		Expect(left).To(Equal(300))
	})
	It("prints a receipt", func() {
		Expect(checkout.Receipt(checkout.Order{ID: "A1", Cents: 1250})).To(Equal("A1 12.50"))
	})
})
'''
    return files


# ------------------------------------------------------------------ steps

def genv(tmp: Path) -> dict:
    return {"GOPATH": str(tmp / "gopath"), "GOCACHE": str(tmp / "gocache"), "GOFLAGS": "-mod=mod",
            "GO111MODULE": "on", "GOPROXY": "off", "GOTOOLCHAIN": "local", "CGO_ENABLED": "0"}


def module(tmp: Path, name: str, zones: int, seed: int) -> Path:
    root = tmp / name
    files = dict(DEPOT)
    if zones:
        files.update(zone_files(zones, seed))
    cm.write_tree(root, files)
    return root


def modules(tmp: Path) -> tuple[Path, Path, Path]:
    """The three modules (depot alone; yard: depot and 9 zones; warehouse: depot and 26 zones), written once."""
    if not (tmp / "depot").is_dir():
        module(tmp, "depot", 0, 0)
        module(tmp, "warehouse", 26, 309)
        module(tmp, "yard", 9, 3090)
    return tmp / "depot", tmp / "warehouse", tmp / "yard"


def staticcheck(tmp: Path) -> None:
    e = genv(tmp)
    small, big, mid = modules(tmp)
    cap("staticcheck-depot", "go-staticcheck ./...; echo EXIT=$?", small, n_staticcheck, env=e)
    cap("staticcheck-warehouse-all", "go-staticcheck -checks all ./... 2>&1 | head -n 400; echo EXIT=$?", big,
        n_staticcheck, env=e)
    cap("staticcheck-yard-gen", "go-staticcheck ./gen/...", mid, n_staticcheck, env=e)
    cap("staticcheck-depot-pkgs", "go-staticcheck -checks 'all,-ST1000' ./inventory ./billing ./legacy; echo EXIT=$?",
        small, n_staticcheck, env=e)
    cap("stylish-depot", "go-staticcheck -f stylish ./...", small, n_staticcheck_stylish, env=e)
    cap("stylish-warehouse", "go-staticcheck -f stylish ./... 2>&1; echo EXIT=$?", big, n_staticcheck_stylish, env=e)
    cap("stylish-yard-all", "go-staticcheck -f stylish -checks all ./gen/... ./billing", mid, n_staticcheck_stylish,
        env=e)
    cap("json-depot", "go-staticcheck -f json ./...; echo EXIT=$?", small, n_staticcheck_json, env=e)
    cap("json-yard", "go-staticcheck -f json ./gen/... 2>&1", mid, n_staticcheck_json, env=e)
    cap("json-warehouse-head", "go-staticcheck -f json -checks all ./... | head -n 250", big, n_staticcheck_json,
        env=e)
    # Debian's `unused` (go-staticcheck 2023.1) reports only the two unused fields here, under 400 characters, and
    # prints its debug graph to stderr: no staticcheck-unused item is kept (NEEDLES.md, round 309's notes)


def analyzers(tmp: Path) -> None:
    e = genv(tmp)
    small, big, mid = modules(tmp)
    cap("fieldalignment-depot", "golang-fieldalignment ./...; echo EXIT=$?", small, n_fieldalign, env=e)
    cap("fieldalignment-warehouse", "golang-fieldalignment ./... 2>&1", big, n_fieldalign, env=e)
    cap("fieldalignment-yard-gen", "golang-fieldalignment ./gen/...; echo EXIT=$?", mid, n_fieldalign, env=e)
    cap("nilness-warehouse", "golang-nilness ./...; echo EXIT=$?", big, n_xanalyzers, env=e)
    cap("shadow-yard", "golang-shadow ./... 2>&1", mid, n_xanalyzers, env=e)
    cap("lostcancel-warehouse-gen", "golang-lostcancel ./gen/...; echo EXIT=$?", big, n_xanalyzers, env=e)
    cap("analyzers-depot-chain", "for a in nilness shadow lostcancel unmarshal ifaceassert stringintconv; do "
        "golang-$a ./...; done; echo EXIT=$?", small, n_xanalyzers, env=e)
    eg = dict(e, GOROOT="/usr/lib/go-1.19")
    cap("gotype-ledger", "gotype -e ledger; echo EXIT=$?", small, n_gotype, env=eg)
    cap("gotype-dirs-t", "for d in report ledger legacy billing inventory; do gotype -t -e $d; done; echo EXIT=$?",
        small, n_gotype, env=eg)
    # GOROOT unset on purpose: Debian's gotype then finds no standard library (a misconfiguration agents meet)
    cap("gotype-billing-noroot", "gotype -t -e -c=source billing; gotype -e legacy; echo EXIT=$?", small, n_gotype,
        env=e)


def goimports(tmp: Path) -> None:
    e = genv(tmp)
    small = modules(tmp)[0]
    u1 = tmp / "untidy-a"
    cm.write_tree(u1, untidy(zone_files(14, 77), 5))
    u2 = tmp / "untidy-b"
    cm.write_tree(u2, untidy(zone_files(30, 78), 6))
    cap("goimports-d-report", "goimports -d report ledger legacy inventory billing ../untidy-a/zone0*; echo EXIT=$?", small, n_goimports, env=e)
    cap("goimports-d-untidy", "goimports -d .", u1, n_goimports, env=e)
    cap("goimports-d-untidy-big", "goimports -d . 2>&1 | head -n 900", u2, n_goimports, env=e)
    cap("goimports-l-untidy", "goimports -l . ; echo EXIT=$?", u2, n_goimports, env=e)
    eg = dict(e, GOROOT="/usr/lib/go-1.19")
    cap("gotype-untidy-zones", "for d in zone0* zone1*; do gotype -e $d; done 2>&1 | head -n 120", u2, n_gotype, env=eg)


def gotestsum(tmp: Path) -> None:
    e = genv(tmp)
    small, big, mid = modules(tmp)
    cap("gts-pkgname-depot", "gotestsum --format pkgname -- ./...; echo EXIT=$?", small, n_gts_pkg, env=e)
    cap("gts-pkgname-warehouse", "gotestsum --format pkgname --jsonfile /dev/null -- -count=1 ./...; echo EXIT=$?",
        big, n_gts_pkg, env=e, timeout=900)
    cap("gts-pkgname-billing", "gotestsum --format pkgname -- -count=1 ./billing/... ./inventory/...", small,
        n_gts_pkg, env=e)
    cap("gts-testname-depot", "gotestsum --format testname -- -count=1 ./...; echo EXIT=$?", small, n_gts_test, env=e)
    cap("gts-testname-yard", "gotestsum --format testname --junitfile junit.xml --jsonfile run.json -- -count=1 ./...",
        mid, n_gts_test, env=e, timeout=900)
    cap("gts-dots-warehouse", "gotestsum --format dots --junitfile junit.xml --jsonfile run.json -- -count=1 ./...; "
        "echo EXIT=$?", big, n_gts_dots, env=e, timeout=900)
    cap("gts-dots-yard-gen", "gotestsum --format dots -- -count=1 ./gen/...", mid, n_gts_dots, env=e, timeout=900)
    cap("junit-yard", "cat junit.xml", mid, n_junit, env=e)
    cap("junit-warehouse", "cat junit.xml", big, n_junit, env=e)
    cm.run("gotestsum --format pkgname --junitfile junit.xml -- -count=1 ./billing ./inventory ./shipping",
           cwd=small, env=e)
    cap("junit-depot", "cat junit.xml", small, n_junit, env=e)
    cap("slowest-warehouse", "gotestsum tool slowest --jsonfile run.json --threshold 20ms", big, n_slowest, env=e)
    cap("slowest-yard", "gotestsum tool slowest --jsonfile run.json --threshold 1ms", mid, n_slowest, env=e)


def benchcmp(tmp: Path) -> None:
    e = genv(tmp)
    small = modules(tmp)[0]
    base = "go test -run '^$' -bench . -benchmem -benchtime 300x -count 1 ./bench/"
    cm.run(f"{base} > old.txt", cwd=small, env=e, timeout=300)
    cm.run(f"DEPOT_SLOW=1 {base} > new.txt", cwd=small, env=e, timeout=300)
    cap("benchcmp-depot", "benchcmp old.txt new.txt", small, n_benchcmp, env=e)
    cap("benchcmp-depot-changed", "benchcmp -changed -mag new.txt old.txt; echo EXIT=$?", small, n_benchcmp, env=e)


def ginkgo(tmp: Path) -> None:
    gp = tmp / "gk"
    cm.write_tree(gp / "src" / "example.com" / "shop", ginkgo_tree(40, 9))
    gp2 = tmp / "gk2"
    cm.write_tree(gp2 / "src" / "example.com" / "shop", ginkgo_tree(260, 19))
    e = {"GOPATH": f"{gp}:/usr/share/gocode", "GO111MODULE": "off", "GOFLAGS": "", "GOCACHE": str(tmp / "gocache"),
         "ACK_GINKGO_RC": "true", "ACK_GINKGO_DEPRECATIONS": "1.16.5", "CGO_ENABLED": "0"}
    e2 = dict(e, GOPATH=f"{gp2}:/usr/share/gocode")
    shop = gp / "src" / "example.com" / "shop"
    shop2 = gp2 / "src" / "example.com" / "shop"
    cap("ginkgo-r-shop", "ginkgo -r -noColor; echo EXIT=$?", shop, n_ginkgo, env=e, timeout=900)
    cap("ginkgo-cart", "ginkgo -noColor ./cart", shop, n_ginkgo, env=e, timeout=600)
    cap("ginkgo-r-shop-big", "ginkgo -r -noColor -keepGoing; echo EXIT=$?", shop2, n_ginkgo, env=e2, timeout=900)
    cap("ginkgo-v-catalog", "ginkgo -v -noColor ./catalog; echo EXIT=$?", shop, n_ginkgo_v, env=e, timeout=600)
    cap("ginkgo-v-cart-big", "ginkgo -v -noColor -seed 7 ./cart 2>&1 | tail -n 1200", shop2, n_ginkgo_v, env=e2,
        timeout=600)


STEPS = [staticcheck, analyzers, goimports, gotestsum, benchcmp, ginkgo]
