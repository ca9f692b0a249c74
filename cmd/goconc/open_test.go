package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Closing the terminal that runs make course sends goconc SIGHUP. It
// must stop Jupyter and its kernels as Ctrl-C does, not leave them
// holding the port with nobody to stop them.
func TestClosingTheTerminalStopsJupyterAndItsKernels(t *testing.T) {
	if err := exec.Command("jupyter", "notebook", "--version").Run(); err != nil {
		t.Skip("jupyter-notebook is not installed (make test installs only the headless parts)")
	}
	bin := filepath.Join(t.TempDir(), "goconc")
	build := exec.Command("go", "build", "-o", bin, ".")
	out, err := build.CombinedOutput()
	require.NoError(t, err, "%s", out)

	open := exec.Command(bin, "open", "--port", "0")
	open.Dir = "../.."
	open.Env = append(os.Environ(), "DISPLAY=", "WAYLAND_DISPLAY=")
	stdout, err := open.StdoutPipe()
	require.NoError(t, err)
	require.NoError(t, open.Start())
	defer open.Process.Kill()
	url := make(chan string, 1)
	go func() {
		lines := bufio.NewScanner(stdout)
		for lines.Scan() {
			if u := strings.TrimSpace(lines.Text()); strings.HasPrefix(u, "http://") {
				url <- u
			}
		}
	}()
	var page string
	select {
	case page = <-url:
	case <-time.After(90 * time.Second):
		t.Fatal("goconc open printed no URL")
	}
	m := regexp.MustCompile(`^(http://127\.0\.0\.1:(\d+))/tree\?token=(\w+)$`).FindStringSubmatch(page)
	require.NotNil(t, m, page)
	base, port, token := m[1], m[2], m[3]

	// A kernel, as a learner opening a notebook starts one.
	resp, err := http.Post(base+"/api/kernels?token="+token, "application/json", strings.NewReader(`{"name":"gonb"}`))
	require.NoError(t, err)
	var kernel struct{ ID string }
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&kernel))
	resp.Body.Close()
	require.NotEmpty(t, kernel.ID)
	require.Eventually(t, func() bool { return len(processesWith("kernel-"+kernel.ID)) > 0 },
		30*time.Second, 100*time.Millisecond, "the gonb kernel runs")
	jupyter := processesWith("--port=" + port)
	require.NotEmpty(t, jupyter, "jupyter runs")
	t.Cleanup(func() { // should the test fail, leave no server behind
		for _, p := range jupyter {
			var pid int
			fmt.Sscan(p, &pid)
			syscall.Kill(pid, syscall.SIGTERM) // Jupyter stops its kernels on SIGTERM
		}
	})

	require.NoError(t, open.Process.Signal(syscall.SIGHUP))
	exited := make(chan error, 1)
	go func() { exited <- open.Wait() }()
	select {
	case err := <-exited:
		assert.NoError(t, err, "goconc open exits cleanly on SIGHUP")
	case <-time.After(30 * time.Second):
		t.Fatal("goconc open did not exit on SIGHUP")
	}
	assert.Eventually(t, func() bool {
		l, err := net.Listen("tcp", "127.0.0.1:"+port)
		if err == nil {
			l.Close()
		}
		return err == nil
	}, 10*time.Second, 100*time.Millisecond, "port %s is free", port)
	assert.Eventually(t, func() bool {
		return len(processesWith("--port="+port)) == 0 && len(processesWith("kernel-"+kernel.ID)) == 0
	}, 10*time.Second, 100*time.Millisecond, "no jupyter or gonb process of it remains: %v %v",
		processesWith("--port="+port), processesWith("kernel-"+kernel.ID))
}

// processesWith lists the processes whose command line contains s.
func processesWith(s string) []string {
	dirs, _ := filepath.Glob("/proc/[0-9]*/cmdline")
	var found []string
	for _, f := range dirs {
		data, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		cmdline := strings.ReplaceAll(string(data), "\x00", " ")
		if strings.Contains(cmdline, s) {
			found = append(found, fmt.Sprintf("%s %s", filepath.Base(filepath.Dir(f)), cmdline))
		}
	}
	return found
}
