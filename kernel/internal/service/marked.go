package service

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
)

// Marked lists the pids of the live processes whose environment has
// name=value (those of other users are found when we are root): a
// server's kernels run in sessions of their own, which neither a
// process group nor a parent holds, but they inherit the environment,
// even once they have lost their parent.
func Marked(name, value string) []int {
	want := []byte(name + "=" + value)
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
