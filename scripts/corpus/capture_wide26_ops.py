"""Round 26, operations: cachegrind + cg_annotate on two small C programs written here (a word counter with too
few hash buckets, a Mandelbrot renderer); mix compile on an Elixir project with warnings (a pantry); kustomize on
two overlays of a written map-tiles app; zizmor on two written workflows (a release, a docs preview); a loopback
packet trace of a line protocol (an echo server, one session to a closed port) and one of UDP (a reversing echo,
two datagrams to a closed port); go test on a third Go module (a slug maker). Each kind's extractor is the earlier round's, imported. Run through capture_wide26.py."""

from __future__ import annotations

import time
from pathlib import Path

import capture_more as cm
from capture_more import have, run, write_tree
from capture_wide10_eco import n_kustomize
from capture_wide10_langs2 import n_mix_compile
from capture_wide15_langs import n_go_test
from capture_wide24_sys import N_CG_ANNOTATE, N_TCPDUMP, N_ZIZMOR
from capture_wide26 import add, cap

# ------------------------------------------------------------------ C: cachegrind + cg_annotate

WORDFREQ_C = r'''#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>

#define BUCKETS 64  /* far too few: long chains, the hot spot */

struct entry { char word[32]; int count; struct entry *next; };
static struct entry *table[BUCKETS];

static unsigned hash(const char *s) { unsigned h = 0; while (*s) h = h * 31 + (unsigned char)*s++; return h; }

static void count(const char *w) {
    unsigned b = hash(w) % BUCKETS;
    for (struct entry *e = table[b]; e; e = e->next)
        if (strcmp(e->word, w) == 0) { e->count++; return; }
    struct entry *e = calloc(1, sizeof *e);
    strncpy(e->word, w, sizeof e->word - 1);
    e->count = 1; e->next = table[b]; table[b] = e;
}

static void lower(char *s) { for (; *s; s++) *s = (char)tolower((unsigned char)*s); }

static int by_count(const void *a, const void *b) {
    return (*(struct entry *const *)b)->count - (*(struct entry *const *)a)->count;
}

int main(void) {
    char w[32];
    for (int i = 0; i < 400000; i++) {
        snprintf(w, sizeof w, "Word%d", (i * 7919) % 5000);
        lower(w);
        count(w);
    }
    struct entry *all[6000]; int n = 0;
    for (int b = 0; b < BUCKETS; b++) for (struct entry *e = table[b]; e; e = e->next) all[n++] = e;
    qsort(all, n, sizeof all[0], by_count);
    for (int i = 0; i < 5; i++) printf("%s %d\n", all[i]->word, all[i]->count);
    return 0;
}
'''

MANDEL_C = r'''#include <stdio.h>
#include <complex.h>

static int escape(double complex c, int limit) {
    double complex z = 0;
    for (int i = 0; i < limit; i++) { z = z * z + c; if (cabs(z) > 2.0) return i; }
    return limit;
}

static void row(char *out, double y, int w) {
    for (int x = 0; x < w; x++) {
        int k = escape(-2.2 + 3.0 * x / w + y * I, 120);
        out[x] = " .:-=+*#%@"[k % 10];
    }
    out[w] = 0;
}

static long checksum(const char *s) { long h = 7; while (*s) h = h * 131 + *s++; return h; }

int main(void) {
    char line[161]; long sum = 0;
    for (int y = 0; y < 90; y++) { row(line, -1.2 + 2.4 * y / 90, 160); sum += checksum(line); }
    printf("%ld\n", sum);
    return 0;
}
'''


def profiles(tmp: Path) -> None:
    d = tmp / "cg"
    write_tree(d, {"wordfreq.c": WORDFREQ_C, "mandel.c": MANDEL_C})
    for prog in ("wordfreq", "mandel"):
        run(f"gcc -O1 -g -o {prog} {prog}.c -lm", cwd=d)
    cap("cachegrind-annotate-wordfreq", "valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=cg.wf "
        "./wordfreq > /dev/null 2>&1; cg_annotate cg.wf wordfreq.c 2>&1 | head -n 200", d, N_CG_ANNOTATE,
        timeout=300)
    cap("cachegrind-annotate-mandel-auto", "valgrind --tool=cachegrind --cachegrind-out-file=cg.mb ./mandel "
        "> /dev/null 2>&1; cg_annotate --auto=no cg.mb 2>&1", d, N_CG_ANNOTATE, timeout=300)


# ------------------------------------------------------------------ Elixir: mix compile warnings

ELIXIR_LIB = '''defmodule Pantry do
  @moduledoc "Pantry stock: items, expiry and shopping lists."

  defstruct items: %{}, log: []

  def add(%Pantry{items: items} = p, name, qty, expires) do
    unused_note = "restocked"
    %{p | items: Map.update(items, name, {qty, expires}, fn {q, e} -> {q + qty, e} end)}
  end

  def take(%Pantry{items: items} = p, name, qty) do
    case Map.fetch(items, name) do
      {:ok, {q, e}} when q >= qty -> {:ok, %{p | items: Map.put(items, name, {q - qty, e})}}
      {:ok, {q, _e}} -> {:error, {:short, q}}
      :error -> {:error, :unknown}
      other -> other
    end
  end

  def expired(%Pantry{items: items}, today) do
    for {name, {_q, exp}} <- items, Date.compare(exp, today) == :lt, do: name
  end

  def shopping_list(p, wanted) do
    Enum.filter(wanted, fn {name, min} -> qty(p, name) < min end)
    |> Enum.map(fn {name, _} -> String.capitalize(name) end)
  end

  defp qty(%Pantry{items: items}, name), do: elem(Map.get(items, name, {0, nil}), 0)

  def report(p) do
    Logger.info("pantry has #{map_size(p.items)} items")
    HashDict.new()
    Pantry.Labels.print(p)
  end

  def report(p, _opts), do: report(p)

  defp unused_helper(x), do: x * 2
end
'''

ELIXIR_LIB2 = '''defmodule Pantry.Recipes do
  def needs(recipe, servings) do
    scale = servings / recipe.servings
    Enum.map(recipe.items, fn {name, qty} -> {name, round(qty * scale)} end)
  end

  def cookable?(pantry, recipe, servings) do
    missing = for {name, qty} <- needs(recipe, servings), Pantry.qty(pantry, name) < qty, do: name
    missing == []
  end

  def favourite(recipes) do
    recipes |> Enum.sort_by(& &1.rating) |> List.last
  end

  def parse(line) do
    [name, servings | rest] = String.split(line, ";")
    %{name: name, servings: String.to_integer(servings), items: rest}
  end
end
'''


def elixir(tmp: Path) -> None:
    if not have("mix", "mix-compile"):
        return
    menv = {"MIX_HOME": str(tmp / "mix"), "HEX_OFFLINE": "1"}
    run("mix new pantry", cwd=tmp, env=menv, timeout=120)
    e = tmp / "pantry"
    write_tree(e, {"lib/pantry.ex": ELIXIR_LIB, "lib/pantry/recipes.ex": ELIXIR_LIB2})
    cap("mix-compile-force-pantry", "mix compile --force 2>&1", e, n_mix_compile, env=menv, timeout=300)
    cap("mix-compile-warnings-as-errors-pantry", "mix compile --force --warnings-as-errors 2>&1", e, n_mix_compile,
        env=menv, timeout=300)


# ------------------------------------------------------------------ Kubernetes, CI, packets

def _deploy(name: str, image: str, port: int, extra: str = "") -> str:
    return (f"apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {name}\nspec:\n  replicas: 1\n  selector:\n"
            f"    matchLabels: {{app: {name}}}\n  template:\n    metadata:\n      labels: {{app: {name}}}\n    spec:\n"
            f"      containers:\n        - name: {name}\n          image: {image}\n          ports: [{{containerPort: "
            f"{port}}}]\n          envFrom: [{{configMapRef: {{name: tiles-config}}}}]\n{extra}")


TILES = {
    "base/kustomization.yaml": "resources:\n  - render.yaml\n  - cache.yaml\n  - api.yaml\n  - services.yaml\n"
                               "  - pdb.yaml\nconfigMapGenerator:\n  - name: tiles-config\n    literals:\n"
                               "      - TILE_SIZE=256\n      - MAX_ZOOM=18\n      - CACHE_TTL=86400\n"
                               "secretGenerator:\n  - name: tiles-db\n    literals:\n      - DB_USER=tiles\n",
    "base/render.yaml": _deploy("render", "ghcr.io/example/tiles-render:2.3.0", 8081,
                                "          resources: {requests: {cpu: 500m, memory: 1Gi}, limits: {memory: 2Gi}}\n"),
    "base/cache.yaml": _deploy("cache", "docker.io/library/varnish:7.5", 6081),
    "base/api.yaml": _deploy("api", "ghcr.io/example/tiles-api:2.3.0", 8080,
                             "          readinessProbe: {httpGet: {path: /healthz, port: 8080}}\n"),
    "base/services.yaml": "\n---\n".join(
        f"apiVersion: v1\nkind: Service\nmetadata:\n  name: {n}\nspec:\n  selector: {{app: {n}}}\n  ports: [{{port: {p}, "
        f"targetPort: {p}}}]\n" for n, p in (("render", 8081), ("cache", 6081), ("api", 8080))),
    "base/pdb.yaml": "apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: render\nspec:\n"
                     "  minAvailable: 1\n  selector:\n    matchLabels: {app: render}\n",
    "overlays/staging/kustomization.yaml": "namespace: tiles-staging\nnameSuffix: -stg\nresources:\n  - ../../base\n"
                                           "images:\n  - name: ghcr.io/example/tiles-api\n    newTag: 2.4.0-rc1\n"
                                           "patches:\n  - target: {kind: Deployment, name: render}\n    patch: |-\n"
                                           "      - op: replace\n        path: /spec/replicas\n        value: 2\n"
                                           "labels:\n  - pairs: {env: staging}\n",
    "overlays/eu-prod/kustomization.yaml": "namespace: tiles-eu\nnamePrefix: eu-\nresources:\n  - ../../base\n"
                                           "  - ingress.yaml\nreplicas:\n  - name: render\n    count: 12\n"
                                           "  - name: api\n    count: 4\ncommonAnnotations:\n"
                                           "  owner: maps-platform\nconfigMapGenerator:\n  - name: tiles-config\n"
                                           "    behavior: merge\n    literals:\n      - MAX_ZOOM=20\n"
                                           "      - REGION=eu-west\n",
    "overlays/eu-prod/ingress.yaml": "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: tiles\nspec:\n"
                                     "  rules:\n    - host: tiles.example.eu\n      http:\n        paths:\n"
                                     "          - path: /\n            pathType: Prefix\n            backend:\n"
                                     "              service: {name: cache, port: {number: 6081}}\n",
}

RELEASE_WF = '''name: release
on:
  push:
    tags: ["v*"]
  workflow_run:
    workflows: [ci]
    types: [completed]
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          ref: ${{ github.event.workflow_run.head_branch }}
      - uses: actions/setup-node@v4
        with:
          node-version: 20
          cache: npm
      - run: npm ci && npm run build
      - uses: actions/upload-artifact@v3
        with:
          name: dist
          path: dist
  publish:
    needs: build
    runs-on: ubuntu-latest
    permissions:
      contents: write
      id-token: write
      packages: write
    steps:
      - uses: actions/download-artifact@v3
      - name: notes
        run: echo "Release ${{ github.event.workflow_run.head_commit.message }}" > notes.md
      - uses: softprops/action-gh-release@v1
        with:
          files: dist/*
      - run: npm publish
        env:
          NODE_AUTH_TOKEN: ${{ secrets.NPM_TOKEN }}
'''

DOCS_WF = '''name: docs
on:
  pull_request:
  issues:
    types: [opened, edited]
jobs:
  preview:
    runs-on: ubuntu-22.04
    steps:
      - uses: actions/checkout@main
        with:
          persist-credentials: true
      - uses: actions/setup-python@v4
      - run: pip install mkdocs-material
      - name: label
        run: |
          title="${{ github.event.issue.title }}"
          echo "TITLE=$title" >> "$GITHUB_ENV"
          curl -s https://example.org/install.sh | bash
      - run: mkdocs build --strict
      - uses: peaceiris/actions-gh-pages@v3
        with:
          github_token: ${{ secrets.GITHUB_TOKEN }}
          publish_dir: ./site
  triage:
    if: ${{ github.event_name == 'issues' }}
    runs-on: ubuntu-latest
    permissions: write-all
    steps:
      - uses: actions/github-script@v6
        with:
          script: |
            const body = `${{ github.event.issue.body }}`
            core.info(body)
'''


def infra(tmp: Path) -> None:
    if have("kubectl", "kustomize-build"):
        k = tmp / "tiles-k8s"
        write_tree(k, TILES)
        cap("kustomize-build-tiles-staging", "kubectl kustomize overlays/staging", k, n_kustomize)
        cap("kustomize-build-tiles-eu-prod", "kubectl kustomize overlays/eu-prod", k, n_kustomize)
    w = tmp / "mapkit"
    write_tree(w, {".github/workflows/release.yml": RELEASE_WF, ".github/workflows/docs.yml": DOCS_WF})
    run("git init -q . && git add -A", cwd=w, env={"HOME": str(tmp)})
    cap("zizmor-offline-release", "zizmor --offline --no-progress .github/workflows/release.yml 2>&1", w, N_ZIZMOR)
    cap("zizmor-offline-pedantic-docs", "zizmor --offline --no-progress --persona pedantic "
        ".github/workflows/docs.yml 2>&1", w, N_ZIZMOR)


ECHO_SRV = '''import socketserver, sys

class Echo(socketserver.StreamRequestHandler):
    def handle(self):
        for line in self.rfile:
            if line.strip() == b"QUIT":
                break
            self.wfile.write(line.upper())

socketserver.ThreadingTCPServer.allow_reuse_address = True
socketserver.ThreadingTCPServer(("127.0.0.1", int(sys.argv[1])), Echo).serve_forever()
'''


def packets(tmp: Path) -> None:
    """A loopback trace of a line protocol: a few sessions to an echo server, one to a port nobody listens on."""
    d = tmp / "echo"
    write_tree(d, {"echo.py": ECHO_SRV})
    port = 19000 + int(time.time()) % 900
    cm.start(f"python3 echo.py {port}", cwd=d)
    time.sleep(1.0)
    dump = cm.start(f"tcpdump -nn -i lo -c 300 -l 'tcp port {port} or tcp port {port + 7}' > trace.txt 2>&1", cwd=d)
    time.sleep(1.5)
    for i in range(9):
        run(f"printf 'hello {i}\\nstatus\\nQUIT\\n' | socat - TCP:127.0.0.1:{port}", cwd=d, timeout=10)
    run(f"socat /dev/null TCP:127.0.0.1:{port + 7}", cwd=d, timeout=10)
    time.sleep(1.5)
    cm.stop(dump)
    add("tcpdump-lo-echo", f"tcpdump -nn -i lo -c 300 'tcp port {port} or tcp port {port + 7}'",
        (d / "trace.txt").read_text(), N_TCPDUMP)


UDP_ECHO = '''import socket, sys

s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(("127.0.0.1", int(sys.argv[1])))
while True:
    data, peer = s.recvfrom(2048)
    s.sendto(data[::-1], peer)
'''


def datagrams(tmp: Path) -> None:
    """A loopback trace of UDP: queries to a reversing echo server, two to a port nobody listens on (ICMP back)."""
    d = tmp / "udp"
    write_tree(d, {"udp_echo.py": UDP_ECHO})
    port = 21000 + int(time.time()) % 900
    cm.start(f"python3 udp_echo.py {port}", cwd=d)
    time.sleep(1.0)
    dump = cm.start(f"tcpdump -nn -i lo -c 120 -l 'udp port {port} or udp port {port + 3} or icmp' > trace.txt 2>&1",
                    cwd=d)
    time.sleep(1.5)
    for i in range(24):
        run(f"echo 'reading {i} sensor-{i % 5}' | socat -T1 - UDP:127.0.0.1:{port}", cwd=d, timeout=10)
    for _ in range(2):
        run(f"echo ping | socat -T1 - UDP:127.0.0.1:{port + 3}", cwd=d, timeout=10)
    time.sleep(1.5)
    cm.stop(dump)
    add("tcpdump-lo-udp-echo", f"tcpdump -nn -i lo -c 120 'udp port {port} or udp port {port + 3} or icmp'",
        (d / "trace.txt").read_text(), N_TCPDUMP)


GO_SLUG = {
    "go.mod": "module example.org/slug\n\ngo 1.21\n",
    "slug.go": '''package slug

import (
	"strings"
	"unicode"
)

// Make lower-cases s and joins its words with dashes.
func Make(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)): // drops accented letters instead of folding them
			b.WriteRune(r)
			dash = false
		case !dash:
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.Trim(b.String(), "-")
}

// Truncate cuts a slug to at most n bytes, at a dash when it can.
func Truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	if i := strings.LastIndex(s[:n], "-"); i > 0 {
		return s[:i+1] // keeps the dash
	}
	return s[:n]
}
''',
    "slug_test.go": '''package slug

import "testing"

func TestMake(t *testing.T) {
	for in, want := range map[string]string{
		"Hello, World!": "hello-world", "  spaces  ": "spaces", "Crème brûlée": "creme-brulee",
		"Go 1.21 released": "go-1-21-released", "a--b": "a-b", "Ærøskøbing": "aeroskobing", "": "",
	} {
		if got := Make(in); got != want {
			t.Errorf("Make(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestTruncate(t *testing.T) {
	cases := []struct {
		in   string
		n    int
		want string
	}{{"hello-world-again", 12, "hello-world"}, {"short", 10, "short"}, {"nodasheshere", 6, "nodash"}}
	for _, c := range cases {
		if got := Truncate(c.in, c.n); got != c.want {
			t.Errorf("Truncate(%q, %d) = %q, want %q", c.in, c.n, got, c.want)
		}
	}
}
''',
}


def golang_slug(tmp: Path) -> None:
    if not have("go", "go-test"):
        return
    g = tmp / "slug"
    write_tree(g, GO_SLUG)
    genv = {"GOPATH": str(tmp / "gopath"), "GOCACHE": str(tmp / "gocache"), "GOFLAGS": None}
    cap("go-test-v-slug", "go test -v . 2>&1", g, n_go_test, env=genv)


STEPS = [profiles, elixir, infra, packets, datagrams, golang_slug]
