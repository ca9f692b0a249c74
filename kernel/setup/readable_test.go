package setup

import (
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Under root's umask 077 the kernel spec's parents that setup creates
// are still open to every learner; one that was there is left as it is.
func TestTheKernelSpecsParentsAreReadableUnderAStrictUmask(t *testing.T) {
	base := t.TempDir()
	require.NoError(t, os.Chmod(base, 0o711))
	defer syscall.Umask(syscall.Umask(0o077))
	spec := filepath.Join(base, "share", "jupyter", "kernels", "gonb")
	require.NoError(t, mkdirReadable(spec))
	for d := spec; d != base; d = filepath.Dir(d) {
		info, err := os.Stat(d)
		require.NoError(t, err)
		assert.Equal(t, os.FileMode(0o755), info.Mode().Perm(), d)
	}
	info, err := os.Stat(base)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o711), info.Mode().Perm(), "a dir that was there keeps its mode")
}

// Without runuser the spec cannot be looked at as another user, and
// setup says so rather than pass it as checked.
func TestWithoutRunuserTheKernelSpecIsSaidNotChecked(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	seen, err := seenByOthers()
	require.NoError(t, err)
	assert.Contains(t, seen, "not checked")
}

// When Jupyter fails as nobody (here: root's TMPDIR, where the check's
// home is made, is root's alone), the error says why, not only
// "exit status 1".
func TestAFailedLookAsNobodySaysWhy(t *testing.T) {
	if _, err := exec.LookPath("runuser"); err != nil || os.Geteuid() != 0 {
		t.Skip("needs root and runuser")
	}
	private := t.TempDir()
	require.NoError(t, os.Chmod(private, 0o700))
	t.Setenv("TMPDIR", private)
	_, err := seenByOthers()
	require.Error(t, err)
	assert.Contains(t, err.Error(), "Permission denied")
}
