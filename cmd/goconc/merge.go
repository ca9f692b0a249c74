package main

import (
	"context"
	"flag"
	"fmt"
	"os"

	"github.com/goconc/goconc/kernel/course"
	"github.com/goconc/goconc/kernel/grade"
)

// mergeCommand joins the outputs of `goconc grade --shard K/N`, one
// per shard, into one grading output, as if the class had been graded
// on one machine.
func mergeCommand(fs *flag.FlagSet) func(context.Context, *course.Course, []string) error {
	var out, roster string
	var showHidden bool
	fs.StringVar(&out, "out", "", "`OUT` dir for the joined grades.csv, results.json, feedback/ and LMS files (required)")
	fs.StringVar(&roster, "roster", "", "`FILE` (CSV) mapping submission folders to LMS ids, as for grade")
	fs.BoolVar(&showHidden, "show-hidden", false, "name the hidden claims of grade --extra-checks in feedback/, as for grade")
	return func(ctx context.Context, _ *course.Course, args []string) error {
		if err := fs.Parse(args); err != nil || out == "" || fs.NArg() == 0 {
			return fmt.Errorf("usage: goconc grade merge --out OUT DIR...  (each DIR the --out of one goconc grade --shard K/N)")
		}
		dirs := fs.Args()
		for _, dir := range dirs {
			if same, _ := sameDir(dir, out); same {
				return fmt.Errorf("--out %s is one of the shards: merge into a dir of its own", out)
			}
		}
		var r grade.Roster
		if roster != "" {
			var err error
			if r, err = grade.ReadRoster(roster); err != nil {
				return err
			}
		}
		shards := make([]grade.Class, len(dirs))
		for i, dir := range dirs {
			var err error
			if shards[i], err = grade.ReadClass(dir); err != nil {
				return err
			}
		}
		class, err := grade.Merge(dirs, shards)
		if err != nil {
			return err
		}
		class.Roster, class.ShowHidden = r, showHidden
		if err := grade.WriteClass(out, class); err != nil {
			return err
		}
		fmt.Printf("merged %d shards: %d students\n", len(dirs), len(class.Students))
		reportWritten(out, class, roster != "")
		return nil
	}
}

// sameDir says whether a and b are one directory.
func sameDir(a, b string) (bool, error) {
	ia, err := os.Stat(a)
	if err != nil {
		return false, err
	}
	ib, err := os.Stat(b)
	if err != nil {
		return false, err
	}
	return os.SameFile(ia, ib), nil
}
