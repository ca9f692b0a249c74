package gradescope

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/goconc/goconc/kernel/check"
	"github.com/goconc/goconc/kernel/course"
	"github.com/goconc/goconc/kernel/grade"
)

// part is a claim as results.json of `goconc grade` writes it. The
// translation reads that documented shape rather than the Go type, so
// a field the grader marks its parts with ("hidden": true, for the
// instructor's hidden claims) reaches Gradescope without a change here.
type part struct {
	Name      string       `json:"name"`
	Status    check.Status `json:"status"`
	Points    int          `json:"points"`
	MaxPoints int          `json:"max_points"`
	Message   string       `json:"message"`
	Hidden    bool         `json:"hidden"`
}

type exercise struct {
	Exercise  string       `json:"exercise"`
	Status    check.Status `json:"status"`
	Points    int          `json:"points"`
	MaxPoints int          `json:"max_points"`
	Message   string       `json:"message"`
	Output    string       `json:"output"`
	Parts     []part       `json:"parts"`
}

type notebookResult struct {
	Notebook  string     `json:"notebook"`
	Problem   string     `json:"problem"`
	Exercises []exercise `json:"exercises"`
}

// FromStudent is a learner's grades as Gradescope's results: one test
// per claim of every exercise, named "01-threads · fetch-all · fetches
// every page", worth the claim's points, its message (or the
// exercise's, when the exercise never got to run it) as its Markdown
// output; the top-level output sums it up, with note (how it was
// graded) under it. Hidden claims are hidden tests, and the summary
// gives only their count.
func FromStudent(r grade.StudentResult, note string) (Results, error) {
	var nbs []notebookResult
	data, err := json.Marshal(r.Notebooks)
	if err == nil {
		err = json.Unmarshal(data, &nbs)
	}
	if err != nil {
		return Results{}, err
	}
	return fromNotebooks(nbs, r.Ignored, note), nil
}

// fromNotebooks is FromStudent on results.json's shape.
func fromNotebooks(nbs []notebookResult, ignored []string, note string) Results {
	res := empty()
	var lines []string
	hidden, hiddenHold, n := 0, 0, 0
	got, max := 0, 0
	for _, nb := range nbs {
		lesson := course.LessonName(nb.Notebook)
		for _, e := range nb.Exercises {
			n++
			got, max = got+e.Points, max+e.MaxPoints
			res.Tests = append(res.Tests, exerciseTests(lesson, n, e)...)
			lines = append(lines, fmt.Sprintf("- `%s` · `%s`: %d/%d, %s", lesson, e.Exercise, e.Points, e.MaxPoints, e.Status))
			for _, p := range e.Parts {
				if p.Hidden {
					hidden++
					if p.Status == check.Pass {
						hiddenHold++
					}
				}
			}
		}
		if nb.Problem != "" {
			lines = append(lines, fmt.Sprintf("- `%s`: %s", nb.Notebook, nb.Problem))
		}
	}
	res.Score = total(res.Tests)
	var b strings.Builder
	fmt.Fprintf(&b, "**%d of %d points.** Each test below is one claim of an exercise's check, ", got, max)
	b.WriteString("the same checks as the check cells of your notebook (run them in Jupyter to see them on your own machine).\n\n")
	b.WriteString(strings.Join(lines, "\n") + "\n")
	if hidden > 0 {
		fmt.Fprintf(&b, "\n%d hidden claims: %d hold.\n", hidden, hiddenHold)
	}
	if len(ignored) > 0 {
		fmt.Fprintf(&b, "\nNot graded, because they are no copy of a notebook graded here: %s.\n", strings.Join(ignored, ", "))
	}
	if note != "" {
		b.WriteString("\n" + note + "\n")
	}
	res.Output = b.String()
	return res
}

// Failure is the results of a submission the grader could not grade
// (no notebook in it, goconc's own trouble): score 0, no tests, and
// why as the top-level output, for the learner to act on.
func Failure(why string) Results {
	res := empty()
	res.Output = why
	return res
}

// empty is results with every field goconc writes set.
func empty() Results {
	return Results{OutputFormat: Markdown, TestOutputFormat: Markdown, TestNameFormat: Text,
		Visibility: Visible, StdoutVisibility: Hidden, Tests: []Test{}}
}

func status(s check.Status) string {
	if s == check.Pass {
		return Passed
	}
	return Failed
}

func total(tests []Test) float64 {
	sum := 0.0
	for _, t := range tests {
		sum += t.Score
	}
	return sum
}

// exerciseTests are the tests of one exercise, a claim each. A claim
// that holds in an exercise capped by a data race scores 0, as the
// exercise does, and says why.
func exerciseTests(lesson string, n int, e exercise) []Test {
	sum := 0
	for _, p := range e.Parts {
		sum += p.Points
	}
	capped := e.Points < sum
	if len(e.Parts) == 0 { // no claims known: the exercise is one test
		return []Test{{Name: lesson + " · " + e.Exercise, NameFormat: Text, Number: fmt.Sprint(n),
			Score: float64(e.Points), MaxScore: float64(e.MaxPoints), Status: status(e.Status),
			Output: claimOutput(e, part{Message: e.Message}), OutputFormat: Markdown, Visibility: Visible}}
	}
	var tests []Test
	for k, p := range e.Parts {
		t := Test{Name: lesson + " · " + e.Exercise + " · " + p.Name, NameFormat: Text,
			Number: fmt.Sprintf("%d.%d", n, k+1), Score: float64(p.Points), MaxScore: float64(p.MaxPoints),
			Status: Failed, OutputFormat: Markdown, Visibility: Visible}
		if p.Hidden {
			t.Visibility = Hidden
		}
		switch {
		case p.Status == check.Pass && capped:
			t.Status, t.Score = Passed, 0
			t.Output = "This claim holds, but the exercise scores 0 points until its data race is gone:\n\n" + fence(e.Message)
		case p.Status == check.Pass:
			t.Status, t.Output = Passed, "This claim holds."
		default:
			t.Output = claimOutput(e, p)
		}
		tests = append(tests, t)
	}
	return tests
}

// claimOutput is why a claim does not hold: its own message, or, when
// the exercise never ran it (no such cell, a compile error, a crash,
// out of time), the exercise's message and what the compiler or the
// run printed.
func claimOutput(e exercise, p part) string {
	msg, notRun := strings.CutPrefix(p.Message, "not run: ")
	if !notRun && (e.Status == check.Fail || e.Message == "") {
		return fence(msg)
	}
	var b strings.Builder
	if notRun {
		b.WriteString("Not run: ")
	}
	if e.Message != "" {
		b.WriteString(capitalize(strings.TrimSuffix(e.Message, ".")) + ".\n")
	}
	if !notRun && msg != "" && !strings.Contains(e.Message, msg) {
		b.WriteString("\n" + fence(msg))
	}
	if e.Output != "" {
		b.WriteString("\n" + fence(e.Output))
	}
	return b.String()
}

// fence quotes text as a Markdown code block, with a fence longer than
// any run of backticks in it.
func fence(text string) string {
	f := "```"
	for strings.Contains(text, f) {
		f += "`"
	}
	return f + "text\n" + strings.TrimRight(text, "\n") + "\n" + f + "\n"
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
