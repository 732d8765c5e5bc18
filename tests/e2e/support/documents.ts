import { expect, type Page } from "@playwright/test";
import Database from "better-sqlite3";
import { row, rows, sql } from "./db";
import { compile } from "./sql";

export type UploadFile = { name: string; mimeType: string; buffer: Buffer };

/** A small PDF; `tag` gives each its own bytes, `size` pads it. */
export function pdfFile(tag: string, size = 0, name = `${tag}.pdf`): UploadFile {
  const body = Buffer.from(`%PDF-1.7\n% ${tag}\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n`);
  const buffer = size > body.length ? Buffer.concat([body, Buffer.alloc(size - body.length, 0x20)]) : body;
  return { name, mimeType: "application/pdf", buffer };
}

/** Uploads a new document from /documents and waits for it to be listed. */
export async function uploadDocument(page: Page, { name, kind = "CV", file }: { name: string; kind?: string; file: UploadFile }) {
  await page.goto("/documents");
  const form = page.getByTestId("upload-form");
  await form.getByLabel("Kind").selectOption({ label: kind });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("File").setInputFiles(file);
  await form.getByRole("button", { name: "Upload document" }).click();
  await expect(form.getByRole("status")).toHaveText("Saved to your documents.");
  await expect(page.getByRole("heading", { level: 3, name })).toBeVisible();
}

/** The account's documents, versions and attachments as stored (no bytes): in the servers' database, or another SQLite file (the fault server's). */
export async function libraryOf(email: string, sqliteFile?: string): Promise<Record<string, unknown>[]> {
  const query = sql`select d.name, v.number, v.file_name, v.size, (select count(*) from document_attachments a where a.version_id = v.id) attached
        from documents d join document_versions v on v.document_id = d.id join users u on u.id = d.user_id
        where u.email = ${email} order by d.name, v.number`;
  if (!sqliteFile) return rows(query);
  const db = new Database(sqliteFile, { readonly: true, fileMustExist: true });
  try {
    const { text, values } = compile(query);
    return db.prepare(text).all(...values) as Record<string, unknown>[];
  } finally {
    db.close();
  }
}

export const versionIdOf = async (email: string, name: string, number: number) =>
  (await row<{ id: string }>(
    sql`select v.id from document_versions v join documents d on d.id = v.document_id join users u on u.id = d.user_id
        where u.email = ${email} and d.name = ${name} and v.number = ${number}`,
  ))!.id;
