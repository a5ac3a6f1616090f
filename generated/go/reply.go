package smtpcodes

// Mode says how strictly to read a reply.
type Mode uint8

// The parsing modes.
const (
	// Lenient reads what servers and bounce messages really contain: bare LF, a missing
	// final line ending, a missing last line, "550:" (Yahoo), extra spaces, codes that differ
	// between lines (the last line's wins), lines that forgot their '-', enhanced codes whose
	// class disagrees. Only fatal problems fail; Reply.Violations lists the rest.
	Lenient Mode = iota
	// Strict follows RFC 5321 (sections 2.3.8, 4.2, 4.2.1, 4.5.3.1.5) and RFC 2034
	// (section 4) to the letter and fails on the first departure, with its line and byte.
	Strict
)

// ParseOptions says how to parse: the Mode and an optional hard limit on line length
// (MaxLineLength bytes, line ending included; 0 for none), which fails in either mode.
type ParseOptions struct {
	Mode          Mode
	MaxLineLength int
}

// Reply is a parsed SMTP reply, single or multi-line. It keeps the input and a small
// summary; Lines reads the lines again on demand.
type Reply struct {
	input     string
	code      ReplyCode
	enhanced  EnhancedState
	lineCount int
	complete  bool
}

// ParseReply parses one whole reply leniently (see Lenient).
func ParseReply(input string) (Reply, error) {
	return ParseReplyWith(input, ParseOptions{})
}

// ParseReplyStrict parses one whole reply strictly (see Strict).
func ParseReplyStrict(input string) (Reply, error) {
	return ParseReplyWith(input, ParseOptions{Mode: Strict})
}

// ParseReplyWith parses one whole reply with options. The error, when not nil, is a
// *ReplyError. The input is one reply: lenient parsing reads lines with a reply code after
// a last line as part of it (ErrLineAfterLastLine) and ignores trailing whitespace; anything
// else after the last line is ErrTrailingData.
func ParseReplyWith(input string, options ParseOptions) (Reply, error) {
	r, err := parseReply(input, options)
	if err != nil {
		return Reply{}, err
	}
	return r, nil
}

// Code is the reply code: the last line's (in lenient mode, when lines differ, the last
// line decides).
func (r *Reply) Code() ReplyCode { return r.code }

// Enhanced is the enhanced code in the RFC 2034 position over all lines: Valid when every
// line that has one agrees, Inconsistent when lines differ, ClassMismatch when its class is
// not the reply code's first digit.
func (r *Reply) Enhanced() EnhancedState { return r.enhanced }

// EnhancedCode is the code in the RFC 2034 position, if any (for Inconsistent, the first).
func (r *Reply) EnhancedCode() (EnhancedCode, bool) {
	return r.enhanced.Code, r.enhanced.Code != 0
}

// EnhancedInText gives the first enhanced code found elsewhere in the text, standing as a
// token of its own: after '#' ("(#5.1.1)"), after a repeated reply code (Gmail's
// "550 550 5.1.1"), after another word, or inside Exchange's nested "<... #5.7.1 smtp;550
// 5.7.1 ...>". The RFC 2034 position itself is not searched.
func (r *Reply) EnhancedInText() (EnhancedCode, bool) {
	lines := r.lineReader()
	var p lineParts
	for lines.next(&p) {
		if c, ok := findInText(r.input[p.textStart:p.end]); ok {
			return c, true
		}
	}
	return 0, false
}

// LineCount is how many lines the reply has (at least 1).
func (r *Reply) LineCount() int { return r.lineCount }

// IsMultiline reports more than one line.
func (r *Reply) IsMultiline() bool { return r.lineCount > 1 }

// IsComplete is false when the input ended after a continuation line ("550-...") without
// the last line, which lenient parsing accepts.
func (r *Reply) IsComplete() bool { return r.complete }

// String gives the reply's text exactly as given.
func (r *Reply) String() string { return r.input }

// Lines gives the lines, in order.
func (r *Reply) Lines() []Line {
	out := make([]Line, 0, r.lineCount)
	lines := r.lineReader()
	var p lineParts
	for lines.next(&p) {
		out = append(out, p.line(r.input, lines.number))
	}
	return out
}

// EachLine calls f with each line in turn until f returns false; unlike Lines it allocates
// nothing.
func (r *Reply) EachLine(f func(Line) bool) {
	lines := r.lineReader()
	var p lineParts
	for lines.next(&p) {
		if !f(p.line(r.input, lines.number)) {
			return
		}
	}
}

// Texts gives each line's text, in order.
func (r *Reply) Texts() []string {
	texts := make([]string, 0, r.lineCount)
	lines := r.lineReader()
	var p lineParts
	for lines.next(&p) {
		texts = append(texts, r.input[p.textStart:p.end])
	}
	return texts
}

// lineReader reads a parsed reply's lines again.
type lineReader struct {
	input  string
	pos    int
	number int
	count  int
	scan   bool
}

// lineReader starts at the first line. When no line has anything in the enhanced code's
// place, the lines are read without looking for one.
func (r *Reply) lineReader() lineReader {
	return lineReader{input: r.input, count: r.lineCount, scan: r.enhanced.Kind != StateAbsent}
}

// next reads the next line into p; false after the last.
func (l *lineReader) next(p *lineParts) bool {
	if l.number >= l.count {
		return false
	}
	l.number++
	// The reply was parsed from this input, so every line reads again without error.
	if readLine(l.input, l.pos, l.number, l.scan, p) != nil {
		l.count = 0
		return false
	}
	l.pos = p.next
	return true
}

// Violations lists every departure from RFC 5321 and RFC 2034 in this reply, in input
// order, as ParseReplyStrict would report them one at a time. Empty for a reply that parses
// strictly.
func (r *Reply) Violations() []*ReplyError {
	var out []*ReplyError
	var c checker
	var p lineParts
	pos, number := 0, 0
	for n := 1; n <= r.lineCount; n++ {
		number = n
		if readLine(r.input, pos, n, true, &p) != nil {
			return out
		}
		pos = p.next
		out = c.line(r.input, &p, n, out)
	}
	// Only whitespace can follow the last line of a parsed reply.
	if pos < len(r.input) {
		out = append(out, &ReplyError{Kind: ErrTrailingWhitespace, Line: number + 1, Position: pos})
	}
	return out
}

// afterLast classifies what follows a last line at pos (not the input's end).
type afterLast uint8

const (
	afterLine afterLast = iota
	afterWhitespace
	afterData
)

func afterLastLine(input string, pos, number int) afterLast {
	all := true
	for i := pos; i < len(input); i++ {
		if b := input[i]; b != ' ' && b != '\t' && b != '\r' && b != '\n' {
			all = false
			break
		}
	}
	if all {
		return afterWhitespace
	}
	var p lineParts
	if readLine(input, pos, number+1, false, &p) == nil {
		return afterLine
	}
	return afterData
}

func parseReply(input string, options ParseOptions) (Reply, *ReplyError) {
	if input == "" {
		return Reply{}, &ReplyError{Kind: ErrEmpty, Line: 1}
	}
	strict := options.Mode == Strict
	var c checker
	var found []*ReplyError
	var p lineParts
	pos, number := 0, 0
	var first, other EnhancedCode
	malformed := false
	for {
		number++
		if err := readLine(input, pos, number, true, &p); err != nil {
			return Reply{}, err
		}
		length := p.next - p.start
		if options.MaxLineLength > 0 && length > options.MaxLineLength {
			return Reply{}, &ReplyError{Kind: ErrLineTooLong, Line: number, Position: p.start, Length: length, Max: options.MaxLineLength}
		}
		if strict {
			found = c.line(input, &p, number, found[:0])
			if len(found) > 0 {
				return Reply{}, found[0]
			}
		}
		switch p.enhanced.Kind {
		case StateValid, StateClassMismatch:
			cd := p.enhanced.Code
			if first == 0 {
				first = cd
			} else if first != cd && other == 0 {
				other = cd
			}
		case StateMalformed:
			malformed = true
		}
		pos = p.next
		var ends bool
		switch {
		case pos >= len(input):
			ends = true
		case !p.isLast():
			ends = false
		default:
			switch afterLastLine(input, pos, number) {
			case afterLine:
				ends = false
			case afterWhitespace:
				if strict {
					return Reply{}, &ReplyError{Kind: ErrTrailingWhitespace, Line: number + 1, Position: pos}
				}
				ends = true
			default:
				return Reply{}, &ReplyError{Kind: ErrTrailingData, Line: number + 1, Position: pos}
			}
		}
		if ends {
			code := p.code
			var state EnhancedState
			switch {
			case first != 0 && other != 0:
				state = EnhancedState{Kind: StateInconsistent, Code: first, Other: other}
			case first != 0 && first.Class().Digit() == code.FirstDigit():
				state = EnhancedState{Kind: StateValid, Code: first}
			case first != 0:
				state = EnhancedState{Kind: StateClassMismatch, Code: first}
			case malformed:
				state = EnhancedState{Kind: StateMalformed}
			}
			return Reply{
				input:     input,
				code:      code,
				enhanced:  state,
				lineCount: number,
				complete:  p.isLast(),
			}, nil
		}
	}
}
