//! Quorum rules (QUO-*).

use super::*;
use crate::model::{BodyKind, Date};

/// The COVID-era regime in force on a séance date, if any (§0.7 of the catalogue).
pub struct CovidRegime {
    /// Quorum is a third of members in office.
    pub third: bool,
    /// Members represented count towards that third (spring 2020 ordonnances).
    pub represented_count: bool,
    pub proxies_per_holder: u32,
    pub text: &'static str,
}

pub fn covid_regime(d: Date) -> Option<CovidRegime> {
    let day = |y, m, dd| Date::new(y, m, dd).map(|x| x.days()).unwrap_or(0);
    let x = d.days();
    let win = |a: i64, b: i64| x >= a && x <= b;
    if win(day(2020, 3, 24), day(2020, 4, 1)) {
        return Some(CovidRegime {
            third: true,
            represented_count: false,
            proxies_per_holder: 2,
            text: "loi n° 2020-290 du 23 mars 2020, art. 10",
        });
    }
    if win(day(2020, 4, 2), day(2020, 7, 10)) {
        return Some(CovidRegime {
            third: true,
            represented_count: true,
            proxies_per_holder: 2,
            text: "ordonnances n° 2020-391 et 2020-562",
        });
    }
    if win(day(2020, 7, 11), day(2020, 8, 30)) {
        return Some(CovidRegime {
            third: true,
            represented_count: false,
            proxies_per_holder: 2,
            text: "loi n° 2020-290, art. 10, modifiée par la loi n° 2020-760",
        });
    }
    if win(day(2020, 11, 15), day(2021, 9, 30)) {
        return Some(CovidRegime {
            third: true,
            represented_count: false,
            proxies_per_holder: 2,
            text: "loi n° 2020-1379 du 14 novembre 2020, art. 6",
        });
    }
    if win(day(2021, 11, 11), day(2022, 7, 31)) {
        return Some(CovidRegime {
            third: true,
            represented_count: false,
            proxies_per_holder: 2,
            text: "loi n° 2021-1465 du 10 novembre 2021",
        });
    }
    None
}

pub static MAJORITY: RuleMeta = RuleMeta {
    code: "QUO-MAJORITY",
    title: "Quorum : majorité des membres en exercice présents",
    category: Category::Quorum,
    severity: Severity::Error,
    legal_basis: "CGCT art. L2121-17",
    scope: Scope::Seance,
    doc: RuleDoc {
        what: "Vérifie que les présents sont plus de la moitié des membres en exercice : présents ≥ ⌊E/2⌋ + 1. Les procurations ne comptent pas, sauf en commission permanente (présents ou représentés) et pendant les régimes dérogatoires de la crise sanitaire (tiers des membres).",
        why: "Sans quorum, l'assemblée ne peut pas délibérer valablement : les délibérations sont illégales.",
        legal: "CGCT art. L2121-17 (conseil municipal), L5211-1 (EPCI), L3121-14 (département), L4132-13 (région) ; L3121-14-1 et L4132-13-1 (commissions permanentes).",
        example: "`Membres en exercice : 29 — Présents : 14 — Représentés : 6` (14 < 15 ; les procurations ne comptent pas).",
        false_positives: "Une seconde convocation lève la condition de quorum ; le quorum s'apprécie point par point (départs en cours de séance).",
    },
};

pub struct Majority;
impl Rule for Majority {
    fn meta(&self) -> &'static RuleMeta {
        &MAJORITY
    }
    fn check(&self, cx: &Ctx, out: &mut Vec<Finding>) {
        if !cp_rule(cx) {
            quorum(cx, out, &MAJORITY);
        }
    }
}

pub static CP_REPRESENTED: RuleMeta = RuleMeta {
    code: "QUO-CP-REPRESENTED",
    title: "Quorum de la commission permanente : présents ou représentés",
    category: Category::Quorum,
    severity: Severity::Error,
    legal_basis: "CGCT art. L3121-14-1 et L4132-13-1",
    scope: Scope::Seance,
    doc: RuleDoc {
        what: "La commission permanente d'un département ou d'une région délibère si la majorité absolue de ses membres en exercice est présente ou représentée : présents + représentés ≥ ⌊E/2⌋ + 1. Hors régime dérogatoire de la crise sanitaire (QUO-MAJORITY l'applique alors).",
        why: "Sans ce quorum, la commission permanente ne peut pas délibérer : ses délibérations sont illégales.",
        legal: "CGCT art. L3121-14-1 (département) et L4132-13-1 (région) : « la majorité absolue de ses membres en exercice » présente ou représentée ; une réunion tenue de plein droit trois jours plus tard se tient sans condition de quorum.",
        example: "`Commission permanente — membres : 12 — présents : 4 — délégations de vote : 2` (6 < 7).",
        false_positives: "Ne s'applique pas à l'assemblée plénière ; « représenté » s'entend d'une délégation de vote.",
    },
};

pub struct CpRepresented;
impl Rule for CpRepresented {
    fn meta(&self) -> &'static RuleMeta {
        &CP_REPRESENTED
    }
    fn check(&self, cx: &Ctx, out: &mut Vec<Finding>) {
        if cp_rule(cx) {
            quorum(cx, out, &CP_REPRESENTED);
        }
    }
}

/// A commission permanente outside the COVID-era windows: its own quorum rule.
fn cp_rule(cx: &Ctx) -> bool {
    let s = cx.seance;
    s.body == BodyKind::CommissionPermanente
        && s.session
            .as_ref()
            .map(|d| d.date)
            .and_then(covid_regime)
            .is_none()
}

/// The quorum of the séance, reported under `meta` (QUO-MAJORITY, or QUO-CP-REPRESENTED
/// for a commission permanente).
fn quorum(cx: &Ctx, out: &mut Vec<Finding>, meta: &'static RuleMeta) {
    let s = cx.seance;
    let Some(e) = cx.att.in_office() else { return };
    let Some(p) = cx.att.present() else { return };
    if s.mentions.quorum_waived.is_some() {
        return;
    }
    let session = s.session.as_ref();
    let regime = session.map(|d| d.date).and_then(covid_regime);
    let cp = s.body == BodyKind::CommissionPermanente;
    let r = cx.att.represented();
    let with_r = |p: &crate::tally::Count| p.hi + r.as_ref().map_or(0, |x| x.hi);
    let (needed, counted, what, basis) = match &regime {
        Some(rg) => {
            let n = e.lo.div_ceil(3);
            if rg.represented_count {
                (n, with_r(&p), "présents ou représentés", rg.text)
            } else {
                (n, p.hi, "présents", rg.text)
            }
        }
        None if cp => (
            e.lo / 2 + 1,
            with_r(&p),
            "présents ou représentés",
            "CGCT art. L3121-14-1 / L4132-13-1",
        ),
        None => (e.lo / 2 + 1, p.hi, "présents", "CGCT art. L2121-17"),
    };
    if counted >= needed {
        return;
    }
    // Without a sure séance date (or when the text invokes the ⅓ regime), the COVID
    // windows cannot be ruled out: a third of the members present may have sufficed.
    let third_possible = regime.is_none()
        && counted >= e.lo.div_ceil(3)
        && (session.is_none_or(|d| !d.basis.is_certain()) || s.mentions.covid_regime.is_some());
    let regime_basis = if third_possible {
        Basis::probable("la date de la séance n'est pas sûre ou le texte invoque le régime dérogatoire : sous ce régime, le tiers suffisait")
    } else {
        Basis::CERTAIN
    };
    let mut spans = e.spans.clone();
    spans.extend(p.spans.iter().copied().take(2));
    out.push(finding(
        meta,
        Severity::Error,
        format!(
            "Quorum non atteint : {} {} pour {} membres en exercice, il en faut au moins {} ({}).",
            counted, what, e.lo, needed, basis
        ),
        spans,
        &[&e.basis, &p.basis, &regime_basis],
    ));
}

pub static DECLARED: RuleMeta = RuleMeta {
    code: "QUO-DECLARED",
    title: "Quorum indiqué et membres en exercice",
    category: Category::Quorum,
    severity: Severity::Error,
    legal_basis: "CGCT art. L2121-17",
    scope: Scope::Seance,
    doc: RuleDoc {
        what: "Le quorum écrit dans le texte (« Quorum : 15 ») est celui des membres en exercice déclarés, à la date de la séance : la majorité, ⌊E/2⌋ + 1, ou pendant les régimes dérogatoires de la crise sanitaire le tiers, ⌈E/3⌉ (la majorité y reste admise).",
        why: "Un quorum mal calculé laisse croire que l'assemblée pouvait délibérer : c'est l'un des deux nombres (quorum ou membres en exercice) qui est faux.",
        legal: "CGCT art. L2121-17 (majorité des membres en exercice) et équivalents ; loi n° 2020-290 art. 10, loi n° 2020-1379 art. 6, loi n° 2021-1465 (tiers des membres pendant l'état d'urgence sanitaire).",
        example: "`Nombre de membres en exercice : 15 — Quorum : 9` (la majorité de 15 est 8).",
        false_positives: "Un « quorum » qui désigne en fait le nombre de présents (« quorum : 12 présents ») ; une séance sans condition de quorum (seconde convocation : non vérifié).",
    },
};

pub struct Declared;
impl Rule for Declared {
    fn meta(&self) -> &'static RuleMeta {
        &DECLARED
    }
    fn check(&self, cx: &Ctx, out: &mut Vec<Finding>) {
        let s = cx.seance;
        let (Some(q), Some(e)) = (&s.declared.quorum, cx.att.in_office()) else {
            return;
        };
        if e.lo != e.hi || s.mentions.quorum_waived.is_some() {
            return;
        }
        let majority = e.lo / 2 + 1;
        let third = e.lo.div_ceil(3);
        let session = s.session.as_ref();
        let regime = session.map(|d| d.date).and_then(covid_regime);
        if q.value == majority || (regime.is_some() && q.value == third) {
            return;
        }
        // the COVID windows cannot be ruled out without a sure séance date
        let date_basis = if regime.is_none()
            && q.value == third
            && session.is_none_or(|d| !d.basis.is_certain())
        {
            Basis::probable("la date de la séance n'est pas sûre : sous le régime dérogatoire, le tiers était le quorum")
        } else {
            Basis::CERTAIN
        };
        let expected = match &regime {
            Some(_) => {
                format!("{majority} (majorité) ou {third} (tiers, régime dérogatoire en vigueur)")
            }
            None => format!("{majority}"),
        };
        out.push(finding(
            &DECLARED,
            Severity::Error,
            format!(
                "Le quorum indiqué ({}) ne correspond pas aux {} membres en exercice, dont le quorum est de {}.",
                q.value, e.lo, expected
            ),
            vec![q.span, e.spans[0]],
            &[&q.basis(), &e.basis, &date_basis],
        ));
    }
}

pub static COVID_REGIME: RuleMeta = RuleMeta {
    code: "QUO-COVID-REGIME",
    title: "Régime dérogatoire COVID hors de sa période",
    category: Category::Quorum,
    severity: Severity::Error,
    legal_basis: "Loi n° 2020-290 art. 10 ; loi n° 2020-1379 art. 6 ; loi n° 2021-1465",
    scope: Scope::Seance,
    doc: RuleDoc {
        what: "Un texte qui applique le régime dérogatoire de la crise sanitaire (« quorum fixé au tiers », deux pouvoirs par élu, lois n° 2020-290, 2020-1379, 2021-1465, ordonnances n° 2020-391 et 2020-562) doit dater d'une séance tenue pendant l'une de ses périodes : du 24 mars au 30 août 2020, du 15 novembre 2020 au 30 septembre 2021, du 11 novembre 2021 au 31 juillet 2022 (bornes incluses). Pendant ces périodes, QUO-MAJORITY applique le tiers et PRX-ONE-PER-HOLDER admet deux pouvoirs.",
        why: "Hors de ces périodes le droit commun s'applique : un quorum calculé au tiers ou un second pouvoir rend la délibération irrégulière.",
        legal: "Loi n° 2020-290 du 23 mars 2020, art. 10 (modifiée par la loi n° 2020-760) ; ordonnances n° 2020-391 et 2020-562 ; loi n° 2020-1379 du 14 novembre 2020, art. 6 (prolongée jusqu'au 30 septembre 2021) ; loi n° 2021-1465 du 10 novembre 2021 (jusqu'au 31 juillet 2022). Entre le 31 août et le 14 novembre 2020 et entre le 1er octobre et le 10 novembre 2021, le droit commun s'appliquait.",
        example: "`Séance du 15 septembre 2022 — en application de la loi du 10 novembre 2021, le quorum est fixé au tiers des membres ; M. X est porteur de deux pouvoirs.`",
        false_positives: "Une loi de la période citée dans les visas pour un autre objet : seul un quorum « fixé au tiers » écrit en toutes lettres fonde une erreur, une simple citation n'est qu'un avertissement.",
    },
};

pub struct CovidRegimeRule;
impl Rule for CovidRegimeRule {
    fn meta(&self) -> &'static RuleMeta {
        &COVID_REGIME
    }
    fn check(&self, cx: &Ctx, out: &mut Vec<Finding>) {
        let s = cx.seance;
        let (Some(invoked), Some(session)) = (s.mentions.covid_regime, &s.session) else {
            return;
        };
        if covid_regime(session.date).is_some() {
            return;
        }
        let stated = if s.mentions.covid_quorum_stated {
            Basis::CERTAIN
        } else {
            Basis::probable(
                "le texte cite une loi ou un régime de la période sans écrire le quorum au tiers",
            )
        };
        out.push(finding(
            &COVID_REGIME,
            Severity::Error,
            format!(
                "Le texte invoque le régime dérogatoire de la crise sanitaire, mais la séance du {} est hors de ses périodes d'application : le droit commun s'applique (quorum à la majorité des membres en exercice, un pouvoir par élu).",
                session.date.french()
            ),
            vec![invoked, session.mention.span],
            &[&session.basis, &stated],
        ));
    }
}
