"""Per-agent launcher start-up overhead: `headroom-mitm AGENT --version` against `AGENT --version`.

Interleaved runs in an isolated HOME and state dir; medians of wall time and of the process tree's CPU
time (steadier on a loaded machine). The launcher path includes everything a real launch does: the
session CA, both trust bundles, the proxy (its start overlaps the agent's), the retrieval registration.

    .venv/bin/python scripts/bench_agents_startup.py --runs 9 [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_startup import timed  # noqa: E402  (wall and CPU of one run, one definition)

REPO = Path(__file__).resolve().parents[1]
TOOLS = REPO / ".tools" / "bin"
LAUNCHER = REPO / ".venv" / "bin" / "headroom-mitm"
AGENTS = ("opencode", "claude", "codex", "gemini")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "home"
        home.mkdir()
        env = {k: v for k, v in os.environ.items() if not k.startswith(("HTTP", "http", "XDG_", "HEADROOM_MITM_"))}
        env.update(HOME=str(home), CODEX_HOME=str(home / ".codex"), PATH=f"{TOOLS}:{env.get('PATH', '')}",
                   HEADROOM_MITM_STATE_DIR=str(REPO / ".tools" / "bench-state"))
        (home / ".codex").mkdir()
        commands = {}
        for agent in AGENTS:
            commands[f"{agent} --version"] = [str(TOOLS / agent), "--version"]
            commands[f"headroom-mitm {agent} --version"] = [str(LAUNCHER), agent, "--version"]
        for argv in commands.values():  # warm-up: page cache, first-run files
            timed(argv, env)
        wall: dict[str, list[float]] = {name: [] for name in commands}
        cpu: dict[str, list[float]] = {name: [] for name in commands}
        names = list(commands)
        for rnd in range(args.runs):
            for name in names[rnd % len(names):] + names[:rnd % len(names)]:
                w, c, _ = timed(commands[name], env)
                wall[name].append(w)
                cpu[name].append(c)
    result = {}
    print("| agent | bare wall median (s) | through headroom-mitm (s) | overhead (s) | ratio | CPU overhead (s) |")
    print("|---|---:|---:|---:|---:|---:|")
    for agent in AGENTS:
        bare, ours = f"{agent} --version", f"headroom-mitm {agent} --version"
        b, o = statistics.median(wall[bare]), statistics.median(wall[ours])
        cb, co = statistics.median(cpu[bare]), statistics.median(cpu[ours])
        result[agent] = {"bare_s": b, "launcher_s": o, "overhead_s": o - b, "cpu_overhead_s": co - cb}
        print(f"| {agent} | {b:.3f} | {o:.3f} | {o - b:.3f} | {o / b:.2f}× | {co - cb:.3f} |")
    if args.json:
        args.json.write_text(json.dumps({"runs": args.runs, "agents": result}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
