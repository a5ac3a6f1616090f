package smtpcodes

import "fmt"

// ReplyErrorKind says what is wrong with a reply; see ReplyError.
type ReplyErrorKind uint8

// What can be wrong with a reply. The first four are fatal: lenient parsing fails on them
// too. The others are departures from RFC 5321 and RFC 2034 that strict parsing fails on and
// lenient parsing reads through (Reply.Violations lists them).
const (
	// ErrEmpty: the input is empty.
	ErrEmpty ReplyErrorKind = iota
	// ErrBadCode: a line does not start with a reply code (CodeError says why).
	ErrBadCode
	// ErrTrailingData: something that is not a line of the reply follows its last line.
	ErrTrailingData
	// ErrTooLarge: the reply does not fit in a buffer (Length is the capacity).
	ErrTooLarge
	// ErrLineTooLong: a line, with its line ending, is Length bytes long; the limit is Max.
	// Fatal when Max is the limit set with ParseOptions.MaxLineLength; a strict violation when
	// it is RFC 5321's 512.
	ErrLineTooLong
	// ErrLeadingWhitespace: a line starts with spaces or tabs before its reply code.
	ErrLeadingWhitespace
	// ErrCodeOutsideGrammar: the reply code's second digit is above 5 (Code).
	ErrCodeOutsideGrammar
	// ErrCodeMismatch: a line's code (Code) differs from the first line's (FirstCode).
	ErrCodeMismatch
	// ErrBadSeparator: the code is followed by Byte, not a space, '-' or the line ending.
	ErrBadSeparator
	// ErrMisplacedEnhancedCode: extra spaces come before the enhanced code.
	ErrMisplacedEnhancedCode
	// ErrMalformedEnhancedCode: the text begins with something shaped like an enhanced code
	// that is not one (EnhancedError says why).
	ErrMalformedEnhancedCode
	// ErrMissingSpaceAfterEnhancedCode: the enhanced code is followed by neither a space nor
	// the line ending.
	ErrMissingSpaceAfterEnhancedCode
	// ErrEnhancedCodeOnIntermediate: a 3xx reply carries an enhanced code (Enhanced).
	ErrEnhancedCodeOnIntermediate
	// ErrEnhancedClassMismatch: the enhanced code's class (Enhanced) differs from the reply
	// code's first digit (Code).
	ErrEnhancedClassMismatch
	// ErrInconsistentEnhancedCode: a line's enhanced code (Enhanced) differs from the first
	// one (FirstEnhanced).
	ErrInconsistentEnhancedCode
	// ErrEnhancedCodeNotOnEveryLine: some lines carry an enhanced code and this one does not,
	// or the other way round.
	ErrEnhancedCodeNotOnEveryLine
	// ErrInvalidTextByte: Byte is outside RFC 5321's textstring.
	ErrInvalidTextByte
	// ErrBareLF: a line ends in LF without CR.
	ErrBareLF
	// ErrMissingLineEnding: the last line has no line ending.
	ErrMissingLineEnding
	// ErrIncomplete: the input ends after a continuation line; the last line is missing.
	ErrIncomplete
	// ErrLineAfterLastLine: a line with a reply code follows a last line.
	ErrLineAfterLastLine
	// ErrTrailingWhitespace: only whitespace follows the last line.
	ErrTrailingWhitespace
)

var errorKindNames = [...]string{
	ErrEmpty:                         "empty",
	ErrBadCode:                       "bad_code",
	ErrTrailingData:                  "trailing_data",
	ErrTooLarge:                      "too_large",
	ErrLineTooLong:                   "line_too_long",
	ErrLeadingWhitespace:             "leading_whitespace",
	ErrCodeOutsideGrammar:            "code_outside_grammar",
	ErrCodeMismatch:                  "code_mismatch",
	ErrBadSeparator:                  "bad_separator",
	ErrMisplacedEnhancedCode:         "misplaced_enhanced_code",
	ErrMalformedEnhancedCode:         "malformed_enhanced_code",
	ErrMissingSpaceAfterEnhancedCode: "missing_space_after_enhanced_code",
	ErrEnhancedCodeOnIntermediate:    "enhanced_code_on_intermediate",
	ErrEnhancedClassMismatch:         "enhanced_class_mismatch",
	ErrInconsistentEnhancedCode:      "inconsistent_enhanced_code",
	ErrEnhancedCodeNotOnEveryLine:    "enhanced_code_not_on_every_line",
	ErrInvalidTextByte:               "invalid_text_byte",
	ErrBareLF:                        "bare_lf",
	ErrMissingLineEnding:             "missing_line_ending",
	ErrIncomplete:                    "incomplete",
	ErrLineAfterLastLine:             "line_after_last_line",
	ErrTrailingWhitespace:            "trailing_whitespace",
}

// Name is a stable snake_case name ("bad_code"), as the conformance vectors use.
func (k ReplyErrorKind) Name() string {
	if int(k) < len(errorKindNames) {
		return errorKindNames[k]
	}
	return "unknown"
}

// String is the Name.
func (k ReplyErrorKind) String() string { return k.Name() }

// IsFatal reports whether lenient parsing fails on this kind too.
func (k ReplyErrorKind) IsFatal() bool {
	return k == ErrEmpty || k == ErrBadCode || k == ErrTrailingData || k == ErrTooLarge
}

// ReplyError is something wrong with a reply, located by line (from 1) and byte offset.
// The fields after Position carry the details some kinds have; the others are zero.
type ReplyError struct {
	Kind     ReplyErrorKind
	Line     int
	Position int

	Length, Max   int                // ErrLineTooLong; Length is the capacity for ErrTooLarge
	Byte          byte               // ErrBadSeparator, ErrInvalidTextByte
	Code          ReplyCode          // the line's reply code, where the kind concerns it
	FirstCode     ReplyCode          // ErrCodeMismatch
	Enhanced      EnhancedCode       // the line's enhanced code, where the kind concerns it
	FirstEnhanced EnhancedCode       // ErrInconsistentEnhancedCode
	CodeError     *ReplyCodeError    // ErrBadCode
	EnhancedError *EnhancedCodeError // ErrMalformedEnhancedCode
}

// Error gives "line 1, byte 4: ..." with what is wrong.
func (e *ReplyError) Error() string {
	return fmt.Sprintf("line %d, byte %d: %s", e.Line, e.Position, e.Message())
}

// Message says what is wrong, without the location.
func (e *ReplyError) Message() string {
	switch e.Kind {
	case ErrEmpty:
		return "the reply is empty"
	case ErrBadCode:
		return "the line does not start with a reply code: " + e.CodeError.Error()
	case ErrTrailingData:
		return "data follows the last line of the reply (a line whose code is not followed by `-`)"
	case ErrLineTooLong:
		return fmt.Sprintf("the line is %d bytes long with its line ending; the limit is %d (RFC 5321 section 4.5.3.1.5 allows 512)", e.Length, e.Max)
	case ErrTooLarge:
		return fmt.Sprintf("the reply does not fit in the %d-byte buffer", e.Length)
	case ErrLeadingWhitespace:
		return "the line starts with whitespace; the reply code must come first (RFC 5321 section 4.2)"
	case ErrCodeOutsideGrammar:
		return fmt.Sprintf("reply code %d has a second digit above 5, outside RFC 5321's grammar (section 4.2)", e.Code)
	case ErrCodeMismatch:
		return fmt.Sprintf("reply code %d differs from the first line's %d; every line must carry the same code (RFC 5321 section 4.2.1)", e.Code, e.FirstCode)
	case ErrBadSeparator:
		return fmt.Sprintf("the reply code is followed by byte 0x%02x; expected a space, `-` or the line ending (RFC 5321 section 4.2)", e.Byte)
	case ErrMisplacedEnhancedCode:
		return "the enhanced status code does not begin the text: extra spaces come first (RFC 2034 section 4)"
	case ErrMalformedEnhancedCode:
		return "the text begins with something shaped like an enhanced status code that is not one: " + e.EnhancedError.Error()
	case ErrMissingSpaceAfterEnhancedCode:
		return "the enhanced status code is not followed by a space or the line ending"
	case ErrEnhancedCodeOnIntermediate:
		return fmt.Sprintf("enhanced status code %s on a 3xx reply; RFC 2034 section 4 leaves 3xx replies without one", e.Enhanced)
	case ErrEnhancedClassMismatch:
		return fmt.Sprintf("enhanced status code %s has class %d but the reply code is %d; they must agree (RFC 2034 section 4), and the reply code decides", e.Enhanced, e.Enhanced.Class(), e.Code)
	case ErrInconsistentEnhancedCode:
		return fmt.Sprintf("enhanced status code %s differs from the first one, %s; every line must carry the same (RFC 2034 section 4)", e.Enhanced, e.FirstEnhanced)
	case ErrEnhancedCodeNotOnEveryLine:
		return "some lines carry an enhanced status code and this one does not, or the other way round (RFC 2034 section 4)"
	case ErrInvalidTextByte:
		return fmt.Sprintf("byte 0x%02x is not allowed in reply text; RFC 5321's textstring is tab, space and printable US-ASCII", e.Byte)
	case ErrBareLF:
		return "the line ends in a bare LF; RFC 5321 section 2.3.8 requires CRLF"
	case ErrMissingLineEnding:
		return "the last line has no CRLF"
	case ErrIncomplete:
		return "the input ends after a continuation line (`-`): the reply's last line is missing"
	case ErrLineAfterLastLine:
		return "a line follows the reply's last line; every line but the last must have `-` after its code (RFC 5321 section 4.2.1)"
	default:
		return "whitespace follows the reply's last line"
	}
}
