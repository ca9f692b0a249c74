package exercise

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/goconc/goconc/lessons/internal/gonbpipe"
)

// In a notebook, a check cell shows a [Scorecard] instead of the
// testing package's `go test -v` output. GoNB runs the cell's test
// binary with -test.v, which prints every subtest's RUN and FAIL lines
// and each stub's TODO once per claim. So [Check], when it sees it runs
// under GoNB, runs its own test again in a child process of the same
// binary, reads the child's output, and shows the scorecard, as HTML
// with a plain-text copy. The child runs the parts exactly as `go
// test`, `goconc check` and the grader do: those run outside GoNB, and
// the scorecard never replaces their output.
//
// GOCONC_SCORECARD=text (or html) asks for the scorecard outside GoNB,
// printed to standard output; the course's own tests use it.
const (
	scorecardEnv   = "GOCONC_SCORECARD"
	scorecardChild = "GOCONC_SCORECARD_CHILD" // set in the child: run the parts
	childOutputCap = 4 << 20                  // bytes of the child's output read
)

// inScorecardChild is true in the child that runs a check for a
// scorecard: Check prints a line after each part (partEndPrefix), as
// the testing package says how a subtest ended only when its parent
// does, which a crash may never reach.
var inScorecardChild = os.Getenv(scorecardChild) != ""

// partEndPrefix starts the line "goconc-part: PASS returns_the_sum".
const partEndPrefix = "goconc-part: "

// scorecardMode is "html", "text", or "" to run the parts here.
func scorecardMode() string {
	for _, env := range []string{"GOCONC_REPORT", "GOCONC_MANIFEST", scorecardChild} {
		if os.Getenv(env) != "" {
			return ""
		}
	}
	if m := os.Getenv(scorecardEnv); m == "text" || m == "html" {
		return m
	}
	if gonbpipe.InNotebook {
		return "html"
	}
	return ""
}

// showScorecard runs the check of t in a child process and shows its
// scorecard. The testing package's own lines after it (--- FAIL, FAIL)
// are not shown: the scorecard said it all. In GoNB the cell does not
// fail when points are missing: GoNB would add "exit status 1" twice
// (once as text, once in a red box) under a scorecard that already
// says FAIL in red. With GOCONC_SCORECARD, in a terminal, t fails as a
// check does, for the exit status.
func showScorecard(t *testing.T, mode string, m Manifest) {
	out, err := runChild(t.Name())
	s := ReadScorecard(m.Exercise, t.Name(), m.Parts, out)
	if err != nil && s.Crash == "" && s.Passed() {
		s.Crash = "the test program failed: " + err.Error()
	}
	if places := newCellLines(m.Exercise); places != nil {
		for i := range s.Claims {
			s.Claims[i].Message = places.rewrite(s.Claims[i].Message)
		}
		s.Crash = places.rewrite(s.Crash)
	}
	switch mode {
	case "text":
		fmt.Print(s.Text())
	case "html":
		if os.Getenv(scorecardEnv) == "html" {
			fmt.Println(s.HTML())
			break
		}
		if err := gonbpipe.Show(s.HTML(), s.Text()); err != nil {
			fmt.Printf("%s(no HTML scorecard: %v)\n", s.Text(), err)
		}
	}
	os.Stdout.Sync()
	silenceStdout()
	if !s.Passed() && os.Getenv(scorecardEnv) != "" {
		t.Fail()
	}
}

// runChild runs the test named test of this binary in a child process,
// outside GoNB, and returns what it printed (stdout and stderr, where
// a crash and the race detector write), cut at childOutputCap. The
// child has the check's own time limit; the parent gives it a little
// more before it stops it.
func runChild(test string) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), notebookLimit+30*time.Second)
	defer cancel()
	var pattern []string
	for _, level := range strings.Split(test, "/") {
		pattern = append(pattern, "^"+regexp.QuoteMeta(level)+"$")
	}
	cmd := exec.CommandContext(ctx, os.Args[0], "-test.run="+strings.Join(pattern, "/"), "-test.v", "-test.count=1")
	for _, e := range os.Environ() {
		name, _, _ := strings.Cut(e, "=")
		if !slices.Contains(gonbpipe.Env, name) && name != scorecardEnv {
			cmd.Env = append(cmd.Env, e)
		}
	}
	cmd.Env = append(cmd.Env, scorecardChild+"=1")
	var out bytes.Buffer
	w := &capped{w: &out, left: childOutputCap}
	cmd.Stdout, cmd.Stderr = w, w
	err := cmd.Run()
	return out.String(), err
}

// capped writes up to left bytes to w and drops the rest, so that a
// learner's endless printing cannot fill the memory.
type capped struct {
	w    io.Writer
	left int
}

func (c *capped) Write(p []byte) (int, error) {
	n := len(p)
	if len(p) > c.left {
		p = p[:c.left]
	}
	c.left -= len(p)
	c.w.Write(p)
	return n, nil
}
