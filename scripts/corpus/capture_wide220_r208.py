"""Round 220, second samples of round 208's kinds: `fanhub`, a fan and thermal-zone controller library written here
in the kernel's style (widened by a seeded generator, with faults put in: files without an SPDX line, kernel-doc
naming parameters that are gone or omitting `Return:`, kmalloc followed by memset, NULL checks before kfree,
sizeof/sizeof loops, strcpy into fixed buffers, printk without a level, large stack buffers, headers included twice,
recursion), a three-patch series of its own, and an ABI break between two builds (a struct member widened and moved,
a parameter's type changed, a function removed, one added). The needles come from round 208's extractors, imported
as they are (NEEDLES.md, "Round 220"). Run through capture_wide220.py."""

from __future__ import annotations

import random
import re
from pathlib import Path

from capture_more import run, write_tree
from capture_wide208_kern import (n_acc, n_abidiff, n_astyle, n_bloat, n_cflow, n_cflow_reverse, n_checkincludes,
                                  n_checkpatch, n_checkpatch_terse, n_checkstack, n_complexity, n_indent_diff,
                                  n_kernel_doc, n_pahole, n_pmccabe, n_sparse, n_spatch_diff, n_spatch_parse_c,
                                  n_spatch_report, n_uncrustify, n_vera)
from capture_wide220 import KSRC, cap

# ------------------------------------------------------------------ the fanhub library (faults put in)

COMPAT_H = """/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef FANHUB_COMPAT_H
#define FANHUB_COMPAT_H
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include <stdint.h>
#include <errno.h>
typedef int8_t s8;
typedef int16_t s16;
typedef int32_t s32;
typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;
#define GFP_KERNEL 0
#define GFP_ATOMIC 1
#define kmalloc(n, f) malloc(n)
#define kzalloc(n, f) calloc(1, n)
#define kcalloc(n, s, f) calloc(n, s)
#define kfree(p) free(p)
#define printk printf
#define KERN_WARNING "<4>"
#define dev_warn(d, ...) printf(__VA_ARGS__)
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define ENOTSUPP 524
#endif
"""

FANHUB_H = """/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef FANHUB_H
#define FANHUB_H
#include "compat.h"

/**
 * struct fanhub_zone - one thermal zone and its fans
 * @id: zone number
 * @temp_mc: last temperature in millidegrees
 * @trip: trip points
 */
struct fanhub_zone {
	u8 id;
	s32 temp_mc;
	u16 nfans;
	u8 policy;
	s32 trip[4];
	char label[24];
	u64 updated;
	void *drvdata;
};

struct fanhub_cmd {
	u8 op;
	u16 fan;
	u32 duty;
	u8 crc;
	u8 data[9];
};

/**
 * fanhub_attach() - attach to a controller
 * @bus: the bus number
 * @addr: its address
 * @quirks: quirk bits
 *
 * Return: the zone or NULL
 */
struct fanhub_zone *fanhub_attach(int bus);

/**
 * fanhub_send - send one command
 * @zone: the zone
 * @cmd: the command
 */
int fanhub_send(struct fanhub_zone *zone, const struct fanhub_cmd *cmd, int retries);
int fanhub_poll(struct fanhub_zone *zone, s32 *temp_mc);
int fanhub_set_duty(struct fanhub_zone *zone, u16 fan, u32 duty);
void fanhub_detach(struct fanhub_zone *zone);
#endif
"""

CORE_C = """// SPDX-License-Identifier: GPL-2.0-only
#include "fanhub.h"

static int hub_bus = -1;
int fanhub_verbose;

struct fanhub_zone *fanhub_attach(int bus)
{
	struct fanhub_zone *zone = kmalloc(sizeof(*zone), GFP_KERNEL);

	if (!zone)
		return NULL;
	memset(zone, 0, sizeof(*zone));
	strcpy(zone->label, "fanhub-zone");
	hub_bus = bus;
	return zone;
}

int fanhub_send(struct fanhub_zone *zone, const struct fanhub_cmd *cmd, int retries)
{
	if (!zone || !cmd)
		return -EINVAL;
	if (cmd->fan >= zone->nfans)
		return -ERANGE;
	zone->updated += retries;
	return cmd->duty;
}

int fanhub_poll(struct fanhub_zone *zone, s32 *temp_mc)
{
	if (hub_bus < 0)
		return -ENODEV;
	*temp_mc = zone->temp_mc;
	return 0;
}

int fanhub_set_duty(struct fanhub_zone *zone, u16 fan, u32 duty)
{
	struct fanhub_cmd c = { .op = 3, .fan = fan, .duty = duty };

	if (duty > 100)
		return -EINVAL;
	return fanhub_send(zone, &c, 2);
}

void fanhub_detach(struct fanhub_zone *zone)
{
	if (zone)
		kfree(zone);
}
"""

VERBS = ["spin", "ramp", "stall", "tach", "curve", "trip", "hyst", "boost", "idle"]


def gen_zone(k: int, seed: int = 22000) -> str:
    """One generated zone driver: misused APIs, style faults, stale kernel-doc, big stack buffers, recursion."""
    rnd = random.Random(seed + k)
    spdx = "" if k % 5 == 2 else "// SPDX-License-Identifier: GPL-2.0-only\n"
    incs = ('#include <stdio.h>\n#include "fanhub.h"\n#include "compat.h"\n'
            + ('#include "fanhub.h"\n' if k % 3 == 0 else "") + ('#include <stdio.h>\n' if k % 4 == 1 else ""))
    body = []
    for j in range(rnd.randint(5, 10)):
        fn = f"zone{k}_{rnd.choice(VERBS)}_{j}"
        p = rnd.choice(["duty", "rpm", "temp"])
        doc_p = p if rnd.random() < 0.55 else rnd.choice(["pwm", "speed", "mc"])
        pat = rnd.randint(0, 6)
        lines = ["/**", f" * {fn}() - {rnd.choice(['set', 'derive', 'clamp', 'apply'])} the zone's {p}",
                 " * @zone: the zone", f" * @{doc_p}: the {p}", " */" if j % 3 else " * Return: 0 or an errno\n */"]
        if j % 5 == 4:
            lines = ["/* helper */"]
        lines.append(f"{'static ' if j % 2 == 0 else ''}int {fn}(struct fanhub_zone *zone, int {p})")
        lines.append("{")
        lines.append("\tstruct fanhub_cmd *c;")
        n = rnd.choice([6, 8, 12, 300, 160]) if pat == 6 else rnd.randint(4, 12)
        lines.append(f"\tint curve[{n}];")
        if pat == 6:
            lines.append(f"\tchar log[{rnd.choice([600, 1024, 2048])}];")
        lines.append("\tint i, err = 0;")
        lines.append("")
        if pat in (0, 4):
            lines += ["\tc = kmalloc(sizeof(*c), GFP_KERNEL);", "\tif (!c)", "\t\treturn -ENOMEM;",
                      "\tmemset(c, 0, sizeof(*c));"]
        else:
            lines += ["\tc = kzalloc(sizeof(*c), GFP_KERNEL);", "\tif (c == NULL) {", "\t\treturn -ENOMEM;", "\t}"]
        lines.append("\tfor (i = 0; i < sizeof(curve) / sizeof(curve[0]); i++)")
        lines.append(f"\t\tcurve[i] = ({p} + i * {rnd.randint(2, 9)}) % {rnd.randint(50, 250)};")
        if pat == 6:
            lines.append(f'\tsnprintf(log, sizeof(log), "{fn} %d", {p});')
            lines.append("\tc->data[0] = log[0];")
        if pat in (1, 5):
            lines.append(f'\tprintk("fanhub: {fn} {p}=%d\\n", {p});')
        if pat == 2:
            lines.append(f"\tif ({p}<{rnd.randint(5, 60)}){{ err = -ERANGE; }}  /* floor */")
        if pat == 3:
            lines.append(f"\tstrcpy(zone->label, \"{fn}\");")
            lines.append(f'\tdev_warn(zone, "fanhub: {fn}: the zone %s reports a {p} of %d which is outside the curve table\\n", zone->label, {p});')
        lines.append(f"\tc->op = {rnd.randint(1, 30)};")
        lines.append(f"\tc->duty = curve[{p} % {min(n, 4)}];")
        lines.append(f"\terr = fanhub_send(zone, c, {rnd.randint(1, 6)});")
        if rnd.random() < 0.5:
            lines += ["\tif (c)", "\t\tkfree(c);"]
        else:
            lines.append("\tkfree(c);")
        if rnd.random() < 0.3:
            lines.append(f"\tif (err == -EAGAIN) return {fn}(zone, {p} / 2);")
        lines.append("\treturn err;  ")
        lines.append("}")
        body.append("\n".join(lines))
    return spdx + incs + "\n" + "\n\n".join(body) + "\n"


def v2_header(h: str) -> str:
    """The second build: temp_mc widened and moved, set_duty's fan widened, poll removed, reset added."""
    h = h.replace("\ts32 temp_mc;\n", "").replace("\tu64 updated;\n", "\tu64 updated;\n\ts64 temp_mc;\n")
    h = h.replace("u8 data[9];", "u8 data[17];\n\tu16 seq;")
    h = h.replace("int fanhub_set_duty(struct fanhub_zone *zone, u16 fan, u32 duty);",
                  "int fanhub_set_duty(struct fanhub_zone *zone, u32 fan, u32 duty);")
    h = h.replace("int fanhub_poll(struct fanhub_zone *zone, s32 *temp_mc);\n", "")
    return h.replace("void fanhub_detach", "int fanhub_reset(struct fanhub_zone *zone, int hard);\nvoid fanhub_detach")


def v2_compat(h: str) -> str:
    return h.replace("typedef int32_t s32;", "typedef int32_t s32;\ntypedef int64_t s64;")


def v2_core(c: str) -> str:
    c = c.replace("int fanhub_set_duty(struct fanhub_zone *zone, u16 fan, u32 duty)",
                  "int fanhub_set_duty(struct fanhub_zone *zone, u32 fan, u32 duty)")
    c = re.sub(r"int fanhub_poll\(.*?\n}\n", "", c, flags=re.S)
    c = c.replace("int fanhub_verbose;", "unsigned long fanhub_verbose;\nint fanhub_resets[8];")
    return c + ("\nint fanhub_reset(struct fanhub_zone *zone, int hard)\n{\n\tchar scratch[1536];\n\n"
                "\tmemset(scratch, hard, sizeof(scratch));\n\tzone->updated = 0;\n"
                "\treturn scratch[zone->id % 1536] + (hard ? fanhub_reset(zone, 0) : 0);\n}\n")


POLICY_C = """// SPDX-License-Identifier: GPL-2.0-only
#include "fanhub.h"

/**
 * fanhub_policy_step() - one step of a zone's fan policy
 * @zone: the zone
 * @event: what happened
 * @arg: the event's argument
 *
 * Return: the new duty cycle, or a negative errno
 */
int fanhub_policy_step(struct fanhub_zone *zone, int event, int arg)
{
	int duty = 0, i;

	switch (event) {
	case 0:
		duty = 20;
		break;
	case 1:
		if (zone->temp_mc > zone->trip[0])
			duty = 40;
		else if (zone->temp_mc > zone->trip[1])
			duty = 60;
		else
			duty = 30;
		break;
	case 2:
		for (i = 0; i < 4; i++)
			if (zone->trip[i] && zone->temp_mc > zone->trip[i])
				duty += 25;
		break;
	case 3:
		duty = arg > 100 ? 100 : arg < 0 ? 0 : arg;
		break;
	case 4:
		if (zone->policy == 1 && arg)
			duty = 100;
		break;
	case 5:
		if (zone->nfans == 0 || zone->nfans > 8)
			return -EINVAL;
		duty = 100 / zone->nfans;
		break;
	case 6:
		while (arg-- > 0 && duty < 100)
			duty += 7;
		break;
	case 7:
		duty = zone->policy ? 55 : 45;
		break;
	case 8:
		if (zone->updated > 1000 && zone->temp_mc < 30000)
			duty = 10;
		break;
	case 9:
		duty = (zone->temp_mc / 1000) * 2;
		break;
	default:
		return -ENOTSUPP;
	}
	if (duty > 100 || duty < 0)
		duty = 100;
	return duty;
}
"""


def make_tree(root: Path, n: int, v2: bool = False, seed: int = 22000) -> None:
    files = {"src/compat.h": v2_compat(COMPAT_H) if v2 else COMPAT_H,
             "src/fanhub.h": v2_header(FANHUB_H) if v2 else FANHUB_H,
             "src/core.c": v2_core(CORE_C) if v2 else CORE_C, "src/policy.c": POLICY_C}
    for k in range(n):
        files[f"src/zone{k}.c"] = gen_zone(k, seed)
    write_tree(root, files)


COCCI_ALLOC = """@@
expression E, S, F;
@@
- E = kmalloc(S, F);
+ E = kzalloc(S, F);
  ...
- memset(E, 0, S);
"""
COCCI_REPORT = """virtual report

@a depends on report@
expression D, S;
position p;
@@
strcpy@p(D, S)

@script:python depends on report@
p << a.p;
@@
coccilib.report.print_report(p[0], "strcpy into a fixed buffer; use strscpy")

@b depends on report@
expression E, S, F;
position p;
@@
E = kmalloc@p(S, F);
... when != E
memset(E, 0, S);

@script:python depends on report@
p << b.p;
@@
coccilib.report.print_report(p[0], "kmalloc followed by memset; use kzalloc")
"""

BROKEN_C = """// SPDX-License-Identifier: GPL-2.0-only
#include "fanhub.h"
int zone_broken(struct fanhub_zone *zone)
{
	int t = zone->temp_mc
	if (t > zone->trip[0]) {
		return t *;
	}
	return 0;
}

int zone_broken2(struct fanhub_zone *zone, int duty
{
	return duty;
}
"""


def ksrc() -> str:
    return str(KSRC / "scripts")


# ------------------------------------------------------------------ steps

def kernel_scripts(tmp: Path) -> None:
    root = tmp / "fanhub"
    make_tree(root, 9)
    run("git init -q && git config user.email maint@fanhub.example && git config user.name 'Fanhub Maint' && "
        "git add -A && git commit -qm 'fanhub: initial import'", cwd=root)
    make_tree(root, 15, v2=True)
    run("git add src/zone9.c src/zone1[0-2].c && git commit -qm 'fanhub: add zones 9-12' && "
        "git add src/zone1[3-4].c && git commit -qm 'fanhub: add zones 13-14' && git add -A && "
        "git commit -qm 'fanhub: 64-bit temperatures, drop poll, add reset' && git format-patch -q -3 -o outgoing",
        cwd=root)
    cp = f"perl {ksrc()}/checkpatch.pl --no-tree"
    cap("checkpatch-series", f"{cp} outgoing/*.patch 2>&1 | tail -n 120", root, n_checkpatch,
        typed="./scripts/checkpatch.pl --no-tree outgoing/*.patch 2>&1 | tail -n 120")
    cap("checkpatch-patches-2-3", f"{cp} --strict outgoing/0002-*.patch outgoing/0003-*.patch; echo EXIT=$?", root,
        n_checkpatch, typed="./scripts/checkpatch.pl --no-tree --strict outgoing/0002-*.patch outgoing/0003-*.patch; "
        "echo EXIT=$?")
    cap("checkpatch-terse-files", f"{cp} --terse -f src/zone*.c; echo EXIT=$?", root, n_checkpatch_terse,
        typed="./scripts/checkpatch.pl --no-tree --terse -f src/zone*.c; echo EXIT=$?")
    cap("checkpatch-terse-errors", f"{cp} --terse --show-types -f src/*.c src/*.h 2>&1 | grep -v CHECK | head -n 150",
        root, n_checkpatch_terse,
        typed="./scripts/checkpatch.pl --no-tree --terse --show-types -f src/*.c src/*.h 2>&1 | grep -v CHECK | head -n 150")
    kd = f"perl {ksrc()}/kernel-doc"
    cap("kernel-doc-v", f"{kd} -none -v src/fanhub.h src/core.c src/zone*.c 2>&1 | head -n 200", root, n_kernel_doc,
        typed="./scripts/kernel-doc -none -v src/fanhub.h src/core.c src/zone*.c 2>&1 | head -n 200")
    cap("kernel-doc-echo", f"{kd} -none src/zone1*.c src/fanhub.h; echo EXIT=$?", root, n_kernel_doc,
        typed="./scripts/kernel-doc -none src/zone1*.c src/fanhub.h; echo EXIT=$?")
    cap("checkincludes", f"perl {ksrc()}/checkincludes.pl src/*.c src/*.h; echo EXIT=$?", root, n_checkincludes,
        typed="./scripts/checkincludes.pl src/*.c src/*.h; echo EXIT=$?")


def coccinelle(tmp: Path) -> None:
    root = tmp / "fanhub-cocci"
    make_tree(root, 12, seed=22100)
    write_tree(root, {"scripts/coccinelle/alloc.cocci": COCCI_ALLOC,
                      "scripts/coccinelle/report.cocci": COCCI_REPORT, "src/zone_broken.c": BROKEN_C})
    cap("spatch-alloc", "spatch --very-quiet --sp-file scripts/coccinelle/alloc.cocci --dir src", root, n_spatch_diff)
    cap("spatch-report", "spatch -D report --very-quiet --sp-file scripts/coccinelle/report.cocci --dir src; "
        "echo EXIT=$?", root, n_spatch_report)
    cap("spatch-parse-c", "spatch --parse-c src 2>&1 | tail -n 60", root, n_spatch_parse_c)


def sparse_and_style(tmp: Path) -> None:
    root = tmp / "fanhub-style"
    make_tree(root, 10, seed=22200)
    write_tree(root, {"src/zone_broken.c": BROKEN_C})
    cap("sparse-all", "sparse -Wsparse-all -Isrc src/*.c 2>&1 | head -n 200", root, n_sparse)
    cap("indent-diff-linux", "for f in src/core.c src/zone1.c src/zone4.c; do indent -linux -st $f | diff -u $f -; "
        "done", root, n_indent_diff)
    cap("astyle-dry-run", "astyle --dry-run -v --style=kr --indent=tab -r 'src/*.c' 'src/*.h'", root, n_astyle)
    write_tree(root, {"uncrustify.cfg": "indent_columns = 8\nindent_with_tabs = 2\nsp_arith = force\n"
                                        "sp_assign = force\nmod_full_brace_if = add\nnl_if_brace = remove\n"
                                        "sp_after_comma = add\n"})
    cap("uncrustify-check", "uncrustify -c uncrustify.cfg --check src/*.c src/*.h 2>&1 | tail -n 40; echo EXIT=$?",
        root, n_uncrustify)
    cap("vera++-head", "vera++ --show-rule src/*.c src/*.h 2>&1 | head -n 300", root, n_vera)


def graphs(tmp: Path) -> None:
    root = tmp / "fanhub-graph"
    make_tree(root, 11, seed=22300)
    cap("cflow-head", "cflow src/core.c src/zone*.c | head -n 150", root, n_cflow)
    cap("cflow-reverse", "cflow -r src/*.c | head -n 200; echo EXIT=$?", root, n_cflow_reverse)
    cap("pmccabe", "pmccabe -v src/*.c", root, n_pmccabe)
    cap("complexity", "complexity --histogram --score --thresh=1 src/*.c", root, n_complexity)


def abi(tmp: Path) -> None:
    old, new = tmp / "fanhub-1.4", tmp / "fanhub-2.0"
    make_tree(old, 8, seed=22400)
    make_tree(new, 8, v2=True, seed=22400)
    for d in (old, new):
        run("gcc -g -Og -fPIC -shared -Isrc -o libfanhub.so src/*.c && gcc -g -O1 -Isrc -c src/core.c -o core.o",
            cwd=d, timeout=300)
    cap("abidiff", "abidiff fanhub-1.4/libfanhub.so fanhub-2.0/libfanhub.so; echo EXIT=$?", tmp, n_abidiff)
    cap("abi-compliance-checker", "abi-dumper fanhub-1.4/libfanhub.so -o old.dump -lver 1.4 && abi-dumper "
        "fanhub-2.0/libfanhub.so -o new.dump -lver 2.0 && abi-compliance-checker -l fanhub -old old.dump -new "
        "new.dump; echo EXIT=$?", tmp, n_acc, timeout=300)
    cap("pahole", "pahole fanhub-1.4/core.o fanhub-2.0/core.o", tmp, n_pahole)
    cap("checkstack", f"objdump -d fanhub-2.0/libfanhub.so | perl {ksrc()}/checkstack.pl x86_64 | head -n 60", tmp,
        n_checkstack, typed="objdump -d fanhub-2.0/libfanhub.so | ./scripts/checkstack.pl x86_64 | head -n 60")
    cap("bloat-o-meter", f"python3 {ksrc()}/bloat-o-meter fanhub-1.4/libfanhub.so fanhub-2.0/libfanhub.so; "
        "echo EXIT=$?", tmp, n_bloat,
        typed="./scripts/bloat-o-meter fanhub-1.4/libfanhub.so fanhub-2.0/libfanhub.so; echo EXIT=$?")


STEPS = [kernel_scripts, coccinelle, sparse_and_style, graphs, abi]
