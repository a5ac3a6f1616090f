package smtpcodes

// ReplyStatus says whether an RFC defines a reply code.
type ReplyStatus uint8

// The statuses of a reply code.
const (
	// ReplyStandard: a current RFC defines the code.
	ReplyStandard ReplyStatus = iota
	// ReplyHistoric: an RFC defined it for something no longer in use.
	ReplyHistoric
	// ReplyNonStandard: no RFC defines it, but servers or clients use it.
	ReplyNonStandard
)

// String gives "standard", "historic" or "nonstandard".
func (s ReplyStatus) String() string {
	switch s {
	case ReplyStandard:
		return "standard"
	case ReplyHistoric:
		return "historic"
	default:
		return "nonstandard"
	}
}

// Reference points into a document: an RFC section or a draft.
type Reference struct {
	Document string // "RFC 5321"
	Section  string // "4.2.3", "Appendix A", or empty
	URL      string
}

// String gives "RFC 5321, section 4.2.3".
func (r Reference) String() string {
	switch {
	case r.Section == "":
		return r.Document
	case len(r.Section) >= 8 && r.Section[:8] == "Appendix":
		return r.Document + ", " + r.Section
	default:
		return r.Document + ", section " + r.Section
	}
}

// Meaning is one meaning a reply code is given, by an RFC or by a vendor.
type Meaning struct {
	Text      string
	Reference *Reference // nil when no document defines it
	Vendor    string     // who uses it this way, for a non-standard meaning
}

// Troubleshooting says what to do about a code, for the person holding the bounce.
type Troubleshooting struct {
	Code        string // a reply code ("550") or a class-independent enhanced code ("X.1.1")
	Summary     string
	Causes      []string
	SenderFixes []string
	AdminFixes  []string
}

// ReplyInfo is everything the registry says about a 3-digit reply code.
type ReplyInfo struct {
	Code            uint16
	Name            string // "MailboxUnavailable"
	Text            string // the reply text as the defining RFC writes it
	Description     string // what the code means, in plain words (CommonMark)
	Status          ReplyStatus
	Meanings        []Meaning // every distinct meaning, the defining one first
	References      []Reference
	Troubleshooting *Troubleshooting
}

// EnhancedInfo is what the IANA registry says about an enhanced code's subject and detail
// (class-independent: 5.1.1 and 4.1.1 share X.1.1).
type EnhancedInfo struct {
	Subject, Detail uint16
	Name            string // "BadDestinationMailboxAddress"
	SampleText      string // the registry's sample text; may be empty
	Description     string
	Deprecated      bool
	ReplacedBy      string // "X.6.8" when deprecated in favour of another code
	References      []Reference
	Troubleshooting *Troubleshooting
}

// Code gives the class-independent form, "X.1.1".
func (i *EnhancedInfo) Code() string {
	return "X." + itoa(i.Subject) + "." + itoa(i.Detail)
}

func itoa(n uint16) string {
	var b [5]byte
	i := len(b)
	for {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
		if n == 0 {
			return string(b[i:])
		}
	}
}

// Indexes built once from the generated tables.
var (
	replyIndex    [1000]int16
	enhancedIndex map[uint32]int16
)

func init() {
	for i := range replyIndex {
		replyIndex[i] = -1
	}
	for i, r := range replyInfos {
		if r.Code < 1000 {
			replyIndex[r.Code] = int16(i)
		}
	}
	enhancedIndex = make(map[uint32]int16, len(enhancedInfos))
	for i, e := range enhancedInfos {
		enhancedIndex[uint32(e.Subject)<<10|uint32(e.Detail)] = int16(i)
	}
}

// LookupReply gives what the registry says about a 3-digit number, including numbers
// outside 200..599 that clients print for their own errors (101); false when nobody
// documents it.
func LookupReply(code int) (*ReplyInfo, bool) {
	if code < 0 || code >= len(replyIndex) || replyIndex[code] < 0 {
		return nil, false
	}
	return &replyInfos[replyIndex[code]], true
}

// Info gives what the registry knows about the code (standard, historic or non-standard);
// false for a code nobody documents.
func (c ReplyCode) Info() (*ReplyInfo, bool) { return LookupReply(int(c)) }

// ReplyInfos lists every reply code the registry describes, by code.
func ReplyInfos() []ReplyInfo { return replyInfos }

// EnhancedInfos lists every registered enhanced code (X.s.d), by subject and detail.
func EnhancedInfos() []EnhancedInfo { return enhancedInfos }

// Info gives what the IANA registry says about the code's subject and detail; false for
// codes it does not define (vendor codes such as 5.7.509).
func (e EnhancedCode) Info() (*EnhancedInfo, bool) {
	i, ok := enhancedIndex[uint32(e)&(1<<20-1)]
	if !ok {
		return nil, false
	}
	return &enhancedInfos[i], true
}

// IsRegistered reports whether the registry defines the code's subject and detail.
func (e EnhancedCode) IsRegistered() bool {
	_, ok := enhancedIndex[uint32(e)&(1<<20-1)]
	return ok
}

// LookupTroubleshooting gives the causes and fixes for a code written as "550" or "X.1.1".
func LookupTroubleshooting(code string) (*Troubleshooting, bool) {
	for i := range troubleshooting {
		if troubleshooting[i].Code == code {
			return &troubleshooting[i], true
		}
	}
	return nil, false
}
