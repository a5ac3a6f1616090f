package smtpcodes

import (
	"errors"
	"fmt"
	"math/rand"
	"strings"
	"testing"
)

func TestReplyCodesRoundTrip(t *testing.T) {
	for n := 0; n < 1000; n++ {
		text := fmt.Sprintf("%03d", n)
		code, err := ParseReplyCode(text)
		valid := n >= 200 && n <= 599
		if valid != (err == nil) {
			t.Fatalf("ParseReplyCode(%q) = %v, %v", text, code, err)
		}
		if valid && (code.String() != text || int(code) != n) {
			t.Fatalf("ParseReplyCode(%q) gives %s", text, code)
		}
		if _, err := NewReplyCode(n); valid != (err == nil) {
			t.Fatalf("NewReplyCode(%d): %v", n, err)
		}
	}
	for _, bad := range []struct{ in, want string }{
		{"", "reply code is empty; expected three digits such as 550"},
		{"5500", "reply code has 4 characters; expected exactly three digits such as 550"},
		{"5x0", "reply code has a character that is not an ASCII digit at byte 1"},
		{"650", "reply code starts with 6; the first digit must be 2, 3, 4 or 5 (RFC 5321 section 4.2)"},
	} {
		if _, err := ParseReplyCode(bad.in); err == nil || err.Error() != bad.want {
			t.Errorf("ParseReplyCode(%q): %v; want %q", bad.in, err, bad.want)
		}
	}
}

func TestNamedConstants(t *testing.T) {
	if CodeMailboxUnavailable != 550 || !CodeMailboxUnavailable.IsPermanent() {
		t.Fatal("CodeMailboxUnavailable")
	}
	if PermanentBadDestinationMailboxAddress.String() != "5.1.1" {
		t.Fatal(PermanentBadDestinationMailboxAddress)
	}
	info, ok := CodeMailboxUnavailable.Info()
	if !ok || info.Status != ReplyStandard || info.Text == "" {
		t.Fatalf("550: %+v", info)
	}
	if _, ok := ReplyCode(299).Info(); ok {
		t.Fatal("299 has no entry")
	}
	if _, ok := LookupReply(101); !ok {
		t.Fatal("101 is described (a client error number)")
	}
}

func TestEnhancedCodesRoundTrip(t *testing.T) {
	for _, info := range EnhancedInfos() {
		for _, class := range []uint8{2, 4, 5} {
			code, err := NewEnhancedCode(class, info.Subject, info.Detail)
			if err != nil {
				t.Fatal(err)
			}
			back, err := ParseEnhancedCode(code.String())
			if err != nil || back != code {
				t.Fatalf("%s parses back as %s, %v", code, back, err)
			}
			got, ok := back.Info()
			if !ok || got.Code() != info.Code() {
				t.Fatalf("%s: info %v", code, got)
			}
		}
	}
	if _, ok := EnhancedCode(makeEnhanced(5, 7, 509)).Info(); ok {
		t.Fatal("5.7.509 is a vendor code")
	}
	for _, bad := range []struct{ in, want string }{
		{"", "enhanced status code is empty; expected class.subject.detail such as 5.1.1"},
		{"6.1.1", "enhanced status code must start with class 2, 4 or 5 (RFC 3463 section 2)"},
		{"5.1", "enhanced status code ends before its detail; expected class.subject.detail such as 5.1.1"},
		{"5..1", "enhanced status code has an empty subject"},
		{"5.01.1", "enhanced status code has a leading zero in its subject (RFC 3463 section 2 forbids them)"},
		{"5.1.1000", "enhanced status code has more than 3 digits in its detail (RFC 3463 allows 1 to 3)"},
		{"5.1.1x", "enhanced status code is followed by unexpected characters at byte 5"},
		{"5.x.1", "enhanced status code has a character that is not an ASCII digit in its subject at byte 2"},
	} {
		if _, err := ParseEnhancedCode(bad.in); err == nil || err.Error() != bad.want {
			t.Errorf("ParseEnhancedCode(%q): %v; want %q", bad.in, err, bad.want)
		}
	}
	if _, err := NewEnhancedCode(5, 1000, 1); err == nil {
		t.Error("subject 1000 accepted")
	}
	code, used, err := ParseEnhancedPrefix("4.7.1 Try again later")
	if err != nil || code.String() != "4.7.1" || used != 5 {
		t.Errorf("prefix: %s %d %v", code, used, err)
	}
}

func TestTokens(t *testing.T) {
	for _, c := range []struct {
		in   string
		kind tokenKind
		n    int
	}{
		{"5.1.1 User", tokenValid, 5},
		{"5.7.139", tokenValid, 7},
		{"5.7.1: x", tokenValid, 5},
		{"5.1.1000 x", tokenMalformed, 8},
		{"6.1.1 x", tokenMalformed, 5},
		{"5.01.1 x", tokenMalformed, 6},
		{"5.1.1x", tokenMalformed, 5},
		{"192.168.1.1 x", tokenNone, 0},
		{"5.1 x", tokenNone, 0},
		{"8BITMIME", tokenNone, 0},
		{"", tokenNone, 0},
		{"5.", tokenNone, 0},
		{"5.1.", tokenNone, 0},
	} {
		kind, _, n, _ := scanToken(c.in)
		if kind != c.kind || n != c.n {
			t.Errorf("scanToken(%q) = %d, %d; want %d, %d", c.in, kind, n, c.kind, c.n)
		}
	}
	for _, c := range []struct{ in, want string }{
		{"over quota (#5.1.1)", "5.1.1"},
		{"#5.1.0 Address rejected.", "5.1.0"},
		{"550 5.7.0 Header error", "5.7.0"},
		{"cuda_nsu 4.7.1", "4.7.1"},
		{"<mx #5.7.1 smtp;550 5.7.1 no>", "5.7.1"},
		{"later. (#id-5.9.4)", ""},
		{"complaints - 4.16.55.1; see", ""},
		{"q2.22 - gsmtp", ""},
		{"Version: 8.0.9200.16384 ready", ""},
		{"(554.30)", ""},
	} {
		got, ok := findInText(c.in)
		if (c.want == "") == ok || (ok && got.String() != c.want) {
			t.Errorf("findInText(%q) = %s, %v; want %q", c.in, got, ok, c.want)
		}
	}
}

func TestParseErrors(t *testing.T) {
	_, err := ParseReplyStrict("550-5.1.1 first\r\n551 5.1.1 second\r\n")
	var re *ReplyError
	if !errors.As(err, &re) || re.Kind != ErrCodeMismatch || re.Line != 2 || re.Position != 17 {
		t.Fatalf("%v", err)
	}
	want := "line 2, byte 17: reply code 551 differs from the first line's 550; every line must carry the same code (RFC 5321 section 4.2.1)"
	if err.Error() != want {
		t.Errorf("%q", err)
	}
	long := "550 " + strings.Repeat("x", 100)
	_, err = ParseReplyWith(long, ParseOptions{MaxLineLength: 64})
	if !errors.As(err, &re) || re.Kind != ErrLineTooLong || re.Length != 104 || re.Max != 64 {
		t.Fatalf("%v", err)
	}
	if _, err := ParseReply(""); err == nil || err.(*ReplyError).Kind != ErrEmpty {
		t.Fatal("empty input")
	}
	if _, err := ParseReply("550 a\r\nnot a line"); err == nil || err.(*ReplyError).Kind != ErrTrailingData {
		t.Fatalf("trailing data: %v", err)
	}
	reply, err := ParseReply("550: 4.4.7 expired\n")
	if err != nil {
		t.Fatal(err)
	}
	var kinds []string
	for _, v := range reply.Violations() {
		kinds = append(kinds, v.Kind.Name())
	}
	if strings.Join(kinds, " ") != "bad_separator enhanced_class_mismatch bare_lf" {
		t.Errorf("violations %v", kinds)
	}
}

func TestLenientReadings(t *testing.T) {
	gmail, _ := ParseReply("550 550 5.1.1 User unknown")
	if gmail.Enhanced().Kind != StateAbsent {
		t.Error("nothing stands in the RFC 2034 position")
	}
	if c, ok := gmail.EnhancedInText(); !ok || c.String() != "5.1.1" {
		t.Error("5.1.1 is in the text")
	}
	yahoo, _ := ParseReply("550: 5.2.2 Mailbox full")
	if c, ok := yahoo.EnhancedCode(); !ok || c.String() != "5.2.2" {
		t.Error("Yahoo's colon")
	}
	multi, _ := ParseReply("550-5.1.1 The email account that you tried to reach does not exist.\r\n550 5.1.1 https://support.google.com/mail/?p=NoSuchUser - gsmtp\r\n")
	lines := multi.Lines()
	if len(lines) != 2 || !lines[0].IsContinuation() || lines[0].Text != "The email account that you tried to reach does not exist." || lines[1].Number != 2 {
		t.Errorf("%+v", lines)
	}
	if lines[0].Raw != "550-5.1.1 The email account that you tried to reach does not exist." {
		t.Errorf("raw %q", lines[0].Raw)
	}
}

func TestWriterRoundTrip(t *testing.T) {
	w := ReplyWriter{Code: CodeMailboxUnavailable, Enhanced: PermanentBadDestinationMailboxAddress}
	out, err := w.Format("No such user here", "Check the address")
	if err != nil || out != "550-5.1.1 No such user here\r\n550 5.1.1 Check the address\r\n" {
		t.Fatalf("%q %v", out, err)
	}
	reply, err := ParseReplyStrict(out)
	if err != nil || reply.Code() != 550 || strings.Join(reply.Texts(), "|") != "No such user here|Check the address" {
		t.Fatalf("%v %v", reply, err)
	}
	for _, c := range []struct {
		w     ReplyWriter
		lines []string
		kind  WriteErrorKind
	}{
		{ReplyWriter{Code: 550}, []string{"a\r\nb"}, WriteLineBreak},
		{ReplyWriter{Code: 550}, []string{"caf\u00e9"}, WriteInvalidCharacter},
		{ReplyWriter{Code: 550}, []string{strings.Repeat("x", 510)}, WriteLineTooLong},
		{ReplyWriter{Code: 550, Enhanced: makeEnhanced(4, 1, 1)}, []string{"x"}, WriteClassMismatch},
		{ReplyWriter{Code: 550}, []string{"1.2.3 looks like a code"}, WriteAmbiguousText},
		{ReplyWriter{Code: 571}, []string{"x"}, WriteCodeOutsideGrammar},
	} {
		var b strings.Builder
		err := c.w.Write(&b, c.lines...)
		var we *WriteError
		if !errors.As(err, &we) || we.Kind != c.kind || b.Len() != 0 {
			t.Errorf("%+v %q: %v (wrote %q)", c.w, c.lines, err, b.String())
		}
	}
	// The greeting and 3xx replies carry no enhanced code.
	out, _ = ReplyWriter{Code: CodeServiceReady, Enhanced: SuccessOtherUndefinedStatus, Context: ContextGreeting}.Format("mx ready")
	if out != "220 mx ready\r\n" {
		t.Errorf("%q", out)
	}
	out, _ = ReplyWriter{Code: 250, Enhanced: SuccessOtherUndefinedStatus}.Format()
	if out != "250 2.0.0\r\n" {
		t.Errorf("%q", out)
	}
}

func TestPhrases(t *testing.T) {
	for _, c := range []struct {
		text, phrase string
		want         bool
	}{
		{"Message flagged as SPAM.", "spam", true},
		{"antispam gateway", "spam", false},
		{"antispam gateway", "*spam", true},
		{"Throttling failure", "throttl*", true},
		{"Throttling failure", "throttl", false},
		{"rejected, UBE, id=1", "ube", true},
		{"youtube link", "ube", false},
		{"IP bloqu\u00e9e", "bloqu\u00e9e", true},
		{"short", "much longer phrase", false},
		{"", "x", false},
		{"abc", "*", false},
		{"  The email  account\r\ndoes not\texist ", "account does not exist", true},
	} {
		if got := ContainsPhrase(c.text, c.phrase); got != c.want {
			t.Errorf("ContainsPhrase(%q, %q) = %v", c.text, c.phrase, got)
		}
	}
	var m matchText
	for i := 0; i < 5000; i++ {
		m.push("ab")
	}
	m.index()
	if m.end > TextCapacity {
		t.Error("the folded text outgrew its capacity")
	}
}

func TestClassifierOrder(t *testing.T) {
	c := ClassifyText(CodeMailboxUnavailable, makeEnhanced(5, 7, 1), "Service unavailable; client [192.0.2.1] blocked using zen.spamhaus.org")
	if c.Reason != ReasonBlocked || c.Side != SideSendingServer || c.Bounce != BounceSoft || c.DecidedBy.Kind != ByTextRule {
		t.Errorf("%+v %s", c, c.DecidedBy)
	}
	reply, _ := ParseReply("550 5.1.1 <bob@example.com> User unknown")
	c = reply.Classify()
	if c.Reason != ReasonUnknownUser || c.Bounce != BounceHard || c.Side != SideRecipient {
		t.Errorf("%+v", c)
	}
	// A vendor's own, unregistered code.
	c = ClassifyText(550, makeEnhanced(5, 7, 606), "Access denied, banned sending IP [192.0.2.1]")
	if c.Vendor == nil || c.Vendor.Vendor.Slug != "microsoft-exchange-online" {
		t.Errorf("vendor %+v", c.Vendor)
	}
	// The caller's rules come first.
	mine := Classifier{Rules: []Rule{{ID: "acme-frozen", Reason: ReasonMailboxDisabled, Any: []string{"mailbox frozen"}}}}
	c = mine.ClassifyText(CodeTransactionFailed, 0, "Mailbox frozen by ACME")
	if c.Reason != ReasonMailboxDisabled || c.DecidedBy.String() != "your rule `acme-frozen` (found \"mailbox frozen\")" {
		t.Errorf("%+v %s", c, c.DecidedBy)
	}
	// Success replies take the reply code's default.
	c = ClassifyText(250, 0, "user unknown")
	if c.Reason != ReasonAccepted || c.Bounce != BounceNone || c.Retry != RetryDone {
		t.Errorf("%+v", c)
	}
	c = ClassifyText(599, 0, "")
	if c.Reason != ReasonUnknown || c.DecidedBy.Kind != ByNothing {
		t.Errorf("%+v", c)
	}
	for _, r := range Reasons() {
		back, ok := ReasonFromID(r.ID())
		if !ok || back != r || r.Title() == "" || r.Advice() == "" {
			t.Errorf("reason %d", r)
		}
	}
}

// Bad input never panics: random bytes and mutations of real replies go through every entry
// point.
func TestNoPanics(t *testing.T) {
	rng := rand.New(rand.NewSource(25))
	seeds := []string{"550-5.1.1 a\r\n550 5.1.1 b\r\n", "250 OK", "421 4.7.0 [TSS04] x", "550: 5.2.2 full", " 5.5.5", "550 5.01.1", "354"}
	alphabet := []byte("0123456789 .-:\t\r\n#(5x\x00\xff")
	for i := 0; i < 20000; i++ {
		b := []byte(seeds[rng.Intn(len(seeds))])
		for k := rng.Intn(6); k >= 0; k-- {
			switch p := rng.Intn(len(b) + 1); rng.Intn(3) {
			case 0:
				b = append(b[:p], append([]byte{alphabet[rng.Intn(len(alphabet))]}, b[p:]...)...)
			case 1:
				if p < len(b) {
					b = append(b[:p], b[p+1:]...)
				}
			default:
				if p < len(b) {
					b[p] = alphabet[rng.Intn(len(alphabet))]
				}
			}
		}
		s := string(b)
		for _, mode := range []Mode{Lenient, Strict} {
			reply, err := ParseReplyWith(s, ParseOptions{Mode: mode, MaxLineLength: 1 + rng.Intn(40)})
			if err != nil {
				_ = err.Error()
				continue
			}
			_ = reply.Lines()
			_, _ = reply.EnhancedInText()
			for _, v := range reply.Violations() {
				_ = v.Error()
			}
			c := reply.Classify()
			_ = c.DecidedBy.String()
		}
		// Codes made by conversion, in or out of range, classify without panicking too.
		c := ClassifyText(ReplyCode(rng.Intn(1<<16)), EnhancedCode(rng.Uint32()), s)
		_, _ = c.DecidedBy.String(), c.Enhanced.String()
		// So do any context, command numbers out of range and odd host names included.
		var cl Classifier
		ctx := Context{Command: Command(rng.Intn(256)), RemoteHost: s}
		c = cl.ClassifyTextWith(ReplyCode(rng.Intn(1<<16)), EnhancedCode(rng.Uint32()), s, ctx)
		_, _ = c.DecidedBy.String(), ctx.Command.String()
		_, _ = VendorOfHost(s)
		_, _ = ParseCommand(s)
		_, _ = ParseEnhancedCode(s)
		_, _ = ParseReplyCode(s)
		_ = ReplyWriter{Code: 550, Enhanced: PermanentOtherUndefinedStatus}.Check([]string{s})
	}
}
