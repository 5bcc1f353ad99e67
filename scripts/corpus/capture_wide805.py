#!/usr/bin/env python3
"""Capture round 805 of the compression corpus: the Go toolchain's own commands in outputs the corpus lacks, on a
ship's chandler's modules written here (`chandlers`: packages cordage, tallow, oakum, blocks; commands chandlers and
stores; local modules example.com/ledger and example.com/fathoms under `replace`; an old module `legacy`; sources in
capture_wide805_src.py) with faults put in: failing tests, a package that does not compile, goroutines blocked forever
(a mutex, a channel, a WaitGroup, a select), `// +build` lines in a Go 1.18 module, x/net/context imports, replaces to a
missing directory, bounds checks kept in loops, a heap that churns.

Kinds (rules in NEEDLES.md's "Round 805" section), all NEW: go-sigquit-dump, go-tool-objdump, go-env-json,
go-test-list, go-tool-fix-diff, go-pprof-tree, go-mod-vendor-v, go-gcpacertrace. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide805.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide805.json  as {"version": 2, "items": [...]}, ids prefixed "wide805-".
Tools:   Go 1.19.8 linux/amd64 (/usr/bin/go) and its standard library only (GOPROXY=off, GOFLAGS=-mod=mod);
         GOCACHE under /dev/shm/hm-corpus-wide805.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_data import any_of  # noqa: E402
from capture_wide604 import drop_and_check  # noqa: E402
from capture_wide805_src import STORE_MODS, stores_tree, tree  # noqa: E402

ID_PREFIX = "wide805-"
DEFAULT_OUT = HERE / "data" / "wide805.json"
TMP = Path("/dev/shm/hm-corpus-wide805-run")
TOOLS = Path("/dev/shm/hm-corpus-wide805")
_SIZED = cm.Sized(400, 120_000)
add, cap = _SIZED.add, _SIZED.cap
GOENV = {"GOCACHE": str(TOOLS / "gocache"), "GOPATH": str(TOOLS / "gopath"), "GOFLAGS": "-mod=mod",
         "GOPROXY": "off", "GOMAXPROCS": "2", "GOTOOLCHAIN": None}


def ensure_tools() -> None:
    TOOLS.mkdir(parents=True, exist_ok=True)
    assert shutil.which("go"), "go not found"


# ================================================================== extractors (NEEDLES.md, round 805)

ERR = re.compile(r"\berror\b|fatal error:|panic:|cannot |no such file|\bFAIL\b|does not exist|not found|"
                 r"does not contain|inconsistent|mismatch", re.I)
LOC = re.compile(r"[\w./-]+\.(go|mod|txt):\d+")
EXIT = re.compile(r"^EXIT=\d+$")


def _rule1(lines, skip=None):
    """rule 1 shared by every kind: error lines and a location within six lines, EXIT=N lines"""
    out = []
    for i, ln in enumerate(lines):
        if EXIT.match(ln):
            out.append(ln)
            continue
        if skip and skip(ln):
            continue
        if ERR.search(ln):
            out.append(ln)
            if not LOC.search(ln):
                out.append(cm.next_match(lines, i, LOC.pattern))
    return out


GOR = re.compile(r"^goroutine \d+ \[(.*)\]:$")
FRAME_FN = re.compile(r"^(\S+)\(.*\)$|^created by (\S+)")


def _own_fn(fn: str) -> bool:
    return fn.startswith(("main.", "example.com/"))


@cm.kind("go-sigquit-dump", "log")
def n_sigquit(lines):
    """SIGQUIT/PC lines; goroutine headers one any per (state, innermost own fn); each own fn's frame and location"""
    out = []
    for i, ln in enumerate(lines):
        if ln.startswith("SIGQUIT:"):
            out.append(ln)
            out.append(cm.next_match(lines, i, r"^PC=", 3))
        if re.match(r"^exit status \d+", ln):
            out.append(ln)
    pairs, seen = [], set()
    for i, ln in enumerate(lines):
        m = GOR.match(ln)
        if not m:
            continue
        state = re.sub(r"\d+ minutes?", "N minutes", m.group(1))
        own = None
        for j in range(i + 1, len(lines)):
            if not lines[j].strip() or GOR.match(lines[j]):
                break
            fm = FRAME_FN.match(lines[j])
            if fm and not lines[j].startswith("created by") and _own_fn(fm.group(1) or ""):
                own = fm.group(1)
                if own not in seen:
                    seen.add(own)
                    out.append(lines[j])
                    if j + 1 < len(lines) and lines[j + 1].startswith("\t"):
                        out.append(lines[j + 1].strip().split(" +0x")[0])
                break
        pairs.append(((state, own), ln))
    out += cm.groups(pairs)
    before = [ln for ln in lines[: next((i for i, x in enumerate(lines) if x.startswith("SIGQUIT")), len(lines))]]
    out += [ln for ln in before if re.search(r"error", ln, re.I)]
    return out + [ln for ln in lines if EXIT.match(ln)]


TEXT = re.compile(r"^TEXT (\S+)\(SB\)")
PCALL = re.compile(r"CALL (runtime\.(?:panic\w*|gopanic|goPanic\w*))\(SB\)")


@cm.kind("go-tool-objdump", "code")
def n_objdump(lines):
    """every TEXT line; CALL runtime.panic*/gopanic lines one any per (TEXT function, callee)"""
    out, pairs, fn = [], [], None
    for ln in lines:
        m = TEXT.match(ln)
        if m:
            fn = m.group(1)
            out.append(ln)
            continue
        c = PCALL.search(ln)
        if c and fn:
            pairs.append(((fn, c.group(1)), ln))
    return out + cm.groups(pairs) + _rule1(lines, skip=lambda s: s.startswith(("TEXT", "  ")))


ENV_KEYS = ("GOVERSION", "GOOS", "GOARCH", "GOROOT", "GOPATH", "GOMOD", "GOWORK", "GOFLAGS", "GOPROXY",
            "CGO_ENABLED", "GOAMD64", "GOEXPERIMENT")


@cm.kind("go-env-json", "json")
def n_env_json(lines):
    """rule 5: the GOVERSION, GOOS, GOARCH, GOROOT, GOPATH, GOMOD, GOWORK, GOFLAGS, GOPROXY, CGO_ENABLED, GOAMD64 lines"""
    out = [ln for ln in lines if any(ln.strip().startswith(f'"{k}":') for k in ENV_KEYS)]
    return out + [ln for ln in lines if ln.startswith("go: ")] + _rule1(lines, skip=lambda s: s.startswith(' "'))


LISTED = re.compile(r"^(Test|Benchmark|Fuzz|Example)\w*$")
PKGRES = re.compile(r"^(ok|\?|FAIL)\s+\S+|\[(setup|build) failed\]")


@cm.kind("go-test-list", "test")
def n_test_list(lines):
    """every listed Test/Benchmark/Fuzz/Example name, every package result line, # pkg headers and file:line:col errors"""
    out = []
    for i, ln in enumerate(lines):
        if LISTED.match(ln) or PKGRES.search(ln) or EXIT.match(ln):
            out.append(ln)
        elif ln.startswith("# ") and cm.next_match(lines, i, r"\.go:\d+:\d+: ", 2):
            out.append(ln)
        elif re.match(r"^\S+\.go:\d+:\d+: ", ln) or ln.startswith("go: "):
            out.append(ln)
    return out + _rule1(lines, skip=lambda s: bool(LISTED.match(s)))


@cm.kind("go-tool-fix-diff", "lint")
def n_fix_diff(lines):
    """every `file: fixed X` line, diff file headers and hunk headers; file:line:col parse errors"""
    out = []
    for ln in lines:
        if re.search(r": fixed \w+", ln) or re.match(r"^(diff |--- |\+\+\+ |@@ )", ln):
            out.append(ln)
        elif re.match(r"^\S+\.go:\d+:\d+: ", ln) or EXIT.match(ln):
            out.append(ln)
    return out + _rule1(lines, skip=lambda s: s.startswith((" ", "+", "-", "@@", "diff ")))


PP_HEAD = re.compile(r"^(File|Type|Time|Duration|Build ID):|^Showing nodes|^Dropped \d+|^\s+flat\s+flat%")
PCT = re.compile(r"^\s*[\d.]+\w*\s+([\d.]+)%\s+[\d.]+%\s+[\d.]+\w*\s+([\d.]+)%\s+\|\s+\S")


@cm.kind("go-pprof-tree", "table")
def n_pprof_tree(lines):
    """header lines and column header; every node line of a ---- block with flat% or cum% at least 10%"""
    out = [ln for ln in lines if PP_HEAD.search(ln)]
    for ln in lines:
        m = PCT.match(ln)
        if m and (float(m.group(1)) >= 10 or float(m.group(2)) >= 10):
            out.append(ln)
    return out + _rule1(lines)


@cm.kind("go-mod-vendor-v", "pkg")
def n_vendor(lines):
    """every `# module version [=> replacement]` line; go: error lines and what they name within six; EXIT=N"""
    out = [ln for ln in lines if re.match(r"^# \S+ \S+", ln)]
    for i, ln in enumerate(lines):
        if ln.startswith("go: ") or ERR.search(ln):
            out.append(ln)
            if not LOC.search(ln):
                out.append(cm.next_match(lines, i, LOC.pattern))
            if ln.startswith("go: "):  # what it names: the vendor/modules.txt and go.mod lines below it
                out += [x for x in lines[i + 1:i + 7] if x.startswith(("\t", " ")) and re.search(
                    r"vendor/modules\.txt|go\.mod", x) and not x.strip().startswith("To ")]
        if EXIT.match(ln):
            out.append(ln)
    return out


RATIO = re.compile(r"^pacer: assist ratio=([-+0-9.e]+)")
CPU = re.compile(r"^pacer: \d+% CPU .*?goal heap[ =]?(\d+)|^pacer: \d+% CPU")


@cm.kind("go-gcpacertrace", "log")
def n_pacer(lines):
    """first and last pacer lines, the assist-ratio and CPU lines at the extremes, the program's own lines, rule 1"""
    pl = [ln for ln in lines if ln.startswith("pacer:")]
    out = [pl[0], pl[-1]] if pl else []
    rs = [(float(RATIO.match(ln).group(1)), ln) for ln in pl if RATIO.match(ln)]
    if rs:
        out += [max(rs)[1], min(rs)[1]]
    cl = [ln for ln in pl if CPU.match(ln)]
    vals = [(int(CPU.match(ln).group(1)), ln) for ln in cl if CPU.match(ln).group(1)]
    if vals:
        out += [max(vals)[1], min(vals)[1]]
    elif cl:
        out += [cl[0], cl[-1]]
    out += [ln for ln in lines if ln and not ln[0].isspace() and not ln.startswith(("pacer:", "gc ", "EXIT="))]
    return out + _rule1(lines)


# ================================================================== steps

def _c(item, cmd, ext, cwd="chandlers", timeout=150):
    cap(item, cmd, TMP / cwd, ext, timeout=timeout, env=GOENV)


def step_write(tmp: Path) -> None:
    cm.write_tree(tmp, tree())


def step_list_env(tmp: Path) -> None:
    _c("test-list-all", "go test -list . ./... 2>&1; echo EXIT=$?", n_test_list)
    _c("test-list-tallow-v", "go test -v -list '.*' ./tallow ./cordage ./blocks 2>&1; echo EXIT=$?", n_test_list)
    _c("test-list-ledger", "go test -list . ./... example.com/ledger example.com/fathoms 2>&1; echo EXIT=$?",
       n_test_list)
    cm.run("go work init ./chandlers ./ledger ./fathoms ./legacy", cwd=tmp, env=GOENV)
    _c("test-list-work", "go test -list . example.com/... 2>&1; echo EXIT=$?", n_test_list)
    (tmp / "go.work").unlink()
    _c("test-list-example", "go test -count=1 -list 'Example' ./... 2>&1; echo EXIT=$?", n_test_list)
    _c("env-json-module", "go env -json 2>&1", n_env_json)
    _c("env-json-legacy", "GOOS=windows GOARCH=arm64 CGO_ENABLED=0 go env -json 2>&1", n_env_json, cwd="legacy")
    _c("env-json-flags", "GOFLAGS='-mod=vendor -trimpath' GOAMD64=v3 GOEXPERIMENT=boringcrypto go env -json 2>&1",
       n_env_json)
    cm.run("go work init ./chandlers ./ledger ./fathoms", cwd=tmp, env=GOENV)
    _c("env-json-work", "go env -json 2>&1", n_env_json, cwd="fathoms")
    (tmp / "go.work").unlink()


def step_fix(tmp: Path) -> None:
    _c("fix-diff-buildtag", "go tool fix -diff -go=go1.18 . 2>&1; echo EXIT=$?", n_fix_diff, cwd="legacy")
    # a wider tree: the legacy files copied under several chandlers' names
    wide = tmp / "legacy-wide"
    for k, n in enumerate(["cordage", "tallow", "oakum", "blocks", "lanterns", "pitch", "marlin", "canvas"]):
        d = wide / n
        d.mkdir(parents=True, exist_ok=True)
        for f in (tmp / "legacy").glob("*.go"):
            if f.name != "broken.go" or k % 3 == 0:
                (d / f"{n}_{f.name}").write_text(f.read_text().replace("package legacy", f"package {n}"))
    (wide / "go.mod").write_text("module example.com/legacywide\n\ngo 1.18\n")
    _c("fix-diff-wide", "go tool fix -diff -go=go1.18 . 2>&1; echo EXIT=$?", n_fix_diff, cwd="legacy-wide")
    _c("fix-diff-buildtag-two", "go tool fix -diff -go=go1.18 -r buildtag cordage tallow marlin 2>&1; echo EXIT=$?",
       n_fix_diff, cwd="legacy-wide")
    _c("fix-diff-context-force", "go tool fix -diff -force context -r context . 2>&1; "
       "echo EXIT=$?", n_fix_diff, cwd="legacy-wide")


def step_vendor(tmp: Path) -> None:
    cm.write_tree(tmp, stores_tree(STORE_MODS))
    _c("vendor-v-stores", "go mod vendor -v 2>&1; echo EXIT=$?", n_vendor, cwd="stores")
    cm.write_tree(tmp, stores_tree(STORE_MODS[:9], bad_path="canvas"))
    _c("vendor-v-stores-nine", "rm -rf vendor; go mod vendor -v 2>&1; echo EXIT=$?", n_vendor, cwd="stores")
    cm.write_tree(tmp, stores_tree(STORE_MODS))
    _c("vendor-v-stores-missing", "rm -rf vendor ../mods/hawsers ../mods/bunting; go mod vendor -v 2>&1; "
       "echo EXIT=$?", n_vendor, cwd="stores")
    cm.write_tree(tmp, stores_tree(STORE_MODS))
    _c("vendor-v-stores-e-build", "rm -rf vendor; go mod vendor -v -e 2>&1 && sed -i '/^# example.com\\/pitch /,+2d' "
       "vendor/modules.txt && go build -mod=vendor . 2>&1; echo EXIT=$?", n_vendor, cwd="stores")
    cm.run("rm -rf vendor", cwd=tmp / "chandlers")
    _c("vendor-v-inconsistent", "go mod vendor -v >/dev/null 2>&1; sed -i 's/^# example.com\\/ledger v0.0.0/"
       "# example.com\\/ledger v0.0.1/' vendor/modules.txt; go build -mod=vendor ./... 2>&1; echo EXIT=$?; "
       "rm -rf vendor; go mod vendor -v 2>&1; echo EXIT=$?", n_vendor)
    shutil.rmtree(tmp / "chandlers/vendor", ignore_errors=True)


def step_bin(tmp: Path) -> None:
    cm.run("go build -o bin/chandlers ./cmd/chandlers && go build -o bin/stores ./cmd/stores", cwd=tmp / "chandlers",
           env=GOENV, timeout=300)
    cm.run("go build -gcflags='example.com/...=-l' -o bin/chandlers-noinline ./cmd/chandlers", cwd=tmp / "chandlers",
           env=GOENV, timeout=300)
    _c("objdump-cordage", "go tool objdump -s '^example.com/chandlers/cordage\\.' bin/chandlers-noinline 2>&1",
       n_objdump)
    _c("objdump-main", "go tool objdump -s '^main\\.' bin/chandlers 2>&1", n_objdump)
    _c("objdump-stores-S", "go tool objdump -S -s '^(main\\.main|example.com/chandlers/cordage\\.Grade)$' bin/stores 2>&1",
       n_objdump)
    _c("objdump-ledger-gnu", "go tool objdump -gnu -s 'ledger\\.|fathoms\\.|oakum\\.' bin/chandlers-noinline 2>&1", n_objdump)
    hang = "(GOTRACEBACK={tb} ./bin/chandlers hang {n} & p=$!; sleep 1.5; kill -QUIT $p; wait $p; echo EXIT=$?) 2>&1"
    _c("sigquit-4", hang.format(tb="single", n=4), n_sigquit)
    _c("sigquit-9", hang.format(tb="all", n=9), n_sigquit)
    _c("sigquit-30", hang.format(tb="all", n=30), n_sigquit)
    _c("sigquit-system-6", hang.format(tb="system", n=6), n_sigquit)
    _c("sigquit-go-run-13", "(go run ./cmd/chandlers hang 13 & p=$!; sleep 8; kill -QUIT $(pgrep -P $p); "
       "wait $p; echo EXIT=$?) 2>&1", n_sigquit, timeout=60)
    _c("sigquit-160", hang.format(tb="all", n=160) + " | head -n 1400", n_sigquit)
    pace = "GODEBUG=gcpacertrace=1 ./bin/chandlers churn {n} 2>&1; echo EXIT=$?"
    _c("pacer-3000", pace.format(n=3000), n_pacer)
    _c("pacer-20000", pace.format(n=20000), n_pacer)
    _c("pacer-gctrace-8000", "GODEBUG=gcpacertrace=1,gctrace=1 ./bin/chandlers churn 8000 2>&1; echo EXIT=$?", n_pacer)
    _c("pacer-gogc-60000", "GOGC=25 GODEBUG=gcpacertrace=1 ./bin/chandlers churn 60000 2>&1 | tail -n 400; "
       "echo EXIT=$?", n_pacer)
    _c("pacer-memlimit-12000", "GOMEMLIMIT=6MiB GODEBUG=gcpacertrace=1 ./bin/chandlers churn 12000 2>&1; echo EXIT=$?",
       n_pacer)


def step_pprof(tmp: Path) -> None:
    d = tmp / "chandlers"
    cm.run("nice go test -run '^$' -bench . -benchtime 300x -cpuprofile bench-cpu.out -memprofile mem.out -o tallow.test "
           "./tallow", cwd=d, env=GOENV, timeout=300)
    cm.run("nice ./bin/chandlers profile 5000", cwd=d, env=GOENV, timeout=120)
    _c("objdump-tallow-test", "go tool objdump -s 'tallow\\.' tallow.test 2>&1", n_objdump)
    _c("pprof-tree-bench", "go tool pprof -tree tallow.test bench-cpu.out 2>&1", n_pprof_tree)
    _c("pprof-tree-alloc", "go tool pprof -sample_index=alloc_space -tree tallow.test mem.out 2>&1", n_pprof_tree)
    _c("pprof-tree-focus", "go tool pprof -tree -focus=Render -nodefraction=0 bin/chandlers cpu.out 2>&1",
       n_pprof_tree)
    _c("pprof-tree-prog", "go tool pprof -tree -nodecount=60 bin/chandlers cpu.out 2>&1", n_pprof_tree)
    _c("pprof-tree-objects", "go tool pprof -sample_index=alloc_objects -tree -nodefraction=0 tallow.test mem.out 2>&1",
       n_pprof_tree)


STEPS = [step_write, step_list_env, step_fix, step_vendor, step_bin, step_pprof]


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, lambda: STEPS, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))
    out = Path(sys.argv[sys.argv.index("--out") + 1]) if "--out" in sys.argv else DEFAULT_OUT
    drop_and_check(out)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide805", sys.modules["__main__"])
    main()
