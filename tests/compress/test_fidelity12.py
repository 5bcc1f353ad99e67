"""Fidelity rules of round 12 (issue #11), found on the tuning part of wide12.json (searches,
listings and logs made many ways): each test names the rule, holds for outputs never seen, and
fails without it."""

from __future__ import annotations

from headroom_mitm.compress.settings import CompressionSettings

from tests.support import lossy_rendering

S = CompressionSettings()


def _lossy(text: str) -> str:
    return lossy_rendering(text, S)[1]


def test_levels_above_error_are_failures() -> None:
    # gunicorn's arbiter kills a stuck worker at CRITICAL; java.util.logging's error level is
    # SEVERE. Each is an error-level line (all are kept); the words in lower case are ordinary.
    from headroom_mitm.compress import lines as ln

    assert ln.severity("[2026-11-30 18:28:45 +0000] [2091] [CRITICAL] WORKER TIMEOUT (pid:2093)") == ln.FAIL
    assert ln.severity("SEVERE: request handler threw for /orders/17") == ln.FAIL
    assert ln.severity("2026-11-30 18:28:45,120 CRITICAL shop.db: pool exhausted") == ln.FAIL
    assert ln.severity("Entering the critical section of the scheduler loop") is None
    assert ln.severity("CRITICALITY_LEVELS = 3") is None
    text = "\n".join(["[INFO] Booting worker with pid: 2093"] * 5 + ["[CRITICAL] WORKER TIMEOUT (pid:2093)"])
    assert 5 in ln.candidates(ln.LineIndex(text))[0]


def _ls_row(kind: str, k: int, name: str) -> str:
    mode = "drwxr-xr-x" if kind == "d" else "-rw-r--r--"
    size = 4096 if kind == "d" else 1000 + (k * 7919) % 90000
    return f"{mode}  {2 if kind == 'd' else 1} root root {size:6d} 2026-11-{1 + k % 28:02d} 10:{k % 60:02d} {name}"


def test_a_long_listing_keeps_its_directories() -> None:
    # ls -la of a folder: directories among files, too many to be rare values of the mode column;
    # each directory is where the model looks next, as a tree's directory lines are.
    rows = [_ls_row("f", k, f"module_{k:03d}.py") for k in range(120)]
    dirs = [_ls_row("d", k, f"pkg_{k:02d}") for k in range(45)]
    for k, row in enumerate(dirs):
        rows.insert(2 + 3 * k, row)
    out = _lossy("total 1234\n" + "\n".join(rows) + "\n")
    assert "elided" in out
    for row in dirs:
        assert row in out, row


def test_a_listing_of_many_directories_is_still_sampled() -> None:
    rows = [_ls_row("d", k, f"package-{k:03d}") for k in range(300)]
    out = _lossy("total 1200\n" + "\n".join(rows) + "\n")
    assert "elided" in out and sum(row in out for row in rows) < 150


_TOOLS = [a + b for a in ("redis", "nginx", "clang", "ruby", "lua", "php", "mono", "nim", "ocaml", "guile", "scala", "erlang")
          for b in ("", "-tools", "-dev", "-doc", "-utils", "-common", "-data", "-server", "-client", "-extra", "-cli", "-lsp", "-bin")]


def _apt_history(n: int) -> str:
    # apt's history.log: one entry per command, its long list of packages between its dates.
    blocks = []
    for k in range(n):
        pkgs = ", ".join(f"lib{k}-part{j}:amd64 (1.{j}.{k}-{j % 3}, automatic)" for j in range(14))
        blocks.append(f"Start-Date: 2026-11-{1 + k % 28:02d}  {8 + k % 10:02d}:{k % 60:02d}:0{k % 10}\n"
                      f"Commandline: apt-get install -y --no-install-recommends {_TOOLS[k]}\n"
                      f"Install: {pkgs}\nEnd-Date: 2026-11-{1 + k % 28:02d}  {8 + k % 10:02d}:{k % 60:02d}:4{k % 10}")
    return "\n\n".join(blocks) + "\n"


def test_each_record_keeps_the_lines_that_name_it() -> None:
    text = _apt_history(20)
    out = _lossy(text)
    assert "elided" in out
    for k in range(20):
        assert f"Start-Date: 2026-11-{1 + k % 28:02d}  {8 + k % 10:02d}:{k % 60:02d}:0{k % 10}" in out
        assert f"Commandline: apt-get install -y --no-install-recommends {_TOOLS[k]}" in out


def test_many_records_are_still_sampled() -> None:
    out = _lossy(_apt_history(150))
    assert "elided" in out and sum(f"recommends {_TOOLS[k]}\n" in out for k in range(150)) < 75
