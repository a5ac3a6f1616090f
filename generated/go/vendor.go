package smtpcodes

// VendorKind says what kind of vendor this is.
type VendorKind uint8

// The vendor kinds.
const (
	// VendorProvider: a mailbox or sending provider (Gmail, Microsoft 365, Yahoo).
	VendorProvider VendorKind = iota
	// VendorMTA: mail server software (Postfix, Exim, Sendmail).
	VendorMTA
)

// Vendor is a provider or mail server.
type Vendor struct {
	Slug        string // "google-gmail"
	Name        string // "Google Gmail and Google Workspace"
	Kind        VendorKind
	Description string
}

// VendorRetry is the vendor's advice about retrying.
type VendorRetry uint8

// The retry advice a vendor gives.
const (
	VendorRetryNever    VendorRetry = iota // retrying the same message will not help
	VendorRetryLater                       // retrying later may succeed
	VendorRetryAfterFix                    // retry only after fixing the cause
)

// String gives "never", "later" or "after_fix".
func (r VendorRetry) String() string {
	return [...]string{"never", "later", "after_fix"}[r%3]
}

// VendorEntry is one meaning a vendor gives a code or a wording.
type VendorEntry struct {
	Vendor       *Vendor
	Basic        ReplyCode    // the reply code, when the vendor gives one; zero otherwise
	Enhanced     EnhancedCode // the enhanced code, when the vendor gives one; zero otherwise
	Token        string       // the vendor's own tag in the text (TSS04, RP-001), if any
	Pattern      string       // a fragment of the text that selects this meaning, if any
	Meaning      string
	Cause        string
	SenderAction string
	AdminAction  string
	Retry        VendorRetry
	Reason       Reason // the classifier reason this entry implies, when HasReason
	HasReason    bool
	SourceTitle  string
	SourceURL    string
	Read         string // when the page was read, YYYY-MM-DD
}

// CodesMatch reports whether the entry's codes (those it names) equal the reply's.
func (e *VendorEntry) CodesMatch(code ReplyCode, enhanced EnhancedCode) bool {
	return (e.Basic == 0 || e.Basic == code) && (e.Enhanced == 0 || e.Enhanced == enhanced)
}

// matchKind: how an entry matches a reply.
type matchKind uint8

const (
	noMatch   matchKind = iota
	codeMatch           // no pattern or token; its codes alone equal the reply's
	textMatch           // its token or pattern is in the text, and its codes match
)

// preparedFragments holds each vendor entry's token and pattern prepared for matching.
var preparedFragments = func() [][2]phrase {
	out := make([][2]phrase, len(vendorEntries))
	for i, e := range vendorEntries {
		out[i] = [2]phrase{compilePhrase(e.Token), compilePhrase(e.Pattern)}
	}
	return out
}()

// matchIn says how entry i of vendorEntries matches a reply.
func (e *VendorEntry) matchIn(code ReplyCode, enhanced EnhancedCode, t *matchText, fragments *[2]phrase) matchKind {
	if !e.CodesMatch(code, enhanced) {
		return noMatch
	}
	if e.Token != "" || e.Pattern != "" {
		if e.Token != "" && !t.containsPrepared(&fragments[0]) {
			return noMatch
		}
		if e.Pattern != "" && !t.containsPrepared(&fragments[1]) {
			return noMatch
		}
		return textMatch
	}
	if e.Enhanced != 0 {
		return codeMatch
	}
	return noMatch
}

// Vendors lists every vendor, by slug.
func Vendors() []Vendor { return vendors }

// VendorEntries lists every vendor entry.
func VendorEntries() []VendorEntry { return vendorEntries }

// LookupVendor gives the vendor with this slug.
func LookupVendor(slug string) (*Vendor, bool) {
	for i := range vendors {
		if vendors[i].Slug == slug {
			return &vendors[i], true
		}
	}
	return nil, false
}

// BestVendorMatch gives the vendor entry that best explains a reply: one whose pattern or
// token is in the text (the longest such evidence wins), else one whose enhanced code,
// unregistered by IANA, is exactly the reply's. Registered enhanced codes alone do not
// select a vendor: 5.1.1 means the same everywhere.
func BestVendorMatch(code ReplyCode, enhanced EnhancedCode, text string) (*VendorEntry, bool) {
	var t matchText
	t.fold(text)
	t.index()
	e := bestMatchIn(code, enhanced, &t)
	return e, e != nil
}

// entriesByCode lists, for each reply code below 1000, the vendor entries that may match
// it (those naming that code or none), in table order.
var entriesByCode = func() [1000][]uint16 {
	var out [1000][]uint16
	for code := range out {
		for i, e := range vendorEntries {
			if e.Basic == 0 || int(e.Basic) == code {
				out[code] = append(out[code], uint16(i))
			}
		}
	}
	return out
}()

// entriesWithoutCode are the entries that name no reply code, for codes beyond the table.
var entriesWithoutCode = func() []uint16 {
	var out []uint16
	for i, e := range vendorEntries {
		if e.Basic == 0 {
			out = append(out, uint16(i))
		}
	}
	return out
}()

func bestMatchIn(code ReplyCode, enhanced EnhancedCode, t *matchText) *VendorEntry {
	var best *VendorEntry
	bestKind, bestScore := noMatch, 0
	candidates := entriesWithoutCode
	if int(code) < len(entriesByCode) {
		candidates = entriesByCode[code]
	}
	for _, i := range candidates {
		e := &vendorEntries[i]
		kind := e.matchIn(code, enhanced, t, &preparedFragments[i])
		if kind == noMatch {
			continue
		}
		if kind == codeMatch && e.Enhanced.IsRegistered() {
			continue
		}
		score := len(e.Pattern) + len(e.Token)
		if best == nil || kind > bestKind || (kind == bestKind && score > bestScore) {
			best, bestKind, bestScore = e, kind, score
		}
	}
	return best
}
