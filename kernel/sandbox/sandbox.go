package sandbox

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"time"

	"github.com/goconc/goconc/kernel/excerpt"
)

// Sandbox puts a submission's build and its checks in bubblewrap: no
// network, no other process to see, a read-only file system with only
// what the step needs, a /tmp of its own, no capabilities, and rlimits
// on CPU time, processes and file size. Memory, wall-clock time and
// output are limited by the watched run (see limits.go), because the
// race detector reserves terabytes of address space and an address
// space rlimit would stop every race-enabled binary.
type Sandbox struct {
	CPU   time.Duration // CPU time of one check run
	Procs int           // processes and threads a check run may add
	Tmp   int64         // bytes of the sandbox's own /tmp

	bwrap   string
	prlimit string
	nobody  bool // running as root: the checks run as nobody, so Procs counts their threads only
}

// ErrNoBubblewrap says the grader cannot isolate submissions.
var ErrNoBubblewrap = errors.New("bubblewrap (bwrap) is not installed: run `goconc setup` (or `apt-get install bubblewrap`), or pass --unsafe-no-sandbox to grade without isolation")

// New finds bubblewrap and prlimit and checks that a sandbox
// can start here (some containers forbid the namespaces it needs).
func New() (*Sandbox, error) {
	bwrap, err := exec.LookPath("bwrap")
	if err != nil {
		return nil, ErrNoBubblewrap
	}
	prlimit, err := exec.LookPath("prlimit")
	if err != nil {
		return nil, errors.New("prlimit (util-linux) is not installed; the sandbox needs it to set rlimits")
	}
	s := &Sandbox{CPU: 60 * time.Second, Procs: 512, Tmp: 256 << 20,
		bwrap: bwrap, prlimit: prlimit, nobody: os.Getuid() == 0}
	probe := s.Run(exec.Command("/bin/true"), "")
	if out, err := probe.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("bubblewrap cannot start a sandbox here: %v %s", err, excerpt.First(string(out), 2))
	}
	return s, nil
}

// Build wraps a `go build` or `go test -c` of a submission: the
// toolchain and module cache read-only, the work dir and build cache
// writable. The compiler runs no code of the submission (cgo is
// refused by the import check), so sharing the build cache is safe.
func (s *Sandbox) Build(cmd *exec.Cmd, readOnly, writable []string) *exec.Cmd {
	args := s.base()
	for _, p := range readOnly {
		args = append(args, "--ro-bind", p, p)
	}
	for _, p := range writable {
		args = append(args, "--bind", p, p)
	}
	return s.wrap(cmd, args, false)
}

// Run wraps the run of a submission's checks: only the system's
// libraries and the test binary's own directory (read-only) are there;
// the instructor's home, the course and the build cache are not.
func (s *Sandbox) Run(cmd *exec.Cmd, binDir string) *exec.Cmd {
	args := s.base()
	if binDir != "" {
		args = append(args, "--ro-bind", binDir, binDir)
	}
	limits := []string{s.prlimit,
		"--cpu=" + strconv.Itoa(int(s.CPU.Seconds())),
		"--nproc=" + strconv.Itoa(s.procLimit()),
		"--fsize=" + strconv.FormatInt(s.Tmp, 10),
		"--core=0", "--"}
	cmd.Args = append(limits, cmd.Args...)
	cmd.Path = s.prlimit
	return s.wrap(cmd, args, s.nobody)
}

// base is the file system every sandbox starts from.
func (s *Sandbox) base() []string {
	args := []string{"--unshare-all", "--die-with-parent", "--new-session", "--cap-drop", "ALL",
		"--ro-bind", "/usr", "/usr", "--ro-bind-try", "/etc/alternatives", "/etc/alternatives",
		"--ro-bind-try", "/etc/ld.so.cache", "/etc/ld.so.cache",
		"--proc", "/proc", "--dev", "/dev",
		"--size", strconv.FormatInt(s.Tmp, 10), "--tmpfs", "/tmp"}
	for _, dir := range []string{"/bin", "/lib", "/lib64", "/sbin"} {
		if target, err := os.Readlink(dir); err == nil {
			args = append(args, "--symlink", target, dir)
		} else if _, err := os.Stat(dir); err == nil {
			args = append(args, "--ro-bind", dir, dir)
		}
	}
	return args
}

// wrap makes cmd run inside bwrap with args (unless the sandbox is
// RlimitsOnly), as nobody when asked.
func (s *Sandbox) wrap(cmd *exec.Cmd, args []string, asNobody bool) *exec.Cmd {
	if s.bwrap != "" {
		s.bwrapped(cmd, args)
	}
	if asNobody {
		if cmd.SysProcAttr == nil {
			cmd.SysProcAttr = &syscall.SysProcAttr{}
		}
		cmd.SysProcAttr.Credential = &syscall.Credential{Uid: nobodyID, Gid: nobodyID}
	}
	return cmd
}

// bwrapped makes cmd run inside bwrap with args, in the same directory.
func (s *Sandbox) bwrapped(cmd *exec.Cmd, args []string) {
	if cmd.Dir != "" {
		args = append(args, "--chdir", cmd.Dir)
	}
	if filepath.IsAbs(cmd.Path) {
		cmd.Args[0] = cmd.Path // bwrap looks names up in PATH, which the sandbox may lack
	}
	args = append(append(args, "--"), cmd.Args...)
	cmd.Path, cmd.Args = s.bwrap, append([]string{s.bwrap}, args...)
}

// nobodyID is the user and group the checks run as when the grader is
// root: an rlimit on processes then counts their processes alone.
const nobodyID = 65534

// procLimit is the rlimit on processes, which Linux counts for the
// whole user: as nobody that is the checks' own, otherwise the
// user's processes and threads already running are added.
func (s *Sandbox) procLimit() int {
	if s.nobody {
		return s.Procs
	}
	return s.Procs + threadsOf(os.Getuid())
}

// threadsOf counts the threads a user runs now.
func threadsOf(uid int) int {
	n := 0
	dirs, _ := filepath.Glob("/proc/[0-9]*/task/[0-9]*")
	for _, d := range dirs {
		var st syscall.Stat_t
		if syscall.Stat(d, &st) == nil && int(st.Uid) == uid {
			n++
		}
	}
	return n
}
