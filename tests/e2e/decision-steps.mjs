// Steps of the examinator's path that several page tests take on the way to what they test.
import { download } from "./harness.mjs";

const file = (name, bytes) => ({ name, mimeType: "application/json", buffer: Buffer.from(bytes) });

/**
 * Verifies `record` (the bytes of a signed record) in the verify view, decides on it (the advice
 * taken for every outcome, LU6 *niet beoordeeld*) as Petra van den Berg and signs; returns the
 * decision file as downloaded ({ name, text }) once the page says it is signed.
 */
export async function signDecision(page, record) {
  await page.getByRole("button", { name: "Record controleren", exact: true }).click();
  await page.setInputFiles("#record-file", [file("record.json", record)]);
  await page.locator(".verdict-result", { hasText: "Geldig" }).waitFor();
  await page.getByRole("button", { name: "Besluit vastleggen", exact: true }).click();
  await page.getByRole("button", { name: "Advies overnemen voor alle leeruitkomsten" }).click();
  await page.locator('section.decide-outcome[data-outcome="LU6"]').getByRole("radio", { name: "niet beoordeeld", exact: true }).check();
  await page.getByLabel("Jouw naam (examinator)").fill("Petra van den Berg");
  await page.getByRole("button", { name: "Besluit ondertekenen", exact: true }).click();
  const decision = await download(page, () => page.getByRole("alertdialog").getByRole("button", { name: "Ja, besluit ondertekenen" }).click());
  await page.getByRole("heading", { name: "Besluit ondertekend" }).waitFor();
  return decision;
}
