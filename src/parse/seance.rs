//! Séance header: body kind and name, séance and convocation dates (chosen among the
//! dates by their role, and confirmed by the printed weekday or a second mention),
//! president, secretary, and the words that change what applies (urgency, a second
//! convocation).

use super::lexicon::BODIES;
use super::scan::*;
use crate::model::{
    ActesId, Basis, BodyKind, Certainty, ChosenDate, DateMention, DateRole, Mentions,
};
use crate::text::{Span, Text};

/// Body kind and the phrase that names it.
pub fn find_body(t: &Text, from: usize, to: usize) -> (BodyKind, Option<String>) {
    let s = t.lower.as_bytes();
    let head_end = (from + 2500).min(to);
    const PATS: &[(&str, BodyKind)] = BODIES;
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

/// How far from the séance's start its date may be guessed from position alone (bytes).
const HEAD_GUESS: usize = 300;
/// How far from the séance's start a date with its weekday is taken as the séance's (bytes).
const HEAD_WEEKDAY: usize = 1500;

/// The séance date: a date named as the séance's ("Séance du …", "s'est réuni le …",
/// "L'an …, le …") in the séance's header; certain when its printed weekday matches or the
/// same date is stated again (another mention, the ACTES identifier). Never a cited or
/// stamped date; a date named as a séance's deep in the text (after `header_end`) is
/// another meeting's.
pub fn choose_session(
    dates: &[DateMention],
    actes: &[ActesId],
    from_span: usize,
    header_end: usize,
) -> Option<ChosenDate> {
    // A séance named as such ("Séance du", "s'est réuni le", "L'an …") first; a meeting
    // named by its body ("Conseil municipal du …") only when none is.
    let in_header = |m: &&DateMention| m.date.is_some() && m.pos < header_end;
    let mut named: Vec<&DateMention> = dates
        .iter()
        .filter(in_header)
        .filter(|m| m.role == DateRole::Session || (m.opening && m.role == DateRole::Unknown))
        .collect();
    if named.is_empty() {
        named = dates
            .iter()
            .filter(in_header)
            .filter(|m| m.role == DateRole::Meeting)
            .collect();
    }
    let repeated = |m: &DateMention| {
        dates
            .iter()
            .filter(|x| x.date == m.date && !matches!(x.role, DateRole::Cited | DateRole::Stamp))
            .count()
            >= REPEATED
    };
    let (chosen, mut basis) = if let Some(first) = named.first() {
        (*first, Basis::CERTAIN)
    } else if let Some(m) = dates.iter().find(|m| {
        m.date.is_some()
            && m.weekday.is_some()
            && m.role == DateRole::Unknown
            && m.span.start < from_span + HEAD_WEEKDAY
    }) {
        (
            m,
            Basis::probable("date de séance lue en tête du texte, sans mot qui la désigne"),
        )
    } else if let Some(m) = dates.iter().find(|m| {
        m.date.is_some()
            && matches!(
                m.role,
                DateRole::Session | DateRole::Meeting | DateRole::Unknown
            )
            && repeated(m)
    }) {
        (
            m,
            Basis::probable("date de séance lue dans les en-têtes ou pieds de page"),
        )
    } else {
        let m = dates.iter().find(|m| {
            m.date.is_some()
                && m.role == DateRole::Unknown
                && !m.year_inferred
                && m.span.start < from_span + HEAD_GUESS
        })?;
        (
            m,
            Basis::guessed("date de séance devinée : première date du texte"),
        )
    };
    let date = chosen.date?;
    // Other statements of the séance date disagree: say so, do not guess.
    if let Some(other) = named
        .iter()
        .find(|m| m.date.is_some_and(|d| (d.days() - date.days()).abs() > 1))
    {
        let d2 = other.date.unwrap_or(date);
        return Some(ChosenDate {
            mention: chosen.clone(),
            date,
            basis: Basis::guessed(format!(
                "deux dates de séance différentes : {} et {}",
                date.french(),
                d2.french()
            )),
        });
    }
    let weekday_ok = chosen.weekday.is_some_and(|(w, _)| w == date.weekday());
    let restated = dates.iter().any(|m| {
        !std::ptr::eq(m, chosen)
            && m.date == Some(date)
            && !matches!(
                m.role,
                DateRole::Cited | DateRole::Stamp | DateRole::Convocation
            )
    }) || actes.iter().any(|a| a.act_date() == Some(date));
    if !(weekday_ok || restated) && basis.is_certain() {
        basis = Basis::probable(if chosen.weekday.is_some() {
            "le jour de la semaine écrit ne correspond pas à la date de séance"
        } else {
            "date de séance écrite une seule fois, sans jour de la semaine"
        });
    }
    if !(chosen.basis.is_certain() || weekday_ok || restated) {
        basis = basis.and(&chosen.basis);
    }
    Some(ChosenDate {
        mention: chosen.clone(),
        date,
        basis,
    })
}

/// A date written this many times (running headers and footers) is the document's own.
const REPEATED: usize = 3;

/// The convocation (sending) date: a date named as the convocation's. Certain when written
/// in full right after its label.
pub fn choose_convocation(
    dates: &[DateMention],
    session: Option<&ChosenDate>,
) -> Option<ChosenDate> {
    let m = dates.iter().find(|m| {
        m.role == DateRole::Convocation
            && m.date.is_some()
            && session.is_none_or(|s| m.span != s.mention.span)
    })?;
    let date = m.date?;
    let mut basis = m.basis.clone();
    if m.year_inferred {
        basis = basis.and(&Basis::probable(
            "année de la convocation déduite de celle de la séance",
        ));
    }
    Some(ChosenDate {
        mention: m.clone(),
        date,
        basis,
    })
}

/// Words of the séance that change what applies.
pub fn mentions(t: &Text, from: usize, to: usize) -> Mentions {
    /// How far into a text its heading as a decision may stand (normalised bytes).
    const EXECUTIVE_HEADING: usize = 400;
    static URGENCY: Lexicon =
        Lexicon::new(|| Patterns::new(&["urgence", "en urgence", "d'urgence"]));
    static RULED: Lexicon = Lexicon::new(|| {
        Patterns::new(&[
            "se prononce sur l'urgence",
            "s'est prononce sur l'urgence",
            "se prononcer sur l'urgence",
            "reconnait l'urgence",
            "decide l'urgence",
            "approuve l'urgence",
            "adopte l'urgence",
            "accepte l'urgence",
            "vote l'urgence",
            "l'urgence est reconnue",
            "l'urgence est approuvee",
            "l'urgence est adoptee",
            "l'urgence a ete reconnue",
            "l'urgence a ete approuvee",
            "l'urgence a ete adoptee",
            "decide s'il y avait urgence",
        ])
    });
    static WAIVED: Lexicon = Lexicon::new(|| {
        Patterns::new(&[
            "sans condition de quorum",
            "deuxieme convocation",
            "seconde convocation",
            "nouvelle convocation",
            "a nouveau convoque",
            "quorum n'ayant pas ete atteint",
        ])
    });
    static COVID: Lexicon = Lexicon::new(|| {
        Patterns::new(&[
            "quorum est fixe au tiers",
            "quorum fixe au tiers",
            "tiers des membres",
            "tiers de ses membres",
            "2020-290",
            "2020-1379",
            "2021-160",
            "2021-689",
            "2021-1465",
            "2020-391",
            "2020-562",
            "deux pouvoirs",
            "etat d'urgence sanitaire",
        ])
    });
    static EXECUTIVE: Lexicon = Lexicon::new(|| {
        Patterns::new(&[
            "decision du maire",
            "decision de monsieur le maire",
            "decision de madame le maire",
            "decision municipale",
            "arrete du maire",
            "decision du president",
            "decision de monsieur le president",
            "decision de madame la presidente",
            "decision de la presidente",
        ])
    });
    static DELEGATION: Lexicon = Lexicon::new(|| {
        Patterns::new(&[
            "portant delegation",
            "delegation d'attributions",
            "delegation de pouvoirs",
            "delegation de competences",
            "delegations consenties",
            "delegation consentie",
            "l2122-22",
            "l 2122-22",
            "l5211-10",
            "l 5211-10",
        ])
    });
    let span = |h: Option<(usize, usize, usize)>| h.map(|(a, b, _)| t.span(a, b));
    let covid = COVID.get().find(t, from, to);
    // the heading only: a deliberation citing a decision is not one
    let executive = EXECUTIVE
        .get()
        .find(t, from, to.min(from + EXECUTIVE_HEADING))
        .map(|(a, b, k)| (t.span(a, b), k < 5));
    let mut m = Mentions {
        urgency: span(URGENCY.get().find(t, from, to)),
        urgency_ruled: span(RULED.get().find(t, from, to)),
        quorum_waived: span(WAIVED.get().find(t, from, to)),
        covid_regime: span(covid),
        // the first two patterns state the quorum itself
        covid_quorum_stated: covid.is_some_and(|h| h.2 < 2),
        executive_decision: executive,
        delegation: span(DELEGATION.get().find(t, from, to)),
        ..Mentions::default()
    };
    super::mentions::seance(t, from, to, &mut m);
    m
}

/// The certainty a chosen date gives (none when no date was chosen).
pub fn certainty(d: Option<&ChosenDate>) -> Certainty {
    d.map_or(Certainty::Guessed, |d| d.basis.certainty)
}

/// A person named after a label ("Président : Monsieur REBSAMEN", "sous la présidence de …").
/// Words introducing the president.
pub static PRESIDENT_KEYS: Lexicon = Lexicon::new(|| {
    Patterns::new(&[
        "sous la presidence de",
        "president :",
        "presidente :",
        "preside par",
        "presidee par",
        "presidence :",
    ])
});
/// Words introducing the secretary.
pub static SECRETARY_KEYS: Lexicon = Lexicon::new(|| {
    Patterns::new(&[
        "secretaire de seance :",
        "secretaire de seance:",
        "secretaire :",
        "secretaires de seance :",
        "secretaire de seance",
    ])
});

pub fn find_person(
    t: &Text,
    from: usize,
    to: usize,
    keys: &Lexicon,
) -> Option<(String, Span, usize, usize)> {
    let s = t.lower.as_bytes();
    let (_, b, _) = keys.get().find(t, from, to)?;
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
    let (a, mut e) = super::attendance::name_run(t, p, line_end)?;
    let mut q = a;
    while q < e {
        if q > a && super::attendance::stops_a_name(t, q) {
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
