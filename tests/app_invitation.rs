//! Invitations, message by message: the docent makes and signs one (making a key first), keeps
//! what was sent; the assessor opens the link in another browser, which starts an assessment
//! with the invitation's fields locked, signs, and the record names the invitation. A changed,
//! expired or foreign invitation is refused and changes nothing stored.

mod support;

use std::collections::BTreeMap;
use std::rc::Rc;
use support::app::empty_startup;

use leeruitkomsten::core::app::Zone;

use leeruitkomsten::core::app::{
    update, Effect, Entropy, InvitationNotice, InviteFailure, InviteMsg, KeyImport, KeyStatus,
    Model, Msg, Now, Startup, StorageFailed, View,
};
use leeruitkomsten::core::assessment::{Action, ActionError, MetadataField, Mode};
use leeruitkomsten::core::credentials::invitation::{
    answers, InvitationField, InvitationInputProblem, InvitationProblem, SignedInvitation,
    MAX_LINK_CHARS,
};
use leeruitkomsten::core::crypto::base64url;
use leeruitkomsten::core::crypto::data_integrity;
use leeruitkomsten::core::crypto::signing_key::SigningKey;
use leeruitkomsten::core::framework::hashed::HashedFramework;
use leeruitkomsten::core::framework::link_frameworks::LinkFrameworks;
use leeruitkomsten::core::framework::score::Score;
use leeruitkomsten::core::framework::source::FrameworkSource;
use leeruitkomsten::core::library::saved::{self, SavedEntry};
use leeruitkomsten::core::library::{entry_key, read_all, Listed};
use leeruitkomsten::core::record::{verify_record, AssessmentRecord};
use leeruitkomsten::i18n::Lang;
use serde_json::Value;

const APP: &str = "https://leeruitkomsten.hogeschool.example/app/";

/// One browser: its storage and what it was asked to do.
#[derive(Default)]
struct Browser {
    entries: BTreeMap<String, String>,
    key: Option<SigningKey>,
    sent: Option<String>,
    effects: Vec<Effect>,
    downloads: Vec<Rc<str>>,
}

impl Browser {
    fn listing(&self) -> Result<Vec<Listed>, StorageFailed> {
        Ok(read_all(self.entries.iter().map(|(k, v)| (k.clone(), v.clone())).collect()))
    }

    fn run(&mut self, effect: Effect) -> Option<Msg> {
        self.effects.push(effect.clone());
        // Ed25519 as the hogeschool's page does it: the Rust implementation, answering at once.
        if let Some(answer) = leeruitkomsten::core::app::ed25519::answer(&effect) {
            return Some(answer);
        }
        match effect {
            Effect::Save(entry) => {
                self.entries.insert(entry_key(&entry.id), saved::to_json(&entry).unwrap());
                Some(Msg::Saved(Ok(())))
            }
            Effect::List => Some(Msg::Listed(self.listing())),
            Effect::StoreKey { key, owner, then_sign, .. } => {
                self.key = Some(key.clone());
                Some(Msg::KeyStored { key: Box::new(key), owner, then_sign, result: Ok(()) })
            }
            Effect::StoreSentInvitations(text) => {
                self.sent = Some(text.to_string());
                Some(Msg::Invite(InviteMsg::Stored(Ok(()))))
            }
            Effect::Download { text, purpose, .. } => {
                self.downloads.push(text);
                Some(Msg::Downloaded { purpose, ok: true })
            }
            Effect::Copy(_) => Some(Msg::Copied(true)),
            _ => None,
        }
    }
}

struct App {
    model: Model,
    browser: Browser,
    tick: u64,
    /// The day the clock shows; the time is 10:mm:ss UTC on it.
    today: String,
}

fn now_at(today: &str, tick: u64, seed: u8) -> Now {
    let mut bytes = [0u8; 64];
    for (i, b) in bytes.iter_mut().enumerate() {
        *b = (tick as u8).wrapping_mul(31).wrapping_add(i as u8).wrapping_add(seed);
    }
    Now {
        time: format!("{today}T10:{:02}:{:02}.000Z", (tick / 60) % 60, tick % 60),
        today: today.into(),
        zone: Rc::new(Zone::fixed(60)),
        entropy: Some(Entropy(bytes)),
    }
}

impl App {
    fn start(browser: Browser, today: &str) -> App {
        let framework = HashedFramework::default_framework().unwrap();
        App::start_with(browser, today, framework, FrameworkSource::BuiltIn)
    }

    /// A start with `framework` in use, from `source`.
    fn start_with(
        browser: Browser,
        today: &str,
        framework: HashedFramework,
        source: FrameworkSource,
    ) -> App {
        let startup = Startup {
            listing: browser.listing(),
            key: browser.key.clone().map_or(KeyStatus::None, KeyStatus::Key),
            source,
            ..empty_startup()
        };
        let model = Model::start(Rc::new(framework), startup, &now_at(today, 0, 1));
        let sent = browser.sent.clone();
        let mut app = App { model, browser, tick: 0, today: today.into() };
        app.send(Msg::Invite(InviteMsg::Started { app_address: APP.into(), sent }));
        app
    }

    fn send(&mut self, msg: Msg) -> Vec<Effect> {
        let before = self.browser.effects.len();
        let mut queue = std::collections::VecDeque::from([msg]);
        while let Some(msg) = queue.pop_front() {
            self.tick += 1;
            let seed = if self.browser.sent.is_some() { 3 } else { 1 };
            let effects = update(&mut self.model, msg, &now_at(&self.today, self.tick, seed));
            for effect in effects {
                queue.extend(self.browser.run(effect));
            }
        }
        self.browser.effects[before..].to_vec()
    }

    fn set(&mut self, field: InvitationField, text: &str) {
        self.send(Msg::Invite(InviteMsg::Set(field, text.into())));
    }

    fn stored(&self) -> Vec<SavedEntry> {
        self.browser.listing().unwrap().iter().filter_map(Listed::entry).cloned().collect()
    }
}

/// The docent's browser, with one invitation signed.
fn docent() -> (App, Rc<SignedInvitation>) {
    let mut app = App::start(Browser::default(), "2026-12-01");
    fill_in_and_sign(&mut app);
    let made = app.model.invite.made.clone().expect("signed");
    (app, made)
}

/// Fills in the invitation form on the docent's page and signs it.
fn fill_in_and_sign(app: &mut App) {
    app.send(Msg::Show(View::Invite));
    for (field, text) in [
        (InvitationField::DocentName, "Johannes van der Wal"),
        (InvitationField::StudentName, "Anne-Marijke van den Heuvel"),
        (InvitationField::StudentNumber, "500812345"),
        (InvitationField::AssessorName, "Maria de Oliveira-Brandsma"),
        (InvitationField::AssessorEmail, "m.deoliveira@buurtwerk.example.nl"),
    ] {
        app.set(field, text);
    }
    app.send(Msg::Invite(InviteMsg::Sign));
}

/// A framework no build of the app has: the built-in one under another id.
fn not_built_in() -> HashedFramework {
    support::other_framework("testkader-2026")
}

#[test]
fn a_framework_a_link_names_by_address_is_named_in_the_invitation_link_too() {
    const ADDRESS: &str = "https://kaders.hogeschool.example/test kader.json";
    let from_link = || FrameworkSource::Url(ADDRESS.into());
    let mut docent = App::start_with(Browser::default(), "2026-12-01", not_built_in(), from_link());
    fill_in_and_sign(&mut docent);
    let link = docent.model.invite.made_link().expect("signed");
    let (address, fragment) = link.split_once('#').unwrap();
    assert_eq!(
        address,
        format!("{APP}?framework=https%3A%2F%2Fkaders.hogeschool.example%2Ftest%20kader.json")
    );
    let effects = docent.send(Msg::Invite(InviteMsg::Copy));
    assert!(effects.contains(&Effect::Copy(link.clone().into())), "{effects:?}");
    let made = docent.model.invite.made.clone().unwrap();
    assert!(leeruitkomsten::core::app::invite::mailto(Lang::Nl, &made, &link)
        .contains("%3Fframework%3Dhttps%253A%252F%252Fkaders"));

    // The form that link opens has the framework at its address: the invitation opens in it.
    let mut assessor =
        App::start_with(Browser::default(), "2026-12-05", not_built_in(), from_link());
    assessor.send(Msg::Invite(InviteMsg::Open(fragment.into())));
    assert!(
        matches!(assessor.model.invitation_notice, Some(InvitationNotice::Opened(_))),
        "{:?}",
        assessor.model.invitation_notice
    );
    assert_eq!(assessor.model.view, View::Assess);
    assert_eq!(assessor.model.open.assessment.framework_id, "testkader-2026");
    assert_eq!(assessor.model.open.assessment.metadata.student_number, "500812345");

    // Opened later without that link, the form lists the assessment as of another framework; where
    // a link here named that framework, the assessment opens by loading the page with it.
    let invited = assessor.model.open.id.to_string();
    let entries = assessor.browser.entries.clone();
    let mut later =
        App::start(Browser { entries: entries.clone(), ..Browser::default() }, "2026-12-06");
    let entry = later.stored().into_iter().find(|e| e.id == invited).unwrap();
    assert_eq!(later.model.library.link_address(&entry), None);
    assert!(later.send(Msg::OpenEntry(invited.clone())).is_empty(), "nothing to open it with");
    let version = not_built_in().framework().version.clone();
    later.model.library.link_frameworks =
        Rc::new(LinkFrameworks::default().with("testkader-2026", &version, ADDRESS));
    assert_eq!(later.model.library.link_address(&entry), Some(ADDRESS));
    assert_eq!(
        later.send(Msg::OpenEntry(invited.clone())),
        [Effect::SetOpen(invited.clone()), Effect::ReopenWithFramework(ADDRESS.into())]
    );
    // Loaded so, the page has that framework, and the assessment opens in it.
    let mut reloaded = App::start_with(
        Browser { entries, ..Browser::default() },
        "2026-12-06",
        not_built_in(),
        from_link(),
    );
    reloaded.send(Msg::OpenEntry(invited.clone()));
    assert_eq!((reloaded.model.view, &*reloaded.model.open.id), (View::Assess, invited.as_str()));

    // A form without it (the link cut short after the fragment's start, say) refuses it by name,
    // and stores nothing.
    let mut without = App::start(Browser::default(), "2026-12-05");
    without.send(Msg::Invite(InviteMsg::Open(fragment.into())));
    assert_eq!(
        without.model.invitation_notice,
        Some(InvitationNotice::Refused(InvitationProblem::UnknownFramework {
            id: "testkader-2026".into(),
            version: not_built_in().framework().version.clone(),
        }))
    );
    assert!(without.stored().is_empty());
}

#[test]
fn a_framework_opened_from_a_file_is_not_invited_for_and_the_view_says_how_to_go_on() {
    let file = || FrameworkSource::File("testkader.json".into());
    let mut docent = App::start_with(Browser::default(), "2026-12-01", not_built_in(), file());
    fill_in_and_sign(&mut docent);
    assert_eq!(docent.model.invite.failure, Some(InviteFailure::FrameworkFromFile));
    assert!(docent.model.invite.made.is_none());
    assert!(docent.browser.key.is_none(), "no key is made for an invitation that is not signed");
    assert!(docent.browser.sent.is_none());
    // Back to the built-in framework from the view itself: the docent stays on it, what was
    // typed is still there, and signing works.
    docent.send(Msg::UseBuiltIn);
    assert_eq!(docent.model.view, View::Invite);
    assert_eq!(docent.model.invite.student_number, "500812345");
    docent.send(Msg::Invite(InviteMsg::Sign));
    assert_eq!(docent.model.invite.failure, None);
    let link = docent.model.invite.made_link().expect("signed");
    assert_eq!(link.split_once('#').unwrap().0, APP);
}

fn fragment(made: &SignedInvitation) -> String {
    made.link(APP).split_once('#').unwrap().1.to_string()
}

#[test]
fn the_docent_signs_an_invitation_making_a_key_first_and_keeps_it() {
    let mut app = App::start(Browser::default(), "2026-12-01");
    app.send(Msg::Show(View::Invite));
    // Four weeks ahead by default.
    assert_eq!(app.model.invite.due_date, "2026-12-29");
    // Nothing filled in: every required field says so, and nothing is signed or stored.
    let effects = app.send(Msg::Invite(InviteMsg::Sign));
    assert!(effects.is_empty());
    let problems = &app.model.invite.problems;
    for field in [
        InvitationField::DocentName,
        InvitationField::StudentName,
        InvitationField::StudentNumber,
        InvitationField::AssessorName,
        InvitationField::AssessorEmail,
    ] {
        assert!(problems.contains(&InvitationInputProblem::Empty(field)), "{field:?}");
    }
    // The messages follow the corrections.
    app.set(InvitationField::AssessorEmail, "maria at buurtwerk");
    assert_eq!(
        app.model.invite.problem(InvitationField::AssessorEmail),
        Some(InvitationInputProblem::NotAnEmail)
    );
    let (docent, made) = docent();
    assert!(docent.model.invite.problems.is_empty());
    // The key was made for it and kept, and signing an invitation is no key import.
    let key = docent.browser.key.clone().expect("a key was kept");
    assert_eq!(made.issuer, key.did());
    assert_eq!(
        docent.model.key.ring.keys()[0].owner,
        "Johannes van der Wal",
        "named after the docent"
    );
    assert_eq!(docent.model.key.import, KeyImport::Idle);
    assert_eq!(made.invitation.framework.id, docent.model.framework.framework().id);
    assert_eq!(made.valid_until, "2026-12-29T23:00:00Z");
    assert!(made.link(APP).len() < MAX_LINK_CHARS);
    // What was sent is kept, and read back on the next start.
    assert_eq!(docent.model.sent_invitations.read.len(), 1);
    let again = App::start(docent.browser, "2026-12-02");
    assert_eq!(again.model.sent_invitations.read[0], *made);
}

#[test]
fn a_docent_with_no_key_here_may_sign_with_a_new_key_of_their_own_rather_than_another_docents() {
    let (mut app, first) = docent();
    app.set(InvitationField::DocentName, "Ayla Demir");
    let shown = app.model.key.for_hogeschool("Ayla Demir");
    assert_eq!(shown.others.map(|o| o.owner), Some("Johannes van der Wal".to_string()));
    app.send(Msg::ChooseNewKey { name: "Ayla Demir".into(), chosen: true });
    app.send(Msg::Invite(InviteMsg::Sign));
    let made = app.model.invite.made.clone().expect("signed");
    assert_ne!(made.issuer, first.issuer, "not with Johannes's key");
    let hers = app.model.key.ring.for_owner("Ayla Demir").expect("a key kept in her name");
    assert_eq!(made.issuer, hers.key.did());
    assert_eq!(app.model.key.ring.keys().len(), 2);
}

#[test]
fn the_assessor_opens_the_link_and_the_invitation_fixes_who_and_what() {
    let (docent, made) = docent();
    let mut assessor = App::start(Browser::default(), "2026-12-05");
    // Something of the assessor's own was already there; it stays as it is.
    assessor.send(Msg::Edit(Action::SetMetadata(MetadataField::StudentName, "Eigen".into())));
    let own = assessor.model.open.id.clone();
    assessor.send(Msg::Invite(InviteMsg::Open(format!("#{}", fragment(&made)))));
    let Some(InvitationNotice::Opened(opened)) = &assessor.model.invitation_notice else {
        panic!("{:?}", assessor.model.invitation_notice)
    };
    assert_eq!(opened.issuer_name, "Johannes van der Wal");
    assert_eq!(
        Lang::Nl.invitation_banner(opened, &assessor.model.framework.framework().title),
        format!(
            "Uitnodiging van Johannes van der Wal ({}) om Anne-Marijke van den Heuvel te beoordelen voor Leeruitkomsten opbouwwerk, vóór 2026-12-29.",
            made.fingerprint()
        )
    );
    assert_eq!(assessor.model.view, View::Assess);
    assert_ne!(assessor.model.open.id, own);
    let metadata = &assessor.model.open.assessment.metadata;
    assert_eq!(metadata.student_name, "Anne-Marijke van den Heuvel");
    assert_eq!(metadata.student_number, "500812345");
    assert_eq!(metadata.assessor_name, "Maria de Oliveira-Brandsma");
    assert_eq!(metadata.mode, Mode::Assessor);
    let stored = assessor.stored();
    assert_eq!(stored.len(), 2, "a new assessment beside the one there was");
    assert!(stored.iter().any(|e| *e.id == *own && e.assessment.metadata.student_name == "Eigen"));
    // Locked: the fields it sets refuse a change; the others take one.
    assessor.send(Msg::Edit(Action::SetMetadata(MetadataField::StudentName, "Ander".into())));
    assert_eq!(assessor.model.error, Some(ActionError::SetByInvitation));
    assessor.send(Msg::Edit(Action::SetMode(Mode::SelfAssessment)));
    assert_eq!(assessor.model.open.assessment.metadata.mode, Mode::Assessor);
    assessor.send(Msg::Edit(Action::SetMetadata(MetadataField::Organisation, "Buurtwerk".into())));
    assert_eq!(assessor.model.error, None);
    // The same link again opens the same assessment, not a second one.
    let invited = assessor.model.open.id.clone();
    assessor.send(Msg::Show(View::Library));
    assessor.send(Msg::OpenEntry(own.to_string()));
    assessor.send(Msg::Invite(InviteMsg::Open(fragment(&made))));
    assert_eq!(assessor.model.open.id, invited);
    assert_eq!(assessor.stored().len(), 2);
    // A reload keeps the lock: the stored entry carries the invitation.
    let reloaded = App::start(
        Browser { entries: assessor.browser.entries.clone(), ..Browser::default() },
        "2026-12-06",
    );
    let entry = reloaded.stored().into_iter().find(|e| *e.id == *invited).unwrap();
    let kept = entry.assessment.invitation.as_ref().expect("kept");
    assert_eq!(kept.id, made.reference.id);
    assert_eq!(kept.issuer_name, "Johannes van der Wal");
    // Scored and signed: the record names the invitation, which the docent's app recognises.
    assessor.send(Msg::Edit(Action::SetScore { indicator: "LU1.1".into(), score: Score::High }));
    assessor.send(Msg::Sign);
    let record = assessor.browser.downloads.last().expect("a record").clone();
    let value: Value = serde_json::from_str(&record).unwrap();
    assert_eq!(value["schemaVersion"], "4");
    let read = AssessmentRecord::from_value(&value).unwrap();
    let reference = read.invitation.expect("the record names its invitation");
    assert_eq!(reference, made.reference);
    assert!(answers(&docent.model.sent_invitations.read, &reference).is_some());
    // What the verify view and the cohort judge the standing on: the reference as verified.
    let framework = HashedFramework::default_framework().unwrap();
    let report = verify_record(&record, &[&framework]);
    assert!(report.is_valid(), "{:?}", report.problems);
    assert_eq!(
        report.invitation(),
        Some((reference.id.as_str(), reference.digest_multibase.as_str()))
    );
    // The docent's verify view and cohort count its signer as invited (not an unknown signer),
    // and another docent's app, which did not send it, does not.
    let signer = assessor.browser.key.as_ref().expect("the assessor's key").did().to_string();
    let named = Some((reference.id.as_str(), reference.digest_multibase.as_str()));
    assert!(docent.model.trusted.standing(&signer, named).invited);
    let other = App::start(Browser::default(), "2026-12-06");
    assert!(!other.model.trusted.standing(&signer, named).invited);
    // A record naming the invitation with another digest answers nothing.
    let forged = Some((reference.id.as_str(), "uEiAAAA"));
    assert!(!docent.model.trusted.standing(&signer, forged).invited);
}

#[test]
fn a_learning_environment_typed_as_the_address_bar_shows_it_is_signed_as_browsers_write_origins() {
    let (mut docent, _) = docent();
    docent.model.invite.made = None;
    docent.set(InvitationField::HostOrigin, "https://elo.hogeschool.example/pad");
    docent.send(Msg::Invite(InviteMsg::Sign));
    assert!(docent.model.invite.made.is_none());
    assert_eq!(
        docent.model.invite.problem(InvitationField::HostOrigin),
        Some(InvitationInputProblem::NotAnOrigin)
    );
    docent.set(InvitationField::HostOrigin, " HTTPS://ELO.Hogeschool.Example:443/ ");
    assert_eq!(docent.model.invite.problem(InvitationField::HostOrigin), None);
    docent.send(Msg::Invite(InviteMsg::Sign));
    let made = docent.model.invite.made.clone().expect("signed");
    assert_eq!(made.invitation.host_origin.as_deref(), Some("https://elo.hogeschool.example"));
}

#[test]
fn the_learning_environment_an_invitation_names_is_the_one_the_app_talks_to() {
    let (mut docent, plain) = docent();
    docent.set(InvitationField::HostOrigin, "https://elo.hogeschool.example");
    docent.send(Msg::Invite(InviteMsg::Sign));
    let named = docent.model.invite.made.clone().expect("signed");
    assert_eq!(named.invitation.host_origin.as_deref(), Some("https://elo.hogeschool.example"));
    let embeds = |effects: &[Effect]| -> Vec<String> {
        effects
            .iter()
            .filter_map(|e| match e {
                Effect::Embed(origin) => Some(origin.clone()),
                _ => None,
            })
            .collect()
    };
    // Opened, the app talks to that page (where it is in a frame of it); opened again, too.
    let mut assessor = App::start(Browser::default(), "2026-12-05");
    let effects = assessor.send(Msg::Invite(InviteMsg::Open(fragment(&named))));
    assert_eq!(embeds(&effects), ["https://elo.hogeschool.example"]);
    let kept = assessor.model.open.assessment.invitation.clone().expect("invited");
    assert_eq!(kept.host_origin.as_deref(), Some("https://elo.hogeschool.example"));
    let effects = assessor.send(Msg::Invite(InviteMsg::Open(fragment(&named))));
    assert_eq!(embeds(&effects), ["https://elo.hogeschool.example"]);
    // Kept with the assessment, for the next start in that page.
    let reloaded = App::start(
        Browser { entries: assessor.browser.entries.clone(), ..Browser::default() },
        "2026-12-06",
    );
    let entry = reloaded.stored().into_iter().find(|e| *e.id == *assessor.model.open.id).unwrap();
    let invited = entry.assessment.invitation.expect("invited");
    assert_eq!(invited.host_origin.as_deref(), Some("https://elo.hogeschool.example"));
    // An invitation that names none leaves the app as the link made it.
    let mut other = App::start(Browser::default(), "2026-12-05");
    let effects = other.send(Msg::Invite(InviteMsg::Open(fragment(&plain))));
    assert_eq!(other.model.view, View::Assess);
    assert!(embeds(&effects).is_empty());
    assert_eq!(other.model.open.assessment.invitation.as_ref().unwrap().host_origin, None);
}

#[test]
fn a_student_invited_to_assess_themselves_is_asked_no_assessor_and_signs_as_the_student() {
    let mut docent = App::start(Browser::default(), "2026-12-01");
    docent.send(Msg::Show(View::Invite));
    docent.send(Msg::Invite(InviteMsg::SetMode(Mode::SelfAssessment)));
    for (field, text) in [
        (InvitationField::DocentName, "Johannes van der Wal"),
        (InvitationField::StudentName, "Anne-Marijke van den Heuvel"),
        (InvitationField::StudentNumber, "500812345"),
        (InvitationField::AssessorEmail, "anne@student.example.nl"),
    ] {
        docent.set(field, text);
    }
    docent.send(Msg::Invite(InviteMsg::Sign));
    // No assessor's name was asked: the student is the one who assesses, and is mailed.
    assert_eq!(docent.model.invite.problems, []);
    let made = docent.model.invite.made.clone().expect("signed without an assessor's name");
    assert_eq!(made.invitation.mode, Mode::SelfAssessment);
    assert_eq!(made.invitation.assessor_name, "Anne-Marijke van den Heuvel");
    let (subject, body) = Lang::Nl.invitation_mail(&made, "https://app.example/#x");
    assert_eq!(subject, "Uitnodiging: zelfbeoordeling, Anne-Marijke van den Heuvel");
    assert!(body.starts_with("Beste Anne-Marijke van den Heuvel,\n\nIk nodig je uit om jezelf te beoordelen, vóór 2026-12-29."), "{body}");
    assert_eq!(
        Lang::En.invite_label_for(InvitationField::AssessorEmail, Mode::SelfAssessment),
        "Student's e-mail address"
    );
    assert_eq!(
        Lang::Nl.invite_label_for(InvitationField::AssessorEmail, Mode::Assessor),
        "E-mailadres beoordelaar"
    );
    // In assessor mode the name is asked as before.
    docent.send(Msg::Invite(InviteMsg::Another));
    docent.send(Msg::Invite(InviteMsg::SetMode(Mode::Assessor)));
    docent.send(Msg::Invite(InviteMsg::Sign));
    assert!(docent
        .model
        .invite
        .problems
        .contains(&InvitationInputProblem::Empty(InvitationField::AssessorName)));

    // The student's phone: a self-assessment under their name, no assessor named, signed by them.
    let mut student = App::start(Browser::default(), "2026-12-05");
    student.send(Msg::Invite(InviteMsg::Open(format!("#{}", fragment(&made)))));
    let metadata = &student.model.open.assessment.metadata;
    assert_eq!(metadata.mode, Mode::SelfAssessment);
    assert_eq!(metadata.student_name, "Anne-Marijke van den Heuvel");
    assert_eq!(metadata.assessor_name, "");
    assert!(!student
        .model
        .open
        .assessment
        .metadata
        .form_fields()
        .any(|f| f == MetadataField::AssessorName));
    student.send(Msg::Edit(Action::SetScore { indicator: "LU1.1".into(), score: Score::High }));
    student.send(Msg::Sign);
    let record = student.browser.downloads.last().expect("a record").clone();
    let read = AssessmentRecord::from_value(&serde_json::from_str(&record).unwrap()).unwrap();
    assert_eq!(read.signer_name(), "Anne-Marijke van den Heuvel");
    assert_eq!(read.invitation.expect("named"), made.reference);
}

/// Opens `fragment` in an assessor's browser that holds one assessment; returns the refusal.
fn refused(fragment: &str, today: &str) -> InvitationProblem {
    let mut assessor = App::start(Browser::default(), today);
    assessor.send(Msg::Edit(Action::SetMetadata(MetadataField::StudentName, "Eigen".into())));
    let before = assessor.browser.entries.clone();
    let open = assessor.model.open.id.clone();
    let effects = assessor.send(Msg::Invite(InviteMsg::Open(fragment.into())));
    // Nothing but the check of its signature, where it got that far.
    assert!(effects.iter().all(|e| matches!(e, Effect::CheckSignature { .. })), "{effects:?}");
    assert_eq!(assessor.browser.entries, before);
    assert_eq!(assessor.model.open.id, open);
    let Some(InvitationNotice::Refused(problem)) = assessor.model.invitation_notice.clone() else {
        panic!("not refused: {:?}", assessor.model.invitation_notice)
    };
    // Dismissed, it is gone.
    assessor.send(Msg::Invite(InviteMsg::DismissNotice));
    assert_eq!(assessor.model.invitation_notice, None);
    problem
}

fn encoded(value: &Value) -> String {
    format!("uitnodiging={}", base64url::encode(value.to_string().as_bytes()))
}

#[test]
fn a_changed_expired_foreign_or_damaged_invitation_changes_nothing() {
    let (_, made) = docent();
    let signed: Value = serde_json::from_str(&made.text).unwrap();
    let mut changed = signed.clone();
    changed["credentialSubject"]["studentNumber"] = "500899999".into();
    assert_eq!(refused(&encoded(&changed), "2026-12-05"), InvitationProblem::Changed);
    assert!(matches!(refused(&fragment(&made), "2026-12-30"), InvitationProblem::Expired { .. }));
    let mut stripped = signed;
    stripped.as_object_mut().unwrap().remove("proof");
    let forged = data_integrity::sign(&stripped, &[5; 32], "2026-12-01T10:00:00Z").unwrap();
    assert!(matches!(
        refused(&encoded(&forged), "2026-12-05"),
        InvitationProblem::ForeignKey { .. }
    ));
    let link = fragment(&made);
    let cut = &link[..link.len() / 2];
    assert_eq!(refused(cut, "2026-12-05"), InvitationProblem::Damaged);
    assert_eq!(refused(&"A".repeat(100_000), "2026-12-05"), InvitationProblem::Damaged);
}

#[test]
fn a_sent_list_with_an_unreadable_item_keeps_it_when_written_again() {
    let (docent, _) = docent();
    let text = docent.browser.sent.clone().unwrap();
    let mut value: Value = serde_json::from_str(&text).unwrap();
    value["invitations"].as_array_mut().unwrap().push("onleesbaar".into());
    let browser = Browser {
        sent: Some(value.to_string()),
        key: docent.browser.key.clone(),
        ..Browser::default()
    };
    let mut again = App::start(browser, "2026-12-02");
    assert_eq!(again.model.sent_invitations.read.len(), 1);
    again.send(Msg::Show(View::Invite));
    again.send(Msg::Invite(InviteMsg::Another));
    for (field, text) in [
        (InvitationField::DocentName, "Johannes van der Wal"),
        (InvitationField::StudentName, "Bram"),
        (InvitationField::StudentNumber, "1"),
        (InvitationField::AssessorName, "Els"),
        (InvitationField::AssessorEmail, "els@example.nl"),
    ] {
        again.set(field, text);
    }
    again.send(Msg::Invite(InviteMsg::Sign));
    let written: Value = serde_json::from_str(again.browser.sent.as_deref().unwrap()).unwrap();
    let items = written["invitations"].as_array().unwrap();
    assert_eq!(items.len(), 3);
    assert!(items.contains(&Value::from("onleesbaar")));
    assert_eq!(again.model.sent_invitations.read.len(), 2);
}
