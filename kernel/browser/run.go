package browser

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/goconc/goconc/kernel/excerpt"
	"github.com/goconc/goconc/kernel/notebook"

	"github.com/chromedp/chromedp"
)

// Run opens a course notebook with its reference solutions in place,
// runs all its cells in the page, waits until the kernel has finished
// them, and reads what the page shows. It saves a screenshot of the
// whole page and the executed notebook in the artifacts folder.
//
// The solved copy is written beside the notebook as
// NAME.browser.solved.ipynb (git-ignored, like every *.solved.ipynb,
// and removed afterwards): the notebook's setup cell finds the course
// as the folder above the notebook's, so the copy must live in
// notebooks/ too. The course notebook itself is never written.
func (s *Session) Run(ctx context.Context, path string) (*Result, error) {
	nb, err := notebook.Read(path)
	if err != nil {
		return nil, err
	}
	if err := s.course.PasteSolutions(nb); err != nil {
		return nil, err
	}
	return s.run(ctx, nb, path, ".browser.solved", nil)
}

// run opens nb, read from path, as a copy NAME+suffix.ipynb beside it,
// and runs all its cells, or only those at the indices in cells.
func (s *Session) run(ctx context.Context, nb *notebook.Notebook, path, suffix string, cells []int) (*Result, error) {
	name := strings.TrimSuffix(filepath.Base(path), ".ipynb")
	copyName := name + suffix + ".ipynb"
	copyPath := filepath.Join(filepath.Dir(path), copyName)
	if err := nb.Write(copyPath); err != nil {
		return nil, err
	}
	defer os.Remove(copyPath)
	defer s.shutdownKernel(copyName) // after the tab is closed

	tab, closeTab := chromedp.NewContext(s.browser)
	defer closeTab()
	stopWatch := context.AfterFunc(ctx, closeTab) // a cancelled test closes the tab
	defer stopWatch()

	res := &Result{Notebook: filepath.Base(path)}
	pageURL := s.srv.Base + "/notebooks/" + url.PathEscape(copyName) + "?token=" + s.srv.Token
	if err := chromedp.Do(tab, chromedp.Navigate(pageURL)); err != nil {
		return nil, fmt.Errorf("%s: opening %s: %w", res.Notebook, pageURL, err)
	}
	if _, err := chromedp.Run(tab, chromedp.Poll[bool](kernelReady,
		chromedp.WithPollingInterval(200*time.Millisecond),
		chromedp.WithPollingTimeout(2*time.Minute))); err != nil {
		return nil, fmt.Errorf("%s: the GoNB kernel did not connect in the page (%v)%s", res.Notebook, err, trouble(tab))
	}

	start := time.Now()
	script := runAll
	if cells != nil {
		indices, _ := json.Marshal(cells)
		script = fmt.Sprintf("%s(%s)", runCells, indices)
	}
	if err := chromedp.Do(tab, chromedp.Evaluate[chromedp.Void](script)); err != nil {
		return nil, fmt.Errorf("%s: Run All: %w", res.Notebook, err)
	}
	if err := s.waitDone(tab, nb, res.Notebook); err != nil {
		return nil, err
	}
	res.Elapsed = time.Since(start)

	shown, err := chromedp.Run(tab, chromedp.Evaluate[[]PageCell](readCells))
	if err != nil {
		return nil, fmt.Errorf("%s: reading the page: %w", res.Notebook, err)
	}
	if len(shown) != len(nb.Cells) {
		return nil, fmt.Errorf("%s: the page shows %d cells, the notebook has %d", res.Notebook, len(shown), len(nb.Cells))
	}
	for i, c := range shown {
		c.Index, c.Source, c.Tags = i, nb.Cells[i].Source(), nb.Cells[i].Tags()
		if c.ID == "" {
			c.ID = nb.Cells[i].ID()
		}
		res.Cells = append(res.Cells, c)
	}
	if suffix != ".browser.solved" {
		name += strings.TrimPrefix(suffix, ".browser")
	}
	if err := s.saveArtifacts(tab, name, res); err != nil {
		return nil, fmt.Errorf("%s: %w", res.Notebook, err)
	}
	if err := s.shootScorecards(tab, res, strings.TrimPrefix(suffix, ".browser")); err != nil {
		return nil, fmt.Errorf("%s: %w", res.Notebook, err)
	}
	if suffix == ".browser.solved" {
		if err := s.shootSched(tab, res); err != nil {
			return nil, fmt.Errorf("%s: %w", res.Notebook, err)
		}
	}
	return res, nil
}

// waitDone polls the page until no cell is queued or running and the
// kernel is idle. A cell that runs longer than the cell timeout ends
// the wait with its id.
func (s *Session) waitDone(tab context.Context, nb *notebook.Notebook, notebook string) error {
	running, since := -1, time.Now()
	for {
		p, err := chromedp.Run(tab, chromedp.Evaluate[pageProgress](progress))
		if err != nil {
			return fmt.Errorf("%s: reading the page during Run All: %w", notebook, err)
		}
		if p.Pending == 0 && !p.Busy {
			return nil
		}
		if p.Running != running {
			running, since = p.Running, time.Now()
		}
		if running >= 0 && running < len(nb.Cells) && time.Since(since) > s.opt.CellTimeout {
			return fmt.Errorf("%s: cell %s (#%d) still running after %s%s",
				notebook, nb.Cells[running].ID(), running, s.opt.CellTimeout, trouble(tab))
		}
		time.Sleep(250 * time.Millisecond)
	}
}

// trouble is what the page says is wrong (an open dialog, the kernel
// indicator), as a suffix for an error message, or "".
func trouble(tab context.Context) string {
	text, err := chromedp.Run(tab, chromedp.Evaluate[string](pageTrouble))
	if err != nil || strings.TrimSpace(text) == "" {
		return ""
	}
	return "; the page says:\n" + excerpt.Indent(text, "    | ")
}

// saveArtifacts writes a screenshot of the whole page (NAME.jpg) and
// the executed notebook as the page holds it (NAME.ipynb).
func (s *Session) saveArtifacts(tab context.Context, name string, res *Result) error {
	nbJSON, err := chromedp.Run(tab, chromedp.Evaluate[string](notebookJSON))
	if err != nil {
		return fmt.Errorf("reading the executed notebook: %w", err)
	}
	res.Executed = filepath.Join(s.opt.Artifacts, name+".ipynb")
	if err := os.WriteFile(res.Executed, []byte(nbJSON+"\n"), 0o644); err != nil {
		return err
	}
	if err := chromedp.Do(tab, chromedp.Evaluate[chromedp.Void](expandPage)); err != nil {
		return fmt.Errorf("expanding the page: %w", err)
	}
	shot, err := chromedp.Run(tab, chromedp.FullScreenshot(80))
	if err != nil {
		return fmt.Errorf("screenshot: %w", err)
	}
	res.Screenshot = filepath.Join(s.opt.Artifacts, name+".jpg")
	return os.WriteFile(res.Screenshot, shot, 0o644)
}

// shutdownKernel ends the kernel of the notebook's session through the
// notebook server's REST API, so kernels do not pile up one per
// notebook.
func (s *Session) shutdownKernel(notebookName string) {
	api := s.srv.Base + "/api/sessions"
	var sessions []struct {
		ID   string `json:"id"`
		Path string `json:"path"`
	}
	if err := getJSON(api+"?token="+s.srv.Token, &sessions); err != nil {
		return
	}
	for _, se := range sessions {
		if se.Path == notebookName {
			req, _ := http.NewRequest(http.MethodDelete, api+"/"+se.ID+"?token="+s.srv.Token, nil)
			if resp, err := http.DefaultClient.Do(req); err == nil {
				resp.Body.Close()
			}
		}
	}
}
