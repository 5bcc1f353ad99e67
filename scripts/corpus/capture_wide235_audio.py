"""Round 235, third samples of round 225's kinds: `cantoris`, a cathedral choir's library of this round's own
(anthems and psalm chants in LilyPond with other faults, organ-loft orchestras in Csound with other syntax errors and
other overloads, a carol book in abc, MIDI parts written byte by byte as single-track files with organ stops), and a
pond survey's recordings (seeded pulsed frog and toad calls written as WAV here at 22.05 kHz, encoded with flac,
oggenc, opusenc and lame, then damaged in other ways). The needles come from round 225's extractors, imported as they
are (NEEDLES.md, "Round 235"). Run through capture_wide235.py."""

from __future__ import annotations

import math
import random
import struct
import wave
from pathlib import Path

from capture_more import run
from capture_wide225_codec import (cut_middle, flip, junk, n_flac_encode, n_flac_test, n_lame, n_metaflac, n_mp3val,
                                   n_mpg123, n_ogginfo, n_opusinfo, n_shntool_len, n_sndfile_info, truncate)
from capture_wide225_score import (n_abc2midi, n_abcm2ps, n_csound_orc, n_csound_perf, n_fluidsynth, n_lilypond,
                                   n_timidity, _vlq)
from capture_wide235 import cap

SF2 = "/usr/share/sounds/sf2/TimGM6mb.sf2"

# ------------------------------------------------------------------ LilyPond: anthems and psalm chants

PITCH = ["c", "d", "e", "f", "g", "a", "b", "fis", "bes", "cis"]
DUR = {"1": 16, "2.": 12, "2": 8, "4.": 6, "4": 4, "8": 2}


def voice(rnd: random.Random, bars: int, units: int, faults: dict) -> str:
    out = []
    for _ in range(bars):
        notes, left = [], units
        while left > 0:
            d = rnd.choice([d for d, u in DUR.items() if u <= left])
            left -= DUR[d]
            notes.append(rnd.choice(PITCH) + rnd.choice(["", "'", ","]) + d)
        r, acc = rnd.random(), 0.0
        for f, p in faults.items():
            acc += p
            if r < acc:
                if f == "short":
                    notes.pop()
                elif f == "pitch":
                    notes[0] = rnd.choice(["h4", "xis2", "cisis'4x", "q,4"]) if False else rnd.choice(["h4", "xes2", "ww4"])
                elif f == "cmd":
                    notes.insert(0, rnd.choice(["\\crescc", "\\dimm", "\\fermatta", "\\pppp", "\\breth"]))
                elif f == "tie":
                    notes[-1] += "~"
                break
        out.append(" ".join(notes) + " |")
    return "\n    ".join(" ".join(out[i:i + 3]) for i in range(0, len(out), 3))


def anthem_ly(seed: int, title: str, bars: int, meter: str, faults: dict, unclosed: bool = False) -> str:
    rnd = random.Random(seed)
    units = {"3/2": 24, "4/4": 16, "3/4": 12, "2/2": 16}[meter]
    parts = []
    for name, clef, rel in [("soprano", "treble", "c''"), ("alto", "treble", "c'"), ("tenor", "treble_8", "c'"),
                            ("bass", "bass", "c")]:
        parts.append(f"{name} = \\relative {rel} {{\n  \\clef \"{clef}\" \\key d \\major \\time {meter}\n    "
                     f"{voice(rnd, bars, units, faults)}\n}}\n")
    close = "" if unclosed else ">>\n"
    return (f'\\version "2.24.0"\n\\header {{ title = "{title}" composer = "Cantoris library" }}\n\n' + "\n".join(parts)
            + "\n\\score {\n  \\new ChoirStaff <<\n    \\new Staff \\soprano\n    \\new Staff \\alto\n"
            f"    \\new Staff \\tenor\n    \\new Staff \\bass\n  {close}  \\layout {{ }}\n}}\n")


def lilypond(tmp: Path) -> None:
    d = tmp / "cantoris"
    (d / "anthems").mkdir(parents=True)
    (d / "out").mkdir()
    for i, nm in enumerate(["O Clap Your Hands", "Rejoice in the Lord", "Beati Quorum Via", "Ave Verum",
                            "Locus Iste", "Cantate Domino"]):
        faults = {"short": 0.06, "pitch": 0.02, "cmd": 0.02, "tie": 0.02} if i % 2 else {"short": 0.03, "cmd": 0.01}
        (d / "anthems" / f"{nm.lower().replace(' ', '-')}.ly").write_text(
            anthem_ly(2350 + i, nm, 16 + 4 * i, ["3/2", "4/4", "3/4"][i % 3], faults, unclosed=(i == 3)))
    cap("lilypond-anthems-tail", "lilypond -o out anthems/*.ly 2>&1 | tail -n 90", d, n_lilypond, timeout=900)
    (d / "psalm-119.ly").write_text(anthem_ly(2357, "Psalm 119 (chant book)", 90, "2/2",
                                              {"short": 0.1, "tie": 0.03, "pitch": 0.01}))
    cap("lilypond-psalm-exit", "lilypond -o out psalm-119.ly; echo EXIT=$?", d, n_lilypond, timeout=900)


# ------------------------------------------------------------------ Csound: the organ loft

ORGAN = """instr {n}
  iamp = ampdbfs(p4)
  ifrq = cpspch(p5)
  aenv linsegr 0, 0.08, 1, p3, 0.9, 0.3, 0
  a1 oscili iamp * aenv, ifrq
  a2 oscili iamp * aenv * 0.5, ifrq * 2
  a3 oscili iamp * aenv * 0.25, ifrq * 3
  amix = a1 + a2 + a3
  al, ar reverbsc amix, amix, 0.85, 9000
  outs al, ar
endin
"""

HEAD = "<CsoundSynthesizer>\n<CsOptions>\n</CsOptions>\n<CsInstruments>\nsr = 44100\nksmps = 32\nnchnls = 2\n0dbfs = 1\n\n"


def csd(orc: str, sco: str) -> str:
    return HEAD + orc + "\n</CsInstruments>\n<CsScore>\n" + sco + "\ne\n</CsScore>\n</CsoundSynthesizer>\n"


def stops(seed: int) -> str:
    rnd = random.Random(seed)
    out = []
    for n in range(1, 5):
        body = ORGAN.format(n=n)
        f = rnd.choice(["spell", "args", "outs", "label", "ok"])
        if f == "spell":
            body = body.replace("reverbsc", "reverbcs")
        elif f == "args":
            body = body.replace("linsegr 0, 0.08, 1, p3, 0.9, 0.3, 0", "linsegr 0, 0.08, 1, p3, 0.9, 0.3,")
        elif f == "outs":
            body = body.replace("outs al, ar", "outs al, ar, al")
        elif f == "label":
            body = body.replace("amix = a1 + a2 + a3", "amix = a1 + a2 + a4")
        out.append(body)
    return "\n".join(out)


def organ_score(seed: int, n: int, loud: float, ftable: bool = False) -> str:
    rnd = random.Random(seed)
    rows, t = [], 0.0
    for i in range(n):
        db = round(rnd.uniform(-24, -10) if rnd.random() > loud else rnd.uniform(2, 9), 1)
        rows.append(f"i {rnd.choice([1, 2])} {t:.2f} {rnd.choice([0.5, 1, 1.5]):.2f} {db} "
                    f"{rnd.choice([6, 7, 8, 9])}.{rnd.randint(0, 11):02d}")
        t += rnd.choice([0.25, 0.5, 0.5, 1.0])
    return "\n".join(rows)


def csound(tmp: Path) -> None:
    d = tmp / "organ"
    (d / "stops").mkdir(parents=True)
    for i in range(1, 9):
        (d / "stops" / f"division{i}.csd").write_text(csd(stops(2360 + i), organ_score(2360 + i, 5, 0.0)))
    cap("csound-stops-loop", 'for f in stops/*.csd; do echo "== $f"; csound -n "$f" < /dev/null; done 2>&1', d,
        n_csound_orc, timeout=300)
    two = ORGAN.format(n=1) + "\n" + ORGAN.format(n=2).replace("a3 oscili iamp * aenv * 0.25, ifrq * 3",
                                                               "a3 oscil iamp * aenv * 0.25, ifrq * 3, 7")
    (d / "evensong.csd").write_text(csd(two, "f 1 0 16384 10 1\n" + organ_score(2369, 220, 0.15)))
    cap("csound-evensong-tail", "csound -n evensong.csd < /dev/null 2>&1 | tail -n 110; echo EXIT=$?", d,
        n_csound_perf, timeout=300)


# ------------------------------------------------------------------ abc: the carol book

ABC = "CDEFGABcdefgabc'"


def carol_book(seed: int, n: int, bad: float) -> str:
    rnd = random.Random(seed)
    out = []
    for x in range(1, n + 1):
        meter, units = rnd.choice([("3/4", 6), ("4/4", 8), ("6/8", 6), ("3/2", 12)])
        faults = rnd.sample(["key", "deco", "bar", "bar", "annot", "bracket", "meter"], 2) if rnd.random() < bad else []
        head = [f"X:{x}", f"T:{rnd.choice(['Sussex', 'Cornish', 'Gloucester', 'Coventry', 'Wexford'])} "
                          f"{rnd.choice(['Carol', 'Wassail', 'Noel', 'Lullaby', 'Boar'])} {x}",
                "O:English", "M:" + ("5/0" if "meter" in faults else meter), "L:1/8",
                "K:" + ("Hm" if "key" in faults else rnd.choice(["G", "F", "Dm", "Ador", "Eb"]))]
        bars = []
        for b in range(16):
            u = units + (rnd.choice([-1, 2]) if "bar" in faults and b % 5 == 3 else 0)
            notes, left = [], u
            while left > 0:
                ln = min(rnd.choice([1, 2, 2, 4]), left)
                left -= ln
                notes.append(rnd.choice(ABC) + ("" if ln == 1 else str(ln)))
            bar = "".join(notes)
            if "deco" in faults and b == 6:
                bar = "!fermataa!" + bar
            if "annot" in faults and b == 9:
                bar = '"^Refrain' + bar
            if "bracket" in faults and b == 12:
                bar = bar + "]"
            bars.append(bar)
        out.append("\n".join(head) + "\n" + "\n".join("|".join(bars[i:i + 4]) + "|" for i in range(0, 16, 4)) + "]\n")
    return "\n".join(out)


def abc(tmp: Path) -> None:
    d = tmp / "carols"
    d.mkdir()
    (d / "carols.abc").write_text(carol_book(2371, 90, 0.4))
    cap("abc2midi-carols-tail", "abc2midi carols.abc 2>&1 | tail -n 150; echo EXIT=$?", d, n_abc2midi)
    cap("abcm2ps-carols-head", "abcm2ps -O carols.ps carols.abc 2>&1 | head -n 150", d, n_abcm2ps)


# ------------------------------------------------------------------ MIDI: single-track organ parts

def organ_midi(seed: int, notes: int, cut: int = 0, lie: int = 0) -> bytes:
    rnd = random.Random(seed)
    ev = b"\x00\xff\x03\x0bOrgan parts" + b"\x00\xff\x51\x03" + (750000).to_bytes(3, "big")
    for ch, prog in [(0, 19), (1, 20), (2, 16)]:
        ev += b"\x00" + bytes([0xC0 | ch, prog]) + b"\x00" + bytes([0xB0 | ch, 91, 80])
    for i in range(notes):
        ch = i % 3
        key = rnd.randint(36, 84)
        ev += _vlq(0) + bytes([0x90 | ch, key, rnd.randint(40, 100)])
        ev += _vlq(rnd.choice([240, 480, 960])) + bytes([0x80 | ch, key, 0])
    ev += b"\x00\xff\x2f\x00"
    data = b"MThd" + struct.pack(">IHHH", 6, 0, 1, 480) + b"MTrk" + struct.pack(">I", len(ev) + lie) + ev
    return data[:-cut] if cut else data


def synth(tmp: Path) -> None:
    d = tmp / "organ-midi"
    d.mkdir()
    (d / "voluntary.mid").write_bytes(organ_midi(2381, 160))
    (d / "postlude.mid").write_bytes(organ_midi(2382, 90, lie=400))
    (d / "hymn-cut.mid").write_bytes(organ_midi(2383, 70, cut=97))
    cap("fluidsynth-organ-exit", f"fluidsynth -ni -v -r 32000 {SF2} voluntary.mid postlude.mid hymn-cut.mid "
        "-F organ.wav 2>&1 | tail -n 120; echo EXIT=$?", d, n_fluidsynth, timeout=300)
    (d / "loft.cfg").write_text(f"dir {d}/loft-patches\nbank 0\n16 drawbar.pat\n19 church.pat\n20 reed.pat\n"
                                "drumset 0\n35 bassdrum.pat\n")
    cap("timidity-loft", "timidity -c loft.cfg -Ow -o loft.wav -idvv voluntary.mid postlude.mid hymn-cut.mid "
        "evensong.mid 2>&1 | grep -v 'Update RIFF'", d, n_timidity, timeout=300)


# ------------------------------------------------------------------ the pond survey's calls

FROGS = ["common-frog", "common-toad", "natterjack", "pool-frog", "marsh-frog", "edible-frog", "midwife-toad",
         "tree-frog", "fire-bellied-toad", "agile-frog", "moor-frog", "spadefoot", "green-toad", "painted-frog",
         "yellow-bellied-toad", "parsley-frog", "iberian-frog", "stripeless-tree-frog"]


def frog_wav(path: Path, seed: int, secs: float, rate: int = 22050, channels: int = 1) -> None:
    """A seeded pulsed call: trains of short harmonic pulses over pond noise."""
    rnd = random.Random(seed)
    n = int(secs * rate)
    f0 = rnd.uniform(350, 1400)
    prate = rnd.uniform(8, 40)
    train = rnd.uniform(0.3, 0.9)
    frames = bytearray()
    for i in range(n):
        t = i / rate
        in_train = (t % (train * 1.8)) < train
        pulse = 0.5 - 0.5 * math.cos(2 * math.pi * prate * t)
        v = (0.45 * pulse * (math.sin(2 * math.pi * f0 * t) + 0.4 * math.sin(4 * math.pi * f0 * t))
             if in_train else 0.0) + rnd.gauss(0, 0.015)
        frames += struct.pack("<h", int(max(-1.0, min(1.0, v)) * 30000)) * channels
    with wave.open(str(path), "wb") as w:
        w.setnchannels(channels)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(bytes(frames))


def ponds(tmp: Path) -> Path:
    d = tmp / "ponds"
    (d / "wav").mkdir(parents=True)
    for i, sp in enumerate(FROGS, 1):
        frog_wav(d / "wav" / f"p{i:02d}-{sp}.wav", 2390 + i, 1.5 + (i % 4) * 0.6, channels=2 if i % 5 == 0 else 1)
    return d


def codec_flac(tmp: Path) -> None:
    d = ponds(tmp)
    w = d / "wav"
    cap("flac-encode-ponds-exit", "flac -f -8 wav/*.wav; echo EXIT=$?", d, n_flac_encode, timeout=600)
    for i, sp in enumerate(FROGS, 1):
        f = next(w.glob(f"p{i:02d}-*.flac"))
        run(f"metaflac --set-tag='TITLE={sp.replace('-', ' ')}' --set-tag='ALBUM=Pond survey 2026' "
            f"--set-tag='POND=P{i:02d}' --set-tag='WATER_TEMP={8 + i % 7}C' "
            + ("--set-tag='NOTE=road noise' " if i % 6 == 2 else "") + f"'{f}'", cwd=d)
    flacs = sorted(w.glob("*.flac"))
    truncate(flacs[0], 0.7)
    flip(flacs[3], 0.5, nbytes=10, seed=2351)
    junk(flacs[6], 2600, 2352)
    cut_middle(flacs[11], 0.6, 900)
    data = flacs[15].read_bytes()
    flacs[15].write_bytes(b"fLaX" + data[4:])
    cap("flac-test-ponds-grep", "flac -t wav/*.flac 2>&1 | grep -vE ': ok$'; echo EXIT=$?", d, n_flac_test,
        timeout=300)
    cap("metaflac-list-ponds", "metaflac --list --block-type=STREAMINFO,VORBIS_COMMENT wav/p0*.flac wav/p1[0-4]*.flac",
        d, n_metaflac)


def codec_ogg(tmp: Path) -> None:
    d = tmp / "ponds"
    wavs = sorted((d / "wav").glob("*.wav"))[:12]
    (d / "ogg").mkdir()
    (d / "opus").mkdir()
    for f in wavs:
        run(f"oggenc -Q -q 3 -a 'Pond survey' -t '{f.stem}' -o ogg/{f.stem}.ogg wav/{f.name}", cwd=d)
        run(f"opusenc --quiet --bitrate 24 --artist 'Pond survey' wav/{f.name} opus/{f.stem}.opus", cwd=d)
    oggs, opuses = sorted((d / "ogg").glob("*.ogg")), sorted((d / "opus").glob("*.opus"))
    for files in (oggs, opuses):
        truncate(files[1], 0.55)
        flip(files[4], 0.6, nbytes=7, seed=2353)
        cut_middle(files[8], 0.3, 1100)
        junk(files[9], 1500, 2354)
    cap("ogginfo-ponds-tail", "ogginfo ogg/*.ogg 2>&1 | tail -n 150", d, n_ogginfo, timeout=300)
    cap("opusinfo-ponds-exit", "opusinfo opus/*.opus; echo EXIT=$?", d, n_opusinfo, timeout=300)


def codec_mp3(tmp: Path) -> None:
    d = tmp / "ponds"
    (d / "mp3").mkdir()
    cap("lame-encode-ponds-loop", 'for f in wav/*.wav; do lame -b 64 --tc "pond survey" "$f" '
        '"mp3/$(basename "$f" .wav).mp3"; done 2>&1 | tail -n 90; lame -b 64 wav/p99-newt.wav; echo EXIT=$?', d,
        n_lame, timeout=900)
    mp3s = sorted((d / "mp3").glob("p*.mp3"))
    flip(mp3s[1], 0.45, nbytes=9, seed=2355)
    truncate(mp3s[5], 0.5)
    cut_middle(mp3s[7], 0.5, 800)
    junk(mp3s[10], 2000, 2356)
    mp3s[13].write_bytes(b"ID3\x03\x00\x00\x00\x00\x10\x00" + mp3s[13].read_bytes())
    cap("mp3val-ponds", "mp3val mp3/*.mp3", d, n_mp3val, timeout=300)
    cap("mpg123-test-ponds-grep", "mpg123 -t -v mp3/*.mp3 2>&1 | grep -vE '^Frame#'", d, n_mpg123, timeout=600)


def codec_wav(tmp: Path) -> None:
    d = tmp / "ponds"
    r = d / "raw"
    r.mkdir()
    for i, f in enumerate(sorted((d / "wav").glob("*.wav"))):
        data = f.read_bytes()
        if i == 2:
            data = data[: len(data) // 3]
        elif i == 6:
            data = data[:34] + struct.pack("<H", 12) + data[36:]  # 12 bits per sample claimed
        elif i == 10:
            data = data[:24] + struct.pack("<I", 7) + data[28:]  # a 7 Hz rate
        elif i == 13:
            data = b"RIFX" + data[4:]
        (r / f.name).write_bytes(data)
    (r / "survey-notes.wav").write_text("P03 dry this year; P11 netted\n" * 6)
    cap("shntool-len-raw-exit", "shntool len raw/*.wav; echo EXIT=$?", d, n_shntool_len)
    cap("sndfile-info-raw-tail", "sndfile-info raw/*.wav 2>&1 | tail -n 160", d, n_sndfile_info)


STEPS = [lilypond, csound, abc, synth, codec_flac, codec_ogg, codec_mp3, codec_wav]
