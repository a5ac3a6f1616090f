// Package smtpcodes knows every SMTP reply code and enhanced status code (RFC 5321,
// RFC 3463, the IANA registry), reads and writes SMTP replies, and says what a reply means
// for the sender: retry or not, hard or soft bounce, the reason, whose side the problem is
// on, and the evidence that decided it.
//
// A Classifier may also know what the reply answered and where it came from (Context): 552
// in reply to RCPT TO is then treated as 452 (RFC 5321 section 4.5.3.1.10), a bare
// rejection of DATA as a content rejection, and a remote host such as
// gmail-smtp-in.l.google.com identifies whose meaning of a code applies. Every failure's
// Classification carries a RetryPolicy: whether and when to retry, how, when to give up and
// whether to stop mailing the address, from the deciding rule or vendor entry, the reason,
// or RFC 5321's defaults.
//
// The tables (files named *_gen.go) are generated from the smtp-codes registry by
// `cargo codegen`; everything else is written by hand. The answers are the Rust crate's
// (smtp-codes), checked line by line on a shared corpus.
//
// Nothing here panics on input: parsing returns errors as values, each saying where
// (line and byte) and what is wrong.
package smtpcodes
