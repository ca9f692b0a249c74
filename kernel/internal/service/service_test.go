package service

import (
	"context"
	"net"
	"net/http"
	"os/exec"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A real server program: Python's http.server on a free loopback port.
// Ready once it answers; Stop ends it and the child it started.
func TestAServiceIsReadyWhenItAnswersAndStopsWithItsChildren(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	port := strconv.Itoa(l.Addr().(*net.TCPAddr).Port)
	l.Close()
	// bash starts the server as its child and waits: Stop must reach both.
	s, err := Start("the test server", exec.Command("bash", "-c", "/usr/bin/python3 -m http.server --bind 127.0.0.1 "+port+" & wait"))
	require.NoError(t, err)
	require.NoError(t, s.WaitReady(context.Background(), "http://127.0.0.1:"+port+"/", 30*time.Second, 50*time.Millisecond, "is python3 there?"))
	s.Stop(10 * time.Second)
	s.Stop(10 * time.Second) // a second Stop is harmless
	assert.Error(t, s.Wait(), "ended by a signal")
	_, err = http.Get("http://127.0.0.1:" + port + "/")
	assert.Error(t, err, "the child server is gone with its group")
}

func TestAServiceThatExitsBeforeItServesSaysSo(t *testing.T) {
	s, err := Start("the broken server", exec.Command("bash", "-c", "exit 3"))
	require.NoError(t, err)
	err = s.WaitReady(context.Background(), "http://127.0.0.1:1/", 30*time.Second, 50*time.Millisecond, "run goconc setup")
	assert.EqualError(t, err, "the broken server exited before it served (exit status 3): run goconc setup")
}

// TestStopReturnsWhileAnotherGoroutineWaits is goconc open's Ctrl-C:
// one goroutine waits for the server to exit while another stops it.
// Both must return (they once shared one value on a channel, and Stop
// hung forever when Wait took it).
func TestStopReturnsWhileAnotherGoroutineWaits(t *testing.T) {
	s, err := Start("sleep", exec.Command("sleep", "60"))
	require.NoError(t, err)
	waited := make(chan error, 1)
	go func() { waited <- s.Wait() }()

	stopped := make(chan struct{})
	go func() { s.Stop(10 * time.Second); close(stopped) }()
	select {
	case <-stopped:
	case <-time.After(20 * time.Second):
		t.Fatal("Stop did not return while another goroutine waited")
	}
	select {
	case err := <-waited:
		assert.Error(t, err, "sleep was killed by a signal")
	case <-time.After(time.Second):
		t.Fatal("Wait did not return after Stop")
	}
	assert.Error(t, s.Wait(), "a later Wait returns at once")
}
