#!/usr/bin/env python3
"""Capture round 333 of the compression corpus: second samples of round 327's kinds (servers' and daemons'
configuration checks, dry runs and start-up logs from Debian 12) on new material, no new rules. Real runs of lighttpd,
NSD, Tor, Privoxy, CUPS, ProFTPD, fail2ban, coturn, Hitch, radvd, BIRD 2 and stunnel on the configs of a mountain hut
network and its booking service (`ridgeroost`), with faults other than round 327's put in and good configs beside
them. Every item's needles come from round 327's extractor for its kind, imported from capture_wide327.py
(NEEDLES.md, "Round 327" and "Round 333"). Nothing captured here was compressed. Every server is started on 127.0.0.1
(ports 18333, 28333, 38333) and stopped at the end.

Usage:   python3 scripts/corpus/capture_wide333.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide333.json  as {"version": 2, "items": [...]}, ids prefixed "wide333-".
"""

from __future__ import annotations

import os
import random
import shutil
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_more import run  # noqa: E402
import capture_wide327 as w  # noqa: E402  (round 327's extractors, by module and function)

ID_PREFIX = "wide333-"
DEFAULT_OUT = HERE / "data" / "wide333.json"
TMP = Path(os.environ.get("HM_WIDE333_TMP", "/dev/shm/hm-corpus-wide333"))

_SIZED = cm.Sized(400, 120_000)
add, cap = _SIZED.add, _SIZED.cap

P1, P2, P3 = 18333, 28333, 38333

HUTS = ["scree-pass", "cornice-col", "lammer-ridge", "edelweiss", "marmot-saddle", "glacier-tongue", "serac-bivouac",
        "alder-hut", "ibex-lodge", "cairn-top", "snowbell", "gentian-hut", "rockfall-refuge", "moraine-camp",
        "avalanche-gully", "ptarmigan", "chough-nest", "larch-shelter", "bergschrund", "summit-cross", "firn-basin",
        "cirque-hut", "couloir-bivvy", "tarn-lodge"]


def mkpem(d: Path, name: str = "ridgeroost") -> Path:
    pem = d / f"{name}.pem"
    if not pem.exists():
        run(f"openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj /CN={name}.lan -keyout {name}.key "
            f"-out {name}.crt 2>/dev/null && cat {name}.key {name}.crt > {name}.pem", cwd=d, timeout=60)
    return pem


# ------------------------------------------------------------------ lighttpd


def lighttpd_conf(d: Path, extra: list[str], seed: int, n_huts: int = 24) -> str:
    rnd = random.Random(seed)
    (d / "www").mkdir(exist_ok=True)
    (d / "log").mkdir(exist_ok=True)
    s = ['server.modules = ( "mod_access", "mod_alias", "mod_redirect", "mod_rewrite", "mod_setenv",',
         '                   "mod_expire", "mod_accesslog", "mod_status", "mod_proxy" )',
         f'server.document-root = "{d}/www"', f'server.errorlog = "{d}/log/error.log"',
         f'accesslog.filename = "{d}/log/access.log"', f'server.pid-file = "{d}/lighttpd.pid"',
         'server.bind = "127.0.0.1"', f"server.port = {P1}", 'server.tag = "ridgeroost-booking"',
         'server.max-connections = 256', 'server.max-keep-alive-idle = 10',
         'index-file.names = ( "index.html", "book.html" )', 'mimetype.assign = ( ".html" => "text/html",',
         '  ".js" => "application/javascript", ".css" => "text/css", ".png" => "image/png", ".gpx" => "application/gpx+xml",',
         '  ".json" => "application/json", ".pdf" => "application/pdf" )',
         'url.access-deny = ( "~", ".inc", ".bak" )', 'status.status-url = "/hut-status"', ""]
    for i, hut in enumerate(HUTS[:n_huts]):
        s += [f'$HTTP["url"] =~ "^/huts/{hut}/" {{',
              f'  alias.url = ( "/huts/{hut}/" => "{d}/www/huts/{hut}/" )',
              f'  expire.url = ( "" => "access plus {rnd.randint(5, 120)} minutes" )',
              f'  setenv.add-response-header = ( "X-Hut" => "{hut}", "X-Altitude" => "{rnd.randint(1800, 3600)}" )',
              "}",
              f'$HTTP["url"] =~ "^/api/beds/{hut}" {{',
              f'  proxy.server = ( "" => ( ( "host" => "127.0.0.1", "port" => {P2 + i % 3} ) ) )', "}"]
    s += ['$HTTP["host"] == "wardens.ridgeroost.lan" {', f'  server.document-root = "{d}/www/wardens"', "}",
          'url.rewrite-once = ( "^/book/([a-z-]+)$" => "/api/beds/$1", "^/weather$" => "/api/weather.json" )',
          'url.redirect = ( "^/hutten/(.*)" => "/huts/$1" )']
    return "\n".join(s + extra) + "\n"


def lighttpd(tmp: Path) -> None:
    d = tmp / "lighttpd"
    (d / "conf.d").mkdir(parents=True)
    confs = {
        "booking.conf": [],
        "errorlog.conf": [f'server.errorlg = "{d}/log/err.log"', 'mimetype.asign += ( ".kml" => "text/xml" )',
                          'status.statistics-urll = "/hut-stats"', 'url.acces-deny += ( ".swp" )'],
        "module.conf": ['server.modules += ( "mod_bookingz" )'],
        "ssl.conf": ['ssl.engine = "enable"', f'ssl.pemfile = "{d}/missing.pem"'],
        "shell.conf": ['include_shell "cat /etc/ridgeroost/huts-extra.conf"'],
        "cond.conf": ['$HTTP["hots"] == "beds.ridgeroost.lan" {', '  url.redirect = ( "" => "/book" )', "}"],
        "paren.conf": ['url.rewrite-if-not-file = ( "^/gpx/(.*)" => "/tracks/$1" '],
        "bind.conf": ['$SERVER["socket"] == "127.0.0.1:70000" {', '  server.document-root = "/srv/x"', "}"],
        "bool.conf": ['server.follow-symlink = "sometimes"', 'dir-listing.activate = "perhaps"'],
    }
    for i, (name, extra) in enumerate(confs.items()):
        (d / "conf.d" / name).write_text(lighttpd_conf(d, extra, i + 1))
    cap("lighttpd-tt-loop", 'for f in conf.d/*.conf; do echo "== $f"; lighttpd -tt -f "$f"; echo EXIT=$?; done',
        d, w.n_lighttpd_tt, timeout=120)
    # the wardens' site: old keys and module names an older Debian accepted
    old = lighttpd_conf(d, ['server.modules += ( "mod_compress" )', 'compress.filetype = ( "text/plain" )',
                            'server.use-ipv6 = "disable"', 'server.max-request-size = 2048',
                            'server.kbytes-per-second = 512', 'connection.kbytes-per-second = 64'], 21, 12)
    (d / "conf.d" / "wardens-old.conf").write_text(old)
    cap("lighttpd-tt-wardens", "lighttpd -tt -f conf.d/wardens-old.conf; echo EXIT=$?", d, w.n_lighttpd_tt,
        timeout=60)
    cap("lighttpd-p-booking", "lighttpd -p -f conf.d/booking.conf", d, w.n_lighttpd_p, timeout=60)
    cap("lighttpd-p-errorlog", "lighttpd -p -f conf.d/errorlog.conf 2>&1 | head -n 160", d, w.n_lighttpd_p,
        timeout=60)
    cap("lighttpd-p-wardens", "lighttpd -p -f conf.d/wardens-old.conf 2>&1 | tail -n 120", d, w.n_lighttpd_p,
        timeout=60)


# ------------------------------------------------------------------ NSD


def zone_text(origin: str, n: int, seed: int, extra: list[str]) -> str:
    rnd = random.Random(seed)
    z = [f"$ORIGIN {origin}.", "$TTL 1800",
         f"@ IN SOA ns1.{origin}. wardens.{origin}. ( 2026120301 3600 900 604800 300 )",
         f"@ IN NS ns1.{origin}.", f"@ IN NS ns2.{origin}.", f"@ IN MX 20 post.{origin}.",
         '@ IN TXT "v=spf1 a mx ~all"', '@ IN CAA 0 issue "letsencrypt.org"',
         "ns1 IN A 10.33.0.53", "ns2 IN A 10.33.8.53", "post IN A 10.33.0.25", "beds IN A 10.33.0.80"]
    for i in range(n):
        host = f"{rnd.choice(HUTS)}-{i:04d}"
        z.append(f"{host} IN A 10.33.{rnd.randint(1, 250)}.{rnd.randint(1, 254)}")
        if i % 5 == 0:
            z.append(f"{host} IN AAAA fd33:{rnd.randint(1, 65000):x}::{i:x}")
        if i % 13 == 0:
            z.append(f"cam{i} IN CNAME {host}")
    z += ['_booking._tcp IN SRV 5 10 443 beds.' + origin + '.',
          "gate IN SSHFP 1 1 123456789abcdef67890123456789abcdef67890",
          "summit IN LOC 46 32 53.000 N 7 57 45.000 E 4158m"]
    return "\n".join(z + extra) + "\n"


def nsd(tmp: Path) -> None:
    d = tmp / "nsd"
    (d / "zones").mkdir(parents=True)
    origin = "ridgeroost.lan"
    (d / "zones" / f"{origin}.zone").write_text(zone_text(origin, 1500, 33, []))
    (d / "zones" / f"huts.{origin}.zone").write_text(zone_text("huts." + origin, 60, 34, [
        "radio IN A 10.33.1",
        "tower IN AAAA 10.33.9.9",
        "lift IN MX 5",
        "@ IN CNAME beds",
        "weather 3600 IN A 10.33.9.14 extra",
        "$TTL forever",
        "dump IN TYPE9999 \\# 2 abcd",
        "hutcam IN SRV 10 5 99999 cam.huts.ridgeroost.lan.",
        "$INCLUDE zones/missing-huts.inc",
    ]))
    (d / "zones" / f"lifts.{origin}.zone").write_text(
        f"$ORIGIN lifts.{origin}.\n$TTL 600\n@ IN NS ns1.other.example.\n" + "\n".join(
            f"chair{i} IN A 10.33.{i}.5" for i in range(25)) + "\n")
    (d / "zones" / f"glacier.{origin}.zone").write_text(
        f"$ORIGIN glacier.{origin}.\n$TTL 600\n@ IN SOA ns1 wardens ( 1 3600 900 604800 300 )\n"
        "@ IN NS ns1\nns1 IN A 10.33.50.53\nice IN A 10.33.50.1\nice IN CNAME ns1\n"
        + "\n".join(f"probe{i} IN A 10.33.50.{i + 10}" for i in range(30)) + "\n")
    zones = []
    for hut in HUTS:
        zones.append(f'zone:\n\tname: "{hut}.{origin}"\n\tinclude-pattern: "hutzones"\n'
                     f'\tzonefile: "{d}/zones/%s.zone"\n')
    base = (f'server:\n\tip-address: 127.0.0.1@{P2}\n\tip-address: ::1@{P2}\n\tport: {P2}\n\tserver-count: 1\n'
            f'\ttcp-count: 50\n\tusername: ""\n\tzonesdir: "{d}/zones"\n\tdatabase: ""\n\tpidfile: "{d}/nsd.pid"\n'
            f'\tlogfile: "{d}/nsd.log"\n\txfrdfile: "{d}/xfrd.state"\n\tverbosity: 3\n\tidentity: "ridgeroost"\n'
            f'\tminimal-responses: yes\n\trefuse-any: yes\n\n'
            f'remote-control:\n\tcontrol-enable: yes\n\tcontrol-interface: 127.0.0.1\n\tcontrol-port: {P3}\n'
            f'\n'
            f'key:\n\tname: "huts-xfr"\n\talgorithm: hmac-sha512\n\tsecret: "c2VjcmV0LXJpZGdlcm9vc3QtaHV0cy14ZnI="\n\n'
            f'pattern:\n\tname: "hutzones"\n\tnotify: 127.0.0.5 huts-xfr\n\tprovide-xfr: 127.0.0.5 huts-xfr\n'
            f'\tzonestats: "huts"\n\n'
            f'zone:\n\tname: "{origin}"\n\tzonefile: "{d}/zones/{origin}.zone"\n\tinclude-pattern: "hutzones"\n\n')
    (d / "nsd.conf").write_text(base + "\n".join(zones))
    cap("nsd-checkconf-v", "nsd-checkconf -v nsd.conf", d, w.n_nsd_checkconf, timeout=60)
    one = {
        "verbosity": base.replace("verbosity: 3", "verbosity: chatty"),
        "tcpcount": base.replace("tcp-count: 50", "tcp-cuont: 50"),
        "ctlport": base.replace(f"control-port: {P3}", "control-port: 99999"),
        "pattern2": base + f'pattern:\n\tname: "hutzones"\n\tnotify: 127.0.0.6 NOKEY\n',
        "nokey": base + f'zone:\n\tname: "lifts.{origin}"\n\tinclude-pattern: "hutzones"\n'
                        f'\tallow-notify: 127.0.0.7 lifts-key\n',
        "ip6": base.replace(f"ip-address: ::1@{P2}", f"ip-address: fd33::zz@{P2}"),
        "noname": base + f'zone:\n\tzonefile: "{d}/zones/nameless.zone"\n',
        "range": base + f'zone:\n\tname: "gully.{origin}"\n\tprovide-xfr: 10.33.0.0-10.33.0.x NOKEY\n',
        "bool": base.replace("refuse-any: yes", "refuse-any: sometimes"),
        "quote": base.replace('identity: "ridgeroost"', 'identity: "ridgeroost'),
    }
    for n, t in one.items():
        (d / f"nsd-{n}.conf").write_text(t)
    cap("nsd-checkconf-loop", 'for f in nsd-*.conf; do echo "== $f"; nsd-checkconf $f; echo EXIT=$?; done', d,
        w.n_nsd_checkconf, timeout=120)
    cap("nsd-checkconf-v-head", "nsd-checkconf -v nsd-ctlport.conf 2>&1 | head -n 120; echo EXIT=$?", d,
        w.n_nsd_checkconf, timeout=60)
    cap("nsd-checkzone-p", f"nsd-checkzone -p {origin} zones/{origin}.zone", d, w.n_nsd_checkzone, timeout=60)
    cap("nsd-checkzone-loop", f"for z in {origin} huts.{origin} lifts.{origin} glacier.{origin}; do "
        "echo \"== $z\"; nsd-checkzone $z zones/$z.zone; echo EXIT=$?; done", d, w.n_nsd_checkzone, timeout=60)
    rnd = random.Random(35)
    rev = ["$ORIGIN 3.3.d.f.ip6.arpa.", "$TTL 3600",
           f"@ IN SOA ns1.{origin}. wardens.{origin}. ( 2026120302 3600 900 604800 300 )",
           f"@ IN NS ns1.{origin}.", f"@ IN NS ns2.{origin}."]
    for i in range(420):
        nib = ".".join(f"{rnd.randint(0, 15):x}" for _ in range(29))
        rev.append(f"{nib} IN PTR {rnd.choice(HUTS)}-{i:04d}.{origin}.")
    rev += ['1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0 IN TXT "warden router"']
    (d / "zones" / "fd33.zone").write_text("\n".join(rev) + "\n")
    cap("nsd-checkzone-rev6-p", "nsd-checkzone -p 3.3.d.f.ip6.arpa zones/fd33.zone | head -n 250", d,
        w.n_nsd_checkzone, timeout=60)


# ------------------------------------------------------------------ Tor and Privoxy


def tor(tmp: Path) -> None:
    d = tmp / "tor"
    (d / "data").mkdir(parents=True)
    (d / "hs").mkdir()
    run(f"chmod 700 {d}/data {d}/hs")
    good = (f"SocksPort 127.0.0.1:{P2}\nControlPort 127.0.0.1:{P3}\nHashedControlPassword "
            f"16:872860B76453A77D60CA2BB8C1A7042072093276A3D701AD684053EC4C\nDataDirectory {d}/data\n"
            f"Log info stdout\nClientOnly 1\nAvoidDiskWrites 1\nHiddenServiceDir {d}/hs\n"
            f"HiddenServicePort 443 127.0.0.1:{P1}\nHiddenServicePort 80 127.0.0.1:{P1}\nExitPolicy reject *:*\n"
            f"SafeLogging 1\nCircuitBuildTimeout 30\nNumEntryGuards 2\n")
    (d / "torrc").write_text(good)
    faults = [f"SocksPort 127.0.0.1:70000", "Nickname hut-booking!", "HiddenServiceVersion 2",
              "ClientTransportPlugin obfs4 exec /usr/bin/obfs4proxy-missing", "NumEntryGuards several",
              "ExitNodes {xx}", "HiddenServiceMaxStreams 99999", f"TransPort 127.0.0.1:{P3}",
              "KeepalivePeriod 5 fortnights", "HeartbeatPeriod 1 second"]
    for i, f in enumerate(faults):
        (d / f"torrc.{i}").write_text(good + f + "\n")
    (d / "torrc.broken").write_text(good + "\n".join(faults[:5]) + "\nLogg notice stderr\n")
    cap("tor-verify-info", "tor --verify-config -f torrc; echo EXIT=$?", d, w.n_tor_verify, timeout=90)
    cap("tor-verify-broken", "tor --verify-config -f torrc.broken; echo EXIT=$?", d, w.n_tor_verify, timeout=90)
    cap("tor-verify-bisect", 'for f in torrc.[0-9]; do echo "== $f: $(tail -n 1 $f)"; '
        'tor --verify-config -f $f 2>&1 | grep -v "^$" | tail -n 5; echo EXIT=$?; done', d, w.n_tor_verify,
        timeout=300)
    bridge = good.replace("ClientOnly 1\n", "") + (f"ORPort 127.0.0.1:{P1}\nBridgeRelay 1\nPublishServerDescriptor 0\n"
                                                   "Nickname ridgeroostbridge\nContactInfo wardens at ridgeroost dot lan\n"
                                                   "ServerTransportPlugin obfs4 exec /usr/bin/obfs4proxy-missing\n"
                                                   "AccountingMax 20 GBytes\nAccountingStart week 1 04:00\n")
    (d / "torrc.bridge").write_text(bridge)
    (d / "torrc.debug").write_text(good.replace("Log info stdout", "Log debug stdout"))
    cap("tor-verify-debug", "tor --verify-config -f torrc.debug 2>&1 | head -n 400; echo EXIT=$?", d,
        w.n_tor_verify, timeout=90)
    cap("tor-verify-bridge", "tor --verify-config -f torrc.bridge 2>&1 | tail -n 60; echo EXIT=$?", d,
        w.n_tor_verify, timeout=90)


def privoxy(tmp: Path) -> None:
    d = tmp / "privoxy"
    d.mkdir(parents=True)
    for f in ["match-all.action", "default.action", "default.filter", "user.action", "user.filter"]:
        src = Path("/etc/privoxy") / f
        if src.exists():
            shutil.copy(src, d / f)
    (d / "huts.action").write_text(
        "{ +block{tracking} }\n.analytics.example\n{ +set-image-blocker{blank} }\n/.*banner\n"
        "{ +hide-header{Referer} }\n.ridgeroost.lan\n{ +frobnicate-cookies }\n.beds.ridgeroost.lan\n"
        "{ +filter{missing-filter} }\n.weather.example\n{ +client-header-tagger{css-requests }\n/\n")
    good = (f"confdir {d}\nlogdir {d}\nactionsfile match-all.action\nactionsfile default.action\n"
            f"actionsfile user.action\nfilterfile default.filter\nfilterfile user.filter\n"
            f"listen-address 127.0.0.1:{P1}\ntoggle 1\nenable-remote-toggle 0\nenable-remote-http-toggle 0\n"
            f"enable-edit-actions 0\nbuffer-limit 8192\nkeep-alive-timeout 5\nsocket-timeout 60\n"
            f"forward .ridgeroost.lan .\nforward-socks5t / 127.0.0.1:{P2} .\n"
            f"debug 1\ndebug 2\ndebug 512\ndebug 1024\ndebug 4096\ndebug 8192\ndebug 65536\n")
    (d / "config").write_text(good)
    (d / "config.broken").write_text(
        good + f"listen-addres 127.0.0.1:{P3}\ntoggel 0\nforward-socks4x / 127.0.0.1:{P2} .\n"
        "connection-sharing maybe\nmax-client-connections lots\ntemplate-dir /srv/ridgeroost/templates\n"
        "trust-info-url\nenforce-blocks 2\n")
    (d / "config.actions").write_text(good + "actionsfile huts.action\nactionsfile wardens.action\n")
    (d / "config.listen").write_text(good + f"listen-address 127.0.0.1:{P1}\nlisten-address 127.0.0.300:{P2}\n")
    (d / "config.forward").write_text(good + "forward-socks5 .huts.ridgeroost.lan 127.0.0.1 .\n"
                                      "forward / proxy.invalid:0\n")
    cap("privoxy-good", "privoxy --no-daemon --config-test config; echo EXIT=$?", d, w.n_privoxy, timeout=60)
    cap("privoxy-broken", "privoxy --no-daemon --config-test config.broken; echo EXIT=$?", d, w.n_privoxy,
        timeout=60)
    cap("privoxy-loop", 'for c in config.actions config.listen config.forward; do echo "== $c"; '
        'privoxy --no-daemon --config-test $c; echo EXIT=$?; done', d, w.n_privoxy, timeout=60)


# ------------------------------------------------------------------ CUPS and ProFTPD


def cups(tmp: Path) -> None:
    d = tmp / "cups"
    for sub in ["spool", "cache", "state", "log", "ppd", "ssl"]:
        (d / sub).mkdir(parents=True)
    files = (f"ServerRoot {d}\nRequestRoot {d}/spool\nCacheDir {d}/cache\nStateDir {d}/state\n"
             f"AccessLog {d}/log/access_log\nErrorLog {d}/log/error_log\nPageLog {d}/log/page_log\n"
             f"ServerKeychain {d}/ssl\nSystemGroup root\n")
    (d / "cups-files.conf").write_text(files)
    locs = "".join(f"<Location /printers/bedlist-{s}>\n  Order allow,deny\n  Allow from 127.0.0.1\n"
                   f"  Allow from 10.33.{i}.0/24\n</Location>\n" for i, s in enumerate(HUTS[:16]))
    good = (f"LogLevel debug2\nListen 127.0.0.1:{P2}\nBrowsing No\nDefaultAuthType Basic\nWebInterface No\n"
            f"MaxJobs 500\nMaxJobsPerPrinter 40\nJobRetryLimit 3\nPreserveJobFiles 1d\n<Location />\n"
            f"  Order allow,deny\n  Allow from 127.0.0.1\n</Location>\n<Location /admin>\n  AuthType Default\n"
            f"  Require user @SYSTEM\n  Order allow,deny\n</Location>\n{locs}<Policy default>\n"
            f"  JobPrivateAccess default\n  JobPrivateValues default\n  <Limit Create-Job Print-Job Print-URI>\n"
            f"    Order deny,allow\n  </Limit>\n  <Limit Cancel-Job CUPS-Authenticate-Job>\n"
            f"    Require user @OWNER @SYSTEM\n    Order deny,allow\n  </Limit>\n  <Limit All>\n"
            f"    Order deny,allow\n  </Limit>\n</Policy>\n")
    (d / "cupsd.conf").write_text(good)
    one = {
        "port": good + "Port notaport\n",
        "maxclients": good + "MaxClients -1\n",
        "browse": good + "BrowseLocalProtocols carrierpigeon\n",
        "limit": good + "<Policy wardens>\n  <Limit Fly-Printer>\n    Order deny,allow\n  </Limit>\n</Policy>\n",
        "retry": good.replace("JobRetryLimit 3", "JobRetryLimit thrice"),
        "close": good + "</Policy>\n",
        "authtype": good.replace("DefaultAuthType Basic", "DefaultAuthType Kerberoast"),
        "preserve": good.replace("PreserveJobFiles 1d", "PreserveJobFiles 3 winters"),
        "dup": good + f"Listen 127.0.0.1:{P2}\nListen /nonexistent/dir/cups.sock\n",
        "encrypt": good + "<Location /bedlists>\n  Encryption Sometimes\n</Location>\n",
    }
    for n, t in one.items():
        (d / f"cupsd-{n}.conf").write_text(t)
    cap("cupsd-t-good", f"cupsd -t -c {d}/cupsd.conf -s {d}/cups-files.conf; echo EXIT=$?", d, w.n_cupsd_t,
        timeout=60)
    cap("cupsd-t-loop", 'for f in cupsd-*.conf; do echo "== $f"; cupsd -t -c $PWD/$f -s $PWD/cups-files.conf; '
        'echo EXIT=$?; done', d, w.n_cupsd_t, timeout=120)


def proftpd(tmp: Path) -> None:
    d = tmp / "proftpd"
    (d / "drop").mkdir(parents=True)
    dirs = "".join(f"<Directory {d}/drop/{s}>\n  <Limit WRITE>\n    AllowUser warden{i}\n    DenyAll\n  </Limit>\n"
                   f"  HideFiles ^\\.\n</Directory>\n" for i, s in enumerate(HUTS))
    good = (f'ServerName "ridgeroost wardens drop"\nServerType standalone\nDefaultServer on\nPort {P3}\n'
            f"DefaultAddress 127.0.0.1\nUseIPv6 off\nUmask 027\nMaxInstances 10\nUser nobody\nGroup nogroup\n"
            f"PidFile {d}/proftpd.pid\nScoreboardFile {d}/proftpd.scoreboard\nDefaultRoot ~\nAllowOverwrite off\n"
            f"PassivePorts {P1} {P1 + 10}\nTimeoutLogin 60\nTimeoutIdle 300\nMaxLoginAttempts 3\n"
            f"TransferLog {d}/xferlog\nSystemLog {d}/proftpd.log\nRequireValidShell off\n{dirs}")
    (d / "proftpd.conf").write_text(good)
    confs = {
        "port": good.replace(f"Port {P3}", "Port ninety"),
        "limit": good + f"<Directory {d}/drop/reports>\n  <Limit STOR\n    DenyAll\n  </Limit>\n</Directory>\n",
        "context": good + "AllowUser warden99\n",
        "passive": good.replace(f"PassivePorts {P1} {P1 + 10}", f"PassivePorts {P1 + 10} {P1}"),
        "ifmodule": good + "<IfModule mod_tls.c>\n  TLSEngine on\n",
        "include": good + "Include /etc/ridgeroost/ftp.d/*.conf\n",
        "timeout": good.replace("TimeoutLogin 60", "TimeoutLogin -1"),
        "masq": good + "MasqueradeAddress hut.invalid\n",
        "filter": good + 'DenyFilter "(unbalanced"\n',
    }
    for n, t in confs.items():
        (d / f"proftpd-{n}.conf").write_text(t)
    cap("proftpd-t-debug", f"proftpd -t -d 10 -c {d}/proftpd.conf 2>&1; echo EXIT=$?", d, w.n_proftpd_t,
        timeout=60)
    cap("proftpd-t-debug-limit", f"proftpd -t -d 10 -c {d}/proftpd-limit.conf 2>&1 | tail -n 80; echo EXIT=$?", d,
        w.n_proftpd_t, timeout=60)
    cap("proftpd-t-loop", 'for f in proftpd-*.conf; do echo "== $f"; proftpd -t -c $PWD/$f; echo EXIT=$?; done', d,
        w.n_proftpd_t, timeout=120)


# ------------------------------------------------------------------ fail2ban


def fail2ban(tmp: Path) -> None:
    d = tmp / "fail2ban"
    shutil.copytree("/etc/fail2ban", d / "etc")
    logs = d / "logs"
    logs.mkdir()
    for f in ["auth.log", "booking-error.log", "wardens-ftp.log", "cups-error.log", "turn.log", "privoxy.log"]:
        (logs / f).write_text("")
    (d / "etc" / "fail2ban.local").write_text(
        f"[Definition]\nloglevel = DEBUG\nlogtarget = STDERR\nsocket = {d}/f2b.sock\npidfile = {d}/f2b.pid\n"
        f"dbfile = :memory:\n")
    (d / "etc" / "jail.d" / "defaults-debian.conf").write_text("[DEFAULT]\nbanaction = nftables-multiport\n")
    (d / "etc" / "filter.d" / "ridgeroost-booking.conf").write_text(
        "[Definition]\nfailregex = ^<HOST> - \\S+ \\[.*\\] \"POST /api/login HTTP/1\\.[01]\" 401\n"
        "            ^.*booking: too many holds for bed list from <HOST>\nignoreregex =\n")
    good = (f"[DEFAULT]\nbackend = polling\nignoreip = 127.0.0.1/8 10.33.0.0/16\nbantime = 30m\nfindtime = 15m\n"
            f"maxretry = 6\nbantime.increment = true\nbantime.factor = 2\n\n"
            f"[sshd]\nenabled = true\nlogpath = {logs}/auth.log\nmaxretry = 4\n\n"
            f"[proftpd]\nenabled = true\nport = {P3}\nlogpath = {logs}/wardens-ftp.log\nfindtime = 1h\n\n"
            f"[ridgeroost-booking]\nenabled = true\nport = {P1}\nlogpath = {logs}/booking-error.log\n"
            f"bantime = 12h\nmaxretry = 10\n\n"
            f"[privoxy]\nenabled = true\nfilter = apache-badbots\nport = {P1}\nlogpath = {logs}/privoxy.log\n\n"
            f"[recidive]\nenabled = true\nlogpath = {logs}/auth.log\nbantime = 4w\nfindtime = 2d\n")
    (d / "etc" / "jail.local").write_text(good)
    cap("f2b-t-good", "fail2ban-client -c etc -vv -t; echo EXIT=$?", d, w.n_f2b_t, timeout=120)
    cap("f2b-d-good", "fail2ban-client -c etc -d", d, w.n_f2b_d, timeout=120)
    (d / "etc" / "filter.d" / "ridgeroost-turn.conf").write_text(
        "[Definition]\nfailregex = ^.*realm <ridgeroost> user <\\S+>: 401 Unauthorized from ADDR\nignoreregex =\n")
    bad = good.replace("findtime = 1h", "findtime = 10 eons") + (
        f"\n[hutbook-login]\nenabled = true\nlogpath = {logs}/booking-error.log\n\n"
        f"[ridgeroost-turn]\nenabled = true\nport = {P2}\nlogpath = {logs}/turn.log\n\n"
        f"[cups-admin]\nenabled = true\nfilter = ridgeroost-booking\naction = nftables-missing[name=cups]\n"
        f"logpath = {logs}/cups-error.log\n\n"
        f"[gpx-upload]\nenabled = true\nfilter = ridgeroost-booking\nbackend = systemdd\n"
        f"logpath = {logs}/gpx-*.log\nmaxretry = -2\n")
    (d / "etc" / "jail.local").write_text(bad)
    cap("f2b-t-broken", "fail2ban-client -c etc -vv -t; echo EXIT=$?", d, w.n_f2b_t, timeout=120)
    cap("f2b-d-broken", "fail2ban-client -c etc -d 2>&1 | tail -n 200; echo EXIT=$?", d, w.n_f2b_d, timeout=120)


# ------------------------------------------------------------------ coturn


def stop_all() -> None:
    for p in list(cm.PROCS):
        cm.stop(p)
        cm.PROCS.remove(p)


def turnserver(tmp: Path) -> None:
    d = tmp / "turn"
    d.mkdir(parents=True)
    mkpem(d)
    base = (f"listening-ip=127.0.0.1\nlistening-port={P2}\nrelay-ip=127.0.0.1\nmin-port={P3}\nmax-port={P3 + 60}\n"
            f"realm=ridgeroost.lan\nfingerprint\nlt-cred-mech\nuser=warden:ibexhorn\nuser=booking:marmot-saddle\n"
            f"no-cli\nno-tls\nno-dtls\nlog-file=stdout\npidfile={d}/turn.pid\nuserdb={d}/turndb\n"
            f"user-quota=12\nmax-allocate-lifetime=1800\nchannel-lifetime=300\n"
            f"allowed-peer-ip=127.0.0.1\n")
    (d / "turnserver.conf").write_text(base)
    (d / "turnserver-broken.conf").write_text(
        base + f"listening-port={P2 + 1}\nrelay-ip=fd33::zz\nmin-port=70000\nstatic-auth-secret\n"
        "bps-capacity=-5\nlistening-devic=eth0\nallowed-peer-ip=10.33.0.1-10.33.0.0\nsecure-stun=maybe\n"
        f"dh-file={d}/missing-dh.pem\nserver-name=\n")
    (d / "turnserver-tls.conf").write_text(
        base.replace("no-tls\nno-dtls\n", f"cert={d}/ridgeroost.crt\npkey={d}/ridgeroost.key\n"
                                          f"tls-listening-port={P1}\ncipher-list=ECDHE+AESGCM\n") + "Verbose\n")
    (d / "turnserver-alt.conf").write_text(base + f"alt-listening-port={P2}\naux-server=127.0.0.1:{P2}\n")
    cap("turnserver-verbose", "timeout 4 turnserver -c turnserver.conf -v; echo EXIT=$?", d, w.n_turnserver,
        timeout=30)
    cap("turnserver-broken", "timeout 4 turnserver -c turnserver-broken.conf 2>&1 | head -n 200; echo EXIT=$?", d,
        w.n_turnserver, timeout=30)
    cap("turnserver-tls-verbose", "timeout 4 turnserver -c turnserver-tls.conf 2>&1 | tail -n 300", d,
        w.n_turnserver, timeout=30)
    cap("turnserver-alt-port", "timeout 4 turnserver -c turnserver-alt.conf; echo EXIT=$?", d, w.n_turnserver,
        timeout=30)
    # the relay range held by another listener: the relay ports taken
    cm.start(["python3", "-c", "import socket,time\nss=[]\n"
              f"for p in range({P3}, {P3 + 61}):\n"
              "    u=socket.socket(type=socket.SOCK_DGRAM); u.bind(('127.0.0.1', p)); ss.append(u)\n"
              "    t=socket.socket(); t.bind(('127.0.0.1', p)); t.listen(); ss.append(t)\n"
              f"t=socket.socket(); t.bind(('127.0.0.1', {P2})); t.listen(); ss.append(t)\n"
              f"u=socket.socket(type=socket.SOCK_DGRAM); u.bind(('127.0.0.1', {P2})); ss.append(u)\n"
              "time.sleep(30)"])
    time.sleep(2)
    cap("turnserver-ports-taken", "timeout 4 turnserver -c turnserver.conf --pidfile turn2.pid -v; echo EXIT=$?", d,
        w.n_turnserver, timeout=30)
    stop_all()


# ------------------------------------------------------------------ Hitch, radvd, BIRD


def hitch(tmp: Path) -> None:
    d = tmp / "hitch"
    d.mkdir(parents=True)
    mkpem(d)
    good = (f'frontend = "[127.0.0.1]:{P3}"\nbackend = "[127.0.0.1]:{P1}"\npem-file = "{d}/ridgeroost.pem"\n'
            f'workers = 2\nbacklog = 128\nkeepalive = 600\nciphers = "EECDH+AESGCM"\n'
            f'tls-protos = TLSv1.3\nalpn-protos = "http/1.1"\nwrite-proxy-v2 = off\ndaemon = off\n'
            f'user = "nobody"\nlog-level = 2\nsni-nomatch-abort = on\n')
    confs = {
        "hitch.conf": good,
        "hitch-backlog.conf": good.replace("backlog = 128", "backlog = many"),
        "hitch-keepalive.conf": good.replace("keepalive = 600", "keepalive = -600"),
        "hitch-key.conf": good + "ocsp-dir-path = /var/lib/ridgeroost/ocsp\n",
        "hitch-unknown.conf": good + "sni-fallback = on\n",
        "hitch-frontend.conf": good + f'frontend = "[127.0.0.1]:{P3}"\n',
        "hitch-bool.conf": good.replace("write-proxy-v2 = off", "write-proxy-v2 = perhaps"),
        "hitch-section.conf": good + 'frontend = {\n  host = "127.0.0.1"\n  port = "99999"\n}\n',
        "hitch-loglevel.conf": good.replace("log-level = 2", "log-level = loud"),
        "hitch-dir.conf": good.replace(f"{d}/ridgeroost.pem", f"{d}"),
    }
    for n, t in confs.items():
        (d / n).write_text(t)
    mkpem(d, "lodge")
    run("openssl rsa -in ridgeroost.key -aes256 -passout pass:ibex -out enc.key 2>/dev/null; "
        "cat enc.key ridgeroost.crt > encrypted.pem; cat ridgeroost.key lodge.key ridgeroost.crt > twokeys.pem; "
        "cat lodge.crt ridgeroost.key > crossed.pem; printf 'not a pem\\n' > text.pem; "
        "sed 's/^MII/XII/' ridgeroost.pem > mangled.pem", cwd=d)
    for n in ["encrypted", "twokeys", "crossed", "text", "mangled"]:
        (d / f"pem-{n}.conf").write_text(good.replace("ridgeroost.pem", f"{n}.pem"))
    cap("hitch-test-pems", 'for f in pem-*.conf; do echo "== $f"; hitch --test --config=$f; echo EXIT=$?; done',
        d, w.n_hitch, timeout=120)
    cap("hitch-test-loop", 'for f in hitch*.conf; do echo "== $f"; hitch --test --config=$f; echo EXIT=$?; done',
        d, w.n_hitch, timeout=120)


def radvd(tmp: Path) -> None:
    d = tmp / "radvd"
    d.mkdir(parents=True)
    ifs = "".join(
        f"interface hut{i}\n{{\n  AdvSendAdvert on;\n  MinRtrAdvInterval 20;\n  MaxRtrAdvInterval 60;\n"
        f"  AdvDefaultPreference medium;\n  prefix fd33:{i:x}::/64\n  {{\n    AdvOnLink on;\n    AdvAutonomous on;\n"
        f"    AdvValidLifetime 86400;\n    AdvPreferredLifetime 14400;\n  }};\n"
        f"  route fd33:ff{i:02x}::/48\n  {{\n    AdvRoutePreference high;\n  }};\n"
        f"  RDNSS fd33::53\n  {{\n    AdvRDNSSLifetime 600;\n  }};\n  DNSSL huts.ridgeroost.lan\n  {{\n  }};\n}};\n"
        for i in range(12))
    (d / "radvd.conf").write_text(ifs)
    one = {
        "pref": "  AdvDefaultPreference urgent;\n",
        "lifetimes": "  prefix fd33:99::/64\n  {\n    AdvValidLifetime 600;\n    AdvPreferredLifetime 7200;\n  };\n",
        "route": "  route fd33:fff::/200\n  {\n  };\n",
        "brace": "  prefix fd33:98::/64\n  {\n    AdvOnLink on;\n",
        "option": "  AdvHomeAgentFlg on;\n",
        "dnssl": "  DNSSL huts..ridgeroost.lan\n  {\n  };\n",
        "number": "  AdvCurHopLimit 300;\n",
        "clients": "  clients\n  {\n    fe80::zz;\n  };\n",
        "v4prefix": "  prefix 10.33.0.0/16\n  {\n  };\n",
    }
    for n, body in one.items():
        (d / f"radvd-{n}.conf").write_text(ifs + f"interface lift0\n{{\n  AdvSendAdvert on;\n{body}}};\n")
    cap("radvd-loop", 'for f in radvd*.conf; do echo "== $f"; radvd -c -C $f -m stderr -p radvd.pid; '
        'echo EXIT=$?; done', d, w.n_radvd, timeout=60)
    cap("radvd-debug", "radvd -c -C radvd.conf -d 5 -m stderr -p radvd.pid 2>&1; echo EXIT=$?", d, w.n_radvd,
        timeout=60)


def bird(tmp: Path) -> None:
    d = tmp / "bird"
    d.mkdir(parents=True)
    statics = "".join(f"  route 10.33.{i}.0/24 via 127.0.0.{i % 7 + 2};\n" for i in range(60))
    good = (f"log stderr all;\nrouter id 10.33.0.1;\ndefine HUTNET = [ 10.33.0.0/16+ ];\n"
            f"protocol device {{ scan time 15; }}\nprotocol kernel {{ ipv4 {{ export none; }}; learn; }}\n"
            f"protocol static hut_routes {{\n  ipv4;\n{statics}}}\n"
            f"filter export_huts {{\n  if net ~ HUTNET then accept;\n  reject;\n}}\n"
            f"protocol bgp valley {{\n  local 127.0.0.1 as 65033;\n  neighbor 127.0.0.3 port {P2} as 65100;\n"
            f"  hold time 90;\n  ipv4 {{ import all; export filter export_huts; }};\n}}\n")
    confs = {
        "bird.conf": good,
        "bird-define.conf": good.replace("net ~ HUTNET", "net ~ LIFTNET"),
        "bird-hold.conf": good.replace("hold time 90;", "hold time 2;"),
        "bird-routerid.conf": good.replace("router id 10.33.0.1;", "router id 10.33.0.256;"),
        "bird-port.conf": good.replace(f"port {P2} as", "port 70000 as"),
        "bird-channel.conf": good.replace("ipv4 { import all;", "ipv5 { import all;"),
        "bird-twice.conf": good + f"protocol bgp valley {{ local as 65033; neighbor 127.0.0.4 as 65101; ipv4; }}\n",
        "bird-kernel.conf": good + "protocol kernel { ipv4 { export all; }; }\n",
        "bird-brace.conf": good + "protocol static extra_routes {\n  ipv4;\n  route 10.34.0.0/16 blackhole;\n",
    }
    for n, t in confs.items():
        (d / n).write_text(t)
    filt = {
        "aspath": "filter g1 { if bgp_path.len > 64 then reject; if bgp_path ~ [= * 65100 * =] then accept; reject; }\n",
        "undef": "filter g2 { if hut_is_open(net) then accept; reject; }\n",
        "else": "filter g3 { if net.len > 24 then reject; else accept }\n",
        "string": "filter g4 { if net ~ \"10.33.0.0/16\" then accept; reject; }\n",
        "case": "filter g5 { case net.len { 16: accept; 24..32: reject; else: unknown; } }\n",
        "ok": "filter g6 { if net ~ [ 10.33.0.0/16{20,28} ] then { bgp_med = 50; accept; } reject; }\n",
        "function": "function is_hut(prefix p) { return p ~ [ 10.33.0.0/16+ ]; }\n"
                    "filter g7 { if is_hut(net, 1) then accept; reject; }\n",
    }
    (d / "filters").mkdir()
    for n, t in filt.items():
        (d / "filters" / f"{n}.conf").write_text(good + t)
    cap("bird-parse-filters", 'for f in filters/*.conf; do echo "== $f"; bird -p -c $f; echo EXIT=$?; done', d,
        w.n_bird, timeout=120)
    cap("bird-parse-loop", 'for f in bird*.conf; do echo "== $f"; bird -p -c $f; echo EXIT=$?; done', d, w.n_bird,
        timeout=120)


# ------------------------------------------------------------------ stunnel


def stunnel(tmp: Path) -> None:
    d = tmp / "stunnel"
    d.mkdir(parents=True)
    mkpem(d)
    svcs = "".join(f"[{h}]\naccept = 127.0.0.1:{P1 + i}\nconnect = 127.0.0.1:{P2}\n" for i, h in
                   enumerate(HUTS[:4]))
    good = (f"foreground = yes\ndebug = 7\npid = {d}/stunnel.pid\noutput = /dev/stdout\n"
            f"cert = {d}/ridgeroost.pem\nsslVersionMin = TLSv1.2\n\n{svcs}\n[booking-api]\n"
            f"accept = 127.0.0.1:{P3}\nconnect = 127.0.0.1:{P2}\nTIMEOUTidle = 60\n")
    (d / "stunnel.conf").write_text(good)
    (d / "stunnel-sslversion.conf").write_text(good.replace("sslVersionMin = TLSv1.2", "sslVersionMin = TLSv1.7"))
    (d / "stunnel-clash.conf").write_text(good.replace(f"accept = 127.0.0.1:{P1 + 3}", f"accept = 127.0.0.1:{P1}"))
    (d / "stunnel-key.conf").write_text(good.replace(f"cert = {d}/ridgeroost.pem",
                                                     f"cert = {d}/ridgeroost.crt\nkey = {d}/missing.key"))
    (d / "stunnel-option.conf").write_text(good + "TIMEOUTidel = 30\n")
    (d / "stunnel-verify.conf").write_text(good + "verifyChain = yes\nCAfile = /etc/ridgeroost/ca-missing.pem\n")
    (d / "stunnel-client.conf").write_text(good.replace("[booking-api]", "[booking-api]\nclient = maybe"))
    (d / "stunnel-global.conf").write_text(good.replace("debug = 7", "debug = verbose"))
    cap("stunnel-good", f"(timeout 6 stunnel stunnel.conf; echo EXIT=$?) & sleep 2; "
        f"for p in {P1} {P1 + 1} {P3}; do echo | timeout 3 openssl s_client -connect 127.0.0.1:$p -quiet "
        f">/dev/null 2>&1; done; wait", d, w.n_stunnel, timeout=40)
    many = "".join(f"[{h}]\naccept = 127.0.0.1:{P1 + 10 + i}\nconnect = 127.0.0.1:{P2}\n" for i, h in
                   enumerate(HUTS))
    (d / "stunnel-huts.conf").write_text(good.replace(svcs, many + f"[{HUTS[5]}]\naccept = 127.0.0.1:{P1 + 15}\n"
                                                      f"connect = 127.0.0.1:{P2}\n"))
    cap("stunnel-huts", "timeout 4 stunnel stunnel-huts.conf; echo EXIT=$?", d, w.n_stunnel, timeout=30)
    cap("stunnel-loop", 'for f in stunnel-*.conf; do echo "== $f"; timeout 3 stunnel $f; echo EXIT=$?; done', d,
        w.n_stunnel, timeout=90)


STEPS = [lighttpd, nsd, tor, privoxy, cups, proftpd, fail2ban, turnserver, hitch, radvd, bird, stunnel]


def ensure_tools() -> None:
    w.ensure_tools()  # round 327's tools from Debian (already present), /usr/sbin first on PATH


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, lambda: STEPS, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide333", sys.modules["__main__"])
    main()
