package threads

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"time"
)

// Server is a real HTTP server on the loopback interface that waits a
// fixed latency before it answers each request, standing in for the
// slow, far-away sites of the seed tutorials.
type Server struct {
	// URL is the server's base address, like "http://127.0.0.1:41233".
	URL string

	http  *httptest.Server
	site  *site
	close sync.Once
}

// StartServer starts a Server whose every answer takes latency. It
// serves
//
//	GET /quotes/{n}  an HTML page of Lincoln quotes, n from 1 to 13
//	GET /items/{id}  a JSON [Item], id from 1 to 19
//	GET /sites/{name} the five sites of [Server.SiteURLs]
//
// and 404 Not Found for anything else. Close it when done.
func StartServer(latency time.Duration) *Server {
	s := newSite(latency)
	h := httptest.NewServer(s)
	return &Server{URL: h.URL, http: h, site: s}
}

// Close stops the server. Requests still waiting out their latency are
// answered at once with 503 Service Unavailable, so Close returns
// promptly even when the latency is long.
func (s *Server) Close() {
	s.close.Do(func() {
		close(s.site.closing)
		s.http.Close()
	})
}

// Requests is how many requests the server has answered after their
// latency (a request whose client gave up first is not counted).
func (s *Server) Requests() int { return int(s.site.answered.Load()) }

// QuoteURLs gives the addresses of the 13 pages of Lincoln quotes, in
// page order: the pages of seed 001's "independent practice".
func (s *Server) QuoteURLs() []string {
	urls := make([]string, quotePageCount)
	for i := range urls {
		urls[i] = fmt.Sprintf("%s/quotes/%d", s.URL, i+1)
	}
	return urls
}

// ItemURL is the address of item id, served for ids 1 to 19 like the
// Hacker News items that seed 001 requests.
func (s *Server) ItemURL(id int) string {
	return fmt.Sprintf("%s/items/%d", s.URL, id)
}

// SiteURLs gives the addresses of the five sites of seed 000's second
// example, in the seed's order. The third answers 403 Forbidden, as
// suiit.ac.in did when the seed was run.
func (s *Server) SiteURLs() []string {
	urls := make([]string, len(sites))
	for i, st := range sites {
		urls[i] = s.URL + "/sites/" + st.name
	}
	return urls
}

// site is the server's handler: the latency, then the routes.
type site struct {
	latency  time.Duration
	routes   *http.ServeMux
	closing  chan struct{} // closed by Server.Close
	answered atomic.Int64
	waiting  atomic.Int64 // requests waiting out their latency now
}

func newSite(latency time.Duration) *site {
	s := &site{latency: latency, routes: http.NewServeMux(), closing: make(chan struct{})}
	s.routes.HandleFunc("GET /quotes/{n}", serveQuotes)
	s.routes.HandleFunc("GET /items/{id}", serveItem)
	s.routes.HandleFunc("GET /sites/{name}", serveSite)
	return s
}

func (s *site) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !s.wait(r.Context()) {
		// If the client left, nobody reads this; if the server is
		// closing, it tells the client why it got no page.
		http.Error(w, "the server is closing", http.StatusServiceUnavailable)
		return
	}
	s.answered.Add(1) // before answering, so a client that has its answer sees it counted
	s.routes.ServeHTTP(w, r)
}

// wait sleeps the latency, unless the client goes away or the server
// closes first, and reports whether the request should be answered.
func (s *site) wait(ctx context.Context) bool {
	s.waiting.Add(1)
	defer s.waiting.Add(-1)
	timer := time.NewTimer(s.latency)
	defer timer.Stop()
	select {
	case <-timer.C:
		return true
	case <-ctx.Done():
		return false
	case <-s.closing:
		return false
	}
}
