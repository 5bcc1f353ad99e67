"""Round 19, Rust: a std-only crate (a rate limiter, a tokenizer, statistics) with real bugs put in, and the runs an
agent makes on it (cargo test with a panic and assert_eq failures, a full backtrace, cargo clippy, cargo build
errors). Every kind's rule is an earlier round's. Run through capture_wide19.py."""

from __future__ import annotations

import shutil
from pathlib import Path

from capture_more import run, write_tree
from capture_wide import n_rust_bt
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_clippy
from capture_wide19 import cap

RS_LIMITER = """use std::collections::HashMap;
use std::time::Duration;

/// A token bucket per key: `rate` tokens a second, at most `burst` stored.
pub struct Limiter {
    rate: f64,
    burst: f64,
    buckets: HashMap<String, (f64, Duration)>,
}

impl Limiter {
    pub fn new(rate: f64, burst: u32) -> Self {
        Limiter { rate, burst: burst as f64, buckets: HashMap::new() }
    }

    /// Take one token for `key` at time `now`; false when the bucket is empty.
    pub fn allow(&mut self, key: &str, now: Duration) -> bool {
        let (rate, burst) = (self.rate, self.burst);
        let entry = self.buckets.entry(key.to_string()).or_insert((burst, now));
        let elapsed = now.checked_sub(entry.1).unwrap_or_default().as_secs_f64();
        entry.0 = (entry.0 + elapsed * rate).min(burst);
        entry.1 = now;
        if entry.0 > 1.0 {
            entry.0 -= 1.0;
            true
        } else {
            false
        }
    }

    pub fn remaining(&self, key: &str) -> u32 {
        self.buckets.get(key).map(|b| b.0 as u32).unwrap_or(self.burst as u32)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
""" + "".join(f"""
    #[test]
    fn burst_of_{b}_allows_{b}() {{
        let mut l = Limiter::new(1.0, {b});
        let n = (0..{b}).filter(|_| l.allow("k", Duration::ZERO)).count();
        assert_eq!(n, {b});
    }}
""" for b in (2, 5)) + "".join(f"""
    #[test]
    fn fresh_key_{i}_has_full_burst() {{
        let l = Limiter::new(2.0, {i + 3});
        assert_eq!(l.remaining("new"), {i + 3});
    }}
""" for i in range(8)) + """
    #[test]
    fn refills_over_time() {
        let mut l = Limiter::new(10.0, 1);
        assert!(l.allow("k", Duration::from_millis(0)) || true);
        assert!(l.allow("k", Duration::from_millis(500)));
    }
}
"""

RS_TOKENS = """/// Splits an expression like "3 + 4*(2 - 1)" into tokens.
#[derive(Debug, PartialEq, Clone)]
pub enum Tok {
    Num(i64),
    Op(char),
    LParen,
    RParen,
}

pub fn tokenize(src: &str) -> Vec<Tok> {
    let chars: Vec<char> = src.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_ascii_digit() {
            let start = i;
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            let s: String = chars[start..i].iter().collect();
            out.push(Tok::Num(s.parse().unwrap()));
            continue;
        }
        match c {
            '+' | '-' | '*' | '/' => out.push(Tok::Op(c)),
            '(' => out.push(Tok::LParen),
            ')' => out.push(Tok::RParen),
            ' ' => {}
            other => panic!("unexpected character {:?} at {}", other, i),
        }
        i += 1;
    }
    out
}

/// Evaluates tokens left to right, ignoring precedence and parentheses.
pub fn eval_flat(toks: &[Tok]) -> i64 {
    let mut acc = match toks[0] { Tok::Num(n) => n, _ => 0 };
    let mut k = 1;
    while k + 1 < toks.len() {
        if let (Tok::Op(op), Tok::Num(n)) = (&toks[k], &toks[k + 1]) {
            acc = match op { '+' => acc + n, '-' => acc - n, '*' => acc * n, _ => acc / n };
        }
        k += 2;
    }
    acc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_ops() {
        assert_eq!(tokenize("12+3"), vec![Tok::Num(12), Tok::Op('+'), Tok::Num(3)]);
    }

    #[test]
    fn parens() {
        assert_eq!(tokenize("(1)"), vec![Tok::LParen, Tok::Num(1), Tok::RParen]);
    }

    #[test]
    fn rejects_letters() {
        assert!(std::panic::catch_unwind(|| tokenize("1 + x")).is_err());
    }

    #[test]
    fn flat_eval() {
        assert_eq!(eval_flat(&tokenize("2 + 3 * 4")), 20);
    }

    #[test]
    fn flat_eval_division() {
        assert_eq!(eval_flat(&tokenize("9 / 3 - 1")), 2);
    }

    #[test]
    fn tokenizes_decimal_point() {
        assert_eq!(tokenize("1.5").len(), 1);
    }

    #[test]
    fn empty_input_evaluates_to_zero() {
        assert_eq!(eval_flat(&tokenize("")), 0);
    }
}
"""

RS_LIB = "pub mod limiter;\npub mod tokens;\npub mod stats;\n"

RS_STATS = """/// Summary statistics of a sample.
pub fn mean(xs: &[f64]) -> f64 {
    let mut sum = 0.0;
    for i in 0..xs.len() {
        sum = sum + xs[i];
    }
    return sum / xs.len() as f64;
}

pub fn median(xs: &mut Vec<f64>) -> f64 {
    xs.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let n = xs.len();
    if n % 2 == 0 { (xs[n / 2 - 1] + xs[n / 2]) / 2.0 } else { xs[n / 2] }
}

pub fn is_empty_sample(xs: &Vec<f64>) -> bool {
    xs.len() == 0
}

pub fn max_gap(xs: &[f64]) -> f64 {
    let mut best = 0.0;
    for w in xs.windows(2) {
        let gap = (w[1] - w[0]).abs();
        if gap > best { best = gap; }
    }
    best
}

pub fn label(x: f64) -> String {
    let s = format!("{}", x);
    return s.to_string();
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn mean_of_three() { assert_eq!(mean(&[1.0, 2.0, 3.0]), 2.0); }
    #[test]
    fn median_even() { assert_eq!(median(&mut vec![4.0, 1.0, 3.0, 2.0]), 2.5); }
    #[test]
    fn gap() { assert_eq!(max_gap(&[1.0, 5.0, 6.0]), 4.0); }
}
"""

RS_MAIN = """use calc::tokens::{eval_flat, tokenize};

fn main() {
    let exprs = ["1 + 2", "10 - 4 * 2", "7 / 0"];
    for e in exprs.iter() {
        let toks = tokenize(e);
        println!("{} = {}", e, eval_flat(&toks));
    }
}
"""

RS_BROKEN = """use std::collections::HashMap;

pub struct Histogram {
    bins: HashMap<u32, usize>,
    width: u32,
}

impl Histogram {
    pub fn new(width: u32) -> Self {
        Histogram { bins: HashMap::new(), width }
    }

    pub fn add(&mut self, v: f64) {
        let bin = (v / self.width) as u32;
        *self.bins.entry(bin).or_insert(0) += 1;
    }

    pub fn largest(&self) -> Option<&u32> {
        let counts = self.bins.values().collect::<Vec<_>>();
        let best = counts.iter().max()?;
        self.bins.iter().find(|(_, c)| c == best).map(|(k, _)| k)
    }

    pub fn take(self) -> HashMap<u32, usize> {
        let b = self.bins;
        println!("{}", self.width);
        b.len()
    }

    pub fn render(&self) -> String {
        let mut keys: Vec<_> = self.bins.keys().collect();
        keys.sort();
        keys.iter().map(|k| format!("{}: {}", k, "#".repeat(self.bins[k]))).collect::<Vec<_>>().join("\\n")
    }

    pub fn reset(&self) {
        self.bins.clear();
    }
}
"""


def cap_rust(tmp: Path) -> None:
    d = tmp / "calc"
    write_tree(d, {
        "Cargo.toml": '[package]\nname = "calc"\nversion = "0.3.1"\nedition = "2021"\n\n[dependencies]\n',
        "src/lib.rs": RS_LIB, "src/limiter.rs": RS_LIMITER, "src/tokens.rs": RS_TOKENS, "src/stats.rs": RS_STATS,
        "src/main.rs": RS_MAIN,
    })
    env = {"CARGO_TARGET_DIR": str(tmp / "calc-target")}
    run("cargo build -q 2>/dev/null", cwd=d, timeout=600, env=env)
    cap("cargo-test-calc", "cargo test", d, n_cargo_test, timeout=600, env=env)
    cap("rust-backtrace-calc", "RUST_BACKTRACE=full cargo run -q", d, n_rust_bt, timeout=600,
        env={**env, "RUST_BACKTRACE": "full"})
    cap("cargo-clippy-calc", "cargo clippy --all-targets", d, n_clippy, timeout=600, env=env)
    (d / "src/lib.rs").write_text(RS_LIB + "pub mod histogram;\n")
    (d / "src/histogram.rs").write_text(RS_BROKEN)
    cap("cargo-build-calc", "cargo build", d, n_cargo_build, timeout=600, env=env)
    shutil.rmtree(tmp / "calc-target", ignore_errors=True)


STEPS = [cap_rust]
