// Package exercise is the contract between a lesson's checks and the
// three people who run them: the learner in a notebook, the course's
// own tests, and the instructor's grader.
//
// A check is a list of [Part]s, each a claim worth some points, run by
// [Check] as named subtests, and ends with a PASS or FAIL line with the
// score. In a notebook (GoNB) the learner sees a [Scorecard] instead:
// that line, then one row per claim, ✓ or ✗ with its points, and under
// each failed claim its message, as HTML with a plain-text copy. When
// the environment variable GOCONC_REPORT is set, Check also prints a
// manifest line (the parts and their points) before running anything,
// so a grader knows what an exercise is worth even when the learner's
// code crashes the test binary halfway. With GOCONC_MANIFEST set it
// prints the manifest and runs nothing.
//
// Timing claims are proven inside [Bubble], a testing/synctest bubble
// whose fake clock makes "these ran at the same time" exact, and which
// fails a part that leaves goroutines behind.
package exercise
