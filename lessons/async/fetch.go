package async

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
)

// Fetch gets the page at rawURL and returns its body, or an error. It
// gives up as soon as ctx is done, and then returns ctx's error
// (context.Canceled or context.DeadlineExceeded), named after the
// page: the request is cancelled, so the server sees its client go.
// This is what an asyncio coroutine that awaits an HTTP client does;
// in Go the context carries the cancellation.
func Fetch(ctx context.Context, rawURL string) (string, error) {
	name := rawURL
	if u, err := url.Parse(rawURL); err == nil {
		name = u.RequestURI()
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return "", err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		if ctx.Err() != nil {
			return "", fmt.Errorf("GET %s: %w", name, ctx.Err())
		}
		return "", fmt.Errorf("GET %s: %w", name, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	switch {
	case resp.StatusCode != http.StatusOK:
		return "", fmt.Errorf("GET %s: %s", name, resp.Status)
	case err != nil && ctx.Err() != nil:
		return "", fmt.Errorf("GET %s: %w", name, ctx.Err())
	case err != nil:
		return "", fmt.Errorf("GET %s: %w", name, err)
	}
	return string(body), nil
}
