"""Round 14, Python part: the sdists of cachetools, boltons, humanize and tabulate, each broken on purpose, tested,
linted, type-checked, searched, listed, read and installed; boltons also as a git repository with a scripted
history. Each item's extractor is an existing kind's (see capture_wide14.py)."""

from __future__ import annotations

from pathlib import Path

from capture_diagnostics import needles_pylint
from capture_more import add_or_skip as add
from capture_more import n_git_log_stat, n_pip_show, n_pytest_ra, n_tree, run
from capture_wide import n_diff_stat
from capture_wide3 import n_find_printf, n_git_log_oneline_graph
from capture_wide4 import n_pip_list_v, n_pytest_durations, n_pytest_tb_line, n_wc_l
from capture_wide5 import n_git_grep
from capture_wide6 import n_pytest, reuse
from capture_wide6_fresh import n_blame, n_log_p, n_mypy, n_ruff
from capture_wide6_new import n_ruff_stats
from capture_wide7 import n_diff, n_du_sorted, n_log, n_ls_la, n_show, n_status
from capture_wide7_more import first, n_pip_install
from capture_wide9b import n_config, n_markdown, n_source
from capture_wide9b_reads import n_grep_rn
from capture_wide10_more import n_rg_heading, n_rg_vimgrep
from capture_wide11 import n_setup_cfg

n_flake8 = reuse("flake8-count", "lint", needles_pylint, first(needles_pylint))

CACHE, BOLT, HUM, TAB = "cachetools-8.0.2", "boltons-26.2.0", "humanize-4.17.0", "tabulate-0.10.0"


def patch(path: Path, old: str, new: str) -> None:
    """A bug put in on purpose: `old` must be there once."""
    text = path.read_text()
    assert text.count(old) >= 1, f"{path}: {old!r} not found"
    path.write_text(text.replace(old, new, 1))


def cap(item_id: str, command: str, cwd: Path, extractor, timeout: int = 300) -> None:
    add(item_id, command, run(command, cwd=cwd, timeout=timeout), extractor)


def tests(tmp: Path) -> None:
    """Break one function in each source, then run its suite as an agent would."""
    patch(tmp / CACHE / "src/cachetools/__init__.py", "while self.__currsize + diffsize > maxsize:",
          "while self.__currsize + diffsize >= maxsize:")
    patch(tmp / BOLT / "boltons/strutils.py", "return _camel2under_re.sub(r'_\\1', camel_string).lower()",
          "return _camel2under_re.sub(r'_\\1', camel_string)")
    patch(tmp / HUM / "src/humanize/number.py", 'PS_("2 (male)", "nd")', 'PS_("2 (male)", "th")')
    patch(tmp / TAB / "tabulate/__init__.py", 'return f"|{segments}|"', 'return f"|{segments}"')
    cap("pytest-cachetools-tail", "PYTHONPATH=src python -m pytest -q 2>&1 | tail -n 60", tmp / CACHE,
        n_pytest)
    cap("pytest-boltons-strutils", "python -m pytest tests boltons/strutils.py --doctest-modules -q 2>&1 | tail -n 60",
        tmp / BOLT, n_pytest)
    cap("pytest-ra-tabulate", "python -m pytest test -q -ra -p no:cacheprovider 2>&1 | tail -n 80", tmp / TAB, n_pytest_ra)
    cap("pytest-tb-line-humanize", "PYTHONPATH=src python -m pytest tests --tb=line -q 2>&1 | tail -n 60", tmp / HUM,
        n_pytest_tb_line)
    cap("pytest-v-tabulate", "python -m pytest test -v -p no:cacheprovider 2>&1 | tail -n 400", tmp / TAB, n_pytest)
    cap("pytest-durations-cachetools", "PYTHONPATH=src python -m pytest tests/test_lfu.py tests/test_ttl.py tests/test_cached.py "
        "--durations=15 --durations-min=0 -q 2>&1",
        tmp / CACHE, n_pytest_durations)


def lint(tmp: Path) -> None:
    """The linters and the type checker over the sources as shipped."""
    cap("ruff-boltons", "ruff check boltons --no-cache 2>&1 | tail -n 80", tmp / BOLT, n_ruff)
    cap("ruff-statistics-boltons", "ruff check --no-cache --select ALL --statistics boltons 2>&1", tmp / BOLT, n_ruff_stats)
    cap("ruff-cachetools-select", "ruff check --no-cache --select E,F,B,UP,SIM src tests 2>&1 | tail -n 80",
        tmp / CACHE, n_ruff)
    cap("ruff-select-all-concise-boltons", "ruff check --no-cache --select ALL --output-format=concise boltons 2>&1 "
        "| head -n 400", tmp / BOLT, n_ruff)
    cap("mypy-cachetools-strict", "mypy --no-incremental --strict src/cachetools 2>&1 | tail -n 60", tmp / CACHE, n_mypy)
    cap("mypy-boltons-strict", "mypy --no-incremental --ignore-missing-imports boltons/strutils.py boltons/iterutils.py "
        "2>&1 | tail -n 70", tmp / BOLT, n_mypy)
    cap("flake8-count-boltons", "flake8 --count boltons 2>&1 | tail -n 100", tmp / BOLT, n_flake8)


def reads(tmp: Path) -> None:
    """Searches, listings and file reads an agent makes before editing."""
    cap("grep-rn-humanize-defs", "grep -rn 'def ' src/humanize | head -n 80", tmp / HUM, n_grep_rn)
    cap("rg-vimgrep-boltons-raise", r"rg --vimgrep 'raise \w+Error\(' boltons | head -n 120", tmp / BOLT, n_rg_vimgrep)
    cap("rg-heading-cachetools", "rg -n -C2 --heading 'maxsize' src tests | head -n 150", tmp / CACHE, n_rg_heading)
    cap("sed-n-cachetools-init", "sed -n '1,220p' src/cachetools/__init__.py", tmp / CACHE, n_source)
    cap("head-boltons-strutils", "head -n 320 boltons/strutils.py", tmp / BOLT, n_source)
    cap("cat-humanize-readme", "cat README.md", tmp / HUM, n_markdown)
    cap("cat-humanize-pyproject", "cat pyproject.toml", tmp / HUM, n_config)
    cap("cat-cachetools-setup-cfg", "cat setup.cfg tox.ini", tmp / CACHE, n_setup_cfg)
    cap("ls-la-boltons", "ls -la boltons/", tmp / BOLT, n_ls_la)
    cap("tree-humanize", "tree -L 4 --dirsfirst . | head -n 100", tmp / HUM, n_tree)
    cap("find-printf-tabulate", "find . -type f -printf '%M %u %g %s %TY-%Tm-%Td %p\\n' | sort -k6 | head -n 120",
        tmp / TAB, n_find_printf)
    cap("du-ah-sorted-boltons", "du -ah . | sort -h | tail -n 40", tmp / BOLT, n_du_sorted)
    cap("wc-l-boltons", "wc -l boltons/*.py tests/*.py | sort -n", tmp / BOLT, n_wc_l)


def pkgs(tmp: Path) -> None:
    """pip in a scratch venv: install two of the sources, then look at what is there."""
    venv = tmp / "venv"
    run(f"python3 -m venv {venv}", timeout=120)
    pip = f"{venv}/bin/pip"
    env = {"PIP_CONFIG_FILE": "/dev/null"}
    add("pip-install-local-sdists", f"pip install ./{CACHE} ./{TAB} 2>&1 | tail -n 25",
        run(f"{pip} install ./{CACHE} ./{TAB} 2>&1 | tail -n 25", cwd=tmp, env=env, timeout=600), n_pip_install)
    add("pip-show-f-cachetools", "pip show -f cachetools",
        run(f"{pip} show -f cachetools", cwd=tmp, env=env), n_pip_show)
    add("pip-list-v-tools", "pip list -v", run("pip list -v", cwd=tmp, env=env), n_pip_list_v)


GIT_ENV = {"GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1"}
AUTHORS = [("Mahmoud Hashemi", "mahmoud@example.org"), ("Ana Ruiz", "ana.ruiz@example.org"),
           ("Kenji Sato", "kenji@example.org"), ("Priya Nair", "priya@example.org")]


def commit(repo: Path, i: int, msg: str) -> None:
    name, mail = AUTHORS[i % len(AUTHORS)]
    date = f"2026-03-{1 + i:02d}T{9 + i % 8:02d}:14:00+00:00"
    run(f"git add -A && git commit -q -m '{msg}'", cwd=repo, env={**GIT_ENV, "GIT_AUTHOR_NAME": name, "GIT_AUTHOR_EMAIL": mail,
        "GIT_COMMITTER_NAME": name, "GIT_COMMITTER_EMAIL": mail, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date})


def edit(path: Path, old: str, new: str) -> None:
    """Replace `old` once, or append `new` when `old` is absent (NUL: always append)."""
    text = path.read_text()
    path.write_text(text.replace(old, new, 1) if old in text else text + new)


SLUG_PATH = """def slugify_path(text, max_len=80):
    \"\"\"A slug for one URL path segment: dashes, lower case, at most
    *max_len* characters, never ending in a dash.

    >>> slugify_path('Release Notes: 26.2')
    'release-notes-26-2'
    \"\"\"
    slug = slugify(text, delim='-', lower=True, ascii=True)
    if isinstance(slug, bytes):
        slug = slug.decode('ascii')
    slug = slug[:max_len]
    while slug.endswith('-'):
        slug = slug[:-1]
    if not slug:
        raise ValueError('empty slug for %r' % (text,))
    return slug


"""


def git(tmp: Path) -> None:
    """A scripted history on a clean copy of boltons, then the git commands of a review."""
    repo = tmp / "boltons-repo"
    run(f"tar xzf {tmp.parent / 'hm-corpus-wide14-tools/src' / (BOLT + '.tar.gz')} && mv {BOLT} {repo.name}", cwd=tmp)
    run("git init -q -b main .", cwd=repo, env=GIT_ENV)
    commit(repo, 0, "Import boltons 26.2.0")
    b = repo / "boltons"
    steps = [("strutils.py", "def slugify(", SLUG_PATH + "def slugify(",
              "strutils: add slugify_path for URL segments"),
             ("iterutils.py", "def chunked(", "# TODO: accept a fill value callable\ndef chunked(",
              "iterutils: note the chunked fill TODO"),
             ("cacheutils.py", "class LRI(", "# FIXME: LRI eviction is not thread-safe under pypy\nclass LRI(",
              "cacheutils: flag the LRI thread-safety question"),
             ("fileutils.py", "def mkdir_p(", "def ensure_dir(path):\n    return mkdir_p(path)\n\n\ndef mkdir_p(",
              "fileutils: ensure_dir alias"),
             ("timeutils.py", "def isoparse(", "def parse_iso(s):\n    return isoparse(s)\n\n\ndef isoparse(",
              "timeutils: parse_iso alias for isoparse")]
    # routine upkeep commits, so the history has the length of a real review's
    for name, what in [("dictutils", "OrderedMultiDict.sorted docs"), ("funcutils", "wraps signature notes"),
                       ("queueutils", "PriorityQueue typing"), ("socketutils", "BufferedSocket timeouts"),
                       ("tbutils", "ParsedException repr"), ("urlutils", "URL.navigate edge cases"),
                       ("jsonutils", "JSONLIterator reverse read"), ("statsutils", "Stats.describe rounding"),
                       ("tableutils", "Table.from_dict headers"), ("typeutils", "make_sentinel pickling"),
                       ("formatutils", "DeferredValue caching"), ("gcutils", "toggle_gc docs")]:
        steps.append((f"{name}.py", "\x00", f"\n# review: {what}\n", f"{name}: {what}"))
    for i, (f, old, new, msg) in enumerate(steps, start=1):
        edit(b / f, old, new)
        commit(repo, i, msg)
    run("git checkout -q -b feature/strutils-case", cwd=repo, env=GIT_ENV)
    edit(b / "strutils.py", "return _camel2under_re.sub(r'_\\1', camel_string).lower()",
         "return _camel2under_re.sub(r'_\\1', camel_string)")
    commit(repo, 18, "strutils: keep case in camel2under")
    run("git checkout -q main", cwd=repo, env=GIT_ENV)
    edit(b / "setutils.py", "class IndexedSet(", "# NOTE: see issue 312\nclass IndexedSet(")
    commit(repo, 19, "setutils: point IndexedSet at issue 312")
    # the working tree an agent finds: edits, a deleted file, untracked files
    edit(b / "strutils.py", "def under2camel(", "def under2camel_v2(s):\n    return under2camel(s).strip()\n\n\ndef under2camel(")
    edit(b / "listutils.py", "class BarrelList(", "# keep in sync with docs/listutils.rst\nclass BarrelList(")
    for name in ["dictutils", "iterutils", "tbutils", "urlutils", "ioutils", "mathutils", "debugutils"]:
        edit(b / f"{name}.py", "\x00", f"\n# wip: {name}\n")
    (b / "mboxutils.py").unlink()
    (b / "easterutils.py").unlink()
    (repo / "scratch").mkdir()
    (repo / "scratch" / "slug_cases.txt").write_text("Release Notes: 26.2\n")
    (repo / ".env.local").write_text("BOLTONS_DEBUG=1\n")
    (repo / "scratch" / "bench_slug.py").write_text("from boltons.strutils import slugify_path\n")
    (repo / "notes.txt").write_text("try slugify on unicode titles\n")
    (b / "pathnorm.py").write_text("def norm(p):\n    return p.replace('\\\\', '/')\n")
    cap("git-status-boltons", "git status", repo, n_status)
    cap("git-diff-boltons", "git diff", repo, n_diff)
    cap("git-log-boltons", "git log --all", repo, n_log)
    cap("git-log-stat-boltons", "git log --stat -6", repo, n_git_log_stat)
    cap("git-log-p-boltons", "git log -p -6 2>&1 | head -n 600", repo, n_log_p)
    cap("git-show-boltons", "git show main~17 --stat -p", repo, n_show)
    cap("git-blame-boltons-strutils", "git blame -L 60,130 boltons/strutils.py", repo, n_blame)
    cap("git-log-oneline-graph-boltons", "git log --oneline --graph --all --decorate", repo, n_git_log_oneline_graph)
    cap("git-diff-stat-boltons", "git diff --stat HEAD~15", repo, n_diff_stat)
    cap("git-grep-n-boltons", r"git grep -n 'TODO\|FIXME\|NOTE:'", repo, n_git_grep)


STEPS = [tests, lint, reads, pkgs, git]
