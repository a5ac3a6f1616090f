//! What the reader knows about bounce formats, as data: the markers and phrases that the
//! home-grown reports of mail servers and providers use, one table per kind of evidence.
//!
//! The reader ([`crate::text`]) is one general algorithm; these tables tell it where a
//! report's human-readable part ends, which lines name a failed recipient, which words
//! introduce a remote server's reply, which phrases name the SMTP command, and which
//! messages announce themselves as bounces, delay notices or auto-replies. Adding a format is
//! adding rows here, not code.
//!
//! Hand-written for now, and documented row by row where a row is not obvious. Moving these
//! tables to `data/` with a generator renderer is planned (see the crate's README). Every
//! phrase matches case-insensitively; "at line start" means after leading whitespace.

use smtp_codes::Command;

/// Lines (at line start) where the copy of the original message, or its headers, begins:
/// everything after them is the sender's own message and must not be read as the report.
pub const ORIGINAL_MESSAGE_MARKERS: &[&str] = &[
    "--- Below this line is a copy of the message", // qmail, Yahoo
    "------ This is a copy of the message",         // Exim
    "------ This is a copy of your message",        // Exim variants
    "------ The body of the message is",            // Exim, body only
    "----- Original message -----",                 // Gmail, Google Groups
    "--- Original message follows",                 // X2 and others
    "--- The header of the original message is following", // 1&1
    "------- Returned Message --------",            // Lotus Notes
    "----- Unsent message follows -----",           // old Sendmail
    "------ Original message follows",              // SurfControl and others
    "Original message follows",                     // MXLogic, mFILTER
    "Below is a copy of the original message",      // Amazon SES text
    "Original message headers:",                    // Exchange, Outlook
    "----- Message header follows -----",
    "------ Failed message follows", // Activehunter
    "--- original message follows",
    "----- Original Message -----",
];

/// Header lines (at column 0, in a report's text) that start a copy of the original message
/// when nothing announced it.
pub const ORIGINAL_HEADER_LINES: &[&str] = &[
    "Return-Path: <",
    "Received: from ",
    "Received: by ",
    "Content-Type: message/rfc822",
    "Content-Type: text/rfc822-headers",
];

/// Labels (at line start) whose line names a failed recipient: the address follows the
/// label on the same line.
pub const RECIPIENT_LABELS: &[&str] = &[
    "Final-Recipient:",
    "Original-Recipient:",
    "X-Actual-Recipient:",
    "Failed Recipient:",
    "Failed recipient:",
    "Recipient address:",
    "Recipient:",
    "Invalid recipient:",
    "Unknown recipient:",
    "Your message to:",
    "Delivery to the following recipient failed",
    "Delivery to the following recipients failed",
    "did not reach the following recipient",
    "RCPT TO:",
    ">>> RCPT TO:",
    "RCPT To:",
    "Could not deliver message to the following recipient",
    "Could not be delivered to:",
    "Unknown user:",
    "Undeliverable to:",
    "Delivery failed for:",
    "Failed address:",
];

/// Words in a short label before a colon (`Unknown user: a@example.org`) that make the
/// address after it a recipient, for labels not listed in [`RECIPIENT_LABELS`].
pub const RECIPIENT_LABEL_WORDS: &[&str] = &[
    "recipient",
    "user",
    "address",
    "deliver",
    "mailbox",
    "account",
    "destinataire",
];

/// Phrases after which, on the same line, a failed recipient's address follows
/// ("There was an error delivering your mail to <a@example.org>.").
pub const RECIPIENT_PHRASES: &[&str] = &[
    "delivering your mail to",
    "deliver your message to",
    "delivering your message to",
    "unable to deliver message to",
    "could not be delivered to",
    "could not deliver mail to",
    "delivery to the following recipient",
    "your message to",
    "delivery failed to",
    "mail to the following recipient",
];

/// Labels (at line start) whose address is NOT a failed recipient: the report's sender,
/// the original message's own header fields as quoted in the report.
pub const NOT_RECIPIENT_LABELS: &[&str] = &[
    "From:",
    "To:",
    "Cc:",
    "Reply-To:",
    "Sender:",
    "Return-Path:",
    "Message-ID:",
    "Subject:",
    "Sent:",
    "Date:",
    "Reporting-MTA:",
    "Received-From-MTA:",
    "Remote-MTA:",
    "X-Postfix-Sender:",
    "MAIL FROM:",
    ">>> MAIL FROM:",
];

/// Words after which a remote server's reply (reply code, enhanced code, text) follows. The
/// reader takes a reply code only where one of these, a line start or a punctuation mark
/// that opens a quotation precedes it, so that numbers in prose are not read as codes.
pub const REPLY_INTRODUCERS: &[&str] = &[
    "said:",         // Postfix, qmail, Yahoo: "host mx[192.0.2.1] said: 550 5.1.1 ..."
    "said",          // qmail's "192.0.2.32 said 550 for RCPT TO response"
    "returned",      // Exchange: "Remote Server returned '550 5.1.1 ...'"
    "returned was:", // Gmail: "The error that the other server returned was: 550 ..."
    "response was:",
    "response:",
    "transfail:", // qmail-remote: "last transfail: 550 ..."
    "reason:",    // Sendmail, Postfix text: "(reason: 550 5.1.1 User unknown)"
    "smtp;",      // Diagnostic-Code: smtp; 550 ...
    "x-unix;",
    "x-postfix;",
    "error:",
    "<<<", // a session transcript's server line
    "reply:",
    "message:",
    "code:",
    "...", // Sendmail: "<a@example.org>... 550 Host unknown"
];

/// Phrases that say which SMTP command the reply answered. The first that occurs in a
/// recipient's diagnostic text wins; order longer, more specific phrases first.
pub const COMMAND_PHRASES: &[(&str, Command)] = &[
    ("in reply to end of DATA command", Command::Data),
    ("after end of data", Command::Data),
    ("after DATA", Command::Data),
    ("in reply to DATA command", Command::Data),
    ("end of data", Command::Data),
    ("in reply to RCPT TO command", Command::Rcpt),
    ("after RCPT TO", Command::Rcpt),
    ("RCPT TO response", Command::Rcpt),
    ("[RCPT_TO]", Command::Rcpt),
    ("in reply to MAIL FROM command", Command::Mail),
    ("after MAIL FROM", Command::Mail),
    ("MAIL FROM response", Command::Mail),
    ("[MAIL_FROM]", Command::Mail),
    ("in reply to EHLO command", Command::Ehlo),
    ("after EHLO", Command::Ehlo),
    ("in reply to HELO command", Command::Helo),
    ("after HELO", Command::Helo),
    ("in reply to STARTTLS command", Command::Starttls),
    ("after STARTTLS", Command::Starttls),
    ("in reply to AUTH command", Command::Auth),
    ("after initial connection", Command::Connect),
    ("while talking to", Command::Any),
    ("connected but greeting failed", Command::Connect),
    ("greeting failed", Command::Connect),
    ("in reply to our greeting", Command::Connect),
    (">>> DATA", Command::Data),
    (">>> RCPT TO", Command::Rcpt),
    (">>> MAIL FROM", Command::Mail),
];

/// Phrases in a recipient's text that name the remote host right after them (a host name,
/// possibly followed by `[address]` or `(address)`).
pub const REMOTE_HOST_INTRODUCERS: &[&str] = &[
    "remote host ",
    "host ",
    "while talking to ",
    "Remote-MTA: dns;",
    "Remote-MTA: DNS;",
    "Remote-MTA:",
    "Generating server:",
    "Receiving server:",
    "server ",
];

/// Phrases that name the host writing the report right after them.
pub const REPORTING_HOST_INTRODUCERS: &[&str] = &[
    "This is the mail system at host ",
    "This is the qmail-send program at ",
    "Reporting-MTA: dns;",
    "Reporting-MTA:",
    "The original message was received at ",
    "Message from ",
];

/// Local parts (before `@`) of the senders of bounce messages.
pub const BOUNCE_SENDERS: &[&str] = &[
    "mailer-daemon",
    "postmaster",
    "mail-daemon",
    "maildaemon",
    "mailerdaemon",
    "bounce",
    "bounces",
    "mdaemon",
    "mail.delivery.system",
];

/// Subject phrases of bounce messages (found anywhere in the subject).
pub const BOUNCE_SUBJECTS: &[&str] = &[
    "undeliverable",
    "undelivered mail",
    "delivery status notification",
    "delivery failure",
    "delivery failed",
    "delivery has failed",
    "delivery problem",
    "failure notice",
    "mail delivery failed",
    "mail delivery system",
    "returned mail",
    "returned to sender",
    "non-delivery",
    "nondeliverable",
    "undeliverable mail",
    "could not send message",
    "mail could not be delivered",
    "delivery notification",
    "message delivery has failed",
    "delivery report",
    "mail system error",
    "rejected",
    "failed delivery",
    "warning: could not send",
    "are not member",
    "メールエラー",
    "配信エラー",
    "送信エラー",
    "不達",
    "message not delivered",
    "unable to deliver",
    "delivery incomplete",
    "permanent error",
    "error sending message",
    "no existe",
    "not delivered",
];

/// Phrases in a report's text that say delivery is still being tried (a delay notice, not
/// a failure).
pub const DELAY_PHRASES: &[&str] = &[
    "delivery status notification (delay)",
    "will retry",
    "will keep trying",
    "is delayed",
    "has been delayed",
    "delivery delayed",
    "not yet been delivered",
    "still trying",
    "no action is required on your part",
];

/// Phrases that mark the report's text as telling of a failure (used to decide a message
/// without a machine-readable part is a bounce).
pub const FAILURE_PHRASES: &[&str] = &[
    "could not be delivered",
    "couldn't be delivered",
    "wasn't able to deliver",
    "was not able to deliver",
    "unable to deliver",
    "delivery to the following recipient",
    "delivery has failed",
    "did not reach the following recipient",
    "permanent error",
    "permanent fatal error",
    "the following address",
    "following addresses had",
    "undeliverable",
    "failed permanently",
    "could not deliver",
    "cannot be delivered",
    "message delivery failed",
    "delivery failed",
    "delivery failure",
    "failure reasons",
    "not a member",
    "are not a member",
    "error occurred while trying to deliver",
    "address not found",
    "user unknown",
    "rejected",
    "mail could not be delivered",
    "returning message to sender",
    "message was not delivered",
    "failed to deliver",
    "unknown user",
    "no such user",
    "host unknown",
    "mailbox is full",
    "error delivering",
    "transcript of session follows",
];

/// Header fields whose presence marks an automatic reply (RFC 3834 and common practice):
/// (field name, a value phrase that must occur, or "" for any value).
pub const AUTO_REPLY_FIELDS: &[(&str, &str)] = &[
    ("Auto-Submitted", "auto-replied"),
    ("X-Autoreply", ""),
    ("X-Autorespond", ""),
    ("X-Autoresponder", ""),
    ("X-Auto-Response-Suppress", "oof"),
    ("Precedence", "auto_reply"),
];

/// Subject prefixes or phrases of automatic replies.
pub const AUTO_REPLY_SUBJECTS: &[&str] = &[
    "auto:",
    "automatic reply",
    "auto reply",
    "auto-reply",
    "autoreply",
    "out of office",
    "out of the office",
    "vacation",
    "away from",
    "abwesenheit",
    "absence",
    "réponse automatique",
];

/// Field names (at line start) that mark a block of RFC 3464 fields written into a text
/// part instead of a `message/delivery-status` part.
pub const DSN_TEXT_FIELDS: &[&str] = &["Final-Recipient:", "Original-Recipient:"];

/// Mail server software and providers recognised by a marker in the report's text or its
/// sender, reported as [`crate::Report::format`]: (name, phrase).
pub const FORMAT_MARKERS: &[(&str, &str)] = &[
    ("Postfix", "This is the mail system at host"),
    ("Postfix", "X-Postfix-"),
    ("qmail", "This is the qmail-send program"),
    (
        "Exim",
        "This message was created automatically by mail delivery software",
    ),
    ("Sendmail", "----- Transcript of session follows -----"),
    ("Sendmail", "The original message was received at"),
    ("Exchange", "did not reach the following recipient"),
    ("Exchange", "Remote Server returned"),
    ("Exchange", "Delivery has failed to these recipients"),
    ("Gmail", "Delivery to the following recipient failed"),
    ("Gmail", "Google tried to deliver your message"),
    ("Gmail", "** Address not found **"),
    ("Google Groups", "Google Groups"),
    ("Amazon SES", "amazonses.com"),
    ("Yahoo", "Sorry, we were unable to deliver your message"),
    ("Courier", "=_courier_"),
    ("OpenSMTPD", "Hi!\n\nThis is the MAILER-DAEMON"),
    ("Lotus Notes", "------- Failure Reasons"),
    ("Domino", "Lotus Domino"),
    (
        "McAfee",
        "--- The following addresses had delivery problems ---",
    ),
    (
        "Messaging Server",
        "This report relates to a message you sent",
    ),
    ("IMail", "Body of message generated response"),
    ("KDDI", "Your mail sent on:"),
    ("1&1", "For the following reason:"),
];
