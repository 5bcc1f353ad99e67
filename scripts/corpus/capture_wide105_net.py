"""Round 105's loopback services for the `alprail` mountain railway cooperative: BIND 9 (a zone per line, one with
mistakes of its own, served with queries), OpenLDAP (staff and rolling stock), Varnish in front of a timetable API
written here (some pages fail, one backend is down), Samba (depot shares), Postfix (service notices to virtual
mailboxes: unknown mailboxes, a relay that is down, a retired domain), fail2ban-regex over a generated gateway log and
vsftpd's log of a timetable drop. The needles come from round 100's extractors, imported (NEEDLES.md, "Round 105").
Run through capture_wide105.py."""

from __future__ import annotations

import ftplib
import io
import random
import re
import smtplib
import time
import urllib.request
from pathlib import Path

import capture_more as cm
from capture_more import run
from capture_data import free_port, wait_port
from capture_wide100_dir import n_ldapsearch, n_named_checkzone, n_named_log
from capture_wide100_svc import n_fail2ban, n_maillog, n_smbclient, n_testparm, n_varnishlog, n_vsftpd
from capture_wide105 import cap

LINES = ["glacier", "summit", "valley", "lake", "pass", "tunnel", "meadow"]
GIVEN = ["aurelia", "benno", "chiara", "dominik", "enya", "fabio", "greta", "hugo", "ilse", "jonas", "katrin", "luca",
         "mira", "nico", "olga", "paolo", "rita", "silvan", "tamara", "urs", "vreni", "zeno"]
FAMILY = ["steiner", "huber", "gruber", "moser", "frei", "keller", "brunner", "wyss", "baumann", "fischer", "roth",
          "zanetti", "rossi", "casanova"]


def rel(tmp: Path, sub: str) -> Path:
    d = tmp / "alprail" / sub
    d.mkdir(parents=True, exist_ok=True)
    run(f"chmod 755 {tmp} {tmp / 'alprail'} {d}")
    return d


# ------------------------------------------------------------------ BIND 9

def zone_text(zone: str, seed: int, n: int, bad: bool = False) -> str:
    rnd = random.Random(seed)
    out = ["$TTL 1800", f"@ IN SOA dns1.{zone}. noc.{zone}. ( {2026050300 + seed % 70} 3600 600 604800 120 )",
           f"@ IN NS dns1.{zone}.", f"@ IN NS dns2.{zone}.", f"dns1 IN A 10.44.0.{seed % 180 + 2}",
           f"dns2 IN A 10.44.1.{seed % 180 + 2}", f"@ IN MX 5 relay.{zone}.", f"relay IN A 10.44.2.{seed % 180 + 2}"]
    kinds = ["signal", "switch", "platform", "hotbox", "axlecount", "gsmr", "substation", "ticketgate"]
    for k in range(n):
        r = rnd.random()
        name = f"{rnd.choice(kinds)}-{k:03d}"
        ttl = rnd.choice(["", "", "", "300 ", "43200 ", "90 "])
        if r < 0.66:
            out.append(f"{name} {ttl}IN A 10.{44 + seed % 4}.{k // 240 + 10}.{k % 240 + 3}")
        elif r < 0.8:
            out.append(f"{name} {ttl}IN AAAA fd44:{seed % 97:x}:{k // 200:x}::{k:x}")
        elif r < 0.93:
            out.append(f"{name}-mgmt {ttl}IN CNAME {name}")
            out.append(f"{name} IN A 10.48.{k // 240}.{k % 240 + 3}")
        elif r < 0.97:
            out.append(f'{name} {ttl}IN TXT "km {rnd.randint(1, 90)}.{rnd.randint(0, 9)}"')
        else:
            out.append(f"_snmp._udp.{name} {ttl}IN SRV 0 10 161 {name}.{zone}.")
            out.append(f"{name} IN A 10.49.{k // 240}.{k % 240 + 3}")
    if bad:
        out[6:6] = ["timetable IN CNAME platform-001", "timetable IN TXT \"printed daily\""]
        rnd2 = random.Random(seed + 1)
        for k in range(55):
            r, nm = rnd2.random(), f"{rnd2.choice(['signal', 'switch', 'balise', 'levelx'])}-{k + 700:03d}"
            if r < 0.18:
                out.append(f"{nm} IN A 10.44.{rnd2.randint(256, 512)}.{rnd2.randint(1, 250)}")
            elif r < 0.3:
                out.append(f"{nm}.{rnd2.choice(LINES)}.alprail.test. IN A 10.44.9.{k + 1}")
            elif r < 0.45:
                out += [f"{nm} IN CNAME switch-{rnd2.randint(0, 60):03d}", f"{nm} IN A 10.44.7.{k + 1}"]
            elif r < 0.56:
                out.append(f"{nm} IN AAAA fd44::{rnd2.randint(70000, 99999):x}:gg")
            elif r < 0.66:
                out.append(f"{nm} IN MX 10 {nm}-alias")
                out.append(f"{nm}-alias IN CNAME relay")
            elif r < 0.76:
                out.append(f"{nm}_spare IN A 10.44.6.{k + 1}")
            elif r < 0.86:
                out.append(f"{nm} 4294967296 IN A 10.44.5.{k + 1}")
            else:
                out.append(f"@ IN NS {nm}-ns")
    return "\n".join(out) + "\n"


def named_conf(d: Path, port: int, zones: list[str]) -> str:
    body = (f'options {{\n  directory "{d}";\n  listen-on port {port} {{ 127.0.0.1; }};\n  listen-on-v6 {{ none; }};\n'
            f'  pid-file "{d}/named.pid";\n  recursion no;\n  dnssec-validation no;\n  notify no;\n'
            f'  session-keyfile "{d}/session.key";\n  managed-keys-directory "{d}";\n  querylog yes;\n'
            f'  allow-transfer {{ none; }};\n}};\n')
    for z in zones:
        body += f'zone "{z}.alprail.test" {{ type primary; file "zones/{z}.zone"; }};\n'
    body += 'zone "works.alprail.test" { type primary; file "zones/works.zone"; };\n'
    body += 'zone "depot.alprail.test" { type primary; file "zones/depot-2025.zone"; };\n'
    body += 'zone "44.10.in-addr.arpa" { type primary; file "zones/rev44.zone"; };\n'
    return body


def bind_steps(tmp: Path) -> None:
    d = rel(tmp, "bind")
    (d / "zones").mkdir(exist_ok=True)
    for k, ln in enumerate(LINES):
        (d / "zones" / f"{ln}.zone").write_text(zone_text(f"{ln}.alprail.test", 2100 + k, 40 + 30 * k))
    (d / "zones" / "works.zone").write_text(zone_text("works.alprail.test", 2177, 90, bad=True))
    (d / "zones" / "rev44.zone").write_text(
        "$TTL 1800\n@ IN SOA dns1.alprail.test. noc.alprail.test. ( 1 3600 600 604800 120 )\n"
        "@ IN NS dns1.alprail.test.\n" + "".join(f"{k}.0 IN PTR signal-{k:03d}.glacier.alprail.test.\n"
                                                 for k in range(3, 60)) + "7.0 IN PTR\n")
    cap("named-checkzone-works", "named-checkzone works.alprail.test zones/works.zone", d, n_named_checkzone)
    cap("named-checkzone-works-warn-tail-echo", "named-checkzone -k warn -n warn -i local -M warn "
        "works.alprail.test zones/works.zone 2>&1 | tail -n 60; echo EXIT=$?", d, n_named_checkzone)
    port = free_port()
    (d / "named.conf").write_text(named_conf(d, port, LINES))
    log = open(d / "named.log", "wb")
    p = cm.start(["named", "-g", "-4", "-c", str(d / "named.conf"), "-n", "1"], cwd=d, log=log)
    try:
        if not wait_port(port, 20):
            raise RuntimeError("named did not start")
        time.sleep(1)
        rnd = random.Random(2190)
        qs = []
        for k in range(520):
            z = rnd.choice(LINES + ["works", "depot", "alprail"])
            zone = "alprail.test" if z == "alprail" else f"{z}.alprail.test"
            r = rnd.random()
            if r < 0.55:
                qs.append(f"{rnd.choice(['signal', 'switch', 'platform', 'hotbox'])}-{rnd.randint(0, 120):03d}.{zone} A")
            elif r < 0.7:
                qs.append(f"{zone} {rnd.choice(['MX', 'NS', 'SOA', 'TXT', 'DNSKEY'])}")
            elif r < 0.85:
                qs.append(f"gsmr-{rnd.randint(0, 150):03d}.{zone} AAAA")
            elif r < 0.93:
                qs.append(f"{rnd.randint(3, 80)}.0.44.10.in-addr.arpa PTR")
            else:
                qs.append(f"{rnd.choice(['snow.example', 'weather.example.org', 'sbb.test'])} A")
            if k in (70, 333, 480):
                qs.append(f"{zone} AXFR")
        (d / "queries.txt").write_text("\n".join(qs) + "\n")
        run(f"dig @127.0.0.1 -p {port} +tries=1 +time=2 -f queries.txt > dig.out", cwd=d, timeout=400)
    finally:
        cm.stop(p)
        log.close()
    cap("named-log-head-140", "head -n 140 named.log", d, n_named_log)
    cap("named-log-tail-350", "tail -n 350 named.log", d, n_named_log)
    cap("named-log-grep-v-query-echo", "grep -v 'query:' named.log; echo EXIT=$?", d, n_named_log)


# ------------------------------------------------------------------ OpenLDAP

SCHEMA = "".join(f"include /etc/ldap/schema/{s}.schema\n" for s in ("core", "cosine", "nis", "inetorgperson"))


def ldif(seed: int, n_people: int, n_stock: int) -> str:
    rnd = random.Random(seed)
    out = ["dn: dc=alprail,dc=test\nobjectClass: dcObject\nobjectClass: organization\no: Alpine Rail Cooperative\n"
           "dc: alprail\n"]
    for ou in ("drivers", "conductors", "workshop", "stock", "signallers"):
        out.append(f"dn: ou={ou},dc=alprail,dc=test\nobjectClass: organizationalUnit\nou: {ou}\n")
    for k in range(n_people):
        g, f = rnd.choice(GIVEN), rnd.choice(FAMILY)
        uid = f"{g[:2]}{f}{k:03d}"
        ou = "signallers" if k % 83 == 41 else rnd.choice(["drivers", "drivers", "conductors", "workshop"])
        shell = "/bin/false" if k in (58, 240) else ("/usr/bin/fish" if k == 199 else "/bin/bash")
        out.append(f"dn: uid={uid},ou={ou},dc=alprail,dc=test\nobjectClass: inetOrgPerson\n"
                   f"objectClass: posixAccount\ncn: {g.title()} {f.title()}\nsn: {f.title()}\nuid: {uid}\n"
                   f"uidNumber: {31000 + k * 4 + rnd.randint(0, 3)}\ngidNumber: {7100 + k % 5}\n"
                   f"homeDirectory: /home/{uid}\nloginShell: {shell}\nmail: {uid}@alprail.test\n"
                   f"employeeType: {rnd.choice(['full time', 'seasonal', 'apprentice'])}\n")
    for k in range(n_stock):
        cls = rnd.choice(["railcar", "locomotive", "snowplough", "panorama coach", "rack car"])
        out.append(f"dn: cn=unit-{k:03d},ou=stock,dc=alprail,dc=test\nobjectClass: device\ncn: unit-{k:03d}\n"
                   f"serialNumber: ARC-{4100 + k * 7}\ndescription: {cls}, home depot {rnd.choice(LINES)}\n"
                   + ("l: workshop, out of service\n" if k in (17, 88) else ""))
    return "\n".join(out)


def ldap_steps(tmp: Path) -> None:
    d = rel(tmp, "ldap")
    (d / "db").mkdir(exist_ok=True)
    (d / "slapd.conf").write_text(
        SCHEMA + f"pidfile {d}/slapd.pid\nargsfile {d}/slapd.args\nmodulepath /usr/lib/ldap\nmoduleload back_mdb\n"
        "loglevel stats\ndatabase mdb\nmaxsize 104857600\nsuffix \"dc=alprail,dc=test\"\n"
        "rootdn \"cn=manager,dc=alprail,dc=test\"\nrootpw rack-and-pinion-5\n"
        f"directory {d}/db\nindex objectClass eq\nindex uid,cn eq,sub\nsizelimit 300\n"
        "access to attrs=userPassword by self write by anonymous auth by * none\naccess to * by * read\n")
    port = free_port()
    p = cm.start(["slapd", "-f", str(d / "slapd.conf"), "-h", f"ldap://127.0.0.1:{port}/", "-d", "0"], cwd=d,
                 log=open(d / "slapd.log", "wb"))
    try:
        if not wait_port(port, 20):
            raise RuntimeError("slapd did not start")
        (d / "base.ldif").write_text(ldif(2200, 380, 110))
        run(f"ldapadd -x -H ldap://127.0.0.1:{port}/ -D cn=manager,dc=alprail,dc=test -w rack-and-pinion-5 "
            "-f base.ldif > add.out 2>&1", cwd=d, timeout=300)
        base = f"-x -H ldap://127.0.0.1:{port}/ -b dc=alprail,dc=test"
        cap("ldapsearch-drivers-conductors", f"ldapsearch {base} '(|(ou:dn:=drivers)(ou:dn:=conductors)"
            "(ou:dn:=signallers))' uid uidNumber loginShell employeeType", d, n_ldapsearch)
        cap("ldapsearch-stock-sizelimit-echo", f"ldapsearch {base.replace('dc=alprail', 'ou=stock,dc=alprail')} "
            "'(objectClass=device)'; echo EXIT=$?", d, n_ldapsearch)
    finally:
        cm.stop(p)


# ------------------------------------------------------------------ Varnish in front of the timetable API

TIMETABLE = r'''
import json, random, sys, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
rnd = random.Random(2300)
class H(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def do_GET(self):
        p = self.path
        if p.startswith("/v2/departures/"):
            st = p.rsplit("/", 1)[-1]
            if st.startswith("tunnel"):
                code, body = 502, {"error": "interlocking feed refused", "station": st}
            elif st.startswith("ghost"):
                code, body = 404, {"error": "unknown station", "station": st}
            else:
                code, body = 200, {"station": st, "next": [rnd.randint(0, 59) for _ in range(4)]}
        elif p.startswith("/v2/snow"):
            code, body = 500, {"error": "avalanche bulletin parser failed"}
        elif p.startswith("/assets/"):
            code, body = 200, {"asset": p, "pad": "y" * rnd.randint(50, 3000)}
        elif p.startswith("/v2/fares"):
            code, body = 200, {"fare_chf": round(rnd.uniform(4, 90), 2)}
        else:
            code, body = 404, {"error": "no route", "path": p}
        data = json.dumps(body).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "max-age=60" if p.startswith("/assets/") else "max-age=2")
        self.end_headers()
        self.wfile.write(data)
    def log_message(self, *a):
        pass
ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
'''


def vcl(up: int, down: int) -> str:
    return (f'vcl 4.1;\n'
            f'backend timetable {{ .host = "127.0.0.1"; .port = "{up}"; .first_byte_timeout = 3s; }}\n'
            f'backend tracker {{ .host = "127.0.0.1"; .port = "{down}"; .connect_timeout = 500ms; }}\n'
            'sub vcl_recv {\n'
            '  if (req.url ~ "^/live/") { set req.backend_hint = tracker; return (pass); }\n'
            '  if (req.url ~ "^/admin") { return (synth(401, "signallers only")); }\n'
            '  set req.backend_hint = timetable;\n}\n'
            'sub vcl_backend_response {\n  if (beresp.status >= 500) { set beresp.ttl = 0s; '
            'set beresp.uncacheable = true; }\n}\n')


def varnish_steps(tmp: Path) -> None:
    d = rel(tmp, "varnish")
    up, down, port, adm = free_port(), free_port(), free_port(), free_port()
    (d / "timetable.py").write_text(TIMETABLE)
    cm.start(["python3", "timetable.py", str(up)], cwd=d)
    wait_port(up, 10)
    (d / "alprail.vcl").write_text(vcl(up, down))
    work = d / "work"
    work.mkdir(exist_ok=True)
    run(f"varnishd -a 127.0.0.1:{port} -T 127.0.0.1:{adm} -f {d}/alprail.vcl -n {work} -s malloc,32m "
        f"-p vsl_space=64M -j none -P {d}/varnishd.pid > varnishd.out 2>&1", cwd=d, timeout=60)
    if not wait_port(port, 20):
        raise RuntimeError("varnishd did not start: " + (d / "varnishd.out").read_text()[:300])
    try:
        rnd = random.Random(2310)
        urls = []
        base = f"http://127.0.0.1:{port}"
        for _ in range(240):
            r = rnd.random()
            if r < 0.45:
                urls.append(f"{base}/v2/departures/{rnd.choice(LINES[:5])}-{rnd.randint(1, 6)}")
            elif r < 0.65:
                urls.append(f"{base}/assets/{rnd.choice(['app.js', 'map.svg', 'fonts.css'])}")
            elif r < 0.73:
                urls.append(f"{base}/v2/departures/tunnel-{rnd.randint(1, 2)}")
            elif r < 0.79:
                urls.append(f"{base}/v2/departures/ghost-{rnd.randint(1, 30)}")
            elif r < 0.84:
                urls.append(f"{base}/v2/snow?line={rnd.choice(LINES)}")
            elif r < 0.92:
                urls.append(f"{base}/v2/fares?from={rnd.choice(LINES)}&to={rnd.choice(LINES)}")
            elif r < 0.96:
                urls.append(f"{base}/live/train-{rnd.randint(100, 140)}")
            else:
                urls.append(f"{base}/admin/points")
        for u in urls:
            try:
                urllib.request.urlopen(u, timeout=6).read()
            except Exception:  # noqa: BLE001  the failures are what the log shows
                pass
        time.sleep(1)
        cap("varnishlog-d-q-5xx-head", f"varnishlog -d -n {work} -q 'RespStatus >= 500' | head -n 700", d,
            n_varnishlog)
        cap("varnishlog-d-i-tags-tail", f"varnishlog -d -n {work} -i ReqURL,RespStatus,BerespStatus,FetchError,"
            "BackendOpen,Error | tail -n 600", d, n_varnishlog)
    finally:
        run(f"kill $(cat {d}/varnishd.pid)", cwd=d)


# ------------------------------------------------------------------ Samba

DEPOTS = ["glacier-north", "glacier-south", "summit", "valley-works", "lake-pier", "pass-shed", "tunnel-portal",
          "meadow-sidings"]


def smb_conf(d: Path, port: int, seed: int, bad: bool) -> str:
    rnd = random.Random(seed)
    g = ["[global]", "  workgroup = ALPRAIL", "  server string = depot files", "  server role = standalone server",
         f"  smb ports = {port}", "  interfaces = 127.0.0.1", "  bind interfaces only = yes", "  disable netbios = yes",
         f"  pid directory = {d}/run", f"  lock directory = {d}/lock", f"  state directory = {d}/state",
         f"  cache directory = {d}/cache", f"  private dir = {d}/private", f"  ncalrpc dir = {d}/ncalrpc",
         f"  log file = {d}/log.%m", "  map to guest = Bad User", "  load printers = no", "  printing = bsd",
         "  printcap name = /dev/null", "  disable spoolss = yes"]
    if bad:
        g += ["  lanman auth = yes", "  domain master = auto", "  preferred master = yes",
              "  client ntlmv2 auth = no", "  syslog only = yes", "  depot mode = strict",
              "  guest account = railguest"]
    out = g + [""]
    for k in range(len(DEPOTS) * 6):
        dep = DEPOTS[k % len(DEPOTS)]
        name = f"{dep}-{['logs', 'drawings', 'rosters', 'manuals', 'photos', 'scans'][k // len(DEPOTS)]}"
        out += [f"[{name}]", f"  path = {d}/shares/{name}", f"  comment = {dep} depot, {name.split('-')[-1]}",
                "  read only = " + rnd.choice(["yes", "no", "yes"]), "  guest ok = yes"]
        if bad and k in (5, 22, 37):
            out += ["  writable = yes", "  vetoo files = /*.tmp/", "  snapshot keep = 14"]
        if bad and k == 14:
            out += ["  path = /srv/alprail/archive-1998"]
    return "\n".join(out) + "\n"


def samba_steps(tmp: Path) -> None:
    d = rel(tmp, "samba")
    for sub in ("run", "lock", "state", "cache", "private", "ncalrpc"):
        (d / sub).mkdir(exist_ok=True)
    port = free_port()
    (d / "smb-bad.conf").write_text(smb_conf(d, port, 2400, True))
    (d / "smb.conf").write_text(smb_conf(d, port, 2400, False))
    for ln in (d / "smb.conf").read_text().splitlines():
        if ln.startswith("  path = "):
            Path(ln.split("= ", 1)[1]).mkdir(parents=True, exist_ok=True)
    cap("testparm-s-bad-head", "testparm -s smb-bad.conf 2>&1 | head -n 100", d, n_testparm)
    cap("testparm-s", "testparm -s smb.conf", d, n_testparm)
    p = cm.start(["smbd", "-F", "--no-process-group", "--debug-stdout", "-s", str(d / "smb.conf")], cwd=d,
                 log=open(d / "smbd.out", "wb"))
    try:
        if not wait_port(port, 20):
            raise RuntimeError("smbd did not start")
        cap("smbclient-L-N-echo", f"smbclient -L 127.0.0.1 -p {port} -N -s smb.conf; echo EXIT=$?", d, n_smbclient)
        cap("smbclient-L-user-m-head", f"smbclient -L 127.0.0.1 -p {port} -U dispatcher%wrong -s smb.conf; "
            f"smbclient -L 127.0.0.1 -p {port} -N -m SMB2 -s smb.conf 2>&1 | head -n 40", d, n_smbclient)
    finally:
        cm.stop(p)
        run(f"kill $(cat {d}/run/samba-dcerpcd.pid) 2>/dev/null", cwd=d)


# ------------------------------------------------------------------ Postfix

def postfix_main(d: Path, port: int) -> str:
    return (f"compatibility_level = 3.6\nqueue_directory = {d}/spool\ndata_directory = {d}/data\n"
            "command_directory = /usr/sbin\ndaemon_directory = /usr/lib/postfix/sbin\nmeta_directory = /etc/postfix\n"
            "shlib_directory = /usr/lib/postfix\nmail_owner = postfix\nsetgid_group = postdrop\n"
            "myhostname = mx.alprail.test\nmydomain = alprail.test\nmyorigin = $mydomain\nmydestination =\n"
            "inet_interfaces = 127.0.0.1\ninet_protocols = ipv4\nmynetworks = 127.0.0.0/8\n"
            f"maillog_file = {d}/maillog\nmaillog_file_prefixes = /tmp\n"
            "virtual_mailbox_domains = alprail.test, ops.alprail.test\n"
            f"virtual_mailbox_base = {d}/vmail\nvirtual_mailbox_maps = texthash:{d}/vmailbox\n"
            "virtual_uid_maps = static:65534\nvirtual_gid_maps = static:65534\nvirtual_minimum_uid = 100\n"
            f"relay_domains = tourism.test, postbus.test\ntransport_maps = texthash:{d}/transport\n"
            "smtpd_recipient_restrictions = permit_mynetworks, reject_unauth_destination\n"
            "message_size_limit = 150000\nsmtp_connect_timeout = 2s\nalias_maps =\nalias_database =\n"
            "smtputf8_enable = no\nbiff = no\nvirtual_mailbox_limit = 40000000\n")


def postfix_steps(tmp: Path) -> None:
    d = rel(tmp, "postfix")
    for sub in ("conf", "vmail", "vmail/closed", "spool"):
        (d / sub).mkdir(exist_ok=True)
    port, dead = free_port(), free_port()
    rnd = random.Random(2500)
    staff = sorted({f"{g}.{f}" for g in GIVEN for f in FAMILY})[:90]
    (d / "vmailbox").write_text("".join(f"{u}@alprail.test {u}/\n" for u in staff) +
                                "dispatch@ops.alprail.test dispatch/\nsnowdesk@ops.alprail.test snowdesk/\n"
                                "archive@alprail.test closed/archive/\n")
    (d / "transport").write_text(f"tourism.test smtp:[127.0.0.1]:{dead}\n"
                                 "postbus.test error:5.7.1 postbus connection ended, write to the regional office\n")
    run(f"chown 65534:65534 {d}/vmail && chmod 555 {d}/vmail/closed", cwd=d)
    (d / "conf" / "main.cf").write_text(postfix_main(d, port))
    master = Path("/etc/postfix/master.cf").read_text()
    master = re.sub(r"(?m)^smtp(\s+)inet(\s+)n(\s+)-(\s+)y", f"127.0.0.1:{port} inet n - n", master)
    (d / "conf" / "master.cf").write_text(master)
    run(f"postconf -c {d}/conf -F '*/*/chroot = n'", cwd=d)
    out = run(f"postfix -c {d}/conf start", cwd=d, timeout=60)
    if not wait_port(port, 20):
        raise RuntimeError("postfix did not start: " + out[-300:])
    try:
        with smtplib.SMTP("127.0.0.1", port, timeout=30) as s:
            s.ehlo("dispatch.alprail.test")
            for k in range(650):
                r = rnd.random()
                if r < 0.74:
                    rcpt = f"{rnd.choice(staff)}@alprail.test"
                elif r < 0.8:
                    rcpt = f"{rnd.choice(['dispatch', 'snowdesk'])}@ops.alprail.test"
                elif r < 0.85:
                    rcpt = f"{rnd.choice(staff)}.old@alprail.test"
                elif r < 0.91:
                    rcpt = f"info{rnd.randint(1, 6)}@tourism.test"
                elif r < 0.95:
                    rcpt = "timetables@postbus.test"
                elif r < 0.98:
                    rcpt = "archive@alprail.test"
                else:
                    rcpt = f"{rnd.choice(staff)}@alprail.test"
                size = 180000 if k in (123, 456) else rnd.randint(150, 3500)
                frm = f"{rnd.choice(['rostering', 'snow-alerts', 'dispatch'])}@alprail.test"
                body = (f"From: {frm}\r\nTo: {rcpt}\r\nSubject: notice {k}: roster change\r\n\r\n" +
                        "roster update for the next shift\r\n" * (size // 34))
                try:
                    s.sendmail(frm, [rcpt], body)
                except smtplib.SMTPException:
                    s.rset()
        log = d / "maillog"
        for _ in range(90):
            time.sleep(2)
            txt = log.read_text(errors="replace") if log.exists() else ""
            if txt.count("status=") >= 580 and "status=deferred" in txt:
                time.sleep(5)
                break
    finally:
        run(f"postfix -c {d}/conf stop", cwd=d, timeout=60)
    time.sleep(2)
    cap("postfix-maillog-tail-450", "tail -n 450 maillog", d, n_maillog)
    cap("postfix-maillog-grep-v-sent-echo", "grep -v -E 'status=sent|: removed$|message-id=|: client=' maillog | "
        "tail -n 250; echo EXIT=$?", d, n_maillog)


# ------------------------------------------------------------------ fail2ban-regex over the gateway's logs

def gateway_log(seed: int, n: int) -> str:
    rnd = random.Random(seed)
    staff = [f"{g[:2]}{f}" for g in GIVEN for f in FAMILY][:50]
    bad = [f"192.0.2.{rnd.randint(2, 250)}" for _ in range(5)] + [f"198.18.{rnd.randint(0, 9)}.{rnd.randint(2, 250)}"
                                                                  for _ in range(3)]
    out, t, pid = [], 1777000000, 2200
    for k in range(n):
        t += rnd.randint(1, 55)
        pid += rnd.randint(1, 9)
        ts = time.strftime("%b %d %H:%M:%S", time.gmtime(t)).replace(" 0", "  ", 1)
        h = "rail-gw"
        r = rnd.random()
        port = rnd.randint(20000, 64000)
        if r < 0.3:
            out.append(f"{ts} {h} sshd[{pid}]: Accepted password for {rnd.choice(staff)} from 10.44.{rnd.randint(0, 3)}."
                       f"{rnd.randint(2, 250)} port {port} ssh2")
        elif r < 0.5:
            out.append(f"{ts} {h} sshd[{pid}]: Failed password for invalid user {rnd.choice(['admin', 'git', 'deploy', 'signal'])}"
                       f" from {rnd.choice(bad)} port {port} ssh2")
        elif r < 0.62:
            out.append(f"{ts} {h} sshd[{pid}]: Failed password for {rnd.choice(['root'] + staff[:2])} from "
                       f"{rnd.choice(bad)} port {port} ssh2")
        elif r < 0.7:
            out.append(f"{ts} {h} sshd[{pid}]: Disconnected from invalid user {rnd.choice(['admin', 'user'])} "
                       f"{rnd.choice(bad)} port {port} [preauth]")
        elif r < 0.78:
            out.append(f"{ts} {h} sshd[{pid}]: pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 "
                       f"tty=ssh ruser= rhost={rnd.choice(bad)}  user=root")
        elif r < 0.84:
            out.append(f"{ts} {h} sshd[{pid}]: Connection reset by {rnd.choice(bad)} port {port} [preauth]")
        elif r < 0.9:
            out.append(f"{ts} {h} sshd[{pid}]: banner exchange: Connection from {rnd.choice(bad)} port {port}: "
                       "invalid format")
        elif r < 0.95:
            out.append(f"{ts} {h} systemd[1]: Started session-{pid}.scope - Session {pid} of User "
                       f"{rnd.choice(staff)}.")
        else:
            out.append(f"{ts} {h} sshd[{pid}]: maximum authentication attempts exceeded for root from "
                       f"{rnd.choice(bad)} port {port} ssh2 [preauth]")
    return "\n".join(out) + "\n"


PORTAL = """[INCLUDES]
before = /etc/fail2ban/filter.d/common.conf

[Definition]
_daemon = sshd
failregex = ^%(__prefix_line)sFailed password for (?:invalid user )?\\S+ from <HOST> port \\d+ ssh2$
            ^%(__prefix_line)smaximum authentication attempts exceeded for \\S+ from <HOST>
            ^%(__prefix_line)sbanner exchange: Connection from <HOST> port \\d+: invalid format$
ignoreregex = from 10\\.44\\.
"""


def fail2ban_steps(tmp: Path) -> None:
    d = rel(tmp, "fail2ban")
    (d / "gw.log").write_text(gateway_log(2600, 1600))
    (d / "gw-day.log").write_text(gateway_log(2601, 300))
    (d / "railgw.conf").write_text(PORTAL)
    cap("fail2ban-regex-sshd-ddos", "fail2ban-regex gw.log '/etc/fail2ban/filter.d/sshd.conf[mode=ddos]'", d,
        n_fail2ban)
    cap("fail2ban-regex-railgw-missed-head", "fail2ban-regex --print-all-missed gw-day.log $PWD/railgw.conf 2>&1 | "
        "head -n 90", d, n_fail2ban)


# ------------------------------------------------------------------ vsftpd, the timetable drop

def vsftpd_steps(tmp: Path) -> None:
    d = rel(tmp, "vsftpd")
    root = d / "anon"
    (root / "timetables").mkdir(parents=True, exist_ok=True)
    (root / "upload").mkdir(parents=True, exist_ok=True)
    (d / "empty").mkdir(exist_ok=True)
    rnd = random.Random(2700)
    names = []
    for k in range(40):
        name = f"{rnd.choice(LINES)}-summer-{k:02d}.txt"
        (root / "timetables" / name).write_text("".join(
            f"{rnd.randint(5, 23):02d}:{rnd.randint(0, 59):02d} {rnd.choice(LINES)}\n" for _ in range(rnd.randint(3, 2000))))
        names.append(name)
    run(f"chmod 555 {root} && chown ftp {root}/upload 2>/dev/null || chown nobody {root}/upload; "
        f"chmod 755 {root}/upload", cwd=d)
    port = free_port()
    (d / "vsftpd.conf").write_text(
        f"listen=YES\nlisten_ipv6=NO\nlisten_address=127.0.0.1\nlisten_port={port}\nbackground=NO\n"
        f"anonymous_enable=YES\nanon_root={root}\nno_anon_password=YES\nlocal_enable=YES\n"
        "pam_service_name=vsftpd\nwrite_enable=YES\nanon_upload_enable=YES\nanon_mkdir_write_enable=YES\n"
        f"xferlog_enable=YES\ndual_log_enable=YES\nvsftpd_log_file={d}/vsftpd.log\nxferlog_file={d}/xferlog\n"
        f"secure_chroot_dir={d}/empty\nseccomp_sandbox=NO\npasv_enable=YES\npasv_address=127.0.0.1\n"
        "pasv_min_port=40300\npasv_max_port=40400\nftp_username=ftp\nconnect_from_port_20=NO\nmax_per_ip=50\n")
    p = cm.start(["vsftpd", str(d / "vsftpd.conf")], cwd=d)
    if not wait_port(port, 15):
        raise RuntimeError("vsftpd did not start")
    for k in range(110):
        r = rnd.random()
        try:
            ftp = ftplib.FTP()
            ftp.connect("127.0.0.1", port, timeout=5)
            if r < 0.07:
                ftp.login(rnd.choice(["dispatcher", "admin"]), "nope")
            else:
                ftp.login()
            if r < 0.5:
                ftp.retrbinary(f"RETR timetables/{rnd.choice(names)}", lambda b: None)
            elif r < 0.6:
                ftp.retrbinary(f"RETR timetables/winter-{k}.txt", lambda b: None)
            elif r < 0.78:
                ftp.storbinary(f"STOR upload/{rnd.choice(LINES)}-draft-{k}.txt", io.BytesIO(b"07:12 summit\n" * 60))
            elif r < 0.86:
                ftp.storbinary(f"STOR timetables/{rnd.choice(names)}", io.BytesIO(b"x\n"))
            elif r < 0.93:
                ftp.mkd(f"upload/batch-{k}")
            else:
                ftp.delete(f"upload/{rnd.choice(LINES)}-draft-{k - 3}.txt")
            ftp.quit()
        except Exception:  # noqa: BLE001  refusals are what the log shows
            pass
    time.sleep(0.5)
    cm.stop(p)
    cap("vsftpd-log-tail-echo", "tail -n 260 vsftpd.log; echo EXIT=$?", d, n_vsftpd)
    cap("vsftpd-log-grep-fail-head", "grep -n -E 'FAIL|CONNECT' vsftpd.log | head -n 100", d, n_vsftpd)


STEPS = [bind_steps, ldap_steps, varnish_steps, samba_steps, postfix_steps, fail2ban_steps, vsftpd_steps]
