"""Round 32, native code, scripts and a document: a CCD frame packer in C (`framepack`, written here with bugs put in
and widened by a seeded generator) built with gcc warnings and make -j; the dome-control shell scripts through
shellcheck; the skywatch README printed as agents print it. Each kind's extractor is the earlier rounds', imported.
Run through capture_wide32.py."""

from __future__ import annotations

import random
from pathlib import Path

from capture_more import run, write_tree
from capture_wide9b import Part, chain, n_markdown, n_status_echo
from capture_wide15_diag import n_shellcheck
from capture_wide15_langs import n_gcc, n_make
from capture_wide32 import cap

FRAME_H = """#ifndef FRAMEPACK_H
#define FRAMEPACK_H
#include <stddef.h>
#include <stdint.h>

typedef struct {
    uint16_t width, height;
    uint8_t binning;
    int16_t ccd_temp;
    uint16_t *pixels;
} frame_t;

size_t pack_rle(const frame_t *f, uint8_t *out, size_t cap);
int frame_stats(const frame_t *f, double *mean, double *stddev);
int fits_header(const frame_t *f, char *buf, int len, const char *object);
#endif
"""

PACK_C = r"""#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "framepack.h"

size_t pack_rle(const frame_t *f, uint8_t *out, size_t cap) {
    size_t n = 0;
    int total = f->width * f->height;
    for (int i = 0; i < total;) {
        uint16_t v = f->pixels[i];
        int run = 1;
        while (i + run < total && f->pixels[i + run] == v && run < 255) run++;
        if (n + 3 > cap) return 0;
        out[n++] = run;
        out[n++] = v >> 8;
        out[n++] = v;
        i += run;
    }
    return n;
}

int frame_stats(const frame_t *f, double *mean, double *stddev) {
    long sum = 0;
    unsigned total = f->width * f->height;
    for (int i = 0; i < total; i++) sum += f->pixels[i];
    *mean = sum / total;
    double acc;
    for (int i = 0; i < total; i++) acc += (f->pixels[i] - *mean) * (f->pixels[i] - *mean);
    *stddev = sqrt(acc / total);
}

int fits_header(const frame_t *f, char *buf, int len, const char *object) {
    char tmp[40];
    sprintf(tmp, "OBJECT  = '%s'", object);
    return snprintf(buf, len, "%-80s%-80s", tmp, f->ccd_temp < -5 ? "COOLED  = T" : "COOLED  = F");
}
"""

MAIN_C = r"""#include <stdio.h>
#include <stdlib.h>
#include "framepack.h"

int main(int argc, char **argv) {
    frame_t f = {64, 48, 1, -15, NULL};
    f.pixels = malloc(f.width * f.height * sizeof(uint16_t));
    for (int i = 0; i < f.width * f.height; i++) f.pixels[i] = (i * 37) % 4096;
    uint8_t out[4096];
    size_t n = pack_rle(&f, out, sizeof out);
    double mean, sd;
    frame_stats(&f, &mean, &sd);
    printf("packed %zu bytes, mean %.1f sd %.1f\n", n, mean, sd);
    printf("frames: %d\n", argc);
    return n == 0;
}
"""


def gen_module(k: int) -> str:
    rnd = random.Random(3300 + k)
    fns = []
    for j in range(rnd.randint(4, 7)):
        name = f"{rnd.choice(['calib', 'dark', 'flat', 'bias', 'stack', 'crop'])}_{k}_{j}"
        fns.append(f"""int {name}(uint16_t *px, int n, float gain) {{
    int clipped;
    unsigned limit = {rnd.randint(3000, 65000)};
    for (int i = 0; i < n; i++) {{
        float v = px[i] * gain;
        if (v > limit) {{ px[i] = limit; clipped++; }}
        else px[i] = v;
    }}
    char label[8];
    sprintf(label, "{name}");
    return clipped;
}}
""")
    if k == 5:
        fns.append("int broken_5(frame_t *f) {\n    return f->exposure_ms / 1000;\n}\n")
    return '#include <stdio.h>\n#include <stdint.h>\n#include "framepack.h"\n\n' + "\n".join(fns)


MAKEFILE = """CC = gcc
CFLAGS = -Wall -Wextra -O2 -Isrc
OBJS = $(patsubst src/%.c,build/%.o,$(wildcard src/*.c))

framepack: $(OBJS)
\t$(CC) $(CFLAGS) -o $@ $(OBJS) -lm

build/%.o: src/%.c src/framepack.h
\t@mkdir -p build
\t$(CC) $(CFLAGS) -c $< -o $@

clean:
\trm -rf build framepack
"""


def native(tmp: Path) -> None:
    root = tmp / "framepack"
    files = {"Makefile": MAKEFILE, "src/framepack.h": FRAME_H, "src/pack.c": PACK_C, "src/main.c": MAIN_C}
    for k in range(8):
        files[f"src/calib_{k}.c"] = gen_module(k)
    write_tree(root, files)
    cap("gcc-wall-wextra-wshadow", "gcc -Wall -Wextra -Wshadow -Wsign-compare -O2 -Isrc -c src/pack.c src/main.c "
        "src/calib_0.c src/calib_1.c src/calib_5.c 2>&1; echo EXIT=$?", root, n_gcc)
    cap("gcc-c-all-head-120", "for f in src/*.c; do gcc -Wall -Wextra -Wconversion -Isrc -c $f -o /dev/null; done "
        "2>&1 | head -120", root, n_gcc)
    cap("make-j2-tail-60", "make -j2 2>&1 | tail -n 60", root, n_make)
    run("make clean", cwd=root)
    chain("chain-make-k-echo-exit", "chain-build-run", "build",
          [Part("make -k -j2", n_make), Part("echo EXIT=$?", n_status_echo, ";")], root)


DOME_OPEN = r"""#!/bin/bash
# open the dome when the weather gate says so
source /etc/skywatch/dome.env
WIND=$(curl -s http://127.0.0.1:8090/wind | jq .kmh)
HUM=`curl -s http://127.0.0.1:8090/humidity`
if [ $WIND -lt 40 -a $HUM -lt 85 ]; then
    echo "opening dome $DOME_ID"
    cd /opt/skywatch/bin
    ./shutter open $1
fi
for f in $(ls /var/log/dome/*.log); do
    grep -q "FAULT" $f && echo "fault in $f"
done
rm -rf $LOGDIR/*
"""

PARK = r"""#!/bin/sh
# park the mount and close the shutter at dawn
TARGETS=( "M31" "M42" )
read line
echo "parking at $(date)" >> ~/park.log
ssh mount@pier-east "park --now" &
if [ "$1" == "--force" ]; then
  kill -9 `pgrep -f shutter`
fi
case $STATE in
  open) echo closing;;
  open) echo again;;
esac
let count=count+1
export PATH=$PATH:~/bin
"""


def gen_script(k: int) -> str:
    rnd = random.Random(3400 + k)
    lines = ["#!/bin/bash", f"# calibration batch {k}"]
    for j in range(rnd.randint(8, 14)):
        v = rnd.choice(["FRAMES", "DARKDIR", "FLATDIR", "OUT"])
        lines += [f"{v}_{j}=$(find /data/night{k} -name '*.fits' | head -{rnd.randint(5, 50)})",
                  f"for fr in ${v}_{j}; do", f"  cp $fr {rnd.choice(['$OUT', '/tmp/stack'])}/", "done",
                  f"[ -z ${v}_{j} ] && echo empty {j}"]
    return "\n".join(lines) + "\n"


def scripts(tmp: Path) -> None:
    d = tmp / "dome"
    files = {"dome_open.sh": DOME_OPEN, "park.sh": PARK}
    for k in range(5):
        files[f"calib_batch_{k}.sh"] = gen_script(k)
    write_tree(d, files)
    cap("shellcheck-dome-scripts", "shellcheck dome_open.sh park.sh", d, n_shellcheck)
    cap("shellcheck-f-gcc-all-head-90", "shellcheck -f gcc *.sh | head -90", d, n_shellcheck)


README = """# skywatch

Night scheduler for the two-pier observatory: it picks targets, checks the weather gate and writes the queue the
mount driver runs.

## Install

```bash
pip install -e '.[test]'
# the mount drivers need the serial group
sudo usermod -aG dialout $USER
```

## Configuration

| key | default | meaning |
|-----|---------|---------|
| `min_altitude` | 30 | degrees above the horizon a target must reach |
| `night_minutes` | 480 | length of the usable night |
| `dew_margin_c` | 2.5 | close the dome below this margin |

## Targets

Targets are read from `targets.csv` (name, RA as `hh:mm:ss`, Dec in degrees, magnitude, priority 1-5; 1 is the
most urgent).

### Exposures

Each target carries a list of exposures (filter, seconds, count). Filter overheads are added per frame: L 5 s,
RGB 8 s, narrowband 12 s.

## Known problems

- The queue currently sorts priority 5 first (issue #41).
- `airmass()` returns negative values below the horizon instead of raising.
- `parse_ra` does not accept `5h35m17s`.
- Dome 2's shutter sticks below 5 C: run `park.sh --force` twice.

## Troubleshooting

If the weather gate never opens, check that the station file has no unit suffixes (`14 km/h`); the parser wants
plain numbers.

## Changelog

### 1.4.2
- Ha and OIII overheads raised to 12 s.
### 1.4.1
- Report: efficiency against a 480-minute night.
### 1.4.0
- Mount drivers for the east pier.
"""


def docs(tmp: Path) -> None:
    root = tmp / "skywatch"
    (root / "README.md").write_text(README * 1 + "\n".join(f"\n### 1.3.{9 - i}\n- {s}" for i, s in enumerate(
        ["Guide camera retries.", "Flat-field steps.", "Station file comments.", "Cloud gate.", "Airmass helper.",
         "Minimum altitude 30 degrees.", "Sexagesimal RA.", "Report module.", "First queue."])) + "\n")
    cap("cat-readme-skywatch", "cat README.md", root, n_markdown)
    (root / "docs").mkdir(exist_ok=True)
    (root / "docs" / "mount-protocol.md").write_text(protocol_doc())
    cap("cd-head-mount-protocol-120", "cd skywatch && head -120 docs/mount-protocol.md", tmp, n_markdown)


def protocol_doc() -> str:
    """The mount's serial protocol, one section per command, widened by a seeded generator."""
    rnd = random.Random(3500)
    out = ["# Mount serial protocol (east pier)", "",
           "The mount speaks a line protocol at 9600 baud; every command ends with `#`.", ""]
    for i, cmd in enumerate(["GR", "GD", "Sr", "Sd", "MS", "Q", "CM", "RG", "RC", "RS", "hP", "hW", "GVP", "Gg"]):
        out += [f"## :{cmd}#", "", f"Added in firmware 2.{rnd.randint(0, 9)}. Replies within {rnd.randint(5, 200)} ms.",
                "", "```text", f":{cmd}{'HH:MM:SS' if cmd.startswith('S') else ''}#", f"reply: {rnd.choice(['1', '0', 'HH:MM:SS#', 'sDD*MM#'])}",
                "```", ""]
        if i % 4 == 2:
            out += ["### Errors", "", f"- `{rnd.choice(['E1', 'E2', 'E7'])}#`: below the horizon limit",
                    "- no reply: the mount is parked", ""]
    return "\n".join(out) + "\n"


STEPS = [native, scripts, docs]
