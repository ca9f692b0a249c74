package pools

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The real Python program takes many seconds, so these tests run a
// stand-in interpreter: a shell script that prints what we tell it.

func fakePython(t *testing.T, script string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "python3")
	require.NoError(t, os.WriteFile(path, []byte("#!/bin/sh\n"+script+"\n"), 0o755))
	return path
}

const fakeRun = `if [ "$1" = --version ]; then echo "Python 3.99.0"; exit; fi
grep -q 'Pool(2)' "$1" || exit 3
echo "[37550402023, 142913828922, 312471072265]"
echo "Time taken = 10.63457"`

func TestRunSeedPoolReadsTheSumsAndTheTime(t *testing.T) {
	run, err := RunSeedPool(context.Background(), fakePython(t, fakeRun))
	require.NoError(t, err)
	assert.Equal(t, "Python 3.99.0", run.Version)
	assert.Equal(t, SeedSums, run.Sums)
	assert.Equal(t, 10634570*time.Microsecond, run.Took)
}

func TestRunSeedPoolSaysWhatItGotInstead(t *testing.T) {
	_, err := RunSeedPool(context.Background(), fakePython(t, `echo "Traceback"`))
	assert.ErrorContains(t, err, `printed "Traceback\n", not a list of sums`)
}

func TestRunSeedPoolStopsAtTheDeadline(t *testing.T) {
	python := fakePython(t, `if [ "$1" = --version ]; then echo "Python 3.99.0"; exit; fi
exec sleep 60`)
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := RunSeedPool(ctx, python)
	assert.ErrorIs(t, err, context.DeadlineExceeded)
	assert.Less(t, time.Since(start), 30*time.Second)
}

func TestTheSeedProgramIsTheSeedsExample4(t *testing.T) {
	for _, line := range []string{
		"with Pool(2) as p:",
		"print(p.map(sum_prime,[1000000, 2000000, 3000000]))",
		`print("Time taken = {0:.5f}".format(time.time() - start))`,
		"while i*i <= num:",
	} {
		assert.True(t, strings.Contains(SeedPoolProgram, line), line)
	}
}

func TestTheRecordedRunSaysWhereItCameFrom(t *testing.T) {
	assert.Positive(t, RecordedSeedPool.Took)
	assert.Equal(t, SeedSums, RecordedSeedPool.Sums)
	assert.Contains(t, RecordedSeedPoolOn, "2 cores")
}
