#!/usr/bin/env python3
"""Round 352: rounds 338's and 339's everyday outputs in the user's own language, a third sample, on a tinsmith's material.

gcc/g++ (tinseam, a C/C++ project of solder joints, seams and ladles), make -k with ar and ld, git (ladlewright:
add/add and rename/delete merge conflicts, a conflicting revert, git am / git apply of patches that do not apply, a
pre-receive hook refusing pushes, an existing tag, a stale --force-with-lease, git switch to a missing branch, long
logs), shell chains as agents type them run as `nobody` (fluxpot: missing and unreadable files, a read-only
directory, bash's own errors), msgfmt -c (snipsbook .po catalogues) and javac (Tinshop), each run with
LANG=xx_YY.UTF-8 LANGUAGE=xx_YY, LC_ALL unset. No rule is new: every kind's extractor is imported from
capture_wide338 (de fr es it ptbr) or capture_wide339 (ru ja zh pl uk), NEEDLES.md's "Round 352". Nothing captured
here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide352.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide352.json  as {"version": 2, "items": [...]}, ids prefixed "wide352-".
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
import capture_wide345 as r345  # noqa: E402

ID_PREFIX = "wide352-"
DEFAULT_OUT = HERE / "data" / "wide352.json"
TMP = Path(os.environ.get("HM_WIDE352_TMP", "/dev/shm/hm-corpus-wide352/tmp"))

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
    raw = cm.run(f"nice -n 10 bash -c {sh_quote(command)}", cwd=cwd, env=env_of(loc, extra), timeout=timeout)
    add(item_id, typed or command, raw, EXT[kind])


def sh_quote(s: str) -> str:
    return "'" + s.replace("'", "'\\''") + "'"


def as_nobody(chain: str) -> str:
    return f"setpriv --reuid=nobody --regid=nogroup --clear-groups bash -c {sh_quote(chain)} 2>&1"


# ------------------------------------------------------------------ tinseam: C / C++

TIN_H = """#ifndef TINSEAM_H
#define TINSEAM_H
#include <stddef.h>
struct seam { const char *kind; int folds; double length_mm; };
struct joint { double temp_c; int flux; };
struct ladle { double capacity_ml; double lip_mm; };
double solder_flow(double temp, double gap);
int fold_seam(struct seam *s, int folds);
void *ladle_alloc(size_t n);
void seam_report(const struct seam *s, size_t n);
#endif
"""

C_HEAD = '#include <stdio.h>\n#include <string.h>\n#include "tinseam.h"\n\n'

# faults other than rounds 338's, 339's and 345's (each a function template; {f} is its name)
C_FAULTS = [
    "double {f}(struct joint a, struct joint b) {{\n    return a + b;\n}}\n",                          # invalid operands
    "int {f}(void) {{\n    int folds[2] = {{1, 2, 3}};\n    return folds[0];\n}}\n",                     # excess elements
    "double solder_flow(double temp, double gap) {{\n    return temp * gap;\n}}\n"
    "double solder_flow(double temp, double gap) {{\n    return temp / gap;\n}}\n",                    # redefinition
    "int {f}(struct seam s) {{\n    int n = s;\n    return n;\n}}\n",                                    # struct to int
    "void {f}_v(void) {{\n}}\nint {f}(void) {{\n    int n = {f}_v();\n    return n;\n}}\n",               # void value
    "void {f}(int n) {{\n    if (n > 2)\n        break;\n}}\n",                                          # break outside
    "int {f}(int n) {{\nretry:\n    return n + 1;\n}}\n",                                                # unused label
    "void {f}(int n) {{\n    n + 1 = 4;\n}}\n",                                                          # lvalue
    "void {f}(struct ladle *l) {{\n    memset(l, 0, sizeof(l));\n}}\n",                                 # sizeof pointer
    "int {f}(const char *p) {{\n    return p == 7;\n}}\n",                                               # ptr/int compare
    "int {f}(void *p) {{\n    return *p;\n}}\n",                                                         # void* deref
    "int {f}(rivet_t r) {{\n    return (int)r;\n}}\n",                                                   # unknown type
    "int {f}(int n) {{\n    if (n > 3);\n    return n;\n}}\n",                                          # empty body
    "int {f}(int folds) {{\n    return folds * 2;\n}}\n",                                                # ok
    "double {f}(double mm) {{\n    return mm * 0.5;\n}}\n",                                              # ok
]


def c_module(rng: random.Random, idx: int, n_funcs: int, broken: bool) -> str:
    body = C_HEAD
    pool = C_FAULTS if broken else C_FAULTS[-2:]
    used_redef = False
    for j in range(n_funcs):
        tpl = rng.choice(pool)
        if tpl.startswith("double solder_flow"):
            if used_redef:
                tpl = C_FAULTS[-1]
            used_redef = True
        body += tpl.format(f=f"tin{idx}_f{j}") + "\n"
    return body


TINWORK_CPP = r"""#include <iostream>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

class Tool {
public:
    virtual ~Tool() = default;
    virtual double strike(double force) const = 0;
    virtual std::string label() const { return "tool"; }
};

class Mallet : public Tool {
public:
    double strike(double force) const override { return force * 0.8; }
    std::string label() override { return "mallet"; }
    void wear() { uses_++; }
private:
    int uses_ = 0;
};

class SolderPot {
public:
    void heat(int degrees) { temp_ = degrees; }
    void heat(long degrees) { temp_ = static_cast<int>(degrees); }
    int temp() const { return temp_; }
private:
    int temp_ = 0;
};

void use(const Mallet &m) {
    m.wear();
}

std::tuple<int, double, std::string> ladle_spec() { return {2, 0.75, "tin"}; }

int main() {
    SolderPot pot;
    pot.heat(230.5);
    int rivets{3.5};
    auto [cap, lip] = ladle_spec();
    std::optinal<int> folds;
    std::map<std::string, Mallet> rack;
    rack["hide"] = Mallet();
    use(rack["hide"]);
    std::vector<int> seams = {1, 2, 3};
    for (int i = 0; i < seams.size(); i++) std::cout << seams[i] << rivets << cap << lip;
    return pot.temp();
}
"""

MAIN_C = C_HEAD + """#include <stdlib.h>

int main(int argc, char **argv) {
    struct seam s[2] = {{"lap", 2, 120.0}, {"groove", 4, 310.5}};
    double gap = argc > 1 ? atof(argv[1]) : 0.2;
    fold_seam(s, 3);
    seam_report(s, 2);
    printf("flow %.2f\\n", solder_flow(232.0, gap));
    return ladle_alloc(8) != NULL;
}
"""

SOLDER_C = C_HEAD + """double flux_ratio(double temp);

double solder_flow(double temp, double gap) {
    return flux_ratio(temp) / gap;
}

int fold_seam(struct seam *s, int folds) {
    s->folds += folds;
    return s->folds;
}
"""


def tin_project(root: Path, seed: int, n_mods: int, n_funcs: int, broken_every: int) -> None:
    rng = random.Random(seed)
    files = {"include/tinseam.h": TIN_H, "src/main.c": MAIN_C, "src/solder.c": SOLDER_C,
             "src/tinwork.cpp": TINWORK_CPP}
    for i in range(n_mods):
        files[f"src/seam{i:02d}.c"] = c_module(rng, i, n_funcs, i % broken_every == 0)
    objs = " ".join(["obj/main.o", "obj/solder.o"] + [f"obj/seam{i:02d}.o" for i in range(n_mods)])
    files["Makefile"] = (
        "CC = gcc\nCFLAGS = -Wall -Wextra -O1 -Iinclude\n\n"
        f"OBJS = {objs}\n\nall: tinseam libtin.a stamp docs\n\ntinseam: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\n"
        "obj/%.o: src/%.c include/tinseam.h | obj\n\t$(CC) $(CFLAGS) -c $< -o $@\n\n"
        "obj/main.o: src/main.c\n\t$(CC) $(CFLAGS) -DMAIN -c $< -o $@\n\n"
        "obj/main.o: src/main.c\n\t$(CC) $(CFLAGS) -c $< -o $@\n\n"
        "obj:\n\tmkdir -p obj\n\nlibtin.a: obj/solder.o obj/ladle.o\n\tar rcs $@ obj/solder.o obj/ladle-old.o\n\n"
        "stamp: tinseam\n\ttinsmith-stamp --all tinseam\n\n"
        "docs: manual\n\techo docs\nmanual: docs\n\techo manual\n\n.PHONY: all stamp docs manual\n")
    cm.write_tree(root, files)


def step_gcc(tmp: Path) -> None:
    plan = [("de", 35210, 14, 5), ("fr", 35211, 13, 5), ("es", 35212, 12, 6),
            ("ru", 35213, 15, 5), ("ja", 35214, 14, 5), ("zh", 35215, 15, 5)]
    for loc, seed, nmod, nf in plan:
        root = tmp / f"tin-{loc}"
        tin_project(root, seed, nmod, nf, 1)
        k = f"gcc-{loc}"
        cap(f"{k}-seams", k, "gcc -Wall -Wextra -Iinclude -c src/seam*.c", root)
        if loc in ("es", "ru", "zh"):
            cap(f"{k}-tinwork", k, "g++ -std=c++17 -Wall -Wextra -c src/tinwork.cpp -o /dev/null", root)
        if loc == "de":
            cap(f"{k}-link", k, "gcc -Iinclude -c src/solder.c -o solder.o && ar rcs libsolder.a solder.o && "
                "gcc -Wall -Iinclude -o tinseam src/main.c -L. -lsolder; echo EXIT=$?; "
                "grep -rn 'flux_ratio\\|seam_report\\|ladle_alloc' src include; echo EXIT=$?", root)
    for loc, seed, nmod in (("de", 35216, 40), ("es", 35217, 44), ("ja", 35218, 38), ("fr", 35219, 42)):
        root = tmp / f"tinbig-{loc}"
        tin_project(root, seed, nmod, 7, 1)
        k = f"gcc-{loc}"
        cap(f"{k}-big", k, "gcc -Wall -Wextra -std=c11 -Iinclude -c src/seam*.c 2>&1; echo EXIT=$?", root)


def step_make(tmp: Path) -> None:
    plan = [("it", 35220, 10, 2, "make -k 2>&1; echo EXIT=$?"),
            ("it", 35221, 40, 1, "make -k 2>&1; echo EXIT=$?"),
            ("ptbr", 35222, 42, 1, "make -k all 2>&1; echo EXIT=$?"),
            ("uk", 35223, 38, 1, "make -k 2>&1; echo EXIT=$?"),
            ("pl", 35224, 44, 1, "make -k -j1 all 2>&1; echo EXIT=$?")]
    for loc, seed, nmod, every, cmd in plan:
        root = tmp / f"mk-{loc}-{seed}"
        tin_project(root, seed, nmod, 5, every)
        k = f"make-{loc}"
        tag = "big" if nmod >= 38 else "k"
        cap(f"{k}-{tag}", k, cmd, root)


# ------------------------------------------------------------------ ladlewright: git

GIT_ENV = {"GIT_AUTHOR_NAME": "Ines Blechner", "GIT_AUTHOR_EMAIL": "ines@tinshop.example",
           "GIT_COMMITTER_NAME": "Ines Blechner", "GIT_COMMITTER_EMAIL": "ines@tinshop.example",
           "GIT_CONFIG_NOSYSTEM": "1"}

WORDS = ["ladle", "solder", "seam", "flux", "rivet", "snips", "funnel", "lantern", "bucket", "tinplate", "burr",
         "mallet"]

HOOK = """#!/bin/sh
while read old new ref; do
  case "$ref" in refs/heads/release*) echo "release branches are protected"; exit 1;; esac
  if [ "$new" != 0000000000000000000000000000000000000000 ] && git log --format=%s "$new" -n 20 | grep -q WIP; then
    echo "WIP commits are not accepted on $ref"; exit 1
  fi
done
exit 0
"""


def git_setup(root: Path, seed: int, n_commits: int) -> dict:
    rng = random.Random(seed)
    home = root / "home"
    home.mkdir(parents=True, exist_ok=True)
    e = dict(GIT_ENV, HOME=str(home))

    def sh(c: str, cwd: Path = root) -> str:
        return cm.run(c, cwd=cwd, env=e, timeout=180)

    sh("git init -q --bare -b main origin.git && git clone -q origin.git work 2>/dev/null && "
       "git clone -q origin.git other 2>/dev/null")
    hook = root / "origin.git/hooks/pre-receive"
    hook.write_text(HOOK)
    hook.chmod(0o755)
    w = root / "work"
    for i in range(n_commits):
        name = rng.choice(WORDS)
        f = w / f"shop/{name}.txt"
        f.parent.mkdir(parents=True, exist_ok=True)
        with f.open("a") as fh:
            fh.write(f"{name} job {i}: {rng.randint(1, 40)} pieces, gauge {rng.randint(24, 32)}\n")
        sh(f"git add -A && git commit -q -m '{name}: {rng.choice(['cut', 'fold', 'solder', 'planish'])} job {i}'", w)
    (w / "ladle.cfg").write_text("[ladle]\ncapacity_ml = 250\nlip = rolled\nhandle = riveted\n")
    (w / "flux.txt").write_text("zinc chloride\n")
    sh("git add -A && git commit -q -m 'ladle: defaults' && git tag v1.0 && git push -q origin main --tags", w)
    sh("git pull -q origin main", root / "other")
    # feature: renames ladle.cfg, adds its own flux notes, edits the same line
    sh("git checkout -q -b feature/rolled-lip && mkdir -p ladles && git mv ladle.cfg ladles/ladle.cfg && "
       "sed -i 's/250/300/' ladles/ladle.cfg && git commit -qam 'ladle: move config, 300 ml' && "
       "printf 'rosin\\ntallow\\n' > flux.txt && echo 'wired edge' > EDGE.md && git add -A && "
       "git commit -qm 'flux: rosin for tinplate' && git checkout -q main", w)
    sh("git rm -q ladle.cfg && printf 'sal ammoniac\\n' > flux.txt && echo 'false wire' > EDGE.md && git add -A && "
       "git commit -qm 'ladle: drop config; flux: sal ammoniac' && sed -i 's/zinc/killed spirits/; s/sal/sal/' flux.txt && "
       "git commit -qam 'flux: killed spirits'", w)
    sh("echo 'soldering notes' > NOTES.md && git add NOTES.md && git commit -qm 'docs: soldering notes' && "
       "git tag -f v1.0 && git push -q origin main && git push -q -f origin v1.0", root / "other")
    return e


def step_git(tmp: Path) -> None:
    scenarios = {
        "merge": "git merge feature/rolled-lip; echo EXIT=$?; git status; git diff --name-only --diff-filter=U; "
                 "git merge --abort; git log --oneline --graph --all -n 25",
        "revert": "git revert --no-edit HEAD~1; echo EXIT=$?; git status; git revert --abort; git switch release-2; "
                  "git switch -c release-2 && git push origin release-2; git log --oneline -n 20",
        "patch": "git format-patch -q -2 feature/rolled-lip -o ../patches && git am ../patches/*.patch; echo EXIT=$?; "
                 "git am --show-current-patch=diff | head -n 30; git am --abort; "
                 "git diff feature/rolled-lip~1 feature/rolled-lip > ../flux.diff; git apply --check ../flux.diff; "
                 "git apply ../flux.diff; echo EXIT=$?; git status --short",
        "push": "echo 'tin snips' >> NOTES.txt && git add NOTES.txt && git commit -qm 'WIP: snips' && "
                "git push origin main; git pull --no-rebase --no-edit -q origin main; git push origin main; git push origin v1.0; "
                "git push --force-with-lease=main:HEAD~3 origin main; git push origin HEAD:release/1.1; echo EXIT=$?; "
                "git status; git log --oneline -n 15",
    }
    plan = [("de", "merge", 35230, 20), ("fr", "push", 35231, 18), ("es", "patch", 35232, 22),
            ("it", "revert", 35233, 24), ("ru", "merge", 35234, 21), ("zh", "push", 35235, 19),
            ("pl", "patch", 35236, 23)]
    for loc, sc, seed, n in plan:
        root = tmp / f"git-{loc}-{sc}"
        e = git_setup(root, seed, n)
        cap(f"git-{loc}-{sc}", f"git-{loc}", scenarios[sc], root / "work", extra=e)
    # long sessions (over 10 KB)
    for loc, seed, n, sc in (("de", 35238, 380, "push"), ("zh", 35239, 260, "merge"), ("it", 35240, 300, "push"),
                             ("pl", 35241, 240, "revert")):
        root = tmp / f"git-{loc}-long"
        e = git_setup(root, seed, n)
        w = root / "work"
        cap(f"git-{loc}-long", f"git-{loc}", scenarios[sc].replace(" -n 15", "").replace(" -n 20", "")
            .replace(" -n 25", "") + "; git log --stat -n 60 --format='commit %H%n%s'", w, extra=e)


# ------------------------------------------------------------------ fluxpot: shell chains

def fluxpot_tree(root: Path, seed: int, n_jobs: int, n_locked: int) -> None:
    rng = random.Random(seed)
    files = {}
    for i in range(n_jobs):
        files[f"jobs/bench{i % 5}/job-{i:03d}.txt"] = "".join(
            f"{rng.choice(['lap', 'groove', 'double', 'standing'])} seam {m} lead {rng.choice(['0%', '0%', '40%'])} "
            f"temp {rng.randint(180, 260)}\n" for m in range(rng.randint(3, 16)))
    files["solder/recipe.txt"] = "tin 60\nlead 40\n"
    files["flux.log"] = "rosin ok\n"
    files["seams/lap.txt"] = "lap 12\n"
    files["seams/groove.txt"] = "groove 7\n"
    files["tin.sh"] = ("#!/bin/bash\nreadonly GAUGE=28\nGAUGE=30\ndeclare -a ladles=(small large)\n"
                       "echo \"${ladles[-5]}\"\necho \"${ladles[x y]}\"\nsolder-iron --heat 230\n")
    files["ladle.sh"] = ("#!/bin/bash\ncat <<EOF\nladle list\n$(ls secret)\nwhile true; do\n  echo x\n")
    cm.write_tree(root, files)
    (root / "ro").mkdir()
    (root / "ro/keep.txt").write_text("keep\n")
    (root / "secret").mkdir()
    (root / "secret/alloy.txt").write_text("tin 99.3 copper 0.7\n")
    cm.run("tar cf ladles.tar seams", cwd=root)
    cm.run(f"chown -R nobody:nogroup {root} && chmod 755 {root} && chmod 555 {root}/ro", cwd=root)
    (root / "locked.txt").write_text("secret\n")
    (root / "locked.txt").chmod(0o000)
    cm.run(f"chown root:root {root}/secret {root}/secret/alloy.txt && chmod 700 {root}/secret", cwd=root)
    for i in range(n_locked):
        d = root / f"jobs/bench{i % 5}/locked{i:03d}"
        d.mkdir(parents=True)
        (d / "tally.txt").write_text("x\n")
        d.chmod(0o000)
        (root / f"jobs/bench{i % 5}/private{i:03d}.txt").write_text("p\n")
        (root / f"jobs/bench{i % 5}/private{i:03d}.txt").chmod(0o600)


CHAINS = {
    "files": ("cp solder/recipe.txt ro/; mv flux.log ro/; ln -s ../solder ro/link; mkdir ro/new; mkdir seams/a/b; "
              "touch ro/stamp; rm ro/keep.txt; rm -r ro; cat locked.txt; head -n 3 secret/alloy.txt; "
              "wc -l seams/*.txt locked.txt nope.txt; sort -n locked.txt seams/lap.txt; stat -c '%n %s' ghost.txt; "
              "cp -r seams ro/seams; ls -l secret; echo EXIT=$?"),
    "walk": ("grep -rn 'lead 40' jobs 2>&1 | head -n 60; du -sh jobs/*; cd secret; echo x > locked.txt; "
             "tar xf ladles.tar -C ro; tar xf nope.tar; chmod 644 ghost.txt; cat seams/*.txt > ro/all.txt; "
             "sort jobs/bench0/job-000.txt locked.txt | head -n 5; echo EXIT=$?"),
    "bash": ("bash tin.sh; bash ladle.sh; solderctl --status; ./tin.sh; cd secret; . ./missing.env; "
             "echo EXIT=$?"),
}


def step_shell(tmp: Path) -> None:
    plan = [("de", "files", 35250), ("fr", "walk", 35251), ("es", "bash", 35252),
            ("ptbr", "walk", 35254), ("ja", "files", 35255), ("uk", "walk", 35257)]
    for loc, name, seed in plan:
        root = tmp / f"flux-{loc}-{name}"
        fluxpot_tree(root, seed, 40, 4)
        k = f"shell-{loc}"
        chain = CHAINS[name]
        cap(f"{k}-{name}", k, as_nobody(chain), root, typed=chain, extra={"HOME": str(root)})
    # long outputs: many unreadable benches
    for loc, seed in (("fr", 35258), ("ja", 35259), ("it", 35260)):
        root = tmp / f"flux-{loc}-big"
        fluxpot_tree(root, seed, 300, 110)
        k = f"shell-{loc}"
        chain = ("grep -rln 'lead 40' jobs; du -s jobs/bench*/*; wc -l jobs/*/private*.txt | tail -n 3; "
                 "ls -R jobs | head -n 40; echo EXIT=$?")
        cap(f"{k}-big", k, as_nobody(chain), root, typed=chain, extra={"HOME": str(root)})


# ------------------------------------------------------------------ snipsbook: msgfmt

def po_file(rng: random.Random, lang: str, n: int, broken: bool, syntax: bool = True) -> str:
    """A catalogue; `syntax` puts in the faults msgfmt stops at before any `-c` check (an unindexed msgstr, a
    msgstr[0] without msgid_plural, an invalid escape), at most two of each."""
    plural = {"es": "nplurals=2; plural=(n != 1);", "ru": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : "
              "n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);", "zh": "nplurals=1; plural=0;"}[lang]
    tr = {"es": ("Costura", "remaches", "Cazo"), "ru": ("Шов", "заклёпок", "Ковш"), "zh": ("接缝", "铆钉", "长柄勺")}[lang]
    charset = "CHARSET" if broken and rng.random() < 0.4 else "UTF-8"
    head = ('msgid ""\nmsgstr ""\n"Project-Id-Version: snipsbook 1.4\\n"\n'
            f'"Language: {lang}\\n"\n"MIME-Version: 1.0\\n"\n"Content-Type: text/plain; charset={charset}\\n"\n'
            '"Content-Transfer-Encoding: 8bit\\n"\n')
    if broken and rng.random() < 0.5:
        head += '"Plural-Forms: nplurals=2; plural=(n > 1 ?;\\n"\n'
    else:
        head += f'"Plural-Forms: {plural}\\n"\n'
    body = head + "\n"
    n_syn = {"unindexed": 0, "noplural": 0, "escape": 0}
    for i in range(n):
        r = rng.random() if broken else 1.0
        body += f"#: src/snips.c:{30 + i * 3}\n"
        if r < 0.05 and syntax and n_syn["unindexed"] < 2:
            n_syn["unindexed"] += 1
            body += f'msgid "{i} rivet"\nmsgid_plural "{i} rivets"\nmsgstr "{tr[1]} {i}"\n\n'
        elif r < 0.09 and syntax and n_syn["noplural"] < 2:
            n_syn["noplural"] += 1
            body += f'#, c-format\nmsgid "Seam %d ({i})"\nmsgstr[0] "{tr[0]} %d ({i})"\n\n'
        elif r < 0.14:
            body += f'msgid "\\nLadle {i} cooled"\nmsgstr "{tr[2]} {i}"\n\n'
        elif r < 0.18:
            body += f'#, python-format\nmsgid "Solder %(alloy)s at %(temp)d ({i})"\nmsgstr "{tr[0]} %(metal)s ({i})"\n\n'
        elif r < 0.22:
            body += (f'#, c-format\nmsgid "%d seam folded {i}"\nmsgid_plural "%d seams folded {i}"\n'
                     f'msgstr[0] "%d {tr[0]} {i}"\nmsgstr[1] "{tr[0]} {i}"\n' +
                     (f'msgstr[2] "%d %d {tr[0]} {i}"\n' if lang == "ru" else "") + "\n")
        elif r < 0.24 and syntax and n_syn["escape"] < 2:
            n_syn["escape"] += 1
            body += f'msgid "Burr {i}"\nmsgstr "{tr[1]} \\q {i}"\n\n'
        else:
            body += f'msgid "Snips label {i}"\nmsgstr "{tr[0]} {i}"\n\n'
    return body


def step_msgfmt(tmp: Path) -> None:
    for loc, seed, n_small, n_big in (("es", 35270, 90, 900), ("ru", 35271, 100, 800), ("zh", 35272, 80, 1400)):
        root = tmp / f"po-{loc}"
        root.mkdir(parents=True, exist_ok=True)
        rng = random.Random(seed)
        (root / "snipsbook.po").write_text(po_file(rng, loc, n_small, True))
        (root / "big.po").write_text(po_file(rng, loc, n_big, True, syntax=False))
        for i in range(3):
            (root / f"ok{i}.po").write_text(po_file(rng, loc, 30, False))
        k = f"msgfmt-{loc}"
        cap(f"{k}-small", k, "msgfmt -c -v --statistics -o /dev/null snipsbook.po; echo EXIT=$?; "
            "msgfmt -c -v -o /dev/null big.po 2>&1 | head -n 40", root)
        cap(f"{k}-big", k, "for f in *.po; do msgfmt -c --statistics -o /dev/null \"$f\"; done 2>&1; echo EXIT=$?",
            root)


# ------------------------------------------------------------------ Tinshop: javac

JAVA_FILES = {
    "src/tinshop/Vessel.java": """package tinshop;

public abstract class Vessel implements java.io.Serializable {
    protected final String metal;
    protected final double capacityMl;

    protected Vessel(String metal, double capacityMl) {
        this.metal = metal;
        this.capacityMl = capacityMl;
    }

    public abstract double seamLength();
}
""",
    "src/tinshop/Ladle.java": """package tinshop;

import java.io.*;
import java.util.*;

public class Ladle extends Vessel {
    private double lipMm;

    public Ladle(String metal, double capacityMl) {
        super(metal, capacityMl);
    }

    public double seamLength() {
        int folds = "two";
        if (capacityMl > 100);
        return folds * lipMm;
    }

    public String grade(int g) {
        if (g > 3) return "fine";
    }

    public void load(String path) {
        BufferedReader r = new BufferedReader(new FileReader(path));
        r.readLine();
    }

    @Override
    public String label() { return "ladle"; }

    public int heat() {
        int t;
        if (lipMm > 2) t = 230;
        return t / 0;
    }
}
""",
    "src/tinshop/Bench.java": """package tinshop;

import java.util.*;

public class Bench {
    private final List<Vessel> made = new ArrayList<>();
    private int count;

    public static void main(String[] args) {
        count = 3;
        Bench b = new Bench();
        Ladle l = new Ladle("tinplate", 250.0);
        Object o = l;
        Ladle again = (Ladle) (Vessel) l;
        Date d = new Date(2026, 12, 2);
        System.out.println(d.getYear() + again.heat() + o.hashCode());
        String s = b.made.get(0);
    }
}
""",
}


def tinshop_extra(i: int) -> str:
    return (f"package tinshop;\n\nimport java.util.*;\n\npublic class Funnel{i} extends Vessel {{\n"
            f"    public Funnel{i}() {{ super(\"tin\", {i + 1}0.0); }}\n\n"
            f"    public double seamLength() {{ return capacityMl * {i + 1}; }}\n\n"
            f"    public int spout() {{ double d = capacityMl / {i + 2}; int n = d; return n; }}\n\n"
            f"    public String shape() {{ switch ({i} % 3) {{ case 0: return \"cone\"; }} }}\n\n"
            f"    @Override public int hashCode(int salt) {{ return salt; }}\n\n"
            f"    public Integer wrap() {{ return new Integer({i}); }}\n}}\n")


def step_javac(tmp: Path) -> None:
    r345.javac_runs(tmp, cap, JAVA_FILES, "tinshop", "Funnel", tinshop_extra, (("de", 0), ("ja", 0), ("zh", 0), ("de", 18), ("ja", 16)))


STEPS = [step_gcc, step_make, step_git, step_shell, step_msgfmt, step_javac]


def ensure_tools() -> None:
    """gcc/g++ 12 (gcc-12-locales), make, ar, git, msgfmt, javac 17 and Temurin 25, setpriv, the ten locales
    (generated before this round)."""
    for tool in ("gcc", "g++", "make", "ar", "git", "msgfmt", "javac", f"{r338.JDK_DE}/bin/javac", "setpriv"):
        cm.have(tool, tool)


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, lambda: STEPS, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 40_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide352", sys.modules["__main__"])
    main()
