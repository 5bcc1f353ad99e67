"""Round 230, indexers used as libraries: the help desk's documents (`deskdocs`) indexed and searched by scripts of
the round's own over Whoosh and Tantivy (PyPI), printing counts, parsed queries, hits with scores, highlights and
explanations, with a field the schema lacks, a stemmer that does not exist, an index that is not there and query
syntax errors; and SQLite's FTS5 through the sqlite3 shell (`MATCH`, `bm25()`, `snippet()`, `highlight()`, a query
syntax error, a column the table lacks, an unknown tokenizer). The extractors are this round's (NEEDLES.md,
"Round 230"). Run through capture_wide230.py."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import capture_more as cm
from capture_data import rule4
from capture_more import kind
from capture_wide230 import VENV, cap, ends, exit_lines, make_docs, pick

# ------------------------------------------------------------------ the extractors (NEEDLES.md, "Round 230")

EXC_RE = r"^(\w+\.)*\w*(Error|Exception)\b|^\w+: |Traceback|[Ee]rror:|[Ss]yntax [Ee]rror|does not exist"


def _exceptions(lines):
    """Rule 1: every exception line and the innermost File line of its traceback."""
    out: list = []
    for i, ln in enumerate(lines):
        if re.match(r"^(\w+\.)*\w*(Error|Exception|Warning)\b.*", ln) and not ln.startswith("Traceback"):
            out.append(ln)
            files = [k for k in range(max(0, i - 40), i) if lines[k].lstrip().startswith('File "')]
            if files and any(lines[k].startswith("Traceback") for k in range(max(0, i - 40), i)):
                out.append(lines[files[-1]])
        elif re.search(r"^ERROR|^error:|[Ss]yntax [Ee]rror|does not exist|^SKIP", ln):
            out.append(ln)
    return out


def _script_hits(lines, explain_first: bool) -> list:
    out = pick(lines, r"^indexed \d+|^committed|^segments?:|^docs in index")
    starts = [i for i, ln in enumerate(lines) if ln.startswith("query: ")] + [len(lines)]
    for a, b in zip(starts, starts[1:]):
        block = lines[a:b]
        out += pick(block, r"^query: |^parsed: |^\d+ hits")
        hits = [ln for ln in block if re.match(r"^\s*#\d+\s", ln)]
        out += ends(hits)
        if explain_first:
            for i, ln in enumerate(block):
                if ln.startswith("explain #1"):
                    vals = [k for k in range(i + 1, min(len(block), i + 6)) if '"value"' in block[k]]
                    out += [block[k] for k in vals[:1]]
                    break
        else:
            out += pick(block, r"^\s+(highlight|matched):")[:2]
    return out


@kind("whoosh-search", "search")
def n_whoosh(lines):
    """Rule 1+5: every exception line and innermost File line, the indexed-count / commit lines, each query's parsed-query and hit-count lines, the first and last hit of each query, the first hit's highlight/matched lines."""
    return _exceptions(lines) + _script_hits(lines, False) + exit_lines(lines)


@kind("tantivy-search", "search")
def n_tantivy(lines):
    """Rule 1+5: every exception line and innermost File line, the indexed-count / commit lines, each query's parsed-query and hit-count lines, the first and last hit of each query, the first hit's explanation top score line."""
    return _exceptions(lines) + _script_hits(lines, True) + exit_lines(lines)


def _box_tables(lines):
    """(header line, rows) of each sqlite3 box-mode table."""
    out = []
    i = 0
    while i < len(lines):
        if lines[i].startswith("┌"):
            head = lines[i + 1]
            names = [c.strip().lower() for c in head.strip("│").split("│")]
            rows = []
            k = i + 3
            while k < len(lines) and lines[k].startswith("│"):
                cells = [c.strip() for c in lines[k].strip("│").split("│")]
                rows.append((lines[k], dict(zip(names, cells))))
                k += 1
            out.append((head, rows))
            i = k
        else:
            i += 1
    return out


def _list_tables(lines):
    """(header line, rows) of sqlite3 list-mode output with headers (`a|b|c`), split at blank lines and errors."""
    out = []
    block: list[str] = []
    for ln in lines + [""]:
        if "|" in ln and not re.match(r"^(Parse|Runtime) error|^Error", ln):
            block.append(ln)
            continue
        if len(block) >= 2:
            names = [c.strip().lower() for c in block[0].split("|")]
            rows = [(r, dict(zip(names, r.split("|")))) for r in block[1:]]
            out.append((block[0], rows))
        block = []
    return out


@kind("sqlite-fts5", "table")
def n_fts5(lines):
    """Rule 1+4+5: every Error/Parse error/Runtime error line, each result table's header, first and last rows, the rows with the lowest and highest bm25/rank/score, rows with a rare kind/lang/status, every bare count line."""
    out = pick(lines, r"^(Parse|Runtime) error|^Error|[Ee]rror:|fts5: |no such (column|fts5|table)|unknown")
    for head, rows in _box_tables(lines) + _list_tables(lines):
        if not rows:
            continue
        cols = rows[0][1]
        nums = [c for c in cols if c in ("bm25", "rank", "score")]
        cats = [c for c in cols if c in ("kind", "lang", "status", "product")]
        out += rule4(rows, cat=cats, nums=nums, header=[head])
        out += ends([r[0] for r in rows])
    out += [ln for ln in lines if re.match(r"^\d+$", ln.strip())]
    return out + exit_lines(lines)


# ------------------------------------------------------------------ the scripts

WHOOSH_INDEX = r'''
import os, sys
from whoosh import index
from whoosh.analysis import LanguageAnalyzer, StemmingAnalyzer
from whoosh.fields import ID, KEYWORD, TEXT, Schema

LANG = sys.argv[3] if len(sys.argv) > 3 else "en"
schema = Schema(path=ID(stored=True, unique=True), title=TEXT(stored=True),
                body=TEXT(analyzer=LanguageAnalyzer(LANG) if LANG != "en" else StemmingAnalyzer(), stored=True),
                kind=KEYWORD(stored=True), status=ID(stored=True))
os.makedirs(sys.argv[2], exist_ok=True)
ix = index.create_in(sys.argv[2], schema)
w = ix.writer()
n = skipped = 0
for dirpath, dirs, files in sorted(os.walk(sys.argv[1])):
    dirs.sort()
    for f in sorted(files):
        p = os.path.join(dirpath, f)
        try:
            text = open(p, encoding="utf-8").read()
        except (UnicodeDecodeError, FileNotFoundError) as e:
            skipped += 1
            print(f"SKIP {p}: {type(e).__name__}: {e}")
            continue
        kind = p.split("/")[len(sys.argv[1].rstrip("/").split("/"))]
        title = next((l.split(":", 1)[1].strip() for l in text.splitlines() if l.startswith(("Subject:", "Ticket:"))),
                     f)
        status = next((l.split(":", 1)[1].strip() for l in text.splitlines() if l.startswith("Status:")), "")
        doc = dict(path=p, title=title, body=text, kind=kind, status=status)
        if f.endswith(".sh"):
            doc["priority"] = "low"  # a field the schema lacks
        try:
            w.add_document(**doc)
        except Exception as e:
            print(f"ERROR {p}: {type(e).__name__}: {e}")
            continue
        n += 1
        print(f"added {n:4d} {kind:8} {p}")
w.commit()
print(f"indexed {n} documents, {skipped} skipped")
print(f"committed segments: {[s.segment_id() for s in ix.reader().leaf_readers() and ix._segments()]}")
print(f"docs in index: {ix.doc_count()}")
'''

WHOOSH_QUERY = r'''
import sys
from whoosh import index, scoring
from whoosh.qparser import MultifieldParser, QueryParser
from whoosh.highlight import UppercaseFormatter

ix = index.open_dir(sys.argv[1])
field = sys.argv[2]
with ix.searcher(weighting=scoring.BM25F()) as s:
    for q in sys.argv[3:]:
        print(f"query: {q}")
        parser = MultifieldParser(["title", "body"], ix.schema) if field == "*" else QueryParser(field, ix.schema)
        pq = parser.parse(q)
        print(f"parsed: {pq!r}")
        res = s.search(pq, limit=25, terms=True)
        res.formatter = UppercaseFormatter()
        print(f"{len(res)} hits (scored {res.scored_length()})")
        for i, hit in enumerate(res, 1):
            print(f"  #{i:<3d} {hit.score:8.4f}  {hit['kind']:8} {hit['path']}  [{hit['title'][:40]}]")
            if i == 1:
                print(f"     matched: {sorted(t[1].decode() if isinstance(t[1], bytes) else t[1] for t in hit.matched_terms())}")
                print(f"     highlight: {hit.highlights('body', top=2)[:150]}")
'''

TANTIVY_INDEX = r'''
import os, sys
import tantivy

sb = tantivy.SchemaBuilder()
sb.add_text_field("path", stored=True, tokenizer_name="raw")
sb.add_text_field("title", stored=True, tokenizer_name=sys.argv[3] if len(sys.argv) > 3 else "en_stem")
sb.add_text_field("body", stored=True, tokenizer_name=sys.argv[3] if len(sys.argv) > 3 else "en_stem")
sb.add_text_field("kind", stored=True, tokenizer_name="raw")
sb.add_integer_field("size", stored=True, fast=True)
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
        kind = p.split("/")[len(sys.argv[1].rstrip("/").split("/"))]
        title = next((l.split(":", 1)[1].strip() for l in text.splitlines() if l.startswith(("Subject:", "Ticket:"))), f)
        fields = dict(path=p, title=title, body=text, kind=kind, size=len(text))
        if f.endswith(".py"):
            fields["size"] = str(len(text)) + " bytes"  # a value of the wrong type
        try:
            w.add_document(tantivy.Document(**fields))
        except Exception as e:
            print(f"ERROR {p}: {type(e).__name__}: {e}")
            continue
        n += 1
        if n % 5 == 0:
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
    pq = ix.parse_query(q, fields)
    print(f"parsed: {pq!r}"[:400])
    res = s.search(pq, 20)
    print(f"{res.count} hits")
    for i, (score, addr) in enumerate(res.hits, 1):
        d = s.doc(addr)
        print(f"  #{i:<3d} {score:8.4f}  {d['kind'][0]:8} {d['path'][0]}  [{d['title'][0][:40]}]")
    if res.hits:
        print("explain #1:")
        print(pq.explain(s, res.hits[0][1]).to_json())
'''


def whoosh(tmp: Path) -> None:
    root = tmp / "whoosh"
    make_docs(root / "deskdocs", seed=2304)
    cm.write_tree(root, {"index.py": WHOOSH_INDEX.lstrip(), "query.py": WHOOSH_QUERY.lstrip()})
    py = f"{VENV}/bin/python"
    cap("whoosh-index", f"{py} index.py deskdocs ix 2>&1", root, n_whoosh, timeout=900,
        typed="python index.py deskdocs ix 2>&1")
    qs = "'printer jam' 'toner AND NOT fuser' '\"scan to email\"' 'badge OR release' 'certif*' 'kind:tickets escalat'"
    cap("whoosh-query", f"{py} query.py ix '*' {qs}", root, n_whoosh, typed=f"python query.py ix '*' {qs}")
    cap("whoosh-query-body", f"{py} query.py ix body 'printr~' 'spool*' 'toner fuser' 'relay OR smtp' | head -n 90",
        root, n_whoosh, typed="python query.py ix body 'printr~' 'spool*' 'toner fuser' 'relay OR smtp' | head -n 90")
    cap("whoosh-errors", f"{py} query.py ix priority 'low'; echo EXIT=$?; {py} query.py ix body 'spooler AND (' "
        f"'status:[a TO'; echo EXIT=$?; {py} query.py noix body printer; echo EXIT=$?; {py} index.py deskdocs/code "
        "ix2 klingon 2>&1 | tail -n 12; echo EXIT=$?", root, n_whoosh,
        typed="python query.py ix priority 'low'; echo EXIT=$?; python query.py ix body 'spooler AND (' "
        "'status:[a TO'; echo EXIT=$?; python query.py noix body printer; echo EXIT=$?; python index.py deskdocs/code "
        "ix2 klingon 2>&1 | tail -n 12; echo EXIT=$?")


def tantivy(tmp: Path) -> None:
    root = tmp / "tantivy"
    make_docs(root / "deskdocs", seed=2305)
    cm.write_tree(root, {"index.py": TANTIVY_INDEX.lstrip(), "query.py": TANTIVY_QUERY.lstrip()})
    py = f"{VENV}/bin/python"
    cap("tantivy-index", f"{py} index.py deskdocs tix 2>&1; echo EXIT=$?", root, n_tantivy, timeout=900,
        typed="python index.py deskdocs tix 2>&1; echo EXIT=$?")
    qs = "'printer jam' 'toner AND NOT fuser' '\"scan to email\"' 'kind:mail badge'"
    cap("tantivy-query", f"{py} query.py tix title,body {qs} | head -n 400", root, n_tantivy,
        typed=f"python query.py tix title,body {qs} | head -n 400")
    cap("tantivy-errors", f"{py} query.py tix title,body 'spooler AND ('; echo EXIT=$?; {py} query.py tix "
        f"title,priority printer; echo EXIT=$?; {py} query.py tix body 'nosuch:printer'; echo EXIT=$?; "
        f"{py} query.py notix body printer; echo EXIT=$?; {py} index.py deskdocs/code tix2 en_klingon 2>&1 | "
        "tail -n 15; echo EXIT=$?", root, n_tantivy,
        typed="python query.py tix title,body 'spooler AND ('; echo EXIT=$?; python query.py tix title,priority "
        "printer; echo EXIT=$?; python query.py tix body 'nosuch:printer'; echo EXIT=$?; python query.py notix "
        "body printer; echo EXIT=$?; python index.py deskdocs/code tix2 en_klingon 2>&1 | tail -n 15; echo EXIT=$?")


def fts5(tmp: Path) -> None:
    root = tmp / "fts"
    docs = root / "deskdocs"
    make_docs(docs, seed=2306, n_tickets=500, n_mail=200)
    root.mkdir(parents=True, exist_ok=True)
    con = sqlite3.connect(root / "desk.db")
    con.execute("CREATE VIRTUAL TABLE docs USING fts5(path UNINDEXED, kind UNINDEXED, title, body, "
                "tokenize='porter unicode61')")
    con.execute("CREATE TABLE meta(path TEXT PRIMARY KEY, status TEXT, product TEXT)")
    for p in sorted(docs.rglob("*")):
        if not p.is_file():
            continue
        try:
            text = p.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        rel = str(p.relative_to(docs))
        title = next((ln.split(":", 1)[1].strip() for ln in text.splitlines()
                      if ln.startswith(("Subject:", "Ticket:"))), p.name)
        con.execute("INSERT INTO docs VALUES (?,?,?,?)", (rel, rel.split("/")[0], title, text))
        st = re.search(r"^Status: (\w+)", text, re.M)
        pr = re.search(r"^Product: (.+)$", text, re.M)
        con.execute("INSERT INTO meta VALUES (?,?,?)", (rel, st.group(1) if st else None, pr.group(1) if pr else None))
    con.commit()
    con.close()
    cap("fts5-bm25", "sqlite3 -box desk.db \"SELECT rowid, kind, path, round(bm25(docs, 10.0, 1.0), 3) AS bm25 FROM "
        "docs WHERE docs MATCH 'printer AND jam' ORDER BY bm25 LIMIT 60;\"", root, n_fts5)
    cap("fts5-snippet", "sqlite3 -header desk.db \"SELECT d.path, m.status, round(bm25(docs),2) AS score, "
        "replace(snippet(docs, 3, '[', ']', '…', 12), char(10), ' ') AS snip FROM docs d JOIN meta m USING(path) "
        "WHERE docs MATCH 'title:toner OR body:NEAR(badge release, 5)' ORDER BY rank LIMIT 80;\" | head -n 100",
        root, n_fts5)
    cap("fts5-highlight", "sqlite3 -box desk.db \"SELECT count(*) FROM docs WHERE docs MATCH 'spooler';\" "
        "\"SELECT kind, count(*) AS n FROM docs WHERE docs MATCH 'certif*' GROUP BY kind;\" \"SELECT rowid, "
        "highlight(docs, 2, '<b>', '</b>') AS title, round(rank, 3) AS rank FROM docs WHERE docs MATCH "
        "'\\\"scan to email\\\"' ORDER BY rank LIMIT 40;\"; echo EXIT=$?", root, n_fts5)
    cap("fts5-vocab", "sqlite3 desk.db \"CREATE VIRTUAL TABLE IF NOT EXISTS v USING fts5vocab(docs, 'row');\" && "
        "sqlite3 -box desk.db \"SELECT term, doc, cnt FROM v ORDER BY doc DESC LIMIT 120;\"; sqlite3 -box desk.db "
        "\"SELECT count(*) FROM v;\"", root, n_fts5)
    cap("fts5-errors", "sqlite3 desk.db \"SELECT rowid FROM docs WHERE docs MATCH 'printer AND';\"; echo EXIT=$?; "
        "sqlite3 desk.db \"SELECT rowid FROM docs WHERE docs MATCH 'priority:high';\"; echo EXIT=$?; "
        "sqlite3 desk.db \"SELECT rowid FROM docs WHERE docs MATCH '(toner OR fuser';\"; "
        "sqlite3 desk.db \"CREATE VIRTUAL TABLE d2 USING fts5(body, tokenize='porter klingon');\"; echo EXIT=$?; "
        "sqlite3 desk.db \"SELECT bm25(meta) FROM meta LIMIT 1;\"; sqlite3 -header desk.db \"SELECT rowid, path, "
        "round(bm25(docs),3) AS bm25 FROM docs WHERE docs MATCH 'NEAR(toner fuser, 3)' ORDER BY bm25 LIMIT 30;\"; "
        "sqlite3 desk.db \"INSERT INTO docs(docs) VALUES('integrity-check');\"; echo EXIT=$?", root, n_fts5)


STEPS = [whoosh, tantivy, fts5]
