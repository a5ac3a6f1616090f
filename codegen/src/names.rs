//! Identifier casing, in one place.
//!
//! The registry stores every identifier once, in `UpperCamelCase` (`MailboxUnavailable`).
//! Each target language's form is derived here and nowhere else: Rust enum variants keep the
//! stored form, Rust constants and C macros use `SCREAMING_SNAKE_CASE`, file names and JSON
//! keys use `snake_case`.

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

/// A Go reply code constant: `MailboxUnavailable` -> `CodeMailboxUnavailable` (as
/// `http.StatusNotFound` names HTTP's).
pub fn go_reply_const(name: &str) -> String {
    format!("Code{name}")
}

/// A Go enhanced code constant: the class word and the stored name,
/// `PermanentBadDestinationMailboxAddress`.
pub fn go_enhanced_const(class_word: &str, name: &str) -> String {
    format!("{class_word}{name}")
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
