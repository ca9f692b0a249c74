package timeline

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// Summary says in a few lines what the picture shows in numbers, for any
// size of trace (here, testdata/sleepers.trace):
//
//	GOMAXPROCS 1; 1 P ran f's goroutines: P0 busy <0.1% of 20.2ms
//	OS threads that ran them: 2
//	goroutines: f and 4 it started
//	running time: 19.3µs in all; per goroutine min 1.22µs, median 2.94µs, max 4.67µs
//	blocked 5 times: sleep 4, sync 1
//
// The per-goroutine times are over the goroutines f started (f's own
// when it started none). Block reasons are the picture's (see Mark),
// or the runtime's own words for the rarer ones ("preempted" when the
// garbage collector stopped a goroutine to scan its stack, "GC mark
// assist wait for work").
func (s *Sched) Summary() string {
	var b strings.Builder
	busy := make([]string, len(s.Procs))
	for i, p := range s.Procs {
		busy[i] = fmt.Sprintf("P%d busy %s", p, percent(s.busy(p), s.Elapsed))
	}
	fmt.Fprintf(&b, "GOMAXPROCS %d; %s ran f's goroutines: %s of %s\n", s.GOMAXPROCS,
		plural(len(s.Procs), "P", "Ps"), strings.Join(busy, ", "), FormatDuration(s.Elapsed))
	fmt.Fprintf(&b, "OS threads that ran them: %d\n", s.Threads)
	fmt.Fprintf(&b, "goroutines: f and %d it started\n", s.Started())
	times, total := s.runningTimes()
	fmt.Fprintf(&b, "running time: %s in all; per goroutine min %s, median %s, max %s\n",
		FormatDuration(total), FormatDuration(times[0]), FormatDuration(times[len(times)/2]),
		FormatDuration(times[len(times)-1]))
	reasons := map[string]int{}
	blocks := 0
	for _, m := range s.Marks {
		if m.Kind == Blocked {
			reasons[m.Reason]++
			blocks++
		}
	}
	if blocks == 0 {
		b.WriteString("blocked: never\n")
	} else {
		fmt.Fprintf(&b, "blocked %s: %s\n", plural(blocks, "time", "times"), reasonCounts(reasons))
	}
	return b.String()
}

// runningTimes are the per-goroutine running times, sorted (see Summary),
// and the total over all of f's goroutines.
func (s *Sched) runningTimes() ([]time.Duration, time.Duration) {
	var total time.Duration
	for _, g := range s.Goroutines {
		total += g.Running
	}
	gs := s.Goroutines
	if len(gs) > 1 {
		gs = gs[1:]
	}
	times := make([]time.Duration, len(gs))
	for i, g := range gs {
		times[i] = g.Running
	}
	slices.Sort(times)
	if len(times) == 0 {
		times = []time.Duration{0}
	}
	return times, total
}
