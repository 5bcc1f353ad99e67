"""Round 272, second samples of round 255's kinds: Stockfish over UCI on other positions, depths and node limits,
`bench` at other hash sizes and depths, the `d` display along another game with other malformed FENs, Fairy-Stockfish
on other variants, GNU Chess, GNU Go and GNU Backgammon sessions with other moves and faults, pgn-extract and
python-chess on a PGN database made by round 255's generator at this round's seeds. Every extractor is round 255's,
imported (NEEDLES.md, "Round 272"). Run through capture_wide272.py."""

from __future__ import annotations

from pathlib import Path

from capture_more import run
from capture_wide255_engines import (n_fairy_uci, n_gnubg, n_gnuchess_xboard, n_gnugo_gtp, n_stockfish_bench,
                                     n_stockfish_board, n_stockfish_uci, script, write_driver)
from capture_wide255_pgn import (ANALYSIS, BOARDS, GEN_PGN, PERFT, PGN_CHECK, n_pgn_extract_games,
                                 n_pgn_extract_log, n_python_chess_analysis, n_python_chess_board, n_python_chess_pgn,
                                 n_python_chess_perft)
from capture_wide272 import add

POS = [
    ("caro-kann", "startpos moves e2e4 c7c6 d2d4 d7d5 b1c3 d5e4 c3e4 c8f5 e4g3 f5g6"),
    ("kings-indian", "startpos moves d2d4 g8f6 c2c4 g7g6 b1c3 f8g7 e2e4 d7d6 g1f3 e8g8"),
    ("lucena", "fen 1K1k4/1P6/8/8/8/8/r7/2R5 w - - 0 1"),
    ("philidor", "fen 3k4/R7/8/3KP3/8/8/8/4r3 b - - 0 1"),
    ("bishop-pair", "fen r4rk1/pp3ppp/2n1bn2/q1bp4/8/2NB1N2/PPPBQPPP/R4RK1 w - - 0 11"),
    ("knight-fork", "fen r1bqk2r/pppp1ppp/2n2n2/2b1p1N1/2B1P3/8/PPPP1PPP/RNBQK2R w KQkq - 6 5"),
]


def stockfish(tmp: Path) -> None:
    d = tmp / "uci"
    write_driver(d)
    cmds = ["uci", "setoption name Threads value 1", "setoption name Hash value 8", "ucinewgame"]
    for name, pos in POS:
        cmds += [f"# {name}", f"position {pos}", "go depth 11"]
    s = script(d, "depth11.txt", cmds + ["quit"])
    c = f"nice python3 drive.py uci {s} stockfish"
    add("stockfish-uci-depth11", c, run(c, cwd=d, timeout=300), n_stockfish_uci)
    cmds = ["uci", "setoption name Threads value 1", "setoption name Hsah value 16", "isredy",
            "position startpos moves d2d4 d7d5 c2c4 e7e5 d4e5 d5d4 g1f3 b8c6", "go depth 9",
            "position startpos moves d2d4 d7d5 d4d6", "go depth 7", "postion fen 8/8/8/8/8/8/8/K6k w - - 0 1",
            "go wtime 500", "setoption name Skill Level value 40", "go depth 5", "quit"]
    s = script(d, "faults.txt", cmds)
    c = f"nice python3 drive.py uci {s} stockfish; echo EXIT=$?"
    add("stockfish-uci-faults", c, run(c, cwd=d, timeout=300), n_stockfish_uci)


def bench(tmp: Path) -> None:
    d = tmp / "bench"
    d.mkdir(parents=True, exist_ok=True)
    c = "nice stockfish bench 8 1 7 2>&1; echo EXIT=$?"
    add("stockfish-bench-depth7", c, run(c, cwd=d, timeout=300), n_stockfish_bench)
    (d / "endgames.fen").write_text("\n".join(p[4:] for _, p in POS if p.startswith("fen ")) + "\n")
    c = "nice stockfish bench 8 1 11 endgames.fen 2>&1 | tail -n 60"
    add("stockfish-bench-endgames-tail", c, run(c, cwd=d, timeout=300), n_stockfish_bench)


def board(tmp: Path) -> None:
    d = tmp / "board"
    write_driver(d)
    moves = "d2d4 g8f6 c2c4 e7e6 b1c3 f8b4 e2e3 e8g8 f1d3 d7d5 g1f3 c7c5 e1g1 b8c6 a2a3 b4c3 b2c3 d8c7".split()
    cmds = ["uci"]
    for k in range(3, len(moves) + 1, 3):
        cmds += [f"position startpos moves {' '.join(moves[:k])}", "d"]
    cmds += ["position fen rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR w KQkq z9 0 1", "d",
             "position startpos moves d2d4 d7d5 d1d8", "d", "quit"]
    s = script(d, "nimzo.txt", cmds)
    c = f"nice python3 drive.py uci {s} stockfish; echo EXIT=$?"
    add("stockfish-board-nimzo", c, run(c, cwd=d, timeout=120), n_stockfish_board)
    c = f"nice python3 drive.py uci {s} stockfish 2>&1 | grep -E '^(Fen|Key|> position)'"
    add("stockfish-board-nimzo-grep", c, run(c, cwd=d, timeout=120), n_stockfish_board)


def fairy(tmp: Path) -> None:
    d = tmp / "fairy"
    write_driver(d)
    for variant, depth in [("atomic", 9), ("makruk", 9)]:
        cmds = ["uci", "setoption name Threads value 1", f"setoption name UCI_Variant value {variant}", "ucinewgame",
                "position startpos", f"go depth {depth}", "position startpos moves e2e4 zz", "go depth 4",
                "setoption name UCI_Variant value atomix", "quit"]
        s = script(d, f"{variant}.txt", cmds)
        c = f"nice python3 drive.py uci {s} fairy-stockfish" + ("; echo EXIT=$?" if variant == "makruk" else "")
        add(f"fairy-uci-{variant}", c, run(c, cwd=d, timeout=300), n_fairy_uci)


def gnuchess(tmp: Path) -> None:
    d = tmp / "gnuchess"
    write_driver(d)
    white = "c2c4 b1c3 g2g3 f1g2 g1f3 e1g1 d2d3 a1b1 a2a3 b2b4 c1b2 d1c2".split()
    cmds = ["xboard", "protover 2", "new", "easy", "post", "depth 4"] + white + ["show board", "quit"]
    s = script(d, "english.txt", cmds)
    c = f"nice python3 drive.py xboard {s} gnuchess -x 2>&1 | tail -n 90"
    add("gnuchess-xboard-english-tail", c, run(c, cwd=d, timeout=600), n_gnuchess_xboard)
    cmds = ["xboard", "new", "easy", "post", "depth 3", "d2d4", "d2d4", "h1h5", "c1h6", "usermove g1f3", "foo",
            "setboard 8/8/8/8/8/8/8/8 w - - 0 1", "e2e4", "new", "f2f3", "e2e4", "show board", "quit"]
    s = script(d, "bad.txt", cmds)
    c = f"nice python3 drive.py xboard {s} gnuchess -x; echo EXIT=$?"
    add("gnuchess-xboard-bad", c, run(c, cwd=d, timeout=600), n_gnuchess_xboard)


def gnugo(tmp: Path) -> None:
    d = tmp / "gnugo"
    write_driver(d)
    cmds = ["boardsize 11", "clear_board", "komi 5.5", "level 1"]
    for k in range(50):
        cmds.append(f"genmove {'black' if k % 2 == 0 else 'white'}")
        if k % 10 == 9:
            cmds.append("showboard")
    cmds += ["estimate_score", "final_score", "final_status_list dead", "quit"]
    s = script(d, "eleven.txt", cmds)
    c = f"nice python3 drive.py gtp {s} gnugo --mode gtp --level 1 | tail -n 120"
    add("gnugo-gtp-11x11-tail", c, run(c, cwd=d, timeout=600), n_gnugo_gtp)
    cmds = ["boardsize 7", "clear_board", "play black D4", "play white D4", "play black Q9", "play white C3",
            "play black I3", "play white E5", "play orange C5", "genmove black", "showboard", "undo", "undo", "undo",
            "undo", "undo", "loadsgf nosuch.sgf", "komi abc", "final_score", "showboard", "quit"]
    s = script(d, "seven.txt", cmds)
    c = f"nice python3 drive.py gtp {s} gnugo --mode gtp --level 1; echo EXIT=$?"
    add("gnugo-gtp-7x7-illegal", c, run(c, cwd=d, timeout=600), n_gnugo_gtp)


def gnubg(tmp: Path) -> None:
    d = tmp / "gnubg"
    write_driver(d)
    cmds = ["set player 0 gnubg", "set player 1 human", "set player 0 chequerplay evaluation plies 0",
            "new game", "roll", "move 13/3", "hint", "move 24/23 24/23", "move 1/off", "take", "show pipcount",
            "roll", "show board", "redouble", "move 8/2 6/2", "show score", "quit", "y"]
    s = script(d, "human2.txt", cmds)
    c = f"nice python3 drive.py raw {s} gnubg -t -q; echo EXIT=$?"
    add("gnubg-cli-human2", c, run(c, cwd=d, timeout=300), n_gnubg)


def make_db(tmp: Path) -> Path:
    d = tmp / "pgn"
    d.mkdir(parents=True, exist_ok=True)
    for name, body in [("gen_pgn.py", GEN_PGN), ("pgn_check.py", PGN_CHECK), ("perft.py", PERFT),
                       ("boards.py", BOARDS), ("analysis.py", ANALYSIS)]:
        (d / name).write_text(body.lstrip("\n"))
    if not (d / "club.pgn").exists():
        run("python gen_pgn.py 2721 180 club.pgn && python gen_pgn.py 2722 25 rapid.pgn", cwd=d, timeout=300)
    return d


def pgn_extract(tmp: Path) -> None:
    d = make_db(tmp)
    c = "pgn-extract -r club.pgn 2>&1 | head -n 120"
    add("pgn-extract-check-club-head", c, run(c, cwd=d), n_pgn_extract_log)
    c = "pgn-extract -l club.log -o out.pgn club.pgn; cat club.log; echo EXIT=$?"
    add("pgn-extract-logfile-club", c, run(c, cwd=d), n_pgn_extract_log)
    c = "pgn-extract -C -N -V -Wlalg rapid.pgn 2>&1"
    add("pgn-extract-games-rapid-lalg", c, run(c, cwd=d), n_pgn_extract_games)


def python_chess(tmp: Path) -> None:
    d = make_db(tmp)
    c = "python pgn_check.py club.pgn; echo EXIT=$?"
    add("python-chess-pgn-club", c, run(c, cwd=d, timeout=300), n_python_chess_pgn)
    c = "python pgn_check.py rapid.pgn 2>&1 | head -n 80"
    add("python-chess-pgn-rapid-head", c, run(c, cwd=d, timeout=300), n_python_chess_pgn)
    c = "nice python perft.py divide 2; echo EXIT=$?"
    add("python-chess-perft-divide2", c, run(c, cwd=d, timeout=600), n_python_chess_perft)
    c = "python boards.py positions 2>&1 | head -n 120"
    add("python-chess-board-positions-head", c, run(c, cwd=d), n_python_chess_board)
    c = "nice python analysis.py analyse 9 2>&1 | tail -n 80"
    add("python-chess-analysis-depth9-tail", c, run(c, cwd=d, timeout=600), n_python_chess_analysis)


STEPS = [stockfish, bench, board, fairy, gnuchess, gnugo, gnubg, pgn_extract, python_chess]
