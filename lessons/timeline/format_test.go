package timeline_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/goconc/goconc/lessons/timeline"
)

func TestFormatDurationKeepsThreeSignificantDigits(t *testing.T) {
	for _, tc := range []struct {
		in   time.Duration
		want string
	}{
		{0, "0s"},
		{1, "1ns"},
		{850, "850ns"},
		{12 * time.Microsecond, "12µs"},
		{12345 * time.Nanosecond, "12.3µs"},
		{999_600 * time.Nanosecond, "1ms"},
		{250 * ms, "250ms"},
		{812345 * time.Microsecond, "812ms"},
		{12345 * time.Microsecond, "12.3ms"},
		{999_600 * time.Microsecond, "1s"},
		{time.Second, "1s"},
		{1500 * ms, "1.5s"},
		{1023 * ms, "1.02s"},
		{2 * time.Second, "2s"},
		{59_990 * ms, "60s"},
		{time.Minute, "1m"},
		{125 * time.Second, "2m5s"},
		{90*time.Minute + 3*time.Second, "1h30m3s"},
		{-1500 * ms, "-1.5s"},
	} {
		assert.Equal(t, tc.want, timeline.FormatDuration(tc.in), "FormatDuration(%d)", int64(tc.in))
	}
}
