package grade

import (
	"context"
	"testing"

	"github.com/goconc/goconc/kernel/course"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// An interrupted --fresh grading says the results graded so far are
// cached: they are, and the next grading takes them from the cache.
func TestAnInterruptedFreshGradingCachesWhatItFinished(t *testing.T) {
	c, err := course.Find(".")
	require.NoError(t, err)
	subs := stubClass(t, c, []string{"alice", "bob", "carol"})
	cacheDir := t.TempDir()

	g := quickGrader(t, c)
	g.Jobs = 1
	g.Cache, err = NewCache(cacheDir, g.Checker)
	require.NoError(t, err)
	g.Cache.Fresh = true
	ctx, interrupt := context.WithCancel(context.Background())
	defer interrupt()
	g.Progress = func(r StudentResult, done, total int) {
		assert.False(t, r.Cached, "--fresh reads nothing from the cache")
		interrupt() // ^C after the first learner
	}
	_, err = g.Grade(ctx, subs)
	require.ErrorIs(t, err, context.Canceled)

	again := quickGrader(t, c)
	again.Cache, err = NewCache(cacheDir, again.Checker)
	require.NoError(t, err)
	results, err := again.Grade(context.Background(), subs)
	require.NoError(t, err)
	cached := map[string]bool{}
	for _, r := range results {
		cached[r.Student] = r.Cached
	}
	assert.Equal(t, map[string]bool{"alice": true, "bob": false, "carol": false}, cached,
		"the learner graded before ^C is cached, the ones after it are not")

	g.Progress = nil
	fresh, err := g.Grade(context.Background(), subs)
	require.NoError(t, err)
	for _, r := range fresh {
		assert.False(t, r.Cached, "%s: --fresh grades again even what is cached", r.Student)
	}
}
