package notebooktest

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

const executed = "../testdata/roundtrip/gonb-executed.ipynb"

func TestOutputIsWhatTheCellPrinted(t *testing.T) {
	nb := Read(t, executed)
	assert.Equal(t, "hi from goconc\n", nb.Output(t, "db78933c"))
	nb.Has(t, "db78933c", "hi from goconc")
	nb.Matches(t, "41951814", `^--- FAIL: TestDouble \(\d+\.\d+s\)$`)
}

func TestAMissingLineFailsAndSaysWhatWasPrinted(t *testing.T) {
	nb := Read(t, executed)
	var fake testing.T
	nb.Has(&fake, "db78933c", "hi from python")
	assert.True(t, fake.Failed())
	fake = testing.T{}
	nb.Has(&fake, "db78933c", "hi from")
	assert.True(t, fake.Failed(), "a part of a line is not the line")
}
