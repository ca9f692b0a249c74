package main

import (
	"context"
	"flag"
	"fmt"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/goconc/goconc/kernel"
)

// grade is the instructor's command: every student's notebooks, in a
// sandbox, into grades.csv, results.json and one feedback page each.
func grade(ctx context.Context, course *kernel.Course, args []string) error {
	fs := flag.NewFlagSet("grade", flag.ExitOnError)
	out := fs.String("out", "", "directory for grades.csv, results.json and feedback/ (required)")
	jobs := fs.Int("jobs", runtime.NumCPU(), "students graded at once")
	timeout := fs.Duration("timeout", time.Minute, "time limit for one exercise's check")
	race := fs.Bool("race", true, "run the checks under the race detector")
	fresh := fs.Bool("fresh", false, "grade everything again, ignoring cached results")
	unsafe := fs.Bool("unsafe-no-sandbox", false, "grade without bubblewrap: submissions can then read and write your files and reach the network")
	subs, err := parseInterleaved(fs, args)
	if err != nil || *out == "" {
		return fmt.Errorf("usage: goconc grade --out DIR SUBMISSIONS  (SUBMISSIONS/<student>/<notebook>.ipynb)")
	}
	ch := kernel.NewChecker(course)
	ch.Timeout, ch.Race, ch.Parallel = *timeout, *race, 1
	if !*unsafe {
		if ch.Sandbox, err = kernel.NewSandbox(); err != nil {
			return err
		}
	} else {
		fmt.Println("WARNING: grading without a sandbox (--unsafe-no-sandbox)")
	}
	g := &kernel.Grader{Checker: ch, Jobs: *jobs, Progress: progress(isTerminal())}
	if !*fresh {
		if g.Cache, err = kernel.NewResultCache(filepath.Join(*out, "cache"), ch); err != nil {
			return err
		}
	}
	students, strays, err := kernel.Students(subs)
	if err != nil {
		return err
	}
	for _, s := range strays {
		fmt.Printf("ignoring %s: submissions go in SUBMISSIONS/<student>/<notebook>.ipynb\n", s)
	}
	fmt.Printf("grading %d students from %s, %d at a time (race detector %s, sandbox %s)\n",
		len(students), subs, *jobs, onOff(*race), onOff(ch.Sandbox != nil))
	start := time.Now()
	results, err := g.Grade(ctx, subs)
	if err != nil {
		return fmt.Errorf("%w (nothing written; results graded so far are cached)", err)
	}
	class := kernel.Class{Graded: time.Now().UTC().Truncate(time.Second), Race: *race, Sandbox: ch.Sandbox != nil, Students: results}
	if err := kernel.WriteClass(*out, class); err != nil {
		return err
	}
	summarize(results, time.Since(start))
	fmt.Printf("wrote %s, %s and %s (%d pages)\n", filepath.Join(*out, "grades.csv"),
		filepath.Join(*out, "results.json"), filepath.Join(*out, "feedback")+"/", len(results))
	return nil
}

// parseInterleaved parses flags that come before or after the one
// positional argument, as instructors type them both ways.
func parseInterleaved(fs *flag.FlagSet, args []string) (string, error) {
	if err := fs.Parse(args); err != nil {
		return "", err
	}
	if fs.NArg() == 0 {
		return "", fmt.Errorf("no SUBMISSIONS")
	}
	pos := fs.Arg(0)
	if err := fs.Parse(fs.Args()[1:]); err != nil || fs.NArg() > 0 {
		return "", fmt.Errorf("one SUBMISSIONS directory, please")
	}
	return pos, nil
}

// progress reports each graded student: a bar that redraws itself on a
// terminal, a plain line each elsewhere (CI logs, files).
func progress(terminal bool) func(kernel.StudentResult, int, int) {
	return func(r kernel.StudentResult, done, total int) {
		got, max := r.Points()
		how := r.Elapsed.Round(100 * time.Millisecond).String()
		if r.Cached {
			how = "cached"
		}
		if !terminal {
			fmt.Printf("graded %s (%d/%d): %d/%d points, %s\n", r.Student, done, total, got, max, how)
			return
		}
		const width = 30
		filled := width * done / total
		fmt.Printf("\r\033[K[%s%s] %d/%d  %s %d/%d (%s)", strings.Repeat("█", filled), strings.Repeat("·", width-filled),
			done, total, r.Student, got, max, how)
		if done == total {
			fmt.Println()
		}
	}
}

// summarize prints the class at a glance: how many, how well, how
// long, and which submissions took longest.
func summarize(results []kernel.StudentResult, took time.Duration) {
	counts := map[kernel.Status]int{}
	exercises, cached := 0, 0
	for _, r := range results {
		if r.Cached {
			cached++
		}
		for _, nb := range r.Notebooks {
			for _, e := range nb.Exercises {
				counts[e.Status]++
				exercises++
			}
		}
	}
	fmt.Printf("\n%d students, %d exercises graded in %s (%d students from the cache)\n",
		len(results), exercises, took.Round(100*time.Millisecond), cached)
	if exercises > 0 {
		fmt.Printf("pass rate %.0f%%: %d pass, %d fail, %d error, %d timeout, %d missing\n",
			100*float64(counts[kernel.Pass])/float64(exercises), counts[kernel.Pass], counts[kernel.Fail],
			counts[kernel.Error], counts[kernel.Timeout], counts[kernel.Missing])
	}
	slow := slices.Clone(results)
	slices.SortFunc(slow, func(a, b kernel.StudentResult) int { return int(b.Elapsed - a.Elapsed) })
	var names []string
	for _, r := range slow[:min(3, len(slow))] {
		if !r.Cached {
			names = append(names, fmt.Sprintf("%s %s", r.Student, r.Elapsed.Round(100*time.Millisecond)))
		}
	}
	if len(names) > 0 {
		fmt.Printf("slowest: %s\n", strings.Join(names, ", "))
	}
}
