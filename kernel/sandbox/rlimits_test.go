package sandbox

import (
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Where bubblewrap cannot start, the checks still get their rlimits
// and, under a root grader, run as nobody; builds run unwrapped.
func TestRlimitsOnlyKeepsTheLimitsAndTheUserWithoutNamespaces(t *testing.T) {
	sb, err := RlimitsOnly()
	require.NoError(t, err)
	assert.False(t, sb.Confined())
	out, err := sb.Run(exec.Command("/bin/bash", "-c", "ulimit -t; ulimit -u; id -u"), "").CombinedOutput()
	require.NoError(t, err, string(out))
	lines := strings.Fields(string(out))
	require.Len(t, lines, 3, string(out))
	assert.Equal(t, "60", lines[0], "CPU seconds")
	if os.Getuid() == 0 {
		assert.Equal(t, "512", lines[1], "processes, counted for nobody alone")
		assert.Equal(t, "65534", lines[2], "the checks run as nobody")
	}
	build := sb.Build(exec.Command("/bin/true"), []string{"/usr"}, nil)
	assert.Equal(t, []string{"/bin/true"}, build.Args, "a build is not wrapped")
}
