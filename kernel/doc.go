// Package kernel is goconc's notebook engine: it reads and writes
// Jupyter notebooks the way Jupyter does, knows GoNB's cell rules and
// the course's exercise contract, sets up and drives the real GoNB
// kernel headless, and checks a learner's exercise cells against the
// course's checks. The goconc command is a thin shell around it.
package kernel
