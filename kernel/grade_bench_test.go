package kernel

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"
)

// The grader against the naive way, on the same generated class:
//
//	go test -run '^$' -bench Grade -benchtime 1x -timeout 60m ./kernel/
//
// Both use the race detector and runtime.NumCPU() students at a time.
// The grader builds each student once, in the sandbox; the naive way
// runs one `go test -race` per exercise per student, with no sandbox.

const classSize = 30

func BenchmarkGradeClass(b *testing.B) {
	c, subs := benchClass(b)
	sb, err := NewSandbox()
	require.NoError(b, err)
	for b.Loop() {
		ch := NewChecker(c)
		ch.Sandbox, ch.Parallel = sb, 1
		g := &Grader{Checker: ch, Jobs: runtime.NumCPU()}
		results, err := g.Grade(context.Background(), subs)
		require.NoError(b, err)
		reportClass(b, results)
	}
}

func BenchmarkGradeNaive(b *testing.B) {
	c, subs := benchClass(b)
	for b.Loop() {
		ch := NewChecker(c)
		require.NoError(b, ch.setup())
		students, _, err := Students(subs)
		require.NoError(b, err)
		names, err := (&Grader{Checker: ch}).courseNotebooks()
		require.NoError(b, err)
		passed, total := 0, 0
		var mu sync.Mutex
		var wg sync.WaitGroup
		slots := make(chan struct{}, runtime.NumCPU())
		for _, s := range students {
			for _, name := range names {
				h := readSubmission(filepath.Join(subs, s, name))
				course, err := ReadNotebook(c.CourseNotebook(name))
				require.NoError(b, err)
				for _, ex := range course.Exercises() {
					wg.Go(func() {
						slots <- struct{}{}
						defer func() { <-slots }()
						status := naiveCheck(b, ch, ex, h)
						mu.Lock()
						defer mu.Unlock()
						total++
						if status == Pass {
							passed++
						}
					})
				}
			}
		}
		wg.Wait()
		b.ReportMetric(float64(total), "exercises")
		b.ReportMetric(float64(passed), "passed")
	}
}

// naiveCheck is one `go test -race` of one exercise in a module of
// its own.
func naiveCheck(b *testing.B, ch *Checker, ex *Exercise, h Submission) Status {
	if h.Notebook == nil {
		return h.Status
	}
	work := b.TempDir()
	require.NoError(b, ch.writeModule(work))
	dir := filepath.Join(work, ex.ID)
	if _, cerr := ch.writeExercise(dir, ex, h.Notebook); cerr != nil {
		return cerr.status
	}
	require.NoError(b, os.Rename(filepath.Join(dir, "check.go"), filepath.Join(dir, "check_test.go")))
	cmd := exec.Command("go", "test", "-race", "-json", "-count=1", "-timeout=1m", "./...")
	cmd.Dir = work
	cmd.Env = append(os.Environ(), "GOCONC_REPORT=1", "GOFLAGS=-mod=mod", "GOPROXY=off",
		"GORACE=atexit_sleep_ms=0 halt_on_error=0")
	out, _ := cmd.Output()
	r := &ExerciseResult{Exercise: ex.ID}
	score(r, readTestEvents(bytes.NewReader(out))[exercisePackage(ex.ID)])
	return r.Status
}

// benchClass writes a class of classSize students, each handing in
// every course notebook, once per benchmark run.
func benchClass(b *testing.B) (*Course, string) {
	c, err := FindCourse(".")
	require.NoError(b, err)
	subs := b.TempDir()
	require.NoError(b, writeClassOf(c, subs, classSize))
	return c, subs
}

func reportClass(b *testing.B, results []StudentResult) {
	counts := map[Status]int{}
	for _, r := range results {
		for _, nb := range r.Notebooks {
			for _, e := range nb.Exercises {
				counts[e.Status]++
			}
		}
	}
	for s, n := range counts {
		b.ReportMetric(float64(n), string(s))
	}
}

// writeClassOf writes n students' submissions of every course notebook
// into dir: each exercise cell is, in turn, the reference solution,
// the stub as handed out, a solution that does not compile, or a wrong
// cell from testdata/cells, and every cell carries its student's name
// so that no two students hand in the same bytes.
func writeClassOf(c *Course, dir string, n int) error {
	paths, err := c.Notebooks()
	if err != nil {
		return err
	}
	wrong, _ := filepath.Glob(filepath.Join(c.Root, "kernel", "testdata", "cells", "*.cell"))
	sort.Strings(wrong)
	for i := range n {
		student := fmt.Sprintf("student-%02d", i+1)
		if err := os.MkdirAll(filepath.Join(dir, student), 0o755); err != nil {
			return err
		}
		for _, path := range paths {
			nb, err := ReadNotebook(path)
			if err != nil {
				return err
			}
			for j, ex := range nb.Exercises() {
				src, err := classCell(c, Topic(path), ex, (i+j)%6, wrong)
				if err != nil {
					return err
				}
				ex.Code.SetSource(src + "\n// handed in by " + student + "\n")
			}
			if err := nb.Write(filepath.Join(dir, student, filepath.Base(path))); err != nil {
				return err
			}
		}
	}
	return nil
}

// classCell is variant k of an exercise cell: 0-2 the solution, 3 the
// stub, 4 a compile error, 5 a wrong cell for this exercise if the
// corpus has one.
func classCell(c *Course, topic string, ex *Exercise, k int, wrong []string) (string, error) {
	solution, err := c.Solution(topic, ex.ID)
	switch {
	case err != nil:
		return "", err
	case k <= 2:
		return solution, nil
	case k == 3:
		return ex.Code.Source(), nil
	case k == 4:
		return solution + "\nvar _ = notDeclaredAnywhere\n", nil
	}
	for _, w := range wrong {
		base := filepath.Base(w)
		if strings.HasPrefix(base, ex.ID+".") && !slowCell(base) {
			data, err := os.ReadFile(w)
			return string(data), err
		}
	}
	return ex.Code.Source(), nil
}

// slowCell names corpus cells that run into a time limit: the
// benchmark measures grading, not waiting.
func slowCell(name string) bool {
	for _, s := range []string{"endless-loop", "deadlock", "memory-hog", "vandal"} {
		if strings.Contains(name, "."+s+".") {
			return true
		}
	}
	return false
}
