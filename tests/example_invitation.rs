//! `examples/invitation.json` is an invitation exactly as the app signs it and carries in a link
//! (compact JSON, then base64url in the fragment): a docent's test key, fixed time and id. The
//! third-party verifier test (`tests/e2e/vc-invitation.test.mjs`: Digital Bazaar's VC verifier)
//! reads it, so this test makes it afresh and fails when the file is not byte for byte what the
//! Rust code makes today. `LEERUITKOMSTEN_BLESS=1 cargo test --test example_invitation` writes it.

#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

use leeruitkomsten::core::assessment::Mode;
use leeruitkomsten::core::credentials::invitation::{Invitation, SignedInvitation, MAX_LINK_CHARS};
use leeruitkomsten::core::crypto::signing_key::SigningKey;
use leeruitkomsten::core::framework::hashed::HashedFramework;
use leeruitkomsten::core::record::FrameworkInfo;
use leeruitkomsten::core::zone::Zone;

const FILE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/invitation.json");
/// The docent's test key; never used for real invitations.
const DOCENT_SEED: [u8; 32] = [
    0x4c, 0xcd, 0x08, 0x9b, 0x28, 0xff, 0x96, 0xda, 0x9d, 0xb6, 0xc3, 0x46, 0xec, 0x11, 0x4e, 0x0f,
    0x5b, 0x8a, 0x31, 0x9f, 0x35, 0xab, 0xa6, 0x24, 0xda, 0x8c, 0xf6, 0xed, 0x4f, 0xb8, 0xa6, 0xfb,
];
const CREATED: &str = "2026-04-01T08:15:00.000Z";
const UUID: &str = "2b7e1c4d-8a3f-4e6b-9c1d-5f2a7b8e3c41";

#[test]
fn the_example_invitation_is_what_the_app_makes() {
    let hashed = HashedFramework::default_framework().expect("the default framework loads");
    let fw = hashed.framework();
    let invitation = Invitation {
        student_name: "Sanne de Vries-Öztürk".into(),
        student_number: "0123456".into(),
        framework: FrameworkInfo {
            id: fw.id.clone(),
            version: fw.version.clone(),
            sha256: hashed.sha256().into(),
        },
        mode: Mode::Assessor,
        assessor_name: "Jan Jansen".into(),
        assessor_email: "j.jansen@buurtwerk-noord.example.nl".into(),
        due_date: "2026-04-30".into(),
        host_origin: None,
    };
    let key = SigningKey::from_seed(DOCENT_SEED, CREATED);
    // In Amsterdam in summer (UTC+2), as the docent's browser would say.
    let signed =
        invitation.sign("Petra Bakker", &key, UUID, CREATED, &Zone::fixed(120)).expect("signs");
    assert_eq!(signed.valid_until, "2026-04-30T22:00:00Z");
    let link = signed.link("https://leeruitkomsten.example/");
    assert!(link.len() < MAX_LINK_CHARS, "{} characters", link.len());
    let fragment = link.split_once('#').map(|(_, f)| f).unwrap_or_default();
    let read = SignedInvitation::from_fragment(fragment, "2026-04-10T12:00:00Z").expect("reads");
    assert_eq!(read, signed);
    let made = format!("{}\n", signed.text);
    if std::env::var_os("LEERUITKOMSTEN_BLESS").is_some() {
        std::fs::write(FILE, &made).expect("examples/invitation.json written");
    }
    let committed = std::fs::read_to_string(Path::new(FILE)).unwrap_or_default();
    assert!(
        committed == made,
        "examples/invitation.json is not the invitation the app makes now; \
         run LEERUITKOMSTEN_BLESS=1 cargo test --test example_invitation and commit it"
    );
}
