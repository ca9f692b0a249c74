// Package notebook is the nbformat 4 model: it reads a Jupyter
// notebook, gives typed access to its cells, tags and outputs, and
// writes it back byte for byte as Jupyter saves it (one space indent,
// sorted keys, a final newline), so a notebook goconc rewrites shows
// no diff when Jupyter saves it again. It also finds a notebook's
// exercises by their exercise:<id> and check:<id> tags.
//
// It is the bottom of the engine: it imports nothing of goconc's but
// kernel/internal/atomicfile.
package notebook
