"""Round 255, the game records: a PGN database of 300 games from a seeded generator (random legal play from a set of
openings, with malformed tags, illegal moves, missing results and a result that disagrees with its tag put in), read by
pgn-extract (its diagnostics, its converted and filtered output) and by python-chess scripts of the round's (each
game's errors, perft counts against the published ones with one expected count mistyped, boards and game states, a
game replayed to an illegal move, analysis through Stockfish's `chess.engine`). The extractors are this round's
(NEEDLES.md, "Round 255"). Run through capture_wide255.py."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import capture_more as cm
from capture_more import kind, run
from capture_wide224 import exit_lines
from capture_wide255 import add

# ------------------------------------------------------------------ the extractors (NEEDLES.md, "Round 255")

PGNX_FAIL = (r"Failed to make move|No .*move possible|Missing|Unknown|[Ii]llegal|\b[Ee]rror\b|[Uu]nexpected|"
             r"Unmatched|\bBad\b")


@kind("pgn-extract-log", "log")
def n_pgn_extract_log(lines):
    """Rule 1+3: every failure line, the File F: Line number: N line within six of it, game-count summary lines; EXIT=."""
    out: list = []
    for i, ln in enumerate(lines):
        if re.search(PGNX_FAIL, ln) and not ln.startswith("["):
            out += [ln, cm.next_match(lines, i, r"Line number: \d+"), cm.prev_match(lines, i, r"Line number: \d+")]
    out += [ln for ln in lines if re.search(r"\d+ games? (matched|out of|written|processed)|games? matched", ln)]
    return out + exit_lines(lines)


@kind("pgn-extract-games", "doc")
def n_pgn_extract_games(lines):
    """Rule 4+5: per tag held by >= 5 games, tag lines whose value is rare (<= 2 games) while the commonest covers half; the first tag line of the first and last game; diagnostics as pgn-extract-log; EXIT=."""
    games: list[dict[str, str]] = []
    prev_tag = False
    for ln in lines:
        m = re.match(r'^\[(\w+) "(.*)"\]$', ln)
        if m:
            if not prev_tag:
                games.append({"_first": ln})
            games[-1].setdefault(m.group(1), ln)
            prev_tag = True
        elif ln.strip():
            prev_tag = False
    out: list = []
    if games:
        out += [games[0]["_first"], games[-1]["_first"]]
    names = Counter(k for g in games for k in g if k != "_first")
    for name, n in names.items():
        if n < 5:
            continue
        vals = Counter(re.match(r'^\[\w+ "(.*)"\]$', g[name]).group(1) for g in games if name in g)
        if vals.most_common(1)[0][1] * 2 >= n:
            out += [g[name] for g in games if name in g
                    and vals[re.match(r'^\[\w+ "(.*)"\]$', g[name]).group(1)] <= 2]
    return out + n_pgn_extract_log(lines)


PYC_ERR = r"illegal san|ambiguous san|invalid san|illegal move|\b[Ee]rror\b|Exception|^\w+Error\b"


@kind("python-chess-pgn", "log")
def n_python_chess_pgn(lines):
    """Rule 1+3: every error line and the game line printed above it (within six), the closing count lines; EXIT=."""
    out: list = []
    for i, ln in enumerate(lines):
        if re.search(PYC_ERR, ln):
            out += [ln, cm.prev_match(lines, i, r"^game \d+")]
    out += [ln for ln in lines[-12:] if re.search(r"\d+ games", ln)]
    return out + exit_lines(lines)


@kind("python-chess-perft", "log")
def n_python_chess_perft(lines):
    """Rule 4+5: every depth/nodes count line, mismatch lines, a divide table's min and max rows and its total line; EXIT=."""
    out: list = [ln for ln in lines if re.search(r"depth\s*\d+.*nodes|nodes.*depth\s*\d+", ln, re.I)]
    out += [ln for ln in lines if re.search(r"mismatch|MISMATCH", ln)]
    rows: list[tuple[int, str]] = []
    for ln in lines + ["total"]:
        m = re.match(r"^\s*([a-h][1-8][a-h][1-8][qrbn]?):\s*(\d+)\s*$", ln)
        if m:
            rows.append((int(m.group(2)), ln))
        elif rows:
            out += [min(rows)[1], max(rows)[1]]
            rows = []
        if re.match(r"^\s*(total|Nodes searched)\b", ln, re.I) and ln != "total":
            out.append(ln)
    out += [ln for ln in lines if re.search(PYC_ERR, ln)]
    return out + exit_lines(lines)


@kind("python-chess-board", "log")
def n_python_chess_board(lines):
    """Rule 1+5: every FEN line, every game-state line (check, checkmate, stalemate, outcome, Termination, legal moves:), error lines; EXIT=."""
    fen = r"[rnbqkpRNBQKP1-8]+(/[rnbqkpRNBQKP1-8]+){7} [wb] "
    state = r"check|stalemate|outcome|termination|insufficient|repetition|legal moves:"
    out: list = [ln for ln in lines if re.search(fen, ln) or re.search(r"\bfen\b", ln, re.I)]
    out += [ln for ln in lines if re.search(state, ln, re.I)]
    out += [ln for ln in lines if re.search(PYC_ERR, ln)]
    return out + exit_lines(lines)


@kind("python-chess-analysis", "log")
def n_python_chess_analysis(lines):
    """Rule 1+5: each position's header line and the last line printed for it (the result), exception and error lines; EXIT=."""
    out: list = []
    heads = [i for i, ln in enumerate(lines) if ln.startswith("== ")]
    for a, b in zip(heads, heads[1:] + [len(lines)]):
        body = [ln for ln in lines[a + 1:b] if ln.strip() and not re.match(r"^(EXIT=|Traceback|\s+File |\s+\^)", ln)]
        out.append(lines[a])
        if body:
            out.append(body[-1])
    out += [ln for ln in lines if re.search(r"EngineTerminatedError|IllegalMoveError|Traceback|\b[Ee]rror\b", ln)]
    return out + exit_lines(lines)


# ------------------------------------------------------------------ the round's scripts

GEN_PGN = r'''
"""A PGN database of seeded random games, with faults put in."""
import random
import sys

import chess
import chess.pgn

rnd = random.Random(int(sys.argv[1]))
n_games = int(sys.argv[2])
PLAYERS = ["Aronsen, K.", "Bielska, M.", "Castell, J.", "Dahl, T.", "Eriksen, L.", "Fuchs, R.", "Garza, P.",
           "Holm, S.", "Ibarra, N.", "Jansen, E.", "Kowal, D.", "Lindqvist, A.", "Moreau, C.", "Novak, I."]
EVENTS = ["Fjord Open 2024"] * 6 + ["Club Rapid"] * 3 + ["Winter Blitz"]
OPENINGS = [("C50", "e4 e5 Nf3 Nc6 Bc4 Bc5"), ("B90", "e4 c5 Nf3 d6 d4 cxd4 Nxd4 Nf6 Nc3 a6"),
            ("D37", "d4 d5 c4 e6 Nc3 Nf6 Nf3 Be7"), ("A10", "c4 e5 Nc3 Nf6"), ("C00", "e4 e6 d4 d5"),
            ("E60", "d4 Nf6 c4 g6 Nc3 Bg7 e4 d6")]
out = []
for i in range(1, n_games + 1):
    eco, line = rnd.choice(OPENINGS)
    board = chess.Board()
    sans = []
    for san in line.split():
        sans.append(san)
        board.push_san(san)
    for _ in range(rnd.randint(20, 90)):
        moves = list(board.legal_moves)
        if not moves or board.is_game_over():
            break
        caps = [m for m in moves if board.is_capture(m)]
        m = rnd.choice(caps) if caps and rnd.random() < 0.4 else rnd.choice(moves)
        sans.append(board.san(m))
        board.push(m)
    if board.is_checkmate():
        result = "0-1" if board.turn == chess.WHITE else "1-0"
    else:
        result = rnd.choice(["1-0", "0-1", "1/2-1/2", "1-0", "0-1"])
    white, black = rnd.sample(PLAYERS, 2)
    tags = [("Event", rnd.choice(EVENTS)), ("Site", "Bergen NOR"), ("Date", f"2024.{rnd.randint(1, 12):02d}.{rnd.randint(1, 28):02d}"),
            ("Round", str(rnd.randint(1, 9))), ("White", white), ("Black", black), ("Result", result), ("ECO", eco),
            ("WhiteElo", str(rnd.randint(1400, 2600))), ("BlackElo", str(rnd.randint(1400, 2600)))]
    term = result
    if i % 37 == 5:
        tags[1] = ("Site", 'Bergen NOR]')  # a malformed tag: the closing quote lost
    if i % 41 == 13:
        term = ""  # the result missing from the movetext
    if i % 43 == 21:
        term = "1-0" if result != "1-0" else "0-1"  # a result that disagrees with its tag
    if i % 29 == 11 and len(sans) > 12:
        k = rnd.randint(8, len(sans) - 2)
        sans[k] = rnd.choice(["Ke5", "Qh9", "Nxe4", "O-O-O", "Bb8", "exd6"])  # an illegal or impossible move
    if i % 59 == 17:
        tags.append(("TimeControl", "40/7200:3600"))
        tags[4] = ("White", "")
    body = []
    for k, san in enumerate(sans):
        body.append((f"{k // 2 + 1}. " if k % 2 == 0 else "") + san)
    movetext = " ".join(body) + (" " + term if term else "")
    lines, cur = [], ""
    for tok in movetext.split(" "):
        if len(cur) + len(tok) + 1 > 79:
            lines.append(cur)
            cur = tok
        else:
            cur = (cur + " " + tok).strip()
    lines.append(cur)
    out.append("\n".join(f'[{k} "{v}"]' if not v.endswith("]") else f'[{k} "{v}' for k, v in tags) + "\n\n"
               + "\n".join(lines) + "\n")
open(sys.argv[3], "w").write("\n".join(out))
'''

PGN_CHECK = r'''
"""Read every game of a PGN file with python-chess and report what it could not read."""
import sys

import chess.pgn

n = bad = 0
with open(sys.argv[1]) as f:
    while True:
        game = chess.pgn.read_game(f)
        if game is None:
            break
        n += 1
        h = game.headers
        plies = len(list(game.mainline_moves()))
        print(f"game {n}: {h.get('White', '?')} - {h.get('Black', '?')} [{h.get('Event', '?')}, round {h.get('Round', '?')}] "
              f"{h.get('Result', '?')} ({plies} plies read, ends {game.end().board().fen()})")
        if game.errors:
            bad += 1
            for e in game.errors:
                print(f"  error: {e}")
        if h.get("Result", "*") == "*":
            print("  warning: no result")
print(f"read {n} games, {bad} games with errors")
'''

PERFT = r'''
"""Perft counts from python-chess against the published ones (and a divide of the first move)."""
import sys
import time

import chess

POSITIONS = [
    ("start", chess.STARTING_FEN, [20, 400, 8902, 197281]),
    ("kiwipete", "r3k2r/p1ppqpb1/bn2pnp1/3PN3/1p2P3/2N2Q1p/PPPBBPPP/R3K2R w KQkq - 0 1", [48, 2039, 97863]),
    ("position3", "8/2p5/3p4/KP5r/1R3p1k/8/4P1P1/8 w - - 0 1", [14, 191, 2812, 43238]),
    ("position4", "r3k2r/Pppp1ppp/1b3nbN/nP6/BBP1P3/q4N2/Pp1P2PP/R2Q1RK1 w kq - 0 1", [6, 264, 9467]),
    ("position5", "rnbq1k1r/pp1Pbppp/2p5/8/2B5/8/PPP1NnPP/RNBQK2R w KQ - 1 8", [44, 1486, 62379]),
]


def perft(board, depth):
    if depth == 1:
        return board.legal_moves.count()
    n = 0
    for m in board.legal_moves:
        board.push(m)
        n += perft(board, depth - 1)
        board.pop()
    return n


mode = sys.argv[1] if len(sys.argv) > 1 else "counts"
bad = 0
for name, fen, expected in POSITIONS:
    board = chess.Board(fen)
    if mode == "divide":
        depth = int(sys.argv[2])
        print(f"{name}: divide at depth {depth}  ({fen})")
        total = 0
        for m in sorted(board.legal_moves, key=lambda m: m.uci()):
            board.push(m)
            k = perft(board, depth - 1) if depth > 1 else 1
            board.pop()
            total += k
            print(f"{m.uci()}: {k}")
        print(f"total {total} nodes")
        print()
        continue
    for depth, want in enumerate(expected, 1):
        t = time.time()
        got = perft(board, depth)
        ok = "ok" if got == want else "MISMATCH"
        bad += got != want
        print(f"{name:10} depth {depth}  nodes {got:>8}  expected {want:>8}  {ok}  ({time.time() - t:.2f}s)")
if mode != "divide":
    print(f"{bad} mismatches")
    sys.exit(1 if bad else 0)
'''

BOARDS = r'''
"""Boards, FENs and game states of a set of positions; then a game replayed move by move."""
import sys

import chess

POSITIONS = [
    ("start", chess.STARTING_FEN),
    ("fools-mate", "rnb1kbnr/pppp1ppp/8/4p3/6Pq/5P2/PPPPP2P/RNBQKBNR w KQkq - 1 3"),
    ("stalemate", "7k/5Q2/6K1/8/8/8/8/8 b - - 0 1"),
    ("check", "rnbqkbnr/ppp2ppp/3p4/1B2p3/4P3/8/PPPP1PPP/RNBQK1NR b KQkq - 1 3"),
    ("bare-kings", "8/8/4k3/8/8/3K4/8/8 w - - 0 1"),
    ("kiwipete", "r3k2r/p1ppqpb1/bn2pnp1/3PN3/1p2P3/2N2Q1p/PPPBBPPP/R3K2R w KQkq - 0 1"),
    ("promotion", "8/P7/8/8/8/8/6k1/4K3 w - - 0 1"),
    ("en-passant", "rnbqkbnr/ppp1p1pp/8/3pPp2/8/8/PPPP1PPP/RNBQKBNR w KQkq f6 0 3"),
    ("back-rank", "6k1/5ppp/8/8/8/8/5PPP/3R2K1 w - - 0 1"),
    ("bad-fen", "rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBN w KQkq - 0 1"),
    ("two-kings", "4k3/8/8/8/8/8/8/3KK3 w - - 0 1"),
    ("fifty-moves", "8/8/3k4/8/8/3K4/8/7R w - - 100 80"),
]
mode = sys.argv[1] if len(sys.argv) > 1 else "positions"
if mode == "positions":
    for name, fen in POSITIONS:
        print(f"--- {name}")
        try:
            board = chess.Board(fen)
        except ValueError as e:
            print(f"error: {name}: {e}")
            continue
        print(board)
        print(f"fen: {board.fen()}")
        print(f"legal moves: {board.legal_moves.count()}  check: {board.is_check()}  checkmate: {board.is_checkmate()}  "
              f"stalemate: {board.is_stalemate()}  insufficient material: {board.is_insufficient_material()}")
        status = board.status()
        if status:
            print(f"invalid position: {status!r}")
        print(f"outcome: {board.outcome(claim_draw=True)}")
else:
    game = ("e4 e5 Nf3 Nc6 Bb5 a6 Ba4 Nf6 O-O Be7 Re1 b5 Bb3 d6 c3 O-O h3 Nb8 d4 Nbd7 c4 c6 cxb5 axb5 Nc3 Bb7 "
            "Bg5 b4 Nb1 h6 Bh4 c5 dxe5 Nxe4 Bxe7 Qxe7 exd6 Qf6 Nbd2 Nxd6 Nc4 Nxc4 Bxc4 Nb6 Ne5 Rae8 Bxf7+ Rxf7 "
            "Nxf7 Rxe1+ Qxe1 Kxf7 Qe3 Qg5 Qxg5 hxg5 b3 Ke6 a3 Kd6 axb4 cxb4 Ra5 Nd5 f3 Bc8 Kf2 Bf5 Ra7 g6 Ra6+ "
            "Kc5 Ke1 Nf4 g3 Nxh3 Kd2 Kb5 Rd6 Kc5 Ra6 Nf2 g4 Bd3 Re6 Ke4")
    board = chess.Board()
    for k, san in enumerate(game.split()):
        board.push_san(san)
        print(f"{k // 2 + 1}{'.' if k % 2 == 0 else '...'} {san}")
        print(board.unicode(empty_square="."))
        print(f"fen: {board.fen()}  check: {board.is_check()}")
'''

ANALYSIS = r'''
"""Positions analysed by Stockfish through python-chess's chess.engine."""
import sys

import chess
import chess.engine

POSITIONS = [
    ("italian", "r1bqk1nr/pppp1ppp/2n5/2b1p3/2B1P3/5N2/PPPP1PPP/RNBQK2R w KQkq - 4 4"),
    ("kiwipete", "r3k2r/p1ppqpb1/bn2pnp1/3PN3/1p2P3/2N2Q1p/PPPBBPPP/R3K2R w KQkq - 0 1"),
    ("rook-endgame", "8/2p5/3p4/KP5r/1R3p1k/8/4P1P1/8 w - - 0 1"),
    ("mate-in-2", "r1bqkb1r/pppp1ppp/2n2n2/4p2Q/2B1P3/8/PPPP1PPP/RNB1K1NR w KQkq - 4 4"),
    ("promotion", "r3k2r/Pppp1ppp/1b3nbN/nP6/BBP1P3/q4N2/Pp1P2PP/R2Q1RK1 w kq - 0 1"),
    ("sicilian", "rnbqkb1r/1p2pppp/p2p1n2/8/3NP3/2N5/PPP2PPP/R1BQKB1R w KQkq - 0 6"),
    ("pawn-race", "8/k7/3p4/p2P1p2/P2P1P2/8/8/K7 w - - 0 1"),
    ("fools-mate", "rnb1kbnr/pppp1ppp/8/4p3/6Pq/5P2/PPPPP2P/RNBQKBNR w KQkq - 1 3"),
]
mode = sys.argv[1]
engine = chess.engine.SimpleEngine.popen_uci("stockfish")
engine.configure({"Threads": 1, "Hash": 16})
try:
    if mode == "analyse":
        for k, (name, fen) in enumerate(POSITIONS, 1):
            board = chess.Board(fen)
            print(f"== position {k}: {name}  {fen}")
            infos = engine.analyse(board, chess.engine.Limit(depth=int(sys.argv[2])), multipv=2)
            for info in infos:
                pv = board.variation_san(info["pv"][:8]) if "pv" in info else "-"
                print(f"  multipv {info.get('multipv')} depth {info.get('depth')} seldepth {info.get('seldepth')} "
                      f"nodes {info.get('nodes')} score {info['score'].white()} pv {pv}")
            print(f"  best: {board.san(infos[0]['pv'][0]) if 'pv' in infos[0] else '(none)'}  score {infos[0]['score'].white()}")
    elif mode == "stream":
        for k, (name, fen) in enumerate(POSITIONS[:5], 1):
            board = chess.Board(fen)
            print(f"== position {k}: {name}  {fen}")
            with engine.analysis(board, chess.engine.Limit(depth=13)) as analysis:
                for info in analysis:
                    if "score" in info and "pv" in info:
                        print(f"  depth {info.get('depth'):2} score {str(info['score'].white()):>6} nodes {info.get('nodes'):>8} "
                              f"nps {info.get('nps')} pv {' '.join(m.uci() for m in info['pv'][:10])}")
                print(f"  final: depth {analysis.info.get('depth')} score {analysis.info['score'].white()} "
                      f"best {analysis.info['pv'][0].uci()}")
    else:  # play: the engine against itself under a node limit, then a move the scorer typed by hand
        board = chess.Board()
        print("== game: stockfish (20000 nodes) vs stockfish (20000 nodes)")
        while not board.is_game_over() and board.fullmove_number <= 40:
            result = engine.play(board, chess.engine.Limit(nodes=20000), info=chess.engine.INFO_SCORE)
            san = board.san(result.move)
            print(f"{board.fullmove_number}{'.' if board.turn else '...'} {san:7} score {result.info.get('score')}")
            board.push(result.move)
        print(f"after {board.fullmove_number} moves: {board.fen()}  outcome {board.outcome()}")
        print("== replay of the scoresheet")
        board = chess.Board()
        for san in "e4 e5 Nf3 Nc6 Bb5 a6 Bxc6 dxc6 O-O f6 d4 Bg4 dxe5 Qxd1 Rxd1 fxe5 Rd3 Bd6 Nbd2 Ke7".split():
            board.push_san(san)
            print(f"  {san}: {board.fen()}")
        print("done")
finally:
    engine.quit()
'''


def make_db(tmp: Path) -> Path:
    d = tmp / "pgn"
    d.mkdir(parents=True, exist_ok=True)
    for name, body in [("gen_pgn.py", GEN_PGN), ("pgn_check.py", PGN_CHECK), ("perft.py", PERFT),
                       ("boards.py", BOARDS), ("analysis.py", ANALYSIS)]:
        (d / name).write_text(body.lstrip("\n"))
    if not (d / "games.pgn").exists():
        run("python gen_pgn.py 255 300 games.pgn && python gen_pgn.py 2551 40 small.pgn", cwd=d, timeout=300)
    return d


def pgn_extract(tmp: Path) -> None:
    d = make_db(tmp)
    c = "pgn-extract -r games.pgn 2>&1"
    add("pgn-extract-check", c, run(c, cwd=d), n_pgn_extract_log)
    c = "pgn-extract -o clean.pgn games.pgn 2>&1 | grep -iE 'error|fail|missing|unknown|line number'; echo EXIT=$?"
    add("pgn-extract-grep", c, run(c, cwd=d), n_pgn_extract_log)
    c = "pgn-extract -l extract.log -o clean.pgn games.pgn; tail -n 120 extract.log"
    add("pgn-extract-logfile-tail", c, run(c, cwd=d), n_pgn_extract_log)
    c = "pgn-extract -C -N -V -Wuci -s small.pgn"
    add("pgn-extract-games-uci", c, run(c, cwd=d), n_pgn_extract_games)
    c = "pgn-extract --fencomments -Wlalg -s small.pgn 2>&1 | head -n 150"
    add("pgn-extract-games-fen-head", c, run(c, cwd=d), n_pgn_extract_games)
    (d / "tags.txt").write_text('Event "Winter Blitz"\n')
    c = "pgn-extract -t tags.txt -Wsan games.pgn 2>&1; echo EXIT=$?"
    add("pgn-extract-games-event", c, run(c, cwd=d), n_pgn_extract_games)


def python_chess(tmp: Path) -> None:
    d = make_db(tmp)
    c = "python pgn_check.py games.pgn"
    add("python-chess-pgn-all", c, run(c, cwd=d, timeout=300), n_python_chess_pgn)
    c = "python pgn_check.py games.pgn 2>&1 | tail -n 60"
    add("python-chess-pgn-tail", c, run(c, cwd=d, timeout=300), n_python_chess_pgn)
    c = "python pgn_check.py small.pgn; echo EXIT=$?"
    add("python-chess-pgn-small", c, run(c, cwd=d, timeout=300), n_python_chess_pgn)
    c = "nice python perft.py counts; echo EXIT=$?"
    add("python-chess-perft-counts", c, run(c, cwd=d, timeout=600), n_python_chess_perft)
    c = "nice python perft.py divide 3"
    add("python-chess-perft-divide", c, run(c, cwd=d, timeout=600), n_python_chess_perft)
    c = "python boards.py positions"
    add("python-chess-board-positions", c, run(c, cwd=d), n_python_chess_board)
    c = "python boards.py replay 2>&1; echo EXIT=$?"
    add("python-chess-board-replay", c, run(c, cwd=d), n_python_chess_board)
    c = "python boards.py replay 2>&1 | tail -n 100"
    add("python-chess-board-replay-tail", c, run(c, cwd=d), n_python_chess_board)
    c = "nice python analysis.py analyse 12"
    add("python-chess-analysis-multipv", c, run(c, cwd=d, timeout=600), n_python_chess_analysis)
    c = "nice python analysis.py stream"
    add("python-chess-analysis-stream", c, run(c, cwd=d, timeout=600), n_python_chess_analysis)
    c = "nice python analysis.py play; echo EXIT=$?"
    add("python-chess-analysis-play", c, run(c, cwd=d, timeout=600), n_python_chess_analysis)


STEPS = [pgn_extract, python_chess]
