"""Round 273, Go and shell: a keg cellar's tally in Go (`kegtally`, a stdlib-only module written here with bugs put in
and a seeded generated table of test cases: go test -v with failing subtests, go test through a pipe, go vet over a
file of vet findings, go build errors) and shellcheck over the casebook app's deploy scripts written here with faults
put in. Each kind's extractor is the earlier rounds' (go test / go build from capture_wide15_langs, go vet from
capture_more, shellcheck from capture_wide15_diag), imported; a chain's from each part's own (round 9b). Run through
capture_wide273.py."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import capture_more as cm
from capture_more import write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_diag import n_shellcheck
from capture_wide15_langs import n_go_build, n_go_test
from capture_wide273 import cap

GO_MOD = "module example.org/kegtally\n\ngo 1.19\n"

TALLY_GO = """// Package kegtally counts kegs in a cellar: litres left, days to empty and the pour grade of a beer.
package kegtally

import (
	"errors"
	"strings"
)

// ErrEmpty is returned when a keg has nothing left to pour.
var ErrEmpty = errors.New("kegtally: keg is empty")

// LitresLeft is what a keg of size litres holds after pints pints of 0.568 l.
func LitresLeft(size float64, pints int) (float64, error) {
	left := size - float64(pints)*0.568
	if left < 0 {
		return 0, ErrEmpty
	}
	return float64(int(left*10+0.5)) / 10, nil
}

// DaysToEmpty is how many whole days a keg lasts at perDay litres a day (a part day counts as a day).
func DaysToEmpty(litres, perDay float64) int {
	if perDay <= 0 {
		return -1
	}
	d := int(litres / perDay) // bug: a part day is dropped
	return d
}

// Grade names the pour grade of a beer by its strength in ABV tenths.
func Grade(abvTenths int) string {
	switch {
	case abvTenths < 35:
		return "table"
	case abvTenths < 45:
		return "session"
	case abvTenths <= 60: // bug: 6.0% is strong, not standard
		return "standard"
	default:
		return "strong"
	}
}

// Code is the cellar code of a beer name: its first three letters upper-cased and its length.
func Code(name string) string {
	n := strings.ToUpper(strings.ReplaceAll(name, " ", ""))
	if len(n) > 3 {
		n = n[:3]
	}
	return n + "-" + itoa(len(name))
}

func itoa(v int) string {
	if v == 0 {
		return "0"
	}
	s := ""
	for v > 0 {
		s = string(rune('0'+v%10)) + s
		v /= 10
	}
	return s
}
"""

BEERS = ["Mild Ale", "Bitter", "Porter", "Old Peculier", "Golden", "Best", "Dark Mild", "IPA", "Stout", "Barley Wine",
         "Helles", "Kölsch"]


def renamed(text: str, renames: tuple[tuple[str, str], ...]) -> str:
    """`text` with each (old, new) of `renames` replaced, in order: a later round's words for this round's."""
    for old, new in renames:
        text = text.replace(old, new)
    return text


def gen_test(seed: int, n: int, names: list[str] = BEERS, renames: tuple[tuple[str, str], ...] = ()) -> str:
    rnd = random.Random(seed)
    rows_left, rows_days, rows_grade, rows_code = [], [], [], []
    for i in range(n):
        size = rnd.choice([20.0, 30.0, 41.0, 50.0])
        pints = rnd.randint(0, 95)
        left = size - pints * 0.568
        want = "0" if left < 0 else repr(int(left * 10 + 0.5) / 10)
        err = "true" if left < 0 else "false"
        rows_left.append(f'\t\t{{"keg{i:03}", {size:.1f}, {pints}, {want}, {err}}},')
        litres = float(rnd.randint(5, 50))
        per = rnd.choice([1.5, 2.0, 2.5, 4.0, 7.0])
        full = int(litres / per) + (1 if litres % per else 0)
        rows_days.append(f'\t\t{{"day{i:03}", {litres:.1f}, {per}, {full}}},')
        abv = rnd.randint(28, 95)
        g = "table" if abv < 35 else "session" if abv < 45 else "standard" if abv < 60 else "strong"
        rows_grade.append(f'\t\t{{"abv{i:03}", {abv}, "{g}"}},')
        b = rnd.choice(names)
        c = b.replace(" ", "").upper()[:3] + "-" + str(len(b))
        if i % 23 == 7:
            c = b.replace(" ", "").upper()[:3] + "-" + str(len(b.replace(" ", "")))  # a case written from a squeezed name
        rows_code.append(f'\t\t{{"code{i:03}", "{b}", "{c}"}},')
    return renamed("""package kegtally

import "testing"

func TestLitresLeft(t *testing.T) {
	cases := []struct {
		name  string
		size  float64
		pints int
		want  float64
		err   bool
	}{
""" + "\n".join(rows_left) + """
	}
	for _, c := range cases {
		c := c
		t.Run(c.name, func(t *testing.T) {
			got, err := LitresLeft(c.size, c.pints)
			if (err != nil) != c.err || got != c.want {
				t.Errorf("LitresLeft(%v, %d) = %v, %v; want %v (error %v)", c.size, c.pints, got, err, c.want, c.err)
			}
		})
	}
}

func TestDaysToEmpty(t *testing.T) {
	cases := []struct {
		name   string
		litres float64
		perDay float64
		want   int
	}{
""" + "\n".join(rows_days) + """
	}
	for _, c := range cases {
		c := c
		t.Run(c.name, func(t *testing.T) {
			if got := DaysToEmpty(c.litres, c.perDay); got != c.want {
				t.Errorf("DaysToEmpty(%v, %v) = %d; want %d", c.litres, c.perDay, got, c.want)
			}
		})
	}
}

func TestGrade(t *testing.T) {
	cases := []struct {
		name string
		abv  int
		want string
	}{
""" + "\n".join(rows_grade) + """
	}
	for _, c := range cases {
		c := c
		t.Run(c.name, func(t *testing.T) {
			if got := Grade(c.abv); got != c.want {
				t.Errorf("Grade(%d) = %q; want %q", c.abv, got, c.want)
			}
		})
	}
}

func TestCode(t *testing.T) {
	cases := []struct {
		name string
		beer string
		want string
	}{
""" + "\n".join(rows_code) + """
	}
	for _, c := range cases {
		c := c
		t.Run(c.name, func(t *testing.T) {
			if got := Code(c.beer); got != c.want {
				t.Fatalf("Code(%q) = %q; want %q", c.beer, got, c.want)
			}
		})
	}
}

func TestEmptyKegPanics(t *testing.T) {
	var kegs []float64
	if kegs[3] > 0 {
		t.Log("unreachable")
	}
}
""", renames)


VET_GO = """package kegtally

import (
	"fmt"
	"sync"
)

// Cellar is a guarded tally of kegs by beer.
type Cellar struct {
	mu   sync.Mutex
	kegs map[string]int
}

// Snapshot copies the cellar (and its lock).
func Snapshot(c Cellar) Cellar { return c }

// Report prints a line per beer.
func (c *Cellar) Report() {
	for beer, n := range c.kegs {
		fmt.Printf("%s: %d kegs, %d litres\\n", beer, n)
		fmt.Printf("%d\\n", beer)
	}
	fmt.Println("cellar total: %d", len(c.kegs))
}

// Tap reports whether a keg is tapped.
func Tap(n int) bool {
	if n == n {
		return true
	}
	return false
}

// Line is a row of the cellar sheet.
type Line struct {
	Beer  string `json:"beer" json:"name"`
	Kegs  int    `json:kegs`
	Grade string `xml:"grade,attr,attr"`
}

// Levels logs each keg's level from a goroutine.
func Levels(kegs []int) {
	var wg sync.WaitGroup
	for i, k := range kegs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fmt.Printf("keg %d: %d\\n", i, k)
		}()
	}
	wg.Wait()
}

// Shift packs a keg number into a tag.
func Shift(n int8) int8 {
	return n << 9
}

// Warn prints a warning for a low keg.
func Warn(beer string, left float64) {
	fmt.Printf("low keg of %s: %.1f litres (%s)\\n", beer, left)
	fmt.Errorf("keg %s low", beer)
	return
	fmt.Println("unreachable")
}
"""

BUILD_GO = """package kegtally

import (
	"os"
	"strconv"
)

// Restock reads a restock count from the cellar file.
func Restock(path string) int {
	b, err := os.ReadFile(path)
	n := strconv.Atoi(string(b))
	return n + undelivered
}

// Rotate returns the kegs in pour order.
func Rotate(k []Keg) []string {
	return k
}

// Pints is how many pints are left in a keg of litres.
func Pints(litres float64) int {
	return litres / 0.568
}

// Label names a keg by its number.
func Label(n int) string {
	var s string = n
	return "keg " + s + strconv.Itoa(n, 10)
}

// Check reports a bad cellar line.
func Check(line string) error {
	if line == nil {
		return errors.New("empty line")
	}
	return fmt.Errorf("bad line %q", line)
}
"""

DEPLOY_SH = """#!/bin/sh
# Deploy casebook to the ledger host.
set -e
TARGET=$1
VERSION=`node -p "require('./package.json').version"`
cd $TARGET/releases
mkdir casebook-$VERSION && cd casebook-$VERSION
cp -r ~/build/* .
for f in $(ls *.js); do
  echo "installing $f"
done
if [ $VERSION == "1.4.0" ]; then
  echo "release $VERSION"
fi
read line < manifest.txt
echo "manifest: $line" | grep -c casebook | wc -l
rm -rf $TARGET/current/*
ln -s $TARGET/releases/casebook-$VERSION $TARGET/current
"""

BACKUP_SH = """#!/bin/bash
# Nightly backup of the casebook column maps.
src=/srv/casebook/maps
dest=/backup/casebook/$(date +%F)
files=$(find $src -name '*.json')
mkdir -p $dest
for f in $files; do
  cp $f $dest/
done
count=`ls $dest | wc -l`
if [ $count -gt 0 ]
then
  echo "backed up $count maps to $dest"
fi
trap "rm -f $dest/.lock" EXIT
echo $UNSET_VAR >> /var/log/casebook-backup.log
let total=$count+1
[[ -n $1 ]] && echo "note: $1"
exit $?
"""

ROTATE_SH = """#!/bin/sh
# Rotate casebook's logs.
LOGDIR=/var/log/casebook
for log in $LOGDIR/*.log
do
    size=$(stat -c %s $log)
    if [ $size > 1048576 ]; then
        mv $log $log.1
        gzip $log.1 &
    fi
done
echo "rotated at $(date)" >> $LOGDIR/rotate.log
local keep=5
ls -t $LOGDIR/*.gz | tail -n +$keep | xargs rm
"""


def make_steps(cap, project: str, app: str, seed: int, names: list[str] = BEERS,
               renames: tuple[tuple[str, str], ...] = ()) -> list:
    """The round's two steps on its material: this round's, or a later round's (its `cap`, its Go
    module's and its app's names, its seed, its names for the test table, its words for this round's)."""
    def go(tmp: Path) -> None:
        if not shutil.which("go"):
            cm.note("skip go: no go")
            return
        d = tmp / project
        write_tree(d, {"go.mod": renamed(GO_MOD, renames), "tally.go": renamed(TALLY_GO, renames),
                       "tally_test.go": gen_test(seed, 60, names, renames)})
        env = {"GOPATH": str(tmp / "gopath"), "GOCACHE": str(tmp / "gocache"), "GOFLAGS": "-mod=mod", "GOPROXY": "off",
               "GOTOOLCHAIN": "local"}
        cap(f"go-test-v-{project}", "go test -v ./... 2>&1", d, n_go_test, env=env, timeout=400)
        chain("chain-go-test-tail-exit", "chain-test-exit", "test",
              [Part("go test ./... 2>&1 | tail -n 60", n_go_test), Part("echo EXIT=$?", n_status_echo, ";")], d,
              env=env, timeout=400)
        write_tree(d, {"vet.go": renamed(VET_GO, renames)})
        cap(f"go-vet-{project}", "go vet ./... 2>&1", d, cm.n_go_vet, env=env, timeout=300)
        (d / "vet.go").unlink()
        write_tree(d, {"restock.go": renamed(BUILD_GO, renames)})
        cap(f"go-build-{project}-errors", "go build ./... 2>&1", d, n_go_build, env=env, timeout=300)

    def shell(tmp: Path) -> None:
        d = tmp / f"{app}-ops"
        write_tree(d, {"scripts/deploy.sh": renamed(DEPLOY_SH, renames), "scripts/backup.sh": renamed(BACKUP_SH, renames),
                       "scripts/rotate.sh": renamed(ROTATE_SH, renames)})
        cap(f"shellcheck-{app}-scripts", "shellcheck scripts/*.sh 2>&1", d, n_shellcheck)

    return [go, shell]


STEPS = make_steps(cap, "kegtally", "casebook", 27350)
