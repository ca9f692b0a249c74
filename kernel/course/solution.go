package course

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/goconc/goconc/kernel/notebook"
)

// SolutionPath is where the reference solution of an exercise lives.
func (c *Course) SolutionPath(topic, id string) string {
	return filepath.Join(c.Root, "solutions", topic, id+".go")
}

// Solution returns the reference solution as the code a learner would
// type into the exercise cell: the file without its package clause.
func (c *Course) Solution(topic, id string) (string, error) {
	data, err := os.ReadFile(c.SolutionPath(topic, id))
	if err != nil {
		return "", fmt.Errorf("exercise %s has no solution: %w", id, err)
	}
	src := string(data)
	i := strings.Index(src, "package ")
	if i < 0 || (i > 0 && src[i-1] != '\n') {
		return "", fmt.Errorf("%s: no package clause", c.SolutionPath(topic, id))
	}
	_, rest, _ := strings.Cut(src[i:], "\n")
	return strings.TrimLeft(rest, "\n"), nil
}

// PasteSolutions replaces every exercise cell's source with the
// reference solution.
func (c *Course) PasteSolutions(nb *notebook.Notebook) error {
	for _, ex := range nb.Exercises() {
		if ex.Code == nil {
			continue
		}
		sol, err := c.Solution(Topic(nb.Path), ex.ID)
		if err != nil {
			return err
		}
		ex.Code.SetSource(strings.TrimRight(sol, "\n"))
	}
	return nil
}
