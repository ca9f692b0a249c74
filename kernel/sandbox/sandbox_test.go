package sandbox

import (
	"net"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// needSandbox skips where bubblewrap is missing, except in CI, where
// `make test` has installed it and a skip would hide a failure.
func needSandbox(t *testing.T) *Sandbox {
	t.Helper()
	sb, err := New()
	if err != nil && os.Getenv("CI") == "" {
		t.Skip(err)
	}
	require.NoError(t, err)
	return sb
}

// The sandbox has no network: a server on the host's loopback, which
// a process outside reaches, cannot be reached from inside.
func TestTheSandboxHasNoNetwork(t *testing.T) {
	sb := needSandbox(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	defer ln.Close()
	go func() {
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			conn.Close()
		}
	}()
	dial := "exec 3<>/dev/tcp/" + strings.Replace(ln.Addr().String(), ":", "/", 1) + " && echo reached || echo unreachable"
	outside, _ := exec.Command("/bin/bash", "-c", dial).CombinedOutput()
	require.Contains(t, string(outside), "reached", "the server answers outside the sandbox")
	inside, _ := sb.Run(exec.Command("/bin/bash", "-c", dial), "").CombinedOutput()
	assert.Contains(t, string(inside), "unreachable")
}
