"""Round 353: second samples of round 346's sixteen kinds (gcc, make, git, shell chains and msgfmt in Dutch, Swedish,
Turkish, Vietnamese, Czech, Korean, Finnish, Hungarian, Romanian, Danish) on a salt marsh's sluices and pans, with
other faults than round 346's and larger outputs: builds of many files, long make -k runs, long shell sessions. No
new rule: the needles come from round 346's extractor, imported (`capture_wide346.EXT`, its `n_canal`). Every
command runs with LANG=xx_YY.UTF-8 LANGUAGE=xx_YY (LC_ALL unset; the locales made with localedef into this round's
scratch, found through LOCPATH). Material is written here with faults put in (seeds 35310+)."""

from __future__ import annotations

import os
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide346 as w346  # noqa: E402  (the rule: round 346's n_canal, one extractor per kind)

ID_PREFIX = "wide353-"
DEFAULT_OUT = HERE / "data" / "wide353.json"
SCRATCH = Path(os.environ.get("HM_WIDE353_SCRATCH", "/dev/shm/hm-corpus-wide353"))
TMP = SCRATCH / "tmp"
LOCPATH = SCRATCH / "locales"

_SIZED = cm.Sized(400, 120_000)
add = _SIZED.add
EXT = w346.EXT
LOCALES = w346.LOCALES


def env_of(loc: str, extra: dict | None = None) -> dict:
    code = LOCALES[loc]
    e = {"LC_ALL": None, "LANG": f"{code}.UTF-8", "LANGUAGE": code, "LOCPATH": str(LOCPATH)}
    e.update(extra or {})
    return e


def cap(item_id: str, kind: str, command: str, cwd: Path, loc: str, typed: str | None = None,
        extra: dict | None = None, timeout: int = 400) -> None:
    raw = cm.run(command, cwd=cwd, env=env_of(loc, extra), timeout=timeout)
    add(item_id, typed or command, raw, EXT[kind])


sh_quote = w346.sh_quote

# ------------------------------------------------------------------ material: C (brinegate)

C_HEAD = '#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\n#include "brinegate.h"\n\n'
BRINEGATE_H = """#ifndef BRINEGATE_H
#define BRINEGATE_H
#include <stddef.h>
struct pan { const char *name; int area_m2; int depth_mm; double salinity_ppt; };
struct sluice { const char *name; int width_cm; int open_pct; };
double pan_yield_kg(const struct pan *p, int days);
int sluice_flow(const struct sluice *s, int head_cm);
int parse_pan(const char *line, struct pan *out);
void print_harvest(const struct pan *ps, size_t n);
long tide_offset(int gauge, long minutes);
#endif
"""

C_FAULTS = [
    ("int {f}(int tide) {{\n    int level = 0;\n    if (level = tide) return 1;\n    return 0;\n}}\n", "warn-parentheses"),
    ("int {f}(int gauge) {{\n    if (gauge > 3)\n        gauge -= 3;\n        return gauge;\n    return 0;\n}}\n",
     "warn-misleading"),
    ("int {f}(int pans) {{\n    return pans / 0;\n}}\n", "warn-div-zero"),
    ("int {f}(int depth) {{\n    int brine = depth;\n    {{\n        int brine = depth * 2;\n        depth += brine;\n"
     "    }}\n    return depth + brine;\n}}\n", "warn-shadow"),
    ("int {f}(int open) {{\n    if (open > 90);\n    return open;\n}}\n", "warn-empty-body"),
    ("static int {f}_unused(int x) {{\n    return x * 7;\n}}\n", "warn-unused-function"),
    ("int {f}(int days) {{\n    int evaporated = 0;\n    evaporated = days * 3;\n    return days;\n}}\n",
     "warn-set-unused"),
    ("void {f}(int pct) {{\n    if (pct > 100) return pct;\n}}\n", "warn-return-void"),
    ("int {f}(const struct pan *p) {{\n    struct sluice *s = p;\n    return s->width_cm;\n}}\n", "warn-incompat-ptr"),
    ("int tide_offset(int gauge, long minutes) {{\n    return gauge + (int)minutes;\n}}\nint {f}(void) {{ return 1; }}\n",
     "err-conflicting"),
    ("int {f}(const struct sluice *s) {{\n    return sluice_flow(s);\n}}\n", "err-too-few"),
    ("int {f}(const struct pan *p) {{\n    return parse_pan(\"x\", (struct pan *)p, 3);\n}}\n", "err-too-many"),
    ("int {f}(const struct pan *p) {{\n    int n = print_harvest(p, 1);\n    return n;\n}}\n", "err-void-value"),
    ("int {f}(void) {{\n    struct tidegauge g;\n    return 0;\n}}\n", "err-storage-size"),
    ("int {f}(int head_cm) {{\n    return head_cm * 4;\n}}\n", "ok"),
    ("double {f}(double ppt) {{\n    return ppt * 1.025;\n}}\n", "ok"),
]

WORDS = ["sluice", "brine", "pan", "saltern", "creek", "tide", "gauge", "sump", "culvert", "flap", "samphire",
         "evaporator", "crystalliser", "dyke"]


def c_module(rng: random.Random, idx: int, n_funcs: int, broken: bool, fatal: bool) -> str:
    body = C_HEAD + ('#include "tides.h"\n\n' if fatal else "")
    for j in range(n_funcs):
        f = f"{rng.choice(WORDS)}{idx}_{j}"
        pool = C_FAULTS if broken else C_FAULTS[-2:]
        tpl, _ = rng.choice(pool)
        body += tpl.format(f=f) + "\n"
    return body


MAIN_C = C_HEAD + """
int main(int argc, char **argv) {
    struct pan ps[3] = {{"North pan", 1200, 40, 31.5}, {"Reed pan", 900, 35, 33.0}, {"Old pan", 1500, 50, 29.8}};
    struct sluice s = {"Creek sluice", 80, 60};
    struct pan p;
    double kg = pan_yield_kg(&ps[0], 14);
    if (argc > 1 && parse_pan(argv[1], &p) == 0)
        kg += pan_yield_kg(&p, 14);
    print_harvest(ps, 3);
    printf("flow %d, tide %ld, yield %.1f kg\\n", sluice_flow(&s, 45), tide_offset(2, 90), kg);
    return 0;
}
"""

YIELD_C = C_HEAD + """
double pan_yield_kg(const struct pan *p, int days) { return p->area_m2 * p->salinity_ppt * days / 1000.0; }
int sluice_flow(const struct sluice *s, int head_cm) { return s->width_cm * s->open_pct * head_cm / 100; }
"""

DUP_C = C_HEAD + """
double pan_yield_kg(const struct pan *p, int days) { return p->area_m2 * days / 900.0; }
int sump_level = 3;
"""
DUP2_C = C_HEAD + "int sump_level = 4;\nint sluice_flow(const struct sluice *s, int head_cm) { return head_cm; }\n"

PANS_CPP = r"""#include <iostream>
#include <map>
#include <string>
#include <vector>
#include <memory>
#include <algorithm>
#include <set>

struct Pan { std::string name; int area_m2; double salinity; };

class Gauge {
public:
    virtual ~Gauge() = default;
    virtual double read(int minute) const = 0;
    virtual std::string site() const = 0;
};

class CreekGauge : public Gauge {
public:
    double read(int minute) override { return minute * 0.5; }
    std::string site() const override { return "creek"; }
    int calibrate() const override { return 1; }
};

class Saltern {
public:
    void add(const Pan &p) { pans_.push_back(p); }
    double harvest() const {
        double t = 0;
        for (auto &p : pans_) { p.salinity += 1.0; t += p.area_m2; }
        return t;
    }
    const Pan &best() const { return *std::max_element(pans_.begin(), pans_.end()); }
private:
    std::vector<Pan> pans_;
};

int main() {
    Saltern s;
    s.add(Pan{"North", 1200, 31.5});
    s.add("Reed", 900);
    Gauge g;
    std::set<Pan> seen;
    seen.insert(Pan{"Old", 1500, 29.8});
    std::map<int, std::string> sluices{{1, "Creek"}, {2, "Dyke"}};
    sluices.emplace("three", 3);
    std::unique_ptr<Gauge> cg = std::make_unique<CreekGauge>();
    std::sort(sluices.begin(), sluices.end());
    std::cout << s.best().name << " " << s.harvest() << std::endl;
    return 0;
}
"""


def c_project(root: Path, seed: int, n_mods: int, n_funcs: int, broken_every: int, fatal_every: int = 0) -> None:
    rng = random.Random(seed)
    files = {"include/brinegate.h": BRINEGATE_H, "src/main.c": MAIN_C, "src/yield.c": YIELD_C,
             "src/pans.cpp": PANS_CPP, "dup/dup.c": DUP_C, "dup/dup2.c": DUP2_C}
    names = [f"{WORDS[i % len(WORDS)]}{i:02d}" for i in range(n_mods)]
    for i, nm in enumerate(names):
        fatal = bool(fatal_every) and i % fatal_every == fatal_every - 1
        files[f"src/{nm}.c"] = c_module(rng, i, n_funcs, i % broken_every == 0, fatal)
    objs = " ".join(["build/main.o", "build/yield.o"] + [f"build/{nm}.o" for nm in names])
    files["Makefile"] = (
        "CC ?= gcc\nCFLAGS ?= -Wall -Wextra -Wshadow -O1\nCPPFLAGS = -Iinclude\n\n"
        f"OBJS = {objs}\n\nall: brinegate report.txt\n\nbrinegate: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\n"
        "build/%.o: src/%.c include/brinegate.h | build\n\t$(CC) $(CPPFLAGS) $(CFLAGS) -c $< -o $@\n\n"
        + "".join(f"build/{nm}.o: include/tides.h\n" for nm in names[5::17]) + "\n"
        "build:\n\tmkdir -p build\n\nreport.txt: pans.csv\n\tbrinectl --report pans.csv > $@\n\n"
        "check: brinegate\n\t./brinegate 'Samphire pan,700,30,34.1'\n\n"
        "maps:\n\t$(MAKE) -C maps svg\n\ntides: tides.csv\n\tsort -t, -k3 tides.csv > tides.sorted\n\n"
        "tides: tides.json\n\tjq . tides.json > tides.sorted\n\n"
        ".PHONY: all check maps\n")
    files["pans.csv"] = "pan,area_m2,depth_mm,salinity\nNorth,1200,40,31.5\n"
    cm.write_tree(root, files)


GCC_LOCS = ["nl", "sv", "tr", "vi"]


def step_gcc(tmp: Path) -> None:
    for n, loc in enumerate(GCC_LOCS):
        k = f"gcc-{loc}"
        root = tmp / f"c-{loc}"
        c_project(root, 35310 + n, 30 + 8 * n, 5, 2, fatal_every=13)
        cap(f"{k}-build", k, "gcc -Wall -Wextra -Wshadow -Iinclude -c src/*[0-9].c; echo EXIT=$?", root, loc)
        cap(f"{k}-cxx", k, "g++ -Wall -Wextra -std=c++17 -c src/pans.cpp -o /dev/null 2>&1 | head -n 300", root, loc)
        cap(f"{k}-link", k, "gcc -Wall -Iinclude -o brinegate src/main.c src/yield.c dup/dup.c dup/dup2.c 2>&1; "
            "echo EXIT=$?; gcc -Iinclude -o brinegate src/main.c 2>&1; echo EXIT=$?; "
            "grep -rn 'tide_offset\\|parse_pan\\|print_harvest\\|sump_level' src include dup", root, loc)


def step_make(tmp: Path) -> None:
    for n, loc in enumerate(["cs", "ko", "fi"]):
        k = f"make-{loc}"
        root = tmp / f"mk-{loc}"
        c_project(root, 35330 + n, 40 + 8 * n, 5, 2, fatal_every=11)
        cap(f"{k}-k", k, "make -k -j1 2>&1; echo EXIT=$?", root, loc)
        cap(f"{k}-targets", k, "make -k check maps tides report.txt 2>&1 | tail -n 80; echo EXIT=$?", root, loc)
        small = tmp / f"mks-{loc}"
        c_project(small, 35335 + n, 8, 4, 3)
        cm.run("touch include/tides.h", cwd=small)
        cap(f"{k}-small", k, "make -k -j1 brinegate 2>&1; echo EXIT=$?", small, loc)


# ------------------------------------------------------------------ material: git (marshdyke)

GIT_ENV = {"GIT_AUTHOR_NAME": "Ines Saltmarsh", "GIT_AUTHOR_EMAIL": "ines@marshdyke.example",
           "GIT_COMMITTER_NAME": "Ines Saltmarsh", "GIT_COMMITTER_EMAIL": "ines@marshdyke.example",
           "GIT_CONFIG_NOSYSTEM": "1"}


def git_setup(root: Path, seed: int) -> None:
    rng = random.Random(seed)
    home = root / "home"
    home.mkdir(parents=True, exist_ok=True)
    e = dict(GIT_ENV, HOME=str(home))
    sh = lambda c, cwd=root: cm.run(c, cwd=cwd, env=e, timeout=120)  # noqa: E731
    sh("git init -q --bare -b main origin.git && git clone -q origin.git work && git clone -q origin.git warden")
    w = root / "work"
    for i in range(40 + seed % 9):
        f = w / f"marshdyke/{rng.choice(WORDS)}.py"
        f.parent.mkdir(parents=True, exist_ok=True)
        with f.open("a") as fh:
            fh.write(f"def pan_{i}(depth_mm):\n    return depth_mm * {i + 2}\n\n")
        if i % 4 == 0:
            (w / f"data/pan{i:02d}.csv").parent.mkdir(parents=True, exist_ok=True)
            (w / f"data/pan{i:02d}.csv").write_text("day,salinity\n" + "".join(
                f"{d},{rng.randint(280, 360) / 10}\n" for d in range(rng.randint(5, 30))))
        sh(f"git add -A && git commit -q -m 'marshdyke: {rng.choice(WORDS)} {rng.choice(['fix', 'add', 'tidy', 'tune'])} "
           f"({i})'", w)
    (w / "marsh.ini").write_text("[sluice]\nopen_pct = 60\nwidth_cm = 80\n[pans]\nflood_days = 3\nharvest = august\n")
    sh("git add -A && git commit -q -m 'marsh: sluice defaults' && git tag v1.0 && git push -q origin main v1.0", w)
    sh("git pull -q origin main", root / "warden")
    sh("git checkout -q -b feature/spring-tides && sed -i 's/open_pct = 60/open_pct = 85/; s/flood_days = 3/flood_days = 5/' "
       "marsh.ini && printf 'def pan_0(depth_mm):\\n    return depth_mm // 2\\n' > marshdyke/brine.py && "
       "git add -A && git commit -qm 'tides: spring tide openings' && "
       "echo 'x' >> marshdyke/tide.py && git add -A && git commit -qm 'tides: gauge offsets' && git checkout -q main", w)
    sh("git checkout -q -b old/neap-survey && echo 'neap = 1' >> marsh.ini && git commit -qam 'survey: neap tides' && "
       "git checkout -q main", w)
    sh("sed -i 's/open_pct = 60/open_pct = 40/; s/harvest = august/harvest = september/' marsh.ini && "
       "printf 'def pan_0(depth_mm):\\n    return depth_mm - 5\\n' > marshdyke/brine.py && "
       "git add -A && git commit -qm 'marsh: autumn harvest'", w)
    sh("echo 'closure: creek sluice flap replaced' > CLOSURES.md && sed -i 's/width_cm = 80/width_cm = 90/' marsh.ini && "
       "git add -A && git commit -qm 'notices: sluice closure' && git tag -f v1.1 && git push -q origin main v1.1", root / "warden")
    sh("git tag v1.1", w)
    (w / "marsh.ini").write_text((w / "marsh.ini").read_text().replace("flood_days = 3", "flood_days = 4"))
    (w / "harvest.tmp").write_text("kg 412\n")


def step_git(tmp: Path) -> None:
    for n, loc in enumerate(["sv", "tr", "ko", "vi"]):
        root = tmp / f"git-{loc}"
        git_setup(root, 35340 + n)
        w = root / "work"
        k = f"git-{loc}"
        ex = dict(GIT_ENV, HOME=str(root / "home"))
        cap(f"{k}-pull", k, "git pull origin main; echo EXIT=$?; git checkout feature/spring-tides; echo EXIT=$?; "
            "git push origin v1.1; echo EXIT=$?; git branch -d old/neap-survey; echo EXIT=$?; git status; "
            "git log -n 40 --stat", w, loc, extra=ex)
        cap(f"{k}-stash", k, "git stash; git cherry-pick feature/spring-tides~1; echo EXIT=$?; git status; git diff; "
            "git cherry-pick --abort; git stash pop; echo EXIT=$?; git status; git diff", w, loc, extra=ex)
        cm.run("git checkout -q -- . ; git reset -q --hard", cwd=w, env=env_of(loc, ex))
        if loc in ("ko", "vi"):
            cap(f"{k}-log", k, "git log -n 40 --stat --format=fuller; git branch -vv -a; git tag -n", w, loc, extra=ex)


# ------------------------------------------------------------------ material: shell sessions

def shell_tree(root: Path, seed: int) -> None:
    rng = random.Random(seed)
    for d in ("pans", "sluices", "conf", "warden", "archive", "drop"):
        (root / d).mkdir(parents=True, exist_ok=True)
    for i in range(48):
        (root / "pans" / f"pan-{i:02d}.log").write_text(
            "".join(f"2026-08-{1 + m % 28:02d}T05:{m % 60:02d}:00 {rng.choice(['INFO', 'INFO', 'WARN', 'ERROR'])} pan{i} "
                    f"{rng.choice(['flood', 'drain', 'crystals', 'rain dilution', 'sluice stuck', 'rake'])} {m}\n"
                    for m in range(rng.randint(4, 40))))
    for i in range(14):
        (root / "sluices" / f"week{i:02d}.csv").write_text(
            "sluice,open_pct,head_cm\n" + "".join(f"{rng.choice(WORDS)}{j},{rng.randint(0, 100)},{rng.randint(5, 90)}\n"
                                                 for j in range(25)))
    (root / "conf" / "marsh.conf").write_text("open_pct=60\nflood_days=3\n")
    (root / "conf" / "readonly.conf").write_text("harvest=august\n")
    (root / "warden" / "keys.txt").write_text("sluice keys\n")
    (root / "archive" / "2025").mkdir(exist_ok=True)
    (root / "archive" / "2025" / "pans.tgz").write_text("old\n")
    os.chmod(root / "conf" / "readonly.conf", 0o444)
    os.chmod(root / "warden", 0o700)
    os.chmod(root / "drop", 0o555)
    for d in ("", "pans", "sluices", "conf", "archive"):
        os.chmod(root / d, 0o755)
    os.chmod(root / "archive", 0o555)


def shell_chains() -> list[tuple[str, str]]:
    return [
        ("move", "for f in pans/pan-*.log; do cp \"$f\" drop/ || echo \"copy failed: $f\"; done; "
                 "mv sluices/week00.csv drop/; rmdir archive/2025; rm archive/2025/pans.tgz; chmod 600 conf/marsh.conf; "
                 "sed -i 's/august/july/' conf/readonly.conf; stat pans/pan-99.log; du -sh warden pans; echo EXIT=$?"),
        ("survey", "ls -l pans | head -n 30; find . -name '*.csv' -newer conf/missing.conf; find warden archive -type f; "
                   "grep -rn 'sluice stuck' pans/ | head -n 120; grep -c ERROR pans/*.log nopan.log; "
                   "ls sluices/*.csv nosluices/*.csv | xargs wc -l; "
                   "for s in creek dyke flap; do head -n 3 sluices/$s.csv; done; sort -t, -k2 -n sluices/week01.csv "
                   "sluices/week99.csv | tail -n 20; cat pans; echo EXIT=$?"),
        ("bundle", "tar cf drop/pans.tar pans; tar cf /dev/null warden archive nothing; tar xf archive/2025/pans.tgz; "
                   "mkdir archive/2026; touch archive/2026/x; ln -s ../conf/marsh.conf archive/marsh.conf; "
                   "diff -r pans sluices | head -n 40; diff conf/marsh.conf conf/readonly.conf; "
                   "for n in 3 7 11 19 23 31 42 57 64; do grep -H flood pans/pan-$n.log | tail -n 3; done; "
                   "brinectl --open creek; ( cd warden ); bash -c 'for x in; do'; echo EXIT=$?"),
        ("rounds", "for f in pans/pan-*.log; do echo \"== $f\"; wc -l \"$f\"; grep -c 'sluice stuck' \"$f\"; "
                   "sed -i 's/ERROR/ERR/' \"$f\"; cp \"$f\" archive/; touch \"$f.seen\"; done; "
                   "for s in sluices/week*.csv; do tail -n 1 \"$s\" >> drop/last.csv; done; echo EXIT=$?"),
    ]


def step_shell(tmp: Path) -> None:
    for n, loc in enumerate(["hu", "ro", "da"]):
        root = tmp / f"sh-{loc}"
        shell_tree(root, 35350 + n)
        k = f"shell-{loc}"
        for name, chain in shell_chains():
            cap(f"{k}-{name}", k, f"setpriv --reuid=nobody --regid=nogroup --clear-groups bash -c {sh_quote(chain)} 2>&1",
                root, loc, typed=chain, extra={"HOME": str(root)})


# ------------------------------------------------------------------ material: msgfmt

PO_WORDS = {"fi": {"pan": "Allas", "waits": "tulvii", "salt": "Suolaa", "pans": ("allas", "allasta"),
                   "stuck": "Sulku jumissa", "gate": "Luukku", "open": "auki", "level": "Taso", "at": "kohdassa",
                   "sluice": "Sulku"},
            "ko": {"pan": "염전", "waits": "범람 중", "salt": "소금", "pans": ("염전", "염전들"),
                   "stuck": "수문 걸림", "gate": "수문", "open": "열림", "level": "수위", "at": "위치",
                   "sluice": "수문"}}


def po_file(rng: random.Random, n: int, broken: bool, lang: str, parse_faults: bool = True) -> str:
    w = PO_WORDS[lang]
    head = ('msgid ""\nmsgstr ""\n"Project-Id-Version: brinegate 0.9\\n"\n'
            f'"Language: {lang}\\n"\n"MIME-Version: 1.0\\n"\n'
            + ('"Content-Type: text/plain; charset=UTF-8\\n"\n' if not broken else '"Content-Type: text/plain\\n"\n')
            + '"Content-Transfer-Encoding: 8bit\\n"\n"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n')
    body = ""
    for i in range(n):
        r = rng.random() if broken else 1.0
        if not parse_faults and 0.16 <= r < 0.21:
            r = 0.5  # no duplicate "Sluice stuck", no invalid escape: msgfmt reaches its -c checks
        body += f"#: src/pan{i % 9}.c:{20 + i * 4}\n"
        if r < 0.07:
            body += f'#, c-format\nmsgid "Pan %d floods at %s ({i})"\nmsgstr "{w["pan"]} %s {w["waits"]} %d ({i})"\n\n'
        elif r < 0.12:
            body += (f'#, c-format\nmsgid "{i}: %d kg of salt"\nmsgstr "{i}: {w["salt"]} %s kg"\n\n')
        elif r < 0.16:
            body += (f'msgid "{i} pan is flooded"\nmsgid_plural "{i} pans are flooded"\n'
                     f'msgstr[0] "{w["pans"][0]}"\n\n')
        elif r < 0.19:
            body += f'msgid "Sluice stuck"\nmsgstr "{w["stuck"]}"\n\n'
        elif r < 0.21:
            body += f'msgid "Flap {i} \\q open"\nmsgstr "{w["gate"]} {i} {w["open"]}"\n\n'
        elif r < 0.24:
            body += f'msgid "&Open sluice {i}"\nmsgstr "{w["sluice"]} {i} {w["open"]}"\n\n'
        elif r < 0.34:
            body += f'#, fuzzy\nmsgid "Harvest notice {i}"\nmsgstr "{w["salt"]} {i}"\n\n'
        else:
            body += (f'#, c-format\nmsgid "Level %d mm at %s (pan {i})"\nmsgstr "{w["level"]} %d mm {w["at"]} %s ({i})"\n\n'
                     if i % 4 == 0 else f'msgid "Sluice {i}"\nmsgstr "{w["sluice"]} {i}"\n\n')
    return head + body


def step_msgfmt(tmp: Path) -> None:
    for n, loc in enumerate(["fi", "ko"]):
        root = tmp / f"po-{loc}"
        root.mkdir(parents=True, exist_ok=True)
        rng = random.Random(35360 + n)
        (root / "creek.po").write_text(po_file(rng, 260, True, loc))
        (root / "brinegate.po").write_text(po_file(rng, 1100 + 300 * n, True, loc, parse_faults=False))
        for i in range(5):
            (root / f"clean{i}.po").write_text(po_file(rng, 40, False, loc))
        k = f"msgfmt-{loc}"
        cap(f"{k}-creek", k, "msgfmt -c '--check-accelerators=&' --statistics -o /dev/null creek.po; echo EXIT=$?", root, loc)
        cap(f"{k}-accel", k, "msgfmt -c '--check-accelerators=&' --statistics -o /dev/null brinegate.po; echo EXIT=$?",
            root, loc)
        cap(f"{k}-all", k, "for f in *.po; do echo \"== $f\"; msgfmt -c -v --statistics -o /dev/null \"$f\"; done 2>&1; "
            "echo EXIT=$?", root, loc)


STEPS = [step_gcc, step_make, step_git, step_shell, step_msgfmt]


def ensure_tools() -> None:
    """gcc/g++ 12, make, git, msgfmt and setpriv are on this machine; the ten locales are made once with localedef
    into the round's scratch (LOCPATH), the system's archive untouched."""
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
    sys.modules.setdefault("capture_wide353", sys.modules["__main__"])
    main()
