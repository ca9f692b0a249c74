// Package gradescope makes goconc a Gradescope autograder
// (https://gradescope-autograders.readthedocs.io/en/latest/specs/):
// Zip writes the autograder.zip an instructor uploads (setup.sh,
// run_autograder and the course at its commit), and Run is what
// run_autograder calls for each submission: it finds the learner's
// notebooks in /autograder/submission (in subfolders, renamed: they
// are known by their metadata), grades them as `goconc grade` grades
// one learner, and writes /autograder/results/results.json, one test
// per claim of every check. Whatever goes wrong, results.json is
// written: the grader's own trouble is its top-level output, score 0.
//
// The sandbox: Gradescope runs each submission in a container of its
// own, as root, where bubblewrap may not get the user namespaces it
// needs. Run tries bubblewrap first; when it cannot start, it grades
// with sandbox.RlimitsOnly (the checks as user nobody under the same
// rlimits, which is what Gradescope's best practices ask: "run the
// students' code with minimal privileges") and says so in the output.
package gradescope
