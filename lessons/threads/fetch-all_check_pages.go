package threads

import (
	"errors"
	"fmt"
	"testing"
)

// fakeURLs are addresses that are never dialled: the checks' fake
// fetches only use them to tell the pages apart.
func fakeURLs(n int) []string {
	urls := make([]string, n)
	for i := range urls {
		urls[i] = fmt.Sprintf("https://lincoln.example/quotes/%d", i+1)
	}
	return urls
}

// fakeTitle is the title the checks' fake fetches give url.
func fakeTitle(url string) string { return "title of " + url }

// samePages reports whether pages are what fetching urls with a fake
// fetch should give, failing every way they are not. failing is the
// index of the URL whose fetch returned failErr, or -1 if none failed.
func samePages(t *testing.T, urls []string, pages []Page, failing int, failErr error) bool {
	t.Helper()
	titles := make([]string, len(urls))
	for i, u := range urls {
		if i != failing {
			titles[i] = fakeTitle(u)
		}
	}
	return samePagesWithTitles(t, urls, titles, pages, failing, failErr)
}

// samePagesWithTitles is samePages with the titles given. It names the
// first few wrong pages only: when the order is wrong, all 13 are.
func samePagesWithTitles(t *testing.T, urls, titles []string, pages []Page, failing int, failErr error) bool {
	t.Helper()
	if len(pages) != len(urls) {
		t.Errorf("got %d pages for %d URLs, want one page per URL", len(pages), len(urls))
		return false
	}
	const shown = 3
	wrong, othersFailed := 0, false
	for i, got := range pages {
		why := pageMismatch(got, urls[i], titles[i], i == failing, failErr)
		if why == "" {
			continue
		}
		if wrong++; wrong <= shown {
			t.Errorf("pages[%d]: %s", i, why)
		}
		othersFailed = othersFailed || i != failing && got.Err != nil
	}
	if wrong > shown {
		t.Errorf("and %d more wrong pages", wrong-shown)
	}
	if othersFailed && failing >= 0 {
		t.Errorf("only the fetch of pages[%d] failed: the other pages must still come back", failing)
	}
	return wrong == 0
}

// pageMismatch says how got differs from the page fetched from url, or
// returns "" if it does not.
func pageMismatch(got Page, url, title string, failed bool, failErr error) string {
	switch {
	case failed && !errors.Is(got.Err, failErr):
		return fmt.Sprintf("got Err %v, want the error its fetch returned: %v", got.Err, failErr)
	case !failed && got.Err != nil:
		return fmt.Sprintf("got Err %v, want nil", got.Err)
	case got.URL != url:
		return fmt.Sprintf("got URL %q, want %q", got.URL, url)
	case got.Title != title:
		return fmt.Sprintf("got Title %q, want %q", got.Title, title)
	}
	return ""
}
