package notebook

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// decodeJSON reads any JSON value, keeping numbers as json.Number so
// that they are written back exactly as they were read.
func decodeJSON(data []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err == nil {
		return nil, fmt.Errorf("unexpected data after the top-level value")
	}
	return v, nil
}

// encodeJupyterJSON writes v the way Jupyter saves a notebook, which is
// Python's json.dump(v, indent=1, sort_keys=True, ensure_ascii=False)
// plus a final newline. Matching it byte for byte means that a notebook
// goconc rewrites shows no diff when Jupyter saves it again.
func encodeJupyterJSON(v any) []byte {
	var b bytes.Buffer
	writePy(&b, v, 0)
	b.WriteByte('\n')
	return b.Bytes()
}

func writePy(b *bytes.Buffer, v any, depth int) {
	switch v := v.(type) {
	case nil:
		b.WriteString("null")
	case bool:
		fmt.Fprint(b, v)
	case json.Number:
		b.WriteString(v.String())
	case int:
		fmt.Fprint(b, v)
	case string:
		writePyString(b, v)
	case []any:
		if len(v) == 0 {
			b.WriteString("[]")
			return
		}
		b.WriteByte('[')
		for i, e := range v {
			if i > 0 {
				b.WriteByte(',')
			}
			newline(b, depth+1)
			writePy(b, e, depth+1)
		}
		newline(b, depth)
		b.WriteByte(']')
	case map[string]any:
		if len(v) == 0 {
			b.WriteString("{}")
			return
		}
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		slices.Sort(keys) // byte order of UTF-8 is code point order, as Python sorts
		b.WriteByte('{')
		for i, k := range keys {
			if i > 0 {
				b.WriteByte(',')
			}
			newline(b, depth+1)
			writePyString(b, k)
			b.WriteString(": ")
			writePy(b, v[k], depth+1)
		}
		newline(b, depth)
		b.WriteByte('}')
	default:
		panic(fmt.Sprintf("notebook: cannot write %T as notebook JSON", v))
	}
}

func newline(b *bytes.Buffer, depth int) {
	b.WriteByte('\n')
	b.WriteString(strings.Repeat(" ", depth))
}

// writePyString escapes like Python with ensure_ascii=False: quotes,
// backslashes and control characters only; everything else, including
// U+2028 and '<', is written as it is.
func writePyString(b *bytes.Buffer, s string) {
	b.WriteByte('"')
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\b':
			b.WriteString(`\b`)
		case r == '\f':
			b.WriteString(`\f`)
		case r < 0x20:
			fmt.Fprintf(b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	b.WriteByte('"')
}
