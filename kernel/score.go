package kernel

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/goconc/goconc/lessons/exercise"
)

// score fills r from what `go test -json` said about its package:
// points for every part that held, and for the rest a message a
// learner can act on.
func score(r *ExerciseResult, run *packageRun) {
	switch {
	case run == nil:
		r.Status, r.Message = Error, "the check never ran (go test stopped before it)"
		return
	case len(run.build) > 0 || len(run.manifests) == 0 && run.failed && len(run.action) == 0:
		r.Status = Error
		r.Output = firstLines(strings.Join(compileErrors(run), "\n"), 12)
		r.Message = compileMessage(firstLines(r.Output, 1))
		return
	case len(run.manifests) == 0:
		r.Status, r.Message = Error, "the check did not start: "+crashLine(run)
		r.Output = firstLines(strings.Join(run.output[""], "\n"), 20)
		return
	}
	timedOut := strings.Contains(allOutput(run), "panic: test timed out after")
	crashed := run.failed && !timedOut
	for _, p := range run.manifests[0].Parts {
		part := PartResult{Name: p.Name, MaxPoints: p.Points, caps: p.Caps}
		test, action := findPart(run, p.Name)
		out := cleanOutput(run.output[test])
		r.MaxPoints += p.Points
		switch {
		case action == "pass":
			part.Status, part.Points = Pass, p.Points
			r.Points += p.Points
		case action == "fail" && !hasCrash(out):
			part.Status, part.Message = Fail, failureMessage(out)
		case timedOut && test != "":
			part.Status, part.Message = Timeout, "still running when the time ran out: an endless loop, or goroutines waiting for each other?"
		case timedOut:
			part.Status, part.Message = Timeout, "not run: an earlier part ran out of time"
		case test != "":
			part.Status, part.Message = Error, "crashed: "+crashLine(run)
		default:
			part.Status, part.Message = Error, "not run: the check crashed before it got here"
		}
		r.Parts = append(r.Parts, part)
	}
	r.Status = Pass
	race := capRaces(r)
	switch {
	case timedOut:
		r.Status, r.Message = Timeout, "the check ran out of time: an endless loop, or goroutines waiting for each other?"
		r.Output = firstLines(strings.Join(run.output[""], "\n"), 20)
	case crashed && r.Points < r.MaxPoints && anyStatus(r.Parts, Error):
		r.Status, r.Message = Error, "the check crashed: "+crashLine(run)
		r.Output = firstLines(strings.Join(crashOutput(run), "\n"), 20)
	case race != nil:
		r.Status, r.Message = Fail, race.Name+": "+firstLines(race.Message, 1)
	case r.Points < r.MaxPoints:
		r.Status = Fail
		for _, p := range r.Parts {
			if p.Status != Pass {
				r.Message = p.Name + ": " + firstLines(p.Message, 1)
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

// findPart finds the subtest that ran a part, and how it ended.
func findPart(run *packageRun, name string) (test, action string) {
	suffix := "/" + exercise.SubtestName(name)
	for t := range run.output {
		if strings.HasSuffix(t, suffix) {
			test = t
		}
	}
	for t, a := range run.action {
		if strings.HasSuffix(t, suffix) {
			return t, a
		}
	}
	return test, ""
}

var (
	testingNoise = regexp.MustCompile(`^\s*(=== (RUN|PAUSE|CONT|NAME)|--- (FAIL|PASS|SKIP)|PASS$|FAIL$|ok\s)`)
	logPrefix    = regexp.MustCompile(`^\s*[\w.-]+\.go:\d+: `)
)

// cleanOutput drops the testing package's bookkeeping lines and the
// "check_fetchall.go:42:" prefixes that point into the course, not
// into the learner's code.
func cleanOutput(lines []string) []string {
	var out []string
	for _, l := range lines {
		if testingNoise.MatchString(l) {
			continue
		}
		out = append(out, strings.TrimPrefix(logPrefix.ReplaceAllString(l, ""), "    "))
	}
	return out
}

// failureMessage is a failed part's message; a data race report is cut
// down to what the learner needs: what raced, and where in their cell.
func failureMessage(lines []string) string {
	text := strings.Join(lines, "\n")
	if strings.Contains(text, "WARNING: DATA RACE") {
		return raceSummary(lines)
	}
	return strings.TrimSpace(firstLines(text, 15))
}

// raceSummary cuts each race report in lines down to its headline
// lines and the frames in the learner's cells, and keeps every other
// line as it is: the check's own explanation, a leak's description.
func raceSummary(lines []string) string {
	var out []string
	inReport, header := false, ""
	for i, l := range lines {
		t := strings.TrimSpace(l)
		switch {
		case t == "==================":
			if inReport = !inReport; inReport {
				out = append(out, "data race: two goroutines used the same memory at once, and at least one wrote it")
			}
		case !inReport:
			if t != "race detected during execution of test" {
				out = append(out, l)
			}
		case strings.HasPrefix(t, "Read at"), strings.HasPrefix(t, "Write at"),
			strings.HasPrefix(t, "Previous read at"), strings.HasPrefix(t, "Previous write at"):
			out = append(out, "  "+strings.SplitN(t, " by ", 2)[0]+" by "+lastField(t))
		case strings.HasPrefix(t, "Goroutine ") && strings.HasSuffix(t, "created at:"):
			n, _, _ := strings.Cut(strings.TrimPrefix(t, "Goroutine "), " ")
			header = "  goroutine " + n + " was started by" // said if a frame in the cells follows
		case t == "":
			header = ""
		case strings.Contains(t, "exercise cell:") && i > 0:
			if header != "" {
				out, header = append(out, header), ""
			}
			fn := strings.TrimSpace(lines[i-1])
			fn = fn[strings.LastIndex(fn, "/")+1:]
			_, fn, _ = strings.Cut(fn, ".") // drop the package
			out = append(out, fmt.Sprintf("      %s at %s", fn, strings.Fields(t)[0]+" "+strings.Fields(t)[1]))
		}
	}
	return strings.TrimSpace(strings.Join(out, "\n"))
}

func lastField(s string) string {
	f := strings.Fields(strings.TrimSuffix(s, ":"))
	if len(f) < 2 {
		return s
	}
	return strings.Join(f[len(f)-2:], " ")
}

// compileMessage explains a compile error. One in the check cell
// means the learner's cell no longer fits the check: a function
// renamed, deleted or given another signature.
func compileMessage(first string) string {
	if !strings.HasPrefix(first, "check cell:") {
		return "does not compile: " + first
	}
	if _, name, ok := strings.Cut(first, "undefined: "); ok {
		return fmt.Sprintf("the check calls %s, which your exercise cell does not declare: keep the stub's name and signature", name)
	}
	return "your exercise cell does not fit the check (keep the stub's names and signatures): " + first
}

// compileErrors are the compiler's lines about the learner's code.
func compileErrors(run *packageRun) []string {
	var out []string
	for _, l := range append(run.build, run.output[""]...) {
		if strings.HasPrefix(l, "#") || strings.HasPrefix(l, "FAIL") || l == "" {
			continue
		}
		out = append(out, strings.TrimPrefix(strings.TrimPrefix(l, "./"), "submission/"))
	}
	return out
}

// crashLine is the first "panic:" or "fatal error:" line of a crash.
func crashLine(run *packageRun) string {
	for _, l := range crashOutput(run) {
		if strings.HasPrefix(l, "panic: ") || strings.HasPrefix(l, "fatal error: ") {
			return strings.TrimSuffix(l, " [recovered]")
		}
	}
	return "the test program exited early"
}

// crashOutput is the output from a crash's first line on, wherever
// test2json put it, or the package's own output.
func crashOutput(run *packageRun) []string {
	for _, lines := range run.output {
		for i, l := range lines {
			if strings.HasPrefix(l, "panic: ") || strings.HasPrefix(l, "fatal error: ") {
				return lines[i:]
			}
		}
	}
	return run.output[""]
}

func hasCrash(lines []string) bool {
	for _, l := range lines {
		if strings.HasPrefix(l, "panic: ") || strings.HasPrefix(l, "fatal error: ") {
			return true
		}
	}
	return false
}

func allOutput(run *packageRun) string {
	var b strings.Builder
	for _, lines := range run.output {
		b.WriteString(strings.Join(lines, "\n"))
	}
	return b.String()
}

func anyStatus(parts []PartResult, s Status) bool {
	for _, p := range parts {
		if p.Status == s {
			return true
		}
	}
	return false
}
