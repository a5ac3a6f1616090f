package smtpcodes

import "sort"

// rfcMaxLine is RFC 5321 section 4.5.3.1.5's limit: a reply line is at most 512 octets,
// CRLF included.
const rfcMaxLine = 512

// checker holds what the strict rules remember from line to line. Strict parsing fails on
// the first problem it finds; Reply.Violations lists them all.
type checker struct {
	firstCode     ReplyCode
	firstHasToken bool
	firstEnhanced EnhancedCode
	afterLast     bool
}

// line checks one line (number counts from 1) and appends its problems to found, in order
// of position.
func (c *checker) line(input string, p *lineParts, number int, found []*ReplyError) []*ReplyError {
	from := len(found)
	at := func(kind ReplyErrorKind, position int) *ReplyError {
		return &ReplyError{Kind: kind, Line: number, Position: position, Code: p.code}
	}
	codeStart, tokenStart, tokenGap := tokenPlace(input, p)
	if c.afterLast {
		found = append(found, at(ErrLineAfterLastLine, p.start))
	}
	c.afterLast = p.isLast()
	if length := p.next - p.start; length > rfcMaxLine {
		e := at(ErrLineTooLong, p.start)
		e.Length, e.Max = length, rfcMaxLine
		found = append(found, e)
	}
	if codeStart != p.start {
		found = append(found, at(ErrLeadingWhitespace, p.start))
	}
	if p.code.SecondDigit() > 5 {
		found = append(found, at(ErrCodeOutsideGrammar, codeStart))
	}
	if c.firstCode == 0 {
		c.firstCode = p.code
	}
	if p.code != c.firstCode {
		e := at(ErrCodeMismatch, codeStart)
		e.FirstCode = c.firstCode
		found = append(found, e)
	}
	sepAt := codeStart + 3
	switch p.separator {
	case SepColon, SepTab, SepOther:
		e := at(ErrBadSeparator, sepAt)
		e.Byte = p.sepByte
		found = append(found, e)
	}

	hasToken := p.enhanced.Kind != StateAbsent
	allowedGap := 0
	if p.separator == SepColon {
		allowedGap = 1
	}
	if hasToken && tokenGap > allowedGap {
		found = append(found, at(ErrMisplacedEnhancedCode, tokenStart))
	}
	if number == 1 {
		c.firstHasToken = hasToken
	} else if hasToken != c.firstHasToken {
		found = append(found, at(ErrEnhancedCodeNotOnEveryLine, tokenStart))
	}
	switch p.enhanced.Kind {
	case StateMalformed:
		// The reason, read again from the token.
		if kind, _, _, why := scanToken(input[tokenStart:p.end]); kind == tokenMalformed {
			e := at(ErrMalformedEnhancedCode, tokenStart)
			e.EnhancedError = why
			found = append(found, e)
		}
	case StateValid, StateClassMismatch:
		code := p.enhanced.Code
		tokenEnd := tokenStart + code.wireLen()
		if p.textStart == tokenEnd && tokenEnd < p.end {
			found = append(found, at(ErrMissingSpaceAfterEnhancedCode, tokenEnd))
		}
		if p.code.FirstDigit() == 3 {
			e := at(ErrEnhancedCodeOnIntermediate, tokenStart)
			e.Enhanced = code
			found = append(found, e)
		} else if code.Class().Digit() != p.code.FirstDigit() {
			e := at(ErrEnhancedClassMismatch, tokenStart)
			e.Enhanced = code
			found = append(found, e)
		}
		if c.firstEnhanced == 0 {
			c.firstEnhanced = code
		}
		if c.firstEnhanced != code {
			e := at(ErrInconsistentEnhancedCode, tokenStart)
			e.Enhanced, e.FirstEnhanced = code, c.firstEnhanced
			found = append(found, e)
		}
	}

	// Text bytes: RFC 5321's textstring is HT, SP and %d32-126. The first bad byte is
	// enough to report per line.
	if sepAt+1 < p.end {
		text := input[sepAt+1 : p.end]
		for i := 0; i < len(text); i++ {
			if b := text[i]; !(b == '\t' || (b >= 32 && b <= 126)) {
				e := at(ErrInvalidTextByte, sepAt+1+i)
				e.Byte = b
				found = append(found, e)
				break
			}
		}
	}
	switch p.terminator {
	case TermLF:
		found = append(found, at(ErrBareLF, p.end))
	case TermNone:
		found = append(found, at(ErrMissingLineEnding, p.end))
	}
	if !p.isLast() && p.next >= len(input) {
		found = append(found, at(ErrIncomplete, len(input)))
	}
	// By position; stable, so kinds found at one position keep their order.
	mine := found[from:]
	sort.SliceStable(mine, func(i, j int) bool { return mine[i].Position < mine[j].Position })
	return found
}
