//! ACTES transmission identifier rules (TRANS-*).

use super::*;
use crate::model::Date;
use crate::parse::actes::luhn_ok;

pub static ID_FORMAT: RuleMeta = RuleMeta {
    code: "TRANS-ID-FORMAT",
    title: "Identifiant ACTES bien formé",
    category: Category::Publication,
    severity: Severity::Warning,
    legal_basis: "Transmission électronique au représentant de l'État (CGCT art. L2131-1 ; cahier des charges ACTES)",
    scope: Scope::Seance,
    doc: RuleDoc {
        what: "Dans l'identifiant de transmission (« ID : 021-242100410-20240321-2024_03_15-DE »), le code département doit exister (001 à 095 sans 020, 02A, 02B, 971 à 978, 98x), le SIREN de la collectivité doit avoir une clé de contrôle valide (algorithme de Luhn), la date de l'acte doit exister et le code de nature qui le clôt doit être DE, AR, AI, CC, BF ou AU.",
        why: "Un identifiant mal formé désigne une autre collectivité ou une date impossible : l'acte peut être mal rattaché lors du contrôle de légalité.",
        legal: "Transmission des actes au représentant de l'État (CGCT art. L2131-1 et L2131-2) ; format défini par la spécification ACTES (département, SIREN, date, numéro interne, nature).",
        example: "`ID : 021-242100411-20240321-2024_03_15-DE` (la clé du SIREN 242100411 est fausse ; 242100410 est valide)",
        false_positives: "L'extraction d'un PDF peut altérer un chiffre (OCR) ou couper l'identifiant : c'est pourquoi le constat est un avertissement. Un nom de fichier n'est pas un identifiant.",
    },
};

pub struct IdFormat;
impl Rule for IdFormat {
    fn meta(&self) -> &'static RuleMeta {
        &ID_FORMAT
    }
    fn check(&self, cx: &Ctx, out: &mut Vec<Finding>) {
        let mut seen: Vec<&str> = Vec::new();
        for id in &cx.seance.actes_ids {
            if seen.contains(&id.siren.as_str()) {
                continue; // the same stamp repeated on every page
            }
            seen.push(&id.siren);
            if !luhn_ok(&id.siren) {
                out.push(finding(
                    &ID_FORMAT,
                    Severity::Warning,
                    format!("Le SIREN {} de l'identifiant ACTES n'a pas une clé de contrôle valide : chiffre mal saisi, ou mal lu dans le PDF ?", id.siren),
                    vec![id.siren_span, id.span],
                    &[],
                ));
            }
            if !dept_ok(&id.dept) {
                out.push(finding(
                    &ID_FORMAT,
                    Severity::Warning,
                    format!("Le code département {} de l'identifiant ACTES n'existe pas (001 à 095 sans 020, 02A, 02B, 971 à 978, 98x).", id.dept),
                    vec![id.dept_span, id.span],
                    &[],
                ));
            }
            if let Some((code, span)) = &id.bad_nature {
                out.push(finding(
                    &ID_FORMAT,
                    Severity::Warning,
                    format!("Le code de nature {code} de l'identifiant ACTES n'est pas l'un des codes DE (délibération), AR, AI, CC, BF ou AU."),
                    vec![*span, id.span],
                    &[],
                ));
            }
            let (y, m, d) = id.date;
            if Date::new(y, m, d).is_none() {
                out.push(finding(
                    &ID_FORMAT,
                    Severity::Warning,
                    format!(
                        "La date {:04}{:02}{:02} de l'identifiant ACTES n'existe pas.",
                        y, m, d
                    ),
                    vec![id.date_span],
                    &[],
                ));
            }
        }
    }
}

/// A département code as ACTES writes it: 001 to 095 without 020, 02A, 02B, 971 to 978 and
/// 98x (overseas).
fn dept_ok(d: &str) -> bool {
    if d == "02A" || d == "02B" {
        return true;
    }
    let Ok(n) = d.parse::<u32>() else {
        return false;
    };
    (1..=95).contains(&n) && n != 20 || (971..=978).contains(&n) || (980..=989).contains(&n)
}

pub static ID_CONSISTENCY: RuleMeta = RuleMeta {
    code: "TRANS-ID-CONSISTENCY",
    title: "Identifiant ACTES et date de la séance",
    category: Category::Publication,
    severity: Severity::Warning,
    legal_basis: "Transmission électronique au représentant de l'État (CGCT art. L2131-1 ; cahier des charges ACTES)",
    scope: Scope::Seance,
    doc: RuleDoc {
        what: "Pour une délibération, la date portée dans l'identifiant ACTES est celle de la décision, donc de la séance (et non celle de la transmission).",
        why: "Une autre date signale une erreur de saisie lors de la télétransmission, ou un identifiant qui appartient à un autre acte.",
        legal: "Spécification ACTES : l'identifiant porte la date de l'acte ; transmission au titre de l'art. L2131-1 du CGCT.",
        example: "`Séance du jeudi 21 mars 2024 … ID : 021-242100410-20240312-2024_03_15-DE`",
        false_positives: "Certaines collectivités saisissent la date de signature au lieu de la date de séance ; une séance prolongée après minuit.",
    },
};

pub struct IdConsistency;
impl Rule for IdConsistency {
    fn meta(&self) -> &'static RuleMeta {
        &ID_CONSISTENCY
    }
    fn check(&self, cx: &Ctx, out: &mut Vec<Finding>) {
        let s = cx.seance;
        let Some(sm) = s.session.as_ref() else {
            return;
        };
        let sd = sm.date;
        let mut seen = Vec::new();
        for id in &s.actes_ids {
            if id.nature.as_deref().is_some_and(|n| n != "DE") || seen.contains(&id.date) {
                continue;
            }
            seen.push(id.date);
            let (y, m, d) = id.date;
            let Some(idd) = Date::new(y, m, d) else {
                continue;
            };
            if (idd.days() - sd.days()).abs() > 1 {
                out.push(finding(
                    &ID_CONSISTENCY,
                    Severity::Warning,
                    format!(
                        "L'identifiant ACTES porte la date du {}, alors que la séance est du {} : l'identifiant doit porter la date de la décision.",
                        idd.french(),
                        sd.french()
                    ),
                    vec![id.date_span, sm.mention.span],
                    &[&sm.basis],
                ));
            }
        }
    }
}

pub static PUB_DATE_ORDER: RuleMeta = RuleMeta {
    code: "PUB-DATE-ORDER",
    title: "Transmission et publication après la séance",
    category: Category::Publication,
    severity: Severity::Error,
    legal_basis: "CGCT art. L2131-1 et L2131-2",
    scope: Scope::Seance,
    doc: RuleDoc {
        what: "Les dates d'envoi ou de réception en préfecture et de publication ou d'affichage d'une délibération ne peuvent pas précéder la séance où elle a été prise. L'ordre entre la signature, l'envoi, la réception et le caractère exécutoire n'est pas encore vérifié.",
        why: "Un acte transmis ou publié avant d'avoir été délibéré révèle une date fausse (de la séance ou du tampon), et c'est de ces dates que dépend le caractère exécutoire de l'acte.",
        legal: "CGCT art. L2131-1 (les actes sont exécutoires dès leur publication ou affichage et, pour ceux de l'art. L2131-2, leur transmission au représentant de l'État) ; art. L2131-2 (délibérations soumises à transmission). Équivalents : L3131-1, L4141-1, L5211-3.",
        example: "`Séance du jeudi 21 mars 2024 … Envoyé en préfecture le 20/03/2024 — Reçu en préfecture le 20/03/2024`",
        false_positives: "Une ligne « Affiché le » restée vierge n'est pas lue ; l'affichage de la convocation (« convocation affichée le ») n'est pas une publication de l'acte ; le tampon d'un autre acte recopié dans un recueil peut dater d'une autre séance.",
    },
};

pub struct PubDateOrder;
impl Rule for PubDateOrder {
    fn meta(&self) -> &'static RuleMeta {
        &PUB_DATE_ORDER
    }
    fn check(&self, cx: &Ctx, out: &mut Vec<Finding>) {
        let s = cx.seance;
        let Some(session) = &s.session else { return };
        for m in &s.dates {
            let (Some(kind), Some(d)) = (m.stamp, m.date) else {
                continue;
            };
            if d >= session.date || m.year_inferred {
                continue;
            }
            let what = match kind {
                crate::model::StampKind::Transmission => "La transmission en préfecture",
                crate::model::StampKind::Publication => "La publication",
            };
            out.push(finding(
                &PUB_DATE_ORDER,
                Severity::Error,
                format!(
                    "{} est datée du {}, avant la séance du {} : l'acte ne peut pas être transmis ni publié avant d'avoir été délibéré.",
                    what,
                    d.french(),
                    session.date.french()
                ),
                vec![m.span, session.mention.span],
                &[&m.basis, &session.basis],
            ));
        }
    }
}

/// The reform of publicity (ordonnance n° 2021-1310): publication online from this day.
fn reform_day() -> Date {
    Date {
        year: 2022,
        month: 7,
        day: 1,
    }
}

pub static PUB_MODE: RuleMeta = RuleMeta {
    code: "PUB-MODE",
    title: "Publication électronique des actes",
    category: Category::Publication,
    severity: Severity::Warning,
    legal_basis: "CGCT art. L2131-1",
    scope: Scope::Seance,
    doc: RuleDoc {
        what: "Depuis le 1er juillet 2022, les actes des communes de 3 500 habitants et plus, des EPCI à fiscalité propre, des départements et des régions sont publiés sous forme électronique, sur leur site internet. Un acte seulement « affiché » est signalé : un avertissement pour ces collectivités, une information pour une commune dont la population n'est pas connue ou qui compte moins de 3 500 habitants (elle peut avoir choisi l'affichage par délibération). Une publication « par extrait » est signalée : la publication électronique porte sur l'acte entier.",
        why: "Un acte qui n'est pas publié selon la forme requise n'est pas exécutoire : il ne peut pas être opposé aux tiers.",
        legal: "CGCT art. L2131-1 (ordonnance n° 2021-1310 du 7 octobre 2021) et R2131-1 (décret n° 2021-1311) : publication électronique intégrale, dans un format non modifiable, datée, maintenue en ligne au moins deux mois.",
        example: "`Ville de Z (12 400 habitants) — Séance du 21 mars 2024 — Affiché en mairie le 25/03/2024.`",
        false_positives: "Un texte qui ne reproduit pas la mention de publication (elle figure souvent sur le registre ou le site) ; un syndicat qui a choisi un autre mode par délibération.",
    },
};

pub struct PubMode;
impl Rule for PubMode {
    fn meta(&self) -> &'static RuleMeta {
        &PUB_MODE
    }
    fn check(&self, cx: &Ctx, out: &mut Vec<Finding>) {
        let s = cx.seance;
        let Some(session) = &s.session else { return };
        if session.date < reform_day() {
            return;
        }
        let m = &s.mentions;
        if let Some(x) = m.published_by_extract {
            out.push(finding(
                &PUB_MODE,
                Severity::Info,
                "L'acte est dit « publié par extrait » : depuis le 1er juillet 2022, la publication électronique porte sur l'acte entier (art. R2131-1).".to_string(),
                vec![x],
                &[],
            ));
        }
        let Some(posted) = m.posted else { return };
        if m.published_online.is_some() {
            return;
        }
        use crate::model::BodyKind as B;
        let bound = match s.body {
            B::ConseilCommunautaire
            | B::ConseilMetropolitain
            | B::ConseilDepartemental
            | B::ConseilRegional
            | B::CommissionPermanente
            | B::ConseilTerritorial => Some((true, String::new(), Basis::CERTAIN)),
            B::ConseilMunicipal => big_commune(cx),
            _ => None,
        };
        let (severity, who, basis, how) = match bound {
            Some((true, how, basis)) => (Severity::Warning, "pour cette collectivité,".to_string(), basis, how),
            Some((false, ..)) => (
                Severity::Info,
                "une commune de moins de 3 500 habitants peut avoir choisi l'affichage par délibération ; à défaut,".to_string(),
                Basis::CERTAIN,
                String::new(),
            ),
            None => (
                Severity::Info,
                "si la commune compte 3 500 habitants ou plus (population inconnue : option « population »), ou si la collectivité n'a pas choisi un autre mode,".to_string(),
                Basis::CERTAIN,
                String::new(),
            ),
        };
        let f = finding(
            &PUB_MODE,
            severity,
            format!(
                "Le texte mentionne un affichage mais aucune publication électronique, pour une séance du {} : {who} la publication se fait sous forme électronique depuis le 1er juillet 2022{how}.",
                session.date.french()
            ),
            vec![posted],
            &[&basis],
        );
        out.push(
            if s.body == B::ConseilMunicipal && cx.opts.population.is_none() {
                f.asking_population()
            } else {
                f
            },
        );
    }
}

pub static LIST_PV: RuleMeta = RuleMeta {
    code: "PUB-LIST-PV",
    title: "Liste des délibérations et procès-verbal",
    category: Category::Publication,
    severity: Severity::Warning,
    legal_basis: "CGCT art. L2121-25 et L2121-15",
    scope: Scope::Seance,
    doc: RuleDoc {
        what: "Depuis le 1er juillet 2022, la liste des délibérations examinées est affichée en mairie et mise en ligne dans la semaine qui suit la séance ; le compte rendu affiché a disparu (le procès-verbal est arrêté à la séance suivante et publié dans la semaine). Une liste affichée plus de sept jours après la séance est signalée, et la mention d'un « compte rendu affiché » est une information.",
        why: "Les citoyens doivent connaître rapidement ce qui a été décidé ; une formule ancienne laisse croire que la procédure d'avant 2022 s'applique encore.",
        legal: "CGCT art. L2121-25 (liste des délibérations, sous huitaine) et L2121-15 (procès-verbal), dans leur rédaction issue de l'ordonnance n° 2021-1310 ; pour les EPCI, par l'art. L5211-1.",
        example: "`Séance du 21 mars 2024 … Liste des délibérations affichée le 5 avril 2024.`",
        false_positives: "Le retard n'affecte pas la légalité des délibérations ; les extraits donnent rarement ces dates.",
    },
};

/// How far after "liste des délibérations affichée le" its date stands (bytes).
const LIST_DATE_REACH: usize = 40;
/// The list is posted within a week of the séance (L2121-25).
const LIST_DELAY_DAYS: i64 = 7;

pub struct ListPv;
impl Rule for ListPv {
    fn meta(&self) -> &'static RuleMeta {
        &LIST_PV
    }
    fn check(&self, cx: &Ctx, out: &mut Vec<Finding>) {
        let s = cx.seance;
        let Some(session) = &s.session else { return };
        if session.date < reform_day() {
            return;
        }
        if let Some(cr) = s.mentions.minutes_posted {
            out.push(finding(
                &LIST_PV,
                Severity::Info,
                format!(
                    "Le texte mentionne un « compte rendu » affiché : pour une séance du {}, la procédure est celle de la liste des délibérations (sous huitaine) et du procès-verbal (L2121-25 et L2121-15 depuis le 1er juillet 2022).",
                    session.date.french()
                ),
                vec![cr],
                &[],
            ));
        }
        let Some(l) = s.mentions.list_posted else {
            return;
        };
        let Some((m, d)) = s.dates.iter().find_map(|m| {
            (m.span.start >= l.end && m.span.start <= l.end + LIST_DATE_REACH)
                .then_some((m, m.date?))
        }) else {
            return;
        };
        let gap = d.days() - session.date.days();
        if gap <= LIST_DELAY_DAYS {
            return;
        }
        out.push(finding(
            &LIST_PV,
            Severity::Warning,
            format!(
                "La liste des délibérations est affichée le {}, {} jours après la séance du {} : elle doit l'être dans la semaine (art. L2121-25).",
                d.french(),
                gap,
                session.date.french()
            ),
            vec![m.span, session.mention.span],
            &[&m.basis, &session.basis],
        ));
    }
}
