package collect

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/goconc/goconc/kernel/internal/atomicfile"
)

// ManifestName is the manifest's file in SUBMISSIONS, beside the
// learners' folders (grade takes no file there for a learner).
const ManifestName = "manifest.json"

// Manifest is what Collect found in the homes: for every learner
// collected, each notebook's modification time, size and SHA-256.
// The times are the point: copies lose them easily (cp without -p, a
// zip, git), the manifest does not, so late work is seen as late.
type Manifest struct {
	Homes       string             `json:"homes"`        // where the last collection read from
	CollectedAt time.Time          `json:"collected_at"` // when, UTC
	Learners    map[string]Learner `json:"learners"`
}

// Learner is one learner's entry: when they were collected and their
// notebooks by file name.
type Learner struct {
	CollectedAt time.Time           `json:"collected_at"`
	Notebooks   map[string]Notebook `json:"notebooks"`
}

// Notebook is one collected notebook as it was in the learner's home.
type Notebook struct {
	Modified time.Time `json:"modified"` // UTC, to the second
	Size     int64     `json:"size"`
	SHA256   string    `json:"sha256"`
}

// ReadManifest reads SUBMISSIONS/manifest.json. A folder without one
// gives an error that errors.Is(err, os.ErrNotExist).
func ReadManifest(submissions string) (*Manifest, error) {
	path := filepath.Join(submissions, ManifestName)
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var m Manifest
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&m); err != nil || m.Learners == nil {
		if err == nil {
			err = errors.New("no learners")
		}
		return nil, fmt.Errorf("%s is not a manifest goconc collect wrote: %v", path, err)
	}
	return &m, nil
}

// write replaces SUBMISSIONS/manifest.json whole.
func (m *Manifest) write(submissions string) error {
	data, err := json.MarshalIndent(m, "", " ")
	if err != nil {
		return err
	}
	return atomicfile.WriteFile(filepath.Join(submissions, ManifestName), append(data, '\n'))
}

// SubmittedAt is when the notebook at SUBMISSIONS/<learner>/<file>
// was last saved in the learner's home, if the manifest has it and the
// file is still the one collected (same size and SHA-256); otherwise
// (put there by hand, or changed since) the file's own modification
// time. It is grade.Grader's SubmittedAt.
func (m *Manifest) SubmittedAt(path string) (time.Time, bool) {
	learner, file := filepath.Base(filepath.Dir(path)), filepath.Base(path)
	if nb, ok := m.Learners[learner].Notebooks[file]; ok {
		if data, err := os.ReadFile(path); err == nil && int64(len(data)) == nb.Size && digest(data) == nb.SHA256 {
			return nb.Modified, true
		}
	}
	info, err := os.Stat(path)
	if err != nil {
		return time.Time{}, false
	}
	return info.ModTime(), true
}

// digest is the hex SHA-256 of data.
func digest(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}
