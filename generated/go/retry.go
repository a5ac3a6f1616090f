package smtpcodes

import (
	"fmt"
	"time"
)

// PolicySource says which level of the data decided a RetryPolicy.
type PolicySource uint8

// The levels, in the order they are tried.
const (
	PolicySourceUserRule PolicySource = iota // the caller's rule that decided the reason
	PolicySourceVendor                       // the vendor entry that decided the reason
	PolicySourceReason                       // the reason's policy in data/classifier.yaml
	PolicySourceDefault                      // retry_defaults in data/classifier.yaml (RFC 5321)
)

// String gives "user_rule", "vendor", "reason" or "default".
func (s PolicySource) String() string {
	return [...]string{"user_rule", "vendor", "reason", "default"}[s%4]
}

// RetryPolicy is what to do next time: whether and when to retry, how, when to give up,
// and whether to stop mailing the address. A zero duration, an empty text and zero attempts
// each mean the policy does not say (the data never holds them as values).
//
// A Classification's policy is resolved from the data (retry_defaults, and each reason's
// and each vendor entry's retry_policy in data/) as data/classifier.yaml's header says:
//
//  1. a caller's Rule that decided the reason and carries its own RetryPolicy gives it;
//  2. else the vendor entry that decided the reason, if it has a policy;
//  3. else the reason's policy (Reason.RetryPolicy), adjusted to the reply's class: on a
//     transient (4yz) reply a policy that says never does not count (never and
//     SuppressAddress concern permanent replies, as a hard bounce does); on a permanent
//     (5yz) reply a policy that says later counts as after_fix with no timing (a 5yz is not
//     repeated unchanged; its How is the change to make);
//  4. else RetryDefaultTransient or RetryDefaultPermanent, by the reply's class (RFC 5321
//     sections 4.5.4.1 and 4.2.1).
//
// A policy that says later takes each timing field it leaves out (FirstAfter, Backoff,
// GiveUpAfter, GiveUpAttempts) from RetryDefaultTransient; Source still names the level
// that chose Retry. SuppressAddress is only ever true on a permanent reply. Success (2yz)
// and intermediate (3yz) replies have no policy.
type RetryPolicy struct {
	Retry           VendorRetry   // whether to retry: later, after_fix or never
	FirstAfter      time.Duration // the least delay before the next attempt
	Backoff         string        // how the delay grows between attempts (words for people)
	How             string        // how to send when retrying: fewer connections, a slower rate
	GiveUpAfter     time.Duration // give up once this long has passed since the first attempt
	GiveUpAttempts  int           // give up after this many attempts
	SuppressAddress bool          // stop sending to the address (put it on a suppression list)
	Source          PolicySource  // which level of the data decided Retry
}

// RetryDefaultTransient is the policy for a transient (4yz) reply when neither a rule, a
// vendor entry nor the reason gives one (retry_defaults in data/classifier.yaml).
func RetryDefaultTransient() RetryPolicy { return retryDefaultTransient }

// RetryDefaultPermanent is the policy for a permanent (5yz) reply when neither a rule, a
// vendor entry nor the reason gives one.
func RetryDefaultPermanent() RetryPolicy { return retryDefaultPermanent }

// RetryPolicy is the reason's own policy in data/classifier.yaml, if it has one (before the
// adjustments to a reply's class that Classification.RetryPolicy makes).
func (r Reason) RetryPolicy() (RetryPolicy, bool) {
	if p := r.data().policy; p != nil {
		return *p, true
	}
	return RetryPolicy{}, false
}

// completed takes the timing fields a later policy leaves out from the transient defaults,
// and drops SuppressAddress on a reply that is not permanent.
func (p RetryPolicy) completed(outcome Outcome) RetryPolicy {
	if p.Retry == VendorRetryLater {
		d := &retryDefaultTransient
		if p.FirstAfter == 0 {
			p.FirstAfter = d.FirstAfter
		}
		if p.Backoff == "" {
			p.Backoff = d.Backoff
		}
		if p.GiveUpAfter == 0 {
			p.GiveUpAfter = d.GiveUpAfter
		}
		if p.GiveUpAttempts == 0 {
			p.GiveUpAttempts = d.GiveUpAttempts
		}
	}
	if outcome != OutcomePermanent {
		p.SuppressAddress = false
	}
	return p
}

// resolvePolicy resolves the policy as RetryPolicy's documentation says; nil for success
// and intermediate replies.
func resolvePolicy(outcome Outcome, reason Reason, decided *DecidedBy) *RetryPolicy {
	var transient bool
	switch outcome {
	case OutcomeTransient:
		transient = true
	case OutcomePermanent:
	default:
		return nil
	}
	var chosen *RetryPolicy
	switch decided.Kind {
	case ByUserRule:
		if p := decided.Rule.RetryPolicy; p != nil {
			own := *p
			own.Source = PolicySourceUserRule
			chosen = &own
		}
	case ByVendorText, ByVendorCode:
		if p := decided.Entry.RetryPolicy; p != nil {
			own := *p
			chosen = &own
		}
	}
	if chosen == nil {
		if p, ok := reason.RetryPolicy(); ok {
			switch {
			case transient && p.Retry == VendorRetryNever:
				// never (with SuppressAddress) concerns permanent replies.
			case !transient && p.Retry == VendorRetryLater:
				// A permanent reply is not repeated unchanged: the reason's way of retrying
				// becomes the change to make first.
				chosen = &RetryPolicy{Retry: VendorRetryAfterFix, How: p.How, SuppressAddress: p.SuppressAddress, Source: p.Source}
			default:
				chosen = &p
			}
		}
	}
	if chosen == nil {
		d := retryDefaultPermanent
		if transient {
			d = retryDefaultTransient
		}
		chosen = &d
	}
	*chosen = chosen.completed(outcome)
	return chosen
}

// FormatRetryDuration writes a duration the way the data does: whole days ("5d"), else whole
// hours ("4h"), else minutes ("30m", rounded down).
func FormatRetryDuration(d time.Duration) string {
	s := int64(d / time.Second)
	switch {
	case s != 0 && s%86400 == 0:
		return fmt.Sprintf("%dd", s/86400)
	case s != 0 && s%3600 == 0:
		return fmt.Sprintf("%dh", s/3600)
	default:
		return fmt.Sprintf("%dm", s/60)
	}
}
