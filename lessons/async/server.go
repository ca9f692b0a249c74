package async

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sync"
	"time"
)

// Server is a real web server on 127.0.0.1, standing in for the network
// that asyncio is made for. Its pages answer after a delay that the URL
// asks for, like the seed's say(delay, msg), and it writes down what
// became of every request, so a notebook can show that a cancelled
// request was really given up, at the other end of the connection.
type Server struct {
	// URL is the server's base address, like "http://127.0.0.1:41233".
	URL string

	http  *httptest.Server
	pages *pages
	close sync.Once
}

// StartServer starts a Server. It serves
//
//	GET /say?delay=100ms&msg=Good   "Good", after 100ms
//	GET /fail?delay=50ms            500 Internal Server Error, after 50ms
//
// and 404 Not Found for anything else. Close it when done.
func StartServer() *Server {
	p := newPages()
	h := httptest.NewServer(p)
	return &Server{URL: h.URL, http: h, pages: p}
}

// SayURL is the address of a page that answers msg after delay.
func (s *Server) SayURL(delay time.Duration, msg string) string {
	return s.URL + "/say?" + url.Values{"delay": {delay.String()}, "msg": {msg}}.Encode()
}

// FailURL is the address of a page that fails with 500 Internal Server
// Error after delay.
func (s *Server) FailURL(delay time.Duration) string {
	return s.URL + "/fail?" + url.Values{"delay": {delay.String()}}.Encode()
}

// Log waits until the server is serving no request (at most 5 seconds),
// then returns one line per request, in the order they ended, such as
//
//	say Good (100ms): answered after 100ms
//	say Morning (300ms): the client gave up after 150ms
//
// The server measures from the moment a request reached it, so its
// times are off by a few milliseconds either way from the client's,
// and differ from run to run.
func (s *Server) Log() []string {
	for deadline := time.Now().Add(5 * time.Second); s.pages.serving() > 0 && time.Now().Before(deadline); {
		time.Sleep(time.Millisecond)
	}
	return s.pages.lines()
}

// Close stops the server. Requests still waiting out their delay are
// answered at once with 503 Service Unavailable, so Close returns
// promptly.
func (s *Server) Close() {
	s.close.Do(func() {
		close(s.pages.closing)
		s.http.Close()
	})
}

// pages is the server's handler, kept apart from the network so that
// its delays can be tested on a fake clock.
type pages struct {
	closing chan struct{} // closed by Server.Close

	mu     sync.Mutex
	log    []string
	active int
}

func newPages() *pages { return &pages{closing: make(chan struct{})} }

func (p *pages) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	var name string
	switch r.URL.Path {
	case "/say":
		name = "say " + q.Get("msg")
	case "/fail":
		name = "fail"
	default:
		http.NotFound(w, r)
		return
	}
	delay, err := time.ParseDuration(q.Get("delay"))
	if err != nil {
		http.Error(w, "delay: "+err.Error(), http.StatusBadRequest)
		return
	}
	name = fmt.Sprintf("%s (%v)", name, delay)
	p.enter()
	defer p.leave()
	start := time.Now()
	timer := time.NewTimer(delay)
	defer timer.Stop()
	select {
	case <-timer.C:
	case <-r.Context().Done():
		p.note("%s: the client gave up after %v", name, time.Since(start).Round(time.Millisecond))
		return
	case <-p.closing:
		http.Error(w, "the server is closing", http.StatusServiceUnavailable)
		return
	}
	took := time.Since(start).Round(time.Millisecond)
	if r.URL.Path == "/fail" {
		p.note("%s: failed after %v", name, took)
		http.Error(w, "something broke", http.StatusInternalServerError)
		return
	}
	p.note("%s: answered after %v", name, took)
	fmt.Fprint(w, q.Get("msg"))
}

func (p *pages) enter() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.active++
}

func (p *pages) leave() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.active--
}

func (p *pages) note(format string, args ...any) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.log = append(p.log, fmt.Sprintf(format, args...))
}

func (p *pages) serving() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.active
}

func (p *pages) lines() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string(nil), p.log...)
}
