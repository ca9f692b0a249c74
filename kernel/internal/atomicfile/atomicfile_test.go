package atomicfile

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A new file is readable by all, as the class's kernel spec must be for
// every learner's Jupyter; a file replaced keeps the mode it had.
func TestAFileReplacedWholeKeepsItsModeAndANewOneIsReadableByAll(t *testing.T) {
	dir := t.TempDir()
	spec := filepath.Join(dir, "kernel.json")
	require.NoError(t, WriteFile(spec, []byte("{}\n")))
	info, err := os.Stat(spec)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o644), info.Mode().Perm())

	private := filepath.Join(dir, "grades.csv")
	require.NoError(t, os.WriteFile(private, []byte("old"), 0o600))
	require.NoError(t, WriteFile(private, []byte("new")))
	info, err = os.Stat(private)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), info.Mode().Perm())
	data, _ := os.ReadFile(private)
	assert.Equal(t, "new", string(data))
}
