#!/usr/bin/env python3
"""Round 451: Go developer tooling beyond the corpus's Go kinds (shuffle, fuzz replay, pprof list/peek/traces,
-gcflags=-m=2, go list -deps errors, workspaces, go mod verify, a go test -json reader, a bench comparison,
cover -html) on small Go modules written here about a funicular; seeds 45110+. See NEEDLES.md, round 451.

Usage:   .venv/bin/python scripts/corpus/capture_wide451.py
Writes:  scripts/corpus/data/wide451.json, ids prefixed "wide451-".
"""
from __future__ import annotations

import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

TMP = Path("/dev/shm/hm-corpus-wide451")
OUT = HERE / "data" / "wide451.json"
SEED = 45110
S = cm.Sized(400, 120_000)
GOENV = {"GOPROXY": "off", "GOFLAGS": "-mod=mod", "GOWORK": None, "GOTOOLCHAIN": "local", "CGO_ENABLED": "0",
         "GOMODCACHE": str(TMP / "gomod"), "GOMAXPROCS": "2", "TERM": "dumb"}


def go(cmd: str, cwd: Path, item: str, ext, typed: str | None = None, env: dict | None = None) -> None:
    e = dict(GOENV)
    e.update(env or {})
    S.add(item, typed or cmd, cm.run(f"nice timeout 240 {cmd}", cwd=cwd, env=e, timeout=260), ext)


# ---------------------------------------------------------------- the funicular module
def funicular_src(rng: random.Random, n_cars: int) -> dict[str, str]:
    cars = ", ".join(f'{{Name: "car{i}", Mass: {rng.randint(8, 14) * 1000}, Seats: {rng.randint(40, 120)}}}'
                     for i in range(n_cars))
    return {
        "go.mod": "module example.com/funicular\n\ngo 1.19\n",
        "cable/cable.go": f'''package cable

import (
	"errors"
	"fmt"
	"math"
	"strings"
)

// Car is one of the funicular's two cars.
type Car struct {{
	Name  string
	Mass  int
	Seats int
}}

var Cars = []Car{{{cars}}}

// Tension is a shared running total the tests lean on (the order-dependence put in).
var Tension float64

var ErrSlack = errors.New("cable slack")

// Haul adds a car's pull on a grade (per mille) to the shared tension.
func Haul(c Car, grade int) float64 {{
	pull := float64(c.Mass) * 9.81 * math.Sin(math.Atan(float64(grade)/1000))
	Tension += pull
	return pull
}}

// Balance returns the counterweight needed; the bug: it reads the shared Tension.
func Balance(up, down Car, grade int) (float64, error) {{
	if Tension < 0 {{
		return 0, ErrSlack
	}}
	d := Haul(up, grade) - Haul(down, grade)
	return d + Tension/1e6, nil
}}

// ParseManifest reads "name:mass:seats;..." (the fuzz target; it panics on an empty field).
func ParseManifest(s string) ([]Car, error) {{
	var out []Car
	for _, part := range strings.Split(s, ";") {{
		f := strings.Split(part, ":")
		if len(f) != 3 {{
			return nil, fmt.Errorf("manifest field %q: want name:mass:seats", part)
		}}
		var m, seats int
		if _, err := fmt.Sscanf(f[1]+" "+f[2], "%d %d", &m, &seats); err != nil {{
			return nil, err
		}}
		_ = f[0][0] // a car must have a name: indexes an empty one
		out = append(out, Car{{Name: f[0], Mass: m, Seats: seats}})
	}}
	return out, nil
}}

// Sheaves spins the bull-wheel simulation: CPU for the profiles.
func Sheaves(n int) float64 {{
	s := 0.0
	for i := 1; i < n; i++ {{
		s += math.Sqrt(float64(i)) * math.Sin(float64(i))
	}}
	return s
}}

// Logbook allocates a trip log: heap for the profiles.
func Logbook(n int) []string {{
	var log []string
	for i := 0; i < n; i++ {{
		log = append(log, fmt.Sprintf("trip %d: car%d passed the loop at %d m", i, i%2, i*7%1200))
	}}
	return log
}}

func Counterweight(cars []Car) *Car {{
	best := &Car{{}}
	for i := range cars {{
		c := cars[i]
		if c.Mass > best.Mass {{
			best = &c
		}}
	}}
	return best
}}
''',
        "cable/cable_test.go": '''package cable

import (
	"testing"
)

func TestHaulRaisesTension(t *testing.T) {
	Tension = 0
	Haul(Cars[0], 480)
	if Tension <= 0 {
		t.Fatalf("tension %.1f after a haul, want > 0", Tension)
	}
}

func TestBalanceAtRest(t *testing.T) {
	got, err := Balance(Cars[0], Cars[0], 0)
	if err != nil {
		t.Fatal(err)
	}
	if got != 0 {
		t.Errorf("counterweight for equal cars on the flat = %.6f, want 0 (Tension left at %.1f)", got, Tension)
	}
}

func TestSlackCable(t *testing.T) {
	Tension = -1
	if _, err := Balance(Cars[0], Cars[1], 300); err != ErrSlack {
		t.Errorf("Balance with slack cable: err = %v, want ErrSlack", err)
	}
}

func TestManifestRoundTrip(t *testing.T) {
	cars, err := ParseManifest("upper:12000:90;lower:11800:88")
	if err != nil || len(cars) != 2 {
		t.Fatalf("ParseManifest: %v, %d cars", err, len(cars))
	}
}

func TestCounterweightHeaviest(t *testing.T) {
	if c := Counterweight(Cars); c.Mass == 0 {
		t.Error("no counterweight car chosen")
	}
}

func FuzzParseManifest(f *testing.F) {
	f.Add("upper:12000:90")
	f.Fuzz(func(t *testing.T, s string) {
		cars, err := ParseManifest(s)
		if err == nil && len(cars) == 0 {
			t.Errorf("no cars and no error for %q", s)
		}
	})
}

func BenchmarkSheaves(b *testing.B) {
	for i := 0; i < b.N; i++ {
		Sheaves(20000)
	}
}

func BenchmarkLogbook(b *testing.B) {
	for i := 0; i < b.N; i++ {
		Logbook(400)
	}
}

func BenchmarkHaul(b *testing.B) {
	for i := 0; i < b.N; i++ {
		Haul(Cars[i%len(Cars)], 480)
	}
}
''',
    }


# ---------------------------------------------------------------- extractors
def _pct_total(lines, pat=r"(?:Total|of)\s*:?\s*([\d.]+)(ms|s|MB|kB|B|GB|us)?\b"):
    return None


UNITS = {"ns": 1e-9, "us": 1e-6, "µs": 1e-6, "ms": 1e-3, "s": 1, "B": 1, "kB": 1e3, "KB": 1e3, "MB": 1e6, "GB": 1e9}


def _val(tok: str) -> float | None:
    m = re.fullmatch(r"(\d[\d.]*)(ns|us|µs|ms|s|B|kB|KB|MB|GB)?", tok)
    if not m:
        return None
    return float(m.group(1)) * UNITS.get(m.group(2) or "", 1)


@cm.kind("go-test-shuffle", "test")
def n_shuffle(lines):
    """seed line, --- FAIL lines, first _test.go:N message after each, panic lines, closing FAIL/ok lines"""
    out = []
    for i, ln in enumerate(lines):
        if "-test.shuffle" in ln or ln.startswith("panic:") or "--- FAIL:" in ln:
            out.append(ln.strip())
            if "--- FAIL:" in ln:
                out.append((cm.next_match(lines, i, r"_test\.go:\d+:") or "").strip() or None)
        elif re.match(r"^(FAIL|ok)\s+\S", ln) or ln.strip() == "FAIL":
            out.append(ln.strip())
    return out


@cm.kind("go-test-fuzz-replay", "test")
def n_fuzz_replay(lines):
    """--- FAIL lines, panic/_test.go:N messages, first own .go:N frame after each panic, closing FAIL lines"""
    out = []
    for i, ln in enumerate(lines):
        s = ln.strip()
        if "--- FAIL:" in ln or re.search(r"_test\.go:\d+:", ln) and not s.startswith("/"):
            out.append(s)
        elif s.startswith("panic:"):
            out.append(s)
            out.append((cm.next_match(lines, i, r"funicular/.*\.go:\d+", 12) or "").strip() or None)
        elif re.match(r"^FAIL\s+\S", ln) or s == "FAIL":
            out.append(s)
    return out


@cm.kind("go-fuzz-corpus-file", "doc")
def n_fuzz_corpus(lines):
    """the go test fuzz v1 header and every value line"""
    return [ln.strip() for ln in lines if ln.strip()]


@cm.kind("go-pprof-list", "table")
def n_pprof_list(lines):
    """Total lines, ROUTINE lines, source lines with flat or cum >= 10% of the total"""
    out, total = [], None
    for ln in lines:
        if ln.startswith("Total:") or "ROUTINE ====" in ln:
            out.append(ln.strip())
            if ln.startswith("Total:"):
                total = _val(ln.split()[1])
            continue
        toks = ln.split()
        if total and len(toks) >= 3 and re.match(r"\d+:$", toks[2]) is not None:
            vals = [_val(toks[0]), _val(toks[1])]
            if any(v and v >= 0.1 * total for v in vals):
                out.append(ln.strip())
    return out


@cm.kind("go-pprof-peek", "table")
def n_pprof_peek(lines):
    """header lines, column header, focused rows (| name with flat) whose flat or cum share >= 10%"""
    out = []
    for ln in lines:
        s = ln.strip()
        if re.match(r"^(File|Type|Time|Duration|Showing nodes):?", s) or ("flat%" in s and "cum%" in s):
            out.append(s)
            continue
        m = re.match(r"^\s*(\S+)\s+([\d.]+)%\s+([\d.]+)%\s+(\S+)\s+([\d.]+)%\s+\|\s+\S", ln)
        if m and (float(m.group(2)) >= 10 or float(m.group(5)) >= 10):
            out.append(s)
    return out


@cm.kind("go-pprof-traces", "table")
def n_pprof_traces(lines):
    """File/Type header lines, first line of every sample whose value >= 10% of all samples' values"""
    out, samples = [], []
    for i, ln in enumerate(lines):
        s = ln.strip()
        if re.match(r"^(File|Type):", s):
            out.append(s)
        m = re.match(r"^\s*(\S+)\s+\S", ln)
        if m and not s.startswith("-") and _val(m.group(1)) is not None and (i == 0 or lines[i - 1].startswith("---")):
            samples.append((_val(m.group(1)), s))
    tot = sum(v for v, _ in samples)
    out += [s for v, s in samples if tot and v >= 0.1 * tot]
    return out


@cm.kind("go-gcflags-m2", "build")
def n_gcflags_m2(lines):
    """compile errors, every moved to heap line, 'escapes to heap:' openers one any per file, cannot inline one any per (file, reason shape)"""
    out, esc, inl = [], [], []
    for ln in lines:
        s = ln.strip()
        f = s.split(":")[0]
        if re.search(r"\.go:\d+:\d+: (?!.*(escape|inline|heap|leak|does not|flow|from|parameter|content))", s) and \
                re.search(r"undefined|cannot use|expected|not used|declared|error", s):
            out.append(s)
        elif "moved to heap:" in s:
            out.append(s)
        elif s.endswith("escapes to heap:"):
            esc.append((f, s))
        elif "cannot inline" in s:
            inl.append(((f, cm.mask(s.split("cannot inline", 1)[1].split(":", 1)[-1])), s))
    return out + cm.groups(esc) + cm.groups(inl)


@cm.kind("go-list-deps-errors", "json")
def n_list_deps(lines):
    """every "Err": line, ImportPath of records holding Error/DepsErrors, non-JSON error lines"""
    out, cur = [], None
    for ln in lines:
        s = ln.strip()
        if ln.startswith("{"):
            cur = None
        if s.startswith('"ImportPath":') and ln.startswith("\t\"") is True or (s.startswith('"ImportPath":') and ln.startswith('\t"ImportPath"')):
            cur = s
        if s.startswith('"Error":') or s.startswith('"DepsErrors":'):
            if cur:
                out.append(cur)
        if s.startswith('"Err":'):
            out.append(s)
        if not ln.startswith(("\t", "{", "}", " ")) and re.search(r"go:|^package |cannot find", s):
            out.append(s)
    return out


ERRWORDS = r"go:|error|cannot|not found|missing|disabled|conflicting"


@cm.kind("go-work-fail", "build")
def n_work(lines):
    """every line holding go:, error, cannot, not found, missing, disabled or conflicting"""
    return [ln.strip() for ln in lines if re.search(ERRWORDS, ln)]


@cm.kind("go-mod-verify-fail", "pkg")
def n_verify(lines):
    """every line holding go:, verify, mismatch, error, cannot, missing or disabled, and all modules verified"""
    return [ln.strip() for ln in lines if re.search(r"go:|verif|mismatch|error|cannot|missing|disabled", ln)]


@cm.kind("go-test-json-summary", "test")
def n_json_summary(lines):
    """FAIL lines (tests and packages), the first output line under each, the totals line"""
    out = []
    for i, ln in enumerate(lines):
        if re.search(r"\bFAIL\b", ln):
            out.append(ln.strip())
            if i + 1 < len(lines) and lines[i + 1].startswith("    "):
                out.append(lines[i + 1].strip())
        elif ln.startswith("totals:"):
            out.append(ln.strip())
    return out


@cm.kind("go-bench-compare", "table")
def n_bench_compare(lines):
    """column header, geomean line, rows with largest and smallest delta, rows marked significant (p < 0.05)"""
    out, rows = [], []
    for ln in lines:
        if ln.startswith("name") or ln.startswith("geomean"):
            out.append(ln.strip())
        m = re.search(r"([+-][\d.]+)%\s+\(p=([\d.]+)", ln)
        if m:
            rows.append((float(m.group(1)), ln.strip()))
            if float(m.group(2)) < 0.05:
                out.append(ln.strip())
    if rows:
        out += [max(rows)[1], min(rows)[1]]
    return out


@cm.kind("go-cover-html", "doc")
def n_cover_html(lines):
    """every <option line, and per file the first line holding a cov0 span"""
    out, seen = [], set()
    cur = None
    for ln in lines:
        if "<option" in ln:
            out.append(ln.strip())
        m = re.search(r'<pre class="file" id="(file\d+)"', ln)
        if m:
            cur = m.group(1)
        if 'class="cov0"' in ln and cur not in seen:
            seen.add(cur)
            out.append(ln.strip()[:200])
    return out


JSONREADER = '''package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strings"
)

type ev struct {
	Action, Package, Test, Output string
	Elapsed                       float64
}

func main() {
	out := map[string][]string{}
	var order []string
	pass, fail, skip := 0, 0, 0
	sc := bufio.NewScanner(os.Stdin)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var e ev
		if json.Unmarshal(sc.Bytes(), &e) != nil {
			fmt.Println("not json:", sc.Text())
			continue
		}
		k := e.Package + " " + e.Test
		switch e.Action {
		case "output":
			out[k] = append(out[k], strings.TrimRight(e.Output, "\\n"))
		case "pass":
			if e.Test != "" {
				pass++
				fmt.Printf("PASS %-40s %6.2fs\\n", k, e.Elapsed)
			}
		case "skip":
			skip++
			fmt.Printf("SKIP %s\\n", k)
		case "fail":
			if e.Test != "" {
				fail++
			}
			fmt.Printf("FAIL %-40s %6.2fs\\n", k, e.Elapsed)
			order = append(order, k)
			for _, l := range out[k] {
				if strings.Contains(l, "_test.go") || strings.Contains(l, "panic") {
					fmt.Println("    " + strings.TrimSpace(l))
				}
			}
		}
	}
	fmt.Printf("totals: %d passed, %d failed, %d skipped\\n", pass, fail, skip)
}
'''

BENCHCMP = '''package main

import (
	"bufio"
	"fmt"
	"math"
	"os"
	"sort"
	"strconv"
	"strings"
)

func read(p string) map[string][]float64 {
	f, err := os.Open(p)
	if err != nil {
		fmt.Println("error:", err)
		os.Exit(1)
	}
	m := map[string][]float64{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fs := strings.Fields(sc.Text())
		if len(fs) >= 4 && strings.HasPrefix(fs[0], "Benchmark") && fs[3] == "ns/op" {
			v, _ := strconv.ParseFloat(fs[2], 64)
			m[fs[0]] = append(m[fs[0]], v)
		}
	}
	return m
}

func stats(v []float64) (float64, float64) {
	s := 0.0
	for _, x := range v {
		s += x
	}
	mu := s / float64(len(v))
	d := 0.0
	for _, x := range v {
		d += (x - mu) * (x - mu)
	}
	return mu, math.Sqrt(d / float64(len(v)))
}

// pval: a rough two-sample test on the means (Welch t, normal tail), enough to flag a change.
func pval(a, b []float64) float64 {
	ma, sa := stats(a)
	mb, sb := stats(b)
	se := math.Sqrt(sa*sa/float64(len(a)) + sb*sb/float64(len(b)))
	if se == 0 {
		return 1
	}
	return math.Erfc(math.Abs(ma-mb) / se / math.Sqrt2)
}

func main() {
	old, nw := read(os.Args[1]), read(os.Args[2])
	var names []string
	for k := range old {
		if _, ok := nw[k]; ok {
			names = append(names, k)
		}
	}
	sort.Strings(names)
	fmt.Printf("%-36s %18s %18s %22s\\n", "name", "old time/op", "new time/op", "delta")
	g := 0.0
	for _, k := range names {
		mo, so := stats(old[k])
		mn, sn := stats(nw[k])
		d := (mn - mo) / mo * 100
		g += math.Log(mn / mo)
		p := pval(old[k], nw[k])
		fmt.Printf("%-36s %10.1fns ±%3.0f%% %10.1fns ±%3.0f%% %+8.2f%% (p=%.3f n=%d+%d)\\n", k, mo, so/mo*100, mn, sn/mn*100, d, p, len(old[k]), len(nw[k]))
	}
	fmt.Printf("geomean %+.2f%%\\n", (math.Exp(g/float64(len(names)))-1)*100)
}
'''


def s_shuffle(tmp: Path) -> None:
    for i in range(4):
        rng = random.Random(SEED + i)
        d = tmp / f"shuf{i}"
        cm.write_tree(d, funicular_src(rng, 2 + i))
        seed = SEED + 7 * i
        flags = "-v" if i % 2 == 0 else "-v -cpu=1,2"
        go(f"go test -shuffle={seed} -count=1 {flags} ./...", d, f"shuffle-{i}", n_shuffle,
           typed=f"go test -shuffle=on -count=1 {flags} ./...")


def s_fuzz(tmp: Path) -> None:
    inputs = ["upper:12000:90;:11800:88", ":1:1", "a:1:2;b:2:3;:3:4;d:4:5"]
    for i, val in enumerate(inputs):
        rng = random.Random(SEED + 10 + i)
        d = tmp / f"fuzz{i}"
        cm.write_tree(d, funicular_src(rng, 2))
        h = f"{rng.getrandbits(64):016x}{rng.getrandbits(64):016x}"[: 16 + 8 * i]
        cf = d / "cable" / "testdata" / "fuzz" / "FuzzParseManifest" / h
        cf.parent.mkdir(parents=True, exist_ok=True)
        body = f"go test fuzz v1\nstring({val!r})\n".replace("'", '"')
        cf.write_text(body)
        go(f"go test -run=FuzzParseManifest/{h} -count=1 {'-v' if i != 1 else ''} ./cable", d, f"fuzz-replay-{i}",
           n_fuzz_replay)
        if i < 2:
            S.add(f"fuzz-corpus-{i}", f"cat cable/testdata/fuzz/FuzzParseManifest/{h} && go test -list . ./cable",
                  cm.run(f"cat {cf} && nice timeout 120 go test -list . ./cable", cwd=d, env=GOENV), n_fuzz_corpus)


def s_prof(tmp: Path) -> None:
    d = tmp / "prof"
    cm.write_tree(d, funicular_src(random.Random(SEED + 20), 2))
    e = dict(GOENV)
    cm.run("nice timeout 240 go test -run='^$' -bench=. -benchtime=300ms -cpuprofile cpu.out -memprofile mem.out"
           " .", cwd=d / "cable", env=e, timeout=260)
    for n, (prof, idx, rx) in enumerate([("cpu.out", "", "Sheaves"), ("cpu.out", "", "Logbook"),
                                         ("mem.out", "-sample_index=alloc_space", "Logbook"),
                                         ("mem.out", "-sample_index=alloc_space", "Counterweight|Haul")]):
        go(f"go tool pprof {idx} -list='{rx}' cable.test {prof}", d / "cable", f"pprof-list-{n}", n_pprof_list)
        go(f"go tool pprof {idx} -peek='{rx}' cable.test {prof}", d / "cable", f"pprof-peek-{n}", n_pprof_peek)
    go("go tool pprof -traces cable.test cpu.out", d / "cable", "pprof-traces-cpu", n_pprof_traces)
    go("go tool pprof -sample_index=alloc_space -traces cable.test mem.out", d / "cable", "pprof-traces-mem",
       n_pprof_traces)
    go("go tool pprof -sample_index=alloc_objects -traces cable.test mem.out", d / "cable", "pprof-traces-objects",
       n_pprof_traces)
    # bench compare: old vs a slowed copy
    (tmp / "cmp").mkdir(exist_ok=True)
    cm.write_tree(tmp / "cmp", {"go.mod": "module example.com/benchcmp\n\ngo 1.19\n", "main.go": BENCHCMP})
    cm.run("nice timeout 240 go build -o benchcmp .", cwd=tmp / "cmp", env=e, timeout=260)
    for k in range(2):
        cm.run(f"nice timeout 300 go test -run='^$' -bench=. -benchtime=100ms -count=5 ./cable > {tmp}/old{k}.txt",
               cwd=d, env=e, timeout=320)
        src = d / "cable" / "cable.go"
        t = src.read_text()
        t = t.replace("s += math.Sqrt(float64(i)) * math.Sin(float64(i))",
                      "s += math.Sqrt(float64(i)) * math.Sin(float64(i)) * math.Cos(float64(i%7))") if k == 0 else \
            t.replace('"trip %d: car%d passed the loop at %d m"', '"trip %d: car%d passed the loop at %d m (%s)"') \
             .replace("i*7%1200))", 'i*7%1200, strings.Repeat("=", i%9)))')
        src.write_text(t)
        cm.run(f"nice timeout 300 go test -run='^$' -bench=. -benchtime=100ms -count=5 ./cable > {tmp}/new{k}.txt",
               cwd=d, env=e, timeout=320)
        S.add(f"bench-compare-{k}", "go test -bench=. -count=5 ./cable > new.txt && benchcmp old.txt new.txt",
              cm.run(f"{tmp}/cmp/benchcmp {tmp}/old{k}.txt {tmp}/new{k}.txt", cwd=d, env=e), n_bench_compare)


def s_escape(tmp: Path) -> None:
    for i in range(3):
        d = tmp / f"esc{i}"
        files = funicular_src(random.Random(SEED + 30 + i), 3)
        if i == 2:
            files["cable/broken.go"] = ("package cable\n\nfunc Loop(c *Car) int {\n\treturn c.Weight + undefinedGrade\n}\n")
        cm.write_tree(d, files)
        flag = "-m=2" if i != 1 else "-m=2 -l"
        go(f"go build -gcflags='{flag}' ./cable", d, f"gcflags-m2-{i}", n_gcflags_m2)


def s_list(tmp: Path) -> None:
    for i in range(3):
        d = tmp / f"list{i}"
        files = funicular_src(random.Random(SEED + 40 + i), 2)
        files["station/station.go"] = ("package station\n\nimport (\n\t\"fmt\"\n\t\"example.com/funicular/cable\"\n"
                                       + "".join(f"\t\"example.com/funicular/loop{j}\"\n" for j in range(i + 1))
                                       + ("\t\"github.com/rope/splice\"\n" if i else "")
                                       + ")\n\nfunc Board() { fmt.Println(cable.Cars) }\n")
        files["cmd/cars/main.go"] = "package main\n\nimport \"example.com/funicular/station\"\n\nfunc main() { station.Board() }\n"
        cm.write_tree(d, files)
        go(f"go list -deps -json {'-e ' if i != 1 else ''}./cmd/cars", d, f"list-deps-{i}", n_list_deps)


def s_work(tmp: Path) -> None:
    for i in range(3):
        d = tmp / f"work{i}"
        files = funicular_src(random.Random(SEED + 50 + i), 2)
        files = {f"funicular/{k}": v for k, v in files.items()}
        files["winch/go.mod"] = ("module example.com/winch\n\ngo 1.19\n\nrequire example.com/funicular v0.3.0\n"
                                 + ("require github.com/rope/splice v1.2.0\n" if i != 1 else ""))
        files["winch/winch.go"] = "package winch\n\nimport \"example.com/funicular/cable\"\n\nvar Cars = cable.Cars\n"
        files["go.work"] = "go 1.19\n\nuse (\n\t./funicular\n\t./winch\n" + ("\t./brake\n" if i == 2 else "") + ")\n"
        cm.write_tree(d, files)
        env = {"GOWORK": str(d / "go.work"), "GOFLAGS": ""}
        cmd = ["go work sync; go build ./...; go list -m all; go vet ./...", "go build ./winch/...; go vet ./funicular/...; go list -deps ./winch/...; go work edit -json",
               "go work use ./winch; go work sync; go test ./...; go mod graph; go list -m -json all; go work edit -json"][i]
        go(f"sh -c '{cmd}'", d, f"work-{i}", n_work, typed=cmd, env=env)


def s_verify(tmp: Path) -> None:
    for i in range(3):
        d = tmp / f"ver{i}"
        files = funicular_src(random.Random(SEED + 60 + i), 2)
        files["go.mod"] = "module example.com/funicular\n\ngo 1.19\n\nrequire (\n\tgithub.com/rope/splice v1.2.0\n" \
                          "\tgolang.org/x/sync v0.3.0\n)\n"
        files["go.sum"] = "github.com/rope/splice v1.2.0 h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n" \
                          "github.com/rope/splice v1.2.0/go.mod h1:BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB=\n"
        cm.write_tree(d, files)
        cmd = ["go mod verify; go build ./...; go list -m all; go mod why github.com/rope/splice",
               "go mod tidy -v; go mod verify; go test ./...; go list -m -versions github.com/rope/splice",
               "go mod download -json; go mod verify; go mod graph; go vet ./..."][i] + "; go list -m -json all"
        go(f"sh -c '{cmd}'", d, f"mod-verify-{i}", n_verify, typed=cmd, env={"GOFLAGS": ""})


def s_json(tmp: Path) -> None:
    (tmp / "jr").mkdir(exist_ok=True)
    cm.write_tree(tmp / "jr", {"go.mod": "module example.com/jr\n\ngo 1.19\n", "main.go": JSONREADER})
    cm.run("nice timeout 240 go build -o gojr .", cwd=tmp / "jr", env=GOENV, timeout=260)
    for i in range(3):
        d = tmp / f"json{i}"
        cm.write_tree(d, funicular_src(random.Random(SEED + 70 + i), 2 + i))
        go(f"sh -c 'go test -json -count=1 -shuffle={SEED + i} {'-race ' if False else ''}./... | {tmp}/jr/gojr'", d,
           f"test-json-summary-{i}", n_json_summary, typed="go test -json -shuffle=on ./... | gojr")


def s_cover(tmp: Path) -> None:
    for i in range(3):
        d = tmp / f"cov{i}"
        files = funicular_src(random.Random(SEED + 80 + i), 2)
        files["loop/loop.go"] = ("package loop\n\n// Pass decides which track a car takes at the passing loop.\n"
                                 "func Pass(up bool, speed int) string {\n\tif speed > 10 {\n\t\treturn \"brake\"\n\t}\n"
                                 "\tif up {\n\t\treturn \"left\"\n\t}\n\treturn \"right\"\n}\n")
        files["loop/loop_test.go"] = ("package loop\n\nimport \"testing\"\n\nfunc TestPass(t *testing.T) {\n"
                                      "\tif Pass(true, 3) != \"left\" {\n\t\tt.Fatal(\"up car\")\n\t}\n}\n")
        cm.write_tree(d, files)
        cm.run(f"nice timeout 240 go test -count=1 -coverprofile=c.out -run='{['Loop|Pass|Haul', 'Pass', '.'][i]}'"
               " ./...", cwd=d, env=GOENV, timeout=260)
        cm.run("nice timeout 60 go tool cover -html=c.out -o cover.html", cwd=d, env=GOENV)
        S.add(f"cover-html-{i}", "go tool cover -html=c.out -o cover.html && cat cover.html",
              (d / "cover.html").read_text() if (d / "cover.html").exists() else "", n_cover_html, tool="read")


STEPS = [s_shuffle, s_fuzz, s_escape, s_list, s_work, s_verify, s_json, s_cover, s_prof]

if __name__ == "__main__":
    cm.capture_round(__doc__, lambda: None, lambda: STEPS, "wide451-", OUT, TMP)
