// Package kernel is goconc's engine, one package per concern, each
// importing only those below it:
//
//	notebook   the nbformat model, written as Jupyter writes it
//	gonbcell   GoNB's cell rules: declarations only, %% cells, goimports, //line
//	sandbox    bubblewrap, rlimits and the watched run (a leaf)
//	course     the checkout: notebooks, topics, solutions, lint
//	check      one build per learner, runs, scores, the import policy
//	grade      a class: cache, grades.csv, results.json, feedback, LMS files, shards
//	collect    a class's notebooks from their homes (with a manifest of times), feedback back
//	gradescope the Gradescope autograder: its zip, and results.json for one submission
//	jupyter    real Jupyter: nbconvert runs, the notebook server, GoNB's errors
//	hub        a class on one machine: JupyterHub, the class install, the hand-out
//	setup      installing and verifying the tools
//	browser    the browser test: Jupyter Notebook in Chromium
//
// excerpt cuts quoted output to its first or last lines; the internal
// packages write files atomically (atomicfile) and learners' notebooks
// for tests (learners). The goconc command is a thin shell over them.
// This package holds no code: it is the map.
package kernel
