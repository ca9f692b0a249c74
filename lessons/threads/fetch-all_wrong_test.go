package threads

import (
	"cmp"
	"os"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/goconc/goconc/lessons/exercise"
	"github.com/goconc/goconc/lessons/exercise/exercisetest"
	"github.com/stretchr/testify/assert"
)

// The wrong corpus of fetch-all: FetchAlls a learner could write that
// must fail, each with the lines the learner reads and the score line.
// Each runs in 10 child processes of its own (a race is reported once
// per process), so a catch that holds on some runs only shows.

// unlockedMapFetchAll keeps the pages in a map that every goroutine
// writes with no lock: right results, and a data race.
func unlockedMapFetchAll(urls []string, fetch FetchFunc) []Page {
	byURL := map[string]Page{}
	var wg sync.WaitGroup
	for _, url := range urls {
		wg.Go(func() {
			title, err := fetch(url)
			byURL[url] = Page{URL: url, Title: title, Err: err}
		})
	}
	wg.Wait()
	pages := make([]Page, 0, len(urls))
	for _, url := range urls {
		pages = append(pages, byURL[url])
	}
	return pages
}

// unlockedAppendFetchAll appends to one shared slice with no lock,
// then puts the pages back in order: a data race.
func unlockedAppendFetchAll(urls []string, fetch FetchFunc) []Page {
	type numbered struct {
		i    int
		page Page
	}
	var got []numbered
	var wg sync.WaitGroup
	for i, url := range urls {
		wg.Go(func() {
			title, err := fetch(url)
			got = append(got, numbered{i, Page{URL: url, Title: title, Err: err}})
		})
	}
	wg.Wait()
	slices.SortFunc(got, func(a, b numbered) int { return cmp.Compare(a.i, b.i) })
	pages := make([]Page, 0, len(got))
	for _, n := range got {
		pages = append(pages, n.page)
	}
	return pages
}

// arrivalOrderFetchAll gathers the pages from a channel in the order
// they arrive.
func arrivalOrderFetchAll(urls []string, fetch FetchFunc) []Page {
	results := make(chan Page)
	for _, url := range urls {
		go func() {
			title, err := fetch(url)
			results <- Page{URL: url, Title: title, Err: err}
		}()
	}
	var pages []Page
	for range urls {
		pages = append(pages, <-results)
	}
	return pages
}

// sortedFetchAll appends under a lock, then sorts the pages by URL:
// right only when the URLs come sorted.
func sortedFetchAll(urls []string, fetch FetchFunc) []Page {
	var mu sync.Mutex
	var pages []Page
	var wg sync.WaitGroup
	for _, url := range urls {
		wg.Go(func() {
			title, err := fetch(url)
			mu.Lock()
			defer mu.Unlock()
			pages = append(pages, Page{URL: url, Title: title, Err: err})
		})
	}
	wg.Wait()
	sort.Slice(pages, func(i, j int) bool { return pages[i].URL < pages[j].URL })
	return pages
}

// pageNumberFetchAll sorts by the page number at the end of the URL:
// right only when the pages come in page order.
func pageNumberFetchAll(urls []string, fetch FetchFunc) []Page {
	pages := sortedFetchAll(urls, fetch)
	number := func(p Page) int {
		n, _ := strconv.Atoi(p.URL[strings.LastIndex(p.URL, "/")+1:])
		return n
	}
	slices.SortFunc(pages, func(a, b Page) int { return cmp.Compare(number(a), number(b)) })
	return pages
}

// batchedFetchAll lets only 4 fetches run at once, as a pool would.
func batchedFetchAll(urls []string, fetch FetchFunc) []Page {
	pages := make([]Page, len(urls))
	sem := make(chan struct{}, 4)
	var wg sync.WaitGroup
	for i, url := range urls {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			title, err := fetch(url)
			pages[i] = Page{URL: url, Title: title, Err: err}
		})
	}
	wg.Wait()
	return pages
}

// withoutFailuresFetchAll drops the pages that failed.
func withoutFailuresFetchAll(urls []string, fetch FetchFunc) []Page {
	var ok []Page
	for _, p := range channelFetchAll(urls, fetch) {
		if p.Err == nil {
			ok = append(ok, p)
		}
	}
	return ok
}

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

// wrongFetchAlls are the corpus, the subtle ones first, with what the
// learner must read: lines that each appear in the output (a part of
// a line, or a regular expression when marked so) and the score line.
var wrongFetchAlls = []struct {
	name  string
	impl  fetchAllFunc
	lines []string
	score string
}{
	{"unlocked-map", unlockedMapFetchAll, raceLines, "FAIL fetch-all: 0/10 points (a data race: 0 points until it is gone)"},
	{"unlocked-append", unlockedAppendFetchAll, raceLines, "FAIL fetch-all: 0/10 points (a data race: 0 points until it is gone)"},
	{"sorted", sortedFetchAll, []string{
		`pages[0]: got URL "https://lincoln.example/quotes/1", want "https://lincoln.example/quotes/5"`,
		"and 9 more wrong pages",
		"here the URLs are not in page order, and the fetches finish in yet another order, the last URL first: " +
			"write each page into its own slot, pages[i] for urls[i], instead of appending pages as they arrive or sorting them afterwards",
	}, "FAIL fetch-all: 8/10 points"},
	{"page-number", pageNumberFetchAll, []string{
		`pages[0]: got URL "https://lincoln.example/quotes/1", want "https://lincoln.example/quotes/5"`,
	}, "FAIL fetch-all: 8/10 points"},
	{"arrival-order", arrivalOrderFetchAll, []string{
		`pages[0]: got URL "https://lincoln.example/quotes/8", want "https://lincoln.example/quotes/5"`,
		"pages[0]: got Err 403 Forbidden for url: https://lincoln.example/quotes/3, want nil",
		"only the fetch of pages[2] failed: the other pages must still come back",
	}, "FAIL fetch-all: 6/10 points"},
	{"batched", batchedFetchAll, []string{
		"FetchAll took 400ms of fake time for 13 pages of 100ms each, want 100ms: some pages waited for others, start all 13 goroutines at once",
		"at most 4 of the 13 fetches ran at once, want all 13",
	}, "FAIL fetch-all: 7/10 points"},
	{"without-failures", withoutFailuresFetchAll, []string{
		"got 4 pages for 5 URLs, want one page per URL",
	}, "FAIL fetch-all: 8/10 points"},
	{"sequential", sequentialFetchAll, []string{
		"FetchAll took 1.3s of fake time for 13 pages of 100ms each, want 100ms: " +
			"the pages were fetched one after another, start one goroutine per URL",
		"at most 1 of the 13 fetches ran at once, want all 13",
	}, "FAIL fetch-all: 7/10 points"},
	{"leaky", leakyFetchAll, []string{
		"goroutines still running after your function returned (a goroutine leak",
		"4 goroutines waiting (chan send) in leakyFetchAll.func1",
		"leakyFetchAll.func1 (fetch-all_wrong_test.go:",
	}, "FAIL fetch-all: 8/10 points"},
}

// raceLines are what a learner with a data race reads, whatever the race.
var raceLines = []string{
	"WARNING: DATA RACE",
	"--- FAIL: TestWrongFetchAll/has_no_data_race",
	"re:the race detector reported \\d+ data races? while the check ran",
}

// TestWrongFetchAll runs the corpus member that its child process is
// told to, by name; it fails on purpose.
func TestWrongFetchAll(t *testing.T) {
	exercisetest.OnlyInChild(t)
	for _, w := range wrongFetchAlls {
		if w.name == os.Getenv("GOCONC_WRONG") {
			CheckFetchAll(t, w.impl)
		}
	}
}

func TestEveryWrongFetchAllFailsEveryRunWithItsMessage(t *testing.T) {
	for _, w := range wrongFetchAlls {
		t.Run(w.name, func(t *testing.T) {
			for run, out := range exercisetest.Outputs(t, corpusRuns, "TestWrongFetchAll", "GOCONC_WRONG="+w.name) {
				assertLearnerReads(t, run, out, w.lines, w.score)
			}
		})
	}
}

// A leak is reported with the line of the learner's code it is stuck
// on, and costs its part only.
func TestALeakyFetchAllIsToldWhichGoroutinesLeaked(t *testing.T) {
	out := exercisetest.Output(t, "TestWrongFetchAll", "GOCONC_WRONG=leaky")
	assert.Contains(t, out, "--- FAIL: "+exercise.Subtest("TestWrongFetchAll",
		"reports a failed page in its own result and keeps the others"))
}
