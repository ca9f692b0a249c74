package hub

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestAHubWithoutAClassInstallSaysToRunSetup(t *testing.T) {
	_, err := Start(context.Background(), Options{Class: Class{Dir: t.TempDir()}, Password: "pw", Dir: t.TempDir()})
	if _, lookErr := exec.LookPath("jupyterhub"); lookErr != nil {
		assert.ErrorContains(t, err, "goconc setup --hub")
		return
	}
	assert.ErrorContains(t, err, "run `sudo bin/goconc setup --hub` first")
}

func TestTheQuickTryNeedsAClassPassword(t *testing.T) {
	if _, err := exec.LookPath("jupyterhub"); err != nil {
		t.Skip("no jupyterhub")
	}
	class := Class{Dir: t.TempDir()}
	for _, p := range []string{filepath.Join(class.Course(), "go.mod"), filepath.Join(class.Bin(), "gonb"), class.GoCache()} {
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, nil, 0o644))
	}
	if class.Ready() != nil {
		t.Skip("no system-wide GoNB kernel spec: goconc setup --hub")
	}
	_, err := Start(context.Background(), Options{Class: class, Dir: t.TempDir()})
	assert.ErrorContains(t, err, "class password")
}

// A process started with the hub's marker is found by it, and one
// with another hub's is not.
func TestMarkedFindsTheProcessesOfOneHub(t *testing.T) {
	start := func(id string) *exec.Cmd {
		cmd := exec.Command("sleep", "60")
		cmd.Env = append(os.Environ(), MarkerVar+"="+id)
		require.NoError(t, cmd.Start())
		t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
		return cmd
	}
	mine, other := start("/tmp/hub-a"), start("/tmp/hub-b")
	assert.Contains(t, Marked("/tmp/hub-a"), mine.Process.Pid)
	assert.NotContains(t, Marked("/tmp/hub-a"), other.Process.Pid)
	mine.Process.Kill()
	mine.Wait()
	assert.NotContains(t, Marked("/tmp/hub-a"), mine.Process.Pid, "an exited process is not listed")
}
