"""Round 149's profiler and memory-tool items (second samples of round 138's native kinds, its extractors imported):
`pktsim`, a packet classifier simulation written here in C (a seeded generator writes its protocol handlers) that
matches every packet against a rule table linearly and hashes each flow key byte by byte (the hot spots), builds a
prefix trie recursively (a deep allocation tree), reassembles payloads in scratch buffers (temporary allocations) and
evicts UDP flows without freeing their payload, while some handlers strdup a tag they never give back (the leaks). Run
under heaptrack, gperftools, Valgrind's massif and lackey, glibc's mtrace, jemalloc's statistics, perf and uftrace.
Run through capture_wide149.py."""

from __future__ import annotations

import random
from pathlib import Path

from capture_more import write_tree
from capture_wide138_native import (n_heaptrack_print, n_pprof_cpu, n_pprof_heap, n_heapcheck, n_massif_out, n_lackey,
                                    n_mtrace, n_jemalloc, n_perf_report, n_perf_annotate, n_uftrace_report,
                                    n_uftrace_graph)
from capture_wide149 import cap
import capture_more as cm

PROTOS = ["tcp", "udp", "icmp", "gre", "sctp", "esp", "dccp", "quic"]


def pktsim_c(n_handlers: int, seed: int) -> str:
    """argv: packets, trie depth, rules in the table."""
    rng = random.Random(seed)
    out = ['#include <stdio.h>', '#include <stdlib.h>', '#include <string.h>', '#include <mcheck.h>', '',
           'typedef struct flow { unsigned key; int proto; size_t plen; unsigned char *payload; struct flow *next; } flow_t;',
           'typedef struct rule { unsigned net, mask; int lo, hi, action; } rule_t;',
           'static flow_t *table[128];', 'static rule_t *rules;', 'static int n_rules;', 'static unsigned long sink;', '',
           '__attribute__((noinline)) unsigned flow_hash(const unsigned char *k, size_t n) {',
           '    unsigned h = 5381;',
           '    for (int round = 0; round < 16; round++)',
           '        for (size_t i = 0; i < n; i++) h = ((h << 5) + h) ^ k[i] ^ round;  /* 16 rounds a key */',
           '    return h;', '}', '',
           '__attribute__((noinline)) int match_rules(unsigned addr, int port) {',
           '    int verdict = 0;',
           '    for (int i = 0; i < n_rules; i++)  /* linear: every rule for every packet */',
           '        if ((addr & rules[i].mask) == rules[i].net && port >= rules[i].lo && port <= rules[i].hi) verdict = rules[i].action;',
           '    return verdict;', '}', '',
           '__attribute__((noinline)) void *trie_node(int depth, int fan) {',
           '    unsigned char *n = malloc(40 + depth * 24);',
           '    memset(n, depth, 40 + depth * 24);',
           '    if (depth > 0) {',
           '        void **kids = malloc(fan * sizeof(void *));',
           '        for (int i = 0; i < fan; i++) kids[i] = trie_node(depth - 1, fan);',
           '        memcpy(n, &kids, sizeof kids);',
           '    }',
           '    return n;', '}', '',
           '__attribute__((noinline)) unsigned reassemble(const unsigned char *p, size_t n) {',
           '    unsigned char *buf = malloc(n * 3);  /* temporary */',
           '    for (size_t i = 0; i < n * 3; i++) buf[i] = p[i % n];',
           '    unsigned s = 0;', '    for (size_t i = 0; i < n * 3; i += 7) s += buf[i];',
           '    free(buf);', '    return s;', '}', '']
    names = []
    for k in range(n_handlers):
        proto = rng.choice(PROTOS)
        name = f"{proto}_{k:02d}"
        names.append(name)
        base, var = rng.choice([128, 256, 600, 1400, 3000]), rng.choice([40, 200, 900])
        out += [f'__attribute__((noinline)) flow_t *handle_{name}(unsigned key, int seq) {{',
                f'    size_t len = {base} + (size_t)(key * 13 + seq) % {var};',
                '    flow_t *f = calloc(1, sizeof *f);',
                f'    f->key = key; f->proto = {PROTOS.index(proto)}; f->plen = len;',
                '    f->payload = malloc(len);',
                '    for (size_t i = 0; i < len; i++) f->payload[i] = (unsigned char)(i * 3 + key);']
        if k % 3 == 2:
            out += ['    sink += reassemble(f->payload, len);']
        if k % 5 == 4:
            out += [f'    char *tag = strdup("{proto} flow tag kept by nobody");', '    sink += tag[1];']
        out += ['    return f;', '}', '']
    out += ['typedef flow_t *(*handler)(unsigned, int);',
            'static handler HANDLERS[] = {' + ', '.join(f'handle_{n}' for n in names) + '};', '',
            'static void evict(int slot) {',
            '    flow_t *f = table[slot];',
            '    if (!f) return;',
            f'    if (f->proto != {PROTOS.index("udp")}) free(f->payload);  /* UDP payloads stay behind */',
            '    free(f);', '    table[slot] = NULL;', '}', '',
            'int main(int argc, char **argv) {',
            '    if (getenv("MALLOC_TRACE")) mtrace();',
            '    int packets = argc > 1 ? atoi(argv[1]) : 4000;',
            '    int depth = argc > 2 ? atoi(argv[2]) : 5;',
            '    n_rules = argc > 3 ? atoi(argv[3]) : 200;',
            '    rules = calloc(n_rules, sizeof *rules);',
            '    for (int i = 0; i < n_rules; i++) {',
            '        rules[i].mask = 0xFFFFFF00u << (i % 8); rules[i].net = (0x0A000000u + i * 256) & rules[i].mask;',
            '        rules[i].lo = (i * 37) % 60000; rules[i].hi = rules[i].lo + 500; rules[i].action = i % 3;',
            '    }',
            '    void *trie = trie_node(depth, 4);',
            '    sink += (unsigned long)trie & 1;',
            '    for (int i = 0; i < packets; i++) {',
            f'        int k = (i * 5 + i / 11) % {n_handlers};',
            '        unsigned key = 0x0A000000u + (unsigned)(i * 2654435761u % 65536);',
            '        flow_t *f = HANDLERS[k](key, i);',
            '        sink += flow_hash(f->payload, f->plen < 64 ? f->plen : 64);',
            '        sink += match_rules(key, (i * 131) % 65536);',
            '        int slot = (i * 7) % 128;',
            '        evict(slot);',
            '        table[slot] = f;',
            '    }',
            '    printf("pktsim: %d packets, %d rules, sink %lu\\n", packets, n_rules, sink);',
            '    return 0;', '}']
    return "\n".join(out) + "\n"


def _build(d: Path) -> None:
    write_tree(d, {"pktsim.c": pktsim_c(20, 1491)})
    cm.run("gcc -g -O1 -fno-omit-frame-pointer -o pktsim pktsim.c", cwd=d)
    cm.run("gcc -g -O1 -fno-omit-frame-pointer -o ps_prof pktsim.c -Wl,--no-as-needed -lprofiler -ltcmalloc", cwd=d)
    cm.run("gcc -g -O1 -pg -o ps_pg pktsim.c", cwd=d)


def cap_heaptrack(tmp: Path) -> None:
    d = tmp / "pktsim"
    _build(d)
    cm.run("heaptrack -o ht ./pktsim 5000 5 150", cwd=d, timeout=300)
    cm.run("heaptrack -o ht2 ./pktsim 12000 4 80", cwd=d, timeout=300)
    cap("heaptrack-print-default-pktsim", "heaptrack_print ht.zst", d, n_heaptrack_print)
    cap("heaptrack-print-leaks-head-150", "heaptrack_print --print-leaks=1 ht2.zst | head -n 150", d, n_heaptrack_print)
    cap("heaptrack-print-leaks-peaks-30-echo", "heaptrack_print -n 30 --print-leaks=1 --print-allocators=0 ht2.zst; echo EXIT=$?",
        d, n_heaptrack_print)


def cap_gperftools(tmp: Path) -> None:
    d = tmp / "pktsim"
    env = {"PPROF_PATH": "/usr/bin/google-pprof"}
    cm.run("CPUPROFILE=cpu.prof CPUPROFILE_FREQUENCY=1000 ./ps_prof 40000 5 400", cwd=d, timeout=300)
    cm.run("HEAPPROFILE=heap ./ps_prof 15000 6 100", cwd=d, timeout=300)
    cap("pprof-cpu-text-lines", "google-pprof --text --lines ./ps_prof cpu.prof 2>&1 | head -n 80", d, n_pprof_cpu)
    cap("pprof-heap-inuse-pktsim", "google-pprof --text ./ps_prof heap.0001.heap", d, n_pprof_heap)
    cap("heapcheck-normal-pktsim-echo", "HEAPCHECK=normal ./ps_prof 2500 3 50; echo EXIT=$?", d, n_heapcheck, env=env)


def cap_valgrind(tmp: Path) -> None:
    d = tmp / "pktsim"
    cm.run("valgrind --tool=massif --massif-out-file=massif.out.trie --depth=10 --threshold=0.5 ./pktsim 1200 6 60",
           cwd=d, timeout=600)
    cm.run("valgrind --tool=massif --massif-out-file=massif.out.flows --depth=5 --threshold=1 ./pktsim 3000 3 40",
           cwd=d, timeout=600)
    cap("massif-out-trie-cat", "cat massif.out.trie", d, n_massif_out)
    cap("massif-out-flows-tail-300", "tail -n 300 massif.out.flows", d, n_massif_out)
    cap("lackey-counts-pktsim-echo", "valgrind --tool=lackey ./pktsim 200 3 30; echo EXIT=$?", d, n_lackey, timeout=600)


def cap_mtrace_jemalloc(tmp: Path) -> None:
    d = tmp / "pktsim"
    dbg = "LD_PRELOAD=/usr/lib/x86_64-linux-gnu/libc_malloc_debug.so.0"
    cm.run(f"MALLOC_TRACE=mt.log {dbg} ./pktsim 600 2 20", cwd=d)
    cm.run(f"MALLOC_TRACE=mt2.log {dbg} ./pktsim 3000 3 20", cwd=d)
    cap("mtrace-pktsim", "mtrace ./pktsim mt.log", d, n_mtrace)
    cap("mtrace-pktsim-large-tail-200", "mtrace ./pktsim mt2.log | tail -n 200", d, n_mtrace)
    cap("mtrace-pktsim-head-300-echo", "mtrace ./pktsim mt2.log | head -n 300; echo EXIT=$?",
        d, n_mtrace)
    je = "LD_PRELOAD=/usr/lib/x86_64-linux-gnu/libjemalloc.so.2"
    cap("jemalloc-stats-pktsim", f"MALLOC_CONF=stats_print:true {je} ./pktsim 4000 4 60", d, n_jemalloc)


def cap_perf(tmp: Path) -> None:
    d = tmp / "pktsim"
    cm.run("perf record -F 999 -g -o perf.data ./pktsim 150000 5 800", cwd=d, timeout=300)
    cm.run("perf record -F 1499 -o perf2.data ./pktsim 200000 4 150", cwd=d, timeout=300)
    cap("perf-report-children-pktsim", "perf report -i perf.data --stdio 2>&1 | head -n 400", d, n_perf_report)
    cap("perf-report-no-children-flat", "perf report -i perf2.data --stdio --no-children", d, n_perf_report)
    cap("perf-report-sort-sym-callee-echo", "perf report -i perf.data --stdio --no-children -g callee --sort sym; echo EXIT=$?",
        d, n_perf_report)
    cap("perf-annotate-all-head-700", "perf annotate -i perf.data --stdio 2>/dev/null | head -n 700", d, n_perf_annotate)


def cap_uftrace(tmp: Path) -> None:
    d = tmp / "pktsim"
    cm.run("uftrace record -d ufdata ./ps_pg 400 3 60", cwd=d, timeout=300)
    cap("uftrace-report-pktsim", "uftrace report -d ufdata", d, n_uftrace_report)
    cap("uftrace-graph-pktsim-head-150", "uftrace graph -d ufdata | head -n 150", d, n_uftrace_graph)


STEPS = [cap_heaptrack, cap_gperftools, cap_valgrind, cap_mtrace_jemalloc, cap_perf, cap_uftrace]
