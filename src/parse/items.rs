//! A séance's items (deliberations): where each begins, its number and object.
//!
//! Headings: "OBJET :", "Délibération n° 2024-12" (not "Vu la délibération n° … du …"),
//! "N° 2023-009 FINANCES", "DEL2023-01", "Point 3", "Affaire n° 4", and numbered titles
//! ("1 - Approbation …", "2. Budget …") when they follow each other in order. A run of
//! headings with nothing decided between them is an agenda, not items. Where no heading
//! separates two vote results, the item is split after the first one, and the limits are
//! only probable.

use super::attendance::scope::ordinal;
use super::scan::*;
use crate::model::Basis;
use crate::text::Text;

/// An item's frame before its content is read.
#[derive(Debug, Clone)]
pub struct Frame {
    pub range: (usize, usize),
    /// Where its heading starts (the séance header precedes the first one).
    pub head: usize,
    pub number: Option<String>,
    pub number_span: Option<crate::text::Span>,
    pub ordinal: Option<u32>,
    pub object: Option<String>,
    pub basis: Basis,
}

#[derive(Debug, Clone)]
struct Heading {
    pos: usize,
    /// End of the heading words (the title follows).
    end: usize,
    number: Option<(usize, usize)>,
    strong: bool,
}

/// Gap under which consecutive headings with nothing decided between them form an agenda.
const AGENDA_GAP: usize = 400;
/// Headings this close, in one sentence, are one heading ("DEL2023-01 Objet : …").
const SAME_HEADING: usize = 40;
/// The longest object kept (bytes).
const OBJECT_LEN: usize = 220;

static KEYS: Lexicon = Lexicon::new(|| Patterns::new(super::lexicon::ITEM_KEYS));

/// Words before "délibération n°" that make it a citation ("Vu la délibération n° …").
const CITING: &[&str] = &[
    "vu la ",
    "la ",
    "par ",
    "de la ",
    "cette ",
    "presente ",
    "ladite ",
    "sa ",
    "votre ",
    "une ",
    "des ",
    "les ",
    "aux ",
    "a la ",
    "annexe a la ",
    "modifiant la ",
    "ma ",
    "notre ",
    "dite ",
    "meme ",
    "et ",
    "en ",
    "selon ",
    "visee ",
    "rappelant ",
    "projet de ",
];

/// The item frames of a séance in `from..to`.
pub fn frames(t: &Text, from: usize, to: usize) -> Vec<Frame> {
    let headings = agenda_removed(t, headings(t, from, to));
    let mut out: Vec<Frame> = Vec::new();
    for (k, h) in headings.iter().enumerate() {
        let start = if k == 0 { from } else { h.pos };
        let end = headings.get(k + 1).map_or(to, |n| n.pos);
        let number = h.number.map(|(a, b)| t.display(a, b));
        out.push(Frame {
            range: (start, end),
            head: h.pos,
            ordinal: number.as_deref().and_then(ordinal),
            number,
            number_span: h.number.map(|(a, b)| t.span(a, b)),
            object: object(t, h, end),
            basis: Basis::CERTAIN,
        });
    }
    if out.is_empty() {
        out.push(Frame {
            range: (from, to),
            head: from,
            number: None,
            number_span: None,
            ordinal: None,
            object: None,
            basis: Basis::CERTAIN,
        });
    }
    out
}

fn headings(t: &Text, from: usize, to: usize) -> Vec<Heading> {
    let s = t.lower.as_bytes();
    let n = t.norm.as_bytes();
    let mut out: Vec<Heading> = Vec::new();
    let mut numbered: Vec<Heading> = Vec::new();
    for (pos, e, k) in KEYS.get().hits(t, from, to) {
        if !s[pos].is_ascii_lowercase() {
            continue;
        }
        let key = match k {
            0 => "objet",
            1..=4 => "deliberation",
            5 | 6 => "point",
            7..=10 => "affaire",
            _ => "n",
        };
        let h = match key {
            "objet" => {
                let p = skip_ws(s, e);
                if !(p < s.len() && (s[p] == b':' || s[p] == b'-')) {
                    continue;
                }
                // a number just before on the same stretch: "DEL2023-01 Objet :"
                let number = number_before(s, pos);
                Heading {
                    pos: number.map_or(pos, |x| x.0),
                    end: p + 1,
                    number,
                    strong: true,
                }
            }
            "deliberation" | "affaire" | "point" => {
                let before = t.low(pos.saturating_sub(16), pos);
                if CITING.iter().any(|c| before.ends_with(c)) {
                    continue;
                }
                let Some((a, b)) = number_at(s, skip_number_sign(s, e)) else {
                    continue;
                };
                // "délibération n° 12 du 3 mars", "en date du": a citation
                let after = t.low(b, (b + 28).min(to));
                let after = after.trim_start();
                if after.starts_with("du ")
                    || after.starts_with("en date")
                    || after.starts_with("portant")
                    || after.starts_with("relative")
                {
                    continue;
                }
                // "point 79 de l'ordre du jour" in prose: a heading starts a line or a sentence
                if key == "point" && !starts_block(s, pos) {
                    continue;
                }
                Heading {
                    pos,
                    end: b,
                    number: Some((a, b)),
                    strong: key != "point" || starts_block(s, pos),
                }
            }
            _ => continue,
        };
        out.push(h);
    }
    // At block starts: "N° 2023-009 FINANCES –" (a number sign, a number, a title in
    // capitals) and identifiers standing alone ("DEL2023-01 Objet", "D2023-12 …").
    for w in t.starts.words(from, to) {
        let b0 = n[w];
        if !(b0.is_ascii_uppercase() && starts_block(s, w)) {
            continue;
        }
        if s[w] == b'n' {
            let p = skip_number_sign(s, w + 1);
            let signed = s[w + 1..].starts_with("\u{b0}".as_bytes())
                || (s.get(w + 1) == Some(&b'o')
                    && !s.get(w + 2).is_some_and(u8::is_ascii_alphabetic));
            if signed {
                if let Some((a, b)) = number_at(s, p) {
                    let q = skip_seps(s, b, b"-:");
                    if q < n.len() && n[q].is_ascii_uppercase() {
                        out.push(Heading {
                            pos: w,
                            end: b,
                            number: Some((a, b)),
                            strong: true,
                        });
                    }
                }
                continue;
            }
        }
        if let Some((a, b)) = identifier_at(t, w) {
            let q = skip_seps(s, b, b":-");
            if q < n.len() && n[q].is_ascii_uppercase() {
                out.push(Heading {
                    pos: a,
                    end: b,
                    number: Some((a, b)),
                    strong: true,
                });
            }
        }
    }
    // Numbered titles "1 - Approbation …", "2. Budget …", "3) …": at a line start or after
    // a sentence end only (": 4 - Votants" is a value).
    for w in t.starts.words(from, to) {
        if !s[w].is_ascii_digit() || !starts_line_or_sentence(s, w) {
            continue;
        }
        let Some((v, e)) = read_int(s, w) else {
            continue;
        };
        if v == 0 || v > 150 {
            continue;
        }
        let mut p = e;
        // "1.1 Démission": a dotted number
        if p + 1 < s.len() && s[p] == b'.' && s[p + 1].is_ascii_digit() {
            let mut q = p + 1;
            while q < s.len() && s[q].is_ascii_digit() {
                q += 1;
            }
            p = q;
        }
        let sep = skip_ws(s, p);
        if !(sep < s.len() && matches!(s[sep], b'-' | b'.' | b')' | b':')) && p == e {
            continue;
        }
        let title = skip_seps(s, sep + 1, b"-.):");
        if !(title < n.len() && n[title].is_ascii_uppercase()) {
            continue;
        }
        numbered.push(Heading {
            pos: w,
            end: p,
            number: Some((w, p)),
            strong: false,
        });
    }
    // Numbered titles count only when they follow each other (1, 2 or 1.1, 1.2, 2.1).
    let values: Vec<Option<u32>> = numbered
        .iter()
        .map(|h| h.number.and_then(|(a, b)| ordinal(t.low(a, b))))
        .collect();
    let follows = |x: u32, y: u32| {
        y == x + 1
            || (y / 1000 == x / 1000 + 1 && y % 1000 <= 1)
            || (x < 1000 && y == (x + 1) * 1000 + 1)
    };
    for (k, h) in numbered.iter().enumerate() {
        let v = values[k];
        let prev_ok = k > 0 && matches!((values[k - 1], v), (Some(x), Some(y)) if follows(x, y));
        let next_ok = k + 1 < numbered.len()
            && matches!((v, values[k + 1]), (Some(x), Some(y)) if follows(x, y));
        if prev_ok || next_ok {
            out.push(h.clone());
        }
    }
    crate::sort::order_by(&mut out, |h| (h.pos, usize::from(!h.strong)));
    // One heading per stretch: "DEL2023-01 Objet : …" is one.
    let mut merged: Vec<Heading> = Vec::new();
    for h in out {
        match merged.last_mut() {
            Some(last)
                if h.pos < last.end
                    || (h.pos - last.end <= SAME_HEADING
                        && !t.low(last.end, h.pos).contains(". ")
                        && !t.low(last.end, h.pos).contains('\n')) =>
            {
                if last.number.is_none() {
                    last.number = h.number;
                }
                last.end = last.end.max(h.end);
                last.strong |= h.strong;
            }
            _ => merged.push(h),
        }
    }
    merged
}

/// Drops agendas: runs of three or more headings close together with nothing decided in
/// between ("Ordre du jour : 1 - … 2 - … 3 - …"), and weak headings of such runs.
fn agenda_removed(t: &Text, hs: Vec<Heading>) -> Vec<Heading> {
    let decided = |a: usize, b: usize| -> bool {
        static DECIDED: Lexicon = Lexicon::new(|| {
            Patterns::new(&[
                "unanimite",
                "adopte",
                "adoptee",
                "approuvee",
                "decide",
                "delibere",
                "pour",
                "contre",
                "abstention",
                "abstentions",
                "vote",
                "prend acte",
            ])
        });
        DECIDED.get().find(t, a, b).is_some()
    };
    let mut keep = vec![true; hs.len()];
    let mut k = 0;
    while k < hs.len() {
        let mut j = k;
        let number = |h: &Heading| h.number.and_then(|(a, b)| ordinal(t.low(a, b)));
        while j + 1 < hs.len()
            && hs[j + 1].pos - hs[j].pos < AGENDA_GAP
            && !decided(hs[j].pos, hs[j + 1].pos)
            && !matches!((number(&hs[j]), number(&hs[j + 1])), (Some(x), Some(y)) if y <= x)
        {
            j += 1;
        }
        if j >= k + 2 {
            for x in keep.iter_mut().take(j + 1).skip(k) {
                *x = false;
            }
        }
        k = j + 1;
    }
    hs.into_iter()
        .zip(keep)
        .filter_map(|(h, k)| k.then_some(h))
        .collect()
}

/// A heading starts a block: the text start, a line start, or after a sentence end, a
/// closing parenthesis or a page number.
fn starts_block(s: &[u8], pos: usize) -> bool {
    let q = skip_ws_back(s, pos);
    if q == 0 {
        return true;
    }
    if s[q..pos].contains(&b'\n') {
        return true;
    }
    let c = s[q - 1];
    if matches!(c, b'.' | b')' | b':' | b';' | b'!' | b'?' | b']') || c.is_ascii_digit() {
        return true;
    }
    // "… ADOPTÉ À L'UNANIMITE 2 N° 2023-010": after a word in capitals
    false
}

/// A line start, or after a sentence end.
fn starts_line_or_sentence(s: &[u8], pos: usize) -> bool {
    let q = skip_ws_back(s, pos);
    q == 0 || s[q..pos].contains(&b'\n') || (matches!(s[q - 1], b'.' | b'!' | b'?') && q < pos)
}

/// Skips a number sign and what follows it: "n° ", "no ", "N°:", "numéro ", "n ".
fn skip_number_sign(s: &[u8], mut p: usize) -> usize {
    p = skip_ws(s, p);
    let rest = &s[p.min(s.len())..];
    if rest.starts_with("n\u{b0}".as_bytes()) {
        p += 3;
    } else if rest.starts_with("\u{b0}".as_bytes()) {
        p += 2;
    } else if rest.starts_with(b"numero") {
        p += 6;
    } else if rest.starts_with(b"no") && rest.get(2).is_some_and(|c| !c.is_ascii_alphabetic()) {
        p += 2;
    } else if rest.starts_with(b"n")
        && rest
            .get(1)
            .is_some_and(|c| *c == b' ' || *c == b'.' || c.is_ascii_digit())
    {
        p += 1;
    }
    while p < s.len() && matches!(s[p], b'.' | b':') {
        p += 1;
    }
    skip_ws(s, p)
}

/// An item number at `p`: digits, letters and separators ("2023-009", "DEL2023-01",
/// "02/2020-01", "1.1", "CP 2023-017") with at least one digit.
fn number_at(s: &[u8], p: usize) -> Option<(usize, usize)> {
    let mut e = p;
    while e < s.len()
        && (s[e].is_ascii_alphanumeric()
            || (matches!(s[e], b'-' | b'/' | b'_' | b'.')
                && s.get(e + 1).is_some_and(u8::is_ascii_alphanumeric)))
    {
        e += 1;
    }
    (e > p && e - p <= 24 && s[p..e].iter().any(u8::is_ascii_digit)).then_some((p, e))
}

/// A number just before an "Objet" heading, on the same stretch (at most 60 bytes back).
fn number_before(s: &[u8], pos: usize) -> Option<(usize, usize)> {
    let e = skip_ws_back(s, pos);
    let mut a = e;
    while a > 0
        && (s[a - 1].is_ascii_alphanumeric()
            || matches!(s[a - 1], b'-' | b'/' | b'_' | b'.' | b'\xb0' | b'\xc2'))
    {
        a -= 1;
        if e - a > 40 {
            return None;
        }
    }
    if a == e || !s[a..e].iter().any(u8::is_ascii_digit) {
        return None;
    }
    // skip "n°" glued in front
    let mut a2 = a;
    while a2 < e
        && !s[a2].is_ascii_digit()
        && !(s[a2].is_ascii_alphabetic()
            && s[a2..e].iter().take(4).any(u8::is_ascii_digit)
            && a2 + 1 < e
            && s[a2 + 1].is_ascii_alphanumeric()
            && s[a2] != b'n')
    {
        a2 += 1;
    }
    // "Quorum : 9 Objet :": a label's value, not the item's number (unless the label
    // names a number: "N° : 9", "Délibération : 12")
    let c = skip_ws_back(s, a);
    if c > 0 && s[c - 1] == b':' && s[a2..e].iter().all(u8::is_ascii_digit) {
        let label = &s[c.saturating_sub(24)..c - 1];
        let numbered = [
            &b"n\xc2\xb0"[..],
            b"numero",
            b"deliberation",
            b"point",
            b"dossier",
            b"affaire",
            b" no",
        ]
        .iter()
        .any(|w| label.windows(w.len()).any(|x| x == *w));
        if !numbered {
            return None;
        }
    }
    // "2023-009" must not be a date
    let w = &s[a2..e];
    if w.iter().filter(|c| **c == b'/').count() == 2 {
        return None;
    }
    (a2 < e).then_some((a2, e))
}

/// "DEL2023-01", "DEL001", "D2023-12", "CM-2024-3-12": letters then digits, one token.
fn identifier_at(t: &Text, w: usize) -> Option<(usize, usize)> {
    let s = t.lower.as_bytes();
    let mut e = w;
    let mut letters = 0;
    while e < s.len() && s[e].is_ascii_alphabetic() {
        e += 1;
        letters += 1;
    }
    if !(1..=4).contains(&letters)
        || !s
            .get(e)
            .is_some_and(|c| c.is_ascii_digit() || *c == b'-' || *c == b'_')
    {
        return None;
    }
    let (a, b) = number_at(s, w)?;
    let digits = s[a..b].iter().filter(|c| c.is_ascii_digit()).count();
    // "DEL2023-01" but not "A2484" (a parcel) nor "L2121" (an article)
    let prefix = t.low(a, a + letters);
    (digits >= 2
        && matches!(
            prefix,
            "del" | "d" | "dl" | "cm" | "cc" | "dc" | "de" | "dcm" | "b" | "bc" | "bm" | "cp" | "c"
        )
        && s[a..b].iter().any(|c| matches!(c, b'-' | b'_' | b'/'))
        || (prefix == "del" && digits >= 3))
        .then_some((a, b))
}

/// The object of an item: after "Objet :" or the heading's number, to the line or sentence end.
/// An object's line `line..nl` goes on after its line break: a heading in capitals wrapped
/// onto the next line ("OBJET : DÉVELOPPEMENT ÉCONOMIQUE ⏎ CREATIV', cluster … - Subvention
/// 2024"), or a Markdown hard break (two spaces before it). Not past a blank line, nor onto a
/// line that opens the deliberation's text ("Vu", "Le conseil", "Rapporteur").
fn object_goes_on(t: &Text, line: usize, nl: usize, lim: usize) -> bool {
    let s = t.lower.as_bytes();
    let n = t.norm.as_bytes();
    let next = nl + 1;
    if next >= lim || s[next] == b'\n' {
        return false;
    }
    let hard_break = nl >= 2 && s[nl - 1] == b' ' && s[nl - 2] == b' ';
    let letters = || n[line..nl].iter().filter(|c| c.is_ascii_alphabetic());
    let capitals = letters().count() >= 3 && letters().all(u8::is_ascii_uppercase);
    let ends_open = !matches!(
        s[line..nl].iter().rev().find(|c| !is_ws(**c)),
        Some(b'.' | b':' | b';')
    );
    let rest = t.low(next, (next + 16).min(lim));
    let opens_text = [
        "vu ",
        "vu,",
        "le ",
        "la ",
        "les ",
        "considerant",
        "rapporteur",
        "monsieur",
        "madame",
        "expose",
    ]
    .iter()
    .any(|w| rest.trim_start_matches(['*', '#', ' ']).starts_with(w));
    (hard_break || capitals) && ends_open && !opens_text
}

fn object(t: &Text, h: &Heading, end: usize) -> Option<String> {
    let s = t.lower.as_bytes();
    let a = skip_seps(s, h.end, b":-.)");
    let lim = (a + OBJECT_LEN).min(end).min(s.len());
    if a >= lim {
        return None;
    }
    let mut b = lim;
    let mut line = a;
    for (i, &c) in s[a..lim].iter().enumerate() {
        let at = a + i;
        if c == b'\n' && !object_goes_on(t, line, at, lim) {
            b = at;
            break;
        }
        if c == b'\n' {
            line = at + 1;
        }
        if c == b'.' && s.get(at + 1).is_none_or(|n| is_ws(*n)) {
            b = at;
            break;
        }
    }
    let o = t.display(a, b);
    let o = o.split_whitespace().collect::<Vec<_>>().join(" ");
    (o.chars().filter(|&c| crate::text::is_letter(c)).count() >= 3).then_some(o)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn heads(s: &str) -> Vec<(Option<String>, Option<u32>)> {
        let t = Text::new(s);
        frames(&t, 0, t.len())
            .into_iter()
            .map(|f| (f.number, f.ordinal))
            .collect()
    }

    fn objects(s: &str) -> Vec<Option<String>> {
        let t = Text::new(s);
        frames(&t, 0, t.len())
            .into_iter()
            .map(|f| f.object)
            .collect()
    }

    #[test]
    fn objects_wrapped_in_capitals_go_on() {
        assert_eq!(
            objects("OBJET : DEVELOPPEMENT ECONOMIQUE, ATTRACTIVITE\nCREATIV', cluster emploi - Subvention 2024\n\nLe Bureau décide."),
            vec![Some("DEVELOPPEMENT ECONOMIQUE, ATTRACTIVITE CREATIV', cluster emploi - Subvention 2024".into())]
        );
        // a line that opens the deliberation's text is not the object
        assert_eq!(
            objects(
                "OBJET : TRAVAUX DE VOIRIE\nVu le code général des collectivités territoriales,"
            ),
            vec![Some("TRAVAUX DE VOIRIE".into())]
        );
        // an object in lower case ends with its line
        assert_eq!(
            objects("Objet : Travaux de voirie\nLe conseil municipal décide."),
            vec![Some("Travaux de voirie".into())]
        );
    }

    #[test]
    fn headings_and_citations() {
        let h = heads("Séance du 13 février. Présents : … DEL2023-01 Objet : Installation. Vu la délibération n°DEL2020-06-1 en date du 25 mai 2020. Installe. Le Maire. DEL2023-2 Objet : Désignation CCAS. Adoptée par 46 voix Pour.");
        assert_eq!(
            h,
            vec![
                (Some("DEL2023-01".into()), Some(1)),
                (Some("DEL2023-2".into()), Some(2))
            ]
        );
        let h = heads("Présents : X. N° 2023-009 FINANCES – Débat. ADOPTÉ À L’UNANIMITE 2 N° 2023-010 JEUNESSE – Convention. ADOPTÉ À L’UNANIMITE");
        assert_eq!(h.len(), 2, "{h:?}");
        assert_eq!(h[1].1, Some(10));
    }

    #[test]
    fn agendas_are_not_items() {
        let h = heads("Ordre du jour Point 01 - Approbation du PV Point 02 - Désignation Point 03 - Délégations Point 04 - Rapport. Point n°1 Approbation du PV. Le Conseil, à l'unanimité, approuve. Point n°2 Désignation. Le Conseil, à l'unanimité, désigne.");
        assert_eq!(h.len(), 2, "{h:?}");
    }

    #[test]
    fn numbered_titles_in_sequence() {
        let h = heads("Présents : X.\n1 - Approbation du procès-verbal. A l'unanimité, adopte.\n2 - Débat d'orientation budgétaire. Prend acte.\n");
        assert_eq!(
            h,
            vec![(Some("1".into()), Some(1)), (Some("2".into()), Some(2))]
        );
        // a lone number is not a heading
        assert_eq!(heads("Il y a\n3 - Trois personnes. Adopté.").len(), 1);
    }
}
