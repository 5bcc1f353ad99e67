"""Round 163's service, verifier and pipeline items (third samples of rounds 139's, 140's and 141's kinds, their
extractors imported): realm SEEDVAULT.TEST on a KDC bound to 127.0.0.1 (curators, field collectors, drawer hosts,
HTTP/nfs services, admin instances, a lockout policy, expired and no-ticket entries) read with `kadmin.local
getprinc` in loops, `listprincs`, `klist -k`, a `kinit` failure loop and the KDC's log; WhyML germination-rate
modules through `why3 prove` (Z3); generated C drawer handlers through Frama-C's metrics by function and Eva; an Airflow
DAG regenerating seed lots through `airflow dags test` and `airflow tasks test`; Great Expectations on 300 accession
lots (round 141's venvs). Run through capture_wide163.py."""

from __future__ import annotations

import os
import random
import time
from pathlib import Path

import capture_more as cm
from capture_more import run, write_tree
from capture_wide163 import add, cap
from capture_wide139_svc import n_pdbedit, n_smbclient_ls, n_smbd_log
from capture_wide139_krb import n_getprinc, n_kdc_log, n_kinit_errors, n_klist_keytab, n_listprincs
from capture_wide140_proof import n_why3_prove
from capture_wide140_check import n_frama_eva, n_frama_metrics
from capture_wide141_air import n_dags_test, n_tasks_test
from capture_wide141_ked import n_gx_checkpoint, n_gx_describe, n_gx_json

REALM = "SEEDVAULT.TEST"
KDC_PORT, KADM_PORT = 18863, 18764
GIVEN = ["ada", "bjorn", "chiara", "dmitri", "esme", "farid", "gwen", "hamza", "iris", "joao", "kofi", "lena",
         "mateo", "noor", "oskar", "priya", "ravi", "saoirse", "tomas", "uma", "viktor", "wen", "ximena", "zofia"]
FAMILY = ["abara", "brandt", "cohen", "diallo", "eriksen", "fuentes", "grieve", "haddad", "iwata", "jovanovic",
          "kaur", "lindqvist", "mbeki", "novak", "okafor", "petrov", "quist", "ramos", "sato", "tanaka"]


def _realm(tmp: Path):
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
  max_life = 10h
  max_renewable_life = 7d
  default_principal_flags = +preauth
  supported_enctypes = aes256-cts-hmac-sha1-96:normal aes128-cts-hmac-sha1-96:normal aes256-cts-hmac-sha384-192:normal
 }}
""",
        "kadm5.acl": f"*/admin@{REALM} *\n",
    })
    env = {"KRB5_CONFIG": str(d / "krb5.conf"), "KRB5_KDC_PROFILE": str(d / "kdc.conf"),
           "KRB5CCNAME": f"FILE:{d}/cc_curator"}
    run(f"kdb5_util create -s -r {REALM} -P 'Vault-master-163'", cwd=d, env=env)
    rnd = random.Random(1633)
    users = []
    while len(users) < 110:
        u = f"{rnd.choice(GIVEN)}.{rnd.choice(FAMILY)}"
        if u not in users:
            users.append(u)
    cmds = ["addpol -maxfailure 3 -failurecountinterval 10m -lockoutduration 30m field",
            "addpol -minlength 12 -minclasses 3 -maxlife 90d curator",
            "addpol -maxlife 45d -history 4 service"]
    for i, u in enumerate(users):
        pol = "field" if i % 3 else "curator"
        cmds.append(f"addprinc -pw Seed-{i:03d}-Pw! -policy {pol} {u}")
    cmds.append("addprinc -pw Expedition-163 -expire \"2026-06-30 00:00:00 UTC\" -policy field collector.andes")
    cmds.append("addprinc -pw Herbarium-163 -pwexpire \"2026-01-15 00:00:00 UTC\" -policy curator herbarium.lead")
    cmds.append("addprinc -pw Quarantine-163 -allow_tix -policy field visitor.quarantine")
    cmds.append("addprinc -pw Svalbard-163 -maxlife 2h -maxrenewlife 1d -policy curator cold.room")
    for u in ("priya.kaur", "oskar.novak"):
        cmds.append(f"addprinc -pw Adm1n-vault/{u} {u}/admin")
    for n in range(1, 29):
        cmds.append(f"addprinc -randkey -policy service host/drawer-{n:02d}.seedvault.test")
    for h in ("catalog", "germlab", "dna", "imaging", "portal"):
        cmds.append(f"addprinc -randkey -policy service HTTP/{h}.seedvault.test")
    for h in ("vaultdata", "images"):
        cmds.append(f"addprinc -randkey -policy service nfs/{h}.seedvault.test")
    (d / "load.kadmin").write_text("\n".join(cmds) + "\nquit\n")
    run(f"kadmin.local < {d}/load.kadmin > {d}/load.out 2>&1", cwd=d, env=env, timeout=600)
    return d, env, users


def cap_kerberos(tmp: Path) -> None:
    d, env, users = _realm(tmp)
    kdc = cm.start(["krb5kdc", "-n"], cwd=d, env=env)
    time.sleep(1.5)

    def c(item_id, command, ext, typed=None, timeout=300):
        add(item_id, typed or command, run(command, cwd=d, env=env, timeout=timeout), ext)

    run(f"kadmin.local -q 'ktadd -k {d}/drawers.keytab " + " ".join(
        f"host/drawer-{n:02d}.seedvault.test" for n in range(1, 21)) + "'", cwd=d, env=env)
    run(f"kadmin.local -q 'ktadd -k {d}/drawers.keytab -e aes256-cts-hmac-sha384-192:normal "
        + " ".join(f"host/drawer-{n:02d}.seedvault.test" for n in range(3, 7)) + "'", cwd=d, env=env)
    pw = {u: f"Seed-{i:03d}-Pw!" for i, u in enumerate(users)}
    field = [u for i, u in enumerate(users) if i % 3][:8]
    for k, u in enumerate(field):
        for t in range(k % 4 + 1):
            run(f"echo 'wrong-{t}' | kinit {u}", cwd=d, env=env)
        if k % 4 != 3:
            run(f"echo '{pw[u]}' | kinit {u}", cwd=d, env=env)
    locked = field[3]
    names = [users[0], users[4], locked, "collector.andes", "herbarium.lead", "visitor.quarantine", "cold.room",
             "oskar.novak/admin", "host/drawer-05.seedvault.test", "HTTP/portal.seedvault.test", "no.such.curator"]
    c("kadmin-getprinc-loop", "for p in " + " ".join(f"'{n}'" for n in names)
      + "; do kadmin.local -q \"getprinc $p\"; done 2>&1 | grep -v '^Authenticating'", n_getprinc)
    c("kadmin-getprinc-field-loop-echo", "for p in " + " ".join(field) + "; do echo \"== $p\"; "
      "kadmin.local -q \"getprinc $p\" | grep -vE '^(Authenticating|Key: )'; echo EXIT=$?; done", n_getprinc)
    c("kadmin-listprincs-head-100", "kadmin.local -q listprincs | head -n 100", n_listprincs)
    c("klist-keytab-drawers-echo", f"klist -k -t -e {d}/drawers.keytab; echo EXIT=$?", n_klist_keytab,
      typed="klist -k -t -e /etc/seedvault/drawers.keytab; echo EXIT=$?")
    loop = [
        ("bad password", f"echo 'Seed-999-Pw!' | kinit {users[7]}"),
        ("locked field account", f"echo '{pw[locked]}' | kinit {locked}"),
        ("no such principal", "echo x | kinit field.volunteer"),
        ("expedition expired", "echo Expedition-163 | kinit collector.andes"),
        ("password expired", "echo Herbarium-163 | kinit herbarium.lead"),
        ("tickets disallowed", "echo Quarantine-163 | kinit visitor.quarantine"),
        ("renew beyond max", "echo Svalbard-163 | kinit -r 5d -l 8h cold.room && klist"),
        ("missing keytab", f"kinit -k -t {d}/gone.keytab host/drawer-01.seedvault.test"),
        ("good login", f"echo '{pw[users[1]]}' | kinit {users[1]} && klist -s"),
    ]
    body = "; ".join(f"echo '== {name}'; {cmd}; echo EXIT=$?" for name, cmd in loop)
    c("kinit-errors-loop", body, n_kinit_errors,
      typed="for case in ...; do echo \"== $case\"; ...; kinit ...; echo EXIT=$?; done")
    log = d / "krb5kdc.log"
    c("krb5kdc-log-cat", f"cat {log}", n_kdc_log, typed="cat /var/log/krb5kdc.log")
    cm.stop(kdc)


def _whyml(rng: random.Random, n: int) -> str:
    out = ["module Germ", "  use int.Int", "  use int.ComputerDivision", "",
           "  let rate (sprouted sown : int) : int",
           "    requires { 0 < sown }",
           "    ensures  { 0 <= result <= 100 }  (* fault: sprouted may exceed sown or be negative *)",
           "  = div (100 * sprouted) sown", "",
           "  let rec seeds (k : int) : int",
           "    requires { k >= 0 }",
           "    variant { k }",
           "    ensures { result = 50 * k }",
           "  = if k = 0 then 0 else 50 + seeds (k - 1)", "",
           "  let split (g : int) : int",
           "    requires { g >= 2 }",
           "    ensures { 2 * result = g }  (* fault: odd weights *)",
           "  = div g 2", "",
           "end", ""]
    for t in range(n):
        out += [f"module Drawer{t:02d}", "  use int.Int", ""]
        for g in range(rng.randint(3, 8)):
            a, b, c = rng.randint(1, 60), rng.randint(1, 60), rng.randint(1, 9)
            r = rng.random()
            if r < 0.7:
                out += [f"  goal d{g}_mass : forall x y : int. 0 <= x <= {a} -> 0 <= y <= {b} -> x + y <= {a + b}"]
            elif r < 0.85:
                out += [f"  goal d{g}_cold : forall t : int. t * {c} < {c * 20}  (* fault: t unbounded *)"]
            else:
                out += [f"  goal d{g}_mix : forall x : int. x >= 1 -> x * x * {c} >= x"]
        out += ["end", ""]
    return "\n".join(out)


def cap_why3(tmp: Path) -> None:
    d = tmp / "why3"
    home = tmp / "home"
    home.mkdir(parents=True, exist_ok=True)
    env = {"HOME": str(home)}
    run("why3 config detect", cwd=tmp, env=env)
    write_tree(d, {"germ.mlw": _whyml(random.Random(1634), 14), "small.mlw": _whyml(random.Random(1635), 4)})
    cap("why3-prove-z3-germ-echo", "why3 prove -P z3 -t 2 germ.mlw; echo EXIT=$?", d, n_why3_prove, env=env, timeout=900)
    cap("why3-prove-z3-split-small-tail-80", "why3 prove -P z3 -t 1 -a split_vc small.mlw 2>&1 | tail -n 80", d,
        n_why3_prove, env=env, timeout=900)


def _gen_c(rng: random.Random, n: int) -> str:
    out = ["/* seedvault: generated drawer handlers (C89). */", "#define NDRAWERS 24", "int drawers[NDRAWERS];",
           "int grams[NDRAWERS];", ""]
    for i in range(n):
        k = rng.randint(1, 30)
        idx = rng.randint(0, 23) if rng.random() < 0.85 else 24 + rng.randint(0, 3)
        loops = rng.randint(0, 2)
        body = [f"int drawer_{i:02d}(int x)", "{", "  int r, j;", f"  r = drawers[{idx}] + x * {k};"]
        for _ in range(loops):
            body += [f"  for (j = 0; j < {rng.randint(2, 12)}; j++) {{", f"    r += grams[j % NDRAWERS] - {rng.randint(0, 9)};",
                     "  }"]
        if rng.random() < 0.5:
            body += [f"  if (x > {rng.randint(3, 40)}) {{", f"    r = r / (x - {rng.randint(3, 40)});", "  }"]
        if rng.random() < 0.3:
            body += ["  switch (x & 3) {", "  case 0: r++; break;", "  case 1: r--; break;", "  default: r = -r;", "  }"]
        out += body + ["  return r;", "}", ""]
    out += ["int vault_main(void)", "{", "  int s = 0;"] + [f"  s += drawer_{i:02d}(s);" for i in range(n)] + [
        "  return s;", "}", ""]
    return "\n".join(out)


def cap_frama(tmp: Path) -> None:
    d = tmp / "frama"
    home = tmp / "home"
    home.mkdir(parents=True, exist_ok=True)
    env = {"HOME": str(home)}
    write_tree(d, {"drawers.c": _gen_c(random.Random(1636), 56), "cold.c": _gen_c(random.Random(1637), 22)})
    cap("frama-c-metrics-by-function-drawers", "frama-c -metrics -metrics-by-function drawers.c", d, n_frama_metrics,
        env=env)
    cap("frama-c-metrics-by-function-cold-echo", "frama-c -metrics -metrics-by-function cold.c; echo EXIT=$?", d,
        n_frama_metrics, env=env)
    cap("frama-c-eva-cold-tail-120", "frama-c -eva -main vault_main cold.c 2>&1 | tail -n 120", d, n_frama_eva, env=env,
        timeout=600)


VENVS = {"airflow": Path("/dev/shm/r141/airflow"), "gx": Path("/tmp/r141-gx")}
QUIET = {"DO_NOT_TRACK": "1", "GX_ANALYTICS_ENABLED": "False", "SCARF_ANALYTICS": "false",
         "AIRFLOW__CORE__LOAD_EXAMPLES": "False"}


def venv_env(name: str, extra: dict | None = None) -> dict:
    e = dict(QUIET)
    e["PATH"] = os.pathsep.join([str(VENVS[name] / "bin"), *cm.PATH_PREFIX, os.environ.get("PATH", "")])
    e["VIRTUAL_ENV"] = str(VENVS[name])
    e.update(extra or {})
    return e


REGEN = '''
"""seedvault: one regeneration cycle over twelve accession batches."""
import logging
from datetime import datetime

from airflow import DAG
from airflow.operators.bash import BashOperator
from airflow.operators.empty import EmptyOperator
from airflow.operators.python import PythonOperator

log = logging.getLogger("seedvault.regen")
BATCHES = [f"b{i:02d}" for i in range(1, 13)]


def sow(batch, **ctx):
    n = 50 + 7 * int(batch[1:])
    log.info("sowing %d seeds of batch %s", n, batch)
    return n


def count(batch, **ctx):
    sown = ctx["ti"].xcom_pull(task_ids=f"sow_{batch}")
    sprouted = (sown * (97 - 5 * int(batch[1:]))) // 100
    rate = 100 * sprouted // sown
    log.info("batch %s: %d of %d sprouted (%d%%)", batch, sprouted, sown, rate)
    if rate < 55:
        raise ValueError(f"batch {batch}: germination {rate}% below the 55% regeneration threshold")
    return rate


def dry(batch, **ctx):
    log.info("drying batch %s to 5%% moisture", batch)


def inventory(**ctx):
    log.info("inventory updated")


with DAG("seedvault_regeneration", start_date=datetime(2026, 3, 1), schedule=None, catchup=False,
         tags=["regeneration"]) as dag:
    start = EmptyOperator(task_id="start")
    chill = BashOperator(task_id="check_cold_room", bash_command="echo 'cold room -18C'; test -d /srv/coldroom || exit 4")
    inv = PythonOperator(task_id="update_inventory", python_callable=inventory)
    start >> chill
    for b in BATCHES:
        s = PythonOperator(task_id=f"sow_{b}", python_callable=sow, op_kwargs={"batch": b})
        c = PythonOperator(task_id=f"count_{b}", python_callable=count, op_kwargs={"batch": b})
        d = PythonOperator(task_id=f"dry_{b}", python_callable=dry, op_kwargs={"batch": b})
        start >> s >> c >> d >> inv
'''


def cap_airflow(tmp: Path) -> None:
    home = tmp / "airflow"
    write_tree(home, {"dags/regen.py": REGEN})
    env = venv_env("airflow", {"AIRFLOW_HOME": str(home), "AIRFLOW__CORE__DAGS_FOLDER": str(home / "dags"),
                                "AIRFLOW__CORE__EXECUTOR": "SequentialExecutor",
                                "AIRFLOW__LOGGING__LOGGING_LEVEL": "INFO"})
    run("airflow db migrate", cwd=home, env=env, timeout=600)
    run("airflow dags reserialize", cwd=home, env=env, timeout=600)

    def c(item, cmd, ext, timeout=900):
        add(item, cmd, run(cmd, cwd=home, env=env, timeout=timeout), ext)

    c("airflow-dags-test-regeneration-echo", "airflow dags test seedvault_regeneration 2026-03-02; echo EXIT=$?", n_dags_test)
    c("airflow-dags-test-regeneration-tail-70", "airflow dags test seedvault_regeneration 2026-03-03 2>&1 | tail -n 70",
      n_dags_test)
    c("airflow-tasks-test-count-b09", "airflow tasks test seedvault_regeneration count_b09 2026-03-02", n_tasks_test)


GX_DATA = '''
import random

import pandas as pd


def lots(n=300, seed=1638):
    rng = random.Random(seed)
    rows = []
    for i in range(n):
        rows.append({
            "accession": f"SV-{i:05d}" if i != 211 else "SV-00042",
            "genus": rng.choice(["Triticum", "Hordeum", "Sorghum", "Lens"]) if i not in (17, 260) else "Tritcum",
            "grams": round(rng.uniform(20, 900), 1) if i % 73 else None,
            "moisture_pct": round(rng.uniform(3.5, 7.0), 1) if i not in (5, 6, 7) else 11.2,
            "viability_pct": rng.randint(70, 99) if i not in (40, 140, 240) else 31,
            "storage_c": rng.choice([-18, -18, -20]) if i != 199 else 4,
            "regen_cycles": rng.randint(0, 6),
            "packet_count": rng.randint(1, 12),
        })
    return pd.DataFrame(rows)
'''

GX_SUITE = '''
import sys

import great_expectations as gx
import great_expectations.expectations as gxe

from vault_data import lots

BOUNDS = {"grams": (10, 1000), "moisture_pct": (3.0, 8.0), "viability_pct": (60, 100), "storage_c": (-25, -15),
          "regen_cycles": (0, 5), "packet_count": (1, 12)}


def suite_for(n_columns):
    suite = gx.ExpectationSuite(name=f"accession_audit_{n_columns}")
    suite.add_expectation(gxe.ExpectColumnValuesToBeUnique(column="accession"))
    suite.add_expectation(gxe.ExpectColumnValuesToBeInSet(column="genus",
                                                          value_set=["Triticum", "Hordeum", "Sorghum", "Lens"]))
    for col, (lo, hi) in list(BOUNDS.items())[:n_columns]:
        suite.add_expectation(gxe.ExpectColumnValuesToNotBeNull(column=col))
        suite.add_expectation(gxe.ExpectColumnValuesToBeBetween(column=col, min_value=lo, max_value=hi))
        suite.add_expectation(gxe.ExpectColumnMedianToBeBetween(column=col, min_value=lo, max_value=hi))
    suite.add_expectation(gxe.ExpectTableRowCountToBeBetween(min_value=100, max_value=280))
    return suite


if __name__ == "__main__":
    n, how = int(sys.argv[1]), sys.argv[2]
    ctx = gx.get_context(mode="ephemeral")
    bd = ctx.data_sources.add_pandas("vault").add_dataframe_asset("lots").add_batch_definition_whole_dataframe("all")
    vd = ctx.validation_definitions.add(gx.ValidationDefinition(name="annual_audit", data=bd,
                                                                suite=ctx.suites.add(suite_for(n))))
    if how == "checkpoint":
        cp = ctx.checkpoints.add(gx.Checkpoint(name="audit_cp", validation_definitions=[vd]))
        print(cp.run(batch_parameters={"dataframe": lots()}))
    else:
        res = vd.run(batch_parameters={"dataframe": lots()}, result_format=sys.argv[3] if len(sys.argv) > 3 else "SUMMARY")
        print(res.describe() if how == "describe" else res)
        sys.exit(0 if res.success else 1)
'''


def cap_gx(tmp: Path) -> None:
    d = tmp / "gx"
    write_tree(d, {"vault_data.py": GX_DATA, "audit_lots.py": GX_SUITE})
    env = venv_env("gx")

    def c(item, cmd, ext, timeout=900):
        add(item, cmd, run(cmd, cwd=d, env=env, timeout=timeout), ext)

    c("gx-validation-json-6-echo", "python audit_lots.py 6 json 2>&1 | grep -v Calculating; echo EXIT=$?", n_gx_json)
    c("gx-validation-describe-4", "python audit_lots.py 4 describe", n_gx_describe)
    c("gx-checkpoint-result-3-tail-150", "python audit_lots.py 3 checkpoint 2>&1 | grep -v Calculating | tail -n 150",
      n_gx_checkpoint)


# ------------------------------------------------------------------ Samba (round 139's kinds)

SMB_PORT = 14463
SV = ["sv-ada", "sv-bjorn", "sv-chiara", "sv-dmitri", "sv-esme", "sv-farid", "sv-gwen", "sv-hamza", "sv-iris",
      "sv-field", "sv-guest"]
SPW = {u: f"Vault-{u[3:].capitalize()}-163" for u in SV}


def _smb_conf(d: Path) -> str:
    return f"""[global]
   workgroup = SEEDVAULT
   netbios name = SVFS1
   server string = seed vault file server
   server role = standalone server
   interfaces = 127.0.0.1
   bind interfaces only = yes
   smb ports = {SMB_PORT}
   disable netbios = yes
   private dir = {d}/private
   lock directory = {d}/lock
   state directory = {d}/state
   cache directory = {d}/cache
   pid directory = {d}/run
   ncalrpc dir = {d}/ncalrpc
   passdb backend = tdbsam:{d}/private/passdb.tdb
   log file = {d}/log/log.%m
   log level = 2 auth_audit:3
   max log size = 0
   map to guest = never
   load printers = no
   printcap name = /dev/null
   disable spoolss = yes
   server min protocol = SMB2
   store dos attributes = no

[images]
   path = {d}/shares/images
   read only = no
   valid users = sv-ada sv-bjorn sv-chiara sv-iris

[germlab]
   path = {d}/shares/germlab
   read only = yes

[vaultlog]
   path = {d}/shares/vaultlog
   valid users = sv-dmitri
   read only = no

[herbarium]
   path = {d}/shares/herbarium-gone
   read only = yes
"""


def cap_samba(tmp: Path) -> None:
    d = tmp / "smb"
    for sub in ("private", "lock", "state", "cache", "run", "ncalrpc", "log"):
        (d / sub).mkdir(parents=True, exist_ok=True)
    conf = d / "smb.conf"
    conf.write_text(_smb_conf(d))
    rnd = random.Random(1639)
    img = d / "shares" / "images"
    genera = ["Triticum", "Hordeum", "Sorghum", "Lens", "Cicer", "Vicia", "Avena", "Secale"]
    for g in genera:
        for y in ("2025", "2026"):
            sub = img / g / y
            sub.mkdir(parents=True, exist_ok=True)
            for k in range(rnd.randint(3, 10)):
                (sub / f"SV-{rnd.randint(0, 99999):05d}-{k}.tif").write_bytes(b"II*\x00" + b"\x00" * rnd.randint(100, 60000))
    (img / "README.txt").write_text("scans of accession packets\n")
    lab = d / "shares" / "germlab"
    lab.mkdir(parents=True)
    for k in range(45):
        (lab / f"trial-{k + 1:03d}.csv").write_text("tray,sown,sprouted\n" * rnd.randint(5, 300))
    (d / "shares" / "vaultlog").mkdir(parents=True)
    run(f"chmod -R a+rwX {d}/shares")
    run("getent group svstaff >/dev/null || groupadd svstaff")
    for u in SV:
        run(f"id {u} >/dev/null 2>&1 || useradd -M -N -g users -s /usr/sbin/nologin -c 'Seed vault {u[3:]}' {u}")
    S = f"-s {conf}"
    try:
        for u in SV[:-1]:
            run(f"(echo '{SPW[u]}'; echo '{SPW[u]}') | smbpasswd -c {conf} -s -a {u}")
        run(f"pdbedit {S} -P 'bad lockout attempt' -C 4; pdbedit {S} -P 'maximum password age' -C 5184000")
        run(f"pdbedit {S} -c '[D]' -u sv-field; pdbedit {S} -c '[X]' -u sv-hamza;"
            f" pdbedit {S} -f 'Iris Okafor, Curator' -h '\\\\svfs1\\iris' -D 'H:' -u sv-iris;"
            f" pdbedit {S} -p '\\\\svfs1\\profiles\\esme' -u sv-esme; pdbedit {S} --logon-script=lab.cmd -u sv-gwen")
        smbd = cm.start(f"smbd --foreground --no-process-group -s {conf}", cwd=d)
        time.sleep(3)
        sc = f"smbclient -p {SMB_PORT} {S}"
        for t in range(5):
            run(f"{sc} //127.0.0.1/images -U 'sv-farid%wrong{t}' -c 'ls'")
        run(f"{sc} //127.0.0.1/vaultlog -U 'sv-ada%{SPW['sv-ada']}' -c 'ls'")
        run(f"{sc} //127.0.0.1/images -U 'sv-gwen%{SPW['sv-gwen']}' -c 'ls'")
        run(f"{sc} //127.0.0.1/herbarium -U 'sv-iris%{SPW['sv-iris']}' -c 'ls'")
        run(f"{sc} //127.0.0.1/images -U 'sv-field%{SPW['sv-field']}' -c 'ls'")
        run(f"{sc} //127.0.0.1/germlab -U 'sv-bjorn%{SPW['sv-bjorn']}' -c 'put {conf} smb.conf; mkdir x'")
        run(f"{sc} //127.0.0.1/images -U 'sv-guest%nopass' -c 'ls'")

        def c(item_id, command, typed, ext):
            add(item_id, typed, run(command, cwd=d, timeout=120), ext)

        c("smbclient-ls-images-recurse-head-120",
          f"{sc} //127.0.0.1/images -U 'sv-chiara%{SPW['sv-chiara']}' -c 'recurse; ls' 2>&1 | head -n 120",
          f"smbclient //127.0.0.1/images -p {SMB_PORT} -U 'sv-chiara%…' -c 'recurse; ls' 2>&1 | head -n 120", n_smbclient_ls)
        c("smbclient-ls-germlab-denials-echo",
          f"{sc} //127.0.0.1/germlab -U 'sv-bjorn%{SPW['sv-bjorn']}' -c 'ls; put {conf} notes.txt; cd nosuch; ls trial-00*';"
          f" echo EXIT=$?; {sc} //127.0.0.1/vaultlog -U 'sv-ada%{SPW['sv-ada']}' -c 'ls'; echo EXIT=$?",
          f"smbclient //127.0.0.1/germlab -p {SMB_PORT} -U 'sv-bjorn%…' -c 'ls; put smb.conf notes.txt; cd nosuch; "
          "ls trial-00*'; echo EXIT=$?; smbclient //127.0.0.1/vaultlog … -U 'sv-ada%…' -c 'ls'; echo EXIT=$?", n_smbclient_ls)
        c("pdbedit-verbose-all", f"pdbedit {S} -L -v", "pdbedit -L -v", n_pdbedit)
        time.sleep(1)
        c("smbd-log-grep-denials-head-160", f"cd {d}/log && grep -iE -B1 'denied|fail|NT_STATUS' log.* | head -n 160",
          "cd /var/log/samba && grep -iE -B1 'denied|fail|NT_STATUS' log.* | head -n 160", n_smbd_log)
        other = [p for p in sorted((d / "log").glob("log.*")) if p.name not in ("log.smbd", "log.nmbd")]
        if other:
            big = max(other, key=lambda p: p.stat().st_size)
            c("smbd-log-client-tail-250", f"tail -n 250 {big}", f"tail -n 250 /var/log/samba/{big.name}", n_smbd_log)
        cm.stop(smbd)
    finally:
        for u in SV:
            run(f"userdel {u} >/dev/null 2>&1")
        run("groupdel svstaff >/dev/null 2>&1")


STEPS = [cap_kerberos, cap_samba, cap_why3, cap_frama, cap_airflow, cap_gx]
