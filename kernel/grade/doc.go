// Package grade grades a class: SUBMISSIONS/<student>/<notebook>.ipynb,
// every course notebook of every student, whatever they handed in.
// Students are graded a few at a time, each with one build of all
// their notebooks (package check), and their results are cached by
// what was graded, so grading again after a late submission grades
// that one alone. It writes what instructors and learners read:
// grades.csv, results.json, a feedback page per student and the LMS
// gradebooks (canvas.csv, moodle.csv). A grading may take some
// notebooks only (Grader.Notebooks), note late work against a due
// time (Grader.Due), and be one shard of a class (Grader.Shard) that
// Merge joins with the others.
package grade
