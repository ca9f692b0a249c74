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
	extra := fs.String("extra-checks", "", "`DIR` of hidden checks, DIR/<exercise-id>/*_test.go, put into the zip and run with every submission")
	return func(ctx context.Context, _ *course.Course, args []string) error {
		if err := fs.Parse(args); err != nil || *out == "" || fs.NArg() > 0 {
			return fmt.Errorf("usage: goconc gradescope --out autograder.zip [--notebooks NAME[,NAME...]] [--extra-checks DIR] [--course DIR]")
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
		if *extra != "" {
			if err := validateExtra(ctx, c, *extra); err != nil {
				return err
			}
		}
		a, err := gradescope.WriteZip(*out, c, names, *extra)
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
	fs.StringVar(&cfg.ExtraChecks, "extra-checks", "", "`DIR` of hidden checks, as goconc grade takes them (run_autograder passes the zip's)")
	fs.StringVar(&cfg.Sandbox, "sandbox", gradescope.SandboxAuto, "`HOW` to isolate the learner's code: auto (bubblewrap if it starts, else rlimits), bubblewrap or rlimits")
	return func(ctx context.Context, _ *course.Course, args []string) error {
		if err := fs.Parse(args); err != nil || fs.NArg() > 0 {
			return fmt.Errorf("usage: goconc gradescope run [--root DIR] [--notebooks NAME[,NAME...]] [--extra-checks DIR]")
		}
		cfg.Notebooks = strings.FieldsFunc(*notebooks, func(r rune) bool { return r == ',' })
		cfg.Log = os.Stdout
		return gradescope.Run(ctx, cfg)
	}
}

// validateExtra runs the hidden checks of dir on the course's
// solutions before they go into a zip, saying what they are worth.
func validateExtra(ctx context.Context, c *course.Course, dir string) error {
	fmt.Printf("extra checks in %s: ", dir)
	x, err := gradescope.ValidateExtra(ctx, c, dir)
	if err != nil {
		fmt.Println("refused")
		return err
	}
	fmt.Printf("%s, of %s, held by the course's solutions, in the zip\n", x.Described(), strings.Join(x.Exercises(), ", "))
	return nil
}
