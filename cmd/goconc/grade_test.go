package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/goconc/goconc/kernel/grade"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// runGrade runs `goconc grade args...` as main would, from the current
// directory.
func runGrade(t *testing.T, args ...string) error {
	t.Helper()
	cmd, ok := find("grade")
	require.True(t, ok)
	_, do := cmd.flagSet()
	return do(context.Background(), nil, args)
}

// handIn copies course notebooks, untouched stubs, into
// subs/<student>/.
func handIn(t *testing.T, root, subs, student string, notebooks ...string) {
	t.Helper()
	require.NoError(t, os.MkdirAll(filepath.Join(subs, student), 0o755))
	for _, nb := range notebooks {
		data, err := os.ReadFile(filepath.Join(root, "notebooks", nb))
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(filepath.Join(subs, student, nb), data, 0o644))
	}
}

func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	require.NoError(t, err)
	return rows
}

func readClass(t *testing.T, dir string) grade.Class {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, "results.json"))
	require.NoError(t, err)
	var class grade.Class
	require.NoError(t, json.Unmarshal(data, &class))
	return class
}

// An instructor grades week 1 from their own folder, far from the
// checkout: --course names it, --notebooks the one notebook, and
// every row, page and count is of that notebook alone.
func TestGradingFromOutsideTheCheckoutGradesTheNamedNotebooksOnly(t *testing.T) {
	root, err := filepath.Abs("../..")
	require.NoError(t, err)
	subs, out := t.TempDir(), t.TempDir()
	handIn(t, root, subs, "alice", "01-threads.ipynb", "03-locks.ipynb")
	handIn(t, root, subs, "bob")
	t.Chdir(t.TempDir())

	require.NoError(t, runGrade(t, "--course", root, "--notebooks", "01-threads", "--race=false", "--out", out, subs))

	rows := readCSV(t, filepath.Join(out, "grades.csv"))
	assert.Equal(t, grade.GradesHeader, rows[0])
	require.Greater(t, len(rows), 1)
	for _, row := range rows[1:] {
		assert.Equal(t, "01-threads.ipynb", row[1], "only the named notebook has rows: %v", row)
	}
	class := readClass(t, out)
	require.Len(t, class.Students, 2)
	for _, s := range class.Students {
		require.Len(t, s.Notebooks, 1)
		assert.Empty(t, s.Ignored, "a course notebook that was not asked for is not 'no course notebook'")
	}
	page, err := os.ReadFile(filepath.Join(out, "feedback", "alice.md"))
	require.NoError(t, err)
	assert.NotContains(t, string(page), "03-locks")
}

func TestANotebookThatIsNoCourseNotebookIsAnErrorAndWritesNothing(t *testing.T) {
	root, err := filepath.Abs("../..")
	require.NoError(t, err)
	subs, out := t.TempDir(), t.TempDir()
	handIn(t, root, subs, "alice")
	err = runGrade(t, "--course", root, "--notebooks", "01-threads,07-actors", "--out", out, subs)
	require.Error(t, err)
	assert.Contains(t, err.Error(), `"07-actors" is no course notebook`)
	assert.Contains(t, err.Error(), "01-threads, 02-daemon")
	assert.NoFileExists(t, filepath.Join(out, "grades.csv"))
}

// Outside a checkout, with a goconc binary (here the test binary) that
// is in none either, the error says how to name the course.
func TestOutsideACheckoutTheErrorSaysToNameTheCourse(t *testing.T) {
	t.Chdir(t.TempDir())
	_, err := findCourse("")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "--course DIR")
}

func TestADueTimeThatIsNotRFC3339IsAnErrorAndWritesNothing(t *testing.T) {
	root, err := filepath.Abs("../..")
	require.NoError(t, err)
	subs, out := t.TempDir(), t.TempDir()
	handIn(t, root, subs, "alice")
	err = runGrade(t, "--course", root, "--due", "Dec 1 23:59", "--out", out, subs)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "want an RFC 3339 time such as 2026-12-01T23:59:00Z")
	assert.NoFileExists(t, filepath.Join(out, "grades.csv"))
}
