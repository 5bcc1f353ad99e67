"""Round 93's media and images: a harbour webcam archive (test videos and tones made with ffmpeg and sox, some
damaged on purpose), a photo library of 200+ generated images (exiftool, ImageMagick), thumbnails and
visual-regression baselines, with the extractors of NEEDLES.md's "Round 93" rules for ffprobe, ffmpeg, exiftool,
ImageMagick, mediainfo and sox. Run through capture_wide93.py."""

from __future__ import annotations

import random
import re
from pathlib import Path

from capture_data import rule4
from capture_more import groups, kind, mask, run
from capture_wide93 import IM, cap

# ------------------------------------------------------------------ extractors

_EXIT = re.compile(r"^EXIT=\d+")


def _exits(lines):
    return [ln for ln in lines if _EXIT.match(ln)]


_FF_ERR = re.compile(r"Error|error|Invalid|Unsupported|No such (filter|file)|Conversion failed|corrupt|Could not|Failed|failed|"
                     r"moov atom not found|Truncat|damaged|not found")


def _ff_errors(lines):
    return [ln for ln in lines if _FF_ERR.search(ln) and not re.match(r"\s*\"?\w+\"?\s*[=:]", ln)
            and not re.search(r"\b(Input|Output) #\d|Stream #\d", ln)]


def _ff_warnings(lines, errs):
    """Rule 1's warnings: the other `[x @ 0x…] …` lines, one any per message shape (the address masked)."""
    return groups((re.sub(r"0x[0-9a-f]+", "0x", mask(ln)), ln) for ln in lines
                  if re.match(r"\s*\[[\w :./,-]+ @ 0x[0-9a-f]+\]", ln) and ln not in errs)


STREAM_KEYS = ("index", "codec_name", "codec_type", "width", "height", "sample_rate", "channels")
FORMAT_KEYS = ("filename", "format_name", "duration", "bit_rate")


@kind("ffprobe-streams", "table")
def n_ffprobe_streams(lines):
    """each [STREAM]'s index, codec_name, codec_type, width, height, sample_rate, channels; each [FORMAT]'s filename, format_name, duration, bit_rate; error lines"""
    out, block = [], None
    for ln in lines:
        s = ln.strip()
        if s in ("[STREAM]", "[FORMAT]"):
            block = s
            continue
        if s.startswith("[/"):
            block = None
            continue
        key = s.split("=", 1)[0]
        if (block == "[STREAM]" and key in STREAM_KEYS) or (block == "[FORMAT]" and key in FORMAT_KEYS):
            out.append(s)
    errs = _ff_errors(lines)
    return out + errs + _ff_warnings(lines, errs) + _exits(lines)


@kind("ffprobe-json", "json")
def n_ffprobe_json(lines):
    """ffprobe-streams' values as the JSON lines holding them (streams' and format's keys), error lines"""
    out, where = [], None
    for ln in lines:
        if re.match(r'\s*"streams": \[', ln):
            where = "streams"
        elif re.match(r'\s*"format": \{', ln):
            where = "format"
        m = re.match(r'\s*"(\w+)": ', ln)
        if m and ((where == "streams" and m.group(1) in STREAM_KEYS) or (where == "format" and m.group(1) in FORMAT_KEYS)):
            out.append(ln)
    errs = [ln for ln in _ff_errors(lines) if not ln.lstrip().startswith(('"', "{", "}", "]"))]
    return out + errs + _ff_warnings(lines, errs) + _exits(lines)


_PROGRESS = re.compile(r"(frame=\s*\d+.*time=|size=\s*\S+\s+time=)")


@kind("ffmpeg-log", "log")
def n_ffmpeg_log(lines):
    """Input/Output #N, Stream #N:M and Duration: lines, the last progress line, every error line; other [x @ 0x…] lines one any per shape"""
    out = [ln for ln in lines if re.match(r"\s*(Input|Output) #\d+", ln) or re.match(r"\s*Stream #\d+:\d+", ln)
           or re.match(r"\s*Duration:", ln)]
    prog = [ln for ln in lines if _PROGRESS.search(ln)]
    if prog:
        out.append(prog[-1])
    errs = [ln for ln in _ff_errors(lines) if not _PROGRESS.search(ln)]
    out += errs
    return out + _ff_warnings(lines, errs) + _exits(lines)


_EXIF_TAG = re.compile(r"^\[[^\]]+\]\s+(FileType|MIMEType|ImageSize)\s*:\s*(.*)$")


@kind("exiftool-tags", "table")
def n_exiftool_tags(lines):
    """Error/Warning tag lines with their ======== header; FileType/MIMEType/ImageSize lines of rare value (rule 4) with their header; the closing counts"""
    out, head = [], None
    recs: list[tuple[str, dict, dict]] = []  # header, {tag: value}, {tag: line}
    for ln in lines:
        if ln.startswith("======== "):
            head = ln
            recs.append((ln, {}, {}))
            continue
        if re.match(r"^\[[^\]]+\]\s+(Error|Warning)\s*:", ln) or re.match(r"^(Error|Warning): ", ln):
            out += [head, ln] if head and not ln.startswith(("Error:", "Warning:")) else [ln]
            continue
        m = _EXIF_TAG.match(ln)
        if m and recs:
            recs[-1][1][m.group(1)] = m.group(2).strip()
            recs[-1][2][m.group(1)] = ln
    out += _rare(recs)
    out += [ln for ln in lines if re.match(r"\s*\d+ (image files (read|updated|unchanged)|files could not be read|"
                                           r"directories scanned|files? failed condition)", ln)]
    return [n for n in out if n] + _exits(lines)


def _rare(recs):
    out = []
    for tag in ("FileType", "MIMEType", "ImageSize"):
        rows = [(r[2][tag], {"v": r[1][tag]}, r[0]) for r in recs if tag in r[1]]
        for n in rule4([(ln, d) for ln, d, _ in rows], cat=["v"]):
            out.append(n)
            out += [h for ln, _, h in rows if ln == n]
    return out


_JSON_TAG = re.compile(r'\s*"(?:\w+:)?(FileType|MIMEType|ImageSize)": "?(.*?)"?,?$')


@kind("exiftool-json", "json")
def n_exiftool_json(lines):
    """exiftool-tags' values on -json records: Error/Warning lines with their SourceFile line, rare FileType/MIMEType/ImageSize lines with theirs"""
    out, src = [], None
    recs: list[tuple[str, dict, dict]] = []
    for ln in lines:
        if re.match(r'\s*"SourceFile": ', ln):
            src = ln
            recs.append((ln, {}, {}))
            continue
        if re.match(r'\s*"(?:\w+:)?(Error|Warning)": ', ln):
            out += [src, ln]
            continue
        m = _JSON_TAG.match(ln)
        if m and recs:
            recs[-1][1][m.group(1)] = m.group(2)
            recs[-1][2][m.group(1)] = ln
    out += _rare(recs)
    out += [ln for ln in lines if re.match(r"(Error|Warning): ", ln)]
    return [n for n in out if n] + _exits(lines)


_IM_LINE = re.compile(r"^\S*(identify|convert|compare|magick|mogrify|composite|montage)\S*: ")


def _im_diag(lines, per_file=True):
    out, warn = [], []
    for ln in lines:
        if not _IM_LINE.match(ln):
            continue
        if "@ warning/" in ln:
            f = re.search(r"[`'‘]([^'’`]+)['’]", ln)
            warn.append(((mask(ln), f.group(1) if f and per_file else ""), ln))
        else:
            out.append(ln)
    return out + groups(warn)


@kind("identify-verbose", "table")
def n_identify_verbose(lines):
    """every Image: line (IM6 names the file on its Filename: line) with its Geometry:, Type:, Colorspace: lines; identify errors, warnings one any per (shape, file)"""
    out = [ln for ln in lines if re.match(r"^Image:", ln) or re.match(r"^  (Filename|Geometry|Type|Colorspace): ", ln)]
    return out + _im_diag(lines) + _exits(lines)


@kind("imagemagick-error", "log")
def n_im_error(lines):
    """every ImageMagick error line, @ warning lines one any per shape, the loop's == file line before a failure"""
    out = []
    for i, ln in enumerate(lines):
        if ln.startswith("== ") and i + 1 < len(lines) and _IM_LINE.match(lines[i + 1]):
            out.append(ln)
    return out + _im_diag(lines, per_file=False) + _exits(lines)


_METRIC = re.compile(r"(^|[\s=])(-?\d+(\.\d+)?(e[-+]?\d+)?|inf|nan)(\s+\([\d.e+-]+\))?\s*$")


@kind("imagemagick-compare", "table")
def n_im_compare(lines):
    """every line holding a metric value (with the names the loop printed on it), every error line"""
    out = [ln for ln in lines if _METRIC.search(ln) and not _IM_LINE.match(ln)]
    return out + _im_diag(lines) + _exits(lines)


_MI_KEYS = re.compile(r"^(Complete name|Format|Duration|Width|Height|Sampling rate|Channel\(s\)|Overall bit rate|"
                      r"Bit rate)\s+: ")


@kind("mediainfo", "table")
def n_mediainfo(lines):
    """every Complete name line, section header, and each section's Format/Duration/Width/Height/Sampling rate/Channel(s)/bit rate lines"""
    out = [ln for ln in lines if _MI_KEYS.match(ln) or re.match(r"^(General|Video|Audio|Image|Text|Menu)( #\d+)?$", ln)]
    out += [ln for ln in lines if re.search(r"\b(Error|error|cannot|Cannot)\b", ln)]
    return out + _exits(lines)


_SOX_DIAG = re.compile(r"\b(sox|soxi) (FAIL|WARN)\b")


@kind("sox-info", "table")
def n_sox_info(lines):
    """every file's Input File, Channels, Sample Rate, Duration, Sample Encoding lines; sox/soxi FAIL and WARN lines"""
    out = [ln for ln in lines if re.match(r"^(Input File|Channels|Sample Rate|Duration|Sample Encoding)\s*:", ln)
           or _SOX_DIAG.search(ln)]
    out += [ln for ln in lines if re.match(r"^Total Duration of \d+ files", ln)]
    return out + _exits(lines)


@kind("sox-stat", "table")
def n_sox_stat(lines):
    """Samples read, Length, Maximum/Minimum/RMS amplitude, Rough frequency lines (with the loop's == file line); sox WARN/FAIL lines"""
    out = [ln for ln in lines if ln.startswith("== ") or _SOX_DIAG.search(ln) or re.match(
        r"^(Samples read|Length \(seconds\)|Maximum amplitude|Minimum amplitude|RMS\s+amplitude|Rough\s+frequency):", ln)]
    return out + _exits(lines)


# ------------------------------------------------------------------ the media, made here

SITES = ["harbor", "pier", "lighthouse", "marina", "breakwater", "ferry", "dock", "quay", "jetty", "slipway"]
SCENES = ["dawn", "noon", "dusk", "night", "storm", "fog"]


def damage(path: Path, seed: int, hits: int, width: int = 64, skip: int = 4096) -> None:
    """Overwrite `hits` runs of `width` bytes past the first `skip` bytes with seeded garbage."""
    rnd = random.Random(seed)
    b = bytearray(path.read_bytes())
    for _ in range(hits):
        at = rnd.randrange(skip, max(skip + 1, len(b) - width))
        b[at:at + width] = bytes(rnd.randrange(256) for _ in range(width))
    path.write_bytes(bytes(b))


def truncate(path: Path, keep: float) -> None:
    b = path.read_bytes()
    path.write_bytes(b[: int(len(b) * keep)])


def make_clips(tmp: Path) -> Path:
    """Twelve short webcam clips (varied sizes, rates, codecs and containers, some with a tone), one damaged, one cut."""
    d = tmp / "cam"
    (d / "clips").mkdir(parents=True)
    rnd = random.Random(9301)
    specs = []
    for k in range(12):
        w, h = rnd.choice([(320, 240), (320, 180), (426, 240), (480, 270), (352, 288)])
        rate = rnd.choice([10, 12, 15, 25])
        src = rnd.choice(["testsrc", "testsrc2", "smptebars", "rgbtestsrc"])
        ext, vcodec = rnd.choice([("mp4", "libx264 -preset ultrafast"), ("mkv", "libx264 -preset ultrafast"),
                                  ("avi", "mpeg4 -q:v 6"), ("mov", "mpeg4 -q:v 5")])
        name = f"{SITES[k % len(SITES)]}_{SCENES[k % len(SCENES)]}_{k:02d}.{ext}"
        audio = "" if k % 4 == 3 else f"-f lavfi -i sine=frequency={rnd.choice([220, 440, 660, 880])}:sample_rate={rnd.choice([22050, 44100, 48000])}"
        acodec = "" if not audio else ("-c:a aac -b:a 64k" if ext in ("mp4", "mov") else "-c:a libmp3lame -b:a 64k")
        dur = rnd.choice([2, 3, 4])
        specs.append(name)
        run(f"nice ffmpeg -v error -y -f lavfi -i {src}=size={w}x{h}:rate={rate}:duration={dur} {audio} -t {dur} "
            f"-c:v {vcodec} {acodec} -pix_fmt yuv420p clips/{name}", cwd=d, timeout=120)
    damage(d / "clips" / specs[5], 5, 30)
    truncate(d / "clips" / specs[8], 0.55)
    # a longer clip to transcode, and one damaged in many places to decode
    run("nice ffmpeg -v error -y -f lavfi -i testsrc2=size=480x270:rate=25:duration=12 -f lavfi -i "
        "sine=frequency=330:sample_rate=44100:duration=12 -c:v mpeg4 -q:v 4 -c:a libmp3lame harbor_timelapse.avi", cwd=d)
    run("cp harbor_timelapse.avi harbor_timelapse_damaged.avi", cwd=d)
    damage(d / "harbor_timelapse_damaged.avi", 93, 25, width=48, skip=20000)
    return d


def make_audio(tmp: Path) -> Path:
    """Twenty foghorn and buoy-bell tones (wav, flac, aiff), one with a broken header, one clipped."""
    d = tmp / "sound"
    (d / "audio").mkdir(parents=True)
    rnd = random.Random(9302)
    names = []
    for k in range(20):
        kind_ = rnd.choice(["foghorn", "bell", "buoy", "siren", "chime"])
        ext = rnd.choice(["wav", "wav", "wav", "flac", "aiff"])
        rate = rnd.choice([8000, 16000, 22050, 44100, 48000])
        ch = rnd.choice([1, 1, 2])
        bits = rnd.choice([16, 16, 24]) if ext != "flac" else 16
        dur = round(rnd.uniform(0.4, 3.5), 2)
        wave = rnd.choice(["sine", "square", "triangle", "sawtooth"])
        f = rnd.randint(90, 1800)
        name = f"{kind_}_{k:02d}.{ext}"
        names.append(name)
        run(f"sox -n -r {rate} -c {ch} -b {bits} audio/{name} synth {dur} {wave} {f} fade 0.05 {dur} 0.1 "
            f"vol {rnd.uniform(0.2, 0.9):.2f}", cwd=d)
    run("sox -n -r 44100 -c 1 -b 16 audio/foghorn_clipped.wav synth 2.0 square 110 vol 1.6", cwd=d)
    bad = d / "audio" / "bell_broken.wav"
    bad.write_bytes(b"RIFF\x10\x00\x00\x00WAVEjunk" + bytes(random.Random(7).randrange(256) for _ in range(900)))
    return d


def make_photos(tmp: Path) -> Path:
    """A photo library of 212 generated images (most 640x480 JPEG, some PNG, a few odd sizes and formats), tagged with
    exiftool, three of them broken; thumbnails; baselines and current renders for a visual-regression check."""
    d = tmp / "lib"
    for sub in ("photos", "thumbs", "baseline", "current", "inbox", "scans"):
        (d / sub).mkdir(parents=True)
    rnd = random.Random(9303)
    colours = ["navy", "teal", "khaki", "salmon", "gray60", "orchid", "tan", "steelblue", "olive", "coral"]
    cmds = []
    for k in range(212):
        ext = "jpg" if k % 5 else "png"
        size = "640x480" if k % 7 else "800x600"
        if k in (41, 133):
            size = "1920x1080"
        if k == 97:
            size = "96x96"
        if k == 150:
            ext = "gif"
        if k == 188:
            ext = "tif"
        a, b = rnd.sample(colours, 2)
        strip = "" if ext != "png" or k in (15, 95, 175, 195) else "-strip "  # IM's own text chunks left in a few
        cmds.append(f"{IM}convert -size {size} gradient:{a}-{b} {strip}-fill white -draw 'circle {rnd.randint(20, 90)},"
                    f"{rnd.randint(20, 90)} {rnd.randint(20, 90)},10' -quality 70 photos/IMG_{1000 + k:04d}.{ext}")
    run(" && ".join(cmds), cwd=d, timeout=600)
    run("exiftool -q -overwrite_original -Artist='Harbour Webcam Project' -Copyright='CC BY 4.0' "
        "-ImageDescription='harbour archive' -ext jpg -ext tif photos", cwd=d, timeout=300)
    run("exiftool -q -overwrite_original '-DateTimeOriginal=2024:06:0{1} 05:12:00' -Make=Acme -Model='DockCam 3' "
        "photos/IMG_10[0-4]*.jpg", cwd=d, timeout=300)
    truncate(d / "photos" / "IMG_1147.jpg", 0.08)
    (d / "photos" / "IMG_1166.jpg").write_text("<html><body>404 Not Found</body></html>\n")
    damage(d / "photos" / "IMG_1195.png", 11, 3, width=16, skip=40)
    # thumbnails with few colours (short histograms)
    for k in range(26):
        w, h = rnd.choice([(160, 120), (120, 160), (128, 128), (200, 150), (96, 64)])
        a, b, c = rnd.sample(colours, 3)
        ext = rnd.choice(["png", "png", "gif", "bmp"])
        depth = "-depth 8" if ext != "gif" else ""
        run(f"{IM}convert -size {w}x{h} xc:{a} -fill {b} -draw 'rectangle 0,0 {w // 2},{h // 3}' -fill {c} "
            f"-draw 'rectangle {w // 3},{h // 2} {w - 1},{h - 1}' {depth} thumbs/thumb_{k:02d}.{ext}", cwd=d)
    run(f"{IM}convert -size 40x30 xc:gray50 -type Grayscale thumbs/thumb_gray.png", cwd=d)
    # visual regression: 90 screens, a few changed, one at another size, one missing
    for k in range(90):
        name = f"screen_{['login', 'map', 'cams', 'tides', 'alerts', 'settings'][k % 6]}_{k:02d}.png"
        a, b = rnd.sample(colours, 2)
        base = f"-size 320x200 xc:{a} -fill {b} -draw 'rectangle 10,10 150,90' -fill black -draw 'rectangle 170,20 300,40'"
        run(f"{IM}convert {base} baseline/{name}", cwd=d)
        if k == 22:
            run(f"{IM}convert -size 320x210 xc:{a} current/{name}", cwd=d)
        elif k == 31:
            pass  # missing from the current run
        elif k % 9 == 4:
            run(f"{IM}convert {base} -fill red -draw 'rectangle 20,120 {40 + k * 3},180' current/{name}", cwd=d)
        else:
            speck = "-fill gray90 -draw 'point 5,5'" if k % 5 == 0 else ""
            run(f"{IM}convert {base} {speck} current/{name}", cwd=d)
    # an inbox of uploads to convert, several broken
    run("cp photos/IMG_1001.jpg inbox/pier_upload_01.jpg && cp photos/IMG_1147.jpg inbox/pier_upload_02.jpg && "
        "cp photos/IMG_1195.png inbox/dock_snapshot.png && : > inbox/empty_upload.png && "
        "printf 'not a tiff\\n' > inbox/tide_chart.tiff && cp photos/IMG_1166.jpg inbox/pier_upload_03.jpg", cwd=d)
    for k in range(12):  # a day's uploads: good copies, and some cut short, emptied or mislabelled
        src = f"photos/IMG_{1010 + 7 * k:04d}.{'png' if (1010 + 7 * k) % 5 == 0 else 'jpg'}"
        dst = d / "inbox" / f"quay_upload_{k + 4:02d}.jpg"
        dst.write_bytes((d / src).read_bytes())
        if k % 3 == 1:
            truncate(dst, 0.3)
        elif k % 4 == 2:
            dst.write_bytes(b"")
        elif k == 9:
            dst.write_bytes(b"GIF89a" + bytes(40))
    (d / "inbox" / "harbour_map.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" width="100" height="80">'
                                                   '<rect x="0" y="0" width="100" height="80" fill="blue"</svg>\n')
    (d / "inbox" / "notice.ps").write_text("%!PS\n/Times-Roman findfont 12 scalefont setfont 72 720 moveto "
                                           "(Harbour closed) show showpage\n")
    run(f"{IM}convert -size 1200x900 gradient:navy-khaki -quality 85 scans/survey_page_07.jpg && exiftool -q "
        "-overwrite_original -Make=Epson -Model='Perfection V39' -XResolution=300 -YResolution=300 "
        "-ResolutionUnit=inches '-DateTimeOriginal=2023:11:04 09:41:12' -Software='ScanLab 2.1' "
        "scans/survey_page_07.jpg", cwd=d)
    return d


# ------------------------------------------------------------------ steps


def ffprobe(tmp: Path) -> None:
    d = make_clips(tmp)
    clips = sorted(p.name for p in (d / "clips").iterdir())
    cap("ffprobe-show-streams-format", f"ffprobe -v error -show_streams -show_format clips/{clips[0]}", d,
        n_ffprobe_streams)
    cap("ffprobe-loop-all-clips", "for f in clips/*; do ffprobe -hide_banner -show_streams -show_format \"$f\"; done 2>&1",
        d, n_ffprobe_streams)
    cap("ffprobe-json-one", f"ffprobe -v quiet -of json -show_streams -show_format clips/{clips[3]}", d, n_ffprobe_json)
    cap("ffprobe-json-damaged-echo-exit", "for f in clips/*_05.* clips/*_08.*; do ffprobe -v warning -of json "
        "-show_format -show_streams $f; done 2>&1; echo EXIT=$?", d, n_ffprobe_json)
    cap("ffprobe-json-three", "for f in clips/*.mkv clips/*.mov; do ffprobe -v error -of json -show_streams "
        "-show_format \"$f\"; done", d, n_ffprobe_json)
    # ffmpeg runs
    cap("ffmpeg-transcode-timelapse", "nice ffmpeg -y -i harbor_timelapse.avi -c:v libx264 -preset veryfast -crf 26 "
        "-vf scale=640:-2 -c:a aac -b:a 96k -stats_period 0.2 harbor_timelapse.mp4", d, n_ffmpeg_log, timeout=300,
        typed="ffmpeg -y -i harbor_timelapse.avi -c:v libx264 -preset veryfast -crf 26 -vf scale=640:-2 -c:a aac "
        "-b:a 96k -stats_period 0.2 harbor_timelapse.mp4")
    cap("ffmpeg-filtergraph-fail-echo-exit", "ffmpeg -hide_banner -y -i harbor_timelapse.avi -vf "
        "\"scale=640:-2,drawtext=text='Harbor cam':x=10:y=10,colourbalance=rs=0.2\" -c:v libx264 out.mp4; echo EXIT=$?",
        d, n_ffmpeg_log)
    cap("ffmpeg-filter-complex-bad-pad", "ffmpeg -hide_banner -y -i harbor_timelapse.avi -i clips/" + clips[0] +
        " -filter_complex \"[0:v][1:v]overlay=10:10[v];[2:v]scale=100:-1[s]\" -map \"[v]\" pip.mp4 2>&1 | tail -n 40",
        d, n_ffmpeg_log)
    cap("ffmpeg-decode-damaged-tail-100", "nice ffmpeg -hide_banner -i harbor_timelapse_damaged.avi -f null - 2>&1 | "
        "tail -n 100", d, n_ffmpeg_log, timeout=300,
        typed="ffmpeg -hide_banner -i harbor_timelapse_damaged.avi -f null - 2>&1 | tail -n 100")
    cap("ffmpeg-batch-thumbs-tail-150", "mkdir -p thumbs && for f in clips/*; do ffmpeg -hide_banner -y -ss 1 -i \"$f\" "
        "-frames:v 1 -vf scale=160:-2 \"thumbs/$(basename \"${f%.*}\").jpg\" || echo \"FAILED $f\"; done 2>&1 | "
        "tail -n 150", d, n_ffmpeg_log, timeout=300)
    cap("ffmpeg-transcode-all-clips", "mkdir -p web && for f in clips/*; do nice ffmpeg -hide_banner -y -i \"$f\" "
        "-c:v libx264 -preset ultrafast -crf 28 -c:a aac -b:a 64k \"web/$(basename \"${f%.*}\").mp4\"; done 2>&1", d,
        n_ffmpeg_log, timeout=400, typed="mkdir -p web && for f in clips/*; do ffmpeg -hide_banner -y -i \"$f\" "
        "-c:v libx264 -preset ultrafast -crf 28 -c:a aac -b:a 64k \"web/$(basename \"${f%.*}\").mp4\"; done 2>&1")
    cap("ffmpeg-grep-error", "for f in clips/*; do ffmpeg -hide_banner -v warning -i \"$f\" -f null - ; done 2>&1 | "
        "grep -i -E 'error|invalid|corrupt|fail'", d, n_ffmpeg_log, timeout=300)
    cap("mediainfo-all-clips", "mediainfo clips/*", d, n_mediainfo)
    cap("mediainfo-timelapse", "mediainfo harbor_timelapse.avi", d, n_mediainfo)


def sound(tmp: Path) -> None:
    d = make_audio(tmp)
    cap("soxi-all-audio", "soxi audio/*", d, n_sox_info)
    cap("sox-i-wav-tail-120-echo-exit", "sox --i audio/*.wav 2>&1 | tail -n 120; echo EXIT=$?", d, n_sox_info)
    cap("sox-stat-loop", "for f in audio/*.wav audio/*.aiff; do echo \"== $f\"; sox \"$f\" -n stat; done 2>&1", d,
        n_sox_stat)
    cap("sox-stat-clipped-echo-exit", "sox audio/foghorn_clipped.wav -n stat 2>&1; sox audio/bell_broken.wav -n stat "
        "2>&1; echo EXIT=$?", d, n_sox_stat)
    cap("mediainfo-flac", "mediainfo audio/*.flac", d, n_mediainfo)


def images(tmp: Path) -> None:
    d = make_photos(tmp)
    cap("exiftool-a-g1-s-photos", "exiftool -a -G1 -s -FileName -FileType -MIMEType -ImageSize -Artist -Warning "
        "-Error photos/", d, n_exiftool_tags, timeout=300)
    cap("exiftool-a-g1-s-broken-echo-exit", "exiftool -a -G1 -s photos/IMG_1147.jpg photos/IMG_1166.jpg "
        "photos/IMG_1195.png photos/IMG_1150.gif photos/IMG_1188.tif photos/IMG_1003.jpg; echo EXIT=$?", d,
        n_exiftool_tags)
    cap("exiftool-json-photos-head", "exiftool -json -FileType -MIMEType -ImageSize -Warning -Error "
        "photos/IMG_11*.* | head -n 600", d, n_exiftool_json, timeout=300)
    cap("exiftool-json-scan-broken", "exiftool -json scans/survey_page_07.jpg photos/IMG_1147.jpg photos/IMG_1166.jpg", d, n_exiftool_json)
    cap("identify-verbose-thumbs", f"{IM}identify -verbose thumbs/*", d, n_identify_verbose,
        typed="identify -verbose thumbs/*")
    cap("identify-verbose-scan-head-120", f"{IM}identify -verbose scans/survey_page_07.jpg | head -n 120", d,
        n_identify_verbose, typed="identify -verbose scans/survey_page_07.jpg | head -n 120")
    cap("identify-verbose-grep", f"{IM}identify -verbose photos/IMG_11[4-9]* 2>&1 | grep -i -E "
        "'image:|filename|geometry|type:|colorspace|error|warning|corrupt'", d, n_identify_verbose,
        typed="identify -verbose photos/IMG_11[4-9]* 2>&1 | grep -i -E 'image:|filename|geometry|type:|colorspace|error|warning|corrupt'")
    cap("convert-inbox-loop-echo-exit", f"mkdir -p out && for f in inbox/*; do echo \"== $f\"; {IM}convert \"$f\" "
        "-resize 50% \"out/$(basename \"${f%.*}\").png\"; done 2>&1; echo EXIT=$?", d, n_im_error,
        typed="mkdir -p out && for f in inbox/*; do echo \"== $f\"; convert \"$f\" -resize 50% "
        "\"out/$(basename \"${f%.*}\").png\"; done 2>&1; echo EXIT=$?")
    cap("convert-montage-errors", f"{IM}convert photos/IMG_114*.jpg photos/IMG_1166.jpg -resize 200x150 -crop "
        "4000x4000+9000+9000 +append strip.jpg 2>&1; echo EXIT=$?; " f"{IM}convert photos/IMG_1001.jpg -resize 50% "
        "-colorspace CMYKK -quality 80 out.jpg 2>&1; echo EXIT=$?", d, n_im_error,
        typed="convert photos/IMG_114*.jpg photos/IMG_1166.jpg -resize 200x150 -crop 4000x4000+9000+9000 +append "
        "strip.jpg 2>&1; echo EXIT=$?; convert photos/IMG_1001.jpg -resize 50% -colorspace CMYKK -quality 80 out.jpg "
        "2>&1; echo EXIT=$?")
    cap("compare-rmse-loop", f"for f in baseline/*.png; do n=$(basename $f); printf '%s ' $n; {IM}compare -metric RMSE "
        "$f current/$n null: 2>&1; echo; done", d, n_im_compare,
        typed="for f in baseline/*.png; do n=$(basename $f); printf '%s ' $n; compare -metric RMSE $f current/$n null: "
        "2>&1; echo; done")
    cap("compare-ae-fuzz-echo-exit", f"for f in baseline/screen_[a-s]*.png; do n=$(basename $f); printf '%s AE=' $n; "
        f"{IM}compare -metric AE -fuzz 5% $f current/$n diff_$n 2>&1; echo; done; echo EXIT=$?", d, n_im_compare,
        typed="for f in baseline/screen_[a-s]*.png; do n=$(basename $f); printf '%s AE=' $n; compare -metric AE "
        "-fuzz 5% $f current/$n diff_$n 2>&1; echo; done; echo EXIT=$?")


STEPS = [ffprobe, sound, images]
