package setup

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/goconc/goconc/kernel/course"
	"github.com/goconc/goconc/kernel/notebook"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The cache is warmed with the flags the setup cells give GoNB: a test
// of the notebooks, so that the two cannot drift apart.
func TestTheCacheIsWarmedWithTheSetupCellsFlags(t *testing.T) {
	wd, _ := os.Getwd()
	c, err := course.Find(wd)
	require.NoError(t, err)
	paths, err := c.Notebooks()
	require.NoError(t, err)
	want := "%goflags -race -mod=mod \"" + CellFlags[2] + "\""
	for _, path := range paths {
		nb, err := notebook.Read(path)
		require.NoError(t, err)
		for _, cell := range nb.Cells {
			if cell.Type() == "code" {
				first, _, _ := strings.Cut(cell.Source(), "\n")
				assert.Equal(t, want, first, "%s: the setup cell's flags", filepath.Base(path))
				break
			}
		}
	}
}

// The warm-up builds what every lesson package needs, as a cell's module
// would import it: a package that a cell may not import (an internal
// one) is left to its importers, not named, or the whole build fails.
func TestTheWarmUpBuildsTheCourse(t *testing.T) {
	wd, _ := os.Getwd()
	c, err := course.Find(wd)
	require.NoError(t, err)
	_, err = warmBuild(c.Root, nil)
	require.NoError(t, err)
}
