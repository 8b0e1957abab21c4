//! Files opened or dropped in the page: text files decoded by the browser's `TextDecoder`,
//! Word and LibreOffice files unzipped with the browser's `DecompressionStream` and read
//! with its `DOMParser` (nothing of the kind is shipped in the wasm).

use crate::office_text::{zip_text_member, Builder, Method};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// A file's text and the notice that says how it was read, or the French message that says
/// why it is not read.
pub async fn read(file: web_sys::File) -> Result<(String, String), String> {
    let name = file.name();
    let unreadable = || {
        format!(
            "Le fichier « {name} » n'a pas pu être lu. Le texte déjà saisi n'a pas été modifié."
        )
    };
    let buf = JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| unreadable())?;
    let bytes = js_sys::Uint8Array::new(&buf).to_vec();
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(".docx") || lower.ends_with(".odt") {
        return office(&name, &bytes).await;
    }
    super::decode_file(&name, &bytes)
}

async fn office(name: &str, bytes: &[u8]) -> Result<(String, String), String> {
    let refuse = |why: &str| {
        format!("Le document « {name} » ne peut pas être lu ({why}) : enregistrez-le au format « Texte (.txt) » ou copiez son texte. Le texte déjà saisi n'a pas été modifié.")
    };
    let (odt, method, data) = zip_text_member(bytes).map_err(refuse)?;
    let xml_bytes = match method {
        Method::Stored => data.to_vec(),
        Method::Deflated => inflate(data)
            .await
            .map_err(|_| refuse("archive endommagée"))?,
    };
    let xml = String::from_utf8(xml_bytes).map_err(|_| refuse("texte illisible"))?;
    let doc = web_sys::DomParser::new()
        .and_then(|p| p.parse_from_string(&xml, web_sys::SupportedType::ApplicationXml))
        .map_err(|_| refuse("texte illisible"))?;
    if doc.get_elements_by_tag_name("parsererror").length() > 0 {
        return Err(refuse("texte illisible"));
    }
    let mut b = Builder::new(odt);
    if let Some(root) = doc.document_element() {
        walk(&root, &mut b);
    }
    let kind = if odt { "LibreOffice" } else { "Word" };
    Ok((b.finish(), format!("Document {kind} « {name} » chargé : le texte extrait est vérifié (tableaux : une ligne par rangée, cellules séparées par des tabulations).")))
}

/// The document's nodes in order, as events for the builder (iterative: no recursion limit).
fn walk(root: &web_sys::Element, b: &mut Builder) {
    // (node, whether its end is due)
    let mut stack: Vec<(web_sys::Node, bool)> = vec![(root.clone().into(), false)];
    while let Some((node, closing)) = stack.pop() {
        if let Some(el) = node.dyn_ref::<web_sys::Element>() {
            let tag = el.tag_name();
            if closing {
                b.end(&tag);
                continue;
            }
            let count = el.get_attribute("text:c").and_then(|c| c.parse().ok());
            b.start(&tag, count);
            stack.push((node.clone(), true));
            let kids = node.child_nodes();
            for k in (0..kids.length()).rev() {
                if let Some(c) = kids.item(k) {
                    stack.push((c, false));
                }
            }
        } else if node.node_type() == web_sys::Node::TEXT_NODE {
            if let Some(t) = node.node_value() {
                b.text(&t);
            }
        }
    }
}

/// Raw deflate inflated by the browser.
async fn inflate(data: &[u8]) -> Result<Vec<u8>, JsValue> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(data));
    let blob = web_sys::Blob::new_with_u8_array_sequence(&parts)?;
    // DecompressionStream is behind web-sys's unstable APIs: reached through the global object
    let ctor: js_sys::Function =
        js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("DecompressionStream"))?
            .dyn_into()?;
    let ds = js_sys::Reflect::construct(
        &ctor,
        &js_sys::Array::of1(&JsValue::from_str("deflate-raw")),
    )?;
    // a transform stream is a readable/writable pair
    let pair: web_sys::ReadableWritablePair = ds.unchecked_into();
    let out = blob.stream().pipe_through(&pair);
    let resp = web_sys::Response::new_with_opt_readable_stream(Some(&out))?;
    let buf = JsFuture::from(resp.array_buffer()?).await?;
    Ok(js_sys::Uint8Array::new(&buf).to_vec())
}
