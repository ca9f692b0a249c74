package atomicfile

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// WriteIn replaces a symlink at name with the file, never writing
// through it, calls before with the temp file before the rename, and
// leaves no temp file behind.
func TestWriteInReplacesASymlinkInsteadOfWritingThroughIt(t *testing.T) {
	dir, elsewhere := t.TempDir(), filepath.Join(t.TempDir(), "precious")
	require.NoError(t, os.WriteFile(elsewhere, []byte("keep\n"), 0o644))
	require.NoError(t, os.Symlink(elsewhere, filepath.Join(dir, "page.md")))
	root, err := os.OpenRoot(dir)
	require.NoError(t, err)
	defer root.Close()

	var seen string
	require.NoError(t, WriteIn(root, "page.md", []byte("new\n"), 0o644, func(tmp string) error {
		seen = tmp
		data, err := root.ReadFile(tmp)
		assert.Equal(t, "new\n", string(data), "before sees the file written")
		return err
	}))

	data, err := os.ReadFile(elsewhere)
	require.NoError(t, err)
	assert.Equal(t, "keep\n", string(data))
	info, err := os.Lstat(filepath.Join(dir, "page.md"))
	require.NoError(t, err)
	assert.True(t, info.Mode().IsRegular())
	assert.NoFileExists(t, filepath.Join(dir, seen))
	entries, _ := os.ReadDir(dir)
	assert.Len(t, entries, 1, "no temp file left")
}

func TestWriteInCannotLeaveItsRoot(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "course")
	require.NoError(t, os.Mkdir(dir, 0o755))
	root, err := os.OpenRoot(dir)
	require.NoError(t, err)
	defer root.Close()
	assert.Error(t, WriteIn(root, "../escaped.md", []byte("x"), 0o644, nil))
	assert.NoFileExists(t, filepath.Join(parent, "escaped.md"))
}

// A failing before leaves name as it was.
func TestWriteInLeavesTheOldFileWhenBeforeFails(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "page.md"), []byte("old\n"), 0o644))
	root, err := os.OpenRoot(dir)
	require.NoError(t, err)
	defer root.Close()
	err = WriteIn(root, "page.md", []byte("new\n"), 0o644, func(string) error { return os.ErrPermission })
	assert.ErrorIs(t, err, os.ErrPermission)
	data, _ := os.ReadFile(filepath.Join(dir, "page.md"))
	assert.Equal(t, "old\n", string(data))
	entries, _ := os.ReadDir(dir)
	assert.Len(t, entries, 1)
}
