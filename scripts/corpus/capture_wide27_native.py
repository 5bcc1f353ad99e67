"""Round 27, Rust, Go, C and shell: cargo test, cargo build, clippy and cargo metadata on a recipe scaler written
here with bugs put in; go test on a bike-share dock module; gcc -Wall -Wextra and make -j on a small C ledger;
shellcheck on written deploy scripts and on the machine's gettext.sh. Each kind's
extractor is the earlier rounds', imported. Run through capture_wide27.py."""

from __future__ import annotations

from pathlib import Path

from capture_more import have, write_tree
from capture_wide15_diag import n_shellcheck
from capture_wide15_data import n_cargo_meta
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_clippy, n_gcc, n_go_test, n_make
from capture_wide27 import cap

# ------------------------------------------------------------------ Rust: a recipe scaler

SCALER_LIB = r'''//! Scale recipes between servings and convert units.
pub mod units;

#[derive(Debug, Clone, PartialEq)]
pub struct Ingredient { pub name: String, pub qty: f64, pub unit: String }

pub fn scale(items: &[Ingredient], from: u32, to: u32) -> Vec<Ingredient> {
    let f = (to / from) as f64; // integer division: 4 -> 6 servings scales by 1
    items.iter().map(|i| Ingredient { qty: i.qty * f, ..i.clone() }).collect()
}

pub fn parse_line(line: &str) -> Option<Ingredient> {
    let mut parts = line.splitn(3, ' ');
    let qty = parts.next()?.parse::<f64>().ok()?; // "1/2 cup milk" is not understood
    let unit = parts.next()?.to_string();
    let name = parts.next()?.trim().to_string();
    Some(Ingredient { name, qty, unit })
}

pub fn round_nice(q: f64) -> f64 {
    if q < 1.0 { (q * 4.0).round() / 4.0 } else if q < 10.0 { (q * 2.0).round() / 2.0 } else { q.round() }
}

#[cfg(test)]
mod tests {
    use super::*;
    fn ing(q: f64, u: &str, n: &str) -> Ingredient { Ingredient { name: n.into(), qty: q, unit: u.into() } }

    #[test] fn doubles() { assert_eq!(scale(&[ing(200.0, "g", "flour")], 2, 4)[0].qty, 400.0); }
    #[test] fn four_to_six() { assert_eq!(scale(&[ing(200.0, "g", "flour")], 4, 6)[0].qty, 300.0); }
    #[test] fn halves() { assert_eq!(scale(&[ing(3.0, "egg", "eggs")], 4, 2)[0].qty, 1.5); }
    #[test] fn parse_simple() { assert_eq!(parse_line("250 g butter"), Some(ing(250.0, "g", "butter"))); }
    #[test] fn parse_fraction() { assert_eq!(parse_line("1/2 cup milk").map(|i| i.qty), Some(0.5)); }
    #[test] fn parse_blank() { assert_eq!(parse_line(""), None); }
    #[test] fn nice_small() { assert_eq!(round_nice(0.3), 0.25); }
    #[test] fn nice_mid() { assert_eq!(round_nice(2.7), 2.5); }
    #[test] fn nice_big() { assert_eq!(round_nice(12.4), 12.0); }
}
'''

SCALER_UNITS = r'''//! Metric and US kitchen units.
pub fn to_grams(qty: f64, unit: &str, density: f64) -> f64 {
    match unit {
        "g" => qty,
        "kg" => qty * 1000.0,
        "oz" => qty * 28.35,
        "lb" => qty * 453.6,
        "cup" => qty * 240.0 * density,
        "tbsp" => qty * 15.0 * density,
        "tsp" => qty * 5.0 * density,
        other => panic!("unknown unit {other}"),
    }
}

pub fn fahrenheit(c: f64) -> f64 { c * 9.0 / 5.0 + 23.0 }

#[cfg(test)]
mod tests {
    use super::*;
    #[test] fn kilo() { assert_eq!(to_grams(1.5, "kg", 1.0), 1500.0); }
    #[test] fn cup_of_flour() { assert!((to_grams(1.0, "cup", 0.53) - 127.2).abs() < 0.1); }
    #[test] fn pinch() { assert_eq!(to_grams(1.0, "pinch", 1.0), 0.3); }
    #[test] fn oven() { assert_eq!(fahrenheit(180.0), 356.0); }
    #[test] fn boiling() { assert_eq!(fahrenheit(100.0), 212.0); }
}
'''

SCALER_IT = r'''use recipe_scaler::*;

#[test]
fn pancakes_for_six() {
    let r: Vec<Ingredient> = ["250 g flour", "2 egg eggs", "500 ml milk"].iter().filter_map(|l| parse_line(l)).collect();
    let s = scale(&r, 4, 6);
    assert_eq!(s.iter().map(|i| i.qty).collect::<Vec<_>>(), vec![375.0, 3.0, 750.0]);
}

#[test]
fn rounding_keeps_order() {
    let q: Vec<f64> = [0.1, 0.6, 3.3, 14.6].iter().map(|q| round_nice(*q)).collect();
    assert_eq!(q, vec![0.0, 0.5, 3.5, 15.0]);
}
'''

# a CLI crate with type errors, beside the library
SCALER_CLI = r'''use recipe_scaler::{parse_line, scale, round_nice};
use std::collections::HashMap;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let servings: u32 = args.get(1).unwrap_or("4").parse().unwrap();
    let lines = std::fs::read_to_string(&args[2]).unwrap();
    let items = lines.lines().map(parse_line).collect::<Vec<_>>();
    let scaled = scale(items, 4, servings);
    let mut totals: HashMap<&str, f64> = HashMap::new();
    for i in scaled {
        *totals.entry(i.unit).or_insert(0) += round_nice(i.qty);
    }
    let count: u32 = totals.len();
    println!("{} units, {}", count, totals);
}
'''


def rust(tmp: Path) -> None:
    if not have("cargo", "cargo-test"):
        return
    s = tmp / "recipe-scaler"
    write_tree(s, {"Cargo.toml": '[package]\nname = "recipe-scaler"\nversion = "0.4.1"\nedition = "2021"\n',
                   "src/lib.rs": SCALER_LIB, "src/units.rs": SCALER_UNITS, "tests/pancakes.rs": SCALER_IT})
    cap("cargo-test-recipe-scaler", "cargo test 2>&1", s, n_cargo_test, timeout=600)
    cap("cargo-test-no-fail-fast-units", "cargo test --no-fail-fast units 2>&1", s, n_cargo_test, timeout=600)
    cap("cargo-clippy-pedantic-recipe-scaler", "cargo clippy --all-targets -- -W clippy::pedantic 2>&1", s, n_clippy,
        timeout=600)
    write_tree(s, {"src/main.rs": SCALER_CLI})
    cap("cargo-build-recipe-scaler-cli", "cargo build 2>&1", s, n_cargo_build, timeout=600)
    cap("cargo-metadata-recipe-scaler", "cargo metadata --format-version 1 --no-deps", s, n_cargo_meta)


# ------------------------------------------------------------------ Go: bike-share docks

GO_DOCKS = {
    "go.mod": "module example.org/docks\n\ngo 1.21\n",
    "docks.go": '''package docks

import (
	"fmt"
	"sort"
	"strings"
)

type Dock struct {
	Station string
	Bikes   int
	Slots   int
	Battery int
}

// Fill is the share of slots holding a bike.
func Fill(d Dock) float64 { return float64(d.Bikes / d.Slots) }

// Rebalance moves bikes from the fullest docks to the emptiest, n at a time.
func Rebalance(ds []Dock, n int) []string {
	sort.Slice(ds, func(i, j int) bool { return Fill(ds[i]) < Fill(ds[j]) })
	var moves []string
	for i, j := 0, len(ds)-1; i < j; i, j = i+1, j-1 {
		if ds[j].Bikes-n < 0 {
			break
		}
		moves = append(moves, fmt.Sprintf("%s->%s:%d", ds[j].Station, ds[i].Station, n))
	}
	return moves
}

// Low lists the docks whose battery is under pct, by name.
func Low(ds []Dock, pct int) []string {
	var out []string
	for _, d := range ds {
		if d.Battery <= pct {
			out = append(out, strings.ToLower(d.Station))
		}
	}
	return out
}

// Code is the short station code: the first three letters, upper case.
func Code(name string) string { return strings.ToUpper(name[:3]) }
''',
}


def go_tests() -> str:
    cases = []
    for k, (b, s) in enumerate([(0, 20), (5, 20), (10, 20), (20, 20), (3, 12), (9, 12), (12, 12), (1, 30)]):
        cases.append(f'\t\t{{"case{k}", Dock{{"S{k}", {b}, {s}, 80}}, {b / s!r}}},')
    return '''package docks

import (
	"reflect"
	"testing"
)

func TestFill(t *testing.T) {
	cases := []struct {
		name string
		d    Dock
		want float64
	}{
''' + "\n".join(cases) + '''
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := Fill(c.d); got != c.want {
				t.Errorf("Fill(%v) = %v, want %v", c.d, got, c.want)
			}
		})
	}
}

func TestLow(t *testing.T) {
	ds := []Dock{{"Quay", 3, 20, 30}, {"Mill", 3, 20, 31}, {"Canal", 3, 20, 90}}
	if got := Low(ds, 30); !reflect.DeepEqual(got, []string{"Quay"}) {
		t.Errorf("Low(30) = %v, want [Quay]", got)
	}
}

func TestRebalance(t *testing.T) {
	ds := []Dock{{"A", 18, 20, 90}, {"B", 2, 20, 90}, {"C", 10, 20, 90}}
	if got := Rebalance(ds, 5); len(got) != 1 || got[0] != "A->B:5" {
		t.Errorf("Rebalance = %v", got)
	}
}

func TestCode(t *testing.T) {
	for _, n := range []string{"Canal St", "Quay", "Ox"} {
		t.Run(n, func(t *testing.T) {
			if c := Code(n); len(c) != 3 {
				t.Errorf("Code(%q) = %q", n, c)
			}
		})
	}
}
'''


def golang(tmp: Path) -> None:
    if not have("go", "go-test"):
        return
    genv = {"GOPATH": str(tmp / "gopath"), "GOCACHE": str(tmp / "gocache"), "GOFLAGS": None}
    g = tmp / "docks"
    write_tree(g, {**GO_DOCKS, "docks_test.go": go_tests()})
    cap("go-test-v-docks", "go test -v ./... 2>&1", g, n_go_test, env=genv)
    cap("go-test-run-fill-docks", "go test -count=1 -run 'Fill|Low' . 2>&1", g, n_go_test, env=genv)


# ------------------------------------------------------------------ C: a ledger, gcc warnings and make -j

LEDGER_C = {
    "ledger.h": "#ifndef LEDGER_H\n#define LEDGER_H\n#include <stddef.h>\nstruct entry { char date[11]; "
                "char memo[64]; long cents; int account; };\nint parse_entry(const char *line, struct entry *e);\n"
                "long balance(const struct entry *es, size_t n, int account);\nvoid report(const struct entry *es, "
                "size_t n);\nunsigned checksum(const char *s);\n#endif\n",
    "parse.c": '''#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ledger.h"

int parse_entry(const char *line, struct entry *e)
{
    char memo[128];
    int n = sscanf(line, "%10s %d %ld %127[^\\n]", e->date, &e->account, &e->cents, memo);
    if (n < 3)
        return -1;
    strcpy(e->memo, memo);
    int len = strlen(e->memo);
    for (unsigned i = 0; i < len; i++)
        if (e->memo[i] == ';') e->memo[i] = ',';
    return n;
}
''',
    "balance.c": '''#include <stdio.h>
#include "ledger.h"

long balance(const struct entry *es, size_t n, int account)
{
    long total;
    for (int i = 0; i < n; i++)
        if (es[i].account == account)
            total += es[i].cents;
    return total;
}

unsigned checksum(const char *s)
{
    unsigned h = 5381;
    char c;
    while ((c = *s++))
        h = h * 33 + c;
}
''',
    "report.c": '''#include <stdio.h>
#include "ledger.h"

void report(const struct entry *es, size_t n)
{
    int shown = 0;
    for (size_t i = 0; i < n; i++) {
        printf("%s %4d %8ld.%02ld %s\\n", es[i].date, es[i].account, es[i].cents / 100, es[i].cents % 100, es[i].memo);
        if (es[i].cents < 0)
            printf("  debit %d\\n", es[i].cents);
    }
    printf("%d entries\\n", n);
}
''',
    "main.c": '''#include <stdio.h>
#include <stdlib.h>
#include "ledger.h"

int main(int argc, char **argv)
{
    struct entry es[256];
    size_t n = 0;
    char line[256];
    FILE *f = fopen(argv[1], "r");
    while (fgets(line, sizeof line, f) && n < 256)
        if (parse_entry(line, &es[n]) > 0) n++;
    report(es, n);
    printf("balance %ld\\n", balance(es, n));
    return checksum(es[0].memo) & 1;
}
''',
    "Makefile": "CC = gcc\nCFLAGS = -Wall -Wextra -Wconversion -O2\nOBJS = parse.o balance.o report.o main.o\n\n"
                "ledger: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\n%.o: %.c ledger.h\n\t$(CC) $(CFLAGS) -c $<\n\n"
                "clean:\n\trm -f ledger $(OBJS)\n",
}


def c_build(tmp: Path) -> None:
    d = tmp / "ledger"
    write_tree(d, LEDGER_C)
    cap("make-j4-ledger", "make -j4 2>&1", d, n_make)  # first: on a clean tree every object is built
    cap("make-k-j2-ledger-rebuild", "make clean >/dev/null && make -k -j2 CFLAGS='-Wall -Wextra -Wshadow -O0' 2>&1",
        d, n_make)
    cap("gcc-wall-wextra-ledger", "gcc -Wall -Wextra -Wconversion -Wsign-compare -c parse.c balance.c report.c 2>&1",
        d, n_gcc)


# ------------------------------------------------------------------ shell

DEPLOY_SH = '''#!/bin/bash
# deploy the ferry timetable service
set -e
APP=ferry
TARGET=$1
RELEASE=$(date +%Y%m%d%H%M)
cd /srv/$APP
for host in $(cat hosts.txt); do
  echo deploying to $host
  scp build/$APP.tar.gz deploy@$host:/tmp/
  ssh deploy@$host "tar -xzf /tmp/$APP.tar.gz -C /srv/$APP/releases/$RELEASE && ln -sfn /srv/$APP/releases/$RELEASE /srv/$APP/current"
done
if [ $TARGET == "prod" ]; then
  curl -X POST $SLACK_HOOK -d '{"text": "deployed $RELEASE"}'
fi
files=`ls build/*.log`
for f in $files; do
  grep -c ERROR $f && echo "errors in $f"
done
read name
echo $name | tr a-z A-Z
rm -rf /srv/$APP/releases/$OLD/*
[ -n $RELEASE ] && echo ok
local count=0
exit $?
'''

BACKUP_SH = '''#!/bin/sh
# nightly backup of the ledger database
DB=${1:-ledger.db}
DEST=/var/backups/ledger
for i in $(seq 1 $KEEP); do
  if [ -f $DEST/ledger.$i.gz ]; then
    mv $DEST/ledger.$i.gz $DEST/ledger.$(($i+1)).gz
  fi
done
sqlite3 $DB .dump | gzip > $DEST/ledger.1.gz
echo "backup of $DB done at `date`"
function rotate_logs {
  find /var/log/ledger -name *.log -mtime +7 -exec rm {} \\;
}
rotate_logs
if [[ $(du -s $DEST | cut -f1) -gt 100000 ]]; then echo big; fi
'''


def shell(tmp: Path) -> None:
    d = tmp / "ops"
    write_tree(d, {"deploy.sh": DEPLOY_SH, "backup.sh": BACKUP_SH})
    cap("shellcheck-deploy-backup", "shellcheck deploy.sh backup.sh 2>&1", d, n_shellcheck)
    cap("shellcheck-gettext-sh-o-all", "shellcheck -o all -s sh /usr/bin/gettext.sh 2>&1", d, n_shellcheck)


STEPS = [rust, golang, c_build, shell]
