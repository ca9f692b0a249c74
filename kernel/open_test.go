package kernel

import (
	"context"
	"io"
	"net"
	"net/http"
	"os/exec"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestOpenServesTheNotebooksAndStops(t *testing.T) {
	if err := exec.Command("jupyter", "notebook", "--version").Run(); err != nil {
		t.Skip("jupyter-notebook is not installed (make test installs only the headless parts)")
	}
	c, err := FindCourse(".")
	require.NoError(t, err)
	taken, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	defer taken.Close()
	port := taken.Addr().(*net.TCPAddr).Port

	srv, err := StartNotebook(context.Background(), c, port, false, io.Discard)
	require.NoError(t, err)
	defer srv.Stop()
	assert.NotContains(t, srv.Base, ":"+strconv.Itoa(port), "a taken port falls back to a free one")
	resp, err := http.Get(srv.Base + "/api/contents/01-threads.ipynb?content=0&token=" + srv.Token)
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	srv.Stop()
	srv.Stop() // twice is fine
	_, err = http.Get(srv.Base)
	assert.Error(t, err, "the server is gone")
}
