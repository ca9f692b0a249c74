package timeline

import (
	"strings"
	"unicode"
)

// swatch is a fill and a darker outline of the same hue. Fills are light
// enough for dark text on them; the outline keeps neighbouring spans apart.
type swatch struct{ fill, stroke string }

// palette is used in order, so the first families or lanes get the most
// distinct hues. The pictures sit on their own white card, so the colours
// read the same in light and dark notebook themes.
var palette = []swatch{
	{"#9ec5fe", "#3d7bd9"}, // blue
	{"#fdc68a", "#dd7a1a"}, // orange
	{"#a8e0b0", "#3f9b52"}, // green
	{"#d3bdf5", "#8a5cc9"}, // purple
	{"#f7b2c9", "#cc4f7a"}, // pink
	{"#9edfd8", "#2f9a8f"}, // teal
	{"#f3dd8a", "#b8961c"}, // yellow
	{"#c9d1da", "#6b7785"}, // slate
}

// labelFamily is the part of a label that names the kind of work, without
// the item: "page 3" and "page 12" are both "page", "sq2" is "sq",
// "fetch(#4)" is "fetch". Spans of one family share a colour so a reader can
// follow the same kind of work across lanes and across pictures.
func labelFamily(label string) string {
	if i := strings.IndexFunc(label, unicode.IsDigit); i >= 0 {
		label = label[:i]
	}
	return strings.TrimRightFunc(label, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsPunct(r)
	})
}

// spanColours picks a swatch for every span. When the labels come in several
// families (square versus cube) colour tells the families apart; when they
// are all one family (page 1, page 2, …) colour tells the lanes apart instead,
// since that is then the only difference worth showing. Swatches are handed
// out in order of first appearance in spans, which are sorted, so the result
// is deterministic (and, by lane, follows the lane order).
func spanColours(spans []Span) []swatch {
	key := func(s Span) string { return labelFamily(s.Label) }
	families := map[string]bool{}
	for _, s := range spans {
		families[key(s)] = true
	}
	if len(families) <= 1 {
		key = func(s Span) string { return s.Lane }
	}
	order := map[string]int{}
	colours := make([]swatch, len(spans))
	for i, s := range spans {
		n, ok := order[key(s)]
		if !ok {
			n = len(order)
			order[key(s)] = n
		}
		colours[i] = palette[n%len(palette)]
	}
	return colours
}
