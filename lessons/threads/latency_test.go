package threads

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
)

// The server's handler runs here without the network, inside a
// synctest bubble, so its latency is measured exactly on a fake clock.

func TestEveryRequestWaitsTheLatencyFirst(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		s := newSite(250 * time.Millisecond)
		rec := httptest.NewRecorder()
		start := time.Now()
		s.ServeHTTP(rec, httptest.NewRequest("GET", "/quotes/3", nil))
		assert.Equal(t, 250*time.Millisecond, time.Since(start))
		assert.Equal(t, http.StatusOK, rec.Code)
		assert.Contains(t, rec.Body.String(), "<title>Lincoln quotes, page 3</title>")
		assert.Equal(t, int64(1), s.answered.Load())
	})
}

func TestARequestWhoseClientLeftStopsWaiting(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		s := newSite(time.Hour)
		ctx, cancel := context.WithTimeout(t.Context(), 50*time.Millisecond)
		defer cancel()
		start := time.Now()
		s.ServeHTTP(httptest.NewRecorder(), httptest.NewRequestWithContext(ctx, "GET", "/items/1", nil))
		assert.Equal(t, 50*time.Millisecond, time.Since(start))
		assert.Equal(t, int64(0), s.answered.Load(), "a request nobody waits for is not answered")
	})
}

func TestClosingEndsTheWaitWithServiceUnavailable(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		s := newSite(time.Hour)
		time.AfterFunc(time.Second, func() { close(s.closing) })
		rec := httptest.NewRecorder()
		start := time.Now()
		s.ServeHTTP(rec, httptest.NewRequest("GET", "/items/1", nil))
		assert.Equal(t, time.Second, time.Since(start))
		assert.Equal(t, http.StatusServiceUnavailable, rec.Code)
	})
}
