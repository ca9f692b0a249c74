package grade

import (
	"fmt"
	"strings"

	"github.com/goconc/goconc/kernel/check"
	"github.com/goconc/goconc/kernel/excerpt"
)

// Feedback is a student's feedback page in Markdown: for every
// notebook and exercise, what held and, for every point lost, why, in
// the words the checks use (which name the line of the learner's cell
// where they can). It is written for the learner, not the instructor:
// the instructor's hidden claims are counted ("1 hidden claim: 0
// hold"), never named, quoted or located.
func Feedback(s StudentResult) string { return feedbackPage(s, false) }

// FeedbackShowingHidden is Feedback with the hidden claims named and
// their messages quoted, as --show-hidden asks.
func FeedbackShowingHidden(s StudentResult) string { return feedbackPage(s, true) }

func feedbackPage(s StudentResult, showHidden bool) string {
	var b strings.Builder
	got, max := s.Points()
	fmt.Fprintf(&b, "# Feedback for %s\n\n", s.Student)
	fmt.Fprintf(&b, "**%d of %d points.** Each exercise below lists what its check proved about your code. "+
		"Run the exercise's check cell in Jupyter, or `goconc check notebooks/NAME.ipynb`, to see the same checks on your own machine.\n", got, max)
	if len(s.Ignored) > 0 {
		fmt.Fprintf(&b, "\nNot graded, because no course notebook has these names: %s. "+
			"Hand in each notebook under its course name (for example `01-threads.ipynb`).\n", strings.Join(quoted(s.Ignored), ", "))
	}
	for _, nb := range s.Notebooks {
		if len(nb.Exercises) == 0 {
			continue // a notebook without exercises (00-intro) is not graded
		}
		nbGot, nbMax := 0, 0
		for _, e := range nb.Exercises {
			nbGot, nbMax = nbGot+e.Points, nbMax+e.MaxPoints
		}
		fmt.Fprintf(&b, "\n## %s: %d/%d\n", nb.Notebook, nbGot, nbMax)
		if nb.Problem != "" {
			fmt.Fprintf(&b, "\n%s.\n", capitalize(nb.Problem))
			continue
		}
		for _, e := range nb.Exercises {
			exerciseFeedback(&b, e, showHidden)
		}
	}
	return b.String()
}

func exerciseFeedback(b *strings.Builder, e check.ExerciseResult, showHidden bool) {
	fmt.Fprintf(b, "\n### `%s`: %s, %d/%d\n\n", e.Exercise, verdict(e.Status), e.Points, e.MaxPoints)
	parts, hidden := e.Parts, []check.PartResult(nil)
	if !showHidden {
		parts, hidden = splitHidden(e.Parts)
	}
	switch e.Status {
	case check.Pass:
		fmt.Fprintf(b, "Every claim of the check holds.\n")
		if len(hidden) > 0 {
			fmt.Fprintf(b, "\n%s\n", hiddenSummary(hidden))
		}
		return
	case check.Missing:
		fmt.Fprintf(b, "%s.\n", capitalize(e.Message))
		return
	}
	if e.Message != "" && (e.Status != check.Fail) {
		fmt.Fprintf(b, "%s.\n\n", capitalize(strings.TrimSuffix(e.Message, ".")))
	}
	if e.Output != "" && e.Status == check.Error {
		fmt.Fprintf(b, "```text\n%s\n```\n\n", e.Output)
	}
	shared := check.SharedMessage(parts)
	for _, p := range parts {
		fmt.Fprintf(b, "- %s %s (%d/%d%s)\n", mark(p.Status == check.Pass), p.Name, p.Points, p.MaxPoints, hiddenMark(p))
		if p.Status != check.Pass && p.Message != "" && shared == "" && !strings.HasPrefix(p.Message, "not run: ") {
			fmt.Fprintf(b, "\n  ```text\n%s\n  ```\n\n", excerpt.Indent(p.Message, "  "))
		}
	}
	if len(hidden) > 0 {
		fmt.Fprintf(b, "%s\n", hiddenSummary(hidden))
	}
	if shared != "" {
		fmt.Fprintf(b, "\nEvery part marked ✗ failed the same way:\n\n```text\n%s\n```\n", shared)
	}
	if showHidden && e.HiddenProblem != "" {
		fmt.Fprintf(b, "\nThe hidden claims could not run:\n\n```text\n%s\n```\n", e.HiddenProblem)
	}
}

func mark(held bool) string {
	if held {
		return "✓"
	}
	return "✗"
}

// verdict says a status in words.
func verdict(s check.Status) string {
	switch s {
	case check.Pass:
		return "passed"
	case check.Fail:
		return "some claims do not hold"
	case check.Error:
		return "did not build or crashed"
	case check.Timeout:
		return "ran out of time"
	case check.Missing:
		return "missing"
	}
	return string(s)
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func quoted(names []string) []string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = "`" + n + "`"
	}
	return q
}
