package main

import (
	"context"
	"flag"
	"fmt"
	"strings"
	"time"

	"github.com/goconc/goconc/kernel/excerpt"

	"github.com/goconc/goconc/kernel"
)

func check(ctx context.Context, course *kernel.Course, args []string) error {
	fs := flag.NewFlagSet("check", flag.ExitOnError)
	timeout := fs.Duration("timeout", time.Minute, "time limit for one exercise's check")
	race := fs.Bool("race", true, "run the checks under the race detector")
	fs.Parse(args)
	if fs.NArg() != 1 {
		return fmt.Errorf("check: name one notebook, e.g. goconc check notebooks/01-threads.ipynb")
	}
	nb, err := kernel.ReadNotebook(fs.Arg(0))
	if err != nil {
		return err
	}
	ch := kernel.NewChecker(course)
	ch.Timeout, ch.Race = *timeout, *race
	fmt.Printf("checking %s (race detector %s)…\n", shortName(fs.Arg(0)), onOff(*race))
	results, err := ch.CheckNotebook(ctx, nb)
	if err != nil {
		return err
	}
	got, max, passed := 0, 0, 0
	for _, r := range results {
		printResult(r)
		got, max = got+r.Points, max+r.MaxPoints
		if r.Status == kernel.Pass {
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
func printResult(r kernel.ExerciseResult) {
	fmt.Printf("\n%-7s %s  %d/%d points\n", strings.ToUpper(string(r.Status)), r.Exercise, r.Points, r.MaxPoints)
	if r.Status == kernel.Error || r.Status == kernel.Missing || r.Status == kernel.Timeout {
		fmt.Println("        " + r.Message)
		if r.Output != "" && r.Status == kernel.Error {
			fmt.Println(excerpt.Indent(r.Output, "          "))
		}
		if r.Status != kernel.Timeout {
			return
		}
	}
	for _, p := range r.Parts {
		mark := "✓"
		if p.Status != kernel.Pass {
			mark = "✗"
		}
		fmt.Printf("  %s %s (%d/%d)\n", mark, p.Name, p.Points, p.MaxPoints)
		if p.Status != kernel.Pass && p.Message != "" {
			fmt.Println(excerpt.Indent(p.Message, "      "))
		}
	}
}

func onOff(b bool) string {
	if b {
		return "on"
	}
	return "off"
}
