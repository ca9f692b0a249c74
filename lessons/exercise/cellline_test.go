package exercise

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// gonbFile is main_test.go as GoNB writes it from a notebook's cells.
const gonbFile = `package main

import (
	"testing"

	"github.com/goconc/goconc/lessons/threads"
)

// CopyAll copies.
func CopyAll(jobs []threads.CopyJob, workers int, copyFile threads.CopyFunc) error {
	for _, j := range jobs {
		go copyFile(j)
	}
	return nil
}

func TestCopyAll(t *testing.T) {
	threads.CheckCopyAll(t, CopyAll)
}
`

const exerciseCell = `import "github.com/goconc/goconc/lessons/threads"

// CopyAll copies.
func CopyAll(jobs []threads.CopyJob, workers int, copyFile threads.CopyFunc) error {
	for _, j := range jobs {
		go copyFile(j)
	}
	return nil
}`

func gonbDirs(t *testing.T, cell string) {
	tmp, dir := t.TempDir(), t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(tmp, "main_test.go"), []byte(gonbFile), 0o644))
	nb, err := json.Marshal(map[string]any{"cells": []any{
		map[string]any{"cell_type": "code", "metadata": map[string]any{"tags": []string{"exercise:copy-all"}}, "source": cell},
	}})
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "01-threads.ipynb"), nb, 0o644))
	t.Setenv("GONB_TMP_DIR", tmp)
	t.Setenv("GONB_DIR", dir)
}

func TestAPlaceInGoNBsFileIsALineOfTheExerciseCell(t *testing.T) {
	gonbDirs(t, exerciseCell)
	assert.Equal(t, "10 goroutines waiting (sleep) in copy (copy.go:81), started by CopyAll (exercise cell:6)",
		newCellLines("copy-all").rewrite("10 goroutines waiting (sleep) in copy (copy.go:81), started by CopyAll (main_test.go:12)"))
}

func TestAPlaceNotInTheSavedNotebookIsALineOfItsFunction(t *testing.T) {
	gonbDirs(t, "// not saved since")
	assert.Equal(t, "started by CopyAll (line 3 of CopyAll)",
		newCellLines("copy-all").rewrite("started by CopyAll (main_test.go:12)"))
}

func TestOutsideGoNBPlacesStayAsTheyAre(t *testing.T) {
	t.Setenv("GONB_TMP_DIR", "")
	assert.Equal(t, "x (main_test.go:12)", newCellLines("copy-all").rewrite("x (main_test.go:12)"))
}
