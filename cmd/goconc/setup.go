package main

import (
	"context"
	"flag"
	"fmt"
	"os"

	"github.com/goconc/goconc/kernel/course"
	"github.com/goconc/goconc/kernel/setup"
)

func setupCommand(fs *flag.FlagSet) func(context.Context, *course.Course, []string) error {
	headless := fs.Bool("headless", false, "only what headless runs and tests need (no notebook server, no gopls)")
	browser := fs.Bool("browser", false, "also what the browser test needs: Jupyter Notebook, Chromium")
	hub := fs.Bool("hub", false, "also what goconc hub needs: JupyterHub, the GoNB kernel for every user (as root)")
	return func(_ context.Context, c *course.Course, args []string) error {
		fs.Parse(args)
		fmt.Println("goconc setup in", c.Root)
		s := &setup.Installer{Course: c, Out: os.Stdout, Headless: *headless, Browser: *browser, Hub: *hub}
		if err := s.Run(); err != nil {
			return err
		}
		if *hub {
			fmt.Println("ready: `goconc hub` serves the course to a class")
			return nil
		}
		fmt.Println("ready: `goconc open` (or `make course`) starts Jupyter on the course")
		return nil
	}
}
