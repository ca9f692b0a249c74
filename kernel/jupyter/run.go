package jupyter

import (
	"bytes"
	"context"
	"crypto/rand"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/goconc/goconc/kernel/course"
	"github.com/goconc/goconc/kernel/excerpt"
	"github.com/goconc/goconc/kernel/internal/service"
	"github.com/goconc/goconc/kernel/notebook"
	"golang.org/x/sync/errgroup"
)

// RunOptions are the choices of `goconc run`.
type RunOptions struct {
	Solved      bool          // paste the reference solutions into the exercise cells first
	Write       bool          // save the executed notebook (see Run)
	CellTimeout time.Duration // for any one cell
}

// CellFailure is a cell that raised an error it was not allowed to.
type CellFailure struct {
	Index  int
	Source string // its first lines
	Error  string // the error and the last lines of its stderr
}

func (f CellFailure) String() string {
	return fmt.Sprintf("cell %d failed:\n%s\n  error: %s", f.Index, excerpt.Indent(f.Source, "  | "), excerpt.Indent(f.Error, "    "))
}

// RunResult is what running one notebook found.
type RunResult struct {
	Notebook string
	Cells    int
	Elapsed  time.Duration
	Failures []CellFailure
	Written  string // where the executed notebook was saved, if it was
}

// Run executes a notebook headless through the real GoNB kernel, with
// Jupyter's own nbconvert, and reports every cell that failed. A cell
// tagged raises-exception may fail, except, when the solutions are in
// (opt.Solved), the cells that run them: check:<id> and uses:<id>.
//
// With opt.Write the executed notebook is saved in place; with Solved
// too it is saved beside it as NAME.solved.ipynb, so a solution never
// lands in the learners' copy.
func Run(ctx context.Context, c *course.Course, path string, opt RunOptions) (*RunResult, error) {
	nb, err := notebook.Read(path)
	if err != nil {
		return nil, err
	}
	if opt.Solved {
		if err := c.PasteSolutions(nb); err != nil {
			return nil, err
		}
	}
	start := time.Now()
	out, err := execute(ctx, nb, filepath.Dir(path), opt.CellTimeout)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", filepath.Base(path), err)
	}
	res := &RunResult{Notebook: filepath.Base(path), Cells: len(out.Cells), Elapsed: time.Since(start)}
	for i, cell := range out.Cells {
		if msg := errorOutput(cell); msg != "" && !mayFail(cell, opt.Solved) {
			res.Failures = append(res.Failures, CellFailure{i, excerpt.First(cell.Source(), 3), msg})
		}
	}
	if opt.Write {
		res.Written = path
		if opt.Solved {
			res.Written = strings.TrimSuffix(path, ".ipynb") + ".solved.ipynb"
		}
		if err := out.Write(res.Written); err != nil {
			return res, err
		}
	}
	return res, nil
}

// mayFail reports whether a cell's error is expected.
func mayFail(c *notebook.Cell, solved bool) bool {
	if !c.HasTag("raises-exception") {
		return false
	}
	_, isCheck := c.TagValue("check")
	_, usesSolution := c.TagValue("uses")
	return !solved || !isCheck && !usesSolution
}

// errorOutput is the error a cell's outputs report, with the last lines
// GoNB wrote to stderr (a panic's) or showed as HTML (the compiler's),
// or "".
func errorOutput(c *notebook.Cell) string {
	var msg string
	var stderr []string
	for _, o := range c.Outputs() {
		switch o["output_type"] {
		case "error":
			msg = fmt.Sprintf("%v: %v", o["ename"], o["evalue"])
		case "stream":
			if o["name"] == "stderr" {
				stderr = append(stderr, notebook.MultilineText(o["text"]))
			}
		case "display_data":
			data, _ := o["data"].(map[string]any)
			if text := gonbErrorText(notebook.MultilineText(data["text/html"])); text != "" {
				stderr = append(stderr, text+"\n")
			}
		}
	}
	if msg == "" {
		return ""
	}
	if len(stderr) > 0 {
		msg += "\n" + excerpt.Last(stripANSI(strings.Join(stderr, "")), 8)
	}
	return msg
}

// runMarkerVar marks the processes of one notebook's run (nbconvert,
// its kernel, the kernel's cells), so that a stopped run ends them all.
const runMarkerVar = "GOCONC_RUN_ID"

// execute runs nb through `jupyter nbconvert --execute` in dir (the
// kernel's working directory, which the setup cell's ${GONB_DIR}/..
// relies on) and returns the executed notebook.
func execute(ctx context.Context, nb *notebook.Notebook, dir string, cellTimeout time.Duration) (*notebook.Notebook, error) {
	cmd := exec.CommandContext(ctx, "jupyter", "nbconvert", "--to", "notebook", "--execute",
		"--stdin", "--stdout", "--allow-errors",
		fmt.Sprintf("--ExecutePreprocessor.timeout=%d", int(cellTimeout.Seconds())),
		"--ExecutePreprocessor.kernel_name=gonb")
	cmd.Dir = dir
	cmd.Stdin = bytes.NewReader(nb.Marshal())
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	// Stopped (Ctrl-C), the run ends nbconvert and its kernel with it.
	// The kernel runs in a session of its own, holding nbconvert's
	// stdout and stderr: nbconvert killed alone (or interrupted: it
	// does not shut the kernel down then) left it running, and Wait
	// read those pipes for as long as it lived (goconc run hung after
	// Ctrl-C). The kernel inherits nbconvert's environment, and the
	// marker there finds it; WaitDelay bounds whatever else holds on.
	marker := rand.Text()
	cmd.Env = append(os.Environ(), "PATH="+ToolPath(), runMarkerVar+"="+marker)
	cmd.Cancel = func() error {
		for _, pid := range service.Marked(runMarkerVar, marker) {
			syscall.Kill(pid, syscall.SIGKILL)
		}
		return cmd.Process.Kill()
	}
	cmd.WaitDelay = 5 * time.Second
	if err := cmd.Run(); err != nil {
		if ctx.Err() != nil {
			return nil, fmt.Errorf("stopped (%v) before the notebook finished; its kernel is stopped too", context.Cause(ctx))
		}
		return nil, fmt.Errorf("jupyter nbconvert failed (%v): %s", err, excerpt.Last(jupyterErrors(stderr.String()), 6))
	}
	out, err := notebook.Parse(stdout.Bytes())
	if err != nil {
		return nil, fmt.Errorf("jupyter nbconvert wrote no notebook: %w", err)
	}
	out.Path = nb.Path
	return out, nil
}

// jupyterErrors drops GoNB's log lines (klog's "I1121 …") from stderr.
func jupyterErrors(s string) string {
	var keep []string
	for _, l := range strings.Split(s, "\n") {
		if len(l) > 5 && strings.ContainsRune("IWE", rune(l[0])) && l[1] >= '0' && l[1] <= '9' {
			continue
		}
		keep = append(keep, l)
	}
	return strings.Join(keep, "\n")
}

func stripANSI(s string) string { return ansi.ReplaceAllString(s, "") }

// Outcome is one notebook's run: its result, or the error that kept
// it from running.
type Outcome struct {
	Result *RunResult
	Err    error
}

// RunAll runs the notebooks jobs at a time, each through a kernel of
// its own, and hands back each outcome on its own channel, so that
// they can be printed in the order given as soon as each is ready. A
// cell's time is mostly one linker building one binary on one core,
// so two notebooks on two cores take little more than one. With
// times (nil: none), the notebooks start longest first and their
// times are kept there; the caller saves them.
func RunAll(ctx context.Context, c *course.Course, paths []string, opt RunOptions, jobs int, times *RunTimes) []<-chan Outcome {
	outcomes := make([]chan Outcome, len(paths))
	ready := make([]<-chan Outcome, len(paths))
	for i := range paths {
		outcomes[i] = make(chan Outcome, 1)
		ready[i] = outcomes[i]
	}
	var mu sync.Mutex // guards times
	go func() {
		var pool errgroup.Group
		pool.SetLimit(max(jobs, 1))
		for _, i := range times.startOrder(paths, opt.Solved) {
			pool.Go(func() error {
				res, err := Run(ctx, c, paths[i], opt)
				if err == nil {
					mu.Lock()
					times.record(paths[i], opt.Solved, res.Elapsed)
					mu.Unlock()
				}
				outcomes[i] <- Outcome{res, err}
				return nil
			})
		}
		pool.Wait()
	}()
	return ready
}
