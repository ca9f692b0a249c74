package kernel

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

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

func tagged(c *Cell, tags ...string) *Cell {
	list := []any{}
	for _, t := range tags {
		list = append(list, t)
	}
	c.Metadata()["tags"] = list
	return c
}

func TestRunReportsEveryCellThatMayNotFail(t *testing.T) {
	needJupyter(t)
	c, err := FindCourse(".")
	require.NoError(t, err)
	nb := NewNotebook(
		NewCodeCell("setup", "!*go mod edit -require="+ModulePath+"@v0.0.0 -replace="+ModulePath+"="+c.Root+" && cp "+c.Root+"/go.sum go.sum"),
		NewCodeCell("fine", "%%\nfmt.Println(\"fine\")"),
		NewCodeCell("broken", "%%\nfmt.Println(undefinedThing)"),
		tagged(NewCodeCell("meant-to-fail", "%%\npanic(\"on purpose\")"), "raises-exception"),
		tagged(NewCodeCell("check", "%%\npanic(\"unsolved\")"), "check:demo", "raises-exception"),
		NewCodeCell("after", "%%\nfmt.Println(\"still ran\")"),
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
	out, err := ReadNotebook(res.Written)
	require.NoError(t, err)
	assert.Contains(t, outputText(out.Cells[1].Outputs()[0]["text"]), "fine")
}

func TestKernelSpecGetsAPathThatFindsTheTools(t *testing.T) {
	file := filepath.Join(t.TempDir(), "kernel.json")
	require.NoError(t, os.WriteFile(file, []byte(`{"argv": ["gonb"], "env": {"X": "1"}, "language": "go"}`), 0o644))
	require.NoError(t, setKernelPath(file, "/go/bin:/usr/bin"))
	data, _ := os.ReadFile(file)
	assert.JSONEq(t, `{"argv": ["gonb"], "env": {"X": "1", "PATH": "/go/bin:/usr/bin"}, "language": "go"}`, string(data))
}

func TestGoNBCompileErrorsAreReadOutOfItsHTML(t *testing.T) {
	page := `<style>.x{}</style><div class="jp-RenderedText" data-mime-type="application/vnd.jupyter.stderr">` +
		`<div> # gonb_e0f9dca2</div><div><span class="gonb-err-hover-area"><span class="gonb-cell-line-info">Cell[1]: Line 2</span> ` +
		`<span class="gonb-err-location">./main.go:11:13: </span></span>undefined: undefinedThing<div class="gonb-err-context">` +
		"func main() {\n<div class=\"gonb-err-line\">fmt.Println(undefinedThing)</div>}</div></div></div>"
	assert.Equal(t, "# gonb_e0f9dca2\nCell[1]: Line 2 ./main.go:11:13: undefined: undefinedThing", gonbErrorText(page))
	assert.Empty(t, gonbErrorText("<div><svg/></div>"))
}
