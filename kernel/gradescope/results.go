package gradescope

// Results is results.json as Gradescope's autograder specification
// defines it ("Output format" in
// https://gradescope-autograders.readthedocs.io/en/latest/specs/):
// the fields goconc fills, with their documented names.
type Results struct {
	Score            float64 `json:"score"`
	ExecutionTime    int     `json:"execution_time"` // seconds
	Output           string  `json:"output"`
	OutputFormat     string  `json:"output_format"`
	TestOutputFormat string  `json:"test_output_format"`
	TestNameFormat   string  `json:"test_name_format"`
	Visibility       string  `json:"visibility"`
	StdoutVisibility string  `json:"stdout_visibility"`
	Tests            []Test  `json:"tests"`
}

// Test is one test case of Results: for goconc, one claim of a check.
type Test struct {
	Name         string  `json:"name"`
	NameFormat   string  `json:"name_format"`
	Number       string  `json:"number,omitempty"` // "2.3": exercise 2, claim 3
	Score        float64 `json:"score"`
	MaxScore     float64 `json:"max_score"`
	Status       string  `json:"status"` // Passed or Failed
	Output       string  `json:"output"`
	OutputFormat string  `json:"output_format"`
	Visibility   string  `json:"visibility"`
}

// The values the specification allows, of those goconc uses.
const (
	Passed = "passed"
	Failed = "failed"

	Markdown = "md"
	Text     = "text"

	// Visible is shown to the learner at once; Hidden never (the
	// instructor's hidden claims); StdoutHidden keeps the grader's
	// log, which names paths of the machine, for the instructor.
	Visible = "visible"
	Hidden  = "hidden"
)

// Visibilities and Formats are every value the specification allows.
var (
	Visibilities = []string{"hidden", "after_due_date", "after_published", "visible"}
	Formats      = []string{"text", "html", "simple_format", "md", "ansi"}
	Statuses     = []string{Passed, Failed}
)
