// Times across daylight saving time, in browsers whose zone is Europe/Amsterdam and whose clock
// reads a day in winter: an invitation made then for a due date in summer ends at midnight of
// that day in summer time (22:00 UTC, not 23:00), the moment it was made is shown in winter time,
// and an invitation that ran out in summer says so in summer time, not in today's winter offset.
// Run: scripts/test page time-zone
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startApp } from "./harness.mjs";
import { parseJsonStrict } from "./independent-verify.mjs";
import { newSigner } from "./node-signer.mjs";
import { verifyCredential } from "./vc-verifier.mjs";

let app;
before(async () => { app = await startApp(); });
after(() => app?.close());

const WINTER_DAY = "2026-11-20T10:00:00Z";
const AMSTERDAM_IN_WINTER = { context: { timezoneId: "Europe/Amsterdam" }, time: new Date(WINTER_DAY) };

const INVITE = {
  "invite-docent-name": "Petra Bakker",
  "invite-student-name": "Fatima el Amrani",
  "invite-student-number": "500712345",
  "invite-assessor-name": "Joost de Graaf",
  "invite-assessor-email": "j.degraaf@buurtwerk.example.nl",
};

test("in winter, an invitation for a summer due date ends at midnight summer time, and a summer expiry reads in summer time", (t) =>
  app.withPage(t, async (docent, { newPage }) => {
    assert.equal(await docent.evaluate(() => -new Date().getTimezoneOffset()), 60, "the page's clock is in winter time");
    await docent.getByRole("navigation").getByRole("button", { name: "Uitnodigen", exact: true }).click();
    await docent.getByRole("heading", { name: "Een praktijkbeoordelaar uitnodigen" }).waitFor();
    for (const [id, value] of Object.entries(INVITE)) await docent.locator(`#${id}`).fill(value);
    await docent.locator("#invite-due-date").fill("2027-05-20");
    await docent.getByRole("button", { name: "Uitnodiging ondertekenen", exact: true }).click();
    const link = await docent.getByLabel("Link voor de beoordelaar").inputValue();
    const invitation = parseJsonStrict(Buffer.from(link.split("#uitnodiging=")[1], "base64url").toString("utf8"));
    assert.equal(invitation.credentialSubject.assessment.dueDate, "2027-05-20");
    assert.equal(invitation.validUntil, "2027-05-20T22:00:00Z", "midnight at the end of 20 May in summer time");
    assert.deepEqual(await verifyCredential(invitation, { now: "2026-12-01T00:00:00Z" }), { verified: true, error: null });
    // Made at 10:0x UTC on a winter day: 11:0x in Amsterdam.
    assert.match(await docent.locator(".invite-sent tbody tr").first().textContent(), /2026-11-20 11:0\d/);

    // Signed in Node, ran out at the end of 30 June (22:00 UTC): shown as midnight in summer time.
    const unsigned = structuredClone(invitation);
    delete unsigned.proof;
    unsigned.validFrom = "2026-06-01T07:30:00Z";
    unsigned.validUntil = "2026-06-30T22:00:00Z";
    unsigned.credentialSubject.assessment.dueDate = "2026-06-30";
    const expired = newSigner().sign(unsigned, invitation.proof);
    const assessor = await newPage();
    await assessor.goto("about:blank");
    await assessor.goto(`${link.split("#")[0]}#uitnodiging=${Buffer.from(JSON.stringify(expired), "utf8").toString("base64url")}`);
    const alert = assessor.locator(".invitation-banner[role=alert]");
    await alert.waitFor();
    assert.match(await alert.textContent(), /is verlopen \(geldig tot 2026-07-01 00:00\)/);
    return `validUntil ${invitation.validUntil}`;
  }, AMSTERDAM_IN_WINTER));
