"""Round 319's Go material and steps (run through capture_wide319.py): a second sample of round 309's kinds on new
material. The Go code is this round's own: a coastal signal-station module (`example.com/foghorn`, stdlib only) with
faults put in, seeded generated `mudflat/flatNN` packages that scale it up, an untidy copy for goimports, and Ginkgo 1
suites (`harbour`) in GOPATH mode on Debian's golang-github-onsi-ginkgo-dev / golang-gomega-dev. No extractor is
written here: every kind's needles come from round 309's extractors, imported (NEEDLES.md, "Round 319")."""

from __future__ import annotations

import random
from pathlib import Path

import capture_more as cm
from capture_wide309_go import (n_benchcmp, n_fieldalign, n_ginkgo, n_ginkgo_v, n_goimports, n_gotype, n_gts_dots,
                                n_gts_pkg, n_gts_test, n_junit, n_slowest, n_staticcheck, n_staticcheck_json,
                                n_staticcheck_stylish, n_xanalyzers)

_SIZED = cm.Sized(400, 120_000)
add, cap = _SIZED.add, _SIZED.cap

FOGHORN = {
    "go.mod": "module example.com/foghorn\n\ngo 1.19\n",
    "lamp/lamp.go": '''package lamp

import (
	"fmt"
	"io/ioutil"
	"sort"
	"strings"
)

// Lens is one rotating optic in a lantern room.
type Lens struct {
	Lit      bool
	Name     string
	Spare    bool
	Candela  float64
	Cleaned  bool
	Order    int32
	Cracked  bool
	Flashes  []int
}

// Schedule is a night's rotation plan.
type Schedule struct {
	dim    bool
	Station string
	night  bool
	Lenses []Lens
	speed  float32
}

func Title(name string) string { return strings.Title(strings.ToLower(name)) }

func LoadPlan(path string) ([]string, error) {
	raw, err := ioutil.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return strings.Split(strings.TrimSpace(string(raw)), "\\n"), nil
}

// Brightest sorts lenses by candela, brightest first.
func Brightest(ls []Lens, spare []Lens) []Lens {
	sort.Slice(ls, func(i, j int) bool { return spare[i].Candela > spare[j].Candela })
	return ls
}

// Period is the seconds a full rotation takes.
func Period(s *Schedule) float64 {
	total := 0.0
	for _, l := range s.Lenses {
		total += float64(len(l.Flashes)) * 2.5
	}
	total = total
	if s.speed == 0 {
		return total
	}
	return total / float64(s.speed)
}

func Describe(l Lens) string {
	return fmt.Sprintf("%s: %d cd, order %s", l.Name, l.Candela, l.Order)
}
''',
    "lamp/lamp_test.go": '''package lamp

import "testing"

func TestTitle(t *testing.T) {
	if got := Title("SOUTH STACK"); got != "South Stack" {
		t.Errorf("Title = %q, want %q", got, "South Stack")
	}
}

func TestPeriod(t *testing.T) {
	s := &Schedule{Station: "Skerry", speed: 2, Lenses: []Lens{{Name: "a", Flashes: []int{1, 2}}, {Name: "b", Flashes: []int{3}}}}
	if got := Period(s); got != 3.75 {
		t.Errorf("Period = %v, want 3.75", got)
	}
}

func TestBrightest(t *testing.T) {
	ls := []Lens{{Name: "dim", Candela: 10}, {Name: "bright", Candela: 90}, {Name: "mid", Candela: 40}}
	got := Brightest(ls, []Lens{{Candela: 1}, {Candela: 2}, {Candela: 3}})
	if got[0].Name != "bright" {
		t.Fatalf("Brightest()[0] = %s, want bright", got[0].Name)
	}
}
''',
    "signal/signal.go": '''package signal

import (
	"errors"
	"fmt"
	"os"
	"time"
)

var ErrFogless = errors.New("no fog reported")

// Blast is one fog-signal sounding.
type Blast struct {
	Long    bool
	At      time.Time
	Heard   bool
	Seconds float64
	Ok      bool
}

func Check(err error) bool {
	return err.Error() == ErrFogless.Error() || err == errors.New("no fog reported")
}

func Sound(n int) []Blast {
	var out []Blast
	tick := time.Tick(time.Millisecond)
	for i := 0; i < n; i++ {
		<-tick
		out = append(out, Blast{At: time.Now(), Seconds: 1.5, Long: i%2 == 0})
	}
	return out
}

func Log(paths []string) error {
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			return err
		}
		defer f.Close()
		fmt.Fprintf(os.Stdout, "logged %d\\n", p)
	}
	return nil
}

func Pattern(b []Blast) string {
	s := ""
	for _, x := range b {
		if x.Long {
			s += "-"
		} else {
			s += "."
		}
	}
	return fmt.Sprintf("%q (%d blasts)", s)
}
''',
    "signal/signal_test.go": '''package signal

import (
	"testing"
	"time"
)

func TestSoundSlow(t *testing.T) {
	time.Sleep(350 * time.Millisecond)
	if got := len(Sound(5)); got != 5 {
		t.Errorf("Sound(5) gave %d blasts", got)
	}
}

func TestPattern(t *testing.T) {
	if got := Pattern([]Blast{{Long: true}, {}}); got != "-." {
		t.Errorf("Pattern = %q, want %q", got, "-.")
	}
}
''',
    "tide/tide.go": '''package tide

import (
	"context"
	"encoding/json"
	"errors"
	"strconv"
	"time"
)

// Reading is one gauge reading.
type Reading struct {
	Rising bool
	Height float64
	Gauge  string
	Flood  bool
	Minute int64
	Spring bool
}

type Namer interface{ Name() string }
type Gauge struct{ ID int }

func (g Gauge) Label() string { return "gauge-" + strconv.Itoa(g.ID) }

func Parse(raw []byte) (Reading, error) {
	var r Reading
	err := json.Unmarshal(raw, r)
	return r, err
}

func Code(n int) string { return "T" + string(n) }

func Named(g interface{ Label() string }) string {
	if n, ok := g.(Namer); ok {
		return n.Name()
	}
	return g.Label()
}

func Fetch(parent context.Context, slow bool) (Reading, error) {
	ctx, cancel := context.WithTimeout(parent, 50*time.Millisecond)
	if slow {
		return Reading{}, errors.New("gauge slow")
	}
	defer cancel()
	<-ctx.Done()
	return Reading{Height: 3.2}, nil
}

func Table(rs []Reading, idx map[string]int) map[string]float64 {
	var out map[string]float64
	if idx == nil {
		out[rs[0].Gauge] = rs[0].Height
		return out
	}
	out = map[string]float64{}
	for _, r := range rs {
		out[r.Gauge] = r.Height
	}
	return out
}

func Highest(rs []Reading) (float64, error) {
	var err error
	best := -1.0
	for _, r := range rs {
		if h, err := strconv.ParseFloat(strconv.FormatFloat(r.Height, 'f', 2, 64), 64); err == nil {
			if h > best {
				best = h
			}
		}
	}
	return best, err
}

// Window returns the readings for one hour; readings[h] panics past the end.
func Window(rs []Reading, h int) Reading { return rs[h*6] }
''',
    "tide/tide_test.go": '''package tide

import "testing"

func TestWindow(t *testing.T) {
	rs := make([]Reading, 12)
	for h := 0; h < 3; h++ {
		_ = Window(rs, h)
	}
}

func TestParse(t *testing.T) {
	r, err := Parse([]byte(`{"Height": 4.5, "Gauge": "Mumbles"}`))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	if r.Height != 4.5 {
		t.Errorf("Height = %v", r.Height)
	}
}
''',
    "roster/roster.go": '''package roster

import (
	"fmt"
	"strings"
)

type Keeper struct {
	Name  string
	Watch int
	Night bool
}

type oldShift struct{ from, to int }

func formatOld(s oldShift) string { return fmt.Sprint(s.from, "-", s.to) }

func Lead(ks []*Keeper) string {
	var k *Keeper
	if len(ks) > 0 {
		k = ks[0]
	}
	if k == nil {
		return strings.ToUpper(k.Name)
	}
	return k.Name
}

func Hours(ks []Keeper) int {
	total := 0
	for _, k := range ks {
		total += k.Watch
	}
	return total
}
''',
    "roster/roster_test.go": '''package roster

import "testing"

func TestHours(t *testing.T) {
	if got := Hours([]Keeper{{Watch: 4}, {Watch: 8}}); got != 12 {
		t.Errorf("Hours = %d", got)
	}
}

func TestLeadEmpty(t *testing.T) {
	if got := Lead(nil); got != "" {
		t.Errorf("Lead(nil) = %q", got)
	}
}
''',
    "gannets/ledger.go": '''package gannets

import "fmt"

type Count struct {
	Colony string
	Birds  int
}

func Total(cs []Count) int {
	n := 0
	for _, c := range cs {
		n += c.Birds
	}
	return n, nil
}

func Report(cs []Count) string {
	return fmt.Sprintf("%d birds at %d colonies", Total(cs), len(cs), missingColonyName)
}

func Densest(cs []Count) Count {
	best := cs[0]
	for _, c := range cs {
		if c.Birds > best {
			best = c
		}
	}
	return best.Colony
}

func Colonies(cs []Count) []string {
	var names []string
	for i := range cs {
		names = append(names, cs[i].Name)
	}
	var ratio float64 = len(names) / 2
	_ = ratio
	return names, len(names)
}

func Merge(a, b map[string]Count) map[string]int {
	out := map[string]int{}
	for k, v := range a {
		out[k] = v
	}
	for k := range b {
		out[k] += b[k].Birds + "0"
	}
	return out
}
''',
    "gannets/ledger_test.go": '''package gannets

import "testing"

func TestTotal(t *testing.T) {
	if Total([]Count{{Birds: 3}}) != 3 {
		t.Fail()
	}
}
''',
    "bench/bench_test.go": '''package bench

import (
	"os"
	"sort"
	"strings"
	"testing"
)

var slow = os.Getenv("FOGHORN_SLOW") != ""

func work(n int, heavy bool) int {
	xs := make([]int, n)
	for i := range xs {
		xs[i] = (i * 7919) % 1009
	}
	if heavy {
		for k := 0; k < 4; k++ {
			sort.Ints(append([]int(nil), xs...))
		}
	}
	sort.Ints(xs)
	return xs[len(xs)/2]
}

func BenchmarkTideTable(b *testing.B) {
	for i := 0; i < b.N; i++ {
		work(2000, slow)
	}
}

func BenchmarkLampPeriod(b *testing.B) {
	for i := 0; i < b.N; i++ {
		work(500, false)
	}
}

func BenchmarkRosterJoin(b *testing.B) {
	parts := make([]string, 300)
	for i := range parts {
		parts[i] = "keeper"
	}
	for i := 0; i < b.N; i++ {
		if slow {
			s := ""
			for _, p := range parts {
				s += p + ","
			}
			_ = s
		} else {
			_ = strings.Join(parts, ",")
		}
	}
}

func BenchmarkGannetSum(b *testing.B) {
	for i := 0; i < b.N; i++ {
		work(100, false)
	}
}

func BenchmarkSignalPattern(b *testing.B) {
	for i := 0; i < b.N; i++ {
		work(800, slow && i%2 == 0)
	}
}
''',
}

# ------------------------------------------------------------------ the seeded generator (mudflat/flatNN)

BIRDS = ["curlew", "dunlin", "godwit", "redshank", "knot", "plover", "sanderling", "turnstone", "avocet", "whimbrel",
         "oystercatcher", "shelduck", "greenshank", "ruff", "stint", "lapwing"]


def _flat(i: int, rnd: random.Random) -> tuple[str, str]:
    bird = rnd.choice(BIRDS)
    B = bird.capitalize()
    faults = rnd.sample(["selfassign", "sprintf", "deprecated", "tick", "unmarshal", "shadow", "nilness", "strint",
                         "unused", "deferloop", "fields"], k=rnd.randint(2, 4))
    imports = {"fmt", "strconv"}
    body = [f"// {B}Tally counts {bird}s on one flat.",
            f"type {B}Tally struct {{"]
    if "fields" in faults:
        body += ["\tSeen   bool", "\tCount  int64", "\tRinged bool", "\tWeight float64", "\tAdult  bool",
                 "\tNote   string", "\tFlag   bool"]
    else:
        body += ["\tCount  int64", "\tWeight float64", "\tNote   string", "\tSeen   bool"]
    body += ["}", ""]
    body += [f"func {B}Label(n int64) string {{ return \"{bird}-\" + strconv.FormatInt(n, 10) }}", ""]
    if "selfassign" in faults:
        body += [f"func {B}Mean(ts []{B}Tally) float64 {{", "\tsum := 0.0", "\tfor _, t := range ts {",
                 "\t\tsum += float64(t.Count)", "\t}", "\tsum = sum", "\treturn sum / float64(len(ts))", "}", ""]
    else:
        body += [f"func {B}Mean(ts []{B}Tally) float64 {{", "\tsum := 0.0", "\tfor _, t := range ts {",
                 "\t\tsum += float64(t.Count)", "\t}", "\treturn sum / float64(len(ts)+1)", "}", ""]
    if "sprintf" in faults:
        body += [f"func {B}Line(t {B}Tally) string {{ return fmt.Sprintf(\"%s seen=%d weight=%d\", t.Note, t.Seen, t.Weight) }}", ""]
    else:
        body += [f"func {B}Line(t {B}Tally) string {{ return fmt.Sprintf(\"%s count=%d\", t.Note, t.Count) }}", ""]
    if "deprecated" in faults:
        imports.add("strings")
        body += [f"func {B}Heading(s string) string {{ return strings.Title(s) }}", ""]
    if "tick" in faults:
        imports.add("time")
        body += [f"func {B}Wait(n int) {{", "\tt := time.Tick(time.Microsecond)", "\tfor i := 0; i < n; i++ {",
                 "\t\t<-t", "\t}", "}", ""]
    if "unmarshal" in faults:
        imports.add("encoding/json")
        body += [f"func {B}Decode(b []byte) ({B}Tally, error) {{", f"\tvar t {B}Tally",
                 "\treturn t, json.Unmarshal(b, t)", "}", ""]
    if "shadow" in faults:
        body += [f"func {B}Parse(xs []string) (int, error) {{", "\tvar err error", "\ttotal := 0",
                 "\tfor _, x := range xs {", "\t\tif n, err := strconv.Atoi(x); err == nil {", "\t\t\ttotal += n",
                 "\t\t}", "\t}", "\treturn total, err", "}", ""]
    if "nilness" in faults:
        body += [f"func {B}First(ts []*{B}Tally) int64 {{", f"\tvar t *{B}Tally", "\tif len(ts) > 0 {",
                 "\t\tt = ts[0]", "\t}", "\tif t == nil {", "\t\treturn t.Count", "\t}", "\treturn t.Count", "}", ""]
    if "strint" in faults:
        body += [f"func {B}Tag(n int) string {{ return \"F\" + string(n) }}", ""]
    if "unused" in faults:
        body += [f"func {bird}Legacy(t {B}Tally) int64 {{ return t.Count * 2 }}", ""]
    if "deferloop" in faults:
        imports.add("os")
        body += [f"func {B}Files(ps []string) int {{", "\tn := 0", "\tfor _, p := range ps {",
                 "\t\tf, err := os.Open(p)", "\t\tif err != nil {", "\t\t\tcontinue", "\t\t}", "\t\tdefer f.Close()",
                 "\t\tn++", "\t}", "\treturn n", "}", ""]
    src = f"package flat{i:02d}\n\nimport (\n" + "".join(f'\t"{m}"\n' for m in sorted(imports)) + ")\n\n" + \
        "\n".join(body)
    # tests: a table of labels, some expectations wrong on purpose
    rows = []
    for k in range(rnd.randint(3, 8)):
        n = rnd.randint(1, 999)
        want = f"{bird}-{n}" if rnd.random() > 0.18 else f"{bird}_{n}"
        rows.append(f'\t\t{{{n}, "{want}"}},')
    test = (f"package flat{i:02d}\n\nimport (\n\t\"testing\"\n\t\"time\"\n)\n\n"
            f"func Test{B}Label(t *testing.T) {{\n\tcases := []struct {{\n\t\tn    int64\n\t\twant string\n\t}}{{\n"
            + "\n".join(rows) + "\n\t}\n\tfor _, c := range cases {\n"
            f"\t\tif got := {B}Label(c.n); got != c.want {{\n\t\t\tt.Errorf(\"{B}Label(%d) = %q, want %q\", c.n, got, c.want)\n"
            "\t\t}\n\t}\n}\n\n"
            f"func Test{B}Survey(t *testing.T) {{\n\ttime.Sleep({rnd.choice([1, 2, 5, 12, 30, 60])} * time.Millisecond)\n"
            f"\tts := []{B}Tally{{{{Count: 3}}, {{Count: 5}}}}\n"
            f"\tif m := {B}Mean(ts); m < 2 {{\n\t\tt.Fatalf(\"{B}Mean = %v, want at least 2\", m)\n\t}}\n}}\n")
    if rnd.random() < 0.15:
        test += (f"\nfunc Test{B}Index(t *testing.T) {{\n\tts := []{B}Tally{{}}\n\t_ = ts[len(ts)]\n}}\n")
    return src, test


def flats(n: int, seed: int) -> dict[str, str]:
    rnd = random.Random(seed)
    out = {}
    for i in range(n):
        src, test = _flat(i, rnd)
        out[f"mudflat/flat{i:02d}/flat.go"] = src
        out[f"mudflat/flat{i:02d}/flat_test.go"] = test
    return out


def untidy(files: dict[str, str], seed: int) -> dict[str, str]:
    """The generated sources with imports shuffled, one dropped (missing) and an unused one added, seeded."""
    rnd = random.Random(seed)
    out = {"go.mod": "module example.com/saltings\n\ngo 1.19\n"}
    for path, src in files.items():
        if not path.endswith("flat.go"):
            continue
        head, rest = src.split(")\n\n", 1)
        lines = head.split("\n")[3:]
        rnd.shuffle(lines)
        r = rnd.random()
        if r < 0.35 and len(lines) > 1:
            lines.pop(rnd.randrange(len(lines)))
        elif r < 0.7:
            lines.append(rnd.choice(['\t"bytes"', '\t"math"', '\t"sort"', '\t"errors"']))
        if rnd.random() < 0.08:
            rest = rest.replace("return", "retrun", 1)
        out[path.replace("mudflat/", "")] = head.split("\n")[0] + "\n\nimport (\n" + "\n".join(lines) + "\n)\n\n" + rest
    return out


# ------------------------------------------------------------------ Ginkgo 1 suites (harbour)

SUITE = '''package {pkg}_test

import (
	"testing"

	. "github.com/onsi/ginkgo"
	. "github.com/onsi/gomega"
)

func Test{P}(t *testing.T) {{
	RegisterFailHandler(Fail)
	RunSpecs(t, "{P} Suite")
}}
'''


def harbour(n_specs: int, seed: int, broken: bool) -> dict[str, str]:
    rnd = random.Random(seed)
    out = {}
    for pkg in ("berth", "pilot", "tug"):
        P = pkg.capitalize()
        out[f"{pkg}/{pkg}.go"] = (f"package {pkg}\n\n// Load is the tonnage at slot i.\nfunc Load(i int) int {{ return i * 3 }}\n\n"
                                  f"// Slots lists the open slots.\nfunc Slots(n int) []int {{\n\tout := make([]int, n)\n"
                                  f"\tfor i := range out {{\n\t\tout[i] = i\n\t}}\n\treturn out\n}}\n")
        out[f"{pkg}/{pkg}_suite_test.go"] = SUITE.format(pkg=pkg, P=P)
        specs = []
        for k in range(n_specs):
            i = rnd.randint(1, 400)
            r = rnd.random()
            if r < 0.08:
                specs.append(f'\t\tIt("weighs slot {i} of {pkg} {k}", func() {{\n\t\t\tExpect({pkg}.Load({i})).To(Equal({i * 3 + rnd.randint(1, 9)}))\n\t\t}})')
            elif r < 0.1:
                specs.append(f'\t\tIt("reads slot {i} past the quay {k}", func() {{\n\t\t\tslots := {pkg}.Slots(2)\n\t\t\t_ = slots[{i}]\n\t\t}})')
            elif r < 0.13:
                specs.append(f'\t\tIt("lists {k} slots", func() {{\n\t\t\tExpect({pkg}.Slots({k})).To(HaveLen({k + 1}))\n\t\t}})')
            else:
                specs.append(f'\t\tIt("weighs slot {i} of {pkg} {k}", func() {{\n\t\t\tExpect({pkg}.Load({i})).To(Equal({i * 3}))\n\t\t}})')
        before = ""
        if pkg == "pilot":
            before = '\tBeforeEach(func() {\n\t\tExpect(pilot.Slots(1)).NotTo(BeEmpty())\n\t})\n\n'
        if pkg == "tug" and seed % 2:
            before = '\tContext("at night", func() {\n\t\tBeforeEach(func() {\n\t\t\tExpect(tug.Load(0)).To(BeNumerically(">", 0), "tug has no tow at slack water")\n\t\t})\n\t\tIt("tows in the dark", func() {})\n\t})\n\n'
        body = "\n\n".join(specs)
        out[f"{pkg}/{pkg}_test.go"] = (f'package {pkg}_test\n\nimport (\n\t. "github.com/onsi/ginkgo"\n\t. "github.com/onsi/gomega"\n\n'
                                       f'\t"example.com/harbour/{pkg}"\n)\n\nvar _ = Describe("{P}", func() {{\n{before}'
                                       f'\tDescribe("slots", func() {{\n{body}\n\t}})\n}})\n')
    if broken:
        out["dredge/dredge.go"] = "package dredge\n\nfunc Depth(m int) int { return m * }\n"
        out["dredge/dredge_suite_test.go"] = SUITE.format(pkg="dredge", P="Dredge")
        out["dredge/dredge_test.go"] = ('package dredge_test\n\nimport (\n\t. "github.com/onsi/ginkgo"\n\t. "github.com/onsi/gomega"\n\n'
                                        '\t"example.com/harbour/dredge"\n)\n\nvar _ = Describe("Dredge", func() {\n'
                                        '\tIt("sounds", func() { Expect(dredge.Depth(2)).To(Equal(4)) })\n})\n')
    return out


# ------------------------------------------------------------------ steps

def genv(tmp: Path) -> dict:
    return {"GOPATH": str(tmp / "gopath"), "GOCACHE": str(tmp / "gocache"), "GOFLAGS": "-mod=mod",
            "GO111MODULE": "on", "GOPROXY": "off", "GOTOOLCHAIN": "local", "CGO_ENABLED": "0"}


def modules(tmp: Path) -> tuple[Path, Path, Path]:
    """foghorn alone; foreshore (foghorn and 8 flats, seed 3191); saltmarsh (foghorn and 24 flats, seed 3192)."""
    small, mid, big = tmp / "foghorn", tmp / "foreshore", tmp / "saltmarsh"
    if not small.is_dir():
        cm.write_tree(small, dict(FOGHORN))
        cm.write_tree(mid, dict(FOGHORN, **flats(8, 3191)))
        cm.write_tree(big, dict(FOGHORN, **flats(24, 3192)))
    return small, mid, big


def staticcheck(tmp: Path) -> None:
    e = genv(tmp)
    small, mid, big = modules(tmp)
    cap("staticcheck-foghorn", "go-staticcheck ./... ; echo EXIT=$?", small, n_staticcheck, env=e)
    cap("staticcheck-saltmarsh-all", "go-staticcheck -checks all ./... 2>&1 | head -n 300", big, n_staticcheck, env=e)
    cap("stylish-foghorn-all", "go-staticcheck -f stylish -checks all ./...", small, n_staticcheck_stylish, env=e)
    cap("stylish-saltmarsh", "go-staticcheck -f stylish ./mudflat/... ./tide ./lamp 2>&1; echo EXIT=$?", big,
        n_staticcheck_stylish, env=e)
    cap("json-foreshore", "go-staticcheck -f json ./...; echo EXIT=$?", mid, n_staticcheck_json, env=e)
    cap("json-saltmarsh-flats", "go-staticcheck -f json -checks all ./mudflat/... | head -n 120", big,
        n_staticcheck_json, env=e)


def analyzers(tmp: Path) -> None:
    e = genv(tmp)
    small, mid, big = modules(tmp)
    cap("fieldalignment-saltmarsh", "golang-fieldalignment ./... 2>&1; echo EXIT=$?", big, n_fieldalign, env=e)
    cap("fieldalignment-foghorn", "golang-fieldalignment ./lamp ./signal ./tide", small, n_fieldalign, env=e)
    cap("nilness-foreshore", "golang-nilness ./...; echo EXIT=$?", mid, n_xanalyzers, env=e)
    cap("analyzers-foghorn-loop", "for a in lostcancel unmarshal stringintconv ifaceassert nilness; do echo \"## $a\"; "
        "golang-$a ./... 2>&1; done; echo EXIT=$?", small, n_xanalyzers, env=e)
    cap("unmarshal-saltmarsh", "golang-unmarshal ./... ; echo EXIT=$?", big, n_xanalyzers, env=e)
    eg = dict(e, GOROOT="/usr/lib/go-1.19")
    cap("gotype-gannets-tide", "gotype -e gannets; gotype -t -e tide; gotype -e roster; echo EXIT=$?", small, n_gotype,
        env=eg)
    cap("gotype-flats", "for d in mudflat/flat0*; do gotype -t -e $d; done 2>&1", big, n_gotype, env=eg)
    # the untidy copies (missing imports, a misspelt `return`) are written by goimports below; gotype reads them there


def goimports(tmp: Path) -> None:
    e = genv(tmp)
    u1, u2 = tmp / "saltings-a", tmp / "saltings-b"
    cm.write_tree(u1, untidy(flats(10, 3193), 31))
    cm.write_tree(u2, untidy(flats(36, 3194), 32))
    small = modules(tmp)[0]
    cap("goimports-d-saltings", "goimports -d . ; echo EXIT=$?", u1, n_goimports, env=e)
    cap("goimports-d-saltings-big", "goimports -d ./ 2>&1 | head -n 700", u2, n_goimports, env=e)
    cap("goimports-l-saltings", "goimports -l . 2>&1; echo EXIT=$?", u2, n_goimports, env=e)
    eg = dict(e, GOROOT="/usr/lib/go-1.19")
    cap("gotype-saltings-b", "for d in flat*; do gotype -e $d; done 2>&1 | head -n 150; echo EXIT=$?", u2, n_gotype,
        env=eg)
    cap("goimports-d-foghorn-mixed", "goimports -d lamp signal tide ../saltings-a/flat0[0-4]", small, n_goimports,
        env=e)


def gotestsum(tmp: Path) -> None:
    e = genv(tmp)
    small, mid, big = modules(tmp)
    cap("gts-pkgname-foghorn", "gotestsum --format pkgname -- -count=1 ./...; echo EXIT=$?", small, n_gts_pkg, env=e,
        timeout=600)
    cap("gts-testname-foreshore", "gotestsum --format testname --junitfile junit.xml --jsonfile run.json -- -count=1 "
        "./...; echo EXIT=$?", mid, n_gts_test, env=e, timeout=900)
    cap("gts-dots-saltmarsh", "gotestsum --format dots --junitfile junit.xml --jsonfile run.json -- -count=1 ./...",
        big, n_gts_dots, env=e, timeout=900)
    cap("junit-foreshore", "cat junit.xml", mid, n_junit, env=e)
    cap("junit-saltmarsh", "cat junit.xml", big, n_junit, env=e)
    cap("slowest-saltmarsh", "gotestsum tool slowest --jsonfile run.json --threshold 5ms", big, n_slowest, env=e)


def benchcmp(tmp: Path) -> None:
    e = genv(tmp)
    small = modules(tmp)[0]
    base = "go test -run '^$' -bench . -benchmem -benchtime 200x -count 2 ./bench/"
    cm.run(f"{base} > before.txt", cwd=small, env=e, timeout=300)
    cm.run(f"FOGHORN_SLOW=1 {base} > after.txt", cwd=small, env=e, timeout=300)
    cap("benchcmp-foghorn", "benchcmp before.txt after.txt", small, n_benchcmp, env=e)
    cap("benchcmp-foghorn-best", "benchcmp -best -mag before.txt after.txt; echo EXIT=$?", small, n_benchcmp, env=e)


def ginkgo(tmp: Path) -> None:
    gp, gp2 = tmp / "hb", tmp / "hb2"
    cm.write_tree(gp / "src" / "example.com" / "harbour", harbour(30, 3195, True))
    cm.write_tree(gp2 / "src" / "example.com" / "harbour", harbour(180, 3196, False))
    e = {"GOPATH": f"{gp}:/usr/share/gocode", "GO111MODULE": "off", "GOFLAGS": "", "GOCACHE": str(tmp / "gocache"),
         "ACK_GINKGO_RC": "true", "ACK_GINKGO_DEPRECATIONS": "1.16.5", "CGO_ENABLED": "0"}
    e2 = dict(e, GOPATH=f"{gp2}:/usr/share/gocode")
    h1 = gp / "src" / "example.com" / "harbour"
    h2 = gp2 / "src" / "example.com" / "harbour"
    cap("ginkgo-r-harbour-keepgoing", "ginkgo -r -noColor -keepGoing; echo EXIT=$?", h1, n_ginkgo, env=e, timeout=900)
    cap("ginkgo-r-harbour-big", "ginkgo -r -noColor -keepGoing -succinct", h2, n_ginkgo, env=e2, timeout=900)
    cap("ginkgo-v-pilot", "ginkgo -v -noColor ./pilot; echo EXIT=$?", h1, n_ginkgo_v, env=e, timeout=600)
    cap("ginkgo-v-tug-big", "ginkgo -v -noColor -seed 319 ./tug 2>&1 | tail -n 900", h2, n_ginkgo_v, env=e2,
        timeout=600)


def delta(tmp: Path) -> None:
    """A larger module (foghorn and 72 flats, seed 3197) for the round's biggest items."""
    e = genv(tmp)
    big = tmp / "delta"
    cm.write_tree(big, dict(FOGHORN, **flats(72, 3197)))
    cap("json-delta", "go-staticcheck -f json -checks all ./... 2>&1; echo EXIT=$?", big, n_staticcheck_json, env=e)
    cap("staticcheck-delta-all", "go-staticcheck -checks all ./...", big, n_staticcheck, env=e)
    cap("gts-testname-delta", "gotestsum --format testname -- -count=1 ./... 2>&1; echo EXIT=$?", big, n_gts_test,
        env=e, timeout=900)
    cap("fieldalignment-delta", "golang-fieldalignment ./mudflat/...", big, n_fieldalign, env=e)


STEPS = [staticcheck, analyzers, goimports, gotestsum, benchcmp, ginkgo, delta]
