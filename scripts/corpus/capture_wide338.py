#!/usr/bin/env python3
"""Capture round 338 of the compression corpus: everyday outputs in the user's own language.

gcc/g++, make -k with ld, git chains, coreutils/findutils/grep/sed/tar/diff/bash/apt-get/dpkg chains, msgfmt -c
and javac, run here with LANG=xx_YY.UTF-8 LANGUAGE=xx_YY (German, French, Spanish, Italian, Brazilian Portuguese)
on throwaway material written below with faults put in. Each kind names its locale; the rules are NEEDLES.md's
"Round 338", applied by the extractors below (their docstrings' first lines are the items' needle_rule).
Nothing captured here was compressed.

Setup (once, as root): apt-get install -y locales gcc-12-locales; localedef -i de_DE -f UTF-8 de_DE.UTF-8 (and
fr_FR, es_ES, it_IT, pt_BR). The shell chains run as user `nobody` (setpriv), so that a chmod 000 directory denies.

Usage:   .venv/bin/python scripts/corpus/capture_wide338.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide338.json  as {"version": 2, "items": [...]}, ids prefixed "wide338-".
"""

from __future__ import annotations

import os
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_more import groups, kind, mask  # noqa: E402

ID_PREFIX = "wide338-"
DEFAULT_OUT = HERE / "data" / "wide338.json"
TMP = Path(os.environ.get("HM_WIDE338_TMP", "/dev/shm/hm-corpus-wide338/tmp"))

MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add = _SIZED.add

LOCALES = {"de": "de_DE", "fr": "fr_FR", "es": "es_ES", "it": "it_IT", "ptbr": "pt_BR"}


def lenv(loc: str) -> dict:
    ll = LOCALES[loc]
    return {"LC_ALL": None, "LANG": f"{ll}.UTF-8", "LANGUAGE": ll}


def lrun(loc: str, cmd: str, cwd: Path, timeout: int = 300) -> str:
    return cm.run(cmd, cwd=cwd, env=lenv(loc), timeout=timeout)


# ------------------------------------------------------------------ words (looked up in the .mo catalogues)

ERR_WORDS = r"(?:schwerwiegender Fehler|Fehler|erreur fatale|erreur|error fatal|error|errore|erro|fatal error)"
WARN_WORDS = r"(?:Warnung|attention|avertissement|aviso|advertencia|attenzione|avviso|warning)"
UNDEF = ("undefined reference", "riferimento non definito", "referência não definida", "référence indéfinie",
         "sin definir", "nicht definierte", "undefinierte")
LOC = re.compile(r"^([^\s:][^:]*):(\d+)(?::\d+)?: ([^:]{1,40}?)\s?: ")


def _compiler(lines: list[str]) -> list:
    out, warn = [], []
    for ln in lines:
        m = LOC.match(ln)
        if m:
            sev = m.group(3)
            if re.fullmatch(ERR_WORDS, sev, re.I):
                out.append(ln)
            elif re.fullmatch(WARN_WORDS, sev, re.I):
                flag = re.search(r"\[-W[^\]]+\]", ln)
                warn.append(((flag.group(0) if flag else mask(ln[m.end():]), m.group(1)), ln))
            continue
        if ln.startswith("collect2:"):
            out.append(ln)
        elif any(u in ln for u in UNDEF):
            out.append(ln)
        elif re.search(r"(^|/)ld: ", ln) and re.search(ERR_WORDS, ln, re.I) and not re.search(r"function|Funktion|fonction|función|funzione|função", ln):
            out.append(ln)
    return out + groups(warn)


@kind("gcc-de", "build")
def n_gcc_de(lines):
    """every `file:line[:col]: Fehler:` line, collect2/ld error and undefined-reference lines; warnings one any per ([-W flag] or masked message, file)"""
    return _compiler(lines)


@kind("gcc-fr", "build")
def n_gcc_fr(lines):
    """every `file:line[:col]: erreur:` line, collect2/ld error and undefined-reference lines; warnings one any per ([-W flag] or masked message, file)"""
    return _compiler(lines)


@kind("gcc-es", "build")
def n_gcc_es(lines):
    """every `file:line[:col]: error:` line, collect2/ld error and undefined-reference lines; warnings one any per ([-W flag] or masked message, file)"""
    return _compiler(lines)


def _make(lines: list[str]) -> list:
    out = _compiler(lines)
    mk = [ln for ln in lines if re.match(r"^make(\[\d+\])?: ", ln)]
    out += [ln for ln in mk if "***" in ln]
    if mk:
        out.append(mk[-1])
    return out


@kind("make-it", "build")
def n_make_it(lines):
    """compiler error lines, ld undefined-reference (`riferimento non definito a`) and collect2 lines, every make `***` line, make's closing line; warnings one any per (flag, file)"""
    return _make(lines)


@kind("make-ptbr", "build")
def n_make_ptbr(lines):
    """compiler error lines, ld undefined-reference (`referência não definida para`) and collect2 lines, every make `***` line, make's closing line; warnings one any per (flag, file)"""
    return _make(lines)


GIT_ERR = ("Fehler:", "Schwerwiegend:", "erreur :", "fatal :", "error:", "fatal:", "errore:", "fatale:")
CONFLICT = re.compile(r"^(KONFLIKT|CONFLIT|CONFLICTO|CONFLITTO|CONFLICT) ")
BOTH = ("von beiden geändert:", "modifié des deux côtés :", "modificados por ambos:", "entrambi modificati:",
        "both modified:")


def _git(lines: list[str]) -> list:
    out = []
    conflicts = [i for i, ln in enumerate(lines) if CONFLICT.match(ln)]
    for i, ln in enumerate(lines):
        if ln.startswith(GIT_ERR):
            out.append(ln)
        elif CONFLICT.match(ln):
            out.append(ln)
        elif ln.startswith(" ! ["):
            out.append(ln)
        elif any(b in ln for b in BOTH) and ln.startswith(("\t", " ")):
            out.append(ln)
        elif re.match(r"^[0-9a-f]{7,12} ", ln):
            out.append(ln)
    # the line after the last CONFLICT line of each merge/rebase (a run of CONFLICT lines and their
    # `Auto-merging` lines ends where a line is neither)
    for j, i in enumerate(conflicts):
        nxt = conflicts[j + 1] if j + 1 < len(conflicts) else None
        if nxt is not None and nxt - i <= 2:
            continue
        if i + 1 < len(lines) and lines[i + 1].strip():
            out.append(lines[i + 1])
    return out


_GITK = {_loc: cm.named(f"git-{_loc}", "git", "every error/fatal line (the locale's words), CONFLICT lines, ` ! [` push lines, "
             "unmerged `both modified` entries, the line after the last CONFLICT, every `git log --oneline` line", _git)
         for _loc in ("de", "fr", "es", "it")}

SHELL_PROGS = ("ls", "cat", "cp", "mv", "rm", "mkdir", "chmod", "find", "grep", "sed", "tar", "diff", "sort", "head",
               "wc", "stat", "touch", "ln", "bash", "dpkg", "dpkg-query")
SHELL_RE = re.compile(r"^(?:(?:%s)(?:\[\d+\])?: |[EW]: )" % "|".join(re.escape(p) for p in SHELL_PROGS))


def _shell(lines: list[str]) -> list:
    out = []
    for i, ln in enumerate(lines):
        if SHELL_RE.match(ln):
            out.append(ln)
        elif ln.startswith("--- ") and i + 1 < len(lines) and lines[i + 1].startswith("+++ "):
            out += [ln, lines[i + 1]]
    return out


_SHK = {_loc: cm.named(f"shell-{_loc}", "log", "every line starting with a chained program's name and `:` (ls cat cp mv rm mkdir "
             "chmod find grep sed tar diff sort head wc stat touch ln bash dpkg dpkg-query) or apt's `E:`/`W:`; "
             "each diff -u file's ---/+++ header pair", _shell)
         for _loc in LOCALES}


@kind("msgfmt-es", "lint")
def n_msgfmt_es(lines):
    """every `file.po:N:` diagnostic line and every `msgfmt:` line (its `se encontraron N errores fatales` summary)"""
    return [ln for ln in lines if re.match(r"^\S+\.po:\d+:", ln) or ln.startswith("msgfmt:")]


@kind("javac-de", "build")
def n_javac_de(lines):
    """every `File.java:N: Fehler:` line; `Warnung:` lines one any per (masked message, file); the `N Fehler` / `N Warnungen` lines"""
    out, warn = [], []
    for ln in lines:
        m = re.match(r"^(\S+\.java):\d+: (Fehler|error|Warnung|warning): (.*)", ln)
        if m and m.group(2) in ("Fehler", "error"):
            out.append(ln)
        elif m:
            warn.append(((mask(m.group(3)), m.group(1)), ln))
        elif re.match(r"^\d+ (Fehler|Warnung|Warnungen|errors?|warnings?)$", ln):
            out.append(ln)
    return out + groups(warn)


# ------------------------------------------------------------------ material

C_FAULTS = [
    # each a function body with a fault (error or warning) put in
    "int f_{i}(int n) {{\n    int unused_{i};\n    return n * 2\n}}\n",
    "int g_{i}(void) {{\n    return undeclared_{i} + 1;\n}}\n",
    "void h_{i}(const char *s) {{\n    printf(\"%d\\n\", s);\n}}\n",
    "int k_{i}(unsigned u, int s) {{\n    if (u < s) return 1;\n    return 0;\n}}\n",
    "char *p_{i}(void) {{\n    char buf[8];\n    return buf;\n}}\n",
    "int q_{i}(int x) {{\n    struct point {{ int x, y; }} pt = {{1, 2}};\n    return pt.z + x;\n}}\n",
    "int r_{i}(void) {{\n    int *ip = \"text\";\n    return *ip;\n}}\n",
    "double s_{i}(double d) {{\n    return sqrtx(d);\n}}\n",
    "int t_{i}(int a) {{\n    switch (a) {{ case 1: a++; case 2: return a; }}\n}}\n",
    "int ok_{i}(int a, int b) {{\n    return a + b;\n}}\n",
]


def c_module(i: int, rnd: random.Random, n_funcs: int) -> str:
    body = "#include <stdio.h>\n#include <stdlib.h>\n\n"
    for j in range(n_funcs):
        body += rnd.choice(C_FAULTS).format(i=f"{i}_{j}") + "\n"
    return body


CPP = r"""
#include <vector>
#include <map>
#include <string>
#include <algorithm>

struct Order { std::string id; int qty; };

int total(const std::vector<Order>& v) {
    int t = 0;
    for (size_t i = 0; i < v.size(); i++) t += v[i].qty;
    for (int i = 0; i < v.size(); i++) t += v[i].quantity;
    return t;
}

void sort_orders(std::map<std::string, Order>& m) {
    std::sort(m.begin(), m.end(), [](auto& a, auto& b) { return a.second.qty < b.second.qty; });
}

std::string label(int n) {
    std::string s = n;
    return s + 1.5;
}

int main() {
    std::vector<Order> v{{"a", 1}, {"b", 2}};
    auto x = total(v, 3);
    return x;
}
"""


def step_gcc(tmp: Path) -> None:
    for loc, seed, nmod, nf in (("de", 1, 3, 4), ("fr", 2, 6, 6), ("es", 3, 12, 8)):
        d = tmp / f"gcc-{loc}"
        rnd = random.Random(seed)
        files = {f"src/mod{i}.c": c_module(i, rnd, nf) for i in range(nmod)}
        files["src/orders.cpp"] = CPP
        files["src/main.c"] = "int helper(int);\nint missing_fn(void);\nint main(void) { return helper(1) + missing_fn(); }\n"
        files["src/helper.c"] = "int helper(int x) { return x + 1; }\n"
        cm.write_tree(d, files)
        cmd = "gcc -Wall -Wextra -c src/mod*.c"
        add(f"gcc-{loc}-c", cmd, lrun(loc, cmd, d), {"de": n_gcc_de, "fr": n_gcc_fr, "es": n_gcc_es}[loc])
        cmd = "g++ -std=c++17 -Wall -Wextra -c src/orders.cpp"
        add(f"gcc-{loc}-cpp", cmd, lrun(loc, cmd, d), {"de": n_gcc_de, "fr": n_gcc_fr, "es": n_gcc_es}[loc])
        cmd = "gcc -Wall -o app src/main.c src/helper.c && ./app; gcc -Wall -Wextra src/mod0.c src/main.c -o app2"
        add(f"gcc-{loc}-link", cmd, lrun(loc, cmd, d), {"de": n_gcc_de, "fr": n_gcc_fr, "es": n_gcc_es}[loc])


MAKEFILE = """CC = gcc
CFLAGS = -Wall -Wextra -O0
APP_OBJS = {app_objs}
TOOL_OBJS = obj/tool.o obj/util.o

all: app tool

app: $(APP_OBJS)
\t$(CC) -o $@ $^

tool: $(TOOL_OBJS)
\t$(CC) -o $@ $^ -lm

obj/%.o: src/%.c | obj
\t$(CC) $(CFLAGS) -c $< -o $@

obj:
\tmkdir -p obj

docs: README.md
\tpandoc-missing README.md -o docs.html

clean:
\trm -rf obj app tool
"""


def step_make(tmp: Path) -> None:
    for loc, seed, nmod in (("it", 4, 4), ("ptbr", 5, 10), ("it", 6, 16), ("ptbr", 7, 6), ("ptbr", 9, 60),
                            ("it", 11, 120)):
        d = tmp / f"make-{loc}-{seed}"
        rnd = random.Random(seed)
        files = {f"src/part{i}.c": c_module(i, rnd, 5) if i % 3 == 0 else
                 f"#include <stdio.h>\nint part{i}(int x) {{\n    int y = x * {i};\n    return y;\n}}\n"
                 for i in range(nmod)}
        files["src/tool.c"] = ("#include <stdio.h>\nint util_sum(int, int);\nint util_scale(int);\ndouble util_norm(double);\n"
                               "int main(void) {\n    printf(\"%d %d %f\\n\", util_sum(1, 2), util_scale(3), util_norm(2.0));\n"
                               "    return 0;\n}\n")
        files["src/util.c"] = "int util_sum(int a, int b) { return a + b; }\n"
        files["Makefile"] = MAKEFILE.format(app_objs=" ".join(f"obj/part{i}.o" for i in range(nmod)))
        cm.write_tree(d, files)
        cmd = "make -k all docs" if seed % 2 else "make -k -j1"
        add(f"make-{loc}-{seed}", cmd, lrun(loc, cmd, d), n_make_it if loc == "it" else n_make_ptbr)


def git_setup(d: Path, loc: str, nfiles: int, seed: int) -> None:
    rnd = random.Random(seed)
    d.mkdir(parents=True)
    g = "git -c user.name=Dev -c user.email=dev@example.invalid"
    sh = [f"git init -q --bare -b main {d}/remote.git", f"git init -q -b main {d}/work", f"cd {d}/work"]
    for i in range(nfiles):
        lines = "\n".join(f"line {j} of module {i}: value={rnd.randint(1, 999)}" for j in range(12))
        sh.append(f"printf '%s\\n' '{lines}' > mod{i}.txt")
    sh += [f"{g} add -A", f"{g} commit -qm 'Initial import of {nfiles} modules'",
           f"git remote add origin {d}/remote.git", "git push -q origin main"]
    for c in range(8):
        k = rnd.randrange(nfiles)
        sh += [f"echo 'revision {c} of module {k}' >> mod{k}.txt",
               f"{g} commit -qam 'Tune module {k}, revision {c}'"]
    sh += ["git push -q origin main", "git checkout -q -b feature"]
    conflicted = sorted(rnd.sample(range(nfiles), max(2, nfiles // 3)))
    for k in conflicted:
        sh += [f"sed -i 's/line 3 of module {k}:/line 3 of module {k} (feature):/' mod{k}.txt"]
    sh += [f"{g} commit -qam 'Feature: rework line 3 of {len(conflicted)} modules'", "git checkout -q main"]
    for k in conflicted:
        sh += [f"sed -i 's/line 3 of module {k}:/line 3 of module {k} (main):/' mod{k}.txt"]
    sh += [f"{g} commit -qam 'Main: hotfix line 3'"]
    # someone else pushes to the remote
    sh += [f"git clone -q {d}/remote.git {d}/other", f"cd {d}/other", "sed -i 's/line 5 of module 0:/line 5 of module 0 (other):/' mod0.txt",
           "sed -i 's/line 3 of module %d:/line 3 of module %d (other):/' mod%d.txt" % ((conflicted[0],) * 3),
           f"{g} commit -qam 'Other: change module 0 and {conflicted[0]}'", "git push -q origin main", f"cd {d}/work"]
    cm.run(" && ".join(sh), cwd=d, timeout=120)
    cm.run(f"git config user.name Dev && git config user.email dev@example.invalid", cwd=d / "work")


def step_git(tmp: Path) -> None:
    for loc, n, tag in (("de", 6, ""), ("fr", 12, ""), ("es", 24, ""), ("it", 40, ""), ("es", 150, "-big"),
                        ("de", 90, "-big")):
        d = tmp / f"git-{loc}{tag}"
        git_setup(d, loc, n, n)
        w = d / "work"
        cmd = "git status; git merge feature; git status; git diff --stat; git log --oneline -n 12"
        add(f"git-{loc}{tag}-merge", cmd, lrun(loc, cmd, w), _GITK[loc])
        cmd = ("git merge --abort; git push origin main; git pull --rebase origin main; git status; "
               "git rebase --continue; git log --oneline --all -n 20")
        add(f"git-{loc}{tag}-push", cmd, lrun(loc, cmd, w), _GITK[loc])


SH_FILES_N = {"de": 10, "fr": 30, "es": 60, "it": 120, "ptbr": 240}


def shell_setup(d: Path, n: int, seed: int) -> None:
    rnd = random.Random(seed)
    files = {}
    for i in range(n):
        sub = ["src", "docs", "logs", "conf"][i % 4]
        files[f"proj/{sub}/file{i:03d}.txt"] = "\n".join(
            f"{'ERROR' if rnd.random() < 0.1 else 'INFO'} entry {j} of file {i}" for j in range(rnd.randint(3, 9))) + "\n"
    files["proj/a.conf"] = "name=alpha\nport=8080\nmode=fast\ntimeout=30\n"
    files["proj/b.conf"] = "name=alpha\nport=9090\nmode=safe\ntimeout=30\nretries=3\n"
    files["proj/build.sh"] = "#!/bin/bash\nset -u\necho building $TARGET\nif [ -f x ]; then\n  echo ok\nfi )\n"
    cm.write_tree(d, files)
    for i in range(0, n, 7):
        (d / f"proj/logs/file{i:03d}.txt").chmod(0o000) if (d / f"proj/logs/file{i:03d}.txt").exists() else None
    (d / "proj/secret").mkdir()
    (d / "proj/secret/key.txt").write_text("k\n")
    (d / "proj/secret").chmod(0o000)
    (d / "proj/ro").mkdir()
    (d / "proj/ro").chmod(0o555)
    cm.run(f"chown -R nobody:nogroup {d}/proj && chmod 755 {d}", cwd=d)


SHELL_CHAIN = ("cd proj; ls -la; ls missing.txt docs/; cat a.conf nope.conf; cp a.conf ro/; mkdir docs; rm -v nothing.txt; "
               "find . -name '*.txt' | head -n {h}; find . -name '*.key'; grep -rn ERROR . | head -n {h}; grep -c port a.conf c.conf; "
               "sed -i 's/port/Port/' missing.conf; sed -n '1,/x/p;' a.conf; tar czf /tmp/out-$$.tgz logs/ ghost/; "
               "diff -u a.conf b.conf; diff a.conf nope.conf; sort logs/file000.txt; wc -l conf/*.txt nope.txt; "
               "stat -c '%n %s' a.conf nope.conf; ln -s a.conf a.conf; chmod 644 ghost.sh; bash build.sh; "
               "undefinedcommand --version; apt-get -s install libfoo-nonexistent-dev; dpkg -L foo-not-installed; "
               "dpkg-query -W -f='${{Package}} ${{Version}}\\n' bash coreutils not-a-package; rm -f /tmp/out-$$.tgz")


def step_shell(tmp: Path) -> None:
    for loc, n, tag in [(loc, n, "") for loc, n in SH_FILES_N.items()] + [("fr", 700, "-big"), ("es", 1500, "-big")]:
        d = tmp / f"shell-{loc}{tag}"
        shell_setup(d, n, n)
        chain = SHELL_CHAIN.format(h=n)
        inner = chain.replace("'", "'\\''")
        raw = lrun(loc, f"setpriv --reuid=nobody --regid=nogroup --clear-groups bash -c '{inner}'", d)
        add(f"shell-{loc}{tag}", chain, raw, _SHK[loc])


PO_HEAD = ('msgid ""\nmsgstr ""\n"Project-Id-Version: tienda 1.{v}\\n"\n"Language: es\\n"\n'
           '"MIME-Version: 1.0\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Content-Transfer-Encoding: 8bit\\n"\n'
           '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n')


def po_file(v: int, n: int, rnd: random.Random) -> str:
    body = PO_HEAD.format(v=v) if v % 3 else 'msgid ""\nmsgstr ""\n"Project-Id-Version: PACKAGE VERSION\\n"\n\n'
    for i in range(n):
        r = rnd.random()
        if r < 0.08:
            body += f'#, c-format\nmsgid "Cart holds %d items of %s"\nmsgstr "El carrito tiene %s artículos {i}"\n\n'.replace("Cart", f"Cart{i}")
        elif r < 0.14:
            body += f'msgid "Order {i} shipped"\nmsgstr "Pedido {i} enviado\n\n'
        elif r < 0.18:
            body += f'msgid "Duplicate label"\nmsgstr "Etiqueta duplicada {i}"\n\n'
        elif r < 0.22:
            body += f'#, c-format\nmsgid "One file"\nmsgid_plural "%d files {i}"\nmsgstr[0] "Un archivo"\n\n'
        else:
            body += f'msgid "Product {i} is in stock"\nmsgstr "El producto {i} está disponible"\n\n'
    return body


def step_msgfmt(tmp: Path) -> None:
    for k, n in ((1, 20), (2, 80), (3, 300)):
        d = tmp / f"po{k}"
        rnd = random.Random(k)
        cm.write_tree(d, {f"po/{name}.po": po_file(v, n, rnd) for v, name in enumerate(["es", "es_MX", "es_AR"][:k + 0])})
        cmd = "for f in po/*.po; do msgfmt -c -v -o /dev/null \"$f\"; done; msgfmt -c --statistics po/es.po -o es.mo"
        add(f"msgfmt-es-{k}", cmd, lrun("es", cmd, d), n_msgfmt_es)


JAVA = {
    "Inventory.java": """import java.util.*;

public class Inventory {
    private List items = new ArrayList();
    private Map<String, Integer> stock = new HashMap<>();

    public void add(String sku, int qty) {
        items.add(sku);
        stock.put(sku, stock.getOrDefault(sku, 0) + qty);
    }

    public int count(String sku) {
        return stock.get(sku).intValue() + missingField;
    }

    public String label(int n) {
        String s = n;
        return s;
    }

    @Deprecated
    public void legacy() { new Date(2020, 1, 1); }
}
""",
    "Shop.java": """import java.util.*;

public class Shop {
    public static void main(String[] args) {
        Inventory inv = new Inventory();
        inv.add("a", 1);
        inv.legacy();
        int n = inv.count("a", 2);
        List<String> names = new ArrayList();
        names.add(42);
        Object o = names;
        List<Integer> ints = (List<Integer>) o;
        Runner r = new Runner();
        switch (n) { case 1: n++; case 2: break; }
    }
}
""",
}


# Debian's JDK 17 javac ships ja and zh_CN messages only; Temurin 25's ships de too.
JDK_DE = "/usr/lib/jvm/temurin-25-jdk-amd64"


def step_javac(tmp: Path) -> None:
    for k, extra in ((1, 0), (2, 12)):
        d = tmp / f"javac{k}"
        files = dict(JAVA)
        for i in range(extra):
            files[f"Part{i}.java"] = (f"import java.util.*;\npublic class Part{i} {{\n    List raw = new ArrayList();\n"
                                      f"    int v() {{ return raw.size() + undefined{i}; }}\n"
                                      f"    void w() {{ raw.add(\"x\"); Integer.valueOf({i}).hashCode(); new Integer({i}); }}\n}}\n")
        cm.write_tree(d, files)
        cmd = "javac -J-Duser.language=de -J-Duser.country=DE -Xlint:all -Xmaxerrs 500 -d out *.java"
        add(f"javac-de-{k}", cmd, lrun("de", f"{JDK_DE}/bin/" + cmd, d), n_javac_de)


def ensure_tools() -> None:
    """gcc 12 (gcc-12-locales), make, git, msgfmt, Temurin 25's javac, setpriv; locales made with localedef."""
    for tool in ("gcc", "g++", "make", "git", "msgfmt", f"{JDK_DE}/bin/javac", "setpriv"):
        cm.have(tool, tool)


def steps() -> list:
    return [step_gcc, step_make, step_git, step_shell, step_msgfmt, step_javac]


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 40_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide338", sys.modules["__main__"])
    main()
