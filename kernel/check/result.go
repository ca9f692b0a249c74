package check

import "time"

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
}

// PartResult is one claim of a check: a subtest worth points.
type PartResult struct {
	Name      string `json:"name"`
	Status    Status `json:"status"`
	Points    int    `json:"points"`
	MaxPoints int    `json:"max_points"`
	Message   string `json:"message,omitempty"`
	caps      bool   // a failure scores the exercise 0 (exercise.Part.Caps)
}
