"""Round 25, Rust and Go on code written here with real slips: a crate for tariff metering (failing tests, clippy
findings, rustfmt drift, its cargo metadata) and a second one that does not build; a Go module of rate limiters
(failing table tests, go vet findings, gofmt drift, go test -json). Each kind's extractor is an earlier round's. Run
through capture_wide25.py."""

from __future__ import annotations

from pathlib import Path

from capture_more import have, n_go_test_json, n_go_vet, n_gofmt, n_rustfmt, write_tree
from capture_wide15_data import n_cargo_meta
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_clippy, n_go_test
from capture_wide25 import cap

# ------------------------------------------------------------------ Rust

TARIFF = {
    "Cargo.toml": '[package]\nname = "tariff"\nversion = "0.6.1"\nedition = "2021"\n\n[dependencies]\n',
    "src/lib.rs": '''//! Tariff metering: kWh readings to bills.
pub mod bands;

#[derive(Debug, Clone, PartialEq)]
pub struct Reading { pub meter: String, pub at_hour: u32, pub kwh: f64 }

pub fn total_kwh(readings: &Vec<Reading>) -> f64 {
    let mut total = 0.0;
    for i in 0..readings.len() {
        total = total + readings[i].kwh;
    }
    return total;
}

pub fn peak_share(readings: &[Reading]) -> f64 {
    let peak: f64 = readings.iter().filter(|r| r.at_hour >= 17 && r.at_hour < 21).map(|r| r.kwh).sum();
    if total_kwh(&readings.to_vec()) == 0.0 { return 0.0 }
    peak / total_kwh(&readings.to_vec())
}

pub fn meter_ids(readings: &[Reading]) -> Vec<String> {
    let mut ids: Vec<String> = readings.iter().map(|r| r.meter.clone()).collect();
    ids.sort();
    ids.dedup();
    ids
}

pub fn bill_cents(kwh: f64, cents_per_kwh: u32, standing_cents: u32) -> u64 {
    (kwh * cents_per_kwh as f64) as u64 + standing_cents as u64
}

#[cfg(test)]
mod tests {
    use super::*;
    fn r(m: &str, h: u32, k: f64) -> Reading { Reading { meter: m.to_string(), at_hour: h, kwh: k } }

    #[test]
    fn totals() { assert_eq!(total_kwh(&vec![r("a", 1, 1.5), r("a", 2, 2.25)]), 3.75); }
    #[test]
    fn peak_share_evening() { assert_eq!(peak_share(&[r("a", 18, 3.0), r("a", 21, 1.0)]), 0.75); }
    #[test]
    fn peak_share_empty() { assert_eq!(peak_share(&[]), 0.0); }
    #[test]
    fn ids_sorted_unique() { assert_eq!(meter_ids(&[r("b", 1, 0.0), r("a", 1, 0.0), r("b", 2, 0.0)]), vec!["a", "b"]); }
    #[test]
    fn bill_rounds_up() { assert_eq!(bill_cents(10.05, 31, 900), 1212); }
    #[test]
    fn bill_standing_only() { assert_eq!(bill_cents(0.0, 31, 900), 900); }
}
''',
    "src/bands.rs": '''use crate::Reading;

#[derive(Debug, PartialEq)]
pub enum Band { Night, Day, Peak }

pub fn band(hour: u32) -> Band {
    match hour {
        0..=6 => Band::Night,
        17..=21 => Band::Peak,
        _ => Band::Day,
    }
}

pub fn price(b: &Band) -> u32 {
    match b { &Band::Night => 18, &Band::Day => 27, &Band::Peak => 41 }
}

pub fn cost_cents(readings: &[Reading]) -> u64 {
    let mut cents = 0u64;
    for r in readings.iter() {
        let p = price(&band(r.at_hour)) as f64;
        cents += (r.kwh * p).round() as u64;
    }
    cents
}

pub fn label(b: Band) -> String {
    format!("{}", match b { Band::Night => "night", Band::Day => "day", Band::Peak => "peak" }.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn bands_by_hour() {
        assert_eq!(band(6), Band::Night);
        assert_eq!(band(7), Band::Day);
        assert_eq!(band(21), Band::Day, "21:00 is off-peak");
    }
    #[test]
    fn cost_mixed() {
        let rs = vec![Reading { meter: "m".into(), at_hour: 3, kwh: 2.0 }, Reading { meter: "m".into(), at_hour: 18, kwh: 1.5 }];
        assert_eq!(cost_cents(&rs), 98);
    }
    #[test]
    fn label_peak() { assert_eq!(label(Band::Peak), "Peak"); }
}
''',
}

BROKEN = {
    "Cargo.toml": '[package]\nname = "gridsync"\nversion = "0.2.0"\nedition = "2021"\n\n[dependencies]\n',
    "src/main.rs": '''use std::collections::HashMap;

mod feed;

struct Station { id: u32, name: String, load_kw: f64 }

fn busiest(stations: &Vec<Station>) -> &Station {
    stations.iter().max_by(|a, b| a.load_kw.partial_cmp(&b.load_kw).unwrap()).unwrap()
}

fn index(stations: Vec<Station>) -> HashMap<u32, &Station> {
    let mut m = HashMap::new();
    for s in &stations { m.insert(s.id, s); }
    m
}

fn main() {
    let stations = feed::load("stations.csv");
    let top = busiest(&stations);
    let total: u32 = stations.iter().map(|s| s.load_kw).sum();
    println!("{} {}", top.name, total);
    let idx = index(stations);
    println!("{}", idx.len() + stations.len());
    let label: &str = format!("{} stations", idx.len());
    feed::publish(&idx, 42);
}
''',
    "src/feed.rs": '''use super::Station;
use std::fs;

pub fn load(path: &str) -> Vec<Station> {
    let text = fs::read_to_string(path).unwrap_or_default();
    text.lines().skip(1).map(|l| {
        let f: Vec<&str> = l.split(',').collect();
        Station { id: f[0].parse().unwrap(), name: f[1], load_kw: f[2].parse::<f64>() }
    }).collect()
}

pub fn publish(idx: &std::collections::HashMap<u32, &Station>, topic: &str) -> Result<(), String> {
    for (id, s) in idx { println!("{topic} {id} {}", s.load_kw) }
}
''',
}


def rust(tmp: Path) -> None:
    if not have("cargo", "cargo-test"):
        return
    t, b = tmp / "tariff", tmp / "gridsync"
    write_tree(t, TARIFF)
    write_tree(b, BROKEN)
    cap("cargo-test-tariff-failures", "cargo test 2>&1", t, n_cargo_test, timeout=600)
    cap("cargo-clippy-tariff", "cargo clippy --all-targets -- -W clippy::pedantic 2>&1", t, n_clippy, timeout=600)
    cap("rustfmt-check-tariff", "cargo fmt --check 2>&1", t, n_rustfmt)
    cap("cargo-metadata-tariff", "cargo metadata --format-version 1", t, n_cargo_meta)
    cap("cargo-build-gridsync-errors", "cargo build 2>&1", b, n_cargo_build, timeout=600)


# ------------------------------------------------------------------ Go

GO = {
    "go.mod": "module example.com/throttle\n\ngo 1.19\n",
    "limiter.go": '''package throttle

import (
	"fmt"
	"sync"
	"time"
)

// Bucket is a token bucket refilled at Rate tokens per second up to Burst.
type Bucket struct {
	mu     sync.Mutex
	Rate   float64
	Burst  int
	tokens float64
	last   time.Time
}

func NewBucket(rate float64, burst int, now time.Time) *Bucket {
	return &Bucket{Rate: rate, Burst: burst, tokens: float64(burst), last: now}
}

func (b *Bucket) Allow(now time.Time) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	elapsed := now.Sub(b.last).Seconds()
	b.tokens += elapsed * b.Rate
	if b.tokens > float64(b.Burst) {
		b.tokens = float64(b.Burst) + 1
	}
	b.last = now
	if b.tokens > 1 {
		b.tokens--
		return true
	}
	return false
}

func (b Bucket) String() string {
	return fmt.Sprintf("bucket(rate=%d, burst=%d)", b.Rate, b.Burst, b.tokens)
}

// Window counts events in fixed windows of Size.
type Window struct {
	Size  time.Duration
	Limit int
	start time.Time
	count int
}

func (w *Window) Allow(now time.Time) bool {
	if now.Sub(w.start) > w.Size {
		w.start = now.Truncate(w.Size)
		w.count = 0
	}
	w.count++
	return w.count < w.Limit
}

func Describe(limits map[string]int) string {
	out := ""
	for k, v := range limits {
		out += fmt.Sprintf("%s=%s;", k, v)
	}
	return out
}
''',
    "limiter_test.go": '''package throttle

import (
	"testing"
	"time"
)

var t0 = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)

func TestBucketBurst(t *testing.T) {
	b := NewBucket(1, 3, t0)
	got := 0
	for i := 0; i < 5; i++ {
		if b.Allow(t0) {
			got++
		}
	}
	if got != 3 {
		t.Errorf("burst: allowed %d of 5, want 3", got)
	}
}

func TestBucketRefill(t *testing.T) {
	cases := []struct {
		name  string
		after time.Duration
		want  bool
	}{
		{"immediately", 0, false},
		{"half a token", 500 * time.Millisecond, false},
		{"one token", time.Second, true},
		{"long idle", time.Hour, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b := NewBucket(1, 1, t0)
			b.Allow(t0)
			if got := b.Allow(t0.Add(c.after)); got != c.want {
				t.Fatalf("Allow after %v = %v, want %v", c.after, got, c.want)
			}
		})
	}
}

func TestWindow(t *testing.T) {
	cases := []struct {
		name  string
		limit int
		hits  int
		want  int
	}{
		{"under", 5, 3, 3},
		{"at", 5, 5, 5},
		{"over", 5, 9, 5},
		{"one", 1, 4, 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			w := &Window{Size: time.Minute, Limit: c.limit, start: t0}
			n := 0
			for i := 0; i < c.hits; i++ {
				if w.Allow(t0.Add(time.Duration(i) * time.Second)) {
					n++
				}
			}
			if n != c.want {
				t.Errorf("limit %d, %d hits: allowed %d, want %d", c.limit, c.hits, n, c.want)
			}
		})
	}
}

func TestDescribe(t *testing.T) {
	if got := Describe(map[string]int{"api": 10}); got != "api=10;" {
		t.Errorf("Describe = %q", got)
	}
}
''',
    "sliding.go": '''package throttle
import ("fmt"; "time")
type Sliding struct{ Size time.Duration; Limit int; hits []time.Time }
func (s *Sliding) Allow(now time.Time) bool {
    cut := now.Add(-s.Size)
    keep := s.hits[:0]
    for _, h := range s.hits { if h.After(cut) { keep = append(keep, h) } }
    s.hits = keep
    if len(s.hits) >= s.Limit { return false }
    s.hits = append(s.hits, now)
    return true
}
func (s *Sliding) Reset(limit int) {
    s.Limit = s.Limit
    fmt.Printf("sliding window reset to %d hits per %v\\n", s.Size, limit)
    fmt.Println("reset done\\n")
}
''',
}


def golang(tmp: Path) -> None:
    if not have("go", "go-test"):
        return
    d = tmp / "throttle"
    write_tree(d, GO)
    genv = {"GOPATH": str(tmp / "gopath"), "GOCACHE": str(tmp / "gocache"), "GOFLAGS": None}
    cap("go-test-v-throttle", "go test -vet=off -v ./... 2>&1", d, n_go_test, env=genv)
    cap("go-vet-throttle", "go vet ./... 2>&1", d, n_go_vet, env=genv)
    cap("gofmt-d-throttle", "gofmt -l -d . 2>&1", d, n_gofmt)
    cap("go-test-json-throttle", "go test -vet=off -json ./... 2>&1", d, n_go_test_json, env=genv)


STEPS = [rust, golang]
