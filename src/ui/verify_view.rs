use std::rc::Rc;

use web_sys::File;
use yew::platform::spawn_local;
use yew::prelude::*;

use super::file_picker::FilePicker;
use super::record_view::RecordView;
use super::summary_panel::SummaryPanel;
use crate::core::assessment::aggregate::summarize;
use crate::core::assessment::Mode;
use crate::core::crypto::signing_key::fingerprint;
use crate::core::framework::catalogue::with_built_ins;
use crate::core::framework::hashed::HashedFramework;
use crate::core::record::{verify_record_bytes, RecordProblem, RecordReport, MAX_RECORD_BYTES};
use crate::i18n::{readable_time, Lang};
use crate::web::files::{self, ReadError};

#[derive(Properties, PartialEq)]
pub struct VerifyViewProps {
    pub lang: Lang,
    pub framework: Rc<HashedFramework>,
}

/// The outcome of checking one file.
#[derive(Clone, PartialEq)]
enum Checked {
    Nothing,
    Report {
        file_name: String,
        report: Rc<RecordReport>,
    },
    Unreadable {
        file_name: String,
    },
    /// Several files at once: one line each, as a hogeschool checks a folder of records.
    Batch(Rc<Vec<Checked>>),
}

/// Reads and verifies one file against the frameworks it may belong to.
async fn check(file: &File, frameworks: &[HashedFramework]) -> Checked {
    let file_name = file.name();
    match files::read_bytes(file, MAX_RECORD_BYTES).await {
        Ok(bytes) => Checked::Report {
            file_name,
            report: Rc::new(verify_record_bytes(&bytes, &frameworks.iter().collect::<Vec<_>>())),
        },
        // The core gives the same message for an oversized file as the CLI does.
        Err(ReadError::TooLarge { bytes }) => Checked::Report {
            file_name,
            report: Rc::new(RecordReport {
                problems: vec![RecordProblem::TooLarge {
                    bytes: usize::try_from(bytes).unwrap_or(usize::MAX),
                    limit: MAX_RECORD_BYTES,
                }],
                ..RecordReport::default()
            }),
        },
        Err(ReadError::Unreadable) => Checked::Unreadable { file_name },
    }
}

/// Opens a record file and says whether it is valid and why not, then shows it read-only.
#[function_component]
pub fn VerifyView(props: &VerifyViewProps) -> Html {
    let lang = props.lang;
    let t = lang.texts();
    let checked = use_state(|| Checked::Nothing);
    // Counts the files checked, to key the announcement: a new node is read out even when the
    // same file gives the same verdict again.
    let checks = use_state(|| 0u32);
    let on_files = {
        let checked = checked.clone();
        let checks = checks.clone();
        let active = props.framework.clone();
        Callback::from(move |chosen: Vec<File>| {
            let checked = checked.clone();
            let checks = checks.clone();
            // A record of the other built-in framework verifies here too.
            let frameworks = with_built_ins(&active);
            spawn_local(async move {
                let mut outcomes = Vec::with_capacity(chosen.len());
                for file in &chosen {
                    outcomes.push(check(file, &frameworks).await);
                }
                let outcome = match <[Checked; 1]>::try_from(outcomes) {
                    Ok([one]) => one,
                    Err(many) => Checked::Batch(Rc::new(many)),
                };
                checks.set(checks.wrapping_add(1));
                checked.set(outcome);
            });
        })
    };

    // Only this short line is announced: the reasons below can be many and are read on demand.
    // The region stays in the page, so that a first verdict is announced as reliably as the next.
    let announcement = match &*checked {
        Checked::Nothing => String::new(),
        Checked::Unreadable { file_name } => format!("{file_name}: {}", t.file_unreadable),
        Checked::Report { file_name, report } => {
            let verdict = if report.is_valid() { t.verify_valid } else { t.verify_invalid };
            format!("{verdict}: {file_name}")
        }
        Checked::Batch(all) => {
            lang.batch_summary(all.len(), all.iter().filter(|c| is_valid(c)).count())
        }
    };
    let result = match &*checked {
        Checked::Nothing => Html::default(),
        Checked::Batch(all) => html! { <BatchTable {lang} checked={all.clone()} /> },
        Checked::Unreadable { file_name } => html! {
            <div class="verdict is-invalid">
                <p class="verdict-file">{ file_name.clone() }</p>
                <p>{ t.file_unreadable }</p>
            </div>
        },
        Checked::Report { file_name, report } => {
            let valid = report.is_valid();
            let unknown_framework =
                report.problems.iter().any(|p| matches!(p, RecordProblem::UnknownFramework { .. }));
            let shown = report.assessment().filter(|_| report.framework.is_some()).map(Rc::new);
            html! {
                <>
                    <div class={classes!("verdict", if valid { "is-valid" } else { "is-invalid" })}>
                        <p class="verdict-file">{ file_name.clone() }</p>
                        <p class="verdict-result">{ if valid { t.verify_valid } else { t.verify_invalid } }</p>
                        if valid {
                            <p>{ t.verify_valid_detail }</p>
                        } else {
                            if report.signature_valid() {
                                <p>{ t.verify_signature_ok }</p>
                            }
                            <h3>{ t.verify_reasons }</h3>
                            <ul class="verdict-reasons">
                                { for report.problems.iter().map(|p| html! { <li>{ lang.record_problem(p) }</li> }) }
                            </ul>
                        }
                        if report.record.is_some() || report.proof.is_some() {
                            <dl class="verdict-facts">
                                if let Some(record) = &report.record {
                                    <div>
                                        <dt>{ t.mode_legend }</dt>
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
                                            <dd>{ format!("{} (UTC)", readable_time(created)) }</dd>
                                        </div>
                                    }
                                }
                            </dl>
                        }
                    </div>
                    if unknown_framework {
                        <p class="notice notice-warning">{ t.verify_unknown_framework }</p>
                    }
                    if let (Some(assessment), Some(framework)) = (shown, &report.framework) {
                        if !valid {
                            <p class="notice notice-warning">{ t.record_untrusted }</p>
                        }
                        <div class="layout verify-layout">
                            <div class="content">
                                <RecordView {lang} framework={framework.framework().clone()} assessment={assessment.clone()} />
                            </div>
                            <SummaryPanel
                                {lang}
                                framework={framework.framework().clone()}
                                summary={Rc::new(summarize(framework.framework(), &assessment))}
                                first_open={None::<Rc<str>>}
                                dock={false}
                                norm_level={assessment.norm_level.clone()}
                            />
                        </div>
                    }
                </>
            }
        }
    };
    html! {
        <section class="verify-view" aria-labelledby="verify-heading">
            <div class="card">
                <h2 id="verify-heading">{ t.verify_heading }</h2>
                <p>{ t.verify_intro }</p>
                <FilePicker {lang} id="record-file" label={t.choose_files} on_file={Callback::noop()} on_files={on_files} />
                <p class="visually-hidden verdict-announcement" role="status">
                    <span key={*checks}>{ announcement }</span>
                </p>
            </div>
            { result }
        </section>
    }
}

fn is_valid(checked: &Checked) -> bool {
    matches!(checked, Checked::Report { report, .. } if report.is_valid())
}

#[derive(Properties, PartialEq)]
struct BatchTableProps {
    lang: Lang,
    checked: Rc<Vec<Checked>>,
}

/// One row per file: the verdict, whose record it is, who signed, and every reason it fails.
#[function_component]
fn BatchTable(props: &BatchTableProps) -> Html {
    let lang = props.lang;
    let t = lang.texts();
    let valid = props.checked.iter().filter(|c| is_valid(c)).count();
    let row = |checked: &Checked| {
        let (file_name, report) = match checked {
            Checked::Report { file_name, report } => (file_name.as_str(), Some(report)),
            Checked::Unreadable { file_name } => (file_name.as_str(), None),
            Checked::Nothing | Checked::Batch(_) => return Html::default(),
        };
        let ok = report.is_some_and(|r| r.is_valid());
        let student = report
            .and_then(|r| r.record.as_ref())
            .map(|r| format!("{} ({})", r.subject.name, r.subject.student_number))
            .unwrap_or_default();
        let signer =
            report.and_then(|r| r.proof.as_ref()).map(|p| fingerprint(&p.did)).unwrap_or_default();
        let reasons = match report {
            Some(report) => report
                .problems
                .iter()
                .map(|p| lang.record_problem(p))
                .collect::<Vec<_>>()
                .join("; "),
            None => t.file_unreadable.to_string(),
        };
        html! {
            <tr class={if ok { "is-valid" } else { "is-invalid" }}>
                <th scope="row" class="batch-file">{ file_name }</th>
                <td class="batch-result">{ if ok { t.verify_valid } else { t.verify_invalid } }</td>
                <td>{ student }</td>
                <td class="key-fingerprint">{ signer }</td>
                <td class="batch-reasons">{ reasons }</td>
            </tr>
        }
    };
    html! {
        <div class="card batch">
            <p class="batch-summary">{ lang.batch_summary(props.checked.len(), valid) }</p>
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
                    <tbody>{ for props.checked.iter().map(row) }</tbody>
                </table>
            </div>
        </div>
    }
}
