package async

import (
	"testing"

	"github.com/goconc/goconc/lessons/async"
)

func TestGather(t *testing.T) { async.CheckGather(t, Gather[string]) }
