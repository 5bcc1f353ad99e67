#!/usr/bin/env python3
"""Capture round 114 of the compression corpus: the AWS CLI and boto3 against a local emulator, new to the corpus.
Kinds no earlier round holds, run for real against `moto_server` on 127.0.0.1 with fake keys (AWS_ENDPOINT_URL; never a
real cloud): the `depot` freight yard's account, filled by a seeded boto3 script (an artifacts bucket of 2,000 keys, 150
EC2 instances with tags and mixed states, a DynamoDB table of shipments, SQS queues whose messages are received more
than once, IAM roles, CloudWatch log events, CloudFormation stacks), read with `aws s3 ls`, `aws s3 sync --dryrun`,
`aws s3api list-objects-v2`, `aws ec2 describe-instances` (json, table, text), `aws dynamodb scan`, `aws sqs
receive-message`, `aws iam list-roles`, `aws logs filter-log-events`, `aws cloudformation describe-stack-events`, errors
the CLI prints, `--debug` runs, boto3 scripts of the depot whose calls fail, and moto_server's own log. About half the
command lines are typed as agents type them (`| head -n 100`, `2>&1 | tail -n 80`, `; echo EXIT=$?`, `| jq …`).

The needles come from the rules NEEDLES.md's "Round 114" section fixed before capture, applied by the extractors in
capture_wide114_aws.py. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide114.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide114.json  as {"version": 2, "items": [...]}, ids prefixed "wide114-".
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide114-"
DEFAULT_OUT = HERE / "data" / "wide114.json"
TMP = Path(os.environ.get("HM_WIDE114_TMP", "/tmp/hm-corpus-wide114"))
# the venv of moto[server], awscli and boto3 (kept outside TMP, which each run starts afresh)
VENV = Path(os.environ.get("HM_WIDE114_VENV", "/tmp/hm-corpus-wide114-venv"))
PY_TOOLS = ["moto[server]", "awscli", "boto3"]

# the round's sizes: mostly 3-60 KB, a few small ones as real runs print them
MIN_CHARS, MAX_CHARS = 400, 120_000

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap

EXIT_RE = re.compile(r"^EXIT=\d+$")


def exit_lines(lines: list[str]) -> list[str]:
    """Rule 3: the status line the agent printed itself (`; echo EXIT=$?`)."""
    return [ln for ln in lines if EXIT_RE.match(ln.strip())]


def ensure_tools() -> None:
    """moto[server], the AWS CLI v1 and boto3 from PyPI, in a venv made once; jq from Debian."""
    cm.install_venv(VENV, "moto_server", PY_TOOLS, timeout=1800)
    cm.ensure_apt("jq", "jq")
    cm.PATH_PREFIX[:0] = [str(VENV / "bin")]


def steps() -> list:
    import capture_wide114_aws as aws
    return aws.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide114", sys.modules["__main__"])
    main()
