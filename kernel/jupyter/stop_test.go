package jupyter

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/goconc/goconc/kernel/course"
	"github.com/goconc/goconc/kernel/notebook"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A run stopped while a cell runs (Ctrl-C) returns, and leaves no GoNB
// kernel behind: nbconvert, killed outright, left its kernel running
// in a session of its own, holding the pipes Run reads, and Run never
// returned.
func TestARunStoppedMidCellReturnsAndLeavesNoKernel(t *testing.T) {
	needJupyter(t)
	c, err := course.Find(".")
	require.NoError(t, err)
	dir := t.TempDir()
	path := filepath.Join(dir, "sleeps.ipynb")
	require.NoError(t, notebook.New(notebook.NewCodeCell("sleep", "%%\ntime.Sleep(time.Hour)")).Write(path))

	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		_, err := Run(ctx, c, path, RunOptions{CellTimeout: 2 * time.Hour})
		done <- err
	}()
	for len(kernelsIn(dir)) == 0 {
		select {
		case err := <-done:
			t.Fatalf("the run ended before its kernel started: %v", err)
		case <-time.After(100 * time.Millisecond):
		}
	}
	cancel()
	assert.ErrorContains(t, <-done, "stopped (context canceled) before the notebook finished",
		"a stopped run is not a finished one, and says so, not that nbconvert was killed")
	for range 50 { // the kernel's shutdown is nbconvert's last act: let the reaper catch up
		if len(kernelsIn(dir)) == 0 {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	assert.Empty(t, kernelsIn(dir), "GoNB kernels still running in the notebook's folder")
}

// kernelsIn is the pids of the live GoNB processes working in dir.
func kernelsIn(dir string) []string {
	var pids []string
	entries, _ := os.ReadDir("/proc")
	for _, e := range entries {
		cwd, err := os.Readlink(filepath.Join("/proc", e.Name(), "cwd"))
		if err != nil || cwd != dir {
			continue
		}
		stat, _ := os.ReadFile(filepath.Join("/proc", e.Name(), "stat"))
		if strings.Contains(string(stat), "(gonb)") && !strings.Contains(string(stat), ") Z ") {
			pids = append(pids, e.Name())
		}
	}
	return pids
}
