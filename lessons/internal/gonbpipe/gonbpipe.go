// Package gonbpipe shows HTML in the notebook cell whose program this is.
//
// GoNB runs every cell as a program of its own and gives it two named
// pipes ($GONB_PIPE to GoNB, $GONB_PIPE_BACK from it) that carry
// gob-encoded [protocol.DisplayData]. GoNB's gonbui package speaks
// this protocol too, but it pulls in uuid, klog, os/user and image/png,
// which every cell that draws a picture would link: about 0.1 s of each
// such cell's build (see the README's Figures). The course needs only
// "show this HTML, and wait until GoNB has it", which this package does
// with GoNB's protocol package alone.
package gonbpipe

import (
	"encoding/gob"
	"fmt"
	"os"
	"sync"

	"github.com/janpfeifer/gonb/gonbui/protocol"
)

// InNotebook says whether GoNB runs this program: it sets $GONB_PIPE
// for every cell it runs.
var InNotebook = os.Getenv(protocol.GONB_PIPE_ENV) != ""

// Env names the variables that hand a program its pipes. A child
// process must not inherit them: two programs writing to one pipe
// would garble it.
var Env = []string{protocol.GONB_PIPE_ENV, protocol.GONB_PIPE_BACK_ENV}

// pipes is this program's end of GoNB's two pipes, opened on first use.
var pipes struct {
	sync.Mutex
	to   *gob.Encoder
	from *gob.Decoder
	err  error // the first failure: a broken pipe is not tried again
	sent int   // how many sync requests were sent
}

// Show shows html as the cell's output, with text as its plain-text
// form ("" for none), and returns once GoNB has it: GoNB stops reading
// the pipe the moment the program exits, so a picture shown last would
// otherwise be lost. After an error, Show fails at once with it.
func Show(html, text string) error {
	pipes.Lock()
	defer pipes.Unlock()
	if pipes.err == nil {
		pipes.err = show(html, text)
	}
	return pipes.err
}

func show(html, text string) error {
	if !InNotebook {
		return fmt.Errorf("not run by GoNB: $%s is not set", protocol.GONB_PIPE_ENV)
	}
	if pipes.to == nil {
		if err := open(); err != nil {
			return err
		}
	}
	data := map[protocol.MIMEType]any{protocol.MIMETextHTML: html}
	if text != "" {
		data[protocol.MIMETextPlain] = text
	}
	if err := pipes.to.Encode(&protocol.DisplayData{Data: data}); err != nil {
		return fmt.Errorf("showing in the notebook: %w", err)
	}
	return confirm()
}

// open opens both pipes. GoNB opens its ends as it starts the program,
// so neither open waits long.
func open() error {
	to, err := os.OpenFile(os.Getenv(protocol.GONB_PIPE_ENV), os.O_WRONLY, 0)
	if err != nil {
		return fmt.Errorf("opening GoNB's pipe: %w", err)
	}
	from, err := os.OpenFile(os.Getenv(protocol.GONB_PIPE_BACK_ENV), os.O_RDONLY, 0)
	if err != nil {
		to.Close()
		return fmt.Errorf("opening GoNB's pipe back: %w", err)
	}
	pipes.to, pipes.from = gob.NewEncoder(to), gob.NewDecoder(from)
	return nil
}

// confirm asks GoNB to acknowledge a numbered request, which it does once
// it has read everything sent before it, and waits for that number.
func confirm() error {
	pipes.sent++
	ask := protocol.CommValue{Address: protocol.GonbuiSyncAddress, Value: pipes.sent}
	if err := pipes.to.Encode(&protocol.DisplayData{Data: map[protocol.MIMEType]any{protocol.MIMECommValue: ask}}); err != nil {
		return fmt.Errorf("asking GoNB to confirm: %w", err)
	}
	for {
		var got protocol.CommValue
		if err := pipes.from.Decode(&got); err != nil {
			return fmt.Errorf("waiting for GoNB to confirm: %w", err)
		}
		if got.Address == protocol.GonbuiSyncAckAddress && got.Value == pipes.sent {
			return nil
		}
	}
}
