package main

import (
	"context"
	"flag"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/goconc/goconc/kernel/collect"
	"github.com/goconc/goconc/kernel/course"
)

// collectCommand gathers a class's notebooks from their homes, or,
// with --return-feedback, hands their feedback pages back.
func collectCommand(fs *flag.FlagSet) func(context.Context, *course.Course, []string) error {
	var homes, out, feedback string
	fs.StringVar(&homes, "homes", "/home", "the `HOMES` folder holding one home per learner, each with a course/ folder")
	fs.StringVar(&out, "out", "", "copy each learner's course/*.ipynb into `SUBMISSIONS`/<learner>/, with a manifest.json of their times")
	fs.StringVar(&feedback, "return-feedback", "", "instead, copy `DIR`/<learner>.md (grade's feedback/) to HOMES/<learner>/course/feedback.md")
	return func(ctx context.Context, _ *course.Course, args []string) error {
		if err := fs.Parse(args); err != nil || fs.NArg() > 0 || (out == "") == (feedback == "") {
			return fmt.Errorf("usage: goconc collect --out SUBMISSIONS [--homes HOMES], or goconc collect --return-feedback GRADES/feedback [--homes HOMES]")
		}
		if feedback != "" {
			return returnFeedback(feedback, homes)
		}
		r, err := collect.Collect(homes, out)
		for _, p := range r.Problems {
			fmt.Println("skipped", p)
		}
		if err != nil {
			return err
		}
		summarizeCollection(r, homes, out)
		return nil
	}
}

// summarizeCollection says what was collected, what it replaced and
// who had nothing to hand in.
func summarizeCollection(r collect.Report, homes, out string) {
	notebooks := 0
	var empty []string
	for _, l := range r.Learners {
		notebooks += len(l.Notebooks)
		if len(l.Notebooks) == 0 {
			empty = append(empty, l.Name)
		}
		for _, f := range l.Replaced {
			fmt.Printf("replaced %s (collected before, changed since)\n", filepath.Join(out, l.Name, f))
		}
		for _, f := range l.Kept {
			fmt.Printf("kept %s (from before; not in %s now)\n", filepath.Join(out, l.Name, f), filepath.Join(homes, l.Name, "course"))
		}
	}
	fmt.Printf("collected %d learners, %d notebooks from %s into %s (times in %s)\n",
		len(r.Learners), notebooks, homes, out, filepath.Join(out, collect.ManifestName))
	if len(r.Learners) == 0 {
		fmt.Printf("no folder in %s has a course/ folder: is --homes right? (a learner's copy is HOMES/<learner>/course/)\n", homes)
	}
	if len(empty) > 0 {
		fmt.Printf("no notebooks to collect (an empty folder each): %s\n", strings.Join(empty, ", "))
	}
	if len(r.Problems) > 0 {
		fmt.Printf("skipped %d, each said above\n", len(r.Problems))
	}
}

// returnFeedback hands the feedback pages back and says to whom, and
// who got none.
func returnFeedback(feedback, homes string) error {
	r, err := collect.ReturnFeedback(feedback, homes)
	for _, p := range r.Problems {
		fmt.Println("skipped", p)
	}
	if err != nil {
		return err
	}
	for _, name := range r.NoHome {
		fmt.Printf("no home for %s in %s (no %s): its feedback was not returned\n",
			filepath.Join(feedback, name+".md"), homes, filepath.Join(homes, name, "course"))
	}
	for _, name := range r.NoFeedback {
		fmt.Printf("no feedback for %s (no %s)\n", filepath.Join(homes, name), filepath.Join(feedback, name+".md"))
	}
	fmt.Printf("returned feedback to %d learners, as %s in their course folder\n", len(r.Learners), collect.FeedbackName)
	return nil
}
