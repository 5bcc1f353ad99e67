"""Round 52, the native side of `cidermill`: `juiceyield`, a C helper that reads press-run counts, through gcc and
make -j; the backup and pressing-slot shell scripts through shellcheck. Most command lines are chains as agents type
them. Each kind's extractor is the earlier rounds', imported; a chain's from each part's own (round 9b). Run through
capture_wide52.py."""

from __future__ import annotations

import random
from pathlib import Path

from capture_more import write_tree
from capture_wide9b import Part, chain
from capture_wide15_diag import n_shellcheck
from capture_wide15_langs import n_gcc, n_make
from capture_wide52 import cap


GERM_C = '''#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "vats.h"

int read_vats(const char *path, struct vat *out, int max) {
    FILE *f = fopen(path, "r");
    char line[128];
    int n = 0;
    if (!f) return -1;
    while (fgets(line, sizeof line, f) && n <= max) {  /* bug: one past the end */
        sscanf(line, "%31s %d %d", out[n].lot, &out[n].milled_kg, &out[n].pressed_kg);
        n++;
    }
    return n;
}

double rate(const struct vat *t) {
    return t->pressed_kg / t->milled_kg;  /* bug: integer division */
}

int main(int argc, char **argv) {
    struct vat vats[64];
    int n = read_vats(argc > 1 ? argv[1] : "vats.txt", vats, 64);
    unsigned worst = 0;
    for (int i = 0; i < n; i++) {
        if (rate(&vats[i]) < rate(&vats[worst])) worst = i;
        printf("%-10s %5.1f%%\\n", vats[i].lot, 100 * rate(&vats[i]));
    }
    printf("worst lot %s\\n", vats[worst].lot, n);
    return 0;
}
'''

VATS_H = '''#ifndef VATS_H
#define VATS_H
struct vat { char lot[32]; int milled_kg; int pressed_kg; };
int read_vats(const char *path, struct vat *out, int max);
double rate(const struct vat *t);
#endif
'''

MAKEFILE = '''CC = gcc
CFLAGS = -O2 -Wall -Wextra -Wformat=2
OBJ = $(patsubst src/%.c,build/%.o,$(wildcard src/*.c))

bin/juiceyield: $(OBJ)
\t@mkdir -p bin
\t$(CC) $(CFLAGS) -o $@ $^ -lm

build/%.o: src/%.c src/vats.h
\t@mkdir -p build
\t$(CC) $(CFLAGS) -c $< -o $@

clean:
\trm -rf build bin
'''


def gen_c(seed: int) -> dict:
    rnd = random.Random(seed)
    files = {}
    for i in range(6):
        lines = ['#include <stdio.h>', '#include "vats.h"', ""]
        for j in range(rnd.randint(4, 7)):
            lines += [f"int label_{i}_{j}(struct vat *t, int w) {{", "    int spare;",
                      f"    if (t->milled_kg = {rnd.randint(10, 99)}) return w;",
                      f"    printf(\"%d %s\\n\", t->lot, w);" if rnd.random() < 0.4 else f"    w += {rnd.randint(1, 9)};",
                      "}", ""]
        if i == 4:
            lines += ["int broken(struct vat *t) {", "    return t->weight * 2;", "}"]
        files[f"native/src/label{i}.c"] = "\n".join(lines) + "\n"
    return files


def native_c(tmp: Path) -> None:
    root = tmp / "cidermill"
    write_tree(root, {"native/src/juiceyield.c": GERM_C, "native/src/vats.h": VATS_H, "native/Makefile": MAKEFILE,
                      **gen_c(4005)})
    rnd = random.Random(5206)
    (root / "native" / "vats.txt").write_text("".join(f"LOT{100 + i} {rnd.randint(20, 100)} {rnd.randint(0, 20)}\n"
                                                       for i in range(40)))
    chain("chain-make-j2-tail-40-run", "chain-build-run", "build",
          [Part("make -j2 2>&1 | tail -40", n_make), Part("./bin/juiceyield vats.txt", None, "&&")], root / "native")
    cap("gcc-fsyntax-only-head-90", "gcc -Wall -Wextra -Wformat=2 -fsyntax-only src/*.c 2>&1 | head -90", root / "native",
        n_gcc)
    (root / "native" / "src" / "label4.c").write_text(
        (root / "native" / "src" / "label4.c").read_text().replace("t->weight * 2", "t->milled_kg * 2"))
    chain("chain-make-clean-make-run", "chain-build-run", "build",
          [Part("make clean >/dev/null"), Part("make -j2 2>&1", n_make, "&&"),
           Part("./bin/juiceyield vats.txt | tail -5", None, "&&")], root / "native")


BACKUP_SH = '''#!/bin/bash
# nightly backup of press.db and the booking log
DEST=/srv/backup/cidermill
STAMP=`date +%Y%m%d`
for f in $(ls *.db *.log); do
  cp $f $DEST/$STAMP-$f
done
if [ $? = 0 ]; then echo "backed up to $DEST"; fi
cd $DEST
rm -rf $OLD/*
find . -mtime +30 -name *.db | xargs rm
echo "kept: $(ls | wc -l)"
'''


def shell_scripts(seed: int) -> dict:
    rnd = random.Random(seed)
    files = {"scripts/backup.sh": BACKUP_SH}
    for i in range(5):
        lines = ["#!/bin/sh", f"# slot-check for shelf {i}"]
        for j in range(rnd.randint(4, 8)):
            v = rnd.choice(["vat", "lot", "count", "shelf"])
            lines += [f"{v}{j}=$1", f"if [ $({v}{j}) == \"{rnd.randint(1, 9)}\" ]; then", f"  echo counted ${v}{j} >> $LOG",
                      "fi", f"read {v}_in", f"grep -c $({v}{j}) stock.csv"]
        files[f"scripts/slotcheck_{i}.sh"] = "\n".join(lines) + "\n"
    return files


def shell(tmp: Path) -> None:
    root = tmp / "cidermill"
    write_tree(root, shell_scripts(4009))
    cap("shellcheck-scripts", "shellcheck scripts/*.sh", root, n_shellcheck)
    chain("chain-shellcheck-backup-then-gcc-format", "chain-lint-two", "lint",
          [Part("shellcheck scripts/backup.sh", n_shellcheck),
           Part("shellcheck -f gcc scripts/slotcheck_0.sh scripts/slotcheck_1.sh", n_shellcheck, ";")], root)


STEPS = [native_c, shell]
