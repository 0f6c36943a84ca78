//! Checking a deelcertificaat in the verify view: a `.json` or baked `.svg` file, and whether it
//! is valid, who issued it, for which student and which learning outcome.

use std::rc::Rc;

use yew::prelude::*;

use super::badges_panel::BadgesPanel;
use super::file_picker::FilePicker;
use crate::core::app::badges::{BadgeCheckProblem, CheckedBadge, Issued};
use crate::core::app::BadgesState;
use crate::core::app::{FilePurpose, Msg};
use crate::core::credentials::badge::{BadgeProblem, BadgeReadError};
use crate::core::crypto::eddsa_rdfc::RdfcProofError;
use crate::core::zone::Zone;
use crate::i18n::{local_time, Lang};

#[derive(Properties, PartialEq)]
pub struct BadgeCheckProps {
    pub lang: Lang,
    pub checked: Option<Rc<CheckedBadge>>,
    pub zone: Rc<Zone>,
    /// For issuing from a decision file: the badges' state and those issued from it.
    pub badges: BadgesState,
    pub issued: Option<Issued>,
    pub dispatch: Callback<Msg>,
}

#[function_component]
pub fn BadgeCheck(props: &BadgeCheckProps) -> Html {
    let lang = props.lang;
    let b = lang.badges_texts();
    let on_chosen = props.dispatch.reform(|files| Msg::FilesChosen(FilePurpose::Badge, files));
    let on_decision =
        props.dispatch.reform(|files| Msg::FilesChosen(FilePurpose::BadgeDecision, files));
    let verdict = props.checked.as_deref().map(|checked| match &checked.result {
        Ok(badge) => {
            let issuer = match &badge.credential.issuer_name {
                Some(name) => format!("{name} ({})", badge.credential.issuer),
                None => badge.credential.issuer.clone(),
            };
            let row = |term: &str, value: String| html! { <div><dt>{ term.to_string() }</dt><dd>{ value }</dd></div> };
            html! {
                <div class="verdict verdict-valid badge-verdict">
                    <p class="verdict-title"><strong>{ b.valid }</strong>{ format!(": {}", checked.file_name) }</p>
                    <dl class="verdict-facts">
                        { row(b.outcome, badge.outcome_label()) }
                        { row(b.student, badge.student_label()) }
                        { row(b.issuer, issuer) }
                        { row(b.issued_at, local_time(&badge.credential.valid_from, &props.zone)) }
                        { row(b.evidence, badge.evidence.join(", ")) }
                    </dl>
                </div>
            }
        }
        Err(problem) => html! {
            <div class="verdict verdict-invalid badge-verdict">
                <p class="verdict-title"><strong>{ b.invalid }</strong>{ format!(": {}", checked.file_name) }</p>
                <p>{ lang.badge_check_problem(problem) }</p>
            </div>
        },
    });
    let t = lang.cohort_badges_texts();
    let on_did_document =
        props.dispatch.reform(|files| Msg::FilesChosen(FilePurpose::DidDocument, files));
    let needs_did_document = props.checked.as_deref().is_some_and(|c| {
        matches!(
            &c.result,
            Err(BadgeCheckProblem::Read(BadgeReadError::Badge(BadgeProblem::Proof(
                RdfcProofError::NoDidDocument(_) | RdfcProofError::DidDocument(_)
            ))))
        )
    });
    let did_documents = &props.badges.did_documents;
    let show_did_picker = needs_did_document
        || !did_documents.is_empty()
        || props.badges.did_document_problem.is_some();
    html! {
        <>
        <section class="card badge-check" aria-labelledby="badge-check-heading">
            <h3 id="badge-check-heading">{ b.check_heading }</h3>
            <p>{ b.check_intro }</p>
            <FilePicker {lang} id="badge-file" label={b.choose} on_chosen={on_chosen}
                accept=".json,.svg,application/json,image/svg+xml" />
            <div role="status" aria-live="polite">{ verdict.unwrap_or_default() }</div>
            if show_did_picker {
                <FilePicker {lang} id="did-document-file" label={t.choose_did} on_chosen={on_did_document} />
                if let Some(problem) = &props.badges.did_document_problem {
                    <p class="notice notice-error" role="alert">{ lang.did_document_file_problem(problem) }</p>
                }
                if !did_documents.is_empty() {
                    <ul class="did-documents">
                        { for did_documents.iter().map(|d| html! { <li>{ format!("{}: {}", d.file_name, d.did) }</li> }) }
                    </ul>
                }
            }
        </section>
        <section class="card badges-from-decision" aria-labelledby="badges-from-decision-heading">
            <h3 id="badges-from-decision-heading">{ b.from_decision_heading }</h3>
            <p>{ b.from_decision_intro }</p>
            <FilePicker {lang} id="badge-decision-file" label={b.choose_decision} on_chosen={on_decision} />
            if let Some(problem) = &props.badges.open_problem {
                <p class="notice notice-error" role="alert">{ lang.badge_check_problem(problem) }</p>
            }
            if let Some(opened) = &props.badges.opened {
                <p class="badges-opened">{ format!("{} · {}", opened.file_name, opened.student) }</p>
            }
        </section>
        if let Some(opened) = &props.badges.opened {
            <BadgesPanel {lang} state={props.badges.clone()} issued={props.issued.clone()}
                student={opened.student.clone()} dispatch={props.dispatch.clone()} />
        }
        </>
    }
}
