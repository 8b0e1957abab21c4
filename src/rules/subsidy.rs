//! Subsidy rules (SUB-*).

use super::*;

/// The threshold above which a subsidy to a private body needs a convention (décret
/// n° 2001-495, art. 1), in cents.
const CONVENTION_THRESHOLD: i128 = 23_000 * 100;

use super::amount::euros;

pub static CONVENTION_23K: RuleMeta = RuleMeta {
    code: "SUB-CONVENTION-23K",
    title: "Convention pour une subvention de plus de 23 000 €",
    category: Category::Amount,
    severity: Severity::Warning,
    legal_basis: "Loi n° 2000-321 art. 10 ; décret n° 2001-495 art. 1",
    scope: Scope::Deliberation,
    doc: RuleDoc {
        what: "Une subvention de plus de 23 000 € (strictement) à un organisme de droit privé (association, fondation, société) s'accompagne d'une convention qui en définit l'objet, le montant, les modalités de versement et les conditions d'utilisation : la délibération l'approuve ou autorise sa signature.",
        why: "Sans convention, le versement d'une subvention de ce montant est irrégulier et le comptable public peut le refuser ; c'est aussi ce que vérifie le contrôle de légalité.",
        legal: "Loi n° 2000-321 du 12 avril 2000, art. 10 ; décret n° 2001-495 du 6 juin 2001, art. 1 (seuil de 23 000 €). Exemption : organismes de logement social (CCH livre III).",
        example: "`Article 1 : attribue une subvention de fonctionnement de 30 000 € à l'association « Les Amis du Musée ». Article 2 : la dépense sera imputée au chapitre 65.`",
        false_positives: "Le seuil est annuel et par bénéficiaire : deux délibérations de 15 000 € la même année en demandent une (le texte n'en montre qu'une) ; une convention signée antérieurement (pluriannuelle) peut ne pas être citée ; exactement 23 000 € ne dépasse pas le seuil. Quand la forme juridique du bénéficiaire n'est pas écrite, le constat n'est qu'une information.",
    },
};

pub struct Convention23k;
impl Rule for Convention23k {
    fn meta(&self) -> &'static RuleMeta {
        &CONVENTION_23K
    }
    fn check(&self, cx: &Ctx, out: &mut Vec<Finding>) {
        for sub in &cx.item.subsidies {
            if sub.cents <= CONVENTION_THRESHOLD || sub.convention.is_some() {
                continue;
            }
            let form = match sub.legal_form {
                Some(f) if !f.private() => continue,
                Some(_) => Basis::CERTAIN,
                None => Basis::guessed(
                    "la forme juridique du bénéficiaire n'est pas écrite (la règle vise les organismes de droit privé)",
                ),
            };
            let who = sub
                .beneficiary
                .as_deref()
                .map(|b| format!(" à {b}"))
                .unwrap_or_default();
            let what = sub
                .legal_form
                .map(|f| format!(" ({})", f.french()))
                .unwrap_or_default();
            out.push(finding(
                &CONVENTION_23K,
                Severity::Warning,
                format!(
                    "Subvention de {}{}{} : plus de 23 000 € à un organisme de droit privé, mais aucune convention n'est approuvée ni sa signature autorisée.",
                    euros(sub.cents),
                    who,
                    what
                ),
                vec![sub.amount_span, sub.span],
                &[&sub.basis, &form],
            ));
        }
    }
}

pub static BENEFICIARY_ID: RuleMeta = RuleMeta {
    code: "SUB-BENEFICIARY-ID",
    title: "Identifiants du bénéficiaire d'une subvention",
    category: Category::Amount,
    severity: Severity::Warning,
    legal_basis: "Loi du 1er juillet 1901, art. 5 et 6",
    scope: Scope::Deliberation,
    doc: RuleDoc {
        what: "Le SIRET (14 chiffres) ou le SIREN (9 chiffres) écrit pour le bénéficiaire d'une subvention a le bon nombre de chiffres et une clé de Luhn juste (les SIRET de La Poste, SIREN 356 000 000, suivent une autre règle) ; un numéro RNA a la forme W suivi de 9 caractères (point à confirmer).",
        why: "Un identifiant faux désigne un autre organisme ou aucun : le versement et la publication des données (SCDL) en dépendent.",
        legal: "Loi du 1er juillet 1901, art. 5 (déclaration) et 6 (capacité des associations déclarées), point à confirmer ; en Alsace-Moselle, code civil local art. 21 à 79-III. Le SIREN compte 8 chiffres et une clé de Luhn (répertoire SIRENE) ; le format RNA (W suivi de 9 caractères) est à confirmer.",
        example: "`… à l'association « Les Amis du Musée » (RNA W21200123, SIRET 123 456 789 00012)` (le RNA n'a que 8 caractères après W).",
        false_positives: "Un ancien numéro de récépissé de préfecture à la place du RNA ; un SIRET coupé par la mise en page.",
    },
};

pub struct BeneficiaryId;
impl Rule for BeneficiaryId {
    fn meta(&self) -> &'static RuleMeta {
        &BENEFICIARY_ID
    }
    fn check(&self, cx: &Ctx, out: &mut Vec<Finding>) {
        for sub in &cx.item.subsidies {
            if let Some((digits, span)) = &sub.siret {
                let problem = match digits.len() {
                    9 | 14 if crate::parse::subsidies::luhn_ok(digits) => None,
                    9 | 14 => Some(format!(
                        "Le numéro {} ({} chiffres) n'a pas une clé de contrôle valide : il ne peut pas identifier un organisme.",
                        digits,
                        digits.len()
                    )),
                    n => Some(format!(
                        "Le numéro {digits} a {n} chiffres : un SIREN en a 9, un SIRET 14."
                    )),
                };
                if let Some(msg) = problem {
                    out.push(finding(
                        &BENEFICIARY_ID,
                        Severity::Warning,
                        msg,
                        vec![*span],
                        &[&sub.basis],
                    ));
                }
            }
            if let Some((rna, span)) = &sub.rna {
                let ok = rna.len() == 10
                    && rna.starts_with('W')
                    && rna[1..].bytes().all(|c| c.is_ascii_alphanumeric());
                if !ok {
                    out.push(finding(
                        &BENEFICIARY_ID,
                        Severity::Warning,
                        format!(
                            "Le numéro RNA {rna} n'a pas la forme attendue (W suivi de 9 caractères ; {} ici) — point à confirmer.",
                            rna.len().saturating_sub(1)
                        ),
                        vec![*span],
                        &[&sub.basis],
                    ));
                }
            }
        }
    }
}

pub static AUTHORITY: RuleMeta = RuleMeta {
    code: "SUB-AUTHORITY",
    title: "Autorité qui attribue la subvention",
    category: Category::Amount,
    severity: Severity::Error,
    legal_basis: "CGCT art. L2122-22, L5211-10, L2311-7",
    scope: Scope::Deliberation,
    doc: RuleDoc {
        what: "Une subvention est attribuée par l'assemblée délibérante. Une décision du maire qui attribue une subvention est une erreur : l'attribution des subventions ne figure pas parmi les matières que le conseil municipal peut déléguer au maire (sauf au printemps 2020, ordonnance n° 2020-391 : signalé pour information). Une décision du président d'un EPCI est possible par délégation : elle doit alors citer la délibération qui la lui donne (avertissement sinon).",
        why: "Une subvention attribuée par une autorité incompétente est illégale : le comptable ne peut pas la verser et le contrôle de légalité la défère.",
        legal: "CGCT art. L2122-22 (délégations possibles au maire, qui n'incluent pas l'attribution des subventions) ; art. L5211-10 (délégations au président et au bureau d'un EPCI) ; art. L2311-7 (attribution par délibération distincte du vote du budget, sauf crédits individualisés) ; ordonnance n° 2020-391 du 1er avril 2020 (attribution par le maire pendant l'état d'urgence sanitaire).",
        example: "`Décision du Maire n° 2024-12 : il est attribué une subvention de 2 000 € à l'association sportive de Z.`",
        false_positives: "Le budget lui-même peut attribuer des subventions individualisées (liste des bénéficiaires en annexe) : une délibération budgétaire n'est pas concernée. Le texte d'une décision qui ne fait que verser une subvention déjà attribuée par délibération devrait citer cette délibération.",
    },
};

/// How far into a decision its date may stand (normalised bytes).
const DECISION_HEADING: usize = 600;

pub struct Authority;
impl Rule for Authority {
    fn meta(&self) -> &'static RuleMeta {
        &AUTHORITY
    }
    fn check(&self, cx: &Ctx, out: &mut Vec<Finding>) {
        let s = cx.seance;
        let Some((heading, maire)) = s.mentions.executive_decision else {
            return;
        };
        // the decision's date: the séance's if read, else the first date of its heading
        // that is not a stamp ("Décision du Maire … du 5 mars 2024" reads as a citation)
        let date = s.session.as_ref().map(|d| d.date).or_else(|| {
            s.dates
                .iter()
                .find(|m| {
                    m.role != crate::model::DateRole::Stamp && m.pos < s.range.0 + DECISION_HEADING
                })
                .and_then(|m| m.date)
        });
        for sub in &cx.item.subsidies {
            let (severity, msg, basis) = if maire {
                let spring_2020 = date.is_some_and(|d| {
                    let day = |m, dd| crate::model::Date::new(2020, m, dd).map_or(0, |x| x.days());
                    d.days() >= day(4, 2) && d.days() <= day(7, 10)
                });
                if spring_2020 {
                    (
                        Severity::Info,
                        format!("Subvention de {} attribuée par décision du maire : possible au printemps 2020 (ordonnance n° 2020-391), à défaut la compétence est celle du conseil municipal.", euros(sub.cents)),
                        Basis::CERTAIN,
                    )
                } else {
                    (
                        Severity::Error,
                        format!("Subvention de {} attribuée par une décision du maire : l'attribution des subventions revient au conseil municipal et ne fait pas partie des délégations possibles (art. L2122-22).", euros(sub.cents)),
                        if date.is_some() {
                            Basis::CERTAIN
                        } else {
                            Basis::probable("la date de la décision n'a pas été lue (délégation temporaire du printemps 2020)")
                        },
                    )
                }
            } else {
                if s.mentions.delegation.is_some() {
                    continue;
                }
                (
                    Severity::Warning,
                    format!("Subvention de {} attribuée par une décision du président : possible par délégation du conseil (art. L5211-10), mais la décision ne cite pas la délibération qui la lui donne.", euros(sub.cents)),
                    Basis::CERTAIN,
                )
            };
            out.push(finding(
                &AUTHORITY,
                severity,
                msg,
                vec![sub.amount_span, heading],
                &[&sub.basis, &basis],
            ));
        }
    }
}
