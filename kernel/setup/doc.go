// Package setup installs and verifies what the course runs on, step by
// step, each first looking whether it is already done: the Go
// toolchain, the pinned GoNB kernel and goimports (go.mod's tool
// lines), gopls, Jupyter, the kernel's registration with Jupyter,
// bubblewrap for grading, and, for the browser test, Jupyter Notebook
// and Chromium. Where it may not install (not root, not Debian), it
// stops with the one command to run.
package setup
