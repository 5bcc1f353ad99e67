"""Round 161, round 157's kinds: an irrigation-valve controller in C (`irv`, prefix `IRV_`) with a C++ watering
planner, written here with faults put in (a null dereference after a check, a leak on an early return, a read of
freed memory, a division by a count that may be zero, narrowing, a misspelt name, a missing brace) and widened by a
seeded generator (`src/zone_K.c`). Every kind's needles come from round 157's extractors, imported from
capture_wide157_cc; the macro dumps also take this project's own `IRV_` defines (round 157's rule with this round's
prefix). Run through capture_wide161.py."""

from __future__ import annotations

import random
import re
from pathlib import Path

import capture_wide157_cc as r157
from capture_more import named, run, write_tree
from capture_wide161 import cap

n_cdb, n_clangd_check, n_ast_filter, n_ast_whole = r157.n_cdb, r157.n_clangd_check, r157.n_ast_filter, r157.n_ast_whole
n_q_warnings, n_q_optimizers, n_q_target = r157.n_q_warnings, r157.n_q_optimizers, r157.n_q_target
n_weverything, n_analyze, n_sarif, n_clang_query = r157.n_weverything, r157.n_analyze, r157.n_sarif, r157.n_clang_query
n_tidy_list, n_layouts, n_gcc_v, n_clang_v = r157.n_tidy_list, r157.n_layouts, r157.n_gcc_v, r157.n_clang_v
n_driver, n_fixits = r157.n_driver, r157.n_fixits


def _own_macros(ext):
    """Round 157's macro rule with this round's prefix: its lines plus every `#define IRV_…`."""
    def f(lines):
        return ext(lines) + [ln for ln in lines if re.search(r"#define IRV_\w", ln)]
    return f


n_clang_dm = named("clang-dM-macros", "listing", r157.n_clang_dm.__doc__.replace("TLM_", "IRV_"),
                   _own_macros(r157.n_clang_dm))
n_gcc_dm = named("gcc-dM-macros", "listing", r157.n_gcc_dm.__doc__.replace("TLM_", "IRV_"),
                 _own_macros(r157.n_gcc_dm))

IRV_H = r"""#ifndef IRV_H
#define IRV_H
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define IRV_VERSION "0.9.4"
#define IRV_MAX_ZONES 48
#define IRV_FLOW_SCALE 1000
#define IRV_PRESSURE_KPA_MIN 140
#define IRV_PRESSURE_KPA_MAX 550
#ifndef IRV_DEBUG
#define IRV_DEBUG 0
#endif
#define IRV_CLAMP(x, lo, hi) ((x) < (lo) ? (lo) : (x) > (hi) ? (hi) : (x))
#define IRV_WARN(fmt, ...) do { if (IRV_DEBUG) fprintf(stderr, "irv: " fmt "\n", __VA_ARGS__); } while (0)

typedef enum { IRV_CLOSED, IRV_OPENING, IRV_OPEN, IRV_FAULT } irv_state;

struct irv_valve {
    uint16_t id;
    uint8_t zone;
    unsigned solenoid : 1;
    unsigned latched : 1;
    unsigned retries : 4;
    irv_state state;
    double flow_lpm;
    char label[20];
};

struct irv_program {
    char name[32];
    uint32_t start_min;
    uint16_t minutes[IRV_MAX_ZONES];
    struct irv_valve *valves;
    size_t n_valves;
};

struct irv_log_entry {
    uint64_t at;
    uint8_t zone;
    int16_t delta;
    float litres;
};

int irv_open(struct irv_valve *v);
int irv_close(struct irv_valve *v);
double irv_mean_flow(const struct irv_valve *vs, size_t n);
struct irv_program *irv_program_load(const char *path);
void irv_program_free(struct irv_program *p);
int irv_log_push(struct irv_log_entry *ring, size_t cap, size_t *head, struct irv_log_entry e);

_Static_assert(sizeof(struct irv_valve) <= 64, "a valve fits a cache line");
_Static_assert(sizeof(struct irv_program) < 4096, "a program fits a page");
_Static_assert(sizeof(struct irv_log_entry) == 16, "log entries pack to 16 bytes");
#endif
"""

VALVE_C = r"""#include <stdlib.h>
#include <string.h>
#include "irv.h"

int irv_open(struct irv_valve *v) {
    if (v == NULL)
        IRV_WARN("open of %s", "null valve");
    if (v->state == IRV_FAULT)   /* fault: dereferenced after the null check */
        return -1;
    v->state = IRV_OPENING;
    v->retries = v->retries + 1;
    return 0;
}

int irv_close(struct irv_valve *v) {
    v->state = IRV_CLOSED;
    v->solenoid = 0;
    return 0;
}

double irv_mean_flow(const struct irv_valve *vs, size_t n) {
    double sum = 0;
    for (size_t i = 0; i < n; i++)
        sum += vs[i].flow_lpm;
    return sum / n;              /* fault: n may be zero */
}

int irv_pressure_ok(int kpa) {
    unsigned char scaled = kpa / 4;  /* narrowing */
    return scaled >= IRV_PRESSURE_KPA_MIN / 4 && kpa <= IRV_PRESSURE_KPA_MAX;
}
"""

PROGRAM_C = r"""#include <stdlib.h>
#include <string.h>
#include "irv.h"

struct irv_program *irv_program_load(const char *path) {
    struct irv_program *p = malloc(sizeof *p);
    FILE *f = fopen(path, "r");
    if (!f)
        return NULL;             /* fault: p leaks */
    if (fscanf(f, "%31s %u", p->name, &p->start_min) != 2) {
        fclose(f);
        free(p);
        return NULL;
    }
    p->valves = calloc(IRV_MAX_ZONES, sizeof *p->valves);
    p->n_valves = 0;
    fclose(f);
    return p;
}

void irv_program_free(struct irv_program *p) {
    free(p->valves);
    free(p);
    if (p->n_valves > 0)         /* fault: read after free */
        IRV_WARN("freed %zu valves", p->n_valves);
}

int irv_log_push(struct irv_log_entry *ring, size_t cap, size_t *head, struct irv_log_entry e) {
    size_t at = *head % cap;
    memcpy(&ring[at], &e, sizeof e);
    *head = *head + 1;
    return (int)at;
}
"""

BROKEN_C = r"""#include "irv.h"

static int total_minutes(const struct irv_program *p) {
    int t = 0;
    for (int z = 0; z < IRV_MAX_ZONES; z++)
        t += p->minuts[z];
    return t
}

int irv_overlaps(const struct irv_program *a, const struct irv_program *b) {
    long end_a = a->start_min + total_minutes(a);
    if (b->start_min < end_a) {
        return 1;
    return 0;
}
"""

PLANNER_CPP = r"""#include <algorithm>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace irv {
struct Zone { int id; std::string crop; double et_mm; double area_m2; };

class Planner {
public:
    explicit Planner(double budget_l) : budget_l_(budget_l) {}
    void add(Zone z) { zones_.push_back(std::move(z)); }
    std::map<int, int> minutes(double lpm) const {
        std::map<int, int> out;
        for (const auto &z : zones_) {
            int m = z.et_mm * z.area_m2 / lpm;   // double to int
            out[z.id] = std::min(m, 90);
        }
        return out;
    }
    double share(int id) const {
        double total = 0;
        for (auto &z : zones_) total += z.area_m2;
        for (auto &z : zones_) if (z.id == id) return z.area_m2 / total;
        return 0;
    }
    unsigned count() const { return zones_.size(); }
private:
    double budget_l_;
    std::vector<Zone> zones_;
    long padding_probe_;
    char tag_;
};
}  // namespace irv

int main() {
    irv::Planner p(1200.0);
    p.add({1, "tomato", 5.5, 12.0});
    p.add({2, "lettuce", 3.1, 8.0});
    auto m = p.minutes(7.5);
    return m.size() + p.count();
}
"""

MAKEFILE = """CC ?= cc
CFLAGS ?= -O2 -Wall -Iinclude -DIRV_DEBUG=1
SRC := $(wildcard src/*.c)
OBJ := $(SRC:.c=.o)
all: libirv.a
libirv.a: $(filter-out src/broken.o,$(OBJ))
\tar rcs $@ $^
%.o: %.c
\t$(CC) $(CFLAGS) -c $< -o $@
clean:
\trm -f src/*.o libirv.a
"""

CROPS = ["maize", "barley", "onion", "carrot", "vine", "olive", "clover", "potato", "squash", "bean"]


def gen_zone(k: int, seed: int) -> str:
    """A zone module: per-crop coefficient tables and small functions, some with implicit conversions."""
    rng = random.Random(seed * 100 + k)
    out = ['#include <math.h>', '#include <string.h>', '#include "irv.h"', '',
           f'#define IRV_ZONE{k}_GAIN {rng.randint(2, 9)}', '']
    crops = rng.sample(CROPS, 5)
    for c in crops:
        coef = ", ".join(f"{rng.uniform(0.2, 1.3):.2f}" for _ in range(12))
        out.append(f"static const double kc_{c}_{k}[12] = {{{coef}}};")
    out.append("")
    for c in crops:
        out += [f"int irv_z{k}_{c}_minutes(int month, float et0, unsigned short area) {{",
                f"    double need = kc_{c}_{k}[month % 12] * et0 * area;",
                f"    int mins = need / IRV_FLOW_SCALE * IRV_ZONE{k}_GAIN;",
                "    short capped = IRV_CLAMP(mins, 0, 240);",
                "    return capped;", "}", "",
                f"struct irv_valve irv_z{k}_{c}_valve(uint16_t id) {{",
                "    struct irv_valve v;",
                "    memset(&v, 0, sizeof v);",
                "    v.id = id;",
                f"    v.zone = {k};",
                f"    v.flow_lpm = {rng.uniform(2, 30):.1f} * sqrt(id);",
                "    return v;", "}", ""]
        if rng.random() < 0.5:
            out += [f"float irv_z{k}_{c}_share(int part, int whole) {{",
                    "    int pct;",
                    "    if (whole > 0)",
                    "        pct = part * 100 / whole;",
                    "    return pct / 100.0f;   /* pct may be uninitialised */", "}", ""]
    return "\n".join(out) + "\n"


def project(tmp: Path) -> Path:
    root = tmp / "irv"
    files = {"include/irv.h": IRV_H, "src/valve.c": VALVE_C, "src/program.c": PROGRAM_C, "src/broken.c": BROKEN_C,
             "cxx/planner.cpp": PLANNER_CPP, "Makefile": MAKEFILE}
    for k in range(8):
        files[f"src/zone_{k}.c"] = gen_zone(k, seed=161)
    write_tree(root, files)
    return root


def cc_all(tmp: Path) -> None:
    root = project(tmp)
    run("bear -- make -k -j2 CC=clang >/dev/null 2>&1", cwd=root, timeout=300)
    cap("cdb-jq-files-args", "jq '.[] | {file, arguments}' compile_commands.json", root, n_cdb)
    cap("clangd-check-broken-exit", "clangd --check=src/broken.c; echo EXIT=$?", root, n_clangd_check, timeout=300)
    cap("ast-filter-mean-flow", "clang -Xclang -ast-dump -Xclang -ast-dump-filter=irv_mean_flow -fsyntax-only "
        "-Iinclude src/valve.c", root, n_ast_filter)
    cap("ast-filter-zone-minutes-head-400", "clang -Xclang -ast-dump -Xclang -ast-dump-filter=_minutes -fsyntax-only "
        "-Iinclude src/zone_3.c src/zone_6.c 2>&1 | head -n 400", root, n_ast_filter)
    cap("ast-whole-program-tail-200", "clang -Xclang -ast-dump -fsyntax-only -Iinclude src/program.c 2>&1 | "
        "tail -n 200", root, n_ast_whole)
    cap("dm-clang-cxx20-sort", "clang++ -std=c++20 -E -dM -x c++ /dev/null | sort", root, n_clang_dm)
    cap("dm-gcc-irv-o1-grep", "gcc -O1 -std=gnu17 -fPIC -E -dM -Iinclude include/irv.h | grep -E 'IRV_|__GNUC|__PIC|"
        "__OPTIMIZE|__STDC|__SIZEOF'", root, n_gcc_dm)
    cap("q-warnings-wextra-pedantic-grep", "gcc -Q -Wextra -Wpedantic --help=warnings | grep -v disabled", root,
        n_q_warnings)
    cap("q-optimizers-os", "gcc -Q -Os --help=optimizers", root, n_q_optimizers)
    cap("q-target-avx2-head-100", "gcc -Q -mavx2 -mfma --help=target | head -n 100", root, n_q_target)
    cap("weverything-zones-exit", "clang -Weverything -fsyntax-only -Iinclude src/zone_0.c src/zone_1.c src/zone_2.c "
        "src/valve.c; echo EXIT=$?", root, n_weverything)
    cap("analyze-text-valve-program", "clang --analyze -Xanalyzer -analyzer-output=text -Iinclude src/valve.c "
        "src/program.c 2>&1", root, n_analyze)
    cap("sarif-program-json-tool", "clang --analyze --analyzer-output sarif -Iinclude src/program.c -o prog.sarif; "
        "python3 -m json.tool prog.sarif", root, n_sarif)
    cap("sarif-zones-jq-slurp", "for f in src/zone_*.c src/valve.c; do clang --analyze --analyzer-output sarif "
        "-Iinclude $f -o ${f%.c}.sarif; done 2>/dev/null; jq -s . src/zone_*.sarif src/valve.sarif", root, n_sarif)
    cap("query-memset-calls", "clang-query -c 'match callExpr(callee(functionDecl(hasName(\"memset\"))))' "
        "src/zone_*.c -- -Iinclude", root, n_clang_query, timeout=300)
    cap("tidy-list-perf-readability", "clang-tidy --list-checks -checks='-*,performance-*,readability-*,misc-*,"
        "modernize-*'", root, n_tidy_list)
    cap("layouts-irv-grep-a30", "clang -Xclang -fdump-record-layouts -fsyntax-only -Iinclude src/program.c | "
        "grep -A30 'struct irv_'", root, n_layouts)
    cap("layouts-planner-cxx", "clang++ -std=c++17 -Xclang -fdump-record-layouts -fsyntax-only cxx/planner.cpp "
        "2>&1 | grep -B2 -A20 -E 'irv::|sizeof=' | head -n 300", root, n_layouts)
    cap("gxx-v-search", "echo | g++ -xc++ -E -v -Iinclude -Inonexistent/dir -", root, n_gcc_v)
    cap("clang-v-valve-exit", "clang -v -fsyntax-only -Iinclude -I/opt/irv/include src/valve.c; echo EXIT=$?", root,
        n_clang_v)
    cap("driver-hash-o2-lto", "clang -### -O2 -flto -Iinclude src/valve.c src/program.c -o irvtool -lm", root,
        n_driver)
    cap("fixits-broken-valve", "clang -fsyntax-only -fdiagnostics-parseable-fixits -Wall -Wextra -Wconversion "
        "-Iinclude src/broken.c src/valve.c; echo EXIT=$?", root, n_fixits)


STEPS = [cc_all]
