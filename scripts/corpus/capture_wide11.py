#!/usr/bin/env python3
"""Capture round 11 of the compression corpus (issue #11): FILES AND DATA FORMATS AN AGENT READS OR PRINTS.
Lockfiles (yarn v1 and berry, pnpm, Cargo, uv, go.sum, Gemfile, requirements with hashes), Jupyter notebooks
with outputs and an error, OpenAPI specs (JSON and YAML), GraphQL and protobuf schemas, HTML pages, SVG, XML
(XSD, JUnit, a .csproj, an Android manifest), SQL dumps, CSV/TSV with thousands of rows, minified JS/CSS and
source maps, config files (.env.example, php.ini, setup.cfg, tsconfig, Dockerfile, compose, k8s, kubeconfig
with base64 certificates, GitHub workflows, Makefile, CMakeLists, .gitignore), paginated JSON API answers and
very long single-line files, printed with cat/head/sed/jq/curl and, for a dozen of them, read by the real
OpenCode's own read/webfetch tools. This module holds the round's kinds (each rule written next to its kind,
before anything was captured) and main(); the captures are in capture_wide11_files.py (files that real packages
ship), capture_wide11_gen.py (lockfiles, tables, loopback servers), capture_wide11_runs.py (notebooks, test reports),
capture_wide11_project.py (hand-written project files) and capture_wide11_oc.py (the OpenCode runs).

Method (as capture_wide9b.py): every item's text is what a program REALLY printed here, on real files of real
packages installed from the registries into scratch dirs (/tmp/hm-corpus-wide11-tools) or found on this machine,
or files real tools generated (yarn, pnpm, uv, tsc --init, nbclient, coverage, pydoc, sqlite3, openssl for
throwaway keys). Needles follow scripts/corpus/NEEDLES.md and are computed from the raw output by the extractor
of the kind, before anything was measured; nothing captured here was compressed by its author.

Usage:   .venv/bin/python scripts/corpus/capture_wide11.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide11.json  as {"version": 2, "items": [...]}, ids prefixed "wide11-".
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import sys
from pathlib import Path
from typing import Any, Callable

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_data import categorical, num, rule4  # noqa: E402
from capture_more import kind, named  # noqa: E402
from capture_opencode import read_content_lines, status_needles  # noqa: E402

ID_PREFIX = "wide11-"  # set again in main(): every capture module sets cm.PREFIX at import
DEFAULT_OUT = HERE / "data" / "wide11.json"
TMP = Path("/tmp/hm-corpus-wide11")
TOOLS = Path("/tmp/hm-corpus-wide11-tools")

Extractor = Callable[[list[str]], list]


def matching(pat: str) -> Extractor:
    return lambda lines: [ln for ln in lines if re.search(pat, ln)]


def block_after(lines: list[str], i: int, pat: str, stop: str, ahead: int = 40) -> str | None:
    """The first line after i matching pat, before one matching stop."""
    for ln in lines[i + 1: i + 1 + ahead]:
        if re.search(stop, ln):
            return None
        if re.search(pat, ln):
            return ln
    return None


# ================================================================== lockfiles (rule 5: the resolved version of every direct dependency)

def yarn_v1(direct: dict[str, str]) -> Extractor:
    """Rule 5 on a yarn.lock v1: for every direct dependency (name@range of package.json), its entry header line and its 'version "x"' line."""
    def ext(lines):
        out = []
        for name, rng in direct.items():
            for i, ln in enumerate(lines):
                specs = [s.strip().strip('"') for s in ln.rstrip(":").split(",")] if ln.endswith(":") and not ln[0].isspace() else []
                if f"{name}@{rng}" in specs:
                    out += [ln, block_after(lines, i, r'^  version "', r"^\S")]
                    break
        return out
    return named("yarn-lock-v1", "pkg", yarn_v1.__doc__.strip(), ext)


def yarn_berry(direct: dict[str, str]) -> Extractor:
    """Rule 5 on a yarn.lock of yarn berry: for every direct dependency, its entry header line ("name@npm:range":) and its 'resolution: "name@npm:x"' line."""
    def ext(lines):
        out = []
        for name, rng in direct.items():
            for i, ln in enumerate(lines):
                if not ln[:1].isspace() and ln.endswith(":") and f"{name}@npm:{rng}" in [s.strip().strip('"') for s in ln.rstrip(":").split(",")]:
                    out += [ln, block_after(lines, i, r"^  resolution: ", r"^\S")]
                    break
        return out
    return named("yarn-lock-berry", "pkg", yarn_berry.__doc__.strip(), ext)


def pnpm_lock(direct: list[str]) -> Extractor:
    """Rule 5 on a pnpm-lock.yaml: for every direct dependency of the importer '.', its resolved 'version: x' line and its key line 'name@x:' in the packages section."""
    def ext(lines):
        out = []
        for name in direct:
            i = next(k for k, ln in enumerate(lines) if re.match(rf"^      '?{re.escape(name)}'?:$", ln))
            ver = block_after(lines, i, r"^        version: ", r"^      \S", 4)
            out.append(ver)
            v = ver.split("version: ", 1)[1].split("(")[0] if ver else ""
            out.append(next((ln for ln in lines if re.match(rf"^  '?{re.escape(name)}@{re.escape(v)}'?:$", ln)), None))
        return out
    return named("pnpm-lock", "pkg", pnpm_lock.__doc__.strip(), ext)


def toml_lock(kind_name: str, direct: list[str]) -> Extractor:
    """Rule 5 on a TOML lockfile ([[package]] tables: Cargo.lock, uv.lock): for every direct dependency, its 'name = "x"' line and the 'version = ' line under it."""
    def ext(lines):
        out = []
        for name in direct:
            for i, ln in enumerate(lines):
                if ln == f'name = "{name}"':
                    out += [ln, block_after(lines, i, r"^version = ", r"^\[", 3)]
        return out
    return named(kind_name, "pkg", toml_lock.__doc__.strip(), ext)


def go_sum(direct: list[tuple[str, str]]) -> Extractor:
    """Rule 5 on a go.sum: for every direct requirement of go.mod (module, version), its 'module version h1:' line (the tree hash, not the /go.mod one)."""
    def ext(lines):
        return [next((ln for ln in lines if ln.startswith(f"{m} {v} h1:")), None) for m, v in direct]
    return named("go-sum", "pkg", go_sum.__doc__.strip(), ext)


@kind("gemfile-lock", "pkg")
def n_gemfile_lock(lines):
    """Rule 5 on a Gemfile.lock: every DEPENDENCIES entry, the '    name (version)' specs line of each, and the BUNDLED WITH version line."""
    out, deps, sec = [], [], ""
    for i, ln in enumerate(lines):
        if ln and not ln[0].isspace():
            sec = ln
        elif sec == "DEPENDENCIES" and ln.strip():
            out.append(ln)
            deps.append(ln.split()[0].rstrip("!"))
        elif sec == "BUNDLED WITH" and ln.strip():
            out.append(ln)
    for d in deps:
        out.append(next((ln for ln in lines if re.match(rf"^    {re.escape(d)} \(", ln)), None))
    return out


@kind("requirements-hashes", "pkg")
def n_requirements_hashes(lines):
    """Rule 5 on a requirements.txt with --hash options: every pinned 'name==version' line."""
    return [ln for ln in lines if re.match(r"^[A-Za-z0-9][\w.\-\[\],]*==\S+", ln)]


# ================================================================== notebooks, API specs, schemas

def _json_string_line(lines: list[str], s: str) -> str | None:
    for enc in (json.dumps(s, ensure_ascii=False), json.dumps(s)):
        hit = next((ln for ln in lines if enc in ln), None)
        if hit:
            return hit
    return None


def notebook_needles(lines: list[str]) -> list:
    """Rule 5 on a Jupyter notebook (.ipynb JSON): every cell's first source line and every error output's ename and evalue lines."""
    nb = json.loads("\n".join(lines))
    out: list = []
    for cell in nb["cells"]:
        src = cell["source"] if isinstance(cell["source"], list) else cell["source"].splitlines(keepends=True)
        if src:
            out.append(_json_string_line(lines, src[0]))
        for o in cell.get("outputs", []):
            if o.get("output_type") == "error":
                out += [f'"ename": {json.dumps(o["ename"], ensure_ascii=False)}', f'"evalue": {json.dumps(o["evalue"], ensure_ascii=False)}']
    return out


n_ipynb = named("ipynb-cat", "json", notebook_needles.__doc__.strip(), notebook_needles)

HTTP_METHODS = ("get", "put", "post", "delete", "patch", "options", "head", "trace")


def openapi_json(lines: list[str]) -> list:
    """Rule 5 on an OpenAPI/Swagger spec printed as indented JSON: every path's key line and, for every method under it, its operationId line (else its summary line, else the method's key line)."""
    spec = json.loads("\n".join(lines))
    out: list = []
    for p, ops in spec.get("paths", {}).items():
        out.append(f"{json.dumps(p)}: {{")
        for m, op in ops.items():
            if m not in HTTP_METHODS:
                continue
            if op.get("operationId"):
                out.append(f'"operationId": {json.dumps(op["operationId"], ensure_ascii=False)}')
            elif op.get("summary"):
                out.append(f'"summary": {json.dumps(op["summary"], ensure_ascii=False)}')
            else:
                out.append(f'"{m}": {{')
    return out


n_openapi_json = named("openapi-json", "json", openapi_json.__doc__.strip(), openapi_json)


def openapi_yaml(lines: list[str]) -> list:
    """Rule 5 on an OpenAPI spec in YAML: every path's key line under 'paths:' and, for every method under it, its operationId line (else its summary line, else the method's key line)."""
    out: list = []
    inside = False
    for i, ln in enumerate(lines):
        if ln == "paths:":
            inside = True
            continue
        if inside and ln and not ln[0].isspace():
            break
        if inside and re.match(r"^  ['\"]?/", ln):
            out.append(ln)
        m = re.match(r"^    (\w+):\s*$", ln) if inside else None
        if m and m.group(1) in HTTP_METHODS:
            op = block_after(lines, i, r"^      operationId:", r"^    \S") or block_after(lines, i, r"^      summary:", r"^    \S")
            out.append(op or ln)
    return out


n_openapi_yaml = named("openapi-yaml", "doc", openapi_yaml.__doc__.strip(), openapi_yaml)

n_graphql = named("graphql-schema", "code", "Rule 6 on a GraphQL SDL schema: the first line of every type/interface/enum/input/union/scalar/schema/directive definition.",
                  matching(r"^(extend\s+)?(type|interface|enum|input|union|scalar|schema|directive)\b"))
n_proto = named("protobuf-idl", "code", "Rule 6 on a protobuf .proto file: the syntax and package lines and the first line of every message/enum/service/rpc/oneof definition.",
                matching(r"^\s*(syntax|package|message|enum|service|rpc|oneof)\b"))
n_xsd = named("xsd-cat", "code", "Rule 6 on an XML Schema: every named definition (xs:element at the top level, any named xs:complexType/simpleType/group/attributeGroup).",
              matching(r"^ {0,4}<xs:element\s+name=|<xs:(complexType|simpleType|group|attributeGroup)\s+name="))


@kind("svg-cat", "doc")
def n_svg(lines):
    """Rule 5 on an SVG file: the root <svg line (its size and viewBox), every line carrying an id="…" attribute, every <title> line, and every line holding visible text (a <text>/<tspan> with characters in it)."""
    return [ln for ln in lines if re.search(r"<svg\b", ln) or re.search(r'\sid="', ln) or "<title" in ln
            or re.search(r"<(text|tspan)\b[^>]*>[^<\s][^<]*<", ln)]


@kind("android-manifest", "doc")
def n_android_manifest(lines):
    """Rule 5 on an AndroidManifest.xml: the line holding package=, and every line holding an android:name= (each permission, activity, service, receiver, provider, intent action)."""
    return [ln for ln in lines if "package=" in ln or "android:name=" in ln]


@kind("csproj", "doc")
def n_csproj(lines):
    """Rule 5 on an MSBuild project (.csproj): every TargetFramework(s), PackageReference and ProjectReference line."""
    return [ln for ln in lines if re.search(r"<(TargetFrameworks?|PackageReference|ProjectReference)\b", ln)]


# ================================================================== tables and data

def _numeric_cols(rows: list[tuple[str, dict]], head: list[str]) -> list[str]:
    """The columns where >= 90% of the non-empty cells parse as numbers (as capture_data.needles_csv)."""
    out = []
    for c in head:
        vals = [r[c] for _, r in rows if str(r.get(c, "")).strip()]
        if vals and sum(num(v) is not None for v in vals) >= 0.9 * len(vals):
            out.append(c)
    return out


@kind("tsv-cat", "table")
def n_tsv(lines):
    """Rule 4 on a TSV printed with cat/head: the header line; rows with a rare value in a categorical column while one value dominates; min/max rows of every numeric column (as csv-cat, split on tabs)."""
    body = [ln for ln in lines if ln.strip()]
    head = body[0].split("\t")
    rows = [(ln, dict(zip(head, ln.split("\t")))) for ln in body[1:]]
    nums = _numeric_cols(rows, head)
    return rule4(rows, cat=categorical(rows, [c for c in head if c not in nums]), nums=nums, header=body[:1])


@kind("sql-dump", "code")
def n_sql_dump(lines):
    """Rules 6+4 on a SQL dump (sqlite3 .dump): the first line of every CREATE statement; per table, rule 4 on its INSERT rows (values parsed; columns named by position)."""
    out = [ln for ln in lines if re.match(r"^CREATE\s", ln)]
    tables: dict[str, list[tuple[str, dict]]] = {}
    for ln in lines:
        m = re.match(r"^INSERT INTO (\"?[\w]+\"?) VALUES\((.*)\);$", ln)
        if m:
            vals = next(csv.reader(io.StringIO(m.group(2)), quotechar="'", skipinitialspace=True))
            tables.setdefault(m.group(1), []).append((ln, {str(k): v for k, v in enumerate(vals)}))
    for rows in tables.values():
        head = list(rows[0][1])
        nums = _numeric_cols(rows, head)
        out += rule4(rows, cat=categorical(rows, [c for c in head if c not in nums]), nums=nums)
    return out


def json_page(key: str, cat: tuple[str, ...], nums: tuple[str, ...]) -> Extractor:
    """Rules 4+5 on a page of a paginated JSON API answer (pretty): the envelope's page/per_page/total/next lines; each record whose value in a categorical field is rare while one dominates, and the records of each numeric field's min and max, as the record's key line and the line of that value."""
    from capture_data import json_records_needles

    def ext(lines):
        doc = json.loads("\n".join(lines))
        env = [ln for ln in lines if re.match(r'^  "(page|per_page|total|next|count)": ', ln)]
        return env + json_records_needles("\n".join(lines), doc["items"], key, True, cat=cat, nums=nums)
    return named("json-api-page", "json", json_page.__doc__.strip(), ext)


def _csv(lines: list[str]) -> list:
    from capture_data import needles_csv
    return needles_csv("\n".join(lines))


n_csv = named("csv-cat", "table", "CSV printed with cat/head (rule 4): the header line; rows with a rare value in a categorical column while one value dominates; min/max rows of every numeric column (as capture_data.needles_csv).", _csv)
n_jq_lines = named("jq-string-array", "json", "Rule 5 on a JSON array of strings printed by jq (a source map's sources): every element.",
                   matching(r'^  "'))
FIRST200 = "Rule 6 on minified code / a single-line file: the first 200 characters of every non-blank line."
n_min_js = named("minified-js-cat", "code", FIRST200, matching(r"\S"))
n_min_css = named("minified-css-cat", "code", FIRST200, matching(r"\S"))
n_sourcemap = named("sourcemap-cat", "code", FIRST200, matching(r"\S"))
n_one_line = named("single-line-data-cat", "json", FIRST200, matching(r"\S"))
n_css = named("css-cat", "code", "Rule 6 on a stylesheet: every selector / at-rule line opening a block ('{' at the end), outside comments.",
              matching(r"^[^\s/*][^{}]*\{\s*$"))


# ================================================================== configuration files

n_ini = named("ini-cat", "doc", "Rule 5 on an .ini file: every [section] header and every active (uncommented) 'key = value' line.",
              matching(r"^\s*\[[^\]]+\]\s*$|^[A-Za-z_][\w.\-\[\]]*\s*=\s*"))
n_setup_cfg = named("setup-cfg", "doc", "Rule 5 on a setup.cfg / tox.ini: every [section] header and every key line at column 0 ('key =' / 'key:').",
                    matching(r"^\[[^\]]+\]\s*$|^[A-Za-z_][\w.\-]*\s*[=:]"))
n_env = named("env-file", "doc", "Rule 5 on a .env / .env.example: every active 'KEY=' assignment (its name and '=').",
              lambda lines: [m.group(0) for ln in lines for m in [re.match(r"^(export\s+)?[A-Z][A-Z0-9_]*=", ln)] if m])
n_tsconfig = named("tsconfig", "doc", "Rule 5 on a tsconfig.json: every active (uncommented) '\"option\": value' line.",
                   matching(r'^\s*"\w+":'))
n_dockerfile = named("dockerfile", "doc", "Rule 5 on a Dockerfile: the first line of every instruction (FROM, RUN, COPY, ENV, ARG, WORKDIR, EXPOSE, CMD, ENTRYPOINT, USER, …).",
                     matching(r"^(FROM|RUN|COPY|ADD|ENV|ARG|WORKDIR|EXPOSE|CMD|ENTRYPOINT|USER|LABEL|VOLUME|HEALTHCHECK|SHELL|ONBUILD|STOPSIGNAL)\b"))
n_compose = named("docker-compose", "doc", "Rule 5 on a docker-compose.yml: every service's key line under services:, and every image:, build:, ports entry and depends_on entry line.",
                  lambda lines: [ln for ln in lines if re.match(r"^  [\w.-]+:\s*$", ln) or re.match(r"^\s+(image|build):", ln)
                                 or re.match(r'^\s+- "?\d+:\d+', ln) or re.match(r"^\s+- [a-z][\w-]*$", ln)])
n_k8s = named("k8s-manifest", "doc", "Rule 5 on Kubernetes manifests: every kind: line, the metadata name: line after it, every image: line and every containerPort/port/targetPort line.",
              lambda lines: [ln for i, ln in enumerate(lines) if re.match(r"^kind:", ln) or re.match(r"^\s+(image|containerPort|port|targetPort):", ln)
                             or (re.match(r"^  name:", ln) and any(re.match(r"^metadata:", x) for x in lines[max(0, i - 2):i]))])
n_kubeconfig = named("kubeconfig", "doc", "Rule 5 on a kubeconfig: every server: line, every '- name:' line, current-context, and the first 200 characters of every *-data: (base64) line.",
                     matching(r"^\s+server:|^- name:|^current-context:|-data: "))
n_pem_config = named("config-inline-pem", "doc", "Rule 5 on a config file carrying inline PEM blocks: every key line (outside the PEM bodies) and every -----BEGIN line.",
                     lambda lines: [ln for ln in lines if "-----BEGIN" in ln or (re.match(r"^\s*[\w.-]+:", ln) and "-----" not in ln)])
n_workflow = named("gh-workflow", "doc", "Rule 5 on a GitHub Actions workflow: the name: line, every job id under jobs:, and every step's '- name:' / '- uses:' line.",
                   lambda lines: [ln for i, ln in enumerate(lines) if re.match(r"^name:", ln) or re.match(r"^\s+- (name|uses):", ln)
                                  or (re.match(r"^  [\w-]+:\s*$", ln) and _under(lines, i, "jobs:"))])
n_makefile = named("makefile", "code", "Rule 6 on a Makefile: every rule header (target line, not a recipe) and every .PHONY line.",
                   matching(r"^(\.PHONY|[\w./$(){}%-][^=\t#]*?)\s*::?(\s|$)(?!=)"))
n_cmake = named("cmakelists", "code", "Rule 6 on a CMakeLists.txt: the first line of every project/option/function/macro/add_library/add_executable/add_custom_target/add_subdirectory/find_package command.",
                matching(r"^\s*(project|option|function|macro|add_library|add_executable|add_custom_target|add_subdirectory|find_package)\s*\(", ))
n_gitignore = named("gitignore", "doc", "Rule 5 on a .gitignore: every pattern line (not blank, not a comment).",
                    matching(r"^[^#\s]"))


def _under(lines: list[str], i: int, top: str) -> bool:
    """Whether line i sits in the block of the top-level key `top`."""
    for ln in reversed(lines[:i]):
        if ln and not ln[0].isspace():
            return ln.rstrip() == top
    return False


# ================================================================== OpenCode's read / webfetch renderings

def oc_read(kind_name: str, family: str, inner: Extractor) -> Extractor:
    """An extractor of the file's own lines applied to OpenCode's read rendering: the needles of the numbered
    content lines (each a substring of its rendered 'N: line'), plus the read tool's status line."""
    def ext(lines):
        text = "\n".join(lines)
        return inner([code for _, code in read_content_lines(text)]) + status_needles(lines)
    return named(kind_name, family, f"{(inner.__doc__ or '').strip().splitlines()[0]} As OpenCode's read renders it; + read status line.", ext)


def oc_text(kind_name: str, family: str, inner: Extractor) -> Extractor:
    """An extractor of the file's own lines applied to the text OpenCode's webfetch returns, plus its notice."""
    def ext(lines):
        return inner(lines) + status_needles(lines)
    return named(kind_name, family, f"{(inner.__doc__ or '').strip().splitlines()[0]} As OpenCode's webfetch returns it; + truncation notice.", ext)


def lines_of(fn: Callable[..., tuple[list[Any], str]]) -> Extractor:
    """A capture_opencode extractor (text, spec) read as a lines extractor."""
    from capture_wide6 import oc
    return oc(fn)


# ================================================================== main

def steps() -> list:
    import capture_wide11_files as files  # files real packages ship
    import capture_wide11_gen as gen  # lockfiles, tables, loopback servers
    import capture_wide11_oc as oc  # OpenCode's read / webfetch of the round's files
    import capture_wide11_project as project  # hand-written project files, throwaway certificates
    import capture_wide11_runs as runs  # notebooks, test reports, tsconfig
    return files.STEPS + gen.STEPS + runs.STEPS + project.STEPS + oc.STEPS


def main() -> None:
    chosen = steps()
    import capture_wide11_files as files
    import capture_wide11_gen as gen
    files.ensure_tools()
    gen.ensure_tools()
    cm.PREFIX = ID_PREFIX
    cm.capture_main(__doc__, chosen, DEFAULT_OUT, TMP)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide11", sys.modules["__main__"])
    main()
