package check

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/goconc/goconc/lessons/exercise"

	"github.com/goconc/goconc/kernel/course"
	"github.com/goconc/goconc/kernel/notebook"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Both directions, for every exercise of every course notebook, through
// the same checker learners and instructors use: the stubs as shipped
// fail every part and say so, and the reference solutions pass.
func TestEveryExerciseFailsAsShippedAndPassesSolved(t *testing.T) {
	c, err := course.Find(".")
	require.NoError(t, err)
	paths, err := c.Notebooks()
	require.NoError(t, err)
	for _, path := range paths {
		t.Run(filepath.Base(path), func(t *testing.T) {
			stubs, err := notebook.Read(path)
			require.NoError(t, err)
			if len(stubs.Exercises()) == 0 {
				t.Skip("no exercises in this lesson") // 00-intro
			}
			solved := stubs.Clone()
			require.NoError(t, c.PasteSolutions(solved))
			ch := New(c)
			for _, r := range checkAll(t, ch, stubs) {
				assert.Equal(t, Fail, r.Status, "%s as shipped", r.Exercise)
				assert.Equal(t, 0, r.Points, "%s as shipped", r.Exercise)
				for _, p := range r.Parts {
					if p.Name == exercise.NoRaceClaim {
						assert.Equal(t, Pass, p.Status, "a stub has no race")
						continue
					}
					assert.Contains(t, p.Message, "your code panicked: TODO", "%s / %s", r.Exercise, p.Name)
				}
			}
			for _, r := range checkAll(t, ch, solved) {
				assert.Equal(t, Pass, r.Status, "%s solved: %s", r.Exercise, partMessages(r))
				assert.Equal(t, r.MaxPoints, r.Points, "%s solved", r.Exercise)
				assert.Positive(t, r.MaxPoints, r.Exercise)
			}
		})
	}
}

func checkAll(t *testing.T, ch *Checker, nb *notebook.Notebook) []ExerciseResult {
	t.Helper()
	results, err := ch.CheckNotebook(context.Background(), nb)
	require.NoError(t, err)
	require.NotEmpty(t, results)
	return results
}
