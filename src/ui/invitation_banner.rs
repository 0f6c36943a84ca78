//! What became of the invitation in the link the app was opened with: who invites whom for what,
//! or why it was not opened.

use std::rc::Rc;

use yew::prelude::*;

use crate::core::app::{InvitationNotice, InviteMsg, Msg};
use crate::core::zone::Zone;
use crate::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct InvitationBannerProps {
    pub lang: Lang,
    pub notice: InvitationNotice,
    /// The title of the framework in use, which an opened invitation names.
    pub framework: AttrValue,
    pub zone: Rc<Zone>,
    pub dispatch: Callback<Msg>,
}

#[function_component]
pub fn InvitationBanner(props: &InvitationBannerProps) -> Html {
    let lang = props.lang;
    let t = lang.invite_texts();
    let onclick = props.dispatch.reform(|_: MouseEvent| Msg::Invite(InviteMsg::DismissNotice));
    let dismiss =
        html! { <button type="button" class="notice-dismiss" {onclick}>{ t.dismiss }</button> };
    match &props.notice {
        InvitationNotice::Opened(invitation) => html! {
            <div class="notice notice-info invitation-banner" role="status">
                <p>{ lang.invitation_banner(invitation, &props.framework) }</p>
                { dismiss }
            </div>
        },
        InvitationNotice::Refused(problem) => html! {
            <div class="notice notice-error invitation-banner" role="alert">
                <p><strong>{ t.refused_heading }</strong></p>
                <p>{ lang.invitation_problem(problem, &props.zone) }</p>
                <p>{ t.nothing_changed }</p>
                { dismiss }
            </div>
        },
    }
}
