"""Round 371: a fourth sample of rounds 338's, 339's and 346's everyday outputs in the user's own language, all
twenty languages (de fr es it pt_BR ru ja zh_CN pl uk nl sv cs tr ko vi hu fi da ro), two items a language, on a
sawmill's logs, kerfs and blades: shell chains over tar/sed/diff/find and bash builtins, make's own errors, gcc,
git and msgfmt. No new rule and no new kind: every item's needles come from the earlier round's extractor for its
kind, imported by module and function. Every command runs with LANG=xx_YY.UTF-8 LANGUAGE=xx_YY (LC_ALL unset; the
locales made with localedef into this round's scratch, found through LOCPATH). Material written here, seeds 37110+."""

from __future__ import annotations

import os
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide338 as w338  # noqa: E402
import capture_wide339 as w339  # noqa: E402
import capture_wide346 as w346  # noqa: E402

ID_PREFIX = "wide371-"
DEFAULT_OUT = HERE / "data" / "wide371.json"
SCRATCH = Path(os.environ.get("HM_WIDE371_SCRATCH", "/dev/shm/hm-corpus-wide371"))
TMP = SCRATCH / "tmp"
LOCPATH = SCRATCH / "locales"

_SIZED = cm.Sized(400, 120_000)
add = _SIZED.add

LOCALES = {"de": "de_DE", "fr": "fr_FR", "es": "es_ES", "it": "it_IT", "ptbr": "pt_BR", "ru": "ru_RU",
           "ja": "ja_JP", "zh": "zh_CN", "pl": "pl_PL", "uk": "uk_UA", "nl": "nl_NL", "sv": "sv_SE", "cs": "cs_CZ",
           "tr": "tr_TR", "ko": "ko_KR", "vi": "vi_VN", "hu": "hu_HU", "fi": "fi_FI", "da": "da_DK", "ro": "ro_RO"}

# every kind's extractor, imported unchanged from the round that named it
EXT: dict = {}
EXT.update({f"shell-{l}": w338._SHK[l] for l in ("de", "fr", "es", "it", "ptbr")})
EXT.update({"make-it": w338.n_make_it, "make-ptbr": w338.n_make_ptbr, "msgfmt-es": w338.n_msgfmt_es})
for _k in ("shell-ja", "shell-uk", "make-uk", "make-pl", "git-ru", "git-zh", "git-pl", "msgfmt-ru", "msgfmt-zh"):
    EXT[_k] = w339.EXT[_k]
for _k in ("shell-hu", "shell-ro", "shell-da", "make-cs", "make-ko", "make-fi", "gcc-nl", "gcc-sv", "gcc-tr", "gcc-vi",
           "git-sv", "git-tr", "git-vi", "msgfmt-ko", "msgfmt-fi"):
    EXT[_k] = w346.EXT[_k]


def env_of(loc: str, extra: dict | None = None) -> dict:
    code = LOCALES[loc]
    e = {"LC_ALL": None, "LANG": f"{code}.UTF-8", "LANGUAGE": code, "LOCPATH": str(LOCPATH)}
    e.update(extra or {})
    return e


def cap(item_id: str, kind: str, command: str, cwd: Path, loc: str, typed: str | None = None,
        extra: dict | None = None, timeout: int = 300) -> None:
    raw = cm.run(f"nice -n 10 bash -c {w346.sh_quote(command)}", cwd=cwd, env=env_of(loc, extra), timeout=timeout)
    add(item_id, typed or command, raw, EXT[kind])


sh_quote = w346.sh_quote
WORDS = ["oak", "ash", "larch", "elm", "beech", "spruce", "douglas", "cedar", "alder", "birch", "poplar", "walnut"]

# ------------------------------------------------------------------ material: shell (kerfline)


def shell_tree(root: Path, seed: int) -> None:
    rng = random.Random(seed)
    for d in ("logs", "kerfs", "blades", "yard", "office", "out", "old"):
        (root / d).mkdir(parents=True, exist_ok=True)
    for i in range(36):
        (root / "logs" / f"tally-{i:02d}.csv").write_text(
            "log,species,length_cm,girth_cm,grade\n" + "".join(
                f"L{i:02d}{j:03d},{rng.choice(WORDS)},{rng.randint(240, 620)},{rng.randint(60, 240)},"
                f"{rng.choice('ABBCCCD')}\n" for j in range(rng.randint(8, 40))))
    for i in range(20):
        (root / "kerfs" / f"saw{i:02d}.log").write_text("".join(
            f"2026-11-{1 + m % 28:02d} {rng.choice(['INFO', 'INFO', 'WARN', 'ERROR'])} saw{i} kerf "
            f"{rng.randint(28, 52) / 10} mm {rng.choice(['ok', 'wander', 'burn', 'pitch', 'snake', 'ok'])}\n"
            for m in range(rng.randint(6, 30))))
    for i in range(12):
        (root / "blades" / f"blade{i:02d}.txt").write_text(
            f"blade {i}\nteeth {rng.randint(20, 60)}\nset_mm {rng.randint(5, 9) / 10}\nsharpened {rng.randint(1, 30)}\n")
    (root / "blades" / "blade03.bin").write_bytes(bytes(rng.randrange(256) for _ in range(600)))
    (root / "yard" / "stacks.txt").write_text("".join(f"stack {k}: {rng.choice(WORDS)} {rng.randint(3, 40)} m3\n"
                                                      for k in range(30)))
    (root / "office" / "prices.txt").write_text("oak 410\nash 260\n")
    cm.run("tar czf old/logs-2025.tgz logs && head -c 3000 old/logs-2025.tgz > old/cut.tgz && "
           "cp -r blades old/blades && rm old/blades/blade05.txt && echo 'teeth 99' >> old/blades/blade02.txt && "
           "touch old/blades/blade99.txt && cp -r kerfs old/kerfs && sed -i '3s/ok/burn/; 5d' old/kerfs/saw0*.log && "
           "rm old/kerfs/saw13.log", cwd=root)
    os.chmod(root / "office", 0o700)
    os.chmod(root / "office" / "prices.txt", 0o600)
    os.chmod(root / "out", 0o555)
    os.chmod(root / "kerfs" / "saw07.log", 0o000)
    (root / "yard" / "locked").mkdir(exist_ok=True)
    os.chmod(root / "yard" / "locked", 0o000)
    for d in ("", "logs", "kerfs", "blades", "yard", "old"):
        os.chmod(root / d, 0o755)


CHAINS = {
    "tar": "tar tzf old/cut.tgz | tail -n 5; tar xzf old/cut.tgz -C /tmp/none; tar xzf old/logs-2025.tgz -C out; "
           "tar xzf old/logs-2025.tgz --strip-components=1 logs/tally-99.csv; tar cf - office | wc -c; "
           "tar tvf old/logs-2025.tgz | head -n 40; tar rf old/logs-2025.tgz blades; echo EXIT=$?",
    "sed": "sed -n '/ERROR/{p' kerfs/saw01.log; sed 's/kerf/KERF' kerfs/saw02.log; sed -e 'k' kerfs/saw03.log; "
           "sed -i 's/ok/fine/' kerfs/saw07.log; sed -n '/burn/p' kerfs/*.log | head -n 60; "
           "sed 's/mm/millimetres/' office/prices.txt; sed -i.bak 's/teeth/t/' blades/blade01.txt; echo EXIT=$?",
    "diff": "diff -r blades old/blades; diff blades/blade03.bin old/blades/blade03.bin; diff -u blades/blade02.txt "
            "old/blades/blade02.txt; diff blades/blade05.txt old/blades/blade05.txt; diff -q logs old | head; "
            "diff kerfs/saw07.log kerfs/saw08.log; diff -r kerfs old/kerfs; echo EXIT=$?",
    "find": "find logs -name 'tally-1*' -mtime x; find . -perm 9999; find . -wholename-bad x; "
            "find . -name '*.log' -size +1k; find yard office -type f; find kerfs -newer blades/none.txt; "
            "find logs kerfs blades -type f -printf '%m %s %p\\n' | sort -k2 -n; find logs -name '*.csv' | xargs grep -c ',D$' | sort -t: -k2 -n | tail -n 15; echo EXIT=$?",
    "bash": "shopt -s shift_verbose; shift 3; cd yard/locked; popd; printf '%d\\n' kerf; test 3 -gt x; "
            "source ./mill.env; ulimit -n abc; kill %4; trap 'echo x' BOGUS; cat < office/prices.txt; "
            "for b in blades/*.txt; do t=$(sed -n 's/^set_mm //p' \"$b\"); bash -c 'echo \"$1 $(( $2 * 100 ))\"' bash \"$b\" \"$t\"; "
            "done; echo EXIT=$?; bash -c 'declare -A stock; stock[oak]=4; echo \"${stock[ash]:?no ash in stock}\"'; "
            "bash -c '[[ 3 -gt ]]'; echo EXIT=$?; bash -uc 'echo \"$BLADE_WIDTH\"'; echo EXIT=$?",
    "walk": "for f in logs/tally-*.csv; do echo \"== $f\"; grep -c ',A$' \"$f\"; sed -n '2p' \"$f\"; done; "
            "for k in kerfs/saw*.log; do tail -n 2 \"$k\"; done; for b in blades/*.txt blades/blade40.txt; do "
            "sed -n 's/^teeth //p' \"$b\"; done; ls -l yard/locked office; cat old/cut.tgz | tar tz; echo EXIT=$?",
}

# two shell items per language for these, one for those that also get make/msgfmt
SHELL_PLAN = {"de": ["tar", "bash"], "fr": ["sed", "find"], "es": ["diff"], "it": ["bash"], "ptbr": ["sed"],
              "ja": ["find", "tar"], "uk": ["walk"], "hu": ["sed", "diff"], "ro": ["tar", "find"],
              "da": ["walk", "bash"]}


def step_shell(tmp: Path) -> None:
    for n, (loc, chains) in enumerate(SHELL_PLAN.items()):
        root = tmp / f"sh-{loc}"
        shell_tree(root, 37110 + n)
        for name in chains:
            chain = CHAINS[name]
            cmd = f"setpriv --reuid=nobody --regid=nogroup --clear-groups bash -c {sh_quote(chain)} 2>&1"
            cap(f"shell-{loc}-{name}", f"shell-{loc}", cmd, root, loc, typed=chain, extra={"HOME": str(root)})


# ------------------------------------------------------------------ material: C (bladeworks)

C_HEAD = '#include <stdio.h>\n#include <string.h>\n#include "bladeworks.h"\n\n'
BLADE_H = """#ifndef BLADEWORKS_H
#define BLADEWORKS_H
enum grade { GRADE_A, GRADE_B, GRADE_C, GRADE_D };
struct saw_log { const char *id; int length_cm; int girth_cm; enum grade g; };
struct blade { int teeth; double set_mm; unsigned sharpened; };
double kerf_loss(const struct blade *b, int cuts);
int board_count(const struct saw_log *l, double thickness_mm);
#endif
"""
C_FAULTS = [
    ("void {f}(const struct saw_log *l) {{\n    printf(\"%d cm %s\\n\", l->id, l->length_cm);\n}}\n", "format"),
    ("int {f}(int cuts) {{\n    return resaw_count(cuts);\n}}\n", "implicit"),
    ("int {f}(int cuts) {{\n    return cuts * kerf_width;\n}}\n", "undeclared"),
    ("int {f}(enum grade g) {{\n    switch (g) {{\n    case GRADE_A: return 3;\n    case GRADE_B: return 2;\n    }}\n"
     "    return 0;\n}}\n", "switch"),
    ("int {f}(const struct blade *b, int n) {{\n    return n < b->sharpened;\n}}\n", "sign-compare"),
    ("int {f}(const struct blade *b) {{\n    return b->tooth_pitch;\n}}\n", "no-member"),
    ("int {f}(int x) {{\n    case 1: return x;\n    return 0;\n}}\n", "case-outside"),
    ("int {f}(int x);\nstatic int {f}(int x) {{\n    return x;\n}}\n", "static-after"),
    ("struct blade {{ int teeth; }};\nint {f}(void) {{ return 0; }}\n", "redefined"),
    ("double {f}(double mm) {{\n    return mm * 0.92;\n}}\n", "ok"),
    ("int {f}(int boards) {{\n    return boards + 1;\n}}\n", "ok"),
]


def c_module(rng: random.Random, idx: int, n_funcs: int, broken: bool) -> str:
    body = C_HEAD
    for j in range(n_funcs):
        tpl, _ = rng.choice(C_FAULTS if broken else C_FAULTS[-2:])
        body += tpl.format(f=f"{rng.choice(WORDS)}{idx}_{j}") + "\n"
    return body


MAIN_C = C_HEAD + """int main(void) {
    struct blade b = {40, 0.7, 3};
    struct saw_log l = {"L001", 480, 150, GRADE_B};
    printf("%.2f %d\\n", kerf_loss(&b, 12), board_count(&l, 27.0));
    return 0;
}
"""
KERF_C = C_HEAD + "double kerf_loss(const struct blade *b, int cuts) { return cuts * (2.2 + 2 * b->set_mm); }\n"


def c_project(root: Path, seed: int, n_mods: int, n_funcs: int) -> None:
    rng = random.Random(seed)
    files = {"include/bladeworks.h": BLADE_H, "src/main.c": MAIN_C, "src/kerf.c": KERF_C}
    names = [f"{WORDS[i % len(WORDS)]}{i:02d}" for i in range(n_mods)]
    for i, nm in enumerate(names):
        files[f"src/{nm}.c"] = c_module(rng, i, n_funcs, i % 2 == 0)
    objs = " ".join(["build/main.o", "build/kerf.o"] + [f"build/{nm}.o" for nm in names])
    files["Makefile"] = (
        "CC = gcc\nCFLAGS = -Wall -Wextra -O1\nCPPFLAGS = -Iinclude\nLOOP = $(LOOP) -x\n\n"
        "-include local.mk\ninclude rules/saws.mk\n\n"
        f"OBJS = {objs}\n\nall: bladeworks yield.txt\n\nbladeworks: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\n"
        "build/%.o: src/%.c include/bladeworks.h | build\n\t$(CC) $(CPPFLAGS) $(CFLAGS) -c $< -o $@\n\n"
        "build:\n\tmkdir -p build\n\nyield.txt: tallies/week.csv\n\tcut -d, -f3 $< > $@\n\n"
        "sharpen:\n\t@echo sharpening\n\tfalse\n\nloop:\n\t@echo $(LOOP)\n\n"
        "release:\nifdef RELEASE\n\t$(error RELEASE needs a signed blade table)\nendif\n\t@echo release\n\n"
        ".PHONY: all sharpen loop release\n")
    cm.write_tree(root, files)


MAKE_PLAN = {"it": 37130, "ptbr": 37131, "uk": 37132, "pl": 37133, "cs": 37134, "ko": 37135, "fi": 37136}


def step_make(tmp: Path) -> None:
    for loc, seed in MAKE_PLAN.items():
        root = tmp / f"mk-{loc}"
        c_project(root, seed, 14 + (seed % 7) * 3, 4)
        cap(f"make-{loc}-k", f"make-{loc}",
            "make -k -j1 2>&1; echo EXIT=$?; mkdir -p rules && touch rules/saws.mk && make -k -j1 all sharpen loop "
            "2>&1 | tail -n 120; echo EXIT=$?; make RELEASE=1 release; echo EXIT=$?", root, loc)
    # cs gets a second item: the same run without the fragment, then the objects one at a time
    root = tmp / "mk-cs2"
    c_project(root, 37137, 10, 3)
    cm.run("mkdir -p rules && touch rules/saws.mk", cwd=root)
    cap("make-cs-objs", "make-cs", "for o in build/oak00.o build/ash01.o build/larch02.o build/elm03.o "
        "build/nothere.o; do make $o; echo EXIT=$?; done 2>&1; make -k 2>&1 | grep -v '^gcc'; echo EXIT=$?", root, "cs")
    # fi gets a long one: 76 modules, the fragment there
    root = tmp / "mk-fi-big"
    c_project(root, 37138, 76, 5)
    cm.run("mkdir -p rules && touch rules/saws.mk", cwd=root)
    cap("make-fi-big", "make-fi", "make -k -j1 2>&1; echo EXIT=$?", root, "fi")


GCC_PLAN = {"nl": [37140, 37141], "sv": [37142, 37145], "tr": [37143, 37146], "vi": [37144, 37147]}


def step_gcc(tmp: Path) -> None:
    for loc, seeds in GCC_PLAN.items():
        for j, seed in enumerate(seeds):
            root = tmp / f"c-{loc}{j}"
            c_project(root, seed, 10 + 4 * j, 4)
            if j == 0:
                cap(f"gcc-{loc}-build", f"gcc-{loc}", "gcc -Wall -Wextra -Iinclude -c src/*[0-9].c; echo EXIT=$?",
                    root, loc)
            else:
                cap(f"gcc-{loc}-link", f"gcc-{loc}", "gcc -Wall -Iinclude -o bladeworks src/main.c src/kerf.c 2>&1; "
                    "echo EXIT=$?; gcc -Wall -Wextra -Iinclude -c src/oak00.c src/larch02.c src/beech04.c; "
                    "echo EXIT=$?; grep -rn 'board_count\\|resaw_count' src include", root, loc)


# ------------------------------------------------------------------ material: git (sawpit)

GIT_ENV = {"GIT_AUTHOR_NAME": "Tam Sawyer", "GIT_AUTHOR_EMAIL": "tam@sawpit.example",
           "GIT_COMMITTER_NAME": "Tam Sawyer", "GIT_COMMITTER_EMAIL": "tam@sawpit.example", "GIT_CONFIG_NOSYSTEM": "1"}


def git_setup(root: Path, seed: int) -> dict:
    rng = random.Random(seed)
    home = root / "home"
    home.mkdir(parents=True, exist_ok=True)
    e = dict(GIT_ENV, HOME=str(home))
    sh = lambda c, cwd=root: cm.run(c, cwd=cwd, env=e, timeout=120)  # noqa: E731
    sh("git init -q --bare -b main origin.git && git clone -q origin.git work && git clone -q origin.git yard")
    w = root / "work"
    (w / "blades.tsv").write_text("blade\tteeth\tset_mm\n" + "".join(f"b{i}\t{20 + i}\t0.{5 + i % 4}\n" for i in range(12)))
    for i in range(24 + seed % 7):
        f = w / f"sawpit/{rng.choice(WORDS)}.py"
        f.parent.mkdir(parents=True, exist_ok=True)
        with f.open("a") as fh:
            fh.write(f"def cut_{i}(girth_cm):\n    return girth_cm // {i + 3}\n\n")
        sh(f"git add -A && git commit -q -m 'sawpit: {rng.choice(WORDS)} {rng.choice(['kerf', 'grade', 'tally'])} ({i})'", w)
    sh("git push -q origin main", w)
    sh("git pull -q origin main && sed -i 's/^b3\\t23/b3\\t26/' blades.tsv && git commit -qam 'yard: b3 retoothed' && "
       "git push -q origin main", root / "yard")
    sh("git checkout -q -b resaw && sed -i 's/^b3\\t23/b3\\t30/' blades.tsv && git commit -qam 'resaw: b3 coarse' && "
       "git checkout -q main && sed -i 's/^b3\\t23/b3\\t18/' blades.tsv && git commit -qam 'main: b3 fine'", w)
    sh("echo '# notes' >> sawpit/oak.py; touch sawpit/ash.py; echo x >> sawpit/ash.py", w)
    return e


GIT_PLAN = {"ru": 37150, "zh": 37151, "pl": 37152, "sv": 37153, "tr": 37154, "vi": 37155}


def step_git(tmp: Path) -> None:
    for loc, seed in GIT_PLAN.items():
        root = tmp / f"git-{loc}"
        ex = git_setup(root, seed)
        cap(f"git-{loc}-session", f"git-{loc}",
            "git rm sawpit/oak.py; git mv sawpit/ash.py sawpit/oak.py; git checkout -- sawpit/pine.py; "
            "git show v9.9; git stash -q; git merge resaw; git status; git diff; git push origin main; "
            "git log -n 20; echo EXIT=$?", root / "work", loc, extra=ex)
        if loc in ("zh", "tr"):
            cap(f"git-{loc}-log", f"git-{loc}", "git merge --abort; git log --stat -n 30; git branch -vv -a; "
                "git stash list", root / "work", loc, extra=ex)


# ------------------------------------------------------------------ material: msgfmt (the mill's messages)

PO_PLAN = {"es": 37160, "ru": 37161, "zh": 37162, "ko": 37163, "fi": 37164}


def po_file(rng: random.Random, n: int, lang: str) -> str:
    head = ('msgid ""\nmsgstr ""\n"Project-Id-Version: kerfline 1.2\\n"\n'
            f'"Language: {lang}\\n"\n"MIME-Version: 1.0\\n"\n"Content-Type: text/plain\\n"\n'
            '"Content-Transfer-Encoding: 8bit\\n"\n"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n')
    body = ""
    for i in range(n):
        r = rng.random()
        body += f"#: src/saw{i % 7}.c:{30 + i * 3}\n"
        if r < 0.06:
            body += f'#, c-format\nmsgid "Log %ld cut into %s boards ({i})"\nmsgstr "[{lang}] %s / %ld ({i})"\n\n'
        elif r < 0.11:
            body += f'#, c-format\nmsgid "Kerf %.1f mm on saw %d ({i})"\nmsgstr "[{lang}] %d / %.1f mm ({i})"\n\n'
        elif r < 0.15:
            body += (f'#, c-format\nmsgid "%d blade needs sharpening ({i})"\nmsgid_plural "%d blades need sharpening '
                     f'({i})"\nmsgstr[0] "[{lang}] %d ({i})"\nmsgstr[1] "[{lang}] ({i})"\n\n')
        elif r < 0.25:
            body += f'#, fuzzy\nmsgid "Stack {i} seasoned"\nmsgstr "[{lang}] {i}"\n\n'
        elif r < 0.30:
            body += f'msgid "Board {i} graded"\nmsgstr ""\n\n'
        else:
            body += f'#, c-format\nmsgid "Log %s: %d cm ({i})"\nmsgstr "[{lang}] %s: %d cm ({i})"\n\n'
    return head + body


def step_msgfmt(tmp: Path) -> None:
    for loc, seed in PO_PLAN.items():
        root = tmp / f"po-{loc}"
        root.mkdir(parents=True, exist_ok=True)
        rng = random.Random(seed)
        (root / "kerfline.po").write_text(po_file(rng, 260 + (seed % 5) * 60, loc))
        for i in range(3):
            (root / f"yard{i}.po").write_text(po_file(rng, 30, loc))
        cap(f"msgfmt-{loc}-all", f"msgfmt-{loc}", "for f in *.po; do echo \"== $f\"; msgfmt -c --statistics "
            "-o /dev/null \"$f\"; echo EXIT=$?; done 2>&1", root, loc)


STEPS = [step_shell, step_make, step_gcc, step_git, step_msgfmt]


def ensure_tools() -> None:
    for tool in ("gcc", "make", "git", "msgfmt", "setpriv", "localedef", "tar", "sed", "diff", "find"):
        cm.have(tool, tool)
    LOCPATH.mkdir(parents=True, exist_ok=True)
    for code in LOCALES.values():
        if not (LOCPATH / f"{code}.UTF-8").exists():
            cm.run(f"nice localedef -i {code} -f UTF-8 {LOCPATH}/{code}.UTF-8", timeout=300)
    os.chmod(SCRATCH, 0o755)
    os.chmod(LOCPATH, 0o755)


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, lambda: STEPS, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 40_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide371", sys.modules["__main__"])
    main()
