package timeline

import (
	"fmt"
	"strings"
	"time"
)

// markChars are the text picture's marks: a letter per block reason, '^'
// where a goroutine was woken.
var markChars = []struct {
	reason string
	char   rune
}{{"sleep", 's'}, {"chan", 'c'}, {"select", 'x'}, {"sync", 'm'}, {"syscall", 'y'}, {"network", 'n'}}

// Text draws the scheduler's picture for a terminal, 72 columns wide
// (here, testdata/sleepers.trace: four goroutines that sleep 20 ms on
// GOMAXPROCS(1)):
//
//	sleepers                                                    total 20.2ms
//	GOMAXPROCS 1 · 1 P · 2 OS threads · f and 4 goroutines it started
//	P0   |#                                                               #|
//	     |s                                                               ^|
//	     +---------------+----------------+---------------+---------------++
//	     0s             5ms             10ms            15ms          20.2ms
//	marks: s sleep, ^ woken
//	summarised: 10 running stretches as 2 boxes; 10 marks as 2
//
// Each P is a line of running stretches, drawn as the timeline's Text
// draws spans ("[label==]", "[]", "#"), with the goroutine's label; under
// it a line of marks, a letter per block reason and '^' for a wake.
// Stretches within two cells of each other are merged, and the last
// line says so.
func (s *Sched) Text() string {
	var b strings.Builder
	title := s.title()
	if len(s.Runs) == 0 {
		return title + "\n(none of f's goroutines ran)\n"
	}
	b.WriteString(titleLine(title, "total "+FormatDuration(s.Elapsed)))
	b.WriteString(truncateRunes(s.subtitle(), textColumns) + "\n")
	const nameCols = 4
	width := textColumns - nameCols - 3
	resolution := time.Duration(float64(max(s.Elapsed, 1)) * 2 / float64(width))
	l := layoutSched(s, resolution)
	boxes, marks := map[int][]rune{}, map[int][]rune{}
	for _, p := range l.lanes {
		boxes[p] = []rune(strings.Repeat(" ", width))
		marks[p] = []rune(strings.Repeat(" ", width))
	}
	for _, bx := range l.boxes {
		from, to := cellRange(Span{Start: bx.Start, End: bx.End}, s.Elapsed, width)
		copy(boxes[bx.P][from:to], spanCells(l.boxLabel(bx), to-from))
	}
	used := map[rune]bool{}
	for _, woken := range []bool{true, false} { // blocks drawn over wakes
		for _, m := range l.marks {
			if (m.Kind == Woken) != woken {
				continue
			}
			c := min(scaleRound(m.At, s.Elapsed, width), width-1)
			ch := markChar(m)
			marks[m.P][c] = ch
			used[ch] = true
		}
	}
	for _, p := range l.lanes {
		b.WriteString(padRunes(fmt.Sprintf("P%d", p), nameCols) + " |" + string(boxes[p]) + "|\n")
		if strings.TrimSpace(string(marks[p])) != "" {
			b.WriteString(strings.Repeat(" ", nameCols) + " |" + string(marks[p]) + "|\n")
		}
	}
	indent := strings.Repeat(" ", nameCols+1)
	ruler, labels := textAxis(axisTicks(s.Elapsed), s.Elapsed, width+2)
	b.WriteString(indent + ruler + "\n")
	b.WriteString(strings.TrimRight(indent+labels, " ") + "\n")
	if key := markKey(used); key != "" {
		b.WriteString("marks: " + key + "\n")
	}
	if note := l.note(); note != "" {
		b.WriteString(note + "\n")
	}
	return b.String()
}

// markChar is the character a mark is drawn with; a cell of blocks of
// several reasons shows the most frequent one.
func markChar(m schedMark) rune {
	if m.Kind == Woken {
		return '^'
	}
	best, n := "", 0
	for r, c := range m.Reasons {
		if c > n || (c == n && r < best) {
			best, n = r, c
		}
	}
	for _, mc := range markChars {
		if mc.reason == best {
			return mc.char
		}
	}
	return '?'
}

// markKey explains the mark characters used, in a fixed order.
func markKey(used map[rune]bool) string {
	var parts []string
	for _, mc := range markChars {
		if used[mc.char] {
			parts = append(parts, fmt.Sprintf("%c %s", mc.char, mc.reason))
		}
	}
	if used['?'] {
		parts = append(parts, "? other")
	}
	if used['^'] {
		parts = append(parts, "^ woken")
	}
	return strings.Join(parts, ", ")
}
