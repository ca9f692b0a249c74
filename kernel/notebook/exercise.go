package notebook

import "fmt"

// Exercise is one exercise of a notebook, found by its tags: the code
// cell tagged exercise:<id> that the learner edits, and the check cell
// tagged check:<id> that runs the course's check against it. Task is
// the markdown cell just before the exercise cell. Indexes are -1 for
// a cell the notebook lacks.
type Exercise struct {
	ID                      string
	Task, Code, Check       *Cell
	TaskAt, CodeAt, CheckAt int
}

// Exercises lists a notebook's exercises in the order their exercise
// cells appear, then any check cells whose exercise cell is missing.
func (nb *Notebook) Exercises() []*Exercise {
	var list []*Exercise
	byID := map[string]*Exercise{}
	get := func(id string) *Exercise {
		if e, ok := byID[id]; ok {
			return e
		}
		e := &Exercise{ID: id, TaskAt: -1, CodeAt: -1, CheckAt: -1}
		byID[id] = e
		list = append(list, e)
		return e
	}
	for i, c := range nb.Cells {
		if id, ok := c.TagValue("exercise"); ok {
			e := get(id)
			if e.Code == nil {
				e.Code, e.CodeAt = c, i
				if i > 0 && nb.Cells[i-1].Type() == "markdown" {
					e.Task, e.TaskAt = nb.Cells[i-1], i-1
				}
			}
		}
	}
	for i, c := range nb.Cells {
		if id, ok := c.TagValue("check"); ok {
			if e := get(id); e.Check == nil {
				e.Check, e.CheckAt = c, i
			}
		}
	}
	return list
}

// Exercise finds an exercise by id.
func (nb *Notebook) Exercise(id string) (*Exercise, error) {
	for _, e := range nb.Exercises() {
		if e.ID == id {
			return e, nil
		}
	}
	return nil, fmt.Errorf("%s has no exercise %s", nb.Path, id)
}
