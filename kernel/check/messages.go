package check

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/goconc/goconc/kernel/excerpt"
)

// The messages a learner reads, made from what the test binary
// printed: the testing package's bookkeeping dropped, a race report
// cut down to their cell's lines, a compile error said in terms of
// their cell, a crash's first line.

var (
	testingNoise = regexp.MustCompile(`^\s*(=== (RUN|PAUSE|CONT|NAME)|--- (FAIL|PASS|SKIP)|PASS$|FAIL$|ok\s)`)
	logPrefix    = regexp.MustCompile(`^\s*[\w.-]+\.go:\d+: `)
)

// cleanOutput drops the testing package's bookkeeping lines and the
// "check_fetchall.go:42:" prefixes that point into the course, not
// into the learner's code.
func cleanOutput(lines []string) []string {
	var out []string
	for _, l := range lines {
		if testingNoise.MatchString(l) {
			continue
		}
		out = append(out, strings.TrimPrefix(logPrefix.ReplaceAllString(l, ""), "    "))
	}
	return out
}

// failureMessage is a failed part's message; a data race report is cut
// down to what the learner needs: what raced, and where in their cell.
func failureMessage(lines []string) string {
	text := strings.Join(lines, "\n")
	if strings.Contains(text, "WARNING: DATA RACE") {
		return raceSummary(lines)
	}
	return strings.TrimSpace(excerpt.First(text, 15))
}

// raceSummary cuts each race report in lines down to its headline
// lines and the frames in the learner's cells, and keeps every other
// line as it is: the check's own explanation, a leak's description.
func raceSummary(lines []string) string {
	var out []string
	inReport, header := false, ""
	for i, l := range lines {
		t := strings.TrimSpace(l)
		switch {
		case t == "==================":
			if inReport = !inReport; inReport {
				out = append(out, "data race: two goroutines used the same memory at once, and at least one wrote it")
			}
		case !inReport:
			if t != "race detected during execution of test" {
				out = append(out, l)
			}
		case strings.HasPrefix(t, "Read at"), strings.HasPrefix(t, "Write at"),
			strings.HasPrefix(t, "Previous read at"), strings.HasPrefix(t, "Previous write at"):
			out = append(out, "  "+strings.SplitN(t, " by ", 2)[0]+" by "+lastField(t))
		case strings.HasPrefix(t, "Goroutine ") && strings.HasSuffix(t, "created at:"):
			n, _, _ := strings.Cut(strings.TrimPrefix(t, "Goroutine "), " ")
			header = "  goroutine " + n + " was started by" // said if a frame in the cells follows
		case t == "":
			header = ""
		case strings.Contains(t, "exercise cell:") && i > 0:
			if header != "" {
				out, header = append(out, header), ""
			}
			fn := strings.TrimSpace(lines[i-1])
			fn = fn[strings.LastIndex(fn, "/")+1:]
			_, fn, _ = strings.Cut(fn, ".") // drop the package
			out = append(out, fmt.Sprintf("      %s at %s", fn, strings.Fields(t)[0]+" "+strings.Fields(t)[1]))
		}
	}
	return strings.TrimSpace(strings.Join(out, "\n"))
}

func lastField(s string) string {
	f := strings.Fields(strings.TrimSuffix(s, ":"))
	if len(f) < 2 {
		return s
	}
	return strings.Join(f[len(f)-2:], " ")
}

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
			if strings.HasPrefix(l, "panic: ") || strings.HasPrefix(l, "fatal error: ") {
				return lines[i:]
			}
		}
	}
	return run.output[""]
}

func hasCrash(lines []string) bool {
	for _, l := range lines {
		if strings.HasPrefix(l, "panic: ") || strings.HasPrefix(l, "fatal error: ") {
			return true
		}
	}
	return false
}

func allOutput(run *packageRun) string {
	var b strings.Builder
	for _, lines := range run.output {
		b.WriteString(strings.Join(lines, "\n"))
	}
	return b.String()
}
