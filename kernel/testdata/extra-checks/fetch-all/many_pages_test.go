// An extra check for fetch-all, as an instructor writes one for
// `goconc grade --extra-checks kernel/testdata/extra-checks`. It is Go
// written like the exercise's check cell: FetchAll is the learner's,
// from their exercise cell; the package clause is replaced.
//
// The task says "one goroutine per URL". The course's check fetches 13
// pages, so a pool of 16 workers passes it; 100 pages do not fit.
package hidden

import (
	"fmt"
	"testing"
	"time"

	"github.com/goconc/goconc/lessons/exercise"
	"github.com/goconc/goconc/lessons/threads"
)

func TestFetchAllManyPages(t *testing.T) {
	exercise.Check(t, "fetch-all",
		exercise.Part{Name: "fetches a hundred pages at once, one goroutine per URL", Points: 2,
			Run: exercise.InBubble(FetchAll, fetchHundredAtOnce)},
	)
}

// fetchHundredAtOnce gives 100 pages of 100 ms each, on the fake
// clock: one goroutine per URL takes 100 ms in all, a pool of 16
// workers 700 ms.
func fetchHundredAtOnce(t *testing.T, fetchAll func([]string, threads.FetchFunc) []threads.Page) {
	const n, latency = 100, 100 * time.Millisecond
	urls := make([]string, n)
	for i := range urls {
		urls[i] = fmt.Sprintf("https://many.example/%d", i)
	}
	var inFlight exercise.InFlight
	start := time.Now()
	pages, ok := exercise.Returns(func() []threads.Page {
		return fetchAll(urls, func(url string) (string, error) {
			defer inFlight.Enter()()
			time.Sleep(latency)
			return "title of " + url, nil
		})
	})
	if !ok {
		t.Fatalf("FetchAll of %d pages never returned", n)
	}
	if took := time.Since(start); took != latency || inFlight.Peak() != n {
		t.Errorf("%d pages of %v took %v with at most %d fetches at once, want %v and all %d: one goroutine per URL, however many",
			n, latency, took, inFlight.Peak(), latency, n)
	}
	if len(pages) != n {
		t.Errorf("got %d pages for %d URLs", len(pages), n)
	}
}
