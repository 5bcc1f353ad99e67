#!/usr/bin/env python3
"""Capture round 369 of the compression corpus: runtime diagnostics of misbehaving programs, twelve kinds new to the
corpus (AddressSanitizer's heap-use-after-free, double-free, stack/global-buffer-overflow and stack-overflow reports,
ThreadSanitizer's lock-order inversions, gdb on a core file, valgrind --track-fds and --xml, cg_diff+cg_annotate,
node's heap out-of-memory crash and --trace-sync-io) from small C and JavaScript programs of a ferry timetable office
written here, each with a real fault. The needle rules are NEEDLES.md's "Round 369", fixed before capture and applied
by the extractors below. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide369.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide369.json  as {"version": 2, "items": [...]}, ids prefixed "wide369-".
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide369-"
DEFAULT_OUT = HERE / "data" / "wide369.json"
TMP = Path(os.environ.get("HM_WIDE369_TMP", "/dev/shm/hm-corpus-wide369"))

_SIZED = cm.Sized(400, 120_000)
add, cap = _SIZED.add, _SIZED.cap

SOURCES = ("ferry.c", "berths.c", "fares.c", "fares_v2.c")  # the program's own C files
OWN_JS = ("tides.js", "manifest.js")

# ------------------------------------------------------------------ material: a ferry timetable office

FERRY_C = r"""
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/socket.h>

struct sailing { char route[16]; int dep; int berth; struct sailing *next; };

static const char *ROUTES[] = {"Oban-Craignure", "Ardrossan-Brodick", "Uig-Tarbert", "Mallaig-Armadale",
                               "Largs-Cumbrae", "Kennacraig-Islay", "Ullapool-Stornoway", "Gourock-Dunoon"};
static int BERTH_LOAD[8] = {3, 1, 4, 1, 5, 9, 2, 6};

static struct sailing *make_sailing(int i) {
    struct sailing *s = malloc(sizeof *s);
    snprintf(s->route, sizeof s->route, "%s", ROUTES[i % 8]);
    s->dep = 600 + (i * 37) % 1200; s->berth = i % 8; s->next = NULL;
    return s;
}

static void print_timetable(int n) {
    for (int i = 0; i < n; i++) {
        printf("sailing %04d route=%-16s dep=%02d:%02d berth=%d load=%d\n", i, ROUTES[i % 8],
               (600 + (i * 37) % 1200) / 60 % 24, (i * 37) % 60, i % 8, BERTH_LOAD[i % 8]);
        if (i % 97 == 41) printf("WARN sailing %04d: berth %d double-booked, moved to relief berth\n", i, i % 8);
    }
}

static void cancel_sailing(struct sailing *s) { free(s); }

static int berth_of_cancelled(int n) {
    struct sailing *head = NULL;
    for (int i = 0; i < n; i++) { struct sailing *s = make_sailing(i); s->next = head; head = s; }
    struct sailing *victim = head->next;
    cancel_sailing(victim);
    printf("ERROR sailing %s cancelled but still on the departure board\n", head->route);
    return victim->berth;                     /* use after free */
}

static void release_manifest(char *manifest) { free(manifest); }

static void close_day(int n) {
    char *manifest = malloc(64 + n);
    strcpy(manifest, "passengers and vehicles");
    release_manifest(manifest);
    printf("closing day: %d sailings, manifest released\n", n);
    free(manifest);                           /* double free */
}

static int sum_delays(int n) {
    int delays[12];
    for (int i = 0; i < 12; i++) delays[i] = (i * 7) % 11;
    int total = 0;
    for (int i = 0; i <= 12 + n % 3; i++) total += delays[i];   /* stack overflow by one or more */
    return total;
}

static int load_of_berth(int berth) { return BERTH_LOAD[berth]; }  /* berth 8 overflows the global */

static int connections(int depth, int route) {
    char leg[256];
    snprintf(leg, sizeof leg, "leg %d of %s", depth, ROUTES[route % 8]);
    return connections(depth + 1, route + leg[0]) + 1;   /* no base case */
}

static void open_logs(int n) {
    for (int i = 0; i < n; i++) {
        char path[64];
        snprintf(path, sizeof path, "/dev/shm/hm-corpus-wide369/berth-%d.log", i);
        int fd = open(path, O_CREAT | O_WRONLY | O_TRUNC, 0644);
        dprintf(fd, "berth %d opened\n", i);
        if (i % 3) close(fd);                 /* every third log leaks */
    }
    int s = socket(AF_INET, SOCK_DGRAM, 0);   /* the pier display's socket, never closed */
    (void)s;
}

static int uninit_fare(int n) {
    int fares[16];
    for (int i = 0; i < 16; i += 2) fares[i] = 250 + i;
    int sum = 0;
    for (int i = 0; i < n % 16 + 1; i++) if (fares[i] > 300) sum++;   /* odd slots never set */
    char *p = malloc(24);
    p[24] = 'x';                                                       /* one past the end */
    free(p);
    return sum;
}

int main(int argc, char **argv) {
    const char *mode = argc > 1 ? argv[1] : "uaf";
    int n = argc > 2 ? atoi(argv[2]) : 10;
    setvbuf(stdout, NULL, _IOLBF, 0);
    print_timetable(n);
    if (!strcmp(mode, "uaf")) printf("berth %d\n", berth_of_cancelled(n));
    else if (!strcmp(mode, "dfree")) close_day(n);
    else if (!strcmp(mode, "stack")) printf("total delay %d\n", sum_delays(n));
    else if (!strcmp(mode, "global")) { int t = 0; for (int b = 0; b <= 8; b++) t += load_of_berth(b);
                                         printf("load %d\n", t); }
    else if (!strcmp(mode, "recurse")) printf("%d\n", connections(0, n));
    else if (!strcmp(mode, "fds")) open_logs(n / 10 + 4);
    else if (!strcmp(mode, "uninit")) printf("expensive %d\n", uninit_fare(n));
    else if (!strcmp(mode, "segv")) { struct sailing *s = make_sailing(n); s->next = (struct sailing *)0x10;
                                       printf("next route %s\n", s->next->route); }
    return 0;
}
"""

BERTHS_C = r"""
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

#define NB %(nb)d
static pthread_mutex_t berth[NB];
static int occupied[NB];

static void dock(int a, int b) {
    pthread_mutex_lock(&berth[a]);
    pthread_mutex_lock(&berth[b]);
    occupied[a]++; occupied[b]++;
    pthread_mutex_unlock(&berth[b]);
    pthread_mutex_unlock(&berth[a]);
}

static void *vessel(void *arg) {
    long v = (long)arg;
    for (int k = 0; k < %(rounds)d; k++) {
        dock(v %% NB, (v + 1) %% NB);
        if (k %% 50 == 0) printf("vessel %%ld round %%d docked at berths %%ld+%%ld\n", v, k, v %% NB, (v + 1) %% NB);
        usleep(100);
    }
    return NULL;
}

int main(void) {
    pthread_t t[NB];
    for (int i = 0; i < NB; i++) pthread_mutex_init(&berth[i], NULL);
    for (long i = 0; i < NB; i++) { pthread_create(&t[i], NULL, vessel, (void *)i); pthread_join(t[i], NULL); }
    int total = 0;
    for (int i = 0; i < NB; i++) total += occupied[i];
    printf("berth occupancy total %%d\n", total);
    return 0;
}
"""

FARES_C = r"""
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct fare { char route[24]; int pence; };

static int by_route(const void *a, const void *b) {
    return strcmp(((const struct fare *)a)->route, ((const struct fare *)b)->route);
}

static void sort_fares(struct fare *f, int n) {
%(sort)s
}

static long checksum(const struct fare *f, int n) {
    long s = 0;
    for (int r = 0; r < %(passes)d; r++)
        for (int i = 0; i < n; i++) s += f[i].pence * (i + 1) + f[i].route[0];
    return s;
}

static void make_fares(struct fare *f, int n) {
    for (int i = 0; i < n; i++) {
        snprintf(f[i].route, sizeof f[i].route, "route-%%05d", (i * 7919) %% 100000);
        f[i].pence = 150 + (i * 31) %% 900;
    }
}

int main(void) {
    int n = %(n)d;
    struct fare *f = malloc(sizeof *f * n);
    make_fares(f, n);
    sort_fares(f, n);
    printf("%%ld\n", checksum(f, n));
    free(f);
    return 0;
}
"""

SORT_INSERTION = """    for (int i = 1; i < n; i++) {
        struct fare k = f[i]; int j = i - 1;
        while (j >= 0 && by_route(&f[j], &k) > 0) { f[j + 1] = f[j]; j--; }
        f[j + 1] = k;
    }"""
SORT_QSORT = "    qsort(f, n, sizeof *f, by_route);"

TIDES_JS = r"""
'use strict';
// the tide-table cache: every lookup keeps a copy of the day's table (the leak)
const cache = [];
let day = 0;
function tideTable(d) {
  const rows = [];
  for (let h = 0; h < %(rows)d; h++) rows.push({ day: d, hour: h, height: Math.sin((d * 24 + h) / 6.2) * 2.4 + 3.1,
                                              label: 'Oban high water ' + d + ':' + h });
  return rows;
}
function remember(d) { cache.push(tideTable(d)); }
function tick() {
  for (let k = 0; k < 50; k++) remember(day++);
  if (day %% %(every)d === 0) console.log(`cached ${day} days, ${cache.length} tables`);
  if (day === 400) console.error('WARN tide cache above 400 days, eviction is not configured');
  setImmediate(tick);
}
tick();
"""

MANIFEST_JS = r"""
'use strict';
const fs = require('fs');
const path = require('path');
const { execSync } = require('child_process');
const dir = process.argv[2];

function loadManifest(name) { return JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')); }
function berthExists(n) { return fs.existsSync(path.join(dir, `berth-${n}.json`)); }
function stamp() { return execSync('date -u +%%Y').toString().trim(); }
function writeReport(lines) { fs.writeFileSync(path.join(dir, 'report.txt'), lines.join('\n')); }

function handleSailing(i) {
  const m = loadManifest(`sailing-${i %% %(files)d}.json`);
  const ok = berthExists(m.berth);
  console.log(`sailing ${i} ${m.route} berth ${m.berth} ${ok ? 'ready' : 'MISSING berth file'}`);
  return `${i},${m.route},${m.cars}`;
}

setImmediate(() => {
  const lines = [];
  for (let i = 0; i < %(n)d; i++) lines.push(handleSailing(i));
  if (%(stamp)d) lines.push(stamp());
  writeReport(lines);
  %(fault)s
});
"""


def _program_frame(line: str) -> bool:
    return any(f"{s}:" in line for s in SOURCES) and bool(re.search(r"#\d+ |\b(at|by) 0x", line))


def _own_error_lines(lines: list[str]) -> list[str]:
    """Lines the program itself prints with ERROR, FATAL, panic or Traceback (the round's common rule)."""
    return [ln for ln in lines if re.match(r"(ERROR|FATAL|panic|Traceback)\b", ln.strip())
            and "Sanitizer" not in ln]


def _first_frames(lines: list[str]) -> list[str]:
    """In every run of `#N 0x…` frame lines, the first frame naming a program source file."""
    out, in_stack, found = [], False, False
    for ln in lines:
        if re.match(r"\s*#\d+ 0x", ln):
            if not in_stack:
                in_stack, found = True, False
            if not found and _program_frame(ln):
                out.append(ln)
                found = True
        else:
            in_stack = False
    return out


@cm.kind("asan-heap-use-after-free", "log")
def n_asan(lines):
    """ERROR:/SUMMARY: AddressSanitizer lines, address-description lines, `<== Memory access` lines, each stack's first program frame."""
    out = _own_error_lines(lines)
    for ln in lines:
        if re.search(r"(ERROR|SUMMARY): AddressSanitizer", ln) or re.search(
                r"is located|freed by thread|previously allocated by thread|^\s*allocated by thread", ln) \
                or "<== Memory access at offset" in ln:
            out.append(ln)
    return out + _first_frames(lines)


ASAN_DOC = n_asan.__doc__
n_asan_dfree = cm.named("asan-double-free", "log", ASAN_DOC, n_asan)
n_asan_stack = cm.named("asan-stack-buffer-overflow", "log", ASAN_DOC, n_asan)
n_asan_global = cm.named("asan-global-buffer-overflow", "log", ASAN_DOC, n_asan)
n_asan_recurse = cm.named("asan-stack-overflow", "log", ASAN_DOC, n_asan)


@cm.kind("tsan-lock-order-inversion", "log")
def n_tsan_lock(lines):
    """WARNING:/SUMMARY: ThreadSanitizer lines, cycle lines, each `acquired here while holding` line and its first program frame, the reported-N line."""
    out = _own_error_lines(lines)
    for i, ln in enumerate(lines):
        if re.search(r"(WARNING|SUMMARY): ThreadSanitizer|Cycle in lock order graph|ThreadSanitizer: reported \d+", ln):
            out.append(ln)
        if re.search(r"Mutex M\d+ acquired here while holding mutex M\d+", ln):
            out.append(ln)
            for k in range(i + 1, min(len(lines), i + 40)):
                if not re.match(r"\s*#\d+ ", lines[k]) and k > i + 1:
                    break
                if _program_frame(lines[k]):
                    out.append(lines[k])
                    break
    return out


@cm.kind("gdb-core-file", "log")
def n_gdb_core(lines):
    """`Core was generated by` and `Program terminated with signal` lines, the #0 frame, every frame naming a program .c file, every `$N = ` print answer."""
    out = _own_error_lines(lines)
    first = True
    for ln in lines:
        if ln.startswith(("Core was generated by", "Program terminated with signal")):
            out.append(ln)
        if re.match(r"#0\s", ln) and first:
            out.append(ln)
            first = False
        if re.match(r"#\d+\s", ln) and re.search(r"\bat (\S+/)?(%s):\d+" % "|".join(map(re.escape, SOURCES)), ln):
            out.append(ln)
        if re.match(r"\$\d+ = ", ln):
            out.append(ln)
    return out


@cm.kind("valgrind-track-fds", "log")
def n_vg_fds(lines):
    """FILE DESCRIPTORS line, every open descriptor above 2 with its first program frame, memcheck error headers, ERROR SUMMARY."""
    out = _own_error_lines(lines)
    for i, ln in enumerate(lines):
        body = re.sub(r"^==\d+== ", "", ln)
        if body.startswith("FILE DESCRIPTORS:") or body.startswith("ERROR SUMMARY"):
            out.append(ln)
        if re.match(r"(Invalid|Conditionally|Syscall param|Mismatched|Source and destination)", body):
            out.append(ln)
        m = re.match(r"Open (file descriptor|AF_\w+ socket) (\d+)", body)
        if m and int(m.group(2)) > 2:
            out.append(ln)
            for k in range(i + 1, min(len(lines), i + 30)):
                if re.sub(r"^==\d+== ", "", lines[k]).strip() == "":
                    break
                if _program_frame(lines[k]):
                    out.append(lines[k])
                    break
    return out


@cm.kind("valgrind-memcheck-xml", "log")
def n_vg_xml(lines):
    """Every <kind> line, <what> line and <xwhat><text> line; in each <error> the first frame with a .c <file>: its <fn> and <line> lines."""
    out = _own_error_lines(lines)
    in_err = in_xwhat = False
    frame: list[str] = []
    done = False
    for ln in lines:
        s = ln.strip()
        if s == "<error>":
            in_err, done = True, False
        elif s == "</error>":
            in_err = False
        if not in_err:
            continue
        if s.startswith("<kind>") or s.startswith("<what>"):
            out.append(ln)
        if s == "<xwhat>":
            in_xwhat = True
        elif s == "</xwhat>":
            in_xwhat = False
        if in_xwhat and s.startswith("<text>"):
            out.append(ln)
        if s == "<frame>":
            frame = []
        frame.append(ln)
        if s == "</frame>" and not done:
            if any(re.match(r"<file>.*\.c</file>", f.strip()) for f in frame):
                out += [f for f in frame if f.strip().startswith(("<fn>", "<line>"))]
                done = True
    return out


@cm.kind("cg-diff-annotate", "table")
def n_cg_diff(lines):
    """PROGRAM TOTALS line, the Ir column header, every function row with |Ir| >= 10% of |total|, the most negative row."""
    out = []
    total = None
    rows = []
    for ln in lines:
        if "PROGRAM TOTALS" in ln:
            out.append(ln)
            m = re.match(r"\s*(-?[\d,]+)", ln)
            if m:
                total = abs(int(m.group(1).replace(",", "")))
        elif re.match(r"\s*Ir\s+file:function", ln):
            out.append(ln)
        else:
            m = re.match(r"\s*(-?[\d,]+)(\s+\([^)]*\))?\s+\S+:\S+", ln)
            if m and "PROGRAM" not in ln:
                rows.append((int(m.group(1).replace(",", "")), ln))
    if total:
        out += [ln for v, ln in rows if abs(v) >= 0.1 * total]
    neg = [r for r in rows if r[0] < 0]
    if neg:
        out.append(min(neg)[1])
    return out


@cm.kind("node-heap-oom", "log")
def n_node_oom(lines):
    """The FATAL ERROR line, the last GC line of Last few GCs, every <--- … ---> heading, the native stack's first line."""
    out = _own_error_lines(lines)
    gc = [ln for ln in lines if re.search(r"\b(Mark-Compact|Scavenge|Mark-sweep)\b", ln) and "ms:" in ln]
    if gc:
        out.append(gc[-1])
    for ln in lines:
        if "FATAL ERROR:" in ln or re.match(r"\s*<--- .* --->", ln):
            out.append(ln)
    first = next((ln for ln in lines if re.match(r"\s*1: 0x", ln)), None)
    return out + [first]


@cm.kind("node-trace-sync-io", "log")
def n_node_sync(lines):
    """One {any} of WARNING: Detected use of sync API lines per first program frame, that frame line; a thrown error's message and first program frame."""
    out = _own_error_lines(lines)
    groups: dict[str, list[str]] = {}
    for i, ln in enumerate(lines):
        if "WARNING: Detected use of sync API" in ln:
            for k in range(i + 1, min(len(lines), i + 30)):
                if re.search(r"\bat .*\((/[^)]*\.js):\d+:\d+\)", lines[k]) and "node:" not in lines[k]:
                    groups.setdefault(lines[k], []).append(ln)
                    break
    for frame, warns in groups.items():
        out += [cm.any_of(warns), frame]
    for i, ln in enumerate(lines):
        if re.match(r"\s*(Uncaught )?\w*Error\b.*:", ln) and not ln.lstrip().startswith("at "):
            out.append(ln)
            nxt = next((lines[k] for k in range(i + 1, min(len(lines), i + 15))
                        if any(j in lines[k] for j in OWN_JS) and "at " in lines[k]), None)
            out.append(nxt)
    return out


# ------------------------------------------------------------------ steps


def cap_asan(tmp: Path) -> None:
    d = tmp / "asan"
    d.mkdir()
    (d / "ferry.c").write_text(FERRY_C.lstrip())
    cm.run("gcc -g -O0 -fsanitize=address -fno-omit-frame-pointer ferry.c -o ferry-asan", cwd=d, timeout=300)
    env = {"ASAN_OPTIONS": "detect_leaks=0"}
    for mode, ex, ns in [("uaf", n_asan, [5, 60, 400]), ("dfree", n_asan_dfree, [8, 150, 900]),
                         ("stack", n_asan_stack, [4, 90, 700]), ("global", n_asan_global, [6, 220, 1500]),
                         ("recurse", n_asan_recurse, [3, 50, 300])]:
        for n in ns:
            cap(f"{ex.kind}-{n}", f"./ferry-asan {mode} {n}", d, ex, timeout=120, env=env)


def cap_tsan(tmp: Path) -> None:
    d = tmp / "tsan"
    d.mkdir()
    for nb, rounds in [(2, 60), (3, 160), (5, 400), (8, 900)]:
        (d / "berths.c").write_text(BERTHS_C.lstrip() % {"nb": nb, "rounds": rounds})
        cm.run(f"gcc -g -O1 -fsanitize=thread berths.c -o berths{nb} -lpthread", cwd=d, timeout=300)
        cap(f"tsan-lock-order-{nb}", f"setarch -R ./berths{nb}", d, n_tsan_lock, timeout=120,
            typed=f"./berths{nb}")


def cap_gdb_core(tmp: Path) -> None:
    d = tmp / "gdb"
    d.mkdir()
    (d / "ferry.c").write_text(FERRY_C.lstrip())
    cm.run("gcc -g -O0 ferry.c -o ferry", cwd=d, timeout=300)
    for n, cmds in [(7, "-ex bt -ex 'frame 3' -ex 'print *s'"),
                    (120, "-ex 'bt full' -ex 'frame 3' -ex 'info frame' -ex 'print s->route' -ex 'print *s'"),
                    (40, "-ex 'bt' -ex 'info registers' -ex 'frame 3' -ex 'print s->next' -ex 'x/8xg $sp'"),
                    (900, "-ex 'bt full' -ex 'info sharedlibrary' -ex 'print ROUTES' -ex 'print BERTH_LOAD'")]:
        core = f"core.ferry.{n}"
        cm.run(f"gdb -batch -ex run -ex 'gcore {core}' --args ./ferry segv {n}", cwd=d, timeout=180)
        cap(f"gdb-core-{n}", f"gdb -batch -ex 'frame 0' {cmds} ./ferry {core}", d, n_gdb_core, timeout=120)


def cap_valgrind(tmp: Path) -> None:
    d = tmp / "vg"
    d.mkdir()
    (d / "ferry.c").write_text(FERRY_C.lstrip())
    cm.run("gcc -g -O0 ferry.c -o ferry", cwd=d, timeout=300)
    for n in [10, 60, 200, 700]:
        cap(f"valgrind-track-fds-{n}", f"valgrind --track-fds=yes ./ferry fds {n}", d, n_vg_fds, timeout=300)
    for mode, n, extra in [("uninit", 5, ""), ("uaf", 40, " --track-origins=yes"), ("dfree", 300, " --leak-check=full"),
                           ("segv", 13, " --track-origins=yes")]:
        cap(f"valgrind-xml-{mode}-{n}", f"valgrind --xml=yes --xml-fd=9{extra} ./ferry {mode} {n} 9>&1 >/dev/null 2>&1",
            d, n_vg_xml, timeout=300)


def cap_cg_diff(tmp: Path) -> None:
    d = tmp / "cg"
    d.mkdir()
    for n, passes, extra in [(600, 20, ""), (1500, 5, " --show-percs=yes"), (300, 80, " --threshold=0.5"),
                             (1000, 10, " --auto=yes")]:
        for tag, sort in [("old", SORT_INSERTION), ("new", SORT_QSORT)]:
            src = "fares.c" if tag == "old" else "fares_v2.c"
            (d / src).write_text(FARES_C.lstrip() % {"sort": sort, "n": n, "passes": passes})
            cm.run(f"gcc -g -O1 {src} -o fares-{tag} && valgrind --tool=cachegrind --cache-sim=no "
                   f"--cachegrind-out-file=cg.{tag}.{n} ./fares-{tag}", cwd=d, timeout=600)
        cm.run(f"cg_diff cg.old.{n} cg.new.{n} > cg.diff.{n}", cwd=d, timeout=120)
        cap(f"cg-diff-{n}", f"cg_annotate{extra} cg.diff.{n}", d, n_cg_diff, timeout=120)


def cap_node(tmp: Path) -> None:
    d = tmp / "node"
    d.mkdir()
    for mb, rows, every in [(16, 24, 500), (24, 48, 250), (40, 24, 100)]:
        (d / "tides.js").write_text(TIDES_JS.lstrip() % {"rows": rows, "every": every})
        cap(f"node-heap-oom-{mb}", f"node --max-old-space-size={mb} tides.js", d, n_node_oom, timeout=180)
    man = d / "manifests"
    man.mkdir()
    for i in range(12):
        (man / f"sailing-{i}.json").write_text('{"route": "%s", "berth": %d, "cars": %d}\n'
                                               % (["Oban-Craignure", "Uig-Tarbert", "Largs-Cumbrae"][i % 3], i % 5,
                                                  40 + i))
    for b in range(3):
        (man / f"berth-{b}.json").write_text("{}\n")
    for n, files, stamp, fault in [(6, 6, 1, ""), (25, 12, 1, "loadManifest('sailing-99.json');"),
                                   (80, 12, 0, "berthExists(null).toFixed(2);"), (3, 3, 1, "")]:
        (d / "manifest.js").write_text(MANIFEST_JS.lstrip() % {"n": n, "files": files, "stamp": stamp, "fault": fault})
        cap(f"node-trace-sync-io-{n}", "node --trace-sync-io manifest.js manifests", d, n_node_sync, timeout=180)


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
    sys.modules.setdefault("capture_wide369", sys.modules["__main__"])
    main()
