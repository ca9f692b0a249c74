package setup

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestCommandVersionIsTheFirstWordThatStartsWithADigit(t *testing.T) {
	v, ok := commandVersion("sh", "-c", "echo 'Chromium 156.0.8078.79 built on Debian GNU/Linux 12 (bookworm)'")
	assert.True(t, ok)
	assert.Equal(t, "156.0.8078.79", v)
	v, _ = commandVersion("sh", "-c", "echo 6.4.12; echo more")
	assert.Equal(t, "6.4.12", v)
	_, ok = commandVersion("sh", "-c", "exit 1")
	assert.False(t, ok, "a failing command is not there")
}

func TestSetupLeavesTheBrowserAloneWithoutTheFlag(t *testing.T) {
	msg, err := (&Installer{}).ensureBrowser()
	assert.NoError(t, err)
	assert.Equal(t, "skipped (no --browser)", msg)
}
