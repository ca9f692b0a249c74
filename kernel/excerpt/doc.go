// Package excerpt cuts long output down to the lines a reader needs:
// the first lines of a compile error, the last lines of a stderr where
// a panic ends, and either one indented under its heading. Every
// message of the checker, the grader and the headless runs that quotes
// output quotes it through here, so they all cut and mark it the same
// way ("…" where lines were left out).
package excerpt
