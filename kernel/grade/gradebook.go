package grade

import (
	"bytes"
	"encoding/csv"
	"strconv"
	"strings"
)

// The LMS gradebook files have one column per graded notebook (those
// with exercises), named after it ("01-threads"), holding the
// learner's points for it; a learner the roster does not name gets a
// row by folder name and empty ids, which the LMS then reports as
// unmatched, rather than no row at all.

// CanvasCSV is canvas.csv, for Canvas's Gradebook "Import". It follows
// the Canvas guide "How do I import grades in the Gradebook?" as
// summarised by Ohio State's "Import CSV File for Carmen Grades"
// (teaching.resources.osu.edu/toolsets/carmencanvas/guides/
// calculating-final-grades/import-csv-file-carmen-grades): the columns
// Student, ID, SIS User ID, SIS Login ID and Section, of which Canvas
// needs the name, the ID or the SIS User ID to find the learner, then
// one column per assignment, a new column creating a new assignment.
// The second row, "Points Possible", is the one Canvas's own export
// writes under the header (the issue asks for it; we found no Canvas
// page of the import that says more of it, so we write it as the
// export does and Canvas reads it as the assignment's points).
func CanvasCSV(class Class, roster Roster) []byte {
	cols := gradebookColumns(class)
	header := []string{"Student", "ID", "SIS User ID", "SIS Login ID", "Section"}
	possible := []string{"Points Possible", "", "", "", ""}
	for _, c := range cols {
		header = append(header, c.title)
		possible = append(possible, strconv.Itoa(c.max))
	}
	rows := [][]string{header, possible}
	for _, s := range class.Students {
		l := learnerOf(roster, s.Student)
		name := l.Name
		if name == "" {
			name = s.Student
		}
		rows = append(rows, append([]string{name, l.ID, l.SISUserID, l.SISLoginID, l.Section}, notebookPoints(s, cols)...))
	}
	return csvBytes(rows)
}

// MoodleCSV is moodle.csv, for Moodle's Grades › Import › CSV file. It
// follows the MoodleDocs page "Grade import"
// (docs.moodle.org/311/en/Grade_import): one row per user, identified
// on the preview page by mapping "Email address" to useremail or "ID
// number" to useridnumber, and each notebook's column mapped to its
// grade item (or to a new one). Give each item a maximum of at least
// the notebook's points (canvas.csv's Points Possible row): the page
// says grades above it need Moodle's unlimitedgrades setting.
func MoodleCSV(class Class, roster Roster) []byte {
	cols := gradebookColumns(class)
	header := []string{"Email address", "ID number", "Full name"}
	for _, c := range cols {
		header = append(header, c.title)
	}
	rows := [][]string{header}
	for _, s := range class.Students {
		l := learnerOf(roster, s.Student)
		name := l.Name
		if name == "" {
			name = s.Student
		}
		rows = append(rows, append([]string{l.Email, l.IDNumber, name}, notebookPoints(s, cols)...))
	}
	return csvBytes(rows)
}

type gradebookColumn struct {
	notebook, title string
	max             int
}

// gradebookColumns are the notebooks with exercises, in course order,
// and what each is worth.
func gradebookColumns(class Class) []gradebookColumn {
	var cols []gradebookColumn
	seen := map[string]bool{}
	for _, s := range class.Students {
		for _, nb := range s.Notebooks {
			if len(nb.Exercises) == 0 || seen[nb.Notebook] {
				continue
			}
			seen[nb.Notebook] = true
			c := gradebookColumn{notebook: nb.Notebook, title: strings.TrimSuffix(nb.Notebook, ".ipynb")}
			for _, e := range nb.Exercises {
				c.max += e.MaxPoints
			}
			cols = append(cols, c)
		}
	}
	return cols
}

func notebookPoints(s StudentResult, cols []gradebookColumn) []string {
	cells := make([]string, len(cols))
	for i, c := range cols {
		got := 0
		for _, nb := range s.Notebooks {
			if nb.Notebook == c.notebook {
				for _, e := range nb.Exercises {
					got += e.Points
				}
			}
		}
		cells[i] = strconv.Itoa(got)
	}
	return cells
}

func learnerOf(roster Roster, folder string) Learner {
	if l, ok := roster[folder]; ok {
		return l
	}
	return Learner{Folder: folder}
}

func csvBytes(rows [][]string) []byte {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.WriteAll(rows)
	return b.Bytes()
}
