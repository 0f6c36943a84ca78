//! The fixed strings of the whole form's screens: the saved assessments, the signing key, signing,
//! the printed report and the record check. They are one table because every screen reads it
//! through `Lang::texts()`; the areas with a table of their own keep it beside their wording. The
//! form's own strings (the details, the indicators, the summary, the bar) are `FormTexts`, in
//! `form.rs`: the scoring page shows only those, and a page that reads a field of a table carries
//! the whole table.

texts! { Texts, NL, EN {
    chart_label: "Verdeling van de scores", "Distribution of the scores";
    storage_unreadable: "Een of meer bewaarde beoordelingen konden niet worden gelezen. Ze zijn niet overschreven en staan onderaan bij Beoordelingen, waar je ze kunt downloaden.",
        "One or more saved assessments could not be read. They have not been overwritten and are listed at the bottom of Assessments, where you can download them.";
    storage_migration_failed: "De beoordeling die een eerdere versie van de app bewaarde, kon niet worden overgezet. Ze is niet overschreven.",
        "The assessment an earlier version of the app saved could not be moved over. It has not been overwritten.";
    storage_kept_apart: "Na een onderbreking had deze browser een nieuwere versie bewaard van een beoordeling die je hier al had gewijzigd. Je wijziging blijft staan; die nieuwere versie staat apart onder Beoordelingen.",
        "After an interruption this browser had kept a newer version of an assessment you had already changed here. Your change stays; that newer version is listed on its own under Assessments.";
    download_everything: "Alles downloaden", "Download everything";
    download_failed: "Deze browser maakte het bestand niet aan.", "This browser did not make the file.";
    nav_library: "Beoordelingen", "Assessments";
    library_heading: "Bewaarde beoordelingen", "Saved assessments";
    library_intro: "Alle beoordelingen in deze browser. Elke wijziging wordt meteen bewaard.",
        "Every assessment in this browser. Each change is saved at once.";
    library_empty: "Er zijn nog geen bewaarde beoordelingen.", "There are no saved assessments yet.";
    library_new: "Nieuwe beoordeling", "New assessment";
    library_open: "Openen", "Open";
    library_duplicate: "Kopie maken", "Duplicate";
    library_delete: "Verwijderen", "Delete";
    library_delete_confirm: "Definitief verwijderen", "Delete for good";
    library_undo: "Ongedaan maken", "Undo";
    library_deleted: "Beoordeling verwijderd.", "Assessment deleted.";
    library_current: "nu open", "open now";
    library_copy_badge: "nieuwe kopie", "new copy";
    library_draft: "concept", "draft";
    library_final: "ondertekend", "signed";
    library_no_name: "(nog geen naam)", "(no name yet)";
    library_other_framework: "ander beoordelingskader: kan hier niet worden geopend", "another framework: cannot be opened here";
    library_link_framework: "ander beoordelingskader, uit de link", "another framework, from the link";
    library_unreadable: "Onleesbare opgeslagen gegevens", "Unreadable saved data";
    library_download_raw: "Ruwe gegevens downloaden", "Download the raw data";
    library_backup_heading: "Back-up en verhuizen", "Back up and move";
    library_backup_intro: "Download alle beoordelingen als één bestand, en importeer dat bestand op een ander apparaat. Bij importeren blijft van elke beoordeling de nieuwste versie over; een ondertekende beoordeling wordt nooit door een concept vervangen.",
        "Download every assessment as one file, and import that file on another device. Importing keeps the newest copy of each assessment; a signed assessment is never replaced by a draft.";
    library_backup_download: "Back-up downloaden", "Download a backup";
    library_backup_import: "Back-up importeren", "Import a backup";
    library_storage_unavailable: "De opslag van deze browser is niet beschikbaar; hier staan geen bewaarde beoordelingen.",
        "This browser's storage is not available; no saved assessments are listed.";
    framework_error: "Het beoordelingskader kon niet worden geladen", "The framework could not be loaded";
    action_error: "Deze wijziging is niet verwerkt", "This change was not made";
    dismiss: "Sluiten", "Dismiss";
    source: "Bron", "Source";
    menu: "Menu", "Menu";
    final_notice: "Deze beoordeling is ondertekend en definitief. Het formulier is alleen nog te lezen.",
        "This assessment is signed and final. The form can only be read.";
    print_signature_heading: "Ondertekening", "Signature";
    print_draft: "Niet ondertekend: dit is een concept. Alleen een ondertekend record (JSON) is te controleren.",
        "Not signed: this is a draft. Only a signed record (JSON) can be verified.";
    print_key: "Sleutel (did:key)", "Key (did:key)";
    print_check: "Controle van de handtekening", "Signature check";
    print_checking: "wordt gecontroleerd…", "being checked…";
    print_no_ed25519: "niet te controleren in deze browser (hij kent Ed25519 niet)",
        "cannot be checked in this browser (it does not know Ed25519)";
    cancel: "Annuleren", "Cancel";
    nav_assess: "Beoordelen", "Assess";
    nav_verify: "Record controleren", "Verify a record";
    key_heading: "Je ondertekensleutel", "Your signing key";
    key_intro: "Met deze sleutel onderteken je beoordelingen op dit apparaat. Hij blijft in deze browser.",
        "You sign assessments on this device with this key. It stays in this browser.";
    key_none: "Je sleutel is je digitale handtekening op dit apparaat. Er is nog geen sleutel: de app maakt hem wanneer je voor het eerst ondertekent.",
        "Your key is your digital signature on this device. There is no key yet: the app makes it when you first sign.";
    key_none_backup: "Download daarna een back-up van de sleutel. Daarmee onderteken je ook op een ander apparaat, in een nieuwe browser of nadat deze browser is gewist.",
        "Then download a backup of the key. With it you can also sign on another device, in a new browser or after this browser has been cleared.";
    key_technical: "Technische gegevens", "Technical details";
    key_did_explained: "De did:key is het openbare deel van je sleutel. Het staat in elk record dat je ondertekent, zodat de hogeschool kan nagaan dat het record met deze sleutel is ondertekend.",
        "The did:key is the public part of your key. It is in every record you sign, so the school can check that the record was signed with this key.";
    key_have_one: "Ik heb al een sleutel", "I already have a key";
    key_fingerprint: "Vingerafdruk", "Fingerprint";
    key_fingerprint_inline: "vingerafdruk", "fingerprint";
    key_export: "Back-up van de sleutel downloaden", "Download a key backup";
    key_export_hint: "Bewaar de back-up veilig en deel hem met niemand: wie het bestand heeft, kan namens jou ondertekenen.",
        "Keep the backup safe and share it with no one: whoever has the file can sign in your name.";
    key_backup_now: "Met deze sleutel is de beoordeling net ondertekend. Download nu een back-up: zonder back-up kun je na het wissen van deze browser niet meer met dezelfde sleutel ondertekenen.",
        "This key has just signed the assessment. Download a backup now: without one, you can no longer sign with the same key once this browser is cleared.";
    key_import: "Sleutel uit back-up importeren", "Import a key from a backup";
    key_replace_warning: "In deze browser staat al een sleutel. Importeren vervangt die. Records die je ermee ondertekende blijven geldig, maar zonder back-up kun je er niet meer mee ondertekenen.",
        "This browser already has a key. Importing replaces it. Records you signed with it stay valid, but without a backup you can no longer sign with it.";
    key_replace_confirm: "Sleutel vervangen", "Replace the key";
    key_imported: "De sleutel is geïmporteerd.", "The key has been imported.";
    key_not_kept: "De sleutel kan niet in deze browser worden bewaard (opslag uitgeschakeld of vol). Zonder bewaarde sleutel kun je niet ondertekenen.",
        "The key cannot be kept in this browser (storage disabled or full). Without a kept key you cannot sign.";
    key_unreadable: "De bewaarde sleutel in deze browser is onleesbaar. Importeer je back-up; de app maakt geen nieuwe sleutel zolang de oude er staat.",
        "The key kept in this browser is unreadable. Import your backup; the app makes no new key while the old one is there.";
    sign_intro: "Na ondertekenen is de beoordeling definitief en niet meer te wijzigen. Je downloadt een JSON-bestand dat de hogeschool kan controleren.",
        "Once signed, the assessment is final and can no longer change. You download a JSON file the school can verify.";
    sign_start: "Ondertekenen en exporteren…", "Sign and export…";
    sign_question: "Onderteken je de beoordeling definitief?", "Do you sign the assessment as final?";
    sign_unscored_hint: "Deze indicatoren komen als ‘niet gescoord’ in het record:",
        "These indicators go into the record as ‘not scored’:";
    sign_back: "Terug naar het formulier", "Back to the form";
    sign_confirm: "Definitief ondertekenen", "Sign as final";
    sign_failed: "Ondertekenen is niet gelukt", "Signing failed";
    no_ed25519: "Deze browser kan niet ondertekenen: hij kent de handtekening Ed25519 niet. Werk hem bij (Chrome of Edge 137, Firefox 129, Safari 17 of nieuwer) of open de app in een andere browser. Je beoordeling blijft hier bewaard.",
        "This browser cannot sign: it does not know the Ed25519 signature. Update it (Chrome or Edge 137, Firefox 129, Safari 17 or newer) or open the app in another browser. Your assessment stays kept here.";
    key_mismatch: "De bewaarde sleutel klopt niet: het geheime deel hoort niet bij de did:key. Importeer je back-up; er is niets ondertekend.",
        "The kept key is wrong: its secret part does not belong to its did:key. Import your backup; nothing was signed.";
    signed_heading: "Ondertekend", "Signed";
    download_again: "Record opnieuw downloaden", "Download the record again";
    copy_json: "JSON kopiëren", "Copy the JSON";
    record_download_failed: "Deze browser maakte het bestand niet aan. De beoordeling is wel ondertekend: kies ‘JSON kopiëren’ en plak de tekst in een bestand dat eindigt op .json.",
        "This browser did not make the file. The assessment is signed all the same: choose ‘Copy the JSON’ and paste the text into a file ending in .json.";
    copied: "Het record staat op het klembord.", "The record is on the clipboard.";
    copy_failed: "Kopiëren lukte niet in deze browser; download het bestand.", "Copying failed in this browser; download the file.";
    new_assessment: "Nieuwe beoordeling starten", "Start a new assessment";
    new_assessment_warning: "Je begint een nieuwe beoordeling. Deze ondertekende beoordeling blijft bewaard onder Beoordelingen, waar je het record altijd opnieuw kunt downloaden.",
        "You start a new assessment. This signed assessment stays saved under Assessments, where you can always download the record again.";
    verify_heading: "Record controleren", "Verify a record";
    verify_intro: "Open of sleep een beoordelingsrecord (JSON). De app controleert de handtekening, het beoordelingskader en de resultaten. Het bestand blijft op dit apparaat.",
        "Open or drop an assessment record (JSON). The app checks the signature, the framework and the results. The file stays on this device.";
    choose_file: "Bestand kiezen", "Choose a file";
    choose_files: "Bestand of bestanden kiezen", "Choose one or more files";
    batch_caption: "Gecontroleerde records", "Records checked";
    batch_file: "Bestand", "File";
    batch_result: "Resultaat", "Result";
    batch_student: "Student", "Student";
    drop_here: "of sleep een bestand hierheen", "or drop a file here";
    drop_here_many: "of sleep de bestanden hierheen", "or drop the files here";
    file_unreadable: "Het bestand kon niet worden gelezen.", "The file could not be read.";
    verify_valid: "Geldig", "Valid";
    verify_invalid: "Niet geldig", "Not valid";
    verify_valid_detail: "De handtekening klopt, het kader is bekend en de resultaten volgen uit de scores.",
        "The signature matches, the framework is known and the results follow from the scores.";
    verify_signature_ok: "De handtekening zelf klopt.", "The signature itself matches.";
    verify_reasons: "Waarom niet", "Why not";
    verify_signer: "Ondertekend met sleutel", "Signed with key";
    verify_created: "Gemaakt op", "Created";
    verify_unknown_framework: "Dit record hoort bij een beoordelingskader dat deze app niet kent. De handtekening is wel gecontroleerd; de inhoud kan niet worden getoond.",
        "This record belongs to a framework this app does not know. The signature has been checked; the contents cannot be shown.";
    record_heading: "Inhoud van het record", "Contents of the record";
    record_untrusted: "Let op: het record is niet geldig. Wat hieronder staat, kan zijn veranderd.",
        "Note: the record is not valid. What follows may have been changed.";
    not_scored: "niet gescoord", "not scored";
}}
