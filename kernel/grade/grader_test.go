package grade

import (
	"context"
	"crypto/sha256"
	"encoding/csv"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/goconc/goconc/kernel/check"
	"github.com/goconc/goconc/kernel/course"
	"github.com/goconc/goconc/kernel/internal/learners"
	"github.com/goconc/goconc/kernel/sandbox"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// needSandbox skips where bubblewrap is missing, except in CI, where
// `make test` has installed it and a skip would hide a failure.
func needSandbox(t *testing.T) *sandbox.Sandbox {
	t.Helper()
	sb, err := sandbox.New()
	if err != nil && os.Getenv("CI") == "" {
		t.Skip(err)
	}
	require.NoError(t, err)
	return sb
}

// badStudent is one submission of the corpus: what is in its
// 01-threads notebook, and what the grader must make of it.
type badStudent struct {
	cells    map[string]string // as learners.Copy takes them
	file     string            // raw file contents instead of a notebook
	none     bool              // hands in nothing
	fetchAll check.Status
	copyAll  check.Status
	message  string // in the fetch-all result's messages
}

var corpus = map[string]badStudent{
	"solved":          {cells: both(learners.Solved), fetchAll: check.Pass, copyAll: check.Pass},
	"stubs":           {cells: map[string]string{}, fetchAll: check.Fail, copyAll: check.Fail, message: "your code panicked: TODO"},
	"compile-error":   {cells: one("compile-error"), fetchAll: check.Error, copyAll: check.Pass, message: "does not compile: exercise cell:"},
	"renamed":         {cells: one("renamed"), fetchAll: check.Error, copyAll: check.Pass, message: "the check calls FetchAll"},
	"race":            {cells: one("race"), fetchAll: check.Fail, copyAll: check.Pass, message: "data race"},
	"goroutine-panic": {cells: one("goroutine-panic"), fetchAll: check.Error, copyAll: check.Pass, message: "index out of range"},
	"endless-loop":    {cells: one("endless-loop"), fetchAll: check.Timeout, copyAll: check.Pass, message: "ran out of time"},
	"deadlock":        {cells: one("deadlock"), fetchAll: check.Timeout, copyAll: check.Pass, message: "had not returned"}, // the real-server part waits exercise.RealStuckAfter, as long as the timeout
	"leak":            {cells: map[string]string{"fetch-all": learners.Solved, "copy-all": "leak"}, fetchAll: check.Pass, copyAll: check.Fail},
	"gonb-main":       {cells: one("gonb-main"), fetchAll: check.Error, copyAll: check.Pass, message: "GoNB command"},
	"output-flood":    {cells: one("output-flood"), fetchAll: check.Error, copyAll: check.Pass, message: "printed more than 1024 KiB"},
	"memory-hog":      {cells: one("memory-hog"), fetchAll: check.Error, copyAll: check.Pass, message: "more than 512 MiB of memory"},
	"goroutine-bomb":  {cells: one("goroutine-bomb"), fetchAll: check.Error, copyAll: check.Pass},
	"vandal":          {cells: one("vandal"), fetchAll: check.Fail, copyAll: check.Pass, message: "no such file or directory"},
	"dial":            {cells: one("dial"), fetchAll: check.Error, copyAll: check.Pass, message: `imports "net/http"`},
	"exec":            {cells: map[string]string{"fetch-all": learners.Solved, "copy-all": "exec"}, fetchAll: check.Pass, copyAll: check.Error},
	"nil-panic":       {cells: map[string]string{"fetch-all": learners.Solved, "copy-all": "panic"}, fetchAll: check.Pass, copyAll: check.Fail},
	"untagged":        {cells: map[string]string{"fetch-all": "-", "copy-all": learners.Solved}, fetchAll: check.Missing, copyAll: check.Pass, message: "no cell tagged exercise:fetch-all"},
	"not-json":        {file: "{\"cells\": [", fetchAll: check.Error, copyAll: check.Error, message: "not valid JSON"},
	"nbformat-3":      {file: `{"nbformat": 3, "nbformat_minor": 0, "worksheets": []}`, fetchAll: check.Error, copyAll: check.Error, message: "nbformat is 3"},
	"absent":          {none: true, fetchAll: check.Missing, copyAll: check.Missing, message: "not handed in"},
}

func both(cell string) map[string]string {
	return map[string]string{"fetch-all": cell, "copy-all": cell}
}
func one(cell string) map[string]string {
	return map[string]string{"fetch-all": cell, "copy-all": learners.Solved}
}

// A class of broken, hostile and correct submissions, graded at once in
// the sandbox: every student gets a row per exercise with the status
// their code earned, the submissions are not written, and the files
// the hostile one went for are untouched and unread.
func TestGradingTheCorpusGivesEveryStudentTheirRowsAndTouchesNothing(t *testing.T) {
	t.Parallel()
	sb := needSandbox(t)
	c, err := course.Find(".")
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
			nb := learners.Copy(t, c, s.cells)
			for _, ex := range nb.Exercises() {
				if ex.Code != nil {
					ex.Code.SetSource(fill.Replace(ex.Code.Source()))
				}
			}
			require.NoError(t, nb.Write(path))
		}
	}
	before := treeDigest(t, subs)

	ch := check.New(c)
	ch.Sandbox, ch.Timeout, ch.Parallel = sb, 5*time.Second, 1
	// Half the grader's memory limit: the hog reaches it in half the
	// CPU time, well within the short time limit even on a busy machine
	// (at 1 GiB, two jobs of our own and others' builds made it time
	// out first), and a correct check still needs a fraction of it.
	ch.Limits.Memory = 512 << 20
	g := &Grader{Checker: ch, Jobs: 2}
	results, err := g.Grade(context.Background(), subs)
	require.NoError(t, err)
	require.Len(t, results, len(corpus))

	for _, r := range results {
		want := corpus[r.Student]
		t.Run(r.Student, func(t *testing.T) {
			byID := map[string]check.ExerciseResult{}
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

// partMessages is every part's name and message, for a failed
// assertion to show.
func partMessages(r check.ExerciseResult) string {
	var b strings.Builder
	for _, p := range r.Parts {
		b.WriteString(p.Name + ": " + p.Message + "\n")
	}
	return b.String()
}
