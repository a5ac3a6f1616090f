//! `registry.yaml`: the registry's name, edition and sources.

use super::*;

/// `registry.yaml` is one record.
pub(super) const SHAPE: Shape =
    Shape::Record("the registry's description (name, edition, sources)");

impl Validator<'_> {
    pub(super) fn meta(&mut self, meta: &Meta, file: &str) {
        let root = YamlPath::root();
        let ok = !meta.registry_version.is_empty()
            && meta
                .registry_version
                .split('.')
                .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
        if !ok {
            let loc = self.docs.at(file, &root.key("registry_version"));
            self.err(
                loc,
                format!(
                    "registry_version `{}` must be dot-separated numbers, such as `2026.11.29`",
                    meta.registry_version
                ),
            );
        }
        if let Some(u) = &meta.repository {
            if !u.starts_with("https://") || u.ends_with('/') {
                let loc = self.docs.at(file, &root.key("repository"));
                self.err(
                    loc,
                    format!(
                        "repository `{u}` must be an https URL without a trailing `/`, as in \
                         Cargo.toml"
                    ),
                );
            }
        }
        if let Some(u) = &meta.site_url {
            if !(u.starts_with("https://") || u.starts_with("http://")) || !u.ends_with('/') {
                let loc = self.docs.at(file, &root.key("site_url"));
                self.err(
                    loc,
                    format!("site_url `{u}` must be an http(s) URL ending in `/`"),
                );
            }
        }
    }
}
