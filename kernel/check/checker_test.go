package check

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/goconc/goconc/lessons/exercise"

	"github.com/goconc/goconc/kernel/course"
	"github.com/goconc/goconc/kernel/internal/learners"
	"github.com/goconc/goconc/kernel/notebook"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// These tests run the real checker (go test -race on the learner's
// cells) on the course's 01-threads notebook, with exercise cells
// taken from kernel/testdata/cells: right, wrong and broken on purpose.

func checkCells(t *testing.T, cells map[string]string) map[string]ExerciseResult {
	t.Helper()
	t.Parallel()
	c, err := course.Find(".")
	require.NoError(t, err)
	path := learners.Write(t, c, cells)
	before, _ := os.ReadFile(path)
	nb, err := notebook.Read(path)
	require.NoError(t, err)
	ch := New(c)
	ch.Timeout = 10 * time.Second
	results, err := ch.CheckNotebook(context.Background(), nb)
	require.NoError(t, err)
	after, _ := os.ReadFile(path)
	assert.Equal(t, before, after, "the learner's notebook is read, never written")
	byID := map[string]ExerciseResult{}
	for _, r := range results {
		byID[r.Exercise] = r
		assert.Equal(t, 10, r.MaxPoints, "%s is worth 10 points whatever happened", r.Exercise)
		assert.Len(t, r.Parts, 6, "%s: five claims and exercise.NoRaceClaim", r.Exercise)
	}
	return byID
}

func partMessages(r ExerciseResult) string {
	var b strings.Builder
	for _, p := range r.Parts {
		b.WriteString(p.Name + ": " + p.Message + "\n")
	}
	return b.String()
}

func TestSlowAndUnboundedCodeLosesTheTimingPoints(t *testing.T) {
	rs := checkCells(t, map[string]string{"fetch-all": "sequential", "copy-all": "unbounded"})
	fetch, copyAll := rs["fetch-all"], rs["copy-all"]
	assert.Equal(t, Fail, fetch.Status)
	assert.Equal(t, 7, fetch.Points, partMessages(fetch))
	assert.Contains(t, partMessages(fetch), "the pages were fetched one after another")
	assert.Equal(t, Fail, copyAll.Status)
	assert.Contains(t, partMessages(copyAll), "more than 3 at once")
}

func TestACompileErrorIsReportedWithTheCellLine(t *testing.T) {
	rs := checkCells(t, map[string]string{"fetch-all": "compile-error", "copy-all": "leak"})
	fetch := rs["fetch-all"]
	assert.Equal(t, Error, fetch.Status)
	assert.Equal(t, 0, fetch.Points)
	assert.Contains(t, fetch.Message, "does not compile: exercise cell:6:")
	assert.Contains(t, fetch.Message, "undefined: fetchOne")
	leak := rs["copy-all"]
	assert.Equal(t, Fail, leak.Status)
	assert.Contains(t, partMessages(leak), "goroutine leak")
	assert.Contains(t, partMessages(leak), "exercise cell:")
}

func TestADataRaceFailsThePartAndPointsAtTheCell(t *testing.T) {
	rs := checkCells(t, map[string]string{"fetch-all": "race", "copy-all": "-"})
	race := rs["fetch-all"]
	assert.Equal(t, Fail, race.Status)
	assert.Contains(t, partMessages(race), "data race")
	assert.Contains(t, partMessages(race), "exercise cell:16")
	assert.Equal(t, 0, race.Points, "a race anywhere scores the exercise 0, though other claims held")
	assert.True(t, strings.HasPrefix(race.Message, exercise.NoRaceClaim+": the race detector reported"), race.Message)
	missing := rs["copy-all"]
	assert.Equal(t, Missing, missing.Status)
	assert.Equal(t, 0, missing.Points)
}

func TestAPanicInAGoroutineCostsOnlyItsOwnExercise(t *testing.T) {
	rs := checkCells(t, map[string]string{"fetch-all": "goroutine-panic", "copy-all": learners.Solved})
	crash := rs["fetch-all"]
	assert.Equal(t, Error, crash.Status)
	assert.Contains(t, crash.Message, "index out of range")
	assert.Equal(t, Pass, rs["copy-all"].Status)
}

func TestAFaultOfGosRuntimeIsRunAgainAndNamedIfItRecurs(t *testing.T) {
	rs := checkCells(t, map[string]string{"fetch-all": "runtime-fault-once", "copy-all": "runtime-fault"})
	assert.Equal(t, Pass, rs["fetch-all"].Status, "a fault on the first run only: run again, graded as if it never happened")
	twice := rs["copy-all"]
	assert.Equal(t, Error, twice.Status)
	assert.Contains(t, twice.Message, "Go's runtime failed on its own (ThreadSanitizer: CHECK failed")
	assert.Contains(t, twice.Message, "on 3 runs")
	assert.Contains(t, twice.Message, "not of your code")
}

func TestAnEndlessLoopTimesOutAndTheRestIsStillChecked(t *testing.T) {
	rs := checkCells(t, map[string]string{"fetch-all": "endless-loop", "copy-all": learners.Solved})
	assert.Equal(t, Timeout, rs["fetch-all"].Status)
	assert.Equal(t, Pass, rs["copy-all"].Status)
}

func TestADeadlockIsAFailureNotAHang(t *testing.T) {
	rs := checkCells(t, map[string]string{"fetch-all": "deadlock", "copy-all": learners.Solved})
	dead := rs["fetch-all"]
	assert.NotEqual(t, Pass, dead.Status)
	assert.Contains(t, partMessages(dead), "FetchAll had not returned after 1m0s of fake time")
	assert.Contains(t, partMessages(dead), "FetchAll had not returned after 5s")
	assert.Equal(t, Pass, rs["copy-all"].Status)
}

func TestCellsThatBreakTheContractSayWhich(t *testing.T) {
	rs := checkCells(t, map[string]string{"fetch-all": "gonb-main", "copy-all": "-"})
	assert.Equal(t, Error, rs["fetch-all"].Status)
	assert.Contains(t, rs["fetch-all"].Message, `"%%" is a GoNB command`)
}

func TestARenamedFunctionIsNamedInTheMessage(t *testing.T) {
	rs := checkCells(t, map[string]string{"fetch-all": "renamed", "copy-all": learners.Solved})
	assert.Equal(t, Error, rs["fetch-all"].Status)
	assert.Contains(t, rs["fetch-all"].Message, "the check calls FetchAll")
}

func TestEditingTheCheckCellChangesNothing(t *testing.T) {
	c, err := course.Find(".")
	require.NoError(t, err)
	nb, err := notebook.Read(learners.Write(t, c, nil))
	require.NoError(t, err)
	ex, err := nb.Exercise("fetch-all")
	require.NoError(t, err)
	ex.Check.SetSource("%test\nfunc TestFetchAll(t *testing.T) {}")
	results, err := New(c).CheckNotebook(context.Background(), nb)
	require.NoError(t, err)
	assert.Equal(t, Fail, results[0].Status, "the course's check ran, not the learner's")
}
