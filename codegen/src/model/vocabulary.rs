//! The vocabularies the generator and the crate share: whose side a problem is on, the bounce
//! type, and a vendor's retry advice. Each is defined here once, with its identifier (as the
//! data files and the JSON write it), its Rust variant, its doc line and its human wording;
//! the model's enums read their words from here, and the crate's enums are generated from
//! here into `tables/vocabulary.rs`. The order is the crate's (`Ord` follows it).

/// One word of a vocabulary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Term {
    /// As the data files and the JSON write it: `sending_server`.
    pub id: &'static str,
    /// The Rust variant: `SendingServer`.
    pub variant: &'static str,
    /// The variant's doc line in the crate.
    pub doc: &'static str,
    /// For people: a sentence (sides) or a phrase (bounce types, retry advice).
    pub words: &'static str,
}

/// A vocabulary: a Rust enum in the crate and its terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Vocabulary {
    /// The crate's type name.
    pub name: &'static str,
    /// The type's doc line.
    pub doc: &'static str,
    /// What `words()` returns, for the method's doc line.
    pub words_doc: &'static str,
    pub terms: &'static [Term],
}

impl Vocabulary {
    /// The term with this identifier.
    pub fn term(&self, id: &str) -> &'static Term {
        self.terms
            .iter()
            .find(|t| t.id == id)
            .unwrap_or_else(|| panic!("`{id}` is not a term of {}", self.name))
    }
}

/// Whose side a problem is on.
pub const SIDES: Vocabulary = Vocabulary {
    name: "Side",
    doc: "Whose side a problem is on.",
    words_doc: "Whose side, in a sentence for people; empty for [`Side::None`].",
    terms: &[
        Term {
            id: "recipient",
            variant: "Recipient",
            doc: "The recipient's address or mailbox.",
            words: "The recipient's side: their address or mailbox.",
        },
        Term {
            id: "sender",
            variant: "Sender",
            doc: "The sender: the address, the message, the account or its domain's records.",
            words: "The sender's side: the address, the message, the account or the sending \
                    domain's DNS records.",
        },
        Term {
            id: "sending_server",
            variant: "SendingServer",
            doc: "The sending server: its IP, DNS, TLS, volume or protocol behaviour.",
            words: "The sending server's side: its IP address, DNS names, TLS, volume or SMTP \
                    behaviour.",
        },
        Term {
            id: "receiving_server",
            variant: "ReceivingServer",
            doc: "The receiving server: its faults, load or policies.",
            words: "The receiving server's side: a fault, its load or its policy.",
        },
        Term {
            id: "network",
            variant: "Network",
            doc: "The network between them: connections, DNS, routing, time.",
            words: "The network between the servers: connections, DNS or routing.",
        },
        Term {
            id: "none",
            variant: "None",
            doc: "No problem, or nothing known.",
            words: "",
        },
    ],
};

/// The bounce type of a failed delivery.
pub const BOUNCES: Vocabulary = Vocabulary {
    name: "Bounce",
    doc: "Bounce type, as mailing-list software uses it.",
    words_doc: "The bounce type in a phrase for people.",
    terms: &[
        Term {
            id: "none",
            variant: "None",
            doc: "Not a failure.",
            words: "no bounce",
        },
        Term {
            id: "soft",
            variant: "Soft",
            doc: "The message failed, but the address may still receive mail: retry later or \
                  fix the cause (a full mailbox, a block list, a policy).",
            words: "a soft bounce",
        },
        Term {
            id: "hard",
            variant: "Hard",
            doc: "The address itself cannot receive mail: remove or correct it.",
            words: "a hard bounce",
        },
    ],
};

/// A vendor's advice about retrying.
pub const VENDOR_RETRY: Vocabulary = Vocabulary {
    name: "VendorRetry",
    doc: "The vendor's advice about retrying.",
    words_doc: "When to retry, in a phrase for people.",
    terms: &[
        Term {
            id: "never",
            variant: "Never",
            doc: "Retrying the same message will not help.",
            words: "never",
        },
        Term {
            id: "later",
            variant: "Later",
            doc: "Retrying later may succeed.",
            words: "later",
        },
        Term {
            id: "after_fix",
            variant: "AfterFix",
            doc: "Retry only after fixing the cause.",
            words: "after fixing the cause",
        },
    ],
};
