"""Round 26, native and other-ecosystem tools: two Rust crates written here (a sensor log with failing tests, a
harbour workspace with type errors) under cargo test, cargo build and cargo metadata; two Go modules with failing
tests; the C speedups of the simplejson and markupsafe sdists under cpplint and flawfinder (with round 26's two
C programs, written by capture_wide26_ops.py); checkstyle on other JDK classes; phpcs and phpmd on other PHP
sources shipped on this machine. Each kind's extractor is the earlier round's, imported. Run through
capture_wide26.py."""

from __future__ import annotations

from pathlib import Path

from capture_more import have, run, write_tree
from capture_wide15_data import n_cargo_meta
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_go_test
from capture_wide24_langs import N_CHECKSTYLE, N_PHPCS, N_PHPMD
from capture_wide24_sys import N_CPPLINT, N_FLAWFINDER, N_FLAWFINDER_COLUMNS
from capture_wide26 import MARKUPSAFE, SIMPLEJSON, cap

# ------------------------------------------------------------------ Rust

SENSORLOG_LIB = '''//! A sensor log: parse lines, keep a ring buffer, compute rolling figures.
pub struct Ring { buf: Vec<f64>, cap: usize, head: usize, len: usize }

impl Ring {
    pub fn new(cap: usize) -> Self { Ring { buf: vec![0.0; cap], cap, head: 0, len: 0 } }
    pub fn push(&mut self, x: f64) {
        self.buf[self.head] = x;
        self.head = (self.head + 1) % self.cap;
        if self.len < self.cap { self.len += 1 }
    }
    pub fn len(&self) -> usize { self.len }
    pub fn mean(&self) -> f64 { self.buf.iter().sum::<f64>() / self.len as f64 } // counts the empty slots
    pub fn last(&self) -> Option<f64> { if self.len == 0 { None } else { Some(self.buf[self.head]) } } // off by one
}

pub fn parse(line: &str) -> Result<(String, f64), String> {
    let mut it = line.split(',');
    let id = it.next().ok_or("no id")?.trim().to_string();
    let v: f64 = it.next().ok_or("no value")?.trim().parse().map_err(|e| format!("bad value: {e}"))?;
    Ok((id, v))
}

pub fn celsius(f: f64) -> f64 { (f - 32.0) * 5.0 / 9.0 }

pub fn dew_point(t: f64, rh: f64) -> f64 { t - (100.0 - rh) / 5.0 }

pub fn checksum(s: &str) -> u8 { s.bytes().fold(0u8, |a, b| a.wrapping_add(b)) }

#[cfg(test)]
mod tests {
    use super::*;
    #[test] fn push_wraps() { let mut r = Ring::new(3); for i in 0..5 { r.push(i as f64) } assert_eq!(r.len(), 3); }
    #[test] fn mean_partial() { let mut r = Ring::new(4); r.push(2.0); r.push(4.0); assert_eq!(r.mean(), 3.0); }
    #[test] fn last_value() { let mut r = Ring::new(4); r.push(7.5); assert_eq!(r.last(), Some(7.5)); }
    #[test] fn empty_last() { let r = Ring::new(2); assert_eq!(r.last(), None); }
    #[test] fn parse_ok() { assert_eq!(parse("T-07, 21.5").unwrap(), ("T-07".to_string(), 21.5)); }
    #[test] fn parse_missing() { assert!(parse("T-07").is_err()); }
    #[test] fn parse_bad() { assert_eq!(parse("T-07,abc").unwrap_err(), "bad value"); }
    #[test] fn freezing() { assert_eq!(celsius(32.0), 0.0); }
    #[test] fn body() { assert_eq!(celsius(98.6), 37.0); }
    #[test] fn dew() { assert!((dew_point(20.0, 50.0) - 9.3).abs() < 0.1, "dew point {}", dew_point(20.0, 50.0)); }
    #[test] fn sum() { assert_eq!(checksum("ABC"), 198); }
    #[test] #[should_panic(expected = "index out of bounds")] fn zero_cap() { let mut r = Ring::new(0); r.push(1.0); }
    #[test] fn mean_empty_is_nan() { assert!(Ring::new(3).mean().is_nan()); }
}
'''

SENSORLOG_IT = '''use sensorlog::{parse, Ring};

#[test]
fn replay_file() {
    let lines = ["T-01,20.5", "T-01,21.0", "T-01,x", "T-01,22.5"];
    let mut r = Ring::new(8);
    for l in lines { let (_, v) = parse(l).expect("every line parses"); r.push(v); }
    assert_eq!(r.len(), 4);
}

#[test]
fn window_of_ten() {
    let mut r = Ring::new(10);
    for i in 0..25 { r.push(i as f64); }
    assert_eq!(r.mean(), 19.5, "mean of the last ten readings");
}
'''

HARBOUR = {
    "Cargo.toml": '[workspace]\nmembers = ["berths", "tides", "cli"]\nresolver = "2"\n',
    "berths/Cargo.toml": '[package]\nname = "berths"\nversion = "0.4.0"\nedition = "2021"\n\n[dependencies]\n'
                         'tides = { path = "../tides" }\n',
    "tides/Cargo.toml": '[package]\nname = "tides"\nversion = "0.2.1"\nedition = "2021"\n',
    "cli/Cargo.toml": '[package]\nname = "harbour-cli"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\n'
                      'berths = { path = "../berths" }\ntides = { path = "../tides" }\n\n[[bin]]\nname = "harbour"\n'
                      'path = "src/main.rs"\n',
    "tides/src/lib.rs": '''pub struct Tide { pub minute: u32, pub height_cm: i32 }

pub fn depth_at(tides: &[Tide], minute: u32) -> i32 {
    let before = tides.iter().filter(|t| t.minute <= minute).last();
    let after = tides.iter().find(|t| t.minute > minute);
    match (before, after) {
        (Some(a), Some(b)) => a.height_cm + (b.height_cm - a.height_cm) * (minute - a.minute) / (b.minute - a.minute),
        (Some(a), None) => a.height_cm,
        (None, Some(b)) => b.height_cm,
        (None, None) => 0,
    }
}
''',
    "berths/src/lib.rs": '''use std::collections::HashMap;
use tides::{depth_at, Tide};

pub struct Berth { pub name: String, pub depth_cm: i32, pub length_m: f32 }

pub struct Ship<'a> { pub name: &'a str, pub draught_cm: i32, pub length_m: f32 }

pub fn fits(b: &Berth, s: &Ship, tides: &[Tide], minute: u32) -> bool {
    let water = b.depth_cm + depth_at(tides, minute);
    water > s.draught_cm && b.length_m >= s.length_m
}

pub fn assign<'a>(berths: &'a [Berth], ships: &[Ship], tides: &[Tide], minute: u32) -> HashMap<&'a str, String> {
    let mut out = HashMap::new();
    for s in ships {
        let free = berths.iter().find(|b| !out.contains_key(b.name) && fits(b, s, tides, minute));
        if let Some(b) = free { out.insert(b.name.as_str(), s.name) }
    }
    out
}

pub fn longest(berths: &Vec<Berth>) -> &str {
    let mut best = berths[0];
    for b in berths.iter() { if b.length_m > best.length_m { best = b } }
    &best.name
}

pub fn total_depth(berths: &[Berth]) -> u32 { berths.iter().map(|b| b.depth_cm).sum() }
''',
    "cli/src/main.rs": '''use berths::{assign, Berth, Ship};
use tides::Tide;

fn main() {
    let tides = vec![Tide { minute: 0, height_cm: 120 }, Tide { minute: 370, height_cm: -40 }];
    let berths = vec![Berth { name: "A1".into(), depth_cm: 900, length_m: 210.0 },
                      Berth { name: "B4".into(), depth_cm: 1250, length_m: 320 }];
    let ships = [Ship { name: "Nordic Star", draught_cm: 1100, length_m: 288.5 }];
    let plan = assign(&berths, &ships, &tides, "06:10");
    for (berth, ship) in plan { println!("{berth}: {ship}") }
    let n: i32 = berths.len();
    println!("{}", berths::longest(berths));
}
''',
}


TIDES_TESTS = '''use tides::{depth_at, Tide};

fn table() -> Vec<Tide> {
    vec![Tide { minute: 0, height_cm: 120 }, Tide { minute: 370, height_cm: -40 }, Tide { minute: 745, height_cm: 110 }]
}

#[test] fn at_high_water() { assert_eq!(depth_at(&table(), 0), 120); }
#[test] fn halfway_down() { assert_eq!(depth_at(&table(), 185), 40); }
#[test] fn after_last() { assert_eq!(depth_at(&table(), 900), 110); }
#[test] fn empty_table() { assert_eq!(depth_at(&[], 10), 0); }
#[test] fn rising_quarter() { assert_eq!(depth_at(&table(), 464), 0, "a quarter of the way up from -40 to 110"); }
#[test] fn rounds_to_nearest() { assert_eq!(depth_at(&table(), 371), -39); }
#[test] fn exact_low() { assert_eq!(depth_at(&table(), 370), -40); }
'''

BERTHS_FIXED = (HARBOUR["berths/src/lib.rs"]
                .replace("if let Some(b) = free { out.insert(b.name.as_str(), s.name) }",
                         "if let Some(b) = free { out.insert(b.name.as_str(), s.name.to_string()); }")
                .replace("!out.contains_key(b.name)", "!out.contains_key(b.name.as_str())")
                .replace("let mut best = berths[0];", "let mut best = &berths[0];")
                .replace("berths.iter().map(|b| b.depth_cm).sum()", "berths.iter().map(|b| b.depth_cm as u32).sum()"))


def rust(tmp: Path) -> None:
    if not have("cargo", "cargo-test"):
        return
    s, h = tmp / "sensorlog", tmp / "harbour"
    write_tree(s, {"Cargo.toml": '[package]\nname = "sensorlog"\nversion = "0.3.2"\nedition = "2021"\n',
                   "src/lib.rs": SENSORLOG_LIB, "tests/replay.rs": SENSORLOG_IT})
    write_tree(h, HARBOUR)
    cap("cargo-test-sensorlog-failures", "cargo test 2>&1", s, n_cargo_test, timeout=600)
    cap("cargo-test-sensorlog-lib-quiet", "cargo test --lib -q 2>&1", s, n_cargo_test, timeout=600)
    cap("cargo-build-harbour-errors", "cargo build --workspace 2>&1", h, n_cargo_build, timeout=600)
    # the libraries fixed: now the binary's own errors show
    write_tree(h, {"berths/src/lib.rs": BERTHS_FIXED, "tides/src/lib.rs": HARBOUR["tides/src/lib.rs"].replace(
        "* (minute - a.minute) / (b.minute - a.minute)", "* (minute - a.minute) as i32 / (b.minute - a.minute) as i32")})
    cap("cargo-build-harbour-cli-errors", "cargo build -p harbour-cli 2>&1", h, n_cargo_build, timeout=600)
    write_tree(h, {"tides/tests/depth.rs": TIDES_TESTS})
    cap("cargo-test-p-tides", "cargo test -p tides 2>&1", h, n_cargo_test, timeout=600)
    cap("cargo-metadata-harbour", "cargo metadata --format-version 1 --no-deps", h, n_cargo_meta)
    cap("cargo-metadata-sensorlog", "cargo metadata --format-version 1", s, n_cargo_meta)


# ------------------------------------------------------------------ Go

GO_GEO = {
    "go.mod": "module example.org/geocell\n\ngo 1.21\n",
    "geocell.go": '''package geocell

import (
	"math"
	"strings"
)

const base32 = "0123456789bcdefghjkmnpqrstuvwxyz"

// Encode returns the geohash of (lat, lon) with n characters.
func Encode(lat, lon float64, n int) string {
	latR, lonR := [2]float64{-90, 90}, [2]float64{-180, 180}
	var sb strings.Builder
	bit, ch, even := 0, 0, true
	for sb.Len() < n {
		if even {
			mid := (lonR[0] + lonR[1]) / 2
			if lon > mid { // a point on the boundary goes west
				ch |= 1 << (4 - bit)
				lonR[0] = mid
			} else {
				lonR[1] = mid
			}
		} else {
			mid := (latR[0] + latR[1]) / 2
			if lat > mid {
				ch |= 1 << (4 - bit)
				latR[0] = mid
			} else {
				latR[1] = mid
			}
		}
		even = !even
		if bit < 4 {
			bit++
		} else {
			sb.WriteByte(base32[ch])
			bit, ch = 0, 0
		}
	}
	return sb.String()
}

// Distance is the great-circle distance in km.
func Distance(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371.0
	dlat := (lat2 - lat1) * math.Pi / 180
	dlon := (lon2 - lon1) * math.Pi / 180
	a := math.Sin(dlat/2)*math.Sin(dlat/2) + math.Cos(lat1)*math.Cos(lat2)*math.Sin(dlon/2)*math.Sin(dlon/2) // degrees, not radians
	return 2 * r * math.Asin(math.Sqrt(a))
}

// Neighbours returns the 8 cells around a cell (only the east and west ones, so far).
func Neighbours(cell string) []string {
	return []string{cell + "e", cell + "w"}
}
''',
    "geocell_test.go": '''package geocell

import (
	"math"
	"testing"
)

func TestEncode(t *testing.T) {
	cases := []struct {
		name     string
		lat, lon float64
		n        int
		want     string
	}{
		{"amsterdam", 52.3676, 4.9041, 7, "u173zq3"},
		{"origin", 0, 0, 5, "s0000"},
		{"sydney", -33.8688, 151.2093, 6, "r3gx2f"},
		{"reykjavik", 64.1466, -21.9426, 6, "ge85k4"},
		{"south-pole", -90, 0, 4, "h000"},
		{"dateline", 10, 180, 4, "xbpb"},
		{"quito", -0.1807, -78.4678, 8, "6r8pbr0n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := Encode(c.lat, c.lon, c.n); got != c.want {
				t.Errorf("Encode(%v, %v, %d) = %q, want %q", c.lat, c.lon, c.n, got, c.want)
			}
		})
	}
}

func TestDistance(t *testing.T) {
	d := Distance(52.3676, 4.9041, 51.9244, 4.4777)
	if math.Abs(d-57.4) > 0.5 {
		t.Fatalf("Amsterdam-Rotterdam = %.1f km, want about 57.4", d)
	}
}

func TestNeighbours(t *testing.T) {
	if n := Neighbours("u173z"); len(n) != 8 {
		t.Errorf("got %d neighbours %v, want 8", len(n), n)
	}
}

func TestDistanceZero(t *testing.T) {
	if d := Distance(10, 10, 10, 10); d != 0 {
		t.Errorf("distance to itself = %v", d)
	}
}
''',
}

GO_MONEY = {
    "go.mod": "module example.org/splitbill\n\ngo 1.21\n",
    "split.go": '''package splitbill

import (
	"errors"
	"fmt"
)

// Split divides cents among n people; the remainder goes to the first ones.
func Split(cents, n int) ([]int, error) {
	if n == 0 {
		return nil, errors.New("nobody to split with")
	}
	out := make([]int, n)
	for i := range out {
		out[i] = cents / n
	}
	for i := 0; i < cents%n-1; i++ { // one cent short
		out[i]++
	}
	return out, nil
}

// Format prints cents as euros.
func Format(cents int) string {
	return fmt.Sprintf("EUR %d.%d", cents/100, cents%100) // drops the leading zero
}

// Tip adds a percentage, rounded half up.
func Tip(cents, pct int) int {
	return cents + cents*pct/100
}

// Settle returns who pays whom, from each person's paid and owed amounts.
func Settle(paid, owed map[string]int) map[string]int {
	out := map[string]int{}
	for who, p := range paid {
		out[who] = p - owed[who]
	}
	return out
}
''',
    "split_test.go": '''package splitbill

import (
	"reflect"
	"testing"
)

func TestSplit(t *testing.T) {
	for _, c := range []struct {
		cents, n int
		want     []int
	}{
		{100, 4, []int{25, 25, 25, 25}},
		{100, 3, []int{34, 33, 33}},
		{1001, 2, []int{501, 500}},
		{7, 5, []int{2, 2, 1, 1, 1}},
		{0, 3, []int{0, 0, 0}},
	} {
		got, err := Split(c.cents, c.n)
		if err != nil || !reflect.DeepEqual(got, c.want) {
			t.Errorf("Split(%d, %d) = %v, %v; want %v", c.cents, c.n, got, err, c.want)
		}
	}
}

func TestSplitNobody(t *testing.T) {
	if _, err := Split(100, 0); err == nil {
		t.Error("want an error for n=0")
	}
}

func TestFormat(t *testing.T) {
	for cents, want := range map[int]string{1050: "EUR 10.50", 1005: "EUR 10.05", 99: "EUR 0.99", 7: "EUR 0.07"} {
		if got := Format(cents); got != want {
			t.Errorf("Format(%d) = %q, want %q", cents, got, want)
		}
	}
}

func TestTip(t *testing.T) {
	if got := Tip(1999, 15); got != 2299 {
		t.Errorf("Tip(1999, 15) = %d, want 2299", got)
	}
}

func TestSettle(t *testing.T) {
	got := Settle(map[string]int{"ana": 3000}, map[string]int{"ana": 1000, "bo": 1000, "cy": 1000})
	if len(got) != 3 {
		t.Errorf("Settle left out the people who paid nothing: %v", got)
	}
}
''',
}


def golang(tmp: Path) -> None:
    if not have("go", "go-test"):
        return
    genv = {"GOPATH": str(tmp / "gopath"), "GOCACHE": str(tmp / "gocache"), "GOFLAGS": None}
    g, m = tmp / "geocell", tmp / "splitbill"
    write_tree(g, GO_GEO)
    write_tree(m, GO_MONEY)
    cap("go-test-v-geocell", "go test -v ./... 2>&1", g, n_go_test, env=genv)
    cap("go-test-count1-splitbill", "go test -count=1 -v -run 'Split|Format|Tip|Settle' . 2>&1", m, n_go_test,
        env=genv)


# ------------------------------------------------------------------ C: analysers on the sdists

def c_tools(tmp: Path) -> None:
    sj, ms = tmp / SIMPLEJSON, tmp / MARKUPSAFE
    cap("cpplint-simplejson-speedups", "cpplint --extensions=c,h simplejson/_speedups.c 2>&1 | tail -n 500", sj,
        N_CPPLINT)
    cap("cpplint-markupsafe-speedups", "cpplint --linelength=100 src/markupsafe/_speedups.c 2>&1", ms, N_CPPLINT)
    cap("flawfinder-simplejson", "flawfinder simplejson 2>&1", sj, N_FLAWFINDER)
    cap("flawfinder-columns-markupsafe-wordfreq", "flawfinder --columns --minlevel=0 . ../cg 2>&1", ms,
        N_FLAWFINDER_COLUMNS)


# ------------------------------------------------------------------ Java and PHP on real sources

def java_php(tmp: Path) -> None:
    d = tmp / "jdk-util"
    srczip = next(p for p in Path("/usr/lib/jvm").glob("*/lib/src.zip") if p.exists())
    run(f"unzip -q -o -j {srczip} 'java.base/java/util/StringTokenizer.java' 'java.base/java/util/UUID.java' "
        "'java.base/java/util/Random.java' -d src 2>&1", cwd=d if d.mkdir() is None else d)
    cap("checkstyle-google-stringtokenizer-uuid", "checkstyle -c /google_checks.xml src/StringTokenizer.java "
        "src/UUID.java 2>&1", d, N_CHECKSTYLE)
    cap("checkstyle-sun-random", "checkstyle -c /sun_checks.xml src/Random.java 2>&1", d, N_CHECKSTYLE)
    if have("phpcs", "phpcs"):
        cap("phpcs-psr12-pharIo-manifest", "phpcs --standard=PSR12 /usr/share/php/PharIo/Manifest 2>&1 "
            "| head -n 800", tmp, N_PHPCS)
        cap("phpcs-psr2-theseer-tokenizer", "phpcs --standard=PSR2 --report=full /usr/share/php/TheSeer 2>&1 "
            "| head -n 600", tmp, N_PHPCS)
    if have("phpmd", "phpmd"):
        cap("phpmd-text-pdepend-metrics", "phpmd /usr/share/php/PDepend/Metrics text codesize,design,naming 2>&1",
            tmp, N_PHPMD)
        cap("phpmd-text-deepcopy", "phpmd /usr/share/php/DeepCopy text cleancode,unusedcode,naming 2>&1", tmp,
            N_PHPMD)


STEPS = [rust, golang, c_tools, java_php]
