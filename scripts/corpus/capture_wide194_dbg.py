"""Round 194: lldb in batch mode (crash backtraces, every thread, frame variables, register reads, breakpoint
sessions), elfutils' eu-stack on a deadlocked process, and zzuf over a header parser, on C programs of the round's own
with faults put in, with the extractors of NEEDLES.md's "Round 194" rules. Run through capture_wide194.py."""

from __future__ import annotations

import random
import re
import time
from pathlib import Path

import capture_more as cm
from capture_more import groups, mask, run, write_tree
from capture_wide194 import OWN_WORDS, cap, exit_lines

# ------------------------------------------------------------------ programs

LEDGER_C = r"""#include <assert.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* a toy double-entry ledger; argv[1] picks the fault put in, argv[2] how many accounts */
typedef struct account {
    int id;
    char owner[24];
    long balance_cents;
    struct account *next;
    struct account *parent;
} account;

typedef struct {
    long hist[16];
    unsigned canary;
    int batches;
} stats_t;

typedef struct {
    int worker;
    int n;
    long posted;
    long fee_divisor;
} job_t;

static const char *NAMES[] = {"ada", "brook", "cyril", "dagny", "emeka", "farah", "gus", "hana", "ivo", "juno"};
static pthread_mutex_t journal_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t totals_lock = PTHREAD_MUTEX_INITIALIZER;
static long grand_total;
static unsigned rng = 194u;

static unsigned next_rand(void) { rng = rng * 1103515245u + 12345u; return (rng >> 8) & 0xffffff; }

static account *open_accounts(int n, int cut_at) {
    account *head = NULL, *tail = NULL;
    for (int i = 0; i < n; i++) {
        account *a = calloc(1, sizeof *a);
        a->id = 1000 + i;
        snprintf(a->owner, sizeof a->owner, "%s-%03d", NAMES[next_rand() % 10], i);
        a->balance_cents = (long)(next_rand() % 500000) - 100000;
        a->parent = (i % 7 == 0 || !tail) ? NULL : tail;
        if (i == cut_at) a->parent = NULL;
        if (!head) head = a; else tail->next = a;
        tail = a;
    }
    return head;
}

static long settle(account *a) {
    long owed = a->balance_cents < 0 ? -a->balance_cents : 0;
    return owed + a->parent->balance_cents / 100;   /* BP:settle */
}

static long post_batch(account *head, int batch, int strict) {
    long sum = 0;
    for (account *a = head; a; a = a->next) {
        if (strict || a->parent) sum += settle(a);
        if (a->id % 50 == 0)
            printf("batch %3d account %d %-12s balance %9.2f running %ld\n", batch, a->id, a->owner,
                   a->balance_cents / 100.0, sum);
    }
    return sum;
}

static void bucket(stats_t *st, long cents) {
    int b = (int)(cents / 40000) + 3;            /* -100000..400000 -> 0..13, but 16 is reachable */
    if (b < 0) b = 0;
    st->hist[b]++;                                 /* BP:bucket */
}

static void *worker(void *arg) {
    job_t *j = arg;
    for (int k = 0; k < j->n; k++) {
        long v = (long)(next_rand() % 9000);
        if (k == j->n - 3) j->fee_divisor -= j->worker == 3 ? 1 : 0;
        long fee = v / j->fee_divisor;
        j->posted += v - fee;
        if (k % 40 == 0) {
            printf("worker %d posted %5d entries subtotal %ld fee %ld\n", j->worker, k, j->posted, fee);
            fflush(stdout);
        }
    }
    pthread_mutex_lock(&totals_lock);
    grand_total += j->posted;
    pthread_mutex_unlock(&totals_lock);
    return NULL;
}

static void *reconciler(void *arg) {
    job_t *j = arg;
    pthread_mutex_t *first = j->worker % 2 ? &journal_lock : &totals_lock;
    pthread_mutex_t *second = j->worker % 2 ? &totals_lock : &journal_lock;
    for (int k = 0;; k++) {
        pthread_mutex_lock(first);
        usleep(1000 + 300 * j->worker);
        pthread_mutex_lock(second);              /* lock order differs between odd and even reconcilers */
        j->posted += k;
        pthread_mutex_unlock(second);
        pthread_mutex_unlock(first);
        if (k % 5 == 0) { printf("reconciler %d pass %d ok\n", j->worker, k); fflush(stdout); }
    }
    return NULL;
}

static int run_threads(void *(*fn)(void *), int nthreads, int n) {
    pthread_t t[32];
    job_t jobs[32];
    for (int i = 0; i < nthreads; i++) {
        jobs[i] = (job_t){.worker = i, .n = n, .posted = 0, .fee_divisor = (i == 3) ? 1 : 50};
        pthread_create(&t[i], NULL, fn, &jobs[i]);
    }
    for (int i = 0; i < nthreads; i++) pthread_join(t[i], NULL);
    printf("threads joined, grand total %ld\n", grand_total);
    return 0;
}

int main(int argc, char **argv) {
    const char *fault = argc > 1 ? argv[1] : "ok";
    int n = argc > 2 ? atoi(argv[2]) : 300;
    printf("ledger: fault=%s accounts=%d\n", fault, n);
    if (!strcmp(fault, "div")) return run_threads(worker, 6, n);
    if (!strcmp(fault, "deadlock")) return run_threads(reconciler, argc > 3 ? atoi(argv[3]) : 8, n);
    account *head = open_accounts(n, !strcmp(fault, "null") ? n - n / 5 : -1);
    stats_t st;
    memset(&st, 0, sizeof st);
    st.canary = 0xC0FFEEu;
    long total = 0;
    for (int batch = 0; batch < 4; batch++) {
        total += post_batch(head, batch, !strcmp(fault, "null") && batch == 3);
        st.batches++;
    }
    for (account *a = head; a; a = a->next) {
        long c = a->balance_cents;
        if (!strcmp(fault, "oob") && a->id % 97 == 0) c = 530000;   /* one outlier past the last bucket */
        bucket(&st, c);
    }
    assert(st.canary == 0xC0FFEEu && "stats canary overwritten");
    for (int b = 0; b < 16; b++) printf("bucket %2d: %ld\n", b, st.hist[b]);
    printf("ledger total %ld over %d batches\n", total, st.batches);
    return 0;
}
"""

HDRPARSE_C = r"""#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* reads an LGR1 ledger export (stdin or argv[1]) and prints its records */
typedef struct { char tag[4]; unsigned char version, count, flags, namelen; } hdr_t;
typedef long (*fmt_fn)(const unsigned char *);

static long fmt_cents(const unsigned char *p) { return p[0] | (p[1] << 8); }
static long fmt_units(const unsigned char *p) { return p[0] * 100; }
static fmt_fn FORMATS[2] = {fmt_cents, fmt_units};

int main(int argc, char **argv) {
    unsigned char buf[4096];
    FILE *f = argc > 1 ? fopen(argv[1], "rb") : stdin;
    if (!f) { fprintf(stderr, "hdrparse: error: cannot open input\n"); return 2; }
    size_t n = fread(buf, 1, sizeof buf, f);
    if (n < sizeof(hdr_t)) { fprintf(stderr, "hdrparse: error: short header\n"); return 2; }
    hdr_t *h = (hdr_t *)buf;
    if (memcmp(h->tag, "LGR1", 4)) { fprintf(stderr, "hdrparse: error: bad magic\n"); return 3; }
    char *name = NULL;
    if (h->version == 2) name = (char *)buf + sizeof(hdr_t);
    if (h->version > 2) { fprintf(stderr, "hdrparse: error: unsupported version %d\n", h->version); return 4; }
    char owner[32];
    if ((h->flags & 0x80) || h->namelen > 8) memcpy(owner, name, h->namelen);          /* version 1 has no name: NULL */
    else snprintf(owner, sizeof owner, "anon");
    const unsigned char *rec = buf + sizeof(hdr_t) + (h->version == 2 ? h->namelen : 0);
    long total = 0;
    for (int i = 0; i < h->count && rec + 3 <= buf + n; i++, rec += 3) {
        fmt_fn fmt = FORMATS[rec[0] & 3];                             /* rec[0] unchecked: 0 or 1 expected */
        total += fmt(rec + 1);
    }
    printf("owner=%s records=%d total=%ld\n", owner, h->count, total);
    return 0;
}
"""


def line_of(src: str, marker: str) -> int:
    """The 1-based line of `src` holding `marker` (where a breakpoint goes)."""
    return next(i for i, ln in enumerate(src.splitlines(), 1) if marker in ln)


def lgr_file(path: Path, records: int, seed: int, version: int = 2, bad_rec: int | None = None) -> None:
    """An LGR1 ledger export: header, owner name, `records` 3-byte records (one with format 2 when bad_rec)."""
    rnd = random.Random(seed)
    name = b"dagny-ledger"
    body = bytearray(b"LGR1" + bytes([version, records, 0, len(name)]) + name)
    for i in range(records):
        body += bytes([2 if i == bad_rec else rnd.randint(0, 1), rnd.randint(0, 255), rnd.randint(0, 255)])
    path.write_bytes(bytes(body))


def stage(tmp: Path) -> Path:
    d = tmp / "ledger"
    if (d / "ledger").exists():
        return d
    write_tree(d, {"ledger.c": LEDGER_C, "hdrparse.c": HDRPARSE_C})
    lgr_file(d / "seed.lgr", 24, 194)
    lgr_file(d / "bad-format.lgr", 40, 7, bad_rec=17)
    lgr_file(d / "v0.lgr", 12, 9, version=0)
    run("gcc -g -O0 -pthread -o ledger ledger.c && gcc -g -O0 -o hdrparse hdrparse.c", cwd=d)
    return d


# ------------------------------------------------------------------ extractors

FRAME_RE = re.compile(r"^\s*\*?\s*frame #(\d+): 0x[0-9a-f]+ (\S+?)`")
THREAD_RE = re.compile(r"^\s*\*?\s*thread #\d+")
LLDB_OWN_SKIP = re.compile(r"^\s*(\(lldb\)|\*?\s*frame #|\*?\s*thread #|->|\d+\s|Process \d+|\(.*\) \S+ = |error:|warning:)")
BLOCKING = re.compile(r"lock_wait|mutex_lock|pthread_join|clockjoin|cond_wait|futex|sem_wait|nanosleep|usleep")


def own_frame(ln: str) -> bool:
    """A frame line of the program's own binary: its module (before the backtick) is not a shared object."""
    m = FRAME_RE.match(ln)
    return bool(m) and ".so" not in m.group(2)


def lldb_common(lines: list[str]) -> list[str]:
    """On every lldb kind: stop lines, Process exited lines, error: lines, program error lines, EXIT."""
    out = [ln for ln in lines if "stop reason =" in ln and ln.lstrip().startswith("* thread")]
    out += [ln for ln in lines if re.match(r"\s*Process \d+ exited with status", ln)]
    out += [ln for ln in lines if re.match(r"\s*error:", ln)]
    out += [ln for ln in lines if re.search(r"Assertion .* failed", ln)]
    out += [ln for ln in lines if OWN_WORDS.search(ln) and not LLDB_OWN_SKIP.match(ln)]
    return out + exit_lines(lines)


@cm.kind("lldb-crash-bt", "log")
def n_lldb_crash_bt(lines):
    """Stop lines with frame #0 under them, the -> source line, every own frame of bt, Assertion / Process exited / error: lines, program error lines, EXIT."""
    out = lldb_common(lines)
    for i, ln in enumerate(lines):
        if "stop reason =" in ln and ln.lstrip().startswith("* thread"):
            nxt = cm.next_match(lines, i, r"^\s*\*?\s*frame #0:", ahead=2)
            if nxt:
                out.append(nxt)
    out += [ln for ln in lines if re.match(r"^->\s+\d+", ln)]
    out += [ln for ln in lines if own_frame(ln)]
    return out


@cm.kind("lldb-bt-all", "log")
def n_lldb_bt_all(lines):
    """Every thread header; per thread its first own frame and first blocking-call frame; Process stopped/exited, error: lines, program error lines, EXIT."""
    out = lldb_common(lines)
    out += [ln for ln in lines if THREAD_RE.match(ln)]
    out += [ln for ln in lines if re.match(r"\s*Process \d+ (stopped|exited)", ln)]
    own = block = None
    for ln in lines:
        if THREAD_RE.match(ln) or ln.startswith("(lldb)"):
            own = block = None
            continue
        if FRAME_RE.match(ln):
            if own is None and own_frame(ln):
                own = ln
                out.append(ln)
            if block is None and BLOCKING.search(ln):
                block = ln
                out.append(ln)
    return out


VAR_RE = re.compile(r"^\([^)]*\) [\w\[\]*.$>-]+ = ")
BAD_VALUE = re.compile(r"= (NULL|0x0+)\b|<unavailable>|<read memory from .* failed>|<parent is NULL>|not available")


def var_listings(lines: list[str], cmds=r"\(lldb\) (frame variable|fr v|v)\b") -> list[list[str]]:
    """The lines printed by each `frame variable` command (up to the next (lldb) prompt)."""
    blocks: list[list[str]] = []
    cur = None
    for ln in lines:
        if ln.startswith("(lldb)"):
            cur = [] if re.match(cmds, ln) else None
            if cur is not None:
                blocks.append(cur)
        elif cur is not None:
            cur.append(ln)
    return blocks


@cm.kind("lldb-frame-variable", "log")
def n_lldb_frame_variable(lines):
    """The stop line, frame #N lines of frame select/up, top-level variable lines of each listing, nested NULL/unavailable ones, error: lines, EXIT."""
    out = lldb_common(lines)
    out += [ln for ln in lines if re.match(r"^frame #\d+:", ln)]
    for block in var_listings(lines):
        for ln in block:
            if VAR_RE.match(ln):
                out.append(ln)
            elif ln.startswith(" ") and BAD_VALUE.search(ln):
                out.append(ln)
    return out


def make_register_read(named: list[str]):
    want = {"rip", "rsp", "rbp", "rflags", *named}

    def n_reg(lines):
        out = lldb_common(lines)
        out += [ln for ln in lines if re.match(r"^\s*\*?\s*frame #0:", ln)][:2]
        out += [ln for ln in lines if re.match(r"^\S.*Registers:$", ln)]
        for ln in lines:
            m = re.match(r"^\s+(\w+) = ", ln)
            if m and (m.group(1) in want or re.search(r"= 0x[0-9a-f]+\s+\S+`", ln)):
                out.append(ln)
        return out
    return cm.named("lldb-register-read", "log", "The stop and frame #0 lines, register-set headers, rip/rsp/rbp/rflags, every symbol-annotated register, the registers named, error: lines, EXIT.", n_reg)


@cm.kind("lldb-breakpoint-session", "log")
def n_lldb_breakpoints(lines):
    """Breakpoint N: where lines, stop reason = breakpoint lines, p/expression/frame variable result lines, Process exited, error:/warning: lines, EXIT."""
    out = lldb_common(lines)
    out += [ln for ln in lines if re.match(r"^Breakpoint \d+: ", ln)]
    out += [ln for ln in lines if "stop reason = breakpoint" in ln]
    out += [ln for ln in lines if re.match(r"^\([^)]*\) \$\d+ = ", ln)]
    out += [ln for ln in lines if re.match(r"\s*warning:", ln)]
    for block in var_listings(lines):
        out += [ln for ln in block if VAR_RE.match(ln)]
    return out


EU_FRAME = re.compile(r"^#(\d+)\s+0x[0-9a-f]+\s+(\S+)")
NOT_OWN = re.compile(r"^(_|start_thread$|clone3?$|pthread_|raise$|abort$|futex_|lll_)")
EU_MODULE = re.compile(r" - (/\S+)$")


def eu_own(ln: str, fn: str) -> bool:
    """An own frame: with -m its module is not a shared object, else its name is not a C-library one."""
    m = EU_MODULE.search(ln)
    return ".so" not in m.group(1) if m else not NOT_OWN.match(fn)


@cm.kind("eu-stack", "log")
def n_eu_stack(lines):
    """PID line, every TID line, per thread its #0 frame and first own frame (with -s its source line), eu-stack: errors, EXIT."""
    out = [ln for ln in lines if re.match(r"^PID \d+ - ", ln) or re.match(r"^TID \d+:", ln)]
    out += [ln for ln in lines if ln.startswith("eu-stack:")]
    own_done = True
    for i, ln in enumerate(lines):
        if re.match(r"^TID \d+:", ln):
            own_done = False
            continue
        m = EU_FRAME.match(ln)
        if not m:
            continue
        if m.group(1) == "0":
            out.append(ln)
        if not own_done and eu_own(ln, m.group(2)) and m.group(2) != "_start":
            own_done = True
            out.append(ln)
            if i + 1 < len(lines) and re.match(r"^\s{2,}\S+:\d+", lines[i + 1]):
                out.append(lines[i + 1])
    return out + exit_lines(lines)


@cm.kind("zzuf-run", "log")
def n_zzuf(lines):
    """Every signal line (the crashing seeds), exit/timeout/memory/crash lines one {any} per shape, zzuf: lines, program error lines, EXIT."""
    out = [ln for ln in lines if re.match(r"^zzuf\[s=[^\]]*\]: signal \d+", ln)]
    out += groups((mask(ln.split("]:", 1)[1]), ln) for ln in lines
                  if re.match(r"^zzuf\[s=[^\]]*\]: ", ln) and re.search(r"exit|timeout|memory exceeded|crash", ln))
    out += [ln for ln in lines if ln.startswith("zzuf:") and "launched" not in ln]
    out += [ln for ln in lines if OWN_WORDS.search(ln) and not ln.startswith("zzuf")]
    return out + exit_lines(lines)


# ------------------------------------------------------------------ steps

LLDB = "lldb -b"


def cap_lldb_crash(tmp: Path) -> None:
    d = stage(tmp)
    cap("lldb-run-null-bt", f"{LLDB} -o 'run null 3000' -k bt ./ledger; echo EXIT=$?", d, n_lldb_crash_bt, timeout=120)
    cap("lldb-run-oob-assert-bt-tail", f"{LLDB} -o 'run oob 2000' -k bt -k quit ./ledger 2>&1 | tail -n 80", d,
        n_lldb_crash_bt, timeout=120)
    cap("lldb-run-div-thread-bt", f"{LLDB} -o 'run div 400' -o bt -o 'frame variable' ./ledger; echo EXIT=$?", d, n_lldb_crash_bt,
        timeout=120)
    cap("lldb-hdrparse-bad-format-bt", f"{LLDB} -o run -k bt -k 'frame info' -- ./hdrparse bad-format.lgr; "
        f"{LLDB} -o run -k bt -- ./hdrparse v0.lgr; echo EXIT=$?", d, n_lldb_crash_bt, timeout=120)
    cap("lldb-launch-null-bt-grep", f"lldb --batch -o 'process launch -- null 600' -k 'bt 6' ./ledger 2>&1 | "
        "grep -E 'stop reason|frame #|error|Assert|exited'", d, n_lldb_crash_bt, timeout=120)


def cap_lldb_vars(tmp: Path) -> None:
    d = stage(tmp)
    cap("lldb-null-frame-variable-up", f"{LLDB} -o 'run null 1200' -k 'frame variable' -k up -k 'frame variable' "
        "-k up -k 'frame variable' ./ledger", d, n_lldb_frame_variable, timeout=120)
    cap("lldb-null-fr-v-deref", f"{LLDB} -o 'run null 300' -k 'fr v -T' -k 'fr v *a' -k 'fr v a->next' -k 'up' "
        "-k 'fr v' ./ledger 2>&1 | tail -n 60", d, n_lldb_frame_variable, timeout=120)
    cap("lldb-oob-frame-select-main", f"{LLDB} -o 'run oob 800' -k bt -k 'frame select 5' -k 'frame variable' "
        "./ledger; echo EXIT=$?", d, n_lldb_frame_variable, timeout=120)
    cap("lldb-register-read-null", f"{LLDB} -o 'run null 300' -k 'register read' ./ledger", d,
        make_register_read([]), timeout=120)
    cap("lldb-register-read-all-tail", f"{LLDB} -o 'run div 200' -o 'register read --all' ./ledger 2>&1 | "
        "tail -n 150", d, make_register_read([]), timeout=120)
    cap("lldb-register-read-named", f"{LLDB} -o 'run div 900' -o 'thread list' -o 'register read rip rsp rdi rax "
        "rcx rdx' -o 'frame variable' ./ledger; echo EXIT=$?", d,
        make_register_read(["rip", "rsp", "rdi", "rax", "rcx", "rdx"]), timeout=120)


def cap_lldb_breakpoints(tmp: Path) -> None:
    d = stage(tmp)
    settle = line_of(LEDGER_C, "/* BP:settle */")
    cap("lldb-break-settle-print", f"{LLDB} -o 'b ledger.c:{settle}' -o 'run null 300' -o 'p *a' -o 'p a->parent' "
        "-o 'p owed' -o c -o 'fr v' -o 'bt 3' -o 'br del 1' -o c -k bt ./ledger; echo EXIT=$?", d,
        n_lldb_breakpoints, timeout=120)
    cap("lldb-break-bucket-condition", f"{LLDB} -o \"br set -n bucket -c 'cents > 500000'\" -o 'run oob 400' "
        "-o 'fr v' -o 'p st->canary' -o 'p st->hist' -o finish -o 'p st.canary' -o 'p/x st.canary' -o c -k bt "
        "./ledger", d, n_lldb_breakpoints, timeout=120)
    cap("lldb-break-pending-typos", f"{LLDB} -o 'b ledger.c:999' -o 'b settel' -o 'b post_batch' -o 'run ok 250' "
        "-o 'p batch' -o 'p strict' -o 'fr v' -o c -o 'p batch' -o 'br dis' -o c ./ledger; echo EXIT=$?", d,
        n_lldb_breakpoints, timeout=120)


def hung(d: Path, threads: int) -> "cm.subprocess.Popen":
    """The ledger's reconcilers deadlocked on two locks taken in different orders (started, left hanging)."""
    p = cm.start(["./ledger", "deadlock", "100", str(threads)], cwd=d)
    time.sleep(2.0)
    return p


def cap_hung(tmp: Path) -> None:
    d = stage(tmp)
    p = hung(d, 8)
    try:
        pid = p.pid
        cap("lldb-attach-deadlock-bt-all", f"{LLDB} -p {pid} -o 'thread backtrace all' -o detach; echo EXIT=$?", d,
            n_lldb_bt_all, timeout=120,
            typed="lldb -b -p $(pgrep -n ledger) -o 'thread backtrace all' -o detach; echo EXIT=$?")
        cap("eu-stack-deadlock", f"eu-stack -p {pid}; echo EXIT=$?; eu-stack -p 999999; echo EXIT=$?", d, n_eu_stack,
            typed="eu-stack -p $(pgrep -n ledger); echo EXIT=$?; eu-stack -p 999999; echo EXIT=$?")
        cap("eu-stack-deadlock-s-l", f"eu-stack -s -l -p {pid}", d, n_eu_stack,
            typed="eu-stack -s -l -p $(pgrep -n ledger)")
    finally:
        p.kill()
        p.wait()
    p = hung(d, 24)
    try:
        pid = p.pid
        cap("eu-stack-24-threads-m-i", f"eu-stack -m -i -s -p {pid} | head -n 150", d, n_eu_stack,
            typed=f"eu-stack -m -i -s -p {pid} | head -n 150")
        cap("lldb-attach-24-threads-bt-all-tail", f"{LLDB} -p {pid} -o 'bt all' -o detach 2>&1 | tail -n 120", d,
            n_lldb_bt_all, timeout=120, typed=f"lldb -b -p {pid} -o 'bt all' -o detach 2>&1 | tail -n 120")
    finally:
        p.kill()
        p.wait()
    cap("lldb-div-crash-bt-all", f"{LLDB} -o 'run div 600' -o 'thread backtrace all' -o 'thread list' ./ledger; "
        "echo EXIT=$?", d, n_lldb_bt_all, timeout=120)


def cap_zzuf(tmp: Path) -> None:
    d = stage(tmp)
    cap("zzuf-hdrparse-800-seeds", "zzuf -c -s 0:800 -r 0.002:0.01 -q -C 0 ./hdrparse seed.lgr; echo EXIT=$?", d,
        n_zzuf, timeout=300)
    cap("zzuf-hdrparse-verbose-tail", "zzuf -v -c -s 0:200 -r 0.01 -C 0 ./hdrparse seed.lgr 2>&1 | tail -n 80", d,
        n_zzuf, timeout=300)
    cap("zzuf-hdrparse-grep-head", "zzuf -c -s 0:3000 -r 0.004 -q -C 0 -t 2 ./hdrparse seed.lgr 2>&1 | "
        "grep -E 'signal|timeout|exit' | head -n 100", d, n_zzuf, timeout=300)
    cap("zzuf-hdrparse-first-crash", "zzuf -v -c -s 100:400 -r 0.01 ./hdrparse seed.lgr; echo EXIT=$?", d, n_zzuf,
        timeout=300)


STEPS = [cap_lldb_crash, cap_lldb_vars, cap_lldb_breakpoints, cap_hung, cap_zzuf]
