package gradescope

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goconc/goconc/kernel/internal/learners"
)

// An autograder made with --extra-checks holds them, passes them on
// from run_autograder, and grades with them: the worked example's
// hidden claim (a hundred pages at once) is a hidden test that a pool
// of 16 workers fails, counted in the score, and nothing of it (name,
// message, file) is in what the learner sees.
func TestTheAutograderGradesWithTheHiddenChecksItHolds(t *testing.T) {
	if testing.Short() {
		t.Skip("builds goconc and grades a submission with hidden checks")
	}
	a := newAutograderWith(t, filepath.Join("kernel", "testdata", "extra-checks"))
	src := filepath.Join(a.root, "source")
	held, err := os.ReadFile(filepath.Join(src, ExtraChecksDir, "fetch-all", "many_pages_test.go"))
	require.NoError(t, err)
	mine, err := os.ReadFile(filepath.Join(a.course.Root, "kernel", "testdata", "extra-checks", "fetch-all", "many_pages_test.go"))
	require.NoError(t, err)
	assert.Equal(t, mine, held, "the zip holds the checks as they are")
	for _, name := range []string{"run_autograder", "setup.sh"} {
		script, err := os.ReadFile(filepath.Join(src, name))
		require.NoError(t, err)
		assert.Contains(t, string(script), "--extra-checks", name)
		shellcheck(t, name, string(script))
	}

	res := a.submit(t, func(dir string) {
		writeNotebook(t, a.course, filepath.Join(dir, "01-threads.ipynb"),
			map[string]string{"fetch-all": "sixteen-workers", "copy-all": learners.Solved})
	}, "--timeout=20s")
	assert.Equal(t, 20.0, res.Score, "the course's claims hold, the hidden one does not: %s", res.Output)
	var hidden []Test
	seen := res.Output
	for _, test := range res.Tests {
		if test.Visibility == Hidden {
			hidden = append(hidden, test)
			continue
		}
		assert.Equal(t, Passed, test.Status, test.Name)
		seen += test.Name + test.Output
	}
	require.Len(t, hidden, 1)
	assert.Equal(t, Failed, hidden[0].Status)
	assert.Equal(t, 2.0, hidden[0].MaxScore)
	assert.Contains(t, res.Output, "1 hidden claims: 0 hold.")
	for _, secret := range []string{"hundred", "many_pages", "ManyPages"} {
		assert.NotContains(t, strings.ToLower(seen), strings.ToLower(secret))
	}
}
