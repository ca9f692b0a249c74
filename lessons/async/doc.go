// Package async holds what the 06-async notebook needs besides the
// learner's own code: the checks of its two exercises, gather
// (asyncio.gather in Go) and with-timeout (asyncio.wait_for in Go), and
// a web server on this machine whose pages answer after a delay the
// URL asks for, like the seed's say(delay, msg), and which notices when
// a client gives up waiting.
//
// Go has no async and no await: a goroutine that waits is cheap, so
// any function may block, and any function can run concurrently with
// the go statement. What asyncio does with tasks and cancellation, Go
// does with goroutines and context.Context, and the checks prove it on
// synctest's fake clock: a task cancelled at 30ms is seen to stop at
// exactly 30ms, every run.
//
// The package is named async although the folder teaches the absence
// of it: async is not a Go keyword, and the course names every lesson
// package after its topic.
package async
