//! `cargo codegen stale-sources`: the vendor sources read longer ago than a given age, with the
//! entries that rest on them, so that they get re-read.
//!
//! The age is counted from a reference date that is data, never the clock: by default the
//! registry's edition (`registry_version: "2026.11.29"` is 2026-11-29), or a date given on the
//! command line.

use crate::model::Registry;

/// A vendor source read before the cut-off, with the entries that cite it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaleSource {
    /// The vendor's slug.
    pub vendor: String,
    /// The source's id in the vendor file.
    pub id: String,
    /// The source's URL.
    pub url: String,
    /// When it was read (`YYYY-MM-DD`).
    pub read: String,
    /// Days between `read` and the reference date.
    pub age_days: i64,
    /// The entries that cite it, each as `basic enhanced token/pattern`.
    pub entries: Vec<String>,
}

/// Days since 1970-01-01 of a `YYYY-MM-DD` date (proleptic Gregorian calendar), or an error
/// saying what is wrong with it.
pub fn day_number(date: &str) -> Result<i64, String> {
    let bad = || format!("`{date}` is not a date; write YYYY-MM-DD, such as 2026-11-29");
    let b = date.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return Err(bad());
    }
    let num = |s: &str| s.parse::<i64>().map_err(|_| bad());
    let (y, m, d) = (num(&date[..4])?, num(&date[5..7])?, num(&date[8..])?);
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let month_days = [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    if !(1..=12).contains(&m) || d < 1 || d > month_days[(m - 1) as usize] {
        return Err(bad());
    }
    // Days from civil (H. Hinnant's algorithm).
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Ok(era * 146_097 + doe - 719_468)
}

/// Parses an age such as `365d`, `52w`, `12m` (30 days each) or `1y` (365 days) into days.
pub fn parse_age(s: &str) -> Result<i64, String> {
    let bad = || format!("`{s}` is not an age; write a number with d, w, m or y, such as 365d");
    let s = s.trim();
    let (n, unit) = s.split_at(s.len().saturating_sub(1));
    let n: i64 = n.parse().map_err(|_| bad())?;
    if n < 0 {
        return Err(bad());
    }
    let days = match unit {
        "d" => 1,
        "w" => 7,
        "m" => 30,
        "y" => 365,
        _ => return Err(bad()),
    };
    Ok(n * days)
}

/// The registry edition as a date: `2026.11.29` is `2026-11-29`.
pub fn edition_date(reg: &Registry) -> Result<String, String> {
    let d = reg.meta.registry_version.replace('.', "-");
    day_number(&d).map(|_| d).map_err(|_| {
        format!(
            "the registry edition `{}` is not a date; give the reference date with --as-of YYYY-MM-DD",
            reg.meta.registry_version
        )
    })
}

/// The sources read more than `older_than_days` days before `as_of`, sorted by age (oldest
/// first), then vendor and id.
pub fn stale_sources(
    reg: &Registry,
    as_of: &str,
    older_than_days: i64,
) -> Result<Vec<StaleSource>, String> {
    let today = day_number(as_of)?;
    let mut out = Vec::new();
    for v in &reg.vendors {
        for s in &v.sources {
            let read = day_number(&s.read.0)
                .map_err(|e| format!("data/vendors/{}.yaml: source `{}`: {e}", v.vendor, s.id))?;
            let age = today - read;
            if age <= older_than_days {
                continue;
            }
            let entries = v
                .entries
                .iter()
                .filter(|e| e.source == s.id)
                .map(|e| {
                    let code = |c: Option<String>| c.unwrap_or_else(|| "-".to_string());
                    let what = match (&e.token, &e.pattern) {
                        (Some(t), Some(p)) => format!("[{t}] \"{p}\""),
                        (Some(t), None) => format!("[{t}]"),
                        (None, Some(p)) => format!("\"{p}\""),
                        (None, None) => String::new(),
                    };
                    format!(
                        "{} {} {what}",
                        code(e.basic.map(|b| b.to_string())),
                        code(e.enhanced.map(|x| x.to_string()))
                    )
                    .trim_end()
                    .to_string()
                })
                .collect();
            out.push(StaleSource {
                vendor: v.vendor.clone(),
                id: s.id.clone(),
                url: s.url.clone(),
                read: s.read.0.clone(),
                age_days: age,
                entries,
            });
        }
    }
    out.sort_by(|a, b| {
        b.age_days
            .cmp(&a.age_days)
            .then_with(|| a.vendor.cmp(&b.vendor))
            .then_with(|| a.id.cmp(&b.id))
    });
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers() {
        assert_eq!(day_number("1970-01-01"), Ok(0));
        assert_eq!(
            day_number("2000-03-01").unwrap() - day_number("2000-02-28").unwrap(),
            2
        );
        assert_eq!(
            day_number("2026-11-29").unwrap() - day_number("2025-11-29").unwrap(),
            365
        );
        assert!(day_number("2026-02-29").is_err());
        assert!(day_number("2026-13-01").is_err());
        assert!(day_number("26-1-1").is_err());
    }

    #[test]
    fn ages() {
        assert_eq!(parse_age("365d"), Ok(365));
        assert_eq!(parse_age("2w"), Ok(14));
        assert_eq!(parse_age("12m"), Ok(360));
        assert_eq!(parse_age("1y"), Ok(365));
        assert!(parse_age("365").is_err());
        assert!(parse_age("d").is_err());
        assert!(parse_age("-1d").is_err());
    }
}
