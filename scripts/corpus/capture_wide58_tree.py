"""Round 58, the trees and the commands: the standard library, the venv's site-packages, an npm node_modules,
/usr/include, /usr/share/doc and a git repository of real package sources committed here. Each kind's extractor is
an earlier round's, imported; `git-log-oneline` is this round's (NEEDLES.md "Round 58"). Run through
capture_wide58.py."""

from __future__ import annotations

import email.parser
import re
import shutil
import sysconfig
from pathlib import Path

import capture_more as cm
import capture_wide12 as w12
from capture_more import kind, n_git_log_stat, n_tree, run
from capture_wide15_data import n_du, n_ls_lR, n_npm_ls, n_pip_list
from capture_wide3 import n_stat
from capture_wide4 import n_file_types, n_pip_list_v, n_wc_l
from capture_wide5 import n_git_shortlog_sn
from capture_wide9b import n_source
from capture_wide9b_chains import n_package_json
from capture_wide58 import add, cap

ROOT = Path(__file__).resolve().parents[2]
STDLIB = Path(sysconfig.get_paths()["stdlib"]).resolve()
SITE = next((ROOT / ".venv" / "lib").glob("python3*/site-packages")).resolve()
NODE = Path("/tmp/hm-corpus-wide38-tools/js")  # about 400 packages, installed from npm by round 38's tools step

N_GREP = w12.grep_style("grep-lines")
N_RG = w12.grep_style("rg-lines")
N_FIND = w12.path_list("find-files", "search")
N_RG_FILES = w12.path_list("rg-files", "search")
N_GIT_FILES = w12.path_list("git-files", "git")


@kind("git-log-oneline", "git")
def n_git_log_oneline(lines):
    """Rule 5 on git log --oneline: every commit's abbreviated hash and subject (decoration removed)."""
    out = []
    for ln in lines:
        m = re.match(r"^([0-9a-f]{7,40}) (?:\([^)]*\) )?(.*)$", ln)
        if m:
            out += [m.group(1), m.group(2)]
    return out


def cap_stdlib(tmp: Path) -> None:
    s = STDLIB
    cap("tree-L2-stdlib", "tree -L 2 -I '__pycache__'", s, n_tree)
    cap("tree-L3-stdlib-email", "tree -L 3 email asyncio json", s, n_tree)
    cap("find-py-head-stdlib", "find . -name '*.py' | head -500", s, N_FIND)
    cap("find-size-stdlib", "find . -type f -size +100k", s, N_FIND)
    cap("ls-laR-stdlib", "ls -laR | head -800", s, n_ls_lR)
    cap("grep-todo-stdlib", 'grep -rn "TODO\\|FIXME" --include="*.py" . | head -300', s, N_GREP)
    cap("rg-def-main-stdlib", "rg -n 'def main' -g '*.py'", s, N_RG)
    add("wc-globstar-stdlib", "wc -l **/*.py | sort -n | tail -n 300",
               run("bash -O globstar -c 'wc -l **/*.py | sort -n | tail -n 300'", cwd=s), n_wc_l)
    cap("du-ah-stdlib", "du -ah | sort -h | tail -n 250", s, n_du)
    cap("stat-stdlib", "stat *.py | head -n 700", s, n_stat)
    cap("head-typing", "head -n 400 typing.py", s, n_source)
    cap("sed-argparse", "sed -n '1,700p' argparse.py", s, n_source)
    cap("sed-subprocess", "sed -n '700,1500p' subprocess.py", s, n_source)


def cap_site(tmp: Path) -> None:
    s = SITE
    cap("pip-list-venv", "pip list", s, n_pip_list)
    cap("pip-list-v-venv", "pip list -v", s, n_pip_list_v)
    cap("tree-L1-site", "tree -L 1", s, n_tree)
    cap("tree-L3-mitmproxy", "tree -L 3 -I '__pycache__' mitmproxy", s, n_tree)
    cap("find-size-site", "find . -type f -size +100k", s, N_FIND)
    cap("rg-files-head-site", "rg --files | head -n 1000", s, N_RG_FILES)
    cap("grep-todo-site", 'grep -rn "TODO\\|FIXME" --include="*.py" . | head -300', s, N_GREP)
    cap("rg-class-site", "rg -n '^class \\w+Error' -g '*.py' | head -n 400", s, N_RG)
    cap("du-ah-site", "du -ah | sort -h | tail -n 250", s, n_du)
    cap("ls-laR-site-mitmproxy", "ls -laR mitmproxy | head -800", s, n_ls_lR)
    add("wc-globstar-mitmproxy", "wc -l mitmproxy/**/*.py | sort -n | tail -n 250",
               run("bash -O globstar -c 'wc -l mitmproxy/**/*.py | sort -n | tail -n 250'", cwd=s), n_wc_l)


def cap_node(tmp: Path) -> None:
    if not (NODE / "node_modules").is_dir():
        cm.note("skip cap_node: no node_modules")
        return
    s = NODE
    cap("npm-ls-depth2", "npm ls --depth=2", s, n_npm_ls)
    big = max((p for p in (s / "node_modules").glob("*/package.json")), key=lambda p: p.stat().st_size)
    rel = big.relative_to(s)
    cap(f"cat-package-json-{big.parent.name}", f"cat {rel}", s, n_package_json)
    cap("tree-L2-node-modules", "tree -L 2 -d node_modules | head -n 1200", s, n_tree)
    cap("find-dts-node", "find node_modules -name '*.d.ts' | head -500", s, N_FIND)
    cap("find-size-node", "find node_modules -type f -size +100k", s, N_FIND)
    cap("du-ah-node", "du -ah node_modules | sort -h | tail -n 250", s, n_du)
    cap("grep-todo-node", 'grep -rn "TODO\\|FIXME" --include="*.js" node_modules | head -300', s, N_GREP)
    cap("rg-exports-node", "rg -n 'module.exports = ' -g '*.js' node_modules | head -n 300", s, N_RG)


def cap_system(tmp: Path) -> None:
    inc, doc = Path("/usr/include"), Path("/usr/share/doc")
    cap("ls-laR-include", "ls -laR | head -800", inc, n_ls_lR)
    cap("find-size-include", "find . -type f -size +100k", inc, N_FIND)
    cap("wc-h-include", "wc -l *.h | sort -n | tail -n 200", inc, n_wc_l)
    cap("file-star-include", "file *", inc, n_file_types)
    cap("grep-fixme-include", 'grep -rn "TODO\\|FIXME" . | head -300', inc, N_GREP)
    cap("du-ah-doc", "du -ah | sort -h | tail -n 250", doc, n_du)
    cap("find-size-doc", "find . -type f -size +100k", doc, N_FIND)
    cap("ls-laR-doc", "ls -laR | head -800", doc, n_ls_lR)
    cap("stat-doc", "stat */copyright | head -n 600", doc, n_stat)


def _author(dist: Path) -> tuple[str, str]:
    meta = dist / "METADATA"
    if meta.exists():
        m = email.parser.Parser().parsestr(meta.read_text(errors="replace"), headersonly=True)
        name = (m.get("Author") or "").strip()
        mail = (m.get("Author-email") or "").strip()
        if not name and mail:
            name = re.sub(r"\s*<.*", "", mail.split(",")[0]).strip('" ')
        addr = re.search(r"<([^>]+)>", mail) or re.search(r"[\w.+-]+@[\w.-]+", mail)
        if name:
            return name[:60], (addr.group(1) if addr and addr.groups() else addr.group(0) if addr else "dev@example.org")
    return "Unknown Maintainer", "dev@example.org"


def build_repo(tmp: Path) -> Path:
    """Real package sources from site-packages, committed one subdirectory batch at a time under each
    package's own author, dated a day apart."""
    repo = tmp / "vendored"
    repo.mkdir()
    run("git init -q -b main", cwd=repo)
    when, n = 1_600_000_000, 0
    for dist in sorted(SITE.glob("*.dist-info")):
        top = dist / "top_level.txt"
        names = top.read_text().split() if top.exists() else [dist.name.split("-")[0].lower()]
        who, mail = _author(dist)
        for name in names:
            pkg = SITE / name
            if not pkg.is_dir() or n > 330:
                continue
            dirs = [pkg] + sorted(d for d in pkg.rglob("*") if d.is_dir() and d.name != "__pycache__" and "__pycache__" not in d.parts)
            for d in dirs[:25]:
                files = [f for f in d.iterdir() if f.is_file() and f.suffix in (".py", ".pyi", ".txt", ".json", ".md", ".typed")]
                if not files:
                    continue
                dest = repo / d.relative_to(SITE)
                dest.mkdir(parents=True, exist_ok=True)
                for f in files:
                    shutil.copy2(f, dest / f.name)
                rel = d.relative_to(SITE)
                verb = "Add" if d == pkg else "Import"
                msg = f"{verb} {rel} ({len(files)} files)"
                when += 86_400 + (n * 977) % 7_200
                env = {"GIT_AUTHOR_NAME": who, "GIT_AUTHOR_EMAIL": mail, "GIT_COMMITTER_NAME": who,
                       "GIT_COMMITTER_EMAIL": mail, "GIT_AUTHOR_DATE": f"@{when} +0000",
                       "GIT_COMMITTER_DATE": f"@{when} +0000", "GIT_CONFIG_NOSYSTEM": "1", "HOME": str(tmp)}
                run(f"git add -A && git commit -q -m '{msg}'", cwd=repo, env=env)
                n += 1
    cm.note(f"vendored repo: {n} commits")
    return repo


def cap_git(tmp: Path) -> None:
    repo = build_repo(tmp)
    cap("git-log-oneline-head", "git log --oneline | head -300", repo, n_git_log_oneline)
    cap("git-log-stat-20", "git log --stat -20", repo, n_git_log_stat)
    cap("git-shortlog-sn", "git shortlog -sn HEAD", repo, n_git_shortlog_sn)
    cap("git-ls-files-head", "git ls-files | head -1000", repo, N_GIT_FILES)
    cap("git-log-oneline-decorate", "git log --oneline --decorate -n 200 -- '*.py'", repo, n_git_log_oneline)


STEPS = [cap_stdlib, cap_site, cap_node, cap_system, cap_git]
