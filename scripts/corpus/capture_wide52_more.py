"""Round 52, the rest of `cidermill`: the TypeScript / JavaScript kiosk through tsc, eslint and mocha; `cratecount`, a Rust crate with no crates.io dependencies, through cargo build /
test / clippy; `slotplan`, the Java slot planner, through Debian's JUnit 5 console launcher; more chains of the
Python service's checks. Each kind's extractor is the earlier rounds', imported; a chain's from each part's own
(round 9b). Run through capture_wide52.py."""

from __future__ import annotations

import json
import random
from pathlib import Path

from capture_more import run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_ps_aux
from capture_wide15_diag import n_mypy, n_pytest, n_ruff
from capture_wide15_js import n_eslint, n_mocha, n_tsc
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_clippy
from capture_wide15_oc import n_log_p
from capture_wide19_java import CONSOLE, n_junit
from capture_wide52 import TOOLS, cap
from capture_wide52_py import GIT_ENV
KIOSK_TS = """// The press-house kiosk's view of slots
export interface Slot { member: string; orchard: string; crates: number; start: string; done?: string }

export const PRESS_MINUTES: Record<string, number> = { bramley: 40, kingston: 45, dabinett: 50, yarlington: 45 };

export function endOf(slot: Slot): Date {
  const d = new Date(slot.start);
  d.setMinutes(d.getMinutes() + PRESS_MINUTES[slot.orchard]);
  return d;
}

export function cratesWaiting(slots: Slot[]): number {
  return slots.filter(s => !s.done).reduce((n, s) => n + s.crates, "0");
}

export function findSlot(list: Slot[], member: string): Slot {
  return list.find(s => s.member === member);
}

export function ticket(s: Slot): string {
  const spare = s.crates * 2;
  return `${s.member} ${s.orchard} x${s.crates}`;
}
"""


def gen_ts(seed: int) -> dict:
    rnd = random.Random(seed)
    files = {}
    for i in range(6):
        lines = [f"// generated vat form {i}", "import { Slot } from './kiosk';", ""]
        for j in range(rnd.randint(5, 9)):
            ret = '"none"' if rnd.random() < 0.3 else "0"
            lines += [f"export function vat{i}_{j}(s: Slot, kg: number): number {{",
                      f"  if (kg < {rnd.randint(20, 300)}) return {ret};",
                      f"  return s.crates * kg + {rnd.randint(1, 9)};", "}", ""]
        files[f"src/vat{i}.ts"] = "\n".join(lines)
    return files


SLOTS_JS = """// plain-JS helpers the kiosk loads directly
function crates(slots) {
  return slots.filter(function (s) { return !s.done; }).reduce(function (n, s) { return n + s.crates; }, 0);
}
function parseTicket(t) {
  var parts = t.split('-');
  return { orchard: parts[0].toLowerCase(), n: parseInt(parts[1]) };
}
function late(start, minutes, now) {
  return now - new Date(start) >= minutes * 60000;  // bug: the last minute is not late
}
module.exports = { crates: crates, parseTicket: parseTicket, late: late };
"""

ESLINT_CONFIG = """const js = require("@eslint/js");
module.exports = [
  js.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: "commonjs",
      globals: { require: "readonly", module: "writable", console: "readonly", describe: "readonly", it: "readonly" } },
    rules: { eqeqeq: "error", "no-var": "error", "prefer-const": "warn", curly: "warn", "no-console": "warn",
             radix: "error" },
  },
];
"""


def legacy_js(seed: int) -> dict:
    rnd = random.Random(seed)
    files = {}
    for i in range(5):
        lines = [f"// kiosk screen {i}", "var slots = require('./slots');", ""]
        for j in range(rnd.randint(5, 8)):
            lines += [f"function screen{i}_{j}(member, opts) {{", f"  var count = {rnd.randint(0, 9)};",
                      "  if (member == null) return count", "  let label = 'member ' + member;",
                      "  if (opts.debug) console.log(label, count);",
                      f"  var unusedThing{j} = parseInt(opts.n);", "  return slots.crates(opts.slots);", "}", ""]
        lines.append("module.exports = { " + ", ".join(f"screen{i}_{j}" for j in range(5)) + " };")
        files[f"lib/screen{i}.js"] = "\n".join(lines) + "\n"
    return files


def mocha_test(seed: int) -> str:
    rnd = random.Random(seed)
    out = ['const assert = require("assert");', 'const { crates, parseTicket, late } = require("../lib/slots");', "",
           'describe("crates", function () {']
    for i in range(36):
        a, b = rnd.randint(1, 30), rnd.randint(1, 30)
        want = a + (b if rnd.random() < 0.12 else 0)  # a few cases forget that pressed slots do not count
        out.append(f'  it("counts waiting crates, case {i}", function () {{ '
                   f'assert.strictEqual(crates([{{ crates: {a} }}, {{ crates: {b}, done: "x" }}]), {want}); }});')
    out += ["});", "", 'describe("parseTicket", function () {',
            '  it("lower-cases the orchard", function () { assert.deepStrictEqual(parseTicket("KB-12"), '
            '{ orchard: "kb", n: 12 }); });',
            '  it("reads a ticket with a slash", function () { assert.deepStrictEqual(parseTicket("DAB/3"), '
            '{ orchard: "dab", n: 3 }); });', "});", "", 'describe("late", function () {',
            '  it("is not late in the last minute", function () { assert.strictEqual(late("2026-10-01T10:00:00Z", 45, '
            'new Date("2026-10-01T10:45:00Z")), false); });', "});"]
    return "\n".join(out) + "\n"


def js_kiosk(tmp: Path) -> None:
    root = tmp / "cidermill" / "kiosk"
    pkg = {"name": "@cidermill/kiosk", "version": "1.4.0", "private": True,
           "scripts": {"build": "tsc -p .", "test": "mocha test", "lint": "eslint lib"}}
    tsconfig = {"compilerOptions": {"target": "ES2020", "module": "commonjs", "strict": True, "outDir": "dist",
                                    "noUnusedLocals": True, "types": ["node"]}, "include": ["src"]}
    write_tree(root, {"package.json": json.dumps(pkg, indent=2), "tsconfig.json": json.dumps(tsconfig, indent=2),
                      "src/kiosk.ts": KIOSK_TS, **gen_ts(5201), "lib/slots.js": SLOTS_JS, **legacy_js(5202),
                      "eslint.config.js": ESLINT_CONFIG, "test/slots.test.js": mocha_test(5203)})
    (root / "node_modules").symlink_to(TOOLS / "js" / "node_modules")
    chain("chain-tsc-noemit-exit", "chain-typecheck-exit", "lint",
          [Part("npx tsc --noEmit -p .", n_tsc), Part("echo EXIT=$?", n_status_echo, ";")], root)
    cap("eslint-lib", "npx eslint lib", root, n_eslint)
    chain("chain-cd-kiosk-npm-test-exit", "chain-cd-test-exit", "test",
          [Part("cd kiosk"), Part("npm test 2>&1", n_mocha), Part("echo EXIT=$?", n_status_echo, ";")],
          tmp / "cidermill", timeout=600)
    chain("chain-eslint-slots-then-mocha-tail", "chain-lint-then-test", "lint",
          [Part("npx eslint lib/slots.js", n_eslint), Part("npx mocha test 2>&1 | tail -n 60", n_mocha, ";")], root)


CRATES_RS = '''use std::collections::HashMap;

#[derive(Debug, Clone)]
pub struct Run { pub code: String, pub crates: u32, pub milled_kg: u32, pub pressed_kg: u32 }

pub fn yield_rate(r: &Run) -> f64 {
    (r.pressed_kg / r.milled_kg) as f64
}

pub fn by_orchard(runs: &[Run]) -> HashMap<String, u32> {
    let mut m = HashMap::new();
    for r in runs {
        let orchard = r.code.split('-').next().unwrap().to_string();
        *m.entry(orchard).or_insert(0) += r.crates;
    }
    m
}

pub fn unload(r: &mut Run, n: u32) -> u32 {
    r.crates = r.crates - n;
    r.crates
}

pub fn parse(line: &str) -> Run {
    let f: Vec<&str> = line.split(',').collect();
    Run { code: f[0].to_string(), crates: f[1].parse().unwrap(), milled_kg: f[2].parse().unwrap(),
          pressed_kg: f[3].parse().unwrap() }
}

#[cfg(test)]
mod tests {
    use super::*;
    fn run(c: u32) -> Run { Run { code: "KB-1".into(), crates: c, milled_kg: 400, pressed_kg: 260 } }
'''


def rust_tests(seed: int) -> str:
    rnd = random.Random(seed)
    out = []
    for i in range(30):
        c = rnd.randint(5, 60)
        n = rnd.randint(1, 5)
        want = c - n + (1 if rnd.random() < 0.15 else 0)  # a few cases written against the old spill allowance
        out.append(f"    #[test]\n    fn unload_{i}() {{ let mut r = run({c}); assert_eq!(unload(&mut r, {n}), {want}); }}")
    out += ["    #[test]\n    fn yield_sixty_five() { assert!((yield_rate(&run(1)) - 0.65).abs() < 1e-9); }",
            "    #[test]\n    fn unload_too_many() { let mut r = run(2); unload(&mut r, 3); }",
            '    #[test]\n    fn parse_bad() { parse("DAB-2,x,10,9"); }',
            "}"]
    return "\n".join(out) + "\n"


def rust(tmp: Path) -> None:
    root = tmp / "cidermill" / "cratecount"
    write_tree(root, {"Cargo.toml": '[package]\nname = "cratecount"\nversion = "0.3.1"\nedition = "2021"\n\n[dependencies]\n',
                      "src/lib.rs": CRATES_RS + rust_tests(5208),
                      "src/main.rs": 'use cratecount::*;\nfn main() {\n    let spare = 3;\n    let r = parse("KB-1,4,400,260");\n'
                                     '    println!("{:?} {}", r, yield_rate(&r));\n    let x: u32 = "7";\n}\n'})
    chain("chain-cargo-build-exit", "chain-build-exit", "build",
          [Part("cargo build 2>&1", n_cargo_build), Part("echo EXIT=$?", n_status_echo, ";")], root, timeout=600)
    main = root / "src" / "main.rs"
    main.write_text(main.read_text().replace('let x: u32 = "7";', 'let _x: u32 = 7;'))
    cap("cargo-test", "cargo test 2>&1", root, n_cargo_test, timeout=600)
    chain("chain-cargo-clippy-tail-60", "chain-lint-exit", "lint",
          [Part("cargo clippy 2>&1 | tail -n 60", n_clippy), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)


PLAN_JAVA = '''package cidermill;

import java.util.*;

public class SlotPlan {
    public static final int SLOT_MINUTES = 45;
    private final Map<String, Integer> crates = new TreeMap<>();

    public void book(String member, int n) {
        if (n <= 0) throw new IllegalArgumentException("crates must be positive");
        crates.merge(member, n, Integer::sum);
    }

    public int slotsFor(String member) {
        int n = crates.getOrDefault(member, 0);
        return n / 6;  // bug: a part slot is still a slot
    }

    public int minutes() {
        int total = 0;
        for (int n : crates.values()) total += n / 6 * SLOT_MINUTES;
        return total;
    }

    public List<String> members() { return new ArrayList<>(crates.keySet()); }
}
'''


def java_tests(seed: int) -> str:
    rnd = random.Random(seed)
    rows = []
    for _ in range(40):
        n = rnd.randint(1, 40)
        rows.append(f'"m{rnd.randint(1, 99)}, {n}, {-(-n // 6)}"')
    return '''package cidermill;

import static org.junit.jupiter.api.Assertions.*;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlotPlanTest {
    @ParameterizedTest
    @CsvSource({''' + ", ".join(rows) + '''})
    void slotsRoundUp(String member, int crates, int want) {
        SlotPlan p = new SlotPlan();
        p.book(member, crates);
        assertEquals(want, p.slotsFor(member));
    }

    @Test void rejectsZero() { assertThrows(IllegalArgumentException.class, () -> new SlotPlan().book("a", 0)); }
    @Test void membersSorted() {
        SlotPlan p = new SlotPlan(); p.book("wyn", 2); p.book("ada", 3);
        assertEquals(List.of("ada", "wyn"), p.members());
    }
    @Test void minutesOfTwoSlots() { SlotPlan p = new SlotPlan(); p.book("ada", 7); assertEquals(90, p.minutes()); }
}
'''.replace("List.of", "java.util.List.of")


def java(tmp: Path) -> None:
    d = tmp / "cidermill" / "slotplan"
    write_tree(d, {"src/cidermill/SlotPlan.java": PLAN_JAVA, "test/cidermill/SlotPlanTest.java": java_tests(5212)})
    run(f"javac -d build/main $(find src -name '*.java') && javac -d build/test -cp build/main:{CONSOLE} "
        "$(find test -name '*.java')", cwd=d, timeout=300)
    cap("junit-console-slotplan", f"java -jar {CONSOLE} -cp build/main:build/test --scan-classpath --disable-banner "
        "--disable-ansi-colors 2>&1", d, n_junit, timeout=300)
    chain("chain-cd-junit-tail-exit", "chain-cd-test-exit", "test",
          [Part("cd slotplan"), Part(f"java -jar {CONSOLE} -cp build/main:build/test --scan-classpath "
                                     "--disable-banner --disable-ansi-colors --details=tree 2>&1 | tail -n 50", n_junit),
           Part("echo EXIT=$?", n_status_echo, ";")], d.parent, timeout=300)


def more_py(tmp: Path) -> None:
    root = tmp / "cidermill"
    svc = root / "service"
    env = {"PYTHONPATH": str(svc / "src")}
    cap("pytest-rf-tb-long", "pytest -rf --tb=long -p no:cacheprovider", svc, n_pytest, env=env)
    chain("chain-ruff-fix-diff-then-mypy", "chain-lint-typecheck", "lint",
          [Part("ruff check --no-cache --diff src", n_ruff), Part("mypy --no-incremental --pretty src", n_mypy, ";")],
          svc)
    cap("git-log-p-all-head-900", "git log -p | head -n 900", root, n_log_p, env=GIT_ENV)
    cap("ps-aux", "ps aux", tmp, n_ps_aux)


STEPS = [js_kiosk, rust, java, more_py]
