//! The reader-first parts of a code page: the real wordings providers send, vendor variants
//! grouped by provider, "whose side" when it depends on the enhanced code, related codes, and
//! the page's table of contents.

use std::collections::BTreeMap;

use super::*;

/// A provider's real wording for a code, from the vendor data, with where it comes from.
pub struct Wording {
    /// Code (see [`Ctx::code`]): `550 5.7.26`, or empty when the vendor quotes only a text.
    pub wire: String,
    /// Code: the words the provider's reply contains.
    pub text: String,
    /// The vendor's entry on its page.
    pub entry: Link,
    pub source: Option<Link>,
}

/// How many real wordings a code page shows above its table of contents.
pub const TOP_WORDINGS: usize = 3;

/// The vendor wordings for a code, the most telling first: providers before mail server
/// software, then wordings of the enhanced codes documented most often with this code, the
/// first few from different vendors. Only entries that quote a text are wordings.
pub fn wordings(ctx: &Ctx, code: CodeRef) -> Vec<Wording> {
    ranked_wordings(ctx, code)
        .into_iter()
        .map(|(v, e, words)| Wording {
            wire: ctx.code(&e.wire()),
            text: ctx.code(words),
            entry: entry_link(ctx, v, e),
            source: v.source(&e.source).map(|s| ctx.external(&s.url, &s.title)),
        })
        .collect()
}

/// A provider's documented reply for a code, for the page's example replies: the codes as
/// the vendor sends them and the words its documentation gives, unescaped (they go in a code
/// block), with the vendor's entry.
pub struct RealReply {
    pub basic: u16,
    pub enhanced: FullEnhanced,
    pub words: String,
    /// The vendor's entry, labelled with the vendor's name.
    pub entry: Link,
}

/// The most telling wording of [`wordings`] that carries both a reply code and an enhanced
/// code, the page's own code among them, as an example reply for the page of `code`.
pub fn real_reply(ctx: &Ctx, code: CodeRef) -> Option<RealReply> {
    ranked_wordings(ctx, code)
        .into_iter()
        .find_map(|(v, e, words)| {
            let (basic, enhanced) = (e.basic?, e.enhanced?);
            let own = match code {
                CodeRef::Basic(b) => basic == b,
                CodeRef::Enhanced(k) => enhanced.key() == k,
            };
            own.then(|| RealReply {
                basic,
                enhanced,
                words: crate::views::text::one_line(words),
                entry: entry_link(ctx, v, e),
            })
        })
}

/// The entries behind [`wordings`], in its order, with their words.
fn ranked_wordings<'r>(
    ctx: &Ctx<'r>,
    code: CodeRef,
) -> Vec<(&'r VendorFile, &'r VendorEntry, &'r str)> {
    let list = ctx.variants.get(&code).map(Vec::as_slice).unwrap_or(&[]);
    let mut counts: BTreeMap<Option<EnhancedKey>, usize> = BTreeMap::new();
    for (_, e) in list {
        *counts.entry(e.enhanced.map(|x| x.key())).or_insert(0) += 1;
    }
    let mut ranked: Vec<(usize, &VendorFile, &VendorEntry, &str)> = list
        .iter()
        .enumerate()
        .filter_map(|(i, (v, e))| {
            let words = e.pattern.as_deref().filter(|p| !p.trim().is_empty())?;
            Some((i, *v, *e, words))
        })
        .collect();
    ranked.sort_by_key(|(i, v, e, _)| {
        (
            v.kind == VendorKind::Mta,
            std::cmp::Reverse(counts[&e.enhanced.map(|x| x.key())]),
            *i,
        )
    });
    // The first few from different vendors, then the rest in rank order.
    let mut first: Vec<usize> = Vec::new();
    for (n, (_, v, _, _)) in ranked.iter().enumerate() {
        if first.len() < TOP_WORDINGS && !first.iter().any(|&m| std::ptr::eq(ranked[m].1, *v)) {
            first.push(n);
        }
    }
    let order = first
        .iter()
        .copied()
        .chain((0..ranked.len()).filter(|n| !first.contains(n)));
    order
        .map(|n| {
            let (_, v, e, words) = ranked[n];
            (v, e, words)
        })
        .collect()
}

/// The link to a vendor's entry on its page, labelled with the vendor's name.
pub(crate) fn entry_link(ctx: &Ctx, v: &VendorFile, e: &VendorEntry) -> Link {
    let page = ctx.link(&paths::vendor(&v.vendor), &v.name);
    match ctx.flavor {
        Flavor::Html => Link {
            href: format!("{}#{}", page.href, v.anchor_of(e)),
            text: page.text,
        },
        // Markdown headings get their anchors from the forge, not from us.
        Flavor::Markdown => page,
    }
}

/// The vendor variants of a code, one group per vendor.
pub struct VariantGroup {
    pub vendor: Link,
    /// The group's anchor on the code page (`seen-google-gmail`).
    pub id: String,
    /// Whether the group starts open (when the code has few variants in all).
    pub open: bool,
    pub rows: Vec<VariantRow>,
}

/// One vendor meaning as a table row.
pub struct VariantRow {
    /// Code: the codes as sent, empty when the vendor quotes only a text.
    pub wire: String,
    /// Code: the token or text that tells the entry apart, or empty.
    pub distinguisher: String,
    /// Prose ([`Ctx::vendor_prose`]).
    pub meaning: String,
    pub retry: &'static str,
    pub entry: Link,
}

/// Up to this many variants in all, a code page shows every provider's table open.
const OPEN_VARIANTS: usize = 6;

pub fn variant_groups(ctx: &Ctx, code: CodeRef) -> Vec<VariantGroup> {
    let mut groups: Vec<VariantGroup> = Vec::new();
    for (v, e) in ctx.variants.get(&code).into_iter().flatten() {
        let row = VariantRow {
            wire: ctx.code(&e.wire()),
            distinguisher: e.distinguisher().map(|d| ctx.code(d)).unwrap_or_default(),
            meaning: ctx.vendor_prose(v, &e.meaning),
            retry: retry_label(e.retry),
            entry: Link {
                href: entry_link(ctx, v, e).href,
                text: ctx.text("entry"),
            },
        };
        let id = format!("seen-{}", v.vendor);
        match groups.iter_mut().find(|g| g.id == id) {
            Some(g) => g.rows.push(row),
            None => groups.push(VariantGroup {
                vendor: ctx.link(&paths::vendor(&v.vendor), &v.name),
                id,
                open: false,
                rows: vec![row],
            }),
        }
    }
    let total: usize = groups.iter().map(|g| g.rows.len()).sum();
    for g in &mut groups {
        g.open = total <= OPEN_VARIANTS;
    }
    groups
}

/// Codes whose side differs, when whose side depends on the enhanced code after a reply code.
pub struct SideGroup {
    /// `The sender's side`.
    pub side: String,
    pub codes: Vec<Link>,
}

/// The short form of whose side: the words before the colon of [`side_words`].
pub(crate) fn side_short(side: Side) -> Option<&'static str> {
    side_words(side).map(|w| w.split(':').next().unwrap_or(w))
}

/// How many enhanced codes "whose side" names for each side, the most documented first.
const SIDE_CODES: usize = 4;

/// For a reply code: the enhanced codes providers send with it, grouped by whose side their
/// typical reason puts the problem on. Empty unless they name two sides or more, or a side
/// other than the reply code's own.
pub fn side_depends(ctx: &Ctx, code: u16, own: Option<Side>) -> Vec<SideGroup> {
    // The enhanced codes sent with the reply code, the most often documented first.
    let mut counts: BTreeMap<EnhancedKey, usize> = BTreeMap::new();
    for (_, e) in ctx
        .variants
        .get(&CodeRef::Basic(code))
        .into_iter()
        .flatten()
    {
        if let (Some(true), Some(x)) = (e.basic.map(|b| b == code), e.enhanced) {
            *counts.entry(x.key()).or_insert(0) += 1;
        }
    }
    let mut keys: Vec<(EnhancedKey, usize)> = counts.into_iter().collect();
    keys.sort_by_key(|(k, n)| (std::cmp::Reverse(*n), *k));
    let class = (code / 100) as u8;
    let mut groups: Vec<(Side, Vec<Link>)> = Vec::new();
    for (k, _) in keys {
        let Some(side) = typical_reason(ctx, CodeRef::Enhanced(k)).map(|r| r.side) else {
            continue;
        };
        if side_words(side).is_none() {
            continue;
        }
        let link = ctx.link(
            &paths::enhanced(k),
            &format!("{class}.{}.{}", k.subject, k.detail),
        );
        match groups.iter_mut().find(|(s, _)| *s == side) {
            Some((_, l)) => l.push(link),
            None => groups.push((side, vec![link])),
        }
    }
    let differs = groups.len() > 1 || groups.iter().any(|(s, _)| Some(*s) != own);
    for (_, l) in &mut groups {
        l.truncate(SIDE_CODES);
    }
    if !differs {
        return Vec::new();
    }
    groups.sort_by_key(|(_, l)| std::cmp::Reverse(l.len()));
    groups
        .into_iter()
        .map(|(s, codes)| SideGroup {
            side: ctx.text(&side_short(s).unwrap_or("").replacen("The ", "the ", 1)),
            codes,
        })
        .collect()
}

/// How many related codes "See also" lists at most.
const SEE_ALSO: usize = 8;

/// Related codes: the enhanced codes the entry's own text names, then the codes whose typical
/// reason is the same (other codes for the same problem).
pub fn see_also(ctx: &Ctx, code: CodeRef, texts: &[&str]) -> Vec<Link> {
    let mut out: Vec<CodeRef> = Vec::new();
    for t in texts {
        for k in named_enhanced(t) {
            let r = CodeRef::Enhanced(k);
            if r != code && ctx.reg.enhanced(k).is_some() && !out.contains(&r) {
                out.push(r);
            }
        }
    }
    if let Some(reason) = typical_reason(ctx, code) {
        let c = &ctx.reg.classifier;
        let same = c
            .basic
            .iter()
            .filter(|b| b.reason == reason.id)
            .map(|b| CodeRef::Basic(b.code))
            .chain(
                c.enhanced
                    .iter()
                    .filter(|e| e.reason == reason.id)
                    .map(|e| CodeRef::Enhanced(e.code)),
            );
        for r in same {
            if r != code && !out.contains(&r) {
                out.push(r);
            }
        }
    }
    out.truncate(SEE_ALSO);
    out.into_iter()
        .map(|r| {
            let title = match r {
                CodeRef::Basic(b) => ctx.reg.basic(b).map(|b| b.text.clone()),
                CodeRef::Enhanced(k) => ctx.reg.enhanced(k).map(enhanced_heading_text),
            }
            .unwrap_or_default();
            let link = code_ref_link(ctx, r);
            Link {
                href: link.href,
                text: ctx.text(&format!("{r} {title}")),
            }
        })
        .collect()
}

/// The enhanced codes a text names (`5.1.0`, `X.7.26`), in order.
pub(crate) fn named_enhanced(text: &str) -> Vec<EnhancedKey> {
    let mut out = Vec::new();
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let starts = matches!(b[i], b'2' | b'4' | b'5' | b'X')
            && (i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'.'));
        if starts && b.get(i + 1) == Some(&b'.') {
            let rest = &text[i + 2..];
            let mut parts = rest.splitn(2, '.');
            let subject: String = parts
                .next()
                .unwrap_or("")
                .chars()
                .take_while(|c| c.is_ascii_digit())
                .collect();
            let detail: String = parts
                .next()
                .unwrap_or("")
                .chars()
                .take_while(|c| c.is_ascii_digit())
                .collect();
            let whole = rest.len() > subject.len() && rest.as_bytes()[subject.len()] == b'.';
            if whole && !subject.is_empty() && !detail.is_empty() {
                let end = i + 2 + subject.len() + 1 + detail.len();
                let clean_end = match b.get(end) {
                    None => true,
                    Some(b'.') => !b.get(end + 1).is_some_and(u8::is_ascii_digit),
                    Some(c) => !c.is_ascii_alphanumeric(),
                };
                if let (Ok(s), Ok(d), true) = (subject.parse(), detail.parse(), clean_end) {
                    let k = EnhancedKey {
                        subject: s,
                        detail: d,
                    };
                    if !out.contains(&k) {
                        out.push(k);
                    }
                }
                i = end;
                continue;
            }
        }
        i += 1;
    }
    out
}

/// An entry of a page's table of contents.
pub struct TocEntry {
    pub href: String,
    pub text: &'static str,
}

/// The table of contents: `(id, heading, shown)` for each section. HTML links to the section's
/// id; Markdown to the anchor a forge gives the heading (GitHub's rule).
pub(crate) fn toc(ctx: &Ctx, entries: &[(&'static str, &'static str, bool)]) -> Vec<TocEntry> {
    entries
        .iter()
        .filter(|(_, _, shown)| *shown)
        .map(|(id, text, _)| TocEntry {
            href: match ctx.flavor {
                Flavor::Html => format!("#{id}"),
                Flavor::Markdown => format!("#{}", heading_anchor(text)),
            },
            text,
        })
        .collect()
}

/// The anchor GitHub gives a Markdown heading of plain words.
pub(crate) fn heading_anchor(heading: &str) -> String {
    heading
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_'))
        .map(|c| if c == ' ' { '-' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_enhanced_codes_in_text() {
        let k = |s, d| EnhancedKey {
            subject: s,
            detail: d,
        };
        assert_eq!(
            named_enhanced("the digits of 5.1.0 \"Other\", and X.7.26."),
            vec![k(1, 0), k(7, 26)]
        );
        assert_eq!(named_enhanced("version 1.2.3 or 15.1.1 or 5.1"), vec![]);
        assert_eq!(named_enhanced("(4.2.2)"), vec![k(2, 2)]);
    }
}
