"""Round 15, the diagnostic kinds of other languages: a Go module (go test / vet / build), a crate-free Rust crate
(cargo test / clippy / build) and a C library with a Makefile (gcc with many warnings, make, gcc errors), each with
real bugs (Java and shell are in capture_wide15_diag.py). The extractors are the first rounds'
(capture_diagnostics.py, capture_more.py, capture_redund.py), registered by capture_wide15_diag.orig.
Run through capture_wide15.py."""

from __future__ import annotations

from pathlib import Path

import capture_diagnostics as dg
import capture_more as cm
import capture_redund as rd
from capture_more import run, write_tree
from capture_wide15_diag import cap, orig

n_go_test = orig("go-test", "test", dg.needles_go_test)
n_go_build = orig("go-build", "build", dg.needles_go_test)
n_cargo_test = orig("cargo-test", "test", dg.needles_cargo_test)
n_cargo_build = orig("cargo-build", "build", dg.needles_rustc)
n_clippy = orig("cargo-clippy", "lint", dg.needles_rustc)
n_gcc = orig("gcc", "build", dg.needles_gcc)
n_make = orig("make", "build", dg.needles_gcc)


# ------------------------------------------------------------------ Go

GO = {
    "go.mod": "module example.com/quota\n\ngo 1.19\n",
    "quota.go": """package quota

import (
	"fmt"
	"strings"
	"time"
)

// Window counts calls in a fixed window.
type Window struct {
	Limit int
	Size  time.Duration
	start time.Time
	count int
}

// Allow reports whether one more call fits in the window starting at now.
func (w *Window) Allow(now time.Time) bool {
	if now.Sub(w.start) > w.Size { // bug: a call at exactly start+Size stays in the old window
		w.start, w.count = now, 0
	}
	if w.count >= w.Limit {
		return false
	}
	w.count++
	return true
}

// ParseKey splits "tenant:route" keys.
func ParseKey(k string) (tenant, route string, err error) {
	parts := strings.SplitN(k, ":", 2)
	if len(parts) != 2 {
		return "", "", fmt.Errorf("quota: bad key %q", k)
	}
	return parts[0], strings.ToLower(parts[1]), nil
}
""",
    "quota_test.go": """package quota

import (
	"testing"
	"time"
)

func TestAllowUpToLimit(t *testing.T) {
	w := &Window{Limit: 3, Size: time.Second}
	t0 := time.Unix(100, 0)
	w.start = t0
	for i := 0; i < 3; i++ {
		if !w.Allow(t0) {
			t.Fatalf("call %d refused", i)
		}
	}
	if w.Allow(t0) {
		t.Error("fourth call allowed")
	}
}

func TestWindowRollsAtBoundary(t *testing.T) {
	w := &Window{Limit: 1, Size: time.Second}
	t0 := time.Unix(100, 0)
	w.start = t0
	w.Allow(t0)
	if !w.Allow(t0.Add(time.Second)) {
		t.Errorf("Allow(start+Size) = false, want true (new window)")
	}
}

func TestParseKey(t *testing.T) {
	cases := []struct{ in, tenant, route string }{
		{"acme:/v1/Orders", "acme", "/v1/orders"},
		{"globex:/v2/items", "globex", "/v2/items"},
		{"initech:/V1/Users", "initech", "/V1/Users"},
		{"umbrella:/health", "umbrella", "/health"},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			tn, r, err := ParseKey(c.in)
			if err != nil || tn != c.tenant || r != c.route {
				t.Errorf("ParseKey(%q) = %q, %q, %v; want %q, %q", c.in, tn, r, err, c.tenant, c.route)
			}
		})
	}
}

func TestParseKeyPanics(t *testing.T) {
	var w *Window
	w.Allow(time.Now())
}
""",
}

GO_BROKEN = """package quota

import (
	"errors"
	"sync"
)

type Registry struct {
	mu      sync.Mutex
	windows map[string]*Window
}

func (r Registry) Get(key string) *Window {
	r.mu.Lock()
	defer r.mu.Unlock()
	w, ok := r.windows[key]
	if !ok {
		w = &Window{Limit: defaultLimit}
		r.windows[key] = w
	}
	return w
}

func (r *Registry) Len() string {
	return len(r.windows)
}

func Check(err error) bool {
	return errors.Is(err, ErrNoQuota)
}
"""


GO_VET = """package quota

import (
	"fmt"
	"log"
	"sync"
	"time"
)

type Stats struct {
	mu    sync.Mutex
	Calls map[string]int `json:"calls" yaml:"calls" json:"n"`
}

func (s Stats) Snapshot() map[string]int { return s.Calls }

func Describe(w Window) string {
	return fmt.Sprintf("%d/%s since %d", w.Limit, w.Size)
}

func Copy(w *Window) Window {
	v := *w
	v.count = v.count
	return v
}

func Trace(r *Registry, key string) {
	log.Printf("quota %s: %d", key)
	fmt.Println("window %s", key)
	if r.Len() != r.Len() {
		return
	}
	for range time.Tick(time.Second) {
		return
	}
	return
	fmt.Println(r)
}
"""

GO_VET_STORE = """package store

import (
	"errors"
	"fmt"
	"strconv"
	"sync"
)

type Cache struct {
	mu sync.RWMutex
	m  map[string]string
}

func (c Cache) Get(k string) string {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.m[k]
}

func Parse(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		fmt.Errorf("store: %v", err)
	}
	if n == 0 || n == 0 {
		return -1
	}
	return n
}

func Must(err error) {
	if err != nil {
		panic(fmt.Sprintf("store: %w", err))
	}
}

func Wrap(err error) error { return fmt.Errorf("wrap: %d", err) }

var ErrMiss = errors.New("miss")

func Is(err error) bool { return err == ErrMiss || err == ErrMiss }
"""

GO_BUILD_MORE = """package quota

import (
	"encoding/json"
	"os"
	"time"
)

type Export struct {
	Tenant string
	Used   int
	At     time.Time
}

func Dump(ws map[string]*Window) ([]byte, error) {
	out := []Export{}
	for k, w := range ws {
		out = append(out, Export{Tenant: k, Used: w.count, At: w.start, Extra: 1})
	}
	return json.Marshal(out), nil
}

func Remaining(w *Window) int {
	return w.Limit - w.Count
}

func Save(path string, b []byte) {
	os.WriteFile(path, b)
}
"""


def go(tmp: Path) -> None:
    d = tmp / "quota"
    write_tree(d, GO)
    cap("go-test-v-quota", "go test -v ./... 2>&1", d, n_go_test, timeout=400)
    # vet on a registry that compiles (copylocks among the findings), then the build errors
    write_tree(d, {"store/store.go": GO_VET_STORE, "vetbait.go": GO_VET, "registry.go": GO_BROKEN.replace("return len(r.windows)", "return fmt.Sprint(len(r.windows))")
                   .replace('"errors"', '"errors"\n\t"fmt"') + "\nconst defaultLimit = 100\n\nvar ErrNoQuota = errors.New(\"quota: none left\")\n"})
    cap("go-vet-quota", "go vet ./... 2>&1", d, cm.n_go_vet, timeout=300)
    (d / "vetbait.go").unlink()
    store = GO_VET_STORE.replace("return n\n", "return n, nil\n").replace("c.m[k]", "c.m[k] + 1")
    write_tree(d, {"registry.go": GO_BROKEN, "export.go": GO_BUILD_MORE, "store/store.go": store})
    cap("go-build-quota-errors", "go build ./... 2>&1", d, n_go_build, timeout=300)


# ------------------------------------------------------------------ Rust (no crates: cargo works offline)

RUST = {
    "Cargo.toml": '[package]\nname = "ledger-fmt"\nversion = "0.4.1"\nedition = "2021"\n\n[dependencies]\n',
    "src/lib.rs": """//! Money formatting for ledger exports.

pub fn cents_to_string(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let c = cents.abs();
    format!("{}{}.{}", sign, c / 100, c % 100) // bug: no zero padding of the cents
}

pub fn parse_amount(s: &str) -> Option<i64> {
    let (whole, frac) = s.split_once('.')?;
    let w: i64 = whole.parse().ok()?;
    let f: i64 = frac.parse().ok()?;
    Some(w * 100 + f)
}

pub fn split_even(total: i64, parts: usize) -> Vec<i64> {
    let base = total / parts as i64;
    vec![base; parts] // bug: the remainder is lost
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_whole() { assert_eq!(cents_to_string(1200), "12.00"); }
    #[test]
    fn formats_small() { assert_eq!(cents_to_string(5), "0.05"); }
    #[test]
    fn formats_negative() { assert_eq!(cents_to_string(-250), "-2.50"); }
    #[test]
    fn parses() { assert_eq!(parse_amount("3.25"), Some(325)); }
    #[test]
    fn parses_no_dot() { assert_eq!(parse_amount("7").unwrap(), 700); }
    #[test]
    fn split_keeps_total() { assert_eq!(split_even(100, 3).iter().sum::<i64>(), 100); }
    #[test]
    fn split_by_zero() { assert!(split_even(100, 0).is_empty()); }
}
""",
}

RUST_CLIPPY = """
pub fn longest(names: &Vec<String>) -> usize {
    let mut n = 0;
    for i in 0..names.len() {
        if names[i].len() > n {
            n = names[i].len();
        }
    }
    return n;
}

pub fn has_total(lines: &[&str]) -> bool {
    lines.iter().filter(|l| l.starts_with("TOTAL")).count() > 0
}

pub fn as_ref_clone(s: &String) -> String {
    s.clone().to_string()
}
"""

RUST_BROKEN = """
use std::collections::HashMap;

pub struct Totals { by_account: HashMap<String, i64> }

impl Totals {
    pub fn add(&self, account: &str, cents: i64) {
        *self.by_account.entry(account.to_string()).or_insert(0) += cents;
    }
    pub fn get(&self, account: &str) -> i64 {
        self.by_account.get(account)
    }
    pub fn names(&self) -> Vec<&str> {
        let unused_total = 0;
        self.by_account.keys().map(|k| k.as_str()).collect()
    }
}
"""


def rust(tmp: Path) -> None:
    d = tmp / "ledger-fmt"
    write_tree(d, RUST)
    cap("cargo-test-ledger-fmt", "cargo test 2>&1", d, n_cargo_test, timeout=600)
    write_tree(d, {"src/names.rs": RUST_CLIPPY})
    with (d / "src/lib.rs").open("a") as f:
        f.write("\npub mod names;\n")
    cap("cargo-clippy-ledger-fmt", "cargo clippy --all-targets 2>&1", d, n_clippy, timeout=600)
    write_tree(d, {"src/totals.rs": RUST_BROKEN})
    with (d / "src/lib.rs").open("a") as f:
        f.write("pub mod totals;\n")
    cap("cargo-build-ledger-fmt-errors", "cargo build 2>&1", d, n_cargo_build, timeout=600)


# ------------------------------------------------------------------ C, Java, shell

C_FILES = {
    "Makefile": "CC ?= gcc\nCFLAGS ?= -O2 -Wall -Wextra -Wshadow -Wconversion -std=c11\nOBJS = ring.o csv.o stats.o main.o\n\n"
                "all: ringstat\n\nringstat: $(OBJS)\n\t$(CC) $(CFLAGS) -o $@ $(OBJS) -lm\n\n%.o: %.c ring.h\n\t$(CC) $(CFLAGS) -c $<\n\n"
                "clean:\n\trm -f *.o ringstat\n",
    "ring.h": "#include <stddef.h>\ntypedef struct { double *buf; size_t cap, head, len; } ring_t;\n"
              "int ring_init(ring_t *r, size_t cap);\nvoid ring_push(ring_t *r, double v);\ndouble ring_mean(const ring_t *r);\n"
              "int csv_field(const char *line, int col, char *out, size_t n);\ndouble stats_p95(double *v, int n);\n",
    "ring.c": "#include <stdlib.h>\n#include \"ring.h\"\n\nint ring_init(ring_t *r, size_t cap) {\n  r->buf = malloc(cap * sizeof *r->buf);\n"
              "  r->cap = cap; r->head = 0; r->len = 0;\n  return r->buf == NULL;\n}\n\nvoid ring_push(ring_t *r, double v) {\n"
              "  int i = (r->head + r->len) % r->cap;\n  r->buf[i] = v;\n  if (r->len < r->cap) r->len++; else r->head = (r->head + 1) % r->cap;\n}\n\n"
              "double ring_mean(const ring_t *r) {\n  double s = 0; int i;\n  for (i = 0; i < r->len; i++) s += r->buf[(r->head + i) % r->cap];\n"
              "  return r->len ? s / r->len : 0;\n}\n",
    "csv.c": "#include <string.h>\n#include \"ring.h\"\n\nint csv_field(const char *line, int col, char *out, size_t n) {\n"
             "  int c = 0; size_t k = 0; unsigned char ch;\n  while ((ch = *line++)) {\n    if (ch == ',') { if (c++ == col) break; continue; }\n"
             "    if (c == col && k + 1 < n) out[k++] = ch;\n  }\n  out[k] = 0;\n  int len = strlen(out);\n  return c >= col ? len : -1;\n}\n",
    "stats.c": "#include <stdlib.h>\n#include \"ring.h\"\n\nstatic int cmp(const void *a, const void *b) {\n"
               "  double x = *(double *)a, y = *(double *)b;\n  return x < y ? -1 : x > y;\n}\n\n"
               "double stats_p95(double *v, int n) {\n  int idx;\n  qsort(v, n, sizeof *v, cmp);\n  float rank = 0.95 * n;\n  idx = rank;\n"
               "  if (n == 0) return 0;\n  return v[idx];\n}\n",
    "main.c": "#include <stdio.h>\n#include <stdlib.h>\n#include \"ring.h\"\n\nint main(int argc, char **argv) {\n  ring_t r; char line[256], f[64];\n"
              "  double vals[4096]; int n = 0, unused;\n  int col = argc > 1 ? atoi(argv[1]) : 4;\n  if (ring_init(&r, 60)) return 1;\n"
              "  while (fgets(line, sizeof line, stdin)) {\n    if (csv_field(line, col, f, sizeof f) < 0) continue;\n"
              "    double v = atof(f);\n    ring_push(&r, v);\n    if (n < 4096) vals[n++] = v;\n  }\n"
              "  printf(\"mean(last 60)=%.2f p95=%.2f n=%d\\n\", ring_mean(&r), stats_p95(vals, n));\n  return 0;\n}\n",
}


def c(tmp: Path) -> None:
    d = tmp / "ringstat"
    write_tree(d, C_FILES)
    cap("gcc-wall-wextra-ringstat", "gcc -Wall -Wextra -Wshadow -Wconversion -Wsign-compare -std=c11 -c ring.c csv.c stats.c main.c 2>&1",
        d, rd.n_gcc_many)
    run("rm -f *.o", cwd=d)
    (d / "stats.c").write_text(C_FILES["stats.c"].replace("return v[idx];", "return v[idx] + missing_offset;"))
    cap("make-ringstat-error", "make 2>&1", d, n_make)
    run("make clean", cwd=d)
    (d / "main.c").write_text(C_FILES["main.c"].replace("ring_push(&r, v);", "ring_push(&r, v, 1);"))
    cap("gcc-ringstat-errors", "gcc -Wall -std=c11 -o ringstat ring.c csv.c stats.c main.c -lm 2>&1", d, n_gcc)


STEPS = [go, rust, c]
