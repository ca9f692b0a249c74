package queues

import (
	"fmt"
	"runtime"
	"strings"
)

// panicMessage is what the learner reads when their code panics in a
// goroutine the check started: the words of [exercise.Check], and the
// function that panicked, which a recover far from it cannot tell.
// Call it from the deferred function that recovered r.
func panicMessage(r any) string {
	return fmt.Sprintf("your code panicked: %v%s", r, panicSite())
}

// panicSite names the first function below runtime.gopanic on the
// stack that is not the runtime's own: the one that panicked.
func panicSite() string {
	pcs := make([]uintptr, 64)
	frames := runtime.CallersFrames(pcs[:runtime.Callers(2, pcs)])
	below := false
	for {
		f, more := frames.Next()
		switch {
		case f.Function == "runtime.gopanic":
			below = true
		case below && !strings.HasPrefix(f.Function, "runtime."):
			return " (in " + shortFunc(f.Function) + ")"
		}
		if !more {
			return ""
		}
	}
}

// shortFunc drops the package path from a function's full name:
// "main.(*TaskQueue[...]).Get" becomes "(*TaskQueue[...]).Get".
func shortFunc(name string) string {
	if i := strings.LastIndex(name, "/"); i >= 0 {
		name = name[i+1:]
	}
	if _, rest, ok := strings.Cut(name, "."); ok {
		return rest
	}
	return name
}
