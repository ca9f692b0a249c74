package collect

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"

	"github.com/goconc/goconc/kernel/internal/atomicfile"
)

// FeedbackName is the page a learner finds in their course folder.
const FeedbackName = "feedback.md"

// Returned is what ReturnFeedback did, for its summary.
type Returned struct {
	Learners   []string // feedback written to HOMES/<learner>/course/feedback.md
	NoHome     []string // feedback/<learner>.md with no learner's home for it
	NoFeedback []string // learners' homes with no page in feedback/
	Problems   []string // a line for each page that could not be returned, and why
}

// ReturnFeedback copies each FEEDBACK/<learner>.md (grade's feedback/
// folder) to HOMES/<learner>/course/feedback.md, replacing it whole if
// it is there, and writes nothing else in a home. Run as root, the
// page is given to the owner of the learner's course/ folder. The
// error is its own failure (FEEDBACK or HOMES unreadable).
func ReturnFeedback(feedback, homes string) (Returned, error) {
	var r Returned
	pages, unnamed, err := feedbackPages(feedback)
	if err != nil {
		return r, err
	}
	unwritten := unnamed
	r.Problems, err = eachLearner(homes, func(name string, course *os.Root) error {
		page, ok := pages[name]
		if !ok {
			r.NoFeedback = append(r.NoFeedback, name)
			return nil
		}
		delete(pages, name)
		data, err := os.ReadFile(page)
		if err != nil {
			return err // the instructor's file: their trouble, not the learner's
		}
		if err := atomicfile.WriteIn(course, FeedbackName, data, 0o644, ownedLikeCourse(course)); err != nil {
			unwritten = append(unwritten, fmt.Sprintf("%s/course/%s: %s: not returned", name, FeedbackName, pathless(err)))
			return nil
		}
		r.Learners = append(r.Learners, name)
		return nil
	})
	r.Problems = append(r.Problems, unwritten...)
	if err != nil {
		return r, err
	}
	for name := range pages {
		r.NoHome = append(r.NoHome, name)
	}
	slices.Sort(r.NoHome)
	return r, nil
}

// feedbackPages are the pages in FEEDBACK by learner, and a line for
// each .md there whose name is no learner's (collect takes no such
// learner, so grade has none).
func feedbackPages(feedback string) (pages map[string]string, unnamed []string, err error) {
	entries, err := os.ReadDir(feedback)
	if err != nil {
		return nil, nil, fmt.Errorf("reading the feedback: %w", err)
	}
	pages = map[string]string{}
	for _, e := range entries {
		name, ok := strings.CutSuffix(e.Name(), ".md")
		switch {
		case !ok || strings.HasPrefix(e.Name(), "."):
		case !e.Type().IsRegular() || !SafeName(name):
			unnamed = append(unnamed, fmt.Sprintf("%s: not a page for a learner (%s): not returned", filepath.Join(feedback, e.Name()), nameRule))
		default:
			pages[name] = filepath.Join(feedback, e.Name())
		}
	}
	if len(pages) == 0 {
		return nil, nil, fmt.Errorf("no feedback pages (<learner>.md) in %s: give grade's --out DIR/feedback", feedback)
	}
	return pages, unnamed, nil
}

// ownedLikeCourse, when we run as root, gives a file the owner of the
// course/ folder it is written in, so the learner can read, change and
// delete their page; otherwise the file is ours, as any write makes it.
func ownedLikeCourse(course *os.Root) func(tmp string) error {
	if os.Geteuid() != 0 {
		return nil
	}
	return func(tmp string) error {
		info, err := course.Stat(".")
		if err != nil {
			return err
		}
		st, ok := info.Sys().(*syscall.Stat_t)
		if !ok {
			return nil
		}
		return course.Lchown(tmp, int(st.Uid), int(st.Gid))
	}
}
