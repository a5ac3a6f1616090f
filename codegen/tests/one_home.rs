//! One home per rule: where a rule or a vocabulary still has a copy outside its home, this
//! ties the copy to the source. The crate is built from `data/` by the generator, so these
//! compare the generator's model with the crate as a user sees it.

use codegen::model::{Vocabulary, BOUNCES, ERROR_KINDS, FATAL_KINDS, SIDES, VENDOR_RETRY};
use smtp_codes::classify::{Bounce, Side};
use smtp_codes::vendor::VendorRetry;
use smtp_codes::{KnownEnhancedCode, ReplyErrorKind};

fn registry() -> codegen::model::Registry {
    codegen::load::load(&codegen::project_root().join("data")).expect("data/ is valid")
}

#[test]
fn a_code_has_the_same_title_in_the_model_and_the_crate() {
    let reg = registry();
    let mut empty = 0;
    for e in &reg.enhanced {
        let known = KnownEnhancedCode::from_parts(e.code.subject, e.code.detail).unwrap();
        assert_eq!(known.info().title(), e.title(), "{}", e.code);
        empty += usize::from(e.sample_text.is_empty());
    }
    assert!(
        empty > 0,
        "the registry has a code without sample text (X.6.10)"
    );
}

/// `(id, words)` of each value of a crate enum, in order.
fn check(voc: &Vocabulary, crate_terms: Vec<(&str, &str)>) {
    let model: Vec<(&str, &str)> = voc.terms.iter().map(|t| (t.id, t.words)).collect();
    assert_eq!(
        crate_terms, model,
        "{} differs between the crate and the model",
        voc.name
    );
}

#[test]
fn the_vocabularies_are_the_models() {
    check(
        &SIDES,
        Side::ALL.iter().map(|s| (s.as_str(), s.words())).collect(),
    );
    check(
        &BOUNCES,
        Bounce::ALL
            .iter()
            .map(|b| (b.as_str(), b.words()))
            .collect(),
    );
    check(
        &VENDOR_RETRY,
        VendorRetry::ALL
            .iter()
            .map(|r| (r.as_str(), r.words()))
            .collect(),
    );
}

#[test]
fn the_model_enums_read_their_words_from_the_vocabularies() {
    use codegen::model::{Bounce as B, Retry as R, Side as S};
    for s in [
        S::Recipient,
        S::Sender,
        S::SendingServer,
        S::ReceivingServer,
        S::Network,
        S::None,
    ] {
        assert_eq!(s.term().id, s.as_str());
    }
    for b in [B::Hard, B::Soft, B::None] {
        assert_eq!(b.term().id, b.as_str());
    }
    for r in [R::Never, R::Later, R::AfterFix] {
        assert_eq!(r.term().id, r.as_str());
    }
}

#[test]
fn the_vectors_know_the_crates_error_kinds() {
    assert_eq!(ERROR_KINDS, ReplyErrorKind::NAMES);
    for fatal in FATAL_KINDS {
        assert!(
            ERROR_KINDS.contains(&fatal),
            "fatal kind `{fatal}` is not an error kind"
        );
    }
}
