package course

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/goconc/goconc/kernel/gonbcell"
	"github.com/goconc/goconc/kernel/notebook"
)

// Problem is one broken rule: where, and what to do about it.
type Problem struct {
	Notebook string
	Cell     int // -1 for the notebook as a whole
	Message  string
}

func (p Problem) String() string {
	if p.Cell < 0 {
		return fmt.Sprintf("%s: %s", p.Notebook, p.Message)
	}
	return fmt.Sprintf("%s: cell %d: %s", p.Notebook, p.Cell, p.Message)
}

var (
	kebab  = regexp.MustCompile(`^[a-z][a-z0-9]*(-[a-z0-9]+)*$`)
	cellID = regexp.MustCompile(`^[a-zA-Z0-9_-]{1,64}$`)
	// checkCall finds the check a check cell calls: threads.CheckFetchAll(.
	checkCall = regexp.MustCompile(`\b([a-z]+)\.(Check[A-Z]\w*)\(`)
	// testFunc finds a test as go test does: Test, then nothing or a
	// name that does not start with a lower-case letter, taking a
	// *testing.T (not Testable, not TestMain).
	testFunc = regexp.MustCompile(`(?m)^func (Test(?:[^a-z(]\w*)?)\(\s*\w+\s+\*testing\.T\s*\)`)
)

// checkCellFirstLine is the line a check cell starts with: %test
// running the cell's one Test function alone, as GoNB does without
// arguments, but without -test.v, so that the scorecard is all the
// cell shows. It is "" unless the cell has exactly one Test function.
func checkCellFirstLine(src string) string {
	tests := testFunc.FindAllStringSubmatch(src, -1)
	if !strings.Contains(src, "%test") || len(tests) != 1 {
		return ""
	}
	return "%test -test.run=^" + tests[0][1] + "$"
}

// SetupMarker is what the setup cell contains: the replace directive
// that points the notebook's Go module at this repository.
const SetupMarker = "-replace=" + ModulePath + "="

// Lint checks a course notebook against the notebook and exercise
// rules of DESIGN.md. It returns every problem, not just the first.
func (c *Course) Lint(path string) []Problem {
	var ps []Problem
	add := func(cell int, format string, args ...any) {
		ps = append(ps, Problem{filepath.Base(path), cell, fmt.Sprintf(format, args...)})
	}
	nb, err := notebook.Read(path)
	if err != nil {
		add(-1, "%v", err)
		return ps
	}
	if nb.Minor() < 5 {
		add(-1, "nbformat is 4.%d, want 4.5 or later (cell ids)", nb.Minor())
	}
	if nb.KernelName() != "gonb" {
		add(-1, "kernelspec is %q, want gonb", nb.KernelName())
	}
	if want := LessonName(path); nb.Lesson() != want {
		add(-1, "metadata.goconc.lesson is %q, want %q (so a renamed copy is still known)", nb.Lesson(), want)
	}
	seen := map[string]bool{}
	setupSeen := false
	for i, cell := range nb.Cells {
		switch id := cell.ID(); {
		case !cellID.MatchString(id):
			add(i, "cell id %q is missing or not 1-64 letters, digits, - or _", id)
		case seen[id]:
			add(i, "cell id %q is used twice", id)
		}
		seen[cell.ID()] = true
		if len(cell.Outputs()) > 0 || cell.Executed() && cell.Type() == "code" {
			add(i, "course notebooks are stored without outputs (Edit > Clear All Outputs, then save)")
		}
		if cell.Type() == "code" && !setupSeen {
			setupSeen = true
			if !strings.Contains(cell.Source(), SetupMarker) {
				add(i, "the first code cell must be the setup cell (go mod edit %s..)", SetupMarker)
			}
		}
	}
	if !setupSeen {
		add(-1, "no code cells, so no setup cell")
	}
	ids := map[string]bool{}
	for _, ex := range nb.Exercises() {
		ids[ex.ID] = true
		ps = append(ps, c.lintExercise(nb, filepath.Base(path), ex)...)
	}
	for i, cell := range nb.Cells {
		if id, ok := cell.TagValue("uses"); ok {
			if !ids[id] {
				add(i, "tagged uses:%s, but the notebook has no exercise %s", id, id)
			}
			if !cell.HasTag("raises-exception") {
				add(i, "tagged uses:%s, so it fails until the exercise is solved: tag it raises-exception too", id)
			}
		}
	}
	return ps
}

// lintExercise checks the four parts of an exercise: task, exercise
// cell, check cell, and the solution and check in the course.
func (c *Course) lintExercise(nb *notebook.Notebook, name string, ex *notebook.Exercise) []Problem {
	var ps []Problem
	add := func(cell int, format string, args ...any) {
		ps = append(ps, Problem{name, cell, fmt.Sprintf("exercise %s: %s", ex.ID, fmt.Sprintf(format, args...))})
	}
	if !kebab.MatchString(ex.ID) {
		add(ex.CodeAt, "the id is not kebab-case")
	}
	if ex.Code == nil {
		add(ex.CheckAt, "a check cell without an exercise cell tagged exercise:%s", ex.ID)
		return ps
	}
	if ex.Task == nil || !strings.Contains(ex.Task.Source(), "`"+ex.ID+"`") {
		add(ex.CodeAt, "the cell before the exercise cell must be its task, a markdown cell naming `%s`", ex.ID)
	}
	if _, err := gonbcell.ExerciseCode(ex.Code.Source()); err != nil {
		add(ex.CodeAt, "%v", err)
	} else if msg := gonbcell.StubProblem(ex.Code.Source()); msg != "" {
		add(ex.CodeAt, "%s", msg)
	}
	switch {
	case ex.Check == nil:
		add(ex.CodeAt, "no check cell tagged check:%s", ex.ID)
	case ex.CheckAt < ex.CodeAt:
		add(ex.CheckAt, "the check cell comes before the exercise cell")
	default:
		src := ex.Check.Source()
		if want := checkCellFirstLine(src); want == "" {
			add(ex.CheckAt, "the check cell must be a %%test cell with one Test function")
		} else if first, _, _ := strings.Cut(src, "\n"); first != want {
			add(ex.CheckAt, "the check cell's first line must be %s: a bare %%test adds -test.v, whose === RUN line comes above the scorecard, "+
				"and runs the tests of the notebook's earlier check cells too", want)
		}
		if !ex.Check.HasTag("raises-exception") {
			add(ex.CheckAt, "the check cell must be tagged raises-exception, so Run All goes on past an unsolved exercise")
		}
		topic := Topic(nb.Path)
		m := checkCall.FindStringSubmatch(src)
		if m == nil {
			add(ex.CheckAt, "the check cell calls no %s.Check… function", topic)
		} else if !c.hasFunc(filepath.Join("lessons", topic), m[2]) {
			add(ex.CheckAt, "lessons/%s has no func %s", topic, m[2])
		}
	}
	if _, err := os.Stat(c.SolutionPath(Topic(nb.Path), ex.ID)); err != nil {
		add(ex.CodeAt, "no solution at %s", strings.TrimPrefix(c.SolutionPath(Topic(nb.Path), ex.ID), c.Root+"/"))
	}
	return ps
}

// hasFunc reports whether the package in dir declares func name.
func (c *Course) hasFunc(dir, name string) bool {
	files, _ := filepath.Glob(filepath.Join(c.Root, dir, "*.go"))
	for _, file := range files {
		if strings.HasSuffix(file, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), file, nil, parser.SkipObjectResolution)
		if err != nil {
			continue
		}
		for _, d := range f.Decls {
			if fn, ok := d.(*ast.FuncDecl); ok && fn.Recv == nil && fn.Name.Name == name {
				return true
			}
		}
	}
	return false
}

// LintCourse lints the given notebooks (all of the course's when none
// are given) and checks that exercise ids are unique across them.
func (c *Course) LintCourse(paths []string) ([]Problem, error) {
	if len(paths) == 0 {
		var err error
		if paths, err = c.Notebooks(); err != nil {
			return nil, err
		}
	}
	var ps []Problem
	owner := map[string]string{}
	for _, p := range paths {
		ps = append(ps, c.Lint(p)...)
		nb, err := notebook.Read(p)
		if err != nil {
			continue
		}
		for _, ex := range nb.Exercises() {
			if o, dup := owner[ex.ID]; dup {
				ps = append(ps, Problem{filepath.Base(p), ex.CodeAt, fmt.Sprintf("exercise id %s is also used in %s", ex.ID, o)})
			}
			owner[ex.ID] = filepath.Base(p)
		}
	}
	return ps, nil
}
