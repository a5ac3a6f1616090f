package smtpcodes_test

import (
	"fmt"
	"os"

	smtpcodes "github.com/smtp-codes/smtp-codes/generated/go"
)

func ExampleParseReply() {
	reply, err := smtpcodes.ParseReply("550-5.1.1 The email account that you tried to reach does not exist.\r\n" +
		"550 5.1.1 https://support.google.com/mail/?p=NoSuchUser - gsmtp\r\n")
	if err != nil {
		fmt.Println(err)
		return
	}
	code, _ := reply.EnhancedCode()
	fmt.Println(reply.Code(), code, reply.Enhanced().Name(), reply.LineCount())
	for _, line := range reply.Lines() {
		fmt.Println(line.Text)
	}
	// Output:
	// 550 5.1.1 valid 2
	// The email account that you tried to reach does not exist.
	// https://support.google.com/mail/?p=NoSuchUser - gsmtp
}

func ExampleParseReplyStrict() {
	_, err := smtpcodes.ParseReplyStrict("550: 5.2.2 Mailbox full\r\n")
	fmt.Println(err)

	// Read leniently, the same reply parses; what strict parsing objects to is listed.
	reply, _ := smtpcodes.ParseReply("550: 5.2.2 Mailbox full\r\n")
	code, _ := reply.EnhancedCode()
	fmt.Println(code, len(reply.Violations()))
	// Output:
	// line 1, byte 3: the reply code is followed by byte 0x3a; expected a space, `-` or the line ending (RFC 5321 section 4.2)
	// 5.2.2 1
}

func ExampleReply_EnhancedInText() {
	reply, _ := smtpcodes.ParseReply("552 sorry, mailbox is over quota temporarily (#5.1.1)")
	_, positional := reply.EnhancedCode()
	inText, _ := reply.EnhancedInText()
	fmt.Println(positional, inText)
	// Output: false 5.1.1
}

func ExampleParseEnhancedCode() {
	code, err := smtpcodes.ParseEnhancedCode("5.1.1")
	if err != nil {
		fmt.Println(err)
		return
	}
	info, _ := code.Info()
	fmt.Println(code.Class().Title(), "/", info.SampleText)
	fmt.Println(code == smtpcodes.PermanentBadDestinationMailboxAddress)

	_, err = smtpcodes.ParseEnhancedCode("5.01.1")
	fmt.Println(err)
	// Output:
	// Permanent Failure / Bad destination mailbox address
	// true
	// enhanced status code has a leading zero in its subject (RFC 3463 section 2 forbids them)
}

func ExampleReplyCode_Info() {
	info, _ := smtpcodes.CodeMailboxUnavailable.Info()
	fmt.Println(info.Text)
	fmt.Println(info.Status)
	// Output:
	// Requested action not taken: mailbox unavailable
	// standard
}

func ExampleReply_Classify() {
	reply, _ := smtpcodes.ParseReply("550 5.1.1 <bob@example.com> User unknown")
	c := reply.Classify()
	fmt.Println(c.Reason, c.Bounce, c.Side, c.Retry)
	fmt.Println(c.DecidedBy)
	// Output:
	// unknown_user hard recipient do_not_retry
	// text rule `no-such-user` (found "user unknown")
}

func ExampleClassifyText() {
	c := smtpcodes.ClassifyText(smtpcodes.CodeServiceNotAvailable, 0,
		"4.7.0 [TSS04] Messages from 192.0.2.1 temporarily deferred due to unexpected volume or user complaints")
	fmt.Println(c.Reason, c.Bounce)
	fmt.Println(c.DecidedBy)
	fmt.Println(c.Vendor.Vendor.Name)
	// Output:
	// bad_reputation soft
	// Yahoo Mail and AOL Mail wording "temporarily deferred"
	// Yahoo Mail and AOL Mail
}

func ExampleClassifier() {
	mine := smtpcodes.Classifier{Rules: []smtpcodes.Rule{{
		ID:     "acme-frozen",
		Reason: smtpcodes.ReasonMailboxDisabled,
		Any:    []string{"mailbox frozen"},
	}}}
	c := mine.ClassifyText(smtpcodes.CodeTransactionFailed, 0, "Mailbox frozen by ACME")
	fmt.Println(c.Reason)
	fmt.Println(c.DecidedBy)
	// Output:
	// mailbox_disabled
	// your rule `acme-frozen` (found "mailbox frozen")
}

func ExampleClassifier_ClassifyWith() {
	// RFC 5321 section 4.5.3.1.10: 552 in reply to RCPT TO is "too many recipients", a 452.
	var classifier smtpcodes.Classifier
	reply, _ := smtpcodes.ParseReply("552 Requested mail action aborted")
	c := classifier.ClassifyWith(&reply, smtpcodes.Context{Command: smtpcodes.CommandRCPT})
	fmt.Println(c.Outcome, c.Reason, c.Retry)
	fmt.Println(c.DecidedBy)

	// The remote host says whose reply it is: Gmail's meaning of a registered code applies
	// only to Gmail's replies.
	reply, _ = smtpcodes.ParseReply("534 5.7.9 https://support.google.com/mail/?p=WebLoginRequired")
	fmt.Println(classifier.Classify(&reply).Vendor == nil)
	c = classifier.ClassifyWith(&reply, smtpcodes.Context{RemoteHost: "smtp.gmail.com"})
	fmt.Println(c.Vendor.Vendor.Slug, c.DecidedBy.Kind == smtpcodes.ByVendorCode)
	// Output:
	// transient too_many_recipients retry_later
	// the context: 552 in reply to RCPT TO, too many recipients (RFC 5321 section 4.5.3.1.10: treated as 452)
	// true
	// google-gmail true
}

func ExampleRetryPolicy() {
	reply, _ := smtpcodes.ParseReply("550 5.1.1 <bob@example.com> User unknown")
	p := reply.Classify().RetryPolicy
	fmt.Println(p.Retry, p.SuppressAddress, p.Source)

	p = smtpcodes.ClassifyText(smtpcodes.CodeLocalErrorInProcessing, 0, "Try again later").RetryPolicy
	fmt.Println(p.Retry, p.FirstAfter, p.GiveUpAfter, p.Source)
	// Output:
	// never true reason
	// later 30m0s 120h0m0s default
}

func ExampleReplyWriter() {
	w := smtpcodes.ReplyWriter{
		Code:     smtpcodes.CodeMailboxUnavailable,
		Enhanced: smtpcodes.PermanentBadDestinationMailboxAddress,
	}
	reply, err := w.Format("No such user here", "Check the address")
	fmt.Printf("%q %v\n", reply, err)

	// Everything is checked before anything is written.
	err = w.Write(os.Stdout, "a\r\nb")
	fmt.Println(err)
	// Output:
	// "550-5.1.1 No such user here\r\n550 5.1.1 Check the address\r\n" <nil>
	// line 1 contains CR or LF at byte 1; give each line of text separately
}

func ExampleBestVendorMatch() {
	code, _ := smtpcodes.ParseEnhancedCode("5.7.606")
	entry, ok := smtpcodes.BestVendorMatch(smtpcodes.CodeMailboxUnavailable, code,
		"Access denied, banned sending IP [192.0.2.1]")
	if ok {
		fmt.Println(entry.Vendor.Slug)
	}
	// Output: microsoft-exchange-online
}
