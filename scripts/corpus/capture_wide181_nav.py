"""Round 181, round 85's kinds: the `railyard` repository (a freight hump-yard controller in Python, C and Go, widened
by a seeded generator, with mistakes put in) and round 85's code-navigation and terminal tools run over it. The
needles are round 85's extractors, imported from capture_wide85_nav.py. Run through capture_wide181.py."""

from __future__ import annotations

import random
import struct
from pathlib import Path

from capture_more import run, write_tree
from capture_wide85_nav import (cscope_rule, n_ctags_json, n_ctags_tags, n_ctags_x, n_fd_long, n_hexyl, n_ncdu,
                                n_ping, n_sg_json, n_sg_rewrite, n_sg_run, n_sg_scan, n_sg_short)
from capture_wide181 import cap

TRACKS = ["north", "south", "east", "west", "bowl", "hump", "retarder", "departure", "arrival", "runaround", "caboose",
          "scale", "repair", "fuel", "wash", "spur"]


def py_module(rng: random.Random, k: int, track: str, sub: str) -> str:
    cls = track.capitalize() + sub.capitalize().rstrip("s")
    lines = [f'"""Yard track {track}: {sub} (module {k})."""', "import subprocess", "import yaml", "", 
             f"MAX_CARS_{k} = {rng.randint(20, 120)}", ""]
    lines += [f"class {cls}:", "    def __init__(self, track_id, cars=[]):", "        self.track_id = track_id",
              "        self.cars = cars", ""]
    for j in range(rng.randint(3, 7)):
        name = rng.choice(["couple", "uncouple", "classify", "weigh", "release", "brake", "inspect"]) + f"_{j}"
        lines += [f"    def {name}(self, car, cfg):"]
        if rng.random() < 0.3:
            lines += ["        rules = yaml.load(cfg)"]
        if rng.random() < 0.25:
            lines += ["        subprocess.call('logger ' + car, shell=True)"]
        if rng.random() < 0.35:
            lines += ["        if car == None:", "            return False"]
        if rng.random() < 0.25:
            lines += ["        try:", "            car.seal()", "        except:", "            pass"]
        lines += ["        self.cars.append(car)", f"        return len(self.cars) <= MAX_CARS_{k}", ""]
    for j in range(rng.randint(1, 2)):
        lines += [f"def load_{track}_{j}(path):", "    return open(path).read()", ""]
    return "\n".join(lines) + "\n"


def c_module(rng: random.Random, k: int, track: str) -> str:
    lines = ['#include <stdio.h>', '#include <stdlib.h>', '#include <string.h>', '#include "yard.h"', "",
             f"typedef struct {{ int axle; int load_kg; }} {track}_car_t;", "",
             f"static int {track}_gain(void) {{", f"    return {k * 3};", "}", ""]
    for j in range(rng.randint(2, 5)):
        lines += [f"int {track}_retard_{j}(retarder_t *r, const char *msg) {{", "    char line[64];"]
        if rng.random() < 0.35:
            lines += ["    sprintf(line, \"%s\", msg);"]
        if rng.random() < 0.3:
            lines += ["    char *copy = malloc(strlen(msg));", "    strcpy(copy, msg);"]
        if rng.random() < 0.25:
            lines += ["    r->speed = atof(msg);"]
        lines += [f"    retarder_set(r, {track}_gain());", "    log_axle(&r->log, r->speed);", "    return r->speed;",
                  "}", ""]
    return "\n".join(lines) + "\n"


def go_module(rng: random.Random, k: int, track: str) -> str:
    cap_ = track.capitalize()
    lines = ["package tracks", "", 'import (', '\t"fmt"', '\t"os"', ')', "",
             f"// {cap_}Switch drives the points of the {track} ladder.",
             f"type {cap_}Switch struct {{", "\tID    int", "\tState string", "}", "",
             f"type {cap_}Reader interface {{", "\tRead() ([]byte, error)", "}", ""]
    for j in range(rng.randint(2, 5)):
        lines += [f"func (s *{cap_}Switch) Throw{j}(to string) error {{"]
        if rng.random() < 0.4:
            lines += ["\tf, _ := os.Open(\"/var/yard/\" + to)", "\t_ = f"]
        if rng.random() < 0.35:
            lines += ["\tfmt.Println(\"throw\", s.ID, to)"]
        if rng.random() < 0.2:
            lines += ["\tpanic(\"points jammed\")"]
        lines += ["\ts.State = to", "\treturn nil", "}", ""]
    lines += [f"const {cap_}Limit = {k}"]
    return "\n".join(lines) + "\n"


YARD_H = """#ifndef YARD_H
#define YARD_H
#include <stdint.h>
typedef struct { float speeds[128]; unsigned n; } axle_log_t;
typedef struct { axle_log_t log; float speed; int gain; } retarder_t;
typedef enum { RET_OPEN, RET_HOLD, RET_RELEASE } ret_state_t;
struct hump_cfg { int grade_permille; int cars_per_hour; };
union axle_word { uint32_t raw; float kmh; };
void retarder_set(retarder_t *r, int gain);
void log_axle(axle_log_t *l, float v);
#endif
"""

RETARDER_C = """#include "yard.h"

void log_axle(axle_log_t *l, float v) {
    l->speeds[l->n++ % 128] = v;
}

void retarder_set(retarder_t *r, int gain) {
    r->gain = gain;
    log_axle(&r->log, r->speed);
}

int main(void) {
    retarder_t r = {0};
    retarder_set(&r, 4);
    log_axle(&r.log, 12.5f);
    return 0;
}
"""

BROKEN_PY = '''"""Cut list planner (half-written)."""
def plan(cuts, tracks
    return [c for c in cuts if c.track in tracks]

while True
    pass
'''

BROKEN_GO = """package tracks

func Broken(a int, b int) int {
\treturn a + * b
}
"""


def make_repo(root: Path, seed: int = 181) -> None:
    rng = random.Random(seed)
    files = {"firmware/yard.h": YARD_H, "firmware/retarder.c": RETARDER_C, "src/railyard/cutlist.py": BROKEN_PY,
             "tracks/broken.go": BROKEN_GO, "src/railyard/__init__.py": '"""railyard."""\n',
             "go.mod": "module example.org/railyard\n\ngo 1.22\n", "README.md": "# railyard\n\nHump-yard controller.\n"}
    k = 0
    for sub in ["switches", "cuts", "manifests"]:
        for t in TRACKS:
            k += 1
            files[f"src/railyard/{sub}/{t}.py"] = py_module(rng, k, t, sub)
    for t in TRACKS:
        k += 1
        files[f"firmware/tracks/{t}.c"] = c_module(rng, k, t)
        files[f"tracks/{t}.go"] = go_module(rng, k, t)
    files["sgconfig.yml"] = "ruleDirs:\n  - rules\n"
    rules = {
        "no-yaml-load": ("python", "error", "yaml.load without a Loader builds arbitrary objects", "pattern: yaml.load($X)"),
        "shell-true": ("python", "error", "shell=True with a built string", "pattern: subprocess.call($C, shell=True)"),
        "eq-none": ("python", "warning", "compare to None with is", "pattern: $A == None"),
        "mutable-default": ("python", "hint", "a list default is shared between calls",
                            "kind: default_parameter\n  has:\n    kind: list"),
        "no-sprintf": ("c", "warning", "sprintf has no bound; use snprintf", "pattern: sprintf($$$A)"),
        "no-strcpy": ("c", "error", "strcpy into a buffer sized by strlen overflows by one", "pattern: strcpy($A, $B)"),
        "no-atof": ("c", "info", "atof hides parse errors", "pattern: atof($S)"),
        "go-panic": ("go", "error", "panic in yard control code", "pattern: panic($M)"),
        "go-println": ("go", "hint", "fmt.Println left in", "pattern: fmt.Println($A, $B, $C)"),
        "go-ignored-err": ("go", "warning", "error from os.Open ignored", "pattern: $F, _ := os.Open($P)"),
    }
    for rid, (lang, sev, msg, rule) in rules.items():
        files[f"rules/{rid}.yml"] = f"id: {rid}\nlanguage: {lang}\nseverity: {sev}\nmessage: {msg}\nrule:\n  {rule}\n"
    write_tree(root, files)
    data = root / "data"
    data.mkdir(exist_ok=True)
    # a retarder controller image: a header, a zero pad, code-like bytes, a 0xff erase block, more code, a trailer
    img = b"RYRD\x02\x00\x01\x07" + struct.pack("<III", 0x00010000, 4096, 0xBADC0DE) + bytes(720)
    img += rng.randbytes(2048) + b"\xff" * 1536 + rng.randbytes(768) + bytes(256) + b"END." + struct.pack("<I", 0x1234ABCD)
    (data / "retarder.img").write_bytes(img)
    ax = b"".join(struct.pack("<IHf", 1770000000 + 7 * i, rng.randint(1, 64), 3.0 + rng.random() * 18) for i in range(300))
    (data / "axles.bin").write_bytes(b"AXLE" + struct.pack("<I", 300) + ax)
    for t in TRACKS:
        (data / f"{t}-manifest.csv").write_text("".join(f"car{i},{rng.randint(20000, 90000)}\n"
                                                       for i in range(rng.randint(2, 1800))))
    (data / "dispatcher.token").write_text("T=x\n")
    (data / "dispatcher.token").chmod(0o600)
    (data / "rotate.sh").write_text("#!/bin/sh\nmv data/*.csv archive/\n")
    (data / "rotate.sh").chmod(0o755)
    (data / "empty.pid").write_text("")


def astgrep(tmp: Path) -> None:
    root = tmp / "railyard"
    make_repo(root)
    c = lambda i, cmd, ext: cap(i, cmd, root, ext)  # noqa: E731
    c("sg-run-append-py", "ast-grep run -p 'self.cars.append($C)' -l python src", n_sg_run)
    c("sg-run-log-axle-heading", "ast-grep run -p 'log_axle($L, $V)' -l c --heading always firmware", n_sg_run)
    c("sg-run-json-yaml", "ast-grep run -p 'yaml.load($X)' -l python --json=pretty src | head -n 300", n_sg_json)
    c("sg-run-json-open-go", "ast-grep run -p '$F, _ := os.Open($P)' -l go --json=pretty tracks", n_sg_json)
    c("sg-scan-all-echo", "ast-grep scan; echo EXIT=$?", n_sg_scan)
    c("sg-scan-firmware-tail", "ast-grep scan firmware tracks 2>&1 | tail -n 80", n_sg_scan)
    c("sg-scan-short-src", "ast-grep scan --report-style short src; echo EXIT=$?", n_sg_short)
    c("sg-scan-short-grep", "ast-grep scan --report-style short 2>&1 | grep -v 'hint\\[' | head -n 120", n_sg_short)
    c("sg-rewrite-eq-none", "ast-grep run -p '$A == None' -r '$A is None' -l python src", n_sg_rewrite)
    c("sg-rewrite-sprintf-head", "ast-grep run -p 'sprintf($B, $F, $M)' -r 'snprintf($B, sizeof $B, $F, $M)' -l c "
      "firmware | head -n 120", n_sg_rewrite)


def tags(tmp: Path) -> None:
    root = tmp / "railyard"
    c = lambda i, cmd, ext: cap(i, cmd, root, ext)  # noqa: E731
    c("ctags-x-all-head", "ctags -R -x --exclude=data --exclude=rules . | head -n 200", n_ctags_x)
    c("ctags-x-go", "ctags -R -x --languages=Go tracks", n_ctags_x)
    c("ctags-json-firmware", "ctags -R --output-format=json --fields=+n firmware", n_ctags_json)
    c("ctags-tags-cuts", "ctags -R -f - --fields=+nK src/railyard/cuts", n_ctags_tags)
    c("ctags-tags-file-go", "ctags -R -f tags --fields=+nK tracks && head -n 140 tags", n_ctags_tags)
    fw = root / "firmware"
    run("cscope -b -R -q", cwd=fw)
    cs = lambda i, cmd, m: cap(i, cmd, fw, cscope_rule(m))  # noqa: E731
    cs("cscope-def-loop", "for f in retarder_set log_axle main north_gain hump_gain bowl_gain north_retard_0 "
       "south_retard_1 hump_retard_0 spur_retard_1 scale_retard_0 wash_retard_2; do cscope -d -L -1 $f; done", 1)
    cs("cscope-callers-log-axle", "cscope -d -L -3 log_axle | head -n 60", 3)


def term(tmp: Path) -> None:
    root = tmp / "railyard"
    c = lambda i, cmd, ext, t=600: cap(i, cmd, root, ext, timeout=t)  # noqa: E731
    c("hexyl-img", "hexyl data/retarder.img", n_hexyl)
    c("hexyl-axles-head", "hexyl --border none data/axles.bin | head -n 120", n_hexyl)
    c("ncdu-export-repo", "ncdu -o - --exclude '*.go' .", n_ncdu)
    c("fdfind-long-data", "fdfind -l . data; echo EXIT=$?", n_fd_long)
    c("ping-50-echo", "ping -c 50 -i 0.1 -s 200 127.0.0.1; echo EXIT=$?", n_ping, 60)


STEPS = [astgrep, tags, term]
