"""Round 25, C, shell and infrastructure: a C ring-buffer library whose make fails, checked by cppcheck; deploy scripts
under shellcheck and bats; terraform plan / show -json over the built-in terraform_data resource and kubectl
kustomize over an overlay. Each kind's extractor is an earlier round's. Run through capture_wide25.py (Rust and Go
are in capture_wide25_rust_go.py, PHP, Ruby and Elixir in capture_wide25_scripts.py)."""

from __future__ import annotations

from pathlib import Path

from capture_more import have, n_bats, n_cppcheck, run, write_tree
from capture_wide10_eco import TF_ENV, n_kustomize, n_tf_plan
from capture_wide10_more import n_tf_show_json
from capture_wide15_diag import n_shellcheck
from capture_wide15_langs import n_make
from capture_wide25 import cap

# ------------------------------------------------------------------ C, shell

C_FILES = {
    "Makefile": "CC ?= gcc\nCFLAGS ?= -Wall -Wextra -O2 -std=c11\nOBJS = ring.o stats.o main.o\n\n"
                "ringtool: $(OBJS)\n\t$(CC) $(CFLAGS) -o $@ $(OBJS) -lm\n\n%.o: %.c ring.h\n\t$(CC) $(CFLAGS) -c $<\n\n"
                "clean:\n\trm -f *.o ringtool\n",
    "ring.h": "#include <stddef.h>\ntypedef struct { double *buf; size_t cap, head, len; } ring_t;\n"
              "ring_t *ring_new(size_t cap);\nvoid ring_push(ring_t *r, double v);\ndouble ring_mean(const ring_t *r);\n"
              "double ring_max(const ring_t *r);\nvoid ring_free(ring_t *r);\n",
    "ring.c": '''#include <stdlib.h>
#include <string.h>
#include "ring.h"

ring_t *ring_new(size_t cap) {
    ring_t *r = malloc(sizeof *r);
    r->buf = malloc(cap * sizeof(int));
    r->cap = cap; r->head = 0; r->len = 0;
    return r;
}

void ring_push(ring_t *r, double v) {
    r->buf[(r->head + r->len) % r->cap] = v;
    if (r->len < r->cap) r->len++;
    else r->head = (r->head + 1) % r->cap;
}

double ring_max(const ring_t *r) {
    double m;
    for (int i = 0; i < r->len; i++)
        if (r->buf[i] > m) m = r->buf[i];
    return m;
}

void ring_free(ring_t *r) {
    free(r);
    free(r->buf);
}
''',
    "stats.c": '''#include <math.h>
#include <stdio.h>
#include "ring.h"

double ring_mean(const ring_t *r) {
    double s = 0;
    for (size_t i = 0; i <= r->len; i++) s += r->buf[i];
    return s / r->len;
}

double ring_stddev(const ring_t *r) {
    double m = ring_mean(r), acc;
    for (size_t i = 0; i < r->len; i++) acc += pow(r->buf[i] - m, 2);
    return sqrt(acc / r->len)
}

void ring_print(const ring_t *r, FILE *out) {
    char line[16];
    sprintf(line, "mean=%f max=%f", ring_mean(r), ring_max(r));
    fprintf(out, line);
}
''',
    "main.c": '''#include <stdio.h>
#include <stdlib.h>
#include "ring.h"

int main(int argc, char **argv) {
    size_t cap = argc > 1 ? atoi(argv[1]) : 8;
    ring_t *r = ring_new(cap);
    char buf[64];
    while (fgets(buf, sizeof buf, stdin)) ring_push(r, strtod(buf, NULL));
    printf("%zu samples, mean %.3f\\n", r->len, ring_mean(r), ring_max(r));
    ring_print(r, stdout);
    unknown_flush(r);
    ring_free(r);
}
''',
}

SCRIPTS = {
    "deploy.sh": '''#!/bin/bash
set -e
ENV=$1
RELEASE=$(date +%Y%m%d%H%M)
TARGET=/srv/app/releases/$RELEASE
hosts=`cat hosts/$ENV.txt`
for h in $hosts; do
  echo deploying to $h
  ssh $h mkdir -p $TARGET
  scp -r build/* $h:$TARGET
  ssh $h "ln -sfn $TARGET /srv/app/current && systemctl restart app"
done
if [ $ENV == "prod" ]; then
  curl -s -X POST $SLACK_HOOK -d "{\\"text\\": \\"deployed $RELEASE\\"}"
fi
cd /srv/app/releases
ls -t | tail -n +6 | xargs rm -rf
''',
    "backup.sh": '''#!/bin/sh
DB=${1:-orders}
OUT=/var/backups/$DB-$(date +%F).sql.gz
[[ -d /var/backups ]] || mkdir /var/backups
pg_dump $DB | gzip > $OUT
size=$(du -k $OUT | cut -f1)
if [ $size -lt 100 ]; then
  echo "backup too small: $size KB" >&2
  exit 1
fi
find /var/backups -name "$DB-*.sql.gz" -mtime +14 -exec rm {} \\;
echo "ok $OUT ($size KB)"
read -p "upload to s3? " answer
[ "$answer" = "y" ] && aws s3 cp $OUT s3://backups/$DB/
''',
    "lib/semver.sh": '''#!/usr/bin/env bash
# semver_cmp A B: prints -1, 0 or 1
semver_cmp() {
  local IFS=.
  local a=($1) b=($2)
  for i in 0 1 2; do
    if (( ${a[i]:-0} > ${b[i]:-0} )); then echo 1; return; fi
    if (( ${a[i]:-0} < ${b[i]:-0} )); then echo -1; return; fi
  done
  echo 0
}
semver_bump() {
  local IFS=. v=($1)
  case $2 in
    major) echo "$((v[0]+1)).0.0" ;;
    minor) echo "${v[0]}.$((v[1]+1)).0" ;;
    patch) echo "${v[0]}.${v[1]}.$((v[2]+1))" ;;
  esac
}
''',
    "test/semver.bats": '''#!/usr/bin/env bats

setup() { source "$BATS_TEST_DIRNAME/../lib/semver.sh"; }

@test "equal versions" { run semver_cmp 1.2.3 1.2.3; [ "$output" = "0" ]; }
@test "major wins" { run semver_cmp 2.0.0 1.9.9; [ "$output" = "1" ]; }
@test "minor compare" { run semver_cmp 1.2.0 1.10.0; [ "$output" = "-1" ]; }
@test "missing patch counts as zero" { run semver_cmp 1.2 1.2.0; [ "$output" = "0" ]; }
@test "prerelease sorts before release" { run semver_cmp 1.0.0-rc.1 1.0.0; [ "$output" = "-1" ]; }
@test "bump major" { run semver_bump 1.4.2 major; [ "$output" = "2.0.0" ]; }
@test "bump minor" { run semver_bump 1.4.2 minor; [ "$output" = "1.5.0" ]; }
@test "bump patch" { run semver_bump 1.4.2 patch; [ "$output" = "1.4.3" ]; }
@test "bump rejects unknown part" { run semver_bump 1.4.2 build; [ "$status" -ne 0 ]; }
@test "bump keeps build metadata" { run semver_bump 1.4.2+sha.5114f85 patch; [ "$output" = "1.4.3+sha.5114f85" ]; }
''',
}


def native(tmp: Path) -> None:
    c = tmp / "ringtool"
    write_tree(c, C_FILES)
    cap("make-k-ringtool-errors", "make -k 2>&1", c, n_make)
    if have("cppcheck", "cppcheck"):
        cap("cppcheck-enable-all-ringtool", "cppcheck --enable=all --inconclusive --std=c11 . 2>&1", c, n_cppcheck)
    s = tmp / "ops"
    write_tree(s, SCRIPTS)
    cap("shellcheck-ops-scripts", "shellcheck -x deploy.sh backup.sh lib/semver.sh", s, n_shellcheck)
    if have("bats", "bats-tap"):
        cap("bats-tap-semver", "bats --tap test 2>&1", s, n_bats)


# ------------------------------------------------------------------ terraform, kustomize

TF_SITES = """terraform {
  required_version = ">= 1.5"
}

variable "sites" {
  type = map(object({ region = string, replicas = number, cdn = bool }))
  default = {
""" + "".join(f'    site{i:02d} = {{ region = "{["eu-west", "eu-west", "eu-central", "us-east"][i % 4]}", '
              f'replicas = {1 + i % 3}, cdn = {"true" if i % 5 else "false"} }}\n' for i in range(1, 19)) + """  }
}

resource "terraform_data" "site" {
  for_each = var.sites
  input = {
    name     = "shop-${each.key}"
    region   = each.value.region
    replicas = each.value.replicas
  }
}

resource "terraform_data" "cdn" {
  for_each         = { for k, s in var.sites : k => s if s.cdn }
  input            = "${each.key}.cdn.example.net"
  triggers_replace = [terraform_data.site[each.key].id]
}

resource "terraform_data" "dns_zone" {
  input = { zone = "shop.example.net", records = length(var.sites) }
}

output "cdn_hosts" {
  value = [for k, c in terraform_data.cdn : c.output]
}
"""

KUSTOMIZE = {
    "base/kustomization.yaml": "resources:\n  - deployment.yaml\n  - service.yaml\n  - cronjob.yaml\n"
                               "configMapGenerator:\n  - name: shop-config\n    literals:\n      - LOG_LEVEL=info\n"
                               "      - CART_TTL=3600\n",
    "base/deployment.yaml": "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: shop-web\nspec:\n  replicas: 2\n"
                            "  selector:\n    matchLabels: {app: shop-web}\n  template:\n    metadata:\n      labels: {app: shop-web}\n"
                            "    spec:\n      containers:\n        - name: web\n          image: registry.example.net/shop/web:1.8.2\n"
                            "          ports: [{containerPort: 8080}]\n          envFrom: [{configMapRef: {name: shop-config}}]\n"
                            "          resources: {requests: {cpu: 100m, memory: 128Mi}, limits: {memory: 256Mi}}\n"
                            "        - name: metrics\n          image: registry.example.net/shop/exporter:0.4.0\n",
    "base/service.yaml": "apiVersion: v1\nkind: Service\nmetadata:\n  name: shop-web\nspec:\n  selector: {app: shop-web}\n"
                         "  ports: [{port: 80, targetPort: 8080}]\n",
    "base/cronjob.yaml": "apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: cart-sweeper\nspec:\n  schedule: '*/15 * * * *'\n"
                         "  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n"
                         "          containers:\n            - name: sweep\n              image: registry.example.net/shop/web:1.8.2\n"
                         "              args: [sweep-carts]\n",
    "overlays/prod/kustomization.yaml": "namespace: shop-prod\nnamePrefix: prod-\nresources:\n  - ../../base\n  - hpa.yaml\n"
                                        "images:\n  - name: registry.example.net/shop/web\n    newTag: 1.9.0\n"
                                        "replicas:\n  - name: shop-web\n    count: 6\n"
                                        "configMapGenerator:\n  - name: shop-config\n    behavior: merge\n    literals:\n"
                                        "      - LOG_LEVEL=warn\n      - FEATURE_WISHLIST=true\n"
                                        "labels:\n  - pairs: {team: storefront, env: prod}\n    includeSelectors: true\n",
    "overlays/prod/hpa.yaml": "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: shop-web\nspec:\n"
                              "  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: shop-web}\n  minReplicas: 6\n"
                              "  maxReplicas: 24\n  metrics:\n    - type: Resource\n      resource: {name: cpu, target: "
                              "{type: Utilization, averageUtilization: 65}}\n",
}


def infra(tmp: Path) -> None:
    if have("terraform", "terraform-plan"):
        d = tmp / "tf-sites"
        write_tree(d, {"main.tf": TF_SITES})
        env = {**TF_ENV, "TF_DATA_DIR": str(d / ".terraform")}
        run("terraform init -input=false -no-color", cwd=d, env=env, timeout=120)
        cap("terraform-plan-sites", "terraform plan -no-color 2>&1", d, n_tf_plan, env=env, timeout=300)
        run("terraform apply -auto-approve -no-color", cwd=d, env=env, timeout=300)
        cap("terraform-show-json-sites", "terraform show -json", d, n_tf_show_json, env=env)
    if have("kubectl", "kustomize-build"):
        k = tmp / "shop-k8s"
        write_tree(k, KUSTOMIZE)
        cap("kustomize-build-prod", "kubectl kustomize overlays/prod", k, n_kustomize)


STEPS = [native, infra]
