//! Quorum rules (QUO-*).

use super::*;
use crate::model::{BodyKind, Date, DateRole};

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
    if let Some(q) = Quorum::of(cx, cx.att, true) {
        q.report(out, meta, "");
    }
}

/// A quorum test on one moment's counts.
struct Quorum {
    e: crate::tally::Count,
    p: crate::tally::Count,
    needed: u32,
    counted: u32,
    what: &'static str,
    basis: &'static str,
    regime_basis: Basis,
}

impl Quorum {
    /// The test on `att` (none when a count is missing or the quorum is waived).
    fn of(cx: &Ctx, att: &crate::tally::Attendance, waiver: bool) -> Option<Quorum> {
        let s = cx.seance;
        let e = att.in_office()?;
        let p = att.present()?;
        if waiver && s.mentions.quorum_waived.is_some() {
            return None;
        }
        let session = s.session.as_ref();
        let regime = session.map(|d| d.date).and_then(covid_regime);
        let cp = s.body == BodyKind::CommissionPermanente;
        let r = att.represented();
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
        Some(Quorum {
            e,
            p,
            needed,
            counted,
            what,
            basis,
            regime_basis,
        })
    }

    fn met(&self) -> bool {
        self.counted >= self.needed
    }

    fn report(&self, out: &mut Vec<Finding>, meta: &'static RuleMeta, when: &str) {
        if self.met() {
            return;
        }
        let mut spans = self.e.spans.clone();
        spans.extend(self.p.spans.iter().copied().take(2));
        out.push(finding(
            meta,
            Severity::Error,
            format!(
                "Quorum non atteint{} : {} {} pour {} membres en exercice, il en faut au moins {} ({}).",
                when, self.counted, self.what, self.e.lo, self.needed, self.basis
            ),
            spans,
            &[&self.e.basis, &self.p.basis, &self.regime_basis],
        ));
    }
}

pub static PER_DELIB: RuleMeta = RuleMeta {
    code: "QUO-PER-DELIB",
    title: "Quorum à chaque délibération",
    category: Category::Quorum,
    severity: Severity::Error,
    legal_basis: "CGCT art. L2121-17",
    scope: Scope::Deliberation,
    doc: RuleDoc {
        what: "Le quorum s'apprécie au moment où chaque affaire est mise en délibération : après les départs écrits dans le texte (ou les présents indiqués pour un point), les présents du point doivent encore atteindre le quorum (⌊E/2⌋ + 1, ou le tiers pendant les régimes dérogatoires de la crise sanitaire).",
        why: "Des départs en cours de séance peuvent faire perdre le quorum : les délibérations prises ensuite sont illégales et doivent être reprises après une nouvelle convocation.",
        legal: "CGCT art. L2121-17 (et équivalents : L5211-1, L3121-14, L4132-13) ; le quorum est vérifié à l'ouverture de la séance et lors de la mise en délibération de chaque affaire (réponse ministérielle, JOAN 14 mars 1994, n° 10690).",
        example: "`En exercice : 15 — Présents : 8 … Point 6 : Mme X et M. Y quittent la séance. Présents : 6` (6 < 8)",
        false_positives: "Une suspension de séance ; des points votés ensemble ; un élu qui refuse de voter reste présent. Avec des mouvements que le texte ne place pas parmi les points, le constat n'est qu'un avertissement.",
    },
};

pub struct PerDelib;
impl Rule for PerDelib {
    fn meta(&self) -> &'static RuleMeta {
        &PER_DELIB
    }
    fn check(&self, cx: &Ctx, out: &mut Vec<Finding>) {
        if cx.index == 0 {
            return; // the opening: QUO-MAJORITY
        }
        let Some(q) = Quorum::of(cx, cx.att, true) else {
            return;
        };
        if q.met() {
            return;
        }
        // a quorum already missing at the opening is QUO-MAJORITY's finding
        if Quorum::of(cx, cx.opening, true).is_none_or(|o| !o.met() || o.counted == q.counted) {
            return;
        }
        let when = match &cx.item.number {
            Some(n) => format!(" pour la délibération {n}"),
            None => " pour ce point".to_string(),
        };
        q.report(out, &PER_DELIB, &when);
    }
}

pub static SECOND_CONVOCATION: RuleMeta = RuleMeta {
    code: "QUO-SECOND-CONVOCATION",
    title: "Seconde convocation sans condition de quorum",
    category: Category::Quorum,
    severity: Severity::Error,
    legal_basis: "CGCT art. L2121-17 al. 2",
    scope: Scope::Seance,
    doc: RuleDoc {
        what: "Une séance tenue « sans condition de quorum » sur seconde convocation suppose une première réunion où le quorum n'a pas été atteint, au moins trois jours plus tôt (conseil municipal, EPCI) ; pour un département, une région ou leur commission permanente, la réunion se tient de plein droit trois jours plus tard. La règle ne se prononce que si le quorum manque sans la seconde convocation.",
        why: "La seconde convocation lève la condition de quorum seulement si ses conditions sont remplies : sinon l'assemblée a délibéré sans quorum.",
        legal: "CGCT art. L2121-17 al. 2 (« à trois jours au moins d'intervalle ») ; L3121-14 al. 2 et L4132-13 (« de plein droit trois jours plus tard ») ; en Alsace-Moselle, règle locale (L2541-1 et suivants, pas d'intervalle minimal). Le décompte en jours calendaires est une lecture prudente, à confirmer.",
        example: "`Le quorum n'ayant pas été atteint le 14 mars 2024, le conseil municipal, à nouveau convoqué, s'est réuni le 15 mars 2024 et délibère valablement sans condition de quorum.`",
        false_positives: "Alsace-Moselle (pas d'intervalle minimal) ; une première réunion que le texte ne date pas (le constat n'est alors qu'un avertissement) ; un point nouveau inscrit à la seconde réunion exige le quorum (non vérifié).",
    },
};

/// How far from the second-convocation words the failed meeting's date may stand (bytes
/// of the original text).
const FAILED_MEETING_REACH: usize = 200;

pub struct SecondConvocation;
impl Rule for SecondConvocation {
    fn meta(&self) -> &'static RuleMeta {
        &SECOND_CONVOCATION
    }
    fn check(&self, cx: &Ctx, out: &mut Vec<Finding>) {
        let s = cx.seance;
        let (Some(w), Some(session)) = (s.mentions.quorum_waived, &s.session) else {
            return;
        };
        // only when the counts need the waiver, or cannot tell
        let q = Quorum::of(cx, cx.att, false);
        if q.as_ref().is_some_and(|q| q.met()) {
            return;
        }
        let sd = session.date;
        let first = s.dates.iter().find(|m| {
            m.span.start + FAILED_MEETING_REACH >= w.start
                && m.span.start <= w.end + FAILED_MEETING_REACH
                && m.date.is_some_and(|d| d < sd)
                && m.role != DateRole::Convocation
        });
        let Some(first) = first else {
            out.push(finding(
                &SECOND_CONVOCATION,
                Severity::Warning,
                format!(
                    "La séance du {} se tient sans condition de quorum sur seconde convocation, mais le texte ne date pas la première réunion où le quorum n'a pas été atteint : l'intervalle de trois jours ne peut pas être vérifié.",
                    sd.french()
                ),
                vec![w, session.mention.span],
                &[],
            ));
            return;
        };
        let Some(fd) = first.date else { return };
        let gap = sd.days() - fd.days();
        let plenary = matches!(
            s.body,
            BodyKind::ConseilDepartemental
                | BodyKind::ConseilRegional
                | BodyKind::CommissionPermanente
        );
        let (bad, rule) = if plenary {
            (gap != 3, "se tient de plein droit trois jours plus tard")
        } else {
            (gap < 3, "doit se tenir à trois jours au moins d'intervalle")
        };
        if !bad {
            return;
        }
        let counts = if q.is_some() {
            Basis::CERTAIN
        } else {
            Basis::probable("le texte ne donne pas les effectifs : la seconde convocation n'était peut-être pas nécessaire")
        };
        out.push(finding(
            &SECOND_CONVOCATION,
            Severity::Error,
            format!(
                "La réunion sur seconde convocation du {} vient {} jour{} après celle du {} où le quorum n'a pas été atteint : elle {}.",
                sd.french(),
                gap,
                if gap > 1 { "s" } else { "" },
                fd.french(),
                rule
            ),
            vec![session.mention.span, first.span, w],
            &[&session.basis, &first.basis, &counts],
        ));
    }
}

pub static REMOTE: RuleMeta = RuleMeta {
    code: "QUO-REMOTE",
    title: "Séance à distance",
    category: Category::Quorum,
    severity: Severity::Warning,
    legal_basis: "CGCT art. L5211-11-1",
    scope: Scope::Deliberation,
    doc: RuleDoc {
        what: "Un conseil municipal réuni en visioconférence hors des régimes dérogatoires de la crise sanitaire n'a pas de base légale. Un conseil d'EPCI peut se réunir en plusieurs lieux par visioconférence, mais pas pour l'élection du président et du bureau, le budget primitif ou la désignation de délégués, et jamais au scrutin secret.",
        why: "Une délibération prise dans une séance à distance irrégulière, ou sur un point exclu de la visioconférence, peut être annulée.",
        legal: "CGCT art. L5211-11-1 (loi n° 2019-1461, prolongée par la loi n° 2022-217, art. 170) et décret n° 2020-904 ; pour les communes, seuls les régimes de la crise sanitaire (jusqu'au 31 juillet 2022) l'ont permis.",
        example: "`Conseil municipal réuni en visioconférence le 12 décembre 2024`",
        false_positives: "Une séance « retransmise en direct » n'est pas tenue à distance ; un seul élu relié à distance ne fait pas une réunion en plusieurs lieux. Le texte ne dit pas toujours si la réunion s'est tenue en plusieurs lieux : la règle reste un avertissement.",
    },
};

pub struct Remote;
impl Rule for Remote {
    fn meta(&self) -> &'static RuleMeta {
        &REMOTE
    }
    fn check(&self, cx: &Ctx, out: &mut Vec<Finding>) {
        let s = cx.seance;
        let (Some(r), Some(session)) = (s.mentions.remote, &s.session) else {
            return;
        };
        if covid_regime(session.date).is_some() {
            return;
        }
        let im = &cx.item.mentions;
        if s.body == BodyKind::ConseilMunicipal {
            if cx.index == 0 {
                out.push(finding(
                    &REMOTE,
                    Severity::Warning,
                    format!(
                        "Le conseil municipal du {} se réunit à distance, hors des régimes dérogatoires de la crise sanitaire : aucun texte ne le permet aux communes.",
                        session.date.french()
                    ),
                    vec![r, session.mention.span],
                    &[&session.basis],
                ));
            }
            return;
        }
        if !(s.body.is_epci() || s.body == BodyKind::Bureau) {
            return;
        }
        let excluded = im
            .nomination
            .map(|n| (n, "une élection ou une désignation"))
            .or(im.budget.map(|b| (b, "le budget primitif")));
        if let Some((sp, what)) = excluded {
            out.push(finding(
                &REMOTE,
                Severity::Warning,
                format!(
                    "La séance se tient en visioconférence et ce point porte sur {what} : s'il a été délibéré en plusieurs lieux, il ne le pouvait pas (art. L5211-11-1)."
                ),
                vec![sp, r],
                &[],
            ));
        } else if let Some(sb) = im.secret_ballot {
            out.push(finding(
                &REMOTE,
                Severity::Warning,
                "La séance se tient en visioconférence et ce point est voté au scrutin secret : en réunion à distance, le vote a lieu au scrutin public, et un scrutin secret demandé fait reporter le point.".to_string(),
                vec![sb, r],
                &[],
            ));
        }
    }
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
