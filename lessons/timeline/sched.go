package timeline

import (
	"fmt"
	"time"
)

// Sched is what the Go scheduler did while a function ran, read from the
// runtime's own execution trace (see Trace): which goroutine ran on which
// processor (P) and when, where each one blocked and why, and when it was
// woken.
//
// Its picture (SVG, Text, Display) has a lane per P that ran the traced
// goroutines, time running left to right from the moment f began to the
// moment it returned. A box is one running stretch of one goroutine,
// labelled with its name (see Name) or its function; a goroutine that
// runs, blocks and runs again has several boxes, maybe on several lanes.
// A dark tick under a box's end marks a block (sleep, chan, select, sync
// for a Mutex or WaitGroup, syscall, network); a small green dot marks
// the moment the goroutine was made runnable again (woken): the gap
// between the dot and the next box is the time it waited for a P.
//
// What it leaves out: the runtime's own goroutines (garbage collector,
// finalizers, the tracer) and every goroutine that f did not start, directly
// or through goroutines it started; Ps that ran none of f's goroutines;
// the OS threads themselves (only their number, in the Summary); time
// before f began and after it returned (boxes are cut there). Pictures of
// many stretches are summarised, and say so on the picture: stretches
// closer than about a pixel are drawn as one box (its tooltip counts
// them), marks are counted per pixel column, and goroutines are grouped
// by label when there are more than the palette has colours.
//
// Times are the trace's: real time, so they vary from run to run and
// machine to machine. The structure does not: how many goroutines f
// started, what their code blocked on (the runtime may add blocks of
// its own: "preempted" while the garbage collector scans a goroutine's
// stack, "chan" in the goroutine that starts the first collection and
// waits for its workers), and on GOMAXPROCS(1) a single lane.
type Sched struct {
	Title      string        // shown on top of the picture
	GOMAXPROCS int           // when f began
	Elapsed    time.Duration // from f's start to its return
	Threads    int           // OS threads that ran any of f's goroutines
	Procs      []int         // the Ps that ran f's goroutines, in order
	Goroutines []Goroutine   // f's own first, then the ones it started, in order of creation
	Runs       []Run         // sorted by P, then start
	Marks      []Mark        // sorted by time
}

// Goroutine is one goroutine of the traced function.
type Goroutine struct {
	Label   string        // set with Name, else its function, numbered: "worker #3"
	Func    string        // the function it started in, without its package path
	Running time.Duration // total time it ran, within [0, Elapsed]
	Blocks  int           // how many times it blocked
}

// Run is one running stretch: goroutine G (an index into Goroutines) ran
// on P from Start to End, offsets from f's start.
type Run struct {
	P, G       int
	Start, End time.Duration
}

// MarkKind says whether a goroutine blocked or was woken.
type MarkKind int

const (
	Blocked MarkKind = iota // stopped running to wait for something
	Woken                   // made runnable again by another goroutine or the runtime
)

// Mark is a moment a goroutine blocked (with the reason) or was woken.
// P is the lane it is drawn on: for a block the P the goroutine ran on,
// for a wake the P it ran on next (or last, if it never ran again).
type Mark struct {
	Kind   MarkKind
	G, P   int
	At     time.Duration
	Reason string // for blocks: sleep, chan, select, sync, syscall, network, or the runtime's words
}

// Started is how many goroutines f started: Goroutines without f's own.
// It is exact: counted from the trace's creation events, so it never
// includes a goroutine of the runtime or of another test.
func (s *Sched) Started() int { return max(len(s.Goroutines)-1, 0) }

// ShowSched is the notebook cell's one call: it traces f (see Trace),
// shows the picture under title (see Display) and prints the Summary.
// If the trace cannot be taken it says why and returns nil.
func ShowSched(title string, f func()) *Sched {
	s, err := Trace(f)
	if err != nil {
		fmt.Println(err)
		return nil
	}
	s.Title = title
	s.Display()
	fmt.Print(s.Summary())
	return s
}

// Display shows the scheduler's picture where the program runs: as a
// picture in a GoNB notebook, as text everywhere else.
func (s *Sched) Display() { show(s.SVG, s.Text) }
