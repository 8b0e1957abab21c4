//! Open data: the SCDL "délibérations" model (version 2.1.5, as validated by Validata), one
//! row per deliberation read. A cell is filled only from a reading that is certain; what the
//! text cannot give (the SIRET, an official name, the subject, the URL) comes from options,
//! and the required cells still empty are listed, per deliberation.

use crate::model::Certainty;
use crate::report::{Extract, Report};

/// The model's columns, in its order.
pub const COLUMNS: [&str; 17] = [
    "COLL_NOM",
    "COLL_SIRET",
    "DELIB_ID",
    "DELIB_DATE",
    "DELIB_MATIERE_CODE",
    "DELIB_MATIERE_NOM",
    "DELIB_OBJET",
    "BUDGET_ANNEE",
    "BUDGET_NOM",
    "PREF_ID",
    "PREF_DATE",
    "VOTE_EFFECTIF",
    "VOTE_REEL",
    "VOTE_POUR",
    "VOTE_CONTRE",
    "VOTE_ABSTENTION",
    "DELIB_URL",
];

/// The columns the model requires.
pub const REQUIRED: [&str; 7] = [
    "COLL_NOM",
    "COLL_SIRET",
    "DELIB_ID",
    "DELIB_DATE",
    "DELIB_MATIERE_CODE",
    "DELIB_MATIERE_NOM",
    "DELIB_OBJET",
];

/// Level-2 subjects of the ACTES nomenclature (code, name), for DELIB_MATIERE_*.
pub const SUBJECTS: &[(&str, &str)] = &[
    ("1.1", "Marchés publics"),
    ("1.2", "Délégation de service public"),
    ("1.3", "Conventions de mandat"),
    ("1.4", "Autres types de contrats"),
    ("1.5", "Transactions / protocole d'accord transactionnel"),
    ("1.6", "Actes relatifs à la maîtrise d'œuvre"),
    ("1.7", "Actes spéciaux et divers"),
    ("2.1", "Documents d'urbanisme"),
    (
        "2.2",
        "Actes relatifs au droit d'occupation ou d'utilisation des sols",
    ),
    ("2.3", "Droit de préemption urbain"),
    ("3.1", "Acquisitions"),
    ("3.2", "Aliénations"),
    ("3.3", "Locations"),
    ("3.4", "Limites territoriales"),
    ("3.5", "Autres actes de gestion du domaine public"),
    ("3.6", "Autres actes de gestion du domaine privé"),
    ("4.1", "Personnels titulaires et stagiaires de la FPT"),
    ("4.2", "Personnels contractuels"),
    ("4.3", "Fonction publique hospitalière"),
    ("4.4", "Autres catégories de personnels"),
    ("4.5", "Régime indemnitaire"),
    ("5.1", "Election exécutif"),
    ("5.2", "Fonctionnement des assemblées"),
    ("5.3", "Désignation de représentants"),
    ("5.4", "Délégation de fonctions"),
    ("5.5", "Délégation de signature"),
    ("5.6", "Exercice des mandats locaux"),
    ("5.7", "Intercommunalité"),
    ("5.8", "Décision d'ester en justice"),
    ("6.1", "Police municipale"),
    ("6.2", "Pouvoir du président du conseil général"),
    ("6.3", "Pouvoir du président du conseil régional"),
    ("6.4", "Autres actes réglementaires"),
    ("6.5", "Actes pris au nom de l'Etat"),
    ("7.1", "Décisions budgétaires"),
    ("7.2", "Fiscalité"),
    ("7.3", "Emprunts"),
    ("7.4", "Interventions économiques"),
    ("7.5", "Subventions"),
    ("7.6", "Contributions budgétaires"),
    ("7.7", "Avances"),
    ("7.8", "Fonds de concours"),
    ("7.9", "Prise de participation (SEM, etc.)"),
    ("7.10", "Divers"),
    ("8.1", "Enseignement"),
    ("8.2", "Aide sociale"),
    ("8.3", "Voirie"),
    ("8.4", "Aménagement du territoire"),
    ("8.5", "Politique de la ville-habitat-logement"),
    ("8.6", "Emploi-formation professionnelle"),
    ("8.7", "Transports"),
    ("8.8", "Environnement"),
    ("8.9", "Culture"),
    ("9.1", "Autres domaines de compétences des communes"),
    ("9.2", "Autres domaines de compétences des départements"),
    ("9.3", "Autres domaines de compétences des régions"),
    ("9.4", "Vœux et motions"),
];

/// The subject's name from its code ("7.5" → "Subventions").
pub fn subject_name(code: &str) -> Option<&'static str> {
    SUBJECTS.iter().find(|s| s.0 == code).map(|s| s.1)
}

/// A subject guessed from a deliberation's object, offered as a suggestion the user confirms
/// (never written into the export by itself).
pub fn suggest_subject(object: &str) -> Option<(&'static str, &'static str)> {
    let o = crate::text::fold(object);
    const KEYS: &[(&str, &str)] = &[
        ("subvention", "7.5"),
        ("fonds de concours", "7.8"),
        ("emprunt", "7.3"),
        ("garantie", "7.3"),
        ("taux d'imposition", "7.2"),
        ("fiscalit", "7.2"),
        ("taxe", "7.2"),
        ("budget", "7.1"),
        ("decision modificative", "7.1"),
        ("compte administratif", "7.1"),
        ("compte de gestion", "7.1"),
        ("tarif", "7.10"),
        ("delegation de service public", "1.2"),
        ("marche", "1.1"),
        ("acquisition", "3.1"),
        ("cession", "3.2"),
        ("vente", "3.2"),
        ("bail", "3.3"),
        ("location", "3.3"),
        ("regime indemnitaire", "4.5"),
        ("rifseep", "4.5"),
        ("tableau des effectifs", "4.1"),
        ("emploi", "4.2"),
        ("recrutement", "4.2"),
        ("personnel", "4.1"),
        ("designation", "5.3"),
        ("representant", "5.3"),
        ("delegation", "5.4"),
        ("reglement interieur", "5.2"),
        ("indemnites de fonction", "5.6"),
        ("preemption", "2.3"),
        ("plan local d'urbanisme", "2.1"),
        ("plu", "2.1"),
        ("voirie", "8.3"),
        ("scolaire", "8.1"),
        ("ecole", "8.1"),
        ("logement", "8.5"),
        ("habitat", "8.5"),
        ("transport", "8.7"),
        ("dechets", "8.8"),
        ("environnement", "8.8"),
        ("culture", "8.9"),
        ("motion", "9.4"),
        ("voeu", "9.4"),
    ];
    KEYS.iter()
        .find(|(k, _)| o.contains(k))
        .and_then(|&(_, code)| subject_name(code).map(|n| (code, n)))
}

/// Sets a cell of a row by its column name.
pub fn set(row: &mut Row, col: &str, value: String) {
    if let Some(k) = COLUMNS.iter().position(|c| *c == col) {
        row[k] = value;
    }
}

/// A cell of a row by its column name.
pub fn get<'a>(row: &'a Row, col: &str) -> &'a str {
    COLUMNS
        .iter()
        .position(|c| *c == col)
        .map_or("", |k| row[k].as_str())
}

/// What the text cannot give.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ScdlOptions {
    pub coll_siret: Option<String>,
    /// The collectivité's official name (the text names an assembly, not always it).
    pub coll_nom: Option<String>,
    /// The ACTES subject, for every deliberation ("7.5").
    pub matiere: Option<String>,
    /// The URL of each deliberation, `{id}` standing for DELIB_ID.
    pub url: Option<String>,
}

/// One row: the cells in [`COLUMNS`] order (empty when not read with certainty).
pub type Row = [String; 17];

/// The rows of a report: one per deliberation.
pub fn rows(report: &Report, opts: &ScdlOptions) -> Vec<Row> {
    report
        .extracts
        .iter()
        .enumerate()
        .map(|(k, e)| row(e, k + 1, opts))
        .collect()
}

fn row(e: &Extract, rank: usize, opts: &ScdlOptions) -> Row {
    let mut r: Row = Default::default();
    let sure = |c: Certainty| c == Certainty::Certain;
    if let Some(n) = opts
        .coll_nom
        .clone()
        .or_else(|| e.body.name.as_deref().and_then(collectivite))
    {
        set(&mut r, "COLL_NOM", n);
    }
    if let Some(s) = &opts.coll_siret {
        set(&mut r, "COLL_SIRET", s.split_whitespace().collect());
    }
    let date = e
        .session
        .as_ref()
        .filter(|d| sure(d.certainty))
        .map(|d| d.date.clone());
    // the number as printed; else one made of the séance's date and the item's rank (said
    // by `notes`)
    let id = match (&e.item.number, &date) {
        (Some(n), _) => n.clone(),
        (None, Some(d)) => format!("{d}-{rank}"),
        (None, None) => String::new(),
    };
    set(&mut r, "DELIB_ID", id.clone());
    if let Some(d) = date {
        set(&mut r, "DELIB_DATE", d);
    }
    if let Some(code) = &opts.matiere {
        if let Some(name) = subject_name(code) {
            set(&mut r, "DELIB_MATIERE_CODE", code.clone());
            set(&mut r, "DELIB_MATIERE_NOM", name.to_string());
        }
    }
    if let Some(o) = &e.item.object {
        set(&mut r, "DELIB_OBJET", o.clone());
    }
    if let Some(y) = e.item.budget_year {
        set(&mut r, "BUDGET_ANNEE", y.to_string());
    }
    if let Some(tr) = &e.transmission {
        if let Some(id) = &tr.id {
            set(&mut r, "PREF_ID", id.clone());
        }
        if let Some(d) = &tr.date {
            set(&mut r, "PREF_DATE", d.clone());
        }
    }
    let d = &e.declared;
    let count = |c: &Option<crate::model::DeclaredCount>| {
        c.as_ref().filter(|c| sure(c.certainty)).map(|c| c.value)
    };
    let in_office = count(&d.in_office);
    if let Some(n) = in_office {
        set(&mut r, "VOTE_EFFECTIF", n.to_string());
    }
    // the first vote read with certainty
    if let Some(v) = e.votes.iter().find(|v| sure(v.certainty)) {
        let voters = count(&d.voters).or_else(|| {
            let (p, r) = (count(&d.present)?, count(&d.proxies).unwrap_or(0));
            Some(p + r)
        });
        // VOTE_REEL: those who took part in the vote (pour + contre + abstention); members
        // who do not take part ("ne prend pas part au vote") are left out
        let (pour, contre, abst) = if v.pour.is_some() || v.against.is_some() {
            (
                v.pour.unwrap_or(0),
                v.against.unwrap_or(0),
                v.abstention.unwrap_or(0),
            )
        } else if v.unanimous {
            // a unanimity without figures: its count only where the voters are known
            match voters {
                Some(n) => match n.checked_sub(v.not_voting.unwrap_or(0)) {
                    Some(p) => (p, 0, v.abstention.unwrap_or(0)),
                    None => return r,
                },
                None => return r,
            }
        } else {
            return r;
        };
        set(&mut r, "VOTE_REEL", (pour + contre + abst).to_string());
        set(&mut r, "VOTE_POUR", pour.to_string());
        set(&mut r, "VOTE_CONTRE", contre.to_string());
        set(&mut r, "VOTE_ABSTENTION", abst.to_string());
    }
    if let Some(u) = &opts.url {
        if !id.is_empty() {
            set(&mut r, "DELIB_URL", u.replace("{id}", &id));
        }
    }
    r
}

/// The collectivité named in an assembly's title: "Bureau métropolitain de Dijon métropole"
/// → "Dijon métropole", "Conseil municipal de la Commune de X" → "Commune de X"; none when
/// what follows is a date, another assembly or nothing that reads as a name.
pub fn collectivite(title: &str) -> Option<String> {
    let lower = title.to_ascii_lowercase();
    let links = [" de la ", " de l'", " de l’", " du ", " de ", " d'", " d’"];
    let (at, len) = links
        .iter()
        .filter_map(|l| lower.find(l).map(|p| (p, l.len())))
        .min_by_key(|x| (x.0, usize::MAX - x.1))?;
    let rest = title.get(at + len..)?.trim();
    let first = crate::text::fold(rest.split_whitespace().next()?);
    let assembly = [
        "conseil",
        "bureau",
        "comité",
        "comite",
        "commission",
        "séance",
        "seance",
        "assemblée",
    ];
    if rest.is_empty()
        || rest.chars().any(|c| c.is_ascii_digit())
        || !rest.chars().next().is_some_and(crate::text::is_upper)
        || assembly.contains(&first.as_str())
        || rest.split_whitespace().count() > 8
    {
        return None;
    }
    Some(rest.to_string())
}

/// What the export made rather than read, per row (number from 1): a DELIB_ID built from
/// the séance's date, a COLL_NOM read in the assembly's title.
pub fn notes(report: &Report, opts: &ScdlOptions) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for (k, e) in report.extracts.iter().enumerate() {
        if e.item.number.is_none()
            && e.session
                .as_ref()
                .is_some_and(|d| d.certainty == Certainty::Certain)
        {
            out.push((
                k + 1,
                "DELIB_ID construit (date de la séance et rang) : aucun numéro de délibération lu"
                    .to_string(),
            ));
        }
        if opts.coll_nom.is_none() {
            if let Some(n) = e.body.name.as_deref().and_then(collectivite) {
                out.push((
                    k + 1,
                    format!(
                        "COLL_NOM lu dans le titre : « {n} » (--coll-nom pour le nom officiel)"
                    ),
                ));
            }
        }
    }
    out
}

/// The required cells still empty: (row number from 1, column).
pub fn missing(rows: &[Row]) -> Vec<(usize, &'static str)> {
    let mut out = Vec::new();
    for (i, r) in rows.iter().enumerate() {
        for col in REQUIRED {
            if get(r, col).is_empty() {
                out.push((i + 1, col));
            }
        }
    }
    out
}

/// The rows as CSV (RFC 4180: comma, CRLF, quotes where needed), the header first.
pub fn csv(rows: &[Row]) -> String {
    let cell = |s: &str| {
        if s.contains([',', '"', '\n', '\r']) {
            format!("\"{}\"", s.replace('"', "\"\""))
        } else {
            s.to_string()
        }
    };
    let mut out = COLUMNS.join(",");
    out.push_str("\r\n");
    for r in rows {
        out.push_str(&r.iter().map(|c| cell(c)).collect::<Vec<_>>().join(","));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subjects_are_unique_and_well_formed() {
        for (i, (code, name)) in SUBJECTS.iter().enumerate() {
            assert!(!name.is_empty());
            let (a, b) = code.split_once('.').unwrap();
            assert!(a.len() == 1 && (1..=2).contains(&b.len()), "{code}");
            assert!(SUBJECTS[..i].iter().all(|s| s.0 != *code), "{code} twice");
        }
        assert_eq!(subject_name("7.5"), Some("Subventions"));
        assert_eq!(
            suggest_subject("CREATIV' - Subvention 2024").map(|s| s.0),
            Some("7.5")
        );
        assert_eq!(suggest_subject("Élection du maire"), None);
    }

    #[test]
    fn collectivite_from_titles() {
        let c = |t: &str| collectivite(t);
        assert_eq!(
            c("Bureau métropolitain de Dijon métropole").as_deref(),
            Some("Dijon métropole")
        );
        assert_eq!(
            c("Conseil Municipal de la Commune de Saint-Philbert-de-Bouaine").as_deref(),
            Some("Commune de Saint-Philbert-de-Bouaine")
        );
        assert_eq!(
            c("CONSEIL MUNICIPAL DE LA VILLE DE MAZERES").as_deref(),
            Some("VILLE DE MAZERES")
        );
        assert_eq!(
            c("Conseil de l’Eurométropole de Strasbourg").as_deref(),
            Some("Eurométropole de Strasbourg")
        );
        assert_eq!(c("CONSEIL COMMUNAUTAIRE DU 2 FEVRIER 2023"), None);
        assert_eq!(c("Bureau du Conseil de Communauté"), None);
        assert_eq!(
            c("commission permanente du conseil régional d'Île-de-France"),
            None
        );
        assert_eq!(c("CONSEIL MUNICIPAL"), None);
    }
}
