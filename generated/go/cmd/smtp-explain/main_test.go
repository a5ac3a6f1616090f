package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	smtpcodes "github.com/smtp-codes/smtp-codes/generated/go"
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
	if status := jsonl(strings.NewReader(input), &out, "site/", smtpcodes.Context{}); status != 0 {
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

// capture runs the command with args and stdin, and gives its exit status and what it wrote.
func capture(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	dir := t.TempDir()
	open := func(name string) *os.File {
		f, err := os.Create(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return f
	}
	in, out, errOut := open("in"), open("out"), open("err")
	if _, err := in.WriteString(stdin); err != nil {
		t.Fatal(err)
	}
	if _, err := in.Seek(0, 0); err != nil {
		t.Fatal(err)
	}
	saved := [3]*os.File{os.Stdin, os.Stdout, os.Stderr}
	os.Stdin, os.Stdout, os.Stderr = in, out, errOut
	status := run(args)
	os.Stdin, os.Stdout, os.Stderr = saved[0], saved[1], saved[2]
	read := func(f *os.File) string {
		f.Close()
		b, err := os.ReadFile(f.Name())
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	in.Close()
	return status, read(out), read(errOut)
}

func decode(t *testing.T, text string) map[string]interface{} {
	t.Helper()
	var v map[string]interface{}
	if err := json.Unmarshal([]byte(text), &v); err != nil {
		t.Fatalf("%v: %s", err, text)
	}
	return v
}

func TestTheRetryPolicyIsShownInEveryMode(t *testing.T) {
	status, out, _ := capture(t, "", "--json", "550 5.1.1 <bob@example.com> User unknown")
	if status != 0 {
		t.Fatalf("status %d", status)
	}
	p, _ := decode(t, out)["retry_policy"].(map[string]interface{})
	if p["retry"] != "never" || p["suppress_address"] != true || p["source"] != "reason" || p["first_after_secs"] != nil {
		t.Errorf("%v", p)
	}
	// The policy's keys, in the order written (sorted, as serde_json writes them).
	i := strings.Index(out, `"retry_policy": {`)
	var got []string
	for _, line := range strings.Split(out[i:strings.Index(out[i:], "}")+i], "\n")[1:] {
		if line = strings.TrimSpace(line); line != "" {
			got = append(got, strings.Trim(strings.SplitN(line, ":", 2)[0], `"`))
		}
	}
	want := []string{"backoff", "first_after_secs", "give_up_after_secs", "give_up_attempts", "how", "retry", "source", "suppress_address"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("keys %v", got)
	}
	_, out, _ = capture(t, "", "--json", "451 4.3.0 Try again later")
	p, _ = decode(t, out)["retry_policy"].(map[string]interface{})
	if p["first_after_secs"] != 1800.0 || p["give_up_after_secs"] != 432000.0 {
		t.Errorf("%v", p)
	}
	_, out, _ = capture(t, "", "--json", "250 OK")
	if v := decode(t, out); v["retry_policy"] != nil || len(v) != len(keys) || len(keys) != 22 {
		t.Errorf("%v", v)
	}
	_, words, _ := capture(t, "", "550 5.1.1 <bob@example.com> User unknown")
	if !strings.Contains(words, "next time:   do not retry") || !strings.Contains(words, "Stop mailing this address") {
		t.Errorf("%s", words)
	}
	_, words, _ = capture(t, "", "250 OK")
	if strings.Contains(words, "next time:") {
		t.Errorf("%s", words)
	}
	_, out, _ = capture(t, "\"451 4.3.0 Try again later\"\n", "--jsonl")
	if !strings.Contains(out, `"retry_policy":{"backoff":"Keep at least 30 minutes between attempts; a sender that tracks failures per destination may wait longer after each one.","first_after_secs":1800,"give_up_after_secs":432000,"give_up_attempts":null,"how":null,"retry":"later","source":"default","suppress_address":false}`) {
		t.Errorf("%s", out)
	}
}

func TestTheCommandAndRemoteHostAreTheContext(t *testing.T) {
	status, out, _ := capture(t, "", "--json", "--command", "rcpt", "552 Too many")
	v := decode(t, out)
	if status != 0 || v["class"] != "transient" || v["retry"] != "retry_later" || v["reason"] != "too_many_recipients" {
		t.Errorf("%d %v", status, v)
	}
	_, out, _ = capture(t, "", "--json", "552 Too many")
	if v := decode(t, out); v["class"] != "permanent" {
		t.Errorf("%v", v)
	}
	const reply = "534 5.7.9 https://support.google.com/mail/?p=WebLoginRequired"
	_, out, _ = capture(t, "", "--json", reply)
	if v := decode(t, out); v["vendor"] != nil {
		t.Errorf("%v", v["vendor"])
	}
	_, out, _ = capture(t, "", "--json", "--remote-host", "smtp.gmail.com", reply)
	if vendor, _ := decode(t, out)["vendor"].(map[string]interface{}); vendor["vendor"] != "google-gmail" {
		t.Errorf("%v", vendor)
	}
	// The options may come anywhere; a later one replaces an earlier one.
	_, out, _ = capture(t, "", "--json", "552 Too many", "--command", "DATA", "--command", "RCPT")
	if v := decode(t, out); v["reason"] != "too_many_recipients" {
		t.Errorf("%v", v)
	}
	_, out, _ = capture(t, "\"554 Transaction failed\"\n", "--jsonl", "--command", "DATA")
	if v := decode(t, out); v["reason"] != "content_rejected" || v["line"] != 1.0 {
		t.Errorf("%v", v)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--command", "FROB", "550 x"}, "smtp-explain: --command `FROB` is not an SMTP command the registry knows\n\n" + usage + "\n"},
		{[]string{"550 x", "--command"}, "smtp-explain: --command needs a value\n\n" + usage + "\n"},
		{[]string{"--remote-host"}, "smtp-explain: --remote-host needs a host name\n\n" + usage + "\n"},
		{[]string{"--remote-host", " \t", "550 x"}, "smtp-explain: --remote-host needs a host name\n\n" + usage + "\n"},
	} {
		status, out, errOut := capture(t, "", c.args...)
		if status != 2 || out != "" || errOut != c.want {
			t.Errorf("%q: %d %q %q", c.args, status, out, errOut)
		}
	}
	if _, out, _ := capture(t, "", "--help"); !strings.Contains(out, "--remote-host HOST\n              the server that sent the replies") {
		t.Errorf("%s", out)
	}
}
