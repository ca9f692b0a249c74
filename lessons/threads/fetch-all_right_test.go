package threads

import (
	"sync"
	"testing"

	"golang.org/x/sync/errgroup"
)

// The right corpus of fetch-all: correct FetchAlls in other styles
// than the reference (a WaitGroup and a slot per page), which every
// run of the check must pass.

// channelFetchAll sends numbered pages on a channel and puts each in
// its slot as it arrives.
func channelFetchAll(urls []string, fetch FetchFunc) []Page {
	type numbered struct {
		i    int
		page Page
	}
	results := make(chan numbered)
	for i, url := range urls {
		go func() {
			title, err := fetch(url)
			results <- numbered{i, Page{URL: url, Title: title, Err: err}}
		}()
	}
	pages := make([]Page, len(urls))
	for range urls {
		r := <-results
		pages[r.i] = r.page
	}
	return pages
}

// errgroupFetchAll uses an errgroup.Group, whose Wait is the
// WaitGroup's; no fetch returns an error to it, since a failed page is
// a result like any other.
func errgroupFetchAll(urls []string, fetch FetchFunc) []Page {
	pages := make([]Page, len(urls))
	var g errgroup.Group
	for i, url := range urls {
		g.Go(func() error {
			title, err := fetch(url)
			pages[i] = Page{URL: url, Title: title, Err: err}
			return nil
		})
	}
	g.Wait()
	return pages
}

// mutexMapFetchAll keeps the pages in a map guarded by a mutex, and
// reads them out in the order of urls.
func mutexMapFetchAll(urls []string, fetch FetchFunc) []Page {
	var mu sync.Mutex
	byIndex := map[int]Page{}
	var wg sync.WaitGroup
	for i, url := range urls {
		wg.Add(1)
		go func() {
			defer wg.Done()
			title, err := fetch(url)
			mu.Lock()
			defer mu.Unlock()
			byIndex[i] = Page{URL: url, Title: title, Err: err}
		}()
	}
	wg.Wait()
	pages := make([]Page, len(urls))
	for i := range pages {
		pages[i] = byIndex[i]
	}
	return pages
}

var rightFetchAlls = map[string]fetchAllFunc{
	"channel":   channelFetchAll,
	"errgroup":  errgroupFetchAll,
	"mutex-map": mutexMapFetchAll,
}

func TestEveryRightFetchAllPassesEveryRun(t *testing.T) {
	for name, impl := range rightFetchAlls {
		t.Run(name, func(t *testing.T) {
			for range corpusRuns {
				CheckFetchAll(t, impl)
			}
		})
	}
}
