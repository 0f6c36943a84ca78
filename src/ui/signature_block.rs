use std::rc::Rc;

use yew::prelude::*;

use crate::core::app::{PrintCheck, PrintOutcome};
use crate::core::assessment::Signed;
use crate::core::crypto::signing_key::fingerprint;
use crate::core::zone::Zone;
use crate::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct SignatureBlockProps {
    pub lang: Lang,
    /// The open assessment's signature, if it is signed: all this block shows of it.
    pub signed: Option<Signed>,
    /// The user's time zone (compared by pointer: it is made once).
    pub zone: Rc<Zone>,
    /// The core's check of the signed record (`core::app::signing::check_open_record`).
    pub check: Option<PrintCheck>,
}

/// The end of the printed report: who signed and whether the signature holds, checked again from
/// the stored record rather than taken on trust, or a plain statement that this is a draft.
#[function_component]
pub fn SignatureBlock(props: &SignatureBlockProps) -> Html {
    let lang = props.lang;
    let t = lang.texts();
    let outcome = match (&props.signed, &props.check) {
        (Some(signed), Some(check)) if check.record == signed.record => Some(&check.outcome),
        _ => None,
    };
    let body = match &props.signed {
        Some(signed) => {
            let verdict = match outcome {
                Some(PrintOutcome::Checked(findings)) if findings.is_valid() => {
                    t.verify_valid.to_string()
                }
                Some(PrintOutcome::Checked(findings)) => {
                    let reasons: Vec<String> =
                        findings.problems.iter().map(|p| lang.record_problem(p)).collect();
                    format!("{}: {}", t.verify_invalid, reasons.join("; "))
                }
                Some(PrintOutcome::NoEd25519) => t.print_no_ed25519.to_string(),
                Some(PrintOutcome::Checking(_)) | None => t.print_checking.to_string(),
            };
            html! {
                <>
                    <p>{ lang.signed_at(&signed.created, &props.zone, &fingerprint(&signed.signer)) }</p>
                    <p>{ format!("{}: {}", t.print_key, signed.signer) }</p>
                    <p class="signature-check">{ format!("{}: {verdict}", t.print_check) }</p>
                </>
            }
        }
        _ => html! { <p>{ t.print_draft }</p> },
    };
    html! {
        <section class="print-only signature-block" aria-labelledby="signature-heading">
            <h2 id="signature-heading">{ t.print_signature_heading }</h2>
            { body }
        </section>
    }
}
