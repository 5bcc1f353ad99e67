"""Round 444, C: `headstock`, a seeded C project made by round 279's generator (`capture_wide279.gen_c` with
`spread_warns`, imported, this round's seed 44411, errors, missing header and undefined symbol) under a Makefile written
here, built with `make -k` and compiled file by file with gcc, colour forced or under a pseudo-terminal (round 368's
`cap`). Extractors: `n_make`, `n_gcc` from capture_wide15_langs. Run through capture_wide444.py."""
from __future__ import annotations

from pathlib import Path

from capture_wide15_langs import n_gcc, n_make
from capture_wide279 import gen_c, spread_warns
from capture_wide444 import cap

SEED = 44411
N = 13
ERRS = {2: "type", 5: "undeclared", 9: "semicolon", 12: "args"}
HDR = {7}
LINK = {4}
MAKEFILE = """CC = gcc
CFLAGS = -Wall -Wextra -Wshadow -O2 -Iinclude -fdiagnostics-color=always
SRCS = $(wildcard src/*.c)
OBJS = $(SRCS:src/%.c=obj/%.o)

headstock: $(OBJS)
\t$(CC) -o $@ $^

obj/%.o: src/%.c | obj
\t$(CC) $(CFLAGS) -c $< -o $@

obj:
\tmkdir -p obj

clean:
\trm -rf obj headstock

.PHONY: clean
"""


def step_c(tmp: Path) -> None:
    d = tmp / "headstock"
    gen_c(d, N, SEED, spread_warns(N, SEED), ERRS, HDR, LINK)
    (d / "Makefile").write_text(MAKEFILE)
    cap("make-k", "make -k", d, n_make)
    cap("make-tty", "make -k -B", d, n_make, tty=True)
    cap("make-tail", f"cd {d} && make -k -B -j1 2>&1 | tail -n 50; echo EXIT=$?", d, n_make)
    cap("gcc-errors", "gcc -Wall -Wextra -Iinclude -fdiagnostics-color=always -c src/mod_02.c src/mod_05.c src/mod_12.c", d, n_gcc)
    cap("gcc-tty", "gcc -Wall -Wextra -Wconversion -Iinclude -c src/mod_00.c src/mod_01.c src/mod_03.c", d, n_gcc, tty=True)
    cap("gcc-head", "gcc -Wall -Wextra -Iinclude -fdiagnostics-color=always -c src/mod_07.c src/mod_09.c src/mod_10.c 2>&1 | head -n 40",
        d, n_gcc)
    cap("gcc-link-tty", "gcc -Iinclude -o headstock src/main.c src/mod_04.c src/mod_00.c src/mod_06.c", d, n_gcc, tty=True)


STEPS = [step_c]
