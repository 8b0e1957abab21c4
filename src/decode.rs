//! What a file's bytes are before they are text: a PDF, an office document or another
//! binary file (refused with a French message), or text in one of the encodings clerks'
//! files come in (UTF-8, UTF-16 with its byte-order mark, Windows-1252 / ISO-8859-1).
//!
//! Only the recognition lives here; the decoding itself is the platform's: the browser's
//! `TextDecoder` in the page, `encoding_rs` in the CLI.

/// How a file's bytes read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sniffed {
    /// UTF-8 (a byte-order mark, if any, is dropped by the decoder).
    Utf8,
    Utf16Le,
    Utf16Be,
    /// Neither UTF-8 nor UTF-16: the Windows code page of French office files (a superset
    /// of ISO-8859-1 for every printable character).
    Windows1252,
    /// Not text: refused.
    Refused(Refusal),
}

/// Why a file is not read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    Pdf,
    /// A Word or LibreOffice document (a zip archive, or the old binary .doc).
    Office,
    /// Any other binary file (an image, an archive, an executable…).
    Binary,
}

impl Sniffed {
    /// The encoding's WHATWG label (`TextDecoder`, `encoding_rs::Encoding::for_label`).
    pub fn label(self) -> Option<&'static str> {
        match self {
            Sniffed::Utf8 => Some("utf-8"),
            Sniffed::Utf16Le => Some("utf-16le"),
            Sniffed::Utf16Be => Some("utf-16be"),
            Sniffed::Windows1252 => Some("windows-1252"),
            Sniffed::Refused(_) => None,
        }
    }
}

impl Refusal {
    /// What the user is told, naming the file: in the page (`page`), how to get the text in
    /// and that the text already there is untouched; in the CLI, what to give instead.
    pub fn message(self, name: &str, page: bool) -> String {
        let what = match self {
            Refusal::Pdf => format!("« {name} » est un PDF"),
            Refusal::Office => format!("« {name} » est un document Word ou LibreOffice"),
            Refusal::Binary => format!(
                "« {name} » n'est pas un fichier texte (image, archive ou autre fichier binaire)"
            ),
        };
        let how = match (self, page) {
            (Refusal::Pdf, true) => " : Conforme lit du texte. Ouvrez le PDF dans votre lecteur, sélectionnez tout le texte (Ctrl+A), copiez-le (Ctrl+C) et collez-le ici (Ctrl+V).",
            (Refusal::Office, true) => " : copiez son texte et collez-le ici, ou enregistrez-le au format « Texte (.txt) ».",
            (Refusal::Binary, true) => " : ouvrez un fichier .txt, ou collez le texte.",
            (Refusal::Pdf, false) => " : extrayez-en le texte (pdftotext, ou copier-coller depuis un lecteur PDF) et vérifiez le fichier .txt obtenu.",
            (Refusal::Office, false) => " : enregistrez-le au format « Texte (.txt) » et vérifiez ce fichier.",
            (Refusal::Binary, false) => " : donnez un fichier texte (UTF-8, UTF-16 ou Windows-1252).",
        };
        let kept = if page {
            " Le texte déjà saisi n'a pas été modifié."
        } else {
            ""
        };
        format!("{what}{how}{kept}")
    }
}

/// How much of a file is looked at for NUL bytes (a text file has none).
const SNIFF_LEN: usize = 4096;

/// Recognises a file from its bytes.
pub fn sniff(bytes: &[u8]) -> Sniffed {
    if bytes.starts_with(b"%PDF-") {
        return Sniffed::Refused(Refusal::Pdf);
    }
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        return Sniffed::Refused(Refusal::Office);
    }
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        return Sniffed::Utf8;
    }
    if bytes.starts_with(b"\xFF\xFE") {
        return Sniffed::Utf16Le;
    }
    if bytes.starts_with(b"\xFE\xFF") {
        return Sniffed::Utf16Be;
    }
    let head = &bytes[..bytes.len().min(SNIFF_LEN)];
    let nuls = head.iter().filter(|&&b| b == 0).count();
    if nuls > 0 {
        // UTF-16 without its mark: French text has a NUL in every other byte
        let (even, odd) = head.chunks(2).fold((0, 0), |(e, o), c| {
            (
                e + usize::from(c[0] == 0),
                o + usize::from(c.get(1) == Some(&0)),
            )
        });
        let half = head.len() / 2;
        if half > 0 && odd * 10 >= half * 9 && even == 0 {
            return Sniffed::Utf16Le;
        }
        if half > 0 && even * 10 >= half * 9 && odd == 0 {
            return Sniffed::Utf16Be;
        }
        return Sniffed::Refused(Refusal::Binary);
    }
    if std::str::from_utf8(bytes).is_ok() {
        return Sniffed::Utf8;
    }
    // Control bytes other than tab, line feed, form feed and carriage return do not occur in
    // text files of any of these encodings.
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C))
        .count();
    if controls * 100 > head.len() {
        return Sniffed::Refused(Refusal::Binary);
    }
    Sniffed::Windows1252
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_what_clerks_open() {
        assert_eq!(
            sniff(b"%PDF-1.4\n%\xe2\xe3"),
            Sniffed::Refused(Refusal::Pdf)
        );
        assert_eq!(
            sniff(b"PK\x03\x04\x14\x00"),
            Sniffed::Refused(Refusal::Office)
        );
        assert_eq!(
            sniff(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
            Sniffed::Refused(Refusal::Binary)
        );
        assert_eq!(sniff("Présents : 12".as_bytes()), Sniffed::Utf8);
        assert_eq!(sniff(b"\xEF\xBB\xBFPr\xc3\xa9sents"), Sniffed::Utf8);
        assert_eq!(sniff(b"Pr\xe9sents : 12\r\n"), Sniffed::Windows1252);
        assert_eq!(sniff(b"\xFF\xFEP\x00r\x00"), Sniffed::Utf16Le);
        assert_eq!(sniff(b"\xFE\xFF\x00P\x00r"), Sniffed::Utf16Be);
        assert_eq!(sniff(b"P\x00r\x00\xe9\x00s\x00"), Sniffed::Utf16Le);
        assert_eq!(sniff(b""), Sniffed::Utf8);
    }
}
