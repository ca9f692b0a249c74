package excerpt

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestFirstKeepsTheHeadAndMarksWhatIsCut(t *testing.T) {
	assert.Equal(t, "a\nb\n…", First("a\nb\nc\n", 2))
	assert.Equal(t, "a\nb", First("a\nb\n", 2))
}

func TestLastKeepsTheTailAndMarksWhatIsCut(t *testing.T) {
	assert.Equal(t, "…\nb\nc", Last("a\nb\nc\n", 2))
	assert.Equal(t, "a", Last("a\n", 2))
}

func TestIndentPrefixesEveryLine(t *testing.T) {
	assert.Equal(t, "  | a\n  | b", Indent("a\nb\n", "  | "))
}
