package gradescope

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/goconc/goconc/kernel/check"
	"github.com/goconc/goconc/kernel/course"
	"github.com/goconc/goconc/kernel/grade"
)

// extraCache is where, in the course checkout, Run keeps what it
// learned of the hidden checks on the course's solutions, so that
// setup.sh's warm run validates them once for every submission.
const extraCache = ".goconc-cache"

// ValidateExtra reads the hidden checks in dir and runs them on the
// course's solutions, in the sandbox Run would pick, before they go
// into a zip: checks that fail the course's own solution would fail
// every learner on Gradescope.
func ValidateExtra(ctx context.Context, c *course.Course, dir string) (*check.ExtraChecks, error) {
	ch := check.New(c)
	if _, err := pickSandbox(ch, SandboxAuto); err != nil {
		return nil, err
	}
	x, err := check.LoadExtraChecks(c, dir)
	if err != nil {
		return nil, err
	}
	ch.Extra = x
	return x, ch.ValidateExtra(ctx)
}

// loadExtra reads cfg.ExtraChecks into ch and runs them on the course's
// solutions, unless the cache remembers them validated, and says so in
// the instructor's log.
func loadExtra(ctx context.Context, ch *check.Checker, cfg Config) error {
	if cfg.ExtraChecks == "" {
		return nil
	}
	x, err := check.LoadExtraChecks(ch.Course, cfg.ExtraChecks)
	if err != nil {
		return err
	}
	ch.Extra = x
	cached, err := grade.ValidateExtra(ctx, ch, filepath.Join(ch.Course.Root, extraCache), false)
	if err != nil {
		return err
	}
	how := "held by the course's solutions"
	if cached {
		how += " (as the cache remembers)"
	}
	fmt.Fprintf(cfg.Log, "extra checks of %s: %s, %s\n", strings.Join(x.Exercises(), ", "), x.Described(), how)
	return nil
}
