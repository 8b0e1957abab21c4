//! Séance header: body kind and name, séance and convocation dates,
//! president, secretary, urgency.

use super::scan::*;
use crate::model::{BodyKind, DateMention};
use crate::text::{Span, Text};

/// Body kind and the phrase that names it.
pub fn find_body(t: &Text, from: usize, to: usize) -> (BodyKind, Option<String>) {
    let s = t.lower.as_bytes();
    let head_end = (from + 2500).min(to);
    const PATS: &[(&str, BodyKind)] = &[
        ("commission permanente", BodyKind::CommissionPermanente),
        ("bureau metropolitain", BodyKind::Bureau),
        ("bureau communautaire", BodyKind::Bureau),
        ("bureau du conseil", BodyKind::Bureau),
        ("bureau de la communaute", BodyKind::Bureau),
        ("bureau syndical", BodyKind::Bureau),
        ("deliberation bureau", BodyKind::Bureau),
        ("conseil metropolitain", BodyKind::ConseilMetropolitain),
        ("conseil de la metropole", BodyKind::ConseilMetropolitain),
        ("conseil de l'eurometropole", BodyKind::ConseilMetropolitain),
        ("conseil communautaire", BodyKind::ConseilCommunautaire),
        ("conseil de communaute", BodyKind::ConseilCommunautaire),
        ("comite syndical", BodyKind::ComiteSyndical),
        ("conseil syndical", BodyKind::ComiteSyndical),
        ("conseil departemental", BodyKind::ConseilDepartemental),
        ("conseil regional", BodyKind::ConseilRegional),
        ("conseil territorial", BodyKind::ConseilTerritorial),
        ("conseil municipal", BodyKind::ConseilMunicipal),
    ];
    // Priority: a commission permanente or a bureau named in the header wins over the
    // council it belongs to ("Bureau du Conseil de Communauté").
    let mut best: Option<(usize, usize, BodyKind)> = None;
    for (prio, (p, k)) in PATS.iter().enumerate() {
        if let Some((a, b)) = find_word(t, from, head_end, p) {
            let rank_better = match best {
                None => true,
                Some((ba, _, bk)) => {
                    let strong = |k: BodyKind| {
                        matches!(k, BodyKind::CommissionPermanente | BodyKind::Bureau)
                    };
                    (strong(*k) && !strong(bk)) || (strong(*k) == strong(bk) && a < ba)
                }
            };
            let _ = prio;
            if rank_better {
                best = Some((a, b, *k));
            }
        }
    }
    match best {
        None => (BodyKind::Unknown, None),
        Some((a, b, k)) => {
            // Name: the body phrase and what follows on the same line, up to a stop word.
            let mut e = b;
            let limit = (b + 70).min(to);
            const STOPS: &[&str] = &[
                " s'est",
                " se sont",
                " dument",
                " legalement",
                " regulierement",
                " reuni",
                " convoque",
                " sous ",
                " seance",
                " du ",
                " le ",
                " l'an",
                " proces",
                " deliberation",
                " extrait",
                " en ",
                " a ",
                " apres",
                " pv ",
            ];
            while e < limit {
                let c = s[e];
                if c == b'\n' || c == b'.' || c == b',' || c == b':' || c == b'(' || c == b'\t' {
                    break;
                }
                if c == b' ' {
                    if let Some(st) = STOPS.iter().find(|st| s[e..].starts_with(st.as_bytes())) {
                        // "Bureau du Conseil de Communauté": keep "du" right after the keyword.
                        if !(*st == " du " && e == b) {
                            break;
                        }
                    }
                }
                e += 1;
            }
            let e = skip_ws_back(s, e);
            let name = t.display(a, e);
            (k, if name.is_empty() { None } else { Some(name) })
        }
    }
}

/// The séance date: "Séance du …", "Réunion du …", "CONSEIL MUNICIPAL DU …", "L'an …, le …".
/// The séance date's index in `dates`, and whether a keyword named it (`true`) or it was
/// guessed from the top of the text (`false`: rules then stay at warning level).
pub fn find_session_date(
    t: &Text,
    dates: &[DateMention],
    from: usize,
    to: usize,
) -> Option<(usize, bool)> {
    let in_range = |m: &DateMention| {
        let a = m.span.start;
        a >= t.span(from, from).start && a <= t.span(to, to).start
    };
    const KEYS: &[&str] = &[
        "seance du",
        "seance ordinaire du",
        "seance extraordinaire du",
        "seance publique du",
        "reunion du",
        "conseil municipal du",
        "conseil communautaire du",
        "conseil metropolitain du",
        "bureau du",
        "commission permanente du",
        "deliberation n",
        "l'an",
        "le conseil municipal du",
    ];
    let mut best: Option<(usize, usize)> = None; // (key end, date index)
                                                 // one pass for all keys; each key's first occurrence followed by a date competes
    let mut done = [false; 16];
    static KEYS_LEX: Lexicon = Lexicon::new(|| Patterns::new(KEYS));
    for &(_, b, k) in &KEYS_LEX.get().hits(t, from, to.min(from + 4000)) {
        if done[k] {
            continue;
        }
        let key = KEYS[k];
        let lim = t
            .span(
                b,
                (b + if key == "l'an" || key == "reunion du" {
                    90
                } else {
                    40
                })
                .min(t.len()),
            )
            .end;
        let after = t.span(b, b).start;
        if let Some((i, _)) = dates.iter().enumerate().find(|(_, m)| {
            m.span.start >= after && m.span.start <= lim && m.date.is_some() && in_range(m)
        }) {
            done[k] = true;
            if best.is_none_or(|(p, _)| b < p) {
                best = Some((b, i));
            }
        }
    }
    if let Some((_, k)) = best {
        return Some((k, true));
    }
    // Fallback: a date with its weekday near the top ("… du vendredi 16 décembre 2022"),
    // else the first full date of the header.
    let head = t.span(from, (from + 1500).min(to)).end;
    let head_start = t.span(from, from).start;
    let early: Vec<(usize, &DateMention)> = dates
        .iter()
        .enumerate()
        .filter(|(_, m)| m.span.start >= head_start && m.span.start < head && m.date.is_some())
        .collect();
    if let Some((k, _)) = early.iter().find(|(_, m)| m.weekday.is_some()) {
        return Some((*k, false));
    }
    let top = t.span(from, (from + 300).min(to)).end;
    early
        .iter()
        .find(|(_, m)| m.span.start < top)
        .map(|(k, _)| (*k, false))
}

/// The convocation (sending) date. Strong labels ("Date de convocation :") first.
pub fn find_convocation(
    t: &Text,
    dates: &[DateMention],
    from: usize,
    to: usize,
    session: Option<usize>,
) -> Option<usize> {
    const STRONG: &[&str] = &[
        "date de convocation",
        "date de la convocation",
        "date convocation",
        "convocation envoyee le",
        "convocation adressee le",
        "convocation du",
        "convocation :",
        "convocation en date du",
        "convoque le",
        "convoques le",
        "convoquee le",
        "convoque par courrier en date du",
    ];
    static STRONG_LEX: Lexicon = Lexicon::new(|| Patterns::new(STRONG));
    if let Some(k) = convocation_after(t, dates, from, to, session, STRONG_LEX.get()) {
        return Some(k);
    }
    const WEAK: &[&str] = &[
        "convocation",
        "convoque",
        "convoques",
        "convoquee",
        "convoquees",
    ];
    static WEAK_LEX: Lexicon = Lexicon::new(|| Patterns::new(WEAK));
    convocation_after(t, dates, from, to, session, WEAK_LEX.get())
}

fn convocation_after(
    t: &Text,
    dates: &[DateMention],
    from: usize,
    to: usize,
    session: Option<usize>,
    keys: &Patterns,
) -> Option<usize> {
    let session_date = session.and_then(|k| dates[k].date);
    let mut matches = AnyMatches::of(keys, t, from, to);
    let mut i = from;
    while let Some((_, b, _)) = matches.next_from(i) {
        i = b;
        let after = t.span(b, b).start;
        let lim = t.span(b, (b + 140).min(t.len())).end;
        let Some((k, _)) = dates.iter().enumerate().find(|(k, m)| {
            m.span.start >= after && m.span.start <= lim && Some(*k) != session && m.date.is_some()
        }) else {
            continue;
        };
        // "convoqué …, s'est réuni le 2 février": that date is the séance, not the sending.
        let between = crate::text::fold(t.orig_slice(after, dates[k].span.start));
        if between.contains("seance du")
            || between.contains("pour le ")
            || between.contains("affich")
            || between.contains("reuni")
            || between.contains("assemble")
            || (dates[k].date == session_date && !between.contains("convocation"))
        {
            continue;
        }
        return Some(k);
    }
    None
}

/// A person named after a label ("Président : Monsieur REBSAMEN", "sous la présidence de …").
pub fn find_person(
    t: &Text,
    from: usize,
    to: usize,
    keys: &[&str],
) -> Option<(String, Span, usize, usize)> {
    let s = t.lower.as_bytes();
    let (_, b, _) = find_any(t, from, to, keys)?;
    let mut p = skip_seps(s, b, b":-");
    // Skip a role before the name: "de son Maire,", "de Monsieur le Président,"
    for w in [
        "de son maire",
        "de madame la maire",
        "de monsieur le maire",
        "de madame le maire",
        "du maire",
        "de",
        "du",
        "d'",
    ] {
        if let Some(e) =
            word_at(s, p, w).or_else(|| if w == "d'" { match_at(s, p, w) } else { None })
        {
            p = skip_seps(s, e, b",:");
            break;
        }
    }
    for w in [
        "monsieur le president",
        "madame la presidente",
        "monsieur le maire",
        "madame le maire",
        "madame la maire",
    ] {
        if let Some(e) = word_at(s, p, w) {
            p = skip_seps(s, e, b",:");
        }
    }
    // "de son Maire, Louis MARETTE": skip a short role phrase ending with a comma.
    if let Some(c) = t.low(p, (p + 40).min(to)).find(',') {
        let phrase = t.low(p, p + c);
        if phrase.split_whitespace().count() <= 4
            && (phrase.contains("maire") || phrase.contains("president"))
        {
            p = skip_seps(s, p + c, b",");
        }
    }
    // "Commune d'Epeigné-sur-Dème - M. Goué Stéphane": a commune before the name.
    if word_at(s, p, "commune").is_some() {
        if let Some(d) = t.low(p, (p + 80).min(to)).find(" - ") {
            p += d + 3;
        }
    }
    // A name stays on its line and stops before the next label ("… HOAREAU\nConvocation").
    let line_end = t
        .low(p, (p + 120).min(to))
        .find('\n')
        .map(|k| p + k)
        .unwrap_or((p + 120).min(to));
    let (a, mut e) = super::members::name_run(t, p, line_end)?;
    let mut q = a;
    while q < e {
        if q > a && super::members::stops_a_name(t, q) {
            e = skip_ws_back(t.lower.as_bytes(), q);
            break;
        }
        q += 1;
    }
    if e <= a
        || t.nrm(a, e)
            .chars()
            .filter(|&c| crate::text::is_letter(c))
            .count()
            < 3
    {
        return None;
    }
    Some((t.display(a, e), t.span(a, e), a, e))
}

/// True when the text invokes urgency for the convocation.
pub fn mentions_urgency(t: &Text, from: usize, to: usize) -> bool {
    static URGENCY: Lexicon =
        Lexicon::new(|| Patterns::new(&["urgence", "en urgence", "d'urgence"]));
    URGENCY.get().find(t, from, to).is_some()
}
