package smtpcodes

import "strings"

// EnhancedStateKind says what stands in the enhanced status code's place (the start of the
// text, RFC 2034 section 4).
type EnhancedStateKind uint8

// The enhanced code states.
const (
	// StateAbsent: nothing shaped like an enhanced code begins the text.
	StateAbsent EnhancedStateKind = iota
	// StateValid: a well-formed code whose class agrees with the reply code.
	StateValid
	// StateMalformed: something shaped like a code (digits.digits.digits) that is not a
	// valid one (5.1.1000, 6.1.1, 5.01.1); the text keeps it.
	StateMalformed
	// StateClassMismatch: a well-formed code whose class differs from the reply code's
	// first digit (550 4.4.7). The reply code decides the outcome.
	StateClassMismatch
	// StateInconsistent: lines of one reply carry different codes (Code is the first,
	// Other the first that differs). Only a whole reply has this state.
	StateInconsistent
)

// EnhancedState is what stands in the enhanced code's place of a reply or a line: an
// explicit state, never a magic zero.
type EnhancedState struct {
	Kind  EnhancedStateKind
	Code  EnhancedCode // the code, for Valid, ClassMismatch and Inconsistent (the first)
	Other EnhancedCode // for Inconsistent: the first code that differs from Code
}

// Name is a stable snake_case name: "absent", "valid", "malformed", "class_mismatch" or
// "inconsistent".
func (s EnhancedState) Name() string {
	switch s.Kind {
	case StateValid:
		return "valid"
	case StateMalformed:
		return "malformed"
	case StateClassMismatch:
		return "class_mismatch"
	case StateInconsistent:
		return "inconsistent"
	default:
		return "absent"
	}
}

// Separator is what follows a line's reply code.
type Separator uint8

// The separators.
const (
	// SepHyphen: '-', more lines follow.
	SepHyphen Separator = iota
	// SepSpace: a space; the last line.
	SepSpace
	// SepNone: nothing, the line is the bare code; the last line.
	SepNone
	// SepColon: ':', as Yahoo's bounces print replies; lenient only.
	SepColon
	// SepTab: a tab; lenient only.
	SepTab
	// SepOther: any other byte, which lenient reading takes as the start of the text.
	SepOther
)

// Terminator is how a line ends.
type Terminator uint8

// The line endings.
const (
	// TermCRLF: CR LF, as RFC 5321 requires.
	TermCRLF Terminator = iota
	// TermLF: a bare LF, which lenient reading tolerates.
	TermLF
	// TermNone: the input ends.
	TermNone
)

// Line is one line of a parsed Reply.
type Line struct {
	Raw        string // the line without its line ending
	Text       string // what follows the code, separator and (valid) enhanced code with one space
	Code       ReplyCode
	Separator  Separator
	Enhanced   EnhancedState // never Inconsistent; ClassMismatch is judged against Code
	Terminator Terminator
	Number     int // from 1
	Offset     int // the byte offset of the line's start in the input
}

// IsContinuation reports whether more lines follow (the code is followed by '-').
func (l Line) IsContinuation() bool { return l.Separator == SepHyphen }

// EnhancedInText gives the first enhanced code standing on its own inside the text, away
// from the RFC 2034 position; see Reply.EnhancedInText.
func (l Line) EnhancedInText() (EnhancedCode, bool) { return findInText(l.Text) }

// lineParts says where the parts of one line lie in the input (absolute offsets).
type lineParts struct {
	start, end, next int // the line, its content's end, the next line's start
	terminator       Terminator
	code             ReplyCode
	separator        Separator
	sepByte          byte
	enhanced         EnhancedState
	textStart        int
}

func (p *lineParts) isLast() bool { return p.separator != SepHyphen }

func (p *lineParts) line(input string, number int) Line {
	return Line{
		Raw:        input[p.start:p.end],
		Text:       input[p.textStart:p.end],
		Code:       p.code,
		Separator:  p.separator,
		Enhanced:   p.enhanced,
		Terminator: p.terminator,
		Number:     number,
		Offset:     p.start,
	}
}

// readLine reads the line starting at start. It fails only when the line has no reply code;
// number locates the error. With scanEnhanced false the line is read as if no enhanced code
// could begin its text. It always reads leniently: strict parsing is lenient reading plus a
// checker that finds nothing to report.
func readLine(input string, start, number int, scanEnhanced bool, p *lineParts) *ReplyError {
	rest := input[start:]
	i := strings.IndexByte(rest, '\n')
	switch {
	case i > 0 && rest[i-1] == '\r':
		p.end, p.next, p.terminator = start+i-1, start+i+1, TermCRLF
	case i >= 0:
		p.end, p.next, p.terminator = start+i, start+i+1, TermLF
	default:
		p.end, p.next, p.terminator = len(input), len(input), TermNone
	}
	p.start = start
	content := input[start:p.end]
	indent := whitespace(content)
	codeStart := start + indent
	c := content[indent:]
	code, cerr := readCode(c)
	if cerr != nil {
		return &ReplyError{Kind: ErrBadCode, Line: number, Position: codeStart, CodeError: cerr}
	}
	afterCode := codeStart + 3
	p.code = code
	p.separator = SepNone
	p.sepByte = 0
	p.enhanced = EnhancedState{}
	p.textStart = p.end
	if len(c) <= 3 {
		return nil
	}
	sep := c[3]
	switch sep {
	case '-':
		p.separator = SepHyphen
	case ' ':
		p.separator = SepSpace
	case ':':
		p.separator = SepColon
	case '\t':
		p.separator = SepTab
	default:
		p.separator = SepOther
		p.sepByte = sep
		p.textStart = afterCode
		return nil
	}
	p.sepByte = sep
	after := afterCode + 1
	body := input[after:p.end]
	gap := whitespace(body)
	token := body[gap:]
	p.textStart = after
	if p.separator == SepColon && len(body) > 0 && body[0] == ' ' {
		p.textStart = after + 1
	}
	if !scanEnhanced {
		return nil
	}
	kind, enhanced, length, _ := scanToken(token)
	switch kind {
	case tokenMalformed:
		p.enhanced = EnhancedState{Kind: StateMalformed}
	case tokenValid:
		if enhanced.Class().Digit() == code.FirstDigit() {
			p.enhanced = EnhancedState{Kind: StateValid, Code: enhanced}
		} else {
			p.enhanced = EnhancedState{Kind: StateClassMismatch, Code: enhanced}
		}
		tokenEnd := after + gap + length
		if length < len(token) && token[length] == ' ' {
			p.textStart = tokenEnd + 1
		} else {
			p.textStart = tokenEnd
		}
	}
	return nil
}

// whitespace counts the spaces and tabs s starts with.
func whitespace(s string) int {
	i := 0
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	return i
}

// tokenPlace gives where the reply code starts (after any leading whitespace), where the
// enhanced code's place is (after the separator and any whitespace), and that whitespace's
// length.
func tokenPlace(input string, p *lineParts) (codeStart, tokenStart, gap int) {
	codeStart = p.start + whitespace(input[p.start:p.end])
	after := codeStart + 4
	switch p.separator {
	case SepHyphen, SepSpace, SepColon, SepTab:
		if after <= p.end {
			gap = whitespace(input[after:p.end])
		}
	}
	return codeStart, after + gap, gap
}

// readCode reads a reply code at the start of c: three digits, the first 2 to 5, and no
// fourth digit.
func readCode(c string) (ReplyCode, *ReplyCodeError) {
	if len(c) >= 3 && c[0] >= '2' && c[0] <= '5' && isDigit(c[1]) && isDigit(c[2]) && (len(c) == 3 || !isDigit(c[3])) {
		return ReplyCode(uint16(c[0]-'0')*100 + uint16(c[1]-'0')*10 + uint16(c[2]-'0')), nil
	}
	n := 0
	for n < len(c) && isDigit(c[n]) {
		n++
	}
	if n > 3 {
		return 0, &ReplyCodeError{Kind: ReplyCodeWrongLength, Value: n}
	}
	if len(c) > 3 {
		c = c[:3]
	}
	if err := replyCodeError(c); err != nil {
		return 0, err
	}
	// Unreachable: three digits, the first 2 to 5, not followed by a digit, parse above.
	return 0, &ReplyCodeError{Kind: ReplyCodeWrongLength, Value: len(c)}
}

type tokenKind uint8

const (
	tokenNone tokenKind = iota
	tokenValid
	tokenMalformed
)

// scanToken reads an enhanced-code-shaped token at the start of s: three runs of digits
// joined by dots, not followed by ".digit" (an IP address or a version number). A valid code
// directly followed by a letter, digit or '_' (5.1.1x) is malformed. It returns the kind,
// the code when valid, the token's length, and why it is malformed.
func scanToken(s string) (tokenKind, EnhancedCode, int, *EnhancedCodeError) {
	if len(s) == 0 || !isDigit(s[0]) {
		return tokenNone, 0, 0, nil
	}
	if code, used, err := parseEnhancedPrefix(s); err == nil {
		if used+1 < len(s) && s[used] == '.' && isDigit(s[used+1]) {
			return tokenNone, 0, 0, nil
		}
		if used < len(s) {
			if b := s[used]; isAlnum(b) || b == '_' {
				return tokenMalformed, 0, used, &EnhancedCodeError{Kind: EnhancedTrailingCharacters, Value: used}
			}
		}
		return tokenValid, code, used, nil
	}
	// Not a valid code: is it shaped like one?
	i, group := 0, 0
	for {
		start := i
		for i < len(s) && isDigit(s[i]) {
			i++
		}
		if i == start {
			return tokenNone, 0, 0, nil
		}
		group++
		if group == 3 {
			break
		}
		if i < len(s) && s[i] == '.' {
			i++
		} else {
			return tokenNone, 0, 0, nil
		}
	}
	if i+1 < len(s) && s[i] == '.' && isDigit(s[i+1]) {
		return tokenNone, 0, 0, nil
	}
	if _, used, err := parseEnhancedPrefix(s[:i]); err != nil {
		return tokenMalformed, 0, i, err
	} else {
		return tokenMalformed, 0, i, &EnhancedCodeError{Kind: EnhancedTrailingCharacters, Value: used}
	}
}

func isAlnum(b byte) bool {
	return isDigit(b) || (b|0x20 >= 'a' && b|0x20 <= 'z')
}

// opensCode: bytes that may come just before an enhanced code found inside text.
func opensCode(b byte) bool {
	switch b {
	case ' ', '\t', '#', '(', '[', '<', '{', ';', ':', ',', '=', '"', '\'':
		return true
	}
	return false
}

// closesCode: bytes that may come just after an enhanced code found inside text.
func closesCode(b byte) bool {
	switch b {
	case ' ', '\t', ')', ']', '>', '}', ';', ':', ',', '.', '"', '\'', '!', '?', '\r', '\n':
		return true
	}
	return false
}

// findInText gives the first well-formed enhanced code inside text that stands as a token
// of its own: at the start or after whitespace or opening punctuation, and followed by the
// end, whitespace or closing punctuation.
func findInText(text string) (EnhancedCode, bool) {
	for i := 0; i < len(text); i++ {
		b := text[i]
		if (b == '2' || b == '4' || b == '5') && (i == 0 || opensCode(text[i-1])) {
			if kind, code, n, _ := scanToken(text[i:]); kind == tokenValid {
				if i+n == len(text) || closesCode(text[i+n]) {
					return code, true
				}
			}
		}
	}
	return 0, false
}
