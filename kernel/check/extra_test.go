package check

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/goconc/goconc/kernel/course"
	"github.com/goconc/goconc/kernel/internal/learners"
	"github.com/goconc/goconc/lessons/exercise"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The worked example of kernel/testdata/extra-checks: one hidden claim
// of 2 points for fetch-all, that a pool of 16 workers does not keep.
const exampleClaim = "fetches a hundred pages at once, one goroutine per URL"

func exampleChecker(t *testing.T) (*Checker, *course.Course) {
	t.Helper()
	c, err := course.Find(".")
	require.NoError(t, err)
	ch := New(c)
	ch.Timeout = 20 * time.Second
	ch.Extra, err = LoadExtraChecks(c, filepath.Join(c.Root, "kernel", "testdata", "extra-checks"))
	require.NoError(t, err)
	require.NoError(t, ch.ValidateExtra(context.Background()))
	n, points := ch.Extra.Claims()
	require.Equal(t, []int{1, 2}, []int{n, points}, "learned from the course's solution")
	return ch, c
}

func TestHiddenClaimsCountInTheGradeButNotInTheMessage(t *testing.T) {
	t.Parallel()
	ch, c := exampleChecker(t)
	check := func(cells map[string]string) ExerciseResult {
		nb := learners.Copy(t, c, cells)
		rs, err := ch.CheckNotebook(context.Background(), nb)
		require.NoError(t, err)
		require.Equal(t, "fetch-all", rs[0].Exercise)
		assert.Equal(t, 10, rs[1].MaxPoints, "copy-all has no extra checks")
		assert.Equal(t, 12, rs[0].MaxPoints, "fetch-all's 10 and the hidden 2, whatever happened")
		return rs[0]
	}
	hidden := func(r ExerciseResult) (parts []PartResult) {
		for _, p := range r.Parts {
			if p.Hidden {
				parts = append(parts, p)
			}
		}
		require.Len(t, parts, 1, partMessages(r))
		assert.Equal(t, exampleClaim, parts[0].Name)
		return parts
	}

	t.Run("a pool of 16 workers passes the course's claims, not the hidden one", func(t *testing.T) {
		r := check(map[string]string{"fetch-all": "sixteen-workers", "copy-all": learners.Solved})
		assert.Equal(t, Fail, r.Status)
		assert.Equal(t, 10, r.Points, partMessages(r))
		for _, p := range r.Parts {
			assert.Equal(t, p.Hidden, p.Status != Pass, "%s: %s", p.Name, p.Message)
		}
		assert.Contains(t, hidden(r)[0].Message, "with at most 16 fetches at once")
		assert.Equal(t, "0 of 1 hidden claim hold", r.Message)
	})
	t.Run("a cell that does not compile loses them too", func(t *testing.T) {
		r := check(map[string]string{"fetch-all": "compile-error", "copy-all": learners.Solved})
		assert.Equal(t, Error, r.Status)
		assert.Equal(t, 0, r.Points)
		assert.Equal(t, Error, hidden(r)[0].Status)
		assert.NotContains(t, r.Message+r.Output, "many_pages")
	})
	t.Run("a helper named like the instructor's costs the hidden claims alone, and says so to the instructor only", func(t *testing.T) {
		sol, err := c.Solution("threads", "fetch-all")
		require.NoError(t, err)
		nb := learners.Copy(t, c, map[string]string{"copy-all": learners.Solved})
		ex, err := nb.Exercise("fetch-all")
		require.NoError(t, err)
		ex.Code.SetSource(sol + "\nfunc fetchHundredAtOnce() {}\n")
		rs, err := ch.CheckNotebook(context.Background(), nb)
		require.NoError(t, err)
		r := rs[0]
		assert.Equal(t, Error, r.Status)
		assert.Equal(t, 10, r.Points, "the course's claims all hold")
		assert.Equal(t, Error, hidden(r)[0].Status)
		assert.Equal(t, "0 of 1 hidden claim hold: your code crashed in one, or they could not run with it", r.Message)
		assert.Contains(t, r.HiddenProblem, "fetch-all/many_pages_test.go:")
		assert.Contains(t, r.HiddenProblem, "fetchHundredAtOnce redeclared")
	})
	// Code that goes wrong only on the hidden claim's 100 pages: the
	// course's claims keep their points; what went wrong is said without
	// a word, a file or a line of the hidden check.
	withSolution := func(t *testing.T, change string) ExerciseResult {
		sol, err := c.Solution("threads", "fetch-all")
		require.NoError(t, err)
		nb := learners.Copy(t, c, map[string]string{"copy-all": learners.Solved})
		ex, err := nb.Exercise("fetch-all")
		require.NoError(t, err)
		ex.Code.SetSource(strings.Replace(sol, "\t\twg.Go(func() {\n", "\t\twg.Go(func() {\n"+change, 1) + "\nvar racy int\n")
		rs, err := ch.CheckNotebook(context.Background(), nb)
		require.NoError(t, err)
		for _, secret := range []string{"many_pages", "TestFetchAllManyPages", "fetchHundredAtOnce", "a hundred pages"} {
			assert.NotContains(t, rs[0].Message+rs[0].Output, secret)
		}
		return rs[0]
	}
	t.Run("an endless loop on many pages runs out of time in the hidden claim", func(t *testing.T) {
		r := withSolution(t, "\t\t\tfor len(urls) > 20 {\n\t\t\t}\n")
		assert.Equal(t, Timeout, r.Status, partMessages(r))
		assert.Equal(t, 10, r.Points)
		assert.Equal(t, Timeout, hidden(r)[0].Status)
		assert.Equal(t, "0 of 1 hidden claim hold: your code ran out of time in one (an endless loop, or goroutines waiting for each other?)", r.Message)
	})
	t.Run("a data race on many pages scores 0, as every race does", func(t *testing.T) {
		r := withSolution(t, "\t\t\tif len(urls) > 20 {\n\t\t\t\tracy++\n\t\t\t}\n")
		assert.Equal(t, Fail, r.Status, partMessages(r))
		assert.Equal(t, 0, r.Points)
		assert.Equal(t, exercise.NoRaceClaim+": "+hiddenRaceMessage, r.Message)
	})
}

// extraDir writes files (path → Go) as an extra-checks folder.
func extraDir(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, src := range files {
		require.NoError(t, os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644))
	}
	return dir
}

func TestExtraChecksThatCannotBeUsedAreRefusedInOneLine(t *testing.T) {
	t.Parallel()
	c, err := course.Find(".")
	require.NoError(t, err)
	const claim = "package x\n\nfunc TestMore(t *testing.T) {\n\texercise.Check(t, \"fetch-all\", exercise.Part{Name: \"more\", Points: 1, Run: func(t *testing.T) { %s }})\n}\n"
	for name, tc := range map[string]struct {
		files map[string]string
		want  string
	}{
		"unknown exercise": {map[string]string{"fetch-everything/a_test.go": "package x"},
			`extra checks: folder "fetch-everything" names no exercise of the course (it has bank-transfer, copy-all, `},
		"a file outside any folder": {map[string]string{"a_test.go": "package x"},
			"extra check a_test.go: put it in a folder named for its exercise, "},
		"a syntax error": {map[string]string{"fetch-all/a_test.go": "package x\n\nfunc TestX(t *testing.T) {\n\tif {\n}\n"},
			"extra check fetch-all/a_test.go: line 4:"},
		"no test": {map[string]string{"fetch-all/a_test.go": "package x\n\nfunc helper() {}\n"},
			"extra checks of fetch-all: no func TestXxx(t *testing.T) in "},
		"nothing": {map[string]string{"README.md": "hidden checks"}, "extra checks: nothing in "},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := LoadExtraChecks(c, extraDir(t, tc.files))
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
			assert.NotContains(t, err.Error(), "\n")
		})
	}
	for name, tc := range map[string]struct {
		body, want string
	}{
		// One that does not compile: cmd/goconc's hidden_test.go.
		"fails the solution": {`if len(FetchAll(nil, nil)) == 0 { t.Error("wants pages from nothing") }`,
			`extra checks of fetch-all: the course's solution (solutions/threads/fetch-all.go) fails the hidden claim "more", so every learner would: wants pages from nothing`},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			x, err := LoadExtraChecks(c, extraDir(t, map[string]string{"fetch-all/a_test.go": fmt.Sprintf(claim, tc.body)}))
			require.NoError(t, err)
			ch := New(c)
			ch.Extra = x
			err = ch.ValidateExtra(context.Background())
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
			assert.NotContains(t, err.Error(), "\n")
		})
	}
}
