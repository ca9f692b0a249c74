package pools

import (
	"bytes"
	"context"
	_ "embed" // for SeedPoolProgram
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// SeedPoolProgram is seed 000's Example 4, the Python program that
// sums the primes up to 1, 2 and 3 million with Pool(2).map: the
// figure Go is measured against. See seed_pool.py.
//
//go:embed seed_pool.py
var SeedPoolProgram string

// PythonRun is what one run of [SeedPoolProgram] printed.
type PythonRun struct {
	Version string        // "Python 3.11.7"
	Sums    []int         // the list it printed
	Took    time.Duration // its "Time taken", which leaves out Python's own start
}

// RecordedSeedPool is a run of [SeedPoolProgram] on the course's own
// machine, for notebooks that find no python3 to run it live. It is a
// recorded figure, not a measurement of the learner's machine, and
// RecordedSeedPoolOn says where it came from.
var RecordedSeedPool = PythonRun{
	Version: "Python 3.11.7",
	Sums:    SeedSums,
	Took:    9899770 * time.Microsecond,
}

// RecordedSeedPoolOn describes the machine and the day of
// [RecordedSeedPool].
const RecordedSeedPoolOn = "python3 lessons/pools/seed_pool.py on the course's machine " +
	"(2 cores, Intel Xeon 2.50GHz under KVM, Python 3.11.7), 21 November 2026: " +
	"the best of 8 runs in 4 quiet sittings, which took 9.9 s to 16.7 s"

var (
	sumsLine = regexp.MustCompile(`(?m)^\[([0-9, ]+)\]$`)
	tookLine = regexp.MustCompile(`(?m)^Time taken = ([0-9.]+)$`)
)

// RunSeedPool runs [SeedPoolProgram] with the given Python interpreter
// (a path, such as exec.LookPath("python3") finds) and reads what it
// printed. The program takes seconds to run, many more than Go needs:
// give ctx a deadline, and the run is killed when it passes.
func RunSeedPool(ctx context.Context, python string) (PythonRun, error) {
	var run PythonRun
	version, err := exec.CommandContext(ctx, python, "--version").CombinedOutput()
	if err != nil {
		return run, fmt.Errorf("%s --version: %w", python, err)
	}
	run.Version = strings.TrimSpace(string(version))

	dir, err := os.MkdirTemp("", "goconc-seed-pool-")
	if err != nil {
		return run, err
	}
	defer os.RemoveAll(dir)
	script := filepath.Join(dir, "seed_pool.py")
	if err := os.WriteFile(script, []byte(SeedPoolProgram), 0o644); err != nil {
		return run, err
	}
	var stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, python, script)
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		if ctx.Err() != nil {
			err = ctx.Err()
		}
		return run, fmt.Errorf("%s seed_pool.py: %w %s", python, err, strings.TrimSpace(stderr.String()))
	}
	return parseSeedPool(run, string(out))
}

// parseSeedPool reads the two lines the seed's program prints:
//
//	[37550402023, 142913828922, 312471072265]
//	Time taken = 10.63457
func parseSeedPool(run PythonRun, out string) (PythonRun, error) {
	sums, took := sumsLine.FindStringSubmatch(out), tookLine.FindStringSubmatch(out)
	if sums == nil || took == nil {
		return run, fmt.Errorf("the seed's program printed %q, not a list of sums and a time taken", out)
	}
	for f := range strings.SplitSeq(sums[1], ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil {
			return run, fmt.Errorf("the seed's program printed %q: %w", sums[0], err)
		}
		run.Sums = append(run.Sums, n)
	}
	seconds, err := strconv.ParseFloat(took[1], 64)
	if err != nil {
		return run, err
	}
	run.Took = time.Duration(seconds * float64(time.Second))
	return run, nil
}
