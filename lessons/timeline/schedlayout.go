package timeline

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"
)

// maxSchedLanes is how many P lanes a picture draws; a machine with more
// Ps busy with f's goroutines gets the first ones and a note.
const maxSchedLanes = 16

// schedBox is what the picture draws for one or more running stretches
// next to each other on one lane: one stretch when it is wide enough to
// see, else a run of thin stretches merged until the box is.
type schedBox struct {
	P          int
	Start, End time.Duration
	Runs       int
	Goroutines int           // distinct goroutines in it
	G          int           // the one that ran longest in it
	Running    time.Duration // time spent running, within the box
}

// schedMark is what the picture draws for the marks of one kind that
// fall in one resolution step of one lane.
type schedMark struct {
	Kind    MarkKind
	P       int
	At      time.Duration
	Count   int
	Reasons map[string]int // block reasons and how many
	G       int            // the first mark's goroutine
}

// schedLayout is a Sched ready to draw at a resolution: the time that is
// the narrowest thing worth drawing (a few pixels, or a text cell).
type schedLayout struct {
	s       *Sched
	lanes   []int // the Ps drawn
	boxes   []schedBox
	marks   []schedMark
	keys    []string // colour key per goroutine
	legend  []legendItem
	dropped int // Ps not drawn
}

type legendItem struct {
	key   string
	count int
}

func layoutSched(s *Sched, resolution time.Duration) *schedLayout {
	l := &schedLayout{s: s, lanes: s.Procs}
	if len(l.lanes) > maxSchedLanes {
		l.lanes, l.dropped = l.lanes[:maxSchedLanes], len(l.lanes)-maxSchedLanes
	}
	l.keys, l.legend = colourKeys(s.Goroutines)
	l.boxes = mergeRuns(s, resolution, l.lanes)
	l.marks = bucketMarks(s.Marks, resolution, l.lanes)
	return l
}

// mergeRuns groups each lane's consecutive stretches into boxes: a box
// takes the next stretch while both are narrower than resolution and so
// is the gap between them. So a box is wide enough to see, or is
// followed by a gap or a box that is, which bounds the boxes per lane by
// twice the lane's width in resolution steps, however many stretches
// there are; and a stretch wide enough to see is always its own box.
func mergeRuns(s *Sched, resolution time.Duration, lanes []int) []schedBox {
	var boxes []schedBox
	var members map[int]time.Duration // goroutine → running time in the current box
	flush := func() {
		if len(boxes) == 0 {
			return
		}
		b := &boxes[len(boxes)-1]
		b.Goroutines = len(members)
		for g, d := range members {
			if d > members[b.G] || (d == members[b.G] && g < b.G) {
				b.G = g
			}
		}
	}
	for _, r := range s.Runs {
		if !slices.Contains(lanes, r.P) {
			continue
		}
		if n := len(boxes); n > 0 {
			b := &boxes[n-1]
			if b.P == r.P && b.End-b.Start < resolution && r.End-r.Start < resolution && r.Start-b.End < resolution {
				b.End = max(b.End, r.End)
				b.Runs++
				b.Running += r.End - r.Start
				members[r.G] += r.End - r.Start
				continue
			}
		}
		flush()
		members = map[int]time.Duration{r.G: r.End - r.Start}
		boxes = append(boxes, schedBox{P: r.P, Start: r.Start, End: r.End, Runs: 1, G: r.G, Running: r.End - r.Start})
	}
	flush()
	return boxes
}

// bucketMarks counts the marks of each kind per lane and resolution step.
func bucketMarks(marks []Mark, resolution time.Duration, lanes []int) []schedMark {
	type key struct {
		kind MarkKind
		p    int
		step time.Duration
	}
	at := map[key]int{}
	var out []schedMark
	for _, m := range marks {
		if !slices.Contains(lanes, m.P) {
			continue
		}
		k := key{m.Kind, m.P, m.At / max(resolution, 1)}
		i, ok := at[k]
		if !ok {
			i = len(out)
			at[k] = i
			out = append(out, schedMark{Kind: m.Kind, P: m.P, At: m.At, G: m.G, Reasons: map[string]int{}})
		}
		out[i].Count++
		if m.Kind == Blocked {
			out[i].Reasons[m.Reason]++
		}
	}
	return out
}

// colourKeys gives each goroutine the key its colour is picked by: its own
// label while there are no more goroutines than colours, else its group
// (its label without the number), so 10,000 workers are one colour. The
// legend lists the keys in order of first appearance with their counts.
func colourKeys(gs []Goroutine) ([]string, []legendItem) {
	key := func(g Goroutine) string { return g.Label }
	if len(gs) > len(palette) {
		key = func(g Goroutine) string { return schedGroup(g.Label) }
	}
	keys := make([]string, len(gs))
	var legend []legendItem
	at := map[string]int{}
	for i, g := range gs {
		keys[i] = key(g)
		n, ok := at[keys[i]]
		if !ok {
			n = len(legend)
			at[keys[i]] = n
			legend = append(legend, legendItem{key: keys[i]})
		}
		legend[n].count++
	}
	return keys, legend
}

// schedGroup is a goroutine label without what tells one goroutine from
// another of its kind: "worker 3" is "worker", "func1 #3" is "func1".
func schedGroup(label string) string {
	if i := strings.LastIndex(label, " #"); i > 0 {
		return label[:i]
	}
	if f := labelFamily(label); f != "" {
		return f
	}
	return label
}

// colour is the swatch of a legend key, in legend order.
func (l *schedLayout) colour(g int) swatch {
	for i, item := range l.legend {
		if item.key == l.keys[g] {
			return palette[i%len(palette)]
		}
	}
	return palette[0]
}

// boxLabel is what a box says: the goroutine's label for one stretch,
// else how many goroutines it merges.
func (l *schedLayout) boxLabel(b schedBox) string {
	if b.Goroutines == 1 {
		return l.s.Goroutines[b.G].Label
	}
	return fmt.Sprintf("%d goroutines", b.Goroutines)
}

// boxHint is a box's tooltip: who ran, on which P, when.
func (l *schedLayout) boxHint(b schedBox) string {
	when := fmt.Sprintf("P%d, %s to %s", b.P, FormatDuration(b.Start), FormatDuration(b.End))
	if b.Runs == 1 {
		return fmt.Sprintf("%s — %s (%s)", l.s.Goroutines[b.G].Label, when, FormatDuration(b.End-b.Start))
	}
	return fmt.Sprintf("%d running stretches of %d goroutines, most of it %s — %s, running %s",
		b.Runs, b.Goroutines, l.s.Goroutines[b.G].Label, when, FormatDuration(b.Running))
}

// markHint is a mark's tooltip.
func (l *schedLayout) markHint(m schedMark) string {
	if m.Kind == Woken {
		if m.Count == 1 {
			return fmt.Sprintf("%s woken at %s", l.s.Goroutines[m.G].Label, FormatDuration(m.At))
		}
		return fmt.Sprintf("%d goroutines woken from %s", m.Count, FormatDuration(m.At))
	}
	if m.Count == 1 {
		for r := range m.Reasons {
			return fmt.Sprintf("%s blocked (%s) at %s", l.s.Goroutines[m.G].Label, r, FormatDuration(m.At))
		}
	}
	return fmt.Sprintf("%d blocks from %s: %s", m.Count, FormatDuration(m.At), reasonCounts(m.Reasons))
}

// reasonCounts writes block reasons as "sleep 3, chan 1", most first.
func reasonCounts(reasons map[string]int) string {
	type rc struct {
		r string
		n int
	}
	var list []rc
	for r, n := range reasons {
		list = append(list, rc{r, n})
	}
	slices.SortFunc(list, func(a, b rc) int { return cmp.Or(cmp.Compare(b.n, a.n), cmp.Compare(a.r, b.r)) })
	parts := make([]string, len(list))
	for i, x := range list {
		parts[i] = fmt.Sprintf("%s %d", x.r, x.n)
	}
	return strings.Join(parts, ", ")
}

// subtitle is the line of counts under the title: the Ps drawn as
// lanes, the OS threads that ran f's goroutines, the goroutines.
func (s *Sched) subtitle() string {
	return fmt.Sprintf("GOMAXPROCS %d · %s · %s · f and %s it started",
		s.GOMAXPROCS, plural(len(s.Procs), "P", "Ps"), plural(s.Threads, "OS thread", "OS threads"),
		plural(s.Started(), "goroutine", "goroutines"))
}

// note says what the picture summarised or left out, or "" if nothing.
func (l *schedLayout) note() string {
	var parts []string
	drawnRuns := 0
	for _, b := range l.boxes {
		drawnRuns += b.Runs
	}
	if drawnRuns > len(l.boxes) {
		parts = append(parts, fmt.Sprintf("%d running stretches as %d boxes", drawnRuns, len(l.boxes)))
	}
	drawnMarks := 0
	for _, m := range l.marks {
		drawnMarks += m.Count
	}
	if drawnMarks > len(l.marks) {
		parts = append(parts, fmt.Sprintf("%d marks as %d", drawnMarks, len(l.marks)))
	}
	if len(l.keys) > len(palette) {
		parts = append(parts, fmt.Sprintf("%d goroutines in %s", len(l.keys), plural(len(l.legend), "colour", "colours")))
	}
	if l.dropped > 0 {
		parts = append(parts, fmt.Sprintf("%s not drawn", plural(l.dropped, "more P", "more Ps")))
	}
	if len(parts) == 0 {
		return ""
	}
	return "summarised: " + strings.Join(parts, "; ")
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
