package setup

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/goconc/goconc/kernel/excerpt"
	"github.com/goconc/goconc/kernel/hub"
	"github.com/goconc/goconc/kernel/internal/atomicfile"
	"github.com/goconc/goconc/kernel/jupyter"
)

// hubPackages are Debian's packages for a class on one machine:
// JupyterHub 3.0, its proxy (Debian names it node-…), and the classic
// Notebook every learner's server runs.
var hubPackages = []string{"jupyterhub", "node-configurable-http-proxy", "jupyter-notebook"}

// ensureHub installs JupyterHub and its proxy (with --hub).
func (s *Installer) ensureHub() (string, error) {
	if !s.Hub {
		return "skipped (no --hub)", nil
	}
	if v, ok := hubReady(); ok {
		return v, nil
	}
	if err := s.aptInstall("hub", hubPackages...); err != nil {
		return "", fmt.Errorf("%w (needed by goconc hub)", err)
	}
	if v, ok := hubReady(); ok {
		return v + " (installed with apt-get)", nil
	}
	return "", fmt.Errorf("jupyterhub or configurable-http-proxy still missing after installing %s", strings.Join(hubPackages, " "))
}

// hubReady reports the versions of JupyterHub and its proxy. Debian's
// proxy needs NODE_PATH=/usr/share/nodejs under a Node.js that is not
// Debian's, as goconc hub gives it.
func hubReady() (string, bool) {
	hubV, ok := commandVersion("jupyterhub", "--version")
	if !ok {
		return "", false
	}
	proxy := exec.Command("configurable-http-proxy", "--version")
	proxy.Env = append(os.Environ(), "NODE_PATH=/usr/share/nodejs")
	out, err := proxy.Output()
	if err != nil {
		return "", false
	}
	if _, ok := commandVersion("jupyter", "notebook", "--version"); !ok {
		return "", false
	}
	return "jupyterhub " + hubV + ", configurable-http-proxy " + strings.TrimSpace(string(out)), true
}

// installClass writes the class install every learner's kernel runs
// on (see hub.Class): the course's lessons and notebooks, the tools,
// a module cache and a warm build cache, readable by all, and the
// GoNB kernel spec in Jupyter's system-wide data dir. Run again, it
// replaces them with the checkout's current course.
func (s *Installer) installClass() (string, error) {
	if !s.Hub {
		return "skipped (no --hub)", nil
	}
	class := hub.Class{Dir: s.ClassDir}
	if class.Dir == "" {
		class.Dir = hub.DefaultClassDir
	}
	if os.Geteuid() != 0 {
		return "", fmt.Errorf("the class install goes to %s and %s: run `sudo bin/goconc setup --hub`", class.Dir, hub.KernelDir)
	}
	if err := s.copyCourse(class); err != nil {
		return "", fmt.Errorf("copying the course: %w", err)
	}
	if err := copyTools(class); err != nil {
		return "", err
	}
	goDir, err := goBinDir()
	if err != nil {
		return "", err
	}
	// The class's module cache is filled from ours (offline, through
	// the file:// proxy of its download cache), with the kernels'
	// environment, so that the warm build's cache keys are theirs.
	modCache, _ := exec.Command("go", "env", "GOMODCACHE").Output()
	env := []string{"GOCACHE=" + class.GoCache()}
	for k, v := range class.KernelEnv(goDir) {
		if k != "GOPROXY" && k != "PATH" {
			env = append(env, k+"="+v)
		}
	}
	env = append(env, "GOPROXY=file://"+filepath.Join(strings.TrimSpace(string(modCache)), "cache", "download"), "GOSUMDB=off")
	took, err := warmBuild(class.Course(), env)
	if err != nil {
		return "", fmt.Errorf("the class's warm build: %w", err)
	}
	if err := readableByAll(class.Dir); err != nil {
		return "", err
	}
	if err := writeKernelSpec(class, goDir); err != nil {
		return "", err
	}
	seen, err := seenByOthers()
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("%s (warm build %.0fs), kernel spec in %s, %s", class.Dir, took.Seconds(), hub.KernelDir, seen), nil
}

// copyCourse copies go.mod, go.sum, lessons/ and the course notebooks
// (no solutions: learners can read the class install) into a fresh
// dir, then puts it in place of the old class copy.
func (s *Installer) copyCourse(class hub.Class) error {
	if err := mkdirReadable(class.Dir); err != nil { // its parents too, under any umask
		return err
	}
	fresh, err := os.MkdirTemp(class.Dir, "course.new-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(fresh)
	root := s.Course.Root
	for _, f := range []string{"go.mod", "go.sum"} {
		data, err := os.ReadFile(filepath.Join(root, f))
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(fresh, f), data, 0o644); err != nil {
			return err
		}
	}
	if err := os.CopyFS(filepath.Join(fresh, "lessons"), os.DirFS(filepath.Join(root, "lessons"))); err != nil {
		return err
	}
	notebooks, err := s.Course.Notebooks()
	if err != nil {
		return err
	}
	if err := os.Mkdir(filepath.Join(fresh, "notebooks"), 0o755); err != nil {
		return err
	}
	for _, nb := range notebooks {
		data, err := os.ReadFile(nb)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(fresh, "notebooks", filepath.Base(nb)), data, 0o644); err != nil {
			return err
		}
	}
	old := class.Course() + ".old"
	os.RemoveAll(old)
	if err := os.Rename(class.Course(), old); err != nil && !os.IsNotExist(err) {
		return err
	}
	if err := os.Rename(fresh, class.Course()); err != nil {
		return err
	}
	return os.RemoveAll(old)
}

// copyTools copies gonb, goimports and, if there, gopls from where
// `go install tool` put them (root's ~/go/bin, which other users
// cannot reach) into the class's bin.
func copyTools(class hub.Class) error {
	if err := os.MkdirAll(class.Bin(), 0o755); err != nil {
		return err
	}
	for _, tool := range []string{"gonb", "goimports", "gopls"} {
		data, err := os.ReadFile(filepath.Join(jupyter.GoBin(), tool))
		if err != nil {
			if tool == "gopls" {
				continue // optional
			}
			return fmt.Errorf("%s: %w", tool, err)
		}
		if err := atomicfile.WriteFile(filepath.Join(class.Bin(), tool), data); err != nil {
			return err
		}
		if err := os.Chmod(filepath.Join(class.Bin(), tool), 0o755); err != nil {
			return err
		}
	}
	return nil
}

// goBinDir is the directory of the go command, which must be one
// every user can run (Go's tarball in /usr/local/go is).
func goBinDir() (string, error) {
	goCmd, err := exec.LookPath("go")
	if err != nil {
		return "", err
	}
	goCmd, err = filepath.EvalSymlinks(goCmd)
	if err != nil {
		return "", err
	}
	if strings.HasPrefix(goCmd, "/root/") {
		return "", fmt.Errorf("go is %s, which other users cannot run: install Go system-wide (e.g. /usr/local/go)", goCmd)
	}
	return filepath.Dir(goCmd), nil
}

// writeKernelSpec registers GoNB for every user: the spec gonb
// --install writes, with the class's gonb and environment.
func writeKernelSpec(class hub.Class, goDir string) error {
	spec := map[string]any{
		"argv": []string{filepath.Join(class.Bin(), "gonb"), "--kernel", "{connection_file}",
			"-logtostderr=true", "-alsologtostderr=false", "-raw_error=false", "-work=false",
			"-comms_log=false", "-stderrthreshold=2", "-v=0"},
		"display_name":   "Go (gonb)",
		"env":            class.KernelEnv(goDir),
		"interrupt_mode": "message",
		"language":       "go",
	}
	data, err := json.MarshalIndent(spec, "", "  ")
	if err != nil {
		return err
	}
	if err := mkdirReadable(hub.KernelDir); err != nil {
		return err
	}
	if logo, err := os.ReadFile(filepath.Join(kernelLogoDir(), "logo-svg.svg")); err == nil {
		atomicfile.WriteFile(filepath.Join(hub.KernelDir, "logo-svg.svg"), logo)
	}
	specFile := filepath.Join(hub.KernelDir, "kernel.json")
	if err := atomicfile.WriteFile(specFile, append(data, '\n')); err != nil {
		return err
	}
	// Every learner's Jupyter reads it, as its own user: an earlier
	// install that left it root's alone (0600) showed learners only
	// Python. The PAM test in make hub logs a real user in to see it.
	return readableByAll(hub.KernelDir)
}

// seenByOthers checks that a user other than root (nobody, with a home
// of its own for the check) finds the class's GoNB kernel spec, as a learner's
// Jupyter must: root's own finds the spec in its home too, and would
// hide a system-wide spec that nobody else can read. It says what it
// did: without runuser (not util-linux's world) nothing runs it as
// nobody, and the install must not read as checked when it was not.
func seenByOthers() (string, error) {
	if _, err := exec.LookPath("runuser"); err != nil {
		return "not checked as another user (no runuser): log in as a learner to see the Go kernel", nil
	}
	home, err := os.MkdirTemp("", "goconc-nobody-") // Jupyter writes in its home
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(home)
	if err := os.Chmod(home, 0o777); err != nil {
		return "", err
	}
	// runuser sets HOME to nobody's own (/nonexistent): env sets ours.
	cmd := exec.Command("runuser", "-u", "nobody", "--", "env", "PATH=/usr/bin:/bin", "HOME="+home,
		"jupyter", "kernelspec", "list", "--json")
	out, err := cmd.Output()
	var list struct {
		Kernelspecs map[string]struct {
			ResourceDir string `json:"resource_dir"`
		} `json:"kernelspecs"`
	}
	if err == nil {
		err = json.Unmarshal(out, &list)
	}
	if err != nil {
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			err = fmt.Errorf("%v: %s", err, excerpt.Last(string(exit.Stderr), 1))
		}
		return "", fmt.Errorf("jupyter kernelspec list, as the user nobody: %v", err)
	}
	if got := list.Kernelspecs["gonb"].ResourceDir; got != hub.KernelDir {
		return "", fmt.Errorf("a user other than root does not find the GoNB kernel in %s (found %q): check its permissions", hub.KernelDir, got)
	}
	return "seen by the user nobody", nil
}

// kernelLogoDir is where the user's gonb --install put its spec (and
// logo), or "" .
func kernelLogoDir() string {
	dir, err := kernelDir()
	if err != nil {
		return ""
	}
	return dir
}
