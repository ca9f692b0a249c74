package kernel

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// below is, for each package of the engine, the packages of the
// engine it may import: arrows point down, so no package reaches one
// above it or beside it.
var below = map[string][]string{
	"excerpt":               {},
	"internal/atomicfile":   {},
	"internal/service":      {},
	"notebook":              {"internal/atomicfile"},
	"gonbcell":              {},
	"sandbox":               {"excerpt"},
	"course":                {"notebook", "gonbcell"},
	"check":                 {"course", "notebook", "gonbcell", "sandbox", "excerpt"},
	"grade":                 {"check", "notebook", "internal/atomicfile", "excerpt"},
	"collect":               {"internal/atomicfile"},
	"jupyter":               {"course", "notebook", "excerpt", "internal/service", "internal/atomicfile"},
	"hub":                   {"internal/service"},
	"setup":                 {"jupyter", "sandbox", "course", "hub", "internal/atomicfile", "excerpt"},
	"browser":               {"jupyter", "course", "notebook", "excerpt"},
	"gradescope":            {"grade", "check", "course", "notebook", "sandbox", "internal/atomicfile"},
	"internal/learners":     {"course", "notebook"},
	"notebook/notebooktest": {"course", "notebook"},
}

func TestEveryPackageImportsOnlyThoseBelowIt(t *testing.T) {
	const prefix = "github.com/goconc/goconc/kernel/"
	for pkg, allowed := range below {
		files, err := filepath.Glob(filepath.Join(pkg, "*.go"))
		require.NoError(t, err)
		require.NotEmpty(t, files, pkg)
		for _, file := range files {
			if strings.HasSuffix(file, "_test.go") {
				continue
			}
			f, err := parser.ParseFile(token.NewFileSet(), file, nil, parser.ImportsOnly)
			require.NoError(t, err)
			for _, spec := range f.Imports {
				path, _ := strconv.Unquote(spec.Path.Value)
				if dep, ok := strings.CutPrefix(path, prefix); ok {
					assert.Contains(t, allowed, dep, "%s imports kernel/%s", file, dep)
				}
			}
		}
	}
	dirs, err := os.ReadDir(".")
	require.NoError(t, err)
	for _, d := range dirs {
		if d.IsDir() && d.Name() != "testdata" && d.Name() != "internal" {
			assert.Contains(t, below, d.Name(), "kernel/%s has a place in the map", d.Name())
		}
	}
}
