package kernel

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// Checker runs the course's checks against a learner's exercise cells.
// It is the core that `goconc check` and the grader share: it takes
// only the exercise cells from a submission, and the check cells and
// checks from the course, so a learner who edits a check changes
// nothing.
type Checker struct {
	Course  *Course
	Race    bool          // run the checks under the race detector
	Timeout time.Duration // for one exercise's checks to run
	// Wrap, when set, changes the `go test` command before it runs
	// (the grader uses it to put the command in a sandbox).
	Wrap func(*exec.Cmd) *exec.Cmd

	manifests manifestCache
}

// NewChecker returns a Checker with the defaults a learner wants: the
// race detector on, and 60 seconds per exercise, far more than a
// correct solution needs (checks run on a fake clock) and short enough
// that an endless loop is reported rather than waited for.
func NewChecker(c *Course) *Checker {
	return &Checker{Course: c, Race: true, Timeout: 60 * time.Second}
}

// CheckNotebook checks every exercise of the course notebook that the
// learner's notebook is named after. Exercises the learner's notebook
// lacks are reported missing. An error is returned only for the
// checker's own failures (no such course notebook, no go command).
func (ch *Checker) CheckNotebook(ctx context.Context, learner *Notebook) ([]ExerciseResult, error) {
	course, err := ReadNotebook(ch.Course.CourseNotebook(learner.Path))
	if err != nil {
		return nil, fmt.Errorf("no course notebook for %s: %w", filepath.Base(learner.Path), err)
	}
	work, err := os.MkdirTemp("", "goconc-check-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(work)
	return ch.checkIn(ctx, work, course, learner)
}

// checkIn writes one Go package per exercise into work, runs them all
// with a single `go test` (one build, packages compiled in parallel),
// and turns what it printed into results.
func (ch *Checker) checkIn(ctx context.Context, work string, course, learner *Notebook) ([]ExerciseResult, error) {
	if err := ch.writeModule(work); err != nil {
		return nil, err
	}
	name := filepath.Base(course.Path)
	var results []ExerciseResult
	var pending []int
	for _, ex := range course.Exercises() {
		r := ExerciseResult{Notebook: name, Exercise: ex.ID}
		if err := ch.writeExercise(filepath.Join(work, ex.ID), ex, learner); err != nil {
			r.Status, r.Message = err.status, err.msg
		} else {
			pending = append(pending, len(results))
		}
		results = append(results, r)
	}
	if len(pending) > 0 {
		start := time.Now()
		out, err := ch.goTest(ctx, work, len(pending))
		if err != nil {
			return nil, err
		}
		runs := readTestEvents(bytes.NewReader(out))
		for _, i := range pending {
			r := &results[i]
			r.Elapsed = time.Since(start)
			score(r, runs[exercisePackage(r.Exercise)])
		}
	}
	for i := range results {
		if err := ch.fillMaxPoints(ctx, Topic(course.Path), &results[i]); err != nil {
			return nil, err
		}
	}
	return results, nil
}

// cellError is why an exercise could not even be built: it is missing
// or breaks the cell rules.
type cellError struct {
	status Status
	msg    string
}

// writeExercise writes the learner's exercise cell and the course's
// check cell as one package.
func (ch *Checker) writeExercise(dir string, ex *Exercise, learner *Notebook) *cellError {
	if ex.Check == nil {
		return &cellError{Error, "the course has no check cell for this exercise"}
	}
	mine, err := learner.Exercise(ex.ID)
	if err != nil || mine.Code == nil {
		return &cellError{Missing, fmt.Sprintf("no cell tagged exercise:%s in the notebook", ex.ID)}
	}
	code, err := ExerciseCode(mine.Code.Source())
	if err != nil {
		return &cellError{Error, "exercise cell " + err.Error()}
	}
	exFile, err := CellFile("submission", "exercise cell", code, ch.Course.Root)
	if err != nil {
		return &cellError{Error, "exercise cell " + err.Error()}
	}
	checkFile, err := CellFile("submission", "check cell", CheckCode(ex.Check.Source()), ch.Course.Root)
	if err != nil {
		return &cellError{Error, "the course's check cell does not build: " + err.Error()}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return &cellError{Error, err.Error()}
	}
	for name, data := range map[string][]byte{"exercise.go": exFile, "check_test.go": checkFile} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			return &cellError{Error, err.Error()}
		}
	}
	return nil
}

// submissionModule is the module the exercise packages live in.
const submissionModule = "goconc.local/submission"

func exercisePackage(id string) string { return submissionModule + "/" + id }

// writeModule makes work a module that sees the course through a
// replace directive, with the course's go.sum, so nothing is fetched.
func (ch *Checker) writeModule(work string) error {
	mod := fmt.Sprintf("module %s\n\ngo 1.25.0\n\nrequire %s v0.0.0\n\nreplace %s => %s\n",
		submissionModule, ModulePath, ModulePath, ch.Course.Root)
	if err := os.WriteFile(filepath.Join(work, "go.mod"), []byte(mod), 0o644); err != nil {
		return err
	}
	sum, err := os.ReadFile(filepath.Join(ch.Course.Root, "go.sum"))
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(work, "go.sum"), sum, 0o644)
}

// goTest runs every exercise package's checks and returns the JSON
// event stream. Its exit status says only that some check failed,
// which the events tell better, so it is not an error.
func (ch *Checker) goTest(ctx context.Context, work string, packages int) ([]byte, error) {
	args := []string{"test", "-json", "-count=1", "-timeout=" + ch.Timeout.String()}
	if ch.Race {
		args = append(args, "-race")
	}
	args = append(args, "./...")
	// The build and all packages get their time plus a margin.
	ctx, cancel := context.WithTimeout(ctx, 2*time.Minute+time.Duration(packages)*ch.Timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Dir = work
	cmd.Env = append(os.Environ(),
		"GOCONC_REPORT=1", "GOFLAGS=-mod=mod", "GOPROXY=off", "GOTOOLCHAIN=local",
		"GORACE=atexit_sleep_ms=0 halt_on_error=0")
	if ch.Wrap != nil {
		cmd = ch.Wrap(cmd)
	}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	if ctx.Err() != nil {
		return stdout.Bytes(), nil // the packages still running are reported as timeouts
	}
	if _, ok := err.(*exec.ExitError); err != nil && !ok {
		return nil, fmt.Errorf("running go test: %w", err)
	}
	if stdout.Len() == 0 && stderr.Len() > 0 {
		return nil, fmt.Errorf("go test failed: %s", firstLines(stderr.String(), 5))
	}
	return stdout.Bytes(), nil
}

// firstLines keeps the first n lines of s.
func firstLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = append(lines[:n], "…")
	}
	return strings.Join(lines, "\n")
}
