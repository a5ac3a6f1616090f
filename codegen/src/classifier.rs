//! The classifier's data (`data/classifier.yaml`): reasons, default reasons per code, and the
//! text rules that refine them.

use serde::Deserialize;

/// `classifier.yaml`; empty when the file is absent.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Classifier {}
