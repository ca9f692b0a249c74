package timeline

import (
	"fmt"

	"github.com/janpfeifer/gonb/gonbui"
)

// Display shows the timeline where the program runs: as a picture in a GoNB
// notebook, as text everywhere else, so lesson code works unchanged in a
// notebook, a terminal or a test.
func (r *Recorder) Display() {
	show(r.SVG, r.Text)
}

// ShowBars shows the bar chart the way Display shows a timeline.
func ShowBars(title string, bars []Bar) {
	show(func() string { return BarsSVG(title, bars) }, func() string { return BarsText(title, bars) })
}

// show renders only the form that will be shown. GoNB inlines the SVG in the
// cell's HTML output. It stops reading pictures the moment the cell's
// program exits, so we wait until GoNB has the picture: a timeline drawn
// last in a cell is not lost.
func show(svg, text func() string) {
	if gonbui.IsNotebook {
		gonbui.DisplaySvg(svg())
		gonbui.Sync()
		return
	}
	fmt.Print(text())
}
