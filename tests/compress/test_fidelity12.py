"""Fidelity rules of round 12 (issue #11), found on the tuning part of wide12.json (searches,
listings and logs made many ways): each test names the rule, holds for outputs never seen, and
fails without it."""

from __future__ import annotations


from tests.support import RULES, lossy_rendering

S = RULES


def _lossy(text: str) -> str:
    return lossy_rendering(text, S)[1]


def test_levels_above_error_are_failures() -> None:
    # gunicorn's arbiter kills a stuck worker at CRITICAL; java.util.logging's error level is
    # SEVERE. Each is an error-level line (all are kept); the words in lower case are ordinary.
    from headroom_mitm.compress import lines as ln
    from headroom_mitm.compress.lineindex import LineIndex

    assert ln.severity("[2026-11-30 18:28:45 +0000] [2091] [CRITICAL] WORKER TIMEOUT (pid:2093)") == ln.FAIL
    assert ln.severity("SEVERE: request handler threw for /orders/17") == ln.FAIL
    assert ln.severity("2026-11-30 18:28:45,120 CRITICAL shop.db: pool exhausted") == ln.FAIL
    assert ln.severity("Entering the critical section of the scheduler loop") is None
    assert ln.severity("CRITICALITY_LEVELS = 3") is None
    text = "\n".join(["[INFO] Booting worker with pid: 2093"] * 5 + ["[CRITICAL] WORKER TIMEOUT (pid:2093)"])
    assert 5 in ln.candidates(LineIndex(text))[0]


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


def test_errno_names_and_pino_levels_report_failures() -> None:
    # Node prints a failed system call by its errno name; pino and bunyan write a record's level
    # as a number (40 warn, 50 error, 60 fatal).
    from headroom_mitm.compress import lines as ln

    assert ln.severity("Error: connect ECONNREFUSED 127.0.0.1:5432") == ln.FAIL
    assert ln.severity("ENOENT: no such file or directory, open '/srv/app/.env'") == ln.FAIL
    assert ln.severity('{"level":50,"time":1764527299053,"msg":"giving up on search-index"}') == ln.FAIL
    assert ln.severity('{"level":40,"time":1764527299052,"msg":"slow query"}') == ln.WARN
    assert ln.severity('{"level":30,"time":1764527299052,"msg":"job done"}') is None


def test_a_json_log_cut_by_tail_keeps_its_failed_retries() -> None:
    # A pino log as `| tail` leaves it: records of several shapes from its first line on.
    lines = []
    for r in range(40):
        for job in ("thumbnails", "invoices", "emails"):
            lines.append(f'{{"level":30,"time":"2026-11-30T18:28:{r:02d}.050Z","pid":1654,"hostname":"vm","job":"{job}","round":{r},"items":{r % 9 + 3},"msg":"job done"}}')
        if r >= 28:  # the run the tail kept: five failed attempts a round
            for a in range(1, 6):
                lines.append(f'{{"level":40,"time":"2026-11-30T18:28:{r:02d}.052Z","pid":1654,"hostname":"vm","job":"search-index","round":{r},"attempt":{a},"backoffMs":{100 * 2 ** a},"msg":"ECONNREFUSED 127.0.0.1:6390"}}')
    out = _lossy("\n".join(lines[7:]) + "\n")
    assert "elided" in out
    for line in lines[7:]:
        if '"level":40' in line:
            assert line in out, line
