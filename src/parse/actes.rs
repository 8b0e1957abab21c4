//! ACTES transmission identifiers: "ID : 021-242100411-20240321-2024_03_15-DE"
//! (département, SIREN, date of the act, internal number, nature).

use super::scan::*;
use crate::model::ActesId;
use crate::text::Text;

fn digits(s: &[u8], at: usize, n: usize) -> Option<usize> {
    let end = at + n;
    (end <= s.len()
        && s[at..end].iter().all(|b| b.is_ascii_digit())
        && s.get(end).is_none_or(|b| !b.is_ascii_digit()))
    .then_some(end)
}

/// Every identifier in `from..to`.
pub fn find_ids(t: &Text, from: usize, to: usize) -> Vec<ActesId> {
    let s = t.lower.as_bytes();
    let to = to.min(s.len());
    let mut out = Vec::new();
    let mut next = from;
    // An identifier starts at a word start (only those are visited).
    for i in t.starts.words(from, to.saturating_sub(24)) {
        if i < next {
            continue;
        }
        let dept_ok =
            (s[i].is_ascii_digit() && s[i + 1].is_ascii_digit() && s[i + 2].is_ascii_digit())
                || (&s[i..i + 2] == b"02" && (s[i + 2] == b'a' || s[i + 2] == b'b'));
        if !dept_ok || s[i + 3] != b'-' {
            continue;
        }
        let field = |at: usize, n: usize| digits(s, at, n).filter(|&e| s.get(e) == Some(&b'-'));
        let Some((se, de)) = field(i + 4, 9).and_then(|se| Some((se, field(se + 1, 8)?))) else {
            continue;
        };
        let num = |a: usize, b: usize| t.lower[a..b].parse::<u32>().unwrap_or(0);
        let date = (
            num(se + 1, se + 5) as i32,
            num(se + 5, se + 7),
            num(se + 7, se + 9),
        );
        // the nature code closes the identifier within a short internal number
        let lim = (de + 40).min(to);
        let mut nature = None;
        let mut end = de;
        for (k, w) in s[de + 1..lim].windows(3).enumerate() {
            if w[0] == b'-' {
                if let Some((e, n)) = any_at(s, de + 2 + k, &["de", "ar", "ai", "cc", "bf", "au"]) {
                    nature = Some(["DE", "AR", "AI", "CC", "BF", "AU"][n].to_string());
                    end = e;
                    break;
                }
            }
        }
        // a two-letter code closing the token that is none of the nature codes
        let bad_nature = if nature.is_none() {
            let tok_end = (de + 1..lim)
                .find(|&k| !(s[k].is_ascii_alphanumeric() || s[k] == b'_' || s[k] == b'-'))
                .unwrap_or(lim);
            (tok_end >= de + 4
                && s[tok_end - 3] == b'-'
                && s[tok_end - 2].is_ascii_alphabetic()
                && s[tok_end - 1].is_ascii_alphabetic())
            .then(|| {
                (
                    t.lower[tok_end - 2..tok_end].to_ascii_uppercase(),
                    t.span(tok_end - 2, tok_end),
                )
            })
        } else {
            None
        };
        out.push(ActesId {
            dept: t.lower[i..i + 3].to_ascii_uppercase(),
            dept_span: t.span(i, i + 3),
            bad_nature,
            siren: t.lower[i + 4..se].to_string(),
            date,
            nature,
            text: t.display(i, if end > de { end } else { de }),
            span: t.span(i, if end > de { end } else { de }),
            siren_span: t.span(i + 4, se),
            date_span: t.span(se + 1, de),
        });
        next = de;
    }
    out
}

/// The SIREN check key (Luhn over the 9 digits).
pub fn luhn_ok(digits: &str) -> bool {
    let mut sum = 0;
    for (k, c) in digits.bytes().rev().enumerate() {
        let mut d = (c - b'0') as u32;
        if k % 2 == 1 {
            d *= 2;
            if d > 9 {
                d -= 9;
            }
        }
        sum += d;
    }
    sum % 10 == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_ids() {
        let t = Text::new(
            "ID : 021-242100410-20240321-2024_03_15-DE et 082-218200798-20230206-D13 2023 02 06-DE",
        );
        let ids = find_ids(&t, 0, t.len());
        assert_eq!(ids.len(), 2);
        assert_eq!(ids[0].siren, "242100410");
        assert_eq!(ids[0].date, (2024, 3, 21));
        assert_eq!(ids[0].nature.as_deref(), Some("DE"));
        assert!(luhn_ok("242100410") && !luhn_ok("242100411"));
        assert_eq!(ids[1].nature.as_deref(), Some("DE"));
    }
}
