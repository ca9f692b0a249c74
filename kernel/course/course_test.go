package course

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTheCourseIsFoundFromAnyFolderInside(t *testing.T) {
	c, err := Find("../notebook/testdata/roundtrip")
	require.NoError(t, err)
	abs, _ := filepath.Abs("../..")
	assert.Equal(t, abs, c.Root)
	_, err = Find(t.TempDir())
	assert.ErrorContains(t, err, "no goconc course here")
}

func TestNotebooksAreNamedAfterTheirTopic(t *testing.T) {
	assert.Equal(t, "threads", Topic("notebooks/01-threads.ipynb"))
	assert.Equal(t, "intro", Topic("00-intro.ipynb"))
}

func TestTheSolvedCopiesAreNotCourseNotebooks(t *testing.T) {
	root := t.TempDir()
	require.NoError(t, os.MkdirAll(filepath.Join(root, "notebooks"), 0o755))
	for _, n := range []string{"01-threads.ipynb", "01-threads.solved.ipynb", "notes.ipynb"} {
		require.NoError(t, os.WriteFile(filepath.Join(root, "notebooks", n), nil, 0o644))
	}
	files, err := (&Course{Root: root}).Notebooks()
	require.NoError(t, err)
	assert.Equal(t, []string{filepath.Join(root, "notebooks", "01-threads.ipynb")}, files)
}
