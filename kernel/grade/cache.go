package grade

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/goconc/goconc/kernel/check"
	"github.com/goconc/goconc/kernel/internal/atomicfile"
)

// Cache keeps a student's results under a key made of what was
// graded: the exercise cells they handed in, and the course's checks,
// notebooks and grading settings. Nothing else of a submission counts
// for the grade, so nothing else goes into the key: a learner who
// re-runs their notebook (new outputs, same cells) is not graded again.
type Cache struct {
	Dir string
	// Fresh caches what is graded but reads nothing (--fresh), so an
	// interrupted fresh grading still keeps what it finished.
	Fresh  bool
	course string // the hash of the course and the settings
}

// cacheFormat changes when results are computed differently, so old
// entries are not reused.
const cacheFormat = "goconc-grade-1"

// NewCache makes a cache in dir for grading with ch.
func NewCache(dir string, ch *check.Checker) (*Cache, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	course, err := Fingerprint(ch)
	if err != nil {
		return nil, err
	}
	return &Cache{Dir: dir, course: course}, nil
}

// Fingerprint is a hash of what grading with ch depends on besides
// the submissions: the course's lessons, solutions, notebooks and
// modules, the instructor's extra checks, and the grading settings.
func Fingerprint(ch *check.Checker) (string, error) {
	h := sha256.New()
	fmt.Fprintf(h, "%s race=%v timeout=%v limits=%+v sandbox=%v extra=%s\n",
		cacheFormat, ch.Race, ch.Timeout, ch.RunLimits(), ch.Sandbox != nil, ch.Extra.Digest())
	for _, sub := range []string{"lessons", "solutions", "notebooks", "go.mod", "go.sum"} {
		if err := hashTree(h, ch.Course.Root, sub); err != nil {
			return "", err
		}
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// hashTree adds every file under root/sub, by name and content, to h.
func hashTree(h hash.Hash, root, sub string) error {
	return filepath.WalkDir(filepath.Join(root, sub), func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(path, ".solved.ipynb") {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		fmt.Fprintf(h, "\x00%s\x00", rel)
		_, err = io.Copy(h, f)
		return err
	})
}

// Key is the cache key for one student's notebooks.
func (c *Cache) Key(subs []check.Submission) string {
	if c == nil {
		return ""
	}
	h := sha256.New()
	fmt.Fprintln(h, c.course)
	for _, nb := range subs {
		fmt.Fprintf(h, "\x00notebook %s %s %s\n", nb.Name, nb.Status, nb.Why)
		if nb.Notebook == nil {
			continue
		}
		for _, ex := range nb.Notebook.Exercises() {
			if ex.Code != nil {
				fmt.Fprintf(h, "\x00exercise %s\x00%s", ex.ID, ex.Code.Source())
			}
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}

// Get returns the results cached under key.
func (c *Cache) Get(key string) ([]NotebookResult, bool) {
	if c == nil || c.Fresh {
		return nil, false
	}
	data, err := os.ReadFile(c.path(key))
	if err != nil {
		return nil, false
	}
	var results []NotebookResult
	if json.Unmarshal(data, &results) != nil {
		return nil, false
	}
	return results, true
}

// Put caches results under key. A cache that cannot be written only
// makes the next grading slower, so its errors are dropped.
func (c *Cache) Put(key string, results []NotebookResult) {
	if c == nil {
		return
	}
	if data, err := json.Marshal(results); err == nil {
		atomicfile.WriteFile(c.path(key), data)
	}
}

// Fingerprint is the course's and settings' part of every key (see
// the function Fingerprint).
func (c *Cache) Fingerprint() string { return c.course }

func (c *Cache) path(key string) string { return filepath.Join(c.Dir, key+".json") }
