"""Round 231, second samples of round 225's kinds: `fellside`, a brass band's library of this round's own (marches
and hymn tunes in LilyPond with other faults, band-room orchestras in Csound with other syntax errors and other
clipping, a session's tune book in abc, MIDI parts written byte by byte), and a bird-sound field library's recordings
(seeded chirps and calls written as WAV here, encoded with flac, oggenc, opusenc and lame, then damaged in other
ways). The needles come from round 225's extractors, imported as they are (NEEDLES.md, "Round 231"). Run through
capture_wide231.py."""

from __future__ import annotations

import math
import random
import struct
import wave
from pathlib import Path

from capture_more import run
from capture_wide225_codec import (cut_middle, flip, junk, n_flac_encode, n_flac_test, n_lame, n_metaflac, n_mp3val,
                                   n_mpg123, n_ogginfo, n_opusinfo, n_shntool_info, n_shntool_len, n_sndfile_info,
                                   truncate)
from capture_wide225_score import (n_abc2midi, n_abcm2ps, n_csound_orc, n_csound_perf, n_fluidsynth, n_lilypond,
                                   n_timidity, _vlq)
from capture_wide231 import cap

SF2 = "/usr/share/sounds/sf2/TimGM6mb.sf2"

# ------------------------------------------------------------------ LilyPond: the band's marches and hymn tunes

LY_PITCHES = ["c", "d", "e", "f", "g", "a", "b", "bes", "ees", "aes", "fis"]
LY_LEN = {"16": 1, "8": 2, "8.": 3, "4": 4, "4.": 6, "2": 8}


def ly_bar(rnd: random.Random, units: int, fault: str) -> str:
    notes, left = [], units
    while left > 0:
        d = rnd.choice([d for d, u in LY_LEN.items() if u <= left])
        left -= LY_LEN[d]
        notes.append(rnd.choice(LY_PITCHES) + d + rnd.choice(["", "", "", "->", "-.", "("]).replace("(", ""))
    if fault == "long":
        notes.append(rnd.choice(LY_PITCHES) + "8")
    elif fault == "pitch":
        notes[rnd.randrange(len(notes))] = rnd.choice(["j4", "bess8", "hes4", "fx8", "zz4"])
    elif fault == "cmd":
        notes.insert(1, rnd.choice(["\\marcatto", "\\tenutto", "\\sfzz", "\\fortissimo", "\\segnoo"]))
    elif fault == "dyn":
        notes[0] += rnd.choice(["\\fff", "\\pp", "\\sfz"])
    return " ".join(notes) + " |"


def march_ly(seed: int, title: str, bars: int, meter: str, faults: dict, unclosed: bool = False) -> str:
    rnd = random.Random(seed)
    units = {"6/8": 12, "2/4": 8, "4/4": 16, "3/4": 12}[meter]
    out = []
    for _ in range(bars):
        r, acc, fault = rnd.random(), 0.0, ""
        for f, p in faults.items():
            acc += p
            if r < acc:
                fault = f
                break
        out.append(ly_bar(rnd, units, fault))
    body = "\n    ".join(" ".join(out[i:i + 4]) for i in range(0, len(out), 4))
    close = "" if unclosed else "  }\n"
    return (f'\\version "2.24.0"\n\\header {{ title = "{title}" arranger = "Fellside Brass library" }}\n\n'
            f"cornet = {{\n  \\relative c'' {{\n    \\time {meter} \\key bes \\major \\tempo 4 = 112\n    {body}\n"
            f"{close}}}\n\n\\score {{\n  \\new Staff \\with {{ instrumentName = \"Solo Cornet\" }} \\cornet\n"
            "  \\layout { }\n}\n")


def lilypond(tmp: Path) -> None:
    d = tmp / "fellside"
    (d / "marches").mkdir(parents=True)
    (d / "pdf").mkdir()
    names = ["Slaithwaite", "Marsden Moor", "Castle Hill", "Holme Valley", "Scammonden", "Wessenden", "Pule Hill"]
    for i, nm in enumerate(names):
        faults = {"long": 0.1, "pitch": 0.03, "cmd": 0.03, "dyn": 0.04} if i % 2 == 0 else {"long": 0.04, "dyn": 0.05}
        (d / "marches" / f"{nm.lower().replace(' ', '-')}.ly").write_text(
            march_ly(2310 + i, f"{nm} (quick march)", 48 + 8 * i, "6/8" if i % 3 else "2/4", faults,
                     unclosed=(i == 4)))
    cap("lilypond-marches-tail", "lilypond -o pdf marches/*.ly 2>&1 | tail -n 100", d, n_lilypond, timeout=900)
    (d / "contest-piece.ly").write_text(march_ly(2319, "Contest piece: Moorland Suite", 260, "4/4",
                                                  {"long": 0.22, "cmd": 0.02, "pitch": 0.02}))
    cap("lilypond-contest-exit", "lilypond -o pdf contest-piece.ly; echo EXIT=$?", d, n_lilypond, timeout=900)


# ------------------------------------------------------------------ Csound: the band-room orchestras

CSD_HEAD = ("<CsoundSynthesizer>\n<CsOptions>\n</CsOptions>\n<CsInstruments>\nsr = 48000\nksmps = 64\nnchnls = 2\n"
            "0dbfs = 1\n\n")

BRASS = """instr {n}
  iamp = p4
  icps = cpspch(p5)
  kenv madsr 0.05, 0.1, 0.8, 0.2
  kvib lfo 0.004 * icps, 5.5
  asig vco2 iamp * kenv, icps + kvib
  afil moogladder asig, 2400, 0.2
  outs afil, afil * 0.9
endin
"""


def csd(orc: str, score: str) -> str:
    return CSD_HEAD + orc + "\n</CsInstruments>\n<CsScore>\n" + score + "\ne\n</CsScore>\n</CsoundSynthesizer>\n"


def band_orc(seed: int) -> str:
    rnd = random.Random(seed)
    parts = []
    for n in range(1, 7):
        body = BRASS.format(n=n)
        fault = rnd.choice(["typo", "endin", "paren", "undef", "arg", "ok", "ok"])
        if fault == "typo":
            body = body.replace("moogladder", "moogladdr")
        elif fault == "endin":
            body = body.replace("endin\n", "")
        elif fault == "paren":
            body = body.replace("cpspch(p5)", "cpspch(p5))")
        elif fault == "undef":
            body = body.replace("2400, 0.2", "kcutoff, 0.2")
        elif fault == "arg":
            body = body.replace("outs afil, afil * 0.9", "outs afil afil")
        parts.append(body)
    return "\n".join(parts)


def band_score(seed: int, n: int, hot: float, missing_instr: bool = False) -> str:
    rnd = random.Random(seed)
    rows, t = [], 0.0
    for i in range(n):
        amp = round(rnd.uniform(0.05, 0.3) if rnd.random() > hot else rnd.uniform(1.2, 3.1), 3)
        ins = 9 if missing_instr and i % 23 == 11 else rnd.choice([1, 2])
        rows.append(f"i {ins} {t:.3f} {rnd.choice([0.2, 0.4, 0.8]):.2f} {amp} "
                    f"{rnd.choice([6, 7, 8])}.{rnd.randint(0, 11):02d}")
        t += rnd.choice([0.2, 0.4, 0.4, 0.8])
    return "\n".join(rows)


def csound(tmp: Path) -> None:
    d = tmp / "bandroom"
    (d / "patches").mkdir(parents=True)
    for i in range(1, 11):
        (d / "patches" / f"section{i:02d}.csd").write_text(csd(band_orc(2330 + i), band_score(2330 + i, 6, 0.0)))
    cap("csound-patches-loop", 'for f in patches/*.csd; do echo "== $f"; csound -n "$f" < /dev/null; done 2>&1', d,
        n_csound_orc, timeout=300)
    orc = BRASS.format(n=1) + "\ninstr 2\n  asig vco2 p4, cpspch(p5), 12\n  aout = asig *\n  outs aout, aout\nendin\n" \
        + "\ninstr 3\n  if p4 > 1 then\n    p4 = 1\n  outs a1, a1\nendin\n"
    (d / "euphonium.csd").write_text(csd(orc, band_score(2341, 12, 0.0)))
    cap("csound-euphonium-exit", "csound -n euphonium.csd < /dev/null; echo EXIT=$?", d, n_csound_orc, timeout=120)
    two = BRASS.format(n=1) + "\n" + BRASS.format(n=2).replace("vco2 iamp * kenv, icps + kvib",
                                                               "poscil iamp * kenv, icps + kvib, 5")
    (d / "rehearsal.csd").write_text(csd(two, "f 1 0 8192 10 1 0.4 0.2\n" + band_score(2342, 260, 0.12, True)))
    cap("csound-rehearsal-tail", "csound -n rehearsal.csd < /dev/null 2>&1 | tail -n 120", d, n_csound_perf,
        timeout=300)
    (d / "concert.csd").write_text(csd(BRASS.format(n=1) + "\n" + BRASS.format(n=2), band_score(2343, 140, 0.3)))
    cap("csound-concert-grep", "csound -n -m 135 concert.csd < /dev/null 2>&1 | grep -iE 'error|warn|range|amps'; "
        "echo EXIT=$?", d, n_csound_perf, timeout=300)


# ------------------------------------------------------------------ abc: the band's session book

ABC_NOTES = "DEFGABcdefgab"


def abc_book(seed: int, n: int, bad: float) -> str:
    rnd = random.Random(seed)
    out = []
    for x in range(1, n + 1):
        kind = rnd.choice(["slide", "march", "waltz", "strathspey", "slip jig"])
        meter, units = {"slide": ("12/8", 12), "march": ("2/4", 4), "waltz": ("3/4", 6), "strathspey": ("4/4", 8),
                        "slip jig": ("9/8", 9)}[kind]
        head = [f"X:{x}", f"T:{rnd.choice(['Colne', 'Calder', 'Holme', 'Ryburn', 'Luddenden'])} "
                          f"{rnd.choice(['Bridge', 'Edge', 'Clough', 'Mill', 'Fold'])} {kind}",
                "C:trad., arr. Fellside", f"M:{meter}", "L:1/8", f"Q:1/4={rnd.choice([90, 108, 120])}"]
        faults = rnd.sample(["key", "bar", "bar", "tie", "chord", "voice", "len"], 2) if rnd.random() < bad else []
        head.append("K:" + ("Gmixx" if "key" in faults else rnd.choice(["G", "D", "Amix", "Edor", "Bb"])))
        bars = []
        for b in range(12):
            u = units + (rnd.choice([-2, 1, 3]) if "bar" in faults and b % 4 == 2 else 0)
            notes, left = [], u
            while left > 0:
                ln = min(rnd.choice([1, 1, 2, 3]), left)
                left -= ln
                notes.append(rnd.choice(ABC_NOTES) + ("" if ln == 1 else str(ln)))
            bar = "".join(notes)
            if "tie" in faults and b == 5:
                bar = bar + "-"
            if "chord" in faults and b == 7:
                bar = "[" + bar[:3] + bar[3:]
            if "voice" in faults and b == 3:
                bar = "[V:9]" + bar
            if "len" in faults and b == 10:
                bar = bar[:1] + "3/0" + bar[1:]
            bars.append(bar)
        body = "\n".join("|".join(bars[i:i + 4]) + "|" for i in range(0, 12, 4))
        out.append("\n".join(head) + "\n" + body + "|]\n")
    return "\n".join(out)


def abc(tmp: Path) -> None:
    d = tmp / "session"
    d.mkdir()
    (d / "bandbook.abc").write_text(abc_book(2351, 110, 0.45))
    cap("abc2midi-bandbook-grep", "abc2midi bandbook.abc 2>&1 | grep -v '^writing MIDI'; echo EXIT=$?", d,
        n_abc2midi)
    cap("abcm2ps-bandbook", "abcm2ps -O bandbook.ps bandbook.abc", d, n_abcm2ps)


# ------------------------------------------------------------------ MIDI parts, byte by byte

def band_midi(seed: int, parts: int, bars: int, programs: list[int], cut: int = 0) -> bytes:
    rnd = random.Random(seed)
    tracks = [b"\x00\xff\x51\x03" + (600000).to_bytes(3, "big") + b"\x00\xff\x2f\x00"]
    for p in range(parts):
        ch = p
        ev = b"\x00" + bytes([0xC0 | ch, programs[p % len(programs)]]) + b"\x00" + bytes([0xB0 | ch, 10, 20 + 20 * p])
        for b in range(bars):
            for k in range(4):
                key = rnd.randint(46, 79)
                ev += _vlq(0) + bytes([0x90 | ch, key, rnd.randint(50, 110)])
                ev += _vlq(rnd.choice([240, 480])) + bytes([0x80 | ch, key, 64])
            if b % 8 == 7:
                ev += b"\x00" + bytes([0xB0 | ch, 64, 127]) + b"\x60" + bytes([0xB0 | ch, 64, 0])
        tracks.append(ev + b"\x00\xff\x2f\x00")
    data = b"MThd" + struct.pack(">IHHH", 6, 1, len(tracks), 480)
    for t in tracks:
        data += b"MTrk" + struct.pack(">I", len(t)) + t
    return data[:-cut] if cut else data


def synth(tmp: Path) -> None:
    d = tmp / "parts"
    d.mkdir()
    (d / "hymn.mid").write_bytes(band_midi(2361, 4, 10, [56, 57, 58, 61]))
    (d / "march.mid").write_bytes(band_midi(2362, 3, 14, [56, 60, 57]))
    (d / "broken.mid").write_bytes(band_midi(2363, 3, 12, [56, 58, 60], cut=211))
    cap("fluidsynth-hymn-verbose", f"fluidsynth -ni -v -r 22050 {SF2} hymn.mid fanfare.mid -F hymn.wav", d,
        n_fluidsynth, timeout=300)
    (d / "bandroom.cfg").write_text(f"dir {d}/patches\nbank 0\n56 trumpet.pat\n57 trombone.pat\n58 tuba.pat\n"
                                    "60 horn.pat\n61 brass1.pat\ndrumset 0\n38 snare1.pat\n")
    cap("timidity-bandroom-tail", "timidity -c bandroom.cfg -Ow -o band.wav -idvv hymn.mid march.mid broken.mid "
        "2>&1 | tail -n 100", d, n_timidity, timeout=300)


# ------------------------------------------------------------------ the field library's recordings

SPECIES = ["Curlew", "Golden Plover", "Twite", "Meadow Pipit", "Skylark", "Red Grouse", "Dunlin", "Snipe",
           "Lapwing", "Ring Ouzel", "Wheatear", "Merlin", "Short-eared Owl", "Whinchat", "Cuckoo", "Stonechat",
           "Reed Bunting", "Grey Wagtail", "Dipper", "Common Sandpiper", "Oystercatcher", "Redshank", "Kestrel",
           "Wren"]


def call_wav(path: Path, seed: int, secs: float, rate: int = 32000, channels: int = 1) -> None:
    """A seeded bird-call-like signal: rising and falling chirps with pauses and a little wind noise."""
    rnd = random.Random(seed)
    n = int(secs * rate)
    f0, f1 = rnd.uniform(1500, 3000), rnd.uniform(3000, 6500)
    period = rnd.uniform(0.25, 0.6)
    frames = bytearray()
    phase = 0.0
    for i in range(n):
        t = i / rate
        u = (t % period) / period
        on = u < 0.6
        f = f0 + (f1 - f0) * min(u / 0.6, 1.0)
        phase += 2 * math.pi * f / rate
        v = (0.5 * math.sin(phase) * math.sin(math.pi * u / 0.6) if on else 0.0) + rnd.gauss(0, 0.02)
        s = struct.pack("<h", int(max(-1.0, min(1.0, v)) * 30000))
        frames += s * channels
    with wave.open(str(path), "wb") as w:
        w.setnchannels(channels)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(bytes(frames))


def library(tmp: Path) -> Path:
    d = tmp / "calls"
    (d / "wav").mkdir(parents=True)
    for i, sp in enumerate(SPECIES, 1):
        call_wav(d / "wav" / f"{i:02d}-{sp.lower().replace(' ', '-')}.wav", 2370 + i, 1.2 + (i % 5) * 0.4,
                 channels=2 if i % 4 == 0 else 1)
    return d


def codec_flac(tmp: Path) -> None:
    d = library(tmp)
    w = d / "wav"
    cap("flac-encode-calls", "flac -f -5 -V wav/*.wav 2>&1 | tail -n 80", d, n_flac_encode, timeout=600)
    for i, sp in enumerate(SPECIES, 1):
        f = next(w.glob(f"{i:02d}-*.flac"))
        run(f"metaflac --set-tag='TITLE={sp} call' --set-tag='ARTIST=Pennine Field Library' "
            f"--set-tag='LOCATION=site {300 + i}' --set-tag='DATE=2026-0{1 + i % 9}-1{i % 10}' "
            + (f"--set-tag='NOTE=wind noise, recorder {i % 3}' " if i % 4 == 1 else "")
            + f"--add-seekpoint=1s '{f}'", cwd=d)
    flacs = sorted(w.glob("*.flac"))
    flip(flacs[1], 0.6, nbytes=4, seed=231)
    truncate(flacs[4], 0.45)
    cut_middle(flacs[9], 0.35, 2500)
    junk(flacs[12], 1800, 232)
    flip(flacs[17], 0.2, nbytes=8, seed=233)
    data = flacs[20].read_bytes()
    flacs[20].write_bytes(data[:4] + b"\x7f" + data[5:])  # the STREAMINFO block header made a bad type
    cap("flac-test-calls-exit", "flac -t wav/*.flac; echo EXIT=$?", d, n_flac_test, timeout=300)
    cap("metaflac-list-head", "metaflac --list wav/0[1-6]-*.flac | head -n 160", d, n_metaflac)
    cap("metaflac-list-comments", "metaflac --list --block-type=VORBIS_COMMENT,SEEKTABLE wav/*.flac", d, n_metaflac)


def codec_ogg(tmp: Path) -> None:
    d = tmp / "calls"
    wavs = sorted((d / "wav").glob("*.wav"))[:14]
    (d / "ogg").mkdir()
    (d / "opus").mkdir()
    for f in wavs:
        run(f"oggenc -Q -q 5 -t '{f.stem}' -o ogg/{f.stem}.ogg wav/{f.name}", cwd=d)
        run(f"opusenc --quiet --bitrate 32 --title '{f.stem}' wav/{f.name} opus/{f.stem}.opus", cwd=d)
    oggs, opuses = sorted((d / "ogg").glob("*.ogg")), sorted((d / "opus").glob("*.opus"))
    for files in (oggs, opuses):
        flip(files[2], 0.35, nbytes=5, seed=234)
        truncate(files[5], 0.7)
        junk(files[7], 2200, 235)
        cut_middle(files[10], 0.55, 1500)
    cap("ogginfo-calls-head", "ogginfo ogg/*.ogg 2>&1 | head -n 200", d, n_ogginfo, timeout=300)
    cap("opusinfo-calls", "opusinfo opus/*.opus", d, n_opusinfo, timeout=300)


def codec_mp3(tmp: Path) -> None:
    d = tmp / "calls"
    wavs = sorted((d / "wav").glob("*.wav"))
    (d / "mp3").mkdir()
    cap("lame-encode-cbr-exit", f"lame -b 96 --tt 'Curlew' {wavs[0].relative_to(d)} mp3/curlew.mp3; lame -b 96 "
        f"{wavs[2].relative_to(d)} mp3/twite.mp3; lame -b 96 missing.wav mp3/missing.mp3; echo EXIT=$?", d, n_lame)
    cap("lame-encode-vbr-loop", 'for f in wav/*.wav; do lame -V4 "$f" "mp3/$(basename "$f" .wav).mp3"; done 2>&1 '
        "| tail -n 100", d, n_lame, timeout=900)
    mp3s = sorted((d / "mp3").glob("[0-9]*.mp3"))
    flip(mp3s[2], 0.5, nbytes=12, seed=236)
    truncate(mp3s[6], 0.6)
    cut_middle(mp3s[8], 0.4, 555)
    junk(mp3s[11], 3000, 237)
    data = mp3s[14].read_bytes()
    mp3s[14].write_bytes(bytes(random.Random(238).randrange(256) for _ in range(900)) + data)
    flip(mp3s[19], 0.25, nbytes=6, seed=239)
    cap("mp3val-calls", "mp3val mp3/[0-9]*.mp3", d, n_mp3val, timeout=300)
    cap("mpg123-test-calls-tail", "mpg123 -t -v mp3/[0-9]*.mp3 2>&1 | tail -n 120", d, n_mpg123, timeout=600)


def codec_shn(tmp: Path) -> None:
    d = tmp / "calls"
    cd = d / "cd"
    cd.mkdir()
    for i, f in enumerate(sorted((d / "wav").glob("*.wav"))):
        data = f.read_bytes()
        if i == 3:
            data = data[: len(data) - 7001]
        elif i == 8:
            data = data + b"\xff" * 1234
        elif i == 15:
            data = data[:4] + struct.pack("<I", len(data) + 64000) + data[8:40] + struct.pack("<I", len(data) + 63992) \
                + data[44:]
        elif i == 19:
            data = data[:22] + struct.pack("<H", 3) + data[24:]  # three channels claimed
        (cd / f.name).write_bytes(data)
    (cd / "readme.wav").write_text("field notes: not a recording\n" * 10)
    cap("shntool-len-cd-exit", "shntool len cd/*.wav; echo EXIT=$?", d, n_shntool_len)
    cap("shntool-info-some", "shntool info cd/04-meadow-pipit.wav cd/09-lapwing.wav cd/16-stonechat.wav "
        "cd/20-common-sandpiper.wav cd/01-curlew.wav", d, n_shntool_info)
    cap("sndfile-info-cd-head", "sndfile-info cd/*.wav 2>&1 | head -n 220", d, n_sndfile_info)


STEPS = [lilypond, csound, abc, synth, codec_flac, codec_ogg, codec_mp3, codec_shn]
