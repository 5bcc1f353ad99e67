#!/usr/bin/env python3
"""Capture round 235 of the compression corpus: second samples of round 224's network management, time,
authentication and telephony kinds (Net-SNMP's snmpwalk, snmptable, snmpget and snmptranslate, FreeRADIUS -XC and -X
with radtest, kea-dhcp4 -t, dhcpd -t, chronyd and chronyc, SIPp's screens, error logs and statistics CSVs,
prosodyctl check, kamailio -c, keepalived -t) and third samples of round 225's music notation, synthesis and audio
codec kinds (LilyPond, Csound, abcm2ps, abc2midi, FluidSynth, TiMidity++, flac, metaflac, ogginfo, opusinfo, mp3val,
mpg123, lame, shntool, sndfile-info), on material of this round's own: an alpine ski resort's network (`snowline`:
lift controllers, snow-depth sensors, patrol radios, a ticket office PBX) with other faults put in, and a cathedral
choir's library (`cantoris`: anthems and psalm chants with faults put in, organ-loft orchestras, a carol book in abc,
MIDI parts written byte by byte) with a pond survey's frog and toad calls (seeded pulsed calls encoded, then damaged).
About half the command lines are typed as agents type them (`| tail -n 80`, `| head -n 100`, `| grep …`,
`; echo EXIT=$?`).

No rule is new: the needles come from the extractors of rounds 224 and 225, imported from capture_wide224_snmp.py,
capture_wide224_svc.py, capture_wide225_score.py and capture_wide225_codec.py (NEEDLES.md, "Round 235"). Nothing
captured here was compressed. Every server is started from Python on 127.0.0.1 and stopped at the end.

Usage:   .venv/bin/python scripts/corpus/capture_wide235.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide235.json  as {"version": 2, "items": [...]}, ids prefixed "wide235-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide235-"
DEFAULT_OUT = HERE / "data" / "wide235.json"
TMP = Path(os.environ.get("HM_WIDE235_TMP", "/dev/shm/hm-corpus-wide235"))

# the round's sizes: mostly 3-60 KB, a few small ones as real runs print them
MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def ensure_tools() -> None:
    """Rounds 224's and 225's tools from Debian, and round 224's base MIB modules (from the npm package net-snmp)."""
    import capture_wide224
    for tool, pkg in [("snmpd", "snmpd"), ("snmpwalk", "snmp"), ("freeradius", "freeradius"),
                      ("radtest", "freeradius-utils"), ("kea-dhcp4", "kea-dhcp4-server"),
                      ("/usr/sbin/dhcpd", "isc-dhcp-server"), ("chronyd", "chrony"), ("sipp", "sip-tester"),
                      ("prosodyctl", "prosody"), ("kamailio", "kamailio"), ("keepalived", "keepalived"),
                      ("lilypond", "lilypond"), ("csound", "csound"), ("abcm2ps", "abcm2ps"),
                      ("abc2midi", "abcmidi"), ("fluidsynth", "fluidsynth"), ("timidity", "timidity"),
                      ("flac", "flac"), ("ogginfo", "vorbis-tools"), ("opusinfo", "opus-tools"),
                      ("mp3val", "mp3val"), ("mpg123", "mpg123"), ("lame", "lame"), ("shntool", "shntool"),
                      ("sndfile-info", "sndfile-programs")]:
        cm.ensure_apt(tool, pkg)
    cm.PATH_PREFIX[:0] = ["/usr/sbin", "/sbin"]
    mibs = capture_wide224.TOOLS / "mibs"
    if not (mibs / "SNMPv2-SMI.txt").exists():
        mibs.mkdir(parents=True, exist_ok=True)
        cm.run("npm pack net-snmp@3.29.2 --silent && tar xzf net-snmp-*.tgz && for f in package/lib/mibs/*.mib; "
               "do cp \"$f\" mibs/$(basename \"$f\" .mib).txt; done", cwd=capture_wide224.TOOLS, timeout=300)


def steps() -> list:
    import capture_wide235_audio as audio  # round 225's kinds: the choir's library, the pond survey's calls
    import capture_wide235_net as net  # round 224's kinds: the ski resort's network
    return net.STEPS + audio.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide235", sys.modules["__main__"])
    main()
