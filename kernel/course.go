package kernel

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

// FindCourse walks up from dir to the directory whose go.mod declares
// the course module, so goconc works from anywhere inside a checkout.
func FindCourse(dir string) (*Course, error) {
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

// SolutionPath is where the reference solution of an exercise lives.
func (c *Course) SolutionPath(topic, id string) string {
	return filepath.Join(c.Root, "solutions", topic, id+".go")
}

// Solution returns the reference solution as the code a learner would
// type into the exercise cell: the file without its package clause.
func (c *Course) Solution(topic, id string) (string, error) {
	data, err := os.ReadFile(c.SolutionPath(topic, id))
	if err != nil {
		return "", fmt.Errorf("exercise %s has no solution: %w", id, err)
	}
	src := string(data)
	i := strings.Index(src, "package ")
	if i < 0 || (i > 0 && src[i-1] != '\n') {
		return "", fmt.Errorf("%s: no package clause", c.SolutionPath(topic, id))
	}
	_, rest, _ := strings.Cut(src[i:], "\n")
	return strings.TrimLeft(rest, "\n"), nil
}
