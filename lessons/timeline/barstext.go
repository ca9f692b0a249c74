package timeline

import (
	"strings"
	"time"
	"unicode/utf8"
)

// Bar chart text layout, in columns.
const (
	minBarLabelCols = 4
	maxBarLabelCols = 20
)

// eighths are the block characters for 1/8 to 7/8 of a column; they give
// text bars eight times the resolution of whole '█' blocks.
var eighths = []rune("▏▎▍▌▋▊▉")

// BarsText draws the bar chart for a terminal, 72 columns wide, in the
// order given:
//
//	time to fetch 10 pages
//	sequential ███████████████████████████████████████████████████████ 2s
//	2 workers  ███████████████████████████▌ 1s
//	5 workers  ███████████ 400ms
//
// Bars are made of '█' and the partial blocks "▏▎▍▌▋▊▉", share one scale
// starting at zero, and end with their value. Any positive value gets at
// least a sliver so it is not mistaken for zero.
func BarsText(title string, bars []Bar) string {
	var b strings.Builder
	if title != "" {
		b.WriteString(title + "\n")
	}
	if len(bars) == 0 {
		b.WriteString("(no bars)\n")
		return b.String()
	}
	var longest time.Duration
	labelCols, valueCols := 0, 0
	for _, bar := range bars {
		longest = max(longest, bar.Value)
		labelCols = max(labelCols, utf8.RuneCountInString(bar.Label))
		valueCols = max(valueCols, utf8.RuneCountInString(FormatDuration(bar.Value)))
	}
	labelCols = min(max(labelCols, minBarLabelCols), maxBarLabelCols)
	barCols := textColumns - labelCols - 2 - valueCols
	for _, bar := range bars {
		b.WriteString(padRunes(truncateRunes(bar.Label, labelCols), labelCols) + " ")
		if blocks := blockBar(bar.Value, longest, barCols); blocks != "" {
			b.WriteString(blocks + " ")
		}
		b.WriteString(FormatDuration(bar.Value) + "\n")
	}
	return b.String()
}

// blockBar draws value as a bar of at most cols columns, where longest
// fills them all.
func blockBar(value, longest time.Duration, cols int) string {
	if value <= 0 || longest <= 0 {
		return ""
	}
	n := max(scaleRound(value, longest, cols*8), 1)
	bar := strings.Repeat("█", n/8)
	if n%8 != 0 {
		bar += string(eighths[n%8-1])
	}
	return bar
}
