#!/usr/bin/env python3
"""Capture round 376 of the compression corpus: second samples of round 369's runtime-diagnostic kinds
(AddressSanitizer's heap-use-after-free, double-free, stack/global-buffer-overflow and stack-overflow reports,
ThreadSanitizer's lock-order inversions, gdb on a core file, valgrind --track-fds and --xml, cg_diff+cg_annotate,
node's heap out-of-memory crash and --trace-sync-io) on new programs of a glassworks (furnaces, gathers, annealing
lehrs) written here, with other faults than round 369's: worker threads, deeper stacks, several reports in one run, a
loop repeating a report. No new rules: every extractor is round 369's, imported from capture_wide369 (NEEDLES.md's
"Round 376"). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide376.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide376.json  as {"version": 2, "items": [...]}, ids prefixed "wide376-".
"""

from __future__ import annotations

import os
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide369 as w369  # noqa: E402

# Round 369's rules name "a file of the program": this round's programs are these (NEEDLES.md's "Round 376").
w369.SOURCES = ("furnace.c", "gathers.c", "lehr.c", "lehr_v2.c")
w369.OWN_JS = ("annealing.js", "batchhouse.js")

from capture_wide369 import (n_asan, n_asan_dfree, n_asan_global, n_asan_recurse, n_asan_stack,  # noqa: E402
                             n_cg_diff, n_gdb_core, n_node_oom, n_node_sync, n_tsan_lock, n_vg_fds, n_vg_xml)

ID_PREFIX = "wide376-"
DEFAULT_OUT = HERE / "data" / "wide376.json"
TMP = Path(os.environ.get("HM_WIDE376_TMP", "/dev/shm/hm-corpus-wide376"))

_SIZED = cm.Sized(400, 120_000)
add, cap = _SIZED.add, _SIZED.cap

SEED = 37610

# ------------------------------------------------------------------ material: a glassworks


def _weights() -> str:
    r = random.Random(SEED)
    return ", ".join(str(r.randrange(180, 2400)) for _ in range(40))


FURNACE_C = r"""
#include <assert.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

struct gather { char furnace[16]; int weight_g; int temp_c; int lehr; struct gather *next; };
struct job { int from, to, stride, depth; };

static const char *FURNACES[] = {"Crucible-A", "Crucible-B", "Day-Tank", "Glory-Hole", "Pot-Furnace-3", "Tank-West"};
static int WEIGHTS[] = {%(weights)s};
#define NW (int)(sizeof WEIGHTS / sizeof WEIGHTS[0])
static char LEHR_LABEL[24];
static char KILN_NOTE[16];
static struct gather **G;
static char *SHIFT_NOTE, *INNER;

static struct gather *new_gather(int i) {
    struct gather *g = malloc(sizeof *g);
    snprintf(g->furnace, sizeof g->furnace, "%%s", FURNACES[i %% 6]);
    g->weight_g = WEIGHTS[i %% NW]; g->temp_c = 1040 + (i * 13) %% 120; g->lehr = i %% 4; g->next = NULL;
    return g;
}

static void make_gathers(int n) {
    G = calloc(n, sizeof *G);
    for (int i = 0; i < n; i++) G[i] = new_gather(i);
}

static void log_gathers(int n) {
    for (int i = 0; i < n; i++) {
        printf("gather %%04d furnace=%%-14s weight=%%4dg temp=%%dC lehr=%%d\n", i, FURNACES[i %% 6], WEIGHTS[i %% NW],
               1040 + (i * 13) %% 120, i %% 4);
        if (i %% 89 == 17) printf("WARN gather %%04d: furnace %%s below working temperature, reheated\n", i, FURNACES[i %% 6]);
    }
}

static void run_thread(void *(*fn)(void *), struct job *j) {
    pthread_t t;
    pthread_create(&t, NULL, fn, j);
    pthread_join(t, NULL);
}

/* ---- use after free: the annealer thread retires every third gather, the inspector thread still weighs them */
static void retire(struct gather *g) { free(g); }
static void *annealer(void *arg) {
    struct job *j = arg;
    for (int i = j->from; i < j->to; i += j->stride) retire(G[i]);
    return NULL;
}
static int read_weight(const struct gather *g) { return g->weight_g; }
static int gather_weight(const struct gather *g, int depth) { return depth ? gather_weight(g, depth - 1) : read_weight(g); }
static int weigh_gather(int i, int depth) { return gather_weight(G[i], depth); }
static void *inspector(void *arg) {
    struct job *j = arg; long total = 0;
    for (int i = j->from; i < j->to; i++) total += weigh_gather(i, j->depth);
    printf("inspector: %%d gathers weigh %%ld g\n", j->to - j->from, total);
    return NULL;
}
static void mode_uaf(int n, int reps, int depth) {
    make_gathers(n);
    struct job ja = {0, n, 3, 0}, jb = {0, reps < n ? reps : n, 1, depth};
    run_thread(annealer, &ja);
    printf("ERROR lehr: %%d gathers retired while still on the inspection list\n", (n + 2) / 3);
    run_thread(inspector, &jb);
}

/* ---- double free: two unloader threads whose ranges overlap */
static void release_batch(struct gather *g) { free(g); }
static void close_lehr(struct gather *g, int depth) { if (depth) close_lehr(g, depth - 1); else release_batch(g); }
static void *unloader(void *arg) {
    struct job *j = arg;
    for (int i = j->from; i < j->to; i++) close_lehr(G[i], j->depth);
    printf("unloader: lehr emptied of gathers %%d..%%d\n", j->from, j->to - 1);
    return NULL;
}
static void mode_dfree(int n, int depth) {
    make_gathers(n);
    struct job a = {0, n, 1, depth}, b = {n - n / 4 - 1, n, 1, depth + 2};
    run_thread(unloader, &a);
    run_thread(unloader, &b);
}

/* ---- stack buffer overflow (a write): the curve worker records more temperatures than its array holds */
static void record_temps(int *temps, int n, int extra) { for (int i = 0; i < n + extra; i++) temps[i] = 1000 + i * 3; }
static int anneal_curve(int depth, int extra) {
    int temps[10];
    if (depth) return anneal_curve(depth - 1, extra) + 1;
    record_temps(temps, 10, extra);
    int s = 0;
    for (int i = 0; i < 10; i++) s += temps[i];
    return s;
}
static void *curve_worker(void *arg) {
    struct job *j = arg; long s = 0;
    for (int k = j->from; k < j->to; k++) s += anneal_curve(j->depth, 1 + k %% 3);
    printf("curve worker: %%d curves, checksum %%ld\n", j->to - j->from, s);
    return NULL;
}
static void mode_stack(int n, int reps, int depth) {
    log_gathers(n);
    struct job j = {0, reps, 1, depth};
    run_thread(curve_worker, &j);
}

/* ---- global buffer overflow: lehr labels and kiln notes copied into fixed global arrays */
static void label_lehr(int lehr, const char *furnace) {
    char buf[64];
    snprintf(buf, sizeof buf, "lehr-%%d/%%s/annealed-at-%%dC", lehr, furnace, 480 + lehr * 5);
    memcpy(LEHR_LABEL, buf, strlen(buf) + 1);
}
static void note_kiln(const char *furnace, int i) {
    char buf[48];
    snprintf(buf, sizeof buf, "%%s#%%d", furnace, i);
    strcpy(KILN_NOTE, buf);
}
static void stamp_ware(int i, int depth) {
    if (depth) { stamp_ware(i, depth - 1); return; }
    label_lehr(i %% 4, FURNACES[i %% 6]);
    note_kiln(FURNACES[(i + 2) %% 6], i);
}
static void *label_worker(void *arg) {
    struct job *j = arg;
    for (int i = j->from; i < j->to; i++) stamp_ware(i, j->depth);
    printf("label worker: %%d wares stamped, last label %%.23s\n", j->to - j->from, LEHR_LABEL);
    return NULL;
}
static void mode_global(int n, int reps, int depth) {
    log_gathers(n);
    struct job j = {0, reps, 1, depth};
    run_thread(label_worker, &j);
}

/* ---- stack overflow: reheat and soak call each other without end, in a thread */
static int soak(int depth, const char *trail);
static int reheat(int depth, const char *trail) {
    char zone[192];
    snprintf(zone, sizeof zone, "reheat %%d %%.40s", depth, trail);
    return soak(depth + 1, zone) + zone[0];
}
static int soak(int depth, const char *trail) {
    char zone[160];
    snprintf(zone, sizeof zone, "soak %%d %%.40s", depth, trail);
    return reheat(depth + 1, zone) + zone[1];
}
static void *glory_hole(void *arg) {
    struct job *j = arg;
    printf("glory hole: reheating gather %%d\n", j->from);
    printf("%%d\n", reheat(j->from, FURNACES[j->from %% 6]));
    return NULL;
}
static void mode_recurse(int n, int stack_kb) {
    log_gathers(n);
    struct job j = {n, 0, 0, 0};
    pthread_attr_t at; pthread_attr_init(&at);
    if (stack_kb) pthread_attr_setstacksize(&at, (size_t)stack_kb * 1024);
    pthread_t t;
    pthread_create(&t, &at, glory_hole, &j);
    pthread_join(t, NULL);
}

/* ---- faults for core files: a failed assert in a worker thread, a division by zero, a bad pointer deep down */
static void *furnace_watch(void *arg) { (void)arg; sleep(30); return NULL; }
static void check_gather(const struct gather *g) {
    if (g->temp_c >= 1150) printf("ERROR gather from %%s at %%dC, above the working range\n", g->furnace, g->temp_c);
    assert(g->temp_c < 1150);
}
static void inspect_chain(int i, int depth) { if (depth) inspect_chain(i, depth - 1); else check_gather(G[i]); }
static void *lehr_controller(void *arg) {
    struct job *j = arg;
    for (int i = j->from; i < j->to; i++) inspect_chain(i, j->depth);
    return NULL;
}
static int per_lehr(int total, int count) { return total / count; }
static int share_out(int lehr, int depth) {
    if (depth) return share_out(lehr, depth - 1);
    int total = 0, count = 0;
    for (int i = 0; i < NW; i++) if (i %% 4 == lehr && lehr < 3) { total += WEIGHTS[i]; count++; }
    return per_lehr(total, count);
}
static int walk(const struct gather *g, int depth) { return g->weight_g + (g->next ? walk(g->next, depth + 1) : 0); }

static void mode_core(const char *mode, int n, int depth) {
    make_gathers(n);
    for (int i = 0; i + 1 < n; i++) G[i]->next = G[i + 1];
    pthread_t w[3];
    for (int k = 0; k < 3; k++) pthread_create(&w[k], NULL, furnace_watch, NULL);
    usleep(20000);
    if (!strcmp(mode, "assert")) {
        struct job j = {0, n, 1, depth};
        pthread_t t;
        pthread_create(&t, NULL, lehr_controller, &j);
        pthread_join(t, NULL);
    } else if (!strcmp(mode, "fpe")) {
        for (int l = 0; l < 4; l++) printf("lehr %%d share %%d g\n", l, share_out(l, depth));
    } else {
        G[n / 2]->next = (struct gather *)(0x400 + (long)depth);
        printf("chain weight %%d\n", walk(G[0], 0));
    }
}

/* ---- descriptors: logger threads open lehr logs (every other one leaks), a pipe, dups and a socketpair */
static void *lehr_logger(void *arg) {
    long i = (long)arg;
    char path[64];
    snprintf(path, sizeof path, "lehr-%%ld.log", i);
    int fd = open(path, O_CREAT | O_WRONLY | O_APPEND, 0644);
    dprintf(fd, "lehr %%ld log opened\n", i);
    if (i %% 2) close(fd);
    return NULL;
}
static void open_chutes(int k) {
    int p[2];
    if (pipe(p)) return;
    for (int i = 0; i < k; i++) { int d = dup(p[1]); if (i %% 2) close(d); }
    close(p[1]);
    int sv[2];
    socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
    close(sv[1]);
}
static void mode_fds(int n) {
    log_gathers(n);
    int k = n / 20 + 3;
    for (long i = 0; i < k; i++) { pthread_t t; pthread_create(&t, NULL, lehr_logger, (void *)i); pthread_join(t, NULL); }
    open_chutes(k / 2 + 1);
    int s = socket(AF_INET, SOCK_STREAM, 0);   /* the batch-house scale's socket, never closed */
    (void)s;
}

/* ---- a mix for memcheck: overlap, an interior free, uninitialised bytes written, lost gathers */
static void *mixer(void *arg) {
    struct job *j = arg;
    char buf[96];
    snprintf(buf, sizeof buf, "%%s", "soda-lime batch 72/15/9 with cullet");
    strncpy(buf + 4, buf, (size_t)(28 + j->from %% 5));  /* overlapping copy */
    SHIFT_NOTE = malloc(32 + j->to);                    /* still reachable at exit */
    INNER = (char *)malloc(100 + j->to) + 8;            /* only an interior pointer kept */
    struct gather *g = new_gather(j->from);
    free(&g->weight_g);                                /* not the block's start */
    char *rec = malloc(64);
    rec[0] = 'B';
    int fd = open("/dev/null", O_WRONLY);
    if (write(fd, rec, 64) < 0) printf("ERROR batch record not written\n");   /* 63 bytes never set */
    close(fd);
    for (int i = 0; i < j->to; i++) { struct gather *lost = new_gather(i); lost->next = NULL; }   /* never freed */
    free(rec);
    return NULL;
}
static void mode_mix(int n) {
    log_gathers(n);
    struct job j = {n, n / 10 + 2, 0, 0};
    run_thread(mixer, &j);
}

int main(int argc, char **argv) {
    const char *mode = argc > 1 ? argv[1] : "uaf";
    int n = argc > 2 ? atoi(argv[2]) : 10;
    int a = argc > 3 ? atoi(argv[3]) : 1;
    int b = argc > 4 ? atoi(argv[4]) : 0;
    setvbuf(stdout, NULL, _IOLBF, 0);
    if (!strcmp(mode, "uaf")) { log_gathers(n); mode_uaf(n, a, b); }
    else if (!strcmp(mode, "dfree")) { log_gathers(n); mode_dfree(n, a); }
    else if (!strcmp(mode, "stack")) mode_stack(n, a, b);
    else if (!strcmp(mode, "global")) mode_global(n, a, b);
    else if (!strcmp(mode, "recurse")) mode_recurse(n, a);
    else if (!strcmp(mode, "assert") || !strcmp(mode, "fpe") || !strcmp(mode, "segv")) { log_gathers(n); mode_core(mode, n, a); }
    else if (!strcmp(mode, "fds")) mode_fds(n);
    else if (!strcmp(mode, "mix")) mode_mix(n);
    return 0;
}
"""

GATHERS_C = r"""
#include <pthread.h>
#include <stdio.h>

#define NG %(ng)d
static const int SIZE[NG] = {%(sizes)s};
static pthread_mutex_t pot[NG][8];
static pthread_rwlock_t lehr_board = PTHREAD_RWLOCK_INITIALIZER;
static pthread_mutex_t shears = PTHREAD_MUTEX_INITIALIZER;
static int drawn[NG][8];
static int board;

static void marver(int g, int b) { drawn[g][b]++; }
static void transfer(int g, int a, int b) {
    (void)a;
    pthread_mutex_lock(&pot[g][b]);
    marver(g, b);
    pthread_mutex_unlock(&pot[g][b]);
}
static void gather_from(int g, int a) {
    pthread_mutex_lock(&pot[g][a]);
    transfer(g, a, (a + 1) %% SIZE[g]);
    pthread_mutex_unlock(&pot[g][a]);
}
struct task { int g, a, rounds; };
static void *gaffer(void *arg) {
    struct task *t = arg;
    for (int k = 0; k < t->rounds; k++) {
        gather_from(t->g, t->a);
        if (k %% 40 == 0) printf("gaffer g%%d pot %%d round %%d: gather drawn\n", t->g, t->a, k);
    }
    return NULL;
}
static void post_board(void) { pthread_mutex_lock(&shears); board++; pthread_mutex_unlock(&shears); }
static void *board_writer(void *arg) {
    (void)arg;
    pthread_rwlock_wrlock(&lehr_board);
    post_board();
    pthread_rwlock_unlock(&lehr_board);
    return NULL;
}
static int read_board(void) { pthread_rwlock_rdlock(&lehr_board); int b = board; pthread_rwlock_unlock(&lehr_board); return b; }
static void *shear_cutter(void *arg) {
    (void)arg;
    pthread_mutex_lock(&shears);
    printf("shears: board shows %%d\n", read_board());
    pthread_mutex_unlock(&shears);
    return NULL;
}

int main(void) {
    struct task tasks[NG * 8];
    int nt = 0;
    for (int g = 0; g < NG; g++)
        for (int a = 0; a < 8; a++) pthread_mutex_init(&pot[g][a], NULL);
    for (int g = 0; g < NG; g++)
        for (int a = 0; a < SIZE[g]; a++) {
            pthread_t t;
            tasks[nt] = (struct task){g, a, %(rounds)d};
            pthread_create(&t, NULL, gaffer, &tasks[nt]);
            pthread_join(t, NULL);
            nt++;
        }
    if (%(rw)d) {
        pthread_t t;
        pthread_create(&t, NULL, board_writer, NULL); pthread_join(t, NULL);
        pthread_create(&t, NULL, shear_cutter, NULL); pthread_join(t, NULL);
    }
    int total = 0;
    for (int g = 0; g < NG; g++)
        for (int a = 0; a < SIZE[g]; a++) total += drawn[g][a];
    printf("gathers drawn in all %%d\n", total);
    return 0;
}
"""

LEHR_C = r"""
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

struct step { int minute; double setpoint; };
static struct step SCHED[%(ns)d];
#define NS (int)(sizeof SCHED / sizeof SCHED[0])
static const int THICK[] = {%(thick)s};
#define NT (int)(sizeof THICK / sizeof THICK[0])

static void build_schedule(void) {
    for (int i = 0; i < NS; i++) { SCHED[i].minute = i * 3; SCHED[i].setpoint = 520.0 - i * 0.35; }
}

%(code)s

static double strain(int minute, int thick_mm) {
    double t = curve(minute);
    return (t - 480.0) * thick_mm / 12.5;
}

int main(void) {
    build_schedule();
    double sum = 0;
    for (int w = 0; w < %(wares)d; w++)
        for (int m = 0; m < NS * 3; m += 2) sum += strain(m, THICK[w %% NT]);
    printf("%%.3f\n", sum);
    return 0;
}
"""

CODE_V1 = """static int find_step(int minute) {
    int k = 0;
    for (int i = 0; i < NS; i++) if (SCHED[i].minute <= minute) k = i;
    return k;
}

static double curve(int minute) {
    int k = find_step(minute);
    return SCHED[k].setpoint + 60.0 * exp(-minute / 90.0) * pow(1.0 + minute / 600.0, -1.5);
}"""

CODE_V2 = """static double DECAY[%(ns)d * 3 + 2];
static int ready;

static int find_step(int minute) {
    int lo = 0, hi = NS - 1;
    while (lo < hi) { int mid = (lo + hi + 1) / 2; if (SCHED[mid].minute <= minute) lo = mid; else hi = mid - 1; }
    return lo;
}

static void build_decay(void) {
    for (int m = 0; m < NS * 3 + 2; m++) DECAY[m] = 60.0 * exp(-m / 90.0) * pow(1.0 + m / 600.0, -1.5);
    ready = 1;
}

static double curve(int minute) {
    if (!ready) build_decay();
    return SCHED[find_step(minute)].setpoint + DECAY[minute];
}"""

ANNEALING_JS = r"""
'use strict';
// the lehr ledger: every shelved ware keeps a closure over its whole stress trace (the leak)
const ledger = new Map();
let ware = 0;
function stressReading(id) {
  const trace = [];
  for (let s = 0; s < %(rows)d; s++) {
    trace.push({ step: s, celsius: 480 + Math.cos((id + s) / 7) * 40, note: `lehr ${id %% 4} step ${s}` });
  }
  return () => trace.length;
}
function shelve(id) {
  ledger.set(`ware-${id}`, { id, check: stressReading(id), label: 'annealed '.repeat(%(rep)d) + id });
}
function shift() {
  for (let k = 0; k < 40; k++) shelve(ware++);
  if (ware %% %(every)d === 0) console.log(`lehr ledger: ${ware} wares shelved, ${ledger.size} kept`);
  if (ware === 800) console.error('WARN lehr ledger holds 800 wares, none released to the warehouse');
  %(sched)s(shift);
}
shift();
"""

BATCHHOUSE_JS = r"""
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const crypto = require('crypto');
const dir = process.argv[2];

function readBatch(name) { return JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')); }
function weighIngredients(b) { return b.sand + b.soda + b.lime + b.cullet; }
function sealRecord(text) { return zlib.gzipSync(Buffer.from(text)).length; }
function signRecord(text) { return crypto.pbkdf2Sync(text, 'batchhouse', 10, 16, 'sha256').toString('hex'); }
function listBatches() { return fs.readdirSync(dir).filter((f) => f.startsWith('batch-')).sort(); }
function mixBatch(name, i) {
  const b = readBatch(name);
  const rec = `${i},${name},${weighIngredients(b)}`;
  return { rec, sealed: %(seal)s ? sealRecord(rec) : 0, sig: %(sign)s ? signRecord(rec) : '-' };
}
function charge(list, i) { return mixBatch(list[i %% list.length], i); }
function shiftLog(entries) { fs.appendFileSync(path.join(dir, 'shift.log'), entries.join('\n') + '\n'); }

setTimeout(() => {
  const list = listBatches();
  const out = [];
  for (let i = 0; i < %(n)d; i++) {
    const r = charge(list, i);
    out.push(r.rec);
    console.log(`charge ${i} ${r.rec} sealed=${r.sealed}B sig=${String(r.sig).slice(0, 8)}`);
  }
  Promise.resolve(out).then((entries) => {
    shiftLog(entries);
    %(fault)s
  });
}, 5);
"""


# ------------------------------------------------------------------ steps

ASAN_ONE = {"ASAN_OPTIONS": "detect_leaks=0"}
ASAN_MANY = {"ASAN_OPTIONS": "detect_leaks=0:halt_on_error=0:suppress_equal_pcs=0"}


def cap_asan(tmp: Path) -> None:
    d = tmp / "asan"
    d.mkdir()
    (d / "furnace.c").write_text(FURNACE_C.lstrip() % {"weights": _weights()})
    cm.run("gcc -g -O0 -fsanitize=address -fsanitize-recover=address -fno-omit-frame-pointer furnace.c "
           "-o furnace-asan -lpthread", cwd=d, timeout=300)
    runs = [
        ("uaf", n_asan, [("12 4 2", ASAN_ONE), ("90 30 6", ASAN_MANY), ("300 48 9", ASAN_MANY), ("40 40 3", ASAN_MANY)]),
        ("dfree", n_asan_dfree, [("8 1", ASAN_ONE), ("120 4", ASAN_ONE), ("600 7", ASAN_ONE)]),
        ("stack", n_asan_stack, [("10 1 2", ASAN_ONE), ("60 6 4", ASAN_MANY), ("200 14 8", ASAN_MANY)]),
        ("global", n_asan_global, [("7 1 1", ASAN_ONE), ("80 5 3", ASAN_MANY), ("250 14 6", ASAN_MANY)]),
        ("recurse", n_asan_recurse, [("4 0", ASAN_ONE), ("50 256", ASAN_ONE), ("260 1024", ASAN_ONE)]),
    ]
    for mode, ex, args in runs:
        for a, env in args:
            tag = a.replace(" ", "-")
            cap(f"{ex.kind}-{tag}", f"ASAN_OPTIONS={env['ASAN_OPTIONS']} ./furnace-asan {mode} {a}", d, ex,
                timeout=180)


def cap_tsan(tmp: Path) -> None:
    d = tmp / "tsan"
    d.mkdir()
    for sizes, rounds, rw in [((3,), 80, 0), ((4, 3), 120, 1), ((6,), 200, 0), ((5, 4, 3), 160, 1)]:
        tag = "x".join(map(str, sizes))
        (d / "gathers.c").write_text(GATHERS_C.lstrip() % {"ng": len(sizes), "sizes": ", ".join(map(str, sizes)),
                                                           "rounds": rounds, "rw": rw})
        cm.run(f"gcc -g -O1 -fsanitize=thread gathers.c -o gathers-{tag} -lpthread", cwd=d, timeout=300)
        cap(f"tsan-lock-order-{tag}", f"setarch -R ./gathers-{tag}", d, n_tsan_lock, timeout=180,
            typed=f"./gathers-{tag}")


def cap_gdb_core(tmp: Path) -> None:
    d = tmp / "gdb"
    d.mkdir()
    (d / "furnace.c").write_text(FURNACE_C.lstrip() % {"weights": _weights()})
    cm.run("gcc -g -O0 furnace.c -o furnace -lpthread", cwd=d, timeout=300)
    for mode, n, depth, cmds in [
        ("assert", 30, 4, "-ex bt -ex 'info threads' -ex 'frame function check_gather' -ex 'print *g'"),
        ("assert", 80, 9, "-ex 'thread apply all bt' -ex 'frame function inspect_chain' -ex 'info locals' "
                          "-ex 'print *G[i]' -ex 'print G[i]->furnace'"),
        ("fpe", 40, 6, "-ex 'bt full' -ex 'frame function share_out' -ex 'print lehr' -ex 'print WEIGHTS'"),
        ("segv", 200, 5, "-ex bt -ex 'info registers rip' -ex 'frame 0' -ex 'print *g' -ex 'print g' "
                         "-ex 'info threads' -ex 'thread apply all bt full'"),
    ]:
        core = f"core.{mode}.{n}"
        cm.run(f"ulimit -c unlimited; rm -f core; ./furnace {mode} {n} {depth} >/dev/null 2>&1; mv core {core}",
               cwd=d, timeout=120)
        cap(f"gdb-core-{mode}-{n}", f"gdb -batch {cmds} ./furnace {core}", d, n_gdb_core, timeout=120)


def cap_valgrind(tmp: Path) -> None:
    d = tmp / "vg"
    d.mkdir()
    (d / "furnace.c").write_text(FURNACE_C.lstrip() % {"weights": _weights()})
    cm.run("gcc -g -O0 furnace.c -o furnace -lpthread", cwd=d, timeout=300)
    for n, opt in [(20, "yes"), (120, "yes"), (400, "all")]:
        cap(f"valgrind-track-fds-{n}", f"valgrind --track-fds={opt} ./furnace fds {n}", d, n_vg_fds, timeout=300)
    for mode, args, extra in [("uaf", "60 60 3", " --track-origins=yes"), ("dfree", "40 5", ""),
                              ("mix", "30", " --leak-check=full"),
                              ("mix", "150", " --leak-check=full --show-leak-kinds=all --track-origins=yes")]:
        tag = f"{mode}-{args.split()[0]}"
        cap(f"valgrind-xml-{tag}", f"valgrind --xml=yes --xml-fd=9{extra} ./furnace {mode} {args} 9>&1 >/dev/null 2>&1",
            d, n_vg_xml, timeout=300)


def cap_cg_diff(tmp: Path) -> None:
    d = tmp / "cg"
    d.mkdir()
    r = random.Random(SEED + 2)
    thick = ", ".join(str(r.randrange(3, 19)) for _ in range(24))
    for ns, wares, extra in [(120, 40, ""), (300, 12, " --show-percs=yes --threshold=0.2"), (60, 150, " --auto=yes")]:
        for tag, code in [("old", CODE_V1), ("new", CODE_V2)]:
            src = "lehr.c" if tag == "old" else "lehr_v2.c"
            body = code % {"ns": ns} if tag == "new" else code
            (d / src).write_text(LEHR_C.lstrip() % {"ns": ns, "thick": thick, "code": body, "wares": wares})
            cm.run(f"gcc -g -O1 {src} -o lehr-{tag} -lm && valgrind --tool=cachegrind --cache-sim=no "
                   f"--cachegrind-out-file=cg.{tag}.{ns} ./lehr-{tag}", cwd=d, timeout=600)
        cm.run(f"cg_diff cg.old.{ns} cg.new.{ns} > cg.diff.{ns}", cwd=d, timeout=120)
        cap(f"cg-diff-{ns}", f"cg_annotate{extra} cg.diff.{ns}", d, n_cg_diff, timeout=120)


def cap_node(tmp: Path) -> None:
    d = tmp / "node"
    d.mkdir()
    for mb, rows, rep, every, sched in [(18, 30, 8, 400, "setImmediate"), (32, 20, 40, 800, "queueMicrotask"),
                                        (48, 60, 4, 2000, "setImmediate")]:
        (d / "annealing.js").write_text(ANNEALING_JS.lstrip() % {"rows": rows, "rep": rep, "every": every,
                                                                  "sched": sched})
        cap(f"node-heap-oom-{mb}", f"node --max-old-space-size={mb} annealing.js", d, n_node_oom, timeout=240)
    bat = d / "batches"
    bat.mkdir()
    r = random.Random(SEED + 4)
    for i in range(10):
        (bat / f"batch-{i:02d}.json").write_text('{"sand": %d, "soda": %d, "lime": %d, "cullet": %d}\n'
                                                 % (r.randrange(600, 760), r.randrange(120, 170),
                                                    r.randrange(80, 110), r.randrange(50, 300)))
    for n, seal, sign, fault in [(4, 1, 1, ""), (12, 1, 0, "readBatch('batch-99.json');"),
                                 (30, 0, 1, "JSON.parse(entries.join(';'));"), (8, 1, 1, "")]:
        (d / "batchhouse.js").write_text(BATCHHOUSE_JS.lstrip() % {"n": n, "seal": seal, "sign": sign,
                                                                    "fault": fault})
        cap(f"node-trace-sync-io-{n}", "node --trace-sync-io batchhouse.js batches", d, n_node_sync, timeout=180)


STEPS = [cap_asan, cap_tsan, cap_gdb_core, cap_valgrind, cap_cg_diff, cap_node]


def ensure_tools() -> None:
    for tool in ("gcc", "gdb", "valgrind", "cg_diff", "cg_annotate", "node", "setarch"):
        cm.have(tool, tool)


def steps() -> list:
    return STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide376", sys.modules["__main__"])
    main()
