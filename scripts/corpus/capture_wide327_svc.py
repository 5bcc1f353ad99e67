"""Round 327, the services of a community radio station (`wavecrest`) checked and started on 127.0.0.1: its web
player (lighttpd), name server (NSD), proxies (Tor, Privoxy), print room (CUPS), FTP drop (ProFTPD), jails
(fail2ban), TURN relay for remote guests (coturn), TLS fronts (Hitch, stunnel), router adverts (radvd) and routing
(BIRD 2), each on configs with faults put in and good ones beside them. The extractors are capture_wide327.py's
(NEEDLES.md, "Round 327"). Run through capture_wide327.py."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import capture_more as cm
from capture_more import run
from capture_wide327 import P1, P2, P3, add, cap
import capture_wide327 as w

SHOWS = ["morning-tide", "harbour-jazz", "kelp-beats", "lighthouse-folk", "storm-talk", "drift-ambient", "reef-reggae",
         "pier-punk", "night-ferry", "gull-news", "buoy-blues", "sandbar-soul", "current-affairs", "swell-classics",
         "breakwater-rock", "estuary-electro", "mudflat-metal", "seaspray-swing", "anchor-hiphop", "tidepool-kids"]


def mkpem(d: Path, name: str = "wavecrest") -> Path:
    pem = d / f"{name}.pem"
    if not pem.exists():
        run(f"openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj /CN={name}.lan -keyout {name}.key "
            f"-out {name}.crt 2>/dev/null && cat {name}.key {name}.crt > {name}.pem", cwd=d, timeout=60)
    return pem


# ------------------------------------------------------------------ lighttpd


def lighttpd_conf(d: Path, faults: list[str], seed: int) -> str:
    rnd = random.Random(seed)
    (d / "www").mkdir(exist_ok=True)
    (d / "log").mkdir(exist_ok=True)
    s = [f'server.modules = ( "mod_access", "mod_alias", "mod_redirect", "mod_rewrite", "mod_setenv",',
         '                   "mod_expire", "mod_accesslog", "mod_status", "mod_proxy", "mod_auth", "mod_authn_file" )',
         f'server.document-root = "{d}/www"', f'server.errorlog = "{d}/log/error.log"',
         f'accesslog.filename = "{d}/log/access.log"', f'server.pid-file = "{d}/lighttpd.pid"',
         'server.bind = "127.0.0.1"', f"server.port = {P1}", 'server.tag = "wavecrest-player"',
         'index-file.names = ( "index.html", "player.html" )', 'mimetype.assign = ( ".html" => "text/html",',
         '  ".js" => "application/javascript", ".css" => "text/css", ".mp3" => "audio/mpeg", ".ogg" => "audio/ogg",',
         '  ".m3u" => "audio/x-mpegurl", ".json" => "application/json" )',
         'static-file.exclude-extensions = ( ".php", ".pl", ".fcgi" )',
         'status.status-url = "/server-status"', 'status.config-url = "/server-config"',
         'auth.backend = "htdigest"', f'auth.backend.htdigest.userfile = "{d}/htdigest"', ""]
    for i, show in enumerate(SHOWS):
        s += [f'$HTTP["url"] =~ "^/shows/{show}/" {{',
              f'  alias.url = ( "/shows/{show}/" => "{d}/www/archive/{show}/" )',
              f'  expire.url = ( "" => "access plus {rnd.randint(1, 48)} hours" )',
              f'  setenv.add-response-header = ( "X-Show" => "{show}", "X-Slot" => "{i:02d}" )', "}"]
    s += [f'$HTTP["url"] =~ "^/live" {{', f'  proxy.server = ( "" => ( ( "host" => "127.0.0.1", "port" => {P2} ) ) )',
          "}", '$HTTP["url"] =~ "^/studio" {',
          '  auth.require = ( "" => ( "method" => "digest", "realm" => "studio", "require" => "valid-user" ) )', "}",
          '$HTTP["host"] == "archive.wavecrest.lan" {', '  url.redirect = ( "^/(.*)" => "/shows/$1" )', "}",
          'url.rewrite-once = ( "^/now$" => "/api/now.json", "^/schedule$" => "/api/schedule.json" )']
    sets = {
        "typos": ['server.documentroot = "/srv/wavecrest"', 'url.rewite-once = ( "^/old$" => "/new" )',
                  'server.max-keep-alive-requst = 100', 'setenv.add-reponse-header = ( "X-Station" => "wavecrest" )',
                  'accesslog.formt = "%h %t %r %>s"', 'expire.url += ( "/podcast/" => "access plus 2 dayz" )'],
        "modules": ['server.modules += ( "mod_fooproxy" )'],
        "include": [f'include "{d}/conf.d/missing-streams.conf"'],
        "duplicate": ['server.port = "eighteen"'],
        "block": ['$HTTP["url"] =~ "^/podcast" {\n  dir-listing.activate = "enable"\n'],
        "comma": ['proxy.server = ( "/hls/" => ( ( "host" => "127.0.0.1" "port" => 18328 ) ) )'],
    }
    for f in faults:
        s += sets[f]
    return "\n".join(s) + "\n"


def lighttpd(tmp: Path) -> None:
    d = tmp / "lighttpd"
    (d / "conf.d").mkdir(parents=True)
    confs = {"player.conf": [], "typos.conf": ["typos"], "modules.conf": ["modules"], "include.conf": ["include"],
             "port.conf": ["duplicate"], "podcast.conf": ["block"], "hls.conf": ["comma"]}
    for i, (name, faults) in enumerate(confs.items()):
        (d / "conf.d" / name).write_text(lighttpd_conf(d, faults, i + 1))
    cap("lighttpd-tt-loop", 'for f in conf.d/*.conf; do echo "== $f"; lighttpd -tt -f "$f"; echo EXIT=$?; done',
        d, w.n_lighttpd_tt, timeout=120)
    # the shows' blocks written with an old key spelling, a module left out, a value of the wrong type
    shows = lighttpd_conf(d, [], 9).replace('"mod_expire", ', '').replace("expire.url", "expires.url")
    shows += "".join(f'$HTTP["url"] =~ "^/podcast/{s}/" {{\n  dir-listing.activate = "enable"\n'
                     f'  server.max-read-idle = "{i} minutes"\n}}\n' for i, s in enumerate(SHOWS[:8]))
    (d / "conf.d" / "shows.conf").write_text(shows)
    cap("lighttpd-tt-shows", "lighttpd -tt -f conf.d/shows.conf; echo EXIT=$?", d, w.n_lighttpd_tt, timeout=60)
    cap("lighttpd-p-player", "lighttpd -p -f conf.d/player.conf", d, w.n_lighttpd_p, timeout=60)
    cap("lighttpd-p-typos", "lighttpd -p -f conf.d/typos.conf 2>&1 | head -n 200", d, w.n_lighttpd_p, timeout=60)


# ------------------------------------------------------------------ NSD


def zone_text(origin: str, n: int, seed: int, faults: list[str]) -> str:
    rnd = random.Random(seed)
    z = [f"$ORIGIN {origin}.", "$TTL 3600",
         f"@ IN SOA ns1.{origin}. hostmaster.{origin}. ( 2026120201 7200 3600 1209600 3600 )",
         f"@ IN NS ns1.{origin}.", f"@ IN NS ns2.{origin}.", f"@ IN MX 10 mail.{origin}.",
         f'@ IN TXT "v=spf1 mx -all"', f"ns1 IN A 10.27.0.53", f"ns2 IN A 10.27.1.53", f"mail IN A 10.27.0.25"]
    for i in range(n):
        host = f"{rnd.choice(SHOWS)}-{i:03d}"
        z.append(f"{host} IN A 10.27.{rnd.randint(2, 250)}.{rnd.randint(1, 254)}")
        if i % 7 == 0:
            z.append(f"{host} IN AAAA fd27:{rnd.randint(1, 9999):x}::{i:x}")
        if i % 11 == 0:
            z.append(f"stream{i} IN CNAME {host}")
    z.append(f"_sip._udp IN SRV 10 60 5060 voip.{origin}.")
    z.append(f"voip IN A 10.27.3.60")
    return "\n".join(z + faults) + "\n"


def nsd(tmp: Path) -> None:
    d = tmp / "nsd"
    (d / "zones").mkdir(parents=True)
    origin = "wavecrest.lan"
    (d / "zones" / "wavecrest.lan.zone").write_text(zone_text(origin, 1900, 7, []))
    (d / "zones" / "studio.wavecrest.lan.zone").write_text(zone_text("studio." + origin, 40, 8, [
        "mixer IN A 10.27.9.300",
        "desk IN CNAME mixer",
        "desk IN A 10.27.9.12",
        "outside.example.org. IN A 192.0.2.7",
        "tx IN MX mail",
        "bad_ttl 1w2x IN A 10.27.9.13",
        "ipv6 IN AAAA fd27::zz",
        'note IN TXT "unterminated',
    ]))
    (d / "zones" / "gulls.wavecrest.lan.zone").write_text(
        "$ORIGIN gulls.wavecrest.lan.\n$TTL 300\n" + "\n".join(
            f"gull{i} IN A 10.27.{i}.1" for i in range(30)) + "\nwww IN CNAME gull3\nwww IN CNAME gull4\n")
    zones = []
    for i, show in enumerate(SHOWS):
        zones.append(f"zone:\n\tname: \"{show}.wavecrest.lan\"\n\tinclude-pattern: \"primary\"\n"
                     f"\tzonefile: \"{d}/zones/wavecrest.lan.zone\"\n")
    base = (f'server:\n\tip-address: 127.0.0.1@{P1}\n\tport: {P1}\n\tserver-count: 1\n\tusername: ""\n'
            f'\tzonesdir: "{d}/zones"\n\tdatabase: ""\n\tpidfile: "{d}/nsd.pid"\n\tlogfile: "{d}/nsd.log"\n'
            f'\txfrdfile: "{d}/xfrd.state"\n\tverbosity: 2\n\thide-version: yes\n\n'
            f'remote-control:\n\tcontrol-enable: no\n\n'
            f'key:\n\tname: "wavecrest-xfr"\n\talgorithm: hmac-sha256\n\tsecret: "K2tf3TRjvQkVCmJF3/Z9vA=="\n\n'
            f'pattern:\n\tname: "primary"\n\tnotify: 127.0.0.2 wavecrest-xfr\n\tprovide-xfr: 127.0.0.2 wavecrest-xfr\n\n'
            f'zone:\n\tname: "wavecrest.lan"\n\tzonefile: "{d}/zones/wavecrest.lan.zone"\n\tinclude-pattern: "primary"\n\n')
    (d / "nsd.conf").write_text(base + "\n".join(zones))
    cap("nsd-checkconf-v", "nsd-checkconf -v nsd.conf", d, w.n_nsd_checkconf, timeout=60)
    # one fault a file (the parser stops at its first syntax error), checked in one loop
    one = {
        "count": base.replace("server-count: 1", "server-count: one"),
        "option": base.replace("hide-version: yes", "hide-verison: yes"),
        "pattern": base + f'zone:\n\tname: "studio.wavecrest.lan"\n\tinclude-pattern: "secondary"\n',
        "key": base + 'zone:\n\tname: "gulls.wavecrest.lan"\n\trequest-xfr: 127.0.0.3 missing-key\n',
        "mask": base + 'zone:\n\tname: "reef.wavecrest.lan"\n\tprovide-xfr: 10.27.0.0/33 NOKEY\n',
        "dup": base + f'zone:\n\tname: "wavecrest.lan"\n\tzonefile: "{d}/zones/dup.zone"\n',
        "algo": base.replace("hmac-sha256", "hmac-sha999"),
        "secret": base.replace("K2tf3TRjvQkVCmJF3/Z9vA==", "not base64 at all!"),
        "ip": base.replace(f"ip-address: 127.0.0.1@{P1}", f"ip-address: 127.0.0.300@{P1}"),
    }
    for n, t in one.items():
        (d / f"nsd-{n}.conf").write_text(t)
    cap("nsd-checkconf-loop", 'for f in nsd-*.conf; do echo "== $f"; nsd-checkconf $f; echo EXIT=$?; done', d,
        w.n_nsd_checkconf, timeout=120)
    cap("nsd-checkzone-p", "nsd-checkzone -p wavecrest.lan zones/wavecrest.lan.zone", d, w.n_nsd_checkzone,
        timeout=60)
    cap("nsd-checkzone-loop", "for z in wavecrest.lan studio.wavecrest.lan gulls.wavecrest.lan; do "
        "nsd-checkzone $z zones/$z.zone; echo EXIT=$?; done", d, w.n_nsd_checkzone, timeout=60)
    rev = ["$ORIGIN 27.10.in-addr.arpa.", "$TTL 3600",
           "@ IN SOA ns1.wavecrest.lan. hostmaster.wavecrest.lan. ( 2026120202 7200 3600 1209600 3600 )",
           "@ IN NS ns1.wavecrest.lan.", "@ IN NS ns2.wavecrest.lan."]
    rnd = random.Random(11)
    rev += [f"{i % 250 + 1}.{i // 250} IN PTR {rnd.choice(SHOWS)}-{i:03d}.wavecrest.lan." for i in range(600)]
    rev += ["53.0 IN TXT \"primary name server\"", "25.0 IN HINFO \"x86\" \"Debian\""]
    (d / "zones" / "27.10.zone").write_text("\n".join(rev) + "\n")
    cap("nsd-checkzone-rev-p", "nsd-checkzone -p 27.10.in-addr.arpa zones/27.10.zone | head -n 300", d,
        w.n_nsd_checkzone, timeout=60)


# ------------------------------------------------------------------ Tor and Privoxy


def tor(tmp: Path) -> None:
    d = tmp / "tor"
    (d / "data").mkdir(parents=True)
    (d / "hs").mkdir()
    run(f"chmod 700 {d}/data {d}/hs")
    good = (f"SocksPort 127.0.0.1:{P1}\nControlPort 127.0.0.1:{P2}\nCookieAuthentication 1\nDataDirectory {d}/data\n"
            f"Log notice stdout\nClientOnly 1\nAvoidDiskWrites 1\nHiddenServiceDir {d}/hs\n"
            f"HiddenServicePort 80 127.0.0.1:{P3}\nExitPolicy reject *:*\nSafeLogging 1\n")
    (d / "torrc").write_text(good)
    bad = good + ("ExitPolcy accept *:80\nSocksPort 127.0.0.1:notaport\nBandwidthRate 10 MBits\n"
                  "HiddenServicePort 443\nExcludeNodes {zz},{wavecrest}\nUseBridges 1\nMaxCircuitDirtiness -5\n"
                  f"GeoIPFile {d}/geoip-missing\nSocksPolicy accept 10.27.0.0/33\n")
    (d / "torrc.broken").write_text(bad)
    cap("tor-verify-good", "tor --verify-config -f torrc; echo EXIT=$?", d, w.n_tor_verify, timeout=90)
    cap("tor-verify-broken", "tor --verify-config -f torrc.broken; echo EXIT=$?", d, w.n_tor_verify, timeout=90)
    # one fault at a time, as an agent bisects a config
    faults = ["ExitPolcy accept *:80", "SocksPort 127.0.0.1:notaport", "BandwidthRate 10 MBits",
              "HiddenServicePort 443", "MaxCircuitDirtiness -5", f"GeoIPFile {d}/geoip-missing",
              "ControlPort 127.0.0.1:" + str(P1)]
    for i, f in enumerate(faults):
        (d / f"torrc.{i}").write_text(good + f + "\n")
    relay = good.replace("ClientOnly 1\n", "") + (f"ORPort 127.0.0.1:{P3}\nNickname wavecrest-radio\n"
                                                   "ContactInfo studio at wavecrest dot lan\nExitRelay 0\n"
                                                   "RelayBandwidthRate 100 KBytes\nRelayBandwidthBurst 50 KBytes\n"
                                                   "AccountingMax 1 GBytes\nAccountingStart month 31 00:00\n")
    (d / "torrc.relay").write_text(relay)
    cap("tor-verify-relay", "tor --verify-config -f torrc.relay; echo EXIT=$?", d, w.n_tor_verify, timeout=90)
    (d / "torrc.relay2").write_text(relay.replace("Nickname wavecrest-radio", "Nickname wavecrestradio")
                                    .replace("RelayBandwidthBurst 50 KBytes", "RelayBandwidthBurst 200 KBytes"))
    cap("tor-verify-relay2", "tor --verify-config -f torrc.relay2; echo EXIT=$?", d, w.n_tor_verify, timeout=90)
    cap("tor-verify-bisect", 'for f in torrc.[0-9]; do echo "== $f: $(tail -n 1 $f)"; '
        'tor --verify-config -f $f 2>&1 | grep -v "^$" | tail -n 6; done', d, w.n_tor_verify, timeout=240)


def privoxy(tmp: Path) -> None:
    d = tmp / "privoxy"
    d.mkdir(parents=True)
    for f in ["match-all.action", "default.action", "default.filter"]:
        src = Path("/etc/privoxy") / f
        if src.exists():
            shutil.copy(src, d / f)
    (d / "wavecrest.action").write_text("{ +block{ad networks} }\n.doubleclick.net\n{ -filter }\n.wavecrest.lan\n"
                                        "{ +nonexistent-action }\n.example.com\n{ +redirect{s@^http:@https:@ }\n"
                                        ".stream.wavecrest.lan\n")
    good = (f"confdir {d}\nlogdir {d}\nactionsfile match-all.action\nactionsfile default.action\n"
            f"filterfile default.filter\nlisten-address 127.0.0.1:{P1}\ntoggle 1\nenable-remote-toggle 0\n"
            f"enable-edit-actions 0\nbuffer-limit 4096\nforwarded-connect-retries 0\naccept-intercepted-requests 0\n"
            f"debug 1\ndebug 1024\ndebug 4096\ndebug 8192\n")
    (d / "config").write_text(good)
    (d / "config.broken").write_text(
        good + f"listen-adress 127.0.0.1:{P2}\nenable-remote-togle 0\nforward-sock5 / 127.0.0.1:{P3} .\n"
        "max-client-conections 64\nsocket-timout 300\nkeep-alive-timeout -1\nbuffer-limit lots\n")
    (d / "config.files").write_text(
        good + "actionsfile wavecrest.action\nactionsfile user.action\nfilterfile missing.filter\n")
    (d / "config.forward").write_text(good + f"forward-socks5 / 127.0.0.1:notaport .\n")
    (d / "config.acl").write_text(good + "permit-access 10.27.0.0/33\n")
    cap("privoxy-good", "privoxy --no-daemon --config-test config; echo EXIT=$?", d, w.n_privoxy, timeout=60)
    cap("privoxy-broken", "privoxy --no-daemon --config-test config.broken; echo EXIT=$?", d, w.n_privoxy,
        timeout=60)
    cap("privoxy-loop", 'for c in config.files config.forward config.acl; do echo "== $c"; '
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
    locs = "".join(f"<Location /printers/{s}>\n  Order allow,deny\n  Allow from 127.0.0.1\n</Location>\n"
                   for s in SHOWS[:10])
    good = (f"LogLevel debug\nListen 127.0.0.1:{P1}\nBrowsing No\nDefaultAuthType Basic\nWebInterface Yes\n"
            f"MaxJobs 200\nPreserveJobHistory Yes\n<Location />\n  Order allow,deny\n  Allow from 127.0.0.1\n"
            f"</Location>\n<Location /admin>\n  AuthType Default\n  Require user @SYSTEM\n  Order allow,deny\n"
            f"</Location>\n{locs}<Policy default>\n  JobPrivateAccess default\n  <Limit Send-Document Cancel-Job>\n"
            f"    Require user @OWNER @SYSTEM\n    Order deny,allow\n  </Limit>\n  <Limit All>\n    Order deny,allow\n"
            f"  </Limit>\n</Policy>\n")
    (d / "cupsd.conf").write_text(good)
    one = {
        "maxjobs": good.replace("MaxJobs 200", "MaxJobs lots"),
        "browsing": good.replace("Browsing No", "Browseing No"),
        "listen": good + "Listen 127.0.0.1:notaport\n",
        "loglevel": good.replace("LogLevel debug", "LogLevel chatty"),
        "policy": good + "DefaultPolicy studio-only\n",
        "location": good + "<Location /studio>\n  Order allow,deny\n  Allow from 10.27.0.0/33\n",
        "order": good + "<Policy night>\n  <Limit Pause-Printer>\n    Order sideways\n  </Limit>\n</Policy>\n",
        "timeout": good + "Timeout -5\nMaxLogSize 1Q\n",
        "filesconf": good + "SystemGroup lpadmin\nFileDevice Yes\n",
    }
    for n, t in one.items():
        (d / f"cupsd-{n}.conf").write_text(t)
    cap("cupsd-t-good", f"cupsd -t -c {d}/cupsd.conf -s {d}/cups-files.conf; echo EXIT=$?", d, w.n_cupsd_t, timeout=60)
    cap("cupsd-t-loop", 'for f in cupsd-*.conf; do echo "== $f"; cupsd -t -c $PWD/$f -s $PWD/cups-files.conf; '
        'echo EXIT=$?; done', d, w.n_cupsd_t, timeout=120)


def proftpd(tmp: Path) -> None:
    d = tmp / "proftpd"
    (d / "drop").mkdir(parents=True)
    dirs = "".join(f"<Directory {d}/drop/{s}>\n  <Limit WRITE>\n    AllowUser {s.replace('-', '')}\n  </Limit>\n"
                   f"</Directory>\n" for s in SHOWS[:12])
    good = (f'ServerName "wavecrest FTP drop"\nServerType standalone\nDefaultServer on\nPort {P1}\n'
            f"DefaultAddress 127.0.0.1\nUseIPv6 off\nUmask 022\nMaxInstances 20\nUser nobody\nGroup nogroup\n"
            f"PidFile {d}/proftpd.pid\nScoreboardFile {d}/proftpd.scoreboard\nDefaultRoot ~\nAllowOverwrite on\n"
            f"PassivePorts {P2} {P2 + 20}\nTimeoutIdle 600\nTransferLog {d}/xferlog\nSystemLog {d}/proftpd.log\n"
            f"<Anonymous {d}/drop>\n  User ftp\n  Group nogroup\n  UserAlias anonymous ftp\n  MaxClients 5\n"
            f"  <Limit WRITE>\n    DenyAll\n  </Limit>\n</Anonymous>\n{dirs}")
    (d / "proftpd.conf").write_text(good)
    (d / "proftpd-broken.conf").write_text(
        good.replace("ServerType standalone", "ServerType standlone"))
    (d / "proftpd-typo.conf").write_text(good + "ServerNmae wavecrest\n")
    (d / "proftpd-module.conf").write_text("LoadModule mod_wavecrest_quota.c\n" + good)
    (d / "proftpd-block.conf").write_text(good + f"<Directory {d}/drop/late-night>\n  <Limit READ>\n    DenyAll\n"
                                          "</Directory>\n")
    (d / "proftpd-value.conf").write_text(good.replace("MaxInstances 20", "MaxInstances twenty")
                                          .replace("Umask 022", "Umask 999"))
    cap("proftpd-t-good", f"proftpd -t -c {d}/proftpd.conf; echo EXIT=$?", d, w.n_proftpd_t, timeout=60)
    cap("proftpd-t-debug", f"proftpd -t -d 10 -c {d}/proftpd.conf 2>&1 | head -n 200", d, w.n_proftpd_t, timeout=60)
    cap("proftpd-t-debug-typo", f"proftpd -t -d 10 -c {d}/proftpd-typo.conf 2>&1 | tail -n 60; echo EXIT=$?", d,
        w.n_proftpd_t, timeout=60)
    cap("proftpd-t-loop", 'for f in proftpd-*.conf; do echo "== $f"; proftpd -t -c $PWD/$f; echo EXIT=$?; done', d,
        w.n_proftpd_t, timeout=120)


# ------------------------------------------------------------------ fail2ban


def fail2ban(tmp: Path) -> None:
    d = tmp / "fail2ban"
    shutil.copytree("/etc/fail2ban", d / "etc")
    logs = d / "logs"
    logs.mkdir()
    for f in ["auth.log", "lighttpd-error.log", "proftpd.log", "nsd.log", "turn.log"]:
        (logs / f).write_text("")
    (d / "etc" / "fail2ban.local").write_text(
        f"[Definition]\nloglevel = INFO\nlogtarget = STDERR\nsocket = {d}/f2b.sock\npidfile = {d}/f2b.pid\n"
        f"dbfile = :memory:\n")
    (d / "etc" / "jail.d" / "defaults-debian.conf").write_text("[DEFAULT]\nbanaction = iptables-multiport\n")
    good = (f"[DEFAULT]\nbackend = polling\nignoreip = 127.0.0.1/8 10.27.0.0/16\nbantime = 1h\nfindtime = 10m\n"
            f"maxretry = 5\n\n[sshd]\nenabled = true\nlogpath = {logs}/auth.log\nmaxretry = 3\n\n"
            f"[proftpd]\nenabled = true\nport = {P1}\nlogpath = {logs}/proftpd.log\n\n"
            f"[lighttpd-auth]\nenabled = true\nport = {P2}\nlogpath = {logs}/lighttpd-error.log\nbantime = 6h\n\n"
            f"[recidive]\nenabled = true\nlogpath = {logs}/auth.log\nbantime = 1w\nfindtime = 1d\n")
    (d / "etc" / "jail.local").write_text(good)
    cap("f2b-t-good", "fail2ban-client -c etc -vv -t; echo EXIT=$?", d, w.n_f2b_t, timeout=120)
    cap("f2b-d-good", "fail2ban-client -c etc -d", d, w.n_f2b_d, timeout=120)
    (d / "etc" / "filter.d" / "wavecrest-turn.conf").write_text(
        "[Definition]\nfailregex = ^.*session \\d+: realm <wavecrest> user <(?P<user>[^>]*)>: incoming packet "
        "message processed, error 401: Unauthorized from <HOST((\n"
        "ignoreregex =\n")
    bad = good.replace("maxretry = 3", "maxretry = three") + (
        f"\n[nsd-flood]\nenabled = true\nfilter = nsd-flood\nlogpath = {logs}/nsd.log\n\n"
        f"[wavecrest-turn]\nenabled = true\nport = {P3}\nlogpath = {logs}/turn.log\n\n"
        f"[studio-ftp]\nenabled = true\nfilter = proftpd\nlogpath = {logs}/studio-ftp.log\n\n"
        f"[lighttpd-auth-2]\nenabled = true\nfilter = lighttpd-auth\naction = iptables-multiport[name=web, port=\"http]\n"
        f"logpath = {logs}/lighttpd-error.log\nbantime = 2 fortnights\n")
    (d / "etc" / "jail.local").write_text(bad)
    cap("f2b-t-broken", "fail2ban-client -c etc -t; echo EXIT=$?", d, w.n_f2b_t, timeout=120)
    cap("f2b-d-broken", "fail2ban-client -c etc -d 2>&1 | tail -n 150; echo EXIT=$?", d, w.n_f2b_d, timeout=120)


# ------------------------------------------------------------------ coturn


def turnserver(tmp: Path) -> None:
    d = tmp / "turn"
    d.mkdir(parents=True)
    pem = mkpem(d)
    base = (f"listening-ip=127.0.0.1\nlistening-port={P1}\nrelay-ip=127.0.0.1\nmin-port={P2}\nmax-port={P2 + 40}\n"
            f"realm=wavecrest.lan\nfingerprint\nlt-cred-mech\nuser=guest1:harbourwave\nuser=studio:kelp-beats\n"
            f"no-cli\nno-tls\nno-dtls\nlog-file=stdout\nsimple-log\npidfile={d}/turn.pid\nuserdb={d}/turndb\n"
            f"total-quota=40\nstale-nonce=600\nno-multicast-peers\n")
    (d / "turnserver.conf").write_text(base)
    (d / "turnserver-broken.conf").write_text(
        base.replace("no-tls\nno-dtls\n", f"cert={d}/missing.crt\npkey={d}/missing.key\ntls-listening-port={P3}\n")
        + f"relay-threds=4\nexternal-ip=10.27.0.300\nalt-listening-port={P1}\nuser=noseparator\n"
        f"denied-peer-ip=10.27.0.0-10.27.0.x\nmax-bps=fast\ncipher-list=NOT-A-CIPHER\n")
    (d / "turnserver-tls.conf").write_text(
        base.replace("no-tls\nno-dtls\n", f"cert={d}/wavecrest.crt\npkey={d}/wavecrest.key\n"
                                          f"tls-listening-port={P3}\n") + "verbose\n")
    cap("turnserver-good", "timeout 4 turnserver -c turnserver.conf; echo EXIT=$?", d, w.n_turnserver, timeout=30)
    cap("turnserver-broken", "timeout 4 turnserver -c turnserver-broken.conf; echo EXIT=$?", d, w.n_turnserver,
        timeout=30)
    cap("turnserver-tls-verbose", "timeout 4 turnserver -c turnserver-tls.conf 2>&1 | head -n 250", d,
        w.n_turnserver, timeout=30)
    # the port taken by a first instance: a second one started beside it
    cm.start(["python3", "-c", "import socket,time\n"
              "t=socket.socket(); t.bind(('127.0.0.1', %d)); t.listen()\n"
              "u=socket.socket(type=socket.SOCK_DGRAM); u.bind(('127.0.0.1', %d))\ntime.sleep(30)" % (P1, P1)])
    import time
    time.sleep(2)
    cap("turnserver-port-taken", "timeout 4 turnserver -c turnserver.conf --pidfile turn2.pid; echo EXIT=$?", d,
        w.n_turnserver, timeout=30)
    for p in list(cm.PROCS):
        cm.stop(p)
        cm.PROCS.remove(p)
    del pem


# ------------------------------------------------------------------ Hitch, radvd, BIRD


def hitch(tmp: Path) -> None:
    d = tmp / "hitch"
    d.mkdir(parents=True)
    mkpem(d)
    good = (f'frontend = "[127.0.0.1]:{P1}"\nbackend = "[127.0.0.1]:{P2}"\npem-file = "{d}/wavecrest.pem"\n'
            f'workers = 1\nciphers = "EECDH+AESGCM:EDH+AESGCM"\n'
            f'tls-protos = TLSv1.2 TLSv1.3\nalpn-protos = "h2, http/1.1"\nwrite-proxy-v2 = on\ndaemon = off\n'
            f'user = "nobody"\nlog-level = 1\n')
    confs = {
        "hitch.conf": good,
        "hitch-nopem.conf": good.replace("wavecrest.pem", "studio.pem"),
        "hitch-typo.conf": good + 'backend-conect-timeout = 5\n',
        "hitch-handshake.conf": good + 'ssl-handshake-timeout = soon\n',
        "hitch-frontend.conf": good.replace(f"[127.0.0.1]:{P1}", "127.0.0.1"),
        "hitch-proto.conf": good.replace("TLSv1.2 TLSv1.3", "SSLv2 TLSv1.9"),
        "hitch-quote.conf": good.replace('alpn-protos = "h2, http/1.1"', 'alpn-protos = "h2, http/1.1'),
        "hitch-workers.conf": good.replace("workers = 1", "workers = -3"),
        "hitch-ciphers.conf": good.replace("EECDH+AESGCM:EDH+AESGCM", "NOT-A-CIPHER"),
    }
    for n, t in confs.items():
        (d / n).write_text(t)
    # certificate problems: a key from another pair, a cert without its key, an empty file, a chain out of order
    mkpem(d, "studio")
    run("cat studio.key wavecrest.crt > mismatch.pem && cp wavecrest.crt certonly.pem && : > empty.pem && "
        "cat wavecrest.crt wavecrest.key > reversed.pem && head -c 900 wavecrest.pem > cut.pem", cwd=d)
    for n in ["mismatch", "certonly", "empty", "reversed", "cut"]:
        (d / f"pem-{n}.conf").write_text(good.replace("wavecrest.pem", f"{n}.pem"))
    cap("hitch-test-pems", 'for f in pem-*.conf; do echo "== $f"; hitch --test --config=$f; echo EXIT=$?; done',
        d, w.n_hitch, timeout=120)
    cap("hitch-test-loop", 'for f in hitch*.conf; do echo "== $f"; hitch --test --config=$f; echo EXIT=$?; done',
        d, w.n_hitch, timeout=120)


def radvd(tmp: Path) -> None:
    d = tmp / "radvd"
    d.mkdir(parents=True)
    ifs = "".join(
        f"interface studio{i}\n{{\n  AdvSendAdvert on;\n  MinRtrAdvInterval 30;\n  MaxRtrAdvInterval 100;\n"
        f"  prefix fd27:{i:x}::/64\n  {{\n    AdvOnLink on;\n    AdvAutonomous on;\n  }};\n"
        f"  RDNSS fd27::53\n  {{\n  }};\n}};\n" for i in range(6))
    (d / "radvd.conf").write_text(ifs)
    one = {
        "prefixlen": "  prefix fd27:99::/129\n  {\n    AdvOnLink on;\n  };\n",
        "intervals": "  MinRtrAdvInterval 300;\n  MaxRtrAdvInterval 100;\n",
        "onlink": "  prefix fd27:98::/64\n  {\n    AdvOnLink maybe;\n  };\n",
        "keyword": "  AdvDefaultLifetme 1800;\n",
        "semicolon": "  AdvSendAdvert on\n  prefix fd27:aa::/64 {\n  };\n",
        "lifetime": "  AdvDefaultLifetime 9001;\n",
        "rdnss": "  RDNSS fd27::zz\n  {\n  };\n",
        "mtu": "  AdvLinkMTU 100;\n",
    }
    for n, body in one.items():
        (d / f"radvd-{n}.conf").write_text(ifs + f"interface gulls0\n{{\n  AdvSendAdvert on;\n{body}}};\n")
    cap("radvd-loop", 'for f in radvd*.conf; do echo "== $f"; radvd -c -C $f -m stderr -p radvd.pid; '
        'echo EXIT=$?; done', d, w.n_radvd, timeout=60)


def bird(tmp: Path) -> None:
    d = tmp / "bird"
    d.mkdir(parents=True)
    statics = "".join(f"  route 10.27.{i}.0/24 via 127.0.0.{i % 5 + 2};\n" for i in range(40))
    good = (f"log stderr all;\nrouter id 10.27.0.1;\nprotocol device {{ scan time 10; }}\n"
            f"protocol direct {{ ipv4; interface \"lo\"; }}\nprotocol static studio_routes {{\n  ipv4;\n{statics}}}\n"
            f"filter export_studio {{\n  if net ~ [ 10.27.0.0/16+ ] then accept;\n  reject;\n}}\n"
            f"protocol bgp uplink {{\n  local 127.0.0.1 as 65027;\n  neighbor 127.0.0.2 port {P1} as 65000;\n"
            f"  ipv4 {{ import none; export filter export_studio; }};\n}}\n")
    confs = {
        "bird.conf": good,
        "bird-filter.conf": good.replace("export filter export_studio", "export filter export_gulls"),
        "bird-as.conf": good.replace("as 65027", "as 4294967296"),
        "bird-semicolon.conf": good.replace("router id 10.27.0.1;", "router id 10.27.0.1"),
        "bird-ip.conf": good.replace("route 10.27.3.0/24", "route 10.27.300.0/24"),
        "bird-proto.conf": good + "protocol ospf v9 backbone { area 0 { interface \"lo\"; }; }\n",
        "bird-dup.conf": good + f"protocol static studio_routes {{ ipv4; route 10.99.0.0/16 blackhole; }}\n",
        "bird-include.conf": good + 'include "/etc/bird/wavecrest-peers.conf";\n',
    }
    for n, t in confs.items():
        (d / n).write_text(t)
    filt = {
        "function": "filter f1 { if is_studio(net) then accept; reject; }\n",
        "community": "filter f2 { bgp_community.add((65027, tide)); accept; }\n",
        "then": "filter f3 { if net.len > 24 accept; reject; }\n",
        "type": "filter f4 { int x; x = \"ten\"; if x > 3 then accept; reject; }\n",
        "attr": "filter f5 { bgp_local_pref = 200; bgp_wavecrest = 1; accept; }\n",
        "prefixset": "filter f6 { if net ~ [ 10.27.0.0/33+ ] then accept; reject; }\n",
        "ok": "filter f7 { if net ~ [ 10.27.0.0/16{24,32} ] then { bgp_local_pref = 200; accept; } reject; }\n",
    }
    (d / "filters").mkdir()
    for n, t in filt.items():
        (d / "filters" / f"{n}.conf").write_text(good + t)
    cap("bird-parse-filters", 'for f in filters/*.conf; do bird -p -c $f && echo "$f: ok"; done; echo EXIT=$?', d,
        w.n_bird, timeout=120)
    cap("bird-parse-loop", 'for f in bird*.conf; do echo "== $f"; bird -p -c $f; echo EXIT=$?; done', d, w.n_bird,
        timeout=120)


# ------------------------------------------------------------------ stunnel


def stunnel(tmp: Path) -> None:
    d = tmp / "stunnel"
    d.mkdir(parents=True)
    mkpem(d)
    svc = "".join(f"[{s}]\naccept = 127.0.0.1:{P1 + 0}\nconnect = 127.0.0.1:{P2}\n" for s in SHOWS[:1])
    good = (f"foreground = yes\ndebug = 7\npid = {d}/stunnel.pid\n"
            f"cert = {d}/wavecrest.pem\n\n{svc}\n[studio-mix]\naccept = 127.0.0.1:{P3}\nconnect = 127.0.0.1:{P2}\n"
            f"TIMEOUTclose = 0\n")
    (d / "stunnel.conf").write_text(good)
    (d / "stunnel-cert.conf").write_text(good.replace("wavecrest.pem", "studio.pem"))
    (d / "stunnel-port.conf").write_text(good.replace(f"accept = 127.0.0.1:{P3}", f"accept = 127.0.0.1:{P1}"))
    (d / "stunnel-option.conf").write_text(good + "verifyPeers = yes\n")
    (d / "stunnel-connect.conf").write_text(good.replace(f"connect = 127.0.0.1:{P2}\nTIMEOUTclose",
                                                         "connect = studio.invalid:99999\nTIMEOUTclose"))
    # the good config started, one TLS client through it (the backend is closed: a refused connect in the log)
    cap("stunnel-good", f"(timeout 5 stunnel stunnel.conf; echo EXIT=$?) & sleep 2; "
        f"echo | timeout 3 openssl s_client -connect 127.0.0.1:{P1} -quiet >/dev/null 2>&1; wait",
        d, w.n_stunnel, timeout=40)
    cap("stunnel-loop", 'for f in stunnel-*.conf; do echo "== $f"; timeout 3 stunnel $f; echo EXIT=$?; done', d,
        w.n_stunnel, timeout=60)


STEPS = [lighttpd, nsd, tor, privoxy, cups, proftpd, fail2ban, turnserver, hitch, radvd, bird, stunnel]
