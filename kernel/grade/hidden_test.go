package grade

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/goconc/goconc/kernel/check"
	"github.com/goconc/goconc/kernel/course"
	"github.com/goconc/goconc/kernel/internal/learners"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// secretsOfTheExample are bytes of kernel/testdata/extra-checks that a
// learner must never read: the claim's name, the message it fails with,
// the file, its test and helper, and its code.
var secretsOfTheExample = []string{
	"fetches a hundred pages at once", "however many", "fetches at once, want",
	"many_pages", "extra-checks", "TestFetchAllManyPages", "fetchHundredAtOnce", "many.example", "inFlight.Peak",
}

// A class graded with the worked extra check, in the sandbox: a pool of
// 16 workers passes the course's check but not the hidden claim, loses
// its 2 points, and reads "1 hidden claim: 0 hold" and nothing else of
// it, anywhere a learner looks; --show-hidden names it.
func TestHiddenClaimsCountAndNothingOfThemReachesTheLearner(t *testing.T) {
	t.Parallel()
	sb := needSandbox(t)
	c, err := course.Find(".")
	require.NoError(t, err)
	subs := t.TempDir()
	for student, cells := range map[string]map[string]string{
		"pool":   {"fetch-all": "sixteen-workers", "copy-all": learners.Solved},
		"solved": {"fetch-all": learners.Solved, "copy-all": learners.Solved},
		"stubs":  {},
	} {
		require.NoError(t, os.MkdirAll(filepath.Join(subs, student), 0o755))
		require.NoError(t, learners.Copy(t, c, cells).Write(filepath.Join(subs, student, "01-threads.ipynb")))
	}
	ch := check.New(c)
	ch.Sandbox, ch.Timeout, ch.Parallel = sb, 20*time.Second, 1
	plain, err := Fingerprint(ch)
	require.NoError(t, err)
	example := filepath.Join(c.Root, "kernel", "testdata", "extra-checks")
	ch.Extra, err = check.LoadExtraChecks(c, example)
	require.NoError(t, err)
	cache := t.TempDir()
	cached, err := ValidateExtra(context.Background(), ch, cache, false)
	require.NoError(t, err)
	assert.False(t, cached)
	withExtra, err := Fingerprint(ch)
	require.NoError(t, err)
	assert.NotEqual(t, plain, withExtra, "the cache key holds the extra checks")

	again := check.New(c)
	again.Sandbox, again.Timeout = sb, ch.Timeout
	again.Extra, err = check.LoadExtraChecks(c, example)
	require.NoError(t, err)
	cached, err = ValidateExtra(context.Background(), again, cache, false)
	require.NoError(t, err)
	assert.True(t, cached, "validated once, remembered")
	n, points := again.Extra.Claims()
	assert.Equal(t, []int{1, 2}, []int{n, points})
	learned, err := again.Extra.Learned()
	require.NoError(t, err)
	assert.False(t, again.Extra.UseLearned([]byte(`{"fetch-all TestOther":[{"name":"x","points":1}]}`)), "another check's claims do not fit")
	assert.True(t, again.Extra.UseLearned(learned))

	g := &Grader{Checker: ch, Jobs: 2, Notebooks: []string{"01-threads.ipynb"}}
	results, err := g.Grade(context.Background(), subs)
	require.NoError(t, err)
	scores := map[string][2]int{}
	for _, s := range results {
		for _, e := range s.Notebooks[0].Exercises {
			if e.Exercise == "fetch-all" {
				scores[s.Student] = [2]int{e.Points, e.MaxPoints}
			}
		}
	}
	assert.Equal(t, map[string][2]int{"pool": {10, 12}, "solved": {12, 12}, "stubs": {0, 12}}, scores)

	out := t.TempDir()
	require.NoError(t, WriteClass(out, Class{Students: results}))
	page := func(dir, student string) string {
		data, err := os.ReadFile(filepath.Join(dir, "feedback", student+".md"))
		require.NoError(t, err)
		return string(data)
	}
	assert.Contains(t, page(out, "pool"), "### `fetch-all`: some claims do not hold, 10/12\n")
	assert.Contains(t, page(out, "pool"), "- ✓ has no data race (0/0)\n- ✗ 1 hidden claim: 0 hold (0/2)\n")
	assert.Contains(t, page(out, "solved"), "Every claim of the check holds.\n\n- ✓ 1 hidden claim: 1 holds (2/2)\n")
	assert.Contains(t, page(out, "stubs"), "- ✗ 1 hidden claim: 0 hold (0/2)\n")
	for _, name := range []string{"grades.csv", "canvas.csv", "moodle.csv", "feedback/pool.md", "feedback/solved.md", "feedback/stubs.md"} {
		data, err := os.ReadFile(filepath.Join(out, name))
		require.NoError(t, err)
		for _, secret := range secretsOfTheExample {
			assert.NotContains(t, string(data), secret, "%s shows the hidden check", name)
		}
	}
	entries, err := os.ReadDir(filepath.Join(out, "feedback"))
	require.NoError(t, err)
	assert.Len(t, entries, 3, "feedback/ holds the pages and nothing else")
	for _, s := range results {
		for _, e := range s.Notebooks[0].Exercises {
			for _, secret := range secretsOfTheExample {
				assert.NotContains(t, e.Message+e.Output, secret, "%s %s: the exercise's message is the learner's", s.Student, e.Exercise)
			}
		}
	}
	instructors, err := os.ReadFile(filepath.Join(out, "results.json"))
	require.NoError(t, err)
	assert.Contains(t, string(instructors), `"name": "fetches a hundred pages at once, one goroutine per URL",`)
	assert.Contains(t, string(instructors), `"hidden": true`)

	shown := t.TempDir()
	require.NoError(t, WriteClass(shown, Class{Students: results, ShowHidden: true}))
	pool := page(shown, "pool")
	assert.Contains(t, pool, "- ✗ fetches a hundred pages at once, one goroutine per URL (0/2, hidden)\n")
	assert.Contains(t, pool, "with at most 16 fetches at once, want 100ms and all 100")
	assert.False(t, strings.Contains(page(shown, "solved"), "hidden claim:"), "with --show-hidden there is nothing to count")
}
