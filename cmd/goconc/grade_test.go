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

// With a roster, canvas.csv names each learner by their LMS ids, and a
// learner the roster misses keeps a row by folder name.
func TestGradingWritesTheLMSGradebooksWithTheRostersIDs(t *testing.T) {
	root, err := filepath.Abs("../..")
	require.NoError(t, err)
	subs, out := t.TempDir(), t.TempDir()
	handIn(t, root, subs, "alice", "01-threads.ipynb")
	handIn(t, root, subs, "bob", "01-threads.ipynb")
	roster := filepath.Join(t.TempDir(), "roster.csv")
	require.NoError(t, os.WriteFile(roster, []byte("folder,name,id,sis_user_id,email\nalice,Ada Lovelace,1234,S001,ada@example.edu\n"), 0o644))

	require.NoError(t, runGrade(t, "--course", root, "--notebooks", "01-threads", "--roster", roster,
		"--race=false", "--out", out, subs))

	canvas := readCSV(t, filepath.Join(out, "canvas.csv"))
	assert.Equal(t, []string{"Student", "ID", "SIS User ID", "SIS Login ID", "Section", "01-threads"}, canvas[0])
	assert.Equal(t, []string{"Points Possible", "", "", "", "", "20"}, canvas[1])
	assert.Equal(t, []string{"Ada Lovelace", "1234", "S001", "", "", "0"}, canvas[2])
	assert.Equal(t, []string{"bob", "", "", "", "", "0"}, canvas[3], "not in the roster: reported, not dropped")
	moodle := readCSV(t, filepath.Join(out, "moodle.csv"))
	assert.Equal(t, []string{"ada@example.edu", "", "Ada Lovelace", "0"}, moodle[1])
}

func TestARosterWithoutAFolderColumnIsAnErrorAndWritesNothing(t *testing.T) {
	root, err := filepath.Abs("../..")
	require.NoError(t, err)
	subs, out := t.TempDir(), t.TempDir()
	handIn(t, root, subs, "alice")
	roster := filepath.Join(t.TempDir(), "roster.csv")
	require.NoError(t, os.WriteFile(roster, []byte("Student,ID\nAda,1\n"), 0o644))
	err = runGrade(t, "--course", root, "--roster", roster, "--out", out, subs)
	assert.ErrorContains(t, err, "no folder column")
	assert.NoFileExists(t, filepath.Join(out, "grades.csv"))
}

func runMerge(t *testing.T, args ...string) error {
	t.Helper()
	cmd, rest, ok := findIn(append([]string{"grade", "merge"}, args...))
	require.True(t, ok)
	require.Equal(t, "grade merge", cmd.name)
	_, do := cmd.flagSet()
	return do(context.Background(), nil, rest)
}

// Two shards, graded apart and merged, are the class graded at once:
// the same grades.csv, LMS files and feedback pages.
func TestShardsMergedAreTheClassGradedAtOnce(t *testing.T) {
	root, err := filepath.Abs("../..")
	require.NoError(t, err)
	subs := t.TempDir()
	for _, s := range []string{"alice", "bob", "carol", "dave"} {
		handIn(t, root, subs, s, "01-threads.ipynb")
	}
	outs := t.TempDir()
	out := func(name string) string { return filepath.Join(outs, name) }
	grade := func(dir string, extra ...string) {
		args := append([]string{"--course", root, "--notebooks", "01-threads", "--race=false", "--out", dir}, extra...)
		require.NoError(t, runGrade(t, append(args, subs)...))
	}
	grade(out("all"))
	grade(out("1"), "--shard", "1/2")
	grade(out("2"), "--shard", "2/2")
	assert.Len(t, readClass(t, out("1")).Students, 2, "bob and carol")
	assert.Len(t, readClass(t, out("2")).Students, 2, "alice and dave")

	require.NoError(t, runMerge(t, "--out", out("merged"), out("2"), out("1")))
	for _, file := range []string{"grades.csv", "canvas.csv", "moodle.csv", "feedback/alice.md", "feedback/bob.md"} {
		want, err := os.ReadFile(filepath.Join(out("all"), file))
		require.NoError(t, err)
		got, err := os.ReadFile(filepath.Join(out("merged"), file))
		require.NoError(t, err)
		assert.Equal(t, string(want), string(got), file)
	}
	assert.Empty(t, readClass(t, out("merged")).Shard)

	err = runMerge(t, "--out", out("bad"), out("1"), out("1"))
	assert.ErrorContains(t, err, "shard 1/2 is both")
	err = runMerge(t, "--out", out("bad"), out("1"), out("all"))
	assert.ErrorContains(t, err, "is not a shard")
	assert.NoDirExists(t, out("bad"), "a refused merge writes nothing")
	err = runMerge(t, "--out", out("1"), out("1"), out("2"))
	assert.ErrorContains(t, err, "is one of the shards")
}
