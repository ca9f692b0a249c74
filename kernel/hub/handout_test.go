package hub

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// courseDir is a notebooks/ folder with two course notebooks, a
// solved copy and a file that is no notebook.
func courseDir(t *testing.T) string {
	t.Helper()
	src := t.TempDir()
	for name, text := range map[string]string{
		"00-intro.ipynb": "intro", "01-threads.ipynb": "threads",
		"01-threads.solved.ipynb": "solved", "README.md": "readme",
	} {
		require.NoError(t, os.WriteFile(filepath.Join(src, name), []byte(text), 0o644))
	}
	return src
}

func TestHandoutCopiesTheCourseNotebooksOnlyIntoCourse(t *testing.T) {
	src, home := courseDir(t), t.TempDir()
	added, err := Handout(src, home)
	require.NoError(t, err)
	assert.Equal(t, []string{"00-intro.ipynb", "01-threads.ipynb"}, added)
	entries, err := os.ReadDir(filepath.Join(home, "course"))
	require.NoError(t, err)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	assert.Equal(t, []string{"00-intro.ipynb", "01-threads.ipynb"}, names, "no solved copy, no temp file left")
	data, err := os.ReadFile(filepath.Join(home, "course", "01-threads.ipynb"))
	require.NoError(t, err)
	assert.Equal(t, "threads", string(data))
}

func TestASecondHandoutKeepsTheLearnersWorkAndAddsOnlyNewNotebooks(t *testing.T) {
	src, home := courseDir(t), t.TempDir()
	_, err := Handout(src, home)
	require.NoError(t, err)
	mine := filepath.Join(home, "course", "01-threads.ipynb")
	require.NoError(t, os.WriteFile(mine, []byte("my work"), 0o644))
	require.NoError(t, os.Remove(filepath.Join(home, "course", "00-intro.ipynb")))
	require.NoError(t, os.WriteFile(filepath.Join(src, "02-daemon.ipynb"), []byte("daemon"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(src, "01-threads.ipynb"), []byte("threads v2"), 0o644))

	added, err := Handout(src, home)
	require.NoError(t, err)
	assert.Equal(t, []string{"00-intro.ipynb", "02-daemon.ipynb"}, added, "the deleted one is handed out again, the new one added")
	data, err := os.ReadFile(mine)
	require.NoError(t, err)
	assert.Equal(t, "my work", string(data), "a notebook the learner has is never overwritten")

	added, err = Handout(src, home)
	require.NoError(t, err)
	assert.Empty(t, added)
}

func TestHandoutSaysWhatIsWrongAndWritesNothing(t *testing.T) {
	src := courseDir(t)
	_, err := Handout(src, filepath.Join(t.TempDir(), "nobody"))
	assert.ErrorContains(t, err, "the learner's home")

	home := t.TempDir()
	_, err = Handout(t.TempDir(), home)
	assert.ErrorContains(t, err, "no course notebooks in")
	entries, _ := os.ReadDir(home)
	assert.Empty(t, entries)
}
