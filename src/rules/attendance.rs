//! Attendance rules (ATT-*): counts against names, P + R + A = E, one status per member.

use super::*;
use crate::model::{NameMatch, Status};
use crate::parse::members::SectionKind;
use crate::parse::Seance;

/// A count known as a range (names may or may not include the president).
#[derive(Debug, Clone)]
pub struct Count {
    pub lo: u32,
    pub hi: u32,
    pub spans: Vec<Span>,
    pub declared: bool,
}

impl Count {
    pub fn exact(n: u32, span: Span) -> Count {
        Count {
            lo: n,
            hi: n,
            spans: vec![span],
            declared: true,
        }
    }
    pub fn show(&self) -> String {
        if self.lo == self.hi {
            self.lo.to_string()
        } else {
            format!("{} à {}", self.lo, self.hi)
        }
    }
}

fn section_spans(s: &Seance, kind: SectionKind) -> Vec<Span> {
    s.sections
        .iter()
        .filter(|x| x.kind == kind)
        .map(|x| x.label_span)
        .collect()
}

/// Whether the president is named among the members.
fn president_listed(s: &Seance) -> bool {
    match &s.president {
        None => true,
        Some(p) => s
            .members
            .iter()
            .any(|m| m.key.relation(&p.key) != NameMatch::None),
    }
}

/// Présents: declared, else counted in a reliable list (+1 if the president is not in it).
pub fn present(s: &Seance) -> Option<Count> {
    if let Some(d) = s.declared.present {
        return Some(Count::exact(d.value, d.span));
    }
    if s.lists_reliable && s.has_section(SectionKind::Present) {
        let n = s.count_status(Status::Present) as u32;
        let hi = if president_listed(s) { n } else { n + 1 };
        return Some(Count {
            lo: n,
            hi,
            spans: section_spans(s, SectionKind::Present),
            declared: false,
        });
    }
    None
}

/// Représentés: declared proxies, else members represented in reliable lists.
pub fn represented(s: &Seance) -> Option<Count> {
    if let Some(d) = s.declared.proxies {
        return Some(Count::exact(d.value, d.span));
    }
    if s.lists_reliable && s.has_section(SectionKind::Present) {
        let n = s.count_status(Status::Represented) as u32;
        let spans = s
            .members
            .iter()
            .filter(|m| m.status == Status::Represented)
            .map(|m| m.entry_span)
            .collect();
        return Some(Count {
            lo: n,
            hi: n,
            spans,
            declared: false,
        });
    }
    None
}

pub static PRESENT_COUNT: RuleMeta = RuleMeta {
    code: "ATT-PRESENT-COUNT",
    title: "Nombre de présents déclaré et noms listés",
    category: Category::Attendance,
    severity: Severity::Error,
    legal_basis: "CGCT art. L2121-15 et R2121-9",
    scope: Scope::Seance,
    doc: RuleDoc {
        what: "Compare chaque effectif déclaré (« Présents : 34 », « Excusés : 3 », « Absents : 2 ») au nombre de noms de la liste correspondante.",
        why: "Le procès-verbal doit nommer les membres présents ou représentés ; un effectif qui ne correspond pas à la liste rend le quorum et les votes invérifiables.",
        legal: "CGCT art. L2121-15 (le procès-verbal mentionne les noms des membres présents ou représentés) ; art. R2121-9 (liste des membres présents).",
        example: "`Nombre de présents : 35` alors que la liste « Membres présents » compte 34 noms.",
        false_positives: "Le président, nommé dans « sous la présidence de … » et absent de la liste, est compté une fois. Les arrivées et départs en cours de séance (« à partir de 20h58 ») sont admis. Les listes illisibles (colonnes mélangées par l'extraction PDF) ne sont pas comparées.",
    },
};

pub struct PresentCount;
impl Rule for PresentCount {
    fn meta(&self) -> &'static RuleMeta {
        &PRESENT_COUNT
    }
    fn check(&self, cx: &Ctx, out: &mut Vec<Finding>) {
        let s = cx.seance;
        if !s.lists_reliable {
            return;
        }
        if let (Some(d), true) = (s.declared.present, s.has_section(SectionKind::Present)) {
            let all = s.count_status(Status::Present) as u32;
            let moving = s
                .members
                .iter()
                .filter(|m| m.status == Status::Present && m.movement.is_some())
                .count() as u32;
            let allow = if president_listed(s) { 0 } else { 1 };
            let ok = [all, all - moving, all + allow, all - moving + allow].contains(&d.value);
            if !ok {
                let mut spans = vec![d.span];
                spans.extend(section_spans(s, SectionKind::Present));
                let extra = if allow == 1 {
                    format!(" (ou {} en comptant le président de séance)", all + 1)
                } else {
                    String::new()
                };
                out.push(finding(
                    &PRESENT_COUNT,
                    Severity::Error,
                    format!(
                        "Le nombre de présents déclaré ({}) ne correspond pas aux {} noms de la liste des présents{}.",
                        d.value, all, extra
                    ),
                    spans,
                ));
            }
        }
        // Excusés and absents: the count may or may not include those who gave a proxy.
        for (decl, kind, label) in [
            (s.declared.excused, SectionKind::Excused, "excusés"),
            (s.declared.absent, SectionKind::Absent, "absents"),
        ] {
            let Some(d) = decl else { continue };
            if !s.has_section(kind) {
                continue;
            }
            let entries = s.section_count(kind) as u32;
            let ex = s.count_status(Status::Excused) as u32;
            let ab = s.count_status(Status::Absent) as u32;
            let re = s.count_status(Status::Represented) as u32;
            let own = if kind == SectionKind::Excused { ex } else { ab };
            let moving = s
                .members
                .iter()
                .filter(|m| m.status != Status::Present && m.movement.is_some())
                .count() as u32;
            let base = [entries, own, own + re, ex + ab, ex + ab + re];
            let ok = base
                .iter()
                .any(|&c| c == d.value || (d.value < c && d.value + moving >= c));
            if !ok {
                let mut spans = vec![d.span];
                spans.extend(section_spans(s, kind));
                out.push(finding(
                    &PRESENT_COUNT,
                    Severity::Error,
                    format!(
                        "Le nombre d'{} déclaré ({}) ne correspond pas aux {} noms de la liste des {}.",
                        if label == "excusés" { "excusés" } else { "absents" },
                        d.value,
                        entries,
                        label
                    ),
                    spans,
                ));
            }
        }
    }
}

pub static BALANCE: RuleMeta = RuleMeta {
    code: "ATT-BALANCE",
    title: "Présents + représentés + absents = membres en exercice",
    category: Category::Attendance,
    severity: Severity::Error,
    legal_basis: "CGCT art. L2121-17 et L2121-15",
    scope: Scope::Seance,
    doc: RuleDoc {
        what: "Vérifie que présents + représentés + absents (excusés ou non) = membres en exercice. Erreur si la somme dépasse l'effectif en exercice ; avertissement si elle est inférieure.",
        why: "Chaque membre en exercice a exactement un statut. Une somme trop grande signifie qu'un membre est compté deux fois ou que l'effectif en exercice est faux.",
        legal: "CGCT art. L2121-17 (membres en exercice) ; art. L2121-15 (contenu du procès-verbal).",
        example: "`Conseillers en exercice : 23 — Présents : 17 — Représentés : 3 — Absents : 4` (17 + 3 + 4 = 24 > 23).",
        false_positives: "Un membre excusé qui a donné pouvoir apparaît souvent à la fois parmi les excusés et les représentés : les deux lectures sont essayées. Certains modèles omettent les absents non excusés : un manque n'est qu'un avertissement.",
    },
};

pub struct Balance;
impl Rule for Balance {
    fn meta(&self) -> &'static RuleMeta {
        &BALANCE
    }
    fn check(&self, cx: &Ctx, out: &mut Vec<Finding>) {
        let s = cx.seance;
        let Some(e) = s.declared.in_office else {
            return;
        };
        let Some(p) = present(s) else { return };
        let Some(r) = represented(s) else { return };
        let decl_ax: Option<u32> = match (s.declared.absent, s.declared.excused) {
            (None, None) => None,
            (a, x) => Some(a.map(|c| c.value).unwrap_or(0) + x.map(|c| c.value).unwrap_or(0)),
        };
        let names_ax: Option<u32> = if s.lists_reliable && s.has_section(SectionKind::Present) {
            Some((s.count_status(Status::Absent) + s.count_status(Status::Excused)) as u32)
        } else {
            None
        };
        // Candidate totals as (lo, hi, description of absents)
        let mut cands: Vec<(u32, u32, u32)> = Vec::new();
        if let Some(ax) = names_ax {
            cands.push((p.lo + r.lo + ax, p.hi + r.hi + ax, ax));
        }
        if let Some(ax) = decl_ax {
            cands.push((p.lo + r.lo + ax, p.hi + r.hi + ax, ax));
            let overlap_ax = ax.saturating_sub(r.lo);
            cands.push((p.lo + r.lo + overlap_ax, p.hi + r.hi.max(ax), overlap_ax));
        }
        let have_absents = !cands.is_empty();
        if cands.is_empty() {
            cands.push((p.lo + r.lo, p.hi + r.hi, 0));
        }
        let ev = e.value;
        if cands.iter().any(|&(lo, hi, _)| lo <= ev && ev <= hi) {
            return;
        }
        let mut spans = vec![e.span];
        spans.extend(p.spans.iter().copied().take(3));
        if r.declared {
            spans.extend(r.spans.iter().copied());
        }
        if let Some(a) = s.declared.absent {
            spans.push(a.span);
        }
        if let Some(x) = s.declared.excused {
            spans.push(x.span);
        }
        let min_lo = cands.iter().map(|c| c.0).min().unwrap_or(0);
        let max_hi = cands.iter().map(|c| c.1).max().unwrap_or(0);
        let (_, _, ax) = cands[0];
        let absents = if have_absents {
            format!(" + {ax} absents ou excusés")
        } else {
            String::new()
        };
        if min_lo > ev {
            out.push(finding(
                &BALANCE,
                Severity::Error,
                format!(
                    "{} présents + {} représentés{} = {} membres, soit plus que les {} membres en exercice déclarés.",
                    p.show(),
                    r.show(),
                    absents,
                    min_lo,
                    ev
                ),
                spans,
            ));
        } else if have_absents && max_hi < ev {
            out.push(finding(
                &BALANCE,
                Severity::Warning,
                format!(
                    "Présents ({}), représentés ({}) et absents ou excusés ({}) totalisent {} membres au plus, pour {} membres en exercice : {} membre(s) ne sont pas mentionnés.",
                    p.show(),
                    r.show(),
                    ax,
                    max_hi,
                    ev,
                    ev - max_hi
                ),
                spans,
            ));
        } else if have_absents {
            // One reading exceeds E, the other falls short: the counts disagree either way,
            // but which one is wrong depends on whether the absents include the represented.
            out.push(finding(
                &BALANCE,
                Severity::Warning,
                format!(
                    "Les effectifs ne font pas les {} membres en exercice : {} présents + {} représentés{} = {} ; et si les absents comprennent les représentés, le total n'est que de {}.",
                    ev,
                    p.show(),
                    r.show(),
                    absents,
                    max_hi,
                    min_lo
                ),
                spans,
            ));
        }
    }
}

pub static STATUS_CONFLICT: RuleMeta = RuleMeta {
    code: "ATT-STATUS-CONFLICT",
    title: "Un membre, un seul statut",
    category: Category::Attendance,
    severity: Severity::Error,
    legal_basis: "CGCT art. L2121-20",
    scope: Scope::Seance,
    doc: RuleDoc {
        what: "Signale un membre nommé à la fois parmi les présents et parmi les absents, excusés ou représentés, sans arrivée ni départ mentionné entre les deux.",
        why: "Un conseiller présent vote lui-même : il ne peut pas être en même temps absent ou représenté. Le compter deux fois fausse le quorum et le décompte des voix.",
        legal: "CGCT art. L2121-20 : seul le conseiller « empêché d'assister à une séance » peut donner pouvoir.",
        example: "`Présents : … M. Paul LEROY … — Pouvoirs : M. Paul LEROY à Mme BLANC`",
        false_positives: "Homonymes (père et fils) ; arrivées et départs (« à compter du point 3 ») ; un nom incomplet (nom de famille seul) ne donne qu'un avertissement.",
    },
};

pub struct StatusConflict;
impl Rule for StatusConflict {
    fn meta(&self) -> &'static RuleMeta {
        &STATUS_CONFLICT
    }
    fn check(&self, cx: &Ctx, out: &mut Vec<Finding>) {
        let s = cx.seance;
        if !s.lists_reliable {
            return;
        }
        let presents: Vec<&crate::model::Member> = s
            .members
            .iter()
            .filter(|m| m.status == Status::Present && m.movement.is_none())
            .collect();
        for m in s
            .members
            .iter()
            .filter(|m| m.status != Status::Present && m.movement.is_none())
        {
            let matches: Vec<(&&crate::model::Member, NameMatch)> = presents
                .iter()
                .map(|p| (p, p.key.relation(&m.key)))
                .filter(|(_, r)| *r != NameMatch::None)
                .collect();
            if matches.len() != 1 {
                continue;
            }
            let (p, rel) = matches[0];
            // A partial match on a single common token (a first name) is too weak.
            if rel == NameMatch::Partial && p.key.0.len().min(m.key.0.len()) < 1 {
                continue;
            }
            let other = match (&m.status, &m.proxy_holder) {
                (Status::Represented, Some(h)) => {
                    format!("parmi les représentés (procuration à {})", h.0)
                }
                (Status::Represented, None) => "parmi les représentés".to_string(),
                (Status::Excused, _) => "parmi les excusés".to_string(),
                _ => "parmi les absents".to_string(),
            };
            let moved = s.moves_near(cx.text, &m.key);
            let (sev, msg) = if rel == NameMatch::Full && !moved {
                (
                    Severity::Error,
                    format!("{} figure à la fois parmi les présents et {}, sans arrivée ni départ mentionné.", m.name, other),
                )
            } else {
                (
                    Severity::Warning,
                    format!(
                        "« {} » (présent) et « {} » ({}) désignent probablement la même personne : elle serait alors comptée deux fois{}.",
                        p.name,
                        m.name,
                        other.trim_start_matches("parmi les "),
                        if moved { ", sauf si le mouvement mentionné près de ce nom l'explique" } else { "" }
                    ),
                )
            };
            out.push(finding(
                &STATUS_CONFLICT,
                sev,
                msg,
                vec![p.span, m.entry_span],
            ));
        }
        // A member listed as present who gives a proxy himself.
        for m in s
            .members
            .iter()
            .filter(|m| m.status == Status::Present && m.movement.is_none())
        {
            if let Some(h) = &m.proxy_holder {
                out.push(finding(
                    &STATUS_CONFLICT,
                    Severity::Error,
                    format!("{} est listé parmi les présents mais donne procuration à {}, sans départ mentionné.", m.name, h.0),
                    vec![m.entry_span],
                ));
            }
        }
    }
}

/// CGCT L2121-2: statutory council size by population.
pub fn statutory_seats(pop: u32) -> u32 {
    const T: &[(u32, u32)] = &[
        (100, 7),
        (500, 11),
        (1_500, 15),
        (2_500, 19),
        (3_500, 23),
        (5_000, 27),
        (10_000, 29),
        (20_000, 33),
        (30_000, 35),
        (40_000, 39),
        (50_000, 43),
        (60_000, 45),
        (80_000, 49),
        (100_000, 53),
        (150_000, 55),
        (200_000, 59),
        (250_000, 61),
        (300_000, 65),
    ];
    T.iter()
        .find(|(lim, _)| pop < *lim)
        .map(|t| t.1)
        .unwrap_or(69)
}

pub static INOFFICE_SEATS: RuleMeta = RuleMeta {
    code: "ATT-INOFFICE-SEATS",
    title: "Membres en exercice et sièges",
    category: Category::Attendance,
    severity: Severity::Error,
    legal_basis: "CGCT art. L2121-2 et L2121-2-1",
    scope: Scope::Seance,
    doc: RuleDoc {
        what: "Le nombre de membres en exercice ne peut pas dépasser le nombre de sièges (déclaré, ou donné par le tableau de l'article L2121-2 pour un conseil municipal dont la population est indiquée). Un effectif inférieur est signalé pour information (sièges vacants).",
        why: "Plus de membres en exercice que de sièges est impossible : l'un des deux nombres est faux, et le quorum en dépend.",
        legal: "CGCT art. L2121-2 (effectif du conseil municipal selon la population) ; art. L2121-2-1 (conseil réputé complet).",
        example: "`Commune de Saint-X (2 800 habitants) — Nombre de conseillers en exercice : 27` (23 sièges pour 2 500 à 3 499 habitants).",
        false_positives: "Communes nouvelles en période transitoire (effectif plus large) ; la population à retenir est celle authentifiée au dernier renouvellement.",
    },
};

pub struct InOfficeSeats;
impl Rule for InOfficeSeats {
    fn meta(&self) -> &'static RuleMeta {
        &INOFFICE_SEATS
    }
    fn check(&self, cx: &Ctx, out: &mut Vec<Finding>) {
        let s = cx.seance;
        let Some(e) = s.declared.in_office else {
            return;
        };
        if let Some(seats) = s.declared.seats {
            if e.value > seats.value {
                out.push(finding(
                    &INOFFICE_SEATS,
                    Severity::Error,
                    format!("{} membres en exercice déclarés pour {} sièges : il ne peut y avoir plus de membres en exercice que de sièges.", e.value, seats.value),
                    vec![e.span, seats.span],
                ));
            }
            return;
        }
        if s.body != BodyKindAlias::ConseilMunicipal {
            return;
        }
        let Some(pop) = cx.opts.population else {
            return;
        };
        let seats = statutory_seats(pop);
        if e.value > seats {
            out.push(finding(
                &INOFFICE_SEATS,
                Severity::Error,
                format!("{} membres en exercice, alors qu'une commune de {} habitants a {} sièges (art. L2121-2).", e.value, pop, seats),
                vec![e.span],
            ));
        } else if e.value < seats {
            out.push(finding(
                &INOFFICE_SEATS,
                Severity::Info,
                format!("{} membres en exercice pour {} sièges (commune de {} habitants) : sièges vacants ou conseil réputé complet (art. L2121-2-1).", e.value, seats, pop),
                vec![e.span],
            ));
        }
    }
}

use crate::model::BodyKind as BodyKindAlias;

pub static VOTANTS: RuleMeta = RuleMeta {
    code: "ATT-VOTANTS",
    title: "Votants = présents + représentés",
    category: Category::Attendance,
    severity: Severity::Error,
    legal_basis: "CGCT art. L2121-20",
    scope: Scope::Seance,
    doc: RuleDoc {
        what: "Compare le nombre de votants déclaré (« Votants », « ayant pris part au vote ») à présents + procurations, en admettant que les membres ne prenant pas part au vote soient exclus.",
        why: "Chaque présent vote pour lui-même et, s'il détient un pouvoir, une seconde fois pour son mandant. Un écart signifie une erreur de décompte ou un mouvement non mentionné.",
        legal: "CGCT art. L2121-20 al. 1.",
        example: "`Présents : 18 — Pouvoirs : 4 — Votants : 23`",
        false_positives: "Certains modèles appellent « votants » les seuls suffrages exprimés ; un pouvoir dont le porteur est parti n'est plus utilisable. Quand la séance mentionne des mouvements, l'écart n'est qu'un avertissement.",
    },
};

pub struct Votants;
impl Rule for Votants {
    fn meta(&self) -> &'static RuleMeta {
        &VOTANTS
    }
    fn check(&self, cx: &Ctx, out: &mut Vec<Finding>) {
        let s = cx.seance;
        let Some(v) = s.declared.voters else { return };
        let Some(p) = present(s) else { return };
        let Some(r) = represented(s) else { return };
        let nppv: u32 = s
            .deliberations
            .first()
            .and_then(|d| d.votes.iter().find_map(|v| v.not_voting.map(|x| x.0)))
            .unwrap_or(0);
        // Some templates call "votants" the suffrages exprimés (pour + contre).
        let exprimes = s.deliberations.iter().flat_map(|d| &d.votes).any(|vt| {
            vt.pour.is_some()
                && vt.pour.map(|x| x.0).unwrap_or(0) + vt.contre.map(|x| x.0).unwrap_or(0)
                    == v.value
        });
        if exprimes {
            return;
        }
        let lo = p.lo + r.lo;
        let hi = p.hi + r.hi;
        if (lo..=hi).contains(&v.value)
            || (lo.saturating_sub(nppv)..=hi.saturating_sub(nppv)).contains(&v.value)
        {
            return;
        }
        let sev = if s.movements {
            Severity::Warning
        } else {
            Severity::Error
        };
        let mut spans = vec![v.span];
        spans.extend(p.spans.iter().copied().take(2));
        if r.declared {
            spans.extend(r.spans.iter().copied());
        }
        out.push(finding(
            &VOTANTS,
            sev,
            format!(
                "{} votants déclarés, alors que {} présents + {} représentés = {} votants{}.",
                v.value,
                p.show(),
                r.show(),
                if lo == hi {
                    lo.to_string()
                } else {
                    format!("{lo} à {hi}")
                },
                if s.movements {
                    " (des mouvements en cours de séance peuvent l'expliquer)"
                } else {
                    ""
                }
            ),
            spans,
        ));
    }
}
