package grade

import (
	"fmt"

	"github.com/goconc/goconc/kernel/check"
)

// splitHidden parts the course's claims from the instructor's hidden
// ones (check.ExtraChecks), which a learner's page only counts.
func splitHidden(parts []check.PartResult) (shown, hidden []check.PartResult) {
	for _, p := range parts {
		if p.Hidden {
			hidden = append(hidden, p)
		} else {
			shown = append(shown, p)
		}
	}
	return shown, hidden
}

// hiddenSummary is the one row a learner's page gives the hidden
// claims: how many, how many hold, their points, and nothing of what
// they are ("- ✗ 1 hidden claim: 0 hold (0/2)").
func hiddenSummary(hidden []check.PartResult) string {
	held, got, max := 0, 0, 0
	for _, p := range hidden {
		if p.Status == check.Pass {
			held++
		}
		got, max = got+p.Points, max+p.MaxPoints
	}
	claims := fmt.Sprintf("%d hidden claims", len(hidden))
	if len(hidden) == 1 {
		claims = "1 hidden claim"
	}
	hold := fmt.Sprintf("%d hold", held)
	if held == 1 {
		hold = "1 holds"
	}
	return fmt.Sprintf("- %s %s: %s (%d/%d)", mark(held == len(hidden)), claims, hold, got, max)
}

// hiddenMark tells a hidden claim on a page that shows them.
func hiddenMark(p check.PartResult) string {
	if p.Hidden {
		return ", hidden"
	}
	return ""
}
