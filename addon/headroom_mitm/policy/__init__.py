"""Stage 2, rules: the loop and telemetry guard, then the egress policy (allow/deny, intercept or tunnel)."""
