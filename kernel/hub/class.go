package hub

import (
	"fmt"
	"os"
	"path/filepath"
)

// DefaultClassDir is where `goconc setup --hub` installs what every
// learner's kernel runs on. It is outside any home (root's ~/go is
// not readable by other users) and readable by all.
const DefaultClassDir = "/usr/local/lib/goconc"

// KernelDir is the GoNB kernel spec every user's Jupyter finds: a
// system-wide Jupyter data dir (`jupyter --paths`), not root's home,
// where `gonb --install` puts it.
const KernelDir = "/usr/local/share/jupyter/kernels/gonb"

// Class is the layout of a class install.
type Class struct{ Dir string }

// Bin holds gonb, goimports (and gopls when the instructor has it).
func (c Class) Bin() string { return filepath.Join(c.Dir, "bin") }

// Course is the class copy of the course: go.mod, go.sum, lessons/
// and the course notebooks, not the solutions. The learners' setup
// cells point their modules at it (GOCONC_COURSE), so an instructor
// editing their checkout mid-class changes nothing for the class.
func (c Class) Course() string { return filepath.Join(c.Dir, "course") }

// Notebooks are the notebooks handed out.
func (c Class) Notebooks() string { return filepath.Join(c.Course(), "notebooks") }

// GoPath holds the module cache the learners' builds read (pkg/mod).
func (c Class) GoPath() string { return filepath.Join(c.Dir, "gopath") }

// GoCache is the warm build cache that seeds each learner's own.
func (c Class) GoCache() string { return filepath.Join(c.Dir, "go-build") }

// Ready says, in one line, what is missing for a hub to serve.
func (c Class) Ready() error {
	for _, p := range []string{filepath.Join(c.Course(), "go.mod"), filepath.Join(c.Bin(), "gonb"),
		c.GoCache(), filepath.Join(KernelDir, "kernel.json")} {
		if _, err := os.Stat(p); err != nil {
			return fmt.Errorf("no class install (%s is missing): run `sudo bin/goconc setup --hub` first", p)
		}
	}
	return nil
}

// KernelEnv is the environment of every learner's GoNB kernel: the
// tools and go on PATH, the shared module cache, no downloads (the
// course works offline; the module cache is read-only to learners),
// and the class copy of the course for the setup cells. GOCACHE is
// left to Go's default, the learner's ~/.cache/go-build, which the
// hand-out seeds.
func (c Class) KernelEnv(goDir string) map[string]string {
	return map[string]string{
		"PATH":          c.Bin() + ":" + goDir + ":/usr/local/bin:/usr/bin:/bin",
		"GOPATH":        c.GoPath(),
		"GOMODCACHE":    filepath.Join(c.GoPath(), "pkg", "mod"),
		"GOPROXY":       "off",
		"GOTOOLCHAIN":   "local",
		"GOFLAGS":       "-mod=mod",
		"GOCONC_COURSE": c.Course(),
	}
}
