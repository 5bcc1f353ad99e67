"""`python -m headroom_mitm.stub --port N --script NAME`: run the stub until interrupted."""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from typing import Sequence

from headroom_mitm.stub.library import SCRIPTS
from headroom_mitm.stub.server import StubServer


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m headroom_mitm.stub", description="Run the headroom-mitm fake LLM server.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0, help="0 picks a free port")
    parser.add_argument("--script", default="demo", choices=sorted(SCRIPTS))
    parser.add_argument("--event-delay", type=float, default=0.0, help="seconds between SSE events")
    parser.add_argument("--prompt-cache", action="store_true", help="emulate the providers' prompt caches in reported usage")
    parser.add_argument("--verbose", action="store_true", help="log each request to stderr")
    args = parser.parse_args(argv)

    log = (lambda line: print(line, file=sys.stderr, flush=True)) if args.verbose else None
    stopped = threading.Event()
    # SIGTERM should stop as cleanly as Ctrl-C does.
    signal.signal(signal.SIGTERM, lambda *_: stopped.set())
    with StubServer(args.script, host=args.host, port=args.port, event_delay=args.event_delay, log=log,
                    prompt_cache=args.prompt_cache) as stub:
        print(stub.base_url, flush=True)
        try:
            stopped.wait()
        except KeyboardInterrupt:
            pass
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
