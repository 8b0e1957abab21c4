//! Declared counts: "Nombre de membres en exercice : 43", "Présents : 34",
//! "Ayant pris part au vote : 53", "la condition de quorum est de 18", and
//! side-column boxes glued into the text ("27 16 3 19 Nombre de Conseillers
//! en exercice Présents Procurations Votants").

use super::scan::*;
use crate::model::{Declared, DeclaredCount};
use crate::text::Text;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Field {
    Seats,
    InOffice,
    Present,
    Proxies,
    Absent,
    Excused,
    Voters,
    Quorum,
}

/// Labels, longest first where they share a prefix (the matcher takes the longest anyway).
const LABELS: &[(&str, Field)] = &[
    ("nombre de membres du bureau metropolitain", Field::Seats),
    ("nombre de membres du bureau communautaire", Field::Seats),
    ("nombre de membres du bureau", Field::Seats),
    ("nombre de membres afferents au bureau", Field::Seats),
    ("nombre de membres composant le conseil", Field::Seats),
    ("membres composant le conseil", Field::Seats),
    ("afferents au conseil municipal", Field::Seats),
    ("afferents au conseil", Field::Seats),
    ("afferents au bureau", Field::Seats),
    ("afferents", Field::Seats),
    ("conseillers afferents", Field::Seats),
    ("nombre de membres en exercice", Field::InOffice),
    ("nombre de conseillers en exercice", Field::InOffice),
    (
        "nombre des conseillers municipaux en exercice est de",
        Field::InOffice,
    ),
    ("nombre de delegues en exercice", Field::InOffice),
    ("membres en exercice", Field::InOffice),
    ("conseillers en exercice", Field::InOffice),
    ("delegues en exercice", Field::InOffice),
    ("en exercice", Field::InOffice),
    ("nombre de presents participant au vote", Field::Present),
    ("presents participant au vote", Field::Present),
    ("nombre de presents", Field::Present),
    ("nombre de membres presents", Field::Present),
    ("nombre de conseillers presents", Field::Present),
    ("conseillers presents", Field::Present),
    ("conseillers municipaux presents", Field::Present),
    ("membres presents", Field::Present),
    ("presents en seance", Field::Present),
    ("presents", Field::Present),
    ("presentes", Field::Present),
    ("present", Field::Present),
    ("nombre de procurations", Field::Proxies),
    ("nombre de pouvoirs", Field::Proxies),
    ("procurations", Field::Proxies),
    ("procuration", Field::Proxies),
    ("pouvoirs", Field::Proxies),
    ("pouvoir", Field::Proxies),
    ("representes", Field::Proxies),
    ("membres representes", Field::Proxies),
    ("absents ayant donne pouvoir", Field::Proxies),
    ("absents avant donne pouvoir", Field::Proxies),
    ("absents excuses ayant donne pouvoir", Field::Proxies),
    ("absents excuses avant donne pouvoir", Field::Proxies),
    ("absents ayant donne procuration", Field::Proxies),
    (
        "conseillers absents ayant donne procuration",
        Field::Proxies,
    ),
    ("delegations de vote", Field::Proxies),
    ("mandataires", Field::Proxies),
    ("nombre d'absents", Field::Absent),
    ("absents", Field::Absent),
    ("absent", Field::Absent),
    ("absents non representes", Field::Absent),
    ("conseillers municipaux absents", Field::Absent),
    ("conseillers absents", Field::Absent),
    ("excuses", Field::Excused),
    ("excuse", Field::Excused),
    ("absents excuses", Field::Excused),
    ("absent excuse", Field::Excused),
    ("mandataire", Field::Proxies),
    ("conseillers excuses", Field::Excused),
    ("nombre de votants", Field::Voters),
    ("votants", Field::Voters),
    ("ayant pris part au vote", Field::Voters),
    ("qui ont pris part a la deliberation", Field::Voters),
    ("qui ont pris part au vote", Field::Voters),
    ("ont pris part au vote", Field::Voters),
    ("condition de quorum est de", Field::Quorum),
    ("quorum est de", Field::Quorum),
    ("quorum est fixe a", Field::Quorum),
    ("quorum", Field::Quorum),
];

static LABELS_LEX: Lexicon = Lexicon::new(|| {
    let labels: Vec<&str> = LABELS.iter().map(|(p, _)| *p).collect();
    Patterns::new(&labels)
});

/// Reads a count right after a label: separators, optional "a 20h30", "est de".
fn value_after(s: &[u8], pos: usize) -> Option<(u32, usize, usize)> {
    let mut p = skip_seps(s, pos, b":=-(");
    // "présents à 20h30 : 28"
    if let Some(e) = word_at(s, p, "a") {
        let q = skip_ws(s, e);
        let mut r = q;
        while r < s.len() && (s[r].is_ascii_digit() || s[r] == b'h') {
            r += 1;
        }
        if r > q && s[q].is_ascii_digit() {
            p = skip_seps(s, r, b":=-(");
        }
    }
    for w in ["est de", "de", "au nombre de"] {
        if let Some(e) = word_at(s, p, w) {
            p = skip_seps(s, e, b":");
        }
    }
    if p - pos > 16 {
        return None;
    }
    let (v, e) = read_int(s, p)?;
    // A count is not a date or a time ("15 mars", "20h30", "02/02").
    let q = skip_ws(s, e);
    if q < s.len() && (s[q] == b'/' || (s[q] == b'h' && q == e)) {
        return None;
    }
    if q < s.len() && s[q] == b'.' && q + 1 < s.len() && s[q + 1].is_ascii_digit() {
        return None;
    }
    if v > 2000 {
        return None;
    }
    Some((v, p, e))
}

fn set(decl: &mut Declared, f: Field, c: DeclaredCount) {
    let slot = match f {
        Field::Seats => &mut decl.seats,
        Field::InOffice => &mut decl.in_office,
        Field::Present => &mut decl.present,
        Field::Proxies => &mut decl.proxies,
        Field::Absent => &mut decl.absent,
        Field::Excused => &mut decl.excused,
        Field::Voters => &mut decl.voters,
        Field::Quorum => &mut decl.quorum,
    };
    if slot.is_none() {
        *slot = Some(c);
    }
}

/// Declared counts in `from..to` (first statement of each count wins).
pub fn find_declared(t: &Text, from: usize, to: usize) -> Declared {
    let s = t.lower.as_bytes();
    let to = to.min(s.len());
    let index = LABELS_LEX.get();
    let mut decl = Declared::default();
    let mut i = from;
    let mut bare_labels: Vec<usize> = Vec::new();
    // Label-first: "Présents : 34".
    for (pos, e, k) in index.hits(t, from, to) {
        if pos < i || !s[pos].is_ascii_lowercase() {
            continue;
        }
        if let Some((v, a, b)) = value_after(s, e) {
            set(
                &mut decl,
                LABELS[k].1,
                DeclaredCount {
                    value: v,
                    span: t.span(a, b),
                },
            );
            i = b;
            continue;
        }
        // a label without a value may open a roll-call table (second pass below)
        bare_labels.push(pos);
        i = e;
    }
    // Number-first boxes: "27 16 3 19 Nombre de Conseillers en exercice Présents Procurations Votants".
    let mut j = from;
    static BOXES: Lexicon =
        Lexicon::new(|| Patterns::new(&["nombre de conseillers", "nombre de membres"]));
    let mut boxes = AnyMatches::of(BOXES.get(), t, from, to);
    while let Some((a, b, _)) = boxes.next_from(j) {
        j = b;
        // labels after
        let mut fields = Vec::new();
        let mut p = skip_ws(s, b);
        while let Some((e, k)) = index.at(s, p) {
            fields.push(LABELS[k].1);
            p = skip_seps(s, e, b":");
            if fields.len() > 8 {
                break;
            }
        }
        if fields.len() < 2 {
            continue;
        }
        // numbers before
        let mut nums = Vec::new();
        let mut q = skip_ws_back(s, a);
        while q > from && s[q - 1].is_ascii_digit() {
            let mut st = q;
            while st > from && s[st - 1].is_ascii_digit() {
                st -= 1;
            }
            match read_int(s, st) {
                Some((v, e)) => nums.push((v, st, e)),
                None => break,
            }
            q = skip_ws_back(s, st);
            if nums.len() > fields.len() {
                break;
            }
        }
        if nums.len() == fields.len() {
            nums.reverse();
            for (f, (v, st, e)) in fields.into_iter().zip(nums) {
                set(
                    &mut decl,
                    f,
                    DeclaredCount {
                        value: v,
                        span: t.span(st, e),
                    },
                );
            }
        }
    }
    // Roll-call tables: "PRESENT (Signature) ABSENT EXCUSE ABSENT MANDATAIRE (Signature) 7 3 0 0".
    // Only where the first pass met a label without a value.
    let mut consumed = from;
    for &j in &bare_labels {
        if j < consumed {
            continue;
        }
        let mut fields = Vec::new();
        let mut p = j;
        loop {
            // skip "(Signature)" groups between labels
            let q = skip_ws(s, p);
            let q = if q < to && s[q] == b'(' {
                match s[q..to].iter().position(|&c| c == b')') {
                    Some(off) if off < 20 => skip_ws(s, q + off + 1),
                    _ => q,
                }
            } else {
                q
            };
            match index.at(s, q) {
                Some((e, k)) if value_after(s, e).is_none() => {
                    fields.push(LABELS[k].1);
                    p = e;
                }
                _ => {
                    p = q;
                    break;
                }
            }
            if fields.len() > 8 {
                break;
            }
        }
        if fields.len() >= 3 {
            let mut nums = Vec::new();
            let mut q = p;
            while nums.len() < fields.len() {
                match read_int(s, q) {
                    Some((v, e)) => {
                        nums.push((v, q, e));
                        q = skip_ws(s, e);
                    }
                    None => break,
                }
            }
            if nums.len() == fields.len() {
                for (f, (v, a, b)) in fields.into_iter().zip(nums) {
                    set(
                        &mut decl,
                        f,
                        DeclaredCount {
                            value: v,
                            span: t.span(a, b),
                        },
                    );
                }
                consumed = q;
            }
        }
    }
    decl
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reference_layout() {
        let s = "Nombre de membres du Bureau métropolitain : 43\n\nNombre de présents participant au vote : 34\n\nNombre de membres en exercice : 43\n\nNombre de procurations : 7";
        let t = Text::new(s);
        let d = find_declared(&t, 0, t.len());
        assert_eq!(d.seats.unwrap().value, 43);
        assert_eq!(d.present.unwrap().value, 34);
        assert_eq!(d.in_office.unwrap().value, 43);
        assert_eq!(d.proxies.unwrap().value, 7);
        let sp = d.present.unwrap().span;
        assert_eq!(&s[sp.start..sp.end], "34");
    }

    #[test]
    fn side_column_box() {
        let t = Text::new("(ARIÈGE) 27 16 3 19 Nombre de Conseillers en exercice Présents Procurations Votants N° 2023");
        let d = find_declared(&t, 0, t.len());
        assert_eq!(d.in_office.unwrap().value, 27);
        assert_eq!(d.present.unwrap().value, 16);
        assert_eq!(d.proxies.unwrap().value, 3);
        assert_eq!(d.voters.unwrap().value, 19);
    }

    #[test]
    fn prose_is_not_a_count() {
        let t = Text::new(
            "Présents : M. DUPONT. Convoqués le 15 mars. Présents à 20h30 : 28. Votants : 33",
        );
        let d = find_declared(&t, 0, t.len());
        assert_eq!(d.present.unwrap().value, 28);
        assert_eq!(d.voters.unwrap().value, 33);
    }
}
