package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"github.com/goconc/goconc/kernel/check"
	"github.com/goconc/goconc/kernel/notebook"
)

// checkCourse checks the learner's copy of every course notebook in
// dir, with one build, and prints the course at a glance: a row per
// exercise and the total. The exit status is 1 unless every exercise
// passes.
func checkCourse(ctx context.Context, ch *check.Checker, dir string) error {
	copies, err := ch.Course.LearnerCopies(dir)
	if err != nil {
		return fmt.Errorf("check: %w", err)
	}
	paths, err := ch.Course.Notebooks()
	if err != nil {
		return err
	}
	var subs []check.Submission
	for _, p := range paths {
		name := filepath.Base(p)
		subs = append(subs, readCopy(name, copies.Path(name)))
	}
	fmt.Printf("checking every course notebook in %s (race detector %s)…\n\n", shownDir(dir), onOff(ch.Race))
	results, err := ch.CheckNotebooks(ctx, subs)
	if err != nil {
		return err
	}
	got, max, passed, all := 0, 0, 0, 0
	w := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "notebook\texercise\tpoints\t\t")
	for i, rs := range results {
		for _, r := range rs {
			mark, why := "✓", ""
			if r.Status != check.Pass {
				mark, why = "✗", string(r.Status)
				if r.Status == check.Missing {
					why = "missing: " + r.Message
				}
			}
			fmt.Fprintf(w, "%s\t%s\t%d/%d\t%s\t%s\n", shownAs(subs[i], dir), r.Exercise, r.Points, r.MaxPoints, mark, why)
			got, max, all = got+r.Points, max+r.MaxPoints, all+1
			if r.Status == check.Pass {
				passed++
			}
		}
	}
	fmt.Fprintf(w, "total\t%d of %d pass\t%d/%d\t\t\n", passed, all, got, max)
	w.Flush()
	var ignored []string
	for _, f := range copies.Ignored {
		if strings.HasSuffix(f, ".ipynb") {
			ignored = append(ignored, f)
		}
	}
	if len(ignored) > 0 {
		fmt.Printf("\nnot checked (no copy of a course notebook, or a second copy of one): %s\n", strings.Join(ignored, ", "))
	}
	if passed < all {
		fmt.Printf("\nwhy a claim does not hold: goconc check %s\n", shellWord(filepath.Join(shownDir(dir), "NOTEBOOK.ipynb")))
		return exitError(1)
	}
	return nil
}

// readCopy reads the learner's copy of a course notebook, telling a
// missing file from one that is not a notebook.
func readCopy(name, path string) check.Submission {
	s := check.Submission{Name: name}
	nb, err := notebook.Read(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		s.Status, s.Why = check.Missing, "no "+name+" in the folder"
	case err != nil:
		s.Status, s.Why = check.Error, "the notebook could not be read: "+strings.TrimPrefix(err.Error(), path+": ")
	default:
		s.Notebook = nb
	}
	return s
}

// shownAs is a notebook's name in the table: the lesson, and the
// learner's file when it has another name.
func shownAs(s check.Submission, dir string) string {
	lesson := strings.TrimSuffix(s.Name, ".ipynb")
	if s.Notebook != nil && filepath.Base(s.Notebook.Path) != s.Name {
		return lesson + " (" + filepath.Base(s.Notebook.Path) + ")"
	}
	return lesson
}

// shownDir is dir as the learner would type it: relative to where
// they are, when it is inside.
func shownDir(dir string) string {
	wd, err := os.Getwd()
	abs, aerr := filepath.Abs(dir)
	if err != nil || aerr != nil {
		return dir
	}
	if rel, err := filepath.Rel(wd, abs); err == nil && !strings.HasPrefix(rel, "..") {
		return rel
	}
	return abs
}

// shellWord is path as one word of a shell command line: quoted when
// it holds a space or another character the shell would act on.
func shellWord(path string) string {
	if path != "" && strings.Trim(path, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./") == "" {
		return path
	}
	return "'" + strings.ReplaceAll(path, "'", `'\''`) + "'"
}
