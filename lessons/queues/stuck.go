package queues

import (
	"runtime"
	"slices"
	"strings"
	"time"
)

// StuckSending waits until n goroutines of the program are blocked
// sending on a channel, or until within has passed, and returns the
// functions they are blocked in, sorted: "generate.func1" for the
// goroutine that generate started. The notebook's leaking pipeline
// uses it to show its stuck stages, instead of sleeping for a while
// and hoping they have got there.
//
// It reads runtime.Stack(buf, true), a dump of every goroutine's stack,
// in which a goroutine blocked on a send has a header line such as
// "goroutine 7 [chan send]:" and the function it is in on the next line.
func StuckSending(n int, within time.Duration) []string {
	deadline := time.Now().Add(within)
	for {
		stuck := sending()
		if len(stuck) >= n || time.Now().After(deadline) {
			return stuck
		}
		time.Sleep(time.Millisecond)
	}
}

// sending names the goroutines blocked on a channel send, sorted.
func sending() []string {
	buf := make([]byte, 1<<20)
	dump := string(buf[:runtime.Stack(buf, true)])
	var names []string
	for _, g := range strings.Split(dump, "\n\n") {
		header, rest, _ := strings.Cut(g, "\n")
		if !strings.Contains(header, "[chan send") {
			continue
		}
		fn, _, _ := strings.Cut(rest, "(")
		if i := strings.LastIndex(fn, "/"); i >= 0 {
			fn = fn[i+1:]
		}
		_, fn, _ = strings.Cut(fn, ".") // the package
		names = append(names, fn)
	}
	slices.Sort(names)
	return names
}
