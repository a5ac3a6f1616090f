package smtpcodes

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"
)

// The engine's rules over the whole of the data: vendor ranges, the ranking of evidence,
// the context (command and remote host), and the retry policy's resolution, including that
// the advice never contradicts the reply's class. The cases are the Rust crate's
// (generated/rust/tests/engine.rs).

func mustEnhanced(t *testing.T, s string) EnhancedCode {
	t.Helper()
	e, err := ParseEnhancedCode(s)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// entryCode is a reply code an entry stands for: its own, else its enhanced code's class's
// usual one.
func entryCode(e *VendorEntry) ReplyCode {
	if e.Basic != 0 {
		return e.Basic
	}
	switch {
	case e.Enhanced != 0 && e.Enhanced.Class().Digit() == 2:
		return 250
	case e.Enhanced != 0 && e.Enhanced.Class().Digit() == 4:
		return 451
	}
	return 550
}

// evidence is the entry's token and pattern, as a reply text that holds both.
func evidence(e *VendorEntry) string {
	var parts []string
	for _, s := range []string{e.Token, e.Pattern} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, " ")
}

func TestRangeEntriesMatchEveryCodeInTheirRangeAndNoneOutside(t *testing.T) {
	ranges := 0
	for i := range vendorEntries {
		e := &vendorEntries[i]
		if e.EnhancedTo == 0 {
			continue
		}
		ranges++
		from, to := e.Enhanced, e.EnhancedTo
		at := func(detail uint16) *VendorEntry {
			x := makeEnhanced(from.Class().Digit(), from.Subject(), detail)
			got, _ := BestVendorMatch(entryCode(e), x, evidence(e))
			return got
		}
		for _, d := range []uint16{from.Detail(), (from.Detail() + to.Detail()) / 2, to.Detail()} {
			if at(d) != e {
				t.Errorf("%s-%s at detail %d: %v", from, to, d, at(d))
			}
		}
		if at(to.Detail()+1) == e {
			t.Errorf("%s-%s just past its end", from, to)
		}
		if from.Detail() > 0 && at(from.Detail()-1) == e {
			t.Errorf("%s-%s just before it", from, to)
		}
		if kind, ok := e.Matches(entryCode(e), 0, evidence(e)); ok {
			t.Errorf("%s-%s matches a reply without an enhanced code (%s)", from, to, kind)
		}
	}
	if ranges < 3 {
		t.Fatalf("%d ranges: Microsoft's documented ranges are in the data", ranges)
	}
}

func TestMicrosoftThrottlingRangeReachesTheVerdictInsideTheRange(t *testing.T) {
	var cl Classifier
	c := cl.ClassifyText(451, mustEnhanced(t, "4.7.650"),
		"4.7.650 The mail server [192.0.2.1] has been temporarily rate limited due to IP reputation. Access denied, please try again later")
	if c.Reason != ReasonRateLimited || c.Vendor == nil || c.DecidedBy.Kind != ByVendorText || c.DecidedBy.Entry != c.Vendor {
		t.Fatalf("%+v %s", c, c.DecidedBy)
	}
	if c.Vendor.Vendor.Slug != "microsoft-exchange-online" || c.RetryPolicy.Source != PolicySourceVendor {
		t.Errorf("%s %+v", c.Vendor.Vendor.Slug, c.RetryPolicy)
	}
}

// Every pair of entries where one is selected by a token and another by a longer pattern
// alone, both found in one reply with codes both accept: the token's entry wins.
func TestATokenOutranksAnyPatternHoweverLong(t *testing.T) {
	pairs := 0
	for i := range vendorEntries {
		tok := &vendorEntries[i]
		if tok.Token == "" {
			continue
		}
		for j := range vendorEntries {
			p := &vendorEntries[j]
			if p.Token != "" || len(p.Pattern) <= len(tok.Token)+len(tok.Pattern) {
				continue
			}
			code := entryCode(tok)
			enhanced := tok.Enhanced
			if enhanced == 0 {
				enhanced = p.Enhanced
			}
			if !tok.CodesMatch(code, enhanced) || !p.CodesMatch(code, enhanced) {
				continue
			}
			text := fmt.Sprintf("%s %s %s", tok.Token, tok.Pattern, p.Pattern)
			best, ok := BestVendorMatch(code, enhanced, text)
			if !ok {
				t.Fatalf("%q: no match", text)
			}
			if kind, _ := best.Matches(code, enhanced, text); kind != MatchToken {
				t.Errorf("%q: %s %q beat a token", text, best.Vendor.Slug, best.Pattern)
			}
			pairs++
		}
	}
	if pairs == 0 {
		t.Fatal("the data has token entries to rank against patterns")
	}
}

// A code-only entry for a code IANA registers explains a reply only when the reply is
// identified as the vendor's; then it does.
func TestAVendorsMeaningOfARegisteredCodeNeedsTheVendorIdentified(t *testing.T) {
	checked := 0
	for i := range vendorEntries {
		e := &vendorEntries[i]
		x := e.Enhanced
		if x == 0 || !x.IsRegistered() || e.Token != "" || e.Pattern != "" || e.EnhancedTo != 0 {
			continue
		}
		code := entryCode(e)
		const bland = "see the help page"
		if got, _ := BestVendorMatch(code, x, bland); got == e {
			t.Errorf("%s %s explains a reply nothing identifies", e.Vendor.Slug, x)
		}
		if len(e.Vendor.Hosts) > 0 {
			got, ok := BestVendorMatchFrom(code, x, bland, "mx."+e.Vendor.Hosts[0])
			if !ok || got.Vendor != e.Vendor {
				t.Errorf("%s %s from its own host: %v", e.Vendor.Slug, x, got)
			}
			c := Classifier{}
			cl := c.ClassifyTextWith(code, x, bland, Context{RemoteHost: "mx." + e.Vendor.Hosts[0]})
			if cl.Vendor == nil || cl.Vendor.Vendor != e.Vendor {
				t.Errorf("%s %s: classified with %v", e.Vendor.Slug, x, cl.Vendor)
			}
			if cl.DecidedBy.Kind == ByVendorCode && !strings.Contains(cl.DecidedBy.String(), "'s meaning of "+x.String()) {
				t.Errorf("%s", cl.DecidedBy)
			}
			checked++
		}
		if len(e.Vendor.Markers) > 0 {
			got, ok := BestVendorMatch(code, x, "see the help page - "+e.Vendor.Markers[0])
			if !ok || got.Vendor != e.Vendor {
				t.Errorf("%s %s with its marker: %v", e.Vendor.Slug, x, got)
			}
		}
	}
	if checked == 0 {
		t.Fatal("some vendor with hosts has a code-only entry")
	}
}

func TestRemoteHostSuffixesMatchWholeLabels(t *testing.T) {
	gmail, ok := LookupVendor("google-gmail")
	if !ok {
		t.Fatal("no Gmail")
	}
	for host, want := range map[string]bool{
		"gmail-smtp-in.l.google.com":  true,
		"GMAIL-SMTP-IN.L.GOOGLE.COM.": true,
		"google.com":                  true,
		"notgoogle.com":               false,
		"google.com.example.net":      false,
		"":                            false,
		".":                           false,
	} {
		if gmail.ServesHost(host) != want {
			t.Errorf("ServesHost(%q) != %v", host, want)
		}
	}
	for host, want := range map[string]string{
		"contoso-com.mail.protection.outlook.com": "microsoft-exchange-online",
		"outlook-com.olc.protection.outlook.com":  "microsoft-outlook-com",
		"mta5.am0.yahoodns.net":                   "yahoo",
		"mx.example.org":                          "",
	} {
		v, ok := VendorOfHost(host)
		if got := ""; ok {
			got = v.Slug
			if got != want {
				t.Errorf("VendorOfHost(%q) = %s; want %q", host, got, want)
			}
		} else if want != "" {
			t.Errorf("VendorOfHost(%q): none; want %s", host, want)
		}
	}
}

func TestGenericWordingsGoToTheRightEntries(t *testing.T) {
	// Yahoo's `doesn't have a` must not turn another 554 into an unknown user.
	c := ClassifyText(554, mustEnhanced(t, "5.7.1"), "Your server doesn't have a valid reverse DNS entry")
	if c.Reason == ReasonUnknownUser || (c.Vendor != nil && c.Vendor.Vendor.Slug == "yahoo") {
		t.Errorf("%+v", c)
	}
	// Microsoft's 5.7.367 quotes a downstream 'Relaying denied': Microsoft's, not Yahoo's.
	reply, err := ParseReply("550 5.7.367 Remote server returned not permitted to relay -> 554 5.7.1 Relaying denied")
	if err != nil {
		t.Fatal(err)
	}
	if c := reply.Classify(); c.Vendor == nil || c.Vendor.Vendor.Slug != "microsoft-exchange-online" {
		t.Errorf("%+v", c.Vendor)
	}
	// Gmail's 530 with its trailer is Gmail's, not SES's.
	reply, err = ParseReply("530-5.7.0 Authentication Required. For more information, go to\r\n530 5.7.0  https://support.google.com/mail/?p=WantAuthError - gsmtp")
	if err != nil {
		t.Fatal(err)
	}
	if c := reply.Classify(); c.Vendor == nil || c.Vendor.Vendor.Slug != "google-gmail" {
		t.Errorf("%+v", c.Vendor)
	}
}

func TestTheContextDecidesOnlyWhereTheCodesSayLittle(t *testing.T) {
	rcpt := Context{}.WithCommand(CommandRCPT)
	data := Context{}.WithCommand(CommandDATA)
	var cl Classifier
	// RFC 5321 section 4.5.3.1.10.
	c := cl.ClassifyTextWith(552, 0, "Requested action aborted", rcpt)
	if c.Outcome != OutcomeTransient || c.Reason != ReasonTooManyRecipients ||
		c.DecidedBy != (DecidedBy{Kind: ByContext, Context: ContextRcptTooManyRecipients}) ||
		c.Retry != RetryLater || c.Bounce != BounceSoft || c.Code != 552 {
		t.Errorf("%+v", c)
	}
	if c.RetryPolicy.Retry != VendorRetryLater {
		t.Errorf("%+v", c.RetryPolicy)
	}
	if got := c.DecidedBy.String(); got != "the context: 552 in reply to RCPT TO, too many recipients (RFC 5321 section 4.5.3.1.10: treated as 452)" {
		t.Errorf("%s", got)
	}
	// A precise code keeps its reason; the 552 is still treated as 452.
	c = cl.ClassifyTextWith(552, mustEnhanced(t, "5.2.2"), "Mailbox full", rcpt)
	if c.Outcome != OutcomeTransient || c.Reason != ReasonMailboxFull {
		t.Errorf("%+v", c)
	}
	// Without the context, 552 is permanent.
	if c = cl.ClassifyText(552, 0, "Requested action aborted"); c.Outcome != OutcomePermanent {
		t.Errorf("%+v", c)
	}
	// 552 to DATA is not the RCPT case.
	if c = cl.ClassifyTextWith(552, 0, "Requested action aborted", data); c.Outcome != OutcomePermanent {
		t.Errorf("%+v", c)
	}
	// A bare rejection of the message: its content.
	c = cl.ClassifyTextWith(554, 0, "Transaction failed", data)
	if c.Reason != ReasonContentRejected || c.DecidedBy != (DecidedBy{Kind: ByContext, Context: ContextDataRejected}) {
		t.Errorf("%+v", c)
	}
	if got := c.DecidedBy.String(); got != "the context: a permanent rejection in reply to DATA, the content" {
		t.Errorf("%s", got)
	}
	bdat := Context{Command: CommandBDAT}
	if c = cl.ClassifyTextWith(554, mustEnhanced(t, "5.7.1"), "Rejected", data); c.Reason != ReasonContentRejected {
		t.Errorf("%+v", c)
	}
	if c = cl.ClassifyTextWith(554, 0, "Rejected", bdat); c.Reason != ReasonContentRejected {
		t.Errorf("BDAT: %+v", c)
	}
	// More specific evidence wins over the context.
	if c = cl.ClassifyTextWith(550, mustEnhanced(t, "5.1.1"), "Rejected", data); c.Reason != ReasonUnknownUser {
		t.Errorf("%+v", c)
	}
	if c = cl.ClassifyTextWith(554, 0, "Message too big", data); c.DecidedBy.Kind == ByContext {
		t.Errorf("%+v", c)
	}
	// A transient reply to DATA is not a content rejection.
	if c = cl.ClassifyTextWith(451, 0, "Try again", data); c.DecidedBy.Kind == ByContext {
		t.Errorf("%+v", c)
	}
	// An empty context classifies as the context-free methods do.
	reply, _ := ParseReply("554 Transaction failed")
	if a, b := cl.ClassifyWith(&reply, Context{}), cl.Classify(&reply); !reflect.DeepEqual(a, b) {
		t.Errorf("%+v != %+v", a, b)
	}
	// The rules' names, and their reasons.
	if ContextRcptTooManyRecipients.Name() != "rcpt_too_many_recipients" || ContextDataRejected.Name() != "data_rejected" ||
		ContextRcptTooManyRecipients.Reason() != ReasonTooManyRecipients || ContextDataRejected.Reason() != ReasonContentRejected {
		t.Error("context rule names or reasons")
	}
}

func TestCommandsParseAsSMTPDoes(t *testing.T) {
	for _, name := range []string{"RCPT", "rcpt", "Rcpt", "DATA", "bdat", "CONNECT", "ANY"} {
		c, err := ParseCommand(name)
		if err != nil || !strings.EqualFold(c.String(), name) || c.Title() == "" || c.Description() == "" {
			t.Errorf("ParseCommand(%q) = %v, %v", name, c, err)
		}
	}
	for _, bad := range []string{"", "FROB", "RCPT TO", "rcpt ", "\u212aRCPT"} {
		if c, err := ParseCommand(bad); err != ErrUnknownCommand || c != 0 {
			t.Errorf("ParseCommand(%q) = %v, %v", bad, c, err)
		}
	}
	if c, _ := ParseCommand("rcpt"); c != CommandRCPT {
		t.Errorf("rcpt is %v", c)
	}
	all := Commands()
	if len(all) < 20 || all[0] != Command(1) || Command(0).String() != "" || Command(255).String() != "" {
		t.Errorf("%v", all)
	}
	found := false
	for _, code := range CommandRCPT.Replies() {
		found = found || code == 552
	}
	if !found {
		t.Error("RCPT may get 552")
	}
}

func TestTheDefaultsAreRFC5321s(t *testing.T) {
	tr, perm := RetryDefaultTransient(), RetryDefaultPermanent()
	if tr.Retry != VendorRetryLater || tr.FirstAfter != 30*time.Minute || tr.GiveUpAfter != 5*24*time.Hour || tr.Source != PolicySourceDefault {
		t.Errorf("%+v", tr)
	}
	if perm.Retry != VendorRetryNever || perm.Source != PolicySourceDefault {
		t.Errorf("%+v", perm)
	}
}

func TestThePolicyResolvesVendorThenReasonThenDefault(t *testing.T) {
	var cl Classifier
	// The reason's policy on a permanent reply.
	p := cl.ClassifyText(550, mustEnhanced(t, "5.1.1"), "User unknown").RetryPolicy
	if p.Retry != VendorRetryNever || !p.SuppressAddress || p.Source != PolicySourceReason {
		t.Errorf("%+v", p)
	}
	// The same reason on a transient reply: never concerns permanent replies.
	c := cl.ClassifyText(450, mustEnhanced(t, "4.1.1"), "User unknown")
	if c.Reason != ReasonUnknownUser || *c.RetryPolicy != RetryDefaultTransient() {
		t.Errorf("%+v %+v", c, c.RetryPolicy)
	}
	// A reason whose policy says after_fix holds on a transient reply too.
	p = cl.ClassifyText(451, mustEnhanced(t, "4.7.26"), "SPF check failed").RetryPolicy
	if p.Retry != VendorRetryAfterFix || p.Source != PolicySourceReason || p.SuppressAddress {
		t.Errorf("%+v", p)
	}
	// A reason's later takes the default's timing where it says nothing.
	c = cl.ClassifyText(421, mustEnhanced(t, "4.7.0"), "Too many messages, rate limited")
	p = c.RetryPolicy
	if c.Reason != ReasonRateLimited || p.Retry != VendorRetryLater || p.Source != PolicySourceReason || p.How == "" ||
		p.FirstAfter != RetryDefaultTransient().FirstAfter || p.GiveUpAfter != RetryDefaultTransient().GiveUpAfter {
		t.Errorf("%+v %+v", c, p)
	}
	// On a permanent reply the same policy is the change to make first, with no timing.
	c = cl.ClassifyText(550, mustEnhanced(t, "5.7.0"), "Too many messages, rate limited")
	p = c.RetryPolicy
	if c.Reason != ReasonRateLimited || p.Retry != VendorRetryAfterFix || p.Source != PolicySourceReason || p.How == "" ||
		p.FirstAfter != 0 || p.GiveUpAfter != 0 || p.Backoff != "" {
		t.Errorf("%+v %+v", c, p)
	}
	// Success and intermediate replies have no policy.
	if cl.ClassifyText(250, 0, "OK").RetryPolicy != nil || cl.ClassifyText(354, 0, "Go ahead").RetryPolicy != nil {
		t.Error("a policy on a 2yz or 3yz reply")
	}
	// A permanent routing loop is not retried.
	if p = cl.ClassifyText(550, mustEnhanced(t, "5.4.6"), "Routing loop detected").RetryPolicy; p.Retry == VendorRetryLater {
		t.Errorf("%+v", p)
	}
	// The classification's policy is its own copy: changing it changes no table.
	p = cl.ClassifyText(550, mustEnhanced(t, "5.1.1"), "User unknown").RetryPolicy
	p.SuppressAddress = false
	if p = cl.ClassifyText(550, mustEnhanced(t, "5.1.1"), "User unknown").RetryPolicy; !p.SuppressAddress {
		t.Error("a classification's policy is shared with the tables")
	}
}

func TestAUsersRuleOverridesEveryPolicy(t *testing.T) {
	mine := Classifier{Rules: []Rule{{
		ID: "acme-frozen", Reason: ReasonMailboxDisabled, Any: []string{"mailbox frozen"},
		RetryPolicy: &RetryPolicy{Retry: VendorRetryLater, GiveUpAttempts: 3, Source: PolicySourceVendor},
	}}}
	p := mine.ClassifyText(550, 0, "Mailbox frozen").RetryPolicy
	if p.Source != PolicySourceUserRule || p.GiveUpAttempts != 3 || p.FirstAfter != RetryDefaultTransient().FirstAfter {
		t.Errorf("%+v", p)
	}
	if mine.Rules[0].RetryPolicy.Source != PolicySourceVendor || mine.Rules[0].RetryPolicy.FirstAfter != 0 {
		t.Error("resolving changed the caller's rule")
	}
	// A rule without a policy leaves it to the reason.
	plain := Classifier{Rules: []Rule{{ID: "acme-frozen", Reason: ReasonUnknownUser, Any: []string{"mailbox frozen"}}}}
	if p := plain.ClassifyText(550, 0, "Mailbox frozen").RetryPolicy; p.Source != PolicySourceReason {
		t.Errorf("%+v", p)
	}
}

// Over every vendor entry at its own codes and wording, and over the dev corpus when the
// project's checkout is there: the policy never contradicts the class. A transient reply is
// never told to suppress the address; a permanent reply is told to retry as it is only by a
// vendor entry.
func TestAdviceNeverContradictsTheClass(t *testing.T) {
	check := func(c Classification, what string) {
		p := c.RetryPolicy
		if p == nil {
			if c.Outcome != OutcomeSuccess && c.Outcome != OutcomeIntermediate {
				t.Errorf("%s: a failure without a policy", what)
			}
			return
		}
		switch c.Outcome {
		case OutcomeTransient:
			if p.SuppressAddress {
				t.Errorf("%s: transient but suppress", what)
			}
		case OutcomePermanent:
			if p.Retry == VendorRetryLater && p.Source != PolicySourceVendor {
				t.Errorf("%s: permanent, but %s says retry later", what, p.Source)
			}
		default:
			t.Errorf("%s: a policy on a success reply", what)
		}
		if p.Retry == VendorRetryNever && (p.FirstAfter != 0 || p.GiveUpAfter != 0 || p.How != "") {
			t.Errorf("%s: never, with timing", what)
		}
	}
	for i := range vendorEntries {
		e := &vendorEntries[i]
		c := ClassifyText(entryCode(e), e.Enhanced, evidence(e))
		check(c, fmt.Sprintf("%s %s %q", e.Vendor.Slug, e.Enhanced, e.Pattern))
		if entryCode(e).FirstDigit() == 5 && e.RetryPolicy != nil && e.RetryPolicy.Retry == VendorRetryLater && e.Retry != VendorRetryLater {
			t.Errorf("%s %s: a 5yz entry whose policy says later", e.Vendor.Slug, e.Enhanced)
		}
	}
	f, err := os.Open(devCorpus)
	if err != nil {
		t.Logf("no dev corpus (%v): checked the vendor entries only", err)
		return
	}
	defer f.Close()
	scan := bufio.NewScanner(f)
	scan.Buffer(make([]byte, 1<<20), 1<<20)
	n := 0
	for scan.Scan() {
		if len(strings.TrimSpace(scan.Text())) == 0 {
			continue
		}
		var row struct {
			Reply string `json:"reply"`
		}
		if err := json.Unmarshal(scan.Bytes(), &row); err != nil {
			t.Fatal(err)
		}
		reply, err := ParseReply(row.Reply)
		if err != nil {
			t.Fatalf("%q: %v", row.Reply, err)
		}
		check(reply.Classify(), row.Reply)
		n++
	}
	if n == 0 {
		t.Fatal("the dev corpus is empty")
	}
}

func TestDecidedByNamesTheVendorsCodes(t *testing.T) {
	var ms *Vendor
	for i := range vendors {
		if vendors[i].Slug == "microsoft-exchange-online" {
			ms = &vendors[i]
		}
	}
	for _, c := range []struct {
		entry VendorEntry
		want  string
	}{
		{VendorEntry{Vendor: ms, Enhanced: makeEnhanced(4, 7, 500), EnhancedTo: makeEnhanced(4, 7, 699)}, "Microsoft Exchange Online's own code range 4.7.500-4.7.699"},
		{VendorEntry{Vendor: ms, Enhanced: PermanentDeliveryNotAuthorized}, "Microsoft Exchange Online's meaning of 5.7.1"},
		{VendorEntry{Vendor: ms, Enhanced: makeEnhanced(5, 7, 606)}, "Microsoft Exchange Online's own code 5.7.606"},
		{VendorEntry{Vendor: ms}, "Microsoft Exchange Online's own code"},
	} {
		e := c.entry
		if got := (DecidedBy{Kind: ByVendorCode, Entry: &e}).String(); got != c.want {
			t.Errorf("%s; want %s", got, c.want)
		}
	}
}

func TestRetryDurationsAreWrittenAsTheDataWritesThem(t *testing.T) {
	for d, want := range map[time.Duration]string{
		5 * 24 * time.Hour:         "5d",
		4 * time.Hour:              "4h",
		30 * time.Minute:           "30m",
		90 * time.Second:           "1m",
		0:                          "0m",
		25 * time.Hour:             "25h",
		24*time.Hour + time.Minute: "1441m",
	} {
		if got := FormatRetryDuration(d); got != want {
			t.Errorf("FormatRetryDuration(%v) = %s; want %s", d, got, want)
		}
	}
}
