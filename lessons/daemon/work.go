package daemon

// WorkFunc does one task for the named worker, start to finish. The
// graceful-shutdown exercise takes one as a parameter, so that the
// checks can pass in work that sleeps on a fake clock and the notebook
// can pass in work that prints and draws.
//
// It takes no context on purpose: the exercise is about the moment
// after a cancel, when every worker finishes the task in its hands
// rather than dropping it halfway.
type WorkFunc func(worker, task string)
