package learners

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/goconc/goconc/kernel/course"
	"github.com/goconc/goconc/kernel/notebook"
)

// WriteClass writes n students' submissions of every course notebook
// into dir: each exercise cell is, in turn, the reference solution,
// the stub as handed out, a solution that does not compile, or a wrong
// cell from testdata/cells, and every cell carries its student's name
// so that no two students hand in the same bytes.
func WriteClass(c *course.Course, dir string, n int) error {
	paths, err := c.Notebooks()
	if err != nil {
		return err
	}
	wrong, _ := filepath.Glob(filepath.Join(CellsDir(c), "*.cell"))
	sort.Strings(wrong)
	for i := range n {
		student := fmt.Sprintf("student-%02d", i+1)
		if err := os.MkdirAll(filepath.Join(dir, student), 0o755); err != nil {
			return err
		}
		for _, path := range paths {
			nb, err := notebook.Read(path)
			if err != nil {
				return err
			}
			for j, ex := range nb.Exercises() {
				src, err := classCell(c, course.Topic(path), ex, (i+j)%6, wrong)
				if err != nil {
					return err
				}
				ex.Code.SetSource(src + "\n// handed in by " + student + "\n")
			}
			if err := nb.Write(filepath.Join(dir, student, filepath.Base(path))); err != nil {
				return err
			}
		}
	}
	return nil
}

// classCell is variant k of an exercise cell: 0-2 the solution, 3 the
// stub, 4 a compile error, 5 a wrong cell for this exercise if the
// corpus has one.
func classCell(c *course.Course, topic string, ex *notebook.Exercise, k int, wrong []string) (string, error) {
	solution, err := c.Solution(topic, ex.ID)
	switch {
	case err != nil:
		return "", err
	case k <= 2:
		return solution, nil
	case k == 3:
		return ex.Code.Source(), nil
	case k == 4:
		return solution + "\nvar _ = notDeclaredAnywhere\n", nil
	}
	for _, w := range wrong {
		base := filepath.Base(w)
		if strings.HasPrefix(base, ex.ID+".") && !slowCell(base) {
			data, err := os.ReadFile(w)
			return string(data), err
		}
	}
	return ex.Code.Source(), nil
}

// slowCell names corpus cells that run into a time limit: the
// benchmark measures grading, not waiting.
func slowCell(name string) bool {
	for _, s := range []string{"endless-loop", "deadlock", "memory-hog", "vandal"} {
		if strings.Contains(name, "."+s+".") {
			return true
		}
	}
	return false
}
