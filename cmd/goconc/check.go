package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/goconc/goconc/kernel/check"
	"github.com/goconc/goconc/kernel/course"
	"github.com/goconc/goconc/kernel/excerpt"
	"github.com/goconc/goconc/kernel/notebook"
)

func checkCommand(fs *flag.FlagSet) func(context.Context, *course.Course, []string) error {
	timeout := fs.Duration("timeout", time.Minute, "time limit for one exercise's check")
	race := fs.Bool("race", true, "run the checks under the race detector")
	return func(ctx context.Context, c *course.Course, args []string) error {
		fs.Parse(args)
		ch := check.New(c)
		ch.Timeout, ch.Race = *timeout, *race
		if fs.NArg() == 0 {
			return checkCourse(ctx, ch, filepath.Join(c.Root, "notebooks"))
		}
		// Each notebook or folder named is checked in turn; one that
		// does not pass makes the exit status 1, and the rest are
		// still checked. So are they after a name that is not there
		// or not a notebook: those are said at the end, exit status 2.
		var failed error
		var unread []error
		for _, arg := range fs.Args() {
			info, err := os.Stat(arg)
			var nb *notebook.Notebook
			if err == nil && !info.IsDir() {
				nb, err = notebook.Read(arg)
			}
			if err != nil {
				unread = append(unread, fmt.Errorf("check: %w", err))
				continue
			}
			if info.IsDir() {
				err = checkCourse(ctx, ch, arg)
			} else {
				err = checkNotebook(ctx, ch, nb)
			}
			var status exitError
			switch {
			case errors.As(err, &status):
				failed = err
			case err != nil:
				return err
			}
			if fs.NArg() > 1 {
				fmt.Println()
			}
		}
		if len(unread) > 0 {
			return errors.Join(unread...)
		}
		return failed
	}
}

// checkNotebook checks one learner's notebook and prints every
// exercise's verdict; the exit status is 1 unless every one passes.
func checkNotebook(ctx context.Context, ch *check.Checker, nb *notebook.Notebook) error {
	fmt.Printf("checking %s (race detector %s)…\n", shortName(nb.Path), onOff(ch.Race))
	results, err := ch.CheckNotebook(ctx, nb)
	if err != nil {
		return err
	}
	got, max, passed := 0, 0, 0
	for _, r := range results {
		printResult(r)
		got, max = got+r.Points, max+r.MaxPoints
		if r.Status == check.Pass {
			passed++
		}
	}
	fmt.Printf("\n%d of %d exercises pass, %d/%d points\n", passed, len(results), got, max)
	if passed < len(results) {
		return exitError(1)
	}
	return nil
}

// printResult shows one exercise: its verdict and, for every lost
// point, the claim that did not hold and why.
func printResult(r check.ExerciseResult) {
	fmt.Printf("\n%-7s %s  %d/%d points\n", strings.ToUpper(string(r.Status)), r.Exercise, r.Points, r.MaxPoints)
	if r.Status == check.Error || r.Status == check.Missing || r.Status == check.Timeout {
		fmt.Println("        " + r.Message)
		if r.Output != "" && r.Status == check.Error {
			fmt.Println(excerpt.Indent(r.Output, "          "))
		}
		if r.Status != check.Timeout {
			return
		}
	}
	shared := check.SharedMessage(r.Parts)
	for _, p := range r.Parts {
		mark := "✓"
		if p.Status != check.Pass {
			mark = "✗"
		}
		fmt.Printf("  %s %s (%d/%d)\n", mark, p.Name, p.Points, p.MaxPoints)
		if p.Status != check.Pass && p.Message != "" && shared == "" {
			fmt.Println(excerpt.Indent(p.Message, "      "))
		}
	}
	if shared != "" {
		fmt.Println("  every claim marked ✗ failed the same way:")
		fmt.Println(excerpt.Indent(shared, "      "))
	}
}

func onOff(b bool) string {
	if b {
		return "on"
	}
	return "off"
}
