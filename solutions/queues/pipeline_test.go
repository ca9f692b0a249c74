package queues

import (
	"testing"

	"github.com/goconc/goconc/lessons/queues"
)

func TestPipeline(t *testing.T) {
	queues.CheckPipeline(t, Source[int], Map[int, int], Collect[int])
}
