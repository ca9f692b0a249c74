package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"runtime"
	"strings"
	"time"

	"github.com/goconc/goconc/kernel/course"
	"github.com/goconc/goconc/kernel/jupyter"
)

func runCommand(fs *flag.FlagSet) func(context.Context, *course.Course, []string) error {
	opt := jupyter.RunOptions{}
	fs.BoolVar(&opt.Solved, "solved", false, "put the reference solutions into the exercise cells first")
	fs.BoolVar(&opt.Write, "write", false, "save the outputs (with --solved: to NAME.solved.ipynb)")
	fs.DurationVar(&opt.CellTimeout, "timeout", 3*time.Minute, "time limit for any one cell")
	jobs := fs.Int("jobs", runtime.NumCPU(), "notebooks run at once, each with a kernel of its own")
	return func(ctx context.Context, c *course.Course, args []string) error {
		fs.Parse(args)
		if fs.NArg() == 0 {
			return fmt.Errorf("run: name the notebooks to run, e.g. goconc run notebooks/*.ipynb")
		}
		var paths []string
		for _, p := range fs.Args() {
			if strings.HasSuffix(p, ".solved.ipynb") {
				fmt.Fprintf(os.Stderr, "run: skipping %s: an executed copy that run --solved --write saved\n", p)
				continue
			}
			paths = append(paths, p)
		}
		if len(paths) == 0 {
			return fmt.Errorf("run: no course notebooks among the names given")
		}
		return runNotebooks(ctx, c, paths, opt, *jobs)
	}
}

// runNotebooks runs the notebooks jobs at a time, longest first by
// their last run's times, and prints each one's verdict and time, in
// the order given, and the total.
func runNotebooks(ctx context.Context, c *course.Course, paths []string, opt jupyter.RunOptions, jobs int) error {
	start := time.Now()
	times := jupyter.LoadRunTimes(jupyter.RunTimesFile())
	outcomes := jupyter.RunAll(ctx, c, paths, opt, jobs, times)
	var sum time.Duration
	failed := 0
	for i, path := range paths {
		o := <-outcomes[i]
		if o.Err != nil {
			return o.Err
		}
		res := o.Result
		sum += res.Elapsed
		verdict := "ok"
		if len(res.Failures) > 0 {
			verdict = fmt.Sprintf("FAIL (%d cells)", len(res.Failures))
			failed++
		}
		fmt.Printf("%-22s %-16s %3d cells %7.1fs\n", shortName(path), verdict, res.Cells, res.Elapsed.Seconds())
		for _, f := range res.Failures {
			fmt.Println(f)
		}
		if res.Written != "" {
			fmt.Println("  saved", res.Written)
		}
	}
	// Every outcome is in, so every time is recorded. The times only
	// order the next run: one that cannot be kept costs nothing else.
	if err := times.Save(); err != nil {
		fmt.Fprintln(os.Stderr, "run: the notebooks' times were not kept for the next run's order:", err)
	}
	fmt.Printf("%-22s %-16s %9s %7.1fs  (%d at a time; the notebooks' own times add up to %.1fs)\n", "total",
		fmt.Sprintf("%d notebooks", len(paths)), "", time.Since(start).Seconds(), jobs, sum.Seconds())
	if failed > 0 {
		return exitError(1)
	}
	return nil
}

// isTerminal reports whether stdout is a terminal, where a progress
// line can be rewritten; elsewhere (CI logs) only whole lines go out.
func isTerminal() bool {
	fi, err := os.Stdout.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
