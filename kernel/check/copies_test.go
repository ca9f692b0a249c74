package check

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/goconc/goconc/kernel/course"
	"github.com/goconc/goconc/kernel/internal/learners"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A downloaded or renamed copy is checked like the original: by its
// metadata.goconc.lesson, or, without one, by its name.
func TestARenamedCopyIsCheckedLikeTheOriginal(t *testing.T) {
	t.Parallel()
	c, err := course.Find(".")
	require.NoError(t, err)
	renamed := learners.Copy(t, c, map[string]string{"fetch-all": learners.Solved})
	renamed.Path = filepath.Join(t.TempDir(), "my homework.ipynb")
	downloaded := renamed.Clone()
	delete(downloaded.Metadata(), "goconc")
	downloaded.Path = filepath.Join(t.TempDir(), "01-threads (1).ipynb")
	ch := New(c)
	results, err := ch.CheckNotebook(context.Background(), renamed)
	require.NoError(t, err)
	require.Len(t, results, 2)
	assert.Equal(t, "01-threads.ipynb", results[0].Notebook)
	assert.Equal(t, Pass, results[0].Status, "fetch-all, solved")
	assert.Equal(t, Fail, results[1].Status, "copy-all, the stub")

	results, err = ch.CheckNotebook(context.Background(), downloaded)
	require.NoError(t, err)
	require.Len(t, results, 2)
	assert.Equal(t, Pass, results[0].Status, "fetch-all, solved")

	stranger := downloaded.Clone()
	stranger.Path = "notes.ipynb"
	_, err = ch.CheckNotebook(context.Background(), stranger)
	assert.ErrorContains(t, err, "notes.ipynb is no course notebook")
}
