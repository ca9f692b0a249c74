package grade

import (
	"context"
	"os"
	"path/filepath"

	"github.com/goconc/goconc/kernel/check"
	"github.com/goconc/goconc/kernel/internal/atomicfile"
)

// ValidateExtra runs the instructor's extra checks on the course's
// solutions (check.Checker.ValidateExtra), unless the cache in dir
// remembers these very checks validated with this course and these
// settings: grading again after one late submission should not cost a
// build of the solutions. It writes into dir only when they hold, so a
// refused check leaves nothing behind. fresh (--fresh) reads nothing
// from the cache, but still writes to it. cached says the cache answered.
func ValidateExtra(ctx context.Context, ch *check.Checker, dir string, fresh bool) (cached bool, err error) {
	if ch.Extra == nil {
		return false, nil
	}
	fp, err := Fingerprint(ch)
	if err != nil {
		return false, err
	}
	path := filepath.Join(dir, "extra-checks-"+fp+".json")
	if data, err := os.ReadFile(path); err == nil && !fresh && ch.Extra.UseLearned(data) {
		return true, nil
	}
	if err := ch.ValidateExtra(ctx); err != nil {
		return false, err
	}
	if data, err := ch.Extra.Learned(); err == nil && os.MkdirAll(dir, 0o755) == nil {
		atomicfile.WriteFile(path, data) // a cache not written is only slower next time
	}
	return false, nil
}
