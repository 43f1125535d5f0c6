import { z } from "zod";
import { ZCheckbox } from "./form-input";

/** Whether the account is named on public revision histories (issue 12); unticked: its role is shown. */
export const ZSetPublicCredit = z.object({ namedInPublic: ZCheckbox }).meta({ examples: [{ namedInPublic: true }] });
export type TSetPublicCredit = z.output<typeof ZSetPublicCredit>;
