package exercise

import (
	"testing"

	"github.com/goconc/goconc/lessons/exercise/exercisetest"
	"github.com/stretchr/testify/assert"
)

// TestDemoRacyCheck races on purpose in its first part; the tests
// after it read its output.
func TestDemoRacyCheck(t *testing.T) {
	exercisetest.OnlyInChild(t)
	Check(t, "demo-race",
		Part{Name: "counts with a race", Points: 2, Run: func(t *testing.T) { racyCount() }},
		Part{Name: "races again", Points: 3, Run: func(t *testing.T) { racyCount() }},
		Part{Name: "holds", Points: 5, Run: func(t *testing.T) {}},
	)
}

// racyCount is two goroutines adding to one int without a lock.
func racyCount() int {
	n := 0
	done := make(chan bool)
	go func() { n++; done <- true }()
	n++
	<-done
	return n
}

func TestADataRaceAnywhereScoresTheExerciseZero(t *testing.T) {
	if !RaceDetectorOn {
		t.Skip("needs the race detector: go test -race")
	}
	out := exercisetest.Output(t, "TestDemoRacyCheck")
	assert.Contains(t, out, "WARNING: DATA RACE")
	assert.Contains(t, out, "--- FAIL: TestDemoRacyCheck/counts_with_a_race")
	assert.Contains(t, out, "--- FAIL: TestDemoRacyCheck/has_no_data_race")
	assert.Contains(t, out, "the race detector reported 2 data races while the check ran")
	assert.Contains(t, out, "FAIL demo-race: 0/10 points (a data race: 0 points until it is gone)")
}

func TestACheckWithoutRacesEndsWithTheNoRaceClaimHeld(t *testing.T) {
	out := runDemo(t)
	assert.Contains(t, out, "--- PASS: TestDemoCheck/has_no_data_race")
}
