package smtpcodes

import "fmt"

// Side is whose side a problem is on.
type Side uint8

// The sides.
const (
	SideRecipient       Side = iota // the recipient's address or mailbox
	SideSender                      // the sender: the address, the message, the account or its domain
	SideSendingServer               // the sending server: its IP, DNS, TLS, volume or protocol
	SideReceivingServer             // the receiving server: its faults, load or policies
	SideNetwork                     // the network between them
	SideNone                        // no problem, or nothing known
)

var sideNames = [...]string{"recipient", "sender", "sending_server", "receiving_server", "network", "none"}

// String gives "recipient", "sender", "sending_server", "receiving_server", "network" or
// "none".
func (s Side) String() string { return sideNames[s%6] }

// Bounce is the bounce type, as mailing-list software uses it.
type Bounce uint8

// The bounce types.
const (
	BounceNone Bounce = iota // not a failure
	BounceSoft               // the message failed, but the address may still receive mail
	BounceHard               // the address itself cannot receive mail
)

// String gives "none", "soft" or "hard".
func (b Bounce) String() string { return [...]string{"none", "soft", "hard"}[b%3] }

// Outcome is what the reply code's first digit states.
type Outcome uint8

// The outcomes.
const (
	OutcomeSuccess      Outcome = iota // 2yz
	OutcomeIntermediate                // 3yz
	OutcomeTransient                   // 4yz
	OutcomePermanent                   // 5yz
)

// OutcomeOf gives the outcome of a reply code.
func OutcomeOf(code ReplyCode) Outcome {
	switch code.FirstDigit() {
	case 2:
		return OutcomeSuccess
	case 3:
		return OutcomeIntermediate
	case 4:
		return OutcomeTransient
	default:
		return OutcomePermanent
	}
}

// String gives "success", "intermediate", "transient" or "permanent".
func (o Outcome) String() string {
	return [...]string{"success", "intermediate", "transient", "permanent"}[o%4]
}

// RetryAdvice is what RFC 5321 section 4.2.1 says the client should do next.
type RetryAdvice uint8

// The pieces of advice.
const (
	RetryDone       RetryAdvice = iota // 2yz: done; nothing to retry
	RetryContinue                      // 3yz: continue with the data the server asked for
	RetryLater                         // 4yz: try the same request again later
	RetryDoNotRetry                    // 5yz: do not repeat the same request unchanged
)

// RetryAdviceOf gives the advice for a reply code.
func RetryAdviceOf(code ReplyCode) RetryAdvice { return RetryAdvice(OutcomeOf(code)) }

// String gives "done", "continue", "retry_later" or "do_not_retry".
func (r RetryAdvice) String() string {
	return [...]string{"done", "continue", "retry_later", "do_not_retry"}[r%4]
}

// Reason is why a reply failed (or what it means when it did not), from the project's
// taxonomy; the constants named Reason... are generated from data/classifier.yaml.
type Reason uint8

type reasonData struct {
	id, title, advice string
	side              Side
	bounce            Bounce
	sisimai           string
	policy            *RetryPolicy
}

func (r Reason) data() *reasonData {
	if int(r) < len(reasons) {
		return &reasons[r]
	}
	return &reasons[ReasonUnknown]
}

// ID is the stable identifier ("unknown_user").
func (r Reason) ID() string { return r.data().id }

// String is the ID.
func (r Reason) String() string { return r.data().id }

// Title is a short title ("Recipient does not exist").
func (r Reason) Title() string { return r.data().title }

// Advice says what to do, in a sentence or two.
func (r Reason) Advice() string { return r.data().advice }

// Side is whose side the problem is usually on.
func (r Reason) Side() Side { return r.data().side }

// PermanentBounce is the bounce type when the reply is a permanent failure (a transient one
// is always soft).
func (r Reason) PermanentBounce() Bounce { return r.data().bounce }

// Sisimai is the matching reason name of the Sisimai bounce classifier, if there is one.
func (r Reason) Sisimai() (string, bool) { return r.data().sisimai, r.data().sisimai != "" }

// Reasons lists every reason, in the taxonomy's order.
func Reasons() []Reason {
	out := make([]Reason, len(reasons))
	for i := range out {
		out[i] = Reason(i)
	}
	return out
}

// ReasonFromID gives the reason with this identifier.
func ReasonFromID(id string) (Reason, bool) {
	for i := range reasons {
		if reasons[i].id == id {
			return Reason(i), true
		}
	}
	return 0, false
}

// codeDefault is one row of the generated default tables: (subject, detail) for enhanced
// codes, (subject, 0) for subjects, (code, 0) for reply codes.
type codeDefault struct {
	a, b   uint16
	reason Reason
}

// The default tables, indexed once.
var (
	enhancedDefaultIndex map[uint32]Reason
	genericIndex         map[uint32]bool
	subjectDefaultIndex  [1000]int16
	basicDefaultIndex    [1000]int16
)

func init() {
	enhancedDefaultIndex = make(map[uint32]Reason, len(enhancedDefaults))
	for _, d := range enhancedDefaults {
		enhancedDefaultIndex[uint32(d.a)<<10|uint32(d.b)] = d.reason
	}
	genericIndex = make(map[uint32]bool, len(genericEnhanced))
	for _, d := range genericEnhanced {
		genericIndex[uint32(d.a)<<10|uint32(d.b)] = true
	}
	for i := range subjectDefaultIndex {
		subjectDefaultIndex[i], basicDefaultIndex[i] = -1, -1
	}
	for _, d := range subjectDefaults {
		subjectDefaultIndex[d.a] = int16(d.reason)
	}
	for _, d := range basicDefaults {
		basicDefaultIndex[d.a] = int16(d.reason)
	}
}

func basicDefault(code ReplyCode) (Reason, bool) {
	if int(code) < len(basicDefaultIndex) && basicDefaultIndex[code] >= 0 {
		return Reason(basicDefaultIndex[code]), true
	}
	return 0, false
}

// Rule is a text rule: if the reply's text has one of Any, all of All and none of None
// (case-insensitive, on word boundaries; a '*' at either end of a phrase drops that
// boundary), and the reply fits the optional scopes, the reply gets Reason. The built-in
// rules (BuiltinRules) come from data/classifier.yaml; a Classifier tries its own first.
type Rule struct {
	ID       string      // shown when the rule decides
	Reason   Reason      // the reason the rule gives
	Any      []string    // at least one of these phrases must occur
	All      []string    // all of these must occur
	None     []string    // none of these may occur
	Classes  []uint8     // reply first digits the rule applies to (empty: any)
	Codes    []ReplyCode // reply codes the rule applies to (empty: any)
	Enhanced [][2]uint16 // enhanced codes (subject, detail) it applies to (empty: any)
	// Weak rules hold generic words ("blocked", "policy") that must not outrank a precise
	// registered enhanced code: a weak rule applies only to replies without an enhanced
	// code, with a vendor's own code, or with one that says little by itself (X.s.0, X.7.1).
	Weak bool
	// RetryPolicy is what to do next time when this rule decides; nil leaves it to the
	// reason's policy and the defaults. A caller's rule's policy overrides the vendor's and
	// the reason's (its Source becomes PolicySourceUserRule).
	RetryPolicy *RetryPolicy
}

// Matches gives the phrase of Any that matched, if the rule applies to this reply
// (enhanced is zero for none).
func (r *Rule) Matches(code ReplyCode, enhanced EnhancedCode, text string) (string, bool) {
	var t matchText
	t.fold(text)
	t.index()
	return r.matchesIn(code, enhanced, &t, nil)
}

// BuiltinRules gives a copy of the built-in text rules (data/classifier.yaml), in the order
// they are tried.
func BuiltinRules() []Rule {
	return append([]Rule(nil), builtinRules...)
}

// preparedRule holds a rule's phrases prepared for matching.
type preparedRule struct {
	any, all, none []phrase
	// anyMask has the candidate bits of the Any phrases, by word of matchText.candidates;
	// when every Any phrase is indexed and none is a candidate, the rule cannot apply.
	anyMask  []maskWord
	anyAllIn bool
}

type maskWord struct {
	word int
	bits uint64
}

// mayApply reports whether one of the rule's Any phrases may occur in the text.
func (r *preparedRule) mayApply(t *matchText) bool {
	if !r.anyAllIn {
		return true
	}
	for _, m := range r.anyMask {
		if t.candidates[m.word]&m.bits != 0 {
			return true
		}
	}
	return false
}

// preparedRules are the built-in rules' phrases, prepared once.
var preparedRules = func() []preparedRule {
	out := make([]preparedRule, len(builtinRules))
	for i, r := range builtinRules {
		out[i] = preparedRule{any: compileAll(r.Any), all: compileAll(r.All), none: compileAll(r.None)}
	}
	return out
}()

// matchesIn applies the rule to indexed text; prepared holds its phrases ready for matching
// (nil for the caller's rules, whose phrases are read as they are).
func (r *Rule) matchesIn(code ReplyCode, enhanced EnhancedCode, t *matchText, prepared *preparedRule) (string, bool) {
	if len(r.Classes) > 0 && !containsU8(r.Classes, code.FirstDigit()) {
		return "", false
	}
	if len(r.Codes) > 0 && !containsCode(r.Codes, code) {
		return "", false
	}
	if len(r.Enhanced) > 0 {
		if enhanced == 0 || !containsPair(r.Enhanced, enhanced.Subject(), enhanced.Detail()) {
			return "", false
		}
	}
	if r.Weak && enhanced != 0 && enhanced.IsRegistered() && !genericIndex[uint32(enhanced)&(1<<20-1)] {
		return "", false
	}
	if prepared != nil {
		if !prepared.mayApply(t) {
			return "", false
		}
		for i := range prepared.all {
			if !t.has(&prepared.all[i]) {
				return "", false
			}
		}
		for i := range prepared.none {
			if t.has(&prepared.none[i]) {
				return "", false
			}
		}
		for i := range prepared.any {
			if t.has(&prepared.any[i]) {
				return r.Any[i], true
			}
		}
		return "", false
	}
	for _, p := range r.All {
		if !t.containsPhrase(p) {
			return "", false
		}
	}
	for _, p := range r.None {
		if t.containsPhrase(p) {
			return "", false
		}
	}
	for _, p := range r.Any {
		if t.containsPhrase(p) {
			return p, true
		}
	}
	return "", false
}

func containsU8(s []uint8, v uint8) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

func containsCode(s []ReplyCode, v ReplyCode) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

func containsPair(s [][2]uint16, a, b uint16) bool {
	for _, x := range s {
		if x[0] == a && x[1] == b {
			return true
		}
	}
	return false
}

// DecidedByKind says which step of the classifier decided.
type DecidedByKind uint8

// The steps, in the order the classifier tries them.
const (
	ByUserRule     DecidedByKind = iota // one of the caller's rules (Rule, Phrase)
	ByVendorText                        // a vendor entry whose pattern or token is in the text (Entry)
	ByTextRule                          // a built-in text rule (Rule, Phrase)
	ByVendorCode                        // a vendor entry with neither token nor pattern, for the reply's enhanced code (Entry)
	ByContext                           // what the reply answered (Context), the codes saying little (Context)
	ByEnhancedCode                      // the default reason of a registered enhanced code (Enhanced)
	BySubject                           // the default reason of an unregistered code's subject (Subject)
	ByReplyCode                         // the default reason of the reply code (Code)
	ByNothing                           // nothing applied: the reason is ReasonUnknown
)

// DecidedBy is the evidence that decided a classification.
type DecidedBy struct {
	Kind     DecidedByKind
	Rule     *Rule
	Phrase   string
	Entry    *VendorEntry
	Enhanced EnhancedCode
	Subject  uint16
	Code     ReplyCode
	Context  ContextRule
}

// String says it in words: `text rule `block-lists` (found "spamhaus")`.
func (d DecidedBy) String() string {
	switch d.Kind {
	case ByUserRule:
		return fmt.Sprintf("your rule `%s` (found \"%s\")", d.Rule.ID, d.Phrase)
	case ByVendorText:
		e := d.Entry
		switch {
		// A tag is the more specific evidence (it ranks first), so it is named first.
		case e.Token != "":
			return fmt.Sprintf("%s tag %s", e.Vendor.Name, e.Token)
		case e.Pattern != "":
			return fmt.Sprintf("%s wording \"%s\"", e.Vendor.Name, e.Pattern)
		default:
			return e.Vendor.Name
		}
	case ByTextRule:
		return fmt.Sprintf("text rule `%s` (found \"%s\")", d.Rule.ID, d.Phrase)
	case ByVendorCode:
		e := d.Entry
		switch {
		case e.Enhanced != 0 && e.EnhancedTo != 0:
			return fmt.Sprintf("%s's own code range %s-%s", e.Vendor.Name, e.Enhanced, e.EnhancedTo)
		case e.Enhanced != 0 && e.Enhanced.IsRegistered():
			return fmt.Sprintf("%s's meaning of %s", e.Vendor.Name, e.Enhanced)
		case e.Enhanced != 0:
			return fmt.Sprintf("%s's own code %s", e.Vendor.Name, e.Enhanced)
		}
		return e.Vendor.Name + "'s own code"
	case ByContext:
		return d.Context.String()
	case ByEnhancedCode:
		return fmt.Sprintf("registered enhanced code X.%d.%d", d.Enhanced.Subject(), d.Enhanced.Detail())
	case BySubject:
		return fmt.Sprintf("enhanced code subject X.%d", d.Subject)
	case ByReplyCode:
		return fmt.Sprintf("reply code %d", d.Code)
	default:
		return "nothing: no rule, vendor entry or code default applied"
	}
}

// Classification is what a reply means for the sender.
type Classification struct {
	Code     ReplyCode
	Enhanced EnhancedCode // the enhanced code the classification used; zero for none
	// Outcome is what the first digit states, except that 552 in reply to RCPT TO is
	// transient (RFC 5321 section 4.5.3.1.10 treats it as 452). Retry and Bounce follow it.
	Outcome   Outcome
	Retry     RetryAdvice
	Bounce    Bounce
	Reason    Reason
	Side      Side
	DecidedBy DecidedBy
	Vendor    *VendorEntry // the entry that best explains the reply, whether or not it decided
	// RetryPolicy is what to do next time; nil for success (2yz) and intermediate (3yz)
	// replies. See RetryPolicy for how it is resolved.
	RetryPolicy *RetryPolicy
}

// Classifier classifies replies with the caller's Rules (tried first) and the built-in
// knowledge, in this order, the first step that gives a reason winning:
//
//  1. the caller's own rules;
//  2. a provider's entry whose token or pattern is in the text (BestVendorMatch ranks
//     them: a token over any pattern, then a reply identified as that vendor's, then the
//     longer evidence);
//  3. the built-in text rules (BuiltinRules), in order;
//  4. a mail server's (Postfix, Exim, ...) entry whose wording is in the text;
//  5. a vendor entry with neither token nor pattern for the reply's enhanced code: an
//     unregistered code (5.7.606, or one in a range such as 4.7.500-4.7.699) always; a code
//     IANA registers (4.7.26) only when the reply is identified as that vendor's (its
//     marker such as "gsmtp" in the text, or the Context's RemoteHost);
//  6. the Context, when the codes say little (no enhanced code, an unregistered one, or a
//     catch-all such as X.7.0 or X.7.1): a permanent rejection in reply to DATA or BDAT is
//     a content rejection, and 552 in reply to RCPT TO means too many recipients
//     (ContextRule);
//  7. the default reason of the registered enhanced code (X.1.1: unknown user);
//  8. the default reason of an unregistered code's subject (X.7.*);
//  9. the default reason of the reply code;
//  10. ReasonUnknown.
//
// Success (2yz) and intermediate (3yz) replies take the reply code's default reason. Retry
// advice comes from the reply code (RFC 5321 section 4.2.1), with one exception the RFC
// makes: 552 in reply to RCPT TO is treated as 452, transient (section 4.5.3.1.10). What to
// do next time (Classification.RetryPolicy) is resolved from, in order, the deciding user
// rule's policy, the deciding vendor entry's, the reason's (adjusted to the reply's class)
// and the defaults (RetryDefaultTransient, RetryDefaultPermanent). The zero Classifier uses
// the built-in knowledge only.
type Classifier struct {
	Rules []Rule
}

// Classify classifies a parsed reply: its code, its enhanced code (the one in the RFC 2034
// position, or else one found in the text, such as #5.1.1) and its lines' texts.
func (c *Classifier) Classify(r *Reply) Classification {
	return c.ClassifyWith(r, Context{})
}

// ClassifyWith is Classify knowing what the reply answered and where it came from.
func (c *Classifier) ClassifyWith(r *Reply, ctx Context) Classification {
	enhanced, ok := r.EnhancedCode()
	if !ok {
		enhanced, _ = r.EnhancedInText()
	}
	var t matchText
	lines := r.lineReader()
	var p lineParts
	for lines.next(&p) {
		t.push(r.input[p.textStart:p.end])
	}
	t.index()
	return c.classifyIn(r.code, enhanced, &t, ctx)
}

// ClassifyText classifies a reply given as its code, its enhanced code (zero for none) and
// its text.
func (c *Classifier) ClassifyText(code ReplyCode, enhanced EnhancedCode, text string) Classification {
	return c.ClassifyTextWith(code, enhanced, text, Context{})
}

// ClassifyTextWith is ClassifyText knowing what the reply answered and where it came from.
func (c *Classifier) ClassifyTextWith(code ReplyCode, enhanced EnhancedCode, text string, ctx Context) Classification {
	var t matchText
	t.fold(text)
	t.index()
	return c.classifyIn(code, enhanced, &t, ctx)
}

// ClassifyLines is ClassifyText for a multi-line reply given as its lines' texts.
func (c *Classifier) ClassifyLines(code ReplyCode, enhanced EnhancedCode, lines []string) Classification {
	return c.ClassifyLinesWith(code, enhanced, lines, Context{})
}

// ClassifyLinesWith is ClassifyLines knowing what the reply answered and where it came from.
func (c *Classifier) ClassifyLinesWith(code ReplyCode, enhanced EnhancedCode, lines []string, ctx Context) Classification {
	var t matchText
	for _, l := range lines {
		t.push(l)
	}
	t.index()
	return c.classifyIn(code, enhanced, &t, ctx)
}

func (c *Classifier) classifyIn(code ReplyCode, enhanced EnhancedCode, t *matchText, ctx Context) Classification {
	vendor, kind := bestMatchIn(code, enhanced, t, ctx.RemoteHost)
	reason, decided := c.decide(code, enhanced, t, vendor, kind, ctx)
	outcome := OutcomeOf(code)
	if outcome == OutcomePermanent && ctx.tooManyRecipients(code) {
		outcome = OutcomeTransient
	}
	bounce := BounceNone
	switch outcome {
	case OutcomeTransient:
		bounce = BounceSoft
	case OutcomePermanent:
		bounce = reason.PermanentBounce()
		if bounce == BounceNone {
			bounce = BounceSoft
		}
	}
	return Classification{
		Code:        code,
		Enhanced:    enhanced,
		Outcome:     outcome,
		Retry:       RetryAdvice(outcome),
		Bounce:      bounce,
		Reason:      reason,
		Side:        reason.Side(),
		DecidedBy:   decided,
		Vendor:      vendor,
		RetryPolicy: resolvePolicy(outcome, reason, &decided),
	}
}

func (c *Classifier) decide(code ReplyCode, enhanced EnhancedCode, t *matchText, vendor *VendorEntry, kind MatchKind, ctx Context) (Reason, DecidedBy) {
	for i := range c.Rules {
		rule := &c.Rules[i]
		if phrase, ok := rule.matchesIn(code, enhanced, t, nil); ok {
			return rule.Reason, DecidedBy{Kind: ByUserRule, Rule: rule, Phrase: phrase}
		}
	}
	// Success and intermediate replies need no text evidence: their code says it all.
	if !code.IsFailure() {
		if r, ok := basicDefault(code); ok {
			return r, DecidedBy{Kind: ByReplyCode, Code: code}
		}
		return defaultFromCodes(code, enhanced)
	}
	// A provider's own tag or wording is the most specific evidence there is. Mail server
	// software's wordings are generic frames that the text rules may read more precisely, so
	// they come after them.
	byText := vendor != nil && vendor.HasReason && kind.IsText()
	if byText && vendor.Vendor.Kind == VendorProvider {
		return vendor.Reason, DecidedBy{Kind: ByVendorText, Entry: vendor}
	}
	for i := range builtinRules {
		rule := &builtinRules[i]
		if phrase, ok := rule.matchesIn(code, enhanced, t, &preparedRules[i]); ok {
			return rule.Reason, DecidedBy{Kind: ByTextRule, Rule: rule, Phrase: phrase}
		}
	}
	if byText {
		return vendor.Reason, DecidedBy{Kind: ByVendorText, Entry: vendor}
	}
	if vendor != nil && vendor.HasReason && kind == MatchCode {
		return vendor.Reason, DecidedBy{Kind: ByVendorCode, Entry: vendor}
	}
	codesSayLittle := enhanced == 0 || !enhanced.IsRegistered() || genericIndex[uint32(enhanced)&(1<<20-1)]
	if codesSayLittle {
		if rule, ok := ctx.ruleFor(code); ok {
			return rule.Reason(), DecidedBy{Kind: ByContext, Context: rule}
		}
	}
	return defaultFromCodes(code, enhanced)
}

// defaultFromCodes gives the default reason from the codes alone: enhanced code, then its
// subject, then the reply code.
func defaultFromCodes(code ReplyCode, enhanced EnhancedCode) (Reason, DecidedBy) {
	if enhanced != 0 {
		if enhanced.IsRegistered() {
			if r, ok := enhancedDefaultIndex[uint32(enhanced)&(1<<20-1)]; ok {
				return r, DecidedBy{Kind: ByEnhancedCode, Enhanced: enhanced}
			}
		} else if s := enhanced.Subject(); int(s) < len(subjectDefaultIndex) && subjectDefaultIndex[s] >= 0 {
			return Reason(subjectDefaultIndex[s]), DecidedBy{Kind: BySubject, Subject: s}
		}
	}
	if r, ok := basicDefault(code); ok {
		return r, DecidedBy{Kind: ByReplyCode, Code: code}
	}
	return ReasonUnknown, DecidedBy{Kind: ByNothing}
}

// Classify classifies a parsed reply with the built-in knowledge only.
func Classify(r *Reply) Classification {
	var c Classifier
	return c.Classify(r)
}

// Classify says what this reply means for the sender, with the built-in knowledge.
func (r *Reply) Classify() Classification { return Classify(r) }

// ClassifyText classifies with the built-in knowledge only; see Classifier.ClassifyText.
func ClassifyText(code ReplyCode, enhanced EnhancedCode, text string) Classification {
	var c Classifier
	return c.ClassifyText(code, enhanced, text)
}

// ContainsPhrase reports whether phrase occurs in text, ignoring ASCII case and folding runs
// of whitespace, on word boundaries unless the phrase starts or ends with '*'.
func ContainsPhrase(text, phrase string) bool {
	var t matchText
	t.fold(text)
	t.index()
	return t.containsPhrase(phrase)
}
