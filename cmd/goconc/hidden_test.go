package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Extra checks the grader cannot use stop it before it grades or
// writes anything (main exits 2 on the error), in one line.
func TestExtraChecksThatDoNotCompileOrNameNoExerciseStopTheGradingAndWriteNothing(t *testing.T) {
	root, err := filepath.Abs("../..")
	require.NoError(t, err)
	subs := t.TempDir()
	handIn(t, root, subs, "alice", "01-threads.ipynb")
	extra := func(name, src string) string {
		dir := t.TempDir()
		require.NoError(t, os.MkdirAll(filepath.Join(dir, filepath.Dir(name)), 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644))
		return dir
	}
	for _, tc := range []struct{ name, src, want string }{
		{"fetch-everything/more_test.go", "package x\n", `folder "fetch-everything" names no exercise of the course`},
		{"fetch-all/more_test.go", "package x\n\nfunc TestMore(t *testing.T) {\n\tundeclared(t)\n}\n",
			"extra checks of fetch-all do not compile with the course's solution (solutions/threads/fetch-all.go): fetch-all/more_test.go:4:2: undefined: undeclared"},
	} {
		out := filepath.Join(t.TempDir(), "grades")
		err := runGrade(t, "--course", root, "--race=false", "--extra-checks", extra(tc.name, tc.src), "--out", out, subs)
		require.Error(t, err)
		assert.Contains(t, err.Error(), tc.want)
		assert.NotContains(t, err.Error(), "\n")
		assert.NoDirExists(t, out, "nothing written, not even the cache")
	}
	out := filepath.Join(t.TempDir(), "grades")
	err = runGrade(t, "--course", root, "--show-hidden", "--out", out, subs)
	assert.ErrorContains(t, err, "--show-hidden shows the hidden claims of --extra-checks DIR, and none were given")
	assert.NoDirExists(t, out)
}
