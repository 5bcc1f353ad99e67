"""What OpenCode's own truncation cut: find its marker in a tool output and read the saved file.

OpenCode (1.18.33) writes a long tool output whole to `$XDG_DATA_HOME/opencode/tool-output/tool_<id>`
and sends only part of it, in one of two shapes:

- shell tool: `...output truncated...\\n\\nFull output saved to: PATH\\n\\n` + the tail, maybe
  followed by a `<shell_metadata>` block (timeout, abort) that is not in the file;
- every other tool: the head + `\\n\\n... output truncated; full content saved to PATH ...` +
  `\\n\\n` + the tail (the tail can be missing).

Request text is not trusted: a header can be forged by anything a tool printed. So a file is read
only when its real path lies under a configured tool-output directory, every component is opened
without following symlinks, it is a regular file of our own uid under the size cap, and its
content really starts and ends with what the block shows. Nothing here raises on bad input.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Sequence
from dataclasses import dataclass

_SHELL = re.compile(r"\A\.\.\.output truncated\.\.\.\n\nFull output saved to: (?P<path>[^\n]+)\n\n")
_META_OPEN, _META_CLOSE = "\n\n<shell_metadata>\n", "\n</shell_metadata>"
_STORE = re.compile(r"\n\n(?P<marker>\.\.\. output truncated; full content saved to (?P<path>[^\n]+) \.\.\.)(?:\n\n|\Z)")
# OpenCode names its files tool_<ascending id>; nothing else in the directory is ours to read.
_FILE_NAME = re.compile(r"tool_[0-9A-Za-z]+\Z")
# Less than this much shown text is too little evidence that the file belongs to the block.
MIN_SHOWN_CHARS = 64


@dataclass(frozen=True)
class Truncation:
    """One truncated block: where the whole output is, and what of it the block shows."""

    path: str
    header: str  # kept at the top of the rendering: the model still learns where the file is
    head: str  # shown prefix of the whole output ("" for the shell shape)
    tail: str  # shown suffix of the whole output
    suffix: str = ""  # text after the output that is not part of the file (shell metadata)

    def shows_part_of(self, full: str) -> bool:
        """True when `full` is the output this block was cut from, and longer than what it shows."""
        shown = len(self.head) + len(self.tail)
        return (
            shown >= MIN_SHOWN_CHARS
            and len(full) > shown
            and full.startswith(self.head)
            and full.endswith(self.tail)
        )


def _metadata_start(rest: str) -> int:
    """Where the first `<shell_metadata>` block that runs to the end starts, or -1. Two finds: a
    search for the opening with a lazy run to a closing at the end tried every opening against
    the rest of the text (a block of a hundred thousand openings, 2 MB, took minutes)."""
    if not rest.endswith(_META_CLOSE):
        return -1
    start = rest.find(_META_OPEN)
    return start if start != -1 and start + len(_META_OPEN) <= len(rest) - len(_META_CLOSE) else -1


def parse_truncations(text: str) -> list[Truncation]:
    """Every reading of `text` as an OpenCode-truncated block (usually one, never many)."""
    m = _SHELL.match(text)
    if m is not None:
        header, rest = text[: m.end()], text[m.end():]
        found = [Truncation(m["path"], header, "", rest)]
        meta = _metadata_start(rest)
        if meta != -1:  # the output itself may end like metadata: try both readings
            found.insert(0, Truncation(m["path"], header, "", rest[:meta], rest[meta:]))
        return found
    marks = list(_STORE.finditer(text))
    if len(marks) != 1:  # none, or ambiguous: an output that quotes the marker
        return []
    m = marks[0]
    return [Truncation(m["path"], m["marker"] + "\n\n", text[: m.start()], text[m.end():])]


def read_saved_output(named: str, allowed_dirs: Sequence[str], max_bytes: int) -> str | None:
    """The text of `named` if it is an OpenCode tool-output file we may read, else None."""
    if not named or "\0" in named or not os.path.isabs(named):
        return None
    # Directories above it are resolved, the file itself never: a symlink named by OpenCode's
    # marker (even to another file of the directory) is not ours to read.
    real = os.path.join(os.path.realpath(os.path.dirname(named)), os.path.basename(named))
    for directory in allowed_dirs:
        root = os.path.realpath(directory)
        rel = os.path.relpath(real, root)
        parts = rel.split(os.sep)
        if rel == os.curdir or parts[0] == os.pardir or not _FILE_NAME.match(parts[-1]):
            continue
        return _read_beneath(root, parts, max_bytes)
    return None


def _read_beneath(root: str, parts: list[str], max_bytes: int) -> str | None:
    """Open root/parts… one component at a time with O_NOFOLLOW: a symlink swapped in after
    realpath() cannot lead outside. O_NONBLOCK keeps a FIFO from blocking the open."""
    nofollow = os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC
    try:
        dir_fd = os.open(root, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    except OSError:
        return None
    try:
        for part in parts[:-1]:
            next_fd = os.open(part, nofollow | os.O_DIRECTORY, dir_fd=dir_fd)
            os.close(dir_fd)
            dir_fd = next_fd
        if not stat.S_ISREG(os.stat(parts[-1], dir_fd=dir_fd, follow_symlinks=False).st_mode):
            return None  # checked before opening: never open a device or a FIFO
        fd = os.open(parts[-1], nofollow | os.O_NONBLOCK, dir_fd=dir_fd)
    except OSError:
        return None
    finally:
        os.close(dir_fd)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_uid != os.geteuid() or info.st_size > max_bytes:
            return None
        if info.st_nlink != 1:
            return None  # a hard link: the same inode may be a file outside the directory
        with os.fdopen(fd, "rb", closefd=False) as f:
            data = f.read(max_bytes + 1)
    except OSError:
        return None
    finally:
        os.close(fd)
    if len(data) > max_bytes:
        return None  # grew after fstat
    return data.decode("utf-8", "replace")


def recover_full_output(text: str, allowed_dirs: Sequence[str], max_bytes: int) -> tuple[Truncation, str] | None:
    """(how the block was cut, the whole output) when `text` is a block OpenCode truncated and
    its saved file passes every check; None otherwise."""
    if not allowed_dirs:
        return None
    readings = parse_truncations(text)
    if not readings:
        return None
    full = read_saved_output(readings[0].path, allowed_dirs, max_bytes)
    if full is None:
        return None
    for cut in readings:
        if cut.shows_part_of(full):
            return cut, full
    return None
