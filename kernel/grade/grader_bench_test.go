package grade

import (
	"context"
	"runtime"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/goconc/goconc/kernel/check"
	"github.com/goconc/goconc/kernel/internal/learners"
	"github.com/goconc/goconc/kernel/sandbox"
)

// BenchmarkGradeClass grades a generated class, race detector on,
// runtime.NumCPU() students at a time, each built once, in the
// sandbox; BenchmarkGradeNaive in kernel/check is the naive way on
// the same class:
//
//	go test -run '^$' -bench GradeClass -benchtime 1x -timeout 60m ./kernel/grade/
func BenchmarkGradeClass(b *testing.B) {
	c, subs := learners.Class(b, learners.ClassSize)
	sb, err := sandbox.New()
	require.NoError(b, err)
	for b.Loop() {
		ch := check.New(c)
		ch.Sandbox, ch.Parallel = sb, 1
		g := &Grader{Checker: ch, Jobs: runtime.NumCPU()}
		results, err := g.Grade(context.Background(), subs)
		require.NoError(b, err)
		reportClass(b, results)
	}
}

func reportClass(b *testing.B, results []StudentResult) {
	counts := map[check.Status]int{}
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
