//! The views of `tables/class.rs`: the classes and subjects of enhanced codes.

use super::*;

pub struct ClassV {
    pub variant: String,
    pub digit: u8,
    pub title: String,
    pub description: String,
    pub doc_title: String,
    pub doc: Vec<String>,
    pub links: String,
}

pub struct SubjectV {
    pub variant: String,
    pub number: u16,
    pub title: String,
    pub description: String,
    pub doc_title: String,
    pub doc: Vec<String>,
    pub links: String,
}

/// The `Class` variants.
pub fn classes(reg: &Registry) -> Vec<ClassV> {
    reg.classes
        .iter()
        .map(|c| ClassV {
            variant: c.name.clone(),
            digit: c.class,
            title: rust_str(&c.title),
            description: rust_str(&one_line(&c.description)),
            doc_title: format!("`{}.X.X` {}", c.class, rust_doc(&c.title).join(" ")),
            doc: doc(&c.description),
            links: doc_links(&c.references),
        })
        .collect()
}

/// The `Subject` variants.
pub fn subjects(reg: &Registry) -> Vec<SubjectV> {
    reg.subjects
        .iter()
        .map(|s| SubjectV {
            variant: s.name.clone(),
            number: s.subject,
            title: rust_str(&s.title),
            description: rust_str(&one_line(&s.description)),
            doc_title: format!("`X.{}.X` {}", s.subject, rust_doc(&s.title).join(" ")),
            doc: doc(&s.description),
            links: doc_links(&s.references),
        })
        .collect()
}
