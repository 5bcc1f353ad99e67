"""Stage 4, forward: connect-phase retries, --route and --upstream-proxy targets, responses streamed."""
