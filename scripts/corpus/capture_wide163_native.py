"""Round 163's native items (third samples of rounds 137's and 138's kinds, their extractors imported): `seedvault`, a
seed bank's accession-record loader written here in C with faults put in on purpose (a species name copied past its
16-byte field, a lot freed by a withdrawal record and counted afterwards, germination notes never freed, a viability
field read uninitialised by its checker, drawer labels strdup'd and dropped), fuzzed with clang 14's libFuzzer under
AddressSanitizer and LeakSanitizer, its `svcheck` checker under MemorySanitizer and LeakSanitizer in loops; `germsim`,
a germination-trial simulation in C (a seeded generator writes its cultivar handlers) that scans a cultivar table
linearly and hashes tray keys byte by byte (the hot spots), builds a recursive lineage tree, and leaks the trays it
retires, under heaptrack, glibc's mtrace, Valgrind's massif and perf. Run through capture_wide163.py."""

from __future__ import annotations

import random
from pathlib import Path

import capture_more as cm
from capture_more import run, write_tree
from capture_wide137_fuzz import n_lf_asan, n_lf_run, n_lf_merge, n_lf_minimize, n_msan, n_lsan
from capture_wide138_native import n_heaptrack_print, n_massif_out, n_mtrace, n_perf_report
from capture_wide163 import cap

SV_H = r"""#ifndef SEEDVAULT_H
#define SEEDVAULT_H
#include <stddef.h>
#include <stdint.h>
#define SV_MAX_LOTS 32
typedef struct sv_lot {
    char species[16];
    uint32_t grams;
    int viability;           /* percent, from the last germination test */
    char *note;
    char *drawer;
} sv_lot;
typedef struct sv_vault { sv_lot *lots[SV_MAX_LOTS]; int n; int withdrawn; } sv_vault;
int sv_species(const uint8_t *d, size_t n);
int sv_withdraw(const uint8_t *d, size_t n);
int sv_notes(const uint8_t *d, size_t n);
sv_vault *sv_load(const uint8_t *d, size_t n);
void sv_free(sv_vault *v);
#endif
"""

SV_C = r"""#include <stdlib.h>
#include <string.h>
#include "seedvault.h"

static sv_lot *lot_new(void) { return calloc(1, sizeof(sv_lot)); }
static void lot_free(sv_lot *l) { if (!l) return; free(l->note); free(l->drawer); free(l); }

/* 'S' len bytes: a species name; the copy trusts the length byte */
int sv_species(const uint8_t *d, size_t n) {
    if (n < 3 || d[0] != 'S') return 0;
    sv_lot *l = lot_new();
    size_t len = d[1];
    if (len > n - 2) len = n - 2;
    if (len > 8) memcpy(l->species, d + 2, len);      /* 16 bytes then grams: overflow past the struct */
    int r = l->species[0] == 'Q';
    lot_free(l);
    return r;
}

/* 'A' id: accession; 'W' id: withdraw (free) lot id; 'G' g: add grams to the current lot */
int sv_withdraw(const uint8_t *d, size_t n) {
    sv_lot *lots[8] = {0};
    sv_lot *cur = NULL;
    size_t i = 0;
    while (i < n) {
        uint8_t op = d[i++];
        if (op == 'A' && i < n) { int id = d[i++] & 7; if (!lots[id]) lots[id] = lot_new(); cur = lots[id]; }
        else if (op == 'W' && i < n) { int id = d[i++] & 7; if (lots[id]) { lot_free(lots[id]); lots[id] = NULL; } }
        else if (op == 'G' && cur && i < n) { cur->grams += d[i++]; }     /* cur may have been withdrawn */
    }
    for (int k = 0; k < 8; k++) lot_free(lots[k]);
    return 0;
}

/* '#' text: a germination note kept by its lot; only notes starting with '!' are given back */
int sv_notes(const uint8_t *d, size_t n) {
    if (n < 4 || d[0] != '#') return 0;
    sv_lot *l = lot_new();
    l->note = malloc(n);
    memcpy(l->note, d + 1, n - 1);
    l->note[n - 1] = 0;
    l->drawer = strdup("D-00");
    int r = l->note[0] == '!';
    if (r) lot_free(l);
    return r;
}

/* the whole format without the faults: A id / G g / V pct / D len bytes */
sv_vault *sv_load(const uint8_t *d, size_t n) {
    sv_vault *v = calloc(1, sizeof *v);
    sv_lot *cur = NULL;
    size_t i = 0;
    while (i < n) {
        uint8_t op = d[i++];
        if (op == 'A' && i < n) {
            int id = d[i++] % SV_MAX_LOTS;
            if (!v->lots[id]) { v->lots[id] = lot_new(); v->n++; }
            cur = v->lots[id];
        } else if (op == 'G' && cur && i + 1 < n) { cur->grams += d[i] << 8 | d[i + 1]; i += 2; }
        else if (op == 'V' && cur && i < n) { cur->viability = d[i++] % 101; }
        else if (op == 'D' && cur && i < n) {
            size_t len = d[i++];
            if (len > n - i) len = n - i;
            if (len > 15) len = 15;
            free(cur->drawer);
            cur->drawer = malloc(len + 1);
            memcpy(cur->drawer, d + i, len); cur->drawer[len] = 0; i += len;
        } else if (op == 'X') v->withdrawn++;
    }
    return v;
}

void sv_free(sv_vault *v) {
    for (int k = 0; k < SV_MAX_LOTS; k++) lot_free(v->lots[k]);
    free(v);
}
"""

SVCHECK_C = r"""#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "seedvault.h"

/* svcheck FILE: reports lots below 85% viability; copies lots into records whose viability is set only by a V op */
int main(int argc, char **argv) {
    const char *path = argv[argc - 1];
    FILE *f = fopen(path, "rb");
    if (!f) { perror(path); return 2; }
    uint8_t buf[4096];
    size_t n = fread(buf, 1, sizeof buf, f);
    fclose(f);
    sv_vault *v = sv_load(buf, n);
    int low = 0;
    for (int k = 0; k < SV_MAX_LOTS; k++) {
        if (!v->lots[k]) continue;
        sv_lot *rec = malloc(sizeof *rec);             /* fields left as malloc gave them */
        rec->grams = v->lots[k]->grams;
        if (memchr(buf, 'V', n) && v->lots[k]->viability) rec->viability = v->lots[k]->viability;
        rec->drawer = v->lots[k]->drawer ? strdup(v->lots[k]->drawer) : strdup("unfiled");
        if (rec->viability < 85) { low++; printf("%s: lot %d in %s below 85%%\n", path, k, rec->drawer); }
        if (rec->grams > 1000) free(rec->drawer);      /* small lots keep their label copy */
        free(rec);
    }
    printf("%s: %d lots, %d low\n", path, v->n, low);
    sv_free(v);
    return low ? 1 : 0;
}
"""

HARNESS = {"species": "sv_species(data, size);", "withdraw": "sv_withdraw(data, size);",
           "notes": "sv_notes(data, size);", "load": "sv_free(sv_load(data, size));"}
BUILD = "clang-14 -g -O1 -fno-omit-frame-pointer"


def _vault(rng: random.Random, with_v: bool) -> bytes:
    out = b""
    for _ in range(rng.randint(2, 9)):
        out += b"A" + bytes([rng.randrange(32)]) + b"G" + bytes([rng.randrange(8), rng.randrange(256)])
        if with_v and rng.random() < 0.6:
            out += b"V" + bytes([rng.randint(40, 100)])
        if rng.random() < 0.7:
            lab = f"R{rng.randint(1, 40):02d}-S{rng.randint(1, 9)}".encode()
            out += b"D" + bytes([len(lab)]) + lab
    return out


def cap_fuzz(tmp: Path) -> None:
    d = tmp / "seedvault"
    files = {"seedvault.h": SV_H, "seedvault.c": SV_C, "svcheck.c": SVCHECK_C}
    for name, call in HARNESS.items():
        files[f"fuzz_{name}.c"] = ("#include <stdint.h>\n#include <stddef.h>\n#include \"seedvault.h\"\n\n"
                                   "int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {\n    "
                                   f"{call}\n    return 0;\n}}\n")
    write_tree(d, files)
    rng = random.Random(1631)
    for sub in ("corpus", "extra", "vaults"):
        (d / sub).mkdir()
    for i in range(10):
        (d / "corpus" / f"v{i}").write_bytes(_vault(rng, i % 2 == 0))
    for i in range(70):
        (d / "extra" / f"x{i:02d}").write_bytes(_vault(rng, rng.random() < 0.5) + bytes(rng.randrange(256) for _ in range(rng.randint(0, 10))))
    for i in range(16):
        (d / "vaults" / f"bank-{i:02d}.sv").write_bytes(_vault(rng, i % 3 != 0))
    for t in HARNESS:
        out = run(f"nice {BUILD} -fsanitize=fuzzer,address fuzz_{t}.c seedvault.c -o fz_{t}", cwd=d, timeout=300)
        if out.strip():
            cm.note(f"build {t}: {out[:300]}")
        (d / "crashes" / t).mkdir(parents=True)
    run(f"nice {BUILD} -fsanitize=memory -fsanitize-memory-track-origins=2 svcheck.c seedvault.c -o svcheck_msan", cwd=d, timeout=300)
    run(f"nice {BUILD} -fsanitize=leak svcheck.c seedvault.c -o svcheck_lsan", cwd=d, timeout=300)
    run(f"nice {BUILD} -fsanitize=address svcheck.c seedvault.c -o svcheck_asan", cwd=d, timeout=300)

    cap("libfuzzer-asan-crash-species-echo", "./fz_species -seed=61 -runs=300000 -artifact_prefix=crashes/species/; "
        "echo EXIT=$?", d, n_lf_asan, timeout=200)
    cap("libfuzzer-asan-crash-withdraw-uaf-seeds-loop", "for s in 7 8; do ./fz_withdraw -seed=$s -runs=300000 "
        "-artifact_prefix=crashes/withdraw/ corpus; echo EXIT=$?; done", d, n_lf_asan, timeout=300)
    cap("libfuzzer-asan-crash-replay-loop", "for t in species withdraw; do ./fz_$t $(ls crashes/$t/crash-* | head -n 1); "
        "echo EXIT=$?; done", d, n_lf_asan, timeout=120)
    cap("lsan-report-libfuzzer-notes-echo", "./fz_notes -seed=63 -runs=200000 -artifact_prefix=crashes/notes/; echo EXIT=$?",
        d, n_lsan, timeout=200)
    cap("libfuzzer-run-load-runs", "./fz_load -seed=64 -runs=40000 -print_final_stats=1 corpus", d, n_lf_run, timeout=300)
    cap("libfuzzer-run-load-time-tail-120", "./fz_load -seed=65 -max_total_time=15 -print_final_stats=1 corpus extra "
        "2>&1 | tail -n 120", d, n_lf_run, timeout=300)
    cap("libfuzzer-merge-load", "mkdir -p merged && ./fz_load -merge=1 merged corpus extra", d, n_lf_merge, timeout=300)
    cap("libfuzzer-minimize-species-tail-60", "./fz_species -minimize_crash=1 -runs=30 $(ls crashes/species/crash-* | head -n 1) "
        "2>&1 | tail -n 60", d, n_lf_minimize, timeout=300)
    cap("msan-report-svcheck-loop", "for f in vaults/*.sv; do ./svcheck_msan \"$f\"; done", d, n_msan)
    cap("msan-report-svcheck-loop-echo-tail-150", "for f in vaults/bank-1*.sv; do echo \"== $f\"; ./svcheck_msan \"$f\"; "
        "echo EXIT=$?; done 2>&1 | tail -n 150", d, n_msan)
    cap("lsan-report-svcheck-loop-echo", "for f in vaults/*.sv; do ./svcheck_lsan \"$f\"; echo \"EXIT=$?\"; done", d, n_lsan)
    cap("lsan-report-svcheck-asan-detect-leaks-head-200", "for f in vaults/bank-0*.sv; do ASAN_OPTIONS=detect_leaks=1 "
        "./svcheck_asan \"$f\"; done 2>&1 | head -n 200", d, n_lsan)


CULTIVARS = ["emmer", "einkorn", "spelt", "teff", "fonio", "quinoa", "amaranth", "sorghum", "millet", "lentil",
             "fava", "chickpea", "lupin", "flax", "hemp", "buckwheat"]


def germsim_c(n_handlers: int, seed: int) -> str:
    """argv: trays, days, lineage depth."""
    rng = random.Random(seed)
    out = ['#include <stdio.h>', '#include <stdlib.h>', '#include <string.h>', '#include <mcheck.h>', '',
           'typedef struct tray { unsigned key; int cult; int sprouted; char *log; struct tray *next; } tray_t;',
           'typedef struct node { int gen; struct node *left, *right; char *tag; } node_t;',
           'static tray_t *beds[64];', 'static unsigned long sink;', 'static int table[4096];', '',
           'static unsigned tray_hash(const char *k) { unsigned h = 2166136261u; while (*k) { h ^= (unsigned char)*k++; h *= 16777619u; } return h; }',
           'static int cultivar_lookup(int key) { for (int r = 0; r < 4096; r++) if (table[r] == key) return r; return -1; }',
           'static node_t *lineage(int gen, int depth) {',
           '    node_t *n = calloc(1, sizeof *n); n->gen = gen;',
           '    if (depth > 0) { n->left = lineage(gen * 2, depth - 1); n->right = lineage(gen * 2 + 1, depth - 1); }',
           '    if (gen % 5 == 0) n->tag = strdup("backcross");',
           '    return n;', '}',
           'static void lineage_free(node_t *n) { if (!n) return; lineage_free(n->left); lineage_free(n->right); free(n); }',
           'static void retire(tray_t *t) { if (t->cult % 3) free(t->log); free(t); }', '']
    for h in range(n_handlers):
        name = f"{CULTIVARS[h % len(CULTIVARS)]}_{h}"
        work = rng.randint(20, 200)
        buf = rng.choice([64, 256, 1024, 4096])
        out += [f'static void on_{name}(tray_t *t) {{',
                f'    char *scratch = malloc({buf}); memset(scratch, t->key & 255, {buf});',
                f'    for (int i = 0; i < {work}; i++) sink += scratch[i % {buf}] * (unsigned)i;',
                f'    free(scratch);',
                *( [f'    t->log = strdup("{name} sprouted");'] if h % 4 == 0 else []),
                f'    t->sprouted = {rng.randint(40, 99)};', '}']
    out.append('static void (*handlers[])(tray_t *) = {' + ", ".join(
        f"on_{CULTIVARS[h % len(CULTIVARS)]}_{h}" for h in range(n_handlers)) + '};')
    out += ['int main(int argc, char **argv) {',
            '    if (getenv("MALLOC_TRACE")) mtrace();',
            '    int trays = argc > 1 ? atoi(argv[1]) : 1000, days = argc > 2 ? atoi(argv[2]) : 3, depth = argc > 3 ? atoi(argv[3]) : 8;',
            '    for (int r = 0; r < 4096; r++) table[r] = (r * 7919) % 8191;',
            f'    node_t *root = lineage(1, depth);',
            '    char key[32];',
            '    for (int d = 0; d < days; d++) for (int i = 0; i < trays; i++) {',
            '        snprintf(key, sizeof key, "tray-%d-%d", d, i);',
            '        tray_t *t = calloc(1, sizeof *t); t->key = tray_hash(key);',
            '        int r = cultivar_lookup((int)(t->key % 8191));',
            f'        t->cult = (int)((r < 0 ? t->key : (unsigned)r) % {n_handlers}u);',
            f'        handlers[t->cult](t);',
            '        unsigned b = t->key & 63;',
            '        t->next = beds[b]; beds[b] = t;',
            '        if (i % 50 == 49) { tray_t *old = beds[b]->next; if (old) { beds[b]->next = old->next; retire(old); } }',
            '    }',
            '    lineage_free(root);',
            '    printf("trays %d days %d sink %lu\\n", trays, days, sink);',
            '    return 0;', '}']
    return "\n".join(out) + "\n"


def cap_prof(tmp: Path) -> None:
    d = tmp / "germsim"
    write_tree(d, {"germsim.c": germsim_c(24, 1632)})
    run("nice gcc -g -O1 -fno-omit-frame-pointer -o germsim germsim.c", cwd=d, timeout=300)
    run("heaptrack -o ht ./germsim 4000 4 11", cwd=d, timeout=300)
    run("heaptrack -o ht2 ./germsim 9000 3 7", cwd=d, timeout=300)
    cap("heaptrack-print-default-germsim", "heaptrack_print ht.zst", d, n_heaptrack_print)
    cap("heaptrack-print-leaks-tail-180", "heaptrack_print --print-leaks=1 ht2.zst | tail -n 180", d, n_heaptrack_print)
    cap("heaptrack-print-peaks-20-echo", "heaptrack_print -n 20 --print-peaks=1 --print-allocators=0 ht2.zst; echo EXIT=$?",
        d, n_heaptrack_print)
    dbg = "LD_PRELOAD=/usr/lib/x86_64-linux-gnu/libc_malloc_debug.so.0"
    run(f"MALLOC_TRACE=mt.log {dbg} ./germsim 500 2 6", cwd=d)
    run(f"MALLOC_TRACE=mt2.log {dbg} ./germsim 2500 3 7", cwd=d)
    cap("mtrace-germsim", "mtrace ./germsim mt.log", d, n_mtrace)
    cap("mtrace-germsim-large-head-250-echo", "mtrace ./germsim mt2.log | head -n 250; echo EXIT=$?", d, n_mtrace)
    run("valgrind --tool=massif --massif-out-file=massif.out.lineage --depth=8 --threshold=0.5 ./germsim 800 3 12",
        cwd=d, timeout=600)
    cap("massif-out-lineage-tail-260", "tail -n 260 massif.out.lineage", d, n_massif_out)
    run("perf record -F 999 -g -o perf.data ./germsim 150000 4 10", cwd=d, timeout=300)
    run("perf record -F 1499 -o perf2.data ./germsim 200000 3 8", cwd=d, timeout=300)
    cap("perf-report-children-germsim-head-350", "perf report -i perf.data --stdio --children 2>&1 | head -n 350", d,
        n_perf_report)
    cap("perf-report-children-sort-dso-sym-echo", "perf report -i perf.data --stdio --children --sort dso,sym "
        "-g caller,0.5,callee --percent-limit 2; echo EXIT=$?", d, n_perf_report)
    cap("perf-report-no-children-flat", "perf report -i perf2.data --stdio --no-children", d, n_perf_report)


STEPS = [cap_fuzz, cap_prof]
