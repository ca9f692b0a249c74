package jupyter

import (
	"context"
	"io"
	"net"
	"net/http"
	"os/exec"
	"strconv"
	"testing"

	"github.com/goconc/goconc/kernel/course"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestOpenServesTheNotebooksAndStops(t *testing.T) {
	if err := exec.Command("jupyter", "notebook", "--version").Run(); err != nil {
		t.Skip("jupyter-notebook is not installed (make test installs only the headless parts)")
	}
	c, err := course.Find(".")
	require.NoError(t, err)
	taken, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	defer taken.Close()
	port := taken.Addr().(*net.TCPAddr).Port

	srv, err := StartServer(context.Background(), c, port, false, io.Discard)
	require.NoError(t, err)
	defer srv.Stop()
	assert.NotContains(t, srv.Base, ":"+strconv.Itoa(port), "a taken port falls back to a free one")
	resp, err := http.Get(srv.Base + "/api/contents/01-threads.ipynb?content=0&token=" + srv.Token)
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	resp, err = http.Get(srv.Base + "/custom/custom.css")
	require.NoError(t, err)
	css, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	assert.Contains(t, string(css), ".cm-s-ipython span.cm-tab", "the editor draws Go's tabs as white space, not arrows")
	srv.Stop()
	srv.Stop() // twice is fine
	_, err = http.Get(srv.Base)
	assert.Error(t, err, "the server is gone")
}
