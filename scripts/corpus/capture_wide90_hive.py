"""Round 90: the `hivelog` repository (an apiary monitor in Python, C and TypeScript, widened by a seeded generator,
with mistakes put in) and round 85's code-navigation and terminal tools run over it. The needles are round 85's
extractors, imported from capture_wide85_nav.py. Run through capture_wide90.py."""

from __future__ import annotations

import random
import struct
from pathlib import Path

from capture_more import run, write_tree
from capture_wide85_nav import (cscope_rule, n_ctags_json, n_ctags_tags, n_ctags_x, n_fd_long, n_hexyl, n_ncdu,
                                n_ping, n_sg_json, n_sg_rewrite, n_sg_run, n_sg_scan, n_sg_short)
from capture_wide90 import cap

SITES = ["heather", "clover", "orchard", "lavender", "willow", "bramble", "meadow", "linden", "gorse", "thistle",
         "rowan", "acacia", "sorrel"]


def py_module(rng: random.Random, k: int, site: str, sub: str) -> str:
    cls = site.capitalize() + sub.capitalize().rstrip("s")
    lines = [f'"""Hive {site}: {sub} (module {k})."""', "import pickle", "import time", "",
             f"LIMIT_{k} = {rng.randint(10, 90)}", ""]
    lines += [f"class {cls}:", "    def __init__(self, hive_id):", "        self.hive_id = hive_id",
              "        self.samples = {}", ""]
    for j in range(rng.randint(4, 8)):
        name = rng.choice(["weigh", "brood_temp", "humidity", "swarm_risk", "queen_check", "varroa", "flush"]) + f"_{j}"
        lines += [f"    def {name}(self, raw):"]
        if rng.random() < 0.35:
            lines += ["        if raw is 0:", "            return None"]
        if rng.random() < 0.3:
            lines += ["        raw = pickle.loads(raw)"]
        if rng.random() < 0.4:
            lines += [f"        time.sleep({rng.choice(['0.1', '0.5', '2'])})"]
        if rng.random() < 0.3:
            lines += [f'        print("{site}", raw)']
        lines += [f"        self.samples[{j}] = raw", f"        return raw > LIMIT_{k}", ""]
    for j in range(rng.randint(1, 3)):
        lines += [f"def open_{site}_{j}(path):", "    with open(path, 'rb') as fh:", "        return fh.read()", ""]
    return "\n".join(lines) + "\n"


def c_module(rng: random.Random, k: int, site: str) -> str:
    lines = ['#include <stdio.h>', '#include <stdlib.h>', '#include <string.h>', '#include "hive.h"', "",
             f"struct {site}_cal {{ int offset; float gain; }};", "",
             f"static int {site}_zero(void) {{", f"    return {k};", "}", ""]
    for j in range(rng.randint(2, 5)):
        lines += [f"int {site}_sample_{j}(scale_t *s, const char *cfg) {{", "    char buf[48];"]
        if rng.random() < 0.4:
            lines += ["    int g = atoi(cfg);", "    s->gain = g;"]
        if rng.random() < 0.35:
            lines += ["    strcat(buf, cfg);"]
        if rng.random() < 0.2:
            lines += ["    gets(buf);"]
        lines += [f"    scale_tare(s, {site}_zero());", "    ring_push(&s->ring, s->raw);", "    return s->raw;", "}", ""]
    return "\n".join(lines) + "\n"


def ts_module(rng: random.Random, k: int, site: str) -> str:
    cap_ = site.capitalize()
    lines = [f"// hive card for the {site} apiary", f"import {{ Sample }} from '../types';", "",
             f"export interface {cap_}Props {{ hiveId: string; limit: number; }}", "",
             f"export class {cap_}Card {{", "  constructor(private props: " + cap_ + "Props) {}", ""]
    for j in range(rng.randint(3, 6)):
        lines += [f"  draw{j}(samples: Sample[]): number[] {{"]
        if rng.random() < 0.45:
            lines += ["    const raw = samples as any;"]
        if rng.random() < 0.4:
            lines += ["    if (samples.length == 0) return [];"]
        if rng.random() < 0.35:
            lines += ["    console.warn('empty card', this.props.hiveId);"]
        if rng.random() < 0.1:
            lines += ["    debugger;"]
        lines += ["    return samples.map((s) => s.weight * 1000);", "  }", ""]
    lines += ["}", "", f"export enum {cap_}State {{ Calm, Foraging, Swarming }}"]
    return "\n".join(lines) + "\n"


HIVE_H = """#ifndef HIVE_H
#define HIVE_H
#include <stdint.h>
typedef struct { int32_t buf[64]; unsigned head; } ring_t;
typedef struct { ring_t ring; int32_t raw; float gain; } scale_t;
typedef enum { HIVE_IDLE, HIVE_WEIGH, HIVE_SLEEP } hive_mode_t;
union sample_word { uint32_t bits; float grams; };
void scale_tare(scale_t *s, int zero);
void ring_push(ring_t *r, int32_t v);
#endif
"""

SCALE_C = """#include "hive.h"

void ring_push(ring_t *r, int32_t v) {
    r->buf[r->head++ % 64] = v;
}

void scale_tare(scale_t *s, int zero) {
    s->raw -= zero;
    ring_push(&s->ring, s->raw);
}

int main(void) {
    scale_t s = {0};
    scale_tare(&s, 3);
    ring_push(&s.ring, 7);
    return 0;
}
"""

TYPES_TS = "export interface Sample { weight: number; temp: number; at: Date; }\n"

BROKEN_PY = '''"""Swarm predictor (half-written)."""
def predict(weights, temps
    return sum(weights) / len(temps)

for w in weights
    print(w)
'''

BROKEN_TS = """export function rate(a: number, b: number): number {
  return (a - b) / b;
)

const hives: string[] = ['a', 'b'
"""


def make_repo(root: Path, seed: int = 90) -> None:
    rng = random.Random(seed)
    files = {"firmware/hive.h": HIVE_H, "firmware/scale.c": SCALE_C, "ui/types.ts": TYPES_TS,
             "src/hivelog/swarm_predict.py": BROKEN_PY, "ui/rate.ts": BROKEN_TS,
             "src/hivelog/__init__.py": '"""hivelog."""\n', "README.md": "# hivelog\n\nApiary monitor.\n"}
    k = 0
    for sub in ["sensors", "alerts", "reports"]:
        for st in SITES:
            k += 1
            files[f"src/hivelog/{sub}/{st}.py"] = py_module(rng, k, st, sub)
    for st in SITES:
        k += 1
        files[f"firmware/sites/{st}.c"] = c_module(rng, k, st)
        files[f"ui/cards/{st}.ts"] = ts_module(rng, k, st)
    files["sgconfig.yml"] = "ruleDirs:\n  - rules\n"
    rules = {
        "no-pickle-loads": ("python", "error", "unpickling sensor data runs code", "pattern: pickle.loads($X)"),
        "is-literal": ("python", "warning", "identity comparison with a literal", "pattern: $A is 0"),
        "blocking-sleep": ("python", "info", "time.sleep blocks the reader loop", "pattern: time.sleep($T)"),
        "print-left": ("python", "hint", "print call left in", "pattern: print($$$A)"),
        "no-gets": ("c", "error", "gets cannot be bounded", "pattern: gets($B)"),
        "no-atoi": ("c", "warning", "atoi hides parse errors; use strtol", "pattern: atoi($S)"),
        "no-strcat": ("c", "warning", "strcat has no bound", "pattern: strcat($A, $B)"),
        "no-as-any": ("typescript", "warning", "cast to any drops type checks", "pattern: $X as any"),
        "eqeq": ("typescript", "info", "use === instead of ==", "pattern: $A == $B"),
        "console-warn": ("typescript", "hint", "console call left in", "pattern: console.warn($$$A)"),
        "no-debugger": ("typescript", "error", "debugger statement left in", "kind: debugger_statement"),
    }
    for rid, (lang, sev, msg, rule) in rules.items():
        files[f"rules/{rid}.yml"] = f"id: {rid}\nlanguage: {lang}\nseverity: {sev}\nmessage: {msg}\nrule:\n  {rule}\n"
    write_tree(root, files)
    data = root / "data"
    data.mkdir(exist_ok=True)
    # a firmware image: a header, a zero-filled pad, code-like bytes, a 0xff-filled erase block, a trailer
    fw = b"HIVEFW\x01\x02" + struct.pack("<III", 0x08004000, 3072, 0xC0FFEE) + bytes(496)
    fw += rng.randbytes(1536) + b"\xff" * 1024 + rng.randbytes(512) + b"CRC!" + struct.pack("<I", 0x5A5AA5A5)
    (data / "hive.fw").write_bytes(fw)
    wl = b"".join(struct.pack("<Ifh", 1760000000 + 600 * i, 30.0 + rng.random() * 25, rng.randint(300, 370))
                  for i in range(220))
    (data / "weights.bin").write_bytes(b"WLOG" + struct.pack("<I", 220) + wl)
    for st in SITES:
        (data / f"{st}.csv").write_text("".join(f"{i},{rng.uniform(20, 60):.2f}\n" for i in range(rng.randint(3, 1500))))
    (data / "api.key").write_text("KEY=x\n")
    (data / "api.key").chmod(0o600)
    (data / "sync.sh").write_text("#!/bin/sh\nrsync -a data/ backup/\n")
    (data / "sync.sh").chmod(0o755)
    (data / "stale.lock").write_text("")


def astgrep(tmp: Path) -> None:
    root = tmp / "hivelog"
    make_repo(root)
    c = lambda i, cmd, ext: cap(i, cmd, root, ext)  # noqa: E731
    c("sg-run-sleep-py", "ast-grep run -p 'time.sleep($T)' -l python src", n_sg_run)
    c("sg-run-samples-heading", "ast-grep run -p 'self.samples[$K] = $V' -l python --heading always src/hivelog/sensors",
      n_sg_run)
    c("sg-run-ring-push-tail", "ast-grep run -p 'ring_push($R, $V)' -l c firmware 2>&1 | tail -n 80", n_sg_run)
    c("sg-run-map-ts-head", "ast-grep run -p '$S.map($F)' -l ts ui | head -n 100", n_sg_run)
    c("sg-run-json-loads", "ast-grep run -p 'pickle.loads($X)' -l python --json=pretty src | head -n 250", n_sg_json)
    c("sg-run-json-atoi", "ast-grep run -p 'int $G = atoi($S);' -l c --json=pretty firmware", n_sg_json)
    c("sg-run-json-warn-ts", "ast-grep run -p 'console.warn($$$A)' -l ts --json=pretty ui | head -n 200", n_sg_json)
    c("sg-scan-all-echo", "ast-grep scan; echo EXIT=$?", n_sg_scan)
    c("sg-scan-src-sensors", "ast-grep scan src/hivelog/sensors src/hivelog/alerts ui", n_sg_scan)
    c("sg-scan-firmware-tail", "ast-grep scan firmware 2>&1 | tail -n 80", n_sg_scan)
    c("sg-scan-filter-ts", "ast-grep scan --filter 'no-as-any|no-debugger' ui; echo EXIT=$?", n_sg_scan)
    c("sg-scan-promoted-echo", "ast-grep scan --warning=blocking-sleep --error=eqeq src ui; echo EXIT=$?", n_sg_scan)
    c("sg-scan-short-src", "ast-grep scan --report-style short src; echo EXIT=$?", n_sg_short)
    c("sg-scan-short-ui-head", "ast-grep scan --report-style short ui firmware | head -n 100", n_sg_short)
    c("sg-rewrite-is-literal", "ast-grep run -p '$A is 0' -r '$A == 0' -l python src", n_sg_rewrite)
    c("sg-rewrite-eqeq-head", "ast-grep run -p '$A == $B' -r '$A === $B' -l ts ui | head -n 120", n_sg_rewrite)
    c("sg-rewrite-strcat", "ast-grep run -p 'strcat($A, $B);' -r 'strncat($A, $B, sizeof $A - 1);' -l c firmware",
      n_sg_rewrite)


def tags(tmp: Path) -> None:
    root = tmp / "hivelog"
    c = lambda i, cmd, ext: cap(i, cmd, root, ext)  # noqa: E731
    c("ctags-x-firmware", "ctags -R -x firmware", n_ctags_x)
    c("ctags-x-ui", "ctags -R -x --languages=TypeScript ui", n_ctags_x)
    c("ctags-x-all-head", "ctags -R -x --exclude=data --exclude=rules . | head -n 150", n_ctags_x)
    c("ctags-json-firmware", "ctags -R --output-format=json --fields=+n firmware", n_ctags_json)
    c("ctags-json-reports-head", "ctags -R --output-format=json src/hivelog/reports | head -n 120", n_ctags_json)
    c("ctags-tags-ui", "ctags -R -f - --fields=+nK ui", n_ctags_tags)
    c("ctags-tags-sensors", "ctags -R -f - --fields=+nK src/hivelog/sensors", n_ctags_tags)
    c("ctags-tags-firmware-head", "ctags -R -f - --fields=+nK firmware | head -n 90", n_ctags_tags)
    fw = root / "firmware"
    run("cscope -b -R -q", cwd=fw)
    cs = lambda i, cmd, m: cap(i, cmd, fw, cscope_rule(m))  # noqa: E731
    cs("cscope-def-loop", "for f in scale_tare ring_push main heather_zero clover_zero orchard_zero willow_zero "
       "heather_sample_0 heather_sample_1 gorse_sample_0 rowan_sample_1 linden_sample_0; do cscope -d -L -1 $f; done", 1)
    cs("cscope-callers-tare-head", "cscope -d -L -3 scale_tare | head -n 40", 3)
    cs("cscope-callers-ring-push", "cscope -d -L -3 ring_push", 3)
    cs("cscope-symbol-scale-t", "cscope -d -L -0 scale_t", 0)
    cs("cscope-called-by-sample", "cscope -d -L -2 heather_sample_0; cscope -d -L -2 clover_sample_1; "
       "cscope -d -L -2 main", 2)


def term(tmp: Path) -> None:
    root = tmp / "hivelog"
    c = lambda i, cmd, ext, t=600: cap(i, cmd, root, ext, timeout=t)  # noqa: E731
    c("hexyl-fw", "hexyl data/hive.fw", n_hexyl)
    c("hexyl-weights-head", "hexyl --border none data/weights.bin | head -n 80", n_hexyl)
    c("ncdu-export-src", "ncdu -o - src", n_ncdu)
    c("ncdu-export-repo-exclude", "ncdu -o - --exclude '*.csv' .", n_ncdu)
    c("fdfind-long-data", "fdfind -l . data", n_fd_long)
    c("fdfind-long-ts-c", "fdfind -l -e ts -e c -e h", n_fd_long)
    c("ping-40-echo", "ping -c 40 -i 0.15 127.0.0.1; echo EXIT=$?", n_ping, 60)
    c("ping-80-size-tail", "ping -c 80 -i 0.05 -s 512 127.0.0.1 | tail -n 30", n_ping, 60)


STEPS = [astgrep, tags, term]
