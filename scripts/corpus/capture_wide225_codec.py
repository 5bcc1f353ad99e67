"""Round 225, audio codecs and their checkers: a radio archive's tones from seeded generators written as WAV here,
encoded with flac, oggenc, opusenc and lame, then damaged (a cut-off frame, a flipped byte under a CRC, a wrong header,
junk appended, a WAV header that promises more data than the file holds), and read back by flac -t, metaflac --list,
ogginfo, opusinfo, mp3val, mpg123 -t, shntool and sndfile-info. The extractors are this round's (NEEDLES.md, "Round
225"). Run through capture_wide225.py."""

from __future__ import annotations

import math
import random
import re
import struct
import wave
from pathlib import Path

import capture_more as cm
from capture_more import run
from capture_wide225 import cap, exit_lines

ERR_RE = re.compile(r"\berror\b", re.I)


def _unbs(lines: list[str]) -> list[str]:
    """A line a tool rewrote with backspaces (flac's progress), read from its last non-empty piece: a substring of
    the cleaned line, as every needle is."""
    out = []
    for ln in lines:
        if "\b" in ln:
            parts = [p for p in ln.split("\b") if p.strip()]
            ln = parts[-1] if parts else ""
        out.append(ln)
    return out

# ------------------------------------------------------------------ the extractors (NEEDLES.md, "Round 225")


@cm.kind("flac-test", "test")
def n_flac_test(lines):
    """Rule 1 on flac -t: every line holding ERROR, error code, WARNING or state =, every per-file verdict line that is not ok; EXIT=N."""
    lines = _unbs(lines)
    out = []
    for ln in lines:
        s = ln.strip()
        if re.search(r"ERROR|error code|WARNING|state =", s):
            out.append(ln)
        elif re.match(r"^\S+\.(flac|oga|ogg): ", s) and not re.search(r":\s*ok$", s):
            out.append(ln)
    return out + exit_lines(lines)


@cm.kind("flac-encode", "build")
def n_flac_encode(lines):
    """Rule 1 on flac encoding: every line holding ERROR, error code, WARNING or state =, every per-file wrote N bytes, ratio= line; EXIT=N."""
    lines = _unbs(lines)
    return [ln for ln in lines if re.search(r"ERROR|error code|WARNING|state =|wrote \d+ bytes, ratio=", ln)] \
        + exit_lines(lines)


@cm.kind("metaflac-list", "doc")
def n_metaflac(lines):
    """Rule 5 on metaflac --list: every METADATA block #N line with its type: line, STREAMINFO's sample_rate, channels, bits-per-sample, total samples and MD5 signature lines, every comment[N]: line, every error line; EXIT=N."""
    out = []
    for i, ln in enumerate(lines):
        s = ln.strip()
        body = re.sub(r"^\S+\.flac:", "", s)
        if body.startswith("METADATA block #"):
            out.append(ln)
            if i + 1 < len(lines) and "type:" in lines[i + 1]:
                out.append(lines[i + 1])
        elif re.match(r"^\s*(sample_rate|channels|bits-per-sample|total samples|MD5 signature|comment\[\d+\]):", body):
            out.append(ln)
        elif ERR_RE.search(s):
            out.append(ln)
    return out + exit_lines(lines)


def _ogg_common(lines, extra):
    out, warns, fname = [], [], ""
    for ln in lines:
        s = ln.strip()
        m = re.match(r'^Processing file "(.*)"', s)
        if m:
            fname = m.group(1)
            out.append(ln)
        elif re.search(r"\bERROR\b|\bError\b", s):
            out.append(ln)
        elif re.search(r"\bWARNING\b|\bWarning\b", s):
            warns.append(((cm.mask(s), fname), ln))
        elif s.startswith("New logical stream") or re.match(
                r"^(Channels|Rate|Playback length|Average bitrate|Total data length)\s*:", s) \
                or any(re.match(p, s) for p in extra):
            out.append(ln)
    return out + cm.groups(warns) + exit_lines(lines)


@cm.kind("ogginfo", "doc")
def n_ogginfo(lines):
    """Rule 5 on ogginfo: every Processing file line, every ERROR/Error line, WARNING/Warning lines one {"any"} per (message shape, file), every New logical stream line, each stream's Channels, Rate, Playback length, Average bitrate and Total data length lines; EXIT=N."""
    return _ogg_common(lines, [])


@cm.kind("opusinfo", "doc")
def n_opusinfo(lines):
    """Rule 5 on opusinfo: as ogginfo (Processing file, errors, warnings per (shape, file), New logical stream, Channels, Original sample rate, Playback length, Average bitrate, Total data length), and the Pre-skip and Packet duration lines; EXIT=N."""
    return _ogg_common(lines, [r"^Original sample rate\s*:", r"^Pre-skip", r"^Packet duration\s*:"])


@cm.kind("mp3val-log", "log")
def n_mp3val(lines):
    """Rule 1 on mp3val: every ERROR line, WARNING lines one {"any"} per (message shape, file), every INFO line, the Done! line; EXIT=N."""
    out, warns = [], []
    for ln in lines:
        s = ln.strip()
        if s.startswith("ERROR"):
            out.append(ln)
        elif s.startswith("WARNING"):
            m = re.match(r'^WARNING: "([^"]*)"', s)
            warns.append(((cm.mask(s), m.group(1) if m else ""), ln))
        elif s.startswith("INFO") or s == "Done!":
            out.append(ln)
    return out + cm.groups(warns) + exit_lines(lines)


@cm.kind("mpg123-test", "test")
def n_mpg123(lines):
    """Rule 1 on mpg123 -t: every error line, Note: and warning: lines one {"any"} per message shape, every Playing MPEG stream line, every stream-format line (MPEG 1.0 L III ...), every Decoding of ... finished. line; EXIT=N."""
    out, warns = [], []
    for ln in lines:
        s = ln.strip()
        if re.search(r"\berror\b", s, re.I) or s.startswith("Cannot"):
            out.append(ln)
        elif s.startswith("Note:") or re.search(r"\bwarning:", s, re.I):
            warns.append((cm.mask(s), ln))
        elif s.startswith("Playing MPEG stream") or re.match(r"^MPEG \d\.\d+\s+L", s) or \
                re.search(r"Decoding of .* finished\.", s):
            out.append(ln)
    return out + cm.groups(warns) + exit_lines(lines)


HIST_RE = re.compile(r"^\s*(\d+)\s*\[\s*(\d+)\]\s*(\S*)")


@cm.kind("lame-encode", "build")
def n_lame(lines):
    """Rule 5 on lame: every error line (Error, Could not, Unsupported), warnings one {"any"} per message shape, every Encoding ... to ... and Encoding as ... line, the last progress line of each file, the bitrate histogram's rows holding the largest share, the ReplayGain: line; EXIT=N."""
    out, warns = [], []
    last_prog = None
    hist: list = []

    def flush():
        nonlocal last_prog, hist
        if last_prog:
            out.append(last_prog)
        if hist:
            top = max(n for _, n in hist)
            out.extend(ln for ln, n in hist if n == top)
        last_prog, hist = None, []

    for ln in lines:
        s = ln.strip()
        if s.startswith("Encoding ") and " to " in s:
            flush()
            out.append(ln)
        elif s.startswith("Encoding as"):
            out.append(ln)
        elif re.search(r"\berror\b|Could not|Unsupported|Can't|can't", s, re.I):
            out.append(ln)
        elif re.search(r"\bwarning\b", s, re.I):
            warns.append((cm.mask(s), ln))
        elif re.match(r"^\d+/\d+\s+\(\s*\d+%\)", s):
            last_prog = ln
        elif HIST_RE.match(ln):
            hist.append((ln, int(HIST_RE.match(ln).group(2))))
        elif s.startswith("ReplayGain:"):
            out.append(ln)
    flush()
    return out + cm.groups(warns) + exit_lines(lines)


@cm.kind("shntool-len", "table")
def n_shntool_len(lines):
    """Rule 4 on shntool len: the header, every row whose problems column is not all dashes, the rows with the longest and shortest length, the total row, every warning/error line; EXIT=N."""
    hi = next((i for i, ln in enumerate(lines) if re.match(r"^\s*length\s+expanded size", ln)), None)
    out = [ln for ln in lines if re.search(r"shntool \[\w+\]: (warning|error)|\berror\b", ln, re.I)]
    if hi is not None:  # `len -t` prints no header: every line is a row
        out.append(lines[hi])
    rows = []
    for ln in lines[(hi + 1 if hi is not None else 0):]:
        f = ln.split()
        if len(f) < 7:
            continue
        if f[-1] == "(total)" or "total" in f[-1]:
            out.append(ln)
            continue
        m = re.match(r"^(\d+):(\d+)\.(\d+)$", f[0])  # m:ss.ff (CD frames) or m:ss.nnn (ms)
        # length, expanded size (2 tokens), cdr, WAVE, problems, fmt, ratio, filename
        probs = f[5] if len(f) >= 9 else ""
        if probs and set(probs) != {"-"}:
            out.append(ln)
        if m:
            frac = int(m.group(3)) * 1000 // 75 if len(m.group(3)) == 2 else int(m.group(3))
            rows.append((ln, {"len": int(m.group(1)) * 60_000 + int(m.group(2)) * 1000 + frac}))
    if rows:
        lo = min(r[1]["len"] for r in rows)
        hi_v = max(r[1]["len"] for r in rows)
        out.append(cm.any_of([ln for ln, r in rows if r["len"] == lo]))
        out.append(cm.any_of([ln for ln, r in rows if r["len"] == hi_v]))
    return out + exit_lines(lines)


@cm.kind("shntool-info", "doc")
def n_shntool_info(lines):
    """Rule 5 on shntool info: every File name: line and each file's Handled by, Length, Channels, Bits/sample, Samples/sec, Data size lines, the problem lines (non-canonical Header size, Inconsistent header, File is truncated, Junk appended), every error/warning line; EXIT=N."""
    out = []
    for ln in lines:
        s = ln.strip()
        if re.match(r"^(File name|Handled by|Length|Channels|Bits/sample|Samples/sec|Data size):", s):
            out.append(ln)
        elif re.search(r"[Ii]nconsistent header|truncated|[Jj]unk appended|Non-canonical|non-canonical|"
                       r"\berror\b|\bwarning\b", s, re.I) and not re.search(r":\s*no$", s):
            out.append(ln)
        elif s.startswith("Header size:") and not s.endswith("44 bytes"):
            out.append(ln)
    return out + exit_lines(lines)


@cm.kind("sndfile-info", "doc")
def n_sndfile_info(lines):
    """Rule 5 on sndfile-info: every File : line and each file's Format, Channels, Sample Rate, Frames and Duration lines, every line holding ***, Error, bad, truncated or should be; EXIT=N."""
    out = []
    for ln in lines:
        s = ln.strip()
        if re.match(r"^(File|Format|Channels|Sample Rate|Frames|Duration)\s*:", s):
            out.append(ln)
        elif re.search(r"\*\*\*|\berror\b|\bbad\b|truncated|should be", s, re.I):
            out.append(ln)
    return out + exit_lines(lines)


# ------------------------------------------------------------------ material: a radio archive's tones

def tone_wav(path: Path, seed: int, secs: float, rate: int = 44100, channels: int = 2, width: int = 2) -> None:
    rnd = random.Random(seed)
    freqs = [rnd.choice([220, 261.6, 293.7, 329.6, 392, 440, 523.3]) * rnd.choice([0.5, 1, 2]) for _ in range(3)]
    n = int(secs * rate)
    amp = rnd.uniform(0.2, 0.6)
    frames = bytearray()
    for i in range(n):
        t = i / rate
        v = sum(math.sin(2 * math.pi * f * t) for f in freqs) / 3 * amp + rnd.uniform(-0.01, 0.01)
        if width == 2:
            sample = struct.pack("<h", int(max(-1, min(1, v)) * 32000))
        else:
            sample = bytes([int((max(-1, min(1, v)) + 1) * 127)])
        frames += sample * channels
    with wave.open(str(path), "wb") as w:
        w.setnchannels(channels)
        w.setsampwidth(width)
        w.setframerate(rate)
        w.writeframes(bytes(frames))


def flip(path: Path, frac: float, nbytes: int = 6, seed: int = 0) -> None:
    data = bytearray(path.read_bytes())
    rnd = random.Random(seed)
    at = int(len(data) * frac)
    for k in range(nbytes):
        data[at + k * 37] ^= 0xFF if rnd.random() < 0.5 else 0x5A
    path.write_bytes(bytes(data))


def truncate(path: Path, frac: float) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * frac)])


def junk(path: Path, n: int, seed: int) -> None:
    rnd = random.Random(seed)
    path.write_bytes(path.read_bytes() + bytes(rnd.randrange(256) for _ in range(n)))


def cut_middle(path: Path, frac: float, n: int) -> None:
    data = path.read_bytes()
    at = int(len(data) * frac)
    path.write_bytes(data[:at] + data[at + n:])


TITLES = ["Harbour Dawn", "Night Ferry", "Tide Tables", "Fog Signal", "Lighthouse Keeper", "Shipping Forecast",
          "Dogger Bank", "Low Water", "Gale Warning", "Pilot Boat", "Quay Lights", "Outer Buoy", "Salt Marsh",
          "Estuary", "Slack Tide", "Longshore Drift"] + [
    f"{a} {b}" for a, b in zip(["Morning", "Evening", "Winter", "Spring", "North", "South", "Harbour", "Channel"] * 2,
                               ["Reel", "Tape", "Bulletin", "Sounding", "Chimes", "Horn", "Bell", "Swell",
                                "Static", "Signal", "Weather", "Survey", "Moorings", "Crossing", "Ebb", "Flood"])]


def archive(tmp: Path) -> Path:
    d = tmp / "archive"
    (d / "wav").mkdir(parents=True)
    for i, title in enumerate(TITLES, 1):
        secs = 2.0 + (i % 4) * 0.7 if i <= 16 else 1.0 + (i % 3) * 0.5
        tone_wav(d / "wav" / f"{i:02d}-{title.lower().replace(' ', '-')}.wav", 500 + i, secs)
    return d


def codec_flac(tmp: Path) -> None:
    d = archive(tmp)
    w = d / "wav"
    cap("flac-encode-archive", "flac -f -V --best wav/*.wav", d, n_flac_encode, timeout=600)
    # the bad intake: a header from a float recorder, a header promising more than is there, a cut file, a text file
    bad = d / "intake"
    bad.mkdir()
    tone_wav(bad / "field-rec-22k-mono.wav", 71, 3.0, rate=22050, channels=1)
    tone_wav(bad / "field-rec-8bit.wav", 72, 2.0, width=1, channels=1)
    raw = (w / "03-tide-tables.wav").read_bytes()
    (bad / "float-header.wav").write_bytes(raw[:20] + struct.pack("<H", 3) + raw[22:34] + struct.pack("<H", 32)
                                           + raw[36:])
    (bad / "truncated.wav").write_bytes(raw[: len(raw) // 3])
    (bad / "not-audio.wav").write_text("RIFF this is a note from the archivist, not audio\n" * 20)
    (bad / "zero-len.wav").write_bytes(raw[:44])
    cap("flac-encode-intake", "flac -f intake/*.wav 2>&1 | tail -n 40; echo EXIT=$?", d, n_flac_encode, timeout=300)
    # tags, then damage
    for i, title in enumerate(TITLES, 1):
        f = next((w.glob(f"{i:02d}-*.flac")))
        run(f"metaflac --set-tag='TITLE={title}' --set-tag='ARTIST=Harbour Radio Archive' "
            f"--set-tag='TRACKNUMBER={i}' --set-tag='DATE=19{60 + i}' --set-tag='ALBUM=Coastal Sounds' "
            + (f"--set-tag='COMMENT=digitised from reel {100 + i}' " if i % 3 == 0 else "") + f"'{f}'", cwd=d)
    flacs = sorted(w.glob("*.flac"))
    flip(flacs[2], 0.45, seed=1)
    flip(flacs[5], 0.7, nbytes=2, seed=2)
    truncate(flacs[8], 0.6)
    data = flacs[11].read_bytes()
    flacs[11].write_bytes(b"fLaX" + data[4:])
    cut_middle(flacs[13], 0.5, 3000)
    cap("flac-test-archive", "flac -t wav/*.flac", d, n_flac_test, timeout=300)
    cap("flac-test-grep", "flac -t wav/*.flac 2>&1 | grep -iE 'error|warning|state'; echo EXIT=$?", d,
        n_flac_test, timeout=300)
    cap("metaflac-list-two", f"metaflac --list {flacs[0].relative_to(d)} {flacs[3].relative_to(d)}", d, n_metaflac)
    cap("metaflac-list-all", "metaflac --list --block-type=STREAMINFO,VORBIS_COMMENT wav/*.flac | head -n 150", d,
        n_metaflac)
    cap("metaflac-list-full", "metaflac --list wav/*.flac", d, n_metaflac)


def codec_ogg(tmp: Path) -> None:
    d = tmp / "archive"
    w = d / "wav"
    wavs = sorted(w.glob("*.wav"))[:18]
    og = d / "ogg"
    og.mkdir()
    op = d / "opus"
    op.mkdir()
    for f in wavs:
        run(f"oggenc -Q -q 3 -o ogg/{f.stem}.ogg wav/{f.name}", cwd=d)
        run(f"opusenc --quiet --bitrate 48 wav/{f.name} opus/{f.stem}.opus", cwd=d)
    oggs, opuses = sorted(og.glob("*.ogg")), sorted(op.glob("*.opus"))
    for files in (oggs, opuses):
        truncate(files[1], 0.55)
        flip(files[3], 0.5, seed=3)
        cut_middle(files[6], 0.4, 5000)
        junk(files[8], 4000, 9)
        flip(files[13], 0.3, nbytes=3, seed=13)
        truncate(files[16], 0.8)
    cap("ogginfo-archive", "ogginfo ogg/*.ogg", d, n_ogginfo, timeout=300)
    cap("ogginfo-damaged", f"ogginfo {oggs[6].relative_to(d)} {oggs[1].relative_to(d)}; echo EXIT=$?", d, n_ogginfo)
    cap("opusinfo-archive", "opusinfo opus/*.opus", d, n_opusinfo, timeout=300)
    cap("opusinfo-damaged", f"opusinfo {opuses[3].relative_to(d)} {opuses[6].relative_to(d)} 2>&1 | tail -n 60", d,
        n_opusinfo)


def codec_mp3(tmp: Path) -> None:
    d = tmp / "archive"
    w = d / "wav"
    wavs = sorted(w.glob("*.wav"))
    cap("lame-encode-v2", f"lame -V2 {wavs[0].relative_to(d)} mp3-01.mp3 && lame -V2 {wavs[1].relative_to(d)} "
        "mp3-02.mp3", d, n_lame)
    mp = d / "mp3"
    mp.mkdir()
    cap("lame-encode-batch", 'for f in wav/*.wav; do lame -V2 --tt "$(basename "$f" .wav)" --ta "Harbour Radio" '
        '"$f" "mp3/$(basename "$f" .wav).mp3"; done 2>&1 | tail -n 120', d, n_lame, timeout=900)
    cap("lame-encode-intake", "for f in intake/*.wav; do lame -V2 \"$f\" \"${f%.wav}.mp3\"; done; echo EXIT=$?", d,
        n_lame, timeout=300)
    mp3s = sorted(mp.glob("*.mp3"))
    truncate(mp3s[1], 0.5)
    flip(mp3s[3], 0.4, nbytes=10, seed=4)
    cut_middle(mp3s[5], 0.3, 777)
    junk(mp3s[7], 2500, 7)
    data = mp3s[9].read_bytes()
    mp3s[9].write_bytes(bytes(random.Random(9).randrange(256) for _ in range(1500)) + data)
    flip(mp3s[12], 0.6, nbytes=20, seed=12)
    truncate(mp3s[20], 0.7)
    flip(mp3s[25], 0.5, nbytes=4, seed=25)
    cap("mp3val-archive", "mp3val mp3/*.mp3", d, n_mp3val, timeout=300)
    cap("mp3val-one", f"mp3val -si {mp3s[12].relative_to(d)} {mp3s[5].relative_to(d)}; echo EXIT=$?", d, n_mp3val)
    cap("mpg123-test-archive", "mpg123 -t -v mp3/*.mp3", d, n_mpg123, timeout=600)
    cap("mpg123-test-grep", "mpg123 -t mp3/*.mp3 2>&1 | grep -iE 'error|warning|note|Playing'", d, n_mpg123,
        timeout=600)


def codec_shn(tmp: Path) -> None:
    d = tmp / "archive"
    w = d / "wav"
    sh = d / "cdr"
    sh.mkdir()
    wavs = sorted(w.glob("*.wav"))
    for i, f in enumerate(wavs):
        data = f.read_bytes()
        if i == 2:
            data = data[: len(data) - 10001]  # a cut-off sector
        elif i == 5:
            data = data + b"\x00" * 3333  # junk appended
        elif i == 9:  # a header promising more than the file holds
            data = data[:4] + struct.pack("<I", len(data) + 88200) + data[8:40] + struct.pack("<I", len(data) + 88192) \
                + data[44:]
        (sh / f.name).write_bytes(data)
    for f in sorted((d / "intake").glob("*.wav")):
        (sh / f.name).write_bytes(f.read_bytes())
    cap("shntool-len-cdr", "shntool len cdr/*.wav", d, n_shntool_len)
    cap("shntool-len-tail", "shntool len -t cdr/*.wav 2>&1 | tail -n 20; echo EXIT=$?", d, n_shntool_len)
    cap("shntool-info", "shntool info cdr/03-tide-tables.wav cdr/10-pilot-boat.wav cdr/06-shipping-forecast.wav "
        "cdr/field-rec-22k-mono.wav cdr/truncated.wav", d, n_shntool_info)
    cap("sndfile-info-cdr", "sndfile-info cdr/*.wav", d, n_sndfile_info)
    cap("sndfile-info-mixed", "sndfile-info wav/01-harbour-dawn.flac wav/03-tide-tables.flac ogg/04-fog-signal.ogg "
        "ogg/02-night-ferry.ogg wav/12-quay-lights.flac 2>&1 | head -n 100", d, n_sndfile_info)


STEPS = [codec_flac, codec_ogg, codec_mp3, codec_shn]
