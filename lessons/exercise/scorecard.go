package exercise

import (
	"fmt"
	"regexp"
	"strings"
)

// Scorecard is what a check cell shows a learner in a notebook: the
// exercise, its score, and every claim, held or not, with the message
// of each that did not hold. [ReadScorecard] reads one from the `go
// test -v` output of a [Check]; [Scorecard.Text] and [Scorecard.HTML]
// show it.
type Scorecard struct {
	Exercise          string
	Points, MaxPoints int
	Claims            []Claim
	Capped            bool   // a claim that caps failed: 0 points
	Crash             string // why the check ended early, or ""
	crashedIn         bool   // a claim says so
}

// Claim is one part of a check as the scorecard shows it.
type Claim struct {
	Name              string
	Points, MaxPoints int
	Caps              bool
	Held              bool
	NotRun            bool   // the check ended before it
	Message           string // why it did not hold
}

// Line is the line a check ends with, the one the course's tools look
// for: "PASS fetch-all: 10/10 points", or FAIL with the reason for a
// score capped at 0 or a check that crashed.
func (s *Scorecard) Line() string {
	verdict, why := "PASS", ""
	switch {
	case s.Crash != "":
		verdict, why = "FAIL", " (the check crashed)"
	case s.Capped:
		verdict, why = "FAIL", " (a data race: 0 points until it is gone)"
	case s.Points < s.MaxPoints:
		verdict = "FAIL"
	}
	return fmt.Sprintf("%s %s: %d/%d points%s", verdict, s.Exercise, s.Points, s.MaxPoints, why)
}

// Passed reports whether every point was scored.
func (s *Scorecard) Passed() bool {
	return s.Crash == "" && !s.Capped && s.Points == s.MaxPoints
}

// Shared is the message every failed claim has, when there are several
// and it is the same (an untouched stub's TODO panic), so that it is
// said once rather than once per claim. Messages that differ only in
// where the panic was seen (" (in FetchAll)", or nothing when the check
// could not tell) are the same; the one that says where is kept.
func (s *Scorecard) Shared() string {
	msg, key, failed := "", "", 0
	for _, c := range s.Claims {
		if c.Held || c.NotRun {
			continue
		}
		k := messageKey(c.Message)
		if failed++; failed > 1 && k != key {
			return ""
		}
		if len(c.Message) > len(msg) {
			msg = c.Message
		}
		key = k
	}
	if failed < 2 {
		return ""
	}
	return msg
}

// messageKey is a message without where a panic was seen, to tell the
// same TODO from two claims apart from two different ones.
func messageKey(msg string) string { return panicSiteSuffix.ReplaceAllString(msg, "") }

// panicSiteSuffix is what [Panic.String] adds to a panic's value.
var panicSiteSuffix = regexp.MustCompile(`(?m) \(in [^\n]*\)$`)

var (
	subtestStart = regexp.MustCompile(`^=== (RUN|CONT|NAME)\s+(\S+)`)
	partEnd      = regexp.MustCompile(`^` + partEndPrefix + `(PASS|FAIL) (\S+)$`)
)

// ReadScorecard reads the `go test -v` output of a [Check] of exercise
// id with parts, run as the test named test in a scorecard's child
// process (see showScorecard): each part's subtest, how it ended and
// what it printed. Output that stops early (a panic in a
// goroutine of the learner's ends the test binary, and so do the mutex
// watchdog and the time limit) gives the claims seen so far, the one
// running marked as where it crashed, and the rest as not run.
func ReadScorecard(id, test string, parts []PartScore, output string) Scorecard {
	s := Scorecard{Exercise: id}
	lines := strings.Split(strings.TrimRight(output, "\n"), "\n")
	printed := map[string][]string{} // subtest → its lines
	ended := map[string]string{}     // subtest → PASS, FAIL
	current, crash := "", ""
	for i, l := range lines {
		if m := subtestStart.FindStringSubmatch(l); m != nil {
			current = m[2]
			continue
		}
		if m := partEnd.FindStringSubmatch(l); m != nil {
			ended[test+"/"+m[2]] = m[1]
			current = ""
			continue
		}
		if crash == "" {
			crash = crashText(id, lines[i:])
		}
		if crash != "" {
			break
		}
		if current != "" {
			printed[current] = append(printed[current], l)
		}
	}
	if crash == "" && !regexp.MustCompile(`(?m)^(PASS|FAIL) `+regexp.QuoteMeta(id)+`: \d+/\d+ points`).MatchString(output) {
		crash = "the test program ended before the check did"
	}
	s.Crash = crash
	crashedIn := current
	for _, p := range parts {
		c := Claim{Name: p.Name, MaxPoints: p.Points, Caps: p.Caps}
		sub := test + "/" + SubtestName(p.Name)
		s.MaxPoints += p.Points
		switch {
		case ended[sub] == "PASS":
			c.Held, c.Points = true, p.Points
			s.Points += p.Points
		case ended[sub] == "FAIL":
			c.Message = FailureMessage(CleanOutput(printed[sub]))
		case crash != "" && sub == crashedIn:
			c.Message, s.crashedIn = "the check crashed here: "+crash, true
		default:
			c.NotRun = true
		}
		if c.Caps && !c.Held && !c.NotRun {
			s.Capped = true
		}
		s.Claims = append(s.Claims, c)
	}
	if s.Capped {
		s.Points = 0
	}
	return s
}

// crashText is the message of a crash that starts at lines[0], or "":
// a panic's message up to its goroutine dump (the mutex watchdog's
// "deadlock:" report is several lines), a fatal error's first line, or
// the time limit's message.
func crashText(id string, lines []string) string {
	l := lines[0]
	if rest, ok := strings.CutPrefix(l, "FAIL "+id+": the check was still running"); ok {
		return "it was still running" + rest
	}
	if !strings.HasPrefix(l, "panic: ") && !strings.HasPrefix(l, "fatal error: ") {
		return ""
	}
	var msg []string
	for i, m := range lines {
		if i > 0 && (m == "" || strings.HasPrefix(m, "goroutine ") || strings.HasPrefix(m, "panic: ") || strings.HasPrefix(m, "[signal")) {
			break
		}
		msg = append(msg, strings.TrimPrefix(strings.TrimSuffix(m, " [recovered]"), "\t")) // a message's later lines
	}
	return firstLines(strings.Join(msg, "\n"), 15)
}
