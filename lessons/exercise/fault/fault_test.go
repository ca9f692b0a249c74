package fault

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestARuntimeFaultIsFoundOnALineOfItsOwn(t *testing.T) {
	tsan := "=== RUN   TestX\nThreadSanitizer: CHECK failed: tsan_rtl.cpp:282 \"((!thr->slot_locked)) != (0)\" (0x0, 0x0)\r\nexit status 66\n"
	assert.Equal(t, `ThreadSanitizer: CHECK failed: tsan_rtl.cpp:282 "((!thr->slot_locked)) != (0)" (0x0, 0x0)`, In(tsan))
	segv := "=== RUN   TestX\nSIGSEGV: segmentation violation\nPC=0x41ca09 m=0 sigcode=1 addr=0x0\n"
	assert.Equal(t, "SIGSEGV: segmentation violation", In(segv))
}

func TestALearnersNilPointerIsNotARuntimeFault(t *testing.T) {
	nilPanic := "panic: runtime error: invalid memory address or nil pointer dereference\n" +
		"[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x4a1b2c]\n"
	assert.Empty(t, In(nilPanic))
	assert.Empty(t, In("the learner printed ThreadSanitizer: CHECK failed mid-line\n"))
}

func TestARunDiedOfAFaultOnlyWhenItFailedWithinItsTime(t *testing.T) {
	segv := "SIGSEGV: segmentation violation\nPC=0x41ca09 m=0 sigcode=1 addr=0x0\n"
	assert.Equal(t, "SIGSEGV: segmentation violation", Of(segv, false))
	assert.Empty(t, Of(segv, true), "a run that succeeded printed the line, it did not die of it")
	assert.Empty(t, Of(segv+"panic: test timed out after 1m0s\n", false), "its own timeout ended it")
}
