"""Round 105's repositories: capture_wide105.py's seeded history of jinja2's sources replayed into Mercurial,
Subversion, fossil, breezy and darcs, then a `release-3.2` branch whose edits conflict with the main line's, a merge,
an update left in conflict; the needles come from round 94's extractors, imported (NEEDLES.md, "Round 105").
Run through capture_wide105.py."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from pathlib import Path

from capture_more import run
from capture_wide94_vcs import (n_brz_log, n_darcs_log, n_fossil_timeline, n_hg_annotate, n_hg_log_graph,
                                n_hg_log_p, n_svn_blame, n_svn_log, n_svn_update)
from capture_wide105 import TMP, cap, history, write_step

T0 = datetime(2026, 4, 6, 7, 30, tzinfo=timezone.utc)
N_STEPS = 240
ENV = {"HOME": str(TMP / "home"), "USER": "ines", "HGPLAIN": None, "EDITOR": "true", "SVN_EDITOR": "true"}


def when(step: int) -> datetime:
    return T0 + timedelta(minutes=143 * step + (step * 37) % 61)


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


# conflicting edits: (file, original line text, release side, main side)
CONFLICTS = [
    ("jinja2/environment.py", "class Environment:", "class Environment:  # release-3.2: no new options",
     "class Environment:  # main: options grouped by phase"),
    ("jinja2/parser.py", "class Parser:", "class Parser:  # release-3.2: error messages kept",
     "class Parser:  # main: recursive descent split per statement"),
    ("jinja2/filters.py", "def do_forceescape(", "def do_forceescape(  # release-3.2: deprecated",
     "def do_forceescape(  # main: removed in 4.0"),
    ("jinja2/loaders.py", "class FileSystemLoader(BaseLoader):",
     "class FileSystemLoader(BaseLoader):  # release-3.2: follow symlinks",
     "class FileSystemLoader(BaseLoader):  # main: pathlib only"),
]


def home() -> None:
    h = TMP / "home"
    h.mkdir(parents=True, exist_ok=True)
    (h / ".hgrc").write_text("[ui]\nusername = Ines Fjell <ines@example.net>\n[extensions]\n")


def hg_steps(tmp: Path) -> None:
    home()
    r = tmp / "hg"
    r.mkdir()
    sh("hg init jinja", r)
    repo = r / "jinja"
    (repo / "README.md").write_text("jinja2, replayed in steps\n")
    for step, c in enumerate(HIST):
        if c["rename"]:
            sh(f"hg mv -q {c['rename'][0]} {c['rename'][1]}", repo)
        if c["remove"]:
            sh(f"hg rm -q {c['remove']}", repo)
        write_step(repo, c)
        d = when(step).strftime("%Y-%m-%d %H:%M:%S +0000")
        sh(f"hg commit -q -A -u {q(who(c))} -d {q(d)} -m {q(c['msg'])}", repo)
        if step == 160:
            sh("hg branch -q release-3.2", repo)
            for k, (f, old, a, _) in enumerate(CONFLICTS):
                edit(repo / f, old, a)
                sh(f"hg commit -q -u 'Yuki Tanabe <yuki@example.net>' -d '2026-04-21 0{k}:15 +0000' "
                   f"-m {q('release-3.2: ' + f.split('/')[1])}", repo)
            (repo / "CHANGES.rst").write_text("3.2.1\n=====\n\n- backports\n")
            sh("hg commit -q -A -u 'Colm Breen <colm@example.net>' -d '2026-04-21 09:00 +0000' "
               "-m 'release-3.2: changelog for 3.2.1'", repo)
            sh("hg update -q default", repo)
    for f, old, _, b in CONFLICTS:
        edit(repo / f, old, b)
    sh("hg commit -q -u 'Priya Nair <priya@example.net>' -d '2026-05-01 08:00 +0000' -m 'main: reshape for 4.0'", repo)
    run("HGMERGE=internal:merge hg merge release-3.2 >/dev/null 2>&1; hg resolve -q -a -t internal:other; "
        "hg commit -q -u 'Priya Nair <priya@example.net>' -d '2026-05-01 09:30 +0000' "
        "-m 'merge release-3.2 into default'", cwd=repo, env=ENV)
    cap("hg-log-graph-60", "hg log -G -l 60", repo, n_hg_log_graph, env=ENV)
    cap("hg-log-graph-template-branch", "hg log -G -T '{rev}:{node|short} {branch} {author|person}: "
        "{desc|firstline}\\n' | head -n 120", repo, n_hg_log_graph, env=ENV)
    cap("hg-log-p-lexer-head", "hg log -p -l 30 jinja2/lexer.py | head -n 800", repo, n_hg_log_p, env=ENV)
    cap("hg-log-p-release-branch", "hg log -p -b release-3.2; echo EXIT=$?", repo, n_hg_log_p, env=ENV)
    cap("hg-annotate-filters-head", "hg annotate -u -n jinja2/filters.py | head -n 700", repo, n_hg_annotate,
        env=ENV)
    cap("hg-annotate-runtime", "hg annotate -u -n jinja2/runtime.py", repo, n_hg_annotate, env=ENV)


def svn_steps(tmp: Path) -> None:
    home()
    s = tmp / "svn"
    s.mkdir()
    sh("svnadmin create repo", s)
    url = f"file://{s}/repo"
    sh(f"svn mkdir -q -m 'standard layout' --username ines {url}/trunk {url}/branches {url}/tags", s)
    sh(f"svn checkout -q {url}/trunk wc", s)
    wc = s / "wc"
    for step, c in enumerate(HIST):
        if c["rename"]:
            sh(f"svn mv -q {c['rename'][0]} {c['rename'][1]}", wc)
        if c["remove"]:
            sh(f"svn rm -q {c['remove']}", wc)
        write_step(wc, c)
        sh(f"svn add -q --force . && svn commit -q --username {short(c)} -m {q(c['msg'])}", wc)
        if step == 150:
            sh(f"svn copy -q -m 'branch release-3.2' --username yuki {url}/trunk {url}/branches/release-3.2", s)
        if step in (200, 230):
            tag = "3.2.0" if step == 200 else "3.3.0a1"
            sh(f"svn copy -q -m 'tag {tag}' --username colm {url}/trunk {url}/tags/{tag}", s)
    sh("svn update -q", wc)
    cap("svn-log-v-200", f"svn log -v -l 200 {url}", s, n_svn_log, env=ENV)
    cap("svn-log-v-range-head", f"svn log -v -r 120:175 {url} | head -n 300", s, n_svn_log, env=ENV)
    cap("svn-blame-filters", "svn blame jinja2/filters.py", wc, n_svn_blame, env=ENV)
    cap("svn-blame-v-runtime-tail", "svn blame -v jinja2/runtime.py | tail -n 500", wc, n_svn_blame, env=ENV)
    # a second working copy at an older revision; trunk then moves on with conflicting edits
    sh(f"svn checkout -q -r 225 {url}/trunk wc2", s)
    wc2 = s / "wc2"
    for f, old, a, b in CONFLICTS:
        edit(wc / f, old, b)
        edit(wc2 / f, old, a)
    (wc2 / "jinja2" / "meta.py").write_text((wc2 / "jinja2" / "meta.py").read_text() + "# local: keep find_refs\n")
    sh("svn commit -q --username priya -m 'main: reshape for 4.0'", wc)
    sh("svn rm -q jinja2/meta.py jinja2/visitor.py && svn commit -q --username bogdan -m 'meta and visitor move "
       "to jinja2.ast'", wc)
    for k, fn in enumerate(["debug.py", "tests.py", "utils.py", "bccache.py", "defaults.py", "optimizer.py"]):
        p = wc2 / "jinja2" / fn
        p.write_text(p.read_text() + f"# local edit {k}\n")
    (wc2 / "jinja2" / "visitor.py").unlink()
    cap("svn-update-conflicts-echo", "svn update --non-interactive; echo EXIT=$?", wc2, n_svn_update, env=ENV)
    sh("svn log -v -l 1 > /dev/null", wc)
    # the release branch gets its own conflicting edits and pages, then is merged into trunk
    sh(f"svn checkout -q {url}/branches/release-3.2 br", s)
    br = s / "br"
    for p in sorted((br / "jinja2").glob("*.py")):
        p.write_text(re.sub(r"(?m)^(\s*)# remark: ", r"\1# backport: ", p.read_text(), count=5))
    for f, old, a, _ in CONFLICTS[:2]:
        edit(br / f, old, a)
    (br / "docs").mkdir()
    for k in range(9):
        (br / "docs" / f"changes-3.2.{k}.rst").write_text(f"3.2.{k}\n=====\n\n- fixes\n")
    sh("svn add -q docs && svn rm -q jinja2/debug.py && svn commit -q --username yuki "
       "-m 'release-3.2: backport notes, change pages'", br)
    sh("svn update -q", wc)
    cap("svn-merge-release", f"svn merge --non-interactive {url}/branches/release-3.2 2>&1 | tail -n 80; echo EXIT=$?",
        wc, n_svn_update, env=ENV)
    sh("svn revert -q -R . && svn update -q", wc)
    cap("svn-log-v-stop-on-copy-tags", f"svn log -v --stop-on-copy {url}/branches/release-3.2 | head -n 60; "
        f"svn log -v -l 40 {url}/trunk | tail -n 160", s, n_svn_log, env=ENV)


def fossil_steps(tmp: Path) -> None:
    home()
    f = tmp / "fossil"
    f.mkdir()
    sh("fossil init jinja.fossil --admin-user ines --date-override 2026-04-05T08:00:00 >/dev/null && mkdir co && "
       "cd co && fossil open ../jinja.fossil >/dev/null", f)
    co = f / "co"
    for step, c in enumerate(HIST[:170]):
        if c["rename"]:
            sh(f"fossil mv {c['rename'][0]} {c['rename'][1]}", co)
        if c["remove"]:
            sh(f"fossil rm {c['remove']}", co)
        write_step(co, c)
        d = when(step).strftime("%Y-%m-%dT%H:%M:%S")
        sh(f"fossil addremove >/dev/null; fossil commit --no-warnings --allow-older --user-override {short(c)} "
           f"--date-override {d} -m {q(c['msg'])}", co)
        if step in (60, 110, 150):
            sh(f"fossil tag add {({60: 'beta-1', 110: 'rc-3.2', 150: 'v3.2.0'})[step]} current", co)
    cap("fossil-timeline-170", "fossil timeline -n 170 -t ci", co, n_fossil_timeline, env=ENV)
    cap("fossil-timeline-v-head", "fossil timeline -n 45 -v | head -n 400", co, n_fossil_timeline, env=ENV)


def brz_steps(tmp: Path) -> None:
    home()
    b = tmp / "brz"
    b.mkdir()
    sh("brz init -q jinja && cd jinja && brz whoami 'Ines Fjell <ines@example.net>' --branch", b)
    repo = b / "jinja"
    for step, c in enumerate(HIST[:100]):
        if c["rename"]:
            sh(f"brz mv -q {c['rename'][0]} {c['rename'][1]}", repo)
        if c["remove"]:
            sh(f"brz rm -q {c['remove']}", repo)
        write_step(repo, c)
        d = when(step).strftime("%Y-%m-%d %H:%M:%S +0000")
        run(f"brz add -q && brz commit -q --commit-time {q(d)} -m {q(c['msg'])}", cwd=repo,
            env={**ENV, "BRZ_EMAIL": who(c)})
    cap("brz-log-v-25", "brz log -v -l 25", repo, n_brz_log, env=ENV)
    cap("brz-log-short-head", "brz log --short | head -n 100", repo, n_brz_log, env=ENV)


def darcs_steps(tmp: Path) -> None:
    home()
    d = tmp / "darcs"
    d.mkdir()
    sh("darcs init -q --repodir jinja", d)
    repo = d / "jinja"
    for step, c in enumerate(HIST[:130]):
        if c["rename"]:
            sh(f"darcs move -q {c['rename'][0]} {c['rename'][1]}", repo)
        write_step(repo, c)
        if c["remove"]:
            (repo / c["remove"]).unlink()
        sh(f"darcs record -q -a -l --skip-long-comment -A {q(who(c))} -m {q(c['msg'])}", repo)
    cap("darcs-log-s-last-45", "darcs log -s --last 45", repo, n_darcs_log, env=ENV)
    cap("darcs-log-tail", "darcs log 2>&1 | tail -n 120; echo EXIT=$?", repo, n_darcs_log, env=ENV)


HIST = history(N_STEPS)
STEPS = [hg_steps, svn_steps, fossil_steps, brz_steps, darcs_steps]
