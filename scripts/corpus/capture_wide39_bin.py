"""Round 39, binary and crypto views: crumbrelay's C order packer (its string table and order templates widened by a
seeded generator) through objdump -s, readelf -x, xxd -i / -b, od, cmp -l and a diff of two hex dumps; its keys and
certificates through openssl pkey / pkcs12, ssh-keygen -l -v, keytool -printcert and gpg --list-packets; a receipt
e-mail with base64 attachments; JWTs decoded by a script. Each extractor applies NEEDLES.md's round 39 rule of its
kind. Run through capture_wide39.py."""

from __future__ import annotations

import random
import re
from pathlib import Path

from capture_more import kind, run, write_tree
from capture_wide39 import cap, exit_lines

HEXROW = re.compile(r"^ [0-9a-f]{4,16} [0-9a-f]{2,8}")


def first_last(rows: list[str]) -> list[str]:
    return rows[:1] + rows[-1:] if rows else []


@kind("objdump-s", "build")
def n_objdump_s(lines):
    """Rule 5: the file format line, every 'Contents of section' line, the first and last hex row of each section."""
    out, rows = [], []
    for ln in lines:
        if "file format" in ln:
            out.append(ln)
        elif ln.startswith("Contents of section "):
            out += first_last(rows)
            rows = []
            out.append(ln)
        elif HEXROW.match(ln):
            rows.append(ln)
    return out + first_last(rows)


@kind("readelf-x", "build")
def n_readelf_x(lines):
    """Rule 5: the 'Hex dump of section' line, the first and last hex row."""
    out = [ln for ln in lines if ln.startswith("Hex dump of section")]
    return out + first_last([ln for ln in lines if re.match(r"^\s+0x[0-9a-f]+ ", ln)])


@kind("xxd-i", "build")
def n_xxd_i(lines):
    """Rule 5: the 'unsigned char NAME[] = {' line, the last data row, the 'NAME_len = N;' line."""
    out = [ln for ln in lines if re.search(r"\[\] = \{", ln) or "_len = " in ln]
    data = [ln for ln in lines if re.match(r"^\s+0x[0-9a-f]{2}", ln)]
    return out + data[-1:]


@kind("xxd-b", "build")
def n_xxd_b(lines):
    """Rule 5: the first and last rows."""
    return first_last([ln for ln in lines if re.match(r"^[0-9a-f]{8}: [01]{8}", ln)])


@kind("od-x1z", "build")
def n_od_x1z(lines):
    """Rule 5: the first row, the row after every '*', the last line (the length)."""
    body = [ln for ln in lines if ln.strip()]
    out = body[:1] + body[-1:]
    for i, ln in enumerate(body[:-1]):
        if ln.strip() == "*":
            out.append(body[i + 1])
    return out


@kind("cmp-l", "build")
def n_cmp_l(lines):
    """Rule 5: the first and last differing-byte rows, every 'cmp: EOF on' line; the EXIT= line."""
    rows = [ln for ln in lines if re.match(r"^\s*\d+\s+\d+\s+\d+$", ln)]
    return first_last(rows) + [ln for ln in lines if ln.startswith("cmp:")] + exit_lines(lines)


@kind("diff-xxd", "build")
def n_diff_xxd(lines):
    """Rule 5: every change command line and the first '<' and first '>' row under each."""
    out = []
    for i, ln in enumerate(lines):
        if re.match(r"^\d+(,\d+)?[acd]\d+(,\d+)?$", ln):
            out.append(ln)
            for mark in ("<", ">"):
                for nx in lines[i + 1:]:
                    if re.match(r"^\d+(,\d+)?[acd]\d+(,\d+)?$", nx):
                        break
                    if nx.startswith(mark + " "):
                        out.append(nx)
                        break
    return out


@kind("openssl-pkey-text", "doc")
def n_pkey_text(lines):
    """Rule 5: the 'Private-Key:' header and every field label line (and the exponent's value line)."""
    return [ln for ln in lines if ln.startswith("Private-Key:") or re.match(r"^[A-Za-z][\w-]*:", ln)
            or "publicExponent" in ln]


@kind("openssl-pkcs12-info", "doc")
def n_pkcs12_info(lines):
    """Rule 5: subject=/issuer=, friendlyName:/localKeyID:, MAC:/bag lines, every PEM BEGIN line; rule 1 errors."""
    pat = re.compile(r"^\s*(subject=|issuer=|friendlyName:|localKeyID:|MAC:|Certificate bag|Shrouded Keybag|"
                     r"PKCS7 (Encrypted )?[Dd]ata|-----BEGIN )|(?i:error|unable to|invalid)")
    return [ln for ln in lines if pat.search(ln)]


@kind("ssh-keygen-lv", "doc")
def n_ssh_keygen_lv(lines):
    """Rule 5: every fingerprint line and every randomart box's top border."""
    return [ln for ln in lines if re.match(r"^\d+ SHA256:", ln) or re.match(r"^\+-+\[", ln)]


@kind("keytool-printcert", "doc")
def n_keytool_printcert(lines):
    """Rule 5: every Owner, Issuer, Serial number, Valid from, SHA256 and Signature algorithm name line."""
    keys = ("Owner:", "Issuer:", "Serial number:", "Valid from:", "SHA256:", "Signature algorithm name:")
    return [ln for ln in lines if ln.strip().startswith(keys)] + \
        [ln for ln in lines if re.search(r"(?i)keytool error|exception", ln)]


@kind("gpg-list-packets", "doc")
def n_gpg_list_packets(lines):
    """Rule 5: every packet header line (':… packet:') and every 'keyid:' line."""
    return [ln for ln in lines if re.match(r"^:[\w ]+ packet:", ln) or re.match(r"^\s+keyid: ", ln)]


@kind("mime-eml", "doc")
def n_mime_eml(lines):
    """Rule 5: the From/To/Subject/Date header lines and every part's Content-Type / Content-Disposition line."""
    return [ln for ln in lines if re.match(r"^(From|To|Subject|Date|Content-Type|Content-Disposition): ", ln)]


@kind("jwt-decode", "json")
def n_jwt_decode(lines):
    """Rule 5: every alg/kid/iss/sub/aud/exp member line, every 'token N' line; rule 1: error lines."""
    return [ln for ln in lines if re.match(r'^\s*"(alg|kid|iss|sub|aud|exp)": ', ln) or re.match(r"^token \d+", ln)
            or re.search(r"(?i)\berror\b|expired|invalid|mismatch", ln)]


# ------------------------------------------------------------------ the C order packer

def gen_c(seed: int) -> str:
    rnd = random.Random(seed)
    items = ["sourdough", "baguette", "croissant", "pain au chocolat", "rye", "brioche", "focaccia", "ciabatta",
             "kouign-amann", "cinnamon roll", "bagel", "pretzel", "scone", "eclair", "madeleine"]
    shops = ["Rue Cler", "Canal St", "Harbour Rd", "Mill Lane", "Station Sq", "Old Market"]
    msgs = []
    for k in range(rnd.randint(70, 90)):
        msgs.append(f'"ORD-{rnd.randint(1000, 9999)} {rnd.choice(items)} x{rnd.randint(1, 40)} -> '
                    f'{rnd.choice(shops)} ({rnd.choice(["bake", "hold", "ship", "void"])})"')
    temps = ", ".join(str(rnd.randint(180, 260)) for _ in range(160))
    return ("#include <stdio.h>\n#include <string.h>\n\n"
            f"static const char *TEMPLATES[] = {{\n    " + ",\n    ".join(msgs) + "\n};\n"
            f"static const unsigned short OVEN_C[] = {{{temps}}};\n"
            "int relay_state[64] = {" + ", ".join(str(rnd.randint(0, 9)) for _ in range(64)) + "};\n"
            'const char BANNER[] = "crumbrelay 0.7.3 (c) the bakery collective; relay to ovens over RS-485";\n\n'
            "int main(int argc, char **argv) {\n"
            "    int n = sizeof TEMPLATES / sizeof *TEMPLATES;\n"
            "    for (int i = 0; i < n && i < argc * 3; i++) puts(TEMPLATES[i]);\n"
            "    printf(\"%s %d %d\\n\", BANNER, OVEN_C[argc % 160], relay_state[argc]);\n"
            "    return 0;\n}\n")


def hexviews(tmp: Path) -> None:
    root = tmp / "crumbrelay"
    write_tree(root, {"packer/relay.c": gen_c(3900), "packer/relay_v2.c": gen_c(3901)})
    run("mkdir -p build && gcc -O1 -o build/crumbrelay packer/relay.c && gcc -O1 -o build/crumbrelay2 "
        "packer/relay_v2.c", cwd=root)
    cap("objdump-s-rodata-data", "objdump -s -j .rodata -j .data build/crumbrelay", root, n_objdump_s)
    cap("objdump-s-rodata-head-120", "objdump -s -j .rodata build/crumbrelay2 | head -120", root, n_objdump_s)
    cap("readelf-x-data", "readelf -x .data build/crumbrelay", root, n_readelf_x)
    rnd = random.Random(3902)
    blob = bytes(rnd.randrange(256) if i % 7 else 0 for i in range(2600))
    (root / "assets").mkdir(exist_ok=True)
    (root / "assets" / "logo.bin").write_bytes(blob)
    cap("xxd-i-logo", "xxd -i assets/logo.bin", root, n_xxd_i)
    cap("xxd-b-l-2048", "xxd -b -l 2048 build/crumbrelay", root, n_xxd_b)
    # an order snapshot: mostly zero pages with a few records, as od prints it with '*'
    snap = bytearray(16384)
    for k in range(12):
        off = rnd.randrange(0, 16000)
        rec = f"ORD-{rnd.randint(1000, 9999)}|{rnd.choice(['rye', 'bagel', 'scone'])}|{rnd.randint(1, 40)}".encode()
        snap[off:off + len(rec)] = rec
    (root / "orders.snap").write_bytes(bytes(snap))
    cap("od-x1z-snapshot", "od -A x -t x1z orders.snap", root, n_od_x1z)
    v2 = bytearray(snap)
    for k in range(140):
        p = rnd.randrange(len(v2))
        v2[p] = (v2[p] + rnd.randint(1, 200)) % 256
    (root / "orders-v2.snap").write_bytes(bytes(v2[:15000]))
    cap("cmp-l-snapshots-echo-exit", "cmp -l orders.snap orders-v2.snap; echo EXIT=$?", root, n_cmp_l)
    cap("diff-xxd-binaries", "bash -c 'diff <(xxd build/crumbrelay) <(xxd build/crumbrelay2) | head -150'", root,
        n_diff_xxd, typed="diff <(xxd build/crumbrelay) <(xxd build/crumbrelay2) | head -150")


def keys(tmp: Path) -> None:
    k = tmp / "keys"
    k.mkdir(parents=True, exist_ok=True)
    run("openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out relay.key 2>/dev/null", cwd=k)
    cap("openssl-pkey-text-rsa", "openssl pkey -in relay.key -text -noout", k, n_pkey_text)
    run("openssl req -x509 -new -key relay.key -days 365 -subj '/O=Crumb Collective/CN=Crumb Root CA' -out ca.pem "
        "-addext basicConstraints=critical,CA:TRUE", cwd=k)
    run("openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out leaf.key && openssl req -new -key "
        "leaf.key -subj '/O=Crumb Collective/OU=Ovens/CN=relay.crumb.local' -out leaf.csr && openssl x509 -req -in "
        "leaf.csr -CA ca.pem -CAkey relay.key -CAcreateserial -days 90 -out leaf.pem", cwd=k)
    run("openssl pkcs12 -export -in leaf.pem -inkey leaf.key -certfile ca.pem -name relay-oven -passout pass:crumb "
        "-out relay.p12", cwd=k)
    cap("openssl-pkcs12-info-nodes", "openssl pkcs12 -info -in relay.p12 -passin pass:crumb -nodes", k, n_pkcs12_info)
    run("cat leaf.pem ca.pem > chain.pem", cwd=k)
    cap("keytool-printcert-chain", "keytool -printcert -file chain.pem", k, n_keytool_printcert)
    for t, b in (("ed25519", ""), ("rsa", "-b 3072"), ("ecdsa", "-b 384"), ("rsa", "-b 2048")):
        name = f"oven_{t}{b.split()[-1] if b else ''}"
        run(f"ssh-keygen -q -t {t} {b} -N '' -C '{name}@crumb.local' -f {name}", cwd=k)
    cap("ssh-keygen-lv-all-pub", "for f in *.pub; do ssh-keygen -l -v -f $f; done", k, n_ssh_keygen_lv)
    run("cat *.pub > authorized_keys", cwd=k)
    cap("ssh-keygen-lv-authorized-keys", "ssh-keygen -lv -f authorized_keys", k, n_ssh_keygen_lv)
    g = k / "gnupg"
    g.mkdir(mode=0o700)
    env = {"GNUPGHOME": str(g)}
    run("gpg --batch --passphrase '' --quick-gen-key 'Crumb Relay <relay@crumb.local>' ed25519 sign 1y && "
        "FPR=$(gpg --list-keys --with-colons | awk -F: '/^fpr/{print $10; exit}') && "
        "gpg --batch --passphrase '' --quick-add-key $FPR cv25519 encr 1y && "
        "gpg --batch --passphrase '' --quick-add-uid $FPR 'Crumb Ovens <ovens@crumb.local>' && "
        "gpg --armor --export > relay-pub.asc", cwd=k, env=env, timeout=120)
    cap("gpg-list-packets-pub", "gpg --list-packets relay-pub.asc", k, n_gpg_list_packets, env=env)
    cap("gpg-export-secret-list-packets", "gpg --batch --pinentry-mode loopback --passphrase '' --armor "
        "--export-secret-keys | gpg --list-packets", k, n_gpg_list_packets, env=env)
    run("gpgconf --kill gpg-agent", cwd=k, env=env)


EML = r'''import random, sys
from email.message import EmailMessage
from email.utils import formatdate
rnd = random.Random(3903)
m = EmailMessage()
m["From"] = "Crumb Relay <relay@crumb.local>"
m["To"] = "Harbour Rd bakery <orders@harbour.crumb.local>"
m["Subject"] = "Orders 1042-1077: receipts and the oven log"
m["Date"] = formatdate(1764500000)
m.set_content("Hello,\n\nattached are the receipts for today's orders and the oven log.\nOven 3 tripped twice.\n")
for name, n in (("receipts-1042-1077.pdf", 9000), ("oven3.log.gz", 6000), ("label.png", 3000)):
    data = bytes(rnd.randrange(256) for _ in range(n))
    main, sub = {"pdf": ("application", "pdf"), "gz": ("application", "gzip"), "png": ("image", "png")}[name.rsplit(".", 1)[1]]
    m.add_attachment(data, maintype=main, subtype=sub, filename=name)
sys.stdout.write(m.as_string())
'''

JWT = r'''import base64, hashlib, hmac, json, sys, time
SECRET = b"crumb-relay-dev"
NOW = 1764500000
def b64(b): return base64.urlsafe_b64encode(b).rstrip(b"=").decode()
def unb64(s): return base64.urlsafe_b64decode(s + "=" * (-len(s) % 4))
def check(tok):
    h, p, s = tok.split(".")
    head, body = json.loads(unb64(h)), json.loads(unb64(p))
    print("header:", json.dumps(head, indent=2))
    print("payload:", json.dumps(body, indent=2))
    want = b64(hmac.new(SECRET, f"{h}.{p}".encode(), hashlib.sha256).digest())
    if head.get("alg") != "HS256":
        print(f"error: unsupported alg {head.get('alg')!r}")
    elif s != want:
        print("error: signature mismatch")
    elif body.get("exp", 0) < NOW:
        print(f"error: token expired {NOW - body['exp']} s ago")
    else:
        print("ok")
for i, line in enumerate(open(sys.argv[1]), 1):
    tok = line.strip()
    print(f"token {i}: {tok}")
    check(tok)
    print()
'''

MINT = r'''import base64, hashlib, hmac, json, random
rnd = random.Random(3904)
def b64(b): return base64.urlsafe_b64encode(b).rstrip(b"=").decode()
for i in range(int(__import__("sys").argv[1])):
    alg = "none" if i == 7 else "HS256"
    head = {"alg": alg, "typ": "JWT", "kid": f"relay-{rnd.choice(['a1', 'a2', 'b7'])}"}
    body = {"iss": "https://auth.crumb.local", "sub": f"shop:{rnd.choice(['harbour', 'mill', 'canal', 'cler'])}",
            "aud": "crumbrelay", "exp": 1764500000 + rnd.choice([3600, 7200, -600 if i % 5 == 3 else 900]),
            "scope": " ".join(rnd.sample(["orders:read", "orders:write", "ovens:read", "ovens:admin"], 2)),
            "cart": [{"sku": f"B{rnd.randint(100, 999)}", "qty": rnd.randint(1, 12)} for _ in range(rnd.randint(1, 4))]}
    h, p = b64(json.dumps(head).encode()), b64(json.dumps(body).encode())
    key = b"crumb-relay-dev" if i % 6 != 4 else b"old-key"
    print(f"{h}.{p}.{b64(hmac.new(key, f'{h}.{p}'.encode(), hashlib.sha256).digest())}")
'''


def docs(tmp: Path) -> None:
    root = tmp / "crumbrelay"
    write_tree(root, {"tools/make_eml.py": EML, "tools/decode_tokens.py": JWT, "tools/mint.py": MINT})
    (root / "outbox").mkdir(parents=True, exist_ok=True)
    run("python3 tools/make_eml.py > outbox/order-1042.eml", cwd=root)
    cap("cat-eml-receipts", "cat outbox/order-1042.eml", root, n_mime_eml)
    run("python3 tools/mint.py 14 > tokens.txt && python3 tools/mint.py 40 > tokens-all.txt", cwd=root)
    cap("jwt-decode-tokens", "python3 tools/decode_tokens.py tokens.txt", root, n_jwt_decode)
    cap("jwt-decode-head-150", "python3 tools/decode_tokens.py tokens-all.txt | head -150", root, n_jwt_decode)


STEPS = [hexviews, keys, docs]
