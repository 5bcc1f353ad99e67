"""Round 11, files that real packages ship, printed as an agent prints them (cat, head, sed -n, jq .,
python -m json.tool): npm packages installed from the registry into /tmp/hm-corpus-wide11-tools (OpenAPI
examples, GitHub's GraphQL schema, Google's protos, minified JS/CSS and source maps, caniuse data), and files of
this machine's own packages (php.ini, the Go tree's go.sum and Dockerfile, the Google Cloud SDK's protos and
vendored setup.cfg/tox.ini/.gitignore, pyenv's GitHub workflows, git's CMakeLists, CPython's Makefile, PHPUnit's
XSD, a Gemfile.lock of a Ruby gem, Node's API docs). Each file is copied into the scratch dir first, so the
printed paths are the same on any machine. Run through capture_wide11.py."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import capture_wide11 as w
from capture_more import add_or_skip as add, note, run
from capture_opencode import needles_webfetch_html

NM = w.TOOLS / "js" / "node_modules"
JS_PKGS = ["yarn@1", "@yarnpkg/cli-dist@4", "pnpm@9", "@readme/oas-examples", "@octokit/graphql-schema", "bootstrap-icons",
           "preact", "axios", "animate.css", "google-proto-files", "caniuse-lite", "dayjs", "typescript@5"]
GCLOUD = Path("/usr/lib/google-cloud-sdk")
GSUTIL3P = GCLOUD / "platform/gsutil/third_party"
GO_SRC = Path("/usr/share/go-1.19/src")

n_html = w.named("html-cat", "doc", needles_webfetch_html.__doc__.strip().splitlines()[0].replace("oc-webfetch-html", "html printed with cat/head")
                 + " (as oc-webfetch-html)", w.lines_of(needles_webfetch_html))


def ensure_tools() -> None:
    """The npm packages, once (the registry is the only network used)."""
    js = w.TOOLS / "js"
    if not (NM / "typescript").exists():
        js.mkdir(parents=True, exist_ok=True)
        (js / "package.json").write_text('{"name":"w11-tools","private":true,"version":"1.0.0"}\n')
        run("npm install --no-audit --no-fund --loglevel=error " + " ".join(JS_PKGS), cwd=js, timeout=900)


def stage(tmp: Path, src: Path, rel: str) -> Path | None:
    """Copy a real file to tmp/rel (so the command an agent types prints a stable path); None if absent."""
    if not src.exists():
        note(f"skip {rel}: {src} not found")
        return None
    dst = tmp / rel
    dst.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(src, dst)
    return dst


def cap_api_specs(tmp: Path) -> None:
    """OpenAPI/Swagger examples of @readme/oas-examples and GitHub's GraphQL schema."""
    d = tmp / "specs"
    oas = NM / "@readme" / "oas-examples"
    if stage(d, oas / "3.0/yaml/petstore-expanded.yaml", "petstore-expanded.yaml"):
        add("cat-openapi-petstore-expanded-yaml", "cat petstore-expanded.yaml", run("cat petstore-expanded.yaml", cwd=d), w.n_openapi_yaml)
    if stage(d, oas / "3.0/yaml/http-status-codes.yaml", "http-status-codes.yaml"):
        add("cat-openapi-http-status-codes-yaml", "cat openapi/http-status-codes.yaml",
            run("cat http-status-codes.yaml", cwd=d), w.n_openapi_yaml)
    if stage(d, oas / "3.0/json/parameters-style.json", "parameters-style.json"):
        add("jq-openapi-parameters-style", "jq . openapi/parameters-style.json", run("jq . parameters-style.json", cwd=d), w.n_openapi_json)
    if stage(d, oas / "2.0/json/petstore.json", "swagger.json"):
        add("json-tool-swagger2-petstore", "python -m json.tool swagger.json",
            run("python3 -m json.tool swagger.json", cwd=d), w.n_openapi_json)
    if stage(d, oas / "3.0/yaml/readme-legacy.yaml", "readme-legacy.yaml"):
        add("head-300-openapi-readme-legacy-yaml", "head -n 300 docs/api/readme-legacy.yaml",
            run("head -n 300 readme-legacy.yaml", cwd=d), w.n_openapi_yaml)
    if stage(d, NM / "@octokit/graphql-schema/schema.graphql", "schema.graphql"):
        add("head-400-graphql-github-schema", "head -n 400 schema.graphql", run("head -n 400 schema.graphql", cwd=d), w.n_graphql)
        add("sed-20000-20600-graphql-github-schema", "sed -n 20000,20600p schema.graphql",
            run("sed -n 20000,20600p schema.graphql", cwd=d), w.n_graphql)
        add("grep-A3-type-pullrequest-graphql", "grep -n -A3 '^type Pull' schema.graphql | head -n 200",
            run("grep -n -A3 '^type Pull' schema.graphql | head -n 200", cwd=d), w.named(
                "grep-A-graphql", "search", "Rule 6 on grep -n -A of a GraphQL schema: every matched definition line ('N:type X {').",
                w.matching(r"^\d+:(type|interface|enum|input|union)\b")))


def cap_protos(tmp: Path) -> None:
    """protobuf IDL files: Google's own (google-proto-files) and the Cloud SDK's Pub/Sub API."""
    d = tmp / "proto"
    if stage(d, GCLOUD / "lib/third_party/google/cloud/pubsub_v1/proto/pubsub.proto", "google/pubsub/v1/pubsub.proto"):
        add("sed-1-400-pubsub-proto", "sed -n 1,400p google/pubsub/v1/pubsub.proto",
            run("sed -n 1,400p google/pubsub/v1/pubsub.proto", cwd=d), w.n_proto)
    if stage(d, NM / "google-proto-files/google/protobuf/descriptor.proto", "google/protobuf/descriptor.proto"):
        add("head-300-descriptor-proto", "head -n 300 google/protobuf/descriptor.proto",
            run("head -n 300 google/protobuf/descriptor.proto", cwd=d), w.n_proto)
    if stage(d, NM / "google-proto-files/google/api/http.proto", "google/api/http.proto"):
        add("cat-google-api-http-proto", "cat google/api/http.proto", run("cat google/api/http.proto", cwd=d), w.n_proto)


def cap_frontend(tmp: Path) -> None:
    """Minified JS/CSS, source maps, an unminified stylesheet, an SVG sprite, single-line data files."""
    d = tmp / "web"
    if stage(d, NM / "axios/dist/axios.min.js", "node_modules/axios/dist/axios.min.js"):
        add("cat-axios-min-js", "cat node_modules/axios/dist/axios.min.js", run("cat node_modules/axios/dist/axios.min.js", cwd=d), w.n_min_js)
    if stage(d, NM / "dayjs/dayjs.min.js", "node_modules/dayjs/dayjs.min.js"):
        add("cat-dayjs-min-js", "cat node_modules/dayjs/dayjs.min.js", run("cat node_modules/dayjs/dayjs.min.js", cwd=d), w.n_min_js)
    if stage(d, NM / "animate.css/animate.min.css", "node_modules/animate.css/animate.min.css"):
        add("cat-animate-min-css", "cat node_modules/animate.css/animate.min.css",
            run("cat node_modules/animate.css/animate.min.css", cwd=d), w.n_min_css)
    if stage(d, NM / "animate.css/animate.css", "node_modules/animate.css/animate.css"):
        add("head-400-animate-css", "head -n 400 node_modules/animate.css/animate.css",
            run("head -n 400 node_modules/animate.css/animate.css", cwd=d), w.n_css)
    if stage(d, NM / "preact/dist/preact.mjs.map", "node_modules/preact/dist/preact.mjs.map"):
        add("cat-preact-mjs-map", "cat node_modules/preact/dist/preact.mjs.map",
            run("cat node_modules/preact/dist/preact.mjs.map", cwd=d), w.n_sourcemap)
    if stage(d, NM / "axios/dist/axios.min.js.map", "node_modules/axios/dist/axios.min.js.map"):
        add("jq-sources-axios-min-js-map", "jq .sources node_modules/axios/dist/axios.min.js.map",
            run("jq .sources node_modules/axios/dist/axios.min.js.map", cwd=d), w.n_jq_lines)
    if stage(d, NM / "caniuse-lite/data/agents.js", "node_modules/caniuse-lite/data/agents.js"):
        add("cat-caniuse-agents-js", "cat node_modules/caniuse-lite/data/agents.js",
            run("cat node_modules/caniuse-lite/data/agents.js", cwd=d), w.n_one_line)
    if stage(d, NM / "bootstrap-icons/bootstrap-icons.svg", "node_modules/bootstrap-icons/bootstrap-icons.svg"):
        add("head-c-60000-bootstrap-icons-sprite-svg", "head -c 60000 node_modules/bootstrap-icons/bootstrap-icons.svg",
            run("head -c 60000 node_modules/bootstrap-icons/bootstrap-icons.svg", cwd=d), w.n_svg)
    if stage(d, Path("/usr/share/doc/postgresql-common/dependencies.svg"), "doc/dependencies.svg"):
        add("cat-svg-postgresql-dependencies", "cat doc/dependencies.svg", run("cat doc/dependencies.svg", cwd=d), w.n_svg)
    if stage(d, Path("/usr/share/icons/hicolor/scalable/apps/gvim.svg"), "icons/gvim.svg"):
        add("cat-svg-gvim-icon", "cat icons/gvim.svg", run("cat icons/gvim.svg", cwd=d), w.n_svg)
    if (NM / ".package-lock.json").exists():
        add("jq-c-hidden-package-lock", "jq -c . node_modules/.package-lock.json",
            run(f"jq -c . {NM / '.package-lock.json'}"), w.n_one_line)


def cap_configs(tmp: Path) -> None:
    """Configuration files of real packages on this machine."""
    d = tmp / "conf"
    if stage(d, Path("/usr/lib/php/8.2/php.ini-development"), "php.ini-development"):
        add("cat-php-ini-development", "cat php.ini-development", run("cat php.ini-development", cwd=d), w.n_ini)
    for pkg, name in (("charset_normalizer", "setup.cfg"), ("pyasn1", "setup.cfg"), ("apitools", "tox.ini")):
        if stage(d / pkg, GSUTIL3P / pkg / name, name):
            add(f"cat-{name.replace('.', '-')}-{pkg.replace('_', '-')}", f"cat {name}", run(f"cat {name}", cwd=d / pkg), w.n_setup_cfg)
    if stage(d, GSUTIL3P / "pyparsing/.gitignore", "pyparsing/.gitignore"):
        add("cat-gitignore-pyparsing", "cat .gitignore", run("cat .gitignore", cwd=d / "pyparsing"), w.n_gitignore)
    if stage(d, GSUTIL3P / "charset_normalizer/.gitignore", "charset_normalizer/.gitignore"):
        add("cat-gitignore-charset-normalizer", "cat .gitignore", run("cat .gitignore", cwd=d / "charset_normalizer"), w.n_gitignore)
    if stage(d, GO_SRC / "crypto/internal/boring/Dockerfile", "boring/Dockerfile"):
        add("cat-dockerfile-go-boring", "cat Dockerfile", run("cat Dockerfile", cwd=d / "boring"), w.n_dockerfile)
    wf = Path("/root/.pyenv/.github/workflows")
    if stage(d, wf / "modified_scripts_build.yml", ".github/workflows/modified_scripts_build.yml"):
        add("cat-gh-workflow-pyenv-modified-scripts", "cat .github/workflows/modified_scripts_build.yml",
            run("cat .github/workflows/modified_scripts_build.yml", cwd=d), w.n_workflow)
    if stage(d, wf / "add_version.yml", ".github/workflows/add_version.yml"):
        add("cat-gh-workflow-pyenv-add-version", "cat .github/workflows/add_version.yml",
            run("cat .github/workflows/add_version.yml", cwd=d), w.n_workflow)
    if stage(d, Path("/usr/share/doc/git/contrib/buildsystems/CMakeLists.txt"), "git/CMakeLists.txt"):
        add("sed-1-320-cmakelists-git", "sed -n 1,320p contrib/buildsystems/CMakeLists.txt",
            run("sed -n 1,320p CMakeLists.txt", cwd=d / "git"), w.n_cmake)
    mk = Path("/root/.pyenv/versions/3.11.7/lib/python3.11/config-3.11-x86_64-linux-gnu/Makefile")
    if stage(d, mk, "cpython/Makefile"):
        add("sed-700-1000-makefile-cpython", "sed -n 700,1000p Makefile", run("sed -n 700,1000p Makefile", cwd=d / "cpython"), w.n_makefile)
        add("sed-1320-1560-makefile-cpython", "sed -n 1320,1560p Makefile", run("sed -n 1320,1560p Makefile", cwd=d / "cpython"), w.n_makefile)


def cap_xml_docs(tmp: Path) -> None:
    """XML schemas and HTML documentation pages."""
    d = tmp / "xml"
    if stage(d, Path("/usr/share/php/data/PHPUnit/phpunit.xsd"), "phpunit.xsd"):
        add("cat-phpunit-xsd", "cat vendor/phpunit/phpunit/phpunit.xsd", run("cat phpunit.xsd", cwd=d), w.n_xsd)
    api = Path("/usr/share/doc/nodejs/api")
    if stage(d, api / "os.html", "node-api/os.html"):
        add("cat-node-api-os-html", "cat doc/api/os.html", run("cat os.html", cwd=d / "node-api"), n_html)
    if stage(d, api / "dgram.html", "node-api/dgram.html"):
        add("head-400-node-api-dgram-html", "head -n 400 doc/api/dgram.html", run("head -n 400 dgram.html", cwd=d / "node-api"), n_html)


def cap_locks_shipped(tmp: Path) -> None:
    """Lockfiles that packages ship: the Go tree's cmd/go.sum (its go.mod's direct requirements) and a gem's Gemfile.lock."""
    d = tmp / "locks"
    if stage(d / "cmd", GO_SRC / "cmd/go.sum", "go.sum") and stage(d / "cmd", GO_SRC / "cmd/go.mod", "go.mod"):
        direct = _go_direct((GO_SRC / "cmd/go.mod").read_text())
        add("cat-go-sum-go-cmd", "cat go.sum", run("cat go.sum", cwd=d / "cmd"), w.go_sum(direct))
    gem = Path("/usr/lib/ruby/gems/3.1.0/gems/rbs-2.1.0/steep/Gemfile.lock")
    if stage(d / "steep", gem, "Gemfile.lock"):
        add("cat-gemfile-lock-rbs-steep", "cat steep/Gemfile.lock", run("cat Gemfile.lock", cwd=d / "steep"), w.n_gemfile_lock)


def _go_direct(gomod: str) -> list[tuple[str, str]]:
    """The direct requirements of a go.mod: (module, version) of every require line not marked // indirect."""
    out = []
    for ln in gomod.splitlines():
        m = re.match(r"^\s*(?:require\s+)?([\w.\-/]+\.[\w.\-/]+)\s+(v\S+)\s*(//.*)?$", ln)
        if m and "indirect" not in (m.group(3) or ""):
            out.append((m.group(1), m.group(2)))
    return out


STEPS = [cap_api_specs, cap_protos, cap_frontend, cap_configs, cap_xml_docs, cap_locks_shipped]
