package exercise

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
)

// Part is one claim a check proves, worth Points when it holds. Its
// Name reads as a sentence about the learner's code ("returns the
// pages in the order given"), because it is what the learner reads
// when the claim fails.
type Part struct {
	Name   string
	Points int
	Run    func(t *testing.T)
	// Caps marks a claim whose failure scores the whole exercise 0
	// points: [NoRaceClaim], which Check adds to every exercise.
	Caps bool
}

// Manifest is what an exercise is worth, part by part. It is printed
// on one line after [ManifestPrefix] for the course's tools to read.
type Manifest struct {
	Exercise string      `json:"exercise"`
	Parts    []PartScore `json:"parts"`
}

// PartScore names a part and its points.
type PartScore struct {
	Name   string `json:"name"`
	Points int    `json:"points"`
	Caps   bool   `json:"caps,omitempty"`
}

// ManifestPrefix starts the line that carries a [Manifest].
const ManifestPrefix = "goconc-manifest: "

// Check runs the parts of exercise id as subtests of t, in order, and
// ends with one line the learner can read at a glance:
//
//	PASS fetch-all: 10/10 points
//
// In a notebook (GoNB) it shows a [Scorecard] instead: see showScorecard.
//
// A part that panics fails with the panic's message; the parts after
// it still run. Check ends with [NoRaceClaim]: a data race anywhere in
// the check scores the exercise 0 points.
func Check(t *testing.T, id string, parts ...Part) {
	t.Helper()
	parts = append(parts[:len(parts):len(parts)], noRacePart(RacesSoFar()))
	m := manifest(id, parts)
	if os.Getenv("GOCONC_MANIFEST") != "" || os.Getenv("GOCONC_REPORT") != "" {
		line, err := json.Marshal(m)
		if err != nil {
			t.Fatalf("exercise %s: %v", id, err)
		}
		fmt.Println(ManifestPrefix + string(line))
	}
	if os.Getenv("GOCONC_MANIFEST") != "" {
		t.SkipNow()
	}
	if mode := scorecardMode(); mode != "" {
		showScorecard(t, mode, m)
		return
	}
	_, hasDeadline := t.Deadline()
	defer guardUnlimited(id, hasDeadline)()
	got, total, capped := 0, 0, false
	for _, p := range parts {
		total += p.Points
		held := t.Run(p.Name, func(t *testing.T) {
			defer failOnPanic(t)
			p.Run(t)
		})
		if inScorecardChild {
			fmt.Printf("%s%s %s\n", partEndPrefix, map[bool]string{true: "PASS", false: "FAIL"}[held], SubtestName(p.Name))
		}
		if held {
			got += p.Points
		} else if p.Caps {
			capped = true
		}
	}
	verdict, why := "PASS", ""
	switch {
	case capped:
		verdict, got, why = "FAIL", 0, " (a data race: 0 points until it is gone)"
	case got < total:
		verdict = "FAIL"
	}
	fmt.Printf("%s %s: %d/%d points%s\n", verdict, id, got, total, why)
}

// manifest lists the parts and panics on names that would make the
// subtests hard to tell apart: a course bug, caught by its own tests.
func manifest(id string, parts []Part) Manifest {
	m := Manifest{Exercise: id}
	seen := map[string]bool{}
	for _, p := range parts {
		if p.Name == "" || seen[p.Name] || strings.ContainsAny(p.Name, "/#\n") {
			panic(fmt.Sprintf("exercise %s: part name %q is empty, repeated or has / # or a newline", id, p.Name))
		}
		seen[p.Name] = true
		m.Parts = append(m.Parts, PartScore{p.Name, p.Points, p.Caps})
	}
	return m
}

// SubtestName is the name the testing package gives the subtest that
// runs part: spaces become underscores.
func SubtestName(part string) string {
	return strings.ReplaceAll(part, " ", "_")
}

// Subtest is the full name of the subtest that runs part in a check
// run by the test named test: "TestBadFetchAll/handles_an_empty_list".
func Subtest(test, part string) string { return test + "/" + SubtestName(part) }

// failOnPanic turns a panic in the learner's code into a failed part,
// so that one unfinished stub does not hide the other claims.
func failOnPanic(t *testing.T) {
	if r := recover(); r != nil {
		notePanic(r)
		t.Errorf("your code panicked: %v", r)
	}
}
