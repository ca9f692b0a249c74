package browser

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"time"

	"github.com/chromedp/chromedp"
)

// Class is a headless Chromium in which learners log into a JupyterHub,
// each in a browser context of their own (their own cookies), as if
// each sat at their own machine.
type Class struct {
	hub     string // the hub's URL, ending in /
	browser context.Context
	stop    []func()
}

// StartClass starts Chromium for learners of the hub at hubURL; its
// output goes to artifacts/chromium-hub.log. Close ends it.
func StartClass(hubURL, artifacts string) (cl *Class, err error) {
	chromium, err := exec.LookPath("chromium")
	if err != nil {
		return nil, fmt.Errorf("chromium is not installed: run `goconc setup --browser` as root, or `sudo %s`", InstallChromium)
	}
	if err := os.MkdirAll(artifacts, 0o755); err != nil {
		return nil, err
	}
	log, err := os.Create(filepath.Join(artifacts, "chromium-hub.log"))
	if err != nil {
		return nil, err
	}
	cl = &Class{hub: hubURL, stop: []func(){func() { log.Close() }}}
	ctx, stops, err := startChromium(chromium, log, artifacts)
	cl.stop = append(cl.stop, stops...)
	if err != nil {
		cl.Close()
		return nil, err
	}
	cl.browser = ctx
	return cl, nil
}

// Close ends Chromium.
func (cl *Class) Close() {
	for i := len(cl.stop) - 1; i >= 0; i-- {
		cl.stop[i]()
	}
	cl.stop = nil
}

// Learner is one learner's browser tab, logged into the hub.
type Learner struct {
	Name  string
	user  string // the learner's server: HUB/user/NAME/
	tab   context.Context
	close func()
}

// LogIn opens the hub's login page in a fresh browser context, types
// the name and password, submits, and waits until the learner's
// server shows the course folder (the hub spawns it, the hand-out
// runs first).
func (cl *Class) LogIn(ctx context.Context, name, password string) (*Learner, error) {
	tab, closeTab := chromedp.NewContext(cl.browser, chromedp.WithNewBrowserContext())
	stopWatch := context.AfterFunc(ctx, closeTab)
	l := &Learner{Name: name, user: cl.hub + "user/" + url.PathEscape(name) + "/", tab: tab,
		close: func() { stopWatch(); closeTab() }}
	err := chromedp.Do(tab,
		chromedp.Navigate(cl.hub+"hub/login"),
		chromedp.WaitVisible(chromedp.CSS("#username_input")),
		chromedp.SendKeys(chromedp.CSS("#username_input"), name),
		chromedp.SendKeys(chromedp.CSS("#password_input"), password),
		chromedp.Click(chromedp.CSS("#login_submit")),
	)
	if err != nil {
		l.Close()
		return nil, fmt.Errorf("%s: logging in: %w", name, err)
	}
	if err := waitFor(tab, treeShown, 3*time.Minute); err != nil {
		l.Close()
		return nil, fmt.Errorf("%s: the notebook server did not show the course after login (%v)%s", name, err, trouble(tab))
	}
	return l, nil
}

// Close closes the learner's tab and browser context.
func (l *Learner) Close() { l.close() }

// Kernels are the names of the kernels the learner's server offers.
func (l *Learner) Kernels() ([]string, error) {
	return chromedp.Run(l.tab, chromedp.Evaluate[[]string](
		`fetch('`+l.user+`api/kernelspecs').then((r) => r.json()).then((j) => Object.keys(j.kernelspecs).sort())`,
		chromedp.EvalAwaitPromise))
}

// Files are the names in a folder of the learner's server, as its
// contents API lists them to the learner's page.
func (l *Learner) Files(folder string) ([]string, error) {
	return chromedp.Run(l.tab, chromedp.Evaluate[[]string](
		`fetch('`+l.user+`api/contents/`+folder+`').then((r) => r.json()).then((j) => (j.content || []).map((f) => f.name).sort())`,
		chromedp.EvalAwaitPromise))
}

// Open opens a notebook of the learner's home in the tab and waits
// until its kernel is connected; it returns the kernel's name.
func (l *Learner) Open(path string) (string, error) {
	if err := chromedp.Do(l.tab, chromedp.Navigate(l.user+"notebooks/"+path)); err != nil {
		return "", fmt.Errorf("%s: opening %s: %w", l.Name, path, err)
	}
	if _, err := chromedp.Run(l.tab, chromedp.Poll[bool](kernelReady,
		chromedp.WithPollingInterval(300*time.Millisecond),
		chromedp.WithPollingTimeout(3*time.Minute))); err != nil {
		return "", fmt.Errorf("%s: the kernel of %s did not connect (%v)%s", l.Name, path, err, trouble(l.tab))
	}
	return chromedp.Run(l.tab, chromedp.Evaluate[string](`Jupyter.notebook.kernel.name`))
}

// Type replaces the text of the cell tagged tag, as typing it over the
// cell's text in the editor does, and saves the notebook (File ▸
// Save), waiting until the server has it.
func (l *Learner) Type(tag, text string) error {
	if _, err := chromedp.Run(l.tab, chromedp.Evaluate[bool](fmt.Sprintf("%s(%q, %q)", setTagged, tag, text))); err != nil {
		return fmt.Errorf("%s: typing into the cell tagged %s: %w", l.Name, tag, err)
	}
	if _, err := chromedp.Run(l.tab, chromedp.Evaluate[bool](saveNotebook, chromedp.EvalAwaitPromise)); err != nil {
		return fmt.Errorf("%s: saving: %w", l.Name, err)
	}
	return nil
}

// Run runs the first code cell (the setup cell) and the cells tagged
// with tags, in notebook order, waits until they are done, and returns
// what the page shows of each, in the same order.
func (l *Learner) Run(limit time.Duration, tags ...string) ([]PageCell, time.Duration, error) {
	indices, err := chromedp.Run(l.tab, chromedp.Evaluate[[]int](fmt.Sprintf("%s(%s)", setupAndTagged, jsStrings(tags))))
	if err != nil {
		return nil, 0, fmt.Errorf("%s: finding cells: %w", l.Name, err)
	}
	start := time.Now()
	if err := chromedp.Do(l.tab, chromedp.Evaluate[chromedp.Void](fmt.Sprintf("%s(%s)", runCells, jsInts(indices)))); err != nil {
		return nil, 0, fmt.Errorf("%s: running cells: %w", l.Name, err)
	}
	for {
		p, err := chromedp.Run(l.tab, chromedp.Evaluate[pageProgress](progress))
		if err != nil {
			return nil, 0, fmt.Errorf("%s: reading the page: %w", l.Name, err)
		}
		if p.Pending == 0 && !p.Busy {
			break
		}
		if time.Since(start) > limit {
			return nil, 0, fmt.Errorf("%s: cells still running after %s%s", l.Name, limit, trouble(l.tab))
		}
		time.Sleep(300 * time.Millisecond)
	}
	took := time.Since(start)
	all, err := chromedp.Run(l.tab, chromedp.Evaluate[[]PageCell](readCells))
	if err != nil {
		return nil, 0, fmt.Errorf("%s: reading the page: %w", l.Name, err)
	}
	var shown []PageCell
	for _, i := range indices {
		all[i].Index = i
		shown = append(shown, all[i])
	}
	return shown, took, nil
}

// Screenshot saves the whole page as a JPEG.
func (l *Learner) Screenshot(path string) error {
	if err := chromedp.Do(l.tab, chromedp.Evaluate[chromedp.Void](expandPage)); err != nil {
		return err
	}
	shot, err := chromedp.Run(l.tab, chromedp.FullScreenshot(80))
	if err != nil {
		return err
	}
	return os.WriteFile(path, shot, 0o644)
}

// waitFor evaluates a JavaScript condition until it is true, through
// the page's redirects (login, spawn-pending, the learner's tree),
// where an evaluation may fail because the page is being replaced.
func waitFor(tab context.Context, cond string, limit time.Duration) error {
	deadline := time.Now().Add(limit)
	var last error
	for time.Now().Before(deadline) {
		ok, err := chromedp.Run(tab, chromedp.Evaluate[bool](cond))
		if err == nil && ok {
			return nil
		}
		if err != nil {
			last = err
		}
		if tab.Err() != nil {
			return tab.Err()
		}
		time.Sleep(500 * time.Millisecond)
	}
	return fmt.Errorf("not within %s (last: %v)", limit, last)
}
