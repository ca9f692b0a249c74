package grade

import (
	"strings"
	"testing"

	"github.com/goconc/goconc/kernel/check"
	"github.com/stretchr/testify/assert"
)

func TestFeedbackSaysAStubsPanicOnceAndEveryOtherReasonWhereItBelongs(t *testing.T) {
	todo := "your code panicked: TODO: start one goroutine per URL"
	s := StudentResult{Student: "alice", Ignored: []string{"01-threads (1).ipynb"}, Notebooks: []NotebookResult{
		{Notebook: "01-threads.ipynb", Exercises: []check.ExerciseResult{
			{Exercise: "fetch-all", Status: check.Fail, MaxPoints: 3, Parts: []check.PartResult{
				{Name: "returns one page per URL", Status: check.Fail, MaxPoints: 1, Message: todo},
				{Name: "fetches all pages at the same time", Status: check.Fail, MaxPoints: 2, Message: todo},
			}},
			{Exercise: "copy-all", Status: check.Fail, Points: 2, MaxPoints: 4, Parts: []check.PartResult{
				{Name: "copies every file exactly once", Status: check.Pass, Points: 2, MaxPoints: 2},
				{Name: "never runs more copies than workers", Status: check.Fail, MaxPoints: 2, Message: "10 copies ran at once with workers=3"},
			}},
		}},
		{Notebook: "03-locks.ipynb", Problem: "the notebook was not handed in", Exercises: []check.ExerciseResult{
			{Exercise: "safe-counter", Status: check.Missing, MaxPoints: 10},
		}},
	}}
	page := Feedback(s)
	assert.Contains(t, page, "**2 of 17 points.**")
	assert.Contains(t, page, "`01-threads (1).ipynb`")
	assert.Equal(t, 1, strings.Count(page, todo), "the stub's panic is said once:\n%s", page)
	assert.Contains(t, page, "- ✓ copies every file exactly once (2/2)")
	assert.Contains(t, page, "- ✗ never runs more copies than workers (0/2)\n\n  ```text\n  10 copies ran at once with workers=3")
	assert.Contains(t, page, "## 03-locks.ipynb: 0/10\n\nThe notebook was not handed in.")
}

// A stub's claims fail with its TODO panic but its race claim holds:
// the note under them must not say that every part failed.
func TestFeedbackOnASharedFailureNamesOnlyThePartsThatFailed(t *testing.T) {
	todo := "your code panicked: TODO: workers"
	page := Feedback(StudentResult{Student: "alice", Notebooks: []NotebookResult{
		{Notebook: "01-threads.ipynb", Exercises: []check.ExerciseResult{
			{Exercise: "copy-all", Status: check.Fail, Points: 2, MaxPoints: 10, Parts: []check.PartResult{
				{Name: "copies every file", Status: check.Fail, MaxPoints: 4, Message: todo},
				{Name: "never runs more copies than workers", Status: check.Fail, MaxPoints: 4, Message: todo},
				{Name: "has no data race", Status: check.Pass, Points: 2, MaxPoints: 2},
			}},
		}},
	}})
	assert.NotContains(t, page, "Every part failed")
	assert.Contains(t, page, "\nEvery part marked ✗ failed the same way:\n\n```text\n"+todo)
}
