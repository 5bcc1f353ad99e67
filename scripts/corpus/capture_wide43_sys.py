"""Round 43, the machine and its network: this machine's own state (vmstat -s / -d, ulimit -a,
ss -s, sar -n DEV); local servers on 127.0.0.1 started here (dnsmasq serving the buoy network's zone through dig and
host, an sshd refusing the agent through ssh -v, nginx -T on a generated config with a conflict put in and on a broken
one); a private CA's certificates (one expired at the checked time, one revoked, one whose intermediate is missing)
through openssl verify and crl -text; Kubernetes manifests through kubectl offline (create --dry-run=client -o yaml,
kustomize, config view); a crontab; a firewall table and chain added for the capture and removed after. Every kind's
rule is NEEDLES.md's "Round 43" section, applied by the extractor next to it. Run through capture_wide43.py."""

from __future__ import annotations

import random
import re
import time
from pathlib import Path

from capture_data import free_port, rule4, wait_port
from capture_more import kind, run, start, write_tree
from capture_wide43 import cap, shell_extra


def errors(lines):
    """Rule 1 as the round reads it: a line reporting an error or a fatal condition."""
    return [ln for ln in lines if re.search(r"(?i)^(error|fatal)\b|\berror:|\[emerg\]|Permission denied|verification failed"
                                            r"|Host key verification failed|Connection refused|not found"
                                            r"|command failed|^# Warning:", ln)]


# ================================================================== kinds (rules: NEEDLES.md, round 43)

@kind("vmstat-s", "listing")
def n_vmstat_s(lines):
    """Rule 5: the total / used / free memory, total / used swap, forks and boot time lines."""
    return [ln for ln in lines if re.search(r"\b(total memory|used memory|free memory|total swap|used swap|forks|boot time)$", ln)] \
        + shell_extra(lines)


@kind("vmstat-d", "table")
def n_vmstat_d(lines):
    """Rule 4: the two header rows; rows with the min / max of reads total, writes total and IO sec."""
    rows = []
    for ln in lines:
        p = ln.split()
        if len(p) == 11 and p[1].isdigit():
            rows.append((ln, {"reads": p[1], "writes": p[5], "io_sec": p[10]}))
    head = [ln for ln in lines if ln.startswith("disk-") or re.match(r"^\s+total merged", ln)]
    return rule4(rows, nums=["reads", "writes", "io_sec"], header=head) + shell_extra(lines)


@kind("ulimit-a", "listing")
def n_ulimit(lines):
    """Rule 5: the core file size, open files, max user processes, stack size and virtual memory lines."""
    return [ln for ln in lines if re.match(r"^(core file size|open files|max user processes|stack size|virtual memory)\s", ln)] \
        + shell_extra(lines)


@kind("sar-n-dev", "table")
def n_sar_dev(lines):
    """Rule 4: every header row (IFACE), every Average: row, rows with a rare interface, the min / max rxkB/s and txkB/s rows."""
    head = [ln for ln in lines if "IFACE" in ln and not ln.startswith("Average:")]
    rows = []
    for ln in lines:
        p = ln.split()
        if len(p) >= 10 and "IFACE" not in ln and not ln.startswith("Average:") and re.match(r"^\d\d:\d\d:\d\d", ln):
            rows.append((ln, {"iface": p[1], "rx": p[4], "tx": p[5]}))
    out = rule4(rows, cat=["iface"], nums=["rx", "tx"], header=head[:1])
    return out + [ln for ln in lines if ln.startswith("Average:")] + shell_extra(lines)


@kind("ss-s", "listing")
def n_ss_s(lines):
    """Rule 5: the Total: line, the TCP: line and the TCP row of the transport table."""
    return [ln for ln in lines if re.match(r"^(Total:|TCP:|TCP\s)", ln)] + shell_extra(lines)


@kind("dig", "log")
def n_dig(lines):
    """Rule 5: the status: header line, every ANSWER section record, the SERVER: and Query time: lines."""
    out, ans = [], False
    for ln in lines:
        if "status:" in ln or re.match(r";; (SERVER|Query time):", ln):
            out.append(ln)
        if ln.startswith(";; ANSWER SECTION"):
            ans = True
            continue
        if ans and (not ln.strip() or ln.startswith(";;")):
            ans = False
        elif ans and not ln.startswith(";"):
            out.append(ln)
    return out + errors(lines) + shell_extra(lines)


@kind("host", "log")
def n_host(lines):
    """Rule 5: every answer line and every not found / error line."""
    return [ln for ln in lines if re.search(r" (has address|has IPv6 address|is an alias for|mail is handled by|"
                                            r"descriptive text|has SRV record|domain name pointer) ", ln)
            or "not found" in ln or re.search(r"(?i)error|timed out|no servers", ln)] + _answers(lines) + shell_extra(lines)


def _answers(lines):
    """The record lines of every ANSWER SECTION (host -v and dig print them alike)."""
    out, ans = [], False
    for ln in lines:
        if ln.startswith(";; ANSWER SECTION"):
            ans = True
        elif ans and (not ln.strip() or ln.startswith(";;")):
            ans = False
        elif ans and not ln.startswith(";"):
            out.append(ln)
    return out


@kind("ssh-v", "log")
def n_ssh_v(lines):
    """Rule 5: the connect / protocol / kex / host key lines, every authentication line, every error / host key failure line."""
    pat = (r"debug1: (Authenticating to|Connecting to|Connection established|Remote protocol version|kex: algorithm"
           r"|Server host key|Authentications that can continue|Next authentication method|Authenticated to)")
    return [ln for ln in lines if re.search(pat, ln) or re.search(r"Permission denied|Host key verification failed|"
                                                                  r"REMOTE HOST IDENTIFICATION HAS CHANGED|[Ee]rror|ERROR|Connection refused", ln)] \
        + shell_extra(lines)


@kind("nginx-T", "listing")
def n_nginx_t(lines):
    """Rules 1+5: [emerg] / [warn] lines and the test verdict line, every # configuration file header, every listen and server_name line."""
    return [ln for ln in lines if re.search(r"\[(emerg|warn|alert|crit)\]|test failed|test is successful|syntax is ok", ln)
            or ln.startswith("# configuration file ") or re.match(r"^\s*(listen|server_name)\s", ln)] + shell_extra(lines)


@kind("openssl-verify", "log")
def n_openssl_verify(lines):
    """Rule 5: every 'error N at N depth lookup:' line with the subject line just above it, and every OK / verification failed line."""
    out = []
    for i, ln in enumerate(lines):
        if re.search(r"error \d+ at \d+ depth lookup:", ln):
            out.append(ln)
            if i and not re.search(r"error \d+ at", lines[i - 1]):
                out.append(lines[i - 1])
        elif re.search(r": OK$|verification failed", ln):
            out.append(ln)
    return out + shell_extra(lines)


@kind("openssl-crl-text", "listing")
def n_openssl_crl(lines):
    """Rule 5: the Issuer:, Last Update:, Next Update: lines and every revoked Serial Number: with its Revocation Date: line."""
    return [ln for ln in lines if re.match(r"^\s*(Issuer:|Last Update:|Next Update:|Serial Number:|Revocation Date:)", ln)] \
        + shell_extra(lines)


@kind("kubectl-dry-run-yaml", "doc")
def n_kubectl_yaml(lines):
    """Rule 5: every kind: line, the name: line of each object's metadata, every image: line; rule 1 on error: lines."""
    out = []
    for i, ln in enumerate(lines):
        if re.match(r"^(- )?kind: ", ln) or re.match(r"^\s*(- )?image: ", ln):
            out.append(ln)
        elif re.match(r"^metadata:$", ln):
            for k in range(i + 1, min(len(lines), i + 12)):
                if not lines[k].startswith(" "):
                    break
                if re.match(r"^  name: ", lines[k]):
                    out.append(lines[k])
                    break
    return out + errors(lines) + shell_extra(lines)


@kind("kubectl-kustomize", "doc")
def n_kustomize(lines):
    """Rule 5: every kind: line, the name: line of each object's metadata, every image: line; rule 1 on error: lines."""
    return n_kubectl_yaml(lines)


@kind("kubectl-config-view", "doc")
def n_kube_config(lines):
    """Rule 5: the current-context: line, every server: line and every context / cluster name: line."""
    return [ln for ln in lines if re.match(r"^current-context:", ln) or re.match(r"^\s+server: ", ln)
            or re.match(r"^  name: ", ln)] + shell_extra(lines)


@kind("crontab-l", "listing")
def n_crontab(lines):
    """Rule 5: every schedule line (not a comment), capped at 40, then rule 4 on the command's program."""
    sched = [ln for ln in lines if ln.strip() and not ln.lstrip().startswith("#") and not re.match(r"^\w+=", ln)]
    if len(sched) <= 40:
        return sched + shell_extra(lines)
    rows = []
    for ln in sched:
        p = ln.split()
        cmd = p[1] if ln.startswith("@") else (p[5] if len(p) > 5 else "")
        rows.append((ln, {"prog": cmd.split("/")[-1]}))
    return sched[:40] + rule4(rows, cat=["prog"]) + shell_extra(lines)


@kind("nft-list-ruleset", "listing")
def n_nft(lines):
    """Rule 5: every table / chain header line, every rule line that drops or rejects, every policy line."""
    return [ln for ln in lines if re.match(r"^\s*(table|chain) ", ln) or re.search(r"\b(drop|reject)\b", ln)
            or "policy" in ln] + shell_extra(lines)


@kind("iptables-save", "listing")
def n_iptables_save(lines):
    """Rule 5: every table (*name) and chain (:NAME) line, every rule line jumping to DROP / REJECT."""
    return [ln for ln in lines if re.match(r"^(\*\w+|:\S+ )", ln) or re.search(r"-j (DROP|REJECT)\b", ln)] + shell_extra(lines)


# ================================================================== the steps

def machine(tmp: Path) -> None:
    cap("vmstat-s", "vmstat -s", tmp, n_vmstat_s)
    cap("vmstat-d-echo-exit", "vmstat -d; echo EXIT=$?", tmp, n_vmstat_d)
    cap("ulimit-a", "bash -c 'ulimit -a'", tmp, n_ulimit, typed="ulimit -a")
    cap("ss-s", "ss -s", tmp, n_ss_s)


# ------------------------------------------------------------------ dnsmasq, sshd, nginx on loopback

def zone(tmp: Path) -> Path:
    rnd = random.Random(4343)
    d = tmp / "dns"
    hosts, conf = [], [f"no-resolv", "no-hosts", "bind-interfaces", "listen-address=127.0.0.1", "log-queries",
                         "domain=buoy.lan", "local=/buoy.lan/", "mx-host=buoy.lan,mail.buoy.lan,10",
                         "txt-record=buoy.lan,\"v=spf1 ip4:10.44.0.0/16 -all\"",
                         "srv-host=_telemetry._tcp.buoy.lan,ingest.buoy.lan,7443,0,5",
                         "cname=dashboard.buoy.lan,ingest.buoy.lan"]
    for k in range(60):
        hosts.append(f"10.44.{k // 20}.{10 + k % 20} buoy-{44000 + k}.buoy.lan buoy-{44000 + k}")
    hosts.append("10.44.9.2 ingest.buoy.lan")
    hosts.append("10.44.9.3 mail.buoy.lan")
    for k in range(8):
        hosts.append(f"10.44.{rnd.randint(3, 8)}.{rnd.randint(2, 250)} relay-{k}.buoy.lan")
    conf.append(f"addn-hosts={d}/hosts")
    write_tree(d, {"hosts": "\n".join(hosts) + "\n", "dnsmasq.conf": "\n".join(conf) + "\n"})
    return d


def dns(tmp: Path) -> None:
    d = zone(tmp)
    port = free_port()
    start(["dnsmasq", "-k", "-C", str(d / "dnsmasq.conf"), "-p", str(port), "--pid-file=" + str(d / "pid")])
    time.sleep(1.0)
    cap("dig-ingest-a", f"dig @127.0.0.1 -p {port} ingest.buoy.lan", d, n_dig)
    cap("dig-nxdomain-buoy", f"dig @127.0.0.1 -p {port} buoy-45001.buoy.lan A; echo EXIT=$?", d, n_dig)
    cap("dig-srv-mx-txt", f"dig @127.0.0.1 -p {port} _telemetry._tcp.buoy.lan SRV buoy.lan MX buoy.lan TXT", d, n_dig)
    cap("dig-comments-answer-loop", f"for h in ingest mail dashboard relay-0 relay-3 relay-5 relay-7 buoy-44007 buoy-49999 $(seq -f buoy-%g 44020 44040); do "
        f"dig @127.0.0.1 -p {port} +noall +answer +comments $h.buoy.lan | grep -v '^$'; done", d, n_dig)
    cap("host-loop-buoys", f"for i in $(seq 44000 44065); do host -p {port} buoy-$i.buoy.lan 127.0.0.1 | grep -v '^Using\\|^Name:\\|^Address: 127\\|^Aliases\\|^$'; done",
        d, n_host)
    cap("host-a-v-ingest", f"host -v -p {port} -t ANY dashboard.buoy.lan 127.0.0.1", d, n_host)


def sshd(tmp: Path) -> None:
    d = tmp / "ssh"
    d.mkdir(parents=True, exist_ok=True)
    Path("/run/sshd").mkdir(exist_ok=True)
    run(f"ssh-keygen -q -t ed25519 -N '' -f {d}/host_ed25519 && ssh-keygen -q -t ed25519 -N '' -f {d}/id_agent "
        f"&& ssh-keygen -q -t ed25519 -N '' -f {d}/other_host")
    port = free_port()
    write_tree(d, {"sshd_config": f"Port {port}\nListenAddress 127.0.0.1\nHostKey {d}/host_ed25519\nPasswordAuthentication no\n"
                                  "KbdInteractiveAuthentication no\nPubkeyAuthentication yes\nAuthorizedKeysFile /nonexistent/%u\n"
                                  f"PidFile {d}/sshd.pid\nAllowUsers telemetry\n"})
    start(["/usr/sbin/sshd", "-D", "-f", str(d / "sshd_config")])
    wait_port(port)
    opts = f"-p {port} -i {d}/id_agent -o BatchMode=yes -o StrictHostKeyChecking=no -o UserKnownHostsFile={d}/known_hosts"
    cap("ssh-v-permission-denied", f"ssh -v {opts} telemetry@127.0.0.1 uptime; echo EXIT=$?", d, n_ssh_v)
    other = (d / "other_host.pub").read_text().split()
    (d / "known_hosts_stale").write_text(f"[127.0.0.1]:{port} {other[0]} {other[1]}\n")
    cap("ssh-v-host-key-changed", f"ssh -v -p {port} -i {d}/id_agent -o BatchMode=yes -o StrictHostKeyChecking=yes "
        f"-o UserKnownHostsFile={d}/known_hosts_stale telemetry@127.0.0.1 true 2>&1 | tail -60", d, n_ssh_v)


def nginx(tmp: Path) -> None:
    rnd = random.Random(43)
    d = tmp / "nginx"
    servers = []
    for k in range(18):
        name = f"buoy-{44000 + k}.buoy.lan" if k != 11 else "buoy-44003.buoy.lan"  # a duplicate name put in
        port = 8400 + k % 3
        locs = "".join(f"        location /{p} {{ proxy_pass http://127.0.0.1:{9000 + rnd.randint(0, 40)}; }}\n"
                       for p in rnd.sample(["telemetry", "waves", "wind", "health", "metrics", "calibration"], 3))
        servers.append(f"server {{\n    listen 127.0.0.1:{port};\n    server_name {name};\n    access_log off;\n{locs}}}\n")
    files = {"nginx.conf": "worker_processes 1;\npid nginx.pid;\nerror_log stderr;\nevents { worker_connections 64; }\n"
                           "http {\n    include mime.types;\n    include sites/*.conf;\n}\n",
             "mime.types": "types { text/html html; application/json json; }\n"}
    for k in range(0, 18, 6):
        files[f"sites/group{k // 6}.conf"] = "".join(servers[k:k + 6])
    write_tree(d, files)
    cap("nginx-T-conflicting-name", f"nginx -T -p {d}/ -c {d}/nginx.conf 2>&1", d, n_nginx_t, typed="nginx -T")
    broken = dict(files)
    broken["sites/group1.conf"] = files["sites/group1.conf"].replace("    access_log off;\n", "    access_log off\n", 2)
    write_tree(d / "broken", broken)
    cap("nginx-T-broken-echo-exit", f"nginx -T -p {d}/broken/ -c {d}/broken/nginx.conf; echo EXIT=$?", d, n_nginx_t,
        typed="nginx -T; echo EXIT=$?")


def traffic(tmp: Path) -> None:
    """sar -n DEV while a loop fetches pages from a local http server (the loopback carries traffic)."""
    port = free_port()
    start(f"python3 -m http.server {port} --bind 127.0.0.1", cwd=tmp)
    wait_port(port)
    start(f"for i in $(seq 1 4000); do curl -s http://127.0.0.1:{port}/ >/dev/null; done", cwd=tmp)
    cap("sar-n-dev-1-4", "sar -n DEV 1 4", tmp, n_sar_dev)
    cap("ss-s-busy", "ss -s; echo EXIT=$?", tmp, n_ss_s)


# ------------------------------------------------------------------ openssl

CA_CNF = """[ ca ]
default_ca = CA_default
[ CA_default ]
database = index.txt
default_md = sha256
default_crl_days = 30
crlnumber = crlnumber
"""


def pki(tmp: Path) -> None:
    d = tmp / "pki"
    d.mkdir(parents=True, exist_ok=True)
    subj = "/C=US/O=Buoy Network/OU=Telemetry"
    cmds = [
        f"openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout ca.key -out ca.pem -days 3650 -subj '{subj}/CN=Buoy Root CA'",
        f"openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout int.key -out int.csr -subj '{subj}/CN=Buoy Issuing CA 1'",
        "printf 'basicConstraints=critical,CA:TRUE\\nkeyUsage=critical,keyCertSign,cRLSign\\n' > int.ext",
        "openssl x509 -req -in int.csr -CA ca.pem -CAkey ca.key -set_serial 0x1001 -days 1825 -extfile int.ext -out int.pem",
    ]
    index = []
    for k in range(30):
        name = f"buoy-{44000 + k}.buoy.lan"
        days = 30 if k == 5 else 397
        serial = 0x2000 + k
        cmds.append(f"openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout leaf{k:02d}.key "
                    f"-out leaf{k:02d}.csr -subj '{subj}/CN={name}'")
        cmds.append(f"openssl x509 -req -in leaf{k:02d}.csr -CA int.pem -CAkey int.key -set_serial {serial} -days {days} "
                    f"-out leaf{k:02d}.pem")
        if k in (3, 9, 12, 21):
            index.append(f"R\t351231000000Z\t260901120000Z,keyCompromise\t{serial:04X}\tunknown\t{subj}/CN={name}")
        else:
            index.append(f"V\t351231000000Z\t\t{serial:04X}\tunknown\t{subj}/CN={name}")
    for k in range(30, 56):
        index.append(f"R\t351231000000Z\t2607{10 + k % 18:02d}083000Z,superseded\t{0x2000 + k:04X}\tunknown\t{subj}/CN=buoy-{44000 + k}.buoy.lan")
    write_tree(d, {"ca.cnf": CA_CNF, "index.txt": "\n".join(index) + "\n", "crlnumber": "1000\n"})
    run(" && ".join(cmds), cwd=d)
    run("openssl ca -config ca.cnf -gencrl -keyfile int.key -cert int.pem -out int.crl.pem", cwd=d)
    run("cat int.pem ca.pem > chain.pem; cp ca.pem roots.pem", cwd=d)
    cap("openssl-crl-text-int", "openssl crl -in int.crl.pem -noout -text", d, n_openssl_crl)
    later = int(time.time()) + 60 * 86400  # sixty days on: leaf05 (30 days) has expired
    cap("openssl-verify-loop-crl-check", "for c in leaf*.pem; do openssl verify -CAfile ca.pem -untrusted int.pem "
        f"-crl_check -CRLfile int.crl.pem -attime {later} $c; done 2>&1", d, n_openssl_verify)
    cap("openssl-verify-missing-intermediate", "openssl verify -CAfile ca.pem leaf00.pem leaf01.pem leaf07.pem; echo EXIT=$?",
        d, n_openssl_verify)


# ------------------------------------------------------------------ kubectl offline

def kube(tmp: Path) -> None:
    rnd = random.Random(4343)
    d = tmp / "k8s"
    base = {"base/kustomization.yaml": "resources:\n- deployment.yaml\n- service.yaml\n" + "".join(
        f"- cron-{k:02d}.yaml\n" for k in range(16)) + "configMapGenerator:\n- name: buoy-calibration\n  files:\n  - calibration.txt\n"
        "commonLabels:\n  app.kubernetes.io/part-of: buoy-network\n",
        "base/calibration.txt": "".join(f"{100 + k} {rnd.uniform(0.005, 0.05):.4f}\n" for k in range(12)),
        "base/deployment.yaml": "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: buoy-ingest\nspec:\n  replicas: 2\n"
        "  selector:\n    matchLabels:\n      app: buoy-ingest\n  template:\n    metadata:\n      labels:\n        app: buoy-ingest\n"
        "    spec:\n      containers:\n      - name: ingest\n        image: registry.buoy.lan/ingest:2.7.1\n        ports:\n"
        "        - containerPort: 7443\n        volumeMounts:\n        - name: cal\n          mountPath: /etc/buoy\n"
        "      volumes:\n      - name: cal\n        configMap:\n          name: buoy-calibration\n",
        "base/service.yaml": "apiVersion: v1\nkind: Service\nmetadata:\n  name: buoy-ingest\nspec:\n  selector:\n    app: buoy-ingest\n"
        "  ports:\n  - port: 7443\n    targetPort: 7443\n"}
    for k in range(16):
        img = "registry.buoy.lan/decoder:1.4.0" if k != 7 else "registry.buoy.lan/decoder:latest"
        base[f"base/cron-{k:02d}.yaml"] = (
            f"apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: decode-station-{44000 + k}\nspec:\n"
            f"  schedule: \"{rnd.randint(0, 59)} */{rnd.choice([1, 2, 3, 6])} * * *\"\n  jobTemplate:\n    spec:\n      template:\n"
            f"        spec:\n          restartPolicy: OnFailure\n          containers:\n          - name: decode\n"
            f"            image: {img}\n            args: [\"--station\", \"{44000 + k}\", \"--window\", \"{rnd.choice(['1h', '6h', '24h'])}\"]\n")
    over = {"overlays/prod/kustomization.yaml": "resources:\n- ../../base\nnamePrefix: prod-\nimages:\n- name: registry.buoy.lan/ingest\n"
            "  newTag: 2.8.0\npatches:\n- path: replicas.yaml\n",
            "overlays/prod/replicas.yaml": "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: buoy-ingest\nspec:\n  replicas: 5\n",
            "overlays/staging/kustomization.yaml": "resources:\n- ../../base\n- alerts.yaml\nnamePrefix: staging-\n"}
    write_tree(d, {**base, **over})
    cap("kubectl-kustomize-prod", "kubectl kustomize overlays/prod", d, n_kustomize)
    cap("kubectl-kustomize-staging-echo-exit", "kubectl kustomize overlays/staging; echo EXIT=$?", d, n_kustomize)
    cap("kubectl-create-dry-run-chain", "kubectl create deployment buoy-ingest --image=registry.buoy.lan/ingest:2.7.1 "
        "--replicas=3 --port=7443 --dry-run=client -o yaml && kubectl create cronjob decode-44013 "
        "--image=registry.buoy.lan/decoder:1.4.0 --schedule='*/15 * * * *' --dry-run=client -o yaml -- decode --station 44013 "
        "&& kubectl create configmap buoy-calibration --from-file=base/calibration.txt --dry-run=client -o yaml "
        "&& kubectl create secret generic ingest-token --from-literal=token=not-a-real-token --dry-run=client -o yaml "
        "&& kubectl create job backfill-44013 --image=registry.buoy.lan/decoder:1.4.0 --dry-run=client -o yaml "
        "&& kubectl create deployment bad_name --image=x --dry-run=client -o yaml", d, n_kubectl_yaml)
    clusters, contexts = [], []
    for k, (name, srv) in enumerate([("buoy-prod", "https://10.44.9.10:6443"), ("buoy-staging", "https://10.44.9.20:6443"),
                                     ("buoy-lab", "https://127.0.0.1:16443"), ("kind-decoder", "https://127.0.0.1:41235")]):
        clusters.append(f"- cluster:\n    certificate-authority-data: DATA+OMITTED\n    server: {srv}\n  name: {name}\n")
        for ns in ("default", "telemetry", "ops"):
            contexts.append(f"- context:\n    cluster: {name}\n    namespace: {ns}\n    user: agent-{name}\n  name: {name}-{ns}\n")
    users = "".join(f"- name: agent-{n}\n  user:\n    token: fake-token-{k}\n" for k, n in
                    enumerate(["buoy-prod", "buoy-staging", "buoy-lab", "kind-decoder"]))
    write_tree(d, {"kubeconfig": "apiVersion: v1\nkind: Config\nclusters:\n" + "".join(clusters) + "contexts:\n" + "".join(contexts)
                   + "current-context: buoy-staging-telemetry\nusers:\n" + users})
    cap("kubectl-config-view", "kubectl config view", d, n_kube_config, env={"KUBECONFIG": str(d / "kubeconfig")})


# ------------------------------------------------------------------ crontab and firewall

def cron_fw(tmp: Path) -> None:
    rnd = random.Random(434)
    progs = ["/opt/buoy/bin/decode", "/opt/buoy/bin/rotate-logs", "/usr/bin/rsync", "/opt/buoy/bin/calibrate"]
    lines = ["# buoy network jobs (m h dom mon dow command)", "MAILTO=ops@buoy.lan", "SHELL=/bin/bash"]
    for k in range(46):
        prog = progs[0] if k % 7 else progs[1 + (k // 7) % 2]
        lines.append(f"{rnd.randint(0, 59)} {rnd.choice(['*', '*/2', '*/6', str(rnd.randint(0, 23))])} * * * {prog} "
                     f"--station {44000 + k} >> /var/log/buoy/cron-{44000 + k}.log 2>&1")
    lines += ["@reboot /opt/buoy/bin/ingestd --daemon", "# 0 3 * * 0 /opt/buoy/bin/vacuum --full",
              "30 2 * * 1 /usr/local/sbin/backup-calibration /etc/buoy"]
    write_tree(tmp / "cron", {"buoy.crontab": "\n".join(lines) + "\n"})
    had = run("crontab -l 2>/dev/null")
    if had.strip():
        return  # this machine's root has a crontab of its own: do not replace it
    try:
        run(f"crontab {tmp}/cron/buoy.crontab")
        cap("crontab-l", "crontab -l", tmp, n_crontab)
        cap("crontab-l-grep-v-comments", "crontab -l | grep -v '^#'", tmp, n_crontab)
    finally:
        run("crontab -r")

    nft = ["table inet buoyfw {", "  chain input {", "    type filter hook input priority 10; policy accept;",
           "    ct state established,related accept", "    iif lo accept"]
    for k in range(12):
        nft.append(f"    ip saddr 10.44.{k}.0/24 tcp dport {{ 7443, 9100 }} accept")
    nft += ["    tcp dport 23 drop", "    udp dport 161 reject", "    tcp dport { 5555, 6666 } counter drop", "  }",
            "  chain telemetry {"]
    for k in range(80):
        nft.append(f"    ip saddr 10.44.{rnd.randint(0, 8)}.{rnd.randint(2, 250)} counter accept")
    nft += ["  }", "}"]
    write_tree(tmp / "fw", {"buoyfw.nft": "\n".join(nft) + "\n"})
    try:
        run(f"nft -f {tmp}/fw/buoyfw.nft")
        cap("nft-list-ruleset", "nft list ruleset", tmp, n_nft)
    finally:
        run("nft delete table inet buoyfw")
    ipt = ["iptables -N BUOY-IN"]
    for k in range(64):
        ipt.append(f"iptables -A BUOY-IN -s 10.44.{k}.0/24 -p tcp --dport 7443 -j ACCEPT")
    ipt += ["iptables -A BUOY-IN -p tcp --dport 23 -j DROP", "iptables -A BUOY-IN -p udp --dport 161 -j REJECT",
            "iptables -A BUOY-IN -m conntrack --ctstate INVALID -j DROP", "iptables -A BUOY-IN -j RETURN"]
    try:
        run(" && ".join(ipt))
        cap("iptables-save-echo-exit", "iptables-save; echo EXIT=$?", tmp, n_iptables_save)
    finally:
        run("iptables -F BUOY-IN; iptables -X BUOY-IN")


STEPS = [machine, dns, sshd, nginx, traffic, pki, kube, cron_fw]
