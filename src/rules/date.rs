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
