import "server-only";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";

/** After a timeline write: fresh pages everywhere, and back to the entry that changed. */
export function backToTimeline(applicationId: string, anchor = "timeline"): never {
  revalidatePath("/", "layout");
  redirect(`/applications/${applicationId}#${anchor}`);
}
