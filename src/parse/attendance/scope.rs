//! The items a status holds for, read from the words of a movement: "à compter de la
//! délibération n°3", "jusqu'au point 5", "aux points 3, 4, 5,6", "(DEL2024_003 à _005,
//! _009)", "à partir du point N° 3". A time ("à partir de 19h24", "jusque 23h50") cannot be
//! placed among the items.

use crate::model::ItemScope;
use crate::text::fold;

/// The scope a movement's words give (lower-case, accents folded).
pub fn scope_of(movement: &str) -> ItemScope {
    let m = fold(movement);
    let numbers = item_numbers(&m);
    if numbers.is_empty() {
        return ItemScope::Unplaced;
    }
    let from_words = [
        "a compter",
        "a partir",
        "des le",
        "des la",
        "depuis",
        "arrive",
        "arrivee",
        "entre en seance",
    ];
    let to_words = [
        "jusqu'a",
        "jusqu'au",
        "jusque",
        "jusqu'aux",
        "avant le vote",
        "quitte",
        "depart",
        "parti",
        "partie",
    ];
    let only_words = [
        "aux points",
        "au point",
        "pour le point",
        "pour les points",
        "pour la deliberation",
        "pour les deliberations",
        "lors du vote",
        "pour le vote",
        "aux deliberations",
        "a la deliberation",
    ];
    let first = |words: &[&str]| words.iter().filter_map(|w| find_word(&m, w)).min();
    let (f, t, o) = (first(&from_words), first(&to_words), first(&only_words));
    if m.contains("sauf") {
        return ItemScope::Unplaced;
    }
    // A range "3 à 6" or a list "3, 4, 5" after an "only" word; a bound otherwise.
    match (f, t, o) {
        (_, _, Some(_)) if f.is_none() && t.is_none() => ItemScope::Items {
            from: None,
            to: None,
            only: expand(&m, &numbers),
        },
        (Some(_), None, _) => ItemScope::Items {
            from: numbers.first().map(|n| n.0),
            to: None,
            only: Vec::new(),
        },
        (None, Some(_), _) => ItemScope::Items {
            from: None,
            to: numbers.last().map(|n| n.0),
            only: Vec::new(),
        },
        // "à compter du point 3 et jusqu'au point 6"
        (Some(a), Some(b), _) if numbers.len() >= 2 => {
            let (lo, hi) = if a < b {
                (numbers[0].0, numbers[numbers.len() - 1].0)
            } else {
                (numbers[numbers.len() - 1].0, numbers[0].0)
            };
            ItemScope::Items {
                from: Some(lo),
                to: Some(hi),
                only: Vec::new(),
            }
        }
        // numbers alone, in a list entry: "(DEL2024_003 à _005, _009)", "(points 3 et 4)"
        (None, None, None) => ItemScope::Items {
            from: None,
            to: None,
            only: expand(&m, &numbers),
        },
        _ => ItemScope::Unplaced,
    }
}

/// An item number: "3" → 3, "2.1" → 2001 (dotted numbers keep their order), "_003" → 3,
/// "DEL2024_005" → 5 (the last group of an identifier).
pub fn ordinal(id: &str) -> Option<u32> {
    let id = id.trim_end_matches(|c: char| !c.is_ascii_digit());
    let groups: Vec<&str> = id
        .split(|c: char| !c.is_ascii_digit() && c != '.')
        .filter(|g| !g.is_empty())
        .collect();
    let last = groups.last()?.trim_matches('.');
    match last.split_once('.') {
        Some((a, b)) if !a.is_empty() && !b.is_empty() && !b.contains('.') => {
            Some(a.parse::<u32>().ok()?.checked_mul(1000)? + b.parse::<u32>().ok()?.min(999))
        }
        _ => {
            let digits: String = last.chars().filter(|c| c.is_ascii_digit()).collect();
            let v: u32 = digits.parse().ok()?;
            // a year is not an item number
            (v < 1900 || digits.len() < 4).then_some(v)
        }
    }
}

/// The item numbers in a movement's words, with their byte positions: the numbers after
/// "point", "délibération", "n°", "question", "dossier", an identifier's last group, and
/// the numbers of a list or range that follows one of them.
fn item_numbers(m: &str) -> Vec<(u32, usize)> {
    let b = m.as_bytes();
    let mut out = Vec::new();
    let anchors = [
        "point",
        "deliberation",
        "n\u{b0}",
        "question",
        "dossier",
        "affaire",
        "del",
    ];
    let mut anchored = false;
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_alphabetic() {
            let start = i;
            while i < b.len() && (b[i].is_ascii_alphabetic() || b[i] >= 0x80) {
                i += 1;
            }
            let w = &m[start..i];
            if anchors.iter().any(|a| w.starts_with(a)) {
                anchored = true;
            } else if !matches!(
                w,
                "a" | "au"
                    | "et"
                    | "n"
                    | "no"
                    | "la"
                    | "le"
                    | "les"
                    | "aux"
                    | "des"
                    | "du"
                    | "de"
                    | "numero"
                    | "n°"
            ) {
                // another word ends a list of numbers ("… n°3 inclus") unless it is a link word
                if !w.starts_with("inclu") {
                    anchored = false;
                }
            }
            continue;
        }
        if b[i].is_ascii_digit() {
            let start = i;
            while i < b.len()
                && (b[i].is_ascii_digit()
                    || (b[i] == b'.' && b.get(i + 1).is_some_and(u8::is_ascii_digit)))
            {
                i += 1;
            }
            // a time ("19h24", "20 h 30") is not an item
            let rest = m[i..].trim_start();
            if rest.starts_with('h')
                && rest[1..]
                    .chars()
                    .next()
                    .is_none_or(|c| c.is_ascii_digit() || c == ' ' || c == ')' || c == ',')
            {
                anchored = false;
                continue;
            }
            let glued = start > 0 && b[start - 1] == b'_';
            if anchored || glued {
                if let Some(v) = ordinal(&m[start..i]) {
                    out.push((v, start));
                }
            }
            continue;
        }
        i += 1;
    }
    out
}

/// The first word-bounded occurrence of `w` in `m`.
fn find_word(m: &str, w: &str) -> Option<usize> {
    let b = m.as_bytes();
    let mut from = 0;
    while let Some(k) = m[from..].find(w) {
        let a = from + k;
        let e = a + w.len();
        let left = a == 0 || !b[a - 1].is_ascii_alphanumeric();
        let right = e >= b.len() || !b[e].is_ascii_alphanumeric() || w.ends_with(' ');
        if left && right {
            return Some(a);
        }
        from = a + 1;
    }
    None
}

/// The numbers of an "only" scope, ranges expanded: "3 à 6" → 3, 4, 5, 6.
fn expand(m: &str, numbers: &[(u32, usize)]) -> Vec<u32> {
    let mut out: Vec<usize> = Vec::new();
    for (k, &(n, pos)) in numbers.iter().enumerate() {
        if k > 0 {
            let (prev, ppos) = numbers[k - 1];
            let between = &m[ppos..pos];
            let ranged =
                between.contains(" a ") || between.contains(" au ") || between.contains('-');
            if ranged && n > prev && n - prev <= MAX_RANGE {
                out.extend(prev as usize + 1..n as usize);
            }
        }
        out.push(n as usize);
    }
    crate::sort::numbers(&mut out);
    out.dedup();
    out.into_iter().map(|n| n as u32).collect()
}

/// The widest range of items read in one scope ("points 3 à 6").
const MAX_RANGE: u32 = 200;

#[cfg(test)]
mod tests {
    use super::*;

    fn items(from: Option<u32>, to: Option<u32>, only: &[u32]) -> ItemScope {
        ItemScope::Items {
            from,
            to,
            only: only.to_vec(),
        }
    }

    #[test]
    fn scopes() {
        assert_eq!(
            scope_of("à compter de la délibération n°3"),
            items(Some(3), None, &[])
        );
        assert_eq!(
            scope_of("jusqu’à la délibération n°18"),
            items(None, Some(18), &[])
        );
        assert_eq!(
            scope_of("aux points 3, 4, 5,6"),
            items(None, None, &[3, 4, 5, 6])
        );
        assert_eq!(scope_of("au point 13"), items(None, None, &[13]));
        assert_eq!(
            scope_of("arrive à 20h36 et vote à partir du point N° 3"),
            items(Some(3), None, &[])
        );
        assert_eq!(
            scope_of("à partir du point N° 3"),
            items(Some(3), None, &[])
        );
        assert_eq!(scope_of("à partir de 19h24"), ItemScope::Unplaced);
        assert_eq!(scope_of("jusque 23h50"), ItemScope::Unplaced);
        assert_eq!(
            scope_of("(DEL2024_003 à _005, _009)"),
            items(None, None, &[3, 4, 5, 9])
        );
        assert_eq!(
            scope_of("absente aux délibérations DEL2024_003 à _005, _009"),
            items(None, None, &[3, 4, 5, 9])
        );
        assert_eq!(
            scope_of("à partir du point 2.1"),
            items(Some(2001), None, &[])
        );
        assert_eq!(scope_of("jusqu'au point 1.6"), items(None, Some(1006), &[]));
        assert_eq!(
            scope_of("pour les points 3 à 6"),
            items(None, None, &[3, 4, 5, 6])
        );
    }

    #[test]
    fn ordinals() {
        assert_eq!(ordinal("DEL2023-01"), Some(1));
        assert_eq!(ordinal("2023-009"), Some(9));
        assert_eq!(ordinal("2022/055"), Some(55));
        assert_eq!(ordinal("CP 2023-017"), Some(17));
        assert_eq!(ordinal("1.2"), Some(1002));
        assert_eq!(ordinal("5"), Some(5));
        assert_eq!(ordinal("2023"), None);
    }
}
