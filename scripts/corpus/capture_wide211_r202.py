"""Round 211, second samples of round 202's kinds: the mail relay of an alpine huts' association (`hutnet`) under
Debian's Exim 4 (`exim -C` on configs of this round's own, with other faults: a router's redirect file missing, an
option misspelled, an ACL condition unknown, a retry rule malformed), Pigeonhole's sievec and sieve-test on the huts'
booking filters, procmail over a seeded mailbox of reservations, rspamadm configtest; a lake observatory's
(`lakeview`) FITS spectra and images, GRIB surface forecasts and a buoy's netCDF records, written here by seeded
generators with other faults put in. The needles come from round 202's extractors, imported as they are
(NEEDLES.md, "Round 211"). Run through capture_wide211.py."""

from __future__ import annotations

import random
from pathlib import Path

from capture_more import run, write_tree
from capture_wide202_astro import (n_fitsdiff, n_fitsheader, n_fitsinfo, n_fitsverify, n_gethead, n_grib_compare,
                                   n_grib_dump, n_grib_ls, n_ncks)
from capture_wide202_mail import (n_exim_bh, n_exim_bp, n_exim_bt, n_exim_bv, n_eximstats, n_procmail, n_rspamadm,
                                  n_sieve_test, n_sievec)
from capture_wide211 import VENV, add, cap

PY = VENV / "bin" / "python"

# ------------------------------------------------------------------ hutnet's Exim

HUTS = ["gletscher", "murmeli", "steinbock", "edelweiss", "lawine", "firn", "grat", "joch", "moraene", "arve",
        "bergsee", "kamin", "alpage", "seilbahn", "bivak", "huettenwart", "kassier", "tourenleiter"]


def exim_conf(root: Path, fault: str = "") -> str:
    r = str(root)
    return f"""
primary_hostname = mail.hutnet.test
qualify_domain = hutnet.test
exim_user = Debian-exim
exim_group = Debian-exim
spool_directory = {r}/spool
log_file_path = {r}/log/%slog
keep_environment =
{"queue_only_laod = 8" if fault == "option" else "queue_only_load = 8"}
domainlist local_domains = hutnet.test : huetten.test : bergfuehrer.test
hostlist relay_from_hosts = 127.0.0.1 : 192.168.40.0/24
acl_smtp_rcpt = acl_rcpt
acl_smtp_data = acl_data
begin acl
acl_rcpt:
  deny    senders = *@casino-win.test : *@cheap-gear.test : lottery@*
          message = sender refused by hutnet
  deny    hosts = 203.0.113.0/24
          message = host on the huts' blocklist
  defer   hosts = 198.51.100.0/24
          message = too many connections from your network, retry later
  accept  hosts = +relay_from_hosts
  {"deny    sendrs = *@bad.test" if fault == "acl" else "deny    local_parts = ^admin$"}
          message = no mail for that mailbox
  accept  domains = +local_domains
          verify = recipient
  deny    message = relaying denied: {{$domain}} is not a hut domain
acl_data:
  deny    condition = ${{if >{{$message_size}}{{15000}}}}
          message = attachments over 15 KB are not accepted by the huts' radio link
  warn    condition = ${{if match{{$h_subject:}}{{(?i)winner}}}}
          log_message = suspicious subject from $sender_address
  accept
begin routers
remote:
  driver = dnslookup
  domains = ! +local_domains
  transport = remote_smtp
  no_more
huts_lists:
  driver = redirect
  allow_fail
  allow_defer
  data = ${{lookup{{$local_part}}lsearch{{{r}/{"lists-missing" if fault == "router" else "lists"}}}}}
hutuser:
  driver = accept
  local_parts = {" : ".join(HUTS)}
  transport = {"hut_mbox" if fault == "transport" else "hut_delivery"}
begin transports
remote_smtp:
  driver = smtp
hut_delivery:
  driver = appendfile
  user = Debian-exim
  file = {r}/mail/$local_part
begin retry
{"*   *   F,2h,,15m" if fault == "retry" else "*   *   F,4h,20m; G,16h,1h,1.5"}
"""


def lists(seed: int) -> str:
    rnd = random.Random(seed)
    out = ["vorstand: huettenwart, kassier, tourenleiter", "booking: gletscher, murmeli, steinbock",
           "winterraum: :fail: winter rooms take no bookings by mail", "helikopter: :defer: flight desk reopens at 7",
           "webmaster: huettenwart, ex-webmaster", "abuse: huettenwart", "notfall: lawine, bergsee, rettung-extern"]
    for i in range(36):
        extra = f", gast{i}" if i % 5 == 2 else ""
        out.append(f"huette{i:02d}: " + ", ".join(rnd.sample(HUTS, rnd.randint(1, 3))) + extra)
    return "\n".join(out) + "\n"


def exim(tmp: Path) -> None:
    root = tmp / "hutnet"
    files = {"exim.conf": exim_conf(root), "lists": lists(2111)}
    for f in ("option", "acl", "router", "transport", "retry"):
        files[f"broken-{f}.conf"] = exim_conf(root, f)
    write_tree(root, files)
    run("mkdir -p spool log mail && chown -R Debian-exim: spool log mail && chmod 777 spool log mail", cwd=root)
    c = f"-C {root}/"
    cap("exim-bv-loop", f"for f in exim broken-option broken-acl broken-retry broken-transport; do echo \"== $f\"; "
        f"exim {c}$f.conf -bV 2>&1 | grep -vE '^(Support|Lookups|Authenticators|Routers|Transports|Fixed|Size|"
        f"Library|Berkeley|Compiled|Probably|Hints)'; done; echo EXIT=$?", root, n_exim_bv)
    rnd = random.Random(2112)
    addrs = ["vorstand", "booking", "winterraum", "helikopter", "webmaster", "abuse", "notfall", "admin",
             "unbekannt", "gast@huetten.test", "info@bergfuehrer.test", "bergsteiger@remote.invalid"]
    addrs += [f"huette{i:02d}" for i in range(36)] + rnd.sample(HUTS, 8)
    cap("exim-bt-lists", f"exim {c}exim.conf -bt " + " ".join(addrs) + " 2>&1 | tail -n 120; echo EXIT=$?", root,
        n_exim_bt)
    cap("exim-bt-broken-router", f"exim {c}broken-router.conf -bt " + " ".join(addrs[:30]) + " 2>&1", root,
        n_exim_bt)
    sess = ["HELO laptop.hutnet.test"]
    for i in range(55):
        frm = rnd.choice(["sektion@alpenclub.test", "lottery@prizes.test", "guide@bergfuehrer.test",
                          "shop@cheap-gear.test", "family.mueller@mail.test", "guide@bergfuehrer.test"])
        sess.append(f"MAIL FROM:<{frm}>")
        rc = [rnd.choice(addrs[:12] + HUTS[:6] + ["someone@elsewhere.test", "x@huetten.test"])
              for _ in range(rnd.randint(1, 4))]
        for r in rc:
            sess.append(f"RCPT TO:<{r if '@' in r else r + '@hutnet.test'}>")
        if "lottery" not in frm and "cheap" not in frm:
            big = i % 7 == 3
            subj = "WINNER of a free night" if i % 11 == 5 else f"booking request {i}"
            sess += ["DATA", f"Subject: {subj}", "", *(["two beds, half board " * 12] * (90 if big else 2)), "."]
        sess.append("RSET")
    (root / "session.txt").write_text("\r\n".join(sess + ["QUIT"]) + "\r\n")
    cap("exim-bh-lan", f"exim {c}exim.conf -bh 192.168.40.17 < session.txt 2>&1 | grep -E '^(LOG|[0-9]{{3}}|>>> "
        f"(deny|defer|accept|warn))' | head -n 260", root, n_exim_bh)
    cap("exim-bh-outside", f"exim {c}exim.conf -bh 203.0.113.50 < session.txt 2>&1 | tail -n 90; echo EXIT=$?", root,
        n_exim_bh)
    for i in range(64):  # queued, not delivered: a queue of more than 40
        to = " ".join(rnd.sample(addrs[:7] + HUTS[:8] + ["rettung-extern@far.invalid"], rnd.randint(1, 3)))
        frm = rnd.choice(["sektion@alpenclub.test", "guide@bergfuehrer.test", "family.mueller@mail.test",
                          "wetter@meteo.test"])
        (root / "msg.txt").write_text(f"Subject: booking {i}\n\n" + "one bed, dinner\n" * rnd.randint(1, 900))
        run(f"exim {c}exim.conf -odq -f {frm} {to} < msg.txt", cwd=root, timeout=30)
    cap("exim-bp-long", f"exim {c}exim.conf -bp | head -n 220; exim {c}exim.conf -bpc", root, n_exim_bp)
    run(f"exim {c}exim.conf -qff", cwd=root, timeout=120)
    for i in range(40):
        to = " ".join(rnd.sample(addrs[:8] + HUTS, rnd.randint(1, 4)))
        frm = rnd.choice(["sektion@alpenclub.test", "guide@bergfuehrer.test", "wetter@meteo.test"])
        (root / "msg.txt").write_text(f"Subject: report {i}\n\n" + "snow 40 cm\n" * rnd.randint(1, 300))
        run(f"exim {c}exim.conf -odi -f {frm} {to} < msg.txt", cwd=root, timeout=30)
    run(f"exim {c}broken-transport.conf -odi -f wetter@meteo.test gletscher firn < msg.txt", cwd=root, timeout=30)
    cap("eximstats-full", "eximstats -t8 log/mainlog 2>&1", root, n_eximstats)


RSPAMD = {
    "huts-actions.conf": 'actions {\n  reject = 12;\n  add_header = "six";\n  rewrite_subject = 8;\n'
                         '  greylist = ;\n}\n',
    "huts-multimap.conf": '.include "/etc/rspamd/rspamd.conf"\nmultimap {\n  HUT_SPAM {\n    type = "header";\n'
                          '    header = "Subject";\n    map = "/dev/shm/no-hut-spam.map";\n    score = 4\n'
                          '  }\n  HUT_FROM { type = "sendr"; map = "file:///missing/from.map"; }\n}\n',
    "huts-brace.conf": 'options {\n  local_addrs = [192.168.40.0/24;\n}\n',
    "huts-ok.conf": 'options {\n  local_addrs = ["192.168.40.0/24"];\n}\n',
}


def rspamd(tmp: Path) -> None:
    root = tmp / "hutnet-rspamd"
    write_tree(root, RSPAMD)
    cap("rspamadm-configtest-huts", "for c in huts-*.conf; do echo \"== $c\"; rspamadm configtest -c $c 2>&1 | "
        "tail -n 12; done; echo EXIT=$?", root, n_rspamadm)


BOOKING_SIEVE = """require ["fileinto", "envelope", "imap4flags", "variables", "relational", "comparator-i;ascii-numeric", "copy"];
if header :matches "subject" "booking request *" { set "n" "${1}"; fileinto :copy "Bookings"; }
if address :domain "from" "bergfuehrer.test" { fileinto "Guides"; addflag "\\\\Flagged"; stop; }
if header :contains "subject" ["WINNER", "lottery", "free night"] { fileinto "Junk"; stop; }
if size :over 12K { fileinto "Large"; }
if header :value "ge" :comparator "i;ascii-numeric" "x-priority" "4" { fileinto "Later"; }
if envelope :localpart "to" "notfall" { redirect "huettenwart@hutnet.test"; keep; }
if exists "x-storno" { fileinto "Storno"; }
"""

SIEVE_BROKEN = {
    "storno.sieve": 'require "fileinto";\nif exists "x-storno" { fileinto "Storno" }\n',
    "vacation.sieve": 'require "vacation";\nvacation :days 0 :addresses "hut@hutnet.test" "Closed for winter";\n'
                      'vacation :days 3 "second vacation";\n',
    "dates.sieve": 'require ["date", "fileinto"];\nif date :value "gt" "date" "date" "2026-12-01" '
                   '{ fileinto "Winter"; }\nif currentdate :zone "+0100" "month" "12" { discard; }\n',
    "flags.sieve": 'require "imap4flags";\nsetflag "\\\\Seen" "\\\\Deleted";\naddflag;\n',
    "nested.sieve": 'require "fileinto";\nif anyof (header :contains "subject" "hut", {\n  fileinto "Huts";\n}\n',
    "include.sieve": 'require "include";\ninclude :personal "missing-huts";\ninclude :global "nope";\n',
    "regex.sieve": 'require ["regex", "fileinto"];\nif header :regex "subject" "[bed" { fileinto "Beds"; }\n',
    "number.sieve": 'require "fileinto";\nif size :under 99999999999999999999K { fileinto "Tiny"; }\n',
}


def sieve(tmp: Path) -> None:
    root = tmp / "hutnet-sieve"
    rnd = random.Random(2113)
    files = {"booking.sieve": BOOKING_SIEVE, **{f"broken/{k}": v for k, v in SIEVE_BROKEN.items()}}
    for i in range(16):
        frm = rnd.choice(["guide@bergfuehrer.test", "family.mueller@mail.test", "lottery@prizes.test",
                          "sektion@alpenclub.test"])
        subj = rnd.choice([f"booking request {rnd.randint(100, 999)}", "WINNER of a free night", "route report",
                           "cancellation"])
        hdr = rnd.choice(["", "X-Priority: 5\n", "X-Storno: yes\n", "X-Priority: 1\n"])
        body = "half board, two nights\n" * (rnd.randint(3, 30) if i % 6 else 900)
        files[f"mail/m{i:02d}.eml"] = f"From: {frm}\nTo: notfall@hutnet.test\nSubject: {subj}\n{hdr}\n{body}"
    write_tree(root, files)
    run("chmod -R 777 .", cwd=root)
    st = "sieve-test -o mail_uid=Debian-exim -o mail_gid=Debian-exim -o first_valid_uid=100"
    cap("sievec-broken", "for f in broken/*.sieve booking.sieve; do echo \"== $f\"; sievec $f 2>&1; done; "
        "echo EXIT=$?", root, n_sievec)
    cap("sieve-test-actions", f"for m in mail/*.eml; do echo \"== $m\"; {st} booking.sieve $m 2>&1; done", root,
        n_sieve_test)
    cap("sieve-test-trace-tests", f"for m in mail/m0[0-5].eml; do {st} -t - -Tlevel=tests booking.sieve $m; done 2>&1 "
        "| head -n 300; echo EXIT=$?", root, n_sieve_test)


PROCMAILRC = """MAILDIR={root}/Mail
DEFAULT=$MAILDIR/inbox/
LOGFILE={root}/pm.log
VERBOSE=yes
LOGABSTRACT=all
SENDMAIL=/bin/false
:0
* ^Subject:.*(WINNER|lottery)
/dev/null
:0:
* ^From:.*bergfuehrer\\.test
guides
:0
* ^Subject:.*booking
{{
  :0 c
  bookings/
  :0 h
  * ^X-Storno: yes
  | /nonexistent/bin/storno-handler
}}
:0 B
* half board.*allergy
allergies/
:0
* ^Subject:.*weather
/root-only/readonly/weather
:0 fw
| /bin/false
:0 :
* ^Subject:[ ]*(route
routes
"""


def procmail(tmp: Path) -> None:
    root = tmp / "hutnet-procmail"
    rnd = random.Random(2114)
    msgs = []
    for i in range(160):
        frm = rnd.choice(["guide@bergfuehrer.test", "family.mueller@mail.test", "family.mueller@mail.test",
                          "lottery@prizes.test", "sektion@alpenclub.test", "wetter@meteo.test"])
        subj = rnd.choice([f"booking {i}", f"booking {i}", "weather update", "route report", "WINNER!",
                           "question about the hut"])
        hdr = "X-Storno: yes\n" if i % 9 == 4 else ""
        body = "".join("half board%s\n" % (" allergy" if i % 17 == 3 and k == 1 else "") for k in range(rnd.randint(1, 8)))
        msgs.append(f"From {frm} Tue Dec  1 {i % 24:02d}:00:00 2026\nFrom: {frm}\nTo: booking@hutnet.test\n"
                    f"Subject: {subj}\nMessage-ID: <{i}.{rnd.randint(100, 999)}@hutnet.test>\n{hdr}\n{body}\n")
    write_tree(root, {"rc": PROCMAILRC.format(root=root), "in.mbox": "".join(msgs), "Mail/.keep": ""})
    run("formail -s procmail -m rc < in.mbox", cwd=root, timeout=180)
    for name, cmd in [("procmail-log-head", "head -n 500 pm.log"),
                      ("procmail-log-folders", "grep -E 'procmail: |Folder:' pm.log | tail -n 200")]:
        add(name, cmd, run(cmd, cwd=root), n_procmail)


# ------------------------------------------------------------------ lakeview: FITS spectra and images

GEN_FITS = r'''
import os, random, sys
import numpy as np
from astropy.io import fits

seed, out, n = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
rnd = random.Random(seed)
rng = np.random.default_rng(seed)
os.makedirs(out, exist_ok=True)
stars = ["Vega", "Deneb", "Altair", "HD 19445", "BD+17 4708", "Feige 34", "G191-B2B", "Capella"]
for i in range(n):
    kind = "arc" if i % 7 == 0 else "dark" if i % 7 == 1 else "spec"
    ph = fits.PrimaryHDU(rng.normal(200, 5, (32, 96)).astype(np.int32) if kind != "spec" else None)
    h = ph.header
    h["TELESCOP"] = "LAKEVIEW-1.2m"
    h["INSTRUME"] = "ECHELLE-L"
    h["OBSTYPE"] = kind.upper()
    h["OBJECT"] = rnd.choice(stars) if kind == "spec" else kind.upper()
    h["DATE-OBS"] = "2026-12-%02dT%02d:%02d:%02d" % (1 + i // 30, 19 + (i // 5) % 5, rnd.randint(0, 59), rnd.randint(0, 59))
    h["EXPTIME"] = round(rnd.choice([10.0, 45.0, 90.0, 600.0, 1200.0]), 1)
    h["SLIT"] = rnd.choice(["0.8", "1.2", "2.0"])
    h["GRATING"] = rnd.choice(["G600", "G1200"])
    h["RA"] = "%02d:%02d:%04.1f" % (rnd.randint(0, 23), rnd.randint(0, 59), rnd.random() * 60)
    h["DEC"] = "+%02d:%02d:%02d" % (rnd.randint(0, 80), rnd.randint(0, 59), rnd.randint(0, 59))
    h["FOCUS"] = rnd.randint(3400, 3600)
    if i % 11 == 6:
        h["EXPTIME"] = -45.0  # fault: a negative exposure
    if i % 12 == 9:
        del h["DATE-OBS"]  # fault: a frame without a date
    hdus = [ph]
    if kind == "spec":
        for order in range(1, 4):
            sp = rng.normal(1.0, 0.02, 1024).astype(np.float32)
            e = fits.ImageHDU(sp, name="ORDER%d" % order)
            e.header["CRVAL1"] = 4000.0 + order * 900 + rnd.random()
            e.header["CDELT1"] = 0.9 if not (i % 10 == 4 and order == 3) else -0.9
            e.header["CUNIT1"] = "Angstrom" if not (i % 9 == 5) else "nm"
            e.header["BUNIT"] = "counts"
            hdus.append(e)
        if i % 3 == 2:
            nl = rnd.randint(12, 40)
            cols = [fits.Column(name="LINE", format="10A", array=np.array(["Fe I %d" % k for k in range(nl)])),
                    fits.Column(name="WAVE", format="D", unit="Angstrom", array=rng.uniform(4000, 7000, nl)),
                    fits.Column(name="EW", format="E", unit="mAngstrom", array=rng.uniform(5, 200, nl))]
            hdus.append(fits.BinTableHDU.from_columns(cols, name="LINES"))
    fits.HDUList(hdus).writeto(os.path.join(out, "lv_%03d_%s.fits" % (i + 1, kind)), overwrite=True)
'''

BREAK_FITS = r'''
import os, sys
src, out = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)
names = sorted(f for f in os.listdir(src) if f.endswith("_spec.fits"))

def edit(name, fn):
    b = bytearray(open(os.path.join(src, name), "rb").read())
    open(os.path.join(out, name), "wb").write(bytes(fn(b)))

def swap(key, new):
    def f(b):
        k = key.ljust(8).encode()
        for p in range(0, 2880 * 3, 80):
            if bytes(b[p:p + 8]) == k:
                b[p:p + 80] = new.ljust(80).encode("latin-1")
                break
        return b
    return f

edit(names[0], swap("SIMPLE", "SIMPLE  =                    F"))  # not a standard FITS file
edit(names[1], swap("NAXIS", "NAXIS   =                   -1"))  # a negative NAXIS
edit(names[2], swap("FOCUS", "focus   =                 3500"))  # a lower-case keyword
edit(names[3], swap("SLIT", "SLIT    = '1.2"))  # an unterminated string
edit(names[4], lambda b: b + b"\0" * 1000)  # trailing bytes after the last HDU
edit(names[5], swap("EXPTIME", "EXPTIME =               1.0E+5q"))  # a bad float
edit(names[6], lambda b: b[:len(b) - 2880 - 500])  # cut in the last extension
edit(names[7], swap("GRATING", "GRATING = 'G600'  / grating \xb5m"))
'''


def fits_spectra(tmp: Path) -> None:
    root = tmp / "lakeview"
    write_tree(root, {"gen.py": GEN_FITS, "break.py": BREAK_FITS})
    run(f"{PY} gen.py 2115 dec01 60 && {PY} gen.py 2116 dec02 28 && {PY} break.py dec01 damaged && "
        f"{PY} gen.py 2115 redo 14", cwd=root, timeout=400)
    run(f"{PY} -c \"import glob;from astropy.io import fits\n"
        "for k, f in enumerate(sorted(glob.glob('redo/*_spec.fits'))[:4]):\n"
        "  with fits.open(f, mode='update') as h:\n"
        "    h[0].header['FOCUS'] += 7; h[0].header['REDUCED'] = 'v3.4'\n"
        "    h[2].data[100:140] *= 1.01 + k / 100\"", cwd=root, timeout=120)
    cap("fitsverify-damaged", "fitsverify damaged/*.fits 2>&1 | tail -n 250; echo EXIT=$?", root, n_fitsverify)
    cap("fitsheader-orders", "fitsheader dec01/lv_003_spec.fits dec01/lv_004_spec.fits dec01/lv_006_spec.fits "
        "dec01/lv_010_spec.fits", root, n_fitsheader)
    cap("fitsinfo-damaged", "fitsinfo damaged/*.fits dec02/lv_00*.fits 2>&1 | tail -n 150; echo EXIT=$?", root,
        n_fitsinfo)
    cap("fitsdiff-redo", "for f in 003 004 006 010; do fitsdiff -n 4 dec01/lv_${f}_spec.fits redo/lv_${f}_spec.fits; "
        "done; echo EXIT=$?", root, n_fitsdiff)
    cap("gethead-dec", "gethead -ht dec01/*.fits dec02/*.fits damaged/*.fits OBJECT OBSTYPE EXPTIME SLIT FOCUS "
        "DATE-OBS 2>&1 | head -n 100", root, n_gethead)


# ------------------------------------------------------------------ lakeview's weather: GRIB surface fields and a buoy

GEN_GRIB = r'''
import sys
import numpy as np
import eccodes as ec

seed, out, hours, step_h = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
rng = np.random.default_rng(seed)
sample = ec.codes_grib_new_from_samples("regular_ll_sfc_grib2")
params = [("2t", 167, 271.0), ("msl", 151, 101300.0), ("10u", 165, 2.0), ("10v", 166, -1.0), ("tcc", 228164, 60.0),
          ("sp", 134, 93000.0)]
with open(out, "wb") as f:
    for step in range(0, hours + 1, step_h):
        for short, pid, base in params:
            h = ec.codes_clone(sample)
            ec.codes_set(h, "dataDate", 20261202)
            ec.codes_set(h, "dataTime", 600)
            ec.codes_set(h, "paramId", pid)
            ec.codes_set(h, "stepRange", str(step))
            ec.codes_set(h, "Ni", 41)
            ec.codes_set(h, "Nj", 21)
            ec.codes_set(h, "latitudeOfFirstGridPointInDegrees", 48.0)
            ec.codes_set(h, "longitudeOfFirstGridPointInDegrees", 5.0)
            ec.codes_set(h, "latitudeOfLastGridPointInDegrees", 44.0)
            ec.codes_set(h, "longitudeOfLastGridPointInDegrees", 13.0)
            ec.codes_set(h, "iDirectionIncrementInDegrees", 0.2)
            ec.codes_set(h, "jDirectionIncrementInDegrees", 0.2)
            vals = base + rng.normal(0, 2 + step / 12, 41 * 21)
            if short == "tcc" and seed % 3 == 0:
                vals[::7] = 140.0  # fault: cloud cover over 100 %
            if short == "2t" and step == 12 and seed % 2:
                vals[50:60] = 0.0  # fault: a block of zero kelvin
            ec.codes_set(h, "bitsPerValue", 16 if short != "msl" else 10)
            ec.codes_set_values(h, vals)
            f.write(ec.codes_get_message(h))
            ec.codes_release(h)
'''

GEN_NC = r'''
import sys
import numpy as np
from netCDF4 import Dataset

seed, out = int(sys.argv[1]), sys.argv[2]
rng = np.random.default_rng(seed)
d = Dataset(out, "w")
d.title = "lakeview buoy, hourly profiles"
d.Conventions = "CF-1.9"
d.createDimension("time", None)
d.createDimension("depth", 12)
d.createDimension("sensor", 3)
t = d.createVariable("time", "f8", ("time",)); t.units = "hours since 2026-11-01"
z = d.createVariable("depth", "f4", ("depth",)); z.units = "m"; z.positive = "down"; z[:] = np.arange(12) * 2.5
for name, units, base, dims in [("water_temperature", "degC", 6.0, ("time", "depth")),
                                ("dissolved_oxygen", "mg l-1", 9.5, ("time", "depth")),
                                ("chlorophyll", "ug l-1", 2.0, ("time", "depth")),
                                ("turbidity", "NTU", 1.2, ("time", "sensor")),
                                ("battery_voltage", "V", 12.4, ("time",)),
                                ("wave_height", "m", 0.3, ("time",)),
                                ("wind_speed", "knots", 6.0, ("time",))]:
    v = d.createVariable(name, "i2" if name == "chlorophyll" else "f4", dims, fill_value=-32767 if name == "chlorophyll" else 1e20)
    v.units = units
    if name == "chlorophyll":
        v.scale_factor = 0.01
        v.add_offset = 0.0
    if name == "dissolved_oxygen":
        v.valid_range = np.array([0, 20], dtype="f4")
    n = 24 * 20
    shape = (n,) + tuple(d.dimensions[x].size for x in dims[1:])
    v[:] = base + rng.normal(0, 0.5, shape)
t[:] = np.arange(24 * 20)
d.close()
'''


def weather(tmp: Path) -> None:
    root = tmp / "lakeview-wx"
    write_tree(root, {"gen_grib.py": GEN_GRIB, "gen_nc.py": GEN_NC})
    run(f"{PY} gen_grib.py 21 sfc_06z.grib2 48 3 && {PY} gen_grib.py 23 sfc_06z_b.grib2 48 3 && "
        f"{PY} gen_nc.py 25 buoy_dec.nc", cwd=root, timeout=400)
    cap("grib-ls-sfc", "grib_ls -p shortName,stepRange,dataDate,dataTime,bitsPerValue,average,maximum sfc_06z.grib2 "
        "| head -n 160", root, n_grib_ls)
    cap("grib-dump-tcc", "grib_dump -w shortName=tcc,stepRange=6 sfc_06z.grib2 sfc_06z_b.grib2 2>&1", root,
        n_grib_dump)
    cap("grib-compare-ab", "grib_compare -f sfc_06z.grib2 sfc_06z_b.grib2 2>&1 | head -n 250; echo EXIT=$?", root,
        n_grib_compare)
    cap("ncks-buoy", "ncks -m buoy_dec.nc; ncks -H -v battery_voltag buoy_dec.nc; echo EXIT=$?", root, n_ncks)


STEPS = [exim, rspamd, sieve, procmail, fits_spectra, weather]
