package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/goconc/goconc/kernel/check"
	"github.com/goconc/goconc/kernel/course"
	"github.com/goconc/goconc/kernel/grade"
	"github.com/goconc/goconc/kernel/gradescope"
)

// gradescopeCommand writes the Gradescope autograder for the course.
func gradescopeCommand(fs *flag.FlagSet) func(context.Context, *course.Course, []string) error {
	out := fs.String("out", "", "the autograder `ZIP` to write (required)")
	courseDir := fs.String("course", "", "the course checkout `DIR` (default: the one around the current directory, else around the goconc binary)")
	notebooks := fs.String("notebooks", "", "grade only these course notebooks: `NAME[,NAME...]` (default: all)")
	return func(_ context.Context, _ *course.Course, args []string) error {
		if err := fs.Parse(args); err != nil || *out == "" || fs.NArg() > 0 {
			return fmt.Errorf("usage: goconc gradescope --out autograder.zip [--notebooks NAME[,NAME...]] [--course DIR]")
		}
		c, err := findCourse(*courseDir)
		if err != nil {
			return err
		}
		var names []string
		if *notebooks != "" {
			if names, err = grade.SelectNotebooks(check.New(c), strings.Split(*notebooks, ",")); err != nil {
				return fmt.Errorf("--notebooks: %w", err)
			}
		}
		a, err := gradescope.WriteZip(*out, c, names)
		if err != nil {
			return err
		}
		what := a.Notebooks
		if what == "" {
			what = "every notebook"
		}
		fmt.Printf("wrote %s (%d KiB): the autograder for %s, the course at commit %.12s, Go %s\n", *out, a.Size>>10, what, a.Commit, a.GoVersion)
		if a.Dirty {
			fmt.Println("warning: the checkout has uncommitted changes, which are not in the zip (it holds the commit)")
		}
		fmt.Println("upload it in Gradescope: the assignment's Configure Autograder page, Zip file upload")
		return nil
	}
}

// gradescopeRunCommand is what run_autograder calls on Gradescope: it
// grades the one submission and writes results.json, whatever happens.
func gradescopeRunCommand(fs *flag.FlagSet) func(context.Context, *course.Course, []string) error {
	root := os.Getenv("AUTOGRADER_ROOT")
	if root == "" {
		root = gradescope.Root
	}
	var cfg gradescope.Config
	fs.StringVar(&cfg.Root, "root", root, "the autograder `DIR`, with submission/ and results/ (default: $AUTOGRADER_ROOT, else /autograder)")
	fs.StringVar(&cfg.CourseDir, "course", "", "the course checkout `DIR` (default: ROOT/source)")
	notebooks := fs.String("notebooks", "", "grade only these course notebooks: `NAME[,NAME...]` (default: all)")
	fs.DurationVar(&cfg.Timeout, "timeout", time.Minute, "time limit for one exercise's check")
	fs.StringVar(&cfg.Sandbox, "sandbox", gradescope.SandboxAuto, "`HOW` to isolate the learner's code: auto (bubblewrap if it starts, else rlimits), bubblewrap or rlimits")
	return func(ctx context.Context, _ *course.Course, args []string) error {
		if err := fs.Parse(args); err != nil || fs.NArg() > 0 {
			return fmt.Errorf("usage: goconc gradescope run [--root DIR] [--notebooks NAME[,NAME...]]")
		}
		cfg.Notebooks = strings.FieldsFunc(*notebooks, func(r rune) bool { return r == ',' })
		cfg.Log = os.Stdout
		return gradescope.Run(ctx, cfg)
	}
}
