package gonbcell

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"strings"
)

// StubProblem says what is wrong with an exercise cell's stubs: every
// function body must be a single panic("TODO: ..."), so an untouched
// exercise fails its check with a message that says what to do.
func StubProblem(src string) string {
	f, err := parser.ParseFile(token.NewFileSet(), "", cellPrefix+src, 0)
	if err != nil {
		return ""
	}
	funcs := 0
	for _, d := range f.Decls {
		fn, ok := d.(*ast.FuncDecl)
		if !ok || fn.Body == nil {
			continue
		}
		funcs++
		if len(fn.Body.List) != 1 {
			return fmt.Sprintf("func %s: a stub's body is one panic(\"TODO: ...\")", fn.Name.Name)
		}
		call, _ := fn.Body.List[0].(*ast.ExprStmt)
		if call == nil || !isTODOPanic(call.X) {
			return fmt.Sprintf("func %s: a stub's body is one panic(\"TODO: ...\")", fn.Name.Name)
		}
	}
	if funcs == 0 {
		return "the exercise cell declares no function to write"
	}
	return ""
}

func isTODOPanic(e ast.Expr) bool {
	call, ok := e.(*ast.CallExpr)
	if !ok || len(call.Args) != 1 {
		return false
	}
	if id, ok := call.Fun.(*ast.Ident); !ok || id.Name != "panic" {
		return false
	}
	lit, ok := call.Args[0].(*ast.BasicLit)
	return ok && strings.HasPrefix(strings.Trim(lit.Value, "\"`"), "TODO")
}
