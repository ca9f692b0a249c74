//go:build !race

package exercise

// raceDetectorOn says whether this binary was built with -race.
const raceDetectorOn = false

// racesReported is always 0 without the race detector.
func racesReported() int { return 0 }
