//! Date rules (DATE-*).

use super::*;
use crate::model::{Date, DateRole, WEEKDAYS};

pub static VALID_WEEKDAY: RuleMeta = RuleMeta {
    code: "DATE-VALID-WEEKDAY",
    title: "Date valide et jour de la semaine",
    category: Category::Date,
    severity: Severity::Error,
    legal_basis: "CGCT art. L2121-15",
    scope: Scope::Seance,
    doc: RuleDoc {
        what: "Chaque date doit exister (pas de 31 avril, pas de 29 février hors année bissextile) et, quand le jour de la semaine est écrit, lui correspondre (« jeudi 21 mars 2024 » : le 21 mars 2024 est bien un jeudi).",
        why: "Une date fausse rend incertaine la date de la séance, dont dépendent le délai de convocation, le quorum applicable et la publicité de l'acte.",
        legal: "CGCT art. L2121-15 (le procès-verbal mentionne la date et l'heure de la séance).",
        example: "`Le conseil municipal s'est réuni le vendredi 21 mars 2024 à 19 h.`",
        false_positives: "Un jour écrit sans année prend l'année de la séance : l'écart n'est une erreur que s'il s'agit du jour même de la séance.",
    },
};

pub struct ValidWeekday;
impl Rule for ValidWeekday {
    fn meta(&self) -> &'static RuleMeta {
        &VALID_WEEKDAY
    }
    fn check(&self, cx: &Ctx, out: &mut Vec<Finding>) {
        let s = cx.seance;
        let session = s.session.as_ref().map(|d| d.date);
        for m in &s.dates {
            let (d, mo, y) = m.raw;
            if y > 0 && Date::new(y, mo, d).is_none() {
                out.push(finding(
                    &VALID_WEEKDAY,
                    Severity::Error,
                    format!("La date du {}/{:02}/{} n'existe pas.", d, mo, y),
                    vec![m.span],
                    &[&m.basis],
                ));
                continue;
            }
            let (Some(date), Some((wd, wsp))) = (m.date, m.weekday) else {
                continue;
            };
            if date.weekday() == wd {
                continue;
            }
            let inferred = if m.year_inferred && session != Some(date) {
                Basis::probable("année déduite de celle de la séance")
            } else {
                Basis::CERTAIN
            };
            let year_note = if m.year_inferred {
                format!(" (année {} déduite de la séance)", date.year)
            } else {
                String::new()
            };
            out.push(finding(
                &VALID_WEEKDAY,
                Severity::Error,
                format!(
                    "Le {} {} {}{} est un {}, pas un {}.",
                    date.day,
                    crate::model::MONTHS[(date.month - 1) as usize],
                    date.year,
                    year_note,
                    WEEKDAYS[date.weekday() as usize],
                    WEEKDAYS[wd as usize]
                ),
                vec![wsp, m.span],
                &[&m.basis, &inferred],
            ));
        }
    }
}

pub static WORDS_DIGITS: RuleMeta = RuleMeta {
    code: "DATE-WORDS-DIGITS",
    title: "Date de séance en lettres et en chiffres",
    category: Category::Date,
    severity: Severity::Error,
    legal_basis: "CGCT art. L2121-15",
    scope: Scope::Seance,
    doc: RuleDoc {
        what: "La date écrite en lettres (« L'an deux mille vingt-quatre, le vingt et un mars ») doit être celle de la séance écrite en chiffres (« Séance du 21/03/2024 »).",
        why: "Deux dates différentes pour la même séance rendent l'acte ambigu.",
        legal: "CGCT art. L2121-15 (le procès-verbal mentionne la date de la séance) ; cohérence interne de l'acte.",
        example: "`Séance du 12/03/2024 — L'an deux mille vingt-quatre, le vingt et un mars`",
        false_positives: "Séance prolongée après minuit ; séance reconvoquée à une autre date.",
    },
};

pub struct WordsDigits;
impl Rule for WordsDigits {
    fn meta(&self) -> &'static RuleMeta {
        &WORDS_DIGITS
    }
    fn check(&self, cx: &Ctx, out: &mut Vec<Finding>) {
        let s = cx.seance;
        // the séance date in digits, named as such
        let Some(sm) = s.dates.iter().find(|m| {
            m.role == DateRole::Session
                && !m.in_words
                && !m.opening
                && m.date.is_some()
                && m.pos < s.head
        }) else {
            return;
        };
        let sd = sm.date.expect("filtered");
        // the "L'an …, le …" date within the header
        if let Some(m) = s.dates.iter().find(|m| {
            m.opening
                && m.date.is_some()
                && m.pos < s.head
                && matches!(m.role, DateRole::Session | DateRole::Unknown)
        }) {
            let d = m.date.expect("filtered");
            if d != sd && (d.days() - sd.days()).abs() > 1 {
                out.push(finding(
                    &WORDS_DIGITS,
                    Severity::Error,
                    format!(
                        "La séance est datée du {} en chiffres et du {} en lettres.",
                        sd.french(),
                        d.french()
                    ),
                    vec![sm.span, m.span],
                    &[&sm.basis, &m.basis],
                ));
            }
        }
    }
}

pub static NUMBER_YEAR: RuleMeta = RuleMeta {
    code: "DATE-NUMBER-YEAR",
    title: "Année du numéro de délibération",
    category: Category::Date,
    severity: Severity::Warning,
    legal_basis: "CGCT art. R2121-9",
    scope: Scope::Deliberation,
    doc: RuleDoc {
        what: "Un numéro de délibération qui contient une année (« 2024-015 », « DEL2024_15 », « CM-2024-3-12 ») porte l'année de la séance. L'ordre croissant des numéros dans la séance n'est pas vérifié.",
        why: "Un numéro d'une autre année signale un modèle recopié d'une séance précédente : la date, l'objet ou le vote peuvent l'avoir été aussi.",
        legal: "CGCT art. R2121-9 (les affaires reçoivent un numéro d'ordre dans la séance) ; art. L2121-23 (délibérations inscrites par ordre de date).",
        example: "`Délibération n° 2023-045 — Séance du 21 mars 2024`",
        false_positives: "Numérotation par exercice budgétaire ou par mandat ; séance de janvier numérotée sur l'année précédente (signalée pour information seulement).",
    },
};

/// The years written in a deliberation number: runs of exactly four digits from 1990 to
/// 2100 ("2024-015", "DEL2024_15").
fn number_years(number: &str) -> Vec<i32> {
    number
        .split(|c: char| !c.is_ascii_digit())
        .filter(|w| w.len() == 4)
        .filter_map(|w| w.parse::<i32>().ok())
        .filter(|y| (1990..=2100).contains(y))
        .collect()
}

pub struct NumberYear;
impl Rule for NumberYear {
    fn meta(&self) -> &'static RuleMeta {
        &NUMBER_YEAR
    }
    fn check(&self, cx: &Ctx, out: &mut Vec<Finding>) {
        let (Some(number), Some(session)) = (&cx.item.number, &cx.seance.session) else {
            return;
        };
        let years = number_years(number);
        // one year only: "2023-2024" numbering by season tells nothing
        let [year] = years[..] else {
            return;
        };
        let sd = session.date;
        if year == sd.year {
            return;
        }
        let january = year == sd.year - 1 && sd.month == 1;
        out.push(finding(
            &NUMBER_YEAR,
            if january {
                Severity::Info
            } else {
                Severity::Warning
            },
            if january {
                format!(
                    "La délibération n° {number} porte l'année {year} pour une séance du {} : numérotation de l'année précédente en janvier ?",
                    sd.french()
                )
            } else {
                format!(
                    "La délibération n° {number} porte l'année {year}, mais la séance est du {}.",
                    sd.french()
                )
            },
            vec![
                cx.item.number_span.unwrap_or(cx.item.span),
                session.mention.span,
            ],
            &[&session.basis, &cx.item.basis],
        ));
    }
}

pub static SESSION_CONSISTENCY: RuleMeta = RuleMeta {
    code: "DATE-SESSION-CONSISTENCY",
    title: "Mentions concordantes de la date de séance",
    category: Category::Date,
    severity: Severity::Error,
    legal_basis: "CGCT art. L2121-15 et L2121-23",
    scope: Scope::Seance,
    doc: RuleDoc {
        what: "Toutes les mentions qui nomment la date de la séance (en-tête, « s'est réuni le », « délibéré en séance le », pied de l'acte) donnent le même jour. La formule d'ouverture « L'an … » de l'en-tête est vérifiée par DATE-WORDS-DIGITS ; la date postérieure au jour du contrôle n'est pas vérifiée (le moteur ne lit pas l'horloge).",
        why: "Deux dates pour une même séance rendent l'acte ambigu : le délai de convocation, le quorum applicable et le registre en dépendent.",
        legal: "CGCT art. L2121-15 (le procès-verbal mentionne la date de la séance) ; art. L2121-23 (délibérations inscrites par ordre de date).",
        example: "`Séance du 21 mars 2024 … Ainsi fait et délibéré en séance le 28 mars 2024.`",
        false_positives: "Séance prolongée après minuit (un jour d'écart : avertissement) ; séance reconvoquée à une autre date ; « fait et délibéré les jour, mois et an susdits » renvoie à l'en-tête et n'est pas une date.",
    },
};

pub struct SessionConsistency;
impl Rule for SessionConsistency {
    fn meta(&self) -> &'static RuleMeta {
        &SESSION_CONSISTENCY
    }
    fn check(&self, cx: &Ctx, out: &mut Vec<Finding>) {
        let s = cx.seance;
        let Some(chosen) = &s.session else {
            return;
        };
        let sd = chosen.date;
        for m in &s.dates {
            let Some(d) = m.date else { continue };
            if m.role != DateRole::Session
                || m.year_inferred
                || (m.opening && m.pos < s.head)
                || m.span == chosen.mention.span
                || d == sd
            {
                continue;
            }
            let gap = (d.days() - sd.days()).abs();
            // after the title, "dans sa séance du 1er octobre 2020" may cite another
            // séance: only a near date is compared, and only as probable
            let header = m.pos < s.title_end;
            if !header && gap > CITED_SEANCE_DAYS {
                continue;
            }
            let place = if header {
                Basis::CERTAIN
            } else {
                Basis::probable(
                    "date lue après le titre de l'acte : peut-être celle d'une autre séance citée",
                )
            };
            let next_day = gap == 1;
            out.push(finding(
                &SESSION_CONSISTENCY,
                if next_day {
                    Severity::Warning
                } else {
                    Severity::Error
                },
                if next_day {
                    format!(
                        "La séance est datée du {} puis du {} : séance prolongée après minuit ?",
                        sd.french(),
                        d.french()
                    )
                } else {
                    format!(
                        "La séance est datée du {} puis du {}.",
                        sd.french(),
                        d.french()
                    )
                },
                vec![m.span, chosen.mention.span],
                &[&chosen.mention.basis, &m.basis, &place],
            ));
        }
    }
}

/// Beyond this many days from the séance, a séance date read after the header is taken for
/// another séance cited, not compared.
const CITED_SEANCE_DAYS: i64 = 62;
