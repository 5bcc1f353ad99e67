#!/usr/bin/env python3
"""Round 345: rounds 338's and 339's everyday outputs in the user's own language again, on new rope-walk material.

gcc/g++ (hempline, a strand-tally C/C++ project), make -k with ld, git (laystrand: cherry-pick, stash pop, checkout,
branch -d, unrelated histories, rejected pushes, logs), shell chains as agents type them (hawser: tar, diff, sed, find,
xargs, wget against a loopback server, curl, apt-get -s, dpkg, msgmerge, bash's own errors, make -k, ld), msgfmt -c
(twinebook .po catalogues) and javac (Ropery), each run with LANG=xx_YY.UTF-8 LANGUAGE=xx_YY, LC_ALL unset. No rule is
new: every kind's extractor is imported from capture_wide338 (de fr es it ptbr) or capture_wide339 (ru ja zh pl uk),
NEEDLES.md's "Round 345". Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide345.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide345.json  as {"version": 2, "items": [...]}, ids prefixed "wide345-".
"""

from __future__ import annotations

import os
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide338 as r338  # noqa: E402
import capture_wide339 as r339  # noqa: E402

ID_PREFIX = "wide345-"
DEFAULT_OUT = HERE / "data" / "wide345.json"
TMP = Path(os.environ.get("HM_WIDE345_TMP", "/dev/shm/hm-corpus-wide345/tmp"))
PORT_HTTP, PORT_CLOSED = 18345, 28345

MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add = _SIZED.add

LOCALES = {"de": "de_DE", "fr": "fr_FR", "es": "es_ES", "it": "it_IT", "ptbr": "pt_BR",
           "ru": "ru_RU", "ja": "ja_JP", "zh": "zh_CN", "pl": "pl_PL", "uk": "uk_UA"}

# every kind's extractor, imported (no rule is new)
EXT = {"gcc-de": r338.n_gcc_de, "gcc-fr": r338.n_gcc_fr, "gcc-es": r338.n_gcc_es,
       "make-it": r338.n_make_it, "make-ptbr": r338.n_make_ptbr, "msgfmt-es": r338.n_msgfmt_es,
       "javac-de": r338.n_javac_de}
EXT.update({f"git-{loc}": r338._GITK[loc] for loc in ("de", "fr", "es", "it")})
EXT.update({f"shell-{loc}": r338._SHK[loc] for loc in ("de", "fr", "es", "it", "ptbr")})
EXT.update(r339.EXT)


def env_of(loc: str, extra: dict | None = None) -> dict:
    code = LOCALES[loc]
    e = {"LC_ALL": None, "LANG": f"{code}.UTF-8", "LANGUAGE": code}
    e.update(extra or {})
    return e


def cap(item_id: str, kind: str, command: str, cwd: Path, typed: str | None = None, extra: dict | None = None,
        timeout: int = 300) -> None:
    loc = kind.split("-", 1)[1]
    raw = cm.run(command, cwd=cwd, env=env_of(loc, extra), timeout=timeout)
    add(item_id, typed or command, raw, EXT[kind])


def as_nobody(chain: str) -> str:
    q = chain.replace("'", "'\\''")
    return f"setpriv --reuid=nobody --regid=nogroup --clear-groups bash -c '{q}' 2>&1"


# ------------------------------------------------------------------ hempline: C / C++

HEMP_H = """#ifndef HEMPLINE_H
#define HEMPLINE_H
#include <stddef.h>
struct strand { const char *fibre; int yarns; double twist_per_m; long length_cm; };
long strand_len(int which);
double lay_angle(double twist, double radius);
int tally_strands(const struct strand *s, size_t n, long *out_total);
void print_tally(const struct strand *s, size_t n);
#endif
"""

C_HEAD = '#include <stdio.h>\n#include "hempline.h"\n\n'

# faults other than rounds 338's and 339's (each a function template; {f} is its name)
C_FAULTS = [
    "int strand_len(long which) {{\n    return (int)which * 3;\n}}\n",                                    # conflicting types
    "double {f}(void) {{\n    return lay_angle(2.5);\n}}\n",                                              # too few args
    "int {f}(const struct strand *s) {{\n    long t;\n    return tally_strands(s, 4, &t, 1);\n}}\n",      # too many args
    "int {f}(const struct strand *s) {{\n    int total;\n    return tally_strands(s, 2, &total);\n}}\n",  # incompatible ptr
    "void {f}(const struct strand *s) {{\n    s->yarns = 3;\n}}\n",                                        # read-only member
    "int {f}(int yarns) {{\n    int n = 0;\n    for (int i = 0; i < yarns; i++) {{\n        int n = i * 2;\n"
    "        (void)n;\n    }}\n    return n;\n}}\n",                                                       # shadow
    "const char *{f}(int k) {{\n    switch (k) {{\n    case 1: return \"hemp\";\n    case 2: return \"sisal\";\n"
    "    case 1: return \"manila\";\n    }}\n    return \"?\";\n}}\n",                                     # duplicate case
    "void {f}(int yarns) {{\n    if (yarns > 3) return yarns;\n}}\n",                                      # void returns value
    "int {f}(int a, int b) {{\n    if (a = b) return 1;\n    return a / 0;\n}}\n",                       # parentheses, div by 0
    "size_t {f}(const char *fibre) {{\n    return strlen(fibre) + (size_t)atoi(\"3\");\n}}\n",           # implicit builtins
    "int {f}(int unused_len, int yarns) {{\n    return yarns * 2;\n}}\n",                                # unused parameter
    "int {f}(int yarns) {{\n    return yarns * 4;\n}}\n",                                                # ok
    "double {f}(double r) {{\n    return r * r * 3.14159;\n}}\n",                                        # ok
]


def c_module(rng: random.Random, idx: int, n_funcs: int, broken: bool, missing_header: bool) -> str:
    body = C_HEAD + ('#include "ropewalk_config.h"\n\n' if missing_header else "")
    pool = C_FAULTS if broken else C_FAULTS[-2:]
    used_strand_len = False
    for j in range(n_funcs):
        tpl = rng.choice(pool)
        if tpl.startswith("int strand_len"):
            if used_strand_len:
                tpl = C_FAULTS[-1]
            used_strand_len = True
        body += tpl.format(f=f"hemp{idx}_f{j}") + "\n"
    return body


WINDER_CPP = r"""#include <iostream>
#include <memory>
#include <string>
#include <vector>
#include <map>

class Winder {
public:
    virtual ~Winder() = default;
    virtual double wind(double metres) = 0;
    virtual std::string name() const = 0;
};

class Spindle : public Winder {
    int turns_;
    double rate_;
public:
    Spindle(double rate, int turns) : rate_(rate), turns_(turns) {}
    double wind(double metres) { return metres * rate_ * turns_; }
    std::string name() const { return "spindle"; }
    void reset() const { turns_ = 0; }
private:
    double secret_ = 0.5;
};

struct Reel {
    std::unique_ptr<Spindle> spindle;
    std::vector<double> lengths;
};

double total(const std::vector<double> &v, double factor) {
    double t = 0;
    for (double x : v) t += x * factor;
    return t;
}

int main() {
    Winder w;
    Spindle s(1.5, 12);
    Reel a{std::make_unique<Spindle>(2.0, 4), {1.0, 2.5}};
    Reel b = a;
    std::map<std::string, Reel> reels;
    reels["north"] = a;
    std::cout << total(a.lengths) << " " << s.secret_ << std::endl;
    std::cout << s.wind("ten") << std::endl;
    for (int i = 0; i < a.lengths.size(); i++) std::cout << a.lengths[i];
    return 0;
}
"""

MAIN_C = C_HEAD + """#include <math.h>
#include <stdlib.h>

long tally_total = 0;

int main(int argc, char **argv) {
    struct strand s[2] = {{"hemp", 3, 12.5, 22000}, {"sisal", 4, 10.0, 18000}};
    double r = argc > 1 ? atof(argv[1]) : 1.2;
    tally_strands(s, 2, &tally_total);
    print_tally(s, 2);
    printf("angle %.2f len %ld\\n", sqrt(r) * lay_angle(12.5, r), strand_len(1));
    return 0;
}
"""

TALLY_C = C_HEAD + """long tally_total;
long tally_total = 7;

int tally_strands(const struct strand *s, size_t n, long *out_total) {
    long t = 0;
    for (size_t i = 0; i < n; i++) t += s[i].length_cm;
    *out_total = t;
    return 0;
}
"""

EXTRA_C = C_HEAD + "long tally_total = 3;\n\ndouble lay_angle(double twist, double radius) { return twist * radius; }\n"


def hemp_project(root: Path, seed: int, n_mods: int, n_funcs: int, broken_every: int) -> None:
    rng = random.Random(seed)
    files = {"include/hempline.h": HEMP_H, "src/main.c": MAIN_C, "src/tally.c": TALLY_C, "src/extra.c": EXTRA_C,
             "src/winder.cpp": WINDER_CPP}
    for i in range(n_mods):
        files[f"src/strand{i:02d}.c"] = c_module(rng, i, n_funcs, i % broken_every == 0, i % 7 == 3)
    objs = " ".join(["obj/main.o", "obj/tally.o", "obj/table.o"] + [f"obj/strand{i:02d}.o" for i in range(n_mods)])
    files["Makefile"] = (
        "CC = gcc\nCFLAGS = -Wall -Wextra -Wshadow -O1 -Iinclude\n\n"
        f"OBJS = {objs}\n\nall: hempline report\n\nhempline: $(OBJS)\n\t$(CC) -o $@ $(OBJS) -lhempcore\n\n"
        "obj/%.o: src/%.c include/hempline.h | obj\n\t$(CC) $(CFLAGS) -c $< -o $@\n\n"
        "obj:\n\tmkdir -p obj\n\nsrc/table.c: tools/gen-table.sh\n\t./tools/gen-table.sh > $@\n\n"
        "report: hempline data/strands.csv\n\t./hempline < data/strands.csv > report.txt\n\n"
        "install: all\n\tinstall -m 755 hempline /opt/hempline/bin/\n\n.PHONY: all install\n")
    files["tools/gen-table.sh"] = "#!/bin/sh\necho 'generating'\nexit 3\n"
    cm.write_tree(root, files)


def step_gcc(tmp: Path) -> None:
    plan = [("de", 34510, 11, 4), ("fr", 34511, 8, 4), ("es", 34512, 9, 5),
            ("ru", 34513, 7, 4), ("ja", 34514, 12, 4), ("zh", 34515, 6, 5)]
    for loc, seed, nmod, nf in plan:
        root = tmp / f"hemp-{loc}"
        hemp_project(root, seed, nmod, nf, 1)
        k = f"gcc-{loc}"
        cap(f"{k}-strands", k, "gcc -Wall -Wextra -Wshadow -Iinclude -c src/strand*.c", root)
        if loc in ("fr", "ja"):
            cap(f"{k}-winder", k, "g++ -std=c++17 -Wall -Wextra -c src/winder.cpp -o /dev/null 2>&1 | head -n 150",
                root)
        if loc in ("es", "ru"):
            cap(f"{k}-link", k, "gcc -Wall -Iinclude -o hempline src/main.c src/tally.c src/extra.c -lhempcore; "
                "echo EXIT=$?; gcc -Iinclude -o hempline src/main.c src/tally.c; echo EXIT=$?", root)
    for loc, seed, nmod in (("fr", 34516, 40), ("ru", 34517, 44), ("zh", 34518, 36)):
        root = tmp / f"hempbig-{loc}"
        hemp_project(root, seed, nmod, 6, 1)
        k = f"gcc-{loc}"
        cap(f"{k}-big", k, "gcc -Wall -Wextra -Wshadow -std=c11 -Iinclude -c src/strand*.c 2>&1; echo EXIT=$?", root)


def step_make(tmp: Path) -> None:
    plan = [("it", 34520, 9, 2, "make -k 2>&1; echo EXIT=$?"),
            ("ptbr", 34521, 12, 2, "make -k all install 2>&1 | tail -n 80"),
            ("uk", 34522, 10, 3, "make -k 2>&1; echo EXIT=$?"),
            ("pl", 34523, 11, 2, "make -k -j1 all 2>&1; echo EXIT=$?"),
            ("ptbr", 34524, 40, 1, "make -k 2>&1; echo EXIT=$?"),
            ("uk", 34525, 42, 1, "make -k all install 2>&1; echo EXIT=$?")]
    for loc, seed, nmod, every, cmd in plan:
        root = tmp / f"mk-{loc}-{seed}"
        hemp_project(root, seed, nmod, 4, every)
        k = f"make-{loc}"
        tag = "big" if nmod >= 40 else "k"
        cap(f"{k}-{tag}", k, cmd, root)


# ------------------------------------------------------------------ laystrand: git

GIT_ENV = {"GIT_AUTHOR_NAME": "Tomasz Lina", "GIT_AUTHOR_EMAIL": "tomasz@ropery.example",
           "GIT_COMMITTER_NAME": "Tomasz Lina", "GIT_COMMITTER_EMAIL": "tomasz@ropery.example",
           "GIT_CONFIG_NOSYSTEM": "1"}

WORDS = ["strand", "yarn", "lay", "twist", "hawser", "cable", "splice", "whipping", "tar", "hemp", "sisal", "reel"]


def git_setup(root: Path, seed: int, n_commits: int) -> dict:
    rng = random.Random(seed)
    home = root / "home"
    home.mkdir(parents=True, exist_ok=True)
    e = dict(GIT_ENV, HOME=str(home))

    def sh(c: str, cwd: Path = root) -> str:
        return cm.run(c, cwd=cwd, env=e, timeout=120)

    sh("git init -q --bare -b main origin.git && git clone -q origin.git work 2>/dev/null && "
       "git clone -q origin.git other 2>/dev/null")
    w = root / "work"
    for i in range(n_commits):
        name = rng.choice(WORDS)
        f = w / f"laystrand/{name}.txt"
        f.parent.mkdir(parents=True, exist_ok=True)
        with f.open("a") as fh:
            fh.write(f"{name} batch {i}: {rng.randint(8, 40)} yarns, twist {rng.randint(100, 400)}/m\n")
        sh(f"git add -A && git commit -q -m '{name}: {rng.choice(['record', 'correct', 'merge'])} batch {i}'", w)
    (w / "lay.cfg").write_text("[lay]\nyarns = 24\ntwist = right\nlength_m = 220\n")
    sh("git add -A && git commit -q -m 'lay: defaults' && git tag v1.0 && git push -q origin main --tags", w)
    sh("git pull -q origin main", root / "other")
    sh("git checkout -q -b feature/tarred && sed -i 's/yarns = 24/yarns = 30/; s/right/left/' lay.cfg && "
       "git commit -qam 'lay: tarred yarns, left lay' && echo 'whipping: sailmaker' >> lay.cfg && "
       "git commit -qam 'lay: whipping' && git checkout -q main", w)
    sh("sed -i 's/yarns = 24/yarns = 18/; s/220/180/' lay.cfg && git commit -qam 'lay: short hawser run'", w)
    sh("echo 'ropewalk notes' > NOTES.md && git add NOTES.md && git commit -qm 'docs: ropewalk notes' && "
       "git push -q origin main", root / "other")
    # an unrelated repository, used as a second remote
    sh("git init -q -b main stray && cd stray && echo stray > STRAY.md && git add -A && git commit -qm 'stray: init'")
    sh(f"git remote add stray {root}/stray", w)
    return e


def step_git(tmp: Path) -> None:
    scenarios = {
        "cherry": "git cherry-pick feature/tarred~1 feature/tarred; echo EXIT=$?; git status; git cherry-pick --abort; "
                  "git log --oneline -n 15",
        "stash": "sed -i 's/180/200/' lay.cfg && git stash && sed -i 's/180/240/' lay.cfg && git commit -qam 'lay: 240' && "
                 "git stash pop; echo EXIT=$?; git status; git diff",
        "checkout": "echo local >> lay.cfg; git checkout feature/tarred; git branch -d feature/tarred; "
                    "git push origin nosuch-branch; git push origin main; echo EXIT=$?; git log --oneline --all -n 20",
        "stray": "git pull --no-rebase stray main; git tag v1.0; git revert --no-edit HEAD~1; git status; git diff --stat; "
                 "git log --oneline -n 12",
    }
    plan = [("de", "cherry", 34530, 20), ("fr", "stash", 34531, 18), ("es", "checkout", 34532, 22),
            ("it", "stray", 34533, 24), ("zh", "checkout", 34535, 19),
            ("pl", "stash", 34536, 23), ("ru", "stray", 34537, 26)]
    for loc, sc, seed, n in plan:
        root = tmp / f"git-{loc}-{sc}"
        e = git_setup(root, seed, n)
        cap(f"git-{loc}-{sc}", f"git-{loc}", scenarios[sc], root / "work", extra=e)
    # long histories (over 10 KB)
    for loc, seed, n in (("es", 34538, 420), ("pl", 34539, 220)):
        root = tmp / f"git-{loc}-long"
        e = git_setup(root, seed, n)
        w = root / "work"
        if loc == "es":
            cap(f"git-{loc}-long", f"git-{loc}", "git pull --rebase origin main; git status; git rebase --abort; "
                "git log --oneline --all", w, extra=e)
        else:
            cap(f"git-{loc}-long", f"git-{loc}", "git push origin main; git log --stat -n 150; git branch -vv", w, extra=e)


# ------------------------------------------------------------------ hawser: shell chains

def hawser_tree(root: Path, seed: int, n_logs: int, n_locked: int) -> None:
    rng = random.Random(seed)
    files = {}
    for i in range(n_logs):
        files[f"walk/bay{i % 6}/spin-{i:03d}.log"] = "".join(
            f"2026-12-02 09:{m % 60:02d} {rng.choice(['ok', 'ok', 'slack', 'snap'])} yarn {m} tension {rng.randint(10, 90)}\n"
            for m in range(rng.randint(4, 20)))
    files["conf/lay.conf"] = "yarns=24\ntwist=right\nlength=220\n"
    files["conf/lay.conf.orig"] = "yarns=24\ntwist=left\nlength=200\nwhip=yes\n"
    files["conf/old/lay.conf"] = "yarns=20\n"
    files["notes.txt.gz"] = "this is not gzip\n"
    files["po/hawser.pot"] = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                              'msgid "Strand %d snapped"\nmsgstr ""\n\nmsgid "Reel full"\nmsgstr ""\n')
    files["po/de.po"] = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                         'msgid "Strand %d snapped"\nmsgstr "Litze %s gerissen"\n\nmsgid "Reel full\nmsgstr "Rolle voll"\n')
    files["run.sh"] = ('#!/bin/bash\nset -u\nbay=${1:-0}\necho "bay $bay: ${YARN_COUNT}"\n')
    files["twist.sh"] = ('#!/bin/bash\nlen=220\necho "${len.m}"\nout="a b"\necho x > $out\n'
                         'lay right; for i in 1 2; do\n  echo $i\ndone )\n')
    files["split.sh"] = ('#!/bin/bash\nlen=220\nyarns=$(grep -c whip conf/lay.conf)\n'
                         'echo "per yarn: $((len / yarns)) m"\necho done\n')
    files["Makefile"] = ("all: report.txt\n\nreport.txt: walk/summary.csv\n\tcat $< > $@\n\n"
                         "link:\n\tprintf 'int main(void){return hawser();}\\n' > hw.c && "
                         "gcc hw.c -o hw -lrope; rm -f hw.c\n")
    cm.write_tree(root, files)
    for i in range(n_locked):
        d = root / f"walk/locked{i:03d}"
        d.mkdir(parents=True)
        (d / "tally.log").write_text("x\n")
        d.chmod(0o000)
    (root / "ro").mkdir()
    (root / "ro").chmod(0o555)
    cm.run(f"chown -R nobody:nogroup {root} && chmod 755 {root} && chmod 000 {root}/walk/locked* 2>/dev/null; true",
           cwd=root)
    for i in range(n_locked):
        cm.run(f"chown root:root {root}/walk/locked{i:03d}", cwd=root)


CHAINS = {
    "archive": ("tar czf ro/walk.tgz walk/bay0; tar xzf notes.txt.gz; tar tzf walk.tgz; tar cf - conf ghost.conf | "
                "tar tvf -; tar xf /dev/null missing/member; diff conf/lay.conf conf/lay.conf.orig; diff -r conf walk; "
                "diff -q conf/old nope/; sed -e 's/yarns/Yarns/' -e 'q5 x' conf/lay.conf; sed 's/twist=/lay=' conf/lay.conf; "
                "sed -n '/length/{p' conf/lay.conf; sed -i.bak 's/a/b/' ro/none.conf; echo EXIT=$?"),
    "search": ("find walk -name '*.log' -mtime -x; find walk conf /nonexistent -maxdepth 2 -type d | head -n 60; "
               "find walk -name 'spin-00*.log' -print0 | xargs -0 grep -c snap; find walk -name '*.log' | head -n 5 | "
               "xargs tally-yarns --sum; printf 'a\\nb\\n' | xargs -n1 stat -c '%n %s'; grep -rn snap walk/bay1 | "
               "head -n 40; grep -E 'yarn (' walk/bay0/spin-000.log; echo EXIT=$?"),
    "net": (f"wget -q -O - http://127.0.0.1:{PORT_HTTP}/lay.conf; wget -O ro/x http://127.0.0.1:{PORT_HTTP}/missing.tgz; "
            f"wget -O walk.tgz http://127.0.0.1:{PORT_HTTP}/walk.tgz; wget --tries=1 http://127.0.0.1:{PORT_CLOSED}/reels.json; curl -sS -f http://127.0.0.1:{PORT_HTTP}/nope.json; "
            f"curl -sS http://127.0.0.1:{PORT_CLOSED}/; apt-get -s install libhawser-dev ropewalk-tools; "
            "dpkg -s hawser-utils; dpkg -L sisal-doc; dpkg -i /tmp/hawser.deb; msgmerge -U po/de.po po/hawser.pot; "
            "msgfmt -c -o /dev/null po/de.po; echo EXIT=$?"),
    "bash": ("bash run.sh 2; bash twist.sh; bash split.sh; cd walk/locked000; source missing.env; "
             "declare -A m; m=(x); echo \"$undef\" > ro/out.txt; ./hawser --check; make -k all link; "
             "gcc -o ro/hw -x c - <<< 'int main(void){return 0;}'; echo EXIT=$?"),
}


def step_shell(tmp: Path) -> None:
    srv_dir = tmp / "srv"
    cm.write_tree(srv_dir, {"lay.conf": "yarns=24\ntwist=right\nlength=220\n" * 3})
    cm.start(["python3", "-m", "http.server", str(PORT_HTTP), "--bind", "127.0.0.1", "--directory", str(srv_dir)])
    import time
    time.sleep(1.5)
    plan = [("de", "archive", 34540), ("fr", "search", 34541), ("es", "net", 34542), ("it", "bash", 34543),
            ("ptbr", "net", 34544), ("ja", "archive", 34545), ("uk", "net", 34546), ("ja", "bash", 34547)]
    for loc, name, seed in plan:
        root = tmp / f"hawser-{loc}-{name}"
        hawser_tree(root, seed, 60, 3)
        k = f"shell-{loc}"
        chain = CHAINS[name]
        cap(f"{k}-{name}", k, as_nobody(chain), root, typed=chain, extra={"HOME": str(root)})
    # long outputs: many unreadable bays
    for loc, seed in (("uk", 34549), ("de", 34550), ("ptbr", 34551)):
        root = tmp / f"hawser-{loc}-big"
        hawser_tree(root, seed, 400, 120)
        k = f"shell-{loc}"
        chain = ("find walk -name '*.log' -newer conf/lay.conf; find walk -type f | xargs grep -l snap | wc -l; "
                 "tar czf walk-$$.tgz walk; rm -f walk-$$.tgz; "
                 "du -sh walk/*; echo EXIT=$?")
        cap(f"{k}-big", k, as_nobody(chain), root, typed=chain, extra={"HOME": str(root)})


# ------------------------------------------------------------------ twinebook: msgfmt

def po_file(rng: random.Random, lang: str, n: int, broken: bool, syntax: bool = True) -> str:
    """A catalogue; `syntax` puts in the faults msgfmt stops at (a duplicate, unterminated strings)."""
    plural = {"es": "nplurals=2; plural=(n != 1);", "ru": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : "
              "n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);", "zh": "nplurals=1; plural=0;"}[lang]
    tr = {"es": ("Cordón", "hilos", "Bobina"), "ru": ("Прядь", "нитей", "Катушка"), "zh": ("股线", "纱线", "线轴")}[lang]
    head = ('msgid ""\nmsgstr ""\n"Project-Id-Version: twinebook 2.3\\n"\n'
            f'"Language: {lang}\\n"\n"MIME-Version: 1.0\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
            '"Content-Transfer-Encoding: 8bit\\n"\n')
    if not broken or rng.random() < 0.5:
        head += f'"Plural-Forms: {plural}\\n"\n'
    body = head + "\n"
    seen_dup = False
    n_broken = 0
    for i in range(n):
        r = rng.random() if broken else 1.0
        body += f"#: src/twine.c:{20 + i * 4}\n"
        if r < 0.07:
            body += f'#, c-format\nmsgid "Strand %s ({i}): %d yarns"\nmsgstr "{tr[0]} %d: %s {tr[1]} {i}"\n\n'
        elif r < 0.12:
            body += (f'#, c-format\nmsgid "%d reel {i}"\nmsgid_plural "%d reels {i}"\nmsgstr[0] "%d {tr[2]}"\n'
                     f'msgstr[1] "%d {tr[2]}"\nmsgstr[2] "%d {tr[2]}"\nmsgstr[3] "%d {tr[2]}"\n\n')
        elif r < 0.16 and syntax and not seen_dup:
            seen_dup = True
            body += f'msgid "Lay direction"\nmsgstr "{tr[0]}"\n\nmsgid "Lay direction"\nmsgstr "{tr[2]}"\n\n'
        elif r < 0.20:
            body += f'#, c-format\nmsgid "Twist %.1f per metre ({i})"\nmsgstr "{tr[0]} %d ({i})"\n\n'
        elif r < 0.23:
            body += f'msgid "Reel {i} full\\n"\nmsgstr "{tr[2]} {i}"\n\n'
        elif r < 0.25 and syntax and n_broken < 2:
            n_broken += 1
            body += f'msgid "Whipping {i}"\nmsgstr "{tr[1]} {i}\n\n'
        elif r < 0.28:
            body += f'#, c-format\nmsgid "Tension {i}: %u"\nmsgstr "{tr[0]} {i}: %u %s"\n\n'
        else:
            body += f'msgid "Strand label {i}"\nmsgstr "{tr[0]} {i}"\n\n'
    return body


def step_msgfmt(tmp: Path) -> None:
    for loc, seed, n_small, n_big in (("es", 34560, 60, 700), ("ru", 34561, 80, 500), ("zh", 34562, 50, 900)):
        root = tmp / f"po-{loc}"
        root.mkdir(parents=True, exist_ok=True)
        rng = random.Random(seed)
        (root / "twinebook.po").write_text(po_file(rng, loc, n_small, True))
        (root / "big.po").write_text(po_file(rng, loc, n_big, True, syntax=False))
        for i in range(3):
            (root / f"ok{i}.po").write_text(po_file(rng, loc, 25, False))
        k = f"msgfmt-{loc}"
        cap(f"{k}-small", k, "msgfmt -c -v --statistics -o /dev/null twinebook.po; echo EXIT=$?; "
            "msgfmt -c -v -o /dev/null big.po 2>&1 | head -n 12", root)
        if True:
            cap(f"{k}-big", k, "for f in *.po; do msgfmt -c --statistics -o /dev/null \"$f\"; done 2>&1; echo EXIT=$?",
                root)


# ------------------------------------------------------------------ Ropery: javac

JAVA_FILES = {
    "src/ropery/Twine.java": """package ropery;

public abstract class Twine implements Comparable<Twine> {
    protected final String fibre;
    protected final int yarns;

    protected Twine(String fibre, int yarns) {
        this.fibre = fibre;
        this.yarns = yarns;
    }

    public abstract double breakingLoad();

    public abstract String lay();
}
""",
    "src/ropery/Hawser.java": """package ropery;

import java.util.*;

public class Hawser extends Twine {
    private final double diameterMm;

    public Hawser(String fibre, int yarns, double diameterMm) {
        super(fibre, yarns);
        this.diameterMm = diameterMm;
    }

    public double breakingLoad() {
        int load = diameterMm * diameterMm * 0.9;
        return load;
    }

    public void thicken(double mm) {
        diameterMm = diameterMm + mm;
    }

    public int grade() {
        return 3;
        System.out.println("unreachable");
    }
}
""",
    "src/ropery/Walk.java": """package ropery;

import java.util.*;

public class Walk {
    private final List<Twine> made = new ArrayList();

    public long record(Twine t) {
        made.add(t);
        List raw = made;
        raw.add("not a twine");
        long yarns = 0;
        for (Twine x : made) yarns += x.yarns;
        return yarns;
    }

    public String shift(int hour) {
        String s = "";
        switch (hour / 8) {
            case 0: s = "early";
            case 1: s = "day";
            default: s = "night";
        }
        return s;
    }

    public static void main(String[] args) {
        Walk w = new Walk();
        Twine t = new Twine("hemp", 3);
        Hawser h = new Hawser("manila", 24, 36.0);
        byte b = w.record(h);
        Collections.sort(w.made);
        System.out.println(b + w.shift(9) + h.grade());
    }
}
""",
}


def ropery_extra(i: int) -> str:
    return (f"package ropery;\n\nimport java.util.*;\n\npublic class Reel{i} extends Twine {{\n"
            f"    private final Map<String, Integer> counts = new HashMap();\n\n"
            f"    public Reel{i}() {{ super(\"sisal\", {i + 2}); }}\n\n"
            f"    public double breakingLoad() {{ return yarns * {i + 1}.5; }}\n\n"
            f"    public short turns() {{ long n = counts.size() * {i}L; return n; }}\n\n"
            f"    public void wind() {{ final int m = {i}; m++; Integer.valueOf(m).hashCode(); }}\n}}\n")


def javac_runs(tmp: Path, cap, java_files: dict[str, str], pkg: str, extra_class: str, extra, runs) -> None:
    """javac -Xlint:all over a package in each locale of `runs` ((locale, extra classes) pairs), German
    through Temurin's javac (JDK 17's ships only ja and zh_CN), the extra classes from extra(i)."""
    for loc, n_extra in runs:
        root = tmp / f"java-{loc}-{n_extra}"
        files = dict(java_files)
        for i in range(n_extra):
            files[f"src/{pkg}/{extra_class}{i}.java"] = extra(i)
        cm.write_tree(root, files)
        k = f"javac-{loc}"
        if loc == "de":
            javac = f"{r338.JDK_DE}/bin/javac -J-Duser.language=de -J-Duser.country=DE"
            typed = "javac -J-Duser.language=de -J-Duser.country=DE"
        elif loc == "ja":
            javac = typed = "javac -J-Duser.language=ja"
        else:
            javac = typed = "javac -J-Duser.language=zh -J-Duser.country=CN"
        rest = f" -Xlint:all -Xmaxerrs 500 -d out src/{pkg}/*.java 2>&1; echo EXIT=$?"
        tag = "big" if n_extra else pkg
        cap(f"{k}-{tag}", k, javac + rest, root, typed=typed + rest)


def step_javac(tmp: Path) -> None:
    javac_runs(tmp, cap, JAVA_FILES, "ropery", "Reel", ropery_extra, (("de", 0), ("ja", 0), ("zh", 0), ("de", 14), ("zh", 16)))


STEPS = [step_gcc, step_make, step_git, step_shell, step_msgfmt, step_javac]


def ensure_tools() -> None:
    """gcc/g++ 12 (gcc-12-locales), make, git, msgfmt/msgmerge, wget, curl, javac 17 and Temurin 25, setpriv, the ten
    locales (generated before this round)."""
    for tool in ("gcc", "g++", "make", "git", "msgfmt", "msgmerge", "wget", "curl", "javac", f"{r338.JDK_DE}/bin/javac",
                 "setpriv", "apt-get", "dpkg"):
        cm.have(tool, tool)


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, lambda: STEPS, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 40_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide345", sys.modules["__main__"])
    main()
