// Package queues holds the checks of the 04-queues notebook's two
// exercises, task-queue and pipeline, and what they share.
//
// The seeds share work between threads with Python's queue.Queue:
// put, get, task_done and join. Go shares work with channels, and the
// notebook shows how each piece of queue.Queue maps onto them. The
// task-queue exercise goes the other way and builds queue.Queue
// itself in Go ([Queue] is the method set its check expects), which
// shows what a channel does for us. The pipeline exercise connects
// three stages with channels, each closing its output when done, all
// of them stopping when a context is cancelled.
//
// Both checks run the learner's code on testing/synctest's fake clock
// (see [exercise.Bubble]): "Put blocks until Get makes room" and "the
// stages overlap" are then exact claims, and a goroutine left behind
// fails the check with the line it is stuck on.
package queues
