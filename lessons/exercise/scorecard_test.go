package exercise

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/goconc/goconc/lessons/exercise/exercisetest"
	"github.com/stretchr/testify/assert"
)

// The demo checks below are run in scorecard mode by the tests after
// them, each in a child process, as GoNB would run a check cell.

func TestDemoScorecardPass(t *testing.T) {
	exercisetest.OnlyInChild(t)
	Check(t, "demo-pass",
		Part{Name: "returns the sum", Points: 4, Run: func(t *testing.T) {}},
		Part{Name: "adds at the same time", Points: 6, Run: func(t *testing.T) {}},
	)
}

func TestDemoScorecardFail(t *testing.T) {
	exercisetest.OnlyInChild(t)
	Check(t, "demo-fail",
		Part{Name: "returns the sum", Points: 4, Run: func(t *testing.T) {}},
		Part{Name: "adds at the same time", Points: 3, Run: func(t *testing.T) {
			t.Errorf("the 3 additions took 300ms, one after another;\nstart a goroutine for each")
		}},
		Part{Name: "waits for every addition", Points: 3, Run: func(t *testing.T) {
			t.Fatal("it returned before 2 of its 3 goroutines were done")
		}},
	)
}

func TestDemoScorecardStub(t *testing.T) {
	exercisetest.OnlyInChild(t)
	stub := func() { panic("TODO: add the numbers") }
	Check(t, "demo-stub",
		Part{Name: "returns the sum", Points: 4, Run: func(t *testing.T) { stub() }},
		Part{Name: "adds at the same time", Points: 6, Run: func(t *testing.T) {
			c := Go(stub) // a check that calls through Go says where it panicked
			<-c.done
			panic(c.panic)
		}},
	)
}

func TestDemoScorecardTwoStubs(t *testing.T) {
	exercisetest.OnlyInChild(t)
	source := func() { panic("TODO: send the items") }
	collect := func() { panic("TODO: receive the items") }
	Check(t, "demo-stubs",
		Part{Name: "sends the items", Points: 3, Run: func(t *testing.T) { source() }},
		Part{Name: "sends them in order", Points: 3, Run: func(t *testing.T) { source() }},
		Part{Name: "receives them all", Points: 4, Run: func(t *testing.T) { collect() }},
	)
}

func TestDemoScorecardCrash(t *testing.T) {
	exercisetest.OnlyInChild(t)
	Check(t, "demo-crash",
		Part{Name: "returns the sum", Points: 4, Run: func(t *testing.T) {}},
		Part{Name: "adds at the same time", Points: 3, Run: func(t *testing.T) {
			go func() { panic("TODO: add the numbers") }()
			time.Sleep(time.Minute)
		}},
		Part{Name: "waits for every addition", Points: 3, Run: func(t *testing.T) {}},
	)
}

// scorecard runs test in scorecard mode and returns what it printed
// after the testing package's one "=== RUN" line for it.
func scorecard(t *testing.T, test string) string {
	t.Helper()
	out := exercisetest.Output(t, test, scorecardEnv+"=text")
	run := "=== RUN   " + test + "\n"
	assert.True(t, strings.HasPrefix(out, run), "starts with %q:\n%s", run, out)
	return strings.TrimPrefix(out, run)
}

func TestAPassingCheckShowsEveryClaimHeld(t *testing.T) {
	assert.Equal(t, `PASS demo-pass: 10/10 points
  ✓ returns the sum (4/4)
  ✓ adds at the same time (6/6)
  ✓ has no data race
`, scorecard(t, "TestDemoScorecardPass"))
}

func TestAFailingCheckShowsWhyUnderEachFailedClaim(t *testing.T) {
	assert.Equal(t, `FAIL demo-fail: 4/10 points
  ✓ returns the sum (4/4)
  ✗ adds at the same time (0/3)
      the 3 additions took 300ms, one after another;
      start a goroutine for each
  ✗ waits for every addition (0/3)
      it returned before 2 of its 3 goroutines were done
  ✓ has no data race
`, scorecard(t, "TestDemoScorecardFail"))
}

func TestAStubsTODOIsSaidOnce(t *testing.T) {
	assert.Equal(t, `FAIL demo-stub: 0/10 points
  ✗ returns the sum (0/4)
  ✗ adds at the same time (0/6)
  ✓ has no data race
  Every claim marked ✗ failed the same way:
      your code panicked: TODO: add the numbers (in TestDemoScorecardStub.func1)
`, scorecard(t, "TestDemoScorecardStub"))
}

func TestEachStubsTODOIsSaidOnce(t *testing.T) {
	assert.Equal(t, `FAIL demo-stubs: 0/10 points
  ✗ sends the items (0/3)
      your code panicked: TODO: send the items
  ✗ sends them in order (0/3)
      (same as above)
  ✗ receives them all (0/4)
      your code panicked: TODO: receive the items
  ✓ has no data race
`, scorecard(t, "TestDemoScorecardTwoStubs"))
}

func TestARaceScoresZeroOnTheScorecard(t *testing.T) {
	if !RaceDetectorOn {
		t.Skip("needs the race detector: go test -race")
	}
	out := regexp.MustCompile(`goroutine \d+`).ReplaceAllString(scorecard(t, "TestDemoRacyCheck"), "goroutine N")
	assert.Equal(t, `FAIL demo-race: 0/10 points (a data race: 0 points until it is gone)
  ✗ counts with a race (0/2)
      data race: two goroutines used the same memory at once, and at least one wrote it
        Read by goroutine N
        Previous write by goroutine N
  ✗ races again (0/3)
      data race: two goroutines used the same memory at once, and at least one wrote it
        Read by goroutine N
        Previous write by goroutine N
  ✓ holds (5/5)
  ✗ has no data race (scores the exercise 0)
      the race detector reported 2 data races while the check ran (its report says which two goroutines used the same memory, and where): a data race makes every other result luck, so this exercise scores 0 points until it is gone
`, out)
}

func TestACrashShowsTheClaimsSoFarAndThePanic(t *testing.T) {
	assert.Equal(t, `FAIL demo-crash: 4/10 points (the check crashed)
  ✓ returns the sum (4/4)
  ✗ adds at the same time (0/3)
      the check crashed here: panic: TODO: add the numbers
  ✗ waits for every addition (not run)
  ✗ has no data race (not run)
`, scorecard(t, "TestDemoScorecardCrash"))
}

func TestAMutexDeadlockShowsTheWatchdogsReport(t *testing.T) {
	assert.Equal(t, `FAIL demo-mutex: 0/2 points (the check crashed)
  ✗ locks two mutexes in opposite orders (0/1)
      the check crashed here: panic: deadlock: every goroutine of the check waits, and some wait for a sync.Mutex that no one will ever unlock:
        - waiting (sync.WaitGroup.Wait) in TestDemoMutexDeadlock.func1.1 (mutexwatch_test.go:23)
        - 2 goroutines waiting (sync.Mutex.Lock) in lockBoth (mutexwatch_test.go:35)
      Look for a Lock without its Unlock (write defer mu.Unlock() right after mu.Lock()), a goroutine that locks a mutex it already holds, or two mutexes locked in opposite orders. Holding a mutex while time passes does it too: the check runs on a fake clock (testing/synctest) that cannot move while a goroutine waits for a sync.Mutex.
  ✗ never runs (not run)
  ✗ has no data race (not run)
`, scorecard(t, "TestDemoMutexDeadlock"))
}

func TestTheHTMLScorecardHasTheSameLinesInColour(t *testing.T) {
	out := exercisetest.Output(t, "TestDemoScorecardStub", scorecardEnv+"=html")
	assert.Contains(t, out, `<div class="goconc-scorecard" data-exercise="demo-stub" data-points="0" data-max-points="10" data-passed="false"`)
	assert.Contains(t, out, `">FAIL demo-stub: 0/10 points</div>`)
	assert.Contains(t, out, `✗</span> returns the sum<span style="color: #57606a"> (0/4)</span>`)
	assert.Contains(t, out, `✓</span> has no data race<span`)
	assert.Equal(t, 1, strings.Count(out, "your code panicked: TODO: add the numbers"), out)
	assert.Contains(t, out, "TODO: add the numbers (in TestDemoScorecardStub.func1)")
	assert.NotContains(t, out, "--- FAIL")
}

func TestTheGraderAndGoconcCheckSeeNoScorecard(t *testing.T) {
	out := exercisetest.Output(t, "TestDemoScorecardStub", scorecardEnv+"=text", "GOCONC_REPORT=1")
	assert.Contains(t, out, ManifestPrefix)
	assert.Contains(t, out, "=== RUN   TestDemoScorecardStub/returns_the_sum")
	assert.Equal(t, 2, strings.Count(out, "your code panicked: TODO: add the numbers"), out)
	assert.Contains(t, out, "--- FAIL: TestDemoScorecardStub/adds_at_the_same_time")
	assert.NotContains(t, out, partEndPrefix)
	assert.Regexp(t, `(?m)^FAIL demo-stub: 0/10 points$`, out)
}

func TestACheckStoppedByItsTimeLimitSaysSo(t *testing.T) {
	out := "=== RUN   TestHeartbeat\n=== RUN   TestHeartbeat/beats\n" + partEndPrefix + "PASS beats\n" +
		"=== RUN   TestHeartbeat/stops\n" +
		"FAIL heartbeat: the check was still running after 1m0s and was stopped: an endless loop\n"
	s := ReadScorecard("heartbeat", "TestHeartbeat", []PartScore{{"beats", 4, false}, {"stops", 6, false}, {NoRaceClaim, 0, true}}, out)
	assert.Equal(t, `FAIL heartbeat: 4/10 points (the check crashed)
  ✓ beats (4/4)
  ✗ stops (0/6)
      the check crashed here: it was still running after 1m0s and was stopped: an endless loop
  ✗ has no data race (not run)
`, s.Text())
}

func TestAProgramThatEndsBetweenPartsSaysSoUnderTheClaims(t *testing.T) {
	out := "=== RUN   TestX\n=== RUN   TestX/a\n" + partEndPrefix + "PASS a\n"
	s := ReadScorecard("x", "TestX", []PartScore{{"a", 1, false}, {"b", 1, false}}, out)
	assert.Equal(t, `FAIL x: 1/2 points (the check crashed)
  ✓ a (1/1)
  ✗ b (not run)
  The check crashed:
      the test program ended before the check did
`, s.Text())
}
