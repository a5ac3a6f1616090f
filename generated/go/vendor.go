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
	// Hosts are host-name suffixes of the vendor's servers ("google.com"): a reply from a
	// remote host under one of them is identified as the vendor's.
	Hosts []string
	// Markers are words only this vendor's replies hold ("gsmtp"): a reply whose text has
	// one (on word boundaries, ignoring ASCII case) is identified as the vendor's.
	Markers []string
}

// ServesHost reports whether host (a remote server's name, any case, a final '.' ignored)
// is one of the vendor's: it equals one of Hosts or ends in '.' and one.
func (v *Vendor) ServesHost(host string) bool {
	for _, suffix := range v.Hosts {
		if hostIn(host, suffix) {
			return true
		}
	}
	return false
}

// identified reports whether a reply is the vendor's: by its remote host ("" for none), or
// by one of the vendor's markers in its text.
func (v *Vendor) identified(t *matchText, remoteHost string) bool {
	if remoteHost != "" && v.ServesHost(remoteHost) {
		return true
	}
	for _, m := range v.Markers {
		if t.containsPhrase(m) {
			return true
		}
	}
	return false
}

// hostIn reports whether host (any case, a final '.' ignored) is suffix or ends in '.' and
// suffix: "notgoogle.com" is not in "google.com".
func hostIn(host, suffix string) bool {
	if len(host) > 0 && host[len(host)-1] == '.' {
		host = host[:len(host)-1]
	}
	if len(host) < len(suffix) {
		return false
	}
	cut := len(host) - len(suffix)
	return asciiEqualFold(host[cut:], suffix) && (cut == 0 || host[cut-1] == '.')
}

// VendorOfHost gives the vendor whose Hosts the remote host belongs to, if any (the longest
// matching suffix wins: "olc.protection.outlook.com" over "outlook.com"; on a tie, the
// earlier vendor).
func VendorOfHost(host string) (*Vendor, bool) {
	var best *Vendor
	bestLen := 0
	for i := range vendors {
		for _, suffix := range vendors[i].Hosts {
			if hostIn(host, suffix) && (best == nil || len(suffix) > bestLen) {
				best, bestLen = &vendors[i], len(suffix)
			}
		}
	}
	return best, best != nil
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
	Vendor   *Vendor
	Basic    ReplyCode    // the reply code, when the vendor gives one; zero otherwise
	Enhanced EnhancedCode // the enhanced code, when the vendor gives one; zero otherwise
	// EnhancedTo is the last code of the range the entry stands for, from Enhanced (same
	// class and subject, a higher detail: 4.7.500 to 4.7.699); zero for a single code.
	EnhancedTo   EnhancedCode
	Token        string // the vendor's own tag in the text (TSS04, RP-001), if any
	Pattern      string // a fragment of the text that selects this meaning, if any
	Meaning      string
	Cause        string
	SenderAction string
	AdminAction  string
	Retry        VendorRetry
	// RetryPolicy is the entry's own policy, when it has one: it applies when the entry
	// decides a classification's reason.
	RetryPolicy *RetryPolicy
	Reason      Reason // the classifier reason this entry implies, when HasReason
	HasReason   bool
	SourceTitle string
	SourceURL   string
	Read        string // when the page was read, YYYY-MM-DD
}

// CodesMatch reports whether the entry's codes (those it names) equal the reply's; a range
// entry takes any enhanced code from Enhanced to EnhancedTo, and never a reply without one.
func (e *VendorEntry) CodesMatch(code ReplyCode, enhanced EnhancedCode) bool {
	if e.Basic != 0 && e.Basic != code {
		return false
	}
	switch {
	case e.Enhanced == 0:
		return true
	case e.EnhancedTo == 0:
		return e.Enhanced == enhanced
	default:
		return enhanced != 0 && enhanced.Class() == e.Enhanced.Class() &&
			enhanced.Subject() == e.Enhanced.Subject() &&
			e.Enhanced.Detail() <= enhanced.Detail() && enhanced.Detail() <= e.EnhancedTo.Detail()
	}
}

// MatchKind says how a vendor entry's evidence selected it; a greater kind is stronger
// evidence.
type MatchKind uint8

// The kinds, weakest first.
const (
	MatchCode    MatchKind = iota // no token or pattern: the entry's enhanced code alone
	MatchPattern                  // its pattern is in the text (and no token is set)
	MatchToken                    // its token, the vendor's own tag, is in the text
)

// IsText reports whether the text selected the entry (a token or a pattern).
func (k MatchKind) IsText() bool { return k != MatchCode }

// String gives "code", "pattern" or "token".
func (k MatchKind) String() string { return [...]string{"code", "pattern", "token"}[k%3] }

// specificity is the length of the evidence that selected the entry, to prefer the most
// specific.
func (e *VendorEntry) specificity() int { return len(e.Pattern) + len(e.Token) }

// codePrecision is 2 for an exact enhanced code, 1 for a range, 0 for none.
func (e *VendorEntry) codePrecision() int {
	switch {
	case e.Enhanced == 0:
		return 0
	case e.EnhancedTo == 0:
		return 2
	default:
		return 1
	}
}

// Matches says how the entry matches a reply (text is the reply text; case is ignored), if
// it does. An entry with a token or pattern needs each in the text; one with neither
// matches on its codes, and only when it names an enhanced code. (Whether such a code-only
// match may explain the reply is BestVendorMatch's concern.)
func (e *VendorEntry) Matches(code ReplyCode, enhanced EnhancedCode, text string) (MatchKind, bool) {
	var t matchText
	t.fold(text)
	t.index()
	fragments := [2]phrase{compilePhrase(e.Token), compilePhrase(e.Pattern)}
	return e.matchIn(code, enhanced, &t, &fragments)
}

// preparedFragments holds each vendor entry's token and pattern prepared for matching.
var preparedFragments = func() [][2]phrase {
	out := make([][2]phrase, len(vendorEntries))
	for i, e := range vendorEntries {
		out[i] = [2]phrase{compilePhrase(e.Token), compilePhrase(e.Pattern)}
	}
	return out
}()

// matchIn says how the entry matches a reply; fragments hold its token and pattern
// prepared for matching.
func (e *VendorEntry) matchIn(code ReplyCode, enhanced EnhancedCode, t *matchText, fragments *[2]phrase) (MatchKind, bool) {
	if !e.CodesMatch(code, enhanced) {
		return 0, false
	}
	if e.Token != "" && !t.containsPrepared(&fragments[0]) {
		return 0, false
	}
	if e.Pattern != "" && !t.containsPrepared(&fragments[1]) {
		return 0, false
	}
	switch {
	case e.Token != "":
		return MatchToken, true
	case e.Pattern != "":
		return MatchPattern, true
	case e.Enhanced != 0:
		return MatchCode, true
	}
	return 0, false
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

// BestVendorMatch gives the vendor entry that best explains a reply, with no remote host
// known. Of the entries that match it, the first difference decides:
//
//  1. how the text selected it (MatchKind): a token (the vendor's own tag, TSS04,
//     AS(2001)) over a pattern however long, over the codes alone;
//  2. whether the reply is identified as the vendor's: its remote host is under one of the
//     vendor's Hosts, or its text holds one of the vendor's Markers (Gmail's "gsmtp");
//  3. the length of the token and pattern together;
//  4. how precisely the entry names the enhanced code: exactly, over a range, not at all;
//  5. the order of the tables (vendors by slug, entries as their file lists them).
//
// An entry with neither token nor pattern matches on its codes only when it names an
// enhanced code (5.7.606, or one in a range such as 4.7.500-4.7.699); when the reply's code
// is registered by IANA (4.7.26), only when the reply is identified as the vendor's:
// otherwise the registered meaning holds.
func BestVendorMatch(code ReplyCode, enhanced EnhancedCode, text string) (*VendorEntry, bool) {
	return BestVendorMatchFrom(code, enhanced, text, "")
}

// BestVendorMatchFrom is BestVendorMatch for a reply from remoteHost, which identifies its
// vendor ("" for none).
func BestVendorMatchFrom(code ReplyCode, enhanced EnhancedCode, text, remoteHost string) (*VendorEntry, bool) {
	var t matchText
	t.fold(text)
	t.index()
	e, _ := bestMatchIn(code, enhanced, &t, remoteHost)
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

// rank orders the entries that match a reply: how the text selected the entry, whether the
// reply is identified as the vendor's, the length of its evidence, how precisely it names
// the enhanced code; compared in that order.
type rank struct {
	kind        MatchKind
	identified  bool
	specificity int
	precision   int
}

// above reports whether r ranks strictly above o.
func (r rank) above(o rank) bool {
	switch {
	case r.kind != o.kind:
		return r.kind > o.kind
	case r.identified != o.identified:
		return r.identified
	case r.specificity != o.specificity:
		return r.specificity > o.specificity
	default:
		return r.precision > o.precision
	}
}

// bestMatchIn is BestVendorMatchFrom on indexed text, with how the entry matched.
func bestMatchIn(code ReplyCode, enhanced EnhancedCode, t *matchText, remoteHost string) (*VendorEntry, MatchKind) {
	registered := enhanced != 0 && enhanced.IsRegistered()
	var best *VendorEntry
	var bestRank rank
	candidates := entriesWithoutCode
	if int(code) < len(entriesByCode) {
		candidates = entriesByCode[code]
	}
	for _, i := range candidates {
		e := &vendorEntries[i]
		kind, ok := e.matchIn(code, enhanced, t, &preparedFragments[i])
		if !ok {
			continue
		}
		identified := e.Vendor.identified(t, remoteHost)
		if kind == MatchCode && registered && !identified {
			continue
		}
		r := rank{kind, identified, e.specificity(), e.codePrecision()}
		if best == nil || r.above(bestRank) {
			best, bestRank = e, r
		}
	}
	return best, bestRank.kind
}
