package timeline

import (
	"time"
)

// Bar is one total to compare, such as how long a whole run took with a
// given number of workers.
type Bar struct {
	Label string
	Value time.Duration
}

// Bar chart geometry, in pixels.
const (
	barRowHeight   = 30.0
	barHeight      = 20.0
	barFontSize    = 12.0
	minBarColumn   = 48.0
	maxBarColumn   = 200.0
	barValueMargin = 8.0 // between a bar's end and its value
)

// BarsSVG draws a horizontal bar chart of durations, one row per bar in the
// order given (the caller's order usually tells a story, such as more and
// more workers, so it is never re-sorted). Each bar is labelled on the left
// and ends with its value. Bars share one scale starting at zero, so lengths
// compare honestly; negative values are drawn as empty bars.
func BarsSVG(title string, bars []Bar) string {
	if len(bars) == 0 {
		return emptySVG(title, "no bars")
	}
	var longest time.Duration
	labelColumn, valueColumn := 0.0, 0.0
	for _, b := range bars {
		longest = max(longest, b.Value)
		labelColumn = max(labelColumn, textWidth(b.Label, barFontSize))
		valueColumn = max(valueColumn, textWidth(FormatDuration(b.Value), barFontSize))
	}
	labelColumn = min(max(labelColumn+12, minBarColumn), maxBarColumn)
	x0 := marginX + labelColumn
	full := svgWidth - marginX - valueColumn - barValueMargin - x0
	bottom := contentTop + float64(len(bars))*barRowHeight
	d := newSVG(bottom+14, title, 0)

	for i, b := range bars {
		top := contentTop + float64(i)*barRowHeight
		middle := top + barRowHeight/2 + 4
		value := FormatDuration(b.Value)
		length := 0.0
		if longest > 0 && b.Value > 0 {
			length = max(full*float64(b.Value)/float64(longest), 2)
		}
		colour := palette[i%len(palette)]
		d.beginGroup(b.Label + ": " + value)
		d.text(marginX, middle, "start", barFontSize, "500", inkColour,
			fitText(b.Label, labelColumn-12, barFontSize))
		if length > 0 {
			d.rect(x0, top+(barRowHeight-barHeight)/2, length, barHeight, min(4, length/2), colour.fill, colour.stroke)
		}
		d.text(x0+length+barValueMargin, middle, "start", barFontSize, "600", inkColour, value)
		d.endGroup()
	}
	d.line(x0, contentTop+2, x0, bottom-2, mutedColour)
	return d.String()
}
