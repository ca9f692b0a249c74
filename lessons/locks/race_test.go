//go:build race

package locks

// raceEnabled is whether this test binary runs under the race detector.
const raceEnabled = true
