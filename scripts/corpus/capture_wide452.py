#!/usr/bin/env python3
"""Capture round 452 of the compression corpus: Rust developer tooling beyond cargo build/test (RUST_LOG=trace logs,
thread panics with RUST_BACKTRACE=full, cargo test --show-output, rustc -W lints, rustdoc lints, rustdoc --test,
cargo fix --broken-code, cargo package --list and its verify errors, cargo build --timings, cargo metadata on a
broken workspace) on a tide mill's ledgers written here (`tidemill`: sluices, wheels, millers; seeds 45210+).

Every kind's extractor is new and written here (NEEDLES.md, "Round 452", fixed before capture). Nothing captured here
was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide452.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide452.json  as {"version": 2, "items": [...]}, ids prefixed "wide452-".
"""

from __future__ import annotations

import os
import random
import re
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_more import groups, mask, next_match, write_tree  # noqa: E402

ID_PREFIX = "wide452-"
DEFAULT_OUT = HERE / "data" / "wide452.json"
TMP = Path(os.environ.get("HM452_TMP", "/dev/shm/hm-corpus-wide452"))

_SIZED = cm.Sized(400, 120_000)
add = _SIZED.add
EMPTY = Path("/dev/shm/hm-corpus-wide452-empty")  # this machine's /dev/null became a regular file: stdin from here


PROBE = "to learn about target-specific information"  # cargo's rustc probe read the broken /dev/null: retry


def run(cmd, cwd=None, env=None, timeout=150):
    for _ in range(8):
        EMPTY.write_text("")
        out = cm.run(f"{cmd} < {EMPTY}", cwd=cwd, env=env, timeout=timeout)
        if PROBE not in out:
            break
        time.sleep(1.5)
    return out


def cap(item_id, command, cwd, extractor, timeout=600, env=None):
    add(item_id, command, run(command, cwd=cwd, env=env, timeout=timeout), extractor)
OFF = {"CARGO_NET_OFFLINE": "true", "CARGO_TERM_COLOR": "never", "CARGO_TARGET_DIR": None}


# ------------------------------------------------------------------ extractors (NEEDLES.md, round 452)

def _rustc_diags(lines):
    out, warns = [], []
    for i, ln in enumerate(lines):
        if re.match(r"^error(\[E\d+\])?:", ln):
            out.append(ln)
            out.append(next_match(lines, i, r"^\s*--> "))
        elif re.match(r"^warning:", ln):
            if re.search(r"\d+ warnings? emitted|generated \d+ warning", ln):
                out.append(ln)
                continue
            loc = next_match(lines, i, r"^\s*--> ") or ""
            f = re.sub(r":\d+:\d+$", "", loc.strip()[4:])
            warns.append(((mask(ln), f), ln))
        elif re.search(r"aborting due to|could not compile", ln):
            out.append(ln)
    return out + groups(warns)


@cm.kind("rust-log-trace", "log")
def N_LOG(lines):
    """every ERROR line; WARN lines one any per (target, message shape); the first and last line"""
    out, warns = [lines[0], lines[-1]], []
    for ln in lines:
        m = re.search(r"\b(ERROR|WARN)\s+(\S+)\]?\s*(.*)", ln)
        if not m:
            continue
        if m.group(1) == "ERROR":
            out.append(ln)
        else:
            warns.append(((m.group(2), mask(m.group(3))), ln))
    return out + groups(warns)


@cm.kind("rust-panic-threads", "log")
def N_PANIC(lines):
    """every `panicked at` line + the message after it, `Error:` lines, first backtrace `at` line in the crate's src/"""
    out = []
    for i, ln in enumerate(lines):
        if "panicked at" in ln:
            out.append(ln)
            if i + 1 < len(lines):
                out.append(lines[i + 1])
            out.append(next_match(lines, i, r"^\s+at (?!/rustc/)\S*src/\S+\.rs:\d+", ahead=200))
        elif re.match(r"^Error:", ln):
            out.append(ln)
    return out


@cm.kind("cargo-test-show-output", "test")
def N_TEST_SHOW(lines):
    """every FAILED test line, each failure's `---- x stdout ----` + first panic/assertion line, `test result:` lines"""
    out, in_fail = [], False
    for i, ln in enumerate(lines):
        if re.match(r"^failures:$", ln):
            in_fail = True
        if re.match(r"^test .* \.\.\. FAILED$", ln) or re.match(r"^test result:", ln) or ln.startswith("error: test failed"):
            out.append(ln)
        elif in_fail and re.match(r"^---- .* stdout ----$", ln):
            out.append(ln)
            out.append(next_match(lines, i, r"panicked at|assertion", ahead=40))
    return out


@cm.kind("rustc-warn-flags", "lint")
def N_RUSTC_WARN(lines):
    """every error line + its --> location; warnings one any per (message shape, file); `warnings emitted`/`aborting` lines"""
    return _rustc_diags(lines)


@cm.kind("rustdoc-lints", "doc")
def N_RUSTDOC_LINTS(lines):
    """as rustc-warn-flags: errors + location, warnings one any per (message shape, file), closing counts"""
    return _rustc_diags(lines)


@cm.kind("rustdoc-test", "test")
def N_RUSTDOC_TEST(lines):
    """every FAILED line, each `---- doctest stdout ----` header + first error/panic/assertion line, `test result:`"""
    out = []
    for i, ln in enumerate(lines):
        if re.match(r"^test .* \.\.\. FAILED$", ln) or re.match(r"^test result:", ln):
            out.append(ln)
        elif re.match(r"^---- .* stdout ----$", ln):
            out.append(ln)
            out.append(next_match(lines, i, r"^error|panicked at|assertion", ahead=40))
    return out


@cm.kind("cargo-fix", "build")
def N_FIX(lines):
    """errors + location, `failed to automatically apply fixes` lines, every `Fixed` line, warnings one any per (shape, file)"""
    out = [ln for ln in lines if re.match(r"^\s*Fixed ", ln) or "failed to automatically apply fixes" in ln]
    return out + _rustc_diags([ln for ln in lines if "failed to automatically apply fixes" not in ln])


@cm.kind("cargo-package-list", "listing")
def N_PKG_LIST(lines):
    """every warning/error line; every listed path not under src/"""
    return [ln for ln in lines if re.match(r"^(warning|error)", ln) or
            (re.match(r"^[\w./-]+$", ln) and not ln.startswith("src/"))]


@cm.kind("cargo-package-verify", "build")
def N_PKG_VERIFY(lines):
    """errors + location, `Packaged N files` line, `failed to verify package tarball`"""
    return [ln for ln in lines if re.match(r"^\s*Packaged ", ln)] + _rustc_diags(lines)


@cm.kind("cargo-build-timings", "build")
def N_TIMINGS(lines):
    """diagnostics as rustc-warn-flags, the `Timing report saved to` line, the Finished / could not compile line"""
    return [ln for ln in lines if re.search(r"Timing report saved|^\s*Finished ", ln)] + _rustc_diags(lines)


@cm.kind("cargo-metadata-error", "json")
def N_META(lines):
    """every `error:` line and every line after a `Caused by:` line"""
    out = []
    for i, ln in enumerate(lines):
        if ln.startswith("error:"):
            out.append(ln)
        if ln.strip() == "Caused by:" and i + 1 < len(lines):
            out.append(lines[i + 1])
    return out


# ------------------------------------------------------------------ material

WORDS = ["sluice", "wheel", "miller", "ledger", "flume", "millrace", "hopper", "gate", "tide", "sack"]


def manifest(name="tidemill", extra=""):
    return f'[package]\nname = "{name}"\nversion = "0.4.2"\nedition = "2021"\ndescription = "tide mill ledgers"\nlicense = "MIT"\n{extra}\n[dependencies]\n'


def lib_src(seed: int, n: int, faults: set[str]) -> str:
    rng = random.Random(seed)
    out = ["//! Tide mill ledgers: sluices, wheels and millers.\n", "#![allow(dead_code)]\n"]
    for i in range(n):
        w = rng.choice(WORDS)
        x = rng.randint(1, 900)
        doc = "missing_docs" not in faults or rng.random() < 0.6
        if doc:
            link = f" See [`Wheel{i}`] and [`{w}_tally_{i}`]." if "links" in faults and rng.random() < 0.3 else ""
            out.append(f"/// Records {w} number {i} in the ledger.{link}\n")
            if "doctest" in faults and rng.random() < 0.25:
                want = x + (rng.choice([0, 1, 7]) if rng.random() < 0.5 else 0)
                out.append(f"///\n/// ```\n/// let mut v = Vec::new();\n/// assert_eq!(tidemill::{w}_{i}(&mut v), 1);\n"
                           f"/// assert_eq!(v[0], {want});\n/// ```\n")
        out.append(f"pub fn {w}_{i}(v: &mut Vec<u32>) -> usize {{\n    v.push({x});\n    v.len()\n}}\n\n")
        if "unused" in faults and rng.random() < 0.5:
            out.append(f"/// Tallies {w} {i}.\npub fn tally_{i}(v: &mut Vec<u32>) {{\n    let wheel_{i} = {x};\n"
                       f"    {w}_{i}(v);\n    v.iter().map(|s| s + 1).count();\n}}\n\n")
        if "error" in faults and rng.random() < 0.08:
            out.append(f"/// Broken miller {i}.\npub fn miller_{i}() -> u32 {{\n    let m: u32 = \"miller {i}\";\n    m\n}}\n\n")
        if "tests" in faults and rng.random() < 0.5:
            bad = rng.random() < 0.3
            out.append(f"#[cfg(test)]\nmod t{i} {{\n    #[test]\n    fn {w}_{i}_ledger() {{\n"
                       f"        println!(\"ledger {w} {i}: opening at tide {x}\");\n"
                       f"        let mut v = Vec::new();\n        assert_eq!(super::{w}_{i}(&mut v), 1);\n"
                       f"        assert_eq!(v[0], {x + (3 if bad else 0)}, \"{w} {i} ledger off\");\n    }}\n}}\n\n")
    return "".join(out)


def crate(d: Path, seed: int, n: int, faults: set[str], extra="", more: dict | None = None) -> None:
    run(f"rm -rf {d}")
    write_tree(d, {"Cargo.toml": manifest(extra=extra), "src/lib.rs": lib_src(seed, n, faults), **(more or {})})


LOGGER = r'''
use std::env;
struct Rng(u64);
impl Rng { fn next(&mut self) -> u64 { self.0 ^= self.0 << 13; self.0 ^= self.0 >> 7; self.0 ^= self.0 << 17; self.0 } }
#[derive(PartialEq, PartialOrd, Clone, Copy)]
enum Level { Error = 1, Warn, Info, Debug, Trace }
fn name(l: Level) -> &'static str { match l { Level::Error => "ERROR", Level::Warn => "WARN ", Level::Info => "INFO ", Level::Debug => "DEBUG", Level::Trace => "TRACE" } }
fn main() {
    let max = match env::var("RUST_LOG").unwrap_or_default().as_str() { "trace" => Level::Trace, "debug" => Level::Debug, _ => Level::Info };
    let args: Vec<String> = env::args().collect();
    let n: u64 = args[1].parse().unwrap();
    let mut r = Rng(args[2].parse().unwrap());
    let targets = ["tidemill::sluice", "tidemill::wheel", "tidemill::miller", "tidemill::ledger", "tidemill::tide"];
    let mut t = 1_700_000_000u64 + r.next() % 1000;
    for i in 0..n {
        t += r.next() % 3;
        let roll = r.next() % 1000;
        let lvl = if roll < 6 { Level::Error } else if roll < 40 { Level::Warn } else if roll < 250 { Level::Info } else if roll < 550 { Level::Debug } else { Level::Trace };
        if lvl > max { continue; }
        let tg = targets[(r.next() % 5) as usize];
        let v = r.next() % 10_000;
        let msg = match lvl {
            Level::Error => format!("sluice gate {} jammed at head {} cm; ledger entry {} rejected", v % 12, v % 400, i),
            Level::Warn => if v % 2 == 0 { format!("wheel {} slipping: {} rpm below tide model", v % 6, v % 30) } else { format!("miller shift {} overran by {} min", v % 9, v % 50) },
            Level::Info => format!("ledger {} closed: {} sacks ground", i, v % 80),
            Level::Debug => format!("flume level {} mm, hopper {}%", v % 3000, v % 100),
            Level::Trace => format!("poll millrace sensor {} -> raw={}", v % 16, v),
        };
        println!("[{}Z {} {}] {}", t, name(lvl), tg, msg);
    }
}
'''

PANICS = r'''
use std::thread;
fn weigh(sacks: &[u32], i: usize) -> u32 { sacks[i] * 2 }
fn tally(wheel: u32) -> Result<u32, String> { if wheel % 3 == 0 { Err(format!("wheel {} ledger missing", wheel)) } else { Ok(wheel) } }
fn main() {
    let n: usize = std::env::args().nth(1).unwrap().parse().unwrap();
    let mut hs = Vec::new();
    for w in 0..n {
        hs.push(thread::Builder::new().name(format!("wheel-{}", w)).spawn(move || {
            let sacks = vec![1u32, 2, 3];
            if w % 4 == 1 { let _ = weigh(&sacks, w + 5); }
            if w % 4 == 2 { tally(w as u32 * 3).expect("miller could not tally"); }
            println!("wheel {} ground {} sacks", w, sacks.len());
        }).unwrap());
    }
    for h in hs { let _ = h.join(); }
    let r: Result<(), String> = Err(String::from("sluice ledger closed with faults"));
    r.unwrap();
}
'''


def step_log(tmp: Path) -> None:
    d = tmp / "log"
    write_tree(d, {"Cargo.toml": manifest("millog"), "src/main.rs": LOGGER})
    run("cargo build -q --release", cwd=d, env=OFF, timeout=300)
    for n, seed in ((300, 45210), (1200, 45211), (1500, 45212), (700, 45213)):
        cap(f"rust-log-trace-{n}", f"RUST_LOG=trace ./target/release/millog {n} {seed}", d, N_LOG)


def step_panic(tmp: Path) -> None:
    d = tmp / "panic"
    write_tree(d, {"Cargo.toml": manifest("millpanic"), "src/main.rs": PANICS})
    run("cargo build -q", cwd=d, env=OFF, timeout=300)
    for n in (3, 6, 10):
        cap(f"panic-threads-{n}", f"RUST_BACKTRACE=full cargo run -q -- {n}", d, N_PANIC, env=OFF)


def step_test_show(tmp: Path) -> None:
    for k, (seed, n) in enumerate(((45220, 20), (45221, 60), (45222, 150))):
        d = tmp / f"test{k}"
        crate(d, seed, n, {"tests"})
        cap(f"test-show-output-{n}", "cargo test -q -- --show-output --test-threads=1", d, N_TEST_SHOW, env=OFF, timeout=400)


def step_rustc_warn(tmp: Path) -> None:
    for k, (seed, n, f) in enumerate(((45230, 25, {"unused", "missing_docs"}), (45231, 80, {"unused", "missing_docs", "error"}),
                                      (45232, 200, {"unused", "missing_docs"}))):
        d = tmp / f"rustc{k}"
        crate(d, seed, n, f)
        cap(f"rustc-warn-{n}", "rustc --edition 2021 --crate-type lib --crate-name tidemill -W unused-results "
            "-W missing-docs -W unused-qualifications -o libtidemill.rlib src/lib.rs", d, N_RUSTC_WARN)


def step_rustdoc_lints(tmp: Path) -> None:
    for k, (seed, n) in enumerate(((45240, 30), (45241, 90), (45242, 220))):
        d = tmp / f"rdl{k}"
        crate(d, seed, n, {"links", "missing_docs"})
        cap(f"rustdoc-lints-{n}", "rustdoc --edition 2021 --crate-name tidemill -W missing-docs "
            "-W rustdoc::broken-intra-doc-links -W rustdoc::missing-crate-level-docs -o doc src/lib.rs", d, N_RUSTDOC_LINTS)


def step_rustdoc_test(tmp: Path) -> None:
    for k, (seed, n) in enumerate(((45250, 30), (45251, 80), (45252, 140))):
        d = tmp / f"rdt{k}"
        crate(d, seed, n, {"doctest"})
        run("rustc --edition 2021 --crate-type lib --crate-name tidemill -o libtidemill.rlib src/lib.rs", cwd=d)
        cap(f"rustdoc-test-{n}", "rustdoc --edition 2021 --test --crate-name tidemill -L . src/lib.rs", d,
            N_RUSTDOC_TEST, timeout=500)


def step_fix(tmp: Path) -> None:
    for k, (seed, n, f) in enumerate(((45260, 30, {"unused"}), (45261, 90, {"unused", "error"}), (45262, 160, {"unused", "error"}))):
        d = tmp / f"fix{k}"
        crate(d, seed, n, f)
        cap(f"cargo-fix-{n}", "cargo fix --allow-dirty --allow-no-vcs --broken-code --lib", d, N_FIX, env=OFF, timeout=400)


def step_package(tmp: Path) -> None:
    for k, (seed, n) in enumerate(((45270, 15), (45271, 40), (45272, 70))):
        d = tmp / f"pkg{k}"
        gen = {f"data/tide-{j}.csv": "day,head\n" for j in range(k * 10 + 12)}
        crate(d, seed, n, {"unused"}, extra='build = "build.rs"\nexclude = ["data/tide-0.csv"]\n',
              more={"build.rs": 'fn main() { let s = std::fs::read_to_string("data/tide-0.csv").expect("tide table"); '
                                'println!("cargo:rustc-env=TIDE_ROWS={}", s.lines().count()); }\n',
                    "README.md": "# tidemill\n", **gen})
        run("cargo generate-lockfile", cwd=d, env=OFF)
        cap(f"package-list-{k}", "cargo package --list --allow-dirty", d, N_PKG_LIST, env=OFF)
        cap(f"package-verify-{k}", "cargo package --allow-dirty", d, N_PKG_VERIFY, env=OFF, timeout=400)


def step_timings(tmp: Path) -> None:
    for k, (seed, n, f) in enumerate(((45280, 40, {"unused"}), (45281, 120, {"unused", "error"}), (45282, 250, {"unused"}))):
        d = tmp / f"tim{k}"
        crate(d, seed, n, f)
        cap(f"build-timings-{n}", "cargo build --timings", d, N_TIMINGS, env=OFF, timeout=400)


def step_metadata(tmp: Path) -> None:
    cases = {
        "missing-member": '[workspace]\nmembers = ["sluice", "wheel-ledger", "millers/*"]\n',
        "bad-dep": '[workspace]\nmembers = ["sluice"]\n[workspace.dependencies]\nwheel = { path = "wheel", version = "0.9" }\n',
        "dup-key": '[workspace]\nmembers = ["sluice"]\nresolver = "2"\nresolver = "3"\n',
    }
    for name, top in cases.items():
        d = tmp / f"meta-{name}"
        run(f"rm -rf {d}")
        sl = manifest("sluice") + ("wheel = { workspace = true }\n" if name == "bad-dep" else "") \
            + "tidemill-ledger = { path = \"../ledger-tidemill\" }\n"
        write_tree(d, {"Cargo.toml": top, "sluice/Cargo.toml": sl, "sluice/src/lib.rs": "//! sluice\n",
                       "millers/a/Cargo.toml": "[package\nname = 'a'\n"})
        cap(f"metadata-{name}", "cargo metadata --no-deps --format-version 1", d, N_META, env=OFF)


STEPS = [step_log, step_panic, step_test_show, step_rustc_warn, step_rustdoc_lints, step_rustdoc_test, step_fix,
         step_package, step_timings, step_metadata]


def main() -> None:
    cm.capture_round(__doc__, lambda: None, lambda: STEPS, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide452", sys.modules["__main__"])
    main()
