package jupyter

import (
	"cmp"
	"encoding/json"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/goconc/goconc/kernel/internal/atomicfile"
)

// RunTimes is how long each notebook took the last time it ran, kept
// in the user's cache, so that [RunAll] can start the longest first.
// With two notebooks at a time, the order decides the total: the
// course's longest notebook (05-pools, a third of the whole) started
// last leaves one lane idle while it runs; started first, the short
// ones fill the other lane around it.
type RunTimes struct {
	file  string
	times map[string]time.Duration // runKey → its last time
	ran   map[string]time.Duration // the times this run recorded
}

// LoadRunTimes reads the times kept in file (a missing, unreadable or
// malformed file is no history: notebooks then start in the order
// given). JSON's null would decode to a nil map that the first record
// panics on, and a file half decoded is no better than none.
func LoadRunTimes(file string) *RunTimes {
	return &RunTimes{file: file, times: readRunTimes(file), ran: map[string]time.Duration{}}
}

func readRunTimes(file string) map[string]time.Duration {
	var kept map[string]time.Duration
	if data, err := os.ReadFile(file); err == nil && json.Unmarshal(data, &kept) == nil && kept != nil {
		return kept
	}
	return map[string]time.Duration{}
}

// RunTimesFile is where goconc run keeps its times: under the user's
// cache dir, never in the checkout.
func RunTimesFile() string {
	base, err := os.UserCacheDir()
	if err != nil {
		base = os.TempDir()
	}
	return filepath.Join(base, "goconc", "run-times.json")
}

// runKey names a notebook's run: a run with the solutions pasted in
// takes longer than one of the stubs, whose checks fail at once.
func runKey(path string, solved bool) string {
	key := strings.TrimSuffix(filepath.Base(path), ".ipynb")
	if solved {
		key += " --solved"
	}
	return key
}

// startOrder is the order to start paths in: notebooks with no time
// kept first, as given (they may be long), then the rest longest first.
func (rt *RunTimes) startOrder(paths []string, solved bool) []int {
	order := make([]int, len(paths))
	for i := range order {
		order[i] = i
	}
	if rt == nil {
		return order
	}
	slices.SortStableFunc(order, func(a, b int) int {
		ta, okA := rt.times[runKey(paths[a], solved)]
		tb, okB := rt.times[runKey(paths[b], solved)]
		if okA != okB {
			if !okA {
				return -1
			}
			return 1
		}
		return cmp.Compare(tb, ta)
	})
	return order
}

// record keeps a notebook's time for the next run.
func (rt *RunTimes) record(path string, solved bool, took time.Duration) {
	if rt != nil {
		rt.times[runKey(path, solved)] = took.Round(time.Millisecond)
		rt.ran[runKey(path, solved)] = took.Round(time.Millisecond)
	}
}

// Save writes the times this run recorded into the file they came
// from, as it is now: a run of other notebooks alongside (another
// terminal) may have saved its own times since this one loaded, and
// they are kept. The file is replaced whole, so a run stopped mid-save
// does not leave half of it.
func (rt *RunTimes) Save() error {
	times := readRunTimes(rt.file)
	maps.Copy(times, rt.ran)
	data, err := json.MarshalIndent(times, "", "  ")
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(rt.file), 0o755); err != nil {
		return err
	}
	return atomicfile.WriteFile(rt.file, data)
}
