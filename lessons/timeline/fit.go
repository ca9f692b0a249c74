package timeline

import "unicode/utf8"

// textWidth estimates how many pixels s takes at the given font size.
func textWidth(s string, size float64) float64 {
	return float64(utf8.RuneCountInString(s)) * size * charWidthEm
}

// fitText returns s if it fits in maxWidth pixels at the given font size,
// else its longest prefix that fits followed by "…", or "" if not even one
// letter and the ellipsis fit.
func fitText(s string, maxWidth, size float64) string {
	if textWidth(s, size) <= maxWidth {
		return s
	}
	return truncateRunes(s, int(maxWidth/(size*charWidthEm)))
}

// truncateRunes shortens s to at most n runes, the last being "…" when
// something was cut; below 2 runes there is no room for a hint, so it
// returns "".
func truncateRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	if n < 2 {
		return ""
	}
	return string([]rune(s)[:n-1]) + "…"
}

// labelWithin is label as it fits in n runes for drawing inside a span. A
// stub like "d…" tells nothing and clutters rows of short spans, so a label
// that would keep fewer than three of its letters is left out ("") instead;
// the SVG tooltip still has it.
func labelWithin(label string, n int) string {
	shown := truncateRunes(label, n)
	if shown != label && utf8.RuneCountInString(shown) < 4 {
		return ""
	}
	return shown
}
