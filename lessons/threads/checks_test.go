package threads

import (
	"errors"
	"sync"
	"testing"

	"github.com/goconc/goconc/lessons/exercise"
	"github.com/goconc/goconc/lessons/exercise/exercisetest"
	"github.com/stretchr/testify/assert"
)

// The checks must fail wrong code with messages that tell the learner
// what went wrong. The Bad… tests below run them on three mistakes a
// learner makes; they fail on purpose, so they only run in a child
// process that the tests after them start and read.

// sequentialFetchAll is right but for the goroutines.
func sequentialFetchAll(urls []string, fetch FetchFunc) []Page {
	pages := make([]Page, len(urls))
	for i, url := range urls {
		title, err := fetch(url)
		pages[i] = Page{URL: url, Title: title, Err: err}
	}
	return pages
}

// leakyFetchAll gives up at the first error, leaving the goroutines
// that have not yet sent their page blocked forever.
func leakyFetchAll(urls []string, fetch FetchFunc) []Page {
	type result struct {
		i    int
		page Page
	}
	results := make(chan result)
	for i, url := range urls {
		go func() {
			title, err := fetch(url)
			results <- result{i, Page{URL: url, Title: title, Err: err}}
		}()
	}
	pages := make([]Page, len(urls))
	for range urls {
		r := <-results
		pages[r.i] = r.page
		if r.page.Err != nil {
			return pages
		}
	}
	return pages
}

// unboundedCopyAll forgets the pool: one goroutine per job.
func unboundedCopyAll(jobs []CopyJob, workers int, copy CopyFunc) error {
	errs := make([]error, len(jobs))
	var wg sync.WaitGroup
	for i, job := range jobs {
		wg.Go(func() { errs[i] = copy(job) })
	}
	wg.Wait()
	return errors.Join(errs...)
}

func TestBadSequentialFetchAll(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckFetchAll(t, sequentialFetchAll)
}
func TestBadLeakyFetchAll(t *testing.T) { exercisetest.OnlyInChild(t); CheckFetchAll(t, leakyFetchAll) }
func TestBadUnboundedCopyAll(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckCopyAll(t, unboundedCopyAll)
}

func runBad(t *testing.T, test string) string {
	return exercisetest.Output(t, test)
}

func subtest(test, part string) string { return test + "/" + exercise.SubtestName(part) }

func TestASequentialFetchAllIsToldThePagesCameOneAfterAnother(t *testing.T) {
	out := runBad(t, "TestBadSequentialFetchAll")
	assert.Contains(t, out, "FetchAll took 1.3s of fake time for 13 pages of 100ms each, want 100ms: "+
		"the pages were fetched one after another, start one goroutine per URL")
	assert.Contains(t, out, "at most 1 of the 13 fetches ran at once, want all 13")
	assert.Contains(t, out, "--- FAIL: "+subtest("TestBadSequentialFetchAll", "fetches all pages at the same time"))
	assert.Contains(t, out, "FAIL fetch-all: 7/10 points")
}

func TestALeakyFetchAllIsToldWhichGoroutinesLeaked(t *testing.T) {
	out := runBad(t, "TestBadLeakyFetchAll")
	assert.Contains(t, out, "--- FAIL: "+subtest("TestBadLeakyFetchAll",
		"reports a failed page in its own result and keeps the others"))
	assert.Contains(t, out, "goroutines still running after your function returned (a goroutine leak")
	assert.Contains(t, out, "4 goroutines waiting (chan send) in leakyFetchAll.func1")
	assert.Contains(t, out, "leakyFetchAll.func1 (checks_test.go:")
	assert.Contains(t, out, "FAIL fetch-all: 8/10 points")
}

func TestAnUnboundedCopyAllIsToldItRanMoreThanItsWorkers(t *testing.T) {
	out := runBad(t, "TestBadUnboundedCopyAll")
	assert.Contains(t, out, "10 copies ran at once with workers=3: more than 3 at once")
	assert.Contains(t, out, "10 copies ran at once with workers=1: more than 1 at once")
	assert.Contains(t, out, "CopyAll took 100ms of fake time for 10 copies of 100ms with 3 workers, "+
		"want 400ms (4 rounds of 3): all 10 copies ran at once, more than 3 workers")
	assert.Contains(t, out, "FAIL copy-all: 6/10 points")
}
