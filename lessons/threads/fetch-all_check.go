package threads

import (
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/goconc/goconc/lessons/exercise"
)

// fetchAllFunc is the learner's FetchAll in the fetch-all exercise.
type fetchAllFunc = func(urls []string, fetch FetchFunc) []Page

// CheckFetchAll checks the fetch-all exercise: fetchAll fetches every
// URL with fetch, one goroutine per URL, and returns one Page per URL
// (its URL, and its title or its error) in the order of urls. Like
// every check, it ends with [exercise.NoRaceClaim]: a data race scores
// the exercise 0. It runs the learner's goroutines on one thread, so
// that a race is always reported as one (see [exercise.OnOneThread]).
//
// All but the last part inject a fetch that sleeps on synctest's fake
// clock, so "at the same time" is measured exactly; the last fetches
// the 13 quote pages from a [Server] on this machine with [FetchTitle].
func CheckFetchAll(t *testing.T, fetchAll func(urls []string, fetch FetchFunc) []Page) {
	t.Helper()
	exercise.OnOneThread(func() {
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
	})
}

// callFetchAll calls fetchAll under the fake-time limit: code that can
// never return fails the part instead of hanging the check.
func callFetchAll(t *testing.T, fetchAll fetchAllFunc, urls []string, fetch FetchFunc) []Page {
	t.Helper()
	pages, ok := exercise.Returns(func() []Page { return fetchAll(urls, fetch) })
	if !ok {
		t.Fatalf("FetchAll had not returned after %v of fake time: it waits for something "+
			"that never happens (a goroutine that was never started, or a result never sent)", exercise.StuckAfter)
	}
	return pages
}

// orderPages is the order in which checkFetchOrder passes the pages,
// and finishRank when each answers (0 first): neither page order, nor
// sorted as strings ("1", "10", "11", …), nor the order the fetches
// finish, nor its reverse. So pages gathered as they arrive, or sorted
// afterwards, come out wrong; only pages[i] for urls[i] comes out right.
var (
	orderPages = []int{5, 12, 1, 9, 3, 13, 7, 2, 10, 6, 11, 4, 8}
	finishRank = []int{12, 3, 7, 1, 10, 5, 8, 2, 11, 4, 9, 6, 0}
)

// checkFetchOrder gives the pages out of order, with answers that come
// back in yet another order, the last URL first, and counts the
// fetches of each URL.
func checkFetchOrder(t *testing.T, fetchAll fetchAllFunc) {
	all := fakeURLs(quotePageCount)
	urls := make([]string, len(orderPages))
	delay := map[string]time.Duration{}
	for i, page := range orderPages {
		urls[i] = all[page-1]
		delay[urls[i]] = time.Duration(finishRank[i]+1) * 10 * time.Millisecond
	}
	calls := make(map[string]*atomic.Int64, len(urls))
	for _, u := range urls {
		calls[u] = new(atomic.Int64)
	}
	pages := callFetchAll(t, fetchAll, urls, func(url string) (string, error) {
		if n, ok := calls[url]; ok {
			n.Add(1)
		}
		time.Sleep(delay[url])
		return fakeTitle(url), nil
	})
	if !samePages(t, urls, pages, -1, nil) {
		t.Log("here the URLs are not in page order, and the fetches finish in yet another order, " +
			"the last URL first: write each page into its own slot, pages[i] for urls[i], " +
			"instead of appending pages as they arrive or sorting them afterwards")
	}
	for _, u := range urls {
		if n := calls[u].Load(); n != 1 {
			t.Errorf("fetch(%q) was called %d times, want once: one goroutine per URL, each fetching its own URL", u, n)
		}
	}
}

// checkFetchAtOnce gives every page the same latency: fetched all at
// once they take one latency in all, one after another they take 13.
// The 13 fetches also return at the same fake instant, so that
// goroutines writing shared memory without a lock race every run.
func checkFetchAtOnce(t *testing.T, fetchAll fetchAllFunc) {
	const n, latency = quotePageCount, 100 * time.Millisecond
	var inFlight exercise.InFlight
	start := time.Now()
	callFetchAll(t, fetchAll, fakeURLs(n), func(url string) (string, error) {
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
	pages := callFetchAll(t, fetchAll, urls, func(url string) (string, error) {
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
		pages := callFetchAll(t, fetchAll, urls, fetch)
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
// The order is the first part's business, proven there on the fake
// clock; on the real network the fetches finish in an order nobody
// controls, so here each page is matched to its URL wherever it is.
func checkFetchServer(t *testing.T, fetchAll fetchAllFunc) {
	srv := StartServer(0)
	defer srv.Close()
	urls := srv.QuoteURLs()
	want := map[string]string{}
	for i, u := range urls {
		want[u] = quoteTitle(i + 1)
	}
	var mu sync.Mutex // FetchAll may call FetchTitle from many goroutines
	fetched := map[string]int{}
	var pages []Page
	call := exercise.Go(func() {
		pages = fetchAll(urls, func(url string) (string, error) {
			mu.Lock()
			fetched[url]++
			mu.Unlock()
			return FetchTitle(url)
		})
	})
	if !call.WaitReal() {
		t.Fatalf("FetchAll had not returned after %v: it waits for something that never happens "+
			"(a goroutine that was never started, or a result never sent)", exercise.RealStuckAfter)
	}
	if len(pages) != len(urls) {
		t.Errorf("got %d pages for the %d URLs of the server, want one page per URL", len(pages), len(urls))
	}
	seen := map[string]bool{}
	for i, p := range pages {
		title, known := want[p.URL]
		switch {
		case !known:
			t.Errorf("pages[%d] has URL %q, which is none of the URLs given", i, p.URL)
		case seen[p.URL]:
			t.Errorf("pages[%d]: %s comes back twice", i, p.URL)
		default:
			if why := pageMismatch(p, p.URL, title, false, nil); why != "" {
				t.Errorf("pages[%d]: %s", i, why)
			}
		}
		seen[p.URL] = true
	}
	mu.Lock()
	defer mu.Unlock()
	for _, u := range urls {
		if fetched[u] != 1 {
			t.Errorf("%s was fetched %d times, want once", u, fetched[u])
		}
	}
}
