package main

import (
	"context"
	"crypto/sha256"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/goconc/goconc/kernel/check"
	"github.com/goconc/goconc/kernel/course"
	"github.com/goconc/goconc/kernel/notebook"
	"github.com/goconc/goconc/kernel/sandbox"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// runPrinting runs `goconc name args...` as main would and returns
// what it printed.
func runPrinting(t *testing.T, name string, args ...string) string {
	t.Helper()
	out, err := runPrintingIn(t, nil, name, args...)
	require.NoError(t, err, out)
	return out
}

// runPrintingIn runs `goconc name args...` on course c (nil: found by
// the command, as grade and collect do) and returns what it printed
// and its error.
func runPrintingIn(t *testing.T, c *course.Course, name string, args ...string) (string, error) {
	t.Helper()
	cmd, ok := find(name)
	require.True(t, ok, name)
	_, do := cmd.flagSet()
	r, w, err := os.Pipe()
	require.NoError(t, err)
	stdout := os.Stdout
	os.Stdout = w
	printed := make(chan string)
	go func() {
		data, _ := io.ReadAll(r)
		printed <- string(data)
	}()
	err = do(context.Background(), c, args)
	os.Stdout = stdout
	w.Close()
	return <-printed, err
}

// tree is every file and link under dir with its bytes' digest (or
// target) and modification time, links not followed.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	require.NoError(t, filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		require.NoError(t, err)
		info, err := os.Lstat(path)
		require.NoError(t, err)
		what := info.Mode().String()
		if info.Mode().IsRegular() {
			data, err := os.ReadFile(path)
			require.NoError(t, err)
			sum := sha256.Sum256(data)
			what += fmt.Sprintf(" %x", sum)
		} else if target, err := os.Readlink(path); err == nil {
			what += target
		}
		rel, _ := filepath.Rel(dir, path)
		files[rel] = what + " " + info.ModTime().String()
		return nil
	}))
	return files
}

// The loop of a class on one machine, after the hub: learners' homes
// → collect → grade with a due time, the submission times taken from
// the manifest even after the copies lost theirs → feedback back in
// the homes, and nothing else in a home changed.
func TestCollectThenGradeThenReturnFeedbackClosesTheLoop(t *testing.T) {
	root, err := filepath.Abs("../..")
	require.NoError(t, err)
	c, err := course.Find(root)
	require.NoError(t, err)
	due := time.Date(2026, 12, 1, 23, 59, 0, 0, time.UTC)
	aliceSaved, bobSaved := due.Add(-3*time.Hour), due.Add(90*time.Minute)

	// The homes as goconc hub hands the course out (<hub dir>/homes).
	homes := filepath.Join(t.TempDir(), "homes")
	notebooks, err := c.Notebooks()
	require.NoError(t, err)
	for _, l := range []string{"alice", "bob"} {
		handIn(t, root, homes, filepath.Join(l, "course"), baseNames(notebooks)...)
	}
	require.NoError(t, os.MkdirAll(filepath.Join(homes, "carol", "course"), 0o755))
	alice := filepath.Join(homes, "alice", "course", "01-threads.ipynb")
	solve(t, c, alice, "threads", "fetch-all")
	require.NoError(t, os.Chtimes(alice, aliceSaved, aliceSaved))
	bob := filepath.Join(homes, "bob", "course", "01-threads.ipynb")
	require.NoError(t, os.Chtimes(bob, bobSaved, bobSaved))
	before := tree(t, homes)

	subs := filepath.Join(t.TempDir(), "submissions")
	printed := runPrinting(t, "collect", "--homes", homes, "--out", subs)
	assert.Contains(t, printed, "collected 3 learners, 14 notebooks from "+homes)
	assert.Contains(t, printed, "no notebooks to collect (an empty folder each): carol")
	assert.Equal(t, before, tree(t, homes), "collect changes nothing in the homes")

	// Copied on without their times (no cp -p): the manifest has them.
	now := time.Now()
	copies, _ := filepath.Glob(filepath.Join(subs, "*", "*.ipynb"))
	require.NotEmpty(t, copies)
	for _, p := range copies {
		require.NoError(t, os.Chtimes(p, now, now))
	}

	grades := filepath.Join(t.TempDir(), "grades")
	args := []string{"--course", root, "--notebooks", "01-threads", "--race=false",
		"--due", due.Format(time.RFC3339), "--out", grades}
	if _, err := sandbox.New(); err != nil && os.Getenv("CI") == "" {
		t.Logf("grading without the sandbox: %v", err)
		args = append(args, "--unsafe-no-sandbox")
	}
	printed = runPrinting(t, "grade", append(args, subs)...)
	assert.Contains(t, printed, "submission times: from "+filepath.Join(subs, "manifest.json"))
	assert.NotContains(t, printed, "ignoring manifest.json", "the manifest is no stray")
	assert.Contains(t, printed, "1 notebooks handed in after "+due.Format(time.RFC3339))
	assert.Contains(t, printed, "bob 01-threads (1h30m late)")

	class := readClass(t, grades)
	require.Len(t, class.Students, 3, "alice, bob and carol; manifest.json is no learner")
	byName := map[string]int{}
	for i, s := range class.Students {
		byName[s.Student] = i
	}
	threads := func(name string) (nb struct {
		at   *time.Time
		late *bool
		fa   check.Status
	}) {
		n := class.Students[byName[name]].Notebooks[0]
		nb.at, nb.late = n.SubmittedAt, n.Late
		for _, e := range n.Exercises {
			if e.Exercise == "fetch-all" {
				nb.fa = e.Status
			}
		}
		return nb
	}
	a, b, cr := threads("alice"), threads("bob"), threads("carol")
	assert.Equal(t, check.Pass, a.fa)
	assert.Equal(t, check.Fail, b.fa)
	assert.Equal(t, check.Missing, cr.fa)
	require.NotNil(t, a.at)
	assert.Equal(t, aliceSaved, *a.at, "alice's time is her last save, from the manifest")
	assert.False(t, *a.late)
	require.NotNil(t, b.at)
	assert.Equal(t, bobSaved, *b.at)
	assert.True(t, *b.late)
	assert.Nil(t, cr.at)

	printed = runPrinting(t, "collect", "--return-feedback", filepath.Join(grades, "feedback"), "--homes", homes)
	assert.Contains(t, printed, "returned feedback to 3 learners")
	for _, l := range []string{"alice", "bob", "carol"} {
		want, err := os.ReadFile(filepath.Join(grades, "feedback", l+".md"))
		require.NoError(t, err)
		got, err := os.ReadFile(filepath.Join(homes, l, "course", "feedback.md"))
		require.NoError(t, err)
		assert.Equal(t, string(want), string(got), l)
	}
	page, _ := os.ReadFile(filepath.Join(homes, "alice", "course", "feedback.md"))
	assert.Contains(t, string(page), "fetch-all")
	after := tree(t, homes)
	for _, l := range []string{"alice", "bob", "carol"} {
		for _, rel := range []string{filepath.Join(l, "course"), filepath.Join(l, "course", "feedback.md")} {
			delete(before, rel)
			delete(after, rel)
		}
	}
	assert.Equal(t, before, after, "only feedback.md is added to a home")
}

// solve writes the reference solution into one exercise cell of the
// notebook at path, as a learner types it in Jupyter.
func solve(t *testing.T, c *course.Course, path, topic, id string) {
	t.Helper()
	nb, err := notebook.Read(path)
	require.NoError(t, err)
	src, err := c.Solution(topic, id)
	require.NoError(t, err)
	for _, ex := range nb.Exercises() {
		if ex.ID == id {
			ex.Code.SetSource(src)
		}
	}
	require.NoError(t, nb.Write(path))
}

func baseNames(paths []string) []string {
	names := make([]string, len(paths))
	for i, p := range paths {
		names[i] = filepath.Base(p)
	}
	return names
}

func TestCollectWantsOneOfOutAndReturnFeedback(t *testing.T) {
	cmd, _ := find("collect")
	for _, args := range [][]string{{}, {"--out", "a", "--return-feedback", "b"}, {"--out", "a", "extra"}} {
		_, do := cmd.flagSet()
		err := do(context.Background(), nil, args)
		assert.ErrorContains(t, err, "usage: goconc collect --out SUBMISSIONS", strings.Join(args, " "))
	}
}
