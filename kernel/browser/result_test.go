package browser

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// page is a notebook page after Run All with the solutions in: every
// kind of cell, as it shows when all is well.
func page() *Result {
	r := &Result{Notebook: "01-threads.ipynb", Cells: []PageCell{
		{ID: "title", Type: "markdown", Source: "# 01"},
		{ID: "setup", Type: "code", Prompt: "1", Source: "%goflags -race"},
		{ID: "calc", Type: "code", Prompt: "2", Source: "%%\nrec := timeline.New(\"calc\")\nrec.Display()", SVGs: 1},
		{ID: "race", Type: "code", Prompt: "3", Source: "%%\ncounter++", Tags: []string{"raises-exception"},
			Errors: []string{"exit status 66"}, Stderr: "WARNING: DATA RACE\n"},
		{ID: "fetch-all", Type: "code", Prompt: "4", Source: "func FetchAll() {}", Tags: []string{"exercise:fetch-all"}},
		{ID: "check-fetch-all", Type: "code", Prompt: "5", Source: "%test\n…",
			Tags: []string{"check:fetch-all", "raises-exception"},
			Text: "PASS fetch-all: 10/10 points\n✓ returns the pages in order (10/10)\n✓ has no data race\n",
			Scorecards: []PageScorecard{{Exercise: "fetch-all", Passed: true, Points: 10, Max: 10, Claims: []PageClaim{
				{Text: "✓ returns the pages in order (10/10)", Held: true}, {Text: "✓ has no data race", Held: true}}}}},
		{ID: "empty", Type: "code", Source: "\n"},
	}}
	for i := range r.Cells {
		r.Cells[i].Index = i
	}
	return r
}

func TestProblemsOfACleanPageAreNone(t *testing.T) {
	r := page()
	assert.Empty(t, r.Problems())
	assert.Equal(t, 1, r.Pictures())
}

func TestProblemsNameTheNotebookTheCellAndTheError(t *testing.T) {
	r := page()
	r.Cells[2].Errors = []string{"panic: boom"}
	r.Cells[2].Stderr = "goroutine 1 [running]:\nmain.main()\n"
	ps := r.Problems()
	if assert.Len(t, ps, 1) {
		got := ps[0].String()
		assert.True(t, strings.HasPrefix(got, "01-threads.ipynb, cell calc (#2): error output in the page:"), got)
		assert.Contains(t, got, "| panic: boom")
		assert.Contains(t, got, "| main.main()")
	}
}

func TestProblemsHoldCheckAndUsesCellsToPassOnceSolved(t *testing.T) {
	r := page()
	r.Cells[5].Errors = []string{"exit status 1"}
	r.Cells[5].Text = "FAIL fetch-all: 4/10 points\n"
	r.Cells[5].Scorecards[0].Claims[0] = PageClaim{Text: "✗ returns the pages in order (0/10)"}
	r.Cells = append(r.Cells, PageCell{ID: "fetch-all-run", Type: "code", Prompt: "6", Index: 7,
		Source: "%%\nFetchAll()", Tags: []string{"raises-exception", "uses:fetch-all"}, Errors: []string{"exit status 2"}})
	var what []string
	for _, p := range r.Problems() {
		what = append(what, p.CellID+": "+strings.SplitN(p.What, "\n", 2)[0])
	}
	assert.Equal(t, []string{
		"check-fetch-all: error output in the page:",
		`check-fetch-all: no line "PASS fetch-all: …" in the page; the cell shows:`,
		`check-fetch-all: the solution's scorecard shows "✗ returns the pages in order (0/10)": every row should be ✓`,
		"fetch-all-run: error output in the page:",
	}, what)
}

func TestProblemsFindAPictureThatDidNotRender(t *testing.T) {
	r := page()
	r.Cells[2].SVGs = 0
	ps := r.Problems()
	if assert.Len(t, ps, 1) {
		assert.Contains(t, ps[0].What, "draws a picture but the page shows none")
	}
}

func TestProblemsFindASchedulerViewThatDidNotRender(t *testing.T) {
	r := page()
	r.Cells = append(r.Cells, PageCell{ID: "sched", Type: "code", Prompt: "6", Index: len(r.Cells),
		Source: "%%\ntimeline.ShowSched(\"one\", f)\ntimeline.ShowSched(\"two\", g)", SVGs: 2, Sched: 1})
	ps := r.Problems()
	if assert.Len(t, ps, 1) {
		assert.Contains(t, ps[0].What, "draws 2 scheduler views but the page shows 1")
	}
	r.Cells[len(r.Cells)-1].Sched = 2
	assert.Empty(t, r.Problems())
	assert.Equal(t, 2, r.SchedViews())
}

func TestProblemsFindCellsThatNeverRan(t *testing.T) {
	r := page()
	r.Cells[4].Prompt = "*"
	r.Cells[5].Prompt = ""
	r.Cells[5].Text = ""
	var ids []string
	for _, p := range r.Problems() {
		ids = append(ids, p.CellID)
		assert.Equal(t, "never ran (Run All stopped before it)", p.What)
	}
	assert.Equal(t, []string{"fetch-all", "check-fetch-all"}, ids)
}

func TestDrawsPictureOnlyForCellsThatRunCode(t *testing.T) {
	assert.True(t, drawsPicture("%%\nrec.Display()"))
	assert.True(t, drawsPicture("%%\ntimeline.ShowBars(\"t\", bars)"))
	assert.True(t, drawsPicture("%%\ntimeline.ShowSched(\"t\", f)"))
	assert.Equal(t, 1, schedViews("func f() { timeline.ShowSched(\"a\", g) }\n%%\ntimeline.ShowSched(\"t\", f)"), "only the main part's calls draw")
	assert.False(t, drawsPicture("func show(rec *timeline.Recorder) {\n\trec.Display()\n}"), "a declaration draws nothing yet")
	assert.False(t, drawsPicture("%%\nfmt.Println(1)"))
}

func TestACheckCellWithoutItsScorecardIsAProblem(t *testing.T) {
	r := page()
	r.Cells[5].Scorecards = nil
	r.Cells[5].Text = "=== RUN   TestFetchAll\n=== RUN   TestFetchAll/returns_the_pages_in_order\nPASS fetch-all: 10/10 points\n"
	ps := r.Problems()
	if assert.Len(t, ps, 1) {
		assert.Contains(t, ps[0].What, "no scorecard of fetch-all in the page (found 0)")
	}
}

// stubPage is the check cell of a page run with the stubs untouched.
func stubPage(text string, claims ...PageClaim) *Result {
	return &Result{Notebook: "01-threads.ipynb", Cells: []PageCell{{ID: "check-copy-all", Type: "code", Prompt: "3",
		Tags: []string{"check:copy-all", "raises-exception"}, Text: text,
		Scorecards: []PageScorecard{{Exercise: "copy-all", Points: 0, Max: 10, Claims: claims}}}}}
}

func TestAStubsScorecardFailsEveryClaimButTheRaceClaimAndSaysItsTODOOnce(t *testing.T) {
	good := stubPage("FAIL copy-all: 0/10 points\n✗ copies every file (0/10)\n✓ has no data race\nEvery claim marked ✗ failed the same way:\npanic: TODO: workers\n",
		PageClaim{Text: "✗ copies every file (0/10)"}, PageClaim{Text: "✓ has no data race", Held: true})
	assert.Empty(t, good.StubProblems())

	two := stubPage("FAIL copy-all: 0/10 points\n✗ a (0/5)\nTODO: source (in Source[...])\n✗ b (0/5)\n(same as above)\n✗ c (0/5)\nTODO: collect\n",
		PageClaim{Text: "✗ a (0/5)"}, PageClaim{Text: "✗ b (0/5)"}, PageClaim{Text: "✗ c (0/5)"}, PageClaim{Text: "✓ has no data race", Held: true})
	assert.Empty(t, two.StubProblems(), "two stubs, each TODO said once")

	twice := stubPage("FAIL copy-all: 0/10 points\n✗ a (0/5)\nTODO: workers\n✗ b (0/5)\nTODO: workers\n",
		PageClaim{Text: "✗ a (0/5)"}, PageClaim{Text: "✗ b (0/5)"}, PageClaim{Text: "✓ has no data race", Held: true})
	if ps := twice.StubProblems(); assert.Len(t, ps, 1) {
		assert.Contains(t, ps[0].What, `the stub's "TODO: workers" is said 2 times, want once`)
	}

	held := stubPage("FAIL copy-all: 0/10 points\n✓ a (0/5)\nTODO: workers\n",
		PageClaim{Text: "✓ a (5/5)", Held: true}, PageClaim{Text: "✓ has no data race", Held: true})
	if ps := held.StubProblems(); assert.Len(t, ps, 1) {
		assert.Contains(t, ps[0].What, `the stub's scorecard shows "✓ a (5/5)"`)
	}
}

// A check cell run as a bare %test (GoNB's -test.v) shows the
// testing package's "=== RUN TestFetchAll" above the scorecard.
func TestTheTestingPackagesLinesBesideAScorecardAreAProblem(t *testing.T) {
	r := page()
	r.Cells[5].Text = "=== RUN   TestFetchAll\n" + r.Cells[5].Text
	ps := r.Problems()
	if assert.Len(t, ps, 1) {
		assert.Contains(t, ps[0].What, "the scorecard comes with the testing package's lines")
	}
}
