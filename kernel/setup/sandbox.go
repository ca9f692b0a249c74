package setup

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"

	"github.com/goconc/goconc/kernel/excerpt"
	"github.com/goconc/goconc/kernel/sandbox"
)

// ensureSandbox installs bubblewrap, which `goconc grade` puts every
// submission in. Learners do not need it, but it is small, and an
// instructor's `goconc setup` and `make test` should leave a machine
// that can grade.
func (s *Installer) ensureSandbox() (string, error) {
	_, err := sandbox.New()
	if err == nil {
		v, _ := exec.Command("bwrap", "--version").Output()
		return strings.TrimSpace(string(v)), nil
	}
	if !errors.Is(err, sandbox.ErrNoBubblewrap) {
		// Installed, but this machine will not let it make namespaces
		// (a container: docker build, a Kubernetes pod). apt-get cannot
		// change that, and a learner's side needs no sandbox: say so
		// and go on; goconc grade says it again where it is run.
		return "installed, but cannot start a sandbox here (a container?): grade elsewhere, or with --unsafe-no-sandbox", nil
	}
	if err := s.aptInstall("sandbox", "bubblewrap"); err != nil {
		return "", fmt.Errorf("%w (needed by goconc grade)", err)
	}
	if _, err := sandbox.New(); err != nil {
		return "", err
	}
	return "bubblewrap (installed with apt-get)", nil
}

// aptInstall installs Debian packages when it may (root, with
// apt-get), or else says in one line what to run.
func (s *Installer) aptInstall(step string, pkgs ...string) error {
	install := "apt-get install -y --no-install-recommends " + strings.Join(pkgs, " ")
	if _, err := exec.LookPath("apt-get"); err != nil || os.Geteuid() != 0 {
		return fmt.Errorf("%s missing: run `sudo apt-get update && sudo %s` (Debian, Ubuntu), then goconc setup again",
			strings.Join(pkgs, " and "), install)
	}
	fmt.Fprintf(s.Out, "  ...  %-16s %s\n", step, install)
	if out, err := s.command("sh", "-c", "apt-get update -qq && DEBIAN_FRONTEND=noninteractive "+install); err != nil {
		return fmt.Errorf("%s failed: %s", install, excerpt.Last(out, 2))
	}
	return nil
}
