package notebook

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// Cell is one notebook cell, held as its JSON object.
type Cell struct{ raw map[string]any }

func newCell(v any) (*Cell, error) {
	raw, ok := v.(map[string]any)
	if !ok {
		return nil, errors.New("not a JSON object")
	}
	switch raw["cell_type"] {
	case "code", "markdown", "raw":
	default:
		return nil, fmt.Errorf("cell_type is %v, want code, markdown or raw", raw["cell_type"])
	}
	switch src := raw["source"].(type) {
	case string:
	case []any:
		for _, l := range src {
			if _, ok := l.(string); !ok {
				return nil, errors.New("source is a list with a non-string in it")
			}
		}
	default:
		return nil, errors.New("source is neither a string nor a list of strings")
	}
	return &Cell{raw: raw}, nil
}

// NewCodeCell makes a code cell as Jupyter would: empty outputs and
// metadata, no execution count.
func NewCodeCell(id, source string) *Cell {
	c := &Cell{raw: map[string]any{
		"cell_type": "code", "execution_count": nil, "id": id,
		"metadata": map[string]any{}, "outputs": []any{},
	}}
	c.SetSource(source)
	return c
}

// Type is "code", "markdown" or "raw".
func (c *Cell) Type() string { return c.raw["cell_type"].(string) }

// ID is the cell's id (nbformat 4.5), "" when it has none.
func (c *Cell) ID() string {
	id, _ := c.raw["id"].(string)
	return id
}

// Source is the cell's text, whether stored as a string or as a list
// of lines.
func (c *Cell) Source() string {
	switch src := c.raw["source"].(type) {
	case string:
		return src
	case []any:
		var b strings.Builder
		for _, l := range src {
			b.WriteString(l.(string))
		}
		return b.String()
	}
	return ""
}

// SetSource replaces the cell's text, stored as Jupyter stores it: a
// list of lines split the way Python's str.splitlines(keepends=True)
// splits them.
func (c *Cell) SetSource(s string) {
	lines := []any{}
	for _, l := range splitLines(s) {
		lines = append(lines, l)
	}
	c.raw["source"] = lines
}

// splitLines is Python's str.splitlines(keepends=True), which also
// ends lines at \r, \v, \f, \x1c-\x1e, \x85, U+2028 and U+2029.
func splitLines(s string) []string {
	var lines []string
	start := 0
	for i, r := range s {
		switch r {
		case '\n', '\v', '\f', 0x1c, 0x1d, 0x1e, 0x85, 0x2028, 0x2029:
		case '\r':
			if strings.HasPrefix(s[i+1:], "\n") {
				continue // the \n ends the line
			}
		default:
			continue
		}
		end := i + utf8.RuneLen(r)
		lines = append(lines, s[start:end])
		start = end
	}
	if start < len(s) {
		lines = append(lines, s[start:])
	}
	return lines
}

// SetID replaces the cell's id; "" removes it.
func (c *Cell) SetID(id string) {
	if id == "" {
		delete(c.raw, "id")
		return
	}
	c.raw["id"] = id
}

// Executed reports whether the cell has an execution count, as a code
// cell that has run has.
func (c *Cell) Executed() bool { return c.raw["execution_count"] != nil }

// Metadata is the cell's metadata object (created if absent).
func (c *Cell) Metadata() map[string]any { return objectField(c.raw, "metadata") }

// Tags are the cell's metadata.tags.
func (c *Cell) Tags() []string {
	var tags []string
	list, _ := c.Metadata()["tags"].([]any)
	for _, t := range list {
		if s, ok := t.(string); ok {
			tags = append(tags, s)
		}
	}
	return tags
}

// HasTag reports whether the cell carries tag.
func (c *Cell) HasTag(tag string) bool { return slices.Contains(c.Tags(), tag) }

// TagValue returns the value of the first tag "prefix:value".
func (c *Cell) TagValue(prefix string) (string, bool) {
	if vs := c.TagValues(prefix); len(vs) > 0 {
		return vs[0], true
	}
	return "", false
}

// TagValues is every value of the cell's tags "prefix:value".
func (c *Cell) TagValues(prefix string) []string {
	var vs []string
	for _, t := range c.Tags() {
		if v, ok := strings.CutPrefix(t, prefix+":"); ok {
			vs = append(vs, v)
		}
	}
	return vs
}

// Outputs are a code cell's outputs, as JSON objects.
func (c *Cell) Outputs() []map[string]any {
	var outs []map[string]any
	list, _ := c.raw["outputs"].([]any)
	for _, o := range list {
		if m, ok := o.(map[string]any); ok {
			outs = append(outs, m)
		}
	}
	return outs
}

// SetOutputs replaces a code cell's outputs and execution count.
func (c *Cell) SetOutputs(outputs []any, count any) {
	c.raw["outputs"] = outputs
	c.raw["execution_count"] = count
}

// OutputText is what a code cell printed: its streams and the plain
// text of its results and displays, in order.
func (c *Cell) OutputText() string {
	var b strings.Builder
	for _, o := range c.Outputs() {
		if text, ok := o["text"]; ok {
			b.WriteString(MultilineText(text))
		}
		if data, ok := o["data"].(map[string]any); ok {
			b.WriteString(MultilineText(data["text/plain"]))
		}
	}
	return b.String()
}

// MultilineText is an nbformat multiline string (a cell's stream text,
// a display's text/plain) as one string: stored as a string or as a
// list of lines.
func MultilineText(v any) string {
	switch t := v.(type) {
	case string:
		return t
	case []any:
		var b strings.Builder
		for _, l := range t {
			fmt.Fprint(&b, l)
		}
		return b.String()
	}
	return ""
}
