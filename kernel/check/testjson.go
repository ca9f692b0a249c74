package check

import (
	"bufio"
	"encoding/json"
	"io"
	"strings"

	"github.com/goconc/goconc/lessons/exercise"
)

// testEvent is one line of `go test -json` (cmd/test2json), including
// the build events that carry compiler output.
type testEvent struct {
	Action      string
	Package     string
	Test        string
	Output      string
	ImportPath  string
	FailedBuild string
}

// packageRun is everything `go test -json` said about one package: the
// check's manifest, each test's outcome and output, and the package's
// own output (build errors, a crash outside any test, a timeout).
type packageRun struct {
	manifests []exercise.Manifest // one per check that ran
	inTest    []string            // the test that printed each manifest
	action    map[string]string   // test name → pass, fail or skip
	output    map[string][]string // test name ("" for the package) → lines
	build     []string            // compiler output
	failed    bool                // the package as a whole failed
	done      bool                // the package reported pass or fail
}

// readTestEvents sorts a `go test -json` stream by package.
func readTestEvents(r io.Reader) map[string]*packageRun {
	runs := map[string]*packageRun{}
	get := func(pkg string) *packageRun {
		if runs[pkg] == nil {
			runs[pkg] = &packageRun{action: map[string]string{}, output: map[string][]string{}}
		}
		return runs[pkg]
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var e testEvent
		if json.Unmarshal(sc.Bytes(), &e) != nil {
			continue // a line that is not an event: go's own chatter
		}
		switch {
		case e.Action == "build-output":
			pkg, _, _ := strings.Cut(e.ImportPath, " [") // "p [p.test]" is p's test build
			get(pkg).build = append(get(pkg).build, strings.TrimRight(e.Output, "\n"))
		case e.Package == "":
		case e.Action == "output":
			p := get(e.Package)
			line := strings.TrimRight(e.Output, "\n")
			if m, ok := strings.CutPrefix(line, exercise.ManifestPrefix); ok {
				var man exercise.Manifest
				if json.Unmarshal([]byte(m), &man) == nil {
					p.manifests = append(p.manifests, man)
					p.inTest = append(p.inTest, e.Test)
				}
				continue
			}
			p.output[e.Test] = append(p.output[e.Test], line)
		case e.Action == "pass" || e.Action == "fail" || e.Action == "skip":
			p := get(e.Package)
			if e.Test != "" {
				p.action[e.Test] = e.Action
			} else {
				p.done, p.failed = true, e.Action == "fail"
			}
		}
	}
	return runs
}
