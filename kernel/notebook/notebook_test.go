package notebook

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestNotebooksSavedByJupyterWriteBackByteIdentical(t *testing.T) {
	files, err := filepath.Glob("testdata/roundtrip/*.ipynb")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			want, err := os.ReadFile(f)
			require.NoError(t, err)
			nb, err := Parse(want)
			require.NoError(t, err)
			assert.Equal(t, string(want), string(nb.Marshal()))
		})
	}
}

func TestUnknownFieldsSurviveARoundTrip(t *testing.T) {
	nb := readFixture(t, "roundtrip/jupyter-written.ipynb")
	custom := nb.Metadata()["custom"].(map[string]any)
	assert.Equal(t, "12345678901234567890", custom["big"].(interface{ String() string }).String())
	assert.Contains(t, string(nb.Marshal()), `"ratio": 1.5`)
	assert.Contains(t, string(nb.Marshal()), `"attachments"`)
}

func TestSourceMayBeAStringOrAListOfLines(t *testing.T) {
	nb, err := Parse([]byte(`{"nbformat": 4, "nbformat_minor": 5, "metadata": {},
		"cells": [
		 {"cell_type": "code", "id": "a", "metadata": {}, "outputs": [], "execution_count": null, "source": "x := 1\ny := 2"},
		 {"cell_type": "code", "id": "b", "metadata": {}, "outputs": [], "execution_count": null, "source": ["x := 1\n", "y := 2"]}]}`))
	require.NoError(t, err)
	assert.Equal(t, "x := 1\ny := 2", nb.Cells[0].Source())
	assert.Equal(t, nb.Cells[0].Source(), nb.Cells[1].Source())
}

func TestSetSourceSplitsLinesAsPythonDoes(t *testing.T) {
	c := NewCodeCell("x", "a\nb\r\nc\rd\u2028e\n")
	assert.Equal(t, []any{"a\n", "b\r\n", "c\r", "d\u2028", "e\n"}, c.raw["source"])
	assert.Equal(t, "a\nb\r\nc\rd\u2028e\n", c.Source())
	c.SetSource("")
	assert.Equal(t, []any{}, c.raw["source"])
}

func TestBrokenNotebooksSayWhatIsWrong(t *testing.T) {
	cases := map[string]string{
		`{"cells": [`:                   "not valid JSON",
		`[1, 2]`:                        "not an object",
		`{"nbformat": 3, "cells": []}`:  "nbformat is 3, want 4",
		`{"nbformat": 4}`:               "no list of cells",
		`{"nbformat": 4, "cells": [1]}`: "cell 0: not a JSON object",
		`{"nbformat": 4, "cells": [{"cell_type": "python", "source": ""}]}`: "cell 0: cell_type is python",
		`{"nbformat": 4, "cells": [{"cell_type": "code", "source": 7}]}`:    "cell 0: source is neither",
	}
	for in, want := range cases {
		_, err := Parse([]byte(in))
		require.Error(t, err, in)
		assert.Contains(t, err.Error(), want, in)
	}
}

func TestTagsFindExerciseIDs(t *testing.T) {
	nb := readFixture(t, "roundtrip/jupyter-written.ipynb")
	c := nb.Cells[1]
	assert.True(t, c.HasTag("raises-exception"))
	id, ok := c.TagValue("exercise")
	assert.True(t, ok)
	assert.Equal(t, "demo", id)
	_, ok = c.TagValue("check")
	assert.False(t, ok)
}

func TestWriteIsAtomicAndReadable(t *testing.T) {
	nb := readFixture(t, "roundtrip/jupyter-written.ipynb")
	out := filepath.Join(t.TempDir(), "nb.ipynb")
	require.NoError(t, nb.Write(out))
	back, err := Read(out)
	require.NoError(t, err)
	assert.Equal(t, nb.Marshal(), back.Marshal())
	entries, _ := os.ReadDir(filepath.Dir(out))
	assert.Len(t, entries, 1, "no temp file is left behind")
}

func readFixture(t *testing.T, name string) *Notebook {
	t.Helper()
	nb, err := Read(filepath.Join("testdata", name))
	require.NoError(t, err)
	return nb
}
