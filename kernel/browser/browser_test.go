package browser

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/goconc/goconc/kernel/course"
	"github.com/stretchr/testify/require"
)

// TestEveryNotebookRunsCleanInTheBrowser opens every course notebook
// (notebooks/*.ipynb, so a lesson added later is covered) with its
// solutions in place in Jupyter Notebook in Chromium, runs all cells,
// and fails on anything the page shows that a learner should not see.
// Then it runs the check cells again on the notebook's untouched stubs,
// and fails on a check cell whose scorecard is not 0 points of ✗ rows
// with the stub's TODO said once. The scorecards of copy-all, solved
// and stub, are pictured as out/browser/scorecard-copy-all.solved.png
// and .stub.png, and every cell that shows a scheduler view as
// out/browser/sched-NOTEBOOK-CELL.png.
// It takes minutes, so it runs only when GOCONC_BROWSER is set: `make
// browser`, part of `make test`. Screenshots and the executed
// notebooks go to out/browser/.
func TestEveryNotebookRunsCleanInTheBrowser(t *testing.T) {
	if os.Getenv("GOCONC_BROWSER") == "" {
		t.Skip("the browser test runs with GOCONC_BROWSER=1 (make browser)")
	}
	c, err := course.Find(".")
	require.NoError(t, err)
	notebooks, err := c.Notebooks()
	require.NoError(t, err)
	artifacts := filepath.Join(c.Root, "out", "browser")

	ctx := t.Context()
	s, err := Start(ctx, c, Options{Artifacts: artifacts, Scorecards: []string{"copy-all"}})
	require.NoError(t, err)
	defer s.Close()

	var total time.Duration
	for _, path := range notebooks {
		t.Run(filepath.Base(path), func(t *testing.T) {
			res, err := s.Run(ctx, path)
			require.NoError(t, err)
			total += res.Elapsed
			for _, p := range res.Problems() {
				t.Error(p)
			}
			t.Logf("%s: %d cells in %.1fs, %d pictures (scheduler views: %d); screenshot %s",
				res.Notebook, len(res.Cells), res.Elapsed.Seconds(), res.Pictures(), res.SchedViews(), rel(c, res.Screenshot))
			stub, err := s.RunStubChecks(ctx, path)
			require.NoError(t, err)
			total += stub.Elapsed
			for _, p := range stub.StubProblems() {
				t.Error(p)
			}
			for _, shot := range append(res.Pictured, stub.Pictured...) {
				t.Logf("%s: picture %s", res.Notebook, rel(c, shot))
			}
		})
	}
	t.Logf("%d notebooks in %.1fs", len(notebooks), total.Seconds())
}

// TestStartSaysHowToInstallAMissingChromium keeps the one-line advice
// of a machine without the browser.
func TestStartSaysHowToInstallAMissingChromium(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	_, err := Start(context.Background(), &course.Course{Root: t.TempDir()}, Options{Artifacts: t.TempDir()})
	require.ErrorContains(t, err, InstallChromium)
}

func rel(c *course.Course, path string) string {
	if r, err := filepath.Rel(c.Root, path); err == nil {
		return r
	}
	return path
}
