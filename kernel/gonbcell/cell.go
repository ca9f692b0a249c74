package gonbcell

import (
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"strings"

	"golang.org/x/tools/imports"
)

// ExerciseCode returns the Go in an exercise cell, or says in one line
// why the cell breaks the contract: it must hold declarations only
// (func, type, const, var, import), because the grader takes exactly
// that cell and nothing else from a submission.
func ExerciseCode(src string) (string, error) {
	for i, line := range strings.Split(src, "\n") {
		l := strings.TrimSpace(line)
		if strings.HasPrefix(l, "%") || strings.HasPrefix(l, "!") {
			return "", fmt.Errorf("line %d: %q is a GoNB command; an exercise cell holds Go declarations only", i+1, l)
		}
	}
	fset, f, err := parseCell(src)
	if err != nil {
		return "", err
	}
	for _, d := range f.Decls {
		fn, ok := d.(*ast.FuncDecl)
		if !ok || fn.Recv != nil {
			continue
		}
		name := fn.Name.Name
		if name == "main" || name == "init" || strings.HasPrefix(name, "init_") {
			return "", fmt.Errorf("line %d: func %s runs on its own in GoNB; an exercise cell holds declarations only", fset.Position(fn.Pos()).Line-1, name)
		}
	}
	return src, nil
}

// CheckCode returns the Go in a check cell: its GoNB command lines
// (%test, %goflags …) become blank lines, so line numbers still match.
func CheckCode(src string) string {
	lines := strings.Split(src, "\n")
	for i, l := range lines {
		if t := strings.TrimSpace(l); strings.HasPrefix(t, "%") || strings.HasPrefix(t, "!") {
			lines[i] = ""
		}
	}
	return strings.Join(lines, "\n")
}

// CellFile makes a Go file of package pkg from a cell's declarations,
// the way GoNB compiles it: missing imports are added and unused ones
// dropped (GoNB runs goimports on every cell). Line numbers are kept:
// a //line directive names the cell, so compile errors, panics and
// race reports point at "name:LINE" with the cell's own line numbers.
// dir is a directory inside the course module, where goimports looks
// for the lesson packages.
func CellFile(pkg, name, src, dir string) ([]byte, error) {
	_, f, err := parseCell(src)
	if err != nil {
		return nil, err
	}
	fixed, err := imports.Process(dir+"/cell.go", []byte(cellPrefix+src), nil)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	ff, err := parser.ParseFile(token.NewFileSet(), "", fixed, parser.ImportsOnly)
	if err != nil {
		return nil, err
	}
	var specs []string
	for _, s := range ff.Imports {
		spec := s.Path.Value
		if s.Name != nil {
			spec = s.Name.Name + " " + spec
		}
		specs = append(specs, spec)
	}
	body := []byte(src)
	for _, d := range f.Decls {
		if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.IMPORT {
			blank(body, offset(f, g.Pos()), offset(f, g.End()))
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "package %s", pkg)
	if len(specs) > 0 {
		fmt.Fprintf(&b, "; import (%s)", strings.Join(specs, "; "))
	}
	fmt.Fprintf(&b, "\n//line %s:1:1\n%s\n", name, body)
	return []byte(b.String()), nil
}

// cellPrefix turns a cell into a file; parse positions are shifted by
// its one line.
const cellPrefix = "package cell\n"

// parseCell parses a cell's declarations, reporting syntax errors with
// the cell's own line numbers.
func parseCell(src string) (*token.FileSet, *ast.File, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "", cellPrefix+src, parser.ParseComments)
	var list scanner.ErrorList
	if errors.As(err, &list) && len(list) > 0 {
		e := list[0]
		return nil, nil, fmt.Errorf("line %d:%d: %s", e.Pos.Line-1, e.Pos.Column, e.Msg)
	}
	return fset, f, err
}

func offset(f *ast.File, p token.Pos) int { return int(p-f.FileStart) - len(cellPrefix) }

// blank overwrites b[from:to] with spaces, keeping newlines.
func blank(b []byte, from, to int) {
	for i := from; i < to && i < len(b); i++ {
		if b[i] != '\n' {
			b[i] = ' '
		}
	}
}
