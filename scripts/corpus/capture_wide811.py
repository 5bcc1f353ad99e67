#!/usr/bin/env python3
"""Capture round 811 of the compression corpus: the BEAM toolchain's outputs the corpus lacks, on a skep maker's
project written here (capture_wide811_src.py): `skeppers`, an Erlang application (skeps, hackles, bee_boles, swarms,
skeppers_sup, skep_counter; a yecc grammar and a leex scanner for an order sheet; EUnit tests; 36 generated yard
modules) and `skepwork`, an Elixir project with no deps (Skep, Hackle, Bole; ExUnit test scripts; 28 generated
modules), with faults put in: failing tests, badarg / badmatch / function_clause / badarith crashes, unused
variables and functions, clauses that cannot match, a grammar with conflicts and undefined symbols, a scanner with a
bad regexp, faulty doc comments, a supervisor child that crashes, a mailbox that fills.

Kinds (rules in NEEDLES.md's "Round 811" section). NEW: elixirc, erlc-yecc, erlc-leex, erl-noshell-crash,
erl-dbg-trace, erl-c-i, edoc, eunit-surefire-xml, iex-session. Existing, with the extractor of the round that made
them (imported): erlc and eunit (round 13), exunit and mix-compile (round 10), escript-error (round 42),
erlang-sasl-report (round 117). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide811.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide811.json  as {"version": 2, "items": [...]}, ids prefixed "wide811-".
Tools:   Debian 12's Erlang/OTP 25 (erts 13.1.5; erlang-nox, erlang-dev, erlang-parsetools 2.4.1, erlang-edoc 1.2,
         erlang-eunit 2.8.1, erlang-runtime-tools 1.19, erlang-tools 3.5.3, sasl 4.2; 1:25.2.3+dfsg-1+deb12u4) and
         Elixir 1.14.0 (elixir 1.14.0.dfsg-2, mix and iex), installed with apt-get; no hex, no deps. MIX_HOME and
         HOME under /dev/shm/hm-corpus-wide811.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_wide604 import drop_and_check  # noqa: E402
from capture_wide811_src import elixir_tree, erlang_tree  # noqa: E402
from capture_wide13_langs2 import n_erlc, n_eunit  # noqa: E402
from capture_wide10_langs2 import n_exunit, n_mix_compile  # noqa: E402
from capture_wide42_script import N_ESCRIPT  # noqa: E402
from capture_wide117_beam import n_sasl  # noqa: E402

ID_PREFIX = "wide811-"
DEFAULT_OUT = HERE / "data" / "wide811.json"
TMP = Path("/dev/shm/hm-corpus-wide811-run")
TOOLS = Path("/dev/shm/hm-corpus-wide811")
_SIZED = cm.Sized(400, 120_000)
add, cap = _SIZED.add, _SIZED.cap
ENV = {"HOME": str(TOOLS / "home"), "MIX_HOME": str(TOOLS / "mix"), "HEX_OFFLINE": "1", "MIX_ENV": "dev",
       "ERL_CRASH_DUMP": str(TOOLS / "erl_crash.dump"), "ERL_CRASH_DUMP_SECONDS": "0"}


def ensure_tools() -> None:
    (TOOLS / "home").mkdir(parents=True, exist_ok=True)
    for tool in ("erl", "erlc", "elixir", "elixirc", "mix", "iex", "escript"):
        assert cm.have(tool, tool), f"{tool} not found (apt-get install -y erlang-nox erlang-dev elixir)"


# ================================================================== extractors (NEEDLES.md, round 811)

EXIT = re.compile(r"^EXIT=\d+$")


def _exit(lines):
    return [ln for ln in lines if EXIT.match(ln)]


EX_LOC = re.compile(r"\S+\.exs?:\d+")


@cm.kind("elixirc", "build")
def n_elixirc(lines):
    """Rule 1 on elixirc: every error: / ** (SomeError) line with its file.ex:N location (on the line or within six), warning: lines one {"any"} per (message shape, file) holding each warning and its location line, the Compilation failed line; EXIT=N."""
    out, warns = [], []
    for i, ln in enumerate(lines):
        s = ln.strip()
        if re.match(r"^(error: |\*\* \(\w[\w.]*\))", s):
            out.append(ln)
            if not EX_LOC.search(ln):
                out.append(cm.next_match(lines, i, EX_LOC.pattern))
        elif s.startswith("warning: "):
            loc = cm.next_match(lines, i, EX_LOC.pattern)
            f = EX_LOC.search(loc).group(0).rsplit(":", 1)[0] if loc else ""
            warns.append(((cm.mask(s), f), ln))
            if loc:
                warns.append(((cm.mask(s), f), loc))
        elif re.search(r"Compilation failed|== Compilation error", ln):
            out.append(ln)
    return out + cm.groups(warns) + _exit(lines)


def _erlc_like(lines, ext):
    """errors (file.ext:L[:C]: not Warning:) and Warning: lines grouped per (shape, file)"""
    out, warns = [], []
    pat = re.compile(r"^(\S+\.(?:%s)):\d+:(?:\d+:)? (.*)$" % ext)
    for ln in lines:
        m = pat.match(ln)
        m2 = re.match(r"^(\S+\.(?:%s)): (Warning: .*)$" % ext, ln)
        if m and not m.group(2).startswith("Warning:"):
            out.append(ln)
        elif m or m2:
            mm = m or m2
            warns.append(((cm.mask(re.sub(r"\s+\d+(,\s*\d+)*\s*$", "", mm.group(2))), mm.group(1)), ln))
        elif re.search(r"\berror\b", ln, re.I) and not ln.startswith("%"):
            out.append(ln)
    return out, warns


@cm.kind("erlc-yecc", "build")
def n_yecc(lines):
    """Rules 1+3 on erlc/yecc on a .yrl: every file.yrl:L[:C]: error line, Warning: lines one {"any"} per (shape, file), the conflicts: N shift/reduce line, Conflict in state / Resolved in favor lines one {"any"} per state; EXIT=N."""
    out, warns = _erlc_like(lines, "yrl")
    states = []
    state = None
    for ln in lines:
        if re.search(r"conflicts: \d+ shift/reduce", ln):
            out.append(ln)
        m = re.search(r"[Cc]onflict in state (\d+)|[Ss]tate (\d+)", ln)
        if m and re.search(r"[Cc]onflict", ln):
            state = m.group(1) or m.group(2)
            states.append((state, ln))
        elif re.search(r"Resolved in favou?r of", ln) and state:
            states.append((state, ln))
    warns = [(k, ln) for k, ln in warns if "conflicts:" not in ln]
    return out + cm.groups(warns) + cm.groups(states) + _exit(lines)


@cm.kind("erlc-leex", "build")
def n_leex(lines):
    """Rule 1 on erlc/leex on a .xrl (and erlc on the generated .erl): every error line, Warning: lines one {"any"} per (message shape, file); EXIT=N."""
    out, warns = _erlc_like(lines, "xrl|erl")
    return out + cm.groups(warns) + _exit(lines)


CRASH = re.compile(r"Error! Failed to eval:|Runtime terminating during boot|init terminating in do_boot|"
                   r"\*\* exception|Crash dump is being written")


@cm.kind("erl-noshell-crash", "log")
def n_noshell_crash(lines):
    """Rule 1 on erl -noshell boot crashes: Error! Failed to eval, Runtime terminating / init terminating in do_boot, Error in process … with the reason line after it, ** exception, =ERROR/=CRASH REPORT headers with the next non-empty line, Crash dump line, own lines naming an error or failure; EXIT=N."""
    out = []
    for i, ln in enumerate(lines):
        if CRASH.search(ln):
            out.append(ln)
        elif re.search(r"Error in process .* with exit value", ln) or re.search(r"=(ERROR|CRASH) REPORT", ln):
            out.append(ln)
            nx = next((x for x in lines[i + 1:i + 7] if x.strip()), None)
            out.append(nx)
        elif re.search(r"\b(error|failed|failure)\b", ln, re.I):
            out.append(ln)
    return out + _exit(lines)


DBG = re.compile(r"^\((<[\d.]+>)\) (call|returned from|exception_from|spawn|spawned|exit|link|unlink|"
                 r"getting_linked|getting_unlinked|register|unregister) (.*)$")


@cm.kind("erl-dbg-trace", "log")
def n_dbg(lines):
    """Rules 1+4 on dbg's tracer output: every exception_from line, call lines one {"any"} per M:F, returned from lines one {"any"} per M:F, spawn/exit/link events whose reason is not normal, rule 1 error lines; EXIT=N."""
    out, calls, rets = [], [], []
    for ln in lines:
        m = DBG.match(ln)
        if not m:
            if re.search(r"\b(error|exception|badarg|badmatch|badarith|function_clause)\b", ln, re.I):
                out.append(ln)
            continue
        ev, rest = m.group(2), m.group(3)
        if ev == "exception_from":
            out.append(ln)
        elif ev == "call":
            calls.append((re.match(r"[^(]*", rest).group(0), ln))
        elif ev == "returned from":
            rets.append((re.match(r"[^/]*", rest).group(0), ln))
        elif ev == "exit" and rest.strip() != "normal":
            out.append(ln)
        elif ev in ("spawn", "spawned", "link", "unlink", "getting_linked", "getting_unlinked", "register",
                    "unregister"):
            pass
    return out + cm.groups(calls) + cm.groups(rets) + _exit(lines)


CI_ROW = re.compile(r"^<\d+\.\d+\.\d+>\s+\S+\s+(\d+)\s+(\d+)\s+(\d+)\s*$")
CI_ROW2 = re.compile(r"^\S+\s+\S+\s+(\d+)\s*$")


@cm.kind("erl-c-i", "listing")
def n_ci(lines):
    """Rule 4 on the shell's i() table: both header lines, the Total line, the first row of the processes with the largest Heap, Reds and Stack, every process whose Msgs is not the commonest value with its second row; rule 1 lines; EXIT=N."""
    out = [ln for ln in lines if re.match(r"^Pid\s+Initial Call\s+Heap|^Registered\s+Current Function\s+Stack", ln)
           or ln.startswith("Total ")]
    rows = []
    for i, ln in enumerate(lines):
        m = CI_ROW.match(ln)
        if m:
            second = lines[i + 1] if i + 1 < len(lines) else ""
            m2 = CI_ROW2.match(second.strip()) if second.strip() else None
            rows.append((ln, second, int(m.group(1)), int(m.group(2)), int(m.group(3)),
                         int(m2.group(1)) if m2 else -1))
    if rows:
        for col in (2, 3, 5):
            out.append(max(rows, key=lambda r: r[col])[0])
        counts: dict = {}
        for r in rows:
            counts[r[4]] = counts.get(r[4], 0) + 1
        common = max(counts, key=counts.get)
        for r in rows:
            if r[4] != common:
                out += [r[0], r[1] if r[1].strip() else None]
    out += [ln for ln in lines if re.search(r"\*\* exception|\b[eE]rror\b", ln)]
    return out + _exit(lines)


@cm.kind("edoc", "doc")
def n_edoc(lines):
    """Rule 1 on edoc: every line reporting an error (error, ** , an {error, …} term) with its 'file, …: at line N:' location, warning lines one {"any"} per (message shape, file), the final edoc:/exception/EXIT verdict line."""
    out, warns = [], []
    for i, ln in enumerate(lines):
        low = ln.lower()
        if "warning" in low:
            m = re.match(r"^([^,:]+\.erl)", ln.strip())
            warns.append(((cm.mask(re.sub(r"^.*?at line \d+: ", "", ln)), m.group(1) if m else ""), ln))
        elif re.search(r"\berror\b|\*\* |\{error,|'EXIT'|exception", ln, re.I):
            out.append(ln)
            if not re.search(r"at line \d+", ln):
                loc = cm.next_match(lines, i, r"at line \d+", 6)
                if loc and loc not in out:
                    out.append(loc)
    last = [ln for ln in lines if ln.startswith("edoc:") or EXIT.match(ln)]
    return out + cm.groups(warns) + last[-1:] + _exit(lines)


@cm.kind("eunit-surefire-xml", "test")
def n_surefire(lines):
    """Rule 2 on EUnit's surefire XML: every <testsuite …> line, every <testcase …> line of a failed/errored test with its <failure/<error opening line and the first **error:/**exit:/**throw: line inside it, every <skipped line."""
    out = []
    case = None
    for i, ln in enumerate(lines):
        s = ln.strip()
        if s.startswith("<testsuite"):
            out.append(ln)
        elif s.startswith("<testcase"):
            case = ln
        elif re.match(r"<(failure|error)\b", s):
            out += [case, ln]
            for nxt in lines[i + 1:]:
                if re.match(r"^\s*</(failure|error)>", nxt):
                    break
                if re.search(r"\*\*(error|exit|throw):", nxt):
                    out.append(nxt)
                    break
        elif s.startswith("<skipped"):
            out += [case, ln]
    return out + _exit(lines)


@cm.kind("iex-session", "log")
def n_iex(lines):
    """Rule 1 on an iex session fed from stdin: every ** (SomeError) line with the first stack line under it, error: lines, warning: lines one {"any"} per (shape, file), =ERROR REPORT / [error] lines, and the value line of the last prompt holding input; EXIT=N."""
    out, warns = [], []
    for i, ln in enumerate(lines):
        body = re.sub(r"^(iex\(\d+\)> )+", "", ln)
        if re.match(r"^\s*\*\* \(\w[\w.]*\)", body):
            out.append(ln)
            out.append(cm.next_match(lines, i, r"^\s+(\([\w ._-]+\) )?\S+\.(ex|exs|erl):\d+: ", 40))
        elif re.search(r"\berror: |=ERROR REPORT|\[error\]", body):
            out.append(ln)
        elif "warning: " in body:
            loc = cm.next_match(lines, i, EX_LOC.pattern)
            warns.append(((cm.mask(body.strip()), EX_LOC.search(loc).group(0).rsplit(":", 1)[0] if loc else ""), ln))
    vals = [ln for ln in lines if re.match(r"^iex\(\d+\)> \S", ln) and not re.match(r"^iex\(\d+\)> \*\* \(", ln)]
    return out + cm.groups(warns) + vals[-1:] + _exit(lines)


# ================================================================== steps

def _c(item, cmd, ext, cwd="skeppers", timeout=150):
    cap(item, cmd, TMP / cwd, ext, timeout=timeout, env=ENV)


def step_write(tmp: Path) -> None:
    cm.write_tree(tmp / "skeppers", erlang_tree())
    cm.write_tree(tmp / "skepwork", elixir_tree())
    cm.run("mkdir -p ebin/gen ebin_tmp", cwd=tmp / "skeppers")
    cm.run("mkdir -p ebin_ex ebin_tmp", cwd=tmp / "skepwork")


def step_erlc(tmp: Path) -> None:
    _c("erlc-warn-all-skeps", "erlc +warn_all -o ebin src/skeps.erl src/hackles.erl", n_erlc)
    _c("erlc-warn-all-src", "erlc +warn_all -o ebin src/*.erl broken/bee_broken.erl; echo EXIT=$?", n_erlc)
    _c("erlc-werror-swarms", "erlc -Werror +warn_all +warn_missing_spec -o ebin_tmp src/swarms.erl src/bee_boles.erl; "
       "echo EXIT=$?", n_erlc)
    _c("erlc-warn-all-yard", "erlc +warn_all -o ebin/gen src/gen/*.erl 2>&1; echo EXIT=$?", n_erlc)
    # the build every later step uses (its output is no item)
    cm.run("erlc -o ebin src/*.erl && erlc -o ebin test/*.erl", cwd=tmp / "skeppers", env=ENV)


def step_eunit(tmp: Path) -> None:
    ev = "erl -noshell -pa ebin -eval 'eunit:test({m}, [{o}])' -s init stop 2>&1"
    _c("eunit-skeps-verbose", ev.format(m="skeps_tests", o="verbose"), n_eunit)
    _c("eunit-hackles", ev.format(m="[hackles_tests, skeps_tests]", o=""), n_eunit, timeout=60)
    _c("eunit-yard-verbose", ev.format(m="yard_tests", o="verbose") + " | tail -n 900", n_eunit)
    sf = ("rm -rf sf && mkdir sf && erl -noshell -pa ebin -eval 'eunit:test({m}, [{{report, {{eunit_surefire, "
          "[{{dir, \"sf\"}}]}}}}])' -s init stop >/dev/null 2>&1; cat sf/TEST-*.xml")
    _c("surefire-skeps", sf.format(m="skeps_tests"), n_surefire)
    _c("surefire-hackles", sf.format(m="hackles_tests"), n_surefire, timeout=60)
    _c("surefire-both", sf.format(m="[skeps_tests, hackles_tests]"), n_surefire, timeout=60)
    _c("surefire-yard", sf.format(m="yard_tests"), n_surefire)


def step_parsetools(tmp: Path) -> None:
    yv = ("erl -noshell -eval 'io:format(\"~p~n\", [yecc:file(\"grammar/{g}.yrl\", [verbose, return])])' "
          "-s init stop; ")
    _c("yecc-all", "erlc -o ebin grammar/*.yrl; echo EXIT=$?; " + yv.format(g="bad_parser") + yv.format(g="order_parser"),
       n_yecc)
    _c("yecc-verbose-order", yv.format(g="order_parser"), n_yecc)
    _c("yecc-verbose-yard", yv.format(g="yard_parser"), n_yecc)
    _c("yecc-verbose-bad-yard", yv.format(g="bad_parser") + yv.format(g="yard_parser") + "echo EXIT=$?", n_yecc)
    lv = "erl -noshell -eval 'io:format(\"~p~n\", [leex:file(\"grammar/{g}.xrl\", [verbose, return])])' -s init stop; "
    _c("leex-all", "erlc -o grammar grammar/*.xrl; echo EXIT=$?; " + lv.format(g="bad_lexer") + lv.format(g="bad_lexer2")
       + lv.format(g="order_lexer") + "erlc +warn_all -o ebin grammar/order_lexer.erl; echo EXIT=$?", n_leex)
    _c("leex-bad2-verbose", lv.format(g="bad_lexer2") + lv.format(g="order_lexer") + "erlc +warn_all +nowarn_unused_function "
       "-o ebin grammar/order_lexer.erl grammar/bad_lexer2.erl; echo EXIT=$?", n_leex)
    _c("leex-bad-erlc", "for f in grammar/bad_lexer.xrl grammar/bad_lexer2.xrl grammar/order_lexer.xrl; do "
       "echo \"== $f\"; erlc -W -o grammar $f; echo EXIT=$?; done; " + lv.format(g="bad_lexer"), n_leex)


def step_noshell(tmp: Path) -> None:
    _c("noshell-badarg", "erl -noshell -pa ebin -eval 'io:format(\"~p~n\", [skeps:weigh(\"12\")]), "
       "skeps:weigh(\"twelve\")' -s init stop; echo EXIT=$?", n_noshell_crash)
    _c("noshell-badmatch-s", "erl -noshell -pa ebin -s skeps main -s init stop; echo EXIT=$?", n_noshell_crash)
    _c("noshell-function-clause", "erl -noshell -pa ebin -eval 'io:format(\"~p~n\", [[skeps:coil(S) || "
       "S <- [rye, wheat, oat]]])' -s init stop; echo EXIT=$?", n_noshell_crash)
    _c("noshell-swarms-40", "erl -noshell -pa ebin -eval 'io:format(\"~p~n\", [swarms:fly(40)])' -s init stop 2>&1; "
       "echo EXIT=$?", n_noshell_crash)
    _c("noshell-swarms-160", "erl -noshell -pa ebin -eval 'io:format(\"~p~n\", [swarms:fly(160)])' -s init stop 2>&1 "
       "| tail -n 600", n_noshell_crash)
    _c("noshell-thatch-badarith", "erl -noshell -pa ebin -eval 'H = hackles:fit(bell, 0), "
       "io:format(\"~p~n\", [hackles:price(H)]), hackles:thatch([H]), skeps:straw_rounds(9, 0)' "
       "-s init stop; echo EXIT=$?", n_noshell_crash)


def step_dbg(tmp: Path) -> None:
    _c("dbg-skeps", "erl -noshell -pa ebin -eval 'dbg:tracer(), dbg:p(all, c), dbg:tpl(skeps, x), "
       "catch skeps:report([{\"bell\", 30}, {\"cap\", 12}, {\"eke\", 44}]), catch skeps:weigh(\"7\"), "
       "catch skeps:weigh(\"seven\"), catch skeps:coil(oat), timer:sleep(200)' -s init stop 2>&1", n_dbg)
    _c("dbg-hackles", "erl -noshell -pa ebin -eval 'dbg:tracer(), dbg:p(all, c), dbg:tpl(hackles, x), "
       "Hs = [hackles:fit(S, R) || {S, R} <- [{bell, 5}, {cap, 2}, {eke, 0}]], [hackles:shed(H) || H <- Hs], "
       "[hackles:price(H) || H <- Hs], catch hackles:thatch(lists:reverse(Hs)), timer:sleep(200)' -s init stop 2>&1",
       n_dbg)
    _c("dbg-swarms-procs", "erl -noshell -pa ebin -eval 'dbg:tracer(), dbg:p(all, [c, procs]), dbg:tpl(swarms, x), "
       "swarms:fly(24), timer:sleep(300)' -s init stop 2>&1 | grep -v binary_backend", n_dbg)
    _c("dbg-swarms-big", "erl -noshell -pa ebin -eval 'dbg:tracer(), dbg:p(all, c), dbg:tpl(swarms, x), "
       "dbg:tpl(skeps, x), swarms:fly(150), [catch skeps:weigh(integer_to_list(I) ++ [$a || I rem 13 =:= 0]) "
       "|| I <- lists:seq(1, 120)], timer:sleep(500)' -s init stop 2>&1 | head -n 1500", n_dbg)


def step_ci(tmp: Path) -> None:
    ci = "erl -noshell -pa ebin -eval '{pre}, c:i(), halt().' 2>&1 | grep -v binary_backend"
    _c("ci-flood-500", ci.format(pre="bee_boles:start(), bee_boles:flood(500), timer:sleep(100)"), n_ci)
    _c("ci-plain", ci.format(pre="bee_boles:start(), bee_boles:flood(12), timer:sleep(100)"), n_ci)
    ci = "yes c | erl -noshell -pa ebin -eval '{pre}, c:i(), halt().' 2>&1 | grep -v binary_backend"
    _c("ci-app", ci.format(pre="application:start(sasl), catch skeppers_sup:start_link(), bee_boles:flood(80), "
                                 "swarms:fly(30), timer:sleep(200)"), n_ci)
    _c("ci-swarm-keepers", ci.format(pre="bee_boles:start(), [spawn(fun() -> receive stop -> ok end end) || "
                                         "_ <- lists:seq(1, 60)], bee_boles:flood(3000), timer:sleep(300)"), n_ci)


def step_escript_sasl(tmp: Path) -> None:
    _c("escript-tally-badarg", "escript tally.escript 12 9 eleven 4; echo EXIT=$?", N_ESCRIPT)
    _c("escript-tally-badarith", "escript tally.escript 12 9 40 4; echo EXIT=$?", N_ESCRIPT)
    _c("escript-hive-undef", "escript hive.escript; echo EXIT=$?", N_ESCRIPT)
    _c("sasl-app-start", "erl -noshell -pa ebin -boot start_sasl -kernel logger_level info -eval "
       "'R = application:start(skeppers), io:format(\"~p~n\", [R])' -s init stop 2>&1; echo EXIT=$?", n_sasl)
    _c("sasl-counter-restarts", "erl -noshell -pa ebin -boot start_sasl -eval '{ok, _} = skep_counter:start_link(straw), "
       "unlink(whereis(skep_counter)), [begin skep_counter:bump(), timer:sleep(50) end || _ <- lists:seq(1, 4)], "
       "{ok, _} = skeppers_sup:start_link()' -s init stop 2>&1; echo EXIT=$?", n_sasl)
    _c("sasl-bole-info", "erl -noshell -pa ebin -boot start_sasl -kernel logger_level info -eval "
       "'{ok, P} = bee_boles:start(), P ! {wall, granite}, timer:sleep(200), io:format(\"~p~n\", "
       "[catch bee_boles:niche(3)])' -s init stop 2>&1; echo EXIT=$?", n_sasl)


def step_edoc(tmp: Path) -> None:
    ed = "erl -noshell -eval 'R = (catch edoc:{f}), io:format(\"~p~n\", [R])' -s init stop; echo EXIT=$?"
    _c("edoc-src-broken", ed.format(f='files(filelib:wildcard("src/*.erl") ++ ["broken/bee_broken.erl"], '
                                      '[{dir, "doc"}])'), n_edoc)
    _c("edoc-app-preprocess", ed.format(f='files(["broken/bee_broken.erl", "src/skeps.erl", "src/hackles.erl"], '
                                          '[{dir, "doc"}, {preprocess, true}, {report_missing_types, true}])'), n_edoc)
    _c("edoc-hackles-swarms", ed.format(f='files(["src/hackles.erl", "src/swarms.erl", "src/bee_boles.erl"], '
                                          '[{dir, "doc"}])'), n_edoc)
    _c("edoc-application", ed.format(f='application(skeppers, ".", [{dir, "doc"}, {preprocess, true}])'), n_edoc)
    _c("edoc-yard", ed.format(f='files(filelib:wildcard("src/gen/*.erl") ++ ["broken/bee_broken.erl", '
                                '"src/skeps.erl"], [{dir, "doc"}])'), n_edoc)


def step_elixir(tmp: Path) -> None:
    w = "skepwork"
    _c("elixirc-lib", "elixirc -o ebin_ex lib/skepwork/*.ex; echo EXIT=$?", n_elixirc, cwd=w)
    _c("elixirc-token-missing", "elixirc -o ebin_tmp lib/skepwork/*.ex broken/swarm.ex; echo EXIT=$?", n_elixirc, cwd=w)
    _c("elixirc-undefined", "elixirc -o ebin_tmp lib/skepwork/skep.ex lib/skepwork/hackle.ex broken/skepper.ex; "
       "echo EXIT=$?", n_elixirc, cwd=w)
    _c("elixirc-yard", "elixirc -o ebin_tmp lib/skepwork/*.ex lib/yard/*.ex 2>&1; echo EXIT=$?", n_elixirc, cwd=w)
    _c("exunit-skep-script", "elixir -pa ebin_ex test_scripts/skep_test.exs; echo EXIT=$?", n_exunit, cwd=w)
    _c("exunit-yard-script", "elixir -pa ebin_ex test_scripts/yard_test.exs 2>&1 | tail -n 700; echo EXIT=$?",
       n_exunit, cwd=w)
    _c("exunit-trace-script", "elixir -pa ebin_ex -r test_scripts/skep_test.exs -e 'ExUnit.configure(trace: true)' "
       "2>&1; echo EXIT=$?", n_exunit, cwd=w)
    _c("mix-compile-skepwork", "mix compile 2>&1; echo EXIT=$?", n_mix_compile, cwd=w, timeout=300)
    _c("iex-session", "iex -pa ebin_ex < session.txt 2>&1", n_iex, cwd=w)
    _c("iex-session-big", "iex -pa ebin_ex < session_big.txt 2>&1", n_iex, cwd=w, timeout=120)
    _c("iex-erlang-skeps", "iex -pa ../skeppers/ebin < ../skeppers_session.txt 2>&1", n_iex, cwd=w)


def step_iex_erl(tmp: Path) -> None:
    (tmp / "skeppers_session.txt").write_text(
        ":skeps.weigh('12')\n:skeps.weigh('twelve')\n:skeps.coil(:oat)\n:swarms.fly(20)\n"
        ":skeps.straw_rounds(12, 0)\n:hackles.thatch([:hackles.fit(:bell, 0)])\n"
        "Enum.map([rye: 1, wheat: 2], fn {k, _} -> :skeps.coil(k) end)\n")


STEPS = [step_write, step_erlc, step_eunit, step_parsetools, step_noshell, step_dbg, step_ci, step_escript_sasl,
         step_edoc, step_iex_erl, step_elixir]


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, lambda: STEPS, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))
    out = Path(sys.argv[sys.argv.index("--out") + 1]) if "--out" in sys.argv else DEFAULT_OUT
    drop_and_check(out)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide811", sys.modules["__main__"])
    main()
