package threads

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/goconc/goconc/kernel/notebook/notebooktest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestNotebookOutputs checks what 01-threads printed, solutions in:
// every line that does not vary from run to run, and the shape of
// those that do (a time, a port, an order).
func TestNotebookOutputs(t *testing.T) {
	nb := notebooktest.Executed(t, "01-threads")

	nb.Matches(t, "cores", `^CPUs: +\d+$`, `^GOMAXPROCS: \d+$`)
	procs := number(t, nb.Output(t, "cores"), `GOMAXPROCS: (\d+)`)

	// 10,000 goroutines on about GOMAXPROCS threads, plus a few.
	nb.Has(t, "ten-thousand", "goroutines alive: 10001")
	threads := number(t, nb.Output(t, "ten-thousand"), `OS threads made: (\d+)`)
	assert.LessOrEqual(t, threads, procs+6, "OS threads for 10,000 goroutines at GOMAXPROCS=%d", procs)

	// The same 10,000 traced: exactly those, on at most GOMAXPROCS Ps
	// and a few threads.
	nb.Has(t, "ten-thousand-sched", "goroutines: f and 10000 it started")
	sched := nb.Output(t, "ten-thousand-sched")
	lanes := number(t, sched, `(?m)^GOMAXPROCS `+strconv.Itoa(procs)+`; (\d+) Ps? ran f's goroutines`)
	assert.LessOrEqual(t, lanes, procs, "never more lanes than GOMAXPROCS")
	ran := number(t, sched, `(?m)^OS threads that ran them: (\d+)$`)
	assert.LessOrEqual(t, ran, procs+6, "OS threads that ran 10,000 goroutines at GOMAXPROCS=%d", procs)

	nb.Has(t, "main-returns", "main: returning now")
	assert.NotContains(t, nb.Output(t, "main-returns"), "goroutine: done")

	named := outLines(t, nb, "named-goroutines")
	assert.Equal(t, "Th 3: Good morning", named[0], "Th 3 sleeps least and speaks first")
	assert.ElementsMatch(t, []string{"Th 1: Hello", "Th 2: Hello"}, named[1:3])
	assert.Equal(t, "all three are done", named[3])

	calc := []string{
		"Calculating Square : 2 ^ 2 = 4", "Calculating Square : 3 ^ 2 = 9",
		"Calculating Square : 5 ^ 2 = 25", "Calculating Square : 8 ^ 2 = 64",
		"Calculating Cube : 2 ^ 3 = 8", "Calculating Cube : 3 ^ 3 = 27",
		"Calculating Cube : 5 ^ 3 = 125", "Calculating Cube : 8 ^ 3 = 512",
	}
	assert.Equal(t, calc, outLines(t, nb, "calc-sequential"))
	assert.ElementsMatch(t, calc, outLines(t, nb, "calc-goroutines"))
	nb.Matches(t, "ten-goroutines", `^ten goroutines took \d+ms$`)

	nb.Matches(t, "copy-pool", `^worker [12] copied v1\.mkv$`, `^worker [12] copied v2\.mkv$`,
		`^Execution time = \d+(\.\d+)?m?s$`,
		`^copy-of-v1\.mkv 8388608 bytes$`, `^copy-of-v2\.mkv 8388608 bytes$`,
		`^v1\.mkv +8388608 bytes$`, `^v2\.mkv +8388608 bytes$`)
	assert.Equal(t, 8, strings.Count(nb.Output(t, "copy-workers"), " copied v"),
		"4 files copied with 1 worker, then with 2")

	// A panic in one goroutine ends them all.
	nb.Matches(t, "goroutine-panic", `^panic: 403 Forbidden`, `^exit status 2$`)
	assert.NotContains(t, nb.Output(t, "goroutine-panic"), "done")

	nb.Has(t, "fetch-sites", `   "Search"`, `   "Search India"`, `   "Sambalpur University, Jyoti Vihar, Burla."`,
		`   "Welcome to UGC, New Delhi, India"`, "4 pages fetched, 1 failed")
	nb.Matches(t, "fetch-sites", `^   failed: 403 Forbidden for url: http://127\.0\.0\.1:\d+/sites/suiit\.ac\.in$`)

	nb.Matches(t, "items-sequential", `^Completed sequential in \d+ms \(19 items\)\.$`)
	nb.Matches(t, "items-map", `^Completed using goroutines in \d+ms \(19 items\)\.$`)
	nb.Has(t, "items-map", `item 2: "A tour of the Go scheduler" by obi`,
		`item 11: "The GIL, twenty years on" by priya`, `item 17: "A worker pool in every language" by tomas`)
	nb.Has(t, "items-slice", "1: Ask HN: What do you wish your first job had taught you?",
		"2: A tour of the Go scheduler", "3: Show HN: a web server in 40 lines")

	// The seed's first answer, both ways.
	nb.Has(t, "primes", "one goroutine:  37550402023", "two goroutines: 37550402023")

	nb.Has(t, "check-fetch-all", "PASS fetch-all: 10/10 points")
	var titles []string
	for i := range quotePageCount {
		titles = append(titles, fmt.Sprintf("Lincoln quotes, page %d", i+1))
	}
	run := outLines(t, nb, "fetch-all-run")
	require.Len(t, run, quotePageCount+1)
	assert.Equal(t, titles, run[:quotePageCount], "the titles always come in page order")
	nb.Matches(t, "fetch-all-run", `^13 pages in \d+ms$`)

	nb.Has(t, "check-copy-all", "PASS copy-all: 10/10 points")
	var same []string
	for i := range 6 {
		same = append(same, fmt.Sprintf("copy-of-v%d.mkv   same as v%d.mkv: true", i+1, i+1))
	}
	assert.Equal(t, same, outLines(t, nb, "copy-all-run"))
}

// outLines is what a cell printed, line by line, without the empty
// last one.
func outLines(t *testing.T, nb *notebooktest.Notebook, id string) []string {
	t.Helper()
	return strings.Split(strings.TrimRight(nb.Output(t, id), "\n"), "\n")
}

// number is the number that pattern's group matches in out.
func number(t *testing.T, out, pattern string) int {
	t.Helper()
	m := regexp.MustCompile(pattern).FindStringSubmatch(out)
	require.NotNil(t, m, "no %q in:\n%s", pattern, out)
	n, err := strconv.Atoi(m[1])
	require.NoError(t, err)
	return n
}
