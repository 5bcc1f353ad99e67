"""Round 64, the native, JVM, PHP, CI and network tools: cpplint, flawfinder and cachegrind + cg_annotate on a hive
scale's firmware written here in C (`scaled`, with unsafe string handling and a slow smoothing loop put in);
checkstyle on the apiary portal's Java export classes; phpcs and phpmd on its PHP order pages; zizmor on its GitHub
workflows; tcpdump on loopback traffic generated here (a local HTTP server polled by scale uploads, a refused port).
Each kind's extractor is round 24's, imported. Run through capture_wide64.py."""

from __future__ import annotations

import time
from pathlib import Path

import capture_more as cm
from capture_more import run, write_tree
from capture_wide24_langs import N_CHECKSTYLE, N_PHPCS, N_PHPMD
from capture_wide24_sys import N_CG_ANNOTATE, N_CPPLINT, N_FLAWFINDER, N_FLAWFINDER_COLUMNS, N_TCPDUMP, N_ZIZMOR
from capture_wide64 import add, cap

# ------------------------------------------------------------------ scaled: a hive scale's firmware in C

SCALE_H = """#ifndef SCALE_H
#define SCALE_H
#include <stddef.h>
typedef struct { char hive[8]; double kg[4096]; int n; char label[32]; } series_t;
int load_series(const char *path, series_t *s);
double smooth(const series_t *s, int window, double *out);
void format_report(const series_t *s, char *buf);
int upload(const char *host, const char *payload);
#endif
"""

SCALE_C = r"""#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "scale.h"

static char last_error[64];

int load_series(const char *path, series_t *s) {
  FILE *f = fopen(path, "r");
  char line[128];
  if (!f) { sprintf(last_error, "cannot open %s", path); return -1; }
  s->n = 0;
  while (fgets(line, sizeof line, f)) {
    char hive[16];
    double kg;
    if (sscanf(line, "%s %lf", hive, &kg) != 2) continue;
    strcpy(s->hive, hive);
    s->kg[s->n++] = kg;
  }
  fclose(f);
  return s->n;
}

/* a moving average recomputed from scratch at every point: the slow path */
double smooth(const series_t *s, int window, double *out) {
  double total = 0;
  for (int i = 0; i < s->n; i++) {
    double acc = 0;
    int from = i - window < 0 ? 0 : i - window;
    for (int j = from; j <= i; j++) {
      for (int k = 0; k < 8; k++) acc += s->kg[j] / 8.0;
    }
    out[i] = acc / (i - from + 1);
    total += out[i];
  }
  return total / s->n;
}

void format_report(const series_t *s, char *buf) {
  char tmp[40];
  strcpy(buf, "hive ");
  strcat(buf, s->hive);
  sprintf(tmp, " n=%d label=%s", s->n, s->label);
  strcat(buf, tmp);
}
"""

UPLOAD_C = r"""#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "scale.h"

int upload(const char *host, const char *payload) {
  char cmd[256];
  char *proxy = getenv("SCALE_PROXY");
  sprintf(cmd, "curl -s -d '%s' http://%s/upload", payload, host);
  if (proxy) strcat(cmd, proxy);
  return system(cmd);
}

int read_pin(char *pin) {
  printf("pin: ");
  gets(pin);
  return atoi(pin);
}

void tmpname(char *out) {
  char *t = tmpnam(NULL);
  strncpy(out, t, 20);
  char *cfg = getenv("HOME");
  memcpy(out, cfg, strlen(cfg));
}
"""

MAIN_C = r"""#include <stdio.h>
#include <stdlib.h>
#include "scale.h"

static series_t S;
static double OUT[4096];

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 4000;
  srand(64);
  strcpy(S.hive, "HV06");
  for (int i = 0; i < n; i++) S.kg[i] = 40.0 + (rand() % 1000) / 100.0;
  S.n = n;
  double m = 0;
  for (int r = 0; r < 3; r++) m += smooth(&S, 48, OUT);
  char buf[128];
  format_report(&S, buf);
  printf("%s mean=%.3f\n", buf, m / 3);
  return 0;
}
"""

CALIB_CC = r"""// calibration tables for the load cells
#include <vector>
#include <string>
#include <map>
using namespace std;

class Calibration {
 public:
  Calibration(double zero) : zero_(zero) {}
  double apply(double raw) { return (raw - zero_) * gain_; }
  void set_gain(double g) { gain_=g; }
  map<string,double> table() const;
 private:
  double zero_;
  double gain_ = 1.0;
};

map<string,double> Calibration::table() const
{
    map<string,double> t;
    for(int i=0;i<10;i++){ t[to_string(i)] = zero_ + i*gain_; }
    return t;
}

long to_grams(double kg) { return (long)(kg*1000); }
"""


def scaled(tmp: Path) -> Path:
    d = tmp / "scaled"
    write_tree(d, {"src/scale.h": SCALE_H, "src/scale.c": SCALE_C, "src/upload.c": UPLOAD_C, "src/main.c": MAIN_C,
                   "src/calib.cc": CALIB_CC})
    return d


def c_tools(tmp: Path) -> None:
    d = scaled(tmp)
    cap("cpplint-recursive-scaled", "cpplint --recursive src 2>&1", d, N_CPPLINT)
    cap("cpplint-scaled-filter-exit", "cpplint --filter=-legal/copyright,-build/include_subdir src/*.c src/*.cc "
        "src/*.h; echo EXIT=$?", d, N_CPPLINT)
    cap("flawfinder-scaled", "flawfinder src 2>&1", d, N_FLAWFINDER)
    cap("flawfinder-columns-context-scaled", "flawfinder --columns --context --minlevel=1 src 2>&1", d,
        N_FLAWFINDER_COLUMNS)
    run("gcc -O0 -g -o scale_g src/main.c src/scale.c 2>/dev/null", cwd=d)
    cap("cachegrind-annotate-scaled", "valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=cg.out "
        "./scale_g 3000 > /dev/null 2>&1; cg_annotate cg.out 2>&1 | head -n 120", d, N_CG_ANNOTATE, timeout=400)
    cap("cachegrind-annotate-scale-c", "cg_annotate cg.out src/scale.c 2>&1 | tail -n 80", d, N_CG_ANNOTATE)


# ------------------------------------------------------------------ the apiary portal: Java export, PHP pages

JAVA_SRC = """package apiary.export;

import java.util.*;
import java.io.*;

public class hive_export {
    public static final int maxRows = 500;
    private String Path;
    protected List<String> rows = new ArrayList<String>();

    public hive_export(String Path) { this.Path = Path; }

    public void add(String hive, double kg, int week){
        if(kg < 0) return;
        rows.add(hive + "," + kg + "," + week);
    }

    public int write() throws IOException {
        FileWriter w = new FileWriter(Path);
        try {
            for (int i=0;i<rows.size();i++) { w.write(rows.get(i)); w.write("\\n"); }
        } catch (Exception e) {
        }
        w.close();
        return rows.size();
    }

    public String summary(int Weeks, double threshold, boolean verbose, String unit, String label, int limit) {
        String s = "";
        for (String r : rows) {
            if (r.length() > 120) { s = s + r.substring(0, 120); } else s = s + r;
            if (verbose) System.out.println(r);
        }
        switch (Weeks) {
            case 1: s += " one week";
            case 2: s += " two weeks"; break;
        }
        return s + unit + label + threshold + limit;
    }
}
"""


def java_src(i: int) -> str:
    return JAVA_SRC.replace("hive_export", f"hive_export{i}")


PHP_ORDERS = """<?php
namespace Apiary\\Shop;
class order_page {
    var $db;
    public $Items = array();
    function __construct($db){ $this->db=$db; }
    public function total($order_id, $discount = 0, $ship = true, $gift = false, $note = '', $coupon = null){
        $sum = 0;
        $unused = 42;
        foreach($this->Items as $k=>$item) {
            if($item['order'] == $order_id){
                $sum += $item['price']*$item['qty'];
            }
            else { continue; }
        }
        if ($ship) { if ($sum < 30) { if ($gift) { $sum += 2; } else { $sum += 4.5; } } }
        return $sum - $discount;
    }
    public function find($id) {
        $q = "SELECT * FROM orders WHERE id = " . $_GET['id'];
        return $this->db->query($q);
    }
    private function old_format($x) { return sprintf('%05d', $x); }
    public function Render( $id ){
        echo "<h1>Order $id</h1>";
        $r = $this->find($id);
        if ($r == false) { exit(1); }
        return $r;
    }
}
function jar_label($kg){return number_format($kg,2).' kg';}
"""


def portal(tmp: Path) -> Path:
    d = tmp / "portal"
    files = {f"src/main/java/apiary/export/hive_export{i}.java": java_src(i) for i in range(1, 4)}
    files.update({f"shop/OrderPage{i}.php": PHP_ORDERS.replace("order_page", f"order_page{i}") for i in range(1, 6)})
    write_tree(d, files)
    return d


def java_php(tmp: Path) -> None:
    d = portal(tmp)
    cap("checkstyle-google-portal", "checkstyle -c /google_checks.xml src/main/java 2>&1", d, N_CHECKSTYLE)
    cap("checkstyle-sun-portal-tail", "checkstyle -c /sun_checks.xml src/main/java 2>&1 | tail -n 60", d, N_CHECKSTYLE)
    cap("checkstyle-sun-portal-one-exit", "checkstyle -c /sun_checks.xml "
        "src/main/java/apiary/export/hive_export1.java; echo EXIT=$?", d, N_CHECKSTYLE)
    cap("phpcs-psr12-portal", "phpcs --standard=PSR12 shop 2>&1", d, N_PHPCS)
    cap("phpcs-psr2-portal-one-exit", "phpcs --standard=PSR2 shop/OrderPage1.php; echo EXIT=$?", d, N_PHPCS)
    cap("phpcs-squiz-portal-head", "phpcs --standard=Squiz shop/OrderPage3.php 2>&1 | head -n 80", d, N_PHPCS)
    cap("phpmd-text-portal", "phpmd shop text cleancode,codesize,design,naming,unusedcode 2>&1", d, N_PHPMD)
    cap("phpmd-text-portal-unused-exit", "phpmd shop/OrderPage2.php text unusedcode,naming; echo EXIT=$?", d,
        N_PHPMD)


# ------------------------------------------------------------------ CI workflows

DEPLOY_YML = """name: deploy
on:
  pull_request_target:
    types: [opened, synchronize]
  workflow_run:
    workflows: [build]
    types: [completed]
permissions: write-all
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          ref: ${{ github.event.pull_request.head.sha }}
      - name: Greet
        run: echo "deploying ${{ github.event.pull_request.title }} by ${{ github.head_ref }}"
      - uses: actions/cache@v4
        with:
          path: ~/.cache/pip
          key: pip-${{ hashFiles('**/requirements.txt') }}
      - run: pip install -r requirements.txt && ./deploy.sh
        env:
          API_TOKEN: ${{ secrets.API_TOKEN }}
      - uses: docker://alpine:latest
      - uses: some-org/upload-action@main
        with:
          token: ${{ secrets.GITHUB_TOKEN }}
"""

NIGHTLY_YML = """name: nightly
on:
  schedule:
    - cron: '0 2 * * *'
  issue_comment:
    types: [created]
jobs:
  report:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v3
      - uses: actions/setup-python@v5
      - name: Comment
        run: |
          echo "${{ github.event.comment.body }}" > comment.txt
          python report.py --title "${{ github.event.issue.title }}"
      - name: Env
        run: echo "WEEK=${{ github.event.comment.user.login }}" >> $GITHUB_ENV
  publish:
    runs-on: ubuntu-latest
    needs: report
    permissions:
      contents: write
      id-token: write
    steps:
      - uses: actions/checkout@v4
      - uses: pypa/gh-action-pypi-publish@release/v1
      - uses: actions/upload-artifact@v4
        with:
          path: .
"""


def ci(tmp: Path) -> None:
    d = tmp / "portal-ci"
    write_tree(d, {".github/workflows/deploy.yml": DEPLOY_YML, ".github/workflows/nightly.yml": NIGHTLY_YML})
    run("git init -q . && git add -A", cwd=d, env={"HOME": str(tmp)})
    cap("zizmor-offline-deploy", "zizmor --offline --no-progress .github/workflows/deploy.yml 2>&1", d, N_ZIZMOR)
    cap("zizmor-offline-pedantic-all", "zizmor --offline --no-progress --persona pedantic .github/workflows 2>&1", d,
        N_ZIZMOR)


# ------------------------------------------------------------------ packets on loopback


def packets(tmp: Path) -> None:
    """Scale uploads to a local HTTP server, a poll of a closed port (reset), then a UDP beacon to a listener."""
    d = tmp / "net"
    write_tree(d, {"status.json": '{"hives": 14, "ok": true}\n' * 30})
    port = 21000 + int(time.time()) % 900
    srv = cm.start(f"python3 -m http.server {port} --bind 127.0.0.1", cwd=d)
    time.sleep(1.0)
    dump = cm.start(f"tcpdump -nn -i lo -c 500 -l 'tcp port {port} or tcp port {port + 9}' > trace1.txt 2>&1", cwd=d)
    time.sleep(1.5)
    for i in range(9):
        run(f"curl -s -o /dev/null http://127.0.0.1:{port}/status.json?hive=HV{i:02d}", cwd=d, timeout=10)
        if i == 4:
            run(f"curl -s -o /dev/null http://127.0.0.1:{port + 9}/upload", cwd=d, timeout=10)
    run(f"curl -s -o /dev/null -X POST -d 'kg=41.2' http://127.0.0.1:{port}/upload", cwd=d, timeout=10)
    time.sleep(1.5)
    cm.stop(dump)
    add("tcpdump-lo-scale-uploads", f"tcpdump -nn -i lo -c 500 'tcp port {port} or tcp port {port + 9}'",
        (d / "trace1.txt").read_text(), N_TCPDUMP)
    dump = cm.start(f"tcpdump -nn -v -i lo -c 200 -l 'tcp port {port}' > trace2.txt 2>&1", cwd=d)
    time.sleep(1.5)
    for i in range(4):
        run(f"curl -s -o /dev/null http://127.0.0.1:{port}/hive/{i}", cwd=d, timeout=10)
    time.sleep(1.5)
    cm.stop(dump)
    cm.stop(srv)
    add("tcpdump-v-lo-404s", f"tcpdump -nn -v -i lo -c 200 'tcp port {port}'", (d / "trace2.txt").read_text(),
        N_TCPDUMP)


STEPS = [c_tools, java_php, ci, packets]
