package exercise

import (
	"fmt"
	"regexp"
	"runtime"
	"strings"
)

// goroutineHeader matches the first line of a goroutine in a stack
// dump, e.g. "goroutine 7 [chan receive (durable), synctest bubble 1]:".
var goroutineHeader = regexp.MustCompile(`^goroutine (\d+) \[([^\]]*)\]:$`)

// bubbleGoroutines describes the goroutines of the caller's synctest
// bubble other than the caller itself and the testing machinery, one
// line each: what it waits for, where, and who started it.
func bubbleGoroutines() []string {
	buf := make([]byte, 1<<20)
	dump := string(buf[:runtime.Stack(buf, true)])
	blocks := strings.Split(strings.TrimSpace(dump), "\n\n")
	bubble := bubbleOf(blocks[0]) // the first goroutine is the caller
	if bubble == "" {
		return nil
	}
	var out []string
	count := map[string]int{}
	for _, b := range blocks[1:] {
		if bubbleOf(b) != bubble {
			continue
		}
		if d := describe(b); d != "" {
			if count[d] == 0 {
				out = append(out, d)
			}
			count[d]++
		}
	}
	for i, d := range out {
		if n := count[d]; n > 1 {
			out[i] = fmt.Sprintf("  - %d goroutines %s", n, strings.TrimPrefix(d, "  - "))
		}
	}
	return out
}

// bubbleOf returns the "synctest bubble N" of a goroutine block, or "".
func bubbleOf(block string) string {
	header, _, _ := strings.Cut(block, "\n")
	m := goroutineHeader.FindStringSubmatch(header)
	if m == nil {
		return ""
	}
	for f := range strings.SplitSeq(m[2], ", ") {
		if strings.HasPrefix(f, "synctest bubble") {
			return f
		}
	}
	return ""
}

// describe turns one goroutine's stack into "blocked in chan receive
// in FetchAll.func1 (exercise.go:14), started by FetchAll
// (exercise.go:12)", or "" for the testing package's own goroutines.
func describe(block string) string {
	lines := strings.Split(block, "\n")
	state := goroutineHeader.FindStringSubmatch(lines[0])[2]
	state, _, _ = strings.Cut(state, ", synctest bubble")
	state = strings.TrimSuffix(state, " (durable)")
	var where, creator string
	for i := 1; i+1 < len(lines); i += 2 {
		fn, at := lines[i], strings.TrimSpace(lines[i+1])
		if rest, ok := strings.CutPrefix(fn, "created by "); ok {
			if !machinery(rest) {
				creator = frame(rest, at)
			}
			break
		}
		if where == "" && !machinery(fn) {
			where = frame(fn, at)
		}
	}
	if strings.HasPrefix(state, "synctest.Run") || where == "" && creator == "" {
		return "" // the bubble itself, or the testing package's own
	}
	if where == "" {
		where = frame(lines[1], strings.TrimSpace(lines[2]))
	}
	s := fmt.Sprintf("  - waiting (%s) in %s", state, where)
	if creator != "" {
		s += ", started by " + creator
	}
	return s
}

// machinery reports whether a stack frame belongs to the runtime or the
// standard library rather than to the code under test.
func machinery(fn string) bool {
	for _, p := range []string{"runtime.", "testing.", "testing/", "internal/", "sync.", "time.", "context.",
		"github.com/goconc/goconc/lessons/exercise.Go"} { // the goroutine a check calls the learner's code in
		if strings.HasPrefix(fn, p) {
			return true
		}
	}
	return false
}

// frame shortens "pkg/path.Func(0x1, 0x2)" and "/tmp/x/file.go:12 +0x1d"
// to "Func (file.go:12)".
func frame(fn, at string) string {
	fn, _, _ = strings.Cut(fn, " in goroutine")
	if strings.HasSuffix(fn, ")") { // the arguments, not a receiver like (*T)
		fn = fn[:strings.LastIndex(fn, "(")]
	}
	if i := strings.LastIndex(fn, "/"); i >= 0 {
		fn = fn[i+1:]
	}
	if _, rest, ok := strings.Cut(fn, "."); ok {
		fn = rest
	}
	if i := strings.LastIndex(at, " +0x"); i >= 0 {
		at = at[:i]
	}
	if i := strings.LastIndex(at, "/"); i >= 0 {
		at = at[i+1:]
	}
	return fmt.Sprintf("%s (%s)", fn, at)
}
