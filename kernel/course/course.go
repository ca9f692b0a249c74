package course

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// ModulePath is the course's Go module.
const ModulePath = "github.com/goconc/goconc"

// Course is a checkout of this repository: the notebooks, the lesson
// packages with their checks, and the reference solutions.
type Course struct{ Root string }

// Find walks up from dir to the directory whose go.mod declares
// the course module, so goconc works from anywhere inside a checkout.
func Find(dir string) (*Course, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	for d := dir; ; d = filepath.Dir(d) {
		data, err := os.ReadFile(filepath.Join(d, "go.mod"))
		if err == nil && strings.HasPrefix(string(data), "module "+ModulePath+"\n") {
			return &Course{Root: d}, nil
		}
		if filepath.Dir(d) == d {
			return nil, fmt.Errorf("no goconc course here: %s is not inside a checkout of %s (run goconc from the repository)", dir, ModulePath)
		}
	}
}

// Notebooks lists the course's notebooks in lesson order (not the
// NAME.solved.ipynb copies that `goconc run --solved --write` saves).
func (c *Course) Notebooks() ([]string, error) {
	all, err := filepath.Glob(filepath.Join(c.Root, "notebooks", "[0-9]*.ipynb"))
	var files []string
	for _, f := range all {
		if !strings.HasSuffix(f, ".solved.ipynb") {
			files = append(files, f)
		}
	}
	if err == nil && len(files) == 0 {
		err = errors.New("the course has no notebooks in " + filepath.Join(c.Root, "notebooks"))
	}
	return files, err
}

// CourseNotebook is the course's own copy of the notebook that a
// learner's file is named after ("01-threads.ipynb").
func (c *Course) CourseNotebook(name string) string {
	return filepath.Join(c.Root, "notebooks", filepath.Base(name))
}

// Topic is the lesson package a notebook belongs to: "01-threads.ipynb"
// → "threads".
func Topic(notebook string) string {
	name := strings.TrimSuffix(filepath.Base(notebook), ".ipynb")
	if _, rest, ok := strings.Cut(name, "-"); ok {
		return rest
	}
	return name
}
