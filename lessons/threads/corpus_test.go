package threads

import (
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// corpusRuns is how many times, each in a child process of its own,
// every wrong implementation is checked, and how many times every
// right one is checked in this process: enough for a catch that holds
// on some runs only, or a right solution that fails now and then, to
// show.
const corpusRuns = 10

// assertLearnerReads checks that the output of one run of a check has
// each of lines (a part of a line; a regular expression when it
// starts with "re:") and the score line as a whole line.
func assertLearnerReads(t *testing.T, run int, out string, lines []string, score string) {
	t.Helper()
	for _, l := range lines {
		if re, ok := strings.CutPrefix(l, "re:"); ok {
			assert.Regexp(t, re, out, "run %d", run)
			continue
		}
		assert.Contains(t, out, l, "run %d", run)
	}
	assert.Regexp(t, "(?m)^"+regexp.QuoteMeta(score)+"$", out, "run %d: the score line", run)
	if t.Failed() {
		t.FailNow() // one run's output is enough to read
	}
}
