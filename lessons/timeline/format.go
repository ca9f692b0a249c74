package timeline

import (
	"strconv"
	"time"
)

// FormatDuration writes d the way the pictures label time: three significant
// digits in the largest unit that keeps the number at least 1, so readers
// compare "812ms" with "1.5s" instead of "812.345678ms" with "1.500000012s".
// Durations of a minute or more are rounded to whole seconds ("2m5s").
// time.Duration.String is exact but too noisy for a chart.
func FormatDuration(d time.Duration) string {
	if d < 0 {
		return "-" + FormatDuration(-d)
	}
	if d >= time.Minute {
		return formatMinutes(d.Round(time.Second))
	}
	d = roundSignificant(d, 3)
	for _, u := range []struct {
		size time.Duration
		name string
	}{{time.Second, "s"}, {time.Millisecond, "ms"}, {time.Microsecond, "µs"}} {
		if d >= u.size {
			return strconv.FormatFloat(float64(d)/float64(u.size), 'f', -1, 64) + u.name
		}
	}
	if d == 0 {
		return "0s"
	}
	return strconv.FormatInt(int64(d), 10) + "ns"
}

// roundSignificant rounds d (non-negative) to the given number of significant
// decimal digits, half away from zero. Rounding before the unit is chosen lets
// 999.6ms become "1s" rather than "1000ms".
func roundSignificant(d time.Duration, digits int) time.Duration {
	limit := time.Duration(1)
	for range digits {
		limit *= 10
	}
	step := time.Duration(1)
	for d/step >= limit {
		step *= 10
	}
	return (d + step/2) / step * step
}

// formatMinutes writes a whole number of seconds of at least a minute as
// "1m", "2m5s" or "1h0m3s", dropping the "0s" that time.Duration adds.
func formatMinutes(d time.Duration) string {
	s := d.String()
	if d%time.Minute == 0 && len(s) > 2 && s[len(s)-2:] == "0s" {
		return s[:len(s)-2]
	}
	return s
}
