package gradescope

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goconc/goconc/kernel/course"
	"github.com/goconc/goconc/kernel/internal/learners"
)

// autograder is an /autograder tree in a temp dir: source/ unzipped
// from the zip goconc gradescope builds (for 01-threads), with
// bin/goconc built from this tree where setup.sh builds it.
type autograder struct {
	root   string
	course *course.Course // this tree's
}

func newAutograder(t *testing.T) autograder {
	t.Helper()
	return newAutograderWith(t, "")
}

// newAutograderWith is newAutograder with the hidden checks in extra
// (a folder of the course's) in the zip.
func newAutograderWith(t *testing.T, extra string) autograder {
	t.Helper()
	c, err := course.Find(".")
	require.NoError(t, err)
	a := autograder{root: t.TempDir(), course: c}
	if extra != "" {
		extra = filepath.Join(c.Root, extra)
	}
	var b bytes.Buffer
	_, err = Zip(&b, c, []string{"01-threads.ipynb"}, extra)
	require.NoError(t, err)
	unzip(t, b.Bytes(), filepath.Join(a.root, "source"))
	build := exec.Command("go", "build", "-o", filepath.Join(a.root, "source", "bin", "goconc"), "./cmd/goconc")
	build.Dir = c.Root
	out, err := build.CombinedOutput()
	require.NoError(t, err, string(out))
	return a
}

func unzip(t *testing.T, data []byte, dir string) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	require.NoError(t, err)
	for _, f := range zr.File {
		path := filepath.Join(dir, f.Name)
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		r, err := f.Open()
		require.NoError(t, err)
		data, err := io.ReadAll(r)
		r.Close()
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(path, data, f.Mode().Perm()))
	}
}

// submit empties submission/ and results/, lets fill write the
// submission, runs run_autograder (the real script) with args, and
// returns results.json, checked against the specification.
func (a autograder) submit(t *testing.T, fill func(dir string), args ...string) Results {
	t.Helper()
	sub := filepath.Join(a.root, "submission")
	for _, d := range []string{sub, filepath.Join(a.root, "results")} {
		require.NoError(t, os.RemoveAll(d))
		require.NoError(t, os.MkdirAll(d, 0o755))
	}
	fill(sub)
	before := digest(t, sub)
	cmd := exec.Command(filepath.Join(a.root, "source", "run_autograder"), args...)
	cmd.Env = append(os.Environ(), "AUTOGRADER_ROOT="+a.root)
	cmd.Dir = a.root // where Gradescope runs it
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, string(out))
	assert.Equal(t, before, digest(t, sub), "the submission is read, never written")
	return readResults(t, a.root, string(out))
}

func readResults(t *testing.T, root, log string) Results {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(root, "results", "results.json"))
	require.NoError(t, err, log)
	require.NoError(t, Validate(data), string(data))
	var res Results
	require.NoError(t, json.Unmarshal(data, &res))
	return res
}

// digest is a hash of every file's path, mode, time and bytes.
func digest(t *testing.T, dir string) string {
	h := sha256.New()
	require.NoError(t, filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		h.Write([]byte(path + info.Mode().String() + info.ModTime().String()))
		if d.Type().IsRegular() {
			data, err := os.ReadFile(path)
			h.Write(data)
			return err
		}
		return nil
	}))
	return string(h.Sum(nil))
}

func write(t *testing.T, path string, data []byte) {
	t.Helper()
	require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
	require.NoError(t, os.WriteFile(path, data, 0o644))
}

func writeNotebook(t *testing.T, c *course.Course, path string, cells map[string]string) {
	t.Helper()
	require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
	require.NoError(t, learners.Copy(t, c, cells).Write(path))
}

// run_autograder on the real tree, for what learners upload: a solved
// notebook renamed in a folder, the stubs, hostile cells, no notebook,
// a notebook of another lesson, a file that is no notebook; and
// goconc itself missing. Every results.json validates, and every one
// says what happened.
func TestRunAutograderGradesWhatLearnersUpload(t *testing.T) {
	if testing.Short() {
		t.Skip("builds goconc and grades five submissions")
	}
	a := newAutograder(t)
	c := a.course
	timeout := "--timeout=20s"

	t.Run("solved, renamed, in a folder", func(t *testing.T) {
		res := a.submit(t, func(dir string) {
			writeNotebook(t, c, filepath.Join(dir, "week 1", "threads-final.ipynb"), map[string]string{"fetch-all": learners.Solved, "copy-all": learners.Solved})
			// Jupyter's autosave of the stubs, newer: skipped, not graded.
			checkpoint := filepath.Join(dir, "week 1", ".ipynb_checkpoints", "01-threads-checkpoint.ipynb")
			writeNotebook(t, c, checkpoint, nil)
			later := time.Now().Add(time.Hour)
			require.NoError(t, os.Chtimes(checkpoint, later, later))
			write(t, filepath.Join(dir, "README.md"), []byte("my notes"))
		}, timeout)
		assert.Equal(t, 20.0, res.Score, res.Output)
		require.NotEmpty(t, res.Tests)
		max := 0.0
		for _, test := range res.Tests {
			assert.Equal(t, Passed, test.Status, test.Name)
			assert.True(t, strings.HasPrefix(test.Name, "01-threads · fetch-all · ") || strings.HasPrefix(test.Name, "01-threads · copy-all · "), test.Name)
			max += test.MaxScore
		}
		assert.Equal(t, 20.0, max)
		assert.Contains(t, res.Output, "**20 of 20 points.**")
		assert.Contains(t, res.Output, "Graded with the race detector")
	})

	t.Run("the stubs", func(t *testing.T) {
		res := a.submit(t, func(dir string) {
			writeNotebook(t, c, filepath.Join(dir, "01-threads.ipynb"), nil)
		}, timeout)
		assert.Equal(t, 0.0, res.Score)
		failed := 0
		for _, test := range res.Tests {
			if test.Status == Failed {
				failed++
				assert.Contains(t, test.Output, "TODO", test.Name)
			}
		}
		assert.Greater(t, failed, 5)
	})

	t.Run("hostile: an endless loop and a cell that runs programs, without bubblewrap", func(t *testing.T) {
		res := a.submit(t, func(dir string) {
			writeNotebook(t, c, filepath.Join(dir, "01-threads.ipynb"), map[string]string{"fetch-all": "endless-loop", "copy-all": "exec"})
		}, "--timeout=5s", "--sandbox=rlimits")
		assert.Equal(t, 0.0, res.Score)
		assert.Contains(t, res.Output, "without the bubblewrap sandbox")
		var fetch, copies []string
		for _, test := range res.Tests {
			assert.Equal(t, Failed, test.Status, test.Name)
			if strings.Contains(test.Name, "· fetch-all ·") {
				fetch = append(fetch, test.Output)
			} else {
				copies = append(copies, test.Output)
			}
		}
		require.NotEmpty(t, fetch)
		require.NotEmpty(t, copies)
		assert.Contains(t, strings.Join(fetch, "\n"), "out of time")
		assert.Contains(t, copies[0], `"os/exec"`)
	})

	t.Run("no notebook", func(t *testing.T) {
		res := a.submit(t, func(dir string) {
			write(t, filepath.Join(dir, "answers.go"), []byte("package main\n"))
		})
		assert.Equal(t, 0.0, res.Score)
		assert.Empty(t, res.Tests)
		assert.Contains(t, res.Output, "Your submission has no notebook (.ipynb file), only answers.go. Upload 01-threads.ipynb")
	})

	t.Run("another lesson's notebook", func(t *testing.T) {
		res := a.submit(t, func(dir string) {
			nb := filepath.Join(dir, "homework.ipynb")
			data, err := os.ReadFile(c.CourseNotebook("03-locks.ipynb"))
			require.NoError(t, err)
			write(t, nb, data)
		})
		assert.Empty(t, res.Tests)
		assert.Contains(t, res.Output, "None of the notebooks you uploaded (homework.ipynb (03-locks)) is a copy of 01-threads.ipynb")
	})

	t.Run("a notebook that is not JSON", func(t *testing.T) {
		res := a.submit(t, func(dir string) {
			write(t, filepath.Join(dir, "01-threads.ipynb"), []byte(`{"cells": [`))
		}, timeout)
		assert.Equal(t, 0.0, res.Score)
		require.NotEmpty(t, res.Tests)
		for _, test := range res.Tests {
			assert.Equal(t, Failed, test.Status)
			assert.Contains(t, test.Output, "could not be read", test.Name)
		}
		assert.Contains(t, res.Output, "`01-threads.ipynb`: the notebook could not be read")
	})

	t.Run("goconc missing", func(t *testing.T) {
		root := t.TempDir()
		script, err := os.ReadFile(filepath.Join(a.root, "source", "run_autograder"))
		require.NoError(t, err)
		require.NoError(t, os.MkdirAll(filepath.Join(root, "source"), 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(root, "source", "run_autograder"), script, 0o755))
		cmd := exec.Command(filepath.Join(root, "source", "run_autograder"))
		cmd.Env = append(os.Environ(), "AUTOGRADER_ROOT="+root)
		out, err := cmd.CombinedOutput()
		require.NoError(t, err, string(out))
		res := readResults(t, root, string(out))
		assert.Equal(t, 0.0, res.Score)
		assert.Contains(t, res.Output, "goconc exited with status 127")
	})
}
