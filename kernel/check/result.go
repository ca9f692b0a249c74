package check

import (
	"strings"
	"time"
)

// Status is the outcome of an exercise or of one part of its check.
type Status string

// The statuses of grades.csv, which learners and instructors read.
const (
	Pass    Status = "pass"    // every part of the check holds
	Fail    Status = "fail"    // the code ran; some claims do not hold
	Error   Status = "error"   // it did not compile, broke the cell rules, or crashed
	Timeout Status = "timeout" // it ran past its time (an endless loop, a deadlock)
	Missing Status = "missing" // the notebook has no such exercise cell
)

// ExerciseResult is what the check of one exercise found.
type ExerciseResult struct {
	Notebook  string        `json:"notebook"`
	Exercise  string        `json:"exercise"`
	Status    Status        `json:"status"`
	Points    int           `json:"points"`
	MaxPoints int           `json:"max_points"`
	Message   string        `json:"message,omitempty"` // one line: why, when not a pass
	Output    string        `json:"output,omitempty"`  // first lines of the compiler's or runtime's output
	Parts     []PartResult  `json:"parts"`
	Elapsed   time.Duration `json:"elapsed_ns"`
	// HiddenProblem is why the instructor's extra checks could not be
	// built with this code (see ExtraChecks): for the instructor, it
	// names their files.
	HiddenProblem string `json:"hidden_problem,omitempty"`
}

// PartResult is one claim of a check: a subtest worth points.
type PartResult struct {
	Name      string `json:"name"`
	Status    Status `json:"status"`
	Points    int    `json:"points"`
	MaxPoints int    `json:"max_points"`
	Message   string `json:"message,omitempty"`
	// Hidden marks a claim of the instructor's extra checks, which the
	// learner never saw: feedback counts it but does not name it.
	Hidden bool `json:"hidden,omitempty"`
	caps   bool // a failure scores the exercise 0 (exercise.Part.Caps)
}

// SharedMessage is the message every failed part has, when there are
// several and it is the same (an untouched stub's TODO panic), so it
// is said once rather than once per part.
func SharedMessage(parts []PartResult) string {
	msg, failed := "", 0
	for _, p := range parts {
		if p.Status == Pass {
			continue
		}
		if failed++; failed > 1 && p.Message != msg {
			return ""
		}
		msg = p.Message
	}
	if failed < 2 || strings.HasPrefix(msg, "not run: ") {
		return ""
	}
	return msg
}
