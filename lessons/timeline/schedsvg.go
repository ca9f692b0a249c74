package timeline

import (
	"fmt"
	"time"
)

// SchedClass is the class of the scheduler's pictures, so a page (the
// browser test) can tell them from the other pictures.
const SchedClass = "goconc-sched"

// Scheduler picture geometry, in pixels.
const (
	schedSubtitleY  = 50.0
	schedTop        = 62.0 // first lane starts here
	schedBoxTop     = 3.0  // box's top within its lane
	schedBoxHeight  = 18.0
	schedMarkTop    = 23.0 // marks sit under the boxes
	schedLaneColumn = 48.0
	schedMinBoxPx   = 3.0 // boxes narrower than this are merged with their neighbours
	blockColour     = "#1f2328"
	wakeColour      = "#2da44e"
)

// SVG draws the scheduler's picture (see Sched for what it shows): the
// title and total on top, a line of counts, a lane per P with the
// running stretches as boxes and the block and wake marks under them, a
// time axis, a note saying what was summarised, if anything, and a
// legend. The output depends only on the Sched: the same trace gives the
// same bytes.
func (s *Sched) SVG() string {
	title := s.title()
	if len(s.Runs) == 0 {
		return emptySVG(title, "none of f's goroutines ran")
	}
	x0, x1 := marginX+schedLaneColumn, svgWidth-axisEndReserve
	resolution := time.Duration(float64(max(s.Elapsed, 1)) * schedMinBoxPx / (x1 - x0))
	l := layoutSched(s, resolution)
	total := "total " + FormatDuration(s.Elapsed)
	axisY := schedTop + float64(len(l.lanes))*laneRowHeight + 6
	note := l.note()
	legendY := axisY + 40
	if note != "" {
		note += "; hover for counts"
		legendY += 18
	}
	height := legendY + 18

	d := newPicture(SchedClass, height, title, textWidth(total, 12)+16)
	d.text(svgWidth-marginX, titleY, "end", 12, "400", mutedColour, total)
	d.text(marginX, schedSubtitleY, "start", 12, "400", mutedColour,
		fitText(s.subtitle(), svgWidth-2*marginX, 12))
	x := func(t time.Duration) float64 { return x0 + (x1-x0)*float64(t)/float64(max(s.Elapsed, 1)) }
	row := map[int]float64{}
	for i, p := range l.lanes {
		top := schedTop + float64(i)*laneRowHeight
		row[p] = top
		if i%2 == 0 {
			d.rect(12, top, svgWidth-24, laneRowHeight, 6, stripeColour, "")
		}
		d.beginGroup(fmt.Sprintf("P%d: busy with f's goroutines %s of %s", p, percent(s.busy(p), s.Elapsed), FormatDuration(s.Elapsed)))
		d.text(marginX, top+laneRowHeight/2+4, "start", laneFontSize, "500", inkColour, fmt.Sprintf("P%d", p))
		d.endGroup()
	}
	ticks := axisTicks(s.Elapsed)
	for _, t := range ticks[1:] {
		d.line(x(t), schedTop, x(t), axisY, gridColour)
	}
	for _, b := range l.boxes {
		d.schedBox(l, b, x(b.Start), x(b.End), row[b.P])
	}
	for _, m := range l.marks {
		d.schedMark(l, m, x(m.At), row[m.P])
	}
	d.axis(ticks, s.Elapsed, x, axisY)
	if note != "" {
		d.text(marginX, axisY+40, "start", 11, "400", mutedColour, fitText(note, svgWidth-2*marginX, 11))
	}
	d.schedLegend(l, legendY)
	return d.String()
}

// title is the Sched's title, or a default that says what it is.
func (s *Sched) title() string {
	if s.Title != "" {
		return s.Title
	}
	return "what the scheduler did"
}

// schedBox draws one box, with a 1px gap each side and at least 2px wide.
func (d *svgDoc) schedBox(l *schedLayout, b schedBox, xStart, xEnd, top float64) {
	w := max(xEnd-xStart-2, 2)
	y := top + schedBoxTop
	c := l.colour(b.G)
	d.beginGroup(l.boxHint(b))
	d.rect(xStart+1, y, w, schedBoxHeight, min(4, w/2), c.fill, c.stroke)
	d.text(xStart+1+w/2, y+schedBoxHeight/2+4, "middle", spanFontSize, "400", inkColour,
		labelWithin(l.boxLabel(b), int((w-6)/(spanFontSize*charWidthEm))))
	d.endGroup()
}

// schedMark draws a block as a dark tick and a wake as a green dot, under
// the boxes at the mark's time.
func (d *svgDoc) schedMark(l *schedLayout, m schedMark, x, top float64) {
	d.beginGroup(l.markHint(m))
	y := top + schedMarkTop
	if m.Kind == Blocked {
		d.rect(x-1, y, 2, 5, 0, blockColour, "")
	} else {
		fmt.Fprintf(&d.b, `<circle cx="%s" cy="%s" r="2.5" fill="%s"/>`+"\n", num(x), num(y+2.5), wakeColour)
	}
	d.endGroup()
}

// schedLegend writes the colour keys with their counts, and the marks'
// meaning, on one line; keys that do not fit are counted at the end.
func (d *svgDoc) schedLegend(l *schedLayout, y float64) {
	xPos := marginX
	limit := svgWidth - marginX - 200 // room for the marks' key
	for i, item := range l.legend {
		label := item.key
		if item.count > 1 {
			label = fmt.Sprintf("%s ×%d", item.key, item.count)
		}
		w := 14 + textWidth(label, 11) + 12
		if xPos+w > limit {
			d.text(xPos, y, "start", 11, "400", mutedColour, fmt.Sprintf("+%d more", len(l.legend)-i))
			break
		}
		c := palette[i%len(palette)]
		d.rect(xPos, y-9, 10, 10, 2, c.fill, c.stroke)
		d.text(xPos+14, y, "start", 11, "400", inkColour, label)
		xPos += w
	}
	kx := svgWidth - marginX - 190
	d.rect(kx, y-8, 2, 5, 0, blockColour, "")
	d.text(kx+6, y, "start", 11, "400", mutedColour, "blocked")
	fmt.Fprintf(&d.b, `<circle cx="%s" cy="%s" r="2.5" fill="%s"/>`+"\n", num(kx+70), num(y-4), wakeColour)
	d.text(kx+76, y, "start", 11, "400", mutedColour, "woken")
}

// busy is how long P p ran f's goroutines.
func (s *Sched) busy(p int) time.Duration {
	var d time.Duration
	for _, r := range s.Runs {
		if r.P == p {
			d += r.End - r.Start
		}
	}
	return d
}

// percent writes part of whole as "12%", "0.4%" or, for a sliver, "<0.1%".
func percent(part, whole time.Duration) string {
	if whole <= 0 {
		return "0%"
	}
	p := 100 * float64(part) / float64(whole)
	switch {
	case part > 0 && p < 0.1:
		return "<0.1%"
	case p < 1:
		return fmt.Sprintf("%.1f%%", p)
	}
	return fmt.Sprintf("%.0f%%", p)
}
