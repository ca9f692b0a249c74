package locks

import (
	"testing"
	"testing/synctest"
)

// bubble runs f on a fake clock, for tests of the check's own parts.
func bubble(t *testing.T, f func()) {
	synctest.Test(t, func(t *testing.T) { f() })
}
