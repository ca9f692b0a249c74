package main

import (
	"context"
	"fmt"
	"path/filepath"

	"github.com/goconc/goconc/kernel"
)

func lint(_ context.Context, course *kernel.Course, args []string) error {
	problems, err := course.LintCourse(args)
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

func shortName(path string) string { return filepath.Base(path) }
