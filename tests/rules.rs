//! Each rule fires on a minimal extract and stays silent on its corrected version.
//! A rule added to the registry without a case here fails `every_rule_has_a_case`.

use conforme::model::BodyKind;
use conforme::rules::{Severity, REGISTRY};
use conforme::{check, Options};

struct Case {
    rule: &'static str,
    severity: Severity,
    fires: &'static str,
    /// Words of `fires` that the finding's spans must cover.
    marks: &'static [&'static str],
    silent: &'static str,
    opts: fn() -> Options,
}

fn all() -> Options {
    Options::all()
}

fn big_commune() -> Options {
    Options {
        population: Some(12_400),
        ..Options::all()
    }
}

fn bureau() -> Options {
    Options {
        body: Some(BodyKind::Bureau),
        ..Options::all()
    }
}

const CASES: &[Case] = &[
    Case {
        rule: "ATT-PRESENT-COUNT",
        severity: Severity::Error,
        // the lists add up to the members in office: they are corroborated, the count is not
        fires: "Nombre de membres en exercice : 5\nPrésents : 4\nMembres présents : M. Jean DUPONT, Mme Anne MARTIN, M. Paul LEROY.\nAbsents : Mme Claire BLANC, M. Marc NOIR.\n",
        marks: &["4"],
        silent: "Nombre de membres en exercice : 5\nPrésents : 3\nMembres présents : M. Jean DUPONT, Mme Anne MARTIN, M. Paul LEROY.\nAbsents : Mme Claire BLANC, M. Marc NOIR.\n",
        opts: all,
    },
    Case {
        rule: "ATT-PRESENT-COUNT",
        severity: Severity::Error,
        fires: "Nombre de membres en exercice : 4\nNombre de présents : 3\nsous la présidence de M. Jean DUPONT, Maire.\nMembres présents : Mme Anne MARTIN.\nAbsents : M. Paul NOIR, Mme Lise BLANC.\n",
        marks: &["3"],
        // the president, not repeated in the list, is counted once
        silent: "Nombre de membres en exercice : 4\nNombre de présents : 2\nsous la présidence de M. Jean DUPONT, Maire.\nMembres présents : Mme Anne MARTIN.\nAbsents : M. Paul NOIR, Mme Lise BLANC.\n",
        opts: all,
    },
    Case {
        rule: "ATT-PRESENT-COUNT",
        severity: Severity::Warning,
        // nothing corroborates the list: the gap is reported, not asserted
        fires: "Nombre de présents : 3\nsous la présidence de M. Jean DUPONT, Maire.\nMembres présents : Mme Anne MARTIN.\n",
        marks: &["3"],
        silent: "Nombre de présents : 2\nsous la présidence de M. Jean DUPONT, Maire.\nMembres présents : Mme Anne MARTIN.\n",
        opts: all,
    },
    Case {
        rule: "ATT-PRESENT-COUNT",
        severity: Severity::Error,
        fires: "Nombre de membres en exercice : 3\nNombre de présents : 3\nPrésents : Dupont Jean, Martin Paul.\nAbsents : Leroy Anne.\n",
        marks: &["3\nPr"],
        // names glued together ("Dupont Jean Martin Paul"): the list cannot be counted
        silent: "Nombre de membres en exercice : 3\nNombre de présents : 3\nPrésents : Dupont Jean Martin Paul, Leroy Anne.\n",
        opts: all,
    },
    Case {
        rule: "ATT-BALANCE",
        severity: Severity::Error,
        fires: "Nombre de membres en exercice : 4\nPrésents : 3\nAbsents : 2\n",
        marks: &["4", "3", "2"],
        silent: "Nombre de membres en exercice : 5\nPrésents : 3\nAbsents : 2\n",
        opts: all,
    },
    Case {
        rule: "ATT-BALANCE",
        severity: Severity::Warning,
        // five names for four members: counted in lists nothing else corroborates
        fires: "Nombre de membres en exercice : 4\nPrésents : M. Jean DUPONT, Mme Anne MARTIN, M. Paul LEROY.\nAbsents : Mme Claire BLANC, M. Marc NOIR.\n",
        marks: &["4"],
        silent: "Nombre de membres en exercice : 5\nPrésents : M. Jean DUPONT, Mme Anne MARTIN, M. Paul LEROY.\nAbsents : Mme Claire BLANC, M. Marc NOIR.\n",
        opts: all,
    },
    Case {
        rule: "ATT-BALANCE",
        severity: Severity::Warning,
        fires: "Nombre de membres en exercice : 7\nPrésents : M. Jean DUPONT, Mme Anne MARTIN, M. Paul LEROY.\nAbsents : Mme Claire BLANC, M. Marc NOIR.\n",
        marks: &["7"],
        silent: "Nombre de membres en exercice : 5\nPrésents : M. Jean DUPONT, Mme Anne MARTIN, M. Paul LEROY.\nAbsents : Mme Claire BLANC, M. Marc NOIR.\n",
        opts: all,
    },
    Case {
        rule: "ATT-STATUS-CONFLICT",
        severity: Severity::Error,
        fires: "Présents : M. Paul LEROY, Mme Anne MARTIN, M. Jean NOIR.\nPouvoirs : M. Paul LEROY à Mme Anne MARTIN.\n",
        marks: &["Paul LEROY,", "M. Paul LEROY à Mme Anne MARTIN"],
        silent: "Présents : Mme Anne MARTIN, M. Jean NOIR.\nPouvoirs : M. Paul LEROY à Mme Anne MARTIN.\n",
        opts: all,
    },
    Case {
        rule: "ATT-STATUS-CONFLICT",
        severity: Severity::Error,
        // an arrival recorded between the two statuses is not a conflict
        fires: "Présents : M. Paul LEROY, Mme Anne MARTIN.\nAbsents : M. Paul LEROY.\n",
        marks: &["Paul LEROY,"],
        silent: "Présents : M. Paul LEROY (à partir du point 3), Mme Anne MARTIN.\nAbsents : M. Paul LEROY (jusqu'au point 2).\n",
        opts: all,
    },
    Case {
        rule: "ATT-STATUS-CONFLICT",
        severity: Severity::Error,
        // absent for some items only ("aux points 3 à 6") is not absent from the séance
        fires: "Présents : Mme Meriem ABKOUI, M. Paul BLEU.\nÉtaient absents : Mme Meriem ABKOUI.\n",
        marks: &["Meriem ABKOUI,"],
        silent: "Présents : Mme Meriem ABKOUI, M. Paul BLEU.\nÉtaient absents : Mme Meriem ABKOUI (aux points 3, 4, 5, 6).\n",
        opts: all,
    },
    Case {
        rule: "ATT-INOFFICE-SEATS",
        severity: Severity::Error,
        fires: "Nombre de membres afférents : 15\nNombre de membres en exercice : 17\n",
        marks: &["17", "15"],
        silent: "Nombre de membres afférents : 15\nNombre de membres en exercice : 15\n",
        opts: all,
    },
    Case {
        rule: "ATT-VOTANTS",
        severity: Severity::Error,
        fires: "Présents : 18 — Pouvoirs : 4 — Votants : 23\n",
        marks: &["23", "18", "4"],
        silent: "Présents : 18 — Pouvoirs : 4 — Votants : 22\n",
        opts: all,
    },
    Case {
        rule: "QUO-MAJORITY",
        severity: Severity::Error,
        fires: "Conseil municipal. Séance du jeudi 21 mars 2024. Membres en exercice : 29 — Présents : 14 — Représentés : 6 — Votants : 20\n",
        marks: &["29", "14"],
        silent: "Conseil municipal. Séance du jeudi 21 mars 2024. Membres en exercice : 29 — Présents : 15 — Représentés : 6 — Votants : 21\n",
        opts: all,
    },
    Case {
        rule: "QUO-MAJORITY",
        severity: Severity::Warning,
        // no séance date: a COVID-era third (10 of 29) cannot be ruled out
        fires: "Conseil municipal. Membres en exercice : 29 — Présents : 14 — Représentés : 6 — Votants : 20\n",
        marks: &["29", "14"],
        silent: "Conseil municipal. Membres en exercice : 29 — Présents : 15 — Représentés : 6 — Votants : 21\n",
        opts: all,
    },
    Case {
        rule: "QUO-MAJORITY",
        severity: Severity::Error,
        // in the window of loi n° 2021-1465 a third suffices: 10 of 29 present is valid
        fires: "Conseil municipal. Séance du jeudi 20 janvier 2022. Membres en exercice : 29 — Présents : 9\n",
        marks: &["29", "9"],
        silent: "Conseil municipal. Séance du jeudi 20 janvier 2022. Membres en exercice : 29 — Présents : 10\n",
        opts: all,
    },
    Case {
        rule: "VOTE-UNANIMITY",
        severity: Severity::Error,
        // an unanimity and the next item's tally are two votes
        fires: "Point 3 : adopté à l'unanimité (Pour : 25 ; Contre : 2).\n",
        marks: &["2)", "unanimit"],
        silent: "Point 3 : adopté à l'unanimité. Point 4 : Pour : 25 ; Contre : 2.\n",
        opts: all,
    },
    Case {
        rule: "AMT-WORDS-DIGITS",
        severity: Severity::Error,
        fires: "une participation de trente euros (35 €)\n",
        marks: &["trente euros", "35 €"],
        silent: "une participation de trente euros et cinquante centimes (30,50 €)\n",
        opts: all,
    },
    Case {
        rule: "ATT-VOTANTS",
        severity: Severity::Error,
        fires: "Présents : 18 — Pouvoirs : 4 — Votants : 21\nPour : 19 — Contre : 1 — Abstention : 2\n",
        marks: &["21"],
        // this template calls "votants" the suffrages exprimés (19 + 1)
        silent: "Présents : 18 — Pouvoirs : 4 — Votants : 20\nPour : 19 — Contre : 1 — Abstention : 2\n",
        opts: all,
    },
    Case {
        rule: "PRX-ONE-PER-HOLDER",
        severity: Severity::Error,
        fires: "Séance du jeudi 21 mars 2024.\nPrésents : M. Bernard BLEU, Mme Anne MARTIN.\nPouvoirs : Mme Alice ROUGE à M. Bernard BLEU ; M. Claude VERT à M. Bernard BLEU.\n",
        marks: &["Alice ROUGE à M. Bernard BLEU", "Claude VERT à M. Bernard BLEU"],
        silent: "Séance du jeudi 21 mars 2024.\nPrésents : M. Bernard BLEU, Mme Anne MARTIN.\nPouvoirs : Mme Alice ROUGE à M. Bernard BLEU ; M. Claude VERT à Mme Anne MARTIN.\n",
        opts: all,
    },
    Case {
        rule: "PRX-ONE-PER-HOLDER",
        severity: Severity::Warning,
        // no séance date: two proxies were lawful in the COVID-era windows
        fires: "Présents : M. Bernard BLEU, Mme Anne MARTIN.\nPouvoirs : Mme Alice ROUGE à M. Bernard BLEU ; M. Claude VERT à M. Bernard BLEU.\n",
        marks: &["Alice ROUGE à M. Bernard BLEU"],
        silent: "Présents : M. Bernard BLEU, Mme Anne MARTIN.\nPouvoirs : Mme Alice ROUGE à M. Bernard BLEU ; M. Claude VERT à Mme Anne MARTIN.\n",
        opts: all,
    },
    Case {
        rule: "PRX-HOLDER-PRESENT",
        severity: Severity::Error,
        fires: "Présents : Mme Anne MARTIN.\nAbsents excusés : Mme Lucie LEROY.\nPouvoirs : M. Jean MOREL à Mme Lucie LEROY.\n",
        marks: &["Jean MOREL à Mme Lucie LEROY", "Lucie LEROY."],
        silent: "Présents : Mme Anne MARTIN.\nAbsents excusés : Mme Lucie LEROY.\nPouvoirs : M. Jean MOREL à Mme Anne MARTIN.\n",
        opts: all,
    },
    Case {
        rule: "PRX-COUNT-MATCH",
        severity: Severity::Error,
        // the lists add up to the members in office: the proxy count is the odd one out
        fires: "Nombre de membres en exercice : 4\nNombre de pouvoirs : 3\nPrésents : M. Bernard BLEU, Mme Anne MARTIN.\nPouvoirs : Mme Alice ROUGE à M. Bernard BLEU ; M. Claude VERT à Mme Anne MARTIN.\n",
        marks: &["3"],
        silent: "Nombre de membres en exercice : 4\nNombre de pouvoirs : 2\nPrésents : M. Bernard BLEU, Mme Anne MARTIN.\nPouvoirs : Mme Alice ROUGE à M. Bernard BLEU ; M. Claude VERT à Mme Anne MARTIN.\n",
        opts: all,
    },
    Case {
        rule: "PRX-COUNT-MATCH",
        severity: Severity::Warning,
        fires: "Nombre de pouvoirs : 3\nPrésents : M. Bernard BLEU, Mme Anne MARTIN.\nPouvoirs : Mme Alice ROUGE à M. Bernard BLEU ; M. Claude VERT à Mme Anne MARTIN.\n",
        marks: &["3"],
        silent: "Nombre de pouvoirs : 2\nPrésents : M. Bernard BLEU, Mme Anne MARTIN.\nPouvoirs : Mme Alice ROUGE à M. Bernard BLEU ; M. Claude VERT à Mme Anne MARTIN.\n",
        opts: all,
    },
    Case {
        rule: "PRX-HOLDER-ELIGIBLE",
        severity: Severity::Error,
        fires: "Présents : M. Bernard BLEU.\nPouvoirs : M. Jean VERT à M. Paul GRIS, directeur général des services.\n",
        marks: &["Jean VERT"],
        silent: "Présents : M. Bernard BLEU.\nPouvoirs : M. Jean VERT à M. Bernard BLEU.\n",
        opts: all,
    },
    Case {
        rule: "VOTE-SUM",
        severity: Severity::Error,
        fires: "Votants : 27 — Pour : 20 — Contre : 3 — Abstentions : 3\n",
        marks: &["27", "20"],
        silent: "Votants : 27 — Pour : 20 — Contre : 3 — Abstentions : 4\n",
        opts: all,
    },
    Case {
        rule: "VOTE-SUM",
        severity: Severity::Error,
        fires: "Présents : 10\nPouvoirs : 2\nSCRUTIN POUR : 11 CONTRE : 2 ABSTENTION : 0\n",
        marks: &["11", "10"],
        silent: "Présents : 10\nPouvoirs : 2\nSCRUTIN POUR : 10 CONTRE : 2 ABSTENTION : 0\n",
        opts: all,
    },
    Case {
        rule: "VOTE-SUM",
        severity: Severity::Warning,
        // a member arrives during the séance: the votants of the vote may differ
        fires: "Présents : 10\nPouvoirs : 2\nM. Paul BLEU arrive à 20 h 10.\nSCRUTIN POUR : 11 CONTRE : 2 ABSTENTION : 0\n",
        marks: &["11"],
        silent: "Présents : 10\nPouvoirs : 2\nM. Paul BLEU arrive à 20 h 10.\nSCRUTIN POUR : 10 CONTRE : 2 ABSTENTION : 0\n",
        opts: all,
    },
    Case {
        rule: "VOTE-OUTCOME",
        severity: Severity::Error,
        fires: "Pour : 10 — Contre : 12 — Abstentions : 5. La délibération est adoptée.\n",
        marks: &["10", "12", "adoptée"],
        silent: "Pour : 12 — Contre : 10 — Abstentions : 5. La délibération est adoptée.\n",
        opts: all,
    },
    Case {
        rule: "VOTE-UNANIMITY",
        severity: Severity::Error,
        fires: "Adopté à l'unanimité (Pour : 25 ; Contre : 2).\n",
        marks: &["2)"],
        silent: "Adopté à l'unanimité (Pour : 25 ; Contre : 0).\n",
        opts: all,
    },
    Case {
        rule: "VOTE-PROXIES",
        severity: Severity::Error,
        fires: "Nombre de procurations : 5\nPOUR : 30 CONTRE : 0 DONT 7 PROCURATION(S)\n",
        marks: &["7"],
        silent: "Nombre de procurations : 5\nPOUR : 30 CONTRE : 0 DONT 5 PROCURATION(S)\n",
        opts: all,
    },
    Case {
        rule: "CONV-DELAY",
        severity: Severity::Error,
        fires: "Commune de Z — Conseil municipal\nDate de convocation : 16 mars 2024\nSéance du jeudi 21 mars 2024\n",
        marks: &["16 mars 2024", "jeudi 21 mars 2024"],
        silent: "Commune de Z — Conseil municipal\nDate de convocation : 15 mars 2024\nSéance du jeudi 21 mars 2024\n",
        opts: big_commune,
    },
    Case {
        rule: "CONV-DELAY",
        severity: Severity::Warning,
        // population unknown: 4 jours francs suffice below 3 500 inhabitants only
        fires: "Conseil municipal\nDate de convocation : 16 mars 2024\nSéance du jeudi 21 mars 2024\n",
        marks: &["16 mars 2024"],
        silent: "Conseil municipal\nDate de convocation : 15 mars 2024\nSéance du jeudi 21 mars 2024\n",
        opts: all,
    },
    Case {
        rule: "CONV-DELAY",
        severity: Severity::Error,
        fires: "Bureau communautaire\nConvocation envoyée le 18 mars 2024\nSéance du jeudi 21 mars 2024\n",
        marks: &["18 mars 2024"],
        silent: "Bureau communautaire\nConvocation envoyée le 15 mars 2024\nSéance du jeudi 21 mars 2024\n",
        opts: bureau,
    },
    Case {
        rule: "CONV-DELAY",
        severity: Severity::Error,
        fires: "Conseil municipal\nDate de convocation : 22 mars 2024\nSéance du jeudi 21 mars 2024\n",
        marks: &["22 mars 2024"],
        silent: "Conseil municipal\nDate de convocation : 12 mars 2024\nSéance du jeudi 21 mars 2024\n",
        opts: all,
    },
    Case {
        rule: "CONV-DELAY",
        severity: Severity::Error,
        // convened the very day of the séance, written as such
        fires: "Le Conseil municipal, légalement convoqué le 6 février 2023, s'est réuni le lundi 6 février 2023.\n",
        marks: &["6 février 2023,"],
        silent: "Le Conseil municipal, légalement convoqué le 31 janvier 2023, s'est réuni le lundi 6 février 2023.\n",
        opts: all,
    },
    Case {
        rule: "CONV-DELAY",
        severity: Severity::Warning,
        // the séance date is written once, without its weekday: not confirmed
        fires: "Le Conseil municipal, légalement convoqué le 6 février 2023, s'est réuni le 6 février 2023.\n",
        marks: &["6 février 2023,"],
        silent: "Le Conseil municipal, légalement convoqué le 31 janvier 2023, s'est réuni le 6 février 2023.\n",
        opts: all,
    },
    Case {
        rule: "AMT-SUM",
        severity: Severity::Error,
        fires: "une subvention globale de 50 000 €, dont 30 000 € pour le fonctionnement et 25 000 € pour l'investissement.\n",
        marks: &["50 000 €", "30 000 €", "25 000 €"],
        silent: "une subvention globale de 50 000 €, dont 30 000 € pour le fonctionnement et 20 000 € pour l'investissement.\n",
        opts: all,
    },
    Case {
        rule: "AMT-SUM",
        severity: Severity::Warning,
        fires: "ADEME 130 400,00 € 80 % Autofinancement 32 320,00 € 20 % TOTAUX 163 000,00 € 100 %\n",
        marks: &["130 400,00 €", "163 000,00 €"],
        silent: "ADEME 130 400,00 € 80 % Autofinancement 32 600,00 € 20 % TOTAUX 163 000,00 € 100 %\n",
        opts: all,
    },
    Case {
        rule: "AMT-WORDS-DIGITS",
        severity: Severity::Error,
        fires: "une subvention de cinq cent trente-six mille euros (563 000 €)\n",
        marks: &["cinq cent trente-six mille euros", "563 000 €"],
        silent: "une subvention de cinq cent trente-six mille euros (536 000 €)\n",
        opts: all,
    },
    Case {
        rule: "AMT-HT-TTC",
        severity: Severity::Warning,
        fires: "un marché d'un montant de 120 000 € HT, soit 150 000 € TTC\n",
        marks: &["120 000 €", "150 000 €"],
        silent: "un marché d'un montant de 120 000 € HT, soit 144 000 € TTC\n",
        opts: all,
    },
    Case {
        rule: "AMT-CONSISTENCY",
        severity: Severity::Warning,
        fires: "Il est proposé d'accorder une subvention de 536 000 € à l'association X.\nLe conseil, après en avoir délibéré, décide d'approuver le versement d'une subvention de 536 500 € à l'association X.\n",
        marks: &["536 000 €", "536 500 €"],
        silent: "Il est proposé d'accorder une subvention de 536 000 € à l'association X.\nLe conseil, après en avoir délibéré, décide d'approuver le versement d'une subvention de 536 000 € à l'association X.\n",
        opts: all,
    },
    Case {
        rule: "DATE-VALID-WEEKDAY",
        severity: Severity::Error,
        fires: "Le conseil municipal s'est réuni le vendredi 21 mars 2024 à 19 h.\n",
        marks: &["vendredi"],
        silent: "Le conseil municipal s'est réuni le jeudi 21 mars 2024 à 19 h.\n",
        opts: all,
    },
    Case {
        rule: "DATE-VALID-WEEKDAY",
        severity: Severity::Error,
        fires: "Reçu en préfecture le 31/04/2024\n",
        marks: &["31/04/2024"],
        silent: "Reçu en préfecture le 30/04/2024\n",
        opts: all,
    },
    Case {
        rule: "DATE-VALID-WEEKDAY",
        severity: Severity::Error,
        // an act number is not a date: "n° 2020-01-38" is not the 38 January
        fires: "Vu la délibération du 31/04/2020.\n",
        marks: &["31/04/2020"],
        silent: "Vu la délibération n° 2020-01-38.\n",
        opts: all,
    },
    Case {
        rule: "DATE-WORDS-DIGITS",
        severity: Severity::Error,
        fires: "Séance du 12/03/2024\nL'an deux mille vingt-quatre, le vingt et un mars, le conseil municipal s'est réuni.\n",
        marks: &["12/03/2024", "vingt et un mars"],
        silent: "Séance du 21/03/2024\nL'an deux mille vingt-quatre, le vingt et un mars, le conseil municipal s'est réuni.\n",
        opts: all,
    },
    Case {
        rule: "SEANCE-SECRETARY",
        severity: Severity::Warning,
        fires: "Secrétaire de séance : Mme Claire MARTIN\nPrésents : M. Jean DURAND, M. Paul BLEU.\nAbsents excusés : Mme Claire MARTIN (pouvoir à M. Jean DURAND).\n",
        marks: &["Claire MARTIN\n"],
        silent: "Secrétaire de séance : M. Paul BLEU\nPrésents : M. Jean DURAND, M. Paul BLEU.\nAbsents excusés : Mme Claire MARTIN (pouvoir à M. Jean DURAND).\n",
        opts: all,
    },
    Case {
        rule: "SEANCE-PRESIDENT",
        severity: Severity::Error,
        fires: "sous la présidence de M. Jacques DURAND, Maire.\nPrésents : M. Paul BLEU, Mme Anne VERT.\nAbsents : M. Jacques DURAND.\n",
        marks: &["Jacques DURAND,"],
        silent: "sous la présidence de M. Jacques DURAND, Maire.\nPrésents : M. Jacques DURAND, M. Paul BLEU, Mme Anne VERT.\n",
        opts: all,
    },
    Case {
        rule: "TRANS-ID-FORMAT",
        severity: Severity::Warning,
        fires: "Séance du jeudi 21 mars 2024\nID : 021-242100411-20240321-2024_03_15-DE\n",
        marks: &["242100411"],
        silent: "Séance du jeudi 21 mars 2024\nID : 021-242100410-20240321-2024_03_15-DE\n",
        opts: all,
    },
    Case {
        rule: "TRANS-ID-CONSISTENCY",
        severity: Severity::Warning,
        fires: "Séance du jeudi 21 mars 2024\nID : 021-242100410-20240312-2024_03_15-DE\n",
        marks: &["20240312"],
        silent: "Séance du jeudi 21 mars 2024\nID : 021-242100410-20240321-2024_03_15-DE\n",
        opts: all,
    },
    Case {
        rule: "ATT-DUPLICATE",
        severity: Severity::Error,
        fires: "Séance du lundi 13 mars 2023\nPrésents : Mme Anne MARTIN, M. Paul LEROY, Mme Anne MARTIN, M. Luc BLANC.\nAbsents : M. Marc NOIR.\n",
        marks: &["Anne MARTIN, M. Luc"],
        silent: "Séance du lundi 13 mars 2023\nPrésents : Mme Anne MARTIN, M. Paul LEROY, Mme Julie MARTIN, M. Luc BLANC.\nAbsents : M. Marc NOIR.\n",
        opts: all,
    },
    Case {
        rule: "ATT-DUPLICATE",
        severity: Severity::Warning,
        // a surname alone may be two people
        fires: "Séance du lundi 13 mars 2023\nPrésents : MM. LEROY, BLANC, LEROY, NOIR.\n",
        marks: &["LEROY, NOIR"],
        silent: "Séance du lundi 13 mars 2023\nPrésents : MM. LEROY, BLANC, ROUX, NOIR.\n",
        opts: all,
    },
    Case {
        rule: "VOTE-NAMED-ABSENT",
        severity: Severity::Error,
        fires: "Séance du lundi 13 mars 2023\nPrésents : Mme Anne MARTIN, M. Paul LEROY, M. Luc BLANC.\nAbsents : M. Marc NOIR.\nObjet : Travaux de voirie\nPOUR : 2 (Mme Anne MARTIN, M. Paul LEROY)\nCONTRE : 1 (M. Marc NOIR)\n",
        marks: &["Marc NOIR)", "Marc NOIR."],
        silent: "Séance du lundi 13 mars 2023\nPrésents : Mme Anne MARTIN, M. Paul LEROY, M. Luc BLANC.\nAbsents : M. Marc NOIR.\nObjet : Travaux de voirie\nPOUR : 2 (Mme Anne MARTIN, M. Paul LEROY)\nCONTRE : 1 (M. Luc BLANC)\n",
        opts: all,
    },
    Case {
        rule: "DATE-NUMBER-YEAR",
        severity: Severity::Warning,
        fires: "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL\nSéance du jeudi 21 mars 2024\nDélibération n° 2023-045\nObjet : Travaux de voirie\nAdopté à l'unanimité.\n",
        marks: &["2023-045"],
        silent: "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL\nSéance du jeudi 21 mars 2024\nDélibération n° 2024-045\nObjet : Travaux de voirie\nAdopté à l'unanimité.\n",
        opts: all,
    },
    Case {
        rule: "DATE-NUMBER-YEAR",
        severity: Severity::Info,
        // a January séance numbered on the previous year
        fires: "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL\nSéance du mardi 9 janvier 2024\nDélibération n° 2023-045\nObjet : Travaux de voirie\nAdopté à l'unanimité.\n",
        marks: &["2023-045"],
        silent: "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL\nSéance du mardi 9 janvier 2024\nDélibération n° 2024-001\nObjet : Travaux de voirie\nAdopté à l'unanimité.\n",
        opts: all,
    },
    Case {
        rule: "DATE-SESSION-CONSISTENCY",
        severity: Severity::Error,
        fires: "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL\nSéance du jeudi 21 mars 2024\nLe conseil municipal s'est réuni le jeudi 28 mars 2024 sous la présidence de M. Jean DUPONT.\nObjet : Travaux\nAdopté à l'unanimité.\n",
        marks: &["28 mars", "21 mars"],
        silent: "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL\nSéance du jeudi 21 mars 2024\nLe conseil municipal s'est réuni le jeudi 21 mars 2024 sous la présidence de M. Jean DUPONT.\nObjet : Travaux\nAdopté à l'unanimité.\n",
        opts: all,
    },
    Case {
        rule: "DATE-SESSION-CONSISTENCY",
        severity: Severity::Warning,
        // after the header and near the séance: perhaps another séance cited
        fires: "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL\nSéance du jeudi 21 mars 2024\nObjet : Travaux\nVu le budget.\nDécide d'approuver les travaux.\nAdopté à l'unanimité.\n\nAinsi fait et délibéré en séance le 28 mars 2024.\n",
        marks: &["28 mars"],
        // a séance cited years before is another séance: not compared
        silent: "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL\nSéance du jeudi 21 mars 2024\nObjet : Travaux\nVu les commissions créées par le conseil dans sa séance du 1er octobre 2020.\nDécide d'approuver les travaux.\nAdopté à l'unanimité.\n",
        opts: all,
    },
    Case {
        rule: "SUB-CONVENTION-23K",
        severity: Severity::Warning,
        fires: "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL\nSéance du jeudi 21 mars 2024\nObjet : Subvention aux Amis du Musée\nArticle 1 : attribue une subvention de fonctionnement de 30 000 € à l'association « Les Amis du Musée ».\nArticle 2 : la dépense sera imputée au chapitre 65.\nAdopté à l'unanimité.\n",
        marks: &["30 000 €"],
        silent: "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL\nSéance du jeudi 21 mars 2024\nObjet : Subvention aux Amis du Musée\nArticle 1 : attribue une subvention de fonctionnement de 30 000 € à l'association « Les Amis du Musée ».\nArticle 2 : approuve la convention d'objectifs et autorise le Maire à la signer.\nAdopté à l'unanimité.\n",
        opts: all,
    },
    Case {
        rule: "SUB-CONVENTION-23K",
        severity: Severity::Info,
        // the beneficiary's legal form is not written
        fires: "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL\nSéance du jeudi 21 mars 2024\nObjet : Subvention\nArticle 1 : attribue une subvention de 30 000 € à Musica Viva.\nAdopté à l'unanimité.\n",
        marks: &["30 000 €"],
        // exactly 23 000 € does not exceed the threshold
        silent: "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL\nSéance du jeudi 21 mars 2024\nObjet : Subvention\nArticle 1 : attribue une subvention de 23 000 € à Musica Viva.\nAdopté à l'unanimité.\n",
        opts: all,
    },
    Case {
        rule: "SUB-BENEFICIARY-ID",
        severity: Severity::Warning,
        fires: "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL\nSéance du jeudi 21 mars 2024\nObjet : Subvention\nArticle 1 : attribue une subvention de 2 000 € à l'association « Les Amis du Musée » (SIRET 123 456 789 00012).\nAdopté à l'unanimité.\n",
        marks: &["123 456 789 00012"],
        // the SIREN of Dijon métropole, a valid key
        silent: "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL\nSéance du jeudi 21 mars 2024\nObjet : Subvention\nArticle 1 : attribue une subvention de 2 000 € à l'association « Les Amis du Musée » (SIREN 242 100 410).\nAdopté à l'unanimité.\n",
        opts: all,
    },
    Case {
        rule: "SUB-BENEFICIARY-ID",
        severity: Severity::Warning,
        fires: "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL\nSéance du jeudi 21 mars 2024\nObjet : Subvention\nArticle 1 : attribue une subvention de 2 000 € à l'association « Les Amis du Musée » (RNA W21200123).\nAdopté à l'unanimité.\n",
        marks: &["W21200123"],
        silent: "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL\nSéance du jeudi 21 mars 2024\nObjet : Subvention\nArticle 1 : attribue une subvention de 2 000 € à l'association « Les Amis du Musée » (RNA W212001234).\nAdopté à l'unanimité.\n",
        opts: all,
    },
    Case {
        rule: "QUO-COVID-REGIME",
        severity: Severity::Error,
        fires: "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL\nSéance du jeudi 15 septembre 2022\nEn application de la loi du 10 novembre 2021, le quorum est fixé au tiers des membres.\nObjet : Travaux\nAdopté à l'unanimité.\n",
        marks: &["quorum est fix"],
        // the same words inside the window
        silent: "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL\nSéance du jeudi 16 septembre 2021\nEn application de la loi du 14 novembre 2020, le quorum est fixé au tiers des membres.\nObjet : Travaux\nAdopté à l'unanimité.\n",
        opts: all,
    },
    Case {
        rule: "QUO-COVID-REGIME",
        severity: Severity::Warning,
        // a law of the period cited, the quorum not written: perhaps another purpose
        fires: "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL\nSéance du jeudi 15 septembre 2022\nVu la loi n° 2021-1465 du 10 novembre 2021,\nObjet : Travaux\nAdopté à l'unanimité.\n",
        marks: &["2021-1465"],
        silent: "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL\nSéance du jeudi 15 septembre 2022\nVu le code général des collectivités territoriales,\nObjet : Travaux\nAdopté à l'unanimité.\n",
        opts: all,
    },
    Case {
        rule: "CONV-URGENCE",
        severity: Severity::Warning,
        fires: "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL\nSéance du jeudi 21 mars 2024\nConvocation adressée le 19 mars 2024 en urgence.\nObjet : Travaux\nAdopté à l'unanimité.\n",
        marks: &["urgence", "19 mars"],
        silent: "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL\nSéance du jeudi 21 mars 2024\nConvocation adressée le 19 mars 2024 en urgence.\nLe conseil municipal se prononce sur l'urgence et la reconnaît à l'unanimité.\nObjet : Travaux\nAdopté à l'unanimité.\n",
        opts: all,
    },
    Case {
        rule: "VOTE-NPPV-ARITH",
        severity: Severity::Error,
        fires: "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL\nSéance du jeudi 21 mars 2024\nNombre de membres en exercice : 27\nPrésents : 20\nPouvoirs : 5\nObjet : Subvention au comité des fêtes\nPour : 23\nContre : 0\nAbstention : 0\nNe prend pas part au vote : 1\n",
        marks: &["23", "20\nPou"],
        silent: "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL\nSéance du jeudi 21 mars 2024\nNombre de membres en exercice : 27\nPrésents : 20\nPouvoirs : 5\nObjet : Subvention au comité des fêtes\nPour : 24\nContre : 0\nAbstention : 0\nNe prend pas part au vote : 1\n",
        opts: all,
    },
    Case {
        rule: "AMT-PERCENT",
        severity: Severity::Warning,
        fires: "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL\nSéance du jeudi 21 mars 2024\nObjet : Demande de subvention\nLe conseil sollicite une subvention de 45 000 €, soit 35 % du coût de l'opération estimé à 180 000 € HT.\nAdopté à l'unanimité.\n",
        marks: &["35 %", "45 000", "180 000"],
        silent: "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL\nSéance du jeudi 21 mars 2024\nObjet : Demande de subvention\nLe conseil sollicite une subvention de 45 000 €, soit 25 % du coût de l'opération estimé à 180 000 € HT.\nAdopté à l'unanimité.\n",
        opts: all,
    },
    Case {
        rule: "SUB-AUTHORITY",
        severity: Severity::Error,
        fires: "COMMUNE DE Z\nDÉCISION DU MAIRE\nLe jeudi 21 mars 2024, le Maire de la commune de Z,\nDécide :\nArticle 1 : il est attribué une subvention de 2 000 € à l'association sportive de Z.\n",
        marks: &["2 000 €", "DÉCISION DU MAIRE"],
        // the same subsidy attributed by the council
        silent: "COMMUNE DE Z\nDÉLIBÉRATION DU CONSEIL MUNICIPAL\nSéance du jeudi 21 mars 2024\nLe conseil municipal, après en avoir délibéré,\nArticle 1 : attribue une subvention de 2 000 € à l'association sportive de Z.\nAdopté à l'unanimité.\n",
        opts: all,
    },
    Case {
        rule: "SUB-AUTHORITY",
        severity: Severity::Warning,
        fires: "COMMUNAUTÉ DE COMMUNES DE Z\nDÉCISION DU PRÉSIDENT\nLe jeudi 21 mars 2024, le Président,\nDécide :\nArticle 1 : il est attribué une subvention de 2 000 € à l'association sportive de Z.\n",
        marks: &["2 000 €"],
        silent: "COMMUNAUTÉ DE COMMUNES DE Z\nDÉCISION DU PRÉSIDENT\nLe jeudi 21 mars 2024, le Président,\nVu la délibération du 10 juillet 2020 portant délégation d'attributions au Président,\nDécide :\nArticle 1 : il est attribué une subvention de 2 000 € à l'association sportive de Z.\n",
        opts: all,
    },
    Case {
        rule: "PUB-DATE-ORDER",
        severity: Severity::Error,
        fires: "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL\nSéance du jeudi 21 mars 2024\nObjet : Travaux\nAdopté à l'unanimité.\nReçu en préfecture le 20/03/2024\n",
        marks: &["20/03/2024", "21 mars"],
        // the convocation's posting is not the act's publication
        silent: "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL\nSéance du jeudi 21 mars 2024\nConvocation affichée le 14/03/2024\nObjet : Travaux\nAdopté à l'unanimité.\nReçu en préfecture le 22/03/2024\n",
        opts: all,
    },
    Case {
        rule: "QUO-CP-REPRESENTED",
        severity: Severity::Error,
        fires: "CONSEIL DÉPARTEMENTAL DE Z\nCOMMISSION PERMANENTE\nSéance du lundi 18 mars 2024\nNombre de membres en exercice : 12\nPrésents : 4\nReprésentés : 2\nObjet : Travaux\nAdopté à l'unanimité.\n",
        marks: &["12", "4\nRep"],
        // represented members count in a commission permanente
        silent: "CONSEIL DÉPARTEMENTAL DE Z\nCOMMISSION PERMANENTE\nSéance du lundi 18 mars 2024\nNombre de membres en exercice : 12\nPrésents : 4\nReprésentés : 3\nObjet : Travaux\nAdopté à l'unanimité.\n",
        opts: all,
    },
    Case {
        rule: "QUO-DECLARED",
        severity: Severity::Error,
        fires: "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL\nSéance du jeudi 21 mars 2024\nNombre de membres en exercice : 15\nPrésents : 10\nQuorum : 9\nObjet : Travaux\nAdopté à l'unanimité.\n",
        marks: &["9\nObjet", "15"],
        silent: "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL\nSéance du jeudi 21 mars 2024\nNombre de membres en exercice : 15\nPrésents : 10\nQuorum : 8\nObjet : Travaux\nAdopté à l'unanimité.\n",
        opts: all,
    },
    Case {
        rule: "QUO-DECLARED",
        severity: Severity::Error,
        // the third is the quorum only inside the COVID-era windows
        fires: "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL\nSéance du jeudi 21 mars 2024\nNombre de membres en exercice : 15\nPrésents : 10\nQuorum : 5\nObjet : Travaux\nAdopté à l'unanimité.\n",
        marks: &["5\nObjet"],
        silent: "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL\nSéance du jeudi 18 mars 2021\nNombre de membres en exercice : 15\nPrésents : 10\nQuorum : 5\nObjet : Travaux\nAdopté à l'unanimité.\n",
        opts: all,
    },
    Case {
        rule: "ATT-MOVEMENTS",
        severity: Severity::Warning,
        fires: "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL\nSéance du jeudi 21 mars 2024\nNombre de membres en exercice : 23\n\nDélibération n° 2024-12\nObjet : Travaux de voirie\nPrésents : 18\nVotants : 18\nAdopté à l'unanimité.\n\nDélibération n° 2024-13\nObjet : Budget\nPrésents : 16\nVotants : 16\nAdopté à l'unanimité.\n",
        marks: &["16\nVot", "18\nVot"],
        silent: "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL\nSéance du jeudi 21 mars 2024\nNombre de membres en exercice : 23\n\nDélibération n° 2024-12\nObjet : Travaux de voirie\nPrésents : 18\nVotants : 18\nAdopté à l'unanimité.\nM. Paul LEROY et Mme Anne MARTIN quittent la séance.\n\nDélibération n° 2024-13\nObjet : Budget\nPrésents : 16\nVotants : 16\nAdopté à l'unanimité.\n",
        opts: all,
    },
    Case {
        rule: "ATT-SUPPLEANT",
        severity: Severity::Error,
        fires: "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL COMMUNAUTAIRE\nSéance du jeudi 21 mars 2024\nPrésents : Mme Anne PETIT, M. Paul ROUX (suppléant de M. Jean BLANC), Mme Claire NOIR\nPouvoirs : M. Jean BLANC à Mme Anne PETIT\nObjet : Travaux\nAdopté à l'unanimité.\n",
        marks: &["Jean BLANC à"],
        // the titulaire is excused: his suppléant sits
        silent: "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL COMMUNAUTAIRE\nSéance du jeudi 21 mars 2024\nPrésents : Mme Anne PETIT, M. Paul ROUX (suppléant de M. Jean BLANC), Mme Claire NOIR\nExcusé : M. Jean BLANC\nObjet : Travaux\nAdopté à l'unanimité.\n",
        opts: all,
    },
    Case {
        rule: "QUO-PER-DELIB",
        severity: Severity::Error,
        fires: "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL\nSéance du jeudi 21 mars 2024\nNombre de membres en exercice : 15\n\nDélibération n° 2024-12\nObjet : Travaux de voirie\nPrésents : 9\nVotants : 9\nAdopté à l'unanimité.\nMme Anne MARTIN et M. Paul LEROY quittent la séance.\n\nDélibération n° 2024-13\nObjet : Subvention au comité des fêtes\nPrésents : 7\nVotants : 7\nAdopté à l'unanimité.\n",
        marks: &["7\nVot"],
        silent: "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL\nSéance du jeudi 21 mars 2024\nNombre de membres en exercice : 15\n\nDélibération n° 2024-12\nObjet : Travaux de voirie\nPrésents : 10\nVotants : 10\nAdopté à l'unanimité.\nMme Anne MARTIN et M. Paul LEROY quittent la séance.\n\nDélibération n° 2024-13\nObjet : Subvention au comité des fêtes\nPrésents : 8\nVotants : 8\nAdopté à l'unanimité.\n",
        opts: all,
    },
    Case {
        rule: "QUO-SECOND-CONVOCATION",
        severity: Severity::Error,
        fires: "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL\nSéance du vendredi 15 mars 2024\nLe quorum n'ayant pas été atteint le jeudi 14 mars 2024, le conseil municipal, à nouveau convoqué, délibère valablement sans condition de quorum.\nNombre de membres en exercice : 15\nPrésents : 6\nObjet : Travaux\nAdopté à l'unanimité.\n",
        marks: &["14 mars 2024"],
        silent: "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL\nSéance du lundi 18 mars 2024\nLe quorum n'ayant pas été atteint le jeudi 14 mars 2024, le conseil municipal, à nouveau convoqué, délibère valablement sans condition de quorum.\nNombre de membres en exercice : 15\nPrésents : 6\nObjet : Travaux\nAdopté à l'unanimité.\n",
        opts: all,
    },
    Case {
        rule: "QUO-REMOTE",
        severity: Severity::Warning,
        fires: "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL\nSéance du jeudi 12 décembre 2024, réunie en visioconférence\nObjet : Travaux\nAdopté à l'unanimité.\n",
        marks: &["en visioconférence"],
        // the COVID-era regime allowed it
        silent: "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL\nSéance du jeudi 10 décembre 2020, réunie en visioconférence\nObjet : Travaux\nAdopté à l'unanimité.\n",
        opts: all,
    },
    Case {
        rule: "QUO-REMOTE",
        severity: Severity::Warning,
        fires: "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL COMMUNAUTAIRE\nSéance du jeudi 12 décembre 2024, réunie en visioconférence\nObjet : Budget primitif 2025\nAdopté à l'unanimité.\n",
        marks: &["Budget primitif"],
        silent: "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL COMMUNAUTAIRE\nSéance du jeudi 12 décembre 2024, réunie en visioconférence\nObjet : Travaux de voirie\nAdopté à l'unanimité.\n",
        opts: all,
    },
    Case {
        rule: "PRX-VALIDITY",
        severity: Severity::Warning,
        fires: "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL\nSéance du jeudi 21 mars 2024\nPouvoirs : Mme Anne ZOLA (pouvoir permanent) à M. Paul WEIL\nObjet : Travaux\nAdopté à l'unanimité.\n",
        marks: &["pouvoir permanent"],
        silent: "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL\nSéance du jeudi 21 mars 2024\nPouvoirs : Mme Anne ZOLA à M. Paul WEIL\nObjet : Travaux\nAdopté à l'unanimité.\n",
        opts: all,
    },
    Case {
        rule: "VOTE-MODE",
        severity: Severity::Warning,
        fires: "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL\nSéance du jeudi 21 mars 2024\nObjet : Désignation des délégués au SIVOM\nLe conseil municipal, à main levée, désigne M. Paul ROUX et Mme Anne PETIT.\nAdopté à l'unanimité.\n",
        marks: &["à main levée", "Désignation"],
        silent: "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL\nSéance du jeudi 21 mars 2024\nObjet : Désignation des délégués au SIVOM\nLe conseil municipal décide à l'unanimité de ne pas procéder au scrutin secret et, à main levée, désigne M. Paul ROUX et Mme Anne PETIT.\nAdopté à l'unanimité.\n",
        opts: all,
    },
    Case {
        rule: "VOTE-ELECTION-ROUNDS",
        severity: Severity::Error,
        fires: "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL\nSéance du jeudi 21 mars 2024\nObjet : Élection d'un adjoint\nPremier tour : nombre de votants : 25, bulletins blancs : 3.\nM. Paul ROUX : 11 voix ; Mme Anne PETIT : 11 voix.\nM. Paul ROUX est élu au premier tour.\n",
        marks: &["élu au premier tour", "11 voix ;"],
        silent: "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL\nSéance du jeudi 21 mars 2024\nObjet : Élection d'un adjoint\nPremier tour : nombre de votants : 25, bulletins blancs : 3.\nM. Paul ROUX : 12 voix ; Mme Anne PETIT : 10 voix.\nM. Paul ROUX est élu au premier tour.\n",
        opts: all,
    },
    Case {
        rule: "VOTE-ELECTION-ROUNDS",
        severity: Severity::Error,
        // "élue dès le premier tour" is the first round too
        fires: "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL\nSéance du jeudi 21 mars 2024\nObjet : Élection d'une adjointe\nNombre de votants : 22.\nMme Anne PETIT : 11 voix ; M. Paul ROUX : 11 voix.\nMme Anne PETIT est élue dès le premier tour.\n",
        marks: &["élue dès le premier tour"],
        silent: "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL\nSéance du jeudi 21 mars 2024\nObjet : Élection d'une adjointe\nNombre de votants : 22.\nMme Anne PETIT : 12 voix ; M. Paul ROUX : 10 voix.\nMme Anne PETIT est élue dès le premier tour.\n",
        opts: all,
    },
    Case {
        rule: "VOTE-CA-MAYOR",
        severity: Severity::Warning,
        fires: "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL\nSéance du jeudi 21 mars 2024\nObjet : Compte administratif 2023\nPrésents : 20\nReprésentés : 3\nPour : 23\nAdopté.\n",
        marks: &["Pour : 23", "Compte administratif"],
        silent: "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL\nSéance du jeudi 21 mars 2024\nObjet : Compte administratif 2023\nPrésents : 20\nReprésentés : 3\nSous la présidence de M. Paul ROUX, doyen d'âge, Monsieur le Maire s'étant retiré.\nPour : 22\nAdopté.\n",
        opts: all,
    },
    Case {
        rule: "INT-INTERESTED-MEMBER",
        severity: Severity::Warning,
        fires: "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL\nSéance du jeudi 21 mars 2024\nPrésents : Mme Anne MARTIN, M. Paul ROUX, Mme Claire NOIR\nObjet : Subvention au club de football\nMme Anne MARTIN, présidente de l'association, présente le dossier.\nAdopté à l'unanimité.\n",
        marks: &["présidente de l'association"],
        silent: "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL\nSéance du jeudi 21 mars 2024\nPrésents : Mme Anne MARTIN, M. Paul ROUX, Mme Claire NOIR\nObjet : Subvention au club de football\nMme Anne MARTIN, présidente de l'association, quitte la salle et ne prend pas part au vote.\nAdopté à l'unanimité.\n",
        opts: all,
    },
    Case {
        rule: "AMT-PERCENT",
        severity: Severity::Warning,
        // a fraction is exact: compared to the cent
        fires: "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL\nSéance du jeudi 21 mars 2024\nObjet : Dépenses d'investissement avant le vote du budget\nLes crédits d'investissement ouverts au budget 2023 s'élèvent à 1 234 567,89 €. Le conseil autorise le maire à engager les dépenses dans la limite du quart des crédits, soit 308 641,90 €.\nAdopté à l'unanimité.\n",
        marks: &["quart", "308 641,90 €", "1 234 567,89 €"],
        silent: "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL\nSéance du jeudi 21 mars 2024\nObjet : Dépenses d'investissement avant le vote du budget\nLes crédits d'investissement ouverts au budget 2023 s'élèvent à 1 234 567,89 €. Le conseil autorise le maire à engager les dépenses dans la limite du quart des crédits, soit 308 641,97 €.\nAdopté à l'unanimité.\n",
        opts: all,
    },
    Case {
        rule: "CONV-DELAY",
        severity: Severity::Warning,
        // 29 members in office: 3 500 inhabitants or more (L2121-2), inferred, so a warning
        fires: "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL\nSéance du jeudi 21 mars 2024\nDate de convocation : 16 mars 2024\nNombre de membres en exercice : 29\nObjet : Travaux\nAdopté à l'unanimité.\n",
        marks: &["16 mars 2024"],
        silent: "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL\nSéance du jeudi 21 mars 2024\nDate de convocation : 15 mars 2024\nNombre de membres en exercice : 29\nObjet : Travaux\nAdopté à l'unanimité.\n",
        opts: all,
    },
    Case {
        rule: "AMT-PARSE",
        severity: Severity::Info,
        fires: "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL\nSéance du jeudi 21 mars 2024\nObjet : Participation\nMontant de la participation : 1.500 €\nAdopté à l'unanimité.\n",
        marks: &["1.500 €"],
        silent: "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL\nSéance du jeudi 21 mars 2024\nObjet : Participation\nMontant de la participation : 1 500 €\nAdopté à l'unanimité.\n",
        opts: all,
    },
    Case {
        rule: "AMT-ROUNDED",
        severity: Severity::Warning,
        fires: "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL\nSéance du jeudi 21 mars 2024\nObjet : Programme de voirie\nUn programme de 1,9 million d'euros est engagé, pour un montant total de 1 790 000 €.\nAdopté à l'unanimité.\n",
        marks: &["1,9 million", "1 790 000 €"],
        silent: "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL\nSéance du jeudi 21 mars 2024\nObjet : Programme de voirie\nUn programme de 1,9 million d'euros est engagé, pour un montant total de 1 870 000 €.\nAdopté à l'unanimité.\n",
        opts: all,
    },
    Case {
        rule: "PUB-MODE",
        severity: Severity::Warning,
        fires: "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL\nSéance du jeudi 21 mars 2024\nObjet : Travaux\nAdopté à l'unanimité.\nAffiché en mairie le 25/03/2024\n",
        marks: &["Affiché en mairie"],
        silent: "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL\nSéance du jeudi 21 mars 2024\nObjet : Travaux\nAdopté à l'unanimité.\nAffiché en mairie et publié sur le site internet le 25/03/2024\n",
        opts: big_commune,
    },
    Case {
        rule: "PUB-LIST-PV",
        severity: Severity::Warning,
        fires: "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL\nSéance du jeudi 21 mars 2024\nObjet : Travaux\nAdopté à l'unanimité.\nListe des délibérations affichée le 5 avril 2024.\n",
        marks: &["5 avril 2024"],
        silent: "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL\nSéance du jeudi 21 mars 2024\nObjet : Travaux\nAdopté à l'unanimité.\nListe des délibérations affichée le 26 mars 2024.\n",
        opts: all,
    },
    Case {
        rule: "TRANS-ID-FORMAT",
        severity: Severity::Warning,
        // département 020 does not exist (Corse is 02A and 02B)
        fires: "Séance du jeudi 21 mars 2024\nID : 020-242100410-20240321-2024_03_15-DE\n",
        marks: &["020"],
        silent: "Séance du jeudi 21 mars 2024\nID : 02A-242100410-20240321-2024_03_15-DE\n",
        opts: all,
    },
    Case {
        rule: "TRANS-ID-FORMAT",
        severity: Severity::Warning,
        fires: "Séance du jeudi 21 mars 2024\nID : 021-242100410-20240321-2024_03_15-DL\n",
        marks: &["DL"],
        silent: "Séance du jeudi 21 mars 2024\nID : 021-242100410-20240321-2024_03_15-AR\n",
        opts: all,
    },
];

/// A finding: its severity, message and spans (start, end).
type Fired = (Severity, String, Vec<(usize, usize)>);

fn findings(text: &str, opts: &Options, rule: &str) -> Vec<Fired> {
    check(text, opts)
        .findings()
        .filter(|f| f.rule == rule)
        .map(|f| {
            (
                f.severity,
                f.message.clone(),
                f.spans.iter().map(|s| (s.start, s.end)).collect(),
            )
        })
        .collect()
}

#[test]
fn each_rule_fires_and_stays_silent() {
    let mut failures = Vec::new();
    for c in CASES {
        let opts = (c.opts)();
        let fired = findings(c.fires, &opts, c.rule);
        match fired.iter().find(|(s, _, _)| *s == c.severity) {
            None => failures.push(format!(
                "{}: expected {:?} on\n{}\ngot {:?}",
                c.rule, c.severity, c.fires, fired
            )),
            Some((_, _, spans)) => {
                // the finding marks the words it is about
                for m in c.marks {
                    let at = c
                        .fires
                        .find(m)
                        .unwrap_or_else(|| panic!("{m:?} not in the case"));
                    let covered = spans.iter().any(|&(a, b)| a < at + m.len() && at < b);
                    if !covered {
                        failures.push(format!(
                            "{}: {:?} not marked in\n{}\nspans {:?}",
                            c.rule, m, c.fires, spans
                        ));
                    }
                }
            }
        }
        let silent = findings(c.silent, &opts, c.rule);
        if !silent.is_empty() {
            failures.push(format!(
                "{}: expected silence on\n{}\ngot {:?}",
                c.rule, c.silent, silent
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n\n"));
}

#[test]
fn every_rule_has_a_case() {
    for r in REGISTRY {
        let code = r.meta().code;
        assert!(
            CASES.iter().any(|c| c.rule == code),
            "rule {code} has no fire/silent case"
        );
    }
}

#[test]
fn every_rule_is_documented() {
    for r in REGISTRY {
        let m = r.meta();
        for (name, section) in [
            ("Ce que vérifie la règle", m.doc.what),
            ("Pourquoi", m.doc.why),
            ("Base légale", m.doc.legal),
            ("Exemple", m.doc.example),
            ("Faux positifs connus", m.doc.false_positives),
        ] {
            assert!(
                section.len() > 20,
                "{}: section « {name} » too short",
                m.code
            );
        }
        assert!(m.markdown().contains("## Faux positifs connus"));
        assert!(!m.legal_basis.is_empty());
    }
    let mut codes: Vec<&str> = REGISTRY.iter().map(|r| r.meta().code).collect();
    codes.sort();
    codes.dedup();
    assert_eq!(codes.len(), REGISTRY.len(), "rule codes are unique");
}

#[test]
fn messages_quote_the_numbers() {
    let f = findings(
        "Votants : 27 — Pour : 20 — Contre : 3 — Abstentions : 3\n",
        &Options::all(),
        "VOTE-SUM",
    );
    let msg = &f[0].1;
    for n in ["20", "3", "26", "27"] {
        assert!(msg.contains(n), "{msg}");
    }
}

#[test]
fn covid_window_allows_two_proxies() {
    let text = "Séance du jeudi 23 juin 2022\nPrésents : M. Bernard BLEU, Mme Anne MARTIN.\nPouvoirs : Mme Alice ROUGE à M. Bernard BLEU ; M. Claude VERT à M. Bernard BLEU.\n";
    let f = findings(text, &Options::all(), "PRX-ONE-PER-HOLDER");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].0, Severity::Info, "{:?}", f);
    let text = text.replace("jeudi 23 juin 2022", "vendredi 23 juin 2023");
    let f = findings(&text, &Options::all(), "PRX-ONE-PER-HOLDER");
    assert_eq!(f[0].0, Severity::Error);
}

/// Every code of the catalogue's summary table (../shared/domain/rules.md) is in the registry.
#[test]
fn every_catalogue_rule_is_implemented() {
    let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/domain/rules.md");
    let Ok(cat) = std::fs::read_to_string(&p) else {
        assert!(
            std::env::var_os("CI").is_none(),
            "{} is missing",
            p.display()
        );
        return;
    };
    let codes: Vec<&str> = cat
        .lines()
        .filter_map(|l| {
            let cells: Vec<&str> = l.split('|').map(str::trim).collect();
            (cells.len() > 3 && cells[1].parse::<u32>().is_ok()).then(|| cells[2])
        })
        .collect();
    assert!(codes.len() >= 49, "catalogue table not read: {codes:?}");
    let missing: Vec<&&str> = codes
        .iter()
        .filter(|c| !REGISTRY.iter().any(|r| r.meta().code == **c))
        .collect();
    assert!(missing.is_empty(), "catalogue rules missing: {missing:?}");
}

/// The round is read from the words: "élue dès le premier tour" is the first round.
#[test]
fn election_round_is_read_from_its_words() {
    let text = "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL\nSéance du jeudi 21 mars 2024\nObjet : Élection d'une adjointe\nNombre de votants : 22.\nMme Anne PETIT : 11 voix ; M. Paul ROUX : 11 voix.\nMme Anne PETIT est élue dès le premier tour.\n";
    let f = findings(text, &Options::all(), "VOTE-ELECTION-ROUNDS");
    assert!(
        f.iter().any(|(_, m, _)| m.contains("au premier tour")),
        "{f:?}"
    );
    let second = text.replace("dès le premier tour", "au second tour");
    let f = findings(&second, &Options::all(), "VOTE-ELECTION-ROUNDS");
    assert!(
        f.iter().any(|(_, m, _)| m.contains("au second tour")),
        "{f:?}"
    );
}
