#!/usr/bin/env python3
"""Capture round 311 of the compression corpus: second samples of rounds 301's and 303's kinds on new material.
Round 301's (signatures, keys, certificates, secrets): a planetarium's show-control releases signed in a fresh GnuPG
home (expired signing subkeys, a revoked key, keys the verifier lacks, edited clear-signed notes, signatures over the
wrong file), a git history signed by those keys, an OpenSSL CA pair with short-lived and chainless leaf certificates,
encrypted / EC / Ed25519 / corrupted keys, detached CMS signatures over altered content or without signer
certificates, an OpenSSH CA pair with certificates and `ssh-keygen -Y` signatures checked wrongly, planted tokens for
detect-secrets' hook. Round 303's (toolchains) are in capture_wide311_lang.py, whose steps run here too.

No rule is new: every extractor is imported from capture_wide301 / capture_wide303 (NEEDLES.md, "Round 311").
Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide311.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide311.json  as {"version": 2, "items": [...]}, ids prefixed "wide311-".
"""

from __future__ import annotations

import os
import random
import re
import sys
from datetime import datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_wide301 import (n_certtool_verify, n_checkend, n_cms_verify, n_ds_hook, n_git_log_sig,  # noqa: E402
                             n_gpg_check_sigs, n_gpg_list_keys, n_gpg_verify, n_gpgv, n_pkey_check,
                             n_ssh_keygen_L, n_ssh_keygen_Y)

ID_PREFIX = "wide311-"
DEFAULT_OUT = HERE / "data" / "wide311.json"
TMP = Path("/dev/shm/hm-corpus-wide311/run")
TOOLS = Path("/dev/shm/hm-corpus-wide311-tools")
VENV = TOOLS / "venv"

MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add = _SIZED.add


def sh(cmd: str, cwd=None, env: dict | None = None, timeout: int = 300) -> str:
    return cm.run(cmd, cwd=cwd, env=env, timeout=timeout)


# ------------------------------------------------------------------ GnuPG: a planetarium's show-control releases

STAFF = ["Orla Byrne", "Piet Vermeer", "Sunita Rao", "Tomas Kral", "Uma Bose", "Viktor Hale", "Wren Adair",
         "Yara Costa", "Zeno Pratt", "Aino Korhonen"]
OUTSIDERS = ["Bea Lund", "Cyril Okafor"]
OLD = "20210301T090000"
SHOWS = ["aurora", "saturn-rings", "comet-tails", "milky-way", "eclipse-2027", "mars-dust", "pulsar", "nebula-tour"]


def mail(name: str) -> str:
    return name.split()[0].lower() + "@dome.planetarium.example"


G = "--batch --pinentry-mode loopback --passphrase ''"


def gpg(home: Path, args: str, faked: str | None = None) -> str:
    f = f" --faked-system-time {faked}" if faked else ""
    return sh(f"gpg --homedir {home} {G}{f} {args}", timeout=120)


def fpr_of(home: Path, who: str) -> str:
    m = re.search(r"^fpr:+([0-9A-F]{40}):", sh(f"gpg --homedir {home} --batch --with-colons --list-keys '{who}'"), re.M)
    assert m
    return m.group(1)


def keys(tmp: Path) -> dict:
    g = tmp / "gpg"
    S, X, V = g / "staff", g / "outsider", g / "verifier"
    for h in (S, X, V):
        h.mkdir(parents=True)
        h.chmod(0o700)
    k: dict[str, dict] = {}
    for i, name in enumerate(STAFF):
        uid = f"{name} <{mail(name)}>"
        state = "subkey-expired" if i in (2, 7) else "revoked" if i == 5 else "valid"
        if state == "subkey-expired":
            gpg(S, f"--quick-gen-key '{uid}' ed25519 cert 6y", faked=OLD)
            f = fpr_of(S, mail(name))
            gpg(S, f"--quick-add-key {f} ed25519 sign 45d", faked=OLD)
        else:
            gpg(S, f"--quick-gen-key '{uid}' {'rsa2048' if i == 4 else 'ed25519'} cert,sign 2y")
            f = fpr_of(S, mail(name))
        if i in (0, 6):  # a second user id
            gpg(S, f"--quick-add-uid {f} '{name} (dome ops) <{name.split()[0].lower()}@ops.planetarium.example>'")
        k[name] = {"uid": uid, "state": state, "home": S, "fpr": f}
    for name in OUTSIDERS:
        uid = f"{name} <{name.split()[0].lower()}@visiting.example>"
        gpg(X, f"--quick-gen-key '{uid}' ed25519 sign 1y")
        k[name] = {"uid": uid, "state": "missing", "home": X, "fpr": fpr_of(X, uid.split("<")[1][:-1])}
    valid = [n for n in STAFF if k[n]["state"] == "valid"]
    for a, b in zip(valid, valid[2:] + valid[:2]):
        gpg(S, f"--yes --default-key {k[a]['fpr']} --quick-sign-key {k[b]['fpr']}")
    return {"S": S, "X": X, "V": V, "g": g, "keys": k}


def finish_keys(m: dict) -> None:
    S, V, g = m["S"], m["V"], m["g"]
    for name, k in m["keys"].items():
        if k["state"] == "revoked":
            rev = (S / "openpgp-revocs.d" / f"{k['fpr']}.rev").read_text().replace(":-----BEGIN", "-----BEGIN")
            (g / "rev.asc").write_text(rev)
            gpg(S, f"--import {g}/rev.asc")
    sh(f"gpg --homedir {S} --batch --export > {g}/staff.pub")
    gpg(V, f"--import {g}/staff.pub")
    sh(f"gpg --homedir {V} --batch --export > {g}/dome-keyring.gpg")


def sign(m: dict, name: str, path: Path, clear: bool = False) -> None:
    k = m["keys"][name]
    faked = "20210310T120000" if k["state"] == "subkey-expired" else None
    how = f"--clearsign --output {path}.asc" if clear else f"--armor --detach-sign --output {path}.asc"
    gpg(k["home"], f"--yes -u {k['fpr']} {how} {path}", faked=faked)


def step_gpg(tmp: Path) -> None:
    m = keys(tmp)
    rnd = random.Random(31101)
    names = STAFF + OUTSIDERS
    rel = tmp / "shows"
    rel.mkdir()
    for i in range(84):
        f = rel / f"{SHOWS[i % len(SHOWS)]}-{2 + i // 24}.{i % 12}.{rnd.randrange(4)}.dome.tar.xz"
        f.write_bytes(rnd.randbytes(rnd.randrange(600, 4000)))
        sign(m, names[rnd.randrange(len(names))] if i % 3 else STAFF[i % len(STAFF)], f)
        r = rnd.random()
        if r < 0.08:
            f.write_bytes(f.read_bytes()[:-7])  # truncated upload
        elif r < 0.13:
            with open(f, "r+b") as fh:
                fh.seek(100)
                fh.write(b"\x13\x37")
    files = sorted(p.name for p in rel.glob("*.tar.xz"))
    # a signature copied next to the wrong file, a truncated armour
    (rel / "zz-swapped.dome.tar.xz").write_bytes(rnd.randbytes(900))
    (rel / "zz-swapped.dome.tar.xz.asc").write_text((rel / f"{files[5]}.asc").read_text())
    (rel / "zz-cut.dome.tar.xz").write_bytes(rnd.randbytes(700))
    body = (rel / f"{files[9]}.asc").read_text().splitlines()
    (rel / "zz-cut.dome.tar.xz.asc").write_text("\n".join(body[:3]) + "\n")
    notes = tmp / "notes"
    notes.mkdir()
    for i in range(16):
        n = notes / f"showtime-{i:02d}.txt"
        n.write_text(f"Show schedule week {i + 1}\n" + "".join(
            f"{d} {rnd.randrange(10, 21)}:{rnd.choice(['00', '30'])} {rnd.choice(SHOWS)}\n"
            for d in ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]))
        sign(m, names[(i * 5) % len(names)], n, clear=True)
        if i % 5 == 3:
            t = (notes / f"{n.name}.asc").read_text().replace("Sat ", "Sat  ", 1)
            (notes / f"{n.name}.asc").write_text(t)
    repo = tmp / "showctl"
    repo.mkdir()
    wrap = tmp / "gpgw"
    wrap.write_text('#!/bin/sh\nexec gpg $GPGW_EXTRA "$@"\n')
    wrap.chmod(0o755)
    sh("git init -q -b main && git config user.name 'Dome Builds' && git config user.email builds@dome.planetarium.example",
       cwd=repo)
    verbs = ["fix", "add", "retime", "bump", "docs:", "cue:", "audio:", "projector:"]
    things = ["star field fade", "fisheye warp", "audio cue list", "house lights", "laser safety interlock",
              "seat rumble", "narration track", "dome seam blend", "show clock", "emergency stop"]
    for i in range(130):
        (repo / f"cues/show{i % 9}.cue").parent.mkdir(exist_ok=True)
        (repo / f"cues/show{i % 9}.cue").write_text(f"cue {i}\n" + "fade " * rnd.randrange(3, 40) + "\n")
        sh("git add -A", cwd=repo)
        msg = f"{rnd.choice(verbs)} {rnd.choice(things)} (DOME-{300 + i})"
        if i % 11 == 6:
            sh(f"git commit -q -m '{msg}'", cwd=repo)
            continue
        name = names[rnd.randrange(len(names))]
        k = m["keys"][name]
        env = {"GNUPGHOME": str(k["home"]), "GPGW_EXTRA": ""}
        if k["state"] == "subkey-expired":
            env.update({"GPGW_EXTRA": "--faked-system-time 20210310T120000",
                        "GIT_AUTHOR_DATE": "2021-03-10T12:00:00", "GIT_COMMITTER_DATE": "2021-03-10T12:00:00"})
        sh(f"git -c gpg.program={wrap} -c user.signingkey={k['fpr']} commit -S -q -m '{msg}'", cwd=repo, env=env)
    finish_keys(m)
    env = {"GNUPGHOME": str(m["V"])}
    loop = 'for f in {sel}; do echo "== $f =="; gpg --verify "$f" "${{f%.asc}}"; echo EXIT=$?; done'
    ascs = sorted(p.name for p in rel.glob("*.asc"))
    for iid, sel in [("gpg-verify-loop-all", "*.asc")]:
        cmd = loop.format(sel=sel)
        add(iid, cmd, sh(cmd, cwd=rel, env=env), n_gpg_verify)
    cmd = 'for n in showtime-*.txt.asc; do echo "== $n =="; gpg --verify "$n"; echo EXIT=$?; done'
    add("gpg-verify-clearsigned", cmd, sh(cmd, cwd=notes, env=env), n_gpg_verify)
    gv = 'for f in {sel}; do echo "== $f =="; gpgv --keyring ../gpg/dome-keyring.gpg "$f" "${{f%.asc}}"; echo EXIT=$?; done'
    cmd = gv.format(sel="*.asc")
    add("gpgv-loop-all", cmd, sh(cmd, cwd=rel, env=env), n_gpgv)
    cmd = gv.format(sel="zz-*.asc " + " ".join(ascs[40:46]))
    add("gpgv-loop-zz", cmd, sh(cmd, cwd=rel, env=env), n_gpgv)
    add("gpg-check-sigs", "gpg --check-sigs", sh("gpg --batch --check-sigs", env=env), n_gpg_check_sigs)
    add("gpg-list-keys-long", "gpg --list-keys --keyid-format long",
        sh("gpg --batch --list-keys --keyid-format long", env=env), n_gpg_list_keys)
    add("gpg-list-keys-colons", "gpg --list-keys --with-colons --with-subkey-fingerprints",
        sh("gpg --batch --list-keys --with-colons --with-subkey-fingerprints", env=env), n_gpg_list_keys)
    for iid, cmd in [("git-log-sig-15", "git log --show-signature -n 15"),
                     ("git-log-sig-all", "git log --show-signature"),
                     ("git-log-sig-cues", "git log --show-signature --name-status -- cues/show3.cue cues/show7.cue")]:
        add(iid, cmd, sh(cmd, cwd=repo, env=env), n_git_log_sig)


# ------------------------------------------------------------------ OpenSSL and GnuTLS: the dome's service certificates

CNF = """[ca]
default_ca = CA_default
[CA_default]
dir = {d}
database = {d}/index.txt
new_certs_dir = {d}/newcerts
serial = {d}/serial
certificate = {d}/ca.pem
private_key = {d}/ca.key
default_md = sha256
policy = policy_any
unique_subject = no
copy_extensions = copy
[policy_any]
organizationName = optional
commonName = supplied
[v3_ca]
basicConstraints = critical,CA:true
keyUsage = critical,keyCertSign,cRLSign
[v3_leaf]
basicConstraints = CA:false
keyUsage = critical,digitalSignature
extendedKeyUsage = serverAuth,clientAuth,emailProtection
"""


def ca(d: Path, subj: str, issuer: Path | None = None) -> None:
    (d / "newcerts").mkdir(parents=True)
    (d / "index.txt").write_text("")
    (d / "serial").write_text("3110\n")
    (d / "ca.cnf").write_text(CNF.format(d=d))
    if issuer is None:
        sh(f"openssl req -x509 -newkey ed25519 -nodes -keyout {d}/ca.key -out {d}/ca.pem -days 4000 -subj '{subj}' "
           "-addext basicConstraints=critical,CA:true -addext keyUsage=critical,keyCertSign,cRLSign")
    else:
        sh(f"openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-384 -nodes -keyout {d}/ca.key -out {d}/ca.csr "
           f"-subj '{subj}'")
        sh(f"openssl ca -batch -config {issuer}/ca.cnf -extensions v3_ca -days 2000 -in {d}/ca.csr -out {d}/ca.pem -notext")


def ts(d: datetime) -> str:
    return d.strftime("%Y%m%d%H%M%SZ")


def step_openssl(tmp: Path) -> None:
    rnd = random.Random(31102)
    p = tmp / "pki"
    root, inter, other = p / "root", p / "issuing", p / "nebula"
    ca(root, "/O=Dome Planetarium/CN=Dome Root 2026")
    ca(inter, "/O=Dome Planetarium/CN=Dome Issuing G2", issuer=root)
    ca(other, "/O=Nebula Labs/CN=Nebula Lab Test CA")
    certs = p / "certs"
    certs.mkdir()
    now = datetime.utcnow().replace(microsecond=0)
    svcs = ["projector", "soundrack", "seatbus", "ticketing", "cuectl", "laser", "hvac", "kiosk", "streaming", "archive"]
    for i in range(44):
        cn = f"{svcs[i % len(svcs)]}-{i // len(svcs) + 1}.dome.example"
        r = rnd.random()
        if r < 0.08:
            start, end = now - timedelta(days=400), now + timedelta(minutes=rnd.randrange(5, 50))
        elif r < 0.16:
            start, end = now - timedelta(days=90), now + timedelta(hours=rnd.randrange(2, 20))
        elif r < 0.24:
            start, end = now - timedelta(days=700), now - timedelta(hours=rnd.randrange(1, 900))
        elif r < 0.28:
            start, end = now + timedelta(hours=rnd.randrange(2, 300)), now + timedelta(days=400)
        else:
            start, end = now - timedelta(days=rnd.randrange(5, 200)), now + timedelta(days=rnd.randrange(40, 900))
        issuer = other if i % 13 == 9 else inter
        kopt = "rsa:2048" if i % 9 == 4 else "ed25519" if i % 5 == 2 else "ec -pkeyopt ec_paramgen_curve:P-256"
        out = certs / f"{i:02d}-{cn.split('.')[0]}"
        sh(f"openssl req -new -newkey {kopt} -nodes -keyout {out}.key -out {out}.csr -subj '/O=Dome/CN={cn}' "
           f"-addext subjectAltName=DNS:{cn}")
        sh(f"openssl ca -batch -config {issuer}/ca.cnf -extensions v3_leaf -startdate {ts(start)} -enddate {ts(end)} "
           f"-in {out}.csr -out {out}.pem -notext")
    (certs / "90-der-not-pem.pem").write_bytes(
        sh(f"openssl x509 -in {certs}/00-projector-1.pem -outform DER | base64 -w0").encode()[:600])
    sh(f"openssl x509 -in {certs}/01-soundrack-1.pem -outform DER -out {certs}/91-soundrack-der.pem")
    lines = sorted(certs.glob("03-*.pem"))[0].read_text().splitlines()
    (certs / "92-edited.pem").write_text("\n".join(lines[:4] + lines[6:]) + "\n")
    check = ('n=0; e=0; for c in {sel}; do n=$((n+1)); echo "== $c =="; openssl x509 -noout -subject -enddate '
             '-checkend {secs} -in "$c" || e=$((e+1)); done; echo "checked $n certificates, $e expire within {what} '
             'or could not be read"; echo EXIT=$?')
    pems = sorted(c.name for c in certs.glob("*.pem"))
    for iid, sel, secs, what in [("checkend-day-all", "*.pem", 86400, "a day"),
                                 ("checkend-hour-20", " ".join(pems[10:30]), 3600, "an hour")]:
        cmd = check.format(sel=sel, secs=secs, what=what)
        add(f"openssl-{iid}", cmd, sh(cmd, cwd=certs), n_checkend)
    # keys: encrypted (checked with the wrong passphrase), DSA-free mix of EC / Ed25519 / RSA, corrupted
    kd = p / "keys"
    kd.mkdir()
    src = sorted(certs.glob("*.key"))
    for i, kf in enumerate(src[:24]):
        body, name = kf.read_text(), kf.name
        if i % 6 == 1:
            sh(f"openssl pkey -in {kf} -aes128 -passout pass:starlight -out {kd}/{name.replace('.key', '-enc.key')}")
            continue
        if i % 8 == 5:
            bl = body.splitlines()
            bl[1] = bl[1][::-1]
            body, name = "\n".join(bl) + "\n", name.replace(".key", "-flipped.key")
        elif i % 10 == 7:
            body, name = body.replace("PRIVATE KEY", "RSA PRIVATE KEY"), name.replace(".key", "-relabelled.key")
        (kd / name).write_text(body)
    sh(f"openssl x509 -in {certs}/02-seatbus-1.pem -noout -pubkey > {kd}/zz-pubkey-only.key")
    (kd / "zz-cert-as-key.key").write_text(sorted(certs.glob("04-*.pem"))[0].read_text())
    cmd = ('for k in *.key; do echo "== $k =="; openssl pkey -check -noout -passin pass:moonlight -in "$k"; '
           'echo EXIT=$?; done')
    add("openssl-pkey-check-all", cmd, sh(cmd, cwd=kd), n_pkey_check)
    dep = p / "deploy"
    dep.mkdir()
    for i, c in enumerate(sorted(certs.glob("[0-3]*.pem"))):
        kf = c.with_suffix(".key")
        if not kf.exists():
            continue
        (dep / c.name.replace(".pem", ".crt")).write_text(c.read_text())
        other_k = src[(i * 7 + 3) % len(src)] if i % 6 == 4 else kf
        (dep / c.name.replace(".pem", ".key")).write_text(other_k.read_text())
    match = ('for c in *.crt; do k="${c%.crt}.key"; echo "== $c =="; a=$(openssl x509 -noout -pubkey -in "$c" | sha256sum); '
             'b=$(openssl pkey -pubout -in "$k" | sha256sum); if [ "$a" = "$b" ]; then echo "match: $k"; '
             'else echo "MISMATCH: $k does not match $c"; fi; done; echo EXIT=$?')
    add("openssl-key-match-deploy", match, sh(match, cwd=dep), n_pkey_check)
    # detached CMS signatures of show manifests
    man = p / "manifests"
    man.mkdir()
    leafs = [c for c in sorted(certs.glob("[0-3]*.pem")) if c.with_suffix(".key").exists()][:20]
    for i, c in enumerate(leafs):
        f = man / f"manifest-{i:02d}.json"
        f.write_text('{"show": "%s", "files": [%s]}\n' % (SHOWS[i % len(SHOWS)], ", ".join(
            f'"{rnd.randbytes(8).hex()}.mov"' for _ in range(rnd.randrange(2, 9)))))
        extra = " -nocerts" if i % 7 == 3 else ""
        sh(f"openssl cms -sign -binary -in {f} -signer {c} -inkey {c.with_suffix('.key')} -certfile {inter}/ca.pem "
           f"-outform DER -out {f}.p7s{extra}")
        if i % 4 == 2:
            f.write_text(f.read_text().replace('"show"', '"Show"'))
    cms = ('for s in {sel}; do echo "== $s =="; openssl cms -verify -binary -inform DER -in "$s" -content "${{s%.p7s}}" '
           '-CAfile ../root/ca.pem {extra}-out /dev/null; echo EXIT=$?; done')
    sigs = sorted(x.name for x in man.glob("*.p7s"))
    cmd = cms.format(sel="*.p7s", extra="")
    add("openssl-cms-verify-detached-all", cmd, sh(cmd, cwd=man), n_cms_verify)
    cmd = cms.format(sel=" ".join(sigs[:8]), extra=f"-certfile ../certs/{leafs[3].name} ")
    add("openssl-cms-verify-certfile-8", cmd, sh(cmd, cwd=man), n_cms_verify)
    # GnuTLS certtool: leaf-only files (no intermediate) and full chains
    ch = p / "chains"
    ch.mkdir()
    for i, c in enumerate(sorted(certs.glob("[0-2]*.pem"))):
        body = c.read_text()
        (ch / c.name.replace(".pem", "-chain.pem" if i % 4 else "-leafonly.pem")).write_text(
            body + ((inter / "ca.pem").read_text() if i % 4 else ""))
    ct = ('for c in {sel}; do echo "== $c =="; certtool --verify --load-ca-certificate ../root/ca.pem --infile "$c"; '
          'echo EXIT=$?; done')
    cmd = ct.format(sel="*.pem")
    add("certtool-verify-all", cmd, sh(cmd, cwd=ch), n_certtool_verify)
    names = sorted(x.name for x in ch.iterdir())
    cmd = "; ".join(f'echo "== {n} =="; certtool --verify-chain --infile {n}; echo EXIT=$?' for n in names[:6])
    add("certtool-verify-chain-6", cmd, sh(cmd, cwd=ch), n_certtool_verify)


# ------------------------------------------------------------------ OpenSSH: the dome's crew and hosts

CREW = ["orla", "piet", "sunita", "tomas", "uma", "viktor", "wren", "yara", "zeno", "aino", "bea", "cyril", "dara"]


def step_ssh(tmp: Path) -> None:
    d = tmp / "ssh"
    d.mkdir()
    rnd = random.Random(31103)
    sh(f"ssh-keygen -q -t ecdsa -b 384 -N '' -C 'dome user CA' -f {d}/dome_user_ca")
    sh(f"ssh-keygen -q -t ed25519 -N '' -C 'dome host CA' -f {d}/dome_host_ca")
    allowed = []
    for i, u in enumerate(CREW):
        t = "ecdsa" if i % 5 == 1 else "rsa -b 2048" if i % 7 == 3 else "ed25519"
        sh(f"ssh-keygen -q -t {t} -N '' -C '{u}@console' -f {d}/{u}")
        win = ["-2d:+8h", "20231001:20240101", "+2w:+30w", "-1w:forever", "always:+1d", "-30d:-1d"][i % 6]
        opts = ""
        if i % 4 == 0:
            opts += " -O clear -O permit-pty"
        if i % 5 == 2:
            opts += " -O force-command=/opt/dome/bin/cue-console -O no-x11-forwarding"
        if i % 6 == 3:
            opts += f" -O source-address=172.16.{i}.0/24"
        princ = f"{u},projectionist" if i % 3 == 0 else f"{u},ops,root" if i == 7 else u
        sh(f"ssh-keygen -q -s {d}/dome_user_ca -I '{u}@dome' -n {princ} -z {3110 + i} -V {win}{opts} {d}/{u}.pub")
        after = ' valid-after="20991231"' if i % 6 == 5 else ""
        ns = 'namespaces="file"' if i % 4 != 2 else 'namespaces="git"'
        if i % 9 != 8:
            allowed.append(f"{u}@dome.example {ns}{after} " + (d / f"{u}.pub").read_text().strip())
    for h in ["projector-a", "projector-b", "soundrack", "cuectl"]:
        sh(f"ssh-keygen -q -t ed25519 -N '' -f {d}/{h}_host")
        sh(f"ssh-keygen -q -s {d}/dome_host_ca -h -I {h} -n {h}.dome.example,{h} -V -1d:+{rnd.randrange(2, 60)}w "
           f"{d}/{h}_host.pub")
    (d / "allowed_signers").write_text("\n".join(allowed) + "\n")
    (d / "stale-cert.pub").write_text((d / "orla-cert.pub").read_text()[:120] + "\n")
    loop = 'for c in {sel}; do echo "== $c =="; ssh-keygen -L -f "$c"; echo EXIT=$?; done'
    sel = "*-cert.pub stale-cert.pub piet.pub nobody-cert.pub"
    add("ssh-keygen-L-all", loop.format(sel=sel), sh(loop.format(sel=sel), cwd=d), n_ssh_keygen_L)
    sel = "*_host-cert.pub"
    add("ssh-keygen-L-hosts", loop.format(sel=sel), sh(loop.format(sel=sel), cwd=d), n_ssh_keygen_L)
    files = d / "cues"
    files.mkdir()
    jobs = []
    for i in range(24):
        u = CREW[(i * 5) % len(CREW)]
        f = files / f"cuelist-{i:02d}.json"
        f.write_text('{"cues": [%s]}\n' % ", ".join(str(rnd.randrange(1000)) for _ in range(rnd.randrange(5, 40))))
        ns = "file" if i % 7 != 5 else "git"
        sh(f"ssh-keygen -q -Y sign -f {d}/{u} -n {ns} {f}")
        ident = f"{u}@dome.example" if i % 10 != 4 else f"{CREW[(i + 2) % len(CREW)]}@dome.example"
        if i % 8 == 6:
            s = (files / f"{f.name}.sig").read_text().splitlines()
            (files / f"{f.name}.sig").write_text("\n".join(s[:3] + s[-1:]) + "\n")
        if i % 9 == 2:
            f.write_text(f.read_text().replace("]", ", 0]"))
        jobs.append((f.name, ident))
    ver = [f'echo "== {fn} =="; ssh-keygen -Y verify -f ../allowed_signers -I {ident} -n file -s {fn}.sig < {fn}; '
           f'echo EXIT=$?' for fn, ident in jobs]
    add("ssh-Y-verify-all", "; ".join(ver), sh("; ".join(ver), cwd=files), n_ssh_keygen_Y)
    fp = [f'echo "== {fn} =="; ssh-keygen -Y find-principals -f ../allowed_signers -s {fn}.sig; echo EXIT=$?'
          for fn, _ in jobs[:14]]
    add("ssh-Y-find-principals-14", "; ".join(fp), sh("; ".join(fp), cwd=files), n_ssh_keygen_Y)


# ------------------------------------------------------------------ detect-secrets: the ticketing service's tree

TOKENS = [
    lambda r: f'ticket_api_key = "{r.randbytes(24).hex()}"',
    lambda r: f'export BASIC_AUTH_URL="https://kiosk:{r.randbytes(6).hex()}@tickets.dome.example/api"',
    lambda r: "jwt = \"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJrHNrb3NrIn0."
              + "".join(r.choice("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-") for _ in range(43)) + '"',
    lambda r: "-----BEGIN OPENSSH PRIVATE KEY-----",
    lambda r: f'mailgun_key = "key-{r.randbytes(16).hex()}"',
    lambda r: f'NPM_TOKEN = "npm_{"".join(r.choice("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") for _ in range(36))}"',
    lambda r: f'seat_db_password: "{"".join(r.choice("abcdefghjkmnpqrstuvwxyz23456789!#%") for _ in range(16))}"',
]


def step_secrets(tmp: Path) -> None:
    hook = VENV / "bin" / "detect-secrets-hook"
    if not hook.exists():
        cm.note("skip detect-secrets-hook: not installed")
        return
    rnd = random.Random(31104)
    root = tmp / "ticketing"
    rels = []
    for i in range(70):
        ext = rnd.choice(["py", "ts", "yml", "sh", "toml", "py"])
        rel = f"{rnd.choice(['kiosk', 'api', 'ops', 'web', 'jobs'])}/part_{i:02d}.{ext}"
        lines = []
        for j in range(rnd.randrange(15, 70)):
            if rnd.random() < 0.06:
                lines.append(rnd.choice(TOKENS)(rnd))
            else:
                lines.append(f"seat_{j} = lookup('row {rnd.randrange(30)}', {j})")
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text("\n".join(lines) + "\n")
        rels.append(rel)
    (root / "api" / "bad_encoding.py").write_bytes(b"x = 1\n\xff\xfe secret = 'abc'\n")
    sh("git init -q && git add -A", cwd=root)
    hk = str(hook)
    sel = " ".join(rels[:20])
    add("ds-hook-20", f"detect-secrets-hook {sel}; echo EXIT=$?", sh(f"{hk} {sel}; echo EXIT=$?", cwd=root), n_ds_hook)
    sel = " ".join(rels + ["api/bad_encoding.py"])
    add("ds-hook-all-fileslist", "detect-secrets-hook $(git ls-files); echo EXIT=$?",
        sh(f"{hk} {sel}; echo EXIT=$?", cwd=root), n_ds_hook)


# ------------------------------------------------------------------ the round

def ensure_tools() -> None:
    cm.install_venv(VENV, "fortran-linter", ["hy", "fprettify", "fortran-linter", "detect-secrets"])


def steps() -> list:
    import capture_wide311_lang as lang
    return [step_gpg, step_openssl, step_ssh, step_secrets] + lang.steps()


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide311", sys.modules["__main__"])
    main()
