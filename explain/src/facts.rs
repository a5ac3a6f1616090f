//! What the words and the JSON both say about a reply, decided once.

use smtp_codes::classify::{Classification, Classifier, Context};
use smtp_codes::{EnhancedCode, Reply, ReplyCode, ReplyError, Troubleshooting};

/// A reply read and classified. The classification carries the enhanced code it read the
/// reply by: the one in the RFC 2034 position, else one found in the text.
pub struct Read<'a> {
    pub reply: Reply<'a>,
    pub class: Classification<'static>,
}

/// Parses and classifies `input` in `context`.
pub fn read<'a>(input: &'a str, context: &Context<'_>) -> Result<Read<'a>, ReplyError> {
    let reply = Reply::parse(input)?;
    let class = Classifier::new().classify_with(&reply, context);
    Ok(Read { reply, class })
}

/// Troubleshooting for the most specific code that has it: the enhanced code the reply was
/// read by, else the reply code.
pub fn troubleshooting(read: &Read<'_>) -> Option<&'static Troubleshooting> {
    read.class
        .enhanced
        .and_then(|e| e.info())
        .and_then(|i| i.troubleshooting)
        .or_else(|| read.reply.code().info().and_then(|i| i.troubleshooting))
}

/// The site page of a registered enhanced code.
pub fn enhanced_page(site: &str, code: EnhancedCode) -> Option<String> {
    code.known().map(|k| format!("{site}enhanced/{k}.html"))
}

/// The site page of a reply code the registry knows.
pub fn basic_page(site: &str, code: ReplyCode) -> Option<String> {
    code.info()
        .map(|_| format!("{site}basic/{}.html", code.as_u16()))
}
