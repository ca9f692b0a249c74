package jupyter

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"syscall"
	"time"

	"github.com/goconc/goconc/kernel/course"
)

// Server is a Jupyter Notebook server on loopback, serving the
// course's notebooks with the GoNB kernel.
type Server struct {
	URL    string // the notebooks page, with the login token
	Base   string // http://127.0.0.1:PORT
	Token  string
	cmd    *exec.Cmd
	exited chan struct{} // closed once the server process has exited
	err    error         // how it exited, set before exited is closed
	stop   sync.Once
}

// StartServer starts `jupyter notebook` on the course's notebooks/
// directory, on port (0 picks a free one) of 127.0.0.1 with a fresh
// token, and returns once the server answers. It opens a browser only
// when browser is set (there is a display to open it on). Jupyter's
// own log goes to log.
func StartServer(ctx context.Context, c *course.Course, port int, browser bool, log io.Writer) (*Server, error) {
	if _, err := exec.LookPath("jupyter"); err != nil {
		return nil, fmt.Errorf("jupyter is not installed: run `goconc setup` (or `make course`) first")
	}
	if port == 0 || !portFree(port) {
		if port != 0 {
			fmt.Fprintf(log, "port %d is taken; using a free one\n", port)
		}
		var err error
		if port, err = freePort(); err != nil {
			return nil, err
		}
	}
	token := randomToken()
	args := []string{"notebook",
		"--notebook-dir=" + filepath.Join(c.Root, "notebooks"),
		"--ip=127.0.0.1", fmt.Sprintf("--port=%d", port), "--port-retries=0",
		"--NotebookApp.token=" + token}
	if !browser {
		args = append(args, "--no-browser")
	}
	if os.Geteuid() == 0 {
		args = append(args, "--allow-root") // containers and CI run as root
	}
	configDir, err := writeConfigDir()
	if err != nil {
		return nil, fmt.Errorf("writing the Jupyter config: %w", err)
	}
	cmd := exec.Command("jupyter", args...)
	cmd.Dir = filepath.Join(c.Root, "notebooks")
	cmd.Env = append(os.Environ(), "PATH="+ToolPath(), "JUPYTER_CONFIG_DIR="+configDir)
	cmd.Stdout, cmd.Stderr = log, log
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("starting jupyter notebook: %w", err)
	}
	base := fmt.Sprintf("http://127.0.0.1:%d", port)
	s := &Server{Base: base, URL: base + "/tree?token=" + token, Token: token}
	s.watch(cmd)
	if err := s.waitReady(ctx, 60*time.Second); err != nil {
		s.Stop()
		return nil, err
	}
	return s, nil
}

// waitReady polls the server's status API until it answers.
func (s *Server) waitReady(ctx context.Context, limit time.Duration) error {
	ctx, cancel := context.WithTimeout(ctx, limit)
	defer cancel()
	tick := time.NewTicker(200 * time.Millisecond)
	defer tick.Stop()
	for {
		req, _ := http.NewRequestWithContext(ctx, "GET", s.Base+"/api/status?token="+s.Token, nil)
		if resp, err := http.DefaultClient.Do(req); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
		}
		select {
		case <-s.exited:
			return fmt.Errorf("jupyter notebook exited before it served (%v): is jupyter-notebook installed? run goconc setup", s.err)
		case <-ctx.Done():
			return fmt.Errorf("jupyter notebook did not answer on %s within %s", s.Base, limit)
		case <-tick.C:
		}
	}
}

// watch records the started server process and its exit. Any number
// of goroutines may wait for the exit (Wait, Stop, waitReady): exited
// is closed, not sent on, so none takes it from another.
func (s *Server) watch(cmd *exec.Cmd) {
	s.cmd, s.exited = cmd, make(chan struct{})
	go func() {
		s.err = cmd.Wait()
		close(s.exited)
	}()
}

// Wait blocks until the server exits.
func (s *Server) Wait() error {
	<-s.exited
	return s.err
}

// portFree reports whether 127.0.0.1:port can be listened on.
func portFree(port int) bool {
	l, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", port))
	if err != nil {
		return false
	}
	l.Close()
	return true
}

// Stop ends the server and its kernels (SIGTERM to the process group;
// Jupyter asks for confirmation on SIGINT, which a script cannot give).
func (s *Server) Stop() {
	s.stop.Do(func() {
		syscall.Kill(-s.cmd.Process.Pid, syscall.SIGTERM)
		select {
		case <-s.exited:
		case <-time.After(10 * time.Second):
			syscall.Kill(-s.cmd.Process.Pid, syscall.SIGKILL)
			<-s.exited
		}
	})
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

func randomToken() string {
	b := make([]byte, 24)
	rand.Read(b)
	return hex.EncodeToString(b)
}
