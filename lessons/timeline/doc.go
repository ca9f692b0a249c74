// Package timeline lets the lessons show what goroutines did and when.
//
// Words like "these ran at the same time" are easier to believe in a
// picture. Each goroutine records its work as spans on a shared Recorder
// (safe for concurrent use), and the recorder draws them as a timeline: one
// lane per goroutine, time running left to right, so sequential work is a
// staircase and concurrent work stacks up. BarsSVG and BarsText compare
// total durations, such as one run per number of workers.
//
// A typical notebook cell:
//
//	rec := timeline.New("2 workers")
//	for w := range 2 {
//		wg.Go(func() {
//			defer rec.Begin(fmt.Sprint("worker ", w+1), "page")()
//			fetch()
//		})
//	}
//	wg.Wait()
//	rec.Display()
//
// The scheduler view is drawn from the Go runtime's own execution trace
// instead: ShowSched (or Trace, then Display) runs a function and shows
// which goroutine ran on which processor (P) and when, and where each
// one blocked and was woken; see Sched for what that picture shows and
// leaves out.
//
// Display and ShowBars draw an SVG in a GoNB notebook and print text
// anywhere else. Both renderings are deterministic: the same spans give the
// same bytes, so they are usable as example output and in golden tests.
//
// Times are measured with time.Now and time.Since only. Inside a
// testing/synctest bubble those read the fake clock, so a recorder created
// inside the bubble gives exact timelines: two goroutines that each sleep
// 100ms in parallel produce two spans from 0s to exactly 100ms.
package timeline
