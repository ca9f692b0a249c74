package main

import (
	"context"
	"flag"
	"fmt"
	"strings"

	"github.com/goconc/goconc/kernel/course"
	"github.com/goconc/goconc/kernel/hub"
)

func handoutCommand(fs *flag.FlagSet) func(context.Context, *course.Course, []string) error {
	home := fs.String("home", "", "the learner's home `DIR`: the notebooks go to HOME/course/")
	class := fs.String("class", hub.DefaultClassDir, "the class install (`DIR`) whose notebooks and build cache are handed out")
	return func(_ context.Context, _ *course.Course, args []string) error {
		fs.Parse(args)
		if *home == "" || fs.NArg() > 0 {
			return fmt.Errorf("usage: goconc handout --home DIR [--class DIR]")
		}
		cl := hub.Class{Dir: *class}
		added, err := hub.Handout(cl.Notebooks(), *home)
		if err != nil {
			return fmt.Errorf("handout: %w", err)
		}
		seeded, err := hub.SeedGoCache(cl.GoCache(), *home)
		if err != nil {
			return fmt.Errorf("handout: the build cache: %w", err)
		}
		list := "none new"
		if len(added) > 0 {
			list = strings.Join(added, ", ")
		}
		fmt.Printf("handout %s: %s; %d build cache entries\n", *home, list, seeded)
		return nil
	}
}
