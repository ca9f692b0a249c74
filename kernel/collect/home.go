package collect

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// openCourse opens HOMES/<name>/course, a learner's hand-out folder,
// as an os.Root, so nothing read or written through it can leave it.
// A nil root with no problem is a folder that is not a learner's (no
// course/ in it: another user's home, lost+found); a problem is one
// line on why a learner's folder is passed over.
func openCourse(homes, name string) (root *os.Root, problem string) {
	dir := filepath.Join(homes, name)
	info, err := os.Lstat(dir)
	switch {
	case err != nil:
		return nil, err.Error()
	case info.Mode()&fs.ModeSymlink != 0:
		return nil, dir + " is a symlink: not followed"
	case !info.IsDir():
		return nil, ""
	}
	// The file system's own lost+found is no home, and only root may
	// look into it.
	quiet := name == "lost+found"
	home, err := os.OpenRoot(dir)
	if err != nil {
		if quiet {
			return nil, ""
		}
		return nil, fmt.Sprintf("cannot look into %s: %s", dir, pathless(err))
	}
	defer home.Close()
	course, err := home.Lstat("course")
	switch {
	case errors.Is(err, fs.ErrNotExist) || (err != nil && quiet):
		return nil, ""
	case err != nil:
		return nil, fmt.Sprintf("cannot look into %s: %s", dir, pathless(err))
	case course.Mode()&fs.ModeSymlink != 0:
		return nil, filepath.Join(dir, "course") + " is a symlink: not followed"
	case !course.IsDir():
		return nil, filepath.Join(dir, "course") + " is not a folder"
	case !SafeName(name):
		return nil, fmt.Sprintf("%q in %s is not a safe folder name (%s): passed over", name, homes, nameRule)
	}
	root, err = home.OpenRoot("course")
	if err != nil {
		return nil, fmt.Sprintf("cannot open %s: %s", filepath.Join(dir, "course"), pathless(err))
	}
	return root, ""
}

// eachLearner calls do for every learner in HOMES, in name order:
// each folder that has a course/ folder, opened for the call alone.
// It returns a line for each folder passed over, and stops at do's
// first error.
func eachLearner(homes string, do func(name string, course *os.Root) error) (problems []string, err error) {
	entries, err := os.ReadDir(homes)
	if err != nil {
		return nil, fmt.Errorf("reading the homes: %w", err)
	}
	for _, e := range entries {
		root, problem := openCourse(homes, e.Name())
		if problem != "" {
			problems = append(problems, problem)
		}
		if root == nil {
			continue
		}
		err := do(e.Name(), root)
		root.Close()
		if err != nil {
			return problems, err
		}
	}
	return problems, nil
}
