#!/usr/bin/env python3
"""Capture round 390 of the compression corpus: second samples of round 384's shell scripting and job control kinds
(bash -x traces with a file:line PS4, ERR traps, dash / zsh / mksh errors, xargs -P failures, expect's exp_internal
log, tmux capture-pane and screen hardcopy dumps, bashate, go-task runs and listings, bats pretty verbose, a job
control script's jobs/wait report) on a canal boatyard's ops scripts written here, with faults other than round
384's. No extractor is written: each kind's needles come from round 384's extractor, imported from capture_wide384
(NEEDLES.md "Round 390", fixed before capture). Nothing captured here was compressed.

Usage:   python3 scripts/corpus/capture_wide390.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide390.json  as {"version": 2, "items": [...]}, ids prefixed "wide390-".
"""

from __future__ import annotations

import os
import random
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide384 as w384  # noqa: E402
from capture_wide384 import (n_bash_x, n_err_trap, n_dash, n_zsh, n_mksh, n_xargs, n_expect, n_tmux,  # noqa: E402
                             n_screen, n_bashate, n_task_run, n_task_list, n_bats, n_jobs)

ID_PREFIX = "wide390-"
DEFAULT_OUT = HERE / "data" / "wide390.json"
TOOLS = Path(os.environ.get("HM_WIDE390_TOOLS", "/dev/shm/hm-corpus-wide390"))
TMP = Path(os.environ.get("HM_WIDE390_TMP", "/dev/shm/hm-corpus-wide390-run"))
VENV = TOOLS / "v"

_SIZED = cm.Sized(400, 120_000)
add, cap = _SIZED.add, _SIZED.cap
sh_quote = w384.sh_quote

# ------------------------------------------------------------------ material: a canal boatyard

LOCKS = [f"lock{n:02d}" for n in range(1, 22)]
POUNDS = [f"pound{n:02d}" for n in range(1, 21)]
BOAT_WORDS = ["Heron", "Kingfisher", "Otter", "Willow", "Bittern", "Moorhen", "Dabchick", "Alder", "Sedge", "Coot",
              "Teal", "Wagtail", "Reedling", "Damselfly", "Lapwing", "Mallard"]


def boats(n: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    return [f"{rnd.choice(BOAT_WORDS)}{i:03d}" for i in range(n)]


LIB_SH = r'''# boatyard helpers
say()  { printf '%s %-5s %s\n' "2026-12-02T21:10:00Z" "$1" "$2"; }
bail() { say FATAL "$*" >&2; exit 1; }
level_of() { awk -F, -v p="$1" '$1 == p {print $2}' data/levels.csv; }
draught_of() { awk -F, -v b="$1" '$1 == b {print $3}' data/boats.csv; }
'''

LOCKCYCLE_SH = r'''#!/usr/bin/env bash
[[ -n ${TRACE:-} ]] && { PS4='+ ${BASH_SOURCE}:${LINENO}:${FUNCNAME[0]:-main}: '; set -x; }
set -uo pipefail
source "$(dirname "$0")/lib.sh"
declare -A queue
fill() {
    local lock=$1 boat=$2 d
    d=$(draught_of "$boat")
    printf -v depth '%%.2f' "$d"
    say INFO "filling $lock for $boat (draught $depth m)"
}
average() {
    local pound=$1 total=0 n=0
    for b in ${queue[$pound]:-}; do total=$((total + $(draught_of "$b" | tr -d .))); n=$((n + 1)); done
    echo $((total / n))
}
while IFS=, read -r boat pound draught; do
    [[ $boat == boat ]] && continue
    queue[$pound]+="$boat "
done < data/boats.csv
for lock in %(locks)s; do
    for b in ${queue[pound${lock#lock}]:-}; do fill "$lock" "$b"; done
done
%(fault)s
say INFO "cycle complete"
'''

ERRTRAP_SH = r'''#!/usr/bin/env bash
set -Eeuo pipefail
source "$(dirname "$0")/lib.sh"
on_err() {
    local rc=$? cmd=$BASH_COMMAND
    echo "ERR trap: \`$cmd' exited with status $rc" >&2
    local i=0
    while caller $i >/dev/null; do
        read -r line fn file < <(caller $i)
        echo "  frame $i: $fn ($file:$line)" >&2
        i=$((i + 1))
    done
}
trap on_err ERR
sound() {
    local p
    for p in %(pounds)s; do
        say INFO "sounding $p: $(level_of "$p") m"
    done
}
book() {
    local n=0
    %(fault)s
    say INFO "booked $n passages"
}
open_gates() { book; }
season() { sound; open_gates; }
season
'''

DASH_SH = r'''#!/bin/sh
# slipway queue, meant to be POSIX
for b in %(boats)s; do echo "slipway: $b waiting"; done
for b in %(boats)s; do
    short=${b:0:3}
    if [ "$short" == "Her" ]; then echo "heron class: $b"; fi
    echo "queued $b"
done
pushd /tmp >/dev/null
read line <<< "slip 4"
echo -e "slipway\tready"
echo "queue done"
'''

ZSH_SH = r'''#!/usr/bin/env zsh
typeset -A gauge
gauge=(%(gauge)s)
for p in ${(k)gauge}; do
    print "pound $p gauge ${gauge[$p]}"
done
print "mean level $(( ${gauge[pound01]} / 0.5 ))"
print "delta $(( ${gauge[pound01]} ++ 2 ))"
ls logs/*.winter
print ${WINTER_STOPPAGE:?stoppage dates not set}
print after
'''

MKSH_SH = r'''#!/bin/mksh
typeset -i boats=0 locks=0
for b in %(boats)s; do
    boats=boats+1
    print "boat $b registered ($boats)"
done
print "registered $boats boats through $locks locks"
print -u7 "audit line"
typeset -i per=boats/locks
print "per lock $per"
'''

CHECK_SH = r'''#!/bin/sh
b=$1
echo "[$b] inspecting hull"
case $b in
  *3) echo "[$b] error: hull breach below waterline" >&2; exit 2 ;;
  *7) sleep 0.05; kill -KILL $$ ;;
esac
i=0
while [ $i -lt %(lines)s ]; do echo "[$b] plate $i sound"; i=$((i + 1)); done
echo "[$b] passed"
'''

CONSOLE_PY = r'''
import sys, time
p = lambda s: (sys.stdout.write(s), sys.stdout.flush())
p("lock-keeper booking desk 2.4\nkeeper id: ")
kid = sys.stdin.readline().strip()
p("keeper %s on duty\n" % kid)
n = 0
while True:
    p("desk[%d]> " % n if n < SWITCH else "DESK(busy)>> ")
    line = sys.stdin.readline()
    if not line:
        break
    cmd = line.split()
    n += 1
    if not cmd:
        continue
    if cmd[0] == "bye":
        p("closing desk\n"); break
    if cmd[0] == "roster":
        for i in range(int(cmd[1])):
            p("  lock%02d  %-9s %s\n" % (i % 21 + 1, "open" if i % 13 else "stoppage", "boat-%03d" % i))
    elif cmd[0] == "book":
        if cmd[1].endswith("7"):
            raise RuntimeError("booking ledger corrupt at entry %s" % cmd[1])
        p("booked %s\n" % cmd[1])
    else:
        p("?? %s\n" % cmd[0])
'''

EXPECT_SCRIPT = r'''
exp_internal 1
set timeout 2
spawn python3 console.py
expect "keeper id: "
send "k42\r"
expect -re {desk\[[0-9]+\]> }
send "roster %(n)s\r"
foreach b {%(boats)s} {
    expect {
        -re {desk\[[0-9]+\]> } { send "book $b\r" }
        eof { puts "RESULT: console gone before booking $b"; exit 4 }
        timeout { puts "RESULT: no desk prompt before booking $b"; exit 5 }
    }
}
expect {
    -re {desk\[[0-9]+\]> } { send "bye\r" }
    eof { puts "RESULT: console gone at the end" ; exit 4 }
    timeout { puts "RESULT: desk prompt never came back" ; exit 5 }
}
expect eof
puts "RESULT: desk closed"
'''

BATS_FILE = r'''#!/usr/bin/env bats
setup_file() {
    %(setup_file)s
}
setup() {
    source "$BATS_TEST_DIRNAME/../scripts/lib.sh"
    cd "$BATS_TEST_DIRNAME/.."
}
@test "level_of reads pound01" {
    run level_of pound01
    [ "$status" -eq 0 ]
    [[ $output =~ ^[0-9]+\.[0-9]+$ ]]
}
@test "draught_of an unknown boat is empty" {
    run draught_of Nobody999
    [ -z "$output" ]
}
@test "bail exits 1" {
    run bail "gate jammed"
    [ "$status" -eq 1 ]
    [[ $output == *"gate stuck"* ]]
}
@test "winter stoppage table" {
    skip "stoppage table not published yet"
}
'''

BATS_GEN = r'''
@test "boat %(b)s draws less than 1.2 m" {
    run draught_of %(b)s
    [[ -n $output ]]
    (( $(echo "$output" | tr -d .) < 120 ))
}
'''

TASKFILE = r'''version: '3'
%(includes)s
tasks:
  default:
    desc: check the whole yard
    deps: [levels, slipway]
  levels:
    desc: sound every pound
    cmds:
      - bash scripts/lockcycle.sh
  slipway:
    desc: run the slipway queue
    cmds:
      - dash scripts/slipway.sh
  season:
    desc: open the season
    deps: [winterise]
  winterise:
    desc: close the locks for winter
    deps: [season]
  dredge:
    desc: dredge a pound
    requires:
      vars: [POUND]
    cmds:
      - echo dredging {{.POUND}}
  launch:
    desc: launch from the slipway
    preconditions:
      - sh: test -f data/slipway.ok
        msg: "slipway not inspected, run task inspect first"
    cmds:
      - echo launching
%(extra)s
'''

JOBS_SH = r'''#!/usr/bin/env bash
set -m
worker() {
    local name=$1 secs=$2 how=$3
    for ((i = 0; i < %(lines)s; i++)); do echo "[$name] lock $i passed"; done
    sleep "$secs"
    case $how in
      abrt) kill -ABRT $BASHPID ;;
      term) kill -TERM $BASHPID ;;
      pipe) kill -PIPE $BASHPID ;;
      noexec) ./data/boats.csv ;;
      missing) winch_ctl --haul "$name" ;;
      *) return "$how" ;;
    esac
}
declare -A names
%(launch)s
sleep 0.3
echo "--- jobs -l"
jobs -l
echo "--- waiting"
failed=0 total=0
while true; do
    wait -n -p pid
    rc=$?
    [ -z "${pid:-}" ] && break
    total=$((total + 1))
    echo "boat ${names[$pid]} (pid $pid) moored status=$rc"
    [ "$rc" -ne 0 ] && failed=$((failed + 1))
    unset pid
done
jobs -l
echo "$total jobs, $failed failed"
'''


def make_yard(root: Path, n_boats: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    bs = boats(n_boats, seed)
    rows = ["boat,pound,draught"]
    for b in bs:
        rows.append(f"{b},{rnd.choice(POUNDS)},{rnd.choice(['0.6', '0.75', '0.9', '1.05', '1.1', '1.25'])}")
    files = {
        "scripts/lib.sh": LIB_SH,
        "data/boats.csv": "\n".join(rows) + "\n",
        "data/levels.csv": "".join(f"{p},{rnd.uniform(1.2, 2.4):.2f}\n" for p in POUNDS),
    }
    for i in range(8):
        files[f"logs/lock{i:02d}.log"] = "".join(f"cycle {j}\n" for j in range(rnd.randint(3, 30)))
    cm.write_tree(root, files)
    os.chmod(root / "data/boats.csv", 0o644)
    return bs


def cap_bash_x(tmp: Path) -> None:
    for tag, n, locks, fault in [
        ("divzero", 30, LOCKS[:6], 'say INFO "mean draught $(average pound99)"'),
        ("printf", 60, LOCKS[:10], 'fill lock99 "Ghost-boat"\nlockctl --release all'),
        ("cd", 50, LOCKS, 'cd "winter/$(date +%Y)" && say INFO "archived"\nsay INFO "${queue[pound01 pound02]}"'),
        ("long", 100, LOCKS, 'say INFO "mean draught $(average pound03)"\nsay INFO "mean draught $(average pound404)"'),
    ]:
        d = tmp / f"x-{tag}"
        make_yard(d, n, 39010 + n)
        (d / "scripts/lockcycle.sh").write_text(LOCKCYCLE_SH % {"locks": " ".join(locks), "fault": fault})
        cap(f"bash-x-ps4-{tag}", "TRACE=1 bash scripts/lockcycle.sh", d, n_bash_x, timeout=180)


def cap_err_trap(tmp: Path) -> None:
    for tag, k, fault in [
        ("arith", 6, "((n++))"),
        ("deep", 20, 'exit_deep() { inner_deep; }\n    inner_deep() { say ERROR "lock 7 paddle jammed"; exit 7; }\n'
                     '    n=3; exit_deep'),
        ("subst", 20 * 8, 'local when\n    when=$(grep -m1 stoppage data/notices.txt)\n    n=5'),
    ]:
        d = tmp / f"trap-{tag}"
        make_yard(d, 10, 39020 + k)
        (d / "scripts/season.sh").write_text(ERRTRAP_SH % {"pounds": " ".join((POUNDS * 10)[:k]), "fault": fault})
        cap(f"bash-err-trap-{tag}", "bash scripts/season.sh", d, n_err_trap, timeout=120)


def cap_shells(tmp: Path) -> None:
    d = tmp / "shells"
    bs = make_yard(d, 40, 39030)
    (d / "scripts/slipway.sh").write_text(DASH_SH % {"boats": " ".join(bs)})
    cap("dash-errors-slipway", "dash scripts/slipway.sh; echo \"exit=$?\"", d, n_dash)
    rnd = random.Random(39031)
    faults = ["short=${B:0:3}", "[ \"$B\" == x ] && echo eq", "read l <<< \"x\"", "pushd /tmp", "echo ${B^^}",
              "declare -a gates", "for ((i=0;i<3;i++)); do :; done", "echo $'tab\\there'"]
    (d / "hooks").mkdir()
    for i in range(40):
        body = "".join(f"echo \"gate {i:02d}: paddle {k}\"\n" for k in range(rnd.randint(2, 10)))
        if i % 3 == 2:
            body += faults[i // 3 % len(faults)] + "\n" + "echo \"gate %02d: after\"\n" % i
        (d / f"hooks/{i:02d}-gate.sh").write_text("#!/bin/sh\nB=narrowboat\n" + body)
    cap("dash-errors-gates-run", "for f in hooks/*.sh; do echo \"== $f\"; dash \"$f\"; done; echo \"exit=$?\"", d,
        n_dash)
    cap("dash-errors-gates-x", "for f in hooks/0*.sh; do dash -x \"$f\"; done 2>&1; echo \"exit=$?\"", d, n_dash)
    gauge = " ".join(f"{p} {rnd.uniform(1.2, 2.4):.2f}" for p in POUNDS)
    (d / "scripts/gauge.zsh").write_text(ZSH_SH % {"gauge": gauge})
    cap("zsh-errors-gauge", "zsh scripts/gauge.zsh; echo \"exit=$?\"", d, n_zsh)
    cap("zsh-errors-gauge-x", "zsh -x scripts/gauge.zsh 2>&1 | tail -40; zsh scripts/slipway.sh | tail -5; "
        "echo \"exit=$?\"", d, n_zsh)
    (d / "scripts/register.mksh").write_text(MKSH_SH % {"boats": " ".join(bs * 3)})
    cap("mksh-errors-register", "mksh scripts/register.mksh; echo \"exit=$?\"", d, n_mksh)
    cap("mksh-errors-hooks", "for f in hooks/*.sh; do echo \"== $f\"; mksh \"$f\"; done; echo \"exit=$?\"", d, n_mksh)


def cap_xargs(tmp: Path) -> None:
    for tag, n, lines, extra in [("quote", 24, 2, "Kate's_Pride"), ("noexec", 30, 3, ""), ("many", 260, 6, "")]:
        d = tmp / f"xargs-{tag}"
        bs = make_yard(d, n, 39040 + n)
        (d / "inspect.sh").write_text(CHECK_SH % {"lines": lines})
        os.chmod(d / "inspect.sh", 0o755)
        names = bs[: n // 2] + ([extra] if extra else []) + bs[n // 2:]
        (d / "boats.txt").write_text("\n".join(names) + "\n")
        if tag == "noexec":
            (d / "inspect2.sh").write_text("#!/bin/sh\necho never\n")
            cmd = ("xargs -P 3 -n 1 ./inspect.sh < boats.txt; echo \"exit=$?\"; "
                   "head -5 boats.txt | xargs -P 2 -n 1 ./inspect2.sh; echo \"exit=$?\"")
        else:
            cmd = "xargs -P 4 -n 1 ./inspect.sh < boats.txt; echo \"exit=$?\""
        cap(f"xargs-P-fail-{tag}", cmd, d, n_xargs, timeout=180)


def cap_expect(tmp: Path) -> None:
    d = tmp / "expect"
    d.mkdir()
    for tag, n, bl, switch in [("crash", 4, ["Heron001", "Otter002", "Coot007", "Teal008"], 99),
                               ("prompt", 30, ["Heron011", "Otter012", "Sedge014", "Alder015"], 3),
                               ("roster", 60, ["Heron021", "Willow022"], 99)]:
        (d / f"console_{tag}.py").write_text(CONSOLE_PY.replace("SWITCH", str(switch)))
        script = EXPECT_SCRIPT.replace("console.py", f"console_{tag}.py") % {"n": n, "boats": " ".join(bl)}
        (d / f"{tag}.exp").write_text(script)
        cap(f"expect-exp-internal-{tag}", f"expect {tag}.exp", d, n_expect, timeout=120)


def cap_tmux(tmp: Path) -> None:
    for tag, n, cmds, hist in [
        ("cycle", 20, ["bash scripts/lockcycle.sh", "echo $?", "dash scripts/slipway.sh"], 400),
        ("long", 300, ["bash scripts/lockcycle.sh | tail -60", "ls data logs", "zsh scripts/gauge.zsh",
                       "bash scripts/season.sh"], 3000),
    ]:
        d = tmp / f"tmux-{tag}"
        bs = make_yard(d, n, 39050 + n)
        (d / "scripts/lockcycle.sh").write_text(LOCKCYCLE_SH % {"locks": " ".join(LOCKS),
                                                                "fault": 'say INFO "mean $(average pound77)"'})
        (d / "scripts/slipway.sh").write_text(DASH_SH % {"boats": " ".join(bs[:12])})
        (d / "scripts/gauge.zsh").write_text(ZSH_SH % {"gauge": "pound01 1.5 pound02 1.9"})
        (d / "scripts/season.sh").write_text(ERRTRAP_SH % {"pounds": " ".join(POUNDS), "fault": "((n++))"})
        raw = w384._tmux_session(tmp, f"r390{tag}", d, cmds, hist)
        add(f"tmux-capture-pane-{tag}", f"tmux capture-pane -p -t ops -S -{hist}", raw, n_tmux)


def cap_screen(tmp: Path) -> None:
    sdir = tmp / "screens"
    sdir.mkdir(mode=0o700)
    env = {"SCREENDIR": str(sdir), "TERM": "xterm"}
    for tag, n, cmds in [
        ("yard", 40, ["bash scripts/lockcycle.sh", "mksh scripts/register.mksh", "ls winter"]),
        ("trap", 12, ["bash scripts/season.sh", "zsh scripts/gauge.zsh | head -4", "xargs -n 1 false < boats.txt"]),
    ]:
        d = tmp / f"screen-{tag}"
        bs = make_yard(d, n, 39060 + n)
        (d / "scripts/lockcycle.sh").write_text(LOCKCYCLE_SH % {"locks": " ".join(LOCKS[:8]),
                                                                "fault": "lockctl --release all"})
        (d / "scripts/register.mksh").write_text(MKSH_SH % {"boats": " ".join(bs[:10])})
        (d / "scripts/gauge.zsh").write_text(ZSH_SH % {"gauge": "pound01 1.5 pound02 1.9"})
        (d / "scripts/season.sh").write_text(ERRTRAP_SH % {"pounds": " ".join(POUNDS), "fault": "((n++))"})
        (d / "boats.txt").write_text("\n".join(bs[:5]) + "\n")
        name = f"hm390{tag}"
        prompts = d / ".prompts"
        shell = f"env PS1='yard$ ' PROMPT_COMMAND='echo >> {prompts}' bash --norc --noprofile -i"
        cm.run(f"screen -h 5000 -dmS {name} {shell}", cwd=d, env=env, timeout=20)

        def wait_prompts(k: int) -> None:
            for _ in range(240):
                if prompts.exists() and len(prompts.read_text()) >= k:
                    return
                time.sleep(0.25)

        wait_prompts(1)
        for i, c in enumerate(cmds):
            cm.run(f"screen -S {name} -X stuff {sh_quote(c + chr(10))}", cwd=d, env=env, timeout=10)
            wait_prompts(i + 2)
        time.sleep(0.5)
        hc = d / "hardcopy.txt"
        cm.run(f"screen -S {name} -X hardcopy -h {hc}", cwd=d, env=env, timeout=10)
        time.sleep(0.5)
        cm.run(f"screen -S {name} -X quit", cwd=d, env=env, timeout=10)
        if hc.exists():
            add(f"screen-hardcopy-{tag}", "screen -S yard -X hardcopy -h hardcopy.txt && cat hardcopy.txt",
                hc.read_text(errors="replace"), n_screen)


def gates_script(n: int) -> str:
    out = ["#!/bin/bash"]
    for i in range(n):
        out.append(f"open_gate_{i}()\n{{\n    if [ -f gate{i} ]; then echo open {i}\n    fi\n  for p in 1 2\n"
                   f"   do echo paddle $p; done\n    local lvl=$(cat level{i})  \n}}")
    out.append("while true ; do break ; done")
    return "\n".join(out) + "\n"


def cap_bashate(tmp: Path) -> None:
    d = tmp / "bashate"
    bs = make_yard(d, 10, 39070)
    (d / "scripts/lockcycle.sh").write_text(LOCKCYCLE_SH % {"locks": " ".join(LOCKS), "fault": "true"})
    (d / "scripts/season.sh").write_text(ERRTRAP_SH % {"pounds": " ".join(POUNDS), "fault": "true"})
    (d / "scripts/slipway.sh").write_text(DASH_SH % {"boats": " ".join(bs)})
    (d / "scripts/gates.sh").write_text(gates_script(80))
    (d / "scripts/broken.sh").write_text("#!/bin/bash\nif [ -f x ]; then\n  echo 'unclosed\nfi\n")
    bashate = VENV / "bin" / "bashate"
    cap("bashate-yard", f"{bashate} scripts/lockcycle.sh scripts/season.sh scripts/slipway.sh scripts/broken.sh", d,
        n_bashate, typed="bashate scripts/lockcycle.sh scripts/season.sh scripts/slipway.sh scripts/broken.sh")
    cap("bashate-gates", f"{bashate} scripts/gates.sh", d, n_bashate, typed="bashate scripts/gates.sh")
    cap("bashate-all-verbose-e", f"{bashate} -v -e 'E00*' scripts/*.sh", d, n_bashate,
        typed="bashate -v -e 'E00*' scripts/*.sh")


def cap_task(tmp: Path) -> None:
    d = tmp / "task"
    bs = make_yard(d, 96, 39080)
    (d / "scripts/lockcycle.sh").write_text(LOCKCYCLE_SH % {"locks": " ".join(LOCKS[:4]),
                                                            "fault": 'say INFO "mean $(average pound55)"'})
    (d / "scripts/slipway.sh").write_text(DASH_SH % {"boats": " ".join(bs[:6])})
    extra = "".join(f"  boat:{b}:\n    desc: pass {b} through the flight\n    cmds:\n      - echo passing {b}\n"
                    + ("      - exit 3\n" if i % 31 == 5 else "") for i, b in enumerate(bs))
    (d / "Taskfile.yml").write_text(TASKFILE % {"includes": "", "extra": extra})
    # a second Taskfile whose per-boat tasks carry no desc: only --list-all shows them
    bare = "".join(f"  moor:{b}:\n    cmds:\n      - echo mooring {b}\n" for b in bs[:70])
    (d / "Taskfile.moor.yml").write_text(TASKFILE % {"includes": "", "extra": bare})
    task = VENV / "bin" / "task"
    env = {"PATH": f"{VENV / 'bin'}:{os.environ['PATH']}"}

    def tcap(item, args, ext):
        cap(item, f"{task} {args}", d, ext, timeout=120, env=env, typed=f"task {args}")

    tcap("go-task-list-boats", "--list", n_task_list)
    tcap("go-task-list-all-moor", "-t Taskfile.moor.yml --list-all --sort none", n_task_list)
    tcap("go-task-run-default", "", n_task_run)
    tcap("go-task-run-season", "season; " + str(task) + " dredge; " + str(task) + " launch", n_task_run)
    tcap("go-task-run-boats", "--parallel --output group " + " ".join(f"boat:{b}" for b in bs[:40]), n_task_run)


def cap_bats(tmp: Path) -> None:
    for tag, n, setup_file in [("lib", 0, "true"), ("boats", 24, "true"), ("boats-large", 220, "true"),
                               ("setup-file", 6, "test -d data/survey || { echo 'no survey data'; return 1; }")]:
        d = tmp / f"bats-{tag}"
        bs = make_yard(d, max(n, 4), 39090 + n)
        (d / "tests").mkdir()
        (d / "tests/lib.bats").write_text(BATS_FILE % {"setup_file": setup_file})
        if n:
            (d / "tests/boats.bats").write_text("#!/usr/bin/env bats\nsetup() {\n    source \"$BATS_TEST_DIRNAME/../"
                                                "scripts/lib.sh\"\n    cd \"$BATS_TEST_DIRNAME/..\"\n}\n"
                                                + "".join(BATS_GEN % {"b": b} for b in bs[:n]))
        cap(f"bats-pretty-verbose-{tag}", "bats -p --verbose-run --timing tests/", d, n_bats, timeout=400,
            env={"TERM": "xterm"})


def cap_jobs(tmp: Path) -> None:
    rnd = random.Random(39100)
    for tag, n, lines in [("few", 6, 4), ("flight", 24, 12), ("many", 64, 50)]:
        d = tmp / f"jobs-{tag}"
        bs = make_yard(d, n, 39100 + n)
        launch = []
        for b in bs:
            how = rnd.choice(["0"] * 6 + ["2", "abrt", "term", "pipe", "noexec", "missing"])
            launch.append(f"worker {b} {round(rnd.uniform(0.4, 1.2), 2)} {how} & names[$!]={b}")
        (d / "flight.sh").write_text(JOBS_SH % {"launch": "\n".join(launch), "lines": lines})
        cap(f"bash-jobs-wait-{tag}", "bash flight.sh", d, n_jobs, timeout=120)


STEPS = [cap_bash_x, cap_err_trap, cap_shells, cap_xargs, cap_expect, cap_tmux, cap_screen, cap_bashate, cap_task,
         cap_bats, cap_jobs]


def ensure_tools() -> None:
    cm.install_venv(VENV, "task", ["bashate", "go-task-bin"])


def steps() -> list:
    return STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 40_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide390", sys.modules["__main__"])
    main()
