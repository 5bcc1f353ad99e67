"""`headroom-mitm`: global options, then a subcommand.

Everything after `opencode` (or after `run --`) belongs to the wrapped program and is passed on
verbatim, so the command line is split there before argparse sees it: argparse would otherwise
claim flags such as `--help` or `--version` that are meant for OpenCode.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
from pathlib import Path
from typing import Sequence

from pydantic import ValidationError

from . import __version__
from .launcher import LaunchError, resolve_opencode
from .proxy import ProxyStartError
from .settings import GlobalOptions

PASSTHROUGH_COMMANDS = ("opencode", "run")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="headroom-mitm",
        description="Launch AI coding agents through an embedded mitmproxy that compresses, meters and audits what they send.",
    )
    parser.add_argument("--version", action="version", version=f"headroom-mitm {__version__}")
    parser.add_argument("--state-dir", help="where logs, records and the persistent CA live "
                        "(default: $HEADROOM_MITM_STATE_DIR or $XDG_DATA_HOME/headroom-mitm)")
    parser.add_argument("--route", action="append", default=[], metavar="HOST=URL",
                        help="send requests meant for HOST to URL (repeatable), e.g. api.anthropic.com=http://127.0.0.1:18080")
    parser.add_argument("--upstream-ca", type=Path, metavar="FILE",
                        help="also trust this CA (PEM) when verifying upstream servers, on top of the default store")
    parser.add_argument("--opencode-bin", metavar="PATH", help="the OpenCode binary (default: $OPENCODE_BIN, else opencode on PATH)")
    parser.add_argument("--llm-host", action="append", default=[], metavar="HOST[=FORMAT]",
                        help="treat HOST (wildcards allowed) as an LLM API; FORMAT: openai-chat, openai-responses, anthropic-messages, gemini")
    parser.add_argument("--inspect", choices=("llm", "all"), default="llm",
                        help="decrypt only LLM API hosts (default) or all hosts, for audits")
    parser.add_argument("--telemetry", choices=("pass", "block"), default="pass",
                        help="known analytics and crash-report hosts: pass (default) or block")
    parser.add_argument("--connect-retries", type=int, default=3, metavar="N",
                        help="retries of a failed upstream connect, before any request byte is sent (default 3)")
    parser.add_argument("--connect-backoff", type=float, default=0.2, metavar="SECONDS",
                        help="wait before the first connect retry; doubles, jittered (default 0.2)")
    parser.add_argument("--connect-budget", type=float, default=5.0, metavar="SECONDS",
                        help="time all connect attempts may take together (default 5)")

    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    commands.add_parser("opencode", help="run OpenCode through the proxy; every later argument goes to OpenCode",
                        add_help=False)
    commands.add_parser("run", help="run any proxy-aware command through the proxy: run -- CMD [ARGS…]", add_help=False)

    proxy = commands.add_parser("proxy", help="run the proxy alone (loopback by default) with the persistent CA")
    proxy.add_argument("--listen", default="127.0.0.1:8080", metavar="HOST:PORT", help="default 127.0.0.1:8080; port 0 picks a free one")
    proxy.add_argument("--proxy-auth", metavar="USER:PASS", help="require these proxy credentials")

    ca = commands.add_parser("ca", help="manage the persistent CA under the state dir")
    ca.add_argument("action", choices=("init", "show", "path"))
    ca.add_argument("--force", action="store_true", help="with init: replace an existing CA")

    demo = commands.add_parser("demo", help="a scripted OpenCode session against the built-in local model stub (no key, no internet)")
    demo.add_argument("--keep", action="store_true", help="keep the demo's temporary home directory")
    return parser


def split_passthrough(parser: argparse.ArgumentParser, argv: Sequence[str]) -> tuple[list[str], list[str] | None]:
    """Split argv at `opencode` / `run`: (our arguments, the wrapped program's) or (argv, None)."""
    takes_value = {
        flag for action in parser._actions if action.nargs != 0 and action.option_strings for flag in action.option_strings
    }
    index = 0
    while index < len(argv):
        token = argv[index]
        if token.startswith("-"):
            if token in takes_value:
                index += 1  # skip the option's value
        elif token in PASSTHROUGH_COMMANDS:
            return list(argv[: index + 1]), list(argv[index + 1 :])
        else:
            break
        index += 1
    return list(argv), None


def _describe(error: dict) -> str:
    message = str(error["msg"]).removeprefix("Value error, ")
    if error["type"] == "value_error":
        return message  # our validators name the option themselves
    return f"--{str(error['loc'][0]).replace('_', '-')}: {message}"


def _fail(message: str, code: int = 2) -> int:
    print(f"headroom-mitm: {message}", file=sys.stderr)
    return code


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    ours, rest = split_passthrough(parser, argv)
    args = parser.parse_args(ours)
    try:
        options = GlobalOptions.from_cli(
            args.state_dir,
            routes=tuple(args.route),
            upstream_ca=args.upstream_ca,
            opencode_bin=args.opencode_bin,
            llm_hosts=tuple(args.llm_host),
            inspect=args.inspect,
            telemetry=args.telemetry,
            connect_retries=args.connect_retries,
            connect_backoff=args.connect_backoff,
            connect_budget=args.connect_budget,
        )
    except ValidationError as exc:
        return _fail("; ".join(_describe(e) for e in exc.errors()))
    try:
        return _dispatch(args, rest, options)
    except (LaunchError, ProxyStartError, ValueError) as exc:
        return _fail(str(exc), 1)
    except KeyboardInterrupt:
        return 128 + signal.SIGINT


def _dispatch(args: argparse.Namespace, rest: list[str] | None, options: GlobalOptions) -> int:
    from . import commands

    if args.command == "opencode":
        binary = resolve_opencode(options.opencode_bin, os.environ)
        return commands.opencode(binary, rest or [], options)
    if args.command == "run":
        cmd = (rest or [])[1:] if (rest or [])[:1] == ["--"] else (rest or [])
        if not cmd:
            return _fail("run needs a command: headroom-mitm run -- CMD [ARGS…]")
        return commands.run(cmd, options)
    if args.command == "proxy":
        return commands.proxy(options, listen=args.listen, proxy_auth=args.proxy_auth)
    if args.command == "ca":
        return commands.ca(options, args.action, force=args.force)
    if args.command == "demo":
        return commands.demo(options, keep=args.keep)
    raise AssertionError(args.command)


if __name__ == "__main__":
    sys.exit(main())
