package check

import (
	"fmt"
	"strings"

	"github.com/goconc/goconc/lessons/exercise/fault"
)

// The messages a learner reads, made from what the test binary
// printed: the testing package's bookkeeping dropped, a race report
// cut down to their cell's lines, a compile error said in terms of
// their cell, a crash's first line.

// compileMessage explains a compile error. One in the check cell
// means the learner's cell no longer fits the check: a function
// renamed, deleted or given another signature.
func compileMessage(first string) string {
	if !strings.HasPrefix(first, "check cell:") {
		return "does not compile: " + first
	}
	if _, name, ok := strings.Cut(first, "undefined: "); ok {
		return fmt.Sprintf("the check calls %s, which your exercise cell does not declare: keep the stub's name and signature", name)
	}
	return "your exercise cell does not fit the check (keep the stub's names and signatures): " + first
}

// compileErrors are the compiler's lines about the learner's code.
func compileErrors(run *packageRun) []string {
	var out []string
	for _, l := range append(run.build, run.output[""]...) {
		if strings.HasPrefix(l, "#") || strings.HasPrefix(l, "FAIL") || l == "" {
			continue
		}
		out = append(out, strings.TrimPrefix(strings.TrimPrefix(l, "./"), "submission/"))
	}
	return out
}

// crashLine is the first "panic:" or "fatal error:" line of a crash.
func crashLine(run *packageRun) string {
	for _, l := range crashOutput(run) {
		if fault.In(l) != "" {
			return fmt.Sprintf("Go's runtime failed on its own (%s), on %d runs: a fault of Go's runtime or its race detector, not of your code; run the check again", l, fault.Runs)
		}
		if strings.HasPrefix(l, "panic: ") || strings.HasPrefix(l, "fatal error: ") {
			return strings.TrimSuffix(l, " [recovered]")
		}
	}
	return "the test program exited early"
}

// crashOutput is the output from a crash's first line on, wherever
// test2json put it, or the package's own output.
func crashOutput(run *packageRun) []string {
	for _, lines := range run.output {
		for i, l := range lines {
			if isCrashLine(l) {
				return lines[i:]
			}
		}
	}
	return run.output[""]
}

func hasCrash(lines []string) bool {
	for _, l := range lines {
		if isCrashLine(l) {
			return true
		}
	}
	return false
}

// isCrashLine reports whether l is the first line of a crash: a panic,
// a fatal error of the Go runtime, or a fault of the runtime itself.
func isCrashLine(l string) bool {
	return strings.HasPrefix(l, "panic: ") || strings.HasPrefix(l, "fatal error: ") || fault.In(l) != ""
}

func allOutput(run *packageRun) string {
	var b strings.Builder
	for _, lines := range run.output {
		b.WriteString(strings.Join(lines, "\n"))
	}
	return b.String()
}
