#!/usr/bin/env python3
"""Round 558: second samples of round 550's kinds (terraform init, apply, destroy, test, state list/show, output,
graph, console, providers; json-server logs) on a goods yard's configurations (`goodsyard`, seeds 55810-55813:
sidings, wagons, shunters, a weighbridge module) with faults other than round 550's. See NEEDLES.md, round 558.
Every extractor is round 550's, imported from capture_wide550.

Usage:   .venv/bin/python scripts/corpus/capture_wide558.py
Writes:  scripts/corpus/data/wide558.json, ids prefixed "wide558-".
Tools:   the machine's terraform (only the built-in terraform_data: init runs offline), the npm json-server@0.17.4 in
         /dev/shm/hm-corpus-wide558/js (made once), served on 127.0.0.1:18558, 28558 and 38558.
"""
from __future__ import annotations

import json
import random
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide550 as w550  # noqa: E402  (the extractors, fixed in round 550)
from capture_data import stop, wait_port  # noqa: E402

ROOT = Path("/dev/shm/hm-corpus-wide558")
TMP = Path("/dev/shm/hm-corpus-wide558-run")
JS = ROOT / "js"
OUT = HERE / "data" / "wide558.json"
SEED = 55810
S = cm.Sized(400, 120_000)
TF_ENV = {"TF_CLI_CONFIG_FILE": str(ROOT / "terraformrc"), "CHECKPOINT_DISABLE": "1"}

TYPES = ["box", "flat", "hopper", "tank", "bolster", "van", "well", "brake-van"]
CARGO = ["coal", "ballast", "steel coil", "timber", "cement", "grain", "china clay", "oil", "empty"]
SIDINGS = ["Up Reception", "Down Reception", "Coal Road", "Cripple Siding", "Headshunt", "Goods Shed Road",
           "Cattle Dock", "Weighbridge Road", "Long Siding", "Stone Road"]
SHUNTERS = ["D3011", "D3245", "D3590", "D4015", "08644", "08856", "09012", "03170"]


def variables() -> str:
    return '''variable "yard" {
  type    = string
  default = "tyne-yard"
  validation {
    condition     = can(regex("^[a-z][a-z-]*$", var.yard))
    error_message = "Yard names are lower-case words joined by hyphens."
  }
}

variable "wagon_count" {
  type    = number
  default = 20
  validation {
    condition     = var.wagon_count >= 1 && var.wagon_count <= 9000
    error_message = "A yard holds between 1 and 9000 wagons."
  }
}

variable "gauge_mm" {
  type    = number
  default = 1435
}

variable "yard_key" {
  type      = string
  default   = "K-7731-TYNE"
  sensitive = true
}
'''


def main_tf(rng: random.Random, n_wagons: int, n_shunters: int, fault: str = "") -> str:
    sidings = rng.sample(SIDINGS, 6)
    L = ["locals {", f"  sidings = {json.dumps(sidings)}", "  wagons = {"]
    for i in range(n_wagons):
        t = rng.choice(TYPES)
        L.append(f'    "W{rng.randint(100000, 999999)}-{i:03d}" = {{ type = "{t}", cargo = "{rng.choice(CARGO)}", '
                 f'tare = {rng.randint(10, 28)}, load = {rng.randint(0, 70)}, siding = {rng.randrange(len(sidings))}, '
                 f'axles = {rng.choice([2, 2, 2, 4])} }}')
    L += ["  }", f"  shunters = {json.dumps(rng.sample(SHUNTERS, n_shunters))}", "}", ""]
    L += ['resource "terraform_data" "siding" {', "  count = length(local.sidings)",
          f'  input = {{ name = local.sidings[count.index], length_m = {rng.randint(180, 900)} + count.index * 35, '
          "gauge = var.gauge_mm }", "}", ""]
    heavy = "each.value.tonage > 60" if fault == "attr" else "each.value.tare + each.value.load > 60"
    L += ['resource "terraform_data" "wagon" {', "  for_each = local.wagons",
          "  input = merge(each.value, { number = each.key, yard = var.yard, "
          f"road = terraform_data.siding[each.value.siding].output.name, heavy = {heavy} }})", "}", ""]
    for s in range(n_shunters):
        cmd = (f"for m in $(seq 1 {rng.randint(3, 10)}); do echo \\\"shunter ${{self.output.loco}}: move $m, "
               f"{rng.randint(2, 12)} wagons to ${{self.output.road}}, brakes tested\\\"; done")
        L += [f'resource "terraform_data" "shunter_{s}" {{',
              f'  input = {{ loco = local.shunters[{s}], road = local.sidings[{s % 6}], driver_hours = {rng.randint(2, 11)} }}',
              '  provisioner "local-exec" {', f'    command = "{cmd}"', "  }"]
        if fault == "destroyexec" and s == n_shunters - 1:
            L += ['  provisioner "local-exec" {', "    when    = destroy",
                  '    command = "echo \\"shunter ${self.output.loco}: coupling stuck on ${self.output.road}, cannot '
                  'stable\\" >&2; exit 4"', "  }"]
        L += ["}", ""]
    if fault == "dup":
        L += ['resource "terraform_data" "shunter_0" {', '  input = { loco = "D3999", road = "Headshunt" }', "}", ""]
    if fault == "file":
        L += ['resource "terraform_data" "manifest" {', '  input = file("${path.module}/manifests/consist-6M54.csv")',
              "}", ""]
    if fault == "cycle":
        L += ['resource "terraform_data" "move_east" {', "  input = { after = terraform_data.move_west.id }", "}", "",
              'resource "terraform_data" "move_west" {', "  input = { after = terraform_data.move_east.id }", "}", ""]
    L += ['module "weighbridge" {', '  source     = "./modules/weighbridge"', "  road       = local.sidings[0]",
          f"  capacity_t = {rng.choice([80, 100, 120])}", "}", "",
          'output "wagon_ids" {', "  value = { for k, w in terraform_data.wagon : k => w.id }", "}", "",
          'output "shunters" {', f'  value = [{", ".join(f"terraform_data.shunter_{s}.output.loco" for s in range(n_shunters))}]',
          "}", "", 'output "sidings" {', "  value = terraform_data.siding[*].output.name", "}", "",
          'output "weighbridge" {', "  value = module.weighbridge.capacity", "}", "",
          'output "yard_key" {', "  value     = var.yard_key"]
    if fault != "sens":
        L += ["  sensitive = true"]
    L += ["}", ""]
    return "\n".join(L)


WEIGHBRIDGE = '''variable "road" {
  type = string
}
variable "capacity_t" {
  type = number
}
resource "terraform_data" "scale" {
  input = { road = var.road, capacity_t = var.capacity_t, calibrated = "2026-03-01" }
}
output "capacity" {
  value = terraform_data.scale.output.capacity_t
}
'''

TESTS = '''variables {
  yard = "tyne-yard"
}

run "yard_name_ok" {
  command = plan
  assert {
    condition     = var.yard == "tyne-yard"
    error_message = "The yard is Tyne Yard."
  }
}

run "bad_yard_rejected" {
  command = plan
  variables {
    yard = "Tyne Yard"
  }
  expect_failures = [var.yard]
}

run "sidings_six" {
  command = plan
  assert {
    condition     = length(terraform_data.siding) == 6
    error_message = "Six roads in the yard."
  }
}

run "shunters_on_shift" {
  command = apply
  assert {
    condition     = length(output.shunters) == length(local.shunters) + 1
    error_message = "Expected ${length(local.shunters) + 1} shunters on shift, found ${length(output.shunters)}."
  }
}

run "weighbridge_capacity" {
  command = apply
  assert {
    condition     = output.weighbridge == 100
    error_message = "The weighbridge should weigh 100 t, it is set to ${output.weighbridge} t."
  }
}

run "first_siding_long" {
  command = apply
  assert {
    condition     = terraform_data.siding[0].output.length_m > 100
    error_message = "The first road is longer than 100 m."
  }
}

run "wagon_limit_enforced" {
  command = plan
  variables {
    wagon_count = 5000
  }
  expect_failures = [var.wagon_count]
}
'''

LIMITS = '''variables {
  yard = "tyne-yard"
}

run "narrow_gauge" {
  command = plan
  variables {
    gauge_mm = "narrow"
  }
  assert {
    condition     = var.gauge_mm < 1435
    error_message = "Narrow gauge is under 1435 mm."
  }
}
'''


def project(tmp: Path, name: str, rng: random.Random, n_wagons: int, n_shunters: int, fault: str = "") -> Path:
    d = tmp / name
    cm.write_tree(d, {"variables.tf": variables(), "main.tf": main_tf(rng, n_wagons, n_shunters, fault),
                      "modules/weighbridge/main.tf": WEIGHBRIDGE, "tests/yard.tftest.hcl": TESTS,
                      "tests/limits.tftest.hcl": LIMITS})
    return d


def tf(d: Path, item: str, cmd: str, ext, timeout: int = 300) -> None:
    S.cap(item, f"terraform {cmd}", d, ext, timeout=timeout, env=TF_ENV)


def init(d: Path) -> None:
    cm.run("terraform init -input=false -no-color", cwd=d, env=TF_ENV, timeout=120)


def step_terraform(tmp: Path) -> None:
    (ROOT / "terraformrc").write_text("")
    rng = random.Random(SEED)
    small = project(tmp, "yard-s", rng, 8, 2)
    mid = project(tmp, "yard-m", rng, 40, 4, "destroyexec")
    big = project(tmp, "yard-l", rng, 60, 5)
    dup = project(tmp, "yard-dup", rng, 12, 2, "dup")
    attr = project(tmp, "yard-attr", rng, 30, 3, "attr")
    fil = project(tmp, "yard-file", rng, 10, 2, "file")
    cyc = project(tmp, "yard-cycle", rng, 10, 2, "cycle")
    sens = project(tmp, "yard-sens", rng, 10, 2, "sens")
    xl = project(tmp, "yard-xl", rng, 80, 8)
    tf(small, "init-s", "init -input=false -no-color", w550.n_tf_init, timeout=120)
    tf(dup, "apply-dup", "apply -auto-approve -input=false -no-color", w550.n_tf_apply)
    for d in (mid, big, attr, fil, cyc, sens, xl):
        init(d)
    tf(xl, "init-xl-upgrade", "init -input=false -no-color -upgrade", w550.n_tf_init, timeout=120)
    tf(small, "apply-s", "apply -auto-approve -input=false -no-color", w550.n_tf_apply)
    tf(small, "apply-s-gauge", "apply -auto-approve -input=false -no-color -var gauge_mm=standard", w550.n_tf_apply)
    tf(mid, "apply-m", "apply -auto-approve -input=false -no-color", w550.n_tf_apply)
    tf(big, "apply-l", "apply -auto-approve -input=false -no-color -parallelism=3", w550.n_tf_apply)
    tf(attr, "apply-attr", "apply -auto-approve -input=false -no-color", w550.n_tf_apply)
    tf(fil, "apply-file", "apply -auto-approve -input=false -no-color", w550.n_tf_apply)
    tf(cyc, "apply-cycle", "init -input=false -no-color -upgrade && terraform apply -auto-approve -input=false -no-color", w550.n_tf_apply)
    tf(sens, "apply-sens", "apply -auto-approve -input=false -no-color", w550.n_tf_apply)
    tf(xl, "apply-xl", "apply -auto-approve -input=false -no-color", w550.n_tf_apply)
    tf(small, "test-s", "test -no-color", w550.n_tf_test)
    tf(small, "test-s-verbose", "test -no-color -verbose", w550.n_tf_test)
    tf(attr, "test-attr", "test -no-color", w550.n_tf_test)
    tf(cyc, "test-cycle", "test -no-color", w550.n_tf_test)
    tf(xl, "test-xl", "test -no-color", w550.n_tf_test)
    tf(big, "test-l-filter", "test -no-color -filter=tests/limits.tftest.hcl", w550.n_tf_test)
    tf(xl, "state-list-xl", "state list", w550.n_tf_state_list, timeout=60)
    tf(big, "state-list-l", "state list", w550.n_tf_state_list, timeout=60)
    tf(mid, "state-list-m", "state list",
       w550.n_tf_state_list, timeout=60)
    S.cap("state-show-xl", "for a in $(terraform state list | tail -45); do terraform state show -no-color \"$a\"; done",
          xl, w550.n_tf_state_show, timeout=300, env=TF_ENV)
    S.cap("state-show-l", "for a in $(terraform state list | grep -v wagon); do terraform state show -no-color \"$a\"; "
          "done; terraform state show -no-color 'terraform_data.wagon[\"W000000-999\"]'", big, w550.n_tf_state_show,
          timeout=300, env=TF_ENV)
    tf(xl, "output-xl", "output -no-color", w550.n_tf_output, timeout=60)
    tf(big, "output-l-json", "output -json", w550.n_tf_output, timeout=60)
    tf(mid, "output-m", "output -no-color; terraform output -no-color yard_key; terraform output -no-color crane_ids",
       w550.n_tf_output, timeout=60)
    tf(xl, "graph-xl", "graph", w550.n_tf_graph, timeout=60)
    tf(mid, "graph-m-destroy", "graph -type=plan-destroy", w550.n_tf_graph, timeout=60)
    exprs = ["var.yard", "length(local.wagons)", "local.sidings", "local.sidings[12]", 'tobool("maybe")',
             'local.wagons["W000000-999"]', "terraform_data.shunter_0.output", "element([], 0)",
             "sum([for w in values(local.wagons) : w.load])", 'regex("^[0-9]+$", var.yard)', "var.yard_key",
             "module.weighbridge.capacity", 'jsondecode("{bad")', "[for k, w in local.wagons : k if w.load > 65]",
             "terraform_data.wagon", "max(values(local.wagons)[*].tare...)"]
    loop = 'while read -r e; do echo "> $e"; echo "$e" | terraform console; done < exprs.txt'
    for d, item in ((xl, "console-xl"), (mid, "console-m")):
        (d / "exprs.txt").write_text("\n".join(exprs) + "\n")
        S.cap(item, loop, d, w550.n_tf_console, timeout=400, env=TF_ENV)
    S.cap("providers-all", 'for d in yard-*; do echo "== $d"; (cd "$d" && terraform providers -no-color); done', tmp,
          w550.n_tf_providers, timeout=120, env=TF_ENV)
    tf(mid, "destroy-m-exec", "destroy -auto-approve -input=false -no-color", w550.n_tf_destroy)
    tf(xl, "destroy-xl", "destroy -auto-approve -input=false -no-color", w550.n_tf_destroy)
    tf(big, "destroy-l", "destroy -auto-approve -input=false -no-color -parallelism=2", w550.n_tf_destroy)


# ---- json-server

MIDDLEWARE = '''module.exports = (req, res, next) => {
  if (req.url.includes("weighbridge")) {
    throw new Error("weighbridge offline: load cell 2 reads " + (req.url.length * 7) + " t over range");
  }
  if (req.method === "DELETE" && req.url.startsWith("/shunters")) {
    res.status(409).json({ error: "shunter is coupled to a rake" });
    return;
  }
  if (req.url.includes("_sort=gross")) {
    const w = undefined;
    return res.json(w.gross);
  }
  next();
};
'''

ROUTES = {"/api/*": "/$1", "/roads/:id/wagons": "/wagons?sidingId=:id", "/loco/:number": "/shunters?number=:number"}


def db(rng: random.Random, n: int) -> dict:
    return {"wagons": [{"id": i, "number": f"W{rng.randint(100000, 999999)}", "type": rng.choice(TYPES),
                        "cargo": rng.choice(CARGO), "tare": rng.randint(10, 28), "load": rng.randint(0, 70),
                        "sidingId": rng.randint(1, len(SIDINGS))} for i in range(1, n + 1)],
            "sidings": [{"id": i + 1, "name": s, "lengthM": rng.randint(180, 900)} for i, s in enumerate(SIDINGS)],
            "shunters": [{"id": i + 1, "number": s, "hours": rng.randint(0, 12)} for i, s in enumerate(SHUNTERS)],
            "yard": {"name": "tyne-yard", "opened": 1963}}


def requests(rng: random.Random, n: int, port: int, n_w: int) -> str:
    base = f"http://127.0.0.1:{port}"
    j = "-H 'Content-Type: application/json'"
    out = []
    for _ in range(n):
        r = rng.random()
        if r < 0.35:
            out.append(f"{base}/wagons/{rng.randint(1, n_w + 15)}")
        elif r < 0.48:
            out.append(f"'{base}/api/wagons?cargo={rng.choice(CARGO).replace(' ', '%20')}&_limit={rng.randint(5, 20)}'")
        elif r < 0.56:
            out.append(f"{base}/roads/{rng.randint(1, 12)}/wagons")
        elif r < 0.62:
            out.append(f"{base}/loco/{rng.choice(SHUNTERS)}")
        elif r < 0.70:
            out.append(f"-X PUT {j} -d '{{\"load\": {rng.randint(0, 70)}}}' {base}/wagons/{rng.randint(1, n_w)}")
        elif r < 0.75:
            out.append(f"-X DELETE {base}/shunters/{rng.randint(1, 8)}")
        elif r < 0.80:
            out.append(f"{base}/weighbridge/readings")
        elif r < 0.84:
            out.append(f"'{base}/wagons?_sort=gross&_order=desc'")
        elif r < 0.89:
            out.append(f"-X POST {j} -d '{{\"number\": \"W1{rng.randint(10000, 99999)}\", \"load\": }}' {base}/wagons")
        elif r < 0.94:
            out.append(f"{base}/turntables")
        else:
            out.append(f"{base}/wagons/{rng.randint(1, n_w)}/sidings")
    return "\n".join(f"curl -s -o /dev/null {c}" for c in out) + "\n"


def step_json_server(tmp: Path) -> None:
    rng = random.Random(SEED + 3)
    d = tmp / "mock"
    d.mkdir()
    (d / "middleware.js").write_text(MIDDLEWARE)
    (d / "routes.json").write_text(json.dumps(ROUTES, indent=2))
    for label, port, n_w, n_req, flags in [("s", 18558, 25, 45, " --routes routes.json"),
                                           ("m", 28558, 80, 220, " --routes routes.json --middlewares middleware.js"),
                                           ("l", 38558, 300, 700, " --routes routes.json --middlewares middleware.js"),
                                           ("snap", 18558, 50, 160, " --middlewares middleware.js --no-cors --delay 15")]:
        (d / f"db-{label}.json").write_text(json.dumps(db(rng, n_w), indent=2))
        (d / f"req-{label}.sh").write_text(requests(rng, n_req, port, n_w))
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
              w550.n_json_server)


def ensure_tools() -> None:
    cm.install_npm(JS, "json-server", ["json-server@0.17.4"])
    cm.PATH_PREFIX[:0] = [str(JS / "node_modules" / ".bin")]


def steps():
    return [step_terraform, step_json_server]


if __name__ == "__main__":
    cm.capture_round(__doc__, ensure_tools, steps, "wide558-", OUT, TMP, bands=(4_000, 20_000))
