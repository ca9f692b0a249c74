package gonbpipe

import (
	"encoding/gob"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/janpfeifer/gonb/gonbui/protocol"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// kernelEnd plays GoNB's end of the two pipes, as its jpyexec does: it
// reads what the program sends and acknowledges each sync request. It
// sends each picture it reads on got, and closes got when the program's
// end closes. With hangUpAt > 0 it hangs up on reading that picture,
// as GoNB does when the cell is over.
func kernelEnd(t *testing.T, hangUpAt int) <-chan map[protocol.MIMEType]any {
	dir := t.TempDir()
	to, back := filepath.Join(dir, "to"), filepath.Join(dir, "back")
	require.NoError(t, syscall.Mkfifo(to, 0o600))
	require.NoError(t, syscall.Mkfifo(back, 0o600))
	t.Setenv(protocol.GONB_PIPE_ENV, to)
	t.Setenv(protocol.GONB_PIPE_BACK_ENV, back)
	InNotebook = true
	pipes.to, pipes.from, pipes.err, pipes.sent = nil, nil, nil, 0
	t.Cleanup(func() { InNotebook = os.Getenv(protocol.GONB_PIPE_ENV) != "" })

	got := make(chan map[protocol.MIMEType]any, 10)
	go func() {
		defer close(got)
		r, err := os.OpenFile(to, os.O_RDONLY, 0)
		if err != nil {
			return
		}
		defer r.Close()
		w, err := os.OpenFile(back, os.O_WRONLY, 0)
		if err != nil {
			return
		}
		defer w.Close()
		dec, enc := gob.NewDecoder(r), gob.NewEncoder(w)
		for shown := 0; ; {
			var d protocol.DisplayData
			if dec.Decode(&d) != nil {
				return
			}
			if ask, ok := d.Data[protocol.MIMECommValue].(protocol.CommValue); ok {
				enc.Encode(&protocol.CommValue{Address: "#a-widget", Value: 7}) // not ours: skipped
				enc.Encode(&protocol.CommValue{Address: protocol.GonbuiSyncAckAddress, Value: ask.Value})
				continue
			}
			if shown++; shown == hangUpAt {
				return
			}
			got <- d.Data
		}
	}()
	return got
}

func TestShowReturnsOnceGoNBHasThePicture(t *testing.T) {
	got := kernelEnd(t, 0)
	require.NoError(t, Show("<div><svg/></div>", ""))
	require.Len(t, got, 1, "Show returned before GoNB had read the picture")
	assert.Equal(t, map[protocol.MIMEType]any{protocol.MIMETextHTML: "<div><svg/></div>"}, <-got)

	require.NoError(t, Show("<b>7/10</b>", "7/10"))
	assert.Equal(t, map[protocol.MIMEType]any{
		protocol.MIMETextHTML: "<b>7/10</b>", protocol.MIMETextPlain: "7/10",
	}, <-got, "the second picture, with its text")
	assert.Equal(t, 2, pipes.sent, "one sync request a picture")
}

func TestAGoNBThatHangsUpFailsShowAndEveryShowAfterIt(t *testing.T) {
	kernelEnd(t, 2)
	require.NoError(t, Show("<p>one</p>", ""), "GoNB acknowledges the first")
	err := Show("<p>two</p>", "")
	require.Error(t, err, "GoNB hung up before the second was confirmed")
	assert.Contains(t, err.Error(), "GoNB")
	assert.Equal(t, err, Show("<p>three</p>", ""), "a broken pipe is not tried again")
}

func TestOutsideGoNBShowSaysSo(t *testing.T) {
	t.Setenv(protocol.GONB_PIPE_ENV, "")
	InNotebook = false
	pipes.to, pipes.from, pipes.err = nil, nil, nil
	err := Show("<p>x</p>", "")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "not run by GoNB")
}
