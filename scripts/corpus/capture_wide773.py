"""Capture round 773 of the compression corpus: Rust and Go toolchain outputs in formats the corpus lacked (cargo's
--message-format=json and json-diagnostic-short, cargo clippy --message-format=short, libtest's terse and JUnit
formats, cargo tree -e features and --prefix depth, go build's compiler JSON optimisation log (-gcflags=-json) and
its -x trace, go list -m -json all, go mod edit -json), on a foundry written here (moulds, ladles, cupolas, patterns,
cores, risers; seed 77310) as a Rust workspace with path dependencies and Go modules with local replaces, faults put
in. Needle rules: NEEDLES.md's "Round 773" section; every kind's extractor is below.

Usage:   .venv/bin/python scripts/corpus/capture_wide773.py
Writes:  scripts/corpus/data/wide773.json, ids prefixed "wide773-".
Tools:   cargo 1.95.0 / rustc 1.95.0 (stable, clippy included), cargo nightly (rustup's nightly toolchain) for
         libtest's JUnit format; go 1.19.8 (Debian). Offline: no crates.io, no Go module proxy (GOPROXY=off)."""

from __future__ import annotations

import json
import os
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import capture_more as cm  # noqa: E402
from capture_more import any_of, groups, kind, mask  # noqa: E402
from capture_wide604 import drop_and_check  # noqa: E402

ID_PREFIX = "wide773-"
DEFAULT_OUT = HERE / "data" / "wide773.json"
TMP = Path("/dev/shm/hm-corpus-wide773-run")
SEED = 77310
_SIZED = cm.Sized(400, 120_000)
add, cap = _SIZED.add, _SIZED.cap

# ------------------------------------------------------------------ extractors (fixed before capture)

LOC_RS = re.compile(r"^\s*--> \S+:\d+:\d+")


def _rust_plain(lines, i):
    """Rule 1 on a plain rustc diagnostic at line i: (is_error, needles, group key)."""
    ln = lines[i]
    loc = cm.next_match(lines, i, r"^\s*--> \S+:\d+")
    m = re.match(r"^(error|warning)(\[(\w+)\])?: (.*)", ln)
    f = re.search(r"--> (\S+?):\d+", loc).group(1) if loc else ""
    return m.group(1) == "error", [ln] + ([loc] if loc else []), (m.group(3) or mask(m.group(4)), f)


def _plain_diags(lines, skip=lambda ln: False):
    out, warn = [], []
    for i, ln in enumerate(lines):
        if re.match(r"^(error|warning)(\[\w+\])?: ", ln) and not skip(ln):
            err, ns, key = _rust_plain(lines, i)
            if err:
                out += ns
            else:
                warn.append((key, ln))
    return out + groups(warn)


def _cargo_json(lines):
    out, warn = [], []
    for ln in lines:
        if not ln.startswith("{"):
            if re.match(r"^error(\[\w+\])?: ", ln):
                out.append(ln)
            continue
        try:
            r = json.loads(ln)
        except ValueError:
            continue
        if r.get("reason") == "build-finished":
            out.append(ln)
        if r.get("reason") != "compiler-message":
            continue
        m = r["message"]
        rl = (m.get("rendered") or "").split("\n")
        loc = next((x for x in rl[1:4] if "--> " in x), None)
        s = json.dumps(rl[0] + ("\n" + loc if loc else ""), ensure_ascii=False)[1:-1]
        if s not in ln:
            s = json.dumps(rl[0], ensure_ascii=False)[1:-1]
        s = s[:200]
        if m.get("level") == "error":
            out.append(s)
        elif m.get("level") == "warning":
            spans = [sp for sp in m.get("spans", []) if sp.get("is_primary")]
            code = (m.get("code") or {}).get("code") or mask(m.get("message", ""))
            warn.append(((code, spans[0]["file_name"] if spans else ""), s))
    return out + groups(warn)


@kind("cargo-build-json", "build")
def n_cargo_build_json(lines):
    """error compiler-messages as their JSON-escaped rendered first line + --> location; warnings one any per (code or shape, file); build-finished; rules 1,3."""
    return _cargo_json(lines)


@kind("cargo-check-json-diagnostic-short", "build")
def n_cargo_check_jds(lines):
    """error compiler-messages as their JSON-escaped short rendered value; warnings one any per (code or shape, file); build-finished; rules 1,3."""
    return _cargo_json(lines)


@kind("cargo-clippy-short", "lint")
def n_clippy_short(lines):
    """file:line:col: error lines; warning lines one any per (message shape, file); generated/could not compile/Finished summaries; rules 1,3."""
    out, warn = [], []
    for ln in lines:
        m = re.match(r"^(\S+?):\d+:\d+: (error|warning)(\[\w+\])?: (.*)", ln)
        if m:
            if m.group(2) == "error":
                out.append(ln)
            else:
                warn.append(((m.group(3) or mask(m.group(4)), m.group(1)), ln))
        elif re.match(r"^(warning|error): .*(generated \d+ warnings?|could not compile|due to)", ln) \
                or re.match(r"^\s*Finished ", ln):
            out.append(ln)
        elif re.match(r"^error(\[\w+\])?: ", ln):
            out.append(ln)
    return out + groups(warn)


def _test_failures(lines):
    out = []
    for i, ln in enumerate(lines):
        if re.match(r"^---- \S+ stdout ----", ln):
            out.append(ln)
            for k in range(i + 1, min(len(lines), i + 30)):
                if " panicked at " in lines[k]:
                    out.append(lines[k])
                    if k + 1 < len(lines) and lines[k + 1].strip():
                        out.append(lines[k + 1])
                    break
                if lines[k].startswith("---- "):
                    break
        elif re.match(r"^test result: ", ln) or re.match(r"^error: (test failed|\d+ targets? failed)", ln):
            out.append(ln)
    return out


@kind("cargo-test-terse", "test")
def n_cargo_test_terse(lines):
    """---- id stdout ---- headers, first panicked-at line and the line after it, test result lines, error: test failed; compile diagnostics per rule 1; rules 1-3."""
    return _test_failures(lines) + _plain_diags(lines, skip=lambda ln: ln.startswith("error: test failed"))


@kind("cargo-test-junit", "test")
def n_cargo_test_junit(lines):
    """failing <testcase opening and its <failure element, every <testsuite opening, Running line of a failing binary; compile errors; rules 1-3."""
    out = []
    running = None
    for ln in lines:
        if re.match(r"^\s*Running ", ln):
            running = ln
        last_case = None
        for m in re.finditer(r"<testsuite [^>]*>|<testcase [^>]*>|<failure[^>]*>", ln):
            t = m.group(0)
            if t.startswith("<testsuite"):
                out.append(t[:200])
                if re.search(r'failures="[1-9]', t) and running:
                    out.append(running)
            elif t.startswith("<testcase"):
                last_case = t
            else:
                if last_case:
                    out.append(last_case[:200])
                out.append(t[:200])
        if re.match(r"^error(\[\w+\])?: ", ln):
            out.append(ln)
    return out + _plain_diags(lines, skip=lambda ln: ln.startswith("error: test failed"))


def _tree(lines, depth_of, strip):
    out, vers = [], {}
    for ln in lines:
        if re.match(r"^(error|warning)(\[\w+\])?: ", ln):
            out.append(ln)
            continue
        d = depth_of(ln)
        if d is None:
            continue
        if d <= 1:
            out.append(ln)
        m = re.match(r"^([\w-]+) v(\d[\w.+-]*)", strip(ln))
        if m:
            vers.setdefault(m.group(1), {}).setdefault(m.group(2), []).append(ln)
    for name, vs in vers.items():
        if len(vs) > 1:
            out += [any_of(v) for v in vs.values()]
    return out


def _box_depth(ln):
    m = re.match(r"^((?:[│ ]   )*)(?:[├└]── )?(?=\S)", ln)
    if not ln.strip() or not m:
        return None
    n = len(m.group(0))
    return n // 4 if n % 4 == 0 else None


@kind("cargo-tree-features", "pkg")
def n_cargo_tree_features(lines):
    """root line, every depth-1 line, each name@version of a package shown at two or more versions (one any of its lines), error/warning lines; rules 1,4,5."""
    return _tree(lines, _box_depth, lambda ln: re.sub(r"^[│├└─ ]+", "", ln))


@kind("cargo-tree-depth", "pkg")
def n_cargo_tree_depth(lines):
    """depth-0 and depth-1 lines, each name@version of a package shown at two or more versions (one any of its lines), error/warning lines; rules 1,4,5."""
    def depth(ln):
        m = re.match(r"^(\d+)\S", ln)
        return int(m.group(1)) if m else None
    return _tree(lines, depth, lambda ln: re.sub(r"^\d+", "", ln))


GO_ERR = re.compile(r"^(\./)?[\w./-]+\.go:\d+(:\d+)?: ")


def _go_errors(lines):
    out = []
    for i, ln in enumerate(lines):
        if GO_ERR.match(ln):
            out.append(ln)
            hdr = cm.prev_match(lines, i, r"^# \S", back=40)
            if hdr:
                out.append(hdr)
    return out


@kind("go-gcflags-json", "build")
def n_go_gcflags_json(lines):
    """compile errors with their # package line; escapes-to-heap / moved-to-heap records one any per (message shape, file) as line[:200]; every file header line; rules 1,5."""
    out, esc = _go_errors(lines), []
    cur = ""
    for ln in lines:
        if not ln.startswith("{"):
            continue
        try:
            r = json.loads(ln)
        except ValueError:
            continue
        if "file" in r and "version" in r:
            cur = r["file"]
            out.append(ln)
        elif re.search(r"escapes to heap|moved to heap", r.get("message", "")):
            esc.append(((mask(r["message"]), cur), ln))
    return out + groups(esc)


@kind("go-build-x", "build")
def n_go_build_x(lines):
    """compile error lines with their # package line, the WORK= line, the EXIT= line; rules 1,3."""
    return _go_errors(lines) + [ln for ln in lines if re.match(r"^(WORK=|EXIT=)", ln)]


def _json_stream(text):
    dec, i, out = json.JSONDecoder(), 0, []
    while True:
        j = text.find("{", i)
        if j < 0:
            return out
        try:
            o, i = dec.raw_decode(text, j)
            out.append(o)
        except ValueError:
            i = j + 1


def _q(k, v):
    return f'"{k}": ' + json.dumps(v)


@kind("go-list-m-json", "pkg")
def n_go_list_m_json(lines):
    """main module's and every non-indirect module's Path line (with its Version), every Replace target's Path, every Err line; rules 1,5."""
    out = []
    for o in _json_stream("\n".join(lines)):
        if "Path" not in o:
            continue
        if o.get("Main") or not o.get("Indirect"):
            out.append(_q("Path", o["Path"]))
            if o.get("Version"):
                out.append(_q("Version", o["Version"]))
        rep = o.get("Replace")
        if rep:
            out.append(_q("Path", rep["Path"]))
    out += [ln.strip() for ln in lines if ln.strip().startswith('"Err":')]
    out += [ln for ln in lines if GO_ERR.match(ln) or ln.startswith("go: ")]
    return out


@kind("go-mod-edit-json", "pkg")
def n_go_mod_edit_json(lines):
    """module Path, Go line, direct Require Path+Version, every Replace/Exclude/Retract entry's values; go: errors; rules 1,5."""
    out = [ln for ln in lines if ln.startswith("go: ")]
    for o in _json_stream("\n".join(lines)):
        if "Module" not in o:
            continue
        out.append(_q("Path", o["Module"]["Path"]))
        if o.get("Go"):
            out.append(_q("Go", o["Go"]))
        for r in o.get("Require") or []:
            if not r.get("Indirect"):
                out += [_q("Path", r["Path"]), _q("Version", r["Version"])]
        for r in o.get("Replace") or []:
            out += [_q("Path", r["Old"]["Path"]), _q("Path", r["New"]["Path"])]
            if r["New"].get("Version"):
                out.append(_q("Version", r["New"]["Version"]))
        for r in o.get("Exclude") or []:
            out += [_q("Path", r["Path"]), _q("Version", r["Version"])]
        for r in o.get("Retract") or []:
            out += [_q("Low", r["Low"]), _q("High", r["High"])]
            if r.get("Rationale"):
                out.append(_q("Rationale", r["Rationale"]))
    return out


# ------------------------------------------------------------------ material: a foundry

PARTS = ["mould", "ladle", "cupola", "pattern", "core", "riser", "sprue", "flask", "crucible", "tuyere", "slag",
         "ingot", "runner", "gate", "chill", "binder", "drag", "cope"]


def write(p: Path, text: str) -> None:
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(text)


def rs_module(rng: random.Random, name: str, nfn: int, faults: set[str]) -> str:
    """A Rust module of `nfn` functions and tests; `faults` picks what goes wrong in it."""
    src = ["//! The foundry's %s stage." % name, ""]
    if "unused_import" in faults:
        src += ["use std::collections::HashMap;", ""]
    src += [f"pub struct {name.capitalize()} {{ pub weight_kg: u32, pub temp_c: u32, pub tag: String }}", ""]
    for i in range(nfn):
        p = rng.choice(PARTS)
        k = rng.randint(2, 40)
        body = [f"pub fn {p}_{name}_{i}(w: u32) -> u32 {{"]
        if "unused_var" in faults and i % 3 == 0:
            body.append(f"    let spare_{p} = w * {k};")
        if "clippy" in faults and i % 4 == 1:
            body += [f"    let v: Vec<u32> = vec![w, {k}];", "    if v.len() == 0 { return 0; }",
                     f"    return w + {k};"]
        elif "clippy" in faults and i % 4 == 2:
            body += ["    let hot = w > 1200;", f"    if hot == true {{ w * {k} }} else {{ w }}"]
        else:
            body.append(f"    w.saturating_mul({k}) / {rng.randint(1, 9)}")
        body.append("}")
        src += body + [""]
    if "dead_code" in faults:
        src += [f"fn skim_{name}_slag(x: u32) -> u32 {{ x / 3 }}", ""]
    if "type_error" in faults:
        src += [f"pub fn pour_{name}() -> u32 {{ let t: u32 = \"heavy\"; t }}", ""]
    if "unknown_name" in faults:
        src += [f"pub fn vent_{name}() -> u32 {{ riser_height({rng.randint(1, 9)}) }}", ""]
    if "borrow" in faults:
        src += [f"pub fn stack_{name}() -> usize {{ let mut v = vec![1u32]; let r = &v[0]; v.push(*r); "
                "let s = &mut v; v.len() + s.len() }", ""]
    src += ["#[cfg(test)]", "mod tests {", "    use super::*;", ""]
    for i in range(nfn):
        src += ["    #[test]", f"    fn {name}_{i}_positive() {{ assert!({name}_probe({i}) >= 0); }}", ""]
    if "fail" in faults:
        src += ["    #[test]", f"    fn {name}_pour_weight() {{ assert_eq!({name}_probe(3) + 1, {rng.randint(50, 90)}); }}",
                ""]
    if "panic_index" in faults:
        src += ["    #[test]", f"    fn {name}_riser_index() {{ let r: Vec<u32> = vec![1, 2]; "
                f"assert!(r[{rng.randint(3, 9)}] > 0); }}", ""]
    if "panic_unwrap" in faults:
        src += ["    #[test]", f"    fn {name}_core_lookup() {{ let c: Option<u32> = None; assert_eq!(c.unwrap(), 4); }}",
                ""]
    if "panic_msg" in faults:
        src += ["    #[test]", f"    fn {name}_cupola_blast() {{ panic!(\"cupola {name} over temperature: "
                f"{rng.randint(1500, 1700)} C\"); }}", ""]
    src += ["}", "", f"pub fn {name}_probe(x: i64) -> i64 {{ x * 2 }}", ""]
    return "\n".join(src)


def rust_material(tmp: Path, tag: str, nmods: int, faults: dict[str, set[str]], seed: int) -> Path:
    rng = random.Random(seed)
    root = tmp / f"rs-{tag}"
    members = ["ladle", "cupola", "sand"]
    write(root / "Cargo.toml", '[workspace]\nmembers = ["foundry", ' + ", ".join(f'"{m}"' for m in members)
          + ']\nexclude = ["pattern-01", "pattern-02"]\nresolver = "2"\n')
    for ver, d in [("0.1.4", "pattern-01"), ("0.2.1", "pattern-02")]:
        write(root / d / "Cargo.toml", f'[package]\nname = "pattern"\nversion = "{ver}"\nedition = "2021"\n\n'
              '[features]\ndefault = ["wood"]\nwood = []\nmetal = []\nplaster = []\n')
        write(root / d / "src/lib.rs", f"pub fn scale() -> &'static str {{ \"{ver}\" }}\n")
    write(root / "sand/Cargo.toml", '[package]\nname = "sand"\nversion = "1.3.0"\nedition = "2021"\n\n'
          '[features]\ngreen = []\ndry = []\n\n[dependencies]\npattern = { path = "../pattern-01", '
          'default-features = false, features = ["plaster"] }\n')
    write(root / "sand/src/lib.rs", "pub fn moisture() -> u32 { 4 }\n")
    write(root / "ladle/Cargo.toml", '[package]\nname = "ladle"\nversion = "0.4.0"\nedition = "2021"\n\n'
          '[features]\ndefault = ["pour"]\npour = []\ngauge = ["sand/dry"]\n\n[dependencies]\n'
          'sand = { path = "../sand" }\n')
    write(root / "ladle/src/lib.rs", "pub fn capacity() -> u32 { 250 }\n")
    write(root / "cupola/Cargo.toml", '[package]\nname = "cupola"\nversion = "0.9.2"\nedition = "2021"\n\n'
          '[features]\nblast = []\n\n[dependencies]\npattern = { path = "../pattern-01", features = ["metal"] }\n'
          'ladle = { path = "../ladle", features = ["gauge"] }\n')
    write(root / "cupola/src/lib.rs", "pub fn charge() -> u32 { 7 }\n")
    write(root / "foundry/Cargo.toml", '[package]\nname = "foundry"\nversion = "0.1.0"\nedition = "2021"\n\n'
          '[features]\ndefault = ["iron"]\niron = []\nbronze = ["cupola/blast"]\n\n[dependencies]\n'
          'cupola = { path = "../cupola" }\nladle = { path = "../ladle", default-features = false }\n'
          'pattern = { path = "../pattern-02", features = ["plaster"] }\nold_pattern = { package = "pattern", '
          'path = "../pattern-01" }\n\n[dev-dependencies]\nsand = { path = "../sand", features = ["green"] }\n')
    names = ["moulds", "ladles", "cupolas", "patterns", "cores", "risers", "sprues", "flasks", "crucibles", "ingots"]
    mods = names[:nmods]
    write(root / "foundry/src/lib.rs", "//! A foundry.\n" + "".join(f"pub mod {m};\n" for m in mods))
    for m in mods:
        write(root / f"foundry/src/{m}.rs", rs_module(rng, m, rng.randint(4, 9), faults.get(m, set())))
    return root


def go_pkg(rng: random.Random, mod: str, name: str, nfn: int, faults: set[str]) -> str:
    src = [f"// Package {name} is the foundry's {name} stage.", f"package {name}", "", 'import "fmt"', ""]
    if "unused_import" in faults:
        src[4:4] = ['import "strings"']
    t = name.capitalize().rstrip("s")
    src += [f"type {t} struct {{", "\tTag    string", "\tWeight int", "\tTemps  []int", "}", ""]
    for i in range(nfn):
        p = rng.choice(PARTS).capitalize()
        k = rng.randint(2, 40)
        shape = i % 5
        if shape == 0:
            src += [f"func New{p}{i}(tag string, w int) *{t} {{", f"\treturn &{t}{{Tag: tag, Weight: w * {k}}}", "}"]
        elif shape == 1:
            src += [f"func {p}Temps{i}(n int) []int {{", "\tt := make([]int, n)",
                    f"\tfor i := range t {{\n\t\tt[i] = {1200 + k} + i\n\t}}", "\treturn t", "}"]
        elif shape == 2:
            src += [f"func {p}Label{i}(w int) string {{", f"\treturn fmt.Sprintf(\"{p.lower()}-%d\", w*{k})", "}"]
        elif shape == 3:
            src += [f"func {p}Counter{i}() func() int {{", "\tn := 0", f"\treturn func() int {{ n += {k}; return n }}",
                    "}"]
        else:
            src += [f"func {p}Sum{i}(xs []int) int {{", "\ts := 0", "\tfor _, x := range xs {\n\t\ts += x\n\t}",
                    "\treturn s", "}"]
        src.append("")
    if "undefined" in faults:
        src += [f"func Vent{t}() int {{ return riserHeight({rng.randint(1, 9)}) }}", ""]
    if "type_error" in faults:
        src += [f"func Pour{t}() int {{ var w int = \"heavy\"; return w }}", ""]
    if "unused_var" in faults:
        src += [f"func Skim{t}() int {{ slag := {rng.randint(1, 9)}; return 0 }}", ""]
    if "bad_call" in faults:
        src += [f"func Charge{t}() int {{ return len(fmt.Sprint(1), 2) }}", ""]
    return "\n".join(src)


def go_material(tmp: Path, tag: str, npkgs: int, faults: dict[str, set[str]], seed: int) -> Path:
    rng = random.Random(seed)
    base = tmp / f"go-{tag}"
    for dep in ["alloy", "sand", "coke"]:
        write(base / dep / "go.mod", f"module example.com/{dep}\n\ngo 1.19\n")
        write(base / dep / f"{dep}.go", f"package {dep}\n\n// Grade of the {dep}.\nfunc Grade() int {{ return 3 }}\n")
    root = base / "foundry"
    write(root / "go.mod", "module example.com/foundry\n\ngo 1.19\n\nrequire (\n\texample.com/alloy v0.4.2\n"
          "\texample.com/sand v1.1.0\n\texample.com/coke v0.0.7 // indirect\n)\n\n"
          "replace example.com/alloy => ../alloy\n\nreplace example.com/sand v1.1.0 => ../sand\n\n"
          "replace example.com/coke => ../coke\n\nexclude example.com/sand v0.3.0\n\n"
          "retract v0.1.1 // pour temperature bug in the cupola stage\n\nretract [v0.2.0, v0.2.3]\n")
    names = ["moulds", "ladles", "cupolas", "patterns", "cores", "risers", "sprues", "flasks"][:npkgs]
    for n in names:
        write(root / n / f"{n}.go", go_pkg(rng, "example.com/foundry", n, rng.randint(5, 12), faults.get(n, set())))
    write(root / "cmd/foundry/main.go", "package main\n\nimport (\n\t\"fmt\"\n\n\t\"example.com/alloy\"\n"
          "\t\"example.com/sand\"\n\t\"example.com/foundry/moulds\"\n)\n\nfunc main() {\n"
          "\tm := moulds.Mould{Tag: \"m1\", Weight: alloy.Grade() + sand.Grade()}\n\tfmt.Println(m)\n}\n")
    return root


# ------------------------------------------------------------------ steps

RS_VARIANTS = {
    # tag: (modules, faults by module, seed offset)
    "warn": (5, {"moulds": {"unused_var", "dead_code", "fail"}, "ladles": {"unused_import", "clippy", "panic_index"},
                 "cupolas": {"clippy", "panic_msg"}, "cores": {"unused_var", "panic_unwrap"}}, 1),
    "broken": (4, {"moulds": {"type_error", "unused_var"}, "ladles": {"unknown_name", "clippy"},
                   "cupolas": {"borrow", "unused_import"}}, 2),
    "big": (10, {m: {"unused_var", "clippy", "dead_code", "fail"} for m in ["moulds", "cupolas", "risers", "flasks"]}
            | {"ingots": {"panic_index", "unused_import"}, "sprues": {"panic_unwrap", "clippy"},
               "crucibles": {"panic_msg"}}, 3),
    "lean": (3, {"cupolas": {"fail", "unused_var"}}, 4),
}


def rust(tmp: Path) -> None:
    roots = {t: rust_material(tmp, t, n, f, SEED + s) for t, (n, f, s) in RS_VARIANTS.items()}
    def tg(t, night=""):
        return {"CARGO_TARGET_DIR": str(tmp / f"target{night}-{t}")}
    for t, r in roots.items():
        tgt = tg(t)
        cap(f"cargo-build-json-{t}", "cargo build -p foundry --message-format=json 2>&1", r, n_cargo_build_json,
            env=tgt)
        cap(f"cargo-check-jds-{t}", "cargo check -p foundry --all-targets --message-format=json-diagnostic-short 2>&1",
            r, n_cargo_check_jds, env=tgt)
        cap(f"cargo-clippy-short-{t}", "cargo clippy -p foundry --all-targets --message-format=short 2>&1", r,
            n_clippy_short, env=tgt)
    for t in ["warn", "big", "lean", "broken"]:
        cap(f"cargo-test-terse-{t}", "cargo test -p foundry --no-fail-fast -- --format=terse 2>&1", roots[t],
            n_cargo_test_terse, env=tg(t))
    for t in ["warn", "big", "lean"]:
        cap(f"cargo-test-junit-{t}", "cargo +nightly test -p foundry -- -Z unstable-options --format junit 2>&1",
            roots[t], n_cargo_test_junit, env=tg(t, "-nightly"))
    cap("cargo-test-junit-quiet-warn", "cargo +nightly test -q -p foundry --lib -- -Z unstable-options --format junit "
        "--test-threads=1 2>&1", roots["warn"], n_cargo_test_junit, env=tg("warn", "-nightly"))
    r, tgt = roots["warn"], tg("warn")
    cap("cargo-tree-features-ws", "cargo tree --workspace -e features 2>&1", r, n_cargo_tree_features, env=tgt)
    cap("cargo-tree-features-foundry", "cargo tree -p foundry -e features 2>&1", r, n_cargo_tree_features, env=tgt)
    cap("cargo-tree-features-bronze", "cargo tree -p foundry -e features --features bronze --no-dedupe 2>&1", r,
        n_cargo_tree_features, env=tgt)
    cap("cargo-tree-features-invert", "cargo tree --workspace -e features -i pattern@0.1.4 2>&1", r,
        n_cargo_tree_features, env=tgt)
    cap("cargo-tree-depth-ws", "cargo tree --workspace --prefix depth --format '{p} {f}' 2>&1", r, n_cargo_tree_depth,
        env=tgt)
    cap("cargo-tree-depth-foundry", "cargo tree -p foundry --prefix depth -e features --format '{p} {f}' 2>&1", r,
        n_cargo_tree_depth, env=tgt)
    cap("cargo-tree-depth-all-features", "cargo tree --workspace --all-features --prefix depth --format '{p} [{f}] "
        "{r}' 2>&1", r, n_cargo_tree_depth, env=tgt)


GO_VARIANTS = {
    "clean": (5, {}, 11),
    "broken": (6, {"ladles": {"undefined", "unused_var"}, "cupolas": {"type_error", "unused_import"},
                   "cores": {"bad_call"}}, 12),
    "big": (8, {}, 13),
    "one": (3, {"patterns": {"undefined"}}, 14),
}


def golang(tmp: Path) -> None:
    roots = {t: go_material(tmp, t, n, f, SEED + s) for t, (n, f, s) in GO_VARIANTS.items()}
    env = {"GOCACHE": str(tmp / "gocache"), "GOPATH": str(tmp / "gopath")}
    for t, r in roots.items():
        pk = "./..." if t != "big" else "./moulds ./ladles ./cupolas"
        cap(f"go-gcflags-json-{t}", f"go build -gcflags=-json=0,file://$PWD/logopt {pk} 2>&1; "
            "find logopt -name '*.json' | sort | xargs cat", r, n_go_gcflags_json, env=env)
        cap(f"go-build-x-{t}", "go build -x ./... 2>&1; echo EXIT=$?", r, n_go_build_x, env=env)
        cap(f"go-list-m-json-{t}", "go list -m -json all 2>&1", r, n_go_list_m_json, env=env)
    cap("go-gcflags-json-risers", "go build -gcflags='-json=0,file://'$PWD/lo2 ./risers ./sprues ./flasks 2>&1; "
        "cat lo2/*/*.json", roots["big"], n_go_gcflags_json, env=env)
    r = roots["clean"]
    cap("go-mod-edit-json-foundry", "go mod edit -json", r, n_go_mod_edit_json, env=env)
    run = cm.run
    run("go mod edit -require=example.com/coke@v0.0.9 -droprequire=example.com/sand -dropretract=v0.1.1 "
        "-replace=example.com/sand@v1.2.0=../sand -exclude=example.com/alloy@v0.3.9", cwd=r, env=env)
    cap("go-mod-edit-json-edited", "go mod edit -json", r, n_go_mod_edit_json, env=env)
    cap("go-mod-edit-json-broken", "go mod edit -json 2>&1; go mod edit -json ../alloy/go.mod 2>&1", roots["broken"],
        n_go_mod_edit_json, env=env)
    write(roots["one"] / "go.mod", (roots["one"] / "go.mod").read_text() + "\nrequire example.com/slag v0.1\n")
    cap("go-mod-edit-json-badver", "go mod edit -json 2>&1; go list -m -json all 2>&1", roots["one"],
        n_go_mod_edit_json, env=env)


def main() -> None:
    cm.capture_round(__doc__, lambda: None, lambda: [rust, golang], ID_PREFIX, DEFAULT_OUT, TMP,
                     bands=(3_000, 10_000, 60_000))
    out = Path(sys.argv[sys.argv.index("--out") + 1]) if "--out" in sys.argv else DEFAULT_OUT
    drop_and_check(out)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide773", sys.modules["__main__"])
    main()
