#!/usr/bin/env python3
"""Round 550: Terraform's run-time commands (init, apply, destroy, test, state list/show, output, graph, console,
providers) and a JSON API mock's log (json-server 0.17) new to the corpus, on a lighthouse depot's configurations
(`lighthouse`, seed 55010: buoys, tenders, keepers) with faults put in. See NEEDLES.md, round 550.

Usage:   .venv/bin/python scripts/corpus/capture_wide550.py
Writes:  scripts/corpus/data/wide550.json, ids prefixed "wide550-".
Tools:   the machine's terraform (only the built-in terraform_data: init runs offline), the npm json-server@0.17.4 in
         /dev/shm/hm-corpus-wide550/js (made once), served on 127.0.0.1:18550 and 28550.
"""
from __future__ import annotations

import json
import random
import re
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_data import any_of, rule4, stop, wait_port  # noqa: E402

ROOT = Path("/dev/shm/hm-corpus-wide550")
TMP = Path("/dev/shm/hm-corpus-wide550-run")
JS = ROOT / "js"
OUT = HERE / "data" / "wide550.json"
SEED = 55010
S = cm.Sized(400, 120_000)
kind = cm.kind

# ================================================================== extractors (fixed before capture)

ERRS = re.compile(r"error|fail|fatal|invalid|unknown|cannot|can't|unsupported|not a valid|does not exist|no such|"
                  r"missing|refus|exception|abort|not found|unreadable|timeout", re.I)
LOC = re.compile(r"\bon \S+ line \d+")


def errs(lines):
    return [ln for ln in lines if ERRS.search(ln)]


def tfdiag(lines):
    """Error: lines with their `on <file> line N` and `with <address>` lines within six; Warning: lines one any per
    message text."""
    out, warn = [], {}
    for i, ln in enumerate(lines):
        if "Error:" in ln:
            out.append(ln)
            for pat in (LOC, re.compile(r"\bwith (module\.|data\.|var\.|[a-z_]+\.)\S")):
                m = cm.next_match(lines, i, pat.pattern)
                if m:
                    out.append(m)
        if "Warning:" in ln:
            warn.setdefault(ln.split("Warning:", 1)[1].strip(), []).append(ln)
    return out + [any_of(v) for v in warn.values()]


def _elapsed(lines, word):
    rows = []
    for ln in lines:
        m = re.search(word + r" after (\d+)s", ln)
        if m:
            rows.append((ln, {"s": m.group(1)}))
    return rule4(rows, nums=("s",))


@kind("terraform-init", "pkg")
def n_tf_init(lines):
    """tfdiag; errs; the `successfully initialized` / `initialized in an empty directory` line; every `- ` line naming a module or provider being installed (in / Installing / Finding / Using)"""
    out = tfdiag(lines) + errs(lines)
    out += [ln for ln in lines if "has been successfully initialized" in ln or "initialized in an empty directory" in ln]
    out += [ln for ln in lines if ln.startswith("- ") and re.search(r"\bin |Installing|Finding|Using", ln)]
    return out


def _apply(lines, summary, word):
    out = tfdiag(lines) + errs(lines)
    out += [ln for ln in lines if re.match(r"\s*(Plan: \d+ to add|Changes to Outputs:)", ln) or summary in ln]
    out += _elapsed(lines, word)
    return out


@kind("terraform-apply", "build")
def n_tf_apply(lines):
    """tfdiag; errs (local-exec errors and exit statuses); the Plan: N to add line, Apply complete!, Changes to Outputs:; rule 4 on `Creation complete after Ns` (min and max)"""
    return _apply(lines, "Apply complete!", "Creation complete")


@kind("terraform-destroy", "build")
def n_tf_destroy(lines):
    """tfdiag; errs; the Plan: line, Destroy complete!, Changes to Outputs:; rule 4 on `Destruction complete after Ns` (min and max)"""
    return _apply(lines, "Destroy complete!", "Destruction complete")


@kind("terraform-test", "test")
def n_tf_test(lines):
    """every line ending `... fail`; the first Error: line after each failing run line with its `on <file> line N` within six; the Success!/Failure! counts line; tfdiag; errs"""
    out = [ln for ln in lines if ln.rstrip().endswith("... fail")]
    for i, ln in enumerate(lines):
        if re.search(r'run "[^"]+"\.\.\. fail', ln):
            for k in range(i + 1, len(lines)):
                if "Error:" in lines[k]:
                    out.append(lines[k])
                    m = cm.next_match(lines, k, LOC.pattern)
                    if m:
                        out.append(m)
                    break
    out += [ln for ln in lines if re.match(r"\s*(Success!|Failure!)", ln)]
    return out + tfdiag(lines) + errs(lines)


@kind("terraform-state-list", "listing")
def n_tf_state_list(lines):
    """rule 4 on the addresses (categorical: the address without its index, up to its last .name); the first and last address; errs"""
    addrs = [ln for ln in lines if re.match(r"^(module\.|data\.|[a-z_]+\.)\S+$", ln)]
    rows = [(a, {"type": re.sub(r"\.[^.]+$", "", re.sub(r"\[[^]]*\]", "", a))}) for a in addrs]
    out = rule4(rows, cat=("type",))
    if addrs:
        out += [addrs[0], addrs[-1]]
    return out + errs(lines)


@kind("terraform-state-show", "doc")
def n_tf_state_show(lines):
    """every `# <address>:` header line and every `id = ` line; errs"""
    return [ln for ln in lines if re.match(r"#\s+\S+:$", ln.strip()) or re.match(r"\s*id\s+=\s", ln)] + errs(lines)


@kind("terraform-output", "doc")
def n_tf_output(lines):
    """every output's name line (column 0 `name = `, or `"name": {` at indent 2 in -json); every line holding <sensitive>; tfdiag; errs"""
    out = [ln for ln in lines if re.match(r"[A-Za-z_][\w-]* = ", ln) or re.match(r'  "[\w-]+": \{', ln)
           or "<sensitive>" in ln]
    return out + tfdiag(lines) + errs(lines)


@kind("terraform-graph", "doc")
def n_tf_graph(lines):
    """the digraph line and every node line ([label= or a quoted node name followed by [); edges only with an errs word; errs"""
    out = [ln for ln in lines if ln.lstrip().startswith("digraph")]
    out += [ln for ln in lines if "->" not in ln and ("[label=" in ln or re.match(r'\s*"[^"]+"\s*\[', ln))]
    return out + errs(lines)


@kind("terraform-console", "log")
def n_tf_console(lines):
    """tfdiag; errs (result lines are not needles)"""
    return tfdiag(lines) + errs(lines)


@kind("terraform-providers", "listing")
def n_tf_providers(lines):
    """every line holding provider[ or a ` module.` line; errs"""
    return [ln for ln in lines if "provider[" in ln or " module." in ln] + errs(lines)


MORGAN = re.compile(r"^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) (\S+) (\d{3}) ([\d.]+) ms")


@kind("json-server-log", "log")
def n_json_server(lines):
    """the http:// lines of the startup banner; rule 4 on the request lines (method, status categorical; ms min and max); every 5xx request line; errs"""
    out = [ln for ln in lines if "http://" in ln and not MORGAN.match(ln)]
    rows = []
    for ln in lines:
        m = MORGAN.match(ln)
        if m:
            rows.append((ln, {"method": m.group(1), "status": m.group(3), "ms": m.group(4)}))
            if m.group(3).startswith("5"):
                out.append(ln)
    return out + rule4(rows, cat=("method", "status"), nums=("ms",)) + errs(lines)


# ================================================================== material: a lighthouse depot

COLOURS = ["red", "green", "yellow", "black", "red-white", "black-yellow"]
MARKS = ["port", "starboard", "cardinal-north", "cardinal-south", "isolated-danger", "safe-water", "special"]
KEEPERS = ["Darling", "Pengelly", "Trevose", "Gwennap", "Rowse", "Menhenick", "Penhallow", "Tregear", "Jago", "Kitto"]
TENDERS = ["Patricia", "Galatea", "Alert", "Mermaid", "Warden", "Argus", "Stella", "Vestal"]
STATIONS = ["Longships", "Wolf Rock", "Bishop Rock", "Eddystone", "Lizard", "Trevose Head", "Godrevy", "Pendeen"]


def variables(n_buoys: int) -> str:
    return f'''variable "depot" {{
  type    = string
  default = "penzance"
  validation {{
    condition     = can(regex("^[a-z][a-z-]*$", var.depot))
    error_message = "Depot names are lower-case words joined by hyphens."
  }}
}}

variable "buoy_count" {{
  type    = number
  default = {n_buoys}
  validation {{
    condition     = var.buoy_count > 0 && var.buoy_count <= 400
    error_message = "A depot tends between 1 and 400 buoys."
  }}
}}

variable "lamp_range_nm" {{
  type    = number
  default = 18
  validation {{
    condition     = var.lamp_range_nm >= 5 && var.lamp_range_nm <= 30
    error_message = "Lamp range must be 5 to 30 nautical miles."
  }}
}}

variable "black_allowed" {{
  type    = number
  default = 0
}}

variable "keeper_pin" {{
  type      = string
  default   = "4471"
  sensitive = true
}}
'''


def main_tf(rng: random.Random, n_buoys: int, n_tenders: int, fault: str) -> str:
    buoys = {}
    for i in range(n_buoys):
        depth = round(rng.uniform(3, 60), 1)
        if fault == "post" and i % 17 == 5:
            depth = round(rng.uniform(0.3, 1.8), 1)
        buoys[f"buoy-{i:03d}"] = {"colour": rng.choice(COLOURS), "mark": rng.choice(MARKS), "depth": depth,
                                  "light": f"Fl({rng.randint(1, 4)}) {rng.choice([5, 10, 15])}s",
                                  "lat": round(rng.uniform(49.9, 50.3), 4), "lon": round(rng.uniform(-5.8, -5.0), 4)}
    lines = ["locals {", "  buoys = {"]
    for k, b in buoys.items():
        lines.append(f'    "{k}" = {{ colour = "{b["colour"]}", mark = "{b["mark"]}", depth = {b["depth"]}, '
                     f'light = "{b["light"]}", lat = {b["lat"]}, lon = {b["lon"]} }}')
    lines += ["  }", f'  keepers = {json.dumps(rng.sample(KEEPERS, 6))}',
              f'  stations = {json.dumps(rng.sample(STATIONS, 5))}', "}", ""]
    lines += ['resource "terraform_data" "buoy" {', "  for_each = local.buoys", "  input = merge(each.value, { name = each.key, depot = var.depot })",
              "  lifecycle {", "    postcondition {", "      condition     = self.output.depth >= 2",
              '      error_message = "Buoy ${each.key} would sit in ${self.output.depth} m of water at low tide; move its mooring."',
              "    }", "  }", "}", ""]
    for t in range(n_tenders):
        name = TENDERS[t % len(TENDERS)]
        cmd = f"for b in $(seq 1 {rng.randint(3, 12)}); do echo \\\"tender {name}: serviced buoy $b, lamp checked, chain ok\\\"; done"
        if fault == "exec" and t == n_tenders - 1:
            cmd += f"; echo \\\"tender {name}: boom winch jammed at buoy 7\\\" >&2; exit 3"
        lines += [f'resource "terraform_data" "tender_{t}" {{',
                  f'  input = {{ name = "{name}", crew = {rng.randint(4, 14)}, buoys = [for k in slice(keys(local.buoys), 0, {min(5, n_buoys)}) : k] }}',
                  '  provisioner "local-exec" {', f'    command = "{cmd}"', "  }", "}", ""]
    lines += ['resource "terraform_data" "keeper" {', "  count = length(local.keepers)",
              '  input = { name = local.keepers[count.index], station = local.stations[count.index % length(local.stations)], pin = var.keeper_pin }',
              "}", ""]
    if fault == "ref":
        lines += ['resource "terraform_data" "relief" {', "  input = terraform_data.lightvessel.id", "}", ""]
    if fault == "syntax":
        lines += ['resource "terraform_data" "fog_signal" {', '  input = { horn = "diaphone", blasts = 2 ', "}", ""]
    if fault == "module":
        lines += ['module "station" {', '  source = "./modules/lightvessel"', "  depot = var.depot", "}", ""]
    else:
        lines += ['module "station" {', '  source = "./modules/station"', '  name   = local.stations[0]',
                  "  range  = var.lamp_range_nm", "}", ""]
    lines += ['check "lamp_ranges" {', "  assert {", "    condition     = var.lamp_range_nm >= 20",
              '    error_message = "Lamp range ${var.lamp_range_nm} nm is below the 20 nm the Trinity House notice requires."',
              "  }", "}", "",
              'check "black_buoys_lit" {', "  assert {",
              '    condition     = length([for k, b in local.buoys : k if b.colour == "black"]) <= var.black_allowed',
              '    error_message = "Black buoys are hard to see at dusk: ${join(", ", [for k, b in local.buoys : k if b.colour == "black"])}."',
              "  }", "}", "",
              'output "buoy_ids" {', "  value = { for k, b in terraform_data.buoy : k => b.id }", "}", "",
              'output "tenders" {', f'  value = [{", ".join(f"terraform_data.tender_{t}.output.name" for t in range(n_tenders))}]', "}", "",
              'output "keeper_roster" {', "  value     = terraform_data.keeper[*].output", "  sensitive = true", "}", "",
              'output "station" {', "  value = module.station.lamp", "}", ""]
    return "\n".join(lines)


STATION = '''variable "name" {
  type = string
}
variable "range" {
  type = number
}
resource "terraform_data" "lamp" {
  input = { station = var.name, range = var.range, character = "Fl(2) 10s" }
}
resource "terraform_data" "fog_signal" {
  input = { station = var.name, blasts = 2, every = "30s" }
}
output "lamp" {
  value = terraform_data.lamp.output
}
'''

TESTS = '''variables {
  depot         = "penzance"
  lamp_range_nm = 22
  black_allowed = 100
}

run "depot_name_ok" {
  command = plan
  assert {
    condition     = var.depot == "penzance"
    error_message = "The depot is Penzance."
  }
}

run "bad_depot_rejected" {
  command = plan
  variables {
    depot = "St Ives"
  }
  expect_failures = [var.depot]
}

run "lamp_range_limit" {
  command = plan
  variables {
    lamp_range_nm = 45
  }
  expect_failures = [var.lamp_range_nm]
}

run "keepers_six" {
  command = plan
  assert {
    condition     = length(terraform_data.keeper) == 6
    error_message = "Six keepers are on the roster."
  }
}

run "keepers_seven" {
  command = plan
  assert {
    condition     = length(terraform_data.keeper) == 7
    error_message = "The roster should hold seven keepers, one per station and a relief."
  }
}

run "first_keeper_station" {
  command = apply
  assert {
    condition     = terraform_data.keeper[0].output.station == "Eddystone"
    error_message = "The first keeper should be posted to Eddystone, not ${terraform_data.keeper[0].output.station}."
  }
}

run "station_lamp_range" {
  command = apply
  assert {
    condition     = module.station.lamp.range == 18
    error_message = "The station lamp carries 18 nm."
  }
}

run "buoy_count_negative" {
  command = plan
  variables {
    buoy_count = -3
  }
  assert {
    condition     = var.buoy_count < 0
    error_message = "Negative counts pass through."
  }
}
'''


def project(tmp: Path, name: str, rng: random.Random, n_buoys: int, n_tenders: int, fault: str = "") -> Path:
    d = tmp / name
    files = {"variables.tf": variables(n_buoys), "main.tf": main_tf(rng, n_buoys, n_tenders, fault),
             "modules/station/main.tf": STATION, "tests/depot.tftest.hcl": TESTS}
    cm.write_tree(d, files)
    return d


TF = "terraform"


TF_ENV = {"TF_CLI_CONFIG_FILE": str(ROOT / "terraformrc"), "CHECKPOINT_DISABLE": "1"}


def tf(d: Path, item: str, cmd: str, ext, timeout: int = 300) -> None:
    S.cap(item, f"{TF} {cmd}", d, ext, timeout=timeout, env=TF_ENV)


def step_terraform(tmp: Path) -> None:
    rng = random.Random(SEED)
    small = project(tmp, "depot-s", rng, 6, 2)
    mid = project(tmp, "depot-m", rng, 30, 4, "exec")
    big = project(tmp, "depot-l", rng, 90, 6, "post")
    ref = project(tmp, "depot-ref", rng, 12, 2, "ref")
    syn = project(tmp, "depot-syntax", rng, 8, 2, "syntax")
    mod = project(tmp, "depot-module", rng, 8, 2, "module")
    ok_l = project(tmp, "depot-xl", rng, 70, 8)
    # the five healthy inits print the same text: one is an item, the others just run (and xl's -upgrade is one)
    tf(small, "init-s", "init -input=false -no-color", n_tf_init, timeout=120)
    for d in (mid, big, ref, ok_l):
        cm.run(f"{TF} init -input=false -no-color", cwd=d, env=TF_ENV, timeout=120)
    tf(ok_l, "init-xl-upgrade", "init -input=false -no-color -upgrade", n_tf_init, timeout=120)
    tf(syn, "init-syntax", "init -input=false -no-color", n_tf_init, timeout=120)
    tf(mod, "init-module", "init -input=false -no-color", n_tf_init, timeout=120)
    tf(small, "apply-s", "apply -auto-approve -input=false -no-color", n_tf_apply)
    tf(mid, "apply-m-exec", "apply -auto-approve -input=false -no-color", n_tf_apply)
    tf(big, "apply-l-post", "apply -auto-approve -input=false -no-color -parallelism=4", n_tf_apply)
    tf(ref, "apply-ref", "init -input=false -no-color -upgrade && terraform apply -auto-approve -input=false -no-color",
       n_tf_apply)
    tf(ok_l, "apply-xl-var", "apply -auto-approve -input=false -no-color -var lamp_range_nm=42 -var depot=Newlyn",
       n_tf_apply)
    tf(ok_l, "apply-xl", "apply -auto-approve -input=false -no-color -var lamp_range_nm=22", n_tf_apply)
    tf(small, "test-s", "test -no-color", n_tf_test)
    tf(mid, "test-m-verbose", "test -no-color -verbose", n_tf_test)
    tf(ref, "test-ref", "test -no-color", n_tf_test)
    tf(ok_l, "test-xl", "test -no-color", n_tf_test)
    tf(big, "test-l-filter", "test -no-color -filter=tests/depot.tftest.hcl", n_tf_test)
    tf(small, "apply-s-count", "apply -auto-approve -input=false -no-color -var buoy_count=900 -var lamp_range_nm=3",
       n_tf_apply)
    for d in (ok_l, big, mid):
        tf(d, f"state-list-{d.name[6:]}", "state list", n_tf_state_list, timeout=60)
    S.cap("state-show-xl", "for a in $(terraform state list | head -40); do terraform state show -no-color \"$a\"; done",
          ok_l, n_tf_state_show, timeout=300, env=TF_ENV)
    S.cap("state-show-m", "for a in $(terraform state list | grep -v buoy); do terraform state show -no-color \"$a\"; "
          "done; terraform state show -no-color 'terraform_data.lightvessel'", mid, n_tf_state_show, timeout=300, env=TF_ENV)
    tf(ok_l, "output-xl", "output -no-color", n_tf_output, timeout=60)
    tf(ok_l, "output-xl-json", "output -json", n_tf_output, timeout=60)
    tf(mid, "output-m", "output -no-color; terraform output -no-color keeper_pin", n_tf_output, timeout=60)
    tf(ok_l, "graph-xl", "graph", n_tf_graph, timeout=60)
    tf(big, "graph-l-plan", "graph -type=plan", n_tf_graph, timeout=60)
    exprs = ["var.depot", "length(local.buoys)", "local.keepers", "terraform_data.keeper[0].output.name",
             "terraform_data.keeper[9].output", 'local.buoys["buoy-999"]', "upper(local.stations)",
             "[for k, b in local.buoys : k if b.depth < 10]", "module.station.lamp", "var.keeper_pin",
             'cidrsubnet("10.0.0.0/16", 8, 300)', 'tonumber("twelve")', "keys(local.buoys)", "local.buoys"]
    for d in (ok_l, mid):
        (d / "exprs.txt").write_text("\n".join(exprs) + "\n")
    loop = 'while read -r e; do echo "> $e"; echo "$e" | terraform console -var lamp_range_nm=22; done < exprs.txt'
    S.cap("console-xl", loop, ok_l, n_tf_console, timeout=300, env=TF_ENV)
    S.cap("console-m", loop.replace(" -var lamp_range_nm=22", ""), mid, n_tf_console, timeout=300, env=TF_ENV)
    S.cap("providers-all", 'for d in depot-*; do echo "== $d"; (cd "$d" && terraform providers -no-color); done', tmp,
          n_tf_providers, timeout=120, env=TF_ENV)
    tf(mid, "destroy-m", "destroy -auto-approve -input=false -no-color", n_tf_destroy)
    tf(ok_l, "destroy-xl", "destroy -auto-approve -input=false -no-color -var lamp_range_nm=22", n_tf_destroy)


# ---- json-server

def db(rng: random.Random, n: int) -> dict:
    return {"buoys": [{"id": i, "name": f"buoy-{i:03d}", "colour": rng.choice(COLOURS), "mark": rng.choice(MARKS),
                       "depth": round(rng.uniform(1, 60), 1), "tenderId": rng.randint(1, len(TENDERS))}
                      for i in range(1, n + 1)],
            "tenders": [{"id": i + 1, "name": t, "crew": rng.randint(4, 14)} for i, t in enumerate(TENDERS)],
            "keepers": [{"id": i + 1, "name": k, "station": rng.choice(STATIONS)} for i, k in enumerate(KEEPERS)],
            "depot": {"name": "penzance", "opened": 1866}}


def requests(rng: random.Random, n: int, port: int, n_buoys: int) -> str:
    base = f"http://127.0.0.1:{port}"
    cmds = []
    for _ in range(n):
        r = rng.random()
        if r < 0.45:
            cmds.append(f"curl -s -o /dev/null {base}/buoys/{rng.randint(1, n_buoys + 20)}")
        elif r < 0.6:
            cmds.append(f"curl -s -o /dev/null '{base}/buoys?colour={rng.choice(COLOURS)}&_page={rng.randint(1, 4)}'")
        elif r < 0.7:
            cmds.append(f"curl -s -o /dev/null '{base}/tenders/{rng.randint(1, 8)}?_embed=buoys'")
        elif r < 0.78:
            cmds.append(f"curl -s -o /dev/null -X PATCH -H 'Content-Type: application/json' "
                        f"-d '{{\"depth\": {round(rng.uniform(1, 50), 1)}}}' {base}/buoys/{rng.randint(1, n_buoys)}")
        elif r < 0.84:
            cmds.append(f"curl -s -o /dev/null -X POST -H 'Content-Type: application/json' "
                        f"-d '{{\"name\": \"{rng.choice(KEEPERS)}\"}}' {base}/keepers")
        elif r < 0.88:
            cmds.append(f"curl -s -o /dev/null {base}/lightvessels")
        elif r < 0.92:
            cmds.append(f"curl -s -o /dev/null -X DELETE {base}/keepers/{rng.randint(1, 30)}")
        elif r < 0.96:
            cmds.append(f"curl -s -o /dev/null -X POST -H 'Content-Type: application/json' -d '{{bad json' "
                        f"{base}/buoys")
        else:
            cmds.append(f"curl -s -o /dev/null {base}/depot")
    return "\n".join(cmds) + "\n"


def step_json_server(tmp: Path) -> None:
    rng = random.Random(SEED + 1)
    d = tmp / "mock"
    d.mkdir()
    for label, port, n_b, n_req, flags in [("s", 18550, 20, 40, ""), ("l", 28550, 200, 900, ""),
                                           ("m", 38550, 60, 250, ""), ("ro", 18550, 80, 300, " --read-only"),
                                           ("delay", 28550, 30, 120, " --delay 40 --id name")]:
        (d / f"db-{label}.json").write_text(json.dumps(db(rng, n_b), indent=2))
        (d / f"req-{label}.sh").write_text(requests(rng, n_req, port, n_b))
        log = d / f"log-{label}.txt"
        with open(log, "wb") as fh:
            p = cm.start(f"json-server db-{label}.json --port {port} --host 127.0.0.1{flags}", cwd=d, log=fh)
            try:
                if not wait_port(port, 30):
                    cm.note(f"json-server {label} did not listen")
                cm.run(f"sh req-{label}.sh", cwd=d, timeout=400)
                time.sleep(1)
            finally:
                stop(p)
        S.add(f"json-server-{label}", f"json-server db-{label}.json --port {port}{flags}", log.read_text(),
              n_json_server)
    (d / "db-broken.json").write_text(json.dumps(db(rng, 10), indent=2)[:-40] + ",\n")
    S.cap("json-server-broken", "timeout 15 json-server db-broken.json --port 18550 --host 127.0.0.1", d,
          n_json_server, timeout=30)


def ensure_tools() -> None:
    cm.install_npm(JS, "json-server", ["json-server@0.17.4"])
    cm.PATH_PREFIX[:0] = [str(JS / "node_modules" / ".bin")]


def steps():
    return [step_terraform, step_json_server]


if __name__ == "__main__":
    cm.capture_round(__doc__, ensure_tools, steps, "wide550-", OUT, TMP, bands=(4_000, 20_000))
