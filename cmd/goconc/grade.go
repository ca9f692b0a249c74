package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/goconc/goconc/kernel/check"
	"github.com/goconc/goconc/kernel/collect"
	"github.com/goconc/goconc/kernel/course"
	"github.com/goconc/goconc/kernel/grade"
	"github.com/goconc/goconc/kernel/sandbox"
)

// gradeFlags are the instructor's choices for a grading.
type gradeFlags struct {
	out, courseDir      string
	notebooks, due      string
	roster, shard       string
	extra               string
	jobs                int
	timeout             time.Duration
	race, fresh, unsafe bool
	showHidden          bool
}

// gradeCommand is the instructor's command: every student's notebooks,
// in a sandbox, into grades.csv, results.json and one feedback page
// each.
func gradeCommand(fs *flag.FlagSet) func(context.Context, *course.Course, []string) error {
	var f gradeFlags
	fs.StringVar(&f.out, "out", "", "`DIR` for grades.csv, results.json and feedback/ (required)")
	fs.StringVar(&f.courseDir, "course", "", "the course checkout `DIR` (default: the one around the current directory, else around the goconc binary)")
	fs.StringVar(&f.notebooks, "notebooks", "", "grade only these course notebooks: `NAME[,NAME...]` (01-threads,02-daemon)")
	fs.IntVar(&f.jobs, "jobs", runtime.NumCPU(), "students graded at once")
	fs.DurationVar(&f.timeout, "timeout", time.Minute, "time limit for one exercise's check")
	fs.StringVar(&f.due, "due", "", "the deadline, RFC 3339 `TIME` (2026-12-01T23:59:00Z): adds submitted_at and late, no penalty")
	fs.StringVar(&f.roster, "roster", "", "`FILE` (CSV) mapping submission folders to LMS ids, for canvas.csv and moodle.csv")
	fs.StringVar(&f.shard, "shard", "", "grade only the `K/N`-th slice of the learners (by a hash of their folder name); join the slices with grade merge")
	fs.StringVar(&f.extra, "extra-checks", "", "`DIR` of hidden checks, DIR/<exercise-id>/*_test.go: counted in the grade, never shown to learners")
	fs.BoolVar(&f.showHidden, "show-hidden", false, "name the hidden claims of --extra-checks in feedback/, with their messages")
	fs.BoolVar(&f.race, "race", true, "run the checks under the race detector")
	fs.BoolVar(&f.fresh, "fresh", false, "grade everything again, ignoring cached results (and caching the new ones)")
	fs.BoolVar(&f.unsafe, "unsafe-no-sandbox", false, "grade without bubblewrap: submissions can then read and write your files and reach the network")
	return func(ctx context.Context, _ *course.Course, args []string) error {
		subs, err := parseInterleaved(fs, args)
		if err != nil || f.out == "" {
			return fmt.Errorf("usage: goconc grade --out DIR SUBMISSIONS  (SUBMISSIONS/<student>/<notebook>.ipynb)")
		}
		c, err := findCourse(f.courseDir)
		if err != nil {
			return err
		}
		return gradeClass(ctx, c, subs, f)
	}
}

// findCourse is the course checkout in dir, or, when dir is "", the
// one around the current directory, else the one around the goconc
// binary (bin/goconc of a checkout), so an instructor can grade from
// where the submissions are.
func findCourse(dir string) (*course.Course, error) {
	if dir != "" {
		return course.Find(dir)
	}
	c, err := course.Find(".")
	if err == nil {
		return c, nil
	}
	if exe, exeErr := os.Executable(); exeErr == nil {
		if exe, exeErr = filepath.EvalSymlinks(exe); exeErr == nil {
			if c, exeErr := course.Find(filepath.Dir(exe)); exeErr == nil {
				return c, nil
			}
		}
	}
	return nil, fmt.Errorf("%w; or name it with --course DIR", err)
}

// gradeClass grades the class in subs and writes what it found into
// f.out, saying how it went.
func gradeClass(ctx context.Context, c *course.Course, subs string, f gradeFlags) error {
	var err error
	ch := check.New(c)
	ch.Timeout, ch.Race, ch.Parallel = f.timeout, f.race, 1
	if !f.unsafe {
		if ch.Sandbox, err = sandbox.New(); err != nil {
			return err
		}
	} else {
		fmt.Println("WARNING: grading without a sandbox (--unsafe-no-sandbox)")
	}
	g := &grade.Grader{Checker: ch, Jobs: f.jobs, Progress: progress(isTerminal())}
	if f.due != "" {
		if g.Due, err = time.Parse(time.RFC3339, f.due); err != nil {
			return fmt.Errorf("--due %q: want an RFC 3339 time such as 2026-12-01T23:59:00Z (or with an offset, +01:00)", f.due)
		}
	}
	if f.shard != "" {
		if g.Shard, err = grade.ParseShard(f.shard); err != nil {
			return err
		}
	}
	var roster grade.Roster
	if f.roster != "" {
		if roster, err = grade.ReadRoster(f.roster); err != nil {
			return err
		}
	}
	if f.notebooks != "" {
		if g.Notebooks, err = grade.SelectNotebooks(ch, strings.Split(f.notebooks, ",")); err != nil {
			return fmt.Errorf("--notebooks: %w", err)
		}
	}
	students, strays, err := grade.Students(subs)
	if err != nil {
		return err
	}
	if err := loadExtraChecks(ctx, ch, f); err != nil {
		return err
	}
	students = slices.DeleteFunc(students, func(s string) bool { return !g.Shard.Has(s) })
	// --fresh grades everything again and still caches what it grades,
	// so an interrupted fresh grading keeps its results, as it says.
	if g.Cache, err = grade.NewCache(filepath.Join(f.out, "cache"), ch); err != nil {
		return err
	}
	g.Cache.Fresh = f.fresh
	if g.SubmittedAt, err = submissionTimes(subs, !g.Due.IsZero()); err != nil {
		return err
	}
	for _, s := range strays {
		if s == collect.ManifestName {
			continue // goconc collect's record of submission times
		}
		fmt.Printf("ignoring %s: submissions go in SUBMISSIONS/<student>/<notebook>.ipynb\n", s)
	}
	slice := ""
	if f.shard != "" {
		slice = " (shard " + g.Shard.String() + ")"
	}
	fmt.Printf("grading %d students%s from %s, %d at a time (race detector %s, sandbox %s)\n",
		len(students), slice, subs, f.jobs, onOff(f.race), onOff(ch.Sandbox != nil))
	start := time.Now()
	results, err := g.Grade(ctx, subs)
	if err != nil {
		return fmt.Errorf("%w (nothing written; results graded so far are cached)", err)
	}
	class := grade.Class{Graded: time.Now().UTC().Truncate(time.Second), Race: f.race, Sandbox: ch.Sandbox != nil,
		Course: g.Cache.Fingerprint(), Notebooks: g.Notebooks, Shard: g.Shard.String(), Students: results, Roster: roster,
		ShowHidden: f.showHidden}
	if !g.Due.IsZero() {
		due := g.Due.UTC()
		class.Due = &due
	}
	if err := grade.WriteClass(f.out, class); err != nil {
		return err
	}
	summarize(results, time.Since(start))
	if class.Due != nil {
		summarizeLate(results, *class.Due)
	}
	reportWritten(f.out, class, f.roster != "")
	return nil
}

// loadExtraChecks reads --extra-checks and runs them on the course's
// solutions, before anything is graded or written.
func loadExtraChecks(ctx context.Context, ch *check.Checker, f gradeFlags) error {
	if f.extra == "" {
		if f.showHidden {
			return fmt.Errorf("--show-hidden shows the hidden claims of --extra-checks DIR, and none were given")
		}
		return nil
	}
	x, err := check.LoadExtraChecks(ch.Course, f.extra)
	if err != nil {
		return err
	}
	ch.Extra = x
	fmt.Printf("extra checks of %s: ", strings.Join(x.Exercises(), ", "))
	cached, err := grade.ValidateExtra(ctx, ch, filepath.Join(f.out, "cache"), f.fresh)
	if err != nil {
		fmt.Println("refused")
		return err
	}
	held := "held by the course's solutions"
	if cached {
		held += " (as the cache remembers)"
	}
	shown := "hidden from learners: feedback counts them"
	if f.showHidden {
		shown = "named in feedback (--show-hidden)"
	}
	fmt.Printf("%s, %s, %s\n", x.Described(), held, shown)
	return nil
}

// submissionTimes is where a grading with a due time takes each
// notebook's submission time from: the manifest goconc collect wrote
// in SUBMISSIONS, when there is one, else (nil) the files' own
// modification times. A manifest that cannot be read stops the
// grading: times silently taken from elsewhere could call work late
// that was not.
func submissionTimes(subs string, due bool) (func(string) (time.Time, bool), error) {
	if !due {
		return nil, nil
	}
	m, err := collect.ReadManifest(subs)
	switch {
	case errors.Is(err, os.ErrNotExist):
		fmt.Printf("submission times: the notebooks' modification times (no %s in %s)\n", collect.ManifestName, subs)
		return nil, nil
	case err != nil:
		return nil, fmt.Errorf("%w; collect again, or remove it to take the files' modification times", err)
	}
	fmt.Printf("submission times: from %s (collected from %s at %s)\n", filepath.Join(subs, collect.ManifestName),
		m.Homes, m.CollectedAt.Format(time.RFC3339))
	return m.SubmittedAt, nil
}

// reportWritten says what grading wrote, and which learners the LMS
// files could not name.
func reportWritten(out string, class grade.Class, rostered bool) {
	fmt.Printf("wrote %s, %s and %s (%d pages)\n", filepath.Join(out, "grades.csv"),
		filepath.Join(out, "results.json"), filepath.Join(out, "feedback")+"/", len(class.Students))
	fmt.Printf("wrote %s and %s for the LMS gradebook", filepath.Join(out, "canvas.csv"), filepath.Join(out, "moodle.csv"))
	if !rostered {
		fmt.Println(" (no --roster: learners are named by folder only)")
		return
	}
	fmt.Println()
	unknown, absent := class.Roster.Unrostered(class.Students)
	if len(unknown) > 0 {
		fmt.Printf("not in the roster, so named by folder with no LMS id (add them, or the LMS will not match them): %s\n", strings.Join(unknown, ", "))
	}
	if len(absent) > 0 {
		fmt.Printf("in the roster with no submissions folder (no row written): %s\n", strings.Join(absent, ", "))
	}
}

// parseInterleaved parses flags that come before or after the one
// positional argument, as instructors type them both ways.
func parseInterleaved(fs *flag.FlagSet, args []string) (string, error) {
	if err := fs.Parse(args); err != nil {
		return "", err
	}
	if fs.NArg() == 0 {
		return "", fmt.Errorf("no SUBMISSIONS")
	}
	pos := fs.Arg(0)
	if err := fs.Parse(fs.Args()[1:]); err != nil || fs.NArg() > 0 {
		return "", fmt.Errorf("one SUBMISSIONS directory, please")
	}
	return pos, nil
}

// progress reports each graded student: a bar that redraws itself on a
// terminal, a plain line each elsewhere (CI logs, files).
func progress(terminal bool) func(grade.StudentResult, int, int) {
	return func(r grade.StudentResult, done, total int) {
		got, max := r.Points()
		how := r.Elapsed.Round(100 * time.Millisecond).String()
		if r.Cached {
			how = "cached"
		}
		if !terminal {
			fmt.Printf("graded %s (%d/%d): %d/%d points, %s\n", r.Student, done, total, got, max, how)
			return
		}
		const width = 30
		filled := width * done / total
		fmt.Printf("\r\033[K[%s%s] %d/%d  %s %d/%d (%s)", strings.Repeat("█", filled), strings.Repeat("·", width-filled),
			done, total, r.Student, got, max, how)
		if done == total {
			fmt.Println()
		}
	}
}

// summarize prints the class at a glance: how many, how well, how
// long, and which submissions took longest.
func summarize(results []grade.StudentResult, took time.Duration) {
	counts := map[check.Status]int{}
	exercises, cached := 0, 0
	for _, r := range results {
		if r.Cached {
			cached++
		}
		for _, nb := range r.Notebooks {
			for _, e := range nb.Exercises {
				counts[e.Status]++
				exercises++
			}
		}
	}
	fmt.Printf("\n%d students, %d exercises graded in %s (%d students from the cache)\n",
		len(results), exercises, took.Round(100*time.Millisecond), cached)
	if exercises > 0 {
		fmt.Printf("pass rate %.0f%%: %d pass, %d fail, %d error, %d timeout, %d missing\n",
			100*float64(counts[check.Pass])/float64(exercises), counts[check.Pass], counts[check.Fail],
			counts[check.Error], counts[check.Timeout], counts[check.Missing])
	}
	slow := slices.Clone(results)
	slices.SortFunc(slow, func(a, b grade.StudentResult) int { return int(b.Elapsed - a.Elapsed) })
	var names []string
	for _, r := range slow[:min(3, len(slow))] {
		if !r.Cached {
			names = append(names, fmt.Sprintf("%s %s", r.Student, r.Elapsed.Round(100*time.Millisecond)))
		}
	}
	if len(names) > 0 {
		fmt.Printf("slowest: %s\n", strings.Join(names, ", "))
	}
}

// summarizeLate names the notebooks handed in after the due time and
// by how much; grading takes nothing off for it.
func summarizeLate(results []grade.StudentResult, due time.Time) {
	var late []string
	for _, r := range results {
		for _, nb := range r.Notebooks {
			if nb.Late != nil && *nb.Late {
				late = append(late, fmt.Sprintf("%s %s (%s late)", r.Student,
					strings.TrimSuffix(nb.Notebook, ".ipynb"), lateBy(nb.SubmittedAt.Sub(due))))
			}
		}
	}
	fmt.Printf("%d notebooks handed in after %s (no points taken off; see submitted_at and late)", len(late), due.Format(time.RFC3339))
	if len(late) > 0 {
		fmt.Printf(": %s", strings.Join(late, ", "))
	}
	fmt.Println()
}

// lateBy says how late, to the minute ("2h5m"), or to the second
// under a minute.
func lateBy(d time.Duration) string {
	if d < time.Minute {
		return d.Round(time.Second).String()
	}
	return strings.TrimSuffix(d.Round(time.Minute).String(), "0s")
}
