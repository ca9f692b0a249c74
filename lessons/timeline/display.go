package timeline

import (
	"fmt"

	"github.com/goconc/goconc/lessons/internal/gonbpipe"
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

// show renders only the form that will be shown: in GoNB the SVG, inlined
// in the cell's HTML output (gonbpipe.Show waits until GoNB has it, so a
// timeline drawn last in a cell is not lost). If GoNB cannot take the
// picture, the cell says why and shows the text.
func show(svg, text func() string) {
	if gonbpipe.InNotebook {
		err := gonbpipe.Show("<div>"+svg()+"</div>", "")
		if err == nil {
			return
		}
		fmt.Println("no picture:", err)
	}
	fmt.Print(text())
}
