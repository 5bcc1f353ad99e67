"""Round 232, round 230's kinds on new material: the marine lab's archive (`labdocs`, capture_wide232.make_labdocs)
indexed and searched by Xapian's omindex / xapian-delve / quest / xapian-check, Recoll with a config of the round's
own (a sonar filter that does not exist), swish-e, plocate's updatedb / locate, scripts of the round's own over Whoosh
and Tantivy, and SQLite's FTS5, with other damage (bytes overwritten in the docdata and position tables, a postlist
cut short, a locate database cut at a quarter). Every extractor is round 230's, imported (NEEDLES.md, "Round 232").
Run through capture_wide232.py."""

from __future__ import annotations

import random
import re
import sqlite3
from pathlib import Path

import capture_more as cm
from capture_more import run
from capture_wide230_idx import (_damage, n_delve, n_locate, n_omindex, n_quest, n_recollindex, n_recollq,
                                 n_swish_index, n_swish_search, n_updatedb, n_xapian_check)
from capture_wide230_py import n_fts5, n_tantivy, n_whoosh
from capture_wide232 import IDX_VENV, cap, make_labdocs


def xapian(tmp: Path) -> None:
    root = tmp / "xap"
    docs = root / "labdocs"
    make_labdocs(docs, seed=2321, n_logs=320)
    cap("omindex-full", "omindex -v --db lab.db --url / labdocs 2>&1 | head -n 700; echo EXIT=$?", root, n_omindex,
        timeout=900)
    rnd = random.Random(2321)
    for p in sorted((docs / "cruises" / "2023").rglob("*.txt"))[:30]:
        p.write_text(p.read_text() + "\nAmended: " + " ".join(rnd.choice(["winch", "sonar", "gale"]) for _ in range(7)))
    (docs / "cruises" / "2022" / "leg-00" / "st300.txt").unlink()
    cap("omindex-rerun", "omindex -v --db lab.db --url / -p labdocs 2>&1 | grep -vE '^Indexing \"/(protocols|mail)' "
        "| tail -n 120; echo EXIT=$?", root, n_omindex, timeout=900)
    cap("delve-stats", "xapian-delve lab.db; xapian-delve -r 40 lab.db; xapian-delve -r 3 -V lab.db; "
        "xapian-delve -t Zwinch -t Zsonar lab.db; xapian-delve -t ZNOSUCHTERM lab.db; xapian-delve -r 99999 lab.db; "
        "echo EXIT=$?", root, n_delve)
    cap("delve-terms", "xapian-delve -a -1 lab.db | grep -vE '^Z|^[0-9]' | head -n 420", root, n_delve)
    cap("quest-queries", "for q in 'winch AND cable' 'otolith OR herring' '\"sediment core\"' 'plankton -formalin' "
        "'salin*' 'mooring NEAR buoy'; do quest -d lab.db -m 12 \"$q\"; done; quest -d lab.db 'winch AND'; "
        "quest -d lab.db -s swahilish sonar; echo EXIT=$?", root, n_quest)
    run("cp -r lab.db labbad.db && cp -r lab.db labcut.db", cwd=root)
    _damage(root / "labbad.db" / "docdata.glass", 2322, 25)
    _damage(root / "labbad.db" / "position.glass", 2323, 30)
    pl = root / "labcut.db" / "postlist.glass"
    pl.write_bytes(pl.read_bytes()[: len(pl.read_bytes()) * 2 // 5])
    cap("check-bad", "xapian-check labbad.db 2>&1 | head -n 80; echo EXIT=$?; for t in postlist position docdata; do "
        "echo \"== $t\"; xapian-check labbad.db/$t.glass 2>&1 | tail -n 25; done; echo EXIT=$?", root, n_xapian_check)
    cap("check-cut", "xapian-check labcut.db; echo EXIT=$?; xapian-check labcut.db/postlist.glass; xapian-check labcut.db/termlist.glass; "
        "xapian-check lab.db; echo EXIT=$?; xapian-delve labcut.db; quest -d labcut.db winch; echo EXIT=$?", root,
        n_xapian_check)


RECOLL_CONF = """topdirs = {docs}
loglevel = {level}
logfilename = stderr
indexstemminglanguages = english german
skippedNames+ = *.tmp
"""


def recoll(tmp: Path) -> None:
    root = tmp / "rcl"
    docs = root / "labdocs"
    make_labdocs(docs, seed=2324)
    for conf, level in [("rc", 3), ("rcq", 1)]:
        d = root / conf
        d.mkdir(parents=True)
        (d / "recoll.conf").write_text(RECOLL_CONF.format(docs=docs, level=level))
        (d / "mimemap").write_text(".raw = application/x-sonar-raw\n.R = text/x-rscript\n")
        (d / "mimeconf").write_text("[index]\napplication/x-sonar-raw = execm rclsonarping\n"
                                    "text/x-rscript = internal text/plain\n")
    cap("recollindex-full", "recollindex -c rc -z 2>&1 | head -n 900; echo EXIT=$?", root, n_recollindex,
        timeout=900)
    cap("recollindex-files", "recollindex -c rcq -i labdocs/sonar/raw/* labdocs/sonar/calib.dat "
        "labdocs/cruises/empty.txt labdocs/cruises/logbook-1998-latin1.txt labdocs/code/py/latest.py "
        "labdocs/cruises/nosuch.txt 2>&1; echo EXIT=$?; recollindex -c nosuchconf -i labdocs/mail; echo EXIT=$?",
        root, n_recollindex)
    cap("recollq-queries", "for q in 'winch cable' 'sonar -calibration' 'ext:R bin' 'dir:notebooks plankton' "
        "'\"sediment core\"' 'herring OR sprat'; do recollq -c rc -n 15 \"$q\"; done 2>&1; recollq -c rc -A -n 4 "
        "'otolith'; recollq -c rc 'winch AND ('; echo EXIT=$?", root, n_recollq)


SWISH_CONF = """IndexDir labdocs
IndexFile ./lab.index
IndexOnly .html .txt .md .eml .py .R .sh
IndexContents HTML* .html
IndexContents TXT* .txt .md .eml .py .R .sh
DefaultContents TXT*
StoreDescription HTML* <body> 120
StoreDescription TXT* 140
MetaNames author swishtitle
PropertyNames author
"""


def swish(tmp: Path) -> None:
    root = tmp / "swish"
    docs = root / "labdocs"
    make_labdocs(docs, seed=2325, n_logs=300)
    (root / "sw.conf").write_text(SWISH_CONF)
    (root / "bad.conf").write_text(SWISH_CONF.replace("IndexDir labdocs", "IndexDir labdocs/cruises labdocs/nope")
                                   .replace("IndexOnly .html", "IndexOnly .pdf .dat .html")
                                   .replace("MetaNames author", "MetaNames author\nUndefinedMetaTags errror"))
    cap("swish-index-v2", "swish-e -c sw.conf -v 2 2>&1 | tail -n 400", root, n_swish_index, timeout=600)
    cap("swish-index-bad", "swish-e -c bad.conf -f bad.index -v 1 2>&1 | tail -n 120; echo EXIT=$?; swish-e -c sw.conf "
        "-i labdocs/notebooks -f nb.index -v 3 2>&1 | head -n 150", root, n_swish_index, timeout=600)
    cap("swish-search", "for q in winch 'sonar and not calibration' 'otolith or herring' 'salin*' 'author=kofi.mensah' "
        "'mooring near buoy'; do swish-e -f lab.index -m 12 -w \"$q\"; done; swish-e -f lab.index -w 'winch and ('; "
        "echo EXIT=$?", root, n_swish_search)


def locate(tmp: Path) -> None:
    root = tmp / "loc"
    docs = root / "labdocs"
    make_labdocs(docs, seed=2326, n_logs=900, n_mail=260, n_notes=140)
    run(f"updatedb -o lab.db -U {docs}", cwd=root)
    cap("updatedb-verbose", f"updatedb -v -o lab1.db -U {docs} --prunenames sonar --prunepaths {docs}/mail 2>&1 | "
        f"grep -vE '/cruises/20(22|23)/' | tail -n 140; updatedb -o lab3.db -U {docs}/missing; echo EXIT=$?",
        root, n_updatedb)
    cap("locate-list", "locate -d lab.db -i 'ST4' | head -n 120; locate -d lab.db -r '\\.(raw|dat|pdf|R)$'; "
        "locate -d lab.db -c .eml; locate -d lab.db -c -r 'leg-0[0-4]'", root, n_locate)
    db = (root / "lab.db").read_bytes()
    (root / "quarter.db").write_bytes(db[: len(db) // 4])
    cap("locate-errors", "locate -d quarter.db sop | head -n 30; echo EXIT=$?; locate -d lab.db -b -e latest.py; "
        "echo EXIT=$?; locate -d nowhere.db winch; echo EXIT=$?; locate -d lab.db --statistics; echo EXIT=$?; "
        "for t in .html .md .txt .py .R .sh .raw; do echo -n \"$t: \"; locate -d lab.db -c \"$t\"; done; "
        "locate -d quarter.db -c txt; echo EXIT=$?; locate -d lab.db -i 'ENTRY-0' | head -n 80; "
        "locate -d lab.db -l 25 -r '/leg-1[0-9]/st[0-9]*9'", root,
        n_locate)


WHOOSH_INDEX = r'''
import os, sys
from whoosh import index
from whoosh.analysis import StemmingAnalyzer
from whoosh.fields import ID, KEYWORD, NUMERIC, TEXT, Schema

schema = Schema(path=ID(stored=True, unique=True), title=TEXT(stored=True), body=TEXT(analyzer=StemmingAnalyzer(),
                stored=True), section=KEYWORD(stored=True), vessel=ID(stored=True), words=NUMERIC(stored=True))
os.makedirs(sys.argv[2], exist_ok=True)
ix = index.create_in(sys.argv[2], schema)
w = ix.writer()
n = 0
for dirpath, dirs, files in sorted(os.walk(sys.argv[1])):
    dirs.sort()
    for f in sorted(files):
        p = os.path.join(dirpath, f)
        try:
            text = open(p, encoding="utf-8").read()
        except (UnicodeDecodeError, FileNotFoundError) as e:
            print(f"SKIP {p}: {type(e).__name__}: {e}")
            continue
        section = os.path.relpath(p, sys.argv[1]).split(os.sep)[0]
        title = next((l.split(":", 1)[1].strip() for l in text.splitlines() if l.startswith(("Subject:", "Station:"))), f)
        vessel = next((l.split(":", 1)[1].strip() for l in text.splitlines() if l.startswith("Vessel:")), "")
        doc = dict(path=p, title=title, body=text, section=section, vessel=vessel, words=len(text.split()))
        if f.endswith(".R"):
            doc["language"] = "R"  # a field the schema lacks
        try:
            w.add_document(**doc)
        except Exception as e:
            print(f"ERROR {p}: {type(e).__name__}: {e}")
            continue
        n += 1
        if n % 10 == 0:
            print(f"added {n:4d} {section:10} {p}")
w.commit()
print(f"indexed {n} documents")
print(f"docs in index: {ix.doc_count()}")
'''

WHOOSH_QUERY = r'''
import sys
from whoosh import index, scoring
from whoosh.qparser import MultifieldParser
from whoosh.highlight import UppercaseFormatter

ix = index.open_dir(sys.argv[1])
with ix.searcher(weighting=scoring.BM25F(B=0.6, K1=1.4)) as s:
    for q in sys.argv[2:]:
        print(f"query: {q}")
        pq = MultifieldParser(["title", "body"], ix.schema).parse(q)
        print(f"parsed: {pq!r}")
        res = s.search(pq, limit=20, terms=True)
        res.formatter = UppercaseFormatter()
        print(f"{len(res)} hits (scored {res.scored_length()})")
        for i, hit in enumerate(res, 1):
            print(f"  #{i:<3d} {hit.score:8.4f}  {hit['section']:10} {hit['path']}  [{hit['title'][:36]}]")
            if i == 1:
                print(f"     matched: {sorted(t[1].decode() if isinstance(t[1], bytes) else t[1] for t in hit.matched_terms())}")
                print(f"     highlight: {hit.highlights('body', top=2)[:160]}")
'''

TANTIVY_INDEX = r'''
import os, sys
import tantivy

sb = tantivy.SchemaBuilder()
sb.add_text_field("path", stored=True, tokenizer_name="raw")
sb.add_text_field("title", stored=True, tokenizer_name="en_stem")
sb.add_text_field("body", stored=True, tokenizer_name="en_stem")
sb.add_text_field("section", stored=True, tokenizer_name="raw")
sb.add_integer_field("words", stored=True, indexed=True, fast=True)
schema = sb.build()
os.makedirs(sys.argv[2], exist_ok=True)
ix = tantivy.Index(schema, path=sys.argv[2])
w = ix.writer(heap_size=30_000_000, num_threads=1)
n = 0
for dirpath, dirs, files in sorted(os.walk(sys.argv[1])):
    dirs.sort()
    for f in sorted(files):
        p = os.path.join(dirpath, f)
        try:
            text = open(p, encoding="utf-8").read()
        except (UnicodeDecodeError, FileNotFoundError) as e:
            print(f"SKIP {p}: {type(e).__name__}: {e}")
            continue
        section = os.path.relpath(p, sys.argv[1]).split(os.sep)[0]
        title = next((l.split(":", 1)[1].strip() for l in text.splitlines() if l.startswith(("Subject:", "Station:"))), f)
        w.add_document(tantivy.Document(path=p, title=title, body=text, section=section, words=len(text.split())))
        n += 1
        if n % 25 == 0:
            print(f"added {n} docs, last {p}")
op = w.commit()
w.wait_merging_threads()
ix.reload()
s = ix.searcher()
print(f"indexed {n} documents (commit opstamp {op})")
print(f"segments: {s.num_segments}, docs in index: {s.num_docs}")
'''

TANTIVY_QUERY = r'''
import sys
import tantivy

ix = tantivy.Index.open(sys.argv[1])
s = ix.searcher()
fields = sys.argv[2].split(",")
for q in sys.argv[3:]:
    print(f"query: {q}")
    try:
        pq = ix.parse_query(q, fields)
    except ValueError as e:
        print(f"ERROR parse: ValueError: {e}")
        continue
    print(f"parsed: {pq!r}"[:400])
    res = s.search(pq, 15)
    print(f"{res.count} hits")
    for i, (score, addr) in enumerate(res.hits, 1):
        d = s.doc(addr)
        print(f"  #{i:<3d} {score:8.4f}  {d['section'][0]:10} {d['path'][0]}  [{d['title'][0][:36]}]")
    if res.hits:
        print("explain #1:")
        print(pq.explain(s, res.hits[0][1]).to_json())
'''


def whoosh_tantivy(tmp: Path) -> None:
    root = tmp / "pyidx"
    make_labdocs(root / "labdocs", seed=2327)
    cm.write_tree(root, {"windex.py": WHOOSH_INDEX.lstrip(), "wquery.py": WHOOSH_QUERY.lstrip(),
                         "tindex.py": TANTIVY_INDEX.lstrip(), "tquery.py": TANTIVY_QUERY.lstrip()})
    py = f"{IDX_VENV}/bin/python"
    cap("whoosh-index", f"{py} windex.py labdocs wix 2>&1 | tail -n 90; echo EXIT=$?", root, n_whoosh, timeout=900,
        typed="python windex.py labdocs wix 2>&1 | tail -n 90; echo EXIT=$?")
    qs = ("'winch cable' 'sonar AND NOT calibration' '\"sediment core\"' 'otolith OR herring' 'salin*' "
          "'section:notebooks plankton' 'vessel:\"RV Halcyon\" gale' 'winch AND (' 'language:R'")
    cap("whoosh-query", f"{py} wquery.py wix {qs} 2>&1; {py} wquery.py nowix winch 2>&1 | tail -n 4; echo EXIT=$?",
        root, n_whoosh, typed=f"python wquery.py wix {qs} 2>&1; python wquery.py nowix winch 2>&1 | tail -n 4; "
        "echo EXIT=$?")
    cap("tantivy-index", f"{py} tindex.py labdocs tix 2>&1 | tail -n 40; echo EXIT=$?", root, n_tantivy, timeout=900,
        typed="python tindex.py labdocs tix 2>&1 | tail -n 40; echo EXIT=$?")
    tq = "'winch cable' 'sonar AND NOT calibration' '\"sediment core\"' 'section:mail otolith' 'words:[10 TO 40]' " \
         "'mooring AND (' 'nosuchfield:buoy'"
    cap("tantivy-query", f"{py} tquery.py tix title,body {tq} 2>&1 | head -n 300; {py} tquery.py tix title,vessel "
        f"winch 2>&1 | tail -n 3; echo EXIT=$?", root, n_tantivy,
        typed=f"python tquery.py tix title,body {tq} 2>&1 | head -n 300; python tquery.py tix title,vessel winch "
        "2>&1 | tail -n 3; echo EXIT=$?")


def fts5(tmp: Path) -> None:
    root = tmp / "fts"
    docs = root / "labdocs"
    make_labdocs(docs, seed=2328, n_logs=600, n_mail=180)
    con = sqlite3.connect(root / "lab.db")
    con.execute("CREATE VIRTUAL TABLE notes USING fts5(path UNINDEXED, kind UNINDEXED, title, body, "
                "tokenize='porter unicode61 remove_diacritics 2')")
    con.execute("CREATE TABLE stations(path TEXT PRIMARY KEY, state TEXT, vessel TEXT)")
    for p in sorted(docs.rglob("*")):
        if not p.is_file():
            continue
        try:
            text = p.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        rel = str(p.relative_to(docs))
        title = next((ln.split(":", 1)[1].strip() for ln in text.splitlines()
                      if ln.startswith(("Subject:", "Station:"))), p.name)
        con.execute("INSERT INTO notes VALUES (?,?,?,?)", (rel, rel.split("/")[0], title, text))
        st = re.search(r"^State: (\w+)", text, re.M)
        ve = re.search(r"^Vessel: (.+)$", text, re.M)
        con.execute("INSERT INTO stations VALUES (?,?,?)",
                    (rel, st.group(1) if st else None, ve.group(1) if ve else None))
    con.commit()
    con.close()
    cap("fts5-rank", "sqlite3 -box lab.db \"SELECT n.rowid, n.kind, s.state AS status, n.path, round(bm25(notes, 5.0, "
        "1.0), 3) AS bm25 FROM notes n LEFT JOIN stations s USING(path) WHERE notes MATCH 'winch OR sonar' ORDER BY "
        "bm25 LIMIT 90;\" \"SELECT count(*) FROM notes WHERE notes MATCH 'gale';\"", root, n_fts5)
    cap("fts5-errors", "sqlite3 -header lab.db \"SELECT path, round(bm25(notes),2) AS rank, replace(snippet(notes, 3, '>>', "
        "'<<', '...', 10), char(10), ' ') AS snip FROM notes WHERE notes MATCH 'body:otolith' ORDER BY rank LIMIT 45;\" "
        "| head -n 60; sqlite3 lab.db \"SELECT rowid FROM notes WHERE notes MATCH 'sonar NOT';\"; echo EXIT=$?; "
        "sqlite3 lab.db \"SELECT rowid FROM notes WHERE notes MATCH 'vessel:halcyon';\"; echo EXIT=$?; "
        "sqlite3 lab.db \"SELECT highlight(notes, 5, '[', ']') FROM notes WHERE notes MATCH 'gale' LIMIT 2;\"; "
        "sqlite3 lab.db \"SELECT rowid FROM notes WHERE notes MATCH '\\\"winch cable';\"; echo EXIT=$?", root, n_fts5)


STEPS = [xapian, recoll, swish, locate, whoosh_tantivy, fts5]
