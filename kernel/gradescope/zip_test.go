package gradescope

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goconc/goconc/kernel/course"
)

// The zip has the two scripts at its root, executable and filled in,
// and the course's tracked files at its commit, nothing else.
func TestTheZipHoldsTheScriptsAndTheCourseAtItsCommit(t *testing.T) {
	c, err := course.Find(".")
	require.NoError(t, err)
	var b bytes.Buffer
	a, err := Zip(&b, c, []string{"01-threads.ipynb", "03-locks.ipynb"})
	require.NoError(t, err)
	assert.Equal(t, "01-threads,03-locks", a.Notebooks)
	assert.Equal(t, "1.26.0", a.GoVersion)
	assert.Len(t, a.Commit, 40)

	zr, err := zip.NewReader(bytes.NewReader(b.Bytes()), int64(b.Len()))
	require.NoError(t, err)
	files := map[string]*zip.File{}
	for _, f := range zr.File {
		files[f.Name] = f
		assert.False(t, strings.HasSuffix(f.Name, ".solved.ipynb") || strings.HasPrefix(f.Name, "out/") || strings.HasPrefix(f.Name, "bin/"), f.Name)
	}
	tracked, err := exec.Command("git", "-C", c.Root, "ls-tree", "-r", "--name-only", a.Commit).Output()
	require.NoError(t, err)
	names := strings.Fields(string(tracked))
	assert.Len(t, files, len(names)+2, "the commit's files and the two scripts")
	for _, n := range names {
		assert.Contains(t, files, n)
	}
	for name, want := range map[string]string{
		"run_autograder": "--notebooks '01-threads,03-locks'",
		"setup.sh":       "https://go.dev/dl/go1.26.0.linux-${arch}.tar.gz",
	} {
		f := files[name]
		require.NotNil(t, f, name)
		assert.Equal(t, "-rwxr-xr-x", f.Mode().String(), name)
		text := read(t, f)
		assert.Contains(t, text, want)
		assert.Contains(t, text, a.Commit)
		assert.NotContains(t, text, "{{", "every template field filled")
		shellcheck(t, name, text)
	}
}

// shellcheck holds a script, as the zip has it, to Debian's shellcheck
// where it is installed.
func shellcheck(t *testing.T, name, text string) {
	t.Helper()
	if _, err := exec.LookPath("shellcheck"); err != nil {
		t.Logf("shellcheck is not installed (apt-get install shellcheck): %s not checked", name)
		return
	}
	path := filepath.Join(t.TempDir(), name)
	require.NoError(t, os.WriteFile(path, []byte(text), 0o755))
	out, err := exec.Command("shellcheck", "--shell=bash", path).CombinedOutput()
	assert.NoError(t, err, "shellcheck %s:\n%s", name, out)
}

func read(t *testing.T, f *zip.File) string {
	r, err := f.Open()
	require.NoError(t, err)
	defer r.Close()
	data, err := io.ReadAll(r)
	require.NoError(t, err)
	return string(data)
}
