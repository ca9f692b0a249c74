package queues

import (
	"os"
	"strings"
	"testing"

	"github.com/goconc/goconc/lessons/exercise/exercisetest"
)

// TestBadPipeline runs CheckPipeline on the stages of
// pipeline_wrong_test.go that GOCONC_WRONG names, each wrong one
// beside right ones; it fails on purpose, in a child process.

var wrongPipelines = map[string]pipeline{
	"stub":             {stubSource, stubMap, stubCollect},
	"trustingCollect":  {goodSource, goodMap, trustingCollect},
	"ownErrorCollect":  {goodSource, goodMap, ownErrorCollect},
	"forgetfulCollect": {goodSource, goodMap, forgetfulCollect},
	"rangeCollect":     {goodSource, goodMap, rangeCollect},
	"deafSendMap":      {goodSource, deafSendMap, goodCollect},
	"rangeMap":         {goodSource, rangeMap, goodCollect},
	"unclosedMap":      {goodSource, unclosedMap, goodCollect},
	"batchMap":         {goodSource, batchMap, goodCollect},
	"parallelMap":      {goodSource, parallelMap, goodCollect},
	"leakySource":      {leakySource, goodMap, goodCollect},
	"scatterSource":    {scatterSource, goodMap, goodCollect},
	"aheadSource":      {aheadSource, goodMap, goodCollect},
	"aheadMap":         {goodSource, aheadMap, goodCollect},
}

func TestBadPipeline(t *testing.T) {
	exercisetest.OnlyInChild(t)
	p := wrongPipelines[os.Getenv("GOCONC_WRONG")]
	CheckPipeline(t, p.source, p.mapf, p.collect)
}

const (
	partOrder   = "passes every item through the stages in order"
	partCloses  = "closes each stage's output when its input is done"
	partOverlap = "runs the stages at the same time"
	partStops   = "stops Source and Map when the context is cancelled"
	partCollect = "makes Collect return the context's error when cancelled"
)

func TestEachWrongPipelineIsCaughtEveryRun(t *testing.T) {
	const bp = "TestBadPipeline"
	for _, c := range []caught{
		// The reference solution as it was: 20 runs, each of which
		// tries the same moment 40 times.
		{"trustingCollect", 20, []string{
			"with the context cancelled and its input closed at the same moment (as when a cancelled stage closes its " +
				"output early), Collect returned a nil error ",
			" of 40 times, want ctx.Err() every time: after a cancel, a closed input may be cut short, and nil would " +
				"say the result is whole. When in is closed, return ctx.Err() (it is nil while the context is live)",
			failed(bp, partCollect), "FAIL pipeline: 8/10 points\n"}},
		{"ownErrorCollect", 1, []string{
			"Collect with a context.WithTimeout of 30ms, given 1 on a channel that then stayed open, returned [1] and " +
				"context canceled, want [1] and context.DeadlineExceeded: return ctx.Err(), which says why the context " +
				"ended, not an error of your own",
			failed(bp, partCollect), "FAIL pipeline: 8/10 points\n"}},
		{"forgetfulCollect", 1, []string{
			"Collect returned [] and context canceled after 50ms, want [1 2] (what it got) and context.Canceled " +
				"(ctx.Err()) after 50ms, when the context was cancelled",
			failed(bp, partCollect), "FAIL pipeline: 8/10 points\n"}},
		{"rangeCollect", 1, []string{
			"Collect, given 1 and 2 on a channel that then stayed open, did not return within 1m0s " +
				"after the context was cancelled: wait in a select with a case <-ctx.Done() that returns ctx.Err()",
			"waiting (chan receive) in rangeCollect (pipeline_wrong_test.go:",
			failed(bp, partCollect), "FAIL pipeline: 8/10 points\n"}},
		{"deafSendMap", 10, []string{
			"Map, with 9 items left and nobody reading its output, was sending when the context was cancelled, and " +
				"1m0s later it had still not closed its channel: wait in a select with a case <-ctx.Done() that returns " +
				"(closing the channel)",
			failed(bp, partStops), "FAIL pipeline: "}},
		{"rangeMap", 3, []string{
			"Map, given an input channel that stays empty and open, was waiting for input when the context was " +
				"cancelled, and 1m0s later it had still not closed its channel",
			"waiting (chan receive) in rangeMap.func1 (pipeline_wrong_test.go:",
			failed(bp, partStops), "FAIL pipeline: 8/10 points\n"}},
		{"leakySource", 3, []string{
			"Source, with 98 of 100 items left to send, was sending when the context was cancelled, " +
				"and 1m0s later it had still not closed its channel: wait in a select with a case <-ctx.Done()",
			"waiting (chan send) in leakySource.func1 (pipeline_wrong_test.go:",
			failed(bp, partStops), "FAIL pipeline: "}},
		{"aheadSource", 10, []string{
			"Source, with 98 of 100 items left to send, had 98 values waiting in its channel after the context was " +
				"cancelled, for its reader to take, want at most 1: it filled its channel ahead of its reader, so the " +
				"cancel stopped nothing. Send each value from a goroutine of your own as the reader takes it " +
				"(make(chan T), as in Hint 1, not a buffer as big as the list)",
			failed(bp, partStops), passed(bp, partCollect), "FAIL pipeline: 8/10 points\n"}},
		{"aheadMap", 10, []string{
			"Map, with 9 items left and nobody reading its output, had 9 values waiting in its channel after the " +
				"context was cancelled, for its reader to take, want at most 1: it filled its channel ahead of its reader",
			failed(bp, partStops), "FAIL pipeline: 8/10 points\n"}},
		{"scatterSource", 10, []string{failed(bp, partOrder), "FAIL pipeline: "}},
		{"unclosedMap", 1, []string{
			"Map doubling 1 and 2, then seeing its input closed, sent all its 2 items " +
				"but did not close its channel: close the output when the input is done (defer close(out)",
			"Collect did not return within 1m0s of fake time: are Source and Map closing their channels",
			"FAIL pipeline: 0/10 points\n"}},
		{"batchMap", 1, []string{
			"10 items through two Map stages of 20ms each took 400ms of fake time, want 220ms " +
				"(while the second stage works on item i, the first works on item i+1): the stages took turns",
			passed(bp, partOrder), failed(bp, partOverlap), "FAIL pipeline: "}},
		{"parallelMap", 1, []string{
			"Collect returned [144 121 100 81 64 49 36 25 16 9 4 1], want [1 4 9 16 25 36 49 64 81 100 121 144]: " +
				"a stage must hand on items one at a time, in the order it got them",
			"took 40ms of fake time, want 220ms", "items went through a stage at the same time", "FAIL pipeline: "}},
		{"stub", 1, []string{"your code panicked: TODO: ", "FAIL pipeline: 0/10 points\n"}},
	} {
		t.Run(c.wrong, func(t *testing.T) { c.everyRun(t, bp) })
	}
}

func TestAStubPipelineFailsEveryPartWithItsTODO(t *testing.T) {
	out := exercisetest.Output(t, "TestBadPipeline", "GOCONC_WRONG=stub")
	if n := strings.Count(out, "your code panicked: TODO: "); n != 5 {
		t.Errorf("the stub's TODOs were told %d times, want once for each of the 5 parts:\n%s", n, out)
	}
}
