"""Round 119's host monitors and the extractors of their kinds (NEEDLES.md, "Round 119"): munin-node's plugins run
through munin-run, and collectd run in the foreground for a while with the csv and logfile plugins under the round's
temp dir (two plugins pointed at services that are not there). munin's df thresholds are set (a plugin-conf.d
file) so the root disk counts as nearly full. Run through capture_wide119.py."""

from __future__ import annotations

import re
import time
from pathlib import Path

import capture_more as cm
from capture_more import run
from capture_data import free_port, rule4
from capture_wide119 import add, cap, client_errors, exit_lines

# ------------------------------------------------------------------ the extractors (rule 5 values, NEEDLES.md)

MUNIN_VAL = re.compile(r"^([\w.-]+)\.value\s+(\S+)$")


@cm.kind("munin-run", "table")
def n_munin_run(lines):
    """Rule 5: every == plugin header and error line; config -> graph_title and every .warning/.critical line; values -> every .value U line and per plugin the min and max value lines (rule 4); EXIT=N."""
    out, rows = [], {}
    cur = ""
    for ln in lines:
        s = ln.strip()
        if s.startswith("== "):
            out.append(ln)
            cur = s
            continue
        if re.search(r"# Unknown service|\berror\b|No such file|not found|Permission denied|can't|cannot", s, re.I):
            out.append(ln)
        if s.startswith("graph_title") or re.match(r"^[\w.-]+\.(warning|critical)\s", s):
            out.append(ln)
        m = MUNIN_VAL.match(s)
        if m:
            if m.group(2) == "U":
                out.append(ln)
            else:
                rows.setdefault(cur, []).append((ln, {"v": m.group(2)}))
    for r in rows.values():
        out += rule4(r, nums=("v",))
    return out + exit_lines(lines)


@cm.kind("collectd-csv", "table")
def n_collectd_csv(lines):
    """Rule 4: the ==> file <== headers, each file's epoch,... header line, per file the rows holding each numeric column's min and max; EXIT=N."""
    out, files, cur = [], [], None
    for ln in lines:
        s = ln.strip()
        if s.startswith("==>") and s.endswith("<=="):
            out.append(ln)
            cur = None
            continue
        if s.startswith("epoch,"):
            out.append(ln)
            cur = (s.split(","), [])
            files.append(cur)
            continue
        if re.match(r"^\d+(\.\d+)?,", s):
            if cur is None:
                cur = (["epoch"] + [f"c{i}" for i in range(1, s.count(",") + 1)], [])
                files.append(cur)
            f = s.split(",")
            cur[1].append((ln, dict(zip(cur[0][1:], f[1:]))))
    for cols, rows in files:
        out += rule4(rows, nums=tuple(cols[1:]))
    return out + exit_lines(lines)


@cm.kind("collectd-log", "log")
def n_collectd_log(lines):
    """Rules 1+5: every [error] line and line naming a plugin that failed to load or read, [warning] lines one {any} per message shape, the Initialization complete and Exiting normally lines; EXIT=N."""
    out, warns = [], []
    for ln in lines:
        if re.search(r"\[error\]|\berror\b|failed|Could not|unable", ln, re.I):
            out.append(ln)
        elif re.search(r"\[warning\]", ln, re.I):
            warns.append((cm.mask(re.sub(r"^\[[^\]]*\]\s*\[warning\]\s*", "", ln)), ln))
        elif re.search(r"Initialization complete|Exiting normally", ln):
            out.append(ln)
    return out + cm.groups(warns) + exit_lines(lines)


# ------------------------------------------------------------------ munin

def munin_steps(tmp: Path) -> None:
    if not cm.have("munin-run", "munin-run"):
        return
    d = tmp / "munin"
    d.mkdir(parents=True, exist_ok=True)
    # the df plugins' thresholds set so the root disk counts as nearly full; the sandbox's own mounts left out
    Path("/etc/munin/plugin-conf.d/zz-beacon").write_text(
        "[df*]\nenv.exclude_re ^/mnt/sandboxing\nenv.warning 85\nenv.critical 88\n")
    plugdir = Path("/etc/munin/plugins")
    if not plugdir.exists() or not any(plugdir.iterdir()):
        run("munin-node-configure --shell 2>/dev/null | sh", timeout=120)
    plugins = sorted(p.name for p in plugdir.iterdir()) if plugdir.exists() else []
    cm.note(f"munin plugins: {' '.join(plugins)}")
    if not plugins:
        return
    cap("munin-loop", "for p in $(ls /etc/munin/plugins); do echo \"== $p\"; munin-run $p; done 2>&1", d,
        n_munin_run, timeout=300)
    cap("munin-config-loop", "for p in $(ls /etc/munin/plugins); do echo \"== $p\"; munin-run $p config; done 2>&1 "
        "| head -n 400", d, n_munin_run, timeout=300)
    for p in ("diskstats",):
        if p in plugins:
            cap(f"munin-{p}", f"munin-run {p} config; munin-run {p}; echo EXIT=$?", d, n_munin_run, timeout=120)


# ------------------------------------------------------------------ collectd

COLLECTD_CONF = """Hostname "beacon-ops"
FQDNLookup false
Interval 1
BaseDir "{d}/base"
PIDFile "{d}/collectd.pid"
PluginDir "/usr/lib/collectd"
TypesDB "/usr/share/collectd/types.db"
LoadPlugin logfile
<Plugin logfile>
  LogLevel info
  File "{d}/collectd.log"
  Timestamp true
  PrintSeverity true
</Plugin>
LoadPlugin cpu
LoadPlugin load
LoadPlugin memory
LoadPlugin df
LoadPlugin interface
LoadPlugin processes
LoadPlugin tcpconns
LoadPlugin memcached
LoadPlugin nginx
LoadPlugin csv
<Plugin df>
  MountPoint "/"
  MountPoint "/tmp"
  ReportInodes true
</Plugin>
<Plugin processes>
  Process "python3"
  Process "java"
  Process "etcd"
  Process "prometheus"
</Plugin>
<Plugin tcpconns>
  ListeningPorts true
</Plugin>
<Plugin memcached>
  <Instance "harbour-cache">
    Host "127.0.0.1"
    Port "{dead}"
  </Instance>
</Plugin>
<Plugin nginx>
  URL "http://127.0.0.1:{dead2}/nginx_status"
</Plugin>
<Plugin csv>
  DataDir "{d}/csv"
  StoreRates true
</Plugin>
"""

def collectd_steps(tmp: Path) -> None:
    if not cm.have("collectd", "collectd") and not cm.have("/usr/sbin/collectd", "collectd"):
        return
    d = tmp / "collectd"
    (d / "base").mkdir(parents=True, exist_ok=True)
    (d / "collectd.conf").write_text(COLLECTD_CONF.format(d=d, dead=free_port(), dead2=free_port()))
    p = cm.start(["/usr/sbin/collectd", "-f", "-C", str(d / "collectd.conf")], cwd=d,
                 log=open(d / "stdout.log", "wb"))
    time.sleep(40)
    p.terminate()
    try:
        p.wait(timeout=10)
    except Exception:
        p.kill()
    log = (d / "collectd.log").read_text() if (d / "collectd.log").exists() else ""
    add("collectd-log", "cat collectd.log", log, n_collectd_log)
    add("collectd-log-err", "grep -v '\\[info\\]' collectd.log | head -n 60",
        "".join([ln for ln in log.splitlines(True) if "[info]" not in ln][:60]), n_collectd_log)
    csv = d / "csv"
    cm.note(run("find csv -type f | head -n 40", cwd=d))
    cap("collectd-csv-load", "tail -n +1 csv/beacon-ops/load/load-* csv/beacon-ops/memory/*", d, n_collectd_csv)
    cap("collectd-csv-cpu", "head -n 30 csv/beacon-ops/cpu-*/*", d, n_collectd_csv)
    cap("collectd-csv-df", "tail -n +1 csv/beacon-ops/df-*/* | head -n 200", d, n_collectd_csv)
    cap("collectd-csv-procs", "tail -n 20 csv/beacon-ops/processes*/*", d, n_collectd_csv)


STEPS = [munin_steps, collectd_steps]
