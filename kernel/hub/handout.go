package hub

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// Handout gives a learner their copy of the course: every course
// notebook of src (NN-name.ipynb, never the *.solved.ipynb copies)
// that home/course/ lacks is copied there. A notebook the learner
// already has is never touched, whatever it holds, so a second
// hand-out, at every login, only adds the notebooks that are new.
// It returns the names of the notebooks it added. As root, what it
// creates belongs to the home's owner.
func Handout(src, home string) ([]string, error) {
	names, err := courseNotebooks(src)
	if err != nil {
		return nil, err
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("no course notebooks in %s", src)
	}
	o, err := ownerOf(home)
	if err != nil {
		return nil, fmt.Errorf("the learner's home: %w", err)
	}
	dir := filepath.Join(home, "course")
	if err := o.mkdirAll(home, dir); err != nil {
		return nil, err
	}
	var added []string
	for _, name := range names {
		ok, err := copyNew(filepath.Join(src, name), filepath.Join(dir, name), o)
		if err != nil {
			return added, err
		}
		if ok {
			added = append(added, name)
		}
	}
	return added, nil
}

// courseNotebooks are the notebooks of dir that are handed out.
func courseNotebooks(dir string) ([]string, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "[0-9]*.ipynb"))
	if err != nil {
		return nil, err
	}
	var names []string
	for _, p := range paths {
		if !strings.HasSuffix(p, ".solved.ipynb") {
			names = append(names, filepath.Base(p))
		}
	}
	return names, nil
}

// copyNew copies src to dst unless dst exists. The copy is written
// beside dst and linked into place, which fails if dst appeared
// meanwhile (the learner saved one): nothing is ever overwritten,
// and nobody sees half a notebook.
func copyNew(src, dst string, o owner) (bool, error) {
	if _, err := os.Lstat(dst); err == nil {
		return false, nil
	}
	in, err := os.Open(src)
	if err != nil {
		return false, err
	}
	defer in.Close()
	tmp, err := os.CreateTemp(filepath.Dir(dst), ".handout-*")
	if err != nil {
		return false, err
	}
	defer os.Remove(tmp.Name())
	if _, err := io.Copy(tmp, in); err != nil {
		tmp.Close()
		return false, err
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return false, err
	}
	if err := tmp.Close(); err != nil {
		return false, err
	}
	if err := o.give(tmp.Name()); err != nil {
		return false, err
	}
	if err := os.Link(tmp.Name(), dst); err != nil {
		if os.IsExist(err) {
			return false, nil
		}
		return false, err
	}
	return true, nil
}
