"""Stage 6, audit: one tamper-evident record per flow (native JSONL or OCSF), and its verifier."""
