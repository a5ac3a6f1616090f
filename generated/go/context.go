package smtpcodes

// Context is what the classifier may know besides the reply: the command it answered and
// the host that sent it. Every part is optional; the zero Context knows nothing, and
// Classifier.ClassifyWith then classifies as Classifier.Classify does.
type Context struct {
	// Command is the command the reply answered (CommandDATA also for the reply after the
	// message's final dot, CommandCONNECT for the greeting); zero when not known.
	Command Command
	// RemoteHost is the name of the server that sent the reply
	// ("gmail-smtp-in.l.google.com"): a host under one of a vendor's Hosts identifies the
	// reply as that vendor's. Empty when not known.
	RemoteHost string
}

// WithCommand gives this context, answering cmd.
func (c Context) WithCommand(cmd Command) Context {
	c.Command = cmd
	return c
}

// WithRemoteHost gives this context, from host.
func (c Context) WithRemoteHost(host string) Context {
	c.RemoteHost = host
	return c
}

// The commands the context's rules name, found by name so that a registry without them
// still builds (the rules then never apply).
var (
	commandRCPT = commandNamed("RCPT")
	commandDATA = commandNamed("DATA")
	commandBDAT = commandNamed("BDAT")
)

// answered reports whether the context names cmd (a command the registry knows).
func (c Context) answered(cmd Command) bool {
	return cmd != 0 && c.Command == cmd
}

// tooManyRecipients: 552 in reply to RCPT TO, which RFC 5321 section 4.5.3.1.10 treats as
// 452.
func (c Context) tooManyRecipients(code ReplyCode) bool {
	return c.answered(commandRCPT) && code == 552
}

// ruleFor gives the rule that applies to a failure reply, if any.
func (c Context) ruleFor(code ReplyCode) (ContextRule, bool) {
	var rule ContextRule
	switch {
	case c.tooManyRecipients(code):
		rule = ContextRcptTooManyRecipients
	case (c.answered(commandDATA) || c.answered(commandBDAT)) && code.FirstDigit() == 5:
		rule = ContextDataRejected
	default:
		return 0, false
	}
	if _, ok := rule.reason(); !ok {
		return 0, false
	}
	return rule, true
}

// ContextRule is a rule the Context applies when the codes say little.
type ContextRule uint8

// The rules.
const (
	// ContextRcptTooManyRecipients: 552 in reply to RCPT TO is too many recipients, treated
	// as 452 (transient), per RFC 5321 section 4.5.3.1.10.
	ContextRcptTooManyRecipients ContextRule = iota + 1
	// ContextDataRejected: a permanent (5yz) rejection in reply to DATA or BDAT (the
	// message's content) is a content rejection.
	ContextDataRejected
)

// contextReasons holds each rule's reason, found by its identifier; ok is false when the
// registry has no such reason.
var contextReasons = func() (out [3]struct {
	reason Reason
	ok     bool
}) {
	for rule, id := range map[ContextRule]string{
		ContextRcptTooManyRecipients: "too_many_recipients",
		ContextDataRejected:          "content_rejected",
	} {
		out[rule].reason, out[rule].ok = ReasonFromID(id)
	}
	return out
}()

func (r ContextRule) reason() (Reason, bool) {
	if int(r) >= len(contextReasons) {
		return ReasonUnknown, false
	}
	c := contextReasons[r]
	return c.reason, c.ok
}

// Reason is the reason the rule gives: too_many_recipients or content_rejected.
func (r ContextRule) Reason() Reason {
	reason, _ := r.reason()
	return reason
}

// Name gives "rcpt_too_many_recipients" or "data_rejected".
func (r ContextRule) Name() string {
	switch r {
	case ContextRcptTooManyRecipients:
		return "rcpt_too_many_recipients"
	case ContextDataRejected:
		return "data_rejected"
	}
	return ""
}

// String says it in words, as DecidedBy shows it.
func (r ContextRule) String() string {
	switch r {
	case ContextRcptTooManyRecipients:
		return "the context: 552 in reply to RCPT TO, too many recipients (RFC 5321 section 4.5.3.1.10: treated as 452)"
	case ContextDataRejected:
		return "the context: a permanent rejection in reply to DATA, the content"
	}
	return ""
}
