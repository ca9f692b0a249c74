package browser

import (
	"crypto/rand"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goconc/goconc/kernel/hub"
)

// TestTheMachinesUsersLogInThroughPAMAndWorkAsThemselves is a real
// class's path, as the README's "A real class" section gives it: two
// Unix users made with useradd and chpasswd (homes 0700, under a
// folder of the test's), `goconc hub --pam` as root, each learner
// logging in through Chromium with their own password. Each finds the
// GoNB kernel and their copy of the course, owned by them; Ada solves
// fetch-all and her check cell passes, run as her; collect and grade
// see it. The users and their homes are removed at the end. It runs
// with `make hub`, as root.
func TestTheMachinesUsersLogInThroughPAMAndWorkAsThemselves(t *testing.T) {
	c, goconc, artifacts := hubTestSetup(t)
	require.Zero(t, os.Geteuid(), "a PAM hub runs as root (make hub runs as root)")

	// The homes' parent must be open to the users, as /home is.
	homes, err := os.MkdirTemp("", "goconc-pam-homes-")
	require.NoError(t, err)
	require.NoError(t, os.Chmod(homes, 0o755))
	t.Cleanup(func() { os.RemoveAll(homes) })
	suffix := strconv.Itoa(os.Getpid() % 100000)
	ada, bob := "gcada"+suffix, "gcbob"+suffix
	// Random passwords: a run stopped before its cleanup (Ctrl-C, the
	// test binary's timeout) leaves the users behind, with a login
	// shell, and a password made of the pid would be one anyone could
	// guess.
	passwords := map[string]string{ada: rand.Text(), bob: rand.Text()}
	for name, pw := range passwords {
		addUser(t, name, pw, filepath.Join(homes, name))
	}

	dir := filepath.Join(t.TempDir(), "pam-hub")
	hubURL, stop := startHub(t, goconc, dir, artifacts, "--pam")
	defer stop()
	cl, err := StartClass(hubURL, artifacts)
	require.NoError(t, err)
	defer cl.Close()

	learners := map[string]*Learner{}
	for _, name := range []string{ada, bob} {
		l, err := cl.LogIn(t.Context(), name, passwords[name])
		require.NoError(t, err)
		defer l.Close()
		learners[name] = l
		kernels, err := l.Kernels()
		require.NoError(t, err)
		assert.Contains(t, kernels, "gonb", "%s's server offers the GoNB kernel", name)
		files, err := l.Files("course")
		require.NoError(t, err)
		assert.Contains(t, files, "01-threads.ipynb", "%s's own copy of the course", name)
		assert.Equal(t, name, ownerOf(t, filepath.Join(homes, name, "course", "01-threads.ipynb")),
			"the hand-out, run as root, gives the copy to its learner")
	}
	status, _ := login(t, hubURL, ada, passwords[ada])
	assert.Equal(t, http.StatusFound, status, "Ada's password lets her in: on to her server")
	status, page := login(t, hubURL, ada, passwords[bob])
	assert.Equal(t, http.StatusOK, status, "Bob's password does not let anyone in as Ada: the login page again")
	assert.Contains(t, page, "Invalid username or password")

	l := learners[ada]
	_, err = l.Open("course/01-threads.ipynb")
	require.NoError(t, err)
	check := solveFetchAll(t, c, l, filepath.Join(artifacts, "pam-ada-01-threads.jpg"))
	assert.True(t, check.Scorecards[0].Passed, "%+v", check.Scorecards[0])
	assert.Equal(t, ada, ownerOf(t, filepath.Join(homes, ada, ".cache", "go-build")),
		"her cells built in her own cache, as her")

	for _, l := range learners {
		l.Close()
	}
	stop()
	assert.Empty(t, hub.Marked(dir), "every process the hub started is gone")

	subs, grades := filepath.Join(t.TempDir(), "submissions"), filepath.Join(t.TempDir(), "grades")
	run(t, goconc, "collect", "--homes", homes, "--out", subs)
	run(t, goconc, "grade", "--course", c.Root, "--notebooks", "01-threads", "--out", grades, subs)
	assert.Equal(t, map[string]string{ada: "pass", bob: "fail"}, fetchAllStatus(t, filepath.Join(grades, "grades.csv")))
}

// addUser makes a Unix user with a password and a home of their own
// (0700, as Debian makes them), as the README tells root to, and
// removes both when the test ends.
func addUser(t *testing.T, name, password, home string) {
	t.Helper()
	out, err := exec.Command("useradd", "--create-home", "--home-dir", home, "--shell", "/bin/bash", name).CombinedOutput()
	require.NoError(t, err, "useradd %s: %s", name, out)
	t.Cleanup(func() {
		exec.Command("pkill", "-KILL", "-u", name).Run()
		if out, err := exec.Command("userdel", "--remove", name).CombinedOutput(); err != nil {
			t.Logf("userdel %s: %v: %s", name, err, out)
		}
	})
	require.NoError(t, os.Chmod(home, 0o700))
	chpasswd := exec.Command("chpasswd")
	chpasswd.Stdin = strings.NewReader(name + ":" + password + "\n")
	out, err = chpasswd.CombinedOutput()
	require.NoError(t, err, "chpasswd: %s", out)
}

// ownerOf is the name of the user that owns path.
func ownerOf(t *testing.T, path string) string {
	t.Helper()
	info, err := os.Stat(path)
	require.NoError(t, err)
	u, err := user.LookupId(fmt.Sprint(info.Sys().(*syscall.Stat_t).Uid))
	require.NoError(t, err)
	return u.Username
}

// login sends the hub's login form as the page sends it (with the
// form's _xsrf cookie and field) and returns the answer's status and
// page: 302 on to the learner's server, or the login page again.
func login(t *testing.T, hubURL, name, password string) (int, string) {
	t.Helper()
	jar, err := cookiejar.New(nil)
	require.NoError(t, err)
	client := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Get(hubURL + "hub/login")
	require.NoError(t, err)
	resp.Body.Close()
	form := url.Values{"username": {name}, "password": {password}}
	u, err := url.Parse(hubURL + "hub/login")
	require.NoError(t, err)
	for _, c := range jar.Cookies(u) {
		if c.Name == "_xsrf" {
			form.Set("_xsrf", c.Value)
		}
	}
	resp, err = client.PostForm(hubURL+"hub/login", form)
	require.NoError(t, err)
	defer resp.Body.Close()
	page, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp.StatusCode, string(page)
}
