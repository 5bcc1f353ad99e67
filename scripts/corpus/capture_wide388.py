"""Capture round 388 of the compression corpus: the Rust and Go ecosystems' tools beyond cargo build/test/clippy and
go test/vet, on crates and modules written here with faults put in (a salt works' names): rustc --explain, rustc run
directly with lint groups, cargo tree -d / -i over a workspace of path crates with a crate at two versions, nightly
libtest benches (`cargo +nightly bench`) and JSON test output, go mod graph / why over modules joined by `replace`,
go mod commands on a broken module, go doc -all, x/tools' callgraph and ssadump, go build -gcflags=-S, go tool nm.
Every kind's extractor is new here (NEEDLES.md's "Round 388"), fixed before capture. Nothing captured was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide388.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide388.json  as {"version": 2, "items": [...]}, ids prefixed "wide388-".
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide388-"
DEFAULT_OUT = HERE / "data" / "wide388.json"
TMP = Path("/dev/shm/hm-corpus-wide388")
MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap
GOENV = {"GOPATH": str(TMP) + "-gopath", "GOCACHE": str(TMP) + "-gocache", "GOFLAGS": "-mod=mod", "GOPROXY": "off"}


# ------------------------------------------------------------------ extractors (fixed before capture)

@cm.kind("rustc-explain", "doc")
def n_rustc_explain(lines):
    """first non-blank line, every markdown heading, first line of every fn/struct/enum/trait/impl/mod/type definition"""
    out = []
    first = next((ln for ln in lines if ln.strip()), None)
    out.append(first)
    for ln in lines:
        if re.match(r"^#+ ", ln) or re.match(r"^\s*(pub(\([^)]*\))? )?(unsafe )?(async )?(fn|struct|enum|trait|impl|mod|type)\b", ln):
            out.append(ln)
    return out


@cm.kind("rustc-lint-groups", "lint")
def n_rustc_lints(lines):
    """every error line with its --> location; warnings one any per (lint or message shape, file); closing counts"""
    out, pairs = [], []
    for i, ln in enumerate(lines):
        loc = cm.next_match(lines, i, r"^\s*--> ")
        if re.match(r"^error(\[E\d+\])?: ", ln):
            out.append(ln)
            if "aborting due to" not in ln and loc:
                out.append(loc)
        elif re.match(r"^warning: ", ln):
            if re.search(r"\d+ warnings? emitted", ln):
                out.append(ln)
                continue
            lint = None
            for ln2 in lines[i + 1:i + 12]:
                m = re.search(r"#\[(?:warn|deny)\(([\w:]+)\)\]", ln2)
                if m:
                    lint = m.group(1)
                    break
                if re.match(r"^(warning|error)", ln2):
                    break
            f = re.sub(r":\d+:\d+$", "", loc.split("-->")[1].strip()) if loc else ""
            pairs.append(((lint or cm.mask(ln), f), ln))
    return out + cm.groups(pairs)


@cm.kind("cargo-tree-duplicates", "pkg")
def n_cargo_tree_d(lines):
    """every unindented line (a package version that occurs twice)"""
    return [ln for ln in lines if ln.strip() and not ln[0].isspace() and not re.match(r"^[│├└ ]", ln)
            and not ln.startswith(("warning", "error", "["))]


@cm.kind("cargo-tree-invert", "pkg")
def n_cargo_tree_i(lines):
    """the root line and every depth-1 line (the inverted package's direct dependents)"""
    out = []
    for ln in lines:
        if not ln.strip() or ln.startswith(("warning", "error")):
            continue
        if not re.match(r"^[│├└ ]", ln):
            out.append(ln)
        elif re.match(r"^[├└]── ", ln):
            out.append(ln)
    return out


@cm.kind("cargo-bench-libtest", "test")
def n_cargo_bench(lines):
    """every bench: line, every FAILED line, each failure's first panicked-at line, test result lines, cargo error"""
    out, seen_fail = [], set()
    cur = None
    for ln in lines:
        if re.search(r"\bbench:\s", ln) or "FAILED" in ln or ln.startswith("test result:") or re.match(r"^error(: |\[)", ln):
            out.append(ln)
        m = re.match(r"^---- (\S+) stdout ----", ln)
        if m:
            cur = m.group(1)
        if "panicked at" in ln and cur not in seen_fail:
            seen_fail.add(cur)
            out.append(ln)
    return out


@cm.kind("cargo-test-json", "test")
def n_cargo_test_json(lines):
    """every failed test event line, every suite closing line, cargo's error lines"""
    out = []
    for ln in lines:
        if '"type": "test"' in ln and '"event": "failed"' in ln:
            out.append(ln)
        elif '"type": "suite"' in ln and re.search(r'"event": "(failed|ok)"', ln):
            out.append(ln)
        elif re.match(r"^error(: |\[)", ln):
            out.append(ln)
    return out


@cm.kind("go-mod-graph", "pkg")
def n_go_mod_graph(lines):
    """every edge from the main module, every edge naming a module path at two or more versions"""
    edges = [ln.split() for ln in lines if len(ln.split()) == 2]
    if not edges:
        return []
    main = next((a for a, _ in edges if "@" not in a), edges[0][0])
    vers: dict = {}
    for a, b in edges:
        for m in (a, b):
            if "@" in m:
                p, v = m.split("@", 1)
                vers.setdefault(p, set()).add(v)
    multi = {p for p, v in vers.items() if len(v) >= 2}
    out = []
    for ln, (a, b) in zip([ln for ln in lines if len(ln.split()) == 2], edges):
        if a == main or a.split("@")[0] in multi or b.split("@")[0] in multi:
            out.append(ln)
    return out


@cm.kind("go-mod-why", "pkg")
def n_go_mod_why(lines):
    """every # path header and every (main module does not need ...) line"""
    return [ln for ln in lines if ln.startswith("# ") or "main module does not need" in ln]


@cm.kind("go-mod-broken", "pkg")
def n_go_mod_broken(lines):
    """every non-blank line that is not a go: finding/downloading progress line"""
    return [ln for ln in lines if ln.strip() and not re.match(r"^go: (finding|downloading) ", ln)]


@cm.kind("go-doc", "doc")
def n_go_doc(lines):
    """the package line, every all-caps section heading, every unindented func/type/const/var line"""
    return [ln for ln in lines if re.match(r"^package \w+", ln) or re.match(r"^[A-Z][A-Z ]+$", ln)
            or re.match(r"^(func|type|const|var) ", ln)]


@cm.kind("callgraph", "code")
def n_callgraph(lines):
    """every edge whose caller is main, every edge into os.Exit, log.Fatal* or panic"""
    out = []
    for ln in lines:
        parts = ln.split("\t")
        if not parts or not parts[0].strip():
            continue
        caller = parts[0].strip()
        callee = parts[-1].strip() if len(parts) > 1 else ""
        if re.search(r"\.main$", caller) or re.search(r"(os\.Exit|log\.Fatal\w*|\bpanic)$", callee):
            out.append(ln)
    return out


@cm.kind("ssadump", "code")
def n_ssadump(lines):
    """first line of every function (func at column 0), every # Location: line"""
    return [ln for ln in lines if ln.startswith("func ") or ln.startswith("# Location:")]


def _go_build_asm(pkg_prefixes):
    def ext(lines):
        out = []
        for ln in lines:
            if not ln[:1].isspace() and " STEXT " in ln and ln.split()[0].startswith(pkg_prefixes):
                out.append(ln)
            elif re.match(r"^\S+\.go:\d+:\d+: ", ln) and not ln.startswith("#"):
                if not re.search(r"\s0x[0-9a-f]{5}\s", ln):
                    out.append(ln)
        return out
    return ext


@cm.kind("go-build-asm", "code")
def n_go_build_asm(lines):
    """every unindented STEXT line of the package's own symbols, every compile error line"""
    own = tuple(p for p in ('"".', "main.", "example.com/") )
    return _go_build_asm(own)(lines)


@cm.kind("go-tool-nm", "listing")
def n_go_nm(lines):
    """the first row (largest symbol) and every T row of package main"""
    rows = [ln for ln in lines if re.match(r"^\s*[0-9a-f]+\s+\d+\s+[A-Za-z]\s", ln)]
    out = rows[:1]
    out += [ln for ln in rows if re.match(r"^\s*[0-9a-f]+\s+\d+\s+T main\.", ln)]
    return out


# ------------------------------------------------------------------ material: Rust

SALT = ["brine", "flake", "crust", "pan", "rake", "sluice", "tide", "evap", "crystal", "sieve", "kiln", "barrow"]


def lint_crate(root: Path, n_mods: int, seed: int, errors: bool) -> None:
    """A crate root with `n_mods` modules full of lint findings (unused, naming, idioms) and, if `errors`, type errors."""
    rnd = random.Random(seed)
    files = {"lib.rs": "#![allow(dead_code)]\n" if seed % 2 else ""}
    for m in range(n_mods):
        name = f"{rnd.choice(SALT)}_{m}"
        files["lib.rs"] += f"pub mod {name};\n"
        body = ["use std::collections::HashMap;", "use std::fmt::Write as _;", "use std::io::{self, Read};", ""]
        for f in range(rnd.randint(3, 7)):
            w = rnd.choice(SALT)
            kind = rnd.randrange(6)
            if kind == 0:
                body.append(f"pub fn {w.capitalize()}Yield_{f}(Tonnes: u32) -> u32 {{\n    let mut unused_{f} = Tonnes * 2;\n    Tonnes + 1\n}}")
            elif kind == 1:
                body.append(f"pub struct {w}_pan_{f}<'a> {{ pub label: &'a str }}\n"
                            f"impl {w}_pan_{f}<'_> {{\n    pub fn show(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {{ write!(f, \"{{}}\", self.label) }}\n}}")
            elif kind == 2:
                body.append(f"fn {w}_helper_{f}(x: i64) -> i64 {{\n    let y = x;\n    let z = 3;\n    return x;\n}}")
            elif kind == 3:
                body.append(f"pub const {w}_limit_{f}: u32 = {rnd.randint(10, 999)};\n"
                            f"pub fn {w}_check_{f}(v: Option<u32>) -> bool {{\n    let mut total = 0u32;\n    if let Some(n) = v {{ return n > {w}_limit_{f}; }}\n    false\n}}")
            elif kind == 4:
                body.append(f"pub enum {w.capitalize()}State_{f} {{ wet_pan, dry_pan, Raked }}\n"
                            f"pub fn {w}_state_{f}() -> {w.capitalize()}State_{f} {{ {w.capitalize()}State_{f}::Raked }}")
            else:
                body.append(f"pub fn {w}_sum_{f}(xs: &[u32]) -> u32 {{\n    let mut acc = 0;\n    for (i, x) in xs.iter().enumerate() {{ acc += x; }}\n    acc\n}}")
            if errors and rnd.random() < 0.12:
                body.append(f"pub fn {w}_bad_{f}() -> u32 {{ let s: String = 5; s.len() }}")
        files[f"{name}.rs"] = "\n\n".join(body) + "\n"
    cm.write_tree(root, files)


BENCH_LIB = """#![feature(test)]
extern crate test;

pub fn evaporate(brine: &[u32]) -> u64 { brine.iter().map(|&b| (b as u64) * 3 / 2).sum() }
pub fn rake(crystals: &mut Vec<u32>) { crystals.sort_unstable(); crystals.dedup(); }
pub fn sieve(grains: &[u32], mesh: u32) -> usize { grains.iter().filter(|&&g| g % mesh == 0).count() }
pub fn grade(flake: u32) -> &'static str { match flake { 0..=9 => "fine", 10..=99 => "coarse", _ => "rock" } }

#[cfg(test)]
mod benches {
    use super::*;
    use test::{Bencher, black_box};
"""


def bench_crate(root: Path, n: int, seed: int) -> None:
    rnd = random.Random(seed)
    src = BENCH_LIB
    for i in range(n):
        w = rnd.choice(SALT)
        size = rnd.choice([16, 256, 4096, 65536])
        k = rnd.randrange(5)
        if k == 0:
            body = f"let v: Vec<u32> = (0..{size}).collect(); b.iter(|| evaporate(black_box(&v)));"
        elif k == 1:
            body = f"b.iter(|| {{ let mut v: Vec<u32> = (0..{size}u32).rev().map(|x| x % 97).collect(); rake(&mut v); v.len() }});"
        elif k == 2:
            body = f"let v: Vec<u32> = (0..{size}).collect(); b.iter(|| sieve(black_box(&v), {rnd.randint(2, 9)}));"
        elif k == 3:
            body = f"b.iter(|| (0..{size}u32).map(|x| grade(black_box(x)).len()).sum::<usize>());"
        else:
            body = (f"let v: Vec<u32> = (0..{size}).collect(); let n = sieve(&v, 7);"
                    f" assert_eq!(n, {size // 7}, \"sieve of {w} lost grains\"); b.iter(|| sieve(&v, 7));")
        src += f"\n    #[bench]\n    fn bench_{w}_{i}_{size}(b: &mut Bencher) {{ {body} }}\n"
    src += "}\n"
    cm.write_tree(root, {"Cargo.toml": f'[package]\nname = "flakebench"\nversion = "0.3.1"\nedition = "2021"\n',
                         "src/lib.rs": src})


def test_crate(root: Path, n: int, seed: int) -> None:
    rnd = random.Random(seed)
    src = BENCH_LIB.replace("#![feature(test)]\nextern crate test;\n", "").replace(
        "#[cfg(test)]\nmod benches {\n    use super::*;\n    use test::{Bencher, black_box};\n", "#[cfg(test)]\nmod tests {\n    use super::*;\n")
    for i in range(n):
        w = rnd.choice(SALT)
        k = rnd.randrange(6)
        x = rnd.randint(1, 400)
        if k == 0:
            body = f"assert_eq!(grade({x}), \"{rnd.choice(['fine', 'coarse', 'rock'])}\");"
        elif k == 1:
            body = f"let v: Vec<u32> = (0..{x}).collect(); assert_eq!(sieve(&v, 3), {(x + 2) // 3 + rnd.choice([0, 0, 1])});"
        elif k == 2:
            body = f"let mut v = vec![{x}, 1, {x}, 2]; rake(&mut v); assert_eq!(v.len(), {rnd.choice([3, 3, 4])}, \"raked {w} pan\");"
        elif k == 3:
            body = f"println!(\"pan {w} tonnage {x}\"); assert!(evaporate(&[{x}]) > {x * 3 // 2 - rnd.choice([1, 1, -1])});"
        elif k == 4:
            body = f"let v: Vec<u32> = Vec::new(); let _ = v[{rnd.choice([0, 0, 1])}..]; assert!(v.is_empty());"
        else:
            body = f"let r: Result<u32, String> = Err(\"{w} sluice jammed\".into()); if {rnd.choice(['true', 'false', 'false'])} {{ r.unwrap(); }}"
        src += f"\n    #[test]\n    fn {w}_case_{i}() {{ {body} }}\n"
    src += "}\n"
    cm.write_tree(root, {"Cargo.toml": f'[package]\nname = "sluicetest"\nversion = "1.0.{seed % 10}"\nedition = "2021"\n',
                         "src/lib.rs": src})


def tree_workspace(root: Path, n: int, seed: int) -> list[str]:
    """A workspace `saltworks` of `n` path crates in a random DAG; crates under vendor/ exist at two versions."""
    rnd = random.Random(seed)
    names = [f"{rnd.choice(SALT)}-{c}" for c, _ in zip("abcdefghijklmnopqrstuvwxyz", range(n))]
    dual = rnd.sample(names[n // 2:], k=max(2, n // 6))
    files = {"Cargo.toml": "[workspace]\nresolver = \"2\"\nmembers = [" + ", ".join(f'"crates/{x}"' for x in names if x not in dual)
             + ', "app"]\nexclude = ["vendor"]\n'}
    deps_of: dict = {}
    for i, x in enumerate(names):
        later = names[i + 1:]
        deps_of[x] = rnd.sample(later, k=min(len(later), rnd.randint(1, 3))) if later else []
    pinned = {(names[0], d) for d in dual}  # the first crate holds every dual crate at its old version
    deps_of[names[0]] = list(dict.fromkeys(deps_of[names[0]] + dual))
    feats = '[features]\ndefault = ["std"]\nstd = []\nserde-like = []\nfast = ["std"]\n'
    for x in dual:
        for v in ("0.1.4", "0.2.0"):
            files[f"vendor/{x}-{v}/Cargo.toml"] = f'[package]\nname = "{x}"\nversion = "{v}"\nedition = "2021"\n\n{feats}'
            files[f"vendor/{x}-{v}/src/lib.rs"] = "pub fn v() -> &'static str { env!(\"CARGO_PKG_VERSION\") }\n"
    for i, x in enumerate(names):
        if x in dual:
            continue
        deps = []
        for d in deps_of[x]:
            if d in dual:
                v = "0.1.4" if (x, d) in pinned else rnd.choice(["0.1.4", "0.2.0"])
                deps.append(f'{d} = {{ path = "../../vendor/{d}-{v}", version = "{v}", features = ["{rnd.choice(["fast", "serde-like", "std"])}"] }}')
            else:
                kind = rnd.choice(["dependencies", "dependencies", "build-dependencies", "dev-dependencies"])
                deps.append((kind, f'{d} = {{ path = "../{d}" }}'))
        normal = [d for d in deps if isinstance(d, str) or d[0] == "dependencies"]
        other = [d for d in deps if not isinstance(d, str) and d[0] != "dependencies"]
        toml = f'[package]\nname = "{x}"\nversion = "1.{i}.0"\nedition = "2021"\n\n{feats}\n[dependencies]\n'
        toml += "".join((d if isinstance(d, str) else d[1]) + "\n" for d in normal)
        for k in ("build-dependencies", "dev-dependencies"):
            ds = [d[1] for d in other if d[0] == k]
            if ds:
                toml += f"\n[{k}]\n" + "".join(d + "\n" for d in ds)
        files[f"crates/{x}/Cargo.toml"] = toml
        files[f"crates/{x}/src/lib.rs"] = "pub fn id() -> u32 { 1 }\n"
    app = '[package]\nname = "saltworks-app"\nversion = "0.9.0"\nedition = "2021"\n\n[dependencies]\n'
    for x in names[:3]:
        if x not in dual:
            app += f'{x} = {{ path = "../crates/{x}" }}\n'
    for x in dual:
        app += f'{x} = {{ path = "../vendor/{x}-0.2.0", version = "0.2.0" }}\n'
    files["app/Cargo.toml"] = app
    files["app/src/main.rs"] = "fn main() {}\n"
    cm.write_tree(root, files)
    return dual


# ------------------------------------------------------------------ material: Go

GO_WORDS = ["Kiln", "Glaze", "Cone", "Slip", "Bisque", "Frit", "Saggar", "Wedge", "Throw", "Temper"]


def go_pkg(name: str, rnd: random.Random, n: int, imports: list[str], bad: bool = False) -> str:
    """A documented stdlib-only Go package `name` with `n` types and funcs; calls into `imports`' Touch()."""
    imp = ["errors", "fmt", "log", "os", "sort", "strings"] + imports
    src = [f"// Package {name} tracks a pottery kiln's firings ({name} part).\npackage {name}\n",
           "import (\n" + "".join(f'\t"{i}"\n' for i in imp) + ")\n",
           f"// MaxCone is the hottest cone {name} fires to.\nconst MaxCone = {rnd.randint(6, 12)}\n",
           f"// ErrCracked is returned when a piece cracks in {name}.\nvar ErrCracked = errors.New(\"{name}: piece cracked\")\n",
           "var _ = strings.ToUpper\nvar _ = sort.Ints\n"]
    calls = "".join(f"\t{i.rsplit('/', 1)[1]}.Touch()\n" for i in imports)
    src.append(f"// Touch marks {name} as used by a caller.\nfunc Touch() {{\n{calls}\tfmt.Sprint(MaxCone)\n}}\n")
    for k in range(n):
        w = rnd.choice(GO_WORDS)
        t = f"{w}{k}"
        src.append(f"// {t} is one {w.lower()} record of a firing.\ntype {t} struct {{\n\tName  string\n\tCone  int\n\tTemps []float64\n}}\n")
        src.append(f"// New{t} makes a {t} for cone c.\nfunc New{t}(name string, c int) (*{t}, error) {{\n"
                   f"\tif c > MaxCone {{\n\t\treturn nil, fmt.Errorf(\"cone %d over %d: %w\", c, MaxCone, ErrCracked)\n\t}}\n"
                   f"\treturn &{t}{{Name: name, Cone: c}}, nil\n}}\n")
        src.append(f"// Peak returns the hottest temperature of the {t}.\nfunc (r *{t}) Peak() float64 {{\n\tbest := 0.0\n"
                   f"\tfor _, x := range r.Temps {{\n\t\tif x > best {{\n\t\t\tbest = x\n\t\t}}\n\t}}\n\treturn best\n}}\n")
        if rnd.random() < 0.3:
            src.append(f"// Must{t} is New{t} that stops the program on error.\nfunc Must{t}(name string, c int) *{t} {{\n"
                       f"\tr, err := New{t}(name, c)\n\tif err != nil {{\n\t\tlog.Fatalf(\"{name}: %v\", err)\n\t}}\n\treturn r\n}}\n")
        if rnd.random() < 0.2:
            src.append(f"// Abort{t} gives up on the firing.\nfunc Abort{t}(code int) {{\n\tif code > 2 {{\n\t\tpanic(\"{t} kiln runaway\")\n\t}}\n\tos.Exit(code)\n}}\n")
    if bad:
        src.append("func broken() int {\n\tvar s string = 5\n\treturn s\n}\n")
    src.append("var _ = os.Getenv\nvar _ = log.Printf\n")
    return "\n".join(src)


def go_modules(root: Path, n_mods: int, seed: int, broken: str = "") -> str:
    """Modules example.com/<w> under root/, joined by replace directives; the main module kilnlog has a cmd.
    Some module is required at two versions (v1.2.0 by one, v1.4.0 by another). `broken`: 'dir' drops a
    replacement directory, 'req' adds a requirement no replace serves, 'code' puts a type error in."""
    rnd = random.Random(seed)
    mods = ["kilnlog"] + [f"{w.lower()}{i}" for i, w in enumerate(rnd.sample(GO_WORDS * 5, n_mods - 1))]
    deps = {m: [] for m in mods}
    for i, m in enumerate(mods):
        later = mods[i + 1:]
        deps[m] = sorted(rnd.sample(later, k=min(len(later), rnd.randint(1, 3)))) if later else []
    deps["kilnlog"] = sorted(rnd.sample(mods[1:], k=max(2, n_mods // 4)))
    files = {}
    allrep = "".join(f"replace example.com/{m} => ../{m}\n" for m in mods[1:])
    for i, m in enumerate(mods):
        req = "".join(f"\texample.com/{d} v1.{rnd.choice([2, 4])}.0\n" for d in deps[m])
        if m == "kilnlog" and broken == "req":
            req += "\texample.com/missingfrit v0.3.1\n"
        gm = f"module example.com/{m}\n\ngo {'1.19' if m == 'kilnlog' else '1.16'}\n" + (f"\nrequire (\n{req})\n" if req else "") + "\n" + allrep
        files[f"{m}/go.mod"] = gm
        pkg = m if m != "kilnlog" else "kilnlog"
        files[f"{m}/{pkg}.go"] = go_pkg(pkg, rnd, rnd.randint(3, 8), [f"example.com/{d}" for d in deps[m]],
                                        bad=(broken == "code" and i == 1))
    files["kilnlog/cmd/kilnlog/main.go"] = (
        "package main\n\nimport (\n\t\"fmt\"\n\t\"log\"\n\t\"os\"\n\n\t\"example.com/kilnlog\"\n)\n\n"
        "func main() {\n\tkilnlog.Touch()\n\tif len(os.Args) > 3 {\n\t\tlog.Fatal(\"too many args\")\n\t}\n"
        "\tfmt.Println(\"kiln\", kilnlog.MaxCone)\n\tif len(os.Args) > 5 {\n\t\tos.Exit(2)\n\t}\n}\n")
    cm.write_tree(root, files)
    if broken == "dir":
        victim = rnd.choice(mods[2:])
        cm.run(f"rm -rf {root / victim}")
    return mods[rnd.randrange(1, len(mods))]


# ------------------------------------------------------------------ steps

def rust_explain(tmp: Path) -> None:
    for code in ["E0502", "E0277", "E0599", "E0106", "E0382", "E0308"]:
        cap(f"rustc-explain-{code}", f"rustc --explain {code}", tmp, n_rustc_explain, timeout=60)


def rust_lints(tmp: Path) -> None:
    for i, (n, seed, errors, flags) in enumerate([
            (3, 388101, False, "-W unused -W nonstandard-style"),
            (12, 388102, False, "-W unused -W nonstandard-style -W rust-2018-idioms"),
            (25, 388103, True, "-W unused -W nonstandard-style -W rust-2018-idioms -D warnings"),
            (30, 388104, True, "-W unused -W nonstandard-style -W rust-2018-idioms")]):
        root = tmp / f"saltrake{i}"
        lint_crate(root / "src", n, seed, errors)
        cap(f"rustc-lints-{i}", f"rustc --edition 2021 --crate-type lib --crate-name saltrake {flags} "
            f"--emit=metadata -o /dev/shm/hm-corpus-wide388-out{i}.rmeta src/lib.rs", root, n_rustc_lints, timeout=300)


def rust_tree(tmp: Path) -> None:
    for i, (n, seed) in enumerate([(14, 388201), (22, 388202), (34, 388203)]):
        root = tmp / f"saltworks{i}"
        dual = tree_workspace(root, n, seed)
        cm.run("cargo generate-lockfile --offline", cwd=root, timeout=120)
        cap(f"cargo-tree-d-{i}", "cargo tree -d" + (" -e normal,build,dev" if i == 1 else ""), root, n_cargo_tree_d, timeout=120)
        cap(f"cargo-tree-i-{i}", f"cargo tree -i {dual[0]}@0.1.4", root, n_cargo_tree_i, timeout=120)
        if i:
            cap(f"cargo-tree-i-feat-{i}", f"cargo tree -e features -i {dual[1]}@0.2.0", root, n_cargo_tree_i, timeout=120)


def rust_bench(tmp: Path) -> None:
    for i, (n, seed) in enumerate([(8, 388301), (24, 388302), (60, 388303)]):
        root = tmp / f"flakebench{i}"
        bench_crate(root, n, seed)
        cap(f"cargo-bench-{i}", "cargo +nightly bench -j1", root, n_cargo_bench, timeout=500)


def rust_test_json(tmp: Path) -> None:
    for i, (n, seed) in enumerate([(10, 388401), (40, 388402), (120, 388403)]):
        root = tmp / f"sluicetest{i}"
        test_crate(root, n, seed)
        cap(f"cargo-test-json-{i}", "cargo +nightly test -j1 -- -Z unstable-options --format json --report-time",
            root, n_cargo_test_json, timeout=500)


def go_mods(tmp: Path) -> None:
    for i, (n, seed) in enumerate([(12, 388501), (24, 388502), (40, 388503)]):
        root = tmp / f"kiln{i}"
        other = go_modules(root, n, seed)
        main = root / "kilnlog"
        cap(f"go-mod-graph-{i}", "go mod graph", main, n_go_mod_graph, env=GOENV, timeout=120)
        cap(f"go-mod-why-{i}", "go mod why -m $(ls .. | grep -v kilnlog | sed 's,^,example.com/,')" if i != 1 else "go mod why $(ls .. | sed 's,^,example.com/,') fmt example.com/nosuchglaze",
            main, n_go_mod_why, env=GOENV, timeout=120)
        if i == 0:
            cap("go-doc-0", "go doc -all .", main, n_go_doc, env=GOENV, timeout=120)
        cap(f"go-doc-{i + 1}", f"go doc -all example.com/{other}", main, n_go_doc, env=GOENV, timeout=120)
        cap(f"callgraph-{i}", f"callgraph -algo={'static' if i != 1 else 'cha'} ./cmd/kilnlog 2>&1 | grep 'example.com/'", main, n_callgraph, env=GOENV, timeout=300)
        cap(f"ssadump-{i}", f"ssadump -build=F example.com/{other}", main, n_ssadump, env=GOENV, timeout=300)
        cap(f"go-build-asm-{i}", f"go build -gcflags=-S example.com/{other} 2>&1 | head -n {[300, 900, 1400][i]}",
            main, n_go_build_asm, env=GOENV, timeout=300)
        if i < 2:
            cap(f"go-tool-nm-{i}", f"go build -o /dev/shm/hm-corpus-wide388-kl{i} ./cmd/kilnlog && go tool nm -size -sort size "
                f"/dev/shm/hm-corpus-wide388-kl{i} | " + ("head -n 120" if i == 0 else "grep -E ' (T|D|R) (main|example)'"),
                main, n_go_nm, env=GOENV, timeout=300)


def go_broken(tmp: Path) -> None:
    for i, (n, seed, how, cmd) in enumerate([
            (8, 388601, "dir", "go mod tidy; go build ./...; go list -m all"),
            (14, 388602, "req", "go mod tidy; go mod verify; go list -m all; go build ./..."),
            (20, 388603, "code", "go build -gcflags=-S example.com/{other} 2>&1 | head -n 400; go mod tidy && go vet ./... "),
            (24, 388604, "dir", "go list -m -json all; go mod graph")]):
        root = tmp / f"kilnbroken{i}"
        other = go_modules(root, n, seed, broken=how)
        c = cmd.replace("{other}", other)
        ext = n_go_build_asm if how == "code" else n_go_mod_broken
        cap(f"go-mod-broken-{i}" if how != "code" else "go-build-asm-broken", c, root / "kilnlog", ext, env=GOENV, timeout=300)


STEPS = [rust_explain, rust_lints, rust_tree, go_mods, go_broken, rust_test_json, rust_bench]


def main() -> None:
    cm.capture_round(__doc__, lambda: None, lambda: STEPS, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    main()
