//! The parser's vocabulary in one place, and a tolerant matcher for long labels.
//!
//! Every keyword list the parser reads with lives here (lower case, accents folded, a space
//! matching any run of whitespace). Extraction typos are not entries: a label of
//! [`TOLERANT_MIN_LEN`] bytes or more also matches with a few edits ([`approx_at`]), and a
//! reading made through such a match is only probable.

use super::scan::{is_word_byte, is_ws, Patterns};
use crate::model::{BodyKind, ListKind};
use crate::text::Text;

/// Labels of declared counts.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Field {
    Seats,
    InOffice,
    Present,
    Proxies,
    Absent,
    Excused,
    Voters,
    Quorum,
    /// "présents et représentés : 52" (present + proxies).
    PresentOrRepresented,
}

/// Count labels, label first ("Présents : 34") or number first ("44 PRÉSENTS").
pub const COUNT_LABELS: &[(&str, Field)] = &[
    ("nombre de membres du bureau metropolitain", Field::Seats),
    ("nombre de membres du bureau communautaire", Field::Seats),
    ("nombre de membres du bureau", Field::Seats),
    ("nombre de membres afferents au bureau", Field::Seats),
    ("nombre de membres composant le conseil", Field::Seats),
    ("membres composant le conseil", Field::Seats),
    ("nombre de conseillers municipaux", Field::Seats),
    ("nombre de conseillers communautaires", Field::Seats),
    ("nombre de delegues", Field::Seats),
    ("nombre de conseillers", Field::Seats),
    ("nombre de membres", Field::Seats),
    ("afferents au conseil municipal", Field::Seats),
    ("afferents au conseil", Field::Seats),
    ("afferents au bureau", Field::Seats),
    ("afferents", Field::Seats),
    ("conseillers afferents", Field::Seats),
    ("nombre de membres en exercice", Field::InOffice),
    ("nombre de conseillers en exercice", Field::InOffice),
    (
        "nombre des conseillers municipaux en exercice",
        Field::InOffice,
    ),
    ("nombre de delegues en exercice", Field::InOffice),
    ("membres en exercice", Field::InOffice),
    ("conseillers en exercice", Field::InOffice),
    ("conseillers municipaux en exercice", Field::InOffice),
    ("conseillers communautaires en exercice", Field::InOffice),
    ("delegues en exercice", Field::InOffice),
    ("en exercice", Field::InOffice),
    ("nombre de presents participant au vote", Field::Present),
    ("presents participant au vote", Field::Present),
    ("nombre de presents", Field::Present),
    ("nombre de membres presents", Field::Present),
    ("nombre de conseillers presents", Field::Present),
    ("nombre de conseillers municipaux presents", Field::Present),
    (
        "nombre de conseillers communautaires presents",
        Field::Present,
    ),
    ("nombre de delegues presents", Field::Present),
    ("conseillers presents", Field::Present),
    ("conseillers municipaux presents", Field::Present),
    ("titulaires et suppleants presents", Field::Present),
    ("membres presents", Field::Present),
    ("presents en seance", Field::Present),
    ("presents a l'ouverture de la seance", Field::Present),
    ("presents", Field::Present),
    ("presentes", Field::Present),
    ("present", Field::Present),
    ("presents et representes", Field::PresentOrRepresented),
    ("presents ou representes", Field::PresentOrRepresented),
    (
        "membres presents ou representes",
        Field::PresentOrRepresented,
    ),
    (
        "membres presents et representes",
        Field::PresentOrRepresented,
    ),
    ("nombre de procurations", Field::Proxies),
    ("nombre de pouvoirs", Field::Proxies),
    ("procurations", Field::Proxies),
    ("procuration", Field::Proxies),
    ("pouvoirs", Field::Proxies),
    ("pouvoir", Field::Proxies),
    ("representes", Field::Proxies),
    ("membres representes", Field::Proxies),
    ("nombre de membres representes", Field::Proxies),
    ("absents ayant donne pouvoir", Field::Proxies),
    ("absents excuses ayant donne pouvoir", Field::Proxies),
    ("absents ayant donne procuration", Field::Proxies),
    ("absents excuses ayant donne procuration", Field::Proxies),
    (
        "conseillers absents ayant donne procuration",
        Field::Proxies,
    ),
    ("conseillers absents ayant donne pouvoir", Field::Proxies),
    ("delegations de vote", Field::Proxies),
    ("mandataires", Field::Proxies),
    ("mandataire", Field::Proxies),
    ("nombre d'absents", Field::Absent),
    ("absents", Field::Absent),
    ("absent", Field::Absent),
    ("absents non representes", Field::Absent),
    ("conseillers municipaux absents", Field::Absent),
    ("conseillers absents", Field::Absent),
    ("excuses", Field::Excused),
    ("excuse", Field::Excused),
    ("absents excuses", Field::Excused),
    ("absent excuse", Field::Excused),
    ("conseillers excuses", Field::Excused),
    ("nombre de votants", Field::Voters),
    ("votants", Field::Voters),
    ("ayant pris part au vote", Field::Voters),
    ("qui ont pris part a la deliberation", Field::Voters),
    ("qui ont pris part au vote", Field::Voters),
    ("ont pris part au vote", Field::Voters),
    ("nombre de suffrages", Field::Voters),
    ("condition de quorum est de", Field::Quorum),
    ("quorum est de", Field::Quorum),
    ("quorum est fixe a", Field::Quorum),
    ("quorum", Field::Quorum),
];

/// Attendance list labels.
pub const LIST_LABELS: &[(&str, ListKind)] = &[
    ("membres presents", ListKind::Present),
    ("etaient presents", ListKind::Present),
    ("etaient presentes", ListKind::Present),
    ("etaient presents les membres suivants", ListKind::Present),
    ("sont presents", ListKind::Present),
    ("presents", ListKind::Present),
    ("presentes", ListKind::Present),
    ("present", ListKind::Present),
    ("conseillers presents", ListKind::Present),
    ("conseillers municipaux presents", ListKind::Present),
    ("presents en seance", ListKind::Present),
    ("assistaient a la reunion", ListKind::Present),
    ("assistaient a la seance", ListKind::Present),
    ("membres representes", ListKind::Represented),
    ("representes", ListKind::Represented),
    ("absents excuses representes", ListKind::Represented),
    ("absents representes", ListKind::Represented),
    ("absents excuses ayant donne pouvoir", ListKind::Represented),
    (
        "absents excuses ayant donne procuration",
        ListKind::Represented,
    ),
    ("excuses ayant donne procuration", ListKind::Represented),
    ("excuses ayant donne pouvoir", ListKind::Represented),
    ("absents ayant donne pouvoir", ListKind::Represented),
    ("absents ayant donne procuration", ListKind::Represented),
    (
        "conseillers absents ayant donne procuration",
        ListKind::Represented,
    ),
    (
        "conseillers absents ayant donne pouvoir",
        ListKind::Represented,
    ),
    ("conseillers ayant donne procuration", ListKind::Represented),
    ("conseillers ayant donne pouvoir", ListKind::Represented),
    ("avaient donne pouvoir", ListKind::Represented),
    ("ont donne pouvoir", ListKind::Represented),
    ("pouvoirs", ListKind::Represented),
    ("procurations", ListKind::Represented),
    ("procuration(s)", ListKind::Represented),
    ("a donne pouvoir", ListKind::Represented),
    ("delegations de vote", ListKind::Represented),
    ("excuses", ListKind::Excused),
    ("excusees", ListKind::Excused),
    ("absents excuses", ListKind::Excused),
    ("absentes excusees", ListKind::Excused),
    ("etaient absents excuses", ListKind::Excused),
    ("etaient absents et excuses", ListKind::Excused),
    ("etaient absents-es et excuses-es", ListKind::Excused),
    ("etaient excuses", ListKind::Excused),
    ("conseillers excuses", ListKind::Excused),
    ("membres excuses", ListKind::Excused),
    ("absent(s)/excuse(s)", ListKind::Excused),
    ("absents / excuses", ListKind::Excused),
    ("absents /excuses", ListKind::Excused),
    ("absents/excuses", ListKind::Excused),
    ("conseillers absents / excuses", ListKind::Excused),
    ("absents", ListKind::Absent),
    ("absent", ListKind::Absent),
    ("absentes", ListKind::Absent),
    ("etait absent", ListKind::Absent),
    ("etait absente", ListKind::Absent),
    ("etaient absents", ListKind::Absent),
    ("membres absents", ListKind::Absent),
    ("membres absents non representes", ListKind::Absent),
    ("absents non representes", ListKind::Absent),
    ("conseillers absents", ListKind::Absent),
    ("conseillers municipaux absents", ListKind::Absent),
];

/// Words that end an attendance list (the start of something else).
pub const LIST_TERMINATORS: &[&str] = &[
    "secretaire",
    "secretaires",
    "objet",
    "nombre de",
    "le quorum",
    "quorum",
    "date de",
    "date d'affichage",
    "ordre du jour",
    "formant la majorite",
    "formant",
    "il a ete procede",
    "ont pris part",
    "votants",
    "en exercice",
    "la seance",
    "le conseil",
    "le bureau",
    "les membres",
    "les conseillers presents",
    "monsieur le maire",
    "madame le maire",
    "m. le maire",
    "mme le maire",
    "apres en avoir",
    "vu",
    "considerant",
    "conformement",
    "etude de l'ordre",
    "verification du quorum",
    "designation",
    "mouvements",
    "elue secretaire",
    "elu secretaire",
    "seance enregistree",
    "au vu de",
    "service des",
    "compte-rendu",
    "lors de",
    "monsieur le president",
    "madame la presidente",
    "le president",
    "la presidente",
    "ouverture",
    "envoye en",
    "recu en",
    "id :",
    "deliberation",
    "mme la maire",
    "rapporteur",
    "approbation",
    "le maire",
    "l'an",
    "deposee",
    "deposee en",
    "publiee le",
    "publie le",
    "delais et voies",
    "transmis",
    "accuse de reception",
    "convocation",
    "excuses",
    "pouvoirs",
    "page",
];

pub const CIVILITIES: &[&str] = &[
    "m",
    "m.",
    "mr",
    "mr.",
    "mm",
    "mm.",
    "mme",
    "mme.",
    "mmes",
    "mmc",
    "mlle",
    "melle",
    "mrs",
    "monsieur",
    "madame",
    "messieurs",
    "mesdames",
    "mademoiselle",
    "mmes.",
    "me",
    "dr",
    "dr.",
    "mines",
];

pub const PARTICLES: &[&str] = &[
    "de", "du", "des", "d'", "le", "la", "les", "van", "von", "der", "den", "di", "da", "dos",
    "do", "del", "della", "el", "al", "ben", "ibn", "mac", "st", "ste", "saint", "sainte", "y",
    "l'",
];

/// Role words stripped from entries ("Maire", "Adjoints au Maire", "Conseillers municipaux").
pub const ROLES: &[&str] = &[
    "maire",
    "maires",
    "maire-adjoint",
    "maire-adjointe",
    "adjoint",
    "adjointe",
    "adjoints",
    "adjointes",
    "conseiller",
    "conseillere",
    "conseillers",
    "conseilleres",
    "conseillers-es",
    "municipal",
    "municipaux",
    "municipale",
    "municipales",
    "delegue",
    "deleguee",
    "delegues",
    "deleguees",
    "communautaire",
    "communautaires",
    "president",
    "presidente",
    "vice-president",
    "vice-presidente",
    "vice-presidents",
    "vice-presidents-es",
    "au",
    "aux",
    "et",
    "1er",
    "1ere",
    "2e",
    "3e",
    "4e",
    "5e",
    "6e",
    "7e",
    "8e",
    "les",
    "titulaire",
    "titulaires",
    "suppleant",
    "suppleante",
    "suppleants",
    "doyen",
    "doyenne",
    "d'age",
    "premier",
    "premiere",
    "metropolitain",
    "metropolitains",
    "membre",
    "membres",
    "bureau",
];

/// A suppléant's words before the titulaire they sit for: "(suppléant de M. BLANC)".
pub const SUBSTITUTE: &[&str] = &[
    "suppleant de",
    "suppleante de",
    "suppleant(e) de",
    "suppleant du titulaire",
    "en remplacement de",
    "remplacant de",
    "remplacante de",
    "qui remplace",
];

/// Proxy connectors, giver → holder.
pub const PROXY_CONNECTORS: &[&str] = &[
    "a donne pouvoir a",
    "a donne procuration a",
    "a donne delegation de vote a",
    "ayant donne pouvoir a",
    "donne pouvoir a",
    "donne procuration a",
    "pouvoir donne a",
    "procuration donnee a",
    "par procuration a",
    "pouvoir a",
    "pouvoirs a",
    "procuration a",
    "procuration au",
    "pouvoir au",
    "delegation de vote a",
    "represente par",
    "representee par",
    "represente(e) par",
    "representes par",
];

/// Reverse connectors: the entry's person *holds* the proxy of the named giver.
pub const REVERSE_CONNECTORS: &[&str] = &[
    "procuration de",
    "pouvoir de",
    "porteur du pouvoir de",
    "porteuse du pouvoir de",
];

/// Words that mark a movement or a proxy limited in time.
pub const TIMING: &[&str] = &[
    "a compter",
    "a partir",
    "jusqu'a",
    "jusqu'au",
    "jusqu'aux",
    "jusque",
    "pour la derniere",
    "pour les deliberations",
    "pour la deliberation",
    "pour le point",
    "pour les points",
    "aux points",
    "au point",
    "pendant",
    "en debut de seance",
    "sauf",
    "puis",
    "arrive",
    "arrivee",
    "depart",
    "quitte",
    "sortie",
    "present en debut",
    "presente en debut",
    "apres le vote",
    "avant le vote",
    "parti",
    "partie",
    "sorti",
    "depuis",
    "des le point",
    "a l'issue",
    "en retard",
    "retard",
    "pour le vote",
    "lors du vote",
    "entre en seance",
    "entree en seance",
];

/// Movement words written outside the lists (arrivals, departures, withdrawals).
pub const MOVEMENT_WORDS: &[&str] = &[
    "arrive",
    "arrivee",
    "arrives",
    "arrivent",
    "quitte",
    "quittent",
    "sort de la salle",
    "se retire",
    "se retirent",
    "a partir du point",
    "a compter du point",
    "jusqu'au point",
    "a partir de la deliberation",
    "a compter de la deliberation",
    "rejoint",
    "rejoignent",
    "entre en seance",
    "entree en seance",
    "s'absente",
    "revient",
    "retour en seance",
    "est partie",
    "est parti",
    "ne prend pas part",
    "ne prennent pas part",
];

/// "49 voix pour": the word between a number and its side.
pub const VOTE_VOICES: &[&str] = &["voix", "votes", "vote", "suffrages"];

/// "dont 7 procuration(s)": the proxies counted inside a vote.
pub const VOTE_PROXIES: &[&str] = &[
    "procuration(s)",
    "procurations",
    "procuration",
    "pouvoirs",
    "pouvoir",
];

/// Vote words.
pub const VOTE_POUR: &[&str] = &[
    "pour",
    "ont vote pour",
    "vote pour",
    "votes pour",
    "voix pour",
];
pub const VOTE_CONTRE: &[&str] = &["contre", "ont vote contre", "votes contre", "voix contre"];
pub const VOTE_ABST: &[&str] = &[
    "abstention",
    "abstentions",
    "abstention(s)",
    "abstentions(s)",
    "se sont abstenus",
    "abstenus",
    "s'abstiennent",
];
pub const VOTE_NPPV: &[&str] = &[
    "ne se prononce pas",
    "ne se prononcent pas",
    "ne prend pas part au vote",
    "ne prennent pas part au vote",
    "ne prend pas part",
    "ne prennent pas part",
    "ne participe pas au vote",
    "ne participent pas au vote",
    "n'ont pas pris part au vote",
    "n'a pas pris part au vote",
    "ne prenant pas part au vote",
    "nppv",
];
/// "adopté", "rejeté" and their forms; the first [`OUTCOMES_ADOPTED`] mean adopted.
pub const OUTCOMES: &[&str] = &[
    "adopte",
    "adoptee",
    "adoptees",
    "adoptes",
    "approuvee",
    "approuvees",
    "rejete",
    "rejetee",
    "rejetes",
    "rejetees",
];
pub const OUTCOMES_ADOPTED: usize = 6;

/// Body phrases; a commission permanente or a bureau wins over the council it belongs to.
pub const BODIES: &[(&str, BodyKind)] = &[
    ("commission permanente", BodyKind::CommissionPermanente),
    ("bureau metropolitain", BodyKind::Bureau),
    ("bureau communautaire", BodyKind::Bureau),
    ("bureau du conseil", BodyKind::Bureau),
    ("bureau de la communaute", BodyKind::Bureau),
    ("bureau syndical", BodyKind::Bureau),
    ("deliberation bureau", BodyKind::Bureau),
    ("conseil metropolitain", BodyKind::ConseilMetropolitain),
    ("conseil de la metropole", BodyKind::ConseilMetropolitain),
    ("conseil de l'eurometropole", BodyKind::ConseilMetropolitain),
    ("conseil communautaire", BodyKind::ConseilCommunautaire),
    ("conseil de communaute", BodyKind::ConseilCommunautaire),
    ("comite syndical", BodyKind::ComiteSyndical),
    ("conseil syndical", BodyKind::ComiteSyndical),
    ("conseil departemental", BodyKind::ConseilDepartemental),
    ("conseil regional", BodyKind::ConseilRegional),
    ("conseil territorial", BodyKind::ConseilTerritorial),
    ("conseil municipal", BodyKind::ConseilMunicipal),
];

/// Words right before a date that name it the séance's: a séance or a meeting being held.
pub const SESSION_KEYS: &[&str] = &[
    "seance du",
    "seance ordinaire du",
    "seance extraordinaire du",
    "seance publique du",
    "seance officielle du",
    "s'est reuni le",
    "s'est reunie le",
    "se sont reunis le",
    "se reunira le",
    "delibere en seance le",
    "en sa seance du",
    "lors de sa seance du",
    "examinees par le conseil municipal le",
];

/// Nominal mentions of a meeting ("Conseil municipal du …", "PV du …"): the séance's in a
/// title, another meeting's when a citation stands in the same clause.
pub const MEETING_KEYS: &[&str] = &[
    "reunion du",
    "reunion publique du",
    "conseil municipal du",
    "conseil communautaire du",
    "conseil metropolitain du",
    "conseil syndical du",
    "comite syndical du",
    "bureau du",
    "bureau communautaire du",
    "bureau metropolitain du",
    "commission permanente du",
    "deliberations du",
    "pv du",
    "proces-verbal du",
    "proces verbal du",
    "compte rendu du",
    "compte-rendu du",
    "releve de decisions du",
];

/// Words right before a date that name it the convocation's.
pub const CONVOCATION_KEYS: &[&str] = &[
    "date de convocation",
    "date de la convocation",
    "date convocation",
    "convocation envoyee le",
    "convocation adressee le",
    "convocation adressee par monsieur le maire le",
    "convocation adressee par madame le maire le",
    "convocation faite le",
    "convocation du",
    "convocation :",
    "convocation en date du",
    "convocation le",
    "convoque le",
    "convoques le",
    "convoquee le",
    "convoquees le",
    "convoque par courrier en date du",
    "legalement convoque le",
    "regulierement convoque le",
    "dument convoque le",
];

/// Words right before a date that make it another act's or meeting's (never the séance's).
pub const CITED_KEYS: &[&str] = &[
    "approbation du proces-verbal",
    "approbation du proces verbal",
    "approbation du compte rendu",
    "approbation du compte-rendu",
    "approbation du pv",
    "seance precedente",
    "derniere seance",
    "deliberation n",
    "deliberation du",
    "deliberation en date du",
    "deliberation en conseil",
    "la deliberation",
    "par deliberation",
    "considerant",
    "en date du",
    "vu la",
    "vu le",
    "vu les",
    "vu l'",
    "loi",
    "loi n",
    "decret",
    "decret n",
    "arrete",
    "arrete n",
    "ordonnance",
    "circulaire",
    "decision n",
    "decision du",
    "jugement",
    "arret",
    "conseil d'etat",
    "code",
    "convention du",
    "contrat du",
    "avenant",
    "courrier du",
    "lettre du",
    "courriel du",
    "reunion de la commission",
    "commission du",
    "commissions du",
    "comite du",
    "bureau du",
    "avis du",
    "jusqu'au",
    "a compter du",
    "depuis le",
    "du 1er",
    "au 31",
    "prochain conseil",
    "prochaine seance",
    "prochaine reunion",
];

/// Words right before a date that make it a transmission or publication stamp.
pub const STAMP_KEYS: &[&str] = &[
    "envoye en prefecture le",
    "recu en prefecture le",
    "recu en prefecture",
    "publie le",
    "publiee le",
    "affiche le",
    "affichee le",
    "date de reception prefecture",
    "date de reception",
    "accuse de reception",
    "transmis en prefecture le",
    "transmis au representant de l'etat le",
    "rendu executoire",
    "date de publication",
    "date d'affichage",
    "mis en ligne le",
    "notifie le",
    "certifie executoire",
    "fait a",
    "le maire certifie",
];

/// Item headings.
/// Item headings (`items.rs` reads their index: 0 objet, 1–4 délibération, 5–6 point, the
/// rest affaire).
pub const ITEM_KEYS: &[&str] = &[
    "objet",
    "deliberation n",
    "deliberation no",
    "deliberation numero",
    "deliberation",
    "point n",
    "point",
    "affaire n",
    "question n",
    "dossier n",
    "rapport n",
];

/// What makes a text not a deliberation (annexes, agendas, reports, letters).
pub const NOT_DELIBERATION_MARKERS: &[(&str, &str)] = &[
    ("sommaire", "un sommaire"),
    ("table des matieres", "une table des matières"),
    ("projet de deliberation", "un projet de délibération"),
    ("projets de deliberation", "des projets de délibération"),
    ("dossier de presse", "un dossier de presse"),
    (
        "rapport d'orientation budgetaire",
        "un rapport d'orientation budgétaire",
    ),
    (
        "rapport d'orientations budgetaires",
        "un rapport d'orientations budgétaires",
    ),
    (
        "rapport developpement durable",
        "un rapport de développement durable",
    ),
    ("rapport annuel", "un rapport annuel"),
    ("rapport d'activite", "un rapport d'activité"),
    ("programme d'actions", "un programme d'actions"),
    ("projet de territoire", "un projet de territoire"),
    ("comite de quartier", "une réunion de comité de quartier"),
    ("conseil de quartier", "une réunion de conseil de quartier"),
    ("objet : convocation", "une lettre de convocation"),
    ("se reunira", "une convocation à une séance à venir"),
    ("vu pour etre annexe", "une annexe"),
    ("annexe", "une annexe"),
    ("ordre du jour", "un ordre du jour"),
];

/// Words that show a decision taken (a deliberation, not a report about one).
pub const DECISION_MARKERS: &[&str] = &[
    "apres en avoir delibere",
    "apres avoir delibere",
    "apres en avoir debattu",
    "delibere",
    "deliberent",
    "decide",
    "decident",
    "approuve",
    "adopte",
    "adoptee",
    "approuvee",
    "prend acte",
    "autorise",
    "designe",
    "emet un avis",
    "donne un avis",
    "vote",
];

/// Approximate matching applies to labels this long or longer.
pub const TOLERANT_MIN_LEN: usize = 12;

/// Words of the labels that agree with the members they name, as the lists write them
/// (masculine plural), with their masculine singular, feminine singular and feminine plural:
/// "Absente excusée :", "Conseillère présente :" are the same labels.
const AGREEING: &[(&str, [&str; 3])] = &[
    ("absents", ["absent", "absente", "absentes"]),
    ("presents", ["present", "presente", "presentes"]),
    ("excuses", ["excuse", "excusee", "excusees"]),
    ("representes", ["represente", "representee", "representees"]),
    ("conseillers", ["conseiller", "conseillere", "conseilleres"]),
    ("delegues", ["delegue", "deleguee", "deleguees"]),
    ("membres", ["membre", "membre", "membres"]),
    ("etaient", ["etait", "etait", "etaient"]),
];

/// A label list with every agreement of its labels: the labels as written, then the other
/// genders and numbers (built once; the new labels live as long as the process).
fn inflected<T: Copy + Send + Sync>(base: &'static [(&'static str, T)]) -> Vec<(&'static str, T)> {
    let mut out: Vec<(&'static str, T)> = base.to_vec();
    for form in 0..3 {
        for &(label, value) in base {
            let words: Vec<&str> = label.split(' ').collect();
            if !words.iter().any(|w| AGREEING.iter().any(|a| a.0 == *w)) {
                continue;
            }
            let variant = words
                .iter()
                .map(|w| {
                    AGREEING
                        .iter()
                        .find(|a| a.0 == *w)
                        .map_or(*w, |a| a.1[form])
                })
                .collect::<Vec<_>>()
                .join(" ");
            if !out.iter().any(|x| x.0 == variant) {
                out.push((Box::leak(variant.into_boxed_str()), value));
            }
        }
    }
    out
}

/// The count labels with every agreement ([`COUNT_LABELS`] first, in order).
pub fn count_labels() -> &'static [(&'static str, Field)] {
    static ALL: std::sync::OnceLock<Vec<(&'static str, Field)>> = std::sync::OnceLock::new();
    ALL.get_or_init(|| inflected(COUNT_LABELS))
}

/// The list labels with every agreement ([`LIST_LABELS`] first, in order).
pub fn list_labels() -> &'static [(&'static str, ListKind)] {
    static ALL: std::sync::OnceLock<Vec<(&'static str, ListKind)>> = std::sync::OnceLock::new();
    ALL.get_or_init(|| inflected(LIST_LABELS))
}

/// Every word the parser looks for: the scaling guard builds its token soups from it.
pub fn all_words() -> Vec<&'static str> {
    let mut v: Vec<&'static str> = Vec::new();
    v.extend(count_labels().iter().map(|x| x.0));
    v.extend(list_labels().iter().map(|x| x.0));
    v.extend(LIST_TERMINATORS);
    v.extend(CIVILITIES);
    v.extend(PARTICLES);
    v.extend(ROLES);
    v.extend(PROXY_CONNECTORS);
    v.extend(REVERSE_CONNECTORS);
    v.extend(SUBSTITUTE);
    v.extend(TIMING);
    v.extend(MOVEMENT_WORDS);
    v.extend(VOTE_POUR);
    v.extend(VOTE_CONTRE);
    v.extend(VOTE_ABST);
    v.extend(VOTE_NPPV);
    v.extend(OUTCOMES);
    v.extend(BODIES.iter().map(|x| x.0));
    v.extend(SESSION_KEYS);
    v.extend(MEETING_KEYS);
    v.extend(CONVOCATION_KEYS);
    v.extend(CITED_KEYS);
    v.extend(STAMP_KEYS);
    v.extend(ITEM_KEYS);
    v.extend(NOT_DELIBERATION_MARKERS.iter().map(|x| x.0));
    v.extend(DECISION_MARKERS);
    v.extend(super::dates::MONTH_WORDS);
    v.extend(crate::model::WEEKDAYS);
    v.extend([
        "l'an",
        "unanimite",
        "majorite",
        "dont",
        "soit",
        "euros",
        "€",
        "ht",
        "ttc",
        "total",
        "extrait du registre",
        "sous la presidence de",
        "secretaire de seance",
        "urgence",
        "sans condition de quorum",
        "scrutin",
    ]);
    v
}

/// Allowed edits for a label of `len` bytes: one per 12 bytes, at most 3.
pub fn max_edits(len: usize) -> usize {
    (len / TOLERANT_MIN_LEN).min(3)
}

/// The most text bytes a label with typos is compared with (a label and its edits fit).
const APPROX_WINDOW: usize = 96;

/// If `pat` matches at `pos` with at most `max_edits(pat.len())` edits (a space in the
/// pattern matching any whitespace run, the first two bytes exact, word-bounded at the
/// end): (end, edits). An exact match gives 0 edits.
pub fn approx_at(s: &[u8], pos: usize, pat: &str) -> Option<(usize, usize)> {
    let p = pat.as_bytes();
    if p.len() < TOLERANT_MIN_LEN || pos >= s.len() {
        return None;
    }
    if pos > 0 && is_word_byte(s[pos - 1]) {
        return None;
    }
    let k = max_edits(p.len());
    // The text's bytes from `pos`, whitespace runs folded to one space.
    let mut txt: [u8; APPROX_WINDOW] = [0; APPROX_WINDOW];
    let mut ends: [usize; APPROX_WINDOW] = [0; APPROX_WINDOW];
    let mut n = 0;
    let mut i = pos;
    let want = (p.len() + k).min(APPROX_WINDOW);
    while i < s.len() && n < want {
        if is_ws(s[i]) {
            while i < s.len() && is_ws(s[i]) {
                i += 1;
            }
            txt[n] = b' ';
        } else {
            txt[n] = s[i];
            i += 1;
        }
        ends[n] = i;
        n += 1;
    }
    if n < 2 || txt[0] != p[0] || txt[1] != p[1] {
        return None;
    }
    // Levenshtein of the whole pattern against each text prefix. Only the band of cells
    // within k of the diagonal is computed: a cell further out is more than k edits away,
    // and counting it as k + 1 leaves every value up to k exact (rows on the stack).
    let inf = k + 1;
    let (mut rows_a, mut rows_b) = ([inf; APPROX_WINDOW + 1], [inf; APPROX_WINDOW + 1]);
    let (mut prev, mut cur) = (&mut rows_a, &mut rows_b);
    for (c, v) in prev.iter_mut().enumerate().take(n + 1) {
        *v = c;
    }
    let band = |row: usize| (row.saturating_sub(k).max(1), (row + k).min(n));
    for (r, &pc) in p.iter().enumerate() {
        let (lo, hi) = band(r + 1);
        // the cell left of the band: the first column, or outside the band
        cur[lo - 1] = if lo == 1 { r + 1 } else { inf };
        let mut row_min = if lo == 1 { r + 1 } else { inf };
        for c in lo..=hi {
            let cost = usize::from(txt[c - 1] != pc);
            cur[c] = (prev[c - 1] + cost)
                .min(prev[c] + 1)
                .min(cur[c - 1] + 1)
                .min(inf);
            row_min = row_min.min(cur[c]);
        }
        // the cell right of the band is read by the next row
        if hi < n {
            cur[hi + 1] = inf;
        }
        if row_min > k {
            return None;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    // The best prefix ending at a word boundary.
    let (lo, hi) = band(p.len());
    let mut best: Option<(usize, usize)> = None;
    for (c, &d) in prev.iter().enumerate().take(hi + 1).skip(lo) {
        if d > k {
            continue;
        }
        let end = ends[c - 1];
        let last = txt[c - 1];
        if last == b' ' || (end < s.len() && is_word_byte(s[end]) && is_word_byte(last)) {
            continue;
        }
        if best.is_none_or(|(bd, _)| d <= bd) {
            best = Some((d, end));
        }
    }
    best.map(|(d, e)| (e, d))
}

/// A label list indexed for exact matches, and for each label the longer labels that
/// begin with its first word (where an extraction typo may hide a longer label).
pub struct TolerantLabels {
    labels: fn() -> Vec<&'static str>,
    /// Only the first this many labels (the labels as written, not their other agreements)
    /// are tried with typos.
    tolerant: usize,
    built: std::sync::OnceLock<Tolerant>,
}

/// The built index: exact patterns, the labels, and for each label its longer siblings
/// with the first byte the text must show after the shorter label for the longer one to be
/// tried.
type Tolerant = (Patterns<'static>, Vec<&'static str>, Vec<Vec<(usize, u8)>>);

impl TolerantLabels {
    pub const fn new(labels: fn() -> Vec<&'static str>, tolerant: usize) -> TolerantLabels {
        TolerantLabels {
            labels,
            tolerant,
            built: std::sync::OnceLock::new(),
        }
    }
    fn get(&self) -> &Tolerant {
        self.built.get_or_init(|| {
            let labels = (self.labels)();
            let firsts: Vec<&str> = labels
                .iter()
                .map(|l| l.split(' ').next().unwrap_or(""))
                .collect();
            let longer: Vec<Vec<(usize, u8)>> = labels
                .iter()
                .enumerate()
                .map(|(i, shown)| {
                    labels
                        .iter()
                        .enumerate()
                        .filter(|&(k, long)| {
                            k < self.tolerant
                                && long.len() >= TOLERANT_MIN_LEN
                                && long.len() > shown.len()
                                && firsts[k] == firsts[i]
                        })
                        .filter_map(|(k, long)| {
                            // the byte the text shows after the shorter label when it is
                            // the longer one: the first byte of the longer label's word
                            // that follows as many words as the shorter one has
                            let words = shown.split(' ').count();
                            let next = long.split(' ').nth(words);
                            next.and_then(|w| w.bytes().next()).map(|b| (k, b))
                        })
                        .collect()
                })
                .collect();
            (Patterns::new(&labels), labels, longer)
        })
    }
    /// The exact index (as a [`Patterns`]).
    pub fn exact(&self) -> &Patterns<'static> {
        &self.get().0
    }

    /// Every hit in `from..to` as (start, end, label index, edits): the exact hits, where a
    /// longer label read with a typo ("absents avant donné pouvoir") replaces a shorter
    /// exact one ("absents").
    pub fn hits(&self, t: &Text, from: usize, to: usize) -> Vec<(usize, usize, usize, usize)> {
        let (index, labels, longer) = self.get();
        let s = t.lower.as_bytes();
        let mut hits: Vec<(usize, usize, usize, usize)> = index
            .hits(t, from, to)
            .into_iter()
            .map(|(a, b, k)| (a, b, k, 0))
            .collect();
        for h in hits.iter_mut() {
            // only where the text goes on with a word after the exact label
            let next = skip_ws_bytes(s, h.1);
            if longer[h.2].is_empty() || next >= s.len() || !s[next].is_ascii_alphabetic() {
                continue;
            }
            let mut best: Option<(usize, usize, usize)> = None;
            for &(k, expect) in &longer[h.2] {
                // the text's next word begins like the longer label's next word
                if expect != s[next] {
                    continue;
                }
                if let Some((e, d)) = approx_at(s, h.0, labels[k]) {
                    if d > 0
                        && e > h.1
                        && best.is_none_or(|(be, bd, _)| d < bd || (d == bd && e > be))
                    {
                        best = Some((e, d, k));
                    }
                }
            }
            if let Some((e, d, k)) = best {
                *h = (h.0, e, k, d);
            }
        }
        hits
    }
}

fn skip_ws_bytes(s: &[u8], mut i: usize) -> usize {
    while i < s.len() && is_ws(s[i]) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The edit distance computed over every cell (the banded one must agree).
    fn approx_at_full(s: &[u8], pos: usize, pat: &str) -> Option<(usize, usize)> {
        let p = pat.as_bytes();
        if p.len() < TOLERANT_MIN_LEN || pos >= s.len() || (pos > 0 && is_word_byte(s[pos - 1])) {
            return None;
        }
        let k = max_edits(p.len());
        let (mut txt, mut ends) = (Vec::new(), Vec::new());
        let mut i = pos;
        while i < s.len() && txt.len() < (p.len() + k).min(APPROX_WINDOW) {
            if is_ws(s[i]) {
                while i < s.len() && is_ws(s[i]) {
                    i += 1;
                }
                txt.push(b' ');
            } else {
                txt.push(s[i]);
                i += 1;
            }
            ends.push(i);
        }
        let n = txt.len();
        if n < 2 || txt[0] != p[0] || txt[1] != p[1] {
            return None;
        }
        let mut prev: Vec<usize> = (0..=n).collect();
        for (r, &pc) in p.iter().enumerate() {
            let mut cur = vec![r + 1; n + 1];
            for c in 1..=n {
                let cost = usize::from(txt[c - 1] != pc);
                cur[c] = (prev[c - 1] + cost).min(prev[c] + 1).min(cur[c - 1] + 1);
            }
            if cur.iter().min().is_some_and(|&m| m > k) {
                return None;
            }
            prev = cur;
        }
        let mut best: Option<(usize, usize)> = None;
        for c in 1..=n {
            let (d, end, last) = (prev[c], ends[c - 1], txt[c - 1]);
            if d > k
                || last == b' '
                || (end < s.len() && is_word_byte(s[end]) && is_word_byte(last))
            {
                continue;
            }
            if best.is_none_or(|(bd, _)| d <= bd) {
                best = Some((d, end));
            }
        }
        best.map(|(d, e)| (e, d))
    }

    #[test]
    fn banded_distance_equals_full_distance() {
        // texts near the labels (letters dropped, doubled, swapped, spaces added) and far
        use proptest::prelude::*;
        let labels = [
            "absents ayant donne pouvoir",
            "membres en exercice",
            "presents ou representes",
            "nombre de votants",
        ];
        let mut runner = proptest::test_runner::TestRunner::default();
        runner
            .run(
                &(
                    0..labels.len(),
                    proptest::collection::vec((0usize..40, 0u8..6, 0u8..4), 0..6),
                ),
                |(l, edits)| {
                    let mut text: Vec<u8> = labels[l].as_bytes().to_vec();
                    for (at, what, byte) in edits {
                        let at = at.min(text.len());
                        let b = b"aeo  "[usize::from(byte)];
                        match what {
                            0 if at < text.len() => {
                                text.remove(at);
                            }
                            1 => text.insert(at, b),
                            2 if at + 1 < text.len() => text.swap(at, at + 1),
                            3 if at < text.len() => text[at] = b,
                            _ => text.extend_from_slice(b" x"),
                        }
                    }
                    text.extend_from_slice(b" : 12");
                    for pat in labels {
                        prop_assert_eq!(approx_at(&text, 0, pat), approx_at_full(&text, 0, pat));
                    }
                    Ok(())
                },
            )
            .unwrap();
    }

    #[test]
    fn approximate_labels() {
        let s = b"absents avant donne pouvoir : 3";
        assert_eq!(
            approx_at(s, 0, "absents ayant donne pouvoir"),
            Some((27, 1))
        );
        assert_eq!(
            approx_at(
                b"absents ayant donne pouvoir",
                0,
                "absents ayant donne pouvoir"
            ),
            Some((27, 0))
        );
        // short labels are exact only
        assert_eq!(approx_at(b"presants", 0, "presents"), None);
        // two edits on a 27-byte label are allowed, four are not
        assert!(approx_at(
            b"absents avant donne pouvolr",
            0,
            "absents ayant donne pouvoir"
        )
        .is_some());
        assert!(approx_at(
            b"abxents avaxt donxe pouvolr",
            0,
            "absents ayant donne pouvoir"
        )
        .is_none());
        // word-bounded
        assert_eq!(
            approx_at(
                b"xabsents ayant donne pouvoir",
                1,
                "absents ayant donne pouvoir"
            ),
            None
        );
        // whitespace runs fold
        assert_eq!(
            approx_at(
                b"absents  ayant\n donne pouvoir",
                0,
                "absents ayant donne pouvoir"
            ),
            Some((29, 0))
        );
    }

    #[test]
    fn lexicon_is_lower_case_ascii() {
        for w in all_words() {
            if w == "€" {
                continue;
            }
            assert!(
                w.bytes().all(|b| !b.is_ascii_uppercase() && b.is_ascii()),
                "{w}"
            );
        }
    }
}
