package gradescope

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"text/template"

	"github.com/goconc/goconc/kernel/course"
	"github.com/goconc/goconc/kernel/internal/atomicfile"
)

// scripts are the autograder's two scripts, templates of the course's
// commit, its Go version and the notebooks to grade.
//
//go:embed autograder/setup.sh autograder/run_autograder
var scripts embed.FS

// Autograder is what a zip holds besides the course.
type Autograder struct {
	Commit    string // the course's commit, all of whose files are in the zip
	GoVersion string // go.mod's go line: the toolchain setup.sh installs
	Notebooks string // "01-threads,02-daemon"; "": all
	Dirty     bool   // the checkout has changes not in the commit (so not in the zip)
	Size      int    // of the zip, in bytes
	// ExtraChecks says the zip holds the instructor's hidden checks,
	// in ExtraChecksDir, which run_autograder passes on.
	ExtraChecks bool
}

// ExtraChecksDir is ExtraChecksDir, for the scripts' templates.
func (Autograder) ExtraChecksDir() string { return ExtraChecksDir }

// ExtraChecksDir is where a zip holds the hidden checks it was made
// with (goconc gradescope --extra-checks DIR): DIR's files, under the
// course's root, so in /autograder/source/extra-checks on Gradescope,
// which learners never see.
const ExtraChecksDir = "extra-checks"

// WriteZip writes the autograder (see Zip) to the file out, replaced
// whole or not at all.
func WriteZip(out string, c *course.Course, notebooks []string, extra string) (Autograder, error) {
	var b bytes.Buffer
	a, err := Zip(&b, c, notebooks, extra)
	if err != nil {
		return a, err
	}
	a.Size = b.Len()
	return a, atomicfile.WriteFile(out, b.Bytes())
}

// Zip writes the autograder for the course in c, grading notebooks
// (course names; nil: all), to w: setup.sh and run_autograder at the
// root, as Gradescope wants them, and beside them the course's files
// at its commit (git archive HEAD: tracked files only, so nothing of
// out/, bin/ or *.solved.ipynb), and, when extra names a folder of
// hidden checks, its files in ExtraChecksDir.
func Zip(w io.Writer, c *course.Course, notebooks []string, extra string) (Autograder, error) {
	a := Autograder{Notebooks: strings.Join(lessons(notebooks), ","), ExtraChecks: extra != ""}
	commit, err := git(c, "rev-parse", "HEAD")
	if err != nil {
		return a, fmt.Errorf("the autograder holds the course at a commit, and %s has none: %w", c.Root, err)
	}
	a.Commit = strings.TrimSpace(string(commit))
	status, err := git(c, "status", "--porcelain", "--untracked-files=no")
	if err != nil {
		return a, err
	}
	a.Dirty = len(bytes.TrimSpace(status)) > 0
	gomod, err := os.ReadFile(c.Root + "/go.mod")
	if err != nil {
		return a, err
	}
	if a.GoVersion, err = goVersion(gomod); err != nil {
		return a, err
	}
	archive, err := git(c, "archive", "--format=tar", a.Commit)
	if err != nil {
		return a, err
	}
	zw := zip.NewWriter(w)
	for _, name := range []string{"setup.sh", "run_autograder"} {
		if err := addScript(zw, name, a); err != nil {
			return a, err
		}
	}
	if err := addTar(zw, bytes.NewReader(archive)); err != nil {
		return a, err
	}
	if extra != "" {
		if err := addDir(zw, extra, ExtraChecksDir); err != nil {
			return a, fmt.Errorf("extra checks: %w", err)
		}
	}
	return a, zw.Close()
}

// lessons are notebook names without .ipynb, as --notebooks takes them.
func lessons(notebooks []string) []string {
	names := make([]string, len(notebooks))
	for i, n := range notebooks {
		names[i] = course.LessonName(n)
	}
	return names
}

func goVersion(gomod []byte) (string, error) {
	for line := range strings.Lines(string(gomod)) {
		if v, ok := strings.CutPrefix(strings.TrimSpace(line), "go "); ok {
			return v, nil
		}
	}
	return "", errors.New("go.mod has no go line")
}

func git(c *course.Course, args ...string) ([]byte, error) {
	cmd := exec.Command("git", append([]string{"-C", c.Root}, args...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("git %s: %v %s", args[0], err, strings.TrimSpace(stderr.String()))
	}
	return out, nil
}

// addScript writes one script, executable, filled in with a.
func addScript(zw *zip.Writer, name string, a Autograder) error {
	text, err := scripts.ReadFile("autograder/" + name)
	if err != nil {
		return err
	}
	t, err := template.New(name).Parse(string(text))
	if err != nil {
		return err
	}
	var b bytes.Buffer
	if err := t.Execute(&b, a); err != nil {
		return err
	}
	h := &zip.FileHeader{Name: name, Method: zip.Deflate}
	h.SetMode(0o755)
	f, err := zw.CreateHeader(h)
	if err == nil {
		_, err = f.Write(b.Bytes())
	}
	return err
}

// addTar copies git archive's files into the zip, with their modes.
func addTar(zw *zip.Writer, r io.Reader) error {
	tr := tar.NewReader(r)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if h.Typeflag != tar.TypeReg || excluded(h.Name) {
			continue
		}
		zh := &zip.FileHeader{Name: h.Name, Method: zip.Deflate, Modified: h.ModTime}
		zh.SetMode(os.FileMode(h.Mode).Perm())
		f, err := zw.CreateHeader(zh)
		if err != nil {
			return err
		}
		if _, err := io.Copy(f, tr); err != nil {
			return err
		}
	}
}

// addDir copies the regular files under dir (not those whose names
// start with a dot) into the zip under prefix.
func addDir(zw *zip.Writer, dir, prefix string) error {
	return filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if strings.HasPrefix(d.Name(), ".") && path != dir {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() {
			return nil
		}
		rel, err := filepath.Rel(dir, path)
		if err != nil {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		zh := &zip.FileHeader{Name: prefix + "/" + filepath.ToSlash(rel), Method: zip.Deflate}
		zh.SetMode(0o644)
		f, err := zw.CreateHeader(zh)
		if err == nil {
			_, err = f.Write(data)
		}
		return err
	})
}

// excluded are files that are never the course's, should one be
// committed by mistake (executed notebooks, test output, binaries),
// and the names of the two scripts and the hidden checks' folder,
// which are the autograder's.
func excluded(name string) bool {
	return strings.HasSuffix(name, ".solved.ipynb") || strings.HasPrefix(name, "out/") ||
		strings.HasPrefix(name, "bin/") || name == "setup.sh" || name == "run_autograder" ||
		strings.HasPrefix(name, ExtraChecksDir+"/")
}
