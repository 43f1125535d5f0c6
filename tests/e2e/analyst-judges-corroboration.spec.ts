import { expect, test } from "@playwright/test";
import { withAppDatabase } from "./admin-database";
import { signInAs, signOut } from "./fixtures";

// Issue 13 item 4: a published development shows how many independent sources back it; an
// analyst overrides the rule's level with a reason, and a signed-out reader sees both.

test("an analyst overrides a development's corroboration level and a reader sees it with the reason", async ({ page }) => {
  const { rows } = await withAppDatabase((client) => client.query<{ id: string }>(`SELECT id FROM "StatusChange" WHERE headline = $1`, ["South Korea puts Japan back on its white list"]));
  const id = rows[0]!.id;
  await signInAs(page, "analyst", { callbackUrl: `/desk/entries/${id}` });
  await page.goto(`/desk/entries/${id}`);
  const section = page.getByRole("region", { name: "Corroboration" });
  await expect(section.getByText("The rule says:")).toContainText("Corroborated (Confirmed by 2 independent sources, 1 graded B or better.)");
  await section.getByLabel("Level readers see").selectOption("SINGLE_SOURCE");
  await section.getByLabel("Reason").fill("The Korea Herald story is Yonhap copy.");
  await section.getByRole("button", { name: "Save the corroboration level" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved.");

  await signOut(page);
  await page.goto(`/developments/${id}`);
  const entry = page.getByRole("article");
  await expect(entry.locator("p", { hasText: "Corroboration:" })).toContainText("Confirmed by 2 independent sources, 1 graded B or better. An analyst judged it single source: The Korea Herald story is Yonhap copy.");
});
