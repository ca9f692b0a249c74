package course

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/goconc/goconc/kernel/notebook"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTheCourseNotebooksKeepEveryRule(t *testing.T) {
	c, err := Find(".")
	require.NoError(t, err)
	ps, err := c.LintCourse(nil)
	require.NoError(t, err)
	assert.Empty(t, ps)
}

// brokenCopy returns a lint of the course's 01-threads notebook after
// break has changed it.
func lintBroken(t *testing.T, breakIt func(nb *notebook.Notebook)) string {
	t.Helper()
	c, err := Find(".")
	require.NoError(t, err)
	nb, err := notebook.Read(c.CourseNotebook("01-threads.ipynb"))
	require.NoError(t, err)
	breakIt(nb)
	path := filepath.Join(t.TempDir(), "01-threads.ipynb")
	require.NoError(t, nb.Write(path))
	var msgs []string
	for _, p := range c.Lint(path) {
		msgs = append(msgs, p.String())
	}
	return strings.Join(msgs, "\n")
}

func TestLintNamesEachBrokenRule(t *testing.T) {
	cases := map[string]struct {
		breakIt func(nb *notebook.Notebook)
		want    string
	}{
		"kernel": {func(nb *notebook.Notebook) { nb.Metadata()["kernelspec"] = map[string]any{"name": "python3"} },
			`kernelspec is "python3", want gonb`},
		"cell id": {func(nb *notebook.Notebook) { nb.Cells[3].SetID("") },
			"cell 3: cell id \"\" is missing"},
		"setup first": {func(nb *notebook.Notebook) { setup(nb).SetSource("%%\nfmt.Println(1)") },
			"the first code cell must be the setup cell"},
		"task": {func(nb *notebook.Notebook) { exerciseOf(t, nb, "fetch-all").Task.SetSource("# Exercise") },
			"exercise fetch-all: the cell before the exercise cell must be its task"},
		"declarations only": {func(nb *notebook.Notebook) { exerciseOf(t, nb, "fetch-all").Code.SetSource("%%\nfmt.Println(1)") },
			`exercise fetch-all: line 1: "%%" is a GoNB command`},
		"stub": {func(nb *notebook.Notebook) {
			exerciseOf(t, nb, "copy-all").Code.SetSource("func CopyAll() error { return nil }")
		}, `exercise copy-all: func CopyAll: a stub's body is one panic("TODO: ...")`},
		"check tag": {func(nb *notebook.Notebook) {
			exerciseOf(t, nb, "fetch-all").Check.Metadata()["tags"] = []any{"check:fetch-all"}
		},
			"exercise fetch-all: the check cell must be tagged raises-exception"},
		"check exists": {func(nb *notebook.Notebook) {
			ex := exerciseOf(t, nb, "fetch-all")
			ex.Check.SetSource(strings.ReplaceAll(ex.Check.Source(), "CheckFetchAll", "CheckFetchEverything"))
		}, "lessons/threads has no func CheckFetchEverything"},
		"check runs its test alone": {func(nb *notebook.Notebook) {
			ex := exerciseOf(t, nb, "fetch-all")
			ex.Check.SetSource(strings.Replace(ex.Check.Source(), "%test -test.run=^TestFetchAll$", "%test", 1))
		}, "exercise fetch-all: the check cell's first line must be %test -test.run=^TestFetchAll$"},
		"solution": {func(nb *notebook.Notebook) {
			exerciseOf(t, nb, "fetch-all").Code.Metadata()["tags"] = []any{"exercise:fetch-some"}
		},
			"exercise fetch-some: no solution at solutions/threads/fetch-some.go"},
		"outputs": {func(nb *notebook.Notebook) { setup(nb).SetOutputs([]any{map[string]any{"output_type": "stream"}}, 1) },
			"stored without outputs"},
		"uses": {func(nb *notebook.Notebook) { nb.Cells[4].Metadata()["tags"] = []any{"uses:nothing"} },
			"tagged uses:nothing, but the notebook has no exercise nothing"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			assert.Contains(t, lintBroken(t, tc.breakIt), tc.want)
		})
	}
}

func TestLintSaysWhenANotebookIsNotJSON(t *testing.T) {
	c, err := Find(".")
	require.NoError(t, err)
	ps := c.Lint("testdata/does-not-exist.ipynb")
	require.Len(t, ps, 1)
	assert.Contains(t, ps[0].String(), "no such file")
}

func setup(nb *notebook.Notebook) *notebook.Cell {
	for _, c := range nb.Cells {
		if c.Type() == "code" {
			return c
		}
	}
	return nil
}

func exerciseOf(t *testing.T, nb *notebook.Notebook, id string) *notebook.Exercise {
	t.Helper()
	ex, err := nb.Exercise(id)
	require.NoError(t, err)
	return ex
}

func TestLintCatchesAMissingOrWrongLesson(t *testing.T) {
	missing := lintBroken(t, func(nb *notebook.Notebook) { delete(nb.Metadata(), "goconc") })
	assert.Contains(t, missing, `01-threads.ipynb: metadata.goconc.lesson is "", want "01-threads"`)
	wrong := lintBroken(t, func(nb *notebook.Notebook) { nb.SetLesson("02-daemon") })
	assert.Contains(t, wrong, `metadata.goconc.lesson is "02-daemon", want "01-threads"`)
}

// Only what go test runs as a test counts as the check cell's one Test
// function: a helper named Testable, or a TestMain, does not.
func TestTheCheckCellsTestFunctionIsOneGoTestRuns(t *testing.T) {
	src := "%test -test.run=^TestFetchAll$\nfunc Testable() bool { return true }\n\n" +
		"func TestMain(m *testing.M) { m.Run() }\n\nfunc TestFetchAll(t *testing.T) {\n\tthreads.CheckFetchAll(t, FetchAll)\n}\n"
	assert.Equal(t, "%test -test.run=^TestFetchAll$", checkCellFirstLine(src))
	assert.Empty(t, checkCellFirstLine("%test\nfunc TestA(t *testing.T) {}\nfunc TestB(t *testing.T) {}\n"), "two tests: no one line runs the check alone")
}
