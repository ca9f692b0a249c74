//go:build race

package exercise

import "runtime"

// raceDetectorOn says whether this binary was built with -race.
const raceDetectorOn = true

// racesReported is how many data races the race detector has reported
// in this process so far.
func racesReported() int { return runtime.RaceErrors() }
