package exercise

import (
	"fmt"
	"html"
	"strings"
)

// Text is the scorecard as plain text, for a terminal and for the
// text/plain copy of the notebook's HTML:
//
//	FAIL copy-all: 4/10 points
//	  ✓ copies every file exactly once (2/2)
//	  ✗ never runs more copies at once than there are workers (0/2)
//	      10 copies ran at once with workers=3: …
//	  ✓ has no data race
func (s *Scorecard) Text() string {
	var b strings.Builder
	b.WriteString(s.Line() + "\n")
	shared := s.Shared()
	shown := s.shown(shared)
	for i, c := range s.Claims {
		fmt.Fprintf(&b, "  %s %s%s\n", mark(c), c.Name, c.score())
		if msg := shown[i]; msg != "" {
			b.WriteString(indent(msg, "      ") + "\n")
		}
	}
	if note, msg := s.footer(shared); note != "" {
		b.WriteString("  " + note + "\n" + indent(msg, "      ") + "\n")
	}
	return b.String()
}

// HTML is the scorecard as the notebook shows it: the same lines as
// [Scorecard.Text], with the marks in colour and each message in a pre
// block, as the grader's feedback shows them. The first line is the
// PASS or FAIL line, as text, for the course's tools to find.
func (s *Scorecard) HTML() string {
	const (
		box    = "font-family: var(--jp-ui-font-family, sans-serif); font-size: 14px; line-height: 1.45; padding: 2px 0"
		head   = "font-family: var(--jp-code-font-family, monospace); font-weight: bold; margin-bottom: 4px; color: %s"
		row    = "margin: 1px 0 1px 8px"
		pre    = "margin: 3px 0 6px 30px; padding: 5px 8px; background: #f6f8fa; border-left: 3px solid %s; white-space: pre-wrap; font-size: 12.5px"
		points = "color: #57606a"
	)
	var b strings.Builder
	verdict := red
	if s.Passed() {
		verdict = green
	}
	fmt.Fprintf(&b, `<div class="goconc-scorecard" data-exercise="%s" data-points="%d" data-max-points="%d" data-passed="%t" style="%s">`,
		html.EscapeString(s.Exercise), s.Points, s.MaxPoints, s.Passed(), box)
	fmt.Fprintf(&b, `<div class="goconc-verdict" style="`+head+`">%s</div>`, verdict, html.EscapeString(s.Line()))
	shared := s.Shared()
	message := func(msg string) {
		fmt.Fprintf(&b, `<pre class="goconc-message" style="`+pre+`">%s</pre>`, red, html.EscapeString(msg))
	}
	shown := s.shown(shared)
	for i, c := range s.Claims {
		color, class := green, "held"
		if !c.Held {
			color, class = red, "failed"
		}
		fmt.Fprintf(&b, `<div class="goconc-claim %s" style="%s"><span style="color: %s; font-weight: bold">%s</span> %s<span style="%s">%s</span></div>`,
			class, row, color, mark(c), html.EscapeString(c.Name), points, html.EscapeString(c.score()))
		if msg := shown[i]; msg != "" {
			message(msg)
		}
	}
	if note, msg := s.footer(shared); note != "" {
		fmt.Fprintf(&b, `<div style="%s">%s</div>`, row, html.EscapeString(note))
		message(msg)
	}
	b.WriteString("</div>")
	return b.String()
}

const (
	green = "#1a7f37"
	red   = "#cf222e"
)

func mark(c Claim) string {
	if c.Held {
		return "✓"
	}
	return "✗"
}

// score is what a claim's row says after its name: its points, or for
// the claim that caps, what it does.
func (c Claim) score() string {
	switch {
	case c.NotRun:
		return " (not run)"
	case c.Caps && c.Held:
		return ""
	case c.Caps:
		return " (scores the exercise 0)"
	}
	return fmt.Sprintf(" (%d/%d)", c.Points, c.MaxPoints)
}

// shown is the message under each claim's row: none when it held or
// did not run, or when every failed claim says the same (said once,
// after the rows); a message some claim above said already (the TODO
// of one of several stubs) is "(same as above)".
func (s *Scorecard) shown(shared string) []string {
	out := make([]string, len(s.Claims))
	if shared != "" {
		return out
	}
	longest := map[string]string{} // a message without where it panicked → its longest form
	for _, c := range s.Claims {
		if k := messageKey(c.Message); len(c.Message) > len(longest[k]) {
			longest[k] = c.Message
		}
	}
	said := map[string]bool{}
	for i, c := range s.Claims {
		if c.Held || c.NotRun || c.Message == "" {
			continue
		}
		k := messageKey(c.Message)
		if out[i] = longest[k]; said[k] {
			out[i] = "(same as above)"
		}
		said[k] = true
	}
	return out
}

// footer is what comes after the rows: the message every failed claim
// shares, or a crash no claim was running at.
func (s *Scorecard) footer(shared string) (note, msg string) {
	switch {
	case shared != "":
		return "Every claim marked ✗ failed the same way:", shared
	case s.Crash != "" && !s.crashedIn:
		return "The check crashed:", s.Crash
	}
	return "", ""
}

func indent(s, prefix string) string {
	return prefix + strings.ReplaceAll(strings.TrimRight(s, "\n"), "\n", "\n"+prefix)
}
