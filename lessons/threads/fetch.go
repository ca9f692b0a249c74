package threads

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"golang.org/x/net/html"
)

// Page is what fetching one URL gave: its title, or the error that
// stopped it. A failed page is a result like any other, so one bad URL
// does not cost us the rest.
type Page struct {
	URL   string
	Title string
	Err   error
}

// FetchFunc fetches one URL and returns its title. The exercises take
// one as a parameter so that the checks can pass in a fake that sleeps
// on a fake clock, and the notebook can pass in [FetchTitle].
type FetchFunc func(url string) (title string, err error)

// client gives up on a request after a while, as requests.get with a
// timeout would; http.Get alone would wait forever. It keeps enough idle
// connections to reuse one per page when we fetch many at once.
var client = &http.Client{Timeout: 30 * time.Second, Transport: transport()}

func transport() http.RoundTripper {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConnsPerHost = 64
	return t
}

// FetchTitle gets the page at url and returns the text of its first
// <title> element, trimmed: what the seed did with requests.get,
// raise_for_status and BeautifulSoup's select('title').
func FetchTitle(url string) (string, error) {
	body, err := get(url)
	if err != nil {
		return "", err
	}
	defer body.Close()
	title, err := parseTitle(body)
	if err != nil {
		return "", fmt.Errorf("%w in %s", err, url)
	}
	return title, nil
}

// FetchItem gets the JSON item at url, such as [Server.ItemURL] gives.
func FetchItem(url string) (Item, error) {
	body, err := get(url)
	if err != nil {
		return Item{}, err
	}
	defer body.Close()
	var item Item
	if err := json.NewDecoder(body).Decode(&item); err != nil {
		return Item{}, fmt.Errorf("decode item from %s: %w", url, err)
	}
	return item, nil
}

// get is a GET that treats any status but 200 as an error worded like
// Python's raise_for_status: "403 Forbidden for url: https://…".
func get(url string) (io.ReadCloser, error) {
	resp, err := client.Get(url)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		resp.Body.Close()
		return nil, fmt.Errorf("%s for url: %s", resp.Status, url)
	}
	return resp.Body, nil
}

// errNoTitle is what parseTitle reports for a page without a <title>.
var errNoTitle = errors.New("no <title>")

// parseTitle returns the trimmed text of the first <title> in an HTML
// document (not an <svg>'s title). The parser is the same one browsers specify, so it copes
// with the sloppy HTML of the real web the way BeautifulSoup does.
func parseTitle(r io.Reader) (string, error) {
	doc, err := html.Parse(r)
	if err != nil {
		return "", err
	}
	for n := range doc.Descendants() {
		if n.Type == html.ElementNode && n.Data == "title" && n.Namespace == "" {
			var text strings.Builder
			for c := range n.ChildNodes() {
				text.WriteString(c.Data)
			}
			return strings.TrimSpace(text.String()), nil
		}
	}
	return "", errNoTitle
}
