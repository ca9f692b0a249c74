package timeline

import (
	"fmt"
	"math"
	"time"
)

// Timeline geometry, in pixels.
const (
	laneRowHeight  = 30.0
	spanHeight     = 22.0
	laneFontSize   = 12.0
	spanFontSize   = 11.0
	axisFontSize   = 11.0
	axisEndReserve = 40.0 // room right of the axis for the total's label
	minLaneColumn  = 48.0
	maxLaneColumn  = 150.0
)

// SVG draws the timeline: the title and total on top, one row per lane with
// its name on the left, each span as a rounded box with its label inside
// (shortened with "…" when it does not fit; hovering shows the full label
// and times), and a time axis with round ticks whose end is marked with the
// total elapsed time. The output depends only on the spans, so recording
// the same spans twice gives the same bytes.
func (r *Recorder) SVG() string {
	spans, lanes := r.snapshot()
	if len(spans) == 0 {
		return emptySVG(r.title, "no spans recorded")
	}
	elapsed := lastEnd(spans)
	total := "total " + FormatDuration(elapsed)
	laneColumn := laneColumnWidth(lanes)
	x0, x1 := marginX+laneColumn, svgWidth-axisEndReserve
	axisY := contentTop + float64(len(lanes))*laneRowHeight + 6
	height := axisY + 32

	d := newSVG(height, r.title, textWidth(total, 12)+16)
	d.text(svgWidth-marginX, titleY, "end", 12, "400", mutedColour, total)

	// x maps a time to its horizontal position; a zero-length run still
	// needs a non-zero scale.
	x := func(t time.Duration) float64 {
		return x0 + (x1-x0)*float64(t)/float64(max(elapsed, 1))
	}
	row := map[string]float64{}
	for i, lane := range lanes {
		top := contentTop + float64(i)*laneRowHeight
		row[lane] = top
		if i%2 == 0 {
			d.rect(12, top, svgWidth-24, laneRowHeight, 6, stripeColour, "")
		}
		d.laneName(lane, top, laneColumn-12)
	}
	ticks := axisTicks(elapsed)
	for _, t := range ticks[1:] {
		d.line(x(t), contentTop, x(t), axisY, gridColour)
	}
	colours := spanColours(spans)
	for i, s := range spans {
		d.span(s, colours[i], x(s.Start), x(s.End), row[s.Lane])
	}
	d.axis(ticks, elapsed, x, axisY)
	return d.String()
}

// laneColumnWidth is the room for lane names: the longest name plus a gap,
// kept between bounds so one long name cannot squeeze the spans.
func laneColumnWidth(lanes []string) float64 {
	widest := 0.0
	for _, lane := range lanes {
		widest = max(widest, textWidth(lane, laneFontSize))
	}
	return min(max(widest+12, minLaneColumn), maxLaneColumn)
}

// laneName writes a lane's name at the left of its row; a name too long for
// the column is shortened, with the full name as its tooltip.
func (d *svgDoc) laneName(lane string, top, width float64) {
	shown := fitText(lane, width, laneFontSize)
	y := top + laneRowHeight/2 + 4
	if shown == lane {
		d.text(marginX, y, "start", laneFontSize, "500", inkColour, lane)
		return
	}
	d.beginGroup(lane)
	d.text(marginX, y, "start", laneFontSize, "500", inkColour, shown)
	d.endGroup()
}

// span draws one span between xStart and xEnd in the row starting at top.
// A 1px gap on each side keeps back-to-back spans visibly separate, and
// every span stays at least 2px wide so very short work is still seen.
func (d *svgDoc) span(s Span, colour swatch, xStart, xEnd, top float64) {
	w := max(xEnd-xStart-2, 2)
	y := top + (laneRowHeight-spanHeight)/2
	d.beginGroup(fmt.Sprintf("%s — %s, %s to %s (%s)", s.Label, s.Lane,
		FormatDuration(s.Start), FormatDuration(s.End), FormatDuration(s.Duration())))
	d.rect(xStart+1, y, w, spanHeight, min(5, w/2), colour.fill, colour.stroke)
	d.text(xStart+1+w/2, y+spanHeight/2+4, "middle", spanFontSize, "400", inkColour,
		labelWithin(s.Label, int((w-8)/(spanFontSize*charWidthEm))))
	d.endGroup()
}

// axis draws the time axis at y: a tick and a label per nice tick, and at
// the end a stronger tick labelled with the elapsed time. Tick labels that
// would collide with the end label are left out; their grid lines remain.
func (d *svgDoc) axis(ticks []time.Duration, elapsed time.Duration, x func(time.Duration) float64, y float64) {
	end := FormatDuration(elapsed)
	xEnd := x(elapsed)
	d.line(x(0), y, xEnd, y, mutedColour)
	for _, t := range ticks {
		label := FormatDuration(t)
		d.line(x(t), y, x(t), y+4, mutedColour)
		clearance := (textWidth(label, axisFontSize)+textWidth(end, axisFontSize))/2 + 6
		if t != elapsed && math.Abs(xEnd-x(t)) >= clearance {
			d.text(x(t), y+17, "middle", axisFontSize, "400", mutedColour, label)
		}
	}
	d.line(xEnd, y-4, xEnd, y+5, inkColour)
	d.text(xEnd, y+17, "middle", axisFontSize, "600", inkColour, end)
}
