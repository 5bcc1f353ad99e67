"""Round 6, half (b) continued: more kinds no corpus file had (sqlite EXPLAIN / EXPLAIN QUERY PLAN / .dump,
apt-get install -s, make -p, diff -y, xxd, od -c, pip download, git cherry / notes / show-branch / diff --check,
go tool cover -func, go build -gcflags=-m, AddressSanitizer and UBSan reports, pipdeptree, pip inspect, node
--prof-process, pydoc, npm explain). Each extractor's docstring is its rule. Run through capture_wide6.py."""

from __future__ import annotations

import random
import re
import shutil
import sys
from pathlib import Path

from capture_data import rule4
from capture_more import add_or_skip as add, groups, have, kind, mask, run, write_tree
from capture_wide6 import VENV, g
from capture_wide6_new import matching

ZLIB_EX = Path("/usr/share/doc/zlib1g-dev/examples")


# ================================================================== sqlite

@kind("sqlite-explain", "table")
def n_sqlite_explain(lines):
    """Rule 5 on sqlite3 EXPLAIN: the header row; every OpenRead/OpenWrite/OpenEphemeral row (which table or index the program opens); the Halt row."""
    return matching(lines, r"^addr\s+opcode") + matching(lines, r"^\d+\s+(OpenRead|OpenWrite|OpenEphemeral|Halt)\s")


@kind("sqlite-eqp", "table")
def n_sqlite_eqp(lines):
    """Rule 5 on EXPLAIN QUERY PLAN: every SCAN line (a full scan), every SEARCH line naming its index, every TEMP B-TREE line."""
    return matching(lines, r"\b(SCAN|SEARCH)\b|TEMP B-TREE")


@kind("sqlite-dump", "code")
def n_sqlite_dump(lines):
    """Rule 6 on sqlite3 .dump: every CREATE statement's first line; the BEGIN/COMMIT lines; the first INSERT of each table."""
    first: dict[str, str] = {}
    for ln in lines:
        m = re.match(r'^INSERT INTO "?(\w+)"?', ln)
        if m:
            first.setdefault(m.group(1), ln)
    return matching(lines, r"^CREATE ") + matching(lines, r"^(BEGIN TRANSACTION|COMMIT);") + list(first.values())


SHOP_SQL = """
CREATE TABLE customers (id INTEGER PRIMARY KEY, email TEXT UNIQUE, country TEXT, tier TEXT);
CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER REFERENCES customers(id), status TEXT, total INTEGER, placed TEXT);
CREATE TABLE lines (order_id INTEGER, sku TEXT, qty INTEGER, price INTEGER);
CREATE INDEX idx_orders_customer ON orders(customer_id);
CREATE INDEX idx_lines_sku ON lines(sku);
CREATE VIEW big_orders AS SELECT * FROM orders WHERE total > 10000;
CREATE TRIGGER orders_guard BEFORE INSERT ON orders WHEN NEW.total < 0 BEGIN SELECT RAISE(ABORT, 'negative total'); END;
"""

QUERY = ("SELECT c.country, c.tier, count(DISTINCT o.id) AS n, sum(l.qty * l.price) AS revenue FROM customers c "
         "JOIN orders o ON o.customer_id = c.id JOIN lines l ON l.order_id = o.id "
         "WHERE o.status IN ('paid', 'shipped') AND l.sku LIKE 'SKU-1%' AND c.email NOT IN (SELECT email FROM customers WHERE tier = 'test') "
         "GROUP BY c.country, c.tier HAVING n > 2 ORDER BY revenue DESC LIMIT 20")


def cap_sqlite(tmp: Path) -> None:
    if not have("sqlite3", "sqlite-*"):
        return
    d = tmp / "sq"
    d.mkdir()
    rnd = random.Random(61)
    rows = [SHOP_SQL, "BEGIN;"]
    for k in range(60):
        rows.append(f"INSERT INTO customers VALUES ({k}, 'user{k}@example.org', '{rnd.choice(['DE', 'AT', 'FR', 'IT'])}', "
                    f"'{'test' if k == 33 else rnd.choice(['gold', 'basic', 'basic'])}');")
    for k in range(120):
        rows.append(f"INSERT INTO orders VALUES ({k}, {rnd.randrange(60)}, '{rnd.choice(['paid', 'shipped', 'new'])}', "
                    f"{rnd.randrange(100, 20000)}, '2024-0{1 + k % 9}-1{k % 10}');")
        rows.append(f"INSERT INTO lines VALUES ({k}, 'SKU-{rnd.randrange(1000, 1300)}', {rnd.randrange(1, 5)}, {rnd.randrange(100, 5000)});")
    rows.append("COMMIT;")
    (d / "shop.sql").write_text("\n".join(rows) + "\n")
    run("sqlite3 shop.db < shop.sql", cwd=d)
    add("sqlite-explain-join", "sqlite3 -header -column shop.db 'EXPLAIN SELECT ...'",
        run(f"sqlite3 -header -column shop.db \"EXPLAIN {QUERY}\"", cwd=d), n_sqlite_explain)
    qs = [QUERY, "SELECT * FROM orders WHERE status = 'new' ORDER BY placed",
          "SELECT sku, sum(qty) FROM lines WHERE sku = 'SKU-1200' GROUP BY sku",
          "SELECT c.email, (SELECT max(total) FROM orders o WHERE o.customer_id = c.id) FROM customers c WHERE country = 'AT'",
          "SELECT * FROM big_orders b JOIN lines l ON l.order_id = b.id UNION SELECT * FROM orders o JOIN lines l ON l.order_id = o.id WHERE o.total < 200",
          "SELECT * FROM customers WHERE email = 'user7@example.org'",
          "SELECT country, count(*) FROM customers GROUP BY country",
          "SELECT * FROM orders WHERE customer_id IN (SELECT id FROM customers WHERE tier = 'gold') AND placed > '2024-05'",
          "WITH top AS (SELECT customer_id, sum(total) s FROM orders GROUP BY customer_id ORDER BY s DESC LIMIT 5) "
          "SELECT c.email, top.s FROM top JOIN customers c ON c.id = top.customer_id",
          "SELECT o.id FROM orders o LEFT JOIN lines l ON l.order_id = o.id WHERE l.order_id IS NULL",
          "SELECT sku, avg(price) OVER (PARTITION BY sku) FROM lines WHERE qty > 2"]
    script = "".join(f".print '-- query {k + 1}'\nEXPLAIN QUERY PLAN {q};\n" for k, q in enumerate(qs))
    (d / "eqp.sql").write_text(script)
    add("sqlite-eqp-shop", "sqlite3 shop.db < eqp.sql (EXPLAIN QUERY PLAN x5)", run("sqlite3 shop.db < eqp.sql", cwd=d), n_sqlite_eqp)
    add("sqlite-dump-shop", "sqlite3 shop.db .dump", run("sqlite3 shop.db .dump", cwd=d), n_sqlite_dump)


# ================================================================== system and files

@kind("apt-get-install-s", "pkg")
def n_apt_s(lines):
    """Rules 1+3+5 on apt-get install -s: every E:/W: line; the 'N upgraded, N newly installed' summary; the Inst line of each requested package."""
    req = ("postgresql", "nginx-light", "redis-server")
    return (matching(lines, r"^[EW]: ") + matching(lines, r"^\d+ upgraded, \d+ newly installed")
            + [ln for ln in lines if re.match(r"^Inst (\S+) ", ln) and ln.split()[1] in req])


@kind("make-p", "build")
def n_make_p(lines):
    """Rule 5 on make -p: every variable the project's Makefile sets (the line under "# makefile (from 'Makefile'"), every rule line with a recipe from it; make's error lines."""
    out = []
    for i, ln in enumerate(lines):
        if ln.startswith("# makefile (from 'Makefile'"):
            out += [x for x in lines[i + 1:i + 2] if x.strip()]
        elif ln.startswith("#  recipe to execute (from 'Makefile'"):
            out += [x for x in reversed(lines[max(0, i - 8):i]) if re.match(r"^[\w.%-]+:", x)][:1]
    return out + matching(lines, r"^make: \*\*\*")


@kind("diff-y", "git")
def n_diff_y(lines):
    """Rule 5 on diff -y: every line whose gutter marks a change ('|', '<' or '>' in the middle column)."""
    return [ln for ln in lines if re.search(r"\s[|<>](\t|\s|$)", ln[50:90] if len(ln) > 60 else ln)]


@kind("xxd", "listing")
def n_xxd(lines):
    """Rule 5 on xxd of a PNG: the first line (signature), every line whose text column shows a chunk type (IHDR, PLTE, IDAT, tEXt, IEND), the last line."""
    return lines[:1] + matching(lines, r"IHDR|PLTE|IDAT|tEXt|zTXt|iTXt|IEND") + lines[-1:]


@kind("od-c", "listing")
def n_od_c(lines):
    """Rule 5 on od -c: the first line, every line showing a \\r or \\0 byte (the odd ones), the final offset line."""
    return lines[:1] + matching(lines, r"\\r|\\0") + [ln for ln in lines if re.match(r"^\d+$", ln)]


@kind("pip-download", "pkg")
def n_pip_download(lines):
    """Rules 1+3+5 on pip download: every ERROR line; each requested package's 'Collecting' / 'Processing' line; the 'Successfully downloaded' summary."""
    req = ("requests", "rich", "click")
    picked = [ln for ln in lines if re.match(r"^(Collecting |Processing \S*/)(requests|rich|click)\b[^/]*$", ln)]
    assert len({next(r for r in req if r in ln) for ln in picked}) == len(req), "a requested package has no line"
    return matching(lines, r"^ERROR") + picked + matching(lines, r"^Successfully downloaded")


def cap_files(tmp: Path) -> None:
    if have("apt-get", "apt-get-install-s"):
        add("apt-get-install-s-servers", "apt-get install -s postgresql nginx-light redis-server",
            run("apt-get install -s -o Debug::NoLocking=1 postgresql nginx-light redis-server"), n_apt_s)
    if ZLIB_EX.exists() and have("make", "make-p"):
        d = tmp / "mkp"
        shutil.copytree(ZLIB_EX, d)
        (d / "Makefile").write_text("CC := gcc\nCFLAGS := -O2 -Wall\nLDLIBS := -lz\nPROGS := gun gzappend zpipe zran_demo\n"
                                    "VERSION := 1.3.0\nall: $(PROGS)\nzran_demo: zran.o\n\t$(CC) -o $@ $^ $(LDLIBS)\n"
                                    "clean:\n\trm -f $(PROGS) *.o\n.PHONY: all clean\n")
        add("make-p-zlib", "make -pRrn all",  # in a small clean environment: make -p prints every variable
            run(f"env -i PATH=/usr/bin:/bin HOME={tmp} LANG=C.UTF-8 make -pRrn all", cwd=d), n_make_p)
    d = tmp / "files"
    d.mkdir()
    src = Path("/usr/lib/python3.11/shlex.py").read_text().splitlines(keepends=True)
    new = [ln.replace("whitespace_split", "split_on_whitespace") if i % 3 == 0 else ln for i, ln in enumerate(src)]
    del new[120:126]
    new.insert(200, "        # posix mode: quotes are removed\n")
    (d / "shlex_old.py").write_text("".join(src))
    (d / "shlex_new.py").write_text("".join(new))
    add("diff-y-shlex", "diff -y -W 160 shlex_old.py shlex_new.py", run("diff -y -W 160 shlex_old.py shlex_new.py", cwd=d), n_diff_y)
    png = Path("/usr/share/cmake-3.25/Templates/Windows/ApplicationIcon.png")
    if png.exists() and have("xxd", "xxd"):
        add("xxd-png-icon", f"xxd {png.name}", run(f"xxd {png}"), n_xxd)
    if have("od", "od-c"):
        body = "".join(f"{k},sku-{k},{k * 3}\n" for k in range(60))
        body = body.replace("31,sku-31,93\n", "31,sku-31,93\r\n").replace("47,sku-47", "47,sku\0-47")
        (d / "export.csv").write_bytes(body.encode())
        add("od-c-export-csv", "od -c export.csv", run("od -c export.csv", cwd=d), n_od_c)
    add("pip-download-requests-rich", "pip download -d dl requests rich click",
        run(f"{VENV}/bin/pip download --no-cache-dir -d dl requests rich click", cwd=d, timeout=300), n_pip_download)


# ================================================================== git

@kind("git-cherry-v", "git")
def n_git_cherry(lines):
    """Rule 5 on git cherry -v: every line (each commit's +/- mark, hash and subject)."""
    return matching(lines, r"^[+-] [0-9a-f]{7,} ")


@kind("git-log-notes", "git")
def n_git_notes(lines):
    """Rule 5 on git log --notes: every commit hash line, every subject, every note's first line under 'Notes:'."""
    out = matching(lines, r"^commit [0-9a-f]{40}")
    for i, ln in enumerate(lines):
        if ln.startswith("Date:"):
            out += [x for x in lines[i + 1:i + 3] if x.strip()][:1]
        if re.match(r"^Notes( \(\w+\))?:$", ln) and i + 1 < len(lines):
            out.append(lines[i + 1])
    return out


@kind("git-show-branch", "git")
def n_git_show_branch(lines):
    """Rule 5 on git show-branch: every branch header line above the '--' separator (name and tip subject)."""
    out = []
    for ln in lines:
        if ln.startswith("--"):
            break
        out.append(ln)
    return out


@kind("git-diff-check", "lint")
def n_git_diff_check(lines):
    """Rule 1 on git diff --check: every 'leftover conflict marker' line; other problems one {"any"} per (problem, file)."""
    out, pairs = [], []
    for ln in lines:
        m = re.match(r"^(\S+?):\d+: (.*)\.$", ln)
        if m:
            if "conflict marker" in m.group(2):
                out.append(ln)
            else:
                pairs.append(((m.group(2), m.group(1)), ln))
    return out + groups(pairs)


def cap_git_more(tmp: Path) -> None:
    if not have("git", "git-*"):
        return
    r = tmp / "gitrepo"
    r.mkdir()
    g("git init -q -b main .", r)
    stdlib = Path("/usr/lib/python3.11")
    files = ["shlex.py", "textwrap.py", "fnmatch.py", "glob.py", "bisect.py", "heapq.py", "colorsys.py", "keyword.py"]
    for k, f in enumerate(files):
        shutil.copy(stdlib / f, r / f)
        g(f"git add {f} && GIT_AUTHOR_DATE=2024-02-{k + 1:02d}T09:00:00 GIT_COMMITTER_DATE=2024-02-{k + 1:02d}T09:00:00 "
          f"git commit -q -m 'vendor {f} from CPython 3.11'", r)
    g("git checkout -q -b feature/perf", r)
    for k, f in enumerate(files * 2):
        with open(r / f, "a") as fh:
            fh.write(f"\n# perf tweak {k}\n")
        g(f"git commit -qam 'perf: tweak {f} (pass {k // len(files) + 1}: cache lookups, fewer allocations)'", r)
    g("git checkout -q main && git cherry-pick -q feature/perf~11 && git cherry-pick -q feature/perf~6", r)
    g("git commit -q --allow-empty -m 'release notes for 1.2'", r)
    add("git-cherry-v-perf", "git cherry -v main feature/perf", g("git cherry -v main feature/perf", r), n_git_cherry)
    for k in range(0, 8, 3):
        g(f"git notes add -m 'reviewed-by: Bo Lin (ticket OPS-{400 + k})' HEAD~{k}", r)
    g("git notes add -m 'CI: flaky on arm64, rerun passed' feature/perf~2", r)
    add("git-log-notes", "git log --notes -12", g("git log --notes -12", r), n_git_notes)
    for b in range(9):
        g(f"git branch topic/{b} main~{b + 1} && git checkout -q topic/{b} && git commit -q --allow-empty -m 'topic {b}: start' "
          f"&& git checkout -q main", r)
    add("git-show-branch", "git show-branch main feature/perf topic/*", g("git show-branch main feature/perf 'topic/*'", r),
        n_git_show_branch)
    for k, f in enumerate(files):
        body = (r / f).read_text().splitlines(keepends=True)
        for j in range(5, len(body), 37 + k):
            body[j] = body[j].rstrip("\n") + ("  \n" if j % 2 else "\t\n")
        if k == 3:
            body[40:40] = ["<<<<<<< HEAD\n", "x = 1\n", "=======\n", "x = 2\n", ">>>>>>> topic/1\n"]
        if k == 5:
            body[10:10] = ["\tif True:  \n", " \t    pass\n"]
        (r / f).write_text("".join(body) + "\n\n")
    add("git-diff-check-vendored", "git diff --check", g("git diff --check", r), n_git_diff_check)


# ================================================================== go, C sanitizers

@kind("go-cover-func", "test")
def n_go_cover_func(lines):
    """Rule 4 on go tool cover -func: the 'total:' line; the function rows of min and max coverage."""
    rows = [(ln, {"pct": ln.split()[-1].rstrip("%")}) for ln in lines if re.search(r"\.go:\d+:\s", ln)]
    return rule4(rows, nums=("pct",)) + matching(lines, r"^total:")


@kind("go-gcflags-m", "build")
def n_go_escape(lines):
    """Rule 5 on go build -gcflags=-m: every 'moved to heap' line (an allocation a question asks about); other decisions one {"any"} per (message shape, file)."""
    out, pairs = [], []
    for ln in lines:
        m = re.match(r"^(\S+?\.go):\d+:\d+: (.*)$", ln)
        if not m:
            continue
        if m.group(2).startswith("moved to heap"):
            out.append(ln)
        else:
            pairs.append(((mask(re.sub(r"\w+", "w", m.group(2)) if "inline" in m.group(2) else m.group(2)), m.group(1)), ln))
    return out + groups(pairs)


@kind("asan-report", "log")
def n_asan(lines):
    """Rule 1 on an AddressSanitizer report: the 'ERROR: AddressSanitizer' line, the READ/WRITE line, the first '#0' frame after each, the SUMMARY line."""
    out = []
    for i, ln in enumerate(lines):
        if "ERROR: AddressSanitizer" in ln or re.match(r"^(READ|WRITE) of size", ln):
            out.append(ln)
            fr = next((x for x in lines[i + 1:i + 4] if re.match(r"^\s+#0 ", x)), None)
            if fr:
                out.append(fr)
    return out + matching(lines, r"^SUMMARY: ")


@kind("ubsan-runtime", "log")
def n_ubsan(lines):
    """Rule 1 on UBSan: every 'runtime error:' line (location and message)."""
    return matching(lines, r": runtime error: ")


RATES_GO = """package rates

import "fmt"

type Quote struct{ Pair string; Bid, Ask float64 }

func Spread(q Quote) float64 { return q.Ask - q.Bid }

func NewQuote(pair string, bid, ask float64) *Quote { return &Quote{pair, bid, ask} }

func Describe(q *Quote) string { return fmt.Sprintf("%s %.4f/%.4f", q.Pair, q.Bid, q.Ask) }

func Batch(n int) []*Quote {
	out := make([]*Quote, 0, n)
	for i := 0; i < n; i++ {
		q := Quote{Pair: fmt.Sprint("P", i), Bid: float64(i), Ask: float64(i) + 0.5}
		out = append(out, &q)
	}
	return out
}

func Mid(q Quote) float64 {
	if q.Bid == 0 {
		return q.Ask
	}
	return (q.Bid + q.Ask) / 2
}

func Worst(qs []*Quote) *Quote {
	var w *Quote
	for _, q := range qs {
		if w == nil || Spread(*q) > Spread(*w) {
			w = q
		}
	}
	return w
}
"""

ASAN_C = """#include <stdlib.h>
#include <string.h>
#include <stdio.h>
static int sum(const int *v, int n) { int s = 0; for (int i = 0; i <= n; i++) s += v[i]; return s; }
int main(void) {
    for (int k = 0; k < 40; k++) printf("processing batch %d: ok\\n", k);
    int *v = malloc(8 * sizeof *v);
    for (int i = 0; i < 8; i++) v[i] = i;
    printf("sum=%d\\n", sum(v, 8));
    free(v);
    return 0;
}
"""

UBSAN_C = """#include <stdio.h>
#include <limits.h>
int scale(int x, int f) { return x * f; }
int shift(int x, int n) { return x << n; }
int main(void) {
    int acc = 0;
    for (int k = 0; k < 30; k++) { acc += k; printf("step %d acc=%d\\n", k, acc); }
    printf("%d\\n", scale(INT_MAX / 2, 3));
    printf("%d\\n", shift(1, 33));
    int a[4] = {1, 2, 3, 4}; int i = 4;
    printf("%d\\n", a[i]);
    printf("%d\\n", INT_MIN / -1);
    return 0;
}
"""


def cap_go_c(tmp: Path) -> None:
    if have("go", "go-cover-func"):
        d = tmp / "rates"
        tests = ("package rates\n\nimport \"testing\"\n\nfunc TestSpread(t *testing.T) {\n\tif Spread(Quote{\"EURUSD\", 1, 1.5}) != 0.5 {\n"
                 "\t\tt.Fatal(\"spread\")\n\t}\n}\n\nfunc TestBatch(t *testing.T) {\n\tif len(Batch(3)) != 3 {\n\t\tt.Fatal(\"n\")\n\t}\n}\n")
        files = {"go.mod": "module example.org/rates\n\ngo 1.19\n", "rates/rates.go": RATES_GO, "rates/rates_test.go": tests}
        for k in range(5):
            files[f"feed{k}/feed.go"] = (f"package feed{k}\n\nimport \"strings\"\n\nfunc Parse{k}(s string) []string {{ return strings.Split(s, \",\") }}\n\n"
                                         f"func Join{k}(xs []string) string {{ return strings.Join(xs, \";\") }}\n\n"
                                         f"func Count{k}(s string) int {{\n\tn := 0\n\tfor _, r := range s {{\n\t\tif r == ',' {{\n\t\t\tn++\n\t\t}}\n\t}}\n\treturn n\n}}\n")
            files[f"feed{k}/feed_test.go"] = (f"package feed{k}\n\nimport \"testing\"\n\nfunc TestParse(t *testing.T) {{\n"
                                              f"\tif len(Parse{k}(\"a,b\")) != 2 {{\n\t\tt.Fatal(\"x\")\n\t}}\n}}\n"
                                              + ("" if k % 2 else f"\nfunc TestCount(t *testing.T) {{\n\tif Count{k}(\"a,b,c\") != 2 {{\n\t\tt.Fatal(\"c\")\n\t}}\n}}\n"))
        write_tree(d, files)
        run("go test -coverprofile=cover.out ./... 2>&1", cwd=d, timeout=300)
        add("go-cover-func-rates", "go tool cover -func=cover.out", run("go tool cover -func=cover.out", cwd=d), n_go_cover_func)
        add("go-gcflags-m-rates", "go build -gcflags=-m ./...", run("go build -gcflags=-m ./... 2>&1", cwd=d, timeout=300), n_go_escape)
    if have("gcc", "asan-report"):
        d = tmp / "san"
        write_tree(d, {"asan.c": ASAN_C, "ubsan.c": UBSAN_C})
        run("gcc -g -O0 -fsanitize=address -fno-omit-frame-pointer -o asan asan.c && gcc -g -O0 -fsanitize=undefined -o ubsan ubsan.c", cwd=d)
        add("asan-heap-overflow", "./asan", run("./asan", cwd=d, env={"ASAN_OPTIONS": "detect_leaks=0"}), n_asan)
        add("ubsan-runtime-errors", "./ubsan", run("./ubsan", cwd=d), n_ubsan)


# ================================================================== python and node introspection

@kind("pipdeptree", "pkg")
def n_pipdeptree(lines):
    """Rules 1+5 on pipdeptree: every top-level package line (no indent); every warning / conflict line."""
    return [ln for ln in lines if re.match(r"^[A-Za-z0-9]", ln) and "==" in ln] + matching(lines, r"(?i)warning|conflict|\* ")


@kind("pip-inspect", "json")
def n_pip_inspect(lines):
    """Rule 5 on pip inspect: the pip_version and python_full_version lines; every installed distribution's '"name": ...' line."""
    return matching(lines, r'^\s*"(pip_version|python_full_version)"') + matching(lines, r'^\s{8}"name": "')


@kind("node-prof-process", "table")
def n_prof(lines):
    """Rules 4+5 on node --prof-process: each section header ([Summary]:, [JavaScript]:, ...); the first (heaviest) row under each ticks header."""
    out = matching(lines, r"^ \[[\w+ ()]+\]:$")
    for i, ln in enumerate(lines):
        if re.match(r"^\s+ticks\s+", ln):
            nxt = next((x for x in lines[i + 1:i + 3] if x.strip()), None)
            if nxt:
                out.append(nxt)
    return out


@kind("pydoc", "doc")
def n_pydoc(lines):
    """Rule 6 on python -m pydoc MODULE: every section heading (NAME, DESCRIPTION, CLASSES, FUNCTIONS, DATA, FILE), every class and function definition line."""
    return (matching(lines, r"^[A-Z]{3,}$") + matching(lines, r"^\s{4}class \w+")
            + matching(lines, r"^\s{4}\w+\(.*\)$"))


@kind("npm-explain", "pkg")
def n_npm_explain(lines):
    """Rule 5 on npm explain PKG: every 'name@version' header line at column 0 (each installed copy explained)."""
    return [ln for ln in lines if re.match(r"^\S+@\S+", ln)]


PROF_JS = """
function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
function parseAll(k) { let s = 0; for (let i = 0; i < k; i++) s += JSON.parse(JSON.stringify({ a: i, b: [i, i] })).a; return s; }
function sortMany(k) { const a = []; for (let i = 0; i < k; i++) a.push((i * 7919) % 1000); return a.sort((x, y) => x - y).length; }
let t = Date.now(); let r = 0;
while (Date.now() - t < 1500) { r += fib(22) + parseAll(2000) + sortMany(5000); }
console.log('done', r > 0);
"""


def cap_intro(tmp: Path) -> None:
    add("pipdeptree-tools-venv", "pipdeptree", run(f"{VENV}/bin/pipdeptree --python {VENV}/bin/python"), n_pipdeptree)
    v = tmp / "smallvenv"
    run(f"{sys.executable} -m venv {v} && {v}/bin/pip install -q requests==2.32.3 2>&1", timeout=300)
    if (v / "bin" / "pip").exists():
        add("pip-inspect-small-venv", "pip inspect", run(f"{v}/bin/pip inspect"), n_pip_inspect)
    if have("node", "node-prof-process"):
        d = tmp / "prof"
        d.mkdir()
        (d / "work.js").write_text(PROF_JS)
        run("node --prof work.js && node --prof-process isolate-*.log > prof.txt 2>&1", cwd=d, timeout=120)
        add("node-prof-process-work", "node --prof work.js && node --prof-process isolate-*.log",
            run("head -c 60000 prof.txt", cwd=d), n_prof)
    add("pydoc-textwrap", "python -m pydoc textwrap", run(f"{sys.executable} -m pydoc textwrap"), n_pydoc)
    app = Path("/tmp/hm-corpus-wide6/expressapp")
    if (app / "node_modules").exists():
        add("npm-explain-debug", "npm explain debug ms", run("npm explain debug ms", cwd=app), n_npm_explain)


STEPS = [cap_sqlite, cap_files, cap_git_more, cap_go_c, cap_intro]
