#!/usr/bin/env python3
"""Capture round 384 of the compression corpus: shell scripting and job control, run and debugged offline, kinds
new to the corpus (bash -x traces with a file:line PS4, set -Eeuo pipefail with an ERR trap's stack, dash / zsh /
mksh errors, xargs -P with failing jobs, expect's exp_internal log, tmux capture-pane and screen hardcopy dumps of a
failing session, bashate, go-task runs and listings, bats --pretty --verbose-run, a job-control script's jobs/wait
report), on a small ops repo written here with real faults. The needle rules are NEEDLES.md's "Round 384", fixed
before capture and applied by the extractors below. Nothing captured here was compressed.

Usage:   python3 scripts/corpus/capture_wide384.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide384.json  as {"version": 2, "items": [...]}, ids prefixed "wide384-".
"""

from __future__ import annotations

import os
import random
import re
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide384-"
DEFAULT_OUT = HERE / "data" / "wide384.json"
TOOLS = Path(os.environ.get("HM_WIDE384_TOOLS", "/dev/shm/hm-corpus-wide384"))  # the round's venv
TMP = Path(os.environ.get("HM_WIDE384_TMP", "/dev/shm/hm-corpus-wide384-run"))
VENV = TOOLS / "v"

_SIZED = cm.Sized(400, 120_000)
add, cap = _SIZED.add, _SIZED.cap

# ------------------------------------------------------------------ extractors (NEEDLES.md "Round 384")

SHELL_ERR = re.compile(r"error|fail|fatal|not found|No such file|unbound variable|Permission denied|unexpected|"
                       r"bad substitution|not open|Killed|Terminated|Segmentation|timed out", re.I)
TRACE = re.compile(r"^\++ ")


@cm.kind("bash-x-ps4", "log")
def n_bash_x(lines):
    """non-trace SHELL_ERR lines, the nearest trace line among the 3 before each, the last trace line"""
    out = []
    last = None
    for i, ln in enumerate(lines):
        if TRACE.match(ln):
            last = ln
            continue
        if SHELL_ERR.search(ln):
            out.append(ln)
            for k in range(i - 1, max(-1, i - 4), -1):
                if TRACE.match(lines[k]):
                    out.append(lines[k])
                    break
    if last:
        out.append(last)
    return out


@cm.kind("bash-err-trap", "log")
def n_err_trap(lines):
    """every SHELL_ERR line, every line holding ERR / exit status / exited, every 'at '/'frame ' stack line"""
    out = []
    for ln in lines:
        if SHELL_ERR.search(ln) or re.search(r"ERR|exit status|exited", ln) or re.match(r"^\s*(at|frame) ", ln):
            out.append(ln)
    return out


# "carrying": searched anywhere after a blank, since mksh puts "E: " before its location (a line-start anchor missed it)
LOC = re.compile(r"(?:^|\s)(?:\S+: (line )?\d+: |\S+:\d+: |\S+\[\d+\]: |zsh:|\(eval\):)")


def _shell_diag(lines):
    out = [ln for ln in lines if LOC.search(ln) or SHELL_ERR.search(ln)]
    tail = [ln for ln in lines if ln.strip()]
    if tail and "exit" in tail[-1]:
        out.append(tail[-1])
    return out


SHELL_DOC = "lines with a shell's location form (file: N:, file: line N:, file:N:, file[N]:, zsh:) and SHELL_ERR lines; a closing exit line"
n_dash = cm.named("dash-errors", "log", SHELL_DOC, _shell_diag)
n_zsh = cm.named("zsh-errors", "log", SHELL_DOC, _shell_diag)
n_mksh = cm.named("mksh-errors", "log", SHELL_DOC, _shell_diag)


@cm.kind("xargs-P-fail", "log")
def n_xargs(lines):
    """every 'xargs:' line, every SHELL_ERR job line, the closing exit= line"""
    out = [ln for ln in lines if ln.startswith("xargs:") or SHELL_ERR.search(ln)]
    out += [ln for ln in lines if ln.startswith("exit=")]
    return out


@cm.kind("expect-exp-internal", "log")
def n_expect(lines):
    """spawn lines; timed out/timeout lines with the nearest 'expect: does' among 6 before; SHELL_ERR; RESULT lines"""
    out = []
    for i, ln in enumerate(lines):
        if ln.startswith("spawn ") or ln.startswith("RESULT"):
            out.append(ln)
        elif re.search(r"timed out|timeout", ln):
            out.append(ln)
            for k in range(i - 1, max(-1, i - 7), -1):
                if "expect: does" in lines[k]:
                    out.append(lines[k])
                    break
        elif SHELL_ERR.search(ln):
            out.append(ln)
    return out


def _screen(lines):
    out = [ln for ln in lines if re.match(r"^\S*[$#] \S", ln) or SHELL_ERR.search(ln)]
    tail = [ln for ln in lines if ln.strip()]
    if tail:
        out.append(tail[-1])
    return out


SCREEN_DOC = "prompt lines holding a command, every SHELL_ERR line, the last non-blank line"
n_tmux = cm.named("tmux-capture-pane", "log", SCREEN_DOC, _screen)
n_screen = cm.named("screen-hardcopy", "log", SCREEN_DOC, _screen)


@cm.kind("bashate", "lint")
def n_bashate(lines):
    """finding lines (file:L:C: CODE msg, no level on the line) one {"any"} per (code, file); the closing count lines"""
    # The rule written before capture read an older layout ("[E] CODE:" + " - file : LN"); bashate 2.1.1 prints
    # neither, so its lines carry no level and rule 1's "findings that carry no level" grouping applies (NEEDLES.md).
    out, pairs = [], []
    for ln in lines:
        m = re.match(r"^(\S+?):\d+:\d+: ([EW]\d+) ", ln)
        if m:
            pairs.append(((m.group(2), m.group(1)), ln))
        elif re.search(r"bashate (error|warning)\(s\) found", ln):
            out.append(ln)
    return out + cm.groups(pairs)


@cm.kind("go-task-run", "build")
def n_task_run(lines):
    """'task:' lines holding fail/error/not/invalid/does not; other SHELL_ERR lines with the nearest 'task: [' among 6 before"""
    out = []
    for i, ln in enumerate(lines):
        if ln.startswith("task:"):
            if re.search(r"fail|error|not|invalid", ln, re.I):
                out.append(ln)
        elif SHELL_ERR.search(ln):
            out.append(ln)
            out.append(cm.prev_match(lines, i, r"^task: \[", 6))
    return out


@cm.kind("go-task-list", "listing")
def n_task_list(lines):
    """every task line ('* name:') and every SHELL_ERR line"""
    return [ln for ln in lines if re.match(r"^\* \S+:", ln) or SHELL_ERR.search(ln)]


@cm.kind("bats-pretty-verbose", "test")
def n_bats(lines):
    """every '✗' line, the first '(in test file' and '`…' failed' lines within 10 after each, the 'N tests' line"""
    out = []
    for i, ln in enumerate(lines):
        if re.search(r"✗ ", ln):  # pretty's cursor codes leave the test name before the mark
            out.append(ln)
            out.append(cm.next_match(lines, i, r"\(in test file ", 10))
            out.append(cm.next_match(lines, i, r"`.*' failed", 10))
        elif re.search(r"^\d+ tests?, \d+ failures?", ln.strip()):
            out.append(ln)
    return out


@cm.kind("bash-jobs-wait", "log")
def n_jobs(lines):
    """job-status lines not Running/Done, status= with non-zero, SHELL_ERR lines, the 'jobs … failed' summary"""
    out = []
    for ln in lines:
        m = re.match(r"^\[\d+\][+\- ]\s+(\d+\s+)?(\S+)", ln)
        if m and m.group(2) not in ("Running", "Done"):
            out.append(ln)
        elif re.search(r"status[= ]([1-9]\d*)", ln) or SHELL_ERR.search(ln):
            out.append(ln)
        elif "jobs" in ln and "failed" in ln:
            out.append(ln)
    return out


# ------------------------------------------------------------------ material: a small ops repo


HOSTS = [f"web{n:02d}" for n in range(1, 13)] + [f"db{n:02d}" for n in range(1, 5)] + ["cache01", "queue01"]

LIB_SH = r'''# shared helpers for the ops scripts
log()  { printf '%s [%s] %s\n' "2026-12-02T21:00:00Z" "$1" "$2"; }
die()  { log ERROR "$*" >&2; exit 1; }
need() { command -v "$1" >/dev/null 2>&1 || die "required tool missing: $1"; }
read_conf() {
    local key=$1 file=${2:-conf/app.conf}
    grep -E "^${key}=" "$file" | cut -d= -f2-
}
checksum() { sha256sum "$1" | cut -c1-16; }
'''

DEPLOY_SH = r'''#!/usr/bin/env bash
[[ -n ${TRACE:-} ]] && { PS4='+ ${BASH_SOURCE}:${LINENO}:${FUNCNAME[0]:-main}: '; set -x; }
set -euo pipefail
source "$(dirname "$0")/lib.sh"
RELEASE=${1:-2026.12.1}
TARGETS=(%(hosts)s)
stage() {
    local host=$1
    log INFO "staging $RELEASE on $host"
    mkdir -p "out/$host"
    cp build/app.tar.gz "out/$host/app-$RELEASE.tar.gz"
    echo "$(checksum "out/$host/app-$RELEASE.tar.gz") $host" >> out/manifest
}
migrate() {
    local url
    url=$(read_conf database_url)
    log INFO "migrating schema at ${url:-<unset>}"
    for m in migrations/*.sql; do
        log INFO "applying $(basename "$m")"
        grep -q 'DROP TABLE' "$m" && die "destructive migration refused: $m"
    done
}
main() {
    need tar
    for h in "${TARGETS[@]}"; do stage "$h"; done
    migrate
    log INFO "restarting services"
    systemctl_stub restart app
}
main "$@"
'''

BACKUP_SH = r'''#!/usr/bin/env bash
[[ -n ${TRACE:-} ]] && { PS4='+ ${BASH_SOURCE}:${LINENO}:${FUNCNAME[0]:-main}: '; set -x; }
set -uo pipefail
source "$(dirname "$0")/lib.sh"
DEST=/dev/shm/hm-corpus-wide384-run/backups
count=0
for d in data/*/; do
    name=$(basename "$d")
    log INFO "archiving $name ($(ls "$d" | wc -l) files)"
    tar -czf "$DEST/$name.tgz" -C data "$name" 2>&1 | head -1
    count=$((count + 1))
    if [[ -f "$d/.skip" ]]; then
        log WARN "$name marked skip, removing partial archive"
        rm "$DEST/$name.tgz.partial"
    fi
done
log INFO "archived $count directories to $DEST"
log INFO "retention: keeping $RETENTION_DAYS days"
'''

REPORT_SH = r'''#!/usr/bin/env bash
[[ -n ${TRACE:-} ]] && { PS4='+ ${BASH_SOURCE}:${LINENO}:${FUNCNAME[0]:-main}: '; set -x; }
set -euo pipefail
source "$(dirname "$0")/lib.sh"
total=0
while IFS=, read -r day host status ms; do
    [[ $day == day ]] && continue
    if [[ $status != 200 ]]; then
        log WARN "$day $host returned $status in ${ms}ms"
    fi
    total=$((total + ms))
done < data/latency.csv
log INFO "total latency ${total}ms"
sort -t, -k4 -n data/latency.csv | tail -n 3
awk -F, 'NR>1 {s[$2]+=$4} END {for (h in s) print h, s[h]}' data/latency.csv | sort -k2 -n | tail -n 5
grep -c ',500,' data/latency_archive.csv | xargs -I{} echo "archived 500s: {}"
log INFO "report done"
'''

ERRTRAP_SH = r'''#!/usr/bin/env bash
set -Eeuo pipefail
source "$(dirname "$0")/lib.sh"
on_err() {
    local rc=$? cmd=$BASH_COMMAND
    echo "ERR trap: command \`$cmd' exited with status $rc" >&2
    local i=0
    while caller $i >/dev/null; do
        read -r line fn file < <(caller $i)
        echo "  at $fn ($file:$line)" >&2
        i=$((i + 1))
    done
}
trap on_err ERR
rotate() {
    local f
    for f in logs/*.log; do
        log INFO "rotating $f ($(wc -l < "$f") lines)"
        gzip -c "$f" > "$f.1.gz"
    done
}
collect() {
    local n=0
    for h in %(hosts)s; do
        log INFO "collecting metrics from $h"
        n=$((n + 1))
    done
    %(fault)s
    log INFO "collected $n hosts"
}
publish() {
    collect
    log INFO "publishing to dashboard"
}
rotate
publish
'''

BASHISMS_SH = r'''#!/bin/sh
# health check for the fleet, meant to be POSIX
source ./scripts/lib.sh
HOSTS=(%(hosts)s)
function check_host {
    local h=$1
    if [[ $h == db* ]]; then
        echo "checking database $h"
    else
        echo "checking web $h"
    fi
    let n++
}
for h in ${HOSTS[@]}; do check_host $h; done
echo "checked ${#HOSTS[@]} hosts" >&${LOG_FD:-1}
echo $((RANDOM %% 10)) > /dev/null
select opt in restart skip; do break; done
read -p "continue? " ans
echo ${ans^^}
'''

POSIX_OK = r'''#!/bin/sh
set -eu
n=0
for f in %(files)s; do
    n=$((n + 1))
    printf 'rendering %%s (%%d)\n' "$f" "$n"
    [ -r "templates/$f" ] || { echo "render.sh: cannot read templates/$f" >&2; continue; }
done
printf 'rendered %%d templates\n' "$n"
cd /nonexistent/output
echo done
'''

ZSH_SCRIPT = r'''#!/usr/bin/env zsh
setopt err_return no_unset
typeset -A ports
ports=(web 8080 db 5432 cache 6379)
for svc in %(svcs)s; do
    print -r -- "service $svc -> port ${ports[$svc]}"
done
files=(conf/*.yaml)
print "found ${#files} yaml files"
for f in $files; do print "validating $f"; done
print ${(j:,:)${(k)ports}}
print ${undefined_var}
'''

ZSH_BAD = r'''#!/usr/bin/env zsh
autoload -U colors
release=${1:-v2}
print "building $release"
rm -f out/*.tmp
for host in %(hosts)s; do
  print "rsync to $host"
  rsync_stub --dry-run out/ $host:/srv/app
done
print ${release:u}
print ${release:s/v/V}
cd missing_dir && print "in dir"
print ${release[}
'''

MKSH_SCRIPT = r'''#!/bin/mksh
set -o pipefail
typeset -i total=0
for h in %(hosts)s; do
    total=total+1
    print "probe $h ($total)"
done
print "probed $total hosts"
typeset -A bad
x=${undefined_thing:?undefined_thing must be set}
print after
'''

CONSOLE_PY = r'''
import sys, time
p = lambda s: (sys.stdout.write(s), sys.stdout.flush())
p("provisioning console 3.2 (build 8841)\nlogin: ")
user = sys.stdin.readline().strip()
p("password: ")
pw = sys.stdin.readline().strip()
if pw != "hunter2":
    p("ERROR: authentication failed for user %s\n" % user); sys.exit(3)
p("welcome %s\n" % user)
while True:
    p("console> ")
    line = sys.stdin.readline()
    if not line:
        break
    cmd = line.split()
    if not cmd:
        continue
    if cmd[0] == "quit":
        p("bye\n"); break
    if cmd[0] == "list":
        for i in range(int(cmd[1]) if len(cmd) > 1 else 5):
            p("  node-%03d  %s  %d%%\n" % (i, "ready" if i % 17 else "degraded", (i * 37) % 100))
    elif cmd[0] == "provision":
        if cmd[1].startswith("db"):
            p("error: quota exceeded for pool 'db' (4/4 in use)\n")
        else:
            p("provisioned %s\n" % cmd[1])
    elif cmd[0] == "drain":
        time.sleep(30)
    else:
        p("unknown command: %s\n" % cmd[0])
'''

EXPECT_SCRIPT = r'''
exp_internal 1
set timeout %(timeout)s
spawn python3 console.py
expect "login: "
send "deploy\r"
expect "password: "
send "%(pw)s\r"
expect {
    "welcome" {}
    "authentication failed" { puts "RESULT: login refused"; exit 2 }
    timeout { puts "RESULT: no answer to login"; exit 3 }
}
expect "console> "
send "list %(n)s\r"
expect "console> "
foreach host {%(hosts)s} {
    send "provision $host\r"
    expect {
        -re "(quota \[^\r\n]*)" { puts "RESULT: $host refused: $expect_out(1,string)"; exp_continue }
        "console> " {}
    }
}
send "drain web01\r"
expect {
    "console> " { puts "RESULT: drained" }
    timeout { puts "RESULT: drain timed out" }
}
send "quit\r"
expect eof
puts "RESULT: session closed"
'''

BATS_FILE = r'''#!/usr/bin/env bats
setup() {
    source "$BATS_TEST_DIRNAME/../scripts/lib.sh"
}
@test "read_conf returns the port" {
    run read_conf port conf/app.conf
    [ "$status" -eq 0 ]
    [ "$output" = "8080" ]
}
@test "read_conf returns the database url" {
    run read_conf database_url conf/app.conf
    [ "$status" -eq 0 ]
    [ "$output" = "postgres://app@db01/app" ]
}
@test "die exits non-zero" {
    run die "boom"
    [ "$status" -eq 1 ]
}
@test "checksum is 16 hex chars" {
    echo hello > "$BATS_TEST_TMPDIR/f"
    run checksum "$BATS_TEST_TMPDIR/f"
    [ "${#output}" -eq 16 ]
}
@test "need fails for a missing tool" {
    run need definitely-not-a-tool
    [ "$status" -eq 0 ]
}
'''

BATS_GEN = r'''
@test "host %(h)s is in the inventory" {
    run grep -c "^%(h)s " conf/inventory
    [ "$status" -eq 0 ]
    [ "$output" -eq 1 ]
}
'''

TASKFILE = r'''version: '3'
vars:
  RELEASE: 2026.12.1
tasks:
  default:
    desc: build and test
    deps: [build]
    cmds: [task: test]
  build:
    desc: build the release tarball
    cmds:
      - mkdir -p build
      - echo "packing {{.RELEASE}}"
      - tar -czf build/app.tar.gz -C src .
  test:
    desc: run the bats suite
    cmds:
      - bats tests/lib.bats
  lint:
    desc: lint every script
    cmds:
      - for f in scripts/*.sh; do bash -n "$f" || exit 1; done
      - bashate -i E006 scripts/*.sh
  deploy:
    desc: deploy to the fleet
    requires:
      vars: [ENVIRONMENT]
    preconditions:
      - sh: test -f build/app.tar.gz
        msg: "no build found, run task build first"
    cmds:
      - bash scripts/deploy.sh {{.RELEASE}}
  backup:
    cmds:
      - bash scripts/backup.sh
  report:
    desc: latency report
    cmds:
      - bash scripts/report.sh
  migrate:
    desc: apply migrations
    dir: db
    cmds:
      - psql_stub -f migrations/001.sql
%(extra)s
'''


def make_repo(root: Path, n_data: int, n_rows: int, seed: int) -> None:
    rnd = random.Random(seed)
    files = {
        "scripts/lib.sh": LIB_SH,
        "scripts/deploy.sh": DEPLOY_SH % {"hosts": " ".join(HOSTS)},
        "scripts/backup.sh": BACKUP_SH,
        "scripts/report.sh": REPORT_SH,
        "conf/app.conf": "port=8080\nworkers=4\nlog_level=info\n",
        "conf/inventory": "".join(f"{h} 10.0.0.{i}\n" for i, h in enumerate(HOSTS[:-3])),
        "src/app.py": "print('app')\n",
        "migrations/001_init.sql": "CREATE TABLE users (id int);\n",
        "migrations/002_orders.sql": "CREATE TABLE orders (id int, user_id int);\n",
        "migrations/003_cleanup.sql": "DROP TABLE legacy_sessions;\n",
        "build/app.tar.gz": "not really a tarball\n",
    }
    rows = ["day,host,status,ms"]
    for i in range(n_rows):
        st = rnd.choice([200] * 30 + [500, 503, 404])
        rows.append(f"2026-11-{1 + i % 28:02d},{rnd.choice(HOSTS)},{st},{rnd.randint(3, 900)}")
    files["data/latency.csv"] = "\n".join(rows) + "\n"
    for d in range(n_data):
        for k in range(rnd.randint(1, 4)):
            files[f"data/vol{d:03d}/part{k}.dat"] = "x" * rnd.randint(10, 200)
    for i in range(0, n_data, 7):
        files[f"data/vol{i:03d}/.skip"] = ""
    for i in range(min(n_data, 30)):
        files[f"logs/svc{i:02d}.log"] = "".join(f"line {j}\n" for j in range(rnd.randint(5, 60)))
    cm.write_tree(root, files)


def cap_bash_x(tmp: Path) -> None:
    for tag, n_data, n_rows, script, args, env in [
        ("deploy", 4, 10, "scripts/deploy.sh", "2026.12.1", {}),
        ("backup", 40, 10, "scripts/backup.sh", "", {}),
        ("backup-large", 120, 10, "scripts/backup.sh", "", {}),
        ("report", 3, 330, "scripts/report.sh", "", {}),
    ]:
        d = tmp / f"x-{tag}"
        make_repo(d, n_data, n_rows, 384 + n_data)
        (tmp / "backups").mkdir(exist_ok=True)
        # bash ignores a PS4 imported from the environment when run as root: the scripts set it under TRACE=1
        cap(f"bash-x-ps4-{tag}", f"TRACE=1 bash {script} {args}", d, n_bash_x, timeout=120)


def cap_err_trap(tmp: Path) -> None:
    faults = [("pipeline", 8, "grep -h 'ERROR' logs/*.log | sort | uniq -c | sort -rn | head -3"),
              ("missing", 18, "curl_stub --fail http://127.0.0.1:18384/metrics > out/metrics.json"),
              ("status", 18 * 9, "test \"$n\" -lt 100 || return 4")]
    for tag, k, fault in faults:
        d = tmp / f"trap-{tag}"
        make_repo(d, k, 10, 700 + k)
        hosts = " ".join((HOSTS * 20)[:k])
        (d / "scripts/ops.sh").write_text(ERRTRAP_SH % {"hosts": hosts, "fault": fault})
        cap(f"bash-err-trap-{tag}", "bash scripts/ops.sh", d, n_err_trap, timeout=120)


def cap_posix(tmp: Path) -> None:
    d = tmp / "posix"
    make_repo(d, 3, 10, 11)
    (d / "scripts/health.sh").write_text(BASHISMS_SH % {"hosts": " ".join(HOSTS)})
    names = " ".join(f"page{i:03d}.tmpl" for i in range(120))
    (d / "scripts/render.sh").write_text(POSIX_OK % {"files": names})
    (d / "templates").mkdir()
    for i in range(0, 120, 3):
        (d / f"templates/page{i:03d}.tmpl").write_text("x\n")
    cap("dash-errors-health", "dash scripts/health.sh; echo \"exit=$?\"", d, n_dash)
    cap("dash-errors-render", "dash scripts/render.sh; echo \"exit=$?\"", d, n_dash)
    rnd = random.Random(3840)
    faults = ["[[ -n \"$HOOK\" ]] && echo set", "echo ${HOOK//-/_}", "function cleanup { :; }", "arr=(a b c)",
              "source ./scripts/lib.sh", "echo $((1 +))", "if [ -f x ]; then", "read -p 'go? ' x </dev/null",
              "cat <(echo hi)", "local y=1"]
    for i in range(48):
        body = "".join(f"echo \"hook {i:02d}: step {k}\"\n" for k in range(rnd.randint(2, 12)))
        if i % 4 == 1:
            body += faults[i // 4 % len(faults)] + "\n" + "echo \"hook %02d: after\"\n" % i
        (d / f"hooks/{i:02d}-hook.sh").parent.mkdir(exist_ok=True)
        (d / f"hooks/{i:02d}-hook.sh").write_text("#!/bin/sh\nHOOK=pre-deploy\n" + body)
    cap("dash-errors-n-all", "for f in hooks/*.sh; do dash -n \"$f\" && echo \"ok $f\"; done; echo \"exit=$?\"",
        d, n_dash)
    cap("dash-errors-hooks-run", "for f in hooks/*.sh; do echo \"== $f\"; dash \"$f\"; done; "
        "dash -x scripts/render.sh 2>&1 | tail -30; echo \"exit=$?\"", d, n_dash)


def cap_zsh_mksh(tmp: Path) -> None:
    d = tmp / "zm"
    make_repo(d, 3, 10, 12)
    (d / "conf/a.yaml").write_text("a: 1\n")
    (d / "conf/b.yaml").write_text("b: 2\n")
    (d / "out").mkdir()
    (d / "scripts/ports.zsh").write_text(ZSH_SCRIPT % {"svcs": "web db cache " * 40 + "queue search"})
    (d / "scripts/ship.zsh").write_text(ZSH_BAD % {"hosts": " ".join(HOSTS * 3)})
    cap("zsh-errors-ports", "zsh scripts/ports.zsh; echo \"exit=$?\"", d, n_zsh)
    cap("zsh-errors-ship", "zsh scripts/ship.zsh v2; echo \"exit=$?\"", d, n_zsh)
    cap("zsh-errors-sourced-bash", "zsh -c 'emulate sh; source scripts/deploy.sh' 2>&1; zsh -n scripts/ship.zsh; "
        "zsh scripts/report.sh; (cd scripts && zsh deploy.sh 2026.12.1); echo \"exit=$?\"", d, n_zsh)
    (d / "scripts/probe.mksh").write_text(MKSH_SCRIPT % {"hosts": " ".join(HOSTS * 6)})
    cap("mksh-errors-probe", "mksh scripts/probe.mksh; echo \"exit=$?\"", d, n_mksh)
    (d / "scripts/health.sh").write_text(BASHISMS_SH % {"hosts": " ".join(HOSTS)})
    cap("mksh-errors-bash-scripts", "for f in scripts/*.sh; do echo \"== $f\"; mksh -n \"$f\"; done; "
        "mksh scripts/deploy.sh; mksh scripts/health.sh </dev/null; echo \"exit=$?\"", d, n_mksh)


CHECK_SH = r'''#!/bin/sh
f=$1
name=$(basename "$f")
echo "[$name] checking"
case $name in
  *7.dat) echo "[$name] error: checksum mismatch" >&2; exit 1 ;;
  *13.dat) echo "[$name] fatal: truncated header" >&2; exit %(fatal)s ;;
  *5.dat) sleep 0.05; kill -TERM $$ ;;
esac
i=0
while [ $i -lt %(lines)s ]; do echo "[$name] block $i ok"; i=$((i + 1)); done
echo "[$name] done"
'''


def cap_xargs(tmp: Path) -> None:
    for tag, n, fatal, lines in [("small", 16, 2, 2), ("abort", 40, 255, 4), ("many", 220, 3, 8)]:
        d = tmp / f"xargs-{tag}"
        (d / "in").mkdir(parents=True)
        for i in range(n):
            (d / f"in/chunk{i:03d}.dat").write_text("x")
        (d / "check.sh").write_text(CHECK_SH % {"fatal": fatal, "lines": lines})
        os.chmod(d / "check.sh", 0o755)
        cap(f"xargs-P-fail-{tag}", "find in -name '*.dat' | sort | xargs -P 4 -n 1 ./check.sh; echo \"exit=$?\"",
            d, n_xargs)


def cap_expect(tmp: Path) -> None:
    d = tmp / "expect"
    d.mkdir()
    (d / "console.py").write_text(CONSOLE_PY)
    for tag, pw, n, hosts, timeout in [("badpw", "hunter3", 3, "web01", 3),
                                       ("provision", "hunter2", 12, "web01 web02 db01 web03", 3),
                                       ("large", "hunter2", 180, " ".join(HOSTS), 2)]:
        (d / f"{tag}.exp").write_text(EXPECT_SCRIPT % {"pw": pw, "n": n, "hosts": hosts, "timeout": timeout})
        cap(f"expect-exp-internal-{tag}", f"expect {tag}.exp", d, n_expect, timeout=120)


def _tmux_session(tmp: Path, tag: str, d: Path, cmds: list[str], hist: int) -> str:
    """An interactive bash in a detached tmux session; each prompt signals a wait-for channel, so a command's end
    is known without adding anything to the command line the screen shows."""
    sock = f"hm384{tag}"
    t = f"tmux -L {sock}"
    shell = f"env PS1='ops$ ' PROMPT_COMMAND='{t} wait-for -S prompt' bash --norc --noprofile -i"
    cm.run(f"{t} new-session -d -s ops -x 150 -y 45 {sh_quote(shell)}", cwd=d, timeout=30)
    cm.run(f"{t} wait-for prompt", cwd=d, timeout=30)
    for c in cmds:
        cm.run(f"{t} send-keys -t ops {sh_quote(c)} Enter", cwd=d, timeout=10)
        cm.run(f"{t} wait-for prompt", cwd=d, timeout=60)
    time.sleep(0.3)
    out = cm.run(f"{t} capture-pane -p -t ops -S -{hist}", cwd=d, timeout=30)
    cm.run(f"{t} kill-server", timeout=10)
    return out


def sh_quote(s: str) -> str:
    return "'" + s.replace("'", "'\\''") + "'"


def cap_tmux(tmp: Path) -> None:
    for tag, n_data, cmds, hist in [
        ("deploy", 4, ["ls scripts", "bash scripts/deploy.sh 2026.12.1", "echo $?", "cat conf/app.conf"], 200),
        ("backup", 50, ["bash scripts/backup.sh", "ls /dev/shm/hm-corpus-wide384-run/backups | wc -l",
                        "RETENTION_DAYS=7 bash scripts/backup.sh | tail -5"], 3000),
        ("report", 3, ["bash scripts/report.sh", "head -3 data/latency.csv", "bash -n scripts/*.sh",
                       "dash scripts/report.sh"], 2000),
    ]:
        d = tmp / f"tmux-{tag}"
        make_repo(d, n_data, 400, 900 + n_data)
        (tmp / "backups").mkdir(exist_ok=True)
        raw = _tmux_session(tmp, tag, d, cmds, hist)
        add(f"tmux-capture-pane-{tag}", f"tmux capture-pane -p -t ops -S -{hist}", raw, n_tmux)


def cap_screen(tmp: Path) -> None:
    sdir = tmp / "screens"
    sdir.mkdir(mode=0o700)
    env = {"SCREENDIR": str(sdir), "TERM": "xterm"}
    for tag, n_data, cmds in [
        # screen's -X stuff expands ${...} itself: these command lines hold no $
        ("ops", 30, ["bash scripts/backup.sh", "dash scripts/report.sh", "bash scripts/deploy.sh"]),
        ("xtrace", 3, ["TRACE=1 bash scripts/deploy.sh 2>&1 | tail -40", "bash scripts/report.sh | tail -12"]),
    ]:
        d = tmp / f"screen-{tag}"
        make_repo(d, n_data, 50, 1200 + n_data)
        (tmp / "backups").mkdir(exist_ok=True)
        name = f"hm384{tag}"
        prompts = d / ".prompts"
        shell = f"env PS1='ops# ' PROMPT_COMMAND='echo >> {prompts}' bash --norc --noprofile -i"
        cm.run(f"screen -h 5000 -dmS {name} {shell}", cwd=d, env=env, timeout=20)

        def wait_prompts(n: int) -> None:
            for _ in range(240):
                if prompts.exists() and len(prompts.read_text()) >= n:
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
            add(f"screen-hardcopy-{tag}", f"screen -S ops -X hardcopy -h hardcopy.txt && cat hardcopy.txt",
                hc.read_text(errors="replace"), n_screen)


def messy_steps(n: int) -> str:
    messy = []
    for i in range(n):
        messy.append(f"function step_{i} () {{\n  echo step {i} ; \n   local x=$(date)  \n\tif [ -n \"$x\" ] ; then\n"
                     f"      echo \"$x\"\n  fi\n}}\n")
    return "#!/bin/bash\n" + "".join(messy) + "for f in a b\ndo echo $f; done\n"


def cap_bashate(tmp: Path) -> None:
    d = tmp / "bashate"
    make_repo(d, 3, 10, 13)
    (d / "scripts/health.sh").write_text(BASHISMS_SH % {"hosts": " ".join(HOSTS)})
    (d / "scripts/ops.sh").write_text(ERRTRAP_SH % {"hosts": " ".join(HOSTS), "fault": "true"})
    (d / "scripts/steps.sh").write_text(messy_steps(60))
    bashate = VENV / "bin" / "bashate"
    (d / "scripts/tiny.sh").write_text(messy_steps(3))
    cap("bashate-scripts", f"{bashate} scripts/tiny.sh scripts/deploy.sh scripts/backup.sh scripts/health.sh scripts/ops.sh", d,
        n_bashate, typed="bashate scripts/tiny.sh scripts/deploy.sh scripts/backup.sh scripts/health.sh scripts/ops.sh")
    cap("bashate-steps", f"{bashate} -i E006 scripts/steps.sh scripts/lib.sh", d, n_bashate,
        typed="bashate -i E006 scripts/steps.sh scripts/lib.sh")
    cap("bashate-all-verbose", f"{bashate} -v -i E006 scripts/*.sh", d, n_bashate, typed="bashate -v -i E006 scripts/*.sh")


def cap_task(tmp: Path) -> None:
    d = tmp / "task"
    make_repo(d, 5, 10, 14)
    extra = "".join(f"  svc:{h}:\n    desc: restart {h}\n    cmds:\n      - echo restarting {h}\n" for h in HOSTS)
    (d / "Taskfile.yml").write_text(TASKFILE % {"extra": extra})
    (d / "tests").mkdir()
    (d / "tests/lib.bats").write_text(BATS_FILE)
    (d / "scripts/steps.sh").write_text(messy_steps(12))
    task = VENV / "bin" / "task"
    env = {"PATH": f"{VENV / 'bin'}:{os.environ['PATH']}"}

    def tcap(item, args, ext):
        cap(item, f"{task} {args}", d, ext, timeout=120, env=env, typed=f"task {args}")

    tcap("go-task-list-all", "--list-all", n_task_list)
    tcap("go-task-list", "--list", n_task_list)
    tcap("go-task-run-default", "", n_task_run)
    tcap("go-task-run-lint", "lint", n_task_run)
    tcap("go-task-run-deploy", "deploy; ENVIRONMENT=prod " + str(task) + " deploy; " + str(task) + " deploi", n_task_run)
    tcap("go-task-run-backup-report", "--parallel --output prefixed backup report migrate", n_task_run)


def cap_bats(tmp: Path) -> None:
    for tag, n in [("lib", 0), ("inventory", 18), ("inventory-large", 160)]:
        d = tmp / f"bats-{tag}"
        make_repo(d, 3, 10, 15)
        (d / "tests").mkdir()
        (d / "tests/lib.bats").write_text(BATS_FILE)
        if n:
            hosts = (HOSTS + [f"edge{i:02d}" for i in range(200)])[:n]
            (d / "tests/inventory.bats").write_text("#!/usr/bin/env bats\n" + "".join(BATS_GEN % {"h": h} for h in hosts))
        cap(f"bats-pretty-verbose-{tag}", "bats -p --verbose-run --timing tests/", d, n_bats, timeout=300,
            env={"TERM": "xterm"})


JOBS_SH = r'''#!/usr/bin/env bash
set -m
worker() {
    local name=$1 secs=$2 rc=$3
    for ((i = 0; i < %(lines)s; i++)); do echo "[$name] step $i"; done
    sleep "$secs"
    [ "$rc" = kill ] && kill -KILL $BASHPID
    [ "$rc" = segv ] && kill -SEGV $BASHPID
    [ "$rc" != 0 ] && echo "[$name] error: giving up with $rc" >&2
    return "$rc"
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
    echo "job ${names[$pid]} (pid $pid) finished status=$rc"
    [ "$rc" -ne 0 ] && failed=$((failed + 1))
    unset pid
done
jobs -l
echo "$total jobs, $failed failed"
'''


def cap_jobs(tmp: Path) -> None:
    rnd = random.Random(384)
    for tag, n, lines in [("few", 5, 3), ("fleet", 18, 10), ("many", 40, 40)]:
        d = tmp / f"jobs-{tag}"
        d.mkdir()
        launch = []
        for i in range(n):
            h = (HOSTS * 3)[i]
            rc = rnd.choice(["0"] * 5 + ["1", "3", "kill", "segv"])
            secs = round(rnd.uniform(0.4, 1.2), 2)
            launch.append(f"worker {h} {secs} {rc} & names[$!]={h}")
        (d / "jobs.sh").write_text(JOBS_SH % {"launch": "\n".join(launch), "lines": lines})
        cap(f"bash-jobs-wait-{tag}", "bash jobs.sh", d, n_jobs, timeout=120)


STEPS = [cap_bash_x, cap_err_trap, cap_posix, cap_zsh_mksh, cap_xargs, cap_expect, cap_tmux, cap_screen, cap_bashate,
         cap_task, cap_bats, cap_jobs]


def ensure_tools() -> None:
    cm.install_venv(VENV, "task", ["bashate", "go-task-bin"])


def steps() -> list:
    return STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 40_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide384", sys.modules["__main__"])
    main()
