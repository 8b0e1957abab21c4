//! Proxy rules (PRX-*).

use super::*;
use crate::model::{Member, NameMatch, Status};

/// The member a holder name designates, when exactly one matches.
fn resolve<'a>(
    members: &'a [Member],
    key: &crate::model::NameKey,
) -> Option<(&'a Member, NameMatch)> {
    let full: Vec<&Member> = members
        .iter()
        .filter(|m| m.key.relation(key) == NameMatch::Full)
        .collect();
    if full.len() == 1 {
        return Some((full[0], NameMatch::Full));
    }
    if !full.is_empty() {
        return None;
    }
    let partial: Vec<&Member> = members
        .iter()
        .filter(|m| m.key.relation(key) == NameMatch::Partial)
        .collect();
    if partial.len() == 1 {
        return Some((partial[0], NameMatch::Partial));
    }
    None
}

fn max_proxies(cx: &Ctx) -> u32 {
    cx.seance
        .session
        .as_ref()
        .and_then(|m| m.date)
        .and_then(super::quorum::covid_regime)
        .map(|r| r.proxies_per_holder)
        .unwrap_or(1)
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
        let limit = max_proxies(cx);
        let givers: Vec<&Member> = s
            .members
            .iter()
            .filter(|m| {
                m.status == Status::Represented && m.movement.is_none() && m.proxy_holder.is_some()
            })
            .collect();
        let mut done: Vec<usize> = Vec::new();
        for (i, g) in givers.iter().enumerate() {
            if done.contains(&i) {
                continue;
            }
            let hk = &g.proxy_holder.as_ref().unwrap().1;
            let same: Vec<usize> = (0..givers.len())
                .filter(|&j| {
                    givers[j].proxy_holder.as_ref().unwrap().1.relation(hk) == NameMatch::Full
                })
                .collect();
            done.extend(&same);
            if same.len() > 1 && same.len() as u32 <= limit {
                // Allowed by a derogatory regime in force on the séance date: say so.
                let holder = &g.proxy_holder.as_ref().unwrap().0;
                let names: Vec<String> = same.iter().map(|&j| givers[j].name.clone()).collect();
                let regime = cx
                    .seance
                    .session
                    .as_ref()
                    .and_then(|m| m.date)
                    .and_then(super::quorum::covid_regime);
                let text = regime.map(|r| r.text).unwrap_or("régime dérogatoire");
                out.push(finding(
                    &ONE_PER_HOLDER,
                    Severity::Info,
                    format!(
                        "{} détient {} pouvoirs ({}) : permis à la date de la séance par le régime dérogatoire de la crise sanitaire ({}), qui autorisait deux pouvoirs par membre ; hors de ce régime, un seul pouvoir est permis (art. L2121-20).",
                        holder,
                        same.len(),
                        names.join(", "),
                        text
                    ),
                    same.iter().map(|&j| givers[j].entry_span).collect(),
                ));
            }
            if same.len() as u32 > limit {
                let holder = &g.proxy_holder.as_ref().unwrap().0;
                let names: Vec<String> = same.iter().map(|&j| givers[j].name.clone()).collect();
                let mut spans: Vec<Span> = same.iter().map(|&j| givers[j].entry_span).collect();
                spans.extend(
                    same.iter()
                        .map(|&j| givers[j].proxy_holder.as_ref().unwrap().2),
                );
                out.push(finding(
                    &ONE_PER_HOLDER,
                    Severity::Error,
                    format!(
                        "{} détient {} pouvoirs ({}) alors qu'un conseiller ne peut en porter que {}.",
                        holder,
                        same.len(),
                        names.join(", "),
                        limit
                    ),
                    spans,
                ));
            }
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
        for g in s
            .members
            .iter()
            .filter(|m| m.status == Status::Represented && m.movement.is_none())
        {
            let Some((hname, hkey, hspan)) = &g.proxy_holder else {
                continue;
            };
            let Some((h, rel)) = resolve(&s.members, hkey) else {
                continue;
            };
            if rel != NameMatch::Full || h.movement.is_some() || std::ptr::eq(h, g) {
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
                    g.name, hname, what
                ),
                vec![g.entry_span, *hspan, h.span],
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
        let Some(d) = s.declared.proxies else { return };
        if !s.lists_reliable {
            return;
        }
        let listed: Vec<&Member> = s
            .members
            .iter()
            .filter(|m| m.status == Status::Represented)
            .collect();
        if listed.is_empty()
            && d.value > 0
            && !s
                .sections
                .iter()
                .any(|x| x.kind != crate::parse::members::SectionKind::Present)
        {
            return; // no list of absents at all: nothing to compare
        }
        let timed = listed.iter().filter(|m| m.movement.is_some()).count() as u32;
        let n = listed.len() as u32;
        if d.value == n || (d.value + timed >= n && d.value <= n) {
            return;
        }
        let mut spans = vec![d.span];
        spans.extend(listed.iter().map(|m| m.entry_span));
        out.push(finding(
            &COUNT_MATCH,
            Severity::Error,
            format!("{} procurations déclarées, mais {} membres représentés sont nommés avec leur mandataire.", d.value, n),
            spans,
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
            let Some((hname, hkey, hspan)) = &g.proxy_holder else {
                continue;
            };
            if g.key.relation(hkey) == NameMatch::Full {
                out.push(finding(
                    &HOLDER_ELIGIBLE,
                    Severity::Error,
                    format!(
                        "{} est indiqué comme ayant donné pouvoir à lui-même ({}).",
                        g.name, hname
                    ),
                    vec![g.entry_span, *hspan],
                ));
                continue;
            }
            let tail = crate::text::fold(cx.text.orig_slice(hspan.end, hspan.end + 60));
            let agent = [
                "directeur general des services",
                "directrice generale des services",
                "secretaire de mairie",
                "dgs",
            ];
            if let Some(a) = agent
                .iter()
                .find(|a| tail.trim_start_matches([',', ' ']).starts_with(*a))
            {
                out.push(finding(
                    &HOLDER_ELIGIBLE,
                    Severity::Error,
                    format!("{} a donné pouvoir à {}, désigné comme {} : seul un membre de l'assemblée peut recevoir un pouvoir.", g.name, hname, a),
                    vec![g.entry_span],
                ));
            }
        }
    }
}
