"""Round 180, round 93's kinds: a wildlife trail-camera survey (`trailcam`) made here: camera-trap clips and call
tones made with ffmpeg and sox (some damaged or cut short), camera-trap stills tagged with exiftool, thumbnails and
visual-regression renders of a survey dashboard, a field report set with groff and a plate book with pdflatex (damaged,
truncated, with a bad xref), and PostScript with mistakes put in. The extractors are round 93's, imported. Run through
capture_wide180.py."""

from __future__ import annotations

import random
from pathlib import Path

from capture_more import run, write_tree
from capture_wide180 import IM, cap
from capture_wide93_docs import (n_gs, n_pdffonts, n_pdfimages, n_pdfinfo, n_pdftotext, n_qpdf_check,
                                 n_qpdf_xref)
from capture_wide93_media import (damage, n_exiftool_json, n_exiftool_tags, n_ffmpeg_log, n_ffprobe_json,
                                  n_ffprobe_streams, n_identify_verbose, n_im_compare, n_im_error, n_mediainfo,
                                  n_sox_info, n_sox_stat, truncate)

SPOTS = ["beck", "copse", "ridge", "hollow", "ford", "spinney", "bank", "clearing", "gully", "hedge", "stile"]
ANIMALS = ["fox", "badger", "roe", "hare", "owl", "stoat", "otter", "heron"]


def make_clips(tmp: Path) -> Path:
    """Fourteen camera-trap clips (varied sizes, rates, codecs and containers, most with a call tone), one damaged,
    one cut short, one holding no stream; a longer night clip and a copy damaged in many places."""
    d = tmp / "cam"
    (d / "clips").mkdir(parents=True)
    rnd = random.Random(18001)
    names = []
    for k in range(14):
        w, h = rnd.choice([(320, 240), (400, 224), (480, 360), (360, 240), (256, 144)])
        rate = rnd.choice([8, 10, 15, 20, 30])
        src = rnd.choice(["testsrc", "mandelbrot", "smptehdbars", "cellauto", "life"])
        ext, vcodec = rnd.choice([("mp4", "libx264 -preset ultrafast"), ("mkv", "libx264 -preset ultrafast"),
                                  ("avi", "mjpeg -q:v 8"), ("mov", "mpeg4 -q:v 7"), ("webm", "libvpx -b:v 200k -deadline realtime")])
        name = f"{SPOTS[k % len(SPOTS)]}_{ANIMALS[k % len(ANIMALS)]}_{k:02d}.{ext}"
        acodec = {"mp4": "-c:a aac -b:a 48k", "mov": "-c:a aac -b:a 48k", "mkv": "-c:a libopus -b:a 32k",
                  "avi": "-c:a pcm_s16le", "webm": "-c:a libvorbis -q:a 2"}[ext]
        audio = "" if k % 5 == 2 else f"-f lavfi -i sine=frequency={rnd.choice([300, 520, 1250, 2400])}:sample_rate=" \
                                       f"{rnd.choice([16000, 24000, 48000])}"
        if not audio:
            acodec = ""
        dur = rnd.choice([2, 3])
        if src in ("cellauto", "life"):
            src_arg = f"{src}=size={w}x{h}:rate={rate}"
        else:
            src_arg = f"{src}=size={w}x{h}:rate={rate}"
        names.append(name)
        run(f"nice ffmpeg -v error -y -f lavfi -i {src_arg} {audio} -t {dur} -c:v {vcodec} {acodec} -pix_fmt yuv420p "
            f"clips/{name}", cwd=d, timeout=180)
    damage(d / "clips" / names[4], 1804, 24, width=80)
    truncate(d / "clips" / names[9], 0.4)
    (d / "clips" / "ridge_empty_99.mp4").write_bytes(b"\x00\x00\x00\x18ftypisom" + bytes(300))
    run("nice ffmpeg -v error -y -f lavfi -i testsrc2=size=400x300:rate=15:duration=15 -f lavfi -i "
        "anoisesrc=color=pink:amplitude=0.2:sample_rate=32000:duration=15 -c:v mpeg4 -q:v 5 -c:a libmp3lame "
        "night_run.avi", cwd=d, timeout=300)
    run("cp night_run.avi night_run_damaged.avi", cwd=d)
    damage(d / "night_run_damaged.avi", 1805, 30, width=56, skip=24000)
    return d


def make_audio(tmp: Path) -> Path:
    """Twenty-four call recordings (wav, flac, aiff), one with a broken header, one clipped, one silent."""
    d = tmp / "calls"
    (d / "audio").mkdir(parents=True)
    rnd = random.Random(18002)
    for k in range(24):
        who = rnd.choice(["tawny", "wren", "nightjar", "vixen", "blackbird", "curlew"])
        ext = rnd.choice(["wav", "wav", "flac", "aiff"])
        rate = rnd.choice([11025, 16000, 32000, 44100, 96000])
        ch = rnd.choice([1, 2, 1])
        bits = 16 if ext == "flac" else rnd.choice([8, 16, 24, 32])
        dur = round(rnd.uniform(0.3, 2.8), 2)
        wave = rnd.choice(["sine", "square", "triangle", "pluck", "sawtooth"])
        f1, f2 = rnd.randint(200, 900), rnd.randint(1000, 4000)
        run(f"sox -n -r {rate} -c {ch} -b {bits} audio/{who}_{k:02d}.{ext} synth {dur} {wave} {f1}-{f2} "
            f"fade 0.02 {dur} 0.2 vol {rnd.uniform(0.1, 0.95):.2f}", cwd=d)
    run("sox -n -r 48000 -c 2 -b 16 audio/vixen_clipped.wav synth 1.5 square 180 vol 2.2", cwd=d)
    run("sox -n -r 22050 -c 1 -b 16 audio/quiet_hollow.wav trim 0 1.2", cwd=d)
    (d / "audio" / "owl_broken.wav").write_bytes(b"RIFF\x20\x00\x00\x00WAVEfmt " + bytes(
        random.Random(18).randrange(256) for _ in range(700)))
    return d


COLOURS = ["darkgreen", "sienna", "olivedrab", "peru", "slategray", "wheat", "firebrick", "darkkhaki", "moccasin", "gray30"]


def make_stills(tmp: Path) -> Path:
    """160 camera-trap stills (most 640x360 JPEG, some PNG, odd sizes, a BMP and a WebP), tagged, four broken;
    14 thumbnails; 60 dashboard renders against their baselines; an inbox of uploads to convert, several broken."""
    d = tmp / "stills"
    for sub in ("traps", "thumbs", "baseline", "current", "inbox"):
        (d / sub).mkdir(parents=True)
    rnd = random.Random(18003)
    cmds = []
    for k in range(160):
        ext = "jpg" if k % 6 else "png"
        size = "640x360" if k % 8 else "1024x576"
        if k in (37, 121):
            size = "2048x1152"
        if k == 88:
            size = "80x45"
        if k == 101:
            ext = "bmp"
        if k == 143:
            ext = "webp"
        a, b = rnd.sample(COLOURS, 2)
        cmds.append(f"{IM}convert -size {size} plasma:{a}-{b} -seed {k} -fill black -draw 'ellipse {rnd.randint(60, 300)},"
                    f"{rnd.randint(60, 200)} {rnd.randint(10, 40)},{rnd.randint(8, 30)} 0,360' -quality 65 "
                    f"traps/CT{2000 + k:04d}.{ext}")
    for i in range(0, len(cmds), 40):
        run(" && ".join(cmds[i:i + 40]), cwd=d, timeout=600)
    run("exiftool -q -overwrite_original -Artist='Dale Survey Group' -Make=Browning -Model='Recon Force' "
        "-ext jpg traps", cwd=d, timeout=300)
    run("exiftool -q -overwrite_original '-DateTimeOriginal=2025:03:14 02:41:00' -GPSLatitude=54.31 "
        "-GPSLatitudeRef=N -GPSLongitude=2.11 -GPSLongitudeRef=W traps/CT20[0-3]*.jpg", cwd=d, timeout=300)
    truncate(d / "traps" / "CT2077.jpg", 0.12)
    (d / "traps" / "CT2090.jpg").write_text("Access denied: quota exceeded\n")
    damage(d / "traps" / "CT2132.png", 1806, 4, width=12, skip=60)
    (d / "traps" / "CT2159.jpg").write_bytes(b"")
    for k in range(14):
        w, h = rnd.choice([(150, 100), (100, 150), (120, 120), (180, 101)])
        a, b, c = rnd.sample(COLOURS, 3)
        ext = rnd.choice(["png", "gif", "png", "tga"])
        run(f"{IM}convert -size {w}x{h} xc:{a} -fill {b} -draw 'circle {w // 2},{h // 2} {w // 2},{h // 5}' -fill {c} "
            f"-draw 'line 0,0 {w - 1},{h - 1}' thumbs/t{k:02d}.{ext}", cwd=d)
    for k in range(60):
        name = f"dash_{['sites', 'detections', 'species', 'calendar', 'export'][k % 5]}_{k:02d}.png"
        a, b = rnd.sample(COLOURS, 2)
        base = f"-size 300x180 xc:{a} -fill {b} -draw 'rectangle 12,12 140,80' -fill white -draw 'rectangle 160,30 280,50'"
        run(f"{IM}convert {base} baseline/{name}", cwd=d)
        if k == 17:
            run(f"{IM}convert -size 300x190 xc:{a} current/{name}", cwd=d)
        elif k == 44:
            pass  # not rendered this time
        elif k % 7 == 3:
            run(f"{IM}convert {base} -fill yellow -draw 'rectangle 30,100 {50 + k * 2},170' current/{name}", cwd=d)
        else:
            speck = "-fill gray80 -draw 'point 3,3'" if k % 6 == 0 else ""
            run(f"{IM}convert {base} {speck} current/{name}", cwd=d)
    for k in range(14):
        src = d / "traps" / f"CT{2003 + 5 * k:04d}.{'png' if (3 + 5 * k) % 6 == 0 else 'jpg'}"
        dst = d / "inbox" / f"upload_{k:02d}.jpg"
        dst.write_bytes(src.read_bytes())
        if k % 4 == 1:
            truncate(dst, 0.25)
        elif k == 6:
            dst.write_bytes(b"")
        elif k == 10:
            dst.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(50))
    (d / "inbox" / "site_map.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" width="90" height="60">'
                                               '<circle cx="30" cy="30" r="20" fill="green"</svg>\n')
    (d / "inbox" / "notes.txt").write_text("trap 7 moved to the ford\n")
    return d


# ------------------------------------------------------------------ documents

HEADS = ["Survey Design", "Trap Placement", "Detection Rates", "Badger Setts", "Fox Activity", "Otter Signs",
         "Night Records", "Camera Failures", "Weather Effects", "Data Handling", "Species Accounts", "Disturbance",
         "Recommendations", "Habitat Notes", "Seasonal Trends", "Volunteer Effort"]
WORDS = ("each camera trap was checked at dawn and the card swapped while the recorder noted battery level trigger "
         "count lens condition and any sign of animal interest near the post before the next visit along the beck "
         "where tracks and spraint were logged against the grid reference").split()


def para(rnd: random.Random, n: int) -> str:
    return " ".join(rnd.choice(WORDS) for _ in range(n)).capitalize() + "."


def report_ms(seed: int, sections: int) -> str:
    rnd = random.Random(seed)
    out = [".TL\nTrail Camera Survey Report\n.AU\nDale Survey Group\n.AB\n" + para(rnd, 50) + "\n.AE\n"]
    for s in range(sections):
        out.append(f".NH 1\n{HEADS[s % len(HEADS)]}\n.PP\n{para(rnd, rnd.randint(70, 120))}\n")
        if s % 3 == 1:
            out.append(".TS\ncenter box;\nl n n.\nSite\tNights\tDetections\n_\n" + "".join(
                f"{SPOTS[(s + r) % len(SPOTS)].title()}\t{rnd.randint(5, 40)}\t{rnd.randint(0, 90)}\n" for r in range(5))
                + ".TE\n")
        for t in range(rnd.randint(1, 3)):
            out.append(f".NH 2\n{rnd.choice(['Method', 'Results', 'Caveats', 'Follow-up'])} for "
                       f"{HEADS[(s + t + 5) % len(HEADS)].lower()}\n.PP\n{para(rnd, rnd.randint(50, 110))}\n")
    return "".join(out)


def plates_tex(images: list[str]) -> str:
    body = [f"\\section*{{Plate {k + 1}}}\n\\includegraphics[width=0.35\\textwidth]{{{img}}}\n\n"
            f"\\textbf{{Site}} {SPOTS[k % len(SPOTS)]}, \\textit{{night}} {1 + k % 14}, \\texttt{{CT{2000 + k:04d}}}.\n"
            for k, img in enumerate(images)]
    return ("\\documentclass{article}\n\\usepackage{graphicx}\n\\begin{document}\n\\title{Plate Book}\n"
            "\\author{Dale Survey Group}\n\\maketitle\n" + "\n".join(body) + "\n\\end{document}\n")


LEGEND_PS = """%!PS
/Helvetica findfont 11 scalefont setfont
/label { /y exch def 72 y moveto show } def
(Fox  12 nights) 700 label
(Badger  9 nights) 685 label
showpage
(Otter  2 nights) 700 label
/Courier findfont 10 scalefont setfont
72 660 moveto (Roe deer) showstring
showpage
"""

GRID_PS = """%!PS
/Times-Roman findfont 10 scalefont setfont
0 1 9 { /i exch def 72 i 60 mul 100 add moveto (Grid square ) show i 2 string cvs show } for
showpage
/traps 14 def
traps (cameras) mul
showpage
"""


def make_docs(tmp: Path) -> Path:
    d = tmp / "docs"
    (d / "pdfs").mkdir(parents=True)
    (d / "img").mkdir()
    write_tree(d, {"report.ms": report_ms(18004, 22), "brief.ms": report_ms(18005, 4), "legend.ps": LEGEND_PS,
                   "grid.ps": GRID_PS})
    run("groff -t -ms -Tps report.ms > report.ps && ps2pdf report.ps report.pdf", cwd=d, timeout=300)
    run("groff -t -ms -Tps brief.ms > brief.ps && ps2pdf -dEmbedAllFonts=false brief.ps pdfs/brief_plain.pdf", cwd=d)
    rnd = random.Random(18006)
    imgs = []
    for k in range(36):
        w, h = rnd.choice([(320, 180), (320, 180), (360, 240), (180, 320)])
        if k == 9:
            w, h = 1800, 1000
        if k == 25:
            w, h = 48, 32
        ext = "jpg" if k % 3 else "png"
        gray = "-colorspace Gray" if k in (4, 29) else ""
        a, b = rnd.sample(COLOURS, 2)
        run(f"{IM}convert -size {w}x{h} gradient:{a}-{b} {gray} -quality 55 img/plate_{k:02d}.{ext}", cwd=d)
        imgs.append(f"img/plate_{k:02d}.{ext}")
    (d / "plates.tex").write_text(plates_tex(imgs))
    run("pdflatex -interaction=batchmode plates.tex >/dev/null", cwd=d, timeout=300)
    run("cp report.pdf plates.pdf pdfs/ && cp report.pdf pdfs/report_damaged.pdf && cp report.pdf pdfs/report_cut.pdf "
        "&& cp plates.pdf pdfs/plates_badxref.pdf && cp report.pdf pdfs/report_scuffed.pdf", cwd=d)
    damage(d / "pdfs" / "report_damaged.pdf", 18007, 16, width=36, skip=2500)
    damage(d / "pdfs" / "report_scuffed.pdf", 18008, 5, width=30, skip=2500)
    truncate(d / "pdfs" / "report_cut.pdf", 0.62)
    bad = d / "pdfs" / "plates_badxref.pdf"
    b = bad.read_bytes()
    i = b.rfind(b"startxref")
    bad.write_bytes(b[:i] + b"startxref\n" + str(int(len(b) * 0.53)).encode() + b"\n%%EOF\n")
    run("qpdf --encrypt dale hush 256 -- report.pdf pdfs/report_locked.pdf", cwd=d)
    return d


# ------------------------------------------------------------------ steps


def clips(tmp: Path) -> None:
    d = make_clips(tmp)
    cap("ffprobe-loop-all-clips", "for f in clips/*; do ffprobe -hide_banner -show_streams -show_format \"$f\"; done 2>&1",
        d, n_ffprobe_streams)
    cap("ffprobe-streams-damaged-echo-exit", "ffprobe -v warning -show_streams -show_format clips/*_04.* 2>&1; "
        "echo EXIT=$?", d, n_ffprobe_streams)
    cap("ffprobe-json-mkv-webm", "for f in clips/*.mkv clips/*.webm; do ffprobe -v error -of json -show_streams "
        "-show_format \"$f\"; done", d, n_ffprobe_json)
    cap("ffprobe-json-cut-empty-echo-exit", "for f in clips/*_09.* clips/ridge_empty_99.mp4 clips/*_00.*; do ffprobe "
        "-v warning -of json -show_format -show_streams \"$f\"; done 2>&1; echo EXIT=$?", d, n_ffprobe_json)
    cap("ffmpeg-loop-h264-all-clips", "mkdir -p web && for f in clips/*; do nice ffmpeg -hide_banner -y -i \"$f\" "
        "-c:v libx264 -preset ultrafast -crf 30 -c:a aac -b:a 48k \"web/$(basename \"${f%.*}\").mp4\"; done 2>&1 | "
        "tail -n 400", d, n_ffmpeg_log, timeout=600,
        typed="mkdir -p web && for f in clips/*; do ffmpeg -hide_banner -y -i \"$f\" -c:v libx264 -preset ultrafast "
        "-crf 30 -c:a aac -b:a 48k \"web/$(basename \"${f%.*}\").mp4\"; done 2>&1 | tail -n 400")
    cap("ffmpeg-decode-night-damaged-tail-80", "nice ffmpeg -hide_banner -i night_run_damaged.avi -f null - 2>&1 | "
        "tail -n 80", d, n_ffmpeg_log, timeout=300,
        typed="ffmpeg -hide_banner -i night_run_damaged.avi -f null - 2>&1 | tail -n 80")
    cap("ffmpeg-night-gif-bad-filter-echo-exit", "ffmpeg -hide_banner -y -i night_run.avi -vf "
        "\"fps=5,scale=320:-1:flags=lanczos,palettegen=stats_mode=diff,paletteuse\" night.gif; echo EXIT=$?", d,
        n_ffmpeg_log, timeout=300)
    cap("mediainfo-all-clips", "mediainfo clips/*", d, n_mediainfo)


def calls(tmp: Path) -> None:
    d = make_audio(tmp)
    cap("soxi-all-calls-echo-exit", "soxi audio/* 2>&1; echo EXIT=$?", d, n_sox_info)
    cap("sox-stat-loop-wav", "for f in audio/*.wav audio/*.aiff; do echo \"== $f\"; sox \"$f\" -n stat; done 2>&1", d,
        n_sox_stat)
    cap("mediainfo-flac-aiff", "mediainfo audio/*.flac audio/*.aiff", d, n_mediainfo)


def stills(tmp: Path) -> None:
    d = make_stills(tmp)
    cap("exiftool-a-g1-s-traps", "exiftool -a -G1 -s -FileName -FileType -MIMEType -ImageSize -Model -Warning -Error "
        "traps/", d, n_exiftool_tags, timeout=300)
    cap("exiftool-json-traps-head-500", "exiftool -json -FileType -MIMEType -ImageSize -DateTimeOriginal -Warning "
        "-Error traps/CT20[5-9]*.* | head -n 500", d, n_exiftool_json, timeout=300)
    cap("identify-verbose-thumbs-head-1500", f"{IM}identify -verbose thumbs/t0[0-5]* | head -n 1500", d,
        n_identify_verbose, typed="identify -verbose thumbs/t0[0-5]* | head -n 1500")
    cap("identify-verbose-grep-broken", f"{IM}identify -verbose traps/CT207* traps/CT209* traps/CT213* 2>&1 | grep -i -E "
        "'image:|filename|geometry|type:|colorspace|error|warning|corrupt'", d, n_identify_verbose,
        typed="identify -verbose traps/CT207* traps/CT209* traps/CT213* 2>&1 | grep -i -E "
        "'image:|filename|geometry|type:|colorspace|error|warning|corrupt'")
    cap("convert-inbox-loop-echo-exit", f"mkdir -p small && for f in inbox/*; do echo \"== $f\"; {IM}convert \"$f\" "
        "-resize 320x \"small/$(basename \"${f%.*}\").webp\"; done 2>&1; echo EXIT=$?", d, n_im_error,
        typed="mkdir -p small && for f in inbox/*; do echo \"== $f\"; convert \"$f\" -resize 320x "
        "\"small/$(basename \"${f%.*}\").webp\"; done 2>&1; echo EXIT=$?")
    cap("compare-rmse-dash-loop", f"for f in baseline/*.png; do n=$(basename $f); printf '%s ' $n; {IM}compare -metric "
        "RMSE $f current/$n null: 2>&1; echo; done", d, n_im_compare,
        typed="for f in baseline/*.png; do n=$(basename $f); printf '%s ' $n; compare -metric RMSE $f current/$n null: "
        "2>&1; echo; done")


def documents(tmp: Path) -> None:
    d = make_docs(tmp)
    cap("pdftotext-layout-report", "pdftotext -layout report.pdf -", d, n_pdftotext)
    cap("pdfinfo-loop-pdfs", "for f in pdfs/*.pdf; do echo \"== $f\"; pdfinfo \"$f\"; done 2>&1", d, n_pdfinfo)
    cap("pdffonts-loop-pdfs-echo-exit", "for f in pdfs/*.pdf; do echo \"== $f\"; pdffonts \"$f\"; done 2>&1; "
        "echo EXIT=$?", d, n_pdffonts)
    cap("pdfimages-list-plates", "pdfimages -list plates.pdf", d, n_pdfimages)
    cap("qpdf-check-damaged-cut", "qpdf --check pdfs/report_damaged.pdf 2>&1 | tail -n 60; qpdf --check "
        "pdfs/report_cut.pdf; echo EXIT=$?", d, n_qpdf_check)
    cap("qpdf-show-xref-plates-head-250", "qpdf --show-xref plates.pdf | head -n 250", d, n_qpdf_xref)
    cap("gs-png-scuffed-tail-60", "mkdir -p pages && gs -dBATCH -dNOPAUSE -sDEVICE=png16m -r24 -o pages/p%03d.png "
        "pdfs/report_scuffed.pdf 2>&1 | tail -n 60", d, n_gs, timeout=300)
    cap("gs-pdfwrite-legend-grid-echo-exit", "gs -q -dBATCH -dNOPAUSE -sDEVICE=pdfwrite -o legend.pdf legend.ps; "
        "echo EXIT=$?; ps2pdf grid.ps grid.pdf; echo EXIT=$?", d, n_gs)


STEPS = [clips, calls, stills, documents]
