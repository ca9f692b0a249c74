package exercise

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
)

// In a notebook, GoNB compiles every cell's declarations into one file,
// main_test.go (main.go for a cell that is not a test), so the checks'
// messages say "CopyAll (main_test.go:13)", a line of a file the
// learner never sees. cellLines turns such a place into the line of the
// learner's exercise cell, "exercise cell:9", as the grader's messages
// say it: it finds the declaration around that line in GoNB's file, and
// the same declaration, line for line, in the cell tagged
// exercise:<id> of the notebooks in the notebook's folder. When the
// saved notebook does not hold that declaration as it ran (not saved
// yet, or in two notebooks), it says "line 3 of CopyAll" instead.
type cellLines struct {
	file  []string   // GoNB's main_test.go
	cells [][]string // the exercise cells of the notebooks, line by line
}

var gonbPlace = regexp.MustCompile(`\bmain(_test)?\.go:(\d+)`)

// newCellLines reads GoNB's file and the notebooks' exercise cells for
// exercise id, or returns nil outside GoNB.
func newCellLines(id string) *cellLines {
	tmp, dir := os.Getenv("GONB_TMP_DIR"), os.Getenv("GONB_DIR")
	if tmp == "" {
		return nil
	}
	src, err := os.ReadFile(filepath.Join(tmp, "main_test.go"))
	if err != nil {
		return nil
	}
	m := &cellLines{file: strings.Split(string(src), "\n")}
	notebooks, _ := filepath.Glob(filepath.Join(dir, "*.ipynb"))
	for _, path := range notebooks {
		if info, err := os.Stat(path); err != nil || info.Size() > 20<<20 {
			continue
		}
		m.cells = append(m.cells, exerciseCells(path, id)...)
	}
	return m
}

// exerciseCells is the source of each cell tagged exercise:<id> in the
// notebook at path.
func exerciseCells(path, id string) [][]string {
	var nb struct {
		Cells []struct {
			Source   json.RawMessage `json:"source"`
			Metadata struct {
				Tags []string `json:"tags"`
			} `json:"metadata"`
		} `json:"cells"`
	}
	data, err := os.ReadFile(path)
	if err != nil || json.Unmarshal(data, &nb) != nil {
		return nil
	}
	var cells [][]string
	for _, c := range nb.Cells {
		for _, tag := range c.Metadata.Tags {
			if tag != "exercise:"+id {
				continue
			}
			var text string
			var lines []string
			if json.Unmarshal(c.Source, &text) != nil && json.Unmarshal(c.Source, &lines) == nil {
				text = strings.Join(lines, "")
			}
			cells = append(cells, strings.Split(text, "\n"))
		}
	}
	return cells
}

// rewrite replaces every "main_test.go:N" in msg.
func (m *cellLines) rewrite(msg string) string {
	if m == nil {
		return msg
	}
	return gonbPlace.ReplaceAllStringFunc(msg, func(place string) string {
		n, _ := strconv.Atoi(place[strings.LastIndex(place, ":")+1:])
		if s := m.place(n); s != "" {
			return s
		}
		return place
	})
}

// place says where line n (from 1) of GoNB's file is, or "".
func (m *cellLines) place(n int) string {
	if n < 1 || n > len(m.file) {
		return ""
	}
	start := n - 1
	for start >= 0 && !topLevelDecl.MatchString(m.file[start]) {
		start--
	}
	if start < 0 {
		return ""
	}
	end := start
	for end < len(m.file)-1 && m.file[end] != "}" && m.file[end] != ")" {
		end++
	}
	if end < n-1 {
		return ""
	}
	decl := m.file[start : end+1]
	found, at := 0, 0
	for _, cell := range m.cells {
		for i := range cell {
			if sameLines(cell[i:], decl) {
				found, at = found+1, i+(n-1-start)+1
			}
		}
	}
	if found == 1 {
		return fmt.Sprintf("exercise cell:%d", at)
	}
	return fmt.Sprintf("line %d of %s", n-start, topLevelDecl.FindStringSubmatch(m.file[start])[1])
}

// topLevelDecl matches the first line of a declaration, with its name.
var topLevelDecl = regexp.MustCompile(`^(?:func (?:\([^)]*\) )?|type |var |const )(\w+)`)

// sameLines reports whether have starts with want's lines, ignoring
// the blanks gofmt (which GoNB runs) may have changed.
func sameLines(have, want []string) bool {
	if len(have) < len(want) {
		return false
	}
	for i, w := range want {
		if strings.Join(strings.Fields(have[i]), "") != strings.Join(strings.Fields(w), "") {
			return false
		}
	}
	return true
}
