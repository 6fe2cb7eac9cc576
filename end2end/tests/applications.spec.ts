import { execFileSync } from "node:child_process";
import type { APIRequestContext } from "@playwright/test";
import { test, expect, expectAccessible, jsEnabled, signIn } from "./fixtures";
import { linkFromMail } from "./mailbox";

const DEMO_FORUM = "meine-kommune-weiterdenken";
const ORGANISER = "freiburg@demo.beteiligungsnetz.de";
const COORDINATOR = "koordination@demo.beteiligungsnetz.de";

/** `YYYY-MM-DD`, `days` from today. */
function isoDay(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** A server function called as the signed-in browser context calls it. */
async function call(request: APIRequestContext, path: string, form: Record<string, string>) {
  const response = await request.post(path, { form });
  expect(response.status(), `${path}: ${await response.text()}`).toBeLessThan(300);
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

function applicationForm(cohortId: number, email: string, name: string, body: string) {
  return {
    cohort_id: String(cohortId),
    name,
    email,
    role: "buergermeister",
    department: "",
    body_kind: "stadt",
    body,
    body_district: "",
    motivation: "Wir wollen Beteiligung fest in unserer Verwaltung verankern.",
    challenge: "Die Innenstadt verliert ihre Geschäfte; wir suchen Wege mit den Menschen vor Ort.",
    commitment: "ja",
    consent: "ja",
  };
}

test("a decision-maker applies, the organiser accepts, the applicant sees it on the private page", async ({ page, browser, baseURL }, testInfo) => {
  test.setTimeout(90_000);
  const email = `ob-${testInfo.project.name}-${Date.now()}@augsburg.test`;
  const name = `Anna Augsburg ${testInfo.project.name}`;

  await page.goto(`/foren/${DEMO_FORUM}`);
  await page.getByRole("link", { name: /^Staffel \d{4}$/ }).click();
  await page.getByRole("link", { name: "Jetzt bewerben" }).click();
  await expect(page).toHaveURL(/\/bewerben$/);
  await expectAccessible(page);

  // Incomplete: messages at the fields, what was typed kept.
  await page.getByLabel("Vor- und Nachname").fill(name);
  await page.getByLabel("Dienstliche E-Mail-Adresse").fill(email);
  await page.getByRole("button", { name: "Bewerbung absenden" }).click();
  await expect(page.getByText("Bitte wählen Sie Ihr Amt aus der Liste.")).toBeVisible();
  await expect(page.getByText("Bitte willigen Sie in die Verarbeitung Ihrer Angaben ein.")).toBeVisible();
  await expect(page.getByLabel("Vor- und Nachname")).toHaveValue(name);

  // Not eligible: a city from North Rhine-Westphalia, with the reason at the field.
  await page.getByLabel("Ihr Amt").selectOption("oberbuergermeister");
  await page.getByRole("group", { name: "Sie handeln für" }).getByLabel("Stadt").check();
  await page.getByLabel("Kommune oder Landkreis").fill("Köln");
  await page.getByLabel("Warum möchten Sie teilnehmen?").fill("Wir wollen Beteiligung fest in der Verwaltung verankern.");
  await page.getByLabel("Ihr aktuelles Anliegen für die kollegiale Beratung").fill("Die Innenstadt verliert ihre Geschäfte und wir suchen Wege.");
  await page.getByLabel("Ich nehme an allen Arbeitstreffen der Staffel teil.").check();
  await page.getByLabel(/Datenschutzhinweise/).check();
  await page.getByRole("button", { name: "Bewerbung absenden" }).click();
  await expect(page.getByText(/Die angegebene Kommune liegt in Nordrhein-Westfalen/)).toBeVisible();
  await expect(page.getByLabel("Warum möchten Sie teilnehmen?")).toHaveValue("Wir wollen Beteiligung fest in der Verwaltung verankern.");

  await page.getByLabel("Kommune oder Landkreis").fill("Augsburg (Bayern)");
  if (!jsEnabled(testInfo)) {
    // Without JavaScript the form came back from the server: the boxes are ticked again.
    await expect(page.getByLabel("Ich nehme an allen Arbeitstreffen der Staffel teil.")).toBeChecked();
  }
  await page.getByLabel("Ich nehme an allen Arbeitstreffen der Staffel teil.").check();
  await page.getByLabel(/Datenschutzhinweise/).check();
  await page.getByRole("button", { name: "Bewerbung absenden" }).click();
  await expect(page).toHaveURL(/\/bewerben\/danke$/);
  await expect(page.getByTestId("bewerbung-eingegangen")).toContainText("persönlichen Link");

  // The confirmation e-mail carries the private link.
  const link = await linkFromMail(email, "/bewerbung");
  await page.goto(link);
  await expect(page.getByTestId("bewerbung-status")).toHaveText("eingegangen");
  await expectAccessible(page);

  // The organiser accepts with an adjusted e-mail.
  const organiser = await browser.newContext({ baseURL, javaScriptEnabled: jsEnabled(testInfo) });
  try {
    const review = await organiser.newPage();
    await signIn(review, ORGANISER);
    await review.goto(`/foren/${DEMO_FORUM}`);
    await review.getByRole("link", { name: /^Staffel \d{4}$/ }).click();
    await review.getByRole("link", { name: "Bewerbungen ansehen" }).click();
    await expect(review.getByRole("heading", { level: 1 })).toContainText("Bewerbungen");
    await expectAccessible(review);
    await review.getByRole("link", { name }).click();
    await expect(review.getByTestId("bewerbung-status")).toHaveText("eingegangen");
    await review.getByText("Annehmen", { exact: true }).click();
    const text = review.getByLabel("E-Mail an die Bewerber*in").first();
    await expect(text).toContainText("wir freuen uns");
    await text.fill(`Guten Tag ${name},\n\nwillkommen in der Staffel! Wir sehen uns beim ersten Treffen.`);
    await review.getByRole("button", { name: "Annehmen und E-Mail senden" }).click();
    await expect(review.getByTestId("bewerbung-status")).toHaveText("angenommen");
    await expectAccessible(review);
  } finally {
    await organiser.close();
  }

  await page.goto(link);
  await expect(page.getByTestId("bewerbung-status")).toHaveText("angenommen");
});

test("a full cohort wait-lists; a withdrawal offers the seat; an expired offer passes on; the next accepts by link", async ({ page, browser, baseURL }, testInfo) => {
  test.setTimeout(120_000);
  const suffix = `${testInfo.project.name}-${Date.now()}`;
  const slug = `warteliste-${suffix}`;
  const [a, b, c] = ["a", "b", "c"].map((who) => `${who}-${suffix}@kommune.test`);

  // Set-up through the coordinators' server functions: a forum with an open one-seat cohort.
  await signIn(page, COORDINATOR);
  await call(page.request, "/api/forums/create", {
    slug, title: `Warteliste ${suffix}`, summary: "Ein Forum mit nur einem Platz für den Test.",
    description: "", target_group: "", methods: "", partner: "", published: "ja",
  });
  const editor = await call(page.request, "/api/forums/editor", { slug });
  await call(page.request, "/api/forums/cohorts/create", {
    forum_id: String(editor.forum.id), name: "Staffel Eins", slug: "eins",
    opens_on: isoDay(-1), closes_on: isoDay(20), capacity: "1",
    "states[]": "", "roles[]": "", "bodies[]": "", published: "ja",
  });
  const cohort = (await call(page.request, "/api/forums/cohort", { forum: slug, cohort: "eins" })).cohort;
  const visitor = await browser.newContext({ baseURL, javaScriptEnabled: jsEnabled(testInfo) });
  try {
    for (const [email, place] of [[a, "Augsburg (Bayern)"], [b, "Ulm"], [c, "Passau"]]) {
      await call(visitor.request, "/api/forums/apply", applicationForm(cohort.id, email, `Person ${email}`, place));
    }
    const list = await call(page.request, "/api/forums/applications", {
      forum: slug, cohort: "eins", "filter[status]": "", "filter[land]": "", "filter[role]": "", "filter[art]": "", "filter[groesse]": "",
    });
    const idOf = (email: string) => list.rows.find((row: { name: string }) => row.name === `Person ${email}`).id;
    await call(page.request, "/api/forums/applications/decide", { id: String(idOf(a)), decision: "annehmen", mail_text: "Guten Tag, Sie haben einen Platz." });

    // In the UI: accepting B is refused (full), so B goes on the waitlist.
    await page.goto(`/foren-verwaltung/${slug}/eins/bewerbungen/${idOf(b)}`);
    await page.getByText("Annehmen", { exact: true }).click();
    await page.getByRole("button", { name: "Annehmen und E-Mail senden" }).click();
    await expect(page.getByRole("alert")).toContainText("Alle Plätze dieser Staffel sind vergeben");
    await page.getByText("Auf die Warteliste", { exact: true }).click();
    await page.getByRole("button", { name: "Auf die Warteliste und E-Mail senden" }).click();
    await expect(page.getByTestId("bewerbung-status")).toHaveText("Warteliste (Platz 1)");
    await call(page.request, "/api/forums/applications/decide", { id: String(idOf(c)), decision: "warteliste", mail_text: "Guten Tag, Sie stehen auf der Warteliste." });

    // A withdraws through the private link: B is offered the seat by e-mail.
    const applicant = await visitor.newPage();
    await applicant.goto(await linkFromMail(a, "/bewerbung"));
    await applicant.getByRole("button", { name: "Bewerbung zurückziehen" }).click();
    await expect(applicant.getByTestId("bewerbung-status")).toHaveText("zurückgezogen");
    const bLink = await linkFromMail(b, "/bewerbung");
    await applicant.goto(bLink);
    await expect(applicant.getByTestId("bewerbung-status")).toHaveText("Platz angeboten");
    await expect(applicant.getByRole("button", { name: "Platz annehmen" })).toBeVisible();
    await expectAccessible(applicant);

    // Six days later B has not answered: the job ends the offer and offers the seat to C.
    const later = new Date(Date.now() + 6 * 86_400_000).toISOString();
    execFileSync(process.env.E2E_SERVER_BIN!, ["jobs", "waitlist", "--at", later, "--forum", slug], {
      env: { ...process.env, DATABASE_URL: process.env.E2E_DATABASE_URL!, SMTP_URL: process.env.E2E_SMTP_URL!, PUBLIC_URL: baseURL!, LOG_LEVEL: "warn" },
    });
    await applicant.goto(bLink);
    await expect(applicant.getByTestId("bewerbung-status")).toHaveText("Angebot verfallen");
    await applicant.goto(await linkFromMail(c, "/bewerbung"));
    await expect(applicant.getByTestId("bewerbung-status")).toHaveText("Platz angeboten");
    await applicant.getByRole("button", { name: "Platz annehmen" }).click();
    await expect(applicant.getByTestId("bewerbung-status")).toHaveText("angenommen");
  } finally {
    await visitor.close();
  }
  await page.goto(`/foren/${slug}/eins`);
  await expect(page.getByTestId("plaetze")).toHaveText("der einzige Platz ist vergeben");
});

test("organisers record attendance and download the participant list", async ({ page }, testInfo) => {
  await signIn(page, ORGANISER);
  await page.goto(`/foren/${DEMO_FORUM}`);
  await page.getByRole("link", { name: /^Staffel \d{4}$/ }).click();
  await page.getByRole("link", { name: "Staffel bearbeiten" }).click();
  await page.getByRole("link", { name: "Teilnahme und Listen" }).click();
  await expect(page.getByTestId("teilnehmende")).toContainText("Anna Augsburg (Demo)");
  await expectAccessible(page);
  // Each project records a different meeting (they run at the same time).
  const meeting = jsEnabled(testInfo) ? 0 : 1;
  const section = page.locator("section").filter({ has: page.getByRole("button", { name: /^Anwesenheit speichern/ }) }).nth(meeting);
  await section.getByLabel("Ulrich Ulm (Demo)").check();
  await section.getByRole("button", { name: /^Anwesenheit speichern/ }).click();
  await expect(page.locator("section").filter({ has: page.getByRole("button", { name: /^Anwesenheit speichern/ }) }).nth(meeting)).toContainText("Anwesenheit erfasst.");
  await expect(page.locator("section").filter({ has: page.getByRole("button", { name: /^Anwesenheit speichern/ }) }).nth(meeting).getByLabel("Ulrich Ulm (Demo)")).toBeChecked();
  const href = await page.getByRole("link", { name: "Teilnehmendenliste (CSV)" }).getAttribute("href");
  const csv = await page.request.get(href!);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect(await csv.text()).toContain("Ulrich Ulm (Demo)");
});

test("a visitor asks to hear of new cohorts and confirms by e-mail", async ({ page }, testInfo) => {
  const email = `leser-${testInfo.project.name}-${Date.now()}@stadt.test`;
  await page.goto(`/foren/${DEMO_FORUM}`);
  await page.getByLabel("Ihre E-Mail-Adresse").fill("keine adresse");
  await page.getByRole("button", { name: "Benachrichtigen" }).click();
  await expect(page.getByText(/gültige E-Mail-Adresse/)).toBeVisible();
  await page.getByLabel("Ihre E-Mail-Adresse").fill(email);
  await page.getByRole("button", { name: "Benachrichtigen" }).click();
  await expect(page).toHaveURL(/\/benachrichtigung\/angefordert$/);
  await page.goto(await linkFromMail(email, "/benachrichtigung/bestaetigen"));
  await expectAccessible(page);
  await page.getByRole("button", { name: "Ja, benachrichtigen" }).click();
  await expect(page).toHaveURL(/\/benachrichtigung\/bestaetigt$/);
});
