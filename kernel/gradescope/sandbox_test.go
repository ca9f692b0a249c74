package gradescope

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goconc/goconc/kernel/check"
	"github.com/goconc/goconc/kernel/course"
)

// Where bubblewrap cannot start (here: is not there), auto grades with
// rlimits alone and says so and why; bubblewrap refuses instead.
func TestWithoutBubblewrapAutoFallsBackToRlimitsAndSaysSo(t *testing.T) {
	prlimit, err := exec.LookPath("prlimit")
	if err != nil {
		t.Skip("no prlimit")
	}
	bin := t.TempDir()
	require.NoError(t, os.Symlink(prlimit, filepath.Join(bin, "prlimit")))
	t.Setenv("PATH", bin)
	c, err := course.Find(".")
	require.NoError(t, err)

	ch := check.New(c)
	note, err := pickSandbox(ch, SandboxAuto)
	require.NoError(t, err)
	require.NotNil(t, ch.Sandbox)
	assert.False(t, ch.Sandbox.Confined())
	assert.Contains(t, note, "without the bubblewrap sandbox, which cannot start in this container (bubblewrap (bwrap) is not installed")
	assert.Contains(t, note, "your code ran under rlimits")

	_, err = pickSandbox(check.New(c), SandboxBubblewrap)
	assert.ErrorContains(t, err, "bwrap")
	_, err = pickSandbox(check.New(c), "docker")
	assert.ErrorContains(t, err, `no sandbox "docker"`)
}
