package kernel

import (
	"context"
	"crypto/sha256"
	"encoding/csv"
	"io/fs"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// needSandbox skips where bubblewrap is missing, except in CI, where
// `make test` has installed it and a skip would hide a failure.
func needSandbox(t *testing.T) *Sandbox {
	t.Helper()
	sb, err := NewSandbox()
	if err != nil && os.Getenv("CI") == "" {
		t.Skip(err)
	}
	require.NoError(t, err)
	return sb
}

// badStudent is one submission of the corpus: what is in its
// 01-threads notebook, and what the grader must make of it.
type badStudent struct {
	cells    map[string]string // as learnerNotebook takes them
	file     string            // raw file contents instead of a notebook
	none     bool              // hands in nothing
	fetchAll Status
	copyAll  Status
	message  string // in the fetch-all result's messages
}

var corpus = map[string]badStudent{
	"solved":          {cells: both(solved), fetchAll: Pass, copyAll: Pass},
	"stubs":           {cells: map[string]string{}, fetchAll: Fail, copyAll: Fail, message: "your code panicked: TODO"},
	"compile-error":   {cells: one("compile-error"), fetchAll: Error, copyAll: Pass, message: "does not compile: exercise cell:"},
	"renamed":         {cells: one("renamed"), fetchAll: Error, copyAll: Pass, message: "the check calls FetchAll"},
	"race":            {cells: one("race"), fetchAll: Fail, copyAll: Pass, message: "data race"},
	"goroutine-panic": {cells: one("goroutine-panic"), fetchAll: Error, copyAll: Pass, message: "index out of range"},
	"endless-loop":    {cells: one("endless-loop"), fetchAll: Timeout, copyAll: Pass, message: "ran out of time"},
	"deadlock":        {cells: one("deadlock"), fetchAll: Timeout, copyAll: Pass, message: "had not returned"}, // the real-server part waits exercise.RealStuckAfter, as long as the timeout
	"leak":            {cells: map[string]string{"fetch-all": solved, "copy-all": "leak"}, fetchAll: Pass, copyAll: Fail},
	"gonb-main":       {cells: one("gonb-main"), fetchAll: Error, copyAll: Pass, message: "GoNB command"},
	"output-flood":    {cells: one("output-flood"), fetchAll: Error, copyAll: Pass, message: "printed more than 1024 KiB"},
	"memory-hog":      {cells: one("memory-hog"), fetchAll: Error, copyAll: Pass, message: "more than 1024 MiB of memory"},
	"goroutine-bomb":  {cells: one("goroutine-bomb"), fetchAll: Error, copyAll: Pass},
	"vandal":          {cells: one("vandal"), fetchAll: Fail, copyAll: Pass, message: "no such file or directory"},
	"dial":            {cells: one("dial"), fetchAll: Error, copyAll: Pass, message: `imports "net/http"`},
	"exec":            {cells: map[string]string{"fetch-all": solved, "copy-all": "exec"}, fetchAll: Pass, copyAll: Error},
	"nil-panic":       {cells: map[string]string{"fetch-all": solved, "copy-all": "panic"}, fetchAll: Pass, copyAll: Fail},
	"untagged":        {cells: map[string]string{"fetch-all": "-", "copy-all": solved}, fetchAll: Missing, copyAll: Pass, message: "no cell tagged exercise:fetch-all"},
	"not-json":        {file: "{\"cells\": [", fetchAll: Error, copyAll: Error, message: "not valid JSON"},
	"nbformat-3":      {file: `{"nbformat": 3, "nbformat_minor": 0, "worksheets": []}`, fetchAll: Error, copyAll: Error, message: "nbformat is 3"},
	"absent":          {none: true, fetchAll: Missing, copyAll: Missing, message: "not handed in"},
}

func both(cell string) map[string]string {
	return map[string]string{"fetch-all": cell, "copy-all": cell}
}
func one(cell string) map[string]string {
	return map[string]string{"fetch-all": cell, "copy-all": solved}
}

// A class of broken, hostile and correct submissions, graded at once in
// the sandbox: every student gets a row per exercise with the status
// their code earned, the submissions are not written, and the files
// the hostile one went for are untouched and unread.
func TestGradingTheCorpusGivesEveryStudentTheirRowsAndTouchesNothing(t *testing.T) {
	t.Parallel()
	sb := needSandbox(t)
	c, err := FindCourse(".")
	require.NoError(t, err)
	subs, out := t.TempDir(), t.TempDir()
	victim := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(victim, "keep.txt"), []byte("mine"), 0o644))
	home, err := os.UserHomeDir()
	require.NoError(t, err)
	secret, err := os.CreateTemp(home, ".goconc-secret-")
	require.NoError(t, err)
	secret.WriteString("the-instructors-secret")
	secret.Close()
	t.Cleanup(func() { os.Remove(secret.Name()) })
	fill := strings.NewReplacer("{{SECRET}}", secret.Name(), "{{VICTIM}}", victim, "{{HOME}}", home)

	for name, s := range corpus {
		dir := filepath.Join(subs, name)
		require.NoError(t, os.MkdirAll(dir, 0o755))
		path := filepath.Join(dir, "01-threads.ipynb")
		switch {
		case s.none:
		case s.file != "":
			require.NoError(t, os.WriteFile(path, []byte(s.file), 0o644))
		default:
			nb := learnerCopy(t, c, s.cells)
			for _, ex := range nb.Exercises() {
				if ex.Code != nil {
					ex.Code.SetSource(fill.Replace(ex.Code.Source()))
				}
			}
			require.NoError(t, nb.Write(path))
		}
	}
	before := treeDigest(t, subs)

	ch := NewChecker(c)
	ch.Sandbox, ch.Timeout, ch.Parallel = sb, 5*time.Second, 1
	g := &Grader{Checker: ch, Jobs: 2}
	results, err := g.Grade(context.Background(), subs)
	require.NoError(t, err)
	require.Len(t, results, len(corpus))

	for _, r := range results {
		want := corpus[r.Student]
		t.Run(r.Student, func(t *testing.T) {
			byID := map[string]ExerciseResult{}
			for _, nb := range r.Notebooks {
				for _, e := range nb.Exercises {
					byID[e.Exercise] = e
					assert.Equal(t, 10, e.MaxPoints, "%s is worth 10 points whatever happened", e.Exercise)
				}
			}
			fa, ca := byID["fetch-all"], byID["copy-all"]
			assert.Equal(t, want.fetchAll, fa.Status, "fetch-all: %s\n%s", fa.Message, partMessages(fa))
			assert.Equal(t, want.copyAll, ca.Status, "copy-all: %s\n%s", ca.Message, partMessages(ca))
			all := fa.Message + "\n" + fa.Output + "\n" + partMessages(fa)
			assert.Contains(t, all, want.message)
			assert.NotContains(t, all+Feedback(r), "the-instructors-secret")
		})
	}

	assert.Equal(t, before, treeDigest(t, subs), "submissions are read, never written")
	kept, err := os.ReadFile(filepath.Join(victim, "keep.txt"))
	assert.NoError(t, err, "the vandal deleted a file outside its sandbox")
	assert.Equal(t, "mine", string(kept))
	assert.NoFileExists(t, filepath.Join(filepath.Dir(victim), "planted"))

	require.NoError(t, WriteClass(out, Class{Students: results}))
	f, err := os.Open(filepath.Join(out, "grades.csv"))
	require.NoError(t, err)
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	require.NoError(t, err)
	assert.Equal(t, GradesHeader, rows[0])
	exercises := 0
	for _, nb := range results[0].Notebooks {
		exercises += len(nb.Exercises)
	}
	assert.Len(t, rows, 1+exercises*len(corpus), "one row per student and course exercise, handed in or not")
	for name := range corpus {
		assert.FileExists(t, filepath.Join(out, "feedback", name+".md"))
	}
}

// treeDigest sums the names, contents and modification times of every
// file under dir.
func treeDigest(t *testing.T, dir string) [32]byte {
	t.Helper()
	h := sha256.New()
	require.NoError(t, filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		data, _ := os.ReadFile(path)
		h.Write([]byte(path + info.ModTime().String()))
		h.Write(data)
		return nil
	}))
	var sum [32]byte
	copy(sum[:], h.Sum(nil))
	return sum
}

// The sandbox has no network: a server on the host's loopback, which
// a process outside reaches, cannot be reached from inside.
func TestTheSandboxHasNoNetwork(t *testing.T) {
	sb := needSandbox(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	defer ln.Close()
	go func() {
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			conn.Close()
		}
	}()
	dial := "exec 3<>/dev/tcp/" + strings.Replace(ln.Addr().String(), ":", "/", 1) + " && echo reached || echo unreachable"
	outside, _ := exec.Command("/bin/bash", "-c", dial).CombinedOutput()
	require.Contains(t, string(outside), "reached", "the server answers outside the sandbox")
	inside, _ := sb.Run(exec.Command("/bin/bash", "-c", dial), "").CombinedOutput()
	assert.Contains(t, string(inside), "unreachable")
}
