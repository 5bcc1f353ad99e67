"""Round 19's Go ledger module as first written (money, parsing, a store with their tests, a command): the table-test
and panic bugs are in it. Used by capture_wide19_go.py."""

from __future__ import annotations

GO_MONEY = """package money

import (
    "fmt"
    "math"
    "strings"
)

// Cents is an amount in the smallest unit of a currency.
type Cents int64

// Split divides an amount into n parts whose sum is the amount; the first parts take the remainder.
func Split(total Cents, n int) []Cents {
    parts := make([]Cents, n)
    base := total / Cents(n)
    rem := total % Cents(n)
    for i := range parts {
        parts[i] = base
        if Cents(i) < rem-1 {
            parts[i]++
        }
    }
    return parts
}

// Round rounds a float amount of units to cents, half away from zero.
func Round(units float64) Cents {
    return Cents(math.Round(units * 100))
}

// Format renders cents as "1,234.56" with a thousands separator.
func Format(c Cents) string {
    neg := c < 0
    if neg {
        c = -c
    }
    whole := fmt.Sprintf("%d", c/100)
    var b strings.Builder
    for i, r := range whole {
        if i > 0 && (len(whole)-i)%3 == 0 {
            b.WriteRune(',')
        }
        b.WriteRune(r)
    }
    s := fmt.Sprintf("%s.%02d", b.String(), c%100)
    if neg {
        return "-" + s
    }
    return s
}

// Percent returns p percent of c, rounded down.
func Percent(c Cents, p int) Cents {
    return c * Cents(p) / 100
}
"""

GO_MONEY_TEST = """package money

import "testing"

func TestSplit(t *testing.T) {
    cases := []struct {
        name  string
        total Cents
        n     int
        want  []Cents
    }{
""" + "".join(f'        {{"split {t} in {n}", {t}, {n}, nil}},\n' for t, n in
              [(100, 4), (99, 3), (1000, 8), (5, 5), (12, 6), (300, 3), (7, 7), (40, 2)]) + \
    """        {"split 10 in 3", 10, 3, []Cents{4, 3, 3}},
        {"split 101 in 2", 101, 2, []Cents{51, 50}},
    }
    for _, tc := range cases {
        t.Run(tc.name, func(t *testing.T) {
            got := Split(tc.total, tc.n)
            var sum Cents
            for _, p := range got {
                sum += p
            }
            if sum != tc.total {
                t.Errorf("Split(%d, %d) sums to %d, want %d", tc.total, tc.n, sum, tc.total)
            }
            if tc.want != nil && got[0] != tc.want[0] {
                t.Errorf("Split(%d, %d)[0] = %d, want %d", tc.total, tc.n, got[0], tc.want[0])
            }
        })
    }
}

func TestFormat(t *testing.T) {
    cases := map[Cents]string{
""" + "".join(f'        {c}: "{s}",\n' for c, s in [(0, "0.00"), (5, "0.05"), (123456, "1,234.56"), (-99, "-0.99"),
                                                   (100000000, "1,000,000.00"), (1001, "10.01"), (99999, "999.99")]) + \
    """    }
    for in, want := range cases {
        if got := Format(in); got != want {
            t.Errorf("Format(%d) = %q, want %q", in, got, want)
        }
    }
}

func TestRound(t *testing.T) {
    for _, tc := range []struct {
        in   float64
        want Cents
    }{{1.005, 100}, {2.5, 250}, {0.125, 13}, {-1.5, -150}, {19.99, 1999}} {
        t.Run("", func(t *testing.T) {
            if got := Round(tc.in); got != tc.want {
                t.Errorf("Round(%v) = %d, want %d", tc.in, got, tc.want)
            }
        })
    }
}

func TestPercent(t *testing.T) {
    for p := 0; p <= 100; p += 20 {
        if got := Percent(1000, p); got != Cents(p*10) {
            t.Errorf("Percent(1000, %d) = %d", p, got)
        }
    }
}
"""

GO_PARSE = """package parse

import (
    "errors"
    "strconv"
    "strings"
)

// Entry is one ledger line: "2026-11-03;groceries;-42.10;card".
type Entry struct {
    Date, Category, Method string
    Amount                 float64
}

var ErrFields = errors.New("parse: wrong number of fields")

// Line parses one ledger line.
func Line(s string) (Entry, error) {
    f := strings.Split(strings.TrimSpace(s), ";")
    if len(f) < 3 {
        return Entry{}, ErrFields
    }
    amt, err := strconv.ParseFloat(f[2], 64)
    if err != nil {
        return Entry{}, err
    }
    return Entry{Date: f[0], Category: f[1], Amount: amt, Method: f[3]}, nil
}

// Lines parses many lines, skipping blanks and '#' comments.
func Lines(text string) ([]Entry, error) {
    var out []Entry
    for _, ln := range strings.Split(text, "\\n") {
        if ln == "" || strings.HasPrefix(ln, "#") {
            continue
        }
        e, err := Line(ln)
        if err != nil {
            return nil, err
        }
        out = append(out, e)
    }
    return out, nil
}
"""

GO_PARSE_TEST = """package parse

import "testing"

func TestLineFull(t *testing.T) {
    e, err := Line("2026-11-03;groceries;-42.10;card")
    if err != nil || e.Category != "groceries" || e.Amount != -42.10 || e.Method != "card" {
        t.Fatalf("Line = %+v, %v", e, err)
    }
}

func TestLineTooShort(t *testing.T) {
    if _, err := Line("2026-11-03;rent"); err != ErrFields {
        t.Fatalf("err = %v, want ErrFields", err)
    }
}

func TestLineBadAmount(t *testing.T) {
    if _, err := Line("2026-11-03;rent;abc;transfer"); err == nil {
        t.Fatal("want an error for a non-numeric amount")
    }
}

func TestLinesSkipsComments(t *testing.T) {
    es, err := Lines("# november\\n2026-11-01;salary;3100;transfer\\n\\n2026-11-02;coffee;-3.20;cash\\n")
    if err != nil || len(es) != 2 {
        t.Fatalf("Lines = %d entries, %v", len(es), err)
    }
}

func TestLineWithoutMethod(t *testing.T) {
    e, err := Line("2026-11-04;refund;12.00")
    if err != nil {
        t.Fatal(err)
    }
    if e.Method != "" {
        t.Errorf("Method = %q, want empty", e.Method)
    }
}
"""

GO_STORE = """package store

import (
    "sort"
    "sync"
)

// Store keeps totals per category.
type Store struct {
    mu     sync.Mutex
    totals map[string]float64
}

func New() *Store { return &Store{totals: map[string]float64{}} }

func (s *Store) Add(cat string, amt float64) {
    s.mu.Lock()
    defer s.mu.Unlock()
    s.totals[cat] += amt
}

func (s *Store) Total(cat string) float64 {
    s.mu.Lock()
    defer s.mu.Unlock()
    return s.totals[cat]
}

// Top returns the n categories with the largest totals.
func (s *Store) Top(n int) []string {
    s.mu.Lock()
    defer s.mu.Unlock()
    cats := make([]string, 0, len(s.totals))
    for c := range s.totals {
        cats = append(cats, c)
    }
    sort.Slice(cats, func(i, j int) bool { return s.totals[cats[i]] > s.totals[cats[j]] })
    if n < len(cats) {
        cats = cats[:n]
    }
    return cats
}
"""

GO_STORE_TEST = """package store

import (
    "fmt"
    "testing"
)
""" + "".join(f"""
func TestAddTotal{i}(t *testing.T) {{
    s := New()
    for k := 0; k < {i + 2}; k++ {{
        s.Add("cat{i}", 1.5)
    }}
    if got := s.Total("cat{i}"); got != {(i + 2) * 1.5} {{
        t.Errorf("Total = %v", got)
    }}
}}
""" for i in range(12)) + """
func TestTop(t *testing.T) {
    s := New()
    for i := 0; i < 10; i++ {
        s.Add(fmt.Sprintf("c%d", i), float64(i))
    }
    if top := s.Top(3); len(top) != 3 || top[0] != "c9" {
        t.Errorf("Top(3) = %v", top)
    }
}

func TestTopTiesAreAlphabetical(t *testing.T) {
    s := New()
    for _, c := range []string{"rent", "food", "fun", "bike", "books", "cafe"} {
        s.Add(c, 10)
        t.Logf("added %s: total %v", c, s.Total(c))
    }
    want := []string{"bike", "books", "cafe"}
    got := s.Top(3)
    for i := range want {
        if got[i] != want[i] {
            t.Errorf("Top(3)[%d] = %q, want %q (ties must sort by name)", i, got[i], want[i])
        }
    }
}
"""

GO_MAIN = """package main

import (
    "fmt"
    "os"

    "example.com/ledger/money"
    "example.com/ledger/parse"
    "example.com/ledger/store"
)

func main() {
    data, err := os.ReadFile(os.Args[1])
    if err != nil {
        fmt.Fprintln(os.Stderr, err)
        os.Exit(1)
    }
    es, err := parse.Lines(string(data))
    if err != nil {
        fmt.Fprintf(os.Stderr, "ledger: %v\\n", err)
        os.Exit(1)
    }
    st := store.New()
    for _, e := range es {
        st.Add(e.Category, e.Amount)
    }
    for _, c := range st.Top(5) {
        fmt.Printf("%-12s %s\\n", c, money.Format(money.Round(st.Total(c))))
    }
}
"""
