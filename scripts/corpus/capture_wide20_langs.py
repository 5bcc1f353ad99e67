"""Round 20, the other languages: a Rust crate of shipping tariffs (cargo test with a panic in library code and a
failing assert_eq, cargo build errors in its CLI, cargo clippy with many lints), a Go ledger module (go test -v with
table-test failures, go test ./... with a nil-map panic), the C of the cbor2 and mmh3 sdists built with warnings
turned up (gcc -fsyntax-only, make -j2 -k), a Java rates library under the JUnit 5 console launcher, and
shellcheck over deploy scripts. Extractors are the first rounds' (capture_diagnostics.py via capture_wide15_*,
capture_redund.py, capture_wide4.py, capture_wide19_java.py). Run through capture_wide20.py."""

from __future__ import annotations

from pathlib import Path

from capture_more import run, write_tree
from capture_redund import n_gcc_many
from capture_wide4 import n_go_panic
from capture_wide15_diag import n_shellcheck
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_clippy, n_go_test, n_make
from capture_wide19_java import CONSOLE, n_junit
from capture_wide20 import cap

PY_INC = "/usr/include/python3.11"

# ------------------------------------------------------------------ Rust

ZONES = ", ".join(f'("Z{i:02d}", {100 + i * 35})' for i in range(40))
RUST = {
    "Cargo.toml": '[package]\nname = "tariff"\nversion = "0.4.2"\nedition = "2021"\n\n[[bin]]\nname = "tariff-cli"\n'
                  'path = "src/main.rs"\n',
    "src/lib.rs": f"""//! Shipping tariffs: zone base prices, weight bands and surcharges.
pub mod bands;

pub const ZONES: [(&str, u32); 40] = [{ZONES}];

pub fn zone_price(code: &str) -> u32 {{
    ZONES.iter().find(|(z, _)| *z == code).map(|(_, p)| *p).unwrap()
}}

pub fn quote(zone: &str, grams: u32) -> u32 {{
    let band = bands::band_of(grams);
    zone_price(zone) + bands::BAND_PRICES[band]
}}

pub fn split_evenly(total: u32, parts: u32) -> Vec<u32> {{
    let each = total / parts;
    vec![each; parts as usize]
}}
""",
    "src/bands.rs": """pub const BAND_LIMITS: [u32; 5] = [250, 500, 1000, 2000, 5000];
pub const BAND_PRICES: [u32; 5] = [0, 120, 260, 540, 990];

/// The index of the first band whose limit holds `grams`.
pub fn band_of(grams: u32) -> usize {
    BAND_LIMITS.iter().position(|&l| grams <= l).unwrap_or(BAND_LIMITS.len())
}
""",
    "src/main.rs": 'fn main() {\n    println!("{}", tariff::quote("Z03", 700));\n}\n',
    "tests/quotes.rs": "use tariff::*;\n\n" + "".join(
        f"#[test]\nfn quote_z{i:02d}_{g}g() {{\n    assert_eq!(quote(\"Z{i:02d}\", {g}), {100 + i * 35 + p});\n}}\n\n"
        for i, g, p in [(i, [100, 400, 800, 1500, 4000][i % 5], [0, 120, 260, 540, 990][i % 5]) for i in range(30)])
    + "#[test]\nfn quote_heavy_parcel() {\n    assert_eq!(quote(\"Z01\", 7000), 1125);\n}\n\n"
    + "#[test]\nfn quote_unknown_zone() {\n    assert_eq!(quote(\"ZZ\", 100), 0);\n}\n\n"
    + "#[test]\nfn split_keeps_total() {\n    let parts = split_evenly(1000, 3);\n"
      "    assert_eq!(parts.iter().sum::<u32>(), 1000, \"parts were {:?}\", parts);\n}\n",
}

RUST_BROKEN_MAIN = """use std::collections::HashMap;
use tariff::{quote, ZONES};

struct Order { zone: String, grams: u32 }

fn parse(line: &str) -> Order {
    let mut it = line.split(',');
    Order { zone: it.next().unwrap(), grams: it.next().unwrap().parse() }
}

fn totals(orders: &Vec<Order>) -> HashMap<&str, u32> {
    let mut m = HashMap::new();
    for o in orders {
        *m.entry(o.zone.as_str()).or_insert(0) += quote(&o.zone, o.grams);
    }
    m
}

fn main() {
    let orders: Vec<Order> = std::env::args().skip(1).map(|a| parse(&a)).collect();
    let first = orders[0];
    let t = totals(&orders);
    for (zone, price) in ZONES {
        println!("{zone}: {price} {}", t.get(zone).unwrap_or(0));
    }
    let cheapest: u32 = ZONES.iter().map(|z| z.1).min();
    println!("{}", first.zone + cheapest);
}
"""

RUST_LINTY = """//! Helpers kept for the CLI.
pub fn describe(v: &Vec<u32>) -> String {
    let mut s = String::new();
    for i in 0..v.len() {
        s = s + &format!("{},", v[i]);
    }
    if s.len() == 0 { return String::from(""); }
    return s;
}

pub fn is_free(price: u32) -> bool {
    if price == 0 { true } else { false }
}

pub fn total(xs: &[u32]) -> u32 {
    let mut t: u32 = 0;
    for x in xs.iter() { t = t + *x; }
    t
}

pub fn cheapest(xs: &Vec<(String, u32)>) -> Option<&String> {
    let mut best: Option<&(String, u32)> = None;
    for x in xs.iter() {
        match best { None => best = Some(x), Some(b) => if x.1 < b.1 { best = Some(x) } }
    }
    best.map(|b| &b.0)
}

pub fn label(code: &String) -> String {
    code.clone().to_string()
}

pub fn bands_over(limit: u32) -> usize {
    crate::bands::BAND_LIMITS.iter().filter(|l| **l > limit).collect::<Vec<_>>().len()
}
"""


def rust(tmp: Path) -> None:
    d = tmp / "tariff"
    write_tree(d, RUST)
    env = {"CARGO_NET_OFFLINE": "true", "CARGO_TARGET_DIR": str(tmp / "tariff-target")}
    cap("cargo-test-tariff", "cargo test 2>&1", d, n_cargo_test, env=env)
    cap("cargo-test-q-tail-tariff", "cargo test -q 2>&1 | tail -n 60", d, n_cargo_test, env=env)
    (d / "src/util.rs").write_text(RUST_LINTY)
    lib = d / "src/lib.rs"
    lib.write_text(lib.read_text().replace("pub mod bands;", "pub mod bands;\npub mod util;"))
    cap("cargo-clippy-tariff", "cargo clippy --all-targets -- -W clippy::pedantic 2>&1", d, n_clippy, env=env)
    (d / "src/main.rs").write_text(RUST_BROKEN_MAIN)
    cap("cargo-build-tariff-cli", "cargo build 2>&1", d, n_cargo_build, env=env)


# ------------------------------------------------------------------ Go

GO = {
    "go.mod": "module example.com/ledger\n\ngo 1.19\n",
    "money/money.go": """package money

import (
\t"fmt"
\t"strings"
)

// Cents is an amount in the smallest unit.
type Cents int64

// Parse reads "12.34" (or "-0.5") into cents.
func Parse(s string) (Cents, error) {
\tneg := strings.HasPrefix(s, "-")
\ts = strings.TrimPrefix(s, "-")
\twhole, frac, _ := strings.Cut(s, ".")
\tvar w, f int64
\tif _, err := fmt.Sscan(whole, &w); err != nil {
\t\treturn 0, fmt.Errorf("parse %q: %w", s, err)
\t}
\tif frac != "" {
\t\tfmt.Sscan(frac, &f) // bug: "5" means 50 cents, read as 5
\t}
\tc := Cents(w*100 + f)
\tif neg {
\t\tc = -c
\t}
\treturn c, nil
}

// String formats as "12.34".
func (c Cents) String() string {
\treturn fmt.Sprintf("%d.%02d", c/100, c%100)
}
""",
    "money/money_test.go": "package money\n\nimport \"testing\"\n\nfunc TestParse(t *testing.T) {\n\tcases := []struct {\n"
                           "\t\tin   string\n\t\twant Cents\n\t}{\n" + "".join(
        f'\t\t{{"{w}.{f:02d}", {w * 100 + f}}},\n' for w, f in [(i, (i * 37) % 100) for i in range(1, 40)])
    + '\t\t{"3.5", 350},\n\t\t{"-0.5", -50},\n\t\t{"7", 700},\n\t}\n\tfor _, c := range cases {\n'
      '\t\tt.Run(c.in, func(t *testing.T) {\n\t\t\tgot, err := Parse(c.in)\n\t\t\tif err != nil {\n'
      '\t\t\t\tt.Fatalf("Parse(%q): %v", c.in, err)\n\t\t\t}\n\t\t\tif got != c.want {\n'
      '\t\t\t\tt.Errorf("Parse(%q) = %d, want %d", c.in, got, c.want)\n\t\t\t}\n\t\t})\n\t}\n}\n\n'
      'func TestString(t *testing.T) {\n\tif s := Cents(-5).String(); s != "-0.05" {\n'
      '\t\tt.Errorf("Cents(-5).String() = %q, want %q", s, "-0.05")\n\t}\n}\n',
    "book/book.go": """package book

import "example.com/ledger/money"

// Book holds balances by account.
type Book struct {
\tbalances map[string]money.Cents
\tlog      []string
}

// New returns an empty book.
func New() *Book { return &Book{log: nil} }

// Post moves amount from one account to another.
func (b *Book) Post(from, to string, amount money.Cents) {
\tb.balances[from] -= amount
\tb.balances[to] += amount
\tb.log = append(b.log, from+"->"+to)
}

// Balance of an account.
func (b *Book) Balance(acct string) money.Cents { return b.balances[acct] }
""",
    "book/book_test.go": """package book

import "testing"

func TestPostMovesMoney(t *testing.T) {
\tb := New()
\tb.Post("cash", "sales", 1250)
\tif got := b.Balance("sales"); got != 1250 {
\t\tt.Fatalf("sales = %d", got)
\t}
}
""",
    "report/report.go": """package report

import (
\t"sort"
\t"strings"
)

// Top returns the n largest names by value, largest first.
func Top(vals map[string]int, n int) []string {
\tnames := make([]string, 0, len(vals))
\tfor k := range vals {
\t\tnames = append(names, k)
\t}
\tsort.Slice(names, func(i, j int) bool { return vals[names[i]] < vals[names[j]] })
\treturn names[:n]
}

// Line joins cells with " | ".
func Line(cells ...string) string { return strings.Join(cells, " | ") }
""",
    "report/report_test.go": """package report

import (
\t"reflect"
\t"testing"
)

func TestTop(t *testing.T) {
\tgot := Top(map[string]int{"a": 3, "b": 9, "c": 1, "d": 7}, 2)
\tif want := []string{"b", "d"}; !reflect.DeepEqual(got, want) {
\t\tt.Errorf("Top = %v, want %v", got, want)
\t}
}

func TestTopTooMany(t *testing.T) {
\t_ = Top(map[string]int{"a": 1}, 3)
}

func TestLine(t *testing.T) {
\tif got := Line("x", "y"); got != "x | y" {
\t\tt.Errorf("Line = %q", got)
\t}
}
""",
}


def go(tmp: Path) -> None:
    d = tmp / "ledger"
    write_tree(d, GO)
    env = {"GOFLAGS": "-mod=mod", "GOPROXY": "off", "GOCACHE": str(tmp / "gocache")}
    cap("go-test-v-money", "go test -v -count=1 ./money/ 2>&1", d, n_go_test, env=env)
    cap("go-test-all-panic", "go test ./... 2>&1", d, n_go_panic, env=env)
    cap("go-test-v-all-tail", "go test -v -count=1 ./... 2>&1 | tail -n 80", d, n_go_test, env=env)


# ------------------------------------------------------------------ C

CBOR_MAKE = f"""CC = gcc
CFLAGS = -O2 -std=c99 -Wall -Wextra -Wconversion -Wsign-conversion -Wshadow -Wcast-qual -fPIC -I{PY_INC}
SRC = $(wildcard source/*.c)
OBJ = $(SRC:source/%.c=build/%.o)

all: $(OBJ)

build/%.o: source/%.c | build
\t$(CC) $(CFLAGS) -c $< -o $@

build:
\tmkdir -p build

.PHONY: all
"""


def c(tmp: Path) -> None:
    mm = tmp / "mmh3-5.0.1"
    cap("gcc-wextra-mmh3", f"gcc -Wall -Wextra -Wconversion -Wsign-conversion -Wcast-align -Wpedantic -fsyntax-only "
        f"-I{PY_INC} src/mmh3/mmh3module.c src/mmh3/murmurhash3.c 2>&1", mm, n_gcc_many)
    cb = tmp / "cbor2-5.6.5"
    cap("gcc-wall-cbor2-head", f"gcc -Wall -Wextra -Wshadow -Wconversion -fsyntax-only -I{PY_INC} source/encoder.c "
        "source/decoder.c 2>&1 | head -n 150", cb, n_gcc_many)
    write_tree(cb, {"Makefile": CBOR_MAKE})
    cap("make-j2-k-cbor2", "make -j2 -k 2>&1", cb, n_make)


# ------------------------------------------------------------------ Java

JAVA = {
    "src/rates/Rate.java": """package rates;

public record Rate(String from, String to, double value) {
    public Rate {
        if (value <= 0) throw new IllegalArgumentException("rate must be positive: " + from + to);
    }
    public Rate inverse() { return new Rate(to, from, 1 / value); }
}
""",
    "src/rates/Table.java": """package rates;

import java.util.*;

public class Table {
    private final Map<String, Rate> rates = new HashMap<>();

    public void put(Rate r) { rates.put(r.from() + r.to(), r); }

    public double convert(double amount, String from, String to) {
        if (from.equals(to)) return amount;
        Rate r = rates.get(from + to);
        if (r == null) r = rates.get(to + from).inverse();
        return Math.round(amount * r.value() * 100) / 100;
    }

    public List<String> currencies() {
        Set<String> s = new TreeSet<>();
        for (Rate r : rates.values()) { s.add(r.from()); }
        return new ArrayList<>(s);
    }
}
""",
    "test/rates/TableTest.java": """package rates;

import static org.junit.jupiter.api.Assertions.*;
import org.junit.jupiter.api.*;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TableTest {
    Table t;

    @BeforeEach void setUp() {
        t = new Table();
        t.put(new Rate("EUR", "USD", 1.0832));
        t.put(new Rate("EUR", "GBP", 0.8561));
        t.put(new Rate("USD", "JPY", 151.37));
    }

    @ParameterizedTest
    @CsvSource({""" + ", ".join(f'"{a}, EUR, USD, {round(a * 1.0832, 2)}"' for a in [1, 10, 25, 99, 100, 250, 1000])
    + """})
    void convertsEurToUsd(double amount, String from, String to, double want) {
        assertEquals(want, t.convert(amount, from, to), 0.001);
    }

    @Test void sameCurrencyIsIdentity() { assertEquals(42.5, t.convert(42.5, "GBP", "GBP")); }
    @Test void inverseRate() { assertEquals(92.32, t.convert(100, "USD", "EUR"), 0.001); }
    @Test void unknownPairThrows() { assertThrows(IllegalStateException.class, () -> t.convert(1, "EUR", "JPY")); }
    @Test void listsCurrencies() { assertEquals(java.util.List.of("EUR", "GBP", "JPY", "USD"), t.currencies()); }
    @Test void rejectsZeroRate() { assertThrows(IllegalArgumentException.class, () -> new Rate("A", "B", 0)); }
}
""",
}


def java(tmp: Path) -> None:
    d = tmp / "rates"
    write_tree(d, JAVA)
    run(f"javac -d build/main $(find src -name '*.java') && javac -d build/test -cp build/main:{CONSOLE} "
        "$(find test -name '*.java')", cwd=d, timeout=300)
    cap("junit-console-rates", f"java -jar {CONSOLE} -cp build/main:build/test --scan-classpath --disable-banner "
        "--disable-ansi-colors 2>&1", d, n_junit, timeout=300)


# ------------------------------------------------------------------ shell

SH = {
    "deploy/release.sh": """#!/bin/bash
# cut a release: build, tag, upload the tarball to every mirror
VERSION=$1
MIRRORS=$(cat mirrors.txt)
cd build
tar czf ledger-$VERSION.tar.gz ledger/*
for m in $MIRRORS; do
  scp ledger-$VERSION.tar.gz deploy@$m:/srv/releases/
  if [ $? != 0 ]; then echo upload to $m failed; fi
done
git tag -a v$VERSION -m "release $VERSION"
echo "released $VERSION to `echo $MIRRORS | wc -w` mirrors"
[[ $NOTIFY == yes ]] && curl -s -d "text=released $VERSION" $HOOK
rm -rf $BUILD_TMP/
""",
    "deploy/rotate-logs.sh": """#!/bin/sh
LOG_DIR=/var/log/ledger
for f in $(ls $LOG_DIR/*.log); do
  size=$(stat -c %s $f)
  if [ $size -gt 10485760 ]; then
    mv $f $f.$(date +%s)
    gzip $f.*
  fi
done
function cleanup {
  find $LOG_DIR -name '*.gz' -mtime +30 | xargs rm
}
cleanup
echo "rotated logs in $LOG_DIR" >> $LOG_DIR/rotate.log
let count=count+1
""",
    "deploy/healthcheck.sh": """#!/bin/bash
URLS="http://127.0.0.1:8080/health http://127.0.0.1:8081/health"
for u in $URLS
do
  code=$(curl -s -o /dev/null -w '%{http_code}' $u)
  if [ $code -ne 200 ]
  then
    echo "$u unhealthy: $code" | mail -s "ledger down" $ONCALL
    exit 1
  fi
done
read -p "restart workers? " answer
if [ "$answer" = "y" -o "$answer" = "Y" ]; then systemctl restart ledger-worker@*; fi
echo ok
""",
}


def shell(tmp: Path) -> None:
    d = tmp / "ledger-ops"
    write_tree(d, SH)
    cap("shellcheck-deploy", "shellcheck deploy/*.sh 2>&1", d, n_shellcheck)
    cap("shellcheck-f-gcc-deploy", "shellcheck -f gcc -o all deploy/*.sh 2>&1", d, n_shellcheck)


STEPS = [rust, go, c, java, shell]
