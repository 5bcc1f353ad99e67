"""Round 140, model checkers and static verifiers: `sluice`'s controller in C through Frama-C (`-eva` alarms, `-wp`
goals with some unproved, `-metrics`) and splint, and its gate protocol in Promela through SPIN (`spin -a`, `pan`
finding an assertion violation, the trail replayed with `spin -t -p`). Faults put in on purpose; sizes from seeded
generators. Run through capture_wide140.py."""

from __future__ import annotations

import random
import re
from pathlib import Path

from capture_more import groups, mask, run, write_tree
from capture_wide140 import cap
import capture_more as cm

EXIT = re.compile(r"^EXIT=\d+$")


def _exit(lines):
    return [ln for ln in lines if EXIT.match(ln)]


@cm.kind("frama-c-eva", "lint")
def n_frama_eva(lines):
    """Rules 1+3+5 on frama-c -eva: every [eva:alarm] file:line: Warning: line and the assertion line under it, every [kernel] error/warning line, the non-terminating lines, the alarms generated line and the count lines under it, the coverage lines, an EXIT=N line."""
    out = []
    for i, ln in enumerate(lines):
        if ln.startswith("[eva:alarm]"):
            out.append(ln)
            if i + 1 < len(lines) and lines[i + 1].startswith(" "):
                out.append(lines[i + 1])
        elif ln.startswith("[kernel") and re.search(r"(?i)error|warning|failure", ln):
            out.append(ln)
        elif re.search(r"(?i)non.?terminating", ln):
            out.append(ln)
        elif re.search(r"\d+ alarms? generated", ln):
            out.append(ln)
            j = i + 1
            while j < len(lines) and re.match(r"^\s+\d+ \S", lines[j]):
                out.append(lines[j])
                j += 1
        elif "% coverage" in ln or "Evaluation of the" in ln:
            out.append(ln)
    return out + _exit(lines)


@cm.kind("frama-c-wp", "test")
def n_frama_wp(lines):
    """Rules 1+2+3 on frama-c -wp: every goal line not Valid (Timeout, Unknown, Failed, Stepout), the Proved goals: summary line and each prover's count line under it, [kernel]/[wp] warning or error lines one {"any"} per message shape, an EXIT=N line."""
    out = [ln for ln in lines if re.search(r"Goal .*: (Unknown|Timeout|Failed|Stepout|Invalid)|^\[wp\] \[(Timeout|Unknown|Failed|Stepout)\]", ln)]
    for i, ln in enumerate(lines):
        if "Proved goals:" in ln:
            out.append(ln)
            j = i + 1
            while j < len(lines) and re.match(r"^\s+\S.*:\s+\d+", lines[j]):
                out.append(lines[j])
                j += 1
    out += groups((mask(ln), ln) for ln in lines if re.match(r"^\[(kernel|wp)[^\]]*\] .*(Warning|warning|User Error|error)", ln))
    return out + _exit(lines)


@cm.kind("frama-c-metrics", "table")
def n_frama_metrics(lines):
    """Rules 4+5 on frama-c -metrics: every line holding a count (Name = N), the header of each section and function, an EXIT=N line."""
    out = [ln for ln in lines if re.match(r"^\s*[A-Za-z][\w ()'-]* = \d+", ln)]
    out += [ln for ln in lines if re.match(r"^\[metrics\] \S", ln) or re.match(r"^\s*(Stats for function|Global metrics|Defined functions|Undefined functions|Specified-only functions|Potential entry points)", ln)]
    return out + _exit(lines)


@cm.kind("spin-pan", "test")
def n_spin_pan(lines):
    """Rules 1+3+5 on spin -a + pan: every pan:N: assertion violated / pan: … (at depth N) / errors: N line, the pan: wrote *.trail line, the State-vector line, the N states, stored line, every unreached in proctype header and one {"any"} of its unreached lines, an EXIT=N line."""
    out = [ln for ln in lines if re.match(r"^pan:\d+:|^pan: wrote ", ln) or re.search(r"\(at depth \d+\)|errors: \d+", ln)
           or (ln.startswith("pan:") and re.search(r"(?i)error|invalid|violat", ln))]
    out += [ln for ln in lines if re.match(r"^\s*\d+ states, stored", ln)]
    for i, ln in enumerate(lines):
        if ln.startswith("unreached in "):
            out.append(ln)
            block = []
            j = i + 1
            while j < len(lines) and lines[j].startswith(("\t", " ")):
                block.append(lines[j])
                j += 1
            if block:
                out.append({"any": block})
    return out + _exit(lines)


STEP = re.compile(r"^\s*\d+:\s+proc\s")


@cm.kind("spin-trail", "log")
def n_spin_trail(lines):
    """Rules 1+3+5 on a SPIN trail replayed (spin -t -p): every spin: … assertion violated line, the #processes: / N processes created lines, the first and last numbered step lines, every printf output line (not a step line, not starting with whitespace), an EXIT=N line."""
    out = [ln for ln in lines if ln.startswith("spin:") and re.search(r"(?i)assert|error", ln)]
    out += [ln for ln in lines if re.search(r"#processes:|\d+ process(es)? created", ln)]
    steps = [ln for ln in lines if STEP.match(ln)]
    out += steps[:1] + steps[-1:]
    out += [ln for ln in lines if ln.strip() and not ln[0].isspace() and not STEP.match(ln)
            and not ln.startswith(("spin:", "using statement merging", "#processes")) and not EXIT.match(ln)]
    return out + _exit(lines)


@cm.kind("splint", "lint")
def n_splint(lines):
    """Rules 1+3 on splint: every finding's first line (file.c:L:C: message), one {"any"} per (message shape, file) when a shape repeats in a file, the Finished checking --- N code warnings line, an EXIT=N line."""
    find = [ln for ln in lines if re.match(r"^\S+\.[ch]:\d+(:\d+)?: ", ln)]
    out = groups(((ln.split(":", 1)[0], mask(re.sub(r"^\S+?:\d+(:\d+)?: ", "", ln))), ln) for ln in find)
    out += [ln for ln in lines if ln.startswith("Finished checking")]
    return out + _exit(lines)


# ------------------------------------------------------------------ C for Frama-C and splint

SLUICE_C = r"""
#include <stddef.h>
#include <string.h>

#define CHAMBERS 8
#define QUEUE 16

typedef struct { int level; int cap; int upper_open; int lower_open; } chamber_t;

static chamber_t lock[CHAMBERS];
static int queue[QUEUE];
static int qlen;

/*@ requires 0 <= n;
    requires \valid(c);
    assigns c->level;
    ensures c->level == \old(c->level) + n; */
void fill(chamber_t *c, int n) { c->level = c->level + n; }

/*@ requires \valid(c);
    requires 0 <= n <= c->level;
    assigns c->level;
    ensures c->level >= 0; */
void drain(chamber_t *c, int n) { c->level -= n; }

/*@ requires \valid(c);
    assigns c->upper_open;
    ensures !(c->upper_open && c->lower_open); */
void open_upper(chamber_t *c) { c->upper_open = 1; }  /* fault: lower gate not checked */

/*@ requires 0 < count <= CHAMBERS;
    assigns \nothing;
    ensures \result >= 0; */
int average_level(int count) {
  int sum = 0;
  int i;
  /*@ loop invariant 0 <= i <= count;
      loop assigns i, sum; */
  for (i = 0; i < count; i++) sum += lock[i].level;
  return sum / count;
}

/*@ requires \valid(a + (0 .. n-1));
    requires n > 0;
    assigns \nothing;
    ensures \forall integer k; 0 <= k < n ==> \result >= a[k]; */
int max_level(const int *a, int n) {
  int m = a[0];
  int i;
  /*@ loop invariant 1 <= i <= n;
      loop invariant \forall integer k; 0 <= k < i - 1 ==> m >= a[k];
      loop assigns i, m; */
  for (i = 1; i < n; i++) if (a[i] > m) m = a[i];
  return m;
}

int enqueue(int boat) {
  if (qlen > QUEUE) return -1;  /* fault: should be >= */
  queue[qlen++] = boat;
  return qlen;
}

int ratio(int a, int b) { return a / b; }

int sensor_read(int ch) {
  int raw;
  if (ch < CHAMBERS) raw = lock[ch].level * 3;
  return raw;  /* fault: raw uninitialised when ch >= CHAMBERS */
}

int total_levels(void) {
  int t = 0;
  int i;
  for (i = 0; i <= CHAMBERS; i++) t += lock[i].level;  /* fault: off by one */
  return t;
}

void copy_name(char *dst, const char *src) { strcpy(dst, src); }

int wait_forever(int x) { while (x >= 0) { x = x * 1; } return x; }

int main(void) {
  char name[4];
  int i, b, avg, mx, r, s, t, big;
  int levels[CHAMBERS];
  for (i = 0; i < CHAMBERS; i++) { lock[i].cap = 100; lock[i].level = i * 10; }
  fill(&lock[0], 30);
  drain(&lock[1], 5);
  open_upper(&lock[2]);
  avg = average_level(CHAMBERS);
  for (i = 0; i < CHAMBERS; i++) levels[i] = lock[i].level;
  mx = max_level(levels, CHAMBERS);
  for (b = 0; b < 20; b++) enqueue(b);
  r = ratio(mx, avg - avg);
  s = sensor_read(CHAMBERS + 1);
  t = total_levels();
  copy_name(name, "north-basin");
  big = 2147483600 + t;
  if (r + s + big < 0) return wait_forever(1);
  return 0;
}
"""


def _gen_c(rng: random.Random, n: int) -> str:
    """n generated gauge handlers in C89, some with faults put in (a division by a value that may be zero, an index
    that may pass the end of an array, a read of a local left unset on one path, a product that may overflow),
    called from gauges_main with values the analysis cannot pin down."""
    out = ["#include <stddef.h>", "", "static int gauge[32];", "static int hist[16];", "volatile int nondet;", ""]
    calls = []
    for i in range(n):
        f = rng.random()
        nm = f"gauge_{i:02d}"
        if f < 0.25:
            out += [f"int {nm}(int k) {{", f"  int d = k - {rng.randint(0, 6)};", "  return gauge[k % 32] / d;", "}"]
        elif f < 0.45:
            out += [f"int {nm}(int k) {{", "  int s = 0;", "  int j;", f"  for (j = 0; j <= k % {rng.choice([17, 16])}; j++)",
                    "    s += hist[j];", "  return s;", "}"]
        elif f < 0.6:
            out += [f"int {nm}(int k) {{", "  int v;", f"  if (k > {rng.randint(1, 20)})", "    v = gauge[k % 32];",
                    "  return v + 1;", "}"]
        elif f < 0.75:
            out += [f"int {nm}(int k) {{", f"  int a = nondet * {rng.randint(2, 9)};", "  return a + k;", "}"]
        else:
            out += [f"int {nm}(int k) {{", f"  int a = gauge[k % 32] * {rng.randint(2, 9)};",
                    f"  if (a > {rng.randint(50, 500)})", f"    a = a - {rng.randint(1, 40)};", "  return a;", "}"]
        out.append("")
        calls.append(f"  acc += {nm}(k % {rng.randint(5, 40)});")
    out += ["int gauges_main(void) {", "  int acc = 0;", "  int k = nondet;", "  if (k < 0) k = -k;", "  if (k > 1000) k = 1000;"] + \
        calls + ["  return acc;", "}", ""]
    return "\n".join(out)


def cap_frama(tmp: Path) -> None:
    d = tmp / "frama"
    home = tmp / "home"
    home.mkdir(exist_ok=True)
    env = {"HOME": str(home)}
    run("why3 config detect", env=env)
    write_tree(d, {"sluice.c": SLUICE_C, "gauges.c": _gen_c(random.Random(1406), 48)})
    cap("frama-c-eva-sluice", "frama-c -eva sluice.c", d, n_frama_eva, env=env, timeout=600)
    cap("frama-c-eva-gauges", "frama-c -eva -main gauges_main gauges.c", d, n_frama_eva, env=env, timeout=600)
    cap("frama-c-eva-gauges-grep-alarm-echo", "frama-c -eva -main gauges_main gauges.c 2>&1 | grep -A1 'eva:alarm'; "
        "echo EXIT=$?", d, n_frama_eva, env=env, timeout=600)
    cap("frama-c-wp-sluice", "frama-c -wp -wp-prover z3,cvc5 -wp-timeout 3 sluice.c", d, n_frama_wp, env=env, timeout=600)
    cap("frama-c-wp-rte-echo", "frama-c -wp -wp-rte -wp-prover z3 -wp-timeout 2 sluice.c; echo EXIT=$?", d, n_frama_wp,
        env=env, timeout=600)
    cap("frama-c-metrics-sluice", "frama-c -metrics sluice.c", d, n_frama_metrics, env=env)
    cap("frama-c-metrics-gauges-by-function", "frama-c -metrics -metrics-by-function gauges.c", d, n_frama_metrics, env=env)


def cap_splint(tmp: Path) -> None:
    d = tmp / "frama"
    write_tree(d, {"sluice.c": SLUICE_C, "gauges.c": _gen_c(random.Random(1406), 48)})
    cap("splint-sluice", "splint sluice.c", d, n_splint)
    cap("splint-gauges-strict-echo", "splint -strict gauges.c; echo EXIT=$?", d, n_splint)
    cap("splint-both-weak-grep-v", "splint +posixlib sluice.c gauges.c 2>&1 | grep -v '^  '", d, n_splint)


# ------------------------------------------------------------------ SPIN

PROMELA = """
/* sluice: two gates and a chamber; a boat may pass when its gate is open. Fault put in: the controller opens the
   lower gate without waiting for the upper one to shut, so the two may be open at once. */
#define BOATS %(boats)d
bool upper = false, lower = false;
byte level = 0;
byte inside = 0;
chan req = [BOATS] of { byte, bool };   /* boat id, going down */

proctype Boat(byte id; bool down) {
  req ! id, down;
  if
  :: down -> (upper); inside++; printf("boat %%d enters from above\\n", id); (lower); inside--
  :: else -> (lower); inside++; printf("boat %%d enters from below\\n", id); (upper); inside--
  fi
}

active proctype Controller() {
  byte id; bool down;
  byte served = 0;
  do
  :: served < BOATS -> req ? id, down;
     if
     :: down -> level = 10; upper = true; lower = false; level = 0; upper = false; lower = true
     :: else -> lower = true; level = 0; lower = false; level = 10; upper = true
     fi;
     served++
  :: served == BOATS -> break
  od
}

active proctype Monitor() {
  do
  :: assert(!(upper && lower))
  od
}

init {
  byte i = 0;
  atomic {
    do
    :: i < BOATS -> run Boat(i, i %% 2 == 0); i++
    :: i == BOATS -> break
    od
  }
}
"""


LOCKS = """
/* sluice: one chamber cycled by the controller; a boat counter per direction. Fault put in: from the 60th cycle on,
   the controller opens the lower gate before the upper one is shut (a timer register that wraps). */
bool upper = false, lower = false;
byte level = 0, cycles = 0, timer = 0;
short up_boats = 0, down_boats = 0;

active proctype Controller() {
  do
  :: cycles < 90 ->
     upper = true; level = 10; up_boats++;
     timer = (timer + 11) % 256;
     if
     :: cycles >= 60 && timer > 150 -> lower = true; upper = false
     :: else -> upper = false; lower = true
     fi;
     level = 0; down_boats++;
     lower = false;
     cycles++;
     printf("cycle %d done, timer %d\\n", cycles, timer)
  :: cycles == 90 -> break
  od
}

active proctype Monitor() {
  do
  :: assert(!(upper && lower))
  od
}
"""


def cap_spin(tmp: Path) -> None:
    d = tmp / "spin"
    write_tree(d, {"sluice.pml": PROMELA % {"boats": 3}, "fleet.pml": PROMELA % {"boats": 5}, "locks.pml": LOCKS})
    cap("spin-pan-sluice", "spin -a sluice.pml && gcc -O1 -o pan pan.c && ./pan", d, n_spin_pan, timeout=600)
    cap("spin-trail-sluice", "spin -t -p sluice.pml", d, n_spin_trail)
    cap("spin-pan-fleet-echo", "spin -a fleet.pml && gcc -O1 -DSAFETY -o pan pan.c && ./pan -m20000; echo EXIT=$?", d,
        n_spin_pan, timeout=600)
    cap("spin-trail-fleet-globals-locals", "spin -t -p -g -l -s -r fleet.pml", d, n_spin_trail)
    cap("spin-pan-locks-echo", "spin -a locks.pml && gcc -O1 -DSAFETY -o pan pan.c && ./pan; echo EXIT=$?", d,
        n_spin_pan, timeout=600)
    cap("spin-trail-locks-globals-locals", "spin -t -p -g -l locks.pml", d, n_spin_trail)
    cap("spin-trail-locks-tail-100", "spin -t -p locks.pml | tail -n 100", d, n_spin_trail)
    cap("spin-pan-sluice-nofail", "spin -a sluice.pml && gcc -O1 -DSAFETY -o pan pan.c && ./pan -E -A -m100000", d,
        n_spin_pan, timeout=600)


STEPS = [cap_frama, cap_splint, cap_spin]
