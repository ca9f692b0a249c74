package gradescope

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// gather copies every notebook of a submission, wherever it sits in
// its folders, into one flat folder, dest, as `goconc grade` wants a
// learner's folder: the grader then knows each by its metadata (or its
// name), whatever the learner called it. A name taken twice gets a
// " (2)" as a download does. Folders of hidden and tool files
// (.ipynb_checkpoints, __MACOSX) are skipped; the submission is only
// read. It returns the notebooks' names in dest and the other files
// it saw, for the output.
func gather(submission, dest string) (notebooks, others []string, err error) {
	if err := os.MkdirAll(dest, 0o755); err != nil {
		return nil, nil, err
	}
	err = filepath.WalkDir(submission, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		rel, _ := filepath.Rel(submission, path)
		switch {
		case path == submission:
			return nil
		case d.IsDir() && (strings.HasPrefix(name, ".") || name == "__MACOSX"):
			return filepath.SkipDir
		case d.IsDir() || strings.HasPrefix(name, "."):
			return nil
		case !strings.HasSuffix(name, ".ipynb") || !d.Type().IsRegular():
			others = append(others, rel)
			return nil
		}
		to := freeName(dest, name)
		notebooks = append(notebooks, filepath.Base(to))
		return copyFile(path, to)
	})
	if err != nil {
		return nil, nil, fmt.Errorf("reading the submission: %w", err)
	}
	return notebooks, others, nil
}

// freeName is dest/name, or "name (2).ipynb" and on when it is taken.
func freeName(dest, name string) string {
	path := filepath.Join(dest, name)
	base := strings.TrimSuffix(name, ".ipynb")
	for i := 2; ; i++ {
		if _, err := os.Lstat(path); os.IsNotExist(err) {
			return path
		}
		path = filepath.Join(dest, fmt.Sprintf("%s (%d).ipynb", base, i))
	}
}

// copyFile copies src to dst with its modification time, by which the
// grader picks the newer of two copies of one lesson.
func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Close(); err != nil {
		return err
	}
	info, err := in.Stat()
	if err != nil {
		return err
	}
	return os.Chtimes(dst, info.ModTime(), info.ModTime())
}
