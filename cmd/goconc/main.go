// Command goconc sets up, runs, lints and checks the goconc course.
// It is a thin shell: flags and output here, the work in package
// kernel.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/goconc/goconc/kernel"
)

const usage = `goconc: learn Go concurrency in GoNB notebooks

  goconc setup [--headless] [--browser]
                                      install GoNB, goimports, Jupyter; register the kernel
  goconc open [--port N]              start Jupyter Notebook on notebooks/ (prints the URL)
  goconc run [--solved] [--write] [--timeout D] [--jobs N] NOTEBOOK...
                                      execute notebooks headless through the GoNB kernel
  goconc check [--timeout D] NOTEBOOK check your exercises: pass or fail, and why
  goconc lint [NOTEBOOK...]           the course's notebook and exercise rules
  goconc grade --out DIR [--jobs N] [--timeout D] SUBMISSIONS
                                      grade a class in a sandbox: grades.csv, results.json, feedback/
`

func main() {
	if len(os.Args) < 2 {
		fmt.Fprint(os.Stderr, usage)
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	commands := map[string]func(context.Context, *kernel.Course, []string) error{
		"setup": setup, "open": open, "run": run, "check": check, "lint": lint, "grade": grade,
	}
	do, ok := commands[os.Args[1]]
	if !ok {
		fmt.Fprintf(os.Stderr, "goconc: unknown command %q\n\n%s", os.Args[1], usage)
		os.Exit(2)
	}
	course, err := kernel.FindCourse(".")
	if err != nil {
		fail(err)
	}
	if err := do(ctx, course, os.Args[2:]); err != nil {
		fail(err)
	}
}

// exitError carries an exit status for a command that ran fine but
// has a verdict to report (a failing check, a lint problem).
type exitError int

func (e exitError) Error() string { return fmt.Sprintf("exit status %d", int(e)) }

func fail(err error) {
	if code, ok := err.(exitError); ok {
		os.Exit(int(code))
	}
	fmt.Fprintln(os.Stderr, "goconc:", err)
	os.Exit(2)
}
