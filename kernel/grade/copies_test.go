package grade

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/goconc/goconc/kernel/check"
	"github.com/goconc/goconc/kernel/course"
	"github.com/goconc/goconc/kernel/internal/learners"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A renamed or downloaded copy is graded like the original: by its
// metadata.goconc.lesson, or, without one, by its name.
func TestARenamedCopyIsGradedLikeTheOriginal(t *testing.T) {
	t.Parallel()
	sb := needSandbox(t)
	c, err := course.Find(".")
	require.NoError(t, err)
	subs := t.TempDir()
	for student, file := range map[string]string{"downloaded": "01-threads (1).ipynb", "renamed": "my homework.ipynb"} {
		dir := filepath.Join(subs, student)
		require.NoError(t, os.MkdirAll(dir, 0o755))
		require.NoError(t, learners.Copy(t, c, both(learners.Solved)).Write(filepath.Join(dir, file)))
	}
	ch := check.New(c)
	ch.Sandbox, ch.Timeout = sb, 20*time.Second
	results, err := (&Grader{Checker: ch, Jobs: 2}).Grade(context.Background(), subs)
	require.NoError(t, err)
	require.Len(t, results, 2)
	for _, r := range results {
		assert.Empty(t, r.Ignored, r.Student)
		for _, nb := range r.Notebooks {
			if nb.Notebook != "01-threads.ipynb" {
				continue
			}
			for _, e := range nb.Exercises {
				assert.Equal(t, check.Pass, e.Status, "%s %s: %s", r.Student, e.Exercise, e.Message)
			}
		}
	}
}
