package exercise

import (
	"fmt"
	"regexp"
	"strings"
)

// What a learner reads of a failed claim is what its subtest printed,
// cleaned: these functions are the one way to turn a part's `go test
// -v` output into a message, used by the notebook's scorecard and by
// the grader (kernel/check), so that both say the same words.

var (
	testingNoise = regexp.MustCompile(`^\s*(=== (RUN|PAUSE|CONT|NAME)|--- (FAIL|PASS|SKIP)|PASS$|FAIL$|ok\s)`)
	logPrefix    = regexp.MustCompile(`^\s*[\w.-]+\.go:\d+: `)
)

// CleanOutput drops the testing package's bookkeeping lines and the
// "check_fetchall.go:42:" prefixes that point into the course, not
// into the learner's code, and the indentation of a part's messages
// (4 spaces, 8 for the lines after a message's first).
func CleanOutput(lines []string) []string {
	var out []string
	inMessage := false
	for _, l := range lines {
		switch {
		case testingNoise.MatchString(l):
			inMessage = false
			continue
		case logPrefix.MatchString(l):
			inMessage = true
			l = logPrefix.ReplaceAllString(l, "")
		case inMessage && strings.HasPrefix(l, "        "):
			l = l[8:]
		default:
			inMessage = false
			l = strings.TrimPrefix(l, "    ")
		}
		out = append(out, l)
	}
	return out
}

// FailureMessage is a failed part's message from its cleaned output;
// a data race report is cut down to what the learner needs: what
// raced, and where in their cell.
func FailureMessage(lines []string) string {
	text := strings.Join(lines, "\n")
	if strings.Contains(text, "WARNING: DATA RACE") {
		return RaceSummary(lines)
	}
	return strings.TrimSpace(firstLines(text, 15))
}

// RaceSummary cuts each race report in lines down to its headline
// lines and the frames in the learner's code, and keeps every other
// line as it is: the check's own explanation, a leak's description.
// The learner's code is "exercise cell:N" when the grader built it,
// and GoNB's main_test.go or main.go in a notebook.
func RaceSummary(lines []string) string {
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
			out = append(out, "  "+strings.SplitN(t, " at ", 2)[0]+" by "+lastFields(t)) // not the address
		case strings.HasPrefix(t, "Goroutine ") && strings.HasSuffix(t, "created at:"):
			n, _, _ := strings.Cut(strings.TrimPrefix(t, "Goroutine "), " ")
			header = "  goroutine " + n + " was started by" // said if a frame in the cells follows
		case t == "":
			header = ""
		case learnerFrame(t) && i > 0:
			if header != "" {
				out, header = append(out, header), ""
			}
			fn := strings.TrimSpace(lines[i-1])
			fn = fn[strings.LastIndex(fn, "/")+1:]
			_, fn, _ = strings.Cut(fn, ".") // drop the package
			out = append(out, fmt.Sprintf("      %s at %s", fn, where(t)))
		}
	}
	return strings.TrimSpace(strings.Join(out, "\n"))
}

// learnerFrame reports whether a stack trace's file line is in the
// learner's code.
func learnerFrame(t string) bool {
	if strings.Contains(t, "exercise cell:") {
		return true
	}
	file, _, _ := strings.Cut(t, ":")
	return strings.HasSuffix(file, "/main_test.go") || strings.HasSuffix(file, "/main.go")
}

// where is a frame's "exercise cell:7" or "main_test.go:45", without
// the folder and the +0x offset.
func where(t string) string {
	if strings.HasPrefix(t, "exercise cell:") {
		f := strings.Fields(t)
		return f[0] + " " + f[1]
	}
	t, _, _ = strings.Cut(t, " ")
	return t[strings.LastIndex(t, "/")+1:]
}

func lastFields(s string) string {
	f := strings.Fields(strings.TrimSuffix(s, ":"))
	if len(f) < 2 {
		return s
	}
	return strings.Join(f[len(f)-2:], " ")
}

// firstLines is the first n lines of s, and "…" when there were more.
func firstLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = append(lines[:n], "…")
	}
	return strings.Join(lines, "\n")
}
