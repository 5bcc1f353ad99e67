"""Round 255, the engines: Stockfish over UCI (searches to a fixed depth or node count, MultiPV, `bench` on its own
and on a file of positions, the `d` board display over positions some of them malformed, misspelled commands),
Fairy-Stockfish on xiangqi, shogi and crazyhouse, GNU Chess in xboard mode (a game at a small depth, moves out of turn
and illegal moves), GNU Go over GTP (9x9 and 13x13 games by `genmove`, illegal moves and bad coordinates, scores) and
GNU Backgammon's text mode. Every engine is driven by a small script of the round's (`drive.py`: it echoes each
command it sends as `> cmd`). The extractors are this round's (NEEDLES.md, "Round 255"). Run through
capture_wide255.py."""

from __future__ import annotations

import random
import re
from pathlib import Path

import capture_more as cm
from capture_more import kind, run
from capture_wide224 import exit_lines
from capture_wide255 import add

# ------------------------------------------------------------------ the extractors (NEEDLES.md, "Round 255")

UCI_ERR = r"Unknown command|Illegal|Invalid|\berror\b|\bError\b"
INFO_SCORE = r"^info .*\bdepth \d+.* score "


def _uci(lines):
    out: list = [ln for ln in lines if ln.startswith("id name")]
    last = None
    for ln in lines:
        if re.match(INFO_SCORE, ln):
            last = ln
        elif ln.startswith("bestmove"):
            out += [last, ln]
            last = None
    out += [ln for ln in lines if re.search(UCI_ERR, ln)]
    out += cm.groups((cm.mask(ln), ln) for ln in lines if ln.startswith("info string"))
    out += [ln for ln in lines if re.match(r"^(# |> position|position:|fen:)", ln, re.I)]
    return out + exit_lines(lines)


@kind("stockfish-uci", "log")
def n_stockfish_uci(lines):
    """Rule 1+5: id name, every bestmove and the last info depth line before it, error-shaped lines, info string lines one {"any"} per shape, the lines naming a position; EXIT=."""
    return _uci(lines)


@kind("fairy-stockfish-uci", "log")
def n_fairy_uci(lines):
    """Rule 1+5: as stockfish-uci, and every info string variant line."""
    return _uci(lines) + [ln for ln in lines if ln.startswith("info string variant")]


@kind("stockfish-bench", "log")
def n_stockfish_bench(lines):
    """Rule 3+5: the first and last Position: N/M lines, the last position's bestmove lines, Total time / Nodes searched / Nodes/second; EXIT=."""
    pos = [i for i, ln in enumerate(lines) if re.match(r"^Position: \d+/\d+", ln)]
    out: list = []
    if pos:
        out += [lines[pos[0]], lines[pos[-1]]]
        out += [ln for ln in lines[pos[-1]:] if ln.startswith("bestmove")]
    out += [ln for ln in lines if re.match(r"^(Total time \(ms\)|Nodes searched|Nodes/second)\s*:", ln)]
    return out + exit_lines(lines)


@kind("stockfish-board", "log")
def n_stockfish_board(lines):
    """Rule 1+5: every Fen:, Key: and Checkers: line, error-shaped lines, the lines naming the position sent; EXIT=."""
    out: list = [ln for ln in lines if re.match(r"^(Fen|Key|Checkers):", ln)]
    out += [ln for ln in lines if re.search(UCI_ERR, ln)]
    out += [ln for ln in lines if re.match(r"^(# |> position|position:|fen:)", ln, re.I)]
    return out + exit_lines(lines)


XB_THINK = r"^\s*\d+\s+[-+]?\d+\s+\d+\s+\d+\s+\S"
XB_MOVE = r"^(My move is|move \S)|^\d+\. \.\.\. \S+$"


@kind("gnuchess-xboard", "log")
def n_gnuchess_xboard(lines):
    """Rule 1+5: Illegal/Invalid move and Error lines with the command echoed above, every engine move line and the last thinking line before it, result lines, the last show board's side-to-move line; EXIT=."""
    out: list = []
    think = None
    for i, ln in enumerate(lines):
        if re.search(r"Illegal move|Invalid move|\bError\b", ln):
            out += [ln, cm.prev_match(lines, i, r"^> ")]
        if re.match(XB_THINK, ln):
            think = ln
        elif re.match(XB_MOVE, ln):
            out += [think, ln]
            think = None
        if re.match(r"^(1-0|0-1|1/2-1/2)\b", ln) or re.search(r"\{[^}]*\}", ln):
            out.append(ln)
    side = [ln for ln in lines if re.match(r"^(white|black)\s+\S*$", ln)]
    out += side[-1:]
    return out + exit_lines(lines)


@kind("gnugo-gtp", "log")
def n_gnugo_gtp(lines):
    """Rule 1+5: every ? error response and the command echoed above, genmove responses, estimate_score/final_score/final_status_list/captures values, the last showboard's captured lines; EXIT=."""
    out: list = []
    cmd = ""
    for i, ln in enumerate(lines):
        if ln.startswith("> "):
            cmd = ln[2:].split()[0] if ln[2:].split() else ""
        elif ln.startswith("?"):
            out += [ln, cm.prev_match(lines, i, r"^> ")]
        elif ln.startswith("= ") and cmd in ("genmove", "reg_genmove", "estimate_score", "final_score",
                                              "final_status_list", "captures"):
            out.append(ln)
    caps = [ln for ln in lines if "has captured" in ln]
    out += caps[-2:]
    return out + exit_lines(lines)


GNUBG_ERR = r"[Ii]llegal|not a legal|[Uu]nknown|[Ii]ncorrect|You (must|cannot|can't)|\b[Ee]rror\b|impossible|not possible"


@kind("gnubg-cli", "log")
def n_gnubg(lines):
    """Rule 1+5: error and illegal-move lines, every hint line ranked 1 (with its equity), the show score/match lines, wins/resigns lines; EXIT=."""
    out: list = [ln for ln in lines if re.search(GNUBG_ERR, ln)]
    out += [ln for ln in lines if re.match(r"^\s+1\. ", ln)]
    cmd = ""
    for ln in lines:
        if ln.startswith("> "):
            cmd = ln[2:]
        elif cmd.startswith(("show score", "show match")) and ln.strip():
            out.append(ln)
    out += [ln for ln in lines if re.search(r"\bwins\b|\bresigns\b", ln)]
    return out + exit_lines(lines)


# ------------------------------------------------------------------ the driver and the positions

POSITIONS = [
    ("start", "startpos"),
    ("italian", "startpos moves e2e4 e7e5 g1f3 b8c6 f1c4 f8c5 c2c3 g8f6 d2d4"),
    ("kiwipete", "fen r3k2r/p1ppqpb1/bn2pnp1/3PN3/1p2P3/2N2Q1p/PPPBBPPP/R3K2R w KQkq - 0 1"),
    ("rook-endgame", "fen 8/2p5/3p4/KP5r/1R3p1k/8/4P1P1/8 w - - 0 1"),
    ("promotion", "fen r3k2r/Pppp1ppp/1b3nbN/nP6/BBP1P3/q4N2/Pp1P2PP/R2Q1RK1 w kq - 0 1"),
    ("middlegame", "fen rnbq1k1r/pp1Pbppp/2p5/8/2B5/8/PPP1NnPP/RNBQK2R w KQ - 1 8"),
    ("sicilian", "startpos moves e2e4 c7c5 g1f3 d7d6 d2d4 c5d4 f3d4 g8f6 b1c3 a7a6"),
    ("mate-in-2", "fen r1bqkb1r/pppp1ppp/2n2n2/4p2Q/2B1P3/8/PPPP1PPP/RNB1K1NR w KQkq - 4 4"),
    ("queens-gambit", "startpos moves d2d4 d7d5 c2c4 e7e6 b1c3 g8f6 c1g5 f8e7"),
    ("pawn-race", "fen 8/k7/3p4/p2P1p2/P2P1P2/8/8/K7 w - - 0 1"),
]


def write_driver(d: Path) -> None:
    d.mkdir(parents=True, exist_ok=True)
    (d / "drive.py").write_text(DRIVER_SRC)


def script(d: Path, name: str, cmds: list[str]) -> str:
    (d / name).write_text("\n".join(cmds) + "\n")
    return name


def stockfish(tmp: Path) -> None:
    d = tmp / "uci"
    write_driver(d)
    # a search to depth 12 over four positions
    cmds = ["uci", "setoption name Threads value 1", "setoption name Hash value 16", "ucinewgame"]
    for name, pos in POSITIONS[:4]:
        cmds += [f"# {name}", f"position {pos}", "go depth 12"]
    cmds.append("quit")
    s = script(d, "depth12.txt", cmds)
    c = f"nice python3 drive.py uci {s} stockfish"
    add("stockfish-uci-depth12", c, run(c, cwd=d, timeout=300), n_stockfish_uci)
    # MultiPV 4 to depth 10
    cmds = ["uci", "setoption name MultiPV value 4", "isready"]
    for name, pos in POSITIONS[4:8]:
        cmds += [f"# {name}", f"position {pos}", "go depth 10"]
    cmds.append("quit")
    s = script(d, "multipv.txt", cmds)
    c = f"nice python3 drive.py uci {s} stockfish"
    add("stockfish-uci-multipv", c, run(c, cwd=d, timeout=300), n_stockfish_uci)
    # a node limit over every position, as an agent cuts it
    cmds = ["uci"]
    for name, pos in POSITIONS:
        cmds += [f"# {name}", f"position {pos}", "go nodes 200000"]
    cmds.append("quit")
    s = script(d, "nodes.txt", cmds)
    c = f"nice python3 drive.py uci {s} stockfish | tail -n 80"
    add("stockfish-uci-nodes-tail", c, run(c, cwd=d, timeout=300), n_stockfish_uci)
    # misspelled commands and options, an illegal move in a move list, a search that still runs
    cmds = ["uci", "setoption name Hashh value 32", "setoption name Threads value 1", "ucinewgme",
            "position startpos moves e2e4 e7e5 g1f3 b8c6 f1b5 a7a6 b5a4 g8f6 e1g1 f8e7",
            "go depth 10", "position startpos moves e2e5 d7d5", "go depth 8",
            "positon startpos", "go movetime 300", "setoption name MultiPV value 0", "go depth 6", "stop", "quit"]
    s = script(d, "typos.txt", cmds)
    c = f"nice python3 drive.py uci {s} stockfish; echo EXIT=$?"
    add("stockfish-uci-typos", c, run(c, cwd=d, timeout=300), n_stockfish_uci)
    # a deeper search of one position
    cmds = ["uci", "# kiwipete to depth 14", f"position {POSITIONS[2][1]}", "go depth 14", "quit"]
    s = script(d, "deep.txt", cmds)
    c = f"nice python3 drive.py uci {s} stockfish 2>&1"
    add("stockfish-uci-depth14", c, run(c, cwd=d, timeout=300), n_stockfish_uci)


def bench(tmp: Path) -> None:
    d = tmp / "bench"
    d.mkdir(parents=True, exist_ok=True)
    c = "nice stockfish bench 16 1 8 2>&1"
    add("stockfish-bench-depth8", c, run(c, cwd=d, timeout=300), n_stockfish_bench)
    c = "nice stockfish bench 16 1 10 2>&1 | tail -n 40"
    add("stockfish-bench-tail", c, run(c, cwd=d, timeout=300), n_stockfish_bench)
    fens = [p[4:] for _, p in POSITIONS if p.startswith("fen ")]
    rnd = random.Random(255)
    import_fens = fens + ["8/8/8/8/8/8/8/8 w - - 0 1"]
    rnd.shuffle(import_fens)
    (d / "positions.fen").write_text("\n".join(import_fens) + "\n")
    c = "nice stockfish bench 16 1 9 positions.fen; echo EXIT=$?"
    add("stockfish-bench-fenfile", c, run(c, cwd=d, timeout=300), n_stockfish_bench)
    c = "nice stockfish bench 16 1 200000 default nodes 2>&1 | head -n 100"
    add("stockfish-bench-nodes-head", c, run(c, cwd=d, timeout=300), n_stockfish_bench)


def board(tmp: Path) -> None:
    d = tmp / "board"
    write_driver(d)
    bad = ["fen rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP w KQkq - 0 1",  # a rank missing
           "fen rnbqkbnr/pppppppp/9/8/8/8/PPPPPPPP/RNBQKBNR w KQkq - 0 1",  # nine squares
           "fen 8/8/8/8/8/8/8/8 b - - 0 1",  # no kings
           "fen rnbqkbnr/pppppppp/8/8/4P3/8/PPPP1PPP/RNBQKBNR x KQkq e3 0 1"]  # bad side to move
    cmds = ["uci"]
    order = [p for _, p in POSITIONS]
    random.Random(2550).shuffle(order)
    order += bad[::-1]  # the malformed ones last: a FEN missing a rank may bring the engine down
    for pos in order:
        cmds += [f"position {pos}", "d"]
    cmds.append("quit")
    s = script(d, "show.txt", cmds)
    c = f"nice python3 drive.py uci {s} stockfish; echo EXIT=$?"
    add("stockfish-board-positions", c, run(c, cwd=d, timeout=120), n_stockfish_board)
    # a game's moves one at a time, then a move list with an illegal move in it
    moves = "e2e4 c7c5 g1f3 d7d6 d2d4 c5d4 f3d4 g8f6 b1c3 a7a6 c1e3 e7e5 d4b3 c8e6 f2f3 f8e7 d1d2 e8g8".split()
    cmds = ["uci"]
    for k in range(2, len(moves) + 1, 2):
        cmds += [f"position startpos moves {' '.join(moves[:k])}", "d"]
    cmds += ["position startpos moves e2e4 e7e5 e1e3 b8c6", "d", "position startpos moves e2e4 e7e5 xx", "d",
             "flip", "d", "quit"]
    s = script(d, "game.txt", cmds)
    c = f"nice python3 drive.py uci {s} stockfish 2>&1 | head -n 100"
    add("stockfish-board-game-head", c, run(c, cwd=d, timeout=120), n_stockfish_board)
    c = f"nice python3 drive.py uci {s} stockfish 2>&1 | grep -E '^(Fen|Checkers|> position)'"
    add("stockfish-board-game-grep", c, run(c, cwd=d, timeout=120), n_stockfish_board)


def fairy(tmp: Path) -> None:
    d = tmp / "fairy"
    write_driver(d)
    for variant, depth, extra in [("xiangqi", 10, []), ("shogi", 9, []),
                                  ("crazyhouse", 10, ["position startpos moves e2e4 d7d5 e4d5 d8d5 P@e4", "go depth 6"])]:
        cmds = ["uci", f"setoption name UCI_Variant value {variant}", "ucinewgame", "position startpos",
                f"go depth {depth}"] + extra + ["setoption name UCI_Variant value chesss", "quit"]
        s = script(d, f"{variant}.txt", cmds)
        c = f"nice python3 drive.py uci {s} fairy-stockfish" + ("; echo EXIT=$?" if variant == "shogi" else "")
        add(f"fairy-uci-{variant}", c, run(c, cwd=d, timeout=300), n_fairy_uci)


def gnuchess(tmp: Path) -> None:
    d = tmp / "gnuchess"
    write_driver(d)
    # a game at depth 4: the engine answers each of white's moves
    white = "e2e4 g1f3 f1c4 d2d3 c2c3 e1g1 f1e1 b1d2 d2f1 h2h3 f1g3 c4b3 b3c2 a2a4 d1e2 c1e3".split()
    cmds = ["xboard", "protover 2", "new", "easy", "post", "depth 5"] + white + ["show board", "quit"]
    s = script(d, "game.txt", cmds)
    c = f"nice python3 drive.py xboard {s} gnuchess -x"
    add("gnuchess-xboard-game", c, run(c, cwd=d, timeout=600), n_gnuchess_xboard)
    # moves out of turn, illegal moves, an unknown command, a setboard
    cmds = ["xboard", "new", "easy", "post", "depth 3", "e2e4", "e7e5", "e4e6", "g1f3", "sd 3", "a1a8", "e1g1",
            "setboard r1bqkbnr/pppp1ppp/2n5/4p3/4P3/5N2/PPPP1PPP/RNBQKB1R w KQkq - 2 3", "f1b5", "b5c6",
            "show board", "quit"]
    s = script(d, "illegal.txt", cmds)
    c = f"nice python3 drive.py xboard {s} gnuchess -x; echo EXIT=$?"
    add("gnuchess-xboard-illegal", c, run(c, cwd=d, timeout=600), n_gnuchess_xboard)
    # a longer game at depth 5, cut by the agent
    white = "d2d4 c2c4 b1c3 c1g5 e2e3 g1f3 f1d3 e1g1 a1c1 d1e2 f1d1 h2h3 a2a3 c4d5".split()
    cmds = ["xboard", "new", "easy", "post", "depth 6"] + white + ["show board", "quit"]
    s = script(d, "long.txt", cmds)
    c = f"nice python3 drive.py xboard {s} gnuchess -x 2>&1 | tail -n 80"
    add("gnuchess-xboard-tail", c, run(c, cwd=d, timeout=600), n_gnuchess_xboard)


def gnugo(tmp: Path) -> None:
    d = tmp / "gnugo"
    write_driver(d)
    rnd = random.Random(2555)
    # 9x9, the engine plays both sides by genmove, then scores
    cmds = ["boardsize 9", "clear_board", "komi 6.5", "level 1"]
    for k in range(44):
        cmds.append(f"genmove {'black' if k % 2 == 0 else 'white'}")
        if k % 2 == 1:
            cmds.append("showboard")
    cmds += ["estimate_score", "final_score", "final_status_list dead", "captures black", "captures white", "quit"]
    s = script(d, "nine.txt", cmds)
    c = f"nice python3 drive.py gtp {s} gnugo --mode gtp --level 1"
    add("gnugo-gtp-9x9", c, run(c, cwd=d, timeout=600), n_gnugo_gtp)
    # 13x13 with our own moves, illegal ones among them
    cols = "ABCDEFGHJKLMN"
    cmds = ["boardsize 13", "clear_board", "komi 7.5"]
    for k in range(30):
        col = "black" if k % 2 == 0 else "white"
        if k in (7, 15, 22):
            cmds.append(f"play {col} {rnd.choice(['I5', 'O3', 'A14', 'Z0'])}")  # no such point
        elif k in (11, 19):
            cmds.append(cmds[-1].replace(col == "black" and "white" or "black", col))  # an occupied point
        else:
            cmds.append(f"play {col} {rnd.choice(cols)}{rnd.randint(1, 13)}")
        if k % 5 == 4:
            cmds.append("showboard")
    cmds += ["showboard", "genmove black", "genmove white", "estimate_score", "final_score", "undo", "undo", "undo",
             "play purple D4", "boardsize 27", "showboard", "quit"]
    s = script(d, "thirteen.txt", cmds)
    c = f"nice python3 drive.py gtp {s} gnugo --mode gtp --level 1; echo EXIT=$?"
    add("gnugo-gtp-13x13-illegal", c, run(c, cwd=d, timeout=600), n_gnugo_gtp)
    # 19x19: a few moves and the engine's view of them, cut
    cmds = ["boardsize 19", "clear_board", "komi 6.5", "fixed_handicap 4", "level 1"]
    for k in range(12):
        cmds.append(f"genmove {'white' if k % 2 == 0 else 'black'}")
        if k % 4 == 3:
            cmds.append("showboard")
    cmds += ["showboard", "estimate_score", "final_status_list alive", "top_moves_black", "quit"]
    s = script(d, "nineteen.txt", cmds)
    c = f"nice python3 drive.py gtp {s} gnugo --mode gtp --level 1 2>&1 | tail -n 100"
    add("gnugo-gtp-19x19-tail", c, run(c, cwd=d, timeout=600), n_gnugo_gtp)


def gnubg(tmp: Path) -> None:
    d = tmp / "gnubg"
    write_driver(d)
    # gnubg against itself for one game, then the score
    cmds = ["set player 0 gnubg", "set player 1 gnubg", "set player 0 chequerplay evaluation plies 0",
            "set player 1 chequerplay evaluation plies 0", "set display off", "new game", "show score", "quit", "y"]
    s = script(d, "selfplay.txt", cmds)
    c = f"nice python3 drive.py raw {s} gnubg -t -q"
    add("gnubg-cli-selfplay", c, run(c, cwd=d, timeout=300), n_gnubg)
    # a human side: rolls, hints, moves that are illegal, unknown commands
    cmds = ["set player 0 gnubg", "set player 1 human", "set player 0 chequerplay evaluation plies 0",
            "new game", "roll", "hint", "move 24/18 13/11", "move 8/5 6/5", "move 13/7 8/7", "move 25/20",
            "hint", "roll", "double", "show score", "show board", "move 6/off", "resign normal", "show score",
            "quit", "y"]
    s = script(d, "human.txt", cmds)
    c = f"nice python3 drive.py raw {s} gnubg -t -q; echo EXIT=$?"
    add("gnubg-cli-human", c, run(c, cwd=d, timeout=300), n_gnubg)
    c = f"nice python3 drive.py raw {s} gnubg -t -q 2>&1 | grep -iE 'illegal|error|unknown|hint|wins|score|move'"
    add("gnubg-cli-grep", c, run(c, cwd=d, timeout=300), n_gnubg)


DRIVER_SRC = r'''"""Drive a game engine over its text protocol from a command file: uci, gtp or xboard."""
import queue
import subprocess
import sys
import threading
import time

mode, script, eng = sys.argv[1], sys.argv[2], sys.argv[3:]
p = subprocess.Popen(eng, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1)
q: queue.Queue = queue.Queue()


def pump():
    for ln in p.stdout:
        q.put(ln)
    q.put(None)


threading.Thread(target=pump, daemon=True).start()


def read_until(pred, timeout):
    end = time.time() + timeout
    while True:
        try:
            ln = q.get(timeout=max(0.01, end - time.time()))
        except queue.Empty:
            return False
        if ln is None:
            return False
        sys.stdout.write(ln)
        sys.stdout.flush()
        if pred(ln):
            return True


def send(cmd):
    p.stdin.write(cmd + "\n")
    p.stdin.flush()


for raw in open(script):
    cmd = raw.rstrip("\n")
    if not cmd.strip():
        continue
    if cmd.startswith("#"):
        print(cmd, flush=True)
        continue
    print(f"> {cmd}", flush=True)
    try:
        send(cmd)
    except BrokenPipeError:
        print("engine closed its input", flush=True)
        break
    if cmd == "quit":
        break
    if mode == "uci":
        if cmd.startswith("go") or cmd == "bench":
            read_until(lambda l: l.startswith("bestmove"), 120)
        elif cmd == "uci":
            read_until(lambda l: l.strip() == "uciok", 10)
        else:
            send("isready")
            read_until(lambda l: l.strip() == "readyok", 30)
    elif mode == "gtp":
        read_until(lambda l: l.strip() == "", 30)
    elif mode == "raw":  # a line-less text mode (gnubg): whatever it prints within a few seconds
        read_until(lambda l: False, 3)
    else:  # xboard: a move or go waits for the engine's reply
        if cmd in ("go",) or (len(cmd) in (4, 5) and cmd[0] in "abcdefgh" and cmd[1].isdigit()):
            read_until(lambda l: l.startswith(("move ", "My move", "Illegal", "Invalid", "Error")) or "{" in l, 15)
        else:
            read_until(lambda l: False, 0.4)
try:
    p.stdin.close()
except BrokenPipeError:
    pass
read_until(lambda l: False, 5)
rc = p.wait(timeout=30)
print(f"engine exited with status {rc}" if rc == 0 else f"error: engine exited with status {rc}")
sys.exit(0 if rc == 0 else 1)
'''

STEPS = [stockfish, bench, board, fairy, gnuchess, gnugo, gnubg]
