package main

import (
	"context"
	"flag"
	"fmt"
	"os"

	"github.com/goconc/goconc/kernel"
)

func setup(_ context.Context, course *kernel.Course, args []string) error {
	fs := flag.NewFlagSet("setup", flag.ExitOnError)
	headless := fs.Bool("headless", false, "only what headless runs and tests need (no notebook server, no gopls)")
	browser := fs.Bool("browser", false, "also what the browser test needs: Jupyter Notebook, Chromium")
	fs.Parse(args)
	fmt.Println("goconc setup in", course.Root)
	s := &kernel.Setup{Course: course, Out: os.Stdout, Headless: *headless, Browser: *browser}
	if err := s.Run(); err != nil {
		return err
	}
	fmt.Println("ready: `goconc open` (or `make course`) starts Jupyter on the course")
	return nil
}
