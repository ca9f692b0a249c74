// Package course is the checkout of this repository as the engine
// sees it: where the course is (found from any folder inside), its
// notebooks in lesson order, the topic each belongs to, the reference
// solutions (and pasting them into a notebook's exercise cells), and
// lint, the notebook and exercise rules of DESIGN.md.
package course
