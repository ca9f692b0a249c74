package pools

import (
	"bytes"
	"context"
	"image/png"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTheImageServerServesFiveDifferentPNGs(t *testing.T) {
	srv := StartImageServer(0)
	defer srv.Close()
	urls := srv.ImageURLs()
	require.Len(t, urls, 5)
	seen := map[string]bool{}
	for _, url := range urls {
		data, err := DownloadImage(url)
		require.NoError(t, err, url)
		img, err := png.Decode(bytes.NewReader(data))
		require.NoError(t, err, url)
		assert.Equal(t, 96, img.Bounds().Dx())
		seen[string(data)] = true
	}
	assert.Len(t, seen, 5, "each photo has its own picture")
}

func TestDownloadImageReportsAMissingPhoto(t *testing.T) {
	srv := StartImageServer(0)
	defer srv.Close()
	_, err := DownloadImage(srv.URL + "/photos/nope/download")
	assert.ErrorContains(t, err, "404 Not Found")
}

func TestTheFailingURLFailsAtOnce(t *testing.T) {
	srv := StartImageServer(time.Hour)
	defer srv.Close()
	_, err := DownloadImage(srv.FailingURL())
	assert.ErrorContains(t, err, "404 Not Found")
}

func TestACancelledDownloadStopsWaiting(t *testing.T) {
	srv := StartImageServer(time.Hour)
	defer srv.Close()
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(20*time.Millisecond, cancel)
	_, err := DownloadImageContext(ctx, srv.ImageURLs()[0])
	assert.ErrorIs(t, err, context.Canceled)
}

func TestEveryDownloadWaitsTheLatency(t *testing.T) {
	srv := StartImageServer(50 * time.Millisecond)
	defer srv.Close()
	start := time.Now()
	_, err := DownloadImage(srv.ImageURLs()[0])
	require.NoError(t, err)
	assert.GreaterOrEqual(t, time.Since(start), 50*time.Millisecond)
}

func TestClosingAnswersWaitingRequestsAtOnce(t *testing.T) {
	srv := StartImageServer(time.Hour)
	done := make(chan error)
	go func() {
		_, err := DownloadImage(srv.ImageURLs()[0])
		done <- err
	}()
	time.Sleep(20 * time.Millisecond)
	srv.Close()
	srv.Close()
	select {
	case err := <-done:
		assert.Error(t, err)
	case <-time.After(5 * time.Second):
		t.Fatal("a request waiting out an hour's latency was not answered when the server closed")
	}
}
