"""Round 9b, chained commands as agents issue them: install + test, build + run, status + diff + log, lint +
typecheck, ls + cat, find + wc, version probes + a failing step; on real PyPI sdists and npm tarballs fetched into
the scratch dir, edited the way an agent edits mid-task (a bug put in before the test run). Each part's needles
come from its own kind's extractor (capture_wide9b.chain). Run through capture_wide9b.py."""

from __future__ import annotations

import json
import re
from pathlib import Path

import capture_wide6 as w6
from capture_data import needles_git_status
from capture_more import have, kind, n_esbuild, n_git_branch, n_go_vet, n_pip_show, n_tape, note, run, write_tree
from capture_redund import make_c_project, make_rust_project
from capture_wide2 import n_npm_audit_text
from capture_wide import n_diff_stat, n_node_uncaught, n_pip_conflict
from capture_wide3 import n_git_log_oneline_graph
from capture_wide4 import n_npm_run_fail, n_wc_l
from capture_wide5 import n_git_log_decorate, n_git_stash_list, n_git_status_short
from capture_wide6 import n_go_test, n_pytest, n_cargo_build
from capture_wide6_fresh import n_eslint, n_gcc, n_mypy, n_ruff, n_tsc
from capture_wide7 import n_diff, n_du_sorted, n_ls_la, n_npm_install, n_npm_ls, n_show
from capture_wide7_more import n_pip_install
from capture_wide8 import diagnostics
from capture_wide9b import GIT_ENV, PIP_ENV, Part, chain, n_config, n_status_echo

PY_SDISTS = ["toolz==0.12.1", "more-itertools==10.2.0", "attrs==23.2.0", "six==1.16.0", "python-dateutil==2.9.0"]
NPM_TARBALLS = ["minimist@1.2.8", "qs@6.11.2"]
_SRC: dict[str, Path] = {}


@kind("version-probe", "log")
def n_version(lines):
    """Rules 1+5 on a version probe (`x --version`): every line of a short answer (the versions asked for); of a long one the lines naming a version or an error."""
    body = [ln for ln in lines if ln.strip()]
    return body if len(body) <= 8 else [ln for ln in body if re.search(r"(?i)version|\d+\.\d+|error|not found|cannot|failed", ln)]


@kind("count-line", "log")
def n_count(lines):
    """Rule 3: the count a `| wc -l` (or `grep -c`) printed."""
    return [ln for ln in lines if ln.strip()]


@kind("git-commit", "git")
def n_git_commit(lines):
    """Rules 1+3 on git commit / git push: the '[branch hash] subject' line, the 'N files changed' summary, every error/fatal/rejected line."""
    return ([ln for ln in lines if re.match(r"^\[\S+( \(root-commit\))? [0-9a-f]{7,}\] ", ln) or re.search(r"\d+ files? changed", ln)]
            + diagnostics(lines, err=r"(?i)^(error|fatal)|\[rejected\]|\bfailed\b"))


@kind("package-json-cat", "json")
def n_package_json(lines):
    """Rule 5 on package.json printed with cat: the name and version lines, every script line and every dependency line (name and range)."""
    out, section = [], ""
    for ln in lines:
        m = re.match(r'^  "(\w+)": [\[{]', ln)
        if m:
            section = m.group(1)
        elif re.match(r'^  "(name|version|main|type)": ', ln):
            out.append(ln)
        elif re.match(r'^    "', ln) and section in ("scripts", "dependencies", "devDependencies", "peerDependencies"):
            out.append(ln)
    return out


def union(name: str, family: str, *fns):
    """A kind whose output holds the lines of several tools (npm test: the lint pretest, the runner): each one's rule, unioned."""
    def ext(lines):
        return [n for fn in fns for n in fn(lines)]
    ext.__doc__ = " + ".join(f"{fn.kind}: {(fn.__doc__ or '').strip().splitlines()[0]}" for fn in fns)
    return kind(name, family)(ext)


@kind("python-errors", "test")
def n_py_errors(lines):
    """Rule 1: every line naming a Python error or exception ('ImportError while loading conftest', 'E   XError: …', 'ERROR collecting …', 'XError: msg')."""
    return [ln for ln in lines if re.search(r"^(E\s+)?[\w.]*(Error|Exception)\b[:\s]|^ImportError while|^ERROR ", ln)]


n_npm_test = union("npm-test-lint-tape", "test", n_eslint, n_tape, n_npm_run_fail)
n_npm_audit = union("npm-audit-run", "pkg", n_npm_audit_text, n_npm_install)
n_pytest_run = union("pytest-run", "test", n_pytest, n_py_errors)
n_git_status = w6.reuse("git-status", "git", w6.text_rule(needles_git_status), needles_git_status.__doc__.strip().splitlines()[0])


def sources(tmp: Path) -> dict[str, Path]:
    """The real packages every step works on, fetched once from the registries: PyPI sdists and npm tarballs."""
    if _SRC:
        return _SRC
    d = tmp / "src"
    d.mkdir(parents=True, exist_ok=True)
    run(f"{w6.VENV}/bin/pip download -q --no-deps --no-binary :all: {' '.join(PY_SDISTS)} && for f in *.tar.gz; do tar --no-same-owner -xzf $f; done",
        cwd=d, env=PIP_ENV, timeout=300)
    for spec in NPM_TARBALLS:
        name = spec.split("@")[0]
        run(f"npm pack {spec} --silent && mkdir {name} && tar --no-same-owner -xzf {name}-*.tgz -C {name} --strip-components 1", cwd=d, timeout=200)
    for p in sorted(d.iterdir()):
        if p.is_dir():
            _SRC[re.sub(r"-\d[\d.]*$", "", p.name)] = p
    note(f"sources: {sorted(_SRC)}")
    return _SRC


def git_repo(path: Path) -> None:
    """Make an unpacked sdist a git repository with a history (what an agent's checkout looks like): the tree
    imported in several commits, then small maintenance commits."""
    g = lambda c: run(c, cwd=path, env=GIT_ENV)  # noqa: E731
    g("git init -q -b main . && git add -A ':!src' ':!tests' && git commit -q -m 'Import release tarball: packaging and docs'")
    for what, msg in [("src/dateutil/parser", "Add the parser package"), ("src/dateutil/tz src/dateutil/zoneinfo", "Add tz and zoneinfo"),
                      ("src", "Add relativedelta, rrule, easter and utils"), ("tests", "Add the test-suite")]:
        g(f"git add {what} && git commit -q -m '{msg}'")
    for k, (f, msg) in enumerate([("README.rst", "Docs: mention the tz cache"), ("setup.cfg", "Build: pin the setuptools floor"),
                                  ("tox.ini", "CI: add py312 to the matrix"), ("NEWS", "News: 2.9.1 draft"),
                                  ("AUTHORS.md", "Authors: add two contributors"), ("requirements-dev.txt", "Dev: bump pytest")]):
        if (path / f).exists():
            with open(path / f, "a") as fh:
                fh.write(f"\n# local change {k}\n")
            g(f"git add {f} && git commit -q -m '{msg}'")


# the agent's edits before `git status`: a codemod over the six imports, a parser fix, a deleted and two new files
DATEUTIL_EDITS = ("grep -rl '^import six$' src tests | xargs sed -i 's/^import six$/import six  # noqa: F401  (py2 shim, drop in 3.0)/' && "
                  "sed -i 's/return self._parse(timestr/return self._parse(timestr.strip()/' src/dateutil/parser/_parser.py && "
                  "rm -f codecov.yml appveyor.yml && echo 'tzdata>=2024.1' >> requirements-dev.txt && "
                  "touch src/dateutil/zoneinfo/notes.txt && mkdir -p scratch && echo 'print(1)' > scratch/try_parse.py")


def cap_python_chains(tmp: Path) -> None:
    src = sources(tmp)
    if "toolz" in src:
        t = src["toolz"]
        run("sed -i 's/        d\\[item\\] += 1/        d[item] = 1/' toolz/itertoolz.py && "
            "sed -i 's/    return sum(1 for i in seq)/    return sum(1 for i in seq) - 1/' toolz/itertoolz.py", cwd=t)
        chain("pytest-x-echo-exit-toolz", "chain-test-exit", "test",
              [Part(f"cd {t}", None), Part("python -m pytest -x -q", n_pytest_run), Part('echo "exit=$?"', n_status_echo, ";")], tmp)
        chain("pytest-q-tail-then-mypy-toolz", "chain-test-typecheck", "test",
              [Part(f"cd {t}", None), Part("python -m pytest -q toolz/tests 2>&1 | tail -n 40", n_pytest_run),
               Part("mypy toolz --ignore-missing-imports 2>&1 | tail -n 30", n_mypy, ";")], tmp)
    if "more-itertools" in src:
        m = src["more-itertools"]
        chain("ruff-then-mypy-more-itertools", "chain-lint-typecheck", "lint",
              [Part(f"cd {m}", None), Part("ruff check --select E,F,B,UP,SIM more_itertools", n_ruff),
               Part("mypy more_itertools 2>&1 | tail -n 40", n_mypy, ";")], tmp)
        chain("ls-cat-setup-cfg-tox-more-itertools", "chain-ls-cat", "listing",
              [Part(f"cd {m}", None), Part("ls -la", n_ls_la), Part("cat setup.cfg", n_config), Part("cat tox.ini", n_config)], tmp)
    if "attrs" in src:
        a = src["attrs"]
        chain("venv-pip-install-e-pytest-attrs", "chain-install-test", "test",
              [Part(f"cd {a}", None), Part("python3 -m venv .venv", None), Part(".venv/bin/pip install -e .", n_pip_install),
               Part(".venv/bin/python -m pip install -q pytest", n_pip_install),
               Part(".venv/bin/python -m pytest -q tests 2>&1 | tail -n 40", n_pytest_run)], tmp, env=PIP_ENV, timeout=600)
        chain("ls-cat-pyproject-attrs", "chain-ls-cat", "listing",
              [Part(f"cd {a}", None), Part("ls -la src/attr | head -n 40", n_ls_la), Part("cat pyproject.toml", n_config)], tmp)
    if "python-dateutil" in src:
        d = src["python-dateutil"]
        git_repo(d)
        run(DATEUTIL_EDITS, cwd=d)
        chain("git-status-diff-stat-log-5-dateutil", "chain-git-status-diff-log", "git",
              [Part(f"cd {d}", None), Part("git status", n_git_status), Part("git diff --stat", n_diff_stat),
               Part("git log --oneline -5", n_git_log_decorate)], tmp, env=GIT_ENV)
        chain("find-py-count-wc-tail-dateutil", "chain-find-wc", "listing",
              [Part(f"cd {d}", None), Part("find . -name '*.py' -not -path './.git/*' | wc -l", n_count),
               Part("find . -name '*.py' -not -path './.git/*' | xargs wc -l | sort -n | tail -n 60", n_wc_l)], tmp)
        chain("pytest-collect-tail-then-k-parser-dateutil", "chain-test-collect", "test",
              [Part(f"cd {d}", None), Part("python -m pytest --co -q tests 2>&1 | tail -n 15", n_pytest_run),
               Part("PYTHONPATH=src python -m pytest -q -x tests/test_parser.py 2>&1 | tail -n 50", n_pytest_run, ";")], tmp)
        chain("git-add-commit-push-dateutil", "chain-commit-push", "git",
              [Part(f"cd {d}", None), Part("git add -A", None), Part("git status --short", n_git_status_short),
               Part("git commit -m 'Parser: strip the input before parsing'", n_git_commit),
               Part("git push origin main", n_git_commit), Part("git log --oneline -3", n_git_log_decorate, ";")], tmp, env=GIT_ENV)
        # a remote, branches and stashes for the next two chains (set up, not captured)
        run(f"git clone -q --bare . {tmp}/dateutil-origin.git && git remote add origin {tmp}/dateutil-origin.git && git fetch -q origin && "
            "git branch -q -u origin/main && git checkout -q -b fix/tz-cache && echo '# tz cache' >> src/dateutil/tz/tz.py && "
            "git commit -qam 'WIP tz cache' && git checkout -q main && git branch -q old/py2-compat HEAD~3 && echo x >> NEWS && "
            "git stash -q && echo y >> README.rst && git stash push -q -m 'try README wording' && "
            "git checkout -q -b feature/isoparser-speedup && echo '# z' >> src/dateutil/parser/isoparser.py && "
            "git commit -qam 'isoparser: cache the compiled regexes' && git checkout -q main && echo '# w' >> setup.py && "
            "git commit -qam 'setup.py: drop the py2 classifiers'", cwd=d, env=GIT_ENV)
        chain("git-stash-branch-graph-head-dateutil", "chain-git-stash-branch-graph", "git",
              [Part(f"cd {d}", None), Part("git stash list", n_git_stash_list, ";"), Part("git branch -vv", n_git_branch, ";"),
               Part("git log --graph --oneline --all | head -n 40", n_git_log_oneline_graph, ";")], tmp, env=GIT_ENV)
        chain("git-log-oneline-20-show-stat-dateutil", "chain-git-log-show", "git",
              [Part(f"cd {d}", None), Part("git log --oneline -20", n_git_log_decorate), Part("git show --stat -p HEAD~1", n_show)],
              tmp, env=GIT_ENV)
    if "six" in src:
        s = src["six"]
        (s / "requirements.txt").write_text("six\nrequests==2.31.0\nurllib3==1.21.1\npytest\n")
        chain("pip-install-r-conflict-then-pytest-six", "chain-install-test", "pkg",
              [Part(f"cd {s}", None), Part("python3 -m venv .venv", None), Part(".venv/bin/pip install -r requirements.txt", n_pip_conflict),
               Part(".venv/bin/python -m pytest -q test_six.py", n_pytest_run)], tmp, env=PIP_ENV, timeout=400)
        chain("pip-show-or-install-then-import-toolz", "chain-probe-install", "pkg",
              [Part(f"cd {s}", None), Part(".venv/bin/pip show toolz", n_pip_show),
               Part(".venv/bin/pip install toolz==0.12.1 'cytoolz<0.11'", n_pip_install, "||"),
               Part(".venv/bin/python -c 'import toolz, sys; print(toolz.__version__, sys.version)'", n_version, "&&")],
              tmp, env=PIP_ENV, timeout=400)


def cap_probe_chains(tmp: Path) -> None:
    parts = [Part("node --version", n_version), Part("npm --version", n_version), Part("python3 --version", n_version),
             Part("pip --version", n_version), Part("rustc -vV", n_version),
             Part("gcc --version", n_version), Part("ruby -v", n_version), Part("perl -v | head -n 4", n_version),
             Part("go version", n_version), Part("cargo --version", n_version), Part("java -version 2>&1", n_version),
             Part("mvn -v", n_version), Part("gradle --version", n_version), Part("docker info", n_version, "||")]
    chain("version-probe-gradle-missing-docker-info", "chain-version-probe", "log", parts, tmp)
    chain("which-tools-then-uname-probe", "chain-env-probe", "log",
          [Part("which node npm npx python3 pip go cargo rustc javac mvn gradle yarn pnpm bun deno", n_version),
           Part('echo "which exit=$?"', n_status_echo, ";"), Part("uname -a", n_version, ";"), Part("node -p process.versions", n_version, ";"),
           Part("cat /etc/os-release", n_config, ";"), Part("nproc && free -m", n_version, ";"),
           Part("df -h / /tmp | head -n 5", n_version, ";")], tmp)


def cap_native_chains(tmp: Path) -> None:
    c = tmp / "cproj"
    make_c_project(c, 18, 95, 3)
    chain("make-clean-make-tail-60-then-run", "chain-build-run", "build",
          [Part(f"cd {c}", None), Part("make clean >/dev/null 2>&1; make -k 2>&1 | tail -n 60", n_gcc), Part("./app --self-test", n_status_echo)],
          tmp)
    if have("cargo", "cargo-*"):
        r = tmp / "rproj"
        make_rust_project(r, 14, 96, 3)
        chain("cargo-build-tail-then-cargo-test-tail", "chain-build-test", "build",
              [Part(f"cd {r}", None), Part("cargo build 2>&1 | tail -n 40", n_cargo_build),
               Part("cargo test 2>&1 | tail -n 30", n_cargo_build, ";")], tmp, timeout=400)
    if have("go", "go-*"):
        from capture_more import GO_FILES
        g = tmp / "goproj"
        write_tree(g, GO_FILES)
        chain("go-vet-and-go-test-then-echo", "chain-vet-test", "test",
              [Part(f"cd {g}", None), Part("go env GOVERSION GOOS GOARCH GOPATH GOFLAGS", n_version), Part("go list ./...", n_version),
               Part("go vet ./...", n_go_vet), Part("go test ./... 2>&1 | tail -n 60", n_go_test, ";"),
               Part('echo "go test exit=$?"', n_status_echo, ";")], tmp, timeout=400)


def cap_node_chains(tmp: Path) -> None:
    src = sources(tmp)
    if "minimist" in src:
        m = src["minimist"]
        run(f"cp index.js {tmp}/minimist-index.orig.js && sed -i \"s/args.indexOf('--') + 1/args.indexOf('--')/\" index.js", cwd=m)
        chain("cd-npm-install-npm-test-minimist", "chain-install-test", "test",
              [Part(f"cd {m}", None), Part("npm install", n_npm_install), Part("npm test", n_npm_test)], tmp, timeout=600)
        chain("du-sort-tail-and-count-node-modules-minimist", "chain-du-count", "listing",
              [Part(f"cd {m}", None), Part("du -sh node_modules/* node_modules/@*/* | sort -h | tail -n 60", n_du_sorted),
               Part("ls node_modules | wc -l", n_count)], tmp)
        chain("ls-la-cat-package-json-minimist", "chain-ls-cat", "listing",
              [Part(f"cd {m}", None), Part("ls -la", n_ls_la), Part("cat package.json", n_package_json)], tmp)
        chain("npx-eslint-then-git-less-diff-minimist", "chain-lint-diff", "lint",
              [Part(f"cd {m}", None), Part("npx eslint --rule 'no-param-reassign: error' --rule 'max-len: [warn, 80]' .", n_eslint),
               Part(f"git diff --no-index {tmp}/minimist-index.orig.js index.js", n_diff, ";")], tmp, timeout=300)
    app = tmp / "app"
    files = {
        "src/cli.ts": "import minimist from 'minimist';\nimport qs from 'qs';\nimport { readFileSync } from 'fs';\n\n"
                      "type Opts = { query: string; file?: string; limit: number };\n\n"
                      "export function parseOpts(argv: string[]): Opts {\n  const a = minimist(argv, { string: ['query', 'file'] });\n"
                      "  return { query: a.query, file: a.file, limit: a.limit ?? '10' };\n}\n\n"
                      "export function run(argv: string[]): void {\n  const o = parseOpts(argv);\n  const q = qs.parse(o.query);\n"
                      "  const rows = JSON.parse(readFileSync(o.file!, 'utf8')) as Array<Record<string, unknown>>;\n"
                      "  console.log(rows.filter((r) => r[q.field as string] === q.value).slice(0, o.limit));\n}\n\nrun(process.argv.slice(2));\n",
        "src/util.ts": "export const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));\n"
                       "export function pct(a: number, b: number): string { return (100 * a / b).toFixed(1) + '%'; }\n"
                       "export function unused(x) { return x.y.z; }\n",
        "tsconfig.json": json.dumps({"compilerOptions": {"strict": True, "target": "es2020", "module": "commonjs", "outDir": "dist",
                                                         "esModuleInterop": True, "noUnusedLocals": True}, "include": ["src"]}, indent=2),
    }
    write_tree(app, files)
    (app / "package.json").write_text(json.dumps({"name": "rows-cli", "version": "0.4.0", "private": True,
                                                  "scripts": {"build": "esbuild src/cli.ts --bundle --platform=node --outfile=dist/cli.js",
                                                              "typecheck": "tsc --noEmit", "start": "node dist/cli.js"},
                                                  "dependencies": {"minimist": "^1.2.8", "qs": "^6.11.2"},
                                                  "devDependencies": {"esbuild": "^0.20.0", "typescript": "^5.4.0"}}, indent=2))
    chain("npm-install-build-run-rows-cli", "chain-install-build-run", "build",
          [Part(f"cd {app}", None), Part("npm install", n_npm_install), Part("npm run build", n_esbuild),
           Part("node dist/cli.js --query 'field=status&value=open' --file rows.json", n_node_uncaught)], tmp, timeout=600)
    chain("npm-run-typecheck-then-npx-tsc-listemitted", "chain-typecheck-twice", "lint",
          [Part(f"cd {app}", None), Part("npm run typecheck", n_tsc), Part("npx tsc --noEmit --pretty false 2>&1 | head -n 40", n_tsc, "||")],
          tmp, timeout=300)
    chain("npm-install-then-audit-tail-60-request-gulp3", "chain-install-audit", "pkg",
          [Part(f"cd {app}", None), Part("npm install request@2.88.2 gulp@3.9.1", n_npm_install),
           Part("npm audit 2>&1 | tail -n 60", n_npm_audit), Part("npm ls gulp minimatch graceful-fs", n_npm_ls, ";")], tmp, timeout=500)


STEPS = [cap_python_chains, cap_probe_chains, cap_native_chains, cap_node_chains]
