import { databasePath } from "../db/location";
import { DatabaseStartError, openCheckedDatabase } from "../db/startup-check";

const file = databasePath();
console.log(`Migrating ${file} ...`);
try {
  const { close } = openCheckedDatabase(file);
  close();
  console.log("Schema is up to date.");
} catch (error) {
  if (!(error instanceof DatabaseStartError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
