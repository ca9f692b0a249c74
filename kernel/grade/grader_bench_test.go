package grade

import (
	"context"
	"runtime"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/goconc/goconc/kernel/check"
	"github.com/goconc/goconc/kernel/internal/learners"
	"github.com/goconc/goconc/kernel/sandbox"
)

// BenchmarkGradeClass grades a generated class of 30, as goconc grade
// does: race detector on, in the sandbox, runtime.NumCPU() students at
// a time, each built once, their exercises run one at a time.
// BenchmarkGradeNaive in kernel/check is the naive way on the same
// class:
//
//	go test -run '^$' -bench GradeClass -benchtime 1x -timeout 60m ./kernel/grade/
func BenchmarkGradeClass(b *testing.B) {
	for b.Loop() {
		took, results := gradeGenerated(b, learners.ClassSize)
		b.ReportMetric(took.Seconds(), "s/class")
		reportClass(b, results)
	}
}

// BenchmarkGradeRatio grades one learner and then 30, in the same
// sitting (same machine, same load), as BenchmarkGradeClass does, and
// reports what 30 cost as a multiple of one: a figure that holds on
// any machine, where seconds hold on this one only.
//
//	go test -run '^$' -bench GradeRatio -benchtime 1x -timeout 60m ./kernel/grade/
func BenchmarkGradeRatio(b *testing.B) {
	for b.Loop() {
		one, _ := gradeGenerated(b, 1)
		many, _ := gradeGenerated(b, learners.ClassSize)
		b.ReportMetric(one.Seconds(), "s/1-learner")
		b.ReportMetric(many.Seconds(), "s/30-learners")
		b.ReportMetric(many.Seconds()/one.Seconds(), "ratio")
	}
}

// BenchmarkGrade300 grades a generated class of 300, ten times the
// class of BenchmarkGradeClass:
//
//	go test -run '^$' -bench Grade300 -benchtime 1x -timeout 60m ./kernel/grade/
func BenchmarkGrade300(b *testing.B) {
	for b.Loop() {
		took, results := gradeGenerated(b, 300)
		b.ReportMetric(took.Seconds(), "s/class")
		reportClass(b, results)
	}
}

// gradeGenerated grades a generated class of n the way goconc grade
// does and says how long the grading took (writing the class not
// counted).
func gradeGenerated(b *testing.B, n int) (time.Duration, []StudentResult) {
	b.StopTimer()
	c, subs := learners.Class(b, n)
	sb, err := sandbox.New()
	require.NoError(b, err)
	ch := check.New(c)
	ch.Sandbox, ch.Parallel = sb, 1 // as goconc grade sets it
	g := &Grader{Checker: ch, Jobs: runtime.NumCPU()}
	b.StartTimer()
	start := time.Now()
	results, err := g.Grade(context.Background(), subs)
	took := time.Since(start)
	require.NoError(b, err)
	require.Len(b, results, n)
	return took, results
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
