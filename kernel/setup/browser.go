package setup

import (
	"fmt"
	"os/exec"
	"strings"
)

// browserNeeds are what the course's browser test (make browser)
// needs beyond headless runs: the notebook server a learner opens,
// and a real browser. Each is a Debian package and a way to tell it
// is there.
var browserNeeds = []struct {
	pkg     string
	present func() (string, bool)
}{
	{"jupyter-notebook", func() (string, bool) { return commandVersion("jupyter", "notebook", "--version") }},
	{"chromium", func() (string, bool) { return commandVersion("chromium", "--version") }},
}

// ensureBrowser installs, with --browser, Jupyter Notebook and
// Chromium: with apt-get when root on Debian, or else stops with the
// command to run.
func (s *Installer) ensureBrowser() (string, error) {
	if !s.Browser {
		return "skipped (no --browser)", nil
	}
	found, missing := browserParts()
	if len(missing) == 0 {
		return strings.Join(found, ", "), nil
	}
	if err := s.aptInstall("browser", missing...); err != nil {
		return "", fmt.Errorf("%w (needed by the browser test; goconc setup --browser)", err)
	}
	found, missing = browserParts()
	if len(missing) > 0 {
		return "", fmt.Errorf("%s still missing after apt-get install", strings.Join(missing, ", "))
	}
	return strings.Join(found, ", ") + " (installed with apt-get)", nil
}

// browserParts reports the versions found and the packages missing.
func browserParts() (found, missing []string) {
	for _, n := range browserNeeds {
		if v, ok := n.present(); ok {
			found = append(found, n.pkg+" "+v)
		} else {
			missing = append(missing, n.pkg)
		}
	}
	return found, missing
}

// commandVersion runs a --version command and returns the first word
// of its output that starts with a digit ("Chromium 156.0.8078.79
// built on …" gives 156.0.8078.79), or its first line.
func commandVersion(name string, args ...string) (string, bool) {
	out, err := exec.Command(name, args...).Output()
	if err != nil {
		return "", false
	}
	line, _, _ := strings.Cut(strings.TrimSpace(string(out)), "\n")
	for _, f := range strings.Fields(line) {
		if f[0] >= '0' && f[0] <= '9' {
			return f, true
		}
	}
	return line, true
}
