package jupyter

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"time"

	"github.com/goconc/goconc/kernel/course"
	"github.com/goconc/goconc/kernel/internal/service"
)

// Server is a Jupyter Notebook server on loopback, serving the
// course's notebooks with the GoNB kernel.
type Server struct {
	URL   string // the notebooks page, with the login token
	Base  string // http://127.0.0.1:PORT
	Token string
	proc  *service.Service
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
	proc, err := service.Start("jupyter notebook", cmd)
	if err != nil {
		return nil, err
	}
	base := fmt.Sprintf("http://127.0.0.1:%d", port)
	s := &Server{Base: base, URL: base + "/tree?token=" + token, Token: token, proc: proc}
	if err := proc.WaitReady(ctx, base+"/api/status?token="+token, 60*time.Second, 200*time.Millisecond,
		"is jupyter-notebook installed? run goconc setup"); err != nil {
		s.Stop()
		return nil, err
	}
	return s, nil
}

// Wait blocks until the server exits.
func (s *Server) Wait() error { return s.proc.Wait() }

// portFree reports whether 127.0.0.1:port can be listened on.
func portFree(port int) bool {
	l, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", port))
	if err != nil {
		return false
	}
	l.Close()
	return true
}

// Stop ends the server and its kernels.
func (s *Server) Stop() { s.proc.Stop(10 * time.Second) }

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
