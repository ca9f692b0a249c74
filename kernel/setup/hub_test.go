package setup

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goconc/goconc/kernel/hub"
)

// A learner's Jupyter runs as the learner: the system-wide kernel spec
// must be readable by all, with the class's gonb and environment.
func TestTheClassKernelSpecIsReadableByEveryUser(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "kernels", "gonb")
	class := hub.Class{Dir: "/usr/local/lib/goconc"}
	require.NoError(t, writeKernelSpec(class, "/usr/local/go/bin", dir))
	info, err := os.Stat(filepath.Join(dir, "kernel.json"))
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o644), info.Mode().Perm())
	data, err := os.ReadFile(filepath.Join(dir, "kernel.json"))
	require.NoError(t, err)
	var spec struct {
		Argv []string
		Env  map[string]string
	}
	require.NoError(t, json.Unmarshal(data, &spec))
	assert.Equal(t, "/usr/local/lib/goconc/bin/gonb", spec.Argv[0])
	assert.Equal(t, "/usr/local/lib/goconc/course", spec.Env["GOCONC_COURSE"])
}
