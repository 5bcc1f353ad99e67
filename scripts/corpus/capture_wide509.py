#!/usr/bin/env python3
"""Round 509: project templates, changelogs, code generators, i18n lint, e-mail and template compilers, licence
reports (cookiecutter and copier failing, j2lint, git-cliff, commitizen's bump and changelog dry runs,
datamodel-codegen, openapi-python-client generate, dennis lint and status, handlebars precompile and parse errors,
mjml validation, license-report) on a lifeboat station's tooling (seed 50910) with faults put in. See NEEDLES.md,
round 509.

Usage:   .venv/bin/python scripts/corpus/capture_wide509.py
Writes:  scripts/corpus/data/wide509.json, ids prefixed "wide509-".
Tools:   cookiecutter, copier, j2lint, git-cliff, commitizen, datamodel-code-generator, openapi-python-client, dennis
         in /dev/shm/hm-corpus-wide509/venv; handlebars, mjml, license-report in /dev/shm/hm-corpus-wide509/js
         (both made once); Debian's git.
"""
from __future__ import annotations

import json
import random
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_data import any_of, python_exceptions  # noqa: E402

ROOT = Path("/dev/shm/hm-corpus-wide509")
TMP = Path("/dev/shm/hm-corpus-wide509-run")
VENV = ROOT / "venv"
JS = ROOT / "js"
OUT = HERE / "data" / "wide509.json"
SEED = 50910
S = cm.Sized(400, 120_000)
kind = cm.kind
PY_TOOLS = ["cookiecutter", "copier", "j2lint", "git-cliff", "commitizen", "datamodel-code-generator",
            "openapi-python-client", "dennis"]
NPM_TOOLS = ["handlebars", "mjml", "license-report"]

# ================================================================== extractors (fixed before capture)

ERRW = re.compile(r"Error|error:|Exception|failed|is undefined")
TPL_PATH = re.compile(r"\.j2\b|\{\{\s*cookiecutter|hooks/|/\S")


@kind("cookiecutter-error", "build")
def n_cookiecutter(lines):
    """python_exceptions; every line naming an error (Error, error:, Exception, failed, is undefined) and the first template-path line after it within six"""
    out = python_exceptions(lines)
    for i, ln in enumerate(lines):
        if ERRW.search(ln):
            out.append(ln)
            for k in range(i + 1, min(len(lines), i + 7)):
                if TPL_PATH.search(lines[k]):
                    out.append(lines[k])
                    break
    return out


def rare(rows, key):
    """Rule 4's anomalous rows: those whose key occurs in at most 2 rows while the most common key covers half."""
    if not rows:
        return []
    c = Counter(key(r) for r in rows)
    if max(c.values()) * 2 < len(rows):
        return []
    return [r for r in rows if c[key(r)] <= 2]


ACTION = re.compile(r"^\s{2,}([a-z]+)\s+(\S.*)$")


@kind("copier-copy", "build")
def n_copier(lines):
    """as cookiecutter-error; action lines whose action occurs in at most 2 lines while the most common covers half; the last action line"""
    out = n_cookiecutter(lines)
    acts = [ln for ln in lines if ACTION.match(ln)]
    out += rare(acts, lambda ln: ACTION.match(ln).group(1))
    if acts:
        out.append(acts[-1])
    return out


FINDING = re.compile(r"\S+:\d+ ")
RULE_ID = re.compile(r"\(([\w.-]+)\)\s*$")


@kind("j2lint", "lint")
def n_j2lint(lines):
    """path:line findings in the ERRORS part each; in WARNINGS one any per (rule id, path); the error(s)/warning(s) count line"""
    out, part, warn = [], None, []
    for ln in lines:
        if "JINJA2 LINT ERRORS" in ln:
            part = "E"
        elif "JINJA2 LINT WARNINGS" in ln:
            part = "W"
        elif re.search(r"\d+ error\(s\)|\d+ warning\(s\)", ln):
            out.append(ln)
        elif FINDING.search(ln):
            if part == "W":
                m = RULE_ID.search(ln)
                path = FINDING.search(ln).group(0).rsplit(":", 1)[0]
                warn.append(((m.group(1) if m else "", path), ln))
            else:
                out.append(ln)
    return out + cm.groups(warn)


HEADING = re.compile(r"^#{1,6} ")
WARNW = re.compile(r"WARN|ERROR|Error")


def headings(lines):
    """Every Markdown heading and the first non-blank line under it (before the next heading)."""
    out = []
    for i, ln in enumerate(lines):
        if HEADING.match(ln):
            out.append(ln)
            for k in range(i + 1, len(lines)):
                if HEADING.match(lines[k]):
                    break
                if lines[k].strip():
                    out.append(lines[k])
                    break
    return out


def doc_lines(lines):
    return headings(lines) + [ln for ln in lines if WARNW.search(ln)]


N_CLIFF = cm.named("git-cliff", "doc", "every Markdown heading and the first non-blank line under each; every WARN/ERROR/Error line", doc_lines)
N_CZ_LOG = cm.named("cz-changelog-dry-run", "doc", "every Markdown heading and the first non-blank line under each; every WARN/ERROR/Error line", doc_lines)


@kind("cz-bump-dry-run", "pkg")
def n_cz_bump(lines):
    """bump:/tag to create:/increment detected: lines; every error or No commits/NO_COMMITS line; headings and the first non-blank line under each"""
    out = [ln for ln in lines if ln.lstrip().startswith(("bump:", "tag to create:", "increment detected:"))
           or re.search(r"[Ee]rror|No commits|NO_COMMITS", ln)]
    return out + headings(lines)


@kind("datamodel-codegen", "code")
def n_datamodel(lines):
    """top-level class/def lines, the #   filename: header; python_exceptions and every Error line"""
    out = [ln for ln in lines if ln.startswith(("class ", "def ")) or ln.startswith("#   filename:")]
    out += python_exceptions(lines)
    out += [ln for ln in lines if "Error" in ln and not ln.startswith(("class ", "    "))]
    return out


@kind("openapi-python-client-generate", "build")
def n_opc(lines):
    """WARNING/ERROR lines and the first non-blank line after each; Warning(s)/Error(s) encountered lines; python_exceptions"""
    out = python_exceptions(lines)
    for i, ln in enumerate(lines):
        if ln.startswith(("WARNING", "ERROR")):
            out.append(ln)
            for k in range(i + 1, min(len(lines), i + 7)):
                if lines[k].strip():
                    out.append(lines[k])
                    break
        elif "Warning(s) encountered" in ln or "Error(s) encountered" in ln:
            out.append(ln)
    return out


@kind("dennis-lint", "lint")
def n_dennis_lint(lines):
    """Error: lines and the msgid line after each within six; Warning: lines one any per (W code, file); the totals count lines"""
    out, warn, cur = [], [], ""
    for i, ln in enumerate(lines):
        s = ln.strip()
        if s.startswith(">>> Working on:"):
            cur = s
        elif s.startswith("Error:"):
            out.append(ln)
            for k in range(i + 1, min(len(lines), i + 7)):
                if lines[k].strip().startswith("msgid"):
                    out.append(lines[k])
                    break
        elif s.startswith("Warning:"):
            m = re.search(r"\bW\d+\b", s)
            warn.append(((m.group(0) if m else s, cur), ln))
        elif re.match(r"^(Warnings|Errors|Total\w*)\b[^:]*:\s*\d", s):
            out.append(ln)
    return out + cm.groups(warn)


@kind("dennis-status", "table")
def n_dennis_status(lines):
    """every >>> Working on: line and every count line (Label: number)"""
    return [ln for ln in lines if ln.strip().startswith(">>> Working on:")
            or re.match(r"^\s*[A-Za-z][\w ()%-]*:\s+\d", ln)]


@kind("handlebars-precompile", "code")
def n_hbs(lines):
    """every line holding templates[' or templates[" (a template's definition)"""
    return [ln for ln in lines if "templates['" in ln or 'templates["' in ln]


@kind("handlebars-parse-error", "build")
def n_hbs_err(lines):
    """every Error / Parse error line, the Expecting line and the first at-stack line after each within six"""
    out = []
    for i, ln in enumerate(lines):
        if "Error" in ln or "Parse error on line" in ln:
            out.append(ln)
            got_exp = got_at = False
            for k in range(i + 1, min(len(lines), i + 7)):
                s = lines[k].strip()
                if not got_exp and s.startswith("Expecting"):
                    out.append(lines[k]); got_exp = True
                if not got_at and s.startswith("at "):
                    out.append(lines[k]); got_at = True
    return out


@kind("mjml-validate", "lint")
def n_mjml(lines):
    """every Line N of <file> finding, every line naming an error or failed"""
    return [ln for ln in lines if re.search(r"Line \d+ of ", ln) or re.search(r"(?i)error|failed", ln)]


def table_rows(lines, md: bool):
    rows = []
    for ln in lines:
        if not ln.strip():
            continue
        if md:
            if "|" not in ln or re.fullmatch(r"[\s|:-]+", ln):
                continue
            cells = [c.strip() for c in ln.strip().strip("|").split("|")]
        else:
            if re.fullmatch(r"[\s=+-]+", ln):
                continue
            cells = re.split(r"\s{2,}", ln.strip())
        rows.append((ln, cells))
    return rows


def n_table(lines, md):
    rows = table_rows(lines, md)
    if not rows:
        return []
    out = [rows[0][0]]
    body = rows[1:]
    ncol = max((len(c) for _, c in body), default=0)
    for j in range(ncol):
        out += [ln for ln, _ in rare(body, lambda r: r[1][j] if j < len(r[1]) else "")]
    return out


N_LR_TABLE = cm.named("license-report-table", "table", "the header row; per column each row whose value occurs in at most 2 rows while the most common covers half (rows split on 2+ blanks)",
         lambda lines: n_table(lines, False))
N_LR_MD = cm.named("license-report-markdown", "table", "the header row; per column each row whose value occurs in at most 2 rows while the most common covers half (rows split on |)",
         lambda lines: n_table(lines, True))

# ================================================================== material (seed 50910)

CREWS = ["Arbuthnot", "Belcher", "Carrow", "Dunmore", "Esslemont", "Fairlie", "Grieve", "Hackett", "Imrie", "Jamieson",
         "Kerr", "Lamont", "Munro", "Nicol", "Ogilvie", "Pirie", "Quayle", "Rennie", "Slessor", "Tulloch"]
SCOPES = ["slipway", "maroons", "pager", "rota", "radio", "tractor", "boathouse", "winch", "crew", "launch"]
THINGS = ["coxswain sign-off", "slipway winch log", "maroon firing check", "pager escalation", "crew muster time",
          "launch authority", "tide window", "shout report", "boarding ladder", "drysuit inventory", "VHF channel 16 watch",
          "half-tide launch", "recovery cradle", "fuel top-up", "helmsman rota", "casualty handover"]
TYPES = ["feat"] * 5 + ["fix"] * 6 + ["docs", "chore", "refactor", "perf", "test", "ci", "build"]


def fast_import_stream(rng: random.Random, n: int, every: int, version0: str) -> tuple[str, str]:
    out, t, ver, last_tag = [], 1767225600, [0, 1, 0], ""
    pyproject = None
    for i in range(1, n + 1):
        t += rng.randint(600, 40000)
        r = rng.random()
        if r < 0.09:
            subj = rng.choice(["wip", "Update README", f"Merge branch 'crew/{rng.choice(CREWS).lower()}'",
                               "tidy", f"more {rng.choice(THINGS)} stuff"])
        else:
            ty = rng.choice(TYPES)
            sc = f"({rng.choice(SCOPES)})" if rng.random() < 0.7 else ""
            bang = "!" if ty == "feat" and rng.random() < 0.03 else ""
            verb = {"feat": "add", "fix": "correct", "docs": "document", "perf": "speed up", "test": "cover",
                    "refactor": "split", "chore": "bump", "ci": "run", "build": "pin"}[ty]
            subj = f"{ty}{sc}{bang}: {verb} {rng.choice(THINGS)} for {rng.choice(CREWS)} watch"
        body = subj + "\n"
        if rng.random() < 0.15:
            body += f"\nThe station at berth {rng.randint(1, 9)} reported it after shout #{rng.randint(100, 999)}.\n"
        if rng.random() < 0.02:
            body += f"\nBREAKING CHANGE: the {rng.choice(THINGS)} field is renamed\n"
        who = rng.choice(CREWS)
        out.append(f"commit refs/heads/main\nmark :{i}\nauthor {who} <{who.lower()}@station.invalid> {t} +0000\n"
                   f"committer {who} <{who.lower()}@station.invalid> {t} +0000\ndata {len(body.encode())}\n{body}")
        if i > 1:
            out.append(f"from :{i - 1}\n")
        if i == 1:
            pyproject = "PLACEHOLDER"
            out.append("M 644 inline pyproject.toml\ndata <<EOT\nPYPROJECT\nEOT\n")
        out.append("\n")
        if i % every == 0 and i < n - every // 2:
            ver = [ver[0], ver[1] + 1, 0] if rng.random() < 0.7 else [ver[0], ver[1], ver[2] + 1]
            last_tag = "v" + ".".join(map(str, ver))
            out.append(f"reset refs/tags/{last_tag}\nfrom :{i}\n\n")
    return "".join(out), last_tag


def make_repo(d: Path, n: int, every: int, seed: int) -> str:
    rng = random.Random(seed)
    stream, last = fast_import_stream(rng, n, every, "0.1.0")
    pyproj = ("[project]\\nname = \"launchbook\"\\nversion = \"VER\"\\n\\n[tool.commitizen]\\nname = \"cz_conventional_commits\"\\n"
              "version = \"VER\"\\ntag_format = \"v$version\"\\nupdate_changelog_on_bump = false\\n")
    pyproj = pyproj.replace("\\n", "\n").replace("VER", last[1:])
    stream = stream.replace("PYPROJECT", pyproj.rstrip("\n"))
    d.mkdir(parents=True)
    cm.run("git init -q -b main . && git config user.email ops@station.invalid && git config user.name Ops", cwd=d)
    (d.parent / f"{d.name}.fi").write_text(stream)
    cm.run(f"git fast-import --quiet < ../{d.name}.fi && git checkout -q -f main", cwd=d)
    return last


def step_changelog(tmp: Path) -> None:
    repo = tmp / "launchbook"
    last = make_repo(repo, 900, 60, SEED)
    cm.note(f"launchbook last tag {last}: {cm.run('git log --oneline | wc -l; git tag | wc -l', cwd=repo).split()}")
    cm.run("git-cliff --init", cwd=repo)
    tags = cm.run("git tag --sort=creatordate", cwd=repo).split()
    cm.run("git tag --sort=v:refname", cwd=repo)
    S.cap("cliff-full", "git-cliff", repo, N_CLIFF)
    S.cap("cliff-latest", "git-cliff --latest", repo, N_CLIFF)
    S.cap("cliff-unreleased-bump", "git-cliff --unreleased --bump", repo, N_CLIFF)
    if len(tags) > 8:
        S.cap("cliff-range", f"git-cliff {tags[3]}..{tags[7]}", repo, N_CLIFF)
    S.cap("cliff-verbose-range", f"git-cliff -v {tags[-3]}..HEAD", repo, N_CLIFF)
    S.cap("cliff-bad-range", "git-cliff v7.0.0..v8.0.0 -v", repo, N_CLIFF)
    # commitizen
    S.cap("cz-changelog-full", "cz changelog --dry-run", repo, N_CZ_LOG)
    S.cap("cz-changelog-range", f"cz changelog --dry-run {tags[4][1:]}..{tags[8][1:]}", repo, N_CZ_LOG)
    cm.run("cz changelog", cwd=repo)  # CHANGELOG.md written: what follows is incremental
    S.cap("cz-changelog-incremental", "cz changelog --dry-run --incremental", repo, N_CZ_LOG)
    S.cap("cz-bump", "cz bump --dry-run --yes", repo, n_cz_bump)
    S.cap("cz-bump-changelog", "cz bump --dry-run --yes --changelog", repo, n_cz_bump)
    S.cap("cz-bump-major-rc", "cz bump --dry-run --yes --increment MAJOR --prerelease rc --changelog", repo, n_cz_bump)


COOKIE_JSON = {
    "station_name": "Carrow Point Lifeboat Station", "slug": "carrow_point", "station_code": "CPT",
    "coxswain": "Esslemont", "boat_class": ["Shannon", "Tamar", "Atlantic 85", "D class"],
    "launch_method": ["slipway", "tractor", "davit", "floating"], "maroons": "no",
    "crews": {f"crew_{i:02d}": {"name": CREWS[i % len(CREWS)], "pager": f"07{700 + i:03d} {100000 + 37 * i}",
                               "role": ["helm", "mechanic", "navigator", "crew", "shore crew"][i % 5]} for i in range(40)},
}


def cookie_tree(tmp: Path, name: str, faults: dict[str, str]) -> Path:
    root = tmp / name
    base = "{{cookiecutter.slug}}"
    files = {"cookiecutter.json": json.dumps(COOKIE_JSON, indent=2)}
    for i, th in enumerate(THINGS):
        files[f"{base}/docs/{th.replace(' ', '_').replace('-', '_')}.md"] = (
            f"# {th} at {{{{ cookiecutter.station_name }}}}\n\nCoxswain: {{{{ cookiecutter.coxswain }}}}\n"
            f"Boat: {{{{ cookiecutter.boat_class }}}} ({{{{ cookiecutter.launch_method }}}} launch)\n")
    files[f"{base}/rota.md"] = ("# Rota\n{% for k, c in cookiecutter.crews.items() %}- {{ c.name }} ({{ c.role }}) "
                                "{{ c.pager }}\n{% endfor %}\n")
    files[f"{base}/README.md"] = "# {{ cookiecutter.station_name }}\n"
    files.update(faults)
    cm.write_tree(root, files)
    return root


def step_cookiecutter(tmp: Path) -> None:
    out = tmp / "cc-out"
    b = "{{cookiecutter.slug}}"
    cases = {
        "undefined": {f"{b}/launch/authority.md": "Authorised by {{ cookiecutter.station_cod }} / {{ cookiecutter.coxswain }}\n"},
        "syntax": {f"{b}/maroons.md": "{% if cookiecutter.maroons == 'yes' %}\nFire two maroons.\n{% for c in cookiecutter.crews %}\n{{ c }}\n{% endif %}\n"},
        "filter": {f"{b}/pager.cfg": "station={{ cookiecutter.station_name | kebabcase }}\n"},
        "prehook": {"hooks/pre_gen_project.py": (
            "import sys\ncode = '{{ cookiecutter.station_code }}'\nslug = '{{ cookiecutter.slug }}'\n"
            "print(f'checking station code {code} and slug {slug}')\n"
            "if len(code) != 4:\n    print(f'ERROR: station code {code!r} must be 4 letters (RNLI style), got {len(code)}')\n"
            "    sys.exit(1)\n")},
        "posthook": {"hooks/post_gen_project.py": (
            "import json, pathlib\nrota = pathlib.Path('rota.md').read_text().splitlines()\n"
            "print(f'rota has {len(rota)} lines')\nslipway = json.loads(pathlib.Path('slipway.json').read_text())\n")},
    }
    for name, faults in cases.items():
        tpl = cookie_tree(tmp, f"stationrota-{name}", faults)
        S.cap(f"cookiecutter-{name}", f"cookiecutter --no-input -f -o {out} {tpl.name}", tmp, n_cookiecutter)
    S.cap("cookiecutter-undefined-verbose", f"cookiecutter --no-input -f -v -o {out} stationrota-undefined", tmp, n_cookiecutter)


COPIER_YML = """\
_templates_suffix: .jinja
{extra}
station_name:
  type: str
  default: Carrow Point
station_code:
  type: str
  default: cpt
  validator: "{{% if not (station_code | regex_search('^[A-Z]{{3}}$')) %}}station code must be three capitals{{% endif %}}"
launch_method:
  type: str
  choices: [slipway, tractor, davit, floating]
  default: slipway
crew_size:
  type: int
  default: 24
"""


def copier_tree(tmp: Path, name: str, extra: str, faults: dict[str, str]) -> Path:
    root = tmp / name
    files = {"copier.yml": COPIER_YML.format(extra=extra)}
    for i, th in enumerate(THINGS):
        stem = th.replace(" ", "_").replace("-", "_")
        files[f"docs/{stem}.md.jinja"] = f"# {th} at {{{{ station_name }}}} ({{{{ station_code }}}})\n"
        files[f"station/{stem}.py.jinja"] = f"CREW_SIZE = {{{{ crew_size }}}}\nLAUNCH = '{{{{ launch_method }}}}'\n"
        files[f"static/{stem}.txt"] = f"{th}\n"
    files.update(faults)
    cm.write_tree(root, files)
    return root


def step_copier(tmp: Path) -> None:
    copier_tree(tmp, "rota-ok", "", {})
    S.cap("copier-validator", "copier copy --defaults rota-ok dst-validator", tmp, n_copier)
    cm.run("copier copy --defaults --data station_code=CPT --data crew_size=31 rota-ok dst-ok", cwd=tmp)  # the first copy
    # the second copy into the same place: existing files, two of them changed by hand
    (tmp / "dst-ok" / "docs" / "tide_window.md").write_text("# tide window, edited by the coxswain\n")
    (tmp / "dst-ok" / "static" / "maroon_firing_check.txt").write_text("fire two\n")
    S.cap("copier-skip-existing", "copier copy --defaults --overwrite --skip 'static/*' --data station_code=CPT --data crew_size=31 "
          "rota-ok dst-ok", tmp, n_copier)
    copier_tree(tmp, "rota-syntax", "", {"docs/launch_authority.md.jinja": "{% if launch_method == 'slipway' %}\nWinch first.\n"})
    S.cap("copier-syntax", "copier copy --defaults --data station_code=CPT rota-syntax dst-syntax", tmp, n_copier)
    copier_tree(tmp, "rota-filter", "", {"station/pager.py.jinja": "STATION = '{{ station_name | kebab }}'\n"})
    S.cap("copier-filter", "copier copy --defaults --data station_code=CPT rota-filter dst-filter", tmp, n_copier)
    copier_tree(tmp, "rota-task", "_tasks:\n  - \"python3 -c \\\"import sys; print('maroon check: no maroons in store'); sys.exit(3)\\\"\"\n", {})
    S.cap("copier-task", "copier copy --trust --defaults --data station_code=CPT rota-task dst-task", tmp, n_copier)


J2_LINES = [
    "{{ station.name }} notice for {{ crew.name }}",
    "{{station.code}} / {{ crew.pager}}",
    "{%if crew.role == 'helm'%}Helm on watch{% endif %}",
    "{% for c in crews %}",
    "    {{ c.name }} {{ c.role }}",
    "\t{{ c.pager }}",
    "{% endfor %}",
    "{% set launchTime = tide.window %}",
    "{% set crew-size = crews | length %}",
    "{% if tide.height>2 %}High water launch{% endif %}",
    "{% if maroons %}{% set fired = true %}{% endif %}",
    "{{ launchTime }}   ",
    "{%- if slipway.clear -%} clear {%- endif -%}",
    "  {% if radio.ch16 %}",
    "Ch16 watch by {{ radio.operator }}",
    "  {% endif %}",
]


def step_j2lint(tmp: Path) -> None:
    rng = random.Random(SEED + 1)
    root = tmp / "tidewarden"
    files = {}
    for sub, n in (("notices", 24), ("rota", 18), ("shouts", 30)):
        for i in range(n):
            body = "\n".join(rng.choice(J2_LINES) for _ in range(rng.randint(8, 30)))
            files[f"templates/{sub}/{sub[:-1]}_{i:02d}.j2"] = body + "\n"
    files["templates/crew_page.j2"] = "\n".join(J2_LINES) + "\n"
    cm.write_tree(root, files)
    S.cap("j2lint-rota-page", "j2lint templates/rota templates/crew_page.j2", root, n_j2lint)
    S.cap("j2lint-notices", "j2lint templates/notices", root, n_j2lint)
    S.cap("j2lint-warn", "j2lint --warn S3 S4 V1 V2 -- templates/rota", root, n_j2lint)
    S.cap("j2lint-verbose", "j2lint -v templates/crew_page.j2", root, n_j2lint)
    S.cap("j2lint-ignore", "j2lint --ignore S1 S3 -- templates/shouts", root, n_j2lint)


def keelwatch_schema(rng: random.Random, n: int, broken: bool) -> dict:
    defs = {}
    names = [f"{a}{b}" for a in ("Shout", "Launch", "Crew", "Slipway", "Maroon", "Pager", "Tide", "Casualty", "Boat", "Rota")
             for b in ("Record", "Summary", "Event", "Entry", "Detail", "Update", "Note", "Window", "Check", "Log",
                       "Report", "Audit", "Change", "Signal", "Alert", "State", "Handover", "Request")][:n]
    for i, nm in enumerate(names):
        props = {"id": {"type": "string", "format": "uuid"}, "station_code": {"type": "string", "pattern": "^[A-Z]{3}$"},
                 "at": {"type": "string", "format": "date-time"}}
        for j in range(rng.randint(3, 9)):
            t = rng.choice(["int", "str", "enum", "arr", "ref", "num", "bool", "obj"])
            key = f"{rng.choice(['crew', 'tide', 'winch', 'pager', 'maroon', 'launch', 'boat', 'sea'])}_{rng.choice(['count', 'state', 'height', 'minutes', 'name', 'kind', 'ref', 'notes'])}"
            if t == "int":
                props[key] = {"type": "integer", "minimum": 0, "maximum": rng.randint(10, 999)}
            elif t == "str":
                props[key] = {"type": "string", "maxLength": rng.randint(8, 200)}
            elif t == "enum":
                props[key] = {"type": "string", "enum": rng.sample(["slipway", "tractor", "davit", "floating", "ILB", "ALB", "stood-down", "on-service"], 3)}
            elif t == "arr":
                props[key] = {"type": "array", "items": {"$ref": f"#/$defs/{rng.choice(names[: i + 1])}"}}
            elif t == "ref" and i:
                props[key] = {"$ref": f"#/$defs/{rng.choice(names[:i])}"}
            elif t == "num":
                props[key] = {"type": "number", "exclusiveMinimum": 0}
            elif t == "bool":
                props[key] = {"type": "boolean", "default": False}
            else:
                props[key] = {"type": "object", "additionalProperties": {"type": "integer"}}
        defs[nm] = {"type": "object", "description": f"A {nm} kept by the station.", "properties": props,
                    "required": ["id", "station_code"]}
    if broken:
        defs[names[5]]["properties"]["slipway_ref"] = {"$ref": "#/$defs/SlipwayRecrod"}
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": "Keelwatch",
            "type": "object", "properties": {nm[0].lower() + nm[1:]: {"$ref": f"#/$defs/{nm}"} for nm in names[:6]},
            "$defs": defs}


def keelwatch_openapi(rng: random.Random, n_paths: int) -> dict:
    schema = keelwatch_schema(rng, 40, False)
    comps = {k: json.loads(json.dumps(v).replace("#/$defs/", "#/components/schemas/")) for k, v in schema["$defs"].items()}
    names = list(comps)
    paths = {}
    for i in range(n_paths):
        nm = names[i % len(names)]
        base = f"/stations/{{station_code}}/{nm.lower()}s"
        op = {"operationId": f"list_{nm.lower()}s_{i}", "tags": [nm[:5].lower()],
              "parameters": [{"name": "station_code", "in": "path", "required": True, "schema": {"type": "string"}},
                             {"name": "limit", "in": "query", "schema": {"type": "integer"}}],
              "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": f"#/components/schemas/{nm}"}}}}}}}
        f = i % 9
        if f == 1:
            op["responses"]["200"]["content"] = {"application/xml": {"schema": {"$ref": f"#/components/schemas/{nm}"}}}
        elif f == 3:
            op["responses"]["200"]["content"]["application/json"]["schema"]["items"]["$ref"] = f"#/components/schemas/{nm}Missing"
        elif f == 5:
            op["parameters"].append({"name": "crew", "in": "cookie", "schema": {"type": "string"}})
        elif f == 7:
            op["parameters"].append({"name": "limit", "in": "query", "schema": {"type": "string"}})
            op["requestBody"] = {"content": {"text/csv": {"schema": {"type": "string"}}}}
        paths[base + (f"/{i}" if i >= len(names) else "")] = {"get": op}
    return {"openapi": "3.0.3", "info": {"title": "Keelwatch", "version": "0.9.1"}, "paths": paths,
            "components": {"schemas": comps}}


def step_codegen(tmp: Path) -> None:
    rng = random.Random(SEED + 2)
    d = tmp / "keelwatch"
    d.mkdir()
    (d / "keelwatch.schema.json").write_text(json.dumps(keelwatch_schema(rng, 180, False), indent=2))
    (d / "keelwatch-small.schema.json").write_text(json.dumps(keelwatch_schema(rng, 30, False), indent=2))
    (d / "keelwatch-broken.schema.json").write_text(json.dumps(keelwatch_schema(rng, 30, True), indent=2))
    (d / "keelwatch-trunc.schema.json").write_text(json.dumps(keelwatch_schema(rng, 12, False), indent=2)[:-400])
    api = keelwatch_openapi(rng, 90)
    (d / "openapi.json").write_text(json.dumps(api, indent=1))
    small = keelwatch_openapi(random.Random(SEED + 3), 14)
    (d / "openapi-small.json").write_text(json.dumps(small, indent=1))
    (d / "swagger.json").write_text(json.dumps({"swagger": "2.0", "info": {"title": "Keelwatch", "version": "0.1"},
                                                  "paths": {"/shouts": {"get": {"responses": {"200": {"description": "ok"}}}}}}))
    S.cap("dmcg-full", "datamodel-codegen --input keelwatch.schema.json --input-file-type jsonschema", d, n_datamodel)
    S.cap("dmcg-dataclass", "datamodel-codegen --input keelwatch-small.schema.json --input-file-type jsonschema "
          "--output-model-type dataclasses.dataclass", d, n_datamodel)
    S.cap("dmcg-openapi", "datamodel-codegen --input openapi-small.json --input-file-type openapi "
          "--output-model-type pydantic_v2.BaseModel", d, n_datamodel)
    S.cap("dmcg-broken-ref", "datamodel-codegen --input keelwatch-broken.schema.json --input-file-type jsonschema", d, n_datamodel)
    S.cap("dmcg-truncated", "datamodel-codegen --input keelwatch-trunc.schema.json --input-file-type jsonschema", d, n_datamodel)
    S.cap("opc-full", "openapi-python-client generate --path openapi.json --output-path client --overwrite", d, n_opc, timeout=300)
    S.cap("opc-small", "openapi-python-client generate --path openapi-small.json --output-path client-small --overwrite "
          "--meta none", d, n_opc, timeout=300)
    S.cap("opc-swagger", "openapi-python-client generate --path swagger.json --output-path client-sw --overwrite", d, n_opc)


PO_MSGS = ["Launch authorised by %(coxswain)s at %(time)s", "{0} crew mustered at the {1}", "Pager test for %s",
           "Maroons fired: %(count)d", "Slipway clear", "Tide window closes in {minutes} minutes",
           "Shout #%(number)d stood down", "<b>Casualty</b> handed to %(agency)s", "Recovery up the slipway at %(time)s",
           "Winch log signed by {name}", "%(boat)s on service", "Crew: %(helm)s (helm), %(mech)s (mechanic)"]
LANGS = {"fr": "FR", "de": "DE", "cy": "CY", "nb": "NB"}


def po_file(rng: random.Random, lang: str, n: int) -> str:
    out = [f'msgid ""\nmsgstr ""\n"Project-Id-Version: greenwater 2.4\\n"\n"Language: {lang}\\n"\n'
           '"Content-Type: text/plain; charset=UTF-8\\n"\n"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n']
    for i in range(n):
        src = rng.choice(PO_MSGS) + f" ({i})"
        dst = f"[{LANGS[lang]}] " + src
        r = rng.random()
        flags = "#, python-format\n" if "%(" in src or "%s" in src or "%d" in src else "#, python-brace-format\n" if "{" in src else ""
        if r < 0.05:
            dst = dst.replace("%(", "%(x").replace("{", "{ ")
        elif r < 0.09:
            dst = re.sub(r"%\(\w+\)[sd]|\{\w*\}|%s", "", dst)
        elif r < 0.12:
            dst = ""
        elif r < 0.15:
            flags = "#, fuzzy\n" + flags
        elif r < 0.17:
            dst = dst.replace("<b>", "<b").replace("</b>", "")
        elif r < 0.19:
            dst = dst + " %(extra)s"
        elif r < 0.21:
            dst = "  " + dst + "  "
        out.append(f"#: greenwater/{rng.choice(SCOPES)}.py:{rng.randint(10, 900)}\n{flags}"
                   f"msgid {json.dumps(src, ensure_ascii=False)}\nmsgstr {json.dumps(dst, ensure_ascii=False)}\n")
    return "\n".join(out)


def step_dennis(tmp: Path) -> None:
    rng = random.Random(SEED + 4)
    root = tmp / "greenwater"
    files = {f"locale/{lang}/LC_MESSAGES/messages.po": po_file(rng, lang, n) for lang, n in
             (("fr", 420), ("de", 300), ("cy", 160), ("nb", 60))}
    cm.write_tree(root, files)
    S.cap("dennis-lint-all", "dennis-cmd lint locale", root, n_dennis_lint)
    S.cap("dennis-lint-cy", "dennis-cmd lint locale/cy/LC_MESSAGES/messages.po", root, n_dennis_lint)
    S.cap("dennis-lint-errorsonly", "dennis-cmd lint --errorsonly locale", root, n_dennis_lint)
    S.cap("dennis-status-all", "dennis-cmd status locale/*/LC_MESSAGES/messages.po", root, n_dennis_status)
    S.cap("dennis-status-fr", "dennis-cmd status --showuntranslated --showfuzzy locale/fr/LC_MESSAGES/messages.po", root, n_dennis_status)


HBS = ["<div class=\"shout\">{{#each shouts}}<p>{{number}} {{boat}} {{#if maroons}}maroons{{/if}}</p>{{/each}}</div>",
       "{{#with coxswain}}<h2>{{name}}</h2><span>{{pager}}</span>{{/with}}",
       "{{> crewRow crew=this}}",
       "{{#unless slipway.clear}}<strong>Slipway blocked: {{slipway.reason}}</strong>{{else}}clear{{/unless}}",
       "<ul>{{#each crews as |c i|}}<li data-i=\"{{i}}\">{{c.name}} ({{c.role}})</li>{{/each}}</ul>",
       "{{{launch.notes}}} {{tide.height}}m at {{tide.time}}"]


def step_handlebars(tmp: Path) -> None:
    rng = random.Random(SEED + 5)
    root = tmp / "shoutboard"
    files = {}
    for sub, n in (("board", 16), ("pager", 12)):
        for i in range(n):
            files[f"templates/{sub}/{sub}_{i:02d}.handlebars"] = "\n".join(rng.choice(HBS) for _ in range(rng.randint(3, 9))) + "\n"
    files["broken/unclosed.handlebars"] = HBS[0] + "\n{{#each crews}}<li>{{name}}</li>\n<p>end of board</p>\n"
    files["broken/mismatch.handlebars"] = "{{#if shout}}\n<h1>{{shout.number}}</h1>\n{{/each}}\n"
    files["broken/badmustache.handlebars"] = "\n".join(HBS[:3]) + "\n<p>{{tide.height}</p>\n{{> }}\n"
    cm.write_tree(root, files)
    S.cap("hbs-precompile-board", "handlebars templates/board/ -e handlebars", root, n_hbs)
    S.cap("hbs-precompile-pager", "handlebars templates/pager/ -e handlebars", root, n_hbs)
    for b in ("unclosed", "mismatch", "badmustache"):
        S.cap(f"hbs-error-{b}", f"handlebars broken/{b}.handlebars", root, n_hbs_err)


MJ_BODY = ["<mj-section><mj-column><mj-text font-size=\"18px\">Shout {n} launched</mj-text></mj-column></mj-section>",
           "<mj-section><mj-column><mj-image src=\"https://station.invalid/slipway.png\" width=\"300px\" /></mj-column></mj-section>",
           "<mj-section><mj-column><mj-button href=\"https://station.invalid/rota\">Rota</mj-button></mj-column></mj-section>",
           "<mj-section><mj-column><mj-text maroons=\"two\">Maroons fired</mj-text></mj-column></mj-section>",
           "<mj-column><mj-text>Crew mustered</mj-text></mj-column>",
           "<mj-section><mj-column><mj-slipway>Recovery</mj-slipway></mj-column></mj-section>",
           "<mj-section padding=\"10pz\"><mj-column><mj-divider border-width=\"2\" /></mj-column></mj-section>",
           "<mj-section><mj-column><mj-text color=\"navy-ish\">Tide {n}</mj-text></mj-column></mj-section>"]


def step_mjml(tmp: Path) -> None:
    rng = random.Random(SEED + 6)
    root = tmp / "launchlog"
    files = {}
    for i in range(28):
        body = "\n".join(rng.choice(MJ_BODY).format(n=i * 10 + k) for k in range(rng.randint(4, 14)))
        files[f"emails/shout_{i:02d}.mjml"] = f"<mjml>\n<mj-body>\n{body}\n</mj-body>\n</mjml>\n"
    cm.write_tree(root, files)
    S.cap("mjml-validate-all", "mjml --validate emails/*.mjml", root, n_mjml)
    S.cap("mjml-strict-one", "mjml --config.validationLevel=strict -s emails/shout_03.mjml", root, n_mjml)
    S.cap("mjml-strict-dir", "mjml --config.validationLevel=strict emails/*.mjml -o out/", root, n_mjml)


def step_license_report(tmp: Path) -> None:
    rng = random.Random(SEED + 7)
    root = tmp / "shoutboard-app"
    nm = root / "node_modules"
    nm.mkdir(parents=True)
    pkgs = sorted(p.name for p in (JS / "node_modules").iterdir() if not p.name.startswith((".", "@")))
    chosen = rng.sample(pkgs, min(70, len(pkgs)))
    deps = {}
    for p in chosen:
        (nm / p).symlink_to(JS / "node_modules" / p)
        deps[p] = "^" + json.loads((JS / "node_modules" / p / "package.json").read_text()).get("version", "0.0.0")
    odd = {"fendoff-signals": None, "fendoff-rota": "UNLICENSED", "fendoff-winch": "SEE LICENSE IN LICENSE.txt",
           "fendoff-pager": {"type": "MIT", "url": "https://station.invalid/l"}, "fendoff-tide": "(MIT OR GPL-3.0-or-later)"}
    for name, lic in odd.items():
        pj = {"name": name, "version": f"0.{rng.randint(1, 9)}.{rng.randint(0, 9)}", "author": "Carrow Point crew"}
        if lic is not None:
            pj["license"] = lic
        (nm / name).mkdir()
        (nm / name / "package.json").write_text(json.dumps(pj))
        deps[name] = "^" + pj["version"]
    deps["fendoff-maroons"] = "^1.0.0"  # declared, never installed
    dev = dict(list(deps.items())[:12])
    prod = dict(list(deps.items())[12:])
    (root / "package.json").write_text(json.dumps({"name": "shoutboard-app", "version": "2.4.0", "dependencies": prod,
                                                   "devDependencies": dev}, indent=2))
    reg = "--registry=http://127.0.0.1:28509/"
    fields = "--fields=name --fields=licenseType --fields=installedVersion --fields=author --fields=link"
    S.cap("lr-table", f"license-report --output=table {fields} {reg}", root, N_LR_TABLE, timeout=120)
    S.cap("lr-table-prod", f"license-report --output=table --only=prod {fields} {reg}", root, N_LR_TABLE, timeout=120)
    S.cap("lr-markdown", f"license-report --output=markdown {fields} {reg}", root, N_LR_MD, timeout=120)


def ensure_tools() -> None:
    cm.install_venv(VENV, "dennis-cmd", PY_TOOLS)
    cm.install_npm(JS, "mjml", NPM_TOOLS)
    cm.PATH_PREFIX[:0] = [str(VENV / "bin"), str(JS / "node_modules" / ".bin")]


def steps():
    return [step_changelog, step_cookiecutter, step_copier, step_j2lint, step_codegen, step_dennis, step_handlebars,
            step_mjml, step_license_report]


if __name__ == "__main__":
    cm.capture_round(__doc__, ensure_tools, steps, "wide509-", OUT, TMP)
