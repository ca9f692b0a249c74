package jupyter

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/goconc/goconc/kernel/course"
	"github.com/goconc/goconc/kernel/notebook"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// needJupyter skips where Jupyter is not installed, except in CI,
// where `make test` has installed it and a skip would hide a failure.
func needJupyter(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("jupyter"); err != nil && os.Getenv("CI") == "" {
		t.Skip("jupyter is not installed: run goconc setup --headless")
	}
}

func tagged(c *notebook.Cell, tags ...string) *notebook.Cell {
	list := []any{}
	for _, t := range tags {
		list = append(list, t)
	}
	c.Metadata()["tags"] = list
	return c
}

func TestRunReportsEveryCellThatMayNotFail(t *testing.T) {
	needJupyter(t)
	c, err := course.Find(".")
	require.NoError(t, err)
	nb := notebook.New(
		notebook.NewCodeCell("setup", "!*go mod edit -require="+course.ModulePath+"@v0.0.0 -replace="+course.ModulePath+"="+c.Root+" && cp "+c.Root+"/go.sum go.sum"),
		notebook.NewCodeCell("fine", "%%\nfmt.Println(\"fine\")"),
		notebook.NewCodeCell("broken", "%%\nfmt.Println(undefinedThing)"),
		tagged(notebook.NewCodeCell("meant-to-fail", "%%\npanic(\"on purpose\")"), "raises-exception"),
		tagged(notebook.NewCodeCell("check", "%%\npanic(\"unsolved\")"), "check:demo", "raises-exception"),
		notebook.NewCodeCell("after", "%%\nfmt.Println(\"still ran\")"),
	)
	dir := t.TempDir()
	path := filepath.Join(dir, "demo.ipynb")
	require.NoError(t, nb.Write(path))
	before, _ := os.ReadFile(path)

	res, err := Run(context.Background(), c, path, RunOptions{CellTimeout: 2 * time.Minute})
	require.NoError(t, err)
	require.Len(t, res.Failures, 1, "%v", res.Failures)
	assert.Equal(t, 2, res.Failures[0].Index)
	assert.Contains(t, res.Failures[0].Error, "undefinedThing")
	after, _ := os.ReadFile(path)
	assert.Equal(t, before, after, "without --write the notebook is not touched")

	// With the solutions in, a failing check cell is a failure too.
	nb.Cells = nb.Cells[:len(nb.Cells)-1]
	require.NoError(t, nb.Write(path))
	res, err = Run(context.Background(), c, path, RunOptions{Solved: true, Write: true, CellTimeout: 2 * time.Minute})
	require.NoError(t, err)
	require.Len(t, res.Failures, 2)
	assert.Equal(t, 4, res.Failures[1].Index)
	assert.Equal(t, filepath.Join(dir, "demo.solved.ipynb"), res.Written)
	out, err := notebook.Read(res.Written)
	require.NoError(t, err)
	assert.Contains(t, notebook.MultilineText(out.Cells[1].Outputs()[0]["text"]), "fine")
}
