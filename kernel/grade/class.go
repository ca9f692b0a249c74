package grade

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"time"

	"github.com/goconc/goconc/kernel/internal/atomicfile"
)

// GradesHeader is the first row of grades.csv, as DESIGN.md fixes it.
var GradesHeader = []string{"student", "notebook", "exercise", "points", "max_points", "status"}

// LateColumns follow GradesHeader when the class has a due time (and
// only then, so a grading without one writes DESIGN's header as it
// is): the notebook's submission time (RFC 3339, UTC) and "true" or
// "false", both empty for a notebook not handed in.
var LateColumns = []string{"submitted_at", "late"}

// Class is what results.json holds: every student's results, with
// every part of every check.
type Class struct {
	Graded  time.Time  `json:"graded"`
	Race    bool       `json:"race"`
	Sandbox bool       `json:"sandbox"`
	Due     *time.Time `json:"due,omitempty"`
	// Course is the fingerprint of the course and the settings it was
	// graded with (see Fingerprint), Notebooks the notebooks graded,
	// and Shard "K/N" when this is one slice of the class: what merge
	// holds equal across shards.
	Course    string          `json:"course,omitempty"`
	Notebooks []string        `json:"notebooks,omitempty"`
	Shard     string          `json:"shard,omitempty"`
	Students  []StudentResult `json:"students"`
	// Roster names the learners in canvas.csv and moodle.csv; nil:
	// by folder name only.
	Roster Roster `json:"-"`
	// ShowHidden puts the hidden claims (check.ExtraChecks) into the
	// feedback pages by name, with their messages; without it a page
	// only counts them (see Feedback).
	ShowHidden bool `json:"-"`
}

// WriteClass writes grades.csv, results.json, feedback/<student>.md
// and the LMS gradebooks canvas.csv and moodle.csv (see CanvasCSV)
// into dir. Each file is replaced whole, never left half written.
func WriteClass(dir string, class Class) error {
	if err := os.MkdirAll(filepath.Join(dir, "feedback"), 0o755); err != nil {
		return err
	}
	var rows bytes.Buffer
	w := csv.NewWriter(&rows)
	if class.Due != nil {
		w.Write(append(slices.Clone(GradesHeader), LateColumns...))
	} else {
		w.Write(GradesHeader)
	}
	for _, s := range class.Students {
		for _, nb := range s.Notebooks {
			for _, e := range nb.Exercises {
				row := []string{s.Student, nb.Notebook, e.Exercise,
					strconv.Itoa(e.Points), strconv.Itoa(e.MaxPoints), string(e.Status)}
				if class.Due != nil {
					row = append(row, lateCells(nb)...)
				}
				w.Write(row)
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
	for name, data := range map[string][]byte{"canvas.csv": CanvasCSV(class, class.Roster), "moodle.csv": MoodleCSV(class, class.Roster)} {
		if err := atomicfile.WriteFile(filepath.Join(dir, name), data); err != nil {
			return err
		}
	}
	for _, s := range class.Students {
		path := filepath.Join(dir, "feedback", s.Student+".md")
		if err := atomicfile.WriteFile(path, []byte(feedbackPage(s, class.ShowHidden))); err != nil {
			return err
		}
	}
	return nil
}

func lateCells(nb NotebookResult) []string {
	if nb.SubmittedAt == nil || nb.Late == nil {
		return []string{"", ""}
	}
	return []string{nb.SubmittedAt.Format(time.RFC3339), strconv.FormatBool(*nb.Late)}
}
