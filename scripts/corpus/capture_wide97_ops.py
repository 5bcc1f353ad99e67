"""Round 97's ops CLIs and the extractors of their kinds (NEEDLES.md, "Round 97"): GNU parallel over `ovenfleet`'s
batch jobs (a 500-job joblog with failing jobs, `--tag` output, `--halt`), monitoring-plugins and monit watching the
order API and local paths, chkrootkit, puppet manifests with mistakes, logrotate configs with mistakes and
fail2ban-regex over an auth log generated here. Run through capture_wide97.py."""

from __future__ import annotations

import random
import re
import time
from pathlib import Path

import capture_more as cm
from capture_more import run, write_tree
from capture_data import free_port, rule4
from capture_wide97 import add, cap
from capture_wide97_load import _server, _status

# ------------------------------------------------------------------ the extractors (rule 5 values, NEEDLES.md)

JOBLOG_HEAD = re.compile(r"^Seq\s+Host\s+Starttime\s+JobRuntime\s+Send\s+Receive\s+Exitval\s+Signal\s+Command")


@cm.kind("parallel-joblog", "table")
def n_parallel_joblog(lines):
    """Rules 4+5: the header row; every row whose Exitval or Signal is not 0; rule 4's min/max rows by JobRuntime."""
    out, rows = [], []
    for ln in lines:
        if JOBLOG_HEAD.match(ln.strip()):
            out.append(ln)
            continue
        f = ln.split(None, 8) if "\t" not in ln else ln.split("\t", 8)
        f = [x.strip() for x in f]
        if len(f) >= 8 and f[0].isdigit() and re.match(r"^-?\d+$", f[6]) and re.match(r"^-?\d+$", f[7]):
            if f[6] != "0" or f[7] != "0":
                out.append(ln)
            rows.append((ln, {"rt": f[3]}))
    return out + rule4(rows, nums=("rt",)) + _status(lines)


@cm.kind("parallel-run", "log")
def n_parallel_run(lines):
    """Rules 1+5: every job line holding error/fail/Traceback/Exception/denied alone with each traceback's exception line; every 'parallel:' message line; every job command line after 'This job failed:'."""
    out = []
    for i, ln in enumerate(lines):
        if re.match(r"^parallel: ", ln):
            out.append(ln)
            if "This job failed:" in ln and i + 1 < len(lines) and lines[i + 1].strip():
                out.append(lines[i + 1])
        elif re.search(r"error|fail|Traceback|Exception|denied", ln, re.I):
            out.append(ln)
            if "Traceback" in ln:
                for k in range(i + 1, min(len(lines), i + 30)):
                    if re.search(r"\b\w*(Error|Exception)\b:", lines[k]) and "File " not in lines[k]:
                        out.append(lines[k])
                        break
    return out + _status(lines)


PLUGIN_LINE = re.compile(r"^(?:\S+:\s+)?([A-Z][A-Z0-9_ ]*?)\s+(OK|WARNING|CRITICAL|UNKNOWN)\b")


@cm.kind("nagios-plugins", "log")
def n_nagios(lines):
    """Rule 5: every WARNING / CRITICAL / UNKNOWN plugin line alone; OK lines one {any} per plugin (the word before OK); every Usage / Could not / Invalid line alone."""
    out, ok = [], []
    for ln in lines:
        m = PLUGIN_LINE.match(ln.strip())
        if m and m.group(2) == "OK":
            ok.append((m.group(1), ln))
        elif m or re.search(r"\b(WARNING|CRITICAL|UNKNOWN)\b", ln):
            out.append(ln)
        elif re.search(r"Usage:|Could not|Invalid|check_\w+: ", ln):
            out.append(ln)
    return out + cm.groups(ok) + _status(lines)


@cm.kind("monit-t", "lint")
def n_monit_t(lines):
    """Rule 5: every line holding error, syntax or unknown alone, and the 'Control file syntax OK' verdict."""
    return [ln for ln in lines if re.search(r"error|syntax|unknown", ln, re.I)] + _status(lines)


MONIT_SVC = re.compile(r"^(Process|File|Filesystem|Directory|Remote Host|Program|System|Fifo|Network) '")


@cm.kind("monit-status", "table")
def n_monit_status(lines):
    """Rule 5: every service header line; every status row whose value is not OK alone; the 'Monit ... uptime:' line."""
    out = []
    for ln in lines:
        if MONIT_SVC.match(ln) or re.match(r"^Monit .*uptime:", ln):
            out.append(ln)
        else:
            m = re.match(r"^\s+status\s+(.*)$", ln)
            if m and m.group(1).strip() != "OK":
                out.append(ln)
    return out + _status(lines)


@cm.kind("monit-summary", "table")
def n_monit_summary(lines):
    """Rules 4+5: the header row, every service row whose status is not OK / Running / Accessible, the 'Monit ... uptime:' line."""
    out = []
    for ln in lines:
        m = re.match(r"^\s*(\S+)\s{2,}(\S.*?)\s{2,}(\S+)\s*$", ln)  # name, status, type in padded columns
        if re.match(r"^Monit .*uptime:", ln):
            out.append(ln)
        elif m:
            if m.group(1) == "Service" or "Service Name" in ln:
                out.append(ln)
            elif m.group(2).strip() not in ("OK", "Running", "Accessible"):
                out.append(ln)
    return out + _status(lines)


@cm.kind("chkrootkit", "log")
def n_chkrootkit(lines):
    """Rule 5: every INFECTED / WARNING / Possible / suspicious / Vulnerable line alone, path lines within six after a WARNING line, the first Checking line."""
    out = []
    first = next((ln for ln in lines if ln.startswith("Checking")), None)
    if first:
        out.append(first)
    for i, ln in enumerate(lines):
        if re.search(r"INFECTED|WARNING|Warning|Possible|suspicious|Vulnerable", ln):
            out.append(ln)
            if re.search(r"WARNING", ln):
                for k in range(i + 1, min(len(lines), i + 7)):
                    if re.match(r"^\s*/", lines[k]):
                        out.append(lines[k])
    return out + _status(lines)


@cm.kind("puppet-parser-validate", "lint")
def n_puppet_validate(lines):
    """Rule 5: every Error: line alone; Warning: lines one {any} per message shape."""
    out, warn = [], []
    for ln in lines:
        if re.search(r"\bError:", ln):
            out.append(ln)
        elif re.search(r"\bWarning:", ln):
            warn.append((cm.mask(re.sub(r"\(file: .*$", "", ln)), ln))
    return out + cm.groups(warn) + _status(lines)


@cm.kind("puppet-apply", "log")
def n_puppet_apply(lines):
    """Rules 1+4+5: every Error: line alone; Warning: one {any} per shape; Compiled catalog / Applied catalog / Finished catalog run lines; rule 4 on resource event lines by type; Would have triggered refresh one {any} per class; Dependency ... has failures one {any} per dependency."""
    out, warn, rows, trig, dep = [], [], [], [], []
    for ln in lines:
        if re.search(r"\bError:", ln):
            out.append(ln)
        elif re.search(r"\bWarning:", ln):
            warn.append((cm.mask(re.sub(r"\(file: .*$", "", ln)), ln))
        elif re.search(r"Compiled catalog for|Applied catalog in|Finished catalog run", ln):
            out.append(ln)
        m = re.search(r"Notice: /Stage\[[^\]]+\]/(?:[^/]*/)*?([A-Z]\w*(?:::\w+)*)\[", ln)
        if m and "Would have triggered" not in ln:
            rows.append((ln, {"type": m.group(1)}))
        m = re.search(r"Notice: (.*?): Would have triggered 'refresh'", ln)
        if m:
            trig.append((m.group(1), ln))
        m = re.search(r"Dependency (\S+\[.*?\]) has failures", ln)
        if m:
            dep.append((m.group(1), ln))
    return out + rule4(rows, cat=("type",)) + cm.groups(warn) + cm.groups(trig) + cm.groups(dep) + _status(lines)


@cm.kind("logrotate-debug", "log")
def n_logrotate(lines):
    """Rule 5: every error: line alone; warning: lines one {any} per shape; every rotating pattern: line; every 'log needs rotating' line with the 'considering log' line before it; each 'reading config file' line."""
    out, warn, last_consider = [], [], None
    for ln in lines:
        s = ln.strip()
        if s.startswith("considering log"):
            last_consider = ln
        if re.search(r"\berror:", ln):
            out.append(ln)
        elif re.search(r"\bwarning:", ln):
            warn.append((cm.mask(ln), ln))
        elif s.startswith("rotating pattern:") or s.startswith("reading config file"):
            out.append(ln)
        elif s == "log needs rotating":
            out.append(ln)
            if last_consider:
                out.append(last_consider)
    return out + cm.groups(warn) + _status(lines)


@cm.kind("fail2ban-regex", "table")
def n_fail2ban_regex(lines):
    """Rule 5: the Use filter/log file lines; Failregex and Ignoreregex totals; every non-zero hits row; Date template hits rows with a count; the Lines: summary; ERROR lines; first and last printed matched/missed line."""
    out, printed, section = [], [], None
    for ln in lines:
        s = ln.strip()
        if re.match(r"^Use\s+.*(filter file|log file)", s) or re.match(r"^(Failregex|Ignoreregex): \d+ total", s):
            out.append(ln)
        elif re.match(r"^Lines: \d+ lines", s) or re.search(r"\bERROR\b|\bError\b", ln):
            out.append(ln)
        m = re.match(r"^\|\s+\d+\)\s+\[(\d+)\]", s)
        if m and m.group(1) != "0":
            out.append(ln)
        if re.match(r"^\|-\s+\[# of hits\] date format", s):
            section = "date"
        elif section == "date" and re.match(r"^\|\s+\[\d+\]", s):
            out.append(ln)
        elif section == "date" and not s.startswith("|"):
            section = None
        if re.match(r"^\|-?\s*(Matched|Missed) line", s) or s.endswith("line(s):"):
            section = "printed"
        elif section == "printed" and s.startswith("|") and len(s) > 20:
            printed.append(ln)
    if printed:
        out += [printed[0], printed[-1]]
    return out + _status(lines)


# ------------------------------------------------------------------ GNU parallel

JOB = """#!/bin/sh
# bake one batch: fails for batch ids the seeded list names
id="$1"
case " $FAILING " in *" $id "*) echo "batch $id: error: proofing timeout after 240s" >&2; exit $(( id % 3 + 1 ));; esac
case " $KILLED " in *" $id "*) kill -TERM $$;; esac
echo "batch $id: ok loaves=$(( id * 7 % 113 )) oven=$(( id % 12 ))"
"""

FEED = r'''import random, sys, time
name = sys.argv[1]
rng = random.Random(name)
for n in range(rng.randrange(3, 9)):
    print(f"{name}: fetched page {n} items={rng.randrange(10, 90)}", flush=True)
    time.sleep(rng.random() * 0.05)
if name.endswith("7") or name.startswith("mill-b"):
    raise ConnectionError(f"feed {name} refused: 403 permission denied")
if "rye" in name:
    print(f"{name}: error: price column missing in row {rng.randrange(2, 400)}", file=sys.stderr)
    sys.exit(2)
print(f"{name}: done")
'''


def step_parallel(tmp: Path) -> None:
    d = tmp / "ovenfleet" / "batch"
    rng = random.Random(9701)
    failing = " ".join(str(i) for i in sorted(rng.sample(range(1, 501), 23)))
    killed = " ".join(str(i) for i in sorted(rng.sample(range(1, 501), 3)))
    feeds = [f"{p}-{i}" for p in ("mill-a", "mill-b", "rye-co", "oats", "sugar") for i in range(1, 9)]
    write_tree(d, {"bake.sh": JOB, "feed.py": FEED, "feeds.txt": "\n".join(feeds) + "\n"})
    run("chmod +x bake.sh", cwd=d)
    env = {"FAILING": failing, "KILLED": killed}
    run("parallel --will-cite -j4 --joblog jobs500.log ./bake.sh ::: $(seq 1 500) >/dev/null 2>&1", cwd=d, env=env,
        timeout=300)
    cap("parallel-joblog-500", "cat jobs500.log", d, n_parallel_joblog)
    cap("parallel-joblog-sorted", "(head -n 1 jobs500.log; tail -n +2 jobs500.log | sort -k4 -g -r | head -n 60) | column -t",
        d, n_parallel_joblog)
    run("parallel --will-cite -j3 --joblog feeds.log python3 feed.py :::: feeds.txt >/dev/null 2>&1", cwd=d,
        timeout=120)
    cap("parallel-joblog-feeds", "cat feeds.log; echo EXIT=$?", d, n_parallel_joblog)
    cap("parallel-tag-feeds", "parallel --will-cite --tag -j4 python3 feed.py :::: feeds.txt 2>&1; echo EXIT=$?", d,
        n_parallel_run)
    cap("parallel-halt-now", "parallel --will-cite --halt now,fail=3 -j2 ./bake.sh ::: $(seq 1 300) 2>&1 "
        "| tail -n 120", d, n_parallel_run, env=env)
    cap("parallel-halt-soon-keep-order",
        "parallel --will-cite -k --halt soon,fail=20% -j4 python3 feed.py :::: feeds.txt 2>&1; echo EXIT=$?", d,
        n_parallel_run)


# ------------------------------------------------------------------ monitoring-plugins and monit

PLUG = "/usr/lib/nagios/plugins"


def step_checks(tmp: Path) -> None:
    p = _server(tmp)
    d = tmp / "ovenfleet" / "checks"
    dead = [free_port() for _ in range(3)]
    urls = ["/menu", "/health", "/ovens", "/slow", "/fail", "/flaky", "/orders/7", "/admin/reports", "/menu?x=1"]
    lines = ["#!/bin/sh", f"P={p}"]
    for u in urls:
        lines.append(f"{PLUG}/check_http -H 127.0.0.1 -p $P -u '{u}' -w 0.1 -c 0.3 -t 3")
        lines.append(f"{PLUG}/check_http -H 127.0.0.1 -p $P -u '{u}' -s ok -w 0.2 -c 1")
    for port in [p, *dead, 22]:
        lines.append(f"{PLUG}/check_tcp -H 127.0.0.1 -p {port} -w 0.05 -c 0.5")
    lines.append(f"{PLUG}/check_http -H 127.0.0.1 -p $P -u /ovens -r 'temp\": 2[0-9][0-9]'")
    lines.append(f"{PLUG}/check_http -H 127.0.0.1 -p $P --onredirect=bogus")
    write_tree(d, {"sweep.sh": "\n".join(lines) + "\n"})
    cap("nagios-http-tcp-sweep", "sh -x sweep.sh 2>&1", d, n_nagios)
    local = ["#!/bin/sh"]
    for path in ["/", "/tmp", "/var", str(tmp)]:
        local.append(f"{PLUG}/check_disk -w 30% -c 10% -p {path}; echo rc=$?")
        local.append(f"{PLUG}/check_disk -w 99% -c 98% -p {path}; echo rc=$?")
    local += [f"{PLUG}/check_load -w 0.5,0.4,0.3 -c 8,6,4; echo rc=$?", f"{PLUG}/check_load -r -w 5,4,3 -c 9,8,7; echo rc=$?",
              f"{PLUG}/check_procs -w 1:3 -C python3; echo rc=$?", f"{PLUG}/check_procs -c 1: -C ovend; echo rc=$?",
              f"{PLUG}/check_procs -w 200 -c 400; echo rc=$?", f"{PLUG}/check_procs -w 10 -c 20 -s Z; echo rc=$?",
              f"{PLUG}/check_procs -w 5 -c 10 --metric=CPU; echo rc=$?", f"{PLUG}/check_procs -w 1:1 -a api.py -vv; echo rc=$?",
              f"{PLUG}/check_disk -w 10% -c 5% -p /no/such/mount; echo rc=$?", f"{PLUG}/check_load -w abc; echo rc=$?"]
    write_tree(d, {"local.sh": "\n".join(local) + "\n"})
    cap("nagios-disk-load-procs", "sh local.sh 2>&1", d, n_nagios)
    cap("nagios-sweep-not-ok", "sh sweep.sh 2>&1 | grep -v ' OK'", d, n_nagios)


MONITRC = """set daemon 2
set logfile {d}/monit.log
set idfile {d}/monit.id
set statefile {d}/monit.state
set pidfile {d}/monit.pid
set httpd unixsocket {d}/monit.sock
    allow localhost

check system bakery-host
    if loadavg (1min) > 60 then alert
    if memory usage > 99% then alert

check process order-api matching "api.py"
    if failed host 127.0.0.1 port {port} protocol http request "/health" then alert

check process oven-daemon with pidfile {d}/ovend.pid
check process proofer matching "proofer-that-never-runs"

check host order-api-routes with address 127.0.0.1
    if failed port {port} protocol http request "/fail" then alert
    if failed port {port} protocol http request "/menu" then alert
check host pos-bridge with address 127.0.0.1
    if failed port {dead} type tcp then alert

check filesystem rootfs with path /
    if space usage > 99% then alert
check directory spool with path {d}/spool
check directory missing-spool with path {d}/spool-gone
check program queue-depth with path "{d}/queue.sh"
    if status != 0 then alert
{files}"""

MONITRC_BAD = """set daemon 2
set logfile {d}/monit.log
check process order-api matching "api.py"
    if failed host 127.0.0.1 port {port} protocol htp then alert
check file menu with path {d}/menu.json
    if size > 10 parsecs then alert
check filesystem rootfs with pth /
"""


def step_monit(tmp: Path) -> None:
    p = _server(tmp)
    d = tmp / "ovenfleet" / "monit"
    rng = random.Random(9702)
    files = []
    body = {"spool/.keep": "", "queue.sh": "#!/bin/sh\necho 'queue depth 412 (limit 300)'\nexit 2\n"}
    for i in range(36):
        name = f"batch-{i:02d}.json"
        if i % 7 != 3:
            body[f"spool/{name}"] = "x" * rng.randrange(10, 4000)
        rule = rng.choice(["if size > 2 kB then alert", "if timestamp > 1 minutes then alert",
                           "if changed checksum then alert", "if not exist then alert",
                           "if failed permission 600 then alert"])
        files.append(f"check file {name} with path {d}/spool/{name}\n    {rule}")
    write_tree(d, body)
    run("chmod +x queue.sh && chmod 644 spool/*.json", cwd=d)
    rc = d / "monitrc"
    rc.write_text(MONITRC.format(d=d, port=p, dead=free_port(), files="\n".join(files) + "\n"))
    rc.chmod(0o600)
    bad = d / "monitrc.bad"
    bad.write_text(MONITRC_BAD.format(d=d, port=p))
    bad.chmod(0o600)
    for i, (old, new) in enumerate([("protocol htp", "protocol http"), ("10 parsecs", "10 kB"), ("pth /", "path /"),
                                    ("set daemon 2", "set daemon two"), ("check file", "chek file"),
                                    ("matching", "matchng")]):
        rcb = d / f"rc.d/bad{i}.rc"
        rcb.parent.mkdir(exist_ok=True)
        rcb.write_text(bad.read_text().replace(old, new, 1) if i else bad.read_text())
        rcb.chmod(0o600)
    cap("monit-t-bad-loop", "for f in rc.d/*.rc; do monit -t -c $f; done 2>&1; echo EXIT=$?", d, n_monit_t)
    cap("monit-t-good", f"monit -t -v -c {rc} 2>&1 | tail -n 60", d, n_monit_t)
    try:
        run(f"monit -c {rc}", cwd=d, timeout=30)
        time.sleep(9)
        cap("monit-status", f"monit -c {rc} status", d, n_monit_status)
        cap("monit-summary", f"monit -c {rc} summary; echo EXIT=$?", d, n_monit_summary)
    finally:
        run(f"monit -c {rc} quit", cwd=d, timeout=30)


# ------------------------------------------------------------------ chkrootkit

# chkrootkit's tests that read binaries, processes and sockets (its filesystem-wide searches, `aliens` and `lkm`
# among them, printed over 1 MB in 400 s here and are not run)
CHK_TESTS = ("amd basename biff chfn chsh cron crontab date du dirname echo egrep env find fingerd gpm grep hdparm su "
             "ifconfig inetd inetdconf identd init killall ldsopreload login ls lsof mail mingetty netstat named passwd "
             "pidof pop2 pop3 ps pstree rpcinfo rlogind rshd slogin sendmail sshd syslogd tar tcpd tcpdump top telnetd "
             "timed traceroute vdir w write bindshell sniffer wted z2 chkutmp")


def step_chkrootkit(tmp: Path) -> None:
    cap("chkrootkit-tests", f"chkrootkit {CHK_TESTS} 2>&1", tmp, n_chkrootkit, timeout=300)
    cap("chkrootkit-not-infected", f"chkrootkit {CHK_TESTS} 2>&1 | grep -v 'not infected'; echo EXIT=$?", tmp,
        n_chkrootkit, timeout=300)


# ------------------------------------------------------------------ puppet

BAD_MANIFESTS = {
    "ovens.pp": "class ovens {\n  file { '/etc/ovens.conf':\n    ensure => file,\n    mode   => '0644'\n    owner  => 'root',\n  }\n}\n",
    "couriers.pp": "class couriers($zones = ['n', 's']) {\n  $zones.each |$z| {\n    notify { \"zone ${z}\": }\n  }\n\n",
    "menu.pp": "file { '/srv/menu':\n  ensure => directory,\n  recurse => true,\n  source => 'puppet:///modules/menu/',\n}}\n",
    "users.pp": "user { 'baker':\n  ensure => present,\n  groups => ['ovens' 'dough'],\n}\n",
    "cron.pp": "cron { 'proof':\n  command => '/usr/local/bin/proof',\n  hour => 3,\n  minute => ,\n}\n",
    "params.pp": "class params {\n  $ovens = 12\n  $ovens = 14\n  if $ovens > 10 {\n    notice('big bakery')\n  } elsif {\n    notice('small')\n  }\n}\n",
    "service.pp": "service { 'ovend':\n  ensure => running,\n  enable => true,\n  provider => systemd\n  require => Package['ovend'],\n}\n",
    "hiera.pp": "$x = lookup('ovenfleet::zones', Array[String], 'unique', [])\nnotify { \"zones ${x.join(',')\": }\n",
    "good.pp": "class goodthing {\n  notify { 'all good': }\n}\ninclude goodthing\n",
    "types.pp": "define ovenfleet::oven(Integer $temp) {\n  notify { \"oven ${title} at ${temp}\": }\n}\novenfleet::oven { 'a': temp => 'hot' }\nnode default { $y = [1,2,3][5] }\n",
}


def _site(root: Path, n: int, seed: int, broken: bool) -> str:
    rng = random.Random(seed)
    out = [f"$root = '{root}'", "file { $root: ensure => directory }"]
    for i in range(n):
        kind = rng.choice(["file", "file", "file", "dir", "exec", "notify", "link"])
        nm = f"item{i:03d}"
        if kind == "file":
            content = "ovens=%d\n" % rng.randrange(1, 40)
            req = ""
            if broken and i % 17 == 5:
                out.append(f"file {{ \"${{root}}/missing-dir-{i}/{nm}.conf\": ensure => file, content => '{content}' }}")
                continue
            out.append(f"file {{ \"${{root}}/{nm}.conf\": ensure => file, mode => '0640', content => \"{content.strip()}\\n\"{req} }}")
        elif kind == "dir":
            out.append(f"file {{ \"${{root}}/{nm}.d\": ensure => directory, mode => '0750' }}")
        elif kind == "link":
            out.append(f"file {{ \"${{root}}/{nm}.link\": ensure => link, target => \"${{root}}/{nm}.target\" }}")
        elif kind == "exec":
            cmd = "/bin/false" if broken and i % 3 == 0 else f"/bin/echo warm {nm}"
            out.append(f"exec {{ 'warm-{nm}': command => '{cmd}', path => ['/bin', '/usr/bin'] }}")
            out.append(f"file {{ \"${{root}}/{nm}.ready\": ensure => file, content => 'ready', require => Exec['warm-{nm}'] }}")
        else:
            out.append(f"notify {{ 'batch {nm} ready': }}")
    if broken:
        out.append("package { 'ovend-not-a-real-package': ensure => installed, provider => 'dpkg' }")
        out.append("service { 'ovend': ensure => running, subscribe => File[$root] }")
    return "\n".join(out) + "\n"


def step_puppet(tmp: Path) -> None:
    d = tmp / "ovenfleet" / "puppet"
    write_tree(d, {f"manifests/{k}": v for k, v in BAD_MANIFESTS.items()})
    pf = f"--confdir {d}/conf --vardir {d}/var --codedir {d}/code --logdir {d}/log --rundir {d}/run --color=false"
    cap("puppet-validate-loop",
        "for f in manifests/*.pp; do puppet parser validate $PF $f; done; echo EXIT=$?", d,
        n_puppet_validate, env={"PF": pf}, timeout=300,
        typed="for f in manifests/*.pp; do puppet parser validate $f; done; echo EXIT=$?")
    cap("puppet-validate-all", f"puppet parser validate {pf} manifests/*.pp 2>&1", d, n_puppet_validate,
        timeout=120, typed="puppet parser validate manifests/*.pp 2>&1")
    write_tree(d, {"site-noop.pp": _site(d / "tree-noop", 160, 9703, False),
                   "site.pp": _site(d / "tree", 150, 9704, True)})
    cap("puppet-apply-noop", f"puppet apply --noop {pf} site-noop.pp 2>&1", d, n_puppet_apply, timeout=300,
        typed="puppet apply --noop site-noop.pp 2>&1")
    cap("puppet-apply-broken", f"puppet apply {pf} site.pp 2>&1; echo EXIT=$?", d, n_puppet_apply, timeout=300,
        typed="puppet apply site.pp 2>&1; echo EXIT=$?")
    cap("puppet-apply-tail", f"puppet apply {pf} --detailed-exitcodes site.pp 2>&1 | tail -n 80", d,
        n_puppet_apply, timeout=300, typed="puppet apply --detailed-exitcodes site.pp 2>&1 | tail -n 80")


# ------------------------------------------------------------------ logrotate

def step_logrotate(tmp: Path) -> None:
    d = tmp / "ovenfleet" / "logrotate"
    logs = d / "logs"
    rng = random.Random(9705)
    files = {}
    for svc in ("orders", "couriers", "ovens", "pos", "mailer", "proofer"):
        for n in range(rng.randrange(2, 6)):
            files[f"logs/{svc}/{svc}-{n}.log"] = "x" * rng.choice([0, 10, 5000, 200000])
    files["logs/pos/old.log.1"] = "y" * 100
    conf = f"""# ovenfleet log rotation
{logs}/orders/*.log {{
    daily
    rotate 7
    compress
    missingok
    size 1k
    create 0640 root root
}}
{logs}/couriers/*.log {{
    weekly
    rotate 4
    compresss
    notifempty
    maxsize 100k
}}
{logs}/ovens/*.log {logs}/pos/*.log {{
    hourly
    rotate 48
    su bakery bakery
    dateext
    dateformat -%Y%m%d-%H
    postrotate
        kill -HUP `cat /run/ovend.pid`
}}
{logs}/mailer/*.log
{{
    monthly
    rotate twelve
    olddir {d}/archive-missing
}}
include {d}/conf.d
{logs}/proofer/*.log {{
    size 10M
    copytruncate
    minage 2
}}
{logs}/nothing-here/*.log {{
    daily
}}
"""
    extra = {}
    for i in range(14):
        svc = f"zone{i:02d}"
        files[f"logs/zones/{svc}.log"] = "z" * rng.choice([0, 800, 60000])
        extra[f"conf.d/{svc}"] = (f"{logs}/zones/{svc}.log {{\n    {rng.choice(['daily', 'weekly', 'size 50k'])}\n"
                                  f"    rotate {rng.randrange(2, 9)}\n    {rng.choice(['compress', 'delaycompress', 'nocompress', 'shred 3', 'sharedscripts'])}\n}}\n")
    extra["conf.d/zone07.bak"] = "ignored\n"
    write_tree(d, {**files, **extra, "ovenfleet.conf": conf})
    run("chmod 0777 logs/pos && chmod 0644 ovenfleet.conf", cwd=d)
    cap("logrotate-debug", "logrotate -d -s state ovenfleet.conf 2>&1", d, n_logrotate)
    cap("logrotate-debug-grep", "logrotate -d -s state ovenfleet.conf 2>&1 | grep -E 'error|rotating|considering|needs'",
        d, n_logrotate)


# ------------------------------------------------------------------ fail2ban-regex over an auth log made here

def _auth_log(n: int, seed: int) -> str:
    rng = random.Random(seed)
    bad_ips = [f"203.0.113.{rng.randrange(2, 250)}" for _ in range(6)] + [f"198.51.100.{rng.randrange(2, 250)}"]
    good_ips = ["10.20.0.5", "10.20.0.9"]
    users = ["root", "admin", "oracle", "test", "baker", "ubuntu", "pi", "git", "postgres", "deploy"]
    out = []
    t = 1_700_000_000
    for i in range(n):
        t += rng.randrange(1, 40)
        ts = time.strftime("%b %d %H:%M:%S", time.gmtime(t)).replace(" 0", "  ", 1)
        pid = rng.randrange(1000, 60000)
        r = rng.random()
        ip = rng.choice(bad_ips)
        port = rng.randrange(30000, 65000)
        u = rng.choice(users)
        if r < 0.35:
            msg = f"sshd[{pid}]: Failed password for invalid user {u} from {ip} port {port} ssh2"
        elif r < 0.5:
            msg = f"sshd[{pid}]: Failed password for root from {ip} port {port} ssh2"
        elif r < 0.6:
            msg = f"sshd[{pid}]: Invalid user {u} from {ip} port {port}"
        elif r < 0.65:
            msg = f"sshd[{pid}]: Connection closed by authenticating user root {ip} port {port} [preauth]"
        elif r < 0.7:
            msg = f"sshd[{pid}]: error: maximum authentication attempts exceeded for root from {ip} port {port} ssh2 [preauth]"
        elif r < 0.8:
            msg = f"sshd[{pid}]: Accepted publickey for baker from {rng.choice(good_ips)} port {port} ssh2: ED25519 SHA256:q9xk"
        elif r < 0.9:
            msg = f"sshd[{pid}]: pam_unix(sshd:session): session opened for user baker(uid=1001) by (uid=0)"
        else:
            msg = f"CRON[{pid}]: pam_unix(cron:session): session closed for user root"
        out.append(f"{ts} bakery-gw {msg}")
    return "\n".join(out) + "\n"


def step_fail2ban(tmp: Path) -> None:
    d = tmp / "ovenfleet" / "f2b"
    write_tree(d, {"auth.log": _auth_log(2400, 9706), "auth-small.log": _auth_log(300, 9707),
                   "ovenfleet-filter.conf": "[Definition]\nfailregex = ^.*Failed password for (invalid user )?\\S+ from <HOST>\n"
                                            "            ^.*Invalid user \\S+ from <ADDR> port \\d+$\n"
                                            "            ^.*oven login refused from <HOST>\nignoreregex = from 10\\.20\\.\n"})
    cap("fail2ban-regex-sshd", "fail2ban-regex auth.log /etc/fail2ban/filter.d/sshd.conf", d, n_fail2ban_regex,
        timeout=300)
    cap("fail2ban-regex-custom-matched",
        f"fail2ban-regex --print-all-matched auth-small.log {d}/ovenfleet-filter.conf 2>&1 | head -n 150", d,
        n_fail2ban_regex, timeout=300)
    cap("fail2ban-regex-aggressive-missed",
        "fail2ban-regex --print-all-missed auth-small.log 'sshd[mode=aggressive]' 2>&1 | tail -n 100", d,
        n_fail2ban_regex, timeout=300)


STEPS = [step_parallel, step_checks, step_monit, step_puppet, step_logrotate, step_fail2ban, step_chkrootkit]
