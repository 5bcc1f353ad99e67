#!/usr/bin/env python3
"""Capture round 111 of the compression corpus: messaging and job-queue servers on loopback, new to the corpus.
Kinds no earlier round holds, run for real on 127.0.0.1 with clients written here: RabbitMQ (`depot`, a freight yard's
broker: queues filled by a seeded publisher, consumers that stay, stall, ack tags they never got or drop their socket, a
client with a wrong password; rabbitmqctl list_queues / list_* / report, rabbitmq-diagnostics status with memory and
disk alarms set, rabbitmq-plugins list, the node's log), the NATS server (clients with wrong credentials, a subscriber
too slow for its publisher, payloads over the limit, a client speaking garbage; its log, `nats-server -t` of configs
with mistakes, the monitoring endpoints' JSON), beanstalkd (tubes with ready, delayed, buried and timed-out jobs;
`stats` and `stats-tube` over a socket) and gearmand (functions with queued jobs and no worker, workers that fail;
`gearadmin --status` / `--workers` and its log). Consul and Nomad are not in this machine's Debian mirror: none of
their kinds is here. About half the command lines are typed as agents type them (`2>&1 | tail -n 80`,
`; echo EXIT=$?`, `| grep -i error`).

The needles come from the rules NEEDLES.md's "Round 111" section fixed before capture, applied by the extractors in
capture_wide111_amqp.py and capture_wide111_queue.py. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide111.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide111.json  as {"version": 2, "items": [...]}, ids prefixed "wide111-".
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide111-"
DEFAULT_OUT = HERE / "data" / "wide111.json"
TMP = Path(os.environ.get("HM_WIDE111_TMP", "/tmp/hm-corpus-wide111"))
APT = "rabbitmq-server nats-server beanstalkd gearman-job-server gearman-tools socat curl"

# the round's sizes: mostly 3-60 KB, a few small ones as real runs print them
MIN_CHARS, MAX_CHARS = 400, 120_000

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap

EXIT_RE = re.compile(r"^EXIT=\d+$")


def exit_lines(lines: list[str]) -> list[str]:
    """Rule 3: the status line the agent printed itself (`; echo EXIT=$?`)."""
    return [ln for ln in lines if EXIT_RE.match(ln.strip())]


def ensure_tools() -> None:
    """Debian's RabbitMQ, NATS server, beanstalkd and gearmand, installed once."""
    if not all(cm.have(t, t) for t in ("/usr/lib/rabbitmq/bin/rabbitmqctl", "nats-server", "beanstalkd", "gearmand",
                                        "gearadmin", "socat", "curl")):
        cm.run(f"apt-get -o DPkg::Lock::Timeout=900 install -y --no-install-recommends {APT}", timeout=1800)


def steps() -> list:
    import capture_wide111_amqp as amqp    # RabbitMQ
    import capture_wide111_queue as queue  # NATS server, beanstalkd, gearmand
    return amqp.STEPS + queue.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide111", sys.modules["__main__"])
    main()
