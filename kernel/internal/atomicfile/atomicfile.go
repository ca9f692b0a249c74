// Package atomicfile replaces files whole: a reader (Jupyter, a
// spreadsheet, the next grading) never sees half a file, whatever
// stops the writer.
package atomicfile

import (
	"os"
	"path/filepath"
)

// WriteFile writes data to a temp file beside path, then renames it
// over path.
func WriteFile(path string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), path)
}
