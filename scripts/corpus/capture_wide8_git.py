"""Round 8, git long tail: fsck with dangling objects, rev-list --objects, verify-pack, whatchanged, log --follow,
grep -c, show-ref, ls-remote, config --show-origin, bundle verify, cat-file --batch-check, submodule status.
Each extractor's docstring is its rule. Run through capture_wide8.py."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

from capture_data import rule4
from capture_more import add_or_skip as add, groups, have, kind, run
from capture_wide8 import GIT_ENV, STDLIB, log_commits

MODS = ["json/decoder.py", "json/encoder.py", "email/utils.py", "email/header.py", "http/cookies.py", "csv.py",
        "configparser.py", "textwrap.py", "shlex.py", "fnmatch.py", "glob.py", "string.py"]


def g(cmd: str, r: Path) -> str:
    return run(cmd, cwd=r, env=GIT_ENV)


@kind("git-fsck", "git")
def n_fsck(lines):
    """Rule 1+4 on git fsck --unreachable/--lost-found: every error/missing/broken line; one {"any"} per (state, object type) group of dangling/unreachable lines."""
    out = [ln for ln in lines if re.search(r"(?i)^(error|missing|broken|bad|fatal)|\bmissing\b", ln)]
    return out + groups(((ln.split()[0], ln.split()[1]), ln) for ln in lines if re.match(r"^(dangling|unreachable) \w+ [0-9a-f]{40}", ln))


@kind("git-rev-list-objects", "git")
def n_rev_list(lines):
    """Rule 5 on git rev-list --objects: every commit line (a bare hash) and the first object under each top-level directory."""
    out, seen = [], set()
    for ln in lines:
        parts = ln.split(" ", 1)
        if len(parts) == 1 and re.fullmatch(r"[0-9a-f]{40}", ln):
            out.append(ln)
        elif len(parts) == 2 and parts[1].split("/")[0] not in seen:
            seen.add(parts[1].split("/")[0])
            out.append(ln)
    return out


@kind("git-verify-pack-v", "git")
def n_verify_pack(lines):
    """Rules 3+4 on git verify-pack -v: object rows of a rare type while one type covers half; the rows of min and max size; every closing 'non delta'/'chain length'/'ok' line."""
    rows = [(ln, {"type": p[1], "size": p[2]}) for ln in lines for p in [ln.split()] if len(p) >= 5 and re.fullmatch(r"[0-9a-f]{40}", p[0])]
    return rule4(rows, cat=("type",), nums=("size",)) + [ln for ln in lines if re.match(r"^(non delta|chain length)|: ok$", ln)]


@kind("git-whatchanged", "git")
def n_whatchanged(lines):
    """Rule 5 on git whatchanged: every commit hash line and its subject; every raw line of a deletion or rename (status D or R)."""
    return log_commits(lines) + [ln for ln in lines if re.match(r"^:\d+ \d+ \w+ \w+ (D|R\d*)\t", ln)]


@kind("git-log-follow", "git")
def n_log_follow(lines):
    """Rule 5 on git log --follow --stat: every commit hash and subject, and every rename line ('old => new')."""
    return log_commits(lines) + [ln for ln in lines if "=>" in ln]


@kind("git-grep-c", "search")
def n_grep_c(lines):
    """Rule 4 on git grep -c (path:count): the rows of min and max count."""
    rows = [(ln, {"n": ln.rsplit(":", 1)[1]}) for ln in lines if re.search(r":\d+$", ln)]
    return rule4(rows, nums=("n",))


def refs_rule(lines):
    rows = [(ln, {"ns": "/".join(ln.split()[-1].split("/")[:2])}) for ln in lines if re.match(r"^[0-9a-f]{40}\s+\S", ln)]
    return rule4(rows, cat=("ns",)) + groups((r[1]["ns"], r[0]) for r in rows)


@kind("git-show-ref", "git")
def n_show_ref(lines):
    """Rule 4 on git show-ref: refs of a rare namespace (refs/stash, refs/notes …) while one covers half; rule 5: one {"any"} per namespace."""
    return refs_rule(lines)


@kind("git-ls-remote", "git")
def n_ls_remote(lines):
    """Rule 4 on git ls-remote: refs of a rare namespace while one covers half; rule 5: one {"any"} per namespace, and the HEAD line."""
    return refs_rule(lines) + [ln for ln in lines if ln.endswith("\tHEAD")]


@kind("git-config-show-origin", "git")
def n_config(lines):
    """Rule 5 on git config -l --show-origin: every line of a key set in more than one file (the overrides a question asks about); rule 4 on origin."""
    keys = [ln.split("\t", 1)[1].split("=")[0] for ln in lines if "\t" in ln]
    out = [ln for ln in lines if "\t" in ln and keys.count(ln.split("\t", 1)[1].split("=")[0]) > 1]
    rows = [(ln, {"origin": ln.split("\t")[0]}) for ln in lines if "\t" in ln]
    return out + rule4(rows, cat=("origin",))


@kind("git-bundle-verify", "git")
def n_bundle(lines):
    """Rules 1+3+5 on git bundle verify: every error line, the 'requires'/'contains' lines and the closing 'okay' line."""
    return [ln for ln in lines if re.search(r"(?i)error|fatal|bundle (requires|contains|records)|is okay|okay$", ln)]


@kind("git-cat-file-batch-check", "git")
def n_cat_file(lines):
    """Rule 4 on git cat-file --batch-check: rows of a rare object type or 'missing' while one covers half; rows of min and max size."""
    rows = [(ln, {"type": p[1], "size": p[2] if len(p) > 2 else None}) for ln in lines for p in [ln.split()] if len(p) >= 2]
    return [ln for ln in lines if ln.endswith(" missing")] + rule4(rows, cat=("type",), nums=("size",))


@kind("git-submodule-status", "git")
def n_submodule(lines):
    """Rule 4 on git submodule status: every submodule whose state prefix (-, +, U) is rare while the clean state covers half."""
    rows = [(ln, {"state": ln[:1] if ln[:1] in "-+U" else "clean"}) for ln in lines if ln.strip()]
    return rule4(rows, cat=("state",))


def commit(r: Path, k: int, msg: str) -> None:
    date = f"2025-{1 + k % 12:02d}-{1 + (k * 5) % 27:02d}T1{k % 10}:00:00+00:00"
    who = ["Ada Dev <ada@example.org>", "Bo Lin <bo@example.org>", "Cy Ray <cy@example.org>"][k % 3]
    g(f"git add -A && GIT_AUTHOR_DATE={date} GIT_COMMITTER_DATE={date} git commit -q --author='{who}' -m '{msg}'", r)


def build(tmp: Path) -> Path:
    r = tmp / "lib"
    r.mkdir()
    g("git init -q -b main .", r)
    for m in MODS:
        p = r / "src" / m
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text((STDLIB / m).read_text()[:3000])
    commit(r, 0, "import the vendored modules")
    for k in range(1, 26):
        m = MODS[k % len(MODS)]
        p = r / "src" / m
        p.write_text((STDLIB / m).read_text()[: 3000 + k * 500])
        if k == 9:
            g("git mv src/textwrap.py src/wrap.py", r)
        if k == 17:
            g("git mv src/wrap.py src/text/wrap.py 2>/dev/null || (mkdir -p src/text && git mv src/wrap.py src/text/wrap.py)", r)
        if k == 21:
            g("git rm -q src/fnmatch.py", r)
        if k in (5, 11, 19):
            w = r / ("src/text/wrap.py" if k > 17 else "src/wrap.py" if k > 9 else "src/textwrap.py")
            w.write_text(w.read_text() + f"\n# wrap tweak {k}\n")
        commit(r, k, f"{m.split('/')[-1]}: sync step {k}")
        if k % 4 == 0:
            g(f"git tag -a v0.{k // 4}.0 -m 'release 0.{k // 4}.0'", r)
        if k % 2:
            g(f"git tag build-{k:03d}", r)
    for b in ("fix/cookies", "feat/csv-dialects", "chore/typing", "release/0.x", "fix/header-folding", "spike/shlex-posix",
              "perf/decoder", "docs/configparser", "release/1.x", "chore/drop-py2"):
        g(f"git branch {b} HEAD~{len(b) % 5 + 1}", r)
    g("git notes add -m 'reviewed' HEAD~3 && git notes add -m 'perf ok' HEAD~7", r)
    (r / "src" / "csv.py").write_text((r / "src" / "csv.py").read_text() + "\n# wip\n")
    g("git stash push -q -m 'wip csv'", r)
    return r


def cap_git(tmp: Path) -> None:
    if not have("git", "git-*"):
        return
    r = build(tmp)
    # dangling objects: a dropped commit, an orphaned blob, a deleted tag object
    g("git checkout -q -b throwaway && echo x >> src/csv.py && git commit -qam 'throwaway' && git checkout -q main && git branch -qD throwaway", r)
    g("echo orphan | git hash-object -w --stdin && git tag -a tmp-tag -m tmp HEAD && git tag -d tmp-tag && git reflog expire --expire=now --all", r)
    for k in range(40):
        g(f"echo 'scratch {k}' | git hash-object -w --stdin", r)
    add("git-fsck-dangling", "git fsck --unreachable --no-reflogs", g("git fsck --unreachable --no-reflogs 2>&1", r), n_fsck)
    add("git-rev-list-objects-all", "git rev-list --objects --all", g("git rev-list --objects --all", r), n_rev_list)
    g("git gc -q --aggressive", r)
    pack = next((r / ".git" / "objects" / "pack").glob("*.idx"), None)
    if pack:
        add("git-verify-pack-v", "git verify-pack -v .git/objects/pack/pack-*.idx", g(f"git verify-pack -v {pack}", r), n_verify_pack)
    add("git-whatchanged", "git whatchanged", g("git whatchanged 2>&1", r), n_whatchanged)
    add("git-log-follow-stat-wrap", "git log --follow --stat -- src/text/wrap.py",
        g("git log --follow --stat -M -- src/text/wrap.py", r), n_log_follow)
    add("git-show-ref", "git show-ref", g("git show-ref", r), n_show_ref)
    g("git clone -q --bare . ../lib-origin.git", r)
    add("git-ls-remote-origin", "git ls-remote ../lib-origin.git", g("git ls-remote ../lib-origin.git", r), n_ls_remote)
    gc = Path(GIT_ENV["HOME"]) / ".gitconfig"
    gc.write_text("[user]\n\tname = Ada Dev\n\temail = ada@example.org\n[core]\n\tautocrlf = input\n\teditor = vim\n"
                  "[pull]\n\trebase = false\n[alias]\n\tst = status -sb\n\tlg = log --oneline --graph\n[init]\n\tdefaultBranch = main\n"
                  "[merge]\n\tconflictstyle = diff3\n[color]\n\tui = auto\n")
    g("git config core.autocrlf false && git config pull.rebase true && git config user.email ada@work.example.org && "
      "git config --add remote.origin.url ../lib-origin.git && git config remote.origin.fetch '+refs/heads/*:refs/remotes/origin/*' "
      "&& git config branch.main.remote origin && git config branch.main.merge refs/heads/main", r)
    add("git-config-l-show-origin", "git config -l --show-origin", g("git config -l --show-origin", r), n_config)
    g("git bundle create ../lib.bundle --all 2>/dev/null", r)
    add("git-bundle-verify", "git bundle verify ../lib.bundle", g("git bundle verify ../lib.bundle 2>&1", r), n_bundle)
    objs = g("git rev-list --objects --all | cut -d' ' -f1", r).split()
    objs = objs[:300] + ["0123456789abcdef0123456789abcdef01234567", "deadbeefdeadbeefdeadbeefdeadbeefdeadbeef"]
    (tmp / "objs.txt").write_text("\n".join(objs) + "\n")
    add("git-cat-file-batch-check", "git rev-list --objects --all | git cat-file --batch-check",
        g(f"git cat-file --batch-check < {tmp}/objs.txt", r), n_cat_file)
    s = tmp / "stdlib-mirror"
    for pkg in ("email", "json", "http", "urllib", "importlib", "asyncio", "concurrent", "xml", "logging", "unittest"):
        shutil.copytree(STDLIB / pkg, s / pkg, ignore=shutil.ignore_patterns("__pycache__"))
    g("git init -q -b main . && git add -A && git commit -q -m import", s)
    add("git-grep-c-raise", "git grep -c -e 'raise ' -- '*.py'", g("git grep -c -e 'raise ' -- '*.py'", s), n_grep_c)
    cap_submodules(tmp)


def cap_submodules(tmp: Path) -> None:
    sup = tmp / "super"
    sup.mkdir()
    g("git init -q -b main .", sup)
    names = ["auth", "billing", "catalog", "checkout", "search", "media", "notify", "reports", "users", "gateway",
             "orders", "ledger", "audit", "flags", "geo", "i18n", "mailer", "metrics"]
    for n in names:
        s = tmp / "subs" / n
        s.mkdir(parents=True)
        g(f"git init -q -b main . && echo '# {n}' > README.md && git add -A && git commit -qm 'init {n}' && git tag v1.0.0 "
          f"&& echo more >> README.md && git commit -qam 'second'", s)
        g(f"git -c protocol.file.allow=always submodule -q add ../subs/{n} services/{n}", sup)
    commit(sup, 0, "add the service submodules")
    g("cd services/billing && git checkout -q HEAD~1", sup)
    g("cd services/search && git checkout -q HEAD~1", sup)
    g("git submodule deinit -q -f services/geo", sup)
    add("git-submodule-status", "git submodule status", g("git submodule status", sup), n_submodule)


STEPS = [cap_git]
os.environ.setdefault("GIT_ALLOW_PROTOCOL", "file")
