package collect

import (
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// saved is when alice last saved her edited notebook: well before the
// tests run, so a copy that lost its time would show.
var saved = time.Date(2026, 11, 30, 17, 5, 9, 0, time.UTC)

// hubHomes lays out HOMES as goconc hub makes them, one
// <learner>/course/ each, with what learners leave there:
//
//	alice  01-threads edited (saved at saved), 02-daemon as handed out,
//	       Jupyter's checkpoints, a solved copy and notes
//	bob    an empty course/
//	carol  03-locks.ipynb that is not JSON
//	dave   01-threads.ipynb a symlink to /etc/passwd, 02-daemon a FIFO,
//	       04-queues.ipynb a relative link to a notebook beside it
//	"-rf"  a folder name that is not safe, with a notebook
//	teacher a home without course/: not a learner
func hubHomes(t *testing.T) string {
	t.Helper()
	homes := t.TempDir()
	threads := courseNotebook(t, "01-threads.ipynb")
	daemon := courseNotebook(t, "02-daemon.ipynb")
	write := func(rel string, data []byte) string {
		path := filepath.Join(homes, rel)
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, data, 0o644))
		return path
	}
	edited := write("alice/course/01-threads.ipynb", append(threads[:len(threads)-2:len(threads)-2], []byte(" \n}\n")...))
	require.NoError(t, os.Chtimes(edited, saved, saved))
	write("alice/course/02-daemon.ipynb", daemon)
	write("alice/course/.ipynb_checkpoints/01-threads-checkpoint.ipynb", threads)
	write("alice/course/01-threads.solved.ipynb", threads)
	write("alice/course/notes.txt", []byte("ask about select\n"))
	require.NoError(t, os.MkdirAll(filepath.Join(homes, "bob", "course"), 0o755))
	write("carol/course/03-locks.ipynb", []byte("this is not JSON\n"))
	write("dave/course/real.ipynb", daemon)
	require.NoError(t, os.Symlink("/etc/passwd", filepath.Join(homes, "dave", "course", "01-threads.ipynb")))
	require.NoError(t, syscall.Mkfifo(filepath.Join(homes, "dave", "course", "02-daemon.ipynb"), 0o644))
	require.NoError(t, os.Symlink("real.ipynb", filepath.Join(homes, "dave", "course", "04-queues.ipynb")))
	write("-rf/course/01-threads.ipynb", threads)
	write("teacher/notes.txt", []byte("grade on Friday\n"))
	return homes
}

// courseNotebook is a notebook of the course, as a hub hands it out.
func courseNotebook(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "notebooks", name))
	require.NoError(t, err)
	return data
}

// entry is what a file is, for telling whether anything changed: its
// kind and mode, its bytes' digest or link target, its modification
// time. (Access times are left out: the snapshot itself reads.)
type entry struct {
	Mode         fs.FileMode
	Digest, Link string
	Mtime        time.Time
}

// snapshot is every file, folder and link under dir, links not
// followed.
func snapshot(t *testing.T, dir string) map[string]entry {
	t.Helper()
	files := map[string]entry{}
	require.NoError(t, filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		require.NoError(t, err)
		info, err := os.Lstat(path)
		require.NoError(t, err)
		e := entry{Mode: info.Mode(), Mtime: info.ModTime()}
		switch {
		case info.Mode()&fs.ModeSymlink != 0:
			e.Link, _ = os.Readlink(path)
		case info.Mode().IsRegular():
			data, err := os.ReadFile(path)
			require.NoError(t, err)
			sum := sha256.Sum256(data)
			e.Digest = hex.EncodeToString(sum[:])
		}
		rel, _ := filepath.Rel(dir, path)
		files[rel] = e
		return nil
	}))
	return files
}
