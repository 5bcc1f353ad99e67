"""Round 29, native code: googletest and Catch2 binaries over a rate limiter and a ring buffer written here with bugs
put in (tests widened by a seeded generator), valgrind DRD on a racy counter and DHAT on a growing
index, gcc -fanalyzer on a small C ledger with leaks and a double free, lcov --list over a generated C module set,
cargo doc on a crate with broken intra-doc links, gawk --lint on a report script, and Tcl's tcltest on a small
inventory package. Rules: NEEDLES.md ("Round 29"). Run through capture_wide29.py."""

from __future__ import annotations

import random
import re
from pathlib import Path

from capture_data import rule4
from capture_more import groups, kind, mask, next_match, run, write_tree
from capture_wide24 import diag
from capture_wide29 import cap

# ------------------------------------------------------------------ googletest and Catch2

LIMITER_H = r'''#pragma once
#include <cstddef>
#include <cstdint>
#include <deque>
#include <stdexcept>
#include <string>

// A sliding-window rate limiter: at most `limit` events per `window` ticks.
class Limiter {
public:
    Limiter(int limit, int64_t window) : limit_(limit), window_(window) {
        if (limit <= 0) throw std::invalid_argument("limit must be positive");
    }
    bool allow(int64_t now) {
        while (!seen_.empty() && seen_.front() < now - window_) seen_.pop_front();  // bug: keeps the edge event
        if ((int)seen_.size() > limit_) return false;                                // bug: > instead of >=
        seen_.push_back(now);
        return true;
    }
    std::size_t pending() const { return seen_.size(); }
private:
    int limit_;
    int64_t window_;
    std::deque<int64_t> seen_;
};

// A fixed ring buffer of ints.
class Ring {
public:
    explicit Ring(std::size_t cap) : buf_(cap), cap_(cap) {}
    void push(int v) { buf_[head_] = v; head_ = (head_ + 1) % cap_; if (size_ < cap_) ++size_; }
    int oldest() const {
        if (size_ == 0) throw std::out_of_range("empty ring");
        return buf_[(head_ + cap_ - size_ + 1) % cap_];   // bug: +1
    }
    std::size_t size() const { return size_; }
    std::string dump() const {
        std::string s;
        for (std::size_t i = 0; i < size_; ++i) s += std::to_string(buf_[i]) + (i + 1 < size_ ? "," : "");
        return s;
    }
private:
    std::vector<int> buf_;
    std::size_t cap_, head_ = 0, size_ = 0;
};
'''


def gtest_source(rng: random.Random) -> str:
    out = ['#include <vector>', '#include "limiter.h"', '#include <gtest/gtest.h>', '']
    for t in range(24):
        limit, window = rng.randint(2, 6), rng.choice([10, 60, 100])
        n = rng.randint(limit - 1, limit + 2)
        step = rng.choice([1, 2, window // limit])
        want = sum(1 for i in range(n) if sum(1 for j in range(i) if i * step - j * step <= window) < limit)
        out += [f'TEST(LimiterTest, Window{window}Limit{limit}Events{n}Step{step}) {{',
                f'    Limiter l({limit}, {window});', '    int allowed = 0;',
                f'    for (int i = 0; i < {n}; ++i) allowed += l.allow(i * {step});',
                f'    EXPECT_EQ(allowed, {want}) << "limit {limit} per {window} ticks";', '}', '']
    for t in range(12):
        cap_, pushes = rng.randint(2, 6), rng.randint(1, 9)
        vals = [rng.randint(1, 99) for _ in range(pushes)]
        body = "".join(f" r.push({v});" for v in vals)
        out += [f'TEST(RingTest, Cap{cap_}Push{pushes}_{t}) {{', f'    Ring r({cap_});{body}',
                f'    ASSERT_EQ(r.size(), {min(cap_, pushes)}u);', f'    EXPECT_EQ(r.oldest(), {vals[-min(cap_, pushes)]});', '}', '']
    out += ['TEST(RingTest, EmptyThrows) { Ring r(3); EXPECT_THROW(r.oldest(), std::out_of_range); }',
            'TEST(LimiterTest, ZeroLimitThrows) { EXPECT_THROW(Limiter(0, 10), std::logic_error); }',
            'TEST(LimiterTest, NegativeLimitThrows) { EXPECT_NO_THROW(Limiter(-1, 10)); }', '']
    return "\n".join(out)


def catch2_source(rng: random.Random) -> str:
    out = ['#define CATCH_CONFIG_MAIN', '#include <catch2/catch.hpp>', '#include <vector>', '#include "limiter.h"', '']
    for t in range(16):
        cap_ = rng.randint(2, 5)
        vals = [rng.randint(1, 50) for _ in range(rng.randint(1, 8))]
        out += [f'TEST_CASE("ring of {cap_} after {len(vals)} pushes ({t})", "[ring]") {{', f'    Ring r({cap_});']
        out += [f'    r.push({v});' for v in vals]
        out += [f'    SECTION("size") {{ REQUIRE(r.size() == {min(cap_, len(vals))}); }}',
                f'    SECTION("oldest") {{ CHECK(r.oldest() == {vals[-min(cap_, len(vals))]}); }}',
                f'    SECTION("dump") {{ CHECK(r.dump() == "{",".join(map(str, vals[-min(cap_, len(vals)):]))}"); }}', '}', '']
    for t in range(10):
        limit = rng.randint(2, 5)
        out += [f'TEST_CASE("limiter allows {limit} in a burst ({t})", "[limiter]") {{', f'    Limiter l({limit}, 100);',
                '    int ok = 0;', f'    for (int i = 0; i < {limit + 2}; ++i) ok += l.allow(i);',
                f'    REQUIRE(ok == {limit});', '    CHECK(l.pending() <= 100u);', '}', '']
    out += ['TEST_CASE("empty ring throws", "[ring]") { Ring r(2); REQUIRE_THROWS_AS(r.oldest(), std::out_of_range); }', '']
    return "\n".join(out)


@kind("gtest", "test")
def n_gtest(lines):
    """Rule 2: every [  FAILED  ] line, each ': Failure' location line with the two lines after it, [  PASSED  ], N FAILED TESTS and the ran-count line."""
    out = []
    for i, ln in enumerate(lines):
        if ln.startswith(("[  FAILED  ]", "[  PASSED  ]")) or re.search(r"\d+ FAILED TESTS?", ln) \
                or (ln.startswith("[==========]") and " ran." in ln):
            out.append(ln)
        if ln.endswith(": Failure") or re.search(r":\d+: Failure$", ln):
            out += [ln] + [x for x in lines[i + 1:i + 3] if x.strip()]
    return out


@kind("catch2", "test")
def n_catch2(lines):
    """Rule 2: each failing test case's name under the dashed header, every FAILED: location line with the line after it, each 'with expansion:' value, the test cases: and assertions: lines."""
    out, name = [], None
    for i, ln in enumerate(lines):
        if re.match(r"^-{40,}$", ln) and i + 1 < len(lines) and not re.match(r"^-{40,}$|^\S+:\d+$", lines[i + 1]) \
                and (i == 0 or not re.match(r"^-{40,}$", lines[i - 1])) and lines[i + 1].strip():
            name = lines[i + 1]
        if re.search(r":\d+: FAILED:$", ln):
            out += [name, ln, lines[i + 1] if i + 1 < len(lines) else None]
        if ln.strip() == "with expansion:" and i + 1 < len(lines):
            out.append(lines[i + 1])
        if re.match(r"^(test cases|assertions):", ln):
            out.append(ln)
    return out


def cpp_tests(tmp: Path) -> None:
    root = tmp / "limiter"
    write_tree(root, {"limiter.h": LIMITER_H, "limiter_test.cc": gtest_source(random.Random(2901)),
                      "ring_catch.cc": catch2_source(random.Random(2902))})
    run("sed -i 's/#include <deque>/#include <deque>\\n#include <vector>/' limiter.h", cwd=root)
    run("g++ -std=c++17 -O1 -o limiter_test limiter_test.cc -lgtest -lgtest_main -pthread", cwd=root, timeout=300)
    cap("gtest-limiter", "./limiter_test", root, n_gtest)
    cap("gtest-limiter-brief", "./limiter_test --gtest_brief=1 --gtest_filter='RingTest.*'", root, n_gtest)
    run("g++ -std=c++17 -O0 -o ring_catch ring_catch.cc", cwd=root, timeout=400)
    cap("catch2-ring", "./ring_catch", root, n_catch2)


# ------------------------------------------------------------------ valgrind: DRD and DHAT

RACE_C = r'''#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

struct stats { long hits, misses; double mean; };
static struct stats shared;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static int cache[64];

static void record(long v) {
    shared.hits += v & 1;             /* unsynchronised */
    shared.misses += !(v & 1);        /* unsynchronised */
    shared.mean = (shared.mean * 7 + v) / 8;
}

static void *worker(void *arg) {
    long id = (long)arg;
    for (long i = 0; i < 200; i++) {
        record(i * id);
        if (i % 50 == 0) { pthread_mutex_lock(&lock); cache[i % 64] = (int)i; pthread_mutex_unlock(&lock); }
        cache[(i + id) % 64]++;       /* outside the lock */
    }
    if (id == 3) pthread_mutex_unlock(&lock);   /* unlocks a mutex it does not hold */
    return NULL;
}

int main(void) {
    pthread_t t[4];
    for (long i = 0; i < 4; i++) pthread_create(&t[i], NULL, worker, (void *)i);
    for (int i = 0; i < 4; i++) pthread_join(t[i], NULL);
    printf("hits=%ld misses=%ld mean=%.2f\n", shared.hits, shared.misses, shared.mean);
    return 0;
}
'''

INDEX_C = r'''#include <stdlib.h>
#include <string.h>
#include <stdio.h>

typedef struct { char *key; int *postings; int n, cap; } term;
static term *terms; static int nterms, tcap;

static term *intern(const char *k) {
    for (int i = 0; i < nterms; i++) if (!strcmp(terms[i].key, k)) return &terms[i];
    if (nterms == tcap) { tcap = tcap ? tcap * 2 : 16; terms = realloc(terms, tcap * sizeof *terms); }
    terms[nterms].key = strdup(k); terms[nterms].postings = NULL; terms[nterms].n = terms[nterms].cap = 0;
    return &terms[nterms++];
}

static void post(term *t, int doc) {
    if (t->n == t->cap) { t->cap = t->cap ? t->cap + 8 : 8; t->postings = realloc(t->postings, t->cap * sizeof(int)); }
    t->postings[t->n++] = doc;
}

static char *load_doc(int d) { char *b = malloc(4096); snprintf(b, 4096, "doc %d", d); return b; }

int main(void) {
    char word[32];
    char **docs = malloc(3000 * sizeof *docs);
    for (int d = 0; d < 3000; d++) {
        docs[d] = load_doc(d);                       /* kept for the whole run */
        for (int w = 0; w < 40; w++) { snprintf(word, sizeof word, "w%d", (d * 31 + w * 7) % 900); post(intern(word), d); }
    }
    printf("%d terms\n", nterms);
    for (int d = 0; d < 3000; d += 2) free(docs[d]);
    return 0;
}
'''


@kind("valgrind-drd", "log")
def n_drd(lines):
    """Rule 1: Conflicting access and lock-error lines with their first 'at' frame, one {"any"} per (report kind, innermost function) of each; the ERROR SUMMARY line."""
    heads, frames, out = [], [], []
    for i, ln in enumerate(lines):
        body = re.sub(r"^==\d+== ", "", ln)
        if re.match(r"(Conflicting (load|store)|.*mutex|.*lock)", body, re.I) and not body.startswith(("at ", "by ", " ")):
            at = next_match(lines, i, r"==\d+==\s+at 0x", 4)
            fn = re.search(r"at 0x[0-9A-F]+: (\S+)", at or "")
            key = (mask(re.sub(r"thread \d+|0x[0-9a-f]+|size \d+", "", body)), fn.group(1) if fn else "")
            heads.append((key, ln))
            if at:
                frames.append((key, at))
        if "ERROR SUMMARY" in ln:
            out.append(ln)
    return out + groups(heads) + groups(frames)


@kind("valgrind-dhat", "log")
def n_dhat(lines):
    """Rule 5: the Total:, At t-gmax:, At t-end:, Reads: and Writes: lines."""
    return [ln for ln in lines if re.match(r"^==\d+== (Total|At t-gmax|At t-end|Reads|Writes):", ln)]


def valgrind(tmp: Path) -> None:
    root = tmp / "vg"
    write_tree(root, {"race.c": RACE_C, "index.c": INDEX_C})
    run("gcc -g -O0 -pthread -o race race.c && gcc -g -O0 -o index index.c", cwd=root, timeout=120)
    cap("valgrind-drd-race", "valgrind --tool=drd ./race", root, n_drd, timeout=300)
    cap("valgrind-dhat-index", "valgrind --tool=dhat --dhat-out-file=dhat.out ./index", root, n_dhat, timeout=300)


# ------------------------------------------------------------------ gcc -fanalyzer, lcov

LEDGER_C = r'''#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct entry { char *memo; long cents; struct entry *next; } entry;

entry *entry_new(const char *memo, long cents) {
    entry *e = malloc(sizeof *e);
    e->memo = strdup(memo);             /* e may be NULL */
    e->cents = cents;
    e->next = NULL;
    return e;
}

void entry_free(entry *e) { free(e->memo); free(e); }

long ledger_total(entry *head) {
    long t = 0;
    for (entry *e = head; e; e = e->next) t += e->cents;
    return t;
}

int ledger_load(const char *path, entry **out) {
    FILE *f = fopen(path, "r");
    char line[256];
    entry *head = NULL;
    if (!f) return -1;
    while (fgets(line, sizeof line, f)) {
        char *memo = malloc(200);
        long cents;
        if (sscanf(line, "%199[^,],%ld", memo, &cents) != 2) return -2;   /* leaks memo, f and the list */
        entry *e = entry_new(memo, cents);
        e->next = head;
        head = e;
        free(memo);
    }
    fclose(f);
    *out = head;
    return 0;
}

void ledger_drop_first(entry **head) {
    entry *e = *head;
    *head = e->next;
    entry_free(e);
    if (e->cents < 0) entry_free(e);    /* use after free, then double free */
}

char *ledger_report(entry *head) {
    char *buf = malloc(64);
    snprintf(buf, 64, "total %ld", ledger_total(head));
    if (ledger_total(head) == 0) return NULL;   /* leaks buf */
    return buf;
}
'''


@kind("gcc-fanalyzer", "build")
def n_fanalyzer(lines):
    """Rule 1: every error line with its location; -Wanalyzer warnings one {"any"} per (code, file) over their warning lines."""
    out, pairs = [], []
    for ln in lines:
        if re.search(r": (fatal )?error: ", ln):
            out.append(ln)
        m = re.match(r"^(\S+?):\d+:\d+: warning: .*\[(-W[\w=-]+)\]$", ln)
        if m:
            pairs.append(((m.group(2), m.group(1)), ln))
    return out + groups(pairs)


@kind("lcov-list", "table")
def n_lcov(lines):
    """Rules 4+5: the header, the rows with the lowest and highest line rate, the Total: row, the summary's lines / functions lines."""
    hdr = next((ln for ln in lines if re.match(r"^\s*Filename\s*\|", ln)), None)
    rows = []
    for ln in lines:
        m = re.match(r"^\s*(\S+)\s*\|\s*([\d.]+)%\s+(\d+)\s*\|", ln)
        if m and "Total:" not in ln:
            rows.append((ln, {"rate": m.group(2)}))
    out = rule4(rows, nums=["rate"], header=[hdr] if hdr else [])
    return out + [ln for ln in lines if "Total:" in ln or re.match(r"^\s+(lines|functions)\.+:", ln)]


def modules_c(rng: random.Random) -> dict[str, str]:
    files, calls = {}, []
    for m in range(28):
        fns = []
        for f in range(rng.randint(3, 8)):
            name = f"m{m:02d}_f{f}"
            branches = "\n".join(f"    if (x % {k + 2} == {rng.randint(0, k + 1)}) x += {rng.randint(1, 9)};"
                                 for k in range(rng.randint(1, 6)))
            fns.append(f"int {name}(int x) {{\n{branches}\n    return x;\n}}\n")
            if rng.random() < 0.55:
                calls.append(f"    acc += {name}(acc + {rng.randint(0, 50)});")
        files[f"src/mod{m:02d}.c"] = "\n".join(fns)
        files[f"src/mod{m:02d}.h"] = "\n".join(ln.split("{")[0].strip() + ";" for ln in fns) + "\n"
    inc = "".join(f'#include "mod{m:02d}.h"\n' for m in range(28))
    files["src/main.c"] = inc + "#include <stdio.h>\nint main(void) {\n    int acc = 1;\n" + "\n".join(calls) + \
        '\n    printf("%d\\n", acc);\n    return 0;\n}\n'
    return files


def c_checks(tmp: Path) -> None:
    root = tmp / "cledger"
    write_tree(root, {"ledger.c": LEDGER_C})
    cap("gcc-fanalyzer-ledger", "gcc -fanalyzer -c -O0 ledger.c -o ledger.o", root, n_fanalyzer, timeout=300)
    cov = tmp / "covmods"
    write_tree(cov, modules_c(random.Random(2903)))
    run("gcc --coverage -O0 -o app src/*.c && ./app && lcov -q --capture --directory . -o coverage.info",
        cwd=cov, timeout=300)
    cap("lcov-list-modules", "lcov --list coverage.info && lcov --summary coverage.info", cov, n_lcov)


# ------------------------------------------------------------------ cargo doc

CRATE_LIB = r'''//! Timetable: ferry departures, with links to [`Departure`] and [`Harbour::next`].
//! See https://example.org/ferries for the source data.
#![warn(missing_docs)]

pub mod fares;

/// A scheduled departure. Use [`Timetable::add`] to register one, and [`Timetable::cancel`] to drop it.
pub struct Departure {
    /// Minutes after midnight.
    pub at: u32,
    pub route: String,
    pub berth: u8,
}

/// The day's departures, see [`Departures`] and [crate::fares::Fare].
pub struct Timetable { deps: Vec<Departure> }

impl Timetable {
    /// An empty timetable.
    pub fn new() -> Self { Timetable { deps: Vec::new() } }
    pub fn add(&mut self, d: Departure) { self.deps.push(d) }
    /// The next departure at or after `now`, see [`Self::first_after`].
    pub fn next(&self, now: u32) -> Option<&Departure> { self.deps.iter().filter(|d| d.at >= now).min_by_key(|d| d.at) }
    /// Departures of <route> in order. Returns a `Vec<&Departure>`.
    pub fn on_route(&self, route: &str) -> Vec<&Departure> { self.deps.iter().filter(|d| d.route == route).collect() }
}

/// Harbour berths; the [`Berth`] type is not public.
pub struct Harbour { pub name: String }
'''

CRATE_FARES = r'''//! Fares by zone, <b>in cents.
use std::collections::HashMap;

/// A fare, see [`Zone`] and [`super::Timetable::fare_for`].
pub struct Fare { pub cents: u32 }

pub fn table() -> HashMap<&'static str, Fare> {
    let mut t = HashMap::new();
    t.insert("inner", Fare { cents: 320 });
    t.insert("outer", Fare { cents: 540 });
    t
}

/// Applies a discount; see http://example.org/discounts and [`table`].
///
/// ```
/// assert_eq!(timetable::fares::discounted(100, 10), 90)
/// ```
pub fn discounted(cents: u32, pct: u32) -> u32 { cents - cents * pct / 100 }

/// [`Fare`]s for a list of zones, in [order](self::order).
pub fn fares(zones: &[&str]) -> Vec<u32> { zones.iter().map(|z| table().get(z).map(|f| f.cents).unwrap_or(0)).collect() }
'''


@kind("cargo-doc", "build")
def n_cargo_doc(lines):
    """Rules 1+3: every error with its --> location; warnings one {"any"} per (lint or message shape, file) over their warning and location lines; generated N warnings, Finished and Generated lines."""
    out, pairs = [], []
    for i, ln in enumerate(lines):
        if re.match(r"^error(\[E\d+\])?: ", ln):
            out += [ln, next_match(lines, i, r"^\s*--> ")]
        elif re.match(r"^warning: ", ln) and not re.search(r"generated \d+ warnings?", ln):
            loc = next_match(lines, i, r"^\s*--> ", 3)
            lint = next_match(lines, i, r"= note: `#\[warn\((\S+)\)\]`", 12)
            f = re.search(r"--> ([^:]+)", loc or "")
            key = (re.search(r"warn\((\S+?)\)", lint).group(1) if lint else mask(ln), f.group(1) if f else "")
            pairs += [(key, ln)] + ([(key, loc)] if loc else [])
        if re.search(r"generated \d+ warnings?|^\s*Finished |^\s*Generated ", ln):
            out.append(ln)
    return out + groups(pairs)


def cargo_doc(tmp: Path) -> None:
    root = tmp / "timetable"
    write_tree(root, {"Cargo.toml": '[package]\nname = "timetable"\nversion = "0.3.0"\nedition = "2021"\n\n[dependencies]\n',
                      "src/lib.rs": CRATE_LIB, "src/fares.rs": CRATE_FARES})
    cap("cargo-doc-timetable", "cargo doc --no-deps --document-private-items", root, n_cargo_doc, timeout=300)


# ------------------------------------------------------------------ gawk --lint, tcltest

REPORT_AWK = r'''# shipping report: totals per carrier and the late parcels
BEGIN { FS = ","; OFS = "\t"; late_limit = 48 }
NR == 1 { next }
{
    carrier = $3; hours = $5
    total[carrier] += $4
    count[carrier]++
    if (hours > late_limt) late[carrier]++          # typo: late_limt
    if (length(notes) > 0) print "note:", notes     # never set
    weight = $4 + 0; w[$1] = weight
    if ($6 = "returned") returned++                  # assignment in a condition
    substr($2, 0, 4)                                 # result discarded
}
function pct(a, b) { return b ? 100 * a / b : 0 }
function unused_helper(x, y) { return x y }
END {
    for (c in total) printf "%s\t%d\t%.1f%%\n", c, total[c], pct(late[c], count[c]), extra
    print "returned", returned, "of", NR - 1
    close("nonexistent.txt")
    getline line < "missing.csv"
}
'''


@kind("gawk-lint", "lint")
def n_gawk(lines):
    """Rule 1: every fatal/error line; warnings one {"any"} per (message shape, file)."""
    out, pairs = [], []
    for ln in lines:
        if re.search(r"\b(fatal|error)\b", ln) and "warning:" not in ln:
            out.append(ln)
            continue
        m = re.match(r"^gawk: (?:([^:]+):\d+: )?(?:\(FILENAME=\S+ FNR=\d+\) )?warning: (.*)", ln)
        if m:
            pairs.append(((m.group(1) or "", mask(re.sub(r"`[^']*'", "<q>", m.group(2)))), ln))
    return out + groups(pairs)


INVENTORY_TCL = r'''namespace eval inventory {
    variable stock [dict create]
    proc add {sku qty} {
        variable stock
        if {$qty < 0} { error "negative quantity for $sku" }
        dict incr stock $sku $qty
        return [dict get $stock $sku]
    }
    proc take {sku qty} {
        variable stock
        set have [expr {[dict exists $stock $sku] ? [dict get $stock $sku] : 0}]
        if {$qty > $have + 1} { error "only $have of $sku" }   ;# bug: + 1
        dict set stock $sku [expr {$have - $qty}]
        return [dict get $stock $sku]
    }
    proc value {prices} {
        variable stock
        set v 0
        dict for {sku n} $stock { set v [expr {$v + $n * [dict get $prices $sku]}] }
        return [format %.2f $v]
    }
    proc reset {} { variable stock; set stock [dict create] }
}
'''


def tcl_tests(rng: random.Random) -> str:
    out = ["package require tcltest", "namespace import ::tcltest::*", "source [file join [file dirname [info script]] inventory.tcl]", ""]
    for t in range(80):
        sku = f"SKU-{rng.randint(100, 999)}"
        a = rng.randint(1, 20)
        b = rng.randint(max(1, a - 3), a + 2)
        want = a - b if b <= a else f"only {a} of {sku}"
        if b <= a:
            out.append(f"test take-{t}.1 {{take {b} of {a} {sku}}} -setup {{inventory::reset}} -body {{\n"
                       f"    inventory::add {sku} {a}\n    inventory::take {sku} {b}\n}} -result {want}\n")
        else:
            out.append(f"test take-{t}.2 {{take {b} of {a} {sku} fails}} -setup {{inventory::reset}} -body {{\n"
                       f"    inventory::add {sku} {a}\n    inventory::take {sku} {b}\n}} -returnCodes error -result {{{want}}}\n")
    out.append("test value-1 {stock value} -setup {inventory::reset} -body {\n    inventory::add A 3\n    inventory::add B 2\n"
               "    inventory::value {A 1.25 B 0.10 C 9}\n} -result 3.95\n")
    out.append("test value-2 {missing price} -setup {inventory::reset} -body {\n    inventory::add Z 1\n"
               "    inventory::value {A 1}\n} -returnCodes error -result {key \"Z\" not known in dictionary}\n")
    out.append("test add-neg {negative add} -body {inventory::add Q -4} -returnCodes error -result {negative qty for Q}\n")
    out.append("cleanupTests")
    return "\n".join(out)


ALL_TCL = '''package require tcltest
namespace import ::tcltest::*
configure -testdir [file dirname [file normalize [info script]]] {*}$argv
runAllTests
'''


@kind("tcltest", "test")
def n_tcltest(lines):
    """Rule 2: every ==== <test> FAILED line and the first ---- line after it, the Total ... Failed line, Files with failing tests:."""
    out = []
    for i, ln in enumerate(lines):
        if re.match(r"^==== \S+ .*FAILED$", ln) and not re.match(r"^==== \S+ FAILED$", ln):
            out += [ln, next_match(lines, i, r"^---- ", 40)]
        elif re.match(r"^==== \S+ FAILED$", ln) and not any(o and o.startswith(ln[:-6]) for o in out[-2:]):
            out.append(ln)
        if re.search(r"Total\s+\d+\s+Passed\s+\d+", ln) or ln.startswith("Files with failing tests:"):
            out.append(ln)
    return out


def scripts(tmp: Path) -> None:
    root = tmp / "ship"
    rng = random.Random(2904)
    rows = ["id,dest,carrier,weight,hours,status"] + [
        f"P{i:05d},{rng.choice(['Oslo', 'Bergen', 'Tromso', 'Bodo'])},{rng.choice(['postnord', 'bring', 'dhl'])},"
        f"{rng.randint(1, 30)},{rng.randint(2, 90)},{rng.choice(['delivered'] * 8 + ['returned', 'lost'])}" for i in range(120)]
    write_tree(root, {"report.awk": REPORT_AWK, "shipments.csv": "\n".join(rows) + "\n"})
    cap("gawk-lint-report", "gawk --lint -f report.awk shipments.csv", root, n_gawk)
    inv = tmp / "inventory"
    write_tree(inv, {"tests/inventory.tcl": INVENTORY_TCL, "tests/take.test": tcl_tests(random.Random(2905)),
                     "tests/all.tcl": ALL_TCL})
    cap("tcltest-inventory", "tclsh tests/all.tcl -verbose bpe", inv, n_tcltest)


STEPS = [cpp_tests, valgrind, c_checks, cargo_doc, scripts]
