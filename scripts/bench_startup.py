"""The launcher's start-up, for scripts/bench_latency.py: `headroom-mitm opencode --version` against
`opencode --version` (wall and CPU), the launcher's share until the agent is spawned, and the
import-time breakdown. See docs/benchmarks.md, "Proxy latency and start-up"."""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent
TARGET_STARTUP_S = 0.2  # issue #14: `headroom-mitm opencode --version` ≤ 0.2 s over `opencode --version`
TARGET_COMPRESS_CLI_S = 0.3  # issue #11: `headroom-mitm compress` of a small body starts and ends in ≤ 0.3 s
COMPRESS_CLI = "headroom-mitm compress < small body"
# A small OpenAI chat body with one tool output: what `headroom-mitm compress` is tried with by hand.
SMALL_BODY = json.dumps({"model": "gpt-4o", "messages": [
    {"role": "user", "content": "run the tests"},
    {"role": "assistant", "tool_calls": [{"id": "c1", "type": "function",
                                          "function": {"name": "bash", "arguments": '{"command": "pytest -q"}'}}]},
    {"role": "tool", "tool_call_id": "c1",
     "content": "".join(f"tests/test_{n}.py::test_case_{n} PASSED\n" for n in range(40)) + "40 passed in 1.2s\n"},
]}).encode()


# --------------------------------------------------------------------------------------------
# Launcher start-up
# --------------------------------------------------------------------------------------------
def isolated_env(tmp: Path, opencode: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "HEADROOM_MITM_", "OPENCODE"))}
    home = tmp / "home"
    for sub in ("home", "config", "data", "cache", "state", "hm-state"):
        (tmp / sub).mkdir(parents=True, exist_ok=True)
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(tmp / "config"),
        XDG_DATA_HOME=str(tmp / "data"),
        XDG_CACHE_HOME=str(tmp / "cache"),
        XDG_STATE_HOME=str(tmp / "state"),
        HEADROOM_MITM_STATE_DIR=str(tmp / "hm-state"),
        OPENCODE_BIN=opencode,
    )
    env.pop("HTTPS_PROXY", None)
    env.pop("HTTP_PROXY", None)
    return env


def timed(argv: list[str], env: dict[str, str], stdin: bytes | None = None) -> tuple[float, float, str]:
    """(wall seconds, CPU seconds of the process tree, stdout). CPU time is the steadier number
    on a loaded machine: it does not grow while the process waits for a core."""
    import resource

    feed = {"input": stdin} if stdin is not None else {"stdin": subprocess.DEVNULL}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(argv, env=env, capture_output=True, timeout=120, **feed)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise RuntimeError(f"{argv} exited {done.returncode}: {done.stderr[-500:]!r}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return elapsed, cpu, done.stdout.decode(errors="replace").strip()


def bench_startup(args: argparse.Namespace, tmp: Path) -> dict:
    opencode = os.environ.get("OPENCODE_BIN") or str(REPO / ".tools" / "bin" / "opencode")
    launcher = str(VENV_BIN / "headroom-mitm")
    env = isolated_env(tmp / "startup", opencode)
    commands = {
        "opencode --version": [opencode, "--version"],
        "headroom-mitm opencode --version": [launcher, "opencode", "--version"],
        # phases, to see where the launcher's time goes
        "headroom-mitm --version (python + CLI imports)": [launcher, "--version"],
        "python -c pass": [sys.executable, "-c", "pass"],
        COMPRESS_CLI: [launcher, "compress"],  # issue #11: must not import the proxy stack
    }
    stdin = {COMPRESS_CLI: SMALL_BODY}
    versions = {}
    for name, argv in commands.items():  # warm-up: page cache, first-run files in the isolated HOME
        versions[name] = timed(argv, env, stdin.get(name))[2]
    samples: dict[str, list[float]] = {name: [] for name in commands}
    cpu: dict[str, list[float]] = {name: [] for name in commands}
    names = list(commands)
    for rnd in range(args.startup_runs):
        order = names[rnd % len(names):] + names[:rnd % len(names)]
        for name in order:
            wall, used, _ = timed(commands[name], env, stdin.get(name))
            samples[name].append(wall)
            cpu[name].append(used)
    result: dict = {"runs": args.startup_runs, "opencode": opencode, "opencode_version": versions["opencode --version"],
                    "commands": {}}
    for name, s in samples.items():
        result["commands"][name] = {"median_s": statistics.median(s), "min_s": min(s), "max_s": max(s),
                                    "cpu_median_s": statistics.median(cpu[name])}
    med = {name: result["commands"][name]["median_s"] for name in samples}
    result["overhead_median_s"] = med["headroom-mitm opencode --version"] - med["opencode --version"]
    result["overhead_min_s"] = (result["commands"]["headroom-mitm opencode --version"]["min_s"]
                                - result["commands"]["opencode --version"]["min_s"])
    result["overhead_cpu_median_s"] = (result["commands"]["headroom-mitm opencode --version"]["cpu_median_s"]
                                       - result["commands"]["opencode --version"]["cpu_median_s"])
    result["targets"] = {"overhead<=0.2s": result["overhead_median_s"] <= TARGET_STARTUP_S,
                         "compress<=0.3s": med[COMPRESS_CLI] <= TARGET_COMPRESS_CLI_S}
    result["at_spawn"] = at_spawn(env, args.startup_runs)
    if args.profile_imports:
        result["import_profile"] = import_profile(env)
    return result


# `headroom-mitm opencode --version` with a timestamp where the agent is spawned: the launcher's own
# share of the start-up (after it, the agent runs and the proxy loads beside it).
_AT_SPAWN = """
import json, os, resource, sys, time
import headroom_mitm.launcher.child as child
real = child.start_child
def start_child(*args, **kwargs):
    ru = resource.getrusage(resource.RUSAGE_SELF)
    print(json.dumps({"wall": time.time() - float(os.environ["BENCH_T0"]), "cpu": ru.ru_utime + ru.ru_stime,
                      "modules": len(sys.modules)}), file=sys.stderr, flush=True)
    return real(*args, **kwargs)
child.start_child = start_child
from headroom_mitm.launcher.cli import entry
sys.argv = ["headroom-mitm", "opencode", "--version"]
entry()
"""


def at_spawn(env: dict[str, str], runs: int) -> dict:
    """Median wall and CPU seconds from the launcher's start to the agent's spawn."""
    rows = []
    for _ in range(runs):
        done = subprocess.run([sys.executable, "-c", _AT_SPAWN], env={**env, "BENCH_T0": repr(time.time())},
                              stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=120)
        line = next(ln for ln in done.stderr.splitlines() if ln.startswith('{"wall"'))
        rows.append(json.loads(line))
    return {"wall_median_s": statistics.median(r["wall"] for r in rows),
            "cpu_median_s": statistics.median(r["cpu"] for r in rows), "modules": rows[-1]["modules"]}


def import_profile(env: dict[str, str], top: int = 12) -> list[dict]:
    """Cumulative import times of `headroom_mitm.launcher.cli` + what `opencode` runs, top-level packages first."""
    code = "import headroom_mitm.launcher.cli, headroom_mitm.launcher.commands, headroom_mitm.launcher.app"
    done = subprocess.run([sys.executable, "-X", "importtime", "-c", code], env=env, capture_output=True, text=True)
    rows = []
    for line in done.stderr.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        _self_us, cum_us, name = line[len("import time:"):].split("|", 2)
        depth = (len(name) - len(name.lstrip()) - 1) // 2
        rows.append({"module": name.strip(), "cumulative_ms": int(cum_us) / 1e3, "depth": depth})
    # Direct children of the two entry imports and the entry imports themselves, heaviest first.
    shallow = [r for r in rows if r["depth"] <= 2]
    shallow.sort(key=lambda r: -r["cumulative_ms"])
    return shallow[:top]
