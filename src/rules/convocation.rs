//! Convocation rules (CONV-*).

use super::*;
use crate::model::BodyKind;

pub static DELAY: RuleMeta = RuleMeta {
    code: "CONV-DELAY",
    title: "Délai de convocation en jours francs",
    category: Category::Convocation,
    severity: Severity::Error,
    legal_basis: "CGCT art. L2121-11, L2121-12 et L5211-1",
    scope: Scope::Seance,
    doc: RuleDoc {
        what: "Calcule les jours francs entre l'envoi de la convocation et la séance (ni le jour d'envoi ni celui de la séance ne comptent ; samedis, dimanches et jours fériés comptent) et les compare au délai légal : 3 jours francs dans les communes de moins de 3 500 habitants, 5 à partir de 3 500 et dans tous les EPCI, 12 jours pour les départements et régions. Une convocation datée du jour de la séance ou après est une erreur.",
        why: "Un délai trop court prive les élus du temps d'examiner les affaires : les délibérations prises sont entachées d'illégalité, sauf urgence décidée par l'assemblée.",
        legal: "CGCT art. L2121-11 (moins de 3 500 habitants), L2121-12 (3 500 et plus), L5211-1 (EPCI), L3121-19 et L4132-18 (départements, régions). Jurisprudence : CE 12 juillet 1955, Mignaloux-Beauvoir (le délai court du lendemain de l'envoi).",
        example: "`Commune de Z (12 400 habitants) — Date de convocation : 16 mars 2024 — Séance du jeudi 21 mars 2024` (4 jours francs < 5).",
        false_positives: "La date « de convocation » peut être celle de la signature et non de l'envoi. Si la population n'est connue ni par l'option ni par l'effectif, un délai de 3 ou 4 jours francs n'est qu'un avertissement. Pour un bureau d'EPCI, le délai du conseil est appliqué par analogie : erreur sous 3 jours francs (le minimum de toute assemblée), avertissement entre 3 et 4. En cas d'urgence mentionnée, seul le plancher d'un jour franc est vérifié.",
    },
};

pub struct Delay;
impl Rule for Delay {
    fn meta(&self) -> &'static RuleMeta {
        &DELAY
    }
    fn check(&self, cx: &Ctx, out: &mut Vec<Finding>) {
        let s = cx.seance;
        let (Some(sm), Some(cm)) = (&s.session, &s.convocation) else {
            return;
        };
        let (sd, cd) = (sm.date, cm.date);
        let spans = vec![cm.mention.span, sm.mention.span];
        let bases = [&sm.basis, &cm.basis];
        let days = sd.days() - cd.days();
        if days <= 0 {
            out.push(finding(
                &DELAY,
                Severity::Error,
                format!(
                    "La convocation ({}) n'est pas antérieure à la séance ({}).",
                    cd.french(),
                    sd.french()
                ),
                spans,
                &bases,
            ));
            return;
        }
        let francs = days - 1;
        let f = |n: i64| {
            format!(
                "{} jour{} franc{}",
                n,
                if n > 1 { "s" } else { "" },
                if n > 1 { "s" } else { "" }
            )
        };
        let base = format!(
            "Convocation du {} pour la séance du {} : {}",
            cd.french(),
            sd.french(),
            f(francs)
        );
        let emit = |out: &mut Vec<Finding>, sev: Severity, msg: String, extra: &Basis| {
            out.push(finding(
                &DELAY,
                sev,
                msg,
                spans.clone(),
                &[&sm.basis, &cm.basis, extra],
            ))
        };
        if s.mentions.urgency.is_some() {
            if francs < 1 {
                emit(
                    out,
                    Severity::Error,
                    format!("{base}, moins que le jour franc exigé même en cas d'urgence."),
                    &Basis::CERTAIN,
                );
            }
            return;
        }
        match s.body {
            BodyKind::ConseilDepartemental | BodyKind::ConseilRegional if days < 12 => {
                emit(out, Severity::Error, format!("{base} ; le rapport doit être adressé au moins 12 jours avant la séance (art. L3121-19 / L4132-18)."), &Basis::CERTAIN);
            }
            BodyKind::Bureau => {
                if francs < 3 {
                    emit(out, Severity::Error, format!("{base} ; le bureau d'un EPCI suit par analogie le délai du conseil (5 jours francs, art. L5211-1 et L2121-12), et aucune assemblée ne peut être convoquée à moins de 3 jours francs hors urgence."), &Basis::CERTAIN);
                } else if francs < 5 {
                    emit(out, Severity::Warning, format!("{base} ; le conseil d'un EPCI doit être convoqué 5 jours francs à l'avance (art. L5211-1) et le bureau suit en principe ce délai."), &Basis::CERTAIN);
                }
            }
            k if k.is_epci() && francs < 5 => {
                emit(out, Severity::Error, format!("{base}, moins que les 5 jours francs exigés pour un EPCI (art. L5211-1 et L2121-12)."), &Basis::CERTAIN);
            }
            BodyKind::ConseilMunicipal | BodyKind::Unknown => {
                let big = big_commune(cx);
                if francs < 3 {
                    emit(out, Severity::Error, format!("{base}, moins que les 3 jours francs exigés même dans une commune de moins de 3 500 habitants (art. L2121-11)."), &Basis::CERTAIN);
                } else if francs < 5 {
                    match big {
                        Some((true, how, basis)) => emit(out, Severity::Error, format!("{base}, moins que les 5 jours francs exigés à partir de 3 500 habitants (art. L2121-12){how}."), &basis),
                        Some((false, ..)) => {}
                        None => {
                            emit(out, Severity::Warning, format!("{base} : suffisant sous 3 500 habitants (3 jours francs, art. L2121-11), insuffisant à partir de 3 500 (5 jours francs, art. L2121-12). Indiquez la population pour trancher."), &Basis::CERTAIN);
                            if let Some(f) = out.pop() {
                                out.push(f.asking_population());
                            }
                        }
                    }
                }
            }
            _ => {}
        }
    }
}

pub static URGENCE: RuleMeta = RuleMeta {
    code: "CONV-URGENCE",
    title: "Urgence : l'assemblée se prononce",
    category: Category::Convocation,
    severity: Severity::Warning,
    legal_basis: "CGCT art. L2121-11 al. 2, L2121-12 al. 4",
    scope: Scope::Seance,
    doc: RuleDoc {
        what: "Quand la convocation est plus courte que le délai ordinaire et que le texte invoque l'urgence, il doit dire aussi que le maire ou le président en a rendu compte à l'ouverture et que l'assemblée s'est prononcée sur l'urgence. Le plancher d'un jour franc est vérifié par CONV-DELAY.",
        why: "L'urgence abrège le délai de convocation à condition que l'assemblée la reconnaisse : sans ce vote, le délai ordinaire s'applique et les délibérations sont irrégulières.",
        legal: "CGCT art. L2121-11 al. 2 et L2121-12 al. 4 (communes) ; L3121-19 et L4132-18 (départements, régions) ; en Alsace-Moselle, L2541-2 (le conseil « décide s'il y avait urgence »).",
        example: "`Convocation adressée le 19 mars 2024 en urgence pour la séance du 21 mars 2024.` (1 jour franc ; rien sur le vote de l'urgence)",
        false_positives: "L'extrait d'une seule délibération peut omettre le vote sur l'urgence consigné au début du procès-verbal : c'est un avertissement, pas une erreur.",
    },
};

pub struct Urgence;
impl Rule for Urgence {
    fn meta(&self) -> &'static RuleMeta {
        &URGENCE
    }
    fn check(&self, cx: &Ctx, out: &mut Vec<Finding>) {
        let s = cx.seance;
        let (Some(urgency), Some(sm), Some(cm)) = (s.mentions.urgency, &s.session, &s.convocation)
        else {
            return;
        };
        if s.mentions.urgency_ruled.is_some() {
            return;
        }
        let days = sm.date.days() - cm.date.days();
        let francs = days - 1;
        if days <= 0 || francs < 1 {
            // CONV-DELAY: below the floor even in urgency
            return;
        }
        // shorter than the ordinary delay: certain, or only for a commune of 3 500 or more
        let unknown = || {
            Basis::probable(
                "délai ordinaire de 3 ou 5 jours francs selon la population, non indiquée",
            )
        };
        let (short, basis) = match s.body {
            BodyKind::ConseilDepartemental | BodyKind::ConseilRegional => {
                (days < 12, Basis::CERTAIN)
            }
            k if k.is_epci() || k == BodyKind::Bureau => (francs < 5, Basis::CERTAIN),
            _ if francs < 3 => (true, Basis::CERTAIN),
            _ if francs < 5 => big_commune(cx).map_or((true, unknown()), |b| (b.0, b.2)),
            _ => (false, Basis::CERTAIN),
        };
        if !short {
            return;
        }
        out.push(finding(
            &URGENCE,
            Severity::Warning,
            format!(
                "Convocation du {} pour la séance du {} ({} jour{} franc{}), plus courte que le délai ordinaire : le texte invoque l'urgence mais ne dit pas que l'assemblée s'est prononcée sur elle.",
                cm.date.french(),
                sm.date.french(),
                francs,
                if francs > 1 { "s" } else { "" },
                if francs > 1 { "s" } else { "" }
            ),
            vec![urgency, cm.mention.span],
            &[&sm.basis, &cm.basis, &basis],
        ));
    }
}
