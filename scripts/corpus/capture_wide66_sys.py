"""Round 66's languages and system tools, and the extractors of their kinds (NEEDLES.md, "Round 66"): Erlang VMs
crashed for their dumps; a Mix project (`courier`, seeded modules with compile-time dependencies, a cycle and
failing tests) through `mix xref` and `mix test --cover`; systemd-analyze's syscall-filter, capability and
exit-status tables; a damaged SQLite file through `PRAGMA integrity_check`; a route planner in Free Pascal that
leaks, built with heaptrc; gawk profiles of a settlement report; an HAProxy config with mistakes through
`haproxy -c`. Run through capture_wide66.py."""

from __future__ import annotations

import os
import random
import re
import sqlite3
from pathlib import Path

import capture_more as cm
from capture_more import any_of, groups, have, run, write_tree
from capture_data import rule4
from capture_wide66 import cap
from capture_wide66_redis import _status

# ------------------------------------------------------------------ the extractors (rule 5 values, NEEDLES.md)


@cm.kind("erl-crash-dump", "log")
def n_crash_dump(lines):
    """Rule 5: the '=erl_crash_dump:' line, Slogan, System version, Taken at, and under =memory the total and processes lines."""
    out, section = [], ""
    for ln in lines:
        if ln.startswith("="):
            section = ln.split(":")[0]
        if ln.startswith("=erl_crash_dump:") or re.match(r"^(Slogan|System version|Taken at):", ln):
            out.append(ln)
        elif section == "=memory" and re.match(r"^(total|processes): ", ln):
            out.append(ln)
    return out + _status(lines)


@cm.kind("mix-xref-graph", "listing")
def n_xref_graph(lines):
    """Rule 5: every top-level file line of the tree, and every edge line marked (compile)."""
    out = [ln for ln in lines if re.match(r"^\S+\.exs?$", ln.strip()) and not ln.startswith((" ", "│", "├", "└"))]
    out += [ln for ln in lines if ln.rstrip().endswith("(compile)")]
    return out + _status(lines)


@cm.kind("mix-xref-cycles", "listing")
def n_xref_cycles(lines):
    """Rule 5: every 'Cycle of length' line with the first file line after it, and the 'N cycles found' line."""
    out = []
    for i, ln in enumerate(lines):
        if ln.startswith("Cycle of length"):
            out.append(ln)
            nxt = cm.next_match(lines, i, r"\S+\.exs?", 4)
            if nxt:
                out.append(nxt)
        elif re.match(r"^\d+ cycles? found", ln) or ln.startswith("No cycles found"):
            out.append(ln)
    return out + _status(lines)


@cm.kind("mix-test-cover", "test")
def n_test_cover(lines):
    """Rule 2 on ExUnit (failure headers, first Assertion / ** ( / code: line after each, the counts line) and the coverage table's header, Total line, min and max rows, the 'threshold not met' line."""
    out = []
    for i, ln in enumerate(lines):
        if re.match(r"^\s+\d+\) (test|doctest) ", ln):
            out.append(ln)
            first = cm.next_match(lines, i, r"Assertion with|\*\* \(|^\s+code:", 8)
            if first:
                out.append(first)
        elif re.match(r"^\d+ (tests?|doctests?).*\d+ failures?", ln.strip()) or "threshold not met" in ln:
            out.append(ln)
        elif re.match(r"^\s*Percentage \| Module", ln) or re.match(r"^\s*[\d.]+% \| Total$", ln):
            out.append(ln)
    rows = [(ln, {"pct": ln.split("%")[0].strip()}) for ln in lines
            if re.match(r"^\s*[\d.]+% \| \S", ln) and not ln.rstrip().endswith("| Total")]
    return out + rule4(rows, nums=("pct",)) + _status(lines)


@cm.kind("systemd-analyze-syscall-filter", "listing")
def n_syscall_filter(lines):
    """Rule 5: every line starting with '@' (a group header or an included group) and the '#' comment line right after a header."""
    out = []
    for i, ln in enumerate(lines):
        if ln.strip().startswith("@"):
            out.append(ln)
            if not ln.startswith(" ") and i + 1 < len(lines) and lines[i + 1].strip().startswith("#"):
                out.append(lines[i + 1])
    return out + _status(lines)


def _name_number_table(lines):
    hdr = next((ln for ln in lines if re.match(r"^NAME\s+(NUMBER|STATUS)", ln)), None)
    rows = []
    for ln in lines:
        m = re.match(r"^(\S+)\s+(\d+)(?:\s+(\S+))?\s*$", ln)
        if m:
            rows.append((ln, {"num": m.group(2), "class": m.group(3) or "<none>"}))
    return rule4(rows, cat=("class",), nums=("num",), header=[hdr] if hdr else []) + _status(lines)


@cm.kind("systemd-analyze-capability", "table")
def n_capability(lines):
    """Rule 4 on the NAME / NUMBER table: the header, rare CLASS rows, the minimum and maximum number rows."""
    return _name_number_table(lines)


@cm.kind("systemd-analyze-exit-status", "table")
def n_exit_status(lines):
    """Rule 4 on the NAME / STATUS / CLASS table: the header, rare CLASS rows, the minimum and maximum status rows."""
    return _name_number_table(lines)


@cm.kind("sqlite-integrity-check", "log")
def n_integrity(lines):
    """Rule 1: every Error: / Parse error / malformed line, the first problem line, one {"any"} per message shape (numbers masked)."""
    out = [ln for ln in lines if re.search(r"^(Error|Parse error)\b|malformed", ln)]
    probs = [ln for ln in lines if ln.strip() and not ln.startswith("***") and ln not in out
             and not STATUS_OR_OK.match(ln.strip())]
    if probs:
        out.append(probs[0])
    out += groups((re.sub(r"\d+", "N", ln), ln) for ln in probs)
    return out + _status(lines)


STATUS_OR_OK = re.compile(r"^(EXIT=\d+|ok)$")


@cm.kind("fpc-heaptrc", "log")
def n_heaptrc(lines):
    """Rule 5: the memory blocks allocated / freed / unfreed lines, every 'Call trace for block' line with the first 'line N of file' line after it, every Runtime error / Error: line."""
    out = []
    for i, ln in enumerate(lines):
        if re.search(r"memory blocks (allocated|freed)|unfreed memory blocks", ln):
            out.append(ln)
        elif ln.startswith("Call trace for block"):
            out.append(ln)
            for k in range(i + 1, min(len(lines), i + 12)):
                if lines[k].startswith("Call trace for block"):
                    break
                if re.search(r"line \d+ of \S+", lines[k]):
                    out.append(lines[k])
                    break
        elif re.search(r"Runtime error|^Error:|An unhandled exception", ln):
            out.append(ln)
    return out + _status(lines)


@cm.kind("gawk-profile", "code")
def n_gawk_profile(lines):
    """Rule 5: the '# gawk profile' header, every rule and function header line, every statement line whose count is at least 10% of the largest count."""
    out = [ln for ln in lines if ln.lstrip().startswith("# gawk profile")]
    counted = []
    for ln in lines:
        m = re.match(r"^\s*(\d+)\s+(\S.*)$", ln)
        if m:
            counted.append((int(m.group(1)), ln, m.group(2)))
        elif re.match(r"^\s*(BEGIN|END|BEGINFILE|ENDFILE)\s*\{", ln):
            out.append(ln)
    top = max((c for c, _, _ in counted), default=0)
    for c, ln, body in counted:
        header = body.startswith("function ") or body.rstrip().endswith("{") and not re.match(
            r"^\s*(if|else|for|while|do|switch)\b", body.strip())
        if header or c * 10 >= top:
            out.append(ln)
    return out + _status(lines)


@cm.kind("haproxy-check", "lint")
def n_haproxy(lines):
    """Rule 1: every [ALERT] line; [WARNING] lines one {"any"} per message shape; the verdict line."""
    out = [ln for ln in lines if "[ALERT]" in ln]
    warns = [ln for ln in lines if "[WARNING]" in ln]
    out += groups((cm.mask(re.sub(r"^.*?\[WARNING\]\s*(\(\d+\)\s*:)?", "", ln)), ln) for ln in warns)
    out += [ln for ln in lines if re.search(r"Fatal errors found in configuration|Configuration file is valid|"
                                            r"has no error but will not start", ln)]
    return out + _status(lines)


# ------------------------------------------------------------------ Erlang crash dumps

def erlang(tmp: Path) -> None:
    if not have("erl", "erl-crash-dump"):
        return
    d = tmp / "erl"
    d.mkdir(parents=True, exist_ok=True)
    boot = ("Tabs = [ets:new(list_to_atom(\"courier_cache_\" ++ integer_to_list(N)), [named_table, public]) "
            "|| N <- lists:seq(1, 40)], "
            "[ets:insert(T, {K, lists:duplicate(K rem 50, $x)}) || T <- Tabs, K <- lists:seq(1, 500)], "
            "Ps = [spawn(fun() -> receive stop -> ok end end) || _ <- lists:seq(1, 300)], "
            "register(dispatch_queue, hd(Ps)), "
            "erlang:halt(\"dispatch_queue: mailbox over 50000 messages, giving up\")")
    run(f"erl -noshell -eval '{boot}'", cwd=d, timeout=120, env={"ERL_CRASH_DUMP": str(d / "erl_crash.dump")})
    cap("head-150-erl-crash-dump-halt", "head -n 150 erl_crash.dump", d, n_crash_dump)
    run("mv erl_crash.dump halt.dump", cwd=d)
    run("erl -noshell -pa ebin -s courier_app start", cwd=d, timeout=120,
        env={"ERL_CRASH_DUMP": str(d / "erl_crash.dump")})
    cap("head-120-erl-crash-dump-do-boot-echo", "head -n 120 erl_crash.dump; echo EXIT=$?", d, n_crash_dump)
    cap("grep-A4-erl-crash-dump-sections", "grep -A4 -E '^=(erl_crash_dump|memory|hash_table:atom_tab)' "
        "erl_crash.dump | head -n 60", d, n_crash_dump)


# ------------------------------------------------------------------ the Mix project

def mix_project(seed: int) -> dict[str, str]:
    rnd = random.Random(seed)
    files = {
        "mix.exs": "defmodule Courier.MixProject do\n  use Mix.Project\n  def project, do: [app: :courier, "
                   "version: \"0.3.0\", elixir: \"~> 1.14\", deps: [], test_coverage: [summary: [threshold: 85]]]\n"
                   "end\n",
        "lib/courier/macros.ex": "defmodule Courier.Macros do\n  defmacro field(name, default) do\n    quote do\n"
                                 "      def unquote(name)(), do: unquote(default)\n    end\n  end\nend\n",
        "lib/courier/fare.ex": "defmodule Courier.Fare do\n  def base(km) when km < 2, do: 3.5\n"
                               "  def base(km), do: 3.5 + (km - 2) * 1.1\n  def surge(f, level), do: f * (1 + level / 10)\n"
                               "  def round_cents(f), do: Float.round(f, 1)\nend\n",
        "lib/courier/zone.ex": "defmodule Courier.Zone do\n  def of(lat, _lng) when lat > 48.0, do: :north\n"
                               "  def of(_lat, _lng), do: :south\n  def fee(z), do: Courier.Route.zone_fee(z)\nend\n",
        "lib/courier/route.ex": "defmodule Courier.Route do\n  def zone_fee(:north), do: 2\n  def zone_fee(:south), do: 1\n"
                                "  def legs(stops), do: Enum.chunk_every(stops, 2, 1, :discard)\n"
                                "  def price(stops), do: Courier.Zone.fee(:north) + length(legs(stops))\nend\n",
    }
    mods = []
    for k in range(80):
        name = f"Courier.Shift{k:02d}"
        mods.append(name)
        body = [f"defmodule {name} do", "  require Courier.Macros", f"  Courier.Macros.field(:cap, {rnd.randint(3, 12)})"]
        if k and rnd.random() < 0.5:
            body.append(f"  @prev {mods[rnd.randint(0, k - 1)]}")
            body.append("  def prev, do: @prev.cap()")
        for j in range(rnd.randint(2, 5)):
            body.append(f"  def slot{j}(n), do: Courier.Fare.base(n + {j}) + Courier.Zone.fee(:south)")
        if k % 7 == 3 and k + 1 < 80:
            body.append(f"  def handoff(n), do: Courier.Shift{k + 1:02d}.slot0(n)")
        if k % 7 == 4:
            body.append(f"  def handback(n), do: Courier.Shift{k - 1:02d}.slot1(n)")
        if k % 11 == 5 and k >= 10:
            body.append(f"  def chain(n), do: Courier.Shift{k - 10:02d}.slot0(n) + Courier.Shift{k - 5:02d}.slot0(n)")
        if k % 11 == 0 and k + 5 < 80:
            body.append(f"  def relay(n), do: Courier.Shift{k + 5:02d}.slot0(n)")
        if k % 9 == 4:
            body.append(f"  def untested(x), do: x * {k}")
        body.append("end")
        files[f"lib/courier/shift{k:02d}.ex"] = "\n".join(body) + "\n"
    files["test/test_helper.exs"] = "ExUnit.start()\n"
    tests = ["defmodule Courier.FareTest do", "  use ExUnit.Case, async: true", "  alias Courier.Fare"]
    for k in range(30):
        km = rnd.randint(0, 20)
        want = 3.5 if km < 2 else 3.5 + (km - 2) * 1.1
        if k in (5, 17):
            want = round(want + 0.5, 2)  # wrong expectations put in
        tests += [f"  test \"base fare for {km} km (case {k})\" do",
                  f"    assert_in_delta Fare.base({km}), {want}, 0.001", "  end"]
    tests += ["  test \"surge level 3 rounds to cents\" do", "    assert Fare.round_cents(Fare.surge(10.0, 3)) == 13.00",
              "  end", "  test \"route price of three stops\" do",
              "    assert Courier.Route.price([:a, :b, :c]) == 3", "  end",
              "  test \"zone of a missing point\" do", "    assert Courier.Zone.of(nil, 2.0) == :south", "  end", "end"]
    files["test/fare_test.exs"] = "\n".join(tests) + "\n"
    shift_tests = ["defmodule Courier.ShiftTest do", "  use ExUnit.Case"]
    for k in range(0, 80, 3):
        shift_tests += [f"  test \"shift {k} capacity\" do", f"    assert Courier.Shift{k:02d}.cap() > 0",
                        f"    assert Courier.Shift{k:02d}.slot0(1) > 0", "  end"]
    shift_tests += ["  test \"shift 7 has a slot3\" do", "    assert Courier.Shift07.slot3(2) > 0", "  end", "end"]
    files["test/shift_test.exs"] = "\n".join(shift_tests) + "\n"
    return files


def mix(tmp: Path) -> None:
    if not have("mix", "mix-xref-graph"):
        return
    d = tmp / "courier"
    write_tree(d, mix_project(6620))
    env = {"MIX_HOME": str(tmp / ".mix"), "HEX_OFFLINE": "1"}
    run("mix compile", cwd=d, env=env, timeout=400)
    cap("mix-xref-graph", "mix xref graph", d, n_xref_graph, env=env, timeout=300)
    cap("mix-xref-graph-label-compile-head-80", "mix xref graph --label compile | head -n 80", d, n_xref_graph, env=env,
        timeout=300)
    cap("mix-xref-graph-format-cycles", "mix xref graph --format cycles", d, n_xref_cycles, env=env, timeout=300)
    cap("mix-xref-cycles-head-40-echo", "mix xref graph --format cycles 2>&1 | head -n 40; echo EXIT=$?", d,
        n_xref_cycles, env=env, timeout=300)
    tenv = dict(env, MIX_ENV="test")
    cap("mix-test-cover", "mix test --cover --seed 0", d, n_test_cover, env=tenv, timeout=400)
    cap("mix-test-cover-tail-45-echo", "mix test --cover --seed 0 2>&1 | tail -n 45; echo EXIT=$?", d, n_test_cover,
        env=tenv, timeout=400)


# ------------------------------------------------------------------ systemd-analyze

def systemd(tmp: Path) -> None:
    if not have("systemd-analyze", "systemd-analyze-syscall-filter"):
        return
    cap("systemd-analyze-syscall-filter", "systemd-analyze syscall-filter", tmp, n_syscall_filter)
    cap("systemd-analyze-syscall-filter-service", "systemd-analyze syscall-filter @system-service @file-system "
        "2>&1 | head -n 120", tmp, n_syscall_filter)
    cap("systemd-analyze-capability", "systemd-analyze capability", tmp, n_capability)
    cap("systemd-analyze-exit-status", "systemd-analyze exit-status", tmp, n_exit_status)
    cap("systemd-analyze-exit-status-echo", "systemd-analyze exit-status; echo EXIT=$?", tmp, n_exit_status)


# ------------------------------------------------------------------ SQLite

def sqlite(tmp: Path) -> None:
    d = tmp / "sqlite"
    d.mkdir(parents=True, exist_ok=True)
    rnd = random.Random(6630)
    db = d / "dispatch.db"
    c = sqlite3.connect(db)
    c.executescript("CREATE TABLE couriers(id INTEGER PRIMARY KEY, name TEXT, zone TEXT, rating REAL);"
                    "CREATE TABLE deliveries(id INTEGER PRIMARY KEY, courier_id INT REFERENCES couriers, "
                    "address TEXT, fee REAL, status TEXT);"
                    "CREATE INDEX deliveries_courier ON deliveries(courier_id);"
                    "CREATE INDEX deliveries_status ON deliveries(status, fee);")
    c.executemany("INSERT INTO couriers VALUES(?,?,?,?)",
                  [(i, f"courier {i}", rnd.choice("NSEW"), round(rnd.uniform(2, 5), 2)) for i in range(3000)])
    c.executemany("INSERT INTO deliveries VALUES(?,?,?,?,?)",
                  [(i, rnd.randint(0, 2999), f"{rnd.randint(1, 300)} {'rue ' * rnd.randint(1, 30)}",
                    round(rnd.uniform(2, 40), 2), rnd.choice(["done", "done", "late", "lost"])) for i in range(40000)])
    c.commit()
    c.close()
    size = db.stat().st_size
    with open(db, "r+b") as f:
        for page in sorted(rnd.sample(range(20, size // 4096 - 1), 14)):
            f.seek(page * 4096 + rnd.randint(8, 3000))
            f.write(bytes(rnd.getrandbits(8) for _ in range(48)))
    cap("sqlite3-pragma-integrity-check", "sqlite3 dispatch.db 'PRAGMA integrity_check'", d, n_integrity)
    cap("sqlite3-integrity-check-30-echo", "sqlite3 dispatch.db 'PRAGMA integrity_check(30);'; echo EXIT=$?", d,
        n_integrity)


# ------------------------------------------------------------------ Free Pascal heaptrc

def pascal_program(seed: int, range_bug: bool) -> str:
    rnd = random.Random(seed)
    out = ["program routeplan;", "{$mode objfpc}", "uses SysUtils;", "type", "  PStop = ^TStop;",
           "  TStop = record id: integer; name: string; next: PStop; end;", "var",
           "  head: PStop; buf: pointer; i: integer; legs: array[0..9] of integer;", ""]
    procs = []
    for k in range(14):
        name = f"plan_leg_{k}"
        procs.append(name)
        leak = rnd.random() < 0.6
        out += [f"procedure {name}(n: integer);", "var s: PStop;", "begin",
                "  new(s); s^.id := n; s^.name := 'stop ' + IntToStr(n); s^.next := nil;"]
        out.append("  head := s;" if leak else "  dispose(s);")
        out += ["end;", ""]
    out += ["procedure fill_legs(n: integer);", "begin", "  legs[n] := n * 2;", "end;", "", "begin", "  head := nil;"]
    for k, name in enumerate(procs):
        out.append(f"  for i := 1 to {rnd.randint(1, 9)} do {name}(i);")
    out.append("  getmem(buf, 4096);")
    if range_bug:
        out.append("  for i := 0 to 10 do fill_legs(i);")
    out += ["  writeln('planned');", "end."]
    return "\n".join(out) + "\n"


def pascal(tmp: Path) -> None:
    if not have("fpc", "fpc-heaptrc"):
        return
    d = tmp / "routeplan"
    d.mkdir(parents=True, exist_ok=True)
    (d / "routeplan.pas").write_text(pascal_program(6640, False))
    run("fpc -gh -gl routeplan.pas", cwd=d, timeout=200)
    cap("fpc-heaptrc-routeplan", "./routeplan", d, n_heaptrc)
    cap("fpc-heaptrc-tail-40", "./routeplan 2>&1 | tail -n 40", d, n_heaptrc)
    (d / "checked").mkdir(exist_ok=True)
    (d / "checked" / "routeplan.pas").write_text(pascal_program(6641, True))
    run("fpc -gh -gl -Cr -Ci routeplan.pas", cwd=d / "checked", timeout=200)
    cap("fpc-heaptrc-range-check-echo", "cd checked && ./routeplan; echo EXIT=$?", d, n_heaptrc)


# ------------------------------------------------------------------ gawk profiles

AWK_REPORT = r"""# settlement report: courier payouts per zone from deliveries.csv
function cents(x) { return sprintf("%.2f", x) }
function zone_of(addr,   n, parts) {
    n = split(addr, parts, " ")
    return (parts[1] + 0) % 4
}
function warn(msg) { print "warning: " msg > "/dev/stderr"; warned++ }
BEGIN { FS = ","; OFS = "\t"; min_fee = 2.5 }
NR == 1 { next }
$5 == "lost" { lost[$2]++; next }
$4 < min_fee { warn("fee under minimum on line " NR); next }
$5 == "late" { late[$2]++; pay[$2] += $4 * 0.8; zone[zone_of($3)] += $4 * 0.8; next }
{ pay[$2] += $4; zone[zone_of($3)] += $4; done[$2]++ }
/refund/ { refunds++ }
END {
    for (c in pay) {
        total += pay[c]
        if (pay[c] > 400) print "high", c, cents(pay[c])
    }
    for (z in zone) print "zone", z, cents(zone[z])
    for (c in lost) if (lost[c] > 2) print "lost", c, lost[c]
    print "total", cents(total), "warnings", warned + 0, "refunds", refunds + 0
}
"""

AWK_LOG = r"""# api latency by route from an access log
function bucket(ms) {
    if (ms < 50) return "fast"
    else if (ms < 250) return "ok"
    else if (ms < 1000) return "slow"
    return "timeout"
}
BEGIN { slowest = 0 }
$9 ~ /^5/ { errors[$7]++ }
$9 == 429 { throttled++ }
{
    ms = $NF + 0
    hits[$7]++; sum[$7] += ms; b[bucket(ms)]++
    if (ms > slowest) { slowest = ms; slowest_line = NR }
}
END {
    for (r in hits) printf "%-28s %6d %8.1f %4d\n", r, hits[r], sum[r] / hits[r], errors[r]
    for (k in b) print k, b[k]
    print "slowest", slowest, "at line", slowest_line, "throttled", throttled + 0
}
"""


def gawk(tmp: Path) -> None:
    if not have("gawk", "gawk-profile"):
        return
    d = tmp / "awk"
    d.mkdir(parents=True, exist_ok=True)
    rnd = random.Random(6650)
    rows = ["id,courier,address,fee,status"]
    for i in range(6000):
        rows.append(f"{i},c{rnd.randint(1, 140)},{rnd.randint(1, 300)} rue {rnd.choice(['haute', 'basse', 'neuve'])},"
                    f"{rnd.uniform(1, 40):.2f},{rnd.choice(['done'] * 8 + ['late', 'lost'])}"
                    f"{',refund' if rnd.random() < 0.01 else ''}")
    (d / "deliveries.csv").write_text("\n".join(rows) + "\n")
    (d / "settle.awk").write_text(AWK_REPORT)
    routes = ["/api/orders", "/api/orders/:id", "/api/couriers/:id/position", "/api/quote", "/api/menu", "/healthz"]
    log = []
    for i in range(8000):
        st = rnd.choice([200] * 30 + [201, 304, 404, 429, 500, 502])
        log.append(f"10.0.{rnd.randint(0, 9)}.{rnd.randint(1, 250)} - - [01/Dec/2026:10:{i % 60:02d}:00 +0000] "
                   f"\"GET {rnd.choice(routes)} HTTP/1.1\" {st} {rnd.randint(100, 9000)} {rnd.expovariate(1 / 120):.0f}")
    (d / "access.log").write_text("\n".join(log) + "\n")
    (d / "latency.awk").write_text(AWK_LOG)
    run("gawk --profile=settle.prof -f settle.awk deliveries.csv > /dev/null 2>&1", cwd=d)
    cap("cat-gawk-profile-settle", "cat settle.prof", d, n_gawk_profile)
    cap("gawk-profile-latency-and-cat", "gawk --profile -f latency.awk access.log > /dev/null && cat awkprof.out", d,
        n_gawk_profile)


# ------------------------------------------------------------------ HAProxy

def haproxy_cfg(seed: int) -> str:
    rnd = random.Random(seed)
    out = ["global", "    maxconn 4096", "    log 127.0.0.1 local0", "    nbthreadz 4", "", "defaults",
           "    mode http", "    log global", "    timeout connect 5s", "    timeout client 30x", "",
           "frontend public", "    bind 127.0.0.1:18080", "    option forwardfor",
           "    acl is_api path_beg /api", "    acl is_ws hdr(Upgrade) -i websocket",
           "    use_backend api_pool if is_api", "    use_backend ws_pool if is_ws", "    use_backend orders_v3 if { path_beg /v3 }",
           "    default_backend web_pool", ""]
    names = ["api_pool", "web_pool", "ws_pool", "quote_pool", "menu_pool", "courier_pool"] + \
        [f"tenant_{t:02d}_pool" for t in range(18)]
    for k, name in enumerate(names):
        out += [f"backend {name}", "    balance " + rnd.choice(["roundrobin", "leastconn", "roundrobin", "leastconnn"]),
                "    option httpchk GET /healthz"]
        for s in range(rnd.randint(2, 5)):
            port = rnd.randint(9000, 9100)
            extra = rnd.choice(["check", "check inter 2s", "check weight 300", "chek", "check maxconn 50"])
            out.append(f"    server {name}_{s} 127.0.0.1:{port} {extra}")
        if k == 3:
            out.append("    http-request deny if blocked_ip")
        out.append("")
    out += ["listen stats", "    bind 127.0.0.1:18404", "    stats enable", "    stats uri /stats", ""]
    return "\n".join(out) + "\n"


def haproxy(tmp: Path) -> None:
    if not have("haproxy", "haproxy-check"):
        return
    d = tmp / "haproxy"
    d.mkdir(parents=True, exist_ok=True)
    (d / "haproxy.cfg").write_text(haproxy_cfg(6660))
    cap("haproxy-c-f", "haproxy -c -f haproxy.cfg", d, n_haproxy)
    cfg = haproxy_cfg(6661).replace("    nbthreadz 4\n", "").replace("30x", "30s").replace(" chek", " check") \
        .replace("leastconnn", "leastconn").replace("    http-request deny if blocked_ip\n", "")
    (d / "haproxy-fixed.cfg").write_text(cfg)
    cap("haproxy-c-fixed-echo", "haproxy -c -V -f haproxy-fixed.cfg 2>&1; echo EXIT=$?", d, n_haproxy)


STEPS = [erlang, mix, systemd, sqlite, pascal, gawk, haproxy]
