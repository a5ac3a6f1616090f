//! What the registry says about each code: the types [`ReplyInfo`] and [`EnhancedInfo`] and
//! their parts. The tables of values are generated into `tables/info.rs`.

use crate::{Class, Command, KnownEnhancedCode, ReplyCode};

/// A document a reference points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Document {
    /// An RFC, by number.
    Rfc(u16),
    /// An Internet-Draft, by name (`draft-levine-mailbomb-header-00`).
    Draft(&'static str),
}

/// A reference to a document and, when known, a section of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Reference {
    /// The document.
    pub document: Document,
    /// The section number (`"4.2.3"`) or appendix (`"Appendix A"`), when known.
    pub section: Option<&'static str>,
    /// Where to read it: the section's anchor on rfc-editor.org (or datatracker for drafts).
    pub url: &'static str,
}

impl core::fmt::Display for Reference {
    /// `RFC 5321, section 4.2.3`.
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self.document {
            Document::Rfc(n) => write!(f, "RFC {n}")?,
            Document::Draft(d) => f.write_str(d)?,
        }
        match self.section {
            Some(s) if s.starts_with("Appendix") => write!(f, ", {s}"),
            Some(s) => write!(f, ", section {s}"),
            None => Ok(()),
        }
    }
}

/// Whether a reply code is standard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ReplyStatus {
    /// Defined or used by a current RFC.
    Standard,
    /// Defined by an RFC, which keeps it for historical reasons only.
    Historic,
    /// Defined by no RFC: a vendor's code, a client's error number, or a number that only
    /// appears in the IANA registry's association column.
    NonStandard,
}

/// Why a non-standard code exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NonStandardKind {
    /// A vendor or product sends it.
    Vendor,
    /// A mail client's own error number, never sent by a server (`101`).
    ClientError,
    /// It appears only in the IANA registry's associated-basic-code column.
    RegistryAssociation,
    /// The digits of an enhanced code written as a 3-digit number (`511` for `5.1.1`).
    ShortenedEnhanced,
}

/// One meaning of a reply code: an RFC's, or a vendor's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Meaning {
    /// The RFC's wording, verbatim; for a non-standard meaning, a summary of the source.
    pub text: &'static str,
    /// A plain-words summary where the wording is terse.
    pub summary: Option<&'static str>,
    /// The RFC section that gives this meaning; `None` for a vendor's meaning.
    pub reference: Option<Reference>,
    /// The vendor whose meaning this is.
    pub vendor: Option<&'static str>,
    /// The pages a non-standard meaning comes from.
    pub sources: &'static [&'static str],
    /// Whether an RFC gives this meaning.
    pub standard: bool,
    /// The commands this meaning applies to.
    pub commands: &'static [Command],
}

/// An extension's own use of a reply code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Use {
    /// Where the extension says so.
    pub reference: Reference,
    /// What it uses the code for, in plain words.
    pub context: &'static str,
    /// The commands involved.
    pub commands: &'static [Command],
    /// Enhanced codes the extension pairs with it.
    pub enhanced: &'static [KnownEnhancedCode],
}

/// Everything the registry says about a 3-digit reply code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ReplyInfo {
    /// The code. Non-standard entries may lie outside `200..=599` (`101`).
    pub code: u16,
    /// The identifier, such as `"MailboxUnavailable"`.
    pub name: &'static str,
    /// The reply text as the defining RFC writes it; for a non-standard code, the meaning
    /// people give it.
    pub text: &'static str,
    /// The RFC's explanation beside the text, verbatim.
    pub text_note: Option<&'static str>,
    /// What the code means, in plain words (CommonMark).
    pub description: &'static str,
    /// Standard, historic or non-standard.
    pub status: ReplyStatus,
    /// For a non-standard code: why it exists.
    pub nonstandard_kind: Option<NonStandardKind>,
    /// For a non-standard code: how sure its meaning is.
    pub confidence: Option<&'static str>,
    /// Every distinct meaning, the defining one first.
    pub meanings: &'static [Meaning],
    /// Extensions that use the code for a purpose of their own.
    pub uses: &'static [Use],
    /// The commands that may return it.
    pub commands: &'static [Command],
    /// The first RFC that gave the code a meaning.
    pub introduced: Option<Reference>,
    /// Other documents worth reading.
    pub references: &'static [Reference],
    /// Enhanced codes whose IANA association lists this code.
    pub associated_enhanced: &'static [KnownEnhancedCode],
    /// Where sources disagree, and which wins.
    pub notes: Option<&'static str>,
    /// Causes and fixes, for the codes people meet most.
    pub troubleshooting: Option<&'static Troubleshooting>,
}

/// What to do about a code, written for the person holding the bounce.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Troubleshooting {
    /// The code: a reply code (`"550"`) or a class-independent enhanced code (`"X.1.1"`).
    pub code: &'static str,
    /// What happened, in one or two sentences.
    pub summary: &'static str,
    /// Likely causes, most likely first (CommonMark).
    pub causes: &'static [&'static str],
    /// What the sender can do (CommonMark).
    pub sender_fixes: &'static [&'static str],
    /// What the receiving server's administrator can do (CommonMark).
    pub admin_fixes: &'static [&'static str],
    /// Pages worth reading.
    pub references: &'static [Reference],
    /// Codes the guidance shows in a class their definition excludes, each with a note.
    pub nonconforming: &'static [Nonconforming],
}

/// A full enhanced code that some servers send in a class its definition excludes (a vendor's
/// `4.1.2`, although X.1.2 is for permanent failures only), with what the standard use is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Nonconforming {
    /// The code as sent, with its class digit: `"4.1.2"`.
    pub code: &'static str,
    /// Who sends it that way and what the defining text says instead (CommonMark).
    pub note: &'static str,
}

impl ReplyInfo {
    /// The code as a [`ReplyCode`], when it is one a server may send.
    pub const fn reply_code(&self) -> Option<ReplyCode> {
        match ReplyCode::from_u16(self.code) {
            Ok(c) => Some(c),
            Err(_) => None,
        }
    }

    /// Whether an RFC defines the code (standard or historic).
    pub const fn is_standard(&self) -> bool {
        !matches!(self.status, ReplyStatus::NonStandard)
    }
}

/// Whether an enhanced code is still to be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lifecycle {
    /// In use.
    Current,
    /// Retired by the registry; see [`EnhancedInfo::replaced_by`].
    Deprecated,
}

/// How the IANA registry associates basic reply codes with an enhanced code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Association {
    /// IANA says "Any".
    Any,
    /// IANA names none ("Not given").
    NotGiven,
    /// These codes; and, when `other_classes` is not empty, any code of those classes
    /// ("5XX", "other 4XX or 5XX codes are allowed").
    Listed {
        /// The explicit codes.
        codes: &'static [u16],
        /// Classes any of whose codes are also allowed.
        other_classes: &'static [Class],
    },
}

/// Everything the registry says about an enumerated enhanced status code (class-independent).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct EnhancedInfo {
    /// The code.
    pub code: KnownEnhancedCode,
    /// The subject number.
    pub subject: u16,
    /// The detail number.
    pub detail: u16,
    /// The identifier, such as `"BadDestinationMailboxAddress"`.
    pub name: &'static str,
    /// IANA's sample text, verbatim (empty for the deprecated X.6.10).
    pub sample_text: &'static str,
    /// What the code means, in plain words (CommonMark).
    pub description: &'static str,
    /// The reply codes IANA lists explicitly; empty when it lists none.
    pub basic_codes: &'static [u16],
    /// IANA's associated-basic-code text, verbatim (`"451, 550"`, `"Any"`, `"5XX"`).
    pub basic_codes_text: &'static str,
    /// Classes any of whose reply codes IANA also allows.
    pub basic_code_classes: &'static [Class],
    /// IANA says "Any".
    pub any_basic_code: bool,
    /// The classes the defining text says the code suits.
    pub usable_as: &'static [Class],
    /// Current or deprecated.
    pub status: Lifecycle,
    /// For a deprecated code, the one to use instead.
    pub replaced_by: Option<KnownEnhancedCode>,
    /// The defining documents.
    pub references: &'static [Reference],
    /// Where sources disagree, and which wins.
    pub notes: Option<&'static str>,
    /// Causes and fixes, for the codes people meet most.
    pub troubleshooting: Option<&'static Troubleshooting>,
}

impl EnhancedInfo {
    /// The association, structured.
    pub const fn association(&self) -> Association {
        if self.any_basic_code {
            Association::Any
        } else if self.basic_codes.is_empty() && self.basic_code_classes.is_empty() {
            Association::NotGiven
        } else {
            Association::Listed {
                codes: self.basic_codes,
                other_classes: self.basic_code_classes,
            }
        }
    }

    /// Whether the registry's association admits `reply` (ignoring the class digit of the
    /// enhanced code, which [`EnhancedCode::is_consistent_with`](crate::EnhancedCode::is_consistent_with)
    /// checks too).
    pub fn allows(&self, reply: ReplyCode) -> bool {
        match self.association() {
            Association::Any | Association::NotGiven => true,
            Association::Listed {
                codes,
                other_classes,
            } => {
                codes.contains(&reply.as_u16())
                    || other_classes
                        .iter()
                        .any(|c| c.digit() == reply.first_digit())
            }
        }
    }

    /// The code's title: IANA's sample text, or `"(no sample text)"` when the registry gives
    /// none (the deprecated X.6.10). The generator, the C header and the site title codes
    /// by the same rule.
    ///
    /// ```
    /// use smtp_codes::KnownEnhancedCode;
    /// let info = KnownEnhancedCode::BadDestinationMailboxAddress.info();
    /// assert_eq!(info.title(), "Bad destination mailbox address");
    /// ```
    pub const fn title(&self) -> &'static str {
        if self.sample_text.is_empty() {
            crate::tables::NO_SAMPLE_TEXT
        } else {
            self.sample_text
        }
    }

    /// Whether the registry still recommends the code.
    pub const fn is_deprecated(&self) -> bool {
        matches!(self.status, Lifecycle::Deprecated)
    }
}
