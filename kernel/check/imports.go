package check

import (
	"fmt"
	"go/parser"
	"go/token"
	"strconv"
	"strings"

	"github.com/goconc/goconc/kernel/course"
)

// deniedImports are the packages an exercise cell may not import
// unless its exercise allows them: each one is a way out of a
// submission's own memory and time (running programs, system calls,
// raw memory, the network, loading code). No exercise of the course
// needs them; the sandbox would stop most of what they do anyway, and
// refusing them before compiling gives a clearer message.
var deniedImports = []string{"C", "os/exec", "syscall", "unsafe", "net", "plugin",
	"runtime/cgo", "golang.org/x/sys"}

// allowedModules are the non-standard packages an exercise cell may
// import: the lessons, and what go.mod already pins for them.
var allowedModules = []string{course.ModulePath + "/lessons", "golang.org/x/sync"}

// AllowTag on an exercise cell of the course (allow:net/http) lets
// that exercise import a package deniedImports would refuse.
const AllowTag = "allow"

// checkImports refuses an exercise file that imports what its exercise
// does not allow. file is the cell as compiled, after goimports, so an
// import that goimports added on its own is caught too.
func checkImports(file []byte, allowed []string) error {
	f, err := parser.ParseFile(token.NewFileSet(), "", file, parser.ImportsOnly)
	if err != nil {
		return nil // the compiler will say what is wrong, with the cell's lines
	}
	for _, spec := range f.Imports {
		path, _ := strconv.Unquote(spec.Path.Value)
		if err := importAllowed(path, allowed); err != nil {
			return err
		}
	}
	return nil
}

func importAllowed(path string, allowed []string) error {
	for _, a := range allowed {
		if under(path, a) {
			return nil
		}
	}
	for _, d := range deniedImports {
		if under(path, d) {
			return fmt.Errorf("imports %q, which exercises may not use (no os/exec, syscall, unsafe, net or plugin): solve it with the packages the task names", path)
		}
	}
	first, _, _ := strings.Cut(path, "/")
	if !strings.Contains(first, ".") {
		return nil // the standard library
	}
	for _, m := range allowedModules {
		if under(path, m) {
			return nil
		}
	}
	return fmt.Errorf("imports %q, which is not part of the course: use the standard library and the lesson's package", path)
}

// under reports whether path is pkg or inside it.
func under(path, pkg string) bool {
	return path == pkg || strings.HasPrefix(path, pkg+"/")
}
