package course

import (
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/goconc/goconc/kernel/notebook"
)

// LessonName is the lesson a course notebook is, its file name without
// .ipynb: "01-threads.ipynb" → "01-threads". It is what the notebook's
// metadata.goconc.lesson says.
func LessonName(notebook string) string {
	return strings.TrimSuffix(filepath.Base(notebook), ".ipynb")
}

// Copies are a learner's copies of the course notebooks in one folder.
type Copies struct {
	paths map[string]string // course notebook's file name → the learner's file
	// Ignored are the folder's files that are no copy of a course
	// notebook, or a second copy of one, named so they do not go
	// unnoticed.
	Ignored []string
}

// Path is the learner's copy of the course notebook name
// ("01-threads.ipynb"), or the path it would have under its course
// name when the folder has none (so reading it says "not there").
func (cs Copies) Path(name string) string { return cs.paths[name] }

// LearnerCopies finds the learner's copy of each course notebook in
// dir. A notebook is known by its metadata.goconc.lesson, which
// Jupyter keeps through renames and downloads; a notebook without one
// (or one that is not a notebook at all) by its file name: the course
// name itself, or the course name followed by what a download or
// "Make a Copy" adds ("01-threads (1).ipynb", "01-threads-Copy1.ipynb",
// "01-threads-mine.ipynb"). When two files are the same lesson, the one
// under the course name wins, then the one saved last.
func (c *Course) LearnerCopies(dir string) (Copies, error) {
	paths, err := c.Notebooks()
	if err != nil {
		return Copies{}, err
	}
	names := make([]string, len(paths))
	for i, p := range paths {
		names[i] = filepath.Base(p)
	}
	cs := Copies{paths: map[string]string{}}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return Copies{}, err
	}
	for _, e := range entries {
		file := e.Name()
		// The executed copies that goconc run --solved --write saves
		// are the course's, not the learner's.
		if e.IsDir() || strings.HasPrefix(file, ".") || strings.HasSuffix(file, ".solved.ipynb") {
			continue
		}
		name := c.lessonOf(filepath.Join(dir, file), names)
		if name == "" {
			cs.Ignored = append(cs.Ignored, file)
			continue
		}
		path := filepath.Join(dir, file)
		if old, ok := cs.paths[name]; ok {
			if !better(path, old, name) {
				cs.Ignored = append(cs.Ignored, file)
				continue
			}
			cs.Ignored = append(cs.Ignored, filepath.Base(old))
		}
		cs.paths[name] = path
	}
	for _, name := range names {
		if _, ok := cs.paths[name]; !ok {
			cs.paths[name] = filepath.Join(dir, name)
		}
	}
	slices.Sort(cs.Ignored)
	return cs, nil
}

// CourseNotebookOf is the course notebook that a learner's notebook is
// a copy of, by its lesson or else its file name; "" when it is none.
func (c *Course) CourseNotebookOf(nb *notebook.Notebook) string {
	paths, err := c.Notebooks()
	if err != nil {
		return ""
	}
	names := make([]string, len(paths))
	for i, p := range paths {
		names[i] = filepath.Base(p)
	}
	if name := byLesson(nb.Lesson(), names); name != "" {
		return c.CourseNotebook(name)
	}
	if name := byFileName(filepath.Base(nb.Path), names); name != "" {
		return c.CourseNotebook(name)
	}
	return ""
}

// lessonOf is the course notebook's name that the file at path is a
// copy of, "" when none.
func (c *Course) lessonOf(path string, names []string) string {
	if nb, err := notebook.Read(path); err == nil {
		if name := byLesson(nb.Lesson(), names); name != "" {
			return name
		}
	}
	return byFileName(filepath.Base(path), names)
}

func byLesson(lesson string, names []string) string {
	for _, n := range names {
		if lesson != "" && LessonName(n) == lesson {
			return n
		}
	}
	return ""
}

// byFileName matches "01-threads.ipynb", "01-threads (1).ipynb" and
// "01-threads-mine.ipynb" to 01-threads.ipynb, not "01-threadsX.ipynb".
func byFileName(file string, names []string) string {
	if !strings.HasSuffix(file, ".ipynb") {
		return ""
	}
	base := LessonName(file)
	for _, n := range names {
		rest, ok := strings.CutPrefix(base, LessonName(n))
		if ok && (rest == "" || strings.ContainsAny(rest[:1], " -_.(")) {
			return n
		}
	}
	return ""
}

// better says whether path is a better copy of the course notebook
// name than old: the one under the course name, then the newer.
func better(path, old, name string) bool {
	if filepath.Base(old) == name {
		return false
	}
	if filepath.Base(path) == name {
		return true
	}
	a, errA := os.Stat(path)
	b, errB := os.Stat(old)
	return errA == nil && errB == nil && a.ModTime().After(b.ModTime())
}
