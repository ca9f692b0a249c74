package intro

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/goconc/goconc/kernel/notebook/notebooktest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestNotebookOutputs checks what 00-intro printed: the lines that do
// not vary, and the shape of those that do.
func TestNotebookOutputs(t *testing.T) {
	nb := notebooktest.Executed(t, "00-intro")

	nb.Has(t, "this-cell", "goroutines: 1")
	nb.Matches(t, "this-cell", `^program: +/\S+$`, `^process: +\d+$`, `^OS threads: \d+$`,
		`^CPUs: +\d+$`, `^GOMAXPROCS: \d+$`)
	procs := number(t, nb.Output(t, "this-cell"), `GOMAXPROCS: (\d+)`)

	// The scheduler's pictures: one lane on one P, at most GOMAXPROCS
	// lanes on every P; computing never blocks but for f's wg.Wait,
	// four sleeps leave the one P almost idle.
	nb.Matches(t, "sched-compute", `^GOMAXPROCS 1; 1 P ran f's goroutines: P\d+ busy \d+% of `,
		`^blocked \d+ times?: (.*, )?sync 1(,|$)`)
	assert.Equal(t, 2, strings.Count(nb.Output(t, "sched-compute"), "goroutines: f and 4 it started\n"))
	lanes := number(t, nb.Output(t, "sched-compute"), `(?m)^GOMAXPROCS `+strconv.Itoa(procs)+`; (\d+) Ps? ran f's goroutines`)
	assert.LessOrEqual(t, lanes, procs, "never more lanes than GOMAXPROCS")
	nb.Has(t, "sched-wait", "goroutines: f and 4 it started")
	nb.Matches(t, "sched-wait", `^GOMAXPROCS 1; 1 P ran f's goroutines: P\d+ busy (<0\.1|\d\.\d|\d)% of `,
		`^blocked \d+ times: (.*, )?sleep 4(,|$)`)

	nb.Has(t, "hundred-thousand", "goroutines started:   100000", "99,999² = 9999800001")
	nb.Matches(t, "hundred-thousand", `^most alive at once: +\d+ \(counted every 1000\)$`,
		`^time, each: +\d+(\.\d+)?(µs|ns)$`)
	threads := number(t, nb.Output(t, "hundred-thousand"), `OS threads made: +(\d+)`)
	assert.LessOrEqual(t, threads, procs+6, "OS threads for 100,000 goroutines at GOMAXPROCS=%d", procs)

	// main returning ends the ticking goroutine: its line is the last.
	out := strings.Split(strings.TrimRight(nb.Output(t, "main-returns"), "\n"), "\n")
	assert.Equal(t, "goroutine: tick 1", out[0])
	assert.Equal(t, "main: returning", out[len(out)-1])
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
