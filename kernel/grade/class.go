package grade

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/goconc/goconc/kernel/internal/atomicfile"
)

// GradesHeader is the first row of grades.csv.
var GradesHeader = []string{"student", "notebook", "exercise", "points", "max_points", "status"}

// Class is what results.json holds: every student's results, with
// every part of every check.
type Class struct {
	Graded   time.Time       `json:"graded"`
	Race     bool            `json:"race"`
	Sandbox  bool            `json:"sandbox"`
	Students []StudentResult `json:"students"`
}

// WriteClass writes grades.csv, results.json and feedback/<student>.md
// into dir. Each file is replaced whole, never left half written.
func WriteClass(dir string, class Class) error {
	if err := os.MkdirAll(filepath.Join(dir, "feedback"), 0o755); err != nil {
		return err
	}
	var rows bytes.Buffer
	w := csv.NewWriter(&rows)
	w.Write(GradesHeader)
	for _, s := range class.Students {
		for _, nb := range s.Notebooks {
			for _, e := range nb.Exercises {
				w.Write([]string{s.Student, nb.Notebook, e.Exercise,
					strconv.Itoa(e.Points), strconv.Itoa(e.MaxPoints), string(e.Status)})
			}
		}
	}
	w.Flush()
	if err := atomicfile.WriteFile(filepath.Join(dir, "grades.csv"), rows.Bytes()); err != nil {
		return err
	}
	data, err := json.MarshalIndent(class, "", "  ")
	if err != nil {
		return err
	}
	if err := atomicfile.WriteFile(filepath.Join(dir, "results.json"), append(data, '\n')); err != nil {
		return err
	}
	for _, s := range class.Students {
		path := filepath.Join(dir, "feedback", s.Student+".md")
		if err := atomicfile.WriteFile(path, []byte(Feedback(s))); err != nil {
			return err
		}
	}
	return nil
}
