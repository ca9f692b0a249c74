package check

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/goconc/goconc/kernel/course"
	"github.com/goconc/goconc/kernel/excerpt"
	"github.com/goconc/goconc/kernel/notebook"
)

// ValidateExtra runs ch.Extra on the course's own solutions, with ch's
// build, race detector and sandbox, before any learner is graded. It
// learns what each hidden claim is worth (so a learner whose cell does
// not compile loses them too, and every max_points agrees), and refuses,
// in one line, extra checks that do not compile with the solution, that
// call no exercise.Check, or that claim what the course's own solution
// does not do: such a check would fail every learner.
func (ch *Checker) ValidateExtra(ctx context.Context) error {
	x := ch.Extra
	if x == nil {
		return nil
	}
	subs, err := solvedSubmissions(ch.Course, x.Exercises())
	if err != nil {
		return err
	}
	results, err := ch.CheckNotebooks(ctx, subs)
	if err != nil {
		return fmt.Errorf("running the extra checks on the course's solutions: %w", err)
	}
	for _, nb := range results {
		for _, r := range nb {
			if len(x.checks[r.Exercise]) == 0 {
				continue
			}
			if err := x.validate(r); err != nil {
				return err
			}
		}
	}
	x.mu.Lock()
	x.validated = true
	x.mu.Unlock()
	return nil
}

// validate says what is wrong with the extra checks of r's exercise,
// run on the course's solution.
func (x *ExtraChecks) validate(r ExerciseResult) error {
	id := r.Exercise
	solution := filepath.Join("solutions", x.topic[id], id+".go")
	if r.HiddenProblem != "" {
		lines := strings.Split(r.HiddenProblem, "\n")
		return fmt.Errorf("extra checks of %s do not compile with the course's solution (%s): %s", id, solution, lines[min(1, len(lines)-1)])
	}
	for _, p := range r.Parts {
		if !p.Hidden && p.Status != Pass {
			return fmt.Errorf("extra checks of %s: the course's solution (%s) fails the course's claim %q: %s", id, solution, p.Name, excerpt.First(p.Message, 1))
		}
	}
	for _, t := range x.checks[id] {
		if len(x.claimsOf(id, t)) == 0 {
			return fmt.Errorf("extra check %s: %s makes no claim: call exercise.Check(t, %q, exercise.Part{Name: …, Points: …, Run: …})", x.fileOf[id+" "+t], t, id)
		}
	}
	for _, p := range r.Parts {
		if p.Hidden && p.Status != Pass {
			return fmt.Errorf("extra checks of %s: the course's solution (%s) fails the hidden claim %q, so every learner would: %s", id, solution, p.Name, excerpt.First(p.Message, 1))
		}
	}
	return nil
}

// solvedSubmissions are the course notebooks that hold the exercises
// ids, with their solutions pasted in and every other exercise cell
// untagged (so they are not built: missing, as far as checking goes).
func solvedSubmissions(c *course.Course, ids []string) ([]Submission, error) {
	paths, err := c.Notebooks()
	if err != nil {
		return nil, err
	}
	var subs []Submission
	for _, p := range paths {
		nb, err := notebook.Read(p)
		if err != nil {
			return nil, err
		}
		wanted := false
		for _, ex := range nb.Exercises() {
			wanted = wanted || slices.Contains(ids, ex.ID)
		}
		if !wanted {
			continue
		}
		if err := c.PasteSolutions(nb); err != nil {
			return nil, err
		}
		for _, ex := range nb.Exercises() {
			if !slices.Contains(ids, ex.ID) && ex.Code != nil {
				ex.Code.Metadata()["tags"] = []any{}
			}
		}
		subs = append(subs, Submission{Name: filepath.Base(p), Notebook: nb})
	}
	return subs, nil
}
