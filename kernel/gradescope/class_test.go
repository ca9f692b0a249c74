package gradescope

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goconc/goconc/kernel/check"
	"github.com/goconc/goconc/kernel/course"
	"github.com/goconc/goconc/kernel/grade"
	"github.com/goconc/goconc/kernel/internal/learners"
	"github.com/goconc/goconc/kernel/sandbox"
)

// Every learner of a generated class (each exercise in turn solved,
// a stub, a compile error, a wrong cell), and a learner for every cell
// of the corpus (kernel/testdata/cells: races, panics, endless loops,
// floods, hogs, bombs, a vandal), graded as goconc grade grades them
// in the bubblewrap sandbox, translates to a results.json that
// validates, with a test per claim and the grader's score.
func TestResultsForEveryLearnerOfAClassAndTheCorpusValidate(t *testing.T) {
	if testing.Short() {
		t.Skip("grades a class")
	}
	sb, err := sandbox.New()
	if err != nil && os.Getenv("CI") == "" {
		t.Skip(err) // the corpus is graded in the sandbox only
	}
	require.NoError(t, err)
	// Six learners: every variant of every exercise (see learners.WriteClass).
	c, subs := learners.Class(t, 6)
	victim := writeCorpus(t, c, subs)
	ch := check.New(c)
	ch.Sandbox, ch.Parallel, ch.Timeout = sb, 1, 10*time.Second
	ch.Limits.Memory = 512 << 20 // the hog meets it early, as in grade's corpus test
	results, err := (&grade.Grader{Checker: ch, Jobs: 2}).Grade(context.Background(), subs)
	require.NoError(t, err)
	require.Greater(t, len(results), 6+15)
	assert.FileExists(t, filepath.Join(victim, "keep.txt"), "the vandal deleted nothing")
	statuses := map[check.Status]int{}
	for _, r := range results {
		res, err := FromStudent(r, "note")
		require.NoError(t, err)
		data, err := json.Marshal(res)
		require.NoError(t, err)
		require.NoError(t, Validate(data), r.Student)
		got, _ := r.Points()
		assert.Equal(t, float64(got), res.Score, r.Student)
		var names []string
		for _, nb := range r.Notebooks {
			for _, e := range nb.Exercises {
				statuses[e.Status]++
				for _, p := range e.Parts {
					names = append(names, course.LessonName(nb.Notebook)+" · "+e.Exercise+" · "+p.Name)
				}
			}
		}
		var testNames []string
		for _, test := range res.Tests {
			testNames = append(testNames, test.Name)
			assert.NotEmpty(t, strings.TrimSpace(test.Output), test.Name)
		}
		assert.Equal(t, names, testNames, "a test per claim, in order: %s", r.Student)
	}
	for _, s := range []check.Status{check.Pass, check.Fail, check.Error, check.Timeout, check.Missing} {
		assert.Positive(t, statuses[s], "the class has exercises with status %s", s)
	}
}

// writeCorpus adds a learner for every cell of the corpus to subs:
// their 01-threads holds that cell, and the solution of the other
// exercise. It returns the dir the vandal goes for.
func writeCorpus(t *testing.T, c *course.Course, subs string) string {
	t.Helper()
	victim := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(victim, "keep.txt"), []byte("mine"), 0o644))
	fill := strings.NewReplacer("{{SECRET}}", filepath.Join(victim, "keep.txt"), "{{VICTIM}}", victim, "{{HOME}}", victim)
	cells, err := filepath.Glob(filepath.Join(learners.CellsDir(c), "*.cell"))
	require.NoError(t, err)
	for _, path := range cells {
		ex, name, _ := strings.Cut(strings.TrimSuffix(filepath.Base(path), ".cell"), ".")
		other := map[string]string{"fetch-all": "copy-all", "copy-all": "fetch-all"}[ex]
		nb := learners.Copy(t, c, map[string]string{ex: name, other: learners.Solved})
		for _, e := range nb.Exercises() {
			if e.Code != nil {
				e.Code.SetSource(fill.Replace(e.Code.Source()))
			}
		}
		dir := filepath.Join(subs, "corpus-"+ex+"-"+name)
		require.NoError(t, os.MkdirAll(dir, 0o755))
		require.NoError(t, nb.Write(filepath.Join(dir, "01-threads.ipynb")))
	}
	return victim
}
