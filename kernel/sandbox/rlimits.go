package sandbox

import (
	"errors"
	"os"
	"os/exec"
	"time"
)

// RlimitsOnly is the sandbox for a machine where bubblewrap cannot
// start (a container that forbids the namespaces it makes, such as
// Gradescope's, which gives each submission a container of its own):
// no namespaces, so the network and the file system are as the
// grader's user would see them, but the checks still run under the
// rlimits on CPU time, processes and file size, with an environment
// of their own in /tmp, and, when the grader is root, as user nobody,
// who cannot write the grader's files nor read root's home (the
// build cache, the module cache). Builds run as they are: the
// compiler runs none of the submission's code.
func RlimitsOnly() (*Sandbox, error) {
	prlimit, err := exec.LookPath("prlimit")
	if err != nil {
		return nil, errors.New("prlimit (util-linux) is not installed; the checks need it for their rlimits")
	}
	return &Sandbox{CPU: 60 * time.Second, Procs: 512, Tmp: 256 << 20,
		prlimit: prlimit, nobody: os.Getuid() == 0}, nil
}

// Confined says whether the sandbox is bubblewrap's (its own network,
// file system and processes), not rlimits alone.
func (s *Sandbox) Confined() bool { return s.bwrap != "" }
