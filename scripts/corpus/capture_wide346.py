"""Round 346: everyday GNU outputs in ten more languages (Dutch, Swedish, Turkish, Vietnamese, Czech, Korean,
Finnish, Hungarian, Romanian, Danish), on a lock keeper's canal: gcc/g++ warnings and errors and ld undefined
references, make -k failures, git (a push rejected by a local bare repo, failed merges and rebases with status, log
and diff), chains of coreutils/findutils/grep/sed/tar/diff/bash commands over missing files and permissions, and
msgfmt -c on broken .po files. Every command runs with LANG=xx_YY.UTF-8 LANGUAGE=xx_YY (LC_ALL unset; the locales
made with localedef into the round's scratch, found through LOCPATH). Material is written here with faults put in
(seeds 34610+). One extractor, `n_canal`, with each locale's words (NEEDLES.md's "Round 346")."""

from __future__ import annotations

import os
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide346-"
DEFAULT_OUT = HERE / "data" / "wide346.json"
SCRATCH = Path(os.environ.get("HM_WIDE346_SCRATCH", "/dev/shm/hm-corpus-wide346"))
TMP = SCRATCH / "tmp"
LOCPATH = SCRATCH / "locales"

MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add = _SIZED.add

LOCALES = {"nl": "nl_NL", "sv": "sv_SE", "tr": "tr_TR", "vi": "vi_VN", "cs": "cs_CZ", "ko": "ko_KR",
           "fi": "fi_FI", "hu": "hu_HU", "ro": "ro_RO", "da": "da_DK"}

# ------------------------------------------------------------------ the rule (fixed before capture)

ERR_WORDS = {
    "nl": ["fout: ", "Fout ", "fatale fout", "ld gaf exit-status", "Bestand of map bestaat niet", "Toegang geweigerd"],
    "sv": ["fel: ", "Fel ", "ödesdigert", "KONFLIKT", "refuserad", "misslyckades", "kunde inte", "Kunde inte",
           "Filen eller katalogen finns inte", "Åtkomst nekas", "ld returnerade avslutningsstatus"],
    "tr": ["hata: ", "hatası", "onulmaz: ", "ÇAKIŞMA", "reddedildi", "itilemedi", "uygulanamadı", "başarısız",
           "Böyle bir dosya ya da dizin yok", "Erişim engellendi", "tanımsız başvuru", "ld çıkış durumu"],
    "vi": ["lỗi", "Lỗi", "XUNG ĐỘT", "Bị từ chối", "không thể", "Không có tập tin hoặc thư mục như vậy",
           "Không đủ quyền truy cập", "chưa xác định"],
    "cs": ["Chyba", "chyba", "kvůli chybám", "Adresář nebo soubor neexistuje", "Operace zamítnuta"],
    "ko": ["오류", "충돌", "거부됨", "실패", "치명적", "그런 파일이나 디렉터리가 없습니다", "허가 거부", "수 없습니다"],
    "fi": ["virhe", "Virhe", "Tiedostoa tai hakemistoa ei ole", "Lupa evätty", "ei tuotettu uudelleen",
           "ld:n paluuarvo"],
    "hu": ["hiba", "Nincs ilyen fájl vagy könyvtár", "Engedély megtagadva", "Ez egy könyvtár", "sikertelen",
           "nem lehet", "nem törölhető", "nem érhető el", "nem nyitható meg", "nem hozható létre"],
    "ro": ["eroare", "nu poate fi", "nu se poate", "eșec", "fără pereche"],
    "da": ["fejl", "Fejl", "Ingen sådan fil eller filkatalog", "Adgang nægtet", "Er et filkatalog", "kan ikke"],
}
EN_ERR_WORDS = ["No such file or directory", "Permission denied"]
WARN_WORDS = {"nl": ["let op: "], "sv": ["varning"], "tr": ["UYARI", "uyarı"], "vi": ["cảnh báo"],
              "cs": ["pozor", "upozornění"], "ko": ["경고"], "fi": ["varoitus"], "hu": ["figyelmeztetés"],
              "ro": ["avertisment", "atenție"], "da": ["advarsel"]}
EN_ERR = re.compile(r"\b(error|Error|fatal)\b")
EN_WARN = re.compile(r"\bwarning\b")
SHELL_TOOLS = ("ls", "cp", "rm", "cat", "mkdir", "chmod", "find", "grep", "sed", "tar", "diff", "bash", "touch",
               "head", "sort", "wc", "ln", "mv", "stat", "du", "xargs")
SHELL_PREFIX = re.compile(r"^(%s):" % "|".join(SHELL_TOOLS))
PO_LOC = re.compile(r"^\S+\.pot?:\d+:")
STATS = ("käännetty viesti", "번역된 메시지", "translated message")


def n_canal(loc: str, family_kind: str):
    """The round's rule for one locale and one kind family (gcc, make, git, shell, msgfmt)."""
    errs, warns = ERR_WORDS[loc] + EN_ERR_WORDS, WARN_WORDS[loc]

    def is_err(ln: str) -> bool:
        return any(w in ln for w in errs) or bool(EN_ERR.search(ln))

    def is_warn(ln: str) -> bool:
        return any(w in ln for w in warns) or bool(EN_WARN.search(ln))

    def ext(lines: list[str]) -> list:
        out: list = []
        wpairs = []
        for i, ln in enumerate(lines):
            s = ln.strip()
            if not s:
                continue
            if is_err(ln):
                out.append(ln)
            elif is_warn(ln):
                flag = re.search(r"\[(-W[\w=+-]+)\]", ln)
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
                if PO_LOC.match(ln) and not is_warn(ln):
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
        return out + cm.groups(wpairs)

    return ext


FAMILIES = {"gcc": "build", "make": "build", "git": "git", "shell": "log", "msgfmt": "lint"}
KIND_LOCS = {"gcc": ["nl", "sv", "tr", "vi"], "make": ["cs", "ko", "fi"], "git": ["sv", "tr", "ko", "vi"],
             "shell": ["hu", "ro", "da"], "msgfmt": ["fi", "ko"]}
EXT = {}
for _fam, _locs in KIND_LOCS.items():
    for _l in _locs:
        EXT[f"{_fam}-{_l}"] = cm.named(
            f"{_fam}-{_l}", FAMILIES[_fam],
            f"round 346's n_canal for {_l}: lines with the locale's (or English) error words, ld lines, "
            f"{'tool-prefixed lines, ' if _fam == 'shell' else ''}"
            f"{'po:N: lines, msgfmt: lines, statistics, ' if _fam == 'msgfmt' else ''}"
            f"{'commit hashes+subjects, tab-indented status paths, -> ref lines, ' if _fam == 'git' else ''}"
            "*** and EXIT≠0 lines; warnings one any per (flag or shape, file)",
            n_canal(_l, _fam))


def env_of(loc: str, extra: dict | None = None) -> dict:
    code = LOCALES[loc]
    e = {"LC_ALL": None, "LANG": f"{code}.UTF-8", "LANGUAGE": code, "LOCPATH": str(LOCPATH)}
    e.update(extra or {})
    return e


def cap(item_id: str, kind: str, command: str, cwd: Path, loc: str, typed: str | None = None,
        extra: dict | None = None, timeout: int = 300) -> None:
    raw = cm.run(command, cwd=cwd, env=env_of(loc, extra), timeout=timeout)
    add(item_id, typed or command, raw, EXT[kind])


def sh_quote(s: str) -> str:
    return "'" + s.replace("'", "'\\''") + "'"


# ------------------------------------------------------------------ material: C (lockgate)

C_HEAD = '#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\n#include "lockgate.h"\n\n'
LOCKGATE_H = """#ifndef LOCKGATE_H
#define LOCKGATE_H
#include <stddef.h>
struct barge { const char *name; int draught_cm; int beam_cm; long toll_cents; };
struct lock { const char *name; int rise_cm; int paddles; };
long barge_toll(const struct barge *b, const struct lock *l);
long lockage_sum(const struct barge *bs, size_t n, const struct lock *l);
int parse_barge(const char *line, struct barge *out);
void print_passage_log(const struct barge *bs, size_t n);
int sluice_fill_seconds(const struct lock *l, int paddles_open);
#endif
"""

C_FAULTS = [
    ("int {f}(int paddles) {{\n    int unused_{f} = paddles * 2;\n    return paddles + 1;\n}}\n", "warn-unused"),
    ("int {f}(const char *barge) {{\n    printf(\"%d barges waiting\\n\", barge);\n    return 0;\n}}\n", "warn-format"),
    ("int {f}(unsigned rise, int level) {{\n    if (level < rise) return 1;\n}}\n", "warn-sign+return"),
    ("long {f}(const struct barge *b) {{\n    return b->toll_cents * b->beam_cm\n}}\n", "err-semicolon"),
    ("int {f}(int rise) {{\n    return rise + weir_height_{f};\n}}\n", "err-undeclared"),
    ("int {f}(void) {{\n    char *gate = 42;\n    int *paddle = \"up\";\n    return *paddle + (int)(long)gate;\n}}\n",
     "warn-conv"),
    ("int {f}(struct barge *b) {{\n    return b->length_cm;\n}}\n", "err-member"),
    ("int {f}(int rise) {{\n    return towpath_{f}(rise, 2);\n}}\n", "warn-implicit"),
    ("double {f}(double head) {{\n    double flow;\n    return head * flow;\n}}\n", "warn-uninit"),
    ("int {f}(const struct lock *l) {{\n    switch (l->paddles) {{\n    case 1: return 60;\n    case 2: return 40;\n"
     "    case 1: return 30;\n    }}\n    return 0;\n}}\n", "err-dup-case"),
    ("int {f}(int n) {{\n    int chambers[4];\n    for (int i = 0; i <= 4; i++) chambers[i] = n;\n    return chambers[0];\n}}\n",
     "ok"),
    ("int {f}(int rise_cm) {{\n    return rise_cm * 3;\n}}\n", "ok"),
]

WORDS = ["sluice", "paddle", "weir", "gate", "chamber", "towpath", "barge", "mitre", "culvert", "cill", "pound", "lockage"]


def c_module(rng: random.Random, idx: int, n_funcs: int, broken: bool) -> str:
    body = C_HEAD
    for j in range(n_funcs):
        f = f"{rng.choice(WORDS)}{idx}_{j}"
        pool = C_FAULTS if broken else C_FAULTS[-2:]
        tpl, _ = rng.choice(pool)
        body += tpl.format(f=f) + "\n"
    return body


MAIN_C = C_HEAD + """
int main(int argc, char **argv) {
    struct lock l = {"Hatton 21", 180, 4};
    struct barge bs[3] = {{"Kingfisher", 110, 210, 0}, {"Otter", 95, 208, 0}, {"Heron", 120, 213, 0}};
    long t = lockage_sum(bs, 3, &l);
    struct barge b;
    if (argc > 1 && parse_barge(argv[1], &b) == 0)
        t += barge_toll(&b, &l);
    print_passage_log(bs, 3);
    printf("fill %d s, tolls %ld\\n", sluice_fill_seconds(&l, 2), t);
    return 0;
}
"""

TOLL_C = C_HEAD + """
long barge_toll(const struct barge *b, const struct lock *l) { return (long)b->beam_cm * l->rise_cm / 10; }
"""

LOCKS_CPP = r"""#include <iostream>
#include <map>
#include <string>
#include <vector>
#include <memory>
#include <algorithm>

struct Barge { std::string name; int draught_cm; long toll; };

template <typename T>
T total_of(const std::vector<T> &v) {
    T acc{};
    for (const auto &x : v) acc += x;
    return acc;
}

class LockFlight {
public:
    void enter(const Barge &b) { queue_.push_back(b); }
    long tolls() const { return total_of(queue_); }
    const Barge *find(const std::string &name) const {
        auto it = std::find(queue_.begin(), queue_.end(), name);
        return it == queue_.end() ? nullptr : &*it;
    }
private:
    std::vector<Barge> queue_;
};

int main() {
    LockFlight f;
    f.enter({"Kingfisher", 110, 450});
    f.enter("Otter", 95, 380);
    std::map<std::string, int> rise;
    rise.insert(std::make_pair(21, "Hatton"));
    std::unique_ptr<Barge> p = new Barge{"Heron", 120, 500};
    int n = f.tolls();
    unsigned paddles = 4;
    if (n < paddles) std::cout << "cheap\n";
    std::cout << f.find("Otter")->toll << std::endl
    return 0;
}
"""


def c_project(root: Path, seed: int, n_mods: int, n_funcs: int, broken_every: int) -> None:
    rng = random.Random(seed)
    files = {"include/lockgate.h": LOCKGATE_H, "src/main.c": MAIN_C, "src/toll.c": TOLL_C,
             "src/locks.cpp": LOCKS_CPP}
    for i in range(n_mods):
        files[f"src/{WORDS[i % len(WORDS)]}{i:02d}.c"] = c_module(rng, i, n_funcs, i % broken_every == 0)
    objs = " ".join(["build/main.o", "build/toll.o"] +
                    [f"build/{WORDS[i % len(WORDS)]}{i:02d}.o" for i in range(n_mods)])
    files["Makefile"] = (
        "CC ?= gcc\nCFLAGS ?= -Wall -Wextra -O1\nCPPFLAGS = -Iinclude\n\n"
        f"OBJS = {objs}\n\nall: lockgate\n\nlockgate: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\n"
        "build/%.o: src/%.c include/lockgate.h | build\n\t$(CC) $(CPPFLAGS) $(CFLAGS) -c $< -o $@\n\n"
        "build:\n\tmkdir -p build\n\ncheck: lockgate\n\t./lockgate Kestrel,105,210,0\n\n"
        "charts:\n\t$(MAKE) -C charts pdf\n\ntimetable.txt: passages.csv\n\tsort -t, -k2 passages.csv > $@\n\n"
        ".PHONY: all check charts\n")
    cm.write_tree(root, files)


def step_gcc(tmp: Path) -> None:
    for n, loc in enumerate(["nl", "sv", "tr", "vi"]):
        root = tmp / f"c-{loc}"
        c_project(root, 34610 + n, 8 + 3 * n, 4, 2)
        k = f"gcc-{loc}"
        cap(f"{k}-compile", k, "gcc -Wall -Wextra -Iinclude -c src/*[0-9].c 2>&1 | head -n 400; echo EXIT=$?", root, loc)
        cap(f"{k}-cxx", k, "g++ -Wall -Wextra -std=c++17 -c src/locks.cpp -o /dev/null", root, loc)
        cap(f"{k}-link", k, "gcc -Wall -Iinclude -o lockgate src/main.c src/toll.c src/paddle01.c 2>&1; echo EXIT=$?; "
            "grep -rn 'lockage_sum\\|parse_barge\\|print_passage_log\\|sluice_fill_seconds' src include", root, loc)
        if loc in ("nl", "tr"):
            big = tmp / f"cbig-{loc}"
            c_project(big, 34620 + n, 22 + 6 * n, 5, 2)
            cap(f"{k}-big", k, "gcc -Wall -Wextra -Wpedantic -std=c99 -Iinclude -c src/*[0-9].c; echo EXIT=$?", big, loc)


def step_make(tmp: Path) -> None:
    for n, loc in enumerate(["cs", "ko", "fi"]):
        root = tmp / f"mk-{loc}"
        c_project(root, 34630 + n, 10 + 4 * n, 4, 3)
        k = f"make-{loc}"
        cap(f"{k}-k", k, "make -k -j1 2>&1; echo EXIT=$?", root, loc)
        cap(f"{k}-check", k, "make -k check charts timetable.txt 2>&1 | tail -n 60; echo EXIT=$?", root, loc)
        if loc == "fi":
            big = tmp / f"mkbig-{loc}"
            c_project(big, 34635, 48, 5, 2)
            cap(f"{k}-big", k, "make -k -j1 2>&1; echo EXIT=$?", big, loc)


# ------------------------------------------------------------------ material: git (towpath)

GIT_ENV = {"GIT_AUTHOR_NAME": "Maren Lockwood", "GIT_AUTHOR_EMAIL": "maren@towpath.example",
           "GIT_COMMITTER_NAME": "Maren Lockwood", "GIT_COMMITTER_EMAIL": "maren@towpath.example",
           "GIT_CONFIG_NOSYSTEM": "1"}


def git_setup(root: Path, seed: int) -> None:
    rng = random.Random(seed)
    home = root / "home"
    home.mkdir(parents=True, exist_ok=True)
    e = dict(GIT_ENV, HOME=str(home))
    sh = lambda c, cwd=root: cm.run(c, cwd=cwd, env=e, timeout=120)  # noqa: E731
    sh("git init -q --bare -b main origin.git && git clone -q origin.git work && git clone -q origin.git keeper")
    w = root / "work"
    for i in range(16 + seed % 7):
        f = w / f"towpath/{rng.choice(WORDS)}.py"
        f.parent.mkdir(parents=True, exist_ok=True)
        with f.open("a") as fh:
            fh.write(f"def passage_{i}(level_cm):\n    return level_cm + {i * 5}\n\n")
        sh(f"git add -A && git commit -q -m 'towpath: {rng.choice(WORDS)} {rng.choice(['fix', 'add', 'tidy'])} "
           f"({i})'", w)
    (w / "canal.ini").write_text("[lock]\nrise_cm = 180\npaddles = 4\ntoll_per_metre = 0.35\nnight_passage = no\n")
    sh("git add -A && git commit -q -m 'canal: lock defaults' && git push -q origin main", w)
    sh("git pull -q origin main", root / "keeper")
    sh("git checkout -q -b feature/night-tolls && sed -i 's/0.35/0.50/; s/night_passage = no/night_passage = yes/' "
       "canal.ini && printf 'def passage_0(level_cm):\\n    return level_cm * 2\\n' > towpath/sluice.py && "
       "git add -A && git commit -qm 'tolls: night passage surcharge' && git checkout -q main", w)
    sh("sed -i 's/0.35/0.30/; s/paddles = 4/paddles = 2/' canal.ini && "
       "printf 'def passage_0(level_cm):\\n    return level_cm - 15\\n' > towpath/sluice.py && "
       "git add -A && git commit -qm 'canal: winter paddles'", w)
    sh("echo 'stoppage: Hatton 21 gates relined' > STOPPAGES.md && git add STOPPAGES.md && "
       "git commit -qm 'notices: winter stoppages' && git push -q origin main", root / "keeper")
    (w / "tally.tmp").write_text("barges 14\n")
    (w / "README.md").write_text("# towpath\n")


def step_git(tmp: Path) -> None:
    for n, loc in enumerate(["sv", "tr", "ko", "vi"]):
        root = tmp / f"git-{loc}"
        git_setup(root, 34640 + n)
        w = root / "work"
        k = f"git-{loc}"
        ex = dict(GIT_ENV, HOME=str(root / "home"))
        cap(f"{k}-push", k, "git push origin main 2>&1; echo EXIT=$?; git status; git log -n 12", w, loc, extra=ex)
        cap(f"{k}-merge", k, "git merge feature/night-tolls; echo EXIT=$?; git status; git diff", w, loc, extra=ex)
        cm.run("git merge --abort", cwd=w, env=env_of(loc, ex))
        cap(f"{k}-rebase", k, "git checkout -q feature/night-tolls && git rebase main; echo EXIT=$?; git status; "
            "git log --stat -n 8 main", w, loc, extra=ex)
        cm.run("git rebase --abort", cwd=w, env=env_of(loc, ex))
        if loc in ("sv", "tr"):
            cap(f"{k}-log", k, "git checkout -q main; git log -n 25 --stat; git branch -vv; git stash list", w, loc,
                extra=ex)


# ------------------------------------------------------------------ material: shell chains

def shell_tree(root: Path, seed: int) -> None:
    rng = random.Random(seed)
    for d in ("passages", "tolls", "conf", "keeper", "out"):
        (root / d).mkdir(parents=True, exist_ok=True)
    for i in range(36):
        (root / "passages" / f"lock-{i:02d}.log").write_text(
            "".join(f"2026-12-02T06:{m:02d}:00 {rng.choice(['INFO', 'INFO', 'WARN', 'ERROR'])} lock{i} "
                    f"{rng.choice(['fill', 'empty', 'gate open', 'paddle jam', 'barge through'])} {m}\n"
                    for m in range(rng.randint(3, 30))))
    for i in range(10):
        (root / "tolls" / f"day{i}.csv").write_text(
            "barge,beam_cm,toll\n" + "".join(f"{rng.choice(WORDS)}{j},{rng.randint(190, 215)},{rng.randint(100, 900)}\n"
                                             for j in range(20)))
    (root / "conf" / "lock.conf").write_text("rise_cm=180\npaddles=4\n")
    (root / "conf" / "lock.conf.new").write_text("rise_cm=185\npaddles=4\nnight=yes\n")
    (root / "keeper" / "keys.txt").write_text("gate keys\n")
    os.chmod(root / "keeper", 0o700)
    os.chmod(root / "out", 0o555)
    for d in ("", "passages", "tolls", "conf"):
        os.chmod(root / d, 0o755)


def shell_chains(tmp: Path) -> list[tuple[str, str]]:
    return [
        ("files", "ls -la passages/ tolls/ stoppages/; cat conf/lock.conf conf/weir.conf; cp tolls/day1.csv out/; "
                  "mkdir out/winter; rm -r keeper; touch out/tally; ln -s conf/lock.conf out/lock.conf; echo EXIT=$?"),
        ("search", "find . -name '*.log' -newer conf/weir.conf; find keeper -type f; grep -rn ERROR passages/ | head -n 80; "
                   "grep -c 'paddle jam' passages/*.log nolock.log; grep -E 'lock(' passages/lock-01.log; "
                   "sed -n '1,2p' conf/lock.conf conf/gone.conf; sed -e 's/rise/r/q' conf/lock.conf; echo EXIT=$?"),
        ("archive", f"tar czf out/passages.tgz passages; tar czf {tmp}/p.tgz passages keeper nothing; "
                    "tar tzf missing.tgz; diff conf/lock.conf conf/lock.conf.new; diff -r conf keeper; "
                    "diff -u conf/lock.conf conf/none.conf; wc -l tolls/*.csv notolls.csv; sort -u tolls/day3.csv nosuch; "
                    "for f in passages/*.log; do head -n 2 \"$f\"; done | tail -n 40; "
                    "lockctl --fill 21; cd keeper; ./sluice.sh; eval \"if then\"; echo EXIT=$?"),
    ]


def step_shell(tmp: Path) -> None:
    for n, loc in enumerate(["hu", "ro", "da"]):
        root = tmp / f"sh-{loc}"
        shell_tree(root, 34650 + n)
        k = f"shell-{loc}"
        for name, chain in shell_chains(tmp):
            cap(f"{k}-{name}", k, f"setpriv --reuid=nobody --regid=nogroup --clear-groups bash -c {sh_quote(chain)} 2>&1",
                root, loc, typed=chain, extra={"HOME": str(root)})


# ------------------------------------------------------------------ material: msgfmt

PO_WORDS = {"fi": {"barge": "Proomu", "waits": "odottaa", "toll": "Maksu", "barges": ("proomu", "proomua"),
                   "jam": "Luukku jumissa", "gate": "Portti", "open": "auki", "rise": "Nousu", "at": "kohteessa",
                   "lock": "Sulku"},
            "ko": {"barge": "바지선", "waits": "대기 중", "toll": "통행료", "barges": ("바지선", "바지선들"),
                   "jam": "수문 걸림", "gate": "갑문", "open": "열림", "rise": "수위 상승", "at": "위치",
                   "lock": "갑문"}}


def po_file(rng: random.Random, n: int, broken: bool, lang: str) -> str:
    w = PO_WORDS[lang]
    head = ('msgid ""\nmsgstr ""\n"Project-Id-Version: lockgate 2.3\\n"\n'
            f'"Language: {lang}\\n"\n'
            '"MIME-Version: 1.0\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Content-Transfer-Encoding: 8bit\\n"\n'
            + ('"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n' if not broken else "") + "\n")
    body = ""
    for i in range(n):
        r = rng.random() if broken else 1.0
        body += f"#: src/sluice{i % 7}.c:{12 + i * 3}\n"
        if r < 0.08:
            body += f'#, c-format\nmsgid "Barge %s waits at lock %d"\nmsgstr "{w["barge"]} {i} {w["waits"]} %s"\n\n'
        elif r < 0.14:
            body += f'#, fuzzy\nmsgid "Toll for passage {i}"\nmsgstr "{w["toll"]} {i}"\n\n'
        elif r < 0.18:
            body += (f'msgid "{i} barge in the chamber"\nmsgid_plural "{i} barges in the chamber"\n'
                     f'msgstr[0] "{w["barges"][0]}"\nmsgstr[1] "{w["barges"][1]}"\n\n')
        elif r < 0.21:
            body += f'msgid "Paddle jammed"\nmsgstr "{w["jam"]}"\n\n'
        elif r < 0.23:
            body += f'msgid "Gate {i} open\\n"\nmsgstr "{w["gate"]} {i} {w["open"]}"\n\n'
        elif r < 0.25:
            body += f'msgid "Weir {i} overflow\nmsgstr "x"\n\n'
        elif r < 0.35:
            body += f'msgid "Untranslated lock notice {i}"\nmsgstr ""\n\n'
        else:
            body += (f'#, c-format\nmsgid "Rise %d cm at %s (lock {i})"\nmsgstr "{w["rise"]} %d cm {w["at"]} %s ({i})"\n\n'
                     if i % 5 == 0 else f'msgid "Lock {i}"\nmsgstr "{w["lock"]} {i}"\n\n')
    return head + body


def step_msgfmt(tmp: Path) -> None:
    for n, loc in enumerate(["fi", "ko"]):
        root = tmp / f"po-{loc}"
        root.mkdir(parents=True, exist_ok=True)
        rng = random.Random(34660 + n)
        (root / "sluice.po").write_text(po_file(rng, 110, True, loc))
        (root / "lockgate.po").write_text(po_file(rng, 500 + 300 * n, True, loc))
        for i in range(4):
            (root / f"ok{i}.po").write_text(po_file(rng, 30, False, loc))
        k = f"msgfmt-{loc}"
        cap(f"{k}-small", k, "msgfmt -c --statistics -o /dev/null sluice.po; echo EXIT=$?", root, loc)
        cap(f"{k}-all", k, "for f in *.po; do echo \"== $f\"; msgfmt -c -v --statistics -o /dev/null \"$f\"; done 2>&1; "
            "echo EXIT=$?", root, loc)


STEPS = [step_gcc, step_make, step_git, step_shell, step_msgfmt]


def ensure_tools() -> None:
    """gcc/g++ 12 (gcc-12-locales), make, git, coreutils, msgfmt and setpriv are on this machine; the ten locales
    are made once with localedef into the round's scratch (LOCPATH), the system's archive untouched."""
    for tool in ("gcc", "g++", "make", "git", "msgfmt", "setpriv", "localedef"):
        cm.have(tool, tool)
    LOCPATH.mkdir(parents=True, exist_ok=True)
    for code in LOCALES.values():
        if not (LOCPATH / f"{code}.UTF-8").exists():
            cm.run(f"localedef -i {code} -f UTF-8 {LOCPATH}/{code}.UTF-8", timeout=300)
    os.chmod(SCRATCH, 0o755)


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, lambda: STEPS, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 40_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide346", sys.modules["__main__"])
    main()
