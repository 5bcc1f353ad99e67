"""Round 94's repositories: the seeded history of capture_wide94.py replayed into Mercurial, Subversion, fossil,
breezy and darcs, then branches, conflicting merges and updates, a bisect and working-copy changes, with the
extractors of NEEDLES.md's "Round 94" rules. Run through capture_wide94.py."""

from __future__ import annotations

import re
from collections import Counter
from datetime import datetime, timedelta, timezone
from pathlib import Path

from capture_data import rule4
from capture_more import groups, kind, run
from capture_wide94 import BAD_STEP, TMP, cap, history, write_step

# ------------------------------------------------------------------ extractors

HDR = r"^(diff -r |Index: |=== (modified|added|removed|renamed) file |hunk \./|addfile \./|rmfile \./|move \./)"


def _exit(lines):
    return [ln for ln in lines if re.match(r"^EXIT=\d+", ln)]


def _diff(lines):
    """the diff rule: file header lines, hunk headers, +/- lines of hunks with fewer than 10 changed lines"""
    n, hunk = [], []
    in_hunk = False

    def flush():
        if hunk and len(hunk) < 10:
            n.extend(h for h in hunk if h[1:].strip())
        hunk.clear()

    for ln in lines:
        if re.match(HDR, ln):
            flush()
            in_hunk = ln.startswith("hunk ")
            n.append(ln)
        elif ln.startswith("@@"):
            flush()
            in_hunk = True
            m = re.match(r"(@@ [^@]* @@)", ln)
            n.append(m.group(1) if m else ln)
        elif in_hunk and ln[:1] in "+-" and not ln.startswith(("+++ ", "--- ")):
            hunk.append(ln)
        elif in_hunk and (ln.startswith(" ") or ln == "" or ln.startswith("\\")):
            pass
        else:
            flush()
            in_hunk = False
    flush()
    n += [m.group(1) for ln in lines for m in [re.match(r"^\s*(\S+)\s+\|\s+(\d+|Bin)", ln)] if m]
    n += [ln for ln in lines if re.search(r"\d+ files? changed", ln)]
    return n + _exit(lines)


def _blame(lines, pat):
    """lines with FIXME/XXX/BUG, the first line of the highest revision, rare authors' lines, every distinct author"""
    rows = []
    for ln in lines:
        m = re.match(pat, ln)
        if m:
            rows.append((ln, m.group("rev"), m.group("who").strip(), m.group("text")))
    out = [ln for ln, _, _, t in rows if re.search(r"FIXME|XXX|BUG", t)]
    revs = [int(r) for _, r, _, _ in rows if r.isdigit()]
    if revs:
        hi = max(revs)
        out.append(next(ln for ln, r, _, _ in rows if r == str(hi)))
    cnt = Counter(w for _, _, w, _ in rows)
    if cnt and cnt.most_common(1)[0][1] * 2 >= len(rows):
        out += [ln for ln, _, w, _ in rows if cnt[w] <= 2]
    out += list(cnt)
    return out + _exit(lines)


@kind("hg-log-p", "git")
def n_hg_log_p(lines):
    """every changeset: and summary: line, every branch: line; the diff rule on the patches"""
    out = [ln for ln in lines if re.match(r"(changeset|summary|branch):\s", ln)]
    return out + _diff(lines)


@kind("hg-log-graph", "git")
def n_hg_log_graph(lines):
    """every line holding a changeset id (changeset: lines or the template's rev:hash), every summary / subject, every parent: line"""
    out = []
    for ln in lines:
        if re.search(r"\b(changeset|summary|parent):\s", ln) or re.search(r"\b\d+:[0-9a-f]{12}\b", ln):
            out.append(ln)
    return out + _exit(lines)


@kind("hg-annotate", "git")
def n_hg_annotate(lines):
    """the lines a blame question asks about (FIXME/XXX/BUG, first line of the highest revision, rare authors), every user"""
    return _blame(lines, r"^\s*(?P<who>.+?)\s+(?P<rev>\d+):\s?(?P<text>.*)$")


@kind("hg-status", "git")
def n_hg_status(lines):
    """every M/A/R/! line; ? lines one any per top directory; every hg summary line"""
    out = [ln for ln in lines if re.match(r"^[MAR!] \S", ln)]
    out += groups((ln[2:].split("/")[0], ln) for ln in lines if ln.startswith("? "))
    out += [ln for ln in lines if re.match(r"^(parent|branch|commit|update|phases|bookmarks|mq):\s", ln)]
    return out + _exit(lines)


@kind("hg-diff", "git")
def n_hg_diff(lines):
    """the diff rule (diff -r headers as the changed paths); the N files changed summary"""
    return _diff(lines)


@kind("hg-merge", "git")
def n_hg_merge(lines):
    """merging lines of files that conflict, every warning: conflicts line, the files updated/unresolved line, use 'hg resolve'"""
    bad = {m.group(1) for ln in lines for m in [re.match(r"warning: conflicts while merging (\S+)!", ln)] if m}
    out = [ln for ln in lines if re.match(r"merging (\S+)$", ln) and ln.split()[1] in bad]
    out += [ln for ln in lines if ln.startswith("warning: conflicts while merging")
            or re.search(r"\d+ files updated, \d+ files merged", ln) or ln.startswith("use 'hg resolve'")]
    return out + _exit(lines)


@kind("hg-resolve-list", "git")
def n_hg_resolve(lines):
    """every U line; R lines as rule 4 rows (rare status)"""
    out = [ln for ln in lines if ln.startswith("U ")]
    out += rule4([(ln, {"s": ln[:1]}) for ln in lines if re.match(r"^[UR] ", ln)], cat=("s",))
    return out + _exit(lines)


@kind("hg-bisect", "git")
def n_hg_bisect(lines):
    """Testing changeset lines, changeset N:hash: good|bad verdicts, The first bad revision is: and its changeset/user/summary"""
    out = [ln for ln in lines if re.match(r"Testing changeset \d+:", ln) or re.match(r'changeset \d+:[0-9a-f]+( ".*")?: (good|bad)$', ln)]
    for i, ln in enumerate(lines):
        if ln.startswith("The first bad revision is"):
            out.append(ln)
            for nxt in lines[i + 1:i + 12]:
                if re.match(r"(changeset|user|summary):\s", nxt):
                    out.append(nxt)
    return out + _exit(lines)


@kind("hg-grep", "search")
def n_hg_grep(lines):
    """one any per file of its match lines; the first match line of the highest and lowest revision"""
    rows = []
    for ln in lines:
        m = re.match(r"^([^:\s]+):(\d+):", ln)
        if m:
            rows.append((ln, m.group(1), int(m.group(2))))
    out = groups((f, ln) for ln, f, _ in rows)
    if rows:
        hi, lo = max(r for _, _, r in rows), min(r for _, _, r in rows)
        out += [next(ln for ln, _, r in rows if r == hi), next(ln for ln, _, r in rows if r == lo)]
    return out + _exit(lines)


@kind("svn-log-v", "git")
def n_svn_log(lines):
    """every rN | author | date header, every message's first line, D/R and (from …) changed-path lines"""
    out = []
    i = 0
    while i < len(lines):
        ln = lines[i]
        if re.match(r"^r\d+ \| .+ \| .+ \| \d+ lines?$", ln):
            out.append(ln)
            j = i + 1
            if j < len(lines) and lines[j].startswith("Changed paths:"):
                j += 1
                while j < len(lines) and lines[j].strip():
                    if re.match(r"^\s+[DR] /", lines[j]) or "(from " in lines[j]:
                        out.append(lines[j])
                    j += 1
            while j < len(lines) and not lines[j].strip():
                j += 1
            if j < len(lines) and not lines[j].startswith("-----"):
                out.append(lines[j])
            i = j
        i += 1
    return out + _exit(lines)


@kind("svn-diff", "git")
def n_svn_diff(lines):
    """the diff rule (Index: lines as the changed paths); Property changes on: lines and the property line under each"""
    out = _diff(lines)
    for i, ln in enumerate(lines):
        if ln.startswith("Property changes on:"):
            out.append(ln)
            out += [x for x in lines[i + 1:i + 4] if x.strip() and not x.startswith("___")][:1]
    return out


@kind("svn-status", "git")
def n_svn_status(lines):
    """C ! ~ D A M R and tree-conflict lines (and > details), ? lines one any per top dir, Status against revision, Summary of conflicts"""
    out = []
    for ln in lines:
        if re.match(r"^[CDAMR!~ ][CM ][L ][+ ][S ][K ]?[C ]?\s", ln) and (re.match(r"^[CDAMR!~]", ln) or "C" in ln[1:7]) \
                or ln.lstrip().startswith(">"):
            out.append(ln)
    out += groups((ln[8:].strip().split("/")[0], ln) for ln in lines if ln.startswith("?"))
    out += _summary(lines)
    out += [ln for ln in lines if ln.startswith("Status against revision")]
    return out + _exit(lines)


def _summary(lines):
    out = []
    for i, ln in enumerate(lines):
        if ln.startswith("Summary of conflicts"):
            out.append(ln)
            for x in lines[i + 1:i + 6]:
                if not x.startswith("  "):
                    break
                out.append(x)
    return out


@kind("svn-blame", "git")
def n_svn_blame(lines):
    """the lines a blame question asks about (FIXME/XXX/BUG, first line of the highest revision, rare authors), every author"""
    return _blame(lines, r"^\s*(?P<rev>\d+|-)\s+(?P<who>\S+) (?P<text>.*)$")


@kind("svn-info", "git")
def n_svn_info(lines):
    """URL, Revision, Last Changed Author/Rev of every entry, Path lines when at most 40 entries, conflict lines"""
    paths = [ln for ln in lines if ln.startswith("Path: ")]
    out = paths if len(paths) <= 40 else []
    out += [ln for ln in lines if re.match(r"(URL|Revision|Last Changed Author|Last Changed Rev): ", ln)
            or re.search(r"[Cc]onflict", ln)]
    return out + _exit(lines)


@kind("svn-update-conflict", "git")
def n_svn_update(lines):
    """every C and Tree conflict line, Updated to revision / --- Merging lines, Summary of conflicts block, rare U/G/A/D rows"""
    rows = [ln for ln in lines if re.match(r"^[ A-Z]{4} \S", ln)]  # four status columns: text, props, lock, tree
    out = [ln for ln in rows if "C" in ln[:4]]
    out += [ln for ln in lines if "Tree conflict" in ln
            or re.match(r"(Updated to revision|At revision|--- Merging|--- Recording)", ln)]
    out += _summary(lines)
    out += rule4([(ln, {"a": ln[:4]}) for ln in rows], cat=("a",))
    return out + _exit(lines)


@kind("svn-propget", "table")
def n_svn_propget(lines):
    """path lines whose value occurs on at most 2 paths, and the first path line"""
    rows = [(ln, ln.split(" - ", 1)[1]) for ln in lines if " - " in ln]
    head, prop = None, None
    for ln in lines:  # proplist -v: "Properties on 'path':", then "  name" and "    value" lines
        if ln.startswith("Properties on "):
            head = ln
        elif head and re.match(r"^  \S", ln):
            prop = ln.strip()
        elif head and prop and re.match(r"^    \S", ln):
            rows.append((head, f"{prop}={ln.strip()}"))
    cnt = Counter(v for _, v in rows)
    out = rows[:1] and [rows[0][0]]
    out += [ln for ln, v in rows if cnt[v] <= 2]
    return out + _exit(lines)


@kind("fossil-timeline", "git")
def n_fossil_timeline(lines):
    """every HH:MM:SS [hash] check-in line, === date === lines when at most 20, tags: other than trunk, the closing limit line"""
    out = [ln for ln in lines if re.match(r"^\d\d:\d\d:\d\d \[[0-9a-f]+\]", ln)]
    dates = [ln for ln in lines if re.match(r"^=== .* ===$", ln)]
    out += dates if len(dates) <= 20 else []
    out += [ln for ln in lines if re.search(r"tags: (?!trunk\))", ln)]
    out += [ln for ln in lines if re.match(r"^(--- line limit|\+\+\+ no more data|--- entry limit)", ln)]
    return out + _exit(lines)


@kind("fossil-diff", "git")
def n_fossil_diff(lines):
    """the diff rule (Index: lines as the changed paths)"""
    return _diff(lines)


@kind("fossil-status", "git")
def n_fossil_status(lines):
    """checkout/parent/tags/comment lines; every EDITED ADDED DELETED MISSING CONFLICT RENAMED line"""
    out = [ln for ln in lines if re.match(r"^(checkout|parent|tags|comment):\s", ln)]
    out += [ln for ln in lines if re.match(r"^(EDITED|ADDED|DELETED|MISSING|CONFLICT|RENAMED|UPDATED|MERGED)\s", ln)]
    return out + _exit(lines)


@kind("brz-log", "git")
def n_brz_log(lines):
    """every revno: (or short revno) line, message first lines, distinct committers, removed:/renamed: paths, other branch nicks"""
    out, nicks, who = [], [], []
    for i, ln in enumerate(lines):
        s = ln.strip()
        if re.match(r"^\s*revno: ", ln):
            out.append(ln)
        elif re.match(r"^\s{0,8}\d+(\.\d+)* .+\d{4}-\d\d-\d\d", ln):  # --short: the revno line, the message under it
            out += [ln] + [x for x in lines[i + 1:i + 2] if x.strip()]
        elif s == "message:" and i + 1 < len(lines):
            out.append(lines[i + 1])
        elif s.startswith("committer:") and s not in who:
            who.append(s)
            out.append(ln)
        elif s.startswith("branch nick:"):
            nicks.append(ln)
        elif s in ("removed:", "renamed:"):
            for x in lines[i + 1:i + 8]:
                if not x.startswith(ln[:len(ln) - len(ln.lstrip())] + "  "):
                    break
                out.append(x)
    out += [ln for ln in nicks if nicks and ln.strip() != nicks[0].strip()]
    return out + _exit(lines)


@kind("brz-diff", "git")
def n_brz_diff(lines):
    """the diff rule (=== modified file lines as the changed paths); status section lines and paths under conflicts:/removed:"""
    out = _diff(lines)
    for i, ln in enumerate(lines):
        if re.match(r"^(modified|added|removed|renamed|conflicts|unknown|kind changed|pending merge tips.*):$", ln):
            out.append(ln)
            if ln.startswith(("conflicts", "removed")):
                for x in lines[i + 1:]:
                    if not x.startswith("  "):
                        break
                    out.append(x)
    return out


@kind("darcs-log", "git")
def n_darcs_log(lines):
    """every patch line, every patch name line (  * name), distinct Author lines, every A/R summary line"""
    out, who = [], set()
    for ln in lines:
        if re.match(r"^patch [0-9a-f]{8,}", ln) or re.match(r"^  \* \S", ln) or re.match(r"^\s+[AR] \./", ln):
            out.append(ln)
        elif ln.startswith("Author:") and ln not in who:
            who.add(ln)
            out.append(ln)
    return out + _exit(lines)


@kind("darcs-whatsnew", "git")
def n_darcs_whatsnew(lines):
    """the diff rule on darcs hunks (hunk/addfile/rmfile/move lines), every -s line"""
    return _diff(lines) + [ln for ln in lines if re.match(r"^[MAR!] \./", ln)]


# ------------------------------------------------------------------ building the repositories

T0 = datetime(2026, 2, 2, 9, 0, tzinfo=timezone.utc)
N_STEPS = 300
ENV = {"HOME": str(TMP / "home"), "USER": "maren", "HGPLAIN": None, "EDITOR": "true", "SVN_EDITOR": "true"}


def when(step: int) -> datetime:
    return T0 + timedelta(minutes=197 * step)


def who(c) -> str:
    return f"{c['author'][0]} <{c['author'][1]}>"


def short(c) -> str:
    return c["author"][1].split("@")[0]


def sh(cmd, cwd, timeout=300):
    return run(cmd, cwd=cwd, env=ENV, timeout=timeout)


def q(s: str) -> str:
    return "'" + s.replace("'", "'\\''") + "'"


def edit(path: Path, old: str, new: str) -> None:
    t = path.read_text()
    assert old in t, (path, old)
    path.write_text(t.replace(old, new, 1))


# conflicting edits: (file, original line text, one side's text, the other side's text)
CONFLICTS = [
    ("click/core.py", "    def __init__(", "    def __init__(  # stable: keyword-only soon", "    def __init__(  # main: signature frozen"),
    ("click/types.py", "class StringParamType(ParamType[str]):", "class StringParamType(ParamType[str]):  # stable",
     "class StringParamType(ParamType[str]):  # main: see types.rst"),
    ("click/utils.py", "def make_str(value: t.Any) -> str:", "def make_str(value: t.Any) -> str:  # stable: bytes first",
     "def make_str(value: t.Any) -> str:  # main: str first"),
]


def home() -> None:
    h = TMP / "home"
    h.mkdir(parents=True, exist_ok=True)
    (h / ".hgrc").write_text("[ui]\nusername = Maren Holt <maren@example.org>\n[extensions]\n")
    (h / ".gitconfig").write_text("")


def hg_repo(tmp: Path) -> None:
    home()
    r = tmp / "hg"
    r.mkdir()
    sh("hg init click", r)
    repo = r / "click"
    (repo / "README.rst").write_text("click, committed in steps\n")
    for step, c in enumerate(HIST):
        pre = ""
        if c["rename"]:
            pre = f"hg mv -q {c['rename'][0]} {c['rename'][1]} && "
        if c["remove"]:
            pre = f"hg rm -q {c['remove']} && "
        if pre:
            sh(pre.rstrip("& "), repo)
        write_step(repo, c)
        d = when(step).strftime("%Y-%m-%d %H:%M:%S +0000")
        sh(f"hg commit -q -A -u {q(who(c))} -d {q(d)} -m {q(c['msg'])}", repo)
    # docs pages on default, then a stable branch whose edits conflict with default's
    for k in range(24):
        (repo / "docs" / f"page{k:02d}.rst").parent.mkdir(exist_ok=True)
        (repo / "docs" / f"page{k:02d}.rst").write_text(f"Page {k}\n=======\n\nintro\n\nbody\n\nfooter\n")
    sh("hg commit -q -A -u 'Asha Quint <asha@example.org>' -d '2026-03-19 09:00 +0000' -m 'docs: one page per module'", repo)
    sh("hg branch -q stable", repo)
    for k, (f, old, a, _) in enumerate(CONFLICTS):
        edit(repo / f, old, a)
        sh(f"hg commit -q -u 'Lena Park <lena@example.org>' -d '2026-03-20 1{k}:00 +0000' -m {q('stable: ' + f)}", repo)
    for k in range(24):
        edit(repo / "docs" / f"page{k:02d}.rst", "intro", f"intro (stable {k})")
    sh("hg commit -q -u 'Dario Veld <dario@example.org>' -d '2026-03-21 10:00 +0000' -m 'stable: docs intros'", repo)
    sh("hg update -q default", repo)
    for k, (f, old, _, b) in enumerate(CONFLICTS):
        edit(repo / f, old, b)
    for k in range(24):
        edit(repo / "docs" / f"page{k:02d}.rst", "intro" if k % 4 == 0 else "footer", f"intro/footer (default {k})")
    sh("hg commit -q -u 'Tobias Renn <tobias@example.org>' -d '2026-03-22 09:00 +0000' -m 'freeze signatures before 8.2'", repo)


def hg_steps(tmp: Path) -> None:
    hg_repo(tmp)
    repo = tmp / "hg" / "click"
    cap("hg-log-p-200", "hg log -p -l 200 | head -n 2500", repo, n_hg_log_p, env=ENV)
    cap("hg-log-p-core-head", "hg log -p -l 60 click/core.py | head -n 700", repo, n_hg_log_p, env=ENV)
    cap("hg-merge-stable", "hg merge stable; echo EXIT=$?", repo, n_hg_merge, env={**ENV, "HGMERGE": "internal:merge"})
    cap("hg-resolve-list", "hg resolve -l", repo, n_hg_resolve, env=ENV)
    cap("hg-status-merging", "hg status && hg summary", repo, n_hg_status, env=ENV)
    cap("hg-diff-conflicts", "hg diff", repo, n_hg_diff, env=ENV)
    sh("hg resolve -q -a -t internal:local && hg commit -q -u 'Tobias Renn <tobias@example.org>' "
       "-d '2026-03-22 10:00 +0000' -m 'merge stable into default'", repo)
    cap("hg-log-graph-40", "hg log -G -l 40", repo, n_hg_log_graph, env=ENV)
    cap("hg-log-graph-template", "hg log -G -T '{rev}:{node|short} {author|user} {desc|firstline}\\n' | head -n 100",
        repo, n_hg_log_graph, env=ENV)
    cap("hg-annotate-types", "hg annotate -u -n click/types.py", repo, n_hg_annotate, env=ENV)
    cap("hg-annotate-core-head", "hg annotate -u -n click/core.py | head -n 900", repo, n_hg_annotate, env=ENV)
    cap("hg-grep-diff-marks", "hg grep --diff -n 'FIXME|XXX|BUG'", repo, n_hg_grep, env=ENV)
    cap("hg-grep-diff-note", "hg grep --diff -n -u 'NOTE:' 2>&1 | tail -n 80", repo, n_hg_grep, env=ENV)
    # bisect in a clone, for the step whose BUG line broke things
    sh("hg clone -q -U . ../bis && cd ../bis && hg update -q -r %d" % (N_STEPS - 1), repo)
    bis = tmp / "hg" / "bis"
    cap("hg-bisect-command", "hg bisect -r && hg bisect -g 0 && hg bisect -b %d && hg bisect -c "
        "\"sh -c '! grep -q BUG: click/core.py'\"" % (N_STEPS - 1), bis, n_hg_bisect, env=ENV)
    cap("hg-bisect-manual", "hg bisect -r; hg bisect -g 100; hg bisect -b 200; hg bisect -g; hg bisect -b; "
        "hg bisect -g; echo EXIT=$?", bis, n_hg_bisect, env=ENV)
    # working-copy changes
    for f in ("click/termui.py", "click/parser.py", "click/core.py"):
        p = repo / f
        p.write_text(p.read_text().replace("    # note:", "    # reviewed:", 3))
    for k in range(14):
        (repo / "docs" / f"new{k:02d}.rst").write_text(f"Page {k}\n=======\n")
    (repo / "build").mkdir()
    (repo / "build" / "lib.txt").write_text("x\n")
    (repo / "click" / "_compat.py").unlink()
    (repo / "click" / "py.typed").write_text("")
    sh("hg add -q click/py.typed && hg rm -q click/globals.py", repo)
    cap("hg-status-wc", "hg status", repo, n_hg_status, env=ENV)
    cap("hg-diff-wc", "hg diff -g; echo EXIT=$?", repo, n_hg_diff, env=ENV)
    cap("hg-diff-stat-range", "hg diff --stat -r 150 -r 260", repo, n_hg_diff, env=ENV)


def svn_steps(tmp: Path) -> None:
    home()
    s = tmp / "svn"
    s.mkdir()
    sh("svnadmin create repo", s)
    hook = s / "repo" / "hooks" / "pre-revprop-change"
    hook.write_text("#!/bin/sh\nexit 0\n")
    hook.chmod(0o755)
    url = f"file://{s}/repo"
    sh(f"svn mkdir -q -m 'layout' --username maren {url}/trunk {url}/branches {url}/tags", s)
    sh(f"svn checkout -q {url}/trunk wc", s)
    wc = s / "wc"
    for step, c in enumerate(HIST):
        if c["rename"]:
            sh(f"svn mv -q {c['rename'][0]} {c['rename'][1]}", wc)
        if c["remove"]:
            sh(f"svn rm -q {c['remove']}", wc)
        write_step(wc, c)
        sh(f"svn add -q --force . && svn commit -q --username {short(c)} -m {q(c['msg'])}", wc)
        if step == 120:
            sh(f"svn copy -q -m 'branch 8.1.x' --username tobias {url}/trunk {url}/branches/8.1.x", s)
        if step == 250:
            sh(f"svn copy -q -m 'tag 8.2.0rc1' --username maren {url}/trunk {url}/tags/8.2.0rc1", s)
    sh("svn update -q", wc)
    # properties
    sh("svn propset -q svn:ignore '*.pyc\n__pycache__\nbuild' click && svn propset -q -R svn:eol-style native click", wc)
    files = sorted(p.name for p in (wc / "click").glob("*.py"))
    for k, f in enumerate(files):
        owner = "maren" if k % 7 else ("tobias" if k < 7 else "asha")
        if f == "core.py":
            owner = "dario"
        sh(f"svn propset -q review:owner {owner} click/{f}", wc)
    sh("svn propset -q svn:keywords 'Id Rev' click/core.py click/types.py", wc)
    sh("svn commit -q --username maren -m 'properties: eol-style, ignore, review owners'", wc)
    cap("svn-log-v-300", f"svn log -v -l 300 {url}", s, n_svn_log, env=ENV)
    cap("svn-log-search-head", "svn log -v --search core: | head -n 100", wc, n_svn_log, env=ENV)
    cap("svn-blame-core", "svn blame click/core.py", wc, n_svn_blame, env=ENV)
    cap("svn-blame-v-types", "svn blame -v click/types.py | head -n 600", wc, n_svn_blame, env=ENV)
    cap("svn-diff-c-bug", f"svn diff -c {BAD_STEP + 3}", wc, n_svn_diff, env=ENV)
    cap("svn-diff-range-core", "svn diff -r 200:280 click/core.py click/parser.py", wc, n_svn_diff, env=ENV)
    cap("svn-propget-owner", "svn propget -R review:owner", wc, n_svn_propget, env=ENV)
    cap("svn-proplist-v-r", "svn proplist -v -R . | head -n 120", wc, n_svn_propget, env=ENV)
    cap("svn-info-r", "svn info -R click", wc, n_svn_info, env=ENV)
    # a second working copy at an older revision; trunk moves on with conflicting edits
    sh(f"svn checkout -q -r 260 {url}/trunk wc2", s)
    wc2 = s / "wc2"
    for f, old, a, b in CONFLICTS:
        edit(wc / f, old, b)
        edit(wc2 / f, old, a)
    (wc2 / "click" / "globals.py").unlink()
    sh("svn commit -q --username tobias -m 'freeze signatures before 8.2'", wc)
    sh("svn rm -q click/globals.py && svn commit -q --username lena -m 'globals moved into core'", wc)
    for k in range(5):
        p = wc2 / "click" / ["termui.py", "formatting.py", "testing.py", "exceptions.py", "decorators.py"][k]
        p.write_text(p.read_text() + f"# local change {k}\n")
    for k in range(8):
        (wc2 / f"notes{k}.txt").write_text("x\n")
    cap("svn-update-conflicts", "svn update --non-interactive; echo EXIT=$?", wc2, n_svn_update, env=ENV)
    cap("svn-status-conflicts", "svn status", wc2, n_svn_status, env=ENV)
    cap("svn-status-u-v-head", "svn status -u -v | head -n 60", wc2, n_svn_status, env=ENV)
    cap("svn-info-conflicted", "svn info click/core.py click/globals.py", wc2, n_svn_info, env=ENV)
    cap("svn-diff-wc2", "svn diff 2>&1 | tail -n 120", wc2, n_svn_diff, env=ENV)
    # a merge of the 8.1.x branch with its own conflicting edits
    sh(f"svn checkout -q {url}/branches/8.1.x br", s)
    br = s / "br"
    for p in sorted((br / "click").glob("*.py")):
        p.write_text(re.sub(r"(?m)^(\s*)# note: ", r"\1# branch: ", p.read_text(), count=6))
    (br / "docs").mkdir()
    for k in range(12):
        (br / "docs" / f"release-{k:02d}.rst").write_text(f"8.1.{k}\n=====\n")
    sh("svn add -q docs && svn rm -q click/_utils.py && svn commit -q --username asha -m '8.1.x: reword notes, release pages'", br)
    sh("svn update -q", wc)
    cap("svn-merge-branch", f"svn merge --non-interactive {url}/branches/8.1.x 2>&1; echo EXIT=$?", wc, n_svn_update, env=ENV)


def fossil_steps(tmp: Path) -> None:
    home()
    f = tmp / "fossil"
    f.mkdir()
    sh("fossil init click.fossil --admin-user maren --date-override 2026-02-01T08:00:00 >/dev/null && mkdir co && cd co && fossil open ../click.fossil >/dev/null", f)
    co = f / "co"
    for step, c in enumerate(HIST[:200]):
        if c["rename"]:
            sh(f"fossil mv {c['rename'][0]} {c['rename'][1]}", co)
        if c["remove"]:
            sh(f"fossil rm {c['remove']}", co)
        write_step(co, c)
        d = when(step).strftime("%Y-%m-%dT%H:%M:%S")
        sh(f"fossil addremove >/dev/null; fossil commit --no-warnings --allow-older --user-override {short(c)} --date-override {d} "
           f"-m {q(c['msg'])}", co)
        if step in (120, 180):
            sh(f"fossil tag add {'rel-8.1' if step == 120 else 'rc-8.2'} current", co)
    cap("fossil-timeline-200", "fossil timeline -n 200 -t ci", co, n_fossil_timeline, env=ENV)
    cap("fossil-timeline-verbose", "fossil timeline -n 30 -v", co, n_fossil_timeline, env=ENV)
    cap("fossil-diff-range", "fossil diff --from 'date:2026-02-20' --to 'date:2026-02-24' | head -n 400", co, n_fossil_diff, env=ENV)
    for fn in ("click/core.py", "click/types.py"):
        p = co / fn
        p.write_text(p.read_text().replace("    # note:", "    # seen:", 4))
    (co / "click" / "parser.py").unlink()
    (co / "CHANGES.rst").write_text("8.2\n===\n")
    sh("fossil add CHANGES.rst", co)
    cap("fossil-status", "fossil status; echo EXIT=$?", co, n_fossil_status, env=ENV)
    cap("fossil-diff-wc", "fossil diff", co, n_fossil_diff, env=ENV)


def brz_steps(tmp: Path) -> None:
    home()
    b = tmp / "brz"
    b.mkdir()
    sh("brz init -q click && cd click && brz whoami 'Maren Holt <maren@example.org>' --branch", b)
    repo = b / "click"
    for step, c in enumerate(HIST[:170]):
        if c["rename"]:
            sh(f"brz mv -q {c['rename'][0]} {c['rename'][1]}", repo)
        if c["remove"]:
            sh(f"brz rm -q {c['remove']}", repo)
        write_step(repo, c)
        d = when(step).strftime("%Y-%m-%d %H:%M:%S +0000")
        run(f"brz add -q && brz commit -q --commit-time {q(d)} -m {q(c['msg'])}", cwd=repo, env={**ENV, "BRZ_EMAIL": who(c)})
    cap("brz-log-v-40", "brz log -v -l 40", repo, n_brz_log, env=ENV)
    cap("brz-log-short", "brz log --short -l 150", repo, n_brz_log, env=ENV)
    cap("brz-diff-range", "brz diff -r 120..150; echo EXIT=$?", repo, n_brz_diff, env=ENV)
    for fn in ("click/core.py", "click/decorators.py"):
        p = repo / fn
        p.write_text(p.read_text().replace("    # note:", "    # checked:", 3))
    (repo / "click" / "formatting.py").unlink()
    cap("brz-status-diff", "brz status && brz diff", repo, n_brz_diff, env=ENV)


def darcs_steps(tmp: Path) -> None:
    home()
    d = tmp / "darcs"
    d.mkdir()
    sh("darcs init -q --repodir click", d)
    repo = d / "click"
    for step, c in enumerate(HIST[:150]):
        if c["rename"]:
            sh(f"darcs move -q {c['rename'][0]} {c['rename'][1]}", repo)
        write_step(repo, c)
        if c["remove"]:
            (repo / c["remove"]).unlink()
        sh(f"darcs record -q -a -l --skip-long-comment -A {q(who(c))} -m {q(c['msg'])}", repo)
    cap("darcs-log-s", "darcs log -s --last 60", repo, n_darcs_log, env=ENV)
    cap("darcs-log-head", "darcs log | head -n 150", repo, n_darcs_log, env=ENV)
    for fn in ("click/core.py", "click/testing.py"):
        p = repo / fn
        p.write_text(p.read_text().replace("    # note:", "    # darcs:", 3))
    (repo / "click" / "exceptions.py").unlink()
    (repo / "TODO").write_text("more\n")
    sh("darcs add -q TODO", repo)
    cap("darcs-whatsnew", "darcs whatsnew", repo, n_darcs_whatsnew, env=ENV)
    cap("darcs-log-v-last", "darcs log -v --last 6 | head -n 200", repo, n_darcs_log, env=ENV)


HIST = history(N_STEPS)
STEPS = [hg_steps, svn_steps, fossil_steps, brz_steps, darcs_steps]
