package grade

import (
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/goconc/goconc/kernel/check"
	"github.com/goconc/goconc/kernel/course"
	"github.com/goconc/goconc/kernel/notebook"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// stubClass hands in the course's 01-threads notebook, its stubs
// signed with the student's name (so no two hand in the same cells),
// for each student named, and makes an empty folder for each in absent.
func stubClass(t *testing.T, c *course.Course, students []string, absent ...string) string {
	t.Helper()
	subs := t.TempDir()
	for _, s := range students {
		nb, err := notebook.Read(c.CourseNotebook("01-threads.ipynb"))
		require.NoError(t, err)
		for _, ex := range nb.Exercises() {
			ex.Code.SetSource(ex.Code.Source() + "\n// " + s)
		}
		require.NoError(t, os.MkdirAll(filepath.Join(subs, s), 0o755))
		require.NoError(t, nb.Write(filepath.Join(subs, s, "01-threads.ipynb")))
	}
	for _, s := range absent {
		require.NoError(t, os.MkdirAll(filepath.Join(subs, s), 0o755))
	}
	return subs
}

// quickGrader grades 01-threads alone, without the race detector or
// the sandbox: the stubs it is given are the course's own code.
func quickGrader(t *testing.T, c *course.Course) *Grader {
	ch := check.New(c)
	ch.Race, ch.Parallel = false, 1
	return &Grader{Checker: ch, Jobs: 2, Notebooks: []string{"01-threads.ipynb"}}
}

// With a due time every notebook handed in says when and whether late,
// in results.json and in two columns after DESIGN's six; the points
// are the same as without one.
func TestADueTimeSaysWhoIsLateAndTakesNoPoints(t *testing.T) {
	c, err := course.Find(".")
	require.NoError(t, err)
	subs := stubClass(t, c, []string{"alice", "bob"}, "carol")
	due := time.Date(2026, 12, 1, 23, 59, 0, 0, time.UTC)
	require.NoError(t, os.Chtimes(filepath.Join(subs, "alice", "01-threads.ipynb"), due, due.Add(-time.Hour)))
	require.NoError(t, os.Chtimes(filepath.Join(subs, "bob", "01-threads.ipynb"), due, due.Add(2*time.Hour)))

	g := quickGrader(t, c)
	g.Due = due
	results, err := g.Grade(context.Background(), subs)
	require.NoError(t, err)
	byName := map[string]NotebookResult{}
	for _, r := range results {
		byName[r.Student] = r.Notebooks[0]
	}
	require.NotNil(t, byName["alice"].Late)
	assert.False(t, *byName["alice"].Late)
	assert.Equal(t, due.Add(-time.Hour), *byName["alice"].SubmittedAt)
	require.NotNil(t, byName["bob"].Late)
	assert.True(t, *byName["bob"].Late)
	assert.Nil(t, byName["carol"].SubmittedAt, "nothing handed in, no time")
	assert.Nil(t, byName["carol"].Late)

	out := t.TempDir()
	require.NoError(t, WriteClass(out, Class{Due: &due, Students: results}))
	f, err := os.Open(filepath.Join(out, "grades.csv"))
	require.NoError(t, err)
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	require.NoError(t, err)
	assert.Equal(t, append(GradesHeader, LateColumns...), rows[0])
	late := map[string][]string{}
	for _, row := range rows[1:] {
		late[row[0]] = row[6:]
	}
	assert.Equal(t, []string{"2026-12-01T22:59:00Z", "false"}, late["alice"])
	assert.Equal(t, []string{"2026-12-02T01:59:00Z", "true"}, late["bob"])
	assert.Equal(t, []string{"", ""}, late["carol"])

	g.Due = time.Time{}
	plain, err := g.Grade(context.Background(), subs)
	require.NoError(t, err)
	for i := range plain {
		assert.Nil(t, plain[i].Notebooks[0].Late, "no due time, no lateness")
		got, _ := plain[i].Points()
		want, _ := results[i].Points()
		assert.Equal(t, want, got, "lateness costs no points")
	}
}
