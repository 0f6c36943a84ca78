//! The docent's view: the invitation form, the signed link to copy or mail, and the invitations
//! this browser sent.

use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::key_of_other::KeyOfOther;
use super::radio_choice::RadioChoice;
use crate::core::app::invite::mailto;
use crate::core::app::{HogeschoolSigner, InviteMsg, InviteState, Msg, SentInvitations};
use crate::core::assessment::Mode;
use crate::core::credentials::invitation::{InvitationField, SignedInvitation, MAX_LINK_CHARS};
use crate::core::framework::Framework;
use crate::core::zone::Zone;
use crate::i18n::{local_time, Lang};

#[derive(Properties, PartialEq)]
pub struct InviteViewProps {
    pub lang: Lang,
    pub framework: Rc<Framework>,
    /// The framework was opened from a file, which an invitation cannot name.
    pub from_file: bool,
    pub state: InviteState,
    pub sent: Rc<SentInvitations>,
    pub zone: Rc<Zone>,
    /// The key that would sign for the docent named (`KeyState::for_hogeschool`).
    pub signer: HogeschoolSigner,
    pub dispatch: Callback<Msg>,
}

#[function_component]
pub fn InviteView(props: &InviteViewProps) -> Html {
    let lang = props.lang;
    let t = lang.invite_texts();
    let state = &props.state;
    let field = |field: InvitationField| {
        let id = format!("invite-{}", field.key());
        let error_id = format!("{id}-error");
        let hint_id = format!("{id}-hint");
        let problem = state.problem(field);
        let hint = (field == InvitationField::HostOrigin).then_some(t.host_origin_hint);
        let described = match (problem.is_some(), hint.is_some()) {
            (true, true) => Some(format!("{error_id} {hint_id}")),
            (true, false) => Some(error_id.clone()),
            (false, true) => Some(hint_id.clone()),
            (false, false) => None,
        };
        let value = match field {
            InvitationField::DocentName => &state.docent_name,
            InvitationField::StudentName => &state.student_name,
            InvitationField::StudentNumber => &state.student_number,
            InvitationField::AssessorName => &state.assessor_name,
            InvitationField::AssessorEmail => &state.assessor_email,
            InvitationField::DueDate => &state.due_date,
            InvitationField::HostOrigin => &state.host_origin,
        };
        let (kind, autocomplete) = match field {
            InvitationField::DueDate => ("date", "off"),
            InvitationField::AssessorEmail => ("email", "off"),
            InvitationField::HostOrigin => ("url", "off"),
            InvitationField::DocentName => ("text", "name"),
            _ => ("text", "off"),
        };
        let dispatch = props.dispatch.clone();
        let oninput = Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                dispatch.emit(Msg::Invite(InviteMsg::Set(field, input.value())));
            }
        });
        html! {
            <div class={classes!("field", format!("field-{}", field.key()))}>
                <label for={id.clone()}>
                    { lang.invite_label_for(field, state.mode) }
                    if field == InvitationField::HostOrigin {
                        { " " }{ t.optional }
                    }
                </label>
                <input
                    id={id.clone()}
                    type={kind}
                    value={value.clone()}
                    {autocomplete}
                    aria-invalid={problem.map(|_| "true")}
                    aria-describedby={described}
                    {oninput}
                />
                if let Some(problem) = problem {
                    <p class="field-error" id={error_id}>{ lang.invite_problem(problem) }</p>
                }
                if let Some(hint) = hint {
                    <p class="hint" id={hint_id}>{ hint }</p>
                }
            </div>
        }
    };
    let mode_option = |mode: Mode| {
        html! {
            <RadioChoice
                id={format!("invite-mode-{}", mode.key())}
                name="invite-mode"
                value={mode.key()}
                checked={state.mode == mode}
                on_choose={props.dispatch.reform(move |()| Msg::Invite(InviteMsg::SetMode(mode)))}
            >
                { lang.mode_label(mode) }
            </RadioChoice>
        }
    };
    let on_sign = props.dispatch.reform(|e: SubmitEvent| {
        e.prevent_default();
        Msg::Invite(InviteMsg::Sign)
    });
    html! {
        <section class="card invite" aria-labelledby="invite-heading">
            <h2 id="invite-heading">{ t.heading }</h2>
            <p>{ t.intro }</p>
            if let Some(made) = &state.made {
                { made_view(props, made) }
            } else {
                <form class="invite-form" onsubmit={on_sign} novalidate=true>
                    <p class="invite-framework">
                        <strong>{ t.framework }</strong>{ ": " }
                        <span lang={props.framework.language.clone()}>
                            { format!("{} ({})", props.framework.title, props.framework.version) }
                        </span>
                    </p>
                    if props.from_file {
                        <div class="notice notice-warning invite-framework-file">
                            <p>{ lang.invite_framework_from_file() }</p>
                            <button type="button" onclick={props.dispatch.reform(|_: MouseEvent| Msg::UseBuiltIn)}>
                                { lang.embed_texts().framework_use_built_in }
                            </button>
                        </div>
                    }
                    <div class="fields">
                        // A student invited to assess themselves is the one who assesses.
                        { for InvitationField::ALL.into_iter().filter(|f| match f {
                            InvitationField::HostOrigin => false,
                            InvitationField::AssessorName => state.mode == Mode::Assessor,
                            _ => true,
                        }).map(field) }
                    </div>
                    <fieldset class="mode">
                        <legend>{ t.mode_legend }</legend>
                        { for Mode::ALL.into_iter().map(mode_option) }
                    </fieldset>
                    <div class="fields">{ field(InvitationField::HostOrigin) }</div>
                    if !state.problems.is_empty() {
                        <p class="notice notice-error" role="alert">{ t.fix_first }</p>
                    }
                    if let Some(failure) = state.failure {
                        <p class="notice notice-error" role="alert">{ lang.invite_failure(failure) }</p>
                    }
                    <KeyOfOther {lang} signer={props.signer.clone()} name={state.docent_name.clone()} id="invite" dispatch={props.dispatch.clone()} />
                    <button type="submit" class="primary">{ t.sign }</button>
                </form>
            }
            { sent_list(props) }
        </section>
    }
}

fn made_view(props: &InviteViewProps, made: &SignedInvitation) -> Html {
    let lang = props.lang;
    let t = lang.invite_texts();
    let state = &props.state;
    let link = made.link(&state.made_address);
    let on_copy = props.dispatch.reform(|_: MouseEvent| Msg::Invite(InviteMsg::Copy));
    let on_another = props.dispatch.reform(|_: MouseEvent| Msg::Invite(InviteMsg::Another));
    let (link_label, link_hint) = match made.invitation.mode {
        Mode::Assessor => (t.link_label, t.link_hint),
        Mode::SelfAssessment => (t.self_link_label, t.self_link_hint),
    };
    html! {
        <div class="invite-made">
            <h3>{ t.made_heading }</h3>
            <p>{ lang.invitation_banner(made, &props.framework.title) }</p>
            if let Some(failure) = state.failure {
                <p class="notice notice-warning" role="alert">{ lang.invite_failure(failure) }</p>
            }
            <label for="invite-link">{ link_label }</label>
            <textarea id="invite-link" class="invite-link" readonly=true rows="4" aria-describedby="invite-link-hint" value={link.clone()} />
            <p class="hint" id="invite-link-hint">{ link_hint }</p>
            if link.len() >= MAX_LINK_CHARS {
                <p class="notice notice-warning" role="status">{ t.long_link }</p>
            }
            <div class="actions">
                <button type="button" class="primary" onclick={on_copy}>{ t.copy }</button>
                <a class="button" href={mailto(lang, made, &link)}>{ t.mail }</a>
                <button type="button" onclick={on_another}>{ t.another }</button>
            </div>
            <p role="status">
                { match state.copied {
                    Some(true) => t.copied,
                    Some(false) => t.copy_failed,
                    None => "",
                } }
            </p>
        </div>
    }
}

fn sent_list(props: &InviteViewProps) -> Html {
    let lang = props.lang;
    let t = lang.invite_texts();
    let sent = &props.sent.read;
    html! {
        <section class="invite-sent" aria-labelledby="invite-sent-heading">
            <h3 id="invite-sent-heading">{ t.sent_heading }</h3>
            <p class="hint">{ t.sent_hint }</p>
            if sent.is_empty() {
                <p>{ t.sent_none }</p>
            } else {
                <div class="table-scroll">
                    <table>
                        <thead>
                            <tr>
                                <th scope="col">{ t.sent_student }</th>
                                <th scope="col">{ t.sent_assessor }</th>
                                <th scope="col">{ t.sent_due }</th>
                                <th scope="col">{ t.sent_made }</th>
                            </tr>
                        </thead>
                        <tbody>
                            { for sent.iter().map(|s| {
                                let i = &s.invitation;
                                html! {
                                    <tr>
                                        <td>{ format!("{} ({})", i.student_name, i.student_number) }</td>
                                        <td>{ match i.mode {
                                            Mode::Assessor => format!("{} <{}>", i.assessor_name, i.assessor_email),
                                            Mode::SelfAssessment => format!("{} <{}>", lang.mode_label(i.mode), i.assessor_email),
                                        } }</td>
                                        <td>{ &i.due_date }</td>
                                        <td>{ local_time(&s.valid_from, &props.zone) }</td>
                                    </tr>
                                }
                            }) }
                        </tbody>
                    </table>
                </div>
            }
        </section>
    }
}
