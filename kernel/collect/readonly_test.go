package collect

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// collectInChild, when the test binary is started with it set to
// "HOMES:SUBMISSIONS", collects and prints the report as JSON: how the
// tests below run Collect in a bubblewrap of their own making.
const collectInChild = "GOCONC_COLLECT_CHILD"

func TestMain(m *testing.M) {
	if spec := os.Getenv(collectInChild); spec != "" {
		homes, subs, _ := strings.Cut(spec, ":")
		r, err := Collect(homes, subs)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(3)
		}
		json.NewEncoder(os.Stdout).Encode(r)
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// collectUnder runs Collect in a child process under bwrap with the
// given arguments before the command (a read-only bind, another user).
func collectUnder(t *testing.T, homes, subs string, bwrap ...string) Report {
	t.Helper()
	if _, err := exec.LookPath("bwrap"); err != nil && os.Getenv("CI") == "" {
		t.Skip("no bwrap (goconc setup installs it)")
	}
	exe, err := os.Executable()
	require.NoError(t, err)
	args := append([]string{"--dev-bind", "/", "/"}, bwrap...)
	cmd := exec.Command("bwrap", append(args, "--", exe)...)
	cmd.Env = append(os.Environ(), collectInChild+"="+homes+":"+subs)
	out, err := cmd.Output()
	var stderr string
	if ee, ok := err.(*exec.ExitError); ok {
		stderr = string(ee.Stderr)
	}
	require.NoError(t, err, stderr)
	var r Report
	require.NoError(t, json.Unmarshal(out, &r))
	return r
}

// On homes mounted read-only, where no write could succeed, the
// collection is the same.
func TestCollectWorksOnReadOnlyHomes(t *testing.T) {
	homes := hubHomes(t)
	before := snapshot(t, homes)
	subs := t.TempDir()
	r := collectUnder(t, homes, subs, "--ro-bind", homes, homes)
	assert.Equal(t, []string{"alice", "bob", "carol", "dave"}, names(r.Learners))
	assert.Equal(t, []string{"01-threads.ipynb", "02-daemon.ipynb"}, r.Learners[0].Notebooks)
	assert.Len(t, r.Problems, 3)
	assert.Equal(t, before, snapshot(t, homes))
	m, err := ReadManifest(subs)
	require.NoError(t, err)
	assert.Equal(t, saved, m.Learners["alice"].Notebooks["01-threads.ipynb"].Modified)
}

// Run as a user who may not read some of it (an instructor who is not
// root), a file and a home it cannot read are a line each and the
// rest is collected.
func TestUnreadableFilesAndHomesAreALineEachAndTheRestIsCollected(t *testing.T) {
	homes := hubHomes(t)
	subs := filepath.Join(t.TempDir(), "subs")
	before := snapshot(t, homes)
	daemon := filepath.Join(homes, "alice", "course", "02-daemon.ipynb")
	carol := filepath.Join(homes, "carol")
	bobs := filepath.Join(homes, "bob", "course")
	require.NoError(t, os.Chmod(daemon, 0o000))
	require.NoError(t, os.Chmod(carol, 0o000))
	require.NoError(t, os.Chmod(bobs, 0o311))
	restore := func() {
		os.Chmod(daemon, 0o644)
		os.Chmod(carol, 0o755)
		os.Chmod(bobs, 0o755)
	}
	t.Cleanup(restore) // so the temp dir can go
	// The child runs as uid 1000, with no capabilities: it must reach
	// homes and subs, and the modes above stop it as they stop any
	// user but root.
	for dir := homes; dir != "/" && dir != os.TempDir(); dir = filepath.Dir(dir) {
		require.NoError(t, os.Chmod(dir, 0o755))
	}
	require.NoError(t, os.MkdirAll(subs, 0o777))
	require.NoError(t, os.Chmod(subs, 0o777))

	r := collectUnder(t, homes, subs, "--unshare-user", "--uid", "1000", "--gid", "1000")

	problems := strings.Join(r.Problems, "\n")
	assert.Contains(t, problems, "alice/course/02-daemon.ipynb: cannot read it: permission denied")
	assert.Contains(t, problems, "cannot look into "+carol+": permission denied")
	assert.Contains(t, problems, bobs+": permission denied")
	assert.Equal(t, []string{"alice", "dave"}, names(r.Learners), "bob's course/ cannot be listed: not taken for empty")
	assert.Equal(t, []string{"01-threads.ipynb"}, r.Learners[0].Notebooks)
	restore()
	assert.Equal(t, before, snapshot(t, homes))
}
