package check

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"
	"golang.org/x/sync/errgroup"

	"github.com/goconc/goconc/kernel/internal/learners"
	"github.com/goconc/goconc/kernel/notebook"
)

// BenchmarkGradeNaive is what the grader is measured against (see
// BenchmarkGradeClass in kernel/grade), on the same generated class:
//
//	go test -run '^$' -bench GradeNaive -benchtime 1x -timeout 60m ./kernel/check/
//
// It runs one `go test -race` per exercise per student, with no
// sandbox, runtime.NumCPU() at a time.
func BenchmarkGradeNaive(b *testing.B) {
	c, subs := learners.Class(b, learners.ClassSize)
	for b.Loop() {
		ch := New(c)
		require.NoError(b, ch.setup())
		students, err := os.ReadDir(subs)
		require.NoError(b, err)
		paths, err := c.Notebooks()
		require.NoError(b, err)
		passed, total := 0, 0
		var mu sync.Mutex
		var pool errgroup.Group
		pool.SetLimit(runtime.NumCPU())
		for _, s := range students {
			for _, path := range paths {
				learner, err := notebook.Read(filepath.Join(subs, s.Name(), filepath.Base(path)))
				require.NoError(b, err)
				courseNB, err := notebook.Read(path)
				require.NoError(b, err)
				for _, ex := range courseNB.Exercises() {
					pool.Go(func() error {
						status := naiveCheck(b, ch, ex, learner)
						mu.Lock()
						defer mu.Unlock()
						total++
						if status == Pass {
							passed++
						}
						return nil
					})
				}
			}
		}
		pool.Wait()
		b.ReportMetric(float64(total), "exercises")
		b.ReportMetric(float64(passed), "passed")
	}
}

// naiveCheck is one `go test -race` of one exercise in a module of
// its own.
func naiveCheck(b *testing.B, ch *Checker, ex *notebook.Exercise, learner *notebook.Notebook) Status {
	work := b.TempDir()
	require.NoError(b, ch.writeModule(work))
	dir := filepath.Join(work, ex.ID)
	if _, cerr := ch.writeExercise(dir, ex, learner); cerr != nil {
		return cerr.status
	}
	require.NoError(b, os.Rename(filepath.Join(dir, "check.go"), filepath.Join(dir, "check_test.go")))
	cmd := exec.Command(ch.goBin, "test", "-race", "-json", "-count=1", "-timeout=1m", "./...")
	cmd.Dir = work
	cmd.Env = append(os.Environ(), "GOCONC_REPORT=1", "GOFLAGS=-mod=mod", "GOPROXY=off",
		"GORACE=atexit_sleep_ms=0 halt_on_error=0")
	out, _ := cmd.Output()
	r := &ExerciseResult{Exercise: ex.ID}
	score(r, readTestEvents(bytes.NewReader(out))[exercisePackage(ex.ID)])
	return r.Status
}
