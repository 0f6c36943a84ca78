use std::rc::Rc;

use yew::prelude::*;

use super::badge_check::BadgeCheck;
use super::decide_button::decide_button;
use super::file_picker::FilePicker;
use super::norm_lines::norm_lines;
use super::plain_verdict::plain_verdict;
use super::record_view::RecordView;
use super::summary_panel::SummaryPanel;
use super::trusted_panel::{standing_line, PendingAdd, TrustedPanel};
use crate::core::app::review::{Checked, Progress, ReviewMsg, Shown, Verified, VerifyState};
use crate::core::app::{HogeschoolSigner, Msg, TrustedState};
use crate::core::assessment::Mode;
use crate::core::crypto::signing_key::fingerprint;
use crate::core::record::{RecordProblem, RecordReport};
use crate::core::zone::Zone;
use crate::i18n::{local_time, Lang};

#[derive(Properties, PartialEq)]
pub struct VerifyViewProps {
    pub lang: Lang,
    pub state: VerifyState,
    /// The user's time zone (compared by pointer: it is made once).
    pub zone: Rc<Zone>,
    /// The docent's trusted assessors: each record's signer is judged against them.
    #[prop_or_default]
    pub trusted: TrustedState,
    /// The key that would sign the trusted list for the docent named there.
    #[prop_or_default]
    pub trusted_signer: HogeschoolSigner,
    /// The deelcertificaten: one checked here, and a decision opened to issue them from.
    #[prop_or_default]
    pub badges: crate::core::app::BadgesState,
    #[prop_or_default]
    pub issued_badges: Option<crate::core::app::badges::Issued>,
    pub dispatch: Callback<Msg>,
}

/// Opens record files and says whether each is valid and why not; one is then shown read-only.
#[function_component]
pub fn VerifyView(props: &VerifyViewProps) -> Html {
    let lang = props.lang;
    let t = lang.texts();
    let on_chosen = props.dispatch.reform(|files| Msg::Review(ReviewMsg::Verify(files)));
    let result = match &props.state.shown {
        None => Html::default(),
        Some(Verified::Many(all)) => batch_table(lang, all, &props.trusted),
        Some(Verified::One(checked, shown)) => match &checked.report {
            None => html! {
                <div class="verdict is-invalid">
                    <p class="verdict-file">{ checked.file_name.clone() }</p>
                    <p>{ t.file_unreadable }</p>
                </div>
            },
            Some(report) => {
                let standing = standing_line(lang, &props.trusted, report, &props.dispatch);
                let decide = decide_button(lang, &props.state, &props.dispatch);
                one_report(
                    lang,
                    &checked.file_name,
                    report,
                    shown.as_ref(),
                    &props.zone,
                    standing,
                    decide,
                )
            }
        },
    };
    html! {
        <section class="verify-view" aria-labelledby="verify-heading">
            <div class="card">
                <h2 id="verify-heading">{ t.verify_heading }</h2>
                <p>{ t.verify_intro }</p>
                <FilePicker {lang} id="record-file" label={t.choose_files} on_chosen={on_chosen} multiple=true />
                // Only this short line is announced: the reasons below can be many and are read on
                // demand. The region stays in the page, so that a first verdict is announced as
                // reliably as the next.
                <p class="visually-hidden verdict-announcement" role="status">
                    <span key={props.state.results}>{ announcement(lang, &props.state) }</span>
                </p>
                { batch_progress(lang, &props.state, &props.dispatch) }
            </div>
            { result }
            <PendingAdd {lang} state={props.trusted.clone()} dispatch={props.dispatch.clone()} />
            <TrustedPanel {lang} state={props.trusted.clone()} signer={props.trusted_signer.clone()} dispatch={props.dispatch.clone()} />
            <BadgeCheck {lang} checked={props.badges.checked.clone()} zone={props.zone.clone()}
                badges={props.badges.clone()} issued={props.issued_badges.clone()} dispatch={props.dispatch.clone()} />
        </section>
    }
}

/// While the verify workers check many files: a progress bar with a live count, and a way to
/// stop; after stopping, how far it got.
fn batch_progress(lang: Lang, state: &VerifyState, dispatch: &Callback<Msg>) -> Html {
    if let Some(Progress { done, total }) = state.progress {
        let cancel = dispatch.reform(|_| Msg::Review(ReviewMsg::CancelVerify));
        let count = lang.batch_progress(done, total);
        return html! {
            <div class="batch-progress">
                <label for="batch-progress-bar">{ lang.batch_progress_label() }</label>
                <progress id="batch-progress-bar" max={total.to_string()} value={done.to_string()}
                    aria-valuetext={count.clone()}>{ count.clone() }</progress>
                // Read out politely as it changes; the bar itself is not announced at every file.
                <p class="batch-progress-count" aria-live="polite">{ count }</p>
                <button type="button" class="button batch-cancel" onclick={cancel}>{ lang.batch_cancel() }</button>
            </div>
        };
    }
    match state.stopped {
        Some(Progress { done, total }) => html! {
            <p class="notice batch-stopped">{ lang.batch_stopped(done, total) }</p>
        },
        None => Html::default(),
    }
}

fn announcement(lang: Lang, state: &VerifyState) -> String {
    let t = lang.texts();
    if let (None, Some(Progress { done, total })) = (&state.shown, state.stopped) {
        return lang.batch_stopped(done, total);
    }
    match state.shown.as_ref() {
        None => String::new(),
        Some(Verified::One(Checked { file_name, report: None, .. }, _)) => {
            format!("{file_name}: {}", t.file_unreadable)
        }
        Some(Verified::One(Checked { file_name, report: Some(report), .. }, _)) => {
            let verdict = if report.is_valid() { t.verify_valid } else { t.verify_invalid };
            format!("{verdict}: {file_name}")
        }
        Some(Verified::Many(all)) => {
            lang.batch_summary(all.len(), all.iter().filter(|c| c.is_valid()).count())
        }
    }
}

/// One record: the verdict with every reason, who signed and when, the way to the examinator's
/// decision right under it (not below the whole record), then the record itself.
fn one_report(
    lang: Lang,
    file_name: &str,
    report: &RecordReport,
    shown: Option<&Shown>,
    zone: &Zone,
    standing: Html,
    decide: Html,
) -> Html {
    let t = lang.texts();
    let valid = report.is_valid();
    let unknown_framework =
        report.problems.iter().any(|p| matches!(p, RecordProblem::UnknownFramework { .. }));
    html! {
        <>
            <div class={classes!("verdict", if valid { "is-valid" } else { "is-invalid" })}>
                <p class="verdict-file">{ file_name.to_string() }</p>
                <p class="verdict-result">{ if valid { t.verify_valid } else { t.verify_invalid } }</p>
                if valid {
                    <p>{ t.verify_valid_detail }</p>
                } else {
                    if report.signature_valid() {
                        <p>{ t.verify_signature_ok }</p>
                    }
                    { plain_verdict(lang, &report.problems) }
                }
                { facts(lang, report, zone) }
                { standing }
            </div>
            { decide }
            if unknown_framework {
                <p class="notice notice-warning">{ t.verify_unknown_framework }</p>
            }
            if let (Some(shown), Some(framework)) = (shown, &report.framework) {
                if !valid {
                    <p class="notice notice-warning">{ t.record_untrusted }</p>
                }
                <div class="layout verify-layout">
                    <div class="content">
                        <RecordView {lang} framework={framework.framework().clone()} assessment={shown.assessment.clone()} />
                    </div>
                    <SummaryPanel
                        {lang}
                        framework={framework.framework().clone()}
                        summary={shown.summary.clone()}
                        first_open={None::<Rc<str>>}
                        norms={norm_lines(lang, framework.framework(), shown.assessment.norm_level.as_deref(), &shown.summary)}
                    />
                </div>
            }
        </>
    }
}

/// The record's mode, its signer and when it was signed, where they can be read.
fn facts(lang: Lang, report: &RecordReport, zone: &Zone) -> Html {
    let t = lang.texts();
    if report.record.is_none() && report.proof.is_none() {
        return Html::default();
    }
    html! {
        <dl class="verdict-facts">
            if let Some(record) = &report.record {
                <div>
                    <dt>{ lang.form_texts().mode_legend }</dt>
                    <dd class="verdict-mode">
                        { lang.mode_label(record.mode) }
                        if record.mode == Mode::SelfAssessment {
                            { format!(": {}", lang.self_texts().signed_by_student) }
                        }
                    </dd>
                </div>
            }
            if let Some(proof) = &report.proof {
                <div>
                    <dt>{ t.verify_signer }</dt>
                    <dd>
                        <span class="key-fingerprint">{ fingerprint(&proof.did) }</span>
                        { " " }
                        <code class="key-did">{ proof.did.clone() }</code>
                    </dd>
                </div>
                if let Some(created) = &proof.created {
                    <div>
                        <dt>{ t.verify_created }</dt>
                        <dd>{ local_time(created, zone) }</dd>
                    </div>
                }
            }
        </dl>
    }
}

/// One row per file: the verdict, whose record it is, who signed, and every reason it fails.
fn batch_table(lang: Lang, checked: &[Checked], trusted: &TrustedState) -> Html {
    let t = lang.texts();
    let valid = checked.iter().filter(|c| c.is_valid()).count();
    let row = |checked: &Checked| {
        let ok = checked.is_valid();
        let student = checked
            .student()
            .map(|(name, number)| format!("{name} ({number})"))
            .unwrap_or_default();
        let signer = checked.signer().map(fingerprint).unwrap_or_default();
        // The name the record gives its signer, beside the key.
        let signer_name = checked.signer_name().unwrap_or_default().to_string();
        // The standing is judged here, not in the verify workers: the trusted list and the sent
        // invitations are the page's, and judging is cheap next to checking a signature.
        let standing = checked
            .signer()
            .filter(|_| ok)
            .map(|did| lang.standing_label(&trusted.standing(did, checked.invitation())));
        let reasons = if checked.was_read() {
            plain_verdict(lang, checked.problems())
        } else {
            html! { t.file_unreadable }
        };
        html! {
            <tr class={if ok { "is-valid" } else { "is-invalid" }}>
                <th scope="row" class="batch-file">{ checked.file_name.clone() }</th>
                <td class="batch-result">{ if ok { t.verify_valid } else { t.verify_invalid } }</td>
                <td>{ student }</td>
                <td>
                    if !signer_name.is_empty() {
                        <span class="batch-signer-name">{ signer_name }</span>{ " " }
                    }
                    <span class="key-fingerprint">{ signer }</span>
                    if let Some(standing) = standing {
                        <br /><span class="signer-standing-label">{ standing }</span>
                    }
                </td>
                <td class="batch-reasons">{ reasons }</td>
            </tr>
        }
    };
    html! {
        <div class="card batch">
            <p class="batch-summary">{ lang.batch_summary(checked.len(), valid) }</p>
            <div class="table-scroll" tabindex="0" role="region" aria-label={t.batch_caption}>
                <table class="batch-table">
                    <caption class="visually-hidden">{ t.batch_caption }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ t.batch_file }</th>
                            <th scope="col">{ t.batch_result }</th>
                            <th scope="col">{ t.batch_student }</th>
                            <th scope="col">{ t.verify_signer }</th>
                            <th scope="col">{ t.verify_reasons }</th>
                        </tr>
                    </thead>
                    <tbody>{ for checked.iter().map(row) }</tbody>
                </table>
            </div>
        </div>
    }
}
