package check

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/goconc/goconc/kernel/sandbox"
	"github.com/goconc/goconc/lessons/exercise/fault"
)

// runExercise runs one exercise's checks from the build's binary, in a
// process of its own so that a crash, an endless loop or a flood of
// output costs that exercise only, and scores what it printed.
func (ch *Checker) runExercise(ctx context.Context, b *build, p *buildPart) {
	args := []string{
		"-test.run=^(" + strings.Join(p.tests, "|") + ")$",
		"-test.v=test2json", "-test.count=1", "-test.timeout=" + ch.Timeout.String(),
	}
	command := func() *exec.Cmd {
		cmd := exec.Command(b.bin, args...)
		cmd.Env = append(os.Environ(), "GOCONC_REPORT=1", "GORACE=atexit_sleep_ms=0 halt_on_error=0")
		if ch.Sandbox == nil {
			cmd.Dir = b.work
			return cmd
		}
		cmd.Dir = "/tmp"
		cmd.Env = []string{"PATH=/usr/bin:/bin", "HOME=/tmp", "TMPDIR=/tmp",
			"GOCONC_REPORT=1", "GORACE=atexit_sleep_ms=0 halt_on_error=0"}
		return ch.Sandbox.Run(cmd, filepath.Dir(b.bin))
	}
	// The binary's own timeout prints the goroutines that were stuck;
	// the limit from outside is for a binary too wedged to do that.
	lim := ch.RunLimits()
	lim.Timeout += 10 * time.Second
	start := time.Now()
	cmd := command()
	out, hit, err := sandbox.RunLimited(ctx, cmd, lim)
	for run := 2; run <= fault.Runs && err == nil && runtimeFaulted(out, hit, cmd.ProcessState); run++ {
		cmd = command() // Go's runtime failed, not the learner's code: run again
		out, hit, err = sandbox.RunLimited(ctx, cmd, lim)
	}
	p.result.Elapsed = time.Since(start)
	if err != nil {
		p.result.Status, p.result.Message = Error, "the check could not start: "+err.Error()
		return
	}
	events, err := ch.toJSON(exercisePackage(p.result.Exercise), out)
	if err != nil {
		p.result.Status, p.result.Message = Error, err.Error()
		return
	}
	run := readTestEvents(bytes.NewReader(events))[exercisePackage(p.result.Exercise)]
	if run != nil && !cmd.ProcessState.Success() {
		run.failed = true // test2json, reading a pipe, cannot see the exit status
	}
	score(p.result, run)
	ch.Extra.score(p, run)
	overrun(p.result, hit, lim)
}

// runtimeFaulted reports whether a run died of a fault of Go's runtime
// itself (fault.Of: it failed, with a fault's line, and the test
// binary's own timeout did not end it), and so is worth running again.
// A run the grader stopped from outside is not either: a learner's
// endless loop that printed a fault's line would otherwise cost its
// time limit once per run.
func runtimeFaulted(out []byte, hit sandbox.Overrun, exit *os.ProcessState) bool {
	return hit == "" && fault.Of(string(out), exit != nil && exit.Success()) != ""
}

// overrun explains a run that the grader stopped from outside.
func overrun(r *ExerciseResult, hit sandbox.Overrun, lim sandbox.Limits) {
	var msg string
	switch hit {
	case "":
		return
	case sandbox.OverTime:
		if r.Status == Timeout {
			return // the binary said so itself, with its goroutines
		}
		r.Status, msg = Timeout, fmt.Sprintf("still running after %v and had to be stopped: an endless loop, or goroutines waiting for each other?", lim.Timeout)
	case sandbox.OverMemory:
		r.Status, msg = Error, fmt.Sprintf("used more than %d MiB of memory and was stopped: something allocating without end, or goroutines started without bound?", lim.Memory>>20)
	case sandbox.OverOutput:
		r.Status, msg = Error, fmt.Sprintf("printed more than %d KiB and was stopped: is something printing in a loop?", lim.Output>>10)
	}
	r.Message = msg
	for i := range r.Parts {
		if p := &r.Parts[i]; p.Status != Pass {
			p.Status, p.Message = r.Status, "not finished: "+msg
		}
	}
}

// toJSON turns the binary's -test.v=test2json output into `go test
// -json` events, with the go command's own converter.
func (ch *Checker) toJSON(pkg string, out []byte) ([]byte, error) {
	cmd := exec.Command(ch.test2json, "-p", pkg)
	cmd.Stdin = bytes.NewReader(out)
	events, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("reading the check's output: %w", err)
	}
	return events, nil
}

// RunLimits are the limits of one run of an exercise's checks: the
// Checker's Limits and Timeout, with the defaults filled in.
func (ch *Checker) RunLimits() sandbox.Limits {
	lim := ch.Limits
	lim.Timeout = ch.Timeout
	if lim.Memory == 0 {
		lim.Memory = 1 << 30
	}
	if lim.Output == 0 {
		lim.Output = 1 << 20
	}
	return lim
}
