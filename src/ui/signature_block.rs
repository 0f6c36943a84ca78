use std::rc::Rc;

use yew::prelude::*;

use crate::core::assessment::Assessment;
use crate::core::crypto::signing_key::fingerprint;
use crate::core::framework::hashed::HashedFramework;
use crate::core::record::verify_record;
use crate::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct SignatureBlockProps {
    pub lang: Lang,
    pub framework: Rc<HashedFramework>,
    pub assessment: Assessment,
    /// The user's time zone, minutes east of UTC.
    pub utc_offset: i32,
}

/// The end of the printed report: who signed and whether the signature holds, checked again from
/// the stored record rather than taken on trust, or a plain statement that this is a draft.
#[function_component]
pub fn SignatureBlock(props: &SignatureBlockProps) -> Html {
    let lang = props.lang;
    let t = lang.texts();
    let record = props.assessment.signed.as_ref().map(|s| s.record.clone());
    let report = use_memo((record, props.framework.clone()), |(record, framework)| {
        record.as_ref().map(|text| verify_record(text, &[framework]))
    });
    let body = match (&props.assessment.signed, report.as_ref()) {
        (Some(signed), Some(report)) => {
            let verdict = if report.is_valid() {
                t.verify_valid.to_string()
            } else {
                let reasons: Vec<String> =
                    report.problems.iter().map(|p| lang.record_problem(p)).collect();
                format!("{}: {}", t.verify_invalid, reasons.join("; "))
            };
            html! {
                <>
                    <p>{ lang.signed_at(&signed.created, props.utc_offset, &fingerprint(&signed.signer)) }</p>
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
