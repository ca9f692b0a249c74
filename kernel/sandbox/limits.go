package sandbox

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

// Limits bound one run of an exercise's checks, in the sandbox or not:
// wall-clock time, resident memory of all its processes, and bytes of
// output. The grader enforces them itself, watching from outside.
type Limits struct {
	Timeout time.Duration
	Memory  int64
	Output  int64
}

// Overrun names the limit a run hit.
type Overrun string

const (
	OverTime   Overrun = "time"
	OverMemory Overrun = "memory"
	OverOutput Overrun = "output"
)

// memoryPoll is how often a run's memory is looked at. A program that
// allocates as fast as it can gains a few hundred megabytes in that
// time; far less than the machine has.
const memoryPoll = 50 * time.Millisecond

// RunLimited runs cmd with stdout and stderr together, as `go test`
// shows them, and stops it at the first limit it hits. It returns what
// the run printed (up to the output limit) and which limit stopped it,
// if one did. err is only for a command that could not start.
func RunLimited(ctx context.Context, cmd *exec.Cmd, lim Limits) ([]byte, Overrun, error) {
	r, w, err := os.Pipe()
	if err != nil {
		return nil, "", err
	}
	defer r.Close()
	cmd.Stdout, cmd.Stderr = w, w
	if cmd.SysProcAttr == nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{}
	}
	cmd.SysProcAttr.Setpgid = true
	err = cmd.Start()
	w.Close()
	if err != nil {
		return nil, "", err
	}
	var (
		once sync.Once
		hit  Overrun
	)
	stop := func(why Overrun) {
		once.Do(func() {
			hit = why
			syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
			cmd.Process.Kill()
		})
	}
	out := make(chan []byte, 1)
	go func() { out <- readCapped(r, lim.Output, func() { stop(OverOutput) }) }()
	done, watched := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(watched)
		watch(ctx, cmd.Process.Pid, lim, stop, done)
	}()
	cmd.Wait()
	close(done)
	<-watched // the watcher may be setting hit as the run ends: let it finish
	select {
	case b := <-out:
		return b, hit, nil
	case <-time.After(2 * time.Second): // a process we could not kill holds the pipe
		r.Close()
		return <-out, hit, nil
	}
}

// readCapped reads r until EOF, keeping at most max bytes; past that
// it calls over once and throws the rest away.
func readCapped(r *os.File, max int64, over func()) []byte {
	var b []byte
	buf := make([]byte, 64<<10)
	for {
		n, err := r.Read(buf)
		if n > 0 {
			if room := max - int64(len(b)); room > 0 {
				b = append(b, buf[:min(int64(n), room)]...)
			}
			if int64(len(b)) >= max {
				over()
			}
		}
		if err != nil {
			return b
		}
	}
}

// watch stops the run when its time is up or its processes together
// hold more than lim.Memory of resident memory.
func watch(ctx context.Context, pid int, lim Limits, stop func(Overrun), done <-chan struct{}) {
	deadline := time.NewTimer(lim.Timeout)
	defer deadline.Stop()
	tick := time.NewTicker(memoryPoll)
	defer tick.Stop()
	for {
		select {
		case <-done:
			return
		case <-ctx.Done():
			stop(OverTime)
			return
		case <-deadline.C:
			stop(OverTime)
			return
		case <-tick.C:
			if lim.Memory > 0 && treeRSS(pid) > lim.Memory {
				stop(OverMemory)
				return
			}
		}
	}
}

// treeRSS is the resident memory of pid and all its descendants, in
// bytes, read from /proc.
func treeRSS(pid int) int64 {
	children := map[int][]int{}
	stats, _ := filepath.Glob("/proc/[0-9]*/stat")
	for _, path := range stats {
		b, err := os.ReadFile(path)
		if err != nil {
			continue
		}
		// pid (comm) state ppid …: comm may hold spaces, so cut at the last ')'.
		s := string(b)
		fields := strings.Fields(s[strings.LastIndexByte(s, ')')+1:])
		if len(fields) < 2 {
			continue
		}
		child, _ := strconv.Atoi(filepath.Base(filepath.Dir(path)))
		parent, _ := strconv.Atoi(fields[1])
		children[parent] = append(children[parent], child)
	}
	var total int64
	page := int64(os.Getpagesize())
	for todo := []int{pid}; len(todo) > 0; {
		p := todo[len(todo)-1]
		todo = append(todo[:len(todo)-1], children[p]...)
		if b, err := os.ReadFile("/proc/" + strconv.Itoa(p) + "/statm"); err == nil {
			if f := strings.Fields(string(b)); len(f) > 1 {
				n, _ := strconv.ParseInt(f[1], 10, 64)
				total += n * page
			}
		}
	}
	return total
}
