#!/usr/bin/env python3
"""Capture round 230 of the compression corpus: full-text search indexers and file-locating tools, in shapes new to
the corpus. Real runs of Xapian (`omindex -v`, `xapian-delve`, `quest`, `xapian-check`), Recoll (`recollindex -c` with
a config of the round's own, `recollq`), plocate (`updatedb -o DB -U TREE`, `locate -d DB`), swish-e (indexing and
searching), Whoosh and Tantivy from PyPI (index and query scripts printing hits, scores and explanations) and SQLite's
FTS5 (`MATCH`, `bm25()`, `snippet()`, `highlight()`), over a help desk's documents (`deskdocs`: manuals, tickets, mail,
code) made here by seeded generators, with faults put in (files no filter reads, a PDF that is not one, a corrupt
and a truncated database, a wrong stemmer, a missing field, query syntax errors). About half the command lines are
typed as agents type them (`| tail -n 80`, `| head -n 100`, `2>&1 | grep -iE …`, `; echo EXIT=$?`).
The needles come from the rules NEEDLES.md's "Round 230" section fixed before capture, applied by the extractors in
capture_wide230_idx.py and capture_wide230_py.py. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide230.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide230.json  as {"version": 2, "items": [...]}, ids prefixed "wide230-".
"""

from __future__ import annotations

import os
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide230-"
DEFAULT_OUT = HERE / "data" / "wide230.json"
TMP = Path(os.environ.get("HM_WIDE230_TMP", "/dev/shm/hm-corpus-wide230"))
TOOLS = Path(os.environ.get("HM_WIDE230_TOOLS", "/dev/shm/hm-corpus-wide230-tools"))
VENV = TOOLS / "venv"

# the round's sizes: mostly 3-60 KB, a few small ones as real runs print them
MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap

EXIT_RE = re.compile(r"^EXIT=\d+$")


def exit_lines(lines: list[str]) -> list[str]:
    """Rule 3: the status line the agent printed itself (`; echo EXIT=$?`)."""
    return [ln for ln in lines if EXIT_RE.match(ln.strip())]


def pick(lines, pat: str) -> list[str]:
    rx = re.compile(pat)
    return [ln for ln in lines if rx.search(ln)]


def by_shape(bad: list[str], over: int = 3) -> list:
    """Lines kept one by one, except a masked shape on more than `over` lines: one {"any"} of them."""
    shapes: dict[str, list[str]] = {}
    for ln in bad:
        shapes.setdefault(cm.mask(ln), []).append(ln)
    out: list = []
    for group in shapes.values():
        out += [cm.any_of(group)] if len(group) > over else group
    return out


def ends(seq: list[str]) -> list[str]:
    return seq[:1] + seq[-1:]


def ensure_tools() -> None:
    """Debian's indexers (offline mirror) and a venv of Whoosh and Tantivy from PyPI, installed once."""
    for tool, pkg in [("quest", "xapian-tools"), ("omindex", "xapian-omega"), ("recollindex", "recollcmd"),
                      ("plocate", "plocate"), ("swish-e", "swish-e"), ("sqlite3", "sqlite3"),
                      ("pdftotext", "poppler-utils")]:
        cm.ensure_apt(tool, pkg)
    cm.install_venv(VENV, "python", ["whoosh", "tantivy"])
    if not list((VENV / "lib").glob("python3*/site-packages/tantivy")):
        cm.run(f"{VENV}/bin/pip install -q whoosh tantivy", env=cm.PIP_ENV, timeout=900)


# ------------------------------------------------------------------ the help desk's documents (seeded)

PRODUCTS = ["LaserJet 4200", "PixmaPro 9", "Brother HL-L2350", "Zebra ZT230", "Epson WF-7710", "Kyocera P2235"]
TOPICS = ["paper jam", "toner low", "driver crash", "offline queue", "spooler hang", "network timeout",
          "firmware update", "duplex failure", "colour calibration", "scan to email", "badge release",
          "certificate expired"]
WORDS = ("the printer queue driver spooler tray toner fuser drum roller cartridge network subnet gateway dhcp lease "
         "firmware bootloader badge release scan email relay smtp certificate renewal user account password reset "
         "office floor building ticket escalated resolved reopened customer vendor warranty replacement shipping "
         "calibration colour profile density margin duplex simplex feeder envelope label thermal ribbon sensor").split()
PEOPLE = ["ana.ruiz", "bo.chen", "carla.mendes", "dev.patel", "emil.novak", "fatima.sy", "gus.olsen", "hana.ito"]


def para(rnd: random.Random, n: int) -> str:
    return " ".join(rnd.choice(WORDS) for _ in range(n)).capitalize() + "."


def make_docs(root: Path, seed: int = 230, n_tickets: int = 260, n_manuals: int = 60, n_mail: int = 120,
              n_code: int = 40) -> dict[str, str]:
    """The `deskdocs` tree: manuals (HTML, Markdown), tickets (text), mail (.eml), code (Python, shell), with faults:
    binary files of unknown types, a "PDF" that is HTML, an empty file, a Latin-1 file, a dangling symlink."""
    rnd = random.Random(seed)
    files: dict[str, str] = {}
    for i in range(n_manuals):
        prod = PRODUCTS[i % len(PRODUCTS)]
        topic = rnd.choice(TOPICS)
        secs = "".join(f"<h2>{t.title()}</h2>\n<p>{para(rnd, rnd.randint(30, 90))}</p>\n"
                       for t in rnd.sample(TOPICS, 3))
        files[f"manuals/{prod.split()[0].lower()}/guide-{i:03d}.html"] = (
            f"<html><head><title>{prod}: {topic}</title><meta name=\"author\" content=\"{rnd.choice(PEOPLE)}\">"
            f"</head>\n<body><h1>{prod} {topic}</h1>\n{secs}</body></html>\n")
        if i % 5 == 0:
            files[f"manuals/{prod.split()[0].lower()}/notes-{i:03d}.md"] = (
                f"# {prod} notes\n\n## {topic}\n\n{para(rnd, 60)}\n\n## Known issues\n\n{para(rnd, 40)}\n")
    for i in range(n_tickets):
        topic = rnd.choice(TOPICS)
        status = rnd.choices(["resolved", "open", "escalated", "reopened"], [6, 3, 1, 1])[0]
        files[f"tickets/{2024 + i % 3}/HD-{4100 + i}.txt"] = (
            f"Ticket: HD-{4100 + i}\nStatus: {status}\nProduct: {rnd.choice(PRODUCTS)}\nTopic: {topic}\n"
            f"Reporter: {rnd.choice(PEOPLE)}\n\n{para(rnd, rnd.randint(20, 120))}\n")
    for i in range(n_mail):
        who = rnd.choice(PEOPLE)
        files[f"mail/inbox/{i:04d}.eml"] = (
            f"From: {who}@deskdocs.example\nTo: helpdesk@deskdocs.example\nSubject: Re: {rnd.choice(TOPICS)} on "
            f"{rnd.choice(PRODUCTS)}\nDate: Mon, {1 + i % 28} Apr 2025 09:{i % 60:02d}:00 +0000\n"
            f"Content-Type: text/plain; charset=utf-8\n\n{para(rnd, rnd.randint(15, 80))}\n")
    for i in range(n_code):
        fn = rnd.choice(["release_badge", "purge_queue", "renew_cert", "reset_spooler", "poll_toner"])
        files[f"code/tools/{fn}_{i:02d}.py"] = (
            f'"""{fn.replace("_", " ")} helper {i}."""\n\n\ndef {fn}(host, timeout={rnd.randint(5, 60)}):\n'
            f'    """{para(rnd, 12)}"""\n    return host, timeout\n')
        if i % 4 == 0:
            files[f"code/scripts/{fn}_{i:02d}.sh"] = f"#!/bin/sh\n# {para(rnd, 10)}\nlpstat -p | grep {fn}\n"
    write = {k: v for k, v in files.items()}
    cm.write_tree(root, write)
    # the faults
    (root / "manuals" / "scans").mkdir(parents=True, exist_ok=True)
    for i in range(6):
        (root / "manuals" / "scans" / f"scan-{i}.tif").write_bytes(bytes(rnd.randrange(256) for _ in range(900)))
        (root / "manuals" / "scans" / f"scan-{i}.pdf").write_text(files[f"manuals/laserjet/guide-000.html"])
    (root / "mail" / "inbox" / "attachments.bin").write_bytes(bytes(range(256)) * 8)
    (root / "tickets" / "empty.txt").write_text("")
    (root / "tickets" / "legacy-latin1.txt").write_bytes("Ticket: HD-0001\nRésumé du problème: bourrage papier, "
                                                         "imprimante hors ligne\n".encode("latin-1"))
    link = root / "code" / "tools" / "current.py"
    if not link.exists():
        os.symlink(root / "code" / "tools" / "missing_tool.py", link)
    return files


def steps() -> list:
    import capture_wide230_idx as idx  # xapian, recoll, swish-e, plocate
    import capture_wide230_py as py  # whoosh, tantivy, sqlite fts5
    return idx.STEPS + py.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide230", sys.modules["__main__"])
    main()
