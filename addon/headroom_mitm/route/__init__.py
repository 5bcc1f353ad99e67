"""Stage 1, route: what kind of host each connection and request goes to (llm, telemetry, other, loopback)."""
