// Package learners writes notebooks as learners hand them in, for the
// checker's and the grader's tests and benchmarks: a course notebook
// whose exercise cells hold the reference solution, the stub as handed
// out, or one of the right, wrong and hostile cells of the corpus in
// kernel/testdata/cells, and a whole generated class of them.
package learners

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/goconc/goconc/kernel/course"
	"github.com/goconc/goconc/kernel/notebook"
)

// Solved, as the cell of an exercise, is its reference solution.
const Solved = "solution"

// ClassSize is the generated class the grading benchmarks share.
const ClassSize = 30

// CellsDir is the corpus of exercise cells: <exercise>.<name>.cell.
func CellsDir(c *course.Course) string {
	return filepath.Join(c.Root, "kernel", "testdata", "cells")
}

// Copy is the course's 01-threads notebook with its exercise cells as
// cells names them, by exercise id: Solved, a corpus name ("race" is
// fetch-all.race.cell), "" to keep the stub, or "-" to delete the
// cell's tag.
func Copy(t testing.TB, c *course.Course, cells map[string]string) *notebook.Notebook {
	t.Helper()
	nb, err := notebook.Read(c.CourseNotebook("01-threads.ipynb"))
	require.NoError(t, err)
	for _, ex := range nb.Exercises() {
		switch name := cells[ex.ID]; name {
		case "":
		case "-":
			ex.Code.Metadata()["tags"] = []any{}
		case Solved:
			src, err := c.Solution("threads", ex.ID)
			require.NoError(t, err)
			ex.Code.SetSource(src)
		default:
			src, err := os.ReadFile(filepath.Join(CellsDir(c), ex.ID+"."+name+".cell"))
			require.NoError(t, err)
			ex.Code.SetSource(string(src))
		}
	}
	return nb
}

// Write saves Copy as 01-threads.ipynb in a temp dir of the test's,
// and returns its path.
func Write(t testing.TB, c *course.Course, cells map[string]string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "01-threads.ipynb")
	require.NoError(t, Copy(t, c, cells).Write(path))
	return path
}

// Class writes a generated class of n students (see WriteClass) into a
// temp dir of the test's, and returns the course and that dir.
func Class(t testing.TB, n int) (*course.Course, string) {
	t.Helper()
	c, err := course.Find(".")
	require.NoError(t, err)
	dir := t.TempDir()
	require.NoError(t, WriteClass(c, dir, n))
	return c, dir
}
