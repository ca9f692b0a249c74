package check

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/goconc/goconc/kernel/excerpt"
	"github.com/goconc/goconc/lessons/exercise"
)

// A hiddenBuild is the instructor's extra checks of one exercise in a
// learner's build: a package of its own beside the exercise's, made of
// a copy of the learner's exercise cell and the instructor's files.
// Being apart, a file that does not compile with this learner's code
// (a helper named like one of theirs) costs the hidden claims alone,
// never the course's, and its errors are not the exercise's message.
type hiddenBuild struct {
	dir     string   // the package directory, <exercise dir>/hidden
	checks  []string // the Test functions of the instructor's files
	tests   []string // the runner's names for them, in order
	ok      bool     // written and compiled: it runs
	problem string   // why not, for the instructor (names their files)
}

// hiddenSuffix ends the runner's names of the extra checks' tests.
const hiddenSuffix = "_hidden"

// hiddenRaceMessage is what the course's race claim says when a data
// race showed up while the hidden claims ran: the learner's code raced,
// and nothing of the hidden claims is named.
const hiddenRaceMessage = "the race detector reported a data race while the instructor's hidden claims ran your code: " +
	"a data race makes every other result luck, so this exercise scores 0 points until it is gone"

func hiddenPackage(id string) string { return exercisePackage(id) + "/hidden" }

// write lays out p's hidden package, when the instructor has extra
// checks for its exercise; nil when there are none.
func (x *ExtraChecks) write(p *buildPart) *hiddenBuild {
	if x == nil || len(x.files[p.result.Exercise]) == 0 {
		return nil
	}
	h := &hiddenBuild{dir: filepath.Join(p.dir, "hidden"), checks: x.checks[p.result.Exercise]}
	mine, err := os.ReadFile(filepath.Join(p.dir, "exercise.go"))
	if err == nil {
		err = os.MkdirAll(h.dir, 0o755)
	}
	if err == nil {
		err = os.WriteFile(filepath.Join(h.dir, "exercise.go"), mine, 0o644)
	}
	for i, f := range x.files[p.result.Exercise] {
		if err == nil {
			err = os.WriteFile(filepath.Join(h.dir, fmt.Sprintf("extra%d.go", i)), f.src, 0o644)
		}
	}
	if err != nil {
		h.problem = "writing the extra checks: " + err.Error()
	}
	return h
}

// hiddenPackages are the hidden packages for the compiler to build.
func hiddenPackages(b *build) []string {
	var pkgs []string
	for _, p := range b.parts {
		if p.cellOK && p.hidden != nil && p.hidden.problem == "" {
			pkgs = append(pkgs, "./"+filepath.Base(p.dir)+"/hidden")
		}
	}
	return pkgs
}

// hiddenCompiled records which hidden packages compiled, and the
// compiler's words for those that did not.
func hiddenCompiled(b *build, runs map[string]*packageRun) {
	for _, p := range b.parts {
		h := p.hidden
		if h == nil || h.problem != "" || !p.ok {
			continue // the exercise itself did not build: nothing of it runs
		}
		if run := runs[hiddenPackage(p.result.Exercise)]; run != nil && len(run.build) > 0 {
			h.problem = "the extra checks do not compile with this code:\n" +
				excerpt.First(strings.Join(compileErrors(run), "\n"), 12)
			continue
		}
		h.ok = true
	}
}

// hiddenRunner adds p's hidden tests to the runner, after the course's
// own, so the course's check runs first and untouched by them.
func hiddenRunner(imports, funcs *strings.Builder, i int, p *buildPart) {
	h := p.hidden
	if h == nil || !h.ok {
		return
	}
	fmt.Fprintf(imports, "\th%d %q\n", i, hiddenPackage(p.result.Exercise))
	for _, t := range h.checks {
		name := fmt.Sprintf("%s_%d%s", t, i, hiddenSuffix)
		h.tests = append(h.tests, name)
		p.tests = append(p.tests, name)
		fmt.Fprintf(funcs, "func %s(t *testing.T) { h%d.%s(t) }\n", name, i, t)
	}
}

// score adds the hidden claims to p's result, scored like the course's
// (score.go) from the same run, and marked Hidden. A data race while
// they ran fails the course's race claim, as a race anywhere does. The
// exercise's message stays the course's when the course's claims lost
// points; otherwise it says how many hidden claims hold, and no more.
func (x *ExtraChecks) score(p *buildPart, run *packageRun) {
	h, r := p.hidden, p.result
	if x == nil || h == nil || len(r.Parts) == 0 {
		return // nothing ran: fillMaxPoints says what all was worth
	}
	if !h.ok {
		r.HiddenProblem = h.problem
		x.notRun(r, Error, "not run: the extra checks could not be built with this code")
		hiddenVerdict(r, false)
		return
	}
	timedOut := strings.Contains(allOutput(run), "panic: test timed out after")
	raced := false
	for j, test := range h.tests {
		claims := x.claimsOf(r.Exercise, h.checks[j])
		if claims == nil { // validating: the claims are what the check says they are
			claims = x.learn(r.Exercise, h.checks[j], manifestOf(run, test))
		}
		for _, c := range claims {
			part := scorePart(run, test, c, timedOut)
			part.Hidden = true
			addPart(r, part)
		}
		_, action := findPart(run, test, exercise.NoRaceClaim)
		raced = raced || action == "fail"
	}
	hiddenVerdict(r, raced)
}

// notRun adds the hidden claims of r's exercise, unscored, with status
// and message: what they were worth, so every learner's max points are
// the same whatever happened.
func (x *ExtraChecks) notRun(r *ExerciseResult, status Status, message string) {
	if x == nil {
		return
	}
	for _, check := range x.checks[r.Exercise] {
		for _, c := range x.claimsOf(r.Exercise, check) {
			addPart(r, PartResult{Name: c.Name, Status: status, MaxPoints: c.Points, Message: message, Hidden: true})
		}
	}
}

func addPart(r *ExerciseResult, part PartResult) {
	r.Parts = append(r.Parts, part)
	r.Points += part.Points
	r.MaxPoints += part.MaxPoints
}

// hiddenVerdict settles the exercise once its hidden claims are in.
func hiddenVerdict(r *ExerciseResult, raced bool) {
	if raced {
		for i := range r.Parts {
			if p := &r.Parts[i]; p.caps && !p.Hidden && p.Status == Pass {
				p.Status, p.Message = Fail, hiddenRaceMessage
			}
		}
	}
	if race := capRaces(r); race != nil {
		if r.Status == Pass {
			r.Status, r.Message = Fail, race.Name+": "+excerpt.First(race.Message, 1)
		}
		return
	}
	if r.Status != Pass {
		return // the course's own claims say why
	}
	held, n, worst := 0, 0, Pass
	for _, p := range r.Parts {
		if !p.Hidden {
			continue
		}
		n++
		switch {
		case p.Status == Pass:
			held++
		case worst == Pass || worst == Fail:
			worst = p.Status
		}
	}
	if worst == Pass {
		return
	}
	r.Status = worst
	r.Message = fmt.Sprintf("%d of %s hold", held, plural(n, "hidden claim"))
	switch worst {
	case Timeout:
		r.Message += ": your code ran out of time in one (an endless loop, or goroutines waiting for each other?)"
	case Error:
		r.Message += ": your code crashed in one, or they could not run with it"
	}
}

// manifestOf is the manifest printed by the test named test.
func manifestOf(run *packageRun, test string) []exercise.PartScore {
	for i, m := range run.manifests {
		if run.inTest[i] == test {
			return m.Parts
		}
	}
	return nil
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}
