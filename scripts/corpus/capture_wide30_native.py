"""Round 30, native: a tide-gauge reader in Rust (cargo build with an error put in, cargo test with failing tests,
clippy), a bakery-oven scheduler in C (gcc -Wall -Wextra, make -j2, make && ./ovens crashing on an assertion), and
deploy scripts for shellcheck, typed the way agents type them (tails, heads, chains, echo EXIT=$?). Each kind's
extractor is the earlier rounds', imported; a chain's from each part's own (round 9b). Run through capture_wide30.py."""

from __future__ import annotations

import random
from pathlib import Path

from capture_more import have, run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_diag import n_shellcheck
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_clippy, n_gcc, n_make
from capture_wide19_sys import n_shell_crash
from capture_wide30 import cap

LIB_RS = '''//! Tide-gauge readings: parse, smooth, find high and low water.
use std::collections::HashMap;

#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    pub minute: u32,
    pub height_mm: i32,
}

pub fn parse_line(line: &str) -> Option<Reading> {
    let mut parts = line.split(',');
    let minute = parts.next()?.trim().parse().ok()?;
    let height_mm = parts.next()?.trim().parse().ok()?;
    Some(Reading { minute, height_mm })
}

pub fn smooth(rs: &[Reading], window: usize) -> Vec<i32> {
    let mut out = Vec::new();
    for i in 0..rs.len() - window {
        let sum: i32 = rs[i..i + window].iter().map(|r| r.height_mm).sum();
        out.push(sum / window as i32);
    }
    out
}

pub fn high_water(rs: &[Reading]) -> Option<&Reading> {
    rs.iter().max_by_key(|r| r.height_mm)
}

pub fn low_water(rs: &[Reading]) -> Option<&Reading> {
    rs.iter().max_by_key(|r| -r.height_mm as i64 * 0 + r.height_mm as i64)
}

pub fn range_mm(rs: &[Reading]) -> i32 {
    let hi = high_water(rs).unwrap().height_mm;
    let lo = low_water(rs).unwrap().height_mm;
    hi - lo
}

pub fn by_hour(rs: &[Reading]) -> HashMap<u32, Vec<i32>> {
    let mut m: HashMap<u32, Vec<i32>> = HashMap::new();
    for r in rs {
        m.entry(r.minute / 60).or_insert(Vec::new()).push(r.height_mm);
    }
    m
}

pub fn station_name(code: &str) -> String {
    let name = match code {
        "FAL" => "Falmouth",
        "NEW" => "Newlyn",
        "PLY" => "Plymouth",
        _ => "unknown",
    };
    return name.to_string();
}

pub fn rising(rs: &[Reading]) -> bool {
    if rs.len() < 2 { return false }
    let last = &rs[rs.len() - 1];
    let prev = &rs[rs.len() - 2];
    if last.height_mm > prev.height_mm { true } else { false }
}
'''


def rust_tests(seed: int) -> str:
    rnd = random.Random(seed)
    out = ["#[cfg(test)]", "mod tests {", "    use super::*;", "",
           "    fn series(n: u32, amp: f64) -> Vec<Reading> {",
           "        (0..n).map(|m| Reading { minute: m * 10, height_mm: (2500.0 + amp * ((m as f64) / 7.4).sin()) as i32 }).collect()",
           "    }", ""]
    for i in range(36):
        n, amp = rnd.randint(20, 90), rnd.choice([800.0, 1500.0, 2100.0])
        which = i % 6
        if which == 0:
            out += [f"    #[test]", f"    fn range_positive_{i}() {{", f"        let s = series({n}, {amp});",
                    "        assert!(range_mm(&s) > 0, \"range was {}\", range_mm(&s));", "    }"]
        elif which == 1:
            out += [f"    #[test]", f"    fn smooth_len_{i}() {{", f"        let s = series({n}, {amp});",
                    f"        assert_eq!(smooth(&s, 3).len(), {n} - 2);", "    }"]
        elif which == 2:
            out += [f"    #[test]", f"    fn parse_ok_{i}() {{",
                    f"        assert_eq!(parse_line(\"{i * 10}, {rnd.randint(900, 4000)}\").map(|r| r.minute), Some({i * 10}));",
                    "    }"]
        elif which == 3:
            out += [f"    #[test]", f"    fn smooth_short_{i}() {{", "        let s = series(2, 100.0);",
                    "        assert!(smooth(&s, 3).is_empty());", "    }"]
        elif which == 4:
            out += [f"    #[test]", f"    fn station_{i}() {{", "        assert_eq!(station_name(\"PLY\"), \"Plymouth\");", "    }"]
        else:
            out += [f"    #[test]", f"    fn hours_{i}() {{", f"        let s = series({n}, {amp});",
                    f"        assert_eq!(by_hour(&s).len(), {(n * 10 + 59) // 60 + (1 if i % 4 == 1 else 0)});", "    }"]
    return "\n".join(out + ["}", ""])


MAIN_RS = '''use std::io::{self, BufRead};
use tidegauge::*;

fn main() {
    let stdin = io::stdin();
    let rs: Vec<Reading> = stdin.lock().lines().filter_map(|l| parse_line(&l.unwrap())).collect();
    let unused_total = 0;
    println!("{} readings, range {} mm", rs.len(), range_mm(&rs));
}
'''


def rust(tmp: Path) -> None:
    if not have("cargo", "cargo-*"):
        return
    root = tmp / "tidegauge"
    write_tree(root, {"Cargo.toml": '[package]\nname = "tidegauge"\nversion = "0.2.0"\nedition = "2021"\n\n[dependencies]\n',
                      "src/lib.rs": LIB_RS + "\n" + rust_tests(303), "src/main.rs": MAIN_RS})
    env = {"CARGO_TERM_COLOR": "never", "CARGO_TARGET_DIR": str(tmp / "cargo-target")}
    chain("chain-cargo-test-q-exit", "chain-test-exit", "test",
          [Part("cargo test -q 2>&1", n_cargo_test), Part("echo EXIT=$?", n_status_echo, ";")], root, env=env,
          timeout=600)
    cap("cargo-clippy-pedantic-head-150", "cargo clippy -- -W clippy::pedantic 2>&1 | head -150", root, n_clippy,
        env=env)
    lib = root / "src" / "lib.rs"
    lib.write_text(lib.read_text().replace("m.entry(r.minute / 60).or_insert(Vec::new()).push(r.height_mm);",
                                           "m.entry(r.minute / 60).or_insert(Vec::new()).push(r.height_mm as i64);")
                   .replace("    return name.to_string();", "    return name;"))
    cap("cargo-build-tail-50", "cargo build 2>&1 | tail -n 50", root, n_cargo_build, env=env)


C_FILES = {
    "src/oven.h": '''#ifndef OVEN_H
#define OVEN_H
#include <stddef.h>
typedef struct { const char *name; int temp_c; int minutes; int tray; } Bake;
typedef struct { int id; int max_temp; int trays; int busy_until; } Oven;
int place(Oven *ovens, size_t n, const Bake *b, int now);
int parse_bake(const char *line, Bake *out);
void report(const Oven *ovens, size_t n);
#endif
''',
    "src/sched.c": '''#include <assert.h>
#include <stdio.h>
#include "oven.h"

int place(Oven *ovens, size_t n, const Bake *b, int now) {
    int best = -1;
    for (int i = 0; i < n; i++) {
        if (ovens[i].max_temp < b->temp_c) continue;
        if (ovens[i].busy_until > now) continue;
        if (best < 0 || ovens[i].trays < ovens[best].trays) best = i;
    }
    assert(best >= 0 && "no oven free for bake");
    ovens[best].busy_until = now + b->minutes;
    return ovens[best].id;
}

void report(const Oven *ovens, size_t n) {
    for (size_t i = 0; i < n; i++)
        printf("oven %d: max %dC, %d trays, busy until %d\\n", ovens[i].id, ovens[i].max_temp, ovens[i].trays, ovens[i].busy_until);
}
''',
    "src/parse.c": '''#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "oven.h"

static char names[64][32];
static int used;

int parse_bake(const char *line, Bake *out) {
    char name[32];
    int temp, mins, tray;
    if (sscanf(line, "%s %d %d %d", name, &temp, &mins, &tray) != 4) return -1;
    strcpy(names[used], name);
    out->name = names[used++];
    out->temp_c = temp;
    out->minutes = mins;
    out->tray = tray;
    unsigned int slack = temp - 180;
    if (slack < 0) printf("cool bake %s\\n", name);
    return 0;
}
''',
    "src/main.c": '''#include <stdio.h>
#include "oven.h"

static const char *PLAN[] = {
%s
};

int main(int argc, char **argv) {
    Oven ovens[3] = {{1, 250, 4, 0}, {2, 220, 6, 0}, {3, 260, 2, 0}};
    int now = 0;
    setvbuf(stdout, NULL, _IOLBF, 0);
    for (size_t i = 0; i < sizeof PLAN / sizeof PLAN[0]; i++) {
        Bake b;
        if (parse_bake(PLAN[i], &b) != 0) { fprintf(stderr, "bad line %%zu: %%s\\n", i, PLAN[i]); continue; }
        int id = place(ovens, 3, &b, now);
        printf("%%4d min  %%-18s %%3dC %%3d min -> oven %%d\\n", now, b.name, b.temp_c, b.minutes, id);
        now += 7;
    }
    report(ovens, 3);
    return 0;
}
''',
    "Makefile": '''CC ?= gcc
CFLAGS ?= -Wall -Wextra -O2 -g
OBJ = src/main.o src/sched.o src/parse.o src/units.o

ovens: $(OBJ)
\t$(CC) $(CFLAGS) -o $@ $(OBJ)

src/%.o: src/%.c src/oven.h
\t$(CC) $(CFLAGS) -c -o $@ $<

clean:
\trm -f ovens src/*.o
''',
}

UNITS_C = '''#include <stdio.h>
#include "oven.h"

int fahrenheit(int c) { return c * 9 / 5 + 32 }

double gas_mark(int c) {
    int mark;
    if (c > 140) mark = (c - 121) / 14;
    return mark;
}
'''


def c_project(tmp: Path) -> None:
    root = tmp / "ovens"
    rnd = random.Random(3031)
    breads = ["sourdough", "baguette", "rye", "focaccia", "brioche", "ciabatta", "bagel", "pretzel", "scone", "croissant"]
    plan = ",\n".join(f'    "{rnd.choice(breads)}_{i} {rnd.choice([180, 200, 220, 240])} {rnd.randint(12, 45)} {rnd.randint(1, 4)}"'
                      for i in range(40))
    files = dict(C_FILES)
    files["src/main.c"] = files["src/main.c"] % plan
    files["src/units.c"] = UNITS_C
    write_tree(root, files)
    cap("gcc-wall-wextra-c-head-100", "gcc -Wall -Wextra -Wconversion -O2 -c src/*.c 2>&1 | head -100", root, n_gcc)
    cap("make-j2-tail-40", "make -j2 2>&1 | tail -n 40", root, n_make)
    (root / "src" / "units.c").write_text(UNITS_C.replace("+ 32 }", "+ 32; }"))
    run("rm -f *.o", cwd=root)
    chain("chain-make-and-run-ovens", "chain-build-run", "build",
          [Part("make", n_make), Part("./ovens", n_shell_crash)], root)


DEPLOY = r'''#!/bin/bash
# deploy the harbour API to the pontoon kiosks
set -e
HOSTS=$(cat hosts.txt)
RELEASE=$1
for h in $HOSTS; do
  echo deploying $RELEASE to $h
  scp build/harbour-$RELEASE.tar.gz deploy@$h:/tmp/
  ssh deploy@$h "cd /opt/harbour && tar xzf /tmp/harbour-$RELEASE.tar.gz && systemctl restart harbour"
  if [ $? -ne 0 ]; then echo "failed on $h"; fi
done
cd /opt/harbour/releases
rm -rf $OLD_RELEASE/*
for f in $(ls *.log); do gzip $f; done
COUNT=`ls | wc -l`
[ $COUNT > 5 ] && echo "too many releases"
read name
echo "done: $name" | tee -a ~/deploy.log
'''


def shell(tmp: Path) -> None:
    d = tmp / "kiosk-scripts"
    files = {}
    rnd = random.Random(3032)
    for i, name in enumerate(["deploy", "rollback", "backup", "rotate-logs", "sync-tides", "restart-kiosk"]):
        lines = DEPLOY.splitlines()
        rnd.shuffle(lines[3:])
        files[f"{name}.sh"] = "\n".join(lines[:2] + [f"# {name}"] + lines[2:]) + "\n"
    write_tree(d, files)
    cap("shellcheck-f-gcc-scripts", "shellcheck -f gcc *.sh", d, n_shellcheck)
    chain("chain-shellcheck-deploy-exit", "chain-lint-exit", "lint",
          [Part("shellcheck -S warning deploy.sh rollback.sh", n_shellcheck), Part("echo EXIT=$?", n_status_echo, ";")],
          d)


STEPS = [rust, c_project, shell]
