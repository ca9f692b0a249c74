package gradescope

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goconc/goconc/kernel/check"
)

func validates(t *testing.T, res Results) {
	t.Helper()
	data, err := json.Marshal(res)
	require.NoError(t, err)
	require.NoError(t, Validate(data), string(data))
}

// A data race scores the whole exercise 0, so the claims that hold in
// it score 0 too, and say why: the total is the grader's.
func TestClaimsThatHoldInARacyExerciseScoreZeroAndSayWhy(t *testing.T) {
	res := fromNotebooks([]notebookResult{{Notebook: "01-threads.ipynb", Exercises: []exercise{{
		Exercise: "fetch-all", Status: check.Fail, Points: 0, MaxPoints: 5,
		Message: "has no data race: WARNING: DATA RACE",
		Parts: []part{
			{Name: "returns every page", Status: check.Pass, Points: 5, MaxPoints: 5},
			{Name: "has no data race", Status: check.Fail, Message: "WARNING: DATA RACE\n  exercise cell:7"},
		}}}}}, nil, "")
	validates(t, res)
	assert.Equal(t, 0.0, res.Score)
	require.Len(t, res.Tests, 2)
	assert.Equal(t, "01-threads · fetch-all · returns every page", res.Tests[0].Name)
	assert.Equal(t, Passed, res.Tests[0].Status)
	assert.Equal(t, 0.0, res.Tests[0].Score)
	assert.Equal(t, 5.0, res.Tests[0].MaxScore)
	assert.Contains(t, res.Tests[0].Output, "0 points until its data race is gone")
	assert.Equal(t, Failed, res.Tests[1].Status)
	assert.Equal(t, "```text\nWARNING: DATA RACE\n  exercise cell:7\n```\n", res.Tests[1].Output)
	assert.Contains(t, res.Output, "**0 of 5 points.**")
}

// A claim the exercise never ran (a compile error) shows the
// exercise's message and the compiler's output.
func TestAClaimNeverRunShowsWhyTheExerciseDidNot(t *testing.T) {
	res := fromNotebooks([]notebookResult{{Notebook: "01-threads.ipynb", Exercises: []exercise{{
		Exercise: "copy-all", Status: check.Error, MaxPoints: 2,
		Message: "does not compile: exercise cell:3: undefined: x",
		Output:  "exercise cell:3:2: undefined: x\n```",
		Parts:   []part{{Name: "copies every file", Status: check.Error, MaxPoints: 2, Message: "not run: does not compile: exercise cell:3: undefined: x"}},
	}}}}, nil, "Graded in the bubblewrap sandbox.")
	validates(t, res)
	require.Len(t, res.Tests, 1)
	out := res.Tests[0].Output
	assert.Contains(t, out, "Not run: Does not compile: exercise cell:3: undefined: x.\n")
	assert.Contains(t, out, "````text\nexercise cell:3:2: undefined: x\n```\n````\n", "a fence longer than the backticks inside")
	assert.Contains(t, res.Output, "Graded in the bubblewrap sandbox.")
}

// A claim marked hidden (the instructor's, see goconc grade
// --extra-checks) is a test the learner never sees, and the summary
// gives only how many there are and how many hold.
func TestHiddenClaimsAreHiddenTestsAndOnlyCounted(t *testing.T) {
	res := fromNotebooks([]notebookResult{{Notebook: "01-threads.ipynb", Exercises: []exercise{{
		Exercise: "fetch-all", Status: check.Fail, Points: 2, MaxPoints: 5,
		Parts: []part{
			{Name: "returns every page", Status: check.Pass, Points: 2, MaxPoints: 2},
			{Name: "secret-claim-name", Status: check.Fail, MaxPoints: 3, Message: "secret message", Hidden: true},
		}}}}}, nil, "")
	validates(t, res)
	assert.Equal(t, Visible, res.Tests[0].Visibility)
	assert.Equal(t, Hidden, res.Tests[1].Visibility)
	assert.Contains(t, res.Output, "1 hidden claims: 0 hold.")
	assert.NotContains(t, res.Output, "secret")
}
