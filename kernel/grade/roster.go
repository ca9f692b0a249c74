package grade

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
)

// A Learner is one row of a roster: a submissions folder's name and
// who that is in the LMS.
type Learner struct {
	Folder     string // SUBMISSIONS/<folder>/
	Name       string // "Lovelace, Ada"; Canvas's Student column
	ID         string // Canvas's user ID
	SISUserID  string
	SISLoginID string
	Section    string
	Email      string // Moodle's "Email address"
	IDNumber   string // Moodle's "ID number"
}

// Roster maps folder names to learners.
type Roster map[string]Learner

// RosterColumns are a roster file's columns: folder is required, the
// rest may be left out or empty, and other columns are ignored (so an
// LMS export with a folder column added will do).
var RosterColumns = []string{"folder", "name", "id", "sis_user_id", "sis_login_id", "section", "email", "idnumber"}

// ReadRoster reads a roster CSV with a header of RosterColumns.
func ReadRoster(path string) (Roster, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	header, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("roster %s: %w", path, err)
	}
	col := map[string]int{}
	for i, h := range header {
		col[strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))] = i
	}
	if _, ok := col["folder"]; !ok {
		return nil, fmt.Errorf("roster %s: no folder column (want a header of %s)", path, strings.Join(RosterColumns, ","))
	}
	roster := Roster{}
	for line := 2; ; line++ {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			return roster, nil
		}
		if err != nil {
			return nil, fmt.Errorf("roster %s: %w", path, err)
		}
		get := func(name string) string {
			if i, ok := col[name]; ok && i < len(rec) {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		l := Learner{Folder: get("folder"), Name: get("name"), ID: get("id"), SISUserID: get("sis_user_id"),
			SISLoginID: get("sis_login_id"), Section: get("section"), Email: get("email"), IDNumber: get("idnumber")}
		switch _, dup := roster[l.Folder]; {
		case l.Folder == "":
			return nil, fmt.Errorf("roster %s, line %d: no folder", path, line)
		case dup:
			return nil, fmt.Errorf("roster %s, line %d: folder %q is there twice", path, line, l.Folder)
		}
		roster[l.Folder] = l
	}
}

// Unrostered are the graded students the roster does not name, and
// the roster's learners who have no submissions folder: both are
// reported, and the first still get their rows (by folder name).
func (r Roster) Unrostered(students []StudentResult) (unknown, absent []string) {
	graded := map[string]bool{}
	for _, s := range students {
		graded[s.Student] = true
		if _, ok := r[s.Student]; !ok {
			unknown = append(unknown, s.Student)
		}
	}
	for folder := range r {
		if !graded[folder] {
			absent = append(absent, folder)
		}
	}
	slices.Sort(absent)
	return unknown, absent
}
