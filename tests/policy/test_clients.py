"""ClientLedger: the connection caps and the first-head deadline, as plain data."""

from headroom_mitm.policy.clients import ClientLedger


def test_caps_per_address_and_in_all_and_slots_come_back():
    ledger = ClientLedger(per_address=2, total=3)
    assert ledger.admit("a1", "10.0.0.1", 0) is None
    assert ledger.admit("a2", "10.0.0.1", 0) is None
    assert "from 10.0.0.1" in ledger.admit("a3", "10.0.0.1", 0)
    assert ledger.admit("b1", "10.0.0.2", 0) is None
    assert "3 open" in ledger.admit("c1", "10.0.0.3", 0)
    assert ledger.refused == 2
    ledger.gone("a3")  # a refused connection was never counted in
    ledger.gone("a1")
    assert ledger.by_address == {"10.0.0.1": 1, "10.0.0.2": 1}
    assert ledger.admit("c1", "10.0.0.3", 0) is None


def test_zero_means_no_cap():
    ledger = ClientLedger()
    assert all(ledger.admit(f"c{i}", "10.0.0.1", 0) is None for i in range(1000))


def test_only_connections_without_a_head_are_overdue_and_each_once():
    ledger = ClientLedger()
    for cid in ("slow", "done", "late"):
        ledger.admit(cid, "10.0.0.1", 100.0 if cid != "late" else 108.0)
    ledger.head_done("done")
    assert ledger.overdue(109.0, 10) == []
    assert ledger.overdue(110.5, 10) == ["slow"]
    assert ledger.overdue(111.0, 10) == []
    assert ledger.overdue(118.5, 10) == ["late"]
    assert ledger.timed_out == 2
    ledger.gone("slow")
    assert ledger.by_address == {"10.0.0.1": 2}
