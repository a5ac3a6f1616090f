package main

import (
	"fmt"
	"strings"
	"time"
	"unicode"

	smtpcodes "github.com/smtp-codes/smtp-codes/generated/go"
)

// keys lists every key of an explanation object. Each object that --json and --jsonl write
// has all of them; those that do not apply are null.
var keys = [...]string{
	"input", "error", "error_kind", "basic", "enhanced", "enhanced_state", "enhanced_in_text",
	"class", "retry", "bounce", "reason", "reason_title", "side", "advice", "decided_by",
	"retry_policy", "text", "basic_info", "enhanced_info", "vendor", "troubleshooting", "violations",
}

// errorObject is an object with every key null but input, error and error_kind.
func errorObject(input interface{}, message, kind string) object {
	o := make(object, 0, len(keys)+1)
	for _, k := range keys {
		var v interface{}
		switch k {
		case "input":
			v = input
		case "error":
			v = message
		case "error_kind":
			v = kind
		}
		o = append(o, field{k, v})
	}
	return o
}

func enhancedPage(site string, code smtpcodes.EnhancedCode) interface{} {
	if !code.IsRegistered() {
		return nil
	}
	return fmt.Sprintf("%senhanced/X.%d.%d.html", site, code.Subject(), code.Detail())
}

func basicPage(site string, code smtpcodes.ReplyCode) interface{} {
	if _, ok := code.Info(); !ok {
		return nil
	}
	return fmt.Sprintf("%sbasic/%d.html", site, code)
}

// troubleshootingFor gives the troubleshooting of the most specific code that has it.
func troubleshootingFor(code smtpcodes.ReplyCode, enhanced smtpcodes.EnhancedCode) *smtpcodes.Troubleshooting {
	if enhanced != 0 {
		if info, ok := enhanced.Info(); ok && info.Troubleshooting != nil {
			return info.Troubleshooting
		}
	}
	if info, ok := code.Info(); ok {
		return info.Troubleshooting
	}
	return nil
}

// retryPolicy is the policy as the JSON shows it, durations in whole seconds; null for none.
func retryPolicy(p *smtpcodes.RetryPolicy) interface{} {
	if p == nil {
		return nil
	}
	secs := func(d time.Duration) interface{} {
		if d == 0 {
			return nil
		}
		return int(d / time.Second)
	}
	attempts := interface{}(nil)
	if p.GiveUpAttempts != 0 {
		attempts = p.GiveUpAttempts
	}
	return object{
		{"retry", p.Retry.String()},
		{"first_after_secs", secs(p.FirstAfter)},
		{"backoff", optString(p.Backoff, p.Backoff != "")},
		{"how", optString(p.How, p.How != "")},
		{"give_up_after_secs", secs(p.GiveUpAfter)},
		{"give_up_attempts", attempts},
		{"suppress_address", p.SuppressAddress},
		{"source", p.Source.String()},
	}
}

// explainJSON explains one reply, classified in ctx, as an object with every key; a reply
// that does not parse gives error and error_kind (the parser's error kind) and null
// elsewhere.
func explainJSON(input, site string, ctx smtpcodes.Context) object {
	reply, err := smtpcodes.ParseReply(input)
	if err != nil {
		e := err.(*smtpcodes.ReplyError)
		return errorObject(input, e.Error(), e.Kind.Name())
	}
	var classifier smtpcodes.Classifier
	c := classifier.ClassifyWith(&reply, ctx)
	code := reply.Code()
	positional, hasPositional := reply.EnhancedCode()
	inText, hasInText := reply.EnhancedInText()
	texts := reply.Texts()

	var basicInfo interface{}
	if info, ok := code.Info(); ok {
		basicInfo = object{
			{"text", info.Text},
			{"status", info.Status.String()},
			{"description", info.Description},
			{"page", basicPage(site, code)},
		}
	}
	var enhancedInfo interface{}
	if c.Enhanced != 0 {
		if info, ok := c.Enhanced.Info(); ok {
			status := "current"
			if info.Deprecated {
				status = "deprecated"
			}
			enhancedInfo = object{
				{"code", info.Code()},
				{"sample_text", info.SampleText},
				{"description", info.Description},
				{"status", status},
				{"replaced_by", optString(info.ReplacedBy, info.ReplacedBy != "")},
				{"page", enhancedPage(site, c.Enhanced)},
			}
		}
	}
	var vendor interface{}
	if v := c.Vendor; v != nil {
		vendor = object{
			{"vendor", v.Vendor.Slug},
			{"name", v.Vendor.Name},
			{"meaning", v.Meaning},
			{"cause", v.Cause},
			{"sender_action", v.SenderAction},
			{"admin_action", v.AdminAction},
			{"retry", v.Retry.String()},
			{"source", v.SourceURL},
			{"read", v.Read},
		}
	}
	var trouble interface{}
	if t := troubleshootingFor(code, c.Enhanced); t != nil {
		trouble = object{
			{"code", t.Code},
			{"summary", t.Summary},
			{"causes", t.Causes},
			{"sender_fixes", t.SenderFixes},
			{"admin_fixes", t.AdminFixes},
		}
	}
	violations := []interface{}{}
	for _, v := range reply.Violations() {
		violations = append(violations, object{
			{"kind", v.Kind.Name()},
			{"line", v.Line},
			{"message", v.Error()},
		})
	}
	return object{
		{"input", input},
		{"error", nil},
		{"error_kind", nil},
		{"basic", int(code)},
		{"enhanced", optString(positional.String(), hasPositional)},
		{"enhanced_state", reply.Enhanced().Name()},
		{"enhanced_in_text", optString(inText.String(), hasInText)},
		{"class", c.Outcome.String()},
		{"retry", c.Retry.String()},
		{"bounce", c.Bounce.String()},
		{"reason", c.Reason.ID()},
		{"reason_title", c.Reason.Title()},
		{"side", c.Side.String()},
		{"advice", c.Reason.Advice()},
		{"decided_by", c.DecidedBy.String()},
		{"retry_policy", retryPolicy(c.RetryPolicy)},
		{"text", texts},
		{"basic_info", basicInfo},
		{"enhanced_info", enhancedInfo},
		{"vendor", vendor},
		{"troubleshooting", trouble},
		{"violations", violations},
	}
}

// explainText explains one reply, classified in ctx, in words; false when it is not a reply.
func explainText(input, site string, ctx smtpcodes.Context) (string, bool) {
	var out strings.Builder
	p := func(format string, a ...interface{}) { fmt.Fprintf(&out, format, a...) }
	reply, err := smtpcodes.ParseReply(input)
	if err != nil {
		p("%s\n", strings.TrimRightFunc(input, unicode.IsSpace))
		p("  not an SMTP reply: %s\n", err)
		return out.String(), false
	}
	var classifier smtpcodes.Classifier
	c := classifier.ClassifyWith(&reply, ctx)
	code := reply.Code()
	for _, line := range strings.SplitAfter(input, "\n") {
		if line == "" {
			continue
		}
		line = strings.TrimSuffix(line, "\n")
		line = strings.TrimSuffix(line, "\r")
		p("%s\n", line)
	}
	p("\n")
	// The verdict first: what a person at 3 a.m. needs.
	reason := c.Reason
	p("  %s (%s)\n", reason.Title(), reason.ID())
	p("  outcome:     %s\n", outcomeWords(c))
	p("  retry:       %s\n", retryWords(c.Retry))
	p("  whose side:  %s\n", sideWords(c.Side))
	p("  what to do:  %s\n", wrap(reason.Advice(), 15))
	if c.RetryPolicy != nil {
		p("  next time:   %s\n", wrap(nextTimeWords(c.RetryPolicy), 15))
	}
	p("  decided by:  %s\n", c.DecidedBy)
	if v := c.Vendor; v != nil {
		var heading string
		switch {
		case v.Token != "":
			heading = fmt.Sprintf("%s (tag %s)", v.Vendor.Name, v.Token)
		case v.Vendor.Kind == smtpcodes.VendorMTA && v.Pattern != "":
			heading = fmt.Sprintf("%s's wording \"%s\"", v.Vendor.Name, v.Pattern)
		case v.Pattern != "":
			heading = fmt.Sprintf("%s (wording \"%s\")", v.Vendor.Name, v.Pattern)
		default:
			heading = v.Vendor.Name
		}
		p("\n  Seen in the wild: %s\n", heading)
		p("    meaning:  %s\n", wrap(v.Meaning, 14))
		p("    cause:    %s\n", wrap(v.Cause, 14))
		p("    sender:   %s\n", wrap(v.SenderAction, 14))
		p("    receiver: %s\n", wrap(v.AdminAction, 14))
		p("    source:   %s (read %s)\n", v.SourceURL, v.Read)
	}
	// The codes, each with its registered meaning.
	p("\n")
	if info, ok := code.Info(); ok {
		status := ""
		switch info.Status {
		case smtpcodes.ReplyHistoric:
			status = " [historic]"
		case smtpcodes.ReplyNonStandard:
			status = " [non-standard: no RFC defines it]"
		}
		p("  %d  %s%s\n", code, info.Text, status)
		p("       %s\n", wrap(info.Description, 7))
		for i, m := range info.Meanings {
			if i == 0 {
				continue
			}
			var src string
			switch {
			case m.Reference != nil:
				src = m.Reference.String()
			case m.Vendor != "":
				src = m.Vendor + ", non-standard"
			default:
				src = "non-standard"
			}
			p("       also: \"%s\" (%s)\n", m.Text, src)
		}
	} else {
		p("  %d  not a registered reply code\n", code)
	}
	p("       %s: %s\n", codeClassWords(code), severityWords(code))
	if page := basicPage(site, code); page != nil {
		p("       %s\n", page)
	}
	positional := reply.Enhanced()
	if e := c.Enhanced; e != 0 {
		p("\n")
		note := ""
		switch positional.Kind {
		case smtpcodes.StateClassMismatch:
			note = " (its class disagrees with the reply code; the reply code decides)"
		case smtpcodes.StateInconsistent:
			note = " (lines carry different codes; the first is shown)"
		case smtpcodes.StateAbsent, smtpcodes.StateMalformed:
			note = " (found in the text, not in the RFC 2034 position)"
		}
		if info, ok := e.Info(); ok {
			title := info.SampleText
			if title == "" {
				title = "(no sample text)"
			}
			p("  %s  %s%s\n", e, title, note)
			p("       %s\n", wrap(info.Description, 7))
			if info.ReplacedBy != "" {
				p("       deprecated: use %s\n", info.ReplacedBy)
			}
			if len(info.References) > 0 {
				p("       %s: %s\n", info.References[0], info.References[0].URL)
			}
		} else {
			p("  %s  not registered by IANA%s\n", e, note)
			if title, ok := smtpcodes.SubjectTitle(e.Subject()); ok {
				p("       subject %d: %s\n", e.Subject(), title)
			}
		}
		p("       class %d: %s\n", e.Class().Digit(), e.Class().Title())
		if page := enhancedPage(site, e); page != nil {
			p("       %s\n", page)
		}
	} else if positional.Kind == smtpcodes.StateMalformed {
		why := "not a valid enhanced status code"
		for _, v := range reply.Violations() {
			if v.Kind == smtpcodes.ErrMalformedEnhancedCode {
				why = v.Error()
				break
			}
		}
		p("\n  malformed enhanced status code: %s\n", why)
	}
	// Troubleshooting for the most specific code that has it.
	if t := troubleshootingFor(code, c.Enhanced); t != nil {
		p("\n  Troubleshooting %s\n", t.Code)
		p("    %s\n", wrap(t.Summary, 4))
		for i, cause := range t.Causes {
			if i < 3 {
				p("    cause:  %s\n", wrap(cause, 12))
			}
		}
		for i, fix := range t.SenderFixes {
			if i < 3 {
				p("    fix:    %s\n", wrap(fix, 12))
			}
		}
	}
	// A pasted reply seldom keeps its CRLF; that one is not worth reporting.
	var violations []string
	for _, v := range reply.Violations() {
		if v.Kind != smtpcodes.ErrMissingLineEnding {
			violations = append(violations, v.Error())
		}
	}
	if len(violations) > 0 {
		p("\n  not strictly RFC 5321 / RFC 2034:\n")
		for _, v := range violations {
			p("    - %s\n", v)
		}
	}
	return out.String(), true
}

// nextTimeWords gives the retry policy in a sentence or two: whether, when, how, when to
// give up, and whether to stop mailing the address; then whose policy it is.
func nextTimeWords(p *smtpcodes.RetryPolicy) string {
	var s strings.Builder
	switch p.Retry {
	case smtpcodes.VendorRetryLater:
		s.WriteString("retry later")
	case smtpcodes.VendorRetryAfterFix:
		s.WriteString("retry only after fixing the cause")
	default:
		s.WriteString("do not retry this message")
	}
	var when []string
	if p.FirstAfter != 0 {
		when = append(when, "first after "+smtpcodes.FormatRetryDuration(p.FirstAfter))
	}
	if p.GiveUpAfter != 0 {
		when = append(when, "give up after "+smtpcodes.FormatRetryDuration(p.GiveUpAfter))
	}
	if p.GiveUpAttempts != 0 {
		when = append(when, fmt.Sprintf("give up after %d attempts", p.GiveUpAttempts))
	}
	if len(when) > 0 {
		fmt.Fprintf(&s, " (%s)", strings.Join(when, ", "))
	}
	s.WriteByte('.')
	for _, extra := range []string{p.How, p.Backoff} {
		if extra != "" {
			s.WriteString(" " + extra)
		}
	}
	if p.SuppressAddress {
		s.WriteString(" Stop mailing this address (add it to your suppression list).")
	}
	switch p.Source {
	case smtpcodes.PolicySourceUserRule:
		s.WriteString(" [your rule's policy]")
	case smtpcodes.PolicySourceVendor:
		s.WriteString(" [the provider's policy]")
	case smtpcodes.PolicySourceReason:
		s.WriteString(" [the reason's policy]")
	default:
		s.WriteString(" [RFC 5321's defaults]")
	}
	return s.String()
}

func outcomeWords(c smtpcodes.Classification) string {
	switch c.Outcome {
	case smtpcodes.OutcomeSuccess:
		return "success"
	case smtpcodes.OutcomeIntermediate:
		return "in progress: the server waits for more"
	case smtpcodes.OutcomeTransient:
		return "temporary failure, soft bounce if it lasts"
	default:
		return fmt.Sprintf("permanent failure, %s bounce", c.Bounce)
	}
}

func sideWords(s smtpcodes.Side) string {
	switch s {
	case smtpcodes.SideRecipient:
		return "the recipient's (their address or mailbox)"
	case smtpcodes.SideSender:
		return "the sender's (the address, the message, the account or its domain)"
	case smtpcodes.SideSendingServer:
		return "the sending server's (its IP, DNS, TLS, volume or protocol)"
	case smtpcodes.SideReceivingServer:
		return "the receiving server's"
	case smtpcodes.SideNetwork:
		return "the network's (connections, DNS, routing)"
	default:
		return "nobody's in particular"
	}
}

func retryWords(r smtpcodes.RetryAdvice) string {
	switch r {
	case smtpcodes.RetryDone:
		return "nothing to retry"
	case smtpcodes.RetryContinue:
		return "continue: send what the server asked for"
	case smtpcodes.RetryLater:
		return "yes, later: 4yz is temporary (RFC 5321 section 4.2.1)"
	default:
		return "no, not unchanged: 5yz is permanent (RFC 5321 section 4.2.1)"
	}
}

func codeClassWords(code smtpcodes.ReplyCode) string {
	switch code.FirstDigit() {
	case 2:
		return "2yz positive completion"
	case 3:
		return "3yz positive intermediate"
	case 4:
		return "4yz transient negative"
	default:
		return "5yz permanent negative"
	}
}

func severityWords(code smtpcodes.ReplyCode) string {
	switch code.SecondDigit() {
	case 0:
		return "x0z syntax"
	case 1:
		return "x1z information"
	case 2:
		return "x2z connections"
	case 3, 4:
		return "x3z/x4z unspecified"
	case 5:
		return "x5z mail system"
	default:
		return "second digit outside RFC 5321's grammar"
	}
}

// wrap folds text into words wrapped at 96 columns; the text starts at column indent and so
// do its continuation lines.
func wrap(text string, indent int) string {
	var out strings.Builder
	col := indent
	for _, word := range strings.Fields(text) {
		if col+len(word)+1 > 96 && col > indent {
			out.WriteByte('\n')
			out.WriteString(strings.Repeat(" ", indent))
			col = indent
		} else if out.Len() > 0 {
			out.WriteByte(' ')
			col++
		}
		out.WriteString(word)
		col += len(word)
	}
	return out.String()
}
