#!/usr/bin/env python3
"""Corpus round 783: git commands and output formats the corpus lacks (log -L, --dirstat, --raw, --left-right
--cherry-mark, --word-diff=porcelain, merge-tree --write-tree, log trailers with signature marks, fsck --full on a
corrupt repository, worktree list --porcelain, ls-files --others / -u, submodule summary) beside git kinds it has
(bisect run/log, range-diff, cherry -v, shortlog -sne, reflog, merge/rebase conflicts, log --numstat /
--name-status / --follow, stash show -p, diff --stat), on a sailmaker's loft: a generated history of some hundreds of
commits by several authors, topic branches merged with --no-ff, a regression, conflicts, worktrees, submodules.

Tools: git 2.39.5 (Debian), OpenSSH's ssh-keygen for SSH commit signatures. Nothing installed.

Usage: .venv/bin/python scripts/corpus/capture_wide783.py [--out PATH] [--keep]
Needle rules: NEEDLES.md's "Round 783" section. Never runs the compressor.
Writes: scripts/corpus/data/wide783.json, ids prefixed "wide783-"
"""
from __future__ import annotations

import os
import random
import re
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import capture_more as cm  # noqa: E402
from capture_more import kind, n_git_shortlog  # noqa: E402,F401
from capture_wide import n_diff_stat, n_git_conflict  # noqa: E402,F401
from capture_wide2 import n_log_name_status, n_range_diff  # noqa: E402,F401
from capture_wide3 import n_git_bisect, n_git_log_numstat, n_git_reflog, n_git_stash_show  # noqa: E402,F401
from capture_wide6_new2 import n_git_cherry  # noqa: E402,F401
from capture_wide8_git import n_log_follow  # noqa: E402,F401
from capture_wide604 import drop_and_check  # noqa: E402
from capture_data import rule4  # noqa: E402

ID_PREFIX = "wide783-"
DEFAULT_OUT = HERE / "data" / "wide783.json"
TMP = Path("/dev/shm/hm-corpus-wide783-run")
SEED = 78310
_SIZED = cm.Sized(400, 120_000)
add, cap = _SIZED.add, _SIZED.cap
MAXN = 1000

ERR = re.compile(r"^(error|fatal|warning|Warn|CONFLICT)\b|^error:|^fatal:")


def _errs(lines):
    return [ln for ln in lines if ERR.match(ln)]


# ------------------------------------------------------------------ new kinds

@kind("git-log-L", "git")
def n_log_L(lines):
    """rule 5: every `commit <hash>` line and subject line (up to 1,000), every `@@` hunk header; error/fatal lines"""
    out = []
    for i, ln in enumerate(lines):
        if re.match(r"^commit [0-9a-f]{40}", ln):
            out.append(ln)
            subj = next((x for x in lines[i + 1:i + 8] if x.startswith("    ") and x.strip()), None)
            if subj:
                out.append(subj)
        elif ln.startswith("@@ "):
            out.append(ln)
    return out[:2 * MAXN] + _errs(lines)


_LOG_LINE = re.compile(r"^[0-9a-f]{7,40} \S")


@kind("git-diff-dirstat", "git")
def n_dirstat(lines):
    """rule 3: every dirstat line (`NN.N% dir/`); in the log form every commit hash-and-subject line"""
    out = [ln for ln in lines if re.match(r"^\s*\d+\.\d+% \S", ln) or _LOG_LINE.match(ln)]
    return out[:MAXN] + _errs(lines)


@kind("git-diff-raw", "git")
def n_diff_raw(lines):
    """every raw file line (`:mode mode oid oid STATUS<TAB>path`) up to 1,000; in the log form every hash-and-subject line"""
    out = [ln for ln in lines if re.match(r"^:\d{6} \d{6} [0-9a-f]+ [0-9a-f]+ [A-Z]\d*\t", ln) or _LOG_LINE.match(ln)]
    return out[:MAXN] + _errs(lines)


@kind("git-log-left-right", "git")
def n_left_right(lines):
    """rule 5 for commit lists: every commit line (mark, hash, subject) up to 1,000"""
    out = [ln for ln in lines if re.match(r"^[<>=\-^]? ?[0-9a-f]{7,40} ", ln)]
    return out[:MAXN] + _errs(lines)


@kind("git-diff-word-porcelain", "git")
def n_word_porcelain(lines):
    """every `diff --git` line and hunk header; the -/+ word lines of hunks holding at most six of them"""
    out, hunk = [], []

    def flush():
        if 0 < len(hunk) <= 6:
            out.extend(hunk)
        hunk.clear()
    for ln in lines:
        if ln.startswith("diff --git") or ln.startswith("@@ "):
            flush()
            out.append(ln)
        elif re.match(r"^[-+](?![-+]{2} )", ln) and len(ln) > 1:
            hunk.append(ln)
    flush()
    return out + _errs(lines)


@kind("git-merge-tree", "git")
def n_merge_tree(lines):
    """the first line (tree OID), every conflicted-file line (`mode oid stage<TAB>path` or a bare path), every CONFLICT/error/fatal line"""
    out = [lines[0]] if lines and lines[0].strip() else []
    blank = next((i for i, ln in enumerate(lines) if not ln.strip()), len(lines))
    for ln in lines[1:blank]:
        if ln.strip():
            out.append(ln)
    out += [ln for ln in lines if re.match(r"^CONFLICT \(", ln)]
    return out + _errs(lines)


@kind("git-log-trailers", "git")
def n_log_trailers(lines):
    """rule 5: every commit line (hash + subject) up to 1,000; rule 4: lines whose %G? mark is rare; every Fixes: trailer"""
    rows = []
    out = []
    for ln in lines:
        m = re.match(r"^([0-9a-f]{7,40}) ([GBUXYREN]) ", ln)
        if m:
            rows.append((ln, {"g": m.group(2)}))
        elif re.match(r"^\s*Fixes: ", ln):
            out.append(ln)
    res = [r[0] for r in rows[:MAXN]]
    res += rule4(rows, cat=("g",))
    return res + out + _errs(lines)


@kind("git-fsck-full", "git")
def n_fsck_full(lines):
    """rule 1: every error/fatal/broken/missing/bad/corrupt line and every dangling line, up to 1,000"""
    pat = re.compile(r"^(error|fatal|warning|broken link|missing|dangling|unreachable|bad|notice)\b|corrupt|"
                     r"hash mismatch|invalid", re.I)
    return [ln for ln in lines if pat.search(ln)][:MAXN]


@kind("git-worktree-porcelain", "git")
def n_worktree(lines):
    """rule 5: every `worktree` line, every `branch`/`detached` line; rule 4: every `locked`/`prunable` line"""
    return [ln for ln in lines if re.match(r"^(worktree|branch|detached|locked|prunable)\b", ln)
            or re.search(r"\b(locked|prunable)\b", ln) or re.match(r"^/\S+\s+[0-9a-f]{7,} ", ln)] + _errs(lines)


@kind("git-ls-files-others", "listing")
def n_ls_others(lines):
    """rule 5: every path line (the untracked or ignored files) up to 1,000"""
    return [ln for ln in lines if ln.strip() and not ERR.match(ln)][:MAXN] + _errs(lines)


@kind("git-ls-files-u", "git")
def n_ls_u(lines):
    """every row `mode oid stage<TAB>path` of the unmerged entries"""
    return [ln for ln in lines if re.match(r"^\d{6} [0-9a-f]{40} [123]\t", ln)] + _errs(lines)


@kind("git-submodule-summary", "git")
def n_sub_summary(lines):
    """every submodule header line (`* path a..b (N):`), every commit line under it (`  > …`/`  < …`), every Warn/error/fatal line"""
    return [ln for ln in lines if re.match(r"^\* \S", ln) or re.match(r"^  [<>] ", ln)
            or re.match(r"^\s*(Warn|warning|error|fatal)", ln)]


# ------------------------------------------------------------------ material

AUTHORS = [("Ada Whitlock", "ada@loft.test"), ("Bram Halyard", "bram@loft.test"), ("Cora Luff", "cora@loft.test"),
           ("Dai Grommet", "dai@loft.test"), ("Edda Roping", "edda@loft.test"), ("Finn Palmer", "finn@loft.test"),
           ("Gus Leech", "gus@loft.test"), ("Hal Clew", "hal@loft.test"), ("Ida Tack", "ida@loft.test"),
           ("Jon Fid", "jon@loft.test"), ("Kit Thimble", "kit@loft.test"), ("Lars Hank", "lars@loft.test"),
           ("Ada Whitlock", "ada.whitlock@sailmakers.test"), ("Mo Serving", "mo@loft.test")]
WEIGHTS = [30, 22, 18, 14, 12, 9, 6, 3, 2, 1, 1, 1, 1, 0.5]
VESSELS = ["curlew", "petrel", "marlin", "tern", "gannet", "osprey", "plover", "kittiwake", "shearwater", "merganser"]
SAILS = ["main", "jib", "genoa", "spinnaker", "mizzen", "staysail"]
WORDS = ["cringle", "roping", "bolt", "palm", "needle", "seam", "luff", "leech", "foot", "clew", "tack", "head",
         "batten", "grommet", "reef", "tabling", "twine", "beeswax", "duck", "canvas", "dacron", "bolt-rope",
         "thimble", "eyelet", "panel", "broadseam", "roach", "hank", "sailcloth", "fid", "serving", "whipping"]
MODULES = {
    "cringle": ["cringle_size", "cringle_rope", "cringle_thimble", "cringle_load", "cringle_spacing"],
    "roping": ["rope_luff", "rope_foot", "rope_leech", "rope_tension", "rope_serving"],
    "bolts": ["bolt_width", "bolt_length", "bolt_weight", "bolt_panels", "bolt_waste"],
    "palms": ["palm_wear", "palm_fit", "palm_needles", "palm_leather"],
    "seams": ["seam_overlap", "seam_stitches", "seam_twine", "seam_broadseam", "seam_strength"],
}


def _env(i: int, who: int | None = None, rng: random.Random | None = None) -> dict:
    if who is None:
        who = random.Random(SEED * 1000 + i).choices(range(len(AUTHORS)), weights=WEIGHTS)[0]
    name, mail = AUTHORS[who]
    d = 1767600000 + i * 9700
    return {"GIT_AUTHOR_NAME": name, "GIT_AUTHOR_EMAIL": mail, "GIT_COMMITTER_NAME": name,
            "GIT_COMMITTER_EMAIL": mail, "GIT_AUTHOR_DATE": f"@{d} +0000", "GIT_COMMITTER_DATE": f"@{d} +0000",
            "HOME": str(TMP / "home")}


def git(root: Path, args: str, env: dict | None = None, check=True) -> str:
    e = dict(cm.BASE_ENV)
    e.update({"HOME": str(TMP / "home")})
    e.update(env or {})
    p = subprocess.run("git " + args, shell=True, cwd=root, env=e, capture_output=True, text=True)
    if check and p.returncode:
        raise RuntimeError(f"git {args}: {p.stderr.strip()[:300]}")
    return p.stdout


def module_src(name: str, funcs: list[str], consts: dict) -> str:
    out = [f'"""Loft {name}: measurements for the sail plan."""', "", "import math", ""]
    for f in funcs:
        c = consts[f]
        out += ["", f"def {f}(length, weight=1.0):", f'    """{f.replace("_", " ")} for a given length in metres."""',
                f"    factor = {c[0]}", f"    allowance = {c[1]}", "    base = length * factor + allowance",
                "    if weight > 2.0:", f"        base *= {c[2]}", "    return round(base, 2)", ""]
    return "\n".join(out) + "\n"


def sail_txt(rng, vessel, sail, n=None) -> str:
    lines = [f"# {vessel} {sail}", ""]
    for k in range(n or rng.randint(10, 22)):
        w = rng.choice(WORDS)
        lines.append(f"{w}: {rng.randint(1, 90)}.{rng.randint(0, 9)} {rng.choice(['m', 'cm', 'mm', 'oz'])} "
                     f"- {rng.choice(WORDS)} {rng.choice(WORDS)} by {rng.choice(['hand', 'machine', 'palm'])}")
    return "\n".join(lines) + "\n"


class Loft:
    def __init__(self, root: Path):
        self.root = root
        self.rng = random.Random(SEED)
        self.i = 0
        self.consts = {f: [round(self.rng.uniform(0.5, 3), 2), self.rng.randint(1, 40), 1.1]
                       for fs in MODULES.values() for f in fs}
        self.consts["cringle_size"] = [1.5, 12, 1.1]
        self.sails: list[str] = []

    def write(self, rel, text):
        p = self.root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text)

    def mod(self, m):
        self.write(f"loft/{m}.py", module_src(m, MODULES[m], self.consts))

    def commit(self, msg, who=None, sign=None, trailers=()):
        self.i += 1
        body = msg
        if trailers:
            body += "\n\n" + "\n".join(trailers)
        (TMP / "msg").write_text(body + "\n")
        git(self.root, "add -A")
        s = "" if sign is None else f" -S{sign}"
        git(self.root, f"commit -q --allow-empty{s} -F {TMP / 'msg'}", env=_env(self.i, who))

    def edit(self, sign=None):
        rng = self.rng
        r = rng.random()
        tr = []
        if rng.random() < 0.25:
            tr.append(f"Signed-off-by: {AUTHORS[self.i % 5][0]} <{AUTHORS[self.i % 5][1]}>")
        if rng.random() < 0.12:
            tr.append(f"Reviewed-by: {rng.choice(AUTHORS)[0]}")
        if rng.random() < 0.06:
            tr.append(f"Fixes: LOFT-{rng.randint(100, 999)}")
        if r < 0.45:
            m = rng.choice(list(MODULES))
            f = rng.choice([x for x in MODULES[m] if x != "cringle_size"])
            self.consts[f][rng.randrange(2)] = round(rng.uniform(0.5, 3), 2) if rng.random() < 0.5 else rng.randint(1, 40)
            self.mod(m)
            msg = f"{m}: retune {f.replace('_', ' ')}"
        elif r < 0.85 or not self.sails:
            v, s = rng.choice(VESSELS), rng.choice(SAILS)
            rel = f"sails/{s}/{v}/{v}-{s}.txt"
            p = self.root / rel
            if p.exists():
                ls = p.read_text().splitlines()
                for _ in range(rng.randint(1, 3)):
                    k = rng.randrange(2, len(ls))
                    w = ls[k].split()
                    w[rng.randrange(len(w))] = rng.choice(WORDS)
                    ls[k] = " ".join(w)
                if rng.random() < 0.4:
                    ls.append(sail_txt(rng, v, s, 1).splitlines()[-1])
                self.write(rel, "\n".join(ls) + "\n")
                msg = f"{v} {s}: adjust {rng.choice(WORDS)} and {rng.choice(WORDS)}"
            else:
                self.write(rel, sail_txt(rng, v, s))
                self.sails.append(rel)
                msg = f"{v} {s}: cut the first plan"
        elif r < 0.92:
            self.write(f"docs/{rng.choice(WORDS)}.md", f"# {rng.choice(WORDS)}\n\n" +
                       " ".join(rng.choice(WORDS) for _ in range(rng.randint(20, 60))) + "\n")
            msg = f"docs: note on {rng.choice(WORDS)}"
        elif r < 0.97:
            old = rng.choice(self.sails)
            new = old.replace(".txt", f"-{rng.choice(['v2', 'old', 'refit'])}.txt")
            if not (self.root / new).exists():
                git(self.root, f"mv {old} {new}")
                self.sails[self.sails.index(old)] = new
                msg = f"rename {Path(old).name} to {Path(new).name}"
            else:
                msg = "loft: tidy"
        else:
            old = rng.choice(self.sails)
            git(self.root, f"rm -q {old}")
            self.sails.remove(old)
            msg = f"drop {Path(old).stem}: sail retired"
        self.commit(msg, sign=sign, trailers=tr)


def make_loft(tmp: Path) -> Loft:
    root = tmp / "loft"
    root.mkdir(parents=True)
    (tmp / "home").mkdir(exist_ok=True)
    home_cfg = ("[user]\n\tname = Loft\n\temail = loft@loft.test\n[init]\n\tdefaultBranch = main\n"
                "[advice]\n\tdetachedHead = false\n[protocol \"file\"]\n\tallow = always\n")
    (tmp / "home" / ".gitconfig").write_text(home_cfg)
    # SSH signing keys: one known to the allowed-signers file, one not
    for k in ("key", "rogue"):
        subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", k, "-f", str(tmp / "home" / k)], check=True)
    pub = (tmp / "home" / "key.pub").read_text().split()
    (tmp / "home" / "allowed").write_text(
        "\n".join(f"{m} {pub[0]} {pub[1]}" for _, m in AUTHORS) + "\n")
    with open(tmp / "home" / ".gitconfig", "a") as fh:
        fh.write(f"[gpg]\n\tformat = ssh\n[gpg \"ssh\"]\n\tallowedSignersFile = {tmp / 'home' / 'allowed'}\n")
    L = Loft(root)
    git(root, "init -q -b main")
    (root / ".gitignore").write_text("*.pyc\n__pycache__/\nbuild/\n*.log\n*.bak\n")
    for m in MODULES:
        L.mod(m)
    L.write("loft/__init__.py", "")
    L.write("config/loft.ini", "[loft]\nbench = 4\npalms = 12\nneedles = 60\n")
    L.write("check.sh", "#!/bin/sh\n# the cringle table: a 10 m luff takes a 27 cm cringle\n"
            "python3 -c 'import sys; from loft.cringle import cringle_size as c; sys.exit(0 if c(10) == 27.0 else 1)'\n")
    os.chmod(root / "check.sh", 0o755)
    L.write("tests/test_cringle.py", "from loft.cringle import cringle_size\n\n\ndef test_ten():\n"
            "    assert cringle_size(10) == 27.0\n")
    L.commit("loft: open the sail loft", who=0)
    key, rogue = tmp / "home" / "key", tmp / "home" / "rogue"
    rng = L.rng
    for n in range(150):
        sign = key if rng.random() < 0.15 else None
        if n == 97:
            sign = rogue
        L.edit(sign=sign)
        if n == 40:
            git(root, "tag -a v1.0 -m 'first season'", env=_env(L.i))
        if n % 24 == 12:  # a topic branch merged with --no-ff
            t = f"topic/{rng.choice(WORDS)}-{n}"
            git(root, f"switch -q -c {t}")
            for _ in range(rng.randint(3, 7)):
                L.edit()
            git(root, "switch -q main")
            for _ in range(rng.randint(1, 4)):
                L.edit()
            L.i += 1
            out = git(root, f"merge -q --no-ff --no-edit {t}", env=_env(L.i), check=False)
            if (root / ".git" / "MERGE_HEAD").exists():  # a textual conflict: take theirs
                git(root, "checkout --theirs -- . && git add -A")
                git(root, f"commit -q --no-edit", env=_env(L.i))
            _ = out
    # the regression: the cringle factor halved in a commit that looks routine
    L.consts["cringle_size"][0] = 1.05
    L.mod("cringle")
    L.commit("cringle: metric allowance for the new thimbles", who=3,
             trailers=["Reviewed-by: Gus Leech"])
    for n in range(70):
        L.edit(sign=key if rng.random() < 0.1 else None)
    git(root, "tag -a v2.0 -m 'second season'", env=_env(L.i))
    return L


def branches(tmp: Path, L: Loft):
    """a topic in two versions (range-diff, cherry), a conflicting branch, stashes, worktrees, untracked files"""
    root, rng = L.root, L.rng
    base = git(root, "rev-parse HEAD~30").strip()
    git(root, f"switch -q -c topic/battens-v1 {base}")
    for k in range(8):
        L.consts["seam_overlap"][0] = round(1 + k / 10, 2)
        L.mod("seams")
        L.write(f"docs/battens-{k}.md", f"# batten pocket {k}\n\n" + " ".join(rng.choice(WORDS) for _ in range(30)) + "\n")
        L.commit(f"battens: pocket {k} for the {rng.choice(VESSELS)} main")
    v1 = git(root, "rev-list --reverse main..topic/battens-v1").split()
    git(root, "switch -q main")
    git(root, f"cherry-pick {v1[1]} {v1[4]}", env=_env(L.i + 1), check=False)
    if (root / ".git" / "CHERRY_PICK_HEAD").exists():
        git(root, "cherry-pick --abort")
    git(root, "switch -q -c topic/battens-v2 main")
    for k, c in enumerate(v1):
        if k in (1, 4):
            continue
        if k == 6:
            continue  # dropped in v2
        git(root, f"cherry-pick {c}", env=_env(L.i + k), check=False)
        if (root / ".git" / "CHERRY_PICK_HEAD").exists():
            git(root, "checkout --theirs -- . && git add -A")
            git(root, "commit -q --no-edit", env=_env(L.i + k))
        if k == 3:  # amended
            L.write(f"docs/battens-{k}.md", "# batten pocket (reworked)\n\nsewn with doubled twine\n")
            git(root, "add -A")
            git(root, f"commit -q --amend -m 'battens: pocket {k}, doubled twine'", env=_env(L.i + k))
    L.write("docs/battens-9.md", "# new pocket\n\nfor the mizzen\n")
    L.commit("battens: mizzen pocket (new in v2)")
    git(root, "switch -q main")
    # conflicting branch: the same lines of roping and the loft config
    git(root, "switch -q -c conflict/roping main~6")
    L.consts["rope_luff"] = [9.99, 99, 1.3]
    L.consts["rope_tension"] = [7.77, 77, 1.3]
    L.mod("roping")
    L.write("config/loft.ini", "[loft]\nbench = 6\npalms = 14\nneedles = 80\nwax = beeswax\n")
    L.commit("roping: heavier luff rope for the gannet")
    for s in L.sails[:5]:
        if (root / s).exists():
            L.write(s, sail_txt(rng, "curlew", "refit", 12))
    L.commit("sails: refit plans from the gannet survey")
    git(root, "switch -q main")
    L.consts["rope_luff"] = [4.44, 44, 1.2]
    L.consts["rope_tension"] = [2.22, 22, 1.2]
    L.mod("roping")
    L.write("config/loft.ini", "[loft]\nbench = 5\npalms = 10\nneedles = 70\n")
    for s in L.sails[:3]:
        if (root / s).exists():
            L.write(s, sail_txt(rng, "petrel", "recut", 10))
    L.commit("roping: lighter luff rope, loft bench 5")
    # notes for a few commits are not needed; reflog entries: resets and checkouts
    git(root, "reset -q --hard HEAD~1")
    git(root, "reset -q --hard ORIG_HEAD")
    git(root, "switch -q topic/battens-v2 && git switch -q main")


def clones(tmp: Path, L: Loft) -> dict:
    root = L.root
    c = {}
    for name in ("merge", "rebase", "bisect", "stash"):
        d = tmp / f"loft-{name}"
        git(tmp, f"clone -q {root} {d}")
        git(d, "fetch -q origin '+refs/heads/*:refs/heads/*' --update-head-ok", check=False)
        c[name] = d
    return c


# ------------------------------------------------------------------ steps

def _c(item, cmd, root, ext, timeout=300):
    cap(item, cmd, root, ext, timeout=timeout, env={"HOME": str(TMP / "home"), "GIT_PAGER": "cat"})


def history(tmp):
    L = make_loft(tmp)
    branches(tmp, L)
    history.L = L
    r = L.root
    _c("log-L-cringle-size", "git log -L :cringle_size:loft/cringle.py", r, n_log_L)
    _c("log-L-roping-range", "git log -L 1,30:loft/roping.py --since=2026-01-20", r, n_log_L)
    _c("log-L-seams-all", "git log -L :seam_overlap:loft/seams.py topic/battens-v2", r, n_log_L)
    _c("log-L-bad-range", "git log -L 400,420:loft/palms.py; git log -L :no_such_fn:loft/palms.py; "
       "git log -n 4 -L :palm_fit:loft/palms.py", r, n_log_L)
    _c("dirstat-v1-v2", "git diff --dirstat=files,0 v1.0 v2.0", r, n_dirstat)
    _c("dirstat-log", "git log --dirstat=lines,0 --format='%h %s' -n 250", r, n_dirstat)
    _c("dirstat-cumulative", "git diff --dirstat=cumulative,files,0 HEAD~120 HEAD", r, n_dirstat)
    _c("raw-v1-v2", "git diff --raw -M v1.0 v2.0", r, n_diff_raw)
    _c("raw-log", "git log --raw --no-merges --format='%h %s' -n 200", r, n_diff_raw)
    _c("raw-merges", "git log --raw -m --first-parent --merges --format='%h %s'", r, n_diff_raw)
    _c("left-right-battens", "git log --oneline --left-right --cherry-mark main...topic/battens-v1", r, n_left_right)
    _c("left-right-v1-v2", "git log --oneline --left-right --cherry-mark --boundary topic/battens-v1...topic/battens-v2",
       r, n_left_right)
    _c("word-porcelain-docs", "git diff --word-diff=porcelain HEAD~40 HEAD -- docs sails/jib", r, n_word_porcelain)
    _c("word-porcelain-conflict", "git diff --word-diff=porcelain main conflict/roping", r, n_word_porcelain)
    _c("word-porcelain-mains", "git diff --word-diff=porcelain v1.0 v2.0 -- sails/main", r, n_word_porcelain)
    _c("merge-tree-roping", "git merge-tree --write-tree --messages main conflict/roping; echo EXIT=$?", r, n_merge_tree)
    _c("merge-tree-names", "git merge-tree --write-tree --name-only main conflict/roping; echo EXIT=$?", r,
       n_merge_tree)
    _c("merge-tree-battens", "git merge-tree --write-tree --messages main topic/battens-v1; echo EXIT=$?", r,
       n_merge_tree)
    _c("trailers-signed", "git log --format='%h %G? %an %s%n%(trailers:key=Signed-off-by,key=Fixes,key=Reviewed-by)'"
       " -n 260", r, n_log_trailers)
    _c("trailers-gk", "git log --no-merges --format='%h %G? %GK %s' v1.0..v2.0", r, n_log_trailers)
    _c("trailers-only", "git log --format='%h %G? %s%n%(trailers:only,unfold)' --grep=Fixes --grep=Reviewed-by", r,
       n_log_trailers)
    # kinds the corpus holds
    _c("range-diff-battens", "git range-diff main..topic/battens-v1 main..topic/battens-v2", r,
       n_range_diff)
    _c("cherry-battens", "git cherry -v main topic/battens-v1", r, n_git_cherry)
    _c("shortlog-sne", "git shortlog -sne --all", r, n_git_shortlog)
    _c("reflog-resets", "git reflog -n 80", r, n_git_reflog)
    _c("numstat-40", "git log --numstat --no-merges -n 40", r, n_git_log_numstat)
    _c("name-status-v1", "git log --name-status -M --no-merges v1.0~12..v1.0", r, n_log_name_status)
    follow = next((s for s in L.sails if re.search(r"-(v2|old|refit)\.txt$", s)), L.sails[0])
    _c("follow-renamed", f"git log --follow --stat -- {follow}", r, n_log_follow)
    _c("diff-stat-200", "git diff --stat=200 v1.0 v2.0", r, n_diff_stat)


def conflicts(tmp):
    L = history.L
    c = clones(tmp, L)
    history.c = c
    m = c["merge"]
    _c("merge-no-ff-conflict", "git merge --no-ff conflict/roping; echo EXIT=$?; git status", m, n_git_conflict)
    _c("ls-files-u-merge", "git ls-files -u", m, n_ls_u)
    _c("merge-conflict-diff", "git diff", m, n_git_conflict)
    rb = c["rebase"]
    git(rb, "switch -q conflict/roping")
    _c("rebase-conflict", "git rebase main; echo EXIT=$?; git status", rb, n_git_conflict)
    _c("ls-files-u-rebase", "git ls-files -u; git ls-files -u | wc -l", rb, n_ls_u)


def bisect(tmp):
    b = history.c["bisect"]
    _c("bisect-run", "git bisect start HEAD v1.0 && git bisect run ./check.sh", b, n_git_bisect)
    _c("bisect-log", "git bisect log", b, n_git_bisect)
    git(b, "bisect reset -q", check=False)
    _c("bisect-first-parent", "git bisect start --first-parent HEAD v1.0 && git bisect run ./check.sh; git bisect log",
       b, n_git_bisect)
    git(b, "bisect reset -q", check=False)


def stash(tmp):
    s = history.c["stash"]
    L = history.L
    rng = random.Random(SEED + 5)
    for k in range(3):
        for f in sorted((s / "sails").rglob("*.txt"))[k * 3:k * 3 + 4]:
            ls = f.read_text().splitlines()
            ls[2] = f"cringle: {rng.randint(1, 99)}.0 cm - stash {k} by palm"
            ls.insert(4, f"roping: {rng.randint(1, 9)} mm - added in stash {k}")
            f.write_text("\n".join(ls) + "\n")
        git(s, f"stash push -q -m 'loft bench {k}: half-roped sails'", env=_env(L.i + k))
    _c("stash-show-1", "git stash show -p --stat stash@{1}", s, n_git_stash_show)
    # untracked and ignored files
    for k in range(150):
        v, sl = rng.choice(VESSELS), rng.choice(SAILS)
        d = s / rng.choice(["sails/drafts", "sails/main", "build", "loft", "docs/scraps", "tmp"])
        d.mkdir(parents=True, exist_ok=True)
        (d / f"{v}-{sl}-{k}{rng.choice(['.txt', '.txt', '.log', '.bak', '.pyc', '.md'])}").write_text("draft\n")
    _c("ls-others", "git ls-files --others --exclude-standard", s, n_ls_others)
    _c("ls-others-ignored", "git ls-files --others --ignored --exclude-standard", s, n_ls_others)
    _c("ls-others-directory", "git ls-files --others --directory --exclude-standard -t; "
       "git ls-files -o -i --exclude-standard --directory", s, n_ls_others)


def worktrees(tmp):
    r = history.L.root
    names = ["topic/battens-v1", "topic/battens-v2", "conflict/roping"]
    for k, b in enumerate(names):
        git(r, f"worktree add -q {tmp}/wt-{b.replace('/', '-')} {b}")
    git(r, f"worktree add -q --detach {tmp}/wt-v1 v1.0")
    git(r, f"worktree add -q {tmp}/wt-repair -b repair/palms HEAD~3")
    git(r, f"worktree add -q {tmp}/wt-winter -b winter/refit HEAD~9")
    git(r, f"worktree lock --reason 'on the loft floor: gannet main half-roped' {tmp}/wt-topic-battens-v1")
    git(r, f"worktree lock {tmp}/wt-v1")
    shutil.rmtree(tmp / "wt-winter")
    _c("worktree-porcelain", "git worktree list --porcelain", r, n_worktree)
    _c("worktree-porcelain-v", "git worktree list --porcelain; echo; git worktree list -v", r, n_worktree)


def submodules(tmp):
    subs = {}
    rng = random.Random(SEED + 9)
    for name in ("palms", "grommets", "twine"):
        d = tmp / "subs" / name
        d.mkdir(parents=True)
        git(d, "init -q -b main")
        for k in range(30):
            (d / f"{name}.txt").write_text(f"{name} batch {k}\n" + "\n".join(rng.choice(WORDS) for _ in range(5)) + "\n")
            git(d, "add -A")
            git(d, f"commit -q -m '{name}: batch {k} of {rng.choice(WORDS)}'", env=_env(k, k % 7))
        subs[name] = d
    sup = tmp / "rigging"
    sup.mkdir()
    git(sup, "init -q -b main")
    for name, d in subs.items():
        git(sup, f"-c protocol.file.allow=always submodule add -q {d} vendor/{name}")
        git(sup / "vendor" / name, "checkout -q HEAD~18")
    git(sup, "add -A")
    git(sup, "commit -q -m 'rigging: pin palms, grommets, twine'", env=_env(1, 1))
    git(sup / "vendor/palms", "checkout -q main")  # forward 18
    git(sup / "vendor/grommets", "checkout -q HEAD~6")  # backward 6
    git(sup / "vendor/twine", "checkout -q main~4")
    git(sup, "add vendor/twine")
    _c("submodule-summary", "git submodule summary", sup, n_sub_summary)
    missing = "1234567890abcdef1234567890abcdef12345678"
    git(sup, f"update-index --cacheinfo 160000,{missing},vendor/grommets")
    _c("submodule-summary-missing", "git submodule summary --cached; git submodule summary", sup, n_sub_summary)


def fsck(tmp):
    r = history.L.root
    f = tmp / "loft-fsck"
    git(tmp, f"clone -q --no-local --bare {r} {f}")
    packs = list((f / "objects" / "pack").glob("*.pack"))
    for p in packs:
        data = p.read_bytes()
        p.unlink()
        p.with_suffix(".idx").unlink()
        subprocess.run(["git", "unpack-objects", "-q"], input=data, cwd=f, check=True)
    objs = sorted(x for x in (f / "objects").glob("??/*"))
    rng = random.Random(SEED + 3)
    kinds = {}
    types = dict(ln.split()[:2] for ln in git(f, "cat-file --batch-check --batch-all-objects").splitlines())
    for o in objs:
        kinds.setdefault(types[o.parent.name + o.name], []).append(o)
    # removed: blobs and a commit; corrupt: a tree and a blob (bytes overwritten)
    for o in rng.sample(kinds["blob"], 6):
        o.unlink()
    rng.choice(kinds["commit"][5:-5]).unlink()
    for o in rng.sample(kinds["tree"], 2) + rng.sample(kinds["blob"], 2):
        if o.exists():
            b = bytearray(o.read_bytes())
            os.chmod(o, 0o644)
            b[len(b) // 2:len(b) // 2 + 8] = b"\x00SAILS\x00\x00"
            o.write_bytes(bytes(b))
    for k in range(5):  # dangling blobs
        (TMP / "dang").write_text(f"offcut {k}: {rng.choice(WORDS)}\n")
        git(f, f"hash-object -w {TMP / 'dang'}")
    _c("fsck-full", "git fsck --full; echo EXIT=$?", f, n_fsck_full)
    _c("fsck-name-objects", "git fsck --full --name-objects --no-dangling 2>&1 | head -n 400; echo EXIT=$?", f,
       n_fsck_full)
    _c("fsck-connectivity", "git fsck --connectivity-only; echo EXIT=$?", f, n_fsck_full)


def main() -> None:
    cm.capture_round(__doc__, lambda: None, lambda: [history, conflicts, bisect, stash, worktrees, submodules, fsck],
                     ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))
    out = Path(sys.argv[sys.argv.index("--out") + 1]) if "--out" in sys.argv else DEFAULT_OUT
    drop_and_check(out)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide783", sys.modules["__main__"])
    main()
