#!/usr/bin/env python3
"""Capture round 404 of the compression corpus: third samples of round 369's runtime-diagnostic kinds
(AddressSanitizer's heap-use-after-free, double-free, stack/global-buffer-overflow and stack-overflow reports,
ThreadSanitizer's lock-order inversions (with a data race in some runs), gdb on a core file, valgrind --track-fds and
--xml, cg_diff+cg_annotate, node's heap out-of-memory crash and --trace-sync-io) on new programs of a dairy (milk
churns, cream separators, cheese presses) written here, with other faults than rounds 369 and 376: a use after
realloc, a use after free in a recursive walk, threads side by side, reports from several threads, a report repeated
in a loop. No new rules: every extractor is round 369's, imported from capture_wide369 (NEEDLES.md's "Round 404").
Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide404.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide404.json  as {"version": 2, "items": [...]}, ids prefixed "wide404-".
"""

from __future__ import annotations

import json
import os
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide369 as w369  # noqa: E402

# Round 369's rules name "a file of the program": this round's programs are these (NEEDLES.md's "Round 404").
w369.SOURCES = ("churn.c", "presses.c", "separator.c", "separator_v2.c")
w369.OWN_JS = ("whey.js", "creamery.js")

from capture_wide369 import (n_asan, n_asan_dfree, n_asan_global, n_asan_recurse, n_asan_stack,  # noqa: E402
                             n_cg_diff, n_gdb_core, n_node_oom, n_node_sync, n_tsan_lock, n_vg_fds, n_vg_xml)

ID_PREFIX = "wide404-"
DEFAULT_OUT = HERE / "data" / "wide404.json"
TMP = Path(os.environ.get("HM_WIDE404_TMP", "/dev/shm/hm-corpus-wide404"))
PORT = 18404  # the listening socket of the descriptor runs (loopback only; nothing answers on it)

_SIZED = cm.Sized(400, 120_000)
add, cap = _SIZED.add, _SIZED.cap

SEED = 40410

# ------------------------------------------------------------------ material: a dairy
# The sources are templates filled by str.replace on @@NAME@@ marks (no %-escaping in the C text).


def fill(text: str, **marks) -> str:
    for k, v in marks.items():
        text = text.replace(f"@@{k}@@", str(v))
    assert "@@" not in text, text[text.index("@@"):][:40]
    return text


def _litres() -> str:
    r = random.Random(SEED)
    return ", ".join(str(r.randrange(120, 2200)) for _ in range(36))


CHURN_C = r"""
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <dirent.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

struct reading { char separator[16]; int fat_milli; int litres; int herd; };
struct curd { int id; int weight_g; struct curd *left, *right; };
struct ticket { int batch; int refs; char press[12]; };
struct press { int id; int load_kg; struct press *next; };
struct job { int id, n, reps, depth; };

static const char *SEPARATORS[] = {"Alfa-Disc-1", "Alfa-Disc-2", "Westfalia-N", "Westfalia-S", "Skimmer-Old", "Bowl-Six"};
static int LITRES[] = {@@LITRES@@};
#define NL (int)(sizeof LITRES / sizeof LITRES[0])
static int FAT_GRADE[12] = {31, 33, 35, 36, 38, 40, 41, 39, 37, 35, 33, 32};
static int WHEY_PRICE[8] = {12, 14, 15, 11, 13, 16, 10, 9};
static struct curd *ROOT;

static void log_churns(int n) {
    for (int i = 0; i < n; i++) {
        printf("churn %04d separator=%-12s litres=%4d fat=%d.%03d%% herd=%d\n", i, SEPARATORS[i % 6], LITRES[i % NL],
               3 + i % 2, (i * 137) % 1000, i % 5);
        if (i % 83 == 29) printf("WARN churn %04d: separator %s bowl needs desludging\n", i, SEPARATORS[i % 6]);
    }
}

static void run_threads(void *(*fn)(void *), struct job *jobs, int k, int side_by_side) {
    pthread_t t[16];
    for (int i = 0; i < k; i++) {
        pthread_create(&t[i], NULL, fn, &jobs[i]);
        if (!side_by_side) pthread_join(t[i], NULL);
    }
    if (side_by_side) for (int i = 0; i < k; i++) pthread_join(t[i], NULL);
}

/* ---- use after realloc: each churn logger keeps a pointer to its first entry while the log grows */
static struct reading *grow_log(struct reading *log, int cap) { return realloc(log, cap * sizeof *log); }
static int first_fat(const struct reading *first) { return first->fat_milli; }
static void *churn_logger(void *arg) {
    struct job *j = arg;
    int cap = 2;
    struct reading *log = malloc(cap * sizeof *log);
    snprintf(log[0].separator, 16, "%s", SEPARATORS[j->id % 6]);
    log[0].fat_milli = 3500 + j->id; log[0].litres = LITRES[j->id % NL]; log[0].herd = j->id % 5;
    struct reading *first = &log[0];
    long sum = 0;
    for (int i = 1; i < j->n; i++) {
        if (i >= cap) { cap *= 2; log = grow_log(log, cap); }
        log[i] = log[0];
        log[i].litres = LITRES[i % NL];
        if (i < j->reps) sum += first_fat(first);
    }
    printf("churn logger %d: %d readings, fat sum %ld\n", j->id, j->n, sum);
    free(log);
    return NULL;
}
static void mode_realloc(int n, int threads, int reps) {
    log_churns(n);
    struct job jobs[16];
    for (int k = 0; k < threads; k++) jobs[k] = (struct job){k, n / threads + 3, reps, 0};
    printf("ERROR dairy: churn logs grown while readers still hold the first entry\n");
    run_threads(churn_logger, jobs, threads, 1);
}

/* ---- use after free in a recursive curd-tree walk: one subtree pressed (freed) but still linked */
static struct curd *build(int *id, int depth) {
    if (!depth) return NULL;
    struct curd *c = malloc(sizeof *c);
    c->id = (*id)++; c->weight_g = LITRES[c->id % NL] * 3;
    c->left = build(id, depth - 1); c->right = build(id, depth - 1);
    return c;
}
static void press_subtree(struct curd *c) { if (!c) return; press_subtree(c->left); press_subtree(c->right); free(c); }
static long weigh(const struct curd *c) { return c ? c->weight_g + weigh(c->left) + weigh(c->right) : 0; }
static void *curd_inspector(void *arg) {
    struct job *j = arg; long w = 0;
    for (int r = 0; r < j->reps; r++) w += weigh(ROOT);
    printf("curd inspector %d: vat weighs %ld g\n", j->id, w);
    return NULL;
}
static void mode_tree(int depth, int threads, int reps) {
    int id = 0;
    ROOT = build(&id, depth);
    log_churns(id);
    struct curd *c = ROOT;
    while (c->right && c->right->right) c = c->right;
    press_subtree(c->left);
    printf("ERROR curd vat: subtree %d pressed into a mould but still on the vat list\n", c->id);
    struct job jobs[16];
    for (int k = 0; k < threads; k++) jobs[k] = (struct job){k, 0, reps, 0};
    run_threads(curd_inspector, jobs, threads, 0);
}

/* ---- double free: a batch ticket handed to two presses, each releasing it */
static struct ticket *TICKETS[64];
static int TICKET_BATCH[64];
static void release_ticket(struct ticket *t) { free(t); }
static void *press_worker(void *arg) {
    struct job *j = arg;
    for (int i = 0; i < j->n; i++) {
        struct ticket *t = TICKETS[(j->id + i) % j->reps];
        printf("press %d: ticket for batch %d released\n", j->id, TICKET_BATCH[(j->id + i) % j->reps]);
        release_ticket(t);
    }
    return NULL;
}
static void mode_dfree_ref(int n, int presses) {
    log_churns(n);
    int nt = presses;
    for (int i = 0; i < nt; i++) {
        TICKETS[i] = malloc(sizeof(struct ticket));
        TICKETS[i]->batch = TICKET_BATCH[i] = 4000 + i; TICKETS[i]->refs = 1;
        snprintf(TICKETS[i]->press, 12, "press-%d", i % 100);
    }
    struct job jobs[16];
    for (int k = 0; k < presses; k++) jobs[k] = (struct job){k, 2, nt, 0};
    run_threads(press_worker, jobs, presses, 0);
}
static int parse_readings(char *buf, int n) {
    int bad = 0;
    for (int i = 0; i < n; i++) {
        int fat = i == n / 2 ? 95 : LITRES[i % NL] % 80;
        if (fat > 90) { printf("ERROR reading %d: fat %d.%d%% out of range, batch rejected\n", i, fat / 10, fat % 10); free(buf); bad = 1; break; }
        buf[i % 32] = (char)('0' + fat % 10);
    }
    return bad;
}
static void mode_dfree_err(int n, int depth) {
    log_churns(n);
    char *buf = malloc(32);
    int bad = parse_readings(buf, n);
    if (depth > 0) printf("cleanup after %s path\n", bad ? "error" : "normal");
    free(buf);
}

/* ---- stack buffer overflow (a read): the rolling average reads one past its window, recursively */
static int rolling(int start, int depth) {
    int window[8];
    for (int i = 0; i < 8; i++) window[i] = LITRES[(start + i) % NL];
    if (depth) return rolling(start + 1, depth - 1) / 2 + window[0] / 2;
    int s = 0;
    for (int i = 0; i <= 8; i++) s += window[i];
    return s / 8;
}
static void *avg_worker(void *arg) {
    struct job *j = arg; long s = 0;
    for (int r = 0; r < j->reps; r++) s += rolling(r, j->depth);
    printf("average worker %d: %d windows, checksum %ld\n", j->id, j->reps, s);
    return NULL;
}
static void mode_stack(int n, int reps, int depth, int threads) {
    log_churns(n);
    struct job jobs[16];
    for (int k = 0; k < threads; k++) jobs[k] = (struct job){k, 0, reps, depth + k};
    run_threads(avg_worker, jobs, threads, 0);
}

/* ---- global buffer overflow: the fat grade by month (month 0 and month 13 slip through) */
static int grade_for(int month) { return FAT_GRADE[month - 1]; }
static int whey_price(int day) { return WHEY_PRICE[day % 9]; }
static void *grader(void *arg) {
    struct job *j = arg; long s = 0;
    for (int r = 0; r < j->reps; r++) {
        int month = (j->id + r) % 14;
        s += grade_for(month) + whey_price(r);
    }
    printf("grader %d: %d batches graded, sum %ld\n", j->id, j->reps, s);
    return NULL;
}
static void mode_global(int n, int reps, int threads) {
    log_churns(n);
    struct job jobs[16];
    for (int k = 0; k < threads; k++) jobs[k] = (struct job){k, 0, reps, 0};
    run_threads(grader, jobs, threads, 1);
}

/* ---- stack overflow: a cycle in the press line, and a deep recursion with big frames in a small thread stack */
static int count_presses(const struct press *p, int seen) {
    char tag[64];
    snprintf(tag, sizeof tag, "press %d load %d", p->id, p->load_kg);
    return p->next ? 1 + count_presses(p->next, seen + tag[0] % 2) : seen;
}
static void mode_cycle(int n) {
    log_churns(n);
    struct press *ps = calloc(n, sizeof *ps);
    for (int i = 0; i < n; i++) { ps[i].id = i; ps[i].load_kg = LITRES[i % NL] / 10; ps[i].next = i + 1 < n ? &ps[i + 1] : NULL; }
    ps[n - 1].next = &ps[n / 3];
    printf("press line of %d presses, counting...\n", n);
    printf("%d presses\n", count_presses(ps, 0));
}
static long ripen(int day, long acc) {
    char cellar[2048];
    memset(cellar, day & 0x7f, sizeof cellar);
    return day < 0 ? acc : ripen(day + 1, acc + cellar[day % 2048]) + cellar[5];
}
static void *ripener(void *arg) { struct job *j = arg; printf("ripening from day %d\n", j->n); printf("%ld\n", ripen(j->n, 0)); return NULL; }
static void mode_bigframe(int n, int stack_kb) {
    log_churns(n);
    struct job j = {0, n, 0, 0};
    pthread_attr_t at; pthread_attr_init(&at);
    if (stack_kb) pthread_attr_setstacksize(&at, (size_t)stack_kb * 1024);
    pthread_t t;
    pthread_create(&t, &at, ripener, &j);
    pthread_join(t, NULL);
}

/* ---- faults for core files */
static void *cellar_watch(void *arg) { (void)arg; sleep(30); return NULL; }
static void check_balance(int sep, long cream, long skim, long whole) {
    if (cream + skim != whole) {
        printf("ERROR separator %s: cream %ld + skim %ld != whole %ld litres\n", SEPARATORS[sep % 6], cream, skim, whole);
        abort();
    }
}
static void *balance_worker(void *arg) {
    struct job *j = arg;
    for (int i = 0; i < j->n; i++) {
        long whole = LITRES[i % NL], cream = whole / 10, skim = whole - cream - (i == j->reps ? 1 : 0);
        check_balance(i, cream, skim, whole);
    }
    return NULL;
}
static int churn_count(int vat, int expected) {
    int got = LITRES[vat % NL] % 7;
    if (got == expected + 100) return got;
    if (vat > 3 && got != expected) __builtin_trap();
    return got;
}
static long drain(struct press *p, int depth) { return depth ? drain(p, depth - 1) + 1 : p->load_kg; }
static void mode_core(const char *mode, int n, int depth) {
    pthread_t w[4];
    for (int k = 0; k < 4; k++) pthread_create(&w[k], NULL, cellar_watch, NULL);
    usleep(20000);
    if (!strcmp(mode, "abort")) {
        struct job j = {1, n, n / 2, depth};
        pthread_t t; pthread_create(&t, NULL, balance_worker, &j); pthread_join(t, NULL);
    } else if (!strcmp(mode, "trap")) {
        for (int v = 0; v < n; v++) printf("vat %d churned %d times\n", v, churn_count(v, depth % 7));
    } else if (!strcmp(mode, "null")) {
        struct press *line = calloc(n, sizeof *line);
        for (int i = 0; i < n; i++) line[i].load_kg = i;
        printf("draining press line: %ld\n", drain(n > 40 ? NULL : line, depth));
    } else {
        struct press *p = calloc(1, sizeof *p);
        p->next = (struct press *)(0x10 + (long)depth);
        printf("next press load %d\n", p->next->load_kg);
    }
}

/* ---- descriptors: threads fopen dairy logs (every third closed), a directory, an eventfd, a listening socket */
static void *log_opener(void *arg) {
    long i = (long)arg;
    char path[64];
    snprintf(path, sizeof path, "vat-%02ld.log", i);
    FILE *f = fopen(path, "a");
    fprintf(f, "vat %ld opened\n", i);
    fflush(f);
    if (i % 3 == 0) fclose(f);
    return NULL;
}
static void mode_fds(int n, int port) {
    log_churns(n);
    int k = n / 25 + 4;
    pthread_t t[64];
    for (long i = 0; i < k && i < 64; i++) pthread_create(&t[i], NULL, log_opener, (void *)i);
    for (long i = 0; i < k && i < 64; i++) pthread_join(t[i], NULL);
    DIR *d = opendir(".");
    (void)d;
    int ev = eventfd(0, 0);
    (void)ev;
    int s = socket(AF_INET, SOCK_STREAM, 0);
    int one = 1; setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in a = {0};
    a.sin_family = AF_INET; a.sin_port = htons(port); a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(s, (struct sockaddr *)&a, sizeof a) || listen(s, 4)) printf("ERROR tank gauge socket: cannot listen on %d\n", port);
    int c = socket(AF_INET, SOCK_STREAM, 0);
    if (connect(c, (struct sockaddr *)&a, sizeof a)) printf("ERROR tank gauge: connect failed\n");
    int sv[2]; socketpair(AF_UNIX, SOCK_DGRAM, 0, sv);
    close(sv[0]);
}

/* ---- a mix for memcheck */
struct vat { char name[16]; int *temps; };
static void *mixer(void *arg) {
    struct job *j = arg;
    int *fat = malloc(j->n * sizeof *fat);
    for (int i = 0; i <= j->n; i++) fat[i] = 3500 + i;               /* one past the end */
    int *uninit = malloc(8 * sizeof *uninit);
    uninit[0] = 40;
    int high = 0;
    for (int i = 0; i < 8; i++) if (uninit[i] > 38) high++;          /* branches on unset readings */
    printf("mixer %d: %d high readings\n", j->id, high);
    struct reading *log = malloc(2 * sizeof *log);
    struct reading *first = log;
    log = realloc(log, 64 * sizeof *log);
    printf("mixer %d: first fat %d\n", j->id, first->fat_milli);       /* read after realloc */
    char *rec = malloc(48);
    memcpy(rec, "VAT", 3);
    int fd = open("/dev/null", O_WRONLY);
    if (write(fd, rec, 48) < 0) printf("ERROR vat record not written\n");
    close(fd);
    for (int i = 0; i < j->reps; i++) {                                /* lost vats and their temperature arrays */
        struct vat *v = malloc(sizeof *v);
        v->temps = malloc(24 * sizeof(int));
        snprintf(v->name, 16, "vat-%d", i);
    }
    free(rec); free(fat); free(uninit); free(log);
    return NULL;
}
static void mode_mix(int n, int threads) {
    log_churns(n);
    struct job jobs[16];
    for (int k = 0; k < threads; k++) jobs[k] = (struct job){k, 10 + k * 3, n / 20 + 1 + k, 0};
    run_threads(mixer, jobs, threads, 0);
}

int main(int argc, char **argv) {
    const char *mode = argc > 1 ? argv[1] : "realloc";
    int n = argc > 2 ? atoi(argv[2]) : 10;
    int a = argc > 3 ? atoi(argv[3]) : 1;
    int b = argc > 4 ? atoi(argv[4]) : 0;
    int c = argc > 5 ? atoi(argv[5]) : 1;
    setvbuf(stdout, NULL, _IOLBF, 0);
    if (!strcmp(mode, "realloc")) mode_realloc(n, a, b);
    else if (!strcmp(mode, "tree")) mode_tree(n, a, b);
    else if (!strcmp(mode, "dfree-ref")) mode_dfree_ref(n, a);
    else if (!strcmp(mode, "dfree-err")) mode_dfree_err(n, a);
    else if (!strcmp(mode, "stack")) mode_stack(n, a, b, c);
    else if (!strcmp(mode, "global")) mode_global(n, a, b);
    else if (!strcmp(mode, "cycle")) mode_cycle(n);
    else if (!strcmp(mode, "bigframe")) mode_bigframe(n, a);
    else if (!strcmp(mode, "abort") || !strcmp(mode, "trap") || !strcmp(mode, "null") || !strcmp(mode, "segv")) { log_churns(n); mode_core(mode, n, a); }
    else if (!strcmp(mode, "fds")) mode_fds(n, a);
    else if (!strcmp(mode, "mix")) mode_mix(n, a);
    return 0;
}
"""

PRESSES_C = r"""
#include <pthread.h>
#include <stdio.h>

#define NP @@NP@@
static pthread_mutex_t press[NP];
static pthread_mutex_t whey_tank = PTHREAD_MUTEX_INITIALIZER;
static long whey_litres;
static int pressed[NP];

static void tighten(int p) { pressed[p]++; }
static void turn_screw(int a, int b) {
    pthread_mutex_lock(&press[b]);
    tighten(b);
    pthread_mutex_unlock(&press[b]);
    (void)a;
}
static void load_mould(int a, int b) {
    pthread_mutex_lock(&press[a]);
    turn_screw(a, b);
    pthread_mutex_unlock(&press[a]);
}
struct task { int a, b, rounds; };
static void *presser(void *arg) {
    struct task *t = arg;
    for (int k = 0; k < t->rounds; k++) {
        load_mould(t->a, t->b);
        if (k % 50 == 0) printf("presser %d->%d round %d: mould turned\n", t->a, t->b, k);
    }
    return NULL;
}
static void drain_whey(int litres) { whey_litres += litres; }
static void *whey_pump(void *arg) {
    long id = (long)arg;
    for (int k = 0; k < 2000; k++) drain_whey((int)id + 1);
    pthread_mutex_lock(&whey_tank);
    printf("whey pump %ld done\n", id);
    pthread_mutex_unlock(&whey_tank);
    return NULL;
}

int main(void) {
    int step[] = {@@STEPS@@};
    int ns = (int)(sizeof step / sizeof step[0]);
    struct task tasks[64];
    int nt = 0;
    for (int p = 0; p < NP; p++) pthread_mutex_init(&press[p], NULL);
    for (int s = 0; s < ns; s++)
        for (int p = 0; p < NP; p++) {
            pthread_t t;
            tasks[nt] = (struct task){p, (p + step[s]) % NP, @@ROUNDS@@};
            pthread_create(&t, NULL, presser, &tasks[nt]);
            pthread_join(t, NULL);
            nt++;
        }
    if (@@RACE@@) {
        pthread_t a, b;
        pthread_create(&a, NULL, whey_pump, (void *)1L);
        pthread_create(&b, NULL, whey_pump, (void *)2L);
        pthread_join(a, NULL); pthread_join(b, NULL);
        printf("whey tank holds %ld litres\n", whey_litres);
    }
    int total = 0;
    for (int p = 0; p < NP; p++) total += pressed[p];
    printf("moulds pressed in all %d\n", total);
    return 0;
}
"""

SEP_C = r"""
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NR @@NR@@
static int FAT[NR];
static char LABEL[] = "separator bowl reading, skim and cream outlets, fat in thousandths of a percent";

@@CODE@@

int main(void) {
    unsigned s = @@SEED@@;
    long total = 0;
    for (int run = 0; run < @@RUNS@@; run++) {
        for (int i = 0; i < NR; i++) { s = s * 1103515245u + 12345u; FAT[i] = 3000 + (int)((s >> 8) % 2000); }
        total += yield_of(FAT, NR) + label_weight(LABEL);
    }
    printf("%ld\n", total);
    return 0;
}
"""

SEP_V1 = r"""
static void sort_readings(int *a, int n) {
    for (int i = 0; i < n; i++)
        for (int j = 0; j + 1 < n - i; j++)
            if (a[j] > a[j + 1]) { int t = a[j]; a[j] = a[j + 1]; a[j + 1] = t; }
}

static long yield_of(int *fat, int n) {
    sort_readings(fat, n);
    long cream = 0;
    for (int i = n / 2; i < n; i++) cream += fat[i] - fat[n / 2];
    return cream / n;
}

static int label_weight(const char *s) {
    int w = 0;
    for (size_t i = 0; i < strlen(s); i++) w += s[i] == ' ';
    return w;
}
"""

SEP_V2 = r"""
static int COUNT[2000];

static void sort_readings(int *a, int n) {
    memset(COUNT, 0, sizeof COUNT);
    for (int i = 0; i < n; i++) COUNT[a[i] - 3000]++;
    int k = 0;
    for (int v = 0; v < 2000; v++) while (COUNT[v]--) a[k++] = v + 3000;
}

static long yield_of(int *fat, int n) {
    sort_readings(fat, n);
    long cream = 0;
    for (int i = n / 2; i < n; i++) cream += fat[i] - fat[n / 2];
    return cream / n;
}

static int label_weight(const char *s) {
    int w = 0;
    size_t len = strlen(s);
    for (size_t i = 0; i < len; i++) w += s[i] == ' ';
    return w;
}
"""

WHEY_JS = r"""
'use strict';
// the whey tank's gauge: every batch adds a listener closing over its record; none is ever removed (the leak)
const { EventEmitter } = require('events');
const MODE = process.argv[2] || 'listeners';
const ROWS = Number(process.argv[3] || 30);
const gauge = new EventEmitter();
gauge.setMaxListeners(0);
function batchRecord(id) {
  const rows = [];
  for (let s = 0; s < ROWS; s++) rows.push({ vat: id % 6, minute: s, litres: 900 + ((id * 7 + s) % 300), note: `whey batch ${id} minute ${s}` });
  return rows;
}
let batch = 0;
function addBatch() {
  const rec = batchRecord(batch);
  const id = batch++;
  gauge.on('level', () => rec.length + id);
}
if (MODE === 'listeners') {
  const tick = () => {
    for (let k = 0; k < 50; k++) addBatch();
    if (batch % 5000 === 0) console.log(`whey gauge: ${batch} batches, ${gauge.listenerCount('level')} listeners`);
    if (batch === 2000) console.error('WARN whey gauge holds 2000 listeners, none removed after draining');
    setImmediate(tick);
  };
  tick();
} else {
  // curds logged in one synchronous loop: the loop never yields
  const curds = [];
  for (let i = 0; ; i++) {
    curds.push({ id: i, press: `press-${i % 9}`, weight: 'curd '.repeat(ROWS) + i });
    if (i % 200000 === 0) console.log(`curd log: ${i} curds held`);
  }
}
"""

CREAMERY_JS = r"""
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const { execFileSync } = require('child_process');
const { EventEmitter } = require('events');
const dir = process.argv[2];
const N = Number(process.argv[3] || 4);
const FAULT = process.argv[4] || '';

class Creamery {
  constructor(root) { this.root = root; }
  vats() { return fs.readdirSync(this.root).filter((f) => f.startsWith('vat-')).sort(); }
  reading(name) { return JSON.parse(fs.readFileSync(path.join(this.root, name), 'utf8')); }
  exists(name) { return fs.existsSync(path.join(this.root, name)); }
  pack(text) { return zlib.deflateSync(Buffer.from(text)).length; }
  stamp() { return execFileSync('date', ['-u', '+%Y-%m-%d']).toString().trim(); }
}
const cream = new Creamery(dir);
const bell = new EventEmitter();
bell.on('skim', (name, i) => {
  const r = cream.reading(name);
  console.log(`skim ${i} ${name} fat=${r.fat} litres=${r.litres} packed=${cream.pack(JSON.stringify(r))}B`);
});

async function shift() {
  await new Promise((res) => setTimeout(res, 5));
  const vats = cream.vats();
  const day = cream.stamp();
  for (let i = 0; i < N; i++) bell.emit('skim', vats[i % vats.length], i);
  await Promise.resolve();
  for (let i = 0; i < N; i++) {
    if (!cream.exists(`vat-${String(i).padStart(2, '0')}.json`)) console.log(`WARN vat ${i} has no reading on ${day}`);
  }
  fs.writeFileSync(path.join(dir, 'shift.txt'), `shift of ${day}: ${N} skims\n`);
  if (FAULT === 'missing') cream.reading('vat-99.json');
  if (FAULT === 'parse') JSON.parse(fs.readFileSync(path.join(dir, 'shift.txt'), 'utf8'));
  if (FAULT === 'type') cream.reading(vats[0]).fat.toFixed(2).padStart.call(null, 4);
}
shift();
"""



# ------------------------------------------------------------------ steps

ASAN_ONE = {"ASAN_OPTIONS": "detect_leaks=0"}
ASAN_MANY = {"ASAN_OPTIONS": "detect_leaks=0:halt_on_error=0:suppress_equal_pcs=0"}


def _churn(d: Path, flags: str, out: str) -> None:
    (d / "churn.c").write_text(fill(CHURN_C.lstrip(), LITRES=_litres()))
    cm.run(f"gcc -g -O0 {flags} churn.c -o {out} -lpthread", cwd=d, timeout=300)


def cap_asan(tmp: Path) -> None:
    d = tmp / "asan"
    d.mkdir()
    _churn(d, "-fsanitize=address -fsanitize-recover=address -fno-omit-frame-pointer", "churn-asan")
    runs = [
        (n_asan, [("realloc 30 3 4", ASAN_ONE), ("realloc 40 3 6", ASAN_MANY), ("tree 7 2 1", ASAN_MANY),
                  ("tree 9 1 1", ASAN_ONE), ("realloc 120 4 10", ASAN_MANY)]),
        (n_asan_dfree, [("dfree-ref 8 3", ASAN_ONE), ("dfree-ref 60 5", ASAN_MANY), ("dfree-err 40 1", ASAN_ONE),
                        ("dfree-err 300 1", ASAN_MANY)]),
        (n_asan_stack, [("stack 10 1 2 1", ASAN_ONE), ("stack 40 6 3 2", ASAN_MANY), ("stack 120 9 5 3", ASAN_MANY)]),
        (n_asan_global, [("global 8 2 1", ASAN_ONE), ("global 50 16 3", ASAN_MANY), ("global 200 30 5", ASAN_MANY)]),
        (n_asan_recurse, [("cycle 12", ASAN_ONE), ("cycle 90", ASAN_ONE), ("bigframe 20 256", ASAN_ONE),
                          ("bigframe 150 2048", ASAN_ONE)]),
    ]
    for ex, args in runs:
        for a, env in args:
            tag = a.replace(" ", "-")
            cap(f"{ex.kind}-{tag}", f"ASAN_OPTIONS={env['ASAN_OPTIONS']} ./churn-asan {a}", d, ex, timeout=180)


def cap_tsan(tmp: Path) -> None:
    d = tmp / "tsan"
    d.mkdir()
    for np_, steps_, rounds, race in [(3, "1", 80, 0), (4, "1, 2", 100, 1), (6, "1", 150, 0), (5, "1, 2, 3", 120, 1)]:
        tag = f"{np_}p-{steps_.replace(', ', '')}"
        (d / "presses.c").write_text(fill(PRESSES_C.lstrip(), NP=np_, STEPS=steps_, ROUNDS=rounds, RACE=race))
        cm.run(f"gcc -g -O1 -fsanitize=thread presses.c -o presses-{tag} -lpthread", cwd=d, timeout=300)
        cap(f"tsan-lock-order-{tag}", f"setarch -R ./presses-{tag}", d, n_tsan_lock, timeout=180,
            typed=f"./presses-{tag}")


def cap_gdb_core(tmp: Path) -> None:
    d = tmp / "gdb"
    d.mkdir()
    _churn(d, "", "churn")
    for mode, n, depth, cmds in [
        ("abort", 30, 3, "-ex bt -ex 'info threads' -ex 'frame function check_balance' -ex 'print cream' "
                         "-ex 'print skim' -ex 'print whole'"),
        ("trap", 12, 5, "-ex 'bt full' -ex 'frame function churn_count' -ex 'print vat' -ex 'print got' "
                        "-ex 'print LITRES'"),
        ("null", 60, 40, "-ex 'bt 12' -ex 'bt -6' -ex 'frame function mode_core' -ex 'print n' -ex 'print depth' "
                         "-ex 'info threads'"),
        ("segv", 150, 7, "-ex bt -ex 'info registers rip' -ex 'frame function mode_core' -ex 'print *p' "
                         "-ex 'print p->next' -ex 'thread apply all bt'"),
    ]:
        core = f"core.{mode}.{n}"
        cm.run(f"ulimit -c unlimited; rm -f core; ./churn {mode} {n} {depth} >/dev/null 2>&1; mv core {core}",
               cwd=d, timeout=120)
        cap(f"gdb-core-{mode}-{n}", f"gdb -batch {cmds} ./churn {core}", d, n_gdb_core, timeout=120)


def cap_valgrind(tmp: Path) -> None:
    d = tmp / "vg"
    d.mkdir()
    _churn(d, "", "churn")
    for n, opt in [(30, "yes"), (150, "yes"), (500, "all")]:
        cap(f"valgrind-track-fds-{n}", f"valgrind --track-fds={opt} ./churn fds {n} {PORT}", d, n_vg_fds,
            timeout=300)
    for mode, args, extra in [("realloc", "20 2 6", " --track-origins=yes"), ("tree", "6 1 1", ""),
                              ("mix", "40 1", " --leak-check=full"),
                              ("mix", "200 3", " --leak-check=full --show-leak-kinds=all --track-origins=yes")]:
        tag = f"{mode}-{args.split()[0]}"
        cap(f"valgrind-xml-{tag}", f"valgrind --xml=yes --xml-fd=9{extra} ./churn {mode} {args} 9>&1 >/dev/null 2>&1",
            d, n_vg_xml, timeout=300)


def cap_cg_diff(tmp: Path) -> None:
    d = tmp / "cg"
    d.mkdir()
    for nr, runs, extra, mod in [(300, 40, "", ""), (800, 8, " --show-percs=yes --threshold=0.5", " --mod-filename='s/_v2//'"),
                                 (120, 200, " --auto=yes", ""), (1500, 3, " --show-percs=yes", " --mod-filename='s/_v2//'")]:
        for tag, code in [("old", SEP_V1), ("new", SEP_V2)]:
            src = "separator.c" if tag == "old" else "separator_v2.c"
            (d / src).write_text(fill(SEP_C.lstrip(), NR=nr, RUNS=runs, SEED=SEED + 3, CODE=code))
            cm.run(f"gcc -g -O1 -fno-inline {src} -o sep-{tag} && valgrind --tool=cachegrind --cache-sim=no "
                   f"--cachegrind-out-file=cg.{tag}.{nr} ./sep-{tag}", cwd=d, timeout=600)
        cm.run(f"cg_diff{mod} cg.old.{nr} cg.new.{nr} > cg.diff.{nr}", cwd=d, timeout=120)
        cap(f"cg-diff-{nr}", f"cg_annotate{extra} cg.diff.{nr}", d, n_cg_diff, timeout=120,
            typed=f"cg_diff{mod} cg.old.{nr} cg.new.{nr} > cg.diff.{nr} && cg_annotate{extra} cg.diff.{nr}")


def cap_node(tmp: Path) -> None:
    d = tmp / "node"
    d.mkdir()
    (d / "whey.js").write_text(WHEY_JS.lstrip())
    for mb, mode, rows in [(24, "listeners", 30), (40, "loop", 20), (64, "listeners", 12)]:
        cap(f"node-heap-oom-{mode}-{mb}", f"node --max-old-space-size={mb} whey.js {mode} {rows}", d, n_node_oom,
            timeout=240)
    vats = d / "vats"
    vats.mkdir()
    r = random.Random(SEED + 8)
    for i in range(12):
        (vats / f"vat-{i:02d}.json").write_text(json.dumps({"fat": round(r.uniform(3.2, 4.9), 2),
                                                            "litres": r.randrange(400, 1800)}) + "\n")
    (d / "creamery.js").write_text(CREAMERY_JS.lstrip())
    for args in ["6", "20 missing", "12 parse", "3 type", "40"]:
        cap(f"node-trace-sync-io-{args.replace(' ', '-')}", f"node --trace-sync-io creamery.js vats {args}", d,
            n_node_sync, timeout=180)


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
    sys.modules.setdefault("capture_wide404", sys.modules["__main__"])
    main()
