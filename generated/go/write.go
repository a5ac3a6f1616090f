package smtpcodes

import (
	"fmt"
	"io"
	"strings"
)

// ReplyContext is what a reply answers, which decides whether it may carry an enhanced
// code: RFC 2034 section 4 puts one on every 2xx, 4xx and 5xx line except the greeting and
// the replies to HELO and EHLO (and never on 3xx).
type ReplyContext uint8

// The contexts.
const (
	// ContextCommand: any command other than HELO and EHLO.
	ContextCommand ReplyContext = iota
	// ContextGreeting: the greeting a server sends when the connection opens.
	ContextGreeting
	// ContextHello: the reply to HELO or EHLO.
	ContextHello
)

// WriteErrorKind says why ReplyWriter refused to write.
type WriteErrorKind uint8

// The reasons a reply cannot be written.
const (
	// WriteLineBreak: a line contains CR or LF; give each line of text separately.
	WriteLineBreak WriteErrorKind = iota
	// WriteInvalidCharacter: a line contains a byte outside RFC 5321's textstring.
	WriteInvalidCharacter
	// WriteLineTooLong: a line would be longer than 512 bytes with CRLF.
	WriteLineTooLong
	// WriteClassMismatch: the enhanced code's class differs from the reply code's first digit.
	WriteClassMismatch
	// WriteAmbiguousText: a line without an enhanced code begins with something a parser would
	// take for one.
	WriteAmbiguousText
	// WriteCodeOutsideGrammar: the reply code's second digit is above 5.
	WriteCodeOutsideGrammar
	// WriteFailed: the destination failed (Err).
	WriteFailed
)

// WriteError says why ReplyWriter refused to write. Lines count from 1; positions are byte
// offsets in the line's text.
type WriteError struct {
	Kind     WriteErrorKind
	Line     int
	Position int
	Length   int
	Reply    ReplyCode
	Enhanced EnhancedCode
	Err      error // for WriteFailed
}

func (e *WriteError) Error() string {
	switch e.Kind {
	case WriteLineBreak:
		return fmt.Sprintf("line %d contains CR or LF at byte %d; give each line of text separately", e.Line, e.Position)
	case WriteInvalidCharacter:
		return fmt.Sprintf("line %d has a character at byte %d that RFC 5321 does not allow in reply text (tab, space and printable US-ASCII only)", e.Line, e.Position)
	case WriteLineTooLong:
		return fmt.Sprintf("line %d would be %d bytes long with CRLF; RFC 5321 section 4.5.3.1.5 allows 512", e.Line, e.Length)
	case WriteClassMismatch:
		return fmt.Sprintf("enhanced code %s does not agree with reply code %d: the class must equal the reply code's first digit (RFC 2034 section 4)", e.Enhanced, e.Reply)
	case WriteAmbiguousText:
		return fmt.Sprintf("line %d begins with something shaped like an enhanced status code, which a reader would take for one", e.Line)
	case WriteCodeOutsideGrammar:
		return fmt.Sprintf("reply code %d is outside RFC 5321's grammar (second digit 0 to 5, section 4.2)", e.Reply)
	default:
		return "the destination failed to accept the text: " + e.Err.Error()
	}
}

// Unwrap gives the destination's error, for WriteFailed.
func (e *WriteError) Unwrap() error { return e.Err }

// ReplyWriter writes replies in wire form. Every line gets the reply code, '-' or a space,
// and the enhanced code where RFC 2034 wants one: on every line of a 2xx, 4xx or 5xx reply in
// ContextCommand, never on 3xx, the greeting or HELO/EHLO replies (an enhanced code given
// for those is left off). All lines are checked before anything is written. What it writes
// parses back, strictly, to the same code, enhanced code and texts.
type ReplyWriter struct {
	Code     ReplyCode
	Enhanced EnhancedCode // zero for none
	Context  ReplyContext
}

// WrittenEnhanced is the enhanced code that will be written, if any.
func (w ReplyWriter) WrittenEnhanced() (EnhancedCode, bool) {
	if w.Enhanced == 0 || w.Code.FirstDigit() == 3 || w.Context != ContextCommand {
		return 0, false
	}
	return w.Enhanced, true
}

// Check says what Write would refuse, without writing anything.
func (w ReplyWriter) Check(lines []string) error {
	if err := w.check(lines); err != nil {
		return err
	}
	return nil
}

func (w ReplyWriter) check(lines []string) *WriteError {
	if w.Code.SecondDigit() > 5 {
		return &WriteError{Kind: WriteCodeOutsideGrammar, Reply: w.Code}
	}
	enhanced, has := w.WrittenEnhanced()
	if has && enhanced.Class().Digit() != w.Code.FirstDigit() {
		return &WriteError{Kind: WriteClassMismatch, Reply: w.Code, Enhanced: enhanced}
	}
	prefix := 4
	if has {
		prefix += enhanced.wireLen() + 1
	}
	for i, text := range lines {
		line := i + 1
		for position := 0; position < len(text); position++ {
			b := text[position]
			if b == '\r' || b == '\n' {
				return &WriteError{Kind: WriteLineBreak, Line: line, Position: position}
			}
			if !(b == '\t' || (b >= 32 && b <= 126)) {
				return &WriteError{Kind: WriteInvalidCharacter, Line: line, Position: position}
			}
		}
		length := prefix + len(text) + 2
		if text == "" && has {
			length = prefix - 1 + 2
		}
		if length > rfcMaxLine {
			return &WriteError{Kind: WriteLineTooLong, Line: line, Length: length}
		}
		if !has {
			if kind, _, _, _ := scanToken(text[whitespace(text):]); kind != tokenNone {
				return &WriteError{Kind: WriteAmbiguousText, Line: line}
			}
		}
	}
	return nil
}

// Format gives the reply as a string: one line per item of lines (none is written as one
// empty line), each ending in CRLF.
func (w ReplyWriter) Format(lines ...string) (string, error) {
	if err := w.check(lines); err != nil {
		return "", err
	}
	var b strings.Builder
	w.build(&b, lines)
	return b.String(), nil
}

// Write writes the reply to out. It checks everything first, so on an error other than
// WriteFailed nothing has been written; the reply goes to out in one Write call.
func (w ReplyWriter) Write(out io.Writer, lines ...string) error {
	if err := w.check(lines); err != nil {
		return err
	}
	var b strings.Builder
	w.build(&b, lines)
	if _, err := io.WriteString(out, b.String()); err != nil {
		return &WriteError{Kind: WriteFailed, Err: err}
	}
	return nil
}

func (w ReplyWriter) build(b *strings.Builder, lines []string) {
	enhanced, has := w.WrittenEnhanced()
	count := len(lines)
	if count == 0 {
		count = 1
	}
	code := w.Code.String()
	for i := 0; i < count; i++ {
		text := ""
		if i < len(lines) {
			text = lines[i]
		}
		b.WriteString(code)
		if i+1 < count {
			b.WriteByte('-')
		} else {
			b.WriteByte(' ')
		}
		if has {
			b.WriteString(enhanced.String())
			if text != "" {
				b.WriteByte(' ')
			}
		}
		b.WriteString(text)
		b.WriteString("\r\n")
	}
}
