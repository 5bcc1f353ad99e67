"""Round 11, the round's files as OpenCode's own tools render them: the real OpenCode (.tools/bin/opencode) run
headless against the project's model stub (capture_opencode.run_opencode) reads lockfiles, a notebook, specs,
schemas, configs and a CSV with its read tool, and fetches a spec, an API page and an HTML report from loopback
servers with its webfetch tool. Runs last (the files are the earlier steps'). Each item's needles are its format's
rule applied to the file's lines as rendered (the numbered content lines of read; the text webfetch returned),
plus the tool's own status line. Run through capture_wide11.py."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Callable

import capture_wide11 as w
from capture_more import add_or_skip as add, note
from capture_opencode import Spec, needles_webfetch_markdown, run_opencode, start_doc_server
from capture_wide11_gen import BERRY, BERRY_DEV, PNPM, PNPM_DEV, UV_DEPS, YARN1, cargo_direct, locks_dir, n_page, start_api

Extractor = Callable[[list[str]], list]


def specs(tmp: Path) -> list[tuple[Spec, Extractor]]:
    """What OpenCode reads and fetches, with each item's extractor; files an earlier step did not make are left out."""
    locks = locks_dir(tmp)
    bcrypt = locks / "bcrypt" / "bcrypt-4.0.1" / "src" / "_bcrypt"
    reads: list[tuple[str, Path, dict, Callable[[], Extractor]]] = [
        ("oc-read-yarn-lock-v1", locks / "orders-api/yarn.lock", {}, lambda: w.oc_read("oc-read-yarn-lock-v1", "pkg", w.yarn_v1(YARN1))),
        ("oc-read-yarn-lock-berry", locks / "web-client/yarn.lock", {},
         lambda: w.oc_read("oc-read-yarn-lock-berry", "pkg", w.yarn_berry({**BERRY, **BERRY_DEV}))),
        ("oc-read-pnpm-lock", locks / "ingest-svc/pnpm-lock.yaml", {},
         lambda: w.oc_read("oc-read-pnpm-lock", "pkg", w.pnpm_lock(list(PNPM) + list(PNPM_DEV)))),
        ("oc-read-uv-lock", locks / "inventory/uv.lock", {},
         lambda: w.oc_read("oc-read-uv-lock", "pkg", w.toml_lock("uv-lock", [x.split(">")[0] for x in UV_DEPS] + ["pytest"]))),
        ("oc-read-cargo-lock-bcrypt", bcrypt / "Cargo.lock", {},
         lambda: w.oc_read("oc-read-cargo-lock", "pkg", w.toml_lock("cargo-lock", cargo_direct(bcrypt)))),
        ("oc-read-ipynb-explore-packages", tmp / "inventory/explore_packages.ipynb", {}, lambda: w.oc_read("oc-read-ipynb", "json", w.n_ipynb)),
        ("oc-read-openapi-http-status-codes-yaml", tmp / "specs/http-status-codes.yaml", {},
         lambda: w.oc_read("oc-read-openapi-yaml", "doc", w.n_openapi_yaml)),
        ("oc-read-graphql-schema-range", tmp / "specs/schema.graphql", {"offset": 9500, "limit": 500},
         lambda: w.oc_read("oc-read-graphql", "code", w.n_graphql)),
        ("oc-read-descriptor-proto", tmp / "proto/google/protobuf/descriptor.proto", {}, lambda: w.oc_read("oc-read-proto", "code", w.n_proto)),
        ("oc-read-cmakelists-git", tmp / "conf/git/CMakeLists.txt", {}, lambda: w.oc_read("oc-read-cmakelists", "code", w.n_cmake)),
        ("oc-read-gh-workflow-pyenv", tmp / "conf/.github/workflows/modified_scripts_build.yml", {},
         lambda: w.oc_read("oc-read-gh-workflow", "doc", w.n_workflow)),
        ("oc-read-tsconfig-tsc-init", tmp / "web-app/tsconfig.json", {}, lambda: w.oc_read("oc-read-tsconfig", "doc", w.n_tsconfig)),
        ("oc-read-files-csv", tmp / "inventory/files.csv", {}, lambda: w.oc_read("oc-read-csv", "table", w.n_csv)),
        ("oc-read-php-ini-development", tmp / "conf/php.ini-development", {}, lambda: w.oc_read("oc-read-ini", "doc", w.n_ini)),
        ("oc-read-android-manifest", tmp / "project/android/app/src/main/AndroidManifest.xml", {},
         lambda: w.oc_read("oc-read-android-manifest", "doc", w.n_android_manifest)),
    ]
    out: list[tuple[Spec, Extractor]] = []
    for sid, path, extra, make in reads:
        if path.exists():
            out.append((Spec(sid, "", "", "read", {"filePath": str(path), **extra}), make()))
        else:
            note(f"skip {sid}: {path} not made")
    fetches: list[tuple[str, str, str, Path | None, Callable[[], Extractor]]] = [
        ("oc-webfetch-openapi-parameters-style-json", "{DOCS}/specs/parameters-style.json", "text", tmp / "specs/parameters-style.json",
         lambda: w.oc_text("oc-webfetch-openapi-json", "json", w.n_openapi_json)),
        ("oc-webfetch-api-packages-page-2", "{API}/api/packages?page=2&per_page=200", "text", tmp / "pkgs.json",
         lambda: w.oc_text("oc-webfetch-json-api-page", "json", n_page)),
        ("oc-webfetch-md-coverage-inventory-py", "{DOCS}/inventory-tests/htmlcov/inventory_py.html", "markdown",
         tmp / "inventory-tests/htmlcov/inventory_py.html",
         lambda: w.named("oc-webfetch-markdown", "doc", needles_webfetch_markdown.__doc__.strip().splitlines()[0], w.lines_of(needles_webfetch_markdown))),
    ]
    for sid, url, fmt, need, make in fetches:
        if need is None or need.exists():
            out.append((Spec(sid, "", "", "webfetch", {"url": url, "format": fmt}), make()))
        else:
            note(f"skip {sid}: {need} not made")
    return out


def cap_opencode(tmp: Path) -> None:
    """One OpenCode run over every spec; a tool error skips its item, a failed run skips them all (loudly)."""
    chosen = specs(tmp)
    docs = start_doc_server(str(tmp))
    api = start_api(tmp)
    bases = {"{DOCS}": f"http://127.0.0.1:{docs.server_address[1]}"}
    if api is not None:
        bases["{API}"] = f"http://127.0.0.1:{api.server_address[1]}"
    for spec, _ in chosen:
        for k, v in bases.items():
            if "url" in spec.args:
                spec.args["url"] = spec.args["url"].replace(k, v)
    chosen = [(s, e) for s, e in chosen if "{" not in s.args.get("url", "")]
    try:
        with tempfile.TemporaryDirectory(prefix="oc-w11-", dir=tmp) as oc_tmp:
            captured = run_opencode(Path(oc_tmp), [s for s, _ in chosen], "")
    except Exception as e:  # the OpenCode items are skipped, loudly, if the run fails
        note(f"skip OpenCode items: {type(e).__name__}: {e}")
        return
    finally:
        docs.shutdown()
        docs.server_close()
        if api is not None:
            api.shutdown()
            api.server_close()
    ext = {s.id: e for s, e in chosen}
    for spec, sent, text, is_error in captured:
        if is_error or text.lstrip().startswith(("Error", "<error>")):
            note(f"skip {spec.id}: tool error: {text[:200]}")
            continue
        command = dict(sent)
        if "url" in command:  # the port changes per run: the URL's path only
            for v in bases.values():
                command["url"] = command["url"].replace(v, "http://127.0.0.1:PORT")
        add(spec.id, json.dumps(command, sort_keys=True), text, ext[spec.id], tool=spec.tool)


STEPS = [cap_opencode]
