package browser

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/chromedp/chromedp"
)

// shootSched saves a picture of each cell of the page that shows a
// scheduler view (timeline.ShowSched), as sched-NOTEBOOK-CELL.png, so a
// reader can see the views as a learner's browser drew them.
func (s *Session) shootSched(tab context.Context, res *Result) error {
	notebook := strings.TrimSuffix(res.Notebook, ".ipynb")
	for _, c := range res.Cells {
		if c.Sched == 0 {
			continue
		}
		if err := s.shootCell(tab, c, res, "sched-"+notebook+"-"+c.ID+".png"); err != nil {
			return err
		}
	}
	return nil
}

// shootCell saves a picture of cell c of the page as name in the
// artifacts folder, and lists it in res.Pictured.
func (s *Session) shootCell(tab context.Context, c PageCell, res *Result, name string) error {
	if err := chromedp.Do(tab, chromedp.Evaluate[chromedp.Void](fmt.Sprintf("%s(%d)", markCell, c.Index))); err != nil {
		return err
	}
	shot, err := chromedp.Run(tab, chromedp.Screenshot(chromedp.CSS("#goconc-shot")))
	if err != nil {
		return fmt.Errorf("picture of cell %s: %w", c.ID, err)
	}
	file := filepath.Join(s.opt.Artifacts, name)
	if err := os.WriteFile(file, shot, 0o644); err != nil {
		return err
	}
	res.Pictured = append(res.Pictured, file)
	return nil
}
