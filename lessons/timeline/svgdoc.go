package timeline

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Page geometry and colours shared by the timeline and the bar chart, so the
// two pictures look like one family when a notebook shows them together.
const (
	svgWidth   = 720.0
	marginX    = 20.0 // left and right margin of text inside the card
	titleY     = 30.0 // baseline of the title
	contentTop = 46.0 // first row starts here, below the title
	fontFamily = "system-ui, -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif"

	inkColour    = "#1f2328" // titles, labels
	mutedColour  = "#59636e" // axis, secondary text
	gridColour   = "#e3e8ee" // tick lines behind the spans
	stripeColour = "#f3f5f8" // every other lane
	cardColour   = "#ffffff"
	borderColour = "#d1d9e0"

	// charWidthEm is a generous average glyph width in em for sans-serif
	// fonts. Overestimating only truncates a little early; underestimating
	// would let labels spill out of their boxes.
	charWidthEm = 0.6
)

// svgDoc writes one self-contained SVG picture. It uses presentation
// attributes only, no <style> and no ids: GoNB inlines the SVG into the
// notebook's HTML, where a stylesheet or an id would leak into, or clash
// with, every other picture on the page.
type svgDoc struct {
	b strings.Builder
}

// newSVG starts a picture of the given height on a light rounded card, so
// it stays readable on dark notebook themes, and writes its title. The title
// is cut short, if needed, to end before reserveRight pixels from the right.
func newSVG(height float64, title string, reserveRight float64) *svgDoc {
	return newPicture("", height, title, reserveRight)
}

// newPicture is newSVG for a kind of picture that tests and the browser
// test find by its class ("goconc-sched"); "" gives no class.
func newPicture(class string, height float64, title string, reserveRight float64) *svgDoc {
	d := &svgDoc{}
	if class != "" {
		class = ` class="` + xmlEscape(class) + `"`
	}
	fmt.Fprintf(&d.b, `<svg xmlns="http://www.w3.org/2000/svg"%s width="%s" height="%s" viewBox="0 0 %s %s" font-family="%s" role="img">`+"\n",
		class, num(svgWidth), num(height), num(svgWidth), num(height), fontFamily)
	fmt.Fprintf(&d.b, "<title>%s</title>\n", xmlEscape(title))
	d.rect(0.5, 0.5, svgWidth-1, height-1, 10, cardColour, borderColour)
	d.text(marginX, titleY, "start", 15, "600", inkColour,
		fitText(title, svgWidth-2*marginX-reserveRight, 15))
	return d
}

// rect draws a rounded rectangle; an empty stroke means no outline.
func (d *svgDoc) rect(x, y, w, h, radius float64, fill, stroke string) {
	fmt.Fprintf(&d.b, `<rect x="%s" y="%s" width="%s" height="%s" rx="%s" fill="%s"`,
		num(x), num(y), num(w), num(h), num(radius), fill)
	if stroke != "" {
		fmt.Fprintf(&d.b, ` stroke="%s" stroke-width="1"`, stroke)
	}
	d.b.WriteString("/>\n")
}

// line draws a straight 1px line.
func (d *svgDoc) line(x1, y1, x2, y2 float64, colour string) {
	fmt.Fprintf(&d.b, `<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="1"/>`+"\n",
		num(x1), num(y1), num(x2), num(y2), colour)
}

// text writes s (unescaped; it is escaped here) with its baseline at y.
// Empty text writes nothing.
func (d *svgDoc) text(x, y float64, anchor string, size float64, weight, colour, s string) {
	if s == "" {
		return
	}
	fmt.Fprintf(&d.b, `<text x="%s" y="%s" text-anchor="%s" font-size="%s" font-weight="%s" fill="%s">%s</text>`+"\n",
		num(x), num(y), anchor, num(size), weight, colour, xmlEscape(s))
}

// beginGroup opens a group whose tooltip is hint; hovering any child shows it.
func (d *svgDoc) beginGroup(hint string) {
	fmt.Fprintf(&d.b, "<g><title>%s</title>\n", xmlEscape(hint))
}

// endGroup closes the group opened by beginGroup.
func (d *svgDoc) endGroup() { d.b.WriteString("</g>\n") }

// String closes the picture and returns it.
func (d *svgDoc) String() string {
	d.b.WriteString("</svg>\n")
	return d.b.String()
}

// emptySVG is the small picture shown instead of a chart with nothing in it,
// so a notebook cell says what happened rather than failing or showing nothing.
func emptySVG(title, message string) string {
	const height = 84
	d := newSVG(height, title, 0)
	d.text(svgWidth/2, 64, "middle", 13, "400", mutedColour, message)
	return d.String()
}

// num writes a coordinate with at most one decimal, enough for a screen and
// short enough to keep the SVG small and byte-for-byte reproducible.
func num(x float64) string {
	r := math.Round(x*10) / 10
	if r == 0 {
		r = 0 // no "-0"
	}
	return strconv.FormatFloat(r, 'f', -1, 64)
}

// xmlEscape makes s safe as XML text or as a quoted attribute value. Runes
// XML does not allow at all (most control characters) become U+FFFD so the
// document stays well-formed whatever a label contains.
func xmlEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '"':
			b.WriteString("&quot;")
		case r == '\'':
			b.WriteString("&apos;")
		case !isXMLChar(r):
			b.WriteRune(utf8.RuneError)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isXMLChar reports whether r may appear in an XML 1.0 document.
func isXMLChar(r rune) bool {
	return r == '\t' || r == '\n' || r == '\r' ||
		(r >= 0x20 && r <= 0xD7FF) ||
		(r >= 0xE000 && r <= 0xFFFD) ||
		(r >= 0x10000 && r <= 0x10FFFF)
}
