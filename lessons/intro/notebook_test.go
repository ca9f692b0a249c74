package intro

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/goconc/goconc/kernel/notebooktest"
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
