"""Round 19's C sources: a ring-buffer library with a Makefile and CMakeLists (errors in several targets, then only
warnings), a CMakeLists that cannot configure, and small programs that crash (a NULL dereference deep in a parser,
leaks, a heap overflow, undefined behaviour, a failed assert). Used by capture_wide19_sys.py."""

from __future__ import annotations

RING_H = """#ifndef RING_H
#define RING_H
#include <stddef.h>

typedef struct {
    double *data;
    size_t cap, head, len;
} ring_t;

ring_t *ring_new(size_t cap);
void ring_free(ring_t *r);
int ring_push(ring_t *r, double v);
int ring_pop(ring_t *r, double *out);
size_t ring_len(const ring_t *r);
double ring_at(const ring_t *r, size_t i);
#endif
"""

RING_C = """#include <stdlib.h>
#include "ring.h"

ring_t *ring_new(size_t cap) {
    ring_t *r = malloc(sizeof *r);
    if (!r) return NULL;
    r->data = calloc(cap, sizeof *r->data);
    r->cap = cap;
    r->head = r->len = 0;
    return r;
}

void ring_free(ring_t *r) {
    if (r) free(r->data);
    free(r);
}

int ring_push(ring_t *r, double v) {
    r->data[(r->head + r->len) % r->cap] = v;
    if (r->len < r->cap) r->len++;
    else r->head = (r->head + 1) % r->cap;
    return 0;
}

int ring_pop(ring_t *r, double *out) {
    if (r->len == 0) return -1;
    *out = r->data[r->head];
    r->head = (r->head + 1) % r->cap;
    r->len--;
    return 0;
}

size_t ring_len(const ring_t *r) { return r->len; }

double ring_at(const ring_t *r, size_t i) { return r->data[(r->head + i) % r->cap]; }
"""

STATS_H = """#ifndef STATS_H
#define STATS_H
#include "ring.h"
double ring_mean(const ring_t *r);
double ring_max(const ring_t *r);
int ring_above(const ring_t *r, double limit, size_t *idx, size_t n);
#endif
"""

STATS_OK = """#include <stdio.h>
#include "stats.h"

double ring_mean(const ring_t *r) {
    double s = 0;
    for (int i = 0; i < ring_len(r); i++) s += ring_at(r, i);
    return r->len ? s / r->len : 0;
}

double ring_max(const ring_t *r) {
    double best;
    for (size_t i = 0; i < ring_len(r); i++)
        if (i == 0 || ring_at(r, i) > best) best = ring_at(r, i);
    return best;
}

int ring_above(const ring_t *r, double limit, size_t *idx, size_t n) {
    int found = 0;
    for (size_t i = 0; i < ring_len(r) && found < n; i++)
        if (ring_at(r, i) > limit) idx[found++] = i;
    printf("above %f: %d of %d\\n", limit, found, ring_len(r));
    return found;
}
"""

STATS_BROKEN = STATS_OK.replace("    return r->len ? s / r->len : 0;", "    return count ? s / count : 0;").replace(
    "if (ring_at(r, i) > limit) idx[found++] = i;", "if (ring_at(r, i) > limit) idx[found++] = &i;")

PARSE_H = """#ifndef PARSE_H
#define PARSE_H
#include "ring.h"
int parse_line(const char *line, double *out);
int load_file(const char *path, ring_t *r);
#endif
"""

PARSE_OK = """#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "parse.h"

int parse_line(const char *line, double *out) {
    char *end;
    *out = strtod(line, &end);
    return end != line ? 0 : -1;
}

int load_file(const char *path, ring_t *r) {
    FILE *f = fopen(path, "r");
    char buf[64];
    int n = 0, unused;
    if (!f) return -1;
    while (fgets(buf, sizeof buf, f)) {
        double v;
        if (parse_line(buf, &v) == 0) { ring_push(r, v); n++; }
    }
    fclose(f);
    return n;
}
"""

PARSE_BROKEN = PARSE_OK.replace("        if (parse_line(buf, &v) == 0) { ring_push(r, v); n++; }",
                                "        if (parse_line(buf, v) == 0) { ring_push(r, v); n++; }\n        line_count++;")

MAIN_C = """#include <stdio.h>
#include "ring.h"
#include "parse.h"
#include "stats.h"

int main(int argc, char **argv) {
    ring_t *r = ring_new(16);
    int n = load_file(argc > 1 ? argv[1] : "data.txt", r);
    printf("%d values, mean %.3f, max %.3f\\n", n, ring_mean(r), ring_max(r));
    ring_free(r);
    return 0;
}
"""

TEST_C = """#include <assert.h>
#include <stdio.h>
#include "ring.h"
#include "stats.h"

int main(void) {
    ring_t *r = ring_new(4);
    for (int i = 1; i <= 6; i++) ring_push(r, i);
    assert(ring_len(r) == 4);
    assert(ring_at(r, 0) == 3.0);
    printf("mean %f\\n", ring_mean(r));
    printf("median %f\\n", ring_median(r));
    ring_free(r);
    return 0;
}
"""

EXPORT_C = """#include <stdio.h>
#include <string.h>
#include "ring.h"

void ring_dump_csv(const ring_t *r, FILE *out, const char *label) {
    char head[16];
    strcpy(head, label);
    fprintf(out, "%s,%zu\\n", head, ring_len(r));
    for (size_t i = 0; i < ring_len(r); i++)
        fprintf(out, "%d,%f\\n", i, ring_at(r, i));
}

int ring_is_full(const ring_t *r) {
    if (r->len = r->cap) return 1;
}
"""

C_FILES = {
    "src/ring.h": RING_H, "src/ring.c": RING_C, "src/stats.h": STATS_H, "src/stats.c": STATS_BROKEN,
    "src/parse.h": PARSE_H, "src/parse.c": PARSE_BROKEN, "src/main.c": MAIN_C, "src/export.c": EXPORT_C,
    "tests/test_ring.c": TEST_C, "data.txt": "".join(f"{(i * 37) % 101 / 3:.2f}\n" for i in range(40)) + "n/a\n",
}
# the same project with its errors fixed and its warnings left
C_WARN_FILES = {"src/stats.c": STATS_OK, "src/parse.c": PARSE_OK,
                "tests/test_ring.c": TEST_C.replace('    printf("median %f\\n", ring_median(r));\n', "")}

MAKEFILE = """CC ?= gcc
CFLAGS ?= -O2 -g -Wall -Wextra -Isrc
OBJ = build/ring.o build/stats.o build/parse.o build/export.o

all: build/ringstat build/test_ring

build:
\tmkdir -p build

build/%.o: src/%.c | build
\t$(CC) $(CFLAGS) -c $< -o $@

build/ringstat: $(OBJ) build/main.o
\t$(CC) $(CFLAGS) -o $@ $^

build/test_ring: tests/test_ring.c build/ring.o build/stats.o
\t$(CC) $(CFLAGS) -o $@ $^

test: build/test_ring
\t./build/test_ring

clean:
\trm -rf build
.PHONY: all test clean
"""

CMAKE = """cmake_minimum_required(VERSION 3.16)
project(ringbuf C)
set(CMAKE_C_STANDARD 11)
add_compile_options(-Wall -Wextra -Wshadow -Wconversion)
add_library(ring STATIC src/ring.c src/stats.c src/parse.c src/export.c)
target_include_directories(ring PUBLIC src)
add_executable(ringstat src/main.c)
target_link_libraries(ringstat ring m)
add_executable(test_ring tests/test_ring.c)
target_link_libraries(test_ring ring)
enable_testing()
add_test(NAME ring COMMAND test_ring)
"""

CMAKE_BAD = """cmake_minimum_required(VERSION 3.16)
project(ringbuf VERSION 0.4.0 LANGUAGES C)
set(CMAKE_C_STANDARD 11)
option(RING_WITH_ZSTD "compress dumps" ON)
include(CheckIncludeFile)
include(CheckFunctionExists)
include(CheckSymbolExists)
foreach(h stdint.h stdatomic.h threads.h sys/mman.h sys/random.h endian.h execinfo.h malloc.h)
  string(MAKE_C_IDENTIFIER "HAVE_${h}" var)
  check_include_file(${h} ${var})
endforeach()
foreach(f posix_memalign aligned_alloc reallocarray strlcpy getrandom explicit_bzero)
  check_function_exists(${f} HAVE_${f})
endforeach()
check_symbol_exists(MAP_HUGETLB sys/mman.h HAVE_MAP_HUGETLB)
find_package(Threads REQUIRED)
find_package(PkgConfig REQUIRED)
if(RING_WITH_ZSTD)
  pkg_check_modules(ZSTD REQUIRED IMPORTED_TARGET libzstd>=1.6)
endif()
add_library(ring STATIC src/ring.c src/stats.c src/parse.c src/export.c src/compress.c)
target_include_directories(ring PUBLIC src)
target_link_libraries(ring PRIVATE PkgConfig::ZSTD)
add_executable(ringstat src/main.c)
target_link_libraries(ringstat ring m)
install(TARGETS ringstat DESTINATION bin)
"""

C_CRASH = {
    "data.txt": "".join(f"sensor-{i % 7},{i * 3 % 50}.{i % 10},{'ok' if i % 11 else 'warn'}\n" for i in range(30))
    + "sensor-9,,\n",
    "segv.c": """#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct rec { char name[16]; double value; char *status; struct rec *next; } rec_t;

static char *field(char *line, int n) {
    char *tok = strtok(line, ",");
    for (int i = 0; i < n && tok; i++) tok = strtok(NULL, ",");
    return tok;
}

static rec_t *parse(char *line) {
    rec_t *r = calloc(1, sizeof *r);
    char copy[128];
    strcpy(copy, line);
    strncpy(r->name, field(copy, 0), sizeof r->name - 1);
    strcpy(copy, line);
    r->value = atof(field(copy, 1));
    strcpy(copy, line);
    r->status = strdup(field(copy, 2));
    return r;
}

static rec_t *load(const char *path) {
    FILE *f = fopen(path, "r");
    char line[128];
    rec_t *head = NULL;
    while (fgets(line, sizeof line, f)) {
        rec_t *r = parse(line);
        r->next = head;
        head = r;
        printf("loaded %s %.1f\\n", r->name, r->value);
    }
    fclose(f);
    return head;
}

int main(int argc, char **argv) {
    rec_t *all = load(argc > 1 ? argv[1] : "data.txt");
    int n = 0;
    for (rec_t *r = all; r; r = r->next) n++;
    printf("%d records\\n", n);
    return 0;
}
""",
    "leak.c": """#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct { char *key; char *value; } pair_t;

static char *dup_upper(const char *s) {
    char *out = malloc(strlen(s) + 1);
    for (size_t i = 0; s[i]; i++) out[i] = (char)(s[i] >= 'a' && s[i] <= 'z' ? s[i] - 32 : s[i]);
    out[strlen(s)] = 0;
    return out;
}

static pair_t *make_pair(int i) {
    pair_t *p = malloc(sizeof *p);
    char buf[32];
    snprintf(buf, sizeof buf, "key-%d", i);
    p->key = dup_upper(buf);
    snprintf(buf, sizeof buf, "value-%d", i * i);
    p->value = strdup(buf);
    return p;
}

static void free_pair(pair_t *p) { free(p->key); free(p); }

int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 10;
    pair_t **all = malloc(sizeof *all * (size_t)n);
    for (int i = 0; i < n; i++) all[i] = make_pair(i);
    for (int i = 0; i < n; i += 2) free_pair(all[i]);
    char *report = malloc(256);
    snprintf(report, 256, "%d pairs, last %s", n, all[n - 1]->value);
    puts(report);
    return 0;
}
""",
    "asan.c": """#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct { int *bins; int nbins; double lo, hi; } hist_t;

static hist_t *hist_new(int nbins, double lo, double hi) {
    hist_t *h = malloc(sizeof *h);
    h->bins = calloc((size_t)nbins, sizeof(int));
    h->nbins = nbins; h->lo = lo; h->hi = hi;
    return h;
}

static void hist_add(hist_t *h, double v) {
    int b = (int)((v - h->lo) / (h->hi - h->lo) * h->nbins);
    h->bins[b]++;
}

static void fill(hist_t *h, int n) {
    for (int i = 0; i <= n; i++) hist_add(h, (double)i);
}

int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 10;
    hist_t *h = hist_new(8, 0, n);
    fill(h, n);
    for (int i = 0; i < h->nbins; i++) printf("bin %d: %d\\n", i, h->bins[i]);
    return 0;
}
""",
    "ubsan.c": """#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static int checksum(const char *s) {
    int h = 7;
    for (; *s; s++) h = h * 31 + *s;
    return h;
}

static uint32_t flags(int bit) { return 1 << bit; }

static int scale(int v, int pct) { return v * pct / 100; }

int main(void) {
    const char *names[] = {"alpha", "bravo", "charlie-delta-echo-foxtrot", "golf", "hotel-india-juliet-kilo"};
    for (int i = 0; i < 5; i++) printf("%-28s %11d\\n", names[i], checksum(names[i]));
    for (int b = 28; b < 34; b += 2) printf("flag %d = %u\\n", b, flags(b));
    int values[4] = {10, 20, 30, 40};
    int idx = 4;
    printf("scaled %d\\n", scale(INT_MAX / 2, 300));
    printf("value %d\\n", values[idx]);
    char buf[8];
    memcpy(buf, "12345678", 8);
    int *p = (int *)(buf + 1);
    printf("misaligned %d\\n", *p);
    return 0;
}
""",
    "ring_check.c": """#include <assert.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct { int *slot; unsigned head, len, cap; } ring_t;

static void push(ring_t *r, int v) {
    r->slot[(r->head + r->len) % r->cap] = v;
    if (r->len < r->cap) r->len++;
    else r->head = (r->head + 1) % r->cap;
}

static int at(const ring_t *r, unsigned i) {
    assert(i < r->len && "index past the end of the ring");
    return r->slot[(r->head + i) % r->cap];
}

int main(int argc, char **argv) {
    setvbuf(stdout, NULL, _IOLBF, 0);
    unsigned cap = argc > 1 ? (unsigned)atoi(argv[1]) : 8;
    ring_t r = {calloc(cap, sizeof(int)), 0, 0, cap};
    for (int i = 0; i < 100; i++) push(&r, i * i);
    for (unsigned i = 0; i <= r.len; i++) printf("slot %3u = %6d\\n", i, at(&r, i));
    return 0;
}
""",
}
