package course

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/goconc/goconc/kernel/notebook"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// writeCopy saves the course notebook lesson (its metadata kept, or
// dropped when lesson is "") in dir as file.
func writeCopy(t *testing.T, c *Course, dir, file, lesson string) string {
	t.Helper()
	nb, err := notebook.Read(c.CourseNotebook("01-threads.ipynb"))
	require.NoError(t, err)
	delete(nb.Metadata(), "goconc")
	if lesson != "" {
		nb.SetLesson(lesson)
	}
	path := filepath.Join(dir, file)
	require.NoError(t, nb.Write(path))
	return path
}

func TestACopyIsKnownByItsLessonWhateverItsName(t *testing.T) {
	c, err := Find(".")
	require.NoError(t, err)
	dir := t.TempDir()
	threads := writeCopy(t, c, dir, "my homework.ipynb", "01-threads")
	daemon := writeCopy(t, c, dir, "02-daemon (1).ipynb", "") // no metadata: by its name
	locks := writeCopy(t, c, dir, "03-locks-mine.ipynb", "")  // no metadata: by its name
	writeCopy(t, c, dir, "01-threadsX.ipynb", "")             // no lesson, no course name
	require.NoError(t, os.WriteFile(filepath.Join(dir, "notes.txt"), nil, 0o644))
	writeCopy(t, c, dir, "01-threads.solved.ipynb", "01-threads") // goconc run --write's, not theirs
	cs, err := c.LearnerCopies(dir)
	require.NoError(t, err)
	assert.Equal(t, threads, cs.Path("01-threads.ipynb"))
	assert.Equal(t, daemon, cs.Path("02-daemon.ipynb"))
	assert.Equal(t, locks, cs.Path("03-locks.ipynb"))
	assert.Equal(t, filepath.Join(dir, "04-queues.ipynb"), cs.Path("04-queues.ipynb"), "not there: its course name")
	assert.Equal(t, []string{"01-threadsX.ipynb", "notes.txt"}, cs.Ignored)
}

func TestOfTwoCopiesTheOneUnderTheCourseNameWinsThenTheNewer(t *testing.T) {
	c, err := Find(".")
	require.NoError(t, err)
	dir := t.TempDir()
	old := writeCopy(t, c, dir, "01-threads (1).ipynb", "01-threads")
	newer := writeCopy(t, c, dir, "01-threads (2).ipynb", "01-threads")
	past := time.Now().Add(-time.Hour)
	require.NoError(t, os.Chtimes(old, past, past))
	cs, err := c.LearnerCopies(dir)
	require.NoError(t, err)
	assert.Equal(t, newer, cs.Path("01-threads.ipynb"))
	assert.Equal(t, []string{"01-threads (1).ipynb"}, cs.Ignored)

	exact := writeCopy(t, c, dir, "01-threads.ipynb", "")
	cs, err = c.LearnerCopies(dir)
	require.NoError(t, err)
	assert.Equal(t, exact, cs.Path("01-threads.ipynb"))
	assert.Len(t, cs.Ignored, 2)
}

func TestTheCourseNotebookOfARenamedCopyIsItsLesson(t *testing.T) {
	c, err := Find(".")
	require.NoError(t, err)
	nb, err := notebook.Read(writeCopy(t, c, t.TempDir(), "Untitled.ipynb", "03-locks"))
	require.NoError(t, err)
	assert.Equal(t, c.CourseNotebook("03-locks.ipynb"), c.CourseNotebookOf(nb))
	nb.SetLesson("")
	assert.Empty(t, c.CourseNotebookOf(nb))
}
