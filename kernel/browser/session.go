// Package browser runs the course's notebooks the way a learner meets
// them: Jupyter Notebook's page in a real browser (Debian's Chromium,
// headless), Run All, the real GoNB kernel, and then what the page
// shows. Headless runs (jupyter.Run) read the outputs Jupyter records;
// this package reads the page, so it also catches what only a browser
// shows: a picture that does not render, an output the notebook UI
// drops, a kernel the notebook server cannot start.
//
// It drives Chromium over the DevTools protocol with chromedp. The
// browser test (browser_test.go, `make browser`) uses it on every
// notebook of the course.
package browser

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/goconc/goconc/kernel/course"
	"github.com/goconc/goconc/kernel/jupyter"
)

// InstallChromium is the command that installs the browser on Debian
// and Ubuntu (`goconc setup --browser` runs it when root).
const InstallChromium = "apt-get install -y --no-install-recommends chromium"

// Options are the choices of a browser session.
type Options struct {
	// Artifacts is the folder for screenshots, the executed notebooks
	// and the logs of Jupyter and Chromium (make browser: out/browser).
	Artifacts string
	// CellTimeout is how long any one cell may run (default 3m).
	CellTimeout time.Duration
	// Scorecards are the exercises whose check cells are pictured,
	// as Artifacts/scorecard-ID.solved.png and .stub.png.
	Scorecards []string
}

// Session is a Jupyter Notebook server on the course and a headless
// Chromium that opens its notebooks, one tab per notebook.
type Session struct {
	course  *course.Course
	opt     Options
	srv     *jupyter.Server
	browser context.Context
	stop    []func()
}

// Start starts Jupyter Notebook on the course (on a free loopback port
// with a fresh token, as `goconc open` does) and Chromium. Close ends
// both.
func Start(ctx context.Context, c *course.Course, opt Options) (s *Session, err error) {
	if opt.CellTimeout == 0 {
		opt.CellTimeout = 3 * time.Minute
	}
	chromium, err := exec.LookPath("chromium")
	if err != nil {
		return nil, fmt.Errorf("chromium is not installed: run `goconc setup --browser` as root, or `sudo %s`", InstallChromium)
	}
	if err := os.MkdirAll(opt.Artifacts, 0o755); err != nil {
		return nil, err
	}
	s = &Session{course: c, opt: opt}
	defer func() {
		if err != nil {
			s.Close()
		}
	}()
	jupyterLog, err := s.logFile("jupyter.log")
	if err != nil {
		return nil, err
	}
	if s.srv, err = jupyter.StartServer(ctx, c, 0, false, jupyterLog); err != nil {
		return nil, err
	}
	s.stop = append(s.stop, s.srv.Stop)
	chromiumLog, err := s.logFile("chromium.log")
	if err != nil {
		return nil, err
	}
	browserCtx, stops, err := startChromium(chromium, chromiumLog, opt.Artifacts)
	s.stop = append(s.stop, stops...) // run in reverse
	if err != nil {
		return nil, err
	}
	s.browser = browserCtx
	return s, nil
}

// startChromium starts a headless Chromium, its output to log, and
// returns its context and what ends it, to be run in reverse.
func startChromium(chromium string, log io.Writer, artifacts string) (context.Context, []func(), error) {
	flags := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.WindowSize(1280, 1024),
		chromedp.CombinedOutput(log),
	)
	if os.Geteuid() == 0 {
		flags = append(flags, chromedp.NoSandbox) // Chromium's sandbox refuses root
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), flags...)
	browserCtx, cancelBrowser := chromedp.NewContext(allocCtx,
		chromedp.WithErrorf(func(format string, args ...any) {
			fmt.Fprintf(log, "chromedp: "+format+"\n", args...)
		}))
	stops := []func(){cancelAlloc, cancelBrowser}
	if err := chromedp.Do(browserCtx); err != nil { // starts the browser
		return nil, stops, fmt.Errorf("starting %s: %w (its output is in %s)", chromium, err, filepath.Join(artifacts, "chromium.log"))
	}
	return browserCtx, stops, nil
}

// Close ends Chromium, then Jupyter and its kernels.
func (s *Session) Close() {
	for i := len(s.stop) - 1; i >= 0; i-- {
		s.stop[i]()
	}
	s.stop = nil
}

// logFile creates an artifact file that is closed with the session.
func (s *Session) logFile(name string) (io.Writer, error) {
	f, err := os.Create(filepath.Join(s.opt.Artifacts, name))
	if err != nil {
		return nil, err
	}
	s.stop = append(s.stop, func() { f.Close() })
	return f, nil
}
