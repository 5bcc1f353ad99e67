"""Round 225, music notation and synthesis: LilyPond on scores of our own with faults put in (bad pitches, barcheck
failures, unknown commands, an unterminated brace), Csound on orchestras with syntax errors and on performances that
clip, abcm2ps and abc2midi on tune books with wrong bar lengths and broken headers, FluidSynth and TiMidity++ rendering
MIDI files written byte by byte here (a missing soundfont, no patches mapped). All material is written here by seeded
generators. The extractors are this round's (NEEDLES.md, "Round 225"). Run through capture_wide225.py."""

from __future__ import annotations

import random
import re
import struct
from pathlib import Path

import capture_more as cm
from capture_wide225 import cap, exit_lines

ERR_RE = re.compile(r"\berror\b", re.I)
WARN_RE = re.compile(r"\bwarning\b", re.I)

# ------------------------------------------------------------------ the extractors (NEEDLES.md, "Round 225")


@cm.kind("lilypond-log", "build")
def n_lilypond(lines):
    """Rule 1 on LilyPond: every error:, fatal error: and programming error: line with the first line of the excerpt after each error:, warning: lines one {"any"} per (message shape, file), the closing failed files / Success line; EXIT=N."""
    out, warns = [], []
    for i, ln in enumerate(lines):
        s = ln.strip()
        if re.search(r"(fatal error|programming error|error):", s):
            out.append(ln)
            if re.search(r"\berror:", s) and not s.startswith("fatal error") and i + 1 < len(lines):
                out.append(lines[i + 1])
        elif re.search(r"\bwarning:", s):
            f = s.split(":", 1)[0]
            warns.append(((cm.mask(s.split("warning:", 1)[1]), f), ln))
        elif s.startswith("Success: compilation successfully completed"):
            out.append(ln)
    return out + cm.groups(warns) + exit_lines(lines)


@cm.kind("csound-orc-error", "build")
def n_csound_orc(lines):
    """Rule 1 on Csound compiling a broken orchestra: every error line with the line N: and >>> <<< excerpt lines within three after it, the Parsing failed / Stopping on parser failure / cannot compile orchestra lines, the N errors in performance line; EXIT=N."""
    out = []
    for i, ln in enumerate(lines):
        s = ln.strip()
        if ERR_RE.search(s) and not re.search(r"\b0 errors in performance", s):
            out.append(ln)
            for k in range(i + 1, min(len(lines), i + 4)):
                t = lines[k].strip()
                if re.match(r"^line \d+:?", t) or t.startswith(">>>"):
                    out.append(lines[k])
        elif s.startswith(("Parsing failed", "Stopping on parser failure")) or "cannot compile orchestra" in s:
            out.append(ln)
        elif re.search(r"\d+ errors? in performance", s):
            out.append(ln)
    return out + exit_lines(lines)


PROG_RE = re.compile(r"^\s*B\s+[\d.]+\s+\.\.\s+[\d.]+\s+T\s+[\d.]+\s+TT\s+[\d.]+\s+M:")


@cm.kind("csound-perf", "log")
def n_csound_perf(lines):
    """Rule 5 on Csound's performance messages: every INIT ERROR / PERF ERROR / error line, WARNING lines one {"any"} per message shape, every line with a non-zero samples out of range count, every overall amps line, the first and last B ... M: progress line, the N errors in performance line; EXIT=N."""
    out, warns, prog = [], [], []
    for ln in lines:
        s = ln.strip()
        if PROG_RE.match(ln):
            prog.append(ln)
        if ERR_RE.search(s) and not re.search(r"\b0 errors in performance", s):
            out.append(ln)
        elif re.search(r"WARNING", s):
            warns.append((cm.mask(s), ln))
        elif re.search(r"samples out of range:\s*(\d+)", s) and any(
                int(x) for x in re.findall(r"\d+", s.split("out of range:", 1)[1])):
            out.append(ln)
        elif "overall amps:" in s or re.search(r"\d+ errors? in performance", s):
            out.append(ln)
    if prog:
        out += [prog[0], prog[-1]]
    return out + cm.groups(warns) + exit_lines(lines)


@cm.kind("abcm2ps-log", "build")
def n_abcm2ps(lines):
    """Rule 1 on abcm2ps: every line holding error, warning lines one {"any"} per (message shape, file), the closing Output written on / no output file line; EXIT=N."""
    out, warns = [], []
    for ln in lines:
        s = ln.strip()
        if ERR_RE.search(s):
            out.append(ln)
        elif WARN_RE.search(s):
            f = s.split(":", 1)[0] if re.match(r"^\S+:\d+", s) else ""
            msg = s.split("arning", 1)[1]
            warns.append(((cm.mask(msg), f), ln))
        elif s.startswith("Output written on") or "no output" in s.lower():
            out.append(ln)
    return out + cm.groups(warns) + exit_lines(lines)


@cm.kind("abc2midi-log", "build")
def n_abc2midi(lines):
    """Rule 1 on abc2midi: every Error in line-char line, Warning in line-char lines one {"any"} per message shape (line numbers masked), every writing MIDI file line; EXIT=N."""
    out, warns = [], []
    for ln in lines:
        s = ln.strip()
        if s.startswith("Error") or re.search(r"\berror\b", s, re.I):
            out.append(ln)
        elif s.startswith("Warning"):
            msg = s.split(":", 1)[1] if ":" in s else s
            warns.append((cm.mask(msg), ln))
        elif s.startswith("writing MIDI file"):
            out.append(ln)
    return out + cm.groups(warns) + exit_lines(lines)


FS_EVENT_RE = re.compile(r"^(?:fluidsynth: )?(?:event_\w+|noteon|noteoff|cc|prog|pitch_bend|channel_pressure)\b")


@cm.kind("fluidsynth-render", "log")
def n_fluidsynth(lines):
    """Rule 1 on FluidSynth rendering MIDI: every error: line and every could-not-load line, warning: lines one {"any"} per message shape, the Rendering audio to file line, with -v the first and last MIDI event line and every event line whose type is held by at most 2 lines; EXIT=N."""
    out, warns, events = [], [], []
    for ln in lines:
        s = ln.strip()
        if re.search(r"\berror\b", s, re.I) or re.search(r"(unable to|failed to|couldn't|could not|not a )", s, re.I):
            out.append(ln)
        elif re.search(r"\bwarning\b", s, re.I):
            warns.append((cm.mask(s), ln))
        elif "Rendering audio to file" in s:
            out.append(ln)
        elif FS_EVENT_RE.match(s):
            events.append((ln, s.replace("fluidsynth: ", "").split()[0]))
    if events:
        out += [events[0][0], events[-1][0]]
        cnt: dict = {}
        for _, t in events:
            cnt[t] = cnt.get(t, 0) + 1
        out += [ln for ln, t in events if cnt[t] <= 2]
    return out + cm.groups(warns) + exit_lines(lines)


@cm.kind("timidity-log", "log")
def n_timidity(lines):
    """Rule 5 on TiMidity++: every error line and every No instrument mapped / can't open line, the MIDI file: / Playing lines, the Format: line, the Playing time:, Notes cut: and Notes lost totally: lines; EXIT=N."""
    out = []
    for ln in lines:
        s = ln.strip()
        if re.search(r"\berror\b", s, re.I) or re.search(r"No instrument mapped|can't open|Can't open|not found|"
                                                        r"can't be found|Couldn't load|No such file", s):
            out.append(ln)
        elif re.match(r"^(MIDI file:|Playing |Format:|Playing time:|Notes cut:|Notes lost totally:)", s):
            out.append(ln)
    return out + exit_lines(lines)


# ------------------------------------------------------------------ LilyPond: a music school's etudes

PITCHES = ["c", "d", "e", "f", "g", "a", "b", "cis", "fis", "bes", "es"]
DURS = ["4", "8", "8", "4", "2", "4."]


def _measure(rnd: random.Random, fault: str) -> str:
    """One 4/4 measure of seeded notes; `fault` puts a bad pitch, an extra beat or an unknown command in."""
    notes, left = [], 8  # eighths
    while left > 0:
        d = rnd.choice([d for d in ("8", "4", "2", "4.") if {"8": 1, "4": 2, "2": 4, "4.": 3}[d] <= left])
        left -= {"8": 1, "4": 2, "2": 4, "4.": 3}[d]
        notes.append(rnd.choice(PITCHES) + d)
    if fault == "pitch":
        notes[rnd.randrange(len(notes))] = rnd.choice(["hx4", "q4", "ix8", "hh4", "cisx8"])
    elif fault == "bar":
        notes.append(rnd.choice(PITCHES) + "4")
    elif fault == "cmd":
        notes.insert(1, rnd.choice(["\\fermatta", "\\stacatto", "\\crescendo", "\\trillo", "\\accento"]))
    return " ".join(notes) + " |"


def etude_ly(seed: int, title: str, n_bars: int, faults: dict, unterminated: bool = False) -> str:
    rnd = random.Random(seed)
    bars = []
    for i in range(n_bars):
        r = rnd.random()
        acc = 0.0
        fault = ""
        for f, p in faults.items():
            acc += p
            if r < acc:
                fault = f
                break
        bars.append(_measure(rnd, fault))
    body = "\n  ".join(" ".join(bars[i:i + 4]) for i in range(0, len(bars), 4))
    close = "" if unterminated else "}\n"
    return (f'\\version "2.24.0"\n\\header {{ title = "{title}" composer = "Studio exercise" }}\n\n'
            f"melody = \\relative c' {{\n  \\time 4/4 \\key g \\major\n  {body}\n{close}\n"
            "\\score {\n  \\new Staff \\melody\n  \\layout { }\n}\n")


def lilypond(tmp: Path) -> None:
    d = tmp / "etudes"
    d.mkdir()
    (d / "out").mkdir()
    (d / "etude-07.ly").write_text(etude_ly(7, "Etude 7 in G", 140, {"bar": 0.35, "pitch": 0.05}))
    cap("lilypond-etude", "lilypond -o out etude-07.ly", d, n_lilypond)
    suite = d / "suite"
    suite.mkdir()
    for i in range(1, 9):
        faults = {"bar": 0.08, "pitch": 0.03, "cmd": 0.03} if i % 3 else {"bar": 0.02}
        (suite / f"no{i:02d}.ly").write_text(etude_ly(100 + i, f"Suite no. {i}", 40 + 6 * i, faults,
                                                      unterminated=(i == 6)))
    cap("lilypond-suite", "lilypond -o ../out suite/*.ly 2>&1 | tail -n 80", d, n_lilypond, timeout=900)
    (d / "recital.ly").write_text(etude_ly(31, "Recital piece", 90, {"cmd": 0.1, "pitch": 0.06},
                                           unterminated=True))
    cap("lilypond-unterminated", "lilypond -o out recital.ly; echo EXIT=$?", d, n_lilypond)
    (d / "sightreading.ly").write_text(etude_ly(55, "Sight-reading book", 400, {"bar": 0.2, "cmd": 0.02}))
    cap("lilypond-grep", "lilypond -o out sightreading.ly 2>&1 | grep -iE 'error|warning'", d, n_lilypond,
        timeout=900)


# ------------------------------------------------------------------ Csound: a synthesis class's orchestras

CSD_HEAD = "<CsoundSynthesizer>\n<CsOptions>\n</CsOptions>\n<CsInstruments>\nsr = 44100\nksmps = 32\nnchnls = 2\n0dbfs = 1\n\n"


def csd(orc: str, score: str) -> str:
    return CSD_HEAD + orc + "\n</CsInstruments>\n<CsScore>\n" + score + "\ne\n</CsScore>\n</CsoundSynthesizer>\n"


GOOD_INSTR = """instr {n}
  iamp = p4
  ifreq = cpspch(p5)
  aenv linseg 0, 0.01, iamp, p3 - 0.02, iamp, 0.01, 0
  asig oscili aenv, ifreq, 1
  outs asig, asig
endin
"""


def orc_broken(seed: int) -> str:
    rnd = random.Random(seed)
    parts = []
    for n in range(1, 9):
        body = GOOD_INSTR.format(n=n)
        fault = rnd.choice(["comma", "opcode", "undef", "paren", "ok", "ok"])
        if fault == "comma":
            body = body.replace("oscili aenv, ifreq, 1", "oscili aenv, ifreq, 1,")
        elif fault == "opcode":
            body = body.replace("oscili", "osclli")
        elif fault == "undef":
            body = body.replace("outs asig, asig", "outs asig * kgain, asig")
        elif fault == "paren":
            body = body.replace("cpspch(p5)", "cpspch(p5")
        parts.append(body)
    return "\n".join(parts)


def perf_score(seed: int, n: int, loud: float, bad_table: bool) -> str:
    rnd = random.Random(seed)
    rows = ["f 1 0 16384 10 1 0.5 0.3 0.25"]
    t = 0.0
    for i in range(n):
        amp = round(rnd.uniform(0.1, 0.5) if rnd.random() > loud else rnd.uniform(1.1, 2.4), 3)
        ins = 1 if not bad_table or i % 17 else 2
        rows.append(f"i {ins} {t:.3f} {rnd.choice([0.25, 0.5, 1.0]):.2f} {amp} {rnd.choice([7, 8, 9])}.{rnd.randint(0, 11):02d}")
        t += rnd.choice([0.25, 0.5, 0.5, 1.0])
    return "\n".join(rows)


def csound(tmp: Path) -> None:
    d = tmp / "synth"
    d.mkdir()
    (d / "class").mkdir()
    for i in range(1, 13):  # the class's homework: each orchestra with its own fault (or none)
        (d / "class" / f"hw{i:02d}.csd").write_text(csd(orc_broken(200 + i), perf_score(200 + i, 8, 0.0, False)))
    cap("csound-class", 'for f in class/*.csd; do echo "== $f"; csound -n "$f"; done 2>&1', d, n_csound_orc,
        timeout=300)
    orc = GOOD_INSTR.format(n=1) + "\ninstr 2\n  asig oscili p4, cpspch(p5), 99\n  outs asig, asig\nendin\n" \
        + "\ninstr 3\n  kfoo = 1\n  asig = asig + 1\n  outs asig asig\nendin\n"
    (d / "lead.csd").write_text(csd(orc, perf_score(5, 10, 0.0, False)))
    cap("csound-lead", "csound -n lead.csd; echo EXIT=$?", d, n_csound_orc, timeout=120)
    orc2 = "\n".join(GOOD_INSTR.format(n=n) for n in (1, 3)).replace("instr 3", "instr 3\n  ienv = p4 *").replace(
        "endin\n\ninstr 3", "\ninstr 3")
    (d / "drone.csd").write_text(csd(orc2, perf_score(9, 10, 0.0, False)))
    cap("csound-drone", "csound -n drone.csd 2>&1 | tail -n 60", d, n_csound_orc, timeout=120)
    # performances: clipping notes, an instrument reading a table that is not there
    perf_orc = GOOD_INSTR.format(n=1) + "\n" + GOOD_INSTR.format(n=2).replace("oscili aenv, ifreq, 1",
                                                                              "oscili aenv, ifreq, 7")
    (d / "study.csd").write_text(csd(perf_orc, perf_score(21, 220, 0.15, True)))
    cap("csound-study", "csound -n study.csd", d, n_csound_perf, timeout=300)
    (d / "etude.csd").write_text(csd(GOOD_INSTR.format(n=1), perf_score(22, 600, 0.05, False)))
    cap("csound-etude", "csound -n -m 7 etude.csd 2>&1 | tail -n 150", d, n_csound_perf, timeout=300)
    (d / "loud.csd").write_text(csd(GOOD_INSTR.format(n=1), perf_score(23, 90, 0.4, False)))
    cap("csound-loud", "csound -n loud.csd 2>&1 | grep -iE 'error|warning|range|amps'; echo EXIT=$?", d,
        n_csound_perf, timeout=300)


# ------------------------------------------------------------------ abc: a session's tune book

ABC_NOTES = "CDEFGABcdefgab"


def abc_bar(rnd: random.Random, units: int) -> str:
    out, left = [], units
    while left > 0:
        ln = rnd.choice([1, 1, 2, 2, 3, 4]) if left >= 4 else rnd.choice([1, left])
        ln = min(ln, left)
        left -= ln
        out.append(rnd.choice(ABC_NOTES) + ("" if ln == 1 else str(ln)))
    return "".join(out)


def tune_book(seed: int, n: int, bad: float) -> str:
    rnd = random.Random(seed)
    out = []
    for x in range(1, n + 1):
        kind = rnd.choice(["reel", "jig", "hornpipe", "polka"])
        meter, units = {"reel": ("4/4", 8), "jig": ("6/8", 6), "hornpipe": ("4/4", 8), "polka": ("2/4", 4)}[kind]
        key = rnd.choice(["D", "G", "Ador", "Em", "A", "Bm"])
        head = [f"X:{x}", f"T:The {rnd.choice(['Black', 'Windy', 'Old', 'Long', 'Green'])} "
                          f"{rnd.choice(['Gap', 'Road', 'Mill', 'Harbour', 'Hill'])} {kind}", f"M:{meter}", "L:1/8"]
        faults = []
        if rnd.random() < bad:
            faults = rnd.sample(["key", "nokey", "bar", "bar", "char", "deco", "len"], 2)
        if "nokey" not in faults:
            head.append("K:" + ("Hx" if "key" in faults else key))
        bars = []
        for b in range(16):
            u = units + (rnd.choice([-1, 1, 2]) if "bar" in faults and b % 5 == 3 else 0)
            bar = abc_bar(rnd, u)
            if "char" in faults and b == 9:
                bar = bar[:2] + "&" + bar[2:]
            if "deco" in faults and b == 6:
                bar = "!trillo!" + bar
            if "len" in faults and b == 12:
                bar = bar[:1] + "/0" + bar[1:]
            bars.append(bar)
        body = "\n".join("|:" * (i == 0) + "|".join(bars[i:i + 4]) + (":|" if i == 12 else "|") for i in range(0, 16, 4))
        out.append("\n".join(head) + "\n" + body + "\n")
    return "\n".join(out)


def abc(tmp: Path) -> None:
    d = tmp / "session"
    d.mkdir()
    (d / "tunes.abc").write_text(tune_book(11, 70, 0.5))
    cap("abc2midi-book", "abc2midi tunes.abc", d, n_abc2midi)
    (d / "sets.abc").write_text(tune_book(12, 18, 0.6))
    cap("abc2midi-sets", "abc2midi sets.abc -o sets.mid; echo EXIT=$?", d, n_abc2midi)
    cap("abcm2ps-book", "abcm2ps -O tunes.ps tunes.abc", d, n_abcm2ps)
    (d / "workshop.abc").write_text(tune_book(13, 150, 0.35))
    cap("abc2midi-workshop", "abc2midi workshop.abc 2>&1 | grep -v '^writing'", d, n_abc2midi)
    cap("abcm2ps-workshop", "abcm2ps -O workshop.ps workshop.abc 2>&1 | head -n 100", d, n_abcm2ps)


# ------------------------------------------------------------------ MIDI files written byte by byte

def _vlq(n: int) -> bytes:
    out = [n & 0x7F]
    n >>= 7
    while n:
        out.append(0x80 | (n & 0x7F))
        n >>= 7
    return bytes(reversed(out))


def midi_file(seed: int, tracks: int, notes: int, programs: list[int], truncate: int = 0) -> bytes:
    rnd = random.Random(seed)
    chunks = []
    tempo = b"\x00\xff\x51\x03" + (500000).to_bytes(3, "big") + b"\x00\xff\x58\x04\x04\x02\x18\x08"
    chunks.append(tempo + b"\x00\xff\x2f\x00")
    for t in range(tracks):
        ch = t if t < 9 else t + 1
        ev = b"\x00" + bytes([0xC0 | ch, programs[t % len(programs)]]) + b"\x00" + bytes([0xB0 | ch, 7, 100])
        for i in range(notes):
            key = rnd.randint(48, 84)
            ev += _vlq(rnd.choice([0, 0, 120])) + bytes([0x90 | ch, key, rnd.randint(60, 120)])
            ev += _vlq(rnd.choice([120, 240, 480])) + bytes([0x80 | ch, key, 0])
        if t == 0:
            ev += b"\x00" + bytes([0xE0 | ch, 0, 0x50])
        chunks.append(ev + b"\x00\xff\x2f\x00")
    data = b"MThd" + struct.pack(">IHHH", 6, 1, len(chunks), 480)
    for c in chunks:
        data += b"MTrk" + struct.pack(">I", len(c)) + c
    return data[:-truncate] if truncate else data


def synth(tmp: Path) -> None:
    d = tmp / "midi"
    d.mkdir()
    (d / "song.mid").write_bytes(midi_file(41, 3, 40, [0, 33, 48]))
    (d / "demo.mid").write_bytes(midi_file(42, 2, 25, [19, 73]))
    (d / "cut.mid").write_bytes(midi_file(43, 4, 30, [0, 24, 40, 56], truncate=300))
    sf = "/usr/share/sounds/sf2/TimGM6mb.sf2"
    cap("fluidsynth-verbose", f"fluidsynth -ni -v -r 22050 {sf} song.mid -F song.wav", d, n_fluidsynth, timeout=300)
    cap("fluidsynth-missing-sf2", "fluidsynth -ni -r 22050 /usr/share/sounds/sf2/FluidR3_GM.sf2 demo.mid cut.mid "
        "-F demo.wav; echo EXIT=$?", d, n_fluidsynth, timeout=300)
    # the school's own patch set, its .pat files never copied over
    (d / "school.cfg").write_text(f"dir {d}/pats\nbank 0\n0 acpiano.pat\n33 fngrbass.pat\n48 strings.pat\n"
                                  "19 church.pat\n73 flute.pat\ndrumset 0\n36 kick1.pat\n")
    cap("timidity-nopatches", "timidity -c school.cfg -Ow -o demo.wav -idvv song.mid demo.mid cut.mid", d,
        n_timidity, timeout=300)
    cap("timidity-sf2", f"timidity -x 'soundfont {sf}' -Ow -o /dev/null -idvv cut.mid demo.mid; echo EXIT=$?",
        d, n_timidity, timeout=300)


STEPS = [lilypond, csound, abc, synth]
