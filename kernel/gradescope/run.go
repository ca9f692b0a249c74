package gradescope

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/goconc/goconc/kernel/check"
	"github.com/goconc/goconc/kernel/course"
	"github.com/goconc/goconc/kernel/grade"
	"github.com/goconc/goconc/kernel/internal/atomicfile"
	"github.com/goconc/goconc/kernel/notebook"
	"github.com/goconc/goconc/kernel/sandbox"
)

// Root is where Gradescope lays out an autograder: source/ (the zip),
// submission/ (the learner's upload) and results/ (results.json).
const Root = "/autograder"

// The sandboxes Run may grade in (Config.Sandbox).
const (
	SandboxAuto       = "auto"       // bubblewrap if it starts here, else rlimits
	SandboxBubblewrap = "bubblewrap" // bubblewrap, or the grader's own failure
	SandboxRlimits    = "rlimits"    // sandbox.RlimitsOnly
)

// Config is one run of the autograder.
type Config struct {
	Root      string        // the /autograder tree
	CourseDir string        // the course checkout; "": Root/source
	Notebooks []string      // the notebooks to grade ("01-threads"); none: all
	Timeout   time.Duration // for one exercise's checks
	Sandbox   string        // SandboxAuto, SandboxBubblewrap or SandboxRlimits
	Log       io.Writer     // what the instructor sees (Gradescope's stdout)
	// ExtraChecks, when set, is a folder of the instructor's hidden
	// checks (check.LoadExtraChecks), run with the course's and
	// counted; results.json marks their tests hidden.
	ExtraChecks string
}

// Run grades the submission in cfg.Root/submission and writes
// cfg.Root/results/results.json, always: what the grader could not do
// (no notebook, a broken course, a panic of its own) becomes a
// top-level output with score 0. The error is only for a results.json
// that could not be written.
func Run(ctx context.Context, cfg Config) error {
	start := time.Now()
	if cfg.Log == nil {
		cfg.Log = io.Discard
	}
	res := safely(func() (Results, error) { return gradeSubmission(ctx, cfg) })
	res.ExecutionTime = int(time.Since(start).Round(time.Second).Seconds())
	fmt.Fprintf(cfg.Log, "score %v in %ds; %d tests\n", res.Score, res.ExecutionTime, len(res.Tests))
	data, err := json.MarshalIndent(res, "", "  ")
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Join(cfg.Root, "results"), 0o755); err != nil {
		return err
	}
	return atomicfile.WriteFile(filepath.Join(cfg.Root, "results", "results.json"), append(data, '\n'))
}

// safely runs grading, turning its error or panic into Failure.
func safely(do func() (Results, error)) (res Results) {
	defer func() {
		if p := recover(); p != nil {
			res = Failure(fmt.Sprintf("The autograder crashed (%v) before it could grade your submission. "+
				"This is not your code's fault: tell your instructor.", p))
		}
	}()
	res, err := do()
	if err != nil {
		return Failure(err.Error())
	}
	return res
}

// gradeSubmission grades the submission as one learner of a class.
// Its error is for the learner to read as the top-level output.
func gradeSubmission(ctx context.Context, cfg Config) (Results, error) {
	dir := cfg.CourseDir
	if dir == "" {
		dir = filepath.Join(cfg.Root, "source")
	}
	c, err := course.Find(dir)
	if err != nil {
		return Results{}, graderTrouble(err)
	}
	ch := check.New(c)
	if cfg.Timeout > 0 {
		ch.Timeout = cfg.Timeout
	}
	names, err := notebooksToGrade(ch, cfg.Notebooks)
	if err != nil {
		return Results{}, graderTrouble(err)
	}
	class, err := os.MkdirTemp("", "goconc-gradescope-")
	if err != nil {
		return Results{}, graderTrouble(err)
	}
	defer os.RemoveAll(class)
	learner := filepath.Join(class, "submission")
	found, others, err := gather(filepath.Join(cfg.Root, "submission"), learner)
	if err != nil {
		return Results{}, graderTrouble(err)
	}
	if err := handedIn(c, learner, names, found, others); err != nil {
		return Results{}, err
	}
	note, err := pickSandbox(ch, cfg.Sandbox)
	if err != nil {
		return Results{}, graderTrouble(err)
	}
	fmt.Fprintln(cfg.Log, note)
	if err := loadExtra(ctx, ch, cfg); err != nil {
		return Results{}, graderTrouble(err)
	}
	g := &grade.Grader{Checker: ch, Jobs: 1, Notebooks: names}
	results, err := g.Grade(ctx, class)
	if ctx.Err() != nil {
		return Results{}, errors.New("Grading was stopped before it finished (by the autograder's time limit?). " +
			"Nothing of it counts: tell your instructor.")
	}
	if err != nil {
		return Results{}, graderTrouble(err)
	}
	return FromStudent(results[0], note)
}

// notebooksToGrade are the file names of the course notebooks named,
// or of all when none is.
func notebooksToGrade(ch *check.Checker, named []string) ([]string, error) {
	if len(named) > 0 {
		return grade.SelectNotebooks(ch, named)
	}
	all, err := ch.Course.Notebooks()
	names := make([]string, len(all))
	for i, p := range all {
		names[i] = filepath.Base(p)
	}
	return names, err
}

// handedIn says, as the learner's error, when the submission holds no
// copy of any notebook to grade.
func handedIn(c *course.Course, dir string, names, found, others []string) error {
	copies, err := c.LearnerCopies(dir)
	if err != nil {
		return graderTrouble(err)
	}
	for _, n := range names {
		if _, err := os.Stat(copies.Path(n)); err == nil {
			return nil
		}
	}
	want := strings.Join(names, ", ")
	switch {
	case len(found) > 0:
		return fmt.Errorf("None of the notebooks you uploaded (%s) is a copy of %s: "+
			"neither its metadata (goconc.lesson, which Jupyter keeps when you save or rename it) nor its name says so. "+
			"Upload the notebook you worked in, from Jupyter's File › Download.", strings.Join(first(whatIs(c, dir, found), 10), ", "), want)
	case len(others) > 0:
		return fmt.Errorf("Your submission has no notebook (.ipynb file), only %s. Upload %s, the notebook you worked in.",
			strings.Join(first(others, 10), ", "), want)
	}
	return fmt.Errorf("Your submission is empty. Upload %s, the notebook you worked in.", want)
}

// whatIs names each notebook with the lesson it is a copy of, if any:
// "homework.ipynb (03-locks)".
func whatIs(c *course.Course, dir string, files []string) []string {
	named := make([]string, len(files))
	for i, f := range files {
		named[i] = f
		if nb, err := notebook.Read(filepath.Join(dir, f)); err == nil {
			if lesson := c.CourseNotebookOf(nb); lesson != "" {
				named[i] += " (" + course.LessonName(lesson) + ")"
			}
		}
	}
	return named
}

func first(s []string, n int) []string {
	if len(s) > n {
		return append(s[:n:n], fmt.Sprintf("and %d more", len(s)-n))
	}
	return s
}

// graderTrouble is the grader's own failure, told to the learner.
func graderTrouble(err error) error {
	return fmt.Errorf("The autograder could not grade your submission (%v). "+
		"This is not your code's fault: tell your instructor.", err)
}

// pickSandbox sets ch's sandbox as asked and says, for the output,
// what isolated the learner's code.
func pickSandbox(ch *check.Checker, how string) (string, error) {
	const race = "Graded with the race detector"
	var err error
	switch how {
	case SandboxAuto, SandboxBubblewrap, "":
		if ch.Sandbox, err = sandbox.New(); err == nil {
			return race + ", in the bubblewrap sandbox.", nil
		}
		if how == SandboxBubblewrap {
			return "", err
		}
		why := err
		if ch.Sandbox, err = sandbox.RlimitsOnly(); err != nil {
			return "", errors.Join(why, err)
		}
		return fmt.Sprintf("%s, without the bubblewrap sandbox, which cannot start in this container (%s); "+
			"this container grades your submission alone, and your code ran under rlimits%s.", race,
			strings.TrimPrefix(why.Error(), "bubblewrap cannot start a sandbox here: "), asNobody()), nil
	case SandboxRlimits:
		if ch.Sandbox, err = sandbox.RlimitsOnly(); err != nil {
			return "", err
		}
		return race + ", without the bubblewrap sandbox (as the instructor chose); your code ran under rlimits" + asNobody() + ".", nil
	}
	return "", fmt.Errorf("no sandbox %q: want %s, %s or %s", how, SandboxAuto, SandboxBubblewrap, SandboxRlimits)
}

func asNobody() string {
	if os.Getuid() == 0 {
		return " as user nobody"
	}
	return ""
}
