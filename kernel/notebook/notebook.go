package notebook

import (
	"errors"
	"fmt"
	"os"

	"github.com/goconc/goconc/kernel/internal/atomicfile"
)

// Notebook is a Jupyter notebook (nbformat 4) held as the JSON tree it
// was read from, so that fields goconc does not know about survive a
// round trip untouched. Cells gives typed access to the cells.
type Notebook struct {
	Path  string // where it was read from, for messages; may be empty
	raw   map[string]any
	Cells []*Cell
}

// Read reads and validates the notebook at path.
func Read(path string) (*Notebook, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	nb, err := Parse(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	nb.Path = path
	return nb, nil
}

// Parse decodes and validates a notebook. Every error says
// what is wrong in words a learner who broke the file by hand can act
// on: not JSON, not nbformat 4, or which cell is malformed.
func Parse(data []byte) (*Notebook, error) {
	v, err := decodeJSON(data)
	if err != nil {
		return nil, fmt.Errorf("not a notebook: the file is not valid JSON (%v)", err)
	}
	raw, ok := v.(map[string]any)
	if !ok {
		return nil, errors.New("not a notebook: the JSON is not an object")
	}
	if major := intField(raw, "nbformat"); major != 4 {
		return nil, fmt.Errorf("not a notebook goconc can read: nbformat is %v, want 4", raw["nbformat"])
	}
	cells, ok := raw["cells"].([]any)
	if !ok {
		return nil, errors.New("not a notebook: it has no list of cells")
	}
	nb := &Notebook{raw: raw}
	for i, c := range cells {
		cell, err := newCell(c)
		if err != nil {
			return nil, fmt.Errorf("cell %d: %w", i, err)
		}
		nb.Cells = append(nb.Cells, cell)
	}
	return nb, nil
}

// New makes an nbformat 4.5 notebook for the GoNB kernel.
func New(cells ...*Cell) *Notebook {
	return &Notebook{Cells: cells, raw: map[string]any{
		"nbformat": 4, "nbformat_minor": 5,
		"metadata": map[string]any{"kernelspec": map[string]any{
			"display_name": "Go (gonb)", "language": "go", "name": "gonb"}},
	}}
}

// Minor is the nbformat minor version; 5 and up require cell ids.
func (nb *Notebook) Minor() int { return intField(nb.raw, "nbformat_minor") }

// Metadata is the notebook's metadata object (created if absent).
func (nb *Notebook) Metadata() map[string]any { return objectField(nb.raw, "metadata") }

// KernelName is metadata.kernelspec.name, "" when there is none.
func (nb *Notebook) KernelName() string {
	ks, _ := nb.Metadata()["kernelspec"].(map[string]any)
	name, _ := ks["name"].(string)
	return name
}

// Marshal encodes the notebook exactly as Jupyter would save it.
func (nb *Notebook) Marshal() []byte {
	cells := make([]any, len(nb.Cells))
	for i, c := range nb.Cells {
		cells[i] = c.raw
	}
	nb.raw["cells"] = cells
	return encodeJupyterJSON(nb.raw)
}

// Write saves the notebook to path atomically: a reader (or Jupyter)
// never sees half a file.
func (nb *Notebook) Write(path string) error {
	return atomicfile.WriteFile(path, nb.Marshal())
}

// Clone returns a deep copy, for running a changed notebook (solutions
// pasted in) without touching the original.
func (nb *Notebook) Clone() *Notebook {
	c, err := Parse(nb.Marshal())
	if err != nil {
		panic(err) // a notebook we hold always re-parses
	}
	c.Path = nb.Path
	return c
}

func intField(m map[string]any, key string) int {
	var n int
	fmt.Sscan(fmt.Sprint(m[key]), &n)
	return n
}

func objectField(m map[string]any, key string) map[string]any {
	o, ok := m[key].(map[string]any)
	if !ok {
		o = map[string]any{}
		m[key] = o
	}
	return o
}

// Lesson is metadata.goconc.lesson, the course lesson a notebook is
// ("01-threads"), "" when it has none. It travels with the notebook
// through a rename or a download, which its file name does not.
func (nb *Notebook) Lesson() string {
	g, _ := nb.Metadata()["goconc"].(map[string]any)
	lesson, _ := g["lesson"].(string)
	return lesson
}

// SetLesson sets metadata.goconc.lesson.
func (nb *Notebook) SetLesson(lesson string) {
	objectField(nb.Metadata(), "goconc")["lesson"] = lesson
}
