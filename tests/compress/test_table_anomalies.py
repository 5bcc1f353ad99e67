"""Principle 3, bounded (issue #11): the rows of a table that differ from the majority survive
sampling, but not so many that the table is sent whole. Each test fails without its rule."""

from __future__ import annotations

from headroom_mitm.compress.select import HIGH, MUST, NORMAL
from headroom_mitm.compress.settings import CompressionSettings
from headroom_mitm.compress.tables import rank_table

from tests.support import lossy_rendering

S = CompressionSettings()

_PS_HEAD = "USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND"


def _ps_row(pid: int, cpu: str, mem: str, vsz: int, rss: int, stat: str, start: str, time: str, cmd: str) -> str:
    return f"root     {pid:7d} {cpu:>4} {mem:>4} {vsz:6d} {rss:5d} ?        {stat:<4} {start:<5} {time:>6} {cmd}"


def _ps_aux() -> list[str]:
    """`ps aux` of a busy box: kernel threads started at boot, then jobs started minute by minute,
    a few of them with some memory and CPU time."""
    lines = [_PS_HEAD]
    for pid in range(2, 62):
        lines.append(_ps_row(pid, "0.0", "0.0", 0, 0, "I<", "07:27", "0:00", f"[kworker/R-wq{pid}]"))
    starts = ["07:30", "07:38", "07:44", "07:46", "07:47"]
    for k in range(40):
        pid = 1100 + 37 * k
        mem = ("0.1", "0.2", "0.3", "0.4")[k % 4] if k % 5 == 0 else "0.0"
        lines.append(_ps_row(pid, "0.0", mem, 5236 + 8 * k, 4200 + 4 * k, "Ss", starts[k % 5], f"0:0{k % 3}", f"bash /dev/fd/{k}"))
    return lines


def test_ps_aux_start_times_and_cpu_times_are_measures_not_categories() -> None:
    # START 07:27 covers most rows and TIME 0:00 too: the other start times and CPU times are no
    # rare statuses (each row of them was kept, a third of the table, and `ps aux` was sent
    # whole); the earliest and latest of each stay.
    lines = _ps_aux()
    rank = rank_table(lines)
    assert rank is not None
    musts = [lines[i] for i, r in enumerate(rank) if r == MUST]
    assert len(musts) <= 12, musts
    assert any(" 07:47 " in x for x in musts)  # the latest start
    assert lines[-1] in musts or any(" 0:02 " in x for x in musts)  # the most CPU time


def test_ps_aux_of_many_start_times_is_sampled_not_sent_whole() -> None:
    text = "\n".join(_ps_aux()) + "\n"
    name, out = lossy_rendering(text, S)
    assert name == "table_rows"
    assert len(out) < 0.3 * len(text)  # the rows of other start times were all kept: ~48%
    assert _PS_HEAD in out


def test_fractions_are_measures_even_when_few() -> None:
    # %MEM of a few values (0.0 for most, 0.1 to 0.4 for some): 0.2 is no category of its own, only
    # the greatest value stands out (an exit code of few values is a category: below).
    lines = _ps_aux()
    rank = rank_table(lines)
    assert rank is not None
    middle = [i for i, x in enumerate(lines) if " 0.2 " in x]
    assert middle and all(rank[i] != MUST for i in middle)


def _jobs(failed_at: tuple[int, ...], retrying_at: tuple[int, ...]) -> list[str]:
    lines = ["JOB                 STATUS      EXIT  ATTEMPTS  DURATION"]
    for k in range(120):
        status, code = ("failed", 137) if k in failed_at else ("retrying", 1) if k in retrying_at else ("done", 0)
        lines.append(f"etl-shard-{k:03d}       {status:<10}  {code:>4}  {1 + k % 3:>8}  {40 + (k * 7) % 50:>6}s")
    return lines


def test_an_exit_code_of_few_values_is_still_a_category() -> None:
    # Whole numbers of a few values are a category written in digits: an exit code held by one
    # row stands out, though it is neither the least nor the greatest.
    lines = _jobs((17,), ())
    lines[41] = lines[41].replace("     0  ", "     2  ", 1)
    rank = rank_table(lines)
    assert rank is not None
    assert "   2  " in lines[41]
    assert rank[41] == MUST


def test_anomalies_are_capped_at_a_fifth_of_the_rows() -> None:
    # Four columns of a few kinds, each with ten values held by two rows each: 80 rare rows of
    # 200. A fifth of the rows stay whatever the budget; the rest are kept as room allows.
    odd: dict[int, tuple[int, int]] = {}
    for c in range(4):
        for r in range(20):
            odd[2 * (20 * c + r) + 1] = (c, r // 2)
    lines = ["HOST        ZONE      RACK   ROLE     KERNEL"]
    for k in range(200):
        cells = ["zone-a", "rack-1", "worker", "6.8.0"]
        if k in odd:
            c, v = odd[k]
            cells[c] = ("zone-", "rack-", "role-", "6.1.")[c] + f"{v}x"
    # ten rare values a column at most, so that with the title it holds twelve kinds
        lines.append(f"node-{k:03d}    {cells[0]:<8}  {cells[1]:<6} {cells[2]:<8} {cells[3]}")
    rank = rank_table(lines)
    assert rank is not None
    rare = [k + 1 for k in odd]
    assert len(rare) == 80
    assert 30 <= sum(1 for i in rare if rank[i] == MUST) <= 200 // 5
    assert all(rank[i] in (MUST, HIGH) for i in rare)
    assert rank.count(NORMAL) > 100
