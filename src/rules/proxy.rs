//! Proxy rules (PRX-*).

use super::*;
use crate::model::{ItemScope, KeyIndex, Member, NameKey, Status};
use crate::tally::Field;

/// Proxies per holder allowed on the séance date, and how sure that limit is.
fn max_proxies(cx: &Ctx) -> (u32, Option<&'static str>, Basis) {
    let session = cx.seance.session.as_ref();
    match session.map(|d| d.date).and_then(super::quorum::covid_regime) {
        Some(r) => (r.proxies_per_holder, Some(r.text), Basis::CERTAIN),
        None if session.is_none_or(|d| !d.basis.is_certain()) => (
            1,
            None,
            Basis::probable("la date de la séance n'est pas sûre : pendant les régimes dérogatoires de 2020 à 2022, deux pouvoirs étaient permis"),
        ),
        None => (1, None, Basis::CERTAIN),
    }
}

fn list_basis(ms: &[&Member]) -> Basis {
    if ms.iter().all(|m| m.reliable) {
        Basis::CERTAIN
    } else {
        Basis::guessed("liste partiellement illisible (colonnes mélangées par l'extraction)")
    }
}

pub static ONE_PER_HOLDER: RuleMeta = RuleMeta {
    code: "PRX-ONE-PER-HOLDER",
    title: "Un seul pouvoir par mandataire",
    category: Category::Proxy,
    severity: Severity::Error,
    legal_basis: "CGCT art. L2121-20",
    scope: Scope::Seance,
    doc: RuleDoc {
        what: "Compte les pouvoirs reçus par chaque mandataire : un seul est permis (deux pendant les régimes dérogatoires de la crise sanitaire).",
        why: "« Un même conseiller municipal ne peut être porteur que d'un seul pouvoir » : un second pouvoir est nul et la voix correspondante ne peut pas être comptée.",
        legal: "CGCT art. L2121-20 (communes, et EPCI par l'art. L5211-1) ; L3121-16 et L4132-15 (départements, régions).",
        example: "`Mme A. donne pouvoir à M. B. ; M. C. donne pouvoir à M. B.`",
        false_positives: "Pouvoirs limités à une partie de la séance (« à compter du point 79 », « jusqu'au point 64 ») qui ne se chevauchent pas ; variantes d'écriture d'un même nom.",
    },
};

pub struct OnePerHolder;
impl Rule for OnePerHolder {
    fn meta(&self) -> &'static RuleMeta {
        &ONE_PER_HOLDER
    }
    fn check(&self, cx: &Ctx, out: &mut Vec<Finding>) {
        let s = cx.seance;
        let (limit, regime, date_basis) = max_proxies(cx);
        let givers: Vec<&Member> = s
            .members
            .iter()
            .filter(|m| {
                m.status == Status::Represented
                    && m.movement.is_none()
                    && m.scope == ItemScope::Seance
                    && m.proxy_holder.is_some()
            })
            .collect();
        // grouped by holder, in text order, without a sort
        fn holder(m: &Member) -> &NameKey {
            &m.proxy_holder.as_ref().expect("givers have holders").key
        }
        let mut index = KeyIndex::new(givers.len());
        for (i, g) in givers.iter().enumerate() {
            index.add(holder(g), i);
        }
        let mut done = vec![false; givers.len()];
        let mut groups: Vec<Vec<&Member>> = Vec::new();
        for (i, g) in givers.iter().enumerate() {
            if done[i] {
                continue;
            }
            let same: Vec<usize> = index.same(holder(g), |j| holder(givers[j])).collect();
            for &j in &same {
                done[j] = true;
            }
            groups.push(same.into_iter().map(|j| givers[j]).collect());
        }
        for same in groups.into_iter().filter(|g| g.len() > 1) {
            let h = same[0].proxy_holder.as_ref().expect("givers have holders");
            let names: Vec<String> = same.iter().map(|g| g.name.clone()).collect();
            let mut spans: Vec<Span> = same.iter().map(|g| g.entry_span).collect();
            if same.len() as u32 <= limit {
                // Allowed by a derogatory regime in force on the séance date: say so.
                out.push(finding(
                    &ONE_PER_HOLDER,
                    Severity::Info,
                    format!(
                        "{} détient {} pouvoirs ({}) : permis à la date de la séance par le régime dérogatoire de la crise sanitaire ({}), qui autorisait deux pouvoirs par membre ; hors de ce régime, un seul pouvoir est permis (art. L2121-20).",
                        h.name,
                        same.len(),
                        names.join(", "),
                        regime.unwrap_or("régime dérogatoire")
                    ),
                    spans,
                    &[],
                ));
                continue;
            }
            spans.extend(
                same.iter()
                    .filter_map(|g| g.proxy_holder.as_ref().map(|h| h.span)),
            );
            let listed = list_basis(&same);
            let date = if same.len() == 2 {
                date_basis.clone()
            } else {
                Basis::CERTAIN
            };
            out.push(finding(
                &ONE_PER_HOLDER,
                Severity::Error,
                format!(
                    "{} détient {} pouvoirs ({}) alors qu'un conseiller ne peut en porter que {}.",
                    h.name,
                    same.len(),
                    names.join(", "),
                    limit
                ),
                spans,
                &[&listed, &date],
            ));
        }
    }
}

pub static HOLDER_PRESENT: RuleMeta = RuleMeta {
    code: "PRX-HOLDER-PRESENT",
    title: "Le mandataire est présent",
    category: Category::Proxy,
    severity: Severity::Error,
    legal_basis: "CGCT art. L2121-20",
    scope: Scope::Seance,
    doc: RuleDoc {
        what: "Vérifie que chaque mandataire est présent : un pouvoir confié à un membre absent, excusé ou lui-même représenté (chaîne de pouvoirs) ne peut pas être exercé.",
        why: "Le pouvoir permet à un collègue présent de voter au nom du mandant ; s'il est absent, la voix ne peut pas être comptée.",
        legal: "CGCT art. L2121-20 ; un pouvoir ne se délègue pas.",
        example: "`M. MARTIN donne pouvoir à Mme LEROY — Absents excusés : Mme LEROY, M. MARTIN`",
        false_positives: "Le mandataire qui part en cours de séance (le pouvoir devient inutilisable à partir de ce point). Un mandataire introuvable dans les listes (nom mal reconnu) ne donne lieu à aucun signalement.",
    },
};

pub struct HolderPresent;
impl Rule for HolderPresent {
    fn meta(&self) -> &'static RuleMeta {
        &HOLDER_PRESENT
    }
    fn check(&self, cx: &Ctx, out: &mut Vec<Finding>) {
        let s = cx.seance;
        let index = KeyIndex::of_members(&s.members);
        for g in s.members.iter().filter(|m| {
            m.status == Status::Represented && m.movement.is_none() && m.scope == ItemScope::Seance
        }) {
            let Some(hd) = &g.proxy_holder else { continue };
            let Some(h) = index.unique(&s.members, &hd.key) else {
                continue;
            };
            if h.movement.is_some()
                || h.scope != ItemScope::Seance
                || std::ptr::eq(h, g)
                || s.moved(&h.key)
            {
                continue;
            }
            let what = match h.status {
                Status::Present => continue,
                Status::Represented => "a lui-même donné procuration (pas de chaîne de pouvoirs)",
                Status::Excused => "est listé parmi les excusés",
                Status::Absent => "est listé parmi les absents",
            };
            out.push(finding(
                &HOLDER_PRESENT,
                Severity::Error,
                format!(
                    "{} a donné pouvoir à {}, qui {} : ce pouvoir ne peut pas être exercé.",
                    g.name, hd.name, what
                ),
                vec![g.entry_span, hd.span, h.span],
                &[&list_basis(&[g, h])],
            ));
        }
    }
}

pub static COUNT_MATCH: RuleMeta = RuleMeta {
    code: "PRX-COUNT-MATCH",
    title: "Nombre de procurations déclaré et pouvoirs listés",
    category: Category::Proxy,
    severity: Severity::Error,
    legal_basis: "CGCT art. L2121-15",
    scope: Scope::Seance,
    doc: RuleDoc {
        what: "Compare le nombre de procurations ou pouvoirs déclaré au nombre de membres représentés nommés avec leur mandataire.",
        why: "Le nombre de pouvoirs entre dans le nombre de votants ; s'il ne correspond pas à la liste, le décompte des voix est invérifiable.",
        legal: "CGCT art. L2121-15 (le procès-verbal nomme les membres représentés).",
        example: "`Pouvoirs : 3 — Mme A à M. B ; M. C à Mme D ; Mme E à M. F ; M. G à Mme H`",
        false_positives: "Pouvoirs listés pour la séance mais inutilisés pour un point (mandataire parti). Les listes illisibles ne sont pas comparées.",
    },
};

pub struct CountMatch;
impl Rule for CountMatch {
    fn meta(&self) -> &'static RuleMeta {
        &COUNT_MATCH
    }
    fn check(&self, cx: &Ctx, out: &mut Vec<Finding>) {
        let s = cx.seance;
        let Some(d) = cx.att.declared(|d| &d.proxies) else {
            return;
        };
        let Some(l) = &cx.att.listed else { return };
        if l.represented == 0
            && d.lo > 0
            && !s
                .lists
                .iter()
                .any(|x| x.kind != crate::model::ListKind::Present)
        {
            return; // no list of absents at all: nothing to compare
        }
        let (lo, hi) = (l.represented, l.represented + l.uncertain);
        if (lo..=hi).contains(&d.lo) {
            return;
        }
        let mut spans = d.spans.clone();
        spans.extend(
            l.represented_members
                .iter()
                .map(|&i| s.members[i].entry_span),
        );
        let listed = cx.att.list_basis(
            Field::Represented,
            "membres représentés comptés dans les listes",
        );
        out.push(finding(
            &COUNT_MATCH,
            Severity::Error,
            format!(
                "{} procurations déclarées, mais {} membres représentés sont nommés avec leur mandataire.",
                d.lo, lo
            ),
            spans,
            &[&d.basis, &listed],
        ));
    }
}

pub static HOLDER_ELIGIBLE: RuleMeta = RuleMeta {
    code: "PRX-HOLDER-ELIGIBLE",
    title: "Le mandataire est un autre membre de l'assemblée",
    category: Category::Proxy,
    severity: Severity::Error,
    legal_basis: "CGCT art. L2121-20",
    scope: Scope::Seance,
    doc: RuleDoc {
        what: "Le mandataire doit être un autre membre de l'assemblée : pas le mandant lui-même, ni un agent (directeur général des services, secrétaire de mairie).",
        why: "Le pouvoir est donné « à un conseiller municipal de son choix » : un non-membre ne peut pas voter.",
        legal: "CGCT art. L2121-20 ; L5211-6 (EPCI : tout autre conseiller communautaire) ; L3121-16, L4132-15.",
        example: "`M. X donne pouvoir à M. Y, directeur général des services`",
        false_positives: "Pour un EPCI, le pouvoir peut aller à un conseiller d'une autre commune membre.",
    },
};

pub struct HolderEligible;
impl Rule for HolderEligible {
    fn meta(&self) -> &'static RuleMeta {
        &HOLDER_ELIGIBLE
    }
    fn check(&self, cx: &Ctx, out: &mut Vec<Finding>) {
        let s = cx.seance;
        for g in s.members.iter().filter(|m| m.status == Status::Represented) {
            let Some(h) = &g.proxy_holder else { continue };
            let basis = list_basis(&[g]);
            if g.key == h.key {
                out.push(finding(
                    &HOLDER_ELIGIBLE,
                    Severity::Error,
                    format!(
                        "{} est indiqué comme ayant donné pouvoir à lui-même ({}).",
                        g.name, h.name
                    ),
                    vec![g.entry_span, h.span],
                    &[&basis],
                ));
                continue;
            }
            let Some(written) = &h.qualifier else {
                continue;
            };
            let q = crate::text::fold(written);
            const AGENTS: [&str; 4] = [
                "directeur general des services",
                "directrice generale des services",
                "secretaire de mairie",
                "dgs",
            ];
            if let Some(a) = AGENTS.iter().find(|a| q.starts_with(*a)) {
                let role: String = written.chars().take(a.chars().count()).collect();
                out.push(finding(
                    &HOLDER_ELIGIBLE,
                    Severity::Error,
                    format!("{} a donné pouvoir à {}, désigné comme {} : seul un membre de l'assemblée peut recevoir un pouvoir.", g.name, h.name, role),
                    vec![g.entry_span],
                    &[&basis],
                ));
            }
        }
    }
}

pub static VALIDITY: RuleMeta = RuleMeta {
    code: "PRX-VALIDITY",
    title: "Durée d'un pouvoir",
    category: Category::Proxy,
    severity: Severity::Warning,
    legal_basis: "CGCT art. L2121-20",
    scope: Scope::Seance,
    doc: RuleDoc {
        what: "Un pouvoir vaut pour une séance : au conseil municipal et dans les EPCI, il peut couvrir au plus trois séances consécutives (sauf maladie dûment constatée) ; au département et à la région, une seule réunion. Un « pouvoir permanent », « pour toute la durée du mandat » ou « pour toutes les séances » est signalé.",
        why: "Un pouvoir au-delà de sa durée légale ne vaut pas : les voix exprimées en son nom ne comptent pas, et le vote peut être faussé.",
        legal: "CGCT art. L2121-20 (trois séances consécutives au plus, toujours révocable) ; L3121-16 (« pour cette réunion ») ; L4132-15.",
        example: "`Mme Z a donné un pouvoir permanent à M. W pour les séances du premier semestre 2024.`",
        false_positives: "Un extrait donne rarement la date et la portée des pouvoirs : sans mention de durée, la règle ne dit rien. Une maladie dûment constatée permet de dépasser trois séances.",
    },
};

pub struct Validity;
impl Rule for Validity {
    fn meta(&self) -> &'static RuleMeta {
        &VALIDITY
    }
    fn check(&self, cx: &Ctx, out: &mut Vec<Finding>) {
        let Some(sp) = cx.seance.mentions.standing_proxy else {
            return;
        };
        let limit = match cx.seance.body {
            crate::model::BodyKind::ConseilDepartemental
            | crate::model::BodyKind::ConseilRegional
            | crate::model::BodyKind::CommissionPermanente => "une seule réunion",
            _ => "trois séances consécutives au plus, sauf maladie dûment constatée",
        };
        out.push(finding(
            &VALIDITY,
            Severity::Warning,
            format!("Le texte mentionne un pouvoir donné au-delà d'une séance : un pouvoir vaut pour {limit}."),
            vec![sp],
            &[],
        ));
    }
}
