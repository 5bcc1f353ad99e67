"""Round 40, the rest of the `seedbank` monorepo: the TypeScript front-desk client through npm install / ls, tsc,
eslint, jest, vitest and node --test; `germrate`, a C helper, through gcc and make -j; `stockcount`, a Rust crate
with no crates.io dependencies, through cargo build / test / clippy; the backup and stock-take shell scripts through
shellcheck. Most command lines are chains as agents type them. Each kind's extractor is the earlier rounds',
imported; a chain's from each part's own (round 9b). Run through capture_wide40.py."""

from __future__ import annotations

import json
import random
from pathlib import Path

from capture_more import run, write_tree
from capture_wide9a_js import n_node_test
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_ls_la, n_npm_install, n_npm_ls
from capture_wide15_diag import n_shellcheck
from capture_wide15_js import n_eslint, n_jest, n_tsc, n_vitest
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_clippy, n_gcc, n_make
from capture_wide40 import cap

PACKAGE = {
    "name": "@seedbank/desk", "version": "0.9.3", "private": True, "main": "dist/index.js",
    "scripts": {"build": "tsc -p .", "test": "jest", "lint": "eslint lib", "test:node": "node --test ntest/"},
    "dependencies": {"ms": "2.1.2", "uuid": "8.3.0"},
    "devDependencies": {"typescript": "5.4.5", "jest": "29.7.0", "vitest": "2.1.9", "eslint": "9.9.0",
                        "@types/node": "20.11.0"},
    "jest": {"testMatch": ["**/test/*.test.js"]},
}
TSCONFIG = {"compilerOptions": {"target": "ES2020", "module": "commonjs", "strict": True, "outDir": "dist",
                                "noUnusedLocals": True, "esModuleInterop": True, "types": ["node"]},
            "include": ["src"]}

DESK_TS = '''// The front desk's view of loans
export interface Variety { code: string; crop: string; name: string; stock: number }
export interface Loan { member: string; code: string; packets: number; out: string; returned?: string }

export const LOAN_DAYS: Record<string, number> = { tomato: 240, bean: 200, squash: 220, lettuce: 120, pepper: 260, pea: 150 };

export function dueDate(loan: Loan, crop: string): Date {
  const d = new Date(loan.out);
  d.setDate(d.getDate() + LOAN_DAYS[crop]);
  return d;
}

export function packetsOut(loans: Loan[]): number {
  return loans.filter(l => !l.returned).reduce((n, l) => n + l.packets, "0");
}

export function findVariety(list: Variety[], code: string): Variety {
  return list.find(v => v.code === code);
}

export function label(v: Variety): string {
  const unused = v.stock * 2;
  return `${v.code} ${v.name} (${v.crop})`;
}
'''

def gen_ts(seed: int) -> dict:
    rnd = random.Random(seed)
    files = {}
    for i in range(5):
        lines = [f"// generated tray form {i}", "import { Variety } from './desk';", ""]
        for j in range(rnd.randint(5, 9)):
            bad = rnd.random() < 0.3
            ret = '"none"' if bad else "0"
            lines += [f"export function tray{i}_{j}(v: Variety, cells: number): number {{",
                      f"  if (cells < {rnd.randint(6, 72)}) return {ret};",
                      f"  return v.stock % cells + {rnd.randint(1, 9)};", "}", ""]
        files[f"src/tray{i}.ts"] = "\n".join(lines)
    return files


LIB_JS = '''// plain-JS helpers the desk kiosk loads directly
const ms = require("ms");

function dueIn(days) {
  return ms(days + "d");
}

function overdue(outIso, days, today) {
  var due = new Date(outIso);
  due.setDate(due.getDate() + days);
  return today > due;  // bug: due day itself counts as overdue? (test expects not)
}

function packets(loans) {
  let n = 0;
  for (const l of loans) if (l.returned == null) n += l.packets;
  return n;
}

function parseCode(code) {
  const [crop, num] = code.split("-");
  return { crop: crop.toLowerCase(), num: parseInt(num) };
}

module.exports = { dueIn, overdue, packets, parseCode };
'''

ESLINT_CONFIG = '''const js = require("@eslint/js");
module.exports = [
  js.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: "commonjs",
      globals: { require: "readonly", module: "writable", console: "readonly", process: "readonly" } },
    rules: { eqeqeq: "error", "no-var": "error", "prefer-const": "warn", curly: "warn", "no-console": "warn",
             radix: "error" },
  },
];
'''


def legacy_js(seed: int) -> dict:
    rnd = random.Random(seed)
    files = {}
    for i in range(4):
        lines = [f"// kiosk screen {i}", "var shared = require('./loans');", ""]
        for j in range(rnd.randint(5, 8)):
            lines += [f"function screen{i}_{j}(member, opts) {{", f"  var count = {rnd.randint(0, 9)};",
                      "  if (member == null) return count", "  let label = 'member ' + member;",
                      f"  if (opts.debug) console.log(label, count);",
                      f"  var unusedThing{j} = parseInt(opts.n);", "  return shared.packets(opts.loans);", "}", ""]
        lines.append("module.exports = { " + ", ".join(f"screen{i}_{j}" for j in range(5)) + " };")
        files[f"lib/screen{i}.js"] = "\n".join(lines) + "\n"
    return files


def jest_test(seed: int) -> str:
    rnd = random.Random(seed)
    cases = []
    for _ in range(40):
        days = rnd.choice([120, 150, 200, 220, 240, 260])
        out = f"2026-{rnd.randint(1, 9):02d}-{rnd.randint(1, 28):02d}"
        packets = [rnd.randint(1, 5) for _ in range(rnd.randint(1, 4))]
        want = sum(packets) + (1 if rnd.random() < 0.1 else 0)  # a few written against the old returned-half rule
        cases.append([out, days, packets, want])
    return f'''const {{ dueIn, overdue, packets, parseCode }} = require("../lib/loans");

const CASES = {json.dumps(cases)};

describe("packets", () => {{
  test.each(CASES)("loan out %s for %i days packets %j", (out, days, ps, want) => {{
    expect(packets(ps.map(p => ({{ packets: p }})))).toBe(want);
  }});
}});

describe("overdue", () => {{
  test("not overdue on the due day", () => {{
    const today = new Date("2026-05-01");
    expect(overdue("2026-01-01", 120, today)).toBe(false);
  }});
  test("overdue the day after", () => {{
    expect(overdue("2026-01-01", 120, new Date("2026-05-03"))).toBe(true);
  }});
}});

describe("codes", () => {{
  test("parses upper-case codes", () => {{
    expect(parseCode("TOM-0042")).toEqual({{ crop: "tom", num: 42 }});
  }});
  test("rejects codes without a dash", () => {{
    expect(() => parseCode("PEP_0007")).toThrow("bad code");
  }});
  test("dueIn gives milliseconds", () => {{
    expect(dueIn(2)).toBe(172800000);
  }});
}});
'''


VITEST_SPEC = '''import { describe, expect, it } from "vitest";
import { dueDate, label, LOAN_DAYS } from "../src/desk";

describe("dueDate", () => {
  for (const [crop, days] of Object.entries(LOAN_DAYS)) {
    it(`adds ${days} days for ${crop}`, () => {
      const d = dueDate({ member: "m1", code: "X-1", packets: 1, out: "2026-03-01" }, crop);
      expect(d.toISOString().slice(0, 10)).toBe(crop === "pea" ? "2026-07-30" : d.toISOString().slice(0, 10));
    });
  }
  it("unknown crop throws", () => {
    expect(() => dueDate({ member: "m1", code: "X-1", packets: 1, out: "2026-03-01" }, "okra")).toThrow();
  });
});

describe("label", () => {
  it("names the crop", () => {
    expect(label({ code: "B-4", crop: "bean", name: "Alaska", stock: 3 })).toBe("B-4 Alaska [bean]");
  });
});
'''

NODE_TEST = '''const test = require("node:test");
const assert = require("node:assert");
const { packets, parseCode, overdue } = require("../lib/loans");

test("packets counts only open loans", () => {
  assert.strictEqual(packets([{ packets: 2 }, { packets: 3, returned: "2026-01-01" }]), 2);
});
test("parseCode keeps leading zeros out", () => {
  assert.deepStrictEqual(parseCode("PEA-007"), { crop: "pea", num: 7 });
});
test("parseCode on lower case", () => {
  assert.deepStrictEqual(parseCode("bean-12"), { crop: "bean", num: "12" });
});
test("overdue is false before the due date", () => {
  assert.strictEqual(overdue("2026-01-01", 200, new Date("2026-02-01")), false);
});
test("overdue on the due day", () => {
  assert.strictEqual(overdue("2026-01-01", 31, new Date("2026-02-01")), false);
});
'''


def client(tmp: Path) -> Path:
    root = tmp / "seedbank" / "client"
    write_tree(root, {"package.json": json.dumps(PACKAGE, indent=2), "tsconfig.json": json.dumps(TSCONFIG, indent=2),
                      ".gitignore": "node_modules/\ndist/\n", "src/desk.ts": DESK_TS, **gen_ts(4001),
                      "lib/loans.js": LIB_JS, **legacy_js(4002), "eslint.config.js": ESLINT_CONFIG,
                      "test/loans.test.js": jest_test(4003), "vtest/desk.spec.ts": VITEST_SPEC,
                      "ntest/loans.test.js": NODE_TEST})
    return root


def node_client(tmp: Path) -> None:
    root = client(tmp)
    chain("chain-ls-la-cat-package-json", "chain-list-read", "listing",
          [Part("ls -la", n_ls_la), Part("cat package.json", None, "&&")], root)
    chain("chain-npm-install-ls-depth0", "chain-install-list", "pkg",
          [Part("npm install --no-fund 2>&1 | tail -n 40", n_npm_install), Part("npm ls --depth=0", n_npm_ls, "&&")],
          root, timeout=900)
    cap("npm-ls-all-head-120", "npm ls --all 2>&1 | head -120", root, n_npm_ls)
    chain("chain-cd-client-npm-test-exit", "chain-cd-test-exit", "test",
          [Part("cd client"), Part("npm test 2>&1", n_jest), Part("echo EXIT=$?", n_status_echo, ";")],
          tmp / "seedbank", timeout=600)
    cap("jest-verbose-tail-90", "npx jest --verbose 2>&1 | tail -n 90", root, n_jest, timeout=600)
    chain("chain-tsc-noemit-exit", "chain-typecheck-exit", "lint",
          [Part("npx tsc --noEmit -p .", n_tsc), Part("echo EXIT=$?", n_status_echo, ";")], root)
    cap("eslint-lib", "npx eslint lib", root, n_eslint)
    chain("chain-eslint-then-vitest", "chain-lint-then-test", "lint",
          [Part("npx eslint lib/loans.js", n_eslint), Part("npx vitest run vtest 2>&1", n_vitest, ";")], root,
          timeout=600)
    cap("vitest-run-verbose", "npx vitest run vtest --reporter=verbose 2>&1", root, n_vitest, timeout=600)
    chain("chain-npm-run-test-node-exit", "chain-test-exit", "test",
          [Part("node --test ntest/ 2>&1", n_node_test), Part("echo EXIT=$?", n_status_echo, ";")], root)


GERM_C = '''#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "trays.h"

int read_trays(const char *path, struct tray *out, int max) {
    FILE *f = fopen(path, "r");
    char line[128];
    int n = 0;
    if (!f) return -1;
    while (fgets(line, sizeof line, f) && n <= max) {  /* bug: one past the end */
        sscanf(line, "%31s %d %d", out[n].lot, &out[n].sown, &out[n].sprouted);
        n++;
    }
    return n;
}

double rate(const struct tray *t) {
    return t->sprouted / t->sown;  /* bug: integer division */
}

int main(int argc, char **argv) {
    struct tray trays[64];
    int n = read_trays(argc > 1 ? argv[1] : "trays.txt", trays, 64);
    unsigned worst = 0;
    for (int i = 0; i < n; i++) {
        if (rate(&trays[i]) < rate(&trays[worst])) worst = i;
        printf("%-10s %5.1f%%\\n", trays[i].lot, 100 * rate(&trays[i]));
    }
    printf("worst lot %s\\n", trays[worst].lot, n);
    return 0;
}
'''

TRAYS_H = '''#ifndef TRAYS_H
#define TRAYS_H
struct tray { char lot[32]; int sown; int sprouted; };
int read_trays(const char *path, struct tray *out, int max);
double rate(const struct tray *t);
#endif
'''

MAKEFILE = '''CC = gcc
CFLAGS = -O2 -Wall -Wextra -Wformat=2
OBJ = $(patsubst src/%.c,build/%.o,$(wildcard src/*.c))

bin/germrate: $(OBJ)
\t@mkdir -p bin
\t$(CC) $(CFLAGS) -o $@ $^ -lm

build/%.o: src/%.c src/trays.h
\t@mkdir -p build
\t$(CC) $(CFLAGS) -c $< -o $@

clean:
\trm -rf build bin
'''


def gen_c(seed: int) -> dict:
    rnd = random.Random(seed)
    files = {}
    for i in range(6):
        lines = ['#include <stdio.h>', '#include "trays.h"', ""]
        for j in range(rnd.randint(4, 7)):
            lines += [f"int label_{i}_{j}(struct tray *t, int w) {{", "    int spare;",
                      f"    if (t->sown = {rnd.randint(10, 99)}) return w;",
                      f"    printf(\"%d %s\\n\", t->lot, w);" if rnd.random() < 0.4 else f"    w += {rnd.randint(1, 9)};",
                      "}", ""]
        if i == 4:
            lines += ["int broken(struct tray *t) {", "    return t->weight * 2;", "}"]
        files[f"native/src/label{i}.c"] = "\n".join(lines) + "\n"
    return files


def native_c(tmp: Path) -> None:
    root = tmp / "seedbank"
    write_tree(root, {"native/src/germrate.c": GERM_C, "native/src/trays.h": TRAYS_H, "native/Makefile": MAKEFILE,
                      **gen_c(4005)})
    rnd = random.Random(4006)
    (root / "native" / "trays.txt").write_text("".join(f"LOT{100 + i} {rnd.randint(20, 100)} {rnd.randint(0, 20)}\n"
                                                       for i in range(40)))
    chain("chain-make-j2-tail-40-run", "chain-build-run", "build",
          [Part("make -j2 2>&1 | tail -40", n_make), Part("./bin/germrate trays.txt", None, "&&")], root / "native")
    cap("gcc-fsyntax-only-head-90", "gcc -Wall -Wextra -Wformat=2 -fsyntax-only src/*.c 2>&1 | head -90", root / "native",
        n_gcc)
    (root / "native" / "src" / "label4.c").write_text(
        (root / "native" / "src" / "label4.c").read_text().replace("t->weight * 2", "t->sown * 2"))
    chain("chain-make-clean-make-run", "chain-build-run", "build",
          [Part("make clean >/dev/null"), Part("make -j2 2>&1", n_make, "&&"),
           Part("./bin/germrate trays.txt | tail -5", None, "&&")], root / "native")


STOCK_RS = '''use std::collections::HashMap;

#[derive(Debug, Clone)]
pub struct Lot { pub code: String, pub packets: u32, pub sown: u32, pub sprouted: u32 }

pub fn rate(l: &Lot) -> f64 {
    (l.sprouted / l.sown) as f64
}

pub fn totals(lots: &[Lot]) -> HashMap<String, u32> {
    let mut m = HashMap::new();
    for l in lots {
        let crop = l.code.split('-').next().unwrap().to_string();
        *m.entry(crop).or_insert(0) += l.packets;
    }
    m
}

pub fn take(l: &mut Lot, n: u32) -> u32 {
    l.packets = l.packets - n;
    l.packets
}

pub fn parse(line: &str) -> Lot {
    let f: Vec<&str> = line.split(',').collect();
    Lot { code: f[0].to_string(), packets: f[1].parse().unwrap(), sown: f[2].parse().unwrap(), sprouted: f[3].parse().unwrap() }
}

#[cfg(test)]
mod tests {
    use super::*;
    fn lot(p: u32) -> Lot { Lot { code: "TOM-1".into(), packets: p, sown: 40, sprouted: 30 } }
'''


def rust_tests(seed: int) -> str:
    rnd = random.Random(seed)
    out = []
    for i in range(24):
        p = rnd.randint(5, 40)
        n = rnd.randint(1, 5)
        want = p - n + (1 if rnd.random() < 0.15 else 0)
        out.append(f"    #[test]\n    fn take_{i}() {{ let mut l = lot({p}); assert_eq!(take(&mut l, {n}), {want}); }}")
    out += ["    #[test]\n    fn rate_three_quarters() { assert!((rate(&lot(1)) - 0.75).abs() < 1e-9); }",
            "    #[test]\n    fn take_too_many() { let mut l = lot(2); take(&mut l, 3); }",
            '    #[test]\n    fn parse_bad() { parse("PEA-2,x,10,9"); }',
            "}"]
    return "\n".join(out) + "\n"


def rust(tmp: Path) -> None:
    root = tmp / "seedbank" / "stockcount"
    write_tree(root, {"Cargo.toml": '[package]\nname = "stockcount"\nversion = "0.2.0"\nedition = "2021"\n\n[dependencies]\n',
                      "src/lib.rs": STOCK_RS + rust_tests(4008),
                      "src/main.rs": 'use stockcount::*;\nfn main() {\n    let unused = 3;\n    let l = parse("TOM-1,4,40,30");\n'
                                     '    println!("{:?} {}", l, rate(&l));\n    let x: u32 = "7";\n}\n'})
    cap("cargo-build", "cargo build 2>&1", root, n_cargo_build, timeout=600)
    main = root / "src" / "main.rs"
    main.write_text(main.read_text().replace('let x: u32 = "7";', 'let _x: u32 = 7;'))
    chain("chain-cargo-test-tail-exit", "chain-test-exit", "test",
          [Part("cargo test 2>&1 | tail -n 70", n_cargo_test), Part("echo EXIT=$?", n_status_echo, ";")],
          root, timeout=600)
    cap("cargo-clippy", "cargo clippy 2>&1", root, n_clippy, timeout=600)


BACKUP_SH = '''#!/bin/bash
# nightly backup of seeds.db and the loan log
DEST=/srv/backup/seedbank
STAMP=`date +%Y%m%d`
for f in $(ls *.db *.log); do
  cp $f $DEST/$STAMP-$f
done
if [ $? = 0 ]; then echo "backed up to $DEST"; fi
cd $DEST
rm -rf $OLD/*
find . -mtime +30 -name *.db | xargs rm
echo "kept: $(ls | wc -l)"
'''


def shell_scripts(seed: int) -> dict:
    rnd = random.Random(seed)
    files = {"scripts/backup.sh": BACKUP_SH}
    for i in range(5):
        lines = ["#!/bin/sh", f"# stock-take for shelf {i}"]
        for j in range(rnd.randint(4, 8)):
            v = rnd.choice(["tray", "lot", "count", "shelf"])
            lines += [f"{v}{j}=$1", f"if [ $({v}{j}) == \"{rnd.randint(1, 9)}\" ]; then", f"  echo counted ${v}{j} >> $LOG",
                      "fi", f"read {v}_in", f"grep -c $({v}{j}) stock.csv"]
        files[f"scripts/stocktake_{i}.sh"] = "\n".join(lines) + "\n"
    return files


def shell(tmp: Path) -> None:
    root = tmp / "seedbank"
    write_tree(root, shell_scripts(4009))
    cap("shellcheck-scripts", "shellcheck scripts/*.sh", root, n_shellcheck)
    chain("chain-shellcheck-backup-then-gcc-format", "chain-lint-two", "lint",
          [Part("shellcheck scripts/backup.sh", n_shellcheck),
           Part("shellcheck -f gcc scripts/stocktake_0.sh scripts/stocktake_1.sh", n_shellcheck, ";")], root)


STEPS = [node_client, native_c, rust, shell]
