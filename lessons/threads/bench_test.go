package threads

import (
	"errors"
	"sync"
	"testing"
	"time"
)

// The benchmarks show the lesson's point with real HTTP: 20 requests
// to a server that takes 100ms to answer each. One after another they
// take 20 latencies; one goroutine per request, about one. They report
// "latencies/op", the time of one round over the latency; a benchmark
// measures, it does not assert, because wall-clock time varies.
//
//	go test -run '^$' -bench Fetch -benchtime 5x ./lessons/threads/

const benchRequests, benchLatency = 20, 100 * time.Millisecond

// benchURLs are 20 item URLs. Seed 001 requests items 1 to 19; we make
// it a round 20 by asking for item 1 twice.
func benchURLs(srv *Server) []string {
	urls := make([]string, benchRequests)
	for i := range urls {
		urls[i] = srv.ItemURL(i%len(items) + 1)
	}
	return urls
}

func BenchmarkFetchSequential(b *testing.B) {
	srv := StartServer(benchLatency)
	defer srv.Close()
	urls := benchURLs(srv)
	for b.Loop() {
		for _, url := range urls {
			if _, err := FetchItem(url); err != nil {
				b.Fatal(err)
			}
		}
	}
	reportLatencies(b)
}

func BenchmarkFetchConcurrent(b *testing.B) {
	srv := StartServer(benchLatency)
	defer srv.Close()
	urls := benchURLs(srv)
	for b.Loop() {
		errs := make([]error, len(urls))
		var wg sync.WaitGroup
		for i, url := range urls {
			wg.Go(func() { _, errs[i] = FetchItem(url) })
		}
		wg.Wait()
		if err := errors.Join(errs...); err != nil {
			b.Fatal(err)
		}
	}
	reportLatencies(b)
}

// reportLatencies reports how many latencies one round took.
func reportLatencies(b *testing.B) {
	b.ReportMetric(float64(b.Elapsed())/float64(b.N)/float64(benchLatency), "latencies/op")
}
