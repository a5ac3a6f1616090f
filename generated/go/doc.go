// Package smtpcodes knows every SMTP reply code and enhanced status code (RFC 5321,
// RFC 3463, the IANA registry), reads and writes SMTP replies, and says what a reply means
// for the sender: retry or not, hard or soft bounce, the reason, whose side the problem is
// on, and the evidence that decided it.
//
// The tables (files named *_gen.go) are generated from the smtp-codes registry by
// `cargo codegen`; everything else is written by hand. The answers are the Rust crate's
// (smtp-codes), checked line by line on a shared corpus.
//
// Nothing here panics on input: parsing returns errors as values, each saying where
// (line and byte) and what is wrong.
package smtpcodes
