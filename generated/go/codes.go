package smtpcodes

import (
	"fmt"
	"strconv"
)

// ReplyCode is a 3-digit SMTP reply code such as 550 (RFC 5321 section 4.2): a number from
// 200 to 599. The constants named Code... are the registered ones.
type ReplyCode uint16

// ReplyCodeErrorKind says why a text or number is not a ReplyCode.
type ReplyCodeErrorKind uint8

// The ways a reply code can be wrong.
const (
	// ReplyCodeEmpty: the input was empty.
	ReplyCodeEmpty ReplyCodeErrorKind = iota
	// ReplyCodeWrongLength: the input was not three characters long (Value is its length).
	ReplyCodeWrongLength
	// ReplyCodeNotADigit: a character was not an ASCII digit (Value is its byte offset).
	ReplyCodeNotADigit
	// ReplyCodeInvalidFirstDigit: the first digit was not 2 to 5 (Value is the digit).
	ReplyCodeInvalidFirstDigit
	// ReplyCodeOutOfRange: the number was not in 200..599 (Value is the number).
	ReplyCodeOutOfRange
)

// ReplyCodeError says why a text or number is not a ReplyCode.
type ReplyCodeError struct {
	Kind  ReplyCodeErrorKind
	Value int
}

func (e *ReplyCodeError) Error() string {
	switch e.Kind {
	case ReplyCodeEmpty:
		return "reply code is empty; expected three digits such as 550"
	case ReplyCodeWrongLength:
		return fmt.Sprintf("reply code has %d characters; expected exactly three digits such as 550", e.Value)
	case ReplyCodeNotADigit:
		return fmt.Sprintf("reply code has a character that is not an ASCII digit at byte %d", e.Value)
	case ReplyCodeInvalidFirstDigit:
		return fmt.Sprintf("reply code starts with %d; the first digit must be 2, 3, 4 or 5 (RFC 5321 section 4.2)", e.Value)
	default:
		return fmt.Sprintf("%d is not a reply code; reply codes are 200 to 599 (RFC 5321 section 4.2)", e.Value)
	}
}

// NewReplyCode makes a reply code from a number in 200..599.
func NewReplyCode(n int) (ReplyCode, error) {
	if n < 200 || n > 599 {
		return 0, &ReplyCodeError{Kind: ReplyCodeOutOfRange, Value: n}
	}
	return ReplyCode(n), nil
}

// ParseReplyCode parses exactly three ASCII digits, the first 2 to 5.
func ParseReplyCode(s string) (ReplyCode, error) {
	if err := replyCodeError(s); err != nil {
		return 0, err
	}
	return ReplyCode(uint16(s[0]-'0')*100 + uint16(s[1]-'0')*10 + uint16(s[2]-'0')), nil
}

// replyCodeError says why s is not three digits with the first 2 to 5, or returns nil.
func replyCodeError(s string) *ReplyCodeError {
	if s == "" {
		return &ReplyCodeError{Kind: ReplyCodeEmpty}
	}
	for i := 0; i < len(s) && i < 3; i++ {
		if !isDigit(s[i]) {
			return &ReplyCodeError{Kind: ReplyCodeNotADigit, Value: i}
		}
	}
	if len(s) != 3 {
		return &ReplyCodeError{Kind: ReplyCodeWrongLength, Value: len(s)}
	}
	if d := int(s[0] - '0'); d < 2 || d > 5 {
		return &ReplyCodeError{Kind: ReplyCodeInvalidFirstDigit, Value: d}
	}
	return nil
}

// FirstDigit is 2, 3, 4 or 5.
func (c ReplyCode) FirstDigit() uint8 { return uint8(c / 100) }

// SecondDigit is 0 to 9.
func (c ReplyCode) SecondDigit() uint8 { return uint8(c / 10 % 10) }

// ThirdDigit is 0 to 9.
func (c ReplyCode) ThirdDigit() uint8 { return uint8(c % 10) }

// String gives the three digits, "550".
func (c ReplyCode) String() string { return strconv.Itoa(int(c)) }

// IsSuccess reports a 2yz code: the request completed.
func (c ReplyCode) IsSuccess() bool { return c.FirstDigit() == 2 }

// IsIntermediate reports a 3yz code: the server waits for more.
func (c ReplyCode) IsIntermediate() bool { return c.FirstDigit() == 3 }

// IsTransient reports a 4yz code: a temporary failure; retry later.
func (c ReplyCode) IsTransient() bool { return c.FirstDigit() == 4 }

// IsPermanent reports a 5yz code: do not repeat the same request unchanged.
func (c ReplyCode) IsPermanent() bool { return c.FirstDigit() == 5 }

// IsFailure reports 4yz or 5yz.
func (c ReplyCode) IsFailure() bool { return c.FirstDigit() >= 4 }

// IsRFC5321Grammar reports whether the second digit is 0 to 5, as RFC 5321's grammar allows.
func (c ReplyCode) IsRFC5321Grammar() bool { return c.SecondDigit() <= 5 }

// IsRegistered reports whether an RFC defines the code (standard or historic).
func (c ReplyCode) IsRegistered() bool {
	i, ok := c.Info()
	return ok && i.Status != ReplyNonStandard
}

// Class is the class of an enhanced status code: 2, 4 or 5 (RFC 3463 section 3.1).
type Class uint8

// The three classes.
const (
	ClassSuccess                    Class = 2
	ClassPersistentTransientFailure Class = 4
	ClassPermanentFailure           Class = 5
)

// Digit is 2, 4 or 5.
func (c Class) Digit() uint8 { return uint8(c) }

// Title is the registry's title for the class ("Permanent Failure").
func (c Class) Title() string {
	if int(c) < len(classTitles) {
		return classTitles[c]
	}
	return ""
}

// SubjectTitle is the registry's title for a subject number 0 to 7 ("Addressing Status"),
// and false for an unregistered subject.
func SubjectTitle(subject uint16) (string, bool) {
	if int(subject) < len(subjectTitles) && subjectTitles[subject] != "" {
		return subjectTitles[subject], true
	}
	return "", false
}

// EnhancedCode is an enhanced mail system status code such as 5.1.1 (RFC 3463):
// class.subject.detail, with subject and detail from 0 to 999. The zero value is no code;
// the constants named Success..., Transient... and Permanent... are the registered ones.
// Codes compare with == and order by class, subject, detail.
type EnhancedCode uint32

// NewEnhancedCode makes a code from a class digit (2, 4 or 5) and numbers up to 999.
func NewEnhancedCode(class uint8, subject, detail uint16) (EnhancedCode, error) {
	if class != 2 && class != 4 && class != 5 {
		return 0, &EnhancedCodeError{Kind: EnhancedInvalidClass}
	}
	if subject > 999 {
		return 0, &EnhancedCodeError{Kind: EnhancedOutOfRange, Part: PartSubject, Value: int(subject)}
	}
	if detail > 999 {
		return 0, &EnhancedCodeError{Kind: EnhancedOutOfRange, Part: PartDetail, Value: int(detail)}
	}
	return makeEnhanced(class, subject, detail), nil
}

func makeEnhanced(class uint8, subject, detail uint16) EnhancedCode {
	return EnhancedCode(uint32(class)<<20 | uint32(subject)<<10 | uint32(detail))
}

// Class is the class: 2, 4 or 5.
func (e EnhancedCode) Class() Class { return Class(e >> 20) }

// Subject is the subject number (1 in 5.1.1).
func (e EnhancedCode) Subject() uint16 { return uint16(e >> 10 & 1023) }

// Detail is the detail number (the last 1 in 5.1.1).
func (e EnhancedCode) Detail() uint16 { return uint16(e & 1023) }

// IsZero reports the zero value, which is no code.
func (e EnhancedCode) IsZero() bool { return e == 0 }

// WithClass gives the same subject and detail in another class (5.1.1 to 4.1.1).
func (e EnhancedCode) WithClass(c Class) EnhancedCode {
	return makeEnhanced(uint8(c), e.Subject(), e.Detail())
}

// ClassMatches reports whether the class digit agrees with the reply code's first digit.
func (e EnhancedCode) ClassMatches(reply ReplyCode) bool {
	return e.Class().Digit() == reply.FirstDigit()
}

// String gives "5.1.1".
func (e EnhancedCode) String() string {
	var buf [11]byte
	return string(e.appendTo(buf[:0]))
}

func (e EnhancedCode) appendTo(b []byte) []byte {
	b = append(b, '0'+byte(e.Class()), '.')
	b = strconv.AppendUint(b, uint64(e.Subject()), 10)
	b = append(b, '.')
	return strconv.AppendUint(b, uint64(e.Detail()), 10)
}

// wireLen is the length of the code's text form (5 for 5.1.1).
func (e EnhancedCode) wireLen() int {
	return 3 + digits(e.Subject()) + digits(e.Detail())
}

func digits(n uint16) int {
	switch {
	case n >= 100:
		return 3
	case n >= 10:
		return 2
	default:
		return 1
	}
}

// Part names one of the three fields of an enhanced status code.
type Part uint8

// The three parts.
const (
	PartClass Part = iota
	PartSubject
	PartDetail
)

func (p Part) String() string {
	switch p {
	case PartClass:
		return "class"
	case PartSubject:
		return "subject"
	default:
		return "detail"
	}
}

// EnhancedCodeErrorKind says why a text is not an EnhancedCode.
type EnhancedCodeErrorKind uint8

// The ways an enhanced status code can be wrong.
const (
	// EnhancedEmpty: the input was empty.
	EnhancedEmpty EnhancedCodeErrorKind = iota
	// EnhancedInvalidClass: the class was not 2, 4 or 5.
	EnhancedInvalidClass
	// EnhancedMissingPart: the input ended before Part.
	EnhancedMissingPart
	// EnhancedEmptyPart: Part had no digits (5..1).
	EnhancedEmptyPart
	// EnhancedNotADigit: Part had a character other than a digit, at byte Value.
	EnhancedNotADigit
	// EnhancedLeadingZero: Part had a leading zero (5.01.1).
	EnhancedLeadingZero
	// EnhancedTooManyDigits: Part had more than three digits (5.1.1000).
	EnhancedTooManyDigits
	// EnhancedTrailingCharacters: characters followed a complete code, from byte Value.
	EnhancedTrailingCharacters
	// EnhancedOutOfRange: a number given to NewEnhancedCode was above 999 (Value).
	EnhancedOutOfRange
)

// EnhancedCodeError says why a text is not an EnhancedCode.
type EnhancedCodeError struct {
	Kind  EnhancedCodeErrorKind
	Part  Part
	Value int
}

func (e *EnhancedCodeError) Error() string {
	switch e.Kind {
	case EnhancedEmpty:
		return "enhanced status code is empty; expected class.subject.detail such as 5.1.1"
	case EnhancedInvalidClass:
		return "enhanced status code must start with class 2, 4 or 5 (RFC 3463 section 2)"
	case EnhancedMissingPart:
		return fmt.Sprintf("enhanced status code ends before its %s; expected class.subject.detail such as 5.1.1", e.Part)
	case EnhancedEmptyPart:
		return fmt.Sprintf("enhanced status code has an empty %s", e.Part)
	case EnhancedNotADigit:
		return fmt.Sprintf("enhanced status code has a character that is not an ASCII digit in its %s at byte %d", e.Part, e.Value)
	case EnhancedLeadingZero:
		return fmt.Sprintf("enhanced status code has a leading zero in its %s (RFC 3463 section 2 forbids them)", e.Part)
	case EnhancedTooManyDigits:
		return fmt.Sprintf("enhanced status code has more than 3 digits in its %s (RFC 3463 allows 1 to 3)", e.Part)
	case EnhancedTrailingCharacters:
		return fmt.Sprintf("enhanced status code is followed by unexpected characters at byte %d", e.Value)
	default:
		return fmt.Sprintf("enhanced status code %s %d is above 999 (RFC 3463 allows 1 to 3 digits)", e.Part, e.Value)
	}
}

// ParseEnhancedCode parses a whole text as one code ("5.1.1"); nothing may follow it.
func ParseEnhancedCode(s string) (EnhancedCode, error) {
	code, used, err := parseEnhancedPrefix(s)
	if err != nil {
		return 0, err
	}
	if used != len(s) {
		return 0, &EnhancedCodeError{Kind: EnhancedTrailingCharacters, Value: used}
	}
	return code, nil
}

// ParseEnhancedPrefix reads a code at the start of s and returns it with the number of bytes
// it took; whatever follows is left to the caller ("5.1.1 User unknown" gives 5.1.1, 5).
func ParseEnhancedPrefix(s string) (EnhancedCode, int, error) {
	code, used, err := parseEnhancedPrefix(s)
	if err != nil {
		return 0, 0, err
	}
	return code, used, nil
}

// parseEnhancedPrefix returns a typed error (nil when none), so that callers inside the
// package need not allocate an interface.
func parseEnhancedPrefix(s string) (EnhancedCode, int, *EnhancedCodeError) {
	if s == "" {
		return 0, 0, &EnhancedCodeError{Kind: EnhancedEmpty}
	}
	class := s[0] - '0'
	if class != 2 && class != 4 && class != 5 {
		return 0, 0, &EnhancedCodeError{Kind: EnhancedInvalidClass}
	}
	if len(s) == 1 {
		return 0, 0, &EnhancedCodeError{Kind: EnhancedMissingPart, Part: PartSubject}
	}
	if s[1] != '.' {
		if isDigit(s[1]) {
			return 0, 0, &EnhancedCodeError{Kind: EnhancedInvalidClass}
		}
		return 0, 0, &EnhancedCodeError{Kind: EnhancedMissingPart, Part: PartSubject}
	}
	subject, i, err := readPart(s, 2, PartSubject)
	if err != nil {
		return 0, 0, err
	}
	if i == len(s) {
		return 0, 0, &EnhancedCodeError{Kind: EnhancedMissingPart, Part: PartDetail}
	}
	if s[i] != '.' {
		return 0, 0, &EnhancedCodeError{Kind: EnhancedNotADigit, Part: PartSubject, Value: i}
	}
	detail, end, err := readPart(s, i+1, PartDetail)
	if err != nil {
		return 0, 0, err
	}
	return makeEnhanced(class, subject, detail), end, nil
}

// readPart reads one sub-code (1 to 3 digits, no leading zero) starting at start.
func readPart(s string, start int, part Part) (uint16, int, *EnhancedCodeError) {
	i := start
	var value uint16
	for i < len(s) && isDigit(s[i]) {
		if i-start == 3 {
			return 0, 0, &EnhancedCodeError{Kind: EnhancedTooManyDigits, Part: part}
		}
		value = value*10 + uint16(s[i]-'0')
		i++
	}
	if i == start {
		if i == len(s) || s[i] == '.' {
			return 0, 0, &EnhancedCodeError{Kind: EnhancedEmptyPart, Part: part}
		}
		return 0, 0, &EnhancedCodeError{Kind: EnhancedNotADigit, Part: part, Value: i}
	}
	if i-start > 1 && s[start] == '0' {
		return 0, 0, &EnhancedCodeError{Kind: EnhancedLeadingZero, Part: part}
	}
	return value, i, nil
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }
