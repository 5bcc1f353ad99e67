"""Round 15, git and OpenCode: a scripted history on the meter package of capture_wide15_diag.py (four authors, a
merged branch, a reset) read with blame, log -p, log --stat, show, diff, status, reflog, shortlog and the graph;
then the real OpenCode (.tools/bin/opencode) run headless against the project's model stub
(capture_opencode.run_opencode) reads source, a long file, a README, a lockfile and minified code with its read tool,
searches with grep and glob, cats minified and source code with bash, and fetches node's API pages from a loopback
server with webfetch. Runs last (it reads the earlier steps' files). Extractors are the first rounds'
(capture_data.py, capture_more.py, capture_opencode.py). Run through capture_wide15.py."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

import capture_data as cd
import capture_more as cm
import capture_opencode as oc
from capture_more import add_or_skip as add
from capture_more import note, run
from capture_opencode import Spec
from capture_wide6 import reuse
from capture_wide7_more import first
from capture_wide15_data import orig

n_blame = orig("git-blame", "git", cd.needles_git_blame)
n_log_p = orig("git-log-p", "git", cd.needles_git_log_p)
n_show = orig("git-show", "git", cd.needles_git_show)
n_diff = orig("git-diff", "git", cd.needles_git_diff)
n_graph = orig("git-log-graph", "git", cd.needles_git_log_graph)
n_status = orig("git-status", "git", cd.needles_git_status)

GIT_ENV = {"GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1"}
AUTHORS = [("Lena Fischer", "lena@example.org"), ("Tomás Ortega", "tomas@example.org"),
           ("Aiko Tanaka", "aiko@example.org"), ("Sam Okafor", "sam@example.org")]


def cap(item_id: str, command: str, cwd: Path, extractor, timeout: int = 300) -> None:
    add(item_id, command, run(command, cwd=cwd, timeout=timeout, env=GIT_ENV), extractor)


def commit(repo: Path, i: int, msg: str, who: int | None = None) -> None:
    name, mail = AUTHORS[(i * 7 % 5 if who is None else who) % len(AUTHORS)]
    date = f"2026-02-{1 + i % 28:02d}T{8 + i % 10:02d}:{(i * 13) % 60:02d}:00+01:00"
    run(f"git add -A && git commit -q -m {json.dumps(msg)}", cwd=repo, env={
        **GIT_ENV, "GIT_AUTHOR_NAME": name, "GIT_AUTHOR_EMAIL": mail, "GIT_COMMITTER_NAME": name,
        "GIT_COMMITTER_EMAIL": mail, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date})


def append(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a") as f:
        f.write(text)


def edit(path: Path, old: str, new: str) -> None:
    s = path.read_text()
    assert old in s, f"{path}: {old!r} not found"
    path.write_text(s.replace(old, new, 1))


def git(tmp: Path) -> None:
    src = tmp / "meter"
    repo = tmp / "meter-repo"
    shutil.copytree(src, repo, ignore=shutil.ignore_patterns("__pycache__", ".mypy_cache", ".ruff_cache", "reports"))
    run("git init -q -b main .", cwd=repo, env=GIT_ENV)
    commit(repo, 0, "Initial import of the meter package", who=0)
    m = repo / "meter"
    history = [
        (m / "limits.py", "Bucket: document the refill arithmetic", "\n# refill: tokens += elapsed * rate, capped at burst\n"),
        (m / "billing.py", "billing: note the tier table source", "\n# tiers from pricing page, 2026-01\n"),
        (m / "report.py", "report: keep the CLI entry small", "\n# usage: python -m meter.report usage.json\n"),
        (repo / "CHANGELOG.md", "changelog: 0.3.0", "## 0.3.0\n\n- graduated pricing\n- token buckets per tenant\n"),
        (m / "limits.py", "limits: accept 'sec' as a unit", "\n# units: s, sec, min, h\n"),
        (repo / "docs/pricing.md", "docs: pricing tiers", "# Pricing\n\nThe first 1000 calls a month are free.\n"),
        (m / "billing.py", "billing: month_key helper for exports", "\n# month_key: YYYY-MM of an ISO timestamp\n"),
        (repo / "docs/limits.md", "docs: rate limits", "# Limits\n\nEach tenant gets a bucket per route.\n"),
        (m / "report.py", "report: error file on failure", "\n# errors go to reports/errors/last.txt\n"),
        (repo / "CHANGELOG.md", "changelog: 0.3.1", "\n## 0.3.1\n\n- report errors to a file\n"),
    ]
    for i, (path, msg, text) in enumerate(history, start=1):
        append(path, text)
        commit(repo, i, msg)
    run("git checkout -q -b fix/bucket-boundary", cwd=repo, env=GIT_ENV)
    edit(m / "limits.py", "if self.tokens > n:", "if self.tokens >= n:")
    commit(repo, 12, "limits: allow a request for exactly the tokens left", who=2)
    append(repo / "tests/test_limits.py", "\n\ndef test_exact_tokens():\n    b = Bucket(rate=1, burst=2)\n    assert b.take(2, now=b.stamp)\n")
    commit(repo, 13, "tests: exact-token request", who=2)
    run("git checkout -q main", cwd=repo, env=GIT_ENV)
    append(m / "billing.py", "\n# TODO: currencies other than EUR\n")
    commit(repo, 14, "billing: currency TODO", who=3)
    run("git merge -q --no-ff -m 'Merge branch fix/bucket-boundary' fix/bucket-boundary", cwd=repo,
        env={**GIT_ENV, "GIT_AUTHOR_NAME": "Lena Fischer", "GIT_AUTHOR_EMAIL": "lena@example.org",
             "GIT_COMMITTER_NAME": "Lena Fischer", "GIT_COMMITTER_EMAIL": "lena@example.org",
             "GIT_AUTHOR_DATE": "2026-02-16T10:00:00+01:00", "GIT_COMMITTER_DATE": "2026-02-16T10:00:00+01:00"})
    append(m / "report.py", "\n# wip: totals per currency\n")
    commit(repo, 16, "report: wip totals per currency", who=1)
    run("git reset -q --hard HEAD~1", cwd=repo, env=GIT_ENV)
    for i, (f, msg) in enumerate([("limits.py", "limits: parse_limit raises ValueError on garbage"),
                                  ("billing.py", "billing: invoice_line defaults to EUR"),
                                  ("report.py", "report: sort customers by name")], start=17):
        append(m / f, f"\n# {msg}\n")
        commit(repo, i, msg)
    # the working tree an agent finds
    edit(m / "billing.py", 'return f"{customer:<20} {calls:>8} {amount:>10} {currency.upper()}"',
         'return f"{customer:<20} {calls:>8} {amount:>10} {(currency or \'eur\').upper()}"')
    edit(m / "limits.py", "    count, per = spec.split(\"/\")", "    count, sep, per = spec.partition(\"/\")\n"
         "    if not sep:\n        raise ValueError(f\"bad limit {spec!r}\")")
    (repo / "usage.json").unlink()
    (repo / "scratch.py").write_text("from meter.billing import price\nprint(price(23000))\n")
    append(repo / "docs/limits.md", "\nLimits are per tenant and route; see meter/limits.py.\n")
    append(repo / "docs/pricing.md", "\nPrices are in EUR; other currencies are planned.\n")
    append(m / "report.py", "\n# render(): sorted by customer\n")
    for name in ["tests/test_report.py", "docs/currencies.md", "notes/2026-02-20.md", "notes/boundary-repro.txt"]:
        append(repo / name, "draft\n")
    append(repo / "CHANGELOG.md", "\n## unreleased\n\n- exact-token requests are allowed\n")
    run("git add CHANGELOG.md tests/test_report.py", cwd=repo, env=GIT_ENV)
    cap("git-status-meter", "git status", repo, n_status)
    cap("git-diff-meter", "git diff", repo, n_diff)
    cap("git-log-p-meter", "git log -p -8", repo, n_log_p)
    cap("git-log-stat-meter", "git log --stat", repo, cm.n_git_log_stat)
    cap("git-show-merge-first-parent", "git show --stat -p --diff-merges=first-parent HEAD~3", repo, n_show)
    cap("git-blame-limits", "git blame meter/limits.py", repo, n_blame)
    cap("git-log-graph-meter", "git log --oneline --graph --all", repo, n_graph)
    cap("git-reflog-meter", "git reflog", repo, cm.n_git_reflog)
    cap("git-shortlog-sne-meter", "git shortlog -sne --all && git log --format='%h %an %s' | head -n 40", repo,
        cm.n_git_shortlog)


# ------------------------------------------------------------------ OpenCode's own tools

JS = "/tmp/hm-corpus-wide15-tools/js/node_modules"
SITE = "/tmp/hm-corpus-wide15-tools/venv/lib/python3.11/site-packages"
NODE_API = "/usr/share/doc/nodejs/api"


def oc_ext(kind_name: str, family: str, spec: Spec):
    """The opencode.json extractor of `kind_name`, applied with this item's spec (its file, language, page)."""
    fn = oc.EXTRACTORS[kind_name]
    return reuse(kind_name, family, lambda lines: fn("\n".join(lines), spec)[0], first(fn))


def specs(tmp: Path) -> list[tuple[Spec, str]]:
    lock = tmp / "orders-svc" / "package-lock.json"
    S = [
        (Spec("oc-read-py-isort-core", "oc-read-source", "code", "read", {"filePath": f"{SITE}/isort/core.py"}, "python"), "code"),
        (Spec("oc-read-js-mocha-runner-range", "oc-read-source", "code", "read",
              {"filePath": f"{JS}/mocha/lib/runner.js", "offset": 400, "limit": 500}, "js"), "code"),
        (Spec("oc-read-py-pylint-variables-long", "oc-read-long", "code", "read",
              {"filePath": f"{SITE}/pylint/checkers/variables.py"}, "python"), "code"),
        (Spec("oc-read-md-ava-readme", "oc-read-doc", "doc", "read", {"filePath": f"{JS}/ava/readme.md"}, "markdown"), "doc"),
        (Spec("oc-read-lock-orders-svc", "oc-read-lockfile", "json", "read", {"filePath": str(lock)}, "json"), "json"),
        (Spec("oc-read-min-markdown-it", "oc-read-minified", "code", "read",
              {"filePath": f"{JS}/markdown-it/dist/markdown-it.min.js"}, "minified"), "code"),
        (Spec("oc-grep-isort-raise", "oc-grep", "search", "grep", {"pattern": r"raise \w+(Error|Exception)\(", "path": f"{SITE}/isort",
                                                                    "include": "*.py"}), "search"),
        (Spec("oc-grep-fastify-throw", "oc-grep", "search", "grep",
              {"pattern": r"throw new \w+|TODO|FIXME", "path": str(tmp / "orders-svc/node_modules/fastify/lib")}), "search"),
        (Spec("oc-glob-vitest-dts", "oc-glob", "listing", "glob", {"pattern": "**/*.d.ts", "path": f"{JS}/vitest"}), "listing"),
        (Spec("oc-glob-pylint-checkers", "oc-glob", "listing", "glob", {"pattern": "**/*.py", "path": f"{SITE}/pylint/checkers"}), "listing"),
        (Spec("bash-cat-min-esquery", "bash-cat-minified", "code", "bash",
              {"command": f"cat {JS}/esquery/dist/esquery.min.js", "description": "Print esquery.min.js"}, "minified"), "code"),
        (Spec("bash-cat-py-black-linegen", "bash-cat-source", "code", "bash",
              {"command": f"cat {SITE}/black/linegen.py", "description": "Print black/linegen.py"}, "python"), "code"),
        (Spec("oc-webfetch-md-node-events", "oc-webfetch-markdown", "doc", "webfetch",
              {"url": "{BASE}/nodejs/readline.html", "format": "markdown"}, source="nodejs/readline.html"), "doc"),
        (Spec("oc-webfetch-md-node-dns", "oc-webfetch-markdown", "doc", "webfetch", {"url": "{BASE}/nodejs/dns.html"},
              source="nodejs/dns.html"), "doc"),
        (Spec("oc-webfetch-html-node-timers", "oc-webfetch-html", "doc", "webfetch",
              {"url": "{BASE}/nodejs/timers.html", "format": "html"}, source="nodejs/timers.html"), "doc"),
        (Spec("oc-webfetch-text-node-os", "oc-webfetch-text", "doc", "webfetch",
              {"url": "{BASE}/nodejs/os.html", "format": "text"}, source="nodejs/os.html"), "doc"),
    ]
    out = []
    for spec, fam in S:
        spec.family = fam
        path = spec.args.get("filePath") or spec.args.get("path")
        if path and not Path(path).exists():
            note(f"skip {spec.id}: {path} not there")
            continue
        out.append((spec, fam))
    return out


def opencode(tmp: Path) -> None:
    """One OpenCode run over every spec; a tool error skips its item, a failed run skips them all (loudly)."""
    chosen = specs(tmp)
    serve = tempfile.mkdtemp(prefix="oc-docs-", dir=tmp)
    os.symlink(NODE_API, Path(serve) / "nodejs")
    oc.DOC_SERVE_DIR = serve  # the text extractor reads the served page's headings
    docs = oc.start_doc_server(serve)
    base = f"http://127.0.0.1:{docs.server_address[1]}"
    try:
        with tempfile.TemporaryDirectory(prefix="oc-w15-", dir=tmp) as oc_tmp:
            captured = oc.run_opencode(Path(oc_tmp), [s for s, _ in chosen], base)
    except Exception as e:  # the OpenCode items are skipped, loudly, if the run fails
        note(f"skip OpenCode items: {type(e).__name__}: {e}")
        return
    finally:
        docs.shutdown()
        docs.server_close()
    for spec, sent, text, is_error in captured:
        if is_error or text.lstrip().startswith(("Error", "<error>")):
            note(f"skip {spec.id}: tool error: {text[:200]}")
            continue
        command = dict(sent)
        if "url" in command:  # the port changes per run: the URL's path only
            command["url"] = command["url"].replace(base, "http://127.0.0.1:PORT")
        add(spec.id, json.dumps(command, sort_keys=True), text, oc_ext(spec.kind, spec.family, spec), tool=spec.tool)


STEPS = [git, opencode]
