"""Round 339: everyday GNU and JDK outputs in the user's own language (Russian, Japanese, Simplified Chinese, Polish,
Ukrainian): gcc/g++ warnings and errors with carets and ld undefined references, make -k failures, git (status,
failed merges and rebases, a push rejected by a local bare repo, log), chains of coreutils/findutils/grep/sed/tar/
diff/bash commands over missing files and permissions, msgfmt -c on broken .po files, and javac with
-J-Duser.language. Every command runs with LANG=xx_YY.UTF-8 LANGUAGE=xx_YY (LC_ALL unset). Material is written
here with faults put in. One extractor, `n_loc`, with each locale's words (NEEDLES.md's "Round 339")."""

from __future__ import annotations

import os
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide339-"
DEFAULT_OUT = HERE / "data" / "wide339.json"
TMP = Path(os.environ.get("HM_WIDE339_TMP", "/dev/shm/hm-corpus-wide339/tmp"))

MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add = _SIZED.add

LOCALES = {"ru": "ru_RU", "ja": "ja_JP", "zh": "zh_CN", "pl": "pl_PL", "uk": "uk_UA"}

# ------------------------------------------------------------------ the rule (fixed before capture)

ERR_WORDS = {
    "ru": ["ошибка", "Ошибка", "КОНФЛИКТ", "отклонено", "Нет такого файла или каталога", "Отказано в доступе",
           "невозможно", "не удалось", "Это каталог"],
    "ja": ["エラー", "致命的", "そのようなファイルやディレクトリはありません", "許可がありません", "できません",
           "ディレクトリです"],
    "zh": ["错误", "冲突", "已拒绝", "没有那个文件或目录", "权限不够", "无法", "失败", "是一个目录"],
    "pl": ["Błąd", "błąd", "KONFLIKT", "odrzucono", "Nie ma takiego pliku ani katalogu", "Brak dostępu", "nie można",
           "Jest katalogiem"],
    "uk": ["помилка", "Помилка", "Немає такого файла або каталогу", "Відмовлено у доступі", "не вдалося",
           "Не вдалося", "Є каталогом"],
}
WARN_WORDS = {"ru": ["предупреждение"], "ja": ["警告"], "zh": ["警告"], "pl": ["uwaga", "ostrzeżenie"],
              "uk": ["попередження"]}
EN_ERR = re.compile(r"\b(error|Error|fatal)\b")
SHELL_TOOLS = ("ls", "cp", "rm", "cat", "mkdir", "chmod", "find", "grep", "sed", "tar", "diff", "bash", "touch",
               "head", "sort", "wc", "ln", "mv", "stat", "du", "xargs")
SHELL_PREFIX = re.compile(r"^(%s):" % "|".join(SHELL_TOOLS))
PO_LOC = re.compile(r"^\S+\.pot?:\d+:")
STATS = ("переведённ", "已翻译")


def n_loc(loc: str, family_kind: str):
    """The round's rule for one locale and one kind family (gcc, make, git, shell, msgfmt, javac)."""
    errs, warns = ERR_WORDS[loc], WARN_WORDS[loc]

    def is_err(ln: str) -> bool:
        return any(w in ln for w in errs) or bool(EN_ERR.search(ln))

    def ext(lines: list[str]) -> list:
        out: list = []
        wpairs = []
        i = 0
        while i < len(lines):
            ln = lines[i]
            s = ln.strip()
            if not s:
                i += 1
                continue
            if is_err(ln):
                out.append(ln)
            elif any(w in ln for w in warns) or re.search(r"\bwarning\b", ln):
                flag = re.search(r"\[(-W[\w=+-]+|[\w-]+)\]", ln)
                key = flag.group(1) if flag else cm.mask(ln.split(":", 1)[-1] if PO_LOC.match(ln) else ln)
                wpairs.append(((key, ln.split(":", 1)[0]), ln))
            if ln.startswith("/usr/bin/ld: ") or "(.text" in ln:
                out.append(ln)
            if "***" in ln:
                out.append(ln)
            m = re.search(r"EXIT=(\d+)", ln)
            if m and m.group(1) != "0":
                out.append(ln)
            if family_kind == "shell" and SHELL_PREFIX.match(s):
                out.append(ln)
            if family_kind == "msgfmt":
                if PO_LOC.match(ln) and not any(w in ln for w in warns):
                    out.append(ln)
                if s.startswith("msgfmt:") or any(w in ln for w in STATS):
                    out.append(ln)
            if family_kind == "git":
                if re.match(r"^commit [0-9a-f]{40}", s):
                    out.append(ln)
                    for k in range(i + 1, min(len(lines), i + 8)):
                        if lines[k].startswith("    ") and lines[k].strip():
                            out.append(lines[k])
                            break
                if ln.startswith("\t") and s:
                    out.append(ln)
                if " -> " in ln:
                    out.append(ln)
            i += 1
        return out + cm.groups(wpairs)

    return ext


FAMILIES = {"gcc": "build", "make": "build", "git": "git", "shell": "log", "msgfmt": "lint", "javac": "build"}
EXT = {}
for _fam, _locs in {"gcc": ["ru", "ja", "zh"], "make": ["uk", "pl"], "git": ["ru", "zh", "pl"],
                    "shell": ["ja", "uk"], "msgfmt": ["ru", "zh"], "javac": ["ja", "zh"]}.items():
    for _l in _locs:
        EXT[f"{_fam}-{_l}"] = cm.named(
            f"{_fam}-{_l}", FAMILIES[_fam],
            f"round 339's n_loc for {_l}: lines with the locale's (or English) error words, ld lines, "
            f"{'tool-prefixed lines, ' if _fam == 'shell' else ''}{'po:N: lines, msgfmt: lines, statistics, ' if _fam == 'msgfmt' else ''}"
            f"{'commit hashes+subjects, tab-indented status paths, -> ref lines, ' if _fam == 'git' else ''}"
            "*** and EXIT≠0 lines; warnings one any per (flag or shape, file)",
            n_loc(_l, _fam))


def env_of(loc: str, extra: dict | None = None) -> dict:
    code = LOCALES[loc]
    e = {"LC_ALL": None, "LANG": f"{code}.UTF-8", "LANGUAGE": code}
    e.update(extra or {})
    return e


def cap(item_id: str, kind: str, command: str, cwd: Path, loc: str, typed: str | None = None,
        extra: dict | None = None, timeout: int = 300) -> None:
    raw = cm.run(command, cwd=cwd, env=env_of(loc, extra), timeout=timeout)
    add(item_id, typed or command, raw, EXT[kind])


# ------------------------------------------------------------------ material: C

C_HEAD = '#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\n#include "ledger.h"\n\n'
LEDGER_H = """#ifndef LEDGER_H
#define LEDGER_H
struct entry { const char *name; long cents; int qty; };
long entry_total(const struct entry *e);
long ledger_sum(const struct entry *es, size_t n);
int parse_entry(const char *line, struct entry *out);
void print_report(const struct entry *es, size_t n);
#endif
"""

C_FAULTS = [
    # (body, what it breaks)
    ("int {f}(int n) {{\n    int unused_{f} = n * 2;\n    return n + 1;\n}}\n", "warn-unused"),
    ("int {f}(const char *s) {{\n    printf(\"%d items\\n\", s);\n    return 0;\n}}\n", "warn-format"),
    ("int {f}(unsigned n, int k) {{\n    if (k < n) return 1;\n}}\n", "warn-sign+return"),
    ("long {f}(const struct entry *e) {{\n    return e->cents * e->qty\n}}\n", "err-semicolon"),
    ("int {f}(int n) {{\n    return n + undeclared_{f};\n}}\n", "err-undeclared"),
    ("int {f}(void) {{\n    char *p = 42;\n    int *q = \"x\";\n    return *q + (int)(long)p;\n}}\n", "warn-conv"),
    ("int {f}(struct entry *e) {{\n    return e->price;\n}}\n", "err-member"),
    ("int {f}(int a) {{\n    return helper_{f}(a, 2);\n}}\n", "warn-implicit"),
    ("double {f}(double x) {{\n    double r;\n    return x * r;\n}}\n", "warn-uninit"),
    ("int {f}(int n) {{\n    int arr[4];\n    for (int i = 0; i <= 4; i++) arr[i] = n;\n    return arr[0];\n}}\n", "ok"),
    ("int {f}(int n) {{\n    return n * 3;\n}}\n", "ok"),
]


def c_module(rng: random.Random, idx: int, n_funcs: int, broken: bool) -> str:
    body = C_HEAD
    for j in range(n_funcs):
        f = f"m{idx}_f{j}"
        pool = C_FAULTS if broken else C_FAULTS[-2:]
        tpl, _ = rng.choice(pool)
        body += tpl.format(f=f) + "\n"
    return body


MAIN_LINK_C = C_HEAD + """
int main(int argc, char **argv) {
    struct entry es[3] = {{"tea", 250, 2}, {"rice", 120, 5}, {"salt", 40, 1}};
    long t = ledger_sum(es, 3);
    struct entry e;
    if (argc > 1 && parse_entry(argv[1], &e) == 0)
        t += entry_total(&e);
    print_report(es, 3);
    printf("total %ld\\n", t);
    return 0;
}
"""

LEDGER_OK_C = C_HEAD + """
long entry_total(const struct entry *e) { return e->cents * e->qty; }
"""

PARSE_CPP = r"""#include <iostream>
#include <map>
#include <string>
#include <vector>
#include <memory>
#include <algorithm>

struct Row { std::string name; long cents; int qty; };

template <typename T>
T sum_of(const std::vector<T> &v) {
    T acc{};
    for (const auto &x : v) acc += x;
    return acc;
}

class Ledger {
public:
    void add(const Row &r) { rows_.push_back(r); }
    long total() const { return sum_of(rows_); }
    const Row *find(const std::string &name) const {
        auto it = std::find(rows_.begin(), rows_.end(), name);
        return it == rows_.end() ? nullptr : &*it;
    }
private:
    std::vector<Row> rows_;
};

int main() {
    Ledger l;
    l.add({"tea", 250, 2});
    l.add("rice", 120, 5);
    std::map<std::string, int> idx;
    idx.insert(std::make_pair(1, "tea"));
    std::unique_ptr<Row> p = new Row{"salt", 40, 1};
    int n = l.total();
    unsigned u = 3;
    if (n < u) std::cout << "less\n";
    std::cout << l.find("tea")->cents << std::endl
    return 0;
}
"""


def c_project(root: Path, seed: int, n_mods: int, n_funcs: int, broken_every: int) -> None:
    rng = random.Random(seed)
    files = {"include/ledger.h": LEDGER_H, "src/main.c": MAIN_LINK_C, "src/ledger.c": LEDGER_OK_C,
             "src/parse.cpp": PARSE_CPP}
    for i in range(n_mods):
        files[f"src/mod{i:02d}.c"] = c_module(rng, i, n_funcs, i % broken_every == 0)
    objs = " ".join(["build/main.o", "build/ledger.o"] + [f"build/mod{i:02d}.o" for i in range(n_mods)])
    files["Makefile"] = (
        "CC ?= gcc\nCFLAGS ?= -Wall -Wextra -O1\nCPPFLAGS = -Iinclude\n\n"
        f"OBJS = {objs}\n\nall: ledger-app\n\nledger-app: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\n"
        "build/%.o: src/%.c include/ledger.h | build\n\t$(CC) $(CPPFLAGS) $(CFLAGS) -c $< -o $@\n\n"
        "build:\n\tmkdir -p build\n\ncheck: ledger-app\n\t./ledger-app tea,250,2\n\n"
        "docs:\n\t$(MAKE) -C doc html\n\n.PHONY: all check docs\n")
    cm.write_tree(root, files)


def step_gcc(tmp: Path) -> None:
    for n, loc in enumerate(["ru", "ja", "zh"]):
        root = tmp / f"c-{loc}"
        c_project(root, 339 + n, 6 + 4 * n, 3 + n, 2)
        k = f"gcc-{loc}"
        cap(f"{k}-compile", k, "gcc -Wall -Wextra -Iinclude -c src/mod*.c 2>&1 | head -n 400; echo EXIT=$?", root, loc)
        cap(f"{k}-cxx", k, "g++ -Wall -Wextra -std=c++17 -c src/parse.cpp -o /dev/null", root, loc)
        cap(f"{k}-link", k, "gcc -Wall -Iinclude -o ledger-app src/main.c src/ledger.c src/mod01.c 2>&1; echo EXIT=$?; "
            "grep -rn 'ledger_sum\\|parse_entry\\|print_report\\|entry_total' src include", root, loc)
        big = tmp / f"cbig-{loc}"
        c_project(big, 700 + n, 24 + 8 * n, 5, 2)
        cap(f"{k}-big", k, "gcc -Wall -Wextra -Wpedantic -std=c99 -Iinclude -c src/mod*.c; echo EXIT=$?", big, loc)


def step_make(tmp: Path) -> None:
    for n, loc in enumerate(["uk", "pl"]):
        root = tmp / f"mk-{loc}"
        c_project(root, 900 + n, 10 + 6 * n, 4, 3)
        k = f"make-{loc}"
        cap(f"{k}-k", k, "make -k -j1 2>&1; echo EXIT=$?", root, loc)
        cap(f"{k}-check", k, "make -k check docs 2>&1 | tail -n 60; echo EXIT=$?", root, loc)


# ------------------------------------------------------------------ material: git

GIT_ENV = {"GIT_AUTHOR_NAME": "Olena Kravets", "GIT_AUTHOR_EMAIL": "olena@example.org",
           "GIT_COMMITTER_NAME": "Olena Kravets", "GIT_COMMITTER_EMAIL": "olena@example.org",
           "GIT_CONFIG_NOSYSTEM": "1"}


def git_setup(root: Path, loc: str, seed: int) -> None:
    rng = random.Random(seed)
    home = root / "home"
    home.mkdir(parents=True, exist_ok=True)
    e = dict(GIT_ENV, HOME=str(home))
    sh = lambda c, cwd=root: cm.run(c, cwd=cwd, env=e, timeout=120)  # noqa: E731
    sh("git init -q --bare -b main origin.git && git clone -q origin.git work && git clone -q origin.git other")
    w = root / "work"
    words = ["tariff", "ledger", "batch", "invoice", "rounding", "currency", "report", "export", "audit", "cache"]
    for i in range(18 + seed % 7):
        f = w / f"src/{rng.choice(words)}.py"
        f.parent.mkdir(parents=True, exist_ok=True)
        with f.open("a") as fh:
            fh.write(f"def step_{i}(x):\n    return x + {i}\n\n")
        sh(f"git add -A && git commit -q -m 'ledger: {rng.choice(words)} step {i} ({rng.choice(['fix', 'add', 'tidy'])})'", w)
    (w / "config.ini").write_text("[ledger]\nrate = 0.19\nround = half-up\ncurrency = EUR\n")
    sh("git add -A && git commit -q -m 'config: defaults' && git push -q origin main", w)
    sh("git pull -q origin main", root / "other")
    # a feature branch that conflicts
    sh("git checkout -q -b feature/rates && sed -i 's/0.19/0.21/; s/EUR/PLN/' config.ini && "
       "echo 'def step_0(x):\n    return x * 2\n' > src/ledger.py && git commit -qam 'rates: new VAT' && git checkout -q main", w)
    sh("sed -i 's/0.19/0.07/; s/half-up/bankers/' config.ini && echo 'def step_0(x):\n    return x - 1\n' > src/ledger.py "
       "&& git commit -qam 'config: reduced rate' ", w)
    # other pushes first, so work's push is rejected
    sh("echo 'notes' > NOTES.md && git add NOTES.md && git commit -qm 'docs: notes' && git push -q origin main", root / "other")
    (w / "scratch.txt").write_text("tmp\n")
    (w / "README.md").write_text("# ledger\n")


def step_git(tmp: Path) -> None:
    for n, loc in enumerate(["ru", "zh", "pl"]):
        root = tmp / f"git-{loc}"
        git_setup(root, loc, 50 + n)
        w = root / "work"
        k = f"git-{loc}"
        ex = dict(GIT_ENV, HOME=str(root / "home"))
        cap(f"{k}-push", k, "git push origin main 2>&1; echo EXIT=$?; git status; git log -n 12", w, loc, extra=ex)
        cap(f"{k}-merge", k, "git merge feature/rates; echo EXIT=$?; git status; git diff", w, loc, extra=ex)
        cm.run("git merge --abort", cwd=w, env=env_of(loc, ex))
        cap(f"{k}-rebase", k, "git checkout -q feature/rates && git rebase main; echo EXIT=$?; git status; "
            "git log --stat -n 8 main", w, loc, extra=ex)
        cm.run("git rebase --abort", cwd=w, env=env_of(loc, ex))
        cap(f"{k}-log", k, "git log -n 25 --stat; git branch -vv; git stash list", w, loc, extra=ex)


# ------------------------------------------------------------------ material: shell chains

def shell_tree(root: Path, seed: int) -> None:
    rng = random.Random(seed)
    for d in ("logs", "data", "conf", "secret", "out"):
        (root / d).mkdir(parents=True, exist_ok=True)
    for i in range(40):
        (root / "logs" / f"app-{i:02d}.log").write_text(
            "".join(f"2026-12-02T10:{m:02d}:00 {rng.choice(['INFO', 'INFO', 'WARN', 'ERROR'])} job{i} step {m}\n"
                    for m in range(rng.randint(3, 30))))
    for i in range(12):
        (root / "data" / f"batch{i}.csv").write_text("id,amount\n" + "".join(f"{j},{rng.randint(1, 999)}\n" for j in range(20)))
    (root / "conf" / "app.conf").write_text("port=8080\nhost=127.0.0.1\n")
    (root / "conf" / "app.conf.new").write_text("port=8081\nhost=127.0.0.1\nworkers=4\n")
    (root / "secret" / "key.pem").write_text("not a key\n")
    os.chmod(root / "secret", 0o700)
    os.chmod(root / "out", 0o555)
    os.chmod(root, 0o755)
    for d in ("logs", "data", "conf"):
        os.chmod(root / d, 0o755)


SHELL_CHAINS = [
    ("files", "ls -la logs/ data/ missing/; cat conf/app.conf conf/nope.conf; cp data/batch1.csv out/; "
              "mkdir out/new; rm -r secret; touch out/x; echo EXIT=$?"),
    ("search", "find . -name '*.log' -newer conf/nope.conf; find secret -type f; grep -rn ERROR logs/ | head -n 80; "
               "grep -c WARN logs/*.log missing.log; grep -E 'job(' logs/app-01.log; "
               "sed -n '1,3p' conf/app.conf conf/gone.conf; sed -e 's/port/p/x' conf/app.conf; echo EXIT=$?"),
    ("archive", "tar czf out/logs.tgz logs; tar czf /dev/shm/hm-corpus-wide339/tmp/l.tgz logs secret nothing; "
                "tar tzf missing.tgz; diff conf/app.conf conf/app.conf.new; diff -r conf secret; "
                "diff -u conf/app.conf conf/none.conf; wc -l data/*.csv nodata.csv; sort -u data/batch3.csv nosuch; "
                "for f in logs/*.log; do head -n 2 \"$f\"; done | tail -n 40; "
                "undefined_command --flag; cd secret; ./run.sh; eval \"if then\"; echo EXIT=$?"),
]


def step_shell(tmp: Path) -> None:
    for n, loc in enumerate(["ja", "uk"]):
        root = tmp / f"sh-{loc}"
        shell_tree(root, 70 + n)
        k = f"shell-{loc}"
        for name, chain in SHELL_CHAINS:
            q = chain.replace("'", "'\\''")
            cap(f"{k}-{name}", k, f"setpriv --reuid=nobody --regid=nogroup --clear-groups bash -c '{q}' 2>&1",
                root, loc, typed=chain, extra={"HOME": str(root)})


# ------------------------------------------------------------------ material: msgfmt

def po_file(rng: random.Random, n: int, broken: bool) -> str:
    head = ('msgid ""\nmsgstr ""\n"Project-Id-Version: ledger 1.4\\n"\n"Language: ru\\n"\n'
            '"MIME-Version: 1.0\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Content-Transfer-Encoding: 8bit\\n"\n'
            + ('"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\\n"\n'
               if not broken else "") + "\n")
    body = ""
    for i in range(n):
        r = rng.random() if broken else 1.0
        body += f"#: src/ledger.c:{10 + i * 3}\n"
        if r < 0.08:
            body += f'#, c-format\nmsgid "Entry %s has %d items"\nmsgstr "Запись {i} имеет %s"\n\n'
        elif r < 0.14:
            body += f'#, fuzzy\nmsgid "Total for batch {i}"\nmsgstr "Итого по партии {i}"\n\n'
        elif r < 0.18:
            body += f'msgid "Export {i} file"\nmsgid_plural "Export {i} files"\nmsgstr[0] "Экспорт"\nmsgstr[1] "Экспорт"\n\n'
        elif r < 0.21:
            body += 'msgid "Duplicate key"\nmsgstr "Повтор"\n\n'
        elif r < 0.23:
            body += f'msgid "Line {i}\\n"\nmsgstr "Строка {i}"\n\n'
        elif r < 0.25:
            body += f'msgid "Broken {i}\nmsgstr "x"\n\n'
        elif r < 0.35:
            body += f'msgid "Untranslated {i}"\nmsgstr ""\n\n'
        else:
            body += f'#, c-format\nmsgid "Invoice %d of %s"\nmsgstr "Счёт %d из %s ({i})"\n\n' if i % 5 == 0 else \
                f'msgid "Label {i}"\nmsgstr "Метка {i}"\n\n'
    return head + body


def step_msgfmt(tmp: Path) -> None:
    for n, loc in enumerate(["ru", "zh"]):
        root = tmp / f"po-{loc}"
        root.mkdir(parents=True, exist_ok=True)
        rng = random.Random(400 + n)
        (root / "small.po").write_text(po_file(rng, 70, True))
        (root / "big.po").write_text(po_file(rng, 600 + 300 * n, True))
        for i in range(4):
            (root / f"ok{i}.po").write_text(po_file(rng, 30, False))
        k = f"msgfmt-{loc}"
        cap(f"{k}-small", k, "msgfmt -c --statistics -o /dev/null small.po; echo EXIT=$?", root, loc)
        cap(f"{k}-all", k, "for f in *.po; do echo \"== $f\"; msgfmt -c -v --statistics -o /dev/null \"$f\"; done 2>&1; "
            "echo EXIT=$?", root, loc)


# ------------------------------------------------------------------ material: javac

JAVA_FILES = {
    "src/ledger/Entry.java": """package ledger;

import java.util.*;

public class Entry {
    private final String name;
    private final long cents;
    private int qty;

    public Entry(String name, long cents, int qty) {
        this.name = name;
        this.cents = cents;
        this.qty = qty;
    }

    public long total() { return cents * qty; }

    public int compareTo(Entry o) { return Long.compare(total(), o.total()); }
}
""",
    "src/ledger/Ledger.java": """package ledger;

import java.util.*;
import java.io.*;

public class Ledger {
    private List entries = new ArrayList();

    public void add(Entry e) { entries.add(e); }

    public long sum() {
        long s = 0;
        for (Entry e : entries) s += e.total();
        return s;
    }

    public Entry find(String name) {
        for (Object o : entries) {
            Entry e = (Entry) o;
            if (e.name.equals(name)) return e;
        }
    }

    public void save(String path) {
        FileWriter w = new FileWriter(path);
        w.write(String.valueOf(sum()));
    }

    @Deprecated
    public int count() { return entries.size(); }

    public static void main(String[] args) {
        Ledger l = new Ledger();
        l.add(new Entry("tea", 250, 2));
        l.add(new Entry("rice", "120", 5));
        int total = l.sum();
        Report r = new Report(l);
        System.out.println(l.count() + total);
    }
}
""",
    "src/ledger/Broken.java": """package ledger;

public class Broken {
    public long total(Entry e) { return e.total() }

    void loop() {
        for (int i = 0; i < 3; i++ {
            System.out.println(i);
        }
    }
""",
    "src/ledger/Rates.java": """package ledger;

import java.util.*;

public class Rates {
    static Map<String, Double> rates = new HashMap();

    static double rate(String cur) {
        switch (cur) {
            case "EUR": return 1.0;
            case "PLN": return 0.23;
            case "EUR": return 1.1;
        }
        Double d = rates.get(cur);
        return d;
    }

    static Integer boxed(int x) { return new Integer(x); }

    static void unused() {
        int y;
        System.out.println(y);
    }
}
""",
}


def step_javac(tmp: Path) -> None:
    for n, loc in enumerate(["ja", "zh"]):
        root = tmp / f"java-{loc}"
        cm.write_tree(root, JAVA_FILES)
        lang = "-J-Duser.language=ja" if loc == "ja" else "-J-Duser.language=zh -J-Duser.country=CN"
        k = f"javac-{loc}"
        cap(f"{k}-all", k, f"javac {lang} -Xlint:all -d out src/ledger/Entry.java src/ledger/Ledger.java "
            "src/ledger/Rates.java; echo EXIT=$?", root, loc)
        cap(f"{k}-broken", k, f"javac {lang} -d out src/ledger/*.java 2>&1; echo EXIT=$?; ls src/ledger", root, loc)
        cap(f"{k}-rates", k, f"javac {lang} -Xlint:all -Xmaxerrs 5 -d out src/ledger/Rates.java src/ledger/Entry.java "
            "2>&1 | tail -n 40; echo EXIT=$?", root, loc)


def step_find(tmp: Path) -> None:
    for loc in ["ja", "uk"]:
        k = f"shell-{loc}"
        chain = "find /etc /var /root -name '*.conf' 2>&1 | head -n 300; echo EXIT=$?"
        q = chain.replace("'", "'\\''")
        cap(f"{k}-find", k, f"setpriv --reuid=nobody --regid=nogroup --clear-groups bash -c '{q}'", tmp, loc,
            typed=chain, extra={"HOME": "/"})


STEPS = [step_gcc, step_make, step_git, step_shell, step_find, step_msgfmt, step_javac]


def ensure_tools() -> None:
    """gcc/g++ 12 (gcc-12-locales), make, git, coreutils, msgfmt, javac 17 and the five locales are on this machine."""
    for tool in ("gcc", "g++", "make", "git", "msgfmt", "javac", "setpriv"):
        cm.have(tool, tool)


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, lambda: STEPS, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 40_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide339", sys.modules["__main__"])
    main()
