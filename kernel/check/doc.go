// Package check runs the course's checks against a learner's exercise
// cells: the core that `goconc check` and the grader share. It takes
// only the exercise cells from a submission and the check cells and
// checks from the course, refuses imports the exercise does not allow,
// builds every exercise of one learner into one race-enabled test
// binary, runs each exercise in a process of its own (in the sandbox
// when it is given one), and scores what the check printed: points
// for every claim that held, and for the rest a message a learner can
// act on.
//
// The path of one learner through it: Checker.CheckNotebooks
// (checker.go) writes and compiles the exercises (build.go), runs them
// (run.go), scores them (score.go, with the messages in the learner's
// terms from messages.go) and fills in the points of what could not
// run (manifest.go). An instructor's hidden checks (ExtraChecks, read
// and validated on the solutions in extra_load.go and
// extra_validate.go) join that path at four hooks of extra.go: written
// beside each exercise, compiled, linked into the runner after the
// course's check, and scored from the same run.
package check
