package exercise

import (
	"fmt"
	"testing"
)

// NoRaceClaim is the claim [Check] adds to every exercise. The course's
// one rule for data races: a race anywhere in an exercise's check fails
// this claim, and a failed NoRaceClaim caps the whole exercise at 0
// points, whatever else held. Code with a race is wrong even when its
// numbers come out right: the next run, machine or compiler may not be
// so kind. The rule is one claim of its own because the race detector
// reports a race once per process: the part it happened in fails, and
// the same race in later parts goes unreported.
const NoRaceClaim = "has no data race"

// noRacePart is the claim itself: it compares the race detector's count
// with the one at the start of the check.
func noRacePart(before int) Part {
	return Part{Name: NoRaceClaim, Caps: true, Run: func(t *testing.T) {
		if !RaceDetectorOn {
			t.Log("not checked: this check was built without the race detector (-race), so races go unseen")
			return
		}
		if n := RacesSoFar() - before; n > 0 {
			t.Errorf("the race detector reported %s while the check ran (its report says which two "+
				"goroutines used the same memory, and where): a data race makes every other result "+
				"luck, so this exercise scores 0 points until it is gone", plural(n, "data race"))
		}
	}}
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}
