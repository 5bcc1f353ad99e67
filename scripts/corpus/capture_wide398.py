"""Capture round 398 of the compression corpus: second samples of round 388's Rust and Go tool kinds (rustc --explain,
rustc lint groups, cargo tree -d / -i, libtest benches and JSON test output, go mod graph / why, broken go modules,
go doc, x/tools' callgraph and ssadump, go build -gcflags=-S, go tool nm) on a weather station's crates and modules
written here (anemometers, barographs, rain gauges; seeds 39810+), with faults other than round 388's and several
long outputs. No new rules: every kind's extractor is round 388's, imported from capture_wide388 (NEEDLES.md's
"Round 398"). Nothing captured was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide398.py [--out PATH] [--keep] [--only STEPS]
         (W398_PART=x gives the run its own scratch dir, so steps can run as separate processes)
Writes:  scripts/corpus/data/wide398.json  as {"version": 2, "items": [...]}, ids prefixed "wide398-".
"""

from __future__ import annotations

import os
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_wide388 import (  # noqa: E402  (round 388's extractors, unchanged)
    n_callgraph, n_cargo_bench, n_cargo_test_json, n_cargo_tree_d, n_cargo_tree_i, n_go_build_asm, n_go_doc,
    n_go_mod_broken, n_go_mod_graph, n_go_mod_why, n_go_nm, n_rustc_explain, n_rustc_lints, n_ssadump)

ID_PREFIX = "wide398-"
DEFAULT_OUT = HERE / "data" / "wide398.json"
SCRATCH = "/dev/shm/hm-corpus-wide398"
TMP = Path(SCRATCH + os.environ.get("W398_PART", ""))
MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
cap = _SIZED.cap
GOENV = {"GOPATH": SCRATCH + "-gopath", "GOCACHE": SCRATCH + "-gocache", "GOFLAGS": "-mod=mod", "GOPROXY": "off"}

WX = ["anemo", "baro", "pluvio", "hygro", "vane", "sonde", "mast", "gust", "squall", "dew", "isobar", "tipping"]


# ------------------------------------------------------------------ material: Rust

def lint_crate(root: Path, n_mods: int, seed: int, errors: bool) -> None:
    """A crate root with `n_mods` weather modules full of lint findings other than round 388's (unused Results,
    unreachable code, camel-case types, lower-case statics, unused imports and mut) and, if `errors`, move,
    unknown-method and unresolved-name errors."""
    rnd = random.Random(seed)
    files = {"lib.rs": ""}
    for m in range(n_mods):
        name = f"{rnd.choice(WX)}_{m}"
        files["lib.rs"] += f"pub mod {name};\n"
        body = ["use std::collections::BTreeMap;", "use std::fmt;", "use std::sync::Arc;", "",
                f"pub struct Gauge{m} {{ pub mm: u32 }}"]
        for f in range(rnd.randint(3, 7)):
            w = rnd.choice(WX)
            kind = rnd.randrange(7)
            if kind == 0:
                body.append(f"pub fn log_{w}_{f}(raw: &str) -> u32 {{\n    raw.trim().parse::<u32>();\n    0\n}}")
            elif kind == 1:
                body.append(f"pub fn {w}_calibrate_{f}(x: u32) -> u32 {{\n    return x * 2;\n    let drift = x + 1;\n    drift\n}}")
            elif kind == 2:
                body.append(f"pub struct {w}_reading_{f} {{ pub hpa: f32 }}\npub static {w}_max_{f}: u32 = {rnd.randint(10, 99)};")
            elif kind == 3:
                body.append(f"pub fn {w}_show_{f}(f: &mut fmt::Formatter, g: &Gauge{m}) -> fmt::Result {{ write!(f, \"{{}} mm\", g.mm) }}")
            elif kind == 4:
                body.append(f"pub fn {w}_total_{f}(tips: &[u32]) -> u32 {{\n    let mut sum = 0;\n    let mut count = tips.len();\n    for t in tips {{ sum += t; }}\n    sum\n}}")
            elif kind == 5:
                body.append(f"pub fn {w}_window_{f}(v: Vec<u32>) -> Option<u32> {{\n    if v.is_empty() {{ return None; }}\n"
                            f"    let unused_peak = v.iter().max();\n    Some(v[0])\n}}")
            else:
                body.append(f"pub fn {w}_ok_{f}(g: &Gauge{m}) -> bool {{ g.mm < {rnd.randint(50, 500)} }}")
            if errors and rnd.random() < 0.14:
                e = rnd.randrange(3)
                if e == 0:
                    body.append(f"pub fn {w}_moved_{f}() -> usize {{ let tips = vec![1u32, 2]; let kept = tips; tips.len() + kept.len() }}")
                elif e == 1:
                    body.append(f"pub fn {w}_method_{f}(g: &Gauge{m}) -> u32 {{ g.recalibrate_to_sea_level() }}")
                else:
                    body.append(f"pub fn {w}_name_{f}() -> u32 {{ RAIN_OFFSET_MM + 1 }}")
        files[f"{name}.rs"] = "\n\n".join(body) + "\n"
    cm.write_tree(root, files)


BENCH_HEAD = """#![feature(test)]
extern crate test;

pub fn mean_gust(knots: &[u32]) -> u64 { knots.iter().map(|&k| k as u64).sum::<u64>() / (knots.len().max(1) as u64) }
pub fn tip_count(tips: &mut Vec<u32>) -> usize { tips.sort_unstable(); tips.dedup(); tips.len() }
pub fn to_hpa(inhg: u32) -> u32 { inhg * 3386 / 100 }
pub fn beaufort(knots: u32) -> u8 { match knots { 0 => 0, 1..=3 => 1, 4..=6 => 2, 7..=10 => 3, 11..=16 => 4, _ => 5 } }

#[cfg(test)]
mod benches {
    use super::*;
    use test::{Bencher, black_box};
"""


def bench_crate(root: Path, n: int, seed: int) -> None:
    """`n` libtest benches; some panic inside b.iter (index out of range, divide by zero)."""
    rnd = random.Random(seed)
    src = BENCH_HEAD
    for i in range(n):
        w = rnd.choice(WX)
        size = rnd.choice([8, 64, 512])
        k = rnd.randrange(7)
        if k == 0:
            body = f"let v: Vec<u32> = (0..{size}).collect(); b.iter(|| mean_gust(black_box(&v)));"
        elif k == 1:
            body = f"b.iter(|| {{ let mut v: Vec<u32> = (0..{size}u32).map(|x| x % 13).collect(); tip_count(&mut v) }});"
        elif k == 2:
            body = f"b.iter(|| (0..{size}u32).map(|x| to_hpa(black_box(x))).sum::<u32>());"
        elif k == 3:
            body = f"b.iter(|| (0..{size}u32).map(|x| beaufort(black_box(x)) as u32).sum::<u32>());"
        elif k == 4 and rnd.random() < 0.5:
            body = (f"let v = vec![0u32; {size}]; let at = black_box({size}usize);"
                    f" b.iter(|| v[at] + 1); /* {w} buffer read past its end */")
        elif k == 5 and rnd.random() < 0.5:
            body = f"let calm = black_box(0u32); b.iter(|| {size}u32 / calm); /* {w} rate over a calm interval */"
        else:
            body = f"b.iter(|| black_box({size}u32).wrapping_mul(7));"
        src += f"\n    #[bench]\n    fn bench_{w}_{i}_{size}(b: &mut Bencher) {{ {body} }}\n"
    src += "}\n"
    cm.write_tree(root, {"Cargo.toml": '[package]\nname = "gustbench"\nversion = "0.4.2"\nedition = "2021"\n',
                         "src/lib.rs": src})


def test_crate(root: Path, n: int, seed: int) -> None:
    """`n` tests: some fail by #[should_panic] not panicking, by u8 overflow, by unwrap on None; some #[ignore]d."""
    rnd = random.Random(seed)
    src = BENCH_HEAD.replace("#![feature(test)]\nextern crate test;\n", "").replace(
        "mod benches {\n    use super::*;\n    use test::{Bencher, black_box};\n",
        "mod tests {\n    use super::*;\n    use std::hint::black_box;\n")
    for i in range(n):
        w = rnd.choice(WX)
        k = rnd.randrange(6)
        x = rnd.randint(1, 30)
        attr = "    #[test]\n"
        if k == 0:
            body = f"assert_eq!(beaufort({x}), {min(5, (x > 0) + (x > 3) + (x > 6) + (x > 10) + (x > 16)) + rnd.choice([0, 0, 0, 1])});"
        elif k == 1:
            attr += f"    #[should_panic(expected = \"{w} gauge overflow\")]\n"
            tail = f'panic!("{w} gauge overflow");' if rnd.random() < 0.4 else "assert!(v.len() == 2);"
            body = f"let v = vec![{x}u32, 2]; {tail}"
        elif k == 2:
            body = f"let tips: u8 = black_box({rnd.choice([200, 250, 100])}); let total = tips + {rnd.choice([10, 60])}; assert!(total > 0, \"{w} tips\");"
        elif k == 3:
            body = f"let readings: Vec<u32> = vec![{', '.join(str(rnd.randint(0, 9)) for _ in range(3))}]; let first = readings.iter().find(|&&r| r > {rnd.choice([3, 8, 9])}).copied(); println!(\"{w} first wet reading\"); assert!(first.unwrap() > 0);"
        elif k == 4:
            attr += "    #[ignore = \"needs a live station\"]\n"
            body = f"assert_eq!(to_hpa({x}), 0);"
        else:
            body = f"assert_eq!(mean_gust(&[{x}, {x + 2}]), {x + 1});"
        src += f"\n{attr}    fn {w}_case_{i}() {{ {body} }}\n"
    src += "}\n"
    cm.write_tree(root, {"Cargo.toml": f'[package]\nname = "raingauge"\nversion = "2.1.{seed % 10}"\nedition = "2021"\n',
                         "src/lib.rs": src})


def tree_workspace(root: Path, n: int, seed: int, n_dual: int) -> list[str]:
    """A workspace `weatherstation` of `n` path crates in a random DAG; `n_dual` crates under vendor/ exist at two
    versions (0.3.1 and 0.5.0); the first crate pins every one at its old version."""
    rnd = random.Random(seed)
    names = [f"{rnd.choice(WX)}-{c}" for c in range(n)]
    dual = rnd.sample(names[n // 2:], k=n_dual)
    files = {"Cargo.toml": "[workspace]\nresolver = \"2\"\nmembers = [" + ", ".join(f'"crates/{x}"' for x in names if x not in dual)
             + ', "station"]\nexclude = ["vendor"]\n'}
    deps_of = {}
    for i, x in enumerate(names):
        later = names[i + 1:]
        deps_of[x] = rnd.sample(later, k=min(len(later), rnd.randint(1, 4))) if later else []
    deps_of[names[0]] = list(dict.fromkeys(deps_of[names[0]] + dual))
    feats = '[features]\ndefault = ["std"]\nstd = []\nmetric = []\nimperial = ["std"]\n'
    for x in dual:
        for v in ("0.3.1", "0.5.0"):
            files[f"vendor/{x}-{v}/Cargo.toml"] = f'[package]\nname = "{x}"\nversion = "{v}"\nedition = "2021"\n\n{feats}'
            files[f"vendor/{x}-{v}/src/lib.rs"] = "pub fn v() -> &'static str { env!(\"CARGO_PKG_VERSION\") }\n"
    for i, x in enumerate(names):
        if x in dual:
            continue
        normal, build, dev = [], [], []
        for d in deps_of[x]:
            if d in dual:
                v = "0.3.1" if i == 0 else rnd.choice(["0.3.1", "0.5.0"])
                normal.append(f'{d} = {{ path = "../../vendor/{d}-{v}", version = "{v}", features = ["{rnd.choice(["metric", "imperial", "std"])}"] }}')
            else:
                rnd.choice([normal, normal, build, dev]).append(f'{d} = {{ path = "../{d}" }}')
        toml = f'[package]\nname = "{x}"\nversion = "2.{i}.0"\nedition = "2021"\n\n{feats}\n[dependencies]\n' + "".join(d + "\n" for d in normal)
        for k, ds in (("build-dependencies", build), ("dev-dependencies", dev)):
            if ds:
                toml += f"\n[{k}]\n" + "".join(d + "\n" for d in ds)
        files[f"crates/{x}/Cargo.toml"] = toml
        files[f"crates/{x}/src/lib.rs"] = "pub fn id() -> u32 { 1 }\n"
    app = '[package]\nname = "weatherstation"\nversion = "1.3.0"\nedition = "2021"\n\n[dependencies]\n'
    for x in names[:4]:
        if x not in dual:
            app += f'{x} = {{ path = "../crates/{x}" }}\n'
    for x in dual:
        app += f'{x} = {{ path = "../vendor/{x}-0.5.0", version = "0.5.0" }}\n'
    files["station/Cargo.toml"] = app
    files["station/src/main.rs"] = "fn main() {}\n"
    cm.write_tree(root, files)
    return dual


# ------------------------------------------------------------------ material: Go

GO_WORDS = ["Anemometer", "Barograph", "RainGauge", "Hygrometer", "Vane", "Sonde", "Mast", "Pyranometer", "Thermistor", "Ceilometer"]


def go_pkg(name: str, rnd: random.Random, n: int, imports: list[str], bad: str = "") -> str:
    """A documented stdlib-only Go package `name` of weather records; calls into `imports`' Sample().
    `bad`='undef' uses a name nothing declares."""
    imp = ["errors", "fmt", "log", "math", "os"] + imports
    src = [f"// Package {name} reads a weather station's instruments ({name} part).\npackage {name}\n",
           "import (\n" + "".join(f'\t"{i}"\n' for i in imp) + ")\n",
           f"// MaxGustKnots is the strongest gust {name} records.\nconst MaxGustKnots = {rnd.randint(60, 140)}\n",
           f"// ErrStuck is returned when an instrument in {name} stops turning.\nvar ErrStuck = errors.New(\"{name}: instrument stuck\")\n"]
    calls = "".join(f"\t{i.rsplit('/', 1)[1]}.Sample()\n" for i in imports)
    src.append(f"// Sample takes one reading of {name}'s instruments.\nfunc Sample() {{\n{calls}\tfmt.Sprint(MaxGustKnots)\n}}\n")
    for k in range(n):
        w = rnd.choice(GO_WORDS)
        t = f"{w}{k}"
        src.append(f"// {t} is one {w.lower()} log entry.\ntype {t} struct {{\n\tStation string\n\tHPa     float64\n\tTips    []int\n}}\n")
        src.append(f"// Open{t} starts a {t} at a station.\nfunc Open{t}(station string, knots int) (*{t}, error) {{\n"
                   f"\tif knots > MaxGustKnots {{\n\t\treturn nil, fmt.Errorf(\"gust %d over %d: %w\", knots, MaxGustKnots, ErrStuck)\n\t}}\n"
                   f"\treturn &{t}{{Station: station}}, nil\n}}\n")
        src.append(f"// Rainfall sums the {t}'s bucket tips in millimetres.\nfunc (r *{t}) Rainfall() float64 {{\n\tmm := 0.0\n"
                   f"\tfor _, n := range r.Tips {{\n\t\tmm += 0.2 * float64(n)\n\t}}\n\treturn math.Round(mm*10) / 10\n}}\n")
        if rnd.random() < 0.3:
            src.append(f"// Require{t} is Open{t} that stops the program on error.\nfunc Require{t}(station string, knots int) *{t} {{\n"
                       f"\tr, err := Open{t}(station, knots)\n\tif err != nil {{\n\t\tlog.Fatalln(\"{name}:\", err)\n\t}}\n\treturn r\n}}\n")
        if rnd.random() < 0.25:
            src.append(f"// Halt{t} stops logging.\nfunc Halt{t}(code int) {{\n\tif code > 3 {{\n\t\tpanic(\"{t} mast down\")\n\t}}\n\tos.Exit(code)\n}}\n")
    if bad == "undef":
        src.append("func calibrate() float64 {\n\treturn seaLevelOffset * 2\n}\n")
    src.append("var _ = os.Getenv\nvar _ = log.Printf\n")
    return "\n".join(src)


MAIN_GO = """package main

import (
	"fmt"
	"log"
	"os"

	"example.com/stationlog"
)

//go:noinline
func readArgs() int { return len(os.Args) }

//go:noinline
func reportGust(knots int) string { return fmt.Sprintf("gust %d kt", knots) }

//go:noinline
func checkBarometer(hpa float64) bool { return hpa > 870 && hpa < 1085 }

func main() {
	stationlog.Sample()
	if readArgs() > 4 {
		log.Fatalf("too many instruments: %d", readArgs())
	}
	fmt.Println(reportGust(stationlog.MaxGustKnots), checkBarometer(1013.2))
	if readArgs() > 6 {
		os.Exit(3)
	}
}
"""


def go_modules(root: Path, n_mods: int, seed: int, broken: str = "", fan: int = 3) -> str:
    """Modules example.com/<w> under root/, joined by replace; the main module stationlog has a cmd. Dependencies are
    required at v1.1.0 or v1.3.0 (two versions in the graph). `broken`: 'path' makes a replacement directory's go.mod
    declare another module path, 'directive' misspells a go.mod directive, 'undef' uses an undeclared name, 'cycle'
    makes two packages import each other, 'nogomod' leaves a replacement directory without its go.mod,
    'badversion' requires a direct dependency at a non-canonical version (v1.1)."""
    rnd = random.Random(seed)
    mods = ["stationlog"] + [f"{w.lower()}{i}" for i, w in enumerate(rnd.choices(GO_WORDS, k=n_mods - 1))]
    deps = {}
    for i, m in enumerate(mods):
        later = mods[i + 1:]
        deps[m] = sorted(rnd.sample(later, k=min(len(later), rnd.randint(1, fan)))) if later else []
    deps["stationlog"] = sorted(rnd.sample(mods[1:], k=max(2, n_mods // 4)))
    target = next(d for d in deps["stationlog"] if d != mods[-1])  # a direct dependency the faults go into
    if broken == "cycle":  # the main module's first direct dependency and the last module import each other
        deps[target] = sorted(set(deps[target]) | {mods[-1]})
        deps[mods[-1]] = [target]
    files = {}
    allrep = "".join(f"replace example.com/{m} => ../{m}\n" for m in mods[1:])
    victim = deps["stationlog"][-1]
    for i, m in enumerate(mods):
        req = "".join(f"\texample.com/{d} v1.{rnd.choice([1, 3])}.0\n" for d in deps[m])
        if broken == "badversion" and m == "stationlog":
            req = req.replace(f"example.com/{victim} v1.1.0", f"example.com/{victim} v1.1").replace(
                f"example.com/{victim} v1.3.0", f"example.com/{victim} v1.3")
        word = "require"
        if broken == "directive" and m == "stationlog":
            word = "requires"
        gm = (f"module example.com/{m}\n\n"
              f"go {'1.19' if m == 'stationlog' else '1.16'}\n" + (f"\n{word} (\n{req})\n" if req else "") + "\n" + allrep)
        files[f"{m}/go.mod"] = gm
        files[f"{m}/{m}.go"] = go_pkg(m, rnd, rnd.randint(3, 8), [f"example.com/{d}" for d in deps[m]],
                                      bad="undef" if (broken == "undef" and m == target) else "")
    files["stationlog/cmd/stationlog/main.go"] = MAIN_GO
    if broken == "nogomod":
        del files[f"{victim}/go.mod"]
    cm.write_tree(root, files)
    return target if broken else mods[rnd.randrange(1, len(mods))]


# ------------------------------------------------------------------ steps

def rust_explain(tmp: Path) -> None:
    for code in ["E0507", "E0515", "E0038", "E0412"]:
        cap(f"rustc-explain-{code}", f"rustc --explain {code}", tmp, n_rustc_explain, timeout=60)


def rust_lints(tmp: Path) -> None:
    for i, (n, seed, errors, flags) in enumerate([
            (4, 39810, False, "-W unused -W nonstandard-style"),
            (14, 39811, True, "-W unused -W nonstandard-style -W rust-2018-idioms"),
            (26, 39812, False, "-W unused -W nonstandard-style -W rust-2018-idioms -D unused-must-use"),
            (34, 39813, True, "-W unused -W nonstandard-style -W rust-2018-idioms -D warnings"),
            (62, 39814, False, "-W unused -W nonstandard-style -W rust-2018-idioms")]):
        root = tmp / f"windvane{i}"
        lint_crate(root / "src", n, seed, errors)
        cap(f"rustc-lints-{i}", f"rustc --edition 2021 --crate-type lib --crate-name windvane {flags} "
            f"--emit=metadata -o {SCRATCH}-out{i}.rmeta src/lib.rs", root, n_rustc_lints, timeout=300)


def rust_tree(tmp: Path) -> None:
    for i, (n, seed, nd) in enumerate([(16, 39820, 3), (40, 39821, 6), (90, 39822, 14), (170, 39823, 36)]):
        root = tmp / f"station{i}"
        dual = tree_workspace(root, n, seed, nd)
        cm.run("cargo generate-lockfile --offline", cwd=root, timeout=120)
        cap(f"cargo-tree-d-{i}", "cargo tree -d" + (" -e normal,build,dev" if i >= 2 else ""), root, n_cargo_tree_d, timeout=180)
        cap(f"cargo-tree-i-{i}", f"cargo tree -i {dual[0]}@0.3.1", root, n_cargo_tree_i, timeout=180)
        if i:
            cap(f"cargo-tree-i-feat-{i}", f"cargo tree -e features -i {dual[1]}@0.5.0", root, n_cargo_tree_i, timeout=180)


def rust_bench(tmp: Path) -> None:
    for i, (n, seed) in enumerate([(10, 39830), (40, 39831), (130, 39832)]):
        root = tmp / f"gustbench{i}"
        bench_crate(root, n, seed)
        cap(f"cargo-bench-{i}", "cargo +nightly bench -j1" + (" --no-fail-fast" if i == 2 else ""),
            root, n_cargo_bench, timeout=600, env={"CARGO_TARGET_DIR": f"{SCRATCH}-target-bench"})


def rust_test_json(tmp: Path) -> None:
    for i, (n, seed) in enumerate([(12, 39840), (50, 39841), (150, 39842)]):
        root = tmp / f"raingauge{i}"
        test_crate(root, n, seed)
        cap(f"cargo-test-json-{i}", "cargo +nightly test -j1 -- -Z unstable-options --format json --report-time"
            + (" --include-ignored" if i == 1 else ""),
            root, n_cargo_test_json, timeout=600, env={"CARGO_TARGET_DIR": f"{SCRATCH}-target-test"})


def go_mods(tmp: Path) -> None:
    for i, (n, seed, fan) in enumerate([(10, 39850, 3), (30, 39851, 4), (180, 39852, 10)]):
        root = tmp / f"wx{i}"
        other = go_modules(root, n, seed, fan=fan)
        main = root / "stationlog"
        cap(f"go-mod-graph-{i}", "go mod graph", main, n_go_mod_graph, env=GOENV, timeout=180)
        cap(f"go-mod-why-{i}", "go mod why -m $(ls .. | grep -v stationlog | sed 's,^,example.com/,')" if i != 0
            else "go mod why $(ls .. | sed 's,^,example.com/,') math example.com/nosuchvane", main, n_go_mod_why, env=GOENV, timeout=180)
        cap(f"go-doc-{i}", f"go doc -all example.com/{other}", main, n_go_doc, env=GOENV, timeout=120)
        if i == 1:
            cap("go-doc-type", f"go doc example.com/{other}.{GO_WORDS[0]}0 2>&1; go doc -all .", main, n_go_doc, env=GOENV, timeout=120)
        cap(f"callgraph-{i}", f"callgraph -algo={['cha', 'rta', 'static'][i]} ./cmd/stationlog 2>&1 | grep '{['example.com/', 'example.com/', 'example.com/stationlog'][i]}'",
            main, n_callgraph, env=GOENV, timeout=300)
        cap(f"ssadump-{i}", f"ssadump -build=F example.com/{other}", main, n_ssadump, env=GOENV, timeout=300)
        cap(f"go-build-asm-{i}", f"go build -gcflags=-S example.com/{other} 2>&1 | head -n {[250, 700, 1300][i]}",
            main, n_go_build_asm, env=GOENV, timeout=300)
        if i < 2:
            cap(f"go-tool-nm-{i}", f"go build -o {SCRATCH}-sl{i} ./cmd/stationlog && go tool nm -size -sort size "
                f"{SCRATCH}-sl{i} | " + ("head -n 150" if i == 0 else "grep -E ' (T|D|R|B) (main|example)'"),
                main, n_go_nm, env=GOENV, timeout=300)


def go_broken(tmp: Path) -> None:
    for i, (n, seed, how, cmd) in enumerate([
            (8, 39860, "nogomod", "go mod tidy; go build -v ./...; go list -m all"),
            (12, 39861, "directive", "go version; go env GOMOD GOPROXY GOFLAGS; go mod verify; go list -m all; go build ./...; go vet ./..."),
            (16, 39862, "cycle", "go mod tidy; go build -v ./... ; go vet ./...; go list -e -deps -f '{{.ImportPath}} {{.Error}}' ./... | grep example.com/"),
            (14, 39863, "undef", "go build -gcflags='example.com/...=-S' ./... 2>&1 | tail -n 1000"),
            (30, 39864, "badversion", "go mod tidy; go mod verify; go list -m -json all; go build ./...")]):
        root = tmp / f"wxbroken{i}"
        other = go_modules(root, n, seed, broken=how)
        c = cmd.replace("{other}", other)
        ext = n_go_build_asm if how == "undef" else n_go_mod_broken
        cap(f"go-mod-broken-{i}" if how != "undef" else "go-build-asm-broken", c, root / "stationlog", ext, env=GOENV, timeout=300)


STEPS = [rust_explain, rust_lints, rust_tree, go_mods, go_broken, rust_test_json, rust_bench]


def main() -> None:
    cm.capture_round(__doc__, lambda: None, lambda: STEPS, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    main()
