import { databasePath } from "../lib/config";
import { openDatabase } from "./open";

const file = databasePath();
console.log(`Migrating ${file} ...`);
const { sqlite } = openDatabase(file);
sqlite.close();
console.log("Schema is up to date.");
