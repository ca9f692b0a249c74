package threads

import (
	"sync"

	"github.com/goconc/goconc/lessons/threads"
)

// FetchAll fetches every URL in its own goroutine, so the whole call
// takes about as long as the slowest page instead of the sum of them
// all. Each goroutine writes only its own slot, pages[i], so the pages
// come back in the order of urls with no lock and no channel, and a
// page that fails keeps its error there without stopping the others.
func FetchAll(urls []string, fetch threads.FetchFunc) []threads.Page {
	pages := make([]threads.Page, len(urls))
	var wg sync.WaitGroup
	for i, url := range urls {
		wg.Go(func() {
			title, err := fetch(url)
			pages[i] = threads.Page{URL: url, Title: title, Err: err}
		})
	}
	wg.Wait()
	return pages
}
