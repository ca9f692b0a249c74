package setup

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"

	"github.com/goconc/goconc/kernel/excerpt"
)

// mkdirReadable is os.MkdirAll, with every directory it creates made
// 0755 whatever root's umask is: a learner's Jupyter and kernel, as
// their own user, must pass through all of /usr/local/share/jupyter/kernels
// to reach the class's kernel spec, and through the parents of a class
// install placed elsewhere (Installer.ClassDir), and MkdirAll under `umask 077` makes them
// root's alone (a chmod -R of the spec's own dir cannot reach them).
func mkdirReadable(dir string) error {
	var created []string
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(d); err == nil || d == filepath.Dir(d) {
			break
		}
		created = append(created, d)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, d := range created {
		if err := os.Chmod(d, 0o755); err != nil {
			return err
		}
	}
	return nil
}

// readableByAll makes everything under dir readable by every user, and
// its directories passable (chmod -R a+rX): the class install and the
// kernel spec are read by each learner's kernel as its own user.
func readableByAll(dir string) error {
	if out, err := exec.Command("chmod", "-R", "a+rX", dir).CombinedOutput(); err != nil {
		return fmt.Errorf("chmod -R a+rX %s: %v: %s", dir, err, excerpt.Last(string(out), 2))
	}
	return nil
}
