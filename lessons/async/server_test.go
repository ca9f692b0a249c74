package async

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The handler's delays are tested here without the network, inside a
// synctest bubble, so they are exact. The tests over loopback below
// check what the server answers and logs, never how long it took.

func TestASayPageAnswersItsMessageAfterItsDelay(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		p := newPages()
		rec := httptest.NewRecorder()
		start := time.Now()
		p.ServeHTTP(rec, httptest.NewRequest("GET", "/say?delay=200ms&msg=Morning", nil))
		assert.Equal(t, 200*time.Millisecond, time.Since(start))
		assert.Equal(t, http.StatusOK, rec.Code)
		assert.Equal(t, "Morning", rec.Body.String())
		assert.Equal(t, []string{"say Morning (200ms): answered after 200ms"}, p.lines())
	})
}

func TestAFailPageFailsAfterItsDelay(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		p := newPages()
		rec := httptest.NewRecorder()
		start := time.Now()
		p.ServeHTTP(rec, httptest.NewRequest("GET", "/fail?delay=50ms", nil))
		assert.Equal(t, 50*time.Millisecond, time.Since(start))
		assert.Equal(t, http.StatusInternalServerError, rec.Code)
		assert.Equal(t, []string{"fail (50ms): failed after 50ms"}, p.lines())
	})
}

func TestAPageWhoseClientLeftStopsWaitingAndSaysSo(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		p := newPages()
		ctx, cancel := context.WithTimeout(t.Context(), 150*time.Millisecond)
		defer cancel()
		start := time.Now()
		p.ServeHTTP(httptest.NewRecorder(),
			httptest.NewRequestWithContext(ctx, "GET", "/say?delay=300ms&msg=Morning", nil))
		assert.Equal(t, 150*time.Millisecond, time.Since(start))
		assert.Equal(t, []string{"say Morning (300ms): the client gave up after 150ms"}, p.lines())
	})
}

func TestBadAddressesAreRefused(t *testing.T) {
	p := newPages()
	for path, code := range map[string]int{"/nowhere": 404, "/say?msg=Good": 400, "/fail?delay=soon": 400} {
		rec := httptest.NewRecorder()
		p.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
		assert.Equal(t, code, rec.Code, path)
	}
	assert.Empty(t, p.lines())
}

func TestFetchGetsTheMessageOrTheError(t *testing.T) {
	srv := StartServer()
	defer srv.Close()
	body, err := Fetch(t.Context(), srv.SayURL(0, "Good morning"))
	require.NoError(t, err)
	assert.Equal(t, "Good morning", body)

	_, err = Fetch(t.Context(), srv.FailURL(0))
	assert.EqualError(t, err, "GET /fail?delay=0s: 500 Internal Server Error")
	log := srv.Log()
	require.Len(t, log, 2)
	assert.Contains(t, log[0], "say Good morning (0s): answered after ")
	assert.Contains(t, log[1], "fail (0s): failed after ")
}

func TestACancelledFetchIsGivenUpAtBothEnds(t *testing.T) {
	srv := StartServer()
	defer srv.Close()
	ctx, cancel := context.WithTimeout(t.Context(), 20*time.Millisecond)
	defer cancel()
	_, err := Fetch(ctx, srv.SayURL(time.Hour, "Morning"))
	assert.ErrorIs(t, err, context.DeadlineExceeded)
	assert.EqualError(t, err, "GET /say?delay=1h0m0s&msg=Morning: context deadline exceeded")
	log := srv.Log()
	require.Len(t, log, 1)
	assert.Contains(t, log[0], "say Morning (1h0m0s): the client gave up after ")
}

func TestCloseEndsTheWaitingRequests(t *testing.T) {
	srv := StartServer()
	done := make(chan error)
	go func() {
		_, err := Fetch(context.Background(), srv.SayURL(time.Hour, "never"))
		done <- err
	}()
	for srv.pages.serving() == 0 {
		time.Sleep(time.Millisecond)
	}
	srv.Close()
	assert.EqualError(t, <-done, "GET /say?delay=1h0m0s&msg=never: 503 Service Unavailable")
}
