"""Round 10, the families the rest of the round has least of: JSON (terraform show -json on one line, terraform plan
-json's record stream), documents (a typer CLI's boxed --help, a README rendered by rich), code printed with a
line-number gutter (rich.syntax, pygmentize), searches (rg --vimgrep, rg with headings and context) and a git log
graph whose subjects carry emoji. Run through capture_wide10.py."""

from __future__ import annotations

import re
from pathlib import Path

import capture_more as cm
import capture_wide6 as w6
from capture_more import add_or_skip as add, kind, run, write_tree
from capture_wide10 import COLOR, PY, line_rule
from capture_wide10_eco import TF_ENV, TF_MAIN

RG = cm.ROOT / ".tools" / "bin" / "rg"
DEF_LINE = r"(async\s+def|def|class)\s+\w+"


# ================================================================== JSON


@kind("terraform-show-json", "json")
def n_tf_show_json(lines):
    """Rule 5 on terraform show -json (one line of JSON): the '"terraform_version":"…"' text and every resource's '"address":"…"' text (which objects the state holds)."""
    text = "\n".join(lines)
    return re.findall(r'"terraform_version":"[^"]*"', text)[:1] + re.findall(r'"address":"(?:[^"\\]|\\.)*"', text)


@kind("terraform-plan-jsonl", "json")
def n_tf_plan_jsonl(lines):
    """Rules 3+5 on terraform plan -json (one JSON record per line): every planned_change record's '"@message":"…"' text, every diagnostic's '"@message":"Error: …"' / 'Warning', and the change_summary record's message."""
    out = []
    for ln in lines:
        if '"type":"planned_change"' in ln or '"type":"change_summary"' in ln or '"type":"diagnostic"' in ln:
            m = re.search(r'"@message":"(?:[^"\\]|\\.)*"', ln)
            out.append(m.group(0) if m else None)
    return out


def cap_tf_json(tmp: Path) -> None:
    if not cm.have("terraform", "terraform-show-json"):
        return
    d = tmp / "tf-json"
    write_tree(d, {"main.tf": TF_MAIN})
    run("terraform init -input=false -no-color", cwd=d, env=TF_ENV, timeout=300)
    add("terraform-plan-json-stream", "terraform plan -json", run("terraform plan -json -input=false", cwd=d, env=TF_ENV, timeout=300),
        n_tf_plan_jsonl)
    run("terraform apply -input=false -auto-approve -no-color", cwd=d, env=TF_ENV, timeout=300)
    add("terraform-show-json-state", "terraform show -json", run("terraform show -json", cwd=d, env=TF_ENV, timeout=300), n_tf_show_json)


# ================================================================== documents and code, rendered


@kind("typer-help", "doc")
def n_typer_help(lines):
    """Rule 6 on a typer / rich-click --help (boxed panels): the 'Usage:' line and every panel title line ('╭─ Options ───╮', '╭─ Commands ──╮')."""
    return [ln for ln in lines if ln.strip().startswith("Usage:") or re.match(r"^\s*╭─ \S", ln)]


@kind("rich-markdown", "doc")
def n_rich_md(lines):
    """Rule 6 on a markdown file rendered by rich (python -m rich.markdown): every heading as rendered (the boxed H1 title line, and each other heading's text line, known from the source's '#' lines)."""
    heads = [h.lstrip("#").strip() for h in README.splitlines() if re.match(r"^#{1,6} ", h)]
    out = []
    for h in heads:
        out.append(next((ln for ln in lines if h in ln), None))
    return out


n_rich_syntax = line_rule(
    "rich-syntax", "code",
    "Rule 6 on source printed with a line-number gutter (python -m rich.syntax -l, pygmentize with numbered lines): the first line of every function/class definition, as rendered with its number.",
    hit=r"^\s*\d+:?\s*(│\s*)?\s*" + DEF_LINE)

TYPER_APP = '''import typer

app = typer.Typer(help="Orders admin: import, export and reconcile order ledgers.", rich_markup_mode="rich")
db = typer.Typer(help="Database maintenance.")
app.add_typer(db, name="db")


@app.command("import")
def import_(path: str = typer.Argument(..., help="CSV or JSONL file to import"),
            dry_run: bool = typer.Option(False, "--dry-run", help="Parse and validate, write nothing"),
            batch: int = typer.Option(500, min=1, max=10_000, help="Rows per transaction"),
            region: str = typer.Option("eu-west", help="Default region for rows without one")):
    """Import orders from a file."""


@app.command()
def export(fmt: str = typer.Option("csv", "--format", "-f", help="csv | jsonl | parquet"),
           since: str = typer.Option(None, help="ISO date; only orders placed on or after it"),
           out: str = typer.Option("-", "--out", "-o", help="Output path, - for stdout")):
    """Export orders."""


@app.command()
def reconcile(strict: bool = typer.Option(False, help="Fail on the first mismatch"),
              tolerance_cents: int = typer.Option(1, help="Allowed rounding difference per order")):
    """Reconcile the ledger against the payment provider's settlement report. [bold red]Slow[/bold red] on big ledgers."""


@db.command()
def migrate(revision: str = typer.Argument("head")):
    """Run database migrations."""


@db.command()
def vacuum(full: bool = False):
    """Reclaim space."""


if __name__ == "__main__":
    app()
'''

README = """# orders-admin

Command-line tools for the orders service: import, export and reconcile.

## Install

```bash
pip install orders-admin
orders --install-completion
```

## Usage

| command | what it does | slow? |
|---|---|---|
| `orders import FILE` | loads CSV/JSONL into the ledger | no |
| `orders export -f parquet` | dumps the ledger | no |
| `orders reconcile --strict` | compares against settlements | **yes** |

> **Note:** `reconcile` locks the ledger table while it runs.

### Configuration

Settings come from `ORDERS_*` environment variables:

1. `ORDERS_DB` — database URL (required)
2. `ORDERS_REGION` — default region, `eu-west` if unset
3. `ORDERS_BATCH` — rows per transaction

## Troubleshooting

- *`database is locked`*: another reconcile is running; wait or kill it.
- *`UNIQUE constraint failed: orders.order_id`*: the file was imported twice.

## License

MIT
"""


def cap_rendered(tmp: Path) -> None:
    d = tmp / "rendered"
    write_tree(d, {"orders_cli.py": TYPER_APP, "README.md": README})
    env = {**COLOR, "COLUMNS": "100", "TERMINAL_WIDTH": "100"}
    add("typer-help-boxed", "python orders_cli.py --help", run(f"{PY} orders_cli.py --help", cwd=d, env=env), n_typer_help)
    add("typer-subcommand-help", "python orders_cli.py import --help", run(f"{PY} orders_cli.py import --help", cwd=d, env=env), n_typer_help)
    add("rich-markdown-readme", "python -m rich.markdown README.md", run(f"{PY} -m rich.markdown -w 100 -c README.md", cwd=d, env=env),
        n_rich_md)
    src = Path(cm.__file__).parent / "capture_wide10.py"
    add("rich-syntax-line-numbers", f"python -m rich.syntax -l -w 110 {src.name}",
        run(f"{PY} -m rich.syntax -l -w 110 {src}", cwd=d), n_rich_syntax)
    tools = Path(__file__).parent / "capture_wide10_tools.py"
    add("pygmentize-numbered-color", f"pygmentize -f terminal256 -O linenos=1 -l python {tools.name}",
        run(f"{PY.parent}/pygmentize -f terminal256 -O linenos=1 -l python {tools}", cwd=d), n_rich_syntax)


# ================================================================== searches and a git graph

n_rg_vimgrep = line_rule(
    "rg-vimgrep", "search",
    "Rule 5 on rg --vimgrep (file:line:col:text, one line per match): every match line (each is the answer to the search).",
    hit=r"^\S+:\d+:\d+:")


@kind("rg-heading-context", "search")
def n_rg_heading(lines):
    """Rule 5 on rg --heading -n -C2 (file headings, numbered match lines 'N:text', context lines 'N-text'): every file heading and every match line ('N:')."""
    return [ln for ln in lines if re.match(r"^\d+:", ln) or (ln and not re.match(r"^(\d+[-:]|--$)", ln))]


@kind("git-log-graph-emoji", "git")
def n_git_emoji(lines):
    """Rule 5 on git log --graph --format='%h%d %s' with gitmoji subjects: every commit line (hash and subject), branch/tag decorations included."""
    return [re.sub(r"^[*|/\\ _]+", "", ln) for ln in lines if re.search(r"\b[0-9a-f]{7,}\b", ln)]


GITMOJI = ["✨ feat: add parquet export", "🐛 fix: rounding in VAT for LU", "♻️ refactor: split reconcile", "📝 docs: troubleshooting",
           "✅ test: cover import dry-run", "⚡️ perf: batch inserts", "🔥 remove legacy importer", "🚑️ hotfix: lock timeout",
           "⬆️ bump sqlalchemy to 2.1", "🔒️ sanitize CSV formulas", "💥 drop python 3.9", "🚨 fix linter warnings"]


def cap_search_git(tmp: Path) -> None:
    d = tmp / "search"
    d.mkdir()
    site = next(Path(PY).parent.parent.glob("lib/python*/site-packages"))
    if RG.exists():
        add("rg-vimgrep-todo", "rg --vimgrep 'TODO|FIXME|XXX' site-packages/{rich,typer,alembic}",
            run(f"{RG} --vimgrep --sort path 'TODO|FIXME|XXX' rich typer alembic", cwd=site), n_rg_vimgrep)
        add("rg-heading-context", "rg --heading -n -C2 'def (escape|render\\w*)\\b' site-packages/rich",
            run(f"{RG} --heading -n -C2 --sort path 'def (escape|render\\w*)\\b' rich", cwd=site), n_rg_heading)
    g = tmp / "gitmoji"
    g.mkdir()
    env = {**w6.GIT_ENV, "HOME": str(tmp)}
    run("git init -q -b main . && git commit -q --allow-empty -m '🎉 initial commit'", cwd=g, env=env)
    for i in range(34):
        if i in (4, 19):
            run(f"git checkout -q -b feature/f{i}", cwd=g, env=env)
        if i in (8, 25):
            run(f"git checkout -q main && git merge -q --no-ff -m '🔀 merge feature/f{i - 4 if i == 8 else 19}' feature/f{i - 4 if i == 8 else 19}",
                cwd=g, env=env)
        (g / f"f{i % 5}.txt").write_text(f"{i}\n")
        run(f"git add -A && git commit -q -m '{GITMOJI[i % len(GITMOJI)]} (#{200 + i})'", cwd=g, env=env)
        if i in (3, 10, 27):
            run(f"git tag v1.{i // 3}.0", cwd=g, env=env)
    add("git-log-graph-gitmoji", "git log --graph --decorate --format='%h%d %s' --all",
        run("git log --graph --decorate --format='%h%d %s' --all", cwd=g, env=env), n_git_emoji)


STEPS = [cap_tf_json, cap_rendered, cap_search_git]
