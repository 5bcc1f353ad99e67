"""Round 149's fuzzer and sanitizer items (second samples of round 137's kinds, its extractors imported): `fwrules`, a
host firewall's rule-set loader written here in C with faults put in on purpose (a chain label copied past its field,
a chain redefined while still referenced, chains jumping into each other without a depth limit, a netmask shift by 32
and a hit counter overflowing, a port-list scan that never advances on one byte, a state table sized from the input,
comments never freed), fuzzed with clang 14's libFuzzer under AddressSanitizer and UndefinedBehaviorSanitizer, its
`fwtool` checker under MemorySanitizer and LeakSanitizer, and its loader under AFL++. Run through capture_wide149.py."""

from __future__ import annotations

import random
from pathlib import Path

from capture_more import run, write_tree
from capture_wide137_fuzz import n_lf_asan, n_lf_ubsan, n_lf_timeout, n_lf_oom, n_lf_run, n_lf_merge, n_lf_minimize, n_msan, n_lsan
from capture_wide137_afl import n_afl_fuzz, n_afl_stats, n_afl_showmap, n_afl_tmin, n_afl_cmin
from capture_wide149 import cap
import capture_more as cm

FWRULES_H = r"""#ifndef FWRULES_H
#define FWRULES_H
#include <stddef.h>
#include <stdint.h>

#define FW_MAX_CHAINS 16

typedef struct fw_rule {
    uint16_t port_lo, port_hi;
    uint32_t mask;
    uint8_t action;          /* 0 accept, 1 drop, 2 reject, 3 jump */
    uint8_t target;          /* chain jumped to */
    struct fw_rule *next;
} fw_rule;

typedef struct fw_chain {
    char label[12];
    int hits;
    fw_rule *rules;
    char *comment;
} fw_chain;

typedef struct fw_set {
    fw_chain *chains[FW_MAX_CHAINS];
    int policy;
    int verdict;
} fw_set;

int fw_labels(const uint8_t *d, size_t n);
int fw_redefine(const uint8_t *d, size_t n);
int fw_jumps(const uint8_t *d, size_t n);
int fw_masks(const uint8_t *d, size_t n);
int fw_portlist(const uint8_t *d, size_t n);
int fw_states(const uint8_t *d, size_t n);
int fw_comments(const uint8_t *d, size_t n);
int fw_parse(const uint8_t *d, size_t n);
fw_set *fw_load(const uint8_t *d, size_t n);
int fw_eval(fw_set *s, int chain, uint16_t port, int depth);
void fw_free(fw_set *s);
#endif
"""

FWRULES_C = r"""#include <stdlib.h>
#include <string.h>
#include "fwrules.h"

static fw_chain *chain_new(void) {
    fw_chain *c = calloc(1, sizeof *c);
    return c;
}

static void chain_free(fw_chain *c) {
    fw_rule *r = c->rules;
    while (r) { fw_rule *n = r->next; free(r); r = n; }
    free(c->comment);
    free(c);
}

/* 'L' len bytes: a chain label; the copy trusts the length byte */
int fw_labels(const uint8_t *d, size_t n) {
    if (n < 2 || d[0] != 'L') return 0;
    fw_chain *c = chain_new();
    size_t len = d[1];
    if (len > n - 2) len = n - 2;
    memcpy(c->label, d + 2, len);          /* label is 12 bytes: overflow past it */
    int r = c->label[0] == 'X';
    chain_free(c);
    return r;
}

/* 'C' id: open chain id; 'R' lo hi: add a rule to the open chain; 'D' id: redefine (free) chain id */
int fw_redefine(const uint8_t *d, size_t n) {
    fw_chain *chains[4] = {0};
    fw_chain *open = NULL;
    size_t i = 0;
    while (i < n) {
        uint8_t op = d[i++];
        if (op == 'C' && i < n) {
            int id = d[i++] & 3;
            if (!chains[id]) chains[id] = chain_new();
            open = chains[id];
        } else if (op == 'D' && i < n) {
            int id = d[i++] & 3;
            if (chains[id]) { chain_free(chains[id]); chains[id] = chain_new(); }
        } else if (op == 'R' && open && i + 1 < n) {
            open->hits += d[i] + d[i + 1];     /* the open chain may have been redefined */
            i += 2;
        }
    }
    for (int k = 0; k < 4; k++) if (chains[k]) chain_free(chains[k]);
    return 0;
}

static int jump_walk(const uint8_t *tbl, int chain, int depth) {
    char trace[256];
    memset(trace, chain, sizeof trace);
    int next = tbl[chain & 15];
    if (next == 0xFF) return trace[depth & 255];
    return jump_walk(tbl, next & 15, depth + 1) + trace[0];   /* no depth limit, no cycle check */
}

/* 16 bytes: chain k jumps to chain tbl[k] (0xFF: returns) */
int fw_jumps(const uint8_t *d, size_t n) {
    if (n < 17 || d[0] != 'J') return 0;
    return jump_walk(d + 1, 0, 0);
}

/* 'M' prefix hits prio: a netmask from the prefix length and a weighted score */
int fw_masks(const uint8_t *d, size_t n) {
    if (n < 4 || d[0] != 'M') return 0;
    int prefix = d[1] % 33;
    unsigned mask = 0xFFFFFFFFu << (32 - prefix);     /* prefix 0 shifts by 32 */
    int hits = d[2] * 4096;
    int score = hits * 65536 * (d[3] | 1);             /* overflows int */
    return (int)(mask & 1) + (score > 0);
}

/* 'P' then ports as digits separated by ','; a '~' makes the scan stop advancing */
int fw_portlist(const uint8_t *d, size_t n) {
    if (n < 2 || d[0] != 'P') return 0;
    size_t i = 1;
    int ports = 0, cur = 0;
    while (i < n) {
        if (d[i] == '~' && cur > 7) continue;           /* never advances */
        if (d[i] >= '0' && d[i] <= '9') cur = cur * 10 + (d[i] - '0');
        else if (d[i] == ',') { ports++; cur = 0; }
        i++;
    }
    return ports;
}

/* 'S' hi lo: a connection-state table of hi:lo buckets of 4 KB each */
int fw_states(const uint8_t *d, size_t n) {
    if (n < 3 || d[0] != 'S') return 0;
    size_t buckets = ((size_t)d[1] << 8 | d[2]) + 1;
    char *tbl = malloc(buckets * 4096 * 8);
    if (!tbl) return 0;
    memset(tbl, 0, buckets * 4096 * 8);
    int r = tbl[buckets];
    free(tbl);
    return r;
}

/* '#' text: a chain comment, kept by the chain and never given back */
int fw_comments(const uint8_t *d, size_t n) {
    if (n < 3 || d[0] != '#') return 0;
    fw_chain *c = chain_new();
    c->comment = malloc(n);
    memcpy(c->comment, d + 1, n - 1);
    c->comment[n - 1] = 0;
    int r = c->comment[0] == '!';
    if (r) chain_free(c);            /* only a '!' comment frees its chain */
    return r;
}

/* the whole format, without the faults: C id / R lo(2) hi(2) act / J id / L len bytes */
fw_set *fw_load(const uint8_t *d, size_t n) {
    fw_set *s = calloc(1, sizeof *s);
    fw_chain *open = NULL;
    size_t i = 0;
    while (i < n) {
        uint8_t op = d[i++];
        switch (op) {
        case 'C':
            if (i >= n) break;
            { int id = d[i++] % FW_MAX_CHAINS;
              if (!s->chains[id]) s->chains[id] = chain_new();
              open = s->chains[id]; }
            break;
        case 'R':
            if (!open || i + 5 > n) break;
            { fw_rule *r = calloc(1, sizeof *r);
              r->port_lo = d[i] << 8 | d[i + 1];
              r->port_hi = d[i + 2] << 8 | d[i + 3];
              r->action = d[i + 4] & 3;
              r->next = open->rules; open->rules = r; i += 5;
              if (r->port_lo > r->port_hi) open->hits++; }
            break;
        case 'J':
            if (!open || !open->rules || i >= n) break;
            open->rules->action = 3; open->rules->target = d[i++] % FW_MAX_CHAINS;
            break;
        case 'L':
            if (!open || i >= n) break;
            { size_t len = d[i++];
              if (len > sizeof open->label - 1) len = sizeof open->label - 1;
              if (len > n - i) len = n - i;
              memcpy(open->label, d + i, len); open->label[len] = 0; i += len; }
            break;
        case 'P':
            if (i < n) s->policy = d[i++] & 1;
            break;
        case 'V':
            s->verdict = 1;
            break;
        default:
            break;
        }
    }
    return s;
}

int fw_eval(fw_set *s, int chain, uint16_t port, int depth) {
    if (depth > 8 || !s->chains[chain]) return s->policy;
    for (fw_rule *r = s->chains[chain]->rules; r; r = r->next) {
        if (port < r->port_lo || port > r->port_hi) continue;
        if (r->action == 3) return fw_eval(s, r->target, port, depth + 1);
        return r->action;
    }
    return s->policy;
}

void fw_free(fw_set *s) {
    for (int k = 0; k < FW_MAX_CHAINS; k++) if (s->chains[k]) chain_free(s->chains[k]);
    free(s);
}

int fw_parse(const uint8_t *d, size_t n) {
    fw_set *s = fw_load(d, n);
    int v = 0;
    for (int p = 0; p < 4; p++) v += fw_eval(s, 0, (uint16_t)(p * 1000 + 22), 0);
    fw_free(s);
    return v;
}
"""

HARNESS = {"labels": "fw_labels(data, size);", "redefine": "fw_redefine(data, size);", "jumps": "fw_jumps(data, size);",
           "masks": "fw_masks(data, size);", "portlist": "fw_portlist(data, size);", "states": "fw_states(data, size);",
           "comments": "fw_comments(data, size);", "parse": "fw_parse(data, size);"}

FWTOOL_C = r"""#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "fwrules.h"

static const char *ACTIONS[] = {"accept", "drop", "reject", "jump"};

static char *label_of(const fw_set *s, int k) {
    size_t n = strlen(s->chains[k]->label);
    char *out = malloc(n + 8);
    snprintf(out, n + 8, "%d:%s", k, s->chains[k]->label);
    return out;                                   /* the caller keeps it */
}

int main(int argc, char **argv) {
    int summary = argc > 2 && strcmp(argv[1], "-s") == 0;
    const char *path = argv[argc - 1];
    FILE *f = fopen(path, "rb");
    if (!f) { perror(path); return 2; }
    uint8_t buf[4096];
    size_t n = fread(buf, 1, sizeof buf, f);
    fclose(f);
    fw_set *s = malloc(sizeof *s);                 /* fields left as malloc gave them */
    fw_set *t = fw_load(buf, n);
    memcpy(s->chains, t->chains, sizeof s->chains);
    if (buf[0] == 'P') s->policy = buf[1] & 1;     /* policy only when the file starts with one */
    int accepted = 0;
    for (int k = 0; k < FW_MAX_CHAINS; k++) {
        if (!s->chains[k]) continue;
        char *l = label_of(s, k);
        if (summary) printf("%s\n", l);
        int v = fw_eval(t, k, 443, 0);
        accepted += v == 0;
        if (!summary) printf("chain %s: 443 -> %s\n", l, ACTIONS[v & 3]);
    }
    if (s->policy)                                 /* uninitialised unless the file set it */
        printf("%s: default drop, %d chains accept 443\n", path, accepted);
    else
        printf("%s: default accept\n", path);
    free(t);
    free(s);
    return 0;
}
"""

BUILD = "clang-14 -g -O1 -fno-omit-frame-pointer"


def _rule(lo: int, hi: int, act: int) -> bytes:
    return b"R" + bytes([lo >> 8, lo & 255, hi >> 8, hi & 255, act])


def _ruleset(rng: random.Random, policy: bool) -> bytes:
    out = b"P" + bytes([rng.randint(0, 1)]) if policy else b""
    for c in range(rng.randint(1, 5)):
        out += b"C" + bytes([c]) + b"L" + bytes([5]) + rng.choice([b"input", b"fwdxx", b"sshin", b"webgw", b"dnsup"])
        for _ in range(rng.randint(1, 4)):
            lo = rng.randint(1, 9000)
            out += _rule(lo, lo + rng.randint(0, 500), rng.randint(0, 2))
        if c and rng.random() < 0.4:
            out += b"J" + bytes([rng.randint(0, c - 1)])
    return out


def _tree(d: Path, rng: random.Random) -> None:
    files = {"fwrules.h": FWRULES_H, "fwrules.c": FWRULES_C, "fwtool.c": FWTOOL_C}
    for name, call in HARNESS.items():
        files[f"fuzz_{name}.c"] = ("#include <stdint.h>\n#include <stddef.h>\n#include \"fwrules.h\"\n\n"
                                   "int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {\n    "
                                   f"{call}\n    return 0;\n}}\n")
    write_tree(d, files)
    seeds = d / "corpus" / "rules"
    seeds.mkdir(parents=True)
    for i in range(8):
        (seeds / f"set{i}").write_bytes(_ruleset(rng, i % 2 == 0))
    extra = d / "extra"
    extra.mkdir()
    for i in range(60):
        (extra / f"r{i:02d}").write_bytes(_ruleset(rng, rng.random() < 0.5) + bytes(rng.randrange(256) for _ in range(rng.randint(0, 12))))
    (d / "corpus" / "ports").mkdir()
    (d / "corpus" / "ports" / "a").write_bytes(b"P22,80,443,8080")
    sets = d / "rulesets"
    sets.mkdir()
    for i in range(14):
        (sets / f"host-{i:02d}.fw").write_bytes(_ruleset(rng, i % 4 == 0))


def _build(d: Path) -> None:
    lib = "fwrules.c"
    cmds = [f"{BUILD} -fsanitize=fuzzer,address fuzz_{t}.c {lib} -o fz_{t}"
            for t in ("labels", "redefine", "jumps", "portlist", "states", "comments", "parse")]
    cmds.append(f"{BUILD} -fsanitize=fuzzer,undefined -fno-sanitize-recover=all fuzz_masks.c {lib} -o fz_masks")
    cmds.append(f"{BUILD} -fsanitize=memory -fsanitize-memory-track-origins=2 fwtool.c {lib} -o fwtool_msan")
    cmds.append(f"{BUILD} -fsanitize=leak fwtool.c {lib} -o fwtool_lsan")
    for c in cmds:
        out = run(f"nice {c}", cwd=d, timeout=300)
        if out.strip():
            cm.note(f"build: {c[:60]}: {out[:300]}")


def cap_libfuzzer(tmp: Path) -> None:
    d = tmp / "fwrules"
    _tree(d, random.Random(1491))
    _build(d)
    for t in HARNESS:
        (d / "crashes" / t).mkdir(parents=True)
    run("./fz_labels -seed=31 -runs=300000 -artifact_prefix=crashes/labels/", cwd=d, timeout=200)  # the crash replayed below
    cap("libfuzzer-asan-crash-redefine-uaf-echo", "./fz_redefine -seed=32 -max_total_time=60 -artifact_prefix=crashes/redefine/; "
        "echo EXIT=$?", d, n_lf_asan, timeout=120)
    cap("libfuzzer-asan-crash-jumps-deep-stack", "./fz_jumps -seed=34 -runs=300000 -artifact_prefix=crashes/jumps/", d,
        n_lf_asan, timeout=200)
    cap("libfuzzer-asan-crash-replay-loop", "for t in labels redefine; do ./fz_$t crashes/$t/crash-*; echo EXIT=$?; done", d, n_lf_asan, timeout=120)
    cap("libfuzzer-ubsan-crash-masks-seeds-loop", "for s in 3 5 9; do ./fz_masks -seed=$s -runs=200000 "
        "-artifact_prefix=crashes/masks/; echo EXIT=$?; done", d, n_lf_ubsan, timeout=200)
    cap("libfuzzer-timeout-portlist-echo", "./fz_portlist -seed=42 -timeout=2 -runs=400000 -artifact_prefix=crashes/portlist/ "
        "corpus/ports; echo EXIT=$?", d, n_lf_timeout, timeout=150)
    cap("libfuzzer-oom-states-malloc-limit", "./fz_states -seed=43 -rss_limit_mb=300 -malloc_limit_mb=64 -runs=300000 "
        "-artifact_prefix=crashes/states/", d, n_lf_oom, timeout=150)
    cap("libfuzzer-run-parse-runs", "./fz_parse -seed=44 -runs=60000 -print_final_stats=1 corpus/rules", d, n_lf_run, timeout=300)
    cap("libfuzzer-run-parse-time-tail-200", "./fz_parse -seed=45 -max_total_time=20 -print_funcs=2 -print_final_stats=1 "
        "corpus/rules 2>&1 | tail -n 200", d, n_lf_run, timeout=300)
    cap("libfuzzer-merge-parse", "mkdir -p merged && ./fz_parse -merge=1 merged corpus/rules extra", d, n_lf_merge, timeout=300)
    cap("libfuzzer-minimize-labels-tail-50", "./fz_labels -minimize_crash=1 -runs=25 $(ls crashes/labels/crash-* | head -n 1) "
        "2>&1 | tail -n 50", d, n_lf_minimize, timeout=300)
    cap("lsan-report-libfuzzer-comments", "./fz_comments -seed=47 -runs=200000", d, n_lsan, timeout=200)


def cap_sanitizers(tmp: Path) -> None:
    d = tmp / "fwrules"
    cap("msan-report-fwtool-loop", "for f in rulesets/*.fw; do ./fwtool_msan \"$f\"; done", d, n_msan)
    cap("msan-report-fwtool-summary-tail-100", "for f in rulesets/host-0*.fw; do echo \"== $f\"; ./fwtool_msan -s \"$f\"; "
        "done 2>&1 | tail -n 100", d, n_msan)
    cap("lsan-report-fwtool-loop-echo", "for f in rulesets/*.fw; do ./fwtool_lsan -s \"$f\"; echo \"EXIT=$?\"; done", d, n_lsan)


AFL_DRIVER_C = r"""#include <stdio.h>
#include <stdlib.h>
#include "fwrules.h"

int main(int argc, char **argv) {
    FILE *f = argc > 1 ? fopen(argv[1], "rb") : stdin;
    if (!f) return 2;
    static uint8_t buf[8192];
    size_t n = fread(buf, 1, sizeof buf, f);
    fw_set *s = fw_load(buf, n);
    int chains = 0;
    for (int k = 0; k < FW_MAX_CHAINS; k++) if (s->chains[k]) chains++;
    if (chains > 2 && s->chains[3] && s->chains[3]->label[0] == 'Z' && s->chains[3]->label[1] == 'Z')
        abort();                                         /* a chain labelled ZZ* brings the loader down */
    if (n > 3 && buf[0] == 'L' && buf[1] > 40) fw_labels(buf, n);
    printf("%d chains, verdict %d\n", chains, fw_eval(s, 0, 22, 0));
    fw_free(s);
    return 0;
}
"""

AFL_ENV = "AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_AFFINITY=1"


def cap_afl(tmp: Path) -> None:
    d = tmp / "fwafl"
    write_tree(d, {"fwrules.h": FWRULES_H, "fwrules.c": FWRULES_C, "afl_main.c": AFL_DRIVER_C})
    rng = random.Random(1492)
    (d / "in").mkdir()
    for i in range(5):
        (d / "in" / f"s{i}").write_bytes(_ruleset(rng, i % 2 == 0))
    (d / "in" / "z").write_bytes(b"C\x03L\x02ZYR\x00\x16\x00\x17\x01")
    out = run("nice afl-clang-fast -g -O1 afl_main.c fwrules.c -o fw_afl", cwd=d, timeout=300)
    if not (d / "fw_afl").exists():
        raise RuntimeError(f"afl-clang-fast: {out[-500:]}")
    cap("afl-fuzz-log-fwrules-45s", f"{AFL_ENV} nice afl-fuzz -i in -o out -t 200 -V 45 -- ./fw_afl @@", d, n_afl_fuzz,
        timeout=200)
    cap("afl-fuzzer-stats-fwrules", "cat out/default/fuzzer_stats", d, n_afl_stats)
    cap("afl-showmap-stdout-seed", "afl-showmap -o /dev/stdout -- ./fw_afl in/s0", d, n_afl_showmap)
    cap("afl-tmin-first-crash-echo", "afl-tmin -i \"$(ls out/default/crashes/id:* | head -n 1)\" -o crash.min -- ./fw_afl @@; "
        "echo EXIT=$?", d, n_afl_tmin, timeout=300)
    cap("afl-cmin-queue-fwrules", "AFL_ALLOW_TMP=1 afl-cmin -i out/default/queue -o queue.cmin -- ./fw_afl @@", d, n_afl_cmin,
        timeout=300)


STEPS = [cap_libfuzzer, cap_sanitizers, cap_afl]
