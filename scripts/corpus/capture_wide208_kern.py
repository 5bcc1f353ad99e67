"""Round 208: the `ledbus` library (a driver-like C library written here, widened by a seeded generator, with faults
put in) and a patch series of its own, through the kernel's maintainer scripts, Coccinelle, sparse, formatters,
call-graph, complexity and ABI tools. The extractors apply NEEDLES.md's "Round 208" rules. Run through
capture_wide208.py."""

from __future__ import annotations

import random
import re
from pathlib import Path

from capture_more import any_of, groups, kind, mask, run, write_tree
from capture_wide208 import KSRC, add, cap

EXIT_RE = re.compile(r"^EXIT=\d+")


def _exit(lines):
    return [ln for ln in lines if EXIT_RE.match(ln)]


# ------------------------------------------------------------------ extractors (NEEDLES.md, round 208)

@kind("checkpatch", "lint")
def n_checkpatch(lines):
    """Rules 1+3: every ERROR: line and its #N: FILE: line; WARNING:/CHECK: one any per (type tag, file); totals and verdicts."""
    out, pairs = [], []
    for i, ln in enumerate(lines):
        m = re.match(r"^(ERROR|WARNING|CHECK):\s*(\w+)?", ln)
        if m:
            loc = next((lines[k] for k in range(i + 1, min(len(lines), i + 4)) if re.match(r"^#\d+: FILE: ", lines[k])), None)
            f = re.match(r"^#\d+: FILE: ([^:]+)", loc).group(1) if loc else ""
            if m.group(1) == "ERROR":
                out += [ln, loc]
            else:
                pairs.append(((m.group(1), m.group(2) or mask(ln), f), ln))
        elif re.match(r"^total: \d+ errors", ln) or re.search(r"has (no obvious )?style problems", ln):
            out.append(ln)
    return out + groups(pairs) + _exit(lines)


@kind("checkpatch-terse", "lint")
def n_checkpatch_terse(lines):
    """Rules 1+3: every terse ERROR: line; WARNING:/CHECK: one any per (message shape, file); every total: line."""
    out, pairs = [], []
    for ln in lines:
        m = re.match(r"^([^:\s]+):\d+: (ERROR|WARNING|CHECK):(?:[A-Z_]+:)? ?(.*)", ln)
        if m:
            if m.group(2) == "ERROR":
                out.append(ln)
            else:
                pairs.append(((m.group(2), mask(m.group(3)), m.group(1)), ln))
        elif re.match(r"^(\S+ )?total: \d+ errors", ln) or ln.startswith("total:"):
            out.append(ln)
    return out + groups(pairs) + _exit(lines)


def _errors(lines):
    return [ln for ln in lines if re.search(r"\berror\b|\bfatal\b|Fatal error|exception", ln, re.I)
            and not ln.startswith(("+", "-", " "))]


@kind("spatch-diff", "lint")
def n_spatch_diff(lines):
    """Rule 5: every diff -u -p/---/+++ file header and every @@ hunk header; Coccinelle's error lines."""
    out = [ln for ln in lines if ln.startswith(("diff -u -p", "--- ", "+++ ", "@@ "))]
    return out + _errors(lines) + _exit(lines)


@kind("spatch-report", "lint")
def n_spatch_report(lines):
    """Rule 5: every reported file:line: message line (a distinct misuse); Coccinelle's error lines."""
    out = [ln for ln in lines if re.match(r"^\S+\.[ch]:\d+(:\d+(-\d+)?)?: ", ln)]
    return out + _errors(lines) + _exit(lines)


@kind("spatch-parse-c", "lint")
def n_spatch_parse_c(lines):
    """Rules 1+3: every line naming a parse problem (BAD, PB, parse error, error) and the closing statistics lines."""
    out = [ln for ln in lines if re.search(r"BAD|\bPB\b|parse error|\berror\b", ln, re.I)]
    out += [ln for ln in lines if re.match(r"^\s*(NB total files|nb good|nb bad|.*percent)", ln, re.I)]
    return out + _exit(lines)


def _gcc_like(lines):
    out, pairs = [], []
    for ln in lines:
        m = re.match(r"^([^:\s]+):\d+:(\d+:)? (error|warning): (.*)", ln)
        if m:
            if m.group(3) == "error":
                out.append(ln)
            else:
                pairs.append(((mask(m.group(4)), m.group(1)), ln))
        elif re.search(r"\berror:", ln):
            out.append(ln)
    return out + groups(pairs)


@kind("sparse-check", "lint")
def n_sparse(lines):
    """Rule 1: every error: line; warning: lines one any per (message shape, file)."""
    return _gcc_like(lines) + _exit(lines)


@kind("kernel-doc-warnings", "doc")
def n_kernel_doc(lines):
    """Rules 1+3: every error: line; warning: lines one any per (message shape, file); a closing count line."""
    out = _gcc_like(lines)
    out += [ln for ln in lines if re.match(r"^\d+ warnings?", ln)]
    return out + _exit(lines)


@kind("indent-diff", "lint")
def n_indent_diff(lines):
    """Rule 5: every file header and hunk header of the diff against indent's output."""
    return [ln for ln in lines if ln.startswith(("--- ", "+++ ", "@@ "))] + _exit(lines)


@kind("astyle-dry-run", "lint")
def n_astyle(lines):
    """Rule 5: every Formatted line (a file that would change) and the closing formatted/unchanged count."""
    return [ln for ln in lines if ln.startswith("Formatted") or re.search(r"\d+ formatted, \d+ unchanged", ln)] \
        + _errors(lines) + _exit(lines)


@kind("uncrustify-check", "lint")
def n_uncrustify(lines):
    """Rule 5: every FAIL: line (a file not formatted); any error line."""
    return [ln for ln in lines if ln.startswith("FAIL")] + _errors(lines) + _exit(lines)


@kind("vera++", "lint")
def n_vera(lines):
    """Rule 1: one any per (rule id, file); any error line."""
    pairs = []
    for ln in lines:
        m = re.match(r"^([^:\s]+):\d+:\s*\(?(\w+)\)?", ln)
        if m:
            r = re.search(r"\((\w\d+)\)", ln)
            pairs.append(((r.group(1) if r else mask(ln.split(":", 2)[-1]), m.group(1)), ln))
    return groups(pairs) + [ln for ln in lines if re.search(r"\berror\b", ln, re.I)] + _exit(lines)


def _depth(ln):
    return (len(ln) - len(ln.lstrip(" "))) // 4


@kind("cflow", "code")
def n_cflow(lines):
    """Rule 5: every depth-0 and depth-1 line of the call tree, every line marked recursive (R)."""
    tree = [ln for ln in lines if re.match(r"^\s*\w+\(\)", ln)]
    return [ln for ln in tree if _depth(ln) <= 1 or "(R)" in ln] + _errors(lines) + _exit(lines)


@kind("cflow-reverse", "code")
def n_cflow_reverse(lines):
    """Rule 5: every depth-0 line of the reverse tree (each function with its definition place)."""
    return [ln for ln in lines if re.match(r"^\w+\(\)", ln)] + _exit(lines)


@kind("abidiff", "build")
def n_abidiff(lines):
    """Rules 3+5: the changes summaries, every [D]/[A]/[C] line, every size/type/offset change detail, EXIT."""
    out = []
    for ln in lines:
        s = ln.strip()
        if re.match(r"^(Functions|Variables|Function symbols|Variable symbols) changes summary", s) \
                or re.match(r"^\[[DAC]\]", s) or re.search(r"size changed from|type of .* changed|offset changed|"
                                                          r"changed:$|was removed|was added", s):
            out.append(ln)
    return out + _errors(lines) + _exit(lines)


@kind("abi-compliance-checker", "build")
def n_acc(lines):
    """Rules 1+3: compatibility percentages, Total ... problems lines, the Report: line, every error line."""
    out = [ln for ln in lines if re.match(r"^(Binary compatibility|Source compatibility|Total .*problems|Report:)", ln)]
    return out + [ln for ln in lines if re.search(r"ERROR|error:", ln)] + _exit(lines)


@kind("pahole", "code")
def n_pahole(lines):
    """Rule 5: every struct opening line, every XXX (hole or padding) line, every /* size: line."""
    return [ln for ln in lines if re.match(r"^(struct|union) .*\{", ln) or "XXX" in ln or "/* size:" in ln] \
        + _exit(lines)


def _table_extremes(rows, ncols):
    out = []
    for c in range(ncols):
        vals = [(int(r[1][c]), r[0]) for r in rows]
        if vals:
            out.append(max(vals)[1])
    return out


@kind("pmccabe", "table")
def n_pmccabe(lines):
    """Rule 4: the rows of each numeric column's maximum, every row whose complexity is 10 or more."""
    rows = []
    for ln in lines:
        m = re.match(r"^(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+\S+", ln)
        if m:
            rows.append((ln, m.groups()))
    out = _table_extremes(rows, 5) + [ln for ln, g in rows if int(g[0]) >= 10]
    return out + _exit(lines)


@kind("gnu-complexity", "table")
def n_complexity(lines):
    """Rules 3+4: the table header, every scored procedure row, the closing total / unscored lines."""
    out = [ln for ln in lines if re.match(r"^Complexity Scores|^Score \|", ln)]
    out += [ln for ln in lines if re.match(r"^\s*\d+\s+\d+\s+\d+\s+\S+\(\d+\)", ln)]
    out += [ln for ln in lines if re.search(r"unscored|[Tt]otal|No procedures", ln)]
    return out + _exit(lines)


@kind("checkstack", "table")
def n_checkstack(lines):
    """Rule 4: the first five rows (largest frames) and every row of 512 bytes or more."""
    rows = [ln for ln in lines if re.search(r"\[\S+\]:\s+\d+$", ln) or re.search(r":\s+\d+$", ln)]
    out = rows[:5] + [ln for ln in rows if int(re.search(r"(\d+)$", ln).group(1)) >= 512]
    return out + _exit(lines)


@kind("bloat-o-meter", "table")
def n_bloat(lines):
    """Rules 3+4: add/remove and Total lines, every added or removed row, the largest growth and shrink rows."""
    out = [ln for ln in lines if ln.startswith(("add/remove:", "Total:", "function ", "Total: "))]
    rows = []
    for ln in lines:
        m = re.match(r"^(\S+)\s+(-|\d+)\s+(-|\d+)\s+([+-]?\d+)$", ln)
        if m:
            rows.append((int(m.group(4)), ln))
            if "-" in (m.group(2), m.group(3)):
                out.append(ln)
    if rows:
        out += [max(rows)[1], min(rows)[1]]
    return out + _exit(lines)


@kind("checkincludes", "lint")
def n_checkincludes(lines):
    """Rule 1: every line naming a file and a header included twice."""
    return [ln for ln in lines if "included more than once" in ln or re.search(r"\.(c|h):", ln)] + _exit(lines)


# ------------------------------------------------------------------ the ledbus library (faults put in)

KSTUB_H = """/* SPDX-License-Identifier: GPL-2.0 */
#ifndef LEDBUS_KSTUB_H
#define LEDBUS_KSTUB_H
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include <stdint.h>
#include <errno.h>
typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;
#define GFP_KERNEL 0
#define kmalloc(n, f) malloc(n)
#define kzalloc(n, f) calloc(1, n)
#define kfree(p) free(p)
#define printk printf
#define KERN_ERR "<3>"
#define KERN_INFO "<6>"
#define pr_err(...) printf(__VA_ARGS__)
#define pr_info(...) printf(__VA_ARGS__)
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#endif
"""

LEDBUS_H = """/* SPDX-License-Identifier: GPL-2.0 */
#ifndef LEDBUS_H
#define LEDBUS_H
#include "kstub.h"

/**
 * struct ledbus_dev - one LED controller on the bus
 * @addr: bus address
 * @brightness: current level
 * @name: label
 */
struct ledbus_dev {
	u8 addr;
	u64 last_seen;
	u8 channels;
	u32 brightness;
	char enabled;
	char name[20];
	u16 flags;
	void *priv;
};

struct ledbus_msg {
	u8 cmd;
	u32 len;
	u8 crc;
	u64 stamp;
	u8 payload[13];
};

/**
 * ledbus_open() - open the bus
 * @path: device node
 * @flags: open flags
 *
 * Return: a handle or NULL
 */
struct ledbus_dev *ledbus_open(const char *path);

/**
 * ledbus_write - write a message
 * @dev: the device
 * @msg: the message
 */
int ledbus_write(struct ledbus_dev *dev, const struct ledbus_msg *msg, int timeout);
int ledbus_read(struct ledbus_dev *dev, struct ledbus_msg *msg);
void ledbus_close(struct ledbus_dev *dev);
int ledbus_set_level(struct ledbus_dev *dev, int ch, u32 level);
#endif
"""


def gen_channel(k: int, v2: bool = False) -> str:
    """One generated channel driver: functions with misused APIs, style faults, stale kernel-doc."""
    rnd = random.Random(20800 + k)
    spdx = "" if k % 4 == 1 else "// SPDX-License-Identifier: GPL-2.0\n"
    incs = ('#include <string.h>\n#include "ledbus.h"\n#include "kstub.h"\n'
            + ('#include "ledbus.h"\n' if k % 3 != 1 else "") + ('#include <string.h>\n' if k % 4 == 2 else ""))
    body = []
    for j in range(rnd.randint(5, 9)):
        fn = f"ch{k}_{rnd.choice(['fade', 'blink', 'ramp', 'probe', 'sync', 'latch', 'pwm'])}_{j}"
        p = rnd.choice(["level", "count", "step"])
        doc_p = p if rnd.random() < 0.6 else rnd.choice(["lvl", "cnt", "delay"])
        pat = rnd.randint(0, 5)
        lines = [f"/**", f" * {fn}() - {rnd.choice(['apply', 'compute', 'program'])} a channel pattern",
                 f" * @dev: the device", f" * @{doc_p}: the {p}", " */" if j % 3 else " * Return: zero or errno\n */"]
        if j % 4 == 3:
            lines = ["/* no kernel-doc here */"]
        lines.append(f"{'static ' if j % 2 else ''}int {fn}(struct ledbus_dev *dev, int {p})")
        lines.append("{")
        lines.append("\tstruct ledbus_msg *m;")
        lines.append(f"\tint table[{rnd.randint(4, 16)}];")
        lines.append("\tint i, ret = 0;")
        lines.append("")
        if pat in (0, 3):
            lines += ["\tm = kmalloc(sizeof(*m), GFP_KERNEL);", "\tif (!m)", "\t\treturn -ENOMEM;",
                      "\tmemset(m, 0, sizeof(*m));"]
        else:
            lines += ["\tm = kzalloc(sizeof(*m), GFP_KERNEL);", "\tif (m == NULL) {", "\t\treturn -ENOMEM;", "\t}"]
        lines.append("\tfor (i = 0; i < sizeof(table) / sizeof(table[0]); i++)")
        lines.append(f"\t\ttable[i] = ({p} * i) % {rnd.randint(7, 255)};")
        if pat in (1, 4):
            lines.append(f'\tprintk("ledbus: {fn} level %d\\n", {p});')
        if pat == 2:
            lines.append(f"\tif ({p}>{rnd.randint(10, 99)}){{ ret = -EINVAL; }}  // clamp")
        if pat == 5:
            lines.append(f'\tpr_err("ledbus: {fn}: a long message that goes past the column limit for dev %s with level %d and more\\n", dev->name, {p});')
        lines.append(f"\tm->cmd = {rnd.randint(1, 40)};")
        lines.append(f"\tm->len = table[{p} % 4];")
        lines.append(f"\tret = ledbus_write(dev, m, {rnd.randint(10, 500)});")
        if rnd.random() < 0.5:
            lines += ["\tif (m)", "\t\tkfree(m);"]
        else:
            lines.append("\tkfree(m);")
        if rnd.random() < 0.3:
            lines.append(f"\tif (ret < 0) return {fn}(dev, {p} - 1);")
        lines.append("\treturn ret; ")
        lines.append("}")
        body.append("\n".join(lines))
    return spdx + incs + "\n" + "\n\n".join(body) + "\n"


CORE_C = """// SPDX-License-Identifier: GPL-2.0
#include "ledbus.h"

static int bus_fd = -1;
int ledbus_debug;

struct ledbus_dev *ledbus_open(const char *path)
{
	struct ledbus_dev *dev = kmalloc(sizeof(*dev), GFP_KERNEL);

	if (!dev)
		return NULL;
	memset(dev, 0, sizeof(*dev));
	strncpy(dev->name, path, sizeof(dev->name));
	bus_fd = 3;
	return dev;
}

int ledbus_write(struct ledbus_dev *dev, const struct ledbus_msg *msg, int timeout)
{
	if (!dev || !msg)
		return -EINVAL;
	if (msg->len > sizeof(msg->payload))
		return -E2BIG;
	dev->last_seen += timeout;
	return msg->len;
}

int ledbus_read(struct ledbus_dev *dev, struct ledbus_msg *msg)
{
	if (bus_fd < 0)
		return -ENODEV;
	msg->cmd = dev->addr;
	return 0;
}

int ledbus_set_level(struct ledbus_dev *dev, int ch, u32 level)
{
	struct ledbus_msg m = { .cmd = 7, .len = 2 };

	if (ch >= dev->channels)
		return -EINVAL;
	dev->brightness = level;
	return ledbus_write(dev, &m, 100);
}

void ledbus_close(struct ledbus_dev *dev)
{
	if (dev)
		kfree(dev);
}
"""


def v2_header(h: str) -> str:
    """The second build: a field inserted mid-struct, a parameter added, a function removed (the ABI break)."""
    h = h.replace("\tu8 channels;\n", "\tu8 channels;\n\tu32 gamma;\n")
    h = h.replace("u8 payload[13];", "u8 payload[29];")
    h = h.replace("int ledbus_set_level(struct ledbus_dev *dev, int ch, u32 level);",
                  "int ledbus_set_level(struct ledbus_dev *dev, int ch, u32 level, u32 gamma);")
    h = h.replace("int ledbus_read(struct ledbus_dev *dev, struct ledbus_msg *msg);\n", "")
    return h.replace("void ledbus_close", "int ledbus_flush(struct ledbus_dev *dev);\nvoid ledbus_close")


def v2_core(c: str) -> str:
    c = c.replace("int ledbus_set_level(struct ledbus_dev *dev, int ch, u32 level)\n{",
                  "int ledbus_set_level(struct ledbus_dev *dev, int ch, u32 level, u32 gamma)\n{\n\tdev->gamma = gamma;")
    c = re.sub(r"int ledbus_read\(.*?\n}\n", "", c, flags=re.S)
    c = c.replace("static int bus_fd = -1;\nint ledbus_debug;", "static int bus_fd = -1;\nlong ledbus_debug;\nchar ledbus_trace[64];")
    return c + "\nint ledbus_flush(struct ledbus_dev *dev)\n{\n\tchar buf[600];\n\n\tmemset(buf, 0, sizeof(buf));\n\treturn dev->addr + buf[dev->addr % 600];\n}\n"


def make_tree(root: Path, n: int, v2: bool = False) -> None:
    files = {"src/kstub.h": KSTUB_H, "src/ledbus.h": v2_header(LEDBUS_H) if v2 else LEDBUS_H,
             "src/core.c": v2_core(CORE_C) if v2 else CORE_C}
    for k in range(n):
        files[f"src/ch{k}.c"] = gen_channel(k, v2)
    write_tree(root, files)


COCCI_KZALLOC = """@@
expression E, S, F;
@@
- E = kmalloc(S, F);
+ E = kzalloc(S, F);
  ...
- memset(E, 0, S);
"""
COCCI_KFREE = """@@
expression E;
@@
- if (E)
-	kfree(E);
+ kfree(E);
"""
COCCI_ARRAY = """@@
type T;
T[] E;
@@
- (sizeof(E) / sizeof(E[0]))
+ ARRAY_SIZE(E)
"""
COCCI_REPORT = """virtual report

@r depends on report@
identifier f;
expression list args;
position p;
@@
printk@p(args);

@script:python depends on report@
p << r.p;
@@
coccilib.report.print_report(p[0], "printk without a KERN_ level; use pr_* instead")

@s depends on report@
expression E;
position p;
@@
if (E)
kfree@p(E);

@script:python depends on report@
p << s.p;
@@
coccilib.report.print_report(p[0], "WARNING: NULL check before kfree is not needed")
"""


# ------------------------------------------------------------------ steps

def ksrc() -> str:
    return str(KSRC / "scripts")


def kernel_scripts(tmp: Path) -> None:
    root = tmp / "ledbus"
    make_tree(root, 14)
    run("git init -q && git config user.email dev@ledbus.example && git config user.name 'Ledbus Dev' && "
        "git add -A && git commit -qm 'ledbus: initial import'", cwd=root)
    make_tree(root, 18, v2=True)  # the series: new channels, the v2 API, the faults the generator puts in
    run("git add src/ch1*.c && git commit -qm 'ledbus: add channels 10-17' && git add -A && "
        "git commit -qm 'ledbus: gamma support for set_level and flush' && git format-patch -q -2 -o patches", cwd=root)
    cp = f"perl {ksrc()}/checkpatch.pl --no-tree"
    cap("checkpatch-series", f"{cp} patches/*.patch", root, n_checkpatch,
        typed="./scripts/checkpatch.pl --no-tree patches/*.patch")
    cap("checkpatch-series-tail", f"{cp} patches/*.patch | tail -n 80", root, n_checkpatch,
        typed="./scripts/checkpatch.pl --no-tree patches/*.patch | tail -n 80")
    cap("checkpatch-patch-1", f"{cp} patches/0001-*.patch; echo EXIT=$?", root, n_checkpatch,
        typed="./scripts/checkpatch.pl --no-tree patches/0001-*.patch; echo EXIT=$?")
    cap("checkpatch-file-core", f"{cp} -f src/core.c src/ledbus.h src/ch1.c src/ch4.c; echo EXIT=$?", root,
        n_checkpatch, typed="./scripts/checkpatch.pl --no-tree -f src/core.c src/ledbus.h src/ch1.c src/ch4.c; echo EXIT=$?")
    cap("checkpatch-strict-files", f"{cp} --strict -f src/ch*.c", root, n_checkpatch,
        typed="./scripts/checkpatch.pl --no-tree --strict -f src/ch*.c")
    cap("checkpatch-terse-all", f"{cp} --terse -f src/*.c src/*.h", root, n_checkpatch_terse,
        typed="./scripts/checkpatch.pl --no-tree --terse -f src/*.c src/*.h")
    cap("checkpatch-terse-grep", f"{cp} --terse --show-types -f src/*.c 2>&1 | grep -E 'ERROR|WARN'", root,
        n_checkpatch_terse, typed="./scripts/checkpatch.pl --no-tree --terse --show-types -f src/*.c 2>&1 | grep -E 'ERROR|WARN'")
    cap("checkpatch-terse-head", f"{cp} --terse --strict -f src/*.c | head -n 100", root, n_checkpatch_terse,
        typed="./scripts/checkpatch.pl --no-tree --terse --strict -f src/*.c | head -n 100")
    kd = f"perl {ksrc()}/kernel-doc"
    cap("kernel-doc-header", f"{kd} -none -v src/ledbus.h src/core.c src/ch1*.c", root, n_kernel_doc,
        typed="./scripts/kernel-doc -none -v src/ledbus.h src/core.c src/ch1*.c")
    cap("kernel-doc-all", f"{kd} -none -v src/*.c src/*.h 2>&1; echo EXIT=$?", root, n_kernel_doc,
        typed="./scripts/kernel-doc -none -v src/*.c src/*.h 2>&1; echo EXIT=$?")
    cap("kernel-doc-tail", f"{kd} -none src/ch*.c 2>&1 | tail -n 60", root, n_kernel_doc,
        typed="./scripts/kernel-doc -none src/ch*.c 2>&1 | tail -n 60")
    cap("checkincludes", f"perl {ksrc()}/checkincludes.pl src/*.c src/*.h", root, n_checkincludes,
        typed="./scripts/checkincludes.pl src/*.c src/*.h")


def coccinelle(tmp: Path) -> None:
    root = tmp / "ledbus-cocci"
    make_tree(root, 16)
    write_tree(root, {"cocci/kzalloc.cocci": COCCI_KZALLOC, "cocci/kfree.cocci": COCCI_KFREE,
                      "cocci/array_size.cocci": COCCI_ARRAY, "cocci/report.cocci": COCCI_REPORT,
                      "src/broken.c": "// SPDX-License-Identifier: GPL-2.0\n#include \"ledbus.h\"\n"
                                      "int broken(struct ledbus_dev *dev)\n{\n\tint x = dev->addr\n\tif (x) {\n"
                                      "\t\treturn x +;\n\t}\n\treturn 0;\n}\n"})
    sp = "spatch --very-quiet"
    cap("spatch-kzalloc", f"{sp} --sp-file cocci/kzalloc.cocci --dir src", root, n_spatch_diff)
    cap("spatch-kfree", f"spatch --sp-file cocci/kfree.cocci --dir src", root, n_spatch_diff)
    cap("spatch-array-size-head", f"spatch --sp-file cocci/array_size.cocci --dir src 2>&1 | head -n 100", root,
        n_spatch_diff)
    cap("spatch-report", "spatch -D report --sp-file cocci/report.cocci --dir src", root, n_spatch_report)
    cap("spatch-report-echo", "spatch -D report --very-quiet --sp-file cocci/report.cocci src/ch3.c src/ch5.c "
        "src/broken.c; echo EXIT=$?", root, n_spatch_report)
    cap("spatch-parse-c", "spatch --parse-c src", root, n_spatch_parse_c)
    cap("spatch-parse-c-tail", "spatch --parse-c src 2>&1 | tail -n 40", root, n_spatch_parse_c)


def sparse_and_style(tmp: Path) -> None:
    root = tmp / "ledbus-style"
    make_tree(root, 12)
    cap("sparse-all", "sparse -Wsparse-all -Isrc src/*.c", root, n_sparse)
    cap("sparse-cgcc-echo", "for f in src/core.c src/ch0.c src/ch1.c src/ch2.c; do cgcc -Wsparse-all -Isrc -c $f "
        "-o /dev/null; done; echo EXIT=$?", root, n_sparse)
    cap("indent-diff-kr", "for f in src/core.c src/ch0.c src/ch2.c; do indent -kr -i8 -st $f | diff -u $f -; done",
        root, n_indent_diff)
    cap("indent-diff-gnu-head", "indent -gnu -st src/ch3.c | diff -u src/ch3.c - | head -n 100", root, n_indent_diff)
    cap("indent-diff-linux", "indent -linux -st src/ch5.c | diff -u src/ch5.c -; echo EXIT=$?", root, n_indent_diff)
    cap("astyle-dry-run", "astyle --dry-run --style=allman --indent=spaces=4 -r 'src/*.c' 'src/*.h'", root, n_astyle)
    cap("astyle-dry-run-linux", "astyle --dry-run -v --style=linux -t8 -r 'src/*.c'", root, n_astyle)
    write_tree(root, {"uncrustify.cfg": "indent_columns = 4\nindent_with_tabs = 0\nsp_arith = add\n"
                                        "nl_fcall_brace = add\nsp_inside_paren = remove\nmod_full_brace_if = add\n"})
    cap("uncrustify-check", "uncrustify -c uncrustify.cfg --check src/*.c src/*.h; echo EXIT=$?", root, n_uncrustify)
    cap("vera++", "vera++ --show-rule src/*.c src/*.h", root, n_vera)
    cap("vera++-grep", "vera++ --show-rule --warning src/*.c 2>&1 | grep -E 'L00|T0' | head -n 120", root, n_vera)


def graphs(tmp: Path) -> None:
    root = tmp / "ledbus-graph"
    make_tree(root, 14)
    cap("cflow", "cflow src/core.c src/ch*.c", root, n_cflow)
    cap("cflow-main-head", "cflow -d 3 src/*.c | head -n 100", root, n_cflow)
    cap("cflow-reverse", "cflow -r src/*.c", root, n_cflow_reverse)
    cap("pmccabe", "pmccabe src/*.c", root, n_pmccabe)
    cap("pmccabe-sorted", "pmccabe src/*.c | sort -nr | head -n 40", root, n_pmccabe)
    cap("complexity", "complexity --histogram --score --thresh=2 src/*.c", root, n_complexity)


def abi(tmp: Path) -> None:
    old, new = tmp / "abi-v1", tmp / "abi-v2"
    make_tree(old, 10)
    make_tree(new, 10, v2=True)
    for d in (old, new):
        run("gcc -g -Og -fPIC -shared -Isrc -o libledbus.so src/*.c && gcc -g -O1 -Isrc -c src/core.c -o core.o && "
            "gcc -g -Og -Isrc -c src/ch0.c -o ch0.o", cwd=d, timeout=300)
    cap("abidiff", "abidiff abi-v1/libledbus.so abi-v2/libledbus.so; echo EXIT=$?", tmp, n_abidiff)
    cap("abidiff-harmless", "abidiff --harmless abi-v1/libledbus.so abi-v2/libledbus.so", tmp, n_abidiff)
    cap("abi-compliance-checker", "abi-dumper abi-v1/libledbus.so -o v1.dump -lver 1.0 && abi-dumper "
        "abi-v2/libledbus.so -o v2.dump -lver 2.0 && abi-compliance-checker -l ledbus -old v1.dump -new v2.dump; "
        "echo EXIT=$?", tmp, n_acc, timeout=300)
    cap("pahole", "pahole abi-v2/core.o", tmp, n_pahole)
    cap("pahole-so", "pahole abi-v1/libledbus.so abi-v2/libledbus.so 2>&1 | head -n 120", tmp, n_pahole)
    cap("checkstack", f"objdump -d abi-v2/libledbus.so | perl {ksrc()}/checkstack.pl x86_64", tmp, n_checkstack,
        typed="objdump -d abi-v2/libledbus.so | ./scripts/checkstack.pl x86_64")
    cap("bloat-o-meter", f"python3 {ksrc()}/bloat-o-meter abi-v1/libledbus.so abi-v2/libledbus.so", tmp, n_bloat,
        typed="./scripts/bloat-o-meter abi-v1/libledbus.so abi-v2/libledbus.so")
    cap("bloat-o-meter-core", f"python3 {ksrc()}/bloat-o-meter -c abi-v1/core.o abi-v2/core.o", tmp, n_bloat,
        typed="./scripts/bloat-o-meter -c abi-v1/core.o abi-v2/core.o")


STEPS = [kernel_scripts, coccinelle, sparse_and_style, graphs, abi]
