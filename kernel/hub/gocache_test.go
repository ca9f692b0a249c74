package hub

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// sharedCache is a build cache laid out as Go lays one out: buckets
// of index entries (-a), outputs (-d) and a cached executable (a -d
// dir holding it).
func sharedCache(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range map[string]string{
		"README":              "cache",
		"0a/0aa1-a":           "v1 0aa1 0bb2 3\n",
		"0b/0bb2-d":           "out",
		"0c/0cc3-d/gonb_test": "exe",
	} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(text), 0o644))
	}
	return dir
}

func inode(t *testing.T, path string) uint64 {
	t.Helper()
	info, err := os.Stat(path)
	require.NoError(t, err)
	return info.Sys().(*syscall.Stat_t).Ino
}

func TestTheLearnersCacheSharesOutputsAndOwnsItsIndexEntries(t *testing.T) {
	shared, home := sharedCache(t), t.TempDir()
	n, err := SeedGoCache(shared, home)
	require.NoError(t, err)
	assert.Equal(t, 4, n)
	mine := filepath.Join(home, ".cache", "go-build")
	for _, out := range []string{"0b/0bb2-d", "0c/0cc3-d/gonb_test"} {
		assert.Equal(t, inode(t, filepath.Join(shared, out)), inode(t, filepath.Join(mine, out)), "%s is linked", out)
	}
	assert.NotEqual(t, inode(t, filepath.Join(shared, "0a/0aa1-a")), inode(t, filepath.Join(mine, "0a/0aa1-a")),
		"an index entry, which Go may overwrite in place, is the learner's own copy")

	// Go overwrites an index entry: the class's stays as it was.
	require.NoError(t, os.WriteFile(filepath.Join(mine, "0a/0aa1-a"), []byte("v1 0aa1 0dd4 3\n"), 0o644))
	data, err := os.ReadFile(filepath.Join(shared, "0a/0aa1-a"))
	require.NoError(t, err)
	assert.Equal(t, "v1 0aa1 0bb2 3\n", string(data))
}

func TestSeedingAgainKeepsWhatTheLearnersCacheHas(t *testing.T) {
	shared, home := sharedCache(t), t.TempDir()
	_, err := SeedGoCache(shared, home)
	require.NoError(t, err)
	entry := filepath.Join(home, ".cache", "go-build", "0a", "0aa1-a")
	require.NoError(t, os.WriteFile(entry, []byte("the learner's"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(shared, "0b", "0bb9-d"), []byte("new"), 0o644))

	n, err := SeedGoCache(shared, home)
	require.NoError(t, err)
	assert.Equal(t, 1, n, "only the new output")
	data, err := os.ReadFile(entry)
	require.NoError(t, err)
	assert.Equal(t, "the learner's", string(data))
}
