package setup

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestKernelSpecGetsAPathThatFindsTheTools(t *testing.T) {
	file := filepath.Join(t.TempDir(), "kernel.json")
	require.NoError(t, os.WriteFile(file, []byte(`{"argv": ["gonb"], "env": {"X": "1"}, "language": "go"}`), 0o644))
	require.NoError(t, setKernelPath(file, "/go/bin:/usr/bin"))
	data, _ := os.ReadFile(file)
	assert.JSONEq(t, `{"argv": ["gonb"], "env": {"X": "1", "PATH": "/go/bin:/usr/bin"}, "language": "go"}`, string(data))
}
