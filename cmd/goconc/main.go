// Command goconc sets up, runs, lints, checks and grades the goconc
// course. It is a thin shell: flags and output here, the work in the
// packages under kernel/.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/goconc/goconc/kernel/course"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprint(os.Stderr, usage())
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	cmd, args, ok := findIn(os.Args[1:])
	if !ok {
		fmt.Fprintf(os.Stderr, "goconc: unknown command %q\n\n%s", os.Args[1], usage())
		os.Exit(2)
	}
	var c *course.Course
	if !cmd.ownCourse {
		var err error
		if c, err = course.Find("."); err != nil {
			fail(err)
		}
	}
	_, do := cmd.flagSet()
	if err := do(ctx, c, args); err != nil {
		fail(err)
	}
}

// exitError carries an exit status for a command that ran fine but
// has a verdict to report (a failing check, a lint problem).
type exitError int

func (e exitError) Error() string { return fmt.Sprintf("exit status %d", int(e)) }

func fail(err error) {
	var code exitError
	if errors.As(err, &code) {
		os.Exit(int(code))
	}
	fmt.Fprintln(os.Stderr, "goconc:", err)
	os.Exit(2)
}
