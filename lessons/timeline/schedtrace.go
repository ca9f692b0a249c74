package timeline

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"runtime"
	rtrace "runtime/trace"
)

// Log categories Trace and Name write into the trace, so Read can find
// the traced function's goroutine, its start and end, and names.
const (
	schedCategory = "goconc.sched" // "begin GOMAXPROCS n", then "end"
	nameCategory  = "goconc.name"
)

// Trace runs f under the runtime's execution tracer and returns what the
// scheduler did with f's goroutines (see Sched). f runs in a goroutine of
// its own, which Trace waits for; goroutines f started and did not wait
// for are cut off at f's return. Only one trace can run at a time in a
// process: Trace fails if another one (such as go test -trace) is on.
func Trace(f func()) (*Sched, error) {
	var buf bytes.Buffer
	if err := Record(&buf, f); err != nil {
		return nil, err
	}
	return Read(&buf)
}

// Record runs f as Trace does and writes the raw trace to w, for Read to
// read later: the test fixtures are made this way.
func Record(w io.Writer, f func()) error {
	if err := rtrace.Start(w); err != nil {
		return fmt.Errorf("cannot trace the scheduler: %w", err)
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		ctx := context.Background()
		rtrace.Log(ctx, schedCategory, fmt.Sprintf("begin GOMAXPROCS %d", runtime.GOMAXPROCS(0)))
		defer rtrace.Log(ctx, schedCategory, "end")
		f()
	}()
	<-done
	rtrace.Stop()
	return nil
}

// Name labels the calling goroutine in the scheduler's picture, instead
// of its function's name: call it first thing in the goroutine,
//
//	go func() { timeline.Name(fmt.Sprint("worker ", i)); … }()
//
// Outside Trace it does nothing (and costs next to nothing).
func Name(name string) {
	rtrace.Log(context.Background(), nameCategory, name)
}
