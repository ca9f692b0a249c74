package grade

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/goconc/goconc/kernel/check"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func twoNotebookClass() Class {
	threads := func(a, b int) NotebookResult {
		return NotebookResult{Notebook: "01-threads.ipynb", Exercises: []check.ExerciseResult{
			{Exercise: "fetch-all", Points: a, MaxPoints: 10}, {Exercise: "copy-all", Points: b, MaxPoints: 10}}}
	}
	locks := func(a int) NotebookResult {
		return NotebookResult{Notebook: "03-locks.ipynb", Exercises: []check.ExerciseResult{{Exercise: "safe-counter", Points: a, MaxPoints: 10}}}
	}
	intro := NotebookResult{Notebook: "00-intro.ipynb"}
	return Class{Students: []StudentResult{
		{Student: "alice", Notebooks: []NotebookResult{intro, threads(10, 7), locks(10)}},
		{Student: "zed", Notebooks: []NotebookResult{intro, threads(0, 0), locks(3)}},
	}}
}

func writeRoster(t *testing.T, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "roster.csv")
	require.NoError(t, os.WriteFile(path, []byte(text), 0o644))
	return path
}

// Canvas gets its five columns, a Points Possible row and a column of
// points per notebook; a learner the roster misses keeps their row.
func TestCanvasGetsOneColumnPerNotebookAndEveryLearnerARow(t *testing.T) {
	roster, err := ReadRoster(writeRoster(t, "\ufefffolder,name,id,sis_user_id,sis_login_id,section,email,idnumber,notes\n"+
		"alice,\"Lovelace, Ada\",1234,S001,ada,Section 1,ada@example.edu,A-17,whatever\nbob,Bob,99,,,,,,\n"))
	require.NoError(t, err)
	class := twoNotebookClass()
	assert.Equal(t, "Student,ID,SIS User ID,SIS Login ID,Section,01-threads,03-locks\n"+
		"Points Possible,,,,,20,10\n"+
		"\"Lovelace, Ada\",1234,S001,ada,Section 1,17,10\n"+
		"zed,,,,,0,3\n", string(CanvasCSV(class, roster)))
	assert.Equal(t, "Email address,ID number,Full name,01-threads,03-locks\n"+
		"ada@example.edu,A-17,\"Lovelace, Ada\",17,10\n"+
		",,zed,0,3\n", string(MoodleCSV(class, roster)))
	unknown, absent := roster.Unrostered(class.Students)
	assert.Equal(t, []string{"zed"}, unknown, "graded, not in the roster: reported and kept")
	assert.Equal(t, []string{"bob"}, absent, "in the roster, nothing handed in")
}

func TestARosterWithoutFoldersOrWithOneTwiceIsRefused(t *testing.T) {
	_, err := ReadRoster(writeRoster(t, "Student,ID\nAda,1\n"))
	assert.ErrorContains(t, err, "no folder column")
	_, err = ReadRoster(writeRoster(t, "folder,id\nalice,1\nalice,2\n"))
	assert.ErrorContains(t, err, `line 3: folder "alice" is there twice`)
	_, err = ReadRoster(writeRoster(t, "folder,id\n,1\n"))
	assert.ErrorContains(t, err, "line 2: no folder")
	_, err = ReadRoster(filepath.Join(t.TempDir(), "none.csv"))
	assert.Error(t, err)
}
