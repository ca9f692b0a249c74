package threads

import (
	"errors"
	"fmt"
	"sync/atomic"
	"testing"
	"time"

	"github.com/goconc/goconc/lessons/exercise"
)

// fetchAllFunc is the learner's FetchAll in the fetch-all exercise.
type fetchAllFunc = func(urls []string, fetch FetchFunc) []Page

// CheckFetchAll checks the fetch-all exercise: fetchAll fetches every
// URL with fetch, one goroutine per URL, and returns one Page per URL
// (its URL, and its title or its error) in the order of urls.
//
// All but the last part inject a fetch that sleeps on synctest's fake
// clock, so "at the same time" is measured exactly; the last fetches
// the 13 quote pages from a [Server] on this machine with [FetchTitle].
func CheckFetchAll(t *testing.T, fetchAll func(urls []string, fetch FetchFunc) []Page) {
	t.Helper()
	exercise.Check(t, "fetch-all",
		exercise.Part{Name: "returns one page per URL in the order given", Points: 2,
			Run: exercise.InBubble(fetchAll, checkFetchOrder)},
		exercise.Part{Name: "fetches all pages at the same time", Points: 3,
			Run: exercise.InBubble(fetchAll, checkFetchAtOnce)},
		exercise.Part{Name: "reports a failed page in its own result and keeps the others", Points: 2,
			Run: exercise.InBubble(fetchAll, checkFetchFailure)},
		exercise.Part{Name: "handles an empty list", Points: 1,
			Run: exercise.InBubble(fetchAll, checkFetchNothing)},
		exercise.Part{Name: "fetches the real pages from the local server", Points: 2,
			Run: func(t *testing.T) { checkFetchServer(t, fetchAll) }},
	)
}

// checkFetchOrder makes later URLs answer sooner, so pages gathered in
// the order they finish come out backwards.
func checkFetchOrder(t *testing.T, fetchAll fetchAllFunc) {
	urls := fakeURLs(quotePageCount)
	delay := map[string]time.Duration{}
	for i, u := range urls {
		delay[u] = time.Duration(len(urls)-i) * 10 * time.Millisecond
	}
	pages := fetchAll(urls, func(url string) (string, error) {
		time.Sleep(delay[url])
		return fakeTitle(url), nil
	})
	if !samePages(t, urls, pages, -1, nil) {
		t.Log("here the last URL answers first: write each page into its own slot, pages[i], " +
			"instead of appending pages as they arrive")
	}
}

// checkFetchAtOnce gives every page the same latency: fetched all at
// once they take one latency in all, one after another they take 13.
func checkFetchAtOnce(t *testing.T, fetchAll fetchAllFunc) {
	const n, latency = quotePageCount, 100 * time.Millisecond
	var inFlight exercise.InFlight
	start := time.Now()
	fetchAll(fakeURLs(n), func(url string) (string, error) {
		leave := inFlight.Enter()
		defer leave()
		time.Sleep(latency)
		return fakeTitle(url), nil
	})
	took := time.Since(start)
	head := fmt.Sprintf("FetchAll took %v of fake time for %d pages of %v each, want %v", took, n, latency, latency)
	switch {
	case took >= n*latency:
		t.Errorf("%s: the pages were fetched one after another, start one goroutine per URL", head)
	case took > latency:
		t.Errorf("%s: some pages waited for others, start all %d goroutines at once", head, n)
	case took < latency:
		t.Errorf("%s: it returned before its fetches were done, wait for every goroutine (sync.WaitGroup)", head)
	}
	if peak := inFlight.Peak(); peak != n {
		t.Errorf("at most %d of the %d fetches ran at once, want all %d", peak, n, n)
	}
}

// checkFetchFailure fails the third of five URLs, as the seed's third
// site answered 403. Its error comes back first, as errors often do,
// which also catches a FetchAll that stops reading at the first error.
func checkFetchFailure(t *testing.T, fetchAll fetchAllFunc) {
	urls := fakeURLs(len(sites))
	failing := 2
	forbidden := errors.New("403 Forbidden for url: " + urls[failing])
	pages := fetchAll(urls, func(url string) (string, error) {
		if url == urls[failing] {
			time.Sleep(5 * time.Millisecond)
			return "", forbidden
		}
		time.Sleep(10 * time.Millisecond)
		return fakeTitle(url), nil
	})
	samePages(t, urls, pages, failing, forbidden)
}

// checkFetchNothing passes no URLs, both nil and empty.
func checkFetchNothing(t *testing.T, fetchAll fetchAllFunc) {
	var calls atomic.Int64
	fetch := func(url string) (string, error) {
		calls.Add(1)
		return "", errors.New("there was no URL to fetch")
	}
	for _, urls := range [][]string{nil, {}} {
		start := time.Now()
		pages := fetchAll(urls, fetch)
		if took := time.Since(start); took != 0 {
			t.Errorf("FetchAll took %v of fake time for no URLs, want 0: with nothing to fetch, return at once", took)
		}
		if len(pages) != 0 {
			t.Errorf("got %d pages for %#v, want none", len(pages), urls)
		}
	}
	if n := calls.Load(); n != 0 {
		t.Errorf("fetch was called %d times for no URLs, want 0", n)
	}
}

// checkFetchServer is the exercise for real: 13 pages over loopback.
func checkFetchServer(t *testing.T, fetchAll fetchAllFunc) {
	srv := StartServer(0)
	defer srv.Close()
	urls := srv.QuoteURLs()
	want := make([]string, len(urls))
	for i := range urls {
		want[i] = quoteTitle(i + 1)
	}
	samePagesWithTitles(t, urls, want, fetchAll(urls, FetchTitle), -1, nil)
}
