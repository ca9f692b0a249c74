// Package atomicfile replaces files whole: a reader (Jupyter, a
// spreadsheet, the next grading) never sees half a file, whatever
// stops the writer.
package atomicfile

import (
	"os"
	"path/filepath"
)

// WriteFile writes data to a temp file beside path, then renames it
// over path. The file keeps the mode it had, and a new one is 0644, as
// os.WriteFile's usual files: a temp file is made 0600, and a kernel
// spec or a notebook renamed into place with that mode is one that
// nobody else can read.
func WriteFile(path string, data []byte) error {
	mode := os.FileMode(0o644)
	if info, err := os.Stat(path); err == nil {
		mode = info.Mode().Perm()
	}
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	if err := f.Chmod(mode); err != nil {
		f.Close()
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), path)
}
