package check

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/goconc/goconc/kernel/course"
	"github.com/goconc/goconc/kernel/notebook"
	"github.com/goconc/goconc/kernel/sandbox"
	"golang.org/x/sync/errgroup"
)

// Checker runs the course's checks against a learner's exercise cells.
// It is the core that `goconc check` and the grader share: it takes
// only the exercise cells from a submission, and the check cells and
// checks from the course, so a learner who edits a check changes
// nothing.
type Checker struct {
	Course  *course.Course
	Race    bool          // run the checks under the race detector
	Timeout time.Duration // for one exercise's checks to run
	// Sandbox, when set, isolates the build and every run (the grader
	// sets it; a learner checking their own notebook need not).
	Sandbox *sandbox.Sandbox
	Limits  sandbox.Limits // memory and output of one run; Timeout gives its time
	// Parallel is how many exercises of one learner run at once.
	Parallel int
	// Extra, when set, are the instructor's hidden checks, run with
	// the course's in the same build and sandbox (extra.go).
	Extra *ExtraChecks

	manifests manifestCache
	setupOnce sync.Once
	setupErr  error
	goBin     string // the go command
	test2json string // its converter of test output to JSON events
	goCache   string
	// buildReadOnly is what a sandboxed build sees read-only.
	buildReadOnly []string
}

// NewChecker returns a Checker with the defaults a learner wants: the
// race detector on, and 60 seconds per exercise, far more than a
// correct solution needs (checks run on a fake clock) and short enough
// that an endless loop is reported rather than waited for.
func New(c *course.Course) *Checker {
	return &Checker{Course: c, Race: true, Timeout: 60 * time.Second, Parallel: runtime.NumCPU()}
}

// CheckNotebook checks every exercise of the course notebook that the
// learner's notebook is a copy of: by its metadata.goconc.lesson, or
// else its file name, so a renamed or downloaded copy is checked like
// the original. Exercises the learner's notebook lacks are reported
// missing. An error is returned only for the checker's own failures
// (no such course notebook, no go command).
func (ch *Checker) CheckNotebook(ctx context.Context, learner *notebook.Notebook) ([]ExerciseResult, error) {
	path := ch.Course.CourseNotebookOf(learner)
	if path == "" {
		return nil, fmt.Errorf("%s is no course notebook: neither its metadata (goconc.lesson) nor its name says which lesson it is", filepath.Base(learner.Path))
	}
	name := filepath.Base(path)
	results, err := ch.CheckNotebooks(ctx, []Submission{{Name: name, Notebook: learner}})
	if err != nil {
		return nil, err
	}
	return results[0], nil
}

// Submission is one of a learner's notebooks as handed in: the course
// notebook it stands for, and the notebook, or why there is none.
type Submission struct {
	Name     string             // the course notebook's file name
	Notebook *notebook.Notebook // nil when it is missing or could not be read
	Status   Status             // Missing or Error, when Notebook is nil
	Why      string             // when Notebook is nil, in one line
}

// CheckNotebooks checks one learner's notebooks together, with one
// build for all of them; the results come notebook by notebook.
func (ch *Checker) CheckNotebooks(ctx context.Context, learner []Submission) ([][]ExerciseResult, error) {
	if err := ch.setup(); err != nil {
		return nil, err
	}
	work, err := os.MkdirTemp("", "goconc-check-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(work)
	if err := os.Chmod(work, 0o755); err != nil { // the checks may run as nobody
		return nil, err
	}
	if err := ch.writeModule(work); err != nil {
		return nil, err
	}
	b := &build{work: work}
	results := make([][]ExerciseResult, len(learner))
	for i, h := range learner {
		courseNB, err := notebook.Read(ch.Course.CourseNotebook(h.Name))
		if err != nil {
			return nil, fmt.Errorf("no course notebook for %s: %w", h.Name, err)
		}
		exs := courseNB.Exercises()
		results[i] = make([]ExerciseResult, len(exs))
		for j, ex := range exs {
			r := &results[i][j]
			*r = ExerciseResult{Notebook: filepath.Base(courseNB.Path), Exercise: ex.ID}
			p := &buildPart{result: r, topic: course.Topic(courseNB.Path), dir: filepath.Join(work, ex.ID)}
			if h.Notebook == nil {
				r.Status, r.Message = h.Status, h.Why
			} else if tests, cerr := ch.writeExercise(p.dir, ex, h.Notebook); cerr != nil {
				r.Status, r.Message = cerr.status, cerr.msg
			} else {
				p.checks, p.cellOK = tests, true
				p.hidden = ch.Extra.write(p)
			}
			b.parts = append(b.parts, p)
		}
	}
	if err := ch.compile(ctx, b); err != nil {
		return nil, err
	}
	if err := ch.link(ctx, b); err != nil {
		return nil, err
	}
	ch.runAll(ctx, b)
	for _, p := range b.parts {
		if err := ch.fillMaxPoints(ctx, p.topic, p.result); err != nil {
			return nil, err
		}
	}
	return results, nil
}

// runAll scores every part: compile errors as they are, the rest by
// running their checks, ch.Parallel at a time.
func (ch *Checker) runAll(ctx context.Context, b *build) {
	var pool errgroup.Group
	pool.SetLimit(max(ch.Parallel, 1))
	for _, p := range b.parts {
		switch {
		case p.run != nil:
			score(p.result, p.run)
		case p.ok:
			pool.Go(func() error {
				ch.runExercise(ctx, b, p)
				return nil
			})
		}
	}
	pool.Wait()
}

// setup finds the go command, its test2json and the paths a
// sandboxed build needs, once.
func (ch *Checker) setup() error {
	ch.setupOnce.Do(func() {
		ch.goBin, ch.setupErr = exec.LookPath("go")
		if ch.setupErr != nil {
			ch.setupErr = fmt.Errorf("the go command is not on PATH: %w", ch.setupErr)
			return
		}
		out, err := exec.Command(ch.goBin, "tool", "-n", "test2json").Output()
		if err != nil {
			ch.setupErr = fmt.Errorf("finding go's test2json: %w", err)
			return
		}
		ch.test2json = strings.TrimSpace(string(out))
		env, err := exec.Command(ch.goBin, "env", "GOROOT", "GOMODCACHE", "GOCACHE").Output()
		if err != nil {
			ch.setupErr = fmt.Errorf("go env: %w", err)
			return
		}
		f := strings.Fields(string(env))
		if len(f) != 3 {
			ch.setupErr = fmt.Errorf("go env: unexpected output %q", env)
			return
		}
		ch.goCache = f[2]
		ch.buildReadOnly = []string{f[0], f[1], ch.Course.Root, filepath.Dir(ch.goBin)}
	})
	return ch.setupErr
}
