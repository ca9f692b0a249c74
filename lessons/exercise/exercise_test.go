package exercise

import (
	"io"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"github.com/goconc/goconc/lessons/exercise/exercisetest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestDemoCheck fails on purpose; the tests after it read its output.
func TestDemoCheck(t *testing.T) {
	exercisetest.OnlyInChild(t)
	Check(t, "demo",
		Part{Name: "holds", Points: 2, Run: func(t *testing.T) {}},
		Part{Name: "stub panics", Points: 3, Run: func(t *testing.T) { panic("TODO: write me") }},
		Part{Name: "leaks a goroutine", Points: 1, Run: func(t *testing.T) {
			Bubble(t, func(t *testing.T) { go stuckForever(make(chan int)) })
		}},
		Part{Name: "returns before its work is done", Points: 1, Run: func(t *testing.T) {
			Bubble(t, func(t *testing.T) { go time.Sleep(time.Second) })
		}},
		Part{Name: "still runs after the others failed", Points: 4, Run: func(t *testing.T) {}},
	)
}

func stuckForever(ch chan int) { <-ch }

func runDemo(t *testing.T, env ...string) string {
	return exercisetest.Output(t, "TestDemoCheck", env...)
}

func TestCheckScoresEveryPartAndEndsWithAVerdict(t *testing.T) {
	out := runDemo(t)
	assert.Contains(t, out, "--- PASS: TestDemoCheck/holds")
	assert.Contains(t, out, "--- FAIL: TestDemoCheck/stub_panics")
	assert.Contains(t, out, "your code panicked: TODO: write me")
	assert.Contains(t, out, "--- PASS: TestDemoCheck/still_runs_after_the_others_failed")
	assert.Contains(t, out, "FAIL demo: 6/11 points")
	assert.NotContains(t, out, ManifestPrefix, "the manifest is only for the course's tools")
}

func TestBubbleNamesTheGoroutineThatLeaked(t *testing.T) {
	out := runDemo(t)
	assert.Contains(t, out, "--- FAIL: TestDemoCheck/leaks_a_goroutine")
	assert.Contains(t, out, "goroutine leak")
	assert.Contains(t, out, "waiting (chan receive) in stuckForever (exercise_test.go:")
	assert.Contains(t, out, "started by TestDemoCheck.func3.1 (exercise_test.go:")
	assert.Contains(t, out, "--- FAIL: TestDemoCheck/returns_before_its_work_is_done")
	assert.Contains(t, out, "waiting (sleep)")
}

func TestReportModePrintsTheManifestFirst(t *testing.T) {
	out := runDemo(t, "GOCONC_REPORT=1")
	line := strings.SplitN(out[strings.Index(out, ManifestPrefix):], "\n", 2)[0]
	assert.Equal(t, ManifestPrefix+`{"exercise":"demo","parts":[`+
		`{"name":"holds","points":2},{"name":"stub panics","points":3},`+
		`{"name":"leaks a goroutine","points":1},{"name":"returns before its work is done","points":1},`+
		`{"name":"still runs after the others failed","points":4},`+
		`{"name":"has no data race","points":0,"caps":true}]}`, line)
	assert.Less(t, strings.Index(out, ManifestPrefix), strings.Index(out, "=== RUN   TestDemoCheck/holds"))
}

func TestManifestModeRunsNothing(t *testing.T) {
	out := runDemo(t, "GOCONC_MANIFEST=1")
	assert.Contains(t, out, ManifestPrefix)
	assert.NotContains(t, out, "TestDemoCheck/holds")
	assert.Contains(t, out, "--- SKIP: TestDemoCheck")
}

func TestRepeatedPartNamesAreACourseBug(t *testing.T) {
	require.Panics(t, func() {
		manifest("x", []Part{{Name: "a"}, {Name: "a"}})
	})
}

func TestSubtestNameMatchesTheTestingPackage(t *testing.T) {
	name := "returns the pages in order"
	t.Run(name, func(t *testing.T) {
		assert.Equal(t, "TestSubtestNameMatchesTheTestingPackage/"+SubtestName(name), t.Name())
	})
}

func TestInFlightRemembersThePeak(t *testing.T) {
	var f InFlight
	a := f.Enter()
	b := f.Enter()
	a()
	c := f.Enter()
	b()
	c()
	assert.Equal(t, 2, f.Peak())
}

func TestAFrameNamesMethodsOnPointersByTheirReceiver(t *testing.T) {
	assert.Equal(t, "(*beats).beat (beats.go:31)",
		frame("github.com/goconc/goconc/lessons/daemon.(*beats).beat(0xc000010000)", "/x/lessons/daemon/beats.go:31 +0x25"))
	assert.Equal(t, "Heartbeat.func1 (exercise cell:7)",
		frame("goconc.local/submission/heartbeat.Heartbeat.func1()", "exercise cell:7 +0x1d"))
	assert.Equal(t, "Heartbeat (exercise cell:5)",
		frame("goconc.local/submission/heartbeat.Heartbeat in goroutine 7", "exercise cell:5 +0x1d"))
}

func TestACheckWithNoDeadlineIsStoppedWithAMessage(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var out strings.Builder
		exited := make(chan int, 1)
		guard("heartbeat", time.Minute, &out, func(code int) { exited <- code })
		time.Sleep(time.Minute - time.Nanosecond)
		synctest.Wait()
		assert.Empty(t, exited, "stopped before its time")
		time.Sleep(time.Nanosecond)
		assert.Equal(t, 1, <-exited)
		assert.Contains(t, out.String(), "FAIL heartbeat: the check was still running after 1m0s and was stopped")
	})
}

func TestAFinishedCheckIsNotStopped(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		stop := guard("heartbeat", time.Minute, io.Discard, func(int) { t.Error("stopped a finished check") })
		stop()
		time.Sleep(2 * time.Minute)
	})
}

// TestDemoFatalLeak ends a part with t.Fatal while a goroutine leaks.
func TestDemoFatalLeak(t *testing.T) {
	exercisetest.OnlyInChild(t)
	Check(t, "demo-fatal",
		Part{Name: "gives up on a stuck call", Points: 1, Run: func(t *testing.T) {
			Bubble(t, func(t *testing.T) {
				if _, ok := Returns(func() int { return <-make(chan int) }); !ok {
					t.Fatal("the call never returned")
				}
			})
		}},
	)
}

func TestALeakIsNamedEvenWhenThePartEndsWithFatal(t *testing.T) {
	out := exercisetest.Output(t, "TestDemoFatalLeak")
	assert.Contains(t, out, "the call never returned")
	assert.Contains(t, out, "goroutines still running after your function returned (a goroutine leak")
	assert.Contains(t, out, "waiting (chan receive) in TestDemoFatalLeak")
	assert.NotContains(t, out, "goroutines were left blocked when the check ended")
}
