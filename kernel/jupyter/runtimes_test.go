package jupyter

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The course's figures from one run: 05-pools, the longest, is named
// sixth of seven. The next run starts it first, then the rest longest
// first; a notebook never run before starts before all of them.
func TestNotebooksStartLongestFirstByTheirLastRun(t *testing.T) {
	file := filepath.Join(t.TempDir(), "goconc", "run-times.json")
	paths := []string{"n/00-intro.ipynb", "n/01-threads.ipynb", "n/02-daemon.ipynb", "n/05-pools.ipynb", "n/06-async.ipynb"}

	first := LoadRunTimes(file)
	assert.Equal(t, []int{0, 1, 2, 3, 4}, first.startOrder(paths, true), "no history: the order given")
	for path, s := range map[string]float64{"n/00-intro.ipynb": 8.1, "n/01-threads.ipynb": 24.8, "n/02-daemon.ipynb": 19.3, "n/05-pools.ipynb": 35.7} {
		first.record(path, true, time.Duration(s*float64(time.Second)))
	}
	first.record("n/06-async.ipynb", false, time.Hour) // a run of the stubs is another run
	require.NoError(t, first.Save())

	next := LoadRunTimes(file)
	order := next.startOrder(paths, true)
	var names []string
	for _, i := range order {
		names = append(names, filepath.Base(paths[i]))
	}
	assert.Equal(t, []string{"06-async.ipynb", "05-pools.ipynb", "01-threads.ipynb", "02-daemon.ipynb", "00-intro.ipynb"}, names)
}

func TestABrokenTimesFileIsNoHistory(t *testing.T) {
	assert.Equal(t, []int{0, 1}, LoadRunTimes("/nonexistent/run-times.json").startOrder([]string{"b.ipynb", "a.ipynb"}, false))
	var none *RunTimes
	assert.Equal(t, []int{0, 1}, none.startOrder([]string{"b.ipynb", "a.ipynb"}, false))
}
