"""Round 137, AFL++ 4.04c: `beaconfw`'s parser behind a file-reading driver built with afl-clang-fast (a nested tag
that recurses until the stack overflows and a record scan that never advances are put in on purpose), fuzzed with
`afl-fuzz -V N` without its UI as a main and a secondary instance; the instances' `fuzzer_stats`, `afl-whatsup`,
`afl-showmap`, `afl-tmin` on a saved crash, `afl-cmin` on the queue. Run through capture_wide137.py."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from capture_more import groups, mask, run, write_tree
from capture_wide137 import cap
from capture_wide137_fuzz import FWIMG_C, FWIMG_H, MANIFEST_C
import capture_more as cm

EXIT = re.compile(r"^EXIT=\d+$")


def _exit(lines):
    return [ln for ln in lines if EXIT.match(ln)]


def _errors(lines):
    """Every [-] / PROGRAM ABORT line with the Location : line after it; [!] WARNING lines one {"any"} per shape."""
    out = []
    for i, ln in enumerate(lines):
        if re.match(r"^\s*\[-\]", ln) or "PROGRAM ABORT" in ln:
            out.append(ln)
            loc = cm.next_match(lines, i, r"^\s*Location :", 3)
            if loc:
                out.append(loc)
    out += groups((mask(ln), ln) for ln in lines if re.match(r"^\s*\[!\] WARNING", ln))
    return out


@cm.kind("afl-fuzz-log", "log")
def n_afl_fuzz(lines):
    """Rules 1+3+5 on afl-fuzz without its UI: every [-] / PROGRAM ABORT line with its Location : line, [!] WARNING lines one {"any"} per shape, the 'All set and ready to roll!' line, the first and last status lines, the first status line at each new count of saved crashes, every line of the closing report after +++ ... +++, an EXIT=N line."""
    out = _errors(lines)
    out += [ln for ln in lines if "All set and ready to roll" in ln]
    status = [ln for ln in lines if re.match(r"^\[\*\] Fuzzing test case #", ln)]
    out += status[:1] + status[-1:]
    seen = set()
    for ln in status:
        m = re.search(r"(\d+) crashes saved", ln)
        if m and m.group(1) not in seen:
            seen.add(m.group(1))
            out.append(ln)
    end = next((i for i, ln in enumerate(lines) if re.match(r"^\+\+\+ .* \+\+\+$", ln.strip())), None)
    if end is not None:
        out += [ln for ln in lines[end:] if ln.strip() and not EXIT.match(ln)]
    return out + _exit(lines)


STAT_KEYS = ("afl_version", "command_line", "run_time", "execs_done", "execs_per_sec", "corpus_count", "corpus_found",
             "saved_crashes", "saved_hangs", "bitmap_cvg", "stability", "last_crash", "target_mode", "unique_crashes",
             "unique_hangs", "paths_total")


@cm.kind("afl-fuzzer-stats", "table")
def n_afl_stats(lines):
    """Rule 5 on fuzzer_stats: the afl_version, command_line, run_time, execs_done, execs_per_sec, corpus_count, corpus_found, saved_crashes, saved_hangs, bitmap_cvg, stability, last_crash and target_mode lines (older names unique_crashes, unique_hangs, paths_total), an EXIT=N line."""
    return [ln for ln in lines if re.match(r"^(\S+:)?(%s)\s*:" % "|".join(STAT_KEYS), ln)] + _exit(lines)


@cm.kind("afl-whatsup", "table")
def n_afl_whatsup(lines):
    """Rules 3+5 on afl-whatsup: every >>> line naming an instance, every line saying an instance is dead or has crashes / hangs, every line of the Summary stats block, an EXIT=N line."""
    out = [ln for ln in lines if ln.lstrip().startswith(">>>")]
    start = next((i for i, ln in enumerate(lines) if "Summary stats" in ln), len(lines))
    out += [ln for ln in lines[:start] if re.search(r"(?i)dead|not running|crash|hang", ln)]
    out += [ln for ln in lines[start:] if ln.strip() and not set(ln.strip()) <= set("=-")]
    return out + _errors(lines)


@cm.kind("afl-showmap", "listing")
def n_afl_showmap(lines):
    """Rules 1+3+4 on afl-showmap: the [+] Captured N tuples / A coverage of N edges lines, every [-] / [!] line, on a printed map the first and last NNNNNN:V rows and the rows holding the largest hit value, an EXIT=N line."""
    out = [ln for ln in lines if re.search(r"\[\+\] (Captured|A coverage)|^\s*\[[-!]\]|\+\+\+ .* \+\+\+", ln)]
    rows = [ln for ln in lines if re.match(r"^\d{6}:\d+$", ln)]
    if rows:
        top = max(int(r.split(":")[1]) for r in rows)
        out += [rows[0], rows[-1]] + [r for r in rows if int(r.split(":")[1]) == top]
    return out + _exit(lines)


@cm.kind("afl-tmin", "log")
def n_afl_tmin(lines):
    """Rules 1+3+5 on afl-tmin: every [-] / [!] WARNING line, the 'Program exits ...' mode line, the File size reduced by, Characters simplified, Number of execs done and Fruitless execs lines, the [+] ... written to line, an EXIT=N line."""
    out = _errors(lines)
    out += [ln for ln in lines if re.search(r"Program (exits|terminates)|File size reduced by|Characters simplified|"
                                            r"Number of execs done|Fruitless execs|\[\+\] .*written to", ln)]
    return out + _exit(lines)


@cm.kind("afl-cmin", "log")
def n_afl_cmin(lines):
    """Rules 1+3+5 on afl-cmin: every [-] / [!] WARNING line, the Found N unique tuples across M files line, the Narrowed down to N files line, every line counting inputs or tuples, an EXIT=N line."""
    out = _errors(lines)
    out += [ln for ln in lines if re.search(r"unique tuples across|Narrowed down to|\d+ (input )?files|\d+ tuples", ln)]
    return out + _exit(lines)


DRIVER_C = r"""#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "fwimg.h"

/* afl driver: the first byte chooses the parser, the rest is its input */
int main(int argc, char **argv) {
    static uint8_t buf[4096];
    FILE *f = argc > 1 ? fopen(argv[1], "rb") : stdin;
    if (!f)
        return 2;
    size_t n = fread(buf, 1, sizeof buf, f);
    if (n < 2)
        return 0;
    image_t img;
    memset(&img, 0, sizeof img);
    switch (buf[0]) {
    case 'H':
        fw_parse_header(buf + 1, n - 1, &img);
        break;
    case 'S':
        fw_parse_sections(buf + 1, n - 1, &img);
        fw_free(&img);
        break;
    case 'T':
        fw_walk_tlv(buf + 1, n - 1, 0);
        break;
    case 'R':
        fw_scan_records(buf + 1, n - 1);
        break;
    case 'C':
        printf("%d\n", fw_manifest_check(buf + 1, n - 1));
        break;
    }
    return 0;
}
"""

AFL_ENV = "AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_AFFINITY=1"


def cap_afl(tmp: Path) -> None:
    d = tmp / "beaconafl"
    write_tree(d, {"fwimg.h": FWIMG_H, "fwimg.c": FWIMG_C, "fw_manifest.c": MANIFEST_C, "afl_main.c": DRIVER_C})
    seeds = {"h": b"HBFW\x03\x06AQUILA\x00\x00\x01", "s": b"S\x7f\x04\x00lamp\x10\x02\x00ab",
             "t": b"T\x31\x02ab\x02\x01c", "r": b"R\x03ab\x02c", "r2": b"R\x00Yab",
             "c": b"Cmodel=BX-100\nregion=EU\npower=5\n"}
    (d / "in").mkdir()
    (d / "empty").mkdir()
    for k, v in seeds.items():
        (d / "in" / k).write_bytes(v)
    out = run("nice afl-clang-fast -g -O1 afl_main.c fwimg.c fw_manifest.c -o beacon_afl && "
              "clang-14 -g -O1 afl_main.c fwimg.c fw_manifest.c -o beacon_plain", cwd=d, timeout=300)
    if not (d / "beacon_afl").exists():
        raise RuntimeError(f"afl-clang-fast: {out[-500:]}")
    cap("afl-fuzz-log-main-60s", f"{AFL_ENV} nice afl-fuzz -M main -i in -o out -t 200 -V 60 -- ./beacon_afl @@", d,
        n_afl_fuzz, timeout=200)
    cap("afl-fuzz-log-secondary-tail-30-echo", f"{AFL_ENV} nice afl-fuzz -S s2 -i in -o out -t 200 -V 30 -- "
        "./beacon_afl @@ 2>&1 | tail -n 30; echo EXIT=$?", d, n_afl_fuzz, timeout=200)
    cap("afl-fuzz-log-empty-input-echo", f"{AFL_ENV} afl-fuzz -i empty -o out-empty -- ./beacon_afl @@; echo EXIT=$?",
        d, n_afl_fuzz, timeout=120)
    cap("afl-fuzz-log-not-instrumented", f"{AFL_ENV} afl-fuzz -i in -o out-plain -V 10 -- ./beacon_plain @@", d,
        n_afl_fuzz, timeout=120)
    cap("afl-fuzzer-stats-main", "cat out/main/fuzzer_stats", d, n_afl_stats)
    cap("afl-fuzzer-stats-grep-all", "grep -E 'crash|hang|execs|corpus' out/*/fuzzer_stats", d, n_afl_stats)
    cap("afl-whatsup-out-dead", "afl-whatsup out", d, n_afl_whatsup)
    # a third instance still running while afl-whatsup reads the output directory
    cm.start(f"{AFL_ENV} nice afl-fuzz -S s3 -i in -o out -t 200 -V 45 -- ./beacon_afl @@", cwd=d)
    run("sleep 25")
    cap("afl-whatsup-out-live", "afl-whatsup out", d, n_afl_whatsup)
    run("sleep 25")
    cap("afl-showmap-stdout-manifest", "afl-showmap -o /dev/stdout -- ./beacon_afl in/c", d, n_afl_showmap)
    cap("afl-showmap-corpus-queue", "afl-showmap -C -i out/main/queue -o cov.map -- ./beacon_afl @@", d, n_afl_showmap,
        timeout=300)
    cap("afl-fuzzer-stats-all-instances", "tail -n +1 out/*/fuzzer_stats", d, n_afl_stats)
    cap("afl-tmin-all-crashes-loop", "mkdir -p min && for c in out/*/crashes/id:*; do afl-tmin -i \"$c\" "
        "-o \"min/$(basename \"$c\" | cut -d, -f1)\" -- ./beacon_afl @@; done", d, n_afl_tmin, timeout=400)
    cap("afl-tmin-queue-entry-echo", "afl-tmin -i \"$(ls -S out/main/queue/id:* | head -n 1)\" -o queue.min -- "
        "./beacon_afl @@; echo EXIT=$?", d, n_afl_tmin, timeout=300)
    cap("afl-cmin-queue", "AFL_ALLOW_TMP=1 afl-cmin -i out/main/queue -o queue.cmin -- ./beacon_afl @@", d, n_afl_cmin, timeout=300)
    cap("afl-cmin-all-crashes-tail-20", "AFL_ALLOW_TMP=1 afl-cmin -C -i out/main/crashes -o crashes.cmin -- ./beacon_afl @@ 2>&1 "
        "| tail -n 20", d, n_afl_cmin, timeout=300)


STEPS = [cap_afl]
