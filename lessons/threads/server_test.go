package threads

import (
	"fmt"
	"io"
	"net/http"
	"runtime"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// These tests talk to a real server over loopback, so they check what
// it answers, never how long it took: wall-clock time flakes. The
// latency itself is proven in latency_test.go, on a fake clock.

func startServer(t *testing.T) *Server {
	t.Helper()
	srv := StartServer(0)
	t.Cleanup(srv.Close)
	return srv
}

func status(t *testing.T, url string) int {
	t.Helper()
	resp, err := http.Get(url)
	require.NoError(t, err)
	defer resp.Body.Close()
	io.Copy(io.Discard, resp.Body)
	return resp.StatusCode
}

func TestTheQuotePagesAreTitledByTheirNumber(t *testing.T) {
	srv := startServer(t)
	urls := srv.QuoteURLs()
	require.Len(t, urls, 13)
	for i, url := range urls {
		assert.Equal(t, fmt.Sprintf("%s/quotes/%d", srv.URL, i+1), url)
		title, err := FetchTitle(url)
		require.NoError(t, err)
		assert.Equal(t, fmt.Sprintf("Lincoln quotes, page %d", i+1), title)
	}
}

func TestAQuotePageQuotesLincoln(t *testing.T) {
	resp, err := http.Get(startServer(t).QuoteURLs()[0])
	require.NoError(t, err)
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	assert.Equal(t, "text/html; charset=utf-8", resp.Header.Get("Content-Type"))
	assert.Contains(t, string(body), "<blockquote><p>Four score and seven years ago")
	assert.Contains(t, string(body), "<footer>Gettysburg Address, 1863</footer>")
}

func TestItemsOneToNineteenComeBackAsJSON(t *testing.T) {
	srv := startServer(t)
	for id := 1; id <= 19; id++ {
		item, err := FetchItem(srv.ItemURL(id))
		require.NoError(t, err)
		assert.Equal(t, id, item.ID)
		assert.NotEmpty(t, item.Title)
		assert.NotEmpty(t, item.By)
	}
	item, err := FetchItem(srv.ItemURL(3))
	require.NoError(t, err)
	assert.Equal(t, Item{3, "Show HN: a web server in 40 lines", "tamsin"}, item)
}

func TestTheThirdSiteIsForbiddenLikeInTheSeed(t *testing.T) {
	urls := startServer(t).SiteURLs()
	require.Len(t, urls, 5)
	var titles []string
	for i, url := range urls {
		title, err := FetchTitle(url)
		if i == 2 {
			assert.EqualError(t, err, "403 Forbidden for url: "+url)
			assert.Empty(t, title)
			continue
		}
		require.NoError(t, err, url)
		titles = append(titles, title)
	}
	assert.Equal(t, []string{"Search", "Search India",
		"Sambalpur University, Jyoti Vihar, Burla.", "Welcome to UGC, New Delhi, India"}, titles)
}

func TestAnythingElseIsNotFound(t *testing.T) {
	srv := startServer(t)
	for _, path := range []string{"/", "/quotes/0", "/quotes/14", "/quotes/one", "/items/0",
		"/items/20", "/sites/google.com", "/images/1"} {
		assert.Equal(t, http.StatusNotFound, status(t, srv.URL+path), path)
	}
	_, err := FetchItem(srv.ItemURL(20))
	assert.EqualError(t, err, "404 Not Found for url: "+srv.ItemURL(20))
}

func TestRequestsCountsEveryAnsweredRequest(t *testing.T) {
	srv := startServer(t)
	assert.Equal(t, 0, srv.Requests())
	status(t, srv.QuoteURLs()[0])
	status(t, srv.ItemURL(1))
	status(t, srv.URL+"/nowhere")
	assert.Equal(t, 3, srv.Requests())
}

func TestCloseAnswersARequestThatIsStillWaiting(t *testing.T) {
	srv := StartServer(time.Hour)
	got := make(chan int)
	go func() {
		resp, err := http.Get(srv.ItemURL(1))
		if err != nil {
			got <- 0
			return
		}
		resp.Body.Close()
		got <- resp.StatusCode
	}()
	for srv.site.waiting.Load() == 0 {
		runtime.Gosched() // until the request is in the server, waiting out its hour
	}
	srv.Close()
	assert.Equal(t, http.StatusServiceUnavailable, <-got)
	assert.Equal(t, 0, srv.Requests())
	srv.Close() // a second Close does nothing
}
