package browser

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/goconc/goconc/kernel/excerpt"
	"github.com/goconc/goconc/kernel/notebook"
	"github.com/goconc/goconc/lessons/exercise"
)

// A check cell in the page shows a scorecard (lessons/exercise): the
// PASS or FAIL line, a row per claim, ✓ or ✗, and the messages. The
// browser test asserts it twice for every check cell: with the
// solutions in (every row ✓) and with the notebook's untouched stubs
// (0 points, a ✗ row for every claim but the race claim, each of the
// stubs' TODOs said once).

// PageScorecard is a scorecard as the page shows it.
type PageScorecard struct {
	Exercise string      `json:"exercise"`
	Passed   bool        `json:"passed"`
	Points   int         `json:"points"`
	Max      int         `json:"max"`
	Claims   []PageClaim `json:"claims"`
}

// PageClaim is one row of a scorecard.
type PageClaim struct {
	Text string `json:"text"` // "✓ copies every file exactly once (2/2)"
	Held bool   `json:"held"`
}

// testingNoise is what the scorecard replaces: the testing package's
// lines for the check's test and its subtests.
var testingNoise = regexp.MustCompile(`(?m)^(=== RUN\s|--- (FAIL|PASS))`)

// scorecardOf is the one scorecard of exercise id in a cell, or why
// there is not exactly one.
func scorecardOf(c PageCell, id string) (*PageScorecard, string) {
	if len(c.Scorecards) != 1 || c.Scorecards[0].Exercise != id || len(c.Scorecards[0].Claims) == 0 {
		return nil, fmt.Sprintf("no scorecard of %s in the page (found %d); the cell shows:\n%s",
			id, len(c.Scorecards), excerpt.Indent(excerpt.Last(c.Text, 12), "    | "))
	}
	if testingNoise.MatchString(c.Text) {
		return nil, "the scorecard comes with the testing package's lines:\n" + excerpt.Indent(excerpt.Last(c.Text, 12), "    | ")
	}
	return &c.Scorecards[0], ""
}

// solvedScorecard is what is wrong with the scorecard of a check cell
// run on a solution, or "".
func solvedScorecard(c PageCell, id string) string {
	s, why := scorecardOf(c, id)
	if why != "" {
		return why
	}
	for _, cl := range s.Claims {
		if !cl.Held || !strings.HasPrefix(cl.Text, "✓") {
			return fmt.Sprintf("the solution's scorecard shows %q: every row should be ✓", cl.Text)
		}
	}
	if !s.Passed || s.Points != s.Max {
		return fmt.Sprintf("the solution's scorecard has %d/%d points", s.Points, s.Max)
	}
	return ""
}

// stubScorecard is what is wrong with the scorecard of a check cell run
// on the notebook's untouched stub, or "".
func stubScorecard(c PageCell, id string) string {
	s, why := scorecardOf(c, id)
	if why != "" {
		return why
	}
	if s.Passed || s.Points != 0 {
		return fmt.Sprintf("the stub's scorecard has %d/%d points, want 0", s.Points, s.Max)
	}
	for _, cl := range s.Claims {
		race := strings.Contains(cl.Text, exercise.NoRaceClaim)
		if cl.Held != race || strings.HasPrefix(cl.Text, "✗") == race {
			return fmt.Sprintf("the stub's scorecard shows %q: every claim but %q should be ✗", cl.Text, exercise.NoRaceClaim)
		}
	}
	said := map[string]int{}
	for _, l := range strings.Split(c.Text, "\n") {
		if i := strings.Index(l, "TODO"); i >= 0 {
			said[panicSite.ReplaceAllString(l[i:], "")]++
		}
	}
	if len(said) == 0 {
		return "the stub's scorecard does not say its TODO:\n" + excerpt.Indent(excerpt.Last(c.Text, 20), "    | ")
	}
	for todo, n := range said {
		if n > 1 {
			return fmt.Sprintf("the stub's %q is said %d times, want once:\n%s", todo, n, excerpt.Indent(excerpt.Last(c.Text, 20), "    | "))
		}
	}
	return ""
}

// panicSite is where a check says a panic was seen: " (in Source[...])".
var panicSite = regexp.MustCompile(` \(in [^\n]*\)$`)

// StubProblems lists the check cells of a page run with the notebook's
// stubs ([Session.RunStubChecks]) whose scorecard is wrong.
func (r *Result) StubProblems() []Problem {
	var ps []Problem
	for _, c := range r.Cells {
		if id, ok := tagValue(c.Tags, "check:"); ok {
			if why := stubScorecard(c, id); why != "" {
				ps = append(ps, Problem{r.Notebook, c.ID, c.Index, why})
			}
		}
	}
	return ps
}

// RunStubChecks opens a copy of a course notebook as a learner first
// gets it, stubs untouched, and runs only its setup cell, exercise
// cells and check cells. The copy is NAME.browser.stub.ipynb, beside
// the notebook and removed afterwards.
func (s *Session) RunStubChecks(ctx context.Context, path string) (*Result, error) {
	nb, err := notebook.Read(path)
	if err != nil {
		return nil, err
	}
	var run []int
	for i, c := range nb.Cells {
		_, exercise := tagValue(c.Tags(), "exercise:")
		_, check := tagValue(c.Tags(), "check:")
		if c.Type() == "code" && (len(run) == 0 || exercise || check) {
			run = append(run, i)
		}
	}
	return s.run(ctx, nb, path, ".browser.stub", run)
}

// shootScorecards saves a picture of each check cell of the page whose
// exercise is in Options.Scorecards, as scorecard-ID.KIND.png (KIND is
// solved or stub).
func (s *Session) shootScorecards(tab context.Context, res *Result, kind string) error {
	for _, c := range res.Cells {
		id, ok := tagValue(c.Tags, "check:")
		if !ok || !slices.Contains(s.opt.Scorecards, id) {
			continue
		}
		if err := s.shootCell(tab, c, res, "scorecard-"+id+kind+".png"); err != nil {
			return err
		}
	}
	return nil
}
