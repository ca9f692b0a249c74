package hub

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
)

// MarkerVar is the environment variable that every process a hub
// starts carries, with the hub's own value: the proxy and the
// hub's children inherit it from the hub, and the config puts it into
// every single-user server's environment, whose kernels and cells
// inherit it. Its value is the hub's dir (absolute), so a caller that
// knows the dir finds the hub's processes (Marked). JupyterHub starts single-user servers and kernels in
// sessions of their own, so a process group does not hold them all;
// the marker does, even once a process has lost its parent.
const MarkerVar = "GOCONC_HUB_ID"

// Marked lists the pids of the live processes whose environment has
// MarkerVar=id (those of other users are found when we are root).
func Marked(id string) []int {
	want := []byte(MarkerVar + "=" + id)
	dirs, _ := filepath.Glob("/proc/[0-9]*")
	var pids []int
	for _, d := range dirs {
		pid, err := strconv.Atoi(filepath.Base(d))
		if err != nil || pid == os.Getpid() {
			continue
		}
		env, err := os.ReadFile(filepath.Join(d, "environ"))
		if err != nil {
			continue
		}
		for _, kv := range bytes.Split(env, []byte{0}) {
			if bytes.Equal(kv, want) {
				if !zombie(d) {
					pids = append(pids, pid)
				}
				break
			}
		}
	}
	return pids
}

// zombie is whether the process has exited and waits to be reaped.
func zombie(procDir string) bool {
	stat, err := os.ReadFile(filepath.Join(procDir, "stat"))
	if err != nil {
		return true
	}
	i := bytes.LastIndexByte(stat, ')')
	return i < 0 || i+2 >= len(stat) || stat[i+2] == 'Z'
}
