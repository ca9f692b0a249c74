package browser

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/goconc/goconc/kernel/course"
	"github.com/goconc/goconc/kernel/hub"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestAClassOnTheHubWorksIsCollectedGradedAndGetsFeedback is a class
// on one machine, for real: `goconc hub` (real JupyterHub, the quick
// try's class password) on a free loopback port, two learners logging
// in through Chromium, each finding the GoNB kernel and their own copy
// of the course. Ada types the fetch-all solution into its exercise
// cell, saves, and runs the check cell, whose scorecard passes; Bob
// leaves the stubs. Then the hub is stopped (every process it started
// gone), and `goconc collect`, `goconc grade` and `collect
// --return-feedback` give Ada fetch-all pass and Bob fail, with
// course/feedback.md in each home and nothing else changed there.
// It needs `goconc setup --hub --browser` (as root) and runs only with
// GOCONC_HUB set: `make hub`, part of `make test`.
func TestAClassOnTheHubWorksIsCollectedGradedAndGetsFeedback(t *testing.T) {
	c, goconc, artifacts := hubTestSetup(t)
	dir := filepath.Join(t.TempDir(), "hub-class")
	url, stop := startHub(t, goconc, dir, artifacts)
	defer stop()
	require.NotEmpty(t, hub.Marked(dir), "the hub's processes carry its marker")

	cl, err := StartClass(url, artifacts)
	require.NoError(t, err)
	defer cl.Close()
	ctx := t.Context()
	notebooks, err := c.Notebooks()
	require.NoError(t, err)
	var want []string
	for _, nb := range notebooks {
		want = append(want, filepath.Base(nb))
	}

	learners := map[string]*Learner{}
	for _, name := range []string{"ada", "bob"} {
		l, err := cl.LogIn(ctx, name, "class-pw")
		require.NoError(t, err)
		defer l.Close()
		learners[name] = l
		kernels, err := l.Kernels()
		require.NoError(t, err)
		assert.Contains(t, kernels, "gonb", "%s's server offers the GoNB kernel", name)
		files, err := l.Files("course")
		require.NoError(t, err)
		assert.Equal(t, want, files, "%s's own copy of the course", name)
		home, err := l.Files("")
		require.NoError(t, err)
		assert.Equal(t, []string{"course"}, home, "%s sees their home, not the others'", name)
		kernel, err := l.Open("course/01-threads.ipynb")
		require.NoError(t, err)
		assert.Equal(t, "gonb", kernel)
	}

	check := solveFetchAll(t, c, learners["ada"], filepath.Join(artifacts, "ada-01-threads.jpg"))
	assert.Empty(t, check.Errors, "the check cell's errors")
	sc := check.Scorecards[0]
	assert.True(t, sc.Passed && sc.Points == 10 && sc.Max == 10, "fetch-all 10/10; the scorecard: %+v", sc)
	assert.Contains(t, check.Text, "PASS fetch-all")

	for _, l := range learners {
		l.Close()
	}
	stop()
	assert.Empty(t, hub.Marked(dir), "every process the hub started is gone")

	homes := filepath.Join(dir, "homes")
	before := snapshot(t, homes)
	subs, grades := filepath.Join(t.TempDir(), "submissions"), filepath.Join(t.TempDir(), "grades")
	run(t, goconc, "collect", "--homes", homes, "--out", subs)
	assert.Empty(t, changes(before, snapshot(t, homes)), "collect changes nothing in a home")
	run(t, goconc, "grade", "--course", c.Root, "--notebooks", "01-threads", "--out", grades, subs)
	status := fetchAllStatus(t, filepath.Join(grades, "grades.csv"))
	assert.Equal(t, map[string]string{"ada": "pass", "bob": "fail"}, status)
	run(t, goconc, "collect", "--return-feedback", filepath.Join(grades, "feedback"), "--homes", homes)

	after := snapshot(t, homes)
	for _, name := range []string{"ada", "bob"} {
		page := filepath.Join(name, "course", "feedback.md")
		assert.Contains(t, after, page)
		delete(after, page)
		got, err := os.ReadFile(filepath.Join(homes, page))
		require.NoError(t, err)
		sent, err := os.ReadFile(filepath.Join(grades, "feedback", name+".md"))
		require.NoError(t, err)
		assert.Equal(t, string(sent), string(got), "%s's feedback", name)
	}
	assert.Empty(t, changes(before, after), "nothing but feedback.md changed in a home")
}

// hubTestSetup is what every hub test starts from: the course, goconc
// built from it (the hub's hand-out hook runs it), and out/hub/ for the
// hub's log and the pictures. The hub tests run only with GOCONC_HUB
// set (make hub).
func hubTestSetup(t *testing.T) (c *course.Course, goconc, artifacts string) {
	t.Helper()
	if os.Getenv("GOCONC_HUB") == "" {
		t.Skip("the hub tests run with GOCONC_HUB=1 (make hub)")
	}
	c, err := course.Find(".")
	require.NoError(t, err)
	goconc = filepath.Join(t.TempDir(), "goconc")
	build := exec.Command("go", "build", "-o", goconc, "./cmd/goconc")
	build.Dir = c.Root
	out, err := build.CombinedOutput()
	require.NoError(t, err, "%s", out)
	return c, goconc, filepath.Join(c.Root, "out", "hub")
}

// solveFetchAll types the fetch-all solution into the open 01-threads
// notebook of learner l, runs the setup, exercise and check cells as
// the learner would, saves a picture of the page as shot, and returns
// the check cell, which must show one scorecard.
func solveFetchAll(t *testing.T, c *course.Course, l *Learner, shot string) PageCell {
	t.Helper()
	solution, err := c.Solution("threads", "fetch-all")
	require.NoError(t, err)
	require.NoError(t, l.Type("exercise:fetch-all", solution))
	cells, took, err := l.Run(5*time.Minute, "exercise:fetch-all", "check:fetch-all")
	require.NoError(t, err)
	require.Len(t, cells, 3)
	t.Logf("%s: the setup cell, the exercise cell and the check cell, their first cells, in %.1fs", l.Name, took.Seconds())
	require.Len(t, cells[2].Scorecards, 1, "the check cell shows a scorecard; it shows:\n%s", cells[2].Text)
	require.NoError(t, l.Screenshot(shot))
	return cells[2]
}

// startHub starts `goconc hub` on a free port with the quick try's
// class password (or the flags given: --pam) and returns its URL,
// read from what it prints, and a stop that sends it SIGTERM (as
// Ctrl-C would) and waits for it to exit.
func startHub(t *testing.T, goconc, dir, artifacts string, auth ...string) (string, func()) {
	t.Helper()
	require.NoError(t, os.MkdirAll(artifacts, 0o755))
	log, err := os.Create(filepath.Join(artifacts, "jupyterhub"+strings.Join(auth, "")+".log"))
	require.NoError(t, err)
	if len(auth) == 0 {
		auth = []string{"--password", "class-pw"}
	}
	cmd := exec.Command(goconc, append([]string{"hub", "--port", "0", "--dir", dir}, auth...)...)
	stdout, err := cmd.StdoutPipe()
	require.NoError(t, err)
	cmd.Stderr = log
	require.NoError(t, cmd.Start())
	exited := make(chan error, 1)
	urls := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			if u, ok := strings.CutPrefix(strings.TrimSpace(sc.Text()), "http://"); ok {
				urls <- "http://" + u
			}
		}
		exited <- cmd.Wait()
	}()
	stopped := false
	stop := func() {
		if stopped {
			return
		}
		stopped = true
		cmd.Process.Signal(syscall.SIGTERM)
		select {
		case err := <-exited:
			assert.NoError(t, err, "goconc hub exits 0 on SIGTERM")
		case <-time.After(2 * time.Minute):
			cmd.Process.Kill()
			t.Error("goconc hub did not stop within 2 minutes of SIGTERM")
		}
		log.Close()
	}
	select {
	case u := <-urls:
		return u, stop
	case err := <-exited:
		t.Fatalf("goconc hub exited (%v); see %s", err, log.Name())
	case <-time.After(3 * time.Minute):
		stop()
		t.Fatalf("goconc hub did not serve within 3 minutes; see %s", log.Name())
	}
	return "", nil
}

// snapshot is every file and folder under root, with its mode, and
// each file's size and modification time.
func snapshot(t *testing.T, root string) map[string]string {
	t.Helper()
	files := map[string]string{}
	require.NoError(t, filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		files[rel] = info.Mode().String() // a folder's mtime moves when a file is added
		if !d.IsDir() {
			files[rel] += " " + info.ModTime().UTC().Format(time.RFC3339Nano) + " " + strconv.FormatInt(info.Size(), 10)
		}
		return nil
	}))
	return files
}

// changes are the paths added, removed or changed from before to
// after, each with what it was and is.
func changes(before, after map[string]string) []string {
	var diff []string
	for p, was := range before {
		if now, ok := after[p]; !ok || now != was {
			diff = append(diff, fmt.Sprintf("%s: %q -> %q", p, was, now))
		}
	}
	for p, now := range after {
		if _, ok := before[p]; !ok {
			diff = append(diff, fmt.Sprintf("%s: added %q", p, now))
		}
	}
	sort.Strings(diff)
	return diff
}

// run runs goconc and fails the test, with its output, if it fails.
func run(t *testing.T, goconc string, args ...string) {
	t.Helper()
	out, err := exec.Command(goconc, args...).CombinedOutput()
	t.Logf("goconc %s:\n%s", strings.Join(args, " "), out)
	require.NoError(t, err, "goconc %s", strings.Join(args, " "))
}

// fetchAllStatus is each learner's fetch-all status in grades.csv.
func fetchAllStatus(t *testing.T, path string) map[string]string {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	require.NoError(t, err)
	status := map[string]string{}
	for _, r := range rows[1:] {
		if r[2] == "fetch-all" {
			status[r[0]] = r[5]
		}
	}
	return status
}
