package exercisetest

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestPrintsAFaultsLineAndPasses is a child that prints the line of a
// runtime fault, as code under test may, and does not die of it.
func TestPrintsAFaultsLineAndPasses(t *testing.T) {
	OnlyInChild(t)
	f, err := os.OpenFile(os.Getenv("GOCONC_RUNS_FILE"), os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	require.NoError(t, err)
	fmt.Fprintln(f, "run")
	require.NoError(t, f.Close())
	fmt.Println("SIGSEGV: segmentation violation")
}

// A child is run again only when it died of the fault, as the grader
// does: one that printed the line and passed is run once.
func TestAChildThatPassedIsNotRunAgainForAFaultsLine(t *testing.T) {
	runs := filepath.Join(t.TempDir(), "runs")
	out := Output(t, "TestPrintsAFaultsLineAndPasses", "GOCONC_RUNS_FILE="+runs)
	assert.Contains(t, out, "--- PASS: TestPrintsAFaultsLineAndPasses")
	data, err := os.ReadFile(runs)
	require.NoError(t, err)
	assert.Equal(t, 1, strings.Count(string(data), "run"))
}
