package check

import (
	"strings"

	"github.com/goconc/goconc/kernel/excerpt"
	"github.com/goconc/goconc/lessons/exercise"
)

// score fills r from what `go test -json` said about its package:
// points for every part that held, and for the rest a message a
// learner can act on. It goes in three steps: a check that never got
// to its parts, each part, then the exercise's verdict.
func score(r *ExerciseResult, run *packageRun) {
	if scoreUnstarted(r, run) {
		return
	}
	timedOut := strings.Contains(allOutput(run), "panic: test timed out after")
	for _, p := range run.manifests[0].Parts {
		part := scorePart(run, run.inTest[0], p, timedOut)
		r.MaxPoints += part.MaxPoints
		r.Points += part.Points
		r.Parts = append(r.Parts, part)
	}
	// A time-out after every claim of the check had ended (in the
	// instructor's extra checks, which run after it) is not the check's.
	verdict(r, run, timedOut && anyStatus(r.Parts, Timeout))
}

// scoreUnstarted scores a check that never reached its parts: it did
// not run, did not compile, or crashed before it said what it checks.
// It reports whether the check was one of those.
func scoreUnstarted(r *ExerciseResult, run *packageRun) bool {
	switch {
	case run == nil:
		r.Status, r.Message = Error, "the check never ran (go test stopped before it)"
	case len(run.build) > 0 || len(run.manifests) == 0 && run.failed && len(run.action) == 0:
		r.Status = Error
		r.Output = excerpt.First(strings.Join(compileErrors(run), "\n"), 12)
		r.Message = compileMessage(excerpt.First(r.Output, 1))
	case len(run.manifests) == 0:
		r.Status, r.Message = Error, "the check did not start: "+crashLine(run)
		r.Output = excerpt.First(strings.Join(run.output[""], "\n"), 20)
	default:
		return false
	}
	return true
}

// scorePart is one claim of the check that ran in the test named
// check: its points when its subtest passed, and otherwise why not (it
// failed, ran out of time, crashed, or never ran because an earlier
// part stopped the check).
func scorePart(run *packageRun, check string, p exercise.PartScore, timedOut bool) PartResult {
	part := PartResult{Name: p.Name, MaxPoints: p.Points, caps: p.Caps}
	test, action := findPart(run, check, p.Name)
	out := exercise.CleanOutput(run.output[test])
	switch {
	case action == "pass":
		part.Status, part.Points = Pass, p.Points
	case action == "fail" && !hasCrash(out):
		part.Status, part.Message = Fail, exercise.FailureMessage(out)
	case timedOut && test != "":
		part.Status, part.Message = Timeout, "still running when the time ran out: an endless loop, or goroutines waiting for each other?"
	case timedOut:
		part.Status, part.Message = Timeout, "not run: an earlier part ran out of time"
	case test != "":
		part.Status, part.Message = Error, "crashed: "+crashLine(run)
	default:
		part.Status, part.Message = Error, "not run: the check crashed before it got here"
	}
	return part
}

// verdict gives the exercise its status and its one line of why, from
// its parts: out of time, crashed, capped by a race, some claims lost,
// or a pass.
func verdict(r *ExerciseResult, run *packageRun, timedOut bool) {
	crashed := run.failed && !timedOut
	r.Status = Pass
	race := capRaces(r)
	switch {
	case timedOut:
		r.Status, r.Message = Timeout, "the check ran out of time: an endless loop, or goroutines waiting for each other?"
		r.Output = excerpt.First(strings.Join(run.output[""], "\n"), 20)
	case crashed && r.Points < r.MaxPoints && anyStatus(r.Parts, Error):
		r.Status, r.Message = Error, "the check crashed: "+crashLine(run)
		r.Output = excerpt.First(strings.Join(crashOutput(run), "\n"), 20)
	case race != nil:
		r.Status, r.Message = Fail, race.Name+": "+excerpt.First(race.Message, 1)
	case r.Points < r.MaxPoints:
		r.Status = Fail
		for _, p := range r.Parts {
			if p.Status != Pass {
				r.Message = p.Name + ": " + excerpt.First(p.Message, 1)
				break
			}
		}
	}
}

// capRaces keeps the course's rule for data races: a failed claim that
// caps (exercise.NoRaceClaim) scores the whole exercise 0 points. It
// returns that claim, or nil.
func capRaces(r *ExerciseResult) *PartResult {
	for i, p := range r.Parts {
		if p.caps && p.Status == Fail {
			r.Points = 0
			return &r.Parts[i]
		}
	}
	return nil
}

// findPart finds the subtest of the test named check that ran a part,
// and how it ended.
func findPart(run *packageRun, check, name string) (test, action string) {
	suffix := "/" + exercise.SubtestName(name)
	mine := func(t string) bool {
		return (check == "" || strings.HasPrefix(t, check+"/")) && strings.HasSuffix(t, suffix)
	}
	for t := range run.output {
		if mine(t) {
			test = t
		}
	}
	for t, a := range run.action {
		if mine(t) {
			return t, a
		}
	}
	return test, ""
}

func anyStatus(parts []PartResult, s Status) bool {
	for _, p := range parts {
		if p.Status == s {
			return true
		}
	}
	return false
}
