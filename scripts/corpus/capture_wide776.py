"""Capture round 776 of the compression corpus: binary and object-file inspection tools in forms the corpus lacked
(readelf --dyn-syms, nm -u / -D / -A, strings -t x, c++filt, addr2line -f -C -i -p, llvm-symbolizer and its JSON
output, objdump -T / -p / -dr, pyelftools' readelf.py) beside kinds it has (ld undefined references, ldd, gdb -batch
bt, readelf -S, objdump -d, size -A, nm -C -S --size-sort, readelf -s, ms_print), on a bell foundry's C/C++ project
written here (`foundry`: clappers, crowns, tenors, sound bows, moulds, halyards; seed 77610) and built with gcc/g++,
with faults put in (undefined symbols, a removed rpath library, a crash and an abort, an oversized static table).
Needle rules: NEEDLES.md's "Round 776" section; new kinds' extractors below, the others imported.

Usage:   .venv/bin/python scripts/corpus/capture_wide776.py
Writes:  scripts/corpus/data/wide776.json, ids prefixed "wide776-".
Tools:   gcc/g++ 12.2.0 (Debian), GNU binutils 2.40 (readelf, nm, objdump, size, strings, c++filt, addr2line),
         ldd (glibc 2.36), GNU gdb 13.1, valgrind 3.19.0 (massif, ms_print), llvm-symbolizer (LLVM 14.0.6);
         /dev/shm/hm-corpus-wide776/venv (PyPI): pyelftools 0.32 (readelf.py)."""

from __future__ import annotations

import os
import random
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import capture_more as cm  # noqa: E402
from capture_more import any_of, kind  # noqa: E402
from capture_data import rule4  # noqa: E402
from capture_wide604 import drop_and_check  # noqa: E402
from capture_wide import n_ldd, n_gdb  # noqa: E402
from capture_wide4 import n_ld  # noqa: E402
from capture_wide5 import n_objdump_d, n_readelf_s  # noqa: E402
from capture_wide43_bin import n_size_a, n_nm_size_sort  # noqa: E402
from capture_wide8_lang import n_ms_print  # noqa: E402

ID_PREFIX = "wide776-"
DEFAULT_OUT = HERE / "data" / "wide776.json"
TOOLS = Path("/dev/shm/hm-corpus-wide776")
VENV = TOOLS / "venv"
TMP = Path("/dev/shm/hm-corpus-wide776-run")
SEED = 77610
_SIZED = cm.Sized(400, 120_000)
add, cap = _SIZED.add, _SIZED.cap

OWN = re.compile(r"(bell::|_Z[A-Z]*N[KVrO]*4bell|\b_?(foundry|clapper|crown|tenor|soundbow|mould|halyard|peal)_)")
FAIL = re.compile(r"error|fail|crack|flaw|abort|missing|invalid|out of", re.I)

# ------------------------------------------------------------------ extractors of the new kinds (fixed before capture)


def _sym_rows(lines):
    """readelf -s / readelf.py -s rows: (line, {size, type, bind, ndx, name})."""
    rows = []
    for ln in lines:
        m = re.match(r"^\s*\d+:\s+[0-9a-f]+\s+(0x[0-9a-f]+|\d+)\s+(\w+)\s+(\w+)\s+(\w+)\s+(\S+)\s*(.*)$", ln)
        if m:
            size = int(m.group(1), 16) if m.group(1).startswith("0x") else int(m.group(1))
            rows.append((ln, {"size": str(size), "type": m.group(2), "bind": m.group(3), "ndx": m.group(5),
                              "name": m.group(6)}))
    return rows


def _dyn_syms(lines):
    rows = _sym_rows(lines)
    hdr = [ln for ln in lines if re.match(r"^\s*Num:\s+Value\s+Size\s+Type", ln)][:1]
    out = rule4(rows, cat=("type", "bind"), nums=("size",), header=hdr)
    out += [ln for ln, r in rows if r["ndx"] == "UND" and OWN.search(r["name"])]
    return out


@kind("readelf-dyn-syms", "table")
def n_readelf_dyn_syms(lines):
    """Rule 4: the Num/Value/Size header, rows of largest/smallest Size, rows of rare Type/Bind; every UND row of the project's own names."""
    return _dyn_syms(lines)


@kind("nm-undefined", "listing")
def n_nm_undefined(lines):
    """Every 'U' line of the project's own names; with several files, the 'file.o:' header above each."""
    out, head = [], None
    for ln in lines:
        if re.match(r"^\S.*:$", ln):
            head = ln
        elif re.match(r"^\s+U ", ln) and OWN.search(ln):
            if head and head not in out:
                out.append(head)
            out.append(ln)
    return out


def _nm_rows(lines):
    rows = []
    for ln in lines:
        m = re.match(r"^(?:\S+:)?([0-9a-f]{16})?\s*([0-9a-f]{16})?\s+([A-Za-z])\s+(.+)$", ln)
        if m and (m.group(1) or m.group(3) in "Uvw"):
            rows.append((ln, {"type": m.group(3), "size": m.group(2), "name": m.group(4)}))
    return rows


@kind("nm-D", "listing")
def n_nm_d(lines):
    """Rule 4 over sized rows: the smallest and largest, rows with a rare type letter; every U row of the project's own names."""
    rows = _nm_rows(lines)
    sized = [(ln, {"size": str(int(r["size"], 16))}) for ln, r in rows if r["size"]]
    out = rule4(sized, nums=("size",))
    out += rule4([(ln, {"type": r["type"]}) for ln, r in rows], cat=("type",))
    out += [ln for ln, r in rows if r["type"] == "U" and OWN.search(r["name"])]
    return out


@kind("nm-A", "listing")
def n_nm_a(lines):
    """Every U row of the project's own names no listed file defines; every row with a rare type letter."""
    rows = []
    for ln in lines:
        m = re.match(r"^([^:\s]+):(?:[0-9a-f]{16})?\s+([A-Za-z])\s+(.+)$", ln)
        if m:
            rows.append((ln, {"file": m.group(1), "type": m.group(2), "name": m.group(3)}))
    defined = {r["name"] for _, r in rows if r["type"] in "TtWwDdBbRrV"}
    out = [ln for ln, r in rows if r["type"] == "U" and OWN.search(r["name"]) and r["name"] not in defined]
    out += rule4([(ln, {"type": r["type"]}) for ln, r in rows], cat=("type",))
    return out


@kind("strings-t-x", "listing")
def n_strings_tx(lines):
    """Rule 5: the first occurrence of every project message naming a failure; the GCC identification line."""
    out, seen = [], set()
    for ln in lines:
        m = re.match(r"^\s*[0-9a-f]+ (.*)$", ln)
        if not m:
            continue
        s = m.group(1)
        if (s.startswith("GCC: (") or (FAIL.search(s) and re.search(
                r"clapper|crown|tenor|sound ?bow|mould|halyard|peal|bell|casting|loam|canon|partial", s, re.I))) \
                and s not in seen:
            seen.add(s)
            out.append(ln)
    return out


@kind("cxxfilt", "code")
def n_cxxfilt(lines):
    """Rule 6: every defined (T/t/W) bell:: function line and every U line of the project's own names; a bare list: every line."""
    nmish = [ln for ln in lines if re.match(r"^(?:[0-9a-f]{16}| {16}) [A-Za-z] ", ln)]
    if not nmish:
        return [ln for ln in lines if ln.strip()]
    out = []
    for ln in nmish:
        t, name = ln[17], ln[19:]
        if t in "TtWw" and name.startswith("bell::") and "(" in name:
            out.append(ln)
        elif t == "U" and OWN.search(name):
            out.append(ln)
    return out


@kind("addr2line-pretty", "listing")
def n_addr2line_pretty(lines):
    """Every line naming a project function ('fn at file:line'), every '(inlined by)' line, every unresolved '??' line."""
    return [ln for ln in lines if "(inlined by)" in ln or ln.startswith("??") or " ?? " in ln
            or (" at " in ln and OWN.search(ln.split(" at ")[0]))]


@kind("llvm-symbolizer", "listing")
def n_llvm_symbolizer(lines):
    """Every project function line with the location line after it; every '??' line."""
    out = []
    for i, ln in enumerate(lines):
        if ln.startswith("??"):
            out.append(ln)
        elif OWN.search(ln) and not re.search(r":\d+:\d+$", ln):
            out.append(ln)
            if i + 1 < len(lines) and re.search(r":\d+(:\d+)?$", lines[i + 1]):
                out.append(lines[i + 1])
    return out


@kind("llvm-symbolizer-json", "json")
def n_llvm_symbolizer_json(lines):
    """Every line whose FunctionName is a project function, every line with an empty or '??' FunctionName."""
    return [ln[:200] for ln in lines if re.search(r'"FunctionName":"(bell::|(foundry|clapper|crown|tenor|soundbow|'
                                                  r'mould|halyard|peal)_|\?\?|")', ln)]


@kind("objdump-T", "table")
def n_objdump_t_dyn(lines):
    """The DYNAMIC SYMBOL TABLE line; rule 4 (size extremes, rare section); every *UND* row of the project's own names."""
    rows = []
    for ln in lines:
        m = re.match(r"^[0-9a-f]{16} (.{7}) (\S+)\s+([0-9a-f]{16})\s+(?:\S+\s+)?(.*)$", ln)
        if m:
            rows.append((ln, {"sect": m.group(2), "size": str(int(m.group(3), 16)), "name": m.group(4)}))
    hdr = [ln for ln in lines if ln.startswith("DYNAMIC SYMBOL TABLE:")][:1]
    out = rule4(rows, cat=("sect",), nums=("size",), header=hdr)
    out += [ln for ln, r in rows if r["sect"] == "*UND*" and OWN.search(r["name"])]
    return out


@kind("objdump-p", "listing")
def n_objdump_p(lines):
    """Rule 5: the file format line, every NEEDED/SONAME/RPATH/RUNPATH line, every 'required from' line."""
    return [ln for ln in lines if "file format" in ln or re.match(r"^\s+(NEEDED|SONAME|RPATH|RUNPATH)\s", ln)
            or re.match(r"^\s+required from ", ln)]


@kind("objdump-dr", "code")
def n_objdump_dr(lines):
    """Rule 6: every '<name>:' header of a project function; rule 1: the first relocation naming each undefined project symbol."""
    out, seen = [], set()
    undefined = set()
    for ln in lines:
        m = re.match(r"^[0-9a-f]+ <(.+)>:$", ln)
        if m and OWN.search(m.group(1)):
            out.append(ln)
    defined = {re.match(r"^[0-9a-f]+ <(.+)>:$", ln).group(1) for ln in lines if re.match(r"^[0-9a-f]+ <(.+)>:$", ln)}
    for ln in lines:
        m = re.search(r"R_X86_64_\w+\s+(.+?)(?:-0x[0-9a-f]+|\+0x[0-9a-f]+)?$", ln)
        if m and OWN.search(m.group(1)) and m.group(1) not in defined and not m.group(1).startswith("."):
            undefined.add(m.group(1))
            if m.group(1) not in seen:
                seen.add(m.group(1))
                out.append(ln)
    return out


@kind("pyelftools-readelf", "table")
def n_pyelftools(lines):
    """-s/--dyn-syms: the readelf-dyn-syms rule; -S: round 5's readelf-S rule; -d: NEEDED/SONAME/RPATH/RUNPATH; Error lines."""
    out = [ln for ln in lines if "Error:" in ln]
    if any(re.match(r"^\s*Num:\s+Value\s+Size", ln) for ln in lines):
        out += _dyn_syms(lines)
    if any("[Nr]" in ln for ln in lines):
        out += n_readelf_s(lines)
    out += [ln for ln in lines if re.search(r"\((NEEDED|SONAME|RPATH|RUNPATH)\)", ln)]
    out += [ln for ln in lines if re.match(r"^\s+Owner\s", ln)]
    return out


# ------------------------------------------------------------------ material

PARTS = ["clapper", "crown", "tenor", "soundbow", "mould"]
VERBS = ["cast", "tune", "temper", "strike", "hang", "anneal", "chamfer", "gauge", "ring", "quench", "voice", "trim"]
NOUNS = ["partial", "hum", "tierce", "quint", "nominal", "lip", "waist", "shoulder", "canon", "loam", "cope", "core"]


def write(p: Path, text: str) -> None:
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(text)


def cxx_unit(rng: random.Random, part: str) -> str:
    cls = part.capitalize() if part != "soundbow" else "SoundBow"
    n = rng.randint(7, 14)
    names = rng.sample([f"{v}_{w}" for v in VERBS for w in NOUNS], n)
    out = [f'#include "foundry.hpp"', "#include <vector>", "#include <string>", "#include <stdexcept>", "",
           "namespace bell {", ""]
    for nm in names:
        k = rng.randint(2, 9)
        out.append(f"double {cls}::{nm}(double x, int n) const {{\n    double acc = weight_;\n"
                   f"    for (int i = 0; i < n; ++i) acc += x * {k} / (i + 1);\n"
                   f"    if (acc < 0) throw std::runtime_error(\"{part} {nm}: cracked {part} out of range\");\n"
                   f"    return acc;\n}}\n")
    out.append(f"std::string {part}_label(int i) {{ return std::string(\"{part}-\") + std::to_string(i); }}\n")
    out.append(f"template <typename T> T {part}_sum(const std::vector<T>& v) {{ T s{{}}; for (auto& e : v) s += e; return s; }}")
    out.append(f"template double {part}_sum<double>(const std::vector<double>&);\n")
    if part == "tenor":
        out.append("double Tenor::voice_all(double x) const { return temper(x) + " + names[0] + "(x, 3); }\n")
    if part == "soundbow":
        rows = ",\n".join("{" + ", ".join(f"{rng.uniform(0.5, 9):.4f}" for _ in range(5)) + "}" for _ in range(64))
        out.append(f"extern const double PARTIALS[6000][5] = {{\n{rows}\n}};\n")
    out.append("}  // namespace bell\n")
    return "\n".join(out), names


def material(tmp: Path) -> dict:
    rng = random.Random(SEED)
    root = tmp / "foundry"
    hdr = ["#pragma once", "#include <string>", "#include <vector>", "namespace bell {"]
    units = {}
    for part in PARTS:
        src, names = cxx_unit(rng, part)
        units[part] = (src, names)
    for part in PARTS:
        cls = part.capitalize() if part != "soundbow" else "SoundBow"
        meth = "\n".join(f"    double {nm}(double x, int n) const;" for nm in units[part][1])
        extra = {"tenor": "    double temper(double x) const;\n    double voice_all(double x) const;\n",
                 "crown": "    int seat_staples(int n);\n", "mould": "    double ram_loam(int layers) const;\n"
                 }.get(part, "")
        hdr.append(f"class {cls} {{\n public:\n    explicit {cls}(double w) : weight_(w) {{}}\n{meth}\n{extra}"
                   f" private:\n    double weight_;\n}};\nstd::string {part}_label(int i);\n"
                   f"template <typename T> T {part}_sum(const std::vector<T>& v);")
    hdr.append("extern const double PARTIALS[6000][5];\n}  // namespace bell\n"
               'extern "C" int foundry_peal(int rounds);\nextern "C" int halyard_hoist(int);\n')
    write(root / "include/foundry.hpp", "\n".join(hdr))
    for part in PARTS:
        write(root / f"lib/{part}.cc", units[part][0])
    write(root / "lib/peal_api.cc", '#include "foundry.hpp"\nextern "C" int foundry_peal(int rounds) {\n'
          "    bell::Tenor t(3.5);\n    double s = 0;\n    for (int i = 0; i < rounds; ++i) s += t.voice_all(i);\n"
          "    return (int)s + (int)bell::PARTIALS[rounds % 6000][1];\n}\n"
          'extern "C" double foundry_mould_peal(int layers) {\n    bell::Mould m(1.25);\n'
          "    return m.ram_loam(layers) + bell::PARTIALS[layers % 6000][2];\n}\n")
    write(root / "app/tower.cc", '#include "foundry.hpp"\n#include <cstdio>\nint main(int c, char**) {\n'
          '    bell::Crown cr(2.0);\n    std::printf("%s %d\\n", bell::crown_label(c).c_str(), foundry_peal(c));\n'
          "    return 0;\n}\n"
          "int tower_rehang(int staples) {\n    bell::Crown cr(2.5);\n    return cr.seat_staples(staples);\n}\n")
    write(root / "halyard/halyard.c", "int halyard_hoist(int n) { return n * 7; }\n")
    write(root / "app/hoist.c", '#include <stdio.h>\nint halyard_hoist(int);\nint main(void) {'
          ' printf("hoisted %d\\n", halyard_hoist(3)); return 0; }\n')
    # C program with a crash, an abort, a big .bss casting log and heap growth for massif
    cfuncs = []
    for i, (v, w) in enumerate(rng.sample([(v, w) for v in VERBS for w in NOUNS], 14)):
        part = PARTS[i % len(PARTS)]
        cfuncs.append((f"{part}_{v}_{w}", part))
    body = ["#include <stdio.h>", "#include <stdlib.h>", "#include <string.h>", "#include <assert.h>", "",
            "struct clapper { double mass; int swings; struct clapper *next; };",
            "struct casting { char bell[24]; double tin, copper; int flaw; };",
            "static struct casting casting_log[40000];",
            "static const char *MESSAGES[] = {\"peal error: clapper missing from headstock\",",
            "    \"crown staple cracked during casting\", \"tenor tuning failed: hum partial out of range\",",
            "    \"soundbow flaw found in loam mould\", \"invalid canon count for peal\"};", ""]
    for fn, part in cfuncs:
        k = rng.randint(2, 11)
        body.append(f"static inline double {fn}_step(double x) {{ return x * {k}.0 + {k}; }}\n"
                    f"double {fn}(double x, int n) {{\n    double acc = 0;\n"
                    f"    for (int i = 0; i < n; i++) acc += {fn}_step(x + i);\n"
                    f"    casting_log[n % 40000].flaw += (int)acc & 1;\n    return acc;\n}}\n")
    body.append("double clapper_swing(struct clapper *c) {\n    return c->mass * c->swings;   /* null clapper */\n}\n")
    body.append("double peal_strike(struct clapper *c, int depth) {\n    if (depth == 0) return clapper_swing(c);\n"
                "    return peal_strike(c, depth - 1) + 1.0;\n}\n")
    body.append("void crown_check(int staples) {\n    assert(staples % 4 == 0 && \"crown staples\");\n}\n")
    body.append("struct clapper *peal_grow(int n) {\n    struct clapper *head = NULL;\n"
                "    for (int i = 0; i < n; i++) {\n        struct clapper *c = malloc(sizeof *c + 512 * (i % 7));\n"
                "        c->mass = i; c->swings = i % 5; c->next = head; head = c;\n    }\n    return head;\n}\n")
    calls = "\n".join(f"    s += {fn}(1.5, argc + 3);" for fn, _ in cfuncs)
    body.append("int main(int argc, char **argv) {\n    const char *mode = argc > 1 ? argv[1] : \"ok\";\n"
                "    double s = 0;\n" + calls + "\n"
                "    if (!strcmp(mode, \"crash\")) { struct clapper *c = NULL; s += peal_strike(c, 3); }\n"
                "    if (!strcmp(mode, \"abort\")) crown_check(7);\n"
                "    if (!strcmp(mode, \"grow\")) { struct clapper *h = peal_grow(3000); s += h->mass; }\n"
                "    printf(\"%s %.1f\\n\", MESSAGES[argc % 5], s);\n    return 0;\n}\n")
    write(root / "app/peal.c", "\n".join(body))
    write(root / "app/casting.c", "#include <stdio.h>\ndouble mould_anneal(double loam);\nint soundbow_gauge(int);\n"
          "double mould_ram_cope(int layers);\nint crown_fit_canon(int canons);\nvoid tenor_pour_bronze(double t);\n"
          "double casting_pour(double tin) {\n    tenor_pour_bronze(tin * 0.22);\n    return mould_anneal(tin);\n}\n"
          "int casting_crown(int n) {\n    return crown_fit_canon(n) + soundbow_gauge(n);\n}\n"
          "double casting_cope(int layers) {\n    return mould_ram_cope(layers) + mould_anneal(layers * 0.5);\n}\n"
          "int main(void) {\n    printf(\"%f %d %f\\n\", casting_pour(2.5), casting_crown(3), casting_cope(4));\n"
          "    return 0;\n}\n")
    write(root / "app/gauge.c", "int soundbow_gauge(int lip) { return lip * 3; }\n")
    return {"root": root, "cfuncs": [f for f, _ in cfuncs]}


def build(root: Path) -> None:
    r = lambda c: cm.note(cm.run(c, cwd=root, timeout=300)[-600:])  # noqa: E731
    r("mkdir -p obj cobj lib/out halyard/out && for p in clapper crown tenor soundbow mould peal_api; do "
      "nice g++ -g -O1 -fPIC -Iinclude -c lib/$p.cc -o obj/$p.o || exit 1; done && "
      "nice g++ -shared -o lib/out/libfoundry.so obj/*.o")
    r("nice gcc -g -fPIC -shared -o halyard/out/libhalyard.so halyard/halyard.c && "
      "nice gcc -g -o hoist app/hoist.c -Lhalyard/out -lhalyard -Wl,-rpath,$PWD/halyard/out && rm -rf halyard/out")
    r("nice g++ -g -Iinclude -c app/tower.cc -o obj/tower_main.o && "
      "nice g++ -g -o tower obj/tower_main.o -Wl,--unresolved-symbols=ignore-all -Llib/out -lfoundry -Wl,-rpath,'$ORIGIN/lib/out' "
      "-Wl,--allow-shlib-undefined")
    r("nice gcc -g -O0 -o peal app/peal.c && nice gcc -g -O2 -o peal_o2 app/peal.c && "
      "nice gcc -g -O2 -c app/peal.c -o cobj/peal.o && nice gcc -g -c app/casting.c -o cobj/casting.o && "
      "nice gcc -g -c app/gauge.c -o cobj/gauge.o")


def addrs(root: Path, prog: str, names: list[str], extra: list[str]) -> str:
    out = cm.run(f"nm {prog}", cwd=root)
    table = {ln.split()[2]: int(ln.split()[0], 16) for ln in out.splitlines() if len(ln.split()) == 3}
    got = [hex(table[n] + off) for n in names if n in table for off in (4, 0x18)]
    return " ".join(got + extra)


def ensure_tools() -> None:
    cm.install_venv(VENV, "readelf.py", ["pyelftools==0.32"])


def steps() -> list:
    return [binaries]


def binaries(tmp: Path) -> None:
    m = material(tmp)
    root = m["root"]
    build(root)
    lib = "lib/out/libfoundry.so"
    # existing kinds (earlier rules, imported extractors)
    cap("ld-undefined-tower", "g++ -g -o tower_strict obj/tower_main.o -Llib/out -lfoundry "
        "-Wl,-rpath,'$ORIGIN/lib/out'; echo EXIT=$?", root, n_ld)
    cap("ld-undefined-casting", "gcc -g -o casting cobj/casting.o cobj/gauge.o; echo EXIT=$?", root, n_ld)
    cap("ldd-hoist-tower", "ldd ./hoist ./tower", root, n_ldd)
    cap("ldd-mixed", "ldd ./hoist ./tower ./peal lib/out/libfoundry.so", root, n_ldd)
    cap("gdb-bt-crash", "gdb -q -batch -ex run -ex bt --args ./peal crash", root, n_gdb)
    cap("gdb-bt-abort", "gdb -q -batch -ex run -ex bt --args ./peal abort", root, n_gdb)
    cap("readelf-S-lib", f"readelf -SW {lib}", root, n_readelf_s)
    cap("objdump-d-peal", "objdump -d --no-show-raw-insn cobj/peal.o", root, n_objdump_d)
    cap("size-A-peal", "size -A peal cobj/peal.o", root, n_size_a)
    cap("nm-size-sort-lib", f"nm -C -S --size-sort {lib}", root, n_nm_size_sort)
    cm.run("valgrind --tool=massif --massif-out-file=ms.out ./peal grow", cwd=root, timeout=200)
    cap("ms-print-peal", "ms_print ms.out", root, n_ms_print)
    # new kinds
    cap("readelf-dyn-syms-lib", f"readelf --dyn-syms -W {lib}", root, n_readelf_dyn_syms)
    cap("readelf-dyn-syms-lib-C", f"readelf --dyn-syms -W -C {lib}", root, n_readelf_dyn_syms)
    cap("readelf-dyn-syms-tower", "readelf --dyn-syms -W -C tower", root, n_readelf_dyn_syms)
    cap("nm-undefined-objs", "nm -u -C obj/*.o", root, n_nm_undefined)
    cap("nm-undefined-lib", f"nm -u -C {lib}", root, n_nm_undefined)
    cap("nm-undefined-cobj", "nm -u cobj/casting.o cobj/gauge.o cobj/peal.o hoist tower", root, n_nm_undefined)
    cap("nm-D-defined", f"nm -D -C -S --size-sort --defined-only {lib}", root, n_nm_d)
    cap("nm-D-all", f"nm -D -C -S {lib}", root, n_nm_d)
    cap("nm-A-objs", "nm -A -C obj/tenor.o obj/peal_api.o obj/tower_main.o", root, n_nm_a)
    cap("nm-A-cobj", "nm -A cobj/*.o", root, n_nm_a)
    cap("nm-A-objs-all", "nm -A -C obj/*.o", root, n_nm_a)
    cap("strings-t-x-peal", "strings -a -t x peal", root, n_strings_tx)
    cap("strings-t-x-lib", f"strings -t x {lib}", root, n_strings_tx)
    cap("cxxfilt-nm-lib", f"nm {lib} | c++filt", root, n_cxxfilt)
    cap("cxxfilt-nm-tenor", "nm obj/tenor.o obj/peal_api.o | c++filt", root, n_cxxfilt)
    cm.run(f"nm -D --defined-only {lib} | awk '{{print $3}}' | grep '^_Z' | head -n 60 > names.txt", cwd=root)
    cap("cxxfilt-names", "c++filt < names.txt", root, n_cxxfilt)
    own = m["cfuncs"] + ["clapper_swing", "peal_strike", "crown_check", "peal_grow", "main"]
    a0 = addrs(root, "peal", own, ["0x3", "0xdeadbeef"])
    a2 = addrs(root, "peal_o2", own, ["0x7", "0xfeedface"])
    cap("addr2line-pretty-O0", f"addr2line -f -C -i -p -e peal {a0}", root, n_addr2line_pretty)
    cap("addr2line-pretty-O2", f"addr2line -f -C -i -p -e peal_o2 {a2}", root, n_addr2line_pretty)
    a_lib = addrs(root, lib, [], [])
    cm.run(f"nm -D --defined-only {lib} | grep ' T ' | awk '{{print \"0x\"$1}}' | head -n 40 > libaddrs.txt",
           cwd=root)
    cap("addr2line-pretty-lib", f"addr2line -f -C -i -p -e {lib} $(cat libaddrs.txt) 0x10", root, n_addr2line_pretty)
    cap("llvm-symbolizer-O2", f"llvm-symbolizer --obj=peal_o2 {a2}", root, n_llvm_symbolizer)
    cap("llvm-symbolizer-lib", f"llvm-symbolizer --obj={lib} --inlines $(cat libaddrs.txt)", root, n_llvm_symbolizer)
    (root / "addrs_o2.txt").write_text(a2.replace(" ", "\n") + "\n")
    (root / "addrs_o0.txt").write_text(a0.replace(" ", "\n") + "\n")
    cap("llvm-symbolizer-json-O2", "llvm-symbolizer --output-style=JSON --obj=peal_o2 < addrs_o2.txt", root,
        n_llvm_symbolizer_json)
    cap("llvm-symbolizer-json-lib", f"llvm-symbolizer --output-style=JSON --obj={lib} < libaddrs.txt", root,
        n_llvm_symbolizer_json)
    cap("objdump-T-lib", f"objdump -T -C {lib}", root, n_objdump_t_dyn)
    cap("objdump-T-tower", "objdump -T -C tower", root, n_objdump_t_dyn)
    cap("objdump-p-hoist", "objdump -p hoist", root, n_objdump_p)
    cap("objdump-p-tower", "objdump -p tower", root, n_objdump_p)
    cap("objdump-p-lib", f"objdump -p {lib}", root, n_objdump_p)
    cap("objdump-dr-tenor", "objdump -dr -C --no-show-raw-insn obj/tenor.o", root, n_objdump_dr)
    cap("objdump-dr-casting", "objdump -dr --no-show-raw-insn cobj/casting.o", root, n_objdump_dr)
    cap("objdump-dr-peal-api", "objdump -dr -C --no-show-raw-insn obj/peal_api.o obj/tower_main.o", root,
        n_objdump_dr)
    py = f"{VENV}/bin/readelf.py"
    cap("pyelftools-readelf-s-lib", f"{py} -s {lib}", root, n_pyelftools, typed=f"readelf.py -s {lib}")
    cap("pyelftools-readelf-d-hoist", f"{py} -d hoist", root, n_pyelftools, typed="readelf.py -d hoist")
    cap("pyelftools-readelf-d-lib", f"{py} -d {lib}", root, n_pyelftools, typed=f"readelf.py -d {lib}")
    cap("pyelftools-readelf-s-obj", f"{py} -s obj/tenor.o", root, n_pyelftools, typed="readelf.py -s obj/tenor.o")
    del a_lib


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))
    out = Path(sys.argv[sys.argv.index("--out") + 1]) if "--out" in sys.argv else DEFAULT_OUT
    drop_and_check(out)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide776", sys.modules["__main__"])
    main()
