#!/usr/bin/env python3
"""Whole-session cost benchmark (issue 11, "Whole sessions, in dollars").

The REAL OpenCode (the pinned binary) runs scripted coding sessions on small real repositories
(scripts/bench_session_repos.py: a Python package with a failing test, a JS project with an ordering
bug, a CLI that crashes on its log), launched through `headroom-mitm` exactly as a user would
(`headroom-mitm --route … opencode run …`, so the launcher registers the headroom_retrieve MCP
server), once with compression and once with `--no-compress`, for an Anthropic-shaped provider
(built-in `anthropic`, api.anthropic.com routed to the stub) and an OpenAI-shaped one (an
`@ai-sdk/openai-compatible` provider at a made-up host routed to the stub).

The model is the local stub (headroom_mitm.stub) with its prompt-cache emulation on: a fresh cache
per run, usage reported as the provider would (Anthropic breakpoints; OpenAI automatic prefix caching
in 128-token steps from 1024 tokens; tokens counted by the stub's deterministic approximation, see
addon/headroom_mitm/stub/cache.py).

Dollars at list prices (US$ per million tokens; pricing.py holds no prices of its own, it reads
OpenCode's models.dev cache at run time):
  Anthropic Claude Sonnet 4.x: input 3.00, 5-minute cache write 3.75, cache read 0.30, output 15.00
  OpenAI GPT-4.1:             input 2.00, cached input 0.50, output 8.00

Cache breaks caused by the proxy: request i of a session is one when the compressed run's request i
does not extend the compressed run's request i-1 as a prefix (unit by unit: tool definitions,
system blocks, content blocks / messages; cache_control markers ignored) while the uncompressed
run's request i does extend its request i-1. Must be 0.

  .venv/bin/python scripts/bench_session.py [--json PATH] [--jobs N] [--timeout S] [--keep]

Only loopback: every host OpenCode contacts is routed to the stub; OpenCode's models fetch and
autoupdate are off. Every process a run starts is killed (its process group) when the run ends.
"""

from __future__ import annotations

import argparse
import concurrent.futures as cf
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

from bench_session_repos import SESSIONS, Session, build_script, create_repo  # noqa: E402
from machine import describe  # noqa: E402

from headroom_mitm.launcher.env import isolated_home  # noqa: E402
from headroom_mitm.stub import StubServer, parse_conversation  # noqa: E402
from headroom_mitm.stub.cache import extends, segments_for  # noqa: E402

STUB_HOST = "llm.session-bench.invalid"
PROVIDERS = {
    # name: (OpenCode model, stub api, price sheet)
    "anthropic": ("anthropic/claude-sonnet-4-5", "anthropic"),
    "openai": ("stub/gpt-4.1", "openai"),
}
PRICES = {  # US$ per million tokens
    "anthropic": {"label": "Claude Sonnet 4.x", "input": 3.00, "cache_write": 3.75, "cache_read": 0.30, "output": 15.00},
    "openai": {"label": "GPT-4.1", "input": 2.00, "cache_write": 2.00, "cache_read": 0.50, "output": 8.00},
}
MARKER = "headroom_retrieve id="


@dataclass
class RunResult:
    session: str
    provider: str
    compress: bool
    rc: int | None
    seconds: float
    requests: int = 0
    prompt_tokens: int = 0  # everything sent, cached or not
    input_tokens: int = 0  # uncached input (Anthropic input_tokens; OpenAI prompt - cached)
    cache_read: int = 0
    cache_write: int = 0
    output_tokens: int = 0
    dollars: float = 0.0
    retrieve_tool: bool = False  # every request's tool list held a *headroom_retrieve tool
    lossy_markers: int = 0  # tool results carrying a headroom_retrieve marker (in the last request)
    per_request: list[dict] = field(default_factory=list)
    segments: list = field(default_factory=list, repr=False)
    error: str = ""
    unrouted_hosts: list[str] = field(default_factory=list)  # hosts in the audit trail not routed to the stub


def cost(provider: str, r: RunResult) -> float:
    p = PRICES[provider]
    return (r.input_tokens * p["input"] + r.cache_write * p["cache_write"] + r.cache_read * p["cache_read"]
            + r.output_tokens * p["output"]) / 1e6


def _env(run_dir: Path, work: Path) -> dict[str, str]:
    from tests.e2e.harness import opencode_binary  # noqa: PLC0415 - the tests' resolver of the pinned binary

    tools = str(Path(opencode_binary()).resolve().parent)
    venv_bin = str(Path(sys.executable).parent)  # python with pytest, rg
    config = {
        "provider": {
            "stub": {
                "npm": "@ai-sdk/openai-compatible",
                "options": {"baseURL": f"https://{STUB_HOST}/v1", "apiKey": "sk-session-bench-0123456789"},
                "models": {"gpt-4.1": {}},
            }
        }
    }
    env = {
        "PATH": os.pathsep.join([venv_bin, tools, "/usr/local/bin", "/usr/bin", "/bin"]),
        **isolated_home(run_dir / "home"),
        "TMPDIR": str(run_dir / "tmp"),
        "PWD": str(work),
        "OPENCODE_CONFIG_CONTENT": json.dumps(config),
        "OPENCODE_DISABLE_MODELS_FETCH": "1",
        "OPENCODE_DISABLE_AUTOUPDATE": "1",
        "ANTHROPIC_API_KEY": "sk-ant-session-bench-0123456789",
        "LANG": "C.UTF-8",
        "GIT_PAGER": "cat",
        "PAGER": "cat",
        "npm_config_update_notifier": "false",
        "npm_config_fund": "false",
        "npm_config_audit": "false",
        "NO_COLOR": "1",
    }
    return env


def run_one(session: Session, provider: str, compress: bool, root: Path, timeout: float) -> RunResult:
    from tests.e2e.harness import opencode_binary  # noqa: PLC0415

    slug = f"{session.name.split()[0]}-{provider[:3]}-{'c' if compress else 'u'}"
    run_dir = root / slug
    work = run_dir / "work"
    for d in ("home", "state", "tmp"):
        (run_dir / d).mkdir(parents=True, exist_ok=True)
    create_repo(work, session.files())
    model, api = PROVIDERS[provider]
    result = RunResult(session.name, provider, compress, None, 0.0)
    with StubServer(build_script(session, work), prompt_cache=True) as stub:
        argv = [
            sys.executable, "-m", "headroom_mitm",
            "--state-dir", str(run_dir / "state"),
            "--opencode-bin", opencode_binary(),
            "--route", f"{STUB_HOST}={stub.base_url}",
            "--route", f"api.anthropic.com={stub.base_url}",
            "--route", f"registry.npmjs.org={stub.base_url}",
            "--route", f"models.dev={stub.base_url}",
            *([] if compress else ["--no-compress"]),
            "opencode", "run", "--title", "session bench", "-m", model, session.prompt,
        ]
        t0 = time.monotonic()
        proc = subprocess.Popen(argv, env=_env(run_dir, work), cwd=work, stdin=subprocess.DEVNULL,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
        try:
            out, err = proc.communicate(timeout=timeout)
            result.rc = proc.returncode
        except subprocess.TimeoutExpired:
            result.error = f"timed out after {timeout:.0f}s"
            out, err = "", ""
        finally:
            try:
                os.killpg(proc.pid, signal.SIGKILL)  # the launcher's group: proxy, OpenCode, MCP server, tools
            except ProcessLookupError:
                pass
            if proc.poll() is None:
                proc.wait(10)
        result.seconds = time.monotonic() - t0
        (run_dir / "stdout.txt").write_text(out or "")
        (run_dir / "stderr.txt").write_text(err or "")
        if result.rc not in (0, None) and not result.error:
            result.error = f"rc={result.rc}: {(err or '')[-400:]}"
        exchanges = [(r, u) for r, u in stub.exchanges if r.json is not None]
    routed = {STUB_HOST, "api.anthropic.com", "registry.npmjs.org", "models.dev"}
    audit = run_dir / "state" / "records" / "audit.jsonl"
    hosts = set()
    if audit.exists():
        for line in audit.read_text().splitlines():
            try:
                hosts.add(json.loads(line).get("host"))
            except ValueError:
                continue
    result.unrouted_hosts = sorted(h for h in hosts if h and h not in routed and h not in ("127.0.0.1", "localhost"))
    for request, usage in exchanges:
        tools = request.json.get("tools") or []
        names = [str(t.get("name") or (t.get("function") or {}).get("name", "")) for t in tools]
        has_retrieve = any(n.endswith("headroom_retrieve") for n in names)
        prompt = usage["prompt_tokens"]
        read = usage["cache_read_tokens"]
        write = usage["cache_write_tokens"]
        uncached = prompt - read - write
        result.per_request.append({"prompt": prompt, "input": uncached, "cache_read": read, "cache_write": write,
                                   "output": usage["output_tokens"], "retrieve_tool": has_retrieve,
                                   "bytes": len(request.body)})
        result.segments.append(segments_for(api, request.json))
    result.requests = len(result.per_request)
    for row in result.per_request:
        result.prompt_tokens += row["prompt"]
        result.input_tokens += row["input"]
        result.cache_read += row["cache_read"]
        result.cache_write += row["cache_write"]
        result.output_tokens += row["output"]
    result.retrieve_tool = bool(result.per_request) and all(r["retrieve_tool"] for r in result.per_request)
    if exchanges:
        last = parse_conversation(api, exchanges[-1][0].json)
        result.lossy_markers = sum(1 for t in last.tool_results if MARKER in t.content)
    result.dollars = cost(provider, result)
    return result


def non_extending(segments: list) -> list[bool]:
    """For each request after the first: True when it does NOT extend the previous one."""
    return [not extends(segments[i - 1], segments[i]) for i in range(1, len(segments))]


def proxy_cache_breaks(compressed: RunResult, plain: RunResult) -> tuple[int, int, int]:
    """(breaks caused by the proxy, non-extending requests with compression, without)."""
    c, u = non_extending(compressed.segments), non_extending(plain.segments)
    n = min(len(c), len(u))
    breaks = sum(1 for i in range(n) if c[i] and not u[i])
    return breaks, sum(c), sum(u)


def fmt_int(n: int) -> str:
    return f"{n:,}"


def table(pairs: list[tuple[RunResult, RunResult, int, int, int]]) -> str:
    head = ("| session | provider (prices) | compression | requests | input tokens (all) | uncached input | cache read "
            "| cache write | output | US$ | saving | proxy cache breaks |")
    lines = [head, "|" + "---|" * 12]
    totals: dict[str, dict[str, list]] = {}
    for comp, plain, breaks, _, _ in pairs:
        label = f"{comp.provider} ({PRICES[comp.provider]['label']})"
        for r in (plain, comp):
            saving = ""
            if r is comp and plain.dollars:
                saving = f"{(plain.dollars - comp.dollars) / plain.dollars * 100:.1f}%"
            lines.append(
                f"| {r.session} | {label} | {'on' if r.compress else 'off'} | {r.requests} | {fmt_int(r.prompt_tokens)} "
                f"| {fmt_int(r.input_tokens)} | {fmt_int(r.cache_read)} | {fmt_int(r.cache_write)} | {fmt_int(r.output_tokens)} "
                f"| {r.dollars:.4f} | {saving} | {breaks if r is comp else ''} |"
            )
            t = totals.setdefault(comp.provider, {"on": [0] * 7 + [0.0], "off": [0] * 7 + [0.0]})
            row = t["on" if r.compress else "off"]
            for k, v in enumerate((r.requests, r.prompt_tokens, r.input_tokens, r.cache_read, r.cache_write,
                                   r.output_tokens, breaks if r is comp else 0)):
                row[k] += v
            row[7] += r.dollars
    for provider, t in totals.items():
        label = f"{provider} ({PRICES[provider]['label']})"
        for mode in ("off", "on"):
            row = t[mode]
            saving = f"{(t['off'][7] - t['on'][7]) / t['off'][7] * 100:.1f}%" if mode == "on" and t["off"][7] else ""
            lines.append(
                f"| **total** | {label} | {mode} | {row[0]} | {fmt_int(row[1])} | {fmt_int(row[2])} | {fmt_int(row[3])} "
                f"| {fmt_int(row[4])} | {fmt_int(row[5])} | {row[7]:.4f} | {saving} | {row[6] if mode == 'on' else ''} |"
            )
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description="whole-session cost benchmark: real OpenCode, stub model with prompt caching")
    ap.add_argument("--json", type=Path, help="write per-run and per-request figures here")
    ap.add_argument("--jobs", type=int, default=4, help="runs in parallel (default 4)")
    ap.add_argument("--timeout", type=float, default=180.0, help="seconds per OpenCode session")
    ap.add_argument("--providers", default="anthropic,openai")
    ap.add_argument("--sessions", help="comma-separated session name prefixes (default: all)")
    ap.add_argument("--keep", action="store_true", help="keep the working trees and logs")
    args = ap.parse_args()
    providers = [p for p in args.providers.split(",") if p]
    for p in providers:
        if p not in PROVIDERS:
            ap.error(f"unknown provider {p!r}")
    os.chdir(REPO)
    sys.path.insert(0, str(REPO))  # tests.e2e.harness
    root = Path(tempfile.mkdtemp(prefix="hr-sess-"))
    started = time.monotonic()
    sessions = [s for s in SESSIONS if not args.sessions or any(s.name.startswith(x) for x in args.sessions.split(","))]
    jobs = [(s, p, c) for s in sessions for p in providers for c in (True, False)]
    results: dict[tuple[str, str, bool], RunResult] = {}
    try:
        with cf.ThreadPoolExecutor(max_workers=args.jobs) as pool:
            futures = {pool.submit(run_one, s, p, c, root, args.timeout): (s.name, p, c) for s, p, c in jobs}
            for fut in cf.as_completed(futures):
                key = futures[fut]
                try:
                    results[key] = fut.result()
                except Exception as exc:  # report and continue: one broken run must not hide the others
                    results[key] = RunResult(key[0], key[1], key[2], None, 0.0, error=repr(exc))
                r = results[key]
                print(f"  {r.session:<16} {r.provider:<9} compression {'on ' if r.compress else 'off'}: "
                      f"{r.requests} requests, {r.seconds:.1f}s{'  ERROR ' + r.error if r.error else ''}",
                      file=sys.stderr, flush=True)
    finally:
        if args.keep:
            print(f"kept: {root}", file=sys.stderr)
        else:
            shutil.rmtree(root, ignore_errors=True)
    pairs = []
    problems = []
    for s in sessions:
        for p in providers:
            comp, plain = results[(s.name, p, True)], results[(s.name, p, False)]
            breaks, c_non, u_non = proxy_cache_breaks(comp, plain)
            pairs.append((comp, plain, breaks, c_non, u_non))
            for r in (comp, plain):
                if r.error:
                    problems.append(f"{r.session}/{r.provider}/{'on' if r.compress else 'off'}: {r.error}")
                if r.requests < 15:
                    problems.append(f"{r.session}/{r.provider}/{'on' if r.compress else 'off'}: only {r.requests} requests")
                if r.unrouted_hosts:
                    problems.append(f"{r.session}/{r.provider}: traffic to non-loopback hosts {r.unrouted_hosts}")
                if r.compress and not r.retrieve_tool:
                    problems.append(f"{r.session}/{r.provider}/{'on' if r.compress else 'off'}: retrieve tool missing")
            if comp.requests != plain.requests:
                problems.append(f"{s.name}/{p}: {comp.requests} requests with compression, {plain.requests} without")
    info = describe()
    print(f"# Whole-session benchmark ({len(sessions)} sessions × {len(providers)} providers × compression on/off, "
          f"{time.monotonic() - started:.0f} s)\n")
    print(f"Machine: {info['nproc']} CPUs ({info['cpu']}), {info['ram']} RAM, Python {info['python']}, "
          f"Linux {info['kernel']}\n")
    print(table(pairs))
    print()
    for comp, plain, breaks, c_non, u_non in pairs:
        overhead = (comp.per_request[0]["prompt"] - plain.per_request[0]["prompt"]
                    if comp.per_request and plain.per_request else 0)
        print(f"- {comp.session} / {comp.provider}: first request (no tool output yet) {overhead:+,} tokens with "
              f"compression (the launcher's MCP tools in the tool list), {overhead * comp.requests:+,} over the session; "
              f"requests not extending their predecessor: "
              f"{c_non} with compression, {u_non} without; tool results with a lossy marker: {comp.lossy_markers} of {max(0, comp.requests - 1)}; "
              f"cache-read share of input: {comp.cache_read / max(1, comp.prompt_tokens):.1%} on, "
              f"{plain.cache_read / max(1, plain.prompt_tokens):.1%} off; headroom_retrieve in the tool list: "
              f"{'yes' if comp.retrieve_tool else 'NO'} on, {'yes' if plain.retrieve_tool else 'no'} off")
    if problems:
        print("\nPROBLEMS:\n" + "\n".join(f"- {p}" for p in problems))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        payload = {
            "machine": info, "prices_per_million_usd": PRICES,
            "runs": [{k: v for k, v in asdict(r).items() if k != "segments"} for r in results.values()],
            "pairs": [{"session": c.session, "provider": c.provider, "proxy_cache_breaks": b,
                       "non_extending_compressed": cn, "non_extending_uncompressed": un,
                       "saving_pct": (u.dollars - c.dollars) / u.dollars * 100 if u.dollars else None}
                      for c, u, b, cn, un in pairs],
        }
        args.json.write_text(json.dumps(payload, indent=1))
    breaks_total = sum(b for _, _, b, _, _ in pairs)
    return 1 if problems or breaks_total else 0


if __name__ == "__main__":
    raise SystemExit(main())
