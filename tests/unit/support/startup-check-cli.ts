// Runs the start-up check on one file and prints its verdict: the unit test
// runs this in a child process as an unprivileged user, for whom a
// read-only file really is read-only (root writes through file modes).
import { openCheckedDatabase } from "../../../db/startup-check";

try {
  openCheckedDatabase(process.argv[2]).close();
  console.log("opened");
} catch (error) {
  console.log(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
}
