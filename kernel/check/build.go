package check

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/goconc/goconc/kernel/course"
	"github.com/goconc/goconc/kernel/excerpt"
	"github.com/goconc/goconc/kernel/gonbcell"
	"github.com/goconc/goconc/kernel/notebook"
)

// A build is one learner's exercises, every notebook of theirs at
// once, compiled into a single test binary: one package per exercise,
// so a cell that does not compile costs only its own exercise, and one
// runner package that imports every package that did compile. Linking
// a race-enabled binary is the slow step, so it happens once per
// learner, not once per exercise; each exercise then runs alone in a
// process of its own (see run.go).
type build struct {
	work  string
	parts []*buildPart
	bin   string // the runner's test binary; "" when nothing compiled
}

// buildPart is one exercise in a build: its result so far and the
// names the runner gives its check's tests.
type buildPart struct {
	result *ExerciseResult
	topic  string
	dir    string       // package directory under work
	run    *packageRun  // compile errors, when it did not build
	tests  []string     // the runner's test functions for it
	checks []string     // the check cell's Test functions
	ok     bool         // written and compiled: it runs
	cellOK bool         // written: it goes to the compiler
	hidden *hiddenBuild // the instructor's extra checks, if any (extra.go)
}

// submissionModule is the module the exercise packages live in.
const submissionModule = "goconc.local/submission"

func exercisePackage(id string) string { return submissionModule + "/" + id }

// writeModule makes work a module that sees the course through a
// replace directive, with the course's go.sum, so nothing is fetched.
func (ch *Checker) writeModule(work string) error {
	mod := fmt.Sprintf("module %s\n\ngo 1.26.0\n\nrequire %s v0.0.0\n\nreplace %s => %s\n",
		submissionModule, course.ModulePath, course.ModulePath, ch.Course.Root)
	if err := os.WriteFile(filepath.Join(work, "go.mod"), []byte(mod), 0o644); err != nil {
		return err
	}
	sum, err := os.ReadFile(filepath.Join(ch.Course.Root, "go.sum"))
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(work, "go.sum"), sum, 0o644)
}

// cellError is why an exercise could not even be built: it is missing
// or breaks the cell rules.
type cellError struct {
	status Status
	msg    string
}

// writeExercise writes the learner's exercise cell and the course's
// check cell as one package, and returns the check's Test functions.
func (ch *Checker) writeExercise(dir string, ex *notebook.Exercise, learner *notebook.Notebook) ([]string, *cellError) {
	if ex.Check == nil {
		return nil, &cellError{Error, "the course has no check cell for this exercise"}
	}
	mine, err := learner.Exercise(ex.ID)
	if err != nil || mine.Code == nil {
		return nil, &cellError{Missing, fmt.Sprintf("no cell tagged exercise:%s in the notebook", ex.ID)}
	}
	code, err := gonbcell.ExerciseCode(mine.Code.Source())
	if err != nil {
		return nil, &cellError{Error, "exercise cell " + err.Error()}
	}
	exFile, err := gonbcell.CellFile("submission", "exercise cell", code, ch.Course.Root)
	if err != nil {
		return nil, &cellError{Error, "exercise cell " + err.Error()}
	}
	if err := checkImports(exFile, ex.Code.TagValues(AllowTag)); err != nil {
		return nil, &cellError{Error, "exercise cell " + err.Error()}
	}
	checkFile, err := gonbcell.CellFile("submission", "check cell", gonbcell.CheckCode(ex.Check.Source()), ch.Course.Root)
	if err != nil {
		return nil, &cellError{Error, "the course's check cell does not build: " + err.Error()}
	}
	tests := testFuncs(checkFile)
	if len(tests) == 0 {
		return nil, &cellError{Error, "the course's check cell has no Test function"}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, &cellError{Error, err.Error()}
	}
	for name, data := range map[string][]byte{"exercise.go": exFile, "check.go": checkFile} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			return nil, &cellError{Error, err.Error()}
		}
	}
	return tests, nil
}

// testFuncs names the func TestXxx(t *testing.T) of a check file.
func testFuncs(file []byte) []string {
	f, err := parser.ParseFile(token.NewFileSet(), "", file, 0)
	if err != nil {
		return nil
	}
	var names []string
	for _, d := range f.Decls {
		if fn, ok := d.(*ast.FuncDecl); ok && fn.Recv == nil && strings.HasPrefix(fn.Name.Name, "Test") &&
			fn.Type.Params.NumFields() == 1 {
			names = append(names, fn.Name.Name)
		}
	}
	return names
}

// compile builds every exercise package with one `go build -json`
// and records the compile errors of those that fail.
func (ch *Checker) compile(ctx context.Context, b *build) error {
	args := []string{"build", "-json"}
	if ch.Race {
		args = append(args, "-race")
	}
	var pkgs []string
	for _, p := range b.parts {
		if p.cellOK {
			pkgs = append(pkgs, "./"+filepath.Base(p.dir))
		}
	}
	pkgs = append(pkgs, hiddenPackages(b)...)
	if len(pkgs) == 0 {
		return nil
	}
	out, err := ch.goCommand(ctx, b.work, append(args, pkgs...)...)
	runs := readTestEvents(bytes.NewReader(out))
	for _, p := range b.parts {
		if !p.cellOK {
			continue
		}
		if run := runs[exercisePackage(p.result.Exercise)]; run != nil && len(run.build) > 0 {
			run.failed, p.run = true, run
			continue
		}
		p.ok = true
	}
	hiddenCompiled(b, runs)
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		return fmt.Errorf("compiling the exercises: %w", err)
	}
	return nil
}

// link writes the runner package and builds its test binary.
func (ch *Checker) link(ctx context.Context, b *build) error {
	var imports, funcs strings.Builder
	for i, p := range b.parts {
		if !p.ok {
			continue
		}
		fmt.Fprintf(&imports, "\te%d %q\n", i, exercisePackage(p.result.Exercise))
		for _, t := range p.checks {
			name := fmt.Sprintf("%s_%d", t, i)
			p.tests = append(p.tests, name)
			fmt.Fprintf(&funcs, "func %s(t *testing.T) { e%d.%s(t) }\n", name, i, t)
		}
		hiddenRunner(&imports, &funcs, i, p)
	}
	if imports.Len() == 0 {
		return nil
	}
	src := fmt.Sprintf("package runner\n\nimport (\n\t\"testing\"\n%s)\n\n%s", imports.String(), funcs.String())
	dir := filepath.Join(b.work, "runner")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "runner_test.go"), []byte(src), 0o644); err != nil {
		return err
	}
	bin := filepath.Join(b.work, "bin", "runner.test")
	args := []string{"test", "-c", "-vet=off", "-ldflags=-s -w", "-o", bin}
	if ch.Race {
		args = append(args, "-race")
	}
	out, err := ch.goCommand(ctx, b.work, append(args, "./runner")...)
	if err != nil {
		return fmt.Errorf("linking the checks: %v: %s", err, excerpt.First(string(out), 5))
	}
	b.bin = bin
	return os.Chmod(filepath.Dir(bin), 0o755) // the checks may run as nobody
}

// goCommand runs the go command in work, in the sandbox when there is
// one, and returns its output.
func (ch *Checker) goCommand(ctx context.Context, work string, args ...string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, ch.goBin, args...)
	cmd.Dir = work
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOTOOLCHAIN=local", "CGO_ENABLED=1",
		"GOCACHE="+ch.goCache, "GOMODCACHE="+ch.buildReadOnly[1], "HOME=/tmp")
	if ch.Sandbox != nil {
		cmd = ch.Sandbox.Build(cmd, ch.buildReadOnly, []string{work, ch.goCache})
	}
	return cmd.CombinedOutput()
}
