"""Sources of round 821's material (capture_wide821.py writes them into its temp dir): a tide mill's programs in
Python and C (sluices, mill ponds, waterwheels, sack hoists, millers) with real hot spots and faults put in."""

TIDEMILL_PY = r'''
"""tidemill: a tide mill's day, run as `python tidemill.py MODE N` (modes: run, slack, nofile, threads)."""
import math
import random
import sys
import threading
import time

try:
    profile  # noqa: B018  (kernprof and memory_profiler put it in builtins)
except NameError:
    def profile(f):
        return f

HOIST_CACHE = {}


class Sluice:
    def __init__(self, name, width):
        self.name, self.width, self.open = name, width, 0.0

    def flow(self, head):
        return 0.6 * self.width * self.open * math.sqrt(2 * 9.81 * max(head, 0.0))


@profile
def smooth_pond(levels, reach=None):
    """Mill pond levels smoothed against every other reading: quadratic by mistake."""
    out = []
    n = len(levels)
    for i in range(n):
        total = 0.0
        weight = 0.0
        for j in range(n):
            w = 1.0 / (1 + abs(i - j))
            total += w * levels[j]
            weight += w
        out.append(total / weight)
    return out


@profile
def sack_ledger(sacks):
    """The miller's ledger, rebuilt by string concatenation."""
    text = ""
    for i, (grain, weight) in enumerate(sacks):
        text = text + f"sack {i:05d} {grain:<8} {weight:7.2f} kg\n"
    return text


@profile
def hoist(sack_id, weight):
    """The sack hoist remembers every sack it lifted: the cache is never evicted (a leak)."""
    key = f"hoist-{sack_id}"
    HOIST_CACHE[key] = bytearray(int(weight) * 16) + key.encode()
    return len(HOIST_CACHE[key])


def waterwheel_power(head, flow):
    """Power at the wheel; at slack water the head is zero and the efficiency division fails."""
    efficiency = flow / head
    return 9.81 * 1000 * flow * head * min(efficiency, 0.75) / 1000.0


def read_schedule(path):
    with open(path) as fh:
        return [line.split() for line in fh]


def tide(n, rnd):
    return [3.0 + 2.5 * math.sin(i / 12.0) + rnd.random() * 0.1 for i in range(n)]


def grind_day(n, rnd, slack=False):
    levels = tide(n, rnd)
    smooth = smooth_pond(levels)
    sluices = [Sluice(f"sluice-{k}", 1.2 + k * 0.3) for k in range(4)]
    power = 0.0
    for i, lvl in enumerate(smooth):
        s = sluices[i % 4]
        s.open = min(1.0, lvl / 5.0)
        head = round(lvl - 3.0, 1) if slack else lvl
        if slack and i == n - 3:
            head = 0.0
        power += waterwheel_power(head if head else (0.0 if slack else 0.1), s.flow(lvl))
    sacks = [(rnd.choice(["wheat", "barley", "rye", "oats"]), 20 + rnd.random() * 40) for _ in range(n * 4)]
    ledger = sack_ledger(sacks)
    lifted = sum(hoist(i, w) for i, (_, w) in enumerate(sacks))
    return power, len(ledger), lifted


def miller(lock, name, rounds, out):
    for r in range(rounds):
        with lock:
            out.append((name, r, sum(math.sqrt(k) for k in range(2000))))
        time.sleep(0.01)


def millers(n):
    lock = threading.Lock()
    out = []
    threads = [threading.Thread(target=miller, name=f"miller-{k}", args=(lock, f"miller-{k}", n, out)) for k in range(3)]
    threads.append(threading.Thread(target=lambda: time.sleep(30), name="sack-hoist-idle", daemon=True))
    with lock:  # the head miller holds the lock while the pond fills
        for t in threads:
            t.start()
        time.sleep(4)
    for t in threads[:3]:
        t.join()
    return len(out)


def main():
    mode = sys.argv[1] if len(sys.argv) > 1 else "run"
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 300
    rnd = random.Random(821 + n)
    if mode == "nofile":
        print(read_schedule("sluice_schedule.txt"))
    elif mode == "threads":
        print("millers done:", millers(n))
    else:
        power, ledger, lifted = grind_day(n, rnd, slack=(mode == "slack"))
        print(f"tide mill: {n} readings, power {power:.1f} kW, ledger {ledger} chars, hoisted {lifted} bytes")


if __name__ == "__main__":
    main()
'''

HOIST_LEAK_PY = r'''
"""hoist_leak: tracemalloc snapshots around a sack hoist that never forgets (`python hoist_leak.py N KEY`)."""
import sys
import tracemalloc

HOISTED = []
POND_LOG = {}


def lift(i):
    HOISTED.append(("sack", i, bytearray(256 + i % 64)))


def log_level(i):
    POND_LOG.setdefault(i % 97, []).append(f"pond level {i}: {3.0 + i / 1000:.3f} m")


def turn_wheel(i):
    return [i * k for k in range(8)]


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    key = sys.argv[2] if len(sys.argv) > 2 else "lineno"
    tracemalloc.start(8)
    before = tracemalloc.take_snapshot()
    for i in range(n):
        lift(i)
        log_level(i)
        turn_wheel(i)
    after = tracemalloc.take_snapshot()
    stats = after.compare_to(before, key)
    print(f"[ Top 12 differences by {key} after {n} sacks ]")
    for stat in stats[:12]:
        print(stat)
        if key == "traceback":
            for line in stat.traceback.format()[:6]:
                print(line)
    total = sum(s.size_diff for s in stats)
    print(f"Total allocated size difference: {total / 1024:.1f} KiB")


if __name__ == "__main__":
    main()
'''

SACKHOIST_C = r'''
/* sackhoist: a tide mill's sack hoist and waterwheel in C (`./sackhoist MODE N [slow]`). */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct sack { int id; double weight; char grain[8]; };

static unsigned long grind(const struct sack *s, int n, int rounds) {
    unsigned long h = 1469598103934665603UL;
    for (int r = 0; r < rounds; r++)
        for (int i = 0; i < n; i++) {
            h ^= (unsigned long)(s[i].weight * 1000) + (unsigned long)s[i].id;
            h *= 1099511628211UL;
        }
    return h;
}

static void sort_sacks_slow(struct sack *s, int n) {      /* bubble sort: the slow hoist order */
    for (int i = 0; i < n; i++)
        for (int j = 0; j + 1 < n - i; j++)
            if (s[j].weight > s[j + 1].weight) { struct sack t = s[j]; s[j] = s[j + 1]; s[j + 1] = t; }
}

static int by_weight(const void *a, const void *b) {
    double d = ((const struct sack *)a)->weight - ((const struct sack *)b)->weight;
    return (d > 0) - (d < 0);
}

static void sort_sacks(struct sack *s, int n) { qsort(s, n, sizeof *s, by_weight); }

static double pond_level(int tick) {
    double x = 0;
    for (int k = 1; k < 400; k++) x += (double)((tick * k) % 17) / k;
    return x;
}

static int open_pond_file(const char *name) {
    int fd = open(name, O_RDONLY);
    if (fd < 0) perror(name);
    return fd;
}

static void write_ledger(const struct sack *s, int n) {
    FILE *f = fopen("ledger.txt", "w");
    for (int i = 0; i < n; i++) fprintf(f, "sack %05d %-6s %7.2f\n", s[i].id, s[i].grain, s[i].weight);
    fclose(f);
}

static void jam_hoist(struct sack *s) {                   /* the hoist chain breaks: NULL sack */
    s = NULL;
    printf("hoisting %s\n", s->grain);
}

int main(int argc, char **argv) {
    const char *mode = argc > 1 ? argv[1] : "grind";
    int n = argc > 2 ? atoi(argv[2]) : 200;
    int slow = argc > 3 && strcmp(argv[3], "slow") == 0;
    const char *grains[] = {"wheat", "barley", "rye", "oats"};
    struct sack *s = calloc(n, sizeof *s);
    srand(821 + n);
    for (int i = 0; i < n; i++) {
        s[i].id = i;
        s[i].weight = 20 + (rand() % 4000) / 100.0;
        strcpy(s[i].grain, grains[rand() % 4]);
    }
    if (strcmp(mode, "files") == 0 || strcmp(mode, "jam") == 0) {
        const char *ponds[] = {"pond-upper.cfg", "/etc/hostname", "sluices/north.cfg", "pond-lower.cfg", "/etc/os-release"};
        for (int i = 0; i < 5; i++) {
            int fd = open_pond_file(ponds[i]);
            if (fd >= 0) close(fd);
        }
        write_ledger(s, n);
        if (access("millers.lock", F_OK) != 0) fprintf(stderr, "no millers.lock: continuing\n");
        if (strcmp(mode, "jam") == 0) jam_hoist(s);
        return 0;
    }
    if (strcmp(mode, "abort") == 0) {
        if (open_pond_file("tide-table.dat") < 0) { fprintf(stderr, "tide table missing: abort\n"); abort(); }
    }
    double lvl = 0;
    for (int t = 0; t < n * 20; t++) lvl += pond_level(t);
    if (slow) sort_sacks_slow(s, n); else sort_sacks(s, n);
    unsigned long h = grind(s, n, 2000);
    printf("sackhoist %s: %d sacks, pond %.1f, grind %lx\n", mode, n, lvl, h);
    free(s);
    return 0;
}
'''
