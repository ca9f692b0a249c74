package queues

import (
	"testing"

	"github.com/goconc/goconc/lessons/queues"
)

func TestTaskQueue(t *testing.T) { queues.CheckTaskQueue(t, NewTaskQueue[int]) }
