// Loads the sample applications into one account.
//   npm run db:seed                      -> the demo account (created if missing)
//   npm run db:seed -- you@example.com   -> an account you already signed up with
import { hashPassword } from "../lib/auth/password";
import { countApplications, insertApplications } from "../lib/data/applications";
import { createUser, findUserByEmail } from "../lib/data/users";
import { sampleApplications } from "../lib/sample-data";
import { openConfigured } from "../db/open-configured";

const DEMO = { email: "demo@shortlist.local", name: "Demo", password: "shortlist-demo" };

async function main() {
  const email = (process.argv[2] ?? DEMO.email).trim().toLowerCase();
  const { db, where, close } = await openConfigured();
  try {
    let user = await findUserByEmail(db, { email });
    if (!user && email === DEMO.email) {
      user = (await createUser(db, { name: DEMO.name, email, passwordHash: await hashPassword(DEMO.password) })) ?? undefined;
      console.log(`Created the demo account: ${DEMO.email} / ${DEMO.password}`);
    }
    if (!user) {
      console.error(`No account uses ${email}. Sign up in the app first, then run this again.`);
      process.exitCode = 1;
      return;
    }
    const existing = (await countApplications(db, { userId: user.id })).total;
    if (existing > 0) {
      console.log(`${email} already has ${existing} applications; sample data is only loaded into an empty account.`);
      return;
    }
    const rows = sampleApplications(new Date(), user.timeZone);
    await insertApplications(db, {
      userId: user.id,
      rows,
      onProgress: (done, total) => {
        process.stdout.write(`\rLoading sample applications: ${done}/${total}`);
      },
    });
    console.log(`\nLoaded ${rows.length} sample applications for ${email} into ${where}.`);
  } finally {
    await close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
