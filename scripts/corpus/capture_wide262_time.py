"""Round 262, the trackers: Taskwarrior on a few hundred imported tasks (reports, summaries, burndowns, commands it
refuses), Timewarrior on sixteen weeks of tracked intervals (summaries, exports, an overlapping interval, a bad date) and
khal on a vdir calendar (lists, a malformed event). The data comes from capture_wide262_gen.py. The extractors are
this round's (NEEDLES.md, "Round 262"). Run through capture_wide262.py."""

from __future__ import annotations

import json
import re
import shutil
from collections import Counter
from datetime import date
from pathlib import Path

import capture_more as cm
from capture_more import kind, run
from capture_wide224 import exit_lines, shaped
from capture_wide262 import add
from capture_wide262_books import _dash_table, _extremes, make_books

# ------------------------------------------------------------------ the extractors (NEEDLES.md, "Round 262")

TASK_ERR = r"^No tasks|\bError\b|\berror\b|is not a valid|not recognized|No matches|Unknown|unknown|could not|Could not|cannot"


def _task_rows(lines):
    """(header, rule index, [(cells by header name, line)]) of a Taskwarrior table, continuation lines dropped."""
    for i, ln in enumerate(lines):
        if i and re.match(r"^-+( +-+)+\s*$", ln):
            spans = [(m.start(), m.end()) for m in re.finditer(r"-+", ln)]
            head = lines[i - 1]
            names = [head[a:b].strip() or head[a:].split()[0] for a, b in spans]
            rows = []
            for r in lines[i + 1:]:
                if not r.strip():
                    break
                cells = {n: (r[a:b].strip() if k < len(spans) - 1 else r[a:].strip())
                         for k, (n, (a, b)) in enumerate(zip(names, spans))}
                if cells.get(names[0]):
                    rows.append((cells, r))
            return head, rows
    return None, []


@kind("task-list", "table")
def n_task_list(lines):
    """Rule 4+5: header, `N tasks` line, rows with the largest and smallest Urg, rows of a rare project or priority, rows due in the past; errors; EXIT=."""
    head, rows = _task_rows(lines)
    out: list = [head] if head else []
    out += [ln for ln in lines if re.match(r"^\d+ tasks?\b", ln)]
    urg = [(float(c["Urg"]), r) for c, r in rows if re.match(r"^-?\d+(\.\d+)?$", c.get("Urg", ""))]
    out += _extremes(urg)
    for col in ("Project", "P"):
        vals = [c.get(col) for c, _ in rows if col in c]
        if len(vals) >= 4:
            cnt = Counter(vals)
            if cnt.most_common(1)[0][1] * 2 >= len(vals):
                out += [r for c, r in rows if c.get(col) and cnt[c[col]] <= 2]
    today = date.today().isoformat()
    due = [r for c, r in rows if re.match(r"^\d{4}-\d\d-\d\d$", c.get("Due", "")) and c["Due"] < today]
    if rows and "Due" in rows[0][0]:
        out += due
    elif rows:
        out += [rows[0][1], rows[-1][1]]
    return out + shaped([ln for ln in lines if re.search(TASK_ERR, ln)]) + exit_lines(lines)


@kind("task-summary", "table")
def n_task_summary(lines):
    """Rule 4: header, rows with the largest and smallest Remaining and Complete %, the closing N projects/N tags line; EXIT=."""
    head, rows = _task_rows(lines)
    out: list = [head] if head else []
    for col in ("Remaining", "Complete"):
        vals = [(float(c[col].rstrip("%")), r) for c, r in rows if re.match(r"^\d+%?$", c.get(col, ""))]
        out += _extremes(vals)
    out += [ln for ln in lines if re.match(r"^\d+ (projects?|tags?)\b", ln)]
    return out + shaped([ln for ln in lines if re.search(TASK_ERR, ln)]) + exit_lines(lines)


@kind("task-burndown", "table")
def n_task_burndown(lines):
    """Rule 5: the title line, legend lines, Net Fix Rate / Estimated completion / Average rate lines; history: header, Average row, max Added/Completed rows; EXIT=."""
    out: list = [next((ln for ln in lines if ln.strip()), "")]
    out += [ln for ln in lines if re.search(r"\s[.+X] (Done|Started|Pending)\b", ln)]
    out += [ln for ln in lines if re.search(r"Net Fix Rate|Estimated completion|Average rate", ln)]
    head, rows = _task_rows(lines)
    if head and "Added" in head:
        out.append(head)
        out += [ln for ln in lines if re.match(r"^\s*Average\b", ln)]
        for col in ("Added", "Completed"):
            vals = [(int(c[col]), r) for c, r in rows if re.match(r"^\d+$", c.get(col, ""))]
            if vals:
                out.append(max(vals)[1])
    return [x for x in out if x] + exit_lines(lines)


@kind("task-error", "log")
def n_task_error(lines):
    """Rule 1: every line naming the fault and the hint line after it; EXIT=."""
    out: list = []
    for i, ln in enumerate(lines):
        if re.search(TASK_ERR, ln):
            out.append(ln)
            nxt = next((lines[k] for k in range(i + 1, min(len(lines), i + 3)) if lines[k].strip()), None)
            if nxt and not nxt.startswith("EXIT="):
                out.append(nxt)
    return out + exit_lines(lines)


def _dur(s: str) -> int:
    h, m, sec = (int(x) for x in s.split(":"))
    return h * 3600 + m * 60 + sec


@kind("timew-summary", "table")
def n_timew_summary(lines):
    """Rule 4: header, rows with the longest and shortest interval, rows of a rare tag set, the closing total; errors; EXIT=."""
    out: list = []
    rows = []
    tcol = None
    for i, ln in enumerate(lines):
        if i and re.match(r"^-+( +-+)+\s*$", ln) and "Tags" in lines[i - 1]:
            out.append(lines[i - 1])
            spans = [(m.start(), m.end()) for m in re.finditer(r"-+", ln)]
            names = [lines[i - 1][a:b].strip() for a, b in spans]
            tcol = spans[names.index("Tags")] if "Tags" in names else None
            timecol = spans[names.index("Time")] if "Time" in names else None
            for r in lines[i + 1:]:
                if not r.strip() or not timecol:
                    break
                t = r[timecol[0]:timecol[1]].strip()
                if re.match(r"^\d+:\d\d:\d\d$", t):
                    tags = r[tcol[0]:tcol[1]].strip() if tcol else ""
                    rows.append((_dur(t), tags, r))
    if rows:
        out += _extremes([(d, r) for d, _, r in rows])
        cnt = Counter(t for _, t, _ in rows)
        if cnt.most_common(1)[0][1] * 2 >= len(rows):
            out += [r for _, t, r in rows if cnt[t] <= 2]
    tot = [ln for ln in lines if re.match(r"^\s+\d+:\d\d:\d\d\s*$", ln)]
    out += tot[-1:]
    return out + shaped([ln for ln in lines if re.search(TASK_ERR + r"|cannot overlap|Unrecognized", ln)]) + exit_lines(lines)


@kind("timew-error", "log")
def n_timew_error(lines):
    """Rule 1: every line naming the fault (cannot overlap, not a valid, Unrecognized, No, Error) and every interval line printed with it; EXIT=."""
    out = [ln for ln in lines if re.search(r"cannot overlap|not a valid|Unrecognized|^No |\bError\b|\berror\b|"
                                           r"[Cc]ould not|[Ii]nvalid", ln)]
    out += [ln for ln in lines if re.search(r"\d{4}-?\d\d-?\d\dT?\d\d:?\d\d|\d+:\d\d:\d\d -", ln)]
    return out + exit_lines(lines)


@kind("timew-export", "json")
def n_timew_export(lines):
    """Rule 4+5: the first and last records, the records with the longest and shortest interval, records of a rare tag set; EXIT=."""
    recs = []
    for ln in lines:
        s = ln.strip().rstrip(",")
        if s.startswith("{") and s.endswith("}"):
            try:
                r = json.loads(s)
            except ValueError:
                continue
            if "start" in r and "end" in r:
                recs.append((r, ln))
    out: list = []
    if recs:
        out += [recs[0][1], recs[-1][1]]
        from datetime import datetime
        def d(r):
            f = "%Y%m%dT%H%M%SZ"
            return (datetime.strptime(r["end"], f) - datetime.strptime(r["start"], f)).total_seconds()
        out += _extremes([(d(r), ln) for r, ln in recs])
        tags = [",".join(sorted(r.get("tags", []))) for r, _ in recs]
        cnt = Counter(tags)
        if cnt.most_common(1)[0][1] * 2 >= len(recs):
            out += [ln for (r, ln), t in zip(recs, tags) if cnt[t] <= 2]
    return out + exit_lines(lines)


KHAL_ERR = r"[Ee]rror\b|[Ww]arning|Could not|could not|[Ii]nvalid|Skipping|critical:"


@kind("khal-list", "table")
def n_khal_list(lines):
    """Rule 4+5: every day header, the first and last event lines, events of a rare calendar; error/warning lines; EXIT=."""
    day = r"^(Today|Tomorrow|Yesterday|[A-Z][a-z]+day), \d{4}-\d\d-\d\d"
    out = [ln for ln in lines if re.match(day, ln)]
    ev = [ln for ln in lines if ln.strip() and not re.match(day, ln) and not re.search(KHAL_ERR, ln)
          and not ln.startswith("EXIT=")]
    if ev:
        out += [ev[0], ev[-1]]
        cals = [m.group(1) if (m := re.search(r"\[(\w+)\]\s*$", ln)) else None for ln in ev]
        if all(cals) and len(cals) >= 4:
            cnt = Counter(cals)
            if cnt.most_common(1)[0][1] * 2 >= len(cals):
                out += [ln for ln, c in zip(ev, cals) if cnt[c] <= 2]
    return out + shaped([ln for ln in lines if re.search(KHAL_ERR, ln)]) + exit_lines(lines)


@kind("khal-error", "log")
def n_khal_error(lines):
    """Rule 1: every line naming the fault and the event line it names (a UID/SUMMARY/`events found` line within six above); EXIT=."""
    out: list = []
    for i, ln in enumerate(lines):
        if re.search(KHAL_ERR, ln):
            out.append(ln)
            p = cm.prev_match(lines, i, r"UID|SUMMARY|events? found|\.ics")
            if p:
                out.append(p)
    return out + exit_lines(lines)


# ------------------------------------------------------------------ the round's runs


def env(tmp: Path) -> dict:
    home = tmp / "home"
    (home / "task").mkdir(parents=True, exist_ok=True)
    (home / "timew").mkdir(parents=True, exist_ok=True)
    return {"HOME": str(home), "TIMEWARRIORDB": str(home / "timew"), "TASKDATA": None, "TASKRC": None}


def taskwarrior(tmp: Path) -> None:
    d, e = make_books(tmp), env(tmp)
    Path(e["HOME"], ".taskrc").write_text(f"data.location={Path(e['HOME']) / 'task'}\nconfirmation=off\ncolor=off\ndefaultwidth=120\n"
                                 "news.version=2.6.0\n")
    run("task import tasks.json", cwd=d, env=e)
    for item, c, fn in [
        ("task-list", "task list", n_task_list),
        ("task-all", "task all", n_task_list),
        ("task-list-overdue", "task +OVERDUE list; echo EXIT=$?", n_task_list),
        ("task-completed-tail", "task completed 2>&1 | tail -n 60", n_task_list),
        ("task-summary", "task summary", n_task_summary),
        ("task-burndown-weekly", "task burndown.weekly", n_task_burndown),
        ("task-burndown-daily", "task burndown.daily", n_task_burndown),
        ("task-bad-commands", "task due.before:notadate list; task list project:nosuch; task add; task 3 annotate; "
                              "task 5 modify depends:9999; task 9999 modify priority:X 2>&1; task 12 modify "
                              "due:yesterdayy 2>&1; task 14 done wibble:1 2>&1; echo EXIT=$?", n_task_error),
    ]:
        add(item, c, run(c, cwd=d, env=e), fn)


def timewarrior(tmp: Path) -> None:
    d, e = make_books(tmp), env(tmp)
    lines = (d / "intervals.txt").read_text().splitlines()
    script = "\n".join(f"timew track {a} - {b} {tags} :yes >/dev/null 2>&1"
                       for a, _, b, tags in (ln.split(" ", 3) for ln in lines))
    (d / "track.sh").write_text(script + "\n")
    run("sh track.sh", cwd=d, env=e, timeout=300)
    a, _, b, _ = lines[5].split(" ", 3)
    c2 = lines[40].split(" ", 3)
    for item, c, fn in [
        ("timew-summary-all", "timew summary :all", n_timew_summary),
        ("timew-summary-api-ids", "timew summary :all :ids api", n_timew_summary),

        ("timew-errors", f"timew track {c2[0]} - {c2[2]} review; timew track 2025-99-01T10:00 - 2025-01-01T11:00 x; "
                         "timew summary :fortnight; timew tag @9999 foo; echo EXIT=$?", n_timew_error),
        ("timew-export-all", "timew export :all", n_timew_export),
        ("timew-export-study", "timew export :all study; echo EXIT=$?", n_timew_export),
        ("timew-overlap", f"timew track {a} - {b} admin; echo EXIT=$?; timew export {a[:10]} - {a[:10]}T23:59", n_timew_error),
    ]:
        add(item, c, run(c, cwd=d, env=e), fn)


def khal(tmp: Path) -> None:
    d, e = make_books(tmp), env(tmp)
    cfg = Path(e["HOME"]) / ".config" / "khal"
    cfg.mkdir(parents=True, exist_ok=True)
    cals = "".join(f"[[{c}]]\npath = {d / 'cal' / c}\n" for c in ["personal", "work", "family"])
    cfg.joinpath("config").write_text(
        f"[calendars]\n{cals}[locale]\ntimeformat = %H:%M\ndateformat = %Y-%m-%d\nlongdateformat = %Y-%m-%d\n"
        "datetimeformat = %Y-%m-%d %H:%M\nlongdatetimeformat = %Y-%m-%d %H:%M\nlocal_timezone = Europe/Oslo\n"
        "default_timezone = Europe/Oslo\n")
    today = date.today().isoformat()
    for item, c, fn in [
        ("khal-list-month", f"khal list {today} 60d", n_khal_list),
        ("khal-list-calendars", f"khal list --format '{{start-end-time-style}} {{title}} [{{calendar}}]' {today} 45d",
         n_khal_list),
        ("khal-printics-broken", "khal printics broken.ics 2>&1 | tail -n 30; echo EXIT=$?", n_khal_error),
        ("khal-bad-range", "khal list 2026-13-01 7d; khal at 25:00; khal new 2026-12-40 10:00 test; echo EXIT=$?", n_khal_error),
    ]:
        add(item, c, run(c, cwd=d, env=e), fn)
    shutil.copy(d / "broken.ics", d / "cal" / "personal" / "broken.ics")
    c = f"khal list {today} 14d 2>&1; echo EXIT=$?"
    add("khal-list-broken-vdir", c, run(c, cwd=d, env=e), n_khal_list)


STEPS = [taskwarrior, timewarrior, khal]
