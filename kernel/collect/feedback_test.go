package collect

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// feedbackPagesFor writes GRADES/feedback/<learner>.md for each name.
func feedbackPagesFor(t *testing.T, learners ...string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "feedback")
	require.NoError(t, os.MkdirAll(dir, 0o755))
	for _, l := range learners {
		require.NoError(t, os.WriteFile(filepath.Join(dir, l+".md"), []byte("# Feedback for "+l+"\n"), 0o644))
	}
	return dir
}

// Each page lands as course/feedback.md in its learner's home,
// replacing an older one whole; nothing else in a home changes; a page
// with no home and a home with no page are a line each.
func TestFeedbackGoesBackIntoEachLearnersCourseFolderAndNothingElseChanges(t *testing.T) {
	homes := hubHomes(t)
	old := filepath.Join(homes, "carol", "course", FeedbackName)
	require.NoError(t, os.WriteFile(old, []byte("# last week's, much longer than this week's\n"), 0o600))
	before := snapshot(t, homes)
	feedback := feedbackPagesFor(t, "alice", "carol", "zed", "not a name")

	r, err := ReturnFeedback(feedback, homes)
	require.NoError(t, err)

	assert.Equal(t, []string{"alice", "carol"}, r.Learners)
	assert.Equal(t, []string{"zed"}, r.NoHome)
	assert.Equal(t, []string{"bob", "dave"}, r.NoFeedback)
	assert.Contains(t, strings.Join(r.Problems, "\n"), "not a name.md: not a page for a learner")
	for _, l := range []string{"alice", "carol"} {
		got, err := os.ReadFile(filepath.Join(homes, l, "course", FeedbackName))
		require.NoError(t, err)
		assert.Equal(t, "# Feedback for "+l+"\n", string(got))
	}
	after := snapshot(t, homes)
	for _, l := range []string{"alice", "carol"} {
		delete(after, filepath.Join(l, "course", FeedbackName))
		delete(before, filepath.Join(l, "course", FeedbackName))
		// the folder's mtime changes with the file added: that is the file
		delete(after, filepath.Join(l, "course"))
		delete(before, filepath.Join(l, "course"))
	}
	assert.Equal(t, before, after, "nothing but feedback.md changes in a home")
	leftovers, _ := filepath.Glob(filepath.Join(homes, "*", "course", ".feedback.md.*"))
	assert.Empty(t, leftovers, "no temp file left behind")
}

// A feedback.md that a learner made a symlink to a file elsewhere is
// replaced, not written through.
func TestFeedbackReplacesASymlinkAndDoesNotWriteThroughIt(t *testing.T) {
	homes := hubHomes(t)
	outside := filepath.Join(t.TempDir(), "precious")
	require.NoError(t, os.WriteFile(outside, []byte("do not touch\n"), 0o644))
	link := filepath.Join(homes, "alice", "course", FeedbackName)
	require.NoError(t, os.Symlink(outside, link))

	_, err := ReturnFeedback(feedbackPagesFor(t, "alice"), homes)
	require.NoError(t, err)

	data, err := os.ReadFile(outside)
	require.NoError(t, err)
	assert.Equal(t, "do not touch\n", string(data))
	info, err := os.Lstat(link)
	require.NoError(t, err)
	assert.True(t, info.Mode().IsRegular(), "feedback.md is a file of its own now")
}

// As root, the page belongs to whoever owns the learner's course/
// folder, so they can read, edit and delete it.
func TestAsRootFeedbackIsOwnedByTheCourseFoldersOwner(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("chown needs root")
	}
	homes := hubHomes(t)
	course := filepath.Join(homes, "alice", "course")
	require.NoError(t, os.Chown(course, 4242, 4343))
	_, err := ReturnFeedback(feedbackPagesFor(t, "alice"), homes)
	require.NoError(t, err)
	info, err := os.Stat(filepath.Join(course, FeedbackName))
	require.NoError(t, err)
	st := info.Sys().(*syscall.Stat_t)
	assert.Equal(t, []uint32{4242, 4343}, []uint32{st.Uid, st.Gid})
	assert.Equal(t, os.FileMode(0o644), info.Mode().Perm())
}

// A learner whose feedback.md is a folder keeps it; the others get
// their pages.
func TestAFeedbackPageThatCannotBeWrittenIsALineAndTheRestAreReturned(t *testing.T) {
	homes := hubHomes(t)
	require.NoError(t, os.Mkdir(filepath.Join(homes, "alice", "course", FeedbackName), 0o755))
	r, err := ReturnFeedback(feedbackPagesFor(t, "alice", "bob"), homes)
	require.NoError(t, err)
	assert.Equal(t, []string{"bob"}, r.Learners)
	require.Len(t, r.Problems, 2, strings.Join(r.Problems, "\n")) // and -rf's name
	assert.Contains(t, strings.Join(r.Problems, "\n"), "alice/course/feedback.md:")
	assert.DirExists(t, filepath.Join(homes, "alice", "course", FeedbackName))
}

func TestAFeedbackFolderWithoutPagesIsAnError(t *testing.T) {
	_, err := ReturnFeedback(feedbackPagesFor(t), hubHomes(t))
	assert.ErrorContains(t, err, "no feedback pages")
	_, err = ReturnFeedback(filepath.Join(t.TempDir(), "nope"), hubHomes(t))
	assert.ErrorContains(t, err, "reading the feedback")
}
