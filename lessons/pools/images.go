package pools

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"time"
)

// PhotoIDs are the five Unsplash photos that seed 004 downloads, in the
// seed's order. The lesson serves stand-ins for them from this machine.
var PhotoIDs = []string{"agsJY5jzeAw", "4rDCaShb1Cs", "3PCVtVfYous", "Y8lCoTRgBPE", "4KrQq826Y5c"}

// ImageServer is a real HTTP server on the loopback interface that
// serves a small PNG for each of [PhotoIDs], after a latency it was
// given: seed 004 downloaded its photos from unsplash.com, about 1.7 s
// each; a lesson must not need the internet, and needs a latency it
// can trust.
type ImageServer struct {
	// URL is the server's base address, like "http://127.0.0.1:41233".
	URL string

	http    *httptest.Server
	closing chan struct{}
	close   sync.Once
}

// StartImageServer starts an ImageServer whose every answer takes
// latency. It serves GET /photos/{id}/download, as unsplash.com did,
// and 404 Not Found for anything else. Close it when done.
func StartImageServer(latency time.Duration) *ImageServer {
	s := &ImageServer{closing: make(chan struct{})}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /photos/{id}/download", func(w http.ResponseWriter, r *http.Request) {
		if !s.wait(r.Context(), latency) {
			http.Error(w, "the server is closing", http.StatusServiceUnavailable)
			return
		}
		png, ok := photos()[r.PathValue("id")]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "image/png")
		w.Write(png)
	})
	s.http = httptest.NewServer(mux)
	s.URL = s.http.URL
	return s
}

// ImageURLs gives the addresses of the five photos, in the seed's
// order.
func (s *ImageServer) ImageURLs() []string {
	urls := make([]string, len(PhotoIDs))
	for i, id := range PhotoIDs {
		urls[i] = fmt.Sprintf("%s/photos/%s/download", s.URL, id)
	}
	return urls
}

// FailingURL is an address the server answers at once, without its
// latency, with 404 Not Found: a download that fails before the others
// are done, to show errgroup.WithContext cancelling them.
func (s *ImageServer) FailingURL() string { return s.URL + "/no-such-photo" }

// Close stops the server. Requests still waiting out their latency are
// answered at once with 503 Service Unavailable.
func (s *ImageServer) Close() {
	s.close.Do(func() {
		close(s.closing)
		s.http.Close()
	})
}

// wait sleeps the latency, unless the client goes away or the server
// closes first, and reports whether to answer.
func (s *ImageServer) wait(ctx context.Context, latency time.Duration) bool {
	timer := time.NewTimer(latency)
	defer timer.Stop()
	select {
	case <-timer.C:
		return true
	case <-ctx.Done():
	case <-s.closing:
	}
	return false
}

// DownloadImage gets url and returns its bytes, like the seed's
// requests.get(img_url).content, but an answer other than 200 OK is
// an error rather than a page of HTML taken for a picture.
func DownloadImage(url string) ([]byte, error) {
	return DownloadImageContext(context.Background(), url)
}

// DownloadImageContext is [DownloadImage] that gives up when ctx is
// done: errgroup.WithContext's ctx, cancelled when another download
// fails, stops this one too, waiting or not.
func DownloadImageContext(ctx context.Context, url string) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("GET %s: %s", url, resp.Status)
	}
	return io.ReadAll(resp.Body)
}

// photos are the PNGs served, made once: a gradient of its own colour
// for each photo, so that the five downloads differ.
var photos = sync.OnceValue(func() map[string][]byte {
	m := map[string][]byte{}
	for i, id := range PhotoIDs {
		m[id] = gradientPNG(96, 64, palette[i])
	}
	return m
})

var palette = []color.RGBA{
	{0x4c, 0x72, 0xb0, 0xff}, {0xdd, 0x84, 0x52, 0xff}, {0x55, 0xa8, 0x68, 0xff},
	{0xc4, 0x4e, 0x52, 0xff}, {0x81, 0x72, 0xb3, 0xff},
}

// gradientPNG encodes a w×h picture that fades from c at the top left
// to white at the bottom right.
func gradientPNG(w, h int, c color.RGBA) []byte {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	fade := func(v uint8, f int) uint8 { return uint8(int(v) + (255-int(v))*f/(w+h)) }
	for y := range h {
		for x := range w {
			img.SetRGBA(x, y, color.RGBA{fade(c.R, x+y), fade(c.G, x+y), fade(c.B, x+y), 0xff})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		panic(err) // an RGBA image into memory: only a bug of ours fails
	}
	return buf.Bytes()
}
