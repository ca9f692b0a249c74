package main

import (
	"context"
	"flag"

	"github.com/goconc/goconc/kernel/course"
)

// A command is one verb of goconc. Its usage is written from its flag
// set (see usage.go), so the two cannot drift apart.
type command struct {
	name     string
	operands string   // what follows the flags: "NOTEBOOK..."
	required []string // flags that must be given, shown without brackets
	about    []string // what it does, a line each
	// ownCourse commands find the course themselves (--course), or
	// need none (collect), so they run outside a checkout; the others
	// get the one around ".".
	ownCourse bool
	// define defines the command's flags on fs and returns the work,
	// which parses args with fs.
	define func(fs *flag.FlagSet) func(ctx context.Context, c *course.Course, args []string) error
}

// commands are goconc's verbs, in the order the usage lists them.
var commands = []command{
	{name: "setup", define: setupCommand, about: []string{
		"install/verify GoNB, goimports, gopls, Jupyter, bubblewrap; register the kernel",
		"(--browser: also Jupyter Notebook and Chromium for the browser test;",
		"--hub, as root: also JupyterHub, the class install and the GoNB kernel for every user)"}},
	{name: "open", define: openCommand, about: []string{
		"start Jupyter Notebook on notebooks/ and print the URL (0: a free port)"}},
	{name: "run", operands: "NOTEBOOK...", define: runCommand, about: []string{
		"execute notebooks headless through the real GoNB kernel"}},
	{name: "check", operands: "[NOTEBOOK | FOLDER]...", define: checkCommand, about: []string{
		"check a learner's notebooks: every exercise, pass or fail, and why;",
		"with a folder (default notebooks/): every course notebook in it, a table"}},
	{name: "lint", operands: "[NOTEBOOK...]", define: lintCommand, about: []string{
		"the course's notebook and exercise rules (all course notebooks by default)"}},
	{name: "hub", define: hubCommand, about: []string{
		"JupyterHub for a class: the GoNB kernel for everyone, a copy of the course each",
		"(quick try: a class password; --pam: the machine's users; setup --hub first)"}},
	{name: "handout", ownCourse: true, required: []string{"home"}, define: handoutCommand, about: []string{
		"the course notebooks HOME/course/ lacks (never overwrites), and a warm build cache"}},
	{name: "collect", ownCourse: true, define: collectCommand, about: []string{
		"copy every HOMES/<learner>/course/*.ipynb into SUBMISSIONS/<learner>/, with manifest.json",
		"of their times (for grade --due); writes nothing in HOMES (default /home);",
		"--return-feedback DIR instead: DIR/<learner>.md to HOMES/<learner>/course/feedback.md"}},
	{name: "grade", ownCourse: true, operands: "SUBMISSIONS", required: []string{"out"}, define: gradeCommand, about: []string{
		"grade a class in a sandbox: grades.csv, results.json, feedback/, canvas.csv, moodle.csv"}},
	{name: "grade merge", ownCourse: true, operands: "DIR...", required: []string{"out"}, define: mergeCommand, about: []string{
		"join the outputs of grade --shard 1/N … N/N into one"}},
	{name: "gradescope", ownCourse: true, required: []string{"out"}, define: gradescopeCommand, about: []string{
		"a Gradescope autograder for the course (or those notebooks): setup.sh, run_autograder, the course"}},
	{name: "gradescope run", ownCourse: true, define: gradescopeRunCommand, about: []string{
		"what run_autograder runs on Gradescope: grade ROOT/submission into ROOT/results/results.json"}},
}

// findIn looks up the command args name: "grade merge" before
// "grade". It returns the command and the args that follow its name.
func findIn(args []string) (command, []string, bool) {
	if len(args) > 1 {
		if c, ok := find(args[0] + " " + args[1]); ok {
			return c, args[2:], true
		}
	}
	c, ok := find(args[0])
	return c, args[1:], ok
}

// find looks a command up by name.
func find(name string) (command, bool) {
	for _, c := range commands {
		if c.name == name {
			return c, true
		}
	}
	return command{}, false
}

// flagSet is the command's flag set, its flags defined, and its work.
func (c command) flagSet() (*flag.FlagSet, func(context.Context, *course.Course, []string) error) {
	fs := flag.NewFlagSet(c.name, flag.ExitOnError)
	return fs, c.define(fs)
}
