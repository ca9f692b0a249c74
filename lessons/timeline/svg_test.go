package timeline_test

import (
	"encoding/xml"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goconc/goconc/lessons/timeline"
)

func TestSVGIsWellFormedAndNamesEveryLane(t *testing.T) {
	rec := squaresAndCubes()
	doc := rec.SVG()

	parsed := parseSVG(t, doc)
	assert.Equal(t, "http://www.w3.org/2000/svg", parsed.root.Name.Space)
	for _, attr := range []string{"width", "height", "viewBox"} {
		assert.NotEmpty(t, attrValue(parsed.root, attr), "root <svg> needs %s", attr)
	}
	for _, lane := range rec.Lanes() {
		assert.Contains(t, parsed.texts, lane)
	}
	assert.Contains(t, parsed.texts, "total 400ms")
	assert.Contains(t, parsed.texts, "400ms", "the axis ends with the elapsed time")
	assert.Contains(t, parsed.texts, "0s")
}

func TestSVGGivesEverySpanATooltipWithItsFullLabel(t *testing.T) {
	rec := squaresAndCubes()
	parsed := parseSVG(t, rec.SVG())
	for _, s := range rec.Spans() {
		assert.True(t, anyHasPrefix(parsed.titles, s.Label+" — "+s.Lane), "no <title> for %q", s.Label)
	}
}

func TestSVGEscapesLabelsAndTitle(t *testing.T) {
	rec := timeline.New(`Tom & "Jerry"`)
	rec.Add(timeline.Span{Lane: "<main>", Label: `a<b & 'c'`, Start: 0, End: 500 * ms})
	doc := rec.SVG()

	parsed := parseSVG(t, doc)
	assert.Contains(t, doc, "a&lt;b &amp; &apos;c&apos;")
	assert.Contains(t, doc, "&lt;main&gt;")
	assert.Contains(t, doc, "Tom &amp; &quot;Jerry&quot;")
	assert.Contains(t, parsed.texts, `a<b & 'c'`)
	assert.Contains(t, parsed.texts, "<main>")
}

func TestSVGStaysWellFormedWithControlCharactersInLabels(t *testing.T) {
	rec := timeline.New("bell\a")
	rec.Add(timeline.Span{Lane: "main", Label: "nul\x00 and bad utf-8 \xff", End: ms})
	parseSVG(t, rec.SVG())
}

func TestSVGShortensLabelsThatDoNotFitButKeepsThemInTheTooltip(t *testing.T) {
	rec := timeline.New("")
	long := "a label far too long for a thin span"
	rec.Add(timeline.Span{Lane: "main", Label: long, Start: 0, End: 100 * ms})
	rec.Add(timeline.Span{Lane: "main", Label: "rest", Start: 100 * ms, End: 1000 * ms})

	parsed := parseSVG(t, rec.SVG())
	assert.NotContains(t, parsed.texts, long)
	assert.True(t, anyHasPrefix(parsed.titles, long))
	shortened := false
	for _, text := range parsed.texts {
		shortened = shortened || (strings.HasSuffix(text, "…") && strings.HasPrefix(long, strings.TrimSuffix(text, "…")))
	}
	assert.True(t, shortened, "expected a shortened label ending in …, got %q", parsed.texts)
}

func TestSVGLeavesOutLabelsTooThinToReadButKeepsTheTooltip(t *testing.T) {
	rec := timeline.New("")
	rec.Add(timeline.Span{Lane: "main", Label: "download 7", Start: 0, End: 10 * ms})
	rec.Add(timeline.Span{Lane: "main", Label: "rest", Start: 10 * ms, End: 1000 * ms})

	parsed := parseSVG(t, rec.SVG())
	for _, text := range parsed.texts {
		assert.NotContains(t, text, "d…")
	}
	assert.True(t, anyHasPrefix(parsed.titles, "download 7"))
}

func TestSVGIsDeterministic(t *testing.T) {
	assert.Equal(t, squaresAndCubes().SVG(), squaresAndCubes().SVG())
}

func TestSVGOfAnEmptyRecorderSaysSo(t *testing.T) {
	parsed := parseSVG(t, timeline.New("nothing yet").SVG())
	assert.Contains(t, parsed.texts, "no spans recorded")
	assert.Contains(t, parsed.texts, "nothing yet")
}

// squaresAndCubes is two goroutines computing squares and cubes of four
// numbers, 100ms each, recorded with fixed times.
func squaresAndCubes() *timeline.Recorder {
	rec := timeline.New("concurrent: calc_square and calc_cube")
	for i, n := range []string{"2", "3", "5", "8"} {
		start := time.Duration(i) * 100 * ms
		rec.Add(timeline.Span{Lane: "calc_square", Label: "square " + n, Start: start, End: start + 100*ms})
		rec.Add(timeline.Span{Lane: "calc_cube", Label: "cube " + n, Start: start, End: start + 100*ms})
	}
	return rec
}

// parsedSVG is what the tests look at in a picture: its root element and the
// character data of its <text> and <title> elements.
type parsedSVG struct {
	root          xml.StartElement
	texts, titles []string
}

// parseSVG reads doc to the end with an XML decoder, failing the test at the
// first well-formedness error.
func parseSVG(t *testing.T, doc string) parsedSVG {
	t.Helper()
	var p parsedSVG
	var stack []string
	dec := xml.NewDecoder(strings.NewReader(doc))
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			require.Empty(t, stack, "unclosed elements")
			require.Equal(t, "svg", p.root.Name.Local, "root element")
			return p
		}
		require.NoError(t, err)
		switch tok := tok.(type) {
		case xml.StartElement:
			if len(stack) == 0 {
				p.root = tok.Copy()
			}
			stack = append(stack, tok.Name.Local)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) == 0 {
				continue // whitespace around the root element
			}
			switch stack[len(stack)-1] {
			case "text":
				p.texts = append(p.texts, string(tok))
			case "title":
				p.titles = append(p.titles, string(tok))
			}
		}
	}
}

// attrValue is the value of the named attribute of e, or "".
func attrValue(e xml.StartElement, name string) string {
	for _, a := range e.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// anyHasPrefix reports whether some string in list starts with prefix.
func anyHasPrefix(list []string, prefix string) bool {
	for _, s := range list {
		if strings.HasPrefix(s, prefix) {
			return true
		}
	}
	return false
}
