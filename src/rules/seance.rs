//! Conduct of the séance (SEANCE-*): the president and the secretary are members present.

use super::*;
use crate::model::{Member, NameMatch, Person, Status};

/// The one member a person designates (full name match, or a unique surname match).
fn member<'a>(members: &'a [Member], p: &Person) -> Option<&'a Member> {
    // (the first full match, how many; the first partial match, how many)
    let (mut full, mut nfull, mut partial, mut npartial) = (None, 0, None, 0);
    for m in members {
        match m.key.relation(&p.key) {
            NameMatch::Full => {
                full = full.or(Some(m));
                nfull += 1;
            }
            NameMatch::Partial => {
                partial = partial.or(Some(m));
                npartial += 1;
            }
            NameMatch::None => {}
        }
    }
    match (nfull, npartial) {
        (1, _) => full,
        (0, 1) => partial,
        _ => None,
    }
}

fn where_listed(m: &Member) -> &'static str {
    match m.status {
        Status::Present => "présent",
        Status::Represented => "parmi les représentés",
        Status::Excused => "parmi les excusés",
        Status::Absent => "parmi les absents",
    }
}

pub static SECRETARY: RuleMeta = RuleMeta {
    code: "SEANCE-SECRETARY",
    title: "Secrétaire de séance présent",
    category: Category::Other,
    severity: Severity::Warning,
    legal_basis: "CGCT art. L2121-15",
    scope: Scope::Seance,
    doc: RuleDoc {
        what: "Le secrétaire de séance, nommé par l'assemblée parmi ses membres, doit être présent : il ne peut pas figurer parmi les absents, excusés ou représentés.",
        why: "Le secrétaire signe les délibérations avec le président ; un secrétaire absent signale une erreur de nom ou de liste.",
        legal: "CGCT art. L2121-15 al. 1 (le conseil nomme un ou plusieurs de ses membres pour remplir les fonctions de secrétaire) ; L2121-23 (signatures).",
        example: "`Secrétaire de séance : Mme MARTIN. — Absents excusés : Mme MARTIN (pouvoir à M. DURAND).`",
        false_positives: "Homonymes ; secrétaire arrivé en cours de séance. Un auxiliaire non élu (DGS) peut assister le secrétaire sans l'être : avertissement seulement.",
    },
};

pub struct Secretary;
impl Rule for Secretary {
    fn meta(&self) -> &'static RuleMeta {
        &SECRETARY
    }
    fn check(&self, cx: &Ctx, out: &mut Vec<Finding>) {
        let s = cx.seance;
        let Some(p) = &s.secretary else { return };
        let Some(m) = member(&s.members, p) else {
            return;
        };
        if m.status != Status::Present
            && m.movement.is_none()
            && m.scope == crate::model::ItemScope::Seance
        {
            let basis = if m.reliable {
                Basis::CERTAIN
            } else {
                Basis::guessed(
                    "liste partiellement illisible (colonnes mélangées par l'extraction)",
                )
            };
            out.push(finding(
                &SECRETARY,
                Severity::Warning,
                format!(
                    "Le secrétaire de séance, {}, est listé {} : il doit être un membre présent.",
                    p.name,
                    where_listed(m)
                ),
                vec![p.span, m.entry_span],
                &[&basis],
            ));
        }
    }
}

pub static PRESIDENT: RuleMeta = RuleMeta {
    code: "SEANCE-PRESIDENT",
    title: "Président de séance présent",
    category: Category::Other,
    severity: Severity::Error,
    legal_basis: "CGCT art. L2121-14",
    scope: Scope::Seance,
    doc: RuleDoc {
        what: "Le président de séance (« sous la présidence de … ») doit être présent : il ne peut pas figurer parmi les absents, excusés ou représentés.",
        why: "Une séance présidée par un absent est impossible : le nom du président ou les listes sont faux.",
        legal: "CGCT art. L2121-14 al. 1 (le conseil est présidé par le maire et, à défaut, par celui qui le remplace) ; L5211-1 et L5211-9 pour les EPCI.",
        example: "`sous la présidence de M. Jacques DURAND, Maire — Absents : M. Jacques DURAND`",
        false_positives: "Président absent pour un seul point (compte administratif, intérêt personnel) avec un mouvement mentionné ; homonymes.",
    },
};

pub struct President;
impl Rule for President {
    fn meta(&self) -> &'static RuleMeta {
        &PRESIDENT
    }
    fn check(&self, cx: &Ctx, out: &mut Vec<Finding>) {
        let s = cx.seance;
        let Some(p) = &s.president else { return };
        let Some(m) = member(&s.members, p) else {
            return;
        };
        if m.status != Status::Present
            && m.movement.is_none()
            && m.scope == crate::model::ItemScope::Seance
            && !s.has_movements()
        {
            let mut basis = if m.reliable {
                Basis::CERTAIN
            } else {
                Basis::guessed(
                    "liste partiellement illisible (colonnes mélangées par l'extraction)",
                )
            };
            if m.key.relation(&p.key) != NameMatch::Full {
                basis = basis.and(&Basis::probable(
                    "nom du président écrit autrement que dans la liste",
                ));
            }
            out.push(finding(
                &PRESIDENT,
                Severity::Error,
                format!(
                    "Le président de séance, {}, est listé {}.",
                    p.name,
                    where_listed(m)
                ),
                vec![p.span, m.entry_span],
                &[&basis],
            ));
        }
    }
}
