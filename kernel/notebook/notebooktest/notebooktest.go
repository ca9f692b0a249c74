// Package notebooktest asserts what a course notebook printed, the way
// GoNB's own notebook tests do: `goconc run --solved --write` executes
// every notebook through the real GoNB kernel and saves it beside the
// course copy as NAME.solved.ipynb; each lesson's TestNotebookOutputs
// then reads that copy and checks the lines its cells promise (the
// seed's sums, the counts, "PASS fetch-all: 10/10 points"), so a cell
// that runs but prints the wrong number fails `make test`.
//
//	func TestNotebookOutputs(t *testing.T) {
//		nb := notebooktest.Executed(t, "01-threads")
//		nb.Has(t, "fetch-all-check", "PASS fetch-all: 10/10 points")
//	}
//
// The tests run only when GOCONC_EXECUTED is set (`make outputs` sets
// it, after `make notebooks`): the unit tests do not run notebooks.
package notebooktest

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/goconc/goconc/kernel/course"
	"github.com/goconc/goconc/kernel/notebook"
)

// Notebook is an executed course notebook.
type Notebook struct {
	nb *notebook.Notebook
}

// Executed reads notebooks/NAME.solved.ipynb of the checkout around the
// test, or skips the test when GOCONC_EXECUTED is not set.
func Executed(t *testing.T, name string) *Notebook {
	t.Helper()
	if os.Getenv("GOCONC_EXECUTED") == "" {
		t.Skip("reads the notebooks that `make notebooks` executed: run `make outputs`")
	}
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	c, err := course.Find(wd)
	if err != nil {
		t.Fatal(err)
	}
	return Read(t, filepath.Join(c.Root, "notebooks", name+".solved.ipynb"))
}

// Read reads the executed notebook at path.
func Read(t *testing.T, path string) *Notebook {
	t.Helper()
	nb, err := notebook.Read(path)
	if err != nil {
		t.Fatalf("%v (run `bin/goconc run --solved --write` on it first)", err)
	}
	return &Notebook{nb}
}

// Output is what the cell with id printed. A missing cell, or one that
// was not run, fails the test.
func (n *Notebook) Output(t *testing.T, id string) string {
	t.Helper()
	for _, c := range n.nb.Cells {
		if c.ID() != id {
			continue
		}
		if c.Type() != "code" {
			t.Fatalf("%s: cell %s is not a code cell", n.nb.Path, id)
		}
		return c.OutputText()
	}
	t.Fatalf("%s: no cell %s", n.nb.Path, id)
	return ""
}

// Has checks that the cell with id printed each of lines, each as a
// whole line of its output.
func (n *Notebook) Has(t *testing.T, id string, lines ...string) {
	t.Helper()
	out := n.Output(t, id)
	have := map[string]bool{}
	for _, l := range strings.Split(out, "\n") {
		have[strings.TrimRight(l, " \r")] = true
	}
	for _, l := range lines {
		if !have[l] {
			t.Errorf("%s: cell %s did not print the line %q; it printed:\n%s", filepath.Base(n.nb.Path), id, l, out)
		}
	}
}

// Matches checks that the cell with id printed a line matching each of
// the regular expressions, for lines with a part that varies (a time,
// an order) beside a part that does not.
func (n *Notebook) Matches(t *testing.T, id string, patterns ...string) {
	t.Helper()
	out := n.Output(t, id)
	for _, p := range patterns {
		if !regexp.MustCompile(`(?m)` + p).MatchString(out) {
			t.Errorf("%s: cell %s printed no line matching %q; it printed:\n%s", filepath.Base(n.nb.Path), id, p, out)
		}
	}
}
