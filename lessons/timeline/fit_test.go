package timeline

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestLabelWithinShortensOrLeavesOutLabelsThatDoNotFit(t *testing.T) {
	for _, tc := range []struct {
		label string
		n     int
		want  string
	}{
		{"page 12", 10, "page 12"},
		{"page 12", 7, "page 12"},
		{"page 12", 6, "page …"},
		{"page 12", 4, "pag…"},
		{"page 12", 3, ""}, // "pa…" says too little
		{"page 12", 1, ""},
		{"héllo wörld", 5, "héll…"},
		{"", 0, ""},
	} {
		assert.Equal(t, tc.want, labelWithin(tc.label, tc.n), "labelWithin(%q, %d)", tc.label, tc.n)
	}
}
