package timeline

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"golang.org/x/exp/trace"
)

// Read builds the scheduler's view from a trace that Record wrote. It
// follows only the goroutine that ran f and, through the trace's creation
// events, every goroutine started from it, so the runtime's goroutines and
// those of anything else in the process stay out, whatever the timing.
func Read(r io.Reader) (*Sched, error) {
	tr, err := trace.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("reading the trace: %w", err)
	}
	b := &schedBuilder{index: map[trace.GoID]int{}, open: map[int]Run{},
		threads: map[trace.ThreadID]bool{}}
	for !b.ended {
		e, err := tr.ReadEvent()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("reading the trace: %w", err)
		}
		b.event(&e)
	}
	if !b.begun {
		return nil, errors.New("the trace has no goroutine marked by timeline.Record: was it written by Record?")
	}
	if !b.ended {
		return nil, errors.New("the trace ends before the traced function returned")
	}
	return b.sched(), nil
}

// schedBuilder turns trace events into a Sched, one event at a time.
type schedBuilder struct {
	begun, ended bool
	origin       trace.Time
	root         trace.GoID // the goroutine that ran f
	s            Sched
	index        map[trace.GoID]int // f's goroutines → index in s.Goroutines
	named        []bool             // which ones labelled themselves with Name
	open         map[int]Run        // goroutine index → its current running stretch
	threads      map[trace.ThreadID]bool
}

func (b *schedBuilder) at(e *trace.Event) time.Duration { return time.Duration(e.Time() - b.origin) }

func (b *schedBuilder) event(e *trace.Event) {
	switch e.Kind() {
	case trace.EventLog:
		b.log(e)
	case trace.EventStateTransition:
		if b.begun {
			if st := e.StateTransition(); st.Resource.Kind == trace.ResourceGoroutine {
				b.transition(e, st)
			}
		}
	}
}

// log handles Record's begin and end marks and Name's labels.
func (b *schedBuilder) log(e *trace.Event) {
	l := e.Log()
	switch {
	case l.Category == schedCategory && strings.HasPrefix(l.Message, "begin") && !b.begun:
		b.begun, b.origin, b.root = true, e.Time(), e.Goroutine()
		fmt.Sscanf(l.Message, "begin GOMAXPROCS %d", &b.s.GOMAXPROCS)
		g := b.add(e.Goroutine(), "")
		b.start(g, e)
	case !b.begun:
	case l.Category == schedCategory && l.Message == "end" && e.Goroutine() == b.root:
		b.ended = true
		b.s.Elapsed = b.at(e)
		for g := range b.open {
			b.stop(g, e)
		}
	case l.Category == nameCategory:
		if g, ok := b.index[e.Goroutine()]; ok {
			b.s.Goroutines[g].Label, b.named[g] = l.Message, true
		}
	}
}

// transition follows one of f's goroutines: created, running, stopping.
func (b *schedBuilder) transition(e *trace.Event, st trace.StateTransition) {
	id := st.Resource.Goroutine()
	from, to := st.Goroutine()
	if from == trace.GoNotExist && to == trace.GoRunnable {
		// The runtime starts goroutines of its own from whichever
		// goroutine needs them (a garbage collection's mark workers):
		// those are not f's.
		if _, ours := b.index[e.Goroutine()]; ours {
			if fn := startFunc(st.Stack); !strings.HasPrefix(fn, "runtime.") {
				b.add(id, fn)
			}
		}
		return
	}
	g, ours := b.index[id]
	if !ours {
		return
	}
	if from == trace.GoRunning {
		b.stop(g, e)
		switch to {
		case trace.GoWaiting:
			b.mark(Blocked, g, e, blockReason(st.Reason))
		case trace.GoSyscall:
			b.mark(Blocked, g, e, "syscall")
		}
	}
	switch {
	case to == trace.GoRunning:
		b.start(g, e)
	case to == trace.GoRunnable && (from == trace.GoWaiting || from == trace.GoSyscall):
		b.mark(Woken, g, e, "")
	}
}

func (b *schedBuilder) add(id trace.GoID, fn string) int {
	g := len(b.s.Goroutines)
	b.index[id] = g
	b.named = append(b.named, false)
	b.s.Goroutines = append(b.s.Goroutines, Goroutine{Func: fn})
	return g
}

func (b *schedBuilder) start(g int, e *trace.Event) {
	b.open[g] = Run{P: int(e.Proc()), G: g, Start: b.at(e)}
	b.threads[e.Thread()] = true
}

func (b *schedBuilder) stop(g int, e *trace.Event) {
	r, ok := b.open[g]
	if !ok {
		return
	}
	delete(b.open, g)
	r.End = b.at(e)
	b.s.Runs = append(b.s.Runs, r)
	b.s.Goroutines[g].Running += r.End - r.Start
}

func (b *schedBuilder) mark(kind MarkKind, g int, e *trace.Event, reason string) {
	p := -1
	if r, ok := b.open[g]; ok {
		p = r.P
	} else if kind == Blocked {
		p = int(e.Proc())
	}
	b.s.Marks = append(b.s.Marks, Mark{Kind: kind, G: g, P: p, At: b.at(e), Reason: reason})
	if kind == Blocked {
		b.s.Goroutines[g].Blocks++
	}
}

// sched finishes the view: lanes, labels, and a lane for every mark.
func (b *schedBuilder) sched() *Sched {
	s := &b.s
	s.Threads = len(b.threads)
	slices.SortStableFunc(s.Runs, func(x, y Run) int {
		return cmp.Or(cmp.Compare(x.P, y.P), cmp.Compare(x.Start, y.Start), cmp.Compare(x.G, y.G))
	})
	for _, r := range s.Runs {
		if !slices.Contains(s.Procs, r.P) {
			s.Procs = append(s.Procs, r.P)
		}
	}
	slices.Sort(s.Procs)
	for g := range s.Goroutines {
		if !b.named[g] {
			s.Goroutines[g].Label = defaultLabel(g, s.Goroutines[g].Func)
		}
	}
	byG := make([][]Run, len(s.Goroutines)) // each goroutine's runs, by start
	for _, r := range s.Runs {
		byG[r.G] = append(byG[r.G], r)
	}
	for _, runs := range byG {
		slices.SortFunc(runs, func(x, y Run) int { return cmp.Compare(x.Start, y.Start) })
	}
	for i, m := range s.Marks {
		if m.Kind == Woken || !slices.Contains(s.Procs, m.P) {
			s.Marks[i].P = laneAfter(byG[m.G], m.At, s.Procs)
		}
	}
	return s
}

// laneAfter is the P of the first of runs (one goroutine's, by start) at
// or after t, else of its last run, else the first lane.
func laneAfter(runs []Run, t time.Duration, procs []int) int {
	for _, r := range runs {
		if r.Start >= t {
			return r.P
		}
	}
	if len(runs) > 0 {
		return runs[len(runs)-1].P
	}
	if len(procs) > 0 {
		return procs[0]
	}
	return 0
}

// defaultLabel names a goroutine that did not call Name: "f" for the
// traced function itself, else its function and its number in order of
// creation, so goroutines of one function are told apart.
func defaultLabel(g int, fn string) string {
	if g == 0 {
		return "f"
	}
	if fn == "" || goWrappers[fn] {
		fn = "goroutine"
	}
	return fmt.Sprintf("%s #%d", fn, g)
}

// goWrappers are functions that start a goroutine on behalf of the
// caller's function, which they call. The trace does not say which
// function that is (only stacks of blocking goroutines do, and not every
// goroutine blocks), so such goroutines are labelled "goroutine #n", the
// same every run; Name gives them a better label.
var goWrappers = map[string]bool{"sync.(*WaitGroup).Go.func1": true}

// startFunc is the function a goroutine started in, short: without its
// package path, and without "main." for functions of the main package.
func startFunc(st trace.Stack) string {
	for f := range st.Frames() {
		return shortFunc(f.Func)
	}
	return ""
}

// shortFunc is a function's name without its package path, and without
// "main." for functions of the main package: "main.func1", "intro.Busy".
func shortFunc(fn string) string {
	name := fn[strings.LastIndex(fn, "/")+1:]
	if rest, ok := strings.CutPrefix(name, "main."); ok && strings.Contains(rest, ".") {
		name = rest
	}
	return name
}

// blockReason sorts the runtime's words for why a goroutine waits into
// the few a lesson talks about; anything else is kept as it is.
func blockReason(reason string) string {
	switch {
	case reason == "sleep", reason == "select", reason == "network":
		return reason
	case strings.HasPrefix(reason, "chan"):
		return "chan"
	case strings.HasPrefix(reason, "sync"):
		return "sync"
	}
	return reason
}
