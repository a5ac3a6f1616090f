//! Building the document from the registry: one builder per item.

use super::*;

/// Builds the JSON document's value.
pub fn build(reg: &Registry) -> Root<'_> {
    Root {
        generated_by: MARKER,
        registry_version: &reg.meta.registry_version,
        iana_updated: &reg.meta.iana_updated.0,
        classes: reg
            .classes
            .iter()
            .map(|c| Class {
                class: c.class,
                name: &c.name,
                title: &c.title,
                description: &c.description,
                references: refs(&c.references),
                notes: c.notes.as_deref(),
                iana: iana(&c.iana),
            })
            .collect(),
        subjects: reg
            .subjects
            .iter()
            .map(|s| Subject {
                subject: s.subject,
                name: &s.name,
                title: &s.title,
                description: &s.description,
                references: refs(&s.references),
                notes: s.notes.as_deref(),
                iana: iana(&s.iana),
            })
            .collect(),
        enhanced: reg.enhanced.iter().map(enhanced).collect(),
        basic: reg.basic.iter().map(|b| basic(reg, b)).collect(),
        commands: reg
            .commands
            .iter()
            .map(|c| Command {
                name: &c.name,
                title: &c.title,
                description: &c.description,
                status: c.status.as_str(),
                references: refs(&c.references),
                replies: reg.replies_to(&c.name),
            })
            .collect(),
        troubleshooting: reg
            .troubleshooting
            .iter()
            .map(|t| Troubleshooting {
                code: t.code.to_string(),
                summary: &t.summary,
                causes: &t.causes,
                sender_fixes: &t.sender_fixes,
                admin_fixes: &t.admin_fixes,
                references: refs(&t.references),
                nonconforming: t
                    .nonconforming
                    .iter()
                    .map(|n| Nonconforming {
                        code: n.code.to_string(),
                        note: &n.note,
                    })
                    .collect(),
            })
            .collect(),
        vendors: reg
            .vendors
            .iter()
            .flat_map(|v| v.entries.iter().map(move |e| vendor_entry(v, e)))
            .collect(),
        vendor_sources: reg
            .vendors
            .iter()
            .map(|v| VendorJson {
                vendor: &v.vendor,
                name: &v.name,
                kind: v.kind.as_str(),
                description: &v.description,
                hosts: &v.hosts,
                markers: &v.markers,
                sources: v.sources.iter().map(vendor_source).collect(),
            })
            .collect(),
        classifier: classifier(&reg.classifier),
        documents: reg.documents.iter().map(document).collect(),
    }
}

/// A document the registry cites.
fn document(d: &DocumentEntry) -> DocumentJson<'_> {
    DocumentJson {
        document: d.document.to_string(),
        title: &d.title,
        status: d.status.as_str(),
        obsoleted_by: d.obsoleted_by.as_ref().map(ToString::to_string),
        url: d.document.url(None),
    }
}

/// One enhanced code.
fn enhanced(e: &EnhancedEntry) -> Enhanced<'_> {
    Enhanced {
        code: e.code.to_string(),
        subject: e.code.subject,
        detail: e.code.detail,
        name: &e.name,
        sample_text: &e.sample_text,
        basic_codes: &e.basic_codes.codes,
        basic_codes_text: &e.basic_codes.iana,
        basic_codes_classes: &e.basic_codes.classes,
        basic_codes_any: e.basic_codes.any,
        usable_as: e.usable_as.iter().map(|o| o.as_str()).collect(),
        description: &e.description,
        status: e.status.as_str(),
        replaced_by: e.replaced_by.map(|r| r.to_string()),
        references: refs(&e.references),
        notes: e.notes.as_deref(),
        iana: iana(&e.iana),
    }
}

/// One reply code.
fn basic<'a>(reg: &'a Registry, b: &'a BasicEntry) -> Basic<'a> {
    Basic {
        code: b.code,
        name: &b.name,
        text: &b.text,
        text_note: b.text_note.as_deref(),
        status: b.status.as_str(),
        kind: b.kind.map(|k| k.as_str()),
        severity: severity(b.code),
        category: category(b.code),
        description: &b.description,
        meanings: b.meanings.iter().map(meaning).collect(),
        commands: &b.commands,
        uses: b.uses.iter().map(use_json).collect(),
        text_source: b.text_source.as_ref().map(reference),
        introduced: b.introduced.as_ref().map(reference),
        history: refs(&b.history),
        references: refs(&b.references),
        associated_enhanced: reg
            .enhanced_associated_with(b.code)
            .map(|e| e.code.to_string())
            .collect(),
        confidence: b.confidence.as_deref(),
        conflicts: b.conflicts.as_deref(),
        notes: b.notes.as_deref(),
    }
}

/// One meaning of a reply code.
fn meaning(m: &Meaning) -> MeaningJson<'_> {
    MeaningJson {
        text: &m.text,
        document: m.document.as_ref().map(|d| d.to_string()),
        section: m.section.as_ref().map(|s| s.0.clone()),
        url: m.url(),
        standard: !m.is_nonstandard(),
        commands: &m.commands,
        summary: m.summary.as_deref(),
        vendor: m.vendor.as_deref(),
        sources: &m.sources,
        read: m.read.as_ref().map(|d| d.0.as_str()),
    }
}

/// An extension's use of a reply code.
fn use_json(u: &Use) -> UseJson<'_> {
    UseJson {
        document: u.document.to_string(),
        section: u.section.as_ref().map(|s| s.0.clone()),
        url: u.document.url(u.section.as_ref().map(|s| s.0.as_str())),
        context: &u.context,
        commands: &u.commands,
        enhanced: u.enhanced.iter().map(|k| k.to_string()).collect(),
    }
}

/// One vendor entry, with its source's address, title and dates.
fn vendor_entry<'a>(v: &'a VendorFile, e: &'a VendorEntry) -> VendorEntryJson<'a> {
    let source = v.source(&e.source).expect("validated source id");
    VendorEntryJson {
        vendor: &v.vendor,
        basic: e.basic,
        enhanced: e.enhanced.map(|x| x.to_string()),
        enhanced_to: e.enhanced_to.map(|x| x.to_string()),
        token: e.token.as_deref(),
        pattern: e.pattern.as_deref(),
        meaning: &e.meaning,
        refines: e.refines.to_string(),
        cause: &e.cause,
        sender_action: &e.sender_action,
        admin_action: &e.admin_action,
        retry: e.retry.as_str(),
        reason: e.reason.as_deref(),
        source: &source.url,
        source_title: &source.title,
        read: &source.read.0,
        published: source.published.as_ref().map(|d| d.0.as_str()),
        note: e.note.as_deref(),
        retry_policy: e.retry_policy.as_ref().map(retry_policy),
    }
}
