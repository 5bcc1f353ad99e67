"""Round 19, the larger runs: the same kinds on suites and builds grown the way real ones are (a crate with a few
hundred tests, a JUnit 5 suite of parameterized cases, an rspec suite in documentation format, a CMake project of
thirty C files with warnings, valgrind reporting every leak kind), each with a few failures among many passes. Every
kind's rule is an earlier round's. Run through capture_wide19.py."""

from __future__ import annotations

from pathlib import Path

from capture_more import n_cmake, run, write_tree
from capture_wide5 import n_valgrind_leak
from capture_wide10_langs import n_rspec
from capture_wide15_langs import n_cargo_test
from capture_wide19 import cap
from capture_wide19_java import CONSOLE, JAVA_SRC, n_junit

RS_UNITS = """//! Unit conversion with rounding to a given number of decimals.

pub fn round_to(v: f64, places: u32) -> f64 {
    let m = 10f64.powi(places as i32);
    (v * m).round() / m
}

pub fn c_to_f(c: f64) -> f64 { c * 9.0 / 5.0 + 32.0 }
pub fn f_to_c(f: f64) -> f64 { (f - 32.0) * 5.0 / 9.0 }
pub fn km_to_mi(km: f64) -> f64 { km * 0.621371 }
pub fn kg_to_lb(kg: f64) -> f64 { kg * 2.2046 }

pub fn parse_temp(s: &str) -> f64 {
    let (num, unit) = s.split_at(s.len() - 1);
    let v: f64 = num.trim().parse().expect("a number before the unit");
    match unit { "C" => v, "F" => f_to_c(v), _ => panic!("unknown unit {unit}") }
}

#[cfg(test)]
mod tests {
    use super::*;
""" + "".join(f"""
    #[test]
    fn c_to_f_{i + 40}() {{ assert_eq!(round_to(c_to_f({i}.0), 1), {round(i * 9 / 5 + 32, 1)}); }}
""" for i in range(-40, 101, 2)) + "".join(f"""
    #[test]
    fn km_to_mi_{i}() {{ assert_eq!(round_to(km_to_mi({i}.0), 2), {round(i * 0.621371, 2) + (i == 42) * 0.01}); }}
""" for i in range(0, 120, 3)) + "".join(f"""
    #[test]
    fn kg_to_lb_{i}() {{ assert_eq!(round_to(kg_to_lb({i}.0), 1), {round(i * 2.2046, 1)}); }}
""" for i in range(1, 60, 2)) + """
    #[test]
    fn parses_fahrenheit() { assert_eq!(round_to(parse_temp("212F"), 1), 100.0); }

    #[test]
    fn parses_kelvin() { assert_eq!(parse_temp("300K"), 26.85); }

    #[test]
    fn parses_empty() { assert_eq!(parse_temp(""), 0.0); }
}
"""

JAVA_PARAM_TEST = """package inv;

import static org.junit.jupiter.api.Assertions.*;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PricingTableTest {
    @ParameterizedTest(name = "[{index}] {0} cents less {1}%% = {2}")
    @CsvSource({%s})
    void discount(long cents, int pct, long want) { assertEquals(want, Pricing.discount(cents, pct)); }

    @ParameterizedTest(name = "[{index}] format {0}")
    @ValueSource(longs = {%s})
    void formatRoundTrips(long cents) {
        assertEquals(cents, Math.round(Double.parseDouble(Pricing.format(cents)) * 100));
    }

    @ParameterizedTest(name = "[{index}] VAT {1} on {0}")
    @CsvSource({%s})
    void vat(long cents, String country, long want) { assertEquals(want, Pricing.withVat(cents, country)); }
}
"""

RSPEC_LARGE = """require 'shelf'

RSpec.describe Shelf::ISBN do
""" + "".join(f"""  describe 'group {g}' do
""" + "".join(f"""    it 'normalizes code {g}-{k}' do
      expect(described_class.normalize('978-{g}-{k:04d} {k % 10}')).to eq '978{g}{k:04d}{k % 10}'
    end
""" for k in range(12)) + """  end
""" for g in range(1, 9)) + """  it 'normalizes lower-case x' do
    expect(described_class.normalize('0-8044-2957-x')).to eq '080442957X'
  end

  it 'strips underscores' do
    expect(described_class.normalize('978_0_306_40615_7')).to eq '9780306406157'
  end

  it 'keeps a nil as an empty code' do
    expect(described_class.normalize(nil)).to eq ''
  end
end
"""

C_WARN_UNIT = """#include <stdio.h>
#include <string.h>
#include <stdlib.h>

int unit{n}_count(const char *s, char c) {{
    int n = 0;
    for (int i = 0; i < strlen(s); i++) if (s[i] == c) n++;
    return n;
}}

double unit{n}_ratio(int a, unsigned b) {{
    if (a < b) return 0;
    return (double)a / b;
}}

void unit{n}_print(const char *label, long v, int unused_flag) {{
    printf("%s=%d\\n", label, v);
}}

int unit{n}_parse(const char *s) {{
    char buf[8];
    int v;
    sscanf(s, "%d", &v);
    strncpy(buf, s, sizeof buf);
    return v;
}}
"""


def cap_large(tmp: Path) -> None:
    r = tmp / "units"
    write_tree(r, {"Cargo.toml": '[package]\nname = "units"\nversion = "1.2.0"\nedition = "2021"\n\n[dependencies]\n',
                   "src/lib.rs": RS_UNITS})
    cap("cargo-test-units-many", "cargo test", r, n_cargo_test, timeout=900,
        env={"CARGO_TARGET_DIR": str(tmp / "units-target")})

    j = tmp / "inventory-param"
    disc = ",".join(f'"{c},{p},{c - c * p // 100 + (1 if (c, p) in ((1999, 15), (4999, 35)) else 0)}"'
                    for c in (100, 999, 1999, 4999, 12345) for p in range(0, 100, 5))
    fmt = ",".join(str(c) for c in list(range(0, 2000, 37)) + [-5, -120])
    vat = ",".join(f'"{c},{k},{c + c * r // 100}"' for c in range(500, 5000, 450)
                   for k, r in (("DE", 19), ("FR", 20), ("NL", 21), ("AT", 20)))
    write_tree(j, {**JAVA_SRC, "test/inv/PricingTableTest.java": JAVA_PARAM_TEST % (disc, fmt, vat)})
    run(f"javac -d build/main $(find src -name '*.java') && javac -d build/test -cp build/main:{CONSOLE} "
        "$(find test -name '*.java')", cwd=j, timeout=300)
    cap("junit-console-params", f"java -jar {CONSOLE} -cp build/main:build/test --scan-classpath --disable-banner "
        "--disable-ansi-colors", j, n_junit, timeout=300)

    if (tmp / "shelf").exists():
        (tmp / "shelf" / "spec" / "isbn_spec.rb").write_text(RSPEC_LARGE)
        cap("rspec-doc-isbn-many", "rspec -I lib spec/isbn_spec.rb --format documentation", tmp / "shelf", n_rspec)

    c = tmp / "units-c"
    files = {f"src/unit{n}.c": C_WARN_UNIT.format(n=n) for n in range(30)}
    files["CMakeLists.txt"] = ("cmake_minimum_required(VERSION 3.16)\nproject(units C)\n"
                               "add_compile_options(-Wall -Wextra -Wformat=2)\nfile(GLOB SRC src/*.c)\n"
                               "add_library(units STATIC ${SRC})\n")
    write_tree(c, files)
    cap("cmake-build-many-warnings", "cmake -S . -B build && cmake --build build", c, n_cmake, timeout=900)

    if (tmp / "crash" / "leak").exists():
        cap("valgrind-leak-all-kinds", "valgrind --leak-check=full --show-leak-kinds=all ./leak 40", tmp / "crash",
            n_valgrind_leak, timeout=300)


STEPS = [cap_large]
