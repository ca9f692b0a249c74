package threads

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseTitleTakesTheFirstTitleTrimmed(t *testing.T) {
	title, err := parseTitle(strings.NewReader(
		"<html><head><title>\n\t Welcome &amp; hello \n</title><title>second</title></head></html>"))
	require.NoError(t, err)
	assert.Equal(t, "Welcome & hello", title)
}

func TestParseTitleSkipsTheTitleOfAnSVG(t *testing.T) {
	_, err := parseTitle(strings.NewReader(`<body><svg><title>a chart</title></svg></body>`))
	assert.ErrorIs(t, err, errNoTitle)
}

func TestFetchTitleReportsAPageWithoutATitle(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("<p>no title here</p>"))
	}))
	defer srv.Close()
	_, err := FetchTitle(srv.URL)
	assert.ErrorIs(t, err, errNoTitle)
	assert.EqualError(t, err, "no <title> in "+srv.URL)
}

func TestFetchTitleReportsAnUnreachableServer(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	srv.Close() // nothing listens at its address any more
	_, err := FetchTitle(srv.URL)
	require.Error(t, err)
	assert.Contains(t, err.Error(), srv.URL)
}

func TestFetchItemReportsJSONThatIsNotAnItem(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("<html>not json</html>"))
	}))
	defer srv.Close()
	_, err := FetchItem(srv.URL)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "decode item from "+srv.URL)
}
