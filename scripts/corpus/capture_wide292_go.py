"""Round 292, Go and shell: a pirn shed's tally in Go (`weftcount`, a stdlib-only module written here with bugs put in
and a seeded generated table of test cases: go test -v with failing subtests, go test through a pipe, go vet over a
file of vet findings, go build errors) and shellcheck over the rangebook app's deploy scripts written here with faults
put in. Each kind's extractor is the earlier rounds' (go test / go build from capture_wide15_langs, go vet from
capture_more, shellcheck from capture_wide15_diag), imported; a chain's from each part's own (round 9b). Run through
capture_wide292.py."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import capture_more as cm
from capture_more import write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_diag import n_shellcheck
from capture_wide15_langs import n_go_build, n_go_test
from capture_wide292 import cap

GO_MOD = "module example.org/weftcount\n\ngo 1.19\n"

TALLY_GO = """// Package weftcount counts pirns in a shed: kilos left, days to empty and the line grade of a fibre.
package weftcount

import (
	"errors"
	"strings"
)

// ErrEmpty is returned when a pirn has nothing left to weave.
var ErrEmpty = errors.New("weftcount: pirn is empty")

// LitresLeft is what a pirn of size litres holds after picks picks of 0.568 l.
func LitresLeft(size float64, picks int) (float64, error) {
	left := size - float64(picks)*0.568
	if left < 0 {
		return 0, ErrEmpty
	}
	return float64(int(left*10+0.5)) / 10, nil
}

// DaysToEmpty is how many whole days a pirn lasts at perDay litres a day (a part day counts as a day).
func DaysToEmpty(litres, perDay float64) int {
	if perDay <= 0 {
		return -1
	}
	d := int(litres / perDay) // bug: a part day is dropped
	return d
}

// Grade names the line grade of a fibre by its strength in ABV tenths.
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

// Code is the shed code of a fibre name: its first three letters upper-cased and its length.
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

FIBRES = ["Courtrai Line", "Riga Tow", "Ulster Dew", "Pernau Weft", "Dutch Blue", "Irish Green", "Scutched Tow", "Hackled Line", "Water Retted", "Dew Retted",
         "Helles", "Kölsch"]


def gen_test(seed: int, n: int) -> str:
    rnd = random.Random(seed)
    rows_left, rows_days, rows_grade, rows_code = [], [], [], []
    for i in range(n):
        size = rnd.choice([20.0, 30.0, 41.0, 50.0])
        picks = rnd.randint(0, 95)
        left = size - picks * 0.568
        want = "0" if left < 0 else repr(int(left * 10 + 0.5) / 10)
        err = "true" if left < 0 else "false"
        rows_left.append(f'\t\t{{"pirn{i:03}", {size:.1f}, {picks}, {want}, {err}}},')
        litres = float(rnd.randint(5, 50))
        per = rnd.choice([1.5, 2.0, 2.5, 4.0, 7.0])
        full = int(litres / per) + (1 if litres % per else 0)
        rows_days.append(f'\t\t{{"day{i:03}", {litres:.1f}, {per}, {full}}},')
        abv = rnd.randint(28, 95)
        g = "table" if abv < 35 else "session" if abv < 45 else "standard" if abv < 60 else "strong"
        rows_grade.append(f'\t\t{{"abv{i:03}", {abv}, "{g}"}},')
        b = rnd.choice(FIBRES)
        c = b.replace(" ", "").upper()[:3] + "-" + str(len(b))
        if i % 23 == 7:
            c = b.replace(" ", "").upper()[:3] + "-" + str(len(b.replace(" ", "")))  # a case written from a squeezed name
        rows_code.append(f'\t\t{{"code{i:03}", "{b}", "{c}"}},')
    return """package weftcount

import "testing"

func TestLitresLeft(t *testing.T) {
	cases := []struct {
		name  string
		size  float64
		picks int
		want  float64
		err   bool
	}{
""" + "\n".join(rows_left) + """
	}
	for _, c := range cases {
		c := c
		t.Run(c.name, func(t *testing.T) {
			got, err := LitresLeft(c.size, c.picks)
			if (err != nil) != c.err || got != c.want {
				t.Errorf("LitresLeft(%v, %d) = %v, %v; want %v (error %v)", c.size, c.picks, got, err, c.want, c.err)
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
		fibre string
		want string
	}{
""" + "\n".join(rows_code) + """
	}
	for _, c := range cases {
		c := c
		t.Run(c.name, func(t *testing.T) {
			if got := Code(c.fibre); got != c.want {
				t.Fatalf("Code(%q) = %q; want %q", c.fibre, got, c.want)
			}
		})
	}
}

func TestEmptyPirnPanics(t *testing.T) {
	var pirns []float64
	if pirns[3] > 0 {
		t.Log("unreachable")
	}
}
"""


VET_GO = """package weftcount

import (
	"fmt"
	"sync"
)

// Shed is a guarded tally of pirns by fibre.
type Shed struct {
	mu   sync.Mutex
	pirns map[string]int
}

// Snapshot copies the shed (and its lock).
func Snapshot(c Shed) Shed { return c }

// Report prints a line per fibre.
func (c *Shed) Report() {
	for fibre, n := range c.pirns {
		fmt.Printf("%s: %d pirns, %d litres\\n", fibre, n)
		fmt.Printf("%d\\n", fibre)
	}
	fmt.Println("shed total: %d", len(c.pirns))
}

// Tap reports whether a pirn is tapped.
func Tap(n int) bool {
	if n == n {
		return true
	}
	return false
}

// Line is a row of the shed sheet.
type Line struct {
	Fibre  string `json:"fibre" json:"name"`
	Pirns  int    `json:pirns`
	Grade string `xml:"grade,attr,attr"`
}

// Levels logs each pirn's level from a goroutine.
func Levels(pirns []int) {
	var wg sync.WaitGroup
	for i, k := range pirns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fmt.Printf("pirn %d: %d\\n", i, k)
		}()
	}
	wg.Wait()
}

// Shift packs a pirn number into a tag.
func Shift(n int8) int8 {
	return n << 9
}

// Warn prints a warning for a low pirn.
func Warn(fibre string, left float64) {
	fmt.Printf("low pirn of %s: %.1f litres (%s)\\n", fibre, left)
	fmt.Errorf("pirn %s low", fibre)
	return
	fmt.Println("unreachable")
}
"""

BUILD_GO = """package weftcount

import (
	"os"
	"strconv"
)

// Restock reads a restock count from the shed file.
func Restock(path string) int {
	b, err := os.ReadFile(path)
	n := strconv.Atoi(string(b))
	return n + undelivered
}

// Rotate returns the pirns in winding order.
func Rotate(k []Pirn) []string {
	return k
}

// Hanks is how many picks are left in a pirn of litres.
func Hanks(litres float64) int {
	return litres / 0.568
}

// Label names a pirn by its number.
func Label(n int) string {
	var s string = n
	return "pirn " + s + strconv.Itoa(n, 10)
}

// Check reports a bad shed line.
func Check(line string) error {
	if line == nil {
		return errors.New("empty line")
	}
	return fmt.Errorf("bad line %q", line)
}
"""

DEPLOY_SH = """#!/bin/sh
# Deploy rangebook to the range host.
set -e
TARGET=$1
VERSION=`node -p "require('./package.json').version"`
cd $TARGET/releases
mkdir rangebook-$VERSION && cd rangebook-$VERSION
cp -r ~/build/* .
for f in $(ls *.js); do
  echo "installing $f"
done
if [ $VERSION == "1.4.0" ]; then
  echo "release $VERSION"
fi
read line < manifest.txt
echo "manifest: $line" | grep -c rangebook | wc -l
rm -rf $TARGET/current/*
ln -s $TARGET/releases/rangebook-$VERSION $TARGET/current
"""

BACKUP_SH = """#!/bin/bash
# Nightly backup of the rangebook column maps.
src=/srv/rangebook/maps
dest=/backup/rangebook/$(date +%F)
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
echo $UNSET_VAR >> /var/log/rangebook-backup.log
let total=$count+1
[[ -n $1 ]] && echo "note: $1"
exit $?
"""

ROTATE_SH = """#!/bin/sh
# Rotate rangebook's logs.
LOGDIR=/var/log/rangebook
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


def go(tmp: Path) -> None:
    if not shutil.which("go"):
        cm.note("skip go: no go")
        return
    d = tmp / "weftcount"
    write_tree(d, {"go.mod": GO_MOD, "tally.go": TALLY_GO, "tally_test.go": gen_test(29250, 60)})
    env = {"GOPATH": str(tmp / "gopath"), "GOCACHE": str(tmp / "gocache"), "GOFLAGS": "-mod=mod", "GOPROXY": "off",
           "GOTOOLCHAIN": "local"}
    cap("go-test-v-weftcount", "go test -v ./... 2>&1", d, n_go_test, env=env, timeout=400)
    chain("chain-go-test-tail-exit", "chain-test-exit", "test",
          [Part("go test ./... 2>&1 | tail -n 60", n_go_test), Part("echo EXIT=$?", n_status_echo, ";")], d,
          env=env, timeout=400)
    write_tree(d, {"vet.go": VET_GO})
    cap("go-vet-weftcount", "go vet ./... 2>&1", d, cm.n_go_vet, env=env, timeout=300)
    (d / "vet.go").unlink()
    write_tree(d, {"restock.go": BUILD_GO})
    cap("go-build-weftcount-errors", "go build ./... 2>&1", d, n_go_build, env=env, timeout=300)


def shell(tmp: Path) -> None:
    d = tmp / "rangebook-ops"
    write_tree(d, {"scripts/deploy.sh": DEPLOY_SH, "scripts/backup.sh": BACKUP_SH, "scripts/rotate.sh": ROTATE_SH})
    cap("shellcheck-rangebook-scripts", "shellcheck scripts/*.sh 2>&1", d, n_shellcheck)


STEPS = [go, shell]
