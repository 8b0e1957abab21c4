//! Subsidies: "attribue une subvention de 30 000 € à l'association « Les Amis du Musée »",
//! "le versement d'une subvention de 536 000 € à Creativ'". Each is read in its item: its
//! amount (one of the item's amounts, not a "dont" part), its beneficiary and legal form
//! when written, its year, whether a convention is approved or its signature authorised,
//! and the identifiers written for the beneficiary (SIRET, SIREN, RNA).

use super::scan::*;
use crate::model::{Amount, LegalForm, Subsidy};
use crate::text::Text;

/// How far after "subvention" its amount may stand (normalised bytes): "une subvention de
/// fonctionnement d'un montant de 30 000 €".
const AMOUNT_REACH: usize = 120;
/// How far after the amount its beneficiary may be named.
const BENEFICIARY_REACH: usize = 40;
/// The longest beneficiary name read.
const NAME_MAX: usize = 90;
/// How far around the beneficiary its legal form or identifiers may be written.
const FORM_REACH: usize = 300;

/// How far before "subvention" its verb may stand (normalised bytes).
const GRANT_REACH: usize = 80;
/// Stems of the verbs that grant a subsidy.
const GRANTS: &[&str] = &[
    "attribu", "accord", "octroi", "octroy", "verse", "allou", "alloc",
];
/// Stems of the verbs by which the collectivité seeks one.
const SOUGHT: &[&str] = &[
    "sollicit",
    "demand",
    "obten",
    "percev",
    "recevoir",
    "beneficier",
];

/// Connectors that introduce the beneficiary after the amount.
const TO: &[&str] = &[
    "a l'association",
    "au profit de l'association",
    "en faveur de l'association",
    "au profit de",
    "en faveur de",
    "a la",
    "au",
    "aux",
    "a l'",
    "a",
];

/// The subsidies of an item's range, given the item's amounts.
pub fn find_subsidies(t: &Text, from: usize, to: usize, amounts: &[Amount]) -> Vec<Subsidy> {
    let s = t.lower.as_bytes();
    let mut keys = find_all_in(t, from, to, "subvention");
    keys.extend(find_all_in(t, from, to, "subventions"));
    crate::sort::order_by(&mut keys, |k| (k.0, 0));
    let convention = find_all_in(t, from, to, "convention")
        .first()
        .map(|&(a, b)| t.span(a, b));
    let mut out: Vec<Subsidy> = Vec::new();
    for (a, b) in keys {
        // a subsidy granted ("attribue", "accorde", "le versement d'une subvention"), not
        // one the collectivité asks for ("solliciter une subvention de l'État") nor a line
        // of a financing table
        let before = t.low(a.saturating_sub(GRANT_REACH).max(from), a);
        let before = before.rsplit(['.', ';', '\n']).next().unwrap_or(before);
        if !GRANTS.iter().any(|w| before.contains(w)) || SOUGHT.iter().any(|w| before.contains(w)) {
            continue;
        }
        // its amount: the first whole amount shortly after the word
        let Some(amount) = amounts
            .iter()
            .find(|x| x.parent.is_none() && x.pos.0 >= b && x.pos.0 <= b + AMOUNT_REACH)
        else {
            continue;
        };
        // no other subsidy word between: "subventions suivantes : … 500 €" lists several
        if t.low(b, amount.pos.0).contains("subvention") {
            continue;
        }
        let beneficiary = beneficiary_after(t, amount.pos.1, to);
        let around = (
            a.saturating_sub(FORM_REACH).max(from),
            (amount.pos.1 + FORM_REACH).min(to),
        );
        let named = beneficiary.as_ref().map(|x| t.low(x.0, x.1)).unwrap_or("");
        // "à l'association « Les Amis du Musée »": the connector names the form
        let between = beneficiary.map_or("", |x| t.low(amount.pos.1, x.0));
        let form = legal_form(named)
            .or_else(|| legal_form_of(between, false))
            .or_else(|| form_near_name(t, from, to, named));
        let year = year_near(s, a, (amount.pos.1 + 60).min(to));
        // the same subsidy stated twice ("il est proposé … 536 000 €", then "d'approuver le
        // versement d'une subvention de 536 000 €"): one, the operative mention kept
        let key_name = beneficiary
            .as_ref()
            .map(|x| crate::parse::attendance::name_key(t, x.0, x.1));
        if let Some(prev) = out.iter_mut().find(|p| {
            p.cents == amount.cents
                && (p.beneficiary_key.is_none()
                    || key_name.is_none()
                    || p.beneficiary_key == key_name)
        }) {
            if amount.operative && !prev.operative {
                prev.span = t.span(a, amount.pos.1);
                prev.amount_span = amount.span;
                prev.operative = true;
            }
            if prev.legal_form.is_none() {
                prev.legal_form = form;
            }
            if prev.year.is_none() {
                prev.year = year;
            }
            if prev.beneficiary.is_none() {
                prev.beneficiary = beneficiary.map(|x| t.display(x.0, x.1));
                prev.beneficiary_key = key_name;
            }
            // identifiers written at a later mention (the operative article)
            if prev.siret.is_none() && prev.rna.is_none() {
                (prev.siret, prev.rna) = identifiers(t, around.0, around.1);
            }
            continue;
        }
        let (siret, rna) = identifiers(t, around.0, around.1);
        out.push(Subsidy {
            beneficiary: beneficiary.map(|x| t.display(x.0, x.1)),
            beneficiary_key: key_name,
            legal_form: form,
            cents: amount.cents,
            amount_span: amount.span,
            year,
            convention,
            siret,
            rna,
            operative: amount.operative,
            span: t.span(a, amount.pos.1),
            basis: amount.basis.clone(),
        });
    }
    out
}

/// The beneficiary named after the amount: "à l'association « Les Amis du Musée »",
/// "à Creativ'", "au profit du CCAS". Up to the end of the clause.
fn beneficiary_after(t: &Text, from: usize, to: usize) -> Option<(usize, usize)> {
    let s = t.lower.as_bytes();
    let end = (from + BENEFICIARY_REACH).min(to);
    let mut p = skip_ws(s, from);
    // "30 000 € pour l'année 2024 à …": a few words may come between
    while p < end {
        if let Some(e) = TO.iter().find_map(|w| word_at(s, p, w)) {
            let a = skip_ws(s, e);
            let a = if s.get(a) == Some(&b'\'') { a + 1 } else { a };
            // a name, not "au titre de", "à hauteur de": it begins with a capital, a
            // quotation mark or a legal form
            let n = t.norm.as_bytes();
            let named = n
                .get(a)
                .is_some_and(|c| c.is_ascii_uppercase() || *c == b'"')
                || t.nrm(a, (a + 3).min(to)).starts_with('«')
                || legal_form(t.low(p, e)).is_some()
                || legal_form(t.low(a, (a + 24).min(to))).is_some();
            if !named {
                return None;
            }
            let stop = (a + NAME_MAX).min(to);
            let mut b = a;
            while b < stop && !matches!(s[b], b',' | b';' | b'.' | b'\n' | b'(' | b':') {
                b += 1;
            }
            // quotation marks and spaces are not part of the name
            let mut a = a;
            while a < b {
                let rest = t.nrm(a, b);
                let skip = rest.len() - rest.trim_start_matches(['«', '"', ' ']).len();
                if skip == 0 {
                    break;
                }
                a += skip;
            }
            let name = t.nrm(a, b).trim_end();
            let name = name.trim_end_matches(['»', '"', ' ']);
            let b = a + name.len();
            return (b > a + 1).then_some((a, b));
        }
        // next word
        while p < end && !is_ws(s[p]) {
            p += 1;
        }
        p = skip_ws(s, p);
    }
    None
}

/// The legal form written in `low` (normalised, lower case).
fn legal_form(low: &str) -> Option<LegalForm> {
    legal_form_of(low, true)
}

/// The legal form written in `low`; public bodies only when `public` (a public body
/// named near the beneficiary is often the one that decides). One pass over its words.
fn legal_form_of(low: &str, public: bool) -> Option<LegalForm> {
    const PUBLIC: &[&str] = &[
        "commune",
        "ccas",
        "syndicat",
        "communaute",
        "departement",
        "region",
        "metropole",
    ];
    // two words, one space between them
    const PUBLIC_PAIRS: &[(&str, &str)] = &[("centre", "communal"), ("etablissement", "public")];
    const COMPANY: &[&str] = &[
        "societe",
        "sas",
        "sarl",
        "sa",
        "sem",
        "spl",
        "scic",
        "entreprise",
    ];
    let (mut is_public, mut association, mut foundation, mut company) =
        (false, false, false, false);
    // the previous word and where it ends
    let mut prev: Option<(&str, usize)> = None;
    let mut start = None;
    for (i, c) in low.char_indices().chain([(low.len(), ' ')]) {
        if crate::text::is_letter_or_digit(c) {
            start = start.or(Some(i));
            continue;
        }
        let Some(a) = start.take() else { continue };
        let w = &low[a..i];
        is_public |= PUBLIC.contains(&w)
            || prev.is_some_and(|(p, e)| &low[e..a] == " " && PUBLIC_PAIRS.contains(&(p, w)));
        association |= w == "association" || w == "associations";
        foundation |= w == "fondation";
        company |= COMPANY.contains(&w);
        prev = Some((w, i));
    }
    if public && is_public {
        Some(LegalForm::Public)
    } else if association {
        Some(LegalForm::Association)
    } else if foundation {
        Some(LegalForm::Foundation)
    } else if company {
        Some(LegalForm::Company)
    } else {
        None
    }
}

/// The private legal form written near another mention of the beneficiary in the item:
/// "CREATIV', le cluster emploi-compétences …, est une association loi 1901".
fn form_near_name(t: &Text, from: usize, to: usize, named: &str) -> Option<LegalForm> {
    // its first word as written in the text (an apostrophe is part of it: "creativ'")
    let first = named
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !crate::text::is_letter_or_digit(c) && c != '\''))
        .find(|w| w.len() >= 3)?;
    for (a, _) in find_all_in(t, from, to, first) {
        let near = t.low(a, (a + FORM_REACH).min(to));
        if let Some(f) = legal_form_of(near, false) {
            return Some(f);
        }
    }
    None
}

/// A year written with the subsidy ("subvention 2024", "au titre de l'année 2024"): four
/// digits standing alone, not followed by a currency.
fn year_near(s: &[u8], from: usize, to: usize) -> Option<i32> {
    let to = to.min(s.len());
    let mut i = from;
    while i + 4 <= to {
        let alone = s[i..i + 4].iter().all(u8::is_ascii_digit)
            && (i == 0
                || !(s[i - 1].is_ascii_digit()
                    || s[i - 1] == b' ' && i >= 2 && s[i - 2].is_ascii_digit()))
            && s.get(i + 4).is_none_or(|c| !c.is_ascii_digit());
        if alone {
            let y = s[i..i + 4]
                .iter()
                .fold(0i32, |n, &c| n * 10 + i32::from(c - b'0'));
            let after = skip_ws(s, i + 4);
            let money = s[after..].starts_with("€".as_bytes()) || s[after..].starts_with(b"eur");
            if (1990..=2100).contains(&y) && !money {
                return Some(y);
            }
        }
        i += 1;
    }
    None
}

/// SIRET / SIREN and RNA numbers written near the beneficiary: (digits as written, span).
#[allow(clippy::type_complexity)]
fn identifiers(
    t: &Text,
    from: usize,
    to: usize,
) -> (
    Option<(String, crate::text::Span)>,
    Option<(String, crate::text::Span)>,
) {
    let s = t.lower.as_bytes();
    let mut siret = None;
    for key in ["siret", "siren"] {
        if let Some(&(_, e)) = find_all_in(t, from, to, key).first() {
            // "SIRET : 123 456 789 00012", "n° SIRET 12345678900012"
            let mut p = e;
            while p < to && p < e + 12 && !s[p].is_ascii_digit() {
                p += 1;
            }
            let a = p;
            let mut digits = String::new();
            while p < to
                && (s[p].is_ascii_digit()
                    || (s[p] == b' ' && p + 1 < to && s[p + 1].is_ascii_digit()))
            {
                if s[p].is_ascii_digit() {
                    digits.push(s[p] as char);
                }
                p += 1;
            }
            if !digits.is_empty() {
                siret = Some((digits, t.span(a, p)));
                break;
            }
        }
    }
    let mut rna = None;
    if let Some(&(_, e)) = find_all_in(t, from, to, "rna").first() {
        let mut p = e;
        while p < to && p < e + 12 && !s[p].is_ascii_alphanumeric() {
            p += 1;
        }
        let a = p;
        while p < to && s[p].is_ascii_alphanumeric() {
            p += 1;
        }
        if p > a {
            rna = Some((t.nrm(a, p).to_ascii_uppercase(), t.span(a, p)));
        }
    }
    (siret, rna)
}

/// A SIREN (9 digits) or SIRET (14 digits) whose Luhn key is right; La Poste's SIRETs
/// (SIREN 356 000 000) follow another rule and are accepted.
pub fn luhn_ok(digits: &str) -> bool {
    (digits.len() == 14 && digits.starts_with("356000000")) || super::actes::luhn_ok(digits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn luhn() {
        // SIREN of the Dijon métropole (in the ACTES identifier of the reference extract)
        assert!(luhn_ok("242100410"));
        assert!(!luhn_ok("242100411"));
        assert!(luhn_ok("35600000000048"));
    }
}
