package setup

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/goconc/goconc/kernel/course"
	"github.com/goconc/goconc/kernel/excerpt"
	"github.com/goconc/goconc/kernel/internal/atomicfile"
	"github.com/goconc/goconc/kernel/jupyter"
)

// GoplsVersion is the newest gopls that builds with the Go this course
// targets. GoNB uses it for completion and hover help; it is optional.
const GoplsVersion = "v0.23.0"

// Installer installs and verifies what the course runs on: the pinned GoNB
// kernel and goimports (go.mod's tool lines), gopls, Jupyter, and the
// kernel's registration with Jupyter. Every step first looks whether
// it is already done, so running it again changes nothing.
type Installer struct {
	Course   *course.Course
	Out      io.Writer
	Headless bool   // only what headless runs need: no notebook server, no gopls
	Browser  bool   // also what the browser test needs: Jupyter Notebook, Chromium
	Hub      bool   // also what goconc hub needs: JupyterHub, the class install
	ClassDir string // the class install (default hub.DefaultClassDir)
}

// Run performs every step and stops at the first that fails, with an
// error that says, in one line, what to do.
func (s *Installer) Run() error {
	steps := []struct {
		name string
		do   func() (string, error)
	}{
		{"go", s.checkGo},
		{"gonb, goimports", s.installTools},
		{"gopls", s.installGopls},
		{"jupyter", s.ensureJupyter},
		{"kernel", s.registerKernel},
		{"build cache", s.warmCache},
		{"sandbox", s.ensureSandbox},
		{"browser", s.ensureBrowser},
		{"hub", s.ensureHub},
		{"class", s.installClass},
	}
	for _, st := range steps {
		msg, err := st.do()
		if err != nil {
			fmt.Fprintf(s.Out, "  FAIL %-16s %v\n", st.name, err)
			return fmt.Errorf("setup failed at %s: %w", st.name, err)
		}
		fmt.Fprintf(s.Out, "  ok   %-16s %s\n", st.name, msg)
	}
	return nil
}

func (s *Installer) checkGo() (string, error) {
	out, err := exec.Command("go", "env", "GOVERSION").Output()
	if err != nil {
		return "", fmt.Errorf("no go command: install Go 1.26 or later from https://go.dev/dl/")
	}
	v := strings.TrimSpace(string(out))
	var minor int
	fmt.Sscanf(v, "go1.%d", &minor)
	if minor < 26 {
		return "", fmt.Errorf("%s is too old: the course needs Go 1.26 or later (testing/synctest, WaitGroup.Go; golang.org/x/exp/trace for the scheduler pictures reads only Go 1.26 traces)", v)
	}
	return v, nil
}

func (s *Installer) installTools() (string, error) {
	if out, err := s.command("go", "install", "tool"); err != nil {
		return "", fmt.Errorf("go install tool: %s (is the Go module proxy reachable?)", excerpt.Last(out, 3))
	}
	return "installed in " + jupyter.GoBin() + " (pinned in go.mod)", nil
}

func (s *Installer) installGopls() (string, error) {
	if s.Headless {
		return "skipped (headless)", nil
	}
	if _, err := os.Stat(filepath.Join(jupyter.GoBin(), "gopls")); err == nil {
		return "already installed", nil
	}
	if out, err := s.command("go", "install", "golang.org/x/tools/gopls@"+GoplsVersion); err != nil {
		// Optional: the kernel runs without it, minus completion.
		return "not installed (optional, completion off): " + excerpt.First(out, 1), nil
	}
	return GoplsVersion, nil
}

// jupyterPackages are Debian's packages for headless runs and for the
// notebook server.
func (s *Installer) jupyterPackages() []string {
	pkgs := []string{"jupyter-nbconvert", "jupyter-client"}
	if !s.Headless {
		pkgs = append(pkgs, "jupyter-notebook")
	}
	return pkgs
}

func (s *Installer) ensureJupyter() (string, error) {
	if v, ok := s.jupyterReady(); ok {
		return v, nil
	}
	if err := s.aptInstall("jupyter", s.jupyterPackages()...); err != nil {
		return "", fmt.Errorf("Jupyter is missing: %w (or `pip install notebook nbconvert`)", err)
	}
	if v, ok := s.jupyterReady(); ok {
		return v + " (installed with apt-get)", nil
	}
	return "", fmt.Errorf("jupyter still not found after installing %s", strings.Join(s.jupyterPackages(), " "))
}

// jupyterReady reports the versions of the Jupyter parts this mode needs.
func (s *Installer) jupyterReady() (string, bool) {
	parts := []string{"nbconvert"}
	if !s.Headless {
		parts = append(parts, "notebook")
	}
	var found []string
	for _, p := range parts {
		out, err := exec.Command("jupyter", p, "--version").Output()
		if err != nil {
			return "", false
		}
		found = append(found, p+" "+strings.TrimSpace(string(out)))
	}
	return strings.Join(found, ", "), true
}

func (s *Installer) registerKernel() (string, error) {
	gonb := filepath.Join(jupyter.GoBin(), "gonb")
	out, err := s.command(gonb, "--install", "--force_deps")
	if err != nil {
		return "", fmt.Errorf("gonb --install: %s", excerpt.Last(out, 2))
	}
	dir, err := kernelDir()
	if err != nil {
		return "", err
	}
	if err := setKernelPath(filepath.Join(dir, "kernel.json"), jupyter.ToolPath()); err != nil {
		return "", err
	}
	return "GoNB registered with Jupyter in " + dir, nil
}

// kernelDir asks Jupyter where the gonb kernel spec is.
func kernelDir() (string, error) {
	out, err := exec.Command("jupyter", "kernelspec", "list", "--json").Output()
	if err != nil {
		return "", fmt.Errorf("jupyter kernelspec list: %v", err)
	}
	var list struct {
		Kernelspecs map[string]struct {
			ResourceDir string `json:"resource_dir"`
		}
	}
	if err := json.Unmarshal(out, &list); err != nil {
		return "", fmt.Errorf("jupyter kernelspec list: %v", err)
	}
	ks, ok := list.Kernelspecs["gonb"]
	if !ok {
		return "", fmt.Errorf("Jupyter does not list the gonb kernel after gonb --install")
	}
	return ks.ResourceDir, nil
}

// setKernelPath writes PATH into the kernel spec's env: GoNB calls go
// and goimports by name, so the kernel must find them however Jupyter
// was started (from a desktop menu, with a PATH without $GOPATH/bin).
func setKernelPath(file, path string) error {
	data, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	var spec map[string]any
	if err := json.Unmarshal(data, &spec); err != nil {
		return fmt.Errorf("%s: %v", file, err)
	}
	env, _ := spec["env"].(map[string]any)
	if env == nil {
		env = map[string]any{}
	}
	env["PATH"] = path
	spec["env"] = env
	data, err = json.MarshalIndent(spec, "", "  ")
	if err != nil {
		return err
	}
	return atomicfile.WriteFile(file, append(data, '\n'))
}

// command runs a setup command in the course root and returns its
// combined output.
func (s *Installer) command(name string, args ...string) (string, error) {
	cmd := exec.Command(name, args...)
	cmd.Dir = s.Course.Root
	cmd.Env = append(os.Environ(), "PATH="+jupyter.ToolPath())
	out, err := cmd.CombinedOutput()
	return string(out), err
}
