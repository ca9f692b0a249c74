package queues

// Queue is Python's queue.Queue with Go names, the method set that
// the task-queue exercise builds and [CheckTaskQueue] checks:
//
//	Python              Go
//	q = Queue(maxsize)  q := NewTaskQueue[int](maxsize)
//	q.put(item)         q.Put(item)
//	q.get()             q.Get()
//	q.task_done()       q.TaskDone()  // an error where Python raises ValueError
//	q.join()            q.Join()
//
// The exercise's TaskQueue[T] is generic; the check uses it with int.
type Queue[T any] interface {
	// Put adds item at the back, first waiting while the queue holds
	// maxsize items (never, if maxsize <= 0).
	Put(item T)
	// Get removes and returns the item at the front, first waiting
	// while the queue is empty.
	Get() T
	// TaskDone marks one item put on the queue as finished. Called
	// more times than items were put, it returns an error.
	TaskDone() error
	// Join waits until every item ever put has been marked finished.
	Join()
}
