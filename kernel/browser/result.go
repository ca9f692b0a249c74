package browser

import (
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/goconc/goconc/kernel/excerpt"
)

// Result is what the page showed after Run All.
type Result struct {
	Notebook   string        // "01-threads.ipynb"
	Elapsed    time.Duration // from Run All until the kernel was idle
	Cells      []PageCell
	Screenshot string   // the whole page, as a JPEG
	Executed   string   // the notebook with the outputs the page showed
	Pictured   []string // pictures of scorecards (Options.Scorecards) and of scheduler views
}

// PageCell is one cell as the page shows it, with what the notebook
// file says of it.
type PageCell struct {
	ID     string   `json:"id"`
	Type   string   `json:"type"`   // code, markdown
	Prompt string   `json:"prompt"` // execution count, "*" while queued, "" if never run
	Text   string   `json:"text"`   // every output, as the page renders it
	Errors []string `json:"errors"` // error outputs (tracebacks), as rendered
	Stderr string   `json:"stderr"`
	SVGs   int      `json:"svgs"`  // pictures rendered with a size
	Sched  int      `json:"sched"` // of those, scheduler views (timeline.ShowSched)
	// Scorecards are the check scorecards the cell shows.
	Scorecards []PageScorecard `json:"scorecards"`

	Index  int      `json:"-"`
	Source string   `json:"-"`
	Tags   []string `json:"-"`
}

// Problem is one thing the page shows that a learner should not see,
// with the notebook and the cell it is in.
type Problem struct {
	Notebook string
	CellID   string
	Index    int
	What     string
}

func (p Problem) String() string {
	return fmt.Sprintf("%s, cell %s (#%d): %s", p.Notebook, p.CellID, p.Index, p.What)
}

// Problems lists what is wrong in the page of a notebook run with its
// solutions in place:
//
//   - an error output in a cell that may not fail: cells not tagged
//     raises-exception, and, with the solutions in, the check:<id> and
//     uses:<id> cells (the rule of `goconc run --solved`);
//   - a check:<id> cell that does not show the line "PASS <id>: …",
//     or not as a scorecard of all ✓ rows (see scorecard.go);
//   - a cell that runs code (%%) and draws a timeline or a chart
//     (.Display(), ShowBars, ShowSched) but shows no rendered picture,
//     or fewer scheduler views than it calls ShowSched;
//   - a code cell that never ran.
func (r *Result) Problems() []Problem {
	var ps []Problem
	add := func(c PageCell, format string, args ...any) {
		ps = append(ps, Problem{r.Notebook, c.ID, c.Index, fmt.Sprintf(format, args...)})
	}
	for _, c := range r.Cells {
		if c.Type != "code" || strings.TrimSpace(c.Source) == "" {
			continue
		}
		if c.Prompt == "" || c.Prompt == "*" {
			add(c, "never ran (Run All stopped before it)")
			continue
		}
		if len(c.Errors) > 0 && !mayFail(c) {
			add(c, "error output in the page:\n%s", errorText(c))
		}
		if id, ok := tagValue(c.Tags, "check:"); ok && !passLine(id).MatchString(c.Text) {
			add(c, "no line \"PASS %s: …\" in the page; the cell shows:\n%s", id, excerpt.Indent(excerpt.Last(c.Text, 12), "    | "))
		}
		if id, ok := tagValue(c.Tags, "check:"); ok {
			if why := solvedScorecard(c, id); why != "" {
				add(c, "%s", why)
			}
		}
		if drawsPicture(c.Source) && c.SVGs == 0 {
			add(c, "draws a picture but the page shows none; the cell shows:\n%s", excerpt.Indent(excerpt.Last(c.Text, 6), "    | "))
		} else if n := schedViews(c.Source); c.Sched < n {
			add(c, "draws %d scheduler views but the page shows %d; the cell shows:\n%s", n, c.Sched, excerpt.Indent(excerpt.Last(c.Text, 6), "    | "))
		}
	}
	return ps
}

// Pictures is how many rendered pictures the page shows.
func (r *Result) Pictures() int {
	n := 0
	for _, c := range r.Cells {
		n += c.SVGs
	}
	return n
}

// SchedViews is how many of those are scheduler views.
func (r *Result) SchedViews() int {
	n := 0
	for _, c := range r.Cells {
		n += c.Sched
	}
	return n
}

// mayFail is jupyter.Run's rule with the solutions pasted in: a cell
// tagged raises-exception may fail unless it checks or uses a solution.
func mayFail(c PageCell) bool {
	_, isCheck := tagValue(c.Tags, "check:")
	_, usesSolution := tagValue(c.Tags, "uses:")
	return slices.Contains(c.Tags, "raises-exception") && !isCheck && !usesSolution
}

func passLine(id string) *regexp.Regexp {
	return regexp.MustCompile(`(?m)^PASS ` + regexp.QuoteMeta(id) + `: `)
}

// drawsPicture reports whether a cell runs code (%%) that shows a
// timeline or a chart of lessons/timeline.
var (
	runsMain  = regexp.MustCompile(`(?m)^%%\s*$`)
	showsDraw = regexp.MustCompile(`\.Display\(\)|\bShowBars\(|\bShowSched\(`)
)

func drawsPicture(source string) bool {
	return runsMain.MatchString(source) && showsDraw.MatchString(source)
}

// schedViews is how many scheduler views the cell's main part (after
// its %% line) draws: one per call of timeline.ShowSched.
func schedViews(source string) int {
	loc := runsMain.FindStringIndex(source)
	if loc == nil {
		return 0
	}
	return strings.Count(source[loc[1]:], "timeline.ShowSched(")
}

// errorText is a cell's error outputs with the last lines of its
// stderr (where a panic or a race report is).
func errorText(c PageCell) string {
	var errs []string
	for _, e := range c.Errors {
		errs = append(errs, strings.TrimSpace(e))
	}
	text := strings.Join(errs, "\n")
	if strings.TrimSpace(c.Stderr) != "" {
		text += "\nstderr:\n" + excerpt.Last(c.Stderr, 8)
	}
	return excerpt.Indent(text, "    | ")
}

func tagValue(tags []string, prefix string) (string, bool) {
	for _, t := range tags {
		if v, ok := strings.CutPrefix(t, prefix); ok {
			return v, true
		}
	}
	return "", false
}

func getJSON(url string, v any) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: %s", url, resp.Status)
	}
	return json.NewDecoder(resp.Body).Decode(v)
}
