package gradescope

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goconc/goconc/kernel/check"
	"github.com/goconc/goconc/kernel/course"
	"github.com/goconc/goconc/kernel/grade"
	"github.com/goconc/goconc/kernel/internal/learners"
	"github.com/goconc/goconc/kernel/sandbox"
)

// Every learner of a generated class (each exercise in turn solved,
// a stub, a compile error, a wrong or hostile cell of the corpus),
// graded as goconc grade grades them, translates to a results.json
// that validates, with a test per claim and the grader's score.
func TestResultsForEveryLearnerOfAClassValidate(t *testing.T) {
	if testing.Short() {
		t.Skip("grades a class")
	}
	// Six learners: every variant of every exercise (see learners.WriteClass).
	c, subs := learners.Class(t, 6)
	ch := check.New(c)
	ch.Parallel = 1
	sb, err := sandbox.New()
	if err != nil {
		sb, err = sandbox.RlimitsOnly()
	}
	require.NoError(t, err)
	ch.Sandbox = sb
	results, err := (&grade.Grader{Checker: ch, Jobs: 2}).Grade(context.Background(), subs)
	require.NoError(t, err)
	require.Len(t, results, 6)
	statuses := map[check.Status]int{}
	for _, r := range results {
		res, err := FromStudent(r, "note")
		require.NoError(t, err)
		data, err := json.Marshal(res)
		require.NoError(t, err)
		require.NoError(t, Validate(data), r.Student)
		got, _ := r.Points()
		assert.Equal(t, float64(got), res.Score, r.Student)
		var names []string
		for _, nb := range r.Notebooks {
			for _, e := range nb.Exercises {
				statuses[e.Status]++
				for _, p := range e.Parts {
					names = append(names, course.LessonName(nb.Notebook)+" · "+e.Exercise+" · "+p.Name)
				}
			}
		}
		var testNames []string
		for _, test := range res.Tests {
			testNames = append(testNames, test.Name)
			assert.NotEmpty(t, strings.TrimSpace(test.Output), test.Name)
		}
		assert.Equal(t, names, testNames, "a test per claim, in order: %s", r.Student)
	}
	for _, s := range []check.Status{check.Pass, check.Fail, check.Error} {
		assert.Positive(t, statuses[s], "the class has exercises with status %s", s)
	}
}
