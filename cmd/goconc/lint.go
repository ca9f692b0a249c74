package main

import (
	"context"
	"flag"
	"fmt"
	"path/filepath"

	"github.com/goconc/goconc/kernel/course"
)

func lintCommand(fs *flag.FlagSet) func(context.Context, *course.Course, []string) error {
	return func(_ context.Context, c *course.Course, args []string) error {
		fs.Parse(args)
		problems, err := c.LintCourse(fs.Args())
		if err != nil {
			return err
		}
		for _, p := range problems {
			fmt.Println(p)
		}
		if len(problems) > 0 {
			fmt.Printf("%d problems\n", len(problems))
			return exitError(1)
		}
		fmt.Println("lint: ok")
		return nil
	}
}

func shortName(path string) string { return filepath.Base(path) }
