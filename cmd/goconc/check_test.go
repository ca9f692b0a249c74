package main

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/goconc/goconc/kernel/course"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A learner names two notebooks, one of them renamed: each is checked
// in turn, an untouched stub's TODO is said once per exercise, not once
// per claim, and the exit status is 1.
func TestCheckingSeveralNotebooksChecksEachAndSaysAStubsTODOOnce(t *testing.T) {
	root, err := filepath.Abs("../..")
	require.NoError(t, err)
	c, err := course.Find(root)
	require.NoError(t, err)
	mine := filepath.Join(t.TempDir(), "01-threads-mine.ipynb")
	data, err := os.ReadFile(filepath.Join(root, "notebooks", "01-threads.ipynb"))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(mine, data, 0o644))

	out, err := runPrintingIn(t, c, "check", mine, filepath.Join(root, "notebooks", "02-daemon.ipynb"))
	assert.Equal(t, exitError(1), err)
	assert.Contains(t, out, "checking 01-threads-mine.ipynb")
	assert.Contains(t, out, "checking 02-daemon.ipynb")
	assert.Contains(t, out, "FAIL    copy-all  0/10 points")
	assert.Contains(t, out, "FAIL    heartbeat  0/10 points")
	assert.Equal(t, 1, strings.Count(out, "TODO: start workers goroutines"), out)
	assert.Equal(t, 4, strings.Count(out, "every claim marked ✗ failed the same way:"), "the four exercises of the two notebooks:\n%s", out)
}

// A name that is not there, or a file that is not a notebook, does not
// stop the check of the others named after it: they are checked, and
// the names that could not be read are said at the end, exit status 2.
func TestCheckingGoesOnPastANameItCannotRead(t *testing.T) {
	root, err := filepath.Abs("../..")
	require.NoError(t, err)
	c, err := course.Find(root)
	require.NoError(t, err)
	broken := filepath.Join(t.TempDir(), "my copy.ipynb")
	require.NoError(t, os.WriteFile(broken, []byte(`{"cells": [`), 0o644))

	out, err := runPrintingIn(t, c, "check", filepath.Join(t.TempDir(), "gone.ipynb"), broken, filepath.Join(root, "notebooks", "02-daemon.ipynb"))
	assert.Contains(t, out, "checking 02-daemon.ipynb")
	require.Error(t, err)
	var status exitError
	assert.False(t, errors.As(err, &status), "a name that could not be read is a problem (exit status 2), not a failed check: %v", err)
	assert.Contains(t, err.Error(), "gone.ipynb")
	assert.Contains(t, err.Error(), "my copy.ipynb")
}

func TestAFolderNameWithSpacesIsQuotedInTheHint(t *testing.T) {
	assert.Equal(t, "notebooks/NOTEBOOK.ipynb", shellWord("notebooks/NOTEBOOK.ipynb"))
	assert.Equal(t, "'my work/NOTEBOOK.ipynb'", shellWord("my work/NOTEBOOK.ipynb"))
	assert.Equal(t, `'Ada'\''s/NOTEBOOK.ipynb'`, shellWord("Ada's/NOTEBOOK.ipynb"))
}
