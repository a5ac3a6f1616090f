package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

func TestDecodeLineIsAsStrictAsSerdeJSON(t *testing.T) {
	for _, c := range []struct {
		line           string
		isJSON, isText bool
		value          string
	}{
		{`"250 OK"`, true, true, "250 OK"},
		{` "x" `, true, true, "x"},
		{`"a\r\nb\/\u00e9\ud83d\ude00"`, true, true, "a\r\nb/\u00e9\U0001F600"},
		{`"\ud800"`, false, false, ""},
		{`"\udc00"`, false, false, ""},
		{`"\ud800\u0041"`, false, false, ""},
		{"\"tab\there\"", false, false, ""},
		{`"\x"`, false, false, ""},
		{`"open`, false, false, ""},
		{`"a" "b"`, false, false, ""},
		{"\f\"x\"", false, false, ""},
		{`123`, true, false, ""},
		{`-0.5e+3`, true, false, ""},
		{`01`, false, false, ""},
		{`1.`, false, false, ""},
		{`1e400`, false, false, ""},
		{`NaN`, false, false, ""},
		{`[1,]`, false, false, ""},
		{`{"a":1,}`, false, false, ""},
		{`{"a":[true,false,null]}`, true, false, ""},
		{``, false, false, ""},
		{strings.Repeat("[", 127) + strings.Repeat("]", 127), true, false, ""},
		{strings.Repeat("[", 128) + strings.Repeat("]", 128), false, false, ""},
	} {
		value, isText, isJSON := decodeLine(c.line)
		if isJSON != c.isJSON || isText != c.isText || value != c.value {
			t.Errorf("decodeLine(%q) = %q, %v, %v", c.line, value, isText, isJSON)
		}
	}
}

func TestStringsAreEscapedAsSerdeJSONDoes(t *testing.T) {
	got := string(appendString(nil, "a\"\\\n\r\t\b\f\x01\x1f\x7f</>&\u2028é"))
	want := `"a\"\\\n\r\t\b\f\u0001\u001f` + "\x7f</>&\u2028é" + `"`
	if got != want {
		t.Errorf("%s; want %s", got, want)
	}
}

func TestJSONLinesKeepTheirShape(t *testing.T) {
	input := strings.Join([]string{
		`"550 5.1.1 <bob@example.com> User unknown"`,
		`"550-5.7.1 a\r\n550 5.7.26 b"`,
		"\xff\xfe",
		`not json`,
		`42`,
		`"hello"`,
		"\"250 OK\"\r",
	}, "\n")
	var out bytes.Buffer
	if status := jsonl(strings.NewReader(input), &out, "site/"); status != 0 {
		t.Fatalf("status %d", status)
	}
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	if len(lines) != 7 {
		t.Fatalf("%d lines", len(lines))
	}
	wantKinds := []interface{}{nil, nil, "not_utf8", "not_json", "not_string", "bad_code", nil}
	for i, l := range lines {
		var v map[string]interface{}
		if err := json.Unmarshal([]byte(l), &v); err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		if len(v) != len(keys)+1 || v["line"] != float64(i+1) || v["error_kind"] != wantKinds[i] {
			t.Errorf("line %d: %s", i+1, l)
		}
	}
	if !strings.Contains(lines[0], `"reason":"unknown_user"`) || !strings.Contains(lines[0], `"page":"site/basic/550.html"`) {
		t.Errorf("%s", lines[0])
	}
}
