"""Round 19, second looks at the same projects, as an agent takes them after a first failing run: prove -v, phpunit
--testdox, rubocop, cppcheck and clang-tidy over the C library, valgrind memcheck with invalid reads, gdb on
a crashing worker thread, and go test -race. Runs after the other round-19 steps (it reuses their project dirs). Every
kind's rule is an earlier round's. Run through capture_wide19.py."""

from __future__ import annotations

from pathlib import Path

from capture_more import n_cppcheck, run, write_tree
from capture_wide import n_gdb, n_go_race, n_prove, n_valgrind
from capture_wide10_langs import n_phpunit, n_rubocop
from capture_wide13_langs3 import n_clang_tidy
from capture_wide19 import cap, tabs
from capture_wide19_go import go_project
from capture_wide19_sys_c import C_FILES, C_WARN_FILES

MEMCHECK_C = """#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct { char *name; int *scores; int n; } player_t;

static player_t *player_new(const char *name, int n) {
    player_t *p = malloc(sizeof *p);
    p->name = malloc(strlen(name));
    strcpy(p->name, name);
    p->scores = malloc(sizeof(int) * (size_t)n);
    p->n = n;
    for (int i = 1; i < n; i++) p->scores[i] = i * 10;
    return p;
}

static int best(const player_t *p) {
    int b = p->scores[0];
    for (int i = 1; i <= p->n; i++) if (p->scores[i] > b) b = p->scores[i];
    return b;
}

int main(void) {
    const char *names[] = {"ada", "grace", "linus", "margaret"};
    player_t *ps[4];
    for (int i = 0; i < 4; i++) ps[i] = player_new(names[i], 3 + i);
    for (int i = 0; i < 4; i++) {
        if (best(ps[i]) > 40) printf("%s is above 40\\n", ps[i]->name);
        else printf("%s best %d\\n", ps[i]->name, best(ps[i]));
    }
    for (int i = 0; i < 4; i += 2) { free(ps[i]->scores); free(ps[i]); }
    return 0;
}
"""

THREADS_C = """#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct { int id; const char *job; long done; } worker_t;

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static long total;

static size_t job_len(const char *job) { return strlen(job); }

static void *work(void *arg) {
    worker_t *w = arg;
    for (int i = 0; i < 1000; i++) {
        pthread_mutex_lock(&mu);
        total += (long)job_len(w->job);
        pthread_mutex_unlock(&mu);
        w->done++;
        if (i % 250 == 0) usleep(1000);
    }
    return NULL;
}

int main(void) {
    const char *jobs[] = {"resize", "thumbnail", NULL, "upload"};
    pthread_t t[4];
    worker_t w[4];
    for (int i = 0; i < 4; i++) {
        w[i] = (worker_t){i, jobs[i], 0};
        pthread_create(&t[i], NULL, work, &w[i]);
    }
    for (int i = 0; i < 4; i++) pthread_join(t[i], NULL);
    printf("total %ld\\n", total);
    return 0;
}
"""

# a cache in front of the store, written without the store's lock: the race go test -race reports
GO_CACHE = """package store

// Cache memoizes Top for readers that ask often.
type Cache struct {
    s    *Store
    last []string
    hits int
}

func NewCache(s *Store) *Cache { return &Cache{s: s} }

func (c *Cache) Top(n int) []string {
    if c.last != nil && len(c.last) >= n {
        c.hits++
        return c.last[:n]
    }
    c.last = c.s.Top(n)
    return c.last
}
"""

GO_CACHE_TEST = """package store

import (
    "fmt"
    "sync"
    "testing"
)

func TestCacheConcurrent(t *testing.T) {
    s := New()
    for i := 0; i < 20; i++ {
        s.Add(fmt.Sprintf("c%02d", i), float64(i))
    }
    c := NewCache(s)
    var wg sync.WaitGroup
    for g := 0; g < 8; g++ {
        wg.Add(1)
        go func(g int) {
            defer wg.Done()
            for k := 0; k < 50; k++ {
                if top := c.Top(3); len(top) != 3 {
                    t.Errorf("goroutine %d: Top(3) = %v", g, top)
                }
            }
        }(g)
    }
    wg.Wait()
    if c.hits == 0 {
        t.Error("no cache hits")
    }
}
"""


def cap_second_runs(tmp: Path) -> None:
    """Second runs on the dirs the earlier steps left (each is skipped, loudly, when its dir is missing)."""
    if (tmp / "perlinv").exists():
        cap("prove-lv-inventory", "prove -lv t/", tmp / "perlinv", n_prove)
    if (tmp / "rates").exists():
        cap("phpunit-testdox-rates", "phpunit --testdox", tmp / "rates", n_phpunit, timeout=300)
    if (tmp / "shelf").exists():
        cap("rubocop-shelf", "rubocop lib test spec bin", tmp / "shelf", n_rubocop, timeout=300)


def cap_c_checks(tmp: Path) -> None:
    d = tmp / "ringbuf-lint"
    write_tree(d, {**C_FILES, **C_WARN_FILES})
    cap("cppcheck-ringbuf", "cppcheck --enable=all --inconclusive --suppress=missingIncludeSystem -Isrc src tests",
        d, n_cppcheck, timeout=300)
    cap("clang-tidy-ringbuf", "clang-tidy src/*.c -checks='bugprone-*,cert-*,clang-analyzer-*,readability-*' -- -Isrc",
        d, n_clang_tidy, timeout=600)
    c = tmp / "crash2"
    write_tree(c, {"memcheck.c": MEMCHECK_C, "threads.c": THREADS_C})
    run("gcc -g -O0 -o memcheck memcheck.c && gcc -g -O0 -pthread -o workers threads.c", cwd=c)
    cap("valgrind-memcheck-players", "valgrind --track-origins=yes ./memcheck", c, n_valgrind, timeout=300)
    cap("gdb-thread-apply-all-bt", "gdb -batch -ex run -ex 'thread apply all bt' ./workers", c, n_gdb, timeout=300)


def cap_go_race(tmp: Path) -> None:
    d = tmp / "ledger-race"
    go_project(d)
    write_tree(d, {"store/cache.go": tabs(GO_CACHE), "store/cache_test.go": tabs(GO_CACHE_TEST)})
    env = {"GOCACHE": str(tmp / "gocache"), "GOPATH": str(tmp / "gopath")}
    cap("go-test-race-store", "go test -race ./store/", d, n_go_race, timeout=600, env=env)


STEPS = [cap_second_runs, cap_c_checks, cap_go_race]
