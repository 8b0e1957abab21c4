//! What kind of document a text is: an extract, minutes, a list of deliberations, or not a
//! deliberation at all (an annex, an agenda, a report, a convocation letter, a press kit).
//!
//! A text is a deliberation when something deliberative was read in it: a vote result,
//! a declared count, an attendance list under a deliberative body, or the words of a
//! decision ("après en avoir délibéré"). A draft, a press kit or a convocation letter
//! announced at the top stays "not a deliberation" whatever it quotes.

use super::lexicon::NOT_DELIBERATION_MARKERS;
use super::scan::*;
use crate::model::{BodyKind, DocInfo, DocKind, Seance};
use crate::text::Text;

/// Markers that decide alone when they open the text (a draft, a letter, a press kit).
const DECISIVE_REACH: usize = 400;
/// Where the other markers count (a report's title and table of contents).
const MARKER_REACH: usize = 2500;
/// How far before a decision verb its assembly subject may stand (bytes).
const SUBJECT_REACH: usize = 80;

pub fn classify(t: &Text, seances: &[Seance]) -> DocInfo {
    let s = t.lower.as_bytes();
    static MARKERS: Lexicon = Lexicon::new(|| {
        let v: Vec<&str> = NOT_DELIBERATION_MARKERS.iter().map(|x| x.0).collect();
        Patterns::new(&v)
    });
    static DELIBERATED: Lexicon = Lexicon::new(|| {
        Patterns::new(&[
            "apres en avoir delibere",
            "apres avoir delibere",
            "apres en avoir debattu",
            "delibere",
            "decide",
            "decident",
            "adopte",
            "adoptee",
            "approuve",
            "prend acte",
        ])
    });
    static HEADERS: Lexicon = Lexicon::new(|| {
        Patterns::new(&[
            "extrait du registre",
            "extrait des deliberations",
            "registre des deliberations",
            "proces-verbal",
            "proces verbal",
            "compte rendu",
            "compte-rendu",
            "releve de decisions",
            "liste des deliberations",
        ])
    });
    let head = MARKER_REACH.min(t.len());
    let mut seen: Vec<String> = Vec::new();
    let mut decisive = false;
    for (a, _, k) in MARKERS.get().hits(t, 0, head) {
        let (word, phrase) = NOT_DELIBERATION_MARKERS[k];
        if word == "annexe" && a > DECISIVE_REACH {
            continue;
        }
        if !seen.iter().any(|p| p == phrase) {
            seen.push(phrase.to_string());
        }
        // a draft, a press kit, a letter, a neighbourhood meeting: whatever they quote
        decisive |= a < DECISIVE_REACH
            && matches!(
                word,
                "projet de deliberation"
                    | "projets de deliberation"
                    | "dossier de presse"
                    | "objet : convocation"
                    | "se reunira"
                    | "comite de quartier"
                    | "conseil de quartier"
                    | "vu pour etre annexe"
            );
    }
    // A table of contents: dotted leaders followed by page numbers.
    const LEADER: &[u8] = b"........";
    let leaders = memchr::memchr_iter(b'.', s)
        .take_while(|&p| p < head)
        .filter(|&p| s[p..].starts_with(LEADER))
        .count()
        > 3;
    if leaders
        && !seen
            .iter()
            .any(|p| p.contains("sommaire") || p.contains("table"))
    {
        seen.push("une table des matières".to_string());
    }
    let votes = seances
        .iter()
        .flat_map(|x| &x.items)
        .flat_map(|i| &i.votes)
        .filter(|v| v.numeric() || v.unanimous.is_some() || v.adopted.is_some())
        .count();
    let counts = seances.iter().any(|x| {
        x.declared.in_office.is_some()
            || x.declared.present.is_some()
            || x.declared.voters.is_some()
            || x.items
                .iter()
                .any(|i| i.declared.present.is_some() || i.declared.voters.is_some())
    });
    // attendance lists: of a named deliberative body, or any list of members present
    let listed = seances
        .iter()
        .any(|x| x.members.len() >= 3 && x.body != BodyKind::Unknown);
    let attendance_lists = seances
        .iter()
        .any(|x| x.has_list(crate::model::ListKind::Present) && !x.members.is_empty());
    // a decision in its form: "après en avoir délibéré", a verb in capitals ("DÉCIDE"), or
    // an assembly as its subject ("le Conseil municipal, à l'unanimité, approuve") — not
    // "l'agglomération a décidé" in a report
    let norm = t.norm.as_bytes();
    let cheap = votes > 0 || counts || listed || attendance_lists;
    let deliberated = !cheap
        && DELIBERATED
            .get()
            .hits(t, 0, t.len())
            .iter()
            .any(|&(a, b, k)| {
                let phrase = k < 3;
                let capitals = norm[a..b].iter().all(|c| !c.is_ascii_lowercase());
                let before = t.low(a.saturating_sub(SUBJECT_REACH), a);
                let clause = before.rsplit(". ").next().unwrap_or(before);
                let subject = [
                    "le conseil",
                    "le bureau",
                    "la commission permanente",
                    "le comite",
                    "l'assemblee",
                ]
                .iter()
                .any(|w| clause.contains(w));
                phrase || capitals || subject
            });
    // A séance header: a deliberative body, its séance date and its convocation.
    let header = seances.iter().any(|x| {
        x.body != BodyKind::Unknown
            && x.convocation.is_some()
            && x.session.as_ref().is_some_and(|d| {
                matches!(
                    d.mention.role,
                    crate::model::DateRole::Session | crate::model::DateRole::Meeting
                )
            })
    });
    // the document's title words in its head, searched once (the minutes check reads the
    // nearest of them)
    let header_hits = HEADERS.get().hits(t, 0, MARKER_REACH.min(t.len()));
    // the minutes of a séance of a named body, however little of them was cut
    let minutes = seances.iter().any(|x| x.body != BodyKind::Unknown)
        && header_hits
            .iter()
            .take_while(|h| h.0 < DECISIVE_REACH)
            .any(|h| {
                // a title, not an agenda item approving another séance's minutes
                let before = t.low(h.0.saturating_sub(SUBJECT_REACH), h.0);
                (3..=7).contains(&h.2)
                    && !before.contains("approbation")
                    && !before.contains("approuv")
            });
    let deliberative =
        votes > 0 || counts || listed || attendance_lists || deliberated || header || minutes;
    if !deliberative || (decisive && !counts && !listed) {
        let mut what = Vec::new();
        if !deliberative {
            what.push(
                "aucun effectif, aucun vote ni aucune formule de décision n'y a été lu".to_string(),
            );
        }
        what.extend(seen);
        return DocInfo {
            kind: DocKind::NotDeliberation,
            seen: what,
        };
    }
    let items: usize = seances.iter().map(|x| x.items.len()).sum();
    let attendance = counts || seances.iter().any(|x| !x.members.is_empty());
    // the document's own title words: in its head
    let headers = || header_hits.iter().map(|h| h.2);
    let kind = if headers().any(|h| h == 8) || (!attendance && items >= 3 && votes >= items) {
        DocKind::List
    } else if headers().any(|h| (3..=7).contains(&h)) || (items >= 3 && seances.len() == 1) {
        DocKind::Minutes
    } else {
        DocKind::Extract
    };
    DocInfo {
        kind,
        seen: Vec::new(),
    }
}
