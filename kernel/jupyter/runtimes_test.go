package jupyter

import (
	"os"
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

// A times file that holds JSON's null (a hand edit, another tool) is no
// history, as an unreadable one is: the run records into it and saves.
func TestATimesFileOfNullIsNoHistory(t *testing.T) {
	file := filepath.Join(t.TempDir(), "run-times.json")
	require.NoError(t, os.WriteFile(file, []byte("null\n"), 0o644))
	rt := LoadRunTimes(file)
	assert.NotPanics(t, func() { rt.record("n/05-pools.ipynb", false, time.Second) })
	require.NoError(t, rt.Save())
	assert.Equal(t, map[string]time.Duration{"05-pools": time.Second}, LoadRunTimes(file).times)
}

// Two runs at once, of other notebooks (two terminals): each keeps its
// own times, and neither drops the other's when it saves.
func TestTwoRunsAtOnceKeepEachOthersTimes(t *testing.T) {
	file := filepath.Join(t.TempDir(), "run-times.json")
	one, other := LoadRunTimes(file), LoadRunTimes(file)
	one.record("n/05-pools.ipynb", true, 20*time.Second)
	require.NoError(t, one.Save())
	other.record("n/01-threads.ipynb", true, 3*time.Second)
	require.NoError(t, other.Save())
	assert.Equal(t, map[string]time.Duration{"05-pools --solved": 20 * time.Second, "01-threads --solved": 3 * time.Second},
		LoadRunTimes(file).times)
}
