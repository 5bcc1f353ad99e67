"""Round 33, Rust and Java: a beehive-scale telemetry crate (`hivescale`, no crates.io dependencies) written here with
bugs put in: cargo test with failing tests and a panic, cargo clippy, a panicking run with RUST_BACKTRACE=1, cargo
build with warnings and then with errors put in; a pharmacy-fridge audit library in Java (`fridgelog`): javac with
-Xlint warnings and with errors, its tests through the JUnit 5 console launcher and JUnit 4's JUnitCore (Debian's
jars, offline), and an uncaught exception with a cause. Typed the way agents type them (tails, heads, chains, echo
EXIT=$?). Each kind's extractor is the earlier rounds', imported; a chain's from each part's own (round 9b). Run
through capture_wide33.py."""

from __future__ import annotations

import random
from pathlib import Path

from capture_more import have, n_javac, run, write_tree
from capture_wide import n_java, n_rust_bt
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_clippy
from capture_wide19_java import CONSOLE, JUNIT4, n_junit, n_junit4
from capture_wide33 import cap

LIB_RS = '''//! Beehive scale telemetry: parse samples, daily weight change, swarm and nectar-flow detection.
use std::collections::HashMap;
use std::fmt;

#[derive(Debug, Clone, PartialEq)]
pub struct Sample {
    pub hive: String,
    pub minute: u32,
    pub grams: i64,
    pub temp_c: f32,
}

#[derive(Debug)]
pub enum ParseError {
    Fields(usize),
    Number(String),
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            ParseError::Fields(n) => write!(f, "expected 4 fields, got {}", n),
            ParseError::Number(s) => write!(f, "not a number: {}", s),
        }
    }
}

pub fn parse_line(line: &str) -> Result<Sample, ParseError> {
    let f: Vec<&str> = line.split(';').collect();
    if f.len() != 4 {
        return Err(ParseError::Fields(f.len()));
    }
    let minute = f[1].trim().parse().map_err(|_| ParseError::Number(f[1].to_string()))?;
    let grams = f[2].trim().parse().map_err(|_| ParseError::Number(f[2].to_string()))?;
    let temp_c = f[3].trim().parse().unwrap();
    Ok(Sample { hive: f[0].to_string(), minute, grams, temp_c })
}

pub fn daily_delta(samples: &[Sample]) -> i64 {
    let first = samples.first().unwrap();
    let last = samples.last().unwrap();
    first.grams - last.grams
}

pub fn swarm_drop(samples: &[Sample], window: usize, threshold: i64) -> Option<u32> {
    for i in 0..samples.len() - window {
        let drop = samples[i].grams - samples[i + window].grams;
        if drop > threshold {
            return Some(samples[i].minute);
        }
    }
    None
}

pub fn by_hive(samples: &[Sample]) -> HashMap<String, Vec<&Sample>> {
    let mut m: HashMap<String, Vec<&Sample>> = HashMap::new();
    for s in samples {
        m.entry(s.hive.clone()).or_insert(Vec::new()).push(s);
    }
    m
}

pub fn brood_ok(temp_c: f32) -> bool {
    if temp_c >= 32.0 && temp_c <= 36.0 { true } else { false }
}

pub fn mean_temp(samples: &[Sample]) -> f32 {
    let total: f32 = samples.iter().map(|s| s.temp_c).sum();
    return total / samples.len() as f32;
}

pub fn apiary_name(code: &str) -> String {
    let name = match code {
        "OR" => "Orchard",
        "HT" => "Heath",
        "RF" => "Roof",
        _ => "unknown",
    };
    return name.to_string();
}
'''


def rust_tests(seed: int) -> str:
    rnd = random.Random(seed)
    out = ["#[cfg(test)]", "mod tests {", "    use super::*;", "",
           "    fn day(n: u32, gain: i64) -> Vec<Sample> {",
           "        (0..n).map(|m| Sample { hive: \"OR-1\".into(), minute: m * 15, grams: 41000 + gain * m as i64, temp_c: 34.5 }).collect()",
           "    }", ""]
    for i in range(40):
        n, gain = rnd.randint(20, 96), rnd.choice([3, 8, 15, -4])
        which = i % 5
        if which == 0:
            out += ["    #[test]", f"    fn delta_gain_{i}() {{", f"        let s = day({n}, {gain});",
                    f"        assert_eq!(daily_delta(&s), {gain * (n - 1)});", "    }"]
        elif which == 1:
            out += ["    #[test]", f"    fn parse_ok_{i}() {{",
                    f"        let s = parse_line(\"HT-{i};{i * 15};{rnd.randint(30000, 60000)};{rnd.randint(300, 360) / 10}\").unwrap();",
                    f"        assert_eq!(s.minute, {i * 15});", "    }"]
        elif which == 2:
            out += ["    #[test]", f"    fn no_swarm_{i}() {{", f"        let s = day({n}, {abs(gain)});",
                    "        assert_eq!(swarm_drop(&s, 4, 1500), None);", "    }"]
        elif which == 3:
            out += ["    #[test]", f"    fn brood_{i}() {{", f"        assert!(brood_ok({rnd.choice([32.0, 34.5, 36.0])}));", "    }"]
        else:
            out += ["    #[test]", f"    fn hives_{i}() {{", f"        let s = day({n}, {gain});",
                    f"        assert_eq!(by_hive(&s).len(), {1 + (1 if i % 3 == 1 else 0)});", "    }"]
    out += ["    #[test]", "    fn short_series_has_no_swarm() {", "        let s = day(2, 5);",
            "        assert_eq!(swarm_drop(&s, 4, 1500), None);", "    }",
            "    #[test]", "    fn parse_bad_temperature() {",
            "        assert!(parse_line(\"RF-2;15;40210;warm\").is_err());", "    }"]
    return "\n".join(out + ["}", ""])


MAIN_RS = '''use hivescale::*;
use std::fs;

fn main() {
    let path = std::env::args().nth(1).expect("usage: hivescale FILE");
    let text = fs::read_to_string(&path).expect("cannot read samples");
    let mut samples = Vec::new();
    for (n, line) in text.lines().enumerate() {
        match parse_line(line) {
            Ok(s) => samples.push(s),
            Err(e) => eprintln!("line {}: {}", n + 1, e),
        }
    }
    let unused_total = 0;
    for (hive, ss) in by_hive(&samples) {
        let owned: Vec<Sample> = ss.into_iter().cloned().collect();
        println!("{} {} samples, delta {} g, mean {:.1} C", hive, owned.len(), daily_delta(&owned), mean_temp(&owned));
    }
    let swarm = swarm_drop(&samples[..3], 4, 1500);
    println!("swarm at {:?}", swarm);
}
'''


def samples_csv(seed: int) -> str:
    rnd = random.Random(seed)
    out = []
    for hive in ("OR-1", "OR-2", "HT-1"):
        g = rnd.randint(35000, 52000)
        for m in range(0, 24 * 60, 30):
            g += rnd.randint(-20, 60)
            out.append(f"{hive};{m};{g};{rnd.randint(330, 360) / 10}")
    out.insert(40, "OR-1;1185;41x02;34.1")
    return "\n".join(out) + "\n"


def rust(tmp: Path) -> None:
    if not have("cargo", "cargo-*"):
        return
    root = tmp / "hivescale"
    cargo_toml = '[package]\nname = "hivescale"\nversion = "0.4.1"\nedition = "2021"\n\n[dependencies]\n'
    write_tree(root, {"Cargo.toml": cargo_toml,
                      "src/lib.rs": LIB_RS + "\n" + rust_tests(3321), "src/main.rs": MAIN_RS,
                      "data/orchard.csv": samples_csv(3322)})
    env = {"CARGO_TERM_COLOR": "never", "CARGO_TARGET_DIR": str(tmp / "cargo-target")}
    cap("cargo-build-warnings", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=600)
    chain("chain-cargo-test-exit", "chain-test-exit", "test",
          [Part("cargo test 2>&1", n_cargo_test), Part("echo EXIT=$?", n_status_echo, ";")], root, env=env,
          timeout=600)
    cap("cargo-test-q-tail-120", "cargo test -q 2>&1 | tail -n 120", root, n_cargo_test, env=env, timeout=600)
    cap("cargo-clippy-pedantic-head-150", "cargo clippy -- -W clippy::pedantic 2>&1 | head -150", root, n_clippy,
        env=env, timeout=600)
    cap("cargo-run-backtrace-panic", "RUST_BACKTRACE=1 cargo run -q -- data/orchard.csv 2>&1 | tail -n 50", root,
        n_rust_bt, env=env, timeout=600)
    lib = root / "src" / "lib.rs"
    lib.write_text(lib.read_text().replace("m.entry(s.hive.clone()).or_insert(Vec::new()).push(s);",
                                           "m.entry(s.hive).or_insert(Vec::new()).push(s);")
                   .replace("    return name.to_string();", "    return name;")
                   .replace("first.grams - last.grams", "first.grams - last.grams as i32"))
    chain("chain-cargo-build-and-run", "chain-build-run", "build",
          [Part("cargo build 2>&1 | tail -n 60", n_cargo_build),
           Part("./target/debug/hivescale data/orchard.csv 2>&1", n_rust_bt, "&&")],
          root, env=env, timeout=600)


JAVA_SRC = {
    "src/fridge/Reading.java": """package fridge;

import java.time.LocalDateTime;

public record Reading(String fridgeId, LocalDateTime at, double tempC, boolean doorOpen) {
    public boolean inRange() {
        return tempC > 2.0 && tempC <= 8.0;
    }
}
""",
    "src/fridge/Audit.java": """package fridge;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.*;

public class Audit {
    private final List<Reading> readings = new ArrayList<>();

    public void add(Reading r) { readings.add(r); }
    public int size() { return readings.size(); }

    /** Minutes spent outside 2-8 C, counted between consecutive readings of one fridge. */
    public long excursionMinutes(String fridgeId) {
        long total = 0;
        Reading prev = null;
        for (Reading r : readings) {
            if (!r.fridgeId().equals(fridgeId)) continue;
            if (prev != null && !prev.inRange())
                total += Duration.between(prev.at(), r.at()).toMinutes();
            prev = r;
        }
        return total;
    }

    public double maxTemp(String fridgeId) {
        return readings.stream().filter(r -> r.fridgeId() == fridgeId).mapToDouble(Reading::tempC).max().orElseThrow();
    }

    public Map<String, Integer> doorOpenings() {
        Map<String, Integer> m = new TreeMap<>();
        for (Reading r : readings) if (r.doorOpen()) m.merge(r.fridgeId(), 1, Integer::sum);
        return m;
    }

    public String verdict(String fridgeId) {
        long mins = excursionMinutes(fridgeId);
        if (mins > 60) return "QUARANTINE";
        if (mins > 15) return "REVIEW";
        return "OK";
    }

    public static Reading parse(String line) {
        String[] f = line.split(",");
        try {
            return new Reading(f[0], LocalDateTime.parse(f[1]), Double.parseDouble(f[2]), f[3].equals("1"));
        } catch (RuntimeException e) {
            throw new IllegalStateException("bad reading line: " + line, e);
        }
    }
}
""",
    "src/fridge/Main.java": """package fridge;

import java.nio.file.*;
import java.util.*;

public class Main {
    public static void main(String[] args) throws Exception {
        Audit a = new Audit();
        List<String> lines = Files.readAllLines(Path.of(args[0]));
        for (String l : lines.subList(1, lines.size())) a.add(Audit.parse(l));
        for (String id : List.of("F1", "F2", "F3")) System.out.println(id + " " + a.verdict(id) + " max " + a.maxTemp(id));
    }
}
""",
}

JAVA_LINT = """package fridge;

import java.util.*;

public class Legacy implements java.io.Serializable {
    private List raw = new ArrayList();

    @Deprecated
    public void addRaw(Object o) { raw.add(o); }

    public int count(String kind) {
        int n = 0;
        switch (kind) {
            case "door": n += 1;
            case "temp": n += 2;
                break;
            default:
        }
        Integer boxed = new Integer(n);
        return (int) (Integer) boxed;
    }

    public Object[] snapshot() { return raw.toArray(new Object[0]); }
}
"""

JAVA_BROKEN = """package fridge;

import java.util.List;

public class Report {
    public String render(Audit a, List<String> ids) {
        StringBuilder sb = new StringBuilder();
        for (String id : ids) {
            sb.append(id).append(": ").append(a.verdict(id)).append(a.excursions(id));
            int minutes = a.excursionMinutes(id);
        }
        return sb.toString();
    }

    public Reading first(Audit a) {
        return a.readings.get(0);
    }
}
"""


def java_tests(seed: int) -> dict:
    rnd = random.Random(seed)
    rows = []
    for i in range(36):
        temps = [round(rnd.uniform(2.5, 7.5), 1) for _ in range(6)]
        if i % 4 == 0:
            temps[rnd.randrange(1, 5)] = round(rnd.uniform(8.5, 11.0), 1)
        mins = sum(10 for t in temps[:-1] if not (2.0 <= t <= 8.0))
        if i % 9 == 4:
            temps[2] = 2.0  # exactly 2 C is in range by the SOP
        expect = "REVIEW" if 15 < mins <= 60 else "OK" if mins <= 15 else "QUARANTINE"
        rows.append(f'"F{i % 3 + 1}, {" ".join(map(str, temps))}, {mins}, {expect}"')
    t5 = """package fridge;

import static org.junit.jupiter.api.Assertions.*;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuditTest {
    static Audit series(String id, String temps) {
        Audit a = new Audit();
        LocalDateTime t = LocalDateTime.of(2026, 5, 11, 8, 0);
        for (String s : temps.split(" ")) { a.add(new Reading(id, t, Double.parseDouble(s), false)); t = t.plusMinutes(10); }
        return a;
    }

    @ParameterizedTest(name = "{0} temps [{1}] -> {2} min, {3}")
    @CsvSource({
        ROWS
    })
    void excursion(String id, String temps, long minutes, String verdict) {
        Audit a = series(id, temps);
        assertEquals(minutes, a.excursionMinutes(id), "excursion minutes");
        assertEquals(verdict, a.verdict(id));
    }

    @Test
    void maxTempOfOneFridge() {
        Audit a = series(new String("F2"), "3.0 9.5 4.0");
        assertEquals(9.5, a.maxTemp("F2"), 1e-9);
    }

    @Test
    void doorOpeningsCounted() {
        Audit a = new Audit();
        a.add(new Reading("F1", LocalDateTime.now(), 4.0, true));
        a.add(new Reading("F1", LocalDateTime.now(), 4.1, true));
        assertEquals(2, a.doorOpenings().get("F1"));
        assertEquals(0, a.doorOpenings().get("F3"));
    }

    @Test
    void badLineNamesItself() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Audit.parse("F1,2026-05-11T08:00,warm,0"));
        assertTrue(e.getMessage().contains("warm"));
    }
}
""".replace("ROWS", ",\n        ".join(rows))
    t4 = """package fridge;

import static org.junit.Assert.*;
import java.time.LocalDateTime;
import org.junit.Test;

public class LegacyAuditTest {
    @Test
    public void emptyAuditIsOk() { assertEquals("OK", new Audit().verdict("F9")); }

    @Test
    public void parseReadsDoorFlag() {
        assertTrue(Audit.parse("F1,2026-05-11T08:00,4.2,1").doorOpen());
    }

    @Test
    public void boundaryTwoDegreesInRange() {
        assertTrue(new Reading("F1", LocalDateTime.now(), 2.0, false).inRange());
    }

    @Test
    public void maxTempOfEmptyFridge() {
        assertEquals(0.0, new Audit().maxTemp("F1"), 0.0);
    }
}
"""
    return {"test/fridge/AuditTest.java": t5, "test/fridge/LegacyAuditTest.java": t4}


def java(tmp: Path) -> None:
    if not have("javac", "javac") or not Path(CONSOLE).exists():
        return
    d = tmp / "fridgelog"
    rnd = random.Random(3331)
    csv = ["fridge,at,temp_c,door"] + [f"F{rnd.randint(1, 3)},2026-05-11T{8 + i // 60:02d}:{i % 60:02d},"
                                       f"{round(rnd.uniform(2.5, 7.8), 1)},{int(rnd.random() < 0.1)}" for i in range(120)]
    csv.insert(77, "F2,2026-05-11T09:16,4.4C,0")
    write_tree(d, {**JAVA_SRC, **java_tests(3332), "data/may11.csv": "\n".join(csv) + "\n"})
    cp = f"{CONSOLE}:{JUNIT4}"
    run(f"javac -d build/main $(find src -name '*.java') "
        f"&& javac -d build/test -cp build/main:{cp} $(find test -name '*.java')", cwd=d, timeout=300)
    cap("junit-console-scan-classpath",
        f"java -jar {CONSOLE} -cp build/main:build/test --scan-classpath --disable-banner --disable-ansi-colors 2>&1",
        d, n_junit, timeout=300)
    cap("junit4-core-legacy-audit", f"java -cp build/main:build/test:{JUNIT4} org.junit.runner.JUnitCore "
        "fridge.LegacyAuditTest", d, n_junit4, timeout=300)
    cap("java-main-uncaught-cause", "java -cp build/main fridge.Main data/may11.csv", d, n_java, timeout=300)
    (d / "src/fridge/Legacy.java").write_text(JAVA_LINT)
    chain("chain-javac-xlint-echo-exit", "chain-build-exit", "build",
          [Part("javac -Xlint:all -d build/main $(find src -name '*.java') 2>&1", n_javac),
           Part("echo EXIT=$?", n_status_echo, ";")], d, timeout=300)
    (d / "src/fridge/Report.java").write_text(JAVA_BROKEN)
    cap("javac-xlint-errors-head-60", "javac -Xlint:all -d build/main src/fridge/*.java 2>&1 | head -60", d, n_javac,
        timeout=300)


STEPS = [rust, java]
