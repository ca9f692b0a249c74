package jupyter

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
)

var ansi = regexp.MustCompile(`\x1b\[[0-9;]*m`)

// GoBin is where `go install` puts the course's tools (gonb,
// goimports): $GOBIN, or $GOPATH/bin.
func GoBin() string {
	if out, err := exec.Command("go", "env", "GOBIN").Output(); err == nil {
		if bin := strings.TrimSpace(string(out)); bin != "" {
			return bin
		}
	}
	out, err := exec.Command("go", "env", "GOPATH").Output()
	if err != nil {
		return filepath.Join(os.Getenv("HOME"), "go", "bin")
	}
	return filepath.Join(filepath.SplitList(strings.TrimSpace(string(out)))[0], "bin")
}

// ToolPath is $PATH with GoBin and the go command's own directory in
// front: GoNB runs goimports and go, and finds them only on PATH.
func ToolPath() string {
	dirs := []string{GoBin()}
	if goCmd, err := exec.LookPath("go"); err == nil {
		dirs = append(dirs, filepath.Dir(goCmd))
	}
	dirs = append(dirs, filepath.SplitList(os.Getenv("PATH"))...)
	var path []string
	seen := map[string]bool{}
	for _, d := range dirs {
		if !seen[d] {
			seen[d] = true
			path = append(path, d)
		}
	}
	return strings.Join(path, string(os.PathListSeparator))
}
