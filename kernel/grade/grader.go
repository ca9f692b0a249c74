package grade

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/goconc/goconc/kernel/check"
	"github.com/goconc/goconc/kernel/notebook"
	"golang.org/x/sync/errgroup"
)

// Grader grades a class: SUBMISSIONS/<student>/<notebook>.ipynb, every
// course notebook of every student, whatever they handed in. Students
// are graded Jobs at a time, each with one build of all their
// notebooks (see package check), and results are cached by the
// content of the exercise cells, so grading again after a late
// submission grades that one alone.
type Grader struct {
	Checker *check.Checker
	Jobs    int
	Cache   *Cache // nil: grade everything
	// Notebooks, when set, are the course notebooks to grade
	// ("01-threads.ipynb", see SelectNotebooks); the others get no
	// rows, no feedback and no say in the summary.
	Notebooks []string
	// Due, when set, is the deadline: every notebook handed in gets
	// its submitted_at and whether it is late, and nothing else
	// changes (no penalty: that is the instructor's call).
	Due time.Time
	// Shard, when set, grades only the learners in it.
	Shard Shard
	// SubmittedAt tells when a notebook was handed in; nil: its file's
	// modification time. goconc grade plugs in the manifest goconc
	// collect writes (collect.Manifest.SubmittedAt).
	SubmittedAt func(path string) (time.Time, bool)
	// Progress, when set, hears of every student graded, one at a time.
	Progress func(StudentResult, int, int)
}

// StudentResult is one student's grades, notebook by notebook in
// course order, exercise by exercise.
type StudentResult struct {
	Student   string           `json:"student"`
	Notebooks []NotebookResult `json:"notebooks"`
	Ignored   []string         `json:"ignored,omitempty"` // files that are no course notebook
	Elapsed   time.Duration    `json:"elapsed_ns"`
	Cached    bool             `json:"cached"`
}

// NotebookResult is one notebook of a student's.
type NotebookResult struct {
	Notebook  string                 `json:"notebook"`
	Problem   string                 `json:"problem,omitempty"` // why it could not be graded
	Exercises []check.ExerciseResult `json:"exercises"`
	// With a due time, for a notebook handed in: when, and whether
	// after it. Never cached: they are of the file, not of its cells.
	SubmittedAt *time.Time `json:"submitted_at,omitempty"`
	Late        *bool      `json:"late,omitempty"`
}

// Points adds up a student's points and what they could have had.
func (s StudentResult) Points() (got, max int) {
	for _, nb := range s.Notebooks {
		for _, e := range nb.Exercises {
			got, max = got+e.Points, max+e.MaxPoints
		}
	}
	return got, max
}

// Students lists the student folders of a submissions directory, and
// the files beside them that belong to no student.
func Students(dir string) (students, strays []string, err error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, nil, fmt.Errorf("reading submissions: %w", err)
	}
	for _, e := range entries {
		switch {
		case strings.HasPrefix(e.Name(), "."):
		case e.IsDir():
			students = append(students, e.Name())
		default:
			strays = append(strays, e.Name())
		}
	}
	if len(students) == 0 {
		return nil, strays, fmt.Errorf("no student folders in %s: want SUBMISSIONS/<student>/<notebook>.ipynb", dir)
	}
	return students, strays, nil
}

// Grade grades every student folder of dir. The error is the grader's
// own failure (no course, no go command); whatever a submission does
// ends up in its results.
func (g *Grader) Grade(ctx context.Context, dir string) ([]StudentResult, error) {
	students, _, err := Students(dir)
	if err != nil {
		return nil, err
	}
	students = slices.DeleteFunc(students, func(s string) bool { return !g.Shard.Has(s) })
	all, err := notebookNames(g.Checker)
	if err != nil {
		return nil, err
	}
	names := all
	if g.Notebooks != nil {
		names = g.Notebooks
	}
	results := make([]StudentResult, len(students))
	var (
		mu   sync.Mutex // Progress hears of one student at a time
		done int
		pool errgroup.Group
	)
	pool.SetLimit(max(g.Jobs, 1))
	for i, student := range students {
		pool.Go(func() error {
			r, err := g.gradeStudent(ctx, filepath.Join(dir, student), names, all)
			g.stampTimes(&r, filepath.Join(dir, student))
			results[i] = r
			mu.Lock()
			defer mu.Unlock()
			done++
			if err != nil {
				return fmt.Errorf("grading %s: %w", student, err)
			}
			if g.Progress != nil {
				g.Progress(r, done, len(students))
			}
			return nil
		})
	}
	if err := pool.Wait(); err != nil {
		return results, err
	}
	return results, ctx.Err()
}

// SelectNotebooks checks names ("01-threads" or "01-threads.ipynb")
// against the notebooks of ch's course and returns their file names
// in course order; a name that is no course notebook is an error that
// lists the ones there are.
func SelectNotebooks(ch *check.Checker, names []string) ([]string, error) {
	all, err := notebookNames(ch)
	if err != nil {
		return nil, err
	}
	var picked []string
	for _, n := range names {
		n = strings.TrimSpace(n)
		if n == "" {
			continue
		}
		file := strings.TrimSuffix(filepath.Base(n), ".ipynb") + ".ipynb"
		if !slices.Contains(all, file) {
			return nil, fmt.Errorf("%q is no course notebook (the course has %s)", n,
				strings.Join(trimExt(all), ", "))
		}
		picked = append(picked, file)
	}
	if len(picked) == 0 {
		return nil, errors.New("no notebooks named")
	}
	var inOrder []string
	for _, f := range all {
		if slices.Contains(picked, f) {
			inOrder = append(inOrder, f)
		}
	}
	return inOrder, nil
}

func trimExt(files []string) []string {
	names := make([]string, len(files))
	for i, f := range files {
		names[i] = strings.TrimSuffix(f, ".ipynb")
	}
	return names
}

// notebookNames are the file names of the course's notebooks.
func notebookNames(ch *check.Checker) ([]string, error) {
	paths, err := ch.Course.Notebooks()
	if err != nil {
		return nil, err
	}
	names := make([]string, len(paths))
	for i, p := range paths {
		names[i] = filepath.Base(p)
	}
	return names, nil
}

// gradeStudent grades one student's folder: reads what is there,
// answers from the cache when the same cells were graded before, and
// otherwise checks all their notebooks with one build.
func (g *Grader) gradeStudent(ctx context.Context, dir string, names, all []string) (StudentResult, error) {
	start := time.Now()
	copies, err := g.Checker.Course.LearnerCopies(dir)
	if err != nil {
		return StudentResult{Student: filepath.Base(dir)}, err
	}
	r := StudentResult{Student: filepath.Base(dir), Ignored: copies.Ignored}
	subs := make([]check.Submission, len(names))
	for i, name := range names {
		subs[i] = readSubmission(copies.Path(name))
		subs[i].Name = name // the course's name, whatever the learner's file is called
	}
	key := g.Cache.Key(subs)
	if cached, ok := g.Cache.Get(key); ok {
		r.Notebooks, r.Cached, r.Elapsed = cached, true, time.Since(start)
		return r, nil
	}
	results, err := g.Checker.CheckNotebooks(ctx, subs)
	if err != nil {
		return r, err
	}
	for i, h := range subs {
		nb := NotebookResult{Notebook: h.Name, Exercises: results[i]}
		if h.Notebook == nil {
			nb.Problem = h.Why
		}
		r.Notebooks = append(r.Notebooks, nb)
	}
	r.Elapsed = time.Since(start)
	if ctx.Err() == nil { // an interrupted grading is not a grade
		g.Cache.Put(key, r.Notebooks)
	}
	return r, nil
}

// stampTimes gives each notebook a student handed in its submission
// time and lateness, when there is a due time.
func (g *Grader) stampTimes(r *StudentResult, dir string) {
	if g.Due.IsZero() {
		return
	}
	when := g.SubmittedAt
	if when == nil {
		when = modTime
	}
	copies, _ := g.Checker.Course.LearnerCopies(dir)
	for i := range r.Notebooks {
		nb := &r.Notebooks[i]
		if t, ok := when(copies.Path(nb.Notebook)); ok {
			t = t.UTC().Truncate(time.Second)
			late := t.After(g.Due)
			nb.SubmittedAt, nb.Late = &t, &late
		}
	}
}

// modTime is a file's modification time: when it was handed in, if it
// was copied with its times (cp -p, rsync -t).
func modTime(path string) (time.Time, bool) {
	info, err := os.Stat(path)
	if err != nil {
		return time.Time{}, false
	}
	return info.ModTime(), true
}

// readSubmission reads one notebook of a student's, telling a missing
// file from one that is not a notebook.
func readSubmission(path string) check.Submission {
	h := check.Submission{Name: filepath.Base(path)}
	nb, err := notebook.Read(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		h.Status, h.Why = check.Missing, "the notebook was not handed in"
	case err != nil:
		h.Status, h.Why = check.Error, "the notebook could not be read: "+strings.TrimPrefix(err.Error(), path+": ")
	default:
		h.Notebook = nb
	}
	return h
}

// ignoredFiles are the files in a student's folder that are not course
// notebooks ("01-threads (1).ipynb"), named in their feedback so a
// wrongly named notebook does not go unnoticed.
func ignoredFiles(dir string, names []string) []string {
	entries, _ := os.ReadDir(dir)
	var ignored []string
	for _, e := range entries {
		if !slices.Contains(names, e.Name()) && !strings.HasPrefix(e.Name(), ".") {
			ignored = append(ignored, e.Name())
		}
	}
	return ignored
}
