//! Attendance lists in every layout met: tab columns, prose lists separated by commas,
//! semicolons or dashes, "NOM Prénom" and "Prénom NOM", with or without civilities, proxies
//! in every wording ("pouvoir à", "a donné pouvoir à", "procuration à", "représenté(e) par",
//! "X par Y", "(pouvoir à X)", "(Procuration de X)", "- PROCURATION"), arrivals, departures
//! and statuses limited to some items.
//!
//! A list is *reliable* when every entry reads as a name. Count rules only compare counts
//! with reliable lists: a column-garbled PDF never yields an error.

mod entries;
mod lists;
mod names;
mod roster;
pub mod scope;

pub use lists::{find_sections, stops_a_name};
pub use names::{is_civility, is_particle, name_key, name_key_str, name_run};
pub use roster::build_members;

use crate::text::Span;

/// The kind of a list (the model's vocabulary).
pub use crate::model::ListKind as SectionKind;

/// One attendance list found in the text.
#[derive(Debug, Clone)]
pub struct Section {
    pub kind: SectionKind,
    pub label_span: Span,
    pub range: (usize, usize),
    pub reliable: bool,
    /// A count in parentheses closing the list ("… Jean PERTHUIS (55)").
    pub trailing_count: Option<u32>,
    pub entries: Vec<Entry>,
}

/// One person in a list, with an optional proxy.
#[derive(Debug, Clone)]
pub struct Entry {
    pub name: (usize, usize),
    pub holder: Option<(usize, usize)>,
    /// The entry names the holder of someone else's proxy: (giver name range).
    pub holds_for: Option<(usize, usize)>,
    pub movement: Option<(usize, usize)>,
    pub range: (usize, usize),
    /// "- PROCURATION" tag without a holder.
    pub proxy_tag: bool,
    /// "(suppléant de M. X)": the titulaire's name range.
    pub substitutes: Option<(usize, usize)>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Status;
    use crate::text::Text;

    fn parse(s: &str) -> Vec<(String, Status, Option<String>)> {
        let t = Text::new(s);
        let secs = find_sections(&t, 0, t.len());
        build_members(&t, &secs)
            .into_iter()
            .map(|m| (m.name, m.status, m.proxy_holder.map(|h| h.name)))
            .collect()
    }

    #[test]
    fn tab_columns() {
        let m = parse("### Membres présents :\n\nMonsieur François REBSAMEN\tMadame Christine MARTIN\n\n### Membres absents :\n\nMadame Claire TOMASELLI\tMadame Sladana ZIVKOVIC pouvoir à Madame Danielle JUBAN\n\tMonsieur Jean-Claude GIRARD pouvoir à Monsieur Laurent GOBET\n\n---");
        assert_eq!(m.len(), 5);
        assert_eq!(
            m[3],
            (
                "Sladana ZIVKOVIC".into(),
                Status::Represented,
                Some("Danielle JUBAN".into())
            )
        );
        assert_eq!(m[2].1, Status::Absent);
    }

    #[test]
    fn prose_lists() {
        let m = parse("MEMBRES REPRÉSENTÉS : Mme BOUIZEM Rabia par Mme PRÉVOT Vannina Mme DA SILVA Céline par Mme BOISSEAU-STAL Laetitia MEMBRES ABSENTS NON REPRÉSENTÉS : Mme GRELLIER Isabelle, Mme BAETA Yolande.");
        assert_eq!(m.len(), 4, "{m:?}");
        assert_eq!(m[1].2.as_deref(), Some("BOISSEAU-STAL Laetitia"));
        let m = parse("Absents excusés avant donné pouvoir : Youssef AFOUADAS a donné pouvoir à Jean Luc DUCERF Frédéric ROBIN a donné pouvoir à Sylvie ROLAND Absents excusés : Sylviane BOENS, Cécile DAUZATS.");
        assert_eq!(m.len(), 4, "{m:?}");
        assert_eq!(m[0].2.as_deref(), Some("Jean Luc DUCERF"));
        assert_eq!(m[1].0, "Frédéric ROBIN");
    }

    #[test]
    fn labels_in_every_agreement() {
        // singular and feminine labels before a colon
        let m = parse("Présents : M. Jean DUPONT, Mme Anne MARTIN\nAbsente excusée : Mme Claire ROUX\nConseillère représentée : Mme Julie PETIT");
        assert_eq!(m.len(), 4, "{m:?}");
        assert_eq!(m[2], ("Claire ROUX".into(), Status::Excused, None));
        assert_eq!(m[3].1, Status::Represented);
        // the same words in prose are not labels
        let m =
            parse("Présents : M. Jean DUPONT, Mme Anne MARTIN. M. le Président présente ses vœux.");
        assert_eq!(m.len(), 2, "{m:?}");
    }

    #[test]
    fn an_unknown_label_ends_a_list() {
        let m = parse("Présents : M. Jean DUPONT, Mme Anne MARTIN\nAssistait sans voix : Mme Claire ROUX\nAbsent : M. Luc NOIR");
        assert_eq!(m.len(), 3, "{m:?}");
        assert!(!m.iter().any(|x| x.0 == "Claire ROUX"), "{m:?}");
        // a commune heading its members is not a label
        let m = parse("Présents :\nCerelles : M. Poulle Guy\nMarray : M. Capon Philippe");
        assert_eq!(m.len(), 2, "{m:?}");
    }

    #[test]
    fn reverse_and_paren_proxies() {
        let m = parse("Présents : M. DUFOUR Thierry, MME CONDOMINES MAUREL Nadine (Procuration de MME TAMBORINI Christine), M. BOUCHON Christophe. Excusés : MME TAMBORINI Christine (Procuration à MME CONDOMINES MAUREL Nadine), M. COSQUER Cyril. Absent : M. HEIM Philippe Secrétaire : M. X.");
        assert_eq!(m.len(), 6, "{m:?}");
        assert_eq!(m[2].1, Status::Represented);
        assert_eq!(m[4].1, Status::Excused);
        assert_eq!(m[5].1, Status::Absent);
    }
}
