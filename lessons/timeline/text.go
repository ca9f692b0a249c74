package timeline

import (
	"strings"
	"time"
	"unicode/utf8"
)

// Text layout, in columns.
const (
	textColumns     = 72 // whole line, to fit a terminal or a notebook's text output
	minLaneNameCols = 4
	maxLaneNameCols = 16
)

// Text renders the timeline for a terminal, 72 columns wide:
//
//	concurrent: calc_square and calc_cube                        total 400ms
//	calc_square |[square 2=====][square 3====][square 5=====][square 8====]|
//	calc_cube   |[cube 2=======][cube 3======][cube 5=======][cube 8======]|
//	            +--------------+--------------+-------------+--------------+
//	            0s           100ms          200ms         300ms        400ms
//
// Each lane is one line between '|' bars, with time running left to right.
// A span is drawn as "[label===]": brackets mark its start and end, the
// label is written inside and "=" fills the rest of the busy time ("…" ends
// a label that does not fit; one cut to under three letters is left out).
// Spans too short for brackets are drawn as "[]" or a single "#". Blanks
// are idle time. Where spans of one lane overlap, the later one is drawn
// over the earlier. The axis underneath has a '+' at each round tick and at
// the end, which is labelled with the total.
func (r *Recorder) Text() string {
	spans, lanes := r.snapshot()
	var b strings.Builder
	if len(spans) == 0 {
		if r.title != "" {
			b.WriteString(r.title + "\n")
		}
		b.WriteString("(no spans recorded)\n")
		return b.String()
	}
	elapsed := lastEnd(spans)
	b.WriteString(titleLine(r.title, "total "+FormatDuration(elapsed)))

	nameCols := laneNameColumns(lanes)
	width := textColumns - nameCols - 3 // " |" before the track, "|" after
	tracks := map[string][]rune{}
	for _, lane := range lanes {
		tracks[lane] = []rune(strings.Repeat(" ", width))
	}
	for _, s := range spans {
		from, to := cellRange(s, elapsed, width)
		copy(tracks[s.Lane][from:to], spanCells(s.Label, to-from))
	}
	for _, lane := range lanes {
		b.WriteString(padRunes(truncateRunes(lane, nameCols), nameCols) + " |" + string(tracks[lane]) + "|\n")
	}
	indent := strings.Repeat(" ", nameCols+1)
	ruler, labels := textAxis(axisTicks(elapsed), elapsed, width+2)
	b.WriteString(indent + ruler + "\n")
	b.WriteString(strings.TrimRight(indent+labels, " ") + "\n")
	return b.String()
}

// titleLine puts title on the left and note on the right of one full-width
// line, shortening the title if both do not fit.
func titleLine(title, note string) string {
	room := textColumns - utf8.RuneCountInString(note) - 2
	title = truncateRunes(title, room)
	gap := textColumns - utf8.RuneCountInString(title) - utf8.RuneCountInString(note)
	return title + strings.Repeat(" ", gap) + note + "\n"
}

// laneNameColumns is the width of the lane-name column: the longest name,
// within bounds so one long name cannot squeeze the tracks.
func laneNameColumns(lanes []string) int {
	widest := 0
	for _, lane := range lanes {
		widest = max(widest, utf8.RuneCountInString(lane))
	}
	return min(max(widest, minLaneNameCols), maxLaneNameCols)
}

// cellRange is the half-open range of track cells a span covers, at least
// one cell, so that back-to-back spans never share a cell.
func cellRange(s Span, elapsed time.Duration, width int) (from, to int) {
	cell := func(t time.Duration) int { return scaleRound(t, elapsed, width) }
	from = min(cell(s.Start), width-1)
	to = max(cell(s.End), from+1)
	return from, min(to, width)
}

// spanCells draws a span that is n cells wide, as documented on Text.
func spanCells(label string, n int) []rune {
	switch n {
	case 1:
		return []rune("#")
	case 2:
		return []rune("[]")
	}
	inner := labelWithin(label, n-2)
	return []rune("[" + inner + strings.Repeat("=", n-2-utf8.RuneCountInString(inner)) + "]")
}

// textAxis draws the axis under a track of width columns including its two
// '|' borders: a ruler with '+' at each tick and at the end, and a line of
// labels. The first label starts at the left border, the total ends at the
// right one, and the others are centred on their ticks unless they would
// touch a neighbour, in which case they are left out.
func textAxis(ticks []time.Duration, elapsed time.Duration, width int) (ruler, labels string) {
	last := width - 1
	pos := func(t time.Duration) int { return scaleRound(t, elapsed, last) }
	rule := []rune(strings.Repeat("-", width))
	line := []rune(strings.Repeat(" ", width))
	rule[last] = '+'
	end := FormatDuration(elapsed)
	endFrom := width - utf8.RuneCountInString(end)
	copy(line[endFrom:], []rune(end))
	free := 0 // first column a label may use
	for _, t := range ticks {
		rule[pos(t)] = '+'
		label := []rune(FormatDuration(t))
		from := max(pos(t)-len(label)/2, 0)
		if t == 0 {
			from = 0
		}
		if t == elapsed || from < free || from+len(label) >= endFrom {
			continue
		}
		copy(line[from:], label)
		free = from + len(label) + 1
	}
	return string(rule), string(line)
}

// scaleRound maps t in [0, total] to the nearest whole number in [0, n];
// a zero total maps everything to 0.
func scaleRound(t, total time.Duration, n int) int {
	if total <= 0 {
		return 0
	}
	v := (float64(t)*float64(n) + float64(total)/2) / float64(total)
	return min(max(int(v), 0), n)
}

// padRunes pads s with blanks to n runes.
func padRunes(s string, n int) string {
	return s + strings.Repeat(" ", max(n-utf8.RuneCountInString(s), 0))
}
