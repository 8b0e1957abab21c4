//! Word (.docx) and LibreOffice (.odt) files read into text for the CLI: paragraphs and line
//! breaks become lines, tabs stay tabs, and a table row becomes one line with its cells
//! separated by tabs (as the parser reads columns).

use quick_xml::events::Event;
use quick_xml::Reader;
use std::io::Read;

/// The text of a .docx or .odt file, or a French message saying why it cannot be read.
pub fn text(bytes: &[u8]) -> Result<String, String> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|_| {
        "le fichier n'est pas un document Word (.docx) ou LibreOffice (.odt) lisible (archive endommagée ?)".to_string()
    })?;
    let (odt, member) = if zip.by_name("word/document.xml").is_ok() {
        (false, "word/document.xml")
    } else if zip.by_name("content.xml").is_ok() {
        (true, "content.xml")
    } else {
        return Err("le document ne contient pas de texte lisible (.docx ou .odt attendu ; un document chiffré par mot de passe ne peut pas être lu)".into());
    };
    let mut xml = String::new();
    zip.by_name(member)
        .map_err(|_| "le document est endommagé".to_string())?
        .read_to_string(&mut xml)
        .map_err(|_| "le document est endommagé ou chiffré".to_string())?;
    from_xml(&xml, odt)
}

/// `odt`: the XML is an .odt's `content.xml` (else a .docx's `word/document.xml`).
fn from_xml(xml: &str, odt: bool) -> Result<String, String> {
    let mut reader = Reader::from_str(xml);
    let mut b = crate::office_text::Builder::new(odt);
    loop {
        let ev = reader
            .read_event()
            .map_err(|_| "le texte du document est illisible (XML endommagé)".to_string())?;
        let empty = matches!(ev, Event::Empty(_));
        match ev {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) => {
                let count = e
                    .try_get_attribute("text:c")
                    .ok()
                    .flatten()
                    .and_then(|a| std::str::from_utf8(&a.value).ok()?.parse::<usize>().ok());
                let name = e.name();
                let name = std::str::from_utf8(name.as_ref()).unwrap_or("");
                b.start(name, count);
                if empty {
                    b.end(name);
                }
            }
            Event::End(e) => {
                let name = e.name();
                b.end(std::str::from_utf8(name.as_ref()).unwrap_or(""));
            }
            Event::Text(t) => {
                let s = t
                    .decode()
                    .map_err(|_| "le texte du document est illisible".to_string())?;
                b.text(&s);
            }
            // "&amp;", "&#233;": references arrive as their own events
            Event::GeneralRef(r) => {
                if let Ok(Some(c)) = r.resolve_char_ref() {
                    b.text(c.encode_utf8(&mut [0; 4]));
                } else if let Ok(name) = r.decode() {
                    if let Some(v) = quick_xml::escape::resolve_xml_entity(&name) {
                        b.text(v);
                    }
                }
            }
            _ => {}
        }
    }
    Ok(b.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn docx_paragraphs_tabs_and_tables() {
        let xml = r#"<w:document><w:body><w:p><w:r><w:t>Séance du jeudi 21 mars 2024 &amp; suite</w:t></w:r></w:p><w:p><w:r><w:t>Présents :</w:t><w:tab/><w:t>34</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>M. Paul ROUX</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Mme Anne PETIT</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:body></w:document>"#;
        assert_eq!(
            from_xml(xml, false).unwrap(),
            "Séance du jeudi 21 mars 2024 & suite\nPrésents :\t34\nM. Paul ROUX\tMme Anne PETIT\n"
        );
    }

    #[test]
    fn odt_paragraphs_spaces_and_tables() {
        let xml = r#"<office:document-content><office:body><office:text><text:h>EXTRAIT</text:h><text:p>Présents :<text:s text:c="2"/>34</text:p><table:table><table:table-row><table:table-cell><text:p>M. Paul ROUX</text:p></table:table-cell><table:table-cell><text:p>Mme Anne PETIT</text:p></table:table-cell></table:table-row></table:table></office:text></office:body></office:document-content>"#;
        assert_eq!(
            from_xml(xml, true).unwrap(),
            "EXTRAIT\nPrésents :  34\nM. Paul ROUX\tMme Anne PETIT\n"
        );
    }

    #[test]
    fn corrupt_files_are_refused_in_french() {
        assert!(text(b"PK\x03\x04garbage")
            .unwrap_err()
            .contains("endommagée"));
        assert!(text(b"not a zip").is_err());
    }
}
