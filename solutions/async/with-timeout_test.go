package async

import (
	"testing"

	"github.com/goconc/goconc/lessons/async"
)

func TestWithTimeout(t *testing.T) { async.CheckWithTimeout(t, WithTimeout[string]) }
