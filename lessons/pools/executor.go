package pools

import "errors"

// ErrShutdown is the error an executor's Submit returns once Shutdown
// has been called, as Python's ThreadPoolExecutor.submit raises
// RuntimeError("cannot schedule new futures after shutdown").
var ErrShutdown = errors.New("cannot submit a task after Shutdown")

// FutureLike is what the executor check needs of the learner's
// future: Result waits for the task and returns what it returned;
// Done is closed when the task has finished.
type FutureLike[R any] interface {
	Result() (R, error)
	Done() <-chan struct{}
}

// ExecutorLike is what the executor check needs of the learner's
// executor, whose Submit returns futures of type F.
type ExecutorLike[R any, F FutureLike[R]] interface {
	Submit(task func() (R, error)) (F, error)
	Shutdown(wait bool)
}
