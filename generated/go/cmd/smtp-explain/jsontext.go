package main

import (
	"sort"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// The JSON this command reads and writes, byte for byte as the Rust tool's serde_json does.
// encoding/json differs on both sides (it escapes <, >, & and U+2028, and its decoder
// replaces lone surrogates instead of failing), so both directions are written here.

// object is a JSON object; its keys are written sorted by byte order, as serde_json's map.
type object []field

type field struct {
	key   string
	value interface{} // nil, string, int, bool, []interface{}, []string, object
}

func (o object) sorted() object {
	sort.Slice(o, func(i, j int) bool { return o[i].key < o[j].key })
	return o
}

// optString is a string, or null when empty.
func optString(s string, ok bool) interface{} {
	if !ok {
		return nil
	}
	return s
}

// writeCompact appends v as compact JSON.
func writeCompact(b []byte, v interface{}) []byte {
	switch v := v.(type) {
	case nil:
		return append(b, "null"...)
	case string:
		return appendString(b, v)
	case int:
		return strconv.AppendInt(b, int64(v), 10)
	case bool:
		return strconv.AppendBool(b, v)
	case []string:
		b = append(b, '[')
		for i, s := range v {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendString(b, s)
		}
		return append(b, ']')
	case []interface{}:
		b = append(b, '[')
		for i, x := range v {
			if i > 0 {
				b = append(b, ',')
			}
			b = writeCompact(b, x)
		}
		return append(b, ']')
	case object:
		b = append(b, '{')
		for i, f := range v.sorted() {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendString(b, f.key)
			b = append(b, ':')
			b = writeCompact(b, f.value)
		}
		return append(b, '}')
	}
	return append(b, "null"...)
}

// writePretty appends v as serde_json's pretty form: two-space indent, "key": value.
func writePretty(b []byte, v interface{}, indent int) []byte {
	newline := func(b []byte, n int) []byte {
		b = append(b, '\n')
		return append(b, strings.Repeat("  ", n)...)
	}
	switch v := v.(type) {
	case []string:
		items := make([]interface{}, len(v))
		for i, s := range v {
			items[i] = s
		}
		return writePretty(b, items, indent)
	case []interface{}:
		if len(v) == 0 {
			return append(b, "[]"...)
		}
		b = append(b, '[')
		for i, x := range v {
			if i > 0 {
				b = append(b, ',')
			}
			b = newline(b, indent+1)
			b = writePretty(b, x, indent+1)
		}
		b = newline(b, indent)
		return append(b, ']')
	case object:
		if len(v) == 0 {
			return append(b, "{}"...)
		}
		b = append(b, '{')
		for i, f := range v.sorted() {
			if i > 0 {
				b = append(b, ',')
			}
			b = newline(b, indent+1)
			b = appendString(b, f.key)
			b = append(b, ": "...)
			b = writePretty(b, f.value, indent+1)
		}
		b = newline(b, indent)
		return append(b, '}')
	}
	return writeCompact(b, v)
}

const hexDigits = "0123456789abcdef"

// appendString appends s as a JSON string: `"` and `\` escaped, \b \f \n \r \t by name,
// other bytes below 0x20 as \u00xx; everything else raw.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' {
			continue
		}
		b = append(b, s[start:i]...)
		switch c {
		case '"':
			b = append(b, '\\', '"')
		case '\\':
			b = append(b, '\\', '\\')
		case '\n':
			b = append(b, '\\', 'n')
		case '\r':
			b = append(b, '\\', 'r')
		case '\t':
			b = append(b, '\\', 't')
		case '\b':
			b = append(b, '\\', 'b')
		case '\f':
			b = append(b, '\\', 'f')
		default:
			b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&15])
		}
		start = i + 1
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// maxDepth is serde_json's nesting limit: an array or object 128 levels deep fails.
const maxDepth = 128

// decoder reads one JSON value as strictly as serde_json: no trailing commas, no NaN, no
// leading zeros, no raw control characters in strings, no lone surrogate escapes; only
// space, tab, CR and LF as whitespace.
type decoder struct {
	s     string
	i     int
	depth int
}

// decodeLine reads a whole line as one JSON value. It reports whether the line is JSON, and
// if the value is a string, the string.
func decodeLine(line string) (str string, isString bool, ok bool) {
	d := decoder{s: line}
	d.space()
	if d.i < len(d.s) && d.s[d.i] == '"' {
		s, good := d.str()
		if !good {
			return "", false, false
		}
		d.space()
		if d.i != len(d.s) {
			return "", false, false
		}
		return s, true, true
	}
	if !d.value() {
		return "", false, false
	}
	d.space()
	return "", false, d.i == len(d.s)
}

func (d *decoder) space() {
	for d.i < len(d.s) {
		switch d.s[d.i] {
		case ' ', '\t', '\n', '\r':
			d.i++
		default:
			return
		}
	}
}

func (d *decoder) literal(word string) bool {
	if strings.HasPrefix(d.s[d.i:], word) {
		d.i += len(word)
		return true
	}
	return false
}

func (d *decoder) value() bool {
	if d.i >= len(d.s) {
		return false
	}
	switch c := d.s[d.i]; {
	case c == '"':
		_, ok := d.str()
		return ok
	case c == '{':
		return d.object()
	case c == '[':
		return d.array()
	case c == 't':
		return d.literal("true")
	case c == 'f':
		return d.literal("false")
	case c == 'n':
		return d.literal("null")
	case c == '-' || (c >= '0' && c <= '9'):
		return d.number()
	}
	return false
}

func (d *decoder) array() bool {
	d.depth++
	if d.depth >= maxDepth {
		return false
	}
	d.i++ // [
	d.space()
	if d.i < len(d.s) && d.s[d.i] == ']' {
		d.i++
		d.depth--
		return true
	}
	for {
		d.space()
		if !d.value() {
			return false
		}
		d.space()
		if d.i >= len(d.s) {
			return false
		}
		switch d.s[d.i] {
		case ',':
			d.i++
		case ']':
			d.i++
			d.depth--
			return true
		default:
			return false
		}
	}
}

func (d *decoder) object() bool {
	d.depth++
	if d.depth >= maxDepth {
		return false
	}
	d.i++ // {
	d.space()
	if d.i < len(d.s) && d.s[d.i] == '}' {
		d.i++
		d.depth--
		return true
	}
	for {
		d.space()
		if d.i >= len(d.s) || d.s[d.i] != '"' {
			return false
		}
		if _, ok := d.str(); !ok {
			return false
		}
		d.space()
		if d.i >= len(d.s) || d.s[d.i] != ':' {
			return false
		}
		d.i++
		d.space()
		if !d.value() {
			return false
		}
		d.space()
		if d.i >= len(d.s) {
			return false
		}
		switch d.s[d.i] {
		case ',':
			d.i++
		case '}':
			d.i++
			d.depth--
			return true
		default:
			return false
		}
	}
}

func (d *decoder) digits() int {
	start := d.i
	for d.i < len(d.s) && d.s[d.i] >= '0' && d.s[d.i] <= '9' {
		d.i++
	}
	return d.i - start
}

// number checks the JSON number grammar, and that the value is finite as a float (serde_json
// fails on numbers out of f64's range).
func (d *decoder) number() bool {
	start := d.i
	if d.s[d.i] == '-' {
		d.i++
	}
	if d.i >= len(d.s) {
		return false
	}
	if d.s[d.i] == '0' {
		d.i++
	} else if d.digits() == 0 {
		return false
	}
	float := false
	if d.i < len(d.s) && d.s[d.i] == '.' {
		d.i++
		float = true
		if d.digits() == 0 {
			return false
		}
	}
	if d.i < len(d.s) && (d.s[d.i] == 'e' || d.s[d.i] == 'E') {
		d.i++
		float = true
		if d.i < len(d.s) && (d.s[d.i] == '+' || d.s[d.i] == '-') {
			d.i++
		}
		if d.digits() == 0 {
			return false
		}
	}
	text := d.s[start:d.i]
	if !float {
		if _, err := strconv.ParseInt(text, 10, 64); err == nil {
			return true
		}
		if _, err := strconv.ParseUint(text, 10, 64); err == nil {
			return true
		}
	}
	_, err := strconv.ParseFloat(text, 64)
	return err == nil
}

func hex4(s string) (rune, bool) {
	if len(s) < 4 {
		return 0, false
	}
	var r rune
	for i := 0; i < 4; i++ {
		c := s[i]
		var v byte
		switch {
		case c >= '0' && c <= '9':
			v = c - '0'
		case c >= 'a' && c <= 'f':
			v = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			v = c - 'A' + 10
		default:
			return 0, false
		}
		r = r<<4 | rune(v)
	}
	return r, true
}

// str reads a string at d.i (an opening quote) and returns its value.
func (d *decoder) str() (string, bool) {
	d.i++ // "
	start := d.i
	// The common case: no escapes.
	for d.i < len(d.s) {
		c := d.s[d.i]
		if c == '"' {
			s := d.s[start:d.i]
			d.i++
			return s, true
		}
		if c == '\\' {
			break
		}
		if c < 0x20 {
			return "", false
		}
		d.i++
	}
	if d.i >= len(d.s) {
		return "", false
	}
	out := []byte(d.s[start:d.i])
	for d.i < len(d.s) {
		c := d.s[d.i]
		switch {
		case c == '"':
			d.i++
			return string(out), true
		case c < 0x20:
			return "", false
		case c != '\\':
			out = append(out, c)
			d.i++
			continue
		}
		d.i++ // backslash
		if d.i >= len(d.s) {
			return "", false
		}
		e := d.s[d.i]
		d.i++
		switch e {
		case '"', '\\', '/':
			out = append(out, e)
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'u':
			r, ok := hex4(d.s[d.i:])
			if !ok {
				return "", false
			}
			d.i += 4
			if r >= 0xDC00 && r <= 0xDFFF {
				return "", false // a lone trailing surrogate
			}
			if r >= 0xD800 && r <= 0xDBFF {
				if !strings.HasPrefix(d.s[d.i:], "\\u") {
					return "", false
				}
				low, ok := hex4(d.s[d.i+2:])
				if !ok || low < 0xDC00 || low > 0xDFFF {
					return "", false
				}
				d.i += 6
				r = utf16.DecodeRune(r, low)
			}
			out = utf8.AppendRune(out, r)
		default:
			return "", false
		}
	}
	return "", false
}
