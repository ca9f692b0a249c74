package check

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"go/parser"
	"go/token"
	"hash"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/goconc/goconc/kernel/course"
	"github.com/goconc/goconc/kernel/gonbcell"
	"github.com/goconc/goconc/kernel/notebook"
	"github.com/goconc/goconc/lessons/exercise"
)

// ExtraChecks are an instructor's checks beyond the course's, which
// learners never see (nbgrader and otter-grader call them hidden
// tests). They live in a folder of their own, one folder per exercise:
//
//	extra/fetch-all/many_pages_test.go
//
// Each file is Go written like the exercise's check cell: it sees the
// learner's exercise cell (FetchAll) as the check cell does, and its
// TestXxx functions call exercise.Check with parts worth points. Its
// package clause is replaced, and missing imports are added as GoNB
// adds them. The grader builds them with each learner's cell, runs them
// after the course's check in the same process and sandbox, and counts
// their points; ValidateExtra runs them on the course's solutions
// first. kernel/testdata/extra-checks is a worked example.
type ExtraChecks struct {
	Dir    string
	files  map[string][]extraFile // exercise id → its files, as Go of the exercise's package
	checks map[string][]string    // exercise id → their Test functions
	fileOf map[string]string      // "id TestX" → the file it is in, for messages
	topic  map[string]string      // exercise id → its lesson package
	digest string

	mu        sync.Mutex
	validated bool
	claims    map[string][]exercise.PartScore // "id TestX" → its claims, learned from the solution
}

// extraFile is one of the instructor's files, ready to compile.
type extraFile struct {
	name string // "fetch-all/many_pages_test.go"
	src  []byte
}

// LoadExtraChecks reads dir. A file that does not parse, a folder that
// names no exercise of the course, a Go file outside any folder, or an
// exercise folder without a Test function is an error, in one line.
func LoadExtraChecks(c *course.Course, dir string) (*ExtraChecks, error) {
	topics, err := exerciseTopics(c)
	if err != nil {
		return nil, err
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("extra checks: %w", err)
	}
	x := &ExtraChecks{Dir: dir, files: map[string][]extraFile{}, checks: map[string][]string{},
		fileOf: map[string]string{}, topic: topics, claims: map[string][]exercise.PartScore{}}
	digest := sha256.New()
	for _, e := range entries {
		name := e.Name()
		switch {
		case strings.HasPrefix(name, "."):
		case !e.IsDir() && strings.HasSuffix(name, ".go"):
			return nil, fmt.Errorf("extra check %s: put it in a folder named for its exercise, %s/<exercise-id>/%s", name, dir, name)
		case !e.IsDir(): // a README beside the folders
		case topics[name] == "":
			return nil, fmt.Errorf("extra checks: folder %q names no exercise of the course (it has %s)", name, strings.Join(slices.Sorted(maps.Keys(topics)), ", "))
		default:
			if err := x.loadExercise(c, name, digest); err != nil {
				return nil, err
			}
		}
	}
	if len(x.files) == 0 {
		return nil, fmt.Errorf("extra checks: nothing in %s: want %s/<exercise-id>/*_test.go", dir, dir)
	}
	x.digest = hex.EncodeToString(digest.Sum(nil))
	return x, nil
}

// loadExercise reads the .go files of dir/id, in name order.
func (x *ExtraChecks) loadExercise(c *course.Course, id string, digest hash.Hash) error {
	paths, _ := filepath.Glob(filepath.Join(x.Dir, id, "*.go"))
	if len(paths) == 0 {
		return fmt.Errorf("extra checks: %s holds no .go file", filepath.Join(x.Dir, id))
	}
	for _, path := range paths {
		name := id + "/" + filepath.Base(path)
		data, err := os.ReadFile(path)
		if err != nil {
			return fmt.Errorf("extra check %s: %w", name, err)
		}
		fmt.Fprintf(digest, "\x00%s\x00%s", name, data)
		src, err := gonbcell.CellFile("submission", name, withoutPackageClause(data), c.Root)
		if err != nil {
			return fmt.Errorf("extra check %s: %s", name, strings.TrimPrefix(err.Error(), name+": "))
		}
		x.files[id] = append(x.files[id], extraFile{name, src})
		for _, t := range testFuncs(src) {
			if slices.Contains(x.checks[id], t) {
				return fmt.Errorf("extra check %s: %s is declared twice", name, t)
			}
			x.checks[id] = append(x.checks[id], t)
			x.fileOf[id+" "+t] = name
		}
	}
	if len(x.checks[id]) == 0 {
		return fmt.Errorf("extra checks of %s: no func TestXxx(t *testing.T) in %s (each calls exercise.Check with parts worth points)", id, filepath.Join(x.Dir, id))
	}
	return nil
}

// withoutPackageClause blanks the file's package clause, keeping its
// lines, so the rest reads as a cell; a file without one is a cell.
func withoutPackageClause(data []byte) string {
	f, err := parser.ParseFile(token.NewFileSet(), "", data, parser.PackageClauseOnly)
	if err != nil {
		return string(data)
	}
	src := []byte(string(data))
	for i := int(f.Package - f.FileStart); i < int(f.Name.End()-f.FileStart); i++ {
		src[i] = ' '
	}
	return string(src)
}

// exerciseTopics maps every exercise of the course to its topic.
func exerciseTopics(c *course.Course) (map[string]string, error) {
	paths, err := c.Notebooks()
	if err != nil {
		return nil, err
	}
	topics := map[string]string{}
	for _, p := range paths {
		nb, err := notebook.Read(p)
		if err != nil {
			return nil, err
		}
		for _, ex := range nb.Exercises() {
			topics[ex.ID] = course.Topic(p)
		}
	}
	return topics, nil
}

// Digest is a hash of every file's name and content: what a cache of
// results graded with these checks is keyed by.
func (x *ExtraChecks) Digest() string {
	if x == nil {
		return ""
	}
	return x.digest
}

// Exercises are the exercises that have extra checks, sorted.
func (x *ExtraChecks) Exercises() []string {
	var ids []string
	for id := range x.files {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}

// Claims counts the hidden claims and their points, once validated.
func (x *ExtraChecks) Claims() (n, points int) {
	x.mu.Lock()
	defer x.mu.Unlock()
	for _, cs := range x.claims {
		for _, c := range cs {
			n, points = n+1, points+c.Points
		}
	}
	return n, points
}

// Described says what the hidden claims are worth, for the
// instructor's log, once validated: "1 hidden claim worth 2 points".
func (x *ExtraChecks) Described() string {
	n, points := x.Claims()
	return fmt.Sprintf("%s worth %d points", plural(n, "hidden claim"), points)
}

// claimsOf are the claims of one Test function, as learned from the
// course's solution; nil before ValidateExtra.
func (x *ExtraChecks) claimsOf(id, check string) []exercise.PartScore {
	x.mu.Lock()
	defer x.mu.Unlock()
	return x.claims[id+" "+check]
}

// learn keeps the claims a Test function's manifest lists, but for the
// race claim that exercise.Check adds to it (the course's own rule,
// kept by the course's claim), while validating, and returns them.
func (x *ExtraChecks) learn(id, check string, parts []exercise.PartScore) []exercise.PartScore {
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.validated {
		return nil
	}
	var claims []exercise.PartScore
	for _, p := range parts {
		if !p.Caps {
			claims = append(claims, p)
		}
	}
	x.claims[id+" "+check] = claims
	return claims
}

// Learned is what ValidateExtra learned, the claims of every Test
// function, for a cache keyed by the checks and the course to keep.
func (x *ExtraChecks) Learned() ([]byte, error) {
	x.mu.Lock()
	defer x.mu.Unlock()
	return json.Marshal(x.claims)
}

// UseLearned takes what Learned gave after an earlier ValidateExtra of
// these same checks, instead of validating again; false, and nothing
// taken, when it does not fit them (a Test function more or less).
func (x *ExtraChecks) UseLearned(data []byte) bool {
	var claims map[string][]exercise.PartScore
	if json.Unmarshal(data, &claims) != nil || len(claims) != len(x.fileOf) {
		return false
	}
	for key := range x.fileOf {
		if len(claims[key]) == 0 {
			return false
		}
	}
	x.mu.Lock()
	defer x.mu.Unlock()
	x.claims, x.validated = claims, true
	return true
}
