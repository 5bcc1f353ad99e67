"""Principle 3, bounded (issue #11): the rows of a table that differ from the majority survive
sampling, but not so many that the table is sent whole. Each test fails without its rule."""

from __future__ import annotations

from headroom_mitm.compress.select import HIGH, MUST, NORMAL
from headroom_mitm.compress.tables import _split_rows, rank_table

from tests.support import RULES, lossy_rendering

S = RULES

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


def test_a_value_of_one_or_two_rows_is_kept_and_a_value_of_a_few_rows_is_kept_next() -> None:
    # "failed" (2 rows) is rare: both must stay. "retrying" (6 rows of 120) is uncommon: its rows
    # are kept as room allows, not whatever the budget (all of them were, and such values add up).
    lines = _jobs((17, 88), (5, 26, 47, 68, 89, 110))
    rank = rank_table(lines)
    assert rank is not None
    failed = [i for i, x in enumerate(lines) if " failed " in x]
    retrying = [i for i, x in enumerate(lines) if " retrying " in x]
    assert [rank[i] for i in failed] == [MUST, MUST]
    assert {rank[i] for i in retrying} == {HIGH}


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


def test_a_ps_o_table_is_read_by_its_titles_when_commands_hold_spaces() -> None:
    # `ps -o pid,ppid,user,stat,ni,rss,etimes,args`: the commands' words outnumber the titles on
    # most rows; the capitalised titles say where the columns are, and the stopped (T) and
    # zombie (Z) workers stand out among the sleeping ones.
    lines = ["  PID  PPID USER     STAT  NI   RSS ELAPSED COMMAND"]
    for k in range(18):
        lines.append(f" {2360 + k}  2359 root     S      0 {10816 + 4 * (k % 7)}       5 /srv/app/.venv/bin/python -c import time; time.sleep(900)")
    lines.append(" 2383  2359 root     T      0   276       5 sleep 901")
    lines.append(" 2384  2359 root     Z      0     0       5 [true] <defunct>")
    for k in range(6):
        lines.append(f" {2385 + k}  2359 root     S      0  {1760 + 8 * k}       5 sleep {600 + k}")
    rank = rank_table(lines)
    assert rank is not None
    assert rank[19] == MUST and rank[20] == MUST
    assert rank[10] == NORMAL


def test_padded_columns_are_not_split_at_every_space() -> None:
    # `ss -tan`: cells padded into columns. Split at each single space, as an access log's fields
    # are, a cell would be "" and the next one shifted by its neighbour's width: Send-Q's 36 and
    # 1152 fell into columns of their own, its greatest value unread.
    lines = ["State      Recv-Q Send-Q  Local Address:Port    Peer Address:Port"]
    for k in range(60):
        state = "ESTAB" if k not in (7, 31) else "CLOSE-WAIT"
        send = 1152 if k == 44 else 36 if k % 9 == 0 else 0
        lines.append(f"{state:<10} 0      {send:<7} 127.0.0.1:{8000 + k:<9}  127.0.0.1:{40000 + 37 * k}")
    split = _split_rows(lines)
    assert split is not None
    assert split[1].width == 5 and "" not in split[1].cells
    rank = rank_table(lines)
    assert rank is not None
    assert rank[8] == MUST and rank[32] == MUST and rank[45] == MUST


_WORDS = ["alpha", "build", "cache", "delta", "event", "fetch", "graph", "index", "joint", "kernel", "ledger", "merge"]


def test_a_long_uniform_table_keeps_less_of_its_middle() -> None:
    # `ls -l` of 1,200 files alike: the rows that stand out, the head and the tail stay; the
    # uniform middle gets at most half the room (it could take all that was left: 78 rows).
    lines = ["total 48000"]
    for k in range(1200):
        name = f"{_WORDS[k % 12]}_{_WORDS[(k * 5) % 12]}{'-v2' if k % 7 == 0 else ''}.{('py', 'json', 'md', 'txt')[k % 4]}"
        size = 1000 + (k * 7919) % 90000
        lines.append(f"-rw-r--r-- 1 app app {size:6d} {('Oct', 'Nov')[k % 2]} {1 + k % 28:2d} {k % 24:02d}:{k % 60:02d} {name}")
    text = "\n".join(lines) + "\n"
    name, out = lossy_rendering(text, S)
    assert name == "table_rows"
    rows = [x for x in out.split("\n") if x.startswith("-rw-")]
    assert 20 <= len(rows) <= 70, len(rows)
    assert lines[1] in rows and lines[-1] in rows


def test_a_word_among_numbers_is_a_row_unlike_the_rest() -> None:
    # top -b: the PR column holds numbers, and "rt" for the two real-time threads.
    head = ["top - 19:16:47 up 11:49,  0 user,  load average: 1.36, 1.20, 1.53", "",
            "  PID USER      PR  NI    VIRT    RES    SHR S  %CPU  %MEM     TIME+ COMMAND"]
    rows = [f"{100 + k:5d} root      {20 if k % 3 else 0:>2}   0 {10000 + k * 37:7d} {5000 + k * 11:6d} {3000 + k:6d} S "
            f"  0.0   0.{k % 10}   0:00.{k % 60:02d} svc{chr(97 + k % 26)}{chr(97 + k // 26)}d" for k in range(150)]
    odd = [f"{170 + k:5d} root      rt   0 {12000 + k:7d} {5100 + k:6d} {3050 + k:6d} S   0.0   0.{k + 2}   0:00.1{k} migration/{k}"
           for k in range(2)]
    rows[60:60] = odd
    out = lossy_rendering("\n".join(head + rows) + "\n", S)[1]
    assert "elided" in out
    for row in odd:
        assert row in out
