package main

import (
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The README's command-line section shows the usage goconc prints, so
// a flag added to a command and not to the README (or the other way
// round) fails here.
func TestTheREADMEShowsTheUsageGoconcPrints(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	require.NoError(t, err)
	_, section, ok := strings.Cut(string(readme), "\n## The command line\n")
	require.True(t, ok, "the README has a section \"The command line\"")
	_, block, ok := strings.Cut(section, "\n```\n")
	require.True(t, ok, "the section has a code block")
	block, _, _ = strings.Cut(block, "```\n")
	assert.Equal(t, synopses(), block)
}

func TestSwitchesThatAreOnShowHowToTurnThemOff(t *testing.T) {
	cmd, ok := find("grade")
	require.True(t, ok)
	fs, _ := cmd.flagSet()
	syn := synopsis(cmd, fs)
	assert.True(t, strings.HasPrefix(syn, "goconc grade --out DIR ["), syn)
	assert.Contains(t, syn, "[--race=false]")
	assert.Contains(t, syn, "[--fresh]")
	assert.Contains(t, syn, "[--jobs N]")
	assert.Contains(t, syn, "[--timeout D]")
	assert.True(t, strings.HasSuffix(syn, " SUBMISSIONS"), syn)
}
