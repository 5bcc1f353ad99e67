"""Fidelity rules of round 13 (issue #11), found on the tuning part of wide13.json (ecosystems met
for the first time): each test names the rule, holds for outputs never seen, and fails without it."""

from __future__ import annotations

from headroom_mitm.compress.settings import CompressionSettings

from tests.support import lossy_rendering

S = CompressionSettings()


def _lossy(text: str) -> str:
    return lossy_rendering(text, S)[1]


def test_an_indented_failure_keeps_the_line_it_sits_under() -> None:
    # A policy scanner: each check's name on a line, its verdict indented under it. The failing
    # checks come late, after many passing ones; the verdict alone does not say which check failed.
    lines = ["kubernetes scan results:", "", "Passed checks: 120, Failed checks: 12, Skipped checks: 0", ""]
    failing = [f'Check: POL_K8S_{k}: "Containers should not use capability {k}"' for k in range(12)]
    for k in range(120):
        lines += [f'Check: POL_K8S_{k + 100}: "Ensure that setting {k} of the pod is hardened"',
                  "\tPASSED for resource: Deployment.default.api", "\tFile: /deploy.yaml:1-19"]
        if k % 10 == 9:
            lines += [failing[k // 10], "\tFAILED for resource: Deployment.default.api", "\tFile: /deploy.yaml:1-19"]
    out = _lossy("\n".join(lines) + "\n")
    assert "elided" in out
    for name in failing:
        assert name in out


def test_a_finding_led_by_severity_chevrons_is_a_finding() -> None:
    # semgrep's text output: a file, then each finding as "❯❯❱ rule-id" (its severity as chevrons,
    # no level word), the message under it and the code it matched.
    rules = [("❯❯❱", "subprocess-shell-true", "subprocess called with shell=True"),
             ("❯❱", "yaml-unsafe-load", "yaml.load without a SafeLoader can build objects"),
             ("❱", "open-without-encoding", "open() without an encoding depends on the locale")]
    lines = ["┌──────────────────┐", "│ 60 Code Findings │", "└──────────────────┘", ""]
    for f in range(20):
        lines.append(f"    app/jobs/job{f:02d}.py")
        for mark, rule, message in rules:
            lines += [f"   {mark} {rule}", "          ❰❰ Blocking ❱❱", f"          {message}", "",
                      f"           {10 + f}┆ result = run_step(config['steps'][{f}], shell=True)", "   "]
    lines += ["Ran 3 rules on 20 files: 60 findings."]
    out = _lossy("\n".join(lines) + "\n")
    assert "elided" in out
    for f in range(20):
        assert f"    app/jobs/job{f:02d}.py" in out
    for mark, rule, _ in rules:
        assert f"   {mark} {rule}" in out
