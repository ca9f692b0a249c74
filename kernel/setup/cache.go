package setup

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/goconc/goconc/kernel/excerpt"
)

// CellFlags are the build flags the notebooks' setup cells give GoNB
// (`%goflags`). The cache is warmed with the same flags, or a cell would
// find nothing of it: keep the two in step (a test reads the notebooks).
var CellFlags = []string{"-race", "-mod=mod", "-ldflags=-s -w"}

// cellImports are the packages the course's cells import, or goimports
// adds for them, besides the course's own lessons.
var cellImports = []string{
	"golang.org/x/sync/errgroup", "bufio", "bytes", "context", "errors", "fmt", "io", "math",
	"os", "os/exec", "os/signal", "path", "path/filepath", "runtime", "runtime/pprof",
	"slices", "strconv", "strings", "sync", "sync/atomic", "testing/synctest", "time",
}

// warmCache builds, once, what the course's cells import, with the
// flags their setup cells use, so that a learner's first cell compiles
// only itself: about 1 s instead of 9 to 13 s with an empty build cache.
// The module is laid out as GoNB lays out a notebook's (a go.mod that
// requires and replaces the course, a main.go, a main_test.go for the
// %test cells), so the build cache keys are the cells'.
func (s *Installer) warmCache() (string, error) {
	took, err := warmBuild(s.Course.Root, nil)
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("the course's cells built once with %s (%.0fs)", strings.Join(CellFlags, " "), took.Seconds()), nil
}

// warmBuild builds what the cells of the course at root import, with
// env added to ours (a class install's GOCACHE and GOPATH), and
// returns how long it took.
func warmBuild(root string, env []string) (time.Duration, error) {
	dir, err := os.MkdirTemp("", "goconc-warm-")
	if err != nil {
		return 0, err
	}
	defer os.RemoveAll(dir)
	list := exec.Command("go", "list", "./lessons/...")
	list.Dir, list.Env = root, append(os.Environ(), env...)
	var stderr strings.Builder
	list.Stderr = &stderr
	out, err := list.Output()
	lessons := string(out)
	if err != nil {
		return 0, fmt.Errorf("go list ./lessons/...: %s", excerpt.Last(stderr.String(), 2))
	}
	var main strings.Builder
	main.WriteString("package main\n\nimport (\n")
	for _, p := range append(strings.Fields(lessons), cellImports...) {
		if strings.Contains(p+"/", "/internal/") {
			continue // not importable from a cell's module; its importers build it
		}
		fmt.Fprintf(&main, "\t_ %q\n", p)
	}
	main.WriteString(")\n\nfunc main() {}\n")
	goSum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		return 0, err
	}
	files := map[string]string{
		"go.mod":       "module gonb_warm\n\ngo 1.26.0\n\nrequire github.com/goconc/goconc v0.0.0\n\nreplace github.com/goconc/goconc => " + root + "\n",
		"go.sum":       string(goSum),
		"main.go":      main.String(),
		"main_test.go": "package main\n\nimport \"testing\"\n\nfunc TestWarm(t *testing.T) {}\n",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			return 0, err
		}
	}
	start := time.Now()
	for _, args := range [][]string{
		append(append([]string{"build"}, CellFlags...), "-o", os.DevNull, "."),
		append(append([]string{"test"}, CellFlags...), "-c", "-o", os.DevNull, "."),
	} {
		cmd := exec.Command("go", args...)
		cmd.Dir, cmd.Env = dir, append(os.Environ(), env...)
		if out, err := cmd.CombinedOutput(); err != nil {
			return 0, fmt.Errorf("go %s: %s", args[0], excerpt.Last(string(out), 3))
		}
	}
	return time.Since(start), nil
}
