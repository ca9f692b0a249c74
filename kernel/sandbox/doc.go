// Package sandbox runs what a submission builds and runs so that it
// cannot harm the machine or the other submissions: bubblewrap (no
// network, a read-only file system but for what the step needs, a
// /tmp of its own, no capabilities), rlimits on CPU time, processes
// and file size, and a watched run that stops a process tree at its
// first limit of wall-clock time, resident memory or output.
//
// It is a leaf: it knows nothing of notebooks, checks or grades.
package sandbox
