// Package gonbcell knows GoNB's cell rules, as far as the course's
// exercises need them: an exercise cell holds declarations only (no
// %% or ! commands, no main or init), a check cell's GoNB commands
// become blank lines, and a cell becomes a Go file the way GoNB
// compiles it, goimports and all, with a //line directive so that
// errors point at the cell's own lines. It also holds the stub rule:
// every function of an exercise cell as handed out is one
// panic("TODO: ...").
package gonbcell
