//! Every identifier of every target language, built in one place.
//!
//! The registry stores every identifier once, in `UpperCamelCase` (`MailboxUnavailable`), and
//! reason ids in `snake_case` (`unknown_user`). Each target language's form is derived here and
//! nowhere else: the casings below, then one function per kind of generated name (Rust
//! variants and constants, C macros; TypeScript, Python and Go forms for the ports). Renderers
//! and the site call these; none of them pastes a prefix onto a name itself.

use crate::model::Outcome;

/// Is `name` an acceptable stored identifier? ASCII, starts with an upper-case letter,
/// letters and digits only, and not `Self` (the one keyword that is `UpperCamelCase`).
pub fn check_identifier(name: &str) -> Result<(), String> {
    let mut chars = name.chars();
    let first_ok = chars.next().is_some_and(|c| c.is_ascii_uppercase());
    let rest_ok = name.chars().all(|c| c.is_ascii_alphanumeric());
    if !first_ok || !rest_ok {
        return Err(format!(
            "identifier `{name}` is malformed; write UpperCamelCase ASCII letters and digits \
             starting with a capital, such as `MailboxUnavailable`"
        ));
    }
    if name == "Self" {
        return Err("identifier `Self` is a Rust keyword; choose another".to_string());
    }
    Ok(())
}

/// Splits an `UpperCamelCase` identifier into words: `Utf8ReplyRequired` gives
/// `Utf8`, `Reply`, `Required`; an acronym stays one word (`TLSRequired` gives `TLS`,
/// `Required`).
fn words(name: &str) -> Vec<String> {
    let chars: Vec<char> = name.chars().collect();
    let mut out = Vec::new();
    let mut cur = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if c.is_ascii_uppercase() && !cur.is_empty() {
            let prev = chars[i - 1];
            let next_lower = chars.get(i + 1).is_some_and(|n| n.is_ascii_lowercase());
            if prev.is_ascii_lowercase()
                || prev.is_ascii_digit()
                || (prev.is_ascii_uppercase() && next_lower)
            {
                out.push(std::mem::take(&mut cur));
            }
        }
        cur.push(c);
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// `MailboxUnavailable` -> `MAILBOX_UNAVAILABLE`.
pub fn screaming_snake(name: &str) -> String {
    words(name)
        .iter()
        .map(|w| w.to_ascii_uppercase())
        .collect::<Vec<_>>()
        .join("_")
}

/// `MailboxUnavailable` -> `mailbox_unavailable`.
pub fn snake(name: &str) -> String {
    words(name)
        .iter()
        .map(|w| w.to_ascii_lowercase())
        .collect::<Vec<_>>()
        .join("_")
}

/// `unknown_user` or `block-lists` -> `UnknownUser` / `BlockLists` (for ids stored in
/// `snake_case` or `kebab-case`).
pub fn upper_camel(id: &str) -> String {
    id.split(['_', '-'])
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut c = w.chars();
            match c.next() {
                Some(f) => f.to_ascii_uppercase().to_string() + c.as_str(),
                None => String::new(),
            }
        })
        .collect()
}

/// `MailboxUnavailable` -> `mailboxUnavailable` (TypeScript properties, Go unexported names).
pub fn lower_camel(name: &str) -> String {
    let mut out = String::new();
    for (i, w) in words(name).iter().enumerate() {
        if i == 0 {
            out.push_str(&w.to_ascii_lowercase());
        } else {
            let mut c = w.chars();
            if let Some(f) = c.next() {
                out.push(f.to_ascii_uppercase());
                out.push_str(&c.as_str().to_ascii_lowercase());
            }
        }
    }
    out
}

/// `MailboxUnavailable` -> `mailbox-unavailable` (file names and URL slugs).
pub fn kebab(name: &str) -> String {
    words(name)
        .iter()
        .map(|w| w.to_ascii_lowercase())
        .collect::<Vec<_>>()
        .join("-")
}

// Rust (the crate's tables).

/// The `KnownReplyCode` / `KnownEnhancedCode` / `Class` / `Subject` variant: the stored form.
pub fn rust_variant(name: &str) -> String {
    name.to_string()
}

/// The `ReplyCode` constant: `MAILBOX_UNAVAILABLE`.
pub fn rust_reply_const(name: &str) -> String {
    screaming_snake(name)
}

/// The `EnhancedCode` constant for the code `name` reported as `outcome`:
/// `PERMANENT_BAD_DESTINATION_MAILBOX_ADDRESS`.
pub fn rust_enhanced_const(outcome: Outcome, name: &str) -> String {
    let prefix = match outcome {
        Outcome::Success => "Success",
        Outcome::Transient => "Transient",
        Outcome::Permanent => "Permanent",
    };
    format!("{}_{}", screaming_snake(prefix), screaming_snake(name))
}

/// The `Command` variant: `RCPT` -> `Rcpt`, `STARTTLS` -> `Starttls`.
pub fn rust_command_variant(wire: &str) -> String {
    let mut s = wire.to_ascii_lowercase();
    if let Some(f) = s.get_mut(0..1) {
        f.make_ascii_uppercase();
    }
    s
}

/// The `Reason` variant of a reason id: `unknown_user` -> `UnknownUser`.
pub fn rust_reason_variant(id: &str) -> String {
    upper_camel(id)
}

// C (the single header).

/// The part of a C macro name that comes from the registry: `MAILBOX_UNAVAILABLE`.
pub fn c_macro_stem(name: &str) -> String {
    screaming_snake(name)
}

/// The `enum smtp_reply_code` member: `SMTP_REPLY_MAILBOX_UNAVAILABLE`.
pub fn c_reply_enum(name: &str) -> String {
    format!("SMTP_REPLY_{}", c_macro_stem(name))
}

/// The subject and detail macros of an enhanced code:
/// `SMTP_ENHANCED_BAD_DESTINATION_MAILBOX_ADDRESS_SUBJECT` and `..._DETAIL`.
pub fn c_enhanced_macros(name: &str) -> (String, String) {
    let stem = c_macro_stem(name);
    (
        format!("SMTP_ENHANCED_{stem}_SUBJECT"),
        format!("SMTP_ENHANCED_{stem}_DETAIL"),
    )
}

/// The `SMTP_REPLY_` suffixes the C header uses for its own macros (`SMTP_REPLY_MAP`).
pub const C_RESERVED_REPLY_STEMS: [&str; 1] = ["MAP"];

/// Whether a standard or historic reply code's identifier is free in C: its enum member must
/// not take a name the header already uses.
pub fn check_c_reply_name(name: &str) -> Result<(), String> {
    let stem = c_macro_stem(name);
    if C_RESERVED_REPLY_STEMS.contains(&stem.as_str()) {
        return Err(format!(
            "identifier `{name}` becomes `{}` in C, a name the header already uses for its own \
             macro; choose another",
            c_reply_enum(name)
        ));
    }
    Ok(())
}

// The ports to come: TypeScript, Python, Go.

/// A TypeScript exported constant or enum member: `MAILBOX_UNAVAILABLE`.
pub fn typescript_const(name: &str) -> String {
    screaming_snake(name)
}

/// A TypeScript constant for the enhanced code `name` in the class its `usable_as` word names
/// (`success`, `transient`, `permanent`): `PERMANENT_BAD_DESTINATION_MAILBOX_ADDRESS`, as the
/// Rust crate's constant.
pub fn typescript_enhanced_const(usable_as: &str, name: &str) -> String {
    format!(
        "{}_{}",
        usable_as.to_ascii_uppercase(),
        typescript_const(name)
    )
}

/// A TypeScript property or function name: `mailboxUnavailable`.
pub fn typescript_member(name: &str) -> String {
    lower_camel(name)
}

/// A Python module-level constant or `enum` member: `MAILBOX_UNAVAILABLE`.
pub fn python_const(name: &str) -> String {
    screaming_snake(name)
}

/// A Python constant for the enhanced code `name` in the class its `usable_as` word names
/// (`success`, `transient`, `permanent`): `PERMANENT_BAD_DESTINATION_MAILBOX_ADDRESS`, as the
/// Rust crate's constant.
pub fn python_enhanced_const(usable_as: &str, name: &str) -> String {
    format!(
        "{}_{}",
        usable_as.to_ascii_uppercase(),
        screaming_snake(name)
    )
}

/// A Python `enum` member for an id stored in `snake_case` or `kebab-case` (a classifier
/// reason): `unknown_user` -> `UNKNOWN_USER`.
pub fn python_id_member(id: &str) -> String {
    id.replace('-', "_").to_ascii_uppercase()
}

/// A Python function or attribute name: `mailbox_unavailable`.
pub fn python_member(name: &str) -> String {
    snake(name)
}

/// A Go exported identifier: `MailboxUnavailable` (the stored form is already Go's).
pub fn go_exported(name: &str) -> String {
    name.to_string()
}

/// A Go unexported identifier: `mailboxUnavailable`.
pub fn go_unexported(name: &str) -> String {
    lower_camel(name)
}

/// A Go reply code constant: `MailboxUnavailable` -> `CodeMailboxUnavailable` (as
/// `http.StatusNotFound` names HTTP's).
pub fn go_reply_const(name: &str) -> String {
    format!("Code{}", go_exported(name))
}

/// A Go enhanced code constant: the class word (`Success`, `Transient`, `Permanent`) and the
/// stored name, `PermanentBadDestinationMailboxAddress`.
pub fn go_enhanced_const(class_word: &str, name: &str) -> String {
    format!("{class_word}{}", go_exported(name))
}

/// A Go constant of an enumeration stored by id: `go_enum_const("Reason", "unknown_user")`
/// gives `ReasonUnknownUser`, `go_enum_const("Side", "sending_server")` `SideSendingServer`.
pub fn go_enum_const(type_name: &str, id: &str) -> String {
    format!("{type_name}{}", upper_camel(id))
}

/// A Go command constant: the wire name after `Command`, as Go writes initialisms
/// (`RCPT` -> `CommandRCPT`, `STARTTLS` -> `CommandSTARTTLS`).
pub fn go_command_const(wire: &str) -> String {
    format!("Command{}", wire.to_ascii_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conversions() {
        assert_eq!(screaming_snake("MailboxUnavailable"), "MAILBOX_UNAVAILABLE");
        assert_eq!(screaming_snake("Ok"), "OK");
        assert_eq!(screaming_snake("Utf8ReplyRequired"), "UTF8_REPLY_REQUIRED");
        assert_eq!(screaming_snake("TLSRequired"), "TLS_REQUIRED");
        assert_eq!(screaming_snake("TlsRequired"), "TLS_REQUIRED");
        assert_eq!(snake("NoPassingDkimSignature"), "no_passing_dkim_signature");
        assert_eq!(
            screaming_snake("ArcValidationFailure"),
            "ARC_VALIDATION_FAILURE"
        );
    }

    #[test]
    fn target_languages() {
        assert_eq!(lower_camel("Utf8ReplyRequired"), "utf8ReplyRequired");
        assert_eq!(lower_camel("TLSRequired"), "tlsRequired");
        assert_eq!(kebab("MailboxUnavailable"), "mailbox-unavailable");
        assert_eq!(
            rust_enhanced_const(Outcome::Permanent, "BadDestinationMailboxAddress"),
            "PERMANENT_BAD_DESTINATION_MAILBOX_ADDRESS"
        );
        assert_eq!(rust_command_variant("STARTTLS"), "Starttls");
        assert_eq!(rust_reason_variant("unknown_user"), "UnknownUser");
        assert_eq!(
            c_reply_enum("MailboxUnavailable"),
            "SMTP_REPLY_MAILBOX_UNAVAILABLE"
        );
        assert_eq!(
            c_enhanced_macros("OtherAddressStatus").1,
            "SMTP_ENHANCED_OTHER_ADDRESS_STATUS_DETAIL"
        );
        assert_eq!(typescript_member("MailboxFull"), "mailboxFull");
        assert_eq!(python_member("MailboxFull"), "mailbox_full");
        assert_eq!(go_unexported("MailboxFull"), "mailboxFull");
        assert_eq!(
            go_reply_const("MailboxUnavailable"),
            "CodeMailboxUnavailable"
        );
        assert_eq!(go_enum_const("Reason", "unknown_user"), "ReasonUnknownUser");
        assert_eq!(
            go_enum_const("VendorRetry", "after_fix"),
            "VendorRetryAfterFix"
        );
    }

    #[test]
    fn reserved_c_names() {
        assert!(check_c_reply_name("Map").is_err());
        assert!(check_c_reply_name("MapFull").is_ok());
    }

    #[test]
    fn identifiers() {
        assert!(check_identifier("MailboxFull").is_ok());
        assert!(check_identifier("mailboxFull").is_err());
        assert!(check_identifier("Mailbox_Full").is_err());
        assert!(check_identifier("Mailbox Full").is_err());
        assert!(check_identifier("").is_err());
        assert!(check_identifier("Self").is_err());
        assert!(check_identifier("Çava").is_err());
    }
}
