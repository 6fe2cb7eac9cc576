import ICAL from "ical.js";
import { test, expect, expectAccessible, jsEnabled, signIn } from "./fixtures";


/** `YYYY-MM-DD`, `days` from today. */
function isoDay(days: number): string {
  const date = new Date(Date.now() + days * 86_400_000);
  return date.toISOString().slice(0, 10);
}

test("an organiser sets up a forum, a cohort and a meeting; visitors see it and take the .ics", async ({ page, browser, baseURL }, testInfo) => {
  test.setTimeout(90_000);
  const suffix = `${testInfo.project.name}-${Date.now()}`;
  const slug = `e2e-${suffix}`;
  const title = `Zukunftsforum ${suffix}`;

  await signIn(page, "koordination@demo.beteiligungsnetz.de");
  await page.goto("/foren-verwaltung");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Foren verwalten");
  await expectAccessible(page);

  // Bad input: the message at the field, what was typed kept, nothing created.
  await page.getByLabel("Titel", { exact: true }).fill(title);
  await page.getByLabel("Kurzadresse", { exact: true }).fill(slug);
  await page.getByRole("button", { name: "Forum anlegen" }).click();
  await expect(page.getByText("Bitte beschreiben Sie das Forum in einem Satz.")).toBeVisible();
  await expect(page.getByLabel("Titel", { exact: true })).toHaveValue(title);
  await expect(page.getByLabel("Kurzadresse", { exact: true })).toHaveValue(slug);

  await page.getByLabel("Kurzbeschreibung").fill("Ein Forum für Bürgermeister*innen, die Beteiligung ausprobieren wollen.");
  await page.getByLabel("Partner (optional)").fill("RENN.süd");
  await page.getByLabel("Veröffentlicht (für alle sichtbar)").check();
  await page.getByRole("button", { name: "Forum anlegen" }).click();
  await expect(page).toHaveURL(new RegExp(`/foren-verwaltung/${slug}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Forum bearbeiten: ${title}`);
  await expectAccessible(page);

  await page.getByRole("link", { name: "Neue Staffel anlegen" }).click();
  await expect(page).toHaveURL(new RegExp(`/foren-verwaltung/${slug}/staffeln/neu$`));
  await page.getByLabel("Name der Staffel").fill("Staffel 2027");
  await page.getByLabel("Kurzadresse", { exact: true }).fill("2027");
  await page.getByLabel("Bewerbung ab").fill(isoDay(-1));
  await page.getByLabel("Bewerbungsschluss").fill(isoDay(-3));
  await page.getByLabel("Plätze", { exact: true }).fill("12");
  await page.getByRole("group", { name: "Für Kommunen aus" }).getByLabel("Bayern").check();
  await page.getByLabel("Veröffentlicht (für alle sichtbar)").check();
  await page.getByRole("button", { name: "Staffel anlegen" }).click();
  await expect(page.getByText("Der Bewerbungsschluss liegt vor dem Beginn der Bewerbungsfrist.")).toBeVisible();
  await expect(page.getByRole("group", { name: "Für Kommunen aus" }).getByLabel("Bayern")).toBeChecked();
  await expect(page.getByLabel("Plätze", { exact: true })).toHaveValue("12");
  await page.getByLabel("Bewerbungsschluss").fill(isoDay(30));
  await page.getByRole("button", { name: "Staffel anlegen" }).click();
  await expect(page).toHaveURL(new RegExp(`/foren-verwaltung/${slug}/2027$`));
  await expectAccessible(page);

  await page.getByLabel("Titel des Termins").fill("Erstes Arbeitstreffen");
  await page.getByLabel("Datum", { exact: true }).fill(isoDay(60));
  await page.getByLabel("Beginn", { exact: true }).fill("10:00");
  await page.getByLabel("Ende", { exact: true }).fill("16:00");
  await page.getByLabel("Ort", { exact: true }).fill("Rathaus Augsburg, Rathausplatz 2");
  await page.getByRole("button", { name: "Termin hinzufügen" }).click();
  await expect(page.getByTestId("termine")).toContainText("Erstes Arbeitstreffen");
  await expect(page.getByLabel("Titel des Termins")).toHaveValue("");

  // A visitor sees the cohort: status, honest seats, the meeting, and a calendar file.
  const visitor = await browser.newContext({ baseURL, javaScriptEnabled: jsEnabled(testInfo) });
  try {
    const publicPage = await visitor.newPage();
    await publicPage.goto("/foren");
    await publicPage.getByRole("link", { name: title }).click();
    await expect(publicPage).toHaveURL(new RegExp(`/foren/${slug}$`));
    await publicPage.getByRole("link", { name: "Staffel 2027" }).click();
    await expect(publicPage).toHaveURL(new RegExp(`/foren/${slug}/2027$`));
    await expect(publicPage.getByRole("heading", { level: 1 })).toHaveText(`${title}: Staffel 2027`);
    await expect(publicPage.getByText("Bewerbung offen")).toBeVisible();
    await expect(publicPage.getByTestId("plaetze")).toHaveText("noch 12 von 12 Plätzen frei");
    await expect(publicPage.getByTestId("staffel-fakten")).toContainText("Bayern");
    await expect(publicPage.getByTestId("termine")).toContainText("Erstes Arbeitstreffen");
    await expect(publicPage.getByRole("link", { name: "Staffel bearbeiten" })).toHaveCount(0);
    await expectAccessible(publicPage);

    const href = await publicPage.getByRole("link", { name: /Alle Termine in den Kalender/ }).getAttribute("href");
    const response = await publicPage.request.get(href!);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
    const text = await response.text();
    const calendar = new ICAL.Component(ICAL.parse(text));
    const events = calendar.getAllSubcomponents("vevent");
    expect(events).toHaveLength(1);
    const event = new ICAL.Event(events[0]);
    expect(event.summary).toBe(`${title}: Erstes Arbeitstreffen`);
    expect(event.location).toBe("Rathaus Augsburg, Rathausplatz 2");
    expect(event.uid).toMatch(/^forum-meeting-\d+@/);
    expect(events[0].getFirstProperty("dtstart")!.getParameter("tzid")).toBe("Europe/Berlin");
    expect(event.startDate.toString()).toBe(`${isoDay(60)}T10:00:00`);
    expect(event.endDate.toString()).toBe(`${isoDay(60)}T16:00:00`);
    expect(calendar.getFirstSubcomponent("vtimezone")!.getFirstPropertyValue("tzid")).toBe("Europe/Berlin");
    // The single meeting's file carries the same UID.
    const meetingHref = await publicPage.getByRole("link", { name: /Termin „Erstes Arbeitstreffen“ in den Kalender/ }).getAttribute("href");
    const single = new ICAL.Component(ICAL.parse(await (await publicPage.request.get(meetingHref!)).text()));
    expect(new ICAL.Event(single.getFirstSubcomponent("vevent")!).uid).toBe(event.uid);
  } finally {
    await visitor.close();
  }
});

test("the demo forum is listed with its open cohort", async ({ page }) => {
  await page.goto("/foren");
  const forums = page.getByTestId("foren");
  await expect(forums).toContainText("Meine Kommune weiterdenken (Demo)");
  await expect(forums).toContainText("Bewerbung offen");
  await expect(page.getByRole("link", { name: "Foren verwalten" })).toHaveCount(0);
  await page.getByRole("link", { name: "Meine Kommune weiterdenken (Demo)" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Meine Kommune weiterdenken (Demo)");
  await expect(page.getByTestId("staffeln")).toContainText("3 Arbeitstreffen");
  await expectAccessible(page);
});
