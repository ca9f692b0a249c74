package collect

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/goconc/goconc/kernel/internal/atomicfile"
)

// Report is what a collection did, for its summary.
type Report struct {
	Learners []Collected // every learner collected, in name order
	Problems []string    // a line for each folder, file or link not collected, and why
	Manifest string      // the manifest written
}

// Collected is one learner's collection.
type Collected struct {
	Name      string
	Notebooks []string // the files copied into SUBMISSIONS/<learner>/
	Replaced  []string // of those, files that were there with other bytes
	Kept      []string // notebooks there from before, no longer in course/: left as they are
}

// Collect copies every learner's course/*.ipynb (top level, not
// *.solved.ipynb, byte for byte, with its modification time) from
// HOMES/<learner>/course/ into SUBMISSIONS/<learner>/, and records
// them in SUBMISSIONS/manifest.json. It writes nothing in HOMES.
// Collecting into a SUBMISSIONS collected before adds and replaces
// the files of the learners found now and deletes nothing. The error
// is Collect's own failure (HOMES unreadable, SUBMISSIONS not
// writable); what one learner's folder does is a line in Problems.
func Collect(homes, submissions string) (Report, error) {
	var r Report
	homes, err := filepath.Abs(homes)
	if err != nil {
		return r, err
	}
	if submissions, err = filepath.Abs(submissions); err != nil {
		return r, err
	}
	if home, inside := learnerHomeAround(homes, submissions); inside {
		return r, fmt.Errorf("--out %s is inside %s: collect writes nothing in the learners' homes", submissions, home)
	}
	if info, err := os.Stat(homes); err != nil || !info.IsDir() {
		if err == nil {
			err = errors.New("not a folder")
		}
		return r, fmt.Errorf("--homes %s: %s", homes, pathless(err))
	}
	m, err := ReadManifest(submissions)
	switch {
	case errors.Is(err, os.ErrNotExist):
		m = &Manifest{Learners: map[string]Learner{}}
	case err != nil:
		return r, fmt.Errorf("%w (move it away to start a new one)", err)
	}
	if err := os.MkdirAll(submissions, 0o755); err != nil {
		return r, err
	}
	now := time.Now().UTC().Truncate(time.Second)
	var inFolders []string
	r.Problems, err = eachLearner(homes, func(name string, course *os.Root) error {
		got, entry, problems, err := collectLearner(course, name, submissions, m.Learners[name])
		inFolders = append(inFolders, problems...)
		if err != nil || entry.Notebooks == nil { // nil: a course/ that cannot be listed, said in problems
			return err
		}
		entry.CollectedAt = now
		m.Learners[name] = entry
		r.Learners = append(r.Learners, got)
		return nil
	})
	r.Problems = append(r.Problems, inFolders...)
	if err != nil {
		return r, err
	}
	m.Homes, m.CollectedAt = homes, now
	r.Manifest = filepath.Join(submissions, ManifestName)
	return r, m.write(submissions)
}

// collectLearner copies one learner's notebooks into
// SUBMISSIONS/<name>/ and returns their manifest entry, which keeps
// what before had of the notebooks left there from an earlier
// collection. A course/ that cannot be listed is a problem and no
// entry (nil Notebooks): the learner is passed over, not taken for
// one with nothing to hand in.
func collectLearner(course *os.Root, name, submissions string, before Learner) (Collected, Learner, []string, error) {
	got := Collected{Name: name}
	dir, err := course.Open(".")
	if err != nil {
		return got, Learner{}, []string{name + "/course: cannot list it: " + pathless(err)}, nil
	}
	files, err := dir.ReadDir(-1)
	dir.Close()
	if err != nil {
		return got, Learner{}, []string{name + "/course: cannot list it: " + pathless(err)}, nil
	}
	entry := Learner{Notebooks: map[string]Notebook{}}
	var problems []string
	dest := filepath.Join(submissions, name)
	if err := os.MkdirAll(dest, 0o755); err != nil {
		return got, entry, nil, err
	}
	slices.SortFunc(files, func(a, b os.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	for _, f := range files {
		file := f.Name()
		if !strings.HasSuffix(file, ".ipynb") || strings.HasSuffix(file, ".solved.ipynb") || strings.HasPrefix(file, ".") {
			continue
		}
		data, modified, why := readNotebook(course, file, f.Type())
		if why != "" {
			problems = append(problems, name+"/course/"+file+": "+why)
			continue
		}
		path := filepath.Join(dest, file)
		if old, err := os.ReadFile(path); err == nil && !bytes.Equal(old, data) {
			got.Replaced = append(got.Replaced, file)
		}
		if err := atomicfile.WriteFile(path, data); err != nil {
			return got, entry, problems, err
		}
		// Readable by whoever grades, as cp makes it; the time is the
		// learner's last save.
		if err := os.Chmod(path, 0o644); err != nil {
			return got, entry, problems, err
		}
		if err := os.Chtimes(path, modified, modified); err != nil {
			return got, entry, problems, err
		}
		got.Notebooks = append(got.Notebooks, file)
		entry.Notebooks[file] = Notebook{Modified: modified.UTC().Truncate(time.Second), Size: int64(len(data)), SHA256: digest(data)}
	}
	got.Kept = keptFrom(dest, got.Notebooks)
	for _, file := range got.Kept {
		if nb, ok := before.Notebooks[file]; ok {
			entry.Notebooks[file] = nb
		}
	}
	return got, entry, problems, nil
}

// keptFrom lists the notebooks in dest that this collection did not
// bring: handed in before and deleted from course/ since, or put there
// by hand. They stay.
func keptFrom(dest string, collected []string) []string {
	entries, _ := os.ReadDir(dest)
	var kept []string
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".ipynb") && !slices.Contains(collected, e.Name()) {
			kept = append(kept, e.Name())
		}
	}
	return kept
}

// learnerHomeAround says whether path is HOMES itself or inside the
// home of a learner in HOMES (one with a course/ folder), and which.
func learnerHomeAround(homes, path string) (string, bool) {
	if real, err := filepath.EvalSymlinks(path); err == nil {
		path = real
	}
	if real, err := filepath.EvalSymlinks(homes); err == nil {
		homes = real
	}
	rel, err := filepath.Rel(homes, path)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", false
	}
	if rel == "." {
		return homes, true
	}
	home := filepath.Join(homes, strings.Split(rel, string(filepath.Separator))[0])
	if info, err := os.Stat(filepath.Join(home, "course")); err == nil && info.IsDir() {
		return home, true
	}
	return "", false
}
