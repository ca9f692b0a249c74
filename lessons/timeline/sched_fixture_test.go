package timeline_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"runtime"
	rtrace "runtime/trace"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goconc/goconc/lessons/timeline"
)

// The fixtures are traces of known programs, recorded once with
//
//	go test ./lessons/timeline/ -run '^TestSchedFixtures' -record
//
// and checked in, so the reading and the drawing are tested on the same
// bytes every run. -update rewrites the golden pictures drawn from them.
var (
	record = flag.Bool("record", false, "record the trace fixtures in testdata/ anew")
	update = flag.Bool("update", false, "rewrite the golden pictures in testdata/")
)

// schedFixtures are the programs behind testdata/<name>.trace, each run
// on GOMAXPROCS(procs).
var schedFixtures = []struct {
	name  string
	procs int
	f     func()
}{
	{"sleepers", 1, sleepers(4, 20*time.Millisecond)},
	{"mutex", 2, contendedMutex(3)},
}

// contendedMutex is n named goroutines that each hold one Mutex for a
// millisecond of sleep, after f has held it long enough for all to park.
func contendedMutex(n int) func() {
	return func() {
		var mu sync.Mutex
		var wg sync.WaitGroup
		mu.Lock()
		for i := range n {
			wg.Go(func() {
				timeline.Name("locker " + string(rune('A'+i)))
				mu.Lock()
				time.Sleep(time.Millisecond)
				mu.Unlock()
			})
		}
		time.Sleep(5 * time.Millisecond)
		mu.Unlock()
		wg.Wait()
	}
}

func fixture(t testing.TB, name string) *timeline.Sched {
	t.Helper()
	path := filepath.Join("testdata", name+".trace")
	if *record {
		for _, fx := range schedFixtures {
			if fx.name == name {
				var buf bytes.Buffer
				prev := runtime.GOMAXPROCS(fx.procs)
				err := timeline.Record(&buf, fx.f)
				runtime.GOMAXPROCS(prev)
				require.NoError(t, err)
				require.NoError(t, os.WriteFile(path, buf.Bytes(), 0o644))
			}
		}
	}
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	s, err := timeline.Read(f)
	require.NoError(t, err)
	return s
}

func TestSchedFixturesAreSmall(t *testing.T) {
	for _, fx := range schedFixtures {
		fixture(t, fx.name)
		info, err := os.Stat(filepath.Join("testdata", fx.name+".trace"))
		require.NoError(t, err)
		assert.Less(t, info.Size(), int64(64<<10), "%s.trace: keep fixtures small", fx.name)
	}
}

func TestSchedFixtureOfSleepersReadsAsFourSleepsOnOneP(t *testing.T) {
	s := fixture(t, "sleepers")
	assert.Equal(t, 1, s.GOMAXPROCS)
	assert.Equal(t, []int{s.Procs[0]}, s.Procs)
	require.Equal(t, 4, s.Started())
	for i, g := range s.Goroutines[1:] {
		assert.Equal(t, "sleeper "+string(rune('1'+i)), g.Label)
		assert.Equal(t, 1, g.Blocks)
	}
	reasons := map[string]int{}
	woken := 0
	for _, m := range s.Marks {
		if m.Kind == timeline.Blocked {
			reasons[m.Reason]++
		} else {
			woken++
		}
	}
	assert.Equal(t, map[string]int{"sleep": 4, "sync": 1}, reasons, "four sleeps, and f waiting in wg.Wait")
	assert.Equal(t, 5, woken)
	assert.GreaterOrEqual(t, s.Elapsed, 20*time.Millisecond, "the sleeps overlap, but each takes 20ms")
	assert.Less(t, s.Elapsed, 4*20*time.Millisecond, "four sleeps of 20ms overlap on one P")
	assert.Contains(t, s.Summary(), "GOMAXPROCS 1; 1 P ran f's goroutines")
	assert.Contains(t, s.Summary(), "blocked 5 times: sleep 4, sync 1")
}

func TestSchedFixtureOfAMutexShowsTheLockersParked(t *testing.T) {
	s := fixture(t, "mutex")
	assert.Equal(t, 2, s.GOMAXPROCS)
	require.Equal(t, 3, s.Started())
	for _, g := range s.Goroutines[1:] {
		assert.Contains(t, []string{"locker A", "locker B", "locker C"}, g.Label)
	}
	parked := map[int]bool{}
	for _, m := range s.Marks {
		if m.Kind == timeline.Blocked && m.Reason == "sync" && m.G > 0 {
			parked[m.G] = true
		}
	}
	assert.Len(t, parked, 3, "each locker parks on the Mutex f holds")
}

// The pictures of a fixed trace are the same bytes every time: compared
// with golden files, rewritten with -update.
func TestSchedPicturesOfTheFixturesMatchTheGoldenFiles(t *testing.T) {
	for _, fx := range schedFixtures {
		s := fixture(t, fx.name)
		s.Title = fx.name
		for ext, got := range map[string]string{"svg": s.SVG(), "txt": s.Text() + "\n" + s.Summary()} {
			path := filepath.Join("testdata", "sched-"+fx.name+"."+ext)
			if *update || *record {
				require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
			}
			want, err := os.ReadFile(path)
			require.NoError(t, err, "run go test -update to write the golden files")
			assert.Equal(t, string(want), got, "%s: drawn differently (go test -update if that is intended)", path)
		}
		parsed := parseSVG(t, s.SVG())
		assert.Equal(t, timeline.SchedClass, attrValue(parsed.root, "class"), "the browser test finds the picture by its class")
	}
}

func TestSchedReadSaysWhatIsWrongWithATrace(t *testing.T) {
	_, err := timeline.Read(bytes.NewReader([]byte("not a trace")))
	assert.ErrorContains(t, err, "reading the trace")

	var buf bytes.Buffer // a real trace, but not one Record wrote
	require.NoError(t, rtrace.Start(&buf))
	time.Sleep(time.Millisecond)
	rtrace.Stop()
	_, err = timeline.Read(&buf)
	assert.ErrorContains(t, err, "was it written by Record?")
}
