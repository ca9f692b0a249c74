package timeline_test

import (
	"fmt"
	"sync"
	"time"

	"github.com/goconc/goconc/lessons/timeline"
)

// Spans added with fixed times give the same picture every run, which is
// what a lesson's printed output needs.
func Example() {
	rec := timeline.New("concurrent: calc_square and calc_cube")
	for i, n := range []int{2, 3, 5, 8} {
		start := time.Duration(i) * 100 * time.Millisecond
		end := start + 100*time.Millisecond
		rec.Add(timeline.Span{Lane: "calc_square", Label: fmt.Sprint("square ", n), Start: start, End: end})
		rec.Add(timeline.Span{Lane: "calc_cube", Label: fmt.Sprint("cube ", n), Start: start, End: end})
	}
	fmt.Print(rec.Text())
	// Output:
	// concurrent: calc_square and calc_cube                        total 400ms
	// calc_square |[square 2=====][square 3====][square 5=====][square 8====]|
	// calc_cube   |[cube 2=======][cube 3======][cube 5=======][cube 8======]|
	//             +--------------+--------------+-------------+--------------+
	//             0s           100ms          200ms         300ms        400ms
}

// In real code each goroutine measures its own work with Begin; the
// deferred call ends the span when the work returns. Outside a notebook
// Display prints the text form.
func ExampleRecorder_Begin() {
	rec := timeline.New("two workers")
	var wg sync.WaitGroup
	for w := 1; w <= 2; w++ {
		wg.Go(func() {
			defer rec.Begin(fmt.Sprint("worker ", w), "sleep")()
			time.Sleep(10 * time.Millisecond)
		})
	}
	wg.Wait()
	// rec.Display() would draw them; here we only count them.
	fmt.Println(len(rec.Spans()), "spans in", len(rec.Lanes()), "lanes")
	// Output:
	// 2 spans in 2 lanes
}

// Outside a notebook ShowBars prints the chart as text.
func ExampleShowBars() {
	timeline.ShowBars("time to compute 8 results", []timeline.Bar{
		{Label: "sequential", Value: 800 * time.Millisecond},
		{Label: "concurrent", Value: 400 * time.Millisecond},
	})
	// Output:
	// time to compute 8 results
	// sequential ███████████████████████████████████████████████████████ 800ms
	// concurrent ███████████████████████████▌ 400ms
}
