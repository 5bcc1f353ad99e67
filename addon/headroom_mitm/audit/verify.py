"""Verifying an audit trail: the hash chain across rotated files, torn tails, an optional anchor; the CLI."""

from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence



from .head import Head, head_path, read_head
from .trail import GENESIS, _chain_of, chain_files, line_hash


# ---- verification -------------------------------------------------------------------------------------


@dataclass
class VerifyResult:
    ok: bool
    records: int
    problems: list[str]
    notes: list[str] = field(default_factory=list)  # not tampering: torn tails, where the chain starts
    last_seq: int | None = None
    last_hash: str | None = None
    lost: int = 0  # records the writer could not write (stated in the trail or its head anchor)
    missing: int = 0  # records the head anchor names beyond the end of the trail (a cut-off tail)


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # A duplicated key could show one value to a reader and hash another.
    obj: dict[str, Any] = {}
    for key, value in pairs:
        if key in obj:
            raise ValueError(f"duplicate key {key!r}")
        obj[key] = value
    return obj


def verify(
    paths: Sequence[str | os.PathLike[str]],
    *,
    hmac_key: bytes | None = None,
    anchor: str | None = None,
    head: Head | None = None,
) -> VerifyResult:
    """Check the chain across `paths` (oldest first; see chain_files).

    Every problem names file:line and, where readable, the record's seq. `anchor` is the hash the
    first record must follow when the files do not start at the beginning of the chain (e.g. the
    ``last_hash`` of an earlier verification); without it the chain must start at GENESIS.
    `head` is the trail's head anchor (see head.py): a tail cut off or records lost are problems.
    """
    files = [Path(p) for p in paths]
    problems: list[str] = []
    notes: list[str] = []
    expected_prev = anchor or GENESIS
    expected_seq: int | None = None if anchor else 1
    last_where: str | None = None
    resync = False  # after an unreadable line, take the next good line as the new baseline
    count = 0
    last_seq: int | None = None
    lost = 0

    for index, path in enumerate(files):
        try:
            data = path.read_bytes()
        except OSError as exc:
            problems.append(f"{path}: cannot read: {exc.strerror or exc}")
            resync = True
            continue
        lines = data.split(b"\n")
        tail = lines.pop()
        if not lines and not tail:
            notes.append(f"{path}: empty file")
        first_in_file = True
        for lineno, raw in enumerate(lines, 1):
            loc = f"{path}:{lineno}"
            if not raw.strip():
                problems.append(f"{loc}: blank line inside the trail (lines were removed or edited)")
                continue
            try:
                obj = json.loads(raw, object_pairs_hook=_no_duplicate_keys)
                chain = _chain_of(obj)
                seq, prev, digest = chain["seq"], chain["prev"], chain["hash"]
                if not (isinstance(seq, int) and isinstance(prev, str) and isinstance(digest, str)):
                    raise ValueError("seq/prev/hash have the wrong types")
            except (ValueError, KeyError, TypeError, AttributeError) as exc:
                problems.append(f"{loc}: not a chained audit record ({exc}): edited or corrupted")
                resync = True
                first_in_file = False
                continue
            where = f"{loc} (seq {seq})"
            if isinstance(chain.get("lost"), int) and chain["lost"] > 0:
                lost += chain["lost"]
                problems.append(f"{where}: {chain['lost']} record(s) just before this one could not be written")

            keyed = digest.startswith("hmac-sha256:")
            if keyed and hmac_key is None:
                problems.append(f"{where}: record is HMAC-keyed; verify with the key")
            elif hmac_key is not None and not keyed:
                problems.append(f"{where}: unkeyed record in a keyed trail: rewritten without the key")
            elif line_hash(obj, hmac_key if keyed else None) != digest:
                problems.append(f"{where}: content does not match its hash: the record was edited")

            if first_in_file and index > 0:
                given = files[index - 1].name
                stated = chain.get("prev_file")
                if stated is not None and stated != given:
                    problems.append(
                        f"{where}: file says it follows {stated!r} but the file given before it is {given!r} "
                        "(files missing or out of order)"
                    )

            if not resync:
                if expected_seq is not None and seq != expected_seq and last_where is not None:
                    if seq > expected_seq:
                        problems.append(
                            f"{where}: seq jumps from {expected_seq - 1} to {seq}: "
                            f"{seq - expected_seq} record(s) missing before this line"
                        )
                    else:
                        problems.append(
                            f"{where}: seq {seq} does not follow seq {expected_seq - 1} ({last_where}): "
                            "a record was inserted, duplicated or reordered"
                        )
                if last_where is None and anchor is None and prev == GENESIS and seq != 1:
                    problems.append(f"{where}: the chain starts at seq {seq}, not 1")
                if prev != expected_prev:
                    if last_where is None:
                        origin = "the given anchor" if anchor else "the start of the chain"
                        after = f" (it follows file {chain['prev_file']!r})" if chain.get("prev_file") else ""
                        problems.append(
                            f"{where}: does not follow {origin}{after}: earlier records or files are missing; "
                            "pass them too, or pass anchor="
                        )
                    else:
                        problems.append(
                            f"{where}: prev does not match the hash of the record before it ({last_where}): "
                            "a record was edited, removed, inserted or reordered"
                        )
            resync = False
            expected_prev, expected_seq, last_where = digest, seq + 1, where
            last_seq = seq
            count += 1
            first_in_file = False
        if tail:
            notes.append(
                f"{path}:{len(lines) + 1}: incomplete tail ({len(tail)} bytes without a newline), not verified: "
                "a write cut short by a crash"
            )
    if count and last_where is not None:
        notes.append(f"verified through {last_where}")
    missing = 0
    if head is not None:
        missing, head_lost = _check_head(head, last_seq if count else 0, expected_prev if count else None, problems, notes)
        lost += head_lost
    return VerifyResult(
        ok=not problems,
        records=count,
        problems=problems,
        notes=notes,
        last_seq=last_seq,
        last_hash=expected_prev if count else None,
        lost=lost,
        missing=missing,
    )


def _check_head(head: Head, last_seq: int | None, last_hash: str | None, problems: list[str], notes: list[str]) -> tuple[int, int]:
    """(records missing at the tail, records lost after the last one) per the head anchor."""
    end = last_seq or 0
    missing = 0
    if head.seq > end:
        missing = head.seq - end
        problems.append(
            f"the trail ends at seq {end} but its head anchor says {head.seq}: "
            f"{missing} record(s) missing at the tail (cut off or deleted)"
        )
    elif head.seq == end and head.seq and head.hash != last_hash:
        problems.append(f"the head anchor's hash for seq {end} differs from the trail's: the last record was replaced")
    elif head.seq < end:
        notes.append(f"the head anchor is behind the trail (seq {head.seq} < {end}): it could not be updated")
    if head.lost:
        problems.append(f"{head.lost} record(s) after seq {head.seq} could not be written (per the head anchor)")
    return missing, head.lost


def main(argv: Sequence[str] | None = None) -> int:
    """`python -m headroom_mitm.audit.trail verify FILE…` — exit 0 when the chain holds, 1 otherwise."""
    parser = argparse.ArgumentParser(prog="headroom-mitm-audit", description="Verify a headroom-mitm audit trail.")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("verify", help="verify the hash chain")
    check.add_argument("files", nargs="+", type=Path, help="files oldest first; a single active file pulls in its rotated siblings")
    check.add_argument("--hmac-key-file", type=Path, help="file holding the HMAC key the trail was written with")
    check.add_argument("--anchor", help="hash the first record must follow (from an earlier verification)")
    check.add_argument("--head", type=Path, help="head anchor file (default: ACTIVE.head beside the last file given)")
    args = parser.parse_args(argv)

    files: list[Path] = args.files
    if len(files) == 1:
        files = chain_files(files[0]) or files  # the active file brings its rotated predecessors
    key = args.hmac_key_file.read_bytes().strip() if args.hmac_key_file else None
    head_file = args.head or head_path(args.files[-1])
    head = read_head(head_file, key)
    if head is None and head_file.exists():
        print(f"PROBLEM {head_file}: head anchor unreadable (both slots invalid or forged)")
    result = verify(files, hmac_key=key, anchor=args.anchor, head=head)
    for problem in result.problems:
        print(f"PROBLEM {problem}")
    for note in result.notes:
        print(f"note    {note}")
    ok = result.ok and not (head is None and head_file.exists())
    status = "OK" if ok else "FAILED"
    gaps = f"; {result.lost} lost, {result.missing} missing at the tail" if result.lost or result.missing else ""
    anchored = f" (head anchor {head_file.name})" if head is not None else " (no head anchor)"
    print(f"{status}: {result.records} records in {len(files)} file(s){gaps}; last seq {result.last_seq}, last hash {result.last_hash}{anchored}")
    return 0 if ok else 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
