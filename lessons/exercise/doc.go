// Package exercise is the contract between a lesson's checks and the
// three people who run them: the learner in a notebook, the course's
// own tests, and the instructor's grader.
//
// A check is a list of [Part]s, each a claim worth some points, run by
// [Check] as named subtests. In a notebook the learner sees every
// failed claim and a closing PASS or FAIL line with the score. When
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
