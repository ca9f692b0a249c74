package course

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestASolutionIsTheFileWithoutItsPackageClause(t *testing.T) {
	c, err := Find(".")
	require.NoError(t, err)
	src, err := c.Solution("threads", "fetch-all")
	require.NoError(t, err)
	assert.Regexp(t, `^import \(`, src)
	assert.NotContains(t, src, "package ")
	_, err = c.Solution("threads", "no-such-exercise")
	assert.ErrorContains(t, err, "exercise no-such-exercise has no solution")
}
