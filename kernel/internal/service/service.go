// Package service runs a server program (Jupyter Notebook for one
// learner, JupyterHub for a class) in a process group of its own:
// started, waited on until it answers over HTTP, and stopped together
// with everything it started.
package service

import (
	"context"
	"fmt"
	"net/http"
	"os/exec"
	"sync"
	"syscall"
	"time"
)

// Service is a started server program.
type Service struct {
	name   string        // what the errors call it: "jupyter notebook"
	cmd    *exec.Cmd     //
	exited chan struct{} // closed once the process has exited
	err    error         // how it exited, set before exited is closed
	stop   sync.Once
}

// Start starts cmd in a process group of its own, so that Stop reaches
// the kernels and proxies it starts, and watches for its exit.
func Start(name string, cmd *exec.Cmd) (*Service, error) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("starting %s: %w", name, err)
	}
	s := &Service{name: name, cmd: cmd, exited: make(chan struct{})}
	// Any number of goroutines may wait for the exit (Wait, Stop,
	// WaitReady): exited is closed, not sent on, so none takes it from
	// another.
	go func() {
		s.err = cmd.Wait()
		close(s.exited)
	}()
	return s, nil
}

// WaitReady polls url every interval until it answers 200 OK, and
// fails when the program exits first (hint says what to do then) or
// limit passes.
func (s *Service) WaitReady(ctx context.Context, url string, limit, every time.Duration, hint string) error {
	ctx, cancel := context.WithTimeout(ctx, limit)
	defer cancel()
	tick := time.NewTicker(every)
	defer tick.Stop()
	for {
		req, _ := http.NewRequestWithContext(ctx, "GET", url, nil)
		if resp, err := http.DefaultClient.Do(req); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
		}
		select {
		case <-s.exited:
			return fmt.Errorf("%s exited before it served (%v): %s", s.name, s.err, hint)
		case <-ctx.Done():
			return fmt.Errorf("%s did not answer within %s", s.name, limit)
		case <-tick.C:
		}
	}
}

// Wait blocks until the program exits.
func (s *Service) Wait() error {
	<-s.exited
	return s.err
}

// Stop ends the program's process group: SIGTERM, on which Jupyter
// and JupyterHub shut their kernels and servers down (Jupyter asks for
// confirmation on SIGINT, which a script cannot give), then SIGKILL
// after grace. Stop may be called any number of times.
func (s *Service) Stop(grace time.Duration) {
	s.stop.Do(func() {
		syscall.Kill(-s.cmd.Process.Pid, syscall.SIGTERM)
		select {
		case <-s.exited:
		case <-time.After(grace):
			syscall.Kill(-s.cmd.Process.Pid, syscall.SIGKILL)
			<-s.exited
		}
	})
}
