"""Round 230, indexers run as programs: the help desk's documents (`deskdocs`) indexed and searched by Xapian's
omindex / xapian-delve / quest / xapian-check, Recoll's recollindex / recollq with a config of the round's own (a mail
filter that does not exist), swish-e, and plocate's updatedb / locate, with damaged databases (bytes overwritten in a
Xapian table, a table cut short, a locate database cut short). The extractors are this round's (NEEDLES.md,
"Round 230"). Run through capture_wide230.py."""

from __future__ import annotations

import random
import re
from pathlib import Path

from capture_more import kind, run
from capture_wide230 import by_shape, cap, ends, exit_lines, make_docs, pick

# ------------------------------------------------------------------ the extractors (NEEDLES.md, "Round 230")


@kind("xapian-omindex", "log")
def n_omindex(lines):
    """Rule 1+3: every failure / skipped-file line (one {"any"} per masked shape on more than 3 lines), the first and last Indexing line, closing summary lines."""
    bad = pick(lines, r"Skipping|[Ff]ailed|[Ee]rror|Permission denied|Unknown extension|can't|unreadable|filter")
    idx = pick(lines, r'^Indexing "')
    return by_shape(bad) + ends(idx) + pick(lines, r"^(Total|Indexed|Deleted|Removed) |documents? (added|indexed)") \
        + exit_lines(lines)


STAT_RE = (r"^(UUID|number of documents|average document length|document length lower bound|document length upper "
           r"bound|highest document id ever used|has positional information|revision|currently open for writing) =")


@kind("xapian-delve", "table")
def n_delve(lines):
    """Rule 1+5: every error line, the database statistics lines, every Posting List / Term List / Value header line with its first entry line, the first and last line of a listing over 30 lines (else every line)."""
    out = pick(lines, r"[Ee]rror|DatabaseOpeningError|DatabaseCorruptError|^xapian-delve:|[Cc]ouldn't|No such")
    out += pick(lines, STAT_RE)
    heads = [i for i, ln in enumerate(lines) if re.match(r"^(Posting List for term|Term List for record|Values? "
                                                         r"(for|\d+ for)|All terms in database)", ln)]
    for j, i in enumerate(heads):
        out.append(lines[i])
        stop = heads[j + 1] if j + 1 < len(heads) else len(lines)
        body = [ln for ln in lines[i + 1:stop] if ln.strip() and not re.search(STAT_RE, ln) and not EXIT(ln)]
        out += body if len(body) <= 30 else ends(body)
    if not heads:  # a listing whose header a pipe filtered away (`| grep '^Z'`)
        body = [ln for ln in lines if ln.strip() and ln not in out and not EXIT(ln)]
        out += body if len(body) <= 30 else ends(body)
    return out + exit_lines(lines)


def EXIT(ln: str) -> bool:
    return bool(re.match(r"^EXIT=\d+$", ln.strip()))


@kind("xapian-quest", "search")
def n_quest(lines):
    """Rule 1+5: each query's Parsed Query, match-count and MSet lines, the first and last hit line with its first text line, every error line."""
    out: list = []
    starts = [i for i, ln in enumerate(lines) if ln.startswith("Parsed Query:")] + [len(lines)]
    for a, b in zip(starts, starts[1:]):
        block = lines[a:b]
        out += pick(block, r"^Parsed Query:|^(Exactly|Between|About) .*match|^MSet:")
        hits = [i for i, ln in enumerate(block) if re.match(r"^\d+: \[[\d.]+\]", ln)]
        for i in ends(hits):
            out.append(block[i])
            if i + 1 < len(block) and block[i + 1].strip():
                out.append(block[i + 1])
    out += pick(lines, r"[Ee]rror|QueryParserError|Syntax:|Unknown (stemming )?language|Couldn't|No such")
    return out + exit_lines(lines)


@kind("xapian-check", "lint")
def n_xapian_check(lines):
    """Rule 1+3: every fault line (one {"any"} per masked shape on more than 3 lines), the header of each table that reports a fault, the closing errors line."""
    rx = r"[Ee]rror|[Cc]orrupt|[Ff]ailed|DatabaseCorruptError|DatabaseOpeningError|inconsistent|mismatch|[Ww]rong"
    bad = [ln for ln in pick(lines, rx) if not re.search(r"^No errors found|errors found$", ln)]
    out = by_shape(bad)
    table = None
    for ln in lines:
        if re.match(r"^(docdata|postlist|position|termlist|spelling|synonym|record|value|.*\.glass):$", ln):
            table = ln
        elif table and re.search(rx, ln) and not re.search(r"errors found$", ln):
            out.append(table)
            table = None
    return out + pick(lines, r"No errors found|\d+ errors? found") + exit_lines(lines)


@kind("recollindex", "log")
def n_recollindex(lines):
    """Rule 1+3: every :1:/:2: line or line naming a failure (one {"any"} per masked shape on more than 3 lines), the first and last progress line, every closing status line."""
    bad = [ln for ln in lines if re.match(r"^:[12]:", ln) or re.search(
        r"[Ee]rror|[Ff]ailed|can't|Cannot|Permission denied|No such file|Unknown|missing|exception", ln)]
    prog = pick(lines, r"Db::add: docid \d+ added|[Ii]ndexing|processing")
    prog = [ln for ln in prog if ln not in bad]
    return by_shape(bad) + ends(prog) + pick(lines, r"status:|Indexing done|Docs:|Files:|recollindex: exiting") \
        + exit_lines(lines)


@kind("recollq", "search")
def n_recollq(lines):
    """Rule 1+5: each Recoll query line and its results count line, the first and last result of each query, the first abstract line under the first result, every error line."""
    out: list = []
    starts = [i for i, ln in enumerate(lines) if ln.startswith("Recoll query:")] + [len(lines)]
    for a, b in zip(starts, starts[1:]):
        block = lines[a:b]
        out.append(block[0])
        out += pick(block, r"^\d+ results")
        res = [i for i, ln in enumerate(block) if re.match(r"^[a-z]+/[\w.+-]+\t\[", ln)]
        out += [block[i] for i in ends(res)]
        if res and res[0] + 1 < len(block) and block[res[0] + 1].startswith("ABSTRACT"):
            nxt = block[res[0] + 2] if block[res[0] + 1].strip() == "ABSTRACT" else block[res[0] + 1]
            out.append(nxt)
    out += pick(lines, r"^recollq:|[Ee]rror|Can't|[Ss]yntax error|no results|failed|:[12]:")
    return out + exit_lines(lines)


def _ext(path: str) -> str:
    name = path.rsplit("/", 1)[-1]
    return name.rsplit(".", 1)[-1] if "." in name else "<none>"


@kind("plocate", "listing")
def n_locate(lines):
    """Rule 1+4+5: every error line, -S statistics lines, every bare count line, paths: all when at most 30, else the first, the last and each path whose extension occurs at most twice."""
    out = pick(lines, r"^(p?locate|pread|open|mmap):|[Ee]rror|corrupt|not found|Permission denied|No such file"
                      r"|invalid option|[Uu]sage:|unrecognized")
    out += pick(lines, r"^Database .*:|^\s*[\d,]+ (directories|files|bytes)")
    out += [ln for ln in lines if re.match(r"^\d+$", ln.strip())]
    paths = [ln for ln in lines if ln.startswith("/")]
    if len(paths) <= 30:
        out += paths
    else:
        cnt: dict[str, int] = {}
        for p in paths:
            cnt[_ext(p)] = cnt.get(_ext(p), 0) + 1
        out += ends(paths) + [p for p in paths if cnt[_ext(p)] <= 2]
    return out + exit_lines(lines)


@kind("updatedb", "listing")
def n_updatedb(lines):
    """Rule 1+5: every error/warning line, the first and last path printed, paths named in an error line."""
    bad = pick(lines, r"^updatedb:|[Ee]rror|Permission denied|can't|[Ww]arning|No such file|invalid")
    paths = [ln for ln in lines if ln.startswith("/")]
    named = [p for p in paths if any(p in b for b in bad)]
    return bad + ends(paths) + named + exit_lines(lines)


@kind("swish-e-index", "log")
def n_swish_index(lines):
    """Rule 1+3: every err:/warning/Skipping/Can't line (one {"any"} per masked shape on more than 3 lines), the data-source and Indexing lines, every summary line."""
    bad = pick(lines, r"err:|[Ee]rror|[Ww]arning:|Skipping|Couldn't|Can't|[Uu]nknown")
    out = by_shape(bad) + pick(lines, r'^Indexing Data Source:|^Indexing "')
    out += pick(lines, r"Removing very common words|no words removed|words removed|Writing main index"
                       r"|unique words indexed|files indexed|Elapsed time|Indexing done")
    return out + exit_lines(lines)


@kind("swish-e-search", "search")
def n_swish_search(lines):
    """Rule 1+5: each query's Search words / Removed stopwords / Number of hits / Search time lines, every err: line, the first and last hit of each query."""
    out: list = []
    starts = [i for i, ln in enumerate(lines) if ln.startswith("# Search words:")] + [len(lines)]
    for a, b in zip(starts, starts[1:]):
        block = lines[a:b]
        out += pick(block, r"^# (Search words|Removed stopwords|Number of hits|Search time):")
        hits = [ln for ln in block if re.match(r"^\d+ \S", ln)]
        out += ends(hits)
    out += pick(lines, r"^err:|[Ee]rror|Couldn't|Can't")
    return out + exit_lines(lines)


# ------------------------------------------------------------------ the steps

def _damage(path: Path, seed: int, n: int, block: int = 8192) -> None:
    """Bytes overwritten inside the table's blocks (past the first), seeded."""
    rnd = random.Random(seed)
    data = bytearray(path.read_bytes())
    nblocks = max(2, len(data) // block)
    for _ in range(n):
        b = rnd.randrange(1, nblocks)
        off = b * block + rnd.randrange(16, block - 16)
        if off < len(data):
            data[off:off + 8] = bytes(rnd.randrange(256) for _ in range(8))
    path.write_bytes(bytes(data))


def xapian(tmp: Path) -> None:
    root = tmp / "xap"
    docs = root / "deskdocs"
    make_docs(docs)
    cap("omindex-full", "omindex -v --db db --url / deskdocs 2>&1", root, n_omindex, timeout=900)
    cap("omindex-tail", "omindex -v --db db2 --url /manuals --stemmer german -m 1200 deskdocs/manuals 2>&1 | "
        "tail -n 80; echo EXIT=$?", root, n_omindex, timeout=900)
    rnd = random.Random(31)
    for p in sorted((docs / "tickets" / "2025").glob("*.txt"))[:40]:
        p.write_text(p.read_text() + "\nUpdate: " + " ".join(rnd.choice(["toner", "badge", "relay"]) for _ in range(9)))
    cap("omindex-errors", "omindex -v --db db --url / deskdocs 2>&1 | grep -iE 'skip|fail|error|updat'; echo EXIT=$?",
        root, n_omindex, timeout=900)
    cap("delve-stats", "xapian-delve db; xapian-delve -r 12 -V db; xapian-delve -t Zprinter db; "
        "xapian-delve -t Zescal db; xapian-delve -t XNOSUCH db; echo EXIT=$?", root, n_delve)
    cap("delve-terms", "xapian-delve -1 -a db | grep '^Z' | head -n 600", root, n_delve)
    cap("delve-values", "xapian-delve -V0 -1 db | head -n 300; xapian-delve -1 -t Zspooler db | tail -n 40", root,
        n_delve)
    cap("quest-queries", "for q in 'printer jam' 'toner AND NOT fuser' '\"scan to email\"' 'badge release' "
        "'certificate NEAR expired'; do quest -d db -m 15 \"$q\"; done", root, n_quest)
    cap("quest-stemmers", "quest -d db -s english 'calibrating colours' | head -n 40; quest -d db -s klingon "
        "printer; echo EXIT=$?; quest -d db2 -s german 'printers'| head -n 30; quest -d db 'toner AND'; "
        "quest -d db '(spooler OR'; quest -d nodb printer; echo EXIT=$?", root, n_quest)
    # damaged copies
    run("cp -r db dbbad && cp -r db dbcut", cwd=root)
    _damage(root / "dbbad" / "postlist.glass", 7, 40)
    _damage(root / "dbbad" / "termlist.glass", 8, 12)
    tl = root / "dbcut" / "position.glass"
    tl.write_bytes(tl.read_bytes()[: len(tl.read_bytes()) // 3])
    cap("check-good", "xapian-check db; echo EXIT=$?", root, n_xapian_check)
    cap("check-bad", "xapian-check dbbad; echo EXIT=$?; for t in docdata termlist postlist position; do "
        "echo \"== $t\"; xapian-check dbbad/$t.glass; done 2>&1 | head -n 120; echo EXIT=$?", root, n_xapian_check)
    cap("check-cut", "xapian-check dbcut; echo EXIT=$?; xapian-check dbcut/termlist.glass; xapian-delve dbbad; "
        "quest -d dbbad printer; echo EXIT=$?", root, n_xapian_check)


RECOLL_CONF = """topdirs = {docs}
loglevel = {level}
logfilename = stderr
indexstemminglanguages = english french
skippedNames+ = *.bak
"""


def recoll(tmp: Path) -> None:
    root = tmp / "rcl"
    docs = root / "deskdocs"
    make_docs(docs, seed=2301)
    for conf, level in [("rc", 3), ("rc2", 2)]:
        d = root / conf
        d.mkdir(parents=True)
        (d / "recoll.conf").write_text(RECOLL_CONF.format(docs=docs, level=level))
        (d / "mimemap").write_text(".eml = text/x-deskmail\n.tif = image/tiff\n")
        (d / "mimeconf").write_text("[index]\ntext/x-deskmail = exec rcldeskmail\nimage/tiff = execm rcltiffocr\n")
    cap("recollindex-full", "recollindex -c rc -z 2>&1", root, n_recollindex, timeout=900)
    cap("recollindex-errors", "recollindex -c rc2 -z 2>&1 | tail -n 60; echo EXIT=$?", root, n_recollindex,
        timeout=900)
    cap("recollindex-files", "recollindex -c rc -i deskdocs/manuals/scans/* deskdocs/tickets/empty.txt "
        "deskdocs/tickets/legacy-latin1.txt deskdocs/code/tools/current.py deskdocs/nosuch.txt 2>&1; echo EXIT=$?",
        root, n_recollindex)
    cap("recollq-queries", "for q in 'printer jam' 'toner -fuser' 'ext:py badge' 'dir:tickets escalated' "
        "'\"scan to email\"'; do recollq -c rc -n 20 \"$q\"; done 2>&1", root, n_recollq)
    cap("recollq-abstracts", "recollq -c rc -A -n 40 'certificate renewal' 2>&1; recollq -c rc -S mtime -D -n 8 "
        "'spooler' 2>&1 | head -n 20", root, n_recollq)
    cap("recollq-errors", "recollq -c rc 'printer AND (' ; recollq -c rc 'mime:text/x-deskmail relay'; "
        "recollq -c nosuchconf printer; echo EXIT=$?; recollq -c rc 'author:ana.ruiz'; recollq -c rc -n 5 "
        "'Résumé'; echo EXIT=$?", root, n_recollq)


SWISH_CONF = """IndexDir deskdocs
IndexFile ./desk.index
IndexOnly .html .txt .md .eml .py .sh .pdf
IndexContents HTML* .html .pdf
IndexContents TXT* .txt .md .eml .py .sh
DefaultContents HTML*
StoreDescription HTML* <body> 160
StoreDescription TXT* 120
MetaNames author swishtitle
PropertyNames author
FileRules filename contains \\.bak$
"""


def swish(tmp: Path) -> None:
    root = tmp / "swish"
    docs = root / "deskdocs"
    make_docs(docs, seed=2302)
    (root / "sw.conf").write_text(SWISH_CONF)
    typo = SWISH_CONF.replace("PropertyNames author", "PropertyNames author\nStoreDescripton TXT* 80")
    (root / "typo.conf").write_text(typo)
    (root / "bad.conf").write_text(SWISH_CONF.replace("IndexDir deskdocs", "IndexDir deskdocs deskdocs/nosuch")
                                   .replace("IndexOnly .html", "IndexOnly .tif .bin .html"))
    cap("swish-index-v2", "swish-e -c sw.conf -v 2 2>&1", root, n_swish_index, timeout=600)
    cap("swish-index-v3", "swish-e -c sw.conf -f v3.index -v 3 2>&1 | head -n 200; echo EXIT=$?", root,
        n_swish_index, timeout=600)
    cap("swish-index-bad", "swish-e -c bad.conf -f bad.index -v 1 2>&1 | tail -n 300; swish-e -c typo.conf "
        "-f t.index; echo EXIT=$?; swish-e -c sw.conf "
        "-i deskdocs/manuals deskdocs/mail -f part.index -v 1 2>&1 | grep -iE 'err|warn|indexed|done'", root,
        n_swish_index, timeout=600)
    cap("swish-search", "for q in printer 'toner and not fuser' 'scan near email' 'badge*' 'author=ana.ruiz'; do "
        "swish-e -f desk.index -m 15 -w \"$q\"; done", root, n_swish_search)
    cap("swish-search-errors", "swish-e -f desk.index -w 'spooler and (' ; swish-e -f desk.index -w 'lang=fr';"
        " swish-e -f nosuch.index -w printer; echo EXIT=$?; swish-e -f desk.index -w 'the and of'; "
        "swish-e -f desk.index -m 40 -s swishdocsize -w 'certificate' | tail -n 20", root, n_swish_search)


def locate(tmp: Path) -> None:
    root = tmp / "loc"
    docs = root / "deskdocs"
    make_docs(docs, seed=2303, n_tickets=700, n_mail=300)
    run(f"updatedb -o desk.db -U {docs}", cwd=root)  # the database the searches read (a `| head` cuts -v short)
    cap("updatedb-verbose", f"updatedb -v -o desk1.db -U {docs} 2>&1 | head -n 100; echo EXIT=$?", root, n_updatedb)
    cap("updatedb-prune", f"updatedb -v -o desk2.db -U {docs} --prunepaths {docs}/mail --prunenames scans "
        f"2>&1 | tail -n 60; updatedb -o x.db -U {docs}/nosuch; echo EXIT=$?; updatedb -o /nosuchdir/x.db -U {docs}; "
        "echo EXIT=$?", root, n_updatedb)
    cap("locate-count", "for t in HD-41 HD-42 HD-43 HD-44 HD-45 HD-46 HD-47 HD-48 .eml .html .md .py .sh .txt "
        ".tif .pdf guide notes scans badge release spooler toner cert '*.tif' '*/2024/*' '*/2025/*' '*/2026/*' "
        "current nosuch; do "
        "echo -n \"$t: \"; locate -d desk.db -c \"$t\"; done; locate -d desk.db -c -i 'hd-4'; "
        "locate -d desk2.db -c .eml; locate -d desk.db -i -l 15 NOTES", root, n_locate)
    cap("locate-list", "locate -d desk.db -i 'hd-45' | head -n 100; locate -d desk.db -r '\\.(tif|bin|pdf)$'",
        root, n_locate)
    head = (root / "desk.db").read_bytes()
    (root / "cut.db").write_bytes(head[: len(head) // 2])
    (root / "junk.db").write_bytes(b"\x00mlocate" + bytes(random.Random(9).randrange(256) for _ in range(4000)))
    cap("locate-errors", "locate -d cut.db guide | head -n 20; echo EXIT=$?; locate -d junk.db guide; echo EXIT=$?; "
        "locate -d nosuch.db guide; echo EXIT=$?; locate -S -d desk.db; echo EXIT=$?; locate -d desk.db -l 5 "
        "HD-46; locate -d desk.db -e -b current.py; echo EXIT=$?", root, n_locate)


STEPS = [xapian, recoll, swish, locate]
