"""A search's hits are the answer to what the model asked (issue #11, wide12's searches): the first
files' hits stay complete, every matching file stays named, and per-file counts keep the largest
and the smallest. Each test fails without its rule."""

from __future__ import annotations

from headroom_mitm.compress import sift
from headroom_mitm.compress.settings import CompressionSettings

from tests.support import lossy_rendering

S = CompressionSettings()


def _raise_hits() -> list[str]:
    # rg -n 'raise ValueError' over a tree: 120 files, uneven hit counts, real-looking source lines.
    lines = []
    for f in range(120):
        for k in range(1 + f % 7):
            lines.append(f"src/pkg/module_{f:02d}/handlers.py:{40 * k + 17}:        "
                         f"raise ValueError(f\"invalid {{name!r}} for field {k} of record {f}: {{value}}\")")
    return lines


def test_the_first_files_hits_stay_complete_and_in_order() -> None:
    lines = _raise_hits()
    name, out = lossy_rendering("\n".join(lines) + "\n", S)
    assert name == "search_results" and "elided" in out
    head = [x for x in lines if x.startswith(tuple(f"src/pkg/module_{f:02d}/" for f in range(12)))]
    assert "\n".join(head) in out  # the first files: every hit, as printed, no gap between
    for f in range(120):  # and every later file still named by its first hit
        assert f"src/pkg/module_{f:02d}/handlers.py:17:" in out


def test_beyond_the_head_a_file_keeps_its_first_hit_not_all() -> None:
    lines = _raise_hits()
    _, out = lossy_rendering("\n".join(lines) + "\n", S)
    seventh = "src/pkg/module_55/handlers.py:257:"
    assert any(x.startswith(seventh) for x in lines) and seventh not in out  # past the head: retrievable


def _counts(n: int) -> list[str]:
    # git grep --count 'assert ' over a tree: one line per file holding a match, unsorted.
    return [f"lib/pkg_{i // 10}/part_{i:03d}.py:{(i * 37) % 23 + 2}" for i in range(n)]


def test_a_count_list_keeps_its_largest_counts_and_its_smallest() -> None:
    rows = _counts(150) + ["lib/pkg_99/big_one.py:480", "lib/pkg_99/one_hit.py:1"]
    rows.insert(90, rows.pop())  # the smallest in the middle
    name, out = lossy_rendering("\n".join(rows) + "\n", S)
    assert name == "search_results" and "elided" in out
    by_size = sorted(rows, key=lambda r: -int(r.rsplit(":", 1)[1]))
    for row in by_size[:20]:
        assert row in out.split("\n")
    assert "lib/pkg_99/one_hit.py:1" in out.split("\n")


def test_a_count_list_drops_files_without_hits_first() -> None:
    # grep -rc prints every file searched, most with 0.
    rows = [f"src/app/views_{i:03d}.py:{3 if i % 9 == 0 else 0}" for i in range(300)]
    name, out = lossy_rendering("\n".join(rows) + "\n", S)
    assert name == "search_results"
    kept = out.split("\n")
    assert all(r in kept for r in rows if not r.endswith(":0"))  # 34 nonzero rows: all of them
    assert sum(r.endswith(":0") for r in kept) <= 3  # the smallest row, and a gap cheaper than its marker


def test_a_short_count_list_is_the_answer_and_stays_whole() -> None:
    rows = [f"      {200 - 3 * i} from django.{name}" for i, name in enumerate(f"mod{k}.utils.helpers" for k in range(55))]
    assert sift.lossy_candidates("\n".join(rows) + "\n", "bash", S) == []


def test_a_list_of_values_keeps_its_smallest_even_zero() -> None:
    # grep -r . /proc/sys/net/ipv4/conf/eth0: one value per file, 0 an ordinary value among them.
    names = ["accept_local", "accept_redirects", "arp_accept", "arp_announce", "arp_filter", "arp_ignore",
             "bootp_relay", "disable_policy", "forwarding", "log_martians", "mc_forwarding", "medium_id",
             "promote_secondaries", "proxy_arp", "rp_filter", "secure_redirects", "send_redirects", "tag"]
    rows = [f"/proc/sys/net/ipv4/conf/if{k}/{n}:{(k * 7 + j) % 5 + 1}" for k in range(6) for j, n in enumerate(names)]
    rows[50] = "/proc/sys/net/ipv4/conf/if2/medium_id:0"
    _, out = lossy_rendering("\n".join(rows) + "\n", S)
    assert "/proc/sys/net/ipv4/conf/if2/medium_id:0" in out.split("\n")
