"""`headroom-mitm`: global options, then a subcommand.

Everything after `opencode` (or after `run --`) belongs to the wrapped program and is passed on
verbatim, so the command line is split there before argparse sees it: argparse would otherwise
claim flags such as `--help` or `--version` that are meant for OpenCode.
"""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
from typing import TYPE_CHECKING, NoReturn, Sequence

from .. import __version__
from ..facts import API_FORMAT_NAMES
from .errors import UserError
from ..options import add_arguments, settings_values

if TYPE_CHECKING:
    from .settings import GlobalOptions

PASSTHROUGH_COMMANDS = ("opencode", "claude", "codex", "gemini", "run")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="headroom-mitm",
        description="Launch AI coding agents through an embedded mitmproxy that compresses, meters and audits what they send.",
    )
    parser.add_argument("--version", action="version", version=f"headroom-mitm {__version__}")
    add_arguments(parser)

    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    commands.add_parser("opencode", help="run OpenCode through the proxy; every later argument goes to OpenCode",
                        add_help=False)
    from .agents import AGENTS

    for agent in AGENTS.values():
        commands.add_parser(agent.command, add_help=False,
                            help=f"run {agent.title} through the proxy; every later argument goes to {agent.title}")
    commands.add_parser("run", help="run any proxy-aware command through the proxy: run -- CMD [ARGS…]", add_help=False)

    proxy = commands.add_parser("proxy", help="run the proxy alone (loopback by default) with the persistent CA")
    proxy.add_argument("--listen", default="127.0.0.1:8080", metavar="HOST:PORT", help="default 127.0.0.1:8080; port 0 picks a free one")
    proxy.add_argument("--proxy-auth", metavar="USER:PASS|@HTPASSWD",
                       help="require these proxy credentials, or any user of an htpasswd file (@FILE); "
                            "prefer --proxy-auth-file or $HEADROOM_MITM_PROXY_AUTH: argv is readable by every local user")
    proxy.add_argument("--proxy-auth-file", metavar="FILE",
                       help="read the --proxy-auth value (USER:PASS or @HTPASSWD) from the first line of FILE")
    proxy.add_argument("--web", action="store_true", dest="proxy_web", help="the same as --web before `proxy`")

    ca = commands.add_parser("ca", help="manage the persistent CA under the state dir")
    ca.add_argument("action", choices=("init", "show", "path"))
    ca.add_argument("--force", action="store_true", help="with init: replace an existing CA")

    audit = commands.add_parser("audit", help="work with the egress audit trail")
    audit_actions = audit.add_subparsers(dest="audit_action", metavar="ACTION", required=True)
    verify = audit_actions.add_parser("verify", help="check the hash chain; names every edited, removed, inserted or reordered record")
    verify.add_argument("files", nargs="+", metavar="FILE", help="audit files oldest first; one active file brings its rotated predecessors")
    verify.add_argument("--hmac-key-file", metavar="FILE", help="key file of an HMAC-keyed trail")
    verify.add_argument("--anchor", metavar="HASH", help="hash the first record must follow")
    verify.add_argument("--head", metavar="FILE", help="head anchor file (default: FILE.head beside the active file)")

    squeeze = commands.add_parser("compress", help="read a request body on stdin, write what would be sent upstream on stdout")
    squeeze.add_argument("--format", default="auto", choices=API_FORMAT_NAMES, metavar="FORMAT",
                         help="the body's API format or an alias (default: recognised from the body)")

    commands.add_parser("mcp", help="the stdio MCP server with the headroom_retrieve tool (OpenCode starts it for you)")

    stats = commands.add_parser("stats", help="token and savings totals from the flow records (see docs/metering.md)")
    stats.add_argument("--by", choices=("provider", "model", "session", "day"), help="one row per value")
    stats.add_argument("--since", metavar="WHEN", help="only records since: 2h, 7d, today, 2025-01-31, 2025-01-31T12:00")
    stats.add_argument("--json", action="store_true", help="print the rows as JSON")

    providers = commands.add_parser("providers", help="the LLM providers known (OpenCode's catalog and config): "
                                    "where from, which hosts, which API format")
    providers.add_argument("--json", action="store_true", help="print them as JSON")

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


def _fail(message: str, code: int = 2) -> int:
    print(f"headroom-mitm: {message}", file=sys.stderr)
    return code


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    ours, rest = split_passthrough(parser, argv)
    args = parser.parse_args(ours)
    from .settings import GlobalOptions, SettingsError

    try:
        values = settings_values(args)
        values["web"] = args.web or getattr(args, "proxy_web", False)
        options = GlobalOptions.from_cli(args.state_dir, **values)
    except SettingsError as exc:
        return _fail(str(exc))
    try:
        return _dispatch(args, rest, options)
    except (UserError, ValueError) as exc:
        return _fail(str(exc), 1)
    except KeyboardInterrupt:
        return 128 + signal.SIGINT


def _dispatch(args: argparse.Namespace, rest: list[str] | None, options: GlobalOptions) -> int:
    from . import commands
    from .child import resolve_opencode

    if args.command == "opencode":
        binary = resolve_opencode(options.opencode_bin, os.environ)
        return commands.opencode(binary, rest or [], options)
    if args.command in ("claude", "codex", "gemini"):
        return commands.agent(args.command, rest or [], options)
    if args.command == "run":
        cmd = (rest or [])[1:] if (rest or [])[:1] == ["--"] else (rest or [])
        if not cmd:
            return _fail("run needs a command: headroom-mitm run -- CMD [ARGS…]")
        return commands.run(cmd, options)
    if args.command == "proxy":
        return commands.proxy(options, listen=args.listen,
                              proxy_auth=commands.proxy_auth_value(args.proxy_auth, args.proxy_auth_file, os.environ))
    if args.command == "ca":
        return commands.ca(options, args.action, force=args.force)
    if args.command == "audit":
        from ..audit.verify import main as audit_main

        extra = [*(["--hmac-key-file", args.hmac_key_file] if args.hmac_key_file else []),
                 *(["--anchor", args.anchor] if args.anchor else []),
                 *(["--head", args.head] if args.head else [])]
        return audit_main(["verify", *extra, *args.files])
    if args.command == "compress":
        return commands.compress(options, fmt=args.format)
    if args.command == "mcp":
        return commands.mcp(options)
    if args.command == "stats":
        return commands.stats(options, by=args.by, since=args.since, as_json=args.json)
    if args.command == "providers":
        return commands.providers(as_json=args.json)
    if args.command == "demo":
        return commands.demo(options, keep=args.keep)
    raise AssertionError(args.command)


def entry() -> NoReturn:
    """The `headroom-mitm` command. By the time main() returns, the proxy and the agent are stopped
    and our files closed; unwinding the interpreter (mitmproxy's and pydantic's modules) would add
    a few hundred ms to every agent's exit, so the process leaves at once after a final flush."""
    code = main()
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe (`… | head`): nothing more can reach it
            pass
    os._exit(code)


if __name__ == "__main__":
    entry()
