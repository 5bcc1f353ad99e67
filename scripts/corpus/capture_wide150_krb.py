"""Round 150, round 139's identity kinds again: realm VINTNER.TEST on a KDC bound to 127.0.0.1 with a database of the
round's own (growers, cellar hands, lab staff, host/HTTP/nfs services, admin instances, a cross-realm krbtgt to
COOPERAGE.TEST), a lockout policy, expired and disabled entries; `kadmin.local listprincs`/`getprinc`, `klist -e`,
`klist -k -t -e`, `ktutil`, a loop of `kinit` failures, the KDC's log; sudoers drop-ins of its own through
`visudo -c -f`. Needles from round 139's extractors, imported. Run through capture_wide150.py."""

from __future__ import annotations

import random
import time
from pathlib import Path

import capture_more as cm
from capture_more import run, write_tree
from capture_wide150 import add
from capture_wide139_krb import (n_getprinc, n_kdc_log, n_kinit_errors, n_klist_ccache, n_klist_keytab,
                                 n_listprincs, n_ktutil)
from capture_wide139_svc import n_visudo

REALM = "VINTNER.TEST"
KDC_PORT, KADM_PORT = 18850, 18751
GIVEN = ["aurelie", "bastian", "carmen", "dario", "elodie", "fabio", "greta", "henrik", "ines", "jules", "katya",
         "luca", "marta", "nils", "olga", "pablo", "quentin", "rosa", "stefan", "tilda", "ugo", "vera", "wim", "yara"]
FAMILY = ["albert", "bianchi", "costa", "dubois", "esposito", "fischer", "garnier", "hoffmann", "ibarra", "jansen",
          "keller", "lemaire", "moretti", "navarro", "ortega", "pereira", "rossi", "schmid", "toledo", "vidal"]


def setup_realm(tmp: Path):
    d = tmp / "krb"
    d.mkdir(parents=True, exist_ok=True)
    write_tree(d, {
        "krb5.conf": f"""[libdefaults]
 default_realm = {REALM}
 dns_lookup_kdc = false
 dns_lookup_realm = false
 rdns = false
 udp_preference_limit = 1
 kdc_timeout = 1500
 max_retries = 1
[realms]
 {REALM} = {{
  kdc = 127.0.0.1:{KDC_PORT}
  admin_server = 127.0.0.1:{KADM_PORT}
 }}
 COOPERAGE.TEST = {{
  kdc = 127.0.0.1:9
 }}
[logging]
 kdc = FILE:{d}/krb5kdc.log
 default = FILE:{d}/krb5lib.log
""",
        "kdc.conf": f"""[kdcdefaults]
 kdc_listen = 127.0.0.1:{KDC_PORT}
 kdc_tcp_listen = 127.0.0.1:{KDC_PORT}
[realms]
 {REALM} = {{
  database_name = {d}/principal
  key_stash_file = {d}/stash
  acl_file = {d}/kadm5.acl
  kadmind_listen = 127.0.0.1:{KADM_PORT}
  max_life = 12h
  max_renewable_life = 5d
  default_principal_flags = +preauth
  supported_enctypes = aes256-cts-hmac-sha1-96:normal aes128-cts-hmac-sha1-96:normal aes256-cts-hmac-sha384-192:normal aes128-cts-hmac-sha256-128:normal
 }}
""",
        "kadm5.acl": f"*/admin@{REALM} *\n",
    })
    env = {"KRB5_CONFIG": str(d / "krb5.conf"), "KRB5_KDC_PROFILE": str(d / "kdc.conf"),
           "KRB5CCNAME": f"FILE:{d}/cc_cellar"}
    run(f"kdb5_util create -s -r {REALM} -P 'Vint-master-150'", cwd=d, env=env)
    rnd = random.Random(1501)
    users = []
    while len(users) < 140:
        u = f"{rnd.choice(GIVEN)}.{rnd.choice(FAMILY)}"
        if u not in users:
            users.append(u)
    cmds = ["addpol -maxfailure 4 -failurecountinterval 15m -lockoutduration 20m cellar",
            "addpol -minlength 10 -minclasses 2 -maxlife 120d office",
            "addpol -maxlife 60d -history 3 service"]
    for i, u in enumerate(users):
        pol = "cellar" if i % 4 else "office"
        cmds.append(f"addprinc -pw Grape-{i:03d}-pw -policy {pol} {u}")
    for u in ("harvest", "press", "bottling"):
        cmds.append(f"addprinc -pw Shift-pass-150 -policy cellar {u}")
    cmds.append("addprinc -pw Seasonal-150 -expire \"2025-10-31 00:00:00 UTC\" -policy cellar picker.seasonal")
    cmds.append("addprinc -pw Lab-expired-150 -pwexpire \"2026-03-01 00:00:00 UTC\" -policy office lab.chief")
    cmds.append("addprinc -pw Hold-pass-150 -allow_tix -policy cellar broker.onhold")
    for u in ("marta.rossi", "nils.jansen"):
        cmds.append(f"addprinc -pw Adm1n-vintner/{u} {u}/admin")
    for n in range(1, 41):
        cmds.append(f"addprinc -randkey -policy service host/tank-{n:02d}.vintner.test")
    for h in ("orders", "lab", "cellar", "press", "shop", "grafana", "docs"):
        cmds.append(f"addprinc -randkey -policy service HTTP/{h}.vintner.test")
    for h in ("barrels", "labdata", "backup", "labels"):
        cmds.append(f"addprinc -randkey -policy service nfs/{h}.vintner.test")
    cmds.append("addprinc -randkey ldap/dir.vintner.test")
    cmds.append("addprinc -randkey -requires_preauth smtp/mail.vintner.test")
    cmds.append(f"addprinc -pw Xrealm-150-oak krbtgt/COOPERAGE.TEST@{REALM}")
    (d / "load.kadmin").write_text("\n".join(cmds) + "\nquit\n")
    run(f"kadmin.local < {d}/load.kadmin > {d}/load.out 2>&1", cwd=d, env=env, timeout=600)
    return d, env, users


def cap_kerberos(tmp: Path) -> None:
    d, env, users = setup_realm(tmp)
    kdc = cm.start(["krb5kdc", "-n"], cwd=d, env=env)
    time.sleep(1.5)

    def c(item_id, command, ext, typed=None, timeout=300):
        add(item_id, typed or command, run(command, cwd=d, env=env, timeout=timeout), ext)

    tanks = " ".join(f"host/tank-{n:02d}.vintner.test" for n in range(1, 25))
    run(f"kadmin.local -q 'ktadd -k {d}/tanks.keytab {tanks}'", cwd=d, env=env)
    run(f"kadmin.local -q 'ktadd -k {d}/tanks.keytab -e aes128-cts-hmac-sha256-128:normal "
        + " ".join(f"host/tank-{n:02d}.vintner.test" for n in range(1, 9)) + "'", cwd=d, env=env)
    run(f"kadmin.local -q 'ktadd -k {d}/tanks.keytab -e aes256-cts-hmac-sha384-192:normal host/tank-17.vintner.test'",
        cwd=d, env=env)
    for _ in range(2):
        run(f"kadmin.local -q 'ktadd -k {d}/web.keytab " + " ".join(
            f"HTTP/{h}.vintner.test" for h in ("orders", "lab", "cellar", "press", "shop")) + "'", cwd=d, env=env)
    run(f"kadmin.local -q 'ktadd -k {d}/nfs.keytab " + " ".join(
        f"nfs/{h}.vintner.test" for h in ("barrels", "labdata", "backup")) + "'", cwd=d, env=env)

    pw = {u: f"Grape-{i:03d}-pw" for i, u in enumerate(users)}
    cellar = [u for i, u in enumerate(users) if i % 4][:9]
    for k, u in enumerate(cellar):
        for t in range(1 + k % 5):
            run(f"echo 'nope-{t}' | kinit {u}", cwd=d, env=env)
        run(f"echo '{pw[u]}' | kinit {u}", cwd=d, env=env)
    for u in ("root", "winemaker", "test", "b.dubois"):
        run(f"echo x | kinit {u}", cwd=d, env=env)

    c("kadmin-listprincs-grep-v-tank", "kadmin.local -q listprincs | grep -v '^host/tank'", n_listprincs)
    c("kadmin-listprincs-all-echo", "kadmin.local -q listprincs; echo EXIT=$?", n_listprincs)
    locked = cellar[4]
    names = [users[1], locked, "picker.seasonal", "lab.chief", "broker.onhold", "marta.rossi/admin",
             "host/tank-17.vintner.test", "HTTP/shop.vintner.test", f"krbtgt/COOPERAGE.TEST@{REALM}", "no.such.grower"]
    c("kadmin-getprinc-loop", "for p in " + " ".join(f"'{n}'" for n in names)
      + "; do kadmin.local -q \"getprinc $p\"; done 2>&1 | grep -v '^Authenticating'", n_getprinc)

    run(f"echo '{pw[users[2]]}' | kinit -f -r 2d {users[2]}", cwd=d, env=env)
    svcs = [f"host/tank-{n:02d}.vintner.test" for n in range(1, 13)] + [
        f"HTTP/{h}.vintner.test" for h in ("orders", "lab", "shop")] + ["nfs/barrels.vintner.test", "ldap/dir.vintner.test"]
    run("kvno " + " ".join(svcs), cwd=d, env=env)
    run("kvno -e aes128-cts-hmac-sha256-128 smtp/mail.vintner.test", cwd=d, env=env)
    c("klist-ccache-e-echo", "klist -e; echo EXIT=$?", n_klist_ccache)
    c("klist-keytab-tanks-tail-90", f"klist -k -t -e {d}/tanks.keytab | tail -n 90", n_klist_keytab,
      typed="klist -k -t -e /etc/vintner/tanks.keytab | tail -n 90")
    c("klist-keytab-web", f"klist -k -t -e {d}/web.keytab", n_klist_keytab, typed="klist -k -t -e /etc/vintner/web.keytab")
    c("ktutil-list-web-nfs", f"printf 'rkt {d}/web.keytab\\nrkt {d}/nfs.keytab\\nrkt {d}/gone.keytab\\nlist -e -t\\nquit\\n' "
      "| ktutil", n_ktutil,
      typed="printf 'rkt /etc/vintner/web.keytab\\nrkt /etc/vintner/nfs.keytab\\nrkt /etc/vintner/gone.keytab\\n"
            "list -e -t\\nquit\\n' | ktutil")

    loop = [
        ("bad password", f"echo 'Grape-000-xx' | kinit {users[5]}"),
        ("no such principal", "echo x | kinit cellar.intern"),
        ("locked after failures", f"echo '{pw[locked]}' | kinit {locked}"),
        ("seasonal account expired", "echo Seasonal-150 | kinit picker.seasonal"),
        ("password expired", "echo Lab-expired-150 | kinit lab.chief"),
        ("tickets disallowed", "echo Hold-pass-150 | kinit broker.onhold"),
        ("foreign realm unreachable", "echo x | kinit cooper@COOPERAGE.TEST"),
        ("wrong keytab", f"kinit -k -t {d}/web.keytab host/tank-03.vintner.test"),
        ("unknown service", f"echo '{pw[users[2]]}' | kinit {users[2]} && kvno HTTP/payroll.vintner.test"),
        ("good login", f"echo '{pw[users[2]]}' | kinit {users[2]} && klist -s"),
    ]
    body = "; ".join(f"echo '== {name}'; {cmd}; echo EXIT=$?" for name, cmd in loop)
    c("kinit-errors-loop", body, n_kinit_errors,
      typed="for case in ...; do echo \"== $case\"; ...; kinit ...; echo EXIT=$?; done")

    log = d / "krb5kdc.log"
    c("krb5kdc-log-tail-120", f"tail -n 120 {log}", n_kdc_log, typed="tail -n 120 /var/log/krb5kdc.log")
    c("krb5kdc-log-grep-fail", f"grep -E 'PREAUTH_FAILED|CLIENT_NOT_FOUND|LOCKED|EXPIRED|REVOKED|UNKNOWN' {log}",
      n_kdc_log, typed="grep -E 'PREAUTH_FAILED|CLIENT_NOT_FOUND|LOCKED|EXPIRED|REVOKED|UNKNOWN' /var/log/krb5kdc.log")
    cm.stop(kdc)


SUDOERS = {
    "10-cellar": """# cellar hands restart the tank controllers
Cmnd_Alias TANKCTL = /usr/bin/systemctl restart tankd, /usr/bin/systemctl status tankd
User_Alias CELLAR = aurelie, bastian, carmen
CELLAR ALL = (root) NOPASSWD: TANKCTL
""",
    "20-lab": """# lab staff: fault put in, an alias used before it is defined and a missing comma
User_Alias LAB = elodie, greta henrik
LAB ALL = (labsvc) NOPASSWD: LABTOOLS
Defaults:LAB timestamp_timeout=5
""",
    "30-bottling": """Defaults env_keep += "LINE_ID"
Defaults bottling_mode=fast
Host_Alias LINES = line1, line2, line3
bottling LINES = (root) /usr/local/bin/labeler, /usr/local/bin/capper --reset
""",
    "40-press": """%press ALL=(root) NOPASSWD: /usr/sbin/press-ctl *
%press ALL=(root) NOPASSWD /usr/sbin/press-log
Cmnd_Alias TANKCTL = /bin/true
""",
    "60-many": "# generated: one rule per tank controller, three of them broken\n"
               + "".join(f"Cmnd_Alias TANK{i:02d} = /usr/local/bin/tankctl --tank {i:02d} *\n" for i in range(1, 31))
               + "Cmnd_Alias TANK07 = /usr/local/bin/tankctl --tank 07 --force\n"
               "cellar ALL = (root) NOPASSWD: TANK01, TANK02, TANK03, TANK31\n"
               "cellar ALL = (root) NOPASSWD TANK04\n"
               "Defaults:cellar lecture=sometimes\n",
    "50-ok": """# office: read-only reports
%office ALL = (reports) NOPASSWD: /usr/local/bin/sales-report, /usr/local/bin/stock-report
""",
}


def cap_visudo(tmp: Path) -> None:
    s = tmp / "sudoers.d"
    write_tree(s, SUDOERS)
    for f in s.iterdir():
        f.chmod(0o440)
    (s / "30-bottling").chmod(0o666)
    body = "; ".join(f"echo '== {f.name}'; visudo -c -f {f}; echo EXIT=$?" for f in sorted(s.iterdir()))
    add("visudo-check-loop", "for f in /etc/vintner/sudoers.d/*; do echo \"== ${f##*/}\"; visudo -c -f \"$f\"; "
        "echo EXIT=$?; done", run(body, timeout=120).replace(str(s), "/etc/vintner/sudoers.d"), n_visudo)
    add("visudo-check-strict", "cd /etc/vintner/sudoers.d && visudo -c -s -f 20-lab; echo EXIT=$?; "
        "visudo -c -s -f 40-press; echo EXIT=$?; visudo -c -s -f 60-many; echo EXIT=$?",
        run(f"cd {s} && visudo -c -s -f 20-lab; echo EXIT=$?; visudo -c -s -f 40-press; echo EXIT=$?; "
            "visudo -c -s -f 60-many; echo EXIT=$?", timeout=120),
        n_visudo)


STEPS = [cap_kerberos, cap_visudo]
