#!/usr/bin/env python3
"""Capture a FIFTH round of kinds (issue #11, round 5): broad, kinds no corpus file had yet.
git plumbing and porcelain an agent runs to find its way (remote -v, worktree list, branch -a -vv, log --all
--decorate --oneline, log -S, grep -n, diff --name-status, shortlog -sn, ls-files -s, tag -n, fsck, stash list,
status -s, clean -n), system facts (/proc/meminfo, /proc/cpuinfo, sysctl -a, ldconfig -p, apt-cache policy,
dpkg -L, getconf -a, lscpu, go env, perl -V, openssl ciphers -v), builds (make -n, cmake configure with a
missing package, ninja failing, ctest --output-on-failure, cargo check --message-format=short, cargo clippy
JSON), checkers of memory and time (valgrind --leak-check=full, /usr/bin/time -v), Python (pytest
--collect-only with a broken module, unittest discover with import errors, -X importtime, dis), binaries
(objdump -d, readelf -SW, hexdump -C), HTTP (curl -i of a JSON API on loopback with an error) and counts
(sort | uniq -c).

Same method and helpers as capture_wide4.py: every item's text is the stdout+stderr of a program REALLY run
here, on throwaway trees and repos built below in /tmp/hm-corpus-wide5; needles follow
scripts/corpus/NEEDLES.md, each kind's extractor docstring states its rule (first line = needle_rule),
extractors read the CLEANED lines. Written before any compressed output was looked at.

Usage:   .venv/bin/python scripts/corpus/capture_wide5.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide5.json  as {"version": 2, "items": [...]}, ids prefixed "wide5-".
Tools:   git, python (this venv), make, cmake, ninja, ctest, gcc, valgrind, /usr/bin/time, cargo (+clippy), go,
         perl, openssl, objdump, readelf, hexdump, ldconfig, apt-cache, dpkg, sysctl, getconf, lscpu, curl,
         sort, uniq as found (a missing one skips its kinds). Every process started is killed; only loopback.
"""

from __future__ import annotations

import json
import os
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_data import any_of, python_exceptions, rule4  # noqa: E402
from capture_more import add_or_skip as add, groups, have, kind, mask, next_match, run, write_tree  # noqa: E402

cm.PREFIX = "wide5-"
DEFAULT_OUT = HERE / "data" / "wide5.json"
TMP = Path("/tmp/hm-corpus-wide5")
PY = sys.executable
GIT_ENV = {"GIT_AUTHOR_NAME": "Ada Dev", "GIT_AUTHOR_EMAIL": "ada@example.org", "GIT_COMMITTER_NAME": "Ada Dev",
           "GIT_COMMITTER_EMAIL": "ada@example.org", "GIT_CONFIG_NOSYSTEM": "1", "HOME": str(TMP)}



def matching(lines, pat):
    return [ln for ln in lines if re.search(pat, ln)]


def g(cmd, cwd):
    return run(cmd, cwd=cwd, env=GIT_ENV)


# ================================================================== git

def make_repo(root: Path) -> None:
    rnd = random.Random(5)
    root.mkdir(parents=True)
    g("git init -q -b main . && git config user.name 'Ada Dev' && git config user.email ada@example.org", root)
    authors = [("Ada Dev", "ada@example.org")] * 6 + [("Bo Lin", "bo@example.org")] * 3 + [("Cy Ray", "cy@example.org")]
    guests = [(f"Guest {n} Contributor", f"guest{n}@example.org") for n in "ABCDEFGHIJKL"]
    for i in range(60):
        d = root / f"src/mod{i % 7}"
        d.mkdir(parents=True, exist_ok=True)
        body = "".join(f"def handler_{i}_{j}(req):\n    return {{'ok': True, 'n': {j}}}\n\n" for j in range(4))
        if i == 23:
            body += "LEGACY_TOKEN_TTL = 3600\n"
        if i == 41:
            body = body.replace("'ok': True", "'ok': LEGACY_TOKEN_TTL > 0")
        (d / f"file{i}.py").write_text(body)
        a, e = authors[i % 10] if i % 5 else guests[i // 5]
        if i == 37:
            a, e = "Dee Outsider", "dee@elsewhere.net"
        g(f"git add -A && git -c user.name='{a}' -c user.email={e} commit -q --author='{a} <{e}>' "
          f"-m 'mod{i % 7}: {rnd.choice(['add', 'tune', 'fix', 'refactor'])} handler batch {i}'", root)
        if i in (10, 20, 30, 45):
            g(f"git tag -a v0.{i // 10}.0 -m 'release 0.{i // 10}.0: handlers up to batch {i}'", root)
    for b in range(14):
        g(f"git branch feature/topic-{b} HEAD~{b * 3 + 1}", root)
    for b in (2, 5, 9):
        g(f"git checkout -q feature/topic-{b} && echo 'x = {b}' > topic{b}.py && git add -A && "
          f"git commit -q -m 'topic {b}: experiment' && git checkout -q main", root)


@kind("git-remote-v", "git")
def n_git_remote_v(lines):
    """Rule 5 on git remote -v: every remote's fetch line (the name and URL a question asks for)."""
    return matching(lines, r"\(fetch\)$")


@kind("git-worktree-list", "git")
def n_git_worktree(lines):
    """Rule 5 on git worktree list: every worktree line (path, commit, branch); rule 4: the locked/prunable ones."""
    return [ln for ln in lines if ln.strip()]


@kind("git-branch-a-vv", "git")
def n_git_branch_avv(lines):
    """Rules 4+5 on git branch -a -vv: the current branch line; every branch whose upstream is gone or ahead/behind."""
    return matching(lines, r"^\* ") + matching(lines, r"\[[^\]]*(gone|ahead|behind)[^\]]*\]")


@kind("git-log-all-decorate", "git")
def n_git_log_decorate(lines):
    """Rule 5 on git log --all --decorate --oneline: every commit's hash and subject (each line)."""
    return [ln for ln in lines if re.match(r"^[0-9a-f]{7,} ", ln)]


@kind("git-log-S", "git")
def n_git_log_s(lines):
    """Rule 5 on git log -S (pickaxe) with -p: every commit line and subject, every +/- line naming the searched string."""
    out = matching(lines, r"^commit [0-9a-f]{40}")
    out += [ln for ln in lines if ln.startswith(("+", "-")) and not ln.startswith(("+++", "---")) and "LEGACY_TOKEN_TTL" in ln]
    return out


@kind("git-grep-n", "search")
def n_git_grep(lines):
    """Rule 5 on git grep -n: the first match of every file."""
    seen, out = set(), []
    for ln in lines:
        f = ln.split(":", 1)[0]
        if f not in seen:
            seen.add(f)
            out.append(ln)
    return out


@kind("git-diff-name-status", "git")
def n_git_name_status(lines):
    """Rule 4 on git diff --name-status: every row whose status letter is rare while one dominates (a delete, a rename)."""
    rows = [(ln, {"s": ln.split("\t")[0][:1]}) for ln in lines if "\t" in ln]
    return rule4(rows, cat=("s",))


@kind("git-shortlog-sn", "git")
def n_git_shortlog_sn(lines):
    """Rule 4 on git shortlog -sn: the rows with the most and the fewest commits."""
    rows = [(ln, {"n": ln.split()[0]}) for ln in lines if re.match(r"^\s*\d+\t", ln)]
    return rule4(rows, nums=("n",))


@kind("git-ls-files-s", "git")
def n_git_ls_files_s(lines):
    """Rule 4 on git ls-files -s: rows whose mode is rare while one dominates (an executable, a symlink)."""
    rows = [(ln, {"mode": ln.split()[0]}) for ln in lines if re.match(r"^\d{6} ", ln)]
    return rule4(rows, cat=("mode",))


@kind("git-tag-n", "git")
def n_git_tag_n(lines):
    """Rule 5 on git tag -n: every tag line (name and annotation)."""
    return matching(lines, r"^v\d")


@kind("git-stash-list", "git")
def n_git_stash_list(lines):
    """Rule 5 on git stash list: every stash entry."""
    return matching(lines, r"^stash@\{\d+\}")


@kind("git-status-short", "git")
def n_git_status_short(lines):
    """Rule 4 on git status -s: rows whose two-letter status is rare while one dominates (a conflict, a delete)."""
    rows = [(ln, {"s": ln[:2]}) for ln in lines if len(ln) > 3 and ln[2] == " "]
    return rule4(rows, cat=("s",))


@kind("git-clean-n", "git")
def n_git_clean_n(lines):
    """Rule 5 on git clean -n -d: every directory that would be removed (a line ending in /)."""
    return matching(lines, r"^Would remove .*/$")


def cap_git(tmp: Path) -> None:
    if not have("git", "git-*"):
        return
    r = tmp / "repo"
    make_repo(r)
    for name, url in [("origin", "git@example.org:team/app.git"), ("upstream", "https://example.org/upstream/app.git"),
                      ("fork-bo", "/srv/git/bo/app.git"), ("fork-cy", "ssh://cy@host.example:2222/app.git"),
                      ("mirror", "https://mirror.example.net/app.git"), ("archive", "file:///mnt/archive/app.git")]:
        g(f"git remote add {name} {url}", r)
    g("git remote set-url --push mirror no_push", r)
    add("git-remote-v", "git remote -v", g("git remote -v", r), n_git_remote_v)
    for b in (1, 3, 4, 6, 7, 8, 10, 11):
        g(f"git worktree add -q ../wt-{b} feature/topic-{b}", r)
    g("git worktree add -q --detach ../wt-detached HEAD~5 && git worktree lock --reason 'ci runner' ../wt-4", r)
    run(f"rm -rf {tmp}/wt-7")
    add("git-worktree-list", "git worktree list", g("git worktree list", r), n_git_worktree)
    # upstreams: a bare remote with the branches, then gone / ahead / behind ones
    bare = tmp / "origin.git"
    g(f"git init -q --bare {bare}", tmp)
    g(f"git remote set-url origin {bare} && git push -q origin --all 2>&1", r)
    for b in range(14):
        if b not in (1, 3, 4, 6, 8, 10, 11):
            g(f"git branch -q -u origin/feature/topic-{b} feature/topic-{b}", r)
    g("git branch -q -u origin/main main", r)
    g(f"git --git-dir={bare} branch -D feature/topic-12 && git fetch -q --prune origin", r)
    g("git checkout -q feature/topic-13 && git commit -q --allow-empty -m 'wip: local only' && git checkout -q main", r)
    g("git update-ref refs/remotes/origin/feature/topic-0 refs/remotes/origin/feature/topic-0~2", r)
    add("git-branch-a-vv", "git branch -a -vv", g("git branch -a -vv", r), n_git_branch_avv)
    add("git-log-all-decorate", "git log --all --decorate --oneline",
        g("git log --all --decorate --oneline", r), n_git_log_decorate)
    add("git-log-S", "git log -S LEGACY_TOKEN_TTL -p", g("git log -S LEGACY_TOKEN_TTL -p", r), n_git_log_s)
    add("git-grep-n", "git grep -n 'return {'", g("git grep -n \"return {\"", r), n_git_grep)
    g("git checkout -q -b big-change", r)
    g("git mv src/mod3 src/legacy3 && git rm -q src/mod5/file12.py && "
      "for f in src/mod1/*.py src/mod2/*.py src/mod4/*.py; do echo '# touched' >> $f; done && "
      "mkdir -p docs && echo '# API' > docs/api.md && git add -A && git commit -q -m 'big change'", r)
    add("git-diff-name-status", "git diff --name-status -M main big-change",
        g("git diff --name-status -M main big-change", r), n_git_name_status)
    g("git checkout -q main", r)
    add("git-shortlog-sn", "git shortlog -sn HEAD", g("git shortlog -sn -e HEAD", r), n_git_shortlog_sn)
    g("chmod +x src/mod0/file7.py && ln -s ../mod1/file1.py src/mod0/link.py && git add -A && "
      "git commit -q -m 'exec bit and link'", r)
    add("git-ls-files-s", "git ls-files -s", g("git ls-files -s", r), n_git_ls_files_s)
    for k in range(6):
        g(f"git tag -a v1.{k}.0 -m 'release 1.{k}.0\n\nchangelog line one\nchangelog line two' HEAD~{k}", r)
    add("git-tag-n", "git tag -n3", g("git tag -n3", r), n_git_tag_n)
    for k in range(7):
        g(f"echo 'tmp = {k}' >> src/mod{k}/file{k}.py && git stash push -q -m 'wip {k}: try handler variant {k}'", r)
    add("git-stash-list", "git stash list", g("git stash list", r), n_git_stash_list)
    g("for f in src/mod*/*.py; do echo '# edit' >> $f; done; git add src/mod2/file2.py src/mod2/file9.py; "
      "rm src/mod4/file4.py; mkdir -p build/out cache; touch build/out/a.o cache/x notes.txt; "
      "for i in $(seq 1 8); do mkdir -p out_$i/obj && touch out_$i/obj/x.o; touch scratch_$i.tmp; done", r)
    add("git-status-short", "git status -s", g("git status -s", r), n_git_status_short)
    add("git-clean-n", "git clean -n -d", g("git clean -n -d", r), n_git_clean_n)


# ================================================================== system facts

@kind("proc-meminfo", "listing")
def n_meminfo(lines):
    """Rule 5 on /proc/meminfo: the MemTotal, MemAvailable and SwapTotal lines."""
    return matching(lines, r"^(MemTotal|MemAvailable|SwapTotal):")


@kind("proc-cpuinfo", "listing")
def n_cpuinfo(lines):
    """Rule 5 on /proc/cpuinfo: the last 'processor' line (how many CPUs), one 'model name' line."""
    return matching(lines, r"^processor\s*:")[-1:] + [any_of(matching(lines, r"^model name"))]


@kind("sysctl-a", "listing")
def n_sysctl(lines):
    """Rules 1+5 on sysctl -a: every error line; the kernel.osrelease, vm.swappiness and fs.file-max lines."""
    return matching(lines, r"(?i)error|denied") + matching(lines, r"^(kernel\.osrelease|vm\.swappiness|fs\.file-max) =")


@kind("ldconfig-p", "listing")
def n_ldconfig(lines):
    """Rule 5 on ldconfig -p: the 'N libs found in cache' header; the libc.so.6 and libssl lines."""
    return lines[:1] + [any_of(matching(lines, r"^\s+libc\.so\.6 ")), any_of(matching(lines, r"^\s+libssl\.so"))]


@kind("apt-cache-policy", "pkg")
def n_apt_policy(lines):
    """Rule 5 on apt-cache policy PKG...: every package name line and its Installed: and Candidate: lines."""
    return matching(lines, r"^\S+:$") + matching(lines, r"^\s+(Installed|Candidate):")


@kind("dpkg-L", "listing")
def n_dpkg_l_files(lines):
    """Rule 5 on dpkg -L: every executable path (under a bin/ or sbin/ directory)."""
    return matching(lines, r"/s?bin/[^/]+$")


@kind("getconf-a", "listing")
def n_getconf(lines):
    """Rule 5 on getconf -a: the PAGESIZE, _NPROCESSORS_ONLN and OPEN_MAX lines."""
    return matching(lines, r"^(PAGESIZE|_NPROCESSORS_ONLN|OPEN_MAX)\s")


@kind("lscpu", "listing")
def n_lscpu(lines):
    """Rule 5 on lscpu: the Architecture, CPU(s) and Model name lines; every Vulnerable line (rule 1)."""
    return matching(lines, r"^\s*(Architecture|CPU\(s\)|Model name):") + matching(lines, r"Vulnerable")


@kind("go-env", "listing")
def n_go_env(lines):
    """Rule 5 on go env: the GOROOT, GOPATH, GOVERSION, GOOS and GOARCH lines."""
    return matching(lines, r"^(GOROOT|GOPATH|GOVERSION|GOOS|GOARCH)=")


@kind("perl-V", "doc")
def n_perl_v(lines):
    """Rule 5 on perl -V: the 'Summary of my perl5' line, the '@INC:' line and every @INC directory under it."""
    out = matching(lines, r"^Summary of my perl5")
    for i, ln in enumerate(lines):
        if ln.startswith("  @INC:"):
            out.append(ln)
            out += [x for x in lines[i + 1:] if x.startswith("    /")]
    return out


@kind("openssl-ciphers-v", "table")
def n_ciphers(lines):
    """Rules 4+5 on openssl ciphers -v: rows whose protocol, Kx, Au, Enc or Mac is rare while one value dominates; every TLSv1.3 row."""
    rows = []
    for ln in lines:
        p = ln.split()
        if len(p) >= 6:
            d = {"proto": p[1]}
            d.update(x.split("=", 1) for x in p[2:6] if "=" in x)
            rows.append((ln, d))
    return rule4(rows, cat=("proto", "Kx", "Au", "Enc", "Mac")) + [ln for ln, d in rows if d["proto"] == "TLSv1.3"]


def cap_system(tmp: Path) -> None:
    add("proc-meminfo", "cat /proc/meminfo", run("cat /proc/meminfo"), n_meminfo)
    add("proc-cpuinfo", "cat /proc/cpuinfo", run("cat /proc/cpuinfo"), n_cpuinfo)
    if have("sysctl", "sysctl-a"):
        add("sysctl-a", "sysctl -a", run("sysctl -a 2>&1 | head -400"), n_sysctl)
    if have("ldconfig", "ldconfig-p"):
        add("ldconfig-p", "ldconfig -p", run("ldconfig -p"), n_ldconfig)
    if have("apt-cache", "apt-cache-policy"):
        add("apt-cache-policy", "apt-cache policy git curl make gcc cmake ninja-build valgrind perl",
            run("apt-cache policy git curl make gcc cmake ninja-build valgrind perl"), n_apt_policy)
    if have("dpkg", "dpkg-L"):
        add("dpkg-L", "dpkg -L git", run("dpkg -L git"), n_dpkg_l_files)
    if have("getconf", "getconf-a"):
        add("getconf-a", "getconf -a", run("getconf -a"), n_getconf)
    if have("lscpu", "lscpu"):
        add("lscpu", "lscpu", run("lscpu"), n_lscpu)
    if have("go", "go-env"):
        add("go-env", "go env", run("go env", env={"GOFLAGS": None}), n_go_env)
    if have("perl", "perl-V"):
        add("perl-V", "perl -V", run("perl -V"), n_perl_v)
    if have("openssl", "openssl-ciphers-v"):
        add("openssl-ciphers-v", "openssl ciphers -v ALL", run("openssl ciphers -v ALL"), n_ciphers)


# ================================================================== builds

C_MAIN = r'''
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
struct node { int v; struct node *next; };
static struct node *push(struct node *h, int v) { struct node *n = malloc(sizeof *n); n->v = v; n->next = h; return n; }
static char *dup_name(const char *s) { char *p = malloc(strlen(s) + 1); strcpy(p, s); return p; }
int main(int argc, char **argv) {
    struct node *h = NULL;
    for (int i = 0; i < 50; i++) h = push(h, i);
    char *name = dup_name("session-cache");
    int *arr = malloc(10 * sizeof(int));
    for (int i = 0; i < 10; i++) arr[i] = i;
    printf("sum=%d name=%s\n", arr[9] + h->v, name);
    free(arr);
    if (argc > 5) free(name);
    return 0;
}
'''


@kind("make-n", "build")
def n_make_n(lines):
    """Rule 5 on make -n: every link command (a compiler call with -o and no -c) and every non-compiler command."""
    out = []
    for ln in lines:
        if re.match(r"^(cc|gcc)\b", ln):
            if " -c " not in ln:
                out.append(ln)
        elif ln.strip() and not ln.startswith("make"):
            out.append(ln)
    return out


@kind("cmake-configure-error", "build")
def n_cmake_cfg(lines):
    """Rules 1+3 on a failing cmake configure: every 'CMake Error' line and its location, the error text line under it, 'Configuring incomplete'."""
    out = []
    for i, ln in enumerate(lines):
        if ln.startswith("CMake Error"):
            out.append(ln)
            nxt = next_match(lines, i, r"^\s+\S")
            if nxt:
                out.append(nxt)
    return out + matching(lines, r"Configuring incomplete")


@kind("ninja-fail", "build")
def n_ninja(lines):
    """Rules 1+3 on ninja failing: every 'FAILED:' line, every 'error:' line, 'ninja: build stopped'."""
    return matching(lines, r"^FAILED: |error:|^ninja: build stopped")


@kind("ctest-output-on-failure", "test")
def n_ctest(lines):
    """Rule 2 on ctest --output-on-failure: every '***Failed'/'Exception' test line, each failing test's first 'FAIL' output line, the summary and the list of failed tests."""
    out = matching(lines, r"\*\*\*(Failed|Exception)|\*\*\*Timeout")
    out += matching(lines, r"tests passed, \d+ tests failed|The following tests FAILED")
    out += matching(lines, r"^\s+\d+ - \S+ \(Failed\)")
    seen = set()
    for ln in lines:
        m = re.match(r"^FAIL (\w+):", ln)
        if m and m.group(1) not in seen:
            seen.add(m.group(1))
            out.append(ln)
    return out


@kind("valgrind-leak-full", "log")
def n_valgrind_leak(lines):
    """Rule 1 on valgrind --leak-check=full: every 'definitely lost in loss record' line and the first frame under it, the 'definitely lost:' summary line, ERROR SUMMARY."""
    out = []
    for i, ln in enumerate(lines):
        if "definitely lost in loss record" in ln:
            out.append(ln)
            fr = next_match(lines, i, r"(at|by) 0x[0-9A-F]+: \w+ \(\w+\.c:\d+\)")
            if fr:
                out.append(fr)
    return out + matching(lines, r"definitely lost: |ERROR SUMMARY:")


@kind("time-v", "log")
def n_time_v(lines):
    """Rule 5 on /usr/bin/time -v: the Command, Elapsed, Maximum resident set size and Exit status lines."""
    return matching(lines, r"^\s+(Command being timed|Elapsed \(wall|Maximum resident set size|Exit status)")


@kind("cargo-check-short", "build")
def n_cargo_short(lines):
    """Rule 1 on cargo check --message-format=short: every error line; one needle per (warning shape, file); the final error summary."""
    out = matching(lines, r"^(\S+: )?error(\[E\d+\])?:")
    pairs = []
    for ln in lines:
        m = re.match(r"^(\S+?):\d+:\d+: warning: (.*)$", ln)
        if m:
            pairs.append(((m.group(1), mask(m.group(2))), ln))
    return out + groups(pairs)


@kind("cargo-clippy-json", "lint")
def n_clippy_json(lines):
    """Rule 1 on cargo clippy --message-format=json: one needle per (lint code, file) of the compiler-message records (the record's "rendered" member, its first 200 chars)."""
    pairs = []
    for ln in lines:
        try:
            rec = json.loads(ln)
        except ValueError:
            continue
        msg = rec.get("message") or {}
        if rec.get("reason") == "compiler-message" and msg.get("spans"):
            code = (msg.get("code") or {}).get("code") or msg.get("message")
            at = ln.find('"rendered":"')  # the record's own words and place, not its shared prefix
            pairs.append(((code, msg["spans"][0]["file_name"]), ln[at:at + 200] if at >= 0 else ln))
    return groups(pairs)


def cap_build(tmp: Path) -> None:
    b = tmp / "mk"
    files = {f"src/unit{k}.c": f"int unit{k}(int x) {{ return x * {k + 1}; }}\n" for k in range(30)}
    files["Makefile"] = ("SRCS := $(wildcard src/*.c)\nOBJS := $(SRCS:src/%.c=build/%.o)\nCFLAGS := -O2 -Wall -Iinclude\n"
                         "all: app tools/report\n"
                         "build/%.o: src/%.c\n\t@mkdir -p build\n\tgcc $(CFLAGS) -c $< -o $@\n"
                         "app: $(OBJS)\n\tgcc -o app $(OBJS) -lm\n"
                         "tools/report: app\n\tmkdir -p tools\n\tsed -e 's/@VERSION@/1.4.2/' report.in > tools/report\n"
                         "\tchmod +x tools/report\n"
                         "install: all\n\tinstall -m 755 app /usr/local/bin/app\n")
    write_tree(b, files)
    add("make-n", "make -n all install", run("make -n all install", cwd=b), n_make_n)
    if have("cmake", "cmake-configure-error"):
        c = tmp / "cm"
        write_tree(c, {"CMakeLists.txt": "cmake_minimum_required(VERSION 3.16)\nproject(demo C)\n"
                       "find_package(ZLIB REQUIRED)\nfind_package(Protobuf 3.21 REQUIRED)\n"
                       "add_executable(demo main.c)\n", "main.c": "int main(void){return 0;}\n"})
        add("cmake-configure-error", "cmake -S . -B build", run("cmake -S . -B build", cwd=c), n_cmake_cfg)
    if have("ninja", "ninja-fail") and have("cmake", "ninja-fail"):
        n = tmp / "nj"
        files = {f"src/m{k}.c": f"int m{k}(int x) {{ return x + {k}; }}\n" for k in range(24)}
        files["src/m7.c"] = "int m7(int x) { return x + undefined_symbol_y; }\n"
        files["src/m15.c"] = "#include \"missing_header.h\"\nint m15(int x) { return x; }\n"
        files["src/m19.c"] = "int m19(int x) { int unused = 3; return x }\n"
        files["main.c"] = "int main(void){return 0;}\n"
        files["CMakeLists.txt"] = ("cmake_minimum_required(VERSION 3.16)\nproject(nj C)\nfile(GLOB S src/*.c)\n"
                                   "add_executable(nj main.c ${S})\n")
        write_tree(n, files)
        run("cmake -G Ninja -S . -B build", cwd=n)
        add("ninja-fail", "ninja -C build -k 0", run("ninja -C build -k 0 -j 2", cwd=n), n_ninja)
    if have("ctest", "ctest-output-on-failure"):
        t = tmp / "ct"
        tests = "".join(f"add_test(NAME case_{k} COMMAND sh -c \"echo running case_{k}; "
                        + ("echo 'FAIL case_" + str(k) + ": expected 200 got 503'; echo 'FAIL case_" + str(k)
                           + ": retry also failed'; exit 1" if k in (4, 17, 22) else "echo ok")
                        + "\")\n" for k in range(30))
        write_tree(t, {"CMakeLists.txt": "cmake_minimum_required(VERSION 3.16)\nproject(ct NONE)\nenable_testing()\n" + tests})
        run("cmake -S . -B build", cwd=t)
        add("ctest-output-on-failure", "ctest --output-on-failure",
            run("ctest --output-on-failure", cwd=t / "build"), n_ctest)
    v = tmp / "vg"
    write_tree(v, {"leak.c": C_MAIN})
    run("gcc -g -O0 -o leak leak.c", cwd=v)
    if have("valgrind", "valgrind-leak-full"):
        add("valgrind-leak-full", "valgrind --leak-check=full ./leak",
            run("valgrind --leak-check=full --show-leak-kinds=all ./leak", cwd=v), n_valgrind_leak)
    add("time-v", "/usr/bin/time -v python -c ...",
        run(f"/usr/bin/time -v {PY} -c \"import json; print(len(json.dumps(list(range(200000)))))\""), n_time_v)
    if have("cargo", "cargo-check-short"):
        r = tmp / "rs"
        body = "\n".join(f"pub fn f{k}(x: i32) -> i32 {{ let unused_{k} = x; x + {k} }}" for k in range(20))
        body += "\npub fn bad() -> u32 { let s: String = 5; s.len() }\npub fn worse(v: Vec<i32>) -> i32 { v.iter().sum::<i64>() }\n"
        body += "\nuse std::collections::HashMap;\npub fn g(x: &Vec<i32>) -> usize { if x.len() == 0 { 0 } else { x.len() } }\n"
        write_tree(r, {"Cargo.toml": "[package]\nname = \"w5\"\nversion = \"0.1.0\"\nedition = \"2021\"\n",
                       "src/lib.rs": body,
                       "src/util.rs": "pub fn h(v: &Vec<String>) -> bool { v.len() == 0 }\n"})
        (r / "src/lib.rs").write_text(body + "\nmod util;\n")
        add("cargo-check-short", "cargo check --message-format=short",
            run("cargo check --offline --message-format=short 2>&1", cwd=r), n_cargo_short)
        ok = tmp / "rs2"
        body2 = "\n".join(f"pub fn f{k}(x: &Vec<i32>) -> bool {{ if x.len() == 0 {{ return true; }} else {{ return false; }} }}"
                          for k in range(12))
        body2 += "\npub fn cmp(a: f64) -> bool { a == 0.1 }\npub fn idx(v: &[u8]) -> u8 { let mut s = 0u8; for i in 0..v.len() { s += v[i]; } s }\n"
        write_tree(ok, {"Cargo.toml": "[package]\nname = \"w5c\"\nversion = \"0.1.0\"\nedition = \"2021\"\n",
                        "src/lib.rs": body2, "src/more.rs": "pub fn m(x: &String) -> usize { x.clone().len() }\n"})
        (ok / "src/lib.rs").write_text(body2 + "\npub mod more;\n")
        add("cargo-clippy-json", "cargo clippy --message-format=json",
            run("cargo clippy --offline --message-format=json 2>/dev/null", cwd=ok), n_clippy_json)


# ================================================================== python

@kind("pytest-collect-only", "test")
def n_pytest_collect(lines):
    """Rules 1+3 on pytest --collect-only -q with a broken module: every 'ERROR collecting' line, each Error line under it, the final summary line."""
    out = matching(lines, r"^(_+ )?ERROR collecting|^ERROR ")
    out += matching(lines, r"^E\s+\w*(Error|Exception)")
    return out + matching(lines, r"\d+ tests? collected|\d+ errors?")[-1:]


@kind("unittest-discover-errors", "test")
def n_unittest_discover(lines):
    """Rules 1+2 on unittest discover with import errors: every 'ERROR:' / 'FAIL:' header, each exception line and its File line, the FAILED summary."""
    return matching(lines, r"^(ERROR|FAIL): ") + python_exceptions(lines) + matching(lines, r"^FAILED \(|^Ran \d+ tests?")


@kind("python-importtime", "table")
def n_importtime(lines):
    """Rule 4 on python -X importtime: the header row; the rows with the largest self and cumulative times."""
    rows = []
    for ln in lines:
        m = re.match(r"^import time:\s+(\d+) \|\s+(\d+) \|", ln)
        if m:
            rows.append((ln, {"self": m.group(1), "cum": m.group(2)}))
    hi = []
    for c in ("self", "cum"):
        top = max(int(r[c]) for _, r in rows)
        hi.append(any_of(ln for ln, r in rows if int(r[c]) == top))
    return [ln for ln in lines if "self [us]" in ln][:1] + hi


@kind("python-dis", "code")
def n_dis(lines):
    """Rule 6 on python -m dis: every 'Disassembly of <code object ...>' header (one per function)."""
    return matching(lines, r"^Disassembly of ")


def cap_python(tmp: Path) -> None:
    p = tmp / "pyc"
    files = {}
    for k in range(18):
        files[f"tests/test_area{k}.py"] = "".join(f"def test_case_{j}():\n    assert {j} == {j}\n\n" for j in range(9))
    files["tests/test_area6.py"] = "import numpy_missing_mod\n\ndef test_a():\n    pass\n"
    files["tests/test_area13.py"] = "def test_b(:\n    pass\n"
    write_tree(p, files)
    add("pytest-collect-only", "pytest --collect-only -q",
        run(f"{PY} -m pytest --collect-only -q -p no:cacheprovider tests", cwd=p), n_pytest_collect)
    u = tmp / "ut"
    files = {"tests/__init__.py": ""}
    for k in range(10):
        files[f"tests/test_svc{k}.py"] = ("import unittest\n\nclass T(unittest.TestCase):\n" + "".join(
            f"    def test_{j}(self):\n        self.assertEqual({j} * 2, {j} + {j})\n" for j in range(6)))
    files["tests/test_svc3.py"] = "import unittest\nfrom app.settings import DATABASE_URL\n"
    files["tests/test_svc8.py"] = "import unittest\nimport yaml_nothere as y\n"
    files["tests/test_svc5.py"] = ("import unittest\n\nclass T(unittest.TestCase):\n    def test_ratio(self):\n"
                                   "        self.assertAlmostEqual(1 / 3, 0.34, places=3)\n")
    write_tree(u, files)
    add("unittest-discover-errors", "python -m unittest discover -v",
        run(f"{PY} -m unittest discover -v -s tests -t .", cwd=u), n_unittest_discover)
    add("python-importtime", "python -X importtime -c 'import json, asyncio, email.mime.text'",
        run(f"{PY} -X importtime -c 'import json, asyncio, email.mime.text, http.client'"), n_importtime)
    d = tmp / "dis"
    write_tree(d, {"m.py": "".join(
        f"def step_{k}(xs, factor={k}):\n    out = []\n    for x in xs:\n        if x % {k + 2}:\n"
        f"            out.append(x * factor)\n    return sum(out)\n\n" for k in range(14))
        + "class Pipeline:\n    def run(self, xs):\n        return [step_0(xs), step_13(xs)]\n"})
    add("python-dis", "python -m dis m.py", run(f"{PY} -m dis m.py", cwd=d), n_dis)


# ================================================================== binaries, HTTP, counts

@kind("objdump-d", "code")
def n_objdump_d(lines):
    """Rule 6 on objdump -d: every function symbol header '<name>:' line and every 'Disassembly of section' line."""
    return matching(lines, r"^[0-9a-f]+ <[^>]+>:$|^Disassembly of section")


@kind("readelf-S", "table")
def n_readelf_s(lines):
    """Rule 4 on readelf -SW: the column header row; the section rows of the smallest and largest size (hex)."""
    rows = []
    for ln in lines:
        m = re.match(r"^\s+\[\s*\d+\]\s+(\S+)\s+(\S+)\s+([0-9a-f]+)\s+([0-9a-f]+)\s+([0-9a-f]+)\s", ln)
        if m and m.group(1) != "NULL":
            rows.append((ln, {"size": str(int(m.group(5), 16))}))
    return rule4(rows, nums=("size",), header=[ln for ln in lines if "[Nr]" in ln][:1])


@kind("hexdump-C", "listing")
def n_hexdump(lines):
    """Rule 5 on hexdump -C: the first dump line and the final offset line (the size); every '*' repeat line's predecessor is not asked for."""
    return lines[:1] + [ln for ln in lines if re.match(r"^[0-9a-f]{8}$", ln)]


@kind("curl-i-json-error", "json")
def n_curl_i(lines):
    """Rule 1 on curl -i of a JSON API answering an error: the HTTP status line, every line holding an "error" or "detail" member."""
    return matching(lines, r"^HTTP/\S+ [45]\d\d") + [ln[:200] for ln in lines if re.search(r"\"(error|detail)\"", ln)]


@kind("uniq-c", "table")
def n_uniq_c(lines):
    """Rule 4 on sort | uniq -c | sort -rn: the rows with the largest and the smallest count."""
    rows = [(ln, {"n": ln.split()[0]}) for ln in lines if re.match(r"^\s*\d+ ", ln)]
    return rule4(rows, nums=("n",))


SERVER = r'''
import json, random, sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
rnd = random.Random(3)
ITEMS = [{"id": i, "sku": f"SKU-{1000 + i}", "qty": rnd.randint(1, 40), "state": "active"} for i in range(300)]
ITEMS[211]["state"] = "quarantined"
class H(BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path.startswith("/api/items"):
            body = {"error": "upstream inventory timeout after 30s", "detail": "shard inv-3 did not answer",
                    "partial": ITEMS, "request_id": "req-7f3a9"}
            code = 504
        else:
            body, code = {"error": "not found"}, 404
        data = json.dumps(body, indent=2).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)
    def log_message(self, *a):
        pass
s = ThreadingHTTPServer(("127.0.0.1", 0), H)
print(s.server_address[1], flush=True)
s.serve_forever()
'''


def cap_misc(tmp: Path) -> None:
    v = tmp / "vg"
    if (v / "leak").exists():
        add("objdump-d", "objdump -d --no-show-raw-insn leak", run("objdump -d --no-show-raw-insn leak", cwd=v), n_objdump_d)
        add("readelf-S", "readelf -SW leak", run("readelf -SW leak", cwd=v), n_readelf_s)
    h = tmp / "hx"
    h.mkdir(parents=True, exist_ok=True)
    (h / "blob.bin").write_bytes(bytes(range(256)) * 3 + b"\0" * 512 + b"HEADROOM-MAGIC\x01\x02" + bytes(range(64)))
    add("hexdump-C", "hexdump -C blob.bin", run("hexdump -C blob.bin", cwd=h), n_hexdump)
    srv = tmp / "srv.py"
    srv.write_text(SERVER)
    import subprocess
    p = subprocess.Popen([PY, str(srv)], stdout=subprocess.PIPE, text=True, start_new_session=True)
    cm.PROCS.append(p)
    port = p.stdout.readline().strip()
    add("curl-i-json-error", "curl -i http://127.0.0.1/api/items", run(f"curl -s -i http://127.0.0.1:{port}/api/items"),
        n_curl_i)
    lg = tmp / "acc"
    rnd = random.Random(9)
    paths = ["/api/items", "/api/users", "/health", "/static/app.js", "/api/orders", "/login"]
    lines = []
    for i in range(3000):
        pth = rnd.choices(paths, weights=[40, 20, 30, 25, 10, 5])[0]
        lines.append(f"{pth} {rnd.choice(['200'] * 12 + ['304', '404'])}\n")
    lines.append("/admin/debug 500\n")
    lg.mkdir(parents=True, exist_ok=True)
    (lg / "access.txt").write_text("".join(lines))
    add("uniq-c", "sort access.txt | uniq -c | sort -rn", run("sort access.txt | uniq -c | sort -rn", cwd=lg), n_uniq_c)


# ================================================================== main

STEPS = [cap_git, cap_system, cap_build, cap_python, cap_misc]


def main() -> None:
    cm.capture_main(__doc__, STEPS, DEFAULT_OUT, TMP)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    main()
