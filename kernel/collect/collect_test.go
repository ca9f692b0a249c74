package collect

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Every learner's notebooks arrive byte for byte with their times, the
// manifest records them, and the homes are as they were: same files,
// same bytes, same modification times.
func TestCollectCopiesEveryLearnersNotebooksAndChangesNothingInTheHomes(t *testing.T) {
	homes := hubHomes(t)
	before := snapshot(t, homes)
	subs := filepath.Join(t.TempDir(), "submissions")

	r, err := Collect(homes, subs)
	require.NoError(t, err)

	assert.Equal(t, before, snapshot(t, homes), "the homes are read, never written")
	byName := map[string]Collected{}
	for _, l := range r.Learners {
		byName[l.Name] = l
	}
	assert.Equal(t, []string{"alice", "bob", "carol", "dave"}, names(r.Learners), "teacher has no course/; -rf is not safe")
	assert.Equal(t, []string{"01-threads.ipynb", "02-daemon.ipynb"}, byName["alice"].Notebooks, "no checkpoints, solved copies or notes")
	assert.Empty(t, byName["bob"].Notebooks)
	assert.DirExists(t, filepath.Join(subs, "bob"), "nothing to collect: an empty folder")
	assert.Equal(t, []string{"03-locks.ipynb"}, byName["carol"].Notebooks, "not JSON: copied as is")
	assert.Equal(t, []string{"04-queues.ipynb", "real.ipynb"}, byName["dave"].Notebooks, "a link within course/ is followed")
	for _, rel := range []string{"alice/01-threads.ipynb", "alice/02-daemon.ipynb", "carol/03-locks.ipynb", "dave/04-queues.ipynb"} {
		src := filepath.Join(homes, filepath.Dir(rel), "course", filepath.Base(rel))
		want, err := os.ReadFile(src)
		require.NoError(t, err)
		got, err := os.ReadFile(filepath.Join(subs, rel))
		require.NoError(t, err)
		assert.Equal(t, want, got, rel)
		srcInfo, err := os.Stat(src)
		require.NoError(t, err)
		gotInfo, err := os.Stat(filepath.Join(subs, rel))
		require.NoError(t, err)
		assert.Equal(t, srcInfo.ModTime(), gotInfo.ModTime(), "%s keeps its modification time", rel)
	}
	assert.NoFileExists(t, filepath.Join(subs, "dave", "01-threads.ipynb"))
	assert.NoDirExists(t, filepath.Join(subs, "-rf"))

	problems := strings.Join(r.Problems, "\n")
	assert.Len(t, r.Problems, 3, problems)
	assert.Contains(t, problems, "dave/course/01-threads.ipynb: a symlink to /etc/passwd, out of course/: not followed")
	assert.Contains(t, problems, "dave/course/02-daemon.ipynb: not a regular file")
	assert.Contains(t, problems, `"-rf" in `+homes+" is not a safe folder name")

	m, err := ReadManifest(subs)
	require.NoError(t, err)
	assert.Equal(t, homes, m.Homes)
	nb := m.Learners["alice"].Notebooks["01-threads.ipynb"]
	assert.Equal(t, saved, nb.Modified)
	info, err := os.Stat(filepath.Join(subs, "alice", "01-threads.ipynb"))
	require.NoError(t, err)
	assert.Equal(t, info.Size(), nb.Size)
	assert.Len(t, nb.SHA256, 64)
	assert.Empty(t, m.Learners["bob"].Notebooks)
	assert.NotNil(t, m.Learners["bob"].Notebooks, "bob is there, with no notebooks")
	assert.Len(t, m.Learners, 4)
	raw, err := os.ReadFile(r.Manifest)
	require.NoError(t, err)
	assert.NotContains(t, string(raw), "root:x:0:0", "nothing of /etc/passwd anywhere")
	assert.Contains(t, string(raw), `"modified": "2026-11-30T17:05:09Z"`, "UTC, RFC 3339")
}

func names(ls []Collected) []string {
	var out []string
	for _, l := range ls {
		out = append(out, l.Name)
	}
	return out
}

// Collecting again adds and replaces, says what it replaced, and
// deletes nothing: not a notebook the learner has since deleted, not
// another class's learner.
func TestCollectingAgainReplacesChangedNotebooksAndDeletesNothing(t *testing.T) {
	homes := hubHomes(t)
	subs := t.TempDir()
	_, err := Collect(homes, subs)
	require.NoError(t, err)
	require.NoError(t, os.MkdirAll(filepath.Join(subs, "zoe"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(subs, "zoe", "01-threads.ipynb"), []byte("{}"), 0o644))

	later := saved.Add(26 * time.Hour)
	threads := filepath.Join(homes, "alice", "course", "01-threads.ipynb")
	require.NoError(t, os.WriteFile(threads, courseNotebook(t, "01-threads.ipynb"), 0o644))
	require.NoError(t, os.Chtimes(threads, later, later))
	require.NoError(t, os.Remove(filepath.Join(homes, "alice", "course", "02-daemon.ipynb")))

	r, err := Collect(homes, subs)
	require.NoError(t, err)
	alice := r.Learners[0]
	assert.Equal(t, []string{"01-threads.ipynb"}, alice.Replaced)
	assert.Equal(t, []string{"02-daemon.ipynb"}, alice.Kept)
	assert.FileExists(t, filepath.Join(subs, "alice", "02-daemon.ipynb"))
	assert.FileExists(t, filepath.Join(subs, "zoe", "01-threads.ipynb"))
	assert.Empty(t, r.Learners[1].Replaced, "bob's nothing replaced nothing")

	m, err := ReadManifest(subs)
	require.NoError(t, err)
	assert.Equal(t, later, m.Learners["alice"].Notebooks["01-threads.ipynb"].Modified)
	assert.Contains(t, m.Learners["alice"].Notebooks, "02-daemon.ipynb", "the kept notebook keeps its time")
}

func TestCollectRefusesToWriteIntoALearnersHome(t *testing.T) {
	homes := hubHomes(t)
	before := snapshot(t, homes)
	for _, out := range []string{homes, filepath.Join(homes, "alice", "course", "subs"), filepath.Join(homes, "bob", "subs")} {
		_, err := Collect(homes, out)
		assert.ErrorContains(t, err, "collect writes nothing in the learners' homes", out)
	}
	assert.Equal(t, before, snapshot(t, homes))
	_, err := Collect(homes, filepath.Join(homes, "teacher", "subs"))
	assert.NoError(t, err, "a home with no course/ is nobody's hand-out")
}

// A manifest that is not one is never overwritten: the instructor is
// told and nothing is collected.
func TestABrokenManifestIsAnErrorAndIsKept(t *testing.T) {
	homes, subs := hubHomes(t), t.TempDir()
	path := filepath.Join(subs, ManifestName)
	require.NoError(t, os.WriteFile(path, []byte("{not json"), 0o644))
	_, err := Collect(homes, subs)
	assert.ErrorContains(t, err, "is not a manifest goconc collect wrote")
	data, _ := os.ReadFile(path)
	assert.Equal(t, "{not json", string(data))
	assert.NoDirExists(t, filepath.Join(subs, "alice"))
}

// The manifest's time is the submission time while the file is the
// one collected, whatever its mtime became since; a file changed or
// put there by hand is timed by its own mtime.
func TestSubmittedAtIsTheManifestsTimeWhileTheFileIsTheOneCollected(t *testing.T) {
	homes, subs := hubHomes(t), t.TempDir()
	_, err := Collect(homes, subs)
	require.NoError(t, err)
	m, err := ReadManifest(subs)
	require.NoError(t, err)
	threads := filepath.Join(subs, "alice", "01-threads.ipynb")
	now := time.Now().Truncate(time.Second)
	require.NoError(t, os.Chtimes(threads, now, now)) // copied on without -p

	got, ok := m.SubmittedAt(threads)
	require.True(t, ok)
	assert.Equal(t, saved, got)

	require.NoError(t, os.WriteFile(threads, []byte("{}"), 0o644))
	require.NoError(t, os.Chtimes(threads, now, now))
	got, ok = m.SubmittedAt(threads)
	require.True(t, ok)
	assert.True(t, got.Equal(now), "changed since: its own time, %v", got)

	_, ok = m.SubmittedAt(filepath.Join(subs, "alice", "05-pools.ipynb"))
	assert.False(t, ok, "not handed in, no time")
}

func TestTheManifestIsJSONOfLearnersNotebooksAndTimes(t *testing.T) {
	homes, subs := hubHomes(t), t.TempDir()
	_, err := Collect(homes, subs)
	require.NoError(t, err)
	data, err := os.ReadFile(filepath.Join(subs, ManifestName))
	require.NoError(t, err)
	var shape struct {
		Learners map[string]struct {
			Notebooks map[string]struct {
				Modified string `json:"modified"`
				Size     int64  `json:"size"`
				SHA256   string `json:"sha256"`
			} `json:"notebooks"`
		} `json:"learners"`
	}
	require.NoError(t, json.Unmarshal(data, &shape))
	carol := shape.Learners["carol"].Notebooks["03-locks.ipynb"]
	assert.Equal(t, int64(len("this is not JSON\n")), carol.Size)
	_, err = time.Parse(time.RFC3339, carol.Modified)
	assert.NoError(t, err)
}

func TestHomesThatAreNotThereAreAnErrorAndMakeNoSubmissionsFolder(t *testing.T) {
	subs := filepath.Join(t.TempDir(), "subs")
	_, err := Collect(filepath.Join(t.TempDir(), "nohomes"), subs)
	assert.ErrorContains(t, err, "no such file or directory")
	assert.NoDirExists(t, subs)
}
