package hub

import (
	"context"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync"
	"syscall"
	"time"

	"github.com/goconc/goconc/kernel/internal/service"
)

// Options are an instructor's choices for a hub.
type Options struct {
	Addr     string // the address learners reach, 127.0.0.1 by default
	Port     int    // 0 picks a free one
	Dir      string // the hub's state: its database, cookie secret, and homes/ in the quick try
	PAM      bool   // the machine's users (PAM) instead of the quick try's class password
	Password string // the class password of the quick try
	Config   string // hub/jupyterhub_config.py of the checkout
	Goconc   string // the goconc binary the hand-out hook runs
	Class    Class
	Log      io.Writer // JupyterHub's log
}

// Hub is a running JupyterHub.
type Hub struct {
	URL   string // where learners log in: http://ADDR:PORT/
	Homes string // the learners' homes in the quick try (DIR/homes)
	id    string // MarkerVar's value: the hub's dir, which no other hub can share
	proc  *service.Service
	stop  sync.Once
}

// Start starts JupyterHub with the project's config and returns once
// it answers. The config reads what we chose from GOCONC_* variables.
func Start(ctx context.Context, opt Options) (*Hub, error) {
	if _, err := exec.LookPath("jupyterhub"); err != nil {
		return nil, fmt.Errorf("jupyterhub is not installed: run `sudo bin/goconc setup --hub`")
	}
	if err := opt.Class.Ready(); err != nil {
		return nil, err
	}
	if !opt.PAM && opt.Password == "" {
		return nil, fmt.Errorf("the quick try needs a class password (--password or GOCONC_HUB_PASSWORD), or --pam for the machine's users")
	}
	if opt.Addr == "" {
		opt.Addr = "127.0.0.1"
	}
	dir, err := filepath.Abs(opt.Dir)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Join(dir, "homes"), 0o755); err != nil {
		return nil, err
	}
	ports, err := freePorts(opt.Addr, opt.Port)
	if err != nil {
		return nil, err
	}
	h := &Hub{URL: fmt.Sprintf("http://%s/", net.JoinHostPort(opt.Addr, strconv.Itoa(ports[0]))),
		Homes: filepath.Join(dir, "homes"), id: dir}
	auth := "password"
	if opt.PAM {
		auth = "pam"
	}
	cmd := exec.Command("jupyterhub", "-f", opt.Config)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(),
		"NODE_PATH=/usr/share/nodejs", // Debian's configurable-http-proxy finds its modules there
		MarkerVar+"="+h.id,
		"GOCONC_HUB_DIR="+dir,
		"GOCONC_HUB_URL="+h.URL,
		"GOCONC_HUB_API_PORT="+strconv.Itoa(ports[1]),
		"GOCONC_PROXY_API_PORT="+strconv.Itoa(ports[2]),
		"GOCONC_HUB_AUTH="+auth,
		"GOCONC_HUB_PASSWORD="+opt.Password,
		"GOCONC_BIN="+opt.Goconc,
		"GOCONC_CLASS="+opt.Class.Dir,
	)
	cmd.Stdout, cmd.Stderr = opt.Log, opt.Log
	if h.proc, err = service.Start("jupyterhub", cmd); err != nil {
		return nil, err
	}
	// The hub's API, through the proxy: ready when both are.
	if err := h.proc.WaitReady(ctx, h.URL+"hub/api", 90*time.Second, 300*time.Millisecond, "its log says why"); err != nil {
		h.Stop()
		return nil, err
	}
	return h, nil
}

// Wait blocks until JupyterHub exits.
func (h *Hub) Wait() error { return h.proc.Wait() }

// Processes are the live processes the hub started (itself, the
// proxy, the learners' servers, their kernels and cells).
func (h *Hub) Processes() []int { return Marked(h.id) }

// Stop ends the hub: SIGTERM, on which JupyterHub stops every
// learner's server (which shuts its kernels down) and the proxy. What
// is still running after that (a kernel whose server was killed, a
// cell's child) is killed by its marker.
func (h *Hub) Stop() {
	h.stop.Do(func() {
		h.proc.Stop(30 * time.Second)
		for range 50 {
			left := Marked(h.id)
			if len(left) == 0 {
				return
			}
			for _, pid := range left {
				syscall.Kill(pid, syscall.SIGKILL)
			}
			time.Sleep(100 * time.Millisecond)
		}
	})
}

// freePorts are the public port (port, or a free one when 0) and two
// free loopback ports for the hub's API and the proxy's, so hubs and
// tests beside each other do not collide on JupyterHub's defaults.
func freePorts(addr string, port int) ([]int, error) {
	ports := []int{port}
	var keep []net.Listener
	defer func() {
		for _, l := range keep {
			l.Close()
		}
	}()
	for i, a := range []string{addr, "127.0.0.1", "127.0.0.1"} {
		if i == 0 && port != 0 {
			l, err := net.Listen("tcp", net.JoinHostPort(a, strconv.Itoa(port)))
			if err != nil {
				return nil, fmt.Errorf("port %d on %s: %v (choose another with --port)", port, a, err)
			}
			keep = append(keep, l)
			continue
		}
		l, err := net.Listen("tcp", net.JoinHostPort(a, "0"))
		if err != nil {
			return nil, err
		}
		keep = append(keep, l)
		if i == 0 {
			ports[0] = l.Addr().(*net.TCPAddr).Port
		} else {
			ports = append(ports, l.Addr().(*net.TCPAddr).Port)
		}
	}
	return ports, nil
}
