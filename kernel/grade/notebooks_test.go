package grade

import (
	"testing"

	"github.com/goconc/goconc/kernel/check"
	"github.com/goconc/goconc/kernel/course"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSelectedNotebooksComeInCourseOrderWithOrWithoutTheirExtension(t *testing.T) {
	c, err := course.Find(".")
	require.NoError(t, err)
	got, err := SelectNotebooks(check.New(c), []string{"03-locks.ipynb", " 01-threads", ""})
	require.NoError(t, err)
	assert.Equal(t, []string{"01-threads.ipynb", "03-locks.ipynb"}, got)

	_, err = SelectNotebooks(check.New(c), []string{"01-threads", "threads"})
	assert.EqualError(t, err, `"threads" is no course notebook (the course has 00-intro, 01-threads, 02-daemon, 03-locks, 04-queues, 05-pools, 06-async)`)
	_, err = SelectNotebooks(check.New(c), []string{","})
	assert.Error(t, err)
}
